/* test-findings.c — the Findings page: empty state, a finding added from
 * the keyboard, one written elsewhere (an import, the CLI) appearing, a
 * removal and its undo; screenshots in build/screenshots/
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-application.h"
#include "cirt-finding-dialog.h"
#include "cirt-findings-page.h"
#include "cirt-gui-test-util.h"
#include "cirt-sample.h"
#include "cirt-window.h"

static CirtApplication *app;

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
make_assessment (CirtStore *store)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  char *id;

  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Findings mission");
  info->country = g_strdup ("Testland");
  id = cirt_store_create_assessment (store, info, instruments, NULL);
  ck_assert_ptr_nonnull (id);
  return id;
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

START_TEST (test_add_by_keyboard)
{
  g_autofree char *db = cirt_test_tmp_path ("findings.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *id = make_assessment (store);
  CirtWindow *window = open_window (store);
  CirtAssessmentView *view;
  CirtFindingsPage *page;
  GtkStack *stack;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *author = NULL;

  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_focus_start (view);

  /* Alt+6: the Findings page, made now, empty. */
  ck_assert (!cirt_assessment_view_has_page (view, "findings"));
  press (window, GDK_KEY_6, GDK_ALT_MASK);
  cirt_gui_test_spin (100);
  ck_assert_str_eq (cirt_assessment_view_get_page_name (view), "findings");
  page = cirt_assessment_view_get_findings (view);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_FINDINGS_PAGE, "stack"));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "empty");
  ck_assert_uint_eq (cirt_findings_page_get_n_rows (page), 0);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    ck_assert_msg (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)),
                   "the focus is not on the Findings page");
  }
  cirt_gui_test_spin (600);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "findings-empty.png");

  /* Ctrl+Shift+A opens the form with the focus on the title; typed, then
   * Ctrl+Enter adds it. */
  press (window, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = cirt_findings_page_get_dialog (page);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
    GObject *title = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_FINDING_DIALOG, "title_row");
    ck_assert_msg (GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (title)),
                   "the focus is not in the title");
  }
  /* Without a title it cannot be saved (the key does nothing). */
  ck_assert (!cirt_gui_test_press_key (dialog, GDK_KEY_Return, GDK_CONTROL_MASK));
  ck_assert_ptr_nonnull (cirt_findings_page_get_dialog (page));
  {
    g_autoptr(GPtrArray) none = cirt_store_list_findings (store, id, NULL);
    ck_assert_uint_eq (none->len, 0);
  }
  cirt_gui_test_type (dialog, "Rivalry over who leads the CIRT");
  {
    AdwComboRow *kind = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_FINDING_DIALOG,
                                                                      "kind_row"));
    AdwComboRow *pillar = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        CIRT_TYPE_FINDING_DIALOG, "pillar_row"));
    /* A new finding from the page's shortcut is a key issue. */
    ck_assert_uint_eq (adw_combo_row_get_selected (kind), CIRT_FINDING_ISSUE);
    adw_combo_row_set_selected (kind, CIRT_FINDING_RISK);
    adw_combo_row_set_selected (pillar, CIRT_PILLAR_ORGANIZATIONAL);
  }
  press (dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_dialog (page) == NULL, 3000), "the form did not close");
  list = cirt_store_list_findings (store, id, NULL);
  ck_assert_uint_eq (list->len, 1);
  author = cirt_context_dup_author (cirt_window_get_context (window));
  {
    CirtFinding *f = g_ptr_array_index (list, 0);
    ck_assert_str_eq (f->title, "Rivalry over who leads the CIRT");
    ck_assert_int_eq (f->kind, CIRT_FINDING_RISK);
    ck_assert_int_eq (f->pillar, CIRT_PILLAR_ORGANIZATIONAL);
    ck_assert_int_eq (f->phase, CIRT_PHASE_DESIGN);
    ck_assert_str_eq (f->author, author);
  }
  /* It appears, under the risks. */
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (page) == 1, 3000), "the finding does not appear");
  ck_assert_str_eq (gtk_stack_get_visible_child_name (stack), "list");
  {
    GtkWidget *risks = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_FINDINGS_PAGE,
                                                                  "risks_list"));
    ck_assert_ptr_nonnull (cirt_gui_test_find (risks, ADW_TYPE_ACTION_ROW, "Rivalry over who leads the CIRT"));
  }
  close_window (window);
}
END_TEST

