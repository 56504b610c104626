/* cirt-window-evidence.c — "win.export-evidence-pack": the shareable files
 * of the open assessment in one zip with their index (cirt-evidence-pack.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-evidence-pack.h"
#include "cirt-window-private.h"

static void
on_pack_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CirtWindow      *self)
{
  g_autoptr(GtkNativeDialog) owned = g_object_ref (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *id = g_object_get_data (G_OBJECT (chooser), "cirt-id");
  guint n = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;
  if (!cirt_evidence_pack_write (self->store, id, cirt_context_get_lang (self->context), path, &n, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot export the evidence pack"), error);
      return;
    }
  {
    g_autofree char *base = g_filename_display_basename (path);
    /* translators: a toast: "Evidence pack saved as evidence.zip (3 files)" */
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evidence pack saved as %s (%u file)",
                                                             "Evidence pack saved as %s (%u files)", n), base, n);
    cirt_app_show_toast (GTK_WIDGET (self), message);
  }
}

void
_cirt_window_export_evidence_pack_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  CirtWindow *self = CIRT_WINDOW (widget);
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *slug = NULL, *name = NULL;
  GtkFileChooserNative *chooser;

  (void) action_name;
  (void) parameter;
  if (id == NULL || (info = cirt_store_get_assessment (self->store, id, NULL)) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Evidence Pack"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Zip Archives"));
  gtk_file_filter_add_suffix (filter, "zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  slug = cirt_app_slug (info->title, 40);
  /* The suggested name: the assessment's title, then what it is. */
  name = g_strdup_printf ("%s-evidence.zip", slug && *slug ? slug : "assessment");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "cirt-id", g_strdup (id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_pack_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
