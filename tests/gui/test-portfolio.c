/* test-portfolio.c — the Portfolio view in the real window: reached by
 * menu and keyboard, filtered by region, sorted, a country's radar against
 * its region's median, a row activated opens its assessment, the table's
 * header sorts and lines up with the rows (sideways too), the keyboard
 * walks the rows, the view follows the store; the New Assessment form's
 * country list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cirt-application.h"
#include "cirt-chart-view.h"
#include "cirt-gui-test-util.h"
#include "cirt-new-assessment-dialog.h"
#include "cirt-portfolio-view.h"
#include "cirt-table-row.h"
#include "cirt-window.h"

static CirtApplication *app;
static CirtStore *store;
static CirtWindow *window;

typedef struct {
  const char *country;
  const char *code;
  const char *region;
  const char *phase;
  const char *started;
  guint       seed;
} Mission;

static const Mission missions[] = {
  { "Kenya", "KE", "africa", "assessment", "2026-02-01", 3 },
  { "Ghana", "GH", "africa", "assessment", "2025-06-10", 1 },
  { "Kenya", "KE", "africa", "assessment", "2023-04-20", 0 },
  { "Senegal", "SN", "africa", "design", "2025-11-03", 4 },
  { "Rwanda", "RW", "africa", "establishment", "2024-05-14", 2 },
  { "France", "FR", "europe", "assessment", "2024-09-09", 2 },
  { "Germany", "DE", "europe", "design", "2025-01-15", 4 },
  { "Jordan", "JO", "arab-states", "assessment", "2025-10-20", 1 },
  { "Oman", "OM", "arab-states", "enhancement", "2026-01-12", 3 },
  { "Japan", "JP", "asia-pacific", "assessment", "2025-03-03", 2 },
  { "Fiji", "FJ", "asia-pacific", "design", "2024-12-02", 0 },
  { "Atlantis", NULL, NULL, "assessment", "2025-05-05", 1 },
};

static CirtInstrument *
instrument (void)
{
  CirtInstrument *inst = cirt_instrument_find ("itu-cirt-readiness", NULL);
  return inst ? inst : cirt_test_load_fixture ("mini.json");
}

static void
add_missions (void)
{
  g_autoptr(CirtInstrument) inst = instrument ();
  g_autoptr(GError) error = NULL;

  ck_assert (cirt_store_transaction_begin (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    {
      const Mission *m = &missions[i];
      g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
      g_autoptr(GPtrArray) insts = g_ptr_array_new ();
      g_autofree char *id = NULL;
      guint n = 0;

      info->title = g_strdup_printf ("%s readiness %.4s", m->country, m->started);
      info->country = g_strdup (m->country);
      info->country_code = g_strdup (m->code);
      info->region = g_strdup (m->region);
      info->phase = g_strdup (m->phase);
      info->started_on = g_strdup (m->started);
      g_ptr_array_add (insts, inst);
      id = cirt_store_create_assessment (store, info, insts, &error);
      ck_assert_msg (id != NULL, "%s", error ? error->message : "");
      /* Every level question, by a pattern of its own per mission. */
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++, n++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              g_autoptr(CirtAnswer) a = cirt_answer_new (qu->id);

              if (qu->kind != CIRT_KIND_LEVEL)
                continue;
              a->value = g_strdup_printf ("%u", (m->seed + s + (n % 3)) % 5);
              ck_assert (cirt_store_save_answer (store, id, a, &error));
            }
        }
    }
  ck_assert (cirt_store_transaction_commit (store, &error));
}

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("portfolio-gui.db");
  g_autoptr(GError) error = NULL;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  add_missions ();
  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cirt_gui_test_show (GTK_WINDOW (window));
}

static void
teardown (void)
{
  GtkWidget *w = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_close (GTK_WINDOW (window));
  ck_assert_msg (CIRT_WAIT_UNTIL (w == NULL, 5000), "the window did not close");
  window = NULL;
  g_clear_object (&store);
}

