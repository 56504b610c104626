/* test-app.c — the whole application, end to end, as an assessor uses it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cirt-application.h"
#include "cirt-gui-test-util.h"
#include "cirt-new-assessment-dialog.h"
#include "cirt-stakeholder-dialog.h"
#include "cirt-app-util.h"
#include "cirt-window.h"

static CirtApplication *app;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static CirtWindow *
open_window (CirtStore *store)
{
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  cirt_gui_test_show (GTK_WINDOW (window));
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

static GtkWidget *
focus_of (gpointer window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_inside (gpointer   window,
              GtkWidget *ancestor)
{
  GtkWidget *f = focus_of (window);
  return f != NULL && (f == ancestor || gtk_widget_is_ancestor (f, ancestor));
}

static char *
describe_focus (gpointer window)
{
  GString *s = g_string_new (NULL);

  for (GtkWidget *w = focus_of (window); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_string_append_printf (s, "%s%s", s->len ? " < " : "", G_OBJECT_TYPE_NAME (w));
      if (GTK_IS_BUTTON (w) && gtk_widget_get_tooltip_text (w))
        g_string_append_printf (s, " \"%s\"", gtk_widget_get_tooltip_text (w));
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "AdwToastWidget"))
        {
          GtkWidget *label = cirt_gui_test_find (w, GTK_TYPE_LABEL, NULL);
          if (label != NULL)
            g_string_append_printf (s, " [%s]", gtk_label_get_label (GTK_LABEL (label)));
        }
    }
  return g_string_free (s, FALSE);
}

static void
press (gpointer         window,
       guint            keyval,
       GdkModifierType  mods)
{
  if (!cirt_gui_test_press_key (GTK_WINDOW (window), keyval, mods))
    {
      g_autofree char *focus = describe_focus (window);
      ck_abort_msg ("nothing handled the key %s (mods %x), focus on %s", gdk_keyval_name (keyval), mods, focus);
    }
}

static CirtAnswer *
stored (CirtStore  *store,
        const char *id,
        const char *question)
{
  g_autoptr(GError) error = NULL;
  CirtAnswer *a = cirt_store_get_answer (store, id, question, &error);
  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  return a;
}

#define ASSERT_VALUE(store, id, q, expected) \
  G_STMT_START { \
    g_autoptr(CirtAnswer) _a = stored ((store), (id), (q)); \
    ck_assert_msg (_a != NULL, "%s: no answer", (q)); \
    ck_assert_msg (g_strcmp0 (_a->value, (expected)) == 0, "%s: value %s, expected %s", (q), _a->value, (expected)); \
  } G_STMT_END

static const char *
current_question (CirtWindow *window)
{
  CirtQuestionnaire *q = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));
  return cirt_question_page_get_question (cirt_questionnaire_get_page (q))->id;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static JsonObject *
cli_show (const char *db,
          const char *id,
          JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = cirt_test_run_cli (&out, &err, "--db", db, "show", id, "--json", NULL);

  ck_assert_msg (status == 0, "cirt-assess-cli show failed: %s", err);
  ck_assert_msg (json_parser_load_from_data (parser, out, -1, &error), "%s", error ? error->message : "");
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
json_answer (JsonObject *show,
             const char *question)
{
  JsonArray *answers = json_object_get_array_member (show, "answers");

  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (g_strcmp0 (json_object_get_string_member (a, "question"), question) == 0)
        return a;
    }
  ck_abort_msg ("no answer to %s in cirt-assess-cli show --json", question);
  return NULL;
}

static char *
create_assessment (CirtStore  *store,
                   const char *title,
                   const char *country,
                   const char *created_at)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  char *id;

  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup (title);
  info->country = g_strdup (country);
  info->created_at = g_strdup (created_at);
  id = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  return id;
}

/* ------------------------------------------------------------------------ */
/* A whole mission by keyboard, then a restart                              */

