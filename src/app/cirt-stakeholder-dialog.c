/* cirt-stakeholder-dialog.c — adds or edits one stakeholder interview
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-stakeholder-dialog.h"

struct _CirtStakeholderDialog {
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *organisation_row;
  AdwEntryRow    *sector_row;
  GtkMenuButton  *sector_button;
  AdwEntryRow    *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkTextView    *notes_view;
  GtkLabel       *message_label;

  /* owned */
  CirtStore      *store;
  char           *assessment_id;
  gint64          stakeholder_id;   /* 0: new */
};

G_DEFINE_FINAL_TYPE (CirtStakeholderDialog, cirt_stakeholder_dialog, ADW_TYPE_WINDOW)

static char *
field (AdwEntryRow *row)
{
  char *s = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static gboolean
date_is_valid (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

static void
on_changed_cb (CirtStakeholderDialog *self)
{
  g_autofree char *name = field (self->name_row);
  g_autofree char *date = field (self->date_row);
  gboolean date_ok = date_is_valid (date);

  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  if (name == NULL)
    gtk_label_set_label (self->message_label, _("A stakeholder needs a name."));
  else if (!date_ok)
    gtk_label_set_label (self->message_label, _("Write the date as YYYY-MM-DD, e.g. 2026-03-02, or leave it empty."));
  else
    gtk_label_set_label (self->message_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholder.save", name != NULL && date_ok);
}

static void
on_day_selected_cb (CirtStakeholderDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtStakeholderDialog *self = CIRT_STAKEHOLDER_DIALOG (widget);
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  gboolean ok;

  s->id = self->stakeholder_id;
  s->name = field (self->name_row);
  s->organisation = field (self->organisation_row);
  s->sector = field (self->sector_row);
  s->met_on = field (self->date_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  s->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (s->name == NULL || !date_is_valid (s->met_on))
    return;
  if (self->stakeholder_id == 0)
    ok = cirt_store_add_stakeholder (self->store, self->assessment_id, s, &error) != 0;
  else
    ok = cirt_store_update_stakeholder (self->store, s, &error);
  if (!ok)
    {
      /* Stays open with everything typed: nothing is lost. */
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
sector_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtStakeholderDialog *self = CIRT_STAKEHOLDER_DIALOG (widget);
  gtk_editable_set_text (GTK_EDITABLE (self->sector_row), g_variant_get_string (parameter, NULL));
}

static void
cirt_stakeholder_dialog_dispose (GObject *object)
{
  CirtStakeholderDialog *self = CIRT_STAKEHOLDER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_STAKEHOLDER_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cirt_stakeholder_dialog_parent_class)->dispose (object);
}

static void
cirt_stakeholder_dialog_finalize (GObject *object)
{
  CirtStakeholderDialog *self = CIRT_STAKEHOLDER_DIALOG (object);

  g_free (self->assessment_id);
  G_OBJECT_CLASS (cirt_stakeholder_dialog_parent_class)->finalize (object);
}

static void
cirt_stakeholder_dialog_class_init (CirtStakeholderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_stakeholder_dialog_dispose;
  object_class->finalize = cirt_stakeholder_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-stakeholder-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, sector_row);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, sector_button);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CirtStakeholderDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "stakeholder.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "stakeholder.sector", "s", sector_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "stakeholder.save", NULL);
}

static void
cirt_stakeholder_dialog_init (CirtStakeholderDialog *self)
{
  const char * const *groups = cirt_stakeholder_groups ();
  const CirtLang *lang = cirt_lang_for_locale ();
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  /* The sectors offered are the stakeholder groups that the questions name
   * ("whom to ask"), so that a person picked from the list counts for those
   * groups in the mission plan (cirt_interview_sector_group() knows the
   * names in every language). */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *name = cirt_lang_group_name (lang, groups[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "stakeholder.sector", g_variant_new_string (name));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->sector_button, G_MENU_MODEL (menu));
}

GtkWidget *
cirt_stakeholder_dialog_new (GtkWindow             *parent,
                             CirtStore             *store,
                             const char            *assessment_id,
                             const CirtStakeholder *stakeholder)
{
  CirtStakeholderDialog *self;

  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);

  self = g_object_new (CIRT_TYPE_STAKEHOLDER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->assessment_id = g_strdup (assessment_id);
  if (stakeholder != NULL)
    {
      self->stakeholder_id = stakeholder->id;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), stakeholder->name ? stakeholder->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), stakeholder->organisation ? stakeholder->organisation : "");
      gtk_editable_set_text (GTK_EDITABLE (self->sector_row), stakeholder->sector ? stakeholder->sector : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), stakeholder->met_on ? stakeholder->met_on : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), stakeholder->notes ? stakeholder->notes : "", -1);
      adw_window_title_set_title (self->window_title, _("Edit Stakeholder"));
    }
  else
    {
      /* Interviews are usually recorded the day they happen. */
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autofree char *text = g_date_time_format (today, "%Y-%m-%d");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
      adw_window_title_set_title (self->window_title, _("New Stakeholder"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }
  on_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
