/* cirt-json.c — reading JSON from files that may come from anywhere
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "cirt-json.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (cirt-json-error-quark, cirt_json_error)

/* Where @offset falls, for people: "line 3, column 14". */
static char *
describe_offset (const char *data,
                 gsize       offset)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        column++;
    }
  /* translators: a place in a file */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* One pass over the text before the parser sees it: nesting outside
 * strings, and NUL inside them. */
static gboolean
scan (const char  *data,
      gsize        len,
      const char  *origin,
      GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\0')
        {
          g_autofree char *where = describe_offset (data, i);
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX,
                       _("%s: %s: a NUL character; the file is not text"), origin, where);
          return FALSE;
        }
      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < len)
            {
              i++;
              if (data[i] == 'u' && i + 4 < len && strncmp (data + i + 1, "0000", 4) == 0)
                {
                  g_autofree char *where = describe_offset (data, i - 1);
                  g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX,
                               _("%s: %s: a text holds a NUL character (\\u0000), which cannot be kept"),
                               origin, where);
                  return FALSE;
                }
            }
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > CIRT_JSON_MAX_DEPTH)
            {
              g_autofree char *where = describe_offset (data, i);
              g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_TOO_DEEP,
                           _("%s: %s: nested more than %d levels deep (no CIRT Assess file nests so deep)"),
                           origin, where, CIRT_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/* "10.0 MB" (1 MB = 1,048,576 bytes here, as the limits are set). */
static char *
size_words (gsize bytes)
{
  return g_strdup_printf ("%.1f MB", bytes / 1048576.0);
}

JsonNode *
cirt_json_parse (const char  *data,
                 gssize       len,
                 gsize        max_bytes,
                 const char  *origin,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  gsize n;

  g_return_val_if_fail (data != NULL, NULL);

  n = len < 0 ? strlen (data) : (gsize) len;
  if (origin == NULL)
    origin = _("the data");
  if (n > max_bytes)
    {
      g_autofree char *size = size_words (n);
      g_autofree char *limit = size_words (max_bytes);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_TOO_LARGE,
                   /* translators: "FILE is too large (300 MB; at most 256 MB is read)" */
                   _("%s is too large (%s; at most %s is read)"), origin, size, limit);
      return NULL;
    }
  if (n == 0)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX, _("%s is empty"), origin);
      return NULL;
    }
  if (!g_utf8_validate_len (data, n, &end))
    {
      g_autofree char *where = describe_offset (data, end - data);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX,
                   _("%s: %s: not UTF-8 text"), origin, where);
      return NULL;
    }
  if (!scan (data, n, origin, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, n, &local_error))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX,
                   /* translators: the second %s is the parser's message, which names the line */
                   _("%s: not valid JSON: %s"), origin, local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_SYNTAX, _("%s is empty"), origin);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

gboolean
cirt_json_read_file (const char  *path,
                     gsize        max_bytes,
                     char       **contents,
                     gsize       *length,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *buf = NULL;
  GStatBuf st;
  gsize done = 0;
  int fd, saved;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot read %s: %s"), display,
                   g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("cannot read %s: it is not a file"), display);
      return FALSE;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *size = size_words (st.st_size);
      g_autofree char *limit = size_words (max_bytes);
      close (fd);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_TOO_LARGE, _("%s is too large (%s; at most %s is read)"),
                   display, size, limit);
      return FALSE;
    }
  buf = g_malloc ((gsize) st.st_size + 1);
  while (done < (gsize) st.st_size)
    {
      ssize_t r = read (fd, buf + done, (gsize) st.st_size - done);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        {
          saved = r < 0 ? errno : EIO;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot read %s: %s"), display,
                       g_strerror (saved));
          return FALSE;
        }
      done += r;
    }
  close (fd);
  buf[done] = '\0';
  *contents = g_steal_pointer (&buf);
  if (length)
    *length = done;
  return TRUE;
}

JsonNode *
cirt_json_parse_file (const char  *path,
                      gsize        max_bytes,
                      GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize len = 0;

  if (!cirt_json_read_file (path, max_bytes, &data, &len, error))
    return NULL;
  return cirt_json_parse (data, len, max_bytes, display, error);
}

/* ------------------------------------------------------------------------ */

