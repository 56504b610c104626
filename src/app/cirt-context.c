/* cirt-context.c — what the whole application shares
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-context.h"

struct _CirtContext {
  GObject         parent_instance;

  CirtStore      *store;
  GSettings      *settings;
  char           *language;
  const CirtLang *lang;
  guint           poll_id;
  gboolean        poll_failed;
};

G_DEFINE_FINAL_TYPE (CirtContext, cirt_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GSettings *
cirt_context_create_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

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
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* translators: %s is the application id, io.github.cirtassess.CirtAssess */
                   _("the settings schema %s is not installed; install the application "
                     "or set GSETTINGS_SCHEMA_DIR to the folder holding gschemas.compiled"), APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  CirtContext *self = user_data;

  cirt_context_refresh (self);
  return G_SOURCE_CONTINUE;
}

void
cirt_context_refresh (CirtContext *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIRT_IS_CONTEXT (self));

  if (cirt_store_refresh (self->store, &error))
    {
      self->poll_failed = FALSE;
      return;
    }
  /* Said once, not every second (a locked database, a pulled USB stick);
   * the next write says it to the assessor. */
  if (!self->poll_failed)
    g_warning ("cannot look for changes in %s: %s", cirt_store_get_path (self->store), error->message);
  self->poll_failed = TRUE;
}

static void
cirt_context_constructed (GObject *object)
{
  CirtContext *self = CIRT_CONTEXT (object);

  G_OBJECT_CLASS (cirt_context_parent_class)->constructed (object);

  g_assert (CIRT_IS_STORE (self->store));
  g_assert (G_IS_SETTINGS (self->settings));
  self->poll_id = g_timeout_add (CIRT_CONTEXT_POLL_MS, on_poll_cb, self);
  g_source_set_name_by_id (self->poll_id, "[cirt] store poll");
}

static void
cirt_context_dispose (GObject *object)
{
  CirtContext *self = CIRT_CONTEXT (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  G_OBJECT_CLASS (cirt_context_parent_class)->dispose (object);
}

static void
cirt_context_finalize (GObject *object)
{
  CirtContext *self = CIRT_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->language);
  G_OBJECT_CLASS (cirt_context_parent_class)->finalize (object);
}

static void
cirt_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CirtContext *self = CIRT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CirtContext *self = CIRT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      cirt_context_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_context_class_init (CirtContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cirt_context_constructed;
  object_class->dispose = cirt_context_dispose;
  object_class->finalize = cirt_context_finalize;
  object_class->get_property = cirt_context_get_property;
  object_class->set_property = cirt_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CIRT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cirt_context_init (CirtContext *self)
{
  self->language = g_strdup (g_get_language_names ()[0]);
  self->lang = cirt_lang_for_locale ();
}

CirtContext *
cirt_context_new (CirtStore *store,
                  GSettings *settings)
{
  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CIRT_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

CirtStore *
cirt_context_get_store (CirtContext *self)
{
  g_return_val_if_fail (CIRT_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
cirt_context_get_settings (CirtContext *self)
{
  g_return_val_if_fail (CIRT_IS_CONTEXT (self), NULL);
  return self->settings;
}

char *
cirt_context_dup_author (CirtContext *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CIRT_IS_CONTEXT (self), NULL);

  name = g_settings_get_string (self->settings, "assessor-name");
  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_real_name ());
}

const char *
cirt_context_get_language (CirtContext *self)
{
  g_return_val_if_fail (CIRT_IS_CONTEXT (self), NULL);
  return self->language;
}

void
cirt_context_set_language (CirtContext *self,
                           const char  *language)
{
  g_return_if_fail (CIRT_IS_CONTEXT (self));

  if (language == NULL)
    language = g_get_language_names ()[0];
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const CirtLang *
cirt_context_get_lang (CirtContext *self)
{
  g_return_val_if_fail (CIRT_IS_CONTEXT (self), NULL);
  return self->lang;
}
