/* cirt-cli-render.c — the commands that draw: charts, the workbook and the
 * report. Built as a module that cirt-assess-cli loads when one of them is
 * run, so the other commands start without loading cairo, pango and
 * libxlsxwriter (most of a command's start-up time otherwise).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cirt-assessment-data.h"
#include "cirt-chart.h"
#include "cirt-cli.h"
#include "cirt-export-docx.h"
#include "cirt-export-xlsx.h"
#include "cirt-redact.h"
#include "cirt-report.h"

#define CHART_DEFAULT_WIDTH 800
#define CHART_MIN_SIZE 100
#define CHART_MAX_SIZE 10000

static int
run_chart (CirtCli *cli,
                    int      argc,
                    char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("chart");
  g_autofree char *kind_str = NULL, *out = NULL, *lang = NULL, *seal_passphrase_file = NULL;
  g_auto(GStrv) seal_to = NULL;
  int width = 0, height = 0;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_str, N_("radar, sections, coverage or progress (a follow-up against its baseline)"), "KIND" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("File to write: .png, .svg or .pdf"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 800)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default: what the chart needs)"), "H" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the chart's text (default: en)"), "LL" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    CIRT_CLI_SEAL_ENTRIES (seal_to, seal_passphrase_file),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autoptr(CirtSeal) seal = NULL;
  g_autofree char *id = NULL, *lower = NULL, *path = NULL;
  CirtChartOptions options = { 0 };
  CirtChartKind kind;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (kind_str == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--kind is required"));
  if (!cirt_chart_kind_from_string (kind_str, &kind))
    return cirt_cli_usage_error (cmd, _("unknown chart kind \"%s\" (expected radar, sections, coverage or progress)"), kind_str);
  if (out == NULL || *out == '\0')
    return cirt_cli_usage_error (cmd, "%s", _("--out is required"));
  lower = g_ascii_strdown (out, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    return cirt_cli_usage_error (cmd, _("cannot tell the format of \"%s\": the file name must end in .png, .svg or .pdf"), out);
  if (width != 0 && (width < CHART_MIN_SIZE || width > CHART_MAX_SIZE))
    return cirt_cli_usage_error (cmd, _("--width must be between %d and %d"), CHART_MIN_SIZE, CHART_MAX_SIZE);
  if (height != 0 && (height < CHART_MIN_SIZE || height > CHART_MAX_SIZE))
    return cirt_cli_usage_error (cmd, _("--height must be between %d and %d"), CHART_MIN_SIZE, CHART_MAX_SIZE);
  if (lang != NULL && *lang == '\0')
    return cirt_cli_usage_error (cmd, "%s", _("--lang needs a language code such as en or fr"));
  seal = cirt_cli_seal_from_options (seal_to, seal_passphrase_file, &status);
  if (seal == NULL && status != CIRT_CLI_OK)
    return status;
  path = seal ? cirt_seal_file_name (out) : g_strdup (out);

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  /* A follow-up is drawn against the assessment it follows up. */
  if ((data = cirt_assessment_data_load (store, id,
                                         kind == CIRT_CHART_RADAR || kind == CIRT_CHART_PROGRESS ? CIRT_LOAD_BASELINE
                                                                                                   : CIRT_LOAD_SCORE,
                                         &error)) == NULL)
    return cirt_cli_refuse_error (error);
  if (kind == CIRT_CHART_PROGRESS && data->baseline == NULL)
    return cirt_cli_refuse (_("“%s” is not a follow-up of an assessment in this database: the progress chart "
                              "compares a follow-up with the assessment it follows up"), data->info->title);
  if (kind == CIRT_CHART_RADAR && data->info->baseline != NULL && data->baseline == NULL)
    fprintf (stderr, "cirt-assess-cli: %s\n", _("the earlier assessment is left out: it is no longer in the database"));

  if (width == 0)
    width = CHART_DEFAULT_WIDTH;
  options.lang = lang ? lang : "en";
  options.dark = dark;
  options.baseline = data->baseline;
  if (height == 0)
    height = (int) CLAMP (ceil (cirt_chart_natural_height_full (kind, data->score, &options, width)), CHART_MIN_SIZE,
                          CHART_MAX_SIZE);
  options.font_scale = 1.0;
  options.seal = seal;
  if (!cirt_chart_write_file (kind, data->score, &options, path, width, height, &error))
    return cirt_cli_refuse_error (error);
  if (seal)
    printf ("%s\n", path);
  return CIRT_CLI_OK;
}

