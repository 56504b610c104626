/* test-sessions.c — the Sessions page and the Mission Plan page: a session
 * added through its form from the keyboard and widgets, stored with the
 * people and sections ticked, edited, shown planned and covered in the
 * mission plan (whose count of uncovered sections drops), a section planned
 * and unplanned from the plan, the session removed and brought back by
 * Undo; screenshots in build/screenshots/
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-application.h"
#include "cirt-gui-test-util.h"
#include "cirt-plan-page.h"
#include "cirt-sample.h"
#include "cirt-session-dialog.h"
#include "cirt-sessions-page.h"
#include "cirt-store-sessions.h"
#include "cirt-window.h"

static CirtApplication *app;

static CirtWindow *
open_window (CirtStore *store)
{
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
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

static void
press (gpointer         window,
       guint            keyval,
       GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  ck_assert_msg (cirt_gui_test_press_key (window, keyval, mods), "nothing handled the key %s (mods %x), focus on %s",
                 gdk_keyval_name (keyval), mods, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

static char *
add_stakeholder (CirtStore  *store,
                 const char *id,
                 const char *name,
                 const char *organisation,
                 const char *sector)
{
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autoptr(GPtrArray) all = NULL;

  s->name = g_strdup (name);
  s->organisation = g_strdup (organisation);
  s->sector = g_strdup (sector);
  ck_assert_int_gt (cirt_store_add_stakeholder (store, id, s, NULL), 0);
  all = cirt_store_list_stakeholders (store, id, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      CirtStakeholder *x = g_ptr_array_index (all, i);
      if (g_strcmp0 (x->name, name) == 0)
        return g_strdup (x->uuid);
    }
  ck_abort_msg ("stakeholder %s not stored", name);
  return NULL;
}

static char *
make_assessment (CirtStore *store)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  char *id;

  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Sessions mission");
  info->country = g_strdup ("Testland");
  info->lead_assessor = g_strdup ("Ana Lead");
  info->assessors = g_strdup ("Bo Second, Cy Third");
  id = cirt_store_create_assessment (store, info, instruments, NULL);
  ck_assert_ptr_nonnull (id);
  return id;
}

/* Replaces what the entry row of the dialog @name holds, as typing would. */
static void
type_into (GtkWindow  *dialog,
           const char *name,
           const char *text)
{
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG, name));

  ck_assert_ptr_nonnull (row);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  press (dialog, GDK_KEY_Delete, 0);
  if (*text)
    cirt_gui_test_type (dialog, text);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (row)), text);
}

/* Ticks or unticks the row titled @title of the dialog, as activating it does. */
static void
tick (GtkWindow  *dialog,
      const char *title)
{
  GtkWidget *row = cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, title);

  ck_assert_msg (row != NULL, "no row %s in the form", title);
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

