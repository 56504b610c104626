/* cirt-cli-score.c — commands that score an assessment and draw its charts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cirt-assessment-data.h"
#include "cirt-chart.h"
#include "cirt-cli.h"
#include "cirt-score.h"

#define CHART_DEFAULT_WIDTH 800
#define CHART_MIN_SIZE 100
#define CHART_MAX_SIZE 10000
#define TEXT_RECOMMENDATIONS 10

/* Prints @text left-aligned in @width terminal cells (so accented and
 * Chinese titles line up). */
static void
print_padded (const char *text,
              int         width)
{
  g_autofree char *padded = cirt_cli_pad (text, width, FALSE);
  fputs (padded, stdout);
}

static void
print_right (const char *text,
             int         width)
{
  g_autofree char *padded = cirt_cli_pad (text, width, TRUE);
  fputs (padded, stdout);
}

static char *
score_text (const CirtLang       *l,
            const CirtScoreValue *v)
{
  if (!v->defined)
    return g_strdup ("—");
  return cirt_lang_format_score (l, v->score);
}

static char *
coverage_text (const CirtLang       *l,
               const CirtScoreValue *v)
{
  g_autofree char *pct = NULL;

  if (isnan (v->coverage))
    return g_strdup ("—");
  pct = cirt_lang_format_percent (l, v->coverage);
  return g_strconcat (pct, v->provisional ? "*" : "", NULL);
}

static char *
level_text (CirtInstrument       *thresholds,
            const CirtScoreValue *v,
            const char           *lang)
{
  if (!v->defined || v->level < 1)
    return g_strdup ("—");
  return g_strdup_printf ("%d %s", v->level,
                          cirt_text_get (cirt_instrument_get_level_info (thresholds, v->level)->name, lang));
}

static void
print_score_text (CirtScore          *score,
                  CirtAssessmentInfo *info,
                  const char         *lang)
{
  const CirtLang *ln = cirt_lang_get (lang);
  CirtInstrument *first = g_ptr_array_index (cirt_score_get_instruments (score), 0);
  const CirtScoreValue *overall = cirt_score_get_overall (score);
  GPtrArray *capped = cirt_score_get_capped_by (score);
  gboolean any_provisional = overall->provisional;
  guint n_recs;

  printf ("%s\n", info->title);
  printf ("%s %s\n\n", _("Country:"), info->country);

  {
    g_autofree char *s = score_text (ln, overall), *l = level_text (first, overall, lang), *c = coverage_text (ln, overall);
    print_padded (_("Overall"), 36);
    print_right (s, 6);
    printf ("  ");
    print_padded (l, 18);
    print_right (c, 11);
    printf ("\n");
  }
  if (capped->len > 0)
    {
      int uncapped = cirt_score_get_uncapped_level (score);

      if (uncapped > overall->level)
        /* translators: %d is a level number (3 to 5) */
        printf (_("  Capped at level 2 (level %d without the cap): critical questions scoring below 50%%:"), uncapped);
      else
        printf ("%s", _("  Critical questions scoring below 50% (they cap the overall level at 2):"));
      for (guint i = 0; i < capped->len; i++)
        printf (" %s", ((const CirtQuestion *) g_ptr_array_index (capped, i))->id);
      printf ("\n");
    }

  printf ("\n");
  print_padded (_("Pillar"), 28);
  print_right (_("Score"), 6);
  printf ("  ");
  print_padded (_("Level"), 18);
  print_right (_("Coverage"), 9);
  print_right (_("Target"), 8);
  print_right (_("Gap"), 5);
  printf ("\n");
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (score, p);
      g_autofree char *s = score_text (ln, &ps->value), *l = NULL, *c = coverage_text (ln, &ps->value);
      g_autofree char *t = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
      g_autofree char *g = !ps->has_gap ? g_strdup ("—") : ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);

      l = ps->used ? level_text (first, &ps->value, lang) : g_strdup (_("not assessed"));
      any_provisional |= ps->value.provisional;
      print_padded (cirt_lang_pillar_title (ln, p), 28);
      print_right (s, 6);
      printf ("  ");
      print_padded (l, 18);
      print_right (c, 9);
      print_right (t, 8);
      print_right (g, 5);
      printf ("\n");
    }

  printf ("\n");
  print_padded (_("Section"), 40);
  print_right (_("Score"), 6);
  printf ("  ");
  print_padded (_("Level"), 18);
  print_right (_("Coverage"), 9);
  print_right (_("Answered"), 10);
  printf ("\n");
  for (guint i = 0; i < cirt_score_get_n_sections (score); i++)
    {
      const CirtSectionScore *ss = cirt_score_get_section (score, i);
      g_autofree char *s = score_text (ln, &ss->value), *l = level_text (ss->instrument, &ss->value, lang);
      g_autofree char *c = coverage_text (ln, &ss->value);
      g_autofree char *a = g_strdup_printf ("%u/%u", ss->answered, ss->total);
      const char *title = cirt_text_get (ss->section->title, lang);
      g_autofree char *cut = g_utf8_strlen (title, -1) > 38 ? g_utf8_substring (title, 0, 37) : g_strdup (title);

      any_provisional |= ss->value.provisional;
      if (g_utf8_strlen (title, -1) > 38)
        {
          g_autofree char *e = g_strconcat (cut, "…", NULL);
          print_padded (e, 40);
        }
      else
        print_padded (cut, 40);
      print_right (s, 6);
      printf ("  ");
      print_padded (l, 18);
      print_right (c, 9);
      print_right (a, 10);
      printf ("\n");
    }
  if (any_provisional)
    /* xgettext:no-c-format */
    printf ("%s\n", _("* provisional: under 80% of the applicable questions answered"));

  n_recs = cirt_score_get_n_recommendations (score);
  if (n_recs > 0)
    {
      printf ("\n");
      /* translators: "Top recommendations (10 of 23)" */
      printf (_("Top recommendations (%u of %u)"), MIN (n_recs, TEXT_RECOMMENDATIONS), n_recs);
      printf ("\n");
      for (guint i = 0; i < MIN (n_recs, TEXT_RECOMMENDATIONS); i++)
        {
          const CirtRecommendation *r = cirt_score_get_recommendation (score, i);
          printf ("%3u. %-12s %s %.2f  %s\n", i + 1, r->question->id, _("priority"), r->priority,
                  cirt_text_get (r->question->recommendation, lang));
        }
    }
}