static int
run_export (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("export");
  g_autofree char *xlsx = NULL, *pdf = NULL, *docx = NULL, *lang = NULL, *tlp = NULL, *paper = NULL;
  g_autofree char *seal_passphrase_file = NULL;
  g_auto(GStrv) seal_to = NULL;
  gboolean redact = FALSE;
  GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the workbook (Excel/LibreOffice) to FILE"), "FILE" },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the report (PDF) to FILE"), "FILE" },
    { "docx", 0, 0, G_OPTION_ARG_FILENAME, &docx, N_("Write the report as a document to edit (Word, DOCX) to FILE"),
      "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the documents (default: en)"), "LL" },
    { "tlp", 0, 0, G_OPTION_ARG_STRING, &tlp,
      N_("TLP 2.0 marking on every page and sheet: clear, green, amber, amber-strict or red (default: amber)"),
      "LEVEL" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size of the report and of the workbook's print setup: a4 or letter (default: a4)"),
      "SIZE" },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out who said what: interviewees and assessors named by their role, internal notes and "
         "interview notes left out"), NULL },
    CIRT_CLI_SEAL_ENTRIES (seal_to, seal_passphrase_file),
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autoptr(CirtSeal) seal = NULL;
  g_autofree char *id = NULL;
  CirtExportOptions options;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (xlsx == NULL && pdf == NULL && docx == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("say what to write: --xlsx FILE, --pdf FILE, --docx FILE, or several"));
  if ((xlsx != NULL && *xlsx == '\0') || (pdf != NULL && *pdf == '\0') || (docx != NULL && *docx == '\0'))
    return cirt_cli_usage_error (cmd, "%s", _("an empty file name was given"));
  if ((xlsx != NULL && (g_strcmp0 (xlsx, pdf) == 0 || g_strcmp0 (xlsx, docx) == 0)) ||
      (pdf != NULL && g_strcmp0 (pdf, docx) == 0))
    return cirt_cli_usage_error (cmd, "%s", _("two of --xlsx, --pdf and --docx name the same file"));

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
  seal = cirt_cli_seal_from_options (seal_to, seal_passphrase_file, &status);
  if (seal == NULL && status != CIRT_CLI_OK)
    return status;
  options.seal = seal;
  /* A sealed file is named for what it is: report.pdf.gpg. */
  if (seal != NULL && xlsx != NULL)
    {
      char *sealed = cirt_seal_file_name (xlsx);
      g_free (xlsx);
      xlsx = sealed;
    }
  if (seal != NULL && pdf != NULL)
    {
      char *sealed = cirt_seal_file_name (pdf);
      g_free (pdf);
      pdf = sealed;
    }
  if (seal != NULL && docx != NULL)
    {
      char *sealed = cirt_seal_file_name (docx);
      g_free (docx);
      docx = sealed;
    }

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if ((data = cirt_assessment_data_load (store, id, CIRT_LOAD_DOCUMENT, &error)) == NULL)
    return cirt_cli_refuse_error (error);
  if (redact)
    {
      CirtAssessmentData *redacted = cirt_assessment_data_redact (data, cirt_lang_get (options.lang));
      cirt_assessment_data_unref (data);
      data = redacted;
    }

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
  if (docx != NULL)
    {
      if (!cirt_export_docx_write (data, &options, docx, &error))
        return cirt_cli_refuse_error (error);
      printf ("%s\n", docx);
    }
  return CIRT_CLI_OK;
}

/* `portfolio --xlsx` (cirt-cli-portfolio.c builds the rows, this writes them). */
G_MODULE_EXPORT gboolean cirt_cli_render_portfolio_xlsx (GPtrArray   *rows,
                                                         const char  *lang,
                                                         const char  *path,
                                                         GError     **error);

G_MODULE_EXPORT gboolean
cirt_cli_render_portfolio_xlsx (GPtrArray   *rows,
                                const char  *lang,
                                const char  *path,
                                GError     **error)
{
  CirtExportOptions options;

  cirt_export_options_init (&options);
  options.lang = lang;
  return cirt_export_portfolio_xlsx (rows, &options, path, error);
}

/* The module's entry point for chart and export (cirt-cli.c looks it up by name). */
G_MODULE_EXPORT int cirt_cli_render_run (const char *command,
                                         CirtCli    *cli,
                                         int         argc,
                                         char      **argv);

G_MODULE_EXPORT int
cirt_cli_render_run (const char *command,
                     CirtCli    *cli,
                     int         argc,
                     char      **argv)
{
  if (strcmp (command, "chart") == 0)
    return run_chart (cli, argc, argv);
  if (strcmp (command, "export") == 0)
    return run_export (cli, argc, argv);
  if (strcmp (command, "evidence-pack") == 0)
    return cirt_cli_run_evidence_pack (cli, argc, argv);
  g_return_val_if_reached (CIRT_CLI_USAGE);
}
