/* test-compare.c — the Compare page of a follow-up in a real window: shown
 * only for a follow-up (Alt+7), the filters, a row activated opens its
 * question in the questionnaire, an answer changed elsewhere updates it;
 * a screenshot on a follow-up of the sample
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cirt-application.h"
#include "cirt-chart-view.h"
#include "cirt-compare-page.h"
#include "cirt-gui-test-util.h"
#include "cirt-questionnaire.h"
#include "cirt-sample.h"
#include "cirt-window.h"

static CirtApplication *app;
static CirtStore *store;
static CirtWindow *window;
static char *base_id, *follow_id;

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("compare-gui.db");
  g_autoptr(GError) error = NULL;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  follow_id = cirt_test_make_follow_up (store, NULL, &base_id);
  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cirt_gui_test_show (GTK_WINDOW (window));
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cirt_gui_test_spin (50);
  window = NULL;
  g_clear_object (&store);
  g_clear_pointer (&base_id, g_free);
  g_clear_pointer (&follow_id, g_free);
}

static gboolean
compare_in_switcher (CirtAssessmentView *view)
{
  AdwViewStackPage *page = ADW_VIEW_STACK_PAGE (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                               CIRT_TYPE_ASSESSMENT_VIEW,
                                                                               "compare_page"));
  return adw_view_stack_page_get_visible (page);
}

static CirtComparePage *
compare_page (CirtAssessmentView *view)
{
  GtkWidget *page = cirt_gui_test_find (GTK_WIDGET (view), CIRT_TYPE_COMPARE_PAGE, NULL);
  ck_assert_msg (page != NULL, "no Compare page");
  return CIRT_COMPARE_PAGE (page);
}

static GtkToggleButton *
filter_button (CirtComparePage *page,
               const char      *id)
{
  return GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_COMPARE_PAGE, id));
}

/* The questions shown, comma separated. */
static char *
shown (CirtComparePage *page)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cirt_compare_page_get_n_shown (page); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", cirt_compare_page_get_shown_question (page, i));
  return g_string_free (s, FALSE);
}

static void
assert_shown (CirtComparePage *page,
              const char      *expected)
{
  g_autofree char *s = shown (page);
  ck_assert_msg (g_strcmp0 (s, expected) == 0, "shown %s, expected %s", s, expected);
}

/* Only a follow-up has the page; Alt+7 reaches it there, and nowhere else. */
START_TEST (test_only_for_follow_up)
{
  CirtAssessmentView *view = cirt_window_get_view (window);

  cirt_window_open (window, base_id);
  cirt_gui_test_spin (100);
  ck_assert (!compare_in_switcher (view));
  cirt_assessment_view_focus_start (view);
  cirt_gui_test_spin (50);
  ck_assert (cirt_gui_test_press_key (window, GDK_KEY_5, GDK_ALT_MASK));
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "recommendations");
  cirt_assessment_view_show_page (view, "overview");
  cirt_gui_test_spin (50);
  cirt_gui_test_press_key (window, GDK_KEY_7, GDK_ALT_MASK);
  cirt_gui_test_spin (50);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "overview");
  ck_assert (!cirt_assessment_view_has_page (view, "compare"));

  cirt_window_open (window, follow_id);
  cirt_gui_test_spin (100);
  ck_assert (compare_in_switcher (view));
  /* Made when first shown, like the other pages. */
  ck_assert (!cirt_assessment_view_has_page (view, "compare"));
  cirt_assessment_view_focus_start (view);
  cirt_gui_test_spin (50);
  cirt_gui_test_press_key (window, GDK_KEY_7, GDK_ALT_MASK);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_assessment_view_get_page_name (view), "compare") == 0, 2000));
  ck_assert (cirt_assessment_view_has_page (view, "compare"));

  /* Back on the baseline, the page leaves the switcher and the view. */
  cirt_window_open (window, base_id);
  cirt_gui_test_spin (100);
  ck_assert (!compare_in_switcher (view));
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "overview");
}
END_TEST

