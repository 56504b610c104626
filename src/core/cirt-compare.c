/* cirt-compare.c — what changed between two assessments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, as implemented here:
 *
 * - Instruments are matched by id. Those the two share are compared
 *   question by question; one used by a single side is listed with its
 *   version (and no questions). No instrument in common: refused.
 * - Within a shared instrument, questions are matched by id (whatever
 *   section they are in now). A question only in the new assessment's
 *   version is "added", one only in the old one's "removed".
 * - A matched question: unanswered both times (no value, no N/A) is "open";
 *   answered only now "newly answered", only before "unanswered"; scored
 *   both times (a value that scores, not N/A) "improved" or "regressed"
 *   when the score moved by more than CIRT_SCORE_EPSILON, else "same"
 *   (same value) or "changed"; otherwise (N/A, an unscored kind) "same"
 *   when the value and the N/A mark are the same, else "changed". Notes,
 *   evidence and sources do not count: they are not the answer.
 * - Pillars and the overall index are the two assessments' own scores.
 *   Sections are matched by (instrument id, section id).
 * - A recommendation of the old assessment (cirt_score_get_recommendation)
 *   is met when its question, in a shared instrument, now has a value that
 *   scores in full (s = 1, within the epsilon): then it recommends nothing
 *   any more. N/A, unanswered or removed is not met.
 */
#include "config.h"

#include "cirt-compare.h"
#include "cirt-json.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cirt-export-private.h"

G_DEFINE_QUARK (cirt-compare-error-quark, cirt_compare_error)

G_DEFINE_BOXED_TYPE (CirtComparison, cirt_comparison, cirt_comparison_ref, cirt_comparison_unref)

static const char * const change_names[CIRT_N_CHANGES] = {
  "improved", "regressed", "newly-answered", "unanswered", "open", "changed", "same", "added", "removed",
};

static const CirtString change_strings[CIRT_N_CHANGES] = {
  CIRT_STR_CHANGE_IMPROVED, CIRT_STR_CHANGE_REGRESSED, CIRT_STR_CHANGE_NEWLY_ANSWERED, CIRT_STR_CHANGE_UNANSWERED,
  CIRT_STR_CHANGE_OPEN, CIRT_STR_CHANGE_CHANGED, CIRT_STR_CHANGE_SAME, CIRT_STR_CHANGE_ADDED,
  CIRT_STR_CHANGE_REMOVED,
};

const char *
cirt_change_to_string (CirtChange change)
{
  g_return_val_if_fail (change < CIRT_N_CHANGES, NULL);
  return change_names[change];
}

