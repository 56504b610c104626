/* cirt-review.h — the lead assessor's review of an answer: accepted, or
 * needing work (with a comment), of one version of the answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review records which version of the answer it looked at (the sha256 of
 * the answer's one JSON form, its content without author and time). The
 * state an answer shows is the review's only while the answer still has
 * that content: any later change of the value, the N/A mark, the notes
 * (and their internal mark), the evidence, the source or the follow-up
 * flag — made here, through another connection or by a merge — shows it
 * as not reviewed again, with nothing written when the answer changes.
 * See docs/design-notes.md, "Review by the lead assessor". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cirt-instrument.h"
#include "cirt-records.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_REVIEW_NOT_REVIEWED,   /* never reviewed, cleared, or the answer changed since */
  CIRT_REVIEW_ACCEPTED,
  CIRT_REVIEW_NEEDS_WORK,     /* with a comment saying what */
  CIRT_N_REVIEW_STATES
} CirtReviewState;

/* Longest comment of a review: a few paragraphs, not a document. */
#define CIRT_REVIEW_MAX_COMMENT (16 * 1024)

typedef struct {
  char            *question;
  CirtReviewState  state;           /* as set; NOT_REVIEWED: cleared (the row stays, so an
                                     * older copy merged later does not bring the review back) */
  char            *comment;         /* required for NEEDS_WORK, at most CIRT_REVIEW_MAX_COMMENT */
  char            *reviewer;
  char            *reviewed_at;     /* ISO 8601 UTC: when it was set (what a merge compares) */
  char            *answer_version;  /* cirt_review_answer_version() of what was reviewed; NULL when cleared */
} CirtReview;

CirtReview     *cirt_review_new               (const char        *question);
CirtReview     *cirt_review_copy              (const CirtReview  *review);
void            cirt_review_free              (CirtReview        *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtReview, cirt_review_free)

/* "not-reviewed", "accepted", "needs-work". */
const char     *cirt_review_state_to_string   (CirtReviewState    state);
gboolean        cirt_review_state_from_string (const char        *text,
                                               CirtReviewState   *state);

/* The version of @answer a review names: the sha256 (hex) of its content
 * (cirt_answer_to_json()); NULL for an answer without a value or N/A mark,
 * which cannot be reviewed. */
char           *cirt_review_answer_version    (const CirtAnswer  *answer);

/* The state @answer shows: @review's when it reviewed exactly this
 * content, else NOT_REVIEWED. */
CirtReviewState cirt_review_effective_state   (const CirtReview  *review,
                                               const CirtAnswer  *answer);
/* A review that was set (accepted or needs work) on content the answer no
 * longer has: shown as not reviewed, "changed since the review". */
gboolean        cirt_review_is_outdated       (const CirtReview  *review,
                                               const CirtAnswer  *answer);

/* Same state, comment and reviewed version (who and when aside). */
gboolean        cirt_review_same_content      (const CirtReview  *a,
                                               const CirtReview  *b);

/* Its one JSON form (history, exchange files): question, state, comment,
 * reviewer, reviewed_at, answer_version; absent texts as null. */
JsonNode       *cirt_review_to_json_node      (const CirtReview  *review);
/* The same, compact; NULL for NULL. */
char           *cirt_review_to_json           (const CirtReview  *review);
/* Reads what cirt_review_to_json() wrote; NULL for NULL or unreadable text. */
CirtReview     *cirt_review_from_json         (const char        *json);
/* Reads a review object strictly: no unknown member, each of its type, the
 * state one of the three, a needs-work review with a comment, the comment
 * within CIRT_REVIEW_MAX_COMMENT, answer_version 64 hex digits (null only
 * when not reviewed), the question present. The time is read as text
 * (its check is the caller's). @path names it in messages ("reviews[2]"). */
CirtReview     *cirt_review_from_json_object  (JsonObject        *object,
                                               const char        *path,
                                               GError           **error);

/* The message refusing a comment over the limit (its size and the limit
 * in KiB); NULL when @comment fits. */
char           *cirt_review_comment_too_long  (const char        *comment);

/* How far the review has come over the answered questions. */
typedef struct {
  guint n_answered;       /* with a value or N/A: what can be reviewed */
  guint n_accepted;
  guint n_needs_work;
  guint n_not_reviewed;   /* answered, and not reviewed (or changed since) */
  guint n_outdated;       /* of those, reviewed once and changed since */
} CirtReviewCounts;

/* Counts over @answers (question → CirtAnswer*) with @reviews (question →
 * CirtReview*, may be NULL: none). */
void            cirt_review_count             (GHashTable        *answers,
                                               GHashTable        *reviews,
                                               CirtReviewCounts  *counts);
/* (accepted + needs work) / answered, 0 with nothing answered. */
double          cirt_review_counts_share      (const CirtReviewCounts *counts);

/* What the review page and `review list` show: the answered questions, in
 * questionnaire order, with their review. */
typedef struct {
  const char *section;    /* a section id; NULL: every section */
  const char *assessor;   /* the answer's author (compared without case); NULL: anyone */
  int         state;      /* a CirtReviewState; -1: any */
  const char *session;    /* the interview session the answer was given in (its UUID, compared
                           * without case); "": given outside any session; NULL: either */
} CirtReviewFilter;

typedef struct {
  const CirtQuestion *question;   /* borrowed from the instruments */
  const CirtSection  *section;    /* likewise */
  CirtAnswer         *answer;     /* a copy */
  CirtReview         *review;     /* a copy, or NULL: never reviewed */
  CirtReviewState     state;      /* what the answer shows */
  gboolean            outdated;   /* reviewed once, changed since */
} CirtReviewItem;

void            cirt_review_item_free         (CirtReviewItem    *item);
/* CirtReviewItem* of every answered question of @instruments that passes
 * @filter (NULL: all). */
GPtrArray      *cirt_review_items             (GPtrArray              *instruments,
                                               GHashTable             *answers,
                                               GHashTable             *reviews,
                                               const CirtReviewFilter *filter);

/* One recorded change of a review: @old_review NULL when it was first set. */
typedef struct {
  gint64      id;
  char       *question;
  char       *reviewer;
  char       *changed_at;
  CirtReview *old_review;
  CirtReview *new_review;
} CirtReviewChange;

void            cirt_review_change_free       (CirtReviewChange  *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtReviewChange, cirt_review_change_free)

G_END_DECLS
