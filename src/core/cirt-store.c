/* cirt-store.c — the SQLite database of assessments and answers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

struct _CirtStore {
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *instruments;   /* sha256 → CirtInstrument*, parsed snapshots */
  guint       depth;         /* open transactions and savepoints */
};

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
/* Schema                                                                   */

/* Version 1 was the first schema; version 2 added answer.source,
 * answer.flagged and assessment.baseline (follow-up assessments); version 3
 * added merge_conflict (answers that differed when two assessors' files were
 * merged). A fresh database gets the current schema in one step. */
#define MERGE_CONFLICT_TABLE \
  "CREATE TABLE merge_conflict (" \
  "  id INTEGER PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  question TEXT NOT NULL," \
  "  local_json TEXT," \
  "  remote_json TEXT," \
  "  remote_won INTEGER NOT NULL," \
  "  recorded_at TEXT NOT NULL," \
  "  reviewed INTEGER NOT NULL DEFAULT 0);" \
  "CREATE INDEX merge_conflict_by_assessment ON merge_conflict (assessment);"

static const char schema_current[] =
  "CREATE TABLE instrument ("
  "  sha256 TEXT PRIMARY KEY,"
  "  id TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  json TEXT NOT NULL,"
  "  added_at TEXT NOT NULL);"
  "CREATE TABLE assessment ("
  "  uuid TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  organisation TEXT,"
  "  phase TEXT NOT NULL DEFAULT 'assessment'"
  "    CHECK (phase IN ('assessment','design','establishment','enhancement')),"
  "  lead_assessor TEXT,"
  "  assessors TEXT,"
  "  status TEXT NOT NULL DEFAULT 'in-progress',"
  "  started_on TEXT,"
  "  ended_on TEXT,"
  "  baseline TEXT REFERENCES assessment(uuid) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE assessment_instrument ("
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  instrument TEXT NOT NULL REFERENCES instrument(sha256),"
  "  PRIMARY KEY (assessment, position));"
  "CREATE TABLE answer ("
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  question TEXT NOT NULL,"
  "  value TEXT,"
  "  not_applicable INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT,"
  "  evidence TEXT,"
  "  source TEXT,"
  "  flagged INTEGER NOT NULL DEFAULT 0,"
  "  author TEXT,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (assessment, question));"
  "CREATE TABLE answer_history ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  question TEXT NOT NULL,"
  "  author TEXT,"
  "  changed_at TEXT NOT NULL,"
  "  old_json TEXT,"
  "  new_json TEXT);"
  "CREATE INDEX answer_history_by_question ON answer_history (assessment, question);"
  "CREATE TABLE stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  organisation TEXT,"
  "  sector TEXT,"
  "  met_on TEXT,"
  "  notes TEXT);"
  "CREATE INDEX stakeholder_by_assessment ON stakeholder (assessment);"
  "CREATE TABLE target ("
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  pillar TEXT NOT NULL"
  "    CHECK (pillar IN ('legal','technical','organizational','capacity','cooperation')),"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
  "  PRIMARY KEY (assessment, pillar));"
  MERGE_CONFLICT_TABLE;

static const char migrate_v2_to_v3[] = MERGE_CONFLICT_TABLE;

static const char migrate_v1_to_v2[] =
  "ALTER TABLE answer ADD COLUMN source TEXT;"
  "ALTER TABLE answer ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE assessment ADD COLUMN baseline TEXT REFERENCES assessment(uuid) ON DELETE SET NULL;";

/* ------------------------------------------------------------------------ */
/* Value types                                                              */

CirtAssessmentInfo *
cirt_assessment_info_new (void)
{
  return g_new0 (CirtAssessmentInfo, 1);
}

CirtAssessmentInfo *
cirt_assessment_info_copy (const CirtAssessmentInfo *info)
{
  CirtAssessmentInfo *c = g_new0 (CirtAssessmentInfo, 1);

  c->id = g_strdup (info->id);
  c->title = g_strdup (info->title);
  c->country = g_strdup (info->country);
  c->organisation = g_strdup (info->organisation);
  c->phase = g_strdup (info->phase);
  c->lead_assessor = g_strdup (info->lead_assessor);
  c->assessors = g_strdup (info->assessors);
  c->status = g_strdup (info->status);
  c->started_on = g_strdup (info->started_on);
  c->ended_on = g_strdup (info->ended_on);
  c->baseline = g_strdup (info->baseline);
  c->created_at = g_strdup (info->created_at);
  c->updated_at = g_strdup (info->updated_at);
  c->instruments = g_strdupv (info->instruments);
  c->n_answered = info->n_answered;
  c->n_questions = info->n_questions;
  return c;
}

void
cirt_assessment_info_free (CirtAssessmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->country);
  g_free (info->organisation);
  g_free (info->phase);
  g_free (info->lead_assessor);
  g_free (info->assessors);
  g_free (info->status);
  g_free (info->started_on);
  g_free (info->ended_on);
  g_free (info->baseline);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_strfreev (info->instruments);
  g_free (info);
}

CirtAnswer *
cirt_answer_new (const char *question)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);
  a->question = g_strdup (question);
  return a;
}

CirtAnswer *
cirt_answer_copy (const CirtAnswer *answer)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);

  a->question = g_strdup (answer->question);
  a->value = g_strdup (answer->value);
  a->not_applicable = answer->not_applicable;
  a->notes = g_strdup (answer->notes);
  a->evidence = g_strdup (answer->evidence);
  a->source = g_strdup (answer->source);
  a->flagged = answer->flagged;
  a->author = g_strdup (answer->author);
  a->updated_at = g_strdup (answer->updated_at);
  return a;
}

void
cirt_answer_free (CirtAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->question);
  g_free (answer->value);
  g_free (answer->notes);
  g_free (answer->evidence);
  g_free (answer->source);
  g_free (answer->author);
  g_free (answer->updated_at);
  g_free (answer);
}

