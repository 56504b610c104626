/* cirt-assessment-page.h — what every page of the assessment view implements
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cirt-session.h"

G_BEGIN_DECLS

/* A page of CirtAssessmentView (Questionnaire, Stakeholders, Targets, …).
 * Each has a "session" property (CirtSession, NULL: none) and follows it.
 * To add a page: write a widget implementing this interface (override the
 * "session" property) and add it to the view's list of pages
 * (cirt-assessment-view.c) and to ui/cirt-assessment-view.ui. */
#define CIRT_TYPE_ASSESSMENT_PAGE (cirt_assessment_page_get_type ())
G_DECLARE_INTERFACE (CirtAssessmentPage, cirt_assessment_page, CIRT, ASSESSMENT_PAGE, GtkWidget)

struct _CirtAssessmentPageInterface {
  GTypeInterface parent_iface;

  /* Writes pending input now; FALSE with @error when some could not be
   * stored. Optional: pages that write at once need not implement it. */
  gboolean (*flush)       (CirtAssessmentPage  *self,
                           GError             **error);
  /* Moves the keyboard focus to where work on the page starts. Optional. */
  void     (*focus_start) (CirtAssessmentPage  *self);
};

/* Shows @session's assessment (NULL: none). Pending input of the previous
 * one is written first. */
void         cirt_assessment_page_set_session (CirtAssessmentPage  *self,
                                               CirtSession         *session);
CirtSession *cirt_assessment_page_get_session (CirtAssessmentPage  *self);
gboolean     cirt_assessment_page_flush       (CirtAssessmentPage  *self,
                                               GError             **error);
void         cirt_assessment_page_focus_start (CirtAssessmentPage  *self);

/* For implementations of the "session" property: makes @session the one
 * in *@slot and the target of @signals (may be NULL), and moves the page's
 * hold (cirt_session_hold()) from the old session to the new one when
 * @holds and the page is mapped. FALSE when @session was already there. */
gboolean     cirt_assessment_page_replace_session (CirtAssessmentPage  *self,
                                                   CirtSession        **slot,
                                                   CirtSession         *session,
                                                   GSignalGroup        *signals,
                                                   gboolean             holds);

G_END_DECLS
