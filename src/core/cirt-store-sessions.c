/* cirt-store-sessions.c — interview sessions, statements and the record of
 * every change made to them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session's lists (stakeholders, assessors, sections) are kept as JSON
 * arrays of texts. A change of content sets modified_at, which is what a
 * merge compares; every change writes a row of interview_history in the
 * same transaction. */
#include "config.h"

#include "cirt-store-sessions.h"
#include "cirt-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define SESSION_COLUMNS \
  "uuid, held_on, start_time, end_time, place, stakeholders, assessors, sections, notes, author, created_at," \
  " modified_at"
#define STATEMENT_COLUMNS \
  "uuid, question, stakeholder, session, text, author, created_at, modified_at"

/* ------------------------------------------------------------------------ */
/* Lists as JSON arrays                                                     */

static char *
list_to_text (char **values)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static GStrv
list_from_text (const char *text)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *arr;

  if (text == NULL || (root = json_from_string (text, NULL)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  arr = json_node_get_array (root);
  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *e = json_array_get_element (arr, i);
      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_ptr_array_add (items, g_strdup (json_node_get_string (e)));
    }
  if (items->len == 0)
    return NULL;
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_steal (items, NULL);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

static CirtInterview *
read_interview (sqlite3_stmt *stmt)
{
  CirtInterview *s = cirt_interview_new ();

  s->id = _cirt_column_text (stmt, 0);
  s->date = _cirt_column_text (stmt, 1);
  s->start_time = _cirt_column_text (stmt, 2);
  s->end_time = _cirt_column_text (stmt, 3);
  s->place = _cirt_column_text (stmt, 4);
  s->stakeholders = list_from_text ((const char *) sqlite3_column_text (stmt, 5));
  s->assessors = list_from_text ((const char *) sqlite3_column_text (stmt, 6));
  s->sections = list_from_text ((const char *) sqlite3_column_text (stmt, 7));
  s->notes = _cirt_column_text (stmt, 8);
  s->author = _cirt_column_text (stmt, 9);
  s->created_at = _cirt_column_text (stmt, 10);
  s->modified_at = _cirt_column_text (stmt, 11);
  return s;
}

static CirtStatement *
read_statement (sqlite3_stmt *stmt)
{
  CirtStatement *s = cirt_statement_new ();

  s->id = _cirt_column_text (stmt, 0);
  s->question = _cirt_column_text (stmt, 1);
  s->stakeholder = _cirt_column_text (stmt, 2);
  s->session = _cirt_column_text (stmt, 3);
  s->text = _cirt_column_text (stmt, 4);
  s->author = _cirt_column_text (stmt, 5);
  s->created_at = _cirt_column_text (stmt, 6);
  s->modified_at = _cirt_column_text (stmt, 7);
  return s;
}

GPtrArray *
cirt_store_list_interviews (CirtStore   *self,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_interview_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " SESSION_COLUMNS " FROM interview_session WHERE assessment = ?"
                                 " ORDER BY held_on, start_time IS NULL, start_time, created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_interview (stmt));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the interview sessions"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

static CirtInterview *
lookup_interview (CirtStore   *self,
                  const char  *id,
                  const char  *session,
                  GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT " SESSION_COLUMNS " FROM interview_session WHERE assessment = ? AND uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, session);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_interview (stmt);
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the interview sessions"));
  return NULL;
}

static CirtStatement *
lookup_statement (CirtStore   *self,
                  const char  *id,
                  const char  *statement,
                  GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT " STATEMENT_COLUMNS " FROM statement WHERE assessment = ? AND uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, statement);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_statement (stmt);
  if (rc != SQLITE_DONE)
    _cirt_store_fail (self, error, _("cannot read the statements"));
  return NULL;
}

static void
no_interview (GError     **error,
              const char  *session)
{
  g_autofree char *shown = cirt_shorten_message (g_strdup (session ? session : ""));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no interview session %s in this assessment"),
               shown);
}

static void
no_statement (GError     **error,
              const char  *statement)
{
  g_autofree char *shown = cirt_shorten_message (g_strdup (statement ? statement : ""));
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no statement %s in this assessment"), shown);
}

