/* cirt-stakeholders-page.c — the interviews of an assessment
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-assessment-page.h"
#include "cirt-stakeholder-dialog.h"
#include "cirt-stakeholders-page.h"

struct _CirtStakeholdersPage {
  GtkWidget             parent_instance;

  /* template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *group;
  GtkListBox           *list;

  /* owned */
  CirtSession          *session;
  GSignalGroup         *session_signals;
  GPtrArray            *stakeholders;   /* CirtStakeholder*, as listed */
};

static void cirt_stakeholders_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtStakeholdersPage, cirt_stakeholders_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_stakeholders_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static char *
describe (CirtStakeholdersPage  *self,
          const CirtStakeholder *s)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (s->organisation && *s->organisation)
    g_ptr_array_add (parts, g_strdup (s->organisation));
  if (s->sector && *s->sector)
    g_ptr_array_add (parts, g_strdup (s->sector));
  if (s->met_on && *s->met_on)
    g_ptr_array_add (parts, cirt_lang_format_date_short (cirt_context_get_lang (cirt_session_get_context (self->session)),
                                                         s->met_on));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
edit (CirtStakeholdersPage  *self,
      const CirtStakeholder *stakeholder)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->session == NULL)
    return;
  dialog = cirt_stakeholder_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                                        stakeholder);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_clicked_cb (GtkButton            *button,
                    CirtStakeholdersPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cirt-index"));

  if (i < self->stakeholders->len)
    edit (self, g_ptr_array_index (self->stakeholders, i));
}

static void
on_undo_delete_cb (AdwToast             *toast,
                   CirtStakeholdersPage *self)
{
  CirtStakeholder *s = g_object_get_data (G_OBJECT (toast), "cirt-stakeholder");
  const char *assessment = g_object_get_data (G_OBJECT (toast), "cirt-assessment");
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || s == NULL)
    return;
  if (cirt_store_add_stakeholder (cirt_session_get_store (self->session), assessment, s, &error) == 0)
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot restore the stakeholder"), error);
}

