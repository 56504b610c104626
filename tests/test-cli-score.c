/* test-cli-score.c — `cirt-assess-cli score` and `chart`, run as a program on
 * an assessment built with the CLI: numbers, refusals (exit 1) and usage
 * errors (exit 2)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-test-util.h"

#define TOL 1e-9

static char *db;
static char *id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

/* Whether @needle occurs in @len bytes of @data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "bad JSON: %s\n%s",
                 error ? error->message : "", text);
  return json_node_copy (json_parser_get_root (parser));
}

static void
cli_ok (const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list args;
  int rc;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  rc = cirt_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err);
  ck_assert_msg (rc == 0, "%s %s: exit %d: %s", first, argv->len > 4 ? (char *) argv->pdata[3] : "", rc, err);
}

/* The assessment of test-score.c's test_two_instruments, built with the CLI:
 * score-a then score-b, scenario 1 plus SB-LAW-1 2 and SB-COOP-1 partial;
 * targets legal 4, technical 3, capacity 2, cooperation 5. */
static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;
  static const char *answers[][2] = {
    { "SA-OPS-1", "p,r" }, { "SA-OPS-2", "2" }, { "SA-OPS-3", "three teams" }, { "SA-LAW-1", "3" },
    { "SA-LAW-2", "partial" }, { "SA-CRT-1", "yes" }, { "SA-CRT-2", "1" }, { "SA-GOV-1", "1" },
    { "SA-GOV-2", "no" }, { "SB-LAW-1", "2" }, { "SB-COOP-1", "partial" },
  };
  static const char *targets[][2] = { { "legal", "4" }, { "technical", "3" }, { "capacity", "2" }, { "cooperation", "5" } };
  int rc;

  db = cirt_test_tmp_path ("score.db");
  rc = CLI (&out, &err, "new", "--title", "Scoring mission", "--country", "Testland",
            "--instrument", "score-a", "--instrument", "score-b");
  ck_assert_msg (rc == 0, "new failed: %s", err);
  id = g_strdup (g_strstrip (out));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    cli_ok ("answer", id, answers[i][0], answers[i][1], NULL);
  cli_ok ("answer", id, "SA-LAW-3", "--na", "--notes", "no such court", NULL);
  /* A note typed before a value is decided: still unanswered. */
  cli_ok ("answer", id, "SA-TLS-1", "--notes", "ask the NOC", "--na", NULL);
  cli_ok ("unanswer", id, "SA-TLS-1", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    cli_ok ("target", id, targets[i][0], targets[i][1], NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

static JsonNode *
score_json (const char *lang)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc = lang ? CLI (&out, &err, "score", id, "--json", "--lang", lang) : CLI (&out, &err, "score", id, "--json");

  ck_assert_msg (rc == 0, "score failed: %s", err);
  return parse_json (out);
}

static void
assert_number (JsonObject *o,
               const char *member,
               double      expected)
{
  JsonNode *n = json_object_get_member (o, member);

  ck_assert_msg (n != NULL && !JSON_NODE_HOLDS_NULL (n), "%s is null", member);
  ck_assert_double_eq_tol (json_node_get_double (n), expected, TOL);
}

START_TEST (test_score_json_numbers)
{
  g_autoptr(JsonNode) root = score_json (NULL);
  JsonObject *o = json_node_get_object (root), *overall, *p;
  JsonArray *pillars, *sections, *recs, *capped;
  static const char *section_ids[] = { "a-ops", "a-tools", "a-law", "a-court", "a-gov", "a-skills", "b-law", "b-coop" };

  ck_assert_str_eq (json_object_get_string_member (o, "assessment"), id);

  /* overall = (1·109/192 + 2·2/3 + 1·.25 + 2·.5) / 6 = 605/1152 → 52.517…;
   * level 3 by score, capped at 2 by SA-GOV-1;
   * coverage (8 + 3 + 1 + 0 + 1) / (8 + 4 + 1 + 1 + 1) = 13/15. */
  overall = json_object_get_object_member (o, "overall");
  assert_number (overall, "score", 60500.0 / 1152.0);
  ck_assert_int_eq (json_object_get_int_member (overall, "level"), 2);
  ck_assert_str_eq (json_object_get_string_member (overall, "level_name"), "Formative");
  assert_number (overall, "coverage", 13.0 / 15.0);
  ck_assert (!json_object_get_boolean_member (overall, "provisional"));
  capped = json_object_get_array_member (overall, "capped_by");
  ck_assert_uint_eq (json_array_get_length (capped), 1);
  ck_assert_str_eq (json_array_get_string_element (capped, 0), "SA-GOV-1");

  pillars = json_object_get_array_member (o, "pillars");
  ck_assert_uint_eq (json_array_get_length (pillars), 5);
  /* legal = (2·2/3 + 1·.4375 + 1·.5) / 4 = 109/192 → 56.77, level 3, target 4, gap +1. */
  p = json_array_get_object_element (pillars, 0);
  ck_assert_str_eq (json_object_get_string_member (p, "id"), "legal");
  assert_number (p, "score", 10900.0 / 192.0);
  ck_assert_int_eq (json_object_get_int_member (p, "level"), 3);
  ck_assert_int_eq (json_object_get_int_member (p, "gap"), 1);
  /* technical = a-ops alone = 2/3 → 66.67, level 4; coverage 3/4 → provisional; gap 3 − 4. */
  p = json_array_get_object_element (pillars, 1);
  assert_number (p, "score", 200.0 / 3.0);
  assert_number (p, "coverage", 0.75);
  ck_assert (json_object_get_boolean_member (p, "provisional"));
  ck_assert_int_eq (json_object_get_int_member (p, "gap"), -1);
  /* organizational = .25 → 25 exactly, level 2, no target. */
  p = json_array_get_object_element (pillars, 2);
  ck_assert (json_object_get_double_member (p, "score") == 25.0);
  ck_assert (json_object_get_null_member (p, "target"));
  ck_assert (json_object_get_null_member (p, "gap"));
  /* capacity: nothing answered → null score and level, coverage 0, target 2, no gap. */
  p = json_array_get_object_element (pillars, 3);
  ck_assert (json_object_get_null_member (p, "score"));
  ck_assert (json_object_get_null_member (p, "level"));
  ck_assert (json_object_get_double_member (p, "coverage") == 0.0);
  ck_assert_int_eq (json_object_get_int_member (p, "target"), 2);
  ck_assert (json_object_get_null_member (p, "gap"));
  /* cooperation (from score-b, weight 2) = .5 → 50, level 3; gap 5 − 3. */
  p = json_array_get_object_element (pillars, 4);
  ck_assert (json_object_get_double_member (p, "score") == 50.0);
  ck_assert_int_eq (json_object_get_int_member (p, "level"), 3);
  ck_assert_int_eq (json_object_get_int_member (p, "gap"), 2);

  sections = json_object_get_array_member (o, "sections");
  ck_assert_uint_eq (json_array_get_length (sections), G_N_ELEMENTS (section_ids));
  for (guint i = 0; i < G_N_ELEMENTS (section_ids); i++)
    {
      JsonObject *s = json_array_get_object_element (sections, i);
      ck_assert_str_eq (json_object_get_string_member (s, "id"), section_ids[i]);
      ck_assert_str_eq (json_object_get_string_member (s, "instrument"), i < 6 ? "score-a" : "score-b");
    }
  /* a-court (1 + 3·.25)/4 = 43.75; a-law 3 of 3 answered (one N/A);
   * a-tools: the note-only answer leaves it unanswered. */
  ck_assert (json_object_get_double_member (json_array_get_object_element (sections, 3), "score") == 43.75);
  ck_assert_int_eq (json_object_get_int_member (json_array_get_object_element (sections, 2), "answered"), 3);
  ck_assert (json_object_get_null_member (json_array_get_object_element (sections, 1), "score"));
  ck_assert_int_eq (json_object_get_int_member (json_array_get_object_element (sections, 1), "answered"), 0);
  /* b-law 50 is level 2 by score-b's own thresholds (30/55/…). */
  ck_assert_int_eq (json_object_get_int_member (json_array_get_object_element (sections, 6), "level"), 2);

  /* Priorities: the 1.0 tie SA-LAW-1, SA-LAW-2, SA-OPS-1, SA-OPS-2, SB-COOP-1,
   * then SA-GOV-1 .75, SB-LAW-1 .5, SA-GOV-2 0. */
  recs = json_object_get_array_member (o, "recommendations");
  ck_assert_uint_eq (json_array_get_length (recs), 8);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (recs, 0), "question"), "SA-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (recs, 4), "question"), "SB-COOP-1");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (recs, 4), "pillar"), "cooperation");
  assert_number (json_array_get_object_element (recs, 5), "priority", 0.75);
  assert_number (json_array_get_object_element (recs, 5), "score", 25.0);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (recs, 0), "text"), "Act on SA-LAW-1.");
}
END_TEST

