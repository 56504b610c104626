/* cirt-conflicts-dialog.h — the merge conflicts of one assessment, for review
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_CONFLICTS_DIALOG (cirt_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtConflictsDialog, cirt_conflicts_dialog, CIRT, CONFLICTS_DIALOG, AdwWindow)

/* Lists the conflicts of @assessment_id, the ones not reviewed first, then
 * the newest first. "Keep This" writes the version of its side through
 * @store (as the current assessor) and marks the conflict reviewed; the
 * "go-to-question" signal (question id) asks to show that question, and the
 * dialog then closes. */
GtkWidget  *cirt_conflicts_dialog_new             (GtkWindow           *parent,
                                                   CirtStore           *store,
                                                   const char          *assessment_id);
/* Re-reads the conflicts (after another import). */
void        cirt_conflicts_dialog_reload          (CirtConflictsDialog *self);
const char *cirt_conflicts_dialog_get_assessment_id (CirtConflictsDialog *self);
/* "n-unreviewed" property. */
guint       cirt_conflicts_dialog_get_n_unreviewed (CirtConflictsDialog *self);
/* The conflicts as listed, and the row showing each (for tests). */
guint       cirt_conflicts_dialog_get_n_conflicts (CirtConflictsDialog *self);
const CirtConflict *cirt_conflicts_dialog_get_conflict (CirtConflictsDialog *self,
                                                   guint                index);
GtkWidget  *cirt_conflicts_dialog_get_row         (CirtConflictsDialog *self,
                                                   guint                index);

/* The number of conflicts of @assessment_id not yet reviewed (0 when they
 * cannot be read). */
guint       cirt_conflicts_count_unreviewed       (CirtStore           *store,
                                                   const char          *assessment_id);

G_END_DECLS
