/* test-session.c — the assessment session: what it announces, what it
 * loads and when, what can be undone, and two writers on one answer (this
 * application and cirt-assess-cli) that never lose a note
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cirt-application.h"
#include "cirt-exchange.h"
#include "cirt-gui-test-util.h"
#include "cirt-question-page.h"
#include "cirt-targets-page.h"
#include "cirt-window.h"

/* Upper bound of a wait; it ends as soon as the condition holds. Long
 * enough for a run under valgrind. */
#define WAIT_MS 60000

static CirtApplication *app;
static char *db_path;
static CirtStore *store;
static char *assessment;

/* What the session announced. */
static guint n_answer_changes;
static char *last_question;
static char *last_value;
static guint n_data;
static guint n_conflict_signals;

static void
on_answer_changed_cb (CirtSession      *session,
                      const char       *question,
                      const CirtAnswer *before,
                      const CirtAnswer *after)
{
  n_answer_changes++;
  g_free (last_question);
  last_question = g_strdup (question);
  g_free (last_value);
  last_value = after && after->value ? g_strdup (after->value) : NULL;
}

static void
on_data_cb (CirtSession *session)
{
  n_data++;
}

static void
on_conflict_cb (CirtSession *session,
                const char  *question)
{
  n_conflict_signals++;
}

static CirtSession *
watched_session (void)
{
  CirtSession *session = cirt_gui_test_session_new (store, assessment);

  g_signal_connect (session, "answer-changed", G_CALLBACK (on_answer_changed_cb), NULL);
  g_signal_connect (session, "notify::data", G_CALLBACK (on_data_cb), NULL);
  g_signal_connect (session, "conflict", G_CALLBACK (on_conflict_cb), NULL);
  return session;
}

static void
save (CirtStore  *s,
      const char *question,
      const char *value,
      const char *notes,
      const char *author)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->notes = g_strdup (notes);
  a->author = g_strdup (author);
  ck_assert_msg (cirt_store_save_answer (s, assessment, a, &error), "%s", error ? error->message : "");
}

static CirtAnswer *
stored (const char *question)
{
  g_autoptr(GError) error = NULL;
  CirtAnswer *a = cirt_store_get_answer (store, assessment, question, &error);

  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  ck_assert_msg (a != NULL, "%s: no answer", question);
  return a;
}

/* ------------------------------------------------------------------------ */
/* What the session announces and loads                                     */

START_TEST (test_session_follows_the_store)
{
  g_autoptr(CirtSession) session = watched_session ();
  g_autoptr(CirtStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  guint loads;

  ck_assert_str_eq (cirt_session_get_info (session)->title, "Session test");
  ck_assert_ptr_null (cirt_session_get_answer (session, "T-LAW-1"));

  /* A write of this connection: announced at once, the answer read. */
  save (store, "T-LAW-1", "3", NULL, "Ana");
  ck_assert_uint_eq (n_answer_changes, 1);
  ck_assert_str_eq (last_question, "T-LAW-1");
  ck_assert_str_eq (last_value, "3");
  ck_assert_str_eq (cirt_session_get_answer (session, "T-LAW-1")->value, "3");

  /* Nothing on screen holds it: nothing is loaded. */
  loads = cirt_session_get_n_loads (session);
  cirt_gui_test_spin (CIRT_SESSION_RELOAD_MS + 200);
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads);
  ck_assert_ptr_null (cirt_session_get_score (session));

  /* Held (a page is shown): loaded at once, with the answer in its score. */
  cirt_session_hold (session);
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads + 1);
  ck_assert_uint_eq (n_data, 1);
  ck_assert_ptr_nonnull (cirt_session_get_score (session));
  ck_assert (cirt_score_get_overall (cirt_session_get_score (session))->defined);

  /* A burst of answer changes: one load, once it is over. */
  loads = cirt_session_get_n_loads (session);
  for (guint i = 0; i < 5; i++)
    save (store, "T-LAW-1", i % 2 ? "2" : "4", NULL, "Ana");
  ck_assert_uint_eq (n_answer_changes, 6);
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads);
  ck_assert (CIRT_WAIT_UNTIL (cirt_session_get_n_loads (session) > loads, WAIT_MS));
  cirt_gui_test_spin (CIRT_SESSION_RELOAD_MS + 100);
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads + 1);

  /* A single change that is not an answer (an interview): shown at once. */
  s->name = g_strdup ("Ana Silva");
  ck_assert_msg (cirt_store_add_stakeholder (store, assessment, s, &error) > 0, "%s", error ? error->message : "");
  ck_assert_uint_eq (cirt_session_get_data (session, NULL)->stakeholders->len, 1);

  /* Another connection (the CLI, an import): announced by the refresh. */
  other = cirt_store_open (db_path, &error);
  ck_assert_msg (other != NULL, "%s", error ? error->message : "");
  save (other, "T-LAW-2", "partial", NULL, "Bob");
  ck_assert_ptr_null (cirt_session_get_answer (session, "T-LAW-2"));
  cirt_context_refresh (cirt_session_get_context (session));
  ck_assert_str_eq (last_question, "T-LAW-2");
  ck_assert_str_eq (cirt_session_get_answer (session, "T-LAW-2")->value, "partial");
  /* … and by the context's poll, without being asked. */
  save (other, "T-LAW-2", "no", NULL, "Bob");
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_session_get_answer (session, "T-LAW-2")->value, "no") == 0, WAIT_MS));

  /* Released: changes wait until something shows them again. */
  cirt_session_release (session);
  cirt_gui_test_spin (CIRT_SESSION_RELOAD_MS + 100);
  loads = cirt_session_get_n_loads (session);
  save (store, "T-LAW-1", "0", NULL, "Ana");
  cirt_gui_test_spin (CIRT_SESSION_RELOAD_MS + 200);
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads);
  /* Asked for, the data is the store's of now. */
  ck_assert_str_eq (cirt_assessment_data_answer (cirt_session_get_data (session, NULL),
                                                 cirt_store_lookup_question (store, assessment, "T-LAW-1", NULL))->value,
                    "0");
  ck_assert_uint_eq (cirt_session_get_n_loads (session), loads + 1);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Undo: this window's saves only                                           */