gboolean
cirt_answer_is_answered (const CirtAnswer *answer)
{
  return answer != NULL && (answer->value != NULL || answer->not_applicable);
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
cirt_answer_is_empty (const CirtAnswer *answer)
{
  return answer == NULL ||
         (answer->value == NULL && !answer->not_applicable && is_blank (answer->notes) &&
          is_blank (answer->evidence) && is_blank (answer->source) && !answer->flagged);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  /* NULL and "" hold the same: nothing. */
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

gboolean
cirt_answer_same_content (const CirtAnswer *a,
                          const CirtAnswer *b)
{
  if (cirt_answer_is_empty (a) || cirt_answer_is_empty (b))
    return cirt_answer_is_empty (a) && cirt_answer_is_empty (b);
  return g_strcmp0 (a->value, b->value) == 0 &&
         !a->not_applicable == !b->not_applicable &&
         same_text (a->notes, b->notes) &&
         same_text (a->evidence, b->evidence) &&
         same_text (a->source, b->source) &&
         !a->flagged == !b->flagged;
}

void
cirt_history_entry_free (CirtHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->question);
  g_free (entry->author);
  g_free (entry->changed_at);
  cirt_answer_free (entry->old_answer);
  cirt_answer_free (entry->new_answer);
  g_free (entry);
}

CirtStakeholder *
cirt_stakeholder_new (void)
{
  return g_new0 (CirtStakeholder, 1);
}

void
cirt_stakeholder_free (CirtStakeholder *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->organisation);
  g_free (s->sector);
  g_free (s->met_on);
  g_free (s->notes);
  g_free (s);
}

/* ------------------------------------------------------------------------ */
/* SQLite helpers                                                           */

static gboolean
sql_error (CirtStore  *self,
           GError    **error,
           const char *what)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  CirtStoreError kind = CIRT_STORE_ERROR_SQL;

  if (primary == SQLITE_NOTADB)
    kind = CIRT_STORE_ERROR_NOT_A_DB;
  else if (primary == SQLITE_CORRUPT)
    kind = CIRT_STORE_ERROR_CORRUPT;
  g_set_error (error, CIRT_STORE_ERROR, kind, "%s: %s (%s)", self->path, what,
               sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (CirtStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (self, error, "cannot prepare a query");
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const unsigned char *t = sqlite3_column_text (stmt, col);
  return t ? g_strdup ((const char *) t) : NULL;
}

static gboolean
exec (CirtStore   *self,
      const char  *sql,
      GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_SQL, "%s: %s", self->path,
                   msg ? msg : sqlite3_errmsg (self->db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (CirtStore    *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sql_error (self, error, "cannot write to the database");
  return TRUE;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints, so an import can wrap many single-answer writes in one
 * transaction. */
static gboolean
begin (CirtStore  *self,
       GError    **error)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT cirt%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

static gboolean
commit (CirtStore  *self,
        GError    **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);
  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE cirt%u", self->depth - 1);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

static void
rollback (CirtStore *self)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    return;
  self->depth--;
  if (self->depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO cirt%u; RELEASE cirt%u", self->depth, self->depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
cirt_store_finalize (GObject *object)
{
  CirtStore *self = CIRT_STORE (object);

  if (self->db)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->instruments, g_hash_table_unref);
  g_free (self->path);

  G_OBJECT_CLASS (cirt_store_parent_class)->finalize (object);
}

static void
cirt_store_class_init (CirtStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_store_finalize;

  /* Emitted when an assessment is created or deleted. */
  signals[ASSESSMENTS_CHANGED] =
    g_signal_new ("assessments-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted when anything of one assessment changes (metadata, answers,
   * targets, stakeholders). */
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

static gboolean
query_int (CirtStore  *self,
           const char *sql,
           int        *out,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out = 0;
      return TRUE;
    }
  return sql_error (self, error, "cannot read the database");
}

/* Reads only: decides whether the file is ours, healthy and not too new. */
static gboolean
inspect (CirtStore  *self,
         int        *version,
         gboolean   *empty,
         GError    **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(GError) local_error = NULL;
  int n_tables = 0, has_assessment = 0;
  int rc = SQLITE_ERROR;
  const char *result;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, &local_error))
    {
      if (g_error_matches (local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB))
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB,
                     "%s is not a CIRT Assess database (it is not an SQLite file). "
                     "It was left unchanged.", self->path);
      else if (g_error_matches (local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT))
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                     "%s cannot be read: it is damaged or truncated (%s). It was left unchanged; "
                     "restore it from a backup (%s.bak if an upgrade made one).",
                     self->path, sqlite3_errmsg (self->db), self->path);
      else
        /* Locked, disk full, no permission to create the shared-memory file…:
         * the file may be fine, so do not call it damaged. */
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                     "%s cannot be opened now (%s). It was left unchanged.",
                     self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  check = prepare (self, "PRAGMA quick_check", NULL);
  if (check == NULL || (rc = sqlite3_step (check)) != SQLITE_ROW)
    {
      int code = sqlite3_errcode (self->db) & 0xff;
      if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                       "%s cannot be opened now (%s). It was left unchanged.",
                       self->path, sqlite3_errmsg (self->db));
          return FALSE;
        }
    }
  if (rc != SQLITE_ROW ||
      (result = (const char *) sqlite3_column_text (check, 0)) == NULL || strcmp (result, "ok") != 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   "%s is damaged (%s). It was left unchanged; restore it from a backup.",
                   self->path, check && sqlite3_column_text (check, 0) ? (const char *) sqlite3_column_text (check, 0)
                                                                     : sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (!query_int (self, "PRAGMA user_version", version, error))
    return FALSE;
  if (!query_int (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'assessment'",
                  &has_assessment, error))
    return FALSE;

  *empty = n_tables == 0;
  if (*version > CIRT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_TOO_NEW,
                   "%s was written by a newer version of CIRT Assess (schema %d; this version reads up to %d). "
                   "It was left unchanged; update CIRT Assess to open it.",
                   self->path, *version, CIRT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (!*empty && (*version == 0 || !has_assessment))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB,
                   "%s is an SQLite database of another program, not a CIRT Assess database. "
                   "It was left unchanged.", self->path);
      return FALSE;
    }
  return TRUE;
}