START_TEST (test_filters_and_jump)
{
  CirtAssessmentView *view = cirt_window_get_view (window);
  CirtComparePage *page;
  GtkListBox *list;
  CirtQuestionnaire *questionnaire;
  const CirtQuestion *current;
  CirtChartView *chart;

  cirt_window_open (window, follow_id);
  cirt_gui_test_spin (100);
  cirt_assessment_view_show_page (view, "compare");
  page = compare_page (view);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_compare_page_get_state (page), "compare") == 0 &&
                              cirt_compare_page_get_n_shown (page) == 9, 3000));
  /* Every question but the unchanged one, in questionnaire order. */
  assert_shown (page, "C-LAW-1,C-LAW-2,C-LAW-4,C-LAW-3,C-OPS-2,C-OPS-3,C-OPS-4,C-OPS-5,C-OPS-6");
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (filter_button (page, "filter_improved"))), "_Improved (2)");

  /* The filters, as clicked. */
  cirt_gui_test_click (GTK_WIDGET (filter_button (page, "filter_improved")));
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_filter (page) == CIRT_COMPARE_FILTER_IMPROVED, 2000));
  assert_shown (page, "C-LAW-1,C-LAW-2");
  cirt_gui_test_click (GTK_WIDGET (filter_button (page, "filter_regressed")));
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_filter (page) == CIRT_COMPARE_FILTER_REGRESSED, 2000));
  assert_shown (page, "C-OPS-2");
  cirt_gui_test_click (GTK_WIDGET (filter_button (page, "filter_new")));
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_filter (page) == CIRT_COMPARE_FILTER_NEW, 2000));
  assert_shown (page, "C-OPS-3,C-OPS-5");
  cirt_gui_test_click (GTK_WIDGET (filter_button (page, "filter_open")));
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_filter (page) == CIRT_COMPARE_FILTER_OPEN, 2000));
  assert_shown (page, "C-OPS-4,C-OPS-6");

  /* The chart in words, for screen readers. */
  chart = CIRT_CHART_VIEW (cirt_gui_test_find (GTK_WIDGET (page), CIRT_TYPE_CHART_VIEW, NULL));
  ck_assert_msg (strstr (cirt_chart_view_get_description (chart), "Legal 20.0 then, 83.3 now (+63.3)") != NULL, "%s",
                 cirt_chart_view_get_description (chart));

  /* A question removed from the instrument has no place to go to. */
  cirt_compare_page_set_filter (page, CIRT_COMPARE_FILTER_ALL);
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_COMPARE_PAGE, "changes_list"));
  ck_assert (list != NULL);
  ck_assert_str_eq (cirt_compare_page_get_shown_question (page, 3), "C-LAW-3");
  ck_assert (!gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 3)));
  ck_assert (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 4)));

  /* Activating a row opens its question in the questionnaire. */
  cirt_compare_page_set_filter (page, CIRT_COMPARE_FILTER_REGRESSED);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 0), "activate");
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_assessment_view_get_page_name (view), "questionnaire") == 0, 2000));
  questionnaire = cirt_assessment_view_get_questionnaire (view);
  current = cirt_questionnaire_get_question (questionnaire, cirt_questionnaire_get_position (questionnaire));
  ck_assert_str_eq (current->id, "C-OPS-2");
}
END_TEST

/* An answer changed (here through the store, as the CLI or an import
 * would) is in the comparison once the session has taken it in. */
START_TEST (test_follows_answers)
{
  CirtAssessmentView *view = cirt_window_get_view (window);
  CirtComparePage *page;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("C-OPS-6");
  g_autoptr(GError) error = NULL;

  cirt_window_open (window, follow_id);
  cirt_gui_test_spin (100);
  cirt_assessment_view_show_page (view, "compare");
  page = compare_page (view);
  cirt_compare_page_set_filter (page, CIRT_COMPARE_FILTER_OPEN);
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_n_shown (page) == 2, 3000));

  a->value = g_strdup ("3");
  ck_assert_msg (cirt_store_save_answer (store, follow_id, a, &error), "%s", error ? error->message : "");
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_compare_page_get_n_shown (page) == 1, 5000), "still %u open",
                 cirt_compare_page_get_n_shown (page));
  assert_shown (page, "C-OPS-4");
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (filter_button (page, "filter_new"))), "_New (3)");
  cirt_compare_page_set_filter (page, CIRT_COMPARE_FILTER_NEW);
  assert_shown (page, "C-OPS-3,C-OPS-5,C-OPS-6");
}
END_TEST

/* Keyboard: the page starts on the filters; Tab reaches the rows. */
START_TEST (test_keyboard)
{
  CirtAssessmentView *view = cirt_window_get_view (window);
  CirtComparePage *page;
  GtkWidget *focus;
  guint tabs = 0;

  cirt_window_open (window, follow_id);
  cirt_gui_test_spin (100);
  cirt_assessment_view_focus_start (view);
  cirt_gui_test_spin (50);
  cirt_gui_test_press_key (window, GDK_KEY_7, GDK_ALT_MASK);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_assessment_view_get_page_name (view), "compare") == 0, 2000));
  page = compare_page (view);
  ck_assert (CIRT_WAIT_UNTIL (cirt_compare_page_get_n_shown (page) == 9, 3000));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_msg (focus == GTK_WIDGET (filter_button (page, "filter_all")), "focus on %s",
                 focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  do
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
    }
  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus) && ++tabs < 30);
  ck_assert_msg (focus != NULL && GTK_IS_LIST_BOX_ROW (focus), "no row reached by Tab");
}
END_TEST

