/* cirt-exchange.c — exchange files: one assessment as JSON, to merge the work
 * of several assessors on separate laptops
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-exchange.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_FILE_SIZE (256 * 1024 * 1024)

void
cirt_import_report_free (CirtImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->assessment_id);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_answer_content (JsonBuilder      *b,
                    const CirtAnswer *a)
{
  add_string (b, "value", a->value);
  json_builder_set_member_name (b, "not_applicable");
  json_builder_add_boolean_value (b, a->not_applicable);
  add_string (b, "notes", a->notes);
  add_string (b, "evidence", a->evidence);
  add_string (b, "source", a->source);
  json_builder_set_member_name (b, "flagged");
  json_builder_add_boolean_value (b, a->flagged);
}

static void
add_answer_or_null (JsonBuilder      *b,
                    const char       *name,
                    const CirtAnswer *a)
{
  json_builder_set_member_name (b, name);
  if (a == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  add_answer_content (b, a);
  json_builder_end_object (b);
}

gboolean
cirt_exchange_export (CirtStore   *store,
                      const char  *assessment_id,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  int targets[CIRT_N_PILLARS];
  gsize len;

  if ((info = cirt_store_get_assessment (store, assessment_id, error)) == NULL ||
      (instruments = cirt_store_get_instruments (store, assessment_id, error)) == NULL ||
      (answers = cirt_store_get_answers (store, assessment_id, error)) == NULL ||
      (stakeholders = cirt_store_list_stakeholders (store, assessment_id, error)) == NULL ||
      (history = cirt_store_get_history (store, assessment_id, NULL, error)) == NULL ||
      !cirt_store_get_targets (store, assessment_id, targets, error))
    return FALSE;

  json_builder_begin_object (b);
  add_string (b, "format", CIRT_EXCHANGE_FORMAT);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, CIRT_EXCHANGE_FORMAT_VERSION);
  add_string (b, "exported_at", now);

  json_builder_set_member_name (b, "assessment");
  json_builder_begin_object (b);
  add_string (b, "id", info->id);
  add_string (b, "title", info->title);
  add_string (b, "country", info->country);
  add_string (b, "organisation", info->organisation);
  add_string (b, "phase", info->phase);
  add_string (b, "lead_assessor", info->lead_assessor);
  add_string (b, "assessors", info->assessors);
  add_string (b, "status", info->status);
  add_string (b, "started_on", info->started_on);
  add_string (b, "ended_on", info->ended_on);
  add_string (b, "created_at", info->created_at);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "instruments");
  json_builder_begin_array (b);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      json_builder_begin_object (b);
      add_string (b, "id", cirt_instrument_get_id (inst));
      add_string (b, "version", cirt_instrument_get_version (inst));
      add_string (b, "sha256", cirt_instrument_get_sha256 (inst));
      add_string (b, "json", cirt_instrument_get_json (inst));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "targets");
  json_builder_begin_object (b);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (targets[p] > 0)
      {
        json_builder_set_member_name (b, cirt_pillar_to_string (p));
        json_builder_add_int_value (b, targets[p]);
      }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stakeholders");
  json_builder_begin_array (b);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      json_builder_begin_object (b);
      add_string (b, "name", s->name);
      add_string (b, "organisation", s->organisation);
      add_string (b, "sector", s->sector);
      add_string (b, "date", s->met_on);
      add_string (b, "notes", s->notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "answers");
  json_builder_begin_array (b);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              CirtAnswer *a = g_hash_table_lookup (answers, qu->id);
              if (a == NULL)
                continue;
              json_builder_begin_object (b);
              add_string (b, "question", a->question);
              add_answer_content (b, a);
              add_string (b, "author", a->author);
              add_string (b, "updated_at", a->updated_at);
              json_builder_end_object (b);
            }
        }
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; i < history->len; i++)
    {
      CirtHistoryEntry *e = g_ptr_array_index (history, i);
      json_builder_begin_object (b);
      add_string (b, "question", e->question);
      add_string (b, "author", e->author);
      add_string (b, "changed_at", e->changed_at);
      add_answer_or_null (b, "old", e->old_answer);
      add_answer_or_null (b, "new", e->new_answer);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  data = json_generator_to_data (gen, &len);
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* ------------------------------------------------------------------------ */

