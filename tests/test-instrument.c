/* test-instrument.c — the instrument loader: valid files load, broken ones
 * are refused whole with a precise message
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-test-util.h"

/* A small valid instrument; each broken case below changes one thing. */
static const char base_json[] =
  "{\"format\":\"cirt-instrument\",\"format_version\":1,\"id\":\"t\",\"version\":\"1.0.0\","
  "\"languages\":[\"en\",\"fr\"],\"title\":{\"en\":\"T\",\"fr\":\"T\"},"
  "\"pillars\":[{\"id\":\"legal\",\"weight\":1}],"
  "\"sections\":[{\"id\":\"s1\",\"pillar\":\"legal\",\"weight\":1,\"title\":{\"en\":\"S\",\"fr\":\"S\"},"
  "\"questions\":["
  "{\"id\":\"Q-1\",\"kind\":\"level\",\"weight\":1,\"text\":{\"en\":\"Q\",\"fr\":\"Q\"},"
  "\"levels\":[{\"level\":0,\"text\":{\"en\":\"a\",\"fr\":\"a\"}},{\"level\":1,\"text\":{\"en\":\"b\",\"fr\":\"b\"}},"
  "{\"level\":2,\"text\":{\"en\":\"c\",\"fr\":\"c\"}},{\"level\":3,\"text\":{\"en\":\"d\",\"fr\":\"d\"}},"
  "{\"level\":4,\"text\":{\"en\":\"e\",\"fr\":\"e\"}}]},"
  "{\"id\":\"Q-2\",\"kind\":\"choice\",\"text\":{\"en\":\"C\",\"fr\":\"C\"},"
  "\"options\":[{\"id\":\"a\",\"text\":{\"en\":\"A\",\"fr\":\"A\"},\"score\":0},"
  "{\"id\":\"b\",\"text\":{\"en\":\"B\",\"fr\":\"B\"},\"score\":1}]}"
  "]}]}";

static char *
variant (const char *find,
         const char *replace)
{
  GString *s = g_string_new (base_json);
  guint n = g_string_replace (s, find, replace, 1);
  ck_assert_msg (n == 1, "test bug: \"%s\" not in the base instrument", find);
  return g_string_free (s, FALSE);
}

START_TEST (test_base_loads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (base_json, -1, "base.json", &error);

  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (cirt_instrument_get_id (inst), "t");
  ck_assert_uint_eq (cirt_instrument_get_n_sections (inst), 1);
  ck_assert_uint_eq (cirt_instrument_get_n_questions (inst), 2);
  ck_assert_uint_eq (cirt_instrument_get_warnings (inst)->len, 0);
  /* Default thresholds 0/20/40/60/80 and names. */
  ck_assert_double_eq (cirt_instrument_get_level_info (inst, 3)->min, 40);
  ck_assert_str_eq (cirt_text_get (cirt_instrument_get_level_info (inst, 1)->name, "en"), "Start-up");
  ck_assert_str_eq (cirt_text_get (cirt_instrument_get_level_info (inst, 5)->name, "fr"), "Dynamique");
  ck_assert_int_eq (strlen (cirt_instrument_get_sha256 (inst)), 64);
}
END_TEST

START_TEST (test_fixture_loads)
{
  g_autoptr(CirtInstrument) inst = cirt_test_load_fixture ("mini.json");
  const CirtQuestion *q = cirt_instrument_lookup_question (inst, "T-OPS-2");

  ck_assert_uint_eq (cirt_instrument_get_n_questions (inst), 7);
  ck_assert_uint_eq (cirt_instrument_get_n_scored (inst), 4);
  ck_assert_ptr_nonnull (q);
  ck_assert_int_eq (q->kind, CIRT_KIND_CHECKLIST);
  ck_assert_str_eq (q->section->id, "ops");
  ck_assert_ptr_eq (cirt_question_get_instrument (q), inst);
  ck_assert_str_eq (cirt_text_get (q->text, "fr"), "Quels secteurs sont couverts ?");
  /* Unknown language falls back to English. */
  ck_assert_str_eq (cirt_text_get (q->text, "es"), "Which sectors are covered?");
  ck_assert_str_eq (cirt_text_get (q->text, "fr_FR.UTF-8"), "Quels secteurs sont couverts ?");
  ck_assert (cirt_instrument_lookup_question (inst, "T-LAW-1")->critical);
  ck_assert_int_eq (cirt_instrument_lookup_question (inst, "T-LAW-1")->phase, CIRT_PHASE_DESIGN);
  ck_assert_str_eq (cirt_instrument_lookup_question (inst, "T-LAW-1")->refs[0], "SIM3 O-1");
  ck_assert_ptr_null (cirt_instrument_lookup_question (inst, "T-LAW-1")->ask);
}
END_TEST

