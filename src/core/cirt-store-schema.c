/* cirt-store-schema.c — the schema: recognising a CIRT Assess database
 * before anything is written to it, creating it, upgrading it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the whole file is checked (PRAGMA quick_check, which reads every
 * page and so takes time in proportion to the file): before a migration,
 * after an unclean shutdown (SQLite tells us it recovered a write-ahead log
 * left by a writer that did not close), on `cirt-assess-cli check`, and in
 * the application after it has shown its first window. Every open checks
 * what costs the same for any size: the file header (a truncated file says
 * more pages than it has), the schema, and the first page of every table. A
 * damaged page met later is reported as damage by whatever reads it, and
 * the file is not written to. See docs/design-notes.md. */
#include "config.h"

#include "cirt-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cirt-countries-data.h"
#include "cirt-file.h"

/* ------------------------------------------------------------------------ */
/* The schema                                                               */

/* Version 1 was the first schema; version 2 added answer.source,
 * answer.flagged and assessment.baseline (follow-up assessments); version 3
 * added merge_conflict; version 4 added the application id, the question
 * index (answers are checked without reading the instrument), the answer
 * count of each assessment (kept by triggers), times in UTC and one JSON
 * form of an answer in the history; version 5 chained the history (each
 * row's hash covers the row before it); version 6 added answer.notes_internal
 * (notes for the team, left out of redacted exports); version 7 added the
 * findings (finding, with their changes in finding_history); version 8
 * added assessment.country_code and assessment.region (the portfolio),
 * filled in for the assessments whose country name is one the table of
 * countries knows; version 9 added the lead assessor's reviews (review,
 * with their changes in review_history); version 10 added the evidence
 * vault (evidence, evidence_blob, evidence_history,
 * assessment.evidenced_only); version 11 (CIRT_STORE_SCHEMA_INTERVIEWS)
 * added interview sessions, statements, their history, stakeholder.uuid and
 * answer.session. A fresh database gets the current schema in one step. */

/* The newest row of an assessment's history, found at once (each new row
 * is chained to it). */
#define HISTORY_CHAIN_INDEX \
  "CREATE INDEX answer_history_chain ON answer_history (assessment, id);"

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

#define QUESTION_INDEX \
  "CREATE TABLE question (" \
  "  instrument TEXT NOT NULL REFERENCES instrument(sha256) ON DELETE CASCADE," \
  "  id TEXT NOT NULL," \
  "  kind TEXT NOT NULL," \
  "  options TEXT," \
  "  PRIMARY KEY (instrument, id)) WITHOUT ROWID;"

#define ANSWER_COUNT_TRIGGERS \
  "CREATE TRIGGER answer_counted_insert AFTER INSERT ON answer" \
  "  WHEN new.value IS NOT NULL OR new.not_applicable" \
  "  BEGIN UPDATE assessment SET n_answered = n_answered + 1 WHERE uuid = new.assessment; END;" \
  "CREATE TRIGGER answer_counted_delete AFTER DELETE ON answer" \
  "  WHEN old.value IS NOT NULL OR old.not_applicable" \
  "  BEGIN UPDATE assessment SET n_answered = n_answered - 1 WHERE uuid = old.assessment; END;" \
  "CREATE TRIGGER answer_counted_update AFTER UPDATE OF value, not_applicable ON answer" \
  "  WHEN (old.value IS NOT NULL OR old.not_applicable) != (new.value IS NOT NULL OR new.not_applicable)" \
  "  BEGIN UPDATE assessment SET n_answered = n_answered +" \
  "    (CASE WHEN new.value IS NOT NULL OR new.not_applicable THEN 1 ELSE -1 END)" \
  "    WHERE uuid = new.assessment; END;"

/* Version 7: the mission's findings (key issues, quick wins, risks to the
 * project) and the record of every change made to them. A finding is known
 * by its UUID on every laptop; its questions are ids separated by spaces. */
#define FINDING_TABLES \
  "CREATE TABLE finding (" \
  "  uuid TEXT PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  kind TEXT NOT NULL CHECK (kind IN ('issue','quick-win','risk'))," \
  "  title TEXT NOT NULL," \
  "  description TEXT," \
  "  pillar TEXT NOT NULL" \
  "    CHECK (pillar IN ('legal','technical','organizational','capacity','cooperation'))," \
  "  phase TEXT NOT NULL CHECK (phase IN ('design','establishment','enhancement'))," \
  "  questions TEXT," \
  "  position INTEGER NOT NULL," \
  "  author TEXT," \
  "  created_at TEXT NOT NULL," \
  "  modified_at TEXT NOT NULL);" \
  "CREATE INDEX finding_by_assessment ON finding (assessment, position);" \
  "CREATE TABLE finding_history (" \
  "  id INTEGER PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  finding TEXT NOT NULL," \
  "  author TEXT," \
  "  changed_at TEXT NOT NULL," \
  "  old_json TEXT," \
  "  new_json TEXT);" \
  "CREATE INDEX finding_history_by_finding ON finding_history (assessment, finding);"

