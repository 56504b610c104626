/* cirt-cli-score.c — the score command
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cirt-assessment-data.h"
#include "cirt-cli.h"
#include "cirt-score.h"

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

/* A section title of at most 38 characters, "…" ending one that was cut. */
static char *
cut_title (const char *title)
{
  g_autofree char *head = g_utf8_substring (title, 0, 37);
  return g_strconcat (head, "…", NULL);
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
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (6, 1 << 1 | 1 << 3 | 1 << 4 | 1 << 5);

    cirt_cli_table_add (t, _("Pillar"), _("Score"), _("Level"), _("Coverage"), _("Target"), _("Gap"));
    for (guint p = 0; p < CIRT_N_PILLARS; p++)
      {
        const CirtPillarScore *ps = cirt_score_get_pillar (score, p);
        g_autofree char *s = score_text (ln, &ps->value), *l = NULL, *c = coverage_text (ln, &ps->value);
        g_autofree char *t_ = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
        g_autofree char *g = !ps->has_gap ? g_strdup ("—") : ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);

        l = ps->used ? level_text (first, &ps->value, lang) : g_strdup (_("not assessed"));
        any_provisional |= ps->value.provisional;
        cirt_cli_table_add (t, cirt_lang_pillar_title (ln, p), s, l, c, t_, g);
      }
    cirt_cli_table_print (t, "");
  }

  printf ("\n");
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (5, 1 << 1 | 1 << 3 | 1 << 4);

    cirt_cli_table_add (t, _("Section"), _("Score"), _("Level"), _("Coverage"), _("Answered"));
    for (guint i = 0; i < cirt_score_get_n_sections (score); i++)
      {
        const CirtSectionScore *ss = cirt_score_get_section (score, i);
        g_autofree char *s = score_text (ln, &ss->value), *l = level_text (ss->instrument, &ss->value, lang);
        g_autofree char *c = coverage_text (ln, &ss->value);
        g_autofree char *a = g_strdup_printf ("%u/%u", ss->answered, ss->total);
        const char *title = cirt_text_get (ss->section->title, lang);
        g_autofree char *cut = g_utf8_strlen (title, -1) > 38 ? cut_title (title) : g_strdup (title);

        any_provisional |= ss->value.provisional;
        cirt_cli_table_add (t, cut, s, l, c, a);
      }
    cirt_cli_table_print (t, "");
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
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of titles, level names and recommendations (default: the terminal's language; en for --json)"), "LL" },
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
    print_score_text (data->score, data->info, lang ? lang : cirt_lang_get_code (cirt_cli_language ()));
  return CIRT_CLI_OK;
}
