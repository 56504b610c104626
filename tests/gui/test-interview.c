/* test-interview.c — interview mode in the questionnaire, by keyboard: the
 * session chosen in the Interview menu, only its planned sections walked,
 * the answers given in it carrying it (read back with cirt-assess-cli show
 * --json); the statements box: a statement recorded with its stakeholder
 * and session, two contradicting statements both shown
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-application.h"
#include "cirt-gui-test-util.h"
#include "cirt-questionnaire.h"
#include "cirt-statements-box.h"
#include "cirt-store-sessions.h"
#include "cirt-window.h"

static CirtApplication *app;

typedef struct {
  char      *db;
  CirtStore *store;
  char      *id;
  char      *ana;        /* stakeholders' UUIDs */
  char      *bo;
  char      *session;    /* plans "law" and "context", not "ops" */
} Mission;

static void
mission_clear (Mission *m)
{
  g_clear_object (&m->store);
  g_clear_pointer (&m->db, g_free);
  g_clear_pointer (&m->id, g_free);
  g_clear_pointer (&m->ana, g_free);
  g_clear_pointer (&m->bo, g_free);
  g_clear_pointer (&m->session, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Mission, mission_clear)

static char *
add_person (Mission    *m,
            const char *name,
            const char *organisation)
{
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  s->name = g_strdup (name);
  s->organisation = g_strdup (organisation);
  ck_assert_msg (cirt_store_add_stakeholder (m->store, m->id, s, &error) > 0, "%s", error ? error->message : "");
  list = cirt_store_list_stakeholders (m->store, m->id, &error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CirtStakeholder *p = g_ptr_array_index (list, i);
      if (g_strcmp0 (p->name, name) == 0)
        return g_strdup (p->uuid);
    }
  ck_abort_msg ("%s was not stored", name);
  return NULL;
}

static void
mission_init (Mission    *m,
              const char *file)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtInterview) iv = cirt_interview_new ();
  g_autoptr(GError) error = NULL;
  const char *people[3] = { NULL, NULL, NULL };
  const char *sections[] = { "law", "context", NULL };

  m->db = cirt_test_tmp_path (file);
  m->store = cirt_store_open (m->db, &error);
  ck_assert_msg (m->store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Interview mission");
  info->country = g_strdup ("Testland");
  m->id = cirt_store_create_assessment (m->store, info, instruments, &error);
  ck_assert_msg (m->id != NULL, "%s", error ? error->message : "");
  m->ana = add_person (m, "Ana Silva", "National CERT");
  m->bo = add_person (m, "Bo Li", "Ministry of ICT");
  people[0] = m->ana;
  people[1] = m->bo;
  iv->date = g_strdup ("2026-03-02");
  iv->start_time = g_strdup ("09:30");
  iv->place = g_strdup ("Ministry of ICT");
  iv->stakeholders = g_strdupv ((char **) people);
  iv->sections = g_strdupv ((char **) sections);
  iv->author = g_strdup ("Test");
  m->session = cirt_store_add_interview (m->store, m->id, iv, &error);
  ck_assert_msg (m->session != NULL, "%s", error ? error->message : "");
}

static CirtWindow *
open_window (Mission *m)
{
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), m->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cirt_gui_test_show (GTK_WINDOW (window));
  cirt_window_open (window, m->id);
  cirt_gui_test_spin (100);
  return window;
}

static void
close_window (CirtWindow *window)
{
  GtkWidget *w = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_close (GTK_WINDOW (window));
  ck_assert_msg (CIRT_WAIT_UNTIL (w == NULL, 5000), "the window did not close");
}

static void
press (gpointer         window,
       guint            keyval,
       GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  ck_assert_msg (cirt_gui_test_press_key (window, keyval, mods), "nothing handled the key %s (mods %x), focus on %s",
                 gdk_keyval_name (keyval), mods, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

static const char *
shown_question (CirtQuestionnaire *q)
{
  return cirt_question_page_get_question (cirt_questionnaire_get_page (q))->id;
}

static GObject *
child_of (CirtQuestionnaire *q,
          const char        *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (q), CIRT_TYPE_QUESTIONNAIRE, name);
}

/* The answers of `cirt-assess-cli show --json`, by question. */
static JsonObject *
answer_in_cli (JsonNode   *root,
               const char *question)
{
  JsonArray *answers = json_object_get_array_member (json_node_get_object (root), "answers");

  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (g_strcmp0 (json_object_get_string_member (a, "question"), question) == 0)
        return a;
    }
  return NULL;
}