START_TEST (test_score_follows_changes)
{
  /* Unanswering SA-GOV-1 lifts the cap: organizational then rests on
   * SA-GOV-2 (weight 0) alone → undefined; overall =
   * (109/192 + 2·2/3 + 2·.5) / 5 = 557/960 → 58.02, level 3. */
  g_autoptr(JsonNode) root = NULL;
  JsonObject *overall;

  cli_ok ("unanswer", id, "SA-GOV-1", NULL);
  root = score_json (NULL);
  overall = json_object_get_object_member (json_node_get_object (root), "overall");
  assert_number (overall, "score", 55700.0 / 960.0);
  ck_assert_int_eq (json_object_get_int_member (overall, "level"), 3);
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (overall, "capped_by")), 0);
}
END_TEST

START_TEST (test_score_lang)
{
  g_autoptr(JsonNode) root = score_json ("fr");
  JsonObject *o = json_node_get_object (root);
  JsonObject *legal = json_array_get_object_element (json_object_get_array_member (o, "pillars"), 0);
  JsonObject *rec = json_array_get_object_element (json_object_get_array_member (o, "recommendations"), 0);

  ck_assert_str_eq (json_object_get_string_member (legal, "title"), "Mesures juridiques");
  ck_assert_str_eq (json_object_get_string_member (legal, "level_name"), "Établi");
  ck_assert_str_eq (json_object_get_string_member (rec, "text"), "Agir sur SA-LAW-1.");
}
END_TEST