CirtInterview *
cirt_store_get_interview (CirtStore   *self,
                          const char  *id,
                          const char  *session,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CirtInterview *s;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  s = lookup_interview (self, id, session, &local_error);
  if (s == NULL && local_error == NULL)
    no_interview (&local_error, session);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return s;
}

GPtrArray *
cirt_store_list_statements (CirtStore   *self,
                            const char  *id,
                            const char  *question,
                            GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_statement_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self, "SELECT " STATEMENT_COLUMNS " FROM statement WHERE assessment = ?1"
                                 " AND (?2 IS NULL OR question = ?2) ORDER BY created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, question);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, read_statement (stmt));
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the statements"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* The one UUID of @table in the assessment starting with @prefix. */
static char *
resolve (CirtStore   *self,
         const char  *id,
         const char  *prefix,
         gboolean     statement,
         GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autofree char *lower = NULL, *found = NULL;
  guint n = 0;
  int rc;

  lower = g_ascii_strdown (prefix ? prefix : "", -1);
  /* Only what a UUID is made of: a prefix is never a LIKE pattern. */
  for (const char *c = lower; *c; c++)
    if (!g_ascii_isxdigit (*c) && *c != '-')
      {
        *lower = '\0';
        break;
      }
  if (*lower == '\0')
    {
      if (statement)
        no_statement (error, prefix);
      else
        no_interview (error, prefix);
      return NULL;
    }
  if (statement)
    stmt = _cirt_store_stmt (self, "SELECT uuid FROM statement WHERE assessment = ?"
                                   " AND substr (uuid, 1, length (?2)) = ?2", error);
  else
    stmt = _cirt_store_stmt (self, "SELECT uuid FROM interview_session WHERE assessment = ?"
                                   " AND substr (uuid, 1, length (?2)) = ?2", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, lower);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (n++ == 0)
      found = _cirt_column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the database"));
      return NULL;
    }
  if (n == 0)
    {
      if (statement)
        no_statement (error, prefix);
      else
        no_interview (error, prefix);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   statement ? _("%s matches %u statements; give more of its id")
                             : _("%s matches %u interview sessions; give more of its id"), lower, n);
      return NULL;
    }
  return g_steal_pointer (&found);
}

char *
cirt_store_resolve_interview (CirtStore   *self,
                              const char  *id,
                              const char  *prefix,
                              GError     **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  return resolve (self, id, prefix, FALSE, error);
}

char *
cirt_store_resolve_statement (CirtStore   *self,
                              const char  *id,
                              const char  *prefix,
                              GError     **error)
{
  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  return resolve (self, id, prefix, TRUE, error);
}

gboolean
cirt_store_knows_interview (CirtStore  *self,
                            const char *id,
                            const char *session)
{
  g_autoptr(CirtStmt) stmt = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM interview_session WHERE assessment = ?1 AND uuid = ?2"
    " UNION ALL SELECT 1 FROM interview_history WHERE assessment = ?1 AND kind = 'session' AND record = ?2 LIMIT 1",
    NULL);
  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, session);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

