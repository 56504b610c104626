/* cirt-app-util.c — small helpers shared by the application's widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cirt-app-util.h"

AdwToast *
cirt_app_new_toast (const char *text)
{
  /* A toast's title is markup; what we show is plain text (titles, names,
   * file names, error messages may hold "&" or "<"). */
  g_autofree char *markup = g_markup_escape_text (text, -1);
  return adw_toast_new (markup);
}

void
cirt_app_show_toast (GtkWidget  *widget,
                     const char *message)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      /* Widgets in dialogs: the main window's overlay. */
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
      if (parent != NULL)
        overlay = gtk_widget_get_ancestor (gtk_window_get_child (parent), ADW_TYPE_TOAST_OVERLAY);
      if (overlay == NULL && parent != NULL && ADW_IS_TOAST_OVERLAY (gtk_window_get_child (parent)))
        overlay = gtk_window_get_child (parent);
    }
  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), cirt_app_new_toast (message));
}

void
cirt_app_report_error (GtkWidget    *widget,
                       const char   *what,
                       const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      cirt_app_show_toast (widget, message);
      return;
    }
  {
    AdwToast *toast = cirt_app_new_toast (message);
    /* An error stays until the assessor has seen it. */
    adw_toast_set_timeout (toast, 0);
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  }
}

char *
cirt_app_slug (const char *text,
               gsize       max)
{
  g_autofree char *ascii = NULL;
  GString *part = g_string_new (NULL);
  gboolean gap = FALSE;

  if (text == NULL)
    return g_string_free (part, FALSE);
  ascii = g_str_to_ascii (text, NULL);
  for (const char *p = ascii; *p != '\0' && part->len < max; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          gap = TRUE;
          continue;
        }
      if (gap && part->len > 0)
        g_string_append_c (part, '-');
      g_string_append_c (part, g_ascii_tolower (*p));
      gap = FALSE;
    }
  return g_string_free (part, FALSE);
}

/* Appends the slug of @text to @name, after a dash when @name is not empty. */
static void
append_file_name_part (GString    *name,
                       const char *text,
                       gsize       max)
{
  g_autofree char *part = cirt_app_slug (text, max);

  if (*part == '\0')
    return;
  if (name->len > 0)
    g_string_append_c (name, '-');
  g_string_append (name, part);
}

char *
cirt_app_exchange_file_name (const CirtAssessmentInfo *info,
                             const char               *assessor,
                             GDateTime                *date)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *day = NULL;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  day = g_date_time_format (date, "%Y-%m-%d");
  append_file_name_part (name, info->country, 40);
  append_file_name_part (name, info->title, 60);
  /* The digits of the day are kept, its dashes too. */
  if (name->len > 0)
    g_string_append_c (name, '-');
  g_string_append (name, day);
  append_file_name_part (name, assessor, 40);
  g_string_append (name, ".json");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

char *
cirt_app_level_label (CirtInstrument *instrument,
                      int             level,
                      const char     *language)
{
  const CirtLevelInfo *info = instrument ? cirt_instrument_get_level_info (instrument, level) : NULL;

  if (info == NULL)
    return g_strdup_printf ("%d", level);
  /* translators: a maturity level, "3 — Established" */
  return g_strdup_printf (_("%d — %s"), level, cirt_text_get (info->name, language));
}

void
cirt_app_set_menu_label (GMenu      *menu,
                         const char *action,
                         const char *label)
{
  g_return_if_fail (G_IS_MENU (menu));

  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (menu)); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_menu_model_get_item_attribute (G_MENU_MODEL (menu), i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) ||
          g_strcmp0 (item_action, action) != 0)
        continue;
      g_menu_model_get_item_attribute (G_MENU_MODEL (menu), i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      if (g_strcmp0 (item_label, label) == 0)
        return;
      item = g_menu_item_new_from_model (G_MENU_MODEL (menu), i);
      g_menu_item_set_label (item, label);
      g_menu_remove (menu, i);
      g_menu_insert_item (menu, i, item);
      return;
    }
}

gboolean
cirt_app_is_text_widget (GtkWidget *widget)
{
  return widget != NULL && (GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget));
}

