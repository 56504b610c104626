/* test-merge.c — two assessors on two laptops: import, export for merge and
 * the review of merge conflicts, in real windows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-app-util.h"
#include "cirt-application.h"
#include "cirt-conflicts-dialog.h"
#include "cirt-exchange.h"
#include "cirt-gui-test-util.h"
#include "cirt-window.h"

/* Upper bound of a wait for an import; it ends as soon as the import is
 * shown. Long enough for a run under valgrind. */
#define WAIT_MS 60000

static CirtApplication *app;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static CirtWindow *
open_window (CirtStore *store)
{
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  cirt_gui_test_show (GTK_WINDOW (window));
  return window;
}

static void
close_window (GtkWindow *window)
{
  GtkWidget *w = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_close (window);
  ck_assert_msg (CIRT_WAIT_UNTIL (w == NULL, 5000), "the window did not close");
}

static void
set_assessor (const char *name)
{
  g_settings_set_string (cirt_gui_test_settings (), "assessor-name", name);
}

static void
save (CirtStore  *store,
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
  /* Every change is later than the one before, to the millisecond. */
  g_usleep (3000);
}

static CirtAnswer *
stored (CirtStore  *store,
        const char *id,
        const char *question)
{
  g_autoptr(GError) error = NULL;
  CirtAnswer *a = cirt_store_get_answer (store, id, question, &error);

  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_msg (a != NULL, "%s: no answer", question);
  return a;
}

static void
import (CirtWindow *window,
        const char *path)
{
  cirt_window_import_file (window, path);
  /* It runs in a thread: the window says so, and the assessment cannot be
   * edited meanwhile. */
  ck_assert (cirt_window_is_importing (window));
  ck_assert (!gtk_widget_get_sensitive (GTK_WIDGET (cirt_window_get_view (window))));
  ck_assert_msg (CIRT_WAIT_UNTIL (!cirt_window_is_importing (window), WAIT_MS), "the import did not end");
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (cirt_window_get_view (window))));
  cirt_gui_test_spin (50);
}

/* Every label text under @root, one per line. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_visible (c))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (c)));
      collect_text (c, out);
    }
}

static char *
text_of (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

#define ASSERT_SHOWS(root, expected) \
  G_STMT_START { \
    g_autofree char *_text = text_of (GTK_WIDGET (root)); \
    if (strstr (_text, (expected)) == NULL) \
      g_printerr ("shown:\n%s\n", _text); \
    ck_assert_msg (strstr (_text, (expected)) != NULL, "“%s” is not shown (see the text shown above)", (expected)); \
  } G_STMT_END

/* The first button labelled @label under @root that is showing. */
static gboolean
shows (GtkWidget  *root,
       const char *expected)
{
  g_autofree char *text = text_of (root);
  return strstr (text, expected) != NULL;
}

/* A toast comes after the one showing, which stays up to 10 s. */
#define ASSERT_TOAST(window, expected) \
  G_STMT_START { \
    if (!CIRT_WAIT_UNTIL (shows (GTK_WIDGET (window), (expected)), 15000)) \
      ASSERT_SHOWS ((window), (expected)); \
  } G_STMT_END

static GtkWidget *
find_shown_button (GtkWidget  *root,
                   const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      found = find_shown_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_shown_buttons (GtkWidget  *root,
                     const char *label)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        n++;
      n += count_shown_buttons (c, label);
    }
  return n;
}

/* The label of the assessment menu's item for win.merge-conflicts. */
static char *
conflicts_menu_label (CirtWindow *window)
{
  GtkWidget *view = GTK_WIDGET (cirt_window_get_view (window));
  GtkWidget *button = cirt_gui_test_find (view, GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;

  ck_assert_ptr_nonnull (button);
  menu = cirt_app_menu_button_get_menu (GTK_MENU_BUTTON (button));
  ck_assert_ptr_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;
          char *label = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_strcmp0 (action, "win.merge-conflicts") == 0 &&
              g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            return label;
        }
    }
  ck_abort_msg ("no Merge Conflicts item in the assessment menu");
  return NULL;
}

#define ASSERT_MENU_LABEL(window, expected) \
  G_STMT_START { \
    g_autofree char *_label = conflicts_menu_label (window); \
    ck_assert_str_eq (_label, (expected)); \
  } G_STMT_END

