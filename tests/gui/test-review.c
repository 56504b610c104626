/* test-review.c — the Review page and the review box of the question page,
 * by keyboard: Alt+8, accept with "a", ask for work with "n" and a
 * comment, then the answer changed on the question page shows as not
 * reviewed again, on the page and in the box; screenshots in
 * build/screenshots/
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-application.h"
#include "cirt-assessment-page.h"
#include "cirt-gui-test-util.h"
#include "cirt-question-page.h"
#include "cirt-review-box.h"
#include "cirt-review-page.h"
#include "cirt-window.h"
#include "cirt-store-sessions.h"

static CirtApplication *app;

static void
press (gpointer         window,
       guint            keyval,
       GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  ck_assert_msg (cirt_gui_test_press_key (window, keyval, mods), "nothing handled the key %s (mods %x), focus on %s",
                 gdk_keyval_name (keyval), mods, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

static void
answer (CirtStore  *store,
        const char *id,
        const char *question,
        const char *value,
        const char *author)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->author = g_strdup (author);
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
}

/* The drop-down of @root whose tooltip (and accessible label) is @label. */
static GtkDropDown *
filter (GtkWidget  *root,
        const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), label) == 0)
        return GTK_DROP_DOWN (c);
      if ((found = filter (c, label)) != NULL)
        return found;
    }
  return NULL;
}

static CirtReviewState
stored_state (CirtStore  *store,
              const char *id,
              const char *question)
{
  g_autoptr(CirtReview) r = cirt_store_get_review (store, id, question, NULL);
  g_autoptr(CirtAnswer) a = cirt_store_get_answer (store, id, question, NULL);

  return cirt_review_effective_state (r, a);
}

