/* cirt-cli-compare.c — the compare command: a follow-up against its
 * baseline, or any two assessments, question by question
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-compare.h"
#include "cirt-export-private.h"

/* Longest question text and answer shown in a row (the JSON has them whole). */
#define CUT_QUESTION 44
#define CUT_ANSWER   28
#define CUT_TITLE    38

/* @text cut to @n characters, "…" ending one that was cut. */
static char *
cut (const char *text,
     glong       n)
{
  g_autofree char *head = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= n)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, n - 1);
  return g_strconcat (head, "…", NULL);
}

/* One line of text: newlines and tabs of a note or a text answer as spaces. */
static char *
one_line (const char *text)
{
  char *s = g_strdup (text ? text : "");

  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return s;
}

static char *
score_text (const CirtLang       *l,
            gboolean              present,
            const CirtScoreValue *v)
{
  if (!present || !v->defined)
    return g_strdup ("—");
  return cirt_lang_format_score (l, v->score);
}

static char *
level_text (CirtInstrument       *thresholds,
            gboolean              present,
            const CirtScoreValue *v,
            const char           *lang)
{
  if (!present || !v->defined || v->level < 1 || thresholds == NULL)
    return g_strdup ("—");
  return g_strdup_printf ("%d %s", v->level,
                          cirt_text_get (cirt_instrument_get_level_info (thresholds, v->level)->name, lang));
}

static char *
coverage_text (const CirtLang       *l,
               gboolean              present,
               const CirtScoreValue *v)
{
  if (!present || isnan (v->coverage))
    return g_strdup ("—");
  return cirt_lang_format_percent (l, v->coverage);
}

/* A row of the pillar and section tables: title, then, now, change,
 * level then → now, coverage then → now. */
static void
add_value_row (CirtCliTable           *t,
               const CirtLang         *l,
               const char             *title,
               const CirtCompareValue *v,
               CirtInstrument         *old_thresholds,
               CirtInstrument         *new_thresholds)
{
  const char *lang = cirt_lang_get_code (l);
  g_autofree char *then = score_text (l, v->has_old, &v->old_value), *now = score_text (l, v->has_new, &v->new_value);
  g_autofree char *delta = cirt_compare_delta_words (l, v);
  g_autofree char *lt = level_text (old_thresholds, v->has_old, &v->old_value, lang);
  g_autofree char *ln = level_text (new_thresholds, v->has_new, &v->new_value, lang);
  g_autofree char *ct = coverage_text (l, v->has_old, &v->old_value), *cn = coverage_text (l, v->has_new, &v->new_value);
  g_autofree char *levels = g_strdup_printf ("%s → %s", lt, ln), *coverage = g_strdup_printf ("%s → %s", ct, cn);

  cirt_cli_table_add (t, title, then, now, delta, levels, coverage);
}

static void
print_header (CirtComparison *c,
              const CirtLang *l)
{
  CirtAssessmentInfo *o = c->old_data->info, *n = c->new_data->info;
  g_autofree char *od = cirt_lang_format_date (l, o->started_on), *nd = cirt_lang_format_date (l, n->started_on);
  g_autofree char *warning = cirt_comparison_country_warning (c, l);

  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (2, 0);
    /* translators: "Readiness 2024 (Republic of Example, 4 March 2024)" */
    g_autofree char *then = g_strdup_printf (_("%s (%s%s%s)"), o->title, o->country, od ? ", " : "", od ? od : "");
    g_autofree char *now = g_strdup_printf (_("%s (%s%s%s)"), n->title, n->country, nd ? ", " : "", nd ? nd : "");

    cirt_cli_table_add (t, _("Earlier:"), then);
    cirt_cli_table_add (t, _("Later:"), now);
    cirt_cli_table_print (t, "");
  }
  if (warning != NULL)
    printf ("%s %s\n", _("Warning:"), warning);
  for (guint i = 0; i < c->instruments->len; i++)
    {
      const CirtCompareInstrument *ci = &g_array_index (c->instruments, CirtCompareInstrument, i);
      const char *title = cirt_instrument_get_title (ci->new_instrument ? ci->new_instrument : ci->old_instrument,
                                                     cirt_lang_get_code (l));

      if (ci->old_instrument == NULL)
        /* translators: %s is an instrument's title */
        printf (_("%s: used only by the later assessment; not compared\n"), title);
      else if (ci->new_instrument == NULL)
        printf (_("%s: used only by the earlier assessment; not compared\n"), title);
      else if (strcmp (cirt_instrument_get_version (ci->old_instrument),
                       cirt_instrument_get_version (ci->new_instrument)) != 0)
        {
          g_autofree char *added = g_strdup_printf (ngettext ("%u question added", "%u questions added", ci->n_added),
                                                    ci->n_added);
          g_autofree char *removed = g_strdup_printf (ngettext ("%u removed", "%u removed", ci->n_removed),
                                                      ci->n_removed);
          /* translators: instrument title, old version, new version, "2 questions added", "1 removed" */
          printf (_("%s: version %s → %s (%s, %s)\n"), title, cirt_instrument_get_version (ci->old_instrument),
                  cirt_instrument_get_version (ci->new_instrument), added, removed);
        }
    }
}

