/* cirt-window.c — the main window: assessments beside the open one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-conflicts-dialog.h"
#include "cirt-export-dialog.h"
#include "cirt-new-assessment-dialog.h"
#include "cirt-window-private.h"

G_DEFINE_FINAL_TYPE (CirtWindow, cirt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Content                                                                  */

static void
update_welcome (CirtWindow *self)
{
  /* The sidebar has just listed them (it follows the store first). */
  if (cirt_assessment_sidebar_get_n_assessments (self->sidebar) == 0)
    {
      adw_status_page_set_title (self->welcome, _("Welcome to CIRT Assess"));
      adw_status_page_set_description (self->welcome,
        _("Start a country mission with a new assessment: name it, give the country and pick the questionnaires. "
          "Then answer question by question, by keyboard if you like; everything is saved as you type."));
    }
  else
    {
      adw_status_page_set_title (self->welcome, _("No Assessment Open"));
      adw_status_page_set_description (self->welcome, _("Pick an assessment in the list, or start a new one."));
    }
}

static void
show_assessment (CirtWindow *self,
                 const char *id)
{
  const char *current = cirt_assessment_view_get_assessment_id (self->view);

  if (id == NULL)
    {
      if (current != NULL)
        cirt_assessment_view_set_assessment (self->view, NULL, NULL, NULL);
      update_welcome (self);
      gtk_stack_set_visible_child_name (self->content_stack, "welcome");
      return;
    }
  if (g_strcmp0 (id, current) != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!cirt_assessment_view_set_assessment (self->view, self->context, id, &error))
        {
          cirt_app_report_error (GTK_WIDGET (self), _("Cannot open the assessment"), error);
          return;
        }
    }
  gtk_stack_set_visible_child_name (self->content_stack, "assessment");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
on_assessments_changed_cb (CirtWindow *self)
{
  const char *open = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(CirtAssessmentInfo) info = NULL;

  update_welcome (self);
  /* The open assessment was deleted (by another window): close it. */
  if (open != NULL && g_strcmp0 (open, self->pending_delete) != 0 &&
      (info = cirt_store_get_assessment (self->store, open, NULL)) == NULL)
    show_assessment (self, NULL);
}

static void
on_selected_id_cb (CirtWindow *self)
{
  show_assessment (self, cirt_assessment_sidebar_get_selected_id (self->sidebar));
}

static void
on_sidebar_activated_cb (CirtWindow *self,
                         const char *id)
{
  show_assessment (self, id);
  cirt_assessment_view_focus_start (self->view);
}

static void
on_folded_cb (CirtWindow *self)
{
  /* Unfolded again: nothing to navigate. Folded: show what is open. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "assessment") == 0)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

/* ------------------------------------------------------------------------ */
/* Delete with undo                                                         */

void
_cirt_window_commit_pending_delete (CirtWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->pending_delete);
  g_autoptr(GError) error = NULL;

  self->pending_toast = NULL;
  if (id == NULL)
    return;
  if (!cirt_store_delete_assessment (self->store, id, &error))
    {
      cirt_assessment_sidebar_set_hidden (self->sidebar, NULL);
      cirt_app_report_error (GTK_WIDGET (self), _("The assessment was not deleted"), error);
      return;
    }
  cirt_assessment_sidebar_set_hidden (self->sidebar, NULL);
}

static void
on_toast_dismissed_cb (AdwToast   *toast,
                       CirtWindow *self)
{
  /* Undo was not pressed while it showed: delete for real. */
  if (self->pending_toast == toast)
    _cirt_window_commit_pending_delete (self);
}

