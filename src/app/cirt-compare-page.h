/* cirt-compare-page.h — a follow-up against its baseline: the pillars' and
 * sections' changes, the recommendations met, and the questions whose
 * answer changed, filtered
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-compare.h"
#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_COMPARE_PAGE (cirt_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtComparePage, cirt_compare_page, CIRT, COMPARE_PAGE, GtkWidget)

/* Signal question-activated (const char *question_id): a row of a question
 * the assessment has was activated. */

/* Which changed questions the list shows. */
typedef enum {
  CIRT_COMPARE_FILTER_ALL,        /* every question whose answer changed, or is still open */
  CIRT_COMPARE_FILTER_IMPROVED,
  CIRT_COMPARE_FILTER_REGRESSED,
  CIRT_COMPARE_FILTER_NEW,        /* answered for the first time (new questions included) */
  CIRT_COMPARE_FILTER_OPEN,       /* not answered now: still open, no longer answered */
  CIRT_N_COMPARE_FILTERS
} CirtCompareFilter;

GtkWidget      *cirt_compare_page_new                  (void);
/* Shows @session's comparison with its baseline (NULL: none) and follows
 * it while shown. The same as the "session" property. */
void            cirt_compare_page_set_session          (CirtComparePage   *self,
                                                        CirtSession       *session);
/* The comparison shown; NULL when there is none. */
CirtComparison *cirt_compare_page_get_comparison       (CirtComparePage   *self);
void            cirt_compare_page_set_filter           (CirtComparePage   *self,
                                                        CirtCompareFilter  filter);
CirtCompareFilter cirt_compare_page_get_filter         (CirtComparePage   *self);
/* Whether @change is shown under @filter. */
gboolean        cirt_compare_filter_matches            (CirtCompareFilter          filter,
                                                        const CirtCompareQuestion *question);
/* Rows shown with the current filter. */
guint           cirt_compare_page_get_n_shown          (CirtComparePage   *self);
/* The question of the @index-th row shown, or NULL. */
const char     *cirt_compare_page_get_shown_question   (CirtComparePage   *self,
                                                        guint              index);
/* "compare", "none" (no baseline to compare with) */
const char     *cirt_compare_page_get_state            (CirtComparePage   *self);

G_END_DECLS
