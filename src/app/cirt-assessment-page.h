/* cirt-assessment-page.h — what every page of the assessment view implements
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cirt-store.h"

G_BEGIN_DECLS

/* A page of CirtAssessmentView (Questionnaire, Stakeholders, Targets, …).
 * To add a page: write a widget implementing this interface and add it as an
 * AdwViewStackPage in ui/cirt-assessment-view.ui. */
#define CIRT_TYPE_ASSESSMENT_PAGE (cirt_assessment_page_get_type ())
G_DECLARE_INTERFACE (CirtAssessmentPage, cirt_assessment_page, CIRT, ASSESSMENT_PAGE, GtkWidget)

struct _CirtAssessmentPageInterface {
  GTypeInterface parent_iface;

  /* Shows assessment @id of @store (NULL: none). Pending input of the
   * previous assessment is flushed first. */
  void     (*set_assessment) (CirtAssessmentPage  *self,
                              CirtStore           *store,
                              const char          *id);
  /* Writes pending input now; FALSE with @error when some could not be
   * stored. Optional: pages that write at once need not implement it. */
  gboolean (*flush)          (CirtAssessmentPage  *self,
                              GError             **error);
  /* Moves the keyboard focus to where work on the page starts. Optional. */
  void     (*focus_start)    (CirtAssessmentPage  *self);
};

void     cirt_assessment_page_set_assessment (CirtAssessmentPage  *self,
                                              CirtStore           *store,
                                              const char          *id);
gboolean cirt_assessment_page_flush          (CirtAssessmentPage  *self,
                                              GError             **error);
void     cirt_assessment_page_focus_start    (CirtAssessmentPage  *self);

G_END_DECLS
