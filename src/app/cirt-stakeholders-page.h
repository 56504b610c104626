/* cirt-stakeholders-page.h — the interviews of an assessment
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRT_TYPE_STAKEHOLDERS_PAGE (cirt_stakeholders_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtStakeholdersPage, cirt_stakeholders_page, CIRT, STAKEHOLDERS_PAGE, GtkWidget)

GtkWidget *cirt_stakeholders_page_new         (void);
/* Rows shown (one per stakeholder). */
guint      cirt_stakeholders_page_get_n_rows  (CirtStakeholdersPage *self);

G_END_DECLS
