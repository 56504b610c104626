/* cirt-conflicts-dialog.h — the merge conflicts of one assessment, for review
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_CONFLICTS_DIALOG (cirt_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtConflictsDialog, cirt_conflicts_dialog, CIRT, CONFLICTS_DIALOG, AdwWindow)

/* Lists the conflicts of @session's assessment, the ones not reviewed
 * first, then the newest first. "Keep This" writes the version of its side
 * through the session (as the current assessor; it can be undone) and marks
 * the conflict reviewed; the "go-to-question" signal (question id) asks to
 * show that question, and the dialog then closes. */
GtkWidget  *cirt_conflicts_dialog_new             (GtkWindow           *parent,
                                                   CirtSession         *session);
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

G_END_DECLS
