/* cirt-cli-evidence.c — `evidence`: the evidence vault from the command
 * line (attach a file or a URL to an answer, list, share, remove, extract,
 * the scoring option; the pack is written by the drawing module, which has
 * libzip: cirt-cli-evidence-pack.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-store-evidence.h"

static int
evidence_list (CirtStore  *store,
               const char *id,
               const char *question,
               gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cirt_store_list_evidence (store, id, question, &error);

  if (items == NULL)
    return cirt_cli_refuse_error (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < items->len; i++)
        json_builder_add_value (b, cirt_evidence_to_json_node (g_ptr_array_index (items, i)));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  if (items->len == 0)
    {
      printf ("%s\n", _("No evidence attached."));
      return CIRT_CLI_OK;
    }
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (7, 1u << 4);

    cirt_cli_table_add (t, _("ID"), _("Question"), _("Type"), _("Name or address"), _("Size"), _("Date"),
                        _("Shareable"));
    for (guint i = 0; i < items->len; i++)
      {
        CirtEvidence *e = g_ptr_array_index (items, i);
        g_autofree char *short_id = g_strndup (e->id, 8);
        g_autofree char *size = e->kind == CIRT_EVIDENCE_FILE ? cirt_evidence_format_size (e->size) : g_strdup ("");

        cirt_cli_table_add (t, short_id, e->question, cirt_evidence_mime_label (e->mime),
                            e->kind == CIRT_EVIDENCE_FILE ? e->name : e->url, size, e->date ? e->date : "",
                            e->shareable ? _("yes") : _("no"));
      }
    cirt_cli_table_print (t, "");
  }
  return CIRT_CLI_OK;
}

static gboolean
parse_on_off (const char *s,
              gboolean   *on)
{
  if (g_strcmp0 (s, "on") == 0)
    *on = TRUE;
  else if (g_strcmp0 (s, "off") == 0)
    *on = FALSE;
  else
    return FALSE;
  return TRUE;
}

int
cirt_cli_cmd_evidence (CirtCli *cli,
                       int      argc,
                       char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("evidence");
  g_autofree char *date = NULL, *seen = NULL, *by = NULL, *name = NULL, *question = NULL, *lang = NULL;
  gboolean shareable = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date the document refers to, YYYY-MM-DD (add)"), "D" },
    { "seen", 0, 0, G_OPTION_ARG_STRING, &seen, N_("The date the web page was seen, YYYY-MM-DD (add-url; default: today)"), "D" },
    { "shareable", 0, 0, G_OPTION_ARG_NONE, &shareable, N_("May be given to the ministry (in the evidence pack)"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Assessor attaching or removing it"), "NAME" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name to keep instead of the file's own (add)"), "N" },
    { "question", 0, 0, G_OPTION_ARG_STRING, &question, N_("Only the evidence of this question (list)"), "ID" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the pack's index (pack; default: en)"), "LL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL, *uuid = NULL;
  const char *sub;
  int status, want;

  if (argc >= 2 && strcmp (argv[1], "pack") == 0)
    return cirt_cli_cmd_evidence_pack (cli, argc, argv);
  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cirt_cli_usage_error (cmd, "%s", _("expected add, add-url, list, share, remove, extract, pack or evidenced-only"));
  sub = argv[1];
  if (strcmp (sub, "add") == 0 || strcmp (sub, "add-url") == 0)
    want = 5;
  else if (strcmp (sub, "list") == 0 || strcmp (sub, "remove") == 0)
    want = 3;
  else if (strcmp (sub, "share") == 0 || strcmp (sub, "extract") == 0 || strcmp (sub, "evidenced-only") == 0)
    want = 4;
  else
    return cirt_cli_usage_error (cmd, _("unknown action \"%s\" (expected add, add-url, list, share, remove, extract, "
                                        "pack or evidenced-only)"), sub);
  if (argc != want)
    return cirt_cli_usage_error (cmd, "%s", argc < want ? _("missing arguments") : _("too many arguments"));
  if ((date || name) && strcmp (sub, "add") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--date and --name go with add"));
  if (seen && strcmp (sub, "add-url") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--seen goes with add-url"));
  if (shareable && strcmp (sub, "add") != 0 && strcmp (sub, "add-url") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--shareable goes with add and add-url (share changes it later)"));
  if ((json || question) && strcmp (sub, "list") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--json and --question go with list"));
  if (lang)
    return cirt_cli_usage_error (cmd, "%s", _("--lang goes with pack"));

  if (strcmp (sub, "add") == 0 || strcmp (sub, "add-url") == 0 || strcmp (sub, "list") == 0 ||
      strcmp (sub, "evidenced-only") == 0)
    {
      store = cirt_cli_open_assessment (cli, argv[2], &id);
      if (store == NULL)
        return CIRT_CLI_REFUSED;
    }
  else
    {
      store = cirt_cli_open_store (cli, &error);
      if (store == NULL)
        return cirt_cli_refuse_error (error);
      uuid = cirt_store_resolve_evidence (store, NULL, argv[2], &error);
      if (uuid == NULL)
        return cirt_cli_refuse_error (error);
    }

  if (strcmp (sub, "list") == 0)
    return evidence_list (store, id, question, json);
  if (strcmp (sub, "add") == 0)
    {
      CirtEvidenceOptions o = { .name = name, .date = date, .author = by, .shareable = shareable };
      gboolean cleaned = FALSE;
      g_autofree char *added = cirt_store_add_evidence_file (store, id, argv[3], argv[4], &o, &cleaned, &error);

      if (added == NULL)
        return cirt_cli_refuse_error (error);
      if (cleaned)
        {
          g_autoptr(CirtEvidence) e = cirt_store_get_evidence (store, added, NULL);
          fprintf (stderr, _("cirt-assess-cli: note: the file's name had invisible control characters; it is kept as \"%s\"\n"),
                   e ? e->name : "");
        }
      printf ("%s\n", added);
      return CIRT_CLI_OK;
    }
  if (strcmp (sub, "add-url") == 0)
    {
      CirtEvidenceOptions o = { .date = seen, .author = by, .shareable = shareable };
      g_autofree char *added = cirt_store_add_evidence_url (store, id, argv[3], argv[4], &o, &error);

      if (added == NULL)
        return cirt_cli_refuse_error (error);
      printf ("%s\n", added);
      return CIRT_CLI_OK;
    }
  if (strcmp (sub, "evidenced-only") == 0)
    {
      gboolean on;
      if (!parse_on_off (argv[3], &on))
        return cirt_cli_usage_error (cmd, _("expected on or off, not \"%s\""), argv[3]);
      if (!cirt_store_set_evidenced_only (store, id, on, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }
  if (strcmp (sub, "share") == 0)
    {
      gboolean on;
      if (!parse_on_off (argv[3], &on))
        return cirt_cli_usage_error (cmd, _("expected on or off, not \"%s\""), argv[3]);
      if (!cirt_store_set_evidence_shareable (store, uuid, on, by, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }
  if (strcmp (sub, "remove") == 0)
    {
      if (!cirt_store_remove_evidence (store, uuid, by, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }
  /* extract */
  if (!cirt_store_extract_evidence (store, uuid, argv[3], &error))
    return cirt_cli_refuse_error (error);
  printf ("%s\n", argv[3]);
  return CIRT_CLI_OK;
}
