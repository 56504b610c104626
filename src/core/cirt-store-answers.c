/* cirt-store-answers.c — answers and their history: the one way an answer
 * is written, and the save that merges an edit with a change made elsewhere
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-store-private.h"
#include "cirt-store-sessions.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ANSWER_COLUMNS \
  "question, value, not_applicable, notes, evidence, source, flagged, author, updated_at, notes_internal, session"

static CirtAnswer *
read_answer (sqlite3_stmt *stmt)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);

  a->question = _cirt_column_text (stmt, 0);
  a->value = _cirt_column_text (stmt, 1);
  a->not_applicable = sqlite3_column_int (stmt, 2) != 0;
  a->notes = _cirt_column_text (stmt, 3);
  a->evidence = _cirt_column_text (stmt, 4);
  a->source = _cirt_column_text (stmt, 5);
  a->flagged = sqlite3_column_int (stmt, 6) != 0;
  a->author = _cirt_column_text (stmt, 7);
  a->updated_at = _cirt_column_text (stmt, 8);
  a->notes_internal = sqlite3_column_int (stmt, 9) != 0;
  a->session = _cirt_column_text (stmt, 10);
  return a;
}

GHashTable *
cirt_store_get_answers (CirtStore   *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GHashTable) result = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  if (!_cirt_store_assessment_exists (self, id))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      return NULL;
    }
  result = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  stmt = _cirt_store_stmt (self, "SELECT " ANSWER_COLUMNS " FROM answer WHERE assessment = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtAnswer *a = read_answer (stmt);
      g_hash_table_replace (result, a->question, a);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the answers"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtAnswer *
cirt_store_get_answer (CirtStore   *self,
                       const char  *id,
                       const char  *question,
                       GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " ANSWER_COLUMNS " FROM answer WHERE assessment = ? AND question = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_answer (stmt);
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the answer"));
  /* No row, no error: nothing recorded yet. */
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Checking an answer against its question                                  */

/* The question as the index has it: enough to check a value (its kind and
 * option ids), without reading the instrument. */
typedef struct {
  CirtQuestion  question;
  GPtrArray    *options;
  GStrv         option_ids;
} IndexedQuestion;

static void
indexed_question_clear (IndexedQuestion *q)
{
  g_free (q->question.id);
  g_clear_pointer (&q->options, g_ptr_array_unref);
  g_strfreev (q->option_ids);
}

static gboolean
find_question (CirtStore        *self,
               const char       *id,
               const char       *question,
               IndexedQuestion  *out,
               GError          **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT q.kind, q.options FROM assessment_instrument ai JOIN question q ON q.instrument = ai.instrument"
    " WHERE ai.assessment = ? AND q.id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      if (!_cirt_store_assessment_exists (self, id))
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id);
      else
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                     _("no question \"%s\" in this assessment's instruments"), question);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _cirt_store_fail (self, error, _("cannot read the assessment's instruments"));

  memset (out, 0, sizeof *out);
  out->question.id = g_strdup (question);
  if (!cirt_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &out->question.kind))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_CORRUPT, _("%s: the question index is damaged"),
                   self->path);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      out->option_ids = g_strsplit ((const char *) sqlite3_column_text (stmt, 1), ",", -1);
      out->options = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; out->option_ids[i] != NULL; i++)
        {
          CirtOption *o = g_new0 (CirtOption, 1);
          o->id = out->option_ids[i];
          g_ptr_array_add (out->options, o);
        }
      out->question.options = out->options;
    }
  return TRUE;
}

