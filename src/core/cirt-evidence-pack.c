/* cirt-evidence-pack.c — the evidence pack (a zip of the shareable files
 * and their index)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip is made in memory with libzip (as the DOCX package is), then
 * written through the atomic writer. Files are stored without compression
 * when they are compressed already (PDF, images, office zips). */
#include "config.h"

#include "cirt-evidence-pack.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <zip.h>

#include "cirt-evidence.h"
#include "cirt-export.h"
#include "cirt-file.h"
#include "cirt-records.h"
#include "cirt-store-evidence.h"

#define MAX_STEM 60

char *
cirt_evidence_pack_name (guint        index,
                         const char  *name,
                         const char  *mime)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *base = g_strdup (name ? name : "");
  char *dot = strrchr (base, '.');
  guint n = 0;

  /* The original extension goes: the sniffed type gives the real one. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p && n < MAX_STEM; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (stem, c);
      else if (c == '.' && stem->len > 0)
        g_string_append_c (stem, '.');
      else if (stem->len > 0 && stem->str[stem->len - 1] != '_')
        g_string_append_c (stem, '_');
      else
        continue;
      n++;
    }
  while (stem->len > 0 && (stem->str[stem->len - 1] == '_' || stem->str[stem->len - 1] == '.'))
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "document");
  return g_strdup_printf ("%03u-%s.%s", index, stem->str, cirt_evidence_mime_extension (mime));
}

/* A CSV cell: quoted, quotes doubled, and a text a spreadsheet would take
 * for a formula (= + - @, a tab or a carriage return first) led by an
 * apostrophe. */
