/* test-evidence.c — the evidence box on the question page, against a real
 * store: a file attached through the path the chooser takes and through a
 * drop, listed and stored; a refused file; the shareable switch; a web
 * address; opening (extracting) a file; removal
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cirt-evidence-box.h"
#include "cirt-gui-test-util.h"
#include "cirt-question-page.h"
#include "cirt-store-evidence.h"
#include "cirt-application.h"
#include "cirt-window.h"

static CirtApplication *app;

static CirtStore *store;
static CirtSession *session;
static char *assessment;
static GtkWindow *window;
static CirtQuestionPage *page;

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("evidence-page.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *overlay;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Evidence test");
  info->country = g_strdup ("Testland");
  assessment = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (assessment != NULL, "%s", error ? error->message : "");

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 1000);
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

static void
show (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) answer = NULL;
  const CirtQuestion *q = cirt_store_lookup_question (store, assessment, id, &error);

  ck_assert_msg (q != NULL, "%s", error ? error->message : "");
  ck_assert (cirt_question_page_flush (page, NULL));
  answer = cirt_store_get_answer (store, assessment, id, &error);
  cirt_question_page_bind (page, q, answer);
  cirt_gui_test_spin (20);
}

static CirtEvidenceBox *
box (void)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_QUESTION_PAGE, "evidence_box");
  ck_assert_ptr_nonnull (o);
  return CIRT_EVIDENCE_BOX (o);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *rel = g_build_filename ("evidence", name, NULL);
  g_autofree char *path = cirt_test_fixture (rel);
  return g_file_new_for_path (path);
}

static guint
stored (const char *question)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cirt_store_list_evidence (store, assessment, question, &error);
  ck_assert_ptr_nonnull (items);
  return items->len;
}

static GtkWidget *
visible_row (const char *title)
{
  GtkWidget *r = cirt_gui_test_find (GTK_WIDGET (box ()), ADW_TYPE_ACTION_ROW, title);
  ck_assert_msg (r != NULL, "no row \"%s\"", title);
  ck_assert_msg (gtk_widget_is_visible (r), "the row \"%s\" is not visible", title);
  return r;
}

/* The box's drop target, given files as a file manager drops them. */
static gboolean
drop_files (GFile *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (box ()));
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GSList *files = g_slist_prepend (NULL, file);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (c))
        g_signal_emit_by_name (c, "drop", &value, 10.0, 10.0, &handled);
    }
  g_value_unset (&value);
  g_slist_free (files);
  return handled;
}

