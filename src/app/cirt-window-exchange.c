/* cirt-window-exchange.c — the main window's exchange with other assessors:
 * Import for Merge and Export for Merge, their file choosers, the import
 * running in its thread while the assessment cannot be edited, and what it
 * says when it is done (a toast, a warning, a refusal)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-conflicts-dialog.h"
#include "cirt-exchange.h"
#include "cirt-merge.h"
#include "cirt-window-private.h"

/* ------------------------------------------------------------------------ */
/* Import and export for merge                                              */

static GtkNativeDialog *
new_exchange_chooser (CirtWindow           *self,
                      const char           *title,
                      GtkFileChooserAction  action,
                      const char           *accept_label)
{
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, open ? _("Exchange Files (JSON, sealed or not)") : _("Exchange Files (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  if (open)
    {
      /* Sealed: FILE.json.gpg, or armoured FILE.json.asc. */
      gtk_file_filter_add_suffix (filter, "gpg");
      gtk_file_filter_add_suffix (filter, "asc");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (!open)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "seal", _("Seal with a passphrase (OpenPGP)"), NULL, NULL);
  /* Files travel on a USB stick: the next one is likely where the last was. */
  if (self->exchange_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->exchange_folder, NULL);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  return self->chooser;
}

/* The local path of the chosen file (NULL with a message when it has none),
 * remembering its folder for the next time. */
static char *
take_chosen_path (CirtWindow      *self,
                  GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL)
    {
      cirt_app_show_toast (GTK_WIDGET (self->view), _("Only files on this computer can be used"));
      return NULL;
    }
  g_clear_object (&self->exchange_folder);
  self->exchange_folder = g_file_get_parent (file);
  return path;
}

static void
show_failure (CirtWindow   *self,
              const char   *heading,
              const char   *consequence,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message, consequence);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* While an import runs the assessment cannot be edited: what it writes and
 * what is typed cannot cross. */
static void
set_importing (CirtWindow *self,
               gboolean    importing)
{
  GtkWidget *view = GTK_WIDGET (self->view);

  self->importing = importing;
  if (importing)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      g_weak_ref_set (&self->import_focus, focus != NULL && gtk_widget_is_ancestor (focus, view) ? focus : NULL);
    }
  gtk_widget_set_sensitive (view, !importing);
  if (!importing)
    {
      g_autoptr(GtkWidget) focus = g_weak_ref_get (&self->import_focus);

      g_weak_ref_set (&self->import_focus, NULL);
      if (focus != NULL && gtk_root_get_focus (GTK_ROOT (self)) == NULL && gtk_widget_is_ancestor (focus, view))
        gtk_widget_grab_focus (focus);
    }
  _cirt_window_update_actions (self);
}

static void start_import (CirtWindow *self,
                          const char *path,
                          const char *passphrase);

typedef struct {
  CirtWindow *window;
  char       *path;
} PassphraseJob;

static void
passphrase_job_free (PassphraseJob *job)
{
  g_object_unref (job->window);
  g_free (job->path);
  g_free (job);
}

static void
on_import_passphrase_cb (const char *passphrase,
                         gpointer    user_data)
{
  PassphraseJob *job = user_data;

  if (passphrase != NULL)
    start_import (job->window, job->path, passphrase);
}

/* A sealed file: the passphrase is asked for, again when it was wrong. */
static void
ask_import_passphrase (CirtWindow *self,
                       const char *path,
                       gboolean    was_wrong)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;
  PassphraseJob *job = g_new0 (PassphraseJob, 1);

  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  /* translators: heading of the dialog asking for the passphrase of a sealed file */
  heading = g_strdup_printf (_("“%s” Is Sealed"), name);
  cirt_app_ask_passphrase (GTK_WINDOW (self), heading,
                           was_wrong ? _("That passphrase does not open the file. Nothing was changed. Type the "
                                         "passphrase it was sealed with.")
                                     : _("The file is sealed with a passphrase. Type it to open the file and merge "
                                         "it."),
                           FALSE, _("_Open"), on_import_passphrase_cb, job, (GDestroyNotify) passphrase_job_free);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CirtWindow) self = user_data;
  g_autoptr(CirtMergeResult) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *path = g_steal_pointer (&self->import_path);
  const char *id;
  AdwToast *toast;

  merge = cirt_merge_import_finish (CIRT_STORE (source), result, &error);
  /* The window is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_importing (self, FALSE);
  if (merge == NULL && (g_error_matches (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE) ||
                        g_error_matches (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_BAD_PASSPHRASE)))
    {
      ask_import_passphrase (self, path, g_error_matches (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_BAD_PASSPHRASE));
      return;
    }
  if (merge == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *heading = NULL;

      /* translators: heading of the message when an exchange file is refused */
      heading = g_strdup_printf (_("Cannot Import “%s”"), name);
      show_failure (self, heading, _("Nothing was changed."), error);
      return;
    }

  id = merge->report->assessment_id;
  /* The import wrote through a connection of its own: the store announces
   * what it changed to every view of it. */
  cirt_context_refresh (self->context);
  cirt_window_open (self, id);
  if (self->conflicts_dialog != NULL &&
      g_strcmp0 (cirt_conflicts_dialog_get_assessment_id (CIRT_CONFLICTS_DIALOG (self->conflicts_dialog)), id) == 0)
    cirt_conflicts_dialog_reload (CIRT_CONFLICTS_DIALOG (self->conflicts_dialog));

  info = cirt_store_get_assessment (self->store, id, NULL);
  summary = cirt_merge_describe (merge, info ? info->title : id);
  toast = cirt_app_new_toast (summary);
  if (merge->n_to_review > 0)
    {
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_action_name (toast, "win.review-conflicts");
      adw_toast_set_action_target_value (toast, g_variant_new_string (id));
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* What the import took differently from the file (times from a clock set
   * wrong) is said where it cannot be missed. */
  if (merge->report->warnings->len > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Imported with a Warning"), NULL);
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint i = 0; i < merge->report->warnings->len; i++)
        {
          if (i > 0)
            g_string_append (body, "\n\n");
          g_string_append (body, g_ptr_array_index (merge->report->warnings, i));
        }
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CirtWindow      *self)
{
  g_autoptr(GtkNativeDialog) owned = g_object_ref (chooser);
  g_autofree char *path = NULL;

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || (path = take_chosen_path (self, chooser)) == NULL)
    return;
  cirt_window_import_file (self, path);
}