/* A byte-for-byte copy of the database file, taken before a migration. */
static gboolean
backup_to (CirtStore   *self,
           const char  *dest_path,
           GError     **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize len = 0;

  /* Fold a pending write-ahead log into the file first, so the copy is whole. */
  if (g_stat (wal, &st) == 0 && st.st_size > 0 &&
      !exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;
  if (!g_file_get_contents (self->path, &data, &len, &local_error) ||
      !g_file_set_contents_full (dest_path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_MIGRATE,
                   "cannot write the backup %s: %s", dest_path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CirtStore  *self,
         int         from,
         gboolean    empty,
         GError    **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) local_error = NULL;

  if (from == CIRT_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!begin (self, error))
    return FALSE;
  if (empty)
    {
      if (!exec (self, schema_current, &local_error))
        goto fail;
    }
  else
    {
      if (from < 2 && !exec (self, migrate_v1_to_v2, &local_error))
        goto fail;
      if (from < 3 && !exec (self, migrate_v2_to_v3, &local_error))
        goto fail;
    }
  sql = g_strdup_printf ("PRAGMA user_version = %d", CIRT_STORE_SCHEMA_VERSION);
  if (!exec (self, sql, &local_error) || !commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  rollback (self);
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_MIGRATE,
               "cannot upgrade %s from schema %d to %d: %s. The database was left as it was.",
               self->path, from, CIRT_STORE_SCHEMA_VERSION, local_error->message);
  return FALSE;
}

CirtStore *
cirt_store_open (const char  *path,
                 GError     **error)
{
  g_autoptr(CirtStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists, empty = TRUE;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CIRT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                   "%s is a folder, not a database file", path);
      return NULL;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                       "cannot create the folder %s: %s", dir, g_strerror (saved));
          return NULL;
        }
      /* Create it ourselves so it is private from the first byte. */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN,
                       "cannot create %s: %s", path, g_strerror (saved));
          return NULL;
        }
      close (fd);
    }

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_OPEN, "cannot open %s: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!inspect (self, &version, &empty, error))
    return NULL;

  /* From here on the file is ours. An upgrade first copies it as it is. */
  if (!empty && version < CIRT_STORE_SCHEMA_VERSION)
    {
      g_autofree char *bak = g_strconcat (path, ".bak", NULL);
      if (!backup_to (self, bak, error))
        return NULL;
    }
  if (!exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !exec (self, "PRAGMA foreign_keys = ON", &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!migrate (self, version, empty, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Instruments                                                              */

static CirtInstrument *
instrument_by_sha (CirtStore   *self,
                   const char  *sha256,
                   GError     **error)
{
  CirtInstrument *inst = g_hash_table_lookup (self->instruments, sha256);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *origin = NULL;

  if (inst != NULL)
    return inst;
  stmt = prepare (self, "SELECT id, json FROM instrument WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   "%s: the instrument snapshot %s is missing", self->path, sha256);
      return NULL;
    }
  origin = g_strdup_printf ("%s (stored copy of %s)", self->path, sqlite3_column_text (stmt, 0));
  inst = cirt_instrument_new_from_data ((const char *) sqlite3_column_text (stmt, 1),
                                        sqlite3_column_bytes (stmt, 1), origin, &local_error);
  if (inst == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT,
                   "the stored instrument cannot be read: %s", local_error->message);
      return NULL;
    }
  g_hash_table_insert (self->instruments, g_strdup (sha256), inst);
  return inst;
}

GPtrArray *
cirt_store_get_instruments (CirtStore   *self,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT instrument FROM assessment_instrument WHERE assessment = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (shas, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot read the assessment's instruments");
      return NULL;
    }
  if (shas->len == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
      return NULL;
    }
  for (guint i = 0; i < shas->len; i++)
    {
      CirtInstrument *inst = instrument_by_sha (self, g_ptr_array_index (shas, i), error);
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
               "no question \"%s\" in this assessment's instruments", question);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Assessments                                                              */

static gboolean
check_text (const char  *what,
            const char  *value,
            gboolean     required,
            gsize        max,
            GError     **error)
{
  if (value == NULL || is_blank (value))
    {
      if (required)
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "the %s must not be empty", what);
          return FALSE;
        }
      return TRUE;
    }
  if (strlen (value) > max)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "the %s is too long (%.1f MB; at most %.1f MB is kept in one field)",
                   what, strlen (value) / 1048576.0, max / 1048576.0);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "the %s is not valid UTF-8 text", what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *what,
            const char  *value,
            GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  iso = g_strconcat (value, "T00:00:00Z", NULL);
  if (strlen (value) == 10)
    dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "the %s \"%s\" is not a date; write it as YYYY-MM-DD", what, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_info (const CirtAssessmentInfo *info,
            GError                  **error)
{
  const gsize short_max = 4096;

  if (!check_text ("title", info->title, TRUE, short_max, error) ||
      !check_text ("country", info->country, TRUE, short_max, error) ||
      !check_text ("organisation", info->organisation, FALSE, short_max, error) ||
      !check_text ("lead assessor", info->lead_assessor, FALSE, short_max, error) ||
      !check_text ("assessors", info->assessors, FALSE, short_max, error) ||
      !check_date ("start date", info->started_on, error) ||
      !check_date ("end date", info->ended_on, error))
    return FALSE;
  if (info->phase != NULL && !cirt_mission_phase_is_valid (info->phase))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "unknown phase \"%s\" (expected assessment, design, establishment or enhancement)", info->phase);
      return FALSE;
    }
  if (info->status != NULL && strcmp (info->status, "in-progress") != 0 && strcmp (info->status, "completed") != 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "unknown status \"%s\" (expected in-progress or completed)", info->status);
      return FALSE;
    }
  return TRUE;
}

