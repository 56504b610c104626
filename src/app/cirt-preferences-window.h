/* cirt-preferences-window.h — the assessor's name and the report language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRT_TYPE_PREFERENCES_WINDOW (cirt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CirtPreferencesWindow, cirt_preferences_window, CIRT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Shows and changes @settings. */
GtkWidget *cirt_preferences_window_new (GtkWindow *parent,
                                        GSettings *settings);

G_END_DECLS
