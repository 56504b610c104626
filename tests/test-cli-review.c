/* test-cli-review.c — `cirt-assess-cli review set|list|summary` and the
 * review in `show --json`, run as a program: exit 0 done, 1 refused (the
 * database unchanged), 2 usage
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-test-util.h"

static char *db;
static char *id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL, *mini = cirt_test_fixture ("mini.json");

  db = cirt_test_tmp_path ("cli-review.db");
  ck_assert_int_eq (CLI (&out, &err, "new", "--title", "Mission", "--country", "Examplia", "--instrument", mini), 0);
  id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "2", "--author", "Alice"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-2", "yes", "--author", "Bob"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-OPS-1", "--na", "--notes", "No operations yet", "--author",
                         "Alice"), 0);
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

/* The review object of @question in `show --json`. */
static JsonObject *
shown_review (JsonNode   *root,
              const char *question)
{
  JsonArray *answers = json_object_get_array_member (json_node_get_object (root), "answers");

  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (g_strcmp0 (json_object_get_string_member (a, "question"), question) == 0)
        return json_object_get_object_member (a, "review");
    }
  ck_abort_msg ("no answer %s in show --json", question);
  return NULL;
}

static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (db);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, b, NULL);
}

START_TEST (test_set_and_show)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *r;

  ck_assert_int_eq (CLI (&out, &err, "review", "set", id, "T-LAW-1", "accepted", "--by", "Lead"), 0);
  ck_assert_int_eq (CLI (NULL, &err, "review", "set", id, "T-LAW-2", "needs-work", "--comment",
                         "Which law? =SUM(A1)", "--by", "Lead"), 0);
  ck_assert_int_eq (CLI (&out, NULL, "show", id, "--json"), 0);
  root = parse_json (out);
  r = shown_review (root, "T-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (r, "state"), "accepted");
  ck_assert_str_eq (json_object_get_string_member (r, "reviewer"), "Lead");
  ck_assert (!json_object_get_boolean_member (r, "outdated"));
  r = shown_review (root, "T-LAW-2");
  ck_assert_str_eq (json_object_get_string_member (r, "state"), "needs-work");
  ck_assert_str_eq (json_object_get_string_member (r, "comment"), "Which law? =SUM(A1)");
  r = shown_review (root, "T-OPS-1");
  ck_assert_str_eq (json_object_get_string_member (r, "state"), "not-reviewed");
  ck_assert (json_object_get_null_member (r, "reviewer"));

  /* A later answer: not reviewed, marked as changed since the review. */
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-LAW-1", "3", "--author", "Alice"), 0);
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, NULL, "show", id, "--json"), 0);
  root = parse_json (out);
  r = shown_review (root, "T-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (r, "state"), "not-reviewed");
  ck_assert (json_object_get_boolean_member (r, "outdated"));
  /* The text form says how far the review is. */
  ck_assert_int_eq (CLI (&out, NULL, "show", id), 0);
  ck_assert_msg (strstr (out, "1 of 3 answers reviewed (33 %): 0 accepted, 1 needs work, 2 not reviewed") != NULL,
                 "%s", out);
  /* Clear. */
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-2", "clear"), 0);
  ck_assert_int_eq (CLI (&out, NULL, "review", "summary", id), 0);
  ck_assert_msg (strstr (out, "0 of 3 answers reviewed (0 %)") != NULL, "%s", out);
}
END_TEST

