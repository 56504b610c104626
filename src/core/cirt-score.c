/* cirt-score.c — maturity scores: a pure function of (instruments, answers, targets)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (design.md, "Scoring"), as implemented here:
 *
 * - A scored question (level, yesno, choice, checklist) that has a value and
 *   is not marked N/A scores s in [0, 1] (cirt_question_score_value()).
 *   N/A questions are left out of everything: scores, coverage, caps and
 *   recommendations. Unanswered questions (no answer, or an answer holding
 *   only notes) count against coverage and nothing else.
 * - Section = Σ(w·s) / Σw over its answered applicable questions; undefined
 *   when there are none. A section whose answered questions all weigh 0 is
 *   undefined too (0/0 is no score, and a 0 would be a lie).
 * - Pillar = weighted mean of its defined section scores by section weight,
 *   over the sections of every instrument of the assessment that belong to
 *   it, in instrument order. Undefined when no section is defined, or when
 *   the defined ones all weigh 0.
 * - Overall = weighted mean of the defined pillar scores by pillar weight.
 *   A pillar's weight is the one given by the FIRST instrument of the
 *   assessment that lists the pillar; later instruments' weights for it are
 *   ignored. Undefined when no pillar is defined or their weights sum to 0.
 * - Levels: a section takes its own instrument's thresholds; pillars and the
 *   overall index take the first instrument's. Level L when
 *   score ≥ min(L) − CIRT_SCORE_EPSILON.
 * - Coverage, at every level, is Σ(weight of answered applicable scored
 *   questions) / Σ(weight of applicable scored questions) over all the
 *   questions beneath (question weights only; section and pillar weights do
 *   not enter). N/A questions are in neither sum. NAN when the applicable
 *   weight is 0. Provisional: the score is defined and coverage < 0.8.
 * - Critical cap: while any critical question is answered, applicable and
 *   scores s < 0.5, the overall LEVEL is at most 2; the score is unchanged.
 *   An unanswered or N/A critical question does not cap (there is nothing
 *   to state as the cause; coverage shows what is missing).
 * - Target: level 1..5 per pillar; gap = target − pillar level (the pillar's
 *   own level: the critical cap applies to the overall level only); none
 *   when either is missing.
 * - Recommendations: every answered applicable scored question with s < 1
 *   that carries a recommendation text, priority = w_question · (1 − s) ·
 *   w_section · w_pillar, descending; priorities equal to 12 significant
 *   digits are ties, ordered by question id (strcmp). Unanswered questions
 *   give no recommendation: nothing is known yet to recommend on.
 */
#include "config.h"

#include "cirt-score.h"
#include "cirt-json.h"

#include "cirt-lang.h"

#include <math.h>
#include <string.h>

/* On the 0–1 scale of s and coverage. */
#define UNIT_EPSILON (CIRT_SCORE_EPSILON / 100.0)

typedef struct {
  guint answered;        /* with a value that scores */
  guint not_applicable;
  guint total;           /* scored questions */
} Counts;

struct _CirtScore {
  GObject          parent_instance;

  GPtrArray       *instruments;      /* CirtInstrument*, owned refs */
  CirtScoreValue   overall;
  int              uncapped_level;
  GPtrArray       *capped_by;        /* const CirtQuestion* */
  CirtPillarScore  pillars[CIRT_N_PILLARS];
  Counts           counts[CIRT_N_PILLARS + 1];
  GArray          *sections;         /* CirtSectionScore */
  GArray          *recommendations;  /* CirtRecommendation */
  gboolean         evidenced_only;   /* answers without evidence were left out */
};

G_DEFINE_FINAL_TYPE (CirtScore, cirt_score, G_TYPE_OBJECT)

static void
cirt_score_finalize (GObject *object)
{
  CirtScore *self = CIRT_SCORE (object);

  g_clear_pointer (&self->instruments, g_ptr_array_unref);
  g_clear_pointer (&self->capped_by, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->recommendations, g_array_unref);

  G_OBJECT_CLASS (cirt_score_parent_class)->finalize (object);
}

static void
cirt_score_class_init (CirtScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_score_finalize;
}

static void
cirt_score_init (CirtScore *self)
{
  self->instruments = g_ptr_array_new_with_free_func (g_object_unref);
  self->capped_by = g_ptr_array_new ();
  self->sections = g_array_new (FALSE, TRUE, sizeof (CirtSectionScore));
  self->recommendations = g_array_new (FALSE, TRUE, sizeof (CirtRecommendation));
}

/* ------------------------------------------------------------------------ */

int
cirt_score_level_for (CirtInstrument *instrument,
                      double          score)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (instrument), 0);

  if (isnan (score))
    return 0;
  for (int level = CIRT_N_LEVELS; level > 1; level--)
    if (score >= cirt_instrument_get_level_info (instrument, level)->min - CIRT_SCORE_EPSILON)
      return level;
  return 1;
}