START_TEST (test_review_by_keyboard)
{
  g_autofree char *db = cirt_test_tmp_path ("review.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = NULL, *session_id = NULL;
  CirtWindow *window;
  CirtAssessmentView *view;
  CirtReviewPage *page;
  CirtQuestionPage *qpage;
  CirtReviewBox *box;
  GtkWidget *focus, *w;

  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Review mission");
  info->country = g_strdup ("Testland");
  id = cirt_store_create_assessment (store, info, instruments, NULL);
  answer (store, id, "T-LAW-1", "2", "Alice");
  answer (store, id, "T-LAW-2", "partial", "Bob");
  answer (store, id, "T-OPS-1", "adhoc", "Alice");
  /* T-OPS-1 was given in an interview session. */
  {
    g_autoptr(CirtInterview) iv = cirt_interview_new ();
    g_autoptr(CirtAnswer) a = cirt_store_get_answer (store, id, "T-OPS-1", NULL);
    g_autoptr(GError) error = NULL;

    iv->date = g_strdup ("2026-03-03");
    iv->place = g_strdup ("Regulator");
    session_id = cirt_store_add_interview (store, id, iv, &error);
    ck_assert_msg (session_id != NULL, "%s", error ? error->message : "");
    a->session = g_strdup (session_id);
    ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
  }

  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  cirt_gui_test_show (GTK_WINDOW (window));
  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_focus_start (view);

  /* Alt+8: the Review page, the three answers, not reviewed; the focus on the first. */
  ck_assert (!cirt_assessment_view_has_page (view, "review"));
  press (window, GDK_KEY_8, GDK_ALT_MASK);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "review");
  page = cirt_assessment_view_get_review (view);
  ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 3);
  ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-LAW-1");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_msg (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)),
                 "the focus is not on a row of the Review page");

  /* "a" accepts T-LAW-1 and moves on; "j" to T-OPS-1; "n", a comment, Return. */
  press (window, GDK_KEY_a, 0);
  cirt_gui_test_spin (50);
  ck_assert_int_eq (stored_state (store, id, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert (GTK_IS_LIST_BOX_ROW (focus));
  ck_assert_int_eq (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), 1);
  press (window, GDK_KEY_j, 0);
  press (window, GDK_KEY_n, 0);
  cirt_gui_test_spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_msg (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL,
                 "the comment entry has not the focus");
  /* An empty comment is refused: nothing is set. */
  press (window, GDK_KEY_Return, 0);
  ck_assert_int_eq (stored_state (store, id, "T-OPS-1"), CIRT_REVIEW_NOT_REVIEWED);
  cirt_gui_test_type (window, "Which SOC runs it?");
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (50);
  ck_assert_int_eq (stored_state (store, id, "T-OPS-1"), CIRT_REVIEW_NEEDS_WORK);
  {
    g_autoptr(CirtReview) r = cirt_store_get_review (store, id, "T-OPS-1", NULL);
    ck_assert_str_eq (r->comment, "Which SOC runs it?");
  }
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_msg (GTK_IS_LIST_BOX_ROW (focus), "the focus did not come back to the list");
  cirt_gui_test_spin (400);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "review-page.png");

  /* Ctrl+Return accepts too (T-LAW-2, row 1). */
  press (window, GDK_KEY_k, 0);
  press (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_int_eq (stored_state (store, id, "T-LAW-2"), CIRT_REVIEW_ACCEPTED);

  /* Filter "Needs work": one row. */
  {
    GtkDropDown *states = filter (GTK_WIDGET (page), "Review state");
    ck_assert_ptr_nonnull (states);
    gtk_drop_down_set_selected (states, 2);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 1);
    ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-OPS-1");
    gtk_drop_down_set_selected (states, 0);
    cirt_gui_test_spin (50);
  }
  /* Filter by assessor: Bob answered one. */
  {
    GtkDropDown *people = filter (GTK_WIDGET (page), "Assessor");
    GListModel *model = gtk_drop_down_get_model (people);
    guint bob = 0;
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Bob") == 0)
        bob = i;
    ck_assert_uint_gt (bob, 0);
    gtk_drop_down_set_selected (people, bob);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 1);
    ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-LAW-2");
    gtk_drop_down_set_selected (people, 0);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 3);
  }
  /* Filter by interview session: "Outside interview sessions", then the
   * session of 3 March at the regulator. */
  {
    GtkDropDown *held = filter (GTK_WIDGET (page), "Interview session");
    GListModel *model;

    ck_assert_ptr_nonnull (held);
    model = gtk_drop_down_get_model (held);
    ck_assert_uint_eq (g_list_model_get_n_items (model), 3);
    ck_assert_msg (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), "Regulator") != NULL, "%s",
                   gtk_string_list_get_string (GTK_STRING_LIST (model), 2));
    gtk_drop_down_set_selected (held, 1);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 2);
    ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-LAW-1");
    ck_assert_str_eq (cirt_review_page_get_question (page, 1), "T-LAW-2");
    gtk_drop_down_set_selected (held, 2);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 1);
    ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-OPS-1");
    cirt_gui_test_screenshot (GTK_WIDGET (window), "review-page-session.png");
    gtk_drop_down_set_selected (held, 0);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 3);
  }

  /* Return on T-LAW-1 opens it in the questionnaire; its review box says accepted. */
  cirt_assessment_page_focus_start (CIRT_ASSESSMENT_PAGE (page));
  press (window, GDK_KEY_k, 0);
  press (window, GDK_KEY_k, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  ck_assert_int_eq (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), 0);
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "questionnaire");
  qpage = cirt_questionnaire_get_page (cirt_assessment_view_get_questionnaire (view));
  ck_assert_str_eq (cirt_question_page_get_question (qpage)->id, "T-LAW-1");
  box = CIRT_REVIEW_BOX (cirt_gui_test_find (GTK_WIDGET (qpage), CIRT_TYPE_REVIEW_BOX, NULL));
  ck_assert_ptr_nonnull (box);
  ck_assert_int_eq (cirt_review_box_get_state (box), CIRT_REVIEW_ACCEPTED);

  /* The answer changed on the question page (level 4): not reviewed again,
   * in the box and on the Review page. */
  ck_assert (cirt_question_page_pick (qpage, 4));
  ck_assert (cirt_question_page_flush (qpage, NULL));
  cirt_gui_test_spin (100);
  ck_assert_int_eq (stored_state (store, id, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  ck_assert_int_eq (cirt_review_box_get_state (box), CIRT_REVIEW_NOT_REVIEWED);
  ck_assert_msg (strstr (cirt_review_box_get_text (box), "changed after it was accepted") != NULL, "%s",
                 cirt_review_box_get_text (box));
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (qpage),
                                                                                      CIRT_TYPE_QUESTION_PAGE,
                                                                                      "scroller"));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
    cirt_gui_test_spin (300);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    cirt_gui_test_spin (300);
  }
  cirt_gui_test_screenshot (GTK_WIDGET (window), "review-box-changed.png");

  /* The box accepts the new version by its button. */
  w = cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_BUTTON, "Accept");
  ck_assert_ptr_nonnull (w);
  cirt_gui_test_click (w);
  ck_assert_int_eq (stored_state (store, id, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  ck_assert_int_eq (cirt_review_box_get_state (box), CIRT_REVIEW_ACCEPTED);

  press (window, GDK_KEY_8, GDK_ALT_MASK);
  cirt_gui_test_spin (100);
  {
    GtkDropDown *states = filter (GTK_WIDGET (page), "Review state");
    gtk_drop_down_set_selected (states, 1);
    cirt_gui_test_spin (50);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 0);
    /* An answer changed elsewhere (the CLI, a merge) comes back as not reviewed. */
    answer (store, id, "T-LAW-2", "yes", "Bob");
    ck_assert (cirt_store_refresh (store, NULL));
    cirt_gui_test_spin (400);
    ck_assert_uint_eq (cirt_review_page_get_n_rows (page), 1);
    ck_assert_str_eq (cirt_review_page_get_question (page, 0), "T-LAW-2");
  }
  {
    GtkWidget *w2 = GTK_WIDGET (window);
    g_object_add_weak_pointer (G_OBJECT (w2), (gpointer *) &w2);
    gtk_window_close (GTK_WINDOW (window));
    ck_assert_msg (CIRT_WAIT_UNTIL (w2 == NULL, 5000), "the window did not close");
  }
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("review");
  TCase *tc = tcase_create ("review");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_review_by_keyboard);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
