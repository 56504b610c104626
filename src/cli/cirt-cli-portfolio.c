/* cirt-cli-portfolio.c — `portfolio`: every assessment of the database
 * side by side, with the medians by region; the workbook of it (in the
 * drawing module); the anonymised benchmark
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-portfolio.h"

/* The drawing module's writer of the portfolio's workbook
 * (cirt-cli-render.c). */
typedef gboolean (*PortfolioXlsx) (GPtrArray   *rows,
                                   const char  *lang,
                                   const char  *path,
                                   GError     **error);

#define DEFAULT_MIN_GROUP 5

static char *
score_text (const CirtLang *lang,
            double          value)
{
  return cirt_lang_format_score (lang, value);
}

static void
print_rows (GPtrArray      *rows,
            const CirtLang *lang)
{
  /* Short headers: the table is wide. */
  static const char * const pillar_headers[CIRT_N_PILLARS] = {
    N_("Legal"), N_("Technical"), N_("Organisational"), N_("Capacity"), N_("Cooperation"),
  };
  g_autoptr(CirtCliTable) table = cirt_cli_table_new (12, 0x7e0 | 0x800);

  cirt_cli_table_add (table, _("Country"), _("Code"), _("Region"), _("Date"), _("Phase"), _("Overall"),
                      _(pillar_headers[0]), _(pillar_headers[1]), _(pillar_headers[2]), _(pillar_headers[3]),
                      _(pillar_headers[4]), _("Coverage"));
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *r = g_ptr_array_index (rows, i);
      g_autofree char *overall = NULL, *coverage = NULL;
      char *p[CIRT_N_PILLARS] = { NULL };

      if (r->overall.defined)
        {
          g_autofree char *score = score_text (lang, r->overall.score);
          /* translators: an overall index and its level in the portfolio table, "41.1 (3)" */
          overall = g_strdup_printf (_("%s (%d)"), score, r->overall.level);
        }
      else
        overall = g_strdup ("—");
      coverage = isnan (r->overall.coverage) ? g_strdup ("—") : cirt_lang_format_percent (lang, r->overall.coverage);
      for (guint q = 0; q < CIRT_N_PILLARS; q++)
        p[q] = score_text (lang, r->pillars[q]);
      cirt_cli_table_add (table, r->country, r->country_code ? r->country_code : "—",
                          r->region ? cirt_lang_region_name (lang, r->region) : "—", r->date,
                          cirt_lang_mission_phase (lang, r->phase), overall, p[0], p[1], p[2], p[3], p[4], coverage);
      for (guint q = 0; q < CIRT_N_PILLARS; q++)
        g_free (p[q]);
    }
  cirt_cli_table_print (table, "");
}

static void
print_medians (GPtrArray      *rows,
               const CirtLang *lang)
{
  g_autoptr(CirtCliTable) table = cirt_cli_table_new (9, 0x1fe);
  guint shown = 0;

  cirt_cli_table_add (table, _("Region"), _("Assessments"), _("Countries"), _("Overall"), _("Legal"), _("Technical"),
                      _("Organisational"), _("Capacity"), _("Cooperation"));
  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    {
      const char *region = cirt_region_to_string (r);
      g_autoptr(GPtrArray) in_region = g_ptr_array_new ();
      g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *n = NULL, *c = NULL;
      char *m[CIRT_N_PILLARS + 1] = { NULL };

      for (guint i = 0; i < rows->len; i++)
        {
          const CirtPortfolioRow *row = g_ptr_array_index (rows, i);
          if (g_strcmp0 (row->region, region) == 0)
            {
              g_ptr_array_add (in_region, (gpointer) row);
              g_hash_table_add (countries, cirt_portfolio_row_country_key (row));
            }
        }
      if (in_region->len == 0)
        continue;
      for (guint p = 0; p <= CIRT_N_PILLARS; p++)
        {
          CirtPortfolioStat stat;
          cirt_portfolio_stat (in_region, NULL, p, &stat);
          m[p] = score_text (lang, stat.median);
        }
      n = cirt_lang_format_count (lang, in_region->len);
      c = cirt_lang_format_count (lang, g_hash_table_size (countries));
      cirt_cli_table_add (table, cirt_lang_region_name (lang, region), n, c, m[CIRT_N_PILLARS], m[0], m[1], m[2], m[3],
                          m[4]);
      for (guint p = 0; p <= CIRT_N_PILLARS; p++)
        g_free (m[p]);
      shown++;
    }
  if (shown == 0)
    return;
  printf ("\n%s\n", _("Medians by region (with an even number of scores, the mean of the two middle ones):"));
  cirt_cli_table_print (table, "  ");
}

