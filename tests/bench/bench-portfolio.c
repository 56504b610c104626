/* bench-portfolio.c — the portfolio of a database of 1,000 assessments ×
 * 250 answers: built by the core, and `cirt-assess-cli portfolio --json`
 * against a bare sqlite3 process reading the same answers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals (issue 15):
 * - the core builds the portfolio (a fresh connection, every instrument
 *   snapshot parsed once, every assessment scored) in ≤ 300 ms;
 * - `portfolio --json` ≤ 3× a bare `sqlite3` process that reads every
 *   answer's value (what the portfolio has to read at the least). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cirt-bench.h"
#include "cirt-portfolio.h"

#define RUNS 9
#define PAIRS 11

int
main (void)
{
  g_autofree char *id = NULL;
  g_autofree char *db = cirt_bench_copy_db (1000, 250, "portfolio.db", &id);
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  const char *cli = cirt_bench_getenv ("CIRT_CLI");
  const char *sqlite3_bin = cirt_bench_getenv ("CIRT_SQLITE3");
  guint rows = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CirtStore) store = cirt_store_open (db, &error);
      g_autoptr(CirtPortfolio) portfolio = store ? cirt_portfolio_build (store, &error) : NULL;
      double s = (g_get_monotonic_time () - t0) / 1e6;

      if (portfolio == NULL)
        g_error ("%s", error->message);
      rows = cirt_portfolio_get_n_rows (portfolio);
      g_array_append_val (build, s);
    }
  if (rows != 1000)
    g_error ("the portfolio has %u rows, not 1000", rows);
  ok &= cirt_bench_report_time ("portfolio, core: open and build, 1,000 × 250", build, 0.300);

  for (guint i = 0; i < PAIRS; i++)
    {
      const char *floor_argv[] = { sqlite3_bin, db, "SELECT assessment, question, value, not_applicable FROM answer"
                                                    " WHERE value IS NOT NULL OR not_applicable", NULL };
      const char *argv[] = { cli, "--db", db, "portfolio", "--json", NULL };
      double s;

      s = cirt_bench_run (floor_argv, FALSE);
      g_array_append_val (floor, s);
      s = cirt_bench_run (argv, FALSE);
      g_array_append_val (subject, s);
    }
  ok &= cirt_bench_report_ratio ("portfolio --json vs sqlite3 reading the answers", subject, floor, 3.0);
  cirt_bench_report_time ("portfolio --json, 1,000 × 250", subject, 0);

  cirt_bench_cleanup ();
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
