/* cirt-store-merge.c — what merging another assessor's file writes: their
 * answers with their author and time, their history, and the conflicts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-store-private.h"

#include <glib/gi18n-lib.h>

gboolean
cirt_store_import_answer (CirtStore        *self,
                          const char       *id,
                          const CirtAnswer *answer,
                          gboolean         *changed,
                          GError          **error)
{
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  /* Keep when and by whom the answer was given over there. */
  return _cirt_store_write_answer (self, id, answer, answer->author, answer->updated_at ? answer->updated_at : now,
                                   changed, error);
}

/* A version of an answer from elsewhere, checked as a local edit would be. */
static char *
checked_json (CirtStore        *self,
              const char       *id,
              const char       *question,
              const CirtAnswer *answer,
              GError          **error)
{
  g_autoptr(CirtAnswer) copy = NULL;
  g_autoptr(CirtAnswer) clean = NULL;

  if (cirt_answer_is_empty (answer))
    {
      /* An empty version still names a question the assessment has. */
      copy = cirt_answer_new (question);
      clean = _cirt_store_clean_answer (self, id, copy, error);
      return NULL;
    }
  copy = cirt_answer_copy (answer);
  g_free (copy->question);
  copy->question = g_strdup (question);
  clean = _cirt_store_clean_answer (self, id, copy, error);
  return clean ? cirt_answer_to_json (clean) : NULL;
}