START_TEST (test_ask_groups)
{
  g_autofree char *json = variant ("\"kind\":\"choice\",", "\"kind\":\"choice\",\"ask\":[\"regulator\",\"ci-energy\"],");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "ask.json", &error);
  const CirtQuestion *q;

  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  q = cirt_instrument_lookup_question (inst, "Q-2");
  ck_assert_uint_eq (g_strv_length (q->ask), 2);
  ck_assert_str_eq (q->ask[0], "regulator");
  ck_assert_str_eq (q->ask[1], "ci-energy");
  ck_assert (cirt_stakeholder_group_is_valid ("international-partners"));
  ck_assert (!cirt_stakeholder_group_is_valid ("Regulator"));
}
END_TEST

static const struct {
  const char *find;
  const char *replace;
  const char *expect;   /* substring of the error message */
} broken[] = {
  /* 0 */ { "\"id\":\"Q-2\"", "\"id\":\"Q-1\"", "sections[0].questions[1].id: duplicate id \"Q-1\"" },
  /* 1 */ { "\"pillar\":\"legal\"", "\"pillar\":\"economy\"", "sections[0].pillar: unknown pillar \"economy\"" },
  /* 2 */ { "\"kind\":\"choice\"", "\"kind\":\"slider\"", "sections[0].questions[1].kind: unknown kind \"slider\"" },
  /* 3 */ { "{\"level\":4,\"text\":{\"en\":\"e\",\"fr\":\"e\"}}", "{\"level\":5,\"text\":{\"en\":\"e\",\"fr\":\"e\"}}",
          "sections[0].questions[0].levels[4].level: levels must be 0, 1, 2, 3, 4 in order" },
  /* 4 */ { ",{\"level\":4,\"text\":{\"en\":\"e\",\"fr\":\"e\"}}", "",
          "sections[0].questions[0].levels: a level question needs exactly five levels" },
  /* 5 */ { "\"kind\":\"level\",\"weight\":1", "\"kind\":\"level\",\"weight\":-2",
          "sections[0].questions[0].weight: weight -2 is negative" },
  /* 6 */ { "\"text\":{\"en\":\"Q\",\"fr\":\"Q\"}", "\"text\":{\"fr\":\"Q\"}",
          "sections[0].questions[0].text: missing English (\"en\") text" },
  /* 7 */ { "\"score\":1}", "\"score\":1.5}", "sections[0].questions[1].options[1].score: score 1.5 is outside [0, 1]" },
  /* 8 */ { ",\"score\":1}", "}", "sections[0].questions[1].options[1].score: missing" },
  /* 9 */ { "\"pillars\":[{\"id\":\"legal\",\"weight\":1}],",
          "\"pillars\":[{\"id\":\"legal\",\"weight\":1}],\"levels\":["
          "{\"level\":1,\"min\":0,\"name\":{\"en\":\"a\"}},{\"level\":2,\"min\":30,\"name\":{\"en\":\"b\"}},"
          "{\"level\":3,\"min\":25,\"name\":{\"en\":\"c\"}},{\"level\":4,\"min\":60,\"name\":{\"en\":\"d\"}},"
          "{\"level\":5,\"min\":80,\"name\":{\"en\":\"e\"}}],",
          "levels[2].min: thresholds must ascend: 25 is not above 30" },
  /* 10 */ { "\"questions\":[", "\"questions\":[]},{\"id\":\"s2\",\"pillar\":\"legal\",\"title\":{\"en\":\"S2\"},\"questions\":[",
           "sections[0].questions: empty section" },
  /* 11 */ { "\"weight\":1,\"title\":{\"en\":\"S\"", "\"wieght\":1,\"title\":{\"en\":\"S\"", "sections[0].wieght: unknown key" },
  /* 12 */ { "\"format_version\":1", "\"format_version\":2", "format_version: version 2 is not supported" },
  /* 13 */ { "\"languages\":[\"en\",\"fr\"]", "\"languages\":[\"fr\"]", "languages: must include \"en\"" },
  /* 14 */ { "{\"id\":\"b\",", "{\"id\":\"a\",", "options[1].id: duplicate option id \"a\"" },
  /* 15 */ { "\"id\":\"s1\"", "\"id\":\"S 1\"", "sections[0].id: section id \"S 1\" must be" },
  /* 16 */ { "\"kind\":\"choice\",", "\"kind\":\"text\",", "sections[0].questions[1].options: only choice and checklist questions have options" },
  /* 17 */ { "\"kind\":\"level\",\"weight\":1,", "\"kind\":\"level\",\"weight\":\"heavy\",", "sections[0].questions[0].weight: must be a number" },
  /* 18 */ { "\"kind\":\"choice\",", "\"kind\":\"choice\",\"ask\":[\"regulator\",\"press\"],",
           "sections[0].questions[1].ask[1]: unknown stakeholder group \"press\"" },
  /* 19 */ { "\"kind\":\"choice\",", "\"kind\":\"choice\",\"ask\":[\"regulator\",\"regulator\"],",
           "sections[0].questions[1].ask[1]: \"regulator\" is listed twice" },
  /* 20 */ { "\"kind\":\"choice\",", "\"kind\":\"choice\",\"ask\":\"regulator\",",
           "sections[0].questions[1].ask: must be an array of stakeholder group ids" },
};