static CirtPortfolioView *
show_portfolio (void)
{
  CirtPortfolioView *view;

  /* By keyboard, as the main menu's item says. */
  ck_assert (cirt_gui_test_press_key (GTK_WINDOW (window), GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  view = cirt_window_get_portfolio (window);
  ck_assert_ptr_nonnull (view);
  ck_assert (CIRT_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (view)) &&
                              cirt_portfolio_view_get_n_shown (view) == G_N_ELEMENTS (missions), 5000));
  cirt_gui_test_spin (100);
  return view;
}

START_TEST (test_filter_sort_radar_open)
{
  CirtPortfolioView *view = show_portfolio ();
  GtkWidget *radar = cirt_portfolio_view_get_radar (view);
  const CirtPortfolioRow *row;
  g_autofree char *opened = NULL;

  /* The table has the keyboard focus. */
  ck_assert (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                     cirt_portfolio_view_get_list (view)) ||
             gtk_root_get_focus (GTK_ROOT (window)) == cirt_portfolio_view_get_list (view));

  /* Region: Africa (five missions, Kenya twice). */
  cirt_portfolio_view_set_filter (view, "africa", NULL, FALSE);
  ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), 5);
  for (guint i = 0; i < 5; i++)
    ck_assert_str_eq (cirt_portfolio_view_get_shown (view, i)->region, "africa");
  cirt_portfolio_view_set_filter (view, "africa", NULL, TRUE);
  ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), 4);
  cirt_portfolio_view_set_filter (view, "africa", "assessment", FALSE);
  ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), 3);
  cirt_portfolio_view_set_filter (view, CIRT_PORTFOLIO_NO_REGION, NULL, FALSE);
  ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), 1);
  ck_assert_str_eq (cirt_portfolio_view_get_shown (view, 0)->country, "Atlantis");
  cirt_portfolio_view_set_filter (view, "africa", NULL, FALSE);

  /* Sorted by country, then by the overall index from the highest. */
  cirt_portfolio_view_sort_by (view, "country", FALSE);
  for (guint i = 0; i + 1 < cirt_portfolio_view_get_n_shown (view); i++)
    ck_assert_int_le (g_utf8_collate (cirt_portfolio_view_get_shown (view, i)->country,
                                      cirt_portfolio_view_get_shown (view, i + 1)->country), 0);
  ck_assert_str_eq (cirt_portfolio_view_get_shown (view, 0)->country, "Ghana");
  cirt_portfolio_view_sort_by (view, "overall", TRUE);
  for (guint i = 0; i + 1 < cirt_portfolio_view_get_n_shown (view); i++)
    ck_assert (cirt_portfolio_view_get_shown (view, i)->overall.score >=
               cirt_portfolio_view_get_shown (view, i + 1)->overall.score);
  /* The sort menu's action does the same. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "portfolio.sort", "s", "date"));
  ck_assert_str_eq (cirt_portfolio_view_get_shown (view, 0)->date, "2026-02-01");

  /* The selected country against its region's median. */
  cirt_portfolio_view_select (view, 1);
  cirt_gui_test_spin (100);
  row = cirt_portfolio_view_get_shown (view, 1);
  ck_assert_ptr_nonnull (cirt_chart_view_get_score (CIRT_CHART_VIEW (radar)));
  ck_assert_ptr_nonnull (cirt_chart_view_get_comparison_label (CIRT_CHART_VIEW (radar)));
  ck_assert_msg (strstr (cirt_chart_view_get_comparison_label (CIRT_CHART_VIEW (radar)), "Median of Africa (5") != NULL,
                 "%s", cirt_chart_view_get_comparison_label (CIRT_CHART_VIEW (radar)));
  ck_assert_ptr_nonnull (strstr (cirt_chart_view_get_description (CIRT_CHART_VIEW (radar)), "Median of Africa"));

  cirt_gui_test_screenshot (GTK_WIDGET (window), "portfolio.png");

  /* Activating the row opens the assessment. */
  opened = g_strdup (row->id);
  cirt_portfolio_view_activate (view, 1);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_assessment_view_get_assessment_id (cirt_window_get_view (window)), opened) == 0 &&
                              gtk_widget_get_mapped (GTK_WIDGET (cirt_window_get_view (window))), 5000));
  ck_assert (!gtk_widget_get_mapped (GTK_WIDGET (view)));
}
END_TEST