static const CirtConflict *
stored_conflict (CirtStore  *store,
                 const char *id,
                 const char *question,
                 GPtrArray **keep)
{
  *keep = cirt_store_list_conflicts (store, id, NULL);
  ck_assert_ptr_nonnull (*keep);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      const CirtConflict *c = g_ptr_array_index (*keep, i);
      if (g_strcmp0 (c->question, question) == 0)
        return c;
    }
  ck_abort_msg ("no conflict on %s in the store", question);
  return NULL;
}

static gboolean
conflict_reviewed (CirtStore  *store,
                   const char *id,
                   const char *question)
{
  g_autoptr(GPtrArray) list = NULL;
  return stored_conflict (store, id, question, &list)->reviewed;
}

static GtkWidget *
row_of (CirtConflictsDialog *dialog,
        const char          *question)
{
  for (guint i = 0; i < cirt_conflicts_dialog_get_n_conflicts (dialog); i++)
    if (g_strcmp0 (cirt_conflicts_dialog_get_conflict (dialog, i)->question, question) == 0)
      return cirt_conflicts_dialog_get_row (dialog, i);
  ck_abort_msg ("the dialog lists no conflict on %s", question);
  return NULL;
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

static const char *
page_question (CirtWindow *window)
{
  CirtQuestionnaire *q = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));
  return cirt_question_page_get_question (cirt_questionnaire_get_page (q))->id;
}

static const char *
page_value (CirtWindow *window)
{
  CirtQuestionnaire *q = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));
  return cirt_question_page_get_answer (cirt_questionnaire_get_page (q))->value;
}

/* ------------------------------------------------------------------------ */
/* Two laptops                                                              */

