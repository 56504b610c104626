/* cirt-assessment-page.c — what every page of the assessment view implements
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-assessment-page.h"

G_DEFINE_INTERFACE (CirtAssessmentPage, cirt_assessment_page, GTK_TYPE_WIDGET)

static void
cirt_assessment_page_default_init (CirtAssessmentPageInterface *iface)
{
}

void
cirt_assessment_page_set_assessment (CirtAssessmentPage *self,
                                     CirtStore          *store,
                                     const char         *id)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_PAGE (self));
  CIRT_ASSESSMENT_PAGE_GET_IFACE (self)->set_assessment (self, store, id);
}

gboolean
cirt_assessment_page_flush (CirtAssessmentPage  *self,
                            GError             **error)
{
  CirtAssessmentPageInterface *iface;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_PAGE (self), FALSE);
  iface = CIRT_ASSESSMENT_PAGE_GET_IFACE (self);
  return iface->flush ? iface->flush (self, error) : TRUE;
}

void
cirt_assessment_page_focus_start (CirtAssessmentPage *self)
{
  CirtAssessmentPageInterface *iface;

  g_return_if_fail (CIRT_IS_ASSESSMENT_PAGE (self));
  iface = CIRT_ASSESSMENT_PAGE_GET_IFACE (self);
  if (iface->focus_start)
    iface->focus_start (self);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
