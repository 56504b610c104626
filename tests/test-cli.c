/* test-cli.c — cirt-assess-cli, run as a program: every command, its output,
 * its refusals (exit 1) and usage errors (exit 2)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <string.h>

#include "cirt-test-util.h"

static char *db;
static char *id;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "bad JSON: %s\n%s",
                 error ? error->message : "", text);
  return json_node_copy (json_parser_get_root (parser));
}

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc;

  db = cirt_test_tmp_path ("cli.db");
  rc = CLI (&out, &err, "new", "--title", "Readiness mission", "--country", "Examplia",
            "--organisation", "Ministry of ICT", "--phase", "design", "--instrument", "test-mini",
            "--assessor", "Lead Person");
  ck_assert_msg (rc == 0, "new failed: %s", err);
  id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (strlen (id), 36);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

static JsonObject *
show_json (JsonNode **keep)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc = CLI (&out, &err, "show", id, "--json");

  ck_assert_msg (rc == 0, "show failed: %s", err);
  *keep = parse_json (out);
  return json_node_get_object (*keep);
}

static JsonObject *
find_answer (JsonObject *show,
             const char *question)
{
  JsonArray *answers = json_object_get_array_member (show, "answers");
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (strcmp (json_object_get_string_member (a, "question"), question) == 0)
        return a;
    }
  return NULL;
}

START_TEST (test_help_everywhere)
{
  const char *commands[] = { "instruments", "validate", "new", "edit", "list", "show", "answer", "unanswer",
                             "target", "stakeholder", "finding", "delete", "demo", "merge-export", "import",
                             "conflicts", "compare", "portfolio" };
  g_autofree char *out = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--help", NULL), 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *help = NULL;
      ck_assert_msg (strstr (out, commands[i]) != NULL, "%s missing from --help", commands[i]);
      ck_assert_int_eq (cirt_test_run_cli (&help, NULL, commands[i], "--help", NULL), 0);
      ck_assert_msg (strstr (help, "Usage:") != NULL && strstr (help, commands[i]) != NULL, "%s --help: %s", commands[i], help);
    }
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autofree char *err = NULL;

  const char *none[] = { NULL };

  ck_assert_int_eq (cirt_test_run_cli_argv (none, NULL, NULL), 2);
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "frobnicate", NULL), 2);
  ck_assert_ptr_nonnull (strstr (err, "unknown command"));
  ck_assert_int_eq (CLI (NULL, NULL, "new", "--country", "X", "--instrument", "test-mini"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "new", "--title", "X", "--country", "X"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "new", "--title", "X", "--country", "X", "--instrument", "test-mini", "--phase", "launch"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "show"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "list", "--bogus"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "stakeholder", id, "remove", "--name", "x", "--organisation", "y"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "target", id, "legal"), 2);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "validate", NULL), 2);
}
END_TEST

START_TEST (test_instruments)
{
  g_autofree char *out = NULL, *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  gboolean found = FALSE;

  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "instruments", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "test-mini"));
  ck_assert_int_eq (cirt_test_run_cli (&json, NULL, "instruments", "--json", NULL), 0);
  root = parse_json (json);
  arr = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      if (strcmp (json_object_get_string_member (o, "id"), "test-mini") == 0)
        {
          found = TRUE;
          ck_assert_int_eq (json_object_get_int_member (o, "questions"), 7);
          ck_assert_int_eq (json_object_get_int_member (o, "scored"), 4);
        }
    }
  ck_assert (found);
}
END_TEST

START_TEST (test_validate)
{
  g_autofree char *good = cirt_test_fixture ("mini.json");
  g_autofree char *bad = cirt_test_write_tmp ("bad.json", "{\"format\":\"cirt-instrument\",\"format_version\":1}");
  g_autofree char *out = NULL, *err = NULL, *err2 = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "validate", good, NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "test-mini 1.0.0"));
  ck_assert_ptr_nonnull (strstr (out, "0 warnings"));
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err2, "validate", good, bad, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err2, "bad.json: id: missing"));
  ck_assert_ptr_nonnull (strstr (err2, "bad.json: sections: missing"));
}
END_TEST

/* An instrument that declares a language it does not complete: validate
 * names every string that lacks it (here the test instrument declares
 * Arabic, which it has nowhere). */
START_TEST (test_validate_incomplete_language)
{
  g_autofree char *path = cirt_test_fixture ("mini.json"), *text = NULL, *out = NULL, *err = NULL;
  g_autofree char *declared = NULL, *copy = NULL, *count = NULL;
  guint n_texts = 0;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (text, "\"languages\": [\"en\", \"fr\"]"));
  {
    g_auto(GStrv) parts = g_strsplit (text, "\"languages\": [\"en\", \"fr\"]", 2);
    declared = g_strjoinv ("\"languages\": [\"en\", \"fr\", \"ar\"]", parts);
  }
  copy = cirt_test_write_tmp ("mini-ar.json", declared);
  /* Every text of the file is an object with an "en" key. */
  for (const char *p = text; (p = strstr (p, "{\"en\":")) != NULL; p++)
    n_texts++;
  ck_assert_uint_gt (n_texts, 10);

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "validate", copy, NULL), 0);
  count = g_strdup_printf ("%u warnings", n_texts);
  ck_assert_msg (strstr (out, count) != NULL, "expected %s:\n%s", count, out);
  ck_assert_msg (strstr (err, "mini-ar.json: title: no \"ar\" text") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "sections[0].title: no \"ar\" text") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "no \"fr\" text") == NULL, "%s", err);
}
END_TEST