CirtAnswer *
_cirt_store_clean_answer (CirtStore        *self,
                          const char       *id,
                          const CirtAnswer *answer,
                          GError          **error)
{
  IndexedQuestion q = { 0 };
  g_autoptr(CirtAnswer) clean = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!find_question (self, id, answer->question, &q, error))
    {
      indexed_question_clear (&q);
      return NULL;
    }
  if (!_cirt_check_text (_("notes"), answer->notes, FALSE, CIRT_MAX_TEXT, error) ||
      !_cirt_check_text (_("evidence"), answer->evidence, FALSE, CIRT_MAX_TEXT, error) ||
      !_cirt_check_text (_("source"), answer->source, FALSE, CIRT_MAX_TEXT, error) ||
      !_cirt_check_text (_("answer"), answer->value, FALSE, CIRT_MAX_TEXT, error))
    {
      indexed_question_clear (&q);
      return NULL;
    }
  if (answer->session != NULL && *answer->session != '\0' && !g_uuid_string_is_valid (answer->session))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (answer->session));
      indexed_question_clear (&q);
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not a session id (a UUID)"),
                   shown);
      return NULL;
    }

  clean = cirt_answer_copy (answer);
  g_clear_pointer (&clean->session, g_free);
  if (answer->session != NULL && *answer->session != '\0')
    clean->session = g_ascii_strdown (answer->session, -1);
  g_clear_pointer (&clean->value, g_free);
  if (answer->not_applicable)
    {
      if (cirt_text_is_blank (answer->notes))
        g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                     _("%s: marking a question not applicable needs a justification in the notes"), answer->question);
      else if (!cirt_kind_is_scored (q.question.kind))
        g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                     _("%s: only scored questions can be marked not applicable"), answer->question);
    }
  else if (answer->value != NULL)
    {
      g_autoptr(GError) value_error = NULL;

      clean->value = cirt_question_parse_value (&q.question, answer->value, &value_error);
      if (clean->value == NULL)
        g_set_error_literal (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, value_error->message);
    }
  indexed_question_clear (&q);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

gboolean
_cirt_store_insert_history (CirtStore   *self,
                            const char  *id,
                            const char  *question,
                            const char  *author,
                            const char  *when,
                            const char  *old_json,
                            const char  *new_json,
                            GError     **error)
{
  g_autoptr(CirtStmt) last = _cirt_store_stmt (self,
    "SELECT hash FROM answer_history WHERE assessment = ? ORDER BY id DESC LIMIT 1", error);
  g_autoptr(CirtStmt) hist = NULL;
  g_autofree char *prev = NULL, *link = NULL;
  int rc;

  if (last == NULL)
    return FALSE;
  _cirt_bind_text (last, 1, id);
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    prev = _cirt_column_text (last, 0);
  else if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the history"));
  link = cirt_history_chain_link (prev, id, question, author, when, old_json, new_json);

  hist = _cirt_store_stmt (self,
    "INSERT INTO answer_history (assessment, question, author, changed_at, old_json, new_json, hash)"
    " VALUES (?,?,?,?,?,?,?)", error);
  if (hist == NULL)
    return FALSE;
  _cirt_bind_text (hist, 1, id);
  _cirt_bind_text (hist, 2, question);
  _cirt_bind_text (hist, 3, author);
  _cirt_bind_text (hist, 4, when);
  _cirt_bind_text (hist, 5, old_json);
  _cirt_bind_text (hist, 6, new_json);
  _cirt_bind_text (hist, 7, link);
  return _cirt_store_step (self, hist, error);
}

static gboolean
put_row (CirtStore        *self,
         const char       *id,
         const CirtAnswer *old,
         const CirtAnswer *answer,
         const char       *author,
         const char       *when,
         GError          **error)
{
  g_autofree char *old_json = cirt_answer_to_json (old);
  g_autofree char *new_json = cirt_answer_to_json (answer);

  if (cirt_answer_is_empty (answer))
    {
      g_autoptr(CirtStmt) del = _cirt_store_stmt (self, "DELETE FROM answer WHERE assessment = ? AND question = ?",
                                                  error);
      if (del == NULL)
        return FALSE;
      _cirt_bind_text (del, 1, id);
      _cirt_bind_text (del, 2, answer->question);
      if (!_cirt_store_step (self, del, error))
        return FALSE;
    }
  else
    {
      g_autoptr(CirtStmt) up = _cirt_store_stmt (self,
        "INSERT INTO answer (assessment, question, value, not_applicable, notes, evidence, source, flagged,"
        " author, updated_at, notes_internal, session) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (assessment, question) DO UPDATE SET value = excluded.value,"
        " not_applicable = excluded.not_applicable, notes = excluded.notes, evidence = excluded.evidence,"
        " source = excluded.source, flagged = excluded.flagged, author = excluded.author,"
        " updated_at = excluded.updated_at, notes_internal = excluded.notes_internal,"
        " session = excluded.session", error);
      if (up == NULL)
        return FALSE;
      _cirt_bind_text (up, 1, id);
      _cirt_bind_text (up, 2, answer->question);
      _cirt_bind_text (up, 3, answer->value);
      sqlite3_bind_int (up, 4, answer->not_applicable ? 1 : 0);
      _cirt_bind_text (up, 5, _cirt_empty_to_null (answer->notes));
      _cirt_bind_text (up, 6, _cirt_empty_to_null (answer->evidence));
      _cirt_bind_text (up, 7, _cirt_empty_to_null (answer->source));
      sqlite3_bind_int (up, 8, answer->flagged ? 1 : 0);
      _cirt_bind_text (up, 9, author);
      _cirt_bind_text (up, 10, when);
      sqlite3_bind_int (up, 11, answer->notes_internal && !cirt_text_is_blank (answer->notes) ? 1 : 0);
      _cirt_bind_text (up, 12, _cirt_empty_to_null (answer->session));
      if (!_cirt_store_step (self, up, error))
        return FALSE;
    }
  if (!_cirt_store_insert_history (self, id, answer->question, author, when, old_json, new_json, error))
    return FALSE;
  {
    g_autofree char *now = cirt_now_iso8601 ();
    _cirt_store_touch (self, id, now);
  }
  return TRUE;
}

