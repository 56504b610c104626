/* test-cli-compare.c — `cirt-assess-cli compare`, run as a program on the
 * comparison fixture (tests/test-compare.c has the hand computation): the
 * text tables, the JSON, refusals (exit 1) and usage errors (exit 2)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-test-util.h"

#define TOL 1e-9

static char *db;
static char *base_id, *follow_id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static void
setup (void)
{
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  db = cirt_test_tmp_path ("cli-compare.db");
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  follow_id = cirt_test_make_follow_up (store, NULL, &base_id);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&base_id, g_free);
  g_clear_pointer (&follow_id, g_free);
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

/* The line of @text that starts (after spaces) with @start, or NULL. */
static char *
line_starting (const char *text,
               const char *start)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), start))
      return g_strdup (lines[i]);
  return NULL;
}

/* The cells of a table line: split on runs of two spaces or more. */
static GStrv
cells (const char *line)
{
  g_autoptr(GRegex) re = g_regex_new ("  +", 0, 0, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  return g_regex_split (re, stripped, 0);
}

START_TEST (test_text)
{
  g_autofree char *out = NULL, *err = NULL, *legal = NULL, *tech = NULL, *overall = NULL, *law1 = NULL, *met = NULL;
  g_auto(GStrv) c = NULL;

  ck_assert_int_eq (CLI (&out, &err, "compare", follow_id), 0);
  ck_assert_msg (strstr (out, "Readiness 2024") && strstr (out, "Readiness 2026"), "%s", out);
  ck_assert_msg (strstr (out, "version 1.0.0 → 2.0.0 (1 question added, 1 removed)") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Warning") == NULL, "%s", out);

  /* The hand-computed scores, as shown: then, now, change. */
  legal = line_starting (out, "Legal  ");
  ck_assert_msg (legal != NULL, "%s", out);
  c = cells (legal);
  ck_assert_str_eq (c[1], "20.0");
  ck_assert_str_eq (c[2], "83.3");
  ck_assert_str_eq (c[3], "+63.3");
  ck_assert_str_eq (c[4], "2 Formative → 5 Dynamic");
  g_clear_pointer (&c, g_strfreev);
  tech = line_starting (out, "Technical and Procedural");
  c = cells (tech);
  ck_assert_str_eq (c[3], "−12.5");
  ck_assert_str_eq (c[5], "50% → 80%");
  g_clear_pointer (&c, g_strfreev);
  overall = line_starting (out, "Overall");
  c = cells (overall);
  ck_assert_str_eq (c[1], "47.5");
  ck_assert_str_eq (c[2], "72.9");
  ck_assert_str_eq (c[3], "+25.4");
  g_clear_pointer (&c, g_strfreev);

  /* The columns line up by display width: "Then" ends where "20.0" ends. */
  {
    g_autofree char *head = line_starting (out, "Pillar");
    g_autofree char *row = line_starting (out, "Legal  ");
    const char *h = strstr (head, "Then"), *r = strstr (row, "20.0");
    ck_assert_int_eq ((h - head) + 4, (r - row) + 4);
  }

  /* The lists under their headings. */
  ck_assert_msg (strstr (out, "\nImproved (2)\n") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "\nRegressed (1)\n") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "\nStill open (1)\n") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "\nQuestion removed (1)\n") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Unchanged (") == NULL, "unchanged questions are counted, not listed:\n%s", out);
  law1 = line_starting (out, "C-LAW-1");
  c = cells (law1);
  ck_assert_str_eq (c[2], "1 — Initial");
  ck_assert_str_eq (c[3], "3 — Largely");
  ck_assert_str_eq (c[4], "+50.0");
  g_clear_pointer (&c, g_strfreev);
  met = line_starting (out, "2  C-LAW-2");
  ck_assert_msg (met != NULL && strstr (met, "Adopt a cybercrime law.") != NULL, "%s", out);
}
END_TEST

START_TEST (test_text_french)
{
  g_autofree char *out = NULL, *err = NULL, *legal = NULL;
  g_auto(GStrv) c = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  ck_assert_int_eq (CLI (&out, &err, "compare", base_id, follow_id), 0);
  g_setenv ("LANGUAGE", "", TRUE);
  /* The terminal's language: French figures, words and instrument texts. */
  legal = line_starting (out, "Mesures juridiques");
  ck_assert_msg (legal != NULL, "%s", out);
  c = cells (legal);
  ck_assert_str_eq (c[1], "20,0");
  ck_assert_str_eq (c[3], "+63,3");
  ck_assert_msg (strstr (out, "Amélioré") != NULL || strstr (out, "Améliorée") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Existe-t-il une loi sur la cybercriminalit") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "Adopter une loi sur la cybercriminalité.") != NULL, "%s", out);
}
END_TEST

START_TEST (test_json)
{
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL;
  g_autoptr(JsonNode) root = NULL, root2 = NULL;
  JsonObject *o, *counts, *tech;
  JsonArray *questions;

  ck_assert_int_eq (CLI (&out, &err, "compare", follow_id, "--json"), 0);
  root = parse_json (out);
  o = json_node_get_object (root);
  ck_assert_str_eq (json_object_get_string_member (o, "format"), "cirt-comparison");
  ck_assert_int_eq (json_object_get_int_member (o, "format_version"), 1);
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (o, "old"), "id"), base_id);
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (o, "new"), "id"), follow_id);
  tech = json_array_get_object_element (json_object_get_array_member (o, "pillars"), 1);
  ck_assert_str_eq (json_object_get_string_member (tech, "id"), "technical");
  ck_assert (fabs (json_object_get_double_member (json_object_get_object_member (tech, "old"), "score") - 75) < TOL);
  ck_assert (fabs (json_object_get_double_member (json_object_get_object_member (tech, "new"), "score") - 62.5) < TOL);
  ck_assert (fabs (json_object_get_double_member (tech, "coverage_delta") - 0.3) < TOL);
  counts = json_object_get_object_member (o, "counts");
  ck_assert_int_eq (json_object_get_int_member (counts, "improved"), 2);
  ck_assert_int_eq (json_object_get_int_member (counts, "regressed"), 1);
  ck_assert_int_eq (json_object_get_int_member (counts, "open"), 1);
  questions = json_object_get_array_member (o, "questions");
  ck_assert_uint_eq (json_array_get_length (questions), 10);
  /* English by default, whatever the terminal. */
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (questions, 1), "new"),
                                                   "answer"), "Yes");

  /* compare OLD NEW prints the same. */
  ck_assert_int_eq (CLI (&out2, NULL, "compare", base_id, follow_id, "--json"), 0);
  root2 = parse_json (out2);
  ck_assert (json_node_equal (root, root2));
}
END_TEST

