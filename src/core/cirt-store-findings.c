/* cirt-store-findings.c — the findings of an assessment (key issues, quick
 * wins, risks to the project) and the record of every change made to them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The positions of an assessment's findings are kept 0, 1, 2… in the order
 * shown; adding, removing and moving renumber the others in the same
 * transaction. A change of content (not of place) sets modified_at, which
 * is what a merge compares. Every change writes a row of finding_history:
 * the finding before and after, in the JSON of cirt_finding_to_json(). */
#include "config.h"

#include "cirt-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define FINDING_COLUMNS \
  "uuid, kind, title, description, pillar, phase, questions, position, author, created_at, modified_at"

static CirtFinding *
read_finding (sqlite3_stmt *stmt)
{
  CirtFinding *f = cirt_finding_new ();
  const char *questions;

  f->id = _cirt_column_text (stmt, 0);
  cirt_finding_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &f->kind);
  f->title = _cirt_column_text (stmt, 2);
  f->description = _cirt_column_text (stmt, 3);
  cirt_pillar_from_string ((const char *) sqlite3_column_text (stmt, 4), &f->pillar);
  cirt_phase_from_string ((const char *) sqlite3_column_text (stmt, 5), &f->phase);
  questions = (const char *) sqlite3_column_text (stmt, 6);
  if (questions != NULL && *questions != '\0')
    f->questions = g_strsplit (questions, " ", -1);
  f->position = (guint) sqlite3_column_int (stmt, 7);
  f->author = _cirt_column_text (stmt, 8);
  f->created_at = _cirt_column_text (stmt, 9);
  f->modified_at = _cirt_column_text (stmt, 10);
  return f;
}

GPtrArray *
cirt_store_list_findings (CirtStore   *self,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_finding_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " FINDING_COLUMNS " FROM finding WHERE assessment = ?"
                                 " ORDER BY position, created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_finding (stmt));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the findings"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* The finding, NULL without an error when there is none. */
static CirtFinding *
lookup (CirtStore   *self,
        const char  *id,
        const char  *finding,
        GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT " FINDING_COLUMNS " FROM finding WHERE assessment = ? AND uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, finding);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_finding (stmt);
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the findings"));
  return NULL;
}

static void
no_finding (GError     **error,
            const char  *finding)
{
  g_autofree char *shown = cirt_shorten_message (g_strdup (finding ? finding : ""));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no finding %s in this assessment"), shown);
}

CirtFinding *
cirt_store_get_finding (CirtStore   *self,
                        const char  *id,
                        const char  *finding,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CirtFinding *f;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  f = lookup (self, id, finding, &local_error);
  if (f == NULL && local_error == NULL)
    no_finding (&local_error, finding);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return f;
}

char *
cirt_store_resolve_finding (CirtStore   *self,
                            const char  *id,
                            const char  *prefix,
                            GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *lower = NULL, *found = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  lower = g_ascii_strdown (prefix ? prefix : "", -1);
  /* Only what a UUID is made of: a prefix is never a LIKE pattern. */
  for (const char *c = lower; *c; c++)
    if (!g_ascii_isxdigit (*c) && *c != '-')
      {
        no_finding (error, prefix);
        return NULL;
      }
  if (*lower == '\0')
    {
      no_finding (error, prefix);
      return NULL;
    }
  stmt = _cirt_store_stmt (self, "SELECT uuid FROM finding WHERE assessment = ? AND substr (uuid, 1, length (?2)) = ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, lower);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        found = _cirt_column_text (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the findings"));
      return NULL;
    }
  if (n == 0)
    {
      no_finding (error, prefix);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   _("%s matches %u findings; give more of its id"), lower, n);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                   */

