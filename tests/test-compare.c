/* test-compare.c — CirtComparison against hand-computed cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture (cirt_test_make_follow_up(), tests/fixtures/compare): one
 * instrument, test-compare, in two versions. Pillars legal 1 and technical
 * 1, default thresholds 0/20/40/60/80, section weights 1.
 *   1.0.0  law (legal):     C-LAW-1 level w2, C-LAW-2 yesno, C-LAW-3 yesno, C-LAW-4 yesno
 *          ops (technical): C-OPS-1 level, C-OPS-2 choice (none 0, part .5, full 1),
 *                           C-OPS-3 checklist (alerts 1, handling 1), C-OPS-4 text, C-OPS-6 level
 *   2.0.0  C-LAW-3 removed; C-OPS-5 yesno added (after C-OPS-4).
 *
 * Baseline "Readiness 2024" (1.0.0):
 *   C-LAW-1 1 (.25), C-LAW-2 no (0), C-LAW-3 partial (.5), C-LAW-4 no (0),
 *   C-OPS-1 2 (.5), C-OPS-2 full (1), C-OPS-4 text; C-OPS-3, C-OPS-6 unanswered.
 *   law = (2·.25 + 0 + .5 + 0) / 5 = .2 → 20, coverage 5/5
 *   ops = (.5 + 1) / 2 = .75 → 75, coverage 2/4
 *   overall = (20 + 75) / 2 = 47.5 (levels: legal 2, technical 4, overall 3)
 *   recommendations, by priority w·(1 − s): C-LAW-1 1.5; C-LAW-2 1 and
 *   C-LAW-4 1 (tie: by id); C-LAW-3 .5 and C-OPS-1 .5 (tie: by id).
 * Follow-up "Readiness 2026" (2.0.0):
 *   C-LAW-1 3 (.75), C-LAW-2 yes (1), C-LAW-4 N/A, C-OPS-1 2 (.5),
 *   C-OPS-2 part (.5), C-OPS-3 alerts (.5), C-OPS-5 yes (1); C-OPS-4,
 *   C-OPS-6 unanswered.
 *   law = (2·.75 + 1) / 3 = .8333… → 83.33…, coverage 3/3
 *   ops = (.5 + .5 + .5 + 1) / 4 = .625 → 62.5, coverage 4/5
 *   overall = (83.33… + 62.5) / 2 = 72.9166… (levels: legal 5, technical 4, overall 4)
 * Changes: C-LAW-1 improved, C-LAW-2 improved, C-LAW-4 changed (no → N/A),
 *   C-LAW-3 removed, C-OPS-1 same, C-OPS-2 regressed, C-OPS-3 newly
 *   answered, C-OPS-4 unanswered, C-OPS-5 added, C-OPS-6 open.
 * Met: C-LAW-2 (rank 2 then, 100 now). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-compare.h"
#include "cirt-redact.h"
#include "cirt-test-util.h"

#define TOL 1e-9

static CirtStore *store;
static char *base_id, *follow_id;

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("compare.db");
  g_autoptr(GError) error = NULL;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  follow_id = cirt_test_make_follow_up (store, NULL, &base_id);
}

static void
teardown (void)
{
  g_clear_object (&store);
  g_clear_pointer (&base_id, g_free);
  g_clear_pointer (&follow_id, g_free);
}

static CirtComparison *
load (const char *old_id,
      const char *new_id)
{
  g_autoptr(GError) error = NULL;
  CirtComparison *c = cirt_comparison_load (store, old_id, new_id, &error);

  ck_assert_msg (c != NULL, "%s", error ? error->message : "");
  return c;
}

static const CirtCompareQuestion *
question (CirtComparison *c,
          const char     *id)
{
  for (guint i = 0; i < c->questions->len; i++)
    {
      const CirtCompareQuestion *q = &g_array_index (c->questions, CirtCompareQuestion, i);
      if (strcmp (q->id, id) == 0)
        return q;
    }
  ck_abort_msg ("no question %s in the comparison", id);
  return NULL;
}

static const CirtCompareSection *
section (CirtComparison *c,
         const char     *id)
{
  for (guint i = 0; i < c->sections->len; i++)
    {
      const CirtCompareSection *s = &g_array_index (c->sections, CirtCompareSection, i);
      if (strcmp (cirt_compare_section_get (s)->id, id) == 0)
        return s;
    }
  ck_abort_msg ("no section %s in the comparison", id);
  return NULL;
}

static void
assert_value (const CirtCompareValue *v,
              double                  old_score,
              int                     old_level,
              double                  old_coverage,
              double                  new_score,
              int                     new_level,
              double                  new_coverage)
{
  ck_assert (v->has_old && v->has_new && v->has_delta);
  ck_assert_msg (fabs (v->old_value.score - old_score) < TOL, "old %.15g, expected %.15g", v->old_value.score,
                 old_score);
  ck_assert_msg (fabs (v->new_value.score - new_score) < TOL, "new %.15g, expected %.15g", v->new_value.score,
                 new_score);
  ck_assert_msg (fabs (v->delta - (new_score - old_score)) < TOL, "delta %.15g", v->delta);
  ck_assert_int_eq (v->old_value.level, old_level);
  ck_assert_int_eq (v->new_value.level, new_level);
  ck_assert_int_eq (v->level_delta, new_level - old_level);
  ck_assert (fabs (v->old_value.coverage - old_coverage) < TOL);
  ck_assert (fabs (v->new_value.coverage - new_coverage) < TOL);
  ck_assert (fabs (v->coverage_delta - (new_coverage - old_coverage)) < TOL);
}

static void
assert_words (const CirtCompareValue *v,
              const char             *expected)
{
  g_autofree char *words = cirt_compare_delta_words (cirt_lang_default (), v);
  ck_assert_str_eq (words, expected);
}

START_TEST (test_follow_up_deltas)
{
  g_autoptr(CirtComparison) c = load (NULL, follow_id);
  const double law_new = 100.0 * 2.5 / 3.0;

  ck_assert_str_eq (c->old_data->info->id, base_id);
  ck_assert_str_eq (c->new_data->info->id, follow_id);
  ck_assert (!c->other_country);

  assert_value (&c->overall, 47.5, 3, 7.0 / 9.0, (law_new + 62.5) / 2, 4, 7.0 / 8.0);
  assert_value (&c->pillars[CIRT_PILLAR_LEGAL].value, 20, 2, 1.0, law_new, 5, 1.0);
  assert_value (&c->pillars[CIRT_PILLAR_TECHNICAL].value, 75, 4, 0.5, 62.5, 4, 0.8);
  ck_assert (!c->pillars[CIRT_PILLAR_CAPACITY].value.has_old && !c->pillars[CIRT_PILLAR_CAPACITY].value.has_new);

  /* As shown: 20.0 → 83.3, 75.0 → 62.5, 47.5 → 72.9. */
  assert_words (&c->pillars[CIRT_PILLAR_LEGAL].value, "+63.3");
  assert_words (&c->pillars[CIRT_PILLAR_TECHNICAL].value, "−12.5");
  assert_words (&c->overall, "+25.4");
  assert_words (&c->pillars[CIRT_PILLAR_CAPACITY].value, "—");

  ck_assert_uint_eq (c->sections->len, 2);
  assert_value (&section (c, "law")->value, 20, 2, 1.0, law_new, 5, 1.0);
  assert_value (&section (c, "ops")->value, 75, 4, 0.5, 62.5, 4, 0.8);
  ck_assert_str_eq (section (c, "ops")->instrument, "test-compare");

  /* One instrument in both, versions 1.0.0 then 2.0.0. */
  ck_assert_uint_eq (c->instruments->len, 1);
  {
    const CirtCompareInstrument *ci = &g_array_index (c->instruments, CirtCompareInstrument, 0);
    ck_assert_str_eq (cirt_instrument_get_version (ci->old_instrument), "1.0.0");
    ck_assert_str_eq (cirt_instrument_get_version (ci->new_instrument), "2.0.0");
    ck_assert_uint_eq (ci->n_added, 1);
    ck_assert_uint_eq (ci->n_removed, 1);
  }
}
END_TEST

