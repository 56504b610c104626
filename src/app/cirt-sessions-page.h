/* cirt-sessions-page.h — the interview sessions of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRT_TYPE_SESSIONS_PAGE (cirt_sessions_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtSessionsPage, cirt_sessions_page, CIRT, SESSIONS_PAGE, GtkWidget)

GtkWidget *cirt_sessions_page_new        (void);
/* Rows shown (one per session). */
guint      cirt_sessions_page_get_n_rows (CirtSessionsPage *self);
/* The dialog the page opened last, while it is open (tests). */
GtkWindow *cirt_sessions_page_get_dialog (CirtSessionsPage *self);

G_END_DECLS
