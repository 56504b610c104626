/* cirt-export-xlsx.c — the assessment as an Excel workbook for the ministry
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules this file keeps:
 * - every number comes from CirtScore (or, per question, from
 *   cirt_question_score_value(), the function CirtScore itself uses) and is
 *   written with worksheet_write_number() at full precision; the "0.00"
 *   number format only changes what is shown. Two decimals, not one:
 *   spreadsheets round for display while the report and the charts cut
 *   (59.96 is not yet level 3's 60), so 41.18 shows as "41.18" beside the
 *   report's "41.1" rather than as a contradicting "41.2";
 * - every text a person wrote is written with worksheet_write_string(), never
 *   as a formula, so "=SUM(A1)" or "@cmd" stays text;
 * - a text longer than a cell can hold is cut with a visible marker
 *   (cirt_export_fit_cell()), never dropped and never an error;
 * - the file appears only when complete (temporary file + rename).
 */
#include "config.h"

#include "cirt-export-xlsx.h"

#include "cirt-evidence.h"
#include "cirt-interviews.h"
#include "cirt-export-private.h"
#include "cirt-chart.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "cirt-countries.h"
#include "cirt-file.h"
#include "cirt-style.h"

#define COLOR_INK        CIRT_COLOR_INK
#define COLOR_NAVY       CIRT_COLOR_NAVY
#define COLOR_MUTED      CIRT_COLOR_MUTED
#define COLOR_RULE       CIRT_COLOR_RULE
#define COLOR_CURRENT    CIRT_COLOR_CURRENT
#define COLOR_TARGET     CIRT_COLOR_TARGET
#define COLOR_BASELINE   CIRT_COLOR_BASELINE
#define COLOR_WARNING    CIRT_COLOR_WARNING

/* Paper codes of the print setup (ECMA-376 ST_PaperSize). */
#define XLSX_PAPER_LETTER 1
#define XLSX_PAPER_A4     9

typedef struct {
  lxw_workbook            *wb;
  CirtAssessmentData      *data;     /* NULL for the portfolio */
  const char              *title;    /* of the document: the assessment's, or the portfolio's */
  const CirtExportOptions *opts;
  const char              *lang;     /* code, for instrument texts */
  const CirtLang          *l;
  lxw_error                error;
  char                    *error_where;
  guint                    n_truncated;

  /* Row heights: spreadsheets do not all grow a row to fit wrapped text
   * on load (LibreOffice keeps the default height), so estimate them. */
  lxw_worksheet           *track_ws;
  lxw_row_t                track_row;
  guint                    track_lines;
  double                   widths[32];

  lxw_format *banner;
  lxw_format *tlp;
  lxw_format *heading;
  lxw_format *header;
  lxw_format *text;
  lxw_format *text_bold;
  lxw_format *label;
  lxw_format *notice;
  lxw_format *number;
  lxw_format *number_big;
  lxw_format *integer;
  lxw_format *gap;
  lxw_format *delta;
  lxw_format *percent;
  lxw_format *priority;
  lxw_format *datetime;
  lxw_format *center;
  lxw_format *para;
} Xlsx;

/* ------------------------------------------------------------------------ */
/* Cells and the file */

static gsize
utf16_units (gunichar c)
{
  return c > 0xFFFF ? 2 : 1;
}

char *
cirt_export_fit_cell (const char     *text,
                      const CirtLang *lang,
                      gsize       limit,
                      gboolean   *truncated)
{
  gsize units = 0, total_chars = 0, kept_chars = 0, marker_units = 0;
  const char *p, *cut = NULL;
  g_autofree char *marker = NULL, *count = NULL;

  *truncated = FALSE;
  if (text == NULL)
    return NULL;
  for (p = text; *p; p = g_utf8_next_char (p))
    units += utf16_units (g_utf8_get_char (p));
  if (units <= limit)
    return NULL;

  total_chars = g_utf8_strlen (text, -1);
  /* The marker names how many characters were left out, which depends on
   * where the cut falls; size it with the largest possible count. */
  count = g_strdup_printf ("%" G_GSIZE_FORMAT, total_chars);
  marker = cirt_lang_format (lang, CIRT_STR_TRUNCATED, count, NULL, NULL, NULL);
  for (p = marker; *p; p = g_utf8_next_char (p))
    marker_units += utf16_units (g_utf8_get_char (p));
  g_return_val_if_fail (marker_units + 2 < limit, NULL);

  units = 0;
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gsize u = utf16_units (g_utf8_get_char (p));
      if (units + u + marker_units + 2 > limit)
        break;
      units += u;
      kept_chars++;
    }
  cut = p;
  g_clear_pointer (&count, g_free);
  g_clear_pointer (&marker, g_free);
  count = g_strdup_printf ("%" G_GSIZE_FORMAT, total_chars - kept_chars);
  marker = cirt_lang_format (lang, CIRT_STR_TRUNCATED, count, NULL, NULL, NULL);
  *truncated = TRUE;
  return g_strdup_printf ("%.*s\n\n%s", (int) (cut - text), text, marker);
}

/* ------------------------------------------------------------------------ */
/* Checking a written workbook */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;
          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&init, 1);
    }
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
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
inflate_raw (const guint8 *in,
             gsize         in_len,
             guint8       *out,
             gsize         out_len)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  gsize done_in = 0, done_out = 0;

  for (;;)
    {
      gsize r = 0, w = 0;
      GConverterResult res;
      /* One spare byte: more output than the directory says is an error too. */
      guint8 spare;
      guint8 *dst = done_out < out_len ? out + done_out : &spare;
      gsize room = done_out < out_len ? out_len - done_out : 1;

      res = g_converter_convert (G_CONVERTER (z), in + done_in, in_len - done_in, dst, room,
                                 G_CONVERTER_INPUT_AT_END, &r, &w, NULL);
      if (res == G_CONVERTER_ERROR)
        return FALSE;
      done_in += r;
      done_out += w;
      if (done_out > out_len)
        return FALSE;
      if (res == G_CONVERTER_FINISHED)
        return done_out == out_len;
      if (r == 0 && w == 0)
        return FALSE;
    }
}

/* An XML part is complete when it ends by closing its root element. */
static gboolean
xml_part_complete (const char *xml,
                   gsize       len)
{
  const char *p = xml, *end = xml + len, *name;
  gsize name_len;
  g_autofree char *closing = NULL;

  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (end - p >= 5 && strncmp (p, "<?xml", 5) == 0)
    {
      const char *q = g_strstr_len (p, end - p, "?>");
      if (q == NULL)
        return FALSE;
      p = q + 2;
    }
  while (p < end && *p != '<')
    p++;
  if (p >= end)
    return FALSE;
  name = ++p;
  while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
    p++;
  name_len = p - name;
  if (name_len == 0)
    return FALSE;
  if (end - xml >= 2 && end[-2] == '/' && end[-1] == '>' && g_strstr_len (name, end - name, ">") == end - 1)
    return TRUE;   /* <root ... /> */
  closing = g_strdup_printf ("</%.*s>", (int) name_len, name);
  return (gsize) (end - xml) >= strlen (closing) && strncmp (end - strlen (closing), closing, strlen (closing)) == 0;
}