START_TEST (test_score_text)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *prefix = g_strndup (id, 8);
  int rc = CLI (&out, &err, "score", prefix);

  ck_assert_msg (rc == 0, "%s", err);
  ck_assert_msg (strstr (out, "Scoring mission") != NULL, "%s", out);
  /* 52.517… is shown cut to 52.5, level 2 with the cap and its cause. */
  ck_assert_msg (strstr (out, "52.5") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "2 Formative") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "level 3 without the cap") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "SA-GOV-1") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Technical and Procedural") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "75%*") != NULL, "provisional mark missing: %s", out);
  ck_assert_msg (strstr (out, "43.7") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Act on SA-LAW-1.") != NULL, "%s", out);
  ck_assert_str_eq (err, "");
}
END_TEST

/* ------------------------------------------------------------------------ */

START_TEST (test_chart_files)
{
  g_autofree char *dir = cirt_test_tmp_path ("cli-score-charts");
  g_autofree char *png = g_build_filename (dir, "radar.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "sections.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "coverage.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *data = NULL;
  cairo_surface_t *s;
  gsize len;

  g_mkdir_with_parents (dir, 0700);
  /* Default size: 800 wide, as tall as the chart needs. */
  ck_assert_int_eq (CLI (&out, &err, "chart", id, "--kind", "radar", "--out", png), 0);
  s = cairo_image_surface_create_from_png (png);
  ck_assert_int_eq (cairo_surface_status (s), CAIRO_STATUS_SUCCESS);
  ck_assert_int_eq (cairo_image_surface_get_width (s), 800);
  ck_assert (cairo_image_surface_get_height (s) > 400);
  cairo_surface_destroy (s);

  ck_assert_int_eq (CLI (NULL, NULL, "chart", id, "--kind", "sections", "--out", svg, "--width", "900",
                         "--height", "700", "--lang", "fr", "--dark"), 0);
  ck_assert (g_file_get_contents (svg, &data, &len, NULL));
  ck_assert (strstr (data, "width=\"900px\" height=\"700px\"") != NULL);
  g_clear_pointer (&data, g_free);

  ck_assert_int_eq (CLI (NULL, NULL, "chart", id, "--kind", "coverage", "--out", pdf, "--width", "595",
                         "--height", "842"), 0);
  ck_assert (g_file_get_contents (pdf, &data, &len, NULL));
  ck_assert (memcmp (data, "%PDF-", 5) == 0);
  ck_assert (contains_bytes (data, len, "/MediaBox [ 0 0 595 842 ]"));
}
END_TEST

static void
assert_exit (int         expected,
             const char *what,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list args;
  int rc;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  rc = cirt_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err);
  ck_assert_msg (rc == expected, "%s: exit %d, expected %d (%s)", what, rc, expected, err);
  ck_assert_msg (g_str_has_prefix (err, "cirt-assess-cli"), "%s: no message: \"%s\"", what, err);
  ck_assert_msg (strlen (err) > 20, "%s: message too short: \"%s\"", what, err);
  ck_assert_msg (strcmp (out, "") == 0, "%s: printed on stdout: %s", what, out);
}

