/* cirt-gui-test-util.h — helpers of the GUI tests (real widgets under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-context.h"
#include "cirt-session.h"
#include "cirt-test-util.h"
#include "cirt-window.h"

G_BEGIN_DECLS

/* gtk_test_init + adw_init, the app's resources and icons; warnings and
 * criticals abort. Call first in main(). */
void        cirt_gui_test_init            (int    *argc,
                                           char ***argv);
/* The application's settings as the tests have them (GSETTINGS_BACKEND=memory:
 * every instance sees the same values). */
GSettings  *cirt_gui_test_settings        (void);
/* A context on @store with those settings (a new reference). */
CirtContext *cirt_gui_test_context_new    (CirtStore  *store);
/* A session of assessment @id of @store, in a context of its own (a new
 * reference). */
CirtSession *cirt_gui_test_session_new    (CirtStore  *store,
                                           const char *id);
/* A main window on @store, in a context of its own. */
CirtWindow  *cirt_gui_test_window_new     (AdwApplication *app,
                                           CirtStore      *store);
/* Runs the main loop until @cond is TRUE or @timeout_ms passed; the value of @cond. */
#define CIRT_WAIT_UNTIL(cond, timeout_ms) \
  ({ gint64 _cirt_end = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
     while (!(cond) && g_get_monotonic_time () < _cirt_end) \
       if (!g_main_context_iteration (NULL, FALSE)) \
         g_usleep (1000); \
     (cond); })
/* Spins the main loop for @ms. */
void        cirt_gui_test_spin            (guint      ms);
/* Presents @window and waits until it is mapped and laid out. */
void        cirt_gui_test_show            (GtkWindow *window);
/* Sends a key press as GTK would: the shortcuts of the focus widget's
 * ancestors in the capture phase (window first), then of the focus widget
 * and its ancestors in the bubble phase. Text widgets with the focus take
 * printable keys first, as they do for real. Returns TRUE when a shortcut
 * (or the text widget) handled it. */
gboolean    cirt_gui_test_press_key       (gpointer         window,
                                           guint            keyval,
                                           GdkModifierType  modifiers);
/* Types @text into the focused text widget as keystrokes would. */
void        cirt_gui_test_type            (gpointer         window,
                                           const char      *text);
/* Renders @widget (its current size, or @width × @height when > 0) to PNG. */
void        cirt_gui_test_screenshot      (GtkWidget       *widget,
                                           const char      *name);
/* $CIRT_BUILD_ROOT/screenshots (created). */
const char *cirt_gui_test_screenshot_dir  (void);
/* The first descendant of @root of @type (depth first) whose accessible
 * or visible label, if @label is not NULL, equals @label. */
GtkWidget  *cirt_gui_test_find            (GtkWidget  *root,
                                           GType       type,
                                           const char *label);
/* Activates @widget as a click or Enter would, and waits for the effect
 * (a button's "clicked" comes 250 ms after gtk_widget_activate). */
void        cirt_gui_test_click           (GtkWidget  *widget);

G_END_DECLS