static const char *
empty_to_null (const char *s)
{
  return s && *s ? s : NULL;
}

static gboolean
assessment_exists (CirtStore  *self,
                   const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT 1 FROM assessment WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
cirt_store_create_assessment (CirtStore                *self,
                              const CirtAssessmentInfo *info,
                              GPtrArray                *instruments,
                              GError                  **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GHashTable) qids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!check_info (info, error))
    return NULL;
  if (instruments == NULL || instruments->len == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "an assessment needs at least one instrument");
      return NULL;
    }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint j = 0; j < i; j++)
        if (strcmp (cirt_instrument_get_id (g_ptr_array_index (instruments, j)), cirt_instrument_get_id (inst)) == 0)
          {
            g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                         "the instrument \"%s\" is listed twice", cirt_instrument_get_id (inst));
            return NULL;
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
                               "instruments \"%s\" and \"%s\" both have a question \"%s\"; they cannot be used together",
                               (const char *) g_hash_table_lookup (qids, qu->id), cirt_instrument_get_id (inst), qu->id);
                  return NULL;
                }
              g_hash_table_insert (qids, qu->id, (gpointer) cirt_instrument_get_id (inst));
            }
        }
    }
  if (info->baseline != NULL && !assessment_exists (self, info->baseline))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                   "no earlier assessment %s to follow up", info->baseline);
      return NULL;
    }

  if (info->id != NULL)
    {
      if (!g_uuid_string_is_valid (info->id))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "\"%s\" is not an assessment id", info->id);
          return NULL;
        }
      if (assessment_exists (self, info->id))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "an assessment %s already exists", info->id);
          return NULL;
        }
      uuid = g_ascii_strdown (info->id, -1);
    }
  else
    uuid = g_uuid_string_random ();

  if (!begin (self, error))
    return NULL;
  {
    g_autoptr(sqlite3_stmt) stmt = prepare (self,
      "INSERT INTO assessment (uuid, title, country, organisation, phase, lead_assessor, assessors,"
      " status, started_on, ended_on, baseline, created_at, updated_at)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", &local_error);
    if (stmt == NULL)
      goto fail;
    bind_text (stmt, 1, uuid);
    bind_text (stmt, 2, info->title);
    bind_text (stmt, 3, info->country);
    bind_text (stmt, 4, empty_to_null (info->organisation));
    bind_text (stmt, 5, info->phase ? info->phase : "assessment");
    bind_text (stmt, 6, empty_to_null (info->lead_assessor));
    bind_text (stmt, 7, empty_to_null (info->assessors));
    bind_text (stmt, 8, info->status ? info->status : "in-progress");
    bind_text (stmt, 9, empty_to_null (info->started_on));
    bind_text (stmt, 10, empty_to_null (info->ended_on));
    bind_text (stmt, 11, info->baseline);
    bind_text (stmt, 12, info->created_at ? info->created_at : now);
    bind_text (stmt, 13, now);
    if (!step_done (self, stmt, &local_error))
      goto fail;
  }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autoptr(sqlite3_stmt) ins = prepare (self,
        "INSERT OR IGNORE INTO instrument (sha256, id, version, json, added_at) VALUES (?,?,?,?,?)", &local_error);
      g_autoptr(sqlite3_stmt) link = prepare (self,
        "INSERT INTO assessment_instrument (assessment, position, instrument) VALUES (?,?,?)", &local_error);

      if (ins == NULL || link == NULL)
        goto fail;
      bind_text (ins, 1, cirt_instrument_get_sha256 (inst));
      bind_text (ins, 2, cirt_instrument_get_id (inst));
      bind_text (ins, 3, cirt_instrument_get_version (inst));
      bind_text (ins, 4, cirt_instrument_get_json (inst));
      bind_text (ins, 5, now);
      if (!step_done (self, ins, &local_error))
        goto fail;
      bind_text (link, 1, uuid);
      sqlite3_bind_int (link, 2, i);
      bind_text (link, 3, cirt_instrument_get_sha256 (inst));
      if (!step_done (self, link, &local_error))
        goto fail;
    }
  if (!commit (self, &local_error))
    goto fail;

  g_signal_emit (self, signals[ASSESSMENTS_CHANGED], 0);
  return g_steal_pointer (&uuid);

fail:
  rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cirt_store_update_assessment (CirtStore                *self,
                              const CirtAssessmentInfo *info,
                              GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!check_info (info, error))
    return FALSE;
  if (info->baseline != NULL && (g_strcmp0 (info->baseline, info->id) == 0 || !assessment_exists (self, info->baseline)))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "%s cannot be the baseline of this assessment", info->baseline);
      return FALSE;
    }
  stmt = prepare (self,
    "UPDATE assessment SET title = ?, country = ?, organisation = ?, phase = ?, lead_assessor = ?,"
    " assessors = ?, status = ?, started_on = ?, ended_on = ?, baseline = ?, updated_at = ? WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, info->title);
  bind_text (stmt, 2, info->country);
  bind_text (stmt, 3, empty_to_null (info->organisation));
  bind_text (stmt, 4, info->phase ? info->phase : "assessment");
  bind_text (stmt, 5, empty_to_null (info->lead_assessor));
  bind_text (stmt, 6, empty_to_null (info->assessors));
  bind_text (stmt, 7, info->status ? info->status : "in-progress");
  bind_text (stmt, 8, empty_to_null (info->started_on));
  bind_text (stmt, 9, empty_to_null (info->ended_on));
  bind_text (stmt, 10, info->baseline);
  bind_text (stmt, 11, now);
  bind_text (stmt, 12, info->id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", info->id);
      return FALSE;
    }
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, info->id);
  g_signal_emit (self, signals[ASSESSMENTS_CHANGED], 0);
  return TRUE;
}