gboolean
cirt_change_from_string (const char *str,
                         CirtChange *out)
{
  for (guint i = 0; str != NULL && i < CIRT_N_CHANGES; i++)
    if (strcmp (str, change_names[i]) == 0)
      {
        if (out)
          *out = (CirtChange) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_change_words (const CirtLang *lang,
                   CirtChange      change)
{
  g_return_val_if_fail (change < CIRT_N_CHANGES, NULL);
  return cirt_lang_str (lang, change_strings[change]);
}

static void
comparison_clear (CirtComparison *c)
{
  g_clear_pointer (&c->old_data, cirt_assessment_data_unref);
  g_clear_pointer (&c->new_data, cirt_assessment_data_unref);
  g_clear_pointer (&c->instruments, g_array_unref);
  g_clear_pointer (&c->sections, g_array_unref);
  g_clear_pointer (&c->questions, g_array_unref);
  g_clear_pointer (&c->met, g_array_unref);
}

CirtComparison *
cirt_comparison_ref (CirtComparison *comparison)
{
  return g_atomic_rc_box_acquire (comparison);
}

void
cirt_comparison_unref (CirtComparison *comparison)
{
  if (comparison != NULL)
    g_atomic_rc_box_release_full (comparison, (GDestroyNotify) comparison_clear);
}

const CirtQuestion *
cirt_compare_question_get (const CirtCompareQuestion *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  return q->new_question ? q->new_question : q->old_question;
}

const CirtSection *
cirt_compare_section_get (const CirtCompareSection *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->new_section ? s->new_section : s->old_section;
}

/* ------------------------------------------------------------------------ */
/* Comparing                                                                 */

void
cirt_compare_value_init (CirtCompareValue     *v,
                         const CirtScoreValue *old_value,
                         const CirtScoreValue *new_value)
{
  static const CirtScoreValue none = { FALSE, NAN, 0, NAN, FALSE };

  memset (v, 0, sizeof *v);
  v->has_old = old_value != NULL;
  v->has_new = new_value != NULL;
  v->old_value = old_value ? *old_value : none;
  v->new_value = new_value ? *new_value : none;
  v->has_delta = v->old_value.defined && v->new_value.defined;
  v->delta = v->has_delta ? v->new_value.score - v->old_value.score : NAN;
  v->level_delta = v->has_delta ? v->new_value.level - v->old_value.level : 0;
  v->coverage_delta = !isnan (v->old_value.coverage) && !isnan (v->new_value.coverage)
                        ? v->new_value.coverage - v->old_value.coverage
                        : NAN;
}

static CirtInstrument *
find_instrument (GPtrArray  *instruments,
                 const char *id)
{
  for (guint i = 0; i < instruments->len; i++)
    if (strcmp (cirt_instrument_get_id (g_ptr_array_index (instruments, i)), id) == 0)
      return g_ptr_array_index (instruments, i);
  return NULL;
}

static const CirtSection *
find_section (CirtInstrument *inst,
              const char     *id)
{
  for (guint i = 0; i < cirt_instrument_get_n_sections (inst); i++)
    if (strcmp (cirt_instrument_get_section (inst, i)->id, id) == 0)
      return cirt_instrument_get_section (inst, i);
  return NULL;
}

static const CirtSectionScore *
find_section_score (CirtScore         *score,
                    const CirtSection *section)
{
  for (guint i = 0; i < cirt_score_get_n_sections (score); i++)
    if (cirt_score_get_section (score, i)->section == section)
      return cirt_score_get_section (score, i);
  return NULL;
}

/* The answer's score on 0–100, NAN when it has none. */
static double
answer_score (const CirtQuestion *q,
              const CirtAnswer   *a)
{
  double s;

  if (a == NULL || a->not_applicable || a->value == NULL || !cirt_kind_is_scored (q->kind))
    return NAN;
  s = cirt_question_score_value (q, a->value);
  return s < 0 ? NAN : 100.0 * s;
}

static CirtChange
classify (const CirtCompareQuestion *q)
{
  gboolean was = cirt_answer_is_answered (q->old_answer), is = cirt_answer_is_answered (q->new_answer);

  if (!was && !is)
    return CIRT_CHANGE_OPEN;
  if (!was)
    return CIRT_CHANGE_NEWLY_ANSWERED;
  if (!is)
    return CIRT_CHANGE_UNANSWERED;
  if (!isnan (q->old_score) && !isnan (q->new_score))
    {
      if (q->new_score > q->old_score + CIRT_SCORE_EPSILON)
        return CIRT_CHANGE_IMPROVED;
      if (q->new_score < q->old_score - CIRT_SCORE_EPSILON)
        return CIRT_CHANGE_REGRESSED;
    }
  if (q->old_answer->not_applicable == q->new_answer->not_applicable &&
      g_strcmp0 (q->old_answer->value, q->new_answer->value) == 0)
    return CIRT_CHANGE_SAME;
  return CIRT_CHANGE_CHANGED;
}

static void
add_question (CirtComparison     *c,
              const CirtQuestion *old_q,
              const CirtQuestion *new_q)
{
  CirtCompareQuestion q = { 0 };

  q.id = new_q ? new_q->id : old_q->id;
  q.old_question = old_q;
  q.new_question = new_q;
  q.old_answer = old_q ? cirt_assessment_data_answer (c->old_data, old_q) : NULL;
  q.new_answer = new_q ? cirt_assessment_data_answer (c->new_data, new_q) : NULL;
  q.old_score = old_q ? answer_score (old_q, q.old_answer) : NAN;
  q.new_score = new_q ? answer_score (new_q, q.new_answer) : NAN;
  q.change = old_q == NULL ? CIRT_CHANGE_ADDED : new_q == NULL ? CIRT_CHANGE_REMOVED : classify (&q);
  c->counts[q.change]++;
  g_array_append_val (c->questions, q);
}

static void
add_section (CirtComparison    *c,
             const char        *instrument,
             const CirtSection *old_s,
             const CirtSection *new_s)
{
  CirtCompareSection s = { 0 };

  s.instrument = instrument;
  s.old_section = old_s;
  s.new_section = new_s;
  s.old_score = old_s ? find_section_score (c->old_data->score, old_s) : NULL;
  s.new_score = new_s ? find_section_score (c->new_data->score, new_s) : NULL;
  cirt_compare_value_init (&s.value, s.old_score ? &s.old_score->value : NULL, s.new_score ? &s.new_score->value : NULL);
  g_array_append_val (c->sections, s);
}

/* The questions of @old_s (a section of the old version) that the new
 * version no longer has. */
static guint
add_removed (CirtComparison    *c,
             const CirtSection *old_s,
             CirtInstrument    *new_inst)
{
  guint n = 0;

  for (guint q = 0; q < old_s->questions->len; q++)
    {
      const CirtQuestion *oq = g_ptr_array_index (old_s->questions, q);
      if (cirt_instrument_lookup_question (new_inst, oq->id) == NULL)
        {
          add_question (c, oq, NULL);
          n++;
        }
    }
  return n;
}

static void
compare_instrument (CirtComparison        *c,
                    CirtCompareInstrument *ci)
{
  CirtInstrument *oi = ci->old_instrument, *ni = ci->new_instrument;

  for (guint s = 0; s < cirt_instrument_get_n_sections (ni); s++)
    {
      const CirtSection *ns = cirt_instrument_get_section (ni, s);
      const CirtSection *os = find_section (oi, ns->id);

      add_section (c, ci->id, os, ns);
      for (guint q = 0; q < ns->questions->len; q++)
        {
          const CirtQuestion *nq = g_ptr_array_index (ns->questions, q);
          const CirtQuestion *oq = cirt_instrument_lookup_question (oi, nq->id);

          add_question (c, oq, nq);
          if (oq == NULL)
            ci->n_added++;
        }
      if (os != NULL)
        ci->n_removed += add_removed (c, os, ni);
    }
  for (guint s = 0; s < cirt_instrument_get_n_sections (oi); s++)
    {
      const CirtSection *os = cirt_instrument_get_section (oi, s);

      if (find_section (ni, os->id) != NULL)
        continue;
      add_section (c, ci->id, os, NULL);
      ci->n_removed += add_removed (c, os, ni);
    }
}

static void
find_met (CirtComparison *c)
{
  CirtScore *old_score = c->old_data->score;

  for (guint i = 0; i < cirt_score_get_n_recommendations (old_score); i++)
    {
      const CirtRecommendation *rec = cirt_score_get_recommendation (old_score, i);
      const char *inst_id = cirt_instrument_get_id (cirt_question_get_instrument (rec->question));
      CirtInstrument *ni = find_instrument (c->new_data->instruments, inst_id);
      const CirtQuestion *nq = ni ? cirt_instrument_lookup_question (ni, rec->question->id) : NULL;
      double now = nq ? answer_score (nq, cirt_assessment_data_answer (c->new_data, nq)) : NAN;

      if (!isnan (now) && now >= 100.0 - CIRT_SCORE_EPSILON)
        {
          CirtCompareMet m = { rec->question, nq, i + 1, 100.0 * rec->score, now };
          g_array_append_val (c->met, m);
        }
    }
}

/* A country name as compared: trimmed, composed, without case. */
static char *
country_key (const char *country)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (country));
  g_autofree char *composed = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (composed ? composed : trimmed, -1);
}

