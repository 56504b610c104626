/* test-redact.c — export --redact: no name of the people of the sample
 * mission is left in the workbook (every XML part of it) or in the text of
 * the report, interview notes and internal notes are left out, the rest
 * stays; names are replaced whole-word, surnames and titles included.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-test-util.h"

#define PYTHON "/usr/bin/python3"

static char *db;
static char *id;

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;

  db = cirt_test_tmp_path ("redact.db");
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "demo", NULL), 0);
  id = g_strdup (g_strstrip (out));
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, NULL));
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* Every part of the workbook (sheets, shared strings, properties, charts). */
static char *
xlsx_text (const char *path)
{
  const char *argv[] = {
    PYTHON, "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "sys.stdout.write('\\n'.join(z.read(n).decode('utf-8') for n in z.namelist()))\n",
    path, NULL,
  };
  return run (argv);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (info_argv);

  /* The document's properties are part of it too. */
  return g_strconcat (text, "\n", info, NULL);
}

START_TEST (test_sample_redacted)
{
  g_autoptr(GPtrArray) names = cirt_test_sample_names ();
  g_autofree char *xlsx = cirt_test_tmp_path ("redacted.xlsx"), *pdf = cirt_test_tmp_path ("redacted.pdf");
  g_autofree char *plain_xlsx = cirt_test_tmp_path ("plain.xlsx"), *plain_pdf = cirt_test_tmp_path ("plain.pdf");
  g_autofree char *err = NULL, *x = NULL, *p = NULL, *px = NULL, *pp = NULL;
  /* Internal notes of the sample (CTX-09, NCO-01) and an interview note. */
  const char *left_out[] = { "Accounts differ on who led", "visible mistrust at institutional level",
                             "Confirmed the ministry" };

  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "export", id, "--xlsx", plain_xlsx, "--pdf", plain_pdf,
                                    NULL) == 0, "%s", err);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "export", id, "--xlsx", xlsx, "--pdf", pdf, "--redact",
                                    NULL) == 0, "%s", err);
  px = xlsx_text (plain_xlsx);
  pp = pdf_text (plain_pdf);
  x = xlsx_text (xlsx);
  p = pdf_text (pdf);

  /* Unredacted, the names are there: the search below can find them. */
  for (guint i = 0; i < names->len; i++)
    {
      ck_assert_msg (strstr (px, g_ptr_array_index (names, i)) != NULL, "the workbook lacks %s",
                     (char *) g_ptr_array_index (names, i));
      ck_assert_msg (strstr (pp, g_ptr_array_index (names, i)) != NULL, "the report lacks %s",
                     (char *) g_ptr_array_index (names, i));
    }
  cirt_test_assert_no_names ("the redacted workbook", x, names);
  cirt_test_assert_no_names ("the redacted report", p, names);

  for (guint i = 0; i < G_N_ELEMENTS (left_out); i++)
    {
      if (i < 2)
        ck_assert_msg (strstr (px, left_out[i]) != NULL, "the plain workbook lacks \"%s\"", left_out[i]);
      ck_assert_msg (strstr (x, left_out[i]) == NULL, "the redacted workbook has \"%s\"", left_out[i]);
      ck_assert_msg (strstr (p, left_out[i]) == NULL, "the redacted report has \"%s\"", left_out[i]);
    }
  /* What is not about people stays, with people named by their role. */
  ck_assert_ptr_nonnull (strstr (x, "nothing written"));
  ck_assert_ptr_nonnull (strstr (x, "Lead assessor"));
  ck_assert_ptr_nonnull (strstr (x, ", interviewee "));
  ck_assert_ptr_nonnull (strstr (p, "This copy is redacted"));
  ck_assert_ptr_null (strstr (pp, "This copy is redacted"));
  /* The findings stay, the person named in one by their role. */
  ck_assert_ptr_nonnull (strstr (x, "Rivalry over who leads the national CIRT"));
  ck_assert_ptr_nonnull (strstr (p, "Rivalry over who leads the national CIRT"));
  ck_assert_ptr_nonnull (strstr (px, "call Ms Ondoua"));
  ck_assert_ptr_nonnull (strstr (x, "call Regulator, interviewee 1"));
}
END_TEST

/* A finding in a redacted export: its title and description kept with the
 * names replaced, its author by a role. */
