/* bench-gui-portfolio.c — the Portfolio view of 1,000 assessments × 250
 * answers in the real window (under Xvfb): opening it, scrolling the table a
 * page at a time and changing the region filter, each until the window has
 * painted, against bare GTK and SQLite doing the same in the same process
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals (issue 15):
 * - the portfolio opens (the database read and every assessment scored, the
 *   table and the medians made, the radar drawn) in ≤ 300 ms, and in ≤ 2.5×
 *   the floor: a bare SQLite statement reading every answer's value, plus a
 *   bare one-column GtkGridView of 1,000 rows × 13 labels made and painted
 *   in the same window (the least the view's widgets could cost);
 * - a page of scrolling is painted in ≤ 2× the time the bare grid view
 *   takes for the same page;
 * - a change of the region filter is painted in ≤ 3× the time the bare grid
 *   view takes to filter its rows with a custom filter.
 * A bare GtkColumnView of 1,000 rows × 13 columns (GTK's own table, which
 * the view used before: GTK 4.8 makes 200 rows of it up front) is measured
 * too, for comparison, with no goal. The floors are measured in turns with
 * the subject, so that a busy machine slows both. */
#include "config.h"

#include <sqlite3.h>
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
/* The floors: a bare grid view of 1,000 rows × 13 labels, a bare column    */
/* view of 1,000 rows × 13 text columns, a bare read of the answers         */

static void
grid_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = gtk_label_new (NULL);
      gtk_widget_set_size_request (label, 80, -1);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_item_set_child (item, box);
}

static void
grid_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  GtkStringObject *s = gtk_list_item_get_item (item);
  guint col = 0;

  for (GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item)); label != NULL;
       label = gtk_widget_get_next_sibling (label), col++)
    {
      char text[64];
      g_snprintf (text, sizeof text, "%s %u", gtk_string_object_get_string (s), col);
      gtk_label_set_label (GTK_LABEL (label), text);
    }
}

/* Reads what the portfolio reads of every answer, as bare as SQLite can. */
static double
bare_read (sqlite3 *db)
{
  gint64 t = g_get_monotonic_time ();
  sqlite3_stmt *stmt = NULL;
  gsize bytes = 0;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT assessment, question, value, not_applicable FROM answer"
                                            " WHERE value IS NOT NULL OR not_applicable", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 3; c++)
        bytes += sqlite3_column_bytes (stmt, c) + (sqlite3_column_text (stmt, c) != NULL);
      bytes += sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);
  ck_assert_uint_gt (bytes, 0);
  return (g_get_monotonic_time () - t) / 1e6;
}

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
floor_view_new (Floor   *floor,
                gboolean grid)
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
  if (grid)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (grid_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (grid_bind_cb), NULL);
      view = gtk_grid_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))), factory);
      gtk_grid_view_set_max_columns (GTK_GRID_VIEW (view), 1);
    }
  else
    view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))));
  for (guint c = 0; !grid && c < N_COLUMNS; c++)
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

static const char *regions[] = { "africa", "americas", "arab-states", "asia-pacific", "cis", "europe", NULL };

/* A bare view (a one-column grid view of rows of labels, or a column view)
 * added to a shown window: the seconds until it is painted; the pages it
 * scrolls and the filters it applies are added to @scroll and @filter. */
static double
run_floor (gboolean grid,
           GArray  *scroll,
           GArray  *filter)
{
  GtkWidget *win = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  Floor floor = { 0 };
  GtkAdjustment *adj;
  double open, s;
  gint64 t;

  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 720);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("empty"), "empty");
  gtk_window_set_child (GTK_WINDOW (win), stack);
  cirt_gui_test_show (GTK_WINDOW (win));
  settle ();
  t = g_get_monotonic_time ();
  gtk_stack_add_named (GTK_STACK (stack), floor_view_new (&floor, grid), "list");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "list");
  open = until_painted (win, t);
  settle ();
  adj = vadjustment_of (floor.scrolled);
  for (guint i = 0; scroll != NULL && i < SCROLLS; i++)
    {
      s = scroll_page (win, adj);
      g_array_append_val (scroll, s);
    }
  for (guint i = 0; filter != NULL && i < G_N_ELEMENTS (regions); i++)
    {
      t = g_get_monotonic_time ();
      floor_modulus = regions[i] ? 6 + i : 1;
      gtk_filter_changed (GTK_FILTER (floor.filter), GTK_FILTER_CHANGE_DIFFERENT);
      s = until_painted (win, t);
      g_array_append_val (filter, s);
    }
  floor_modulus = 1;
  g_object_unref (floor.filter);
  gtk_window_destroy (GTK_WINDOW (win));
  settle ();
  return open;
}

START_TEST (bench)
{
  g_autofree char *id = NULL;
  g_autofree char *db = cirt_bench_copy_db (N_ROWS, 250, "gui-portfolio.db", &id);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_columns = g_array_new (FALSE, FALSE, sizeof (double));
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
      CirtPortfolioView *view;
      GtkAdjustment *adj;
      guint n_rows = 0;
      gint64 t;
      double s, read_floor;

      ck_assert_msg (store != NULL, "%s", error ? error->message : "");

      /* The floors: the answers read bare, a bare grid view and a bare
       * column view, each added to a shown window. */
      {
        sqlite3 *bare_db = NULL;

        ck_assert_int_eq (sqlite3_open_v2 (db, &bare_db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
        read_floor = bare_read (bare_db);
        sqlite3_close (bare_db);
      }
      s = run_floor (TRUE, scroll_floor, filter_floor) + read_floor;
      g_array_append_val (open_floor, s);
      s = run_floor (FALSE, NULL, NULL);
      g_array_append_val (open_columns, s);

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
      /* The point of the grid view: widgets for the rows in sight and a
       * few more, not for 200 rows (nor 1,000). */
      for (GtkWidget *c = gtk_widget_get_first_child (cirt_portfolio_view_get_list (view)); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        n_rows += gtk_widget_get_visible (c);
      ck_assert_msg (n_rows >= 5 && n_rows <= 60, "%u row widgets", n_rows);
      settle ();
      adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cirt_portfolio_view_get_list (view)));
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
  ok &= cirt_bench_report_ratio ("portfolio view: open vs bare SQLite + a bare grid view", open, open_floor, 2.5);
  ok &= cirt_bench_report_ratio ("portfolio view: a page scrolled vs a bare grid view", scroll, scroll_floor, 2.0);
  ok &= cirt_bench_report_ratio ("portfolio view: region filter vs a bare grid view", filter, filter_floor, 3.0);
  cirt_bench_report_ratio ("portfolio view: open vs a bare column view", open, open_columns, G_MAXDOUBLE);
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
