/* cirt-store.h — the SQLite database of assessments and answers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection to one database file. Every change is a transaction that
 * writes the data and its history; the signals below announce each change
 * once it is committed (changes made inside an import's transaction are
 * announced when it commits, never when it is rolled back). Changes made
 * through another connection — another program, the CLI, an import thread —
 * are announced by cirt_store_refresh(), with the same signals. */
#pragma once

#include <glib-object.h>

#include "cirt-instrument.h"
#include "cirt-records.h"
#include "cirt-types.h"

G_BEGIN_DECLS

#define CIRT_STORE_ERROR (cirt_store_error_quark ())

typedef enum {
  CIRT_STORE_ERROR_OPEN,       /* cannot open or create the file */
  CIRT_STORE_ERROR_NOT_A_DB,   /* not SQLite, or SQLite of another program */
  CIRT_STORE_ERROR_CORRUPT,    /* damaged or truncated */
  CIRT_STORE_ERROR_TOO_NEW,    /* written by a newer CIRT Assess */
  CIRT_STORE_ERROR_MIGRATE,    /* an upgrade failed (the file is unchanged) */
  CIRT_STORE_ERROR_SQL,        /* any other database failure */
  CIRT_STORE_ERROR_NOT_FOUND,  /* no such assessment, question or record */
  CIRT_STORE_ERROR_AMBIGUOUS,  /* an id prefix matches several assessments */
  CIRT_STORE_ERROR_INVALID,    /* a value the data model refuses */
  CIRT_STORE_ERROR_READ_ONLY,  /* opened read-only (read-only media): nothing can be changed */
  CIRT_STORE_ERROR_FULL,       /* the disk is full: nothing was written */
  CIRT_STORE_ERROR_BUSY,       /* another program kept the database locked */
  CIRT_STORE_ERROR_TAMPERED,   /* the history's chain of hashes does not hold */
} CirtStoreError;

GQuark cirt_store_error_quark (void);

/* The schema version this program writes (PRAGMA user_version). */
#define CIRT_STORE_SCHEMA_VERSION 11
/* The version that added the evidence vault (migrate_add_evidence). */
#define CIRT_STORE_SCHEMA_EVIDENCE 10
/* The version that added interview sessions and statements (one edit when
 * migrations are renumbered; the tests start from the version before it). */
#define CIRT_STORE_SCHEMA_INTERVIEWS 11

/* Longest text accepted in any one field (notes, evidence, text answers…). */
#define CIRT_STORE_MAX_TEXT CIRT_MAX_TEXT

#define CIRT_TYPE_STORE (cirt_store_get_type ())
G_DECLARE_FINAL_TYPE (CirtStore, cirt_store, CIRT, STORE, GObject)

typedef enum {
  CIRT_STORE_OPEN_DEFAULT   = 0,
  CIRT_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, even where the file could be written */
} CirtStoreOpenFlags;

/* $XDG_DATA_HOME/cirt-assess/assessments.db */
char               *cirt_store_default_path          (void);

/* Opens or creates the database. A file that is not SQLite, is damaged, or
 * comes from a newer version or another program is refused and left
 * byte-for-byte unchanged (nothing is written before it is known to be
 * ours). An older schema is migrated in one transaction after a copy to
 * PATH.bak. A file on read-only media, or that cannot be written, is
 * opened read-only: everything can be read and exported, writes are refused
 * with CIRT_STORE_ERROR_READ_ONLY. See docs/design-notes.md for when the
 * integrity of the whole file is checked. */
CirtStore          *cirt_store_open                  (const char          *path,
                                                      GError             **error);
CirtStore          *cirt_store_open_full             (const char          *path,
                                                      CirtStoreOpenFlags   flags,
                                                      GError             **error);
const char         *cirt_store_get_path              (CirtStore   *self);
gboolean            cirt_store_is_read_only          (CirtStore   *self);

/* Recomputes the chain of hashes of @id's history (docs/design-notes.md).
 * TRUE when every row holds, with the number of rows and the chain's head
 * (the last row's hash; NULL without history); FALSE with
 * CIRT_STORE_ERROR_TAMPERED naming the first row that does not match. */
gboolean            cirt_store_verify_history        (CirtStore   *self,
                                                      const char  *id,
                                                      guint       *n_rows,
                                                      char       **head,
                                                      GError     **error);

/* Starts parsing the instrument snapshots of @assessment_id in threads of
 * their own, so that opening it later finds them ready (the application
 * calls it before building its window). Errors are left to that open. */
void                cirt_store_prefetch_instruments  (CirtStore   *self,
                                                      const char  *assessment_id);

/* The full check (`cirt-assess-cli check`): SQLite's integrity check of
 * every page, the foreign keys, every instrument snapshot, the answer
 * counts. Returns FALSE with @error when the check could not run; the
 * problems found (translated sentences) go to @problems (empty: none). */
gboolean            cirt_store_check                 (CirtStore   *self,
                                                      GPtrArray   *problems,
                                                      GError     **error);

