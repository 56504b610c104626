/* test-store.c — the SQLite store: round trips, history, persistence,
 * refusal of bad files, private permissions, migrations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "cirt-test-util.h"

typedef struct {
  char           *path;
  CirtStore      *store;
  CirtInstrument *inst;
  char           *id;
} Fixture;

static Fixture fx;

static char *
create_assessment (CirtStore      *store,
                   CirtInstrument *inst,
                   const char     *title)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  info->title = g_strdup (title);
  info->country = g_strdup ("Examplia");
  info->organisation = g_strdup ("Ministry of ICT");
  info->phase = g_strdup ("design");
  info->lead_assessor = g_strdup ("A. Assessor");
  info->started_on = g_strdup ("2026-03-02");
  g_ptr_array_add (insts, inst);
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  return id;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  fx.path = cirt_test_tmp_path ("store.db");
  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  fx.inst = cirt_test_load_fixture ("mini.json");
  fx.id = create_assessment (fx.store, fx.inst, "Readiness mission");
}

static void
teardown (void)
{
  g_clear_object (&fx.store);
  g_clear_object (&fx.inst);
  g_clear_pointer (&fx.id, g_free);
  g_clear_pointer (&fx.path, g_free);
}

static void
save (const char *question,
      const char *value,
      const char *notes)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->notes = g_strdup (notes);
  a->author = g_strdup ("Tester");
  ck_assert_msg (cirt_store_save_answer (fx.store, fx.id, a, &error), "%s", error ? error->message : "");
}

START_TEST (test_assessment_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (fx.store, fx.id, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) insts = NULL;

  ck_assert_ptr_nonnull (info);
  ck_assert_str_eq (info->title, "Readiness mission");
  ck_assert_str_eq (info->country, "Examplia");
  ck_assert_str_eq (info->organisation, "Ministry of ICT");
  ck_assert_str_eq (info->phase, "design");
  ck_assert_str_eq (info->lead_assessor, "A. Assessor");
  ck_assert_str_eq (info->started_on, "2026-03-02");
  ck_assert_str_eq (info->status, "in-progress");
  ck_assert_str_eq (info->instruments[0], "test-mini");
  ck_assert_uint_eq (info->n_questions, 7);
  ck_assert_uint_eq (info->n_answered, 0);

  g_free (info->title);
  info->title = g_strdup ("Renamed «mission» — ☂");
  g_free (info->status);
  info->status = g_strdup ("completed");
  ck_assert (cirt_store_update_assessment (fx.store, info, &error));
  {
    g_autoptr(CirtAssessmentInfo) again = cirt_store_get_assessment (fx.store, fx.id, &error);
    ck_assert_str_eq (again->title, "Renamed «mission» — ☂");
    ck_assert_str_eq (again->status, "completed");
  }

  list = cirt_store_list_assessments (fx.store, &error);
  ck_assert_uint_eq (list->len, 1);
  insts = cirt_store_get_instruments (fx.store, fx.id, &error);
  ck_assert_uint_eq (insts->len, 1);
  ck_assert_str_eq (cirt_instrument_get_sha256 (g_ptr_array_index (insts, 0)), cirt_instrument_get_sha256 (fx.inst));
}
END_TEST

START_TEST (test_invalid_assessment_refused)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_ptr_array_add (insts, fx.inst);
  info->title = g_strdup ("   ");
  info->country = g_strdup ("X");
  id = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_ptr_null (id);
  ck_assert_ptr_nonnull (strstr (error->message, "title must not be empty"));
  g_clear_error (&error);

  g_free (info->title);
  info->title = g_strdup ("T");
  info->phase = g_strdup ("launch");
  id = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_ptr_null (id);
  ck_assert_ptr_nonnull (strstr (error->message, "unknown phase"));
  g_clear_error (&error);

  /* The same instrument twice would make question ids collide. */
  g_clear_pointer (&info->phase, g_free);
  g_ptr_array_add (insts, fx.inst);
  id = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_ptr_null (id);
  ck_assert_ptr_nonnull (strstr (error->message, "listed twice"));
  g_clear_error (&error);

  {
    g_autoptr(GPtrArray) list = cirt_store_list_assessments (fx.store, &error);
    ck_assert_uint_eq (list->len, 1);
  }
}
END_TEST

START_TEST (test_answers_and_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  CirtAnswer *a;
  CirtHistoryEntry *e;

  save ("T-LAW-1", "2", "Ministry says a draft exists");
  save ("T-LAW-1", "3", "Ministry says a draft exists");
  save ("T-LAW-1", "3", "Ministry says a draft exists");  /* same content: no history */
  save ("T-OPS-2", "health,energy", NULL);
  save ("T-CTX-1", "=HYPERLINK(\"x\")", NULL);

  answers = cirt_store_get_answers (fx.store, fx.id, &error);
  ck_assert_uint_eq (g_hash_table_size (answers), 3);
  a = g_hash_table_lookup (answers, "T-LAW-1");
  ck_assert_str_eq (a->value, "3");
  ck_assert_str_eq (a->notes, "Ministry says a draft exists");
  ck_assert_str_eq (a->author, "Tester");
  ck_assert_ptr_nonnull (a->updated_at);
  ck_assert_str_eq (((CirtAnswer *) g_hash_table_lookup (answers, "T-OPS-2"))->value, "energy,health");
  ck_assert_str_eq (((CirtAnswer *) g_hash_table_lookup (answers, "T-CTX-1"))->value, "=HYPERLINK(\"x\")");

  history = cirt_store_get_history (fx.store, fx.id, "T-LAW-1", &error);
  ck_assert_uint_eq (history->len, 2);
  e = g_ptr_array_index (history, 0);
  ck_assert_ptr_null (e->old_answer);
  ck_assert_str_eq (e->new_answer->value, "2");
  ck_assert_str_eq (e->author, "Tester");
  e = g_ptr_array_index (history, 1);
  ck_assert_str_eq (e->old_answer->value, "2");
  ck_assert_str_eq (e->new_answer->value, "3");
  ck_assert_str_eq (e->new_answer->notes, "Ministry says a draft exists");

  /* Unanswer keeps the notes; the history records the removal of the value. */
  ck_assert (cirt_store_unanswer (fx.store, fx.id, "T-LAW-1", "Tester", &error));
  {
    g_autoptr(CirtAnswer) kept = cirt_store_get_answer (fx.store, fx.id, "T-LAW-1", &error);
    ck_assert_ptr_nonnull (kept);
    ck_assert_ptr_null (kept->value);
    ck_assert_str_eq (kept->notes, "Ministry says a draft exists");
    ck_assert (!cirt_answer_is_answered (kept));
  }
  g_clear_pointer (&history, g_ptr_array_unref);
  history = cirt_store_get_history (fx.store, fx.id, NULL, &error);
  ck_assert_uint_eq (history->len, 5);
}
END_TEST

