/* cirt-targets-page.h — a target maturity level per pillar
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-types.h"

G_BEGIN_DECLS

#define CIRT_TYPE_TARGETS_PAGE (cirt_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtTargetsPage, cirt_targets_page, CIRT, TARGETS_PAGE, GtkWidget)

GtkWidget   *cirt_targets_page_new     (void);
/* The row of @pillar, or NULL when the assessment's instruments do not use it. */
AdwComboRow *cirt_targets_page_get_row (CirtTargetsPage *self,
                                        CirtPillar       pillar);

G_END_DECLS
