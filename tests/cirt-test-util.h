/* cirt-test-util.h — shared helpers of the Check suites
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <glib.h>

#include "cirt-instrument.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* Points HOME and XDG_* at a fresh temporary folder; returns it (owned by the util). */
const char     *cirt_test_setup_env       (void);
/* A fresh path inside the temporary folder. */
char           *cirt_test_tmp_path        (const char *name);
char           *cirt_test_fixture         (const char *name);
CirtInstrument *cirt_test_load_fixture    (const char *name);
/* Writes @contents to a temporary file and returns its path. */
char           *cirt_test_write_tmp       (const char *name,
                                           const char *contents);
char           *cirt_test_file_sha256     (const char *path);
/* Runs the CLI ($CIRT_CLI) with @argv (NULL-terminated, without the program);
 * returns the exit status; stdout/stderr into the out-params (may be NULL). */
int             cirt_test_run_cli         (char      **out,
                                           char      **err,
                                           const char *first,
                                           ...) G_GNUC_NULL_TERMINATED;
int             cirt_test_run_cli_argv    (const char * const *argv,
                                           char               **out,
                                           char               **err);
/* The people of the shipped sample assessment (data/sample): its
 * assessors and stakeholders, by full name. */
GPtrArray      *cirt_test_sample_names    (void);
/* Fails when @text holds one of @names, or a word of one (a first name, a
 * surname). @what names the text in the message. */
void            cirt_test_assert_no_names (const char *what,
                                           const char *text,
                                           GPtrArray  *names);
/* Runs a program (found in PATH); returns its exit status (-1: it could
 * not run, the reason in @err), stdout and stderr into @out and @err (may
 * be NULL). */
int             cirt_test_run             (const char * const *argv,
                                           char              **out,
                                           char              **err);
/* The text of each page of @pdf (pdftotext), checked against the page
 * count pdfinfo gives; NULL-terminated. */
GStrv           cirt_test_pdf_pages       (const char *pdf,
                                           guint      *n_pages);
/* The comparison fixture (tests/fixtures/compare; the hand computation is
 * in tests/test-compare.c): a baseline on test-compare 1.0.0 and its
 * follow-up on 2.0.0, both answered, in @store. The baseline is of the
 * "Republic of Example", the follow-up of @country (NULL: the same).
 * Returns the follow-up's id, the baseline's in *@baseline_id. */
char           *cirt_test_make_follow_up  (CirtStore   *store,
                                           const char  *country,
                                           char       **baseline_id);
/* Runs the suite; returns the process exit status. */
int             cirt_test_run_suite       (Suite *suite);

/* SQL that takes the interviews' part of the schema (schema 11) out of a
 * database, for the tests that fake an older schema. */
#define CIRT_TEST_SQL_BEFORE_INTERVIEWS \
  "DROP TABLE interview_history; DROP TABLE statement; DROP TABLE interview_session;" \
  " DROP TRIGGER stakeholder_uuid_given; DROP INDEX stakeholder_by_uuid;" \
  " ALTER TABLE stakeholder DROP COLUMN uuid; ALTER TABLE answer DROP COLUMN session;"

G_END_DECLS