static const char migrate_v6_to_v7[] = FINDING_TABLES;

/* The schema version that added the reviews (one self-contained step: only
 * its own tables). The lead assessor's review of an answer names the
 * version of the answer it reviewed (the sha256 of its content); a cleared
 * review keeps its row, state 'not-reviewed', so a merge does not undo it. */
#define SCHEMA_REVIEW 9
#define REVIEW_TABLES \
  "CREATE TABLE review (" \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  question TEXT NOT NULL," \
  "  state TEXT NOT NULL CHECK (state IN ('not-reviewed','accepted','needs-work'))," \
  "  comment TEXT," \
  "  reviewer TEXT," \
  "  reviewed_at TEXT NOT NULL," \
  "  answer_version TEXT," \
  "  PRIMARY KEY (assessment, question)) WITHOUT ROWID;" \
  "CREATE TABLE review_history (" \
  "  id INTEGER PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  question TEXT NOT NULL," \
  "  reviewer TEXT," \
  "  changed_at TEXT NOT NULL," \
  "  old_json TEXT," \
  "  new_json TEXT);" \
  "CREATE INDEX review_history_by_question ON review_history (assessment, question);"

static const char migrate_add_review[] = REVIEW_TABLES;
/* The evidence vault: files and URLs attached to answers. A file's bytes
 * are a blob keyed by their SHA-256 (the same file attached twice, to any
 * answer of any assessment, is stored once). A blob is kept while any
 * evidence row or any row of the evidence history names it: a removed
 * item's bytes stay, so its removal can be undone and audited; they go with
 * the last assessment that names them (the triggers below). The setting
 * assessment.evidenced_only scores answers without evidence as unanswered.
 * See docs/design-notes.md, "The evidence vault". */
#define EVIDENCE_TABLES \
  "CREATE TABLE evidence_blob (" \
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64)," \
  "  size INTEGER NOT NULL CHECK (size > 0)," \
  "  data BLOB NOT NULL);" \
  "CREATE TABLE evidence (" \
  "  uuid TEXT PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  question TEXT NOT NULL," \
  "  kind TEXT NOT NULL CHECK (kind IN ('file','url'))," \
  "  name TEXT," \
  "  url TEXT," \
  "  mime TEXT," \
  "  size INTEGER," \
  "  sha256 TEXT REFERENCES evidence_blob(sha256)," \
  "  evidence_date TEXT," \
  "  author TEXT," \
  "  shareable INTEGER NOT NULL DEFAULT 0," \
  "  created_at TEXT NOT NULL," \
  "  modified_at TEXT NOT NULL," \
  "  CHECK ((kind = 'file') = (sha256 IS NOT NULL AND name IS NOT NULL AND url IS NULL)));" \
  "CREATE INDEX evidence_by_question ON evidence (assessment, question);" \
  "CREATE INDEX evidence_by_blob ON evidence (sha256);" \
  "CREATE TABLE evidence_history (" \
  "  id INTEGER PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  evidence TEXT NOT NULL," \
  "  author TEXT," \
  "  changed_at TEXT NOT NULL," \
  "  old_json TEXT," \
  "  new_json TEXT," \
  "  sha256 TEXT);" \
  "CREATE INDEX evidence_history_by_evidence ON evidence_history (assessment, evidence);" \
  "CREATE INDEX evidence_history_by_blob ON evidence_history (sha256);" \
  "CREATE TRIGGER evidence_blob_release AFTER DELETE ON evidence WHEN old.sha256 IS NOT NULL" \
  "  BEGIN DELETE FROM evidence_blob WHERE sha256 = old.sha256" \
  "    AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = old.sha256)" \
  "    AND NOT EXISTS (SELECT 1 FROM evidence_history WHERE sha256 = old.sha256); END;" \
  "CREATE TRIGGER evidence_blob_release_history AFTER DELETE ON evidence_history WHEN old.sha256 IS NOT NULL" \
  "  BEGIN DELETE FROM evidence_blob WHERE sha256 = old.sha256" \
  "    AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = old.sha256)" \
  "    AND NOT EXISTS (SELECT 1 FROM evidence_history WHERE sha256 = old.sha256); END;" \
  "ALTER TABLE assessment ADD COLUMN evidenced_only INTEGER NOT NULL DEFAULT 0;"

static const char migrate_add_evidence[] = EVIDENCE_TABLES;
/* Interview sessions and statements (CIRT_STORE_SCHEMA_INTERVIEWS): a
 * session, what each stakeholder said about a question, and the record of
 * every change made to either (interview_history, kind 'session' or
 * 'statement'). A stakeholder gets a UUID, so that a session names the same
 * people on every laptop: given to every existing row by the upgrade and to
 * every new row by the trigger (a writer that does not know the column
 * still gets one). The lists of a session (stakeholders, assessors,
 * sections) are JSON arrays of texts. An answer records the session it was
 * given in (answer.session). */