static gboolean
other_country (const CirtAssessmentInfo *a,
               const CirtAssessmentInfo *b)
{
  g_autofree char *x = NULL, *y = NULL;

  if (cirt_text_is_blank (a->country) || cirt_text_is_blank (b->country))
    return FALSE;
  x = country_key (a->country);
  y = country_key (b->country);
  return strcmp (x, y) != 0;
}

CirtComparison *
cirt_comparison_new (CirtAssessmentData  *old_data,
                     CirtAssessmentData  *new_data,
                     GError             **error)
{
  g_autoptr(CirtComparison) c = NULL;
  guint n_shared = 0;

  g_return_val_if_fail (old_data != NULL && new_data != NULL, NULL);

  if (strcmp (old_data->info->id, new_data->info->id) == 0)
    {
      g_set_error (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_SAME,
                   _("“%s” cannot be compared with itself: name two different assessments"),
                   new_data->info->title);
      return NULL;
    }

  c = g_atomic_rc_box_new0 (CirtComparison);
  c->old_data = cirt_assessment_data_ref (old_data);
  c->new_data = cirt_assessment_data_ref (new_data);
  c->instruments = g_array_new (FALSE, TRUE, sizeof (CirtCompareInstrument));
  c->sections = g_array_new (FALSE, TRUE, sizeof (CirtCompareSection));
  c->questions = g_array_new (FALSE, TRUE, sizeof (CirtCompareQuestion));
  c->met = g_array_new (FALSE, TRUE, sizeof (CirtCompareMet));
  c->other_country = other_country (old_data->info, new_data->info);

  for (guint i = 0; i < new_data->instruments->len; i++)
    {
      CirtCompareInstrument ci = { 0 };
      ci.new_instrument = g_ptr_array_index (new_data->instruments, i);
      ci.id = cirt_instrument_get_id (ci.new_instrument);
      ci.old_instrument = find_instrument (old_data->instruments, ci.id);
      n_shared += ci.old_instrument != NULL;
      g_array_append_val (c->instruments, ci);
    }
  for (guint i = 0; i < old_data->instruments->len; i++)
    {
      CirtCompareInstrument ci = { 0 };
      ci.old_instrument = g_ptr_array_index (old_data->instruments, i);
      ci.id = cirt_instrument_get_id (ci.old_instrument);
      if (find_instrument (new_data->instruments, ci.id) == NULL)
        g_array_append_val (c->instruments, ci);
    }
  if (n_shared == 0)
    {
      g_set_error (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_NO_SHARED,
                   _("“%s” and “%s” share no instrument: there is no question to compare"),
                   old_data->info->title, new_data->info->title);
      return NULL;
    }

  cirt_compare_value_init (&c->overall, cirt_score_get_overall (old_data->score), cirt_score_get_overall (new_data->score));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *op = cirt_score_get_pillar (old_data->score, p);
      const CirtPillarScore *np = cirt_score_get_pillar (new_data->score, p);

      c->pillars[p].pillar = p;
      cirt_compare_value_init (&c->pillars[p].value, op->used ? &op->value : NULL, np->used ? &np->value : NULL);
    }
  for (guint i = 0; i < c->instruments->len; i++)
    {
      CirtCompareInstrument *ci = &g_array_index (c->instruments, CirtCompareInstrument, i);
      if (ci->old_instrument != NULL && ci->new_instrument != NULL)
        compare_instrument (c, ci);
    }
  find_met (c);
  return g_steal_pointer (&c);
}