START_TEST (test_notes_before_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) a = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;

  save ("T-OPS-1", NULL, "Interview note typed before the level was decided");
  a = cirt_store_get_answer (fx.store, fx.id, "T-OPS-1", &error);
  ck_assert_str_eq (a->notes, "Interview note typed before the level was decided");
  ck_assert (!cirt_answer_is_answered (a));
  info = cirt_store_get_assessment (fx.store, fx.id, &error);
  ck_assert_uint_eq (info->n_answered, 0);

  /* Clearing everything removes the row. */
  save ("T-OPS-1", NULL, "");
  g_clear_pointer (&a, cirt_answer_free);
  a = cirt_store_get_answer (fx.store, fx.id, "T-OPS-1", &error);
  ck_assert_ptr_null (a);
  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_answer_refusals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-2");
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');

  a->not_applicable = TRUE;
  ck_assert (!cirt_store_save_answer (fx.store, fx.id, a, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "justification"));
  g_clear_error (&error);

  a->not_applicable = FALSE;
  a->value = g_strdup ("perhaps");
  ck_assert (!cirt_store_save_answer (fx.store, fx.id, a, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "yes, partial or no"));
  g_clear_error (&error);

  g_free (a->value);
  a->value = g_strdup ("yes");
  a->notes = g_strdup (huge);
  ck_assert (!cirt_store_save_answer (fx.store, fx.id, a, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "notes is too long (10.0 MB"));
  g_clear_error (&error);

  g_free (a->question);
  a->question = g_strdup ("NO-SUCH");
  g_clear_pointer (&a->notes, g_free);
  ck_assert (!cirt_store_save_answer (fx.store, fx.id, a, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* Nothing was written by any of these. */
  history = cirt_store_get_history (fx.store, fx.id, NULL, &error);
  ck_assert_uint_eq (history->len, 0);

  /* N/A with a justification is fine, and clears a value. */
  {
    g_autoptr(CirtAnswer) na = cirt_answer_new ("T-LAW-2");
    g_autoptr(CirtAnswer) back = NULL;
    na->value = g_strdup ("yes");
    na->not_applicable = TRUE;
    na->notes = g_strdup ("The country has no separate cybercrime law by design");
    ck_assert (cirt_store_save_answer (fx.store, fx.id, na, &error));
    back = cirt_store_get_answer (fx.store, fx.id, "T-LAW-2", &error);
    ck_assert (back->not_applicable);
    ck_assert_ptr_null (back->value);
  }
}
END_TEST

START_TEST (test_targets_and_stakeholders)
{
  g_autoptr(GError) error = NULL;
  int targets[CIRT_N_PILLARS];
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 row;

  ck_assert (cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_LEGAL, 4, &error));
  ck_assert (cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_COOPERATION, 3, &error));
  ck_assert (cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_COOPERATION, 2, &error));
  ck_assert (!cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_CAPACITY, 6, &error));
  g_clear_error (&error);
  ck_assert (cirt_store_get_targets (fx.store, fx.id, targets, &error));
  ck_assert_int_eq (targets[CIRT_PILLAR_LEGAL], 4);
  ck_assert_int_eq (targets[CIRT_PILLAR_COOPERATION], 2);
  ck_assert_int_eq (targets[CIRT_PILLAR_CAPACITY], 0);
  ck_assert (cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_LEGAL, 0, &error));
  ck_assert (cirt_store_get_targets (fx.store, fx.id, targets, &error));
  ck_assert_int_eq (targets[CIRT_PILLAR_LEGAL], 0);

  s->name = g_strdup ("Dr. Amina Diallo");
  s->organisation = g_strdup ("Telecom Regulator");
  s->sector = g_strdup ("Government");
  s->met_on = g_strdup ("2026-03-03");
  s->notes = g_strdup ("Hosts the security unit");
  row = cirt_store_add_stakeholder (fx.store, fx.id, s, &error);
  ck_assert_int_gt (row, 0);
  g_free (s->name);
  s->name = g_strdup ("Insp. Kofi Mensah");
  g_free (s->met_on);
  s->met_on = g_strdup ("2026-03-02");
  ck_assert_int_gt (cirt_store_add_stakeholder (fx.store, fx.id, s, &error), 0);
  g_free (s->met_on);
  s->met_on = g_strdup ("03/04/2026");
  ck_assert_int_eq (cirt_store_add_stakeholder (fx.store, fx.id, s, &error), 0);
  ck_assert_ptr_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);

  list = cirt_store_list_stakeholders (fx.store, fx.id, &error);
  ck_assert_uint_eq (list->len, 2);
  /* Ordered by date. */
  ck_assert_str_eq (((CirtStakeholder *) g_ptr_array_index (list, 0))->name, "Insp. Kofi Mensah");
  ck_assert_str_eq (((CirtStakeholder *) g_ptr_array_index (list, 1))->notes, "Hosts the security unit");

  {
    CirtStakeholder *first = g_ptr_array_index (list, 1);
    g_free (first->sector);
    first->sector = g_strdup ("Regulator");
    ck_assert (cirt_store_update_stakeholder (fx.store, first, &error));
    ck_assert (cirt_store_delete_stakeholder (fx.store, ((CirtStakeholder *) g_ptr_array_index (list, 0))->id, &error));
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cirt_store_list_stakeholders (fx.store, fx.id, &error);
  ck_assert_uint_eq (list->len, 1);
  ck_assert_str_eq (((CirtStakeholder *) g_ptr_array_index (list, 0))->sector, "Regulator");
  ck_assert (!cirt_store_delete_stakeholder (fx.store, 9999, &error));
}
END_TEST

