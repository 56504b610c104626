/* cirt-cli-exchange.c — exchange files between assessors: export for merge,
 * import (create or merge), review of merge conflicts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-exchange.h"

int
cirt_cli_cmd_merge_export (CirtCli *cli,
                           int      argc,
                           char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("merge-export");
  g_autofree char *out = NULL, *seal_passphrase_file = NULL;
  g_auto(GStrv) seal_to = NULL;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Exchange file to write"), "FILE.json" },
    CIRT_CLI_SEAL_ENTRIES (seal_to, seal_passphrase_file),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtSeal) seal = NULL;
  g_autofree char *id = NULL, *path = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (out == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--out is required"));
  seal = cirt_cli_seal_from_options (seal_to, seal_passphrase_file, &status);
  if (seal == NULL && status != CIRT_CLI_OK)
    return status;
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  path = seal ? cirt_seal_file_name (out) : g_strdup (out);
  if (!cirt_exchange_export_sealed (store, id, path, seal, &error))
    return cirt_cli_refuse_error (error);
  if (seal)
    printf ("%s\n", path);
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_import (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("import");
  gboolean json = FALSE;
  g_autofree char *passphrase_file = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Open a sealed file with the passphrase on the first line of FILE (- reads it from standard input); "
         "without it, the secret keys of your keyring are used"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtImportReport) report = NULL;
  char *passphrase = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no file given") : _("too many arguments"));
  if (passphrase_file != NULL && (passphrase = cirt_seal_read_passphrase (passphrase_file, &error)) == NULL)
    return cirt_cli_refuse_error (error);
  store = cirt_cli_open_store (cli, &error);
  if (store != NULL)
    report = cirt_exchange_import_sealed (store, argv[1], passphrase, &error);
  if (passphrase != NULL)
    explicit_bzero (passphrase, strlen (passphrase));
  g_free (passphrase);
  if (report == NULL && g_error_matches (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE))
    /* translators: %s says what the file needs; the option names are literal */
    return cirt_cli_refuse (_("%s with --passphrase-file FILE"), error->message);
  if (report == NULL)
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "assessment");
      json_builder_add_string_value (b, report->assessment_id);
      json_builder_set_member_name (b, "created");
      json_builder_add_boolean_value (b, report->created);
      json_builder_set_member_name (b, "answers_taken");
      json_builder_add_int_value (b, report->answers_taken);
      json_builder_set_member_name (b, "answers_same");
      json_builder_add_int_value (b, report->answers_same);
      json_builder_set_member_name (b, "answers_kept");
      json_builder_add_int_value (b, report->answers_kept);
      json_builder_set_member_name (b, "stakeholders_added");
      json_builder_add_int_value (b, report->stakeholders_added);
      json_builder_set_member_name (b, "targets_added");
      json_builder_add_int_value (b, report->targets_added);
      json_builder_set_member_name (b, "findings_added");
      json_builder_add_int_value (b, report->findings_added);
      json_builder_set_member_name (b, "findings_updated");
      json_builder_add_int_value (b, report->findings_updated);
      json_builder_set_member_name (b, "findings_kept");
      json_builder_add_int_value (b, report->findings_kept);
      json_builder_set_member_name (b, "sessions_added");
      json_builder_add_int_value (b, report->sessions_added);
      json_builder_set_member_name (b, "sessions_updated");
      json_builder_add_int_value (b, report->sessions_updated);
      json_builder_set_member_name (b, "sessions_kept");
      json_builder_add_int_value (b, report->sessions_kept);
      json_builder_set_member_name (b, "statements_added");
      json_builder_add_int_value (b, report->statements_added);
      json_builder_set_member_name (b, "statements_updated");
      json_builder_add_int_value (b, report->statements_updated);
      json_builder_set_member_name (b, "statements_kept");
      json_builder_add_int_value (b, report->statements_kept);
      json_builder_set_member_name (b, "history_added");
      json_builder_add_int_value (b, report->history_added);
      json_builder_set_member_name (b, "reviews_taken");
      json_builder_add_int_value (b, report->reviews_taken);
      json_builder_set_member_name (b, "reviews_kept");
      json_builder_add_int_value (b, report->reviews_kept);
      json_builder_set_member_name (b, "evidence_added");
      json_builder_add_int_value (b, report->evidence_added);
      json_builder_set_member_name (b, "evidence_updated");
      json_builder_add_int_value (b, report->evidence_updated);
      json_builder_set_member_name (b, "evidence_kept");
      json_builder_add_int_value (b, report->evidence_kept);
      json_builder_set_member_name (b, "evidence_removed");
      json_builder_add_int_value (b, report->evidence_removed);
      json_builder_set_member_name (b, "conflicts");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->conflicts->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (report->conflicts, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "warnings");
      json_builder_begin_array (b);
      for (guint i = 0; i < report->warnings->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (report->warnings, i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }

  printf ("%s\n", report->assessment_id);
  fputs (report->created ? _("Created the assessment") : _("Merged into the assessment"), stderr);
  fprintf (stderr, _(": %u answers taken, %u already equal, %u kept (newer here), %u stakeholders and %u targets added.\n"),
           report->answers_taken, report->answers_same, report->answers_kept, report->stakeholders_added,
           report->targets_added);
  if (report->findings_added + report->findings_updated + report->findings_kept > 0)
    fprintf (stderr, _("Findings: %u added, %u updated, %u kept (changed or removed here later).\n"),
             report->findings_added, report->findings_updated, report->findings_kept);
  if (report->sessions_added + report->sessions_updated + report->sessions_kept > 0)
    fprintf (stderr, _("Interview sessions: %u added, %u updated, %u kept (changed or removed here later).\n"),
             report->sessions_added, report->sessions_updated, report->sessions_kept);
  if (report->statements_added + report->statements_updated + report->statements_kept > 0)
    fprintf (stderr, _("Statements: %u added, %u updated, %u kept (changed or removed here later).\n"),
             report->statements_added, report->statements_updated, report->statements_kept);
  if (report->reviews_taken + report->reviews_kept > 0)
    fprintf (stderr, _("Reviews: %u taken, %u kept (set here later).\n"), report->reviews_taken,
             report->reviews_kept);
  if (report->evidence_added + report->evidence_updated + report->evidence_kept + report->evidence_removed > 0)
    fprintf (stderr, _("Evidence: %u added, %u updated, %u removed, %u kept (changed or removed here later).\n"),
             report->evidence_added, report->evidence_updated, report->evidence_removed, report->evidence_kept);
  for (guint i = 0; i < report->conflicts->len; i++)
    fprintf (stderr, _("conflict: %s (see 'cirt-assess-cli conflicts')\n"), (char *) g_ptr_array_index (report->conflicts, i));
  for (guint i = 0; i < report->warnings->len; i++)
    fprintf (stderr, "%s: %s\n", C_("diagnostic prefix", "warning"), (char *) g_ptr_array_index (report->warnings, i));
  return CIRT_CLI_OK;
}

