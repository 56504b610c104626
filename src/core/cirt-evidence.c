/* cirt-evidence.c — the evidence vault's value type, the sniffer of a
 * file's kind, the checks of names and URLs, the safe reading of a file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-evidence.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cirt-json.h"
#include "cirt-records.h"

G_DEFINE_QUARK (cirt-evidence-error-quark, cirt_evidence_error)

/* ------------------------------------------------------------------------ */
/* The value type                                                           */

CirtEvidence *
cirt_evidence_new (void)
{
  return g_new0 (CirtEvidence, 1);
}

CirtEvidence *
cirt_evidence_copy (const CirtEvidence *e)
{
  CirtEvidence *c;

  if (e == NULL)
    return NULL;
  c = g_new0 (CirtEvidence, 1);
  c->id = g_strdup (e->id);
  c->question = g_strdup (e->question);
  c->kind = e->kind;
  c->name = g_strdup (e->name);
  c->url = g_strdup (e->url);
  c->mime = g_strdup (e->mime);
  c->size = e->size;
  c->sha256 = g_strdup (e->sha256);
  c->date = g_strdup (e->date);
  c->author = g_strdup (e->author);
  c->shareable = e->shareable;
  c->created_at = g_strdup (e->created_at);
  c->modified_at = g_strdup (e->modified_at);
  return c;
}

void
cirt_evidence_free (CirtEvidence *e)
{
  if (e == NULL)
    return;
  g_free (e->id);
  g_free (e->question);
  g_free (e->name);
  g_free (e->url);
  g_free (e->mime);
  g_free (e->sha256);
  g_free (e->date);
  g_free (e->author);
  g_free (e->created_at);
  g_free (e->modified_at);
  g_free (e);
}

const char *
cirt_evidence_kind_to_string (CirtEvidenceKind kind)
{
  return kind == CIRT_EVIDENCE_URL ? "url" : "file";
}

gboolean
cirt_evidence_kind_from_string (const char       *s,
                                CirtEvidenceKind *kind)
{
  if (g_strcmp0 (s, "file") == 0)
    *kind = CIRT_EVIDENCE_FILE;
  else if (g_strcmp0 (s, "url") == 0)
    *kind = CIRT_EVIDENCE_URL;
  else
    return FALSE;
  return TRUE;
}

gboolean
cirt_evidence_same_content (const CirtEvidence *a,
                            const CirtEvidence *b)
{
  return a->kind == b->kind && g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->question, b->question) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->mime, b->mime) == 0 && a->size == b->size && g_strcmp0 (a->sha256, b->sha256) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 && g_strcmp0 (a->author, b->author) == 0 &&
         !a->shareable == !b->shareable;
}

