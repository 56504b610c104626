/* cirt-store-review.h — the lead assessor's reviews of the answers, in the
 * store (cirt-store-review.c); included by cirt-store.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One review row per answered question that was ever reviewed, naming the
 * version of the answer it reviewed (cirt-review.h). Every change is one
 * transaction that writes the row and a row of review_history (who, when,
 * the review before and after), and is announced as "assessment-changed".
 * A cleared review keeps its row (state not-reviewed), so that a merge of
 * an older copy does not bring it back. */
#pragma once

#include "cirt-review.h"

G_BEGIN_DECLS

/* question id → CirtReview* (cleared ones included). */
GHashTable         *cirt_store_get_reviews           (CirtStore   *self,
                                                      const char  *id,
                                                      GError     **error);
/* NULL without an error when the question was never reviewed. */
CirtReview         *cirt_store_get_review            (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      GError     **error);
/* Sets the review of @question's answer as it is now, by @reviewer (NULL:
 * the user), now. ACCEPTED (@comment optional) and NEEDS_WORK (@comment
 * required) need an answered question (a value or N/A): an unanswered one
 * is refused with CIRT_STORE_ERROR_INVALID. NOT_REVIEWED clears the
 * review (@comment is not kept). A comment over CIRT_REVIEW_MAX_COMMENT is
 * refused. Setting what is already set writes nothing. */
gboolean            cirt_store_set_review            (CirtStore        *self,
                                                      const char       *id,
                                                      const char       *question,
                                                      CirtReviewState   state,
                                                      const char       *comment,
                                                      const char       *reviewer,
                                                      GError          **error);
/* The recorded changes (CirtReviewChange*), oldest first; @question NULL
 * for the whole assessment. */
GPtrArray          *cirt_store_get_review_history    (CirtStore   *self,
                                                      const char  *id,
                                                      const char  *question,
                                                      GError     **error);

/* What cirt_store_import_review() did. */
typedef enum {
  CIRT_REVIEW_IMPORT_SAME,     /* the same review is here */
  CIRT_REVIEW_IMPORT_TAKEN,    /* new here, or set later over there: taken */
  CIRT_REVIEW_IMPORT_KEPT,     /* set (or cleared) here later: kept as it is here */
} CirtReviewImport;

/* A review as another laptop has it (reviewer and time kept): taken when
 * none is here or when it was set later (at the same instant the greater
 * content wins, so both laptops choose alike); a clear is a review like
 * any other, so an older review merged later does not undo it. */
gboolean            cirt_store_import_review         (CirtStore         *self,
                                                      const char        *id,
                                                      const CirtReview  *review,
                                                      CirtReviewImport  *outcome,
                                                      GError           **error);

G_END_DECLS