/* A finding written through another connection (an import thread, the
 * CLI) appears; a removal goes with a toast whose Undo brings it back with
 * its id. */
START_TEST (test_follows_store_and_undo)
{
  g_autofree char *db = cirt_test_tmp_path ("follow.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autoptr(CirtStore) other = cirt_store_open (db, NULL);
  g_autofree char *id = make_assessment (store);
  g_autofree char *uuid = NULL;
  CirtWindow *window = open_window (store);
  CirtAssessmentView *view;
  CirtFindingsPage *page;
  GtkWidget *row, *undo;

  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "findings");
  page = cirt_assessment_view_get_findings (view);
  cirt_gui_test_spin (100);
  ck_assert_uint_eq (cirt_findings_page_get_n_rows (page), 0);
  {
    g_autoptr(CirtFinding) f = cirt_finding_new ();
    f->kind = CIRT_FINDING_QUICK_WIN;
    f->title = g_strdup ("Publish one monitored incident contact");
    f->pillar = CIRT_PILLAR_TECHNICAL;
    f->phase = CIRT_PHASE_ESTABLISHMENT;
    f->author = g_strdup ("Colleague");
    uuid = cirt_store_add_finding (other, id, f, NULL);
    ck_assert_ptr_nonnull (uuid);
  }
  /* The context's poll finds it (once a second); no refresh by hand. */
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (page) == 1, 5000),
                 "a finding written elsewhere does not appear");
  row = cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Publish one monitored incident contact");
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Technical and Procedural · Establishment");

  cirt_gui_test_click (row_button (row, "Remove"));
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (page) == 0, 3000), "the finding was not removed");
  {
    g_autoptr(GPtrArray) list = cirt_store_list_findings (store, id, NULL);
    ck_assert_uint_eq (list->len, 0);
  }
  undo = cirt_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  ck_assert_msg (undo != NULL, "no Undo in the toast");
  cirt_gui_test_click (undo);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (page) == 1, 3000), "Undo did not bring it back");
  {
    g_autoptr(CirtFinding) back = cirt_store_get_finding (store, id, uuid, NULL);
    g_autoptr(GPtrArray) history = cirt_store_get_finding_history (store, id, uuid, NULL);
    ck_assert_ptr_nonnull (back);
    ck_assert_str_eq (back->author, "Colleague");
    /* Added, removed, added back: each change recorded. */
    ck_assert_uint_eq (history->len, 3);
  }
  close_window (window);
}
END_TEST

/* The sample mission's findings, for the screenshot. */
START_TEST (test_screenshot)
{
  g_autofree char *db = cirt_test_tmp_path ("sample.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *sample = cirt_sample_default_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cirt_sample_load (store, sample, &error);
  CirtWindow *window;
  CirtAssessmentView *view;
  CirtFindingsPage *page;

  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  window = open_window (store);
  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, "findings");
  page = cirt_assessment_view_get_findings (view);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (page) == 5, 3000), "the sample has not 5 findings");
  /* The header's switcher settles on its layout first. */
  cirt_gui_test_spin (600);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "findings.png");
  {
    g_autofree char *path = g_build_filename (cirt_gui_test_screenshot_dir (), "findings.png", NULL);
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, NULL);
    ck_assert_ptr_nonnull (texture);
    ck_assert_int_ge (gdk_texture_get_width (texture), 1000);
  }

  /* Editing one: the form shows it. */
  {
    GtkWidget *row = cirt_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Dependence on donor funding");
    GtkWindow *dialog;
    GObject *title;

    ck_assert_ptr_nonnull (row);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    dialog = cirt_findings_page_get_dialog (page);
    ck_assert_ptr_nonnull (dialog);
    cirt_gui_test_show (dialog);
    title = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_FINDING_DIALOG, "title_row");
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (title)), "Dependence on donor funding");
    cirt_gui_test_screenshot (GTK_WIDGET (dialog), "finding-dialog.png");
    gtk_window_close (dialog);
  }
  close_window (window);
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("findings");
  TCase *tc = tcase_create ("findings");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_add_by_keyboard);
  tcase_add_test (tc, test_follows_store_and_undo);
  tcase_add_test (tc, test_screenshot);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
