/* cirt-findings-page.h — the findings of the mission: key issues, quick
 * wins, risks to the project
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRT_TYPE_FINDINGS_PAGE (cirt_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtFindingsPage, cirt_findings_page, CIRT, FINDINGS_PAGE, GtkWidget)

GtkWidget *cirt_findings_page_new        (void);
/* Rows shown (one per finding), of every kind. */
guint      cirt_findings_page_get_n_rows (CirtFindingsPage *self);
/* The dialog the page opened last, while it is open (tests). */
GtkWindow *cirt_findings_page_get_dialog (CirtFindingsPage *self);

G_END_DECLS