gboolean
cirt_store_import_history (CirtStore              *self,
                           const char             *id,
                           const CirtHistoryEntry *entry,
                           gboolean               *added,
                           GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *changed_at = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->question != NULL, FALSE);

  if (added)
    *added = FALSE;
  changed_at = cirt_time_normalize (entry->changed_at);
  if (changed_at == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s: \"%s\" is not an ISO 8601 time"), entry->question, entry->changed_at ? entry->changed_at : "");
      return FALSE;
    }
  if (!_cirt_check_text (_("author"), entry->author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  old_json = checked_json (self, id, entry->question, entry->old_answer, &local_error);
  if (local_error == NULL)
    new_json = checked_json (self, id, entry->question, entry->new_answer, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) find = _cirt_store_stmt (self,
      "SELECT 1 FROM answer_history WHERE assessment = ?1 AND question = ?2 AND author IS ?3"
      " AND changed_at = ?4 AND old_json IS ?5 AND new_json IS ?6", &local_error);
    if (find == NULL)
      goto fail;
    _cirt_bind_text (find, 1, id);
    _cirt_bind_text (find, 2, entry->question);
    _cirt_bind_text (find, 3, entry->author);
    _cirt_bind_text (find, 4, changed_at);
    _cirt_bind_text (find, 5, old_json);
    _cirt_bind_text (find, 6, new_json);
    if (sqlite3_step (find) == SQLITE_ROW)
      {
        _cirt_store_rollback (self);
        return TRUE;
      }
  }
  if (!_cirt_store_insert_history (self, id, entry->question, entry->author, changed_at, old_json, new_json,
                                   &local_error))
    goto fail;
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  if (added)
    *added = TRUE;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_answer_in_history (CirtStore        *self,
                              const char       *id,
                              const CirtAnswer *answer,
                              gboolean         *found,
                              GError          **error)
{
  g_autofree char *json = cirt_answer_to_json (answer);
  g_autoptr(CirtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && found != NULL, FALSE);

  *found = FALSE;
  if (json == NULL)
    return TRUE;
  /* Every history row is in the one JSON form, so equal contents are equal texts. */
  stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM answer_history WHERE assessment = ? AND question = ? AND new_json = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, answer->question);
  _cirt_bind_text (stmt, 3, json);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the history"));
  *found = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
cirt_store_record_conflict (CirtStore        *self,
                            const char       *id,
                            const char       *question,
                            const CirtAnswer *local,
                            const CirtAnswer *remote,
                            gboolean          remote_won,
                            gboolean         *added,
                            GError          **error)
{
  g_autofree char *local_json = NULL;
  g_autofree char *remote_json = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (added)
    *added = FALSE;
  /* Both versions are held to the rules of an answer: a conflict cannot
   * bring in what an answer could not. */
  local_json = checked_json (self, id, question, local, &local_error);
  if (local_error == NULL)
    remote_json = checked_json (self, id, question, remote, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    /* The same disagreement seen again (the same file imported twice, or
     * the pair seen from the other side) is recorded once. */
    g_autoptr(CirtStmt) find = _cirt_store_stmt (self,
      "SELECT 1 FROM merge_conflict WHERE assessment = ?1 AND question = ?2 AND"
      " ((local_json IS ?3 AND remote_json IS ?4) OR (local_json IS ?4 AND remote_json IS ?3))", &local_error);
    if (find == NULL)
      goto fail;
    _cirt_bind_text (find, 1, id);
    _cirt_bind_text (find, 2, question);
    _cirt_bind_text (find, 3, local_json);
    _cirt_bind_text (find, 4, remote_json);
    if (sqlite3_step (find) == SQLITE_ROW)
      {
        _cirt_store_rollback (self);
        return TRUE;
      }
  }
  {
    g_autoptr(CirtStmt) ins = _cirt_store_stmt (self,
      "INSERT INTO merge_conflict (assessment, question, local_json, remote_json, remote_won, recorded_at)"
      " VALUES (?,?,?,?,?,?)", &local_error);
    if (ins == NULL)
      goto fail;
    _cirt_bind_text (ins, 1, id);
    _cirt_bind_text (ins, 2, question);
    _cirt_bind_text (ins, 3, local_json);
    _cirt_bind_text (ins, 4, remote_json);
    sqlite3_bind_int (ins, 5, remote_won ? 1 : 0);
    _cirt_bind_text (ins, 6, now);
    if (!_cirt_store_step (self, ins, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  if (added)
    *added = TRUE;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
cirt_store_list_conflicts (CirtStore   *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_conflict_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, question, local_json, remote_json, remote_won, recorded_at, reviewed FROM merge_conflict"
    " WHERE assessment = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtConflict *c = g_new0 (CirtConflict, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->question = _cirt_column_text (stmt, 1);
      c->local = cirt_answer_from_json (c->question, (const char *) sqlite3_column_text (stmt, 2));
      c->remote = cirt_answer_from_json (c->question, (const char *) sqlite3_column_text (stmt, 3));
      c->remote_won = sqlite3_column_int (stmt, 4) != 0;
      c->recorded_at = _cirt_column_text (stmt, 5);
      c->reviewed = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (result, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the merge conflicts"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

guint
cirt_store_count_unreviewed_conflicts (CirtStore   *self,
                                       const char  *id,
                                       GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), 0);

  stmt = _cirt_store_stmt (self, "SELECT count(*) FROM merge_conflict WHERE assessment = ? AND NOT reviewed", error);
  if (stmt == NULL)
    return 0;
  _cirt_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _cirt_store_fail (self, error, _("cannot read the merge conflicts"));
      return 0;
    }
  return (guint) sqlite3_column_int (stmt, 0);
}

gboolean
cirt_store_set_conflict_reviewed (CirtStore   *self,
                                  gint64       conflict_id,
                                  gboolean     reviewed,
                                  GError     **error)
{
  g_autofree char *assessment = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  {
    g_autoptr(CirtStmt) find = _cirt_store_stmt (self, "SELECT assessment FROM merge_conflict WHERE id = ?", error);
    if (find == NULL)
      return FALSE;
    sqlite3_bind_int64 (find, 1, conflict_id);
    if (sqlite3_step (find) == SQLITE_ROW)
      assessment = _cirt_column_text (find, 0);
  }
  if (assessment == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no conflict %lld"), (long long) conflict_id);
      return FALSE;
    }
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "UPDATE merge_conflict SET reviewed = ? WHERE id = ?",
                                                 &local_error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int (stmt, 1, reviewed ? 1 : 0);
    sqlite3_bind_int64 (stmt, 2, conflict_id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, assessment, now);
  _cirt_store_changed (self, assessment, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
