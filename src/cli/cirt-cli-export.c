/* cirt-cli-export.c — the workbook and the report for the ministry
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cirt-assessment-data.h"
#include "cirt-cli.h"
#include "cirt-export-xlsx.h"
#include "cirt-report.h"

int
cirt_cli_cmd_export (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("export");
  g_autofree char *xlsx = NULL, *pdf = NULL, *lang = NULL, *tlp = NULL, *paper = NULL;
  GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the workbook (Excel/LibreOffice) to FILE"), "FILE" },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report (PDF) to FILE"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the documents (default: en)"), "LL" },
    { "tlp", 0, 0, G_OPTION_ARG_STRING, &tlp,
      N_("TLP 2.0 marking on every page and sheet: clear, green, amber, amber-strict or red (default: amber)"),
      "LEVEL" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size of the report and of the workbook's print setup: a4 or letter (default: a4)"),
      "SIZE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autofree char *id = NULL;
  CirtExportOptions options;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (xlsx == NULL && pdf == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("say what to write: --xlsx FILE, --pdf FILE or both"));
  if ((xlsx != NULL && *xlsx == '\0') || (pdf != NULL && *pdf == '\0'))
    return cirt_cli_usage_error (cmd, "%s", _("an empty file name was given"));
  if (xlsx != NULL && pdf != NULL && g_strcmp0 (xlsx, pdf) == 0)
    return cirt_cli_usage_error (cmd, "%s", _("--xlsx and --pdf name the same file"));

  cirt_export_options_init (&options);
  if (lang != NULL)
    {
      const CirtLang *l = cirt_lang_lookup (lang);
      if (l == NULL)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) cirt_lang_available ());
          return cirt_cli_usage_error (cmd, _("documents cannot be written in \"%s\" (available: %s)"), lang, list);
        }
      options.lang = cirt_lang_get_code (l);
    }
  if (tlp != NULL && !cirt_tlp_from_string (tlp, &options.tlp))
    return cirt_cli_usage_error (cmd, _("unknown TLP marking \"%s\" (expected clear, green, amber, amber-strict or red)"), tlp);
  if (paper != NULL && !cirt_paper_from_string (paper, &options.paper))
    return cirt_cli_usage_error (cmd, _("unknown paper size \"%s\" (expected a4 or letter)"), paper);

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if ((data = cirt_assessment_data_load (store, id, CIRT_LOAD_ALL, &error)) == NULL)
    return cirt_cli_refuse_error (error);

  if (xlsx != NULL)
    {
      guint truncated = 0;
      if (!cirt_export_xlsx (data, &options, xlsx, &truncated, &error))
        return cirt_cli_refuse_error (error);
      printf ("%s\n", xlsx);
      if (truncated > 0)
        fprintf (stderr, _("cirt-assess-cli: note: %u text(s) longer than a spreadsheet cell holds (32,767 characters) "
                           "were cut in the workbook with a visible marker; the report and the JSON export have the full text\n"),
                 truncated);
    }
  if (pdf != NULL)
    {
      if (!cirt_report_write_pdf (data, &options, pdf, NULL, &error))
        return cirt_cli_refuse_error (error);
      printf ("%s\n", pdf);
    }
  return CIRT_CLI_OK;
}
