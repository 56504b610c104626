/* test-cli-sessions.c — `cirt-assess-cli session`, `statement`, `plan` and
 * `answer --session`, run as a program: what they print, the JSON of
 * `show`, refusals (exit 1, the database unchanged) and usage errors (2)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-test-util.h"

static char *db;
static char *id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static char *
first_line (const char *text)
{
  const char *nl = strchr (text, '\n');
  return nl ? g_strndup (text, nl - text) : g_strdup (text);
}

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;

  db = cirt_test_tmp_path ("cli-sessions.db");
  ck_assert_int_eq (CLI (&out, &err, "new", "--title", "Mission", "--country", "Examplia", "--instrument",
                         "test-mini"), 0);
  id = first_line (out);
  ck_assert_int_eq (CLI (NULL, NULL, "stakeholder", id, "add", "--name", "Amina Diallo", "--organisation",
                         "Police cybercrime unit", "--sector", "law-enforcement"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "stakeholder", id, "add", "--name", "Karim Haddad", "--organisation",
                         "ISP association", "--sector", "isp-telecom"), 0);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
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

static JsonNode *
show_json (void)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_msg (CLI (&out, &err, "show", id, "--json") == 0, "%s", err);
  return parse_json (out);
}

static char *
add_session (void)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_msg (CLI (&out, &err, "session", id, "add", "--date", "2026-03-03", "--start", "09:30", "--end", "11:00",
                      "--place", "Ministry of ICT", "--stakeholder", "amina diallo", "--stakeholder", "2",
                      "--assessor", "Marie Dupont", "--assessor", "John Smith", "--section", "law", "--section",
                      "ops", "--author", "Marie Dupont") == 0, "%s", err);
  return first_line (out);
}

static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (db);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, " ", b, NULL);
}

/* Runs a command that must be refused (exit 1) with @expected in its
 * message and nothing written. */
static void
assert_refused (const char *expected,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL, *before = db_state (), *after = NULL;
  va_list args;
  int status;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = cirt_test_run_cli_argv ((const char * const *) argv->pdata, NULL, &err);
  ck_assert_msg (status == 1, "exit %d, expected 1 (%s): %s", status, expected, err);
  ck_assert_msg (strstr (err, expected) != NULL, "expected \"%s\" in: %s", expected, err);
  ck_assert_uint_lt (strlen (err), 1000);
  after = db_state ();
  ck_assert_str_eq (before, after);
}

START_TEST (test_session_commands)
{
  g_autofree char *uuid = add_session ();
  g_autofree char *out = NULL, *err = NULL, *prefix = g_strndup (uuid, 8);
  g_autoptr(JsonNode) list = NULL;
  JsonObject *s;

  ck_assert (g_uuid_string_is_valid (uuid));
  ck_assert_int_eq (CLI (&out, &err, "session", id, "list"), 0);
  ck_assert_msg (strstr (out, prefix) && strstr (out, "2026-03-03 09:30–11:00") &&
                 strstr (out, "Amina Diallo, Karim Haddad") && strstr (out, "law ops"), "%s", out);
  g_clear_pointer (&out, g_free);

  ck_assert_int_eq (CLI (&out, &err, "session", id, "list", "--json"), 0);
  list = parse_json (out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (list)), 1);
  s = json_array_get_object_element (json_node_get_array (list), 0);
  ck_assert_str_eq (json_object_get_string_member (s, "id"), uuid);
  ck_assert_str_eq (json_object_get_string_member (s, "date"), "2026-03-03");
  ck_assert_str_eq (json_object_get_string_member (s, "place"), "Ministry of ICT");
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (s, "stakeholder_names"), 1),
                    "Karim Haddad");
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (s, "assessors"), 0), "Marie Dupont");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (s, "sections")), 2);
  g_clear_pointer (&out, g_free);

  /* edit: only what is given changes. */
  ck_assert_msg (CLI (&out, &err, "session", id, "edit", prefix, "--place", "Regulator", "--no-sections") == 0, "%s",
                 err);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "session", id, "show", prefix, "--json"), 0);
  {
    g_autoptr(JsonNode) one = parse_json (out);
    JsonObject *o = json_node_get_object (one);
    ck_assert_str_eq (json_object_get_string_member (o, "place"), "Regulator");
    ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (o, "sections")), 0);
    ck_assert_str_eq (json_object_get_string_member (o, "start_time"), "09:30");
    ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (o, "stakeholders")), 2);
  }
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "session", id, "show", prefix), 0);
  ck_assert_msg (strstr (out, "Regulator") && strstr (out, "Marie Dupont, John Smith"), "%s", out);
  g_clear_pointer (&out, g_free);

  /* remove */
  ck_assert_int_eq (CLI (&out, &err, "session", id, "remove", prefix), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "session", id, "list", "--json"), 0);
  ck_assert_str_eq (g_strstrip (out), "[]");
  assert_refused ("no interview session", "session", id, "show", prefix, NULL);
}
END_TEST

