/* cirt-recommendation-item.c — one recommendation of a score, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-recommendation-item.h"

struct _CirtRecommendationItem {
  GObject    parent_instance;

  CirtScore *score;
  guint      index;
};

G_DEFINE_FINAL_TYPE (CirtRecommendationItem, cirt_recommendation_item, G_TYPE_OBJECT)

static void
cirt_recommendation_item_dispose (GObject *object)
{
  CirtRecommendationItem *self = CIRT_RECOMMENDATION_ITEM (object);

  g_clear_object (&self->score);
  G_OBJECT_CLASS (cirt_recommendation_item_parent_class)->dispose (object);
}

static void
cirt_recommendation_item_class_init (CirtRecommendationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cirt_recommendation_item_dispose;
}

static void
cirt_recommendation_item_init (CirtRecommendationItem *self)
{
}

CirtRecommendationItem *
cirt_recommendation_item_new (CirtScore *score,
                              guint      index)
{
  CirtRecommendationItem *self;

  g_return_val_if_fail (CIRT_IS_SCORE (score), NULL);
  g_return_val_if_fail (index < cirt_score_get_n_recommendations (score), NULL);

  self = g_object_new (CIRT_TYPE_RECOMMENDATION_ITEM, NULL);
  self->score = g_object_ref (score);
  self->index = index;
  return self;
}

CirtScore *
cirt_recommendation_item_get_score (CirtRecommendationItem *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->score;
}

guint
cirt_recommendation_item_get_index (CirtRecommendationItem *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ITEM (self), 0);
  return self->index;
}

const CirtRecommendation *
cirt_recommendation_item_get_recommendation (CirtRecommendationItem *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ITEM (self), NULL);
  return self->score ? cirt_score_get_recommendation (self->score, self->index) : NULL;
}