START_TEST (test_question_changes)
{
  g_autoptr(CirtComparison) c = load (NULL, follow_id);
  static const struct { const char *id; CirtChange change; } expected[] = {
    { "C-LAW-1", CIRT_CHANGE_IMPROVED }, { "C-LAW-2", CIRT_CHANGE_IMPROVED }, { "C-LAW-4", CIRT_CHANGE_CHANGED },
    { "C-LAW-3", CIRT_CHANGE_REMOVED }, { "C-OPS-1", CIRT_CHANGE_SAME }, { "C-OPS-2", CIRT_CHANGE_REGRESSED },
    { "C-OPS-3", CIRT_CHANGE_NEWLY_ANSWERED }, { "C-OPS-4", CIRT_CHANGE_UNANSWERED },
    { "C-OPS-5", CIRT_CHANGE_ADDED }, { "C-OPS-6", CIRT_CHANGE_OPEN },
  };
  const CirtCompareQuestion *q;

  /* In questionnaire order, the removed question after its section. */
  ck_assert_uint_eq (c->questions->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      q = &g_array_index (c->questions, CirtCompareQuestion, i);
      ck_assert_msg (strcmp (q->id, expected[i].id) == 0, "question %u is %s, expected %s", i, q->id, expected[i].id);
      ck_assert_msg (q->change == expected[i].change, "%s is %s, expected %s", q->id, cirt_change_to_string (q->change),
                     cirt_change_to_string (expected[i].change));
    }
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_IMPROVED], 2);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_REGRESSED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_NEWLY_ANSWERED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_UNANSWERED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_OPEN], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_CHANGED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_SAME], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_ADDED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_REMOVED], 1);

  q = question (c, "C-LAW-1");
  ck_assert (fabs (q->old_score - 25) < TOL && fabs (q->new_score - 75) < TOL);
  ck_assert_str_eq (q->old_answer->value, "1");
  ck_assert_str_eq (q->new_answer->value, "3");
  q = question (c, "C-OPS-2");
  ck_assert (fabs (q->old_score - 100) < TOL && fabs (q->new_score - 50) < TOL);
  q = question (c, "C-LAW-4");
  ck_assert (fabs (q->old_score) < TOL && isnan (q->new_score) && q->new_answer->not_applicable);
  q = question (c, "C-LAW-3");
  ck_assert (q->new_question == NULL && q->new_answer == NULL && fabs (q->old_score - 50) < TOL);
  q = question (c, "C-OPS-5");
  ck_assert (q->old_question == NULL && q->old_answer == NULL && fabs (q->new_score - 100) < TOL);
  /* A text answer has no score either side. */
  q = question (c, "C-OPS-4");
  ck_assert (isnan (q->old_score) && isnan (q->new_score) && q->new_answer == NULL);
  {
    g_autofree char *d = cirt_compare_score_delta_words (cirt_lang_default (), question (c, "C-LAW-1")->old_score,
                                                         question (c, "C-LAW-1")->new_score);
    ck_assert_str_eq (d, "+50.0");
  }
}
END_TEST

