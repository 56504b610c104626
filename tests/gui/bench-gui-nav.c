/* bench-gui-nav.c — moving between questions of a 200-question instrument and
 * filtering 500 assessments, in the real window (meson benchmark)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cirt-app-util.h"
#include "cirt-gui-test-util.h"
#include "cirt-window.h"

#define N_SECTIONS 20
#define N_PER_SECTION 10
#define N_ASSESSMENTS 500

static const char *pillars[] = { "legal", "technical", "organizational", "capacity", "cooperation" };

/* A 200-question instrument: mostly levels with long descriptors, as the
 * shipped ones, and every other kind. */
static char *
big_instrument (void)
{
  GString *s = g_string_new (NULL);

  g_string_append (s, "{\"format\":\"cirt-instrument\",\"format_version\":1,\"id\":\"bench-200\",\"version\":\"1.0.0\","
                      "\"languages\":[\"en\"],\"title\":{\"en\":\"Benchmark instrument\"},\"pillars\":[");
  for (guint p = 0; p < G_N_ELEMENTS (pillars); p++)
    g_string_append_printf (s, "%s{\"id\":\"%s\"}", p ? "," : "", pillars[p]);
  g_string_append (s, "],\"sections\":[");
  for (guint sec = 0; sec < N_SECTIONS; sec++)
    {
      g_string_append_printf (s, "%s{\"id\":\"s%u\",\"pillar\":\"%s\",\"title\":{\"en\":\"Section %u of the benchmark\"},"
                                 "\"questions\":[", sec ? "," : "", sec, pillars[sec % 5], sec + 1);
      for (guint q = 0; q < N_PER_SECTION; q++)
        {
          guint n = sec * N_PER_SECTION + q;
          const char *kinds[] = { "level", "level", "level", "level", "yesno", "choice", "checklist", "level", "text", "number" };
          const char *kind = n == 199 ? "date" : kinds[q];

          g_string_append_printf (s, "%s{\"id\":\"B-%03u\",\"kind\":\"%s\",\"text\":{\"en\":\"Question %u: is the "
                                     "capability in place, documented, resourced and reviewed on a regular basis?\"},"
                                     "\"guidance\":{\"en\":\"Ask for the documents and who approved them.\"}",
                                  q ? "," : "", n, kind, n);
          if (g_str_equal (kind, "level"))
            {
              g_string_append (s, ",\"levels\":[");
              for (int l = 0; l < 5; l++)
                g_string_append_printf (s, "%s{\"level\":%d,\"text\":{\"en\":\"Level %d descriptor: what the assessor "
                                           "would see in the country at this stage, described in one or two full "
                                           "sentences so that the choice is clear.\"}}", l ? "," : "", l, l);
              g_string_append (s, "]");
            }
          else if (g_str_equal (kind, "choice") || g_str_equal (kind, "checklist"))
            {
              g_string_append (s, ",\"options\":[");
              for (int o = 0; o < 5; o++)
                g_string_append_printf (s, "%s{\"id\":\"o%d\",\"text\":{\"en\":\"Option %d\"}%s}", o ? "," : "", o, o,
                                        g_str_equal (kind, "choice") ? (o == 4 ? ",\"score\":1" : ",\"score\":0.25") : "");
              g_string_append (s, "]");
            }
          g_string_append (s, "}");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_double);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  printf ("%-46s n=%-4u mean %7.2f ms  median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, ms->len,
          sum / ms->len, g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, (guint) (ms->len * 0.95)), g_array_index (ms, double, ms->len - 1));
}

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* From now until the window has painted the change. */
static double
until_painted (GtkWidget *window,
               gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

START_TEST (bench)
{
  g_autofree char *json = big_instrument ();
  g_autofree char *db = cirt_test_tmp_path ("bench.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "bench", &error);
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) instruments = g_ptr_array_new ();
  g_autofree char *id = NULL;
  g_autoptr(GArray) bind = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  const char *queries[] = { "r", "re", "rep", "repu", "republic", "republic 1", "republic 12", "republic 123",
                            "mission", "mission 4", "ministry", "", "co", "country 3", "zzz", "" };
  const char *orders[] = { "country", "title", "progress", "date" };
  CirtWindow *window;
  CirtQuestionnaire *questionnaire;
  CirtAssessmentSidebar *sidebar;
  GSettings *settings = cirt_gui_test_settings ();
  gint64 t;

  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (cirt_instrument_get_n_questions (inst), N_SECTIONS * N_PER_SECTION);
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (instruments, inst);

  /* 500 assessments, as after years of missions. */
  t = g_get_monotonic_time ();
  for (guint i = 0; i < N_ASSESSMENTS; i++)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
      g_autofree char *aid = NULL;

      info->title = g_strdup_printf ("Mission %u: national CIRT readiness", i);
      info->country = g_strdup_printf ("Republic %u", i);
      info->organisation = g_strdup_printf ("Ministry %u", i % 17);
      info->created_at = g_strdup_printf ("2026-01-01T00:%02u:%02u.000Z", (i / 60) % 60, i % 60);
      aid = cirt_store_create_assessment (store, info, instruments, &error);
      ck_assert_msg (aid != NULL, "%s", error ? error->message : "");
      if (id == NULL)
        id = g_steal_pointer (&aid);
    }
  printf ("setup: %u assessments created in %.0f ms\n", N_ASSESSMENTS, (g_get_monotonic_time () - t) / 1000.0);
  /* Half of the questionnaire answered. */
  for (guint q = 0; q < 100; q++)
    {
      g_autoptr(CirtAnswer) a = cirt_answer_new (NULL);
      g_free (a->question);
      a->question = g_strdup_printf ("B-%03u", q * 2);
      if (q * 2 % 10 < 4 || q * 2 % 10 == 7)
        a->value = g_strdup ("2");
      a->notes = g_strdup ("Notes from the interview with the ministry.");
      ck_assert (cirt_store_save_answer (store, id, a, NULL));
    }

  t = g_get_monotonic_time ();
  window = cirt_gui_test_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  cirt_gui_test_show (GTK_WINDOW (window));
  printf ("setup: window with %u assessments shown in %.0f ms\n", N_ASSESSMENTS, (g_get_monotonic_time () - t) / 1000.0);
  sidebar = cirt_window_get_sidebar (window);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), N_ASSESSMENTS);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint), NULL);

  /* Opening an assessment of 200 questions. */
  for (int i = 0; i < 10; i++)
    {
      double ms;
      t = g_get_monotonic_time ();
      cirt_window_open (window, i % 2 ? id : cirt_assessment_sidebar_get_shown_id (sidebar, 1));
      ms = until_painted (GTK_WIDGET (window), t);
      g_array_append_val (open, ms);
    }
  cirt_window_open (window, id);
  questionnaire = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));
  ck_assert_uint_eq (cirt_questionnaire_get_n_questions (questionnaire), N_SECTIONS * N_PER_SECTION);

  /* Next, next, next…: every question, twice, as Alt+Right does. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_SECTIONS * N_PER_SECTION; i++)
      {
        double b, f;
        t = g_get_monotonic_time ();
        ck_assert (gtk_widget_activate_action (GTK_WIDGET (questionnaire),
                                               i == 0 ? "questionnaire.section" : "questionnaire.next",
                                               i == 0 ? "i" : NULL, -100));
        if (i == 0)
          cirt_questionnaire_go_to (questionnaire, 0);
        b = (g_get_monotonic_time () - t) / 1000.0;
        f = until_painted (GTK_WIDGET (window), t);
        g_array_append_val (bind, b);
        g_array_append_val (frame, f);
      }
  ck_assert_uint_eq (cirt_questionnaire_get_position (questionnaire), N_SECTIONS * N_PER_SECTION - 1);

  /* Typing in the assessments' search box. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        double b, f;
        t = g_get_monotonic_time ();
        cirt_assessment_sidebar_set_search (sidebar, queries[i]);
        b = (g_get_monotonic_time () - t) / 1000.0;
        f = until_painted (GTK_WIDGET (window), t);
        g_array_append_val (filter, b);
        g_array_append_val (filter_frame, f);
      }
  cirt_assessment_sidebar_set_search (sidebar, "republic 123");
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 1);
  cirt_assessment_sidebar_set_search (sidebar, NULL);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
      {
        double f;
        t = g_get_monotonic_time ();
        g_settings_set_string (settings, "sort-order", orders[i]);
        f = until_painted (GTK_WIDGET (window), t);
        g_array_append_val (sort, f);
      }

  printf ("\n200-question instrument, %u assessments, window 1280x720 (GSK_RENDERER=%s)\n", N_ASSESSMENTS,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  report ("open an assessment, until painted", open);
  report ("next question: bind", bind);
  report ("next question: until painted", frame);
  report ("filter 500 assessments: filter", filter);
  report ("filter 500 assessments: until painted", filter_frame);
  report ("sort 500 assessments: until painted", sort);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  cirt_gui_test_spin (20);
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  Suite *s = suite_create ("bench-gui");
  TCase *tc = tcase_create ("nav");

  cirt_gui_test_init (&argc, &argv);
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, bench);
  suite_add_tcase (s, tc);
  return cirt_test_run_suite (s);
}