static gboolean
is_question_of (CirtStore  *self,
                const char *id,
                const char *question)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM question q JOIN assessment_instrument ai ON ai.instrument = q.instrument"
    " WHERE ai.assessment = ? AND q.id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_finding (CirtStore          *self,
               const char         *id,
               const CirtFinding  *f,
               GError            **error)
{
  if (!_cirt_check_text (_("title"), f->title, TRUE, CIRT_MAX_SHORT_TEXT, error) ||
      !_cirt_check_text (_("description"), f->description, FALSE, CIRT_MAX_TEXT, error) ||
      !_cirt_check_text (_("author"), f->author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if ((guint) f->kind >= CIRT_N_FINDING_KINDS)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("a finding is a key issue, a quick win or a risk (issue, quick-win or risk)"));
      return FALSE;
    }
  if ((guint) f->pillar >= CIRT_N_PILLARS)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("a finding needs a pillar (legal, technical, organizational, capacity or cooperation)"));
      return FALSE;
    }
  if (f->phase == CIRT_PHASE_NONE || (guint) f->phase > CIRT_PHASE_ENHANCEMENT)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("a finding needs a lifecycle phase (design, establishment or enhancement)"));
      return FALSE;
    }
  if (f->id != NULL && !g_uuid_string_is_valid (f->id))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (f->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not a finding id (a UUID)"), shown);
      return FALSE;
    }
  for (guint i = 0; f->questions != NULL && f->questions[i] != NULL; i++)
    {
      const char *q = f->questions[i];
      g_autofree char *shown = cirt_shorten_message (g_strdup (q));

      if (!is_question_of (self, id, q))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("no question \"%s\" in this assessment's instruments"), shown);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (f->questions[j], q) == 0)
          {
            g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                         _("question %s is given twice for one finding"), shown);
            return FALSE;
          }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static gboolean
insert_history (CirtStore          *self,
                const char         *id,
                const char         *finding,
                const char         *author,
                const char         *when,
                const CirtFinding  *before,
                const CirtFinding  *after,
                GError            **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO finding_history (assessment, finding, author, changed_at, old_json, new_json) VALUES (?,?,?,?,?,?)",
    error);
  g_autofree char *old_json = cirt_finding_to_json (before);
  g_autofree char *new_json = cirt_finding_to_json (after);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, finding);
  _cirt_bind_text (stmt, 3, author);
  _cirt_bind_text (stmt, 4, when);
  _cirt_bind_text (stmt, 5, old_json);
  _cirt_bind_text (stmt, 6, new_json);
  return _cirt_store_step (self, stmt, error);
}

static guint
count_findings (CirtStore  *self,
                const char *id)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT count(*) FROM finding WHERE assessment = ?", NULL);

  if (stmt == NULL)
    return 0;
  _cirt_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) : 0;
}