static void
print_side (const char       *label,
            const CirtAnswer *a)
{
  if (a == NULL)
    {
      printf ("    %-7s —\n", label);
      return;
    }
  printf ("    %-7s %s%s%s\n", label, a->not_applicable ? _("N/A") : a->value ? a->value : "—",
          a->notes ? "  · " : "", a->notes ? a->notes : "");
}

int
cirt_cli_cmd_conflicts (CirtCli *cli,
                        int      argc,
                        char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("conflicts");
  gboolean json = FALSE;
  g_autofree char *reviewed = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "reviewed", 0, 0, G_OPTION_ARG_STRING, &reviewed, N_("Mark a conflict as reviewed"), "CONFLICT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (reviewed != NULL)
    {
      char *end = NULL;
      gint64 cid = g_ascii_strtoll (reviewed, &end, 10);
      if (end == reviewed || *end != '\0')
        return cirt_cli_refuse (_("\"%s\" is not a conflict number"), reviewed);
      if (!cirt_store_set_conflict_reviewed (store, cid, TRUE, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }
  list = cirt_store_list_conflicts (store, id, &error);
  if (list == NULL)
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          CirtConflict *c = g_ptr_array_index (list, i);
          g_autofree char *local = cirt_answer_to_json (c->local);
          g_autofree char *remote = cirt_answer_to_json (c->remote);
          g_autoptr(JsonNode) ln = local ? json_from_string (local, NULL) : json_node_new (JSON_NODE_NULL);
          g_autoptr(JsonNode) rn = remote ? json_from_string (remote, NULL) : json_node_new (JSON_NODE_NULL);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, c->id);
          json_builder_set_member_name (b, "question");
          json_builder_add_string_value (b, c->question);
          json_builder_set_member_name (b, "local");
          json_builder_add_value (b, g_steal_pointer (&ln));
          json_builder_set_member_name (b, "remote");
          json_builder_add_value (b, g_steal_pointer (&rn));
          json_builder_set_member_name (b, "winner");
          json_builder_add_string_value (b, c->remote_won ? "remote" : "local");
          json_builder_set_member_name (b, "recorded_at");
          json_builder_add_string_value (b, c->recorded_at);
          json_builder_set_member_name (b, "reviewed");
          json_builder_add_boolean_value (b, c->reviewed);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CirtConflict *c = g_ptr_array_index (list, i);
      printf ("#%" G_GINT64_FORMAT "  %s  %s%s\n", c->id, c->question,
              c->remote_won ? _("the imported answer won") : _("the answer here was kept"),
              c->reviewed ? _(" (reviewed)") : "");
      print_side (_("here"), c->local);
      print_side (_("file"), c->remote);
    }
  if (list->len == 0)
    fprintf (stderr, "%s\n", _("No merge conflicts."));
  return CIRT_CLI_OK;
}
