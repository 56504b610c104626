/* cirt-instrument.c — a questionnaire: the object, finding instruments on
 * the search path, accessors (loading is cirt-instrument-loader.c, answer
 * values cirt-question.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-instrument-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (CirtInstrument, cirt_instrument, G_TYPE_OBJECT)

G_DEFINE_QUARK (cirt-instrument-error-quark, cirt_instrument_error)


void
_cirt_option_free (CirtOption *option)
{
  g_free (option->id);
  cirt_text_free (option->text);
  g_free (option);
}

void
_cirt_question_free (CirtQuestion *q)
{
  g_free (q->id);
  cirt_text_free (q->text);
  cirt_text_free (q->guidance);
  cirt_text_free (q->recommendation);
  cirt_text_free (q->unit);
  for (guint i = 0; i < CIRT_N_QUESTION_LEVELS; i++)
    cirt_text_free (q->level_text[i]);
  g_clear_pointer (&q->options, g_ptr_array_unref);
  g_strfreev (q->refs);
  g_strfreev (q->ask);
  g_free (q);
}

void
_cirt_section_free (CirtSection *s)
{
  g_free (s->id);
  cirt_text_free (s->title);
  cirt_text_free (s->intro);
  g_clear_pointer (&s->questions, g_ptr_array_unref);
  g_free (s);
}

static void
cirt_instrument_finalize (GObject *object)
{
  CirtInstrument *self = CIRT_INSTRUMENT (object);

  g_free (self->id);
  g_free (self->version);
  g_free (self->sha256);
  g_free (self->json);
  g_free (self->origin);
  cirt_text_free (self->title);
  cirt_text_free (self->description);
  g_strfreev (self->languages);
  for (guint i = 0; i < CIRT_N_LEVELS; i++)
    {
      cirt_text_free (self->levels[i].name);
      cirt_text_free (self->levels[i].description);
    }
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_instrument_parent_class)->finalize (object);
}

static void
cirt_instrument_class_init (CirtInstrumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_instrument_finalize;
}

static void
cirt_instrument_init (CirtInstrument *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_section_free);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------------------ */
/* Finding instruments                                                      */

GStrv
cirt_instrument_search_path (void)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *env = g_getenv ("CIRT_INSTRUMENTS_PATH");

  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i]; i++)
        if (*parts[i])
          g_strv_builder_add (b, parts[i]);
    }
  {
    g_autofree char *user = g_build_filename (g_get_user_data_dir (), "cirt-assess", "instruments", NULL);
    g_autofree char *installed = g_build_filename (PKGDATADIR, "instruments", NULL);
    g_autofree char *source = g_build_filename (SOURCE_DATADIR, "instruments", NULL);
    g_strv_builder_add (b, user);
    g_strv_builder_add (b, installed);
    g_strv_builder_add (b, source);
  }
  return g_strv_builder_end (b);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  CirtInstrument *ia = *(CirtInstrument **) a;
  CirtInstrument *ib = *(CirtInstrument **) b;
  return strcmp (ia->id, ib->id);
}

GPtrArray *
cirt_instrument_list_available (GPtrArray *problems)
{
  g_auto(GStrv) path = cirt_instrument_search_path ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; path[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (path[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)))
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *file = g_build_filename (path[i], g_ptr_array_index (names, j), NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_file (file, &error);

          if (inst == NULL)
            {
              if (problems)
                g_ptr_array_add (problems, g_strdup (error->message));
              continue;
            }
          if (g_hash_table_contains (seen, inst->id))
            continue;
          g_hash_table_add (seen, g_strdup (inst->id));
          g_ptr_array_add (result, g_steal_pointer (&inst));
        }
    }
  g_ptr_array_sort (result, compare_by_id);
  return g_steal_pointer (&result);
}

CirtInstrument *
cirt_instrument_find (const char  *id_or_file,
                      GError     **error)
{
  g_auto(GStrv) path = NULL;

  g_return_val_if_fail (id_or_file != NULL, NULL);

  if (strchr (id_or_file, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (id_or_file, ".json"))
    return cirt_instrument_new_from_file (id_or_file, error);

  path = cirt_instrument_search_path ();
  for (guint i = 0; path[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (path[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      /* Files are usually named after their id: try that first, then look inside the others. */
      {
        g_autofree char *guess = g_strdup_printf ("%s/%s.json", path[i], id_or_file);
        if (g_file_test (guess, G_FILE_TEST_IS_REGULAR))
          {
            g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_file (guess, error);
            if (inst == NULL)
              return NULL;
            if (strcmp (inst->id, id_or_file) == 0)
              return g_steal_pointer (&inst);
          }
      }
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *file = NULL;
          g_autoptr(CirtInstrument) inst = NULL;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          file = g_build_filename (path[i], name, NULL);
          inst = cirt_instrument_new_from_file (file, NULL);
          if (inst != NULL && strcmp (inst->id, id_or_file) == 0)
            return g_steal_pointer (&inst);
        }
    }
  g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_NOT_FOUND,
               _("no instrument \"%s\" (see 'cirt-assess-cli instruments')"), id_or_file);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                */

const char *
cirt_instrument_get_id (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->id;
}

const char *
cirt_instrument_get_version (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->version;
}

const char *
cirt_instrument_get_sha256 (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->sha256;
}

const char *
cirt_instrument_get_json (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->json;
}

const char *
cirt_instrument_get_origin (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->origin;
}

const char *
cirt_instrument_get_title (CirtInstrument *self,
                           const char     *lang)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return cirt_text_get (self->title, lang);
}

const char *
cirt_instrument_get_description (CirtInstrument *self,
                                 const char     *lang)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return cirt_text_get (self->description, lang);
}

const char * const *
cirt_instrument_get_languages (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return (const char * const *) self->languages;
}

GPtrArray *
cirt_instrument_get_warnings (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->warnings;
}

gboolean
cirt_instrument_uses_pillar (CirtInstrument *self,
                             CirtPillar      pillar,
                             double         *weight)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, FALSE);
  if (weight)
    *weight = self->pillar_weight[pillar];
  return self->pillar_used[pillar];
}

const CirtLevelInfo *
cirt_instrument_get_level_info (CirtInstrument *self,
                                int             level)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= CIRT_N_LEVELS, NULL);
  return &self->levels[level - 1];
}

gboolean
cirt_instrument_same_levels (CirtInstrument *self,
                             CirtInstrument *other)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (other), FALSE);
  for (int l = 0; l < CIRT_N_LEVELS; l++)
    if (self->levels[l].min != other->levels[l].min
        || g_strcmp0 (cirt_text_get (self->levels[l].name, "en"), cirt_text_get (other->levels[l].name, "en")) != 0)
      return FALSE;
  return TRUE;
}

guint
cirt_instrument_get_n_sections (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->sections->len;
}

const CirtSection *
cirt_instrument_get_section (CirtInstrument *self,
                             guint           index)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

guint
cirt_instrument_get_n_questions (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->n_questions;
}

guint
cirt_instrument_get_n_scored (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->n_scored;
}

const CirtQuestion *
cirt_instrument_lookup_question (CirtInstrument *self,
                                 const char     *question_id)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  if (question_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->questions, question_id);
}

CirtInstrument *
cirt_question_get_instrument (const CirtQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->section->instrument;
}

