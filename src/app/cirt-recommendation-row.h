/* cirt-recommendation-row.h — one ranked recommendation, as shown in lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-lang.h"
#include "cirt-score.h"

G_BEGIN_DECLS

/* The content of a row: rank, question id, pillar and section, priority,
 * the recommendation text (wrapping), the question's score and lifecycle
 * phase. Put in a GtkListBoxRow (the overview) or a GtkListView item (the
 * Recommendations page). */
#define CIRT_TYPE_RECOMMENDATION_ROW (cirt_recommendation_row_get_type ())
G_DECLARE_FINAL_TYPE (CirtRecommendationRow, cirt_recommendation_row, CIRT, RECOMMENDATION_ROW, GtkWidget)

GtkWidget          *cirt_recommendation_row_new                (void);
/* Shows recommendation @index (0-based rank) of @score (NULL: nothing),
 * the instrument's texts in @language, its numbers and names as @lang
 * writes them. Keeps @score. */
void                cirt_recommendation_row_set                (CirtRecommendationRow *self,
                                                                CirtScore             *score,
                                                                guint                  index,
                                                                const char            *language,
                                                                const CirtLang        *lang);
/* 1-based rank among all the assessment's recommendations; 0 when empty. */
guint               cirt_recommendation_row_get_rank           (CirtRecommendationRow *self);
const CirtQuestion *cirt_recommendation_row_get_question       (CirtRecommendationRow *self);
const char         *cirt_recommendation_row_get_question_id    (CirtRecommendationRow *self);
/* The recommendation text shown. */
const char         *cirt_recommendation_row_get_text           (CirtRecommendationRow *self);
/* Everything the row shows, in one sentence for screen readers. */
const char         *cirt_recommendation_row_get_accessible_text (CirtRecommendationRow *self);

G_END_DECLS