START_TEST (test_interview_mode_by_keyboard)
{
  g_auto(Mission) m = { 0 };
  CirtWindow *window;
  CirtAssessmentView *view;
  CirtQuestionnaire *q;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *answered[] = { "T-LAW-1", "T-LAW-2", "T-CTX-1" };
  GList *walked = NULL;

  mission_init (&m, "interview.db");
  window = open_window (&m);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "questionnaire");
  cirt_gui_test_spin (100);
  q = cirt_assessment_view_get_questionnaire (view);
  cirt_assessment_view_focus_start (view);
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (q, "interview_revealer"))));

  /* Ctrl+Alt+I: the Interview menu, the focus on "No Interview"; Down to
   * the session, Return chooses it. */
  press (window, GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK);
  ck_assert (CIRT_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
                                GTK_MENU_BUTTON (child_of (q, "interview_button"))))), 2000));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    ck_assert_msg (GTK_IS_LIST_BOX_ROW (focus), "the focus is on %s, not a session",
                   focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    ck_assert_ptr_null (g_object_get_data (G_OBJECT (focus), "cirt-interview"));
  }
  press (window, GDK_KEY_Down, 0);
  ck_assert_str_eq (g_object_get_data (G_OBJECT (gtk_root_get_focus (GTK_ROOT (window))), "cirt-interview"), m.session);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "interview-menu.png");
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (300);

  /* The banner names the session and its people; the walk starts at the
   * first planned question. */
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (q, "interview_revealer"))));
  {
    const char *banner = gtk_label_get_label (GTK_LABEL (child_of (q, "interview_label")));
    ck_assert_msg (strstr (banner, "Interview mode") && strstr (banner, "2 Mar 2026") &&
                   strstr (banner, "Ministry of ICT") && strstr (banner, "Ana Silva (National CERT)") &&
                   strstr (banner, "Bo Li"), "banner: %s", banner);
  }
  ck_assert_str_eq (cirt_question_page_get_interview (cirt_questionnaire_get_page (q)), m.session);
  ck_assert_str_eq (shown_question (q), "T-LAW-1");
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (child_of (q, "position_label"))),
                    "Planned question 1 of 5");

  /* Three answers by keyboard: a level, yes, a text. */
  press (window, GDK_KEY_3, 0);
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ck_assert_str_eq (shown_question (q), "T-LAW-2");
  press (window, GDK_KEY_y, 0);
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  /* T-OPS-1 and T-OPS-2 are not planned: skipped. */
  ck_assert_str_eq (shown_question (q), "T-CTX-1");
  cirt_gui_test_type (window, "Decree drafted in 2025");
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ck_assert_str_eq (shown_question (q), "T-CTX-2");
  /* Walking back goes over the planned questions only too. */
  press (window, GDK_KEY_Left, GDK_ALT_MASK);
  press (window, GDK_KEY_Left, GDK_ALT_MASK);
  ck_assert_str_eq (shown_question (q), "T-LAW-2");
  /* To the end of the walk: Alt+→ does nothing at the last planned one. */
  for (int i = 0; i < 10; i++)
    {
      walked = g_list_prepend (walked, g_strdup (shown_question (q)));
      if (!cirt_gui_test_press_key (window, GDK_KEY_Right, GDK_ALT_MASK))
        break;
    }
  ck_assert_uint_eq (g_list_length (walked), 4);
  for (GList *l = walked; l != NULL; l = l->next)
    ck_assert_msg (!g_str_has_prefix (l->data, "T-OPS-"), "%s was walked in interview mode", (char *) l->data);
  g_list_free_full (walked, g_free);
  ck_assert_str_eq (shown_question (q), "T-CTX-3");
  press (window, GDK_KEY_Left, GDK_ALT_MASK);
  press (window, GDK_KEY_Left, GDK_ALT_MASK);
  ck_assert_str_eq (shown_question (q), "T-CTX-1");
  cirt_gui_test_spin (600);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "interview-mode.png");

  /* Leaving by keyboard: the menu again, Up to "No Interview", Return. */
  press (window, GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK);
  press (window, GDK_KEY_Up, 0);
  ck_assert_ptr_null (g_object_get_data (G_OBJECT (gtk_root_get_focus (GTK_ROOT (window))), "cirt-interview"));
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (300);
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (q, "interview_revealer"))));
  ck_assert_ptr_null (cirt_question_page_get_interview (cirt_questionnaire_get_page (q)));
  {
    /* The whole questionnaire again: T-OPS-1 is walked, outside the session. */
    ck_assert (cirt_questionnaire_go_to_question (q, "T-LAW-2"));
    press (window, GDK_KEY_Right, GDK_ALT_MASK);
    ck_assert_str_eq (shown_question (q), "T-OPS-1");
    ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (child_of (q, "position_label"))), "Question 3 of 7");
  }
  ck_assert (cirt_assessment_view_flush (view, NULL));
  close_window (window);

  /* What the CLI reads: the three answers carry the session and its people. */
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", m.db, "show", m.id, "--json", NULL) == 0, "%s", err);
  ck_assert_msg (json_parser_load_from_data (parser, out, -1, &error), "%s", error ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (answered); i++)
    {
      JsonObject *a = answer_in_cli (json_parser_get_root (parser), answered[i]);
      JsonObject *iv;
      JsonArray *people;

      ck_assert_msg (a != NULL, "%s was not answered", answered[i]);
      ck_assert_str_eq (json_object_get_string_member (a, "session"), m.session);
      iv = json_object_get_object_member (a, "interview");
      ck_assert_ptr_nonnull (iv);
      ck_assert_str_eq (json_object_get_string_member (iv, "date"), "2026-03-02");
      people = json_object_get_array_member (iv, "stakeholders");
      ck_assert_uint_eq (json_array_get_length (people), 2);
      ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (people, 0), "name"),
                        "Ana Silva");
    }
  ck_assert_str_eq (json_object_get_string_member (answer_in_cli (json_parser_get_root (parser), "T-LAW-1"), "value"), "3");
  ck_assert_str_eq (json_object_get_string_member (answer_in_cli (json_parser_get_root (parser), "T-LAW-2"), "value"), "yes");
  ck_assert_str_eq (json_object_get_string_member (answer_in_cli (json_parser_get_root (parser), "T-CTX-1"), "value"),
                    "Decree drafted in 2025");
  /* Nothing outside the planned sections was answered. */
  ck_assert_ptr_null (answer_in_cli (json_parser_get_root (parser), "T-OPS-1"));
  ck_assert_ptr_null (answer_in_cli (json_parser_get_root (parser), "T-OPS-2"));
  ck_assert_ptr_null (answer_in_cli (json_parser_get_root (parser), "T-CTX-2"));
}
END_TEST