START_TEST (test_two_laptops)
{
  g_autofree char *db_a = cirt_test_tmp_path ("alice.db");
  g_autofree char *db_b = cirt_test_tmp_path ("bob.db");
  g_autofree char *file_a = cirt_test_tmp_path ("from-alice.json");
  g_autofree char *file_b = cirt_test_tmp_path ("from-bob.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store_a = cirt_store_open (db_a, &error);
  g_autoptr(CirtStore) store_b = cirt_store_open (db_b, &error);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = NULL;
  CirtWindow *window_a;
  CirtWindow *window_b;
  CirtAssessmentSidebar *sidebar;
  CirtConflictsDialog *dialog;
  GtkWidget *row, *button;

  ck_assert_ptr_nonnull (store_a);
  ck_assert_ptr_nonnull (store_b);

  /* Alice starts the mission on her laptop. */
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Readiness mission");
  info->country = g_strdup ("Republic of Example");
  id = cirt_store_create_assessment (store_a, info, instruments, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  save (store_a, id, "T-LAW-1", "3", "Alice");
  save (store_a, id, "T-LAW-2", "yes", "Alice");
  save (store_a, id, "T-OPS-1", "adhoc", "Alice");
  ck_assert_msg (cirt_exchange_export (store_a, id, file_a, &error), "%s", error ? error->message : "");

  /* Bob imports her file: the assessment is new on his laptop. */
  set_assessor ("Bob");
  window_b = open_window (store_b);
  sidebar = cirt_window_get_sidebar (window_b);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 0);
  import (window_b, file_a);
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (sidebar), 1);
  ck_assert_str_eq (cirt_assessment_sidebar_get_shown_id (sidebar, 0), id);
  ck_assert_str_eq (cirt_assessment_sidebar_get_selected_id (sidebar), id);
  ck_assert_str_eq (cirt_assessment_view_get_assessment_id (cirt_window_get_view (window_b)), id);
  ASSERT_TOAST (window_b, "Added “Readiness mission”: 3 answers taken from Alice");
  {
    g_autoptr(CirtAnswer) a = stored (store_b, id, "T-LAW-1");
    ck_assert_str_eq (a->value, "3");
    ck_assert_str_eq (a->author, "Alice");
  }
  /* No conflicts there: the menu says so, the dialog shows its empty state. */
  ASSERT_MENU_LABEL (window_b, "Merge _Conflicts");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window_b), "win.merge-conflicts", NULL));
  dialog = CIRT_CONFLICTS_DIALOG (cirt_window_get_conflicts_dialog (window_b));
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (GTK_WINDOW (dialog));
  ck_assert_uint_eq (cirt_conflicts_dialog_get_n_conflicts (dialog), 0);
  {
    GtkWidget *empty = cirt_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, NULL);
    ck_assert (empty != NULL && gtk_widget_get_mapped (empty));
    ck_assert_str_eq (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), "No Merge Conflicts");
  }
  close_window (GTK_WINDOW (dialog));
  ck_assert_ptr_null (cirt_window_get_conflicts_dialog (window_b));

  /* Both change the same two answers, Bob later; Bob also answers another. */
  save (store_a, id, "T-LAW-1", "4", "Alice");
  save (store_a, id, "T-OPS-1", "formal", "Alice");
  {
    g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-1");

    /* With notes, which come along with the value. */
    a->value = g_strdup ("1");
    a->notes = g_strdup ("The ministry has discussed a decree; no draft text yet. Met the legal adviser on Monday.");
    a->author = g_strdup ("Bob");
    ck_assert_msg (cirt_store_save_answer (store_b, id, a, &error), "%s", error ? error->message : "");
    g_usleep (3000);
  }
  save (store_b, id, "T-OPS-1", "none", "Bob");
  save (store_b, id, "T-CTX-1", "A national CERT", "Bob");
  ck_assert (cirt_window_export_file (window_b, file_b));
  ASSERT_TOAST (window_b, "Exported for merging as “");
  ck_assert (g_file_test (file_b, G_FILE_TEST_IS_REGULAR));

  /* Alice imports Bob's file while on the first question. */
  set_assessor ("Alice");
  window_a = open_window (store_a);
  cirt_window_open (window_a, id);
  cirt_assessment_view_show_page (cirt_window_get_view (window_a), "questionnaire");
  ck_assert (cirt_questionnaire_go_to_question (cirt_assessment_view_get_questionnaire (cirt_window_get_view (window_a)),
                                                "T-LAW-1"));
  cirt_gui_test_spin (50);
  ck_assert_str_eq (page_question (window_a), "T-LAW-1");
  ck_assert_str_eq (page_value (window_a), "4");
  ASSERT_MENU_LABEL (window_a, "Merge _Conflicts");
  import (window_a, file_b);
  ASSERT_TOAST (window_a, "Merged into “Readiness mission”: 3 answers taken from Bob, 2 conflicts to review");
  {
    g_autoptr(CirtAnswer) a = stored (store_a, id, "T-LAW-1");
    ck_assert_str_eq (a->value, "1");
  }
  /* The page on screen follows what the import wrote, and so does the menu. */
  ck_assert_str_eq (page_value (window_a), "1");
  ASSERT_MENU_LABEL (window_a, "Merge _Conflicts (2)");

  /* The toast's Review button opens the conflicts. */
  button = find_shown_button (GTK_WIDGET (window_a), "_Review");
  ck_assert_ptr_nonnull (button);
  cirt_gui_test_click (button);
  dialog = CIRT_CONFLICTS_DIALOG (cirt_window_get_conflicts_dialog (window_a));
  ck_assert_ptr_nonnull (dialog);
  ck_assert (gtk_window_get_modal (GTK_WINDOW (dialog)));
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), GTK_WINDOW (window_a));
  cirt_gui_test_show (GTK_WINDOW (dialog));
  ck_assert_uint_eq (cirt_conflicts_dialog_get_n_conflicts (dialog), 2);
  ck_assert_uint_eq (cirt_conflicts_dialog_get_n_unreviewed (dialog), 2);
  ASSERT_SHOWS (dialog, "2 conflicts to review.");

  /* Both versions, in words, with who wrote them; the later one won. */
  row = row_of (dialog, "T-LAW-1");
  ASSERT_SHOWS (row, "Is there a legal mandate?");
  ASSERT_SHOWS (row, "On this laptop");
  ASSERT_SHOWS (row, "In the imported file");
  ASSERT_SHOWS (row, "4 — Reviewed");
  ASSERT_SHOWS (row, "1 — Discussed");
  ASSERT_SHOWS (row, "Notes: The ministry has discussed a decree");
  ASSERT_SHOWS (row, "Alice · ");
  ASSERT_SHOWS (row, "Bob · ");
  ASSERT_SHOWS (row, "The later change: the merge kept it");
  ASSERT_SHOWS (row, "Not Reviewed");
  ASSERT_SHOWS (row_of (dialog, "T-OPS-1"), "Formal process");
  ASSERT_SHOWS (row_of (dialog, "T-OPS-1"), "Not at all");
  {
    g_autoptr(GPtrArray) list = NULL;
    ck_assert (stored_conflict (store_a, id, "T-LAW-1", &list)->remote_won);
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  cirt_gui_test_spin (100);
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "merge-conflicts.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  cirt_gui_test_spin (100);
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "merge-conflicts-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Every button is reached with Tab and says what it does. */
  {
    g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
    GtkWidget *keep = find_shown_button (row, "Keep This");

    ck_assert_ptr_nonnull (keep);
    gtk_widget_grab_focus (find_shown_button (GTK_WIDGET (dialog), "Go to Question"));
    for (int i = 0; i < 40; i++)
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
        if (focus != NULL)
          g_hash_table_add (reached, focus);
        gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
      }
    ck_assert_msg (g_hash_table_contains (reached, keep), "Tab never reaches Keep This");
    ck_assert_msg (g_hash_table_contains (reached, find_shown_button (row, "Mark as Reviewed")),
                   "Tab never reaches Mark as Reviewed");
    ck_assert (gtk_test_accessible_has_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_LABEL));
    ck_assert (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }

  /* Keep This on the losing side: the store holds Alice's version again,
   * written by the one reviewing, and the conflict is reviewed. */
  button = find_shown_button (row, "Keep This");
  ck_assert_ptr_nonnull (button);
  ck_assert_uint_eq (count_shown_buttons (row, "Keep This"), 1);
  cirt_gui_test_click (button);
  {
    g_autoptr(CirtAnswer) a = stored (store_a, id, "T-LAW-1");
    ck_assert_str_eq (a->value, "4");
    ck_assert_str_eq (a->author, "Alice");
  }
  ck_assert (conflict_reviewed (store_a, id, "T-LAW-1"));
  ASSERT_SHOWS (row, "Reviewed");
  ASSERT_SHOWS (row, "The answer now");
  ck_assert_uint_eq (cirt_conflicts_dialog_get_n_unreviewed (dialog), 1);
  ASSERT_MENU_LABEL (window_a, "Merge _Conflicts (1)");
  ck_assert_str_eq (page_value (window_a), "4");
  /* Now the imported version is the one that can be put back. */
  ck_assert_ptr_nonnull (find_shown_button (row, "Keep This"));
  ck_assert_ptr_nonnull (find_shown_button (row, "Mark as Not Reviewed"));

  /* The other conflict: the merge's choice is accepted as it is. */
  row = row_of (dialog, "T-OPS-1");
  cirt_gui_test_click (find_shown_button (row, "Mark as Reviewed"));
  ck_assert (conflict_reviewed (store_a, id, "T-OPS-1"));
  ASSERT_MENU_LABEL (window_a, "Merge _Conflicts");
  ASSERT_SHOWS (dialog, "2 conflicts, all reviewed.");
  {
    g_autoptr(CirtAnswer) a = stored (store_a, id, "T-OPS-1");
    ck_assert_str_eq (a->value, "none");
  }
  /* … and undone. */
  cirt_gui_test_click (find_shown_button (row, "Mark as Not Reviewed"));
  ck_assert (!conflict_reviewed (store_a, id, "T-OPS-1"));
  ASSERT_MENU_LABEL (window_a, "Merge _Conflicts (1)");

  /* Go to Question closes the dialog on that question. */
  cirt_gui_test_click (find_shown_button (row, "Go to Question"));
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_window_get_conflicts_dialog (window_a) == NULL, 5000), "the dialog stayed");
  ck_assert_str_eq (page_question (window_a), "T-OPS-1");

  /* The same file again: nothing new (the conflict it brings is known). */
  import (window_a, file_b);
  ASSERT_TOAST (window_a, "“Readiness mission” was already up to date");
  {
    g_autoptr(CirtAnswer) a = stored (store_a, id, "T-LAW-1");
    g_autoptr(GPtrArray) list = cirt_store_list_conflicts (store_a, id, NULL);
    ck_assert_str_eq (a->value, "4");
    ck_assert_uint_eq (list->len, 2);
  }

  close_window (GTK_WINDOW (window_a));
  close_window (GTK_WINDOW (window_b));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* A file that is refused changes nothing                                   */

