/* bench-export.c — the workbook and the report of a full mission: the two
 * shipped instruments together (151 questions), every question answered
 * with notes, ten stakeholders; then the shipped sample assessment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson benchmark -C BUILD export`. Prints the time per export;
 * it asserts nothing about time (timing goals live here, never in tests). */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "cirt-export-xlsx.h"
#include "cirt-report.h"
#include "cirt-sample.h"
#include "cirt-test-util.h"

#define RUNS 5

static const char *sentences[] = {
  "The ministry confirmed the point in the interview and promised the decree by the end of the quarter.",
  "Evidence seen on site: the draft procedure, version 0.3, not yet approved by the steering committee.",
  "The regulator and the central bank gave different answers; the lower one is recorded here.",
  "Two of the three large operators run their own SOC and share indicators informally by e-mail.",
  "Budget line exists for 2026 but covers equipment only, not salaries or training.",
};

static char *
make_note (guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 2 + n % 4; i++)
    {
      g_string_append (s, sentences[(n + i) % G_N_ELEMENTS (sentences)]);
      g_string_append_c (s, ' ');
    }
  return g_string_free (s, FALSE);
}

static char *
value_for (const CirtQuestion *q,
           guint               n)
{
  switch (q->kind)
    {
    case CIRT_KIND_LEVEL:
      return g_strdup_printf ("%u", n % 5);
    case CIRT_KIND_YESNO:
      return g_strdup ((const char *[]) { "yes", "partial", "no" }[n % 3]);
    case CIRT_KIND_CHOICE:
      return g_strdup (((CirtOption *) g_ptr_array_index (q->options, n % q->options->len))->id);
    case CIRT_KIND_CHECKLIST:
      return g_strdup (((CirtOption *) g_ptr_array_index (q->options, 0))->id);
    case CIRT_KIND_NUMBER:
      return g_strdup_printf ("%u", 10 + n);
    case CIRT_KIND_DATE:
      return g_strdup ("2025-11-03");
    case CIRT_KIND_TEXT:
    case CIRT_N_KINDS:
    default:
      return g_strdup ("Three teams: a sector CERT for banks, the police unit and the operator SOCs.");
    }
}

static char *
build_mission (CirtStore *store,
               guint     *n_questions)
{
  const char *ids[] = { "itu-cirt-readiness", "gca-pillars" };
  g_autoptr(GPtrArray) insts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GError) error = NULL;
  char *id;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CirtInstrument *inst = cirt_instrument_find (ids[i], &error);
      if (inst == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (insts, inst);
    }
  info->title = g_strdup ("Benchmark mission");
  info->country = g_strdup ("Benchmarkland");
  info->organisation = g_strdup ("Ministry of Benchmarks");
  info->lead_assessor = g_strdup ("A. Assessor");
  info->assessors = g_strdup ("A. Assessor, B. Assessor, C. Assessor");
  info->started_on = g_strdup ("2026-03-02");
  info->ended_on = g_strdup ("2026-03-06");
  id = cirt_store_create_assessment (store, info, insts, &error);
  if (id == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < insts->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (insts, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++, n++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              g_autoptr(CirtAnswer) a = cirt_answer_new (qu->id);

              a->value = value_for (qu, n);
              a->notes = make_note (n);
              a->evidence = g_strdup ("Decree 2025/114, article 3; interview notes of 3 March.");
              a->source = g_strdup ("Ministry of Benchmarks, legal department");
              a->author = g_strdup (n % 2 ? "A. Assessor" : "B. Assessor");
              if (!cirt_store_save_answer (store, id, a, &error))
                g_error ("%s: %s", qu->id, error->message);
            }
        }
    }
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    cirt_store_set_target (store, id, p, 3 + p % 2, NULL);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(CirtStakeholder) st = cirt_stakeholder_new ();
      st->name = g_strdup_printf ("Stakeholder %u", i + 1);
      st->organisation = g_strdup ("Organisation with a fairly long official name");
      st->sector = g_strdup ("Government");
      st->met_on = g_strdup ("2026-03-03");
      st->notes = make_note (i);
      cirt_store_add_stakeholder (store, id, st, NULL);
    }
  *n_questions = n;
  return id;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
measure (const char *what,
         CirtStore  *store,
         const char *id,
         guint       n_questions,
         gboolean    pdf,
         const char *path)
{
  double times[RUNS];
  guint pages = 0;
  GStatBuf st;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (store, id, CIRT_LOAD_ALL, &error);
      gboolean ok = data != NULL && (pdf ? cirt_report_write_pdf (data, NULL, path, &pages, &error)
                                         : cirt_export_xlsx (data, NULL, path, NULL, &error));
      times[i] = (g_get_monotonic_time () - t0) / 1e6;
      if (!ok)
        g_error ("%s: %s", what, error->message);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_stat (path, &st);
  printf ("%-28s %3u questions  median %.3f s  min %.3f s  max %.3f s  (%d runs)  %7.1f KiB",
          what, n_questions, times[RUNS / 2], times[0], times[RUNS - 1], RUNS, st.st_size / 1024.0);
  if (pdf)
    printf ("  %u pages", pages);
  printf ("\n");
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *db = NULL, *id = NULL, *xlsx = NULL, *pdf = NULL, *sample_id = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT") ? g_getenv ("CIRT_SOURCE_ROOT") : ".",
                                              "data", "sample", "republic-of-example.json", NULL);
  guint n_questions = 0;

  cirt_test_setup_env ();
  db = cirt_test_tmp_path ("bench.db");
  xlsx = cirt_test_tmp_path ("bench.xlsx");
  pdf = cirt_test_tmp_path ("bench.pdf");
  store = cirt_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  id = build_mission (store, &n_questions);
  measure ("xlsx, full mission", store, id, n_questions, FALSE, xlsx);
  measure ("pdf, full mission", store, id, n_questions, TRUE, pdf);

  if (g_file_test (sample, G_FILE_TEST_IS_REGULAR) && (sample_id = cirt_sample_load (store, sample, &error)) != NULL)
    {
      g_autoptr(GPtrArray) insts = cirt_store_get_instruments (store, sample_id, NULL);
      guint n = 0;
      for (guint i = 0; insts && i < insts->len; i++)
        n += cirt_instrument_get_n_questions (g_ptr_array_index (insts, i));
      measure ("xlsx, sample assessment", store, sample_id, n, FALSE, xlsx);
      measure ("pdf, sample assessment", store, sample_id, n, TRUE, pdf);
    }
  else
    printf ("sample assessment not measured: %s\n", error ? error->message : sample);

  g_clear_object (&store);
  remove_tree (cirt_test_setup_env ());
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return 0;
}