/* @unit: the score on the 0–1 scale, @defined FALSE for none;
 * @applicable/@answered: question weight sums for coverage. */
static void
set_value (CirtScoreValue *value,
           CirtInstrument *thresholds,
           gboolean        defined,
           double          unit,
           double          applicable,
           double          answered)
{
  value->defined = defined;
  value->score = defined ? 100.0 * unit : NAN;
  value->level = defined ? cirt_score_level_for (thresholds, value->score) : 0;
  value->coverage = applicable > 0 ? answered / applicable : NAN;
  value->provisional = defined && !isnan (value->coverage) && value->coverage < CIRT_SCORE_FIRM_COVERAGE - UNIT_EPSILON;
}

static double
tie_key (double priority)
{
  char buf[64];

  /* Priorities equal to 12 significant digits are ties: w·(1 − s)·… equal by
   * hand can differ in the last bits (3·(1 − 0.7) vs 1·(1 − 0.1)). */
  g_snprintf (buf, sizeof buf, "%.12g", priority);
  return g_ascii_strtod (buf, NULL);
}

typedef struct {
  CirtRecommendation rec;
  double             key;
} RankedRecommendation;

static int
compare_recommendations (gconstpointer a,
                         gconstpointer b)
{
  const RankedRecommendation *ra = a, *rb = b;

  if (ra->key > rb->key)
    return -1;
  if (ra->key < rb->key)
    return 1;
  return strcmp (ra->rec.question->id, rb->rec.question->id);
}

CirtScore *
cirt_score_compute (GPtrArray  *instruments,
                    GHashTable *answers,
                    const int   targets[CIRT_N_PILLARS])
{
  return cirt_score_compute_full (instruments, answers, targets, CIRT_SCORE_DEFAULT);
}

static const CirtAnswer *
answer_in_table (const CirtQuestion *question,
                 gpointer            table)
{
  return table ? g_hash_table_lookup (table, question->id) : NULL;
}

CirtScore *
cirt_score_compute_full (GPtrArray      *instruments,
                         GHashTable     *answers,
                         const int       targets[CIRT_N_PILLARS],
                         CirtScoreFlags  flags)
{
  return cirt_score_compute_with (instruments, answer_in_table, answers, targets, flags);
}