gboolean
cirt_export_verify_xlsx (const char  *path,
                         GError     **error)
{
  g_autofree guint8 *data = NULL;
  gsize len = 0;
  const guint8 *eocd = NULL;
  guint n_entries;
  gsize cd_offset, pos;

#define BROKEN(what) G_STMT_START { \
    g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, \
                 _("the workbook came out incomplete (%s); is the disk or the temporary folder full?"), what); \
    return FALSE; \
  } G_STMT_END

  if (!g_file_get_contents (path, (char **) &data, &len, error))
    return FALSE;
  if (len < 22)
    BROKEN ("no ZIP directory");
  for (gsize i = len - 22; ; i--)
    {
      if (le32 (data + i) == 0x06054b50)
        {
          eocd = data + i;
          break;
        }
      if (i == 0 || len - i > 22 + 0xFFFF)
        break;
    }
  if (eocd == NULL)
    BROKEN ("no ZIP directory");
  n_entries = le16 (eocd + 10);
  cd_offset = le32 (eocd + 16);
  if (n_entries == 0xFFFF || cd_offset == 0xFFFFFFFF)
    return TRUE;   /* ZIP64: not written by us (use_zip64 is off) */
  if (n_entries == 0 || cd_offset >= len)
    BROKEN ("empty ZIP directory");

  pos = cd_offset;
  for (guint e = 0; e < n_entries; e++)
    {
      guint16 method, name_len;
      guint32 crc, csize, usize, local;
      gsize data_at;
      g_autofree char *name = NULL;
      g_autofree guint8 *plain = NULL;

      if (pos + 46 > len || le32 (data + pos) != 0x02014b50)
        BROKEN ("damaged ZIP directory");
      method = le16 (data + pos + 10);
      crc = le32 (data + pos + 16);
      csize = le32 (data + pos + 20);
      usize = le32 (data + pos + 24);
      name_len = le16 (data + pos + 28);
      local = le32 (data + pos + 42);
      if (pos + 46 + name_len > len)
        BROKEN ("damaged ZIP directory");
      name = g_strndup ((const char *) data + pos + 46, name_len);
      pos += 46 + name_len + le16 (data + pos + 30) + le16 (data + pos + 32);

      if (local + 30 > len || le32 (data + local) != 0x04034b50)
        BROKEN (name);
      data_at = local + 30 + le16 (data + local + 26) + le16 (data + local + 28);
      if (data_at + csize > len)
        BROKEN (name);
      plain = g_malloc (usize + 1);
      if (method == 0)
        {
          if (csize != usize)
            BROKEN (name);
          memcpy (plain, data + data_at, usize);
        }
      else if (method == 8)
        {
          if (!inflate_raw (data + data_at, csize, plain, usize))
            BROKEN (name);
        }
      else
        BROKEN (name);
      if (crc32_update (0, plain, usize) != crc)
        BROKEN (name);
      if ((g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")) &&
          !xml_part_complete ((const char *) plain, usize))
        BROKEN (name);
    }
#undef BROKEN
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static const char *
str (Xlsx       *x,
     CirtString  id)
{
  return cirt_lang_str (x->l, id);
}

static void
check (Xlsx       *x,
       lxw_error   err,
       const char *where)
{
  if (err != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
    {
      x->error = err;
      x->error_where = g_strdup (where);
    }
}

static guint
estimate_lines (const char *text,
                double      width_chars)
{
  double per_line = MAX (4.0, width_chars * 1.1 - 1.0);
  guint lines = 0;
  const char *p = text, *nl;

  do
    {
      glong n;
      nl = strchr (p, '\n');
      n = nl ? g_utf8_pointer_to_offset (p, nl) : g_utf8_strlen (p, -1);
      /* Word wrap wastes the end of lines: count a tenth more. */
      lines += MAX (1, (guint) ceil (n * 1.1 / per_line));
      p = nl ? nl + 1 : NULL;
    }
  while (p != NULL);
  return lines;
}

static void
flush_row_height (Xlsx *x)
{
  if (x->track_ws != NULL && x->track_lines > 1)
    check (x, worksheet_set_row (x->track_ws, x->track_row, MIN (409.0, 13.2 * x->track_lines + 2), NULL),
           "row height");
  x->track_ws = NULL;
  x->track_lines = 0;
}

static void
track_cell (Xlsx          *x,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text)
{
  if (ws != x->track_ws || row != x->track_row)
    {
      flush_row_height (x);
      x->track_ws = ws;
      x->track_row = row;
    }
  if (col < G_N_ELEMENTS (x->widths) && x->widths[col] > 0)
    x->track_lines = MAX (x->track_lines, estimate_lines (text, x->widths[col]));
}

static void
set_widths (Xlsx          *x,
            lxw_worksheet *ws,
            const double  *widths,
            guint          n)
{
  memset (x->widths, 0, sizeof x->widths);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (x->widths); i++)
    {
      x->widths[i] = widths[i];
      check (x, worksheet_set_column (ws, (lxw_col_t) i, (lxw_col_t) i, widths[i], NULL), "column width");
    }
}

static void
put_text (Xlsx          *x,
          lxw_worksheet *ws,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *valid = NULL, *fitted = NULL;
  gboolean cut = FALSE;

  if (text == NULL || *text == '\0')
    {
      if (format)
        check (x, worksheet_write_blank (ws, row, col, format), "blank cell");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  fitted = cirt_export_fit_cell (text, x->l, CIRT_XLSX_CELL_MAX, &cut);
  if (cut)
    x->n_truncated++;
  check (x, worksheet_write_string (ws, row, col, fitted ? fitted : text, format), "text cell");
  if (format != x->header && format != x->banner && format != x->tlp && format != x->heading)
    track_cell (x, ws, row, col, fitted ? fitted : text);
}

static void
put_number (Xlsx          *x,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value,
            lxw_format    *format)
{
  if (isnan (value) || isinf (value))
    check (x, worksheet_write_blank (ws, row, col, format), "blank cell");
  else
    check (x, worksheet_write_number (ws, row, col, value, format), "number cell");
}

static void
put_merged (Xlsx          *x,
            lxw_worksheet *ws,
            lxw_row_t      row,
            lxw_col_t      first,
            lxw_col_t      last,
            const char    *text,
            lxw_format    *format,
            double         width_chars)
{
  g_autofree char *fitted = NULL;
  gboolean cut = FALSE;
  guint lines = 0;
  const char *t;

  if (text == NULL)
    text = "";
  fitted = cirt_export_fit_cell (text, x->l, CIRT_XLSX_CELL_MAX, &cut);
  if (cut)
    x->n_truncated++;
  t = fitted ? fitted : text;
  /* Spreadsheets do not grow a merged row to fit wrapped text: estimate. */
  {
    g_auto(GStrv) paras = g_strsplit (t, "\n", -1);
    for (guint i = 0; paras[i]; i++)
      lines += MAX (1, (guint) ceil (g_utf8_strlen (paras[i], -1) * 1.1 / width_chars));
  }
  check (x, worksheet_merge_range (ws, row, first, row, last, "", format), "merged cells");
  /* merge_range writes through worksheet_write_string: still a string. */
  check (x, worksheet_write_string (ws, row, first, t, format), "merged cells");
  if (lines > 1)
    check (x, worksheet_set_row (ws, row, MIN (409.0, 15.0 * lines), NULL), "row height");
}

static void
put_datetime (Xlsx          *x,
              lxw_worksheet *ws,
              lxw_row_t      row,
              lxw_col_t      col,
              const char    *iso)
{
  int y, mo, d, h = 0, mi = 0;
  double s = 0;

  if (iso == NULL || *iso == '\0')
    return;
  if (sscanf (iso, "%4d-%2d-%2dT%2d:%2d:%lf", &y, &mo, &d, &h, &mi, &s) >= 3 &&
      g_date_valid_dmy (d, mo, y) && h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 61)
    {
      lxw_datetime dt = { y, mo, d, h, mi, s };
      check (x, worksheet_write_datetime (ws, row, col, &dt, x->datetime), "date cell");
    }
  else
    put_text (x, ws, row, col, iso, x->text);
}

/* "&" starts a code in header/footer strings; Excel allows 255 characters. */
static char *
hf_escape (const char *text,
           glong       max_chars)
{
  g_autofree char *cut = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *head = g_utf8_substring (text, 0, max_chars - 1);
      cut = g_strconcat (head, "…", NULL);
      text = cut;
    }
  for (const char *p = text; *p; p++)
    {
      if (*p == '&')
        g_string_append (out, "&&");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
setup_sheet (Xlsx          *x,
             lxw_worksheet *ws,
             lxw_row_t      header_rows)
{
  const char *tlp = cirt_tlp_label (x->opts->tlp);
  g_autofree char *title = hf_escape (x->title, 70);
  g_autofree char *page = cirt_lang_expand (str (x, CIRT_STR_PAGE_N_OF_M), "&P", "&N", NULL, NULL);
  g_autofree char *header = g_strdup_printf ("&L&\"-,Bold\"%s&\"-,Regular\"&C%s&R&\"-,Bold\"%s", tlp, title, tlp);
  g_autofree char *footer = g_strdup_printf ("&L&A&C%s&R&\"-,Bold\"%s", page, tlp);

  worksheet_set_landscape (ws);
  /* Arabic: the sheet runs right to left (column A on the right), as Excel
   * and LibreOffice show a sheet made in an Arabic locale. */
  if (cirt_lang_is_rtl (x->l))
    worksheet_right_to_left (ws);
  worksheet_set_paper (ws, x->opts->paper == CIRT_PAPER_LETTER ? XLSX_PAPER_LETTER : XLSX_PAPER_A4);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.8, 0.8);
  check (x, worksheet_set_header (ws, header), "page header");
  check (x, worksheet_set_footer (ws, footer), "page footer");
  check (x, worksheet_repeat_rows (ws, 0, header_rows - 1), "print titles");
  worksheet_freeze_panes (ws, header_rows, 0);
  worksheet_set_tab_color (ws, COLOR_NAVY);
}

/* Row 0 of every sheet: what it is, and the TLP marking at the right. */
static void
put_banner (Xlsx          *x,
            lxw_worksheet *ws,
            const char    *sheet_title,
            lxw_col_t      last_col)
{
  g_autofree char *title = sheet_title ? g_strdup_printf ("%s — %s", sheet_title, x->title) : g_strdup (x->title);

  check (x, worksheet_set_row (ws, 0, 24, NULL), "row height");
  if (last_col > 0)
    check (x, worksheet_merge_range (ws, 0, 0, 0, last_col - 1, "", x->banner), "banner");
  put_text (x, ws, 0, 0, title, x->banner);
  put_text (x, ws, 0, last_col, cirt_tlp_label (x->opts->tlp), x->tlp);
}

static void
put_headers (Xlsx              *x,
             lxw_worksheet     *ws,
             lxw_row_t          row,
             const char * const *titles,
             const double      *widths,
             guint              n)
{
  check (x, worksheet_set_row (ws, row, 30, NULL), "row height");
  if (widths)
    set_widths (x, ws, widths, n);
  for (guint i = 0; i < n; i++)
    put_text (x, ws, row, (lxw_col_t) i, titles[i], x->header);
}

static const char *
section_title (Xlsx              *x,
               const CirtSection *section)
{
  return cirt_text_get (section->title, x->lang);
}

static char *
level_name (Xlsx *x,
            int   level)
{
  const CirtLevelInfo *info;

  if (level < 1 || level > CIRT_N_LEVELS)
    return NULL;
  info = cirt_score_get_level_info (x->data->score, level);
  return info ? g_strdup (cirt_text_get (info->name, x->lang)) : NULL;
}

static double
level_min (Xlsx *x,
           int   level)
{
  const CirtLevelInfo *info;

  if (level < 1 || level > CIRT_N_LEVELS)
    return NAN;
  info = cirt_score_get_level_info (x->data->score, level);
  return info ? info->min : NAN;
}

static void
put_value_cells (Xlsx                 *x,
                 lxw_worksheet        *ws,
                 lxw_row_t             row,
                 lxw_col_t             col,
                 const CirtScoreValue *v)
{
  g_autofree char *name = NULL;

  /* score, level, level name */
  put_number (x, ws, row, col, v->defined ? v->score : NAN, x->number);
  put_number (x, ws, row, col + 1, v->defined && v->level > 0 ? v->level : NAN, x->integer);
  name = v->defined ? level_name (x, v->level) : NULL;
  put_text (x, ws, row, col + 2, name ? name : str (x, CIRT_STR_NO_SCORE), x->text);
}

/* ------------------------------------------------------------------------ */
/* Summary */

static void
write_summary (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  CirtAssessmentInfo *info = d->info;
  const char *name = str (x, CIRT_STR_SHEET_SUMMARY);
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, name);
  const CirtScoreValue *overall = cirt_score_get_overall (d->score);
  GPtrArray *capped_by = cirt_score_get_capped_by (d->score);
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  gboolean has_baseline = d->baseline != NULL;
  const lxw_col_t last = has_baseline ? 9 : 8;
  const double widths[] = { 34, 13, 8, 16, 22, 16, 12, 12, 12, 13 };
  lxw_row_t row = 2, pillar_first, pillar_last, section_first, section_last;
  g_autofree char *period = cirt_lang_format_period (x->l, info->started_on, info->ended_on);
  g_autofree char *doc_date = cirt_lang_format_date (x->l, d->loaded_on);
  g_autofree char *tlp_line = g_strdup_printf ("%s — %s", cirt_tlp_label (x->opts->tlp),
                                               cirt_tlp_meaning (x->opts->tlp, x->l));
  g_autoptr(GString) inst_text = g_string_new (NULL);
  guint n_sections = cirt_score_get_n_sections (d->score);
  g_autofree char *reviewed = NULL, *review_draft = NULL;
  const char *status;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Summary sheet");
      return;
    }
  worksheet_activate (ws);
  set_widths (x, ws, widths, last + 1);
  setup_sheet (x, ws, 1);
  put_banner (x, ws, NULL, last);

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      if (i)
        g_string_append (inst_text, "\n");
      g_string_append_printf (inst_text, "%s (%s %s)", cirt_instrument_get_title (inst, x->lang),
                              cirt_instrument_get_id (inst), cirt_instrument_get_version (inst));
    }
  status = g_strcmp0 (info->status, "completed") == 0 ? str (x, CIRT_STR_STATUS_COMPLETED)
                                                       : str (x, CIRT_STR_STATUS_IN_PROGRESS);
  reviewed = cirt_export_review_share (x->l, d);
  review_draft = cirt_export_review_draft (x->l, d);
  if (reviewed != NULL && review_draft != NULL)
    {
      char *both = g_strconcat (reviewed, "\n", review_draft, NULL);
      g_free (reviewed);
      reviewed = both;
    }
  {
    const struct { CirtString label; const char *value; } meta[] = {
      { CIRT_STR_ASSESSMENT, info->title },
      { CIRT_STR_COUNTRY, info->country },
      { CIRT_STR_ORGANISATION, info->organisation },
      { CIRT_STR_MISSION_PHASE, cirt_lang_mission_phase (x->l, info->phase) },
      { CIRT_STR_LEAD_ASSESSOR, info->lead_assessor },
      { CIRT_STR_ASSESSORS, info->assessors },
      { CIRT_STR_MISSION_DATES, period },
      { CIRT_STR_STATUS, status },
      { CIRT_STR_ANSWERS_REVIEWED, reviewed },
      { CIRT_STR_INSTRUMENTS, inst_text->str },
      { CIRT_STR_BASELINE, d->baseline_info ? d->baseline_info->title : NULL },
      { CIRT_STR_ASSESSMENT_ID, info->id },
      { CIRT_STR_DOCUMENT_DATE, doc_date },
      { CIRT_STR_MARKING, tlp_line },
    };
    for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
      {
        if (meta[i].value == NULL || *meta[i].value == '\0')
          continue;
        put_text (x, ws, row, 0, str (x, meta[i].label), x->label);
        put_merged (x, ws, row, 1, last, meta[i].value, x->text, 120);
        row++;
      }
  }

  /* Overall */
  row++;
  put_text (x, ws, row, 0, str (x, CIRT_STR_OVERALL_INDEX), x->heading);
  put_number (x, ws, row, 1, overall->defined ? overall->score : NAN, x->number_big);
  put_number (x, ws, row, 2, overall->defined && overall->level > 0 ? overall->level : NAN, x->integer);
  {
    g_autofree char *lvl = overall->defined ? level_name (x, overall->level) : NULL;
    put_text (x, ws, row, 3, lvl ? lvl : str (x, CIRT_STR_NO_SCORE), x->text_bold);
  }
  row++;
  put_text (x, ws, row, 0, str (x, CIRT_STR_COVERAGE), x->label);
  put_number (x, ws, row, 1, overall->coverage, x->percent);
  row++;
  {
    g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *pct = cirt_lang_format_percent (x->l, overall->coverage);

    if (!overall->defined)
      g_ptr_array_add (notices, g_strdup (str (x, CIRT_STR_NOTICE_UNDEFINED)));
    else if (overall->provisional)
      {
        g_autofree char *eighty = cirt_lang_format_percent (x->l, CIRT_SCORE_FIRM_COVERAGE);
        g_ptr_array_add (notices, cirt_lang_format (x->l, CIRT_STR_NOTICE_PROVISIONAL, pct, eighty, NULL, NULL));
      }
    if (capped_by->len > 0)
      {
        g_autoptr(GString) causes = g_string_new (NULL);
        g_autofree char *lvl2 = level_name (x, 2);
        for (guint i = 0; i < capped_by->len; i++)
          {
            const CirtQuestion *q = g_ptr_array_index (capped_by, i);
            g_string_append_printf (causes, "%s%s (%s)", i ? "; " : "", q->id, cirt_text_get (q->text, x->lang));
          }
        g_ptr_array_add (notices, cirt_lang_expand (str (x, CIRT_STR_NOTICE_CAP), lvl2, causes->str, NULL, NULL));
      }
    for (guint i = 0; i < notices->len; i++)
      put_merged (x, ws, row++, 0, last, g_ptr_array_index (notices, i), x->notice, 150);
  }

  /* Pillars */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PILLAR_SCORES), x->heading);
  {
    const char *titles[] = {
      str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_SCORE), str (x, CIRT_STR_LEVEL), str (x, CIRT_STR_LEVEL_NAME),
      str (x, CIRT_STR_TARGET_LEVEL), str (x, CIRT_STR_TARGET_INDEX), str (x, CIRT_STR_GAP_LEVELS),
      str (x, CIRT_STR_COVERAGE), str (x, CIRT_STR_PROVISIONAL), str (x, CIRT_STR_PREVIOUS_SCORE),
    };
    put_headers (x, ws, row++, titles, NULL, has_baseline ? 10 : 9);
  }
  pillar_first = row;
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (d->score, p);
      if (!ps->used)
        continue;
      put_text (x, ws, row, 0, cirt_lang_pillar_title (x->l, p), x->text_bold);
      put_value_cells (x, ws, row, 1, &ps->value);
      put_number (x, ws, row, 4, ps->target > 0 ? ps->target : NAN, x->integer);
      put_number (x, ws, row, 5, level_min (x, ps->target), x->number);
      put_number (x, ws, row, 6, ps->has_gap ? ps->gap : NAN, x->gap);
      put_number (x, ws, row, 7, ps->value.coverage, x->percent);
      put_text (x, ws, row, 8, ps->value.provisional ? str (x, CIRT_STR_YES) : "", x->center);
      if (has_baseline)
        {
          const CirtPillarScore *bs = cirt_score_get_pillar (d->baseline, p);
          put_number (x, ws, row, 9, bs->value.defined ? bs->value.score : NAN, x->number);
        }
      row++;
    }
  pillar_last = row - 1;

  /* Sections */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_SECTION_SCORES), x->heading);
  {
    const char *titles[] = {
      str (x, CIRT_STR_SECTION), str (x, CIRT_STR_SCORE), str (x, CIRT_STR_LEVEL), str (x, CIRT_STR_LEVEL_NAME),
      str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_INSTRUMENT), str (x, CIRT_STR_ANSWERED),
      str (x, CIRT_STR_COVERAGE), str (x, CIRT_STR_PROVISIONAL),
    };
    put_headers (x, ws, row++, titles, NULL, 9);
  }
  section_first = row;
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    for (guint i = 0; i < n_sections; i++)
      {
        const CirtSectionScore *ss = cirt_score_get_section (d->score, i);
        g_autofree char *answered = NULL, *a = NULL, *b = NULL;
        if (ss->section->pillar != p)
          continue;
        a = g_strdup_printf ("%u", ss->answered);
        b = g_strdup_printf ("%u", ss->total);
        answered = cirt_lang_expand (str (x, CIRT_STR_ANSWERED_OF), a, b, NULL, NULL);
        put_text (x, ws, row, 0, section_title (x, ss->section), x->text);
        put_value_cells (x, ws, row, 1, &ss->value);
        put_text (x, ws, row, 4, cirt_lang_pillar_title (x->l, p), x->text);
        put_text (x, ws, row, 5, cirt_instrument_get_id (ss->instrument), x->text);
        put_text (x, ws, row, 6, answered, x->center);
        put_number (x, ws, row, 7, ss->value.coverage, x->percent);
        put_text (x, ws, row, 8, ss->value.provisional ? str (x, CIRT_STR_YES) : "", x->center);
        row++;
      }
  section_last = row - 1;
  row += 2;

  /* Native charts on the cells above: they stay editable. */
  if (pillar_last >= pillar_first)
    {
      lxw_chart *radar = workbook_add_chart (x->wb, LXW_CHART_RADAR);
      lxw_chart_series *s;
      lxw_chart_line line_cur = { .color = COLOR_CURRENT, .width = 2.25 };
      lxw_chart_line line_tgt = { .color = COLOR_TARGET, .width = 1.75, .dash_type = LXW_CHART_LINE_DASH_DASH };
      lxw_chart_line line_base = { .color = COLOR_BASELINE, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_ROUND_DOT };
      lxw_chart_font title_font = { .size = 12, .bold = LXW_TRUE, .color = COLOR_NAVY };
      /* Columns A–D (about 510 px): the chart stays inside the print area. */
      lxw_chart_options place = { .x_offset = 4, .y_offset = 4, .x_scale = 1.04, .y_scale = 1.45 };

      s = chart_add_series (radar, NULL, NULL);
      chart_series_set_categories (s, name, pillar_first, 0, pillar_last, 0);
      chart_series_set_values (s, name, pillar_first, 1, pillar_last, 1);
      chart_series_set_name (s, str (x, CIRT_STR_SERIES_CURRENT));
      chart_series_set_line (s, &line_cur);
      chart_series_set_marker_type (s, LXW_CHART_MARKER_CIRCLE);
      s = chart_add_series (radar, NULL, NULL);
      chart_series_set_categories (s, name, pillar_first, 0, pillar_last, 0);
      chart_series_set_values (s, name, pillar_first, 5, pillar_last, 5);
      chart_series_set_name (s, str (x, CIRT_STR_SERIES_TARGET));
      chart_series_set_line (s, &line_tgt);
      if (has_baseline)
        {
          s = chart_add_series (radar, NULL, NULL);
          chart_series_set_categories (s, name, pillar_first, 0, pillar_last, 0);
          chart_series_set_values (s, name, pillar_first, 9, pillar_last, 9);
          chart_series_set_name (s, str (x, CIRT_STR_PREVIOUS_SCORE));
          chart_series_set_line (s, &line_base);
        }
      chart_title_set_name (radar, str (x, CIRT_STR_CHART_RADAR));
      chart_title_set_name_font (radar, &title_font);
      chart_axis_set_min (radar->y_axis, 0);
      chart_axis_set_max (radar->y_axis, 100);
      chart_axis_set_major_unit (radar->y_axis, 20);
      chart_legend_set_position (radar, LXW_CHART_LEGEND_BOTTOM);
      check (x, worksheet_insert_chart_opt (ws, row, 0, radar, &place), "radar chart");
    }
  if (section_last >= section_first)
    {
      lxw_chart *bars = workbook_add_chart (x->wb, LXW_CHART_BAR);
      lxw_chart_series *s = chart_add_series (bars, NULL, NULL);
      lxw_chart_fill fill = { .color = COLOR_CURRENT };
      lxw_chart_font title_font = { .size = 12, .bold = LXW_TRUE, .color = COLOR_NAVY };
      lxw_chart_font small = { .size = 8 };
      guint n = section_last - section_first + 1;
      /* Columns E–I (about 540 px). */
      lxw_chart_options place = { .x_offset = 4, .y_offset = 4, .x_scale = 1.1,
                                  .y_scale = MAX (1.45, (60.0 + 19.0 * n) / 288.0) };

      chart_series_set_categories (s, name, section_first, 0, section_last, 0);
      chart_series_set_values (s, name, section_first, 1, section_last, 1);
      chart_series_set_name (s, str (x, CIRT_STR_SERIES_CURRENT));
      chart_series_set_fill (s, &fill);
      chart_series_set_labels (s);
      chart_series_set_labels_num_format (s, "0.0");
      chart_series_set_labels_font (s, &small);
      chart_title_set_name (bars, str (x, CIRT_STR_CHART_SECTIONS));
      chart_title_set_name_font (bars, &title_font);
      /* In a bar chart x_axis is the horizontal value axis and y_axis the
       * vertical category axis; reverse the latter so the sections read
       * top-down in table order. */
      chart_axis_set_reverse (bars->y_axis);
      chart_axis_set_num_font (bars->y_axis, &small);
      chart_axis_set_min (bars->x_axis, 0);
      chart_axis_set_max (bars->x_axis, 100);
      chart_axis_set_major_unit (bars->x_axis, 20);
      chart_axis_major_gridlines_set_visible (bars->x_axis, LXW_TRUE);
      chart_legend_set_position (bars, LXW_CHART_LEGEND_NONE);
      chart_set_series_gap (bars, 60);
      check (x, worksheet_insert_chart_opt (ws, row, 4, bars, &place), "section chart");
    }
  worksheet_print_area (ws, 0, 0, row + MAX (30, (lxw_row_t) (3 + n_sections * 1.3)), last);
}

