/* cirt-evidence-box.c — the evidence attached to one answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the store's evidence functions (the ones the
 * CLI calls); the list follows the session's "answer-changed", which the
 * store announces for an item's question. */
#include "config.h"

#include "cirt-evidence-box.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cirt-app-util.h"
#include "cirt-evidence-pack.h"
#include "cirt-store-evidence.h"

struct _CirtEvidenceBox {
  GtkWidget             parent_instance;

  GtkLabel             *heading;
  GtkLabel             *hint_label;
  GtkListBox           *list;
  GtkListBox           *add_list;
  AdwEntryRow          *url_row;
  AdwActionRow         *attach_row;

  CirtSession          *session;
  GSignalGroup         *session_signals;
  char                 *question;
  GPtrArray            *items;       /* CirtEvidence* */
  GtkFileChooserNative *chooser;
  char                 *open_dir;    /* private folder of the files opened */
  guint                 reload_source;
};

G_DEFINE_FINAL_TYPE (CirtEvidenceBox, cirt_evidence_box, GTK_TYPE_WIDGET)

static CirtStore *
store_of (CirtEvidenceBox *self)
{
  return self->session ? cirt_session_get_store (self->session) : NULL;
}

static char *
author_of (CirtEvidenceBox *self)
{
  return self->session ? cirt_context_dup_author (cirt_session_get_context (self->session)) : NULL;
}

static CirtEvidence *
item_by_id (CirtEvidenceBox *self,
            const char      *id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      CirtEvidence *e = g_ptr_array_index (self->items, i);
      if (g_strcmp0 (e->id, id) == 0)
        return e;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* The rows                                                                 */

static const char *
row_item_id (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "cirt-evidence");
}

static void
on_share_active_cb (GtkSwitch       *sw,
                    GParamSpec      *pspec,
                    CirtEvidenceBox *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = author_of (self);
  const char *id = row_item_id (GTK_WIDGET (sw));
  CirtEvidence *e = item_by_id (self, id);

  (void) pspec;
  if (e == NULL || !e->shareable == !gtk_switch_get_active (sw))
    return;
  if (!cirt_store_set_evidence_shareable (store_of (self), id, gtk_switch_get_active (sw), author, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot change the evidence"), error);
      gtk_switch_set_active (sw, e->shareable);
    }
}

static void
on_open_clicked_cb (GtkButton       *button,
                    CirtEvidenceBox *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cirt_evidence_box_open (self, row_item_id (GTK_WIDGET (button)), TRUE, &error);

  if (error != NULL)
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot open the evidence"), error);
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      CirtEvidenceBox *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (row_item_id (GTK_WIDGET (button)));

  if (!cirt_evidence_box_remove (self, id, &error))
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot remove the evidence"), error);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *label,
             const char *id,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "cirt-evidence", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
create_row (CirtEvidenceBox    *self,
            const CirtEvidence *e)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  g_autoptr(GString) subtitle = g_string_new (cirt_evidence_mime_label (e->mime));
  const char *title = e->kind == CIRT_EVIDENCE_FILE ? e->name : e->url;
  g_autofree char *open_label = NULL, *remove_label = NULL, *share_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (e->kind == CIRT_EVIDENCE_FILE)
    {
      g_autofree char *size = cirt_evidence_format_size (e->size);
      /* translators: between the parts of an item's description: "PDF · 2.1 MiB · 2024-03-01" */
      g_string_append_printf (subtitle, _(" · %s"), size);
    }
  if (e->date != NULL)
    {
      if (e->kind == CIRT_EVIDENCE_URL)
        {
          /* translators: when a web page was seen: "Web page · seen 2024-03-01" */
          g_autofree char *seen = g_strdup_printf (_("seen %s"), e->date);
          g_string_append_printf (subtitle, _(" · %s"), seen);
        }
      else
        g_string_append_printf (subtitle, _(" · %s"), e->date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  /* translators: accessible labels of an item's controls: "Open decree.pdf" */
  open_label = g_strdup_printf (_("Open %s"), title);
  remove_label = g_strdup_printf (_("Remove %s"), title);
  share_label = g_strdup_printf (_("Shareable with the ministry: %s"), title);

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), e->shareable);
  gtk_widget_set_tooltip_text (sw, _("Shareable with the ministry (goes into the evidence pack)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, share_label, -1);
  g_object_set_data_full (G_OBJECT (sw), "cirt-evidence", g_strdup (e->id), g_free);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_share_active_cb), self);

  {
    GtkWidget *label = gtk_label_new (_("Shareable"));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "caption");
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, share_label, -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button (e->kind == CIRT_EVIDENCE_FILE ? "document-open-symbolic" : "web-browser-symbolic",
                                          e->kind == CIRT_EVIDENCE_FILE ? _("Open with the system's viewer")
                                                                         : _("Open in the browser"),
                                          open_label, e->id, G_CALLBACK (on_open_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove"), remove_label, e->id,
                                          G_CALLBACK (on_remove_clicked_cb), self));
  return row;
}

static void
reload (CirtEvidenceBox *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->list, child);
      else
        break;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->session != NULL && self->question != NULL &&
                                               !cirt_store_is_read_only (store_of (self)));
  if (self->session == NULL || self->question == NULL)
    return;
  self->items = cirt_store_list_evidence (store_of (self), cirt_session_get_id (self->session), self->question,
                                          &error);
  if (self->items == NULL)
    {
      g_warning ("cannot read the evidence of %s: %s", self->question, error->message);
      return;
    }
  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (self->items, i)));
}