START_TEST (test_list_and_summary)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  JsonObject *o;

  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-1", "accepted", "--by", "Lead"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-OPS-1", "needs-work", "--comment",
                         "Why N/A?\nThe regulator runs a SOC.", "--by", "Lead"), 0);

  /* Every answered question, in questionnaire order. */
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--json"), 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  ck_assert_uint_eq (json_array_get_length (arr), 3);
  o = json_array_get_object_element (arr, 0);
  ck_assert_str_eq (json_object_get_string_member (o, "question"), "T-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (o, "section"), "law");
  ck_assert_str_eq (json_object_get_string_member (o, "answer_author"), "Alice");
  ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (o, "review"), "state"),
                    "accepted");

  /* Filters: state, section, assessor (any case). */
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--state", "not-reviewed", "--json"), 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  ck_assert_uint_eq (json_array_get_length (arr), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 0), "question"), "T-LAW-2");
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--section", "ops", "--assessor", "alice", "--json"), 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  ck_assert_uint_eq (json_array_get_length (arr), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 0), "question"), "T-OPS-1");
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--assessor", "Bob", "--state", "accepted", "--json"), 0);
  root = parse_json (out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), 0);

  /* The table: the comment's first line. */
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id), 0);
  ck_assert_msg (strstr (out, "needs work") && strstr (out, "Why N/A?…") && !strstr (out, "runs a SOC"), "%s", out);

  /* The summary: counts and share. */
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, &err, "review", "summary", id, "--json"), 0);
  root = parse_json (out);
  o = json_node_get_object (root);
  ck_assert_int_eq (json_object_get_int_member (o, "answered"), 3);
  ck_assert_int_eq (json_object_get_int_member (o, "accepted"), 1);
  ck_assert_int_eq (json_object_get_int_member (o, "needs_work"), 1);
  ck_assert_int_eq (json_object_get_int_member (o, "not_reviewed"), 1);
  ck_assert_double_eq_tol (json_object_get_double_member (o, "share_reviewed"), 2.0 / 3.0, 1e-9);
}
END_TEST

/* --session: the answers given in one interview session, or outside any. */
START_TEST (test_list_by_session)
{
  g_autofree char *out = NULL, *err = NULL, *session = NULL, *prefix = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;

  ck_assert_msg (CLI (&out, &err, "session", id, "add", "--date", "2026-03-03", "--place", "Ministry",
                      "--section", "law") == 0, "%s", err);
  session = g_strdup (g_strstrip (out));
  ck_assert_uint_eq (strlen (session), 36);
  prefix = g_strndup (session, 8);
  /* T-LAW-2 given again in the session; the other two outside any. */
  ck_assert_msg (CLI (NULL, &err, "answer", id, "T-LAW-2", "no", "--session", prefix, "--author", "Bob") == 0, "%s",
                 err);

  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--session", prefix, "--json"), 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  ck_assert_uint_eq (json_array_get_length (arr), 1);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 0), "question"), "T-LAW-2");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 0), "session"), session);
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--session", "none", "--json"), 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  ck_assert_uint_eq (json_array_get_length (arr), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 0), "question"), "T-LAW-1");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (arr, 1), "question"), "T-OPS-1");
  ck_assert (json_object_get_null_member (json_array_get_object_element (arr, 1), "session"));
  /* With the state filter too. */
  g_clear_pointer (&root, json_node_unref);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-2", "accepted", "--by", "Lead"), 0);
  ck_assert_int_eq (CLI (&out, NULL, "review", "list", id, "--session", prefix, "--state", "not-reviewed", "--json"),
                    0);
  root = parse_json (out);
  ck_assert_uint_eq (json_array_get_length (json_node_get_array (root)), 0);
  /* A session that is not there: refused; on summary or set: usage. */
  ck_assert_int_eq (CLI (NULL, &err, "review", "list", id, "--session", "deadbeef"), 1);
  ck_assert_msg (strstr (err, "no interview session") != NULL, "%s", err);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "summary", id, "--session", prefix), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-1", "accepted", "--session", prefix), 2);
}
END_TEST