START_TEST (test_persistence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) again = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  int targets[CIRT_N_PILLARS];

  save ("T-LAW-1", "4", "Decree 12/2024 signed");
  ck_assert (cirt_store_set_target (fx.store, fx.id, CIRT_PILLAR_TECHNICAL, 3, &error));
  g_clear_object (&fx.store);

  again = cirt_store_open (fx.path, &error);
  ck_assert_msg (again != NULL, "%s", error ? error->message : "");
  answers = cirt_store_get_answers (again, fx.id, &error);
  ck_assert_str_eq (((CirtAnswer *) g_hash_table_lookup (answers, "T-LAW-1"))->notes, "Decree 12/2024 signed");
  history = cirt_store_get_history (again, fx.id, NULL, &error);
  ck_assert_uint_eq (history->len, 1);
  ck_assert (cirt_store_get_targets (again, fx.id, targets, &error));
  ck_assert_int_eq (targets[CIRT_PILLAR_TECHNICAL], 3);
}
END_TEST

START_TEST (test_snapshot_survives_instrument_change)
{
  /* The assessment keeps the instrument it was created with. */
  g_autoptr(GError) error = NULL;
  g_autofree char *src = cirt_test_fixture ("mini.json");
  g_autofree char *json = NULL;
  g_autofree char *copy = cirt_test_tmp_path ("changing.json");
  g_autoptr(CirtInstrument) original = NULL;
  g_autoptr(CirtInstrument) changed = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) insts = NULL;
  GString *s;

  ck_assert (g_file_get_contents (src, &json, NULL, NULL));
  ck_assert (g_file_set_contents (copy, json, -1, NULL));
  original = cirt_instrument_new_from_file (copy, &error);
  id = create_assessment (fx.store, original, "Snapshot");

  s = g_string_new (json);
  g_string_replace (s, "Is there a legal mandate?", "A reworded question", 1);
  ck_assert (g_file_set_contents (copy, s->str, -1, NULL));
  g_string_free (s, TRUE);
  changed = cirt_instrument_new_from_file (copy, &error);
  ck_assert_str_ne (cirt_instrument_get_sha256 (changed), cirt_instrument_get_sha256 (original));

  insts = cirt_store_get_instruments (fx.store, id, &error);
  ck_assert_str_eq (cirt_text_get (cirt_instrument_lookup_question (g_ptr_array_index (insts, 0), "T-LAW-1")->text, "en"),
                    "Is there a legal mandate?");
}
END_TEST

START_TEST (test_resolve_and_delete)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strndup (fx.id, 5);
  g_autofree char *resolved = cirt_store_resolve_id (fx.store, prefix, &error);
  g_autofree char *upper = g_ascii_strup (prefix, -1);
  g_autofree char *resolved_upper = cirt_store_resolve_id (fx.store, upper, &error);
  g_autofree char *none = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *ambiguous = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) history = NULL;

  ck_assert_str_eq (resolved, fx.id);
  ck_assert_str_eq (resolved_upper, fx.id);
  none = cirt_store_resolve_id (fx.store, "zzzz", &error);
  ck_assert_ptr_null (none);
  g_clear_error (&error);
  /* LIKE wildcards are data, not patterns. */
  pattern = cirt_store_resolve_id (fx.store, "%", &error);
  ck_assert_ptr_null (pattern);
  g_clear_error (&error);
  second = create_assessment (fx.store, fx.inst, "Second");
  ambiguous = cirt_store_resolve_id (fx.store, "", &error);
  ck_assert_ptr_null (ambiguous);
  g_clear_error (&error);

  save ("T-LAW-1", "1", "x");
  ck_assert (cirt_store_delete_assessment (fx.store, fx.id, &error));
  ck_assert_ptr_null (cirt_store_get_assessment (fx.store, fx.id, &error));
  g_clear_error (&error);
  history = cirt_store_get_history (fx.store, fx.id, NULL, &error);
  ck_assert_uint_eq (history->len, 0);
  ck_assert (!cirt_store_delete_assessment (fx.store, fx.id, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_baseline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(CirtAssessmentInfo) back = NULL;
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autofree char *follow = NULL;

  g_ptr_array_add (insts, fx.inst);
  info->title = g_strdup ("Follow-up");
  info->country = g_strdup ("Examplia");
  info->baseline = g_strdup (fx.id);
  follow = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_ptr_nonnull (follow);
  back = cirt_store_get_assessment (fx.store, follow, &error);
  ck_assert_str_eq (back->baseline, fx.id);
  /* Deleting the baseline keeps the follow-up, unlinked. */
  ck_assert (cirt_store_delete_assessment (fx.store, fx.id, &error));
  g_clear_pointer (&back, cirt_assessment_info_free);
  back = cirt_store_get_assessment (fx.store, follow, &error);
  ck_assert_ptr_null (back->baseline);
}
END_TEST

START_TEST (test_file_mode)
{
  GStatBuf st;
  g_autofree char *dir = cirt_test_tmp_path ("deep");
  g_autofree char *path = g_build_filename (dir, "nested", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (path, &error);

  ck_assert_ptr_nonnull (store);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  ck_assert_int_eq (g_stat (cirt_store_get_path (fx.store), &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
}
END_TEST

static void
assert_refused_unchanged (const char    *path,
                          CirtStoreError code,
                          const char    *expect)
{
  g_autofree char *before = cirt_test_file_sha256 (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (path, &error);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  ck_assert_ptr_null (store);
  ck_assert_msg (g_error_matches (error, CIRT_STORE_ERROR, code), "got: %s", error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, expect) != NULL, "expected \"%s\" in: %s", expect, error->message);
  ck_assert_ptr_nonnull (strstr (error->message, "left unchanged"));
  after = cirt_test_file_sha256 (path);
  ck_assert_str_eq (before, after);
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
}

START_TEST (test_not_sqlite)
{
  g_autofree char *path = cirt_test_write_tmp ("notes.db", "These are my notes, not a database.\n");
  assert_refused_unchanged (path, CIRT_STORE_ERROR_NOT_A_DB, "is not a CIRT Assess database");
}
END_TEST

START_TEST (test_foreign_sqlite)
{
  g_autofree char *path = cirt_test_tmp_path ("foreign.db");
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER); INSERT INTO photos VALUES (1);", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_NOT_A_DB, "another program");
}
END_TEST

/* A file of another program that happens to hold a table of the same name:
 * still another program's, still byte for byte as it was (no pragma that
 * writes, no switch to WAL, before it is known to be ours). */
START_TEST (test_foreign_sqlite_same_table_name)
{
  g_autofree char *path = cirt_test_tmp_path ("lookalike.db");
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "CREATE TABLE assessment (id INTEGER PRIMARY KEY, name TEXT);"
                                      "INSERT INTO assessment VALUES (1, 'quarterly audit');"
                                      "CREATE TABLE answer (q TEXT);", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_NOT_A_DB, "another program");
}
END_TEST

START_TEST (test_newer_version)
{
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 99;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  path = g_strdup (fx.path);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_TOO_NEW, "newer version of CIRT Assess (schema 99");
}
END_TEST

static void
make_damaged_copy (const char *dest,
                   gboolean    truncate)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;

  /* A checkpointed, single-file copy of the fixture database. */
  save ("T-LAW-1", "3", "some notes to fill a page");
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *note = g_strdup_printf ("%d %s", i, "padding padding padding padding padding padding");
      save ("T-CTX-1", note, note);
    }
  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  ck_assert (g_file_get_contents (fx.path, &data, &len, NULL));
  ck_assert_uint_gt (len, 8192);
  if (truncate)
    len = len / 2 + 100;
  else
    for (gsize i = 4096 + 200; i < len - 100; i += 97)
      data[i] = (char) (data[i] ^ 0x5a);
  ck_assert (g_file_set_contents (dest, data, len, NULL));
}