/* The button under @root whose tooltip is @tooltip. */
static GtkWidget *
row_button (GtkWidget  *root,
            const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
        return c;
      if ((found = row_button (c, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* The Undo button of the toast titled @title, once it shows. */
static GtkWidget *
find_undo (CirtWindow *window,
           const char *title)
{
  GtkWidget *label = NULL;

  CIRT_WAIT_UNTIL ((label = cirt_gui_test_find (GTK_WIDGET (window), GTK_TYPE_LABEL, title)) != NULL, 3000);
  ck_assert_msg (label != NULL, "no toast “%s”", title);
  for (GtkWidget *w = gtk_widget_get_parent (label); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *undo = cirt_gui_test_find (w, GTK_TYPE_BUTTON, "_Undo");
      if (undo != NULL)
        return undo;
    }
  ck_abort_msg ("no Undo in the toast “%s”", title);
  return NULL;
}

static gboolean
strv_has (GStrv       v,
          const char *s)
{
  return v != NULL && g_strv_contains ((const char * const *) v, s);
}

START_TEST (test_sessions_and_plan)
{
  g_autofree char *db = cirt_test_tmp_path ("sessions.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *id = make_assessment (store);
  g_autofree char *police = add_stakeholder (store, id, "Pat Police", "National Police", "Law enforcement and justice");
  g_autofree char *isp = add_stakeholder (store, id, "Ivo Net", "NetCo", "Private sector");
  g_autofree char *third = add_stakeholder (store, id, "Tess Third", "University", "Academia");
  g_autofree char *uuid = NULL;
  CirtWindow *window = open_window (store);
  CirtAssessmentView *view;
  CirtSessionsPage *page;
  CirtPlanPage *plan;
  GtkStack *stack;
  GtkWindow *dialog;
  GtkWidget *row;

  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_focus_start (view);

  /* Alt+0: the mission plan, nothing planned: the three sections uncovered. */
  press (window, GDK_KEY_0, GDK_ALT_MASK);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "plan");
  plan = cirt_assessment_view_get_plan (view);
  ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 3);
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "law"), "Not planned");
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "ops"), "Not planned");
  {
    AdwPreferencesGroup *summary = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (plan),
                                                                                         CIRT_TYPE_PLAN_PAGE,
                                                                                         "summary_group"));
    ck_assert_str_eq (adw_preferences_group_get_title (summary), "3 sections not covered by a planned session yet");
  }

  /* Alt+9: the sessions, none yet. */
  press (window, GDK_KEY_9, GDK_ALT_MASK);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "sessions");
  page = cirt_assessment_view_get_sessions (view);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_SESSIONS_PAGE, "stack"));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "empty");
  ck_assert_uint_eq (cirt_sessions_page_get_n_rows (page), 0);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    ck_assert_msg (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)),
                   "the focus is not on the Sessions page");
  }
  cirt_gui_test_spin (400);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "sessions-empty.png");

  /* Ctrl+Shift+A: the form, on the date, the whole team named. */
  press (window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = cirt_sessions_page_get_dialog (page);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
    GObject *date = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG, "date_row");
    GObject *team = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG, "assessors_row");
    ck_assert_msg (GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (date)),
                   "the focus is not in the date");
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (team)), "Ana Lead, Bo Second, Cy Third");
  }
  /* A day that does not exist cannot be saved (the key does nothing). */
  type_into (dialog, "date_row", "2026-02-30");
  ck_assert (!cirt_gui_test_press_key (dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  {
    GtkLabel *message = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG,
                                                                  "message_label"));
    ck_assert_str_eq (gtk_label_get_label (message), "Write the date as YYYY-MM-DD, e.g. 2026-03-02.");
  }
  /* An end before the start neither. */
  type_into (dialog, "date_row", "2026-03-02");
  type_into (dialog, "start_row", "10:30");
  type_into (dialog, "end_row", "09:00");
  ck_assert (!cirt_gui_test_press_key (dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  type_into (dialog, "end_row", "12:00");
  /* Place has the mnemonic P, which moves there (the window's dispatch of
   * Alt+letter is GTK's; the helper's key presses do not go through it). */
  {
    GtkWidget *place = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG,
                                                                  "place_row"));
    GtkWidget *label = cirt_gui_test_find (place, GTK_TYPE_LABEL, "_Place");
    GtkWidget *focus;

    ck_assert_ptr_nonnull (label);
    ck_assert_uint_eq (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), GDK_KEY_p);
    ck_assert (gtk_widget_mnemonic_activate (gtk_label_get_mnemonic_widget (GTK_LABEL (label)), FALSE));
    focus = gtk_root_get_focus (GTK_ROOT (dialog));
    ck_assert_msg (focus != NULL && gtk_widget_is_ancestor (focus, place), "the mnemonic did not reach the place");
  }
  type_into (dialog, "place_row", "Ministry of ICT, room 4");
  type_into (dialog, "assessors_row", "Ana Lead, , Bo Second, Ana Lead");
  tick (dialog, "Pat Police");
  tick (dialog, "Ivo Net");
  tick (dialog, "Law");
  tick (dialog, "Operations");
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "session-dialog.png");
  {
    g_autoptr(GPtrArray) none = cirt_store_list_interviews (store, id, NULL);
    ck_assert_uint_eq (none->len, 0);
  }
  press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_dialog (page) == NULL, 3000), "the form did not close");
  {
    g_autoptr(GPtrArray) list = cirt_store_list_interviews (store, id, NULL);
    g_autoptr(GPtrArray) history = NULL;
    CirtInterview *s;

    ck_assert_uint_eq (list->len, 1);
    s = g_ptr_array_index (list, 0);
    uuid = g_strdup (s->id);
    ck_assert_str_eq (s->date, "2026-03-02");
    ck_assert_str_eq (s->start_time, "10:30");
    ck_assert_str_eq (s->end_time, "12:00");
    ck_assert_str_eq (s->place, "Ministry of ICT, room 4");
    ck_assert_uint_eq (g_strv_length (s->stakeholders), 2);
    ck_assert (strv_has (s->stakeholders, police) && strv_has (s->stakeholders, isp));
    ck_assert (!strv_has (s->stakeholders, third));
    ck_assert_uint_eq (g_strv_length (s->sections), 2);
    ck_assert (strv_has (s->sections, "law") && strv_has (s->sections, "ops"));
    /* The names as the command line takes them: trimmed, no empty one, no repeat. */
    ck_assert_uint_eq (g_strv_length (s->assessors), 2);
    ck_assert_str_eq (s->assessors[0], "Ana Lead");
    ck_assert_str_eq (s->assessors[1], "Bo Second");
    ck_assert_ptr_null (s->notes);
    history = cirt_store_get_interview_history (store, id, uuid, NULL);
    ck_assert_uint_eq (history->len, 1);
  }
  /* The list shows it: day and times, place, people, sections. */
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_n_rows (page) == 1, 3000), "the session does not appear");
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "list");
  row = cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "2 Mar 2026, 10:30–12:00");
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                    "Ministry of ICT, room 4 · Ivo Net (NetCo), Pat Police (National Police) · 2 sections planned");

  /* Edit: activating the row opens the form with it; another place, Ops
   * dropped, Context added, some notes. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  dialog = cirt_sessions_page_get_dialog (page);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  {
    GObject *place = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG, "place_row");
    GtkWidget *check = cirt_gui_test_find (cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Operations"),
                                           GTK_TYPE_CHECK_BUTTON, NULL);
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (place)), "Ministry of ICT, room 4");
    ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  }
  type_into (dialog, "place_row", "National Police HQ");
  tick (dialog, "Operations");
  tick (dialog, "Context");
  {
    GtkTextView *notes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_SESSION_DIALOG,
                                                                      "notes_view"));
    gtk_widget_grab_focus (GTK_WIDGET (notes));
    cirt_gui_test_type (dialog, "Bring the draft law");
  }
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "session-dialog-edit.png");
  press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_dialog (page) == NULL, 3000), "the form did not close");
  {
    g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, uuid, NULL);
    g_autoptr(GPtrArray) history = cirt_store_get_interview_history (store, id, uuid, NULL);

    ck_assert_ptr_nonnull (s);
    ck_assert_str_eq (s->place, "National Police HQ");
    ck_assert_str_eq (s->notes, "Bring the draft law");
    ck_assert_uint_eq (g_strv_length (s->sections), 2);
    ck_assert (strv_has (s->sections, "law") && strv_has (s->sections, "context"));
    ck_assert (!strv_has (s->sections, "ops"));
    ck_assert_uint_eq (g_strv_length (s->stakeholders), 2);
    ck_assert_uint_eq (history->len, 2);
  }
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                      "2 Mar 2026, 10:30–12:00") != NULL &&
                                  g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                                    cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                                        "2 Mar 2026, 10:30–12:00"))), "National Police HQ"), 3000),
                 "the edit does not show");

  /* The plan: Law planned with the police present (a group its questions
   * ask) is covered; Context (asking no group) is covered by being planned;
   * Operations is still not planned. */
  press (window, GDK_KEY_0, GDK_ALT_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_n_uncovered (plan) == 1, 3000),
                 "the plan still counts %u uncovered sections", cirt_plan_page_get_n_uncovered (plan));
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "law"), "Covered");
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "context"), "Covered");
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "ops"), "Not planned");
  {
    AdwPreferencesGroup *summary = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (plan),
                                                                                         CIRT_TYPE_PLAN_PAGE,
                                                                                         "summary_group"));
    ck_assert_str_eq (adw_preferences_group_get_title (summary), "1 section not covered by a planned session yet");
  }

  /* The filter leaves the one not covered. */
  {
    GtkSwitch *filter = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (plan), CIRT_TYPE_PLAN_PAGE,
                                                                    "filter_switch"));
    gtk_switch_set_active (filter, TRUE);
    ck_assert_ptr_null (cirt_plan_page_get_state_text (plan, "law"));
    ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "ops"), "Not planned");
    gtk_switch_set_active (filter, FALSE);
    ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "law"), "Covered");
  }

  /* Editing the mapping from the plan: Operations planned in the session
   * (stored), then taken out of it again. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.add-to-session", "(ss)", "ops", uuid));
  {
    g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, uuid, NULL);
    ck_assert (strv_has (s->sections, "ops"));
  }
  ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 0);
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "ops"), "Covered");
  cirt_gui_test_spin (600);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "plan-covered.png");
  {
    GtkWidget *ops = NULL;
    GtkWidget *remove;

    /* The section's row lists the session, with its button. */
    for (GtkWidget *w = cirt_gui_test_find (GTK_WIDGET (plan), ADW_TYPE_EXPANDER_ROW, NULL); w != NULL && ops == NULL;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_EXPANDER_ROW (w) && g_strcmp0 (g_object_get_data (G_OBJECT (w), "cirt-section"), "ops") == 0)
        ops = w;
    ck_assert_ptr_nonnull (ops);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ops), TRUE);
    remove = row_button (ops, "Remove from This Session");
    ck_assert_ptr_nonnull (remove);
    cirt_gui_test_click (remove);
  }
  {
    g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, uuid, NULL);
    ck_assert (!strv_has (s->sections, "ops"));
  }
  ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 1);
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "ops"), "Not planned");
  /* Its toast's Undo plans it again; taken out once more for what follows. */
  {
    GtkWidget *undo = find_undo (window, "No longer planned in the session of 2 Mar 2026, 10:30–12:00");
    g_autoptr(CirtInterview) s = NULL;

    cirt_gui_test_click (undo);
    s = cirt_store_get_interview (store, id, uuid, NULL);
    ck_assert (strv_has (s->sections, "ops"));
    ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 0);
  }
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.remove-from-session", "(ss)", "ops", uuid));
  ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 1);

  /* A session meeting none of the groups Law asks leaves it planned, not covered. */
  {
    g_autoptr(CirtInterview) other = cirt_interview_new ();
    g_autofree char *other_id = NULL;

    other->date = g_strdup ("2026-03-03");
    other->stakeholders = g_new0 (char *, 2);
    other->stakeholders[0] = g_strdup (isp);
    other->sections = g_new0 (char *, 2);
    other->sections[0] = g_strdup ("law");
    other->author = g_strdup ("Test");
    other_id = cirt_store_add_interview (store, id, other, NULL);
    ck_assert_ptr_nonnull (other_id);
  }

  /* Remove the first session from the Sessions page: gone from the store,
   * Law now only planned; Undo brings it back under its UUID. */
  press (window, GDK_KEY_9, GDK_ALT_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_n_rows (page) == 2, 3000), "the second session does not show");
  row = cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "2 Mar 2026, 10:30–12:00");
  ck_assert_ptr_nonnull (row);
  cirt_gui_test_click (row_button (row, "Remove"));
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_n_rows (page) == 1, 3000), "the session was not removed");
  ck_assert_ptr_null (cirt_store_get_interview (store, id, uuid, NULL));
  press (window, GDK_KEY_0, GDK_ALT_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_n_uncovered (plan) == 3, 3000),
                 "the plan counts %u uncovered sections", cirt_plan_page_get_n_uncovered (plan));
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "law"), "Planned, no group asked is met");
  ck_assert_str_eq (cirt_plan_page_get_state_text (plan, "context"), "Not planned");
  {
    GtkWidget *undo = find_undo (window, "Session of 2 Mar 2026, 10:30–12:00 removed");
    g_autoptr(CirtInterview) back = NULL;

    cirt_gui_test_click (undo);
    back = cirt_store_get_interview (store, id, uuid, NULL);
    ck_assert_ptr_nonnull (back);
    ck_assert_str_eq (back->place, "National Police HQ");
  }
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_n_uncovered (plan) == 1, 3000),
                 "the plan counts %u uncovered sections after Undo", cirt_plan_page_get_n_uncovered (plan));
  close_window (window);
}
END_TEST