START_TEST (test_refused)
{
  g_autofree char *db = cirt_test_tmp_path ("refused.db");
  g_autofree char *bad = cirt_test_write_tmp ("not-an-exchange.json", "{\"format\": \"something else\"}");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  CirtWindow *window = open_window (store);
  AdwMessageDialog *message;

  import (window, bad);
  message = find_message_dialog ();
  ck_assert_ptr_nonnull (message);
  ck_assert_msg (g_str_has_prefix (adw_message_dialog_get_heading (message), "Cannot Import “"),
                 "heading: %s", adw_message_dialog_get_heading (message));
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), "Nothing was changed.") != NULL,
                 "body: %s", adw_message_dialog_get_body (message));
  adw_message_dialog_response (message, "close");
  cirt_gui_test_spin (50);
  {
    g_autoptr(GPtrArray) list = cirt_store_list_assessments (store, NULL);
    ck_assert_uint_eq (list->len, 0);
  }
  ck_assert_uint_eq (cirt_assessment_sidebar_get_n_shown (cirt_window_get_sidebar (window)), 0);
  close_window (GTK_WINDOW (window));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The file choosers                                                        */

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

START_TEST (test_choosers)
{
  g_autofree char *db = cirt_test_tmp_path ("choosers.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *expected = g_strdup_printf ("republic-of-example-readiness-%s-carol-n.json", day);
  g_autofree char *id = NULL;
  CirtWindow *window = open_window (store);
  GtkWindow *chooser;

  /* Ctrl+I opens the import's file chooser, for JSON files. */
  ck_assert (cirt_gui_test_press_key (window, GDK_KEY_i, GDK_CONTROL_MASK));
  ck_assert_msg (CIRT_WAIT_UNTIL ((chooser = find_file_chooser ()) != NULL, 5000), "no file chooser");
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), GTK_FILE_CHOOSER_ACTION_OPEN);
  {
    GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GFileInfo) json = g_file_info_new ();
    g_autoptr(GFileInfo) other = g_file_info_new ();

    ck_assert_ptr_nonnull (filter);
    g_file_info_set_display_name (json, "Bob.JSON");
    g_file_info_set_display_name (other, "notes.txt");
    ck_assert (gtk_filter_match (GTK_FILTER (filter), json));
    ck_assert (!gtk_filter_match (GTK_FILTER (filter), other));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ck_assert_msg (CIRT_WAIT_UNTIL (find_file_chooser () == NULL, 5000), "the file chooser stayed");
  ck_assert (!cirt_window_is_importing (window));

  /* Export for Merge suggests a name made of the country, the title, the
   * day and the assessor. */
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Readiness");
  info->country = g_strdup ("Republic of Example");
  id = cirt_store_create_assessment (store, info, instruments, NULL);
  ck_assert_ptr_nonnull (id);
  cirt_window_open (window, id);
  set_assessor ("Carol N.");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-merge", NULL));
  ck_assert_msg (CIRT_WAIT_UNTIL ((chooser = find_file_chooser ()) != NULL, 5000), "no file chooser");
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    ck_assert_str_eq (name, expected);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  ck_assert_msg (CIRT_WAIT_UNTIL (find_file_chooser () == NULL, 5000), "the file chooser stayed");
  close_window (GTK_WINDOW (window));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The suggested file name                                                  */