START_TEST (test_recommendations_met)
{
  g_autoptr(CirtComparison) c = load (NULL, follow_id);
  const CirtCompareMet *m;

  /* C-LAW-1 (75 now), C-LAW-4 (N/A), C-LAW-3 (removed) and C-OPS-1 (50)
   * still fall short or say nothing: only C-LAW-2 is met. */
  ck_assert_uint_eq (c->met->len, 1);
  m = &g_array_index (c->met, CirtCompareMet, 0);
  ck_assert_str_eq (m->old_question->id, "C-LAW-2");
  ck_assert_str_eq (m->new_question->id, "C-LAW-2");
  ck_assert_uint_eq (m->old_rank, 2);
  ck_assert (fabs (m->old_score) < TOL && fabs (m->new_score - 100) < TOL);
}
END_TEST

START_TEST (test_two_ids)
{
  g_autoptr(CirtComparison) a = load (NULL, follow_id);
  g_autoptr(CirtComparison) b = load (base_id, follow_id);
  g_autoptr(JsonNode) ja = cirt_comparison_to_json (a, "en");
  g_autoptr(JsonNode) jb = cirt_comparison_to_json (b, "en");

  /* Naming the baseline is the same comparison. */
  ck_assert (json_node_equal (ja, jb));
}
END_TEST