JsonNode *
cirt_evidence_to_json_node (const CirtEvidence *e)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (e == NULL)
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  cirt_json_add_string (b, "id", e->id);
  cirt_json_add_string (b, "question", e->question);
  cirt_json_add_string (b, "kind", cirt_evidence_kind_to_string (e->kind));
  cirt_json_add_string (b, "name", e->name);
  cirt_json_add_string (b, "url", e->url);
  cirt_json_add_string (b, "mime", e->mime);
  cirt_json_add_int (b, "size", e->kind == CIRT_EVIDENCE_FILE, e->size);
  cirt_json_add_string (b, "sha256", e->sha256);
  cirt_json_add_string (b, "date", e->date);
  cirt_json_add_string (b, "author", e->author);
  json_builder_set_member_name (b, "shareable");
  json_builder_add_boolean_value (b, e->shareable);
  cirt_json_add_string (b, "created_at", e->created_at);
  cirt_json_add_string (b, "modified_at", e->modified_at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_evidence_to_json (const CirtEvidence *e)
{
  g_autoptr(JsonNode) node = cirt_evidence_to_json_node (e);

  return node ? json_to_string (node, FALSE) : NULL;
}

static gboolean
get_text (JsonObject  *o,
          const char  *name,
          gboolean     optional,
          gsize        max,
          const char  *path,
          char       **out,
          GError     **error)
{
  const char *s = NULL;

  if (!cirt_json_get_string (o, name, optional, max, path, &s, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (s);
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, msg);
  return FALSE;
}

static gboolean
is_date (const char *s)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (s == NULL || strlen (s) != 10)
    return FALSE;
  iso = g_strconcat (s, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

CirtEvidence *
cirt_evidence_from_json_object (JsonObject  *o,
                                const char  *path,
                                GError     **error)
{
  static const char * const keys[] = {
    "id", "question", "kind", "name", "url", "mime", "size", "sha256", "date", "author", "shareable",
    "created_at", "modified_at", NULL,
  };
  g_autoptr(CirtEvidence) e = cirt_evidence_new ();
  g_autofree char *kind = NULL;
  JsonNode *n;

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, keys, path, error) ||
      !get_text (o, "id", FALSE, 64, path, &e->id, error) ||
      !get_text (o, "question", FALSE, CIRT_MAX_SHORT_TEXT, path, &e->question, error) ||
      !get_text (o, "kind", FALSE, 16, path, &kind, error) ||
      !get_text (o, "name", TRUE, CIRT_EVIDENCE_MAX_NAME, path, &e->name, error) ||
      !get_text (o, "url", TRUE, CIRT_EVIDENCE_MAX_URL, path, &e->url, error) ||
      !get_text (o, "mime", TRUE, 128, path, &e->mime, error) ||
      !cirt_json_get_int (o, "size", TRUE, path, &e->size, error) ||
      !get_text (o, "sha256", TRUE, 64, path, &e->sha256, error) ||
      !get_text (o, "date", TRUE, 16, path, &e->date, error) ||
      !get_text (o, "author", TRUE, CIRT_MAX_SHORT_TEXT, path, &e->author, error) ||
      !get_text (o, "created_at", FALSE, CIRT_MAX_SHORT_TEXT, path, &e->created_at, error) ||
      !get_text (o, "modified_at", FALSE, CIRT_MAX_SHORT_TEXT, path, &e->modified_at, error))
    return NULL;
  if (!g_uuid_string_is_valid (e->id))
    {
      invalid (error, _("%s.id: \"%s\" is not an evidence id (a UUID)"), path, e->id);
      return NULL;
    }
  {
    char *lower = g_ascii_strdown (e->id, -1);
    g_free (e->id);
    e->id = lower;
  }
  if (!cirt_evidence_kind_from_string (kind, &e->kind))
    {
      invalid (error, _("%s.kind: unknown kind \"%s\" (expected file or url)"), path, kind);
      return NULL;
    }
  n = json_object_get_member (o, "shareable");
  if (n != NULL && !JSON_NODE_HOLDS_NULL (n))
    {
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
        {
          invalid (error, _("%s.shareable: must be true or false"), path);
          return NULL;
        }
      e->shareable = json_node_get_boolean (n);
    }
  if (e->date != NULL && !is_date (e->date))
    {
      invalid (error, _("%s.date: \"%s\" is not a date (YYYY-MM-DD)"), path, e->date);
      return NULL;
    }
  if (e->kind == CIRT_EVIDENCE_FILE)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *clean = NULL;
      gboolean cleaned = FALSE;

      if (e->url != NULL)
        {
          invalid (error, _("%s.url: a file has no URL"), path);
          return NULL;
        }
      if (e->sha256 == NULL || !cirt_evidence_is_sha256 (e->sha256))
        {
          invalid (error, _("%s.sha256: not a SHA-256 (64 lower-case hexadecimal digits)"), path);
          return NULL;
        }
      if (e->mime == NULL || !cirt_evidence_mime_is_known (e->mime))
        {
          invalid (error, _("%s.mime: not a kind of document the vault keeps"), path);
          return NULL;
        }
      if (e->size <= 0 || e->size > CIRT_EVIDENCE_MAX_SIZE)
        {
          g_autofree char *limit = cirt_evidence_format_size (CIRT_EVIDENCE_MAX_SIZE);
          invalid (error, _("%s.size: must be from 1 byte to the limit of %s"), path, limit);
          return NULL;
        }
      if (e->name == NULL || (clean = cirt_evidence_clean_name (e->name, &cleaned, &local_error)) == NULL || cleaned)
        {
          invalid (error, _("%s.name: %s"), path,
                   local_error ? local_error->message : _("a file name without control characters is needed"));
          return NULL;
        }
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *url = NULL;

      if (e->name != NULL || e->mime != NULL || e->sha256 != NULL || e->size != 0)
        {
          invalid (error, _("%s: a URL has no file name, type, size or hash"), path);
          return NULL;
        }
      if (e->url == NULL || (url = cirt_evidence_check_url (e->url, &local_error)) == NULL)
        {
          invalid (error, _("%s.url: %s"), path, local_error ? local_error->message : _("missing"));
          return NULL;
        }
    }
  return g_steal_pointer (&e);
}