void
_cirt_window_import_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  GtkNativeDialog *chooser;

  if (self->importing)
    return;
  chooser = new_exchange_chooser (self, _("Import for Merge"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_native_dialog_show (chooser);
}

static gboolean export_sealed (CirtWindow     *self,
                               const char     *path,
                               const CirtSeal *seal);

static void
on_export_passphrase_cb (const char *passphrase,
                         gpointer    user_data)
{
  PassphraseJob *job = user_data;
  g_autoptr(CirtSeal) seal = cirt_seal_new ();
  g_autoptr(GError) error = NULL;

  if (passphrase == NULL)
    return;
  if (!cirt_seal_set_passphrase (seal, passphrase, &error))
    {
      show_failure (job->window, _("Cannot Seal the File"), _("No file was written."), error);
      return;
    }
  export_sealed (job->window, job->path, seal);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CirtWindow      *self)
{
  g_autoptr(GtkNativeDialog) owned = g_object_ref (chooser);
  const char *id = g_object_get_data (G_OBJECT (chooser), "cirt-id");
  g_autofree char *path = NULL;

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || (path = take_chosen_path (self, chooser)) == NULL)
    return;
  /* The assessment that was open when asked, if another one opened since. */
  if (g_strcmp0 (cirt_assessment_view_get_assessment_id (self->view), id) != 0)
    cirt_window_open (self, id);
  if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "seal"), "true") == 0)
    {
      PassphraseJob *job = g_new0 (PassphraseJob, 1);

      job->window = g_object_ref (self);
      job->path = cirt_seal_file_name (path);
      cirt_app_ask_passphrase (GTK_WINDOW (self), _("Seal the Exchange File"),
                               _("Whoever merges the file types this passphrase to open it; gpg --decrypt opens it "
                                 "too. Give it to them by another way than the file itself."),
                               TRUE, _("_Seal"), on_export_passphrase_cb, job, (GDestroyNotify) passphrase_job_free);
      return;
    }
  cirt_window_export_file (self, path);
}

void
_cirt_window_export_merge_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *author = cirt_context_dup_author (self->context);
  g_autofree char *name = NULL;
  GtkNativeDialog *chooser;

  if (id == NULL || (info = cirt_store_get_assessment (self->store, id, NULL)) == NULL)
    return;
  name = cirt_app_exchange_file_name (info, author, today);
  chooser = new_exchange_chooser (self, _("Export for Merge"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "cirt-id", g_strdup (id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (chooser);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

void
cirt_window_import_file (CirtWindow *self,
                         const char *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CIRT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->importing)
    return;
  /* What is typed takes part in the merge. A delete still offered for undo
   * happens now: the file may bring the assessment back. */
  cirt_window_flush (self, NULL);
  if (self->pending_toast != NULL)
    {
      AdwToast *old = self->pending_toast;
      _cirt_window_commit_pending_delete (self);
      adw_toast_dismiss (old);
    }
  start_import (self, path, NULL);
}

static void
start_import (CirtWindow *self,
              const char *path,
              const char *passphrase)
{
  if (self->importing)
    return;
  set_importing (self, TRUE);
  g_free (self->import_path);
  self->import_path = g_strdup (path);
  cirt_merge_import_async (self->store, path, passphrase, self->cancellable, on_import_done_cb, g_object_ref (self));
}

gboolean
cirt_window_is_importing (CirtWindow *self)
{
  g_return_val_if_fail (CIRT_IS_WINDOW (self), FALSE);
  return self->importing;
}

gboolean
cirt_window_export_file (CirtWindow *self,
                         const char *path)
{
  return export_sealed (self, path, NULL);
}

static gboolean
export_sealed (CirtWindow     *self,
               const char     *path,
               const CirtSeal *seal)
{
  const char *id;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CIRT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  id = cirt_assessment_view_get_assessment_id (self->view);
  if (id == NULL)
    return FALSE;
  /* Notes still being typed belong in the file; what cannot be stored is
   * not in it, and the assessor is told so. */
  if (!cirt_window_flush (self, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self->view), _("Not in the exchange file"), error);
      g_clear_error (&error);
    }
  info = cirt_store_get_assessment (self->store, id, &error);
  if (info == NULL || !cirt_exchange_export_sealed (self->store, id, path, seal, &error))
    {
      g_autofree char *heading = NULL;

      /* translators: heading of the message when an exchange file cannot be written */
      heading = g_strdup_printf (_("Cannot Export “%s”"), info ? info->title : id);
      show_failure (self, heading, _("No file was written."), error);
      return FALSE;
    }
  name = g_filename_display_basename (path);
  /* translators: toast after writing an exchange file; %s is the file's name */
  message = g_strdup_printf (_("Exported for merging as “%s”"), name);
  cirt_app_show_toast (GTK_WIDGET (self->view), message);
  return TRUE;
}