START_TEST (test_mission)
{
  g_autofree char *db = cirt_test_tmp_path ("mission.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autofree char *id = NULL;
  CirtWindow *window;
  GtkWindow *dialog;
  CirtAssessmentView *view;
  CirtQuestionnaire *questionnaire;
  CirtQuestionPage *page;
  GtkCheckButton *mini;
  GtkWidget *create;

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  window = open_window (store);

  /* New assessment, by keyboard: Ctrl+N, type, Tab, Space, Ctrl+Enter. */
  press (window, GDK_KEY_n, GDK_CONTROL_MASK);
  dialog = cirt_window_get_dialog (window);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  create = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "create_button"));
  ck_assert (!gtk_widget_is_sensitive (create));
  ck_assert_msg (GTK_IS_TEXT (focus_of (dialog)), "the title is not focused");
  cirt_gui_test_type (dialog, "Mission to Testland");
  press (dialog, GDK_KEY_Tab, 0);
  cirt_gui_test_type (dialog, "Testland");
  /* Title and country, but no instrument yet: Create waits. */
  ck_assert (!gtk_widget_is_sensitive (create));
  ck_assert (!cirt_new_assessment_dialog_can_create (CIRT_NEW_ASSESSMENT_DIALOG (dialog)));
  mini = cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "test-mini");
  ck_assert_ptr_nonnull (mini);
  gtk_widget_grab_focus (gtk_widget_get_ancestor (GTK_WIDGET (mini), GTK_TYPE_LIST_BOX_ROW));
  press (dialog, GDK_KEY_space, 0);
  ck_assert (gtk_check_button_get_active (mini));
  {
    GObject *country = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "country_row");
    GObject *title = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "title_row");
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (title)), "Mission to Testland");
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (country)), "Testland");
  }
  ck_assert (gtk_widget_is_sensitive (create));
  press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_window_get_dialog (window) == NULL, 3000), "the dialog stayed open");

  view = cirt_window_get_view (window);
  id = g_strdup (cirt_assessment_view_get_assessment_id (view));
  ck_assert_ptr_nonnull (id);
  {
    g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (store, id, NULL);
    ck_assert_str_eq (info->title, "Mission to Testland");
    ck_assert_str_eq (info->country, "Testland");
  }
  questionnaire = cirt_assessment_view_get_questionnaire (view);
  page = cirt_questionnaire_get_page (questionnaire);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (current_question (window), "T-LAW-1");
  /* Work starts at once: the focus is on the answer. */
  ck_assert_msg (focus_inside (window, GTK_WIDGET (page)), "the focus is not on the question");

  /* level: a digit */
  press (window, GDK_KEY_3, 0);
  ASSERT_VALUE (store, id, "T-LAW-1", "3");
  ck_assert_str_eq (cirt_assessment_view_get_save_text (view), "Saved");

  /* notes: Alt+N, type; Ctrl+Enter moves on and writes them */
  press (window, GDK_KEY_n, GDK_ALT_MASK);
  ck_assert (GTK_IS_TEXT_VIEW (focus_of (window)));
  cirt_gui_test_type (window, "Decree drafted; the ministry confirms.");
  ck_assert_str_eq (cirt_assessment_view_get_save_text (view), "Saving…");
  press (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_str_eq (current_question (window), "T-LAW-2");
  {
    g_autoptr(CirtAnswer) a = stored (store, id, "T-LAW-1");
    ck_assert_str_eq (a->notes, "Decree drafted; the ministry confirms.");
  }

  /* yesno: a letter */
  press (window, GDK_KEY_p, 0);
  ASSERT_VALUE (store, id, "T-LAW-2", "partial");

  /* Not applicable: refused until the notes say why */
  press (window, GDK_KEY_a, 0);
  {
    g_autoptr(CirtAnswer) a = stored (store, id, "T-LAW-2");
    ck_assert (!a->not_applicable);
    ck_assert_str_eq (a->value, "partial");
  }
  ck_assert_msg (GTK_IS_TEXT_VIEW (focus_of (window)), "N/A did not ask for the justification");
  /* Letters typed in the notes are text, not answers. */
  cirt_gui_test_type (window, "Only the regional convention applies; no national law is planned.");
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  {
    g_autoptr(CirtAnswer) a = stored (store, id, "T-LAW-2");
    ck_assert (a->not_applicable);
    ck_assert_ptr_null (a->value);
    ck_assert_str_eq (a->notes, "Only the regional convention applies; no national law is planned.");
  }

  /* choice: a digit, then a click on another option; flagged with f */
  ck_assert_str_eq (current_question (window), "T-OPS-1");
  press (window, GDK_KEY_2, 0);
  ASSERT_VALUE (store, id, "T-OPS-1", "adhoc");
  cirt_gui_test_click (cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Formal process"));
  ASSERT_VALUE (store, id, "T-OPS-1", "formal");
  press (window, GDK_KEY_f, 0);
  cirt_gui_test_spin (400);
  {
    g_autoptr(CirtAnswer) a = stored (store, id, "T-OPS-1");
    ck_assert (a->flagged);
  }

  /* checklist: two digits */
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ck_assert_str_eq (current_question (window), "T-OPS-2");
  press (window, GDK_KEY_1, 0);
  press (window, GDK_KEY_3, 0);
  ASSERT_VALUE (store, id, "T-OPS-2", "energy,health");

  /* text: the focus lands in the text, typed letters stay text */
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ck_assert_str_eq (current_question (window), "T-CTX-1");
  ck_assert (GTK_IS_TEXT_VIEW (focus_of (window)));
  cirt_gui_test_type (window, "Two sector teams; one in the treasury.");

  /* number and date: typed, checked as typed */
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ck_assert_str_eq (current_question (window), "T-CTX-2");
  ASSERT_VALUE (store, id, "T-CTX-1", "Two sector teams; one in the treasury.");
  ck_assert (GTK_IS_TEXT (focus_of (window)));
  cirt_gui_test_type (window, "1250");
  press (window, GDK_KEY_Right, GDK_ALT_MASK);
  ASSERT_VALUE (store, id, "T-CTX-2", "1250");
  ck_assert_str_eq (current_question (window), "T-CTX-3");
  cirt_gui_test_type (window, "2026-03-02");

  /* Every question answered: Ctrl+Enter says so and stays. */
  press (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  ASSERT_VALUE (store, id, "T-CTX-3", "2026-03-02");
  ck_assert_str_eq (current_question (window), "T-CTX-3");
  {
    guint answered = 0, total = 0;
    for (guint s = 0; s < cirt_questionnaire_get_n_sections (questionnaire); s++)
      {
        guint a, n;
        cirt_questionnaire_get_section_progress (questionnaire, s, &a, &n);
        answered += a;
        total += n;
      }
    ck_assert_uint_eq (answered, 7);
    ck_assert_uint_eq (total, 7);
  }

  /* Find by id (Ctrl+F), change, undo (Ctrl+Z). */
  press (window, GDK_KEY_f, GDK_CONTROL_MASK);
  ck_assert (GTK_IS_TEXT (focus_of (window)));
  cirt_gui_test_type (window, "t-law-1");
  /* The search entry waits a moment after the last key. */
  ck_assert (CIRT_WAIT_UNTIL (cirt_questionnaire_get_n_results (questionnaire) == 1, 2000));
  g_signal_emit_by_name (focus_of (window), "activate");
  cirt_gui_test_spin (20);
  ck_assert_str_eq (current_question (window), "T-LAW-1");
  press (window, GDK_KEY_0, 0);
  ASSERT_VALUE (store, id, "T-LAW-1", "0");
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  ASSERT_VALUE (store, id, "T-LAW-1", "3");
  {
    g_autoptr(CirtAnswer) a = stored (store, id, "T-LAW-1");
    ck_assert_str_eq (a->notes, "Decree drafted; the ministry confirms.");
  }

  /* An interview, through the Stakeholders page and its dialog. */
  cirt_assessment_view_show_page (view, "stakeholders");
  cirt_gui_test_spin (50);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (cirt_assessment_view_get_stakeholders (view)),
                                         "stakeholders.add", NULL));
  {
    GtkWindow *sd = find_toplevel (CIRT_TYPE_STAKEHOLDER_DIALOG);
    ck_assert_ptr_nonnull (sd);
    cirt_gui_test_show (sd);
    cirt_gui_test_type (sd, "Ana Silva");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (sd), CIRT_TYPE_STAKEHOLDER_DIALOG,
                                                                       "organisation_row")), "Ministry of ICT");
    press (sd, GDK_KEY_Return, GDK_CONTROL_MASK);
  }
  ck_assert_uint_eq (cirt_stakeholders_page_get_n_rows (cirt_assessment_view_get_stakeholders (view)), 1);
  /* Edited through its row. */
  cirt_gui_test_click (cirt_gui_test_find (GTK_WIDGET (cirt_assessment_view_get_stakeholders (view)),
                                           ADW_TYPE_ACTION_ROW, "Ana Silva"));
  {
    GtkWindow *sd = find_toplevel (CIRT_TYPE_STAKEHOLDER_DIALOG);
    GObject *org;
    ck_assert_ptr_nonnull (sd);
    cirt_gui_test_show (sd);
    org = gtk_widget_get_template_child (GTK_WIDGET (sd), CIRT_TYPE_STAKEHOLDER_DIALOG, "organisation_row");
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (org)), "Ministry of ICT");
    gtk_editable_set_text (GTK_EDITABLE (org), "Ministry of ICT and Posts");
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (sd), "stakeholder.save", NULL));
    cirt_gui_test_spin (50);
  }
  {
    g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (store, id, NULL);
    ck_assert_uint_eq (people->len, 1);
    ck_assert_str_eq (((CirtStakeholder *) g_ptr_array_index (people, 0))->organisation, "Ministry of ICT and Posts");
  }
  /* A second one, deleted again with its row's button. */
  {
    CirtStakeholder extra = { 0, (char *) "Visitor", NULL, NULL, NULL, NULL };
    GtkWidget *del;
    ck_assert (cirt_store_add_stakeholder (store, id, &extra, NULL) != 0);
    cirt_gui_test_spin (20);
    ck_assert_uint_eq (cirt_stakeholders_page_get_n_rows (cirt_assessment_view_get_stakeholders (view)), 2);
    del = NULL;
    for (GtkWidget *row = cirt_gui_test_find (GTK_WIDGET (cirt_assessment_view_get_stakeholders (view)),
                                              ADW_TYPE_ACTION_ROW, "Visitor");
         row != NULL && del == NULL; row = NULL)
      for (GtkWidget *b = cirt_gui_test_find (row, GTK_TYPE_BUTTON, NULL); b != NULL;
           b = gtk_widget_get_next_sibling (b))
        if (GTK_IS_BUTTON (b) && g_strcmp0 (gtk_widget_get_tooltip_text (b), "Delete") == 0)
          del = b;
    ck_assert_ptr_nonnull (del);
    cirt_gui_test_click (del);
    ck_assert_uint_eq (cirt_stakeholders_page_get_n_rows (cirt_assessment_view_get_stakeholders (view)), 1);
  }

  /* A target, through its row. */
  cirt_assessment_view_show_page (view, "targets");
  cirt_gui_test_spin (50);
  adw_combo_row_set_selected (cirt_targets_page_get_row (cirt_assessment_view_get_targets (view), CIRT_PILLAR_LEGAL), 3);
  {
    int targets[CIRT_N_PILLARS];
    ck_assert (cirt_store_get_targets (store, id, targets, NULL));
    ck_assert_int_eq (targets[CIRT_PILLAR_LEGAL], 3);
  }

  /* The interviewee as the source, then a last note typed and the window
   * closed at once, without waiting for the autosave. */
  cirt_assessment_view_show_page (view, "questionnaire");
  cirt_gui_test_spin (50);
  /* Back on the questionnaire, the keys work on it at once. */
  ck_assert_msg (focus_inside (window, GTK_WIDGET (questionnaire)), "focus on %s", describe_focus (window));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (page), "question.source", "s", "Ana Silva (Ministry of ICT)"));
  press (window, GDK_KEY_n, GDK_ALT_MASK);
  g_signal_emit_by_name (focus_of (window), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  cirt_gui_test_type (window, " Signed copy promised.");
  {
    GtkWidget *w = GTK_WIDGET (window);
    g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
    press (window, GDK_KEY_w, GDK_CONTROL_MASK);
    ck_assert_msg (CIRT_WAIT_UNTIL (w == NULL, 5000), "Ctrl+W did not close the window");
  }
  g_clear_object (&store);

  /* Start again. */
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  window = open_window (store);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (cirt_window_get_sidebar (window)), 1);
  cirt_window_open (window, id);
  cirt_gui_test_spin (50);
  view = cirt_window_get_view (window);
  ck_assert_str_eq (cirt_assessment_view_get_assessment_id (view), id);
  questionnaire = cirt_assessment_view_get_questionnaire (view);
  ck_assert (cirt_questionnaire_go_to_question (questionnaire, "T-LAW-2"));
  ck_assert (cirt_question_page_get_not_applicable (cirt_questionnaire_get_page (questionnaire)));
  close_window (window);

  /* What the CLI reads from the file. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *show = cli_show (db, id, parser);
    JsonObject *a;

    ck_assert_int_eq (json_object_get_int_member (show, "answered"), 7);
    a = json_answer (show, "T-LAW-1");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "3");
    ck_assert_str_eq (json_object_get_string_member (a, "notes"), "Decree drafted; the ministry confirms. Signed copy promised.");
    ck_assert_str_eq (json_object_get_string_member (a, "source"), "Ana Silva (Ministry of ICT)");
    a = json_answer (show, "T-LAW-2");
    ck_assert (json_object_get_boolean_member (a, "not_applicable"));
    ck_assert (json_object_get_null_member (a, "value"));
    ck_assert_str_eq (json_object_get_string_member (a, "notes"), "Only the regional convention applies; no national law is planned.");
    a = json_answer (show, "T-OPS-1");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "formal");
    ck_assert (json_object_get_boolean_member (a, "flagged"));
    a = json_answer (show, "T-OPS-2");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "energy,health");
    a = json_answer (show, "T-CTX-1");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "Two sector teams; one in the treasury.");
    a = json_answer (show, "T-CTX-2");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "1250");
    a = json_answer (show, "T-CTX-3");
    ck_assert_str_eq (json_object_get_string_member (a, "value"), "2026-03-02");
    ck_assert_int_eq (json_object_get_int_member (json_object_get_object_member (show, "targets"), "legal"), 3);
    ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (show, "stakeholders")), 1);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Delete with confirmation and undo                                        */

