/* cirt-preferences-window.c — the assessor's name and the report language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-preferences-window.h"

struct _CirtPreferencesWindow {
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *assessor_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (CirtPreferencesWindow, cirt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Report languages offered, in the order of the combo row; the schema's
 * choices for report-language. */
static const char * const languages[] = { "en", "fr" };

static gboolean
language_to_index (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (code, languages[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_language (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);
  return g_variant_new_string (i < G_N_ELEMENTS (languages) ? languages[i] : languages[0]);
}

static void
cirt_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CIRT_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (cirt_preferences_window_parent_class)->dispose (object);
}

static void
cirt_preferences_window_class_init (CirtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtPreferencesWindow, assessor_group);
  gtk_widget_class_bind_template_child (widget_class, CirtPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CirtPreferencesWindow, language_row);
}

static void
cirt_preferences_window_init (CirtPreferencesWindow *self)
{
  g_autofree char *description = NULL;
  const char *real_name = g_get_real_name ();

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (real_name, "Unknown") == 0)
    description = g_strdup (_("Recorded as the author of every answer you give, and proposed as the lead assessor of new assessments."));
  else
    /* translators: %s is the name of the computer account */
    description = g_strdup_printf (_("Recorded as the author of every answer you give, and proposed as the lead assessor of new assessments. Left empty, the account’s name is used: %s."),
                                   real_name);
  adw_preferences_group_set_description (self->assessor_group, description);
}

GtkWidget *
cirt_preferences_window_new (GtkWindow *parent,
                             GSettings *settings)
{
  CirtPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CIRT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  /* Saved as typed: GSettings writes are cheap and nothing needs applying. */
  g_settings_bind (settings, "assessor-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "report-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_index, index_to_language, NULL, NULL);
  return GTK_WIDGET (self);
}
