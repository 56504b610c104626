/* cirt-window-evidence.c — "win.export-evidence-pack": the shareable files
 * of the open assessment in one zip with their index (cirt-evidence-pack.h)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-evidence-pack.h"
#include "cirt-store-evidence.h"
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

/* ------------------------------------------------------------------------ */
/* "evidence.evidenced-only": the scoring option of the open assessment    */

static void
on_evidenced_only_change_cb (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       data)
{
  CirtWindow *self = data;
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  g_autoptr(GError) error = NULL;
  gboolean on = g_variant_get_boolean (value);

  if (id == NULL)
    return;
  if (!cirt_store_set_evidenced_only (self->store, id, on, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot change the scoring option"), error);
      return;
    }
  g_simple_action_set_state (action, value);
  cirt_app_show_toast (GTK_WIDGET (self), on ? _("Only answers with evidence attached are scored now")
                                             : _("Every answer is scored again, with or without evidence"));
}

void
_cirt_window_update_evidence_actions (CirtWindow *self,
                                      gboolean    open)
{
  GSimpleActionGroup *group = g_object_get_data (G_OBJECT (self), "cirt-evidence-actions");
  const char *id = cirt_assessment_view_get_assessment_id (self->view);
  GAction *action;
  gboolean on = FALSE;

  if (group == NULL)
    {
      g_autoptr(GSimpleAction) a = g_simple_action_new_stateful ("evidenced-only", NULL,
                                                                 g_variant_new_boolean (FALSE));
      group = g_simple_action_group_new ();
      g_signal_connect (a, "change-state", G_CALLBACK (on_evidenced_only_change_cb), self);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (a));
      gtk_widget_insert_action_group (GTK_WIDGET (self), "evidence", G_ACTION_GROUP (group));
      g_object_set_data_full (G_OBJECT (self), "cirt-evidence-actions", group, g_object_unref);
    }
  action = g_action_map_lookup_action (G_ACTION_MAP (group), "evidenced-only");
  if (open && id != NULL)
    cirt_store_get_evidenced_only (self->store, id, &on, NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), open && !cirt_store_is_read_only (self->store));
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (on));
}