START_TEST (test_delete_and_undo)
{
  g_autofree char *db = cirt_test_tmp_path ("delete.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *a = create_assessment (store, "Alpha", "Aland", "2026-01-01T00:00:00.000Z");
  g_autofree char *b = create_assessment (store, "Beta", "Borduria", "2026-02-01T00:00:00.000Z");
  CirtWindow *window = open_window (store);
  CirtAssessmentSidebar *sidebar = cirt_window_get_sidebar (window);
  AdwMessageDialog *confirm;

  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 2);
  cirt_window_open (window, a);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-assessment", NULL));
  confirm = find_message_dialog ();
  ck_assert_ptr_nonnull (confirm);
  /* Cancel changes nothing. */
  adw_message_dialog_response (confirm, "cancel");
  cirt_gui_test_spin (50);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 2);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-assessment", NULL));
  confirm = find_message_dialog ();
  adw_message_dialog_response (confirm, "delete");
  cirt_gui_test_spin (50);
  /* Gone from the list, still in the store while Undo is offered. */
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 1);
  ck_assert_str_eq (cirt_window_get_pending_delete (window), a);
  {
    g_autoptr(CirtAssessmentInfo) still = cirt_store_get_assessment (store, a, NULL);
    ck_assert_ptr_nonnull (still);
  }
  ck_assert_ptr_null (cirt_assessment_view_get_assessment_id (cirt_window_get_view (window)));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  cirt_gui_test_spin (50);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 2);
  ck_assert_str_eq (cirt_assessment_sidebar_get_selected_id (sidebar), a);

  /* Deleted for good when the window closes with the toast still up. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-assessment", NULL));
  adw_message_dialog_response (find_message_dialog (), "delete");
  cirt_gui_test_spin (50);
  close_window (window);
  {
    g_autoptr(GPtrArray) list = cirt_store_list_assessments (store, NULL);
    ck_assert_uint_eq (list->len, 1);
    ck_assert_str_eq (((CirtAssessmentInfo *) g_ptr_array_index (list, 0))->id, b);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Follow-up                                                                */

