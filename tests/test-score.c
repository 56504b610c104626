/* test-score.c — CirtScore against hand-computed cases, one rule at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures (tests/fixtures):
 *   score-a.json      pillars legal 1, technical 2, organizational 1, capacity 0;
 *                     default thresholds 0/20/40/60/80. Sections in file order:
 *                       a-ops   (technical, w1): SA-OPS-1 checklist w2 (p 2, q 1, r 1),
 *                                                SA-OPS-2 level w1, SA-OPS-3 text
 *                       a-tools (technical, w3): SA-TLS-1 yesno w1
 *                       a-law   (legal, w2):     SA-LAW-1 level w2 critical, SA-LAW-2 yesno w1,
 *                                                SA-LAW-3 choice w1 (none 0, half .5, full 1)
 *                       a-court (legal, w1):     SA-CRT-1 yesno w1, SA-CRT-2 level w3 (no recommendation)
 *                       a-gov   (organizational, w1): SA-GOV-1 level w1 critical, SA-GOV-2 yesno w0
 *                       a-skills (capacity, w1): SA-SKL-1 level w1
 *   score-b.json      pillars legal 5, cooperation 2; thresholds 0/30/55/80/95.
 *                       b-law (legal, w1): SB-LAW-1 level; b-coop (cooperation, w1): SB-COOP-1 yesno
 *   score-kinds.json  one section per kind, boundary options, zero weights, ties.
 *
 * "Scenario 1" (used by several cases) answers score-a as:
 *   SA-OPS-1 "p,r" (s = (2+1)/4 = .75), SA-OPS-2 2 (.5), SA-OPS-3 text (ignored),
 *   SA-LAW-1 3 (.75), SA-LAW-2 partial (.5), SA-LAW-3 N/A,
 *   SA-CRT-1 yes (1), SA-CRT-2 1 (.25), SA-GOV-1 1 (.25, critical), SA-GOV-2 no (0, w0);
 *   SA-TLS-1 and SA-SKL-1 unanswered. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cirt-assessment-data.h"
#include "cirt-score.h"
#include "cirt-test-util.h"

#define NA "\x01N/A"          /* answer marked not applicable */
#define NOTES_ONLY "\x01notes" /* answer holding notes and no value */
#define TOL 1e-9

static CirtInstrument *inst_a, *inst_b, *inst_k;

static void
setup (void)
{
  inst_a = cirt_test_load_fixture ("score-a.json");
  inst_b = cirt_test_load_fixture ("score-b.json");
  inst_k = cirt_test_load_fixture ("score-kinds.json");
}

static void
teardown (void)
{
  g_clear_object (&inst_a);
  g_clear_object (&inst_b);
  g_clear_object (&inst_k);
}

/* Pairs of question id, value (or NA / NOTES_ONLY), ending with NULL. */
static GHashTable *
answers_va (const char *first,
            va_list     args)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);

  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      CirtAnswer *a = cirt_answer_new (id);

      if (strcmp (value, NA) == 0)
        {
          a->not_applicable = TRUE;
          a->notes = g_strdup ("does not apply here");
        }
      else if (strcmp (value, NOTES_ONLY) == 0)
        a->notes = g_strdup ("interview note, level not decided yet");
      else
        a->value = g_strdup (value);
      g_hash_table_replace (answers, a->question, a);
    }
  return answers;
}

/* Scores @n instruments (then the instruments, then answer pairs, NULL). */
static CirtScore *
score_with (const int *targets,
            guint      n,
            ...)
{
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GHashTable) answers = NULL;
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (insts, va_arg (args, CirtInstrument *));
  answers = answers_va (va_arg (args, const char *), args);
  va_end (args);
  return cirt_score_compute (insts, answers, targets);
}

#define SCENARIO_1 \
  "SA-OPS-1", "p,r", "SA-OPS-2", "2", "SA-OPS-3", "three teams", \
  "SA-LAW-1", "3", "SA-LAW-2", "partial", "SA-LAW-3", NA, \
  "SA-CRT-1", "yes", "SA-CRT-2", "1", "SA-GOV-2", "no"

static const CirtSectionScore *
section (CirtScore  *score,
         const char *instrument,
         const char *id)
{
  for (guint i = 0; i < cirt_score_get_n_sections (score); i++)
    {
      const CirtSectionScore *ss = cirt_score_get_section (score, i);
      if (strcmp (ss->section->id, id) == 0 && strcmp (cirt_instrument_get_id (ss->instrument), instrument) == 0)
        return ss;
    }
  ck_abort_msg ("no section %s/%s", instrument, id);
  return NULL;
}

static void
assert_value (const CirtScoreValue *v,
              gboolean              defined,
              double                score,
              int                   level,
              double                coverage,
              gboolean              provisional)
{
  ck_assert_int_eq (v->defined, defined);
  if (defined)
    ck_assert_double_eq_tol (v->score, score, TOL);
  else
    ck_assert (isnan (v->score));
  ck_assert_int_eq (v->level, level);
  if (isnan (coverage))
    ck_assert_msg (isnan (v->coverage), "coverage %g, expected none", v->coverage);
  else
    ck_assert_double_eq_tol (v->coverage, coverage, TOL);
  ck_assert_int_eq (v->provisional, provisional);
}

/* The score of one question of score-kinds alone in its section. */
static const CirtScoreValue *
kind_value (CirtScore **keep,
            const char *section_id,
            const char *question,
            const char *value)
{
  *keep = score_with (NULL, 1, inst_k, question, value, NULL);
  return &section (*keep, "score-kinds", section_id)->value;
}

/* ------------------------------------------------------------------------ */
/* Question kinds                                                           */

START_TEST (test_kind_level)
{
  /* level v → s = v/4: 0, 25, 50, 75, 100 → levels 1..5 (default thresholds). */
  static const char *values[] = { "0", "1", "2", "3", "4" };

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autoptr(CirtScore) s = NULL;
      const CirtScoreValue *val = kind_value (&s, "k-level", "SK-LEVEL", values[v]);
      ck_assert_double_eq (val->score, 25.0 * v);   /* exact: v/4 · 100 */
      ck_assert_int_eq (val->level, (int) v + 1);
    }
}
END_TEST

START_TEST (test_kind_yesno)
{
  /* yes → 1, partial → 0.5, no → 0. */
  g_autoptr(CirtScore) s1 = NULL, s2 = NULL, s3 = NULL;

  ck_assert_double_eq (kind_value (&s1, "k-yesno", "SK-YESNO", "yes")->score, 100.0);
  ck_assert_double_eq (kind_value (&s2, "k-yesno", "SK-YESNO", "partial")->score, 50.0);
  ck_assert_double_eq (kind_value (&s3, "k-yesno", "SK-YESNO", "no")->score, 0.0);
}
END_TEST

START_TEST (test_kind_choice)
{
  /* choice → the option's score: s02 = .2 → 20, s07 = .7 → 70, s1 → 100. */
  g_autoptr(CirtScore) s1 = NULL, s2 = NULL, s3 = NULL;

  ck_assert_double_eq_tol (kind_value (&s1, "k-choice", "SK-CHOICE", "s02")->score, 20.0, TOL);
  ck_assert_double_eq_tol (kind_value (&s2, "k-choice", "SK-CHOICE", "s07")->score, 70.0, TOL);
  ck_assert_double_eq (kind_value (&s3, "k-choice", "SK-CHOICE", "s1")->score, 100.0);
}
END_TEST

