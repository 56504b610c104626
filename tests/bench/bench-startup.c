/* bench-startup.c — from starting cirt-assess to its first frame, against a
 * bare AdwApplication window started the same way (runs under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals (issue 9): with the sample assessment open, and with 1,000
 * assessments in the list and none open, the first frame comes at most 2×
 * as late as the bare window's; the start grows at most linearly from 10 to
 * 1,000 assessments. The application is run with
 * CIRT_EXIT_AFTER_FIRST_FRAME=1, which ends it at its first frame. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cirt-bench.h"

#define PAIRS 15

static const char *app;
static const char *floor_window;

static gboolean
start_vs_floor (const char *what,
                const char *db,
                const char *open_id,
                GArray    **out)
{
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("start to first frame (%s)", what);
  gboolean ok;

  for (guint i = 0; i < PAIRS + 1; i++)
    {
      const char *floor_argv[] = { floor_window, NULL };
      const char *argv[] = { app, "--db", db, open_id ? "--open" : NULL, open_id, NULL };
      double f = cirt_bench_run (floor_argv, FALSE);
      double s = cirt_bench_run (argv, FALSE);

      /* The first pair warms the caches (fonts, icons, shaders). */
      if (i == 0)
        continue;
      g_array_append_val (floor, f);
      g_array_append_val (subject, s);
    }
  ok = cirt_bench_report_ratio (name, subject, floor, 2.0);
  if (out)
    *out = g_array_ref (subject);
  return ok;
}

int
main (void)
{
  g_autofree char *sample_db = cirt_bench_path ("sample.db");
  g_autofree char *sample_id = NULL, *large_id = NULL, *small_id = NULL;
  g_autofree char *large_db = NULL, *small_db = NULL;
  g_autoptr(GArray) small = NULL;
  g_autoptr(GArray) large = NULL;
  gboolean ok = TRUE;
  double growth;

  app = cirt_bench_getenv ("CIRT_APP");
  floor_window = cirt_bench_getenv ("CIRT_FLOOR_WINDOW");
  g_setenv ("CIRT_EXIT_AFTER_FIRST_FRAME", "1", TRUE);

  {
    const char *argv[] = { cirt_bench_getenv ("CIRT_CLI"), "--db", sample_db, "demo", NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &sample_id, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("demo: %s", error->message);
    g_strstrip (sample_id);
  }
  large_db = cirt_bench_copy_db (1000, 250, "large.db", &large_id);
  small_db = cirt_bench_copy_db (10, 250, "small.db", &small_id);

  ok &= start_vs_floor ("sample assessment open", sample_db, sample_id, NULL);
  ok &= start_vs_floor ("1,000 assessments, none open", large_db, NULL, &large);
  start_vs_floor ("10 assessments, none open", small_db, NULL, &small);
  growth = cirt_bench_median (large) / cirt_bench_median (small);
  printf ("%-52s ×%.2f for 100× the assessments (goal ≤ ×100: linear or better)  %s\n",
          "start, growth from 10 to 1,000 assessments", growth, growth <= 100 ? "ok" : "MISSED");
  ok &= growth <= 100;

  cirt_bench_cleanup ();
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
