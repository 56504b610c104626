/* cirt-window.h — the main window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_WINDOW (cirt_window_get_type ())
G_DECLARE_FINAL_TYPE (CirtWindow, cirt_window, CIRT, WINDOW, AdwApplicationWindow)

CirtWindow *cirt_window_new (AdwApplication *app,
                             CirtStore      *store);

G_END_DECLS
