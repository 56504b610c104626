/* cirt-interviews.c — interview sessions and statements, as values
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-interviews.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-json.h"
#include "cirt-lang.h"
#include "cirt-store.h"

/* ------------------------------------------------------------------------ */
/* Checks                                                                   */

static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
check_chars (const char  *what,
             const char  *value,
             gboolean     one_line,
             GError     **error)
{
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!one_line && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        {
          /* translators: %s names a field: "the place holds a control character (U+0007)" */
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("the %s holds a control character (U+%04X); type it again without it"), what, c);
          return FALSE;
        }
      if (one_line && is_direction_control (c))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("the %s holds a character that reorders the text around it (U+%04X); type it again "
                         "without it"), what, c);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_length (const char  *what,
              const char  *value,
              gsize        max,
              GError     **error)
{
  gsize len = strlen (value);

  if (len > max)
    {
      g_autofree char *size = len >= 1048576 ? g_strdup_printf ("%.1f MB", len / 1048576.0)
                                             : g_strdup_printf ("%.1f KB", len / 1024.0);
      g_autofree char *limit = max >= 1048576 ? g_strdup_printf ("%.1f MB", max / 1048576.0)
                                              : g_strdup_printf ("%.0f KB", max / 1024.0);
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("the %s is too long (%s; at most %s is kept in one field)"), what, size, limit);
      return FALSE;
    }
  if (!g_utf8_validate_len (value, len, NULL))
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("the %s is not valid UTF-8 text"), what);
      return FALSE;
    }
  return TRUE;
}

gboolean
cirt_interview_check_name (const char  *what,
                           const char  *value,
                           GError     **error)
{
  if (value == NULL)
    return TRUE;
  return check_length (what, value, CIRT_MAX_SHORT_TEXT, error) && check_chars (what, value, TRUE, error);
}

gboolean
cirt_interview_check_free_text (const char  *what,
                                const char  *value,
                                gsize        max,
                                GError     **error)
{
  if (value == NULL)
    return TRUE;
  return check_length (what, value, max, error) && check_chars (what, value, FALSE, error);
}

gboolean
cirt_interview_time_is_valid (const char *time)
{
  if (time == NULL || strlen (time) != 5 || time[2] != ':' || !g_ascii_isdigit (time[0]) ||
      !g_ascii_isdigit (time[1]) || !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]))
    return FALSE;
  return (time[0] - '0') * 10 + (time[1] - '0') < 24 && time[3] - '0' < 6;
}

gboolean
cirt_interview_date_is_valid (const char *date)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