GPtrArray *
cirt_store_get_interview_history (CirtStore   *self,
                                  const char  *id,
                                  const char  *record,
                                  GError     **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_interview_change_free);
  int rc;

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  stmt = _cirt_store_stmt (self,
    "SELECT id, kind, record, author, changed_at, old_json, new_json FROM interview_history"
    " WHERE assessment = ?1 AND (?2 IS NULL OR record = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, record);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirtInterviewChange *c = g_new0 (CirtInterviewChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->kind = _cirt_column_text (stmt, 1);
      c->record = _cirt_column_text (stmt, 2);
      c->author = _cirt_column_text (stmt, 3);
      c->changed_at = _cirt_column_text (stmt, 4);
      c->old_json = _cirt_column_text (stmt, 5);
      c->new_json = _cirt_column_text (stmt, 6);
      g_ptr_array_add (result, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cirt_store_fail (self, error, _("cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&result);
}

char *
cirt_store_resolve_stakeholder (CirtStore   *self,
                                const char  *id,
                                const char  *text,
                                GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *shown = cirt_shorten_message (g_strdup (text ? text : ""));
  g_autofree char *lower = g_ascii_strdown (text ? text : "", -1);
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  CirtStakeholder *found = NULL;
  guint n = 0;
  gboolean digits = *lower != '\0', hex = *lower != '\0';

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);

  people = cirt_store_list_stakeholders (self, id, error);
  if (people == NULL)
    return NULL;
  for (const char *c = lower; *c; c++)
    {
      digits = digits && g_ascii_isdigit (*c);
      hex = hex && (g_ascii_isxdigit (*c) || *c == '-');
    }
  /* Its number first, then the start of its UUID, then its name. */
  for (guint pass = 0; pass < 3 && n == 0; pass++)
    for (guint i = 0; i < people->len; i++)
      {
        CirtStakeholder *p = g_ptr_array_index (people, i);
        gboolean match = FALSE;

        if (pass == 0 && digits)
          match = g_ascii_strtoll (lower, NULL, 10) == p->id;
        else if (pass == 1 && hex && p->uuid != NULL)
          match = g_str_has_prefix (p->uuid, lower);
        else if (pass == 2 && p->name != NULL)
          {
            g_autofree char *name = g_utf8_casefold (p->name, -1);
            match = strcmp (name, folded) == 0;
          }
        if (match && n++ == 0)
          found = p;
      }
  if (n == 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND, _("no stakeholder %s in this assessment"),
                   shown);
      return NULL;
    }
  if (n > 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_AMBIGUOUS,
                   _("%s matches %u stakeholders; give more of their id"), shown, n);
      return NULL;
    }
  return g_strdup (found->uuid);
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                   */

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
is_stakeholder_of (CirtStore  *self,
                   const char *id,
                   const char *uuid)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT 1 FROM stakeholder WHERE assessment = ? AND uuid = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, uuid);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

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
is_section_of (GPtrArray  *instruments,
               const char *section)
{
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        if (strcmp (cirt_instrument_get_section (inst, s)->id, section) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
in_list (char       **list,
         const char  *value)
{
  return list != NULL && g_strv_contains ((const char * const *) list, value);
}

static gboolean
check_list (const char  *what,
            char       **list,
            GError     **error)
{
  guint n = list ? g_strv_length (list) : 0;

  if (n > CIRT_MAX_SESSION_ITEMS)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("a session lists at most %u %s"),
                   (guint) CIRT_MAX_SESSION_ITEMS, what);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < i; j++)
      if (strcmp (list[i], list[j]) == 0)
        {
          g_autofree char *shown = cirt_shorten_message (g_strdup (list[i]));
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("%s is given twice for one session"),
                       shown);
          return FALSE;
        }
  return TRUE;
}

/* @before: the session as stored (its people and sections stay accepted
 * when they have been removed since), or NULL. @strict FALSE (a merge):
 * stakeholders removed on the other laptop are kept as named. */