START_TEST (test_answer_in_session)
{
  g_autofree char *uuid = add_session ();
  g_autofree char *prefix = g_strndup (uuid, 8);
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *answers;
  JsonObject *a, *interview;
  JsonArray *people;

  ck_assert_msg (CLI (NULL, &err, "answer", id, "T-LAW-2", "yes", "--session", prefix, "--author", "Marie") == 0, "%s",
                 err);
  shown = show_json ();
  answers = json_object_get_array_member (json_node_get_object (shown), "answers");
  ck_assert_uint_eq (json_array_get_length (answers), 1);
  a = json_array_get_object_element (answers, 0);
  ck_assert_str_eq (json_object_get_string_member (a, "session"), uuid);
  /* The source as data, without typing it: the session, its date, who was there. */
  interview = json_object_get_object_member (a, "interview");
  ck_assert_ptr_nonnull (interview);
  ck_assert_str_eq (json_object_get_string_member (interview, "id"), uuid);
  ck_assert_str_eq (json_object_get_string_member (interview, "date"), "2026-03-03");
  people = json_object_get_array_member (interview, "stakeholders");
  ck_assert_uint_eq (json_array_get_length (people), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (people, 0), "name"), "Amina Diallo");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (people, 1), "organisation"),
                    "ISP association");
  /* show --json has the sessions and the stakeholders' UUIDs. */
  {
    JsonObject *root = json_node_get_object (shown);
    JsonArray *sessions = json_object_get_array_member (root, "sessions");
    JsonArray *stakeholders = json_object_get_array_member (root, "stakeholders");
    ck_assert_uint_eq (json_array_get_length (sessions), 1);
    ck_assert (g_uuid_string_is_valid (
      json_object_get_string_member (json_array_get_object_element (stakeholders, 0), "uuid")));
    ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (root, "statements")), 0);
  }

  assert_refused ("no interview session", "answer", id, "T-LAW-1", "2", "--session", "deadbeef", NULL);
  assert_refused ("no interview session", "answer", id, "T-LAW-1", "2", "--session", "%", NULL);
}
END_TEST

START_TEST (test_statements)
{
  g_autofree char *uuid = add_session ();
  g_autofree char *out = NULL, *err = NULL, *st = NULL;
  g_autofree char *big = NULL, *big_path = NULL, *limit_path = NULL;
  g_autoptr(JsonNode) shown = NULL;

  ck_assert_msg (CLI (&out, &err, "statement", id, "add", "T-LAW-2", "--stakeholder", "Karim Haddad", "--session",
                      uuid, "--text", "There is no cybercrime law.") == 0, "%s", err);
  st = first_line (out);
  ck_assert (g_uuid_string_is_valid (st));
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "statement", id, "add", "T-LAW-2", "--stakeholder", "1", "--text",
                         "The law was adopted in 2024."), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "statement", id, "list", "T-LAW-2"), 0);
  ck_assert_msg (strstr (out, "Karim Haddad") && strstr (out, "There is no cybercrime law.") &&
                 strstr (out, "Amina Diallo") && strstr (out, "adopted in 2024"), "%s", out);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "statement", id, "list", "T-LAW-1", "--json"), 0);
  ck_assert_str_eq (g_strstrip (out), "[]");

  /* In show --json, with who said it. */
  shown = show_json ();
  {
    JsonArray *list = json_object_get_array_member (json_node_get_object (shown), "statements");
    JsonObject *first = json_array_get_object_element (list, 0);
    ck_assert_uint_eq (json_array_get_length (list), 2);
    ck_assert_str_eq (json_object_get_string_member (first, "id"), st);
    ck_assert_str_eq (json_object_get_string_member (first, "stakeholder_name"), "Karim Haddad");
    ck_assert_str_eq (json_object_get_string_member (first, "session"), uuid);
    ck_assert_str_eq (json_object_get_string_member (first, "question"), "T-LAW-2");
  }

  /* Refusals, with the database left as it was. */
  assert_refused ("no stakeholder Nobody", "statement", id, "add", "T-LAW-2", "--stakeholder", "Nobody", "--text",
                  "x", NULL);
  assert_refused ("no question \"T-NOPE\"", "statement", id, "add", "T-NOPE", "--stakeholder", "1", "--text", "x",
                  NULL);
  assert_refused ("no interview session", "statement", id, "add", "T-LAW-2", "--stakeholder", "1", "--session",
                  "0000", "--text", "x", NULL);
  {
    GString *text = g_string_new (NULL);
    while (text->len < 10 * 1024 * 1024)
      g_string_append (text, "What the minister said, again and again. ");
    big = g_string_free (text, FALSE);
  }
  big_path = cirt_test_write_tmp ("statement-10mb.txt", big);
  assert_refused ("at most 64 KB", "statement", id, "add", "T-LAW-2", "--stakeholder", "1", "--text-file", big_path,
                  NULL);
  big[64 * 1024] = '\0';
  limit_path = cirt_test_write_tmp ("statement-64k.txt", big);
  ck_assert_int_eq (CLI (NULL, &err, "statement", id, "add", "T-LAW-1", "--stakeholder", "1", "--text-file",
                         limit_path), 0);

  /* remove */
  ck_assert_int_eq (CLI (NULL, &err, "statement", id, "remove", st), 0);
  assert_refused ("no statement", "statement", id, "remove", st, NULL);
}
END_TEST