/* validate checks refs against a registry of known references: the one
 * named, or the references.json beside the instruments' folder. */
START_TEST (test_validate_references)
{
  g_autofree char *good = cirt_test_fixture ("mini.json");
  g_autofree char *known = cirt_test_write_tmp ("known.json",
    "{\"format\":\"cirt-references\",\"format_version\":1,\"references\":["
    "{\"id\":\"SIM3 O-1\",\"framework\":\"SIM3\",\"edition\":\"v1\",\"item\":\"O-1\","
    "\"url\":\"https://example.org/\",\"verified\":false,\"note\":\"test\"}]}");
  g_autofree char *other = cirt_test_write_tmp ("other.json",
    "{\"format\":\"cirt-references\",\"format_version\":1,\"references\":[]}");
  g_autofree char *twice = cirt_test_write_tmp ("twice.json",
    "{\"format\":\"cirt-references\",\"format_version\":1,\"references\":["
    "{\"id\":\"A\",\"framework\":\"F\",\"edition\":\"1\",\"item\":\"A\",\"url\":\"https://e/\",\"verified\":true},"
    "{\"id\":\"A\",\"framework\":\"F\",\"edition\":\"1\",\"item\":\"A\",\"url\":\"https://e/\",\"verified\":true}]}");
  g_autofree char *untyped = cirt_test_write_tmp ("untyped.json",
    "{\"format\":\"cirt-references\",\"format_version\":1,\"references\":["
    "{\"id\":\"A\",\"framework\":\"F\",\"edition\":\"1\",\"item\":\"A\",\"url\":\"https://e/\",\"verified\":\"yes\"}]}");
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *err3 = NULL, *err4 = NULL;
  g_autofree char *out5 = NULL, *err5 = NULL;
  g_autofree char *dir = NULL, *sub = NULL, *placed = NULL, *beside = NULL, *mini = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "validate", "--references", known, good, NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "0 warnings"));
  ck_assert_int_eq (cirt_test_run_cli (&out2, &err2, "validate", "--references", other, good, NULL), 0);
  ck_assert_ptr_nonnull (strstr (out2, "1 warning"));
  ck_assert_ptr_nonnull (strstr (err2, "mini.json: sections[0].questions[0].refs[0]: unknown reference \"SIM3 O-1\""));
  /* A broken registry is refused, with its file and JSON path. */
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err3, "validate", "--references", twice, good, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err3, "twice.json: references[1].id: \"A\" is listed twice"));
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err4, "validate", "--references", untyped, good, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err4, "untyped.json: references[0].verified: must be true or false"));
  /* DIR/instruments/x.json is checked against DIR/references.json. */
  ck_assert (g_file_get_contents (good, &mini, NULL, NULL));
  dir = g_path_get_dirname (other);
  sub = g_build_filename (dir, "instruments", NULL);
  ck_assert_int_eq (g_mkdir_with_parents (sub, 0700), 0);
  placed = g_build_filename (sub, "mini.json", NULL);
  beside = g_build_filename (dir, "references.json", NULL);
  ck_assert (g_file_set_contents (placed, mini, -1, NULL));
  ck_assert (g_file_set_contents (beside, "{\"format\":\"cirt-references\",\"format_version\":1,\"references\":[]}", -1, NULL));
  ck_assert_int_eq (cirt_test_run_cli (&out5, &err5, "validate", placed, NULL), 0);
  ck_assert_ptr_nonnull (strstr (err5, "unknown reference \"SIM3 O-1\""));
  ck_assert_ptr_nonnull (strstr (out5, "1 warning"));
}
END_TEST

START_TEST (test_new_list_show)
{
  g_autofree char *out = NULL, *list = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *o;

  o = show_json (&root);
  ck_assert_str_eq (json_object_get_string_member (o, "id"), id);
  ck_assert_str_eq (json_object_get_string_member (o, "title"), "Readiness mission");
  ck_assert_str_eq (json_object_get_string_member (o, "organisation"), "Ministry of ICT");
  ck_assert_str_eq (json_object_get_string_member (o, "phase"), "design");
  ck_assert_str_eq (json_object_get_string_member (o, "lead_assessor"), "Lead Person");
  ck_assert_str_eq (json_object_get_string_member (
                      json_array_get_object_element (json_object_get_array_member (o, "instruments"), 0), "id"),
                    "test-mini");
  ck_assert (json_object_has_member (o, "targets"));
  ck_assert (json_object_has_member (o, "stakeholders"));
  ck_assert_int_eq (json_array_get_length (json_object_get_array_member (o, "answers")), 0);

  ck_assert_int_eq (CLI (&list, NULL, "list", "--json"), 0);
  listed = parse_json (list);
  ck_assert_int_eq (json_array_get_length (json_node_get_array (listed)), 1);
  ck_assert_int_eq (CLI (&out, NULL, "list"), 0);
  ck_assert_ptr_nonnull (strstr (out, "Examplia"));
  ck_assert_ptr_nonnull (strstr (out, "0/7"));
}
END_TEST

