/* cirt-app-util.c — small helpers shared by the application's widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cirt-app-util.h"

static GSettings *settings;

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
#ifdef CIRT_BUILD_SCHEMA_DIR
  if (schema == NULL)
    {
      /* Running from the build tree: the schema is compiled next to it. */
      g_autoptr(GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (CIRT_BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, FALSE);
    }
#endif
  return schema;
}

GSettings *
cirt_app_get_settings (void)
{
  if (settings == NULL)
    {
      g_autoptr(GSettingsSchema) schema = lookup_schema ();

      if (schema == NULL)
        {
          fputs ("cirt-assess: ", stderr);
          /* translators: %s is the application id, io.github.cirtassess.CirtAssess */
          fprintf (stderr, _("the settings schema %s is not installed; install the application "
                             "or set GSETTINGS_SCHEMA_DIR to the folder holding gschemas.compiled"), APP_ID);
          fputc ('\n', stderr);
          exit (EXIT_FAILURE);
        }
      settings = g_settings_new_full (schema, NULL, NULL);
    }
  return settings;
}

char *
cirt_app_get_author (void)
{
  g_autofree char *name = g_settings_get_string (cirt_app_get_settings (), "assessor-name");

  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_real_name ());
}

const char *
cirt_app_get_language (void)
{
  const char * const *names = g_get_language_names ();
  return names[0];
}

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
cirt_app_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (iso == NULL)
    return NULL;
  if (strlen (iso) == 10)
    full = g_strconcat (iso, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (full ? full : iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  {
    g_autoptr(GDateTime) local = full ? g_date_time_ref (dt) : g_date_time_to_local (dt);
    /* translators: a date as shown in lists, see strftime(3) */
    return g_date_time_format (local, _("%-d %b %Y"));
  }
}

char *
cirt_app_format_time (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (dt);
  /* translators: a date and time, "2 Mar 2026, 14:05", see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* Appends @text to @name as lower-case ASCII words joined by dashes (at most
 * about @max characters of it), after a dash when @name is not empty. */
static void
append_file_name_part (GString    *name,
                       const char *text,
                       gsize       max)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) part = g_string_new (NULL);
  gboolean gap = FALSE;

  if (text == NULL)
    return;
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
  if (part->len == 0)
    return;
  if (name->len > 0)
    g_string_append_c (name, '-');
  g_string_append_len (name, part->str, part->len);
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

const char *
cirt_app_phase_label (const char *phase)
{
  if (g_strcmp0 (phase, "design") == 0)
    return _("Design");
  if (g_strcmp0 (phase, "establishment") == 0)
    return _("Establishment");
  if (g_strcmp0 (phase, "enhancement") == 0)
    return _("Enhancement");
  return _("Assessment");
}

char *
cirt_app_level_label (CirtInstrument *instrument,
                      int             level)
{
  const CirtLevelInfo *info = instrument ? cirt_instrument_get_level_info (instrument, level) : NULL;

  if (info == NULL)
    return g_strdup_printf ("%d", level);
  /* translators: a maturity level, "3 — Established" */
  return g_strdup_printf (_("%d — %s"), level, cirt_text_get (info->name, cirt_app_get_language ()));
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