char *
cirt_json_index_path (const char *path,
                      const char *name,
                      guint       index)
{
  if (path == NULL || *path == '\0')
    return g_strdup_printf ("%s[%u]", name, index);
  return g_strdup_printf ("%s.%s[%u]", path, name, index);
}

static char *
member_path (const char *path,
             const char *name)
{
  if (path == NULL || *path == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%s.%s", path, name);
}

gboolean
cirt_json_check_members (JsonObject         *object,
                         const char * const *allowed,
                         const char         *path,
                         GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *p = member_path (path, l->data);
        g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: unknown member"), p);
        return FALSE;
      }
  return TRUE;
}

gboolean
cirt_json_check_text (const char  *text,
                      gsize        max,
                      const char  *path,
                      const char  *name,
                      GError     **error)
{
  gsize len = strlen (text);

  if (len > max)
    {
      g_autofree char *p = member_path (path, name);
      g_autofree char *size = size_words (len);
      g_autofree char *limit = size_words (max);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_TOO_LARGE,
                   /* translators: "answers[3].notes: too long (50 MB; at most 1 MB is kept in one field)" */
                   _("%s: too long (%s; at most %s is kept in one field)"), p, size, limit);
      return FALSE;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: not valid UTF-8 text"), p);
      return FALSE;
    }
  return TRUE;
}

static gboolean
missing (JsonNode    *n,
         gboolean     optional,
         const char  *path,
         const char  *name,
         gboolean    *absent,
         GError     **error)
{
  *absent = n == NULL || JSON_NODE_HOLDS_NULL (n);
  if (*absent && !optional)
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: missing"), p);
      return TRUE;
    }
  return FALSE;
}

gboolean
cirt_json_get_string (JsonObject  *object,
                      const char  *name,
                      gboolean     optional,
                      gsize        max,
                      const char  *path,
                      const char **out,
                      GError     **error)
{
  JsonNode *n = json_object_get_member (object, name);
  gboolean absent;

  *out = NULL;
  if (missing (n, optional, path, name, &absent, error))
    return FALSE;
  if (absent)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: must be a text"), p);
      return FALSE;
    }
  if (!cirt_json_check_text (json_node_get_string (n), max, path, name, error))
    return FALSE;
  *out = json_node_get_string (n);
  return TRUE;
}

gboolean
cirt_json_get_int (JsonObject  *object,
                   const char  *name,
                   gboolean     optional,
                   const char  *path,
                   gint64      *out,
                   GError     **error)
{
  JsonNode *n = json_object_get_member (object, name);
  gboolean absent;

  *out = 0;
  if (missing (n, optional, path, name, &absent, error))
    return FALSE;
  if (absent)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: must be a whole number"), p);
      return FALSE;
    }
  *out = json_node_get_int (n);
  return TRUE;
}

gboolean
cirt_json_get_array (JsonObject  *object,
                     const char  *name,
                     gboolean     optional,
                     const char  *path,
                     JsonArray  **out,
                     GError     **error)
{
  JsonNode *n = json_object_get_member (object, name);
  gboolean absent;

  *out = NULL;
  if (missing (n, optional, path, name, &absent, error))
    return FALSE;
  if (absent)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: must be an array"), p);
      return FALSE;
    }
  *out = json_node_get_array (n);
  return TRUE;
}

gboolean
cirt_json_get_object (JsonObject  *object,
                      const char  *name,
                      gboolean     optional,
                      const char  *path,
                      JsonObject **out,
                      GError     **error)
{
  JsonNode *n = json_object_get_member (object, name);
  gboolean absent;

  *out = NULL;
  if (missing (n, optional, path, name, &absent, error))
    return FALSE;
  if (absent)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_autofree char *p = member_path (path, name);
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s: must be an object"), p);
      return FALSE;
    }
  *out = json_node_get_object (n);
  return TRUE;
}

void
cirt_json_add_string (JsonBuilder *builder,
                      const char  *name,
                      const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cirt_json_add_number (JsonBuilder *builder,
                      const char  *name,
                      gboolean     defined,
                      double       value)
{
  json_builder_set_member_name (builder, name);
  if (defined && !isnan (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
cirt_json_add_int (JsonBuilder *builder,
                   const char  *name,
                   gboolean     defined,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (defined)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