gboolean
_cirt_store_write_answer (CirtStore        *self,
                          const char       *id,
                          const CirtAnswer *answer,
                          const char       *author,
                          const char       *when,
                          gboolean         *changed,
                          GError          **error)
{
  g_autoptr(CirtAnswer) clean = NULL;
  g_autoptr(CirtAnswer) old = NULL;
  g_autoptr(GError) local_error = NULL;

  if (changed)
    *changed = FALSE;
  if (!_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  clean = _cirt_store_clean_answer (self, id, answer, error);
  if (clean == NULL)
    return FALSE;

  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = cirt_store_get_answer (self, id, clean->question, &local_error);
  if (local_error != NULL)
    goto fail;
  if (cirt_answer_same_content (old, clean))
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  if (!put_row (self, id, old, clean, author, when, &local_error))
    goto fail;
  _cirt_store_changed (self, id, clean->question);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  if (changed)
    *changed = TRUE;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A session newly given in an edit made here must be one of the
 * assessment's (or one it had and removed since). A merge is not checked
 * so: the other laptop may have removed a session this one never had. */
static gboolean
check_session_given (CirtStore         *self,
                     const char        *id,
                     const CirtAnswer  *stored,
                     const CirtAnswer  *answer,
                     GError           **error)
{
  g_autofree char *lower = NULL;

  if (answer->session == NULL || *answer->session == '\0')
    return TRUE;
  lower = g_ascii_strdown (answer->session, -1);
  if ((stored != NULL && g_strcmp0 (stored->session, lower) == 0) || !g_uuid_string_is_valid (lower) ||
      cirt_store_knows_interview (self, id, lower))
    return TRUE;   /* unchanged, or refused by the checks of every answer */
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("no interview session %s in this assessment"),
               lower);
  return FALSE;
}

static const char *
author_of (const CirtAnswer *answer)
{
  return _cirt_empty_to_null (answer->author) ? answer->author : g_get_real_name ();
}

gboolean
cirt_store_save_answer (CirtStore        *self,
                        const char       *id,
                        const CirtAnswer *answer,
                        GError          **error)
{
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  if (answer->session != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CirtAnswer) stored = cirt_store_get_answer (self, id, answer->question, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!check_session_given (self, id, stored, answer, error))
        return FALSE;
    }
  return _cirt_store_write_answer (self, id, answer, author_of (answer), now, NULL, error);
}

