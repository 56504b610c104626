/* cirt-assessment-data.h — an assessment as the renderers need it: its
 * description, instruments, answers, targets, score, the score of the
 * assessment it follows up, its interviews and its findings, read from a
 * store in one go
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one loader used by the CLI, the application's session and the
 * exports. Once loaded it never changes and never touches the store again,
 * so it can be handed to an export running in another thread. */
#pragma once

#include <glib-object.h>

#include "cirt-score.h"
#include "cirt-store.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_LOAD_SCORE        = 0,        /* info, instruments, answers, targets, score */
  CIRT_LOAD_BASELINE     = 1 << 0,   /* and the followed-up assessment's score */
  CIRT_LOAD_STAKEHOLDERS = 1 << 1,   /* and the interviews */
  CIRT_LOAD_HISTORY      = 1 << 2,   /* and the state of the history's chain of hashes */
  CIRT_LOAD_FINDINGS     = 1 << 3,   /* and the findings */
  CIRT_LOAD_REVIEWS      = 1 << 4,   /* and the lead assessor's reviews */
  /* What the screen shows (the session reloads it after each burst of
   * answers): the chain, which reads the whole history, is left out. */
  CIRT_LOAD_ALL          = CIRT_LOAD_BASELINE | CIRT_LOAD_STAKEHOLDERS | CIRT_LOAD_FINDINGS | CIRT_LOAD_REVIEWS,
  /* What a document shows. */
  CIRT_LOAD_DOCUMENT     = CIRT_LOAD_ALL | CIRT_LOAD_HISTORY,
} CirtLoadFlags;

typedef struct _CirtAssessmentData {
  CirtAssessmentInfo *info;
  GPtrArray          *instruments;     /* CirtInstrument* */
  GHashTable         *answers;         /* question id → CirtAnswer* */
  int                 targets[CIRT_N_PILLARS];
  CirtScore          *score;
  /* CIRT_LOAD_BASELINE: the earlier assessment, when there is one and it is
   * still in the database: its description and score, and the whole of it
   * as loaded with CIRT_LOAD_SCORE (its answers, for the comparison of
   * cirt-compare.h; baseline_info and baseline are its info and score). */
  CirtAssessmentInfo *baseline_info;
  CirtScore          *baseline;
  struct _CirtAssessmentData *baseline_data;
  /* CIRT_LOAD_STAKEHOLDERS: the stakeholders, the interview sessions (by
   * date) and the statements (cirt-interviews.h) */
  GPtrArray          *stakeholders;    /* CirtStakeholder* */
  GPtrArray          *interviews;      /* CirtInterview* */
  GPtrArray          *statements;      /* CirtStatement* */
  /* CIRT_LOAD_FINDINGS: in their order */
  GPtrArray          *findings;        /* CirtFinding* */
  /* CIRT_LOAD_REVIEWS: question id → CirtReview* (cirt-review.h) */
  GHashTable         *reviews;
  /* CIRT_LOAD_HISTORY: the recorded changes and the chain's head (NULL
   * without history), or why the chain does not hold. */
  guint               n_changes;
  char               *history_head;
  char               *history_problem;
  char               *loaded_on;       /* YYYY-MM-DD (UTC): the date of a document made from it */
  gboolean            redacted;        /* a copy made by cirt_assessment_data_redact() */
  /* The evidence vault's items (CirtEvidence*, cirt-evidence.h), loaded for
   * documents (with CIRT_LOAD_HISTORY); a redacted copy keeps only the
   * shareable ones. */
  GPtrArray          *evidence;
} CirtAssessmentData;

#define CIRT_TYPE_ASSESSMENT_DATA (cirt_assessment_data_get_type ())
GType               cirt_assessment_data_get_type (void) G_GNUC_CONST;

CirtAssessmentData *cirt_assessment_data_load   (CirtStore      *store,
                                                 const char     *assessment_id,
                                                 CirtLoadFlags   flags,
                                                 GError        **error);
/* @data with the state of the history's chain added (CIRT_LOAD_HISTORY), as
 * a new value sharing the rest: for a document made from data loaded for
 * the screen. */
CirtAssessmentData *cirt_assessment_data_with_history (CirtAssessmentData *data,
                                                       CirtStore          *store,
                                                       GError            **error);
CirtAssessmentData *cirt_assessment_data_ref    (CirtAssessmentData *data);
void                cirt_assessment_data_unref  (CirtAssessmentData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtAssessmentData, cirt_assessment_data_unref)

/* The answer to @question, or NULL. */
const CirtAnswer   *cirt_assessment_data_answer (CirtAssessmentData *data,
                                                 const CirtQuestion *question);

G_END_DECLS