START_TEST (test_truncated)
{
  g_autofree char *path = cirt_test_tmp_path ("truncated.db");
  make_damaged_copy (path, TRUE);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_CORRUPT, "damaged");
}
END_TEST

START_TEST (test_corrupt)
{
  g_autofree char *path = cirt_test_tmp_path ("corrupt.db");
  make_damaged_copy (path, FALSE);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_CORRUPT, "damaged");
}
END_TEST

/* Found by tests/fuzz/fuzz-database: a damaged file with our application id
 * and schema, but not in WAL mode (a copy made by another tool). Switching
 * it to WAL rewrote its header before the damage was met. */
START_TEST (test_damaged_copy_not_in_wal)
{
  g_autofree char *fixture = cirt_test_fixture ("fuzz/damaged-not-wal.db");
  g_autofree char *path = cirt_test_tmp_path ("damaged-copy.db");
  g_autofree char *data = NULL;
  gsize len = 0;

  ck_assert (g_file_get_contents (fixture, &data, &len, NULL));
  ck_assert (g_file_set_contents (path, data, len, NULL));
  assert_refused_unchanged (path, CIRT_STORE_ERROR_CORRUPT, "damaged");
}
END_TEST

/* Found by tests/fuzz/fuzz-database: a file that says schema 1 but already
 * has the columns of schema 2. The upgrade fails and is rolled back; the
 * switch to WAL, made before it, had already rewritten the header. */
START_TEST (test_failed_upgrade_leaves_file)
{
  g_autofree char *fixture = cirt_test_fixture ("fuzz/claims-v1-has-v2-columns.db");
  g_autofree char *path = cirt_test_tmp_path ("half-upgraded.db");
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  ck_assert (g_file_get_contents (fixture, &data, &len, NULL));
  ck_assert (g_file_set_contents (path, data, len, NULL));
  {
    g_autofree char *before = cirt_test_file_sha256 (path), *after = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(CirtStore) store = cirt_store_open (path, &error);

    ck_assert_ptr_null (store);
    ck_assert_msg (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_MIGRATE), "got: %s",
                   error ? error->message : "no error");
    ck_assert_ptr_nonnull (strstr (error->message, "was left as it was"));
    after = cirt_test_file_sha256 (path);
    ck_assert_str_eq (before, after);
  }
  ck_assert_msg (!g_file_test (bak, G_FILE_TEST_EXISTS), "the copy of a file left as it was stays behind");
}
END_TEST