START_TEST (test_follow_up)
{
  g_autofree char *db = cirt_test_tmp_path ("follow.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *a = create_assessment (store, "Baseline 2024", "Aland", "2024-01-01T00:00:00.000Z");
  CirtWindow *window = open_window (store);
  GtkWindow *dialog;
  const char *follow;

  cirt_window_open (window, a);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up", NULL));
  dialog = cirt_window_get_dialog (window);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  /* Prefilled from the baseline, instruments fixed. */
  ck_assert (cirt_new_assessment_dialog_can_create (CIRT_NEW_ASSESSMENT_DIALOG (dialog)));
  ck_assert (gtk_check_button_get_active (cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "test-mini")));
  ck_assert_ptr_null (cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "gca-pillars"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  ck_assert (CIRT_WAIT_UNTIL (cirt_window_get_dialog (window) == NULL, 3000));
  follow = cirt_assessment_view_get_assessment_id (cirt_window_get_view (window));
  ck_assert_ptr_nonnull (follow);
  ck_assert_str_ne (follow, a);
  {
    g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (store, follow, NULL);
    g_autoptr(GPtrArray) before = cirt_store_get_instruments (store, a, NULL);
    g_autoptr(GPtrArray) after = cirt_store_get_instruments (store, follow, NULL);

    ck_assert_str_eq (info->baseline, a);
    ck_assert_str_eq (info->country, "Aland");
    ck_assert_str_eq (info->title, "Baseline 2024 — Follow-up");
    ck_assert_uint_eq (after->len, before->len);
    ck_assert_str_eq (cirt_instrument_get_sha256 (g_ptr_array_index (after, 0)),
                      cirt_instrument_get_sha256 (g_ptr_array_index (before, 0)));
  }
  close_window (window);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Search and sort of the list, remembered                                  */

START_TEST (test_search_and_sort)
{
  g_autofree char *db = cirt_test_tmp_path ("list.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *a = create_assessment (store, "Zeta readiness", "Côte d'Ivoire", "2026-01-01T00:00:00.000Z");
  g_autofree char *b = create_assessment (store, "Alpha baseline", "Benin", "2026-03-01T00:00:00.000Z");
  g_autofree char *c = create_assessment (store, "Midterm review", "Angola", "2026-02-01T00:00:00.000Z");
  GSettings *settings = g_settings_new ("io.github.cirtassess.CirtAssess");
  CirtWindow *window;
  CirtAssessmentSidebar *sidebar;

  g_settings_set_string (settings, "sort-order", "date");
  window = open_window (store);
  sidebar = cirt_window_get_sidebar (window);
  /* Newest first */
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 0), b);
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 2), a);

  /* The sort menu's action, stored in the settings. */
  ck_assert (g_action_group_has_action (G_ACTION_GROUP (window), "sort-order"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-order", g_variant_new_string ("country"));
  cirt_gui_test_spin (20);
  {
    g_autofree char *order = g_settings_get_string (settings, "sort-order");
    ck_assert_str_eq (order, "country");
  }
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 0), c);   /* Angola */
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 2), a);   /* Côte d'Ivoire */
  g_action_group_activate_action (G_ACTION_GROUP (window), "sort-order", g_variant_new_string ("title"));
  cirt_gui_test_spin (20);
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 0), b);

  /* Search by the start of words, accents optional. */
  press (window, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  ck_assert (GTK_IS_TEXT (focus_of (window)));
  cirt_assessment_sidebar_set_search (sidebar, "cote");
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 1);
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 0), a);
  cirt_assessment_sidebar_set_search (sidebar, "review ang");
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 1);
  /* A search that hides the open assessment leaves it open. */
  cirt_window_open (window, c);
  cirt_assessment_sidebar_set_search (sidebar, "nothing like it");
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 0);
  cirt_gui_test_spin (20);
  ck_assert_str_eq (cirt_assessment_view_get_assessment_id (cirt_window_get_view (window)), c);
  cirt_assessment_sidebar_set_search (sidebar, NULL);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 3);
  ck_assert_str_eq (cirt_assessment_sidebar_get_selected_id (sidebar), c);
  close_window (window);

  /* Remembered across windows. */
  window = open_window (store);
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (cirt_window_get_sidebar (window), 0), b);
  close_window (window);
  g_settings_set_string (settings, "sort-order", "date");
  g_object_unref (settings);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The store refuses a write: said at once, and again before closing         */

