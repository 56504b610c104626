/* cirt-bench.h — what the benchmarks share: the generated mission data, the
 * floors they are measured against, timing and the goal lines they print
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every speed goal is a ratio against a floor measured in the same run (a
 * bare SQLite insert, a bare sqlite3 process, a bare GTK window), or a time
 * on data generated here, so that the figures mean the same on a loaded
 * machine. Subject and floor are run in interleaved pairs and the medians
 * compared. */
#pragma once

#include <glib.h>

#include "cirt-store.h"

G_BEGIN_DECLS

/* A realistic instrument of @n_questions questions in five pillars (level
 * questions with five descriptors, yes/no, choice, checklist and a few
 * unscored ones; English and French texts of the length of the shipped
 * ones), as JSON. Its id is "bench-N". */
char       *cirt_bench_instrument_json   (guint n_questions);

/* Fills @store with @n_assessments assessments of the @n_questions
 * instrument, every question answered (a third with notes), ten
 * stakeholders and targets each. Returns the id of the first one. */
char       *cirt_bench_populate          (CirtStore *store,
                                          guint      n_assessments,
                                          guint      n_questions);

/* A fresh copy of a database of @n_assessments × @n_questions made by
 * cirt_bench_populate() (kept between runs in the build folder, by schema
 * version, since making the large one takes a while); *first_id receives
 * the id of its first assessment. */
char       *cirt_bench_copy_db           (guint       n_assessments,
                                          guint       n_questions,
                                          const char *name,
                                          char      **first_id);

/* A path in a fresh folder for this run, on the same disk as the build. */
char       *cirt_bench_path              (const char *name);
void        cirt_bench_cleanup           (void);

/* Runs @argv and returns the wall time in seconds (aborts on failure unless
 * @may_fail). */
double      cirt_bench_run               (const char * const *argv,
                                          gboolean            may_fail);

double      cirt_bench_median            (GArray *seconds);

/* Prints "NAME  subject … floor … ratio R (goal ≤ G) ok|MISSED" and returns
 * whether the goal is met. */
gboolean    cirt_bench_report_ratio      (const char *name,
                                          GArray     *subject,
                                          GArray     *floor,
                                          double      goal);
/* Prints "NAME  median … (goal ≤ G s) ok|MISSED". */
gboolean    cirt_bench_report_time       (const char *name,
                                          GArray     *seconds,
                                          double      goal);

/* $NAME or a clear abort: the benchmarks run through meson. */
const char *cirt_bench_getenv            (const char *name);

G_END_DECLS
