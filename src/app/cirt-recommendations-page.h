/* cirt-recommendations-page.h — every recommendation, ranked, filtered by
 * pillar and lifecycle phase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-score.h"
#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_RECOMMENDATIONS_PAGE (cirt_recommendations_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtRecommendationsPage, cirt_recommendations_page, CIRT, RECOMMENDATIONS_PAGE, GtkWidget)

/* Signal question-activated (const char *question_id): a row was activated. */

/* The phase filter: a CirtPhase, or one of these. */
#define CIRT_RECOMMENDATIONS_ANY_PHASE (-1)
/* The pillar filter: a CirtPillar, or this. */
#define CIRT_RECOMMENDATIONS_ANY_PILLAR (-1)

GtkWidget  *cirt_recommendations_page_new               (void);
/* Shows @session's recommendations (NULL: none) and follows them while
 * shown. The same as the "session" property. */
void        cirt_recommendations_page_set_session       (CirtRecommendationsPage *self,
                                                         CirtSession             *session);
CirtScore  *cirt_recommendations_page_get_score         (CirtRecommendationsPage *self);
/* Sets the dropdowns: a CirtPillar or CIRT_RECOMMENDATIONS_ANY_PILLAR; a
 * CirtPhase (CIRT_PHASE_NONE: recommendations without a phase) or
 * CIRT_RECOMMENDATIONS_ANY_PHASE. */
void        cirt_recommendations_page_set_filter        (CirtRecommendationsPage *self,
                                                         int                      pillar,
                                                         int                      phase);
/* Rows shown with the current filter, and in all. */
guint       cirt_recommendations_page_get_n_shown       (CirtRecommendationsPage *self);
guint       cirt_recommendations_page_get_n_total       (CirtRecommendationsPage *self);
/* The question of the @index-th row shown, or NULL. */
const char *cirt_recommendations_page_get_shown_question (CirtRecommendationsPage *self,
                                                         guint                    index);
/* "12 of 63 recommendations" */
const char *cirt_recommendations_page_get_count_text    (CirtRecommendationsPage *self);
/* "list", "no-match" or "none" */
const char *cirt_recommendations_page_get_state         (CirtRecommendationsPage *self);

G_END_DECLS