/* Moves the positions in [@from, @to] of assessment @id by @delta. */
static gboolean
shift (CirtStore   *self,
       const char  *id,
       guint        from,
       guint        to,
       int          delta,
       GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "UPDATE finding SET position = position + ?1 WHERE assessment = ?2 AND position BETWEEN ?3 AND ?4", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  _cirt_bind_text (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  return _cirt_store_step (self, stmt, error);
}

static char *
questions_text (const CirtFinding *f)
{
  if (f->questions == NULL || f->questions[0] == NULL)
    return NULL;
  return g_strjoinv (" ", f->questions);
}

/* Writes @f (every column) as the row of its UUID, new or not. */
static gboolean
put_row (CirtStore          *self,
         const char         *id,
         const CirtFinding  *f,
         GError            **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO finding (uuid, assessment, kind, title, description, pillar, phase, questions, position, author,"
    " created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, title = excluded.title,"
    " description = excluded.description, pillar = excluded.pillar, phase = excluded.phase,"
    " questions = excluded.questions, position = excluded.position, author = excluded.author,"
    " created_at = excluded.created_at, modified_at = excluded.modified_at"
    " WHERE finding.assessment = excluded.assessment", error);
  g_autofree char *questions = questions_text (f);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, f->id);
  _cirt_bind_text (stmt, 2, id);
  _cirt_bind_text (stmt, 3, cirt_finding_kind_to_string (f->kind));
  _cirt_bind_text (stmt, 4, f->title);
  _cirt_bind_text (stmt, 5, _cirt_empty_to_null (f->description));
  _cirt_bind_text (stmt, 6, cirt_pillar_to_string (f->pillar));
  _cirt_bind_text (stmt, 7, cirt_phase_to_string (f->phase));
  _cirt_bind_text (stmt, 8, questions);
  sqlite3_bind_int64 (stmt, 9, f->position);
  _cirt_bind_text (stmt, 10, _cirt_empty_to_null (f->author));
  _cirt_bind_text (stmt, 11, f->created_at);
  _cirt_bind_text (stmt, 12, f->modified_at);
  if (!_cirt_store_step (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      /* The UUID is another assessment's. */
      g_autofree char *shown = cirt_shorten_message (g_strdup (f->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("finding %s belongs to another assessment"), shown);
      return FALSE;
    }
  return TRUE;
}

static const char *
author_or_user (const char *author)
{
  return _cirt_empty_to_null (author) ? author : g_get_real_name ();
}

static gboolean
refuse_missing_assessment (CirtStore   *self,
                           const char  *id,
                           GError     **error)
{
  if (_cirt_store_assessment_exists (self, id))
    return FALSE;
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id ? id : "");
  return TRUE;
}

/* Inserts @f (its id, author and times set) at @position, the others from
 * there on moved down, and records it. */
static gboolean
insert_at (CirtStore    *self,
           const char   *id,
           CirtFinding  *f,
           guint         position,
           const char   *when,
           GError      **error)
{
  guint n = count_findings (self, id);

  f->position = MIN (position, n);
  if (f->position < n && !shift (self, id, f->position, n, 1, error))
    return FALSE;
  return put_row (self, id, f, error) &&
         insert_history (self, id, f->id, f->author, when, NULL, f, error);
}

char *
cirt_store_add_finding (CirtStore          *self,
                        const char         *id,
                        const CirtFinding  *finding,
                        GError            **error)
{
  g_autoptr(CirtFinding) f = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  if (refuse_missing_assessment (self, id, error) || !check_finding (self, id, finding, error))
    return NULL;
  f = cirt_finding_copy (finding);
  if (f->id == NULL)
    f->id = g_uuid_string_random ();
  else
    {
      char *lower = g_ascii_strdown (f->id, -1);
      g_free (f->id);
      f->id = lower;
    }
  g_free (f->author);
  f->author = g_strdup (author_or_user (finding->author));
  g_free (f->created_at);
  f->created_at = g_strdup (now);
  g_free (f->modified_at);
  f->modified_at = g_strdup (now);

  if (!_cirt_store_begin (self, error))
    return NULL;
  {
    g_autoptr(CirtFinding) there = lookup (self, id, f->id, &local_error);
    if (there != NULL)
      {
        g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                     _("there is already a finding %s"), f->id);
        goto fail;
      }
    if (local_error != NULL)
      goto fail;
  }
  if (!insert_at (self, id, f, finding->position, now, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return g_steal_pointer (&f->id);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cirt_store_update_finding (CirtStore          *self,
                           const char         *id,
                           const CirtFinding  *finding,
                           GError            **error)
{
  g_autoptr(CirtFinding) old = NULL, f = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_finding (self, id, finding, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup (self, id, finding->id, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_finding (&local_error, finding->id);
      goto fail;
    }
  if (cirt_finding_same_content (old, finding))
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  f = cirt_finding_copy (old);
  f->kind = finding->kind;
  f->pillar = finding->pillar;
  f->phase = finding->phase;
  g_free (f->title);
  f->title = g_strdup (finding->title);
  g_free (f->description);
  f->description = g_strdup (_cirt_empty_to_null (finding->description));
  g_strfreev (f->questions);
  f->questions = finding->questions && finding->questions[0] ? g_strdupv (finding->questions) : NULL;
  g_free (f->author);
  f->author = g_strdup (author_or_user (finding->author));
  g_free (f->modified_at);
  f->modified_at = g_strdup (now);
  if (!put_row (self, id, f, &local_error) ||
      !insert_history (self, id, f->id, f->author, now, old, f, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_remove_finding (CirtStore   *self,
                           const char  *id,
                           const char  *finding,
                           const char  *author,
                           GError     **error)
{
  g_autoptr(CirtFinding) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (refuse_missing_assessment (self, id, error) ||
      !_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup (self, id, finding, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_finding (&local_error, finding);
      goto fail;
    }
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM finding WHERE uuid = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, old->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  if (!shift (self, id, old->position + 1, G_MAXUINT, -1, &local_error) ||
      !insert_history (self, id, old->id, author_or_user (author), now, old, NULL, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_move_finding (CirtStore   *self,
                         const char  *id,
                         const char  *finding,
                         guint        position,
                         const char  *author,
                         GError     **error)
{
  g_autoptr(CirtFinding) old = NULL, f = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  guint n, to;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (refuse_missing_assessment (self, id, error) ||
      !_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup (self, id, finding, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_finding (&local_error, finding);
      goto fail;
    }
  n = count_findings (self, id);
  to = MIN (position, n - 1);
  if (to == old->position)
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  if ((to < old->position && !shift (self, id, to, old->position - 1, 1, &local_error)) ||
      (to > old->position && !shift (self, id, old->position + 1, to, -1, &local_error)))
    goto fail;
  f = cirt_finding_copy (old);
  f->position = to;
  /* A new place is not new content: modified_at stays, so a merge does
   * not take a move for an edit. */
  if (!put_row (self, id, f, &local_error) ||
      !insert_history (self, id, f->id, author_or_user (author), now, old, f, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
cirt_store_get_finding_history (CirtStore   *self,
                                const char  *id,
                                const char  *finding,
                                GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_finding_change_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, finding, author, changed_at, old_json, new_json FROM finding_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR finding = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, finding);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtFindingChange *c = g_new0 (CirtFindingChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->finding = _cirt_column_text (stmt, 1);
      c->author = _cirt_column_text (stmt, 2);
      c->changed_at = _cirt_column_text (stmt, 3);
      c->old_finding = cirt_finding_from_json ((const char *) sqlite3_column_text (stmt, 4));
      c->new_finding = cirt_finding_from_json ((const char *) sqlite3_column_text (stmt, 5));
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

/* When the finding was last removed here, if its last recorded change is a
 * removal (NULL otherwise). */
static char *
removed_at (CirtStore  *self,
            const char *id,
            const char *finding)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT changed_at, new_json IS NULL FROM finding_history WHERE assessment = ? AND finding = ?"
    " ORDER BY id DESC LIMIT 1", NULL);

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, finding);
  if (sqlite3_step (stmt) != SQLITE_ROW || !sqlite3_column_int (stmt, 1))
    return NULL;
  return _cirt_column_text (stmt, 0);
}

/* The content as both laptops can compare it: the place in the list aside. */
static char *
content_json (const CirtFinding *f)
{
  g_autoptr(CirtFinding) c = cirt_finding_copy (f);

  c->position = 0;
  return cirt_finding_to_json (c);
}

gboolean
cirt_store_import_finding (CirtStore          *self,
                           const char         *id,
                           const CirtFinding  *remote,
                           CirtFindingImport  *outcome,
                           GError            **error)
{
  g_autoptr(CirtFinding) local = NULL, f = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  CirtFindingImport result;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote != NULL && remote->id != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_finding (self, id, remote, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  local = lookup (self, id, remote->id, &local_error);
  if (local_error != NULL)
    goto fail;
  f = cirt_finding_copy (remote);
  g_free (f->id);
  f->id = g_ascii_strdown (remote->id, -1);
  if (local == NULL)
    {
      g_autofree char *removed = removed_at (self, id, f->id);

      /* Removed here after its last change over there: it stays removed. */
      if (removed != NULL && g_strcmp0 (removed, remote->modified_at) >= 0)
        result = CIRT_FINDING_IMPORT_KEPT;
      else
        {
          if (!insert_at (self, id, f, CIRT_FINDING_END, remote->modified_at, &local_error))
            goto fail;
          result = CIRT_FINDING_IMPORT_ADDED;
        }
    }
  else if (cirt_finding_same_content (local, remote))
    result = CIRT_FINDING_IMPORT_SAME;
  else
    {
      int cmp = g_strcmp0 (remote->modified_at, local->modified_at);

      if (cmp == 0)
        {
          g_autofree char *l = content_json (local);
          g_autofree char *r = content_json (remote);
          cmp = g_strcmp0 (r, l);
        }
      if (cmp > 0)
        {
          /* Its place here stays: the order is each laptop's own. */
          f->position = local->position;
          g_free (f->created_at);
          f->created_at = g_strdup (local->created_at);
          if (!put_row (self, id, f, &local_error) ||
              !insert_history (self, id, f->id, f->author, remote->modified_at, local, f, &local_error))
            goto fail;
          result = CIRT_FINDING_IMPORT_UPDATED;
        }
      else
        result = CIRT_FINDING_IMPORT_KEPT;
    }
  if (result == CIRT_FINDING_IMPORT_ADDED || result == CIRT_FINDING_IMPORT_UPDATED)
    {
      _cirt_store_touch (self, id, now);
      _cirt_store_changed (self, id, NULL);
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
