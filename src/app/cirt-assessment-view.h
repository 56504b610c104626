/* cirt-assessment-view.h — one assessment: its header and pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-findings-page.h"
#include "cirt-plan-page.h"
#include "cirt-questionnaire.h"
#include "cirt-review-page.h"
#include "cirt-stakeholders-page.h"
#include "cirt-session.h"
#include "cirt-sessions-page.h"
#include "cirt-targets-page.h"

G_BEGIN_DECLS

#define CIRT_TYPE_ASSESSMENT_VIEW (cirt_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (CirtAssessmentView, cirt_assessment_view, CIRT, ASSESSMENT_VIEW, GtkWidget)

GtkWidget            *cirt_assessment_view_new              (void);
/* Opens assessment @id of @context's store on its overview, in a session
 * of its own (NULL: none), after writing what the previous one holds.
 * FALSE with @error when it cannot be read (nothing changes then). */
gboolean              cirt_assessment_view_set_assessment   (CirtAssessmentView  *self,
                                                             CirtContext         *context,
                                                             const char          *id,
                                                             GError             **error);
/* The session of the open assessment ("session"), NULL when none is open. */
CirtSession          *cirt_assessment_view_get_session      (CirtAssessmentView  *self);
const char           *cirt_assessment_view_get_assessment_id (CirtAssessmentView *self);
/* Writes what every page holds; FALSE with @error when some could not be. */
gboolean              cirt_assessment_view_flush            (CirtAssessmentView  *self,
                                                             GError             **error);
void                  cirt_assessment_view_focus_start      (CirtAssessmentView  *self);
/* "overview", "questionnaire", "stakeholders", "targets", "recommendations",
 * "findings" */
void                  cirt_assessment_view_show_page        (CirtAssessmentView  *self,
                                                             const char          *name);
const char           *cirt_assessment_view_get_page_name    (CirtAssessmentView  *self);
/* Whether page @name has been made yet (pages are made when first shown). */
gboolean              cirt_assessment_view_has_page         (CirtAssessmentView  *self,
                                                             const char          *name);
/* The pages, made now if they were not yet. */
CirtQuestionnaire    *cirt_assessment_view_get_questionnaire (CirtAssessmentView *self);
CirtStakeholdersPage *cirt_assessment_view_get_stakeholders (CirtAssessmentView  *self);
CirtTargetsPage      *cirt_assessment_view_get_targets      (CirtAssessmentView  *self);
CirtFindingsPage     *cirt_assessment_view_get_findings     (CirtAssessmentView  *self);
CirtSessionsPage     *cirt_assessment_view_get_sessions     (CirtAssessmentView  *self);
CirtPlanPage         *cirt_assessment_view_get_plan         (CirtAssessmentView  *self);
CirtReviewPage       *cirt_assessment_view_get_review       (CirtAssessmentView  *self);
/* The header's "Saved" / "Saving…" / "Not Saved" text. */
const char           *cirt_assessment_view_get_save_text    (CirtAssessmentView  *self);

G_END_DECLS