static void
on_delete_clicked_cb (GtkButton            *button,
                      CirtStakeholdersPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cirt-index"));
  g_autoptr(GError) error = NULL;
  CirtStakeholder *s;
  CirtStakeholder *copy;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (i >= self->stakeholders->len)
    return;
  s = g_ptr_array_index (self->stakeholders, i);
  copy = cirt_stakeholder_new ();
  copy->name = g_strdup (s->name);
  copy->organisation = g_strdup (s->organisation);
  copy->sector = g_strdup (s->sector);
  copy->met_on = g_strdup (s->met_on);
  copy->notes = g_strdup (s->notes);
  if (!cirt_store_delete_stakeholder (cirt_session_get_store (self->session), s->id, &error))
    {
      cirt_stakeholder_free (copy);
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot delete the stakeholder"), error);
      return;
    }
  /* translators: toast after a delete, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), copy->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cirt-stakeholder", copy, (GDestroyNotify) cirt_stakeholder_free);
  g_object_set_data_full (G_OBJECT (toast), "cirt-assessment", g_strdup (cirt_session_get_id (self->session)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
    if (overlay != NULL)
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    else
      g_object_unref (toast);
  }
}

static GtkWidget *
create_row (CirtStakeholdersPage  *self,
            const CirtStakeholder *s,
            guint                  index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe (self, s);
  /* translators: accessible names of the buttons of a stakeholder row */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), s->name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), s->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (s->notes && *s->notes)
    {
      gtk_widget_set_tooltip_text (row, s->notes);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_widget_set_tooltip_text (edit_button, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data (G_OBJECT (edit_button), "cirt-index", GUINT_TO_POINTER (index));
  g_signal_connect (edit_button, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data (G_OBJECT (delete_button), "cirt-index", GUINT_TO_POINTER (index));
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  g_object_set_data (G_OBJECT (row), "cirt-index", GUINT_TO_POINTER (index));
  return row;
}

static gboolean
same_stakeholders (GPtrArray *a,
                   GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return a == b;
  for (guint i = 0; i < a->len; i++)
    {
      const CirtStakeholder *x = g_ptr_array_index (a, i);
      const CirtStakeholder *y = g_ptr_array_index (b, i);

      if (x->id != y->id || g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->organisation, y->organisation) != 0 ||
          g_strcmp0 (x->sector, y->sector) != 0 || g_strcmp0 (x->met_on, y->met_on) != 0 ||
          g_strcmp0 (x->notes, y->notes) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Lists the session's stakeholders, when they are not the ones listed. */
static void
refresh (CirtStakeholdersPage *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data = NULL;
  GPtrArray *list = NULL;
  GtkWidget *child;
  g_autofree char *description = NULL;

  if (self->session != NULL)
    {
      data = cirt_session_get_data (self->session, &error);
      if (data == NULL)
        cirt_app_report_error (GTK_WIDGET (self), _("Cannot list the stakeholders"), error);
      else
        list = data->stakeholders;
    }
  if (self->stakeholders != NULL && list != NULL && same_stakeholders (self->stakeholders, list))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  if (list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->stakeholders = g_ptr_array_new_full (list->len, (GDestroyNotify) cirt_stakeholder_free);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (self->stakeholders, cirt_stakeholder_copy (g_ptr_array_index (list, i)));
  for (guint i = 0; i < self->stakeholders->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (self->stakeholders, i), i));
  description = g_strdup_printf (ngettext ("%u person met during the mission, by date",
                                           "%u people met during the mission, by date",
                                           self->stakeholders->len), self->stakeholders->len);
  adw_preferences_group_set_description (self->group, description);
  gtk_stack_set_visible_child_name (self->stack, self->stakeholders->len ? "list" : "empty");
}

static void
on_data_cb (CirtStakeholdersPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_row_activated_cb (CirtStakeholdersPage *self,
                     GtkListBoxRow        *row)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-index"));

  if (self->stakeholders != NULL && i < self->stakeholders->len)
    edit (self, g_ptr_array_index (self->stakeholders, i));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  edit (CIRT_STAKEHOLDERS_PAGE (widget), NULL);
}

static void
cirt_stakeholders_page_focus_start (CirtAssessmentPage *page)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (page);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cirt_stakeholders_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_stakeholders_page_focus_start;
}

static void
cirt_stakeholders_page_map (GtkWidget *widget)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_stakeholders_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  refresh (self);
}

static void
cirt_stakeholders_page_unmap (GtkWidget *widget)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_stakeholders_page_parent_class)->unmap (widget);
}

static void
cirt_stakeholders_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_stakeholders_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
          if (self->session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
            refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_stakeholders_page_dispose (GObject *object)
{
  CirtStakeholdersPage *self = CIRT_STAKEHOLDERS_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_STAKEHOLDERS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_stakeholders_page_parent_class)->dispose (object);
}

static void
cirt_stakeholders_page_class_init (CirtStakeholdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_stakeholders_page_dispose;
  object_class->get_property = cirt_stakeholders_page_get_property;
  object_class->set_property = cirt_stakeholders_page_set_property;
  widget_class->map = cirt_stakeholders_page_map;
  widget_class->unmap = cirt_stakeholders_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-stakeholders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholdersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholdersPage, group);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholdersPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "stakeholders.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                      "stakeholders.add", NULL);
}

static void
cirt_stakeholders_page_init (CirtStakeholdersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
}

GtkWidget *
cirt_stakeholders_page_new (void)
{
  return g_object_new (CIRT_TYPE_STAKEHOLDERS_PAGE, NULL);
}

guint
cirt_stakeholders_page_get_n_rows (CirtStakeholdersPage *self)
{
  g_return_val_if_fail (CIRT_IS_STAKEHOLDERS_PAGE (self), 0);
  return self->stakeholders ? self->stakeholders->len : 0;
}
