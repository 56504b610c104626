/* cirt-store-evidence.c — the evidence vault: items of evidence attached to
 * answers, their bytes as content-addressed blobs, their history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A blob (evidence_blob) is written once per SHA-256 and never changed. It
 * is kept while an item or a row of evidence_history names it (triggers of
 * the schema remove it with the last such row, i.e. when the last
 * assessment naming it is deleted). An item's history row carries its
 * blob's hash in a column of its own, so that the triggers find it. */
#include "config.h"

#include "cirt-store-evidence.h"
#include "cirt-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-file.h"

#define EVIDENCE_COLUMNS \
  "uuid, question, kind, name, url, mime, size, sha256, evidence_date, author, shareable, created_at, modified_at"

static CirtEvidence *
read_item (sqlite3_stmt *stmt)
{
  CirtEvidence *e = cirt_evidence_new ();

  e->id = _cirt_column_text (stmt, 0);
  e->question = _cirt_column_text (stmt, 1);
  cirt_evidence_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &e->kind);
  e->name = _cirt_column_text (stmt, 3);
  e->url = _cirt_column_text (stmt, 4);
  e->mime = _cirt_column_text (stmt, 5);
  e->size = sqlite3_column_int64 (stmt, 6);
  e->sha256 = _cirt_column_text (stmt, 7);
  e->date = _cirt_column_text (stmt, 8);
  e->author = _cirt_column_text (stmt, 9);
  e->shareable = sqlite3_column_int (stmt, 10) != 0;
  e->created_at = _cirt_column_text (stmt, 11);
  e->modified_at = _cirt_column_text (stmt, 12);
  return e;
}

static void
no_item (GError     **error,
         const char  *evidence)
{
  g_autofree char *shown = cirt_shorten_message (g_strdup (evidence ? evidence : ""));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no item of evidence %s"), shown);
}

/* The item, NULL without an error when there is none; *@assessment (may be
 * NULL) receives its assessment. */
static CirtEvidence *
lookup (CirtStore   *self,
        const char  *evidence,
        char       **assessment,
        GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT " EVIDENCE_COLUMNS ", assessment FROM evidence WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, evidence);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (assessment)
        *assessment = _cirt_column_text (stmt, 13);
      return read_item (stmt);
    }
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the evidence"));
  return NULL;
}

GPtrArray *
cirt_store_list_evidence (CirtStore   *self,
                          const char  *id,
                          const char  *question,
                          GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_evidence_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE assessment = ?1"
                                 " AND (?2 IS NULL OR question = ?2) ORDER BY question, created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_item (stmt));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the evidence"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

CirtEvidence *
cirt_store_get_evidence (CirtStore   *self,
                         const char  *evidence,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CirtEvidence *e;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  e = lookup (self, evidence, NULL, &local_error);
  if (e == NULL && local_error == NULL)
    no_item (&local_error, evidence);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return e;
}

char *
cirt_store_resolve_evidence (CirtStore   *self,
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
  /* Only what a UUID is made of: a prefix is never a pattern. */
  for (const char *c = lower; *c; c++)
    if (!g_ascii_isxdigit (*c) && *c != '-')
      {
        no_item (error, prefix);
        return NULL;
      }
  if (*lower == '\0')
    {
      no_item (error, prefix);
      return NULL;
    }
  stmt = _cirt_store_stmt (self, "SELECT uuid FROM evidence WHERE (?1 IS NULL OR assessment = ?1)"
                                 " AND substr (uuid, 1, length (?2)) = ?2", error);
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
      _cirt_store_fail (self, error, _("cannot read the evidence"));
      return NULL;
    }
  if (n == 0)
    {
      no_item (error, prefix);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   _("%s matches %u items of evidence; give more of its id"), lower, n);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* ------------------------------------------------------------------------ */
/* Checks and writing                                                       */

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

static gboolean
check_question (CirtStore   *self,
                const char  *id,
                const char  *question,
                GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM question q JOIN assessment_instrument ai ON ai.instrument = q.instrument"
    " WHERE ai.assessment = ? AND q.id = ?", error);
  g_autofree char *shown = NULL;

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

static const char *
author_or_user (const char *author)
{
  return _cirt_empty_to_null (author) ? author : g_get_real_name ();
}

static gboolean
insert_history (CirtStore          *self,
                const char         *id,
                const char         *evidence,
                const char         *author,
                const char         *when,
                const CirtEvidence *before,
                const CirtEvidence *after,
                GError            **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO evidence_history (assessment, evidence, author, changed_at, old_json, new_json, sha256)"
    " VALUES (?,?,?,?,?,?,?)", error);
  g_autofree char *old_json = cirt_evidence_to_json (before);
  g_autofree char *new_json = cirt_evidence_to_json (after);
  const char *sha = after ? after->sha256 : before ? before->sha256 : NULL;

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, evidence);
  _cirt_bind_text (stmt, 3, author);
  _cirt_bind_text (stmt, 4, when);
  _cirt_bind_text (stmt, 5, old_json);
  _cirt_bind_text (stmt, 6, new_json);
  _cirt_bind_text (stmt, 7, sha);
  return _cirt_store_step (self, stmt, error);
}