/* The first row widget of the table that shows a row (the grid view's
 * children hold the CirtTableRows). */
static GtkWidget *
first_table_row (CirtPortfolioView *view)
{
  for (GtkWidget *c = gtk_widget_get_first_child (cirt_portfolio_view_get_list (view)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_mapped (c) && CIRT_IS_TABLE_ROW (gtk_widget_get_first_child (c)))
      {
        GtkWidget *row = gtk_widget_get_first_child (c);
        graphene_rect_t b;

        /* The top one: the grid view keeps rows in the order of the model. */
        if (gtk_widget_compute_bounds (row, GTK_WIDGET (view), &b))
          return row;
      }
  return NULL;
}

#define assert_columns_line_up(view) assert_columns_line_up_at (view, __LINE__)

static void
assert_columns_line_up_at (CirtPortfolioView *view,
                           int                line)
{
  GtkWidget *header = cirt_portfolio_view_get_header (view);
  GtkWidget *row = first_table_row (view);

  ck_assert_msg (row != NULL, "line %d: no row in sight", line);
  for (guint c = 0; c < 13; c++)
    {
      graphene_rect_t h, r;

      ck_assert (gtk_widget_compute_bounds (cirt_table_row_get_cell (CIRT_TABLE_ROW (header), c), GTK_WIDGET (view), &h));
      ck_assert (gtk_widget_compute_bounds (cirt_table_row_get_cell (CIRT_TABLE_ROW (row), c), GTK_WIDGET (view), &r));
      ck_assert_msg (fabsf (h.origin.x - r.origin.x) < 0.5 && fabsf (h.size.width - r.size.width) < 0.5,
                     "line %d, column %u: the header at %.0f (%.0f wide), the row at %.0f (%.0f wide)", line, c, h.origin.x,
                     h.size.width, r.origin.x, r.size.width);
    }
}

START_TEST (test_table_header_and_keyboard)
{
  CirtPortfolioView *view = show_portfolio ();
  GtkWidget *header = cirt_portfolio_view_get_header (view);
  GtkWidget *country = cirt_table_row_get_cell (CIRT_TABLE_ROW (header), 0);
  GtkWidget *overall = cirt_table_row_get_cell (CIRT_TABLE_ROW (header), 5);
  GtkWidget *list = cirt_portfolio_view_get_list (view);
  GtkAdjustment *hrows;
  guint n = cirt_portfolio_view_get_n_shown (view);
  guint before;

  ck_assert (GTK_IS_BUTTON (country));
  ck_assert (gtk_test_accessible_has_property (GTK_ACCESSIBLE (country), GTK_ACCESSIBLE_PROPERTY_LABEL));
  assert_columns_line_up (view);

  /* A larger interface font widens the columns, which still line up. */
  {
    GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (view));
    g_autofree char *font = NULL;
    int before_width = gtk_widget_get_width (country);

    g_object_get (settings, "gtk-font-name", &font, NULL);
    g_object_set (settings, "gtk-font-name", "Cantarell 16", NULL);
    ck_assert (CIRT_WAIT_UNTIL (gtk_widget_get_width (country) > before_width + 10, 5000));
    assert_columns_line_up (view);
    g_object_set (settings, "gtk-font-name", font, NULL);
    ck_assert (CIRT_WAIT_UNTIL (gtk_widget_get_width (country) == before_width, 5000));
  }

  /* A click on a title sorts by it, a second one the other way round. */
  cirt_gui_test_click (country);
  for (guint i = 0; i + 1 < n; i++)
    ck_assert_int_le (g_utf8_collate (cirt_portfolio_view_get_shown (view, i)->country,
                                      cirt_portfolio_view_get_shown (view, i + 1)->country), 0);
  ck_assert (gtk_test_accessible_has_property (GTK_ACCESSIBLE (country), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  cirt_gui_test_click (country);
  for (guint i = 0; i + 1 < n; i++)
    ck_assert_int_ge (g_utf8_collate (cirt_portfolio_view_get_shown (view, i)->country,
                                      cirt_portfolio_view_get_shown (view, i + 1)->country), 0);
  ck_assert_str_eq (cirt_portfolio_view_get_shown (view, 0)->country, "Senegal");
  /* A score sorts from the highest first; the country's title is not the
   * sorted one any more. */
  cirt_gui_test_click (overall);
  for (guint i = 0; i + 1 < n; i++)
    ck_assert (cirt_portfolio_view_get_shown (view, i)->overall.score >=
               cirt_portfolio_view_get_shown (view, i + 1)->overall.score);
  ck_assert (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (country), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  cirt_gui_test_spin (50);
  assert_columns_line_up (view);

  /* Sideways, the header goes with the rows, in both directions of text;
   * a title reached by Tab out of sight scrolls them to it. */
  hrows = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (list));
  /* At 1280 pixels, the 13 columns are wider than the table. */
  ck_assert (CIRT_WAIT_UNTIL (gtk_adjustment_get_upper (hrows) > gtk_adjustment_get_page_size (hrows) + 100, 5000));
  for (guint rtl = 0; rtl < 2; rtl++)
    {
      GtkWidget *coverage = cirt_table_row_get_cell (CIRT_TABLE_ROW (header), 12);
      graphene_rect_t b, v;

      gtk_widget_set_default_direction (rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      cirt_gui_test_spin (100);
      gtk_adjustment_set_value (hrows, gtk_adjustment_get_upper (hrows));
      cirt_gui_test_spin (100);
      ck_assert (gtk_adjustment_get_value (hrows) > 50);
      assert_columns_line_up (view);
      gtk_adjustment_set_value (hrows, gtk_adjustment_get_upper (hrows) / 3);
      cirt_gui_test_spin (100);
      assert_columns_line_up (view);
      /* Scrolled to the country (right to left, GTK's list views count
       * from the left all the same), the last column is out of sight;
       * focused, it is in. */
      gtk_adjustment_set_value (hrows, rtl ? gtk_adjustment_get_upper (hrows) : 0);
      cirt_gui_test_spin (100);
      assert_columns_line_up (view);
      ck_assert (gtk_widget_compute_bounds (coverage, list, &b));
      ck_assert (b.origin.x + b.size.width > gtk_widget_get_width (list) + 1 || b.origin.x < -1);
      gtk_widget_grab_focus (coverage);
      cirt_gui_test_spin (100);
      ck_assert (gtk_widget_compute_bounds (coverage, list, &b));
      graphene_rect_init (&v, 0, 0, gtk_widget_get_width (list), gtk_widget_get_height (list));
      ck_assert_msg (b.origin.x >= -0.5 && b.origin.x + b.size.width <= v.size.width + 0.5,
                     "the focused title is at %.0f–%.0f of %.0f", b.origin.x, b.origin.x + b.size.width, v.size.width);
      assert_columns_line_up (view);
      gtk_widget_grab_focus (list);
      gtk_adjustment_set_value (hrows, 0);
      cirt_gui_test_spin (50);
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  cirt_gui_test_spin (100);

  /* The keyboard walks the rows and opens one. */
  cirt_portfolio_view_focus_list (view);
  cirt_portfolio_view_select (view, 0);
  cirt_gui_test_spin (50);
  before = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (list))));
  ck_assert_uint_eq (before, 0);
  {
    GtkWidget *first = gtk_widget_get_parent (first_table_row (view));
    gtk_widget_grab_focus (first);
  }
  ck_assert (cirt_gui_test_press_key (window, GDK_KEY_Down, 0));
  ck_assert_uint_eq (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), 1);
  {
    g_autofree char *id = g_strdup (cirt_portfolio_view_get_shown (view, 1)->id);
    ck_assert (cirt_gui_test_press_key (window, GDK_KEY_Return, 0));
    ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_assessment_view_get_assessment_id (cirt_window_get_view (window)), id) == 0, 5000));
  }
}
END_TEST