START_TEST (test_answer_every_kind)
{
  g_autofree char *prefix = g_strndup (id, 6);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *a;

  ck_assert_int_eq (CLI (NULL, NULL, "answer", prefix, "T-LAW-1", "3", "--notes", "Decree drafted",
                         "--evidence", "Draft decree v2", "--source", "Ministry", "--author", "Assessor B"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-2", "partial"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-OPS-1", "formal", "--flag"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-OPS-2", "health,energy"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-CTX-1", "=cmd|' /C calc'!A0"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-CTX-2", "1250"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-CTX-3", "2025-06-30"), 0);

  o = show_json (&root);
  ck_assert_int_eq (json_object_get_int_member (o, "answered"), 7);
  a = find_answer (o, "T-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (a, "value"), "3");
  ck_assert_str_eq (json_object_get_string_member (a, "notes"), "Decree drafted");
  ck_assert_str_eq (json_object_get_string_member (a, "evidence"), "Draft decree v2");
  ck_assert_str_eq (json_object_get_string_member (a, "source"), "Ministry");
  ck_assert_str_eq (json_object_get_string_member (a, "author"), "Assessor B");
  ck_assert (!json_object_get_boolean_member (a, "not_applicable"));
  ck_assert (json_object_has_member (a, "updated_at"));
  ck_assert (json_object_get_boolean_member (find_answer (o, "T-OPS-1"), "flagged"));
  ck_assert_str_eq (json_object_get_string_member (find_answer (o, "T-OPS-2"), "value"), "energy,health");
  ck_assert_str_eq (json_object_get_string_member (find_answer (o, "T-CTX-1"), "value"), "=cmd|' /C calc'!A0");
  ck_assert_str_eq (json_object_get_string_member (find_answer (o, "T-CTX-3"), "value"), "2025-06-30");

  /* Re-answering without --notes keeps the notes. */
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "4"), 0);
  json_node_unref (g_steal_pointer (&root));
  o = show_json (&root);
  ck_assert_str_eq (json_object_get_string_member (find_answer (o, "T-LAW-1"), "notes"), "Decree drafted");
  ck_assert_str_eq (json_object_get_string_member (find_answer (o, "T-LAW-1"), "value"), "4");
}
END_TEST

START_TEST (test_answer_refusals)
{
  struct { const char *q, *v, *expect; } cases[] = {
    { "T-LAW-1", "5", "takes 0, 1, 2, 3 or 4" },
    { "T-LAW-2", "maybe", "yes, partial or no" },
    { "T-OPS-1", "sometimes", "one of: none, adhoc, formal" },
    { "T-OPS-2", "energy,space", "comma-separated list of: energy, finance, health" },
    { "T-CTX-2", "many", "is not a number" },
    { "T-CTX-3", "yesterday", "YYYY-MM-DD" },
    { "NOPE-1", "1", "no question \"NOPE-1\"" },
  };
  g_autoptr(JsonNode) root = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      ck_assert_int_eq (CLI (NULL, &err, "answer", id, cases[i].q, cases[i].v), 1);
      ck_assert_msg (strstr (err, cases[i].expect) != NULL, "%s: %s", cases[i].q, err);
      /* One line. */
      ck_assert_ptr_eq (strchr (err, '\n'), err + strlen (err) - 1);
    }
  {
    g_autofree char *err = NULL;
    ck_assert_int_eq (CLI (NULL, &err, "answer", "ffffffff", "T-LAW-1", "1"), 1);
    ck_assert_ptr_nonnull (strstr (err, "no assessment"));
  }
  ck_assert_int_eq (json_array_get_length (json_object_get_array_member (show_json (&root), "answers")), 0);
}
END_TEST

START_TEST (test_not_applicable)
{
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *a;

  ck_assert_int_eq (CLI (NULL, &err, "answer", id, "T-LAW-2", "--na"), 1);
  ck_assert_ptr_nonnull (strstr (err, "justification"));
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-2", "--na", "--notes", "   "), 1);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-2", "--na", "--notes", "Covered by the penal code"), 0);
  a = find_answer (show_json (&root), "T-LAW-2");
  ck_assert (json_object_get_boolean_member (a, "not_applicable"));
  ck_assert (json_object_get_null_member (a, "value"));
  ck_assert_str_eq (json_object_get_string_member (a, "notes"), "Covered by the penal code");
}
END_TEST

START_TEST (test_unanswer)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *a;

  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "2", "--notes", "keep me"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "unanswer", id, "T-LAW-1"), 0);
  a = find_answer (show_json (&root), "T-LAW-1");
  ck_assert (json_object_get_null_member (a, "value"));
  ck_assert_str_eq (json_object_get_string_member (a, "notes"), "keep me");
  ck_assert_int_eq (CLI (NULL, NULL, "unanswer", id, "NOPE"), 1);
}
END_TEST

START_TEST (test_target)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *targets;
  g_autofree char *err = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "target", id, "legal", "4"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "target", id, "cooperation", "2"), 0);
  ck_assert_int_eq (CLI (NULL, &err, "target", id, "economy", "2"), 1);
  ck_assert_ptr_nonnull (strstr (err, "unknown pillar"));
  ck_assert_int_eq (CLI (NULL, NULL, "target", id, "legal", "6"), 1);
  ck_assert_int_eq (CLI (NULL, NULL, "target", id, "legal", "x"), 1);
  targets = json_object_get_object_member (show_json (&root), "targets");
  ck_assert_int_eq (json_object_get_int_member (targets, "legal"), 4);
  ck_assert_int_eq (json_object_get_int_member (targets, "cooperation"), 2);
  ck_assert (json_object_get_null_member (targets, "technical"));
}
END_TEST

