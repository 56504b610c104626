/* cirt-store.c — the SQLite database of assessments and answers: opening,
 * statements, transactions, announcements; assessments, targets, stakeholders
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cirt-countries.h"

G_DEFINE_FINAL_TYPE (CirtStore, cirt_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cirt-store-error-quark, cirt_store_error)

enum {
  ASSESSMENTS_CHANGED,
  ASSESSMENT_CHANGED,
  ANSWER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

void
_cirt_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_cirt_column_text (sqlite3_stmt *stmt,
                   int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);
  return t ? g_strdup ((const char *) t) : NULL;
}

const char *
_cirt_empty_to_null (const char *s)
{
  return s && *s ? s : NULL;
}

gboolean
_cirt_check_text (const char  *what,
                  const char  *value,
                  gboolean     required,
                  gsize        max,
                  GError     **error)
{
  gsize len;

  if (value == NULL || cirt_text_is_blank (value))
    {
      if (required)
        {
          /* translators: %s names a field: "the title must not be empty" */
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("the %s must not be empty"), what);
          return FALSE;
        }
      return TRUE;
    }
  len = strlen (value);
  if (len > max)
    {
      g_autofree char *size = g_strdup_printf ("%.1f MB", len / 1048576.0);
      g_autofree char *limit = g_strdup_printf ("%.1f MB", max / 1048576.0);
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   /* translators: "the notes are too long (50.0 MB; at most 1.0 MB is kept in one field)" */
                   _("the %s is too long (%s; at most %s is kept in one field)"), what, size, limit);
      return FALSE;
    }
  if (!g_utf8_validate_len (value, len, NULL))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("the %s is not valid UTF-8 text"), what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cirt_check_date (const char  *what,
                  const char  *value,
                  GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (strlen (value) == 10)
    {
      g_autofree char *iso = g_strconcat (value, "T00:00:00Z", NULL);
      dt = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (dt == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   /* translators: "the start date "3 March" is not a date; write it as YYYY-MM-DD" */
                   _("the %s \"%s\" is not a date; write it as YYYY-MM-DD"), what, value);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

gboolean
_cirt_store_fail (CirtStore   *self,
                  GError     **error,
                  const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *detail = sqlite3_errmsg (self->db);
  g_autofree char *path = g_filename_display_name (self->path);

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_FULL,
                   /* translators: "DATABASE: cannot save the answer: the disk is full; nothing was written" */
                   _("%s: %s: the disk is full; nothing was written"), path, what);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_READ_ONLY,
                   _("%s: %s: the database cannot be written (read-only file or media)"), path, what);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_BUSY,
                   _("%s: %s: another program kept the database locked; try again"), path, what);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   _("%s is damaged (%s). It was left unchanged; restore it from a backup."), path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB,
                   _("%s is not a CIRT Assess database (it is not an SQLite file). It was left unchanged."), path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_SQL,
                   /* translators: the last %s is SQLite's own message */
                   _("%s: %s: the disk could not be read or written (%s)"), path, what, detail);
      break;
    default:
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_SQL, "%s: %s (%s)", path, what, detail);
      break;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