/* Refused (exit 1) with the database unchanged; usage errors (exit 2). */
START_TEST (test_refusals_and_usage)
{
  g_autofree char *before = NULL, *big = g_strnfill (20000, 'z');
  const struct {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { "review", "set", "@ID", "T-OPS-2", "accepted" }, 1, "not answered yet" },
    { { "review", "set", "@ID", "T-LAW-1", "needs-work" }, 1, "a comment is required" },
    { { "review", "set", "@ID", "T-LAW-1", "needs-work", "--comment", big }, 1, "bytes); at most 16" },
    { { "review", "set", "@ID", "T-NOPE-1", "accepted" }, 1, "no question" },
    { { "review", "set", "ffffffff", "T-LAW-1", "accepted" }, 1, "ffffffff" },
    { { "review", "list", "@ID", "--section", "nope" }, 1, "no section" },
    { { "review", "set", "@ID", "T-LAW-1", "approved" }, 2, "unknown review" },
    { { "review", "set", "@ID", "T-LAW-1", "clear", "--comment", "x" }, 2, "clear takes no --comment" },
    { { "review", "set", "@ID", "T-LAW-1" }, 2, "expected set ID QUESTION" },
    { { "review", "list", "@ID", "--state", "done" }, 2, "unknown review state" },
    { { "review", "summary", "@ID", "--state", "accepted" }, 2, "summary takes only --json" },
    { { "review", "approve", "@ID" }, 2, "unknown action" },
    { { "review" }, 2, "expected set, list or summary" },
  };

  before = db_state ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      int status;

      g_ptr_array_add (argv, "--db");
      g_ptr_array_add (argv, db);
      /* "@ID" stands for the assessment's id. */
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, strcmp (cases[i].args[j], "@ID") == 0 ? id : (char *) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      status = cirt_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err);
      ck_assert_msg (status == cases[i].status, "case %u: status %d: %s", i, status, err);
      ck_assert_msg (strstr (err, cases[i].message) != NULL, "case %u: %s", i, err);
      after = db_state ();
      ck_assert_msg (strcmp (before, after) == 0, "case %u changed the database", i);
    }
}
END_TEST

/* The documents: the cover of the PDF and the DOCX says "Draft" with the
 * numbers while some answer is not accepted, in the report's language, and
 * not once all are; the workbook has the review columns. */
static void
complete_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autoptr(CirtAssessmentInfo) info = NULL;

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  info = cirt_store_get_assessment (store, id, &error);
  g_free (info->status);
  info->status = g_strdup ("completed");
  ck_assert_msg (cirt_store_update_assessment (store, info, &error), "%s", error ? error->message : "");
}

static char *
cover_text (const char *lang)
{
  g_autofree char *pdf = cirt_test_tmp_path ("review.pdf");
  g_auto(GStrv) pages = NULL;
  guint n = 0;

  ck_assert_int_eq (CLI (NULL, NULL, "export", id, "--pdf", pdf, "--lang", lang), 0);
  pages = cirt_test_pdf_pages (pdf, &n);
  ck_assert_uint_ge (n, 2);
  return g_strdup (pages[0]);
}

static char *
docx_text (void)
{
  g_autofree char *docx = cirt_test_tmp_path ("review.docx");
  const char *argv[] = { "unzip", "-p", NULL, "word/document.xml", NULL };
  char *out = NULL;

  ck_assert_int_eq (CLI (NULL, NULL, "export", id, "--docx", docx), 0);
  argv[2] = docx;
  ck_assert_int_eq (cirt_test_run (argv, &out, NULL), 0);
  return out;
}

