/* bench-store.c — one answer saved through the store, against a bare SQLite
 * INSERT in its own transaction on the same disk (WAL, synchronous=FULL)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goal (issue 9): a save costs at most 1.5 times the bare insert. Both write
 * one transaction and wait for it to reach the disk; what the store adds is
 * the checking, the canonical value, the history row and the statements. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cirt-bench.h"

#define PAIRS 300

static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
#define GOAL  1.5

static sqlite3 *
open_floor (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                        "CREATE TABLE t (id INTEGER PRIMARY KEY, assessment TEXT, question TEXT, value TEXT,"
                        " updated_at TEXT)", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("floor: %s", sqlite3_errmsg (db));
  return db;
}

int
main (void)
{
  g_autofree char *floor_path = cirt_bench_path ("floor.db");
  g_autofree char *store_path = cirt_bench_path ("store.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) subject_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *id = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3 *db;
  gboolean ok;

  db = open_floor (floor_path);
  if (sqlite3_prepare_v2 (db, "INSERT INTO t (assessment, question, value, updated_at) VALUES (?,?,?,?)", -1,
                          &insert, NULL) != SQLITE_OK)
    g_error ("floor: %s", sqlite3_errmsg (db));

  store = cirt_store_open (store_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  /* A mission of 250 questions, half of them answered already. */
  id = cirt_bench_populate (store, 3, 250);

  for (guint i = 0; i < PAIRS; i++)
    {
      g_autoptr(CirtAnswer) a = cirt_answer_new ("BQ-0001");
      g_autofree char *value = g_strdup_printf ("%u", i % 5);
      gint64 t0;
      double s, c0;

      /* The floor: one row, its own transaction, to disk. */
      c0 = cpu_seconds ();
      t0 = g_get_monotonic_time ();
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, "BQ-0001", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, value, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, "2026-03-02T10:00:00.000Z", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("floor: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      s = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (floor, s);
      s = cpu_seconds () - c0;
      g_array_append_val (floor_cpu, s);

      /* The store: a level answer that changes every time (the same
       * content again would write nothing). */
      a->value = g_strdup (value);
      a->notes = g_strdup ("Confirmed by the regulator in the interview.");
      a->author = g_strdup ("A. Assessor");
      c0 = cpu_seconds ();
      t0 = g_get_monotonic_time ();
      if (!cirt_store_save_answer (store, id, a, &error))
        g_error ("%s", error->message);
      s = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (subject, s);
      s = cpu_seconds () - c0;
      g_array_append_val (subject_cpu, s);
    }
  ok = cirt_bench_report_ratio ("answer save vs bare INSERT (WAL, FULL)", subject, floor, GOAL);
  /* For information: the processor time alone, without the wait for the
   * disk that both share. */
  cirt_bench_report_ratio ("  processor time only (for information)", subject_cpu, floor_cpu, G_MAXDOUBLE);

  sqlite3_finalize (insert);
  sqlite3_close (db);
  g_clear_object (&store);
  cirt_bench_cleanup ();
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