static gboolean
check_interview (CirtStore            *self,
                 const char           *id,
                 const CirtInterview  *s,
                 const CirtInterview  *before,
                 gboolean              strict,
                 GError              **error)
{
  g_autoptr(GPtrArray) instruments = NULL;

  if (!_cirt_check_text (_("date"), s->date, TRUE, 64, error) ||
      !cirt_interview_check_name (_("place"), s->place, error) ||
      !cirt_interview_check_free_text (_("notes"), s->notes, CIRT_MAX_TEXT, error) ||
      !_cirt_check_text (_("author"), s->author, FALSE, CIRT_MAX_SHORT_TEXT, error) ||
      !check_list (_("stakeholders"), s->stakeholders, error) ||
      !check_list (_("assessors"), s->assessors, error) ||
      !check_list (_("sections"), s->sections, error))
    return FALSE;
  if (!cirt_interview_date_is_valid (s->date))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->date));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("the date \"%s\" is not a date; write it as YYYY-MM-DD"), shown);
      return FALSE;
    }
  if ((s->start_time != NULL && *s->start_time && !cirt_interview_time_is_valid (s->start_time)) ||
      (s->end_time != NULL && *s->end_time && !cirt_interview_time_is_valid (s->end_time)))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("a time of a session is not a time of day; write it as HH:MM (24 hours)"));
      return FALSE;
    }
  if (s->start_time != NULL && *s->start_time && s->end_time != NULL && *s->end_time &&
      strcmp (s->end_time, s->start_time) < 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("a session cannot end before it starts"));
      return FALSE;
    }
  if (s->id != NULL && !g_uuid_string_is_valid (s->id))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not a session id (a UUID)"),
                   shown);
      return FALSE;
    }
  for (guint i = 0; s->assessors != NULL && s->assessors[i] != NULL; i++)
    {
      if (cirt_text_is_blank (s->assessors[i]))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("the name of an assessor is empty"));
          return FALSE;
        }
      if (!cirt_interview_check_name (_("name of an assessor"), s->assessors[i], error))
        return FALSE;
    }
  for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
    {
      const char *u = s->stakeholders[i];
      g_autofree char *shown = cirt_shorten_message (g_strdup (u));

      if (!g_uuid_string_is_valid (u))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not a stakeholder id (a UUID)"),
                       shown);
          return FALSE;
        }
      if (strict && !(before && in_list (before->stakeholders, u)) && !is_stakeholder_of (self, id, u))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("no stakeholder %s in this assessment"),
                       shown);
          return FALSE;
        }
    }
  if (s->sections != NULL && s->sections[0] != NULL)
    {
      instruments = cirt_store_get_instruments (self, id, error);
      if (instruments == NULL)
        return FALSE;
      for (guint i = 0; s->sections[i] != NULL; i++)
        if (!is_section_of (instruments, s->sections[i]))
          {
            g_autofree char *shown = cirt_shorten_message (g_strdup (s->sections[i]));
            g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                         _("no section \"%s\" in this assessment's instruments"), shown);
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
check_statement (CirtStore            *self,
                 const char           *id,
                 const CirtStatement  *s,
                 gboolean              strict,
                 GError              **error)
{
  g_autofree char *q = cirt_shorten_message (g_strdup (s->question ? s->question : ""));

  if (s->text == NULL || cirt_text_is_blank (s->text))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("the statement must not be empty"));
      return FALSE;
    }
  if (strlen (s->text) > CIRT_MAX_STATEMENT)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("the statement is too long (%.1f KB; at most %u KB is kept for one statement: attach a longer "
                     "text as evidence)"), strlen (s->text) / 1024.0, (guint) (CIRT_MAX_STATEMENT / 1024));
      return FALSE;
    }
  if (!cirt_interview_check_free_text (_("statement"), s->text, CIRT_MAX_STATEMENT, error) ||
      !_cirt_check_text (_("author"), s->author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (s->id != NULL && !g_uuid_string_is_valid (s->id))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("\"%s\" is not a statement id (a UUID)"),
                   shown);
      return FALSE;
    }
  if (s->question == NULL || !is_question_of (self, id, s->question))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("no question \"%s\" in this assessment's instruments"), q);
      return FALSE;
    }
  if (s->stakeholder == NULL || !g_uuid_string_is_valid (s->stakeholder) ||
      (strict && !is_stakeholder_of (self, id, s->stakeholder)))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->stakeholder ? s->stakeholder : ""));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("no stakeholder %s in this assessment"),
                   shown);
      return FALSE;
    }
  if (s->session != NULL && *s->session != '\0' &&
      (!g_uuid_string_is_valid (s->session) || (strict && !cirt_store_knows_interview (self, id, s->session))))
    {
      no_interview (error, s->session);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static gboolean
insert_history (CirtStore   *self,
                const char  *id,
                const char  *kind,
                const char  *record,
                const char  *author,
                const char  *when,
                const char  *old_json,
                const char  *new_json,
                GError     **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO interview_history (assessment, kind, record, author, changed_at, old_json, new_json)"
    " VALUES (?,?,?,?,?,?,?)", error);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, kind);
  _cirt_bind_text (stmt, 3, record);
  _cirt_bind_text (stmt, 4, author);
  _cirt_bind_text (stmt, 5, when);
  _cirt_bind_text (stmt, 6, old_json);
  _cirt_bind_text (stmt, 7, new_json);
  return _cirt_store_step (self, stmt, error);
}

static gboolean
session_history (CirtStore            *self,
                 const char           *id,
                 const char           *record,
                 const char           *author,
                 const char           *when,
                 const CirtInterview  *before,
                 const CirtInterview  *after,
                 GError              **error)
{
  g_autofree char *old_json = cirt_interview_to_json (before);
  g_autofree char *new_json = cirt_interview_to_json (after);

  return insert_history (self, id, "session", record, author, when, old_json, new_json, error);
}

