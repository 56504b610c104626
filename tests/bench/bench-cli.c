/* bench-cli.c — cirt-assess-cli as a script or an assessor runs it: one
 * answer against a bare sqlite3 process doing one insert, on a small and on
 * a large database; listing and exporting from the large one
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals (issue 9):
 * - `answer` ≤ 3× a bare `sqlite3` process inserting one row, on the sample
 *   database and on a database of 1,000 assessments × 250 answers alike
 *   (the cost of a command must not grow with the size of the file);
 * - on the large database: `list` ≤ 100 ms, the workbook of one assessment
 *   ≤ 200 ms, its PDF report ≤ 1 s; `list` grows at most linearly from 10
 *   to 1,000 assessments. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cirt-bench.h"

#define PAIRS 25

static const char *cli;
static const char *sqlite3_bin;

static char *
run_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return g_strstrip (out);
}

/* `answer` against the floor, in interleaved pairs. */
static gboolean
answer_vs_floor (const char *what,
                 const char *db,
                 const char *id,
                 const char *question,
                 const char *floor_db)
{
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("cirt-assess-cli answer vs sqlite3 (%s)", what);

  for (guint i = 0; i < PAIRS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i % 5);
      g_autofree char *insert = g_strdup_printf ("INSERT INTO t (assessment, question, value) VALUES ('%s', '%s', '%s')",
                                                 id, question, value);
      const char *floor_argv[] = { sqlite3_bin, floor_db, insert, NULL };
      const char *argv[] = { cli, "--db", db, "answer", id, question, value, "--author", "A. Assessor", NULL };
      double s;

      s = cirt_bench_run (floor_argv, FALSE);
      g_array_append_val (floor, s);
      s = cirt_bench_run (argv, FALSE);
      g_array_append_val (subject, s);
    }
  return cirt_bench_report_ratio (name, subject, floor, 3.0);
}

static GArray *
time_command (const char * const *argv,
              guint               runs)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double s = cirt_bench_run (argv, FALSE);
      g_array_append_val (times, s);
    }
  return times;
}

int
main (void)
{
  g_autofree char *floor_db = cirt_bench_path ("floor.db");
  g_autofree char *sample_db = cirt_bench_path ("sample.db");
  g_autofree char *large_db = NULL, *small_db = NULL, *medium_db = NULL;
  g_autofree char *sample_id = NULL, *large_id = NULL, *small_id = NULL, *medium_id = NULL;
  g_autofree char *xlsx = cirt_bench_path ("out.xlsx");
  g_autofree char *pdf = cirt_bench_path ("out.pdf");
  gboolean ok = TRUE;
  double list_small, list_large;

  cli = cirt_bench_getenv ("CIRT_CLI");
  sqlite3_bin = cirt_bench_getenv ("CIRT_SQLITE3");

  {
    const char *argv[] = { sqlite3_bin, floor_db,
                           "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, assessment TEXT,"
                           " question TEXT, value TEXT)", NULL };
    cirt_bench_run (argv, FALSE);
  }
  {
    const char *argv[] = { cli, "--db", sample_db, "demo", NULL };
    sample_id = run_output (argv);
  }
  large_db = cirt_bench_copy_db (1000, 250, "large.db", &large_id);
  medium_db = cirt_bench_copy_db (100, 250, "medium.db", &medium_id);
  small_db = cirt_bench_copy_db (10, 250, "small.db", &small_id);

  ok &= answer_vs_floor ("sample database", sample_db, sample_id, "MAN-01", floor_db);
  ok &= answer_vs_floor ("1,000 assessments × 250 answers", large_db, large_id, "BQ-0001", floor_db);

  {
    const char *small[] = { cli, "--db", small_db, "list", NULL };
    const char *medium[] = { cli, "--db", medium_db, "list", NULL };
    const char *large[] = { cli, "--db", large_db, "list", NULL };
    g_autoptr(GArray) t_small = time_command (small, 9);
    g_autoptr(GArray) t_medium = time_command (medium, 9);
    g_autoptr(GArray) t_large = time_command (large, 9);

    cirt_bench_report_time ("list, 10 assessments", t_small, 0);
    cirt_bench_report_time ("list, 100 assessments", t_medium, 0);
    ok &= cirt_bench_report_time ("list, 1,000 assessments", t_large, 0.100);
    list_small = cirt_bench_median (t_small);
    list_large = cirt_bench_median (t_large);
    printf ("%-52s ×%.1f for 100× the assessments (goal ≤ ×100: linear or better)  %s\n",
            "list, growth from 10 to 1,000", list_large / list_small, list_large / list_small <= 100 ? "ok" : "MISSED");
    ok &= list_large / list_small <= 100;
  }
  {
    const char *argv[] = { cli, "--db", large_db, "export", large_id, "--xlsx", xlsx, NULL };
    g_autoptr(GArray) t = time_command (argv, 7);
    ok &= cirt_bench_report_time ("export --xlsx, 250 questions, 1,000-assessment db", t, 0.200);
  }
  {
    const char *argv[] = { cli, "--db", large_db, "export", large_id, "--pdf", pdf, NULL };
    g_autoptr(GArray) t = time_command (argv, 5);
    ok &= cirt_bench_report_time ("export --pdf, 250 questions, 1,000-assessment db", t, 1.0);
  }

  cirt_bench_cleanup ();
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