static void
print_scores (CirtComparison *c,
              const CirtLang *l)
{
  CirtInstrument *old_first = g_ptr_array_index (c->old_data->instruments, 0);
  CirtInstrument *new_first = g_ptr_array_index (c->new_data->instruments, 0);
  const char *lang = cirt_lang_get_code (l);
  const guint right = 1 << 1 | 1 << 2 | 1 << 3;

  printf ("\n");
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (6, right);

    cirt_cli_table_add (t, _("Pillar"), cirt_lang_str (l, CIRT_STR_PROGRESS_THEN), cirt_lang_str (l, CIRT_STR_PROGRESS_NOW),
                        cirt_lang_str (l, CIRT_STR_PROGRESS_CHANGE), _("Level"), _("Coverage"));
    for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
      {
        const CirtComparePillar *cp = &c->pillars[p];
        if (cp->value.has_old || cp->value.has_new)
          add_value_row (t, l, cirt_lang_pillar_title (l, p), &cp->value, old_first, new_first);
      }
    add_value_row (t, l, _("Overall"), &c->overall, old_first, new_first);
    cirt_cli_table_print (t, "");
  }

  printf ("\n");
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (6, right);

    cirt_cli_table_add (t, _("Section"), cirt_lang_str (l, CIRT_STR_PROGRESS_THEN), cirt_lang_str (l, CIRT_STR_PROGRESS_NOW),
                        cirt_lang_str (l, CIRT_STR_PROGRESS_CHANGE), _("Level"), _("Coverage"));
    for (guint i = 0; i < c->sections->len; i++)
      {
        const CirtCompareSection *s = &g_array_index (c->sections, CirtCompareSection, i);
        g_autofree char *title = cut (cirt_text_get (cirt_compare_section_get (s)->title, lang), CUT_TITLE);

        add_value_row (t, l, title, &s->value, s->old_score ? s->old_score->instrument : NULL,
                       s->new_score ? s->new_score->instrument : NULL);
      }
    cirt_cli_table_print (t, "");
  }
}

static void
print_counts (CirtComparison *c,
              const CirtLang *l)
{
  g_autoptr(CirtCliTable) t = cirt_cli_table_new (2, 1 << 1);

  printf ("\n");
  cirt_cli_table_add (t, cirt_lang_str (l, CIRT_STR_PROGRESS_QUESTIONS), cirt_lang_str (l, CIRT_STR_PROGRESS_N_QUESTIONS));
  for (guint k = 0; k < CIRT_N_CHANGES; k++)
    {
      g_autofree char *n = cirt_lang_format_count (l, c->counts[k]);
      cirt_cli_table_add (t, cirt_change_words (l, k), n);
    }
  cirt_cli_table_print (t, "");
}

/* The questions of one kind of change, as a table under its heading. */
static void
print_questions (CirtComparison *c,
                 const CirtLang *l,
                 CirtChange      change)
{
  const char *lang = cirt_lang_get_code (l);
  g_autoptr(CirtCliTable) t = NULL;
  g_autofree char *count = NULL;

  if (c->counts[change] == 0)
    return;
  count = cirt_lang_format_count (l, c->counts[change]);
  printf ("\n%s (%s)\n", cirt_change_words (l, change), count);
  t = cirt_cli_table_new (5, 1 << 4);
  cirt_cli_table_add (t, _("ID"), _("Question"), cirt_lang_str (l, CIRT_STR_ANSWER_THEN),
                      cirt_lang_str (l, CIRT_STR_ANSWER_NOW), cirt_lang_str (l, CIRT_STR_PROGRESS_CHANGE));
  for (guint i = 0; i < c->questions->len; i++)
    {
      const CirtCompareQuestion *q = &g_array_index (c->questions, CirtCompareQuestion, i);
      g_autofree char *text = NULL, *then_words = NULL, *now_words = NULL, *then = NULL, *now = NULL, *delta = NULL;
      g_autofree char *line_then = NULL, *line_now = NULL;

      if (q->change != change)
        continue;
      text = cut (cirt_text_get (cirt_compare_question_get (q)->text, lang), CUT_QUESTION);
      then_words = q->old_question ? cirt_export_answer_words (l, q->old_question, q->old_answer) : g_strdup ("—");
      now_words = q->new_question ? cirt_export_answer_words (l, q->new_question, q->new_answer) : g_strdup ("—");
      line_then = one_line (then_words);
      line_now = one_line (now_words);
      then = cut (line_then, CUT_ANSWER);
      now = cut (line_now, CUT_ANSWER);
      delta = isnan (q->old_score) || isnan (q->new_score) ? g_strdup ("")
                                                           : cirt_compare_score_delta_words (l, q->old_score, q->new_score);
      cirt_cli_table_add (t, q->id, text, then, now, delta);
    }
  cirt_cli_table_print (t, "  ");
}

