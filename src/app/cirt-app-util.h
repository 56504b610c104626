/* cirt-app-util.h — small helpers shared by the application's widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-store.h"

G_BEGIN_DECLS

/* A toast showing @text as it is (a toast's title is otherwise markup). */
AdwToast   *cirt_app_new_toast         (const char *text);
/* Shows @message in the nearest AdwToastOverlay above @widget, or prints it
 * as a warning when there is none (widgets outside a window). */
/* Names a drop-down for assistive technologies: the drop-down and the
 * button inside it that takes the focus (GTK 4.8 names only the first). */
void        cirt_app_name_drop_down    (GtkDropDown *drop_down,
                                        const char  *label);
void        cirt_app_show_toast        (GtkWidget  *widget,
                                        const char *message);
/* Reports a failed operation: "@what: error message", as a toast that stays
 * until dismissed. */
void        cirt_app_report_error      (GtkWidget    *widget,
                                        const char   *what,
                                        const GError *error);

/* @text as lower-case ASCII words joined by dashes ("République du Cap" →
 * "republique-du-cap"), accents dropped, anything else a separator, at
 * most about @max characters. */
char       *cirt_app_slug              (const char *text,
                                        gsize       max);

/* The suggested name of an assessment's exchange file:
 * "country-title-YYYY-MM-DD-assessor.json" (@date's day), in lower-case
 * ASCII letters, digits and dashes (accents dropped, anything else a dash). */
char       *cirt_app_exchange_file_name (const CirtAssessmentInfo *info,
                                         const char               *assessor,
                                         GDateTime                *date);

/* The instrument's level @level (1..5) as "3 — Established", its name in
 * @language. */
char       *cirt_app_level_label       (CirtInstrument *instrument,
                                        int             level,
                                        const char     *language);

/* Gives the item of @menu that activates @action the label @label. */
void        cirt_app_set_menu_label    (GMenu      *menu,
                                        const char *action,
                                        const char *label);

/* TRUE when @widget is a text field that takes printable keys (GtkText,
 * GtkTextView): single-key shortcuts must not fire while it has the focus. */
gboolean    cirt_app_is_text_widget    (GtkWidget *widget);

/* Gives @button @menu when it first opens (GtkMenuButton's create-popup
 * function): a menu model makes its popover and a button per item at once,
 * and the window would make three menus before its first frame. */
void        cirt_app_menu_button_set_menu_later (GtkMenuButton *button,
                                                 GMenuModel    *menu);
/* The menu @button has or will have. */
GMenuModel *cirt_app_menu_button_get_menu       (GtkMenuButton *button);

/* measure and size_allocate for a page of an AdwViewStack. The stack sizes
 * itself for all its pages, shown or not: a hidden page of long wrapped
 * texts would be laid out again at every resize of the window. Hidden, the
 * page asks for nothing; shown, it is measured again, and a height asked
 * for no width is the height at the page's present width. */
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

/* Asks for a passphrase in a dialog over @parent: once to open a sealed
 * file, twice (@confirm) to seal one. @func gets the passphrase, or NULL
 * when the assessor cancels; the text is wiped from the entries after. */
typedef void (*CirtPassphraseFunc) (const char *passphrase,
                                    gpointer    user_data);
void        cirt_app_ask_passphrase    (GtkWindow          *parent,
                                        const char         *heading,
                                        const char         *body,
                                        gboolean            confirm,
                                        const char         *accept_label,
                                        CirtPassphraseFunc  func,
                                        gpointer            user_data,
                                        GDestroyNotify      destroy);

/* Ends the process as soon as @window has drawn its first frame: how start-up
 * is measured (CIRT_EXIT_AFTER_FIRST_FRAME=1, tests/bench/bench-startup.c). */
void        cirt_app_exit_after_first_frame (GtkWindow *window);

G_END_DECLS