START_TEST (test_kind_checklist)
{
  /* Options x 5, y 2, z 1, n 0 (total 8): ticked weight / 8. */
  g_autoptr(CirtScore) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL, s5 = NULL, s6 = NULL;

  ck_assert_double_eq (kind_value (&s1, "k-check", "SK-CHECK", "")->score, 0.0);         /* nothing ticked: 0/8 */
  ck_assert_double_eq (kind_value (&s2, "k-check", "SK-CHECK", "x")->score, 62.5);       /* 5/8 */
  ck_assert_double_eq (kind_value (&s3, "k-check", "SK-CHECK", "y,z")->score, 37.5);     /* 3/8 */
  ck_assert_double_eq (kind_value (&s4, "k-check", "SK-CHECK", "x,y,z")->score, 100.0);  /* 8/8 */
  ck_assert_double_eq (kind_value (&s5, "k-check", "SK-CHECK", "n")->score, 0.0);        /* 0/8 */
  ck_assert_double_eq (kind_value (&s6, "k-check", "SK-CHECK", "x,n")->score, 62.5);     /* (5+0)/8 */
}
END_TEST

START_TEST (test_unscored_kinds)
{
  /* k-unscored holds only text, number and date questions: no scored
   * question at all, so nothing is applicable: undefined, coverage none,
   * 0 of 0 even when all three are answered. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_k, "SK-TEXT", "notes", "SK-NUMBER", "12",
                                       "SK-DATE", "2026-03-02", NULL);
  const CirtSectionScore *ss = section (s, "score-kinds", "k-unscored");

  assert_value (&ss->value, FALSE, 0, 0, NAN, FALSE);
  ck_assert_uint_eq (ss->answered, 0);
  ck_assert_uint_eq (ss->total, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* N/A, unanswered, notes only                                              */

START_TEST (test_na_and_unanswered)
{
  /* a-law: SA-LAW-1 3 (w2, s .75), SA-LAW-2 unanswered (w1), SA-LAW-3 N/A (w1).
   * Score = 2·.75 / 2 = .75 → 75 (level 4). Coverage = answered 2 / applicable
   * (2 + 1) = 2/3 → provisional. Answered 2 of 3 (N/A counts as answered). */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, "SA-LAW-1", "3", "SA-LAW-3", NA, NULL);
  const CirtSectionScore *ss = section (s, "score-a", "a-law");

  assert_value (&ss->value, TRUE, 75.0, 4, 2.0 / 3.0, TRUE);
  ck_assert_uint_eq (ss->answered, 2);
  ck_assert_uint_eq (ss->total, 3);
}
END_TEST

START_TEST (test_notes_only_is_unanswered)
{
  /* The same with SA-LAW-2 holding an interview note and no value: it is
   * unanswered, so exactly the numbers above. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, "SA-LAW-1", "3", "SA-LAW-2", NOTES_ONLY,
                                       "SA-LAW-3", NA, NULL);
  const CirtSectionScore *ss = section (s, "score-a", "a-law");

  assert_value (&ss->value, TRUE, 75.0, 4, 2.0 / 3.0, TRUE);
  ck_assert_uint_eq (ss->answered, 2);
}
END_TEST

START_TEST (test_all_na)
{
  /* Every a-law question N/A: nothing applicable → undefined, coverage
   * none (0/0), not provisional; answered 3 of 3. Legal then rests on
   * a-court alone: SA-CRT-1 yes → 1·1/1 = 100. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, "SA-LAW-1", NA, "SA-LAW-2", NA, "SA-LAW-3", NA,
                                       "SA-CRT-1", "yes", NULL);
  const CirtSectionScore *ss = section (s, "score-a", "a-law");

  assert_value (&ss->value, FALSE, 0, 0, NAN, FALSE);
  ck_assert_uint_eq (ss->answered, 3);
  /* legal: a-court = 100; coverage 1 / (1 + 3) = .25 (SA-CRT-2 unanswered, w3). */
  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value, TRUE, 100.0, 5, 0.25, TRUE);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Weights at all three levels; empty section and pillar                    */

START_TEST (test_scenario_rollup)
{
  const int targets[CIRT_N_PILLARS] = { 4, 3, 0, 2, 5 };
  g_autoptr(CirtScore) s = score_with (targets, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  const CirtPillarScore *p;

  /* a-ops: (2·.75 + 1·.5) / (2 + 1) = 2/3 → 66.67, level 4; 2 of 2 scored answered. */
  assert_value (&section (s, "score-a", "a-ops")->value, TRUE, 200.0 / 3.0, 4, 1.0, FALSE);
  ck_assert_uint_eq (section (s, "score-a", "a-ops")->total, 2);
  /* a-tools: nothing answered → undefined (not 0); coverage 0/1. */
  assert_value (&section (s, "score-a", "a-tools")->value, FALSE, 0, 0, 0.0, FALSE);
  /* a-law: (2·.75 + 1·.5) / 3 = 2/3 (SA-LAW-3 N/A) → 66.67, level 4. */
  assert_value (&section (s, "score-a", "a-law")->value, TRUE, 200.0 / 3.0, 4, 1.0, FALSE);
  ck_assert_uint_eq (section (s, "score-a", "a-law")->answered, 3);
  /* a-court: (1·1 + 3·.25) / 4 = .4375 → 43.75, level 3. */
  assert_value (&section (s, "score-a", "a-court")->value, TRUE, 43.75, 3, 1.0, FALSE);
  /* a-gov: (1·.25 + 0·0) / (1 + 0) = .25 → 25, level 2; coverage (1+0)/(1+0). */
  assert_value (&section (s, "score-a", "a-gov")->value, TRUE, 25.0, 2, 1.0, FALSE);
  /* a-skills: undefined, coverage 0/1. */
  assert_value (&section (s, "score-a", "a-skills")->value, FALSE, 0, 0, 0.0, FALSE);

  /* legal = (w2 · 2/3 + w1 · .4375) / 3 = 85/144 = .590277… → 59.03, level 3;
   * coverage (2+1+1+3)/(2+1+1+3) = 1. */
  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value, TRUE, 8500.0 / 144.0, 3, 1.0, FALSE);
  /* technical = a-ops only (a-tools undefined is left out, not counted as 0:
   * that would give (1·2/3 + 3·0)/4 = 16.67) → 66.67, level 4;
   * coverage (2+1)/(2+1+1) = .75 → provisional. */
  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_TECHNICAL)->value, TRUE, 200.0 / 3.0, 4, 0.75, TRUE);
  /* organizational = a-gov = 25, level 2. */
  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_ORGANIZATIONAL)->value, TRUE, 25.0, 2, 1.0, FALSE);
  /* capacity: its only section is empty → undefined; coverage 0/1; used. */
  p = cirt_score_get_pillar (s, CIRT_PILLAR_CAPACITY);
  assert_value (&p->value, FALSE, 0, 0, 0.0, FALSE);
  ck_assert (p->used);
  /* cooperation: score-a does not list it → unused, undefined, coverage none. */
  p = cirt_score_get_pillar (s, CIRT_PILLAR_COOPERATION);
  assert_value (&p->value, FALSE, 0, 0, NAN, FALSE);
  ck_assert (!p->used);

  /* overall = (1·85/144 + 2·2/3 + 1·.25) / (1 + 2 + 1) = 313/576 = .543402… →
   * 54.34 (capacity undefined and weight 0 anyway, cooperation unused);
   * level 3 by score, capped at 2 by SA-GOV-1 (s .25 < .5).
   * coverage: answered 7 + 3 + 1 + 0 = 11 over applicable 7 + 4 + 1 + 1 = 13. */
  assert_value (cirt_score_get_overall (s), TRUE, 31300.0 / 576.0, 2, 11.0 / 13.0, FALSE);
  ck_assert_int_eq (cirt_score_get_uncapped_level (s), 3);
  ck_assert_uint_eq (cirt_score_get_capped_by (s)->len, 1);
  ck_assert_str_eq (((const CirtQuestion *) g_ptr_array_index (cirt_score_get_capped_by (s), 0))->id, "SA-GOV-1");

  /* Pillar weights come through: legal 1, technical 2, capacity 0. */
  ck_assert_double_eq (cirt_score_get_pillar (s, CIRT_PILLAR_TECHNICAL)->weight, 2.0);
  ck_assert_double_eq (cirt_score_get_pillar (s, CIRT_PILLAR_CAPACITY)->weight, 0.0);
}
END_TEST