/* ------------------------------------------------------------------------ */
/* Progress (a follow-up): pillars and sections then and now, the chart of
 * cirt-chart, the questions whose answer changed, the recommendations met */

static cairo_status_t
png_append (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The progress chart as a picture at @row (the rows it covers are left
 * empty); returns the first row below it. */
static lxw_row_t
put_progress_chart (Xlsx          *x,
                    lxw_worksheet *ws,
                    lxw_row_t      row,
                    CirtProgress  *p)
{
  const double width = 720;
  CirtChartOptions options = { 0 };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *descr = cirt_export_progress_chart_words (x->l, p);
  lxw_image_options place = { .x_offset = 4, .y_offset = 4, .x_scale = 0.5, .y_scale = 0.5, .description = descr };
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  int pw, ph;

  options.lang = x->lang;
  options.baseline = p->baseline;
  options.font_scale = 1.0;
  height = cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, x->data->score, &options, width);
  if (height <= 0)
    height = 300;
  /* Drawn at twice the size shown, for print. */
  pw = (int) ceil (2 * width);
  ph = (int) ceil (2 * height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  cirt_chart_draw (cr, CIRT_CHART_PROGRESS, x->data->score, &options, width, height);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png_stream (surface, png_append, png) != CAIRO_STATUS_SUCCESS)
    check (x, LXW_ERROR_MEMORY_MALLOC_FAILED, "progress chart");
  cairo_surface_destroy (surface);
  if (png->len > 0)
    check (x, worksheet_insert_image_buffer_opt (ws, row, 0, png->data, png->len, &place), "progress chart");
  /* Rows of 20 px by default. */
  return row + (lxw_row_t) ceil (height / 20.0) + 1;
}

