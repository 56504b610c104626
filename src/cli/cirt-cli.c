/* cirt-cli.c — cirt-assess-cli: every core capability without a display
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"

static const CirtCliCommand commands[] = {
  { "instruments", "[--json]", N_("List the instruments that can be used"), cirt_cli_cmd_instruments },
  { "validate", "FILE...", N_("Check instrument files and report every problem"), cirt_cli_cmd_validate },
  { "new", "--title T --country C [--country-code CC] [--region R] [--organisation O] [--phase P] --instrument ID_OR_FILE... [--assessor NAME]",
    N_("Create an assessment and print its id"), cirt_cli_cmd_new },
  { "edit", "ID [--title T] [--country C] [--country-code CC|none] [--region R|none] [--organisation O] [--phase P] [--assessor NAME] [--started YYYY-MM-DD] [--ended YYYY-MM-DD] [--status in-progress|completed]",
    N_("Change an assessment's description: title, country, code, region, phase…"), cirt_cli_cmd_edit },
  { "list", "[--json]", N_("List the assessments"), cirt_cli_cmd_list },
  { "show", "ID [--json]", N_("Show an assessment with every answer"), cirt_cli_cmd_show },
  { "answer", "ID QUESTION VALUE [--notes T [--internal]] [--evidence T] [--source T] [--session SESSION] [--author NAME] | ID QUESTION --na --notes JUSTIFICATION",
    N_("Record an answer"), cirt_cli_cmd_answer },
  { "unanswer", "ID QUESTION", N_("Remove an answer's value (notes are kept)"), cirt_cli_cmd_unanswer },
  { "target", "ID PILLAR LEVEL", N_("Set the target level (1–5, 0 removes it) of a pillar"), cirt_cli_cmd_target },
  { "stakeholder", "ID add --name N --organisation O [--sector S] [--date YYYY-MM-DD] [--notes T]",
    N_("Record a stakeholder interview"), cirt_cli_cmd_stakeholder },
  { "finding", "ID add --kind issue|quick-win|risk --pillar P --phase design|establishment|enhancement --title T [--description D] [--question ID…] [--position N] [--author NAME] | ID list [--json] | ID edit FINDING [options of add] [--no-questions] | ID remove FINDING",
    N_("Record the mission's key issues, quick wins and risks to the project"), cirt_cli_cmd_finding },
  { "session", "ID add --date YYYY-MM-DD [--start HH:MM] [--end HH:MM] [--place P] [--stakeholder S…] [--assessor NAME…] [--section ID…] [--notes T] [--author NAME] | ID list [--json] | ID show SESSION [--json] | ID edit SESSION [options of add] [--no-stakeholders] [--no-assessors] [--no-sections] | ID remove SESSION",
    N_("Plan and record the mission's interview sessions"), cirt_cli_cmd_session },
  { "statement", "ID add QUESTION --stakeholder S (--text T | --text-file FILE) [--session SESSION] [--author NAME] | ID list [QUESTION] [--json] | ID remove STATEMENT",
    N_("Record what a stakeholder said about a question, apart from the answer"), cirt_cli_cmd_statement },
  { "plan", "ID [--json]", N_("Show which stakeholder groups the planned sessions meet for each section, and what is not covered yet"),
    cirt_cli_cmd_plan },
  { "review", "set ID QUESTION accepted|needs-work|clear [--comment C] [--by NAME] | list ID [--state S] [--section S] [--assessor A] [--session S|none] [--json] | summary ID [--json]",
    N_("The lead assessor's review of the answers: accept one, ask for work on it, list them by state"), cirt_cli_cmd_review },
  { "delete", "ID", N_("Delete an assessment"), cirt_cli_cmd_delete },
  { "verify", "ID", N_("Recompute the chain of hashes of an assessment's history and name the first change that does not match"),
    cirt_cli_cmd_verify },
  { "check", "", N_("Check the whole database: every page, the links between rows, the instrument snapshots"),
    cirt_cli_cmd_check },
  { "score", "ID [--json] [--lang LL]", N_("Print an assessment's scores, levels, gaps and recommendations"), cirt_cli_cmd_score },
  { "compare", "[OLD] NEW [--json] [--lang LL]",
    N_("Compare an assessment with an earlier one (by default the one it follows up), question by question"),
    cirt_cli_cmd_compare },
  { "chart", "ID --kind radar|sections|coverage|progress --out FILE.png|FILE.svg|FILE.pdf [--width W] [--height H] [--lang LL] [--dark] [--seal-to KEY…] [--seal-passphrase-file FILE]",
    N_("Draw a chart of an assessment to a file"), cirt_cli_cmd_chart },
  { "demo", "[--file SAMPLE.json]", N_("Load the sample assessment and print its id"), cirt_cli_cmd_demo },
  { "merge-export", "ID --out FILE.json [--seal-to KEY…] [--seal-passphrase-file FILE]", N_("Write an assessment for another assessor to merge"), cirt_cli_cmd_merge_export },
  { "import", "FILE.json|FILE.json.gpg [--passphrase-file FILE] [--json]", N_("Create or merge an assessment from an exchange file"), cirt_cli_cmd_import },
  { "conflicts", "ID [--json] [--reviewed CONFLICT]", N_("List the answers that differed in merges"), cirt_cli_cmd_conflicts },
  { "portfolio", "[--region R] [--phase P] [--latest] [--json | --xlsx FILE [--lang LL]] | --benchmark FILE.json|FILE.csv [--min-group N] [--region R] [--phase P]",
    N_("All the assessments side by side, with regional medians; or the anonymised benchmark by region and phase"),
    cirt_cli_cmd_portfolio },
  { "export", "ID --xlsx FILE | --pdf FILE | --docx FILE [--lang LL] [--tlp clear|green|amber|amber-strict|red] [--paper a4|letter] [--redact] [--seal-to KEY…] [--seal-passphrase-file FILE]",
    N_("Write the workbook, the PDF report and/or the report to edit (DOCX) for the ministry"), cirt_cli_cmd_export },
  { "evidence", "add ID QUESTION FILE [--date D] [--shareable] [--by NAME] [--name N] | add-url ID QUESTION URL [--seen D] [--shareable] [--by NAME] | list ID [--question Q] [--json] | share EVIDENCE on|off | remove EVIDENCE [--by NAME] | extract EVIDENCE OUT | pack ID OUT.zip [--lang LL] | evidenced-only ID on|off",
    N_("Attach documents and web pages to answers as evidence, list, extract and pack them"), cirt_cli_cmd_evidence },
};

const CirtCliCommand *
cirt_cli_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_global_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: cirt-assess-cli [--db PATH] COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n\n", _("CIRT Assess: national CIRT readiness and maturity assessments."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db PATH     %s\n", _("Database to use (default: $XDG_DATA_HOME/cirt-assess/assessments.db)"));
  fprintf (out, "  --version     %s\n", _("Print the version"));
  fprintf (out, "\n%s\n", _("Run 'cirt-assess-cli COMMAND --help' for a command's options."));
}

gboolean
cirt_cli_parse (const CirtCliCommand *command,
                GOptionEntry         *entries,
                int                  *argc,
                char               ***argv,
                int                  *status)
{
  g_autofree char *param = g_strdup_printf ("%s %s", command->name, command->synopsis);
  g_autoptr(GOptionContext) ctx = g_option_context_new (param);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (ctx, _(command->summary));
  g_option_context_set_help_enabled (ctx, FALSE);
  if (entries)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);

  for (int i = 1; i < *argc; i++)
    {
      if (strcmp ((*argv)[i], "--") == 0)
        break;
      if (strcmp ((*argv)[i], "--help") == 0 || strcmp ((*argv)[i], "-h") == 0)
        {
          g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
          char *p = strstr (help, "Usage:");
          fputs (p ? p : help, stdout);
          *status = CIRT_CLI_OK;
          return FALSE;
        }
    }
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      /* An option's text that is not UTF-8 is refused like any other text
       * that is not: a refusal (1), not a usage error. */
      if (error->domain == G_CONVERT_ERROR)
        {
          g_printerr ("%s: %s\n", g_get_prgname (), _("the text of an option is not valid UTF-8 text"));
          *status = CIRT_CLI_REFUSED;
          return FALSE;
        }
      *status = cirt_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