const char *
cirt_interview_sector_group (const char *sector)
{
  const char * const *groups = cirt_stakeholder_groups ();
  const char * const *langs = cirt_lang_available ();
  g_autofree char *folded = NULL;
  g_autofree char *stripped = NULL;

  if (sector == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (sector));
  if (*stripped == '\0')
    return NULL;
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (groups[i], stripped) == 0)
        return groups[i];
      for (guint l = 0; langs[l] != NULL; l++)
        {
          g_autofree char *name = g_utf8_casefold (cirt_lang_group_name (cirt_lang_get (langs[l]), groups[i]), -1);
          if (strcmp (name, folded) == 0)
            return groups[i];
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Sessions                                                                 */

CirtInterview *
cirt_interview_new (void)
{
  return g_new0 (CirtInterview, 1);
}

CirtInterview *
cirt_interview_copy (const CirtInterview *s)
{
  CirtInterview *c = g_new0 (CirtInterview, 1);

  c->id = g_strdup (s->id);
  c->date = g_strdup (s->date);
  c->start_time = g_strdup (s->start_time);
  c->end_time = g_strdup (s->end_time);
  c->place = g_strdup (s->place);
  c->stakeholders = g_strdupv (s->stakeholders);
  c->assessors = g_strdupv (s->assessors);
  c->sections = g_strdupv (s->sections);
  c->notes = g_strdup (s->notes);
  c->author = g_strdup (s->author);
  c->created_at = g_strdup (s->created_at);
  c->modified_at = g_strdup (s->modified_at);
  return c;
}

void
cirt_interview_free (CirtInterview *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->date);
  g_free (s->start_time);
  g_free (s->end_time);
  g_free (s->place);
  g_strfreev (s->stakeholders);
  g_strfreev (s->assessors);
  g_strfreev (s->sections);
  g_free (s->notes);
  g_free (s->author);
  g_free (s->created_at);
  g_free (s->modified_at);
  g_free (s);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static gboolean
same_strv (char **a,
           char **b)
{
  guint na = a ? g_strv_length (a) : 0, nb = b ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

gboolean
cirt_interview_same_content (const CirtInterview *a,
                             const CirtInterview *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return same_text (a->date, b->date) && same_text (a->start_time, b->start_time) &&
         same_text (a->end_time, b->end_time) && same_text (a->place, b->place) &&
         same_strv (a->stakeholders, b->stakeholders) && same_strv (a->assessors, b->assessors) &&
         same_strv (a->sections, b->sections) && same_text (a->notes, b->notes);
}

static void
add_text (JsonBuilder *b,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_list (JsonBuilder *b,
          const char  *name,
          char       **values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

JsonNode *
cirt_interview_to_json_node (const CirtInterview *s)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (s == NULL)
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  add_text (b, "id", s->id);
  add_text (b, "date", s->date);
  add_text (b, "start_time", s->start_time);
  add_text (b, "end_time", s->end_time);
  add_text (b, "place", s->place);
  add_list (b, "stakeholders", s->stakeholders);
  add_list (b, "assessors", s->assessors);
  add_list (b, "sections", s->sections);
  add_text (b, "notes", s->notes);
  add_text (b, "author", s->author);
  add_text (b, "created_at", s->created_at);
  add_text (b, "modified_at", s->modified_at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_interview_to_json (const CirtInterview *s)
{
  g_autoptr(JsonNode) node = cirt_interview_to_json_node (s);

  return node ? json_to_string (node, FALSE) : NULL;
}

/* A member that must be a text or null (absent = null); "" is null. */
static gboolean
read_text (JsonObject  *o,
           const char  *name,
           const char  *path,
           gboolean     required,
           gsize        max,
           char       **out,
           GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);
  const char *s;

  *out = NULL;
  if (n != NULL && !JSON_NODE_HOLDS_NULL (n))
    {
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: must be a text or null"), path,
                       name);
          return FALSE;
        }
      s = json_node_get_string (n);
      if (!cirt_json_check_text (s, max, path, name, error))
        return FALSE;
      if (*s != '\0')
        *out = g_strdup (s);
    }
  if (required && *out == NULL)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: missing"), path, name);
      return FALSE;
    }
  return TRUE;
}

/* A check of the store's kind, as a message of the file. */
static gboolean
as_json_error (GError     **error,
               const char  *path,
               const char  *name,
               GError      *local_error)
{
  g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, "%s.%s: %s", path, name, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

static gboolean
read_uuid (JsonObject  *o,
           const char  *name,
           const char  *path,
           gboolean     required,
           char       **out,
           GError     **error)
{
  if (!read_text (o, name, path, required, 64, out, error))
    return FALSE;
  if (*out != NULL)
    {
      char *lower;

      if (!g_uuid_string_is_valid (*out))
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: \"%s\" is not an id (a UUID)"),
                       path, name, *out);
          g_clear_pointer (out, g_free);
          return FALSE;
        }
      lower = g_ascii_strdown (*out, -1);
      g_free (*out);
      *out = lower;
    }
  return TRUE;
}

typedef enum {
  LIST_UUIDS,
  LIST_NAMES,
  LIST_IDS,
} ListKind;