void
cirt_app_measure_page (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (!gtk_widget_get_child_visible (widget))
    return;
  /* A height for no width in particular: a page fills the stack, and its
   * content wraps to the width it is given; laying the page out at its
   * natural width (a width it never has) would build every wrapped text
   * once more. The height at its present width, or none before it has one. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    {
      for_size = gtk_widget_get_width (widget);
      if (for_size <= 0)
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

void
cirt_app_allocate_page (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, cirt_app_menu_button_get_menu (button));
}

void
cirt_app_menu_button_set_menu_later (GtkMenuButton *button,
                                     GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  g_object_set_data_full (G_OBJECT (button), "cirt-menu", g_object_ref (menu), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, create_menu_cb, NULL, NULL);
}

GMenuModel *
cirt_app_menu_button_get_menu (GtkMenuButton *button)
{
  GMenuModel *menu;

  g_return_val_if_fail (GTK_IS_MENU_BUTTON (button), NULL);
  menu = gtk_menu_button_get_menu_model (button);
  return menu != NULL ? menu : g_object_get_data (G_OBJECT (button), "cirt-menu");
}

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           gpointer       user_data)
{
  /* Nothing to tear down: the measurement ends with the first frame. */
  fflush (stdout);
  _exit (EXIT_SUCCESS);
}

static void
on_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame_painted_cb), NULL);
}

void
cirt_app_exit_after_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realized_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realized_cb), NULL);
}

/* ------------------------------------------------------------------------ */
/* Passphrases                                                              */

typedef struct {
  GtkWidget          *first;
  GtkWidget          *second;    /* NULL unless confirming */
  GtkWidget          *mismatch;
  CirtPassphraseFunc  func;
  gpointer            user_data;
  GDestroyNotify      destroy;
} PassphraseAsk;

static void
passphrase_ask_free (PassphraseAsk *ask)
{
  if (ask->destroy)
    ask->destroy (ask->user_data);
  g_free (ask);
}

static void
on_passphrase_changed_cb (AdwMessageDialog *dialog)
{
  PassphraseAsk *ask = g_object_get_data (G_OBJECT (dialog), "cirt-ask");
  const char *a = gtk_editable_get_text (GTK_EDITABLE (ask->first));
  gboolean same = ask->second == NULL || g_strcmp0 (a, gtk_editable_get_text (GTK_EDITABLE (ask->second))) == 0;
  gboolean typed_both = ask->second == NULL || *gtk_editable_get_text (GTK_EDITABLE (ask->second)) != '\0';

  adw_message_dialog_set_response_enabled (dialog, "accept", *a != '\0' && same);
  if (ask->mismatch)
    gtk_widget_set_visible (ask->mismatch, !same && typed_both);
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog,
                           const char       *response)
{
  PassphraseAsk *ask = g_object_get_data (G_OBJECT (dialog), "cirt-ask");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (ask->first));

  ask->func (g_strcmp0 (response, "accept") == 0 && *text != '\0' ? text : NULL, ask->user_data);
  gtk_editable_set_text (GTK_EDITABLE (ask->first), "");
  if (ask->second)
    gtk_editable_set_text (GTK_EDITABLE (ask->second), "");
}

static GtkWidget *
passphrase_entry (const char *label)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

void
cirt_app_ask_passphrase (GtkWindow          *parent,
                         const char         *heading,
                         const char         *body,
                         gboolean            confirm,
                         const char         *accept_label,
                         CirtPassphraseFunc  func,
                         gpointer            user_data,
                         GDestroyNotify      destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  PassphraseAsk *ask = g_new0 (PassphraseAsk, 1);

  ask->func = func;
  ask->user_data = user_data;
  ask->destroy = destroy;
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  ask->first = passphrase_entry (_("Passphrase"));
  gtk_box_append (GTK_BOX (box), ask->first);
  if (confirm)
    {
      ask->second = passphrase_entry (_("Passphrase, again"));
      gtk_box_append (GTK_BOX (box), ask->second);
      ask->mismatch = gtk_label_new (_("The two passphrases differ."));
      gtk_widget_add_css_class (ask->mismatch, "error");
      gtk_label_set_xalign (GTK_LABEL (ask->mismatch), 0);
      gtk_widget_set_visible (ask->mismatch, FALSE);
      gtk_box_append (GTK_BOX (box), ask->mismatch);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "cirt-ask", ask, (GDestroyNotify) passphrase_ask_free);
  g_signal_connect_swapped (ask->first, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);
  if (ask->second)
    g_signal_connect_swapped (ask->second, "changed", G_CALLBACK (on_passphrase_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->first);
}

void
cirt_app_name_drop_down (GtkDropDown *drop_down,
                         const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