/* A change in the store reaches the view once it settles (the CLI, an
 * import, another window). */
START_TEST (test_follows_the_store)
{
  CirtPortfolioView *view = show_portfolio ();
  CirtPortfolio *before = cirt_portfolio_view_get_portfolio (view);
  g_autoptr(CirtInstrument) inst = instrument ();
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  info->title = g_strdup ("Belarus readiness");
  info->country = g_strdup ("Belarus");
  info->country_code = g_strdup ("BY");
  info->region = g_strdup ("cis");
  g_ptr_array_add (insts, inst);
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_ptr_nonnull (id);
  ck_assert (CIRT_WAIT_UNTIL (cirt_portfolio_view_get_portfolio (view) != before &&
                              cirt_portfolio_view_get_n_shown (view) == G_N_ELEMENTS (missions) + 1, 5000));
  cirt_portfolio_view_set_filter (view, "cis", NULL, FALSE);
  ck_assert_uint_eq (cirt_portfolio_view_get_n_shown (view), 1);
  ck_assert_str_eq (cirt_portfolio_view_get_shown (view, 0)->id, id);
}
END_TEST

START_TEST (test_new_assessment_country_list)
{
  GtkWindow *dialog;
  GObject *title, *country, *dropdown, *region;
  GtkCheckButton *check;
  g_autoptr(GPtrArray) list = NULL;
  CirtAssessmentInfo *made = NULL;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-assessment", NULL));
  dialog = cirt_window_get_dialog (window);
  cirt_gui_test_show (dialog);
  title = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "title_row");
  country = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "country_row");
  dropdown = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "country_dropdown");
  region = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "region_row");
  ck_assert (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (dropdown)));

  /* A name the list knows picks the country and its region. */
  gtk_editable_set_text (GTK_EDITABLE (country), "kenya");
  {
    GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
    ck_assert_str_eq (gtk_string_object_get_string (item), "Kenya (KE)");
  }
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (region)), CIRT_REGION_AFRICA + 1);
  /* A name it does not know: no country; the region is the assessor's. */
  gtk_editable_set_text (GTK_EDITABLE (country), "Atlantis");
  ck_assert_uint_eq (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (region), CIRT_REGION_EUROPE + 1);
  /* Picking in the list writes the country's name and region. */
  {
    GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    guint uz = GTK_INVALID_LIST_POSITION;
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
        if (strcmp (gtk_string_object_get_string (item), "Uzbekistan (UZ)") == 0)
          uz = i;
      }
    ck_assert_uint_ne (uz, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), uz);
  }
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (country)), "Uzbekistan");
  ck_assert_uint_eq (adw_combo_row_get_selected (ADW_COMBO_ROW (region)), CIRT_REGION_CIS + 1);

  gtk_editable_set_text (GTK_EDITABLE (title), "Uzbekistan readiness");
  check = cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "itu-cirt-readiness");
  if (check == NULL)
    check = cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "test-mini");
  gtk_check_button_set_active (check, TRUE);
  cirt_gui_test_spin (50);
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "new-assessment-country.png");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  cirt_gui_test_spin (100);
  list = cirt_store_list_assessments (store, NULL);
  for (guint i = 0; i < list->len; i++)
    if (strcmp (((CirtAssessmentInfo *) g_ptr_array_index (list, i))->title, "Uzbekistan readiness") == 0)
      made = g_ptr_array_index (list, i);
  ck_assert_ptr_nonnull (made);
  ck_assert_str_eq (made->country_code, "UZ");
  ck_assert_str_eq (made->region, "cis");
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("gui-portfolio");
  TCase *tc = tcase_create ("portfolio");
  int status;

  /* The test accessibility backend keeps the properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_filter_sort_radar_open);
  tcase_add_test (tc, test_table_header_and_keyboard);
  tcase_add_test (tc, test_follows_the_store);
  tcase_add_test (tc, test_new_assessment_country_list);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
