/* cirt-export-docx.c — the report as an editable Word document (.docx)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it is made:
 * - Every XML part is written by libxml2's xmlTextWriter into memory: text
 *   goes through xmlTextWriterWriteString(), which escapes it, after
 *   cirt_export_docx_clean_text() has made it valid XML 1.0 character data.
 *   Nothing is ever concatenated into markup.
 * - The body is written first into its own buffer, collecting the headings
 *   (each with a bookmark); the document part is then the cover, the
 *   contents (a TOC field whose placeholder lists those headings as links,
 *   until Word or LibreOffice rebuilds it with the page numbers), and the
 *   body.
 * - What the document says comes from the same words as the PDF report
 *   (cirt-export-private.h), the strings from the language layer, the
 *   charts from cirt-chart rendered to PNG at 200 dpi.
 * - The package is assembled by libzip in a memory buffer, then written
 *   through the one atomic writer (cirt-file.h): a temporary file renamed
 *   into place, or the sealed variant. */
#include "config.h"

#include "cirt-export-docx.h"
#include "cirt-chart.h"
#include "cirt-export-private.h"
#include "cirt-file.h"
#include "cirt-style.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Charts are drawn at print resolution. */
#define CHART_DPI 200.0
#define EMU_PER_PT 12700

/* Margins, in twentieths of a point (twips), as the PDF report's. */
#define MARGIN_SIDE   1240
#define MARGIN_TOP    1500
#define MARGIN_BOTTOM 1300
#define HEADER_DIST   520
#define FOOTER_DIST   480

enum {
  RUN_PLAIN = 0,
  RUN_BOLD = 1 << 0,
  RUN_ITALIC = 1 << 1,
  RUN_MUTED = 1 << 2,     /* character style "Muted" */
  RUN_MONO = 1 << 3,      /* character style "Code" */
  RUN_ACCENT = 1 << 4,    /* character style "Accent": ids, ranks */
  RUN_SMALL = 1 << 5,
};

typedef struct {
  char   *name;    /* "media/image1.png", in word/ */
  char   *rel_id;
  GBytes *bytes;
} Media;

typedef struct {
  int   level;     /* 1..3 */
  char *text;
  char *bookmark;
} Heading;

typedef struct {
  CirtAssessmentData      *data;
  const CirtExportOptions *opts;
  const CirtLang          *l;
  const char              *lang;     /* code, for instrument texts */
  CirtScore               *score;
  gboolean                 rtl;

  xmlTextWriterPtr         w;        /* the part being written */
  gboolean                 failed;

  GPtrArray *media;                  /* Media* */
  GArray    *headings;               /* Heading */
  guint      next_id;                /* bookmarks and drawings */
  int        page_w, page_h;         /* twips */
  int        text_w;                 /* twips */
  char      *running_title;
  char      *doc_date;
} Docx;

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

char *
cirt_export_docx_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *s;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  s = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (s, '\n');
        }
      else if (c == '\t' || c == '\n')
        g_string_append_c (s, (char) c);
      else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))
        g_string_append_unichar (s, 0xFFFD);
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* The writer: each call remembers a failure                                */

static void
check (Docx *d,
       int   rc)
{
  if (rc < 0)
    d->failed = TRUE;
}

static void
el (Docx       *d,
    const char *name)
{
  check (d, xmlTextWriterStartElement (d->w, BAD_CAST name));
}

static void
end (Docx *d)
{
  check (d, xmlTextWriterEndElement (d->w));
}

static void
attr (Docx       *d,
      const char *name,
      const char *value)
{
  check (d, xmlTextWriterWriteAttribute (d->w, BAD_CAST name, BAD_CAST value));
}

static void
attr_int (Docx       *d,
          const char *name,
          gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  attr (d, name, buf);
}

static void
attr_color (Docx       *d,
            const char *name,
            guint32     color)
{
  char buf[8];

  g_snprintf (buf, sizeof buf, "%06X", color & 0xFFFFFF);
  attr (d, name, buf);
}

/* <name w:val="value"/> */
static void
val (Docx       *d,
     const char *name,
     const char *value)
{
  el (d, name);
  if (value != NULL)
    attr (d, "w:val", value);
  end (d);
}

static void
val_int (Docx       *d,
         const char *name,
         gint64      value)
{
  el (d, name);
  attr_int (d, "w:val", value);
  end (d);
}

/* <w:fldChar w:fldCharType="begin|separate|end"/> in a run of its own. */
static void
fld_char (Docx       *d,
          const char *type,
          gboolean    dirty)
{
  el (d, "w:r");
  el (d, "w:fldChar");
  attr (d, "w:fldCharType", type);
  if (dirty)
    attr (d, "w:dirty", "true");
  end (d);
  end (d);
}

static void
instr_text (Docx       *d,
            const char *instruction)
{
  el (d, "w:r");
  el (d, "w:instrText");
  attr (d, "xml:space", "preserve");
  check (d, xmlTextWriterWriteString (d->w, BAD_CAST instruction));
  end (d);
  end (d);
}

/* Shading of a paragraph, a run or a cell. */
static void
shading (Docx    *d,
         guint32  fill)
{
  el (d, "w:shd");
  attr (d, "w:val", "clear");
  attr (d, "w:color", "auto");
  attr_color (d, "w:fill", fill);
  end (d);
}

/* A border line (w:top, w:bottom… of w:pBdr or w:tblBorders). */
static void
border (Docx       *d,
        const char *side,
        int         eighths,
        int         space,
        guint32     color)
{
  el (d, side);
  attr (d, "w:val", "single");
  attr_int (d, "w:sz", eighths);
  attr_int (d, "w:space", space);
  attr_color (d, "w:color", color);
  end (d);
}

static void
tab_stop (Docx       *d,
          const char *kind,
          const char *leader,
          int         pos)
{
  el (d, "w:tab");
  attr (d, "w:val", kind);
  if (leader)
    attr (d, "w:leader", leader);
  attr_int (d, "w:pos", pos);
  end (d);
}

/* Text of user origin or not, inside a run: newlines become w:br, tabs
 * w:tab, the rest w:t (escaped by the writer). */
static void
run_text (Docx       *d,
          const char *text)
{
  g_autofree char *clean = cirt_export_docx_clean_text (text);
  const char *p = clean;

  while (*p)
    {
      size_t n = strcspn (p, "\n\t");
      if (n > 0)
        {
          g_autofree char *piece = g_strndup (p, n);
          el (d, "w:t");
          attr (d, "xml:space", "preserve");
          check (d, xmlTextWriterWriteString (d->w, BAD_CAST piece));
          end (d);
          p += n;
        }
      if (*p == '\n')
        val (d, "w:br", NULL);
      else if (*p == '\t')
        val (d, "w:tab", NULL);
      else
        break;
      p++;
    }
}

static void
run_props (Docx *d,
           int   flags)
{
  if (flags == RUN_PLAIN && !d->rtl)
    return;
  el (d, "w:rPr");
  if (flags & RUN_MONO)
    val (d, "w:rStyle", "Code");
  else if (flags & RUN_ACCENT)
    val (d, "w:rStyle", "Accent");
  else if (flags & RUN_MUTED)
    val (d, "w:rStyle", "Muted");
  if (flags & RUN_BOLD)
    {
      val (d, "w:b", NULL);
      val (d, "w:bCs", NULL);
    }
  if (flags & RUN_ITALIC)
    {
      val (d, "w:i", NULL);
      val (d, "w:iCs", NULL);
    }
  if (flags & RUN_SMALL)
    {
      val_int (d, "w:sz", 15);
      val_int (d, "w:szCs", 15);
    }
  if (d->rtl)
    val (d, "w:rtl", NULL);
  end (d);
}

static void
run (Docx       *d,
     const char *text,
     int         flags)
{
  if (text == NULL || *text == '\0')
    return;
  el (d, "w:r");
  run_props (d, flags);
  run_text (d, text);
  end (d);
}

static void
run_special (Docx       *d,
             const char *what)
{
  el (d, "w:r");
  run_props (d, RUN_PLAIN);
  val (d, what, NULL);
  end (d);
}

/* A complex field: begin, instruction, separate, the cached @result, end. */
static void
field (Docx       *d,
       const char *instruction,
       const char *result,
       int         flags)
{
  fld_char (d, "begin", FALSE);
  instr_text (d, instruction);
  fld_char (d, "separate", FALSE);
  run (d, result, flags);
  fld_char (d, "end", FALSE);
}

/* ------------------------------------------------------------------------ */
/* Paragraphs                                                                */

enum {
  PARA_PLAIN = 0,
  PARA_KEEP_NEXT = 1 << 0,
  PARA_CENTER = 1 << 1,
  PARA_RIGHT = 1 << 2,
  PARA_START = 1 << 3,    /* left, overriding the style (the default in right-to-left) */
};

static void
para_begin (Docx       *d,
            const char *style,
            int         flags)
{
  el (d, "w:p");
  if (style == NULL && flags == PARA_PLAIN && !d->rtl)
    return;
  el (d, "w:pPr");
  if (style != NULL)
    val (d, "w:pStyle", style);
  if (flags & PARA_KEEP_NEXT)
    val (d, "w:keepNext", NULL);
  if (d->rtl)
    val (d, "w:bidi", NULL);
  if (flags & PARA_CENTER)
    val (d, "w:jc", "center");
  else if ((flags & PARA_RIGHT) && !d->rtl)
    val (d, "w:jc", "right");
  else if ((flags & PARA_START) && !d->rtl)
    val (d, "w:jc", "left");
  end (d);
}

static void
para_end (Docx *d)
{
  end (d);
}

static void
para (Docx       *d,
      const char *style,
      const char *text,
      int         run_flags)
{
  para_begin (d, style, PARA_PLAIN);
  run (d, text, run_flags);
  para_end (d);
}

static void
heading (Docx       *d,
         int         level,
         const char *text)
{
  Heading h;
  g_autofree char *style = g_strdup_printf ("Heading%d", level);
  guint id = d->next_id++;

  h.level = level;
  h.text = cirt_export_docx_clean_text (text);
  h.bookmark = g_strdup_printf ("_Toc%u", id);
  g_array_append_val (d->headings, h);

  para_begin (d, style, PARA_PLAIN);
  el (d, "w:bookmarkStart");
  attr_int (d, "w:id", id);
  attr (d, "w:name", h.bookmark);
  end (d);
  run (d, text, RUN_PLAIN);
  el (d, "w:bookmarkEnd");
  attr_int (d, "w:id", id);
  end (d);
  para_end (d);
}

static void
chapter (Docx              *d,
         const CirtChapter *c)
{
  g_autofree char *text = g_strdup_printf ("%s %s", c->number, c->title);
  heading (d, 1, text);
}

