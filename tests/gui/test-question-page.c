/* test-question-page.c — the question page, kind by kind, against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-gui-test-util.h"
#include "cirt-question-page.h"

static CirtStore *store;
static CirtSession *session;
static char *assessment;
static GtkWindow *window;
static CirtQuestionPage *page;

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("page.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *overlay;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Widget test");
  info->country = g_strdup ("Testland");
  assessment = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (assessment != NULL, "%s", error ? error->message : "");

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 900);
  overlay = adw_toast_overlay_new ();
  page = CIRT_QUESTION_PAGE (cirt_question_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (window, overlay);
  session = cirt_gui_test_session_new (store, assessment);
  cirt_question_page_set_session (page, session);
  cirt_gui_test_show (window);
}

static void
teardown (void)
{
  gtk_window_destroy (window);
  cirt_gui_test_spin (20);
  window = NULL;
  page = NULL;
  g_clear_object (&session);
  g_clear_object (&store);
  g_clear_pointer (&assessment, g_free);
}

/* Shows question @id with what the store holds for it. */
static const CirtQuestion *
show (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) answer = NULL;
  const CirtQuestion *q = cirt_store_lookup_question (store, assessment, id, &error);

  ck_assert_msg (q != NULL, "%s", error ? error->message : "");
  ck_assert (cirt_question_page_flush (page, NULL));
  answer = cirt_store_get_answer (store, assessment, id, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  cirt_question_page_bind (page, q, answer);
  cirt_gui_test_spin (20);
  return q;
}

static CirtAnswer *
stored (const char *id)
{
  g_autoptr(GError) error = NULL;
  CirtAnswer *a = cirt_store_get_answer (store, assessment, id, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  return a;
}

/* The visible row titled @title on the page. */
static GtkWidget *
row (const char *title)
{
  GtkWidget *r = cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title);

  ck_assert_msg (r != NULL, "no row \"%s\"", title);
  ck_assert_msg (gtk_widget_is_visible (r), "the row \"%s\" is not visible", title);
  return r;
}

static GtkWidget *
template_child (const char *name)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_QUESTION_PAGE, name);
  ck_assert_msg (o != NULL, "no template child %s", name);
  return GTK_WIDGET (o);
}

static void
set_buffer (const char *view_name,
            const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (template_child (view_name));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
  cirt_gui_test_type (window, text);
}

START_TEST (test_level)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;
  GtkWidget *adopted;

  show ("T-LAW-1");
  /* The five descriptors are on screen, each its own row. */
  row ("None");
  row ("Discussed");
  row ("Drafted");
  row ("Reviewed");
  adopted = row ("Adopted");

  cirt_gui_test_click (adopted);
  a = stored ("T-LAW-1");
  ck_assert_ptr_nonnull (a);
  ck_assert_str_eq (a->value, "3");
  ck_assert (!a->not_applicable);

  /* The keyboard path: a digit. */
  ck_assert (cirt_question_page_pick (page, 1));
  b = stored ("T-LAW-1");
  ck_assert_str_eq (b->value, "1");
  ck_assert (!cirt_question_page_pick (page, 5));
  ck_assert (!cirt_question_page_pick_yesno (page, "yes"));
}
END_TEST

START_TEST (test_yesno)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;

  show ("T-LAW-2");
  cirt_gui_test_click (row ("Partial"));
  a = stored ("T-LAW-2");
  ck_assert_str_eq (a->value, "partial");
  ck_assert (cirt_question_page_pick_yesno (page, "no"));
  b = stored ("T-LAW-2");
  ck_assert_str_eq (b->value, "no");
}
END_TEST

START_TEST (test_choice)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;

  show ("T-OPS-1");
  cirt_gui_test_click (row ("Ad hoc"));
  a = stored ("T-OPS-1");
  ck_assert_str_eq (a->value, "adhoc");
  ck_assert (cirt_question_page_pick (page, 3));
  b = stored ("T-OPS-1");
  ck_assert_str_eq (b->value, "formal");
}
END_TEST

START_TEST (test_checklist)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;
  g_autoptr(CirtAnswer) c = NULL;

  show ("T-OPS-2");
  cirt_gui_test_click (row ("Health"));
  cirt_gui_test_click (row ("Energy"));
  a = stored ("T-OPS-2");
  /* Ticked in any order, stored in the instrument's. */
  ck_assert_str_eq (a->value, "energy,health");

  /* "None of these" is an answer, and clears the ticks. */
  cirt_gui_test_click (row ("None of these"));
  b = stored ("T-OPS-2");
  ck_assert_ptr_nonnull (b);
  ck_assert_str_eq (b->value, "");

  /* Unticking everything leaves it unanswered. */
  cirt_gui_test_click (row ("None of these"));
  c = stored ("T-OPS-2");
  ck_assert_ptr_null (c);
}
END_TEST