gboolean
cirt_store_delete_assessment (CirtStore   *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM assessment WHERE uuid = ?", &local_error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (!step_done (self, stmt, &local_error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
      goto fail;
    }
  /* Snapshots no assessment uses any more. */
  if (!exec (self, "DELETE FROM instrument WHERE sha256 NOT IN (SELECT instrument FROM assessment_instrument)",
             &local_error) ||
      !commit (self, &local_error))
    goto fail;
  g_signal_emit (self, signals[ASSESSMENTS_CHANGED], 0);
  return TRUE;

fail:
  rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

#define ASSESSMENT_COLUMNS \
  "a.uuid, a.title, a.country, a.organisation, a.phase, a.lead_assessor, a.assessors, a.status," \
  " a.started_on, a.ended_on, a.baseline, a.created_at, a.updated_at," \
  " (SELECT group_concat(sha, ' ') FROM (SELECT ai.instrument AS sha FROM assessment_instrument ai" \
  "   WHERE ai.assessment = a.uuid ORDER BY ai.position))," \
  " (SELECT count(*) FROM answer an WHERE an.assessment = a.uuid" \
  "   AND (an.value IS NOT NULL OR an.not_applicable))"

static CirtAssessmentInfo *
read_info (CirtStore    *self,
           sqlite3_stmt *stmt)
{
  CirtAssessmentInfo *info = cirt_assessment_info_new ();
  g_autofree char *shas = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  info->id = column_text (stmt, 0);
  info->title = column_text (stmt, 1);
  info->country = column_text (stmt, 2);
  info->organisation = column_text (stmt, 3);
  info->phase = column_text (stmt, 4);
  info->lead_assessor = column_text (stmt, 5);
  info->assessors = column_text (stmt, 6);
  info->status = column_text (stmt, 7);
  info->started_on = column_text (stmt, 8);
  info->ended_on = column_text (stmt, 9);
  info->baseline = column_text (stmt, 10);
  info->created_at = column_text (stmt, 11);
  info->updated_at = column_text (stmt, 12);
  shas = column_text (stmt, 13);
  info->n_answered = sqlite3_column_int (stmt, 14);
  if (shas != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (shas, " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          CirtInstrument *inst = instrument_by_sha (self, parts[i], NULL);
          if (inst == NULL)
            continue;
          g_strv_builder_add (ids, cirt_instrument_get_id (inst));
          info->n_questions += cirt_instrument_get_n_questions (inst);
        }
    }
  info->instruments = g_strv_builder_end (ids);
  return info;
}

GPtrArray *
cirt_store_list_assessments (CirtStore   *self,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_assessment_info_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a ORDER BY a.created_at DESC, a.uuid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_info (self, stmt));
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot list the assessments");
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtAssessmentInfo *
cirt_store_get_assessment (CirtStore   *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE a.uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_info (self, stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
  else
    sql_error (self, error, "cannot read the assessment");
  return NULL;
}

char *
cirt_store_resolve_id (CirtStore   *self,
                       const char  *prefix,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *found = NULL;
  g_autofree char *lower = NULL;
  int rc, n = 0;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  if (prefix == NULL || *prefix == '\0')
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment id given");
      return NULL;
    }
  lower = g_ascii_strdown (prefix, -1);
  /* substr() rather than LIKE: the prefix is data, never a pattern. */
  stmt = prepare (self, "SELECT uuid FROM assessment WHERE substr(uuid, 1, length(?1)) = ?1 LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, lower);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n++;
      if (found == NULL)
        found = column_text (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot look up the assessment");
      return NULL;
    }
  if (n == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment with id %s", prefix);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   "%s matches more than one assessment; give more of the id", prefix);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static void
touch_assessment (CirtStore  *self,
                  const char *id,
                  const char *now)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE assessment SET updated_at = ? WHERE uuid = ?", NULL);
  if (stmt == NULL)
    return;
  bind_text (stmt, 1, now);
  bind_text (stmt, 2, id);
  sqlite3_step (stmt);
}

/* ------------------------------------------------------------------------ */
/* Answers                                                                  */

#define ANSWER_COLUMNS "question, value, not_applicable, notes, evidence, source, flagged, author, updated_at"

static CirtAnswer *
read_answer (sqlite3_stmt *stmt)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);

  a->question = column_text (stmt, 0);
  a->value = column_text (stmt, 1);
  a->not_applicable = sqlite3_column_int (stmt, 2) != 0;
  a->notes = column_text (stmt, 3);
  a->evidence = column_text (stmt, 4);
  a->source = column_text (stmt, 5);
  a->flagged = sqlite3_column_int (stmt, 6) != 0;
  a->author = column_text (stmt, 7);
  a->updated_at = column_text (stmt, 8);
  return a;
}

GHashTable *
cirt_store_get_answers (CirtStore   *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) result = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  if (!assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
      return NULL;
    }
  result = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  stmt = prepare (self, "SELECT " ANSWER_COLUMNS " FROM answer WHERE assessment = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtAnswer *a = read_answer (stmt);
      g_hash_table_replace (result, a->question, a);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot read the answers");
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtAnswer *
cirt_store_get_answer (CirtStore   *self,
                       const char  *id,
                       const char  *question,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " ANSWER_COLUMNS " FROM answer WHERE assessment = ? AND question = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, question);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_answer (stmt);
  if (rc != SQLITE_DONE)
    sql_error (self, error, "cannot read the answer");
  /* No row, no error: nothing recorded yet. */
  return NULL;
}

char *
cirt_answer_to_json (const CirtAnswer *a)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonGenerator) gen = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (cirt_answer_is_empty (a))
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  if (a->value)
    json_builder_add_string_value (b, a->value);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "not_applicable");
  json_builder_add_boolean_value (b, a->not_applicable);
  json_builder_set_member_name (b, "notes");
  json_builder_add_string_value (b, a->notes ? a->notes : "");
  json_builder_set_member_name (b, "evidence");
  json_builder_add_string_value (b, a->evidence ? a->evidence : "");
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, a->source ? a->source : "");
  json_builder_set_member_name (b, "flagged");
  json_builder_add_boolean_value (b, a->flagged);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