START_TEST (test_other_country)
{
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *b = NULL, *f = NULL, *out = NULL, *json = NULL;
  g_autoptr(JsonNode) root = NULL;

  f = cirt_test_make_follow_up (store, "Kingdom of Sample", &b);
  ck_assert_int_eq (CLI (&out, NULL, "compare", f), 0);
  ck_assert_msg (strstr (out, "Warning: The two assessments are of different countries (Republic of Example and "
                              "Kingdom of Sample)") != NULL, "%s", out);
  ck_assert_int_eq (CLI (&json, NULL, "compare", f, "--json"), 0);
  root = parse_json (json);
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "warnings")), 1);
}
END_TEST

static void
assert_exit (int         expected,
             const char *needle,
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
  ck_assert_msg (rc == expected, "exit %d, expected %d: %s", rc, expected, err);
  if (needle != NULL)
    ck_assert_msg (strstr (err, needle) != NULL, "no \"%s\" in: %s", needle, err);
  ck_assert_msg (out == NULL || *out == '\0', "a refusal prints nothing on stdout: %s", out);
}

START_TEST (test_refusals)
{
  g_autofree char *before = cirt_test_file_sha256 (db), *after = NULL;

  assert_exit (1, "cannot be compared with itself", "compare", follow_id, follow_id, NULL);
  assert_exit (1, "is not a follow-up", "compare", base_id, NULL);
  assert_exit (1, "no assessment", "compare", "ffffffff", follow_id, NULL);
  assert_exit (1, "no assessment", "compare", follow_id, "ffffffff", NULL);
  assert_exit (2, "no assessment id given", "compare", NULL);
  assert_exit (2, "too many arguments", "compare", base_id, follow_id, base_id, NULL);
  assert_exit (2, "xx", "compare", follow_id, "--lang", "xx", NULL);
  assert_exit (2, NULL, "compare", follow_id, "--bogus", NULL);
  after = cirt_test_file_sha256 (db);
  ck_assert_str_eq (before, after);

  /* The baseline deleted: nothing to compare with any more. */
  ck_assert_int_eq (CLI (NULL, NULL, "delete", base_id), 0);
  assert_exit (1, "is not a follow-up", "compare", follow_id, NULL);
  assert_exit (1, "no assessment", "compare", base_id, follow_id, NULL);
}
END_TEST

static Suite *
cli_compare_suite (void)
{
  Suite *s = suite_create ("cli-compare");
  TCase *tc = tcase_create ("compare");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_text);
  tcase_add_test (tc, test_text_french);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_other_country);
  tcase_add_test (tc, test_refusals);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_compare_suite ());
}