void
_cirt_stmt_release (CirtStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

CirtStmt *
_cirt_store_stmt (CirtStore   *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      /* A statement is used by one caller at a time: a nested use of the
       * same one would reset the outer caller's rows. */
      g_assert (!sqlite3_stmt_busy (stmt));
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _cirt_store_fail (self, error, _("cannot read the database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

sqlite3_stmt *
_cirt_store_prepare (CirtStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _cirt_store_fail (self, error, _("cannot read the database"));
      return NULL;
    }
  return stmt;
}

gboolean
_cirt_store_exec (CirtStore   *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _cirt_store_fail (self, error, _("cannot write to the database"));
  return TRUE;
}

gboolean
_cirt_store_step (CirtStore    *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _cirt_store_fail (self, error, sqlite3_stmt_readonly (stmt) ? _("cannot read the database")
                                                                     : _("cannot write to the database"));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Transactions and announcements                                           */

static void
change_clear (Change *change)
{
  g_clear_pointer (&change->assessment, g_free);
  g_clear_pointer (&change->question, g_free);
}

static char *
change_key (const char *assessment,
            const char *question)
{
  return g_strdup_printf ("%s\037%s", assessment ? assessment : "\001", question ? question : "\001");
}

/* Drops the pending changes from @len on (a rolled-back part). */
static void
pending_truncate (CirtStore *self,
                  guint      len)
{
  for (guint i = len; i < self->pending->len; i++)
    {
      Change *c = &g_array_index (self->pending, Change, i);
      g_autofree char *key = change_key (c->assessment, c->question);
      g_hash_table_remove (self->pending_keys, key);
    }
  if (self->pending->len > len)
    g_array_set_size (self->pending, len);
}

static void
emit_change (CirtStore    *self,
             const Change *change)
{
  if (change->assessment == NULL)
    g_signal_emit (self, signals[ASSESSMENTS_CHANGED], 0);
  else if (change->question != NULL)
    g_signal_emit (self, signals[ANSWER_CHANGED], 0, change->assessment, change->question);
  else
    g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, change->assessment);
}

void
_cirt_store_changed (CirtStore  *self,
                     const char *assessment,
                     const char *question)
{
  Change change = { (char *) assessment, (char *) question };

  if (self->depth == 0 && self->collecting == 0)
    {
      emit_change (self, &change);
      if (question != NULL)
        _cirt_store_changed (self, assessment, NULL);
      return;
    }
  /* Once each: an import touching one assessment 500 times announces it once. */
  {
    char *key = change_key (assessment, question);
    if (!g_hash_table_add (self->pending_keys, key))
      return;
  }
  change.assessment = g_strdup (assessment);
  change.question = g_strdup (question);
  g_array_append_val (self->pending, change);
  if (question != NULL)
    _cirt_store_changed (self, assessment, NULL);
}

static void
announce_pending (CirtStore *self)
{
  g_autoptr(GArray) changes = self->pending;

  /* Handlers may write again (and queue anew). */
  self->pending = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->pending, (GDestroyNotify) change_clear);
  g_hash_table_remove_all (self->pending_keys);
  g_object_ref (self);
  /* Answers first, then assessments, then the list: a view refreshing on
   * "assessment-changed" sees every answer already announced. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < changes->len; i++)
      {
        Change *c = &g_array_index (changes, Change, i);
        int kind = c->question != NULL ? 0 : c->assessment != NULL ? 1 : 2;
        if (kind == pass)
          emit_change (self, c);
      }
  g_object_unref (self);
}

/* Transaction statements, prepared once like every other (an import makes
 * a savepoint per answer). Deeper nesting than this is made as text. */
#define N_CACHED_LEVELS 8
static const char * const savepoint_sql[N_CACHED_LEVELS] = {
  "BEGIN IMMEDIATE", "SAVEPOINT cirt1", "SAVEPOINT cirt2", "SAVEPOINT cirt3", "SAVEPOINT cirt4",
  "SAVEPOINT cirt5", "SAVEPOINT cirt6", "SAVEPOINT cirt7",
};
static const char * const release_sql[N_CACHED_LEVELS] = {
  "COMMIT", "RELEASE cirt1", "RELEASE cirt2", "RELEASE cirt3", "RELEASE cirt4", "RELEASE cirt5", "RELEASE cirt6",
  "RELEASE cirt7",
};
static const char * const rollback_sql[N_CACHED_LEVELS] = {
  "ROLLBACK", "ROLLBACK TO cirt1", "ROLLBACK TO cirt2", "ROLLBACK TO cirt3", "ROLLBACK TO cirt4",
  "ROLLBACK TO cirt5", "ROLLBACK TO cirt6", "ROLLBACK TO cirt7",
};

/* Runs transaction statement @level of @table, or "@verb cirtN" made as text. */
static gboolean
run_level (CirtStore          *self,
           const char * const *table,
           const char         *verb,
           guint               level,
           GError            **error)
{
  if (level < N_CACHED_LEVELS)
    {
      g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, table[level], error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return _cirt_store_fail (self, error, _("cannot write to the database"));
      return TRUE;
    }
  {
    g_autofree char *sql = g_strdup_printf ("%s cirt%u", verb, level);
    return _cirt_store_exec (self, sql, error);
  }
}

gboolean
_cirt_store_begin (CirtStore  *self,
                   GError    **error)
{
  guint mark = self->pending->len;

  if (self->read_only)
    {
      g_autofree char *path = g_filename_display_name (self->path);
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_READ_ONLY,
                   _("%s was opened read-only (it is on read-only media or cannot be written): "
                     "nothing can be changed in it"), path);
      return FALSE;
    }
  if (!run_level (self, savepoint_sql, "SAVEPOINT", self->depth, error))
    return FALSE;
  self->depth++;
  g_array_append_val (self->marks, mark);
  return TRUE;
}

gboolean
_cirt_store_commit (CirtStore  *self,
                    GError    **error)
{
  g_assert (self->depth > 0);
  if (!run_level (self, release_sql, "RELEASE", self->depth - 1, error))
    return FALSE;
  self->depth--;
  g_array_set_size (self->marks, self->depth);
  if (self->depth == 0)
    announce_pending (self);
  return TRUE;
}

void
_cirt_store_rollback (CirtStore *self)
{
  guint mark;

  if (self->depth == 0)
    return;
  self->depth--;
  mark = g_array_index (self->marks, guint, self->depth);
  g_array_set_size (self->marks, self->depth);
  /* What the rolled-back part changed did not happen. */
  pending_truncate (self, mark);
  /* A rollback that fails leaves nothing better to do; SQLite has then
   * rolled back the whole transaction itself. */
  run_level (self, rollback_sql, "ROLLBACK TO", self->depth, NULL);
  if (self->depth > 0)
    run_level (self, release_sql, "RELEASE", self->depth, NULL);
}

gboolean
cirt_store_transaction_begin (CirtStore  *self,
                              GError    **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  return _cirt_store_begin (self, error);
}

gboolean
cirt_store_transaction_commit (CirtStore  *self,
                               GError    **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  return _cirt_store_commit (self, error);
}

void
cirt_store_transaction_rollback (CirtStore *self)
{
  g_return_if_fail (CIRT_IS_STORE (self));
  _cirt_store_rollback (self);
}

/* ------------------------------------------------------------------------ */
/* Changes made through other connections                                   */

static gboolean
query_int64 (CirtStore  *self,
             const char *sql,
             gint64     *out,
             GError    **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = 0;
  else
    return _cirt_store_fail (self, error, _("cannot read the database"));
  return TRUE;
}

/* What the store knows now, to tell later changes from it. */
static gboolean
take_note (CirtStore  *self,
           GError    **error)
{
  g_autoptr(CirtStmt) stmt = NULL;

  if (!query_int64 (self, "PRAGMA data_version", &self->data_version, error) ||
      !query_int64 (self, "SELECT max(id) FROM answer_history", &self->seen_history, error) ||
      !query_int64 (self, "SELECT count(*) FROM assessment", &self->seen_count, error))
    return FALSE;
  stmt = _cirt_store_stmt (self, "SELECT max(updated_at) FROM assessment", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _cirt_store_fail (self, error, _("cannot read the database"));
  g_free (self->seen_latest);
  self->seen_latest = _cirt_column_text (stmt, 0);
  return TRUE;
}

static gboolean find_changes (CirtStore  *self,
                              GError    **error);

gboolean
cirt_store_refresh (CirtStore  *self,
                    GError    **error)
{
  gint64 version = 0;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!query_int64 (self, "PRAGMA data_version", &version, error))
    return FALSE;
  if (version == self->data_version)
    return TRUE;
  self->data_version = version;
  /* Announced together at the end, each change once. */
  self->collecting++;
  if (!find_changes (self, error))
    {
      self->collecting--;
      pending_truncate (self, 0);
      return FALSE;
    }
  self->collecting--;
  if (self->depth == 0)
    announce_pending (self);
  return TRUE;
}

static gboolean
find_changes (CirtStore  *self,
              GError    **error)
{
  gint64 count = 0;
  gboolean list_changed = FALSE;
  int rc;

  /* Answers: the history has a row for every change of one. */
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "SELECT id, assessment, question FROM answer_history WHERE id > ? ORDER BY id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, self->seen_history);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        self->seen_history = sqlite3_column_int64 (stmt, 0);
        _cirt_store_changed (self, (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2));
      }
    if (rc != SQLITE_DONE)
      return _cirt_store_fail (self, error, _("cannot read the database"));
  }

  /* Assessments: every change touches updated_at (UTC, to the millisecond:
   * it sorts as text). Those touched since the latest time seen changed; a
   * count that differs means some were added or removed. */
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "SELECT uuid, updated_at FROM assessment WHERE ?1 IS NULL OR updated_at >= ?1", error);
    g_autofree char *latest = g_strdup (self->seen_latest);

    if (stmt == NULL)
      return FALSE;
    _cirt_bind_text (stmt, 1, self->seen_latest);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
        const char *updated = (const char *) sqlite3_column_text (stmt, 1);

        list_changed = TRUE;
        _cirt_store_changed (self, uuid, NULL);
        if (g_strcmp0 (updated, latest) > 0)
          {
            g_free (latest);
            latest = g_strdup (updated);
          }
      }
    if (rc != SQLITE_DONE)
      return _cirt_store_fail (self, error, _("cannot read the database"));
    g_free (self->seen_latest);
    self->seen_latest = g_steal_pointer (&latest);
  }
  if (!query_int64 (self, "SELECT count(*) FROM assessment", &count, error))
    return FALSE;
  if (count != self->seen_count)
    list_changed = TRUE;
  self->seen_count = count;
  if (list_changed)
    _cirt_store_changed (self, NULL, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------------ */
/* Instruments parsed ahead, in a thread                                     */

typedef struct {
  char *json;
  gsize len;
  char *origin;
} PrefetchJob;

static gpointer
prefetch_thread (gpointer data)
{
  PrefetchJob *job = data;
  CirtInstrument *inst = cirt_instrument_new_from_data (job->json, job->len, job->origin, NULL);

  g_free (job->json);
  g_free (job->origin);
  g_free (job);
  return inst;   /* NULL when it cannot be read: the ordinary path says why */
}

static void
prefetch_join_and_drop (gpointer thread)
{
  CirtInstrument *inst = g_thread_join (thread);
  g_clear_object (&inst);
}

static char *
stored_origin (CirtStore  *self,
               const char *id)
{
  g_autofree char *display = g_filename_display_name (self->path);
  /* translators: where an instrument was read from: "DATABASE (stored copy of itu-cirt-readiness)" */
  return g_strdup_printf (_("%s (stored copy of %s)"), display, id);
}

void
cirt_store_prefetch_instruments (CirtStore  *self,
                                 const char *assessment_id)
{
  g_autoptr(CirtStmt) stmt = NULL;

  g_return_if_fail (CIRT_IS_STORE (self));
  g_return_if_fail (assessment_id != NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT i.sha256, i.id, i.json FROM assessment_instrument ai JOIN instrument i ON i.sha256 = ai.instrument"
    " WHERE ai.assessment = ? ORDER BY ai.position", NULL);
  if (stmt == NULL)
    return;   /* the open that follows reports it */
  _cirt_bind_text (stmt, 1, assessment_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha = (const char *) sqlite3_column_text (stmt, 0);
      PrefetchJob *job;

      if (g_hash_table_contains (self->instruments, sha) || g_hash_table_contains (self->prefetching, sha))
        continue;
      job = g_new0 (PrefetchJob, 1);
      job->len = (gsize) sqlite3_column_bytes (stmt, 2);
      job->json = g_strndup ((const char *) sqlite3_column_text (stmt, 2), job->len);
      job->origin = stored_origin (self, (const char *) sqlite3_column_text (stmt, 1));
      g_hash_table_insert (self->prefetching, g_strdup (sha), g_thread_new ("cirt-prefetch", prefetch_thread, job));
    }
}

/* The instrument a prefetch thread parsed, once it is done; NULL if none was
 * asked for or it could not be read. */
static CirtInstrument *
take_prefetched (CirtStore  *self,
                 const char *sha256)
{
  gpointer key = NULL, thread = NULL;

  if (!g_hash_table_steal_extended (self->prefetching, sha256, &key, &thread))
    return NULL;
  g_free (key);
  return g_thread_join (thread);
}

static void
cirt_store_finalize (GObject *object)
{
  CirtStore *self = CIRT_STORE (object);

  g_clear_pointer (&self->prefetching, g_hash_table_unref);   /* joins the threads */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->instruments, g_hash_table_unref);
  g_free (self->seen_latest);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->pending_keys, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->path);

  G_OBJECT_CLASS (cirt_store_parent_class)->finalize (object);
}