START_TEST (test_text)
{
  g_autoptr(CirtAnswer) a = NULL;
  const char *text = "Two sector teams, one in the central bank";

  show ("T-CTX-1");
  set_buffer ("value_view", text);
  /* Autosaved without any flush, within the debounce. */
  ck_assert_msg (CIRT_WAIT_UNTIL (({ g_autoptr(CirtAnswer) s = stored ("T-CTX-1");
                                     s != NULL && g_strcmp0 (s->value, text) == 0; }), 5000),
                 "the typed text was not autosaved");
  ck_assert_int_eq (cirt_question_page_get_save_state (page), CIRT_SAVE_STATE_SAVED);
  a = stored ("T-CTX-1");
  ck_assert_str_eq (a->value, text);
  /* Unscored: no Not applicable. */
  ck_assert (!cirt_question_page_set_not_applicable (page, TRUE));
  ck_assert (!gtk_widget_get_visible (template_child ("na_row")));
}
END_TEST

START_TEST (test_number)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = template_child ("value_row");

  show ("T-CTX-2");
  gtk_widget_grab_focus (entry);
  cirt_gui_test_type (window, "12a");
  ck_assert (gtk_widget_has_css_class (entry, "error"));
  /* Refused, and said so; the store keeps the last value that parsed. */
  ck_assert (!cirt_question_page_flush (page, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "not a number"));
  {
    g_autoptr(CirtAnswer) partial = stored ("T-CTX-2");
    ck_assert_str_eq (partial->value, "12");
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  cirt_gui_test_type (window, "1250");
  ck_assert (!gtk_widget_has_css_class (entry, "error"));
  ck_assert (cirt_question_page_flush (page, NULL));
  a = stored ("T-CTX-2");
  ck_assert_str_eq (a->value, "1250");
}
END_TEST

START_TEST (test_date)
{
  g_autoptr(CirtAnswer) a = NULL;
  GtkWidget *entry = template_child ("value_row");

  show ("T-CTX-3");
  gtk_widget_grab_focus (entry);
  cirt_gui_test_type (window, "2026-13-01");
  ck_assert (gtk_widget_has_css_class (entry, "error"));
  ck_assert (!cirt_question_page_flush (page, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  cirt_gui_test_type (window, "2026-03-02");
  ck_assert (!gtk_widget_has_css_class (entry, "error"));
  ck_assert (cirt_question_page_flush (page, NULL));
  a = stored ("T-CTX-3");
  ck_assert_str_eq (a->value, "2026-03-02");
}
END_TEST

START_TEST (test_not_applicable_needs_justification)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) before = NULL;
  g_autoptr(CirtAnswer) after = NULL;
  GtkWidget *revealer = template_child ("na_revealer");
  GtkWidget *notes = template_child ("notes_view");

  show ("T-LAW-2");
  ck_assert (cirt_question_page_pick_yesno (page, "yes"));
  /* The switch, as a click on its row does. */
  cirt_gui_test_click (row ("Not _Applicable"));
  ck_assert (cirt_question_page_get_not_applicable (page));
  /* Refused: nothing changes in the store, the page asks for a reason
   * where it is written. */
  before = stored ("T-LAW-2");
  ck_assert_str_eq (before->value, "yes");
  ck_assert (!before->not_applicable);
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  ck_assert (gtk_widget_has_focus (notes));
  ck_assert (!cirt_question_page_flush (page, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "justification"));

  cirt_gui_test_type (window, "No cybercrime law is planned: out of scope for this ministry.");
  ck_assert (cirt_question_page_flush (page, NULL));
  after = stored ("T-LAW-2");
  ck_assert (after->not_applicable);
  ck_assert_ptr_null (after->value);
  ck_assert_str_eq (after->notes, "No cybercrime law is planned: out of scope for this ministry.");
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}
END_TEST

START_TEST (test_not_applicable_with_notes)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;

  show ("T-LAW-1");
  set_buffer ("notes_view", "The mandate is regional, not national.");
  /* Notes already say why: N/A applies at once. */
  ck_assert (cirt_question_page_set_not_applicable (page, TRUE));
  a = stored ("T-LAW-1");
  ck_assert (a->not_applicable);
  ck_assert_str_eq (a->notes, "The mandate is regional, not national.");
  /* Picking a level ends N/A. */
  ck_assert (cirt_question_page_pick (page, 2));
  b = stored ("T-LAW-1");
  ck_assert (!b->not_applicable);
  ck_assert_str_eq (b->value, "2");
  ck_assert_str_eq (b->notes, "The mandate is regional, not national.");
}
END_TEST

