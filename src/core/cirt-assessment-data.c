/* cirt-assessment-data.c — an assessment as the renderers need it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-assessment-data.h"
#include "cirt-store-sessions.h"

#include "cirt-store-evidence.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (CirtAssessmentData, cirt_assessment_data, cirt_assessment_data_ref, cirt_assessment_data_unref)

static void
data_clear (CirtAssessmentData *data)
{
  g_clear_pointer (&data->info, cirt_assessment_info_free);
  g_clear_pointer (&data->instruments, g_ptr_array_unref);
  g_clear_pointer (&data->answers, g_hash_table_unref);
  g_clear_object (&data->score);
  g_clear_pointer (&data->baseline_info, cirt_assessment_info_free);
  g_clear_object (&data->baseline);
  g_clear_pointer (&data->baseline_data, cirt_assessment_data_unref);
  g_clear_pointer (&data->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&data->interviews, g_ptr_array_unref);
  g_clear_pointer (&data->statements, g_ptr_array_unref);
  g_clear_pointer (&data->findings, g_ptr_array_unref);
  g_clear_pointer (&data->reviews, g_hash_table_unref);
  g_clear_pointer (&data->evidence, g_ptr_array_unref);
  g_clear_pointer (&data->loaded_on, g_free);
  g_clear_pointer (&data->history_head, g_free);
  g_clear_pointer (&data->history_problem, g_free);
}

CirtAssessmentData *
cirt_assessment_data_ref (CirtAssessmentData *data)
{
  return g_atomic_rc_box_acquire (data);
}

void
cirt_assessment_data_unref (CirtAssessmentData *data)
{
  if (data != NULL)
    g_atomic_rc_box_release_full (data, (GDestroyNotify) data_clear);
}

/* The history's chain: its head, or why it does not hold. */
static gboolean
load_history (CirtAssessmentData  *data,
              CirtStore           *store,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cirt_store_verify_history (store, data->info->id, &data->n_changes, &data->history_head, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_TAMPERED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  data->history_problem = g_strdup (local_error->message);
  return TRUE;
}

CirtAssessmentData *
cirt_assessment_data_with_history (CirtAssessmentData  *data,
                                   CirtStore           *store,
                                   GError             **error)
{
  g_autoptr(CirtAssessmentData) copy = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);

  copy = g_atomic_rc_box_new0 (CirtAssessmentData);
  copy->info = cirt_assessment_info_copy (data->info);
  copy->instruments = g_ptr_array_ref (data->instruments);
  copy->answers = g_hash_table_ref (data->answers);
  memcpy (copy->targets, data->targets, sizeof copy->targets);
  copy->score = g_object_ref (data->score);
  copy->baseline_info = data->baseline_info ? cirt_assessment_info_copy (data->baseline_info) : NULL;
  copy->baseline = data->baseline ? g_object_ref (data->baseline) : NULL;
  copy->baseline_data = data->baseline_data ? cirt_assessment_data_ref (data->baseline_data) : NULL;
  copy->stakeholders = data->stakeholders ? g_ptr_array_ref (data->stakeholders) : NULL;
  copy->interviews = data->interviews ? g_ptr_array_ref (data->interviews) : NULL;
  copy->statements = data->statements ? g_ptr_array_ref (data->statements) : NULL;
  copy->findings = data->findings ? g_ptr_array_ref (data->findings) : NULL;
  copy->reviews = data->reviews ? g_hash_table_ref (data->reviews) : NULL;
  copy->loaded_on = g_strdup (data->loaded_on);
  if (!load_history (copy, store, error) ||
      (copy->evidence = cirt_store_list_evidence (store, data->info->id, NULL, error)) == NULL)
    return NULL;
  return g_steal_pointer (&copy);
}

/* The score of assessment @id, from what the store holds. */
static CirtScore *
load_score (CirtStore   *store,
            const char  *id,
            GPtrArray  **instruments_out,
            GHashTable **answers_out,
            int          targets[CIRT_N_PILLARS],
            GError     **error)
{
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) evidenced = NULL;
  gboolean evidenced_only = FALSE;

  if ((instruments = cirt_store_get_instruments (store, id, error)) == NULL ||
      (answers = cirt_store_get_answers (store, id, error)) == NULL ||
      !cirt_store_get_targets (store, id, targets, error) ||
      !cirt_store_get_evidenced_only (store, id, &evidenced_only, error))
    return NULL;
  /* The scoring option of the evidence vault: only evidenced answers count. */
  if (evidenced_only && (evidenced = cirt_store_evidenced_questions (store, id, error)) == NULL)
    return NULL;
  {
    CirtScore *score = cirt_score_compute_evidenced (instruments, answers, targets, evidenced);
    if (instruments_out)
      *instruments_out = g_steal_pointer (&instruments);
    if (answers_out)
      *answers_out = g_steal_pointer (&answers);
    return score;
  }
}

CirtAssessmentData *
cirt_assessment_data_load (CirtStore      *store,
                           const char     *assessment_id,
                           CirtLoadFlags   flags,
                           GError        **error)
{
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);
  g_return_val_if_fail (assessment_id != NULL, NULL);

  data = g_atomic_rc_box_new0 (CirtAssessmentData);
  if ((data->info = cirt_store_get_assessment (store, assessment_id, error)) == NULL ||
      (data->score = load_score (store, assessment_id, &data->instruments, &data->answers, data->targets,
                                 error)) == NULL)
    return NULL;
  if ((flags & CIRT_LOAD_BASELINE) && data->info->baseline != NULL &&
      g_strcmp0 (data->info->baseline, assessment_id) != 0)
    {
      /* A follow-up: compared with the earlier assessment while it is in
       * the database (it may have been deleted since, or be unreadable:
       * the follow-up still opens). */
      data->baseline_data = cirt_assessment_data_load (store, data->info->baseline, CIRT_LOAD_SCORE, NULL);
      if (data->baseline_data != NULL)
        {
          data->baseline_info = cirt_assessment_info_copy (data->baseline_data->info);
          data->baseline = g_object_ref (data->baseline_data->score);
        }
    }
  if ((flags & CIRT_LOAD_STAKEHOLDERS) &&
      ((data->stakeholders = cirt_store_list_stakeholders (store, assessment_id, error)) == NULL ||
       (data->interviews = cirt_store_list_interviews (store, assessment_id, error)) == NULL ||
       (data->statements = cirt_store_list_statements (store, assessment_id, NULL, error)) == NULL))
    return NULL;
  if ((flags & CIRT_LOAD_FINDINGS) &&
      (data->findings = cirt_store_list_findings (store, assessment_id, error)) == NULL)
    return NULL;
  if ((flags & CIRT_LOAD_REVIEWS) &&
      (data->reviews = cirt_store_get_reviews (store, assessment_id, error)) == NULL)
    return NULL;
  if ((flags & CIRT_LOAD_HISTORY) && !load_history (data, store, error))
    return NULL;
  /* What the documents list of the evidence vault. */
  if ((flags & CIRT_LOAD_HISTORY) &&
      (data->evidence = cirt_store_list_evidence (store, assessment_id, NULL, error)) == NULL)
    return NULL;
  data->loaded_on = g_date_time_format (now, "%Y-%m-%d");
  return g_steal_pointer (&data);
}

const CirtAnswer *
cirt_assessment_data_answer (CirtAssessmentData *data,
                             const CirtQuestion *question)
{
  g_return_val_if_fail (data != NULL && question != NULL, NULL);
  return g_hash_table_lookup (data->answers, question->id);
}
