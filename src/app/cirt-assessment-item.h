/* cirt-assessment-item.h — one assessment in the sidebar's list model
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_ASSESSMENT_ITEM (cirt_assessment_item_get_type ())
G_DECLARE_FINAL_TYPE (CirtAssessmentItem, cirt_assessment_item, CIRT, ASSESSMENT_ITEM, GObject)

CirtAssessmentItem *cirt_assessment_item_new          (const CirtAssessmentInfo *info);
/* Takes the new values, notifying only what changed. */
void                cirt_assessment_item_update       (CirtAssessmentItem       *self,
                                                       const CirtAssessmentInfo *info);
const CirtAssessmentInfo *cirt_assessment_item_get_info (CirtAssessmentItem     *self);
const char         *cirt_assessment_item_get_id       (CirtAssessmentItem       *self);
double              cirt_assessment_item_get_fraction (CirtAssessmentItem       *self);
/* TRUE when every word of @query (already folded with
 * g_str_tokenize_and_fold) starts a word of the title, country or organisation. */
gboolean            cirt_assessment_item_matches      (CirtAssessmentItem       *self,
                                                       char                    **query);
/* Sort keys. */
int                 cirt_assessment_item_compare      (CirtAssessmentItem       *a,
                                                       CirtAssessmentItem       *b,
                                                       const char               *order);

G_END_DECLS