START_TEST (test_session_without_plan)
{
  g_auto(Mission) m = { 0 };
  CirtWindow *window;
  CirtAssessmentView *view;
  CirtQuestionnaire *q;
  g_autoptr(CirtInterview) iv = NULL;
  g_autoptr(GError) error = NULL;

  mission_init (&m, "unplanned.db");
  iv = cirt_store_get_interview (m.store, m.id, m.session, &error);
  g_clear_pointer (&iv->sections, g_strfreev);
  ck_assert_msg (cirt_store_update_interview (m.store, m.id, iv, &error), "%s", error ? error->message : "");
  window = open_window (&m);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "questionnaire");
  cirt_gui_test_spin (100);
  q = cirt_assessment_view_get_questionnaire (view);
  cirt_assessment_view_focus_start (view);

  press (window, GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK);
  press (window, GDK_KEY_Down, 0);
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (300);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (child_of (q, "content_stack"))), "empty");
  ck_assert_msg (strstr (gtk_label_get_label (GTK_LABEL (child_of (q, "interview_label"))), "No section is planned"),
                 "banner: %s", gtk_label_get_label (GTK_LABEL (child_of (q, "interview_label"))));
  /* Keys do not answer the hidden question. */
  cirt_gui_test_press_key (window, GDK_KEY_3, 0);
  ck_assert_ptr_null (cirt_session_get_answer (cirt_assessment_view_get_session (view), "T-LAW-1"));

  /* The session removed elsewhere: interview mode ends by itself. */
  ck_assert (cirt_store_remove_interview (m.store, m.id, m.session, "Test", &error));
  ck_assert (CIRT_WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (q, "interview_revealer"))), 5000));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (child_of (q, "content_stack"))), "page");
  close_window (window);
}
END_TEST