static gboolean
statement_history (CirtStore            *self,
                   const char           *id,
                   const char           *record,
                   const char           *author,
                   const char           *when,
                   const CirtStatement  *before,
                   const CirtStatement  *after,
                   GError              **error)
{
  g_autofree char *old_json = cirt_statement_to_json (before);
  g_autofree char *new_json = cirt_statement_to_json (after);

  return insert_history (self, id, "statement", record, author, when, old_json, new_json, error);
}

static gboolean
put_interview (CirtStore            *self,
               const char           *id,
               const CirtInterview  *s,
               GError              **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO interview_session (uuid, assessment, held_on, start_time, end_time, place, stakeholders,"
    " assessors, sections, notes, author, created_at, modified_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (uuid) DO UPDATE SET held_on = excluded.held_on, start_time = excluded.start_time,"
    " end_time = excluded.end_time, place = excluded.place, stakeholders = excluded.stakeholders,"
    " assessors = excluded.assessors, sections = excluded.sections, notes = excluded.notes,"
    " author = excluded.author, created_at = excluded.created_at, modified_at = excluded.modified_at"
    " WHERE interview_session.assessment = excluded.assessment", error);
  g_autofree char *stakeholders = list_to_text (s->stakeholders);
  g_autofree char *assessors = list_to_text (s->assessors);
  g_autofree char *sections = list_to_text (s->sections);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, s->id);
  _cirt_bind_text (stmt, 2, id);
  _cirt_bind_text (stmt, 3, s->date);
  _cirt_bind_text (stmt, 4, _cirt_empty_to_null (s->start_time));
  _cirt_bind_text (stmt, 5, _cirt_empty_to_null (s->end_time));
  _cirt_bind_text (stmt, 6, _cirt_empty_to_null (s->place));
  _cirt_bind_text (stmt, 7, stakeholders);
  _cirt_bind_text (stmt, 8, assessors);
  _cirt_bind_text (stmt, 9, sections);
  _cirt_bind_text (stmt, 10, _cirt_empty_to_null (s->notes));
  _cirt_bind_text (stmt, 11, _cirt_empty_to_null (s->author));
  _cirt_bind_text (stmt, 12, s->created_at);
  _cirt_bind_text (stmt, 13, s->modified_at);
  if (!_cirt_store_step (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("interview session %s belongs to another assessment"), shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
put_statement (CirtStore            *self,
               const char           *id,
               const CirtStatement  *s,
               GError              **error)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "INSERT INTO statement (uuid, assessment, question, stakeholder, session, text, author, created_at, modified_at)"
    " VALUES (?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT (uuid) DO UPDATE SET question = excluded.question, stakeholder = excluded.stakeholder,"
    " session = excluded.session, text = excluded.text, author = excluded.author,"
    " created_at = excluded.created_at, modified_at = excluded.modified_at"
    " WHERE statement.assessment = excluded.assessment", error);

  if (stmt == NULL)
    return FALSE;
  _cirt_bind_text (stmt, 1, s->id);
  _cirt_bind_text (stmt, 2, id);
  _cirt_bind_text (stmt, 3, s->question);
  _cirt_bind_text (stmt, 4, s->stakeholder);
  _cirt_bind_text (stmt, 5, _cirt_empty_to_null (s->session));
  _cirt_bind_text (stmt, 6, s->text);
  _cirt_bind_text (stmt, 7, _cirt_empty_to_null (s->author));
  _cirt_bind_text (stmt, 8, s->created_at);
  _cirt_bind_text (stmt, 9, s->modified_at);
  if (!_cirt_store_step (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (s->id));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("statement %s belongs to another assessment"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

static const char *
author_or_user (const char *author)
{
  return _cirt_empty_to_null (author) ? author : g_get_real_name ();
}

static char *
lower_or_new (const char *uuid)
{
  return uuid ? g_ascii_strdown (uuid, -1) : g_uuid_string_random ();
}

/* A copy with empty texts as NULL and ids in lower case. */
static CirtInterview *
clean_interview (const CirtInterview *in)
{
  CirtInterview *s = cirt_interview_copy (in);

  for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
    {
      char *lower = g_ascii_strdown (s->stakeholders[i], -1);
      g_free (s->stakeholders[i]);
      s->stakeholders[i] = lower;
    }
  if (s->stakeholders != NULL && s->stakeholders[0] == NULL)
    g_clear_pointer (&s->stakeholders, g_strfreev);
  if (s->assessors != NULL && s->assessors[0] == NULL)
    g_clear_pointer (&s->assessors, g_strfreev);
  if (s->sections != NULL && s->sections[0] == NULL)
    g_clear_pointer (&s->sections, g_strfreev);
#define NULL_IF_EMPTY(f) if (s->f != NULL && *s->f == '\0') g_clear_pointer (&s->f, g_free)
  NULL_IF_EMPTY (start_time);
  NULL_IF_EMPTY (end_time);
  NULL_IF_EMPTY (place);
  NULL_IF_EMPTY (notes);
#undef NULL_IF_EMPTY
  return s;
}

char *
cirt_store_add_interview (CirtStore            *self,
                          const char           *id,
                          const CirtInterview  *interview,
                          GError              **error)
{
  g_autoptr(CirtInterview) s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (interview != NULL, NULL);

  s = clean_interview (interview);
  if (refuse_missing_assessment (self, id, error) || !check_interview (self, id, s, NULL, TRUE, error))
    return NULL;
  g_free (s->id);
  s->id = lower_or_new (interview->id);
  g_free (s->author);
  s->author = g_strdup (author_or_user (interview->author));
  g_free (s->created_at);
  s->created_at = g_strdup (now);
  g_free (s->modified_at);
  s->modified_at = g_strdup (now);

  if (!_cirt_store_begin (self, error))
    return NULL;
  {
    g_autoptr(CirtInterview) there = lookup_interview (self, id, s->id, &local_error);
    if (there != NULL)
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("there is already a session %s"),
                   s->id);
    if (local_error != NULL)
      goto fail;
  }
  if (!put_interview (self, id, s, &local_error) ||
      !session_history (self, id, s->id, s->author, now, NULL, s, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return g_steal_pointer (&s->id);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cirt_store_update_interview (CirtStore            *self,
                             const char           *id,
                             const CirtInterview  *interview,
                             GError              **error)
{
  g_autoptr(CirtInterview) old = NULL, s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (interview != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error))
    return FALSE;
  uuid = interview->id ? g_ascii_strdown (interview->id, -1) : NULL;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup_interview (self, id, uuid, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_interview (&local_error, interview->id);
      goto fail;
    }
  s = clean_interview (interview);
  if (!check_interview (self, id, s, old, TRUE, &local_error))
    goto fail;
  if (cirt_interview_same_content (old, s))
    {
      _cirt_store_rollback (self);
      return TRUE;
    }
  g_free (s->id);
  s->id = g_strdup (old->id);
  g_free (s->author);
  s->author = g_strdup (author_or_user (interview->author));
  g_free (s->created_at);
  s->created_at = g_strdup (old->created_at);
  g_free (s->modified_at);
  s->modified_at = g_strdup (now);
  if (!put_interview (self, id, s, &local_error) ||
      !session_history (self, id, s->id, s->author, now, old, s, &local_error))
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
cirt_store_remove_interview (CirtStore   *self,
                             const char  *id,
                             const char  *session,
                             const char  *author,
                             GError     **error)
{
  g_autoptr(CirtInterview) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (refuse_missing_assessment (self, id, error) ||
      !_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup_interview (self, id, session, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_interview (&local_error, session);
      goto fail;
    }
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM interview_session WHERE uuid = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, old->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  if (!session_history (self, id, old->id, author_or_user (author), now, old, NULL, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
cirt_store_add_statement (CirtStore            *self,
                          const char           *id,
                          const CirtStatement  *statement,
                          GError              **error)
{
  g_autoptr(CirtStatement) s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), NULL);
  g_return_val_if_fail (statement != NULL, NULL);

  if (refuse_missing_assessment (self, id, error) || !check_statement (self, id, statement, TRUE, error))
    return NULL;
  s = cirt_statement_copy (statement);
  g_free (s->id);
  s->id = lower_or_new (statement->id);
  g_free (s->stakeholder);
  s->stakeholder = g_ascii_strdown (statement->stakeholder, -1);
  g_free (s->session);
  s->session = statement->session && *statement->session ? g_ascii_strdown (statement->session, -1) : NULL;
  g_free (s->author);
  s->author = g_strdup (author_or_user (statement->author));
  g_free (s->created_at);
  s->created_at = g_strdup (now);
  g_free (s->modified_at);
  s->modified_at = g_strdup (now);

  if (!_cirt_store_begin (self, error))
    return NULL;
  {
    g_autoptr(CirtStatement) there = lookup_statement (self, id, s->id, &local_error);
    if (there != NULL)
      g_set_error (&local_error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("there is already a statement %s"),
                   s->id);
    if (local_error != NULL)
      goto fail;
  }
  if (!put_statement (self, id, s, &local_error) ||
      !statement_history (self, id, s->id, s->author, now, NULL, s, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  if (!_cirt_store_commit (self, &local_error))
    goto fail;
  return g_steal_pointer (&s->id);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cirt_store_remove_statement (CirtStore   *self,
                             const char  *id,
                             const char  *statement,
                             const char  *author,
                             GError     **error)
{
  g_autoptr(CirtStatement) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);

  if (refuse_missing_assessment (self, id, error) ||
      !_cirt_check_text (_("author"), author, FALSE, CIRT_MAX_SHORT_TEXT, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  old = lookup_statement (self, id, statement, &local_error);
  if (old == NULL)
    {
      if (local_error == NULL)
        no_statement (&local_error, statement);
      goto fail;
    }
  {
    g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self, "DELETE FROM statement WHERE uuid = ?", &local_error);
    if (stmt == NULL)
      goto fail;
    _cirt_bind_text (stmt, 1, old->id);
    if (!_cirt_store_step (self, stmt, &local_error))
      goto fail;
  }
  if (!statement_history (self, id, old->id, author_or_user (author), now, old, NULL, &local_error))
    goto fail;
  _cirt_store_touch (self, id, now);
  _cirt_store_changed (self, id, NULL);
  return _cirt_store_commit (self, error);

fail:
  _cirt_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                  */

/* When the record was last removed here, if its last recorded change is a
 * removal (NULL otherwise). */
static char *
removed_at (CirtStore  *self,
            const char *id,
            const char *record)
{
  g_autoptr(CirtStmt) stmt = _cirt_store_stmt (self,
    "SELECT changed_at, new_json IS NULL FROM interview_history WHERE assessment = ? AND record = ?"
    " ORDER BY id DESC LIMIT 1", NULL);

  if (stmt == NULL)
    return NULL;
  _cirt_bind_text (stmt, 1, id);
  _cirt_bind_text (stmt, 2, record);
  if (sqlite3_step (stmt) != SQLITE_ROW || !sqlite3_column_int (stmt, 1))
    return NULL;
  return _cirt_column_text (stmt, 0);
}

/* -1, 0, 1: which of two versions wins (the later change; on a tie the
 * greater content, so both laptops choose the same). */
static int
compare_versions (const char *local_modified,
                  const char *local_json,
                  const char *remote_modified,
                  const char *remote_json)
{
  int cmp = g_strcmp0 (remote_modified, local_modified);

  if (cmp == 0)
    cmp = g_strcmp0 (remote_json, local_json);
  return cmp;
}

gboolean
cirt_store_import_interview (CirtStore            *self,
                             const char           *id,
                             const CirtInterview  *remote,
                             CirtRecordImport     *outcome,
                             GError              **error)
{
  g_autoptr(CirtInterview) local = NULL, s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  CirtRecordImport result;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote != NULL && remote->id != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_interview (self, id, remote, NULL, FALSE, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  s = clean_interview (remote);
  g_free (s->id);
  s->id = g_ascii_strdown (remote->id, -1);
  local = lookup_interview (self, id, s->id, &local_error);
  if (local_error != NULL)
    goto fail;
  if (local == NULL)
    {
      g_autofree char *removed = removed_at (self, id, s->id);

      if (removed != NULL && g_strcmp0 (removed, s->modified_at) >= 0)
        result = CIRT_RECORD_IMPORT_KEPT;
      else
        {
          if (!put_interview (self, id, s, &local_error) ||
              !session_history (self, id, s->id, s->author, s->modified_at, NULL, s, &local_error))
            goto fail;
          result = CIRT_RECORD_IMPORT_ADDED;
        }
    }
  else if (cirt_interview_same_content (local, s))
    result = CIRT_RECORD_IMPORT_SAME;
  else
    {
      g_autofree char *l = NULL, *r = NULL;
      g_autoptr(CirtInterview) lc = cirt_interview_copy (local), rc = cirt_interview_copy (s);

      /* Content only: the times and authors aside. */
      g_clear_pointer (&lc->author, g_free);
      g_clear_pointer (&lc->created_at, g_free);
      g_clear_pointer (&lc->modified_at, g_free);
      g_clear_pointer (&rc->author, g_free);
      g_clear_pointer (&rc->created_at, g_free);
      g_clear_pointer (&rc->modified_at, g_free);
      l = cirt_interview_to_json (lc);
      r = cirt_interview_to_json (rc);
      if (compare_versions (local->modified_at, l, s->modified_at, r) > 0)
        {
          g_free (s->created_at);
          s->created_at = g_strdup (local->created_at);
          if (!put_interview (self, id, s, &local_error) ||
              !session_history (self, id, s->id, s->author, s->modified_at, local, s, &local_error))
            goto fail;
          result = CIRT_RECORD_IMPORT_UPDATED;
        }
      else
        result = CIRT_RECORD_IMPORT_KEPT;
    }
  if (result == CIRT_RECORD_IMPORT_ADDED || result == CIRT_RECORD_IMPORT_UPDATED)
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

gboolean
cirt_store_import_statement (CirtStore            *self,
                             const char           *id,
                             const CirtStatement  *remote,
                             CirtRecordImport     *outcome,
                             GError              **error)
{
  g_autoptr(CirtStatement) local = NULL, s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  CirtRecordImport result;

  g_return_val_if_fail (CIRT_IS_STORE (self), FALSE);
  g_return_val_if_fail (remote != NULL && remote->id != NULL, FALSE);

  if (refuse_missing_assessment (self, id, error) || !check_statement (self, id, remote, FALSE, error))
    return FALSE;
  if (!_cirt_store_begin (self, error))
    return FALSE;
  s = cirt_statement_copy (remote);
  g_free (s->id);
  s->id = g_ascii_strdown (remote->id, -1);
  g_free (s->stakeholder);
  s->stakeholder = g_ascii_strdown (remote->stakeholder, -1);
  g_free (s->session);
  s->session = remote->session && *remote->session ? g_ascii_strdown (remote->session, -1) : NULL;
  local = lookup_statement (self, id, s->id, &local_error);
  if (local_error != NULL)
    goto fail;
  if (local == NULL)
    {
      g_autofree char *removed = removed_at (self, id, s->id);

      if (removed != NULL && g_strcmp0 (removed, s->modified_at) >= 0)
        result = CIRT_RECORD_IMPORT_KEPT;
      else
        {
          if (!put_statement (self, id, s, &local_error) ||
              !statement_history (self, id, s->id, s->author, s->modified_at, NULL, s, &local_error))
            goto fail;
          result = CIRT_RECORD_IMPORT_ADDED;
        }
    }
  else if (cirt_statement_same_content (local, s))
    result = CIRT_RECORD_IMPORT_SAME;
  else
    {
      g_autofree char *l = NULL, *r = NULL;
      g_autoptr(CirtStatement) lc = cirt_statement_copy (local), rc = cirt_statement_copy (s);

      g_clear_pointer (&lc->author, g_free);
      g_clear_pointer (&lc->created_at, g_free);
      g_clear_pointer (&lc->modified_at, g_free);
      g_clear_pointer (&rc->author, g_free);
      g_clear_pointer (&rc->created_at, g_free);
      g_clear_pointer (&rc->modified_at, g_free);
      l = cirt_statement_to_json (lc);
      r = cirt_statement_to_json (rc);
      if (compare_versions (local->modified_at, l, s->modified_at, r) > 0)
        {
          g_free (s->created_at);
          s->created_at = g_strdup (local->created_at);
          if (!put_statement (self, id, s, &local_error) ||
              !statement_history (self, id, s->id, s->author, s->modified_at, local, s, &local_error))
            goto fail;
          result = CIRT_RECORD_IMPORT_UPDATED;
        }
      else
        result = CIRT_RECORD_IMPORT_KEPT;
    }
  if (result == CIRT_RECORD_IMPORT_ADDED || result == CIRT_RECORD_IMPORT_UPDATED)
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
