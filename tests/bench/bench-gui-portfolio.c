/* bench-gui-portfolio.c — the Portfolio view of 1,000 assessments × 250
 * answers in the real window (under Xvfb): opening it, scrolling the table a
 * page at a time and changing the region filter, each until the window has
 * painted, against a bare GtkColumnView of the same size in the same process
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals (issue 15):
 * - the portfolio opens (the database read and every assessment scored, the
 *   table and the medians made, the radar drawn) in ≤ 300 ms, and ≤ 4× a bare
 *   column view of 1,000 rows × 13 text columns made and painted in the same
 *   window;
 * - a page of scrolling is painted in ≤ 2× the time the bare column view
 *   takes for the same page;
 * - a change of the region filter is painted in ≤ 3× the time the bare
 *   column view takes to filter its rows with a custom filter.
 * The floor is measured in turns with the subject, so that a busy machine
 * slows both. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cirt-bench.h"
#include "cirt-gui-test-util.h"
#include "cirt-portfolio-view.h"
#include "cirt-window.h"

#define N_ROWS 1000
#define N_COLUMNS 13
#define RUNS 5
#define SCROLLS 20

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Seconds from @start until @window has painted what changed. */
static double
until_painted (GtkWidget *window,
               gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------------ */
/* The floor: a bare column view of 1,000 rows × 13 text columns            */

static void
floor_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
floor_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);
  guint col = GPOINTER_TO_UINT (data);
  char text[64];

  g_snprintf (text, sizeof text, "%s %u", gtk_string_object_get_string (s), col);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static guint floor_modulus = 1;

static gboolean
floor_filter (gpointer item,
              gpointer data)
{
  const char *s = gtk_string_object_get_string (item);
  return floor_modulus <= 1 || g_str_hash (s) % floor_modulus == 0;
}

typedef struct {
  GtkWidget       *scrolled;
  GtkCustomFilter *filter;
} Floor;

static GtkWidget *
floor_view_new (Floor *floor)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkWidget *view, *scrolled;

  for (guint i = 0; i < N_ROWS; i++)
    {
      char text[64];
      g_snprintf (text, sizeof text, "Country %u · 2025-%02u-%02u", i, i % 12 + 1, i % 28 + 1);
      gtk_string_list_append (strings, text);
    }
  floor->filter = gtk_custom_filter_new (floor_filter, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (strings), GTK_FILTER (g_object_ref (floor->filter)));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))));
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      char title[16];

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_cb), GUINT_TO_POINTER (c));
      g_snprintf (title, sizeof title, "Column %u", c);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  floor->scrolled = scrolled;
  return scrolled;
}

/* ------------------------------------------------------------------------ */

static GtkAdjustment *
vadjustment_of (GtkWidget *scrolled)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static double
scroll_page (GtkWidget     *window,
             GtkAdjustment *adj)
{
  gint64 t = g_get_monotonic_time ();
  double v = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj);

  if (v > gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj))
    v = 0;
  gtk_adjustment_set_value (adj, v);
  return until_painted (window, t);
}

START_TEST (bench)
{
  static const char *regions[] = { "africa", "americas", "arab-states", "asia-pacific", "cis", "europe", NULL };
  g_autofree char *id = NULL;
  g_autofree char *db = cirt_bench_copy_db (N_ROWS, 250, "gui-portfolio.db", &id);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_floor = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = TRUE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtStore) store = cirt_store_open (db, &error);
      CirtWindow *window;
      GtkWidget *stack, *bare;
      CirtPortfolioView *view;
      Floor floor = { 0 };
      GtkAdjustment *adj;
      gint64 t;
      double s;

      ck_assert_msg (store != NULL, "%s", error ? error->message : "");

      /* The floor: a column view added to a shown window. */
      {
        GtkWidget *win = gtk_window_new ();

        gtk_window_set_default_size (GTK_WINDOW (win), 1280, 720);
        stack = gtk_stack_new ();
        gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("empty"), "empty");
        gtk_window_set_child (GTK_WINDOW (win), stack);
        cirt_gui_test_show (GTK_WINDOW (win));
        settle ();
        t = g_get_monotonic_time ();
        bare = floor_view_new (&floor);
        gtk_stack_add_named (GTK_STACK (stack), bare, "list");
        gtk_stack_set_visible_child_name (GTK_STACK (stack), "list");
        s = until_painted (win, t);
        g_array_append_val (open_floor, s);
        settle ();
        adj = vadjustment_of (floor.scrolled);
        for (guint i = 0; i < SCROLLS; i++)
          {
            s = scroll_page (win, adj);
            g_array_append_val (scroll_floor, s);
          }
        for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
          {
            t = g_get_monotonic_time ();
            floor_modulus = regions[i] ? 6 + i : 1;
            gtk_filter_changed (GTK_FILTER (floor.filter), GTK_FILTER_CHANGE_DIFFERENT);
            s = until_painted (win, t);
            g_array_append_val (filter_floor, s);
          }
        g_object_unref (floor.filter);
        gtk_window_destroy (GTK_WINDOW (win));
        settle ();
      }

      /* The portfolio in the application's window. */
      window = cirt_gui_test_window_new (NULL, store);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
      cirt_gui_test_show (GTK_WINDOW (window));
      settle ();
      t = g_get_monotonic_time ();
      view = cirt_window_show_portfolio (window);
      s = until_painted (GTK_WIDGET (window), t);
      g_array_append_val (open, s);
      ck_assert_uint_eq (cirt_portfolio_get_n_rows (cirt_portfolio_view_get_portfolio (view)), N_ROWS);
      ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), N_ROWS);
      settle ();
      adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cirt_portfolio_view_get_column_view (view)));
      for (guint i = 0; i < SCROLLS; i++)
        {
          s = scroll_page (GTK_WIDGET (window), adj);
          g_array_append_val (scroll, s);
        }
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          t = g_get_monotonic_time ();
          cirt_portfolio_view_set_filter (view, regions[i], NULL, FALSE);
          s = until_painted (GTK_WIDGET (window), t);
          g_array_append_val (filter, s);
        }
      ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), N_ROWS);
      gtk_window_destroy (GTK_WINDOW (window));
      settle ();
    }

  printf ("\n%u assessments × 250 answers, window 1280x720 (GSK_RENDERER=%s), %u runs\n", N_ROWS,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", RUNS);
  ok &= cirt_bench_report_time ("portfolio view: open, until painted", open, 0.300);
  ok &= cirt_bench_report_ratio ("portfolio view: open vs a bare column view", open, open_floor, 4.0);
  ok &= cirt_bench_report_ratio ("portfolio view: a page scrolled vs a bare column view", scroll, scroll_floor, 2.0);
  ok &= cirt_bench_report_ratio ("portfolio view: region filter vs a bare column view", filter, filter_floor, 3.0);
  cirt_bench_report_time ("portfolio view: a page scrolled", scroll, 0);
  cirt_bench_report_time ("portfolio view: region filter", filter, 0);
  fflush (stdout);
  cirt_bench_cleanup ();
  ck_assert_msg (ok, "a goal was missed (see above)");
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  Suite *s = suite_create ("bench-gui-portfolio");
  TCase *tc = tcase_create ("portfolio");

  cirt_gui_test_init (&argc, &argv);
  tcase_set_timeout (tc, 900);
  tcase_add_test (tc, bench);
  suite_add_tcase (s, tc);
  return cirt_test_run_suite (s);
}