START_TEST (test_broken_refused)
{
  g_autofree char *json = variant (broken[_i].find, broken[_i].replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "broken.json", &error);

  ck_assert_msg (inst == NULL, "case %d loaded but should not", _i);
  ck_assert (g_error_matches (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_INVALID));
  ck_assert_msg (strstr (error->message, broken[_i].expect) != NULL,
                 "case %d: expected \"%s\" in:\n%s", _i, broken[_i].expect, error->message);
  /* Every line names the file. */
  ck_assert (g_str_has_prefix (error->message, "broken.json: "));
}
END_TEST

START_TEST (test_every_problem_reported)
{
  /* Two independent problems: both are listed, one per line. */
  g_autofree char *once = variant ("\"id\":\"Q-2\"", "\"id\":\"Q-1\"");
  GString *s = g_string_new (once);
  g_autofree char *twice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = NULL;

  g_string_replace (s, "\"pillar\":\"legal\"", "\"pillar\":\"economy\"", 1);
  twice = g_string_free (s, FALSE);
  inst = cirt_instrument_new_from_data (twice, -1, "two.json", &error);
  ck_assert_ptr_null (inst);
  ck_assert_ptr_nonnull (strstr (error->message, "duplicate id"));
  ck_assert_ptr_nonnull (strstr (error->message, "unknown pillar"));
  ck_assert_ptr_nonnull (strchr (error->message, '\n'));
}
END_TEST

START_TEST (test_not_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) a = cirt_instrument_new_from_data ("{\"id\": ", -1, "cut.json", &error);
  g_autoptr(CirtInstrument) b = NULL;
  g_autoptr(CirtInstrument) c = NULL;

  ck_assert_ptr_null (a);
  ck_assert (g_error_matches (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_PARSE));
  ck_assert_ptr_nonnull (strstr (error->message, "cut.json: not valid JSON"));
  g_clear_error (&error);

  b = cirt_instrument_new_from_data ("[1,2,3]", -1, "array.json", &error);
  ck_assert_ptr_null (b);
  ck_assert_ptr_nonnull (strstr (error->message, "top level must be a JSON object"));
  g_clear_error (&error);

  c = cirt_instrument_new_from_file ("/nonexistent/x.json", &error);
  ck_assert_ptr_null (c);
  ck_assert (g_error_matches (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_IO));
}
END_TEST