CirtEvidence *
cirt_evidence_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (json == NULL)
    return NULL;
  root = cirt_json_parse (json, -1, CIRT_MAX_TEXT, "evidence", &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return cirt_evidence_from_json_object (json_node_get_object (root), "", &error);
}

/* ------------------------------------------------------------------------ */
/* Sniffing                                                                 */

#define MIME_PDF  "application/pdf"
#define MIME_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MIME_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define MIME_PPTX "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#define MIME_ODT  "application/vnd.oasis.opendocument.text"
#define MIME_ODS  "application/vnd.oasis.opendocument.spreadsheet"
#define MIME_ODP  "application/vnd.oasis.opendocument.presentation"
#define MIME_DOC  "application/msword"
#define MIME_XLS  "application/vnd.ms-excel"
#define MIME_PPT  "application/vnd.ms-powerpoint"
#define MIME_PNG  "image/png"
#define MIME_JPEG "image/jpeg"
#define MIME_TIFF "image/tiff"
#define MIME_GIF  "image/gif"
#define MIME_WEBP "image/webp"
#define MIME_TEXT "text/plain"

static const struct {
  const char *mime;
  const char *extension;
  const char *label;
} kinds[] = {
  { MIME_PDF, "pdf", N_("PDF") },
  { MIME_DOCX, "docx", N_("Word (DOCX)") },
  { MIME_XLSX, "xlsx", N_("Excel (XLSX)") },
  { MIME_PPTX, "pptx", N_("PowerPoint (PPTX)") },
  { MIME_ODT, "odt", N_("OpenDocument text (ODT)") },
  { MIME_ODS, "ods", N_("OpenDocument spreadsheet (ODS)") },
  { MIME_ODP, "odp", N_("OpenDocument presentation (ODP)") },
  { MIME_DOC, "doc", N_("Word 97–2003 (DOC)") },
  { MIME_XLS, "xls", N_("Excel 97–2003 (XLS)") },
  { MIME_PPT, "ppt", N_("PowerPoint 97–2003 (PPT)") },
  { MIME_PNG, "png", N_("PNG image") },
  { MIME_JPEG, "jpg", N_("JPEG image") },
  { MIME_TIFF, "tif", N_("TIFF image") },
  { MIME_GIF, "gif", N_("GIF image") },
  { MIME_WEBP, "webp", N_("WebP image") },
  { MIME_TEXT, "txt", N_("Plain text") },
};

gboolean
cirt_evidence_mime_is_known (const char *mime)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].mime, mime) == 0)
      return TRUE;
  return FALSE;
}

const char *
cirt_evidence_mime_extension (const char *mime)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].mime, mime) == 0)
      return kinds[i].extension;
  return "bin";
}

const char *
cirt_evidence_mime_label (const char *mime)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].mime, mime) == 0)
      return _(kinds[i].label);
  return _("Web page");
}

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         n)
{
  return len >= n && memcmp (data, magic, n) == 0;
}

/* A zip: an OpenDocument names its kind in its first entry, "mimetype",
 * stored uncompressed; an Office Open XML file has [Content_Types].xml and
 * its main part in a folder of its kind, found in the central directory. */