cirt_cli_usage_error (const CirtCliCommand *command,
                      const char           *format,
                      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "cirt-assess-cli %s: %s\n", command->name, msg);
  fprintf (stderr, "%s cirt-assess-cli [--db PATH] %s %s\n", _("Usage:"), command->name, command->synopsis);
  return CIRT_CLI_USAGE;
}

int
cirt_cli_refuse (const char *format,
                 ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "cirt-assess-cli: %s\n", msg);
  return CIRT_CLI_REFUSED;
}

int
cirt_cli_refuse_error (const GError *error)
{
  return cirt_cli_refuse ("%s", error->message);
}

CirtSeal *
cirt_cli_seal_from_options (char       **seal_to,
                            const char  *seal_passphrase_file,
                            int         *status)
{
  g_autoptr(CirtSeal) seal = NULL;
  g_autoptr(GError) error = NULL;

  *status = CIRT_CLI_OK;
  if ((seal_to == NULL || seal_to[0] == NULL) && seal_passphrase_file == NULL)
    return NULL;
  seal = cirt_seal_new ();
  for (guint i = 0; seal_to != NULL && seal_to[i] != NULL; i++)
    if (!cirt_seal_add_recipient (seal, seal_to[i], &error))
      {
        *status = cirt_cli_refuse_error (error);
        return NULL;
      }
  if (seal_passphrase_file != NULL)
    {
      char *passphrase = cirt_seal_read_passphrase (seal_passphrase_file, &error);
      gboolean ok = passphrase != NULL && cirt_seal_set_passphrase (seal, passphrase, &error);

      if (passphrase != NULL)
        explicit_bzero (passphrase, strlen (passphrase));
      g_free (passphrase);
      if (!ok)
        {
          *status = cirt_cli_refuse_error (error);
          return NULL;
        }
    }
  return g_steal_pointer (&seal);
}

