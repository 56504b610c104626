/* cirt-store-review.c — the lead assessor's reviews of the answers and the
 * record of every change made to them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review row names the version of the answer it reviewed; the state an
 * answer shows is worked out when it is read (cirt_review_effective_state),
 * so answering writes nothing here and a merge that brings a newer answer
 * leaves the review behind by itself. */
#include "config.h"

#include "cirt-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define REVIEW_COLUMNS "question, state, comment, reviewer, reviewed_at, answer_version"

static CirtReview *
read_review (sqlite3_stmt *stmt)
{
  CirtReview *r = cirt_review_new ((const char *) sqlite3_column_text (stmt, 0));

  cirt_review_state_from_string ((const char *) sqlite3_column_text (stmt, 1), &r->state);
  r->comment = _cirt_column_text (stmt, 2);
  r->reviewer = _cirt_column_text (stmt, 3);
  r->reviewed_at = _cirt_column_text (stmt, 4);
  r->answer_version = _cirt_column_text (stmt, 5);
  return r;
}

GHashTable *
cirt_store_get_reviews (CirtStore   *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GHashTable) result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) cirt_review_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " REVIEW_COLUMNS " FROM review WHERE assessment = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtReview *r = read_review (stmt);
      g_hash_table_replace (result, g_strdup (r->question), r);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the reviews"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtReview *
cirt_store_get_review (CirtStore   *self,
                       const char  *id,
                       const char  *question,
                       GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " REVIEW_COLUMNS " FROM review WHERE assessment = ? AND question = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_review (stmt);
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the reviews"));
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                   */

static gboolean
check_question (CirtStore   *self,
                const char  *id,
                const char  *question,
                GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *shown = NULL;

  if (!_cirt_store_assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id ? id : "");
      return FALSE;
    }
  stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM question q JOIN assessment_instrument ai ON ai.instrument = q.instrument"
    " WHERE ai.assessment = ? AND q.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  shown = cirt_shorten_message (g_strdup (question ? question : ""));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
               _("no question \"%s\" in this assessment's instruments"), shown);
  return FALSE;
}

static gboolean
check_review_texts (const char  *comment,
                    const char  *reviewer,
                    GError     **error)
{
  g_autofree char *too_long = cirt_review_comment_too_long (comment);

  if (too_long != NULL)
    {
      g_set_error_literal (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, too_long);
      return FALSE;
    }
  return _cirt_check_text (_("review comment"), comment, FALSE, CIRT_REVIEW_MAX_COMMENT, error) &&
         _cirt_check_text (_("reviewer"), reviewer, FALSE, CIRT_MAX_SHORT_TEXT, error);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static gboolean
put_review (CirtStore         *self,
            const char        *id,
            const CirtReview  *r,
            GError           **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO review (assessment, question, state, comment, reviewer, reviewed_at, answer_version)"
    " VALUES (?,?,?,?,?,?,?) ON CONFLICT (assessment, question) DO UPDATE SET state = excluded.state,"
    " comment = excluded.comment, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at,"
    " answer_version = excluded.answer_version", error);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, r->question);
  _cirt_bind_text (stmt, 3, cirt_review_state_to_string (r->state));
  _cirt_bind_text (stmt, 4, _cirt_empty_to_null (r->comment));
  _cirt_bind_text (stmt, 5, _cirt_empty_to_null (r->reviewer));
  _cirt_bind_text (stmt, 6, r->reviewed_at);
  _cirt_bind_text (stmt, 7, r->answer_version);
  return _cirt_store_step (self, stmt, error);
}

static gboolean
insert_history (CirtStore         *self,
                const char        *id,
                const CirtReview  *before,
                const CirtReview  *after,
                GError           **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO review_history (assessment, question, reviewer, changed_at, old_json, new_json)"
    " VALUES (?,?,?,?,?,?)", error);
  g_autofree char *old_json = cirt_review_to_json (before);
  g_autofree char *new_json = cirt_review_to_json (after);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, after->question);
  _cirt_bind_text (stmt, 3, after->reviewer);
  _cirt_bind_text (stmt, 4, after->reviewed_at);
  _cirt_bind_text (stmt, 5, old_json);
  _cirt_bind_text (stmt, 6, new_json);
  return _cirt_store_step (self, stmt, error);
}