START_TEST (test_stakeholder)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;
  JsonObject *s;
  g_autofree char *err = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "stakeholder", id, "add", "--name", "Insp. Kofi Mensah", "--organisation",
                         "Police Cybercrime Unit", "--sector", "Law enforcement", "--date", "2026-03-03"), 0);
  ck_assert_int_eq (CLI (NULL, &err, "stakeholder", id, "add", "--name", "X", "--organisation", "Y", "--date", "3 March"), 1);
  ck_assert_ptr_nonnull (strstr (err, "YYYY-MM-DD"));
  ck_assert_int_eq (CLI (NULL, NULL, "stakeholder", id, "add", "--name", "X"), 2);
  list = json_object_get_array_member (show_json (&root), "stakeholders");
  ck_assert_int_eq (json_array_get_length (list), 1);
  s = json_array_get_object_element (list, 0);
  ck_assert_str_eq (json_object_get_string_member (s, "name"), "Insp. Kofi Mensah");
  ck_assert_str_eq (json_object_get_string_member (s, "sector"), "Law enforcement");
  ck_assert_str_eq (json_object_get_string_member (s, "date"), "2026-03-03");
}
END_TEST

static JsonArray *
findings_json (JsonNode **keep)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc = CLI (&out, &err, "finding", id, "list", "--json");

  ck_assert_msg (rc == 0, "finding list --json: exit %d: %s", rc, err);
  *keep = parse_json (out);
  ck_assert (JSON_NODE_HOLDS_ARRAY (*keep));
  return json_node_get_array (*keep);
}

static char *
add_finding_cli (const char *kind,
                 const char *title)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc = CLI (&out, &err, "finding", id, "add", "--kind", kind, "--pillar", "legal", "--phase", "design",
                "--title", title);

  ck_assert_msg (rc == 0, "finding add: exit %d: %s", rc, err);
  g_strstrip (out);
  ck_assert_msg (g_uuid_string_is_valid (out), "not a UUID: %s", out);
  return g_steal_pointer (&out);
}

START_TEST (test_finding)
{
  g_autoptr(JsonNode) root = NULL, root2 = NULL, root3 = NULL, shown = NULL;
  g_autofree char *out = NULL, *err = NULL, *first = NULL, *second = NULL, *prefix = NULL;
  JsonArray *list;
  JsonObject *f;

  ck_assert_int_eq (CLI (&out, &err, "finding", id, "add", "--kind", "risk", "--pillar", "organizational",
                         "--phase", "design", "--title", "Rivalry over who leads the CIRT",
                         "--description", "Regulator and police both claim it.\nLine two.",
                         "--question", "T-LAW-1", "--question", "T-OPS-1", "--author", "Kwame"), 0);
  first = g_strdup (g_strstrip (out));
  ck_assert (g_uuid_string_is_valid (first));
  list = findings_json (&root);
  ck_assert_uint_eq (json_array_get_length (list), 1);
  f = json_array_get_object_element (list, 0);
  ck_assert_str_eq (json_object_get_string_member (f, "id"), first);
  ck_assert_str_eq (json_object_get_string_member (f, "kind"), "risk");
  ck_assert_str_eq (json_object_get_string_member (f, "title"), "Rivalry over who leads the CIRT");
  ck_assert_str_eq (json_object_get_string_member (f, "description"), "Regulator and police both claim it.\nLine two.");
  ck_assert_str_eq (json_object_get_string_member (f, "pillar"), "organizational");
  ck_assert_str_eq (json_object_get_string_member (f, "phase"), "design");
  ck_assert_str_eq (json_object_get_string_member (f, "author"), "Kwame");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (f, "questions")), 2);
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (f, "questions"), 1), "T-OPS-1");
  ck_assert_int_eq (json_object_get_int_member (f, "position"), 0);

  /* The table: one line per finding, the kind and pillar in words. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, NULL, "finding", id, "list"), 0);
  ck_assert_ptr_nonnull (strstr (out, "Risk to the project"));
  ck_assert_ptr_nonnull (strstr (out, "Organizational"));
  ck_assert_ptr_nonnull (strstr (out, "Rivalry over who leads the CIRT"));

  /* A second one, put first; then the first edited through a prefix of its id and moved back. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, NULL, "finding", id, "add", "--kind", "quick-win", "--pillar", "technical",
                         "--phase", "establishment", "--title", "Publish the incident address", "--position", "1"), 0);
  second = g_strdup (g_strstrip (out));
  prefix = g_strndup (first, 8);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "edit", prefix, "--title", "Rivalry over who hosts the CIRT",
                         "--phase", "establishment", "--no-questions", "--position", "1"), 0);
  list = findings_json (&root2);
  ck_assert_uint_eq (json_array_get_length (list), 2);
  f = json_array_get_object_element (list, 0);
  ck_assert_str_eq (json_object_get_string_member (f, "id"), first);
  ck_assert_str_eq (json_object_get_string_member (f, "title"), "Rivalry over who hosts the CIRT");
  ck_assert_str_eq (json_object_get_string_member (f, "phase"), "establishment");
  /* Options not given keep what is stored. */
  ck_assert_str_eq (json_object_get_string_member (f, "kind"), "risk");
  ck_assert_str_eq (json_object_get_string_member (f, "description"), "Regulator and police both claim it.\nLine two.");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (f, "questions")), 0);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (list, 1), "id"), second);

  /* show --json has them too. */
  {
    JsonArray *in_show = json_object_get_array_member (show_json (&shown), "findings");
    ck_assert_uint_eq (json_array_get_length (in_show), 2);
  }

  /* Removed: by id. */
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "remove", second), 0);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "remove", second), 1);
  ck_assert_ptr_nonnull (strstr (err, "no finding"));
  list = findings_json (&root3);
  ck_assert_uint_eq (json_array_get_length (list), 1);
}
END_TEST