static void
delete_now (CirtWindow *self,
            const char *id)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (self->store, id, NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* One undo at a time: the previous delete happens now. */
  if (self->pending_toast != NULL)
    {
      AdwToast *old = self->pending_toast;
      _cirt_window_commit_pending_delete (self);
      adw_toast_dismiss (old);
    }
  /* What was typed is written first: Undo brings back all of it. */
  cirt_window_flush (self, NULL);
  self->pending_delete = g_strdup (id);
  cirt_assessment_sidebar_set_hidden (self->sidebar, id);
  show_assessment (self, NULL);

  /* translators: toast after deleting an assessment, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), info ? info->title : id);
  toast = cirt_app_new_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
  self->pending_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CirtWindow       *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "cirt-id");

  if (g_strcmp0 (response, "delete") == 0)
    delete_now (self, id);
}

static void
delete_assessment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (id == NULL || (info = cirt_store_get_assessment (self->store, id, NULL)) == NULL)
    return;
  /* translators: heading of the delete confirmation */
  heading = g_strdup_printf (_("Delete “%s”?"), info->title);
  body = g_strdup_printf (ngettext ("Its %u answer, the notes, the interviews and the targets go with it.",
                                    "Its %u answers, the notes, the interviews and the targets go with it.",
                                    info->n_answered), info->n_answered);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cirt-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  g_autofree char *id = g_steal_pointer (&self->pending_delete);

  self->pending_toast = NULL;
  if (id == NULL)
    return;
  cirt_assessment_sidebar_set_hidden (self->sidebar, NULL);
  cirt_assessment_sidebar_select (self->sidebar, id);
}

/* ------------------------------------------------------------------------ */
/* Other actions                                                            */

static void
on_dialog_destroyed_cb (CirtWindow *self)
{
  self->dialog = NULL;
}

static void
on_created_cb (CirtWindow *self,
               const char *id)
{
  cirt_assessment_sidebar_select (self->sidebar, id);
  show_assessment (self, id);
  /* A new assessment has nothing to overview yet: work starts at once. */
  cirt_assessment_view_show_page (self->view, "questionnaire");
  cirt_assessment_view_focus_start (self->view);
}

static void
open_new_dialog (CirtWindow *self,
                 const char *baseline)
{
  GtkWidget *dialog = cirt_new_assessment_dialog_new (GTK_WINDOW (self), self->context, baseline);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_created_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_new_dialog (CIRT_WINDOW (widget), NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(GError) error = NULL;

  if (id == NULL)
    return;
  /* Notes still being typed belong in the export. */
  if (!cirt_assessment_view_flush (self->view, &error))
    cirt_app_show_toast (widget, error->message);
  gtk_window_present (GTK_WINDOW (cirt_export_dialog_new (GTK_WINDOW (self),
                                                          cirt_assessment_view_get_session (self->view))));
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = cirt_assessment_view_get_assessment_id (self->view);

  if (id != NULL)
    open_new_dialog (self, id);
}

static void
show_assessments_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  cirt_assessment_sidebar_focus_list (self->sidebar);
}

static void
on_open_assessment_cb (CirtWindow *self,
                       const char *id)
{
  cirt_window_open (self, id);
  cirt_assessment_view_focus_start (self->view);
}

static void
show_portfolio_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cirt_window_show_portfolio (CIRT_WINDOW (widget));
}

static void
search_assessments_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  cirt_assessment_sidebar_focus_search (self->sidebar);
}

static void
on_sort_order_changed_cb (CirtWindow *self,
                          const char *key,
                          GSettings  *settings)
{
  g_autofree char *order = g_settings_get_string (settings, "sort-order");
  cirt_assessment_sidebar_set_sort_order (self->sidebar, order);
}

void
_cirt_window_update_actions (CirtWindow *self)
{
  gboolean open = cirt_assessment_view_get_assessment_id (self->view) != NULL &&
                  g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "assessment") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-up", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-assessment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-merge", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-evidence-pack", open);
  _cirt_window_update_evidence_actions (self, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-conflicts", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !self->importing);
}

/* ------------------------------------------------------------------------ */
/* Merging the work of several assessors                                    */

static void
on_conflicts_dialog_destroyed_cb (CirtWindow *self)
{
  self->conflicts_dialog = NULL;
}

static void
on_go_to_question_cb (CirtWindow *self,
                      const char *question)
{
  CirtQuestionnaire *questionnaire = cirt_assessment_view_get_questionnaire (self->view);

  cirt_assessment_view_show_page (self->view, "questionnaire");
  if (cirt_questionnaire_go_to_question (questionnaire, question))
    cirt_question_page_focus_answer (cirt_questionnaire_get_page (questionnaire));
}