/* Announces what other connections committed since the last call (or since
 * the store was opened): "answer-changed" per answer, "assessment-changed"
 * per assessment, "assessments-changed" when some were added or removed.
 * Cheap when nothing changed (one pragma). Returns FALSE on a database error. */
gboolean            cirt_store_refresh               (CirtStore   *self,
                                                      GError     **error);

/* Assessments */
/* Creates an assessment using @instruments (CirtInstrument*, in order; their
 * question ids must not collide) and returns its id: info->id when set (an
 * imported assessment keeps its id), else a new UUID. */
char               *cirt_store_create_assessment     (CirtStore                *self,
                                                      const CirtAssessmentInfo *info,
                                                      GPtrArray                *instruments,
                                                      GError                  **error);
gboolean            cirt_store_update_assessment     (CirtStore                *self,
                                                      const CirtAssessmentInfo *info,
                                                      GError                  **error);
gboolean            cirt_store_delete_assessment     (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* Newest first. */
GPtrArray          *cirt_store_list_assessments      (CirtStore   *self,
                                                      GError     **error);
CirtAssessmentInfo *cirt_store_get_assessment        (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* Full id from any unique prefix of it. */
char               *cirt_store_resolve_id            (CirtStore   *self,
                                                      const char  *prefix,
                                                      GError     **error);
/* The instrument snapshots stored with the assessment (CirtInstrument*). */
GPtrArray          *cirt_store_get_instruments       (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* The question of that id in the assessment's instruments, or NULL. */
const CirtQuestion *cirt_store_lookup_question       (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      GError     **error);

/* Answers */
/* question id → CirtAnswer* */
GHashTable         *cirt_store_get_answers           (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* NULL with no error when nothing is recorded for the question. */
CirtAnswer         *cirt_store_get_answer            (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      GError     **error);
/* Writes @answer (its value already canonical or raw: it is checked against
 * the question and canonicalised) and one history row, in one transaction.
 * Writing the same content again changes nothing and writes no history.
 * An empty answer removes the row. author/updated_at are taken from @answer
 * or filled in. */
gboolean            cirt_store_save_answer           (CirtStore        *self,
                                                      const char       *id,
                                                      const CirtAnswer *answer,
                                                      GError          **error);

/* What cirt_store_save_answer_over() did. */
typedef enum {
  CIRT_SAVE_UNCHANGED,   /* the store already held that content */
  CIRT_SAVE_WRITTEN,     /* written as given */
  CIRT_SAVE_MERGED,      /* written, with parts changed elsewhere meanwhile taken in */
  CIRT_SAVE_CONFLICT,    /* both changed the same part: this one is written, the
                            other version is kept as a merge conflict */
} CirtSaveOutcome;

/* An edit that started from @base (the answer as it was read, NULL: none)
 * and leads to @answer. When the store still holds @base, @answer is
 * written. When the answer changed meanwhile through another connection,
 * the edit is merged part by part (the answer, notes, evidence, source,
 * flag): parts only one side changed are kept from that side; where both
 * changed a part differently, @answer's version is written and the other is
 * recorded as a merge conflict, so nothing typed anywhere is lost.
 * *@stored (may be NULL) receives what the store holds afterwards. */
gboolean            cirt_store_save_answer_over      (CirtStore        *self,
                                                      const char       *id,
                                                      const CirtAnswer *base,
                                                      const CirtAnswer *answer,
                                                      CirtSaveOutcome  *outcome,
                                                      CirtAnswer      **stored,
                                                      GError          **error);
/* Removes the value and N/A mark, keeping notes, evidence, source and flag. */
gboolean            cirt_store_unanswer              (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      const char  *author,
                                                      GError     **error);
/* Oldest first; @question NULL for the whole assessment. */
GPtrArray          *cirt_store_get_history           (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      GError     **error);

/* Targets: level 1..5 per pillar, 0 = none. */
gboolean            cirt_store_get_targets           (CirtStore   *self,
                                                      const char  *id,
                                                      int          targets[CIRT_N_PILLARS],
                                                      GError     **error);
gboolean            cirt_store_set_target            (CirtStore   *self,
                                                      const char  *id,
                                                      CirtPillar   pillar,
                                                      int          level,
                                                      GError     **error);

/* Stakeholders (interviews), in order of date then name. */
GPtrArray          *cirt_store_list_stakeholders     (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* Returns the new row id, or 0 on error. */
gint64              cirt_store_add_stakeholder       (CirtStore             *self,
                                                      const char            *id,
                                                      const CirtStakeholder *stakeholder,
                                                      GError               **error);
gboolean            cirt_store_update_stakeholder    (CirtStore             *self,
                                                      const CirtStakeholder *stakeholder,
                                                      GError               **error);
gboolean            cirt_store_delete_stakeholder    (CirtStore   *self,
                                                      gint64       stakeholder_id,
                                                      GError     **error);

/* Findings (cirt-store-findings.c): the mission's key issues, quick wins
 * and risks to the project, in the order the assessors gave them. Every
 * change is one transaction that writes the finding and a row of the
 * findings' history (who, when, the finding before and after), and is
 * announced as "assessment-changed". A finding is known by its UUID. */
GPtrArray          *cirt_store_list_findings         (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* The finding of that UUID in assessment @id. */
CirtFinding        *cirt_store_get_finding           (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *finding,
                                                      GError     **error);
/* The full UUID of the finding of @id whose UUID starts with @prefix
 * (CIRT_STORE_ERROR_NOT_FOUND, CIRT_STORE_ERROR_AMBIGUOUS). */
char               *cirt_store_resolve_finding       (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *prefix,
                                                      GError     **error);
/* Adds @finding at finding->position (CIRT_FINDING_END or beyond: last;
 * the findings from there on move down one) and returns its UUID:
 * finding->id when set (a removal taken back keeps its identity), else a
 * new one. Created and modified now, by finding->author (NULL: the user's
 * name). Its kind, pillar and phase must be set, the title must not be
 * empty, the questions must be the assessment's. */
char               *cirt_store_add_finding           (CirtStore          *self,
                                                      const char         *id,
                                                      const CirtFinding  *finding,
                                                      GError            **error);
/* Writes the content of @finding (found by finding->id): kind, title,
 * description, pillar, phase, questions, by finding->author, modified now.
 * Its place in the list and its creation time stay. The same content
 * again writes nothing. */
gboolean            cirt_store_update_finding        (CirtStore          *self,
                                                      const char         *id,
                                                      const CirtFinding  *finding,
                                                      GError            **error);
gboolean            cirt_store_remove_finding        (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *finding,
                                                      const char  *author,
                                                      GError     **error);
/* Puts the finding at @position (0: first; beyond the end: last). */
gboolean            cirt_store_move_finding          (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *finding,
                                                      guint        position,
                                                      const char  *author,
                                                      GError     **error);
/* The recorded changes (CirtFindingChange*), oldest first; @finding NULL
 * for every finding of the assessment. */
GPtrArray          *cirt_store_get_finding_history   (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *finding,
                                                      GError     **error);

/* What cirt_store_import_finding() did. */
typedef enum {
  CIRT_FINDING_IMPORT_SAME,     /* the same content is here */
  CIRT_FINDING_IMPORT_ADDED,    /* new here: added last */
  CIRT_FINDING_IMPORT_UPDATED,  /* it changed later over there: taken */
  CIRT_FINDING_IMPORT_KEPT,     /* changed (or removed) here later: kept as it is here */
} CirtFindingImport;

/* A finding as another laptop has it (its author and times kept): added
 * when it is not here, unless it was removed here after its last change
 * there; when both have it and it differs, the later change wins (at the
 * same instant the greater content, so both laptops choose alike). */
gboolean            cirt_store_import_finding        (CirtStore          *self,
                                                      const char         *id,
                                                      const CirtFinding  *finding,
                                                      CirtFindingImport  *outcome,
                                                      GError            **error);

/* Transactions for callers that group many changes (imports); they nest. */
gboolean            cirt_store_transaction_begin     (CirtStore   *self,
                                                      GError     **error);
gboolean            cirt_store_transaction_commit    (CirtStore   *self,
                                                      GError     **error);
void                cirt_store_transaction_rollback  (CirtStore   *self);

/* Merging the work of several assessors (see cirt-exchange.h). */

/* Writes an answer as it was given on another laptop, keeping its author and
 * time, with a history row. *changed tells whether anything was written. */
gboolean            cirt_store_import_answer         (CirtStore        *self,
                                                      const char       *id,
                                                      const CirtAnswer *answer,
                                                      gboolean         *changed,
                                                      GError          **error);
/* Adds a history entry from another laptop unless the same one is there;
 * its question must be one of the assessment's and its answers valid. */
gboolean            cirt_store_import_history        (CirtStore              *self,
                                                      const char             *id,
                                                      const CirtHistoryEntry *entry,
                                                      gboolean               *added,
                                                      GError                **error);
/* Whether @answer's content is one that @question has had (in the history). */
gboolean            cirt_store_answer_in_history     (CirtStore        *self,
                                                      const char       *id,
                                                      const CirtAnswer *answer,
                                                      gboolean         *found,
                                                      GError          **error);
/* Records a conflict unless the same one is already recorded. */
gboolean            cirt_store_record_conflict       (CirtStore        *self,
                                                      const char       *id,
                                                      const char       *question,
                                                      const CirtAnswer *local,
                                                      const CirtAnswer *remote,
                                                      gboolean          remote_won,
                                                      gboolean         *added,
                                                      GError          **error);
/* Oldest first. */
GPtrArray          *cirt_store_list_conflicts        (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
guint               cirt_store_count_unreviewed_conflicts (CirtStore   *self,
                                                           const char  *id,
                                                           GError     **error);
gboolean            cirt_store_set_conflict_reviewed (CirtStore   *self,
                                                      gint64       conflict_id,
                                                      gboolean     reviewed,
                                                      GError     **error);

G_END_DECLS

/* The lead assessor's reviews (cirt-store-review.c). */
#include "cirt-store-review.h"