START_TEST (test_finding_usage_and_refusals)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *err = NULL, *uuid = add_finding_cli ("issue", "One");

  /* Usage errors: 2. */
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id), 2);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "frob"), 2);
  ck_assert_ptr_nonnull (strstr (err, "unknown action"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--pillar", "legal", "--phase", "design", "--title", "T"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--phase", "design", "--title", "T"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--title", "T"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase", "design"), 2);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "add", "--kind", "opinion", "--pillar", "legal", "--phase",
                         "design", "--title", "T"), 2);
  ck_assert_ptr_nonnull (strstr (err, "unknown kind \"opinion\""));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--pillar", "moral", "--phase",
                         "design", "--title", "T"), 2);
  /* "assessment" is a mission phase, not a step of the CIRT lifecycle. */
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase",
                         "assessment", "--title", "T"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase",
                         "design", "--title", "T", "--position", "0"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "list", "extra"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "list", "--title", "T"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "edit"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "remove", uuid, "--kind", "risk"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "add", "--json"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "finding", id, "edit", uuid, "--question", "T-LAW-1", "--no-questions"), 2);

  /* Refusals: 1, and nothing written. */
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, &err, "finding", "ffffffff", "list"), 1);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "edit", "0123abcd", "--title", "X"), 1);
  ck_assert_ptr_nonnull (strstr (err, "no finding"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase",
                         "design", "--title", "T", "--question", "NOPE-1"), 1);
  ck_assert_ptr_nonnull (strstr (err, "NOPE-1"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase",
                         "design", "--title", "   "), 1);
  ck_assert_ptr_nonnull (strstr (err, "title must not be empty"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "edit", uuid, "--title", ""), 1);
  {
    JsonArray *list = findings_json (&root);
    ck_assert_uint_eq (json_array_get_length (list), 1);
    ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (list, 0), "title"), "One");
  }
}
END_TEST

/* Hostile text: a 100 KB title is refused with a short message and
 * nothing stored; control characters are stored exactly and never reach
 * the terminal raw; a formula-like title is text in the workbook. */
START_TEST (test_finding_hostile_text)
{
  g_autoptr(JsonNode) root = NULL, book = NULL;
  g_autofree char *big = g_strnfill (100 * 1024, 'x');
  g_autofree char *out = NULL, *err = NULL, *table = NULL;
  const char *control = "Bell\x07 esc\x1b[2J\x1b]0;pwned\x07 nul-ish\x01 del\x7f end";
  g_autofree char *xlsx = cirt_test_tmp_path ("findings.xlsx");

  ck_assert_int_eq (CLI (NULL, &err, "finding", id, "add", "--kind", "issue", "--pillar", "legal", "--phase",
                         "design", "--title", big), 1);
  ck_assert_ptr_nonnull (strstr (err, "too long"));
  ck_assert_uint_lt (strlen (err), 600);

  g_free (add_finding_cli ("risk", control));
  g_free (add_finding_cli ("quick-win", "=1+1"));
  {
    JsonArray *list = findings_json (&root);
    ck_assert_uint_eq (json_array_get_length (list), 2);
    ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (list, 0), "title"), control);
    ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (list, 1), "title"), "=1+1");
  }
  ck_assert_int_eq (CLI (&table, NULL, "finding", id, "list"), 0);
  ck_assert_ptr_null (strchr (table, '\x1b'));
  ck_assert_ptr_null (strchr (table, '\x07'));
  ck_assert_ptr_null (strchr (table, '\x01'));
  ck_assert_ptr_nonnull (strstr (table, "Bell\xef\xbf\xbd esc\xef\xbf\xbd[2J"));
  ck_assert_ptr_nonnull (strstr (table, "=1+1"));

  /* The workbook's Findings sheet holds "=1+1" as a text, not a formula. */
  ck_assert_int_eq (CLI (&out, &err, "export", id, "--xlsx", xlsx), 0);
  {
    g_autofree char *script = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "readback_xlsx.py", NULL);
    const char *argv[] = { "/usr/bin/python3", script, xlsx, NULL };
    g_autofree char *json = NULL, *perr = NULL;
    JsonArray *sheets;
    gboolean found = FALSE;

    ck_assert_msg (cirt_test_run (argv, &json, &perr) == 0, "readback_xlsx.py: %s", perr);
    book = parse_json (json);
    sheets = json_object_get_array_member (json_node_get_object (book), "sheets");
    for (guint i = 0; i < json_array_get_length (sheets); i++)
      {
        JsonObject *sh = json_array_get_object_element (sheets, i);
        JsonArray *rows = json_object_get_array_member (sh, "rows");
        if (g_strcmp0 (json_object_get_string_member (sh, "name"), "Findings") != 0)
          continue;
        for (guint r = 0; r < json_array_get_length (rows); r++)
          {
            JsonArray *row = json_array_get_array_element (rows, r);
            for (guint c = 0; c < json_array_get_length (row); c++)
              {
                JsonNode *cell = json_array_get_element (row, c);
                JsonObject *o = JSON_NODE_HOLDS_OBJECT (cell) ? json_node_get_object (cell) : NULL;
                if (o != NULL && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "v")) &&
                    json_node_get_value_type (json_object_get_member (o, "v")) == G_TYPE_STRING &&
                    strcmp (json_object_get_string_member (o, "v"), "=1+1") == 0)
                  {
                    ck_assert_str_eq (json_object_get_string_member (o, "t"), "s");
                    found = TRUE;
                  }
              }
          }
      }
    ck_assert_msg (found, "no \"=1+1\" text in the Findings sheet");
  }
}
END_TEST