static void
open_conflicts_dialog (CirtWindow *self)
{
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  GtkWidget *dialog;

  if (id == NULL)
    return;
  if (self->conflicts_dialog != NULL)
    {
      gtk_window_present (self->conflicts_dialog);
      return;
    }
  /* What is being typed is the answer the dialog compares with. */
  cirt_window_flush (self, NULL);
  dialog = cirt_conflicts_dialog_new (GTK_WINDOW (self), cirt_assessment_view_get_session (self->view));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "go-to-question", G_CALLBACK (on_go_to_question_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_conflicts_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->conflicts_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_conflicts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_conflicts_dialog (CIRT_WINDOW (widget));
}

static void
review_conflicts_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (self->store, id, NULL);

  /* Deleted since the toast came up. */
  if (info == NULL)
    return;
  cirt_window_open (self, id);
  open_conflicts_dialog (self);
}

/* ------------------------------------------------------------------------ */
/* Closing                                                                  */

static void
set_int_if_changed (GSettings  *settings,
                    const char *key,
                    int         value)
{
  if (g_settings_get_int (settings, key) != value)
    g_settings_set_int (settings, key, value);
}

static void
save_window_state (CirtWindow *self)
{
  GSettings *settings = cirt_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* Written only when changed: nothing to commit on most closes. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!maximized && width > 0 && height > 0)
    {
      set_int_if_changed (settings, "window-width", width);
      set_int_if_changed (settings, "window-height", height);
    }
  if (g_settings_get_boolean (settings, "window-maximized") != maximized)
    g_settings_set_boolean (settings, "window-maximized", maximized);
}

static void
close_later_cb (gpointer user_data)
{
  g_autoptr(CirtWindow) self = user_data;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CirtWindow       *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      self->close_confirmed = TRUE;
      /* After the dialog is gone: it is transient for this window. */
      g_idle_add_once (close_later_cb, g_object_ref (self));
    }
}