CirtAnswer *
cirt_answer_from_json (const char *question,
                       const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  CirtAnswer *a;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  a = cirt_answer_new (question);
  if (json_object_has_member (o, "value") && !json_object_get_null_member (o, "value"))
    a->value = g_strdup (json_object_get_string_member (o, "value"));
  a->not_applicable = json_object_get_boolean_member_with_default (o, "not_applicable", FALSE);
  a->notes = g_strdup (empty_to_null (json_object_get_string_member_with_default (o, "notes", NULL)));
  a->evidence = g_strdup (empty_to_null (json_object_get_string_member_with_default (o, "evidence", NULL)));
  a->source = g_strdup (empty_to_null (json_object_get_string_member_with_default (o, "source", NULL)));
  a->flagged = json_object_get_boolean_member_with_default (o, "flagged", FALSE);
  return a;
}

static gboolean
write_answer (CirtStore         *self,
              const char        *id,
              const CirtAnswer  *old,
              const CirtAnswer  *answer,
              const char        *author,
              const char        *now,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) hist = NULL;
  g_autofree char *old_json = cirt_answer_to_json (old);
  g_autofree char *new_json = cirt_answer_to_json (answer);

  if (cirt_answer_is_empty (answer))
    {
      g_autoptr(sqlite3_stmt) del = prepare (self, "DELETE FROM answer WHERE assessment = ? AND question = ?", error);
      if (del == NULL)
        return FALSE;
      bind_text (del, 1, id);
      bind_text (del, 2, answer->question);
      if (!step_done (self, del, error))
        return FALSE;
    }
  else
    {
      g_autoptr(sqlite3_stmt) up = prepare (self,
        "INSERT INTO answer (assessment, question, value, not_applicable, notes, evidence, source, flagged,"
        " author, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (assessment, question) DO UPDATE SET value = excluded.value,"
        " not_applicable = excluded.not_applicable, notes = excluded.notes, evidence = excluded.evidence,"
        " source = excluded.source, flagged = excluded.flagged, author = excluded.author,"
        " updated_at = excluded.updated_at", error);
      if (up == NULL)
        return FALSE;
      bind_text (up, 1, id);
      bind_text (up, 2, answer->question);
      bind_text (up, 3, answer->value);
      sqlite3_bind_int (up, 4, answer->not_applicable ? 1 : 0);
      bind_text (up, 5, empty_to_null (answer->notes));
      bind_text (up, 6, empty_to_null (answer->evidence));
      bind_text (up, 7, empty_to_null (answer->source));
      sqlite3_bind_int (up, 8, answer->flagged ? 1 : 0);
      bind_text (up, 9, author);
      bind_text (up, 10, now);
      if (!step_done (self, up, error))
        return FALSE;
    }

  hist = prepare (self,
    "INSERT INTO answer_history (assessment, question, author, changed_at, old_json, new_json)"
    " VALUES (?,?,?,?,?,?)", error);
  if (hist == NULL)
    return FALSE;
  bind_text (hist, 1, id);
  bind_text (hist, 2, answer->question);
  bind_text (hist, 3, author);
  bind_text (hist, 4, now);
  bind_text (hist, 5, old_json);
  bind_text (hist, 6, new_json);
  if (!step_done (self, hist, error))
    return FALSE;
  touch_assessment (self, id, now);
  return TRUE;
}

/* The one way an answer is written: checked against its question, made
 * canonical, compared with what is stored (the same content writes nothing),
 * then written with its history row in one transaction. @author and @when
 * are recorded as given. */
static gboolean
store_answer (CirtStore        *self,
              const char       *id,
              const CirtAnswer *answer,
              const char       *author,
              const char       *when,
              gboolean         *changed,
              GError          **error)
{
  const CirtQuestion *q;
  g_autoptr(CirtAnswer) clean = NULL;
  g_autoptr(CirtAnswer) old = NULL;
  g_autoptr(GError) local_error = NULL;

  if (changed)
    *changed = FALSE;
  q = cirt_store_lookup_question (self, id, answer->question, error);
  if (q == NULL)
    return FALSE;

  if (!check_text ("notes", answer->notes, FALSE, CIRT_STORE_MAX_TEXT, error) ||
      !check_text ("evidence", answer->evidence, FALSE, CIRT_STORE_MAX_TEXT, error) ||
      !check_text ("source", answer->source, FALSE, CIRT_STORE_MAX_TEXT, error) ||
      !check_text ("answer", answer->value, FALSE, CIRT_STORE_MAX_TEXT, error) ||
      !check_text ("author", author, FALSE, 4096, error))
    return FALSE;

  clean = cirt_answer_copy (answer);
  g_clear_pointer (&clean->value, g_free);
  if (answer->not_applicable)
    {
      if (is_blank (answer->notes))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       "%s: marking a question not applicable needs a justification in the notes", q->id);
          return FALSE;
        }
      if (!cirt_kind_is_scored (q->kind))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       "%s: only scored questions can be marked not applicable", q->id);
          return FALSE;
        }
    }
  else if (answer->value != NULL)
    {
      clean->value = cirt_question_parse_value (q, answer->value, &local_error);
      if (clean->value == NULL)
        {
          g_set_error_literal (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, local_error->message);
          return FALSE;
        }
    }

  if (!begin (self, error))
    return FALSE;
  old = cirt_store_get_answer (self, id, q->id, &local_error);
  if (local_error != NULL)
    goto fail;
  if (cirt_answer_same_content (old, clean))
    {
      rollback (self);
      return TRUE;
    }
  if (!write_answer (self, id, old, clean, author, when, &local_error) || !commit (self, &local_error))
    goto fail;
  if (changed)
    *changed = TRUE;

  g_signal_emit (self, signals[ANSWER_CHANGED], 0, id, q->id);
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, id);
  return TRUE;