int
cirt_cli_cmd_score (CirtCli *cli,
                    int      argc,
                    char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("score");
  gboolean json = FALSE;
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of titles, level names and recommendations (default: en)"), "LL" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (lang != NULL && *lang == '\0')
    return cirt_cli_usage_error (cmd, "%s", _("--lang needs a language code such as en or fr"));

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if ((data = cirt_assessment_data_load (store, id, CIRT_LOAD_SCORE, &error)) == NULL)
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = cirt_score_to_json (data->score, id, lang ? lang : "en");
      cirt_cli_print_json (root);
    }
  else
    print_score_text (data->score, data->info, lang ? lang : "en");
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_chart (CirtCli *cli,
                    int      argc,
                    char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("chart");
  g_autofree char *kind_str = NULL, *out = NULL, *lang = NULL;
  int width = 0, height = 0;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_str, N_("radar, sections or coverage"), "KIND" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("File to write: .png, .svg or .pdf"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 800)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default: what the chart needs)"), "H" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the chart's text (default: en)"), "LL" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autofree char *id = NULL, *lower = NULL;
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
    return cirt_cli_usage_error (cmd, _("unknown chart kind \"%s\" (expected radar, sections or coverage)"), kind_str);
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

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  /* A follow-up is drawn against the assessment it follows up. */
  if ((data = cirt_assessment_data_load (store, id, kind == CIRT_CHART_RADAR ? CIRT_LOAD_BASELINE : CIRT_LOAD_SCORE,
                                         &error)) == NULL)
    return cirt_cli_refuse_error (error);
  if (kind == CIRT_CHART_RADAR && data->info->baseline != NULL && data->baseline == NULL)
    fprintf (stderr, "cirt-assess-cli: %s\n", _("the earlier assessment is left out: it is no longer in the database"));

  if (width == 0)
    width = CHART_DEFAULT_WIDTH;
  if (height == 0)
    height = (int) CLAMP (ceil (cirt_chart_natural_height (kind, data->score, width)), CHART_MIN_SIZE, CHART_MAX_SIZE);
  options.lang = lang ? lang : "en";
  options.dark = dark;
  options.baseline = data->baseline;
  options.font_scale = 1.0;
  if (!cirt_chart_write_file (kind, data->score, &options, out, width, height, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}