/* A follow-up of the sample mission, a year on: some answers better, some
 * worse, one not asked again. The screenshot the README shows. */
START_TEST (test_screenshot)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = cirt_sample_default_path (), *sample_id = NULL, *later = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GList) keys = NULL;
  CirtAssessmentView *view;
  CirtComparePage *page;
  guint up = 0, down = 0, n = 0;

  if (!g_file_test (sample, G_FILE_TEST_IS_REGULAR))
    return;
  sample_id = cirt_sample_load (store, sample, &error);
  ck_assert_msg (sample_id != NULL, "%s", error ? error->message : "");
  info = cirt_store_get_assessment (store, sample_id, NULL);
  instruments = cirt_store_get_instruments (store, sample_id, NULL);
  answers = cirt_store_get_answers (store, sample_id, NULL);
  g_free (info->id);
  info->id = NULL;
  g_free (info->title);
  info->title = g_strdup ("National CIRT readiness — follow-up 2027");
  g_free (info->started_on);
  info->started_on = g_strdup ("2027-03-01");
  g_free (info->ended_on);
  info->ended_on = g_strdup ("2027-03-05");
  info->baseline = g_strdup (sample_id);
  later = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (later != NULL, "%s", error ? error->message : "");
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) strcmp);
  for (GList *k = keys; k != NULL; k = k->next, n++)
    {
      g_autoptr(CirtAnswer) a = cirt_answer_copy (g_hash_table_lookup (answers, k->data));
      const CirtQuestion *q = cirt_store_lookup_question (store, later, a->question, NULL);

      if (n == 5)
        continue;   /* not asked again */
      if (q != NULL && q->kind == CIRT_KIND_LEVEL && a->value != NULL && !a->not_applicable)
        {
          int level = atoi (a->value);
          if (level < 4 && up < 9 && n % 3 != 2)
            {
              g_free (a->value);
              a->value = g_strdup_printf ("%d", level + 1);
              up++;
            }
          else if (level > 0 && down < 2)
            {
              g_free (a->value);
              a->value = g_strdup_printf ("%d", level - 1);
              down++;
            }
        }
      ck_assert_msg (cirt_store_save_answer (store, later, a, &error), "%s", error ? error->message : "");
    }
  ck_assert (up > 0 && down > 0);

  view = cirt_window_get_view (window);
  cirt_window_open (window, later);
  cirt_gui_test_spin (100);
  cirt_assessment_view_show_page (view, "compare");
  page = compare_page (view);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_compare_page_get_state (page), "compare") == 0 &&
                              cirt_compare_page_get_comparison (page) != NULL, 3000));
  ck_assert_uint_eq (cirt_compare_page_get_comparison (page)->counts[CIRT_CHANGE_IMPROVED], up);
  ck_assert_uint_eq (cirt_compare_page_get_comparison (page)->counts[CIRT_CHANGE_REGRESSED], down);
  cirt_gui_test_spin (300);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "compare.png");
  {
    g_autofree char *path = g_build_filename (cirt_gui_test_screenshot_dir (), "compare.png", NULL);
    ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  /* Further down: the recommendations met and the changed questions. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                      CIRT_TYPE_COMPARE_PAGE,
                                                                                      "scrolled"));
    GtkWidget *heading = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_COMPARE_PAGE,
                                                                    "met_heading"));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
    graphene_point_t p;

    ck_assert (gtk_widget_compute_point (heading, gtk_scrolled_window_get_child (scrolled), &GRAPHENE_POINT_INIT (0, 0),
                                         &p));
    gtk_adjustment_set_value (adj, p.y - 12);
    cirt_gui_test_spin (200);
    cirt_gui_test_screenshot (GTK_WIDGET (window), "compare-list.png");
  }
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("compare");
  TCase *tc = tcase_create ("compare");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_only_for_follow_up);
  tcase_add_test (tc, test_filters_and_jump);
  tcase_add_test (tc, test_follows_answers);
  tcase_add_test (tc, test_keyboard);
  tcase_add_test (tc, test_screenshot);
  suite_add_tcase (s, tc);

  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