static void
csv_cell (GString    *out,
          const char *text,
          gboolean    last)
{
  const char *t = text ? text : "";

  g_string_append_c (out, '"');
  if (*t == '=' || *t == '+' || *t == '-' || *t == '@' || *t == '\t' || *t == '\r')
    g_string_append_c (out, '\'');
  for (const char *p = t; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

static void
html_text (GString    *out,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  g_string_append (out, escaped);
}

static void
html_cell (GString    *out,
           const char *tag,
           const char *text,
           gboolean    code)
{
  g_string_append_printf (out, "<%s dir=\"auto\">%s", tag, code ? "<code>" : "");
  html_text (out, text);
  g_string_append_printf (out, "%s</%s>", code ? "</code>" : "", tag);
}

static gboolean
add_entry (zip_t       *zip,
           const char  *name,
           GBytes      *bytes,
           gboolean     compress)
{
  gsize len = 0;
  const void *data = g_bytes_get_data (bytes, &len);
  zip_source_t *src = zip_source_buffer (zip, data, len, 0);
  zip_int64_t index;

  if (src == NULL)
    return FALSE;
  index = zip_file_add (zip, name, src, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (src);
      return FALSE;
    }
  return zip_set_file_compression (zip, (zip_uint64_t) index, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0;
}

static gboolean
compresses (const char *mime)
{
  return g_strcmp0 (mime, "text/plain") == 0 || g_strcmp0 (mime, "application/msword") == 0 ||
         g_strcmp0 (mime, "application/vnd.ms-excel") == 0 || g_strcmp0 (mime, "application/vnd.ms-powerpoint") == 0 ||
         g_strcmp0 (mime, "image/tiff") == 0;
}

static void
pack_error (GError     **error,
            const char  *reason)
{
  g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot make the evidence pack: %s"), reason);
}

/* The zip of @entries (name → GBytes, in order), in memory. */
static GBytes *
make_zip (GPtrArray  *names,
          GPtrArray  *contents,
          GPtrArray  *compress,
          GError    **error)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *zip;
  zip_stat_t st;
  guint8 *data;
  gboolean ok = TRUE;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  if (src == NULL || (zip = zip_open_from_source (src, ZIP_TRUNCATE, &zerr)) == NULL)
    {
      pack_error (error, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      if (src)
        zip_source_free (src);
      return NULL;
    }
  zip_source_keep (src);
  for (guint i = 0; i < names->len && ok; i++)
    ok = add_entry (zip, g_ptr_array_index (names, i), g_ptr_array_index (contents, i),
                    GPOINTER_TO_INT (g_ptr_array_index (compress, i)));
  if (!ok || zip_close (zip) < 0)
    {
      pack_error (error, zip_strerror (zip));
      zip_discard (zip);
      zip_source_free (src);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);
  if (zip_source_stat (src, &st) < 0 || zip_source_open (src) < 0)
    {
      pack_error (error, zip_error_strerror (zip_source_error (src)));
      zip_source_free (src);
      return NULL;
    }
  data = g_malloc (st.size ? st.size : 1);
  if (zip_source_read (src, data, st.size) != (zip_int64_t) st.size)
    {
      pack_error (error, zip_error_strerror (zip_source_error (src)));
      g_free (data);
      zip_source_close (src);
      zip_source_free (src);
      return NULL;
    }
  zip_source_close (src);
  zip_source_free (src);
  return g_bytes_new_take (data, st.size);
}

gboolean
cirt_evidence_pack_write (CirtStore       *store,
                          const char      *id,
                          const CirtLang  *lang,
                          const char      *path,
                          guint           *n_files,
                          GError         **error)
{
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) compress = g_ptr_array_new ();
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autofree char *intro = NULL;
  const char *code;
  guint n = 0, shared = 0;

  g_return_val_if_fail (CIRT_IS_STORE (store), FALSE);

  if (lang == NULL)
    lang = cirt_lang_default ();
  code = cirt_lang_get_code (lang);
  if ((info = cirt_store_get_assessment (store, id, error)) == NULL ||
      (items = cirt_store_list_evidence (store, id, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    shared += ((CirtEvidence *) g_ptr_array_index (items, i))->shareable;
  if (shared == 0)
    {
      g_set_error_literal (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION,
                           _("no item of evidence of this assessment is marked shareable with the ministry; "
                             "nothing to pack"));
      return FALSE;
    }

  intro = cirt_lang_format (lang, CIRT_STR_EVIDENCE_PACK_INTRO, info->title, info->country, NULL, NULL);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_FILE_IN_PACK), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_ORIGINAL_NAME), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_URL), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_SHA256), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_DATE), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_QUESTION), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_QUESTION_TEXT), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_SIZE), FALSE);
  csv_cell (csv, cirt_lang_str (lang, CIRT_STR_EVIDENCE_TYPE), TRUE);

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head><meta charset=\"utf-8\">"
                                "<title>", code, cirt_lang_is_rtl (lang) ? "rtl" : "ltr");
  html_text (html, cirt_lang_str (lang, CIRT_STR_EVIDENCE_PACK_TITLE));
  g_string_append (html, "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                         "th,td{border:1px solid #999;padding:.3em .5em;text-align:start;vertical-align:top}"
                         "code{font-size:.85em;word-break:break-all}</style></head>\n<body>\n<h1>");
  html_text (html, cirt_lang_str (lang, CIRT_STR_EVIDENCE_PACK_TITLE));
  g_string_append (html, "</h1>\n<p>");
  html_text (html, intro);
  g_string_append (html, "</p>\n<table>\n<tr>");
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_FILE_IN_PACK), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_ORIGINAL_NAME), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_SHA256), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_DATE), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_QUESTION), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_QUESTION_TEXT), FALSE);
  html_cell (html, "th", cirt_lang_str (lang, CIRT_STR_EVIDENCE_SIZE), FALSE);
  g_string_append (html, "</tr>\n");

  for (guint i = 0; i < items->len; i++)
    {
      CirtEvidence *e = g_ptr_array_index (items, i);
      const CirtQuestion *q;
      const char *qtext;
      g_autofree char *file = NULL, *size = NULL;

      if (!e->shareable)
        continue;
      q = cirt_store_lookup_question (store, id, e->question, NULL);
      qtext = q ? cirt_text_get (q->text, code) : NULL;
      if (e->kind == CIRT_EVIDENCE_FILE)
        {
          GBytes *bytes = cirt_store_get_evidence_data (store, e->sha256, error);

          if (bytes == NULL)
            return FALSE;
          file = cirt_evidence_pack_name (++n, e->name, e->mime);
          g_ptr_array_add (names, g_strconcat ("evidence/", file, NULL));
          g_ptr_array_add (contents, bytes);
          g_ptr_array_add (compress, GINT_TO_POINTER (compresses (e->mime)));
          size = g_strdup_printf ("%" G_GINT64_FORMAT, e->size);
        }
      {
        g_autofree char *in_pack = file ? g_strconcat ("evidence/", file, NULL) : NULL;
        csv_cell (csv, in_pack, FALSE);
      }
      csv_cell (csv, e->name, FALSE);
      csv_cell (csv, e->url, FALSE);
      csv_cell (csv, e->sha256, FALSE);
      csv_cell (csv, e->date, FALSE);
      csv_cell (csv, e->question, FALSE);
      csv_cell (csv, qtext, FALSE);
      csv_cell (csv, size, FALSE);
      csv_cell (csv, e->kind == CIRT_EVIDENCE_FILE ? e->mime : cirt_lang_str (lang, CIRT_STR_EVIDENCE_WEB_PAGE), TRUE);

      g_string_append (html, "<tr>");
      if (file != NULL)
        {
          g_autofree char *href = g_uri_escape_string (file, NULL, FALSE);
          g_string_append_printf (html, "<td dir=\"auto\"><a href=\"evidence/%s\">", href);
          html_text (html, file);
          g_string_append (html, "</a></td>");
          html_cell (html, "td", e->name, FALSE);
        }
      else
        {
          g_string_append (html, "<td>");
          html_text (html, cirt_lang_str (lang, CIRT_STR_EVIDENCE_WEB_PAGE));
          g_string_append (html, "</td>");
          html_cell (html, "td", e->url, TRUE);
        }
      html_cell (html, "td", e->sha256, TRUE);
      html_cell (html, "td", e->date, FALSE);
      html_cell (html, "td", e->question, FALSE);
      html_cell (html, "td", qtext, FALSE);
      html_cell (html, "td", size, FALSE);
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</table>\n</body>\n</html>\n");

  g_ptr_array_insert (names, 0, g_strdup ("index.html"));
  g_ptr_array_insert (contents, 0, g_bytes_new (html->str, html->len));
  g_ptr_array_insert (compress, 0, GINT_TO_POINTER (TRUE));
  g_ptr_array_insert (names, 0, g_strdup ("index.csv"));
  g_ptr_array_insert (contents, 0, g_bytes_new (csv->str, csv->len));
  g_ptr_array_insert (compress, 0, GINT_TO_POINTER (TRUE));
  zip = make_zip (names, contents, compress, error);
  if (zip == NULL)
    return FALSE;
  {
    gsize len;
    const char *data = g_bytes_get_data (zip, &len);
    if (!cirt_file_set_contents (path, data, (gssize) len, error))
      return FALSE;
  }
  if (n_files)
    *n_files = n;
  return TRUE;
}