gboolean
cirt_store_save_answer_over (CirtStore        *self,
                             const char       *id,
                             const CirtAnswer *base,
                             const CirtAnswer *answer,
                             CirtSaveOutcome  *outcome,
                             CirtAnswer      **stored,
                             GError          **error)
{
  g_autofree char *now = cirt_now_iso8601 ();
  g_autoptr(CirtAnswer) current = NULL;
  g_autoptr(CirtAnswer) merged = NULL;
  g_autoptr(GError) local_error = NULL;
  CirtSaveOutcome result = CIRT_SAVE_WRITTEN;
  CirtAnswerParts mine, theirs, crossed;
  gboolean changed = FALSE;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  if (!_cirt_store_begin (self, error))
    return FALSE;
  current = cirt_store_get_answer (self, id, answer->question, &local_error);
  if (local_error != NULL)
    goto fail;

  /* What each side changed since @base: this edit, and whoever wrote in
   * the meantime. */
  mine = cirt_answer_diff (base, answer);
  theirs = cirt_answer_diff (base, current);
  crossed = mine & theirs & cirt_answer_diff (answer, current);
  merged = cirt_answer_copy (answer);
  if (theirs != 0)
    {
      /* Their changes to parts this edit left alone are kept. */
      cirt_answer_take_parts (merged, current, theirs & ~mine);
      result = (theirs & ~mine) != 0 ? CIRT_SAVE_MERGED : CIRT_SAVE_WRITTEN;
    }
  if (!check_session_given (self, id, current, merged, &local_error) ||
      !_cirt_store_write_answer (self, id, merged, author_of (answer), now, &changed, &local_error))
    goto fail;
  if (crossed != 0)
    {
      gboolean added;
      /* The same part changed on both sides: this edit is the answer, the
       * other version waits in the merge conflicts. */
      if (!cirt_store_record_conflict (self, id, answer->question, merged, current, FALSE, &added, &local_error))
        goto fail;
      result = CIRT_SAVE_CONFLICT;
    }
  else if (!changed && result == CIRT_SAVE_WRITTEN)
    result = CIRT_SAVE_UNCHANGED;
  if (stored != NULL)
    {
      *stored = cirt_store_get_answer (self, id, answer->question, &local_error);
      if (local_error != NULL)
        goto fail;
    }
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  if (outcome != NULL)
    *outcome = result;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  if (stored != NULL)
    g_clear_pointer (stored, cirt_answer_free);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_unanswer (CirtStore   *self,
                     const char  *id,
                     const char  *question,
                     const char  *author,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CirtAnswer) old = NULL;
  g_autoptr(CirtAnswer) next = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  old = cirt_store_get_answer (self, id, question, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  next = old ? cirt_answer_copy (old) : cirt_answer_new (question);
  g_clear_pointer (&next->value, g_free);
  next->not_applicable = FALSE;
  g_free (next->author);
  next->author = g_strdup (author);
  return cirt_store_save_answer (self, id, next, error);
}

GPtrArray *
cirt_store_get_history (CirtStore   *self,
                        const char  *id,
                        const char  *question,
                        GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_history_entry_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, question, author, changed_at, old_json, new_json, hash FROM answer_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR question = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtHistoryEntry *e = g_new0 (CirtHistoryEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->question = _cirt_column_text (stmt, 1);
      e->author = _cirt_column_text (stmt, 2);
      e->changed_at = _cirt_column_text (stmt, 3);
      e->old_answer = cirt_answer_from_json (e->question, (const char *) sqlite3_column_text (stmt, 4));
      e->new_answer = cirt_answer_from_json (e->question, (const char *) sqlite3_column_text (stmt, 5));
      e->hash = _cirt_column_text (stmt, 6);
      g_ptr_array_add (result, e);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
cirt_store_verify_history (CirtStore   *self,
                           const char  *id,
                           guint       *n_rows,
                           char       **head,
                           GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *prev = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = _cirt_store_stmt (self,
    "SELECT id, question, author, changed_at, old_json, new_json, hash FROM answer_history"
    " WHERE assessment = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *question = (const char *) sqlite3_column_text (stmt, 1);
      const char *changed_at = (const char *) sqlite3_column_text (stmt, 3);
      const char *stored = (const char *) sqlite3_column_text (stmt, 6);
      char *link = cirt_history_chain_link (prev, id, question, (const char *) sqlite3_column_text (stmt, 2),
                                            changed_at, (const char *) sqlite3_column_text (stmt, 4),
                                            (const char *) sqlite3_column_text (stmt, 5));

      n++;
      if (g_strcmp0 (link, stored) != 0)
        {
          g_free (link);
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_TAMPERED,
                       /* translators: %u the row's number in the history, %s the question id, %s its time */
                       _("the history was altered: change %u (%s, %s) does not match its hash, so it or a change "
                         "before it is not what was recorded"), n, question ? question : "", changed_at ? changed_at : "");
          return FALSE;
        }
      g_free (prev);
      prev = link;
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the history"));
  if (n_rows)
    *n_rows = n;
  if (head)
    *head = g_steal_pointer (&prev);
  return TRUE;
}