fail:
  rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_save_answer (CirtStore        *self,
                        const char       *id,
                        const CirtAnswer *answer,
                        GError          **error)
{
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  return store_answer (self, id, answer,
                       empty_to_null (answer->author) ? answer->author : g_get_real_name (),
                       now, NULL, error);
}

gboolean
cirt_store_unanswer (CirtStore   *self,
                     const char  *id,
                     const char  *question,
                     const char  *author,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CirtAnswer) old = NULL;
  g_autoptr(CirtAnswer) next = NULL;

  if (cirt_store_lookup_question (self, id, question, error) == NULL)
    return FALSE;
  old = cirt_store_get_answer (self, id, question, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  next = old ? cirt_answer_copy (old) : cirt_answer_new (question);
  g_clear_pointer (&next->value, g_free);
  next->not_applicable = FALSE;
  g_free (next->author);
  next->author = g_strdup (author);
  return cirt_store_save_answer (self, id, next, error);
}

GPtrArray *
cirt_store_get_history (CirtStore   *self,
                        const char  *id,
                        const char  *question,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_history_entry_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT id, question, author, changed_at, old_json, new_json FROM answer_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR question = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, question);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtHistoryEntry *e = g_new0 (CirtHistoryEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->question = column_text (stmt, 1);
      e->author = column_text (stmt, 2);
      e->changed_at = column_text (stmt, 3);
      e->old_answer = cirt_answer_from_json (e->question, (const char *) sqlite3_column_text (stmt, 4));
      e->new_answer = cirt_answer_from_json (e->question, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (result, e);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot read the history");
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* ------------------------------------------------------------------------ */
/* Targets                                                                  */

gboolean
cirt_store_get_targets (CirtStore   *self,
                        const char  *id,
                        int          targets[CIRT_N_PILLARS],
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  for (guint i = 0; i < CIRT_N_PILLARS; i++)
    targets[i] = 0;
  stmt = prepare (self, "SELECT pillar, level FROM target WHERE assessment = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtPillar p;
      if (cirt_pillar_from_string ((const char *) sqlite3_column_text (stmt, 0), &p))
        targets[p] = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return sql_error (self, error, "cannot read the targets");
  return TRUE;
}

gboolean
cirt_store_set_target (CirtStore   *self,
                       const char  *id,
                       CirtPillar   pillar,
                       int          level,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, FALSE);

  if (level < 0 || level > CIRT_N_LEVELS)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   "target level %d is outside 1–5 (0 removes the target)", level);
      return FALSE;
    }
  if (!assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
      return FALSE;
    }
  if (level == 0)
    stmt = prepare (self, "DELETE FROM target WHERE assessment = ?1 AND pillar = ?2", error);
  else
    stmt = prepare (self, "INSERT INTO target (assessment, pillar, level) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (assessment, pillar) DO UPDATE SET level = excluded.level", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, cirt_pillar_to_string (pillar));
  if (level > 0)
    sqlite3_bind_int (stmt, 3, level);
  if (!step_done (self, stmt, error))
    return FALSE;
  touch_assessment (self, id, now);
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, id);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Stakeholders                                                             */

static gboolean
check_stakeholder (const CirtStakeholder *s,
                   GError               **error)
{
  return check_text ("name", s->name, TRUE, 4096, error) &&
         check_text ("organisation", s->organisation, FALSE, 4096, error) &&
         check_text ("sector", s->sector, FALSE, 4096, error) &&
         check_text ("notes", s->notes, FALSE, CIRT_STORE_MAX_TEXT, error) &&
         check_date ("date", s->met_on, error);
}

GPtrArray *
cirt_store_list_stakeholders (CirtStore   *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_stakeholder_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT id, name, organisation, sector, met_on, notes FROM stakeholder WHERE assessment = ?"
    " ORDER BY met_on IS NULL, met_on, name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtStakeholder *s = cirt_stakeholder_new ();
      s->id = sqlite3_column_int64 (stmt, 0);
      s->name = column_text (stmt, 1);
      s->organisation = column_text (stmt, 2);
      s->sector = column_text (stmt, 3);
      s->met_on = column_text (stmt, 4);
      s->notes = column_text (stmt, 5);
      g_ptr_array_add (result, s);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot read the stakeholders");
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  gint64 row;

  g_return_val_if_fail (CIRT_IS_STORE (self), 0);

  if (!check_stakeholder (s, error))
    return 0;
  if (!assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no assessment %s", id);
      return 0;
    }
  stmt = prepare (self,
    "INSERT INTO stakeholder (assessment, name, organisation, sector, met_on, notes) VALUES (?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, s->name);
  bind_text (stmt, 3, empty_to_null (s->organisation));
  bind_text (stmt, 4, empty_to_null (s->sector));
  bind_text (stmt, 5, empty_to_null (s->met_on));
  bind_text (stmt, 6, empty_to_null (s->notes));
  if (!step_done (self, stmt, error))
    return 0;
  row = sqlite3_last_insert_rowid (self->db);
  touch_assessment (self, id, now);
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, id);
  return row;
}

static char *
stakeholder_assessment (CirtStore *self,
                        gint64     stakeholder_id)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT assessment FROM stakeholder WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_text (stmt, 0);
}

gboolean
cirt_store_update_stakeholder (CirtStore             *self,
                               const CirtStakeholder *s,
                               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *assessment = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!check_stakeholder (s, error))
    return FALSE;
  assessment = stakeholder_assessment (self, s->id);
  if (assessment == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no stakeholder %" G_GINT64_FORMAT, s->id);
      return FALSE;
    }
  stmt = prepare (self,
    "UPDATE stakeholder SET name = ?, organisation = ?, sector = ?, met_on = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, s->name);
  bind_text (stmt, 2, empty_to_null (s->organisation));
  bind_text (stmt, 3, empty_to_null (s->sector));
  bind_text (stmt, 4, empty_to_null (s->met_on));
  bind_text (stmt, 5, empty_to_null (s->notes));
  sqlite3_bind_int64 (stmt, 6, s->id);
  if (!step_done (self, stmt, error))
    return FALSE;
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, assessment);
  return TRUE;
}

