/* cirt-window-private.h — what the main window's files share: the instance
 * struct and the functions one file calls in another
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-window.c           the window: its template, properties, actions
 *                         (installed here), content, delete with undo,
 *                         conflicts, closing
 * cirt-window-exchange.c  import and export for merge */
#pragma once

#include "cirt-portfolio-view.h"
#include "cirt-window.h"

G_BEGIN_DECLS

struct _CirtWindow {
  AdwApplicationWindow   parent_instance;

  /* template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwLeaflet            *leaflet;
  CirtAssessmentSidebar *sidebar;
  GtkStack              *content_stack;
  AdwStatusPage         *welcome;
  CirtAssessmentView    *view;
  GtkBox                *portfolio_slot;

  /* owned */
  CirtContext           *context;
  CirtStore             *store;              /* the context's */
  char                  *pending_delete;     /* deleted, Undo still offered */
  GCancellable          *cancellable;
  GtkNativeDialog       *chooser;            /* the file chooser showing, if any */
  GFile                 *exchange_folder;    /* where the last exchange file was */
  char                  *import_path;        /* the file being imported */
  GWeakRef               import_focus;       /* the focus when the import began */

  /* borrowed */
  CirtPortfolioView     *portfolio;          /* made when first shown, in portfolio_slot */
  AdwToast              *pending_toast;
  GtkWindow             *dialog;
  GtkWindow             *conflicts_dialog;

  gboolean               close_confirmed;
  gboolean               finished;
  gboolean               importing;
};

/* cirt-window.c */
void _cirt_window_update_actions        (CirtWindow *self);
/* Deletes for real the assessment whose delete is still offered for undo. */
void _cirt_window_commit_pending_delete (CirtWindow *self);

/* cirt-window-exchange.c: "win.import" and "win.export-merge". */
void _cirt_window_import_action         (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _cirt_window_export_merge_action   (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
/* cirt-window-evidence.c: "win.export-evidence-pack" and the stateful
 * "evidence.evidenced-only" (count only evidenced answers), updated with
 * the other actions. */
void _cirt_window_update_evidence_actions (CirtWindow *self,
                                           gboolean    open);
void _cirt_window_export_evidence_pack_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);

G_END_DECLS