static gboolean
read_list (JsonObject  *o,
           const char  *name,
           const char  *path,
           ListKind     kind,
           GStrv       *out,
           GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);
  JsonArray *arr;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  arr = JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
  if (arr == NULL)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: must be a list of texts"), path, name);
      return FALSE;
    }
  if (json_array_get_length (arr) > CIRT_MAX_SESSION_ITEMS)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: more than %u items"), path, name,
                   (guint) CIRT_MAX_SESSION_ITEMS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *e = json_array_get_element (arr, i);
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      g_autofree char *item = g_strdup_printf ("[%u]", i);
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s%s: must be a text"), where, item);
          return FALSE;
        }
      if (!cirt_json_check_text (json_node_get_string (e), kind == LIST_NAMES ? CIRT_MAX_SHORT_TEXT : 64, where,
                                 item, error))
        return FALSE;
      value = g_strdup (json_node_get_string (e));
      if (kind == LIST_UUIDS)
        {
          char *lower;
          if (!g_uuid_string_is_valid (value))
            {
              g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s%s: \"%s\" is not an id (a UUID)"),
                           where, item, value);
              return FALSE;
            }
          lower = g_ascii_strdown (value, -1);
          g_free (value);
          value = lower;
        }
      else if (kind == LIST_NAMES)
        {
          if (cirt_text_is_blank (value))
            {
              g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s%s: empty"), where, item);
              return FALSE;
            }
          if (!cirt_interview_check_name (_("name"), value, &local_error))
            {
              g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, "%s%s: %s", where, item,
                           local_error->message);
              return FALSE;
            }
        }
      else if (*value == '\0' || !check_chars (_("id"), value, TRUE, &local_error))
        {
          g_clear_error (&local_error);
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s%s: not an id"), where, item);
          return FALSE;
        }
      for (guint j = 0; j < items->len; j++)
        if (strcmp (g_ptr_array_index (items, j), value) == 0)
          {
            g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s%s: \"%s\" is listed twice"), where,
                         item, value);
            return FALSE;
          }
      g_ptr_array_add (items, g_steal_pointer (&value));
    }
  if (items->len > 0)
    {
      g_ptr_array_add (items, NULL);
      *out = (GStrv) g_ptr_array_steal (items, NULL);
    }
  return TRUE;
}

CirtInterview *
cirt_interview_from_json_object (JsonObject  *o,
                                 const char  *path,
                                 GError     **error)
{
  static const char * const keys[] = {
    "id", "date", "start_time", "end_time", "place", "stakeholders", "assessors", "sections", "notes", "author",
    "created_at", "modified_at", NULL,
  };
  g_autoptr(CirtInterview) s = cirt_interview_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, keys, path, error) ||
      !read_uuid (o, "id", path, TRUE, &s->id, error) ||
      !read_text (o, "date", path, TRUE, 64, &s->date, error) ||
      !read_text (o, "start_time", path, FALSE, 64, &s->start_time, error) ||
      !read_text (o, "end_time", path, FALSE, 64, &s->end_time, error) ||
      !read_text (o, "place", path, FALSE, CIRT_MAX_SHORT_TEXT, &s->place, error) ||
      !read_list (o, "stakeholders", path, LIST_UUIDS, &s->stakeholders, error) ||
      !read_list (o, "assessors", path, LIST_NAMES, &s->assessors, error) ||
      !read_list (o, "sections", path, LIST_IDS, &s->sections, error) ||
      !read_text (o, "notes", path, FALSE, CIRT_MAX_TEXT, &s->notes, error) ||
      !read_text (o, "author", path, FALSE, CIRT_MAX_SHORT_TEXT, &s->author, error) ||
      !read_text (o, "created_at", path, TRUE, CIRT_MAX_SHORT_TEXT, &s->created_at, error) ||
      !read_text (o, "modified_at", path, TRUE, CIRT_MAX_SHORT_TEXT, &s->modified_at, error))
    return NULL;
  if (!cirt_interview_date_is_valid (s->date))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.date: \"%s\" is not a date (YYYY-MM-DD)"),
                   path, s->date);
      return NULL;
    }
  if ((s->start_time != NULL && !cirt_interview_time_is_valid (s->start_time)) ||
      (s->end_time != NULL && !cirt_interview_time_is_valid (s->end_time)))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: a time is not a time of day (HH:MM)"),
                   path);
      return NULL;
    }
  if (s->start_time != NULL && s->end_time != NULL && strcmp (s->end_time, s->start_time) < 0)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.end_time: before the start"), path);
      return NULL;
    }
  if (!cirt_interview_check_name (_("place"), s->place, &local_error))
    {
      as_json_error (error, path, "place", g_steal_pointer (&local_error));
      return NULL;
    }
  if (!cirt_interview_check_free_text (_("notes"), s->notes, CIRT_MAX_TEXT, &local_error))
    {
      as_json_error (error, path, "notes", g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&s);
}