START_TEST (test_counts)
{
  /* Scenario 1: scored questions answered with a value / N/A / all.
   * legal: LAW-1, LAW-2, CRT-1, CRT-2 valued; LAW-3 N/A; 5 in all.
   * technical: OPS-1, OPS-2 valued; TLS-1 open; 3 in all (OPS-3 is text).
   * whole: 4 + 2 + 2 (GOV-1, GOV-2) = 8 valued, 1 N/A, 11 scored. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  guint answered, na, total;

  cirt_score_get_counts (s, CIRT_PILLAR_LEGAL, &answered, &na, &total);
  ck_assert_uint_eq (answered, 4);
  ck_assert_uint_eq (na, 1);
  ck_assert_uint_eq (total, 5);
  cirt_score_get_counts (s, CIRT_PILLAR_TECHNICAL, &answered, &na, &total);
  ck_assert_uint_eq (answered, 2);
  ck_assert_uint_eq (na, 0);
  ck_assert_uint_eq (total, 3);
  cirt_score_get_counts (s, CIRT_N_PILLARS, &answered, &na, &total);
  ck_assert_uint_eq (answered, 8);
  ck_assert_uint_eq (na, 1);
  ck_assert_uint_eq (total, 11);
}
END_TEST

START_TEST (test_zero_weights)
{
  /* 1. a-gov with only SA-GOV-2 answered (weight 0): Σw = 0 → undefined, not
   *    0 and not NAN-as-number; coverage (answered 0) / (applicable 1 + 0) = 0. */
  g_autoptr(CirtScore) s1 = score_with (NULL, 1, inst_a, "SA-GOV-2", "yes", NULL);
  /* 2. k-zero (section weight 0) is the only section of capacity in
   *    score-kinds: section defined (yes → 100) but the pillar's weight sum
   *    over defined sections is 0 → pillar undefined. */
  g_autoptr(CirtScore) s2 = score_with (NULL, 1, inst_k, "SK-ZERO", "yes", NULL);
  /* 3. score-a gives capacity weight 0: with only SA-SKL-1 answered (4 →
   *    100) capacity is defined, but the overall weight sum is 0 → overall
   *    undefined; overall coverage 1 / 14 (applicable: legal 2+1+1+1+3 = 8,
   *    technical 2+1+1 = 4, organizational 1+0, capacity 1). */
  g_autoptr(CirtScore) s3 = score_with (NULL, 1, inst_a, "SA-SKL-1", "4", NULL);

  assert_value (&section (s1, "score-a", "a-gov")->value, FALSE, 0, 0, 0.0, FALSE);
  assert_value (&cirt_score_get_pillar (s1, CIRT_PILLAR_ORGANIZATIONAL)->value, FALSE, 0, 0, 0.0, FALSE);

  assert_value (&section (s2, "score-kinds", "k-zero")->value, TRUE, 100.0, 5, 1.0, FALSE);
  assert_value (&cirt_score_get_pillar (s2, CIRT_PILLAR_CAPACITY)->value, FALSE, 0, 0, 1.0, FALSE);

  assert_value (&cirt_score_get_pillar (s3, CIRT_PILLAR_CAPACITY)->value, TRUE, 100.0, 5, 1.0, FALSE);
  assert_value (cirt_score_get_overall (s3), FALSE, 0, 0, 1.0 / 14.0, FALSE);
}
END_TEST

