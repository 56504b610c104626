/* cirt-store.h — the SQLite database of assessments and answers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-instrument.h"
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
} CirtStoreError;

GQuark cirt_store_error_quark (void);

/* The schema version this program writes (PRAGMA user_version). */
#define CIRT_STORE_SCHEMA_VERSION 3

/* Longest text accepted in any one field (notes, evidence, text answers…). */
#define CIRT_STORE_MAX_TEXT (1024 * 1024)

typedef struct {
  char      *id;             /* UUID */
  char      *title;
  char      *country;
  char      *organisation;
  char      *phase;          /* assessment | design | establishment | enhancement */
  char      *lead_assessor;
  char      *assessors;      /* free text, comma separated */
  char      *status;         /* in-progress | completed */
  char      *started_on;     /* YYYY-MM-DD or NULL */
  char      *ended_on;
  char      *baseline;       /* id of the earlier assessment this one follows up, or NULL */
  char      *created_at;
  char      *updated_at;
  GStrv      instruments;    /* instrument ids, in order */
  guint      n_answered;     /* questions with a value or N/A */
  guint      n_questions;    /* questions in all its instruments */
} CirtAssessmentInfo;

CirtAssessmentInfo *cirt_assessment_info_new  (void);
CirtAssessmentInfo *cirt_assessment_info_copy (const CirtAssessmentInfo *info);
void                cirt_assessment_info_free (CirtAssessmentInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtAssessmentInfo, cirt_assessment_info_free)

typedef struct {
  char     *question;
  char     *value;           /* canonical value; NULL until one is decided */
  gboolean  not_applicable;  /* then @notes holds the justification */
  char     *notes;
  char     *evidence;
  char     *source;
  gboolean  flagged;         /* for follow-up */
  char     *author;
  char     *updated_at;      /* ISO 8601 UTC */
} CirtAnswer;

CirtAnswer *cirt_answer_new            (const char       *question);
CirtAnswer *cirt_answer_copy           (const CirtAnswer *answer);
void        cirt_answer_free           (CirtAnswer       *answer);
/* Counts as answered: has a value or is not applicable. */
gboolean    cirt_answer_is_answered    (const CirtAnswer *answer);
/* Holds nothing worth keeping. */
gboolean    cirt_answer_is_empty       (const CirtAnswer *answer);
/* Same content (ignores author and time). */
gboolean    cirt_answer_same_content   (const CirtAnswer *a,
                                        const CirtAnswer *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtAnswer, cirt_answer_free)

typedef struct {
  gint64      id;
  char       *question;
  char       *author;
  char       *changed_at;
  CirtAnswer *old_answer;    /* NULL: there was none */
  CirtAnswer *new_answer;    /* NULL: removed */
} CirtHistoryEntry;

void cirt_history_entry_free (CirtHistoryEntry *entry);

typedef struct {
  gint64  id;
  char   *name;
  char   *organisation;
  char   *sector;
  char   *met_on;            /* YYYY-MM-DD or NULL */
  char   *notes;
} CirtStakeholder;

CirtStakeholder *cirt_stakeholder_new  (void);
void             cirt_stakeholder_free (CirtStakeholder *stakeholder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtStakeholder, cirt_stakeholder_free)

#define CIRT_TYPE_STORE (cirt_store_get_type ())
G_DECLARE_FINAL_TYPE (CirtStore, cirt_store, CIRT, STORE, GObject)

/* $XDG_DATA_HOME/cirt-assess/assessments.db */
char               *cirt_store_default_path          (void);

/* Opens or creates the database. A file that is not SQLite, is damaged, or
 * comes from a newer version is refused and left byte-for-byte unchanged.
 * An older schema is migrated in one transaction after a copy to PATH.bak. */
CirtStore          *cirt_store_open                  (const char  *path,
                                                      GError     **error);
const char         *cirt_store_get_path              (CirtStore   *self);

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

/* The answer's content as JSON (value, not_applicable, notes, evidence,
 * source, flagged), as kept in the history; NULL for an empty answer. */
char               *cirt_answer_to_json              (const CirtAnswer *answer);
CirtAnswer         *cirt_answer_from_json            (const char       *question,
                                                      const char       *json);

/* Transactions for callers that group many changes (imports); they nest. */
gboolean            cirt_store_transaction_begin     (CirtStore   *self,
                                                      GError     **error);
gboolean            cirt_store_transaction_commit    (CirtStore   *self,
                                                      GError     **error);
void                cirt_store_transaction_rollback  (CirtStore   *self);

/* Merging the work of several assessors (see cirt-exchange.h). */
typedef struct {
  gint64      id;
  char       *question;
  CirtAnswer *local;         /* what this laptop had */
  CirtAnswer *remote;        /* what the imported file had */
  gboolean    remote_won;    /* the later change won */
  char       *recorded_at;
  gboolean    reviewed;
} CirtConflict;

void                cirt_conflict_free               (CirtConflict *conflict);

/* Writes an answer as it was given on another laptop, keeping its author and
 * time, with a history row. *changed tells whether anything was written. */
gboolean            cirt_store_import_answer         (CirtStore        *self,
                                                      const char       *id,
                                                      const CirtAnswer *answer,
                                                      gboolean         *changed,
                                                      GError          **error);
/* Adds a history entry from another laptop unless the same one is there. */
gboolean            cirt_store_import_history        (CirtStore              *self,
                                                      const char             *id,
                                                      const CirtHistoryEntry *entry,
                                                      gboolean               *added,
                                                      GError                **error);
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
gboolean            cirt_store_set_conflict_reviewed (CirtStore   *self,
                                                      gint64       conflict_id,
                                                      gboolean     reviewed,
                                                      GError     **error);

G_END_DECLS