/* The columns of the Progress sheet, one grid for its tables: what a value
 * is then is always in the same column, and what it is now. */
enum {
  PCOL_ID,           /* question id, instrument */
  PCOL_TEXT,         /* question, section, recommendation */
  PCOL_WHERE,        /* section, pillar */
  PCOL_CHANGE,       /* kind of change, change of score */
  PCOL_WORDS_THEN,   /* answer or level then */
  PCOL_SCORE_THEN,
  PCOL_WORDS_NOW,    /* answer or level now */
  PCOL_SCORE_NOW,
  PCOL_EXTRA_THEN,   /* change of a question's score, coverage then */
  PCOL_EXTRA_NOW,    /* notes, coverage now */
  N_PCOLS
};

/* A pillar's or a section's row: levels, scores, change and coverage. */
static void
put_progress_values (Xlsx                  *x,
                     lxw_worksheet         *ws,
                     lxw_row_t              row,
                     const CirtProgressRow *r)
{
  const CirtCompareValue *v = r->value;

  put_number (x, ws, row, PCOL_CHANGE, v->has_delta ? v->delta : NAN, x->delta);
  put_text (x, ws, row, PCOL_WORDS_THEN, r->level_then, x->text);
  put_number (x, ws, row, PCOL_SCORE_THEN, v->has_old && v->old_value.defined ? v->old_value.score : NAN, x->number);
  put_text (x, ws, row, PCOL_WORDS_NOW, r->level_now, x->text);
  put_number (x, ws, row, PCOL_SCORE_NOW, v->has_new && v->new_value.defined ? v->new_value.score : NAN, x->number);
  put_number (x, ws, row, PCOL_EXTRA_THEN, v->has_old ? v->old_value.coverage : NAN, x->percent);
  put_number (x, ws, row, PCOL_EXTRA_NOW, v->has_new ? v->new_value.coverage : NAN, x->percent);
}

static void
put_value_headers (Xlsx          *x,
                   lxw_worksheet *ws,
                   lxw_row_t      row)
{
  put_text (x, ws, row, PCOL_CHANGE, str (x, CIRT_STR_PROGRESS_CHANGE), x->header);
  put_text (x, ws, row, PCOL_WORDS_THEN, str (x, CIRT_STR_LEVEL_THEN), x->header);
  put_text (x, ws, row, PCOL_SCORE_THEN, str (x, CIRT_STR_SCORE_THEN), x->header);
  put_text (x, ws, row, PCOL_WORDS_NOW, str (x, CIRT_STR_LEVEL_NOW), x->header);
  put_text (x, ws, row, PCOL_SCORE_NOW, str (x, CIRT_STR_SCORE_NOW), x->header);
  put_text (x, ws, row, PCOL_EXTRA_THEN, str (x, CIRT_STR_COVERAGE_THEN), x->header);
  put_text (x, ws, row, PCOL_EXTRA_NOW, str (x, CIRT_STR_COVERAGE_NOW), x->header);
}