START_TEST (test_refusals)
{
  g_autofree char *dir = cirt_test_tmp_path ("refused");
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "x.png", NULL);
  g_autofree char *notdb = cirt_test_write_tmp ("not-a-db", "this is not SQLite at all, just some text\n");
  g_autofree char *out = NULL, *err = NULL;

  g_mkdir_with_parents (dir, 0700);
  assert_exit (1, "unknown id", "score", "ffffffff", NULL);
  assert_exit (1, "unknown id (chart)", "chart", "ffffffff", "--kind", "radar", "--out", "/tmp/x.png", NULL);
  assert_exit (1, "missing directory", "chart", id, "--kind", "radar", "--out", missing, NULL);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", notdb, "score", id, NULL), 1);
  ck_assert (strlen (err) > 0);
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autofree char *dir = cirt_test_tmp_path ("usage");
  g_autofree char *png = g_build_filename (dir, "x.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "x.gif", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_mkdir_with_parents (dir, 0700);
  assert_exit (2, "score without id", "score", NULL);
  assert_exit (2, "score, two ids", "score", id, id, NULL);
  assert_exit (2, "score, unknown option", "score", id, "--csv", NULL);
  assert_exit (2, "score, empty lang", "score", id, "--lang", "", NULL);
  assert_exit (2, "chart without id", "chart", "--kind", "radar", "--out", png, NULL);
  assert_exit (2, "chart without kind", "chart", id, "--out", png, NULL);
  assert_exit (2, "chart, unknown kind", "chart", id, "--kind", "pie", "--out", png, NULL);
  assert_exit (2, "chart without out", "chart", id, "--kind", "radar", NULL);
  assert_exit (2, "chart, unknown format", "chart", id, "--kind", "radar", "--out", gif, NULL);
  assert_exit (2, "chart, tiny width", "chart", id, "--kind", "radar", "--out", png, "--width", "5", NULL);
  assert_exit (2, "chart, huge height", "chart", id, "--kind", "radar", "--out", png, "--height", "99999", NULL);
  assert_exit (2, "chart, width not a number", "chart", id, "--kind", "radar", "--out", png, "--width", "wide", NULL);
  ck_assert (!g_file_test (png, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (gif, G_FILE_TEST_EXISTS));

  ck_assert_int_eq (CLI (&out, &err, "chart", "--help"), 0);
  ck_assert (strstr (out, "--kind") != NULL);
}
END_TEST

static Suite *
cli_score_suite (void)
{
  Suite *s = suite_create ("cli-score");
  TCase *tc = tcase_create ("score");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_score_json_numbers);
  tcase_add_test (tc, test_score_follows_changes);
  tcase_add_test (tc, test_score_lang);
  tcase_add_test (tc, test_score_text);
  tcase_add_test (tc, test_chart_files);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_usage_errors);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_score_suite ());
}
