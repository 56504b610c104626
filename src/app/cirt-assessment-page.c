/* cirt-assessment-page.c — what every page of the assessment view implements
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-assessment-page.h"

G_DEFINE_INTERFACE (CirtAssessmentPage, cirt_assessment_page, GTK_TYPE_WIDGET)

static void
cirt_assessment_page_default_init (CirtAssessmentPageInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("session", NULL, NULL, CIRT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

void
cirt_assessment_page_set_session (CirtAssessmentPage *self,
                                  CirtSession        *session)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));
  g_object_set (self, "session", session, NULL);
}

CirtSession *
cirt_assessment_page_get_session (CirtAssessmentPage *self)
{
  g_autoptr(CirtSession) session = NULL;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_PAGE (self), NULL);
  g_object_get (self, "session", &session, NULL);
  /* The page keeps it. */
  return session;
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

gboolean
cirt_assessment_page_replace_session (CirtAssessmentPage  *self,
                                      CirtSession        **slot,
                                      CirtSession         *session,
                                      GSignalGroup        *signals,
                                      gboolean             holds)
{
  gboolean mapped;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == session)
    return FALSE;
  mapped = holds && gtk_widget_get_mapped (GTK_WIDGET (self));
  if (mapped && *slot != NULL)
    cirt_session_release (*slot);
  g_set_object (slot, session);
  if (signals != NULL)
    g_signal_group_set_target (signals, session);
  if (mapped && session != NULL)
    cirt_session_hold (session);
  return TRUE;
}
