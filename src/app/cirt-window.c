/* cirt-window.c — the main window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-window.h"

struct _CirtWindow {
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkStack             *sidebar_stack;
  GtkListBox           *assessment_list;

  /* owned */
  CirtStore            *store;
};

G_DEFINE_FINAL_TYPE (CirtWindow, cirt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (const CirtAssessmentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u answered"), info->country,
                                               info->n_answered, info->n_questions);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
reload (CirtWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_assessments (self->store, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->assessment_list))))
    gtk_list_box_remove (self->assessment_list, child);
  if (list == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (self->assessment_list, create_row (g_ptr_array_index (list, i)));
  gtk_stack_set_visible_child_name (self->sidebar_stack, list->len ? "list" : "empty");
}

static void
cirt_window_constructed (GObject *object)
{
  CirtWindow *self = CIRT_WINDOW (object);

  G_OBJECT_CLASS (cirt_window_parent_class)->constructed (object);
  g_signal_connect_object (self->store, "assessments-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_window_dispose (GObject *object)
{
  CirtWindow *self = CIRT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cirt_window_parent_class)->dispose (object);
}

static void
cirt_window_class_init (CirtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cirt_window_constructed;
  object_class->dispose = cirt_window_dispose;
  object_class->set_property = cirt_window_set_property;
  object_class->get_property = cirt_window_get_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CIRT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtWindow, assessment_list);
}

static void
cirt_window_init (CirtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CirtWindow *
cirt_window_new (AdwApplication *app,
                 CirtStore      *store)
{
  return g_object_new (CIRT_TYPE_WINDOW, "application", app, "store", store, NULL);
}