START_TEST (test_findings_redacted)
{
  g_autofree char *out = NULL, *err = NULL, *new_id = NULL, *xlsx = cirt_test_tmp_path ("findings.xlsx"), *x = NULL;
  g_autofree char *pdf = cirt_test_tmp_path ("findings.pdf"), *p = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "new", "--title", "Words", "--country", "Examplia",
                                       "--assessor", "Maria Lima", "--instrument", "test-mini", NULL), 0);
  new_id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", db, "stakeholder", new_id, "add", "--name", "Ana Souza",
                                       "--organisation", "Regulatory Authority", "--sector", "Regulator", NULL), 0);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "finding", new_id, "add", "--kind", "risk", "--pillar",
                                    "organizational", "--phase", "design", "--title", "Ana Souza and Maria Lima disagree",
                                    "--description", "Ms Souza wants the regulator to host; Dr. Lima does not.",
                                    "--author", "Joana Reis", NULL) == 0, "%s", err);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "export", new_id, "--xlsx", xlsx, "--pdf", pdf, "--redact",
                                    NULL) == 0, "%s", err);
  x = xlsx_text (xlsx);
  p = pdf_text (pdf);
  ck_assert_msg (strstr (x, "Regulator, interviewee 1 and Lead assessor disagree") != NULL, "%s", x);
  ck_assert_msg (strstr (x, "Regulator, interviewee 1 wants the regulator to host; Lead assessor does not.") != NULL,
                 "%s", x);
  ck_assert_ptr_nonnull (strstr (p, "Regulator, interviewee 1 wants the regulator to host"));
  ck_assert_ptr_nonnull (strstr (x, "Assessor 1"));
  ck_assert_ptr_null (strstr (x, "Joana"));
  ck_assert_ptr_null (strstr (x, "Souza"));
  ck_assert_ptr_null (strstr (p, "Souza"));
  ck_assert_ptr_null (strstr (p, "Lima"));
}
END_TEST

START_TEST (test_whole_words)
{
  g_autofree char *out = NULL, *err = NULL, *new_id = NULL, *xlsx = cirt_test_tmp_path ("words.xlsx"), *x = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "new", "--title", "Words", "--country", "Examplia",
                                       "--assessor", "Maria Lima", "--instrument", "test-mini", NULL), 0);
  new_id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", db, "stakeholder", new_id, "add", "--name", "Ana Souza",
                                       "--organisation", "Regulatory Authority", "--sector", "Regulator", "--notes",
                                       "Said the law is stuck", NULL), 0);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "answer", new_id, "T-LAW-1", "2", "--notes",
                                    "Bananas; Ms Souza said so to MARIA LIMA, then Dr. Lima agreed. Anabel came.",
                                    "--author", "Joana Reis", NULL) == 0, "%s", err);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "answer", new_id, "T-LAW-2", "partial", "--notes",
                                    "Off the record: the minister blocks it.", "--internal", NULL) == 0, "%s", err);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", db, "export", new_id, "--xlsx", xlsx, "--redact", NULL) == 0,
                 "%s", err);
  x = xlsx_text (xlsx);
  ck_assert_msg (strstr (x, "Bananas; Regulator, interviewee 1 said so to Lead assessor, then Lead assessor agreed. "
                            "Anabel came.") != NULL, "%s", x);
  ck_assert_ptr_null (strstr (x, "Souza"));
  ck_assert_ptr_null (strstr (x, "Joana"));
  ck_assert_ptr_nonnull (strstr (x, "Assessor 1"));
  ck_assert_ptr_null (strstr (x, "Off the record"));
  ck_assert_ptr_null (strstr (x, "Said the law is stuck"));
  ck_assert_ptr_nonnull (strstr (x, "Regulatory Authority"));
}
END_TEST

/* The internal mark: kept by the store and in the exchange file, refused
 * on an N/A justification. */
START_TEST (test_internal_mark)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "answer", id, "CTX-01", "2", "--notes", "Between us",
                                       "--internal", NULL), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "show", id, "--json", NULL), 0);
  ck_assert_ptr_nonnull (strstr (out, "\"notes_internal\" : true"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "answer", id, "CTX-01", "--na", "--notes", "Why",
                                       "--internal", NULL), 2);
  ck_assert_ptr_nonnull (strstr (err, "cannot be internal"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "answer", id, "CTX-01", "2", "--shared", NULL), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "show", id, "--json", NULL), 0);
  /* The sample's two internal notes remain; CTX-01's mark is gone. */
  {
    const char *p = out;
    guint n = 0;
    while ((p = strstr (p, "\"notes_internal\" : true")) != NULL)
      n++, p++;
    ck_assert_uint_eq (n, 2);
  }
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("redact");
  TCase *tc = tcase_create ("redact");

  cirt_test_setup_env ();
  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sample_redacted);
  tcase_add_test (tc, test_whole_words);
  tcase_add_test (tc, test_findings_redacted);
  tcase_add_test (tc, test_internal_mark);
  suite_add_tcase (s, tc);
  return cirt_test_run_suite (s);
}