static void
bullet (Docx       *d,
        const char *text)
{
  para (d, "ListBullet", text, RUN_PLAIN);
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */

typedef struct {
  guint               n;
  const double       *fractions;   /* of the text width, summing to 1 */
  const char * const *titles;      /* NULL: no header row */
  const int          *align;       /* PARA_* per column; may be NULL */
} Table;

static int
column_width (Docx        *d,
              const Table *t,
              guint        i)
{
  return (int) floor (d->text_w * t->fractions[i]);
}

static void
cell_begin (Docx        *d,
            const Table *t,
            guint        i,
            guint        span)
{
  int width = 0;

  for (guint k = i; k < i + span; k++)
    width += column_width (d, t, k);
  el (d, "w:tc");
  el (d, "w:tcPr");
  el (d, "w:tcW");
  attr_int (d, "w:w", width);
  attr (d, "w:type", "dxa");
  end (d);
  if (span > 1)
    val_int (d, "w:gridSpan", span);
  end (d);
}

static void
cell (Docx        *d,
      const Table *t,
      guint        i,
      const char  *text,
      int          run_flags)
{
  cell_begin (d, t, i, 1);
  para_begin (d, "TableText", t->align ? t->align[i] : PARA_PLAIN);
  run (d, text, run_flags);
  para_end (d);
  end (d);
}

static void
table_begin (Docx        *d,
             const Table *t)
{
  el (d, "w:tbl");
  el (d, "w:tblPr");
  val (d, "w:tblStyle", "CirtTable");
  if (d->rtl)
    val (d, "w:bidiVisual", NULL);
  el (d, "w:tblW");
  attr_int (d, "w:w", d->text_w);
  attr (d, "w:type", "dxa");
  end (d);
  el (d, "w:tblLook");
  attr (d, "w:val", t->titles ? "04A0" : "0400");
  attr (d, "w:firstRow", t->titles ? "1" : "0");
  attr (d, "w:lastRow", "0");
  attr (d, "w:firstColumn", "0");
  attr (d, "w:lastColumn", "0");
  attr (d, "w:noHBand", "0");
  attr (d, "w:noVBand", "1");
  end (d);
  end (d);
  el (d, "w:tblGrid");
  for (guint i = 0; i < t->n; i++)
    {
      el (d, "w:gridCol");
      attr_int (d, "w:w", column_width (d, t, i));
      end (d);
    }
  end (d);
  if (t->titles != NULL)
    {
      /* The header row repeats at the top of every page the table crosses. */
      el (d, "w:tr");
      el (d, "w:trPr");
      val (d, "w:cantSplit", NULL);
      val (d, "w:tblHeader", NULL);
      end (d);
      for (guint i = 0; i < t->n; i++)
        cell (d, t, i, t->titles[i], RUN_PLAIN);
      end (d);
    }
}

/* A row of a few lines stays on one page; a long one (a note of pages)
 * flows on to the next. */
#define KEEP_ROW_CHARS 1200

static void
row_begin (Docx  *d,
           gsize  chars)
{
  el (d, "w:tr");
  if (chars < KEEP_ROW_CHARS)
    {
      el (d, "w:trPr");
      val (d, "w:cantSplit", NULL);
      end (d);
    }
}

static void
table_row (Docx               *d,
           const Table        *t,
           const char * const *texts,
           const int          *flags)
{
  gsize chars = 0;

  for (guint i = 0; i < t->n; i++)
    chars += texts[i] ? strlen (texts[i]) : 0;
  row_begin (d, chars);
  for (guint i = 0; i < t->n; i++)
    cell (d, t, i, texts[i], flags ? flags[i] : RUN_PLAIN);
  end (d);
}

static void
table_end (Docx *d)
{
  end (d);
  /* Two tables never touch (Word would merge them), and text follows. */
  para (d, "TableGap", NULL, RUN_PLAIN);
}

/* ------------------------------------------------------------------------ */
/* Charts                                                                    */

static cairo_status_t
png_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* An inline picture: @png (owned) of @width × @height points. */
static void
picture (Docx       *d,
         GBytes     *png,
         double      width,
         double      height,
         const char *descr)
{
  Media *m = g_new0 (Media, 1);
  guint id = d->next_id++;
  gint64 cx = (gint64) (width * EMU_PER_PT), cy = (gint64) (height * EMU_PER_PT);
  g_autofree char *name = NULL;
  g_autofree char *clean = cirt_export_docx_clean_text (descr);

  m->name = g_strdup_printf ("media/image%u.png", d->media->len + 1);
  m->rel_id = g_strdup_printf ("rIdImage%u", d->media->len + 1);
  m->bytes = png;
  g_ptr_array_add (d->media, m);
  name = g_strdup_printf ("Chart %u", d->media->len);

  para_begin (d, "Figure", PARA_KEEP_NEXT);
  el (d, "w:r");
  el (d, "w:drawing");
  el (d, "wp:inline");
  attr (d, "distT", "0");
  attr (d, "distB", "0");
  attr (d, "distL", "0");
  attr (d, "distR", "0");
  el (d, "wp:extent");
  attr_int (d, "cx", cx);
  attr_int (d, "cy", cy);
  end (d);
  el (d, "wp:docPr");
  attr_int (d, "id", id);
  attr (d, "name", name);
  attr (d, "descr", clean);
  end (d);
  el (d, "wp:cNvGraphicFramePr");
  el (d, "a:graphicFrameLocks");
  attr (d, "noChangeAspect", "1");
  end (d);
  end (d);
  el (d, "a:graphic");
  el (d, "a:graphicData");
  attr (d, "uri", NS_PIC);
  el (d, "pic:pic");
  el (d, "pic:nvPicPr");
  el (d, "pic:cNvPr");
  attr_int (d, "id", id);
  attr (d, "name", m->name + strlen ("media/"));
  attr (d, "descr", clean);
  end (d);
  el (d, "pic:cNvPicPr");
  end (d);
  end (d);
  el (d, "pic:blipFill");
  el (d, "a:blip");
  attr (d, "r:embed", m->rel_id);
  end (d);
  el (d, "a:stretch");
  el (d, "a:fillRect");
  end (d);
  end (d);
  end (d);
  el (d, "pic:spPr");
  el (d, "a:xfrm");
  el (d, "a:off");
  attr (d, "x", "0");
  attr (d, "y", "0");
  end (d);
  el (d, "a:ext");
  attr_int (d, "cx", cx);
  attr_int (d, "cy", cy);
  end (d);
  end (d);
  el (d, "a:prstGeom");
  attr (d, "prst", "rect");
  el (d, "a:avLst");
  end (d);
  end (d);
  end (d);
  end (d);   /* pic:pic */
  end (d);   /* a:graphicData */
  end (d);   /* a:graphic */
  end (d);   /* wp:inline */
  end (d);   /* w:drawing */
  end (d);   /* w:r */
  para_end (d);
}

static CirtString
chart_title_id (CirtChartKind kind)
{
  return kind == CIRT_CHART_RADAR ? CIRT_STR_CHART_TITLE_RADAR
         : kind == CIRT_CHART_PROGRESS ? CIRT_STR_CHART_TITLE_PROGRESS
         : CIRT_STR_CHART_TITLE_SECTIONS;
}

/* The chart in words, for the picture's alt text. */
static char *
chart_description (Docx          *d,
                   CirtChartKind  kind)
{
  GString *s = g_string_new (cirt_lang_str (d->l, chart_title_id (kind)));
  g_string_append (s, ". ");
  if (kind == CIRT_CHART_PROGRESS)
    {
      g_autoptr(CirtProgress) p = cirt_export_progress (d->l, d->data);
      g_string_free (s, TRUE);
      return p ? cirt_export_progress_chart_words (d->l, p) : g_strdup (cirt_lang_str (d->l, CIRT_STR_CHART_TITLE_PROGRESS));
    }
  else if (kind == CIRT_CHART_RADAR)
    {
      gboolean first = TRUE;
      for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
        {
          const CirtPillarScore *ps = cirt_score_get_pillar (d->score, p);
          g_autofree char *score = NULL, *level = NULL;
          if (!ps->used)
            continue;
          score = cirt_export_score_words (d->l, &ps->value);
          level = cirt_export_value_level_words (d->l, d->score, &ps->value);
          g_string_append_printf (s, "%s%s: %s (%s)", first ? "" : "; ", cirt_lang_pillar_title (d->l, p), score, level);
          if (ps->target > 0)
            g_string_append_printf (s, ", %s %d", cirt_lang_str (d->l, CIRT_STR_TARGET_LEVEL), ps->target);
          first = FALSE;
        }
    }
  else
    {
      for (guint i = 0; i < cirt_score_get_n_sections (d->score); i++)
        {
          const CirtSectionScore *ss = cirt_score_get_section (d->score, i);
          g_autofree char *score = cirt_export_score_words (d->l, &ss->value);
          g_string_append_printf (s, "%s%s: %s", i ? "; " : "", cirt_text_get (ss->section->title, d->lang), score);
        }
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}

/* The chart of cirt-chart as a picture of @width × @height points, and its
 * caption. */
static void
chart (Docx          *d,
       CirtChartKind  kind,
       double         width,
       double         height)
{
  const double scale = CHART_DPI / 72.0;
  int pw = (int) ceil (width * scale), ph = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  cairo_t *cr = cairo_create (surface);
  CirtChartOptions options = { 0 };
  GByteArray *png = g_byte_array_new ();
  g_autofree char *descr = chart_description (d, kind);

  options.lang = d->lang;
  options.baseline = d->data->baseline;
  options.font_scale = 1.0;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cirt_chart_draw (cr, kind, d->score, &options, width, height);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png_stream (surface, png_write, png) != CAIRO_STATUS_SUCCESS)
    d->failed = TRUE;
  cairo_surface_destroy (surface);
  picture (d, g_byte_array_free_to_bytes (png), width, height, descr);
  para (d, "Caption", cirt_lang_str (d->l, chart_title_id (kind)), RUN_PLAIN);
}

/* ------------------------------------------------------------------------ */
/* Pieces of the chapters                                                    */

/* Key figures: a table whose header row holds the labels. Frees the values. */
static void
figures (Docx        *d,
         guint        n,
         const char **labels,
         char       **values,
         char       **details)
{
  g_autofree double *fractions = g_new (double, n);
  g_autofree int *align = g_new (int, n);
  Table t = { n, fractions, labels, align };

  for (guint i = 0; i < n; i++)
    {
      fractions[i] = 1.0 / n;
      align[i] = PARA_PLAIN;
    }
  table_begin (d, &t);
  row_begin (d, 0);
  for (guint i = 0; i < n; i++)
    {
      cell_begin (d, &t, i, 1);
      para_begin (d, "Figures", PARA_PLAIN);
      run (d, values[i], RUN_PLAIN);
      para_end (d);
      if (!cirt_text_is_blank (details[i]))
        para (d, "TableText", details[i], RUN_MUTED);
      end (d);
      g_free (values[i]);
      g_free (details[i]);
    }
  end (d);
  table_end (d);
}

static void
notice (Docx       *d,
        const char *text)
{
  para (d, "Notice", text, RUN_PLAIN);
}

static void
recommendation (Docx                     *d,
                guint                     rank,
                const CirtRecommendation *rec)
{
  const CirtQuestion *q = rec->question;
  g_autofree char *meta = cirt_export_recommendation_meta (d->l, d->data, q);
  g_autofree char *num = g_strdup_printf ("%u", rank);

  para_begin (d, "Recommendation", PARA_PLAIN);
  run (d, num, RUN_ACCENT | RUN_BOLD);
  run_special (d, "w:tab");
  run (d, cirt_text_get (q->recommendation, d->lang), RUN_PLAIN);
  run_special (d, "w:br");
  run (d, meta, RUN_MUTED | RUN_SMALL);
  if (q->phase != CIRT_PHASE_NONE)
    {
      run (d, " · ", RUN_MUTED | RUN_SMALL);
      run (d, cirt_lang_phase (d->l, q->phase), RUN_MUTED | RUN_SMALL | RUN_BOLD);
    }
  para_end (d);
}

static void
pillar_table (Docx *d)
{
  const char *titles[] = {
    cirt_lang_str (d->l, CIRT_STR_PILLAR), cirt_lang_str (d->l, CIRT_STR_SCORE), cirt_lang_str (d->l, CIRT_STR_LEVEL),
    cirt_lang_str (d->l, CIRT_STR_TARGET_LEVEL), cirt_lang_str (d->l, CIRT_STR_GAP_LEVELS),
    cirt_lang_str (d->l, CIRT_STR_COVERAGE),
  };
  static const double fractions[] = { 0.28, 0.15, 0.21, 0.09, 0.13, 0.14 };
  static const int align[] = { PARA_PLAIN, PARA_RIGHT, PARA_PLAIN, PARA_CENTER, PARA_CENTER, PARA_RIGHT };
  static const int flags[] = { RUN_BOLD, RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_PLAIN, RUN_PLAIN };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

  table_begin (d, &t);
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (d->score, p);
      g_autofree char *score = NULL, *level = NULL, *target = NULL, *gap = NULL, *cov = NULL;
      if (!ps->used)
        continue;
      score = cirt_export_score_words (d->l, &ps->value);
      level = cirt_export_value_level_words (d->l, d->score, &ps->value);
      target = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
      if (!ps->has_gap)
        gap = g_strdup ("—");
      else
        gap = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
      cov = cirt_lang_format_percent (d->l, ps->value.coverage);
      if (ps->value.provisional)
        {
          char *tmp = g_strdup_printf ("%s\n%s", cov, cirt_lang_str (d->l, CIRT_STR_PROVISIONAL));
          g_free (cov);
          cov = tmp;
        }
      {
        const char *cells[] = { cirt_lang_pillar_title (d->l, p), score, level, target, gap, cov };
        table_row (d, &t, cells, flags);
      }
    }
  table_end (d);
}

