/* cirt-application.c — the AdwApplication
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-application.h"
#include "cirt-store.h"
#include "cirt-window.h"

struct _CirtApplication {
  AdwApplication  parent_instance;

  char           *db_path;
  CirtStore      *store;
};

G_DEFINE_FINAL_TYPE (CirtApplication, cirt_application, ADW_TYPE_APPLICATION)

static void
show_fatal (CirtApplication *self,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cirt_application_activate (GApplication *app)
{
  CirtApplication *self = CIRT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->store == NULL)
    {
      g_autofree char *path = self->db_path ? g_strdup (self->db_path) : cirt_store_default_path ();
      self->store = cirt_store_open (path, &error);
      if (self->store == NULL)
        {
          show_fatal (self, error->message);
          return;
        }
    }
  window = GTK_WINDOW (cirt_window_new (ADW_APPLICATION (app), self->store));
  gtk_window_present (window);
}

static int
cirt_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  CirtApplication *self = CIRT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cirt-assess %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
};

static void
cirt_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cirt_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
cirt_application_finalize (GObject *object)
{
  CirtApplication *self = CIRT_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->db_path);
  G_OBJECT_CLASS (cirt_application_parent_class)->finalize (object);
}

static void
cirt_application_class_init (CirtApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = cirt_application_activate;
  G_APPLICATION_CLASS (klass)->startup = cirt_application_startup;
  G_APPLICATION_CLASS (klass)->handle_local_options = cirt_application_handle_local_options;
}

static void
cirt_application_init (CirtApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database to open"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version"), NULL },
    { NULL }
  };
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

CirtApplication *
cirt_application_new (void)
{
  /* NON_UNIQUE: each --db is its own instance, and tests run side by side. */
  return g_object_new (CIRT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/cirtassess/CirtAssess",
                       NULL);
}