CirtInterview *
cirt_interview_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (json == NULL || (root = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return cirt_interview_from_json_object (json_node_get_object (root), "", &error);
}

/* ------------------------------------------------------------------------ */
/* Statements                                                               */

CirtStatement *
cirt_statement_new (void)
{
  return g_new0 (CirtStatement, 1);
}

CirtStatement *
cirt_statement_copy (const CirtStatement *s)
{
  CirtStatement *c = g_new0 (CirtStatement, 1);

  c->id = g_strdup (s->id);
  c->question = g_strdup (s->question);
  c->stakeholder = g_strdup (s->stakeholder);
  c->session = g_strdup (s->session);
  c->text = g_strdup (s->text);
  c->author = g_strdup (s->author);
  c->created_at = g_strdup (s->created_at);
  c->modified_at = g_strdup (s->modified_at);
  return c;
}

void
cirt_statement_free (CirtStatement *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->question);
  g_free (s->stakeholder);
  g_free (s->session);
  g_free (s->text);
  g_free (s->author);
  g_free (s->created_at);
  g_free (s->modified_at);
  g_free (s);
}

gboolean
cirt_statement_same_content (const CirtStatement *a,
                             const CirtStatement *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  /* The text exactly: a statement is kept as it was said. */
  return g_strcmp0 (a->question, b->question) == 0 && g_strcmp0 (a->stakeholder, b->stakeholder) == 0 &&
         same_text (a->session, b->session) && g_strcmp0 (a->text, b->text) == 0;
}

JsonNode *
cirt_statement_to_json_node (const CirtStatement *s)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (s == NULL)
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  add_text (b, "id", s->id);
  add_text (b, "question", s->question);
  add_text (b, "stakeholder", s->stakeholder);
  add_text (b, "session", s->session);
  add_text (b, "text", s->text);
  add_text (b, "author", s->author);
  add_text (b, "created_at", s->created_at);
  add_text (b, "modified_at", s->modified_at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_statement_to_json (const CirtStatement *s)
{
  g_autoptr(JsonNode) node = cirt_statement_to_json_node (s);

  return node ? json_to_string (node, FALSE) : NULL;
}

CirtStatement *
cirt_statement_from_json_object (JsonObject  *o,
                                 const char  *path,
                                 GError     **error)
{
  static const char * const keys[] = {
    "id", "question", "stakeholder", "session", "text", "author", "created_at", "modified_at", NULL,
  };
  g_autoptr(CirtStatement) s = cirt_statement_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, keys, path, error) ||
      !read_uuid (o, "id", path, TRUE, &s->id, error) ||
      !read_text (o, "question", path, TRUE, 64, &s->question, error) ||
      !read_uuid (o, "stakeholder", path, TRUE, &s->stakeholder, error) ||
      !read_uuid (o, "session", path, FALSE, &s->session, error) ||
      !read_text (o, "text", path, TRUE, CIRT_MAX_STATEMENT, &s->text, error) ||
      !read_text (o, "author", path, FALSE, CIRT_MAX_SHORT_TEXT, &s->author, error) ||
      !read_text (o, "created_at", path, TRUE, CIRT_MAX_SHORT_TEXT, &s->created_at, error) ||
      !read_text (o, "modified_at", path, TRUE, CIRT_MAX_SHORT_TEXT, &s->modified_at, error))
    return NULL;
  if (cirt_text_is_blank (s->text))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.text: missing"), path);
      return NULL;
    }
  if (!cirt_interview_check_free_text (_("statement"), s->text, CIRT_MAX_STATEMENT, &local_error))
    {
      as_json_error (error, path, "text", g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&s);
}

CirtStatement *
cirt_statement_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (json == NULL || (root = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return cirt_statement_from_json_object (json_node_get_object (root), "", &error);
}

void
cirt_interview_change_free (CirtInterviewChange *c)
{
  if (c == NULL)
    return;
  g_free (c->kind);
  g_free (c->record);
  g_free (c->author);
  g_free (c->changed_at);
  g_free (c->old_json);
  g_free (c->new_json);
  g_free (c);
}