/* ------------------------------------------------------------------------ */
/* Chapters                                                                  */

static void
executive_summary (Docx              *d,
                   const CirtChapter *c)
{
  const CirtScoreValue *overall = cirt_score_get_overall (d->score);
  guint n_recs = cirt_score_get_n_recommendations (d->score);
  double text_w = d->text_w / 20.0;

  chapter (d, c);
  {
    const CirtLevelInfo *li = overall->defined ? cirt_score_get_level_info (d->score, overall->level) : NULL;
    const char *labels[] = {
      cirt_lang_str (d->l, CIRT_STR_OVERALL_INDEX), cirt_lang_str (d->l, CIRT_STR_OVERALL_LEVEL),
      cirt_lang_str (d->l, CIRT_STR_COVERAGE),
    };
    char *values[] = {
      overall->defined ? cirt_lang_format_score (d->l, overall->score) : g_strdup ("—"),
      cirt_export_value_level_words (d->l, d->score, overall),
      cirt_lang_format_percent (d->l, overall->coverage),
    };
    char *details[] = {
      overall->defined ? g_strdup ("/ 100") : NULL,
      li && li->description ? g_strdup (cirt_text_get (li->description, d->lang)) : NULL,
      overall->provisional ? g_strdup (cirt_lang_str (d->l, CIRT_STR_PROVISIONAL)) : NULL,
    };
    figures (d, 3, labels, values, details);
  }
  {
    g_autoptr(GPtrArray) notices = cirt_export_notices (d->l, d->score);
    for (guint i = 0; i < notices->len; i++)
      notice (d, g_ptr_array_index (notices, i));
  }
  {
    double cw = MIN (text_w, 440);
    double natural = cirt_chart_natural_height (CIRT_CHART_RADAR, d->score, cirt_lang_get_code (d->l), cw);
    if (natural <= 0)
      natural = cw * 0.75;
    chart (d, CIRT_CHART_RADAR, cw, MIN (natural, 340));
  }
  pillar_table (d);

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_KEY_FINDINGS));
  {
    g_autoptr(GPtrArray) findings = cirt_export_key_findings (d->l, d->score);
    for (guint i = 0; i < findings->len; i++)
      bullet (d, g_ptr_array_index (findings, i));
  }

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_TOP_RECOMMENDATIONS));
  if (n_recs == 0)
    para (d, NULL, cirt_lang_str (d->l, CIRT_STR_NO_RECOMMENDATIONS), RUN_PLAIN);
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", n_recs);
      g_autofree char *t = cirt_lang_format (d->l, CIRT_STR_RECS_COUNT, count, NULL, NULL, NULL);
      para (d, NULL, t, RUN_MUTED);
      for (guint i = 0; i < MIN (n_recs, 5); i++)
        recommendation (d, i + 1, cirt_score_get_recommendation (d->score, i));
    }

  if (cirt_score_get_n_sections (d->score) > 0)
    {
      double body_h = (d->page_h - MARGIN_TOP - MARGIN_BOTTOM) / 20.0 - 60;
      double ch = cirt_chart_natural_height (CIRT_CHART_SECTIONS, d->score, cirt_lang_get_code (d->l), text_w);
      if (ch <= 0)
        ch = 24.0 * cirt_score_get_n_sections (d->score) + 60;
      chart (d, CIRT_CHART_SECTIONS, text_w, MIN (ch, body_h));
    }
}

/* A question of the progress lists: id and text, the answers then and now,
 * the follow-up's notes. */
static void
progress_item (Docx                   *d,
               const CirtProgressItem *item)
{
  para_begin (d, "Finding", item->notes ? PARA_KEEP_NEXT : PARA_PLAIN);
  run (d, item->question->id, RUN_ACCENT | RUN_BOLD);
  run (d, "  ", RUN_PLAIN);
  run (d, item->text, RUN_BOLD);
  run_special (d, "w:br");
  run (d, item->line, RUN_MUTED | RUN_ITALIC);
  para_end (d);
  if (item->notes != NULL)
    para (d, NULL, item->notes, RUN_PLAIN);
}

static void
progress_items (Docx       *d,
                CirtString  title,
                GPtrArray  *items,
                CirtString  none)
{
  heading (d, 2, cirt_lang_str (d->l, title));
  for (guint i = 0; i < items->len; i++)
    progress_item (d, g_ptr_array_index (items, i));
  if (items->len == 0)
    para (d, NULL, cirt_lang_str (d->l, none), RUN_MUTED | RUN_ITALIC);
}

static void
progress (Docx              *d,
          const CirtChapter *c)
{
  g_autoptr(CirtProgress) p = cirt_export_progress (d->l, d->data);
  double text_w = d->text_w / 20.0;

  chapter (d, c);
  if (p == NULL)
    return;
  para (d, NULL, p->intro, RUN_PLAIN);
  para (d, NULL, p->summary, RUN_BOLD);
  for (guint i = 0; i < p->notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (p->notes, i);
      if (n->bold)
        notice (d, n->text);
      else
        para (d, NULL, n->text, RUN_MUTED);
    }
  {
    CirtChartOptions options = { 0 };
    double ch;

    options.lang = d->lang;
    options.baseline = p->baseline;
    ch = cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, d->score, &options, text_w);
    if (ch <= 0)
      ch = 30.0 * (CIRT_N_PILLARS + 1) + 80;
    chart (d, CIRT_CHART_PROGRESS, text_w, ch);
  }
  if (p->comparison == NULL)
    return;

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_PROGRESS_QUESTIONS));
  {
    g_autoptr(GString) line = g_string_new (NULL);
    for (guint i = 0; i < p->counts->len; i++)
      {
        const CirtFact *f = g_ptr_array_index (p->counts, i);
        g_string_append_printf (line, "%s%s %s", i ? " · " : "", f->label, f->value);
      }
    para (d, NULL, line->str, RUN_PLAIN);
  }

  if (p->sections->len > 0)
    {
      const char *titles[] = {
        cirt_lang_str (d->l, CIRT_STR_SECTION), cirt_lang_str (d->l, CIRT_STR_PILLAR),
        cirt_lang_str (d->l, CIRT_STR_PROGRESS_THEN), cirt_lang_str (d->l, CIRT_STR_PROGRESS_NOW),
        cirt_lang_str (d->l, CIRT_STR_PROGRESS_CHANGE), cirt_lang_str (d->l, CIRT_STR_PROGRESS_LEVEL_THEN_NOW),
      };
      static const double fractions[] = { 0.3, 0.21, 0.09, 0.09, 0.1, 0.21 };
      static const int align[] = { PARA_PLAIN, PARA_PLAIN, PARA_RIGHT, PARA_RIGHT, PARA_RIGHT, PARA_CENTER };
      static const int flags[] = { RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_BOLD, RUN_BOLD, RUN_PLAIN };
      Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

      heading (d, 2, cirt_lang_str (d->l, CIRT_STR_PROGRESS_BY_SECTION));
      table_begin (d, &t);
      for (guint i = 0; i < p->sections->len; i++)
        {
          const CirtProgressRow *row = g_ptr_array_index (p->sections, i);
          const char *cells[] = {
            row->label, cirt_lang_pillar_title (d->l, row->pillar), row->then, row->now, row->change, row->levels,
          };
          table_row (d, &t, cells, flags);
        }
      table_end (d);
    }

  progress_items (d, CIRT_STR_PROGRESS_IMPROVED, p->improved, CIRT_STR_PROGRESS_NO_IMPROVED);
  progress_items (d, CIRT_STR_PROGRESS_REGRESSED, p->regressed, CIRT_STR_PROGRESS_NO_REGRESSED);

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_PROGRESS_MET));
  for (guint i = 0; i < p->met->len; i++)
    {
      const CirtProgressMet *m = g_ptr_array_index (p->met, i);
      para_begin (d, "Recommendation", PARA_PLAIN);
      run (d, m->text, RUN_PLAIN);
      run_special (d, "w:br");
      run (d, m->meta, RUN_MUTED | RUN_SMALL);
      para_end (d);
    }
  if (p->met->len == 0)
    para (d, NULL, cirt_lang_str (d->l, CIRT_STR_PROGRESS_NO_MET), RUN_MUTED | RUN_ITALIC);
}

/* The sections of @pillar, one table per instrument (the results per
 * instrument). */
static void
pillar_sections (Docx       *d,
                 CirtPillar  pillar)
{
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  guint n_sections = cirt_score_get_n_sections (d->score);
  const char *titles[] = {
    cirt_lang_str (d->l, CIRT_STR_SECTION), cirt_lang_str (d->l, CIRT_STR_SCORE), cirt_lang_str (d->l, CIRT_STR_LEVEL),
    cirt_lang_str (d->l, CIRT_STR_ANSWERED), cirt_lang_str (d->l, CIRT_STR_COVERAGE),
  };
  static const double fractions[] = { 0.36, 0.15, 0.25, 0.12, 0.12 };
  static const int align[] = { PARA_PLAIN, PARA_RIGHT, PARA_PLAIN, PARA_CENTER, PARA_RIGHT };
  static const int flags[] = { RUN_BOLD, RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_PLAIN };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_SECTION_SCORES));
  for (guint k = 0; k < instruments->len; k++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, k);
      gboolean any = FALSE;

      for (guint i = 0; i < n_sections && !any; i++)
        {
          const CirtSectionScore *ss = cirt_score_get_section (d->score, i);
          any = ss->instrument == inst && ss->section->pillar == pillar;
        }
      if (!any)
        continue;
      if (instruments->len > 1)
        heading (d, 3, cirt_instrument_get_title (inst, d->lang));
      table_begin (d, &t);
      for (guint i = 0; i < n_sections; i++)
        {
          const CirtSectionScore *ss = cirt_score_get_section (d->score, i);
          g_autofree char *score = NULL, *level = NULL, *answered = NULL, *a = NULL, *b = NULL, *cov = NULL;
          if (ss->instrument != inst || ss->section->pillar != pillar)
            continue;
          score = cirt_export_score_words (d->l, &ss->value);
          level = cirt_export_section_level_words (d->l, ss);
          a = g_strdup_printf ("%u", ss->answered);
          b = g_strdup_printf ("%u", ss->total);
          answered = cirt_lang_format (d->l, CIRT_STR_ANSWERED_OF, a, b, NULL, NULL);
          cov = cirt_lang_format_percent (d->l, ss->value.coverage);
          {
            const char *cells[] = { cirt_text_get (ss->section->title, d->lang), score, level, answered, cov };
            table_row (d, &t, cells, flags);
          }
        }
      table_end (d);
    }
}