static const char *
sniff_zip (const guint8 *data,
           gsize         len)
{
  static const struct { const char *content; const char *mime; } odf[] = {
    { MIME_ODT, MIME_ODT }, { MIME_ODS, MIME_ODS }, { MIME_ODP, MIME_ODP },
  };
  gsize eocd = 0, pos;
  guint32 cd_offset;
  guint16 n_entries;
  gboolean types = FALSE;
  const char *ooxml = NULL;

  if (len >= 30)
    {
      guint16 method = le16 (data + 8), name_len = le16 (data + 26), extra_len = le16 (data + 28);
      guint32 csize = le32 (data + 18);

      if (method == 0 && name_len == 8 && 30 + (gsize) name_len <= len && memcmp (data + 30, "mimetype", 8) == 0)
        {
          gsize at = 30 + (gsize) name_len + extra_len;

          for (guint i = 0; i < G_N_ELEMENTS (odf); i++)
            if (csize == strlen (odf[i].content) && at + csize <= len && memcmp (data + at, odf[i].content, csize) == 0)
              return odf[i].mime;
        }
    }

  /* The end of the central directory: in the last 64 KiB + 22 bytes. */
  if (len < 22)
    return NULL;
  for (pos = len - 22;; pos--)
    {
      if (memcmp (data + pos, "PK\x05\x06", 4) == 0)
        {
          eocd = pos;
          break;
        }
      if (pos == 0 || len - pos > 65535 + 22)
        return NULL;
    }
  n_entries = le16 (data + eocd + 10);
  cd_offset = le32 (data + eocd + 16);
  pos = cd_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      guint16 name_len, extra_len, comment_len;
      const char *name;

      if (pos + 46 > len || memcmp (data + pos, "PK\x01\x02", 4) != 0)
        return NULL;
      name_len = le16 (data + pos + 28);
      extra_len = le16 (data + pos + 30);
      comment_len = le16 (data + pos + 32);
      if (pos + 46 + (gsize) name_len > len)
        return NULL;
      name = (const char *) data + pos + 46;
      if (name_len == 19 && memcmp (name, "[Content_Types].xml", 19) == 0)
        types = TRUE;
      else if (name_len == 17 && memcmp (name, "word/document.xml", 17) == 0)
        ooxml = MIME_DOCX;
      else if (name_len == 15 && memcmp (name, "xl/workbook.xml", 15) == 0)
        ooxml = MIME_XLSX;
      else if (name_len == 20 && memcmp (name, "ppt/presentation.xml", 20) == 0)
        ooxml = MIME_PPTX;
      pos += 46 + (gsize) name_len + extra_len + comment_len;
    }
  return types ? ooxml : NULL;
}

/* An OLE compound file (Word, Excel and PowerPoint 97–2003): its kind is
 * the name of its main stream, read from the directory (whose sectors are
 * followed through the allocation table the header lists). */
static const char *
sniff_ole (const guint8 *data,
           gsize         len)
{
  guint16 shift;
  gsize sector, per_fat;
  guint32 dir;

  if (len < 512)
    return NULL;
  shift = le16 (data + 30);
  if (shift != 9 && shift != 12)
    return NULL;
  sector = (gsize) 1 << shift;
  per_fat = sector / 4;
  dir = le32 (data + 48);
  for (guint hops = 0; hops < 64 && dir < 0xFFFFFFFAu; hops++)
    {
      gsize at = ((gsize) dir + 1) << shift;
      gsize fat_index = dir / per_fat, fat_at;
      guint32 fat_sector;

      if (at + sector > len)
        return NULL;
      for (gsize e = 0; e + 128 <= sector; e += 128)
        {
          const guint8 *entry = data + at + e;
          guint16 name_bytes = le16 (entry + 64);
          char name[32];
          guint n = 0;

          if (name_bytes < 2 || name_bytes > 64)
            continue;
          for (guint c = 0; c + 1 < name_bytes && n < sizeof name - 1; c += 2)
            {
              guint16 ch = le16 (entry + c);
              if (ch == 0)
                break;
              name[n++] = ch < 128 ? (char) ch : '?';
            }
          name[n] = '\0';
          if (strcmp (name, "WordDocument") == 0)
            return MIME_DOC;
          if (strcmp (name, "Workbook") == 0 || strcmp (name, "Book") == 0)
            return MIME_XLS;
          if (strcmp (name, "PowerPoint Document") == 0)
            return MIME_PPT;
        }
      /* The next sector of the directory. */
      if (fat_index >= 109)
        return NULL;
      fat_sector = le32 (data + 76 + fat_index * 4);
      if (fat_sector >= 0xFFFFFFFAu)
        return NULL;
      fat_at = (((gsize) fat_sector + 1) << shift) + (dir % per_fat) * 4;
      if (fat_at + 4 > len)
        return NULL;
      dir = le32 (data + fat_at);
    }
  return NULL;
}