START_TEST (test_nothing_answered)
{
  /* No answers at all: every section, pillar and the overall index are
   * undefined; coverage 0 where something is applicable; no
   * recommendation, no cap. */
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(CirtScore) s = NULL;

  g_ptr_array_add (insts, inst_a);
  s = cirt_score_compute (insts, NULL, NULL);
  assert_value (cirt_score_get_overall (s), FALSE, 0, 0, 0.0, FALSE);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    ck_assert (!cirt_score_get_pillar (s, p)->value.defined);
  ck_assert_uint_eq (cirt_score_get_n_recommendations (s), 0);
  ck_assert_uint_eq (cirt_score_get_capped_by (s)->len, 0);
  ck_assert_uint_eq (cirt_score_get_n_sections (s), 6);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Thresholds                                                               */

START_TEST (test_threshold_boundaries)
{
  /* Default thresholds 0/20/40/60/80: exactly on a boundary is the higher
   * level, just below is the lower one. Choice option scores: */
  static const struct { const char *option; double score; int level; } cases[] = {
    { "s0", 0, 1 }, { "s0199", 19.99, 1 }, { "s02", 20, 2 }, { "s04", 40, 3 },
    { "s0599", 59.99, 3 }, { "s06", 60, 4 }, { "s08", 80, 5 }, { "s1", 100, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CirtScore) s = NULL;
      const CirtScoreValue *v = kind_value (&s, "k-choice", "SK-CHOICE", cases[i].option);
      ck_assert_double_eq_tol (v->score, cases[i].score, TOL);
      ck_assert_msg (v->level == cases[i].level, "%s: level %d, expected %d", cases[i].option, v->level, cases[i].level);
    }
}
END_TEST

START_TEST (test_threshold_custom)
{
  /* score-b's own thresholds 0/30/55/80/95 decide its sections' levels:
   * SB-LAW-1 1 → 25 → B level 1 (default thresholds would say 2);
   * 2 → 50 → 2; 3 → 75 → 3; 4 → 100 → 5. */
  static const struct { const char *value; int level; } cases[] = {
    { "1", 1 }, { "2", 2 }, { "3", 3 }, { "4", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CirtScore) s = score_with (NULL, 1, inst_b, "SB-LAW-1", cases[i].value, NULL);
      ck_assert_int_eq (section (s, "score-b", "b-law")->value.level, cases[i].level);
    }
  /* Directly on each boundary of score-b: 30 → 2, 55 → 3, 80 → 4, 95 → 5. */
  ck_assert_int_eq (cirt_score_level_for (inst_b, 29.999), 1);
  ck_assert_int_eq (cirt_score_level_for (inst_b, 30), 2);
  ck_assert_int_eq (cirt_score_level_for (inst_b, 55), 3);
  ck_assert_int_eq (cirt_score_level_for (inst_b, 80), 4);
  ck_assert_int_eq (cirt_score_level_for (inst_b, 94.99), 4);
  ck_assert_int_eq (cirt_score_level_for (inst_b, 95), 5);
}
END_TEST

static CirtInstrument *
load_shipped (const char *id)
{
  g_autofree char *path = g_strdup_printf ("%s/data/instruments/%s.json", g_getenv ("CIRT_SOURCE_ROOT"), id);
  g_autoptr(GError) error = NULL;
  CirtInstrument *inst = cirt_instrument_new_from_file (path, &error);

  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  return inst;
}

/* Each shipped instrument names its results on its own scale: the readiness
 * instrument keeps the five CMM-like stages, gca-pillars uses GCI 2024-style
 * tiers (boundaries 20, 55, 85, 95), sim3-maturity the SIM3 level nearest to
 * the average parameter level (boundaries 12.5, 37.5, 62.5, 87.5 = average
 * levels 0.5, 1.5, 2.5, 3.5). */
START_TEST (test_shipped_scales)
{
  g_autoptr(CirtInstrument) itu = load_shipped ("itu-cirt-readiness");
  g_autoptr(CirtInstrument) gca = load_shipped ("gca-pillars");
  g_autoptr(CirtInstrument) sim3 = load_shipped ("sim3-maturity");
  static const double gca_edges[] = { 20, 55, 85, 95 };
  static const double sim3_edges[] = { 12.5, 37.5, 62.5, 87.5 };
  static const char *gca_names[] = { "Building (GCI Tier 5)", "Evolving (GCI Tier 4)", "Establishing (GCI Tier 3)",
                                     "Advancing (GCI Tier 2)", "Role-modelling (GCI Tier 1)" };
  static const char *sim3_names[] = { "Not available (SIM3 0)", "Implicit (SIM3 1)", "Explicit, internal (SIM3 2)",
                                      "Explicit, formalised (SIM3 3)", "Explicit, audited (SIM3 4)" };
  static const char *cmm_names[] = { "Start-up", "Formative", "Established", "Strategic", "Dynamic" };

  for (int l = 1; l <= CIRT_N_LEVELS; l++)
    {
      ck_assert_str_eq (cirt_text_get (cirt_instrument_get_level_info (itu, l)->name, "en"), cmm_names[l - 1]);
      ck_assert_str_eq (cirt_text_get (cirt_instrument_get_level_info (gca, l)->name, "en"), gca_names[l - 1]);
      ck_assert_str_eq (cirt_text_get (cirt_instrument_get_level_info (sim3, l)->name, "en"), sim3_names[l - 1]);
      ck_assert_ptr_nonnull (cirt_text_get (cirt_instrument_get_level_info (gca, l)->description, "fr"));
      ck_assert_ptr_nonnull (cirt_text_get (cirt_instrument_get_level_info (sim3, l)->description, "fr"));
    }
  ck_assert_int_eq (cirt_score_level_for (itu, 19.999), 1);
  ck_assert_int_eq (cirt_score_level_for (itu, 20), 2);
  for (guint i = 0; i < G_N_ELEMENTS (gca_edges); i++)
    {
      ck_assert_int_eq (cirt_score_level_for (gca, gca_edges[i] - 0.001), (int) i + 1);
      ck_assert_int_eq (cirt_score_level_for (gca, gca_edges[i]), (int) i + 2);
      ck_assert_int_eq (cirt_score_level_for (sim3, sim3_edges[i] - 0.001), (int) i + 1);
      ck_assert_int_eq (cirt_score_level_for (sim3, sim3_edges[i]), (int) i + 2);
    }
  ck_assert_int_eq (cirt_score_level_for (gca, 0), 1);
  ck_assert_int_eq (cirt_score_level_for (gca, 100), 5);
  ck_assert_int_eq (cirt_score_level_for (sim3, 100), 5);
}
END_TEST

/* A SIM3 assessment with every parameter at level 3 scores 75 and is named
 * "Explicit, formalised (SIM3 3)" overall and per section; with the critical
 * mandate O-1 at level 1 (0.25 < 0.5) the overall level is capped at 2,
 * "Implicit (SIM3 1)", while the score itself, lower than 75, stays in the
 * band of level 4 (O-1 is one of 44 parameters). */
START_TEST (test_sim3_scale_scored)
{
  g_autoptr(CirtInstrument) sim3 = load_shipped ("sim3-maturity");
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  g_autoptr(CirtScore) s = NULL, capped = NULL;
  CirtAnswer *o1;

  g_ptr_array_add (insts, sim3);
  for (guint i = 0; i < cirt_instrument_get_n_sections (sim3); i++)
    {
      const CirtSection *sec = cirt_instrument_get_section (sim3, i);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          CirtAnswer *a = cirt_answer_new (((CirtQuestion *) g_ptr_array_index (sec->questions, q))->id);
          a->value = g_strdup ("3");
          g_hash_table_replace (answers, a->question, a);
        }
    }
  s = cirt_score_compute (insts, answers, NULL);
  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 75.0, TOL);
  ck_assert_int_eq (cirt_score_get_overall (s)->level, 4);
  ck_assert_str_eq (cirt_text_get (cirt_score_get_level_info (s, 4)->name, "en"), "Explicit, formalised (SIM3 3)");
  for (guint i = 0; i < cirt_score_get_n_sections (s); i++)
    ck_assert_int_eq (cirt_score_get_section (s, i)->value.level, 4);

  o1 = g_hash_table_lookup (answers, "SIM3-O-1");
  ck_assert_ptr_nonnull (o1);
  g_free (o1->value);
  o1->value = g_strdup ("1");
  capped = cirt_score_compute (insts, answers, NULL);
  ck_assert_uint_eq (cirt_score_get_capped_by (capped)->len, 1);
  ck_assert_int_eq (cirt_score_get_overall (capped)->level, 2);
  ck_assert_str_eq (cirt_text_get (cirt_score_get_level_info (capped, 2)->name, "en"), "Implicit (SIM3 1)");
  ck_assert_double_lt (cirt_score_get_overall (capped)->score, 75.0);
  ck_assert_double_gt (cirt_score_get_overall (capped)->score, 62.5);
}
END_TEST