static void
pillar_chapter (Docx              *d,
                const CirtChapter *c)
{
  CirtPillar pillar = c->pillar;
  const CirtPillarScore *ps = cirt_score_get_pillar (d->score, pillar);
  guint n_recs = cirt_score_get_n_recommendations (d->score);
  guint n_findings = 0, n_pillar_recs = 0;

  chapter (d, c);
  {
    const char *labels[] = {
      cirt_lang_str (d->l, CIRT_STR_SCORE), cirt_lang_str (d->l, CIRT_STR_LEVEL),
      cirt_lang_str (d->l, CIRT_STR_TARGET_LEVEL), cirt_lang_str (d->l, CIRT_STR_COVERAGE),
    };
    char *values[] = {
      cirt_export_score_words (d->l, &ps->value),
      cirt_export_value_level_words (d->l, d->score, &ps->value),
      ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—"),
      cirt_lang_format_percent (d->l, ps->value.coverage),
    };
    char *details[] = { ps->value.defined ? g_strdup ("/ 100") : NULL, NULL, NULL,
                        ps->value.provisional ? g_strdup (cirt_lang_str (d->l, CIRT_STR_PROVISIONAL)) : NULL };
    if (ps->has_gap)
      {
        g_autofree char *g = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
        details[2] = g_strdup_printf ("%s: %s", cirt_lang_str (d->l, CIRT_STR_GAP_LEVELS), g);
      }
    figures (d, 4, labels, values, details);
  }
  if (!ps->value.defined)
    notice (d, cirt_lang_str (d->l, CIRT_STR_PILLAR_NOT_SCORED));

  pillar_sections (d, pillar);

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_FINDINGS));
  {
    g_autoptr(GPtrArray) findings = cirt_export_pillar_findings (d->data, pillar);
    for (guint i = 0; i < findings->len; i++)
      {
        const CirtQuestion *q = g_ptr_array_index (findings, i);
        const CirtAnswer *a = cirt_assessment_data_answer (d->data, q);
        g_autofree char *words = cirt_export_answer_words (d->l, q, a);

        para_begin (d, "Finding", PARA_KEEP_NEXT);
        run (d, q->id, RUN_ACCENT | RUN_BOLD);
        run (d, "  ", RUN_PLAIN);
        run (d, cirt_text_get (q->text, d->lang), RUN_BOLD);
        run_special (d, "w:br");
        run (d, cirt_lang_str (d->l, CIRT_STR_LABEL_ANSWER), RUN_MUTED);
        run (d, " ", RUN_MUTED);
        run (d, words, RUN_MUTED | RUN_ITALIC);
        para_end (d);
        para (d, NULL, a->notes, RUN_PLAIN);
      }
    n_findings = findings->len;
  }
  if (n_findings == 0)
    para (d, NULL, cirt_lang_str (d->l, CIRT_STR_NO_FINDINGS), RUN_MUTED | RUN_ITALIC);

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_PILLAR_RECOMMENDATIONS));
  for (guint i = 0; i < n_recs; i++)
    {
      const CirtRecommendation *rec = cirt_score_get_recommendation (d->score, i);
      if (rec->question->section->pillar != pillar)
        continue;
      recommendation (d, i + 1, rec);
      n_pillar_recs++;
    }
  if (n_pillar_recs == 0)
    para (d, NULL, cirt_lang_str (d->l, CIRT_STR_NO_PILLAR_RECOMMENDATIONS), RUN_MUTED | RUN_ITALIC);
}

static void
roadmap (Docx              *d,
         const CirtChapter *c)
{
  const char *intro = NULL, *note = NULL;
  g_autoptr(GPtrArray) groups = cirt_export_roadmap (d->l, d->data, &intro, &note);
  const char *titles[] = {
    "#", cirt_lang_str (d->l, CIRT_STR_RECOMMENDATION), cirt_lang_str (d->l, CIRT_STR_PILLAR),
    cirt_lang_str (d->l, CIRT_STR_QUESTION_ID),
  };
  static const double fractions[] = { 0.06, 0.62, 0.18, 0.14 };
  static const int align[] = { PARA_RIGHT, PARA_PLAIN, PARA_PLAIN, PARA_PLAIN };
  static const int flags[] = { RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_BOLD };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };
  const char *finding_titles[] = {
    cirt_lang_str (d->l, CIRT_STR_FINDING_KIND), cirt_lang_str (d->l, CIRT_STR_FINDING),
    cirt_lang_str (d->l, CIRT_STR_PILLAR),
  };
  static const double finding_fractions[] = { 0.2, 0.6, 0.2 };
  static const int finding_align[] = { PARA_PLAIN, PARA_PLAIN, PARA_PLAIN };
  static const int finding_flags[] = { RUN_BOLD, RUN_PLAIN, RUN_PLAIN };
  Table ft = { G_N_ELEMENTS (finding_titles), finding_fractions, finding_titles, finding_align };

  chapter (d, c);
  para (d, NULL, intro, RUN_PLAIN);
  if (note != NULL)
    para (d, NULL, note, RUN_PLAIN);
  for (guint g = 0; g < groups->len; g++)
    {
      const CirtRoadmapGroup *group = g_ptr_array_index (groups, g);
      heading (d, 2, group->title);
      if (group->intro)
        para (d, NULL, group->intro, RUN_MUTED | RUN_ITALIC);
      /* What stands in the way at this step, and what can be won soon,
       * before what to do. */
      if (group->findings->len > 0)
        {
          heading (d, 3, cirt_lang_str (d->l, CIRT_STR_ROADMAP_FINDINGS));
          table_begin (d, &ft);
          for (guint k = 0; k < group->findings->len; k++)
            {
              const CirtFinding *f = g_ptr_array_index (group->findings, k);
              const char *cells[] = {
                cirt_lang_finding_kind (d->l, f->kind), f->title, cirt_lang_pillar_title (d->l, f->pillar),
              };
              table_row (d, &ft, cells, finding_flags);
            }
          table_end (d);
        }
      if (group->ranks->len > 0 && group->findings->len > 0)
        heading (d, 3, cirt_lang_str (d->l, CIRT_STR_PILLAR_RECOMMENDATIONS));
      if (group->ranks->len > 0)
        {
          table_begin (d, &t);
          for (guint k = 0; k < group->ranks->len; k++)
            {
              guint i = g_array_index (group->ranks, guint, k);
              const CirtQuestion *q = cirt_score_get_recommendation (d->score, i)->question;
              g_autofree char *num = g_strdup_printf ("%u", i + 1);
              g_autofree char *id = q->critical ? g_strdup_printf ("%s\n%s", q->id,
                                                                   cirt_lang_str (d->l, CIRT_STR_CRITICAL_MARK))
                                                : g_strdup (q->id);
              const char *cells[] = {
                num, cirt_text_get (q->recommendation, d->lang), cirt_lang_pillar_title (d->l, q->section->pillar), id,
              };
              table_row (d, &t, cells, flags);
            }
          table_end (d);
        }
    }
}

/* The key findings of the mission, by kind: each with its title, pillar,
 * phase and questions, then what was seen. */
static void
findings_chapter (Docx              *d,
                  const CirtChapter *c)
{
  g_autoptr(GPtrArray) groups = cirt_export_finding_groups (d->l, d->data);

  chapter (d, c);
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_FINDINGS_INTRO), RUN_PLAIN);
  for (guint g = 0; g < groups->len; g++)
    {
      const CirtFindingGroup *group = g_ptr_array_index (groups, g);

      heading (d, 2, group->title);
      para (d, NULL, group->intro, RUN_MUTED | RUN_ITALIC);
      for (guint k = 0; k < group->findings->len; k++)
        {
          const CirtFinding *f = g_ptr_array_index (group->findings, k);
          g_autofree char *meta = cirt_export_finding_meta (d->l, f);

          para_begin (d, "Finding", PARA_KEEP_NEXT);
          run (d, f->title, RUN_ACCENT | RUN_BOLD);
          run_special (d, "w:br");
          run (d, meta, RUN_MUTED);
          para_end (d);
          if (!cirt_text_is_blank (f->description))
            para (d, NULL, f->description, RUN_PLAIN);
        }
    }
}

static void
methodology (Docx              *d,
             const CirtChapter *c)
{
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  g_autoptr(GPtrArray) intro = cirt_export_methodology_intro (d->l);
  g_autoptr(GPtrArray) notes = cirt_export_methodology_notes (d->l, d->data, d->opts->tlp);

  chapter (d, c);
  for (guint i = 0; i < intro->len; i++)
    para (d, NULL, g_ptr_array_index (intro, i), RUN_PLAIN);

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_LEVELS));
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_METH_LEVELS), RUN_PLAIN);
  {
    const char *titles[] = { cirt_lang_str (d->l, CIRT_STR_LEVEL), cirt_lang_str (d->l, CIRT_STR_LEVEL_NAME),
                             cirt_lang_str (d->l, CIRT_STR_FROM_INDEX), cirt_lang_str (d->l, CIRT_STR_DESCRIPTION) };
    static const double fractions[] = { 0.1, 0.2, 0.14, 0.56 };
    static const int align[] = { PARA_CENTER, PARA_PLAIN, PARA_RIGHT, PARA_PLAIN };
    static const int flags[] = { RUN_BOLD, RUN_BOLD, RUN_PLAIN, RUN_PLAIN };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

    table_begin (d, &t);
    for (int l = 1; l <= CIRT_N_LEVELS; l++)
      {
        const CirtLevelInfo *li = cirt_score_get_level_info (d->score, l);
        g_autofree char *num = g_strdup_printf ("%d", l);
        g_autofree char *min = NULL;
        if (li == NULL)
          continue;
        min = cirt_lang_format_score (d->l, li->min);
        {
          const char *cells[] = { num, cirt_text_get (li->name, d->lang), min, cirt_text_get (li->description, d->lang) };
          table_row (d, &t, cells, flags);
        }
      }
    table_end (d);
  }

  heading (d, 2, cirt_lang_str (d->l, CIRT_STR_INSTRUMENTS));
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_METH_INSTRUMENTS), RUN_PLAIN);
  {
    const char *titles[] = { cirt_lang_str (d->l, CIRT_STR_INSTRUMENT), cirt_lang_str (d->l, CIRT_STR_VERSION),
                             "SHA-256" };
    static const double fractions[] = { 0.4, 0.12, 0.48 };
    static const int flags[] = { RUN_BOLD, RUN_PLAIN, RUN_MONO | RUN_SMALL };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

    table_begin (d, &t);
    for (guint i = 0; i < instruments->len; i++)
      {
        CirtInstrument *inst = g_ptr_array_index (instruments, i);
        g_autofree char *name = g_strdup_printf ("%s\n%s", cirt_instrument_get_title (inst, d->lang),
                                                 cirt_instrument_get_id (inst));
        const char *cells[] = { name, cirt_instrument_get_version (inst), cirt_instrument_get_sha256 (inst) };
        table_row (d, &t, cells, flags);
      }
    table_end (d);
  }
  for (guint i = 0; i < notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (notes, i);
      para (d, NULL, n->text, n->bold ? RUN_BOLD : RUN_PLAIN);
    }
}