START_TEST (test_reversed)
{
  /* The other way round: what was added is removed, improved regressed. */
  g_autoptr(CirtComparison) c = load (follow_id, base_id);

  ck_assert_int_eq (question (c, "C-LAW-3")->change, CIRT_CHANGE_ADDED);
  ck_assert_int_eq (question (c, "C-OPS-5")->change, CIRT_CHANGE_REMOVED);
  ck_assert_int_eq (question (c, "C-LAW-1")->change, CIRT_CHANGE_REGRESSED);
  ck_assert_int_eq (question (c, "C-OPS-2")->change, CIRT_CHANGE_IMPROVED);
  ck_assert_int_eq (question (c, "C-OPS-3")->change, CIRT_CHANGE_UNANSWERED);
  ck_assert_int_eq (question (c, "C-OPS-4")->change, CIRT_CHANGE_NEWLY_ANSWERED);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_IMPROVED], 1);
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_REGRESSED], 2);
  ck_assert (fabs (c->pillars[CIRT_PILLAR_TECHNICAL].value.delta - 12.5) < TOL);
  /* Of the follow-up's recommendations (C-LAW-1, C-OPS-1, C-OPS-2,
   * C-OPS-3), the baseline's answers meet C-OPS-2 alone (full staff). */
  ck_assert_uint_eq (c->met->len, 1);
  ck_assert_str_eq (g_array_index (c->met, CirtCompareMet, 0).old_question->id, "C-OPS-2");
}
END_TEST