#define UUID_V4_SQL \
  "(lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || substr ('89ab', 1 + (abs (random ()) % 4), 1) ||" \
  " substr (lower (hex (randomblob (2))), 2) || '-' || lower (hex (randomblob (6))))"

#define STAKEHOLDER_UUID_INDEX \
  "CREATE UNIQUE INDEX stakeholder_by_uuid ON stakeholder (assessment, uuid);" \
  "CREATE TRIGGER stakeholder_uuid_given AFTER INSERT ON stakeholder WHEN new.uuid IS NULL" \
  "  BEGIN UPDATE stakeholder SET uuid = " UUID_V4_SQL " WHERE id = new.id; END;"

#define INTERVIEW_TABLES \
  "CREATE TABLE interview_session (" \
  "  uuid TEXT PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  held_on TEXT NOT NULL," \
  "  start_time TEXT," \
  "  end_time TEXT," \
  "  place TEXT," \
  "  stakeholders TEXT NOT NULL DEFAULT '[]'," \
  "  assessors TEXT NOT NULL DEFAULT '[]'," \
  "  sections TEXT NOT NULL DEFAULT '[]'," \
  "  notes TEXT," \
  "  author TEXT," \
  "  created_at TEXT NOT NULL," \
  "  modified_at TEXT NOT NULL);" \
  "CREATE INDEX interview_session_by_assessment ON interview_session (assessment, held_on);" \
  "CREATE TABLE statement (" \
  "  uuid TEXT PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  question TEXT NOT NULL," \
  "  stakeholder TEXT NOT NULL," \
  "  session TEXT," \
  "  text TEXT NOT NULL," \
  "  author TEXT," \
  "  created_at TEXT NOT NULL," \
  "  modified_at TEXT NOT NULL);" \
  "CREATE INDEX statement_by_question ON statement (assessment, question);" \
  "CREATE TABLE interview_history (" \
  "  id INTEGER PRIMARY KEY," \
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE," \
  "  kind TEXT NOT NULL CHECK (kind IN ('session','statement'))," \
  "  record TEXT NOT NULL," \
  "  author TEXT," \
  "  changed_at TEXT NOT NULL," \
  "  old_json TEXT," \
  "  new_json TEXT);" \
  "CREATE INDEX interview_history_by_record ON interview_history (assessment, record);"

static const char migrate_add_interviews[] =
  "ALTER TABLE stakeholder ADD COLUMN uuid TEXT;"
  "UPDATE stakeholder SET uuid = " UUID_V4_SQL ";"
  STAKEHOLDER_UUID_INDEX
  "ALTER TABLE answer ADD COLUMN session TEXT;"
  INTERVIEW_TABLES;

static const char schema_current[] =
  "CREATE TABLE instrument ("
  "  sha256 TEXT PRIMARY KEY,"
  "  id TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  json TEXT NOT NULL,"
  "  added_at TEXT NOT NULL,"
  "  n_questions INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE assessment ("
  "  uuid TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  country_code TEXT CHECK (country_code GLOB '[A-Z][A-Z]'),"
  "  region TEXT CHECK (region IN ('africa','americas','arab-states','asia-pacific','cis','europe')),"
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
  "  updated_at TEXT NOT NULL,"
  "  n_answered INTEGER NOT NULL DEFAULT 0);"
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
  "  notes_internal INTEGER NOT NULL DEFAULT 0,"
  "  session TEXT,"
  "  PRIMARY KEY (assessment, question));"
  "CREATE TABLE answer_history ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  question TEXT NOT NULL,"
  "  author TEXT,"
  "  changed_at TEXT NOT NULL,"
  "  old_json TEXT,"
  "  new_json TEXT,"
  "  hash TEXT);"
  "CREATE INDEX answer_history_by_question ON answer_history (assessment, question);"
  HISTORY_CHAIN_INDEX
  "CREATE TABLE stakeholder ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  organisation TEXT,"
  "  sector TEXT,"
  "  met_on TEXT,"
  "  notes TEXT,"
  "  uuid TEXT);"
  "CREATE INDEX stakeholder_by_assessment ON stakeholder (assessment);"
  STAKEHOLDER_UUID_INDEX
  "CREATE TABLE target ("
  "  assessment TEXT NOT NULL REFERENCES assessment(uuid) ON DELETE CASCADE,"
  "  pillar TEXT NOT NULL"
  "    CHECK (pillar IN ('legal','technical','organizational','capacity','cooperation')),"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
  "  PRIMARY KEY (assessment, pillar));"
  MERGE_CONFLICT_TABLE
  QUESTION_INDEX
  ANSWER_COUNT_TRIGGERS
  FINDING_TABLES
  REVIEW_TABLES
  EVIDENCE_TABLES
  INTERVIEW_TABLES;

/* The ISO code and ITU region of each assessment, from its country's name
 * where the table of countries knows the name (src/core/cirt-countries-data.h,
 * made from data/countries.json: English names and aliases, the names in
 * the other UN languages, the codes; compared as lower(trim(country)), which
 * folds A-Z only, so each name is listed as written and lower-cased). */
