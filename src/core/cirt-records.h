/* cirt-records.h — the values an assessment is made of: its description,
 * answers, their history, interviews, findings and merge conflicts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs with copy and free, shared by the store (which reads and
 * writes them), the score (which reads answers), the renderers and the
 * exchange files. Nothing here does I/O. An answer has one JSON form,
 * written and read by the functions below: in the history, in exchange
 * files, in `cirt-assess-cli show --json` and in merge conflicts. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cirt-types.h"

G_BEGIN_DECLS

/* Longest text accepted in any one field (notes, evidence, text answers…). */
#define CIRT_MAX_TEXT (1024 * 1024)
/* Longest short text (a title, a name, an organisation). */
#define CIRT_MAX_SHORT_TEXT 4096

typedef struct {
  char      *id;             /* UUID */
  char      *title;
  char      *country;        /* as the assessors name it */
  char      *country_code;   /* ISO 3166-1 alpha-2 ("FR"), or NULL (a country not in ISO 3166-1, or not given) */
  char      *region;         /* ITU region id (cirt-countries.h), or NULL */
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
#define CIRT_TYPE_ASSESSMENT_INFO (cirt_assessment_info_get_type ())
GType               cirt_assessment_info_get_type (void) G_GNUC_CONST;

typedef struct {
  char     *question;
  char     *value;           /* canonical value; NULL until one is decided */
  gboolean  not_applicable;  /* then @notes holds the justification */
  char     *notes;
  char     *evidence;
  char     *source;
  gboolean  flagged;         /* for follow-up */
  gboolean  notes_internal;  /* the notes are for the team: left out of redacted exports */
  char     *author;
  char     *updated_at;      /* ISO 8601 UTC */
} CirtAnswer;

CirtAnswer *cirt_answer_new            (const char       *question);
CirtAnswer *cirt_answer_copy           (const CirtAnswer *answer);
void        cirt_answer_free           (CirtAnswer       *answer);
/* Counts as answered: has a value or is not applicable. */
gboolean    cirt_answer_is_answered    (const CirtAnswer *answer);
/* Holds nothing worth keeping (NULL is empty). */
gboolean    cirt_answer_is_empty       (const CirtAnswer *answer);
/* Same content (ignores author and time); NULL and an empty answer are the same. */
gboolean    cirt_answer_same_content   (const CirtAnswer *a,
                                        const CirtAnswer *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtAnswer, cirt_answer_free)

/* The parts of an answer that change independently, for merging one
 * assessor's edit with another's made meanwhile: the answer itself (value
 * and N/A mark together), notes (with their internal mark), evidence,
 * source, follow-up flag. */
typedef enum {
  CIRT_ANSWER_PART_VALUE    = 1 << 0,
  CIRT_ANSWER_PART_NOTES    = 1 << 1,
  CIRT_ANSWER_PART_EVIDENCE = 1 << 2,
  CIRT_ANSWER_PART_SOURCE   = 1 << 3,
  CIRT_ANSWER_PART_FLAG     = 1 << 4,
} CirtAnswerParts;

/* The parts in which @a and @b differ. */
CirtAnswerParts cirt_answer_diff       (const CirtAnswer *a,
                                        const CirtAnswer *b);
/* Copies @parts of @from into @to. */
void        cirt_answer_take_parts     (CirtAnswer       *to,
                                        const CirtAnswer *from,
                                        CirtAnswerParts   parts);

typedef enum {
  CIRT_ANSWER_JSON_CONTENT = 0,       /* value, not_applicable, notes, evidence, source, flagged
                                       * (and notes_internal when set) */
  CIRT_ANSWER_JSON_WITH_META = 1 << 0 /* and question, author, updated_at */
} CirtAnswerJsonFlags;

/* The answer's JSON object (absent texts as null); NULL for an empty answer
 * without meta. */
JsonNode   *cirt_answer_to_json_node   (const CirtAnswer    *answer,
                                        CirtAnswerJsonFlags  flags);
/* The same, as compact text (the form kept in the history). */
char       *cirt_answer_to_json        (const CirtAnswer *answer);
/* Reads what cirt_answer_to_json() wrote (this program's own data; an
 * exchange file is read with cirt_answer_from_json_object()). NULL for
 * NULL or unreadable text. */
CirtAnswer *cirt_answer_from_json      (const char       *question,
                                        const char       *json);
/* Reads an answer object strictly: every member of the right type (texts
 * strings or null, flags booleans), no unknown member, texts valid UTF-8 of
 * at most CIRT_MAX_TEXT bytes; with @flags WITH_META also question, author
 * and updated_at. @path names the object in messages ("answers[3]"). */
CirtAnswer *cirt_answer_from_json_object (JsonObject          *object,
                                          const char          *question,
                                          CirtAnswerJsonFlags  flags,
                                          const char          *path,
                                          GError             **error);

typedef struct {
  gint64      id;
  char       *question;
  char       *author;
  char       *changed_at;
  CirtAnswer *old_answer;    /* NULL: there was none */
  CirtAnswer *new_answer;    /* NULL: removed */
  char       *hash;          /* the chain's link (sha256, hex) after this row */
} CirtHistoryEntry;

/* @message cut to a few hundred characters (at a character boundary, with
 * "…"): a message that quotes what it refuses must not carry megabytes of
 * it to a terminal or a dialog. Takes ownership; returns the same or a new
 * string. */
#define CIRT_MAX_MESSAGE 400
char *cirt_shorten_message (char *message);

/* The tamper-evident chain of an assessment's history: each row's hash is
 * the sha256 of the previous row's hash (@prev, NULL for the first row) and
 * of the row's fields, each written with its length (so no two rows can be
 * spelt alike), the answers in their one JSON form (cirt_answer_to_json). */
char *cirt_history_chain_link (const char *prev,
                               const char *assessment,
                               const char *question,
                               const char *author,
                               const char *changed_at,
                               const char *old_json,
                               const char *new_json);

void cirt_history_entry_free (CirtHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtHistoryEntry, cirt_history_entry_free)

typedef struct {
  gint64  id;
  char   *name;
  char   *organisation;
  char   *sector;
  char   *met_on;            /* YYYY-MM-DD or NULL */
  char   *notes;
} CirtStakeholder;

CirtStakeholder *cirt_stakeholder_new  (void);
CirtStakeholder *cirt_stakeholder_copy (const CirtStakeholder *stakeholder);
void             cirt_stakeholder_free (CirtStakeholder *stakeholder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtStakeholder, cirt_stakeholder_free)

/* What the assessors concluded, beside the answers: a key issue to address,
 * a quick win within reach, or a risk to the CIRT project itself (a rivalry
 * over who leads the team, dependence on donors, staff who leave). Each is
 * placed on a pillar and in a step of the CIRT lifecycle, so the roadmap
 * shows it with the recommendations of that step. Its kind
 * (CirtFindingKind) is in cirt-types.h. A position past the end (added
 * last): */
#define CIRT_FINDING_END G_MAXUINT

typedef struct {
  char            *id;           /* UUID: the same finding on every laptop */
  CirtFindingKind  kind;
  char            *title;        /* at most CIRT_MAX_SHORT_TEXT */
  char            *description;  /* free text, or NULL */
  CirtPillar       pillar;
  CirtPhase        phase;        /* design, establishment or enhancement */
  GStrv            questions;    /* related question ids, or NULL */
  guint            position;     /* its place in the assessment's list, from 0 */
  char            *author;       /* who wrote this version (like an answer's author) */
  char            *created_at;   /* ISO 8601 UTC */
  char            *modified_at;  /* the last change of its content */
} CirtFinding;

/* position CIRT_FINDING_END, phase CIRT_PHASE_NONE (to be set). */
CirtFinding *cirt_finding_new          (void);
CirtFinding *cirt_finding_copy         (const CirtFinding *finding);
void         cirt_finding_free         (CirtFinding       *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtFinding, cirt_finding_free)
/* Same kind, title, description, pillar, phase and questions (the place in
 * the list, the author and the times aside). */
gboolean     cirt_finding_same_content (const CirtFinding *a,
                                        const CirtFinding *b);
/* Its one JSON form (history, exchange files, `show --json`): every member,
 * absent texts as null, "questions" an array. */
JsonNode    *cirt_finding_to_json_node (const CirtFinding *finding);
/* The same, compact (the form kept in the history); NULL for NULL. */
char        *cirt_finding_to_json      (const CirtFinding *finding);
/* Reads a finding object strictly: no unknown member, every member of its
 * type, "id" a UUID, kind, pillar and phase among their ids, the title
 * present, texts valid UTF-8 within their limits, the question ids texts
 * without repeats. Times are read as texts (their checks are the caller's).
 * @path names the object in messages ("findings[2]"). */
CirtFinding *cirt_finding_from_json_object (JsonObject  *object,
                                            const char  *path,
                                            GError     **error);
/* Reads what cirt_finding_to_json() wrote (this program's own history);
 * NULL for NULL or unreadable text. */
CirtFinding *cirt_finding_from_json    (const char *json);

/* One recorded change of a finding: @old_finding NULL when it was added,
 * @new_finding NULL when it was removed. */
typedef struct {
  gint64       id;
  char        *finding;      /* its UUID */
  char        *author;
  char        *changed_at;
  CirtFinding *old_finding;
  CirtFinding *new_finding;
} CirtFindingChange;

void cirt_finding_change_free (CirtFindingChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtFindingChange, cirt_finding_change_free)

/* Two versions of one answer that could not both be kept as the answer:
 * after a merge (the other laptop's version) or after an edit in this
 * application that crossed one made elsewhere meanwhile. */
typedef struct {
  gint64      id;
  char       *question;
  CirtAnswer *local;         /* what this laptop had */
  CirtAnswer *remote;        /* what the imported file (or the other writer) had */
  gboolean    remote_won;    /* the later change won */
  char       *recorded_at;
  gboolean    reviewed;
} CirtConflict;

void cirt_conflict_free (CirtConflict *conflict);

gboolean cirt_text_is_blank (const char *s);

G_END_DECLS