CirtStore *
cirt_cli_open_store (CirtCli  *cli,
                     GError  **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : cirt_store_default_path ();
  return cirt_store_open (path, error);
}

CirtStore *
cirt_cli_open_assessment (CirtCli     *cli,
                          const char  *prefix,
                          char       **id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_cli_open_store (cli, &error);

  if (store == NULL)
    {
      cirt_cli_refuse_error (error);
      return NULL;
    }
  *id = cirt_store_resolve_id (store, prefix, &error);
  if (*id == NULL)
    {
      cirt_cli_refuse_error (error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

void
cirt_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, NULL);
  fputs (data, stdout);
  fputc ('\n', stdout);
}

/* ------------------------------------------------------------------------ */
/* The drawing module */

typedef int (*RenderRun) (const char *command,
                          CirtCli    *cli,
                          int         argc,
                          char      **argv);

gpointer
cirt_cli_render_symbol (const char *name)
{
  const char *env = g_getenv ("CIRT_RENDER_MODULE");
  g_autofree char *installed = g_build_filename (CIRT_CLI_MODULE_DIR, CIRT_CLI_RENDER_MODULE, NULL);
  const char *candidates[] = { env, installed, CIRT_BUILD_RENDER_MODULE };
  GModule *module = NULL;
  gpointer symbol = NULL;
  const char *tried = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && module == NULL; i++)
    if (candidates[i] != NULL && *candidates[i] != '\0' && g_file_test (candidates[i], G_FILE_TEST_EXISTS))
      module = g_module_open (tried = candidates[i], G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, name, &symbol) || symbol == NULL)
    {
      cirt_cli_refuse (_("cannot load the drawing module %s (%s); reinstall CIRT Assess"),
                       tried ? tried : installed, g_module_error () ? g_module_error () : _("not found"));
      return NULL;
    }
  /* Kept loaded until the process ends. */
  g_module_make_resident (module);
  return symbol;
}

static int
run_render (const char *command,
            CirtCli    *cli,
            int         argc,
            char      **argv)
{
  RenderRun run = (RenderRun) cirt_cli_render_symbol ("cirt_cli_render_run");

  if (run == NULL)
    return CIRT_CLI_REFUSED;
  return run (command, cli, argc, argv);
}

int
cirt_cli_cmd_chart (CirtCli *cli,
                    int      argc,
                    char   **argv)
{
  return run_render ("chart", cli, argc, argv);
}

int
cirt_cli_cmd_export (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  return run_render ("export", cli, argc, argv);
}