START_TEST (test_not_utf8)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data ("{\"id\":\"\xff\xfe\"}", -1, "bin.json", &error);
  ck_assert_ptr_null (inst);
  ck_assert_ptr_nonnull (strstr (error->message, "UTF-8"));
}
END_TEST

START_TEST (test_missing_translation_warns)
{
  g_autofree char *json = variant ("\"title\":{\"en\":\"S\",\"fr\":\"S\"}", "\"title\":{\"en\":\"S\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "w.json", &error);
  GPtrArray *warnings;

  ck_assert_ptr_nonnull (inst);
  warnings = cirt_instrument_get_warnings (inst);
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (g_ptr_array_index (warnings, 0), "w.json: sections[0].title: no \"fr\" text");
}
END_TEST

START_TEST (test_parse_values)
{
  g_autoptr(CirtInstrument) inst = cirt_test_load_fixture ("mini.json");
  const struct { const char *q, *in, *out; } ok[] = {
    { "T-LAW-1", "3", "3" }, { "T-LAW-1", " 0 ", "0" },
    { "T-LAW-2", "YES", "yes" }, { "T-LAW-2", "partial", "partial" },
    { "T-OPS-1", "adhoc", "adhoc" },
    { "T-OPS-2", "health, energy", "energy,health" }, { "T-OPS-2", "", "" },
    { "T-OPS-2", "finance,finance", "finance" },
    { "T-CTX-1", "=SUM(A1)", "=SUM(A1)" },
    { "T-CTX-2", "1250", "1250" }, { "T-CTX-2", "12.50", "12.5" },
    { "T-CTX-3", "2026-03-02", "2026-03-02" },
  };
  const struct { const char *q, *in, *expect; } bad[] = {
    { "T-LAW-1", "5", "takes 0, 1, 2, 3 or 4" }, { "T-LAW-1", "2.5", "takes 0, 1, 2, 3 or 4" },
    { "T-LAW-2", "maybe", "takes yes, partial or no" },
    { "T-OPS-1", "formal,adhoc", "one of: none, adhoc, formal" },
    { "T-OPS-2", "energy,water", "\"water\" is not an option" },
    { "T-CTX-2", "12x", "is not a number" }, { "T-CTX-2", "nan", "is not a number" },
    { "T-CTX-3", "2026-02-30", "YYYY-MM-DD" }, { "T-CTX-3", "02/03/2026", "YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *v = cirt_question_parse_value (cirt_instrument_lookup_question (inst, ok[i].q), ok[i].in, &error);
      ck_assert_msg (v != NULL, "%s %s: %s", ok[i].q, ok[i].in, error ? error->message : "");
      ck_assert_str_eq (v, ok[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *v = cirt_question_parse_value (cirt_instrument_lookup_question (inst, bad[i].q), bad[i].in, &error);
      ck_assert_msg (v == NULL, "%s \"%s\" was accepted as \"%s\"", bad[i].q, bad[i].in, v);
      ck_assert_msg (strstr (error->message, bad[i].expect) != NULL, "%s", error->message);
    }
}
END_TEST

START_TEST (test_score_values)
{
  g_autoptr(CirtInstrument) inst = cirt_test_load_fixture ("mini.json");
  const CirtQuestion *level = cirt_instrument_lookup_question (inst, "T-LAW-1");
  const CirtQuestion *yesno = cirt_instrument_lookup_question (inst, "T-LAW-2");
  const CirtQuestion *choice = cirt_instrument_lookup_question (inst, "T-OPS-1");
  const CirtQuestion *check = cirt_instrument_lookup_question (inst, "T-OPS-2");

  ck_assert_double_eq (cirt_question_score_value (level, "3"), 0.75);
  ck_assert_double_eq (cirt_question_score_value (level, "0"), 0);
  ck_assert_double_eq (cirt_question_score_value (yesno, "partial"), 0.5);
  ck_assert_double_eq (cirt_question_score_value (choice, "adhoc"), 0.5);
  /* energy weighs 2 of 4 */
  ck_assert_double_eq (cirt_question_score_value (check, "energy"), 0.5);
  ck_assert_double_eq (cirt_question_score_value (check, "energy,finance,health"), 1.0);
  ck_assert_double_eq (cirt_question_score_value (check, ""), 0.0);
  ck_assert (cirt_question_score_value (level, NULL) < 0);
  ck_assert (cirt_question_score_value (cirt_instrument_lookup_question (inst, "T-CTX-2"), "5") < 0);
}
END_TEST

START_TEST (test_describe_values)
{
  g_autoptr(CirtInstrument) inst = cirt_test_load_fixture ("mini.json");
  g_autofree char *a = cirt_question_describe_value (cirt_instrument_lookup_question (inst, "T-LAW-1"), "2", "fr");
  g_autofree char *b = cirt_question_describe_value (cirt_instrument_lookup_question (inst, "T-LAW-2"), "partial", "fr");
  g_autofree char *c = cirt_question_describe_value (cirt_instrument_lookup_question (inst, "T-OPS-2"), "energy,health", "en");
  g_autofree char *d = cirt_question_describe_value (cirt_instrument_lookup_question (inst, "T-CTX-2"), "12", "en");

  ck_assert_str_eq (a, "2 — Rédigé");
  ck_assert_str_eq (b, "Partiel");
  ck_assert_str_eq (c, "Energy; Health");
  ck_assert_str_eq (d, "12 incidents");
}
END_TEST

START_TEST (test_find_and_list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) by_id = cirt_instrument_find ("test-mini", &error);
  g_autoptr(CirtInstrument) missing = NULL;
  g_autoptr(GPtrArray) all = cirt_instrument_list_available (NULL);
  gboolean found = FALSE;

  ck_assert_msg (by_id != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (cirt_instrument_get_id (by_id), "test-mini");
  missing = cirt_instrument_find ("no-such-instrument", &error);
  ck_assert_ptr_null (missing);
  ck_assert (g_error_matches (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_NOT_FOUND));
  for (guint i = 0; i < all->len; i++)
    found |= strcmp (cirt_instrument_get_id (g_ptr_array_index (all, i)), "test-mini") == 0;
  ck_assert (found);
}
END_TEST

START_TEST (test_user_instrument_dir)
{
  /* An instrument dropped into $XDG_DATA_HOME/cirt-assess/instruments is found by id. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cirt-assess", "instruments", NULL);
  g_autofree char *json = variant ("\"id\":\"t\"", "\"id\":\"user-made\"");
  g_autofree char *path = g_build_filename (dir, "mine.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = NULL;

  g_mkdir_with_parents (dir, 0700);
  ck_assert (g_file_set_contents (path, json, -1, NULL));
  inst = cirt_instrument_find ("user-made", &error);
  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (cirt_instrument_get_origin (inst), path);
}
END_TEST

static Suite *
instrument_suite (void)
{
  Suite *s = suite_create ("instrument");
  TCase *tc = tcase_create ("loader");

  /* Listing what is available parses the three shipped instruments (six
   * languages each): seconds under the sanitizers on a loaded machine. */
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_base_loads);
  tcase_add_test (tc, test_fixture_loads);
  tcase_add_test (tc, test_ask_groups);
  tcase_add_loop_test (tc, test_broken_refused, 0, G_N_ELEMENTS (broken));
  tcase_add_test (tc, test_every_problem_reported);
  tcase_add_test (tc, test_not_json);
  tcase_add_test (tc, test_not_utf8);
  tcase_add_test (tc, test_missing_translation_warns);
  tcase_add_test (tc, test_find_and_list);
  tcase_add_test (tc, test_user_instrument_dir);
  suite_add_tcase (s, tc);

  tc = tcase_create ("values");
  tcase_add_test (tc, test_parse_values);
  tcase_add_test (tc, test_score_values);
  tcase_add_test (tc, test_describe_values);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (instrument_suite ());
}