static const char migrate_v7_to_v8[] =
  "ALTER TABLE assessment ADD COLUMN country_code TEXT CHECK (country_code GLOB '[A-Z][A-Z]');"
  "ALTER TABLE assessment ADD COLUMN region TEXT"
  "  CHECK (region IN ('africa','americas','arab-states','asia-pacific','cis','europe'));"
  "CREATE TEMP TABLE country_name (name TEXT PRIMARY KEY, code TEXT NOT NULL, region TEXT) WITHOUT ROWID;"
  "INSERT INTO temp.country_name (name, code, region) VALUES " CIRT_COUNTRY_NAMES_SQL ";"
  "UPDATE assessment SET country_code = n.code, region = n.region"
  "  FROM temp.country_name n WHERE n.name = lower(trim(assessment.country));"
  "DROP TABLE temp.country_name;";

static const char migrate_v5_to_v6[] =
  "ALTER TABLE answer ADD COLUMN notes_internal INTEGER NOT NULL DEFAULT 0;";

static const char migrate_v4_to_v5[] =
  "ALTER TABLE answer_history ADD COLUMN hash TEXT;"
  HISTORY_CHAIN_INDEX;

static const char migrate_v1_to_v2[] =
  "ALTER TABLE answer ADD COLUMN source TEXT;"
  "ALTER TABLE answer ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE assessment ADD COLUMN baseline TEXT REFERENCES assessment(uuid) ON DELETE SET NULL;";

static const char migrate_v2_to_v3[] = MERGE_CONFLICT_TABLE;

static const char migrate_v3_to_v4[] =
  QUESTION_INDEX
  "ALTER TABLE instrument ADD COLUMN n_questions INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE assessment ADD COLUMN n_answered INTEGER NOT NULL DEFAULT 0;"
  ANSWER_COUNT_TRIGGERS
  "UPDATE assessment SET n_answered = (SELECT count(*) FROM answer an WHERE an.assessment = assessment.uuid"
  "  AND (an.value IS NOT NULL OR an.not_applicable));";

/* The tables and columns each version has: a file claiming a version must
 * have all of them to be taken for ours. */
static const struct {
  int         since;
  const char *table;
  const char *columns[16];
} expected[] = {
  { 1, "instrument", { "sha256", "id", "version", "json", "added_at" } },
  { 1, "assessment", { "uuid", "title", "country", "organisation", "phase", "lead_assessor", "assessors", "status",
                       "started_on", "ended_on", "created_at", "updated_at" } },
  { 1, "assessment_instrument", { "assessment", "position", "instrument" } },
  { 1, "answer", { "assessment", "question", "value", "not_applicable", "notes", "evidence", "author",
                   "updated_at" } },
  { 1, "answer_history", { "id", "assessment", "question", "author", "changed_at", "old_json", "new_json" } },
  { 1, "stakeholder", { "id", "assessment", "name", "organisation", "sector", "met_on", "notes" } },
  { 1, "target", { "assessment", "pillar", "level" } },
  { 2, "answer", { "source", "flagged" } },
  { 2, "assessment", { "baseline" } },
  { 3, "merge_conflict", { "id", "assessment", "question", "local_json", "remote_json", "remote_won",
                           "recorded_at", "reviewed" } },
  { 4, "question", { "instrument", "id", "kind", "options" } },
  { 5, "answer_history", { "hash" } },
  { 6, "answer", { "notes_internal" } },
  { 7, "finding", { "uuid", "assessment", "kind", "title", "description", "pillar", "phase", "questions", "position",
                    "author", "created_at", "modified_at" } },
  { 7, "finding_history", { "id", "assessment", "finding", "author", "changed_at", "old_json", "new_json" } },
  { 8, "assessment", { "country_code", "region" } },
  { SCHEMA_REVIEW, "review", { "assessment", "question", "state", "comment", "reviewer", "reviewed_at",
                               "answer_version" } },
  { SCHEMA_REVIEW, "review_history", { "id", "assessment", "question", "reviewer", "changed_at", "old_json",
                                       "new_json" } },
  { CIRT_STORE_SCHEMA_EVIDENCE, "evidence_blob", { "sha256", "size", "data" } },
  { CIRT_STORE_SCHEMA_EVIDENCE, "evidence", { "uuid", "assessment", "question", "kind", "name", "url", "mime", "size",
                                              "sha256", "evidence_date", "author", "shareable", "created_at",
                                              "modified_at" } },
  { CIRT_STORE_SCHEMA_EVIDENCE, "evidence_history", { "id", "assessment", "evidence", "author", "changed_at",
                                                      "old_json", "new_json", "sha256" } },
  { CIRT_STORE_SCHEMA_EVIDENCE, "assessment", { "evidenced_only" } },
  { CIRT_STORE_SCHEMA_INTERVIEWS, "stakeholder", { "uuid" } },
  { CIRT_STORE_SCHEMA_INTERVIEWS, "answer", { "session" } },
  { CIRT_STORE_SCHEMA_INTERVIEWS, "interview_session", { "uuid", "assessment", "held_on", "start_time", "end_time",
                                                         "place", "stakeholders", "assessors", "sections", "notes",
                                                         "author", "created_at", "modified_at" } },
  { CIRT_STORE_SCHEMA_INTERVIEWS, "statement", { "uuid", "assessment", "question", "stakeholder", "session", "text",
                                                 "author", "created_at", "modified_at" } },
  { CIRT_STORE_SCHEMA_INTERVIEWS, "interview_history", { "id", "assessment", "kind", "record", "author",
                                                         "changed_at", "old_json", "new_json" } },
  { 4, "instrument", { "n_questions" } },
  { 4, "assessment", { "n_answered" } },
};