START_TEST (test_imported_answer_is_not_undoable)
{
  g_autoptr(CirtSession) session = watched_session ();
  g_autofree char *bob_db = cirt_test_tmp_path ("session-bob.db");
  g_autofree char *file_a = cirt_test_tmp_path ("session-a.json");
  g_autofree char *file_b = cirt_test_tmp_path ("session-b.json");
  g_autoptr(CirtStore) bob = NULL;
  g_autoptr(CirtStore) import_connection = NULL;
  g_autoptr(CirtImportReport) report = NULL;
  g_autoptr(CirtImportReport) back = NULL;
  g_autoptr(CirtAnswer) mine = cirt_answer_new ("T-LAW-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;

  /* Ana answers here. */
  g_settings_set_string (cirt_gui_test_settings (), "assessor-name", "Ana");
  mine->value = g_strdup ("2");
  ck_assert_msg (cirt_session_save_answer (session, NULL, mine, NULL, NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert (cirt_session_get_can_undo (session));

  /* Bob answers another question on his laptop; his file is imported here
   * through a connection of its own, as the window's import does. */
  ck_assert_msg (cirt_exchange_export (store, assessment, file_a, &error), "%s", error ? error->message : "");
  bob = cirt_store_open (bob_db, &error);
  ck_assert_msg (bob != NULL, "%s", error ? error->message : "");
  report = cirt_exchange_import (bob, file_a, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  save (bob, "T-LAW-2", "yes", "Said by the regulator", "Bob");
  ck_assert_msg (cirt_exchange_export (bob, assessment, file_b, &error), "%s", error ? error->message : "");
  import_connection = cirt_store_open (db_path, &error);
  back = cirt_exchange_import (import_connection, file_b, &error);
  ck_assert_msg (back != NULL, "%s", error ? error->message : "");
  cirt_context_refresh (cirt_session_get_context (session));
  ck_assert_str_eq (cirt_session_get_answer (session, "T-LAW-2")->value, "yes");

  /* Ctrl+Z takes back Ana's answer, never Bob's. */
  ck_assert_msg (cirt_session_undo (session, &question, &error), "%s", error ? error->message : "nothing to undo");
  ck_assert_str_eq (question, "T-LAW-1");
  ck_assert_ptr_null (cirt_session_get_answer (session, "T-LAW-1"));
  {
    g_autoptr(CirtAnswer) b = stored ("T-LAW-2");
    ck_assert_str_eq (b->value, "yes");
    ck_assert_str_eq (b->author, "Bob");
  }
  ck_assert (!cirt_session_get_can_undo (session));
  ck_assert (!cirt_session_undo (session, NULL, &error));
  ck_assert_ptr_null (error);
  g_settings_reset (cirt_gui_test_settings (), "assessor-name");
}
END_TEST

START_TEST (test_undo_keeps_what_others_changed)
{
  g_autoptr(CirtSession) session = watched_session ();
  g_autoptr(CirtStore) other = NULL;
  g_autoptr(CirtAnswer) edit = cirt_answer_new ("T-LAW-1");
  g_autoptr(CirtAnswer) after = NULL;
  g_autoptr(GError) error = NULL;

  /* This window sets the level; the CLI then adds notes to that answer. */
  edit->value = g_strdup ("3");
  ck_assert (cirt_session_save_answer (session, NULL, edit, NULL, &after, &error));
  other = cirt_store_open (db_path, &error);
  {
    g_autoptr(CirtAnswer) cli = cirt_answer_copy (after);
    g_free (cli->notes);
    cli->notes = g_strdup ("Decree signed on 2 March");
    g_clear_pointer (&cli->author, g_free);
    cli->author = g_strdup ("cli");
    ck_assert (cirt_store_save_answer (other, assessment, cli, &error));
  }
  cirt_context_refresh (cirt_session_get_context (session));

  /* Undo takes the level back and leaves the CLI's notes. */
  ck_assert_msg (cirt_session_undo (session, NULL, &error), "%s", error ? error->message : "nothing to undo");
  {
    g_autoptr(CirtAnswer) a = stored ("T-LAW-1");
    ck_assert_ptr_null (a->value);
    ck_assert_str_eq (a->notes, "Decree signed on 2 March");
  }
  ck_assert_uint_eq (n_conflict_signals, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Two writers: the question page and cirt-assess-cli                       */

static GtkWindow *window;
static CirtQuestionPage *page;

static void
show_page (CirtSession *session,
           const char  *question)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  const CirtQuestion *q = cirt_store_lookup_question (store, assessment, question, NULL);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 900);
  page = CIRT_QUESTION_PAGE (cirt_question_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  gtk_window_set_child (window, overlay);
  cirt_question_page_set_session (page, session);
  cirt_question_page_bind (page, q, cirt_session_get_answer (session, question));
  cirt_gui_test_show (window);
}

static GtkTextView *
notes_view (void)
{
  return GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_QUESTION_PAGE, "notes_view"));
}

static char *
shown_notes (void)
{
  GtkTextBuffer *b = gtk_text_view_get_buffer (notes_view ());
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (b, &start, &end);
  return gtk_text_buffer_get_text (b, &start, &end, FALSE);
}

static void
cli_answer (const char *question,
            const char *value,
            const char *notes)
{
  g_autofree char *err = NULL;
  int status = cirt_test_run_cli (NULL, &err, "--db", db_path, "answer", assessment, question, value,
                                  "--notes", notes, "--author", "cli", NULL);
  ck_assert_msg (status == 0, "cirt-assess-cli answer: %s", err);
}

START_TEST (test_two_writers_lose_no_note)
{
  g_autoptr(CirtSession) session = watched_session ();

  show_page (session, "T-LAW-1");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Confirmed by the CLI, call %u", i);

      /* The CLI writes the notes (and a level) while the page shows the
       * question: the page follows, on the context's poll … */
      cli_answer ("T-LAW-1", "1", notes);
      ck_assert_msg (CIRT_WAIT_UNTIL (({ g_autofree char *n = shown_notes (); g_strcmp0 (n, notes) == 0; }), WAIT_MS),
                     "the page does not show the CLI's notes");
      /* … and a click here changes the level, never the notes. */
      ck_assert (cirt_question_page_pick (page, i % 2 ? 4 : 3));
      {
        g_autoptr(CirtAnswer) a = stored ("T-LAW-1");
        ck_assert_str_eq (a->notes, notes);
        ck_assert_str_eq (a->value, i % 2 ? "4" : "3");
      }
    }
  ck_assert_uint_eq (cirt_store_count_unreviewed_conflicts (store, assessment, NULL), 0);

  /* Both change the notes at once: the notes typed here are written, the
   * CLI's are kept as a merge conflict (and in the history). */
  gtk_widget_grab_focus (GTK_WIDGET (notes_view ()));
  cirt_gui_test_type (window, " and by the minister");
  ck_assert_int_eq (cirt_question_page_get_save_state (page), CIRT_SAVE_STATE_PENDING);
  cli_answer ("T-LAW-1", "2", "Written in the CLI meanwhile");
  cirt_context_refresh (cirt_session_get_context (session));
  /* What is typed stays on screen. */
  {
    g_autofree char *n = shown_notes ();
    ck_assert_str_eq (n, "Confirmed by the CLI, call 5 and by the minister");
  }
  ck_assert (cirt_question_page_flush (page, NULL));
  {
    g_autoptr(CirtAnswer) a = stored ("T-LAW-1");
    g_autoptr(GPtrArray) conflicts = cirt_store_list_conflicts (store, assessment, NULL);
    const CirtConflict *c;

    ck_assert_str_eq (a->notes, "Confirmed by the CLI, call 5 and by the minister");
    /* The level was changed by the CLI only: its change is kept. */
    ck_assert_str_eq (a->value, "2");
    ck_assert_uint_eq (conflicts->len, 1);
    c = g_ptr_array_index (conflicts, 0);
    ck_assert_str_eq (c->question, "T-LAW-1");
    ck_assert_str_eq (c->remote->notes, "Written in the CLI meanwhile");
  }
  ck_assert_uint_eq (n_conflict_signals, 1);
  ck_assert_uint_eq (cirt_session_get_n_conflicts (session), 1);
  gtk_window_destroy (window);
  cirt_gui_test_spin (20);
  window = NULL;
  page = NULL;
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The targets page follows an import                                        */

START_TEST (test_targets_follow_an_import)
{
  g_autofree char *bob_db = cirt_test_tmp_path ("targets-bob.db");
  g_autofree char *file_a = cirt_test_tmp_path ("targets-a.json");
  g_autofree char *file_b = cirt_test_tmp_path ("targets-b.json");
  g_autoptr(CirtStore) bob = NULL;
  g_autoptr(CirtImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CirtWindow *win;
  CirtAssessmentView *view;
  CirtTargetsPage *targets;
  GtkWidget *w;

  /* Bob sets a target on his laptop. */
  ck_assert_msg (cirt_exchange_export (store, assessment, file_a, &error), "%s", error ? error->message : "");
  bob = cirt_store_open (bob_db, &error);
  report = cirt_exchange_import (bob, file_a, &error);
  ck_assert_msg (report != NULL, "%s", error ? error->message : "");
  ck_assert (cirt_store_set_target (bob, assessment, CIRT_PILLAR_LEGAL, 4, &error));
  ck_assert_msg (cirt_exchange_export (bob, assessment, file_b, &error), "%s", error ? error->message : "");

  /* Here, the targets page is on screen when his file comes in. */
  win = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 760);
  cirt_gui_test_show (GTK_WINDOW (win));
  cirt_window_open (win, assessment);
  view = cirt_window_get_view (win);
  cirt_assessment_view_show_page (view, "targets");
  cirt_gui_test_spin (50);
  targets = cirt_assessment_view_get_targets (view);
  ck_assert_uint_eq (adw_combo_row_get_selected (cirt_targets_page_get_row (targets, CIRT_PILLAR_LEGAL)), 0);
  cirt_window_import_file (win, file_b);
  ck_assert_msg (CIRT_WAIT_UNTIL (!cirt_window_is_importing (win), WAIT_MS), "the import did not end");
  ck_assert_msg (CIRT_WAIT_UNTIL (adw_combo_row_get_selected (cirt_targets_page_get_row (targets, CIRT_PILLAR_LEGAL)) == 4,
                                  WAIT_MS), "the targets page does not show the imported target");

  w = GTK_WIDGET (win);
  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_close (GTK_WINDOW (win));
  ck_assert (CIRT_WAIT_UNTIL (w == NULL, 5000));
}
END_TEST

/* ------------------------------------------------------------------------ */

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  static guint n;

  g_free (db_path);
  db_path = cirt_test_tmp_path (n++ % 2 ? "session-1.db" : "session-0.db");
  g_unlink (db_path);
  store = cirt_store_open (db_path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Session test");
  info->country = g_strdup ("Testland");
  assessment = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (assessment != NULL, "%s", error ? error->message : "");
  n_answer_changes = n_data = n_conflict_signals = 0;
}

static void
teardown (void)
{
  cirt_gui_test_spin (20);
  g_clear_object (&store);
  g_clear_pointer (&assessment, g_free);
  g_clear_pointer (&last_question, g_free);
  g_clear_pointer (&last_value, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("session");
  TCase *tc = tcase_create ("session");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_session_follows_the_store);
  tcase_add_test (tc, test_imported_answer_is_not_undoable);
  tcase_add_test (tc, test_undo_keeps_what_others_changed);
  tcase_add_test (tc, test_two_writers_lose_no_note);
  tcase_add_test (tc, test_targets_follow_an_import);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  g_free (db_path);
  return status;
}