/* Writes the blob unless one of that hash is there. */
static gboolean
put_blob (CirtStore    *self,
          const char   *sha256,
          GBytes       *data,
          GError      **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO evidence_blob (sha256, size, data) VALUES (?,?,?) ON CONFLICT (sha256) DO NOTHING", error);
  gsize len;
  const void *bytes = g_bytes_get_data (data, &len);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, (gint64) len);
  sqlite3_bind_blob64 (stmt, 3, bytes, len, SQLITE_STATIC);
  return _cirt_store_step (self, stmt, error);
}

gboolean
cirt_store_has_evidence_blob (CirtStore  *self,
                              const char *sha256)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT 1 FROM evidence_blob WHERE sha256 = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, sha256);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
put_row (CirtStore          *self,
         const char         *id,
         const CirtEvidence *e,
         GError            **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO evidence (uuid, assessment, question, kind, name, url, mime, size, sha256, evidence_date, author,"
    " shareable, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (uuid) DO UPDATE SET question = excluded.question, kind = excluded.kind, name = excluded.name,"
    " url = excluded.url, mime = excluded.mime, size = excluded.size, sha256 = excluded.sha256,"
    " evidence_date = excluded.evidence_date, author = excluded.author, shareable = excluded.shareable,"
    " created_at = excluded.created_at, modified_at = excluded.modified_at"
    " WHERE evidence.assessment = excluded.assessment", error);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, e->id);
  _cirt_bind_text (stmt, 2, id);
  _cirt_bind_text (stmt, 3, e->question);
  _cirt_bind_text (stmt, 4, cirt_evidence_kind_to_string (e->kind));
  _cirt_bind_text (stmt, 5, e->name);
  _cirt_bind_text (stmt, 6, e->url);
  _cirt_bind_text (stmt, 7, e->mime);
  if (e->kind == CIRT_EVIDENCE_FILE)
    sqlite3_bind_int64 (stmt, 8, e->size);
  else
    sqlite3_bind_null (stmt, 8);
  _cirt_bind_text (stmt, 9, e->sha256);
  _cirt_bind_text (stmt, 10, _cirt_empty_to_null (e->date));
  _cirt_bind_text (stmt, 11, _cirt_empty_to_null (e->author));
  sqlite3_bind_int (stmt, 12, e->shareable ? 1 : 0);
  _cirt_bind_text (stmt, 13, e->created_at);
  _cirt_bind_text (stmt, 14, e->modified_at);
  if (!_cirt_store_step (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (e->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("item of evidence %s belongs to another assessment"), shown);
      return FALSE;
    }
  return TRUE;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_options (const CirtEvidenceOptions  *options,
               GError                    **error)
{
  return options == NULL ||
         (_cirt_check_date (_("evidence date"), options->date, error) &&
          _cirt_check_text (_("author"), options->author, FALSE, CIRT_MAX_SHORT_TEXT, error));
}

/* Adds @e (its id and times set here) in one transaction with its blob. */
static char *
add_item (CirtStore     *self,
          const char    *id,
          CirtEvidence  *e,
          GBytes        *data,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  e->id = g_uuid_string_random ();
  e->created_at = g_strdup (now);
  e->modified_at = g_strdup (now);
  if (!_cirt_store_begin (self, error))
    return NULL;
  if ((data != NULL && !put_blob (self, e->sha256, data, &local_error)) ||
      !put_row (self, id, e, &local_error) ||
      !insert_history (self, id, e->id, e->author, now, NULL, e, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, e->question);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return g_strdup (e->id);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static char *
add_file (CirtStore                  *self,
          const char                 *id,
          const char                 *question,
          const char                 *name,
          GBytes                     *data,
          const char                 *sha256,
          const char                 *mime,
          const CirtEvidenceOptions  *options,
          gboolean                   *name_cleaned,
          GError                    **error)
{
  g_autoptr(CirtEvidence) e = cirt_evidence_new ();
  g_autofree char *clean = NULL;

  clean = cirt_evidence_clean_name (name, name_cleaned, error);
  if (clean == NULL)
    return NULL;
  e->question = g_strdup (question);
  e->kind = CIRT_EVIDENCE_FILE;
  e->name = g_steal_pointer (&clean);
  e->mime = g_strdup (mime);
  e->size = (gint64) g_bytes_get_size (data);
  e->sha256 = g_strdup (sha256);
  e->date = g_strdup (options ? _cirt_empty_to_null (options->date) : NULL);
  e->author = g_strdup (author_or_user (options ? options->author : NULL));
  e->shareable = options && options->shareable;
  return add_item (self, id, e, data, error);
}

char *
cirt_store_add_evidence_file (CirtStore                  *self,
                              const char                 *id,
                              const char                 *question,
                              const char                 *path,
                              const CirtEvidenceOptions  *options,
                              gboolean                   *name_cleaned,
                              GError                    **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *sha = NULL, *base = NULL;
  const char *mime = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (refuse_missing_assessment (self, id, error) || !check_question (self, id, question, error) ||
      !check_options (options, error))
    return NULL;
  data = cirt_evidence_read_file (path, &sha, &mime, error);
  if (data == NULL)
    return NULL;
  if (options != NULL && options->name != NULL)
    base = g_strdup (options->name);
  else
    {
      g_autofree char *fs = g_path_get_basename (path);
      base = g_filename_to_utf8 (fs, -1, NULL, NULL, NULL);
      if (base == NULL)
        base = g_filename_display_basename (path);
    }
  return add_file (self, id, question, base, data, sha, mime, options, name_cleaned, error);
}

char *
cirt_store_add_evidence_bytes (CirtStore                  *self,
                               const char                 *id,
                               const char                 *question,
                               GBytes                     *data,
                               const CirtEvidenceOptions  *options,
                               gboolean                   *name_cleaned,
                               GError                    **error)
{
  g_autofree char *sha = NULL;
  const char *mime;
  gsize len = 0;
  const guint8 *bytes;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (data != NULL && options != NULL, NULL);

  if (refuse_missing_assessment (self, id, error) || !check_question (self, id, question, error) ||
      !check_options (options, error))
    return NULL;
  bytes = g_bytes_get_data (data, &len);
  if (len == 0)
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }
  if (len > CIRT_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *limit = cirt_evidence_format_size (CIRT_EVIDENCE_MAX_SIZE);
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_TOO_LARGE,
                   _("an item of evidence may be at most %s"), limit);
      return NULL;
    }
  mime = cirt_evidence_sniff (bytes, len);
  if (mime == NULL)
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_KIND,
                           _("its content is none of the kinds of document kept as evidence"));
      return NULL;
    }
  sha = cirt_evidence_sha256 (bytes, len);
  return add_file (self, id, question, options->name, data, sha, mime, options, name_cleaned, error);
}