CirtScore *
cirt_score_compute_with (GPtrArray           *instruments,
                         CirtScoreAnswerFunc  answer_of,
                         gpointer             data,
                         const int            targets[CIRT_N_PILLARS],
                         CirtScoreFlags       flags)
{
  g_autoptr(CirtScore) self = NULL;
  g_autoptr(GArray) ranked = NULL;
  CirtInstrument *first;
  /* Roll-up sums on the 0–1 scale. */
  double pillar_num[CIRT_N_PILLARS] = { 0 }, pillar_den[CIRT_N_PILLARS] = { 0 };
  double pillar_applicable[CIRT_N_PILLARS] = { 0 }, pillar_answered[CIRT_N_PILLARS] = { 0 };
  double all_applicable = 0, all_answered = 0, overall_num = 0, overall_den = 0;

  g_return_val_if_fail (instruments != NULL && instruments->len > 0, NULL);

  self = g_object_new (CIRT_TYPE_SCORE, NULL);
  ranked = g_array_new (FALSE, TRUE, sizeof (RankedRecommendation));
  for (guint i = 0; i < instruments->len; i++)
    g_ptr_array_add (self->instruments, g_object_ref (g_ptr_array_index (instruments, i)));
  first = g_ptr_array_index (self->instruments, 0);

  /* Pillar weights: the first instrument that lists a pillar decides. */
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      CirtPillarScore *ps = &self->pillars[p];

      ps->pillar = (CirtPillar) p;
      ps->value.coverage = NAN;
      ps->value.score = NAN;
      for (guint i = 0; i < self->instruments->len && !ps->used; i++)
        ps->used = cirt_instrument_uses_pillar (g_ptr_array_index (self->instruments, i), p, &ps->weight);
    }

  for (guint i = 0; i < self->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (self->instruments, i);

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          CirtPillarScore *ps = &self->pillars[sec->pillar];
          CirtSectionScore ss = { 0 };
          double num = 0, answered = 0, applicable = 0;

          ss.instrument = inst;
          ss.section = sec;
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              const CirtAnswer *a = answer_of (qu, data);
              double value;

              if (!cirt_kind_is_scored (qu->kind))
                continue;
              ss.total++;
              self->counts[sec->pillar].total++;
              self->counts[CIRT_N_PILLARS].total++;
              if (a != NULL && a->not_applicable)
                {
                  ss.answered++;
                  self->counts[sec->pillar].not_applicable++;
                  self->counts[CIRT_N_PILLARS].not_applicable++;
                  continue;
                }
              applicable += qu->weight;
              /* Negative: no value yet (notes only), or one that does not
               * score (the store never keeps such a value). */
              value = a != NULL ? cirt_question_score_value (qu, a->value) : -1;
              if (value < 0)
                continue;

              ss.answered++;
              self->counts[sec->pillar].answered++;
              self->counts[CIRT_N_PILLARS].answered++;
              answered += qu->weight;
              num += qu->weight * value;

              if (qu->critical && value < 0.5 - UNIT_EPSILON)
                g_ptr_array_add (self->capped_by, (gpointer) qu);
              if ((flags & CIRT_SCORE_NO_RECOMMENDATIONS) == 0 && value < 1.0 - UNIT_EPSILON &&
                  cirt_text_get (qu->recommendation, "en") != NULL)
                {
                  RankedRecommendation r = { 0 };

                  r.rec.question = qu;
                  r.rec.score = value;
                  r.rec.priority = qu->weight * (1.0 - value) * sec->weight * ps->weight;
                  r.key = tie_key (r.rec.priority);
                  g_array_append_val (ranked, r);
                }
            }

          /* Σw = 0 with answers (all weigh 0) is undefined, not 0. */
          set_value (&ss.value, inst, answered > 0, answered > 0 ? num / answered : 0, applicable, answered);
          g_array_append_val (self->sections, ss);

          if (ss.value.defined)
            {
              pillar_num[sec->pillar] += sec->weight * (num / answered);
              pillar_den[sec->pillar] += sec->weight;
            }
          pillar_applicable[sec->pillar] += applicable;
          pillar_answered[sec->pillar] += answered;
          all_applicable += applicable;
          all_answered += answered;
        }
    }

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      CirtPillarScore *ps = &self->pillars[p];
      /* Defined sections that all weigh 0: undefined, not 0. */
      gboolean defined = pillar_den[p] > 0;

      set_value (&ps->value, first, defined, defined ? pillar_num[p] / pillar_den[p] : 0,
                 pillar_applicable[p], pillar_answered[p]);
      if (targets != NULL && targets[p] >= 1 && targets[p] <= CIRT_N_LEVELS)
        ps->target = targets[p];
      ps->has_gap = ps->target > 0 && ps->value.defined;
      ps->gap = ps->has_gap ? ps->target - ps->value.level : 0;
      if (defined)
        {
          overall_num += ps->weight * (pillar_num[p] / pillar_den[p]);
          overall_den += ps->weight;
        }
    }

  /* Defined pillars that all weigh 0: undefined, not 0. */
  set_value (&self->overall, first, overall_den > 0, overall_den > 0 ? overall_num / overall_den : 0,
             all_applicable, all_answered);
  self->uncapped_level = self->overall.level;
  if (self->capped_by->len > 0 && self->overall.level > 2)
    self->overall.level = 2;

  g_array_sort (ranked, compare_recommendations);
  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (self->recommendations, g_array_index (ranked, RankedRecommendation, i).rec);

  return g_steal_pointer (&self);
}

CirtScore *
cirt_score_compute_evidenced (GPtrArray  *instruments,
                              GHashTable *answers,
                              const int   targets[CIRT_N_PILLARS],
                              GHashTable *evidenced)
{
  g_autoptr(GHashTable) counted = NULL;
  GHashTableIter iter;
  gpointer key, value;
  CirtScore *self;

  if (evidenced == NULL)
    return cirt_score_compute (instruments, answers, targets);
  /* An answer with a value but no evidence counts as unanswered (it lowers
   * the coverage); a question marked not applicable stays so: N/A is
   * justified in its notes, not by a document. */
  counted = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CirtAnswer *a = value;
      if (a->not_applicable || g_hash_table_contains (evidenced, key))
        g_hash_table_insert (counted, key, value);
    }
  self = cirt_score_compute (instruments, counted, targets);
  if (self != NULL)
    self->evidenced_only = TRUE;
  return self;
}

gboolean
cirt_score_get_evidenced_only (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), FALSE);
  return self->evidenced_only;
}

/* ------------------------------------------------------------------------ */

const CirtScoreValue *
cirt_score_get_overall (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  return &self->overall;
}

int
cirt_score_get_uncapped_level (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), 0);
  return self->uncapped_level;
}

GPtrArray *
cirt_score_get_capped_by (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  return self->capped_by;
}

const CirtPillarScore *
cirt_score_get_pillar (CirtScore  *self,
                       CirtPillar  pillar)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, NULL);
  return &self->pillars[pillar];
}

