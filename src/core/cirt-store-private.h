/* cirt-store-private.h — what the store's files share: the connection,
 * prepared statements, transactions and the announcements of changes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-store.c          opening, checks, statements, transactions,
 *                       announcements, assessments, targets, stakeholders
 * cirt-store-schema.c   the schema, recognising our files, migrations
 * cirt-store-answers.c  answers, their history, the save that merges
 * cirt-store-merge.c    what an import writes: answers, history, conflicts
 * cirt-store-findings.c the findings and their history
 * cirt-store-sessions.c interview sessions, statements and their history */
#pragma once

#include <sqlite3.h>

#include "cirt-store.h"

G_BEGIN_DECLS

/* "CIRT" in PRAGMA application_id, from schema 4 on. */
#define CIRT_STORE_APPLICATION_ID 0x43495254

typedef struct {
  char *assessment;    /* NULL: the list of assessments */
  char *question;      /* NULL: the assessment as a whole */
} Change;

struct _CirtStore {
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  gboolean    read_only;
  GHashTable *instruments;   /* sha256 → CirtInstrument*, parsed snapshots */
  GHashTable *prefetching;   /* sha256 → GThread* parsing one (cirt_store_prefetch_instruments) */
  GHashTable *statements;    /* SQL text (static) → sqlite3_stmt*, prepared once */

  /* Transactions: depth, and for each level the number of changes that
   * were pending when it began (a rolled-back level drops its own). */
  guint       depth;
  guint       collecting;    /* > 0: changes are queued without a transaction (refresh) */
  GArray     *marks;         /* guint */
  GArray     *pending;       /* Change, announced at the outermost commit */
  GHashTable *pending_keys;  /* change_key() of each pending change: each once */

  /* What other connections did: the last PRAGMA data_version seen, the
   * newest history row and each assessment's updated_at known. */
  gint64      data_version;
  gint64      seen_history;
  char       *seen_latest;   /* the latest assessment.updated_at seen */
  gint64      seen_count;    /* assessments seen */
};

/* A statement of its own, finalized when it goes out of scope. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A cached prepared statement, reset and unbound when it goes out of scope:
 *   g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT …", error); */
typedef sqlite3_stmt CirtStmt;
void          _cirt_stmt_release            (CirtStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtStmt, _cirt_stmt_release)

/* @sql must be a string constant: statements are kept by its address. */
CirtStmt     *_cirt_store_stmt              (CirtStore    *self,
                                             const char   *sql,
                                             GError      **error);
/* A statement of its own (dynamic SQL, schema work); the caller finalizes it. */
sqlite3_stmt *_cirt_store_prepare           (CirtStore    *self,
                                             const char   *sql,
                                             GError      **error);
gboolean      _cirt_store_exec              (CirtStore    *self,
                                             const char   *sql,
                                             GError      **error);
/* Steps a statement that writes or reads one row; SQLITE_DONE or SQLITE_ROW. */
gboolean      _cirt_store_step              (CirtStore    *self,
                                             sqlite3_stmt *stmt,
                                             GError      **error);
/* Sets @error from the connection's last error, in words (disk full, busy,
 * read-only, damaged…); @what says what was being done. Returns FALSE. */
gboolean      _cirt_store_fail              (CirtStore    *self,
                                             GError      **error,
                                             const char   *what);

void          _cirt_bind_text               (sqlite3_stmt *stmt,
                                             int           index,
                                             const char   *text);
char         *_cirt_column_text             (sqlite3_stmt *stmt,
                                             int           col);
const char   *_cirt_empty_to_null           (const char   *s);

/* Transactions nest (savepoints inside). Writes refuse on a read-only store. */
gboolean      _cirt_store_begin             (CirtStore    *self,
                                             GError      **error);
gboolean      _cirt_store_commit            (CirtStore    *self,
                                             GError      **error);
void          _cirt_store_rollback          (CirtStore    *self);

/* Announces a change now, or at the outermost commit inside a transaction.
 * @question non-NULL: "answer-changed" (and "assessment-changed"); NULL with
 * an @assessment: "assessment-changed"; both NULL: "assessments-changed". */
void          _cirt_store_changed           (CirtStore    *self,
                                             const char   *assessment,
                                             const char   *question);

gboolean      _cirt_store_assessment_exists (CirtStore    *self,
                                             const char   *id);
void          _cirt_store_touch             (CirtStore    *self,
                                             const char   *id,
                                             const char   *now);
CirtInstrument *_cirt_store_instrument_by_sha (CirtStore  *self,
                                               const char *sha256,
                                               GError    **error);
/* Writes the question index of an instrument (its questions' kinds and
 * options), so that an answer is checked without reading the instrument. */
gboolean      _cirt_store_index_instrument  (CirtStore      *self,
                                             CirtInstrument *instrument,
                                             GError        **error);

/* Appends a row to @id's history, chained to the row before it. */
gboolean      _cirt_store_insert_history    (CirtStore    *self,
                                             const char   *id,
                                             const char   *question,
                                             const char   *author,
                                             const char   *when,
                                             const char   *old_json,
                                             const char   *new_json,
                                             GError      **error);

/* Checks of texts and dates as the data model has them. */
gboolean      _cirt_check_text              (const char   *what,
                                             const char   *value,
                                             gboolean      required,
                                             gsize         max,
                                             GError      **error);
gboolean      _cirt_check_date              (const char   *what,
                                             const char   *value,
                                             GError      **error);

/* cirt-store-schema.c: decides whether the open file is ours, healthy and
 * not too new, then creates or upgrades the schema. Nothing is written
 * before the file is known to be a CIRT Assess database. */
gboolean      _cirt_store_prepare_schema    (CirtStore    *self,
                                             gboolean      created,
                                             GError      **error);
/* SQLite's integrity check; problems into @problems (NULL: only the verdict). */
gboolean      _cirt_store_integrity_check   (CirtStore    *self,
                                             GPtrArray    *problems,
                                             GError      **error);

/* cirt-store-answers.c: the one way an answer is written (checked,
 * canonical, same content writes nothing, history row, one transaction). */
gboolean      _cirt_store_write_answer      (CirtStore        *self,
                                             const char       *id,
                                             const CirtAnswer *answer,
                                             const char       *author,
                                             const char       *when,
                                             gboolean         *changed,
                                             GError          **error);
/* The answer checked against its question, with its value canonical. */
CirtAnswer   *_cirt_store_clean_answer      (CirtStore        *self,
                                             const char       *id,
                                             const CirtAnswer *answer,
                                             GError          **error);

G_END_DECLS