static void
print_met (CirtComparison *c,
           const CirtLang *l)
{
  const char *lang = cirt_lang_get_code (l);
  g_autoptr(CirtCliTable) t = NULL;
  g_autofree char *count = cirt_lang_format_count (l, c->met->len);

  printf ("\n%s (%s)\n", cirt_lang_str (l, CIRT_STR_PROGRESS_MET), count);
  if (c->met->len == 0)
    {
      printf ("  %s\n", cirt_lang_str (l, CIRT_STR_PROGRESS_NO_MET));
      return;
    }
  t = cirt_cli_table_new (3, 1 << 0);
  cirt_cli_table_add (t, cirt_lang_str (l, CIRT_STR_RANK_THEN), _("ID"), cirt_lang_str (l, CIRT_STR_RECOMMENDATION));
  for (guint i = 0; i < c->met->len; i++)
    {
      const CirtCompareMet *m = &g_array_index (c->met, CirtCompareMet, i);
      g_autofree char *rank = cirt_lang_format_count (l, m->old_rank);
      g_autofree char *rec = one_line (cirt_text_get (m->old_question->recommendation, lang));
      cirt_cli_table_add (t, rank, m->old_question->id, rec);
    }
  cirt_cli_table_print (t, "  ");
}

static void
print_text (CirtComparison *c,
            const CirtLang *l)
{
  static const CirtChange order[] = {
    CIRT_CHANGE_IMPROVED, CIRT_CHANGE_REGRESSED, CIRT_CHANGE_NEWLY_ANSWERED, CIRT_CHANGE_UNANSWERED,
    CIRT_CHANGE_CHANGED, CIRT_CHANGE_OPEN, CIRT_CHANGE_ADDED, CIRT_CHANGE_REMOVED,
  };

  print_header (c, l);
  print_scores (c, l);
  print_counts (c, l);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    print_questions (c, l, order[i]);
  print_met (c, l);
}

int
cirt_cli_cmd_compare (CirtCli *cli,
                      int      argc,
                      char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("compare");
  gboolean json = FALSE;
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of titles, answers and level names (default: the terminal's language; en for --json)"), "LL" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtComparison) comparison = NULL;
  g_autofree char *old_id = NULL, *new_id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cirt_cli_usage_error (cmd, "%s", _("no assessment id given"));
  if (argc > 3)
    return cirt_cli_usage_error (cmd, "%s", _("too many arguments"));
  if (lang != NULL && *lang == '\0')
    return cirt_cli_usage_error (cmd, "%s", _("--lang needs a language code such as en or fr"));
  if (lang != NULL && cirt_lang_lookup (lang) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) cirt_lang_available ());
      return cirt_cli_usage_error (cmd, _("no language \"%s\" (available: %s)"), lang, list);
    }

  /* compare NEW: with its baseline; compare OLD NEW: those two. */
  store = cirt_cli_open_assessment (cli, argv[argc - 1], &new_id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (argc == 3 && (old_id = cirt_store_resolve_id (store, argv[1], &error)) == NULL)
    return cirt_cli_refuse_error (error);
  if ((comparison = cirt_comparison_load (store, old_id, new_id, &error)) == NULL)
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonNode) root = cirt_comparison_to_json (comparison, lang ? lang : "en");
      cirt_cli_print_json (root);
    }
  else
    print_text (comparison, lang ? cirt_lang_get (lang) : cirt_cli_language ());
  return CIRT_CLI_OK;
}