START_TEST (test_details)
{
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAnswer) b = NULL;
  GtkWidget *evidence = template_child ("evidence_row");
  GtkWidget *source = template_child ("source_row");
  CirtStakeholder s = { 0, (char *) "Ana Silva", (char *) "Ministry of ICT", NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;

  ck_assert (cirt_store_add_stakeholder (store, assessment, &s, &error) != 0);
  cirt_gui_test_spin (20);
  show ("T-OPS-1");
  gtk_widget_grab_focus (evidence);
  cirt_gui_test_type (window, "Decree 12/2024, art. 3");
  /* The source picked from the interview list. */
  ck_assert (gtk_widget_activate_action (template_child ("source_button"), "question.source", "s",
                                         "Ana Silva (Ministry of ICT)"));
  cirt_gui_test_click (row ("_Flag for Follow-up"));
  /* Notes for the team only. */
  set_buffer ("notes_view", "The director would not say this on the record");
  cirt_gui_test_click (row ("_Internal Notes"));
  ck_assert (cirt_question_page_flush (page, NULL));
  a = stored ("T-OPS-1");
  ck_assert (a->notes_internal);
  ck_assert_str_eq (a->notes, "The director would not say this on the record");
  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_null (a->value);          /* notes before a value are kept */
  ck_assert_str_eq (a->evidence, "Decree 12/2024, art. 3");
  ck_assert_str_eq (a->source, "Ana Silva (Ministry of ICT)");
  ck_assert (a->flagged);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (source)), "Ana Silva (Ministry of ICT)");

  /* Clear Answer keeps them. */
  ck_assert (cirt_question_page_pick (page, 1));
  cirt_question_page_clear (page);
  b = stored ("T-OPS-1");
  ck_assert_ptr_null (b->value);
  ck_assert_str_eq (b->evidence, "Decree 12/2024, art. 3");
  ck_assert (b->flagged);
  ck_assert (b->notes_internal);
  /* A justification of N/A goes in every export: the switch is off limits. */
  ck_assert (gtk_widget_get_sensitive (template_child ("internal_row")));
  cirt_question_page_set_not_applicable (page, TRUE);
  ck_assert (!gtk_widget_get_sensitive (template_child ("internal_row")));
}
END_TEST

/* Whom to ask: the question's stakeholder groups by name in the interface
 * language, under the guidance; no line for a question that names none. */
START_TEST (test_whom_to_ask)
{
  GtkWidget *ask = template_child ("ask_label");

  show ("T-LAW-2");
  ck_assert (gtk_widget_is_visible (ask));
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (ask)),
                    "Whom to ask: Law enforcement and justice, Ministry in charge of ICT");
  /* Hidden for a question without groups, and shown again after. */
  show ("T-LAW-1");
  ck_assert (!gtk_widget_get_visible (ask));
  show ("T-LAW-2");
  ck_assert (gtk_widget_is_visible (ask));
}
END_TEST

START_TEST (test_rebind_reuses_widgets)
{
  GtkWidget *level_row, *again;
  g_autoptr(CirtAnswer) a = NULL;

  show ("T-LAW-1");
  level_row = row ("Drafted");
  set_buffer ("notes_view", "typed just before moving on");
  /* Moving on writes what is pending, and the next question starts clean. */
  show ("T-LAW-2");
  a = stored ("T-LAW-1");
  ck_assert_str_eq (a->notes, "typed just before moving on");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (template_child ("evidence_row"))), "");
  {
    GtkTextBuffer *b = gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child ("notes_view")));
    ck_assert_int_eq (gtk_text_buffer_get_char_count (b), 0);
    /* Ctrl+Z in the notes cannot bring back the previous question's. */
    ck_assert (!gtk_text_buffer_get_can_undo (b));
  }
  show ("T-LAW-1");
  again = row ("Drafted");
  ck_assert_ptr_eq (level_row, again);
}
END_TEST

static Suite *
page_suite (void)
{
  Suite *s = suite_create ("question-page");
  TCase *tc = tcase_create ("kinds");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_level);
  tcase_add_test (tc, test_whom_to_ask);
  tcase_add_test (tc, test_yesno);
  tcase_add_test (tc, test_choice);
  tcase_add_test (tc, test_checklist);
  tcase_add_test (tc, test_text);
  tcase_add_test (tc, test_number);
  tcase_add_test (tc, test_date);
  tcase_add_test (tc, test_not_applicable_needs_justification);
  tcase_add_test (tc, test_not_applicable_with_notes);
  tcase_add_test (tc, test_details);
  tcase_add_test (tc, test_rebind_reuses_widgets);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  cirt_gui_test_init (&argc, &argv);
  return cirt_test_run_suite (page_suite ());
}