static void
stakeholders (Docx              *d,
              const CirtChapter *c)
{
  GPtrArray *list = d->data->stakeholders;
  const char *titles[] = { cirt_lang_str (d->l, CIRT_STR_NAME), cirt_lang_str (d->l, CIRT_STR_ORGANISATION),
                           cirt_lang_str (d->l, CIRT_STR_SECTOR), cirt_lang_str (d->l, CIRT_STR_DATE) };
  static const double fractions[] = { 0.27, 0.37, 0.18, 0.18 };
  static const int flags[] = { RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_PLAIN };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  chapter (d, c);
  if (list == NULL || list->len == 0)
    {
      para (d, NULL, cirt_lang_str (d->l, CIRT_STR_NO_STAKEHOLDERS), RUN_MUTED | RUN_ITALIC);
      return;
    }
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_STAKEHOLDERS_INTRO), RUN_PLAIN);
  table_begin (d, &t);
  for (guint i = 0; i < list->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (list, i);
      g_autofree char *date = cirt_lang_format_date (d->l, s->met_on);
      const char *cells[] = { s->name, s->organisation, s->sector, date };
      table_row (d, &t, cells, flags);
      if (!cirt_text_is_blank (s->notes))
        {
          /* The interview notes, across the whole row. */
          row_begin (d, strlen (s->notes));
          cell_begin (d, &t, 0, t.n);
          para (d, "TableText", s->notes, RUN_MUTED);
          end (d);
          end (d);
        }
    }
  table_end (d);
}

static void
interviews (Docx              *d,
            const CirtChapter *c)
{
  g_autoptr(GPtrArray) rows = cirt_export_interview_rows (d->l, d->data);
  const char *titles[] = { cirt_lang_str (d->l, CIRT_STR_DATE), cirt_lang_str (d->l, CIRT_STR_SESSION_PLACE),
                           cirt_lang_str (d->l, CIRT_STR_SESSION_ORGANISATIONS),
                           cirt_lang_str (d->l, CIRT_STR_SESSION_SECTIONS) };
  static const double fractions[] = { 0.17, 0.20, 0.38, 0.25 };
  static const int flags[] = { RUN_BOLD, RUN_PLAIN, RUN_PLAIN, RUN_PLAIN };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  chapter (d, c);
  if (rows->len == 0)
    {
      para (d, NULL, cirt_lang_str (d->l, CIRT_STR_NO_SESSIONS), RUN_MUTED | RUN_ITALIC);
      return;
    }
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_INTERVIEWS_HELD_INTRO), RUN_PLAIN);
  table_begin (d, &t);
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtInterviewRow *row = g_ptr_array_index (rows, i);
      const char *cells[] = { row->when, row->place, row->met, row->sections };
      table_row (d, &t, cells, flags);
    }
  table_end (d);
}

static void
appendix_cell_line (Docx       *d,
                    const char *label,
                    const char *value)
{
  if (cirt_text_is_blank (value))
    return;
  para_begin (d, "TableText", PARA_PLAIN);
  run (d, label, RUN_BOLD);
  run (d, " ", RUN_PLAIN);
  run (d, value, RUN_PLAIN);
  para_end (d);
}

/* One row per question: what was asked, the answer and its score, and the
 * notes, evidence, source and who recorded it. */
static void
appendix_row (Docx               *d,
              const Table        *t,
              const CirtQuestion *q)
{
  const CirtAnswer *a = cirt_assessment_data_answer (d->data, q);
  g_autofree char *words = cirt_export_answer_words (d->l, q, a);
  double score = cirt_export_answer_score (q, a);
  gboolean answered = a != NULL && (a->value != NULL || a->not_applicable);
  gboolean any = FALSE;
  gsize chars = strlen (cirt_text_get (q->text, d->lang));
  g_autofree char *attached = cirt_export_evidence_text (d->l, d->data, q->id);

  if (a != NULL)
    chars += (a->notes ? strlen (a->notes) : 0) + (a->evidence ? strlen (a->evidence) : 0) +
             (a->source ? strlen (a->source) : 0);
  chars += attached ? strlen (attached) : 0;
  row_begin (d, chars);
  cell (d, t, 0, q->id, RUN_ACCENT | RUN_BOLD);
  cell_begin (d, t, 1, 1);
  para_begin (d, "TableText", PARA_PLAIN);
  run (d, cirt_text_get (q->text, d->lang), RUN_PLAIN);
  if (q->critical)
    {
      run (d, " ", RUN_PLAIN);
      run (d, cirt_lang_str (d->l, CIRT_STR_CRITICAL_MARK), RUN_BOLD | RUN_SMALL);
    }
  para_end (d);
  end (d);
  cell_begin (d, t, 2, 1);
  para (d, "TableText", words, answered ? RUN_PLAIN : RUN_MUTED | RUN_ITALIC);
  if (!isnan (score))
    {
      g_autofree char *s = cirt_lang_format_score (d->l, score);
      g_autofree char *text = g_strdup_printf ("%s %s / 100", cirt_lang_str (d->l, CIRT_STR_LABEL_SCORE), s);
      para (d, "TableText", text, RUN_MUTED);
    }
  end (d);
  cell_begin (d, t, 3, 1);
  if (a != NULL)
    {
      appendix_cell_line (d, cirt_lang_str (d->l, CIRT_STR_LABEL_NOTES), a->notes);
      appendix_cell_line (d, cirt_lang_str (d->l, CIRT_STR_LABEL_EVIDENCE), a->evidence);
      appendix_cell_line (d, cirt_lang_str (d->l, CIRT_STR_LABEL_SOURCE), a->source);
      any = !cirt_text_is_blank (a->notes) || !cirt_text_is_blank (a->evidence) || !cirt_text_is_blank (a->source);
    }
  /* The evidence vault's items (a file's name and hash, a web address). */
  if (attached != NULL)
    {
      appendix_cell_line (d, cirt_lang_str (d->l, CIRT_STR_LABEL_ATTACHED), attached);
      any = TRUE;
    }
  if (a != NULL)
    {
      if (!cirt_text_is_blank (a->author) || !cirt_text_is_blank (a->updated_at))
        {
          g_autofree char *date = a->updated_at ? g_strndup (a->updated_at, 10) : NULL;
          g_autofree char *nice = cirt_lang_format_date (d->l, date);
          g_autofree char *by = cirt_lang_format (d->l, CIRT_STR_LABEL_BY, a->author ? a->author : "—",
                                                  nice ? nice : "—", NULL, NULL);
          para (d, "TableText", by, RUN_MUTED | RUN_ITALIC);
          any = TRUE;
        }
    }
  if (!any)
    para (d, "TableText", NULL, RUN_PLAIN);
  end (d);
  end (d);
}

