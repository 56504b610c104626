/* cirt-window.h — the main window: assessments beside the open one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-assessment-sidebar.h"
#include "cirt-assessment-view.h"
#include "cirt-context.h"
#include "cirt-portfolio-view.h"

G_BEGIN_DECLS

#define CIRT_TYPE_WINDOW (cirt_window_get_type ())
G_DECLARE_FINAL_TYPE (CirtWindow, cirt_window, CIRT, WINDOW, AdwApplicationWindow)

CirtWindow            *cirt_window_new          (AdwApplication *app,
                                                 CirtContext    *context);
CirtContext           *cirt_window_get_context  (CirtWindow     *self);
/* Writes everything pending; FALSE with @error when some input could not be. */
gboolean               cirt_window_flush        (CirtWindow     *self,
                                                 GError        **error);
/* Before the program ends: flushes, carries out a delete whose undo is
 * still offered, and remembers the window's size. */
void                   cirt_window_finish       (CirtWindow     *self);
/* Opens assessment @id (selects it in the list). */
void                   cirt_window_open         (CirtWindow     *self,
                                                 const char     *id);
/* The open dialog of "New assessment" (NULL when none), for tests. */
GtkWindow             *cirt_window_get_dialog   (CirtWindow     *self);
CirtAssessmentSidebar *cirt_window_get_sidebar  (CirtWindow     *self);
CirtAssessmentView    *cirt_window_get_view     (CirtWindow     *self);
/* The id of an assessment deleted with its Undo toast still showing. */
const char            *cirt_window_get_pending_delete (CirtWindow *self);

/* Merges the exchange file at @path into the database (the file chooser of
 * win.import ends here): in a worker thread, then the assessment is selected
 * and a toast says what changed, or a dialog why nothing did. */
void                   cirt_window_import_file  (CirtWindow     *self,
                                                 const char     *path);
/* TRUE from cirt_window_import_file() until its result is shown. */
gboolean               cirt_window_is_importing (CirtWindow     *self);
/* Writes the open assessment's exchange file to @path (win.export-merge's
 * file chooser ends here); a toast on success, else a dialog. */
gboolean               cirt_window_export_file  (CirtWindow     *self,
                                                 const char     *path);
/* Shows the portfolio of every assessment (win.show-portfolio, Ctrl+Shift+P),
 * made the first time; activating a row opens that assessment. */
CirtPortfolioView     *cirt_window_show_portfolio (CirtWindow *self);
/* The portfolio view, NULL until first shown. */
CirtPortfolioView     *cirt_window_get_portfolio  (CirtWindow *self);
/* The open "Merge Conflicts" dialog (NULL when none), for tests. */
GtkWindow             *cirt_window_get_conflicts_dialog (CirtWindow *self);

G_END_DECLS
