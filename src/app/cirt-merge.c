/* cirt-merge.c — importing another assessor's exchange file off the main
 * thread, and telling the application what it changed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-merge.h"

typedef struct {
  char            *db_path;
  char            *file_path;
  char            *passphrase;   /* for a sealed file, or NULL; wiped when freed */
  CirtMergeResult *result;
} ImportJob;

void
cirt_merge_result_free (CirtMergeResult *result)
{
  if (result == NULL)
    return;
  cirt_import_report_free (result->report);
  g_clear_pointer (&result->changed, g_ptr_array_unref);
  g_free (result->author);
  g_free (result);
}

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->file_path);
  if (job->passphrase)
    explicit_bzero (job->passphrase, strlen (job->passphrase));
  g_free (job->passphrase);
  cirt_merge_result_free (job->result);
  g_free (job);
}

/* The id of the assessment in an exchange file, or NULL (the import itself
 * then says what is wrong with the file). */
static char *
read_assessment_id (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *meta;
  JsonNode *id;

  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  meta = json_object_get_member (json_node_get_object (root), "assessment");
  if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta))
    return NULL;
  id = json_object_get_member (json_node_get_object (meta), "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (id));
}

static gboolean
same_answer (const CirtAnswer *a,
             const CirtAnswer *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return cirt_answer_same_content (a, b);
}

/* What the import changed: the answers that differ from before, and who
 * wrote them. */
static void
compare_answers (CirtMergeResult *result,
                 GHashTable      *before,
                 GHashTable      *after)
{
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CirtAnswer *a = value;

      if (before != NULL && same_answer (g_hash_table_lookup (before, key), a))
        continue;
      g_ptr_array_add (result->changed, g_strdup (key));
      if (a->author != NULL && *a->author != '\0')
        g_hash_table_add (authors, a->author);
    }
  if (before != NULL)
    {
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (after, key))
          g_ptr_array_add (result->changed, g_strdup (key));
    }
  if (g_hash_table_size (authors) == 1)
    {
      g_hash_table_iter_init (&iter, authors);
      g_hash_table_iter_next (&iter, &key, NULL);
      result->author = g_strdup (key);
    }
}

static void
import_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CirtMergeResult) result = g_new0 (CirtMergeResult, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *file_id = NULL;
  const char *id;

  /* This thread's own connection to the same database. */
  store = cirt_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The answers as they were, to tell the views which ones change. */
  file_id = read_assessment_id (job->file_path);
  if (file_id != NULL)
    before = cirt_store_get_answers (store, file_id, NULL);

  result->report = cirt_exchange_import_sealed (store, job->file_path, job->passphrase, &error);
  if (result->report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  id = result->report->assessment_id;
  result->changed = g_ptr_array_new_with_free_func (g_free);
  after = cirt_store_get_answers (store, id, NULL);
  if (after == NULL || g_strcmp0 (file_id, id) != 0 || (before == NULL && !result->report->created))
    result->all_changed = TRUE;
  else
    compare_answers (result, before, after);

  /* The conflicts this import saw that still wait for a review (seen before
   * and reviewed since, they are not news). */
  conflicts = cirt_store_list_conflicts (store, id, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      CirtConflict *c = g_ptr_array_index (conflicts, i);
      if (!c->reviewed && g_ptr_array_find_with_equal_func (result->report->conflicts, c->question, g_str_equal, NULL))
        result->n_to_review++;
    }
  job->result = g_steal_pointer (&result);
  g_task_return_boolean (task, TRUE);
}

void
cirt_merge_import_async (CirtStore           *store,
                         const char          *path,
                         const char          *passphrase,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (CIRT_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (cirt_store_get_path (store));
  job->file_path = g_strdup (path);
  job->passphrase = g_strdup (passphrase);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cirt_merge_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread_cb);
}

CirtMergeResult *
cirt_merge_import_finish (CirtStore     *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cirt_merge_import_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&job->result);
}

char *
cirt_merge_describe (const CirtMergeResult *result,
                     const char            *title)
{
  const CirtImportReport *r;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (result != NULL && result->report != NULL, NULL);

  r = result->report;
  if (r->answers_taken > 0 || r->created)
    {
      if (result->author != NULL)
        /* translators: part of the summary of an import, "12 answers taken from Bob" */
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u answer taken from %s", "%u answers taken from %s",
                                                           r->answers_taken), r->answers_taken, result->author));
      else
        /* translators: part of the summary of an import */
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u answer taken", "%u answers taken", r->answers_taken),
                                                 r->answers_taken));
    }
  if (r->stakeholders_added > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u stakeholder added", "%u stakeholders added",
                                                       r->stakeholders_added), r->stakeholders_added));
  if (r->findings_added > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u finding added", "%u findings added", r->findings_added),
                                             r->findings_added));
  if (r->findings_updated > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u finding updated", "%u findings updated",
                                                       r->findings_updated), r->findings_updated));
  if (r->sessions_added + r->sessions_updated > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u interview session added or updated",
                                                       "%u interview sessions added or updated",
                                                       r->sessions_added + r->sessions_updated),
                                             r->sessions_added + r->sessions_updated));
  if (r->statements_added + r->statements_updated > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u statement added or updated",
                                                       "%u statements added or updated",
                                                       r->statements_added + r->statements_updated),
                                             r->statements_added + r->statements_updated));
  if (r->reviews_taken > 0)
    /* translators: part of the summary of an import: the lead assessor's reviews of answers */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u review taken", "%u reviews taken", r->reviews_taken),
                                             r->reviews_taken));
  if (result->n_to_review > 0)
    /* translators: part of the summary of an import */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict to review", "%u conflicts to review",
                                                       result->n_to_review), result->n_to_review));
  if (parts->len == 0)
    /* translators: after importing a file that brought nothing new; %s is the assessment's title */
    return g_strdup_printf (_("“%s” was already up to date"), title);
  g_ptr_array_add (parts, NULL);
  /* translators: between the parts of the summary of an import */
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  if (r->created)
    /* translators: after importing a file, "Added “Readiness mission”: 40 answers taken from Bob" */
    return g_strdup_printf (_("Added “%s”: %s"), title, list);
  /* translators: after importing a file, "Merged into “Readiness mission”: 12 answers taken from Bob, 2 conflicts to review" */
  return g_strdup_printf (_("Merged into “%s”: %s"), title, list);
}
