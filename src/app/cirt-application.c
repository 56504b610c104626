/* cirt-application.c — the AdwApplication
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "cirt-app-util.h"
#include "cirt-application.h"
#include "cirt-context.h"
#include "cirt-preferences-window.h"
#include "cirt-store.h"
#include "cirt-window.h"

struct _CirtApplication {
  AdwApplication  parent_instance;

  char           *db_path;
  char           *open_id;          /* --open: the assessment to show first */
  /* opened at startup, before GTK is: see open_early () */
  CirtStore      *store;
  char           *store_error;
  char           *open_resolved;    /* open_id resolved to a full id */
  char           *open_error;
  GSettings      *settings;
  CirtContext    *context;          /* once the database is open */
  guint           signal_sources[3];
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

/* Opens the database, and starts parsing the instruments of the assessment
 * that --open asks for on the other core: called before GTK and libadwaita
 * start, whose start-up (a third of the time to the first frame) is then
 * time the parsing does not add. What goes wrong is said by activate. */
static void
open_early (CirtApplication *self)
{
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : cirt_store_default_path ();
  g_autoptr(GError) error = NULL;

  self->store = cirt_store_open (path, &error);
  if (self->store == NULL)
    {
      self->store_error = g_strdup (error->message);
      return;
    }
  if (self->open_id == NULL)
    return;
  self->open_resolved = cirt_store_resolve_id (self->store, self->open_id, &error);
  if (self->open_resolved != NULL)
    cirt_store_prefetch_instruments (self->store, self->open_resolved);
  else
    self->open_error = g_strdup (error->message);
}

static void
cirt_application_activate (GApplication *app)
{
  CirtApplication *self = CIRT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *open_id = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->context == NULL)
    {
      if (self->store == NULL && self->store_error == NULL)
        open_early (self);
      if (self->store == NULL)
        {
          show_fatal (self, self->store_error);
          return;
        }
      self->context = cirt_context_new (self->store, self->settings);
      g_clear_object (&self->store);
    }
  if (self->open_id != NULL)
    {
      if (self->open_resolved != NULL)
        open_id = g_steal_pointer (&self->open_resolved);
      else
        g_printerr ("cirt-assess: --open %s: %s\n", self->open_id, self->open_error);
      g_clear_pointer (&self->open_id, g_free);
      g_clear_pointer (&self->open_error, g_free);
    }
  window = GTK_WINDOW (cirt_window_new (ADW_APPLICATION (app), self->context));
  if (open_id != NULL)
    cirt_window_open (CIRT_WINDOW (window), open_id);
  if (g_getenv ("CIRT_EXIT_AFTER_FIRST_FRAME") != NULL)
    cirt_app_exit_after_first_frame (window);
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
  g_variant_dict_lookup (options, "open", "s", &self->open_id);
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Through each window's close request: unsaved input is flushed or
   * reported there, and the application ends with its last window. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CirtApplication *self = CIRT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  gtk_window_present (GTK_WINDOW (cirt_preferences_window_new (parent, self->settings)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  const char *developers[] = { _("The CIRT Assess developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("CIRT Assess"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The CIRT Assess developers"),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/cirtassess/cirt-assess",
                "issue-url", "https://github.com/cirtassess/cirt-assess/issues",
                "comments", _("National CIRT readiness and cybersecurity maturity assessments, for the assessors "
                              "of a country mission. Works offline; every answer stays on this computer."),
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
flush_windows (CirtApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CIRT_IS_WINDOW (l->data))
      cirt_window_finish (CIRT_WINDOW (l->data));
}

static gboolean
on_terminate_cb (gpointer user_data)
{
  CirtApplication *self = user_data;

  /* Logout or kill: what is typed is written before the end. */
  flush_windows (self);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static void
cirt_application_startup (GApplication *app)
{
  CirtApplication *self = CIRT_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-assessment", { "<Control>n", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.search-assessments", { "<Control><Shift>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autoptr(GError) error = NULL;

  open_early (self);
  G_APPLICATION_CLASS (cirt_application_parent_class)->startup (app);

  /* Settings are needed by every window: fail early and clearly. */
  self->settings = cirt_context_create_settings (&error);
  if (self->settings == NULL)
    {
      g_printerr ("cirt-assess: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->signal_sources[i] = g_unix_signal_add (signals[i], on_terminate_cb, self);
}

static void
cirt_application_shutdown (GApplication *app)
{
  CirtApplication *self = CIRT_APPLICATION (app);

  flush_windows (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  G_APPLICATION_CLASS (cirt_application_parent_class)->shutdown (app);
}

static void
cirt_application_finalize (GObject *object)
{
  CirtApplication *self = CIRT_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_free (self->store_error);
  g_free (self->open_resolved);
  g_free (self->open_error);
  g_clear_object (&self->settings);
  g_free (self->db_path);
  g_free (self->open_id);
  G_OBJECT_CLASS (cirt_application_parent_class)->finalize (object);
}

static void
cirt_application_class_init (CirtApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = cirt_application_activate;
  G_APPLICATION_CLASS (klass)->startup = cirt_application_startup;
  G_APPLICATION_CLASS (klass)->shutdown = cirt_application_shutdown;
  G_APPLICATION_CLASS (klass)->handle_local_options = cirt_application_handle_local_options;
}

static void
cirt_application_init (CirtApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database to open"), N_("PATH") },
    { "open", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Assessment to show (its id or a unique prefix of it)"), N_("ID") },
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

CirtContext *
cirt_application_get_context (CirtApplication *self)
{
  g_return_val_if_fail (CIRT_IS_APPLICATION (self), NULL);
  return self->context;
}