static gboolean
reload_idle_cb (gpointer data)
{
  CirtEvidenceBox *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A change announced while one of the rows' controls is still handling
 * its own signal (the switch that wrote it): the rows are rebuilt once it
 * has returned. */
static void
on_answer_changed_cb (CirtEvidenceBox *self,
                      const char      *question)
{
  if (g_strcmp0 (question, self->question) == 0 && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Adding                                                                   */

gboolean
cirt_evidence_box_attach_file (CirtEvidenceBox  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL, *author = NULL, *uuid = NULL, *display = NULL;
  CirtEvidenceOptions options = { 0 };
  gboolean cleaned = FALSE;

  g_return_val_if_fail (CIRT_IS_EVIDENCE_BOX (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->session == NULL || self->question == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("no question to attach the file to"));
      return FALSE;
    }
  display = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a file on this computer; save it to a folder first"), display);
      goto fail;
    }
  author = author_of (self);
  options.author = author;
  uuid = cirt_store_add_evidence_file (store_of (self), cirt_session_get_id (self->session), self->question, path,
                                       &options, &cleaned, &local_error);
  if (uuid == NULL)
    goto fail;
  reload (self);
  if (cleaned)
    {
      CirtEvidence *e = item_by_id (self, uuid);
      g_autofree char *note = g_strdup_printf (_("The file's name had invisible control characters; it is kept as "
                                                 "“%s”"), e ? e->name : "");
      cirt_app_show_toast (GTK_WIDGET (self), note);
    }
  return TRUE;

fail:
  cirt_app_report_error (GTK_WIDGET (self), _("Cannot attach the file"), local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_evidence_box_add_url (CirtEvidenceBox  *self,
                           const char       *url,
                           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *author = NULL, *uuid = NULL;
  CirtEvidenceOptions options = { 0 };

  g_return_val_if_fail (CIRT_IS_EVIDENCE_BOX (self), FALSE);

  if (self->session == NULL || self->question == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("no question to attach the address to"));
      return FALSE;
    }
  author = author_of (self);
  options.author = author;
  uuid = cirt_store_add_evidence_url (store_of (self), cirt_session_get_id (self->session), self->question, url,
                                      &options, &local_error);
  if (uuid == NULL)
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot add the web address"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  reload (self);
  return TRUE;
}

static void
on_url_apply_cb (CirtEvidenceBox *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

  if (*url == '\0')
    return;
  if (cirt_evidence_box_add_url (self, url, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        CirtEvidenceBox *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          cirt_evidence_box_attach_file (self, file, NULL);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_attach_activated_cb (CirtEvidenceBox *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->session == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  /* Every file is offered: the kind is decided by the content, not the name. */
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            CirtEvidenceBox *self)
{
  GSList *files;
  guint attached = 0;

  (void) target;
  (void) x;
  (void) y;
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    attached += cirt_evidence_box_attach_file (self, l->data, NULL);
  return attached > 0;
}

/* ------------------------------------------------------------------------ */
/* Removing, opening                                                        */

static void
on_undo_remove_cb (AdwToast        *toast,
                   CirtEvidenceBox *self)
{
  CirtEvidence *e = g_object_get_data (G_OBJECT (toast), "cirt-evidence");
  CirtStore *store = g_object_get_data (G_OBJECT (toast), "cirt-store");
  const char *assessment = g_object_get_data (G_OBJECT (toast), "cirt-assessment");
  g_autoptr(GError) error = NULL;
  g_autofree char *author = author_of (self);

  if (e == NULL || store == NULL)
    return;
  if (!cirt_store_restore_evidence (store, assessment, e, author, &error))
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot restore the evidence"), error);
}

gboolean
cirt_evidence_box_remove (CirtEvidenceBox  *self,
                          const char       *evidence,
                          GError          **error)
{
  CirtEvidence *e = item_by_id (self, evidence);
  g_autofree char *author = author_of (self), *message = NULL;
  CirtEvidence *copy;
  CirtStore *store = store_of (self);
  AdwToast *toast;
  GtkWidget *overlay;

  g_return_val_if_fail (CIRT_IS_EVIDENCE_BOX (self), FALSE);

  if (e == NULL || store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no such item of evidence here"));
      return FALSE;
    }
  copy = cirt_evidence_copy (e);
  if (!cirt_store_remove_evidence (store, evidence, author, error))
    {
      cirt_evidence_free (copy);
      return FALSE;
    }
  /* translators: a toast after a removal: "“decree.pdf” removed" */
  message = g_strdup_printf (_("“%s” removed"), copy->kind == CIRT_EVIDENCE_FILE ? copy->name : copy->url);
  toast = cirt_app_new_toast (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cirt-evidence", copy, (GDestroyNotify) cirt_evidence_free);
  g_object_set_data_full (G_OBJECT (toast), "cirt-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "cirt-assessment", g_strdup (cirt_session_get_id (self->session)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
  return TRUE;
}

char *
cirt_evidence_box_open (CirtEvidenceBox  *self,
                        const char       *evidence,
                        gboolean          launch,
                        GError          **error)
{
  CirtEvidence *e = item_by_id (self, evidence);
  g_autofree char *name = NULL, *path = NULL, *uri = NULL;

  g_return_val_if_fail (CIRT_IS_EVIDENCE_BOX (self), NULL);

  if (e == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no such item of evidence here"));
      return NULL;
    }
  if (e->kind == CIRT_EVIDENCE_URL)
    {
      if (launch && !g_app_info_launch_default_for_uri (e->url, NULL, error))
        return NULL;
      return NULL;
    }
  /* A private folder (0700) of the box's own; the file is named as in an
   * evidence pack, its extension from its real type so that the right
   * viewer opens it. */
  if (self->open_dir == NULL && (self->open_dir = g_dir_make_tmp ("cirt-evidence-XXXXXX", error)) == NULL)
    return NULL;
  name = cirt_evidence_pack_name (1, e->name, e->mime);
  path = g_build_filename (self->open_dir, name + 4, NULL);
  if (!cirt_store_extract_evidence (store_of (self), e->id, path, error))
    return NULL;
  if (launch)
    {
      uri = g_filename_to_uri (path, NULL, error);
      if (uri == NULL || !g_app_info_launch_default_for_uri (uri, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&path);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
remove_open_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
cirt_evidence_box_dispose (GObject *object)
{
  CirtEvidenceBox *self = CIRT_EVIDENCE_BOX (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_EVIDENCE_BOX);
  G_OBJECT_CLASS (cirt_evidence_box_parent_class)->dispose (object);
}

static void
cirt_evidence_box_finalize (GObject *object)
{
  CirtEvidenceBox *self = CIRT_EVIDENCE_BOX (object);

  /* Files opened are copies: they go with the page. */
  if (self->open_dir != NULL)
    remove_open_dir (self->open_dir);
  g_free (self->open_dir);
  g_free (self->question);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (cirt_evidence_box_parent_class)->finalize (object);
}

static void
cirt_evidence_box_class_init (CirtEvidenceBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_evidence_box_dispose;
  object_class->finalize = cirt_evidence_box_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-evidence-box.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, heading);
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, list);
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, add_list);
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, url_row);
  gtk_widget_class_bind_template_child (widget_class, CirtEvidenceBox, attach_row);
  gtk_widget_class_bind_template_callback (widget_class, on_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_activated_cb);
}

static void
cirt_evidence_box_init (CirtEvidenceBox *self)
{
  GtkDropTarget *drop;
  g_autofree char *limit = cirt_evidence_format_size (CIRT_EVIDENCE_MAX_SIZE);
  g_autofree char *hint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  /* translators: %s is the size limit, "32.0 MiB" */
  hint = g_strdup_printf (_("Documents (PDF, Word, Excel, PowerPoint, OpenDocument), images and text files up to %s "
                            "each, kept inside the database. Drop files here or attach them."), limit);
  gtk_label_set_label (self->hint_label, hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attached evidence"), -1);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed", G_CALLBACK (on_answer_changed_cb), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cirt_evidence_box_new (void)
{
  return g_object_new (CIRT_TYPE_EVIDENCE_BOX, NULL);
}

void
cirt_evidence_box_set_session (CirtEvidenceBox *self,
                               CirtSession     *session)
{
  g_return_if_fail (CIRT_IS_EVIDENCE_BOX (self));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  g_clear_pointer (&self->question, g_free);
  reload (self);
}

void
cirt_evidence_box_set_question (CirtEvidenceBox *self,
                                const char      *question)
{
  g_return_if_fail (CIRT_IS_EVIDENCE_BOX (self));

  g_free (self->question);
  self->question = g_strdup (question);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  reload (self);
}

GPtrArray *
cirt_evidence_box_get_items (CirtEvidenceBox *self)
{
  g_return_val_if_fail (CIRT_IS_EVIDENCE_BOX (self), NULL);
  return self->items;
}