static void
cirt_store_class_init (CirtStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_store_finalize;

  /* Emitted when an assessment is created or deleted (and, for changes
   * made elsewhere, when the list may show something new). */
  signals[ASSESSMENTS_CHANGED] =
    g_signal_new ("assessments-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted when anything of one assessment changes (metadata, answers,
   * targets, stakeholders, conflicts). */
  signals[ASSESSMENT_CHANGED] =
    g_signal_new ("assessment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Emitted when one answer changes: (assessment id, question id). */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cirt_store_init (CirtStore *self)
{
  self->instruments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->prefetching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, prefetch_join_and_drop);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, statement_free);
  self->pending = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->pending, (GDestroyNotify) change_clear);
  self->pending_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

char *
cirt_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cirt-assess", "assessments.db", NULL);
}

const char *
cirt_store_get_path (CirtStore *self)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  return self->path;
}

gboolean
cirt_store_is_read_only (CirtStore *self)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  return self->read_only;
}

/* Whether a new file can be made in @path's folder (the -wal and -shm files
 * of a database live beside it). */
static gboolean
folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  return g_access (dir, W_OK) == 0;
}

static gboolean
open_connection (CirtStore  *self,
                 const char *path,
                 gboolean    immutable,
                 GError    **error)
{
  g_autofree char *uri = NULL;
  int flags = (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX |
              SQLITE_OPEN_URI;
  int rc;

  {
    g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
    uri = g_strdup_printf ("file:%s%s", escaped, immutable ? "?immutable=1" : "");
  }
  rc = sqlite3_open_v2 (uri, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                   _("%s cannot be opened now (%s). It was left unchanged."), display,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

CirtStore *
cirt_store_open_full (const char          *path,
                      CirtStoreOpenFlags   flags,
                      GError             **error)
{
  g_autoptr(CirtStore) self = NULL;
  g_autofree char *display = NULL;
  gboolean exists, created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CIRT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  display = g_filename_display_name (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN, _("%s is a folder, not a database file"), display);
      return NULL;
    }
  self->read_only = (flags & CIRT_STORE_OPEN_READ_ONLY) != 0 ||
                    (exists && (g_access (path, W_OK) != 0 || !folder_writable (path)));
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int fd;

      if (self->read_only)
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN, _("there is no database %s"), display);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_autofree char *ddisplay = g_filename_display_name (dir);
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                       _("cannot create the folder %s: %s"), ddisplay, g_strerror (saved));
          return NULL;
        }
      /* Create it ourselves so it is private from the first byte. */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                       _("cannot create %s: %s"), display, g_strerror (saved));
          return NULL;
        }
      close (fd);
      created = TRUE;
    }

  if (!open_connection (self, path, FALSE, error))
    {
      if (created)
        g_unlink (path);
      return NULL;
    }
  if (!_cirt_store_prepare_schema (self, created, error))
    {
      g_autoptr(GError) local_error = NULL;

      /* On read-only media a database in WAL mode cannot be read without
       * its shared-memory file, which cannot be made there: read it as an
       * immutable file instead (nothing else can change it either). */
      if (!self->read_only || error == NULL || *error == NULL ||
          !g_error_matches (*error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN) || folder_writable (path))
        {
          if (created)
            g_unlink (path);
          return NULL;
        }
      g_clear_pointer (&self->db, sqlite3_close_v2);
      g_hash_table_remove_all (self->statements);
      if (!open_connection (self, path, TRUE, &local_error) ||
          !_cirt_store_prepare_schema (self, FALSE, &local_error))
        return NULL;
      g_clear_error (error);
    }
  if (!take_note (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CirtStore *
cirt_store_open (const char  *path,
                 GError     **error)
{
  return cirt_store_open_full (path, CIRT_STORE_OPEN_DEFAULT, error);
}

gboolean
cirt_store_check (CirtStore  *self,
                  GPtrArray  *problems,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) fk = NULL;
  g_autoptr(sqlite3_stmt) counts = NULL;
  g_autoptr(sqlite3_stmt) snapshots = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!_cirt_store_integrity_check (self, problems, error))
    return FALSE;
  if (problems->len > 0)
    return TRUE;   /* the rest cannot be trusted on a damaged file */

  fk = _cirt_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (fk == NULL)
    return FALSE;
  while ((rc = sqlite3_step (fk)) == SQLITE_ROW)
    g_ptr_array_add (problems, g_strdup_printf (_("a row of %s refers to a missing row of %s"),
                                                sqlite3_column_text (fk, 0), sqlite3_column_text (fk, 2)));
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot check the database"));

  counts = _cirt_store_prepare (self,
    "SELECT a.uuid, a.title, a.n_answered, (SELECT count(*) FROM answer an WHERE an.assessment = a.uuid"
    " AND (an.value IS NOT NULL OR an.not_applicable)) FROM assessment a", error);
  if (counts == NULL)
    return FALSE;
  while ((rc = sqlite3_step (counts)) == SQLITE_ROW)
    if (sqlite3_column_int64 (counts, 2) != sqlite3_column_int64 (counts, 3))
      g_ptr_array_add (problems,
                       g_strdup_printf (_("“%s” (%s) counts %d answers but holds %d"),
                                        sqlite3_column_text (counts, 1), sqlite3_column_text (counts, 0),
                                        sqlite3_column_int (counts, 2), sqlite3_column_int (counts, 3)));
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot check the database"));

  snapshots = _cirt_store_prepare (self, "SELECT sha256 FROM instrument", error);
  if (snapshots == NULL)
    return FALSE;
  while ((rc = sqlite3_step (snapshots)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      if (_cirt_store_instrument_by_sha (self, (const char *) sqlite3_column_text (snapshots, 0), &local_error) == NULL)
        g_ptr_array_add (problems, g_strdup (local_error->message));
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot check the database"));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Instruments                                                              */

CirtInstrument *
_cirt_store_instrument_by_sha (CirtStore   *self,
                               const char  *sha256,
                               GError     **error)
{
  CirtInstrument *inst = g_hash_table_lookup (self->instruments, sha256);
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *display = NULL;

  if (inst != NULL)
    return inst;
  inst = take_prefetched (self, sha256);
  if (inst != NULL && g_strcmp0 (cirt_instrument_get_sha256 (inst), sha256) == 0)
    {
      g_hash_table_insert (self->instruments, g_strdup (sha256), inst);
      return inst;
    }
  g_clear_object (&inst);
  stmt = _cirt_store_stmt (self, "SELECT id, json FROM instrument WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, sha256);
  display = g_filename_display_name (self->path);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   _("%s: the instrument snapshot %s is missing"), display, sha256);
      return NULL;
    }
  origin = stored_origin (self, (const char *) sqlite3_column_text (stmt, 0));
  inst = cirt_instrument_new_from_data ((const char *) sqlite3_column_text (stmt, 1),
                                        sqlite3_column_bytes (stmt, 1), origin, &local_error);
  if (inst == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   _("the stored instrument cannot be read: %s"), local_error->message);
      return NULL;
    }
  g_hash_table_insert (self->instruments, g_strdup (sha256), inst);
  return inst;
}

gboolean
_cirt_store_index_instrument (CirtStore       *self,
                              CirtInstrument  *inst,
                              GError         **error)
{
  const char *sha = cirt_instrument_get_sha256 (inst);

  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);

      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
            "INSERT OR IGNORE INTO question (instrument, id, kind, options) VALUES (?, ?, ?, ?)", error);
          g_autoptr(GString) options = NULL;

          if (stmt == NULL)
            return FALSE;
          if (qu->options != NULL)
            {
              options = g_string_new (NULL);
              for (guint o = 0; o < qu->options->len; o++)
                {
                  if (o > 0)
                    g_string_append_c (options, ',');
                  g_string_append (options, ((CirtOption *) g_ptr_array_index (qu->options, o))->id);
                }
            }
          _cirt_bind_text (stmt, 1, sha);
          _cirt_bind_text (stmt, 2, qu->id);
          _cirt_bind_text (stmt, 3, cirt_kind_to_string (qu->kind));
          _cirt_bind_text (stmt, 4, options ? options->str : NULL);
          if (!_cirt_store_step (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
cirt_store_get_instruments (CirtStore   *self,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "SELECT instrument FROM assessment_instrument WHERE assessment = ? ORDER BY position", error);
    if (stmt == NULL)
      return NULL;
    _cirt_bind_text (stmt, 1, id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (shas, _cirt_column_text (stmt, 0));
    if (rc != SQLITE_DONE)
      {
        _cirt_store_fail (self, error, _("cannot read the assessment's instruments"));
        return NULL;
      }
  }
  if (shas->len == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      return NULL;
    }
  for (guint i = 0; i < shas->len; i++)
    {
      CirtInstrument *inst = _cirt_store_instrument_by_sha (self, g_ptr_array_index (shas, i), error);
      if (inst == NULL)
        return NULL;
      g_ptr_array_add (result, g_object_ref (inst));
    }
  return g_steal_pointer (&result);
}

const CirtQuestion *
cirt_store_lookup_question (CirtStore   *self,
                            const char  *id,
                            const char  *question,
                            GError     **error)
{
  g_autoptr(GPtrArray) instruments = cirt_store_get_instruments (self, id, error);

  if (instruments == NULL)
    return NULL;
  for (guint i = 0; i < instruments->len; i++)
    {
      const CirtQuestion *q = cirt_instrument_lookup_question (g_ptr_array_index (instruments, i), question);
      if (q != NULL)
        return q;   /* owned by the cached instrument, which outlives this call */
    }
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
               _("no question \"%s\" in this assessment's instruments"), question);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Assessments                                                              */

static gboolean
check_info (const CirtAssessmentInfo *info,
            GError                  **error)
{
  if (!_cirt_check_text (_("title"), info->title, TRUE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_text (_("country"), info->country, TRUE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_text (_("organisation"), info->organisation, FALSE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_text (_("lead assessor"), info->lead_assessor, FALSE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_text (_("assessors"), info->assessors, FALSE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_date (_("start date"), info->started_on, error) ||
      !_cirt_check_date (_("end date"), info->ended_on, error))
    return FALSE;
  if (info->phase != NULL && !cirt_mission_phase_is_valid (info->phase))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("unknown phase \"%s\" (expected assessment, design, establishment or enhancement)"), info->phase);
      return FALSE;
    }
  if (info->status != NULL && strcmp (info->status, "in-progress") != 0 && strcmp (info->status, "completed") != 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("unknown status \"%s\" (expected in-progress or completed)"), info->status);
      return FALSE;
    }
  if (info->country_code != NULL && cirt_country_lookup (info->country_code) == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("unknown country code \"%s\" (expected an ISO 3166-1 alpha-2 code such as FR or KE)"),
                   info->country_code);
      return FALSE;
    }
  if (info->region != NULL && !cirt_region_is_valid (info->region))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("unknown region \"%s\" (expected africa, americas, arab-states, asia-pacific, cis or europe)"),
                   info->region);
      return FALSE;
    }
  return TRUE;
}

