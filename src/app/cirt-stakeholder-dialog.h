/* cirt-stakeholder-dialog.h — adds or edits one stakeholder interview
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_STAKEHOLDER_DIALOG (cirt_stakeholder_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtStakeholderDialog, cirt_stakeholder_dialog, CIRT, STAKEHOLDER_DIALOG, AdwWindow)

/* @stakeholder NULL: a new one. Writes through @store on Save and closes. */
GtkWidget *cirt_stakeholder_dialog_new (GtkWindow             *parent,
                                        CirtStore             *store,
                                        const char            *assessment_id,
                                        const CirtStakeholder *stakeholder);

G_END_DECLS