char *
cirt_store_add_evidence_url (CirtStore                  *self,
                             const char                 *id,
                             const char                 *question,
                             const char                 *url,
                             const CirtEvidenceOptions  *options,
                             GError                    **error)
{
  g_autoptr(CirtEvidence) e = cirt_evidence_new ();
  g_autofree char *checked = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  if (refuse_missing_assessment (self, id, error) || !check_question (self, id, question, error) ||
      !check_options (options, error))
    return NULL;
  checked = cirt_evidence_check_url (url, error);
  if (checked == NULL)
    return NULL;
  e->question = g_strdup (question);
  e->kind = CIRT_EVIDENCE_URL;
  e->url = g_steal_pointer (&checked);
  e->date = options && _cirt_empty_to_null (options->date) ? g_strdup (options->date) : today ();
  e->author = g_strdup (author_or_user (options ? options->author : NULL));
  e->shareable = options && options->shareable;
  return add_item (self, id, e, NULL, error);
}

gboolean
cirt_store_remove_evidence (CirtStore   *self,
                            const char  *evidence,
                            const char  *author,
                            GError     **error)
{
  g_autoptr(CirtEvidence) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 (), *id = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup (self, evidence, &id, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_item (&local_error, evidence);
      goto fail;
    }
  /* The history row first: it names the blob, which the trigger on the
   * item's deletion then keeps. */
  if (!insert_history (self, id, old->id, author_or_user (author), now, old, NULL, &local_error))
    goto fail;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM evidence WHERE uuid = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, old->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, old->question);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_restore_evidence (CirtStore          *self,
                             const char         *id,
                             const CirtEvidence *evidence,
                             const char         *author,
                             GError            **error)
{
  g_autoptr(CirtEvidence) there = NULL, e = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (evidence != NULL && evidence->id != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_question (self, id, evidence->question, error) ||
      !_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  there = lookup (self, evidence->id, NULL, &local_error);
  if (local_error != NULL)
    goto fail;
  if (there != NULL)
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("there is already an item of evidence %s"), evidence->id);
      goto fail;
    }
  if (evidence->kind == CIRT_EVIDENCE_FILE && !cirt_store_has_evidence_blob (self, evidence->sha256))
    {
      g_set_error_literal (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                           _("the file's bytes are no longer in the database"));
      goto fail;
    }
  e = cirt_evidence_copy (evidence);
  g_free (e->modified_at);
  e->modified_at = g_strdup (now);
  if (!put_row (self, id, e, &local_error) ||
      !insert_history (self, id, e->id, author_or_user (author), now, NULL, e, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, e->question);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cirt_store_set_evidence_shareable (CirtStore   *self,
                                   const char  *evidence,
                                   gboolean     shareable,
                                   const char  *author,
                                   GError     **error)
{
  g_autoptr(CirtEvidence) old = NULL, e = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 (), *id = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup (self, evidence, &id, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_item (&local_error, evidence);
      goto fail;
    }
  if (!old->shareable == !shareable)
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  e = cirt_evidence_copy (old);
  e->shareable = shareable;
  g_free (e->modified_at);
  e->modified_at = g_strdup (now);
  if (!put_row (self, id, e, &local_error) ||
      !insert_history (self, id, e->id, author_or_user (author), now, old, e, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, e->question);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* The bytes                                                                */

GBytes *
cirt_store_get_evidence_data (CirtStore   *self,
                              const char  *sha256,
                              GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *actual = NULL;
  const void *bytes;
  gsize len;
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT data FROM evidence_blob WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _cirt_store_fail (self, error, _("cannot read the evidence"));
      else
        g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND,
                     _("the bytes of %s are not in the database"), sha256 ? sha256 : "");
      return NULL;
    }
  bytes = sqlite3_column_blob (stmt, 0);
  len = (gsize) sqlite3_column_bytes (stmt, 0);
  actual = cirt_evidence_sha256 (bytes, len);
  if (g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_HASH,
                   _("the stored bytes of %s do not match their SHA-256 (the database was damaged or edited)"),
                   sha256);
      return NULL;
    }
  return g_bytes_new (bytes, len);
}