static void
appendix (Docx              *d,
          const CirtChapter *c)
{
  GPtrArray *instruments = cirt_score_get_instruments (d->score);
  const char *titles[] = {
    cirt_lang_str (d->l, CIRT_STR_QUESTION_ID), cirt_lang_str (d->l, CIRT_STR_QUESTION),
    cirt_lang_str (d->l, CIRT_STR_ANSWER), cirt_lang_str (d->l, CIRT_STR_NOTES),
  };
  static const double fractions[] = { 0.12, 0.33, 0.2, 0.35 };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  chapter (d, c);
  para (d, NULL, cirt_lang_str (d->l, CIRT_STR_APPENDIX_INTRO), RUN_PLAIN);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autofree char *head = g_strdup_printf ("%s (%s %s)", cirt_instrument_get_title (inst, d->lang),
                                               cirt_instrument_get_id (inst), cirt_instrument_get_version (inst));
      heading (d, 2, head);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          g_autofree char *title = g_strdup_printf ("%s · %s", cirt_text_get (sec->title, d->lang),
                                                    cirt_lang_pillar_title (d->l, sec->pillar));
          heading (d, 3, title);
          table_begin (d, &t);
          for (guint qi = 0; qi < sec->questions->len; qi++)
            appendix_row (d, &t, g_ptr_array_index (sec->questions, qi));
          table_end (d);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Cover and contents                                                        */

static void
cover (Docx *d)
{
  CirtAssessmentInfo *info = d->data->info;
  g_autoptr(GPtrArray) facts = cirt_export_cover_facts (d->l, d->data, d->doc_date);
  static const double fractions[] = { 0.3, 0.7 };
  Table t = { 2, fractions, NULL, NULL };
  g_autofree char *made = cirt_lang_format (d->l, CIRT_STR_PREPARED_WITH, PACKAGE_VERSION, NULL, NULL, NULL);

  para (d, "CoverKicker", cirt_lang_str (d->l, CIRT_STR_DOC_TITLE), RUN_PLAIN);
  para (d, "Title", info->country, RUN_PLAIN);
  para (d, "Subtitle", info->title, RUN_PLAIN);
  para (d, "CoverNote", cirt_lang_str (d->l, CIRT_STR_DOC_SUBTITLE), RUN_PLAIN);

  /* The marking, large, with what it means. */
  para_begin (d, "TLP", PARA_KEEP_NEXT | PARA_START);
  el (d, "w:r");
  el (d, "w:rPr");
  val_int (d, "w:sz", 30);
  val_int (d, "w:szCs", 30);
  if (d->rtl)
    val (d, "w:rtl", NULL);
  end (d);
  run_text (d, cirt_tlp_label (d->opts->tlp));
  end (d);
  para_end (d);
  para (d, "CoverNote", cirt_tlp_meaning (d->opts->tlp, d->l), RUN_PLAIN);

  /* Who, where, when. */
  table_begin (d, &t);
  for (guint i = 0; i < facts->len; i++)
    {
      const CirtFact *f = g_ptr_array_index (facts, i);
      const char *cells[] = { f->label, f->value };
      static const int flags[] = { RUN_BOLD | RUN_MUTED, RUN_PLAIN };
      table_row (d, &t, cells, flags);
    }
  table_end (d);
  if (g_strcmp0 (info->status, "completed") != 0)
    notice (d, cirt_lang_str (d->l, CIRT_STR_DRAFT_NOTICE));
  /* Answers the lead assessor has not accepted: a draft, whatever the status says. */
  {
    g_autofree char *review = cirt_export_review_draft (d->l, d->data);
    if (review != NULL)
      notice (d, review);
  }
  para (d, "CoverNote", made, RUN_MUTED | RUN_SMALL);
}

/* The contents: a TOC field, marked dirty, which Word rebuilds with the
 * page numbers on opening (settings.xml asks it to update the fields) and
 * LibreOffice with Update Index. Until then it shows its placeholder: the
 * headings, each a link to its bookmark, without page numbers (this program
 * does not know where Word will break the pages, and a wrong number is
 * worse than none). */
static void
contents (Docx *d)
{
  para (d, "TOCHeading", cirt_lang_str (d->l, CIRT_STR_CONTENTS), RUN_PLAIN);
  for (guint i = 0; i < d->headings->len; i++)
    {
      Heading *h = &g_array_index (d->headings, Heading, i);
      g_autofree char *style = g_strdup_printf ("TOC%d", h->level);

      para_begin (d, style, PARA_PLAIN);
      if (i == 0)
        {
          fld_char (d, "begin", TRUE);
          instr_text (d, " TOC \\o \"1-3\" \\h \\z \\u ");
          fld_char (d, "separate", FALSE);
        }
      el (d, "w:hyperlink");
      attr (d, "w:anchor", h->bookmark);
      attr (d, "w:history", "1");
      run (d, h->text, RUN_PLAIN);
      end (d);
      if (i + 1 == d->headings->len)
        fld_char (d, "end", FALSE);
      para_end (d);
    }
}

/* ------------------------------------------------------------------------ */
/* Parts                                                                     */

typedef struct {
  char   *name;
  GBytes *bytes;
} Part;

static int
output_write (void       *context,
              const char *buffer,
              int         len)
{
  g_byte_array_append (context, (const guint8 *) buffer, (guint) len);
  return len;
}

/* A writer into @out (grown by doubling: a part can be megabytes). */
static gboolean
writer_begin (Docx       *d,
              GByteArray *out)
{
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (output_write, NULL, out, NULL);

  d->w = buffer ? xmlNewTextWriter (buffer) : NULL;
  if (d->w == NULL)
    {
      if (buffer)
        xmlOutputBufferClose (buffer);
      d->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

static GBytes *
writer_end (Docx       *d,
            GByteArray *out)
{
  if (d->w != NULL)
    {
      check (d, xmlTextWriterFlush (d->w));
      xmlFreeTextWriter (d->w);   /* closes the output buffer */
      d->w = NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

typedef GByteArray *PartBuffer;

static gboolean
part_begin (Docx       *d,
            PartBuffer *buf)
{
  *buf = g_byte_array_new ();
  if (!writer_begin (d, *buf))
    {
      g_byte_array_unref (*buf);
      *buf = NULL;
      return FALSE;
    }
  check (d, xmlTextWriterStartDocument (d->w, "1.0", "UTF-8", "yes"));
  return TRUE;
}

static void
part_end (Docx       *d,
          PartBuffer  buf,
          GPtrArray  *parts,
          const char *name)
{
  Part *p;

  check (d, xmlTextWriterEndDocument (d->w));
  p = g_new0 (Part, 1);
  p->name = g_strdup (name);
  p->bytes = writer_end (d, buf);
  g_ptr_array_add (parts, p);
}

static void
part_free (gpointer data)
{
  Part *p = data;
  g_free (p->name);
  g_bytes_unref (p->bytes);
  g_free (p);
}

static void
relationship (Docx       *d,
              const char *id,
              const char *type,
              const char *target)
{
  el (d, "Relationship");
  attr (d, "Id", id);
  attr (d, "Type", type);
  attr (d, "Target", target);
  end (d);
}

static void
write_content_types (Docx      *d,
                     GPtrArray *parts)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
    { "/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml" },
    { "/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" },
    { "/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" },
    { "/word/header2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" },
    { "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
    { "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml" },
  };
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  el (d, "Types");
  attr (d, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  el (d, "Default");
  attr (d, "Extension", "rels");
  attr (d, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  end (d);
  el (d, "Default");
  attr (d, "Extension", "xml");
  attr (d, "ContentType", "application/xml");
  end (d);
  el (d, "Default");
  attr (d, "Extension", "png");
  attr (d, "ContentType", "image/png");
  end (d);
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      el (d, "Override");
      attr (d, "PartName", overrides[i].part);
      attr (d, "ContentType", overrides[i].type);
      end (d);
    }
  end (d);
  part_end (d, buf, parts, "[Content_Types].xml");
}

typedef struct {
  const char *id, *type, *target;
} Rel;

/* A relationships part: @rels, then (@media) one to each picture. */
static void
write_rels (Docx       *d,
            GPtrArray  *parts,
            const char *name,
            const Rel  *rels,
            guint       n,
            gboolean    media)
{
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  el (d, "Relationships");
  attr (d, "xmlns", NS_REL);
  for (guint i = 0; i < n; i++)
    relationship (d, rels[i].id, rels[i].type, rels[i].target);
  for (guint i = 0; media && i < d->media->len; i++)
    {
      Media *m = g_ptr_array_index (d->media, i);
      relationship (d, m->rel_id, REL_BASE "image", m->name);
    }
  end (d);
  part_end (d, buf, parts, name);
}

static void
write_package_rels (Docx      *d,
                    GPtrArray *parts)
{
  static const Rel rels[] = {
    { "rId1", REL_BASE "officeDocument", "word/document.xml" },
    { "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml" },
    { "rId3", REL_BASE "extended-properties", "docProps/app.xml" },
  };
  write_rels (d, parts, "_rels/.rels", rels, G_N_ELEMENTS (rels), FALSE);
}

static void
write_document_rels (Docx      *d,
                     GPtrArray *parts)
{
  static const Rel rels[] = {
    { "rIdStyles", REL_BASE "styles", "styles.xml" },
    { "rIdSettings", REL_BASE "settings", "settings.xml" },
    { "rIdNumbering", REL_BASE "numbering", "numbering.xml" },
    { "rIdHeaderBody", REL_BASE "header", "header1.xml" },
    { "rIdHeaderCover", REL_BASE "header", "header2.xml" },
    { "rIdFooter", REL_BASE "footer", "footer1.xml" },
  };
  write_rels (d, parts, "word/_rels/document.xml.rels", rels, G_N_ELEMENTS (rels), TRUE);
}

static void
root_element (Docx       *d,
              const char *name)
{
  el (d, name);
  attr (d, "xmlns:w", NS_W);
  attr (d, "xmlns:r", NS_R);
  attr (d, "xmlns:wp", NS_WP);
  attr (d, "xmlns:a", NS_A);
  attr (d, "xmlns:pic", NS_PIC);
}

/* The language tags of the document (w:lang): the language itself, and the
 * complex-script and East Asian ones it asks for. */
static const char *
lang_tag (const char *code)
{
  static const struct { const char *code, *tag; } tags[] = {
    { "en", "en-GB" }, { "fr", "fr-FR" }, { "es", "es-ES" }, { "ru", "ru-RU" }, { "ar", "ar-SA" }, { "zh", "zh-CN" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_strcmp0 (code, tags[i].code) == 0)
      return tags[i].tag;
  return code;
}

static void
rfonts (Docx       *d,
        const char *latin)
{
  el (d, "w:rFonts");
  attr (d, "w:ascii", latin);
  attr (d, "w:hAnsi", latin);
  attr (d, "w:eastAsia", g_strcmp0 (d->lang, "zh") == 0 ? "Microsoft YaHei" : "SimSun");
  attr (d, "w:cs", d->rtl ? "Arial" : latin);
  end (d);
}

static void
style_begin (Docx       *d,
             const char *type,
             const char *id,
             const char *name,
             const char *based_on,
             const char *next)
{
  el (d, "w:style");
  attr (d, "w:type", type);
  attr (d, "w:styleId", id);
  if (g_strcmp0 (id, "Normal") == 0)
    attr (d, "w:default", "1");
  val (d, "w:name", name);
  if (based_on)
    val (d, "w:basedOn", based_on);
  if (next)
    val (d, "w:next", next);
  val (d, "w:qFormat", NULL);
}

static void
spacing (Docx *d,
         int   before,
         int   after)
{
  el (d, "w:spacing");
  attr_int (d, "w:before", before);
  attr_int (d, "w:after", after);
  end (d);
}

static void
rpr_basic (Docx    *d,
           gboolean bold,
           gboolean italic,
           guint32  color,
           int      half_points)
{
  el (d, "w:rPr");
  if (bold)
    {
      val (d, "w:b", NULL);
      val (d, "w:bCs", NULL);
    }
  if (italic)
    {
      val (d, "w:i", NULL);
      val (d, "w:iCs", NULL);
    }
  if (color != G_MAXUINT32)
    {
      el (d, "w:color");
      attr_color (d, "w:val", color);
      end (d);
    }
  if (half_points > 0)
    {
      val_int (d, "w:sz", half_points);
      val_int (d, "w:szCs", half_points);
    }
  end (d);
}

static void
paragraph_style (Docx       *d,
                 const char *id,
                 const char *name,
                 const char *based_on,
                 int         before,
                 int         after,
                 gboolean    keep_next,
                 const char *jc,
                 gboolean    bold,
                 gboolean    italic,
                 guint32     color,
                 int         half_points)
{
  style_begin (d, "paragraph", id, name, based_on, NULL);
  el (d, "w:pPr");
  if (keep_next)
    val (d, "w:keepNext", NULL);
  spacing (d, before, after);
  if (jc)
    val (d, "w:jc", jc);
  end (d);
  rpr_basic (d, bold, italic, color, half_points);
  end (d);
}

static void
heading_style (Docx *d,
               int   level)
{
  g_autofree char *id = g_strdup_printf ("Heading%d", level);
  g_autofree char *name = g_strdup_printf ("heading %d", level);
  static const int sizes[] = { 40, 26, 22 };
  static const int before[] = { 0, 320, 240 };

  style_begin (d, "paragraph", id, name, "Normal", "Normal");
  el (d, "w:pPr");
  val (d, "w:keepNext", NULL);
  val (d, "w:keepLines", NULL);
  if (level == 1)
    val (d, "w:pageBreakBefore", NULL);
  el (d, "w:pBdr");
  border (d, "w:bottom", level == 1 ? 18 : 4, 4, level == 1 ? CIRT_COLOR_NAVY : CIRT_COLOR_RULE);
  end (d);
  spacing (d, before[level - 1], level == 1 ? 360 : 120);
  val_int (d, "w:outlineLvl", level - 1);
  end (d);
  rpr_basic (d, TRUE, FALSE, level == 3 ? CIRT_COLOR_INK : CIRT_COLOR_NAVY, sizes[level - 1]);
  end (d);
}

static void
toc_style (Docx *d,
           int   level)
{
  g_autofree char *id = g_strdup_printf ("TOC%d", level);
  g_autofree char *name = g_strdup_printf ("toc %d", level);

  style_begin (d, "paragraph", id, name, "Normal", "Normal");
  el (d, "w:pPr");
  el (d, "w:tabs");
  tab_stop (d, "right", "dot", d->text_w);
  end (d);
  spacing (d, level == 1 ? 120 : 0, level == 1 ? 40 : 20);
  el (d, "w:ind");
  attr_int (d, "w:left", 240 * (level - 1));
  end (d);
  end (d);
  rpr_basic (d, level == 1, FALSE, G_MAXUINT32, level == 1 ? 22 : (level == 2 ? 19 : 17));
  end (d);
}

static void
write_styles (Docx      *d,
              GPtrArray *parts)
{
  PartBuffer buf;
  const char *tag = lang_tag (d->lang);

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:styles");

  el (d, "w:docDefaults");
  el (d, "w:rPrDefault");
  el (d, "w:rPr");
  rfonts (d, "Calibri");
  el (d, "w:color");
  attr_color (d, "w:val", CIRT_COLOR_INK);
  end (d);
  val_int (d, "w:sz", 20);
  val_int (d, "w:szCs", 20);
  el (d, "w:lang");
  attr (d, "w:val", d->rtl ? "en-GB" : tag);
  attr (d, "w:eastAsia", g_strcmp0 (d->lang, "zh") == 0 ? tag : "zh-CN");
  attr (d, "w:bidi", d->rtl ? tag : "ar-SA");
  end (d);
  end (d);
  end (d);
  el (d, "w:pPrDefault");
  el (d, "w:pPr");
  el (d, "w:spacing");
  attr (d, "w:after", "120");
  attr (d, "w:line", "264");
  attr (d, "w:lineRule", "auto");
  end (d);
  end (d);
  end (d);
  end (d);

  /* Body text. */
  style_begin (d, "paragraph", "Normal", "Normal", NULL, NULL);
  el (d, "w:pPr");
  val (d, "w:widowControl", NULL);
  if (d->rtl)
    val (d, "w:bidi", NULL);
  end (d);
  end (d);

  /* The cover. */
  paragraph_style (d, "CoverKicker", "Cover Kicker", "Normal", 1800, 120, TRUE, NULL, TRUE, FALSE,
                   CIRT_COLOR_MUTED, 20);
  paragraph_style (d, "Title", "Title", "Normal", 0, 120, TRUE, NULL, TRUE, FALSE, CIRT_COLOR_NAVY, 60);
  paragraph_style (d, "Subtitle", "Subtitle", "Normal", 0, 240, TRUE, NULL, FALSE, FALSE, CIRT_COLOR_NAVY, 30);
  paragraph_style (d, "CoverNote", "Cover Note", "Normal", 0, 240, FALSE, NULL, FALSE, FALSE, CIRT_COLOR_MUTED, 18);

  heading_style (d, 1);
  heading_style (d, 2);
  heading_style (d, 3);

  /* The TLP marking: the FIRST label colour on black, in the header, the
   * footer and on the cover. */
  style_begin (d, "paragraph", "TLP", "TLP", "Normal", NULL);
  el (d, "w:pPr");
  spacing (d, 0, 60);
  val (d, "w:jc", "right");
  end (d);
  el (d, "w:rPr");
  val (d, "w:b", NULL);
  val (d, "w:bCs", NULL);
  el (d, "w:color");
  attr_color (d, "w:val", cirt_tlp_color (d->opts->tlp));
  end (d);
  val_int (d, "w:sz", 16);
  val_int (d, "w:szCs", 16);
  shading (d, 0x000000);
  end (d);
  end (d);

  /* Header and footer. */
  style_begin (d, "paragraph", "Header", "header", "Normal", NULL);
  el (d, "w:pPr");
  el (d, "w:pBdr");
  border (d, "w:bottom", 4, 4, CIRT_COLOR_RULE);
  end (d);
  spacing (d, 0, 0);
  end (d);
  rpr_basic (d, FALSE, FALSE, CIRT_COLOR_MUTED, 15);
  end (d);
  style_begin (d, "paragraph", "Footer", "footer", "Normal", NULL);
  el (d, "w:pPr");
  el (d, "w:pBdr");
  border (d, "w:top", 4, 4, CIRT_COLOR_RULE);
  end (d);
  el (d, "w:tabs");
  tab_stop (d, "center", NULL, d->text_w / 2);
  tab_stop (d, "right", NULL, d->text_w);
  end (d);
  spacing (d, 0, 60);
  end (d);
  rpr_basic (d, FALSE, FALSE, CIRT_COLOR_MUTED, 15);
  end (d);

  /* Contents. */
  paragraph_style (d, "TOCHeading", "TOC Heading", "Normal", 0, 360, TRUE, NULL, TRUE, FALSE, CIRT_COLOR_NAVY, 40);
  toc_style (d, 1);
  toc_style (d, 2);
  toc_style (d, 3);

  /* Pieces of the chapters. */
  paragraph_style (d, "Caption", "caption", "Normal", 60, 240, FALSE, "center", FALSE, TRUE, CIRT_COLOR_MUTED, 17);
  paragraph_style (d, "Figure", "Figure", "Normal", 120, 0, TRUE, "center", FALSE, FALSE, G_MAXUINT32, 0);
  paragraph_style (d, "TableText", "Table Text", "Normal", 20, 20, FALSE, NULL, FALSE, FALSE, G_MAXUINT32, 17);
  paragraph_style (d, "TableGap", "Table Gap", "Normal", 0, 120, FALSE, NULL, FALSE, FALSE, G_MAXUINT32, 8);
  paragraph_style (d, "Figures", "Key Figure", "Normal", 20, 20, FALSE, NULL, TRUE, FALSE, CIRT_COLOR_NAVY, 30);
  paragraph_style (d, "Finding", "Finding", "Normal", 160, 40, TRUE, NULL, FALSE, FALSE, G_MAXUINT32, 17);
  style_begin (d, "paragraph", "Notice", "Notice", "Normal", NULL);
  el (d, "w:pPr");
  el (d, "w:pBdr");
  border (d, "w:left", 18, 6, CIRT_COLOR_WARNING);
  end (d);
  shading (d, CIRT_COLOR_WARNING_BG);
  spacing (d, 120, 120);
  el (d, "w:ind");
  attr (d, "w:left", "120");
  attr (d, "w:right", "120");
  end (d);
  end (d);
  rpr_basic (d, FALSE, FALSE, CIRT_COLOR_WARNING, 0);
  end (d);
  style_begin (d, "paragraph", "Recommendation", "Recommendation", "Normal", NULL);
  el (d, "w:pPr");
  el (d, "w:tabs");
  tab_stop (d, "left", NULL, 440);
  end (d);
  spacing (d, 60, 100);
  el (d, "w:ind");
  attr (d, "w:left", "440");
  attr (d, "w:hanging", "440");
  end (d);
  end (d);
  end (d);
  style_begin (d, "paragraph", "ListBullet", "List Bullet", "Normal", NULL);
  el (d, "w:pPr");
  el (d, "w:numPr");
  val_int (d, "w:numId", 1);
  end (d);
  spacing (d, 0, 60);
  end (d);
  end (d);

  /* Characters. */
  style_begin (d, "character", "Muted", "Muted", NULL, NULL);
  rpr_basic (d, FALSE, FALSE, CIRT_COLOR_MUTED, 0);
  end (d);
  style_begin (d, "character", "Accent", "Accent", NULL, NULL);
  rpr_basic (d, FALSE, FALSE, CIRT_COLOR_NAVY, 0);
  end (d);
  style_begin (d, "character", "Code", "Code", NULL, NULL);
  el (d, "w:rPr");
  el (d, "w:rFonts");
  attr (d, "w:ascii", "Consolas");
  attr (d, "w:hAnsi", "Consolas");
  attr (d, "w:cs", "Consolas");
  end (d);
  end (d);
  end (d);

  /* The one table style: a navy header row, zebra rows, hairlines. */
  style_begin (d, "table", "CirtTable", "CIRT Table", NULL, NULL);
  el (d, "w:pPr");
  spacing (d, 0, 0);
  end (d);
  el (d, "w:tblPr");
  val_int (d, "w:tblStyleRowBandSize", 1);
  el (d, "w:tblBorders");
  {
    const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
    for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
      border (d, sides[i], 4, 0, CIRT_COLOR_RULE);
  }
  end (d);
  el (d, "w:tblCellMar");
  {
    const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right" };
    const int widths[] = { 40, 90, 40, 90 };
    for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
      {
        el (d, sides[i]);
        attr_int (d, "w:w", widths[i]);
        attr (d, "w:type", "dxa");
        end (d);
      }
  }
  end (d);
  end (d);
  el (d, "w:tblStylePr");
  attr (d, "w:type", "firstRow");
  rpr_basic (d, TRUE, FALSE, CIRT_COLOR_WHITE, 0);
  el (d, "w:tcPr");
  shading (d, CIRT_COLOR_NAVY);
  end (d);
  end (d);
  el (d, "w:tblStylePr");
  attr (d, "w:type", "band2Horz");
  el (d, "w:tcPr");
  shading (d, CIRT_COLOR_ZEBRA);
  end (d);
  end (d);
  end (d);

  end (d);
  part_end (d, buf, parts, "word/styles.xml");
}

static void
write_settings (Docx      *d,
                GPtrArray *parts)
{
  PartBuffer buf;
  const char *tag = lang_tag (d->lang);

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:settings");
  val_int (d, "w:defaultTabStop", 720);
  val (d, "w:characterSpacingControl", "doNotCompress");
  /* The contents and the page references are refreshed on opening. */
  val (d, "w:updateFields", "true");
  el (d, "w:compat");
  el (d, "w:compatSetting");
  attr (d, "w:name", "compatibilityMode");
  attr (d, "w:uri", "http://schemas.microsoft.com/office/word");
  attr (d, "w:val", "15");
  end (d);
  end (d);
  el (d, "w:themeFontLang");
  attr (d, "w:val", d->rtl ? "en-GB" : tag);
  if (g_strcmp0 (d->lang, "zh") == 0)
    attr (d, "w:eastAsia", tag);
  if (d->rtl)
    attr (d, "w:bidi", tag);
  end (d);
  end (d);
  part_end (d, buf, parts, "word/settings.xml");
}

static void
write_numbering (Docx      *d,
                 GPtrArray *parts)
{
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:numbering");
  el (d, "w:abstractNum");
  attr (d, "w:abstractNumId", "0");
  val (d, "w:multiLevelType", "singleLevel");
  el (d, "w:lvl");
  attr (d, "w:ilvl", "0");
  val_int (d, "w:start", 1);
  val (d, "w:numFmt", "bullet");
  val (d, "w:lvlText", "•");
  val (d, "w:lvlJc", "left");
  el (d, "w:pPr");
  el (d, "w:ind");
  attr (d, "w:left", "360");
  attr (d, "w:hanging", "360");
  end (d);
  end (d);
  el (d, "w:rPr");
  el (d, "w:color");
  attr_color (d, "w:val", CIRT_COLOR_NAVY);
  end (d);
  end (d);
  end (d);
  end (d);
  el (d, "w:num");
  attr (d, "w:numId", "1");
  val (d, "w:abstractNumId", "0");
  end (d);
  end (d);
  part_end (d, buf, parts, "word/numbering.xml");
}

/* The marking, at the end of the line (the style's) in the header, at its
 * start in the footer, as the PDF puts them. */
static void
tlp_paragraph (Docx    *d,
               gboolean start)
{
  para_begin (d, "TLP", start ? PARA_START : PARA_PLAIN);
  run (d, cirt_tlp_label (d->opts->tlp), RUN_PLAIN);
  para_end (d);
}

static void
write_header (Docx       *d,
              GPtrArray  *parts,
              const char *name,
              gboolean    with_title)
{
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:hdr");
  tlp_paragraph (d, FALSE);
  if (with_title)
    para (d, "Header", d->running_title, RUN_PLAIN);
  end (d);
  part_end (d, buf, parts, name);
}

/* "Page {1} of {2}" with PAGE and NUMPAGES fields where the placeholders
 * are, in whatever order the translation puts them. */
static void
page_n_of_m (Docx *d)
{
  const char *tmpl = cirt_lang_str (d->l, CIRT_STR_PAGE_N_OF_M);
  const char *p = tmpl;

  while (*p)
    {
      const char *next = strchr (p, '{');
      if (next != NULL && (next[1] == '1' || next[1] == '2') && next[2] == '}')
        {
          g_autofree char *before = g_strndup (p, (gsize) (next - p));
          run (d, before, RUN_PLAIN);
          field (d, next[1] == '1' ? " PAGE " : " NUMPAGES ", "1", RUN_PLAIN);
          p = next + 3;
        }
      else if (next != NULL)
        {
          g_autofree char *before = g_strndup (p, (gsize) (next - p) + 1);
          run (d, before, RUN_PLAIN);
          p = next + 1;
        }
      else
        {
          run (d, p, RUN_PLAIN);
          break;
        }
    }
}

static void
write_footer (Docx      *d,
              GPtrArray *parts)
{
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:ftr");
  para_begin (d, "Footer", PARA_PLAIN);
  run_special (d, "w:tab");
  page_n_of_m (d);
  run_special (d, "w:tab");
  run (d, d->doc_date, RUN_PLAIN);
  para_end (d);
  tlp_paragraph (d, TRUE);
  end (d);
  part_end (d, buf, parts, "word/footer1.xml");
}

static void
write_core (Docx      *d,
            GPtrArray *parts)
{
  CirtAssessmentInfo *info = d->data->info;
  PartBuffer buf;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *subject = g_strdup_printf ("%s — %s", cirt_lang_str (d->l, CIRT_STR_DOC_TITLE),
                                              info->country ? info->country : "");
  g_autofree char *keywords = g_strdup_printf ("%s, CIRT, %s", cirt_tlp_label (d->opts->tlp),
                                               info->country ? info->country : "");
  const struct { const char *name; const char *value; } fields[] = {
    { "dc:title", info->title },
    { "dc:subject", subject },
    { "dc:creator", info->lead_assessor },
    { "cp:keywords", keywords },
    { "dc:description", cirt_tlp_label (d->opts->tlp) },
    { "dc:language", lang_tag (d->lang) },
  };

  if (!part_begin (d, &buf))
    return;
  el (d, "cp:coreProperties");
  attr (d, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  attr (d, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  attr (d, "xmlns:dcterms", "http://purl.org/dc/terms/");
  attr (d, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  attr (d, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *clean = NULL;
      if (fields[i].value == NULL)
        continue;
      clean = cirt_export_docx_clean_text (fields[i].value);
      el (d, fields[i].name);
      check (d, xmlTextWriterWriteString (d->w, BAD_CAST clean));
      end (d);
    }
  el (d, "dcterms:created");
  attr (d, "xsi:type", "dcterms:W3CDTF");
  check (d, xmlTextWriterWriteString (d->w, BAD_CAST date));
  end (d);
  el (d, "dcterms:modified");
  attr (d, "xsi:type", "dcterms:W3CDTF");
  check (d, xmlTextWriterWriteString (d->w, BAD_CAST date));
  end (d);
  end (d);
  part_end (d, buf, parts, "docProps/core.xml");
}

static void
write_app (Docx      *d,
           GPtrArray *parts)
{
  PartBuffer buf;
  g_autofree char *app = g_strdup_printf ("CIRT Assess %s", PACKAGE_VERSION);

  if (!part_begin (d, &buf))
    return;
  el (d, "Properties");
  attr (d, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  attr (d, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  el (d, "Application");
  check (d, xmlTextWriterWriteString (d->w, BAD_CAST app));
  end (d);
  if (!cirt_text_is_blank (d->data->info->organisation))
    {
      g_autofree char *clean = cirt_export_docx_clean_text (d->data->info->organisation);
      el (d, "Company");
      check (d, xmlTextWriterWriteString (d->w, BAD_CAST clean));
      end (d);
    }
  end (d);
  part_end (d, buf, parts, "docProps/app.xml");
}

static void
section_properties (Docx       *d,
                    const char *header)
{
  el (d, "w:sectPr");
  el (d, "w:headerReference");
  attr (d, "w:type", "default");
  attr (d, "r:id", header);
  end (d);
  el (d, "w:footerReference");
  attr (d, "w:type", "default");
  attr (d, "r:id", "rIdFooter");
  end (d);
  val (d, "w:type", "nextPage");
  el (d, "w:pgSz");
  attr_int (d, "w:w", d->page_w);
  attr_int (d, "w:h", d->page_h);
  end (d);
  el (d, "w:pgMar");
  attr_int (d, "w:top", MARGIN_TOP);
  attr_int (d, "w:right", MARGIN_SIDE);
  attr_int (d, "w:bottom", MARGIN_BOTTOM);
  attr_int (d, "w:left", MARGIN_SIDE);
  attr_int (d, "w:header", HEADER_DIST);
  attr_int (d, "w:footer", FOOTER_DIST);
  attr_int (d, "w:gutter", 0);
  end (d);
  if (d->rtl)
    val (d, "w:bidi", NULL);
  el (d, "w:docGrid");
  attr (d, "w:linePitch", "360");
  end (d);
  end (d);
}

/* The body (everything after the contents), as an XML fragment; collects
 * the headings for the contents. */
static GBytes *
write_body (Docx *d)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr(GPtrArray) chapters = cirt_export_chapters (d->l, d->data);

  if (!writer_begin (d, out))
    return g_byte_array_free_to_bytes (out);
  for (guint i = 0; i < chapters->len; i++)
    {
      const CirtChapter *c = g_ptr_array_index (chapters, i);
      switch (c->kind)
        {
        case CIRT_CHAPTER_SUMMARY:
          executive_summary (d, c);
          break;
        case CIRT_CHAPTER_PROGRESS:
          progress (d, c);
          break;
        case CIRT_CHAPTER_PILLAR:
          pillar_chapter (d, c);
          break;
        case CIRT_CHAPTER_FINDINGS:
          findings_chapter (d, c);
          break;
        case CIRT_CHAPTER_ROADMAP:
          roadmap (d, c);
          break;
        case CIRT_CHAPTER_METHODOLOGY:
          methodology (d, c);
          break;
        case CIRT_CHAPTER_STAKEHOLDERS:
          stakeholders (d, c);
          break;
        case CIRT_CHAPTER_INTERVIEWS:
          interviews (d, c);
          break;
        case CIRT_CHAPTER_APPENDIX:
        default:
          appendix (d, c);
          break;
        }
    }
  return writer_end (d, out);
}

static void
write_document (Docx      *d,
                GPtrArray *parts)
{
  g_autoptr(GBytes) body = write_body (d);
  g_autofree char *body_text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  PartBuffer buf;

  if (!part_begin (d, &buf))
    return;
  root_element (d, "w:document");
  el (d, "w:body");
  cover (d);
  /* The cover is its own section (a header without the running title). */
  el (d, "w:p");
  el (d, "w:pPr");
  section_properties (d, "rIdHeaderCover");
  end (d);
  end (d);
  contents (d);
  /* The body was written by this same writer code into its own buffer:
   * well-formed, escaped, and only our elements. */
  check (d, xmlTextWriterWriteRaw (d->w, BAD_CAST body_text));
  section_properties (d, "rIdHeaderBody");
  end (d);
  end (d);
  part_end (d, buf, parts, "word/document.xml");
}

/* ------------------------------------------------------------------------ */
/* The package                                                               */

static gboolean
add_to_zip (zip_t       *zip,
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
  index = zip_file_add (zip, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0)
    {
      zip_source_free (src);
      return FALSE;
    }
  /* A fixed time: when it was written is in docProps/core.xml. */
  zip_file_set_mtime (zip, (zip_uint64_t) index, 1577836800 /* 2020-01-01 */, 0);
  return zip_set_file_compression (zip, (zip_uint64_t) index, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0;
}

/* The parts as a ZIP package, in memory. */
static GBytes *
make_package (GPtrArray  *parts,
              GPtrArray  *media,
              GError    **error)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *zip;
  zip_stat_t st;
  guint8 *data = NULL;
  gboolean ok = TRUE;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  if (src == NULL || (zip = zip_open_from_source (src, ZIP_TRUNCATE, &zerr)) == NULL)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot make the document's package: %s"),
                   zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      if (src)
        zip_source_free (src);
      return NULL;
    }
  zip_source_keep (src);
  for (guint i = 0; i < parts->len && ok; i++)
    {
      Part *p = g_ptr_array_index (parts, i);
      ok = add_to_zip (zip, p->name, p->bytes, TRUE);
    }
  for (guint i = 0; i < media->len && ok; i++)
    {
      Media *m = g_ptr_array_index (media, i);
      g_autofree char *name = g_strconcat ("word/", m->name, NULL);
      /* PNG is compressed already. */
      ok = add_to_zip (zip, name, m->bytes, FALSE);
    }
  if (!ok || zip_close (zip) < 0)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot make the document's package: %s"),
                   zip_strerror (zip));
      zip_discard (zip);
      zip_source_free (src);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);
  if (zip_source_stat (src, &st) < 0 || zip_source_open (src) < 0)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot make the document's package: %s"),
                   zip_error_strerror (zip_source_error (src)));
      zip_source_free (src);
      return NULL;
    }
  data = g_malloc (st.size ? st.size : 1);
  if (zip_source_read (src, data, st.size) != (zip_int64_t) st.size)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot make the document's package: %s"),
                   zip_error_strerror (zip_source_error (src)));
      g_free (data);
      zip_source_close (src);
      zip_source_free (src);
      return NULL;
    }
  zip_source_close (src);
  zip_source_free (src);
  return g_bytes_new_take (data, st.size);
}

static void
media_free (gpointer data)
{
  Media *m = data;
  g_free (m->name);
  g_free (m->rel_id);
  g_bytes_unref (m->bytes);
  g_free (m);
}

static void
heading_clear (gpointer data)
{
  Heading *h = data;
  g_free (h->text);
  g_free (h->bookmark);
}

gboolean
cirt_export_docx_write (CirtAssessmentData      *data,
                        const CirtExportOptions *options,
                        const char              *path,
                        GError                 **error)
{
  CirtExportOptions defaults;
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GBytes) package = NULL;
  Docx d = { 0 };
  double pw, ph;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((file = cirt_export_open_file (&options, &defaults, path, error)) == NULL)
    return FALSE;

  {
    static gsize once = 0;
    if (g_once_init_enter (&once))
      {
        /* Once, before any thread writes (exports run in a worker). */
        xmlInitParser ();
        g_once_init_leave (&once, 1);
      }
  }
  d.data = data;
  d.opts = options;
  d.l = cirt_lang_get (options->lang);
  d.lang = cirt_lang_get_code (d.l);
  d.score = data->score;
  d.rtl = cirt_lang_is_rtl (d.l);
  d.media = g_ptr_array_new_with_free_func (media_free);
  d.headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  g_array_set_clear_func (d.headings, heading_clear);
  d.next_id = 1;
  cirt_paper_get_size (options->paper, &pw, &ph);
  d.page_w = (int) lround (pw * 20);
  d.page_h = (int) lround (ph * 20);
  d.text_w = d.page_w - 2 * MARGIN_SIDE;
  d.running_title = g_strdup_printf ("%s · %s", data->info->country ? data->info->country : "",
                                     cirt_lang_str (d.l, CIRT_STR_DOC_TITLE));
  d.doc_date = cirt_lang_format_date (d.l, data->loaded_on);

  parts = g_ptr_array_new_with_free_func (part_free);
  write_content_types (&d, parts);
  write_package_rels (&d, parts);
  write_document (&d, parts);
  write_document_rels (&d, parts);
  write_styles (&d, parts);
  write_settings (&d, parts);
  write_numbering (&d, parts);
  write_header (&d, parts, "word/header1.xml", TRUE);
  write_header (&d, parts, "word/header2.xml", FALSE);
  write_footer (&d, parts);
  write_core (&d, parts);
  write_app (&d, parts);

  if (d.failed)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot write the document %s: out of memory"),
                   display);
    }
  else
    package = make_package (parts, d.media, error);

  g_ptr_array_unref (d.media);
  g_array_unref (d.headings);
  g_free (d.running_title);
  g_free (d.doc_date);

  if (package == NULL)
    return FALSE;
  if (!cirt_atomic_file_write (file, g_bytes_get_data (package, NULL), g_bytes_get_size (package), error))
    return FALSE;
  return cirt_atomic_file_commit (g_steal_pointer (&file), error);
}