static void
write_progress (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  g_autoptr(CirtProgress) p = cirt_export_progress (x->l, d);
  lxw_worksheet *ws;
  const double widths[N_PCOLS] = { 12, 40, 22, 14, 28, 10, 28, 10, 11, 44 };
  const lxw_col_t last = N_PCOLS - 1;
  lxw_row_t row = 2, table_first;

  if (p == NULL)
    return;
  if ((ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_PROGRESS))) == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Progress sheet");
      return;
    }
  set_widths (x, ws, widths, N_PCOLS);
  setup_sheet (x, ws, 1);
  put_banner (x, ws, str (x, CIRT_STR_PROGRESS), last);

  put_merged (x, ws, row++, 0, last, p->intro, x->para, 200);
  put_merged (x, ws, row++, 0, last, p->summary, x->label, 200);
  for (guint i = 0; i < p->notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (p->notes, i);
      put_merged (x, ws, row++, 0, last, n->text, n->bold ? x->notice : x->para, 200);
    }

  /* Pillars and the overall index. */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PROGRESS_BY_PILLAR), x->heading);
  check (x, worksheet_set_row (ws, row, 30, NULL), "row height");
  check (x, worksheet_merge_range (ws, row, PCOL_ID, row, PCOL_WHERE, "", x->header), "merged cells");
  put_text (x, ws, row, PCOL_ID, str (x, CIRT_STR_PILLAR), x->header);
  put_value_headers (x, ws, row++);
  for (guint i = 0; i < p->pillars->len; i++)
    {
      const CirtProgressRow *r = g_ptr_array_index (p->pillars, i);

      put_merged (x, ws, row, PCOL_ID, PCOL_WHERE, r->label, x->text_bold, 70);
      put_progress_values (x, ws, row, r);
      row++;
    }
  row++;
  row = put_progress_chart (x, ws, row, p);
  if (p->comparison == NULL)
    return;

  /* Sections. */
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PROGRESS_BY_SECTION), x->heading);
  {
    const char *titles[] = { str (x, CIRT_STR_INSTRUMENT), str (x, CIRT_STR_SECTION), str (x, CIRT_STR_PILLAR) };
    put_headers (x, ws, row, titles, NULL, G_N_ELEMENTS (titles));
    put_value_headers (x, ws, row++);
  }
  for (guint i = 0; i < p->sections->len; i++)
    {
      const CirtProgressRow *r = g_ptr_array_index (p->sections, i);
      const CirtCompareSection *s = NULL;

      for (guint k = 0; k < p->comparison->sections->len && s == NULL; k++)
        if (&g_array_index (p->comparison->sections, CirtCompareSection, k).value == r->value)
          s = &g_array_index (p->comparison->sections, CirtCompareSection, k);
      put_text (x, ws, row, PCOL_ID, s ? s->instrument : "", x->text);
      put_text (x, ws, row, PCOL_TEXT, r->label, x->text_bold);
      put_text (x, ws, row, PCOL_WHERE, cirt_lang_pillar_title (x->l, r->pillar), x->text);
      put_progress_values (x, ws, row, r);
      row++;
    }

  /* How many questions changed in each way. */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PROGRESS_QUESTIONS), x->heading);
  check (x, worksheet_set_row (ws, row, 30, NULL), "row height");
  check (x, worksheet_merge_range (ws, row, PCOL_ID, row, PCOL_WHERE, "", x->header), "merged cells");
  put_text (x, ws, row, PCOL_ID, str (x, CIRT_STR_PROGRESS_CHANGE), x->header);
  put_text (x, ws, row++, PCOL_CHANGE, str (x, CIRT_STR_PROGRESS_N_QUESTIONS), x->header);
  for (guint k = 0; k < CIRT_N_CHANGES; k++)
    {
      put_merged (x, ws, row, PCOL_ID, PCOL_WHERE, cirt_change_words (x->l, k), x->text, 70);
      put_number (x, ws, row, PCOL_CHANGE, p->comparison->counts[k], x->integer);
      row++;
    }

  /* The recommendations met. */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PROGRESS_MET), x->heading);
  if (p->met->len == 0)
    put_merged (x, ws, row++, 0, last, str (x, CIRT_STR_PROGRESS_NO_MET), x->notice, 200);
  else
    {
      check (x, worksheet_set_row (ws, row, 30, NULL), "row height");
      put_text (x, ws, row, PCOL_ID, str (x, CIRT_STR_QUESTION_ID), x->header);
      check (x, worksheet_merge_range (ws, row, PCOL_TEXT, row, PCOL_WHERE, "", x->header), "merged cells");
      put_text (x, ws, row, PCOL_TEXT, str (x, CIRT_STR_RECOMMENDATION), x->header);
      put_text (x, ws, row, PCOL_CHANGE, str (x, CIRT_STR_RANK_THEN), x->header);
      put_text (x, ws, row, PCOL_WORDS_THEN, "", x->header);
      put_text (x, ws, row, PCOL_SCORE_THEN, str (x, CIRT_STR_SCORE_THEN), x->header);
      put_text (x, ws, row, PCOL_WORDS_NOW, str (x, CIRT_STR_ANSWER_NOW), x->header);
      put_text (x, ws, row++, PCOL_SCORE_NOW, str (x, CIRT_STR_SCORE_NOW), x->header);
      for (guint i = 0; i < p->met->len; i++)
        {
          const CirtProgressMet *m = g_ptr_array_index (p->met, i);
          g_autofree char *now = cirt_export_answer_words (x->l, m->met->new_question,
                                                           cirt_assessment_data_answer (d, m->met->new_question));
          put_text (x, ws, row, PCOL_ID, m->met->old_question->id, x->text_bold);
          put_merged (x, ws, row, PCOL_TEXT, PCOL_WHERE, m->text, x->text, 58);
          put_number (x, ws, row, PCOL_CHANGE, m->met->old_rank, x->integer);
          put_number (x, ws, row, PCOL_SCORE_THEN, m->met->old_score, x->number);
          put_text (x, ws, row, PCOL_WORDS_NOW, now, x->text);
          put_number (x, ws, row, PCOL_SCORE_NOW, m->met->new_score, x->number);
          row++;
        }
    }

  /* Every question whose answer changed (filterable), last. */
  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_PROGRESS_CHANGED_QUESTIONS), x->heading);
  {
    const char *titles[N_PCOLS] = {
      str (x, CIRT_STR_QUESTION_ID), str (x, CIRT_STR_QUESTION), str (x, CIRT_STR_SECTION),
      str (x, CIRT_STR_PROGRESS_CHANGE), str (x, CIRT_STR_ANSWER_THEN), str (x, CIRT_STR_SCORE_THEN),
      str (x, CIRT_STR_ANSWER_NOW), str (x, CIRT_STR_SCORE_NOW), str (x, CIRT_STR_PROGRESS_CHANGE),
      str (x, CIRT_STR_NOTES),
    };
    put_headers (x, ws, row, titles, NULL, N_PCOLS);
  }
  table_first = row++;
  for (guint i = 0; i < p->changed->len; i++)
    {
      const CirtProgressItem *it = g_ptr_array_index (p->changed, i);
      const CirtCompareQuestion *q = it->question;
      const CirtQuestion *qu = cirt_compare_question_get (q);

      put_text (x, ws, row, PCOL_ID, q->id, x->text_bold);
      put_text (x, ws, row, PCOL_TEXT, it->text, x->text);
      put_text (x, ws, row, PCOL_WHERE, section_title (x, qu->section), x->text);
      put_text (x, ws, row, PCOL_CHANGE, cirt_change_words (x->l, q->change), x->text);
      put_text (x, ws, row, PCOL_WORDS_THEN, it->then, x->text);
      put_number (x, ws, row, PCOL_SCORE_THEN, q->old_score, x->number);
      put_text (x, ws, row, PCOL_WORDS_NOW, it->now, x->text);
      put_number (x, ws, row, PCOL_SCORE_NOW, q->new_score, x->number);
      put_number (x, ws, row, PCOL_EXTRA_THEN,
                  isnan (q->old_score) || isnan (q->new_score) ? NAN : q->new_score - q->old_score, x->delta);
      put_text (x, ws, row, PCOL_EXTRA_NOW, it->notes, x->text);
      row++;
    }
  if (p->changed->len == 0)
    put_merged (x, ws, row++, 0, last, str (x, CIRT_STR_PROGRESS_NO_CHANGES), x->notice, 200);
  check (x, worksheet_autofilter (ws, table_first, 0, MAX (row - 1, table_first + 1), last), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Answers */

static void
write_answers (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_ANSWERS));
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  const char *titles[] = {
    str (x, CIRT_STR_INSTRUMENT), str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_SECTION), str (x, CIRT_STR_QUESTION_ID),
    str (x, CIRT_STR_QUESTION), str (x, CIRT_STR_ANSWER), str (x, CIRT_STR_SCORE), str (x, CIRT_STR_NOT_APPLICABLE_SHORT),
    str (x, CIRT_STR_NOTES), str (x, CIRT_STR_EVIDENCE), str (x, CIRT_STR_SOURCE), str (x, CIRT_STR_AUTHOR),
    str (x, CIRT_STR_UPDATED), str (x, CIRT_STR_CRITICAL), str (x, CIRT_STR_WEIGHT), str (x, CIRT_STR_FOLLOW_UP),
    str (x, CIRT_STR_COL_REVIEW), str (x, CIRT_STR_COL_REVIEWER), str (x, CIRT_STR_COL_REVIEW_COMMENT),
  };
  const double widths[] = { 14, 14, 18, 9, 40, 26, 8, 6, 50, 28, 20, 12, 15, 8, 7, 9, 16, 16, 40 };
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Answers sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_ANSWERS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          for (guint qi = 0; qi < sec->questions->len; qi++)
            {
              const CirtQuestion *q = g_ptr_array_index (sec->questions, qi);
              const CirtAnswer *a = cirt_assessment_data_answer (d, q);
              g_autofree char *words = cirt_export_answer_words (x->l, q, a);
              gboolean scored = cirt_kind_is_scored (q->kind);

              put_text (x, ws, row, 0, cirt_instrument_get_id (inst), x->text);
              put_text (x, ws, row, 1, cirt_lang_pillar_title (x->l, sec->pillar), x->text);
              put_text (x, ws, row, 2, section_title (x, sec), x->text);
              put_text (x, ws, row, 3, q->id, x->text_bold);
              put_text (x, ws, row, 4, cirt_text_get (q->text, x->lang), x->text);
              put_text (x, ws, row, 5, words, x->text);
              put_number (x, ws, row, 6, cirt_export_answer_score (q, a), x->number);
              put_text (x, ws, row, 7, a && a->not_applicable ? str (x, CIRT_STR_YES) : "", x->center);
              if (a)
                {
                  put_text (x, ws, row, 8, a->notes, x->text);
                  put_text (x, ws, row, 9, a->evidence, x->text);
                  put_text (x, ws, row, 10, a->source, x->text);
                  put_text (x, ws, row, 11, a->author, x->text);
                  put_datetime (x, ws, row, 12, a->updated_at);
                  put_text (x, ws, row, 15, a->flagged ? str (x, CIRT_STR_YES) : "", x->center);
                  /* The lead assessor's review of this version of the answer. */
                  put_text (x, ws, row, 16, cirt_export_review_words (x->l, d, a), x->text);
                  {
                    const CirtReview *rv = d->reviews ? g_hash_table_lookup (d->reviews, q->id) : NULL;
                    CirtReviewState st = cirt_review_effective_state (rv, a);
                    if (st != CIRT_REVIEW_NOT_REVIEWED)
                      {
                        put_text (x, ws, row, 17, rv->reviewer, x->text);
                        put_text (x, ws, row, 18, rv->comment, x->text);
                      }
                  }
                }
              put_text (x, ws, row, 13, q->critical ? str (x, CIRT_STR_YES) : "", x->center);
              put_number (x, ws, row, 14, scored ? q->weight : NAN, x->priority);
              row++;
            }
        }
    }
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Recommendations */

static void
write_recommendations (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_RECOMMENDATIONS));
  const char *titles[] = {
    str (x, CIRT_STR_RANK), str (x, CIRT_STR_PRIORITY), str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_SECTION),
    str (x, CIRT_STR_QUESTION_ID), str (x, CIRT_STR_QUESTION), str (x, CIRT_STR_CURRENT_ANSWER), str (x, CIRT_STR_SCORE),
    str (x, CIRT_STR_CRITICAL), str (x, CIRT_STR_LIFECYCLE_PHASE), str (x, CIRT_STR_RECOMMENDATION),
  };
  const double widths[] = { 7, 9, 18, 20, 11, 44, 30, 9, 8, 14, 60 };
  guint n = cirt_score_get_n_recommendations (d->score);
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Recommendations sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_RECOMMENDATIONS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      const CirtRecommendation *r = cirt_score_get_recommendation (d->score, i);
      const CirtQuestion *q = r->question;
      const CirtAnswer *a = cirt_assessment_data_answer (d, q);
      g_autofree char *words = cirt_export_answer_words (x->l, q, a);

      put_number (x, ws, row, 0, i + 1, x->integer);
      put_number (x, ws, row, 1, r->priority, x->priority);
      put_text (x, ws, row, 2, cirt_lang_pillar_title (x->l, q->section->pillar), x->text);
      put_text (x, ws, row, 3, section_title (x, q->section), x->text);
      put_text (x, ws, row, 4, q->id, x->text_bold);
      put_text (x, ws, row, 5, cirt_text_get (q->text, x->lang), x->text);
      put_text (x, ws, row, 6, words, x->text);
      put_number (x, ws, row, 7, 100.0 * r->score, x->number);
      put_text (x, ws, row, 8, q->critical ? str (x, CIRT_STR_YES) : "", x->center);
      put_text (x, ws, row, 9, cirt_lang_phase (x->l, q->phase), x->text);
      put_text (x, ws, row, 10, cirt_text_get (q->recommendation, x->lang), x->text);
      row++;
    }
  if (n == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1, str (x, CIRT_STR_NO_RECOMMENDATIONS), x->notice, 200);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Findings */

static void
write_findings (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_FINDINGS));
  const char *titles[] = {
    "#", str (x, CIRT_STR_FINDING_KIND), str (x, CIRT_STR_FINDING), str (x, CIRT_STR_DESCRIPTION),
    str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_LIFECYCLE_PHASE), str (x, CIRT_STR_RELATED_QUESTIONS),
    str (x, CIRT_STR_AUTHOR), str (x, CIRT_STR_CREATED), str (x, CIRT_STR_UPDATED),
  };
  const double widths[] = { 5, 18, 40, 70, 20, 14, 18, 18, 16, 16 };
  guint n = d->findings ? d->findings->len : 0;
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Findings sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_FINDINGS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      const CirtFinding *f = g_ptr_array_index (d->findings, i);
      g_autofree char *questions = f->questions ? g_strjoinv (", ", f->questions) : NULL;

      put_number (x, ws, row, 0, i + 1, x->integer);
      put_text (x, ws, row, 1, cirt_lang_finding_kind (x->l, f->kind), x->text);
      put_text (x, ws, row, 2, f->title, x->text_bold);
      put_text (x, ws, row, 3, f->description, x->text);
      put_text (x, ws, row, 4, cirt_lang_pillar_title (x->l, f->pillar), x->text);
      put_text (x, ws, row, 5, cirt_lang_phase (x->l, f->phase), x->text);
      put_text (x, ws, row, 6, questions, x->text);
      put_text (x, ws, row, 7, f->author, x->text);
      put_datetime (x, ws, row, 8, f->created_at);
      put_datetime (x, ws, row, 9, f->modified_at);
      row++;
    }
  if (n == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1, str (x, CIRT_STR_NO_FINDINGS_RECORDED), x->notice, 200);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Gaps */

