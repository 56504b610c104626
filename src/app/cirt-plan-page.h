/* cirt-plan-page.h — the mission plan: which stakeholder groups cover which
 * sections, and which sections no planned session covers yet
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRT_TYPE_PLAN_PAGE (cirt_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtPlanPage, cirt_plan_page, CIRT, PLAN_PAGE, GtkWidget)

GtkWidget  *cirt_plan_page_new             (void);
/* Sections not covered by a planned session (as the count at the top says). */
guint       cirt_plan_page_get_n_uncovered (CirtPlanPage *self);
/* What the row of section @section says of its state ("Covered", …); NULL
 * when no row of it is shown (filtered out, or no such section). */
const char *cirt_plan_page_get_state_text  (CirtPlanPage *self,
                                            const char   *section);
/* The session form the page opened last, while it is open (tests). */
GtkWindow  *cirt_plan_page_get_dialog      (CirtPlanPage *self);

G_END_DECLS
