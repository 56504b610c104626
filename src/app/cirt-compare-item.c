/* cirt-compare-item.c — one question of a comparison, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-compare-item.h"

struct _CirtCompareItem {
  GObject         parent_instance;

  CirtComparison *comparison;
  guint           index;
};

G_DEFINE_FINAL_TYPE (CirtCompareItem, cirt_compare_item, G_TYPE_OBJECT)

static void
cirt_compare_item_finalize (GObject *object)
{
  CirtCompareItem *self = CIRT_COMPARE_ITEM (object);

  g_clear_pointer (&self->comparison, cirt_comparison_unref);
  G_OBJECT_CLASS (cirt_compare_item_parent_class)->finalize (object);
}

static void
cirt_compare_item_class_init (CirtCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_compare_item_finalize;
}

static void
cirt_compare_item_init (CirtCompareItem *self)
{
}

CirtCompareItem *
cirt_compare_item_new (CirtComparison *comparison,
                       guint           index)
{
  CirtCompareItem *self;

  g_return_val_if_fail (comparison != NULL, NULL);
  g_return_val_if_fail (index < comparison->questions->len, NULL);

  self = g_object_new (CIRT_TYPE_COMPARE_ITEM, NULL);
  self->comparison = cirt_comparison_ref (comparison);
  self->index = index;
  return self;
}

CirtComparison *
cirt_compare_item_get_comparison (CirtCompareItem *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_ITEM (self), NULL);
  return self->comparison;
}

const CirtCompareQuestion *
cirt_compare_item_get_question (CirtCompareItem *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_ITEM (self), NULL);
  return &g_array_index (self->comparison->questions, CirtCompareQuestion, self->index);
}
