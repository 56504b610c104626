/* cirt-app-util.h — small helpers shared by the application's widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

/* The application's settings. The schema is looked up in the default schema
 * sources first, then in the build tree (running uninstalled), so the app
 * starts from the build directory without GSETTINGS_SCHEMA_DIR. Never NULL:
 * without any schema the program aborts with a clear message. */
GSettings  *cirt_app_get_settings      (void);

/* The author recorded with answers: the assessor-name preference, else the
 * account's full name. */
char       *cirt_app_get_author        (void);

/* The language instrument texts are shown in ("fr_FR.UTF-8", "en", …). */
const char *cirt_app_get_language      (void);

/* A toast showing @text as it is (a toast's title is otherwise markup). */
AdwToast   *cirt_app_new_toast         (const char *text);
/* Shows @message in the nearest AdwToastOverlay above @widget, or prints it
 * as a warning when there is none (widgets outside a window). */
void        cirt_app_show_toast        (GtkWidget  *widget,
                                        const char *message);
/* Reports a failed operation: "@what: error message", as a toast that stays
 * until dismissed. */
void        cirt_app_report_error      (GtkWidget    *widget,
                                        const char   *what,
                                        const GError *error);

/* "2 Mar 2026" from "2026-03-02…", or a copy of @iso when it is not a date. */
char       *cirt_app_format_date       (const char *iso);

/* "2 Mar 2026, 14:05" in local time from an ISO 8601 time, or a copy of
 * @iso when it is not one. */
char       *cirt_app_format_time       (const char *iso);

/* The suggested name of an assessment's exchange file:
 * "country-title-YYYY-MM-DD-assessor.json" (@date's day), in lower-case
 * ASCII letters, digits and dashes (accents dropped, anything else a dash). */
char       *cirt_app_exchange_file_name (const CirtAssessmentInfo *info,
                                         const char               *assessor,
                                         GDateTime                *date);

/* The translated name of a mission phase (assessment, design, …). */
const char *cirt_app_phase_label       (const char *phase);

/* The instrument's level @level (1..5) as "3 — Established", in the UI language. */
char       *cirt_app_level_label       (CirtInstrument *instrument,
                                        int             level);

/* Gives the item of @menu that activates @action the label @label. */
void        cirt_app_set_menu_label    (GMenu      *menu,
                                        const char *action,
                                        const char *label);

/* TRUE when @widget is a text field that takes printable keys (GtkText,
 * GtkTextView): single-key shortcuts must not fire while it has the focus. */
gboolean    cirt_app_is_text_widget    (GtkWidget *widget);

/* measure and size_allocate for a page of an AdwViewStack. The stack sizes
 * itself for all its pages, shown or not: a hidden page of long wrapped
 * texts would be laid out again at every resize of the window. Hidden, the
 * page asks for nothing; shown, it is measured again. */
void        cirt_app_measure_page      (GtkWidget      *widget,
                                        GtkOrientation  orientation,
                                        int             for_size,
                                        int            *minimum,
                                        int            *natural,
                                        int            *minimum_baseline,
                                        int            *natural_baseline);
void        cirt_app_allocate_page     (GtkWidget      *widget,
                                        int             width,
                                        int             height,
                                        int             baseline);

/* Ends the process as soon as @window has drawn its first frame: how start-up
 * is measured (CIRT_EXIT_AFTER_FIRST_FRAME=1, tests/bench/bench-startup.c). */
void        cirt_app_exit_after_first_frame (GtkWindow *window);

G_END_DECLS
