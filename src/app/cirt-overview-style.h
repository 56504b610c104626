/* cirt-overview-style.h — the style sheet of the overview, recommendations,
 * chart and export widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds ui/cirt-overview.css to the default display once (application
 * priority); the widgets call it when they are created. */
void cirt_overview_style_ensure (void);

G_END_DECLS
