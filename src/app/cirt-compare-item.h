/* cirt-compare-item.h — one question of a comparison, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-compare.h"

G_BEGIN_DECLS

#define CIRT_TYPE_COMPARE_ITEM (cirt_compare_item_get_type ())
G_DECLARE_FINAL_TYPE (CirtCompareItem, cirt_compare_item, CIRT, COMPARE_ITEM, GObject)

/* Question @index of @comparison->questions; the item keeps @comparison. */
CirtCompareItem           *cirt_compare_item_new          (CirtComparison *comparison,
                                                           guint           index);
CirtComparison            *cirt_compare_item_get_comparison (CirtCompareItem *self);
const CirtCompareQuestion *cirt_compare_item_get_question (CirtCompareItem *self);

G_END_DECLS