static const char *
omission_region (const CirtBenchmarkOmission *o,
                 const CirtLang              *lang)
{
  return cirt_lang_region_name (lang, o->region);
}

/* What the benchmark left out, one line each, on standard error. */
static void
report_omissions (GPtrArray      *omitted,
                  guint           min_group,
                  const CirtLang *lang)
{
  for (guint i = 0; i < omitted->len; i++)
    {
      const CirtBenchmarkOmission *o = g_ptr_array_index (omitted, i);

      if (o->region == NULL)
        /* translators: the benchmark leaves out the assessments that have no ITU region */
        fprintf (stderr, ngettext ("left out: %u country without a region (give it one with cirt-assess-cli edit "
                                   "--region)\n",
                                   "left out: %u countries without a region (give them one with cirt-assess-cli edit "
                                   "--region)\n", o->n_countries), o->n_countries);
      else if (o->what == NULL)
        /* translators: a cell of the benchmark not written: region, phase, its number of countries, the minimum */
        fprintf (stderr, ngettext ("left out: %s, %s: %u country (fewer than %u)\n",
                                   "left out: %s, %s: %u countries (fewer than %u)\n", o->n_countries),
                 omission_region (o, lang), cirt_lang_mission_phase (lang, o->phase), o->n_countries, min_group);
      else
        /* translators: one figure of a written cell left out: region, phase, what (a pillar or section id), countries */
        fprintf (stderr, ngettext ("left out in %s, %s: %s, which %u country has (fewer than %u)\n",
                                   "left out in %s, %s: %s, which %u countries have (fewer than %u)\n",
                                   o->n_countries),
                 omission_region (o, lang), cirt_lang_mission_phase (lang, o->phase), o->what, o->n_countries,
                 min_group);
    }
}