START_TEST (test_migrate_from_v1)
{
  g_autofree char *path = cirt_test_tmp_path ("old.db");
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *sql_path = cirt_test_fixture ("schema-v1.sql");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *bak_sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAnswer) a = NULL;
  sqlite3 *db = NULL;
  int version = -1;
  const char *id = "11111111-2222-3333-4444-555555555555";

  ck_assert (g_file_get_contents (sql_path, &sql, NULL, NULL));
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  {
    /* Give the old assessment its instrument snapshot. */
    sqlite3_stmt *stmt = NULL;
    ck_assert_int_eq (sqlite3_prepare_v2 (db, "INSERT INTO instrument VALUES (?, 'test-mini', '1.0.0', ?, 'x');"
                                              "", -1, &stmt, NULL), SQLITE_OK);
    sqlite3_bind_text (stmt, 1, cirt_instrument_get_sha256 (fx.inst), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, cirt_instrument_get_json (fx.inst), -1, SQLITE_STATIC);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
    sqlite3_finalize (stmt);
    ck_assert_int_eq (sqlite3_prepare_v2 (db, "INSERT INTO assessment_instrument VALUES (?, 0, ?)", -1, &stmt, NULL), SQLITE_OK);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, cirt_instrument_get_sha256 (fx.inst), -1, SQLITE_STATIC);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
    sqlite3_finalize (stmt);
    /* Two changes the old version recorded, to be chained by the upgrade. */
    ck_assert_int_eq (sqlite3_exec (db,
      "INSERT INTO answer_history (assessment, question, author, changed_at, old_json, new_json) VALUES"
      " ('11111111-2222-3333-4444-555555555555', 'T-LAW-1', 'Old', '2025-01-01T10:00:00Z', NULL,"
      "  '{\"value\":\"1\",\"not_applicable\":false}'),"
      " ('11111111-2222-3333-4444-555555555555', 'T-LAW-1', 'Old', '2025-01-02T10:00:00Z',"
      "  '{\"value\":\"1\",\"not_applicable\":false}', '{\"value\":\"2\",\"not_applicable\":false}');",
      NULL, NULL, NULL), SQLITE_OK);
  }
  sqlite3_close (db);
  before = cirt_test_file_sha256 (path);

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");

  /* The backup is the file as it was. */
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);

  a = cirt_store_get_answer (store, id, "T-LAW-1", &error);
  ck_assert_str_eq (a->value, "2");
  ck_assert_str_eq (a->notes, "from the old version");
  ck_assert (!a->flagged);

  /* New columns work. */
  {
    g_autoptr(CirtAnswer) n = cirt_answer_copy (a);
    g_autoptr(CirtAnswer) back = NULL;
    n->flagged = TRUE;
    n->source = g_strdup ("Regulator");
    ck_assert_msg (cirt_store_save_answer (store, id, n, &error), "%s", error ? error->message : "");
    back = cirt_store_get_answer (store, id, "T-LAW-1", &error);
    ck_assert (back->flagged);
    ck_assert_str_eq (back->source, "Regulator");
  }
  /* The history, chained by the upgrade and by the save after it, holds. */
  {
    guint n = 0;
    g_autofree char *head = NULL;
    ck_assert_msg (cirt_store_verify_history (store, id, &n, &head, &error), "%s", error ? error->message : "");
    ck_assert_uint_eq (n, 3);
    ck_assert_uint_eq (strlen (head), 64);
  }
  g_clear_object (&store);

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  ck_assert_int_eq (version, CIRT_STORE_SCHEMA_VERSION);
}
END_TEST

static void
count_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