START_TEST (test_delete)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "delete", id), 0);
  ck_assert_int_eq (CLI (NULL, &err, "show", id), 1);
  ck_assert_ptr_nonnull (strstr (err, "no assessment"));
  ck_assert_int_eq (CLI (&out, NULL, "list", "--json"), 0);
  ck_assert_ptr_nonnull (strstr (out, "[]"));
  ck_assert_int_eq (CLI (NULL, NULL, "delete", id), 1);
}
END_TEST

START_TEST (test_check)
{
  g_autofree char *out = NULL, *err = NULL, *before = NULL, *after = NULL;
  sqlite3 *sdb = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "3"), 0);
  ck_assert_int_eq (CLI (&out, NULL, "check"), 0);
  ck_assert_msg (strstr (out, "no problem found") != NULL, "%s", out);

  /* A count that no longer matches the answers (as a damaged or hand-edited
   * file would have it): named, exit 1, and the file left as it was. */
  ck_assert_int_eq (sqlite3_open (db, &sdb), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (sdb, "UPDATE assessment SET n_answered = 7;", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (sdb, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (sdb);
  before = cirt_test_file_sha256 (db);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "check"), 1);
  ck_assert_msg (strstr (err, "counts 7 answers but holds 1") != NULL, "%s", err);
  after = cirt_test_file_sha256 (db);
  ck_assert_str_eq (before, after);
  ck_assert_int_eq (CLI (NULL, NULL, "check", "extra"), 2);
}
END_TEST

/* The core's errors are translated: the CLI shows them in the terminal's
 * language, the application in its own (both through gettext). */
START_TEST (test_core_errors_translated)
{
  g_autofree char *junk = cirt_test_write_tmp ("junk-fr.db", "pas une base\n");
  g_autofree char *bad = cirt_test_write_tmp ("bad-fr.json", "{\"format\": \"cirt-assess-exchange\", \"format_version\": 1, \"extra\": 1}");
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", junk, "list", NULL), 1);
  ck_assert_msg (strstr (err, "n’est pas une base de données CIRT Assess") != NULL, "%s", err);
  ck_assert_int_eq (CLI (NULL, &err2, "import", bad), 1);
  ck_assert_msg (strstr (err2, "membre inconnu") != NULL, "%s", err2);
  ck_assert_int_eq (CLI (NULL, &err3, "answer", id, "T-LAW-2", "maybe"), 1);
  ck_assert_msg (strstr (err3, "n’est pas une réponse") != NULL, "%s", err3);
  g_setenv ("LANGUAGE", "", TRUE);
}
END_TEST

/* Every file the program writes is private (0600) whatever the umask: exports
 * hold a country's weaknesses and the names of the people interviewed. */
START_TEST (test_files_private)
{
  g_autofree char *dir = cirt_test_tmp_path ("out");
  const char *names[] = { "c.png", "c.svg", "c.pdf", "w.xlsx", "r.pdf", "x.json" };
  char *p[G_N_ELEMENTS (names)] = { NULL };

  umask (022);
  ck_assert_int_eq (g_mkdir (dir, 0755), 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    p[i] = g_build_filename (dir, names[i], NULL);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "3"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "chart", id, "--kind", "radar", "--out", p[0]), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "chart", id, "--kind", "sections", "--out", p[1]), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "chart", id, "--kind", "coverage", "--out", p[2]), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "export", id, "--xlsx", p[3], "--pdf", p[4]), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "merge-export", id, "--out", p[5]), 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GStatBuf st;
      ck_assert_msg (g_stat (p[i], &st) == 0, "%s was not written", names[i]);
      ck_assert_msg ((st.st_mode & 0777) == 0600, "%s has mode %o", names[i], st.st_mode & 0777);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (p[i]);
}
END_TEST

/* The history is tamper-evident: editing a recorded change in the file is
 * found, and the first row that does not match is named. */
