/* cirt-sample.c — loads a sample assessment (data/sample/) into a store
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-sample.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cirt-json.h"
#include "cirt-store-sessions.h"

/* A sample is a mission of a few hundred answers. */
#define MAX_SAMPLE_SIZE (16 * 1024 * 1024)

char *
cirt_sample_default_path (void)
{
  const char *env = g_getenv ("CIRT_SAMPLE_PATH");
  const char *dirs[] = { PKGDATADIR, SOURCE_DATADIR };

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *p = g_build_filename (dirs[i], "sample", "republic-of-example.json", NULL);
      if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&p);
    }
  return g_build_filename (PKGDATADIR, "sample", "republic-of-example.json", NULL);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
member_bool (JsonObject *o,
             const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (n);
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* The texts of the array member @name of @o, as a GStrv (NULL when absent
 * or empty); FALSE when an element is not a text. */
static gboolean
member_strv (JsonObject  *o,
             const char  *name,
             GStrv       *out)
{
  JsonArray *arr = member_array (o, name);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  *out = NULL;
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *e = json_array_get_element (arr, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        return FALSE;
      g_strv_builder_add (b, json_node_get_string (e));
    }
  if (arr && json_array_get_length (arr) > 0)
    *out = g_strv_builder_end (b);
  return TRUE;
}

char *
cirt_sample_load (CirtStore   *store,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autofree char *id = NULL;
  JsonObject *root, *meta, *targets;
  JsonArray *arr;

  node = cirt_json_parse_file (path, MAX_SAMPLE_SIZE, &local_error);
  if (node == NULL)
    {
      g_set_error_literal (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (member_string (root = json_node_get_object (node), "format"), "cirt-assess-sample") != 0 ||
      !json_object_has_member (root, "assessment") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "assessment")))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s is not a CIRT Assess sample file"), path);
      return NULL;
    }
  meta = json_object_get_object_member (root, "assessment");
  arr = member_array (meta, "instruments");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      const char *iid = json_array_get_string_element (arr, i);
      CirtInstrument *inst = iid ? cirt_instrument_find (iid, error) : NULL;
      if (inst == NULL)
        {
          if (iid == NULL)
            g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                         _("%s: assessment.instruments[%u] must be a string"), path, i);
          return NULL;
        }
      g_ptr_array_add (instruments, inst);
    }

  info->title = g_strdup (member_string (meta, "title"));
  info->country = g_strdup (member_string (meta, "country"));
  info->organisation = g_strdup (member_string (meta, "organisation"));
  info->phase = g_strdup (member_string (meta, "phase"));
  info->lead_assessor = g_strdup (member_string (meta, "lead_assessor"));
  info->assessors = g_strdup (member_string (meta, "assessors"));
  info->started_on = g_strdup (member_string (meta, "started"));
  info->ended_on = g_strdup (member_string (meta, "ended"));

  /* All of it or nothing. */
  if (!cirt_store_transaction_begin (store, error))
    return NULL;
  id = cirt_store_create_assessment (store, info, instruments, &local_error);
  if (id == NULL)
    goto fail;

  if (json_object_has_member (root, "targets") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "targets")))
    {
      targets = json_object_get_object_member (root, "targets");
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        if (json_object_has_member (targets, cirt_pillar_to_string (p)) &&
            !cirt_store_set_target (store, id, p, (int) json_object_get_int_member (targets, cirt_pillar_to_string (p)),
                                    &local_error))
          goto fail;
    }

  arr = member_array (root, "stakeholders");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      o = json_node_get_object (n);
      s->name = g_strdup (member_string (o, "name"));
      s->organisation = g_strdup (member_string (o, "organisation"));
      s->sector = g_strdup (member_string (o, "sector"));
      s->met_on = g_strdup (member_string (o, "date"));
      s->notes = g_strdup (member_string (o, "notes"));
      if (cirt_store_add_stakeholder (store, id, s, &local_error) == 0)
        goto fail;
    }

  /* The interview sessions of the mission: the people present by name (the
   * sample's stakeholders), the sections planned by id. */
  arr = member_array (root, "sessions");
  if (arr != NULL && json_array_get_length (arr) > 0)
    {
      g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (store, id, &local_error);

      if (people == NULL)
        goto fail;
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *n = json_array_get_element (arr, i);
          g_autoptr(CirtInterview) iv = cirt_interview_new ();
          g_auto(GStrv) names = NULL;
          g_autofree char *uuid = NULL;
          JsonObject *o;

          if (!JSON_NODE_HOLDS_OBJECT (n))
            continue;
          o = json_node_get_object (n);
          iv->date = g_strdup (member_string (o, "date"));
          iv->start_time = g_strdup (member_string (o, "start"));
          iv->end_time = g_strdup (member_string (o, "end"));
          iv->place = g_strdup (member_string (o, "place"));
          iv->notes = g_strdup (member_string (o, "notes"));
          iv->author = g_strdup (member_string (o, "author"));
          if (!member_strv (o, "stakeholders", &names) || !member_strv (o, "assessors", &iv->assessors) ||
              !member_strv (o, "sections", &iv->sections))
            {
              g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                           _("sessions[%u]: stakeholders, assessors and sections are lists of texts"), i);
              goto fail;
            }
          if (names != NULL)
            {
              iv->stakeholders = g_new0 (char *, g_strv_length (names) + 1);
              for (guint k = 0; names[k] != NULL; k++)
                {
                  for (guint p = 0; p < people->len && iv->stakeholders[k] == NULL; p++)
                    {
                      const CirtStakeholder *st = g_ptr_array_index (people, p);
                      if (g_strcmp0 (st->name, names[k]) == 0)
                        iv->stakeholders[k] = g_strdup (st->uuid);
                    }
                  if (iv->stakeholders[k] == NULL)
                    {
                      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                                   _("sessions[%u]: no stakeholder named \"%s\""), i, names[k]);
                      goto fail;
                    }
                }
            }
          uuid = cirt_store_add_interview (store, id, iv, &local_error);
          if (uuid == NULL)
            goto fail;
        }
    }

  /* The findings of the mission, in their order. */
  arr = member_array (root, "findings");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      g_autoptr(CirtFinding) f = cirt_finding_new ();
      g_autofree char *uuid = NULL;
      g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_free);
      JsonArray *qs;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      o = json_node_get_object (n);
      if (!cirt_finding_kind_from_string (member_string (o, "kind"), &f->kind) ||
          !cirt_pillar_from_string (member_string (o, "pillar"), &f->pillar) ||
          !cirt_phase_from_string (member_string (o, "phase"), &f->phase))
        {
          g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("findings[%u] needs a kind, a pillar and a lifecycle phase"), i);
          goto fail;
        }
      f->title = g_strdup (member_string (o, "title"));
      f->description = g_strdup (member_string (o, "description"));
      f->author = g_strdup (member_string (o, "author"));
      qs = member_array (o, "questions");
      for (guint q = 0; qs && q < json_array_get_length (qs); q++)
        {
          JsonNode *e = json_array_get_element (qs, q);
          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (questions, g_strdup (json_node_get_string (e)));
        }
      if (questions->len > 0)
        {
          g_ptr_array_add (questions, NULL);
          f->questions = (GStrv) g_ptr_array_steal (questions, NULL);
        }
      uuid = cirt_store_add_finding (store, id, f, &local_error);
      if (uuid == NULL)
        goto fail;
    }

  arr = member_array (root, "answers");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      g_autoptr(CirtAnswer) a = NULL;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      o = json_node_get_object (n);
      a = cirt_answer_new (member_string (o, "question"));
      if (a->question == NULL)
        {
          g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("answers[%u] has no question id"), i);
          goto fail;
        }
      a->value = g_strdup (member_string (o, "value"));
      a->not_applicable = member_bool (o, "not_applicable");
      a->notes = g_strdup (member_string (o, "notes"));
      a->evidence = g_strdup (member_string (o, "evidence"));
      a->source = g_strdup (member_string (o, "source"));
      a->author = g_strdup (member_string (o, "author"));
      a->flagged = member_bool (o, "flagged");
      a->notes_internal = member_bool (o, "notes_internal");
      if (!cirt_store_save_answer (store, id, a, &local_error))
        goto fail;
    }
  if (!cirt_store_transaction_commit (store, &local_error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  cirt_store_transaction_rollback (store);
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "%s: %s", path, local_error->message);
  return NULL;
}