gboolean
cirt_store_extract_evidence (CirtStore   *self,
                             const char  *evidence,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(CirtEvidence) e = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize len;
  const char *bytes;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  e = cirt_store_get_evidence (self, evidence, error);
  if (e == NULL)
    return FALSE;
  if (e->kind != CIRT_EVIDENCE_FILE)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("item %s is a web address (%s), not a file"), e->id, e->url);
      return FALSE;
    }
  data = cirt_store_get_evidence_data (self, e->sha256, error);
  if (data == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &len);
  return cirt_file_set_contents (path, bytes, (gssize) len, error);
}

gboolean
cirt_store_count_evidence_blobs (CirtStore   *self,
                                 guint       *n_blobs,
                                 gint64      *bytes,
                                 GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT count(*), coalesce (sum (size), 0) FROM evidence_blob",
                                               error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _cirt_store_fail (self, error, _("cannot read the evidence"));
  if (n_blobs)
    *n_blobs = (guint) sqlite3_column_int (stmt, 0);
  if (bytes)
    *bytes = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* History                                                                  */

void
cirt_evidence_change_free (CirtEvidenceChange *change)
{
  if (change == NULL)
    return;
  g_free (change->evidence);
  g_free (change->author);
  g_free (change->changed_at);
  cirt_evidence_free (change->old_evidence);
  cirt_evidence_free (change->new_evidence);
  g_free (change);
}

static GPtrArray *
read_history (CirtStore   *self,
              CirtStmt    *stmt,
              GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_evidence_change_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtEvidenceChange *c = g_new0 (CirtEvidenceChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->evidence = _cirt_column_text (stmt, 1);
      c->author = _cirt_column_text (stmt, 2);
      c->changed_at = _cirt_column_text (stmt, 3);
      c->old_evidence = cirt_evidence_from_json ((const char *) sqlite3_column_text (stmt, 4));
      c->new_evidence = cirt_evidence_from_json ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (result, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

GPtrArray *
cirt_store_get_evidence_history (CirtStore   *self,
                                 const char  *id,
                                 const char  *evidence,
                                 GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, evidence, author, changed_at, old_json, new_json FROM evidence_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR evidence = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, evidence);
  return read_history (self, stmt, error);
}

GPtrArray *
cirt_store_list_evidence_removals (CirtStore   *self,
                                   const char  *id,
                                   GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  /* The last row of each item gone from the table, when it is a removal. */
  stmt = _cirt_store_stmt (self,
    "SELECT h.id, h.evidence, h.author, h.changed_at, h.old_json, h.new_json FROM evidence_history h"
    " WHERE h.assessment = ?1 AND h.new_json IS NULL"
    "   AND h.id = (SELECT max (id) FROM evidence_history WHERE assessment = ?1 AND evidence = h.evidence)"
    "   AND NOT EXISTS (SELECT 1 FROM evidence WHERE uuid = h.evidence)"
    " ORDER BY h.id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  return read_history (self, stmt, error);
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                  */

/* When the item was last removed here, if its last change is a removal. */
static char *
removed_at (CirtStore  *self,
            const char *id,
            const char *evidence)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT changed_at, new_json IS NULL FROM evidence_history WHERE assessment = ? AND evidence = ?"
    " ORDER BY id DESC LIMIT 1", NULL);

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, evidence);
  if (sqlite3_step (stmt) != SQLITE_ROW || !sqlite3_column_int (stmt, 1))
    return NULL;
  return _cirt_column_text (stmt, 0);
}

static gboolean
check_remote (CirtStore           *self,
              const char          *id,
              const CirtEvidence  *remote,
              GBytes              *data,
              GError             **error)
{
  if (!check_question (self, id, remote->question, error))
    return FALSE;
  if (remote->kind == CIRT_EVIDENCE_FILE && data != NULL)
    {
      gsize len;
      const guint8 *bytes = g_bytes_get_data (data, &len);
      g_autofree char *sha = cirt_evidence_sha256 (bytes, len);

      if (g_strcmp0 (sha, remote->sha256) != 0 || (gint64) len != remote->size)
        {
          g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_HASH,
                       _("the bytes of \"%s\" do not match its SHA-256 or size"), remote->name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
cirt_store_import_evidence (CirtStore           *self,
                            const char          *id,
                            const CirtEvidence  *remote,
                            GBytes              *data,
                            CirtEvidenceImport  *outcome,
                            GError             **error)
{
  g_autoptr(CirtEvidence) local = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 (), *owner = NULL;
  CirtEvidenceImport result;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote != NULL && remote->id != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_remote (self, id, remote, data, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  if (remote->kind == CIRT_EVIDENCE_FILE && !cirt_store_has_evidence_blob (self, remote->sha256))
    {
      if (data == NULL)
        {
          g_set_error (&local_error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_HASH,
                       _("the bytes of \"%s\" are missing"), remote->name);
          goto fail;
        }
      if (!put_blob (self, remote->sha256, data, &local_error))
        goto fail;
    }
  local = lookup (self, remote->id, &owner, &local_error);
  if (local_error != NULL)
    goto fail;
  if (local != NULL && g_strcmp0 (owner, id) != 0)
    {
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("item of evidence %s belongs to another assessment"), remote->id);
      goto fail;
    }
  if (local == NULL)
    {
      g_autofree char *removed = removed_at (self, id, remote->id);

      if (removed != NULL && g_strcmp0 (removed, remote->modified_at) >= 0)
        result = CIRT_EVIDENCE_IMPORT_KEPT;
      else
        {
          if (!put_row (self, id, remote, &local_error) ||
              !insert_history (self, id, remote->id, remote->author, remote->modified_at, NULL, remote,
                               &local_error))
            goto fail;
          result = CIRT_EVIDENCE_IMPORT_ADDED;
        }
    }
  else if (cirt_evidence_same_content (local, remote))
    result = CIRT_EVIDENCE_IMPORT_SAME;
  else
    {
      int cmp = g_strcmp0 (remote->modified_at, local->modified_at);

      if (cmp == 0)
        {
          g_autofree char *l = cirt_evidence_to_json (local);
          g_autofree char *r = cirt_evidence_to_json (remote);
          cmp = g_strcmp0 (r, l);
        }
      if (cmp > 0)
        {
          g_autoptr(CirtEvidence) e = cirt_evidence_copy (remote);

          g_free (e->created_at);
          e->created_at = g_strdup (local->created_at);
          if (!put_row (self, id, e, &local_error) ||
              !insert_history (self, id, e->id, e->author, remote->modified_at, local, e, &local_error))
            goto fail;
          result = CIRT_EVIDENCE_IMPORT_UPDATED;
        }
      else
        result = CIRT_EVIDENCE_IMPORT_KEPT;
    }
  if (result == CIRT_EVIDENCE_IMPORT_ADDED || result == CIRT_EVIDENCE_IMPORT_UPDATED)
    {
      _cirt_store_touch (self, id, now);
      _cirt_store_changed (self, id, remote->question);
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

gboolean
cirt_store_import_evidence_removal (CirtStore          *self,
                                    const char         *id,
                                    const char         *evidence,
                                    const char         *author,
                                    const char         *removed,
                                    CirtEvidenceImport *outcome,
                                    GError            **error)
{
  g_autoptr(CirtEvidence) local = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 (), *owner = NULL;
  CirtEvidenceImport result = CIRT_EVIDENCE_IMPORT_SAME;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (refuse_missing_assessment (self, id, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  local = lookup (self, evidence, &owner, &local_error);
  if (local_error != NULL)
    goto fail;
  if (local != NULL && g_strcmp0 (owner, id) == 0)
    {
      if (g_strcmp0 (removed, local->modified_at) >= 0)
        {
          g_autoptr(CirtStmt) stmt = NULL;

          if (!insert_history (self, id, local->id, author, removed, local, NULL, &local_error))
            goto fail;
          stmt = _cirt_store_stmt (self, "DELETE FROM evidence WHERE uuid = ?", &local_error);
          if (stmt == NULL)
            goto fail;
          _cirt_bind_text (stmt, 1, local->id);
          if (!_cirt_store_step (self, stmt, &local_error))
            goto fail;
          _cirt_store_touch (self, id, now);
          _cirt_store_changed (self, id, local->question);
          result = CIRT_EVIDENCE_IMPORT_REMOVED;
        }
      else
        result = CIRT_EVIDENCE_IMPORT_KEPT;
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

/* ------------------------------------------------------------------------ */
/* The scoring option                                                       */

gboolean
cirt_store_get_evidenced_only (CirtStore   *self,
                               const char  *id,
                               gboolean    *on,
                               GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT evidenced_only FROM assessment WHERE uuid = ?", error);
  int rc;

  *on = FALSE;
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *on = sqlite3_column_int (stmt, 0) != 0;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (self, error, _("cannot read the assessment"));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no assessment %s"), id ? id : "");
  return FALSE;
}

gboolean
cirt_store_set_evidenced_only (CirtStore   *self,
                               const char  *id,
                               gboolean     on,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  gboolean was;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (!cirt_store_get_evidenced_only (self, id, &was, error))
    return FALSE;
  if (!was == !on)
    return TRUE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "UPDATE assessment SET evidenced_only = ? WHERE uuid = ?",
                                                 &local_error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int (stmt, 1, on ? 1 : 0);
    _cirt_bind_text (stmt, 2, id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GHashTable *
cirt_store_evidenced_questions (CirtStore   *self,
                                const char  *id,
                                GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "SELECT DISTINCT question FROM evidence WHERE assessment = ?",
                                               error);
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, _cirt_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the evidence"));
      return NULL;
    }
  return g_steal_pointer (&set);
}