void
cirt_score_get_counts (CirtScore  *self,
                       CirtPillar  pillar,
                       guint      *answered,
                       guint      *not_applicable,
                       guint      *total)
{
  g_return_if_fail (CIRT_IS_SCORE (self));
  g_return_if_fail (pillar <= CIRT_N_PILLARS);
  if (answered)
    *answered = self->counts[pillar].answered;
  if (not_applicable)
    *not_applicable = self->counts[pillar].not_applicable;
  if (total)
    *total = self->counts[pillar].total;
}

guint
cirt_score_get_n_sections (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), 0);
  return self->sections->len;
}

const CirtSectionScore *
cirt_score_get_section (CirtScore *self,
                        guint      index)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return &g_array_index (self->sections, CirtSectionScore, index);
}

guint
cirt_score_get_n_recommendations (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), 0);
  return self->recommendations->len;
}

const CirtRecommendation *
cirt_score_get_recommendation (CirtScore *self,
                               guint      index)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  g_return_val_if_fail (index < self->recommendations->len, NULL);
  return &g_array_index (self->recommendations, CirtRecommendation, index);
}

const CirtLevelInfo *
cirt_score_get_level_info (CirtScore *self,
                           int        level)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= CIRT_N_LEVELS, NULL);
  return cirt_instrument_get_level_info (g_ptr_array_index (self->instruments, 0), level);
}

GPtrArray *
cirt_score_get_instruments (CirtScore *self)
{
  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  return self->instruments;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static void
add_value_members (JsonBuilder          *b,
                   const CirtScoreValue *v,
                   CirtInstrument       *thresholds,
                   gboolean              with_level_name,
                   const char           *lang)
{
  cirt_json_add_number (b, "score", v->defined, v->score);
  cirt_json_add_int (b, "level", v->defined && v->level > 0, v->level);
  if (with_level_name)
    cirt_json_add_string (b, "level_name",
                        v->defined && v->level > 0
                          ? cirt_text_get (cirt_instrument_get_level_info (thresholds, v->level)->name, lang)
                          : NULL);
  cirt_json_add_number (b, "coverage", TRUE, v->coverage);
}

JsonNode *
cirt_score_to_json (CirtScore  *self,
                    const char *assessment_id,
                    const char *lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  CirtInstrument *first;

  g_return_val_if_fail (CIRT_IS_SCORE (self), NULL);
  if (lang == NULL)
    lang = "en";
  first = g_ptr_array_index (self->instruments, 0);

  json_builder_begin_object (b);
  cirt_json_add_string (b, "assessment", assessment_id);
  json_builder_set_member_name (b, "evidenced_only");
  json_builder_add_boolean_value (b, self->evidenced_only);

  json_builder_set_member_name (b, "overall");
  json_builder_begin_object (b);
  add_value_members (b, &self->overall, first, TRUE, lang);
  json_builder_set_member_name (b, "provisional");
  json_builder_add_boolean_value (b, self->overall.provisional);
  json_builder_set_member_name (b, "capped_by");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->capped_by->len; i++)
    json_builder_add_string_value (b, ((const CirtQuestion *) g_ptr_array_index (self->capped_by, i))->id);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "pillars");
  json_builder_begin_array (b);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = &self->pillars[p];

      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", cirt_pillar_to_string (p));
      cirt_json_add_string (b, "title", cirt_lang_pillar_title (cirt_lang_get (lang), p));
      add_value_members (b, &ps->value, first, TRUE, lang);
      json_builder_set_member_name (b, "provisional");
      json_builder_add_boolean_value (b, ps->value.provisional);
      cirt_json_add_int (b, "target", ps->target > 0, ps->target);
      cirt_json_add_int (b, "gap", ps->has_gap, ps->gap);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const CirtSectionScore *ss = &g_array_index (self->sections, CirtSectionScore, i);

      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", ss->section->id);
      cirt_json_add_string (b, "instrument", cirt_instrument_get_id (ss->instrument));
      cirt_json_add_string (b, "pillar", cirt_pillar_to_string (ss->section->pillar));
      cirt_json_add_string (b, "title", cirt_text_get (ss->section->title, lang));
      add_value_members (b, &ss->value, ss->instrument, FALSE, lang);
      json_builder_set_member_name (b, "answered");
      json_builder_add_int_value (b, ss->answered);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, ss->total);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "recommendations");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      const CirtRecommendation *r = &g_array_index (self->recommendations, CirtRecommendation, i);

      json_builder_begin_object (b);
      cirt_json_add_string (b, "question", r->question->id);
      cirt_json_add_string (b, "section", r->question->section->id);
      cirt_json_add_string (b, "pillar", cirt_pillar_to_string (r->question->section->pillar));
      cirt_json_add_number (b, "score", TRUE, 100.0 * r->score);
      cirt_json_add_number (b, "priority", TRUE, r->priority);
      cirt_json_add_string (b, "text", cirt_text_get (r->question->recommendation, lang));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