START_TEST (test_verify_history)
{
  g_autofree char *out = NULL, *err = NULL;
  sqlite3 *sdb = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "3", "--notes", "Decree seen"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-2", "no"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "2", "--notes", "Decree seen, not signed"), 0);
  ck_assert_int_eq (CLI (&out, NULL, "verify", id), 0);
  ck_assert_msg (strstr (out, "3 changes, the chain of hashes holds; head ") != NULL, "%s", out);

  /* Someone rewrites what was said in the second change. */
  ck_assert_int_eq (sqlite3_open (db, &sdb), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (sdb, "UPDATE answer_history SET new_json = replace(new_json, '\"no\"', '\"yes\"')"
                                       " WHERE question = 'T-LAW-2';", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (sdb);
  ck_assert_int_eq (CLI (NULL, &err, "verify", id), 1);
  ck_assert_msg (strstr (err, "change 2 (T-LAW-2,") != NULL, "%s", err);
  ck_assert_int_eq (CLI (NULL, NULL, "verify"), 2);
}
END_TEST

START_TEST (test_bad_database)
{
  g_autofree char *junk = cirt_test_write_tmp ("junk.db", "not a database at all, just text\n");
  g_autofree char *before = cirt_test_file_sha256 (junk);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", junk, "list", NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "is not a CIRT Assess database"));
  after = cirt_test_file_sha256 (junk);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_instrument_from_file)
{
  g_autofree char *file = cirt_test_fixture ("mini.json");
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (CLI (&out, NULL, "new", "--title", "From file", "--country", "X", "--instrument", file), 0);
  ck_assert_int_eq (CLI (NULL, &err, "new", "--title", "T", "--country", "X", "--instrument", "no-such"), 1);
  ck_assert_ptr_nonnull (strstr (err, "no instrument \"no-such\""));
}
END_TEST

START_TEST (test_merge_commands)
{
  g_autofree char *file = cirt_test_tmp_path ("mission.json");
  g_autofree char *other_db = cirt_test_tmp_path ("other.db");
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *conflicts = NULL, *again = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) list = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "2", "--author", "Alice"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "merge-export", id), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "merge-export", id, "--out", file), 0);
  /* A second laptop imports, then both change the same answer. */
  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--db", other_db, "import", file, NULL), 0);
  ck_assert_str_eq (g_strstrip (out), id);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", other_db, "answer", id, "T-LAW-1", "4", "--author", "Bob", NULL), 0);
  g_usleep (2000);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", other_db, "merge-export", id, "--out", file, NULL), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "1", "--author", "Alice"), 0);
  ck_assert_int_eq (CLI (&json, NULL, "import", file, "--json"), 0);
  report = parse_json (json);
  ck_assert (!json_object_get_boolean_member (json_node_get_object (report), "created"));
  ck_assert_int_eq (json_array_get_length (json_object_get_array_member (json_node_get_object (report), "conflicts")), 1);
  ck_assert_int_eq (CLI (&conflicts, NULL, "conflicts", id, "--json"), 0);
  list = parse_json (conflicts);
  ck_assert_int_eq (json_array_get_length (json_node_get_array (list)), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (json_node_get_array (list), 0), "winner"),
                    "local");
  ck_assert_int_eq (CLI (NULL, NULL, "conflicts", id, "--reviewed", "1"), 0);
  ck_assert_int_eq (CLI (&again, NULL, "conflicts", id), 0);
  ck_assert_ptr_nonnull (strstr (again, "(reviewed)"));
  ck_assert_int_eq (CLI (NULL, &err, "import", "/nonexistent.json"), 1);
}
END_TEST


/* ------------------------------------------------------------------------ */
/* Media: a database on read-only media, a disk that fills up               */

/* Runs @script with sh in a mount namespace of its own (so that it may mount
 * a read-only view or a small disk without touching the machine), $CLI
 * naming the program. FALSE if this machine cannot make one. */
static gboolean
run_in_mount_namespace (const char  *script,
                        const char  *arg1,
                        char       **out,
                        int         *status)
{
  const char *argv[] = { "unshare", "-m", "sh", "-c", script, "sh", arg1, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "CLI", g_getenv ("CIRT_CLI"), TRUE);
  int probe = -1;

  if (!g_spawn_sync (NULL, (char **) (const char *[]) { "unshare", "-m", "true", NULL }, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &probe, NULL) ||
      !g_spawn_check_wait_status (probe, NULL))
    return FALSE;
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, out, NULL, status, &error),
                 "%s", error ? error->message : "");
  return TRUE;
}