int
cirt_cli_cmd_portfolio (CirtCli *cli,
                        int      argc,
                        char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("portfolio");
  g_autofree char *region = NULL, *phase = NULL, *xlsx = NULL, *benchmark = NULL, *lang_code = NULL;
  gboolean latest = FALSE, json = FALSE;
  int min_group = -1;
  GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("Only this ITU region: africa, americas, arab-states, asia-pacific, cis, europe (or none: the assessments "
         "without one)"), "R" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("Only this phase: assessment, design, establishment or enhancement"),
      "P" },
    { "latest", 0, 0, G_OPTION_ARG_NONE, &latest, N_("Only the latest assessment of each country"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the portfolio as a workbook to FILE"), "FILE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_code, N_("Language of the workbook and of the table (default: the terminal's)"),
      "LL" },
    { "benchmark", 0, 0, G_OPTION_ARG_FILENAME, &benchmark,
      N_("Write the anonymised benchmark by region and phase to FILE (.json, or .csv)"), "FILE" },
    { "min-group", 0, 0, G_OPTION_ARG_INT, &min_group,
      N_("Fewest distinct countries a benchmark figure is written for (default 5)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CirtPortfolioFilter filter = { NULL, NULL, FALSE };
  const CirtLang *lang;
  CirtRegion r;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[1]);
  if ((json ? 1 : 0) + (xlsx ? 1 : 0) + (benchmark ? 1 : 0) > 1)
    return cirt_cli_usage_error (cmd, "%s", _("--json, --xlsx and --benchmark cannot be used together"));
  if (min_group != -1 && benchmark == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--min-group goes with --benchmark"));
  if (benchmark != NULL && latest)
    return cirt_cli_usage_error (cmd, "%s", _("--latest goes without --benchmark: the benchmark counts each country "
                                              "once per region and phase, with its latest assessment"));
  if (min_group == -1)
    min_group = DEFAULT_MIN_GROUP;
  if (min_group < 1)
    return cirt_cli_refuse (_("--min-group must be at least 1 (a benchmark figure stands for at least one country; "
                              "the default, 5, keeps any one country from being recognised)"));
  if (region != NULL)
    {
      if (g_ascii_strcasecmp (region, "none") == 0)
        filter.region = CIRT_PORTFOLIO_NO_REGION;
      else if (cirt_region_from_string (region, &r))
        filter.region = cirt_region_to_string (r);
      else
        return cirt_cli_refuse (_("unknown region \"%s\" (expected africa, americas, arab-states, asia-pacific, cis, "
                                  "europe or none)"), region);
    }
  if (phase != NULL)
    {
      if (!cirt_mission_phase_is_valid (phase))
        return cirt_cli_refuse (_("unknown phase \"%s\" (expected assessment, design, establishment or enhancement)"),
                                phase);
      filter.phase = phase;
    }
  filter.latest = latest;
  if (lang_code != NULL)
    {
      lang = cirt_lang_lookup (lang_code);
      if (lang == NULL)
        {
          g_autofree char *available = g_strjoinv (", ", (char **) cirt_lang_available ());
          return cirt_cli_usage_error (cmd, _("documents cannot be written in \"%s\" (available: %s)"), lang_code,
                                       available);
        }
    }
  else
    lang = cirt_cli_language ();

  store = cirt_cli_open_store (cli, &error);
  if (store == NULL || (portfolio = cirt_portfolio_build (store, &error)) == NULL)
    return cirt_cli_refuse_error (error);

  if (benchmark != NULL)
    {
      g_autoptr(GPtrArray) omitted = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_benchmark_omission_free);
      CirtBenchmarkFormat format = g_str_has_suffix (benchmark, ".csv") || g_str_has_suffix (benchmark, ".CSV")
                                   ? CIRT_BENCHMARK_CSV : CIRT_BENCHMARK_JSON;
      guint cells = 0;

      if (!cirt_portfolio_write_benchmark (portfolio, &filter, (guint) min_group, format, benchmark, omitted, &cells,
                                           &error))
        return cirt_cli_refuse_error (error);
      report_omissions (omitted, (guint) min_group, lang);
      /* translators: the benchmark file written, and its number of cells (region and phase) */
      printf (ngettext ("%s: %u cell (region and phase)\n", "%s: %u cells (region and phase)\n", cells), benchmark,
              cells);
      if (cells == 0)
        fprintf (stderr, _("cirt-assess-cli: note: no region and phase has %d countries or more; the file holds no "
                           "figure\n"), min_group);
      return CIRT_CLI_OK;
    }

  rows = cirt_portfolio_select (portfolio, &filter);
  if (json)
    {
      g_autoptr(JsonNode) root = cirt_portfolio_to_json (rows);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  if (xlsx != NULL)
    {
      PortfolioXlsx write = (PortfolioXlsx) cirt_cli_render_symbol ("cirt_cli_render_portfolio_xlsx");

      if (write == NULL)
        return CIRT_CLI_REFUSED;
      if (!write (rows, cirt_lang_get_code (lang), xlsx, &error))
        return cirt_cli_refuse_error (error);
      printf ("%s\n", xlsx);
      return CIRT_CLI_OK;
    }
  if (rows->len == 0)
    {
      fprintf (stderr, "%s\n", cirt_portfolio_get_n_rows (portfolio) == 0
                               ? _("No assessments yet. Create one with 'cirt-assess-cli new' or 'cirt-assess-cli demo'.")
                               : _("No assessment matches."));
      return CIRT_CLI_OK;
    }
  print_rows (rows, lang);
  print_medians (rows, lang);
  return CIRT_CLI_OK;
}