START_TEST (test_threshold_binary_rounding)
{
  /* technical in score-kinds: k-low (w1) s .3, k-high (w3) s .7 →
   * (1·.3 + 3·.7) / 4 = 2.4 / 4 = .6 → 60 by hand: level 4. In binary the
   * sum is 59.999999999999986; the level follows the hand arithmetic and the
   * number is left as computed. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_k, "SK-LOW", "s03", "SK-HIGH", "s07", NULL);
  const CirtScoreValue *v = &cirt_score_get_pillar (s, CIRT_PILLAR_TECHNICAL)->value;

  ck_assert_double_eq_tol (v->score, 60.0, TOL);
  ck_assert_int_eq (v->level, 4);
  /* Shown as 60.0, not 59.9. */
  ck_assert_double_eq_tol (cirt_score_display_value (v->score, 1), 60.0, TOL);
  ck_assert_double_eq_tol (cirt_score_display_value (59.96, 1), 59.9, TOL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Critical cap                                                             */

START_TEST (test_critical_cap_on)
{
  /* Scenario 1 with SA-GOV-1 1 (s .25 < .5): overall 313/576 → 54.34 is
   * level 3 by score, shown as level 2; the score is not changed. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);

  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 31300.0 / 576.0, TOL);
  ck_assert_int_eq (cirt_score_get_overall (s)->level, 2);
  ck_assert_int_eq (cirt_score_get_uncapped_level (s), 3);
  /* The pillar keeps its own level: organizational 25 → 2, no cap there. */
  ck_assert_int_eq (cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value.level, 3);
}
END_TEST

START_TEST (test_critical_cap_off_at_half)
{
  /* SA-GOV-1 2 (s = .5, not below .5): no cap. organizational = .5 → 50;
   * overall = (85/144 + 2·2/3 + .5) / 4 = 349/576 = .605902… → 60.59, level 4. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "2", NULL);

  ck_assert_uint_eq (cirt_score_get_capped_by (s)->len, 0);
  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 34900.0 / 576.0, TOL);
  ck_assert_int_eq (cirt_score_get_overall (s)->level, 4);
  ck_assert_int_eq (cirt_score_get_uncapped_level (s), 4);
}
END_TEST

START_TEST (test_critical_cap_unanswered_or_na)
{
  /* SA-GOV-1 unanswered, or N/A: no cap (an unknown is not a cause).
   * Either way organizational = a-gov = (0·0)/0 → undefined (only SA-GOV-2,
   * weight 0, answered), so overall = (85/144 + 2·2/3) / 3 = 277/432 =
   * .641203… → 64.12, level 4, uncapped. */
  g_autoptr(CirtScore) s1 = score_with (NULL, 1, inst_a, SCENARIO_1, NULL);
  g_autoptr(CirtScore) s2 = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", NA, NULL);

  for (guint i = 0; i < 2; i++)
    {
      CirtScore *s = i == 0 ? s1 : s2;
      ck_assert_uint_eq (cirt_score_get_capped_by (s)->len, 0);
      ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 27700.0 / 432.0, TOL);
      ck_assert_int_eq (cirt_score_get_overall (s)->level, 4);
    }
}
END_TEST

START_TEST (test_critical_cap_order_and_low_level)
{
  /* Two critical questions below .5: SA-LAW-1 0 and SA-GOV-1 0. capped_by
   * is in questionnaire order (a-law comes before a-gov). Overall:
   * a-law = (2·0 + 1·.5)/3 = 1/6; a-court .4375; legal = (2/6 + .4375)/3 =
   * 37/144; technical 2/3; organizational (1·0 + 0·0)/1 = 0;
   * overall = (37/144 + 2·2/3 + 0)/4 = 229/576 = .397569… → 39.76, level 2
   * by score already: the cap changes nothing but is still stated. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-LAW-1", "0", "SA-GOV-1", "0", NULL);
  GPtrArray *capped = cirt_score_get_capped_by (s);

  ck_assert_uint_eq (capped->len, 2);
  ck_assert_str_eq (((const CirtQuestion *) g_ptr_array_index (capped, 0))->id, "SA-LAW-1");
  ck_assert_str_eq (((const CirtQuestion *) g_ptr_array_index (capped, 1))->id, "SA-GOV-1");
  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 22900.0 / 576.0, TOL);
  ck_assert_int_eq (cirt_score_get_overall (s)->level, 2);
  ck_assert_int_eq (cirt_score_get_uncapped_level (s), 2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Provisional                                                              */

START_TEST (test_provisional)
{
  /* k-cov: SK-COV-1 weight 4, SK-COV-2 weight 1.
   * COV-1 only: coverage 4/5 = .8 exactly → not provisional.
   * COV-2 only: 1/5 = .2 → provisional.
   * neither: undefined, coverage 0, not provisional (no score to mark). */
  g_autoptr(CirtScore) s1 = score_with (NULL, 1, inst_k, "SK-COV-1", "yes", NULL);
  g_autoptr(CirtScore) s2 = score_with (NULL, 1, inst_k, "SK-COV-2", "yes", NULL);
  g_autoptr(CirtScore) s3 = score_with (NULL, 1, inst_k, "SK-LEVEL", "4", NULL);

  assert_value (&section (s1, "score-kinds", "k-cov")->value, TRUE, 100.0, 5, 0.8, FALSE);
  assert_value (&section (s2, "score-kinds", "k-cov")->value, TRUE, 100.0, 5, 0.2, TRUE);
  assert_value (&section (s3, "score-kinds", "k-cov")->value, FALSE, 0, 0, 0.0, FALSE);
  /* The pillar (organizational = k-cov alone) follows. */
  ck_assert (!cirt_score_get_pillar (s1, CIRT_PILLAR_ORGANIZATIONAL)->value.provisional);
  ck_assert (cirt_score_get_pillar (s2, CIRT_PILLAR_ORGANIZATIONAL)->value.provisional);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Targets and gaps                                                         */

START_TEST (test_targets_and_gaps)
{
  /* Scenario 1, targets legal 4, technical 3, capacity 2, cooperation 5:
   * legal level 3 → gap 4 − 3 = +1; technical level 4 → 3 − 4 = −1;
   * organizational no target → no gap; capacity undefined → no gap;
   * cooperation unused → no gap (target kept). Out-of-range targets are none. */
  const int targets[CIRT_N_PILLARS] = { 4, 3, 0, 2, 5 };
  const int bad[CIRT_N_PILLARS] = { 7, -1, 0, 0, 0 };
  g_autoptr(CirtScore) s = score_with (targets, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  g_autoptr(CirtScore) s_bad = score_with (bad, 1, inst_a, SCENARIO_1, NULL);
  const CirtPillarScore *p;

  p = cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL);
  ck_assert (p->has_gap);
  ck_assert_int_eq (p->target, 4);
  ck_assert_int_eq (p->gap, 1);
  p = cirt_score_get_pillar (s, CIRT_PILLAR_TECHNICAL);
  ck_assert (p->has_gap);
  ck_assert_int_eq (p->gap, -1);
  p = cirt_score_get_pillar (s, CIRT_PILLAR_ORGANIZATIONAL);
  ck_assert (!p->has_gap);
  ck_assert_int_eq (p->target, 0);
  p = cirt_score_get_pillar (s, CIRT_PILLAR_CAPACITY);
  ck_assert (!p->has_gap);
  ck_assert_int_eq (p->target, 2);
  p = cirt_score_get_pillar (s, CIRT_PILLAR_COOPERATION);
  ck_assert (!p->has_gap);
  ck_assert_int_eq (p->target, 5);

  ck_assert_int_eq (cirt_score_get_pillar (s_bad, CIRT_PILLAR_LEGAL)->target, 0);
  ck_assert (!cirt_score_get_pillar (s_bad, CIRT_PILLAR_LEGAL)->has_gap);
  ck_assert_int_eq (cirt_score_get_pillar (s_bad, CIRT_PILLAR_TECHNICAL)->target, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Recommendations                                                          */

static void
assert_recommendations (CirtScore   *s,
                        const char **ids,
                        const double *priorities,
                        guint        n)
{
  ck_assert_uint_eq (cirt_score_get_n_recommendations (s), n);
  for (guint i = 0; i < n; i++)
    {
      const CirtRecommendation *r = cirt_score_get_recommendation (s, i);
      ck_assert_msg (strcmp (r->question->id, ids[i]) == 0, "rank %u: %s, expected %s", i + 1, r->question->id, ids[i]);
      ck_assert_double_eq_tol (r->priority, priorities[i], TOL);
    }
}

START_TEST (test_recommendations_ranked)
{
  /* Scenario 1 (pillar weights legal 1, technical 2, organizational 1):
   *   SA-LAW-1 2 · (1 − .75) · 2 · 1 = 1.0      SA-LAW-2 1 · .5 · 2 · 1 = 1.0
   *   SA-OPS-1 2 · (1 − .75) · 1 · 2 = 1.0      SA-OPS-2 1 · .5 · 1 · 2 = 1.0
   *   SA-GOV-1 1 · .75 · 1 · 1 = .75           SA-GOV-2 0 · 1 · 1 · 1 = 0
   * The four ties go by id although a-ops comes first in the questionnaire.
   * None for SA-LAW-3 (N/A), SA-CRT-1 (s = 1), SA-CRT-2 (no recommendation
   * text), SA-TLS-1 and SA-SKL-1 (unanswered: nothing to go on yet). */
  static const char *ids[] = { "SA-LAW-1", "SA-LAW-2", "SA-OPS-1", "SA-OPS-2", "SA-GOV-1", "SA-GOV-2" };
  static const double pr[] = { 1.0, 1.0, 1.0, 1.0, 0.75, 0.0 };
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);

  assert_recommendations (s, ids, pr, G_N_ELEMENTS (ids));
  ck_assert_double_eq (cirt_score_get_recommendation (s, 0)->score, 0.75);
}
END_TEST

START_TEST (test_recommendation_ties_by_id)
{
  /* k-tie (cooperation, w1, section w1), listed B, A, C:
   *   SK-TIE-B w3, s .7 → 3 · .3 = .9 (0.9000000000000001 in binary)
   *   SK-TIE-A w1, s .1 → 1 · .9 = .9
   *   SK-TIE-C w1, s 0  → 1 · 1  = 1
   * → C, then the tie A, B by id. */
  static const char *ids[] = { "SK-TIE-C", "SK-TIE-A", "SK-TIE-B" };
  static const double pr[] = { 1.0, 0.9, 0.9 };
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_k, "SK-TIE-B", "s07", "SK-TIE-A", "s01", "SK-TIE-C", "s0", NULL);

  assert_recommendations (s, ids, pr, G_N_ELEMENTS (ids));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Several instruments                                                      */

START_TEST (test_two_instruments)
{
  /* [score-a, score-b], scenario 1 + SB-LAW-1 2 (.5) + SB-COOP-1 partial (.5):
   * legal = (2·2/3 + 1·.4375 + 1·.5) / (2 + 1 + 1) = 109/192 = .567708… →
   *   56.77; level by score-a's thresholds (first instrument) 3.
   * Pillar weights: legal 1 from score-a (score-b's 5 ignored), cooperation
   *   2 from score-b (score-a does not list it).
   * cooperation = .5 → 50, level 3 by score-a's thresholds.
   * overall = (1·109/192 + 2·2/3 + 1·.25 + 2·.5) / (1 + 2 + 1 + 2) =
   *   605/1152 = .525173… → 52.52 (capped: SA-GOV-1).
   * b-law = 50 → level 2 by its own thresholds (score-b: 30 ≤ 50 < 55). */
  const int targets[CIRT_N_PILLARS] = { 0 };
  g_autoptr(CirtScore) s = score_with (targets, 2, inst_a, inst_b, SCENARIO_1, "SA-GOV-1", "1",
                                       "SB-LAW-1", "2", "SB-COOP-1", "partial", NULL);
  static const char *order[] = { "a-ops", "a-tools", "a-law", "a-court", "a-gov", "a-skills", "b-law", "b-coop" };
  /* Recommendations: the 1.0 tie now includes SB-COOP-1 (1 · .5 · 1 · 2),
   * and SB-LAW-1 1 · .5 · 1 · 1 = .5. */
  static const char *ids[] = { "SA-LAW-1", "SA-LAW-2", "SA-OPS-1", "SA-OPS-2", "SB-COOP-1", "SA-GOV-1", "SB-LAW-1", "SA-GOV-2" };
  static const double pr[] = { 1.0, 1.0, 1.0, 1.0, 1.0, 0.75, 0.5, 0.0 };

  ck_assert_uint_eq (cirt_score_get_n_sections (s), G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    ck_assert_str_eq (cirt_score_get_section (s, i)->section->id, order[i]);

  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value, TRUE, 10900.0 / 192.0, 3, 1.0, FALSE);
  ck_assert_double_eq (cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->weight, 1.0);
  ck_assert_double_eq (cirt_score_get_pillar (s, CIRT_PILLAR_COOPERATION)->weight, 2.0);
  assert_value (&cirt_score_get_pillar (s, CIRT_PILLAR_COOPERATION)->value, TRUE, 50.0, 3, 1.0, FALSE);
  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 60500.0 / 1152.0, TOL);
  ck_assert_int_eq (section (s, "score-b", "b-law")->value.level, 2);
  ck_assert_str_eq (cirt_text_get (cirt_score_get_level_info (s, 3)->name, "en"), "Established");
  assert_recommendations (s, ids, pr, G_N_ELEMENTS (ids));
}
END_TEST

START_TEST (test_two_instruments_reversed)
{
  /* [score-b, score-a], same answers: now score-b comes first, so
   * legal weighs 5 and pillar/overall levels use 0/30/55/80/95.
   * legal = 109/192 (the same sections) → 56.77 → level 3 (≥ 55).
   * technical 66.67 → level 3 (55 ≤ 66.67 < 80; it was 4 before).
   * cooperation 50 → level 2 (30 ≤ 50 < 55; it was 3 before).
   * overall = (5·109/192 + 2·2/3 + 1·.25 + 2·.5) / (5 + 2 + 1 + 2) =
   *   1041/1920 = .5421875 → 54.21875 → level 2 (uncapped, < 55).
   * SA-LAW-1's priority: 2 · .25 · 2 · 5 = 5. */
  g_autoptr(CirtScore) s = score_with (NULL, 2, inst_b, inst_a, SCENARIO_1, "SA-GOV-1", "1",
                                       "SB-LAW-1", "2", "SB-COOP-1", "partial", NULL);

  ck_assert_str_eq (cirt_score_get_section (s, 0)->section->id, "b-law");
  ck_assert_double_eq (cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->weight, 5.0);
  ck_assert_double_eq_tol (cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value.score, 10900.0 / 192.0, TOL);
  ck_assert_int_eq (cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value.level, 3);
  ck_assert_int_eq (cirt_score_get_pillar (s, CIRT_PILLAR_TECHNICAL)->value.level, 3);
  ck_assert_int_eq (cirt_score_get_pillar (s, CIRT_PILLAR_COOPERATION)->value.level, 2);
  ck_assert_double_eq_tol (cirt_score_get_overall (s)->score, 54.21875, TOL);
  ck_assert_int_eq (cirt_score_get_uncapped_level (s), 2);
  ck_assert_str_eq (cirt_score_get_recommendation (s, 0)->question->id, "SA-LAW-1");
  ck_assert_double_eq_tol (cirt_score_get_recommendation (s, 0)->priority, 5.0, TOL);
  ck_assert_str_eq (cirt_text_get (cirt_score_get_level_info (s, 3)->name, "en"), "B-three");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static JsonNode *
reparse (JsonNode *node,
         char    **text)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_generator_set_root (gen, node);
  *text = json_generator_to_data (gen, NULL);
  ck_assert_msg (json_parser_load_from_data (parser, *text, -1, &error), "%s", error ? error->message : "");
  return json_node_copy (json_parser_get_root (parser));
}

START_TEST (test_json_shape)
{
  const int targets[CIRT_N_PILLARS] = { 4, 3, 0, 2, 5 };
  g_autoptr(CirtScore) s = score_with (targets, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  g_autoptr(JsonNode) node = cirt_score_to_json (s, "abc", "en");
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) back = reparse (node, &text);
  JsonObject *root = json_node_get_object (back), *overall, *p;
  JsonArray *pillars, *sections, *recs, *capped;
  static const char *pillar_ids[] = { "legal", "technical", "organizational", "capacity", "cooperation" };
  static const char *overall_keys[] = { "score", "level", "level_name", "coverage", "provisional", "capped_by" };
  static const char *pillar_keys[] = { "id", "title", "score", "level", "level_name", "coverage", "provisional", "target", "gap" };
  static const char *section_keys[] = { "id", "instrument", "pillar", "title", "score", "level", "coverage", "answered", "total" };
  static const char *rec_keys[] = { "question", "section", "pillar", "score", "priority", "text" };

  ck_assert_str_eq (json_object_get_string_member (root, "assessment"), "abc");
  ck_assert_uint_eq (json_object_get_size (root), 6);
  /* The evidence vault's scoring option, off unless asked for. */
  ck_assert (!json_object_get_boolean_member (root, "evidenced_only"));

  overall = json_object_get_object_member (root, "overall");
  ck_assert_uint_eq (json_object_get_size (overall), G_N_ELEMENTS (overall_keys));
  for (guint i = 0; i < G_N_ELEMENTS (overall_keys); i++)
    ck_assert_msg (json_object_has_member (overall, overall_keys[i]), "overall.%s", overall_keys[i]);
  /* Full precision: the number read back is the very double computed. */
  ck_assert (json_object_get_double_member (overall, "score") == cirt_score_get_overall (s)->score);
  ck_assert_int_eq (json_object_get_int_member (overall, "level"), 2);
  ck_assert_str_eq (json_object_get_string_member (overall, "level_name"), "Formative");
  ck_assert (json_object_get_double_member (overall, "coverage") == 11.0 / 13.0);
  ck_assert (!json_object_get_boolean_member (overall, "provisional"));
  capped = json_object_get_array_member (overall, "capped_by");
  ck_assert_uint_eq (json_array_get_length (capped), 1);
  ck_assert_str_eq (json_array_get_string_element (capped, 0), "SA-GOV-1");

  pillars = json_object_get_array_member (root, "pillars");
  ck_assert_uint_eq (json_array_get_length (pillars), CIRT_N_PILLARS);
  for (guint i = 0; i < CIRT_N_PILLARS; i++)
    {
      p = json_array_get_object_element (pillars, i);
      ck_assert_str_eq (json_object_get_string_member (p, "id"), pillar_ids[i]);
      ck_assert_uint_eq (json_object_get_size (p), G_N_ELEMENTS (pillar_keys));
      for (guint k = 0; k < G_N_ELEMENTS (pillar_keys); k++)
        ck_assert_msg (json_object_has_member (p, pillar_keys[k]), "pillar.%s", pillar_keys[k]);
    }
  p = json_array_get_object_element (pillars, 0);
  ck_assert_str_eq (json_object_get_string_member (p, "title"), "Legal");
  ck_assert (json_object_get_double_member (p, "score") == cirt_score_get_pillar (s, CIRT_PILLAR_LEGAL)->value.score);
  ck_assert_int_eq (json_object_get_int_member (p, "target"), 4);
  ck_assert_int_eq (json_object_get_int_member (p, "gap"), 1);
  p = json_array_get_object_element (pillars, 1);
  ck_assert (json_object_get_boolean_member (p, "provisional"));
  ck_assert_int_eq (json_object_get_int_member (p, "gap"), -1);
  ck_assert (json_object_get_double_member (p, "coverage") == 0.75);
  p = json_array_get_object_element (pillars, 2);   /* no target */
  ck_assert (json_object_get_null_member (p, "target"));
  ck_assert (json_object_get_null_member (p, "gap"));
  p = json_array_get_object_element (pillars, 3);   /* capacity: used, nothing answered */
  ck_assert (json_object_get_null_member (p, "score"));
  ck_assert (json_object_get_null_member (p, "level"));
  ck_assert (json_object_get_null_member (p, "level_name"));
  ck_assert (json_object_get_double_member (p, "coverage") == 0.0);
  ck_assert_int_eq (json_object_get_int_member (p, "target"), 2);
  ck_assert (json_object_get_null_member (p, "gap"));
  p = json_array_get_object_element (pillars, 4);   /* cooperation: unused */
  ck_assert (json_object_get_null_member (p, "score"));
  ck_assert (json_object_get_null_member (p, "coverage"));

  sections = json_object_get_array_member (root, "sections");
  ck_assert_uint_eq (json_array_get_length (sections), 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *so = json_array_get_object_element (sections, i);
      ck_assert_uint_eq (json_object_get_size (so), G_N_ELEMENTS (section_keys));
      for (guint k = 0; k < G_N_ELEMENTS (section_keys); k++)
        ck_assert_msg (json_object_has_member (so, section_keys[k]), "section.%s", section_keys[k]);
      ck_assert_str_eq (json_object_get_string_member (so, "instrument"), "score-a");
    }
  {
    JsonObject *tools = json_array_get_object_element (sections, 1);
    JsonObject *court = json_array_get_object_element (sections, 3);
    ck_assert_str_eq (json_object_get_string_member (tools, "id"), "a-tools");
    ck_assert_str_eq (json_object_get_string_member (tools, "pillar"), "technical");
    ck_assert (json_object_get_null_member (tools, "score"));
    ck_assert (json_object_get_null_member (tools, "level"));
    ck_assert_int_eq (json_object_get_int_member (tools, "answered"), 0);
    ck_assert_int_eq (json_object_get_int_member (tools, "total"), 1);
    ck_assert (json_object_get_double_member (court, "score") == 43.75);
    ck_assert_int_eq (json_object_get_int_member (court, "level"), 3);
  }

  recs = json_object_get_array_member (root, "recommendations");
  ck_assert_uint_eq (json_array_get_length (recs), 6);
  {
    JsonObject *r = json_array_get_object_element (recs, 0);
    ck_assert_uint_eq (json_object_get_size (r), G_N_ELEMENTS (rec_keys));
    for (guint k = 0; k < G_N_ELEMENTS (rec_keys); k++)
      ck_assert_msg (json_object_has_member (r, rec_keys[k]), "recommendation.%s", rec_keys[k]);
    ck_assert_str_eq (json_object_get_string_member (r, "question"), "SA-LAW-1");
    ck_assert_str_eq (json_object_get_string_member (r, "section"), "a-law");
    ck_assert_str_eq (json_object_get_string_member (r, "pillar"), "legal");
    ck_assert (json_object_get_double_member (r, "score") == 75.0);
    ck_assert (json_object_get_double_member (r, "priority") == 1.0);
    ck_assert_str_eq (json_object_get_string_member (r, "text"), "Act on SA-LAW-1.");
  }
  /* No NaN or Infinity ever reaches the text. */
  ck_assert (strstr (text, ":nan") == NULL && strstr (text, ":-nan") == NULL && strstr (text, ":inf") == NULL);
  ck_assert (strstr (text, "\"coverage\":null") != NULL);
}
END_TEST

START_TEST (test_json_precision)
{
  /* 62.5 (checklist "x": 5/8) is printed as 62.5 and reads back exactly;
   * 200/3 keeps all its digits. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_k, "SK-CHECK", "x", "SK-LEVEL", "2", "SK-YESNO", "yes", NULL);
  g_autoptr(CirtScore) s2 = score_with (NULL, 1, inst_a, SCENARIO_1, NULL);
  g_autoptr(JsonNode) node = cirt_score_to_json (s, NULL, NULL);
  g_autoptr(JsonNode) node2 = cirt_score_to_json (s2, NULL, NULL);
  g_autofree char *text = NULL, *text2 = NULL;
  g_autoptr(JsonNode) back = reparse (node, &text);
  g_autoptr(JsonNode) back2 = reparse (node2, &text2);
  JsonArray *sections = json_object_get_array_member (json_node_get_object (back), "sections");
  JsonArray *sections2 = json_object_get_array_member (json_node_get_object (back2), "sections");

  ck_assert (json_object_get_null_member (json_node_get_object (back), "assessment"));
  ck_assert_msg (strstr (text, "\"score\":62.5,") != NULL, "%s", text);
  ck_assert (json_object_get_double_member (json_array_get_object_element (sections, 3), "score") == 62.5);
  ck_assert (json_object_get_double_member (json_array_get_object_element (sections2, 0), "score") ==
             section (s2, "score-a", "a-ops")->value.score);
}
END_TEST

START_TEST (test_json_lang)
{
  /* French: pillar titles, level names, section titles, recommendation text. */
  g_autoptr(CirtScore) s = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  g_autoptr(JsonNode) node = cirt_score_to_json (s, "x", "fr");
  JsonObject *root = json_node_get_object (node);
  JsonObject *legal = json_array_get_object_element (json_object_get_array_member (root, "pillars"), 0);
  JsonObject *ops = json_array_get_object_element (json_object_get_array_member (root, "sections"), 0);
  JsonObject *rec = json_array_get_object_element (json_object_get_array_member (root, "recommendations"), 0);

  ck_assert_str_eq (json_object_get_string_member (legal, "title"), "Mesures juridiques");
  ck_assert_str_eq (json_object_get_string_member (legal, "level_name"), "Établi");
  ck_assert_str_eq (json_object_get_string_member (ops, "title"), "Opérations");
  ck_assert_str_eq (json_object_get_string_member (rec, "text"), "Agir sur SA-LAW-1.");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (root, "overall"), "level_name"),
                    "Formatif");
}
END_TEST

START_TEST (test_deterministic)
{
  /* The same input gives the same output, byte for byte. */
  g_autoptr(CirtScore) s1 = score_with (NULL, 2, inst_a, inst_b, SCENARIO_1, "SB-LAW-1", "3", NULL);
  g_autoptr(CirtScore) s2 = score_with (NULL, 2, inst_a, inst_b, SCENARIO_1, "SB-LAW-1", "3", NULL);
  g_autoptr(JsonNode) n1 = cirt_score_to_json (s1, "x", "en");
  g_autoptr(JsonNode) n2 = cirt_score_to_json (s2, "x", "en");
  g_autofree char *t1 = json_to_string (n1, FALSE);
  g_autofree char *t2 = json_to_string (n2, FALSE);

  ck_assert_str_eq (t1, t2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* From the store                                                           */

START_TEST (test_load_from_store)
{
  g_autofree char *path = cirt_test_tmp_path ("score.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (path, &error);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(CirtScore) loaded = NULL, computed = NULL;
  g_autoptr(CirtAssessmentData) data = NULL, missing = NULL;
  g_autofree char *id = NULL;
  static const char *pairs[][2] = {
    { "SA-OPS-1", "p,r" }, { "SA-OPS-2", "2" }, { "SA-LAW-1", "3" }, { "SA-LAW-2", "partial" },
    { "SA-CRT-1", "yes" }, { "SA-CRT-2", "1" }, { "SA-GOV-1", "1" }, { "SA-GOV-2", "no" },
  };

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  info->title = g_strdup ("Scoring");
  info->country = g_strdup ("Testland");
  g_ptr_array_add (insts, inst_a);
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(CirtAnswer) a = cirt_answer_new (pairs[i][0]);
      a->value = g_strdup (pairs[i][1]);
      ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
    }
  {
    g_autoptr(CirtAnswer) a = cirt_answer_new ("SA-LAW-3");
    a->not_applicable = TRUE;
    a->notes = g_strdup ("no such court");
    ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
  }
  {
    /* An interview note without a value: stays unanswered. */
    g_autoptr(CirtAnswer) a = cirt_answer_new ("SA-TLS-1");
    a->notes = g_strdup ("ask the NOC");
    ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
  }
  ck_assert (cirt_store_set_target (store, id, CIRT_PILLAR_LEGAL, 4, &error));

  data = cirt_assessment_data_load (store, id, CIRT_LOAD_SCORE, &error);
  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  loaded = g_object_ref (data->score);
  /* Same numbers as scenario 1: overall 313/576, legal gap +1. */
  ck_assert_double_eq_tol (cirt_score_get_overall (loaded)->score, 31300.0 / 576.0, TOL);
  ck_assert_int_eq (cirt_score_get_pillar (loaded, CIRT_PILLAR_LEGAL)->gap, 1);
  ck_assert_double_eq_tol (cirt_score_get_pillar (loaded, CIRT_PILLAR_TECHNICAL)->value.coverage, 0.75, TOL);
  computed = score_with (NULL, 1, inst_a, SCENARIO_1, "SA-GOV-1", "1", NULL);
  ck_assert (cirt_score_get_overall (loaded)->score == cirt_score_get_overall (computed)->score);

  missing = cirt_assessment_data_load (store, "00000000-0000-0000-0000-000000000000", CIRT_LOAD_SCORE, &error);
  ck_assert_ptr_null (missing);
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
}
END_TEST

static Suite *
score_suite (void)
{
  Suite *s = suite_create ("score");
  TCase *tc;

  tc = tcase_create ("kinds");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_kind_level);
  tcase_add_test (tc, test_kind_yesno);
  tcase_add_test (tc, test_kind_choice);
  tcase_add_test (tc, test_kind_checklist);
  tcase_add_test (tc, test_unscored_kinds);
  tcase_add_test (tc, test_na_and_unanswered);
  tcase_add_test (tc, test_notes_only_is_unanswered);
  tcase_add_test (tc, test_all_na);
  suite_add_tcase (s, tc);

  tc = tcase_create ("rollup");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_scenario_rollup);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_zero_weights);
  tcase_add_test (tc, test_nothing_answered);
  tcase_add_test (tc, test_threshold_boundaries);
  tcase_add_test (tc, test_threshold_custom);
  tcase_add_test (tc, test_shipped_scales);
  tcase_add_test (tc, test_sim3_scale_scored);
  tcase_add_test (tc, test_threshold_binary_rounding);
  tcase_add_test (tc, test_critical_cap_on);
  tcase_add_test (tc, test_critical_cap_off_at_half);
  tcase_add_test (tc, test_critical_cap_unanswered_or_na);
  tcase_add_test (tc, test_critical_cap_order_and_low_level);
  tcase_add_test (tc, test_provisional);
  tcase_add_test (tc, test_targets_and_gaps);
  tcase_add_test (tc, test_recommendations_ranked);
  tcase_add_test (tc, test_recommendation_ties_by_id);
  tcase_add_test (tc, test_two_instruments);
  tcase_add_test (tc, test_two_instruments_reversed);
  suite_add_tcase (s, tc);

  tc = tcase_create ("output");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_json_shape);
  tcase_add_test (tc, test_json_precision);
  tcase_add_test (tc, test_json_lang);
  tcase_add_test (tc, test_deterministic);
  tcase_add_test (tc, test_load_from_store);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (score_suite ());
}