static void
write_gaps (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_GAPS));
  const char *titles[] = {
    str (x, CIRT_STR_SCOPE), str (x, CIRT_STR_PILLAR), str (x, CIRT_STR_SECTION), str (x, CIRT_STR_SCORE),
    str (x, CIRT_STR_LEVEL), str (x, CIRT_STR_LEVEL_NAME), str (x, CIRT_STR_TARGET_LEVEL),
    str (x, CIRT_STR_TARGET_INDEX), str (x, CIRT_STR_GAP_LEVELS), str (x, CIRT_STR_COVERAGE),
    str (x, CIRT_STR_PROVISIONAL), str (x, CIRT_STR_ANSWERED),
  };
  const double widths[] = { 10, 24, 30, 13, 8, 16, 11, 16, 11, 11, 11, 12 };
  guint n_sections = cirt_score_get_n_sections (d->score);
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Gaps sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_GAPS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (d->score, p);
      if (!ps->used)
        continue;
      put_text (x, ws, row, 0, str (x, CIRT_STR_PILLAR), x->text_bold);
      put_text (x, ws, row, 1, cirt_lang_pillar_title (x->l, p), x->text_bold);
      put_text (x, ws, row, 2, "", x->text);
      put_value_cells (x, ws, row, 3, &ps->value);
      put_number (x, ws, row, 6, ps->target > 0 ? ps->target : NAN, x->integer);
      put_number (x, ws, row, 7, level_min (x, ps->target), x->number);
      put_number (x, ws, row, 8, ps->has_gap ? ps->gap : NAN, x->gap);
      put_number (x, ws, row, 9, ps->value.coverage, x->percent);
      put_text (x, ws, row, 10, ps->value.provisional ? str (x, CIRT_STR_YES) : "", x->center);
      row++;
      for (guint i = 0; i < n_sections; i++)
        {
          const CirtSectionScore *ss = cirt_score_get_section (d->score, i);
          g_autofree char *a = NULL, *b = NULL, *answered = NULL;
          if (ss->section->pillar != p)
            continue;
          a = g_strdup_printf ("%u", ss->answered);
          b = g_strdup_printf ("%u", ss->total);
          answered = cirt_lang_expand (str (x, CIRT_STR_ANSWERED_OF), a, b, NULL, NULL);
          put_text (x, ws, row, 0, str (x, CIRT_STR_SECTION), x->text);
          put_text (x, ws, row, 1, cirt_lang_pillar_title (x->l, p), x->text);
          put_text (x, ws, row, 2, section_title (x, ss->section), x->text);
          put_value_cells (x, ws, row, 3, &ss->value);
          /* A section is measured against its pillar's target. */
          put_number (x, ws, row, 6, ps->target > 0 ? ps->target : NAN, x->integer);
          put_number (x, ws, row, 7, level_min (x, ps->target), x->number);
          put_number (x, ws, row, 8, ps->target > 0 && ss->value.defined ? ps->target - ss->value.level : NAN, x->gap);
          put_number (x, ws, row, 9, ss->value.coverage, x->percent);
          put_text (x, ws, row, 10, ss->value.provisional ? str (x, CIRT_STR_YES) : "", x->center);
          put_text (x, ws, row, 11, answered, x->center);
          row++;
        }
    }
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Stakeholders */

static void
write_stakeholders (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_STAKEHOLDERS));
  const char *titles[] = {
    str (x, CIRT_STR_NAME), str (x, CIRT_STR_ORGANISATION), str (x, CIRT_STR_SECTOR),
    str (x, CIRT_STR_DATE), str (x, CIRT_STR_NOTES),
  };
  const double widths[] = { 28, 36, 22, 12, 80 };
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Stakeholders sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_STAKEHOLDERS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < d->stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (d->stakeholders, i);
      put_text (x, ws, row, 0, s->name, x->text_bold);
      put_text (x, ws, row, 1, s->organisation, x->text);
      put_text (x, ws, row, 2, s->sector, x->text);
      put_text (x, ws, row, 3, s->met_on, x->center);
      put_text (x, ws, row, 4, s->notes, x->text);
      row++;
    }
  if (d->stakeholders->len == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1, str (x, CIRT_STR_NO_STAKEHOLDERS), x->notice, 170);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Evidence (the evidence vault)                                            */

static const CirtQuestion *
question_of (CirtAssessmentData *d,
             const char         *id)
{
  for (guint i = 0; i < d->instruments->len; i++)
    {
      const CirtQuestion *q = cirt_instrument_lookup_question (g_ptr_array_index (d->instruments, i), id);
      if (q != NULL)
        return q;
    }
  return NULL;
}

static void
write_evidence (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws;
  const char *titles[] = {
    str (x, CIRT_STR_EVIDENCE_ORIGINAL_NAME), str (x, CIRT_STR_EVIDENCE_URL), str (x, CIRT_STR_EVIDENCE_SHA256),
    str (x, CIRT_STR_EVIDENCE_DATE), str (x, CIRT_STR_EVIDENCE_QUESTION), str (x, CIRT_STR_EVIDENCE_QUESTION_TEXT),
    str (x, CIRT_STR_EVIDENCE_TYPE), str (x, CIRT_STR_EVIDENCE_SIZE), str (x, CIRT_STR_EVIDENCE_SHAREABLE),
  };
  const double widths[] = { 36, 40, 68, 12, 12, 60, 26, 14, 14 };
  guint n = d->evidence ? d->evidence->len : 0;
  lxw_row_t row = 2;

  if (d->evidence == NULL)
    return;
  ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_EVIDENCE));
  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Evidence sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_EVIDENCE), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      const CirtEvidence *e = g_ptr_array_index (d->evidence, i);
      const CirtQuestion *q = question_of (d, e->question);

      /* Names, addresses and hashes are user text: strings, never formulas. */
      put_text (x, ws, row, 0, e->name, x->text_bold);
      put_text (x, ws, row, 1, e->url, x->text);
      put_text (x, ws, row, 2, e->sha256, x->text);
      put_text (x, ws, row, 3, e->date, x->center);
      put_text (x, ws, row, 4, e->question, x->text);
      put_text (x, ws, row, 5, q ? cirt_text_get (q->text, x->lang) : NULL, x->text);
      put_text (x, ws, row, 6, e->kind == CIRT_EVIDENCE_FILE ? e->mime : str (x, CIRT_STR_EVIDENCE_WEB_PAGE), x->text);
      put_number (x, ws, row, 7, e->kind == CIRT_EVIDENCE_FILE ? (double) e->size : NAN, x->integer);
      put_text (x, ws, row, 8, str (x, e->shareable ? CIRT_STR_ANSWER_YES : CIRT_STR_ANSWER_NO), x->center);
      row++;
    }
  if (n == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1, str (x, CIRT_STR_EVIDENCE_NONE), x->notice, 170);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Interview sessions and statements */

static const CirtStakeholder *
stakeholder_by_uuid (CirtAssessmentData *d,
                     const char         *uuid)
{
  for (guint i = 0; d->stakeholders != NULL && i < d->stakeholders->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (d->stakeholders, i);
      if (g_strcmp0 (s->uuid, uuid) == 0)
        return s;
    }
  return NULL;
}

static const CirtInterview *
interview_by_uuid (CirtAssessmentData *d,
                   const char         *uuid)
{
  for (guint i = 0; d->interviews != NULL && i < d->interviews->len; i++)
    {
      const CirtInterview *s = g_ptr_array_index (d->interviews, i);
      if (g_strcmp0 (s->id, uuid) == 0)
        return s;
    }
  return NULL;
}

/* "Name (Organisation)" of each stakeholder present, one a line. */
static char *
people_present (Xlsx                *x,
                const CirtInterview *s)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
    {
      const CirtStakeholder *p = stakeholder_by_uuid (x->data, s->stakeholders[i]);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (p == NULL)
        g_string_append (out, str (x, CIRT_STR_STAKEHOLDER_REMOVED));
      else if (!cirt_text_is_blank (p->organisation))
        g_string_append_printf (out, "%s (%s)", p->name, p->organisation);
      else
        g_string_append (out, p->name);
    }
  return g_string_free (out, FALSE);
}

static char *
sections_planned (Xlsx                *x,
                  const CirtInterview *s)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; s->sections != NULL && s->sections[i] != NULL; i++)
    {
      const char *title = s->sections[i];

      for (guint k = 0; k < x->data->instruments->len; k++)
        {
          CirtInstrument *inst = g_ptr_array_index (x->data->instruments, k);
          for (guint n = 0; n < cirt_instrument_get_n_sections (inst); n++)
            if (strcmp (cirt_instrument_get_section (inst, n)->id, s->sections[i]) == 0)
              title = section_title (x, cirt_instrument_get_section (inst, n));
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, title);
    }
  return g_string_free (out, FALSE);
}

static char *
session_time (const CirtInterview *s)
{
  if (s->start_time != NULL && s->end_time != NULL)
    return g_strdup_printf ("%s–%s", s->start_time, s->end_time);
  return g_strdup (s->start_time);
}

static void
write_sessions (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_SESSIONS));
  const char *titles[] = {
    str (x, CIRT_STR_DATE), str (x, CIRT_STR_SESSION_TIME), str (x, CIRT_STR_SESSION_PLACE),
    str (x, CIRT_STR_SHEET_STAKEHOLDERS), str (x, CIRT_STR_ASSESSORS), str (x, CIRT_STR_SESSION_SECTIONS),
    str (x, CIRT_STR_NOTES),
  };
  const double widths[] = { 12, 13, 28, 40, 28, 36, 60 };
  guint n = d->interviews ? d->interviews->len : 0;
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Interview sessions sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_SESSIONS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      const CirtInterview *s = g_ptr_array_index (d->interviews, i);
      g_autofree char *time = session_time (s);
      g_autofree char *people = people_present (x, s);
      g_autofree char *assessors = s->assessors ? g_strjoinv ("\n", s->assessors) : NULL;
      g_autofree char *sections = sections_planned (x, s);

      put_text (x, ws, row, 0, s->date, x->center);
      put_text (x, ws, row, 1, time, x->center);
      put_text (x, ws, row, 2, s->place, x->text);
      put_text (x, ws, row, 3, people, x->text);
      put_text (x, ws, row, 4, assessors, x->text);
      put_text (x, ws, row, 5, sections, x->text);
      put_text (x, ws, row, 6, s->notes, x->text);
      row++;
    }
  if (n == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1, str (x, CIRT_STR_NO_SESSIONS), x->notice, 170);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