START_TEST (test_session_refused)
{
  assert_refused ("no stakeholder Nobody", "session", id, "add", "--date", "2026-03-03", "--stakeholder", "Nobody",
                  NULL);
  assert_refused ("no section \"nope\"", "session", id, "add", "--date", "2026-03-03", "--section", "nope", NULL);
  assert_refused ("is not a date", "session", id, "add", "--date", "2026-02-30", NULL);
  assert_refused ("end before it starts", "session", id, "add", "--date", "2026-03-03", "--start", "10:00", "--end",
                  "09:00", NULL);
  assert_refused ("reorders the text", "session", id, "add", "--date", "2026-03-03", "--assessor",
                  "John \u202eSmith", NULL);
  assert_refused ("control character", "session", id, "add", "--date", "2026-03-03", "--place", "Room\x1b[2J",
                  NULL);
  assert_refused ("no interview session", "session", id, "edit", "abcdef", "--place", "x", NULL);

  /* Usage errors: exit 2. */
  ck_assert_int_eq (CLI (NULL, NULL, "session", id, "add"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "session", id, "frobnicate"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "session", id, "list", "--place", "x"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "statement", id, "add", "T-LAW-2", "--stakeholder", "1"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "plan"), 2);
}
END_TEST

START_TEST (test_plan)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) plan = NULL;
  JsonArray *sections, *uncovered;

  ck_assert_int_eq (CLI (&out, &err, "plan", id, "--json"), 0);
  plan = parse_json (out);
  uncovered = json_object_get_array_member (json_node_get_object (plan), "uncovered");
  ck_assert_uint_eq (json_array_get_length (uncovered), 3);
  g_clear_pointer (&plan, json_node_unref);
  g_clear_pointer (&out, g_free);

  g_free (add_session ());
  ck_assert_int_eq (CLI (&out, &err, "plan", id, "--json"), 0);
  plan = parse_json (out);
  sections = json_object_get_array_member (json_node_get_object (plan), "sections");
  uncovered = json_object_get_array_member (json_node_get_object (plan), "uncovered");
  ck_assert_uint_eq (json_array_get_length (sections), 3);
  {
    JsonObject *law = json_array_get_object_element (sections, 0);
    ck_assert_str_eq (json_object_get_string_member (law, "section"), "law");
    ck_assert_str_eq (json_object_get_string_member (law, "state"), "covered");
    ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (law, "groups_met"), 0),
                      "law-enforcement");
  }
  ck_assert_uint_eq (json_array_get_length (uncovered), 1);
  ck_assert_str_eq (json_array_get_string_element (uncovered, 0), "context");
  g_clear_pointer (&out, g_free);

  ck_assert_int_eq (CLI (&out, &err, "plan", id), 0);
  ck_assert_msg (strstr (out, "Law enforcement and justice") && strstr (out, "not planned") &&
                 strstr (out, "1 section is not covered"), "%s", out);
}
END_TEST

START_TEST (test_help)
{
  const char *commands[] = { "session", "statement", "plan" };
  g_autofree char *out = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--help", NULL), 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *help = NULL;
      ck_assert_msg (strstr (out, commands[i]) != NULL, "%s missing from --help", commands[i]);
      ck_assert_int_eq (cirt_test_run_cli (&help, NULL, commands[i], "--help", NULL), 0);
      ck_assert_msg (strstr (help, "Usage:") != NULL, "%s --help: %s", commands[i], help);
    }
}
END_TEST

static Suite *
cli_sessions_suite (void)
{
  Suite *s = suite_create ("cli-sessions");
  TCase *tc = tcase_create ("commands");

  tcase_set_timeout (tc, 240);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_session_commands);
  tcase_add_test (tc, test_answer_in_session);
  tcase_add_test (tc, test_statements);
  tcase_add_test (tc, test_session_refused);
  tcase_add_test (tc, test_plan);
  tcase_add_test (tc, test_help);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_sessions_suite ());
}