START_TEST (test_signals)
{
  guint answer_changed = 0, list_changed = 0;

  g_signal_connect_swapped (fx.store, "answer-changed", G_CALLBACK (count_cb), &answer_changed);
  g_signal_connect_swapped (fx.store, "assessments-changed", G_CALLBACK (count_cb), &list_changed);
  save ("T-LAW-1", "1", NULL);
  save ("T-LAW-1", "1", NULL);   /* unchanged: no signal */
  save ("T-LAW-1", "2", NULL);
  ck_assert_uint_eq (answer_changed, 2);
  g_free (create_assessment (fx.store, fx.inst, "Another"));
  ck_assert_uint_eq (list_changed, 1);
  g_signal_handlers_disconnect_by_func (fx.store, count_cb, &answer_changed);
  g_signal_handlers_disconnect_by_func (fx.store, count_cb, &list_changed);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Findings */

static CirtFinding *
make_finding (CirtFindingKind  kind,
              const char      *title,
              CirtPillar       pillar,
              CirtPhase        phase)
{
  CirtFinding *f = cirt_finding_new ();

  f->kind = kind;
  f->title = g_strdup (title);
  f->pillar = pillar;
  f->phase = phase;
  f->author = g_strdup ("Tester");
  return f;
}

static char *
add_finding (const char *title,
             CirtFindingKind kind)
{
  g_autoptr(CirtFinding) f = make_finding (kind, title, CIRT_PILLAR_ORGANIZATIONAL, CIRT_PHASE_DESIGN);
  g_autoptr(GError) error = NULL;
  char *uuid = cirt_store_add_finding (fx.store, fx.id, f, &error);

  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  return uuid;
}

static char *
titles_in_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_findings (fx.store, fx.id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  ck_assert_ptr_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      CirtFinding *f = g_ptr_array_index (list, i);
      ck_assert_uint_eq (f->position, i);
      g_string_append_printf (out, "%s%s", i ? "," : "", f->title);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

START_TEST (test_findings_crud)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtFinding) f = make_finding (CIRT_FINDING_RISK, "Rivalry over who leads the CIRT",
                                           CIRT_PILLAR_ORGANIZATIONAL, CIRT_PHASE_DESIGN);
  g_autoptr(CirtFinding) back = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *uuid = NULL, *order = NULL;
  char *questions[] = { "T-LAW-1", "T-OPS-1", NULL };
  guint changed = 0;

  g_signal_connect_swapped (fx.store, "assessment-changed", G_CALLBACK (count_cb), &changed);
  f->description = g_strdup ("Regulator, ministry and police each claim the lead.\nLine two «é» 中文");
  f->questions = g_strdupv (questions);
  uuid = cirt_store_add_finding (fx.store, fx.id, f, &error);
  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  ck_assert (g_uuid_string_is_valid (uuid));
  ck_assert_uint_eq (changed, 1);

  back = cirt_store_get_finding (fx.store, fx.id, uuid, &error);
  ck_assert_ptr_nonnull (back);
  ck_assert_str_eq (back->id, uuid);
  ck_assert_int_eq (back->kind, CIRT_FINDING_RISK);
  ck_assert_str_eq (back->title, "Rivalry over who leads the CIRT");
  ck_assert_str_eq (back->description, f->description);
  ck_assert_int_eq (back->pillar, CIRT_PILLAR_ORGANIZATIONAL);
  ck_assert_int_eq (back->phase, CIRT_PHASE_DESIGN);
  ck_assert_uint_eq (g_strv_length (back->questions), 2);
  ck_assert_str_eq (back->questions[1], "T-OPS-1");
  ck_assert_uint_eq (back->position, 0);
  ck_assert_str_eq (back->author, "Tester");
  ck_assert_str_eq (back->created_at, back->modified_at);

  /* An edit: content and author change, the creation time stays. */
  g_free (back->title);
  back->title = g_strdup ("Rivalry over who hosts the CIRT");
  back->kind = CIRT_FINDING_ISSUE;
  back->phase = CIRT_PHASE_ESTABLISHMENT;
  g_clear_pointer (&back->questions, g_strfreev);
  g_free (back->author);
  back->author = g_strdup ("Second");
  g_usleep (2000);
  ck_assert_msg (cirt_store_update_finding (fx.store, fx.id, back, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (changed, 2);
  /* The same content again writes nothing. */
  ck_assert (cirt_store_update_finding (fx.store, fx.id, back, &error));
  ck_assert_uint_eq (changed, 2);
  {
    g_autoptr(CirtFinding) again = cirt_store_get_finding (fx.store, fx.id, uuid, &error);
    ck_assert_str_eq (again->title, "Rivalry over who hosts the CIRT");
    ck_assert_int_eq (again->kind, CIRT_FINDING_ISSUE);
    ck_assert_int_eq (again->phase, CIRT_PHASE_ESTABLISHMENT);
    ck_assert_ptr_null (again->questions);
    ck_assert_str_eq (again->author, "Second");
    ck_assert_str_eq (again->created_at, back->created_at);
    ck_assert_str_lt (again->created_at, again->modified_at);
  }

  /* Order: added last by default, or at a place; moved; removed. */
  {
    g_autofree char *b = add_finding ("B", CIRT_FINDING_QUICK_WIN);
    g_autofree char *c = add_finding ("C", CIRT_FINDING_ISSUE);
    g_autoptr(CirtFinding) first = make_finding (CIRT_FINDING_QUICK_WIN, "A", CIRT_PILLAR_LEGAL, CIRT_PHASE_DESIGN);
    g_autofree char *a = NULL;

    first->position = 0;
    a = cirt_store_add_finding (fx.store, fx.id, first, &error);
    ck_assert_ptr_nonnull (a);
    order = titles_in_order ();
    ck_assert_str_eq (order, "A,Rivalry over who hosts the CIRT,B,C");
    g_free (order);
    ck_assert (cirt_store_move_finding (fx.store, fx.id, c, 1, "Tester", &error));
    order = titles_in_order ();
    ck_assert_str_eq (order, "A,C,Rivalry over who hosts the CIRT,B");
    g_free (order);
    ck_assert (cirt_store_move_finding (fx.store, fx.id, a, 99, "Tester", &error));
    order = titles_in_order ();
    ck_assert_str_eq (order, "C,Rivalry over who hosts the CIRT,B,A");
    g_free (order);
    ck_assert (cirt_store_remove_finding (fx.store, fx.id, uuid, "Tester", &error));
    order = titles_in_order ();
    ck_assert_str_eq (order, "C,B,A");
    g_free (order);
    ck_assert (!cirt_store_remove_finding (fx.store, fx.id, uuid, "Tester", &error));
    ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
    g_clear_error (&error);

    /* A removal taken back: the same id, at its old place. */
    back->position = 1;
    g_free (back->author);
    back->author = g_strdup ("Tester");
    g_free (uuid);
    uuid = cirt_store_add_finding (fx.store, fx.id, back, &error);
    ck_assert_str_eq (uuid, back->id);
    order = titles_in_order ();
    ck_assert_str_eq (order, "C,Rivalry over who hosts the CIRT,B,A");
    /* Twice the same id is refused. */
    ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, back, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "already"));
    g_clear_error (&error);

    /* Prefixes. */
    {
      g_autofree char *prefix = g_strndup (a, 8);
      g_autofree char *full = cirt_store_resolve_finding (fx.store, fx.id, prefix, &error);
      ck_assert_str_eq (full, a);
      ck_assert_ptr_null (cirt_store_resolve_finding (fx.store, fx.id, "%", &error));
      ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
      g_clear_error (&error);
    }
  }

  /* Every change is in the findings' history: added, edited, removed, added back. */
  history = cirt_store_get_finding_history (fx.store, fx.id, uuid, &error);
  /* Added, edited, removed, added back: the moves of the others that shifted
   * it are theirs. */
  ck_assert_uint_eq (history->len, 4);
  {
    CirtFindingChange *c0 = g_ptr_array_index (history, 0);
    CirtFindingChange *c1 = g_ptr_array_index (history, 1);
    CirtFindingChange *last = g_ptr_array_index (history, history->len - 1);
    CirtFindingChange *removal = g_ptr_array_index (history, history->len - 2);

    ck_assert_ptr_null (c0->old_finding);
    ck_assert_str_eq (c0->new_finding->title, "Rivalry over who leads the CIRT");
    ck_assert_str_eq (c0->author, "Tester");
    ck_assert_str_eq (c1->old_finding->title, "Rivalry over who leads the CIRT");
    ck_assert_str_eq (c1->new_finding->title, "Rivalry over who hosts the CIRT");
    ck_assert_str_eq (c1->author, "Second");
    ck_assert_ptr_nonnull (removal->old_finding);
    ck_assert_ptr_null (removal->new_finding);
    ck_assert_ptr_null (last->old_finding);
    ck_assert_ptr_nonnull (last->new_finding);
  }
  g_signal_handlers_disconnect_by_func (fx.store, count_cb, &changed);
}
END_TEST