static void
write_statements (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_STATEMENTS));
  const char *titles[] = {
    str (x, CIRT_STR_QUESTION_ID), str (x, CIRT_STR_STAKEHOLDER), str (x, CIRT_STR_ORGANISATION),
    str (x, CIRT_STR_SESSION), str (x, CIRT_STR_STATEMENT), str (x, CIRT_STR_AUTHOR), str (x, CIRT_STR_CREATED),
  };
  const double widths[] = { 12, 28, 30, 12, 80, 20, 16 };
  guint n = d->statements ? d->statements->len : 0;
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Statements sheet");
      return;
    }
  setup_sheet (x, ws, 2);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_STATEMENTS), G_N_ELEMENTS (titles) - 1);
  put_headers (x, ws, 1, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    {
      const CirtStatement *st = g_ptr_array_index (d->statements, i);
      const CirtStakeholder *p = stakeholder_by_uuid (d, st->stakeholder);
      const CirtInterview *s = st->session ? interview_by_uuid (d, st->session) : NULL;

      put_text (x, ws, row, 0, st->question, x->text);
      put_text (x, ws, row, 1, p ? p->name : str (x, CIRT_STR_STAKEHOLDER_REMOVED), x->text_bold);
      put_text (x, ws, row, 2, p ? p->organisation : NULL, x->text);
      put_text (x, ws, row, 3, s ? s->date : NULL, x->center);
      put_text (x, ws, row, 4, st->text, x->text);
      put_text (x, ws, row, 5, st->author, x->text);
      put_datetime (x, ws, row, 6, st->created_at);
      row++;
    }
  if (n == 0)
    put_merged (x, ws, row++, 0, G_N_ELEMENTS (titles) - 1,
                str (x, d->redacted ? CIRT_STR_STATEMENTS_REDACTED : CIRT_STR_NO_STATEMENTS), x->notice, 170);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (row - 1, 1), G_N_ELEMENTS (titles) - 1), "autofilter");
}

/* ------------------------------------------------------------------------ */
/* Methodology */

static void
write_methodology (Xlsx *x)
{
  CirtAssessmentData *d = x->data;
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, str (x, CIRT_STR_SHEET_METHODOLOGY));
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  const double widths[] = { 22, 14, 18, 90 };
  const CirtString paras[] = {
    CIRT_STR_METH_INTRO, CIRT_STR_METH_ANSWERS, CIRT_STR_METH_ROLLUP, CIRT_STR_METH_COVERAGE,
    CIRT_STR_METH_CRITICAL, CIRT_STR_METH_TARGETS, CIRT_STR_METH_PRIORITY,
  };
  lxw_row_t row = 2;

  if (ws == NULL)
    {
      check (x, LXW_ERROR_SHEETNAME_ALREADY_USED, "Methodology sheet");
      return;
    }
  set_widths (x, ws, widths, G_N_ELEMENTS (widths));
  setup_sheet (x, ws, 1);
  put_banner (x, ws, str (x, CIRT_STR_SHEET_METHODOLOGY), 3);

  for (guint i = 0; i < G_N_ELEMENTS (paras); i++)
    {
      g_autofree char *eighty = cirt_lang_format_percent (x->l, CIRT_SCORE_FIRM_COVERAGE);
      g_autofree char *text = cirt_lang_format (x->l, paras[i], eighty, NULL, NULL, NULL);
      put_merged (x, ws, row, 0, 3, text, x->para, 140);
      row += 2;
    }

  put_text (x, ws, row++, 0, str (x, CIRT_STR_LEVELS), x->heading);
  put_merged (x, ws, row++, 0, 3, str (x, CIRT_STR_METH_LEVELS), x->para, 140);
  {
    for (guint i = 0; i < instruments->len; i++)
      {
        CirtInstrument *inst = g_ptr_array_index (instruments, i);
        /* An instrument with its own scale names its sections on it: list it too. */
        if (i > 0 && cirt_instrument_same_levels (inst, g_ptr_array_index (instruments, 0)))
          continue;
        if (i > 0)
          {
            row++;
            put_text (x, ws, row++, 0, cirt_instrument_get_title (inst, x->lang), x->text_bold);
          }
        {
          const char *titles[] = { str (x, CIRT_STR_LEVEL), str (x, CIRT_STR_FROM_INDEX), str (x, CIRT_STR_LEVEL_NAME),
                                   str (x, CIRT_STR_DESCRIPTION) };
          put_headers (x, ws, row++, titles, NULL, G_N_ELEMENTS (titles));
        }
        for (int l = 1; l <= CIRT_N_LEVELS; l++)
          {
            const CirtLevelInfo *li = cirt_instrument_get_level_info (inst, l);
            if (li == NULL)
              continue;
            put_number (x, ws, row, 0, l, x->integer);
            put_number (x, ws, row, 1, li->min, x->number);
            put_text (x, ws, row, 2, cirt_text_get (li->name, x->lang), x->text_bold);
            put_text (x, ws, row, 3, cirt_text_get (li->description, x->lang), x->text);
            row++;
          }
      }
  }

  row++;
  put_text (x, ws, row++, 0, str (x, CIRT_STR_INSTRUMENTS), x->heading);
  put_merged (x, ws, row++, 0, 3, str (x, CIRT_STR_METH_INSTRUMENTS), x->para, 140);
  {
    const char *titles[] = { str (x, CIRT_STR_INSTRUMENT), str (x, CIRT_STR_VERSION), "SHA-256", "" };
    put_headers (x, ws, row, titles, NULL, 3);
    check (x, worksheet_merge_range (ws, row, 2, row, 3, "", x->header), "merged cells");
    put_text (x, ws, row++, 2, "SHA-256", x->header);
  }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autofree char *ident = g_strdup_printf ("%s\n%s", cirt_instrument_get_title (inst, x->lang),
                                                cirt_instrument_get_id (inst));
      put_text (x, ws, row, 0, ident, x->text_bold);
      put_text (x, ws, row, 1, cirt_instrument_get_version (inst), x->center);
      check (x, worksheet_merge_range (ws, row, 2, row, 3, "", x->text), "merged cells");
      put_text (x, ws, row, 2, cirt_instrument_get_sha256 (inst), x->text);
      check (x, worksheet_set_row (ws, row, 45, NULL), "row height");
      row++;
    }

  /* The closing notes the report has too: the marking, the redaction, the
   * instruments given in English, the history's chain head. */
  row++;
  {
    g_autoptr(GPtrArray) notes = cirt_export_methodology_notes (x->l, d, x->opts->tlp);
    for (guint i = 0; i < notes->len; i++)
      {
        const CirtNote *n = g_ptr_array_index (notes, i);
        put_merged (x, ws, row, 0, 3, n->text, x->para, 60);
        row += 2;
      }
  }
}

/* ------------------------------------------------------------------------ */