/* "Plan in Session… → New Session…" opens the form of a new session with
 * the section ticked; Escape closes it without writing anything. */
START_TEST (test_new_session_from_plan)
{
  g_autofree char *db = cirt_test_tmp_path ("plan-new.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *id = make_assessment (store);
  CirtWindow *window = open_window (store);
  CirtAssessmentView *view;
  CirtPlanPage *plan;
  GtkWindow *dialog;
  GtkWidget *check;

  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "plan");
  plan = cirt_assessment_view_get_plan (view);
  cirt_gui_test_spin (100);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.new-session", "s", "context"));
  dialog = cirt_plan_page_get_dialog (plan);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  check = cirt_gui_test_find (cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Context"),
                              GTK_TYPE_CHECK_BUTTON, NULL);
  ck_assert (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  check = cirt_gui_test_find (cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Law"),
                              GTK_TYPE_CHECK_BUTTON, NULL);
  ck_assert (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* No stakeholders yet: the form says where to add them. */
  ck_assert_ptr_nonnull (cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "No stakeholders recorded yet"));
  press (dialog, GDK_KEY_Escape, 0);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_dialog (plan) == NULL, 3000), "Escape did not close the form");
  {
    g_autoptr(GPtrArray) none = cirt_store_list_interviews (store, id, NULL);
    ck_assert_uint_eq (none->len, 0);
  }
  /* Again, saved this time: the section is planned. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.new-session", "s", "context"));
  dialog = cirt_plan_page_get_dialog (plan);
  cirt_gui_test_show (dialog);
  press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_dialog (plan) == NULL, 3000), "the form did not close");
  {
    g_autoptr(GPtrArray) list = cirt_store_list_interviews (store, id, NULL);
    CirtInterview *s;
    ck_assert_uint_eq (list->len, 1);
    s = g_ptr_array_index (list, 0);
    ck_assert_uint_eq (g_strv_length (s->sections), 1);
    ck_assert_str_eq (s->sections[0], "context");
  }
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_plan_page_get_n_uncovered (plan) == 2, 3000),
                 "the plan counts %u uncovered sections", cirt_plan_page_get_n_uncovered (plan));
  close_window (window);
}
END_TEST

/* The sample mission: its ten interview sessions and its plan, every
 * section covered; the screenshots. */