static gboolean
cirt_window_close_request (GtkWindow *window)
{
  CirtWindow *self = CIRT_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!self->close_confirmed && !cirt_window_flush (self, &error))
    {
      /* Something typed could not be stored: say so before it goes. */
      GtkWidget *dialog = adw_message_dialog_new (window, _("Some Input Is Not Saved"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nKeep the window open to correct it, or close and lose that input."),
                                      error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Open"),
                                        "close", _("_Close Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  cirt_window_finish (self);
  return GTK_WINDOW_CLASS (cirt_window_parent_class)->close_request (window);
}

static void
on_active_cb (CirtWindow *self)
{
  /* The laptop lid closes, the screen locks, another window comes up:
   * whatever is typed goes to disk now rather than in a second. */
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    cirt_window_flush (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_window_constructed (GObject *object)
{
  CirtWindow *self = CIRT_WINDOW (object);
  GSettings *settings = cirt_context_get_settings (self->context);
  g_autoptr(GAction) sort = g_settings_create_action (settings, "sort-order");

  G_OBJECT_CLASS (cirt_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_action_map_add_action (G_ACTION_MAP (self), sort);
  g_signal_connect_object (settings, "changed::sort-order", G_CALLBACK (on_sort_order_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_sort_order_changed_cb (self, "sort-order", settings);

  cirt_assessment_sidebar_set_store (self->sidebar, self->store);
  g_signal_connect_object (self->store, "assessments-changed", G_CALLBACK (on_assessments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_welcome (self);
  _cirt_window_update_actions (self);
}

static void
cirt_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CirtWindow *self = CIRT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = cirt_context_get_store (self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CirtWindow *self = CIRT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_window_dispose (GObject *object)
{
  CirtWindow *self = CIRT_WINDOW (object);

  if (self->store != NULL)
    cirt_window_finish (self);
  /* The settings outlive the window: their action must not keep telling
   * its state to a window that is gone. */
  g_action_map_remove_action (G_ACTION_MAP (self), "sort-order");
  /* An import still running finishes in its thread, unannounced. */
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->exchange_folder);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_WINDOW);
  self->store = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cirt_window_parent_class)->dispose (object);
}

static void
cirt_window_finalize (GObject *object)
{
  CirtWindow *self = CIRT_WINDOW (object);

  g_free (self->pending_delete);
  g_free (self->import_path);
  g_clear_object (&self->cancellable);
  g_weak_ref_clear (&self->import_focus);
  G_OBJECT_CLASS (cirt_window_parent_class)->finalize (object);
}

static void
cirt_window_class_init (CirtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cirt_window_constructed;
  object_class->dispose = cirt_window_dispose;
  object_class->finalize = cirt_window_finalize;
  object_class->set_property = cirt_window_set_property;
  object_class->get_property = cirt_window_get_property;
  window_class->close_request = cirt_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CIRT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRT_TYPE_ASSESSMENT_SIDEBAR);
  g_type_ensure (CIRT_TYPE_ASSESSMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, welcome);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, view);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, portfolio_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.delete-assessment", NULL, delete_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.show-assessments", NULL, show_assessments_action);
  gtk_widget_class_install_action (widget_class, "win.search-assessments", NULL, search_assessments_action);
  gtk_widget_class_install_action (widget_class, "win.show-portfolio", NULL, show_portfolio_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-portfolio",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-portfolio",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, _cirt_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-merge", NULL, _cirt_window_export_merge_action);
  gtk_widget_class_install_action (widget_class, "win.export-evidence-pack", NULL,
                                   _cirt_window_export_evidence_pack_action);
  gtk_widget_class_install_action (widget_class, "win.merge-conflicts", NULL, merge_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", "s", review_conflicts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
cirt_window_init (CirtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_weak_ref_init (&self->import_focus, NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_cb), NULL);
  g_signal_connect_swapped (self->content_stack, "notify::visible-child",
                            G_CALLBACK (_cirt_window_update_actions), self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

CirtWindow *
cirt_window_new (AdwApplication *app,
                 CirtContext    *context)
{
  g_return_val_if_fail (CIRT_IS_CONTEXT (context), NULL);
  return g_object_new (CIRT_TYPE_WINDOW, "application", app, "context", context, NULL);
}

CirtContext *
cirt_window_get_context (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->context;
}

gboolean
cirt_window_flush (CirtWindow  *self,
                   GError     **error)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), FALSE);
  return cirt_assessment_view_flush (self->view, error);
}

void
cirt_window_finish (CirtWindow *self)
{
  g_return_if_fail (CIRT_IS_WINDOW (self));

  if (self->finished)
    return;
  self->finished = TRUE;
  cirt_window_flush (self, NULL);
  _cirt_window_commit_pending_delete (self);
  save_window_state (self);
}

void
cirt_window_open (CirtWindow *self,
                  const char *id)
{
  g_return_if_fail (CIRT_IS_WINDOW (self));
  cirt_assessment_sidebar_select (self->sidebar, id);
  show_assessment (self, id);
}

GtkWindow *
cirt_window_get_dialog (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->dialog;
}

CirtAssessmentSidebar *
cirt_window_get_sidebar (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->sidebar;
}

CirtAssessmentView *
cirt_window_get_view (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->view;
}

const char *
cirt_window_get_pending_delete (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->pending_delete;
}

CirtPortfolioView *
cirt_window_show_portfolio (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);

  if (self->portfolio == NULL)
    {
      GtkWidget *view = cirt_portfolio_view_new (self->context);

      gtk_widget_set_vexpand (view, TRUE);
      g_object_bind_property (self->leaflet, "folded", view, "folded", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (view, "open-assessment", G_CALLBACK (on_open_assessment_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->portfolio_slot, view);
      self->portfolio = CIRT_PORTFOLIO_VIEW (view);
    }
  /* What is being typed counts in the portfolio's scores. */
  cirt_window_flush (self, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "portfolio");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  cirt_portfolio_view_focus_list (self->portfolio);
  return self->portfolio;
}

CirtPortfolioView *
cirt_window_get_portfolio (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->portfolio;
}

GtkWindow *
cirt_window_get_conflicts_dialog (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), NULL);
  return self->conflicts_dialog;
}
