/* cirt-new-assessment-dialog.h — creates an assessment, or a follow-up of one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-context.h"

G_BEGIN_DECLS

#define CIRT_TYPE_NEW_ASSESSMENT_DIALOG (cirt_new_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtNewAssessmentDialog, cirt_new_assessment_dialog, CIRT, NEW_ASSESSMENT_DIALOG, AdwWindow)

/* @baseline_id: the earlier assessment a follow-up is compared with (its
 * instruments are reused), or NULL for a new assessment. Emits "created"
 * (the new id) and closes once the store has it. */
GtkWidget      *cirt_new_assessment_dialog_new                  (GtkWindow   *parent,
                                                                 CirtContext *context,
                                                                 const char  *baseline_id);
/* The check button of instrument @instrument_id, or NULL. */
GtkCheckButton *cirt_new_assessment_dialog_get_instrument_check (CirtNewAssessmentDialog *self,
                                                                 const char              *instrument_id);
/* Whether Create is possible with what is filled in. */
gboolean        cirt_new_assessment_dialog_can_create           (CirtNewAssessmentDialog *self);

G_END_DECLS
