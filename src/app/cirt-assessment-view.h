/* cirt-assessment-view.h — one assessment: its header and pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-questionnaire.h"
#include "cirt-stakeholders-page.h"
#include "cirt-store.h"
#include "cirt-targets-page.h"

G_BEGIN_DECLS

#define CIRT_TYPE_ASSESSMENT_VIEW (cirt_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (CirtAssessmentView, cirt_assessment_view, CIRT, ASSESSMENT_VIEW, GtkWidget)

GtkWidget            *cirt_assessment_view_new              (void);
/* Opens assessment @id on its first page (flushing the previous one). */
void                  cirt_assessment_view_set_assessment   (CirtAssessmentView  *self,
                                                             CirtStore           *store,
                                                             const char          *id);
const char           *cirt_assessment_view_get_assessment_id (CirtAssessmentView *self);
/* Writes what every page holds; FALSE with @error when some could not be. */
gboolean              cirt_assessment_view_flush            (CirtAssessmentView  *self,
                                                             GError             **error);
void                  cirt_assessment_view_focus_start      (CirtAssessmentView  *self);
/* "overview", "questionnaire", "stakeholders", "targets", "recommendations" */
void                  cirt_assessment_view_show_page        (CirtAssessmentView  *self,
                                                             const char          *name);
CirtQuestionnaire    *cirt_assessment_view_get_questionnaire (CirtAssessmentView *self);
CirtStakeholdersPage *cirt_assessment_view_get_stakeholders (CirtAssessmentView  *self);
CirtTargetsPage      *cirt_assessment_view_get_targets      (CirtAssessmentView  *self);
/* The header's "Saved" / "Saving…" / "Not Saved" text. */
const char           *cirt_assessment_view_get_save_text    (CirtAssessmentView  *self);
/* Shows the number of merge conflicts not reviewed yet in the menu. */
void                  cirt_assessment_view_set_n_conflicts  (CirtAssessmentView  *self,
                                                             guint                n_unreviewed);

G_END_DECLS