/* ------------------------------------------------------------------------ */
/* Unclean shutdowns: SQLite logs when it recovers a write-ahead log that a
 * writer left behind (or rolls back a hot journal). */

static GPrivate opening_recovered;

static void
sqlite_log_cb (void       *data,
               int         code,
               const char *message)
{
  gboolean *recovered = g_private_get (&opening_recovered);

  if (recovered != NULL && (code == SQLITE_NOTICE_RECOVER_WAL || code == SQLITE_NOTICE_RECOVER_ROLLBACK))
    *recovered = TRUE;
}

static void
install_log (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* Only possible before SQLite is first used in the process; where
       * something used it earlier, unclean shutdowns are not noticed here
       * (the explicit check still finds damage). */
      sqlite3_config (SQLITE_CONFIG_LOG, sqlite_log_cb, NULL);
      g_once_init_leave (&once, 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Recognising the file                                                     */

static void
set_error (CirtStore       *self,
           GError         **error,
           CirtStoreError   code,
           const char      *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (CirtStore       *self,
           GError         **error,
           CirtStoreError   code,
           const char      *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIRT_STORE_ERROR, code, msg);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Whether a write-ahead log with frames in it is beside @path. */
static gboolean
has_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* What the first 100 bytes say, read directly (nothing SQLite would write). */
static gboolean
check_header (CirtStore  *self,
              gboolean   *in_wal,
              GError    **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  guint8 header[100];
  GStatBuf st;
  guint32 page_size, pages;
  ssize_t n;
  int fd;

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      set_error (self, error, CIRT_STORE_ERROR_OPEN, _("%s cannot be opened now (%s). It was left unchanged."),
                 display, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  *in_wal = FALSE;
  if (st.st_size == 0)
    return TRUE;   /* empty: a new database */
  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
                 _("%s is not a CIRT Assess database (it is not an SQLite file). It was left unchanged."), display);
      return FALSE;
    }
  /* File format versions 2/2: the file is in WAL mode already, and
   * switching it costs no write. */
  *in_wal = header[18] == 2 && header[19] == 2;
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = be32 (header + 28);
  /* The page count is valid when the change counter matches the
   * "version-valid-for" number (SQLite 3.7.0 and later), and only when no
   * write-ahead log is beside the file: a checkpoint stopped by a full disk
   * leaves the file short of pages that the log still holds and SQLite
   * will copy again. */
  if (page_size >= 512 && be32 (header + 24) == be32 (header + 92) && !has_log (self->path) &&
      (guint64) pages * page_size > (guint64) st.st_size)
    {
      set_error (self, error, CIRT_STORE_ERROR_CORRUPT,
                 _("%s is damaged (truncated: it has %llu bytes of the %llu it should have). It was left unchanged; "
                   "restore it from a backup."),
                 display, (unsigned long long) st.st_size, (unsigned long long) pages * page_size);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (CirtStore  *self,
           const char *sql,
           gint64     *out,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _cirt_store_prepare (self, sql, error);
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

/* The first error reading the file, as the open should report it. */
static void
refuse_unreadable (CirtStore  *self,
                   GError     *read_error,
                   GError    **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  if (g_error_matches (read_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB))
    set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
               _("%s is not a CIRT Assess database (it is not an SQLite file). It was left unchanged."), display);
  else if (g_error_matches (read_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT))
    set_error (self, error, CIRT_STORE_ERROR_CORRUPT,
               _("%s cannot be read: it is damaged or truncated (%s). It was left unchanged; restore it from a "
                 "backup (%s.bak if an upgrade made one)."), display, sqlite3_errmsg (self->db), display);
  else
    /* Locked, no permission to create the shared-memory file…: the file
     * may be fine, so do not call it damaged. */
    set_error (self, error, CIRT_STORE_ERROR_OPEN, _("%s cannot be opened now (%s). It was left unchanged."),
               display, sqlite3_errmsg (self->db));
}

static gboolean
has_columns (CirtStore          *self,
             const char         *table,
             const char * const *columns)
{
  g_autoptr(sqlite3_stmt) stmt = _cirt_store_prepare (self, "SELECT name FROM pragma_table_info(?)", NULL);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, table);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (have, _cirt_column_text (stmt, 0));
  for (guint i = 0; columns[i] != NULL; i++)
    if (!g_hash_table_contains (have, columns[i]))
      return FALSE;
  return TRUE;
}

/* Steps onto the first row of every table: each table's root page and first
 * leaf are read, so a damaged file is usually caught here, at the same cost
 * for any size. No column is read (NOT INDEXED keeps it on the table's own
 * b-tree): a first row holding a large value, an instrument snapshot of a
 * megabyte, would otherwise be read through all its overflow pages. */
static gboolean
probe_tables (CirtStore  *self,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) tables = _cirt_store_prepare (self,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (tables == NULL)
    return FALSE;
  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    g_ptr_array_add (names, _cirt_column_text (tables, 0));
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the database"));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("SELECT 1 FROM \"%s\" NOT INDEXED LIMIT 1",
                                                 (char *) g_ptr_array_index (names, i));
      g_autoptr(sqlite3_stmt) stmt = _cirt_store_prepare (self, quoted, error);
      if (stmt == NULL || !_cirt_store_step (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads only: decides whether the file is ours, healthy and not too new. */
static gboolean
inspect (CirtStore  *self,
         int        *version,
         gboolean   *empty,
         GError    **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  g_autoptr(GError) local_error = NULL;
  gint64 n_tables = 0, user_version = 0, app_id = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, &local_error))
    {
      refuse_unreadable (self, local_error, error);
      return FALSE;
    }
  if (!query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;
  *version = (int) user_version;
  *empty = n_tables == 0 && user_version == 0 && app_id == 0;
  if (*empty)
    return TRUE;

  if (app_id != 0 && app_id != CIRT_STORE_APPLICATION_ID)
    {
      set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
                 _("%s is an SQLite database of another program, not a CIRT Assess database. It was left unchanged."),
                 display);
      return FALSE;
    }
  if (app_id == CIRT_STORE_APPLICATION_ID && user_version > CIRT_STORE_SCHEMA_VERSION)
    {
      set_error (self, error, CIRT_STORE_ERROR_TOO_NEW,
                 _("%s was written by a newer version of CIRT Assess (schema %d; this version reads up to %d). "
                   "It was left unchanged; update CIRT Assess to open it."),
                 display, *version, CIRT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (app_id == 0 && user_version > 3)
    {
      /* Our files have had the application id since schema 4; an older
       * schema number without it is still told apart by its tables. */
      if (has_columns (self, "assessment", expected[1].columns) &&
          has_columns (self, "answer", expected[3].columns))
        set_error (self, error, CIRT_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of CIRT Assess (schema %d; this version reads up to %d). "
                     "It was left unchanged; update CIRT Assess to open it."),
                   display, *version, CIRT_STORE_SCHEMA_VERSION);
      else
        set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
                   _("%s is an SQLite database of another program, not a CIRT Assess database. It was left "
                     "unchanged."), display);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (expected[i].since <= *version && !has_columns (self, expected[i].table, expected[i].columns))
      {
        set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
                   _("%s is an SQLite database of another program, not a CIRT Assess database. It was left "
                     "unchanged."), display);
        return FALSE;
      }
  if (*version == 0)
    {
      set_error (self, error, CIRT_STORE_ERROR_NOT_A_DB,
                 _("%s is an SQLite database of another program, not a CIRT Assess database. It was left unchanged."),
                 display);
      return FALSE;
    }
  if (!probe_tables (self, &local_error))
    {
      if (g_error_matches (local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT) ||
          g_error_matches (local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB))
        set_error (self, error, CIRT_STORE_ERROR_CORRUPT,
                   _("%s is damaged (%s). It was left unchanged; restore it from a backup."), display,
                   sqlite3_errmsg (self->db));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
_cirt_store_integrity_check (CirtStore  *self,
                             GPtrArray  *problems,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) check = _cirt_store_prepare (self, "PRAGMA quick_check", NULL);
  int rc;

  if (check == NULL)
    return _cirt_store_fail (self, error, _("cannot check the database"));
  while ((rc = sqlite3_step (check)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (check, 0);
      if (line != NULL && strcmp (line, "ok") != 0 && problems != NULL)
        g_ptr_array_add (problems, g_strdup (line));
      else if (line != NULL && strcmp (line, "ok") != 0)
        {
          g_autofree char *display = g_filename_display_name (self->path);
          set_error (self, error, CIRT_STORE_ERROR_CORRUPT,
                     _("%s is damaged (%s). It was left unchanged; restore it from a backup."), display, line);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      int code = sqlite3_errcode (self->db) & 0xff;
      if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        {
          g_autofree char *display = g_filename_display_name (self->path);
          if (problems != NULL)
            {
              g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (self->db)));
              return TRUE;
            }
          set_error (self, error, CIRT_STORE_ERROR_CORRUPT,
                     _("%s is damaged (%s). It was left unchanged; restore it from a backup."), display,
                     sqlite3_errmsg (self->db));
          return FALSE;
        }
      return _cirt_store_fail (self, error, _("cannot check the database"));
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Migrations                                                               */

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
  if (g_stat (wal, &st) == 0 && st.st_size > 0 && !_cirt_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;
  if (!g_file_get_contents (self->path, &data, &len, &local_error) ||
      !cirt_file_set_contents (dest_path, data, len, &local_error))
    {
      g_autofree char *display = g_filename_display_name (dest_path);
      set_error (self, error, CIRT_STORE_ERROR_MIGRATE, _("cannot write the backup %s: %s"), display,
                 local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Re-encodes the answers kept as JSON (history, conflicts) in the one form
 * of cirt_answer_to_json(), so equal contents are equal texts. */
static gboolean
normalise_json_column (CirtStore  *self,
                       const char *table,
                       const char *column,
                       GError    **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT rowid, %s FROM %s WHERE %s IS NOT NULL", column, table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = ?", table, column);
  g_autoptr(sqlite3_stmt) read = _cirt_store_prepare (self, select, error);
  g_autoptr(sqlite3_stmt) write = read ? _cirt_store_prepare (self, update, error) : NULL;
  int rc;

  if (write == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (read, 1);
      g_autoptr(CirtAnswer) a = cirt_answer_from_json (NULL, json);
      g_autofree char *again = cirt_answer_to_json (a);

      if (g_strcmp0 (again, json) == 0)
        continue;
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 0));
      _cirt_bind_text (write, 1, again);
      if (!_cirt_store_step (self, write, error))
        return FALSE;
      sqlite3_reset (write);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the database"));
  return TRUE;
}

/* Stores every time of @column in UTC with milliseconds. */
static gboolean
normalise_time_column (CirtStore  *self,
                       const char *table,
                       const char *column,
                       GError    **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT rowid, %s FROM %s", column, table);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = ?", table, column);
  g_autoptr(sqlite3_stmt) read = _cirt_store_prepare (self, select, error);
  g_autoptr(sqlite3_stmt) write = read ? _cirt_store_prepare (self, update, error) : NULL;
  int rc;

  if (write == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *time = (const char *) sqlite3_column_text (read, 1);
      g_autofree char *utc = cirt_time_normalize (time);

      if (utc == NULL || g_strcmp0 (utc, time) == 0)
        continue;
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 0));
      _cirt_bind_text (write, 1, utc);
      if (!_cirt_store_step (self, write, error))
        return FALSE;
      sqlite3_reset (write);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the database"));
  return TRUE;
}

/* The question index and question counts of the stored snapshots. */
static gboolean
index_snapshots (CirtStore  *self,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) read = _cirt_store_prepare (self, "SELECT sha256 FROM instrument", error);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (read == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    g_ptr_array_add (shas, _cirt_column_text (read, 0));
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the database"));
  for (guint i = 0; i < shas->len; i++)
    {
      const char *sha = g_ptr_array_index (shas, i);
      CirtInstrument *inst = _cirt_store_instrument_by_sha (self, sha, NULL);
      g_autoptr(sqlite3_stmt) count = NULL;

      /* A snapshot that no longer loads is reported by the assessment that
       * uses it when it is opened; the others migrate. */
      if (inst == NULL)
        continue;
      if (!_cirt_store_index_instrument (self, inst, error))
        return FALSE;
      count = _cirt_store_prepare (self, "UPDATE instrument SET n_questions = ? WHERE sha256 = ?", error);
      if (count == NULL)
        return FALSE;
      sqlite3_bind_int (count, 1, (int) cirt_instrument_get_n_questions (inst));
      _cirt_bind_text (count, 2, sha);
      if (!_cirt_store_step (self, count, error))
        return FALSE;
    }
  return TRUE;
}

/* Links every row of the history, in the order it was written, to the row
 * before it in its assessment (version 5). */
static gboolean
chain_history (CirtStore  *self,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) read = _cirt_store_prepare (self,
    "SELECT id, assessment, question, author, changed_at, old_json, new_json FROM answer_history"
    " ORDER BY assessment, id", error);
  g_autoptr(sqlite3_stmt) write = _cirt_store_prepare (self, "UPDATE answer_history SET hash = ? WHERE id = ?", error);
  g_autofree char *assessment = NULL, *prev = NULL;
  int rc;

  if (read == NULL || write == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *a = (const char *) sqlite3_column_text (read, 1);
      char *link;

      if (g_strcmp0 (a, assessment) != 0)
        {
          g_free (assessment);
          assessment = g_strdup (a);
          g_clear_pointer (&prev, g_free);
        }
      link = cirt_history_chain_link (prev, a, (const char *) sqlite3_column_text (read, 2),
                                      (const char *) sqlite3_column_text (read, 3),
                                      (const char *) sqlite3_column_text (read, 4),
                                      (const char *) sqlite3_column_text (read, 5),
                                      (const char *) sqlite3_column_text (read, 6));
      g_free (prev);
      prev = link;
      sqlite3_reset (write);
      _cirt_bind_text (write, 1, link);
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 0));
      if (!_cirt_store_step (self, write, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the history"));
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
  g_autofree char *display = g_filename_display_name (self->path);

  if (from == CIRT_STORE_SCHEMA_VERSION && !empty)
    return TRUE;
  if (self->read_only)
    {
      set_error (self, error, CIRT_STORE_ERROR_READ_ONLY,
                 _("%s needs an upgrade to this version of CIRT Assess, but it is read-only (on read-only media or "
                   "without permission to write). Copy it to a folder you can write to."), display);
      return FALSE;
    }

  if (!_cirt_store_begin (self, error))
    return FALSE;
  if (empty)
    {
      if (!_cirt_store_exec (self, schema_current, &local_error))
        goto fail;
    }
  else
    {
      if (from < 2 && !_cirt_store_exec (self, migrate_v1_to_v2, &local_error))
        goto fail;
      if (from < 3 && !_cirt_store_exec (self, migrate_v2_to_v3, &local_error))
        goto fail;
      if (from < 4 &&
          (!_cirt_store_exec (self, migrate_v3_to_v4, &local_error) ||
           !index_snapshots (self, &local_error) ||
           !normalise_time_column (self, "answer", "updated_at", &local_error) ||
           !normalise_time_column (self, "answer_history", "changed_at", &local_error) ||
           !normalise_time_column (self, "merge_conflict", "recorded_at", &local_error) ||
           !normalise_json_column (self, "answer_history", "old_json", &local_error) ||
           !normalise_json_column (self, "answer_history", "new_json", &local_error) ||
           !normalise_json_column (self, "merge_conflict", "local_json", &local_error) ||
           !normalise_json_column (self, "merge_conflict", "remote_json", &local_error)))
        goto fail;
      if (from < 5 && (!_cirt_store_exec (self, migrate_v4_to_v5, &local_error) || !chain_history (self, &local_error)))
        goto fail;
      if (from < 6 && !_cirt_store_exec (self, migrate_v5_to_v6, &local_error))
        goto fail;
      if (from < 7 && !_cirt_store_exec (self, migrate_v6_to_v7, &local_error))
        goto fail;
      if (from < 8 && !_cirt_store_exec (self, migrate_v7_to_v8, &local_error))
        goto fail;
      if (from < SCHEMA_REVIEW && !_cirt_store_exec (self, migrate_add_review, &local_error))
        goto fail;
      if (from < CIRT_STORE_SCHEMA_EVIDENCE && !_cirt_store_exec (self, migrate_add_evidence, &local_error))
        goto fail;
      if (from < CIRT_STORE_SCHEMA_INTERVIEWS && !_cirt_store_exec (self, migrate_add_interviews, &local_error))
        goto fail;
    }
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d", CIRT_STORE_APPLICATION_ID,
                         CIRT_STORE_SCHEMA_VERSION);
  if (!_cirt_store_exec (self, sql, &local_error) || !_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  set_error (self, error, CIRT_STORE_ERROR_MIGRATE,
             _("cannot upgrade %s from schema %d to %d: %s. The database was left as it was."),
             display, from, CIRT_STORE_SCHEMA_VERSION, local_error->message);
  return FALSE;
}

gboolean
_cirt_store_prepare_schema (CirtStore  *self,
                            gboolean    created,
                            GError    **error)
{
  gboolean empty = TRUE, recovered = FALSE, in_wal = FALSE;
  g_autofree char *bak = NULL;
  int version = 0;

  install_log ();
  if (!created && !check_header (self, &in_wal, error))
    return FALSE;

  g_private_set (&opening_recovered, &recovered);
  if (!inspect (self, &version, &empty, error))
    {
      g_private_set (&opening_recovered, NULL);
      return FALSE;
    }
  g_private_set (&opening_recovered, NULL);

  /* From here on the file is ours. A file left by a writer that did not
   * close, one about to be upgraded, and one about to be switched to WAL
   * (a copy made by another tool: the switch rewrites its header) are
   * checked whole first, so that a damaged file is refused before the
   * first byte is written to it. */
  if (!empty && (recovered || version < CIRT_STORE_SCHEMA_VERSION || (!in_wal && !self->read_only)) &&
      !_cirt_store_integrity_check (self, NULL, error))
    return FALSE;
  if (!empty && version < CIRT_STORE_SCHEMA_VERSION && !self->read_only)
    {
      bak = g_strconcat (self->path, ".bak", NULL);
      if (!backup_to (self, bak, error))
        return FALSE;
    }
  if ((!self->read_only && !_cirt_store_exec (self, "PRAGMA synchronous = FULL", error)) ||
      !_cirt_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (!migrate (self, version, empty, error))
    {
      /* Rolled back: the file is as it was, and its copy is not needed. */
      if (bak != NULL)
        g_unlink (bak);
      return FALSE;
    }
  /* WAL last: switching a file to it rewrites its header outside any
   * transaction, so an upgrade that fails and is rolled back must find
   * the file as it was (found by the database fuzzer). */
  return self->read_only || _cirt_store_exec (self, "PRAGMA journal_mode = WAL", error);
}
