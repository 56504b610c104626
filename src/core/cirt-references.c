/* cirt-references.c — the registry of cited sources, and the refs check
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-references.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cirt-json.h"
#include "cirt-records.h"

/* A registry is a few hundred entries. */
#define MAX_REGISTRY_SIZE (4 * 1024 * 1024)
#define MAX_FIELD 4096

struct _CirtReferences {
  GPtrArray  *items;   /* CirtReference*, owned */
  GHashTable *by_id;   /* id → CirtReference*, borrowed */
};

static void
reference_free (CirtReference *r)
{
  g_free (r->id);
  g_free (r->framework);
  g_free (r->edition);
  g_free (r->item);
  g_free (r->url);
  g_free (r->note);
  g_free (r);
}

void
cirt_references_free (CirtReferences *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->items);
  g_free (self);
}

static gboolean
read_entry (JsonNode       *node,
            const char     *path,
            CirtReference **out,
            GError        **error)
{
  static const char * const allowed[] = { "id", "framework", "edition", "item", "url", "note", "verified", NULL };
  const char *id = NULL, *framework = NULL, *edition = NULL, *item = NULL, *url = NULL, *note = NULL;
  JsonObject *o;
  JsonNode *v;
  CirtReference *r;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: must be an object"), path);
      return FALSE;
    }
  o = json_node_get_object (node);
  if (!cirt_json_check_members (o, allowed, path, error)
      || !cirt_json_get_string (o, "id", FALSE, MAX_FIELD, path, &id, error)
      || !cirt_json_get_string (o, "framework", FALSE, MAX_FIELD, path, &framework, error)
      || !cirt_json_get_string (o, "edition", FALSE, MAX_FIELD, path, &edition, error)
      || !cirt_json_get_string (o, "item", FALSE, MAX_FIELD, path, &item, error)
      || !cirt_json_get_string (o, "url", FALSE, MAX_FIELD, path, &url, error)
      || !cirt_json_get_string (o, "note", TRUE, MAX_FIELD, path, &note, error))
    return FALSE;
  if (cirt_text_is_blank (id))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.id: must not be empty"), path);
      return FALSE;
    }
  v = json_object_get_member (o, "verified");
  if (v == NULL || !JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.verified: must be true or false"), path);
      return FALSE;
    }
  r = g_new0 (CirtReference, 1);
  r->id = g_strdup (id);
  r->framework = g_strdup (framework);
  r->edition = g_strdup (edition);
  r->item = g_strdup (item);
  r->url = g_strdup (url);
  r->note = g_strdup (note);
  r->verified = json_node_get_boolean (v);
  *out = r;
  return TRUE;
}

CirtReferences *
cirt_references_new_from_file (const char *path,
                               GError    **error)
{
  static const char * const allowed[] = { "format", "format_version", "description", "references", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CirtReferences) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *o;
  JsonArray *list = NULL;
  const char *format = NULL, *description = NULL;
  gint64 version = 0;

  root = cirt_json_parse_file (path, MAX_REGISTRY_SIZE, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: not a reference registry"), path);
      return NULL;
    }
  o = json_node_get_object (root);
  if (!cirt_json_check_members (o, allowed, "", &local_error)
      || !cirt_json_get_string (o, "format", FALSE, MAX_FIELD, "", &format, &local_error)
      || !cirt_json_get_int (o, "format_version", FALSE, "", &version, &local_error)
      || !cirt_json_get_string (o, "description", TRUE, MAX_FIELD, "", &description, &local_error)
      || !cirt_json_get_array (o, "references", FALSE, "", &list, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  if (g_strcmp0 (format, "cirt-references") != 0 || version != 1)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s: not a reference registry of format version 1"), path);
      return NULL;
    }

  self = g_new0 (CirtReferences, 1);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) reference_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "references", i);
      CirtReference *r = NULL;

      if (!read_entry (json_array_get_element (list, i), where, &r, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
          return NULL;
        }
      if (g_hash_table_contains (self->by_id, r->id))
        {
          g_autofree char *msg = cirt_shorten_message (g_strdup_printf (_("%s: %s.id: \"%s\" is listed twice"), path, where, r->id));
          g_set_error_literal (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, msg);
          reference_free (r);
          return NULL;
        }
      g_ptr_array_add (self->items, r);
      g_hash_table_insert (self->by_id, r->id, r);
    }
  return g_steal_pointer (&self);
}

guint
cirt_references_get_n (CirtReferences *self)
{
  return self->items->len;
}

const CirtReference *
cirt_references_get (CirtReferences *self,
                     guint           index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

const CirtReference *
cirt_references_lookup (CirtReferences *self,
                        const char     *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

char *
cirt_references_find_for (const char *instrument_path)
{
  g_autofree char *dir = g_path_get_dirname (instrument_path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *beside = g_build_filename (parent, "references.json", NULL);

  if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);
  return NULL;
}

guint
cirt_references_check (CirtReferences *self,
                       CirtInstrument *instrument,
                       GPtrArray      *warnings)
{
  const char *origin = cirt_instrument_get_origin (instrument);
  guint n = 0;

  for (guint s = 0; s < cirt_instrument_get_n_sections (instrument); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (instrument, s);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          for (guint r = 0; qu->refs != NULL && qu->refs[r] != NULL; r++)
            {
              if (cirt_references_lookup (self, qu->refs[r]) != NULL)
                continue;
              /* translators: a citation that the registry of known sources lacks:
               * "FILE: sections[0].questions[2].refs[1]: unknown reference "GCI 9.9"" */
              g_ptr_array_add (warnings,
                               cirt_shorten_message (g_strdup_printf (_("%s: sections[%u].questions[%u].refs[%u]: unknown reference \"%s\""),
                                                                      origin ? origin : "", s, q, r, qu->refs[r])));
              n++;
            }
        }
    }
  return n;
}