START_TEST (test_documents)
{
  g_autofree char *cover = NULL, *xml = NULL, *out = NULL, *xlsx = cirt_test_tmp_path ("review.xlsx");
  g_autofree char *script = NULL;
  const char *py[] = { "/usr/bin/python3", "-c", NULL, NULL, NULL };

  complete_assessment ();
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-1", "accepted", "--by", "Lead"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-2", "needs-work", "--comment",
                         "=HYPERLINK(\"x\") Which law?", "--by", "Lead"), 0);

  /* English: the draft notice with its numbers; the share among the facts. */
  cover = cover_text ("en");
  ck_assert_msg (strstr (cover, "Draft: not fully reviewed by the lead assessor") != NULL, "%s", cover);
  ck_assert_msg (strstr (cover, "not reviewed: 1, needing work: 1") != NULL, "%s", cover);
  ck_assert_msg (strstr (cover, "2 of 3") != NULL, "%s", cover);
  ck_assert_msg (strstr (cover, "in progress") == NULL, "the assessment is completed: %s", cover);
  g_clear_pointer (&cover, g_free);
  /* French: its translation. */
  cover = cover_text ("fr");
  ck_assert_msg (strstr (cover, "Projet") != NULL && strstr (cover, "à retravailler") != NULL, "%s", cover);
  g_clear_pointer (&cover, g_free);
  xml = docx_text ();
  ck_assert_msg (strstr (xml, "Draft: not fully reviewed by the lead assessor") != NULL, "no draft notice in the DOCX");

  /* The workbook: Review, Reviewer, Review comment, the comment a text. */
  ck_assert_int_eq (CLI (NULL, NULL, "export", id, "--xlsx", xlsx), 0);
  script = g_strdup ("import openpyxl, sys\n"
                     "ws = openpyxl.load_workbook(sys.argv[1])['Answers']\n"
                     "rows = list(ws.iter_rows(values_only=False))\n"
                     "head = [c.value for c in rows[1]]\n"
                     "col = {n: i for i, n in enumerate(head)}\n"
                     "for r in rows[2:]:\n"
                     "    q = r[col['ID']].value\n"
                     "    print(q, '|', r[col['Review']].value, '|', r[col['Reviewer']].value, '|',\n"
                     "          r[col['Review comment']].value, '|', r[col['Review comment']].data_type)\n");
  py[2] = script;
  py[3] = xlsx;
  ck_assert_int_eq (cirt_test_run (py, &out, NULL), 0);
  ck_assert_msg (strstr (out, "T-LAW-1 | Accepted | Lead | None") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "T-LAW-2 | Needs work | Lead | =HYPERLINK(\"x\") Which law? | s") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "T-OPS-1 | Not reviewed | None") != NULL, "%s", out);

  /* Redacted: the states stay, the reviewer is a role. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-1", "clear"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-1", "accepted", "--by", "Amina Diallo"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "export", id, "--xlsx", xlsx, "--redact"), 0);
  ck_assert_int_eq (cirt_test_run (py, &out, NULL), 0);
  ck_assert_msg (strstr (out, "T-LAW-1 | Accepted |") != NULL && strstr (out, "Amina") == NULL, "%s", out);
  ck_assert_msg (strstr (out, "T-LAW-2 | Needs work |") != NULL, "%s", out);

  /* Everything accepted: no draft on the cover, in any language. */
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-LAW-2", "accepted"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "review", "set", id, "T-OPS-1", "accepted"), 0);
  g_clear_pointer (&cover, g_free);
  cover = cover_text ("en");
  ck_assert_msg (strstr (cover, "Draft") == NULL, "%s", cover);
  ck_assert_msg (strstr (cover, "3 of 3") != NULL, "%s", cover);
  g_clear_pointer (&cover, g_free);
  cover = cover_text ("fr");
  ck_assert_msg (strstr (cover, "Projet") == NULL, "%s", cover);
  g_clear_pointer (&xml, g_free);
  xml = docx_text ();
  ck_assert (strstr (xml, "Draft: not fully reviewed") == NULL);

  /* A later answer: a draft again. */
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-OPS-1", "formal", "--author", "Alice"), 0);
  g_clear_pointer (&cover, g_free);
  cover = cover_text ("en");
  ck_assert_msg (strstr (cover, "not reviewed: 1, needing work: 0") != NULL, "%s", cover);
}
END_TEST

static Suite *
cli_review_suite (void)
{
  Suite *s = suite_create ("cli-review");
  TCase *tc = tcase_create ("review");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_set_and_show);
  tcase_add_test (tc, test_list_and_summary);
  tcase_add_test (tc, test_list_by_session);
  tcase_add_test (tc, test_refusals_and_usage);
  tcase_add_test (tc, test_documents);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_review_suite ());
}