START_TEST (test_findings_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtFinding) f = make_finding (CIRT_FINDING_ISSUE, "   ", CIRT_PILLAR_LEGAL, CIRT_PHASE_DESIGN);
  g_autofree char *big = g_strnfill (100 * 1024, 'x');
  char *unknown[] = { "T-LAW-1", "NOPE-9", NULL };
  char *twice[] = { "T-LAW-1", "T-LAW-1", NULL };

  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "title must not be empty"));
  g_clear_error (&error);

  g_free (f->title);
  f->title = g_strdup (big);
  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "too long"));
  ck_assert_uint_lt (strlen (error->message), 500);
  g_clear_error (&error);

  g_free (f->title);
  f->title = g_strdup ("A title");
  f->phase = CIRT_PHASE_NONE;
  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "lifecycle phase"));
  g_clear_error (&error);

  f->phase = CIRT_PHASE_ENHANCEMENT;
  f->questions = g_strdupv (unknown);
  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "NOPE-9"));
  g_clear_error (&error);
  g_strfreev (f->questions);
  f->questions = g_strdupv (twice);
  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  g_clear_pointer (&f->questions, g_strfreev);

  f->id = g_strdup ("not-a-uuid");
  ck_assert_ptr_null (cirt_store_add_finding (fx.store, fx.id, f, &error));
  g_clear_error (&error);
  g_clear_pointer (&f->id, g_free);

  ck_assert_ptr_null (cirt_store_add_finding (fx.store, "00000000-0000-4000-8000-000000000000", f, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* Nothing was written by any of them. */
  {
    g_autoptr(GPtrArray) list = cirt_store_list_findings (fx.store, fx.id, &error);
    g_autoptr(GPtrArray) history = cirt_store_get_finding_history (fx.store, fx.id, NULL, &error);
    ck_assert_uint_eq (list->len, 0);
    ck_assert_uint_eq (history->len, 0);
  }
  /* Deleting the assessment takes its findings with it. */
  g_free (add_finding ("Kept until the assessment goes", CIRT_FINDING_RISK));
  ck_assert (cirt_store_delete_assessment (fx.store, fx.id, &error));
  {
    g_autoptr(GPtrArray) list = cirt_store_list_findings (fx.store, fx.id, &error);
    ck_assert_uint_eq (list->len, 0);
  }
}
END_TEST

/* A finding written through another connection (the CLI, an import
 * thread) is announced by the refresh, as an answer is. */
START_TEST (test_findings_refresh)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) other = cirt_store_open (fx.path, &error);
  g_autoptr(CirtFinding) f = make_finding (CIRT_FINDING_QUICK_WIN, "Publish the incident address",
                                           CIRT_PILLAR_TECHNICAL, CIRT_PHASE_ESTABLISHMENT);
  g_autofree char *uuid = NULL;
  guint changed = 0;

  ck_assert_ptr_nonnull (other);
  ck_assert (cirt_store_refresh (fx.store, &error));
  g_signal_connect_swapped (fx.store, "assessment-changed", G_CALLBACK (count_cb), &changed);
  g_usleep (2000);
  uuid = cirt_store_add_finding (other, fx.id, f, &error);
  ck_assert_ptr_nonnull (uuid);
  ck_assert_uint_eq (changed, 0);
  ck_assert (cirt_store_refresh (fx.store, &error));
  ck_assert_uint_ge (changed, 1);
  {
    g_autoptr(GPtrArray) list = cirt_store_list_findings (fx.store, fx.id, &error);
    ck_assert_uint_eq (list->len, 1);
  }
  g_signal_handlers_disconnect_by_func (fx.store, count_cb, &changed);
}
END_TEST

/* What the schema before CIRT_STORE_SCHEMA_INTERVIEWS had: no sessions,
 * statements or their history, no stakeholder.uuid, no answer.session. */
#define SQL_BEFORE_INTERVIEWS \
  "DROP TABLE interview_history; DROP TABLE statement; DROP TABLE interview_session;" \
  " DROP TRIGGER stakeholder_uuid_given; DROP INDEX stakeholder_by_uuid;" \
  " ALTER TABLE stakeholder DROP COLUMN uuid; ALTER TABLE answer DROP COLUMN session;"

/* A database of schema 6 (before findings): upgraded with a byte-for-byte
 * copy kept, every answer and interview kept, findings then work. */
START_TEST (test_migrate_from_v6)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autofree char *bak = g_strconcat (fx.path, ".bak", NULL);
  g_autofree char *before = NULL, *bak_sha = NULL, *uuid = NULL;
  sqlite3 *db = NULL;
  int version = -1;

  save ("T-LAW-1", "3", "kept across the upgrade");
  s->name = g_strdup ("Dr. Amina Diallo");
  s->organisation = g_strdup ("Regulator");
  ck_assert_int_gt (cirt_store_add_stakeholder (fx.store, fx.id, s, &error), 0);
  g_clear_object (&fx.store);

  /* What schema 6 had: no findings, no country code or region, user_version 6,
   * not in WAL mode. */
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; DROP TABLE finding_history; DROP TABLE finding;"
                                      " ALTER TABLE assessment DROP COLUMN country_code;"
                                      " ALTER TABLE assessment DROP COLUMN region;"
                                      /* and what came after schema 8: the reviews, the evidence vault */
                                      " DROP TABLE review_history; DROP TABLE review;"
                                      " DROP TRIGGER evidence_blob_release; DROP TRIGGER evidence_blob_release_history;"
                                      " DROP TABLE evidence_history; DROP TABLE evidence; DROP TABLE evidence_blob;"
                                      " ALTER TABLE assessment DROP COLUMN evidenced_only;"
                                      /* and the interviews (schema 11) */
                                      " " SQL_BEFORE_INTERVIEWS
                                      " PRAGMA user_version = 6; VACUUM;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  g_unlink (bak);
  before = cirt_test_file_sha256 (fx.path);

  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);
  {
    g_autoptr(CirtAnswer) a = cirt_store_get_answer (fx.store, fx.id, "T-LAW-1", &error);
    g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (fx.store, fx.id, &error);
    guint n = 0;
    g_autofree char *head = NULL;

    ck_assert_str_eq (a->notes, "kept across the upgrade");
    ck_assert_uint_eq (people->len, 1);
    ck_assert (cirt_store_verify_history (fx.store, fx.id, &n, &head, &error));
    ck_assert_uint_eq (n, 1);
  }
  uuid = add_finding ("After the upgrade", CIRT_FINDING_ISSUE);
  {
    g_autoptr(GPtrArray) list = cirt_store_list_findings (fx.store, fx.id, &error);
    ck_assert_uint_eq (list->len, 1);
  }
  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  ck_assert_int_eq (version, CIRT_STORE_SCHEMA_VERSION);
}
END_TEST

/* A file that claims schema 7 without the findings' tables is not ours. */
START_TEST (test_v7_without_findings_refused)
{
  sqlite3 *db = NULL;
  g_autofree char *path = g_strdup (fx.path);

  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; DROP TABLE finding_history;", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, CIRT_STORE_ERROR_NOT_A_DB, "another program");
}
END_TEST

/* Schema 7 → 8: assessment.country_code and region, filled in from the
 * country's name where the table of countries knows it (any case, spaces
 * around, English names and aliases, the other UN languages), and a
 * byte-for-byte copy of the file as it was. The old file is made from a
 * current one with the two columns dropped. */