START_TEST (test_screenshot)
{
  g_autofree char *db = cirt_test_tmp_path ("sample-sessions.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *sample = cirt_sample_default_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cirt_sample_load (store, sample, &error);
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  CirtInstrument *inst;
  CirtWindow *window;
  CirtAssessmentView *view;

  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  instruments = cirt_store_get_instruments (store, id, NULL);
  inst = g_ptr_array_index (instruments, 0);
  sessions = cirt_store_list_interviews (store, id, &error);
  ck_assert_uint_eq (sessions->len, 10);
  /* The people present are the sample's stakeholders, by their UUIDs. */
  ck_assert_ptr_nonnull (((CirtInterview *) g_ptr_array_index (sessions, 0))->stakeholders);
  ck_assert_uint_eq (strlen (((CirtInterview *) g_ptr_array_index (sessions, 0))->stakeholders[0]), 36);
  window = open_window (store);
  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "sessions");
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_sessions_page_get_n_rows (cirt_assessment_view_get_sessions (view)) == 10, 3000),
                 "the sessions do not show");
  cirt_gui_test_spin (600);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "sessions.png");
  cirt_assessment_view_show_page (view, "plan");
  cirt_gui_test_spin (600);
  {
    CirtPlanPage *plan = cirt_assessment_view_get_plan (view);
    GtkWidget *row = cirt_gui_test_find (GTK_WIDGET (plan), ADW_TYPE_EXPANDER_ROW, NULL);
    const char *third = cirt_instrument_get_section (inst, 2)->id;

    ck_assert_uint_eq (cirt_plan_page_get_n_uncovered (plan), 0);
    ck_assert_str_eq (cirt_plan_page_get_state_text (plan, third), "Covered");
    while (row != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "cirt-section"), third) != 0)
      row = gtk_widget_get_next_sibling (row);
    ck_assert_ptr_nonnull (row);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  }
  cirt_gui_test_spin (400);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "plan.png");
  close_window (window);
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("sessions");
  TCase *tc = tcase_create ("sessions");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_sessions_and_plan);
  tcase_add_test (tc, test_new_session_from_plan);
  tcase_add_test (tc, test_screenshot);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