START_TEST (test_attach_list_remove)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf = fixture_file ("decree.pdf");
  g_autoptr(GFile) png = fixture_file ("scan.png");
  g_autoptr(GFile) zip = fixture_file ("other.zip");
  g_autofree char *pdf_path = g_file_get_path (pdf), *want = cirt_test_file_sha256 (pdf_path);
  GPtrArray *items;
  CirtEvidence *e;

  show ("T-LAW-1");
  ck_assert (gtk_widget_get_sensitive (GTK_WIDGET (box ())));
  ck_assert_uint_eq (cirt_evidence_box_get_items (box ())->len, 0);

  /* The chooser's path. */
  ck_assert_msg (cirt_evidence_box_attach_file (box (), pdf, &error), "%s", error ? error->message : "");
  cirt_gui_test_spin (20);
  ck_assert_uint_eq (stored ("T-LAW-1"), 1);
  items = cirt_evidence_box_get_items (box ());
  ck_assert_uint_eq (items->len, 1);
  visible_row ("decree.pdf");

  /* A drop. */
  ck_assert (drop_files (png));
  cirt_gui_test_spin (20);
  ck_assert_uint_eq (stored ("T-LAW-1"), 2);
  visible_row ("scan.png");

  /* A file of no accepted kind: refused, nothing stored. */
  ck_assert (!cirt_evidence_box_attach_file (box (), zip, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "none of the kinds"));
  g_clear_error (&error);
  ck_assert (!drop_files (zip));
  ck_assert_uint_eq (stored ("T-LAW-1"), 2);

  /* A web address. */
  {
    AdwEntryRow *url = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (box ()), CIRT_TYPE_EVIDENCE_BOX,
                                                                     "url_row"));
    gtk_editable_set_text (GTK_EDITABLE (url), "https://gazette.example/2024/17");
    g_signal_emit_by_name (url, "apply");
    cirt_gui_test_spin (20);
    ck_assert_uint_eq (stored ("T-LAW-1"), 3);
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (url)), "");
    visible_row ("https://gazette.example/2024/17");
    gtk_editable_set_text (GTK_EDITABLE (url), "ftp://nope.example/");
    g_signal_emit_by_name (url, "apply");
    cirt_gui_test_spin (20);
    ck_assert_uint_eq (stored ("T-LAW-1"), 3);
    /* What was typed stays for correction. */
    ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (url)), "ftp://nope.example/");
  }
  /* The box scrolled into view, for the screenshot. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (box ()), CIRT_TYPE_EVIDENCE_BOX,
                                                                    "url_row")));
  cirt_gui_test_spin (100);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "evidence-box.png");

  /* The shareable switch writes the item. */
  items = cirt_evidence_box_get_items (box ());
  e = g_ptr_array_index (items, 0);
  {
    g_autofree char *id = g_strdup (e->id);
    GtkWidget *sw = cirt_gui_test_find (visible_row (e->kind == CIRT_EVIDENCE_FILE ? e->name : e->url),
                                        GTK_TYPE_SWITCH, NULL);
    g_autoptr(CirtEvidence) after = NULL;

    ck_assert_ptr_nonnull (sw);
    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
    cirt_gui_test_spin (20);
    after = cirt_store_get_evidence (store, id, &error);
    ck_assert (after->shareable);
  }

  /* Opening extracts a private copy with the very bytes. */
  {
    CirtEvidence *file_item = NULL;
    g_autofree char *copy = NULL, *sha = NULL, *dir = NULL;
    struct stat st;

    items = cirt_evidence_box_get_items (box ());
    for (guint i = 0; i < items->len; i++)
      if (g_strcmp0 (((CirtEvidence *) g_ptr_array_index (items, i))->name, "decree.pdf") == 0)
        file_item = g_ptr_array_index (items, i);
    ck_assert_ptr_nonnull (file_item);
    copy = cirt_evidence_box_open (box (), file_item->id, FALSE, &error);
    ck_assert_msg (copy != NULL, "%s", error ? error->message : "");
    sha = cirt_test_file_sha256 (copy);
    ck_assert_str_eq (sha, want);
    ck_assert (g_str_has_suffix (copy, ".pdf"));
    dir = g_path_get_dirname (copy);
    ck_assert_int_eq (stat (dir, &st), 0);
    ck_assert_int_eq (st.st_mode & 0777, 0700);

    /* Removal: gone from the list and the store, kept in the history. */
    {
      g_autofree char *id = g_strdup (file_item->id);
      g_autoptr(GPtrArray) history = NULL;

      ck_assert (cirt_evidence_box_remove (box (), id, &error));
      cirt_gui_test_spin (20);
      ck_assert_uint_eq (stored ("T-LAW-1"), 2);
      ck_assert_uint_eq (cirt_evidence_box_get_items (box ())->len, 2);
      ck_assert_ptr_null (cirt_gui_test_find (GTK_WIDGET (box ()), ADW_TYPE_ACTION_ROW, "decree.pdf"));
      history = cirt_store_get_evidence_history (store, assessment, id, &error);
      ck_assert_uint_ge (history->len, 2);
      ck_assert_ptr_null (((CirtEvidenceChange *) g_ptr_array_index (history, history->len - 1))->new_evidence);
    }
  }

  /* Another question shows its own (none). */
  show ("T-LAW-2");
  ck_assert_uint_eq (cirt_evidence_box_get_items (box ())->len, 0);
}
END_TEST


/* The window's "Score Only Evidenced Answers" (a check in the assessment's
 * menu) follows the open assessment and writes the same setting as
 * `evidence evidenced-only`. */
START_TEST (test_evidenced_only_toggle)
{
  g_autoptr(GError) error = NULL;
  CirtWindow *w = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  GtkWidget *weak = GTK_WIDGET (w);
  gboolean on = TRUE;
  GActionGroup *group;
  g_autoptr(GVariant) state = NULL;

  cirt_gui_test_show (GTK_WINDOW (w));
  cirt_window_open (w, assessment);
  cirt_gui_test_spin (100);
  group = g_object_get_data (G_OBJECT (w), "cirt-evidence-actions");
  ck_assert_ptr_nonnull (group);
  ck_assert (g_action_group_get_action_enabled (group, "evidenced-only"));
  state = g_action_group_get_action_state (group, "evidenced-only");
  ck_assert (!g_variant_get_boolean (state));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w), "evidence.evidenced-only", NULL));
  cirt_gui_test_spin (50);
  ck_assert (cirt_store_get_evidenced_only (store, assessment, &on, &error));
  ck_assert (on);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (group, "evidenced-only");
  ck_assert (g_variant_get_boolean (state));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (w), "evidence.evidenced-only", NULL));
  cirt_gui_test_spin (50);
  ck_assert (cirt_store_get_evidenced_only (store, assessment, &on, &error));
  ck_assert (!on);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (w));
  ck_assert (CIRT_WAIT_UNTIL (weak == NULL, 5000));
}
END_TEST

static Suite *
evidence_suite (void)
{
  Suite *s = suite_create ("gui-evidence");
  TCase *tc = tcase_create ("box");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_attach_list_remove);
  tcase_add_test (tc, test_evidenced_only_toggle);
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
  status = cirt_test_run_suite (evidence_suite ());
  g_clear_object (&app);
  return status;
}
