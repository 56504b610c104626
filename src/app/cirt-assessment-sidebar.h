/* cirt-assessment-sidebar.h — the list of assessments, searchable and sorted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_ASSESSMENT_SIDEBAR (cirt_assessment_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CirtAssessmentSidebar, cirt_assessment_sidebar, CIRT, ASSESSMENT_SIDEBAR, GtkWidget)

GtkWidget  *cirt_assessment_sidebar_new             (void);
void        cirt_assessment_sidebar_set_store       (CirtAssessmentSidebar *self,
                                                     CirtStore             *store);
/* Re-reads every assessment from the store. */
void        cirt_assessment_sidebar_reload          (CirtAssessmentSidebar *self);
/* "selected-id" property: the assessment selected in the list, or NULL. */
const char *cirt_assessment_sidebar_get_selected_id (CirtAssessmentSidebar *self);
/* Selects @id (NULL: none), clearing the search when it hides it. */
void        cirt_assessment_sidebar_select          (CirtAssessmentSidebar *self,
                                                     const char            *id);
/* Hides @id from the list (an assessment whose delete can still be undone);
 * NULL shows everything again. */
void        cirt_assessment_sidebar_set_hidden      (CirtAssessmentSidebar *self,
                                                     const char            *id);
/* Sort order: "date", "country", "title" or "progress". */
void        cirt_assessment_sidebar_set_sort_order  (CirtAssessmentSidebar *self,
                                                     const char            *order);
void        cirt_assessment_sidebar_set_search      (CirtAssessmentSidebar *self,
                                                     const char            *text);
void        cirt_assessment_sidebar_focus_search    (CirtAssessmentSidebar *self);
void        cirt_assessment_sidebar_focus_list      (CirtAssessmentSidebar *self);
/* What the list shows, in order. */
guint       cirt_assessment_sidebar_get_n_shown     (CirtAssessmentSidebar *self);
/* Every assessment of the store, shown or filtered out. */
guint       cirt_assessment_sidebar_get_n_assessments (CirtAssessmentSidebar *self);
const char *cirt_assessment_sidebar_get_shown_id    (CirtAssessmentSidebar *self,
                                                     guint                  position);

G_END_DECLS