int
cirt_cli_cmd_evidence_pack (CirtCli *cli,
                            int      argc,
                            char   **argv)
{
  return run_render ("evidence-pack", cli, argc, argv);
}

/* ------------------------------------------------------------------------ */

gsize
cirt_cli_text_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

char *
cirt_cli_pad (const char *text,
              gsize       width,
              gboolean    right)
{
  gsize have = cirt_cli_text_width (text);
  g_autofree char *spaces = g_strnfill (have < width ? width - have : 0, ' ');

  return right ? g_strconcat (spaces, text, NULL) : g_strconcat (text, spaces, NULL);
}

struct _CirtCliTable {
  guint      n_columns;
  guint      right;      /* bit i: column i is right-aligned */
  GPtrArray *rows;       /* of char ** (n_columns strings) */
};

CirtCliTable *
cirt_cli_table_new (guint n_columns,
                    guint right_aligned)
{
  CirtCliTable *t = g_new0 (CirtCliTable, 1);

  g_return_val_if_fail (n_columns > 0 && n_columns <= 16, NULL);
  t->n_columns = n_columns;
  t->right = right_aligned;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return t;
}

void
cirt_cli_table_add (CirtCliTable *t,
                    const char   *first,
                    ...)
{
  char **row = g_new0 (char *, t->n_columns + 1);
  va_list args;

  va_start (args, first);
  row[0] = g_strdup (first ? first : "");
  for (guint i = 1; i < t->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);
      row[i] = g_strdup (cell ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (t->rows, row);
}

void
cirt_cli_table_print (CirtCliTable *t,
                      const char   *indent)
{
  gsize widths[16] = { 0 };

  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      for (guint i = 0; i < t->n_columns; i++)
        widths[i] = MAX (widths[i], cirt_cli_text_width (row[i]));
    }
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      g_autoptr(GString) line = g_string_new (indent);

      for (guint i = 0; i < t->n_columns; i++)
        {
          gboolean right = (t->right & (1u << i)) != 0;
          g_autofree char *cell = NULL;

          /* The last column, left-aligned, needs no padding after it. */
          if (i + 1 == t->n_columns && !right)
            cell = g_strdup (row[i]);
          else
            cell = cirt_cli_pad (row[i], widths[i], right);
          if (i > 0)
            g_string_append (line, "  ");
          g_string_append (line, cell);
        }
      puts (line->str);
    }
}

void
cirt_cli_table_free (CirtCliTable *t)
{
  if (t == NULL)
    return;
  g_ptr_array_unref (t->rows);
  g_free (t);
}

const CirtLang *
cirt_cli_language (void)
{
  return cirt_lang_for_locale ();
}

int
main (int   argc,
      char *argv[])
{
  CirtCli cli = { 0 };
  const CirtCliCommand *command;
  const char *localedir;
  int i = 1;

  /* The catalogues of the language layer: installed, $CIRT_LOCALEDIR, or
   * the build tree's when running uninstalled. */
  localedir = cirt_lang_get_locale_dir ();
  setlocale (LC_ALL, "");
  g_set_prgname ("cirt-assess-cli");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          cli.db_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          cli.db_path = argv[i] + strlen ("--db=");
          i++;
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_global_usage (stdout);
          return CIRT_CLI_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          printf ("cirt-assess-cli %s\n", PACKAGE_VERSION);
          return CIRT_CLI_OK;
        }
      else
        {
          fprintf (stderr, "cirt-assess-cli: %s %s\n", _("unknown option"), argv[i]);
          print_global_usage (stderr);
          return CIRT_CLI_USAGE;
        }
    }
  if (cli.db_path != NULL && *cli.db_path == '\0')
    {
      fprintf (stderr, "cirt-assess-cli: %s\n", _("--db needs a file path"));
      return CIRT_CLI_USAGE;
    }
  if (i >= argc)
    {
      print_global_usage (stderr);
      return CIRT_CLI_USAGE;
    }
  command = cirt_cli_lookup (argv[i]);
  if (command == NULL)
    {
      fprintf (stderr, "cirt-assess-cli: %s \"%s\"\n", _("unknown command"), argv[i]);
      print_global_usage (stderr);
      return CIRT_CLI_USAGE;
    }
  /* The command sees argv[0] = its name. */
  return command->run (&cli, argc - i, argv + i);
}