CirtComparison *
cirt_comparison_new_for_follow_up (CirtAssessmentData  *data,
                                   GError             **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (data->info->baseline == NULL)
    {
      g_set_error (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_NO_BASELINE,
                   _("“%s” is not a follow-up of another assessment in this database (or the assessment it "
                     "followed up was deleted): name the assessment to compare it with"),
                   data->info->title);
      return NULL;
    }
  if (data->baseline_data == NULL)
    {
      g_set_error (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_UNREADABLE,
                   _("the assessment that “%s” follows up (%s) cannot be read"), data->info->title,
                   data->info->baseline);
      return NULL;
    }
  return cirt_comparison_new (data->baseline_data, data, error);
}

CirtComparison *
cirt_comparison_load (CirtStore   *store,
                      const char  *old_id,
                      const char  *new_id,
                      GError     **error)
{
  g_autoptr(CirtAssessmentData) new_data = NULL, old_data = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);
  g_return_val_if_fail (new_id != NULL, NULL);

  if (old_id == NULL)
    {
      if ((new_data = cirt_assessment_data_load (store, new_id, CIRT_LOAD_BASELINE, error)) == NULL)
        return NULL;
      return cirt_comparison_new_for_follow_up (new_data, error);
    }
  if (strcmp (old_id, new_id) == 0)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (store, new_id, error);
      if (info == NULL)
        return NULL;
      g_set_error (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_SAME,
                   _("“%s” cannot be compared with itself: name two different assessments"), info->title);
      return NULL;
    }
  if ((old_data = cirt_assessment_data_load (store, old_id, CIRT_LOAD_SCORE, error)) == NULL ||
      (new_data = cirt_assessment_data_load (store, new_id, CIRT_LOAD_SCORE, error)) == NULL)
    return NULL;
  return cirt_comparison_new (old_data, new_data, error);
}

/* ------------------------------------------------------------------------ */
/* Words                                                                     */