/* The stored form of a country code: upper case ("fr" → "FR"). */
static const char *
stored_code (const CirtAssessmentInfo *info)
{
  const CirtCountry *country = cirt_country_lookup (info->country_code);
  return country ? country->code : NULL;
}

gboolean
_cirt_store_assessment_exists (CirtStore  *self,
                               const char *id)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT 1 FROM assessment WHERE uuid = ?", NULL);

  if (stmt == NULL || id == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

void
_cirt_store_touch (CirtStore  *self,
                   const char *id,
                   const char *now)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "UPDATE assessment SET updated_at = ? WHERE uuid = ?", NULL);

  if (stmt == NULL)
    return;
  _cirt_bind_text (stmt, 1, now);
  _cirt_bind_text (stmt, 2, id);
  sqlite3_step (stmt);
}

static gboolean
check_instruments (GPtrArray  *instruments,
                   GError    **error)
{
  g_autoptr(GHashTable) qids = g_hash_table_new (g_str_hash, g_str_equal);

  if (instruments == NULL || instruments->len == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("an assessment needs at least one instrument"));
      return FALSE;
    }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (guint j = 0; j < i; j++)
        if (strcmp (cirt_instrument_get_id (g_ptr_array_index (instruments, j)), cirt_instrument_get_id (inst)) == 0)
          {
            g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                         _("the instrument \"%s\" is listed twice"), cirt_instrument_get_id (inst));
            return FALSE;
          }
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              if (g_hash_table_contains (qids, qu->id))
                {
                  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                               _("instruments \"%s\" and \"%s\" both have a question \"%s\"; they cannot be used together"),
                               (const char *) g_hash_table_lookup (qids, qu->id), cirt_instrument_get_id (inst), qu->id);
                  return FALSE;
                }
              g_hash_table_insert (qids, qu->id, (gpointer) cirt_instrument_get_id (inst));
            }
        }
    }
  return TRUE;
}