/* Writes @after over @before (NULL: none) with its history row. */
static gboolean
write_review (CirtStore         *self,
              const char        *id,
              const CirtReview  *before,
              const CirtReview  *after,
              GError           **error)
{
  g_autofree char *now = cirt_now_iso8601 ();

  if (!put_review (self, id, after, error) || !insert_history (self, id, before, after, error))
    return FALSE;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return TRUE;
}

gboolean
cirt_store_set_review (CirtStore        *self,
                       const char       *id,
                       const char       *question,
                       CirtReviewState   state,
                       const char       *comment,
                       const char       *reviewer,
                       GError          **error)
{
  g_autoptr(CirtReview) old = NULL, r = NULL;
  g_autoptr(CirtAnswer) answer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if ((guint) state >= CIRT_N_REVIEW_STATES)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("a review accepts an answer, asks for work on it, or is cleared"));
      return FALSE;
    }
  if (state == CIRT_REVIEW_NOT_REVIEWED)
    comment = NULL;
  if (!check_question (self, id, question, error) || !check_review_texts (comment, reviewer, error))
    return FALSE;
  if (state == CIRT_REVIEW_NEEDS_WORK && cirt_text_is_blank (comment))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("say what needs work on %s: a comment is required"), question);
      return FALSE;
    }

  if (!_cirt_store_begin (self, error))
    return FALSE;
  answer = cirt_store_get_answer (self, id, question, &local_error);
  if (local_error == NULL)
    old = cirt_store_get_review (self, id, question, &local_error);
  if (local_error != NULL)
    goto fail;
  if (state != CIRT_REVIEW_NOT_REVIEWED && !cirt_answer_is_answered (answer))
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s is not answered yet: only an answer (a value or N/A) can be reviewed"), question);
      goto fail;
    }

  r = cirt_review_new (question);
  r->state = state;
  r->comment = cirt_text_is_blank (comment) ? NULL : g_strdup (comment);
  r->reviewer = g_strdup (_cirt_empty_to_null (reviewer) ? reviewer : g_get_real_name ());
  r->reviewed_at = cirt_now_iso8601 ();
  r->answer_version = state == CIRT_REVIEW_NOT_REVIEWED ? NULL : cirt_review_answer_version (answer);

  /* The same review of the same version again, or a clear of what is not
   * reviewed: nothing to record. */
  if ((old != NULL && cirt_review_same_content (old, r)) ||
      (state == CIRT_REVIEW_NOT_REVIEWED && (old == NULL || old->state == CIRT_REVIEW_NOT_REVIEWED)))
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  if (!write_review (self, id, old, r, &local_error))
    goto fail;
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
cirt_store_get_review_history (CirtStore   *self,
                               const char  *id,
                               const char  *question,
                               GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_review_change_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, question, reviewer, changed_at, old_json, new_json FROM review_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR question = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtReviewChange *c = g_new0 (CirtReviewChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->question = _cirt_column_text (stmt, 1);
      c->reviewer = _cirt_column_text (stmt, 2);
      c->changed_at = _cirt_column_text (stmt, 3);
      c->old_review = cirt_review_from_json ((const char *) sqlite3_column_text (stmt, 4));
      c->new_review = cirt_review_from_json ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (result, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                  */

gboolean
cirt_store_import_review (CirtStore         *self,
                          const char        *id,
                          const CirtReview  *remote,
                          CirtReviewImport  *outcome,
                          GError           **error)
{
  g_autoptr(CirtReview) local = NULL;
  g_autoptr(GError) local_error = NULL;
  CirtReviewImport result;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote != NULL && remote->question != NULL && remote->reviewed_at != NULL, FALSE);

  if (!check_question (self, id, remote->question, error) ||
      !check_review_texts (remote->comment, remote->reviewer, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  local = cirt_store_get_review (self, id, remote->question, &local_error);
  if (local_error != NULL)
    goto fail;
  if (local != NULL && cirt_review_same_content (local, remote))
    result = CIRT_REVIEW_IMPORT_SAME;
  else
    {
      int cmp = local == NULL ? 1 : g_strcmp0 (remote->reviewed_at, local->reviewed_at);

      if (cmp == 0)
        {
          g_autofree char *l = cirt_review_to_json (local);
          g_autofree char *r = cirt_review_to_json (remote);
          cmp = g_strcmp0 (r, l);
        }
      if (cmp > 0)
        {
          if (!write_review (self, id, local, remote, &local_error))
            goto fail;
          result = CIRT_REVIEW_IMPORT_TAKEN;
        }
      else
        result = CIRT_REVIEW_IMPORT_KEPT;
    }
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  if (outcome)
    *outcome = result;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