char *
cirt_compare_score_delta_words (const CirtLang *lang,
                                double          old_score,
                                double          new_score)
{
  double d;
  g_autofree char *num = NULL;

  if (isnan (old_score) || isnan (new_score))
    return g_strdup ("—");
  /* The difference of what is shown, so that the three numbers agree. */
  d = cirt_score_display_value (new_score, 1) - cirt_score_display_value (old_score, 1);
  d = round (d * 10.0) / 10.0;
  num = cirt_lang_format_number (lang, fabs (d), 1);
  /* Right to left, the sign stays before the figure: the number is set
   * apart as a left-to-right run (U+2066 … U+2069), else the bidirectional
   * algorithm takes the sign for punctuation and puts it after. */
  if (d != 0 && cirt_lang_is_rtl (lang))
    return g_strconcat ("\xe2\x81\xa6", d > 0 ? "+" : "−", num, "\xe2\x81\xa9", NULL);
  if (d > 0)
    return g_strconcat ("+", num, NULL);
  if (d < 0)
    return g_strconcat ("−", num, NULL);
  return g_steal_pointer (&num);
}

char *
cirt_compare_delta_words (const CirtLang         *lang,
                          const CirtCompareValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  if (!value->has_delta)
    return g_strdup ("—");
  return cirt_compare_score_delta_words (lang, value->old_value.score, value->new_value.score);
}