START_TEST (test_read_only_media)
{
  g_autofree char *dir = cirt_test_tmp_path ("stick");
  g_autofree char *media_db = g_build_filename (dir, "mission.db", NULL);
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *new_id = NULL;
  g_autofree char *script = NULL;
  int status = -1;

  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  ck_assert_int_eq (cirt_test_run_cli (&new_id, NULL, "--db", media_db, "new", "--title", "On the stick",
                                       "--country", "Examplia", "--instrument", "test-mini", NULL), 0);
  g_strstrip (new_id);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", media_db, "answer", new_id, "T-LAW-1", "3",
                                       "--notes", "Seen in the decree", NULL), 0);
  before = cirt_test_file_sha256 (media_db);

  /* The folder, remounted read-only: what a write-protected stick or a
   * read-only share gives. Every reading command works; a write says why not. */
  script = g_strdup_printf (
    "set -u; d=\"$1\"; o=\"$(dirname \"$d\")\"\n"
    "mount --bind -o ro \"$d\" \"$d\" || exit 77\n"
    "\"$CLI\" --db \"$d/mission.db\" list || echo FAILED list\n"
    "\"$CLI\" --db \"$d/mission.db\" show %s --json >/dev/null || echo FAILED show\n"
    "\"$CLI\" --db \"$d/mission.db\" score %s >/dev/null || echo FAILED score\n"
    "\"$CLI\" --db \"$d/mission.db\" export %s --xlsx \"$o/ro.xlsx\" --pdf \"$o/ro.pdf\" || echo FAILED export\n"
    "\"$CLI\" --db \"$d/mission.db\" answer %s T-LAW-2 yes 2>&1 && echo WROTE\n"
    "echo answer-status=$?\n",
    new_id, new_id, new_id, new_id);
  if (!run_in_mount_namespace (script, dir, &out, &status))
    {
      /* Without a mount namespace (no privileges): a folder without write
       * permission stands in for the read-only media, where that binds. */
      ck_assert_int_eq (g_chmod (dir, 0500), 0);
      if (g_access (dir, W_OK) == 0)
        {
          g_chmod (dir, 0700);
          fprintf (stderr, "test_read_only_media: neither a mount namespace nor file permissions can make "
                           "read-only media here; not run\n");
          return;
        }
      g_free (out);
      out = NULL;
      {
        g_autofree char *sh = g_strdup_printf ("d=\"%s\"; CLI=\"%s\"; %s", dir, g_getenv ("CIRT_CLI"),
                                               strchr (strchr (script, '\n') + 1, '\n') + 1);
        const char *argv[] = { "sh", "-c", sh, NULL };
        ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, NULL));
      }
      g_chmod (dir, 0700);
    }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "the script failed: %s", out);
  ck_assert_msg (strstr (out, "FAILED") == NULL, "%s", out);
  ck_assert_msg (strstr (out, "On the stick") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "WROTE") == NULL, "a write on read-only media succeeded: %s", out);
  ck_assert_msg (strstr (out, "answer-status=1") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "read-only") != NULL, "the refusal does not say why: %s", out);
  {
    g_autofree char *parent = g_path_get_dirname (dir);
    g_autofree char *xlsx = g_build_filename (parent, "ro.xlsx", NULL);
    ck_assert (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }
  after = cirt_test_file_sha256 (media_db);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_disk_full)
{
  g_autofree char *dir = cirt_test_tmp_path ("small-disk");
  g_autofree char *out = NULL;
  int status = -1;
  /* A 384 KiB disk: the database is made, answers go in until the disk is
   * full; the refusal names the cause, and what was saved before is intact. */
  const char *script =
    "set -u; d=\"$1\"\n"
    "mount -t tmpfs -o size=384k tmpfs \"$d\" || exit 77\n"
    "db=\"$d/full.db\"\n"
    "id=$(\"$CLI\" --db \"$db\" new --title Full --country Examplia --instrument test-mini) || { echo FAILED new; exit 0; }\n"
    "note=$(head -c 120000 /dev/zero | tr '\\0' n)\n"
    "\"$CLI\" --db \"$db\" answer \"$id\" T-LAW-1 2 --notes first || echo FAILED first\n"
    "i=0; while [ $i -lt 12 ]; do i=$((i+1))\n"
    "  if ! err=$(\"$CLI\" --db \"$db\" answer \"$id\" T-CTX-1 \"v$i\" --notes \"$i$note\" 2>&1); then echo \"REFUSED $err\"; break; fi\n"
    "done\n"
    "\"$CLI\" --db \"$db\" show \"$id\" --json | grep -c '\"first\"' | sed 's/^/first-kept=/'\n";

  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  if (!run_in_mount_namespace (script, dir, &out, &status))
    {
      fprintf (stderr, "test_disk_full: no mount namespace on this machine; not run\n");
      return;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      fprintf (stderr, "test_disk_full: cannot mount a small disk here; not run\n");
      return;
    }
  ck_assert_msg (strstr (out, "FAILED") == NULL, "%s", out);
  ck_assert_msg (strstr (out, "REFUSED") != NULL, "the disk never filled: %s", out);
  ck_assert_msg (strstr (out, "the disk is full") != NULL, "the refusal does not name a full disk: %s", out);
  ck_assert_msg (strstr (out, "first-kept=1") != NULL, "%s", out);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("commands");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_help_everywhere);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_instruments);
  tcase_add_test (tc, test_validate);
  tcase_add_test (tc, test_validate_incomplete_language);
  tcase_add_test (tc, test_validate_references);
  tcase_add_test (tc, test_new_list_show);
  tcase_add_test (tc, test_answer_every_kind);
  tcase_add_test (tc, test_answer_refusals);
  tcase_add_test (tc, test_not_applicable);
  tcase_add_test (tc, test_unanswer);
  tcase_add_test (tc, test_target);
  tcase_add_test (tc, test_stakeholder);
  tcase_add_test (tc, test_finding);
  tcase_add_test (tc, test_finding_usage_and_refusals);
  tcase_add_test (tc, test_finding_hostile_text);
  tcase_add_test (tc, test_delete);
  tcase_add_test (tc, test_bad_database);
  tcase_add_test (tc, test_check);
  tcase_add_test (tc, test_verify_history);
  tcase_add_test (tc, test_files_private);
  tcase_add_test (tc, test_core_errors_translated);
  tcase_add_test (tc, test_read_only_media);
  tcase_add_test (tc, test_disk_full);
  tcase_add_test (tc, test_instrument_from_file);
  tcase_add_test (tc, test_merge_commands);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_suite ());
}