START_TEST (test_store_error)
{
  g_autofree char *db = cirt_test_tmp_path ("error.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *a = create_assessment (store, "Vanishing", "Aland", "2026-01-01T00:00:00.000Z");
  CirtWindow *window = open_window (store);
  CirtAssessmentView *view;
  AdwMessageDialog *dialog;
  GtkWidget *w;
  g_autofree char *err = NULL;

  cirt_window_open (window, a);
  cirt_gui_test_spin (50);
  view = cirt_window_get_view (window);
  /* An existing assessment opens on its overview; go answer. */
  ck_assert_str_eq (adw_view_stack_get_visible_child_name (
                      ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), CIRT_TYPE_ASSESSMENT_VIEW, "stack"))),
                    "overview");
  /* Alt+1…5 reach the pages whatever the language of the page titles. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), CIRT_TYPE_ASSESSMENT_VIEW, "stack"));
    cirt_assessment_view_focus_start (view);
    cirt_gui_test_spin (50);
    press (window, GDK_KEY_5, GDK_ALT_MASK);
    ck_assert_str_eq (adw_view_stack_get_visible_child_name (stack), "recommendations");
    press (window, GDK_KEY_4, GDK_ALT_MASK);
    ck_assert_str_eq (adw_view_stack_get_visible_child_name (stack), "targets");
  }
  cirt_assessment_view_show_page (view, "questionnaire");
  cirt_gui_test_spin (50);
  cirt_assessment_view_focus_start (view);
  /* Another assessor's process deletes it meanwhile. */
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", db, "delete", a, NULL), 0);
  press (window, GDK_KEY_2, 0);
  ck_assert_str_eq (cirt_assessment_view_get_save_text (view), "Not Saved");

  /* Closing asks before the unsaved answer goes. */
  w = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_close (GTK_WINDOW (window));
  cirt_gui_test_spin (50);
  ck_assert_ptr_nonnull (w);
  dialog = find_message_dialog ();
  ck_assert_ptr_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  cirt_gui_test_spin (50);
  ck_assert_ptr_nonnull (w);
  gtk_window_close (GTK_WINDOW (window));
  cirt_gui_test_spin (50);
  adw_message_dialog_response (find_message_dialog (), "close");
  ck_assert_msg (CIRT_WAIT_UNTIL (w == NULL, 3000), "Close Anyway did not close");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The window's size is remembered                                          */