START_TEST (test_statements)
{
  g_auto(Mission) m = { 0 };
  CirtWindow *window;
  CirtAssessmentView *view;
  CirtQuestionnaire *q;
  CirtStatementsBox *box;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CirtStatement *st;

  mission_init (&m, "statements.db");
  window = open_window (&m);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "questionnaire");
  cirt_gui_test_spin (100);
  q = cirt_assessment_view_get_questionnaire (view);
  box = cirt_question_page_get_statements_box (cirt_questionnaire_get_page (q));
  cirt_assessment_view_focus_start (view);

  /* In interview mode. */
  press (window, GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK);
  press (window, GDK_KEY_Down, 0);
  press (window, GDK_KEY_Return, 0);
  cirt_gui_test_spin (300);
  ck_assert_str_eq (shown_question (q), "T-LAW-1");
  ck_assert_uint_eq (cirt_statements_box_get_n_statements (box), 0);

  /* The form: the focus on who said it (the session's people), Down to Bo
   * Li, Tab to the text, typed, Ctrl+Enter records it. */
  cirt_statements_box_start_adding (box);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *drop_down = gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN);
    ck_assert_msg (drop_down != NULL, "the focus is on %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down))), 2);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
    press (window, GDK_KEY_Tab, 0);
  }
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    /* Tab moves the focus for real only with a window manager's events:
     * the text field is the one after the drop-down. */
    if (!GTK_IS_TEXT_VIEW (focus))
      gtk_widget_grab_focus (GTK_WIDGET (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_TEXT_VIEW, NULL)));
  }
  cirt_gui_test_type (window, "The cybercrime law was passed in 2024.");
  press (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  cirt_gui_test_spin (100);

  list = cirt_store_list_statements (m.store, m.id, "T-LAW-1", &error);
  ck_assert_uint_eq (list->len, 1);
  st = g_ptr_array_index (list, 0);
  ck_assert_str_eq (st->stakeholder, m.bo);
  ck_assert_str_eq (st->session, m.session);
  ck_assert_str_eq (st->text, "The cybercrime law was passed in 2024.");
  ck_assert_uint_eq (cirt_statements_box_get_n_statements (box), 1);

  /* A contradicting statement, recorded elsewhere (the CLI): both shown,
   * with the hint to weigh them. */
  {
    g_autofree char *err = NULL;
    ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", m.db, "statement", m.id, "add", "T-LAW-1", "--stakeholder",
                                      "Ana Silva", "--text", "There is no cybercrime law yet, only a draft.", NULL) == 0,
                   "%s", err);
  }
  ck_assert (cirt_store_refresh (m.store, NULL));
  ck_assert (CIRT_WAIT_UNTIL (cirt_statements_box_get_n_statements (box) == 2, 5000));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL, "The cybercrime law was passed in 2024."));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL, "There is no cybercrime law yet, only a draft."));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL, "Bo Li (Ministry of ICT)"));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL, "Ana Silva (National CERT)"));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL,
                                             "2 statements from 2 stakeholders: compare them before setting the team's answer"));
  {
    GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (cirt_questionnaire_get_page (q)),
                                                                     CIRT_TYPE_QUESTION_PAGE, "scroller"));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    cirt_gui_test_spin (300);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    cirt_gui_test_spin (600);
    cirt_gui_test_screenshot (GTK_WIDGET (window), "interview-statements.png");
  }

  /* An empty statement: the store's refusal, shown in the form. */
  cirt_statements_box_start_adding (box);
  cirt_gui_test_click (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_BUTTON, "_Record Statement"));
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LABEL, "Not recorded: the statement must not be empty"));
  press (window, GDK_KEY_Escape, 0);

  /* Removing Bo Li's: through the store, in the history. */
  {
    g_autofree char *target = g_strdup (st->id);
    GtkWidget *row = NULL;
    g_autoptr(GPtrArray) history = NULL;
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (cirt_gui_test_find (GTK_WIDGET (box), GTK_TYPE_LIST_BOX, NULL)));
         c != NULL; c = gtk_widget_get_next_sibling (c))
      if (g_strcmp0 (gtk_widget_get_name (c), target) == 0)
        row = c;
    ck_assert_ptr_nonnull (row);
    {
      GtkWidget *remove = cirt_gui_test_find (row, GTK_TYPE_BUTTON, NULL);
      ck_assert_ptr_nonnull (remove);
      ck_assert_str_eq (gtk_widget_get_tooltip_text (remove), "Remove Statement");
      cirt_gui_test_click (remove);
    }
    ck_assert_uint_eq (cirt_statements_box_get_n_statements (box), 1);
    history = cirt_store_get_interview_history (m.store, m.id, target, &error);
    ck_assert_uint_eq (history->len, 2);
  }
  close_window (window);
}
END_TEST

static Suite *
interview_suite (void)
{
  Suite *s = suite_create ("interview");
  TCase *tc = tcase_create ("interview");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_interview_mode_by_keyboard);
  tcase_add_test (tc, test_session_without_plan);
  tcase_add_test (tc, test_statements);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);
  status = cirt_test_run_suite (interview_suite ());
  g_clear_object (&app);
  return status;
}