START_TEST (test_refusals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtComparison) c = NULL;
  g_autofree char *sha_before = NULL, *sha_after = NULL;
  g_autofree char *a = NULL, *b = NULL;

  sha_before = cirt_test_file_sha256 (cirt_store_get_path (store));

  /* One assessment with itself, by id and as data. */
  c = cirt_comparison_load (store, follow_id, follow_id, &error);
  ck_assert (c == NULL);
  ck_assert_msg (g_error_matches (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_SAME), "%s", error->message);
  ck_assert_msg (strstr (error->message, "Readiness 2026") != NULL, "%s", error->message);
  g_clear_error (&error);
  {
    g_autoptr(CirtAssessmentData) d = cirt_assessment_data_load (store, follow_id, CIRT_LOAD_SCORE, NULL);
    c = cirt_comparison_new (d, d, &error);
    ck_assert (c == NULL && g_error_matches (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_SAME));
    g_clear_error (&error);
  }

  /* An assessment that follows nothing up, without a second one. */
  c = cirt_comparison_load (store, NULL, base_id, &error);
  ck_assert (c == NULL);
  ck_assert_msg (g_error_matches (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_NO_BASELINE), "%s", error->message);
  ck_assert_msg (strstr (error->message, "Readiness 2024") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* An unknown one. */
  c = cirt_comparison_load (store, "00000000-0000-0000-0000-000000000000", follow_id, &error);
  ck_assert (c == NULL);
  ck_assert_msg (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND), "%s", error->message);
  g_clear_error (&error);

  /* Nothing was written by any of it. */
  sha_after = cirt_test_file_sha256 (cirt_store_get_path (store));
  ck_assert_str_eq (sha_before, sha_after);

  /* Two assessments with no instrument in common. */
  {
    g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
    g_autoptr(GPtrArray) ia = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) ib = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (ia, cirt_test_load_fixture ("score-a.json"));
    g_ptr_array_add (ib, cirt_test_load_fixture ("score-b.json"));
    info->title = g_strdup ("On instrument A");
    info->country = g_strdup ("Republic of Example");
    a = cirt_store_create_assessment (store, info, ia, &error);
    ck_assert_msg (a != NULL, "%s", error ? error->message : "");
    g_free (info->title);
    info->title = g_strdup ("On instrument B");
    b = cirt_store_create_assessment (store, info, ib, &error);
    ck_assert_msg (b != NULL, "%s", error ? error->message : "");
  }
  c = cirt_comparison_load (store, a, b, &error);
  ck_assert (c == NULL);
  ck_assert_msg (g_error_matches (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_NO_SHARED), "%s", error->message);
  ck_assert_msg (strstr (error->message, "On instrument A") && strstr (error->message, "On instrument B"), "%s",
                 error->message);
  g_clear_error (&error);

  /* The baseline deleted: the follow-up is no longer one, and its id is unknown. */
  ck_assert (cirt_store_delete_assessment (store, base_id, &error));
  c = cirt_comparison_load (store, NULL, follow_id, &error);
  ck_assert (c == NULL);
  ck_assert_msg (g_error_matches (error, CIRT_COMPARE_ERROR, CIRT_COMPARE_ERROR_NO_BASELINE), "%s", error->message);
  g_clear_error (&error);
  c = cirt_comparison_load (store, base_id, follow_id, &error);
  ck_assert (c == NULL && g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_other_country)
{
  g_autofree char *other_base = NULL, *other = NULL, *same_base = NULL, *same = NULL;
  g_autoptr(CirtComparison) c = NULL, d = NULL;
  g_autofree char *warning = NULL, *fr = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *warnings;

  other = cirt_test_make_follow_up (store, "Kingdom of Sample", &other_base);
  c = load (NULL, other);
  ck_assert (c->other_country);
  warning = cirt_comparison_country_warning (c, cirt_lang_default ());
  ck_assert_msg (strstr (warning, "Republic of Example") && strstr (warning, "Kingdom of Sample"), "%s", warning);
  fr = cirt_comparison_country_warning (c, cirt_lang_get ("fr"));
  ck_assert_str_ne (fr, warning);
  /* It is still compared. */
  ck_assert_uint_eq (c->counts[CIRT_CHANGE_IMPROVED], 2);
  json = cirt_comparison_to_json (c, "en");
  warnings = json_object_get_array_member (json_node_get_object (json), "warnings");
  ck_assert_uint_eq (json_array_get_length (warnings), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (warnings, 0), "code"),
                    "other-country");

  /* The same country written otherwise is the same country. */
  same = cirt_test_make_follow_up (store, "  REPUBLIC of example ", &same_base);
  d = load (NULL, same);
  ck_assert (!d->other_country);
  ck_assert (cirt_comparison_country_warning (d, cirt_lang_default ()) == NULL);
}
END_TEST