/* Text: valid UTF-8 (a byte-order mark allowed), no NUL, no control
 * characters but tab, line feed, form feed and carriage return. */
static gboolean
is_text (const guint8 *data,
         gsize         len)
{
  if (!g_utf8_validate_len ((const char *) data, len, NULL))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        return FALSE;
    }
  return TRUE;
}

const char *
cirt_evidence_sniff (const guint8 *data,
                     gsize         len)
{
  if (data == NULL || len == 0)
    return NULL;
  /* A PDF may have a few bytes before its header; readers look in the
   * first kilobyte. */
  for (gsize i = 0; i + 5 <= MIN (len, 1024); i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return MIME_PDF;
  if (has_prefix (data, len, "\x89PNG\r\n\x1a\n", 8))
    return MIME_PNG;
  if (has_prefix (data, len, "\xff\xd8\xff", 3))
    return MIME_JPEG;
  if (has_prefix (data, len, "GIF87a", 6) || has_prefix (data, len, "GIF89a", 6))
    return MIME_GIF;
  if (has_prefix (data, len, "II*\0", 4) || has_prefix (data, len, "MM\0*", 4))
    return MIME_TIFF;
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return MIME_WEBP;
  if (has_prefix (data, len, "PK\x03\x04", 4))
    return sniff_zip (data, len);
  if (has_prefix (data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return sniff_ole (data, len);
  if (is_text (data, len))
    return MIME_TEXT;
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Names, URLs, hashes                                                      */

static gboolean
is_hidden_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *
cirt_evidence_clean_name (const char  *name,
                          gboolean    *cleaned,
                          GError     **error)
{
  const char *base;
  g_autoptr(GString) out = NULL;
  gboolean removed = FALSE;

  if (cleaned)
    *cleaned = FALSE;
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_NAME,
                           _("the file's name is not valid UTF-8 text; rename the file and attach it again"));
      return NULL;
    }
  base = strrchr (name, '/');
  base = base ? base + 1 : name;
  out = g_string_new (NULL);
  for (const char *p = base; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_hidden_control (c))
        removed = TRUE;
      else
        g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0 || strcmp (out->str, ".") == 0 || strcmp (out->str, "..") == 0)
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_NAME,
                           _("the file has no name that can be shown; rename it and attach it again"));
      return NULL;
    }
  if (out->len > CIRT_EVIDENCE_MAX_NAME)
    {
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_NAME,
                   _("the file's name is longer than %d bytes; rename it and attach it again"),
                   CIRT_EVIDENCE_MAX_NAME);
      return NULL;
    }
  if (cleaned)
    *cleaned = removed;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cirt_evidence_check_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme, *host;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL, _("the URL is empty"));
      return NULL;
    }
  if (strlen (url) > CIRT_EVIDENCE_MAX_URL)
    {
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL,
                   _("the URL is longer than %d characters"), CIRT_EVIDENCE_MAX_URL);
      return NULL;
    }
  if (!g_utf8_validate (url, -1, NULL))
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL, _("the URL is not valid UTF-8 text"));
      return NULL;
    }
  for (const char *p = url; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ' || is_hidden_control (c) || g_unichar_isspace (c))
        {
          g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL,
                               _("the URL has spaces or invisible control characters in it"));
          return NULL;
        }
    }
  uri = g_uri_parse (url, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_NON_DNS, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL,
                   _("\"%s\" is not a web address (write it as https://…)"), url);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL,
                   _("only web addresses (http:// or https://) are kept as evidence, not %s:"), scheme);
      return NULL;
    }
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL, _("the URL names no host"));
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL,
                           _("the URL has a user name or password in it; leave them out"));
      return NULL;
    }
  return g_strdup (url);
}

