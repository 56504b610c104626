/* cirt-session-dialog.h — adds or edits one interview session of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-interviews.h"
#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_SESSION_DIALOG (cirt_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtSessionDialog, cirt_session_dialog, CIRT, SESSION_DIALOG, AdwWindow)

/* The form of a session of @session's assessment: @interview with an id is
 * edited; without one (or NULL) a new session is added, starting from what
 * @interview holds (a section planned from the mission plan). Writes through
 * the store on Save (as the context's author) and closes; a refusal is shown
 * in the form, with everything typed kept. */
GtkWidget *cirt_session_dialog_new (GtkWindow           *parent,
                                    CirtSession         *session,
                                    const CirtInterview *interview);

/* The names typed in an assessors' field ("A, B , ,C"): trimmed, empty ones
 * and repeats dropped; NULL when none. */
GStrv      cirt_session_dialog_split_names (const char *text);

/* "2 Mar 2026, 09:00–10:30", of a session. */
char      *cirt_session_dialog_describe_when   (const CirtLang      *lang,
                                                const CirtInterview *interview);
/* "Name (Organisation), Name" of the stakeholders present, from
 * @stakeholders (CirtStakeholder*); NULL when none is. */
char      *cirt_session_dialog_describe_people (GPtrArray           *stakeholders,
                                                const CirtInterview *interview);

G_END_DECLS
