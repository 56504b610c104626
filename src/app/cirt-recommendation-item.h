/* cirt-recommendation-item.h — one recommendation of a score, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-score.h"

G_BEGIN_DECLS

#define CIRT_TYPE_RECOMMENDATION_ITEM (cirt_recommendation_item_get_type ())
G_DECLARE_FINAL_TYPE (CirtRecommendationItem, cirt_recommendation_item, CIRT, RECOMMENDATION_ITEM, GObject)

/* Recommendation @index (0-based rank) of @score; the item keeps @score. */
CirtRecommendationItem   *cirt_recommendation_item_new                (CirtScore *score,
                                                                       guint      index);
CirtScore                *cirt_recommendation_item_get_score          (CirtRecommendationItem *self);
guint                     cirt_recommendation_item_get_index          (CirtRecommendationItem *self);
const CirtRecommendation *cirt_recommendation_item_get_recommendation (CirtRecommendationItem *self);

G_END_DECLS