START_TEST (test_window_size)
{
  g_autofree char *db = cirt_test_tmp_path ("size.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 666);
  cirt_gui_test_show (GTK_WINDOW (window));
  close_window (window);
  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  ck_assert_int_eq (width, 1111);
  ck_assert_int_eq (height, 666);
  gtk_window_destroy (GTK_WINDOW (window));
  cirt_gui_test_spin (20);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The menus are made when first opened, with the keyboard too              */

static GtkWidget *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_primary_menu_button (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

START_TEST (test_menus_made_when_opened)
{
  g_autofree char *db = cirt_test_tmp_path ("menus.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  CirtWindow *window = open_window (store);
  GtkWidget *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;
  GtkPopover *popover;

  /* The main menu: the first menu button, the one F10 opens. */
  ck_assert_ptr_nonnull (button);
  menu = cirt_app_menu_button_get_menu (GTK_MENU_BUTTON (button));
  ck_assert_ptr_nonnull (menu);
  ck_assert_int_gt (g_menu_model_get_n_items (menu), 0);
  ck_assert_ptr_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  ck_assert (gtk_widget_get_sensitive (button));

  ck_assert (cirt_gui_test_press_key (window, GDK_KEY_F10, 0));
  ck_assert_msg (CIRT_WAIT_UNTIL ((popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))) != NULL &&
                                  gtk_widget_get_visible (GTK_WIDGET (popover)), 3000),
                 "F10 did not open the main menu");
  ck_assert_ptr_eq (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), menu);
  gtk_popover_popdown (popover);
  cirt_gui_test_spin (20);
  /* Opened again, it is the same menu. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cirt_gui_test_spin (20);
  ck_assert_ptr_eq (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)), popover);
  gtk_popover_popdown (popover);
  close_window (window);
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("app");
  TCase *tc = tcase_create ("app");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  /* Not in a test: Check's asserts only work inside one. */
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_mission);
  tcase_add_test (tc, test_delete_and_undo);
  tcase_add_test (tc, test_follow_up);
  tcase_add_test (tc, test_search_and_sort);
  tcase_add_test (tc, test_store_error);
  tcase_add_test (tc, test_window_size);
  tcase_add_test (tc, test_menus_made_when_opened);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