char *
cirt_store_create_assessment (CirtStore                *self,
                              const CirtAssessmentInfo *info,
                              GPtrArray                *instruments,
                              GError                  **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!check_info (info, error) || !check_instruments (instruments, error))
    return NULL;
  if (info->baseline != NULL && !_cirt_store_assessment_exists (self, info->baseline))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                   _("no earlier assessment %s to follow up"), info->baseline);
      return NULL;
    }
  if (info->id != NULL)
    {
      if (!g_uuid_string_is_valid (info->id))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not an assessment id"), info->id);
          return NULL;
        }
      uuid = g_ascii_strdown (info->id, -1);
      if (_cirt_store_assessment_exists (self, uuid))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("an assessment %s already exists"), info->id);
          return NULL;
        }
    }
  else
    uuid = g_uuid_string_random ();

  if (!_cirt_store_begin (self, error))
    return NULL;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "INSERT INTO assessment (uuid, title, country, organisation, phase, lead_assessor, assessors,"
      " status, started_on, ended_on, baseline, created_at, updated_at, country_code, region)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, uuid);
    _cirt_bind_text (stmt, 2, info->title);
    _cirt_bind_text (stmt, 3, info->country);
    _cirt_bind_text (stmt, 4, _cirt_empty_to_null (info->organisation));
    _cirt_bind_text (stmt, 5, info->phase ? info->phase : "assessment");
    _cirt_bind_text (stmt, 6, _cirt_empty_to_null (info->lead_assessor));
    _cirt_bind_text (stmt, 7, _cirt_empty_to_null (info->assessors));
    _cirt_bind_text (stmt, 8, info->status ? info->status : "in-progress");
    _cirt_bind_text (stmt, 9, _cirt_empty_to_null (info->started_on));
    _cirt_bind_text (stmt, 10, _cirt_empty_to_null (info->ended_on));
    _cirt_bind_text (stmt, 11, info->baseline);
    _cirt_bind_text (stmt, 12, info->created_at ? info->created_at : now);
    _cirt_bind_text (stmt, 13, now);
    _cirt_bind_text (stmt, 14, stored_code (info));
    _cirt_bind_text (stmt, 15, info->region);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autoptr(CirtStmt) ins = _cirt_store_stmt (self,
        "INSERT OR IGNORE INTO instrument (sha256, id, version, json, added_at, n_questions)"
        " VALUES (?,?,?,?,?,?)", &local_error);

      if (ins == NULL)
        goto fail;
      _cirt_bind_text (ins, 1, cirt_instrument_get_sha256 (inst));
      _cirt_bind_text (ins, 2, cirt_instrument_get_id (inst));
      _cirt_bind_text (ins, 3, cirt_instrument_get_version (inst));
      _cirt_bind_text (ins, 4, cirt_instrument_get_json (inst));
      _cirt_bind_text (ins, 5, now);
      sqlite3_bind_int (ins, 6, (int) cirt_instrument_get_n_questions (inst));
      if (!_cirt_store_step (self, ins, &local_error))
        goto fail;
      if (sqlite3_changes (self->db) > 0 && !_cirt_store_index_instrument (self, inst, &local_error))
        goto fail;
      {
        g_autoptr(CirtStmt) link = _cirt_store_stmt (self,
          "INSERT INTO assessment_instrument (assessment, position, instrument) VALUES (?,?,?)", &local_error);
        if (link == NULL)
          goto fail;
        _cirt_bind_text (link, 1, uuid);
        sqlite3_bind_int (link, 2, i);
        _cirt_bind_text (link, 3, cirt_instrument_get_sha256 (inst));
        if (!_cirt_store_step (self, link, &local_error))
          goto fail;
      }
      /* The parsed instrument serves this connection from now on. */
      if (!g_hash_table_contains (self->instruments, cirt_instrument_get_sha256 (inst)))
        g_hash_table_insert (self->instruments, g_strdup (cirt_instrument_get_sha256 (inst)), g_object_ref (inst));
    }
  _cirt_store_changed (self, NULL, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return g_steal_pointer (&uuid);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cirt_store_update_assessment (CirtStore                *self,
                              const CirtAssessmentInfo *info,
                              GError                  **error)
{
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!check_info (info, error))
    return FALSE;
  if (info->baseline != NULL &&
      (g_strcmp0 (info->baseline, info->id) == 0 || !_cirt_store_assessment_exists (self, info->baseline)))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s cannot be the baseline of this assessment"), info->baseline);
      return FALSE;
    }
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "UPDATE assessment SET title = ?, country = ?, organisation = ?, phase = ?, lead_assessor = ?,"
      " assessors = ?, status = ?, started_on = ?, ended_on = ?, baseline = ?, updated_at = ?,"
      " country_code = ?, region = ? WHERE uuid = ?",
      &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, info->title);
    _cirt_bind_text (stmt, 2, info->country);
    _cirt_bind_text (stmt, 3, _cirt_empty_to_null (info->organisation));
    _cirt_bind_text (stmt, 4, info->phase ? info->phase : "assessment");
    _cirt_bind_text (stmt, 5, _cirt_empty_to_null (info->lead_assessor));
    _cirt_bind_text (stmt, 6, _cirt_empty_to_null (info->assessors));
    _cirt_bind_text (stmt, 7, info->status ? info->status : "in-progress");
    _cirt_bind_text (stmt, 8, _cirt_empty_to_null (info->started_on));
    _cirt_bind_text (stmt, 9, _cirt_empty_to_null (info->ended_on));
    _cirt_bind_text (stmt, 10, info->baseline);
    _cirt_bind_text (stmt, 11, now);
    _cirt_bind_text (stmt, 12, stored_code (info));
    _cirt_bind_text (stmt, 13, info->region);
    _cirt_bind_text (stmt, 14, info->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), info->id);
      goto fail;
    }
  _cirt_store_changed (self, info->id, NULL);
  _cirt_store_changed (self, NULL, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_delete_assessment (CirtStore   *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM assessment WHERE uuid = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      goto fail;
    }
  /* Snapshots no assessment uses any more (their question index goes with them). */
  if (!_cirt_store_exec (self, "DELETE FROM instrument WHERE sha256 NOT IN (SELECT instrument FROM assessment_instrument)",
                         &local_error))
    goto fail;
  _cirt_store_changed (self, NULL, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The instrument ids come from the instrument table and the question counts
 * from the question index: a list of a thousand assessments reads no
 * instrument. (instrument.n_questions is kept up to date but not read here:
 * it was added after the snapshot's json column, so reading it walks the
 * snapshot's overflow pages — 300 pages for a 1.3 MB instrument.) */
#define ASSESSMENT_COLUMNS \
  "a.uuid, a.title, a.country, a.organisation, a.phase, a.lead_assessor, a.assessors, a.status," \
  " a.started_on, a.ended_on, a.baseline, a.created_at, a.updated_at, a.n_answered," \
  " (SELECT group_concat(id, ' ') FROM (SELECT i.id AS id FROM assessment_instrument ai" \
  "   JOIN instrument i ON i.sha256 = ai.instrument WHERE ai.assessment = a.uuid ORDER BY ai.position))," \
  " (SELECT count(*) FROM assessment_instrument ai JOIN question q ON q.instrument = ai.instrument" \
  "   WHERE ai.assessment = a.uuid)," \
  " a.country_code, a.region"

static CirtAssessmentInfo *
read_info (sqlite3_stmt *stmt)
{
  CirtAssessmentInfo *info = cirt_assessment_info_new ();
  const char *ids = (const char *) sqlite3_column_text (stmt, 14);

  info->id = _cirt_column_text (stmt, 0);
  info->title = _cirt_column_text (stmt, 1);
  info->country = _cirt_column_text (stmt, 2);
  info->organisation = _cirt_column_text (stmt, 3);
  info->phase = _cirt_column_text (stmt, 4);
  info->lead_assessor = _cirt_column_text (stmt, 5);
  info->assessors = _cirt_column_text (stmt, 6);
  info->status = _cirt_column_text (stmt, 7);
  info->started_on = _cirt_column_text (stmt, 8);
  info->ended_on = _cirt_column_text (stmt, 9);
  info->baseline = _cirt_column_text (stmt, 10);
  info->created_at = _cirt_column_text (stmt, 11);
  info->updated_at = _cirt_column_text (stmt, 12);
  info->n_answered = (guint) MAX (0, sqlite3_column_int (stmt, 13));
  info->instruments = ids ? g_strsplit (ids, " ", -1) : g_new0 (char *, 1);
  info->n_questions = (guint) MAX (0, sqlite3_column_int (stmt, 15));
  info->country_code = _cirt_column_text (stmt, 16);
  info->region = _cirt_column_text (stmt, 17);
  return info;
}

GPtrArray *
cirt_store_list_assessments (CirtStore   *self,
                             GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_assessment_info_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a ORDER BY a.created_at DESC, a.uuid",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_info (stmt));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot list the assessments"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtAssessmentInfo *
cirt_store_get_assessment (CirtStore   *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE a.uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_info (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
  else
    _cirt_store_fail (self, error, _("cannot read the assessment"));
  return NULL;
}

char *
cirt_store_resolve_id (CirtStore   *self,
                       const char  *prefix,
                       GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *found = NULL;
  g_autofree char *lower = NULL;
  int rc, n = 0;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  if (prefix == NULL || *prefix == '\0')
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment id given"));
      return NULL;
    }
  lower = g_ascii_strdown (prefix, -1);
  /* A range on the key (ids are lower-case hex and '-', all below '~'):
   * the prefix is data, never a pattern, and the look-up does not read
   * every assessment. */
  stmt = _cirt_store_stmt (self, "SELECT uuid FROM assessment WHERE uuid >= ?1 AND uuid < ?1 || '~'"
                                 " AND substr(uuid, 1, length(?1)) = ?1 LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, lower);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n++;
      if (found == NULL)
        found = _cirt_column_text (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot look up the assessment"));
      return NULL;
    }
  if (n == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment with id %s"), prefix);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   _("%s matches more than one assessment; give more of the id"), prefix);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* ------------------------------------------------------------------------ */
/* Targets                                                                  */

gboolean
cirt_store_get_targets (CirtStore   *self,
                        const char  *id,
                        int          targets[CIRT_N_PILLARS],
                        GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  for (guint i = 0; i < CIRT_N_PILLARS; i++)
    targets[i] = 0;
  stmt = _cirt_store_stmt (self, "SELECT pillar, level FROM target WHERE assessment = ?", error);
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtPillar p;
      if (cirt_pillar_from_string ((const char *) sqlite3_column_text (stmt, 0), &p))
        targets[p] = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the targets"));
  return TRUE;
}

gboolean
cirt_store_set_target (CirtStore   *self,
                       const char  *id,
                       CirtPillar   pillar,
                       int          level,
                       GError     **error)
{
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, FALSE);

  if (level < 0 || level > CIRT_N_LEVELS)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("target level %d is outside 1–5 (0 removes the target)"), level);
      return FALSE;
    }
  if (!_cirt_store_assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      return FALSE;
    }
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = NULL;

    if (level == 0)
      stmt = _cirt_store_stmt (self, "DELETE FROM target WHERE assessment = ?1 AND pillar = ?2", &local_error);
    else
      stmt = _cirt_store_stmt (self, "INSERT INTO target (assessment, pillar, level) VALUES (?1, ?2, ?3)"
                                     " ON CONFLICT (assessment, pillar) DO UPDATE SET level = excluded.level",
                               &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, id);
    _cirt_bind_text (stmt, 2, cirt_pillar_to_string (pillar));
    if (level > 0)
      sqlite3_bind_int (stmt, 3, level);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Stakeholders                                                             */

static gboolean
check_stakeholder (const CirtStakeholder *s,
                   GError               **error)
{
  return _cirt_check_text (_("name"), s->name, TRUE, CIRT_MAX_SHORT_TEXT, error) &&
         _cirt_check_text (_("organisation"), s->organisation, FALSE, CIRT_MAX_SHORT_TEXT, error) &&
         _cirt_check_text (_("sector"), s->sector, FALSE, CIRT_MAX_SHORT_TEXT, error) &&
         _cirt_check_text (_("notes"), s->notes, FALSE, CIRT_MAX_TEXT, error) &&
         _cirt_check_date (_("date"), s->met_on, error);
}

GPtrArray *
cirt_store_list_stakeholders (CirtStore   *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_stakeholder_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, name, organisation, sector, met_on, notes FROM stakeholder WHERE assessment = ?"
    " ORDER BY met_on IS NULL, met_on, name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtStakeholder *s = cirt_stakeholder_new ();
      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = _cirt_column_text (stmt, 1);
      s->organisation = _cirt_column_text (stmt, 2);
      s->sector = _cirt_column_text (stmt, 3);
      s->met_on = _cirt_column_text (stmt, 4);
      s->notes = _cirt_column_text (stmt, 5);
      g_ptr_array_add (result, s);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the stakeholders"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

gint64
cirt_store_add_stakeholder (CirtStore             *self,
                            const char            *id,
                            const CirtStakeholder *s,
                            GError               **error)
{
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;
  gint64 row;

  g_return_val_if_fail (CIRT_IS_STORE (self), 0);

  if (!check_stakeholder (s, error))
    return 0;
  if (!_cirt_store_assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      return 0;
    }
  if (!_cirt_store_begin (self, error))
    return 0;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "INSERT INTO stakeholder (assessment, name, organisation, sector, met_on, notes) VALUES (?,?,?,?,?,?)",
      &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, id);
    _cirt_bind_text (stmt, 2, s->name);
    _cirt_bind_text (stmt, 3, _cirt_empty_to_null (s->organisation));
    _cirt_bind_text (stmt, 4, _cirt_empty_to_null (s->sector));
    _cirt_bind_text (stmt, 5, _cirt_empty_to_null (s->met_on));
    _cirt_bind_text (stmt, 6, _cirt_empty_to_null (s->notes));
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  row = sqlite3_last_insert_rowid (self->db);
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return row;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

static char *
stakeholder_assessment (CirtStore *self,
                        gint64     stakeholder_id)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT assessment FROM stakeholder WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _cirt_column_text (stmt, 0);
}

gboolean
cirt_store_update_stakeholder (CirtStore             *self,
                               const CirtStakeholder *s,
                               GError               **error)
{
  g_autofree char *assessment = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!check_stakeholder (s, error))
    return FALSE;
  assessment = stakeholder_assessment (self, s->id);
  if (assessment == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no stakeholder %lld"), (long long) s->id);
      return FALSE;
    }
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
      "UPDATE stakeholder SET name = ?, organisation = ?, sector = ?, met_on = ?, notes = ? WHERE id = ?",
      &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, s->name);
    _cirt_bind_text (stmt, 2, _cirt_empty_to_null (s->organisation));
    _cirt_bind_text (stmt, 3, _cirt_empty_to_null (s->sector));
    _cirt_bind_text (stmt, 4, _cirt_empty_to_null (s->met_on));
    _cirt_bind_text (stmt, 5, _cirt_empty_to_null (s->notes));
    sqlite3_bind_int64 (stmt, 6, s->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, assessment, now);
  _cirt_store_changed (self, assessment, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_delete_stakeholder (CirtStore   *self,
                               gint64       stakeholder_id,
                               GError     **error)
{
  g_autofree char *assessment = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  assessment = stakeholder_assessment (self, stakeholder_id);
  if (assessment == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                   _("no stakeholder %lld"), (long long) stakeholder_id);
      return FALSE;
    }
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM stakeholder WHERE id = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, stakeholder_id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, assessment, now);
  _cirt_store_changed (self, assessment, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