gboolean
cirt_store_delete_stakeholder (CirtStore   *self,
                               gint64       stakeholder_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *assessment = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  assessment = stakeholder_assessment (self, stakeholder_id);
  if (assessment == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no stakeholder %" G_GINT64_FORMAT, stakeholder_id);
      return FALSE;
    }
  stmt = prepare (self, "DELETE FROM stakeholder WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stakeholder_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, assessment);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Transactions and merging                                                 */

gboolean
cirt_store_transaction_begin (CirtStore  *self,
                              GError    **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  return begin (self, error);
}

gboolean
cirt_store_transaction_commit (CirtStore  *self,
                               GError    **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  return commit (self, error);
}

void
cirt_store_transaction_rollback (CirtStore *self)
{
  g_return_if_fail (CIRT_IS_STORE (self));
  rollback (self);
}

void
cirt_conflict_free (CirtConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->question);
  cirt_answer_free (conflict->local);
  cirt_answer_free (conflict->remote);
  g_free (conflict->recorded_at);
  g_free (conflict);
}

gboolean
cirt_store_import_answer (CirtStore        *self,
                          const char       *id,
                          const CirtAnswer *answer,
                          gboolean         *changed,
                          GError          **error)
{
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  /* Keep when and by whom the answer was given over there. */
  return store_answer (self, id, answer, answer->author, answer->updated_at ? answer->updated_at : now,
                       changed, error);
}

gboolean
cirt_store_import_history (CirtStore              *self,
                           const char             *id,
                           const CirtHistoryEntry *entry,
                           gboolean               *added,
                           GError                **error)
{
  g_autofree char *old_json = cirt_answer_to_json (entry->old_answer);
  g_autofree char *new_json = cirt_answer_to_json (entry->new_answer);
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (added)
    *added = FALSE;
  find = prepare (self,
    "SELECT 1 FROM answer_history WHERE assessment = ?1 AND question = ?2 AND author IS ?3"
    " AND changed_at = ?4 AND old_json IS ?5 AND new_json IS ?6", error);
  if (find == NULL)
    return FALSE;
  bind_text (find, 1, id);
  bind_text (find, 2, entry->question);
  bind_text (find, 3, entry->author);
  bind_text (find, 4, entry->changed_at);
  bind_text (find, 5, old_json);
  bind_text (find, 6, new_json);
  if (sqlite3_step (find) == SQLITE_ROW)
    return TRUE;
  ins = prepare (self,
    "INSERT INTO answer_history (assessment, question, author, changed_at, old_json, new_json)"
    " VALUES (?,?,?,?,?,?)", error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, id);
  bind_text (ins, 2, entry->question);
  bind_text (ins, 3, entry->author);
  bind_text (ins, 4, entry->changed_at);
  bind_text (ins, 5, old_json);
  bind_text (ins, 6, new_json);
  if (!step_done (self, ins, error))
    return FALSE;
  if (added)
    *added = TRUE;
  return TRUE;
}

gboolean
cirt_store_record_conflict (CirtStore        *self,
                            const char       *id,
                            const char       *question,
                            const CirtAnswer *local,
                            const CirtAnswer *remote,
                            gboolean          remote_won,
                            gboolean         *added,
                            GError          **error)
{
  g_autofree char *local_json = cirt_answer_to_json (local);
  g_autofree char *remote_json = cirt_answer_to_json (remote);
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (added)
    *added = FALSE;
  /* The same disagreement seen again (the same file imported twice, or the
   * pair seen from the other side) is recorded once. */
  find = prepare (self,
    "SELECT 1 FROM merge_conflict WHERE assessment = ?1 AND question = ?2 AND"
    " ((local_json IS ?3 AND remote_json IS ?4) OR (local_json IS ?4 AND remote_json IS ?3))", error);
  if (find == NULL)
    return FALSE;
  bind_text (find, 1, id);
  bind_text (find, 2, question);
  bind_text (find, 3, local_json);
  bind_text (find, 4, remote_json);
  if (sqlite3_step (find) == SQLITE_ROW)
    return TRUE;
  ins = prepare (self,
    "INSERT INTO merge_conflict (assessment, question, local_json, remote_json, remote_won, recorded_at)"
    " VALUES (?,?,?,?,?,?)", error);
  if (ins == NULL)
    return FALSE;
  bind_text (ins, 1, id);
  bind_text (ins, 2, question);
  bind_text (ins, 3, local_json);
  bind_text (ins, 4, remote_json);
  sqlite3_bind_int (ins, 5, remote_won ? 1 : 0);
  bind_text (ins, 6, now);
  if (!step_done (self, ins, error))
    return FALSE;
  if (added)
    *added = TRUE;
  g_signal_emit (self, signals[ASSESSMENT_CHANGED], 0, id);
  return TRUE;
}

GPtrArray *
cirt_store_list_conflicts (CirtStore   *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_conflict_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT id, question, local_json, remote_json, remote_won, recorded_at, reviewed FROM merge_conflict"
    " WHERE assessment = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtConflict *c = g_new0 (CirtConflict, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->question = column_text (stmt, 1);
      c->local = cirt_answer_from_json (c->question, (const char *) sqlite3_column_text (stmt, 2));
      c->remote = cirt_answer_from_json (c->question, (const char *) sqlite3_column_text (stmt, 3));
      c->remote_won = sqlite3_column_int (stmt, 4) != 0;
      c->recorded_at = column_text (stmt, 5);
      c->reviewed = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (result, c);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "cannot read the merge conflicts");
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
cirt_store_set_conflict_reviewed (CirtStore   *self,
                                  gint64       conflict_id,
                                  gboolean     reviewed,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  stmt = prepare (self, "UPDATE merge_conflict SET reviewed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, reviewed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, conflict_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, "no conflict %" G_GINT64_FORMAT, conflict_id);
      return FALSE;
    }
  return TRUE;
}