char *
cirt_evidence_sha256 (const guint8 *data,
                      gsize         len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

gboolean
cirt_evidence_is_sha256 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
cirt_evidence_format_size (gint64 size)
{
  return g_format_size_full ((guint64) MAX (size, 0), G_FORMAT_SIZE_IEC_UNITS);
}

/* ------------------------------------------------------------------------ */
/* Reading a file                                                           */

static void
read_error (GError     **error,
            int          code,
            const char  *display,
            const char  *reason)
{
  /* translators: "cannot attach report.pdf: it is a folder" */
  g_set_error (error, CIRT_EVIDENCE_ERROR, code, _("cannot attach %s: %s"), display, reason);
}

static void
too_large (GError     **error,
           const char  *display,
           gint64       size)
{
  g_autofree char *limit = cirt_evidence_format_size (CIRT_EVIDENCE_MAX_SIZE);
  g_autofree char *have = g_format_size_full ((guint64) size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  g_autofree char *reason = NULL;

  /* translators: "it is 40.0 MiB; an item of evidence may be at most 32.0 MiB…" */
  reason = g_strdup_printf (_("it is %s; an item of evidence may be at most %s (scan it at a lower resolution or split it)"),
                            have, limit);
  read_error (error, CIRT_EVIDENCE_ERROR_TOO_LARGE, display, reason);
}

GBytes *
cirt_evidence_read_file (const char   *path,
                         char        **sha256,
                         const char  **mime,
                         GError      **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GChecksum) sum = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  struct stat st;
  const char *kind;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);
  /* O_NONBLOCK: a FIFO is opened without waiting for a writer (and then
   * refused); O_NOFOLLOW: a symlink is not followed. */
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == ELOOP)
        read_error (error, CIRT_EVIDENCE_ERROR_NOT_FILE, display,
                    _("it is a symbolic link; attach the file it points to"));
      else
        read_error (error, CIRT_EVIDENCE_ERROR_READ, display, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      read_error (error, CIRT_EVIDENCE_ERROR_READ, display, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      read_error (error, CIRT_EVIDENCE_ERROR_NOT_FILE, display,
                  S_ISDIR (st.st_mode) ? _("it is a folder, not a file")
                  : S_ISFIFO (st.st_mode) ? _("it is a pipe (FIFO), not a file")
                  : _("it is a device or socket, not a file"));
      return NULL;
    }
  if (st.st_size == 0)
    {
      close (fd);
      read_error (error, CIRT_EVIDENCE_ERROR_EMPTY, display, _("the file is empty"));
      return NULL;
    }
  if (st.st_size > CIRT_EVIDENCE_MAX_SIZE)
    {
      close (fd);
      too_large (error, display, st.st_size);
      return NULL;
    }

  sum = g_checksum_new (G_CHECKSUM_SHA256);
  bytes = g_byte_array_sized_new ((guint) st.st_size);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          read_error (error, CIRT_EVIDENCE_ERROR_READ, display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > CIRT_EVIDENCE_MAX_SIZE)
        {
          /* It grew while it was read. */
          close (fd);
          too_large (error, display, (gint64) bytes->len + n);
          return NULL;
        }
      g_checksum_update (sum, chunk, n);
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  close (fd);
  if (bytes->len == 0)
    {
      read_error (error, CIRT_EVIDENCE_ERROR_EMPTY, display, _("the file is empty"));
      return NULL;
    }
  kind = cirt_evidence_sniff (bytes->data, bytes->len);
  if (kind == NULL)
    {
      read_error (error, CIRT_EVIDENCE_ERROR_KIND, display,
                  _("its content is none of the kinds of document kept as evidence (PDF, Word, Excel, PowerPoint, "
                    "OpenDocument, PNG, JPEG, TIFF, GIF, WebP images, plain UTF-8 text), whatever its name says"));
      return NULL;
    }
  if (sha256)
    *sha256 = g_strdup (g_checksum_get_string (sum));
  if (mime)
    *mime = kind;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