START_TEST (test_json)
{
  g_autoptr(CirtComparison) c = load (NULL, follow_id);
  g_autoptr(JsonNode) root = cirt_comparison_to_json (c, "fr");
  JsonObject *o = json_node_get_object (root), *overall, *counts, *q;
  JsonArray *pillars, *questions, *met;
  static const char * const keys[] = {
    "format", "format_version", "old", "new", "warnings", "instruments", "overall", "pillars", "sections", "counts",
    "questions", "recommendations_met",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    ck_assert_msg (json_object_has_member (o, keys[i]), "no \"%s\"", keys[i]);
  ck_assert_str_eq (json_object_get_string_member (o, "format"), "cirt-comparison");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (o, "new"), "baseline"), base_id);
  overall = json_object_get_object_member (o, "overall");
  ck_assert (fabs (json_object_get_double_member (overall, "delta") - ((250.0 / 3 + 62.5) / 2 - 47.5)) < TOL);
  ck_assert_int_eq (json_object_get_int_member (overall, "level_delta"), 1);
  ck_assert (fabs (json_object_get_double_member (json_object_get_object_member (overall, "old"), "score") - 47.5)
             < TOL);
  pillars = json_object_get_array_member (o, "pillars");
  ck_assert_uint_eq (json_array_get_length (pillars), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (pillars, 1), "id"), "technical");
  ck_assert (fabs (json_object_get_double_member (json_array_get_object_element (pillars, 1), "delta") + 12.5) < TOL);
  counts = json_object_get_object_member (o, "counts");
  ck_assert_int_eq (json_object_get_int_member (counts, "improved"), 2);
  ck_assert_int_eq (json_object_get_int_member (counts, "newly_answered"), 1);
  ck_assert_int_eq (json_object_get_int_member (counts, "removed"), 1);

  questions = json_object_get_array_member (o, "questions");
  ck_assert_uint_eq (json_array_get_length (questions), 10);
  q = json_array_get_object_element (questions, 1);
  ck_assert_str_eq (json_object_get_string_member (q, "id"), "C-LAW-2");
  ck_assert_str_eq (json_object_get_string_member (q, "change"), "improved");
  /* Answers in words in the language asked for. */
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (q, "new"), "answer"), "Oui");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (q, "old"), "value"), "no");
  ck_assert_str_eq (json_object_get_string_member (q, "text"), "Existe-t-il une loi sur la cybercriminalité ?");
  q = json_array_get_object_element (questions, 3);
  ck_assert_str_eq (json_object_get_string_member (q, "change"), "removed");
  ck_assert (json_object_get_null_member (q, "new"));
  met = json_object_get_array_member (o, "recommendations_met");
  ck_assert_uint_eq (json_array_get_length (met), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (met, 0), "recommendation"),
                    "Adopter une loi sur la cybercriminalité.");
}
END_TEST

START_TEST (test_redacted)
{
  g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (store, follow_id, CIRT_LOAD_ALL, NULL);
  g_autoptr(CirtAssessmentData) red = cirt_assessment_data_redact (data, cirt_lang_default ());
  g_autoptr(CirtComparison) plain = NULL, c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) jp = NULL, jc = NULL;

  ck_assert (data->baseline_data != NULL && red->baseline_data != NULL);
  plain = cirt_comparison_new_for_follow_up (data, &error);
  c = cirt_comparison_new_for_follow_up (red, &error);
  ck_assert_msg (c != NULL, "%s", error ? error->message : "");
  /* The same comparison: redaction removes who, never what. */
  jp = cirt_comparison_to_json (plain, "en");
  jc = cirt_comparison_to_json (c, "en");
  ck_assert (json_node_equal (json_object_get_member (json_node_get_object (jp), "questions"),
                              json_object_get_member (json_node_get_object (jc), "questions")));
  /* The baseline keeps values only; the follow-up's internal note is gone. */
  ck_assert (question (c, "C-LAW-1")->old_answer->notes == NULL);
  ck_assert (question (c, "C-LAW-1")->old_answer->author == NULL);
  ck_assert (question (c, "C-LAW-2")->new_answer->notes == NULL);
  ck_assert (strstr (question (c, "C-LAW-1")->new_answer->notes, "Amina") == NULL);
  ck_assert (red->baseline_data->info->lead_assessor == NULL);
}
END_TEST

START_TEST (test_change_names)
{
  for (guint i = 0; i < CIRT_N_CHANGES; i++)
    {
      CirtChange back;
      ck_assert (cirt_change_from_string (cirt_change_to_string (i), &back) && back == i);
      ck_assert_str_ne (cirt_change_words (cirt_lang_get ("fr"), i), cirt_change_words (cirt_lang_default (), i));
    }
  ck_assert (!cirt_change_from_string ("better", NULL));
  ck_assert_str_eq (cirt_change_words (cirt_lang_default (), CIRT_CHANGE_OPEN), "Still open");
}
END_TEST

static Suite *
compare_suite (void)
{
  Suite *s = suite_create ("compare");
  TCase *tc = tcase_create ("core");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_follow_up_deltas);
  tcase_add_test (tc, test_question_changes);
  tcase_add_test (tc, test_recommendations_met);
  tcase_add_test (tc, test_two_ids);
  tcase_add_test (tc, test_reversed);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_other_country);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_redacted);
  tcase_add_test (tc, test_change_names);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (compare_suite ());
}