START_TEST (test_migrate_from_v7)
{
  static const struct { const char *country; const char *code; const char *region; } cases[] = {
    { "France", "FR", "europe" },
    { "  kenya ", "KE", "africa" },
    { "Côte d'Ivoire", "CI", "africa" },
    { "United Kingdom", "GB", "europe" },
    { "UK", "GB", "europe" },
    { "Франция", "FR", "europe" },
    { "Estados Unidos", "US", "americas" },
    { "Arabie saoudite", "SA", "arab-states" },
    { "Palau", "PW", NULL },
    { "Atlantis", NULL, NULL },
    { "Examplia", NULL, NULL },
  };
  g_autofree char *path = cirt_test_tmp_path ("v7.db");
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *before = NULL, *bak_sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  char *ids[G_N_ELEMENTS (cases)];
  sqlite3 *db = NULL;
  int version = -1;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
      g_autoptr(GPtrArray) insts = g_ptr_array_new ();

      info->title = g_strdup_printf ("Mission %u", i);
      info->country = g_strdup (cases[i].country);
      g_ptr_array_add (insts, fx.inst);
      ids[i] = cirt_store_create_assessment (store, info, insts, &error);
      ck_assert_msg (ids[i] != NULL, "%s", error ? error->message : "");
    }
  g_clear_object (&store);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "ALTER TABLE assessment DROP COLUMN country_code;"
                                      "ALTER TABLE assessment DROP COLUMN region;"
                                      /* and what came after schema 8: the reviews, the evidence vault */
                                      "DROP TABLE review_history; DROP TABLE review;"
                                      "DROP TRIGGER evidence_blob_release; DROP TRIGGER evidence_blob_release_history;"
                                      "DROP TABLE evidence_history; DROP TABLE evidence; DROP TABLE evidence_blob;"
                                      "ALTER TABLE assessment DROP COLUMN evidenced_only;"
                                      SQL_BEFORE_INTERVIEWS
                                      "PRAGMA user_version = 7;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  before = cirt_test_file_sha256 (path);

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (store, ids[i], &error);

      ck_assert_ptr_nonnull (info);
      ck_assert_str_eq (info->country, cases[i].country);
      ck_assert_msg (g_strcmp0 (info->country_code, cases[i].code) == 0, "\"%s\": code %s, expected %s",
                     cases[i].country, info->country_code, cases[i].code);
      ck_assert_msg (g_strcmp0 (info->region, cases[i].region) == 0, "\"%s\": region %s, expected %s",
                     cases[i].country, info->region, cases[i].region);
      g_free (ids[i]);
    }
  g_clear_object (&store);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    /* The upgrade's table of names was temporary. */
    sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'country_name'", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    ck_assert_int_eq (sqlite3_column_int (stmt, 0), 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  ck_assert_int_eq (version, CIRT_STORE_SCHEMA_VERSION);
}
END_TEST

/* The code and region are checked: an unknown code or region is refused
 * with its value named, and nothing is written. */
START_TEST (test_country_code_and_region)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (fx.store, fx.id, NULL);
  g_autoptr(CirtAssessmentInfo) back = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (info->country_code);
  g_free (info->country_code);
  info->country_code = g_strdup ("ke");
  info->region = g_strdup ("africa");
  ck_assert_msg (cirt_store_update_assessment (fx.store, info, &error), "%s", error ? error->message : "");
  back = cirt_store_get_assessment (fx.store, fx.id, NULL);
  ck_assert_str_eq (back->country_code, "KE");
  ck_assert_str_eq (back->region, "africa");

  g_free (info->country_code);
  info->country_code = g_strdup ("ZZ");
  ck_assert (!cirt_store_update_assessment (fx.store, info, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID));
  ck_assert_ptr_nonnull (strstr (error->message, "\"ZZ\""));
  g_clear_error (&error);
  g_free (info->country_code);
  info->country_code = NULL;
  g_free (info->region);
  info->region = g_strdup ("Oceania");
  ck_assert (!cirt_store_update_assessment (fx.store, info, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "\"Oceania\""));
  g_clear_pointer (&back, cirt_assessment_info_free);
  back = cirt_store_get_assessment (fx.store, fx.id, NULL);
  ck_assert_str_eq (back->country_code, "KE");
  ck_assert_str_eq (back->region, "africa");
}
END_TEST

static Suite *
store_suite (void)
{
  Suite *s = suite_create ("store");
  TCase *tc = tcase_create ("data");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_assessment_round_trip);
  tcase_add_test (tc, test_invalid_assessment_refused);
  tcase_add_test (tc, test_answers_and_history);
  tcase_add_test (tc, test_notes_before_value);
  tcase_add_test (tc, test_answer_refusals);
  tcase_add_test (tc, test_targets_and_stakeholders);
  tcase_add_test (tc, test_persistence);
  tcase_add_test (tc, test_snapshot_survives_instrument_change);
  tcase_add_test (tc, test_resolve_and_delete);
  tcase_add_test (tc, test_baseline);
  tcase_add_test (tc, test_signals);
  tcase_add_test (tc, test_findings_crud);
  tcase_add_test (tc, test_findings_refused);
  tcase_add_test (tc, test_findings_refresh);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_file_mode);
  tcase_add_test (tc, test_not_sqlite);
  tcase_add_test (tc, test_foreign_sqlite);
  tcase_add_test (tc, test_foreign_sqlite_same_table_name);
  tcase_add_test (tc, test_newer_version);
  tcase_add_test (tc, test_truncated);
  tcase_add_test (tc, test_corrupt);
  tcase_add_test (tc, test_damaged_copy_not_in_wal);
  tcase_add_test (tc, test_failed_upgrade_leaves_file);
  tcase_add_test (tc, test_migrate_from_v1);
  tcase_add_test (tc, test_migrate_from_v6);
  tcase_add_test (tc, test_v7_without_findings_refused);
  tcase_add_test (tc, test_migrate_from_v7);
  tcase_add_test (tc, test_country_code_and_region);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (store_suite ());
}