static lxw_format *
new_format (Xlsx *x)
{
  lxw_format *f = workbook_add_format (x->wb);
  format_set_font_name (f, "Calibri");
  format_set_font_size (f, 10);
  format_set_font_color (f, COLOR_INK);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static void
make_formats (Xlsx *x)
{
  x->banner = new_format (x);
  format_set_bold (x->banner);
  format_set_font_size (x->banner, 13);
  format_set_font_color (x->banner, COLOR_NAVY);
  format_set_align (x->banner, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bottom (x->banner, LXW_BORDER_MEDIUM);
  format_set_bottom_color (x->banner, COLOR_NAVY);

  /* FIRST TLP 2.0: the label in its colour on a black background. */
  x->tlp = new_format (x);
  format_set_bold (x->tlp);
  format_set_font_size (x->tlp, 11);
  format_set_font_color (x->tlp, cirt_tlp_color (x->opts->tlp));
  format_set_bg_color (x->tlp, 0x000000);
  format_set_pattern (x->tlp, LXW_PATTERN_SOLID);
  format_set_align (x->tlp, LXW_ALIGN_CENTER);
  format_set_align (x->tlp, LXW_ALIGN_VERTICAL_CENTER);

  x->heading = new_format (x);
  format_set_bold (x->heading);
  format_set_font_size (x->heading, 12);
  format_set_font_color (x->heading, COLOR_NAVY);

  x->header = new_format (x);
  format_set_bold (x->header);
  format_set_font_color (x->header, 0xFFFFFF);
  format_set_bg_color (x->header, COLOR_NAVY);
  format_set_pattern (x->header, LXW_PATTERN_SOLID);
  format_set_text_wrap (x->header);
  format_set_align (x->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (x->header, LXW_BORDER_THIN);
  format_set_border_color (x->header, COLOR_RULE);

  x->text = new_format (x);
  format_set_text_wrap (x->text);
  format_set_border (x->text, LXW_BORDER_HAIR);
  format_set_border_color (x->text, COLOR_RULE);

  x->text_bold = new_format (x);
  format_set_text_wrap (x->text_bold);
  format_set_bold (x->text_bold);
  format_set_border (x->text_bold, LXW_BORDER_HAIR);
  format_set_border_color (x->text_bold, COLOR_RULE);

  x->label = new_format (x);
  format_set_bold (x->label);
  format_set_font_color (x->label, COLOR_MUTED);
  format_set_text_wrap (x->label);

  x->notice = new_format (x);
  format_set_text_wrap (x->notice);
  format_set_italic (x->notice);
  format_set_font_color (x->notice, COLOR_WARNING);

  x->number = new_format (x);
  format_set_num_format (x->number, "0.00");
  format_set_border (x->number, LXW_BORDER_HAIR);
  format_set_border_color (x->number, COLOR_RULE);

  x->number_big = new_format (x);
  format_set_num_format (x->number_big, "0.00");
  format_set_bold (x->number_big);
  format_set_font_size (x->number_big, 14);
  format_set_font_color (x->number_big, COLOR_NAVY);
  format_set_align (x->number_big, LXW_ALIGN_LEFT);

  x->integer = new_format (x);
  format_set_num_format (x->integer, "0");
  format_set_align (x->integer, LXW_ALIGN_CENTER);
  format_set_border (x->integer, LXW_BORDER_HAIR);
  format_set_border_color (x->integer, COLOR_RULE);

  x->gap = new_format (x);
  format_set_num_format (x->gap, "+0;-0;0");
  format_set_align (x->gap, LXW_ALIGN_CENTER);
  format_set_border (x->gap, LXW_BORDER_HAIR);
  format_set_border_color (x->gap, COLOR_RULE);

  x->delta = new_format (x);
  format_set_num_format (x->delta, "+0.00;-0.00;0.00");
  format_set_border (x->delta, LXW_BORDER_HAIR);
  format_set_border_color (x->delta, COLOR_RULE);

  x->percent = new_format (x);
  format_set_num_format (x->percent, "0.0%");
  format_set_align (x->percent, LXW_ALIGN_CENTER);
  format_set_border (x->percent, LXW_BORDER_HAIR);
  format_set_border_color (x->percent, COLOR_RULE);

  x->priority = new_format (x);
  format_set_num_format (x->priority, "0.000");
  format_set_border (x->priority, LXW_BORDER_HAIR);
  format_set_border_color (x->priority, COLOR_RULE);

  x->datetime = new_format (x);
  format_set_num_format (x->datetime, "yyyy-mm-dd hh:mm");
  format_set_border (x->datetime, LXW_BORDER_HAIR);
  format_set_border_color (x->datetime, COLOR_RULE);

  x->para = new_format (x);
  format_set_text_wrap (x->para);

  x->center = new_format (x);
  format_set_align (x->center, LXW_ALIGN_CENTER);
  format_set_text_wrap (x->center);
  format_set_border (x->center, LXW_BORDER_HAIR);
  format_set_border_color (x->center, COLOR_RULE);
}

gboolean
cirt_export_xlsx (CirtAssessmentData      *data,
                  const CirtExportOptions *options,
                  const char              *path,
                  guint                   *n_truncated,
                  GError                 **error)
{
  CirtExportOptions defaults;
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autofree char *subject = NULL, *keywords = NULL, *display = NULL;
  lxw_workbook_options wb_opts = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_doc_properties props = { 0 };
  Xlsx x = { 0 };
  lxw_error err;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((file = cirt_export_open_file (&options, &defaults, path, error)) == NULL)
    return FALSE;
  display = g_filename_display_name (path);

  x.wb = workbook_new_opt (cirt_atomic_file_get_temp_path (file), &wb_opts);
  if (x.wb == NULL)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot create the workbook %s"), display);
      return FALSE;
    }
  x.data = data;
  x.title = data->info->title;
  x.opts = options;
  x.l = cirt_lang_get (options->lang);
  x.lang = cirt_lang_get_code (x.l);
  make_formats (&x);

  subject = g_strdup_printf ("%s — %s", str (&x, CIRT_STR_DOC_TITLE), data->info->country ? data->info->country : "");
  keywords = g_strdup_printf ("%s, CIRT, %s", cirt_tlp_label (options->tlp), data->info->country ? data->info->country : "");
  props.title = data->info->title;
  props.subject = subject;
  props.author = data->info->lead_assessor;
  props.company = data->info->organisation;
  props.keywords = keywords;
  props.comments = (char *) cirt_tlp_label (options->tlp);
  props.status = (char *) (g_strcmp0 (data->info->status, "completed") == 0 ? str (&x, CIRT_STR_STATUS_COMPLETED)
                                                                            : str (&x, CIRT_STR_STATUS_IN_PROGRESS));
  check (&x, workbook_set_properties (x.wb, &props), "document properties");

  write_summary (&x);
  write_progress (&x);
  write_answers (&x);
  write_recommendations (&x);
  write_findings (&x);
  write_gaps (&x);
  write_stakeholders (&x);
  write_sessions (&x);
  write_statements (&x);
  write_evidence (&x);
  write_methodology (&x);
  flush_row_height (&x);

  err = workbook_close (x.wb);
  if (x.error == LXW_NO_ERROR && err != LXW_NO_ERROR)
    {
      x.error = err;
      x.error_where = g_strdup ("saving");
    }
  if (x.error != LXW_NO_ERROR)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot write the workbook %s (%s: %s)"),
                   display, x.error_where, lxw_strerror (x.error));
      g_free (x.error_where);
      return FALSE;
    }
  if (!cirt_export_verify_xlsx (cirt_atomic_file_get_temp_path (file), error))
    {
      g_prefix_error (error, _("cannot write the workbook %s: "), display);
      return FALSE;
    }
  if (!cirt_atomic_file_commit (g_steal_pointer (&file), error))
    return FALSE;
  if (n_truncated)
    *n_truncated = x.n_truncated;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The portfolio: one row per assessment, and the regional medians          */

static void
write_portfolio_rows (Xlsx      *x,
                      GPtrArray *rows)
{
  const char *name = str (x, CIRT_STR_SHEET_PORTFOLIO);
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, name);
  const double widths[] = { 26, 8, 16, 12, 15, 28, 12, 8, 18, 12, 12, 12, 12, 12, 11, 40 };
  const char *titles[16];
  const lxw_col_t last = G_N_ELEMENTS (widths) - 1;
  lxw_row_t row = 2;
  guint n = 0;

  titles[n++] = str (x, CIRT_STR_COUNTRY);
  titles[n++] = str (x, CIRT_STR_COUNTRY_CODE);
  titles[n++] = str (x, CIRT_STR_REGION);
  titles[n++] = str (x, CIRT_STR_MISSION_DATE);
  titles[n++] = str (x, CIRT_STR_MISSION_PHASE);
  titles[n++] = str (x, CIRT_STR_INSTRUMENTS);
  titles[n++] = str (x, CIRT_STR_OVERALL_INDEX);
  titles[n++] = str (x, CIRT_STR_LEVEL);
  titles[n++] = str (x, CIRT_STR_LEVEL_NAME);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    titles[n++] = cirt_lang_pillar_title (x->l, p);
  titles[n++] = str (x, CIRT_STR_COVERAGE);
  titles[n++] = str (x, CIRT_STR_ASSESSMENT);
  g_assert (n == G_N_ELEMENTS (widths));

  setup_sheet (x, ws, 2);
  put_banner (x, ws, name, last);
  put_headers (x, ws, 1, titles, widths, n);
  for (guint i = 0; i < rows->len; i++, row++)
    {
      const CirtPortfolioRow *r = g_ptr_array_index (rows, i);
      g_autofree char *instruments = r->instruments ? g_strjoinv (", ", r->instruments) : NULL;
      const CirtLevelInfo *level = r->overall.defined && r->first != NULL
                                   ? cirt_instrument_get_level_info (r->first, r->overall.level) : NULL;
      lxw_col_t col = 0;

      put_text (x, ws, row, col++, r->country, x->text);
      put_text (x, ws, row, col++, r->country_code, x->center);
      put_text (x, ws, row, col++, r->region ? cirt_lang_region_name (x->l, r->region) : NULL, x->text);
      put_text (x, ws, row, col++, r->date, x->center);
      put_text (x, ws, row, col++, cirt_lang_mission_phase (x->l, r->phase), x->text);
      put_text (x, ws, row, col++, instruments, x->text);
      put_number (x, ws, row, col++, r->overall.defined ? r->overall.score : NAN, x->number);
      put_number (x, ws, row, col++, r->overall.defined ? r->overall.level : NAN, x->integer);
      put_text (x, ws, row, col++, level ? cirt_text_get (level->name, x->lang) : str (x, CIRT_STR_NO_SCORE), x->text);
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        put_number (x, ws, row, col++, r->pillars[p], x->number);
      put_number (x, ws, row, col++, r->overall.coverage, x->percent);
      put_text (x, ws, row, col++, r->title, x->text);
    }
  flush_row_height (x);
  check (x, worksheet_autofilter (ws, 1, 0, MAX (1, row - 1), last), "autofilter");
}

static void
write_regional_medians (Xlsx      *x,
                        GPtrArray *rows)
{
  const char *name = str (x, CIRT_STR_SHEET_REGIONAL_MEDIANS);
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, name);
  const double widths[] = { 18, 13, 11, 14, 14, 14, 14, 14, 14 };
  const char *titles[G_N_ELEMENTS (widths)];
  const lxw_col_t last = G_N_ELEMENTS (widths) - 1;
  lxw_row_t row = 2;
  guint n = 0;

  titles[n++] = str (x, CIRT_STR_REGION);
  titles[n++] = str (x, CIRT_STR_ASSESSMENTS_COUNTED);
  titles[n++] = str (x, CIRT_STR_COUNTRIES_COUNTED);
  titles[n++] = str (x, CIRT_STR_OVERALL_INDEX);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    titles[n++] = cirt_lang_pillar_title (x->l, p);
  g_assert (n == G_N_ELEMENTS (widths));

  setup_sheet (x, ws, 2);
  put_banner (x, ws, name, last);
  put_headers (x, ws, 1, titles, widths, n);
  for (guint r = 0; r <= CIRT_N_REGIONS; r++)
    {
      /* The six regions, then the assessments without one. */
      const char *region = r < CIRT_N_REGIONS ? cirt_region_to_string (r) : NULL;
      g_autoptr(GPtrArray) in_region = g_ptr_array_new ();
      g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      CirtPortfolioStat stat;

      for (guint i = 0; i < rows->len; i++)
        {
          const CirtPortfolioRow *pr = g_ptr_array_index (rows, i);
          if (g_strcmp0 (pr->region, region) == 0)
            {
              g_ptr_array_add (in_region, (gpointer) pr);
              g_hash_table_add (countries, cirt_portfolio_row_country_key (pr));
            }
        }
      if (in_region->len == 0)
        continue;
      put_text (x, ws, row, 0, region ? cirt_lang_region_name (x->l, region) : str (x, CIRT_STR_NO_REGION), x->text_bold);
      put_number (x, ws, row, 1, in_region->len, x->integer);
      put_number (x, ws, row, 2, g_hash_table_size (countries), x->integer);
      cirt_portfolio_stat (in_region, NULL, CIRT_N_PILLARS, &stat);
      put_number (x, ws, row, 3, stat.median, x->number);
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        {
          cirt_portfolio_stat (in_region, NULL, p, &stat);
          put_number (x, ws, row, 4 + p, stat.median, x->number);
        }
      row++;
    }
  row++;
  put_merged (x, ws, row, 0, last, str (x, CIRT_STR_MEDIAN_NOTE), x->para, 100);
}

gboolean
cirt_export_portfolio_xlsx (GPtrArray               *rows,
                            const CirtExportOptions *options,
                            const char              *path,
                            GError                 **error)
{
  CirtExportOptions defaults;
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  lxw_workbook_options wb_opts = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  lxw_doc_properties props = { 0 };
  Xlsx x = { 0 };
  lxw_error err;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((file = cirt_export_open_file (&options, &defaults, path, error)) == NULL)
    return FALSE;
  display = g_filename_display_name (path);
  x.wb = workbook_new_opt (cirt_atomic_file_get_temp_path (file), &wb_opts);
  if (x.wb == NULL)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot create the workbook %s"), display);
      return FALSE;
    }
  x.opts = options;
  x.l = cirt_lang_get (options->lang);
  x.lang = cirt_lang_get_code (x.l);
  x.title = str (&x, CIRT_STR_PORTFOLIO_TITLE);
  make_formats (&x);

  props.title = (char *) x.title;
  props.comments = (char *) cirt_tlp_label (options->tlp);
  check (&x, workbook_set_properties (x.wb, &props), "document properties");
  write_portfolio_rows (&x, rows);
  write_regional_medians (&x, rows);
  flush_row_height (&x);

  err = workbook_close (x.wb);
  if (x.error == LXW_NO_ERROR && err != LXW_NO_ERROR)
    {
      x.error = err;
      x.error_where = g_strdup ("saving");
    }
  if (x.error != LXW_NO_ERROR)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot write the workbook %s (%s: %s)"),
                   display, x.error_where, lxw_strerror (x.error));
      g_free (x.error_where);
      return FALSE;
    }
  if (!cirt_export_verify_xlsx (cirt_atomic_file_get_temp_path (file), error))
    {
      g_prefix_error (error, _("cannot write the workbook %s: "), display);
      return FALSE;
    }
  return cirt_atomic_file_commit (g_steal_pointer (&file), error);
}