char *
cirt_comparison_country_warning (CirtComparison *c,
                                 const CirtLang *lang)
{
  g_return_val_if_fail (c != NULL, NULL);
  if (!c->other_country)
    return NULL;
  return cirt_lang_format (lang, CIRT_STR_COMPARE_OTHER_COUNTRY, c->old_data->info->country,
                           c->new_data->info->country, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                      */

static void
assessment_json (JsonBuilder        *b,
                 const char         *name,
                 CirtAssessmentData *d)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  cirt_json_add_string (b, "id", d->info->id);
  cirt_json_add_string (b, "title", d->info->title);
  cirt_json_add_string (b, "country", d->info->country);
  cirt_json_add_string (b, "started_on", d->info->started_on);
  cirt_json_add_string (b, "ended_on", d->info->ended_on);
  cirt_json_add_string (b, "baseline", d->info->baseline);
  json_builder_set_member_name (b, "instruments");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (d->instruments, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", cirt_instrument_get_id (inst));
      cirt_json_add_string (b, "version", cirt_instrument_get_version (inst));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* {score, level, level_name, coverage}, or null without that side. */
static void
side_json (JsonBuilder          *b,
           const char           *name,
           gboolean              present,
           const CirtScoreValue *v,
           CirtInstrument       *thresholds,
           const char           *lang)
{
  json_builder_set_member_name (b, name);
  if (!present)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  cirt_json_add_number (b, "score", v->defined, v->score);
  cirt_json_add_int (b, "level", v->defined && v->level > 0, v->level);
  cirt_json_add_string (b, "level_name",
                 v->defined && v->level > 0 && thresholds
                   ? cirt_text_get (cirt_instrument_get_level_info (thresholds, v->level)->name, lang)
                   : NULL);
  cirt_json_add_number (b, "coverage", TRUE, v->coverage);
  json_builder_set_member_name (b, "provisional");
  json_builder_add_boolean_value (b, v->provisional);
  json_builder_end_object (b);
}

static void
value_json (JsonBuilder            *b,
            const CirtCompareValue *v,
            CirtInstrument         *old_thresholds,
            CirtInstrument         *new_thresholds,
            const char             *lang)
{
  side_json (b, "old", v->has_old, &v->old_value, old_thresholds, lang);
  side_json (b, "new", v->has_new, &v->new_value, new_thresholds, lang);
  cirt_json_add_number (b, "delta", v->has_delta, v->delta);
  cirt_json_add_int (b, "level_delta", v->has_delta, v->level_delta);
  cirt_json_add_number (b, "coverage_delta", TRUE, v->coverage_delta);
}

static void
answer_json (JsonBuilder        *b,
             const char         *name,
             const CirtLang     *l,
             const CirtQuestion *q,
             const CirtAnswer   *a,
             double              score)
{
  g_autofree char *words = NULL;

  json_builder_set_member_name (b, name);
  if (q == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  words = cirt_export_answer_words (l, q, a);
  json_builder_begin_object (b);
  cirt_json_add_string (b, "value", a ? a->value : NULL);
  json_builder_set_member_name (b, "not_applicable");
  json_builder_add_boolean_value (b, a != NULL && a->not_applicable);
  cirt_json_add_string (b, "answer", words);
  cirt_json_add_number (b, "score", TRUE, score);
  json_builder_end_object (b);
}

JsonNode *
cirt_comparison_to_json (CirtComparison *c,
                         const char     *lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const CirtLang *l = cirt_lang_get (lang);
  CirtInstrument *old_first, *new_first;

  g_return_val_if_fail (c != NULL, NULL);
  lang = cirt_lang_get_code (l);
  old_first = g_ptr_array_index (c->old_data->instruments, 0);
  new_first = g_ptr_array_index (c->new_data->instruments, 0);

  json_builder_begin_object (b);
  cirt_json_add_string (b, "format", "cirt-comparison");
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, 1);
  assessment_json (b, "old", c->old_data);
  assessment_json (b, "new", c->new_data);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  if (c->other_country)
    {
      g_autofree char *msg = cirt_comparison_country_warning (c, l);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "code", "other-country");
      cirt_json_add_string (b, "message", msg);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "instruments");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->instruments->len; i++)
    {
      const CirtCompareInstrument *ci = &g_array_index (c->instruments, CirtCompareInstrument, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", ci->id);
      cirt_json_add_string (b, "old_version", ci->old_instrument ? cirt_instrument_get_version (ci->old_instrument) : NULL);
      cirt_json_add_string (b, "new_version", ci->new_instrument ? cirt_instrument_get_version (ci->new_instrument) : NULL);
      json_builder_set_member_name (b, "shared");
      json_builder_add_boolean_value (b, ci->old_instrument != NULL && ci->new_instrument != NULL);
      json_builder_set_member_name (b, "questions_added");
      json_builder_add_int_value (b, ci->n_added);
      json_builder_set_member_name (b, "questions_removed");
      json_builder_add_int_value (b, ci->n_removed);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "overall");
  json_builder_begin_object (b);
  value_json (b, &c->overall, old_first, new_first, lang);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "pillars");
  json_builder_begin_array (b);
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtComparePillar *cp = &c->pillars[p];
      if (!cp->value.has_old && !cp->value.has_new)
        continue;
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", cirt_pillar_to_string (p));
      cirt_json_add_string (b, "title", cirt_lang_pillar_title (l, p));
      value_json (b, &cp->value, old_first, new_first, lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->sections->len; i++)
    {
      const CirtCompareSection *s = &g_array_index (c->sections, CirtCompareSection, i);
      const CirtSection *sec = cirt_compare_section_get (s);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", sec->id);
      cirt_json_add_string (b, "instrument", s->instrument);
      cirt_json_add_string (b, "pillar", cirt_pillar_to_string (sec->pillar));
      cirt_json_add_string (b, "title", cirt_text_get (sec->title, lang));
      value_json (b, &s->value, s->old_score ? s->old_score->instrument : NULL,
                  s->new_score ? s->new_score->instrument : NULL, lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (guint k = 0; k < CIRT_N_CHANGES; k++)
    {
      g_autofree char *key = g_strdelimit (g_strdup (change_names[k]), "-", '_');
      json_builder_set_member_name (b, key);
      json_builder_add_int_value (b, c->counts[k]);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->questions->len; i++)
    {
      const CirtCompareQuestion *q = &g_array_index (c->questions, CirtCompareQuestion, i);
      const CirtQuestion *qu = cirt_compare_question_get (q);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", q->id);
      cirt_json_add_string (b, "instrument", cirt_instrument_get_id (cirt_question_get_instrument (qu)));
      cirt_json_add_string (b, "section", qu->section->id);
      cirt_json_add_string (b, "pillar", cirt_pillar_to_string (qu->section->pillar));
      cirt_json_add_string (b, "kind", cirt_kind_to_string (qu->kind));
      cirt_json_add_string (b, "text", cirt_text_get (qu->text, lang));
      cirt_json_add_string (b, "change", change_names[q->change]);
      answer_json (b, "old", l, q->old_question, q->old_answer, q->old_score);
      answer_json (b, "new", l, q->new_question, q->new_answer, q->new_score);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "recommendations_met");
  json_builder_begin_array (b);
  for (guint i = 0; i < c->met->len; i++)
    {
      const CirtCompareMet *m = &g_array_index (c->met, CirtCompareMet, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "question", m->old_question->id);
      json_builder_set_member_name (b, "old_rank");
      json_builder_add_int_value (b, m->old_rank);
      cirt_json_add_number (b, "old_score", TRUE, m->old_score);
      cirt_json_add_number (b, "new_score", TRUE, m->new_score);
      cirt_json_add_string (b, "recommendation", cirt_text_get (m->old_question->recommendation, lang));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