START_TEST (test_file_name)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 2, 10, 0, 0);
  g_autofree char *name = NULL;
  g_autofree char *odd = NULL;

  info->country = g_strdup ("Republic of Example");
  info->title = g_strdup ("Readiness");
  name = cirt_app_exchange_file_name (info, "Bob", day);
  ck_assert_str_eq (name, "republic-of-example-readiness-2026-03-02-bob.json");

  g_free (info->country);
  g_free (info->title);
  info->country = g_strdup ("Côte d’Ivoire");
  info->title = g_strdup ("  Mission: phase 2/3 (draft) ");
  odd = cirt_app_exchange_file_name (info, "Jean-Luc Dupré", day);
  ck_assert_str_eq (odd, "cote-d-ivoire-mission-phase-2-3-draft-2026-03-02-jean-luc-dupre.json");
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("merge");
  TCase *tc = tcase_create ("merge");
  /* Apart: GTK's own file chooser dialog leaks a little (cloudproviders),
   * so a valgrind run can leave it out (CK_RUN_CASE=merge). */
  TCase *tc_choosers = tcase_create ("choosers");
  int status;

  /* The test accessibility backend keeps the properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  /* Not in a test: Check's asserts only work inside one. */
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_file_name);
  tcase_add_test (tc, test_two_laptops);
  tcase_add_test (tc, test_refused);
  suite_add_tcase (s, tc);
  tcase_set_timeout (tc_choosers, 300);
  tcase_add_test (tc_choosers, test_choosers);
  suite_add_tcase (s, tc_choosers);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