#define FILE_ERROR(...) \
  (g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, __VA_ARGS__), (gpointer) NULL)

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, msg);
  return FALSE;
}

static const char *
get_str (JsonObject *o,
         const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
get_bool (JsonObject *o,
          const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (n);
}

static JsonArray *
get_array (JsonObject *o,
           const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static JsonObject *
get_object (JsonObject *o,
            const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static CirtAnswer *
read_answer_content (const char *question,
                     JsonObject *o)
{
  CirtAnswer *a = cirt_answer_new (question);
  a->value = g_strdup (get_str (o, "value"));
  a->not_applicable = get_bool (o, "not_applicable");
  a->notes = g_strdup (get_str (o, "notes"));
  a->evidence = g_strdup (get_str (o, "evidence"));
  a->source = g_strdup (get_str (o, "source"));
  a->flagged = get_bool (o, "flagged");
  return a;
}

static gboolean
valid_timestamp (const char *ts)
{
  g_autoptr(GDateTime) dt = ts ? g_date_time_new_from_iso8601 (ts, NULL) : NULL;
  return dt != NULL;
}

/* The later change wins; on equal times the greater content does, so every
 * laptop picks the same winner. */
static gboolean
remote_wins (const CirtAnswer *local,
             const CirtAnswer *remote)
{
  int cmp = g_strcmp0 (remote->updated_at, local->updated_at);
  if (cmp == 0)
    {
      g_autofree char *l = cirt_answer_to_json (local);
      g_autofree char *r = cirt_answer_to_json (remote);
      cmp = g_strcmp0 (r, l);
    }
  return cmp > 0;
}

/* Whether @answer's content is one that @question had at some point: in the
 * store's history when @store is given, else in the file's @history. */
static gboolean
history_has (CirtStore        *store,
             const char       *id,
             JsonArray        *history,
             const char       *question,
             const CirtAnswer *answer)
{
  if (store != NULL)
    {
      g_autoptr(GPtrArray) entries = cirt_store_get_history (store, id, question, NULL);
      for (guint i = 0; entries && i < entries->len; i++)
        {
          CirtHistoryEntry *e = g_ptr_array_index (entries, i);
          if (e->new_answer && cirt_answer_same_content (e->new_answer, answer))
            return TRUE;
        }
      return FALSE;
    }
  for (guint i = 0; history && i < json_array_get_length (history); i++)
    {
      JsonNode *n = json_array_get_element (history, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtAnswer) version = NULL;

      if (g_strcmp0 (get_str (o, "question"), question) != 0 || get_object (o, "new") == NULL)
        continue;
      version = read_answer_content (question, get_object (o, "new"));
      if (cirt_answer_same_content (version, answer))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
load_instruments (JsonObject  *root,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *arr = get_array (root, "instruments");

  if (arr == NULL || json_array_get_length (arr) == 0)
    return FILE_ERROR ("%s: instruments: missing", path);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *json = get_str (o, "json");
      const char *sha = get_str (o, "sha256");
      g_autofree char *origin = g_strdup_printf ("%s: instruments[%u]", path, i);
      g_autoptr(GError) local_error = NULL;
      CirtInstrument *inst;

      if (json == NULL || sha == NULL)
        return FILE_ERROR ("%s: instruments[%u]: needs json and sha256", path, i);
      inst = cirt_instrument_new_from_data (json, -1, origin, &local_error);
      if (inst == NULL)
        return FILE_ERROR ("%s", local_error->message);
      g_ptr_array_add (result, inst);
      if (g_strcmp0 (cirt_instrument_get_sha256 (inst), sha) != 0)
        return FILE_ERROR ("%s: instruments[%u]: the instrument does not match its sha256 (the file was altered)",
                           path, i);
    }
  return g_steal_pointer (&result);
}

static gboolean
same_instruments (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (cirt_instrument_get_sha256 (g_ptr_array_index (a, i)),
                   cirt_instrument_get_sha256 (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
merge_content (CirtStore        *store,
               JsonObject       *root,
               const char       *id,
               const char       *path,
               CirtImportReport *report,
               GError          **error)
{
  JsonArray *arr;
  JsonObject *targets_obj;
  int targets[CIRT_N_PILLARS];
  g_autoptr(GPtrArray) stakeholders = NULL;

  /* Targets: taken where none is set here. */
  if (!cirt_store_get_targets (store, id, targets, error))
    return FALSE;
  targets_obj = get_object (root, "targets");
  for (guint p = 0; targets_obj && p < CIRT_N_PILLARS; p++)
    {
      JsonNode *n = json_object_get_member (targets_obj, cirt_pillar_to_string (p));
      if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 || targets[p] > 0)
        continue;
      if (!cirt_store_set_target (store, id, p, (int) json_node_get_int (n), error))
        return FALSE;
      report->targets_added++;
    }

  /* Stakeholders: added unless the same person, organisation and date are here. */
  stakeholders = cirt_store_list_stakeholders (store, id, error);
  if (stakeholders == NULL)
    return FALSE;
  arr = get_array (root, "stakeholders");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
      gboolean present = FALSE;

      if (o == NULL)
        continue;
      s->name = g_strdup (get_str (o, "name"));
      s->organisation = g_strdup (get_str (o, "organisation"));
      s->sector = g_strdup (get_str (o, "sector"));
      s->met_on = g_strdup (get_str (o, "date"));
      s->notes = g_strdup (get_str (o, "notes"));
      for (guint j = 0; j < stakeholders->len && !present; j++)
        {
          CirtStakeholder *l = g_ptr_array_index (stakeholders, j);
          present = g_strcmp0 (l->name, s->name) == 0 && g_strcmp0 (l->organisation, s->organisation) == 0 &&
                    g_strcmp0 (l->met_on, s->met_on) == 0;
        }
      if (present)
        continue;
      if (cirt_store_add_stakeholder (store, id, s, error) == 0)
        {
          g_prefix_error (error, "%s: stakeholders[%u]: ", path, i);
          return FALSE;
        }
      report->stakeholders_added++;
    }

  /* Answers. */
  arr = get_array (root, "answers");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *question = get_str (o, "question");
      g_autoptr(CirtAnswer) remote = NULL;
      g_autoptr(CirtAnswer) local = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean changed;

      if (question == NULL)
        return invalid (error, "%s: answers[%u]: no question id", path, i);
      remote = read_answer_content (question, o);
      remote->author = g_strdup (get_str (o, "author"));
      remote->updated_at = g_strdup (get_str (o, "updated_at"));
      if (!valid_timestamp (remote->updated_at))
        return invalid (error, "%s: answers[%u].updated_at: not an ISO 8601 time", path, i);
      local = cirt_store_get_answer (store, id, question, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (local != NULL && cirt_answer_same_content (local, remote))
        {
          report->answers_same++;
          continue;
        }
      if (local == NULL || cirt_answer_is_empty (local))
        {
          if (!cirt_store_import_answer (store, id, remote, &changed, error))
            {
              g_prefix_error (error, "%s: answers[%u]: ", path, i);
              return FALSE;
            }
          report->answers_taken++;
          continue;
        }
      /* Both sides have something, and it differs. If one side's answer is
       * an earlier version of the other's, the other simply moved on. */
      if (!remote_wins (local, remote) && history_has (store, id, NULL, question, remote))
        {
          report->answers_kept++;
          continue;
        }
      if (remote_wins (local, remote) && history_has (NULL, NULL, get_array (root, "history"), question, local))
        {
          if (!cirt_store_import_answer (store, id, remote, &changed, error))
            {
              g_prefix_error (error, "%s: answers[%u]: ", path, i);
              return FALSE;
            }
          report->answers_taken++;
          continue;
        }
      {
        gboolean won = remote_wins (local, remote);
        gboolean added;

        if (won && !cirt_store_import_answer (store, id, remote, &changed, error))
          {
            g_prefix_error (error, "%s: answers[%u]: ", path, i);
            return FALSE;
          }
        if (won)
          report->answers_taken++;
        else
          report->answers_kept++;
        if (!cirt_store_record_conflict (store, id, question, local, remote, won, &added, error))
          return FALSE;
        g_ptr_array_add (report->conflicts, g_strdup (question));
      }
    }

  /* History: every change made over there, once. */
  arr = get_array (root, "history");
  for (guint i = 0; arr && i < json_array_get_length (arr); i++)
    {
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      CirtHistoryEntry e = { 0 };
      g_autoptr(CirtAnswer) old_a = NULL;
      g_autoptr(CirtAnswer) new_a = NULL;
      gboolean added;

      e.question = (char *) get_str (o, "question");
      e.author = (char *) get_str (o, "author");
      e.changed_at = (char *) get_str (o, "changed_at");
      if (e.question == NULL || !valid_timestamp (e.changed_at))
        return invalid (error, "%s: history[%u]: needs a question and an ISO 8601 changed_at", path, i);
      if (get_object (o, "old"))
        old_a = read_answer_content (e.question, get_object (o, "old"));
      if (get_object (o, "new"))
        new_a = read_answer_content (e.question, get_object (o, "new"));
      e.old_answer = old_a;
      e.new_answer = new_a;
      if (!cirt_store_import_history (store, id, &e, &added, error))
        return FALSE;
      report->history_added += added;
    }
  return TRUE;
}

CirtImportReport *
cirt_exchange_import (CirtStore   *store,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(CirtImportReport) report = g_new0 (CirtImportReport, 1);
  g_autoptr(CirtAssessmentInfo) existing = NULL;
  g_autofree char *data = NULL;
  JsonObject *root, *meta;
  const char *id;
  gsize len = 0;
  double version;

  report->conflicts = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &data, &len, &local_error))
    return FILE_ERROR ("%s", local_error->message);
  if (len > MAX_FILE_SIZE)
    return FILE_ERROR ("%s is too large for an exchange file (%.0f MB)", path, len / 1048576.0);
  if (!g_utf8_validate (data, len, NULL))
    return FILE_ERROR ("%s is not a CIRT Assess exchange file (not UTF-8 text)", path);
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    return FILE_ERROR ("%s is not a CIRT Assess exchange file (not valid JSON: %s)", path, local_error->message);
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || g_strcmp0 (get_str (root, "format"), CIRT_EXCHANGE_FORMAT) != 0)
    return FILE_ERROR ("%s is not a CIRT Assess exchange file", path);
  version = json_object_get_double_member_with_default (root, "format_version", 0);
  if (version != CIRT_EXCHANGE_FORMAT_VERSION)
    return FILE_ERROR ("%s: exchange format version %g is not supported (this version reads %d)", path, version,
                       CIRT_EXCHANGE_FORMAT_VERSION);
  meta = get_object (root, "assessment");
  id = get_str (meta, "id");
  if (id == NULL || !g_uuid_string_is_valid (id))
    return FILE_ERROR ("%s: assessment.id: missing or not an assessment id", path);
  instruments = load_instruments (root, path, error);
  if (instruments == NULL)
    return NULL;

  if (!cirt_store_transaction_begin (store, error))
    return NULL;

  existing = cirt_store_get_assessment (store, id, NULL);
  if (existing == NULL)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
      g_autofree char *created = NULL;

      info->id = g_strdup (id);
      info->title = g_strdup (get_str (meta, "title"));
      info->country = g_strdup (get_str (meta, "country"));
      info->organisation = g_strdup (get_str (meta, "organisation"));
      info->phase = g_strdup (get_str (meta, "phase"));
      info->lead_assessor = g_strdup (get_str (meta, "lead_assessor"));
      info->assessors = g_strdup (get_str (meta, "assessors"));
      info->status = g_strdup (get_str (meta, "status"));
      info->started_on = g_strdup (get_str (meta, "started_on"));
      info->ended_on = g_strdup (get_str (meta, "ended_on"));
      info->created_at = g_strdup (get_str (meta, "created_at"));
      created = cirt_store_create_assessment (store, info, instruments, &local_error);
      if (created == NULL)
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "%s: %s", path, local_error->message);
          goto fail;
        }
      report->created = TRUE;
    }
  else
    {
      g_autoptr(GPtrArray) here = cirt_store_get_instruments (store, id, &local_error);
      if (here == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (!same_instruments (here, instruments))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       "%s was made with other instruments (or other versions of them) than the assessment "
                       "\"%s\" here; it cannot be merged", path, existing->title);
          goto fail;
        }
    }

  if (!merge_content (store, root, id, path, report, error) ||
      !cirt_store_transaction_commit (store, error))
    goto fail;
  report->assessment_id = g_strdup (id);
  return g_steal_pointer (&report);

fail:
  cirt_store_transaction_rollback (store);
  return NULL;
}
