/* cirt-finding-dialog.h — adds or edits one finding of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-context.h"

G_BEGIN_DECLS

#define CIRT_TYPE_FINDING_DIALOG (cirt_finding_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtFindingDialog, cirt_finding_dialog, CIRT, FINDING_DIALOG, AdwWindow)

/* @finding NULL: a new one of @kind. Writes through @context's store, as
 * its author, on Save, and closes; a refusal is shown in the dialog, with
 * everything typed kept. */
GtkWidget *cirt_finding_dialog_new (GtkWindow         *parent,
                                    CirtContext       *context,
                                    const char        *assessment_id,
                                    const CirtFinding *finding,
                                    CirtFindingKind    kind);

G_END_DECLS
