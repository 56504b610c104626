/* cirt-json.h — reading JSON from files that may come from anywhere: size
 * and nesting bounded before the parser runs, NUL characters refused, and
 * strict checks of objects' members
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every JSON the program reads (instruments, exchange files, the sample,
 * stored snapshots) goes through cirt_json_parse(): json-glib's parser
 * recurses once per nesting level, so a file of 100,000 "[" would end the
 * program; and it cuts a string at an escaped NUL ("a\u0000b" becomes "a"),
 * which would store something other than what the file says. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CIRT_JSON_ERROR (cirt_json_error_quark ())

typedef enum {
  CIRT_JSON_ERROR_TOO_LARGE,  /* larger than the limit for that kind of file */
  CIRT_JSON_ERROR_TOO_DEEP,   /* nested deeper than CIRT_JSON_MAX_DEPTH */
  CIRT_JSON_ERROR_SYNTAX,     /* not JSON, not UTF-8, or a NUL character */
  CIRT_JSON_ERROR_INVALID,    /* JSON, but not of the expected shape */
} CirtJsonError;

GQuark cirt_json_error_quark (void);

/* No file of ours nests deeper than a dozen levels. */
#define CIRT_JSON_MAX_DEPTH 64

/* Writing: a member @name of the object being built, null when there is
 * no value (@value NULL; @defined FALSE or the number not a number). */
void      cirt_json_add_string   (JsonBuilder *builder,
                                  const char  *name,
                                  const char  *value);
void      cirt_json_add_number   (JsonBuilder *builder,
                                  const char  *name,
                                  gboolean     defined,
                                  double       value);
void      cirt_json_add_int      (JsonBuilder *builder,
                                  const char  *name,
                                  gboolean     defined,
                                  gint64       value);

/* Parses @data (@len bytes, or -1 for a NUL-terminated string) after
 * checking that it is at most @max_bytes long, valid UTF-8, nested at most
 * CIRT_JSON_MAX_DEPTH deep and free of NUL characters (raw or escaped).
 * @origin (a file name) starts every message. Returns the root node. */
JsonNode *cirt_json_parse         (const char  *data,
                                   gssize       len,
                                   gsize        max_bytes,
                                   const char  *origin,
                                   GError     **error);
/* Reads and parses @path, refusing a file over @max_bytes before reading it. */
JsonNode *cirt_json_parse_file    (const char  *path,
                                   gsize        max_bytes,
                                   GError     **error);
/* Reads @path into memory (at most @max_bytes, checked before reading). */
gboolean  cirt_json_read_file     (const char  *path,
                                   gsize        max_bytes,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);

/* FALSE with "PATH.KEY: unknown member" when @object has a member not in
 * @allowed (NULL-terminated). */
gboolean  cirt_json_check_members (JsonObject         *object,
                                   const char * const *allowed,
                                   const char         *path,
                                   GError            **error);
/* FALSE with a message naming PATH.NAME when @text is longer than @max
 * bytes or not valid UTF-8. */
gboolean  cirt_json_check_text    (const char  *text,
                                   gsize        max,
                                   const char  *path,
                                   const char  *name,
                                   GError     **error);

/* Typed accessors for strict readers: NULL/FALSE with a message naming
 * PATH.NAME when the member is absent (unless @optional) or of another
 * type. */
gboolean  cirt_json_get_string    (JsonObject  *object,
                                   const char  *name,
                                   gboolean     optional,
                                   gsize        max,
                                   const char  *path,
                                   const char **out,
                                   GError     **error);
gboolean  cirt_json_get_int       (JsonObject  *object,
                                   const char  *name,
                                   gboolean     optional,
                                   const char  *path,
                                   gint64      *out,
                                   GError     **error);
gboolean  cirt_json_get_array     (JsonObject  *object,
                                   const char  *name,
                                   gboolean     optional,
                                   const char  *path,
                                   JsonArray  **out,
                                   GError     **error);
gboolean  cirt_json_get_object    (JsonObject  *object,
                                   const char  *name,
                                   gboolean     optional,
                                   const char  *path,
                                   JsonObject **out,
                                   GError     **error);

/* "answers[3]" */
char     *cirt_json_index_path    (const char *path,
                                   const char *name,
                                   guint       index);

G_END_DECLS
