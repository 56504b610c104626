/* cirt-report.c — the PDF report left with the ministry (cairo + pango)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the layout works:
 * - The document is laid out once: each page is drawn into a cairo
 *   recording surface, and what depends on the pages that follow (the page
 *   numbers in the contents, "Page N of M", the outline) is noted. The PDF
 *   is then made by replaying the recorded pages, the glyphs already
 *   shaped, and drawing what was noted on them.
 * - Everything that flows is a "row" of one or more cells, each a
 *   PangoLayout with its width set (flow_row()): a paragraph is a row of one
 *   cell, a table row several. A row that does not fit is continued on the
 *   next page line by line, so a note of any length wraps and flows and
 *   nothing is clipped. Table headers repeat after a page break.
 * - User text is set with pango_layout_set_text() (never parsed as markup);
 *   Pango shapes right-to-left scripts and picks the paragraph direction.
 * - Charts come from cirt-chart (cirt_chart_draw()), the module that draws
 *   the dashboard and the chart files, so the pictures agree everywhere.
 */
#include "config.h"

#include "cirt-report.h"
#include "cirt-chart.h"
#include "cirt-export-private.h"
#include "cirt-file.h"
#include "cirt-style.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

/* The families and colours every surface shares (cirt-style.h). */
#define FONT_SANS        CIRT_FONT_SANS
#define FONT_MONO        CIRT_FONT_MONO
#define COLOR_INK        CIRT_COLOR_INK
#define COLOR_NAVY       CIRT_COLOR_NAVY
#define COLOR_NAVY_LIGHT CIRT_COLOR_NAVY_LIGHT
#define COLOR_MUTED      CIRT_COLOR_MUTED
#define COLOR_BAND       CIRT_COLOR_BAND
#define COLOR_ZEBRA      CIRT_COLOR_ZEBRA
#define COLOR_RULE       CIRT_COLOR_RULE
#define COLOR_WARNING    CIRT_COLOR_WARNING
#define COLOR_WARNING_BG CIRT_COLOR_WARNING_BG
#define COLOR_WHITE      CIRT_COLOR_WHITE

/* Type sizes (points). */
#define PT_BODY   9.5
#define PT_SMALL  8.0
#define PT_TABLE  8.5
#define PT_H1     20.0
#define PT_H2     12.5
#define PT_H3     10.5

#define LINE_SPACING 1.18

typedef struct {
  char *number;
  char *title;
  int   page;            /* where it starts (from the previous pass) */
} TocEntry;

/* A page number in the contents, drawn once the pages are known. */
typedef struct {
  int    page;                 /* the contents page it is on */
  double x, y, width, height;  /* the whole entry (the link) */
  double number_x;
  guint  entry;
} TocMark;

typedef struct {
  CirtAssessmentData      *data;
  const CirtExportOptions *opts;
  const char              *lang;     /* code, for instrument texts */
  const CirtLang          *l;
  CirtScore               *score;

  GPtrArray       *pages;            /* cairo_surface_t*, recordings */
  cairo_t         *cr;               /* the page being drawn */
  PangoContext    *pango;

  double page_w, page_h;
  double left, right, top, bottom;   /* the body box */
  double y;
  int    page;
  int    n_pages;                    /* known once laid out */

  GArray *toc;                       /* TocEntry */
  GArray *toc_marks;                 /* TocMark */
  char   *running_title;
  char   *doc_date;
} Report;

/* ------------------------------------------------------------------------ */
/* Text */

enum {
  STYLE_REGULAR = 0,
  STYLE_BOLD = 1 << 0,
  STYLE_ITALIC = 1 << 1,
  STYLE_MONO = 1 << 2,
};

/* Text with per-run size, style and colour, built up piece by piece. */
typedef struct {
  GString       *text;
  PangoAttrList *attrs;
} Rich;

static void
rich_init (Rich *rt)
{
  rt->text = g_string_new (NULL);
  rt->attrs = pango_attr_list_new ();
}

static void
rich_clear (Rich *rt)
{
  g_string_free (rt->text, TRUE);
  pango_attr_list_unref (rt->attrs);
}

static void
add_attr (Rich           *rt,
          PangoAttribute *attr,
          guint           start,
          guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (rt->attrs, attr);
}

static void
rich_append (Rich       *rt,
             const char *text,
             double      size,
             int         style,
             guint32     color)
{
  g_autofree char *valid = NULL;
  guint start = rt->text->len, end;

  if (text == NULL || *text == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  g_string_append (rt->text, text);
  end = rt->text->len;
  add_attr (rt, pango_attr_size_new_absolute ((int) (size * PANGO_SCALE)), start, end);
  if (style & STYLE_BOLD)
    add_attr (rt, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
  if (style & STYLE_ITALIC)
    add_attr (rt, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
  if (style & STYLE_MONO)
    add_attr (rt, pango_attr_family_new (FONT_MONO), start, end);
  add_attr (rt, pango_attr_foreground_new (((color >> 16) & 0xFF) * 257, ((color >> 8) & 0xFF) * 257,
                                           (color & 0xFF) * 257),
            start, end);
}

static PangoLayout *
rich_layout (Report         *r,
             Rich           *rt,
             double          width,
             double          base_size,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (r->pango);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FONT_SANS);
  pango_font_description_set_absolute_size (desc, base_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, rt->text->str, (int) rt->text->len);
  pango_layout_set_attributes (layout, rt->attrs);
  return layout;
}

/* Every size is absolute: device units, which are points on a PDF surface. */
static PangoLayout *
text_layout (Report         *r,
             const char     *text,
             double          size,
             int             style,
             guint32         color,
             double          width,
             PangoAlignment  align)
{
  Rich rt;
  PangoLayout *layout;

  rich_init (&rt);
  rich_append (&rt, text, size, style, color);
  layout = rich_layout (r, &rt, width, size, align);
  rich_clear (&rt);
  return layout;
}

static double
text_height (Report     *r,
             const char *text,
             double      size,
             double      width)
{
  g_autoptr(PangoLayout) layout = text_layout (r, text, size, STYLE_REGULAR, COLOR_INK, width, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
set_rgb (cairo_t *cr,
         guint32  color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xFF) / 255.0, ((color >> 8) & 0xFF) / 255.0, (color & 0xFF) / 255.0);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static void
show_layout (Report      *r,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (r->cr, x, y);
  pango_cairo_show_layout (r->cr, layout);
}

static const char *
S (Report     *r,
   CirtString  id)
{
  return cirt_lang_str (r->l, id);
}

/* ------------------------------------------------------------------------ */
/* Pages */

static double
draw_tlp_badge (Report *r,
                double  x,
                double  y,
                double  size,
                gboolean align_right)
{
  g_autoptr(PangoLayout) layout = text_layout (r, cirt_tlp_label (r->opts->tlp), size, STYLE_BOLD,
                                               cirt_tlp_color (r->opts->tlp), 400, PANGO_ALIGN_LEFT);
  double w = layout_width (layout), h = layout_height (layout);
  double pad_x = size * 0.55, pad_y = size * 0.22;
  double bx = align_right ? x - w - 2 * pad_x : x;

  cairo_rectangle (r->cr, bx, y, w + 2 * pad_x, h + 2 * pad_y);
  cairo_set_source_rgb (r->cr, 0, 0, 0);
  cairo_fill (r->cr);
  show_layout (r, layout, bx + pad_x, y + pad_y);
  return h + 2 * pad_y;
}

static void
hrule (Report  *r,
       double   x1,
       double   x2,
       double   y,
       double   width,
       guint32  color)
{
  cairo_move_to (r->cr, x1, y);
  cairo_line_to (r->cr, x2, y);
  cairo_set_line_width (r->cr, width);
  set_rgb (r->cr, color);
  cairo_stroke (r->cr);
}

/* Header and footer: the TLP marking top and bottom of every page (FIRST
 * TLP 2.0 asks for both), the running title and "Page N of M". Drawn on
 * the finished page @page. */
static void
page_furniture (Report *r,
                int     page)
{
  gboolean cover = page == 1;
  double header_y = 26, footer_y = r->page_h - 40;

  draw_tlp_badge (r, r->right, header_y, 7.5, TRUE);
  if (!cover)
    {
      g_autoptr(PangoLayout) run = text_layout (r, r->running_title, 7.5, STYLE_REGULAR, COLOR_MUTED,
                                                (r->right - r->left) * 0.75, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (run, PANGO_ELLIPSIZE_END);
      show_layout (r, run, r->left, header_y + 1);
      hrule (r, r->left, r->right, header_y + 18, 0.5, COLOR_RULE);
      hrule (r, r->left, r->right, footer_y - 8, 0.5, COLOR_RULE);
    }
  draw_tlp_badge (r, r->left, footer_y, 7.5, FALSE);
  {
    g_autofree char *n = g_strdup_printf ("%d", page);
    g_autofree char *m = g_strdup_printf ("%d", r->n_pages);
    g_autofree char *text = cirt_lang_expand (S (r, CIRT_STR_PAGE_N_OF_M), n, m, NULL, NULL);
    g_autoptr(PangoLayout) num = text_layout (r, text, 7.5, STYLE_REGULAR, COLOR_MUTED, 200, PANGO_ALIGN_CENTER);
    g_autoptr(PangoLayout) date = text_layout (r, r->doc_date, 7.5, STYLE_REGULAR, COLOR_MUTED, 200, PANGO_ALIGN_RIGHT);
    show_layout (r, num, (r->left + r->right) / 2 - 100, footer_y + 1);
    show_layout (r, date, r->right - 200, footer_y + 1);
  }
}

static void
new_page (Report *r)
{
  cairo_rectangle_t extents = { 0, 0, r->page_w, r->page_h };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&r->cr, cairo_destroy);
  g_ptr_array_add (r->pages, page);
  r->cr = cairo_create (page);
  r->page++;
  r->y = r->top;
}

static gboolean
at_page_top (Report *r)
{
  return r->y <= r->top + 0.5;
}

static void
ensure_space (Report *r,
              double  height)
{
  if (r->y + height > r->bottom && !at_page_top (r))
    new_page (r);
}

/* ------------------------------------------------------------------------ */
/* Rows: the one thing that flows */

typedef struct {
  double           y;          /* top of the line in layout coordinates */
  double           height;
  double           baseline;   /* in layout coordinates */
  double           x;
  PangoLayoutLine *line;
} LineInfo;

typedef struct {
  PangoLayout *layout;         /* owned; NULL for an empty cell */
  double       width;          /* including padding */
  guint32      fill;
  gboolean     has_fill;
} Cell;

typedef struct Row Row;
typedef void (*RowHeaderFunc) (Report *r, gpointer data);

struct Row {
  double        pad_x, pad_y;
  gboolean      grid;           /* hairlines around the cells */
  gboolean      keep;           /* move the whole row to the next page when it does not fit */
  RowHeaderFunc header;         /* redrawn after a page break (table header) */
  gpointer      header_data;
};

static GArray *
collect_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  PangoLayoutIter *iter;

  if (layout == NULL)
    return lines;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      LineInfo li;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      li.y = logical.y / (double) PANGO_SCALE;
      li.height = logical.height / (double) PANGO_SCALE;
      li.x = logical.x / (double) PANGO_SCALE;
      li.baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      li.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (lines, li);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* Lays out @cells side by side from r->y, continuing on following pages
 * line by line when they do not fit. Frees the cells' layouts. */
static void
flow_row (Report     *r,
          Cell       *cells,
          guint       n,
          const Row  *style)
{
  g_autofree GArray **lines = g_new0 (GArray *, n);
  g_autofree guint *next = g_new0 (guint, n);
  g_autofree guint *end = g_new0 (guint, n);
  double full = 0;
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    {
      lines[i] = collect_lines (cells[i].layout);
      if (lines[i]->len > 0)
        {
          LineInfo *last = &g_array_index (lines[i], LineInfo, lines[i]->len - 1);
          full = MAX (full, last->y + last->height);
        }
    }

  for (;;)
    {
      double avail = r->bottom - r->y - 2 * style->pad_y;
      double chunk = 0, x;
      gboolean done = TRUE;
      guint fit_lines = G_MAXUINT;

      /* What fits of each cell on this page. */
      for (guint i = 0; i < n; i++)
        {
          double base;
          guint k = next[i];

          end[i] = k;
          if (k >= lines[i]->len)
            continue;
          base = g_array_index (lines[i], LineInfo, k).y;
          while (end[i] < lines[i]->len)
            {
              LineInfo *li = &g_array_index (lines[i], LineInfo, end[i]);
              if (li->y + li->height - base > avail + 0.01)
                break;
              end[i]++;
            }
          fit_lines = MIN (fit_lines, end[i] - k);
        }

      if (first && !at_page_top (r))
        {
          gboolean fits = full <= avail + 0.01;
          gboolean remaining = FALSE;
          for (guint i = 0; i < n; i++)
            remaining |= next[i] < lines[i]->len;
          /* Whole rows that are short or marked "keep", and anything that
           * would leave fewer than two lines here, start on a new page. */
          if (!fits && remaining &&
              (style->keep || full < 0.3 * (r->bottom - r->top) || fit_lines < 2))
            {
              new_page (r);
              if (style->header)
                style->header (r, style->header_data);
              first = FALSE;
              continue;
            }
        }
      first = FALSE;

      /* A fresh page where not even a line fits: place one line per cell
       * anyway (it can only be a line taller than the page). */
      if (at_page_top (r))
        for (guint i = 0; i < n; i++)
          if (end[i] == next[i] && next[i] < lines[i]->len)
            end[i]++;

      for (guint i = 0; i < n; i++)
        if (end[i] > next[i])
          {
            LineInfo *a = &g_array_index (lines[i], LineInfo, next[i]);
            LineInfo *b = &g_array_index (lines[i], LineInfo, end[i] - 1);
            chunk = MAX (chunk, b->y + b->height - a->y);
          }

      {
          x = r->left;
          for (guint i = 0; i < n; i++)
            {
              if (cells[i].has_fill)
                {
                  cairo_rectangle (r->cr, x, r->y, cells[i].width, chunk + 2 * style->pad_y);
                  set_rgb (r->cr, cells[i].fill);
                  cairo_fill (r->cr);
                }
              if (style->grid)
                {
                  cairo_rectangle (r->cr, x, r->y, cells[i].width, chunk + 2 * style->pad_y);
                  cairo_set_line_width (r->cr, 0.4);
                  set_rgb (r->cr, COLOR_RULE);
                  cairo_stroke (r->cr);
                }
              if (end[i] > next[i])
                {
                  double base = g_array_index (lines[i], LineInfo, next[i]).y;
                  /* Text colour comes from the runs' foreground attributes. */
                  set_rgb (r->cr, COLOR_INK);
                  for (guint k = next[i]; k < end[i]; k++)
                    {
                      LineInfo *li = &g_array_index (lines[i], LineInfo, k);
                      cairo_move_to (r->cr, x + style->pad_x + li->x, r->y + style->pad_y + li->baseline - base);
                      pango_cairo_show_layout_line (r->cr, li->line);
                    }
                }
              x += cells[i].width;
            }
        }
      r->y += chunk + 2 * style->pad_y;

      for (guint i = 0; i < n; i++)
        {
          next[i] = end[i];
          if (next[i] < lines[i]->len)
            done = FALSE;
        }
      if (done)
        break;
      new_page (r);
      if (style->header)
        style->header (r, style->header_data);
    }

  for (guint i = 0; i < n; i++)
    {
      g_array_unref (lines[i]);
      g_clear_object (&cells[i].layout);
    }
}

static const Row ROW_PLAIN = { 0, 0, FALSE, FALSE, NULL, NULL };
static const Row ROW_KEEP = { 0, 0, FALSE, TRUE, NULL, NULL };

static double
body_width (Report *r)
{
  return r->right - r->left;
}

static void
paragraph_rich (Report *r,
                Rich   *rt,
                double  size,
                double  space_after)
{
  Cell cell = { rich_layout (r, rt, body_width (r), size, PANGO_ALIGN_LEFT), body_width (r), 0, FALSE };
  flow_row (r, &cell, 1, &ROW_PLAIN);
  r->y += space_after;
}

static void
paragraph (Report     *r,
           const char *text,
           double      size,
           int         style,
           guint32     color,
           double      space_after)
{
  Rich rt;

  rich_init (&rt);
  rich_append (&rt, text, size, style, color);
  paragraph_rich (r, &rt, size, space_after);
  rich_clear (&rt);
}

/* A tinted box around a paragraph (notices). */
static void
notice_box (Report     *r,
            const char *text)
{
  const double pad = 7;
  Row row = { pad, pad - 1, FALSE, TRUE, NULL, NULL };
  Cell cell = { text_layout (r, text, PT_BODY, STYLE_REGULAR, COLOR_WARNING, body_width (r) - 2 * pad, PANGO_ALIGN_LEFT),
                body_width (r), COLOR_WARNING_BG, TRUE };

  flow_row (r, &cell, 1, &row);
  r->y += 6;
}

static void
bullet (Report     *r,
        const char *text)
{
  Cell cells[2] = {
    { text_layout (r, "•", PT_BODY, STYLE_BOLD, COLOR_NAVY, 12, PANGO_ALIGN_LEFT), 14, 0, FALSE },
    { text_layout (r, text, PT_BODY, STYLE_REGULAR, COLOR_INK, body_width (r) - 14, PANGO_ALIGN_LEFT),
      body_width (r) - 14, 0, FALSE },
  };
  flow_row (r, cells, 2, &ROW_PLAIN);
  r->y += 3;
}

/* ------------------------------------------------------------------------ */
/* Headings */

static void
toc_entry_clear (gpointer p)
{
  TocEntry *e = p;
  g_free (e->number);
  g_free (e->title);
}

static void
chapter (Report *r,
         guint   index)
{
  TocEntry *e = &g_array_index (r->toc, TocEntry, index);
  double w = body_width (r);
  g_autofree char *label = g_strdup_printf ("%s  %s", e->number, e->title);
  Rich rt;
  PangoLayout *layout;

  new_page (r);
  e->page = r->page;

  rich_init (&rt);
  rich_append (&rt, e->number, PT_H1, STYLE_BOLD, COLOR_NAVY_LIGHT);
  rich_append (&rt, "  ", PT_H1, STYLE_BOLD, COLOR_NAVY);
  rich_append (&rt, e->title, PT_H1, STYLE_BOLD, COLOR_NAVY);
  layout = rich_layout (r, &rt, w, PT_H1, PANGO_ALIGN_LEFT);
  rich_clear (&rt);
  r->y += 6;
  {
    Cell cell = { layout, w, 0, FALSE };
    flow_row (r, &cell, 1, &ROW_PLAIN);
  }
  r->y += 6;
  hrule (r, r->left, r->left + 64, r->y, 2.5, COLOR_NAVY);
  r->y += 18;
}

static void
heading2_keep (Report     *r,
               const char *text,
               double      keep_with)
{
  g_autoptr(PangoLayout) probe = NULL;
  double h;

  probe = text_layout (r, text, PT_H2, STYLE_BOLD, COLOR_NAVY, body_width (r), PANGO_ALIGN_LEFT);
  h = layout_height (probe);
  /* Keep a heading with what follows it. */
  ensure_space (r, h + 14 + keep_with);
  if (!at_page_top (r))
    r->y += 10;
  {
    Cell cell = { g_steal_pointer (&probe), body_width (r), 0, FALSE };
    flow_row (r, &cell, 1, &ROW_KEEP);
  }
  r->y += 2;
  hrule (r, r->left, r->right, r->y, 0.6, COLOR_RULE);
  r->y += 7;
}

static void
heading2 (Report     *r,
          const char *text)
{
  heading2_keep (r, text, 60);
}

static void
heading3 (Report     *r,
          const char *text,
          double      keep_with)
{
  g_autoptr(PangoLayout) probe = text_layout (r, text, PT_H3, STYLE_BOLD, COLOR_INK, body_width (r), PANGO_ALIGN_LEFT);
  double h = layout_height (probe);

  ensure_space (r, h + 6 + keep_with);
  if (!at_page_top (r))
    r->y += 6;
  {
    Cell cell = { g_steal_pointer (&probe), body_width (r), 0, FALSE };
    flow_row (r, &cell, 1, &ROW_KEEP);
  }
  r->y += 4;
}

/* ------------------------------------------------------------------------ */
/* Tables */

typedef struct {
  guint               n;
  const double       *fractions;   /* of the body width, summing to 1 */
  const char * const *titles;
  const PangoAlignment *align;     /* may be NULL: all left */
} Table;

static void
table_header (Report  *r,
              gpointer data)
{
  const Table *t = data;
  Row row = { 5, 4, FALSE, TRUE, NULL, NULL };
  g_autofree Cell *cells = g_new0 (Cell, t->n);

  for (guint i = 0; i < t->n; i++)
    {
      double w = t->fractions[i] * body_width (r);
      /* "Score (0–100)" breaks at the space, not at the dash. */
      g_auto(GStrv) parts = g_strsplit (t->titles[i], "–", -1);
      g_autofree char *title = g_strjoinv ("\u2060–\u2060", parts);
      cells[i].width = w;
      cells[i].layout = text_layout (r, title, PT_SMALL, STYLE_BOLD, COLOR_WHITE, w - 2 * row.pad_x,
                                     t->align ? t->align[i] : PANGO_ALIGN_LEFT);
      cells[i].fill = COLOR_NAVY;
      cells[i].has_fill = TRUE;
    }
  flow_row (r, cells, t->n, &row);
}

/* @keep: height the table needs to stay on one page when it is short
 * (0: just the header and a couple of rows). */
static void
table_begin (Report      *r,
             const Table *t,
             double       keep)
{
  ensure_space (r, MAX (60, keep));
  table_header (r, (gpointer) t);
}

/* @texts: one per column (NULL = empty); @styles may be NULL. */
static void
table_row (Report             *r,
           const Table        *t,
           const char * const *texts,
           const int          *styles,
           gboolean            zebra)
{
  Row row = { 5, 3.5, FALSE, FALSE, table_header, (gpointer) t };
  g_autofree Cell *cells = g_new0 (Cell, t->n);

  for (guint i = 0; i < t->n; i++)
    {
      double w = t->fractions[i] * body_width (r);
      cells[i].width = w;
      cells[i].layout = text_layout (r, texts[i] ? texts[i] : "", PT_TABLE, styles ? styles[i] : STYLE_REGULAR,
                                     COLOR_INK, w - 2 * row.pad_x, t->align ? t->align[i] : PANGO_ALIGN_LEFT);
      cells[i].fill = COLOR_ZEBRA;
      cells[i].has_fill = zebra;
    }
  flow_row (r, cells, t->n, &row);
  hrule (r, r->left, r->right, r->y, 0.3, COLOR_RULE);
}

/* A full-width row under a table row (stakeholder notes). */
static void
table_span_row (Report      *r,
                const Table *t,
                const char  *text,
                gboolean     zebra)
{
  Row row = { 5, 3.5, FALSE, FALSE, table_header, (gpointer) t };
  Cell cell = { text_layout (r, text, PT_TABLE, STYLE_ITALIC, COLOR_MUTED, body_width (r) - 10, PANGO_ALIGN_LEFT),
                body_width (r), COLOR_ZEBRA, zebra };
  flow_row (r, &cell, 1, &row);
  hrule (r, r->left, r->right, r->y, 0.3, COLOR_RULE);
}

/* ------------------------------------------------------------------------ */
/* Words for numbers */

static char *
score_words (Report               *r,
             const CirtScoreValue *v)
{
  return v->defined ? cirt_lang_format_score (r->l, v->score) : g_strdup ("—");
}

static char *
level_words (Report *r,
             const CirtScoreValue *v)
{
  return cirt_export_level_words (r->l, r->score, v->defined ? v->level : 0);
}

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Cover and contents */

static void
cover (Report *r)
{
  CirtAssessmentInfo *info = r->data->info;
  double w = body_width (r), band_h, y;
  g_autofree char *kicker_text = g_utf8_strup (S (r, CIRT_STR_DOC_TITLE), -1);
  g_autoptr(PangoLayout) kicker = NULL, country = NULL, title = NULL, subtitle = NULL;

  new_page (r);

  /* No letter spacing: it splits the words for text extraction and screen readers. */
  kicker = text_layout (r, kicker_text, 9.5, STYLE_BOLD, COLOR_NAVY_LIGHT, w, PANGO_ALIGN_LEFT);
  country = text_layout (r, info->country, 30, STYLE_BOLD, COLOR_WHITE, w, PANGO_ALIGN_LEFT);
  title = text_layout (r, info->title, 14, STYLE_REGULAR, COLOR_WHITE, w, PANGO_ALIGN_LEFT);
  /* The cover is one page: a country or title of absurd length ends in "…"
   * here (the title is whole in the document's metadata and the workbook). */
  pango_layout_set_ellipsize (country, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (country, -3);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -6);
  subtitle = text_layout (r, S (r, CIRT_STR_DOC_SUBTITLE), 9, STYLE_REGULAR, COLOR_NAVY_LIGHT, w, PANGO_ALIGN_LEFT);

  y = 0.13 * r->page_h;
  band_h = y + layout_height (kicker) + 10 + layout_height (country) + 8 + layout_height (title) + 14 +
           layout_height (subtitle) + 40;
  band_h = MAX (band_h, 0.38 * r->page_h);
  cairo_rectangle (r->cr, 0, 0, r->page_w, band_h);
  set_rgb (r->cr, COLOR_NAVY);
  cairo_fill (r->cr);
  cairo_rectangle (r->cr, 0, band_h, r->page_w, 4);
  set_rgb (r->cr, cirt_tlp_color (r->opts->tlp) == 0xFFFFFF ? COLOR_NAVY_LIGHT : cirt_tlp_color (r->opts->tlp));
  cairo_fill (r->cr);
  show_layout (r, kicker, r->left, y);
  y += layout_height (kicker) + 10;
  show_layout (r, country, r->left, y);
  y += layout_height (country) + 8;
  show_layout (r, title, r->left, y);
  y += layout_height (title) + 14;
  show_layout (r, subtitle, r->left, y);

  /* The marking, large, with what it means. */
  r->y = band_h + 30;
  {
    g_autoptr(PangoLayout) label = text_layout (r, cirt_tlp_label (r->opts->tlp), 15, STYLE_BOLD,
                                                cirt_tlp_color (r->opts->tlp), w * 0.4, PANGO_ALIGN_LEFT);
    double lw = layout_width (label) + 8;
    Row row = { 12, 9, FALSE, TRUE, NULL, NULL };
    Cell cells[2] = {
      { g_steal_pointer (&label), lw + 24, 0x000000, TRUE },
      { text_layout (r, cirt_tlp_meaning (r->opts->tlp, r->l), 8.5, STYLE_REGULAR, COLOR_WHITE,
                     w - lw - 24 - 24, PANGO_ALIGN_LEFT), w - lw - 24, 0x000000, TRUE },
    };
    flow_row (r, cells, 2, &row);
  }
  r->y += 24;

  /* Who, where, when. */
  {
    g_autofree char *period = cirt_lang_format_period (r->l, info->started_on, info->ended_on);
    const char *status = g_strcmp0 (info->status, "completed") == 0 ? S (r, CIRT_STR_STATUS_COMPLETED)
                                                                     : S (r, CIRT_STR_STATUS_IN_PROGRESS);
    g_autoptr(GString) insts = g_string_new (NULL);
    GPtrArray *instruments = cirt_score_get_instruments (r->score);
    const double label_w = 0.3 * w;

    for (guint i = 0; i < instruments->len; i++)
      {
        CirtInstrument *inst = g_ptr_array_index (instruments, i);
        g_string_append_printf (insts, "%s%s (%s)", i ? "\n" : "", cirt_instrument_get_title (inst, r->lang),
                                cirt_instrument_get_version (inst));
      }
    {
      const struct { CirtString label; const char *value; } meta[] = {
        { CIRT_STR_ORGANISATION, info->organisation },
        { CIRT_STR_MISSION_PHASE, cirt_lang_mission_phase (r->l, info->phase) },
        { CIRT_STR_MISSION_DATES, period },
        { CIRT_STR_LEAD_ASSESSOR, info->lead_assessor },
        { CIRT_STR_ASSESSORS, info->assessors },
        { CIRT_STR_INSTRUMENTS, insts->str },
        { CIRT_STR_BASELINE, r->data->baseline_info ? r->data->baseline_info->title : NULL },
        { CIRT_STR_STATUS, status },
        { CIRT_STR_DOCUMENT_DATE, r->doc_date },
      };
      Row row = { 0, 5, FALSE, FALSE, NULL, NULL };

      hrule (r, r->left, r->right, r->y, 0.5, COLOR_RULE);
      for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
        {
          Cell cells[2];
          if (!has_text (meta[i].value))
            continue;
          cells[0] = (Cell) { text_layout (r, S (r, meta[i].label), PT_SMALL, STYLE_BOLD, COLOR_MUTED, label_w - 8,
                                           PANGO_ALIGN_LEFT), label_w, 0, FALSE };
          cells[1] = (Cell) { text_layout (r, meta[i].value, 10, STYLE_REGULAR, COLOR_INK, w - label_w,
                                           PANGO_ALIGN_LEFT), w - label_w, 0, FALSE };
          flow_row (r, cells, 2, &row);
          hrule (r, r->left, r->right, r->y, 0.5, COLOR_RULE);
        }
    }
    if (g_strcmp0 (info->status, "completed") != 0)
      {
        r->y += 16;
        notice_box (r, S (r, CIRT_STR_DRAFT_NOTICE));
      }
  }

  {
    g_autofree char *made = cirt_lang_expand (S (r, CIRT_STR_PREPARED_WITH), PACKAGE_VERSION, NULL, NULL, NULL);
    g_autoptr(PangoLayout) l = text_layout (r, made, 7.5, STYLE_REGULAR, COLOR_MUTED, w, PANGO_ALIGN_LEFT);
    double ly = r->bottom - layout_height (l);
    if (ly > r->y + 10)
      show_layout (r, l, r->left, ly);
  }
}

static void
contents (Report *r)
{
  double w = body_width (r);
  const double num_w = 30, page_w = 40;

  new_page (r);
  paragraph (r, S (r, CIRT_STR_CONTENTS), PT_H1, STYLE_BOLD, COLOR_NAVY, 6);
  hrule (r, r->left, r->left + 64, r->y, 2.5, COLOR_NAVY);
  r->y += 22;

  for (guint i = 0; i < r->toc->len; i++)
    {
      TocEntry *e = &g_array_index (r->toc, TocEntry, i);
      g_autoptr(PangoLayout) title = text_layout (r, e->title, 11, STYLE_REGULAR, COLOR_INK, w - num_w - page_w - 20,
                                                  PANGO_ALIGN_LEFT);
      double y0 = r->y, end_x;
      int page = r->page;
      Row row = { 0, 5, FALSE, TRUE, NULL, NULL };
      PangoRectangle last;
      int n_lines = pango_layout_get_line_count (title);
      TocMark mark;

      /* Where the title's last line ends, for the dot leader. */
      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (title, n_lines - 1), NULL, &last);
      end_x = r->left + num_w + last.x + last.width;
      {
        /* The page number is drawn once the pages are known (TocMark). */
        Cell cells[3] = {
          { text_layout (r, e->number, 11, STYLE_BOLD, COLOR_NAVY, num_w, PANGO_ALIGN_LEFT), num_w, 0, FALSE },
          { g_steal_pointer (&title), w - num_w - page_w, 0, FALSE },
          { NULL, page_w, 0, FALSE },
        };
        flow_row (r, cells, 3, &row);
      }
      if (r->page != page)
        y0 = r->top;   /* the entry moved to the next page whole (keep) */
      {
        double dots_y = r->y - 5 - 3.2;
        cairo_save (r->cr);
        set_rgb (r->cr, COLOR_RULE);
        for (double dx = end_x + 8; dx < r->right - 36; dx += 5)
          {
            cairo_arc (r->cr, dx, dots_y, 0.6, 0, 2 * G_PI);
            cairo_fill (r->cr);
          }
        cairo_restore (r->cr);
      }
      mark = (TocMark) { r->page, r->left, y0, w, r->y - y0, r->left + w - page_w, i };
      g_array_append_val (r->toc_marks, mark);
      r->y += 3;
    }
}

/* ------------------------------------------------------------------------ */
/* Executive summary */

typedef struct {
  const char *label;
  char       *value;
  char       *detail;
} CardItem;

/* A band of key figures. Frees the items' strings. */
static void
score_card (Report   *r,
            CardItem *items,
            guint     n,
            double    value_size)
{
  const double pad = 10;
  Row row = { pad, pad, FALSE, TRUE, NULL, NULL };
  g_autofree Cell *cells = g_new0 (Cell, n);
  double cw = body_width (r) / n;

  for (guint i = 0; i < n; i++)
    {
      Rich rt;
      rich_init (&rt);
      rich_append (&rt, items[i].label, PT_SMALL, STYLE_BOLD, COLOR_MUTED);
      rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
      rich_append (&rt, items[i].value, value_size, STYLE_BOLD, COLOR_NAVY);
      if (has_text (items[i].detail))
        {
          rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
          rich_append (&rt, items[i].detail, PT_SMALL, STYLE_REGULAR, COLOR_INK);
        }
      cells[i] = (Cell) { rich_layout (r, &rt, cw - 2 * pad, PT_SMALL, PANGO_ALIGN_LEFT), cw, COLOR_BAND, TRUE };
      rich_clear (&rt);
      g_free (items[i].value);
      g_free (items[i].detail);
    }
  flow_row (r, cells, n, &row);
  r->y += 10;
}

static void
draw_chart (Report        *r,
            CirtChartKind  kind,
            double         width,
            double         height)
{
  CirtChartOptions options = { 0 };

  options.lang = r->lang;
  options.baseline = r->data->baseline;
  options.font_scale = 1.0;
  options.transparent = TRUE;
  height = MIN (height, r->bottom - r->top);
  ensure_space (r, height);
  cairo_save (r->cr);
  cairo_translate (r->cr, r->left + (body_width (r) - width) / 2, r->y);
  cairo_rectangle (r->cr, 0, 0, width, height);
  cairo_clip (r->cr);
  cirt_chart_draw (r->cr, kind, r->score, &options, width, height);
  cairo_restore (r->cr);
  r->y += height + 8;
}

static void
recommendation_item (Report                   *r,
                     guint                     rank,
                     const CirtRecommendation *rec)
{
  const CirtQuestion *q = rec->question;
  const CirtAnswer *a = cirt_assessment_data_answer (r->data, q);
  g_autofree char *words = cirt_export_answer_words (r->l, q, a);
  g_autofree char *where = g_strdup_printf ("%s – %s", cirt_lang_pillar_title (r->l, q->section->pillar),
                                            cirt_text_get (q->section->title, r->lang));
  g_autofree char *id = q->critical ? g_strdup_printf ("%s (%s)", q->id, S (r, CIRT_STR_CRITICAL_MARK))
                                    : g_strdup (q->id);
  g_autofree char *meta = cirt_lang_expand (S (r, CIRT_STR_REC_META), id, where, words, NULL);
  g_autofree char *num = g_strdup_printf ("%u", rank);
  const double num_w = 28;
  double w = body_width (r);
  Rich rt;
  Cell cells[2];

  rich_init (&rt);
  rich_append (&rt, cirt_text_get (q->recommendation, r->lang), PT_BODY, STYLE_REGULAR, COLOR_INK);
  rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
  rich_append (&rt, meta, 7.5, STYLE_REGULAR, COLOR_MUTED);
  if (q->phase != CIRT_PHASE_NONE)
    {
      rich_append (&rt, " · ", 7.5, STYLE_REGULAR, COLOR_MUTED);
      rich_append (&rt, cirt_lang_phase (r->l, q->phase), 7.5, STYLE_BOLD, COLOR_MUTED);
    }
  cells[0] = (Cell) { text_layout (r, num, PT_BODY, STYLE_BOLD, COLOR_NAVY, num_w - 8, PANGO_ALIGN_RIGHT), num_w, 0, FALSE };
  cells[1] = (Cell) { rich_layout (r, &rt, w - num_w - 8, PT_BODY, PANGO_ALIGN_LEFT), w - num_w, 0, FALSE };
  rich_clear (&rt);
  {
    Row row = { 0, 2, FALSE, FALSE, NULL, NULL };
    flow_row (r, cells, 2, &row);
  }
  r->y += 5;
}

static const double PILLAR_TABLE_FRACTIONS[] = { 0.28, 0.15, 0.21, 0.09, 0.13, 0.14 };
static const PangoAlignment PILLAR_TABLE_ALIGN[] = {
  PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
};

static void
pillar_table (Report *r)
{
  const char *titles[] = {
    S (r, CIRT_STR_PILLAR), S (r, CIRT_STR_SCORE), S (r, CIRT_STR_LEVEL), S (r, CIRT_STR_TARGET_LEVEL),
    S (r, CIRT_STR_GAP_LEVELS), S (r, CIRT_STR_COVERAGE),
  };
  Table t = { G_N_ELEMENTS (titles), PILLAR_TABLE_FRACTIONS, titles, PILLAR_TABLE_ALIGN };
  const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
  guint n = 0;

  table_begin (r, &t, 40 + 30 * CIRT_N_PILLARS);
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (r->score, p);
      g_autofree char *score = NULL, *level = NULL, *target = NULL, *gap = NULL, *cov = NULL;
      if (!ps->used)
        continue;
      score = score_words (r, &ps->value);
      level = level_words (r, &ps->value);
      target = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
      if (!ps->has_gap)
        gap = g_strdup ("—");
      else
        gap = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
      cov = cirt_lang_format_percent (r->l, ps->value.coverage);
      if (ps->value.provisional)
        {
          char *tmp = g_strdup_printf ("%s\n%s", cov, S (r, CIRT_STR_PROVISIONAL));
          g_free (cov);
          cov = tmp;
        }
      {
        const char *cells[] = { cirt_lang_pillar_title (r->l, p), score, level, target, gap, cov };
        table_row (r, &t, cells, styles, n++ % 2 == 1);
      }
    }
  r->y += 10;
}

static void
executive_summary (Report *r,
                   guint   toc_index)
{
  const CirtScoreValue *overall = cirt_score_get_overall (r->score);
  GPtrArray *capped_by = cirt_score_get_capped_by (r->score);
  guint n_recs = cirt_score_get_n_recommendations (r->score);
  const CirtPillarScore *best = NULL, *worst = NULL, *gap = NULL;
  gboolean any_target = FALSE;
  double w = body_width (r);

  chapter (r, toc_index);

  /* The index, the level, the coverage. */
  {
    CardItem items[3] = { { 0 } };
    const CirtLevelInfo *li = overall->defined ? cirt_score_get_level_info (r->score, overall->level) : NULL;
    g_autofree char *cov = cirt_lang_format_percent (r->l, overall->coverage);

    items[0].label = S (r, CIRT_STR_OVERALL_INDEX);
    items[0].value = overall->defined ? cirt_lang_format_score (r->l, overall->score) : g_strdup ("—");
    items[0].detail = overall->defined ? g_strdup ("/ 100") : NULL;
    items[1].label = S (r, CIRT_STR_OVERALL_LEVEL);
    items[1].value = level_words (r, overall);
    items[1].detail = li && li->description ? g_strdup (cirt_text_get (li->description, r->lang)) : NULL;
    items[2].label = S (r, CIRT_STR_COVERAGE);
    items[2].value = g_strdup (cov);
    items[2].detail = overall->provisional ? g_strdup (S (r, CIRT_STR_PROVISIONAL)) : NULL;
    score_card (r, items, 3, 15);
  }

  /* The provisional and critical-cap notices, in words. */
  {
    g_autofree char *pct = cirt_lang_format_percent (r->l, overall->coverage);
    if (!overall->defined)
      notice_box (r, S (r, CIRT_STR_NOTICE_UNDEFINED));
    else if (overall->provisional)
      {
        g_autofree char *eighty = cirt_lang_format_percent (r->l, CIRT_SCORE_FIRM_COVERAGE);
        g_autofree char *t = cirt_lang_format (r->l, CIRT_STR_NOTICE_PROVISIONAL, pct, eighty, NULL, NULL);
        notice_box (r, t);
      }
    if (capped_by->len > 0)
      {
        g_autoptr(GString) causes = g_string_new (NULL);
        g_autofree char *lvl2 = NULL, *t = NULL;
        const CirtLevelInfo *li = cirt_score_get_level_info (r->score, 2);
        lvl2 = g_strdup (li ? cirt_text_get (li->name, r->lang) : "2");
        for (guint i = 0; i < capped_by->len; i++)
          {
            const CirtQuestion *q = g_ptr_array_index (capped_by, i);
            g_string_append_printf (causes, "%s%s (%s)", i ? "; " : "", q->id, cirt_text_get (q->text, r->lang));
          }
        t = cirt_lang_expand (S (r, CIRT_STR_NOTICE_CAP), lvl2, causes->str, NULL, NULL);
        notice_box (r, t);
      }
  }
  r->y += 4;

  /* Radar: current, target, and the previous assessment of a follow-up
   * (the chart carries its own title and legend). Shrunk a little rather
   * than leaving half a page empty. */
  r->y += 6;
  {
    double cw = MIN (w, 440);
    double natural = cirt_chart_natural_height (CIRT_CHART_RADAR, r->score, cw);
    double avail = r->bottom - r->y - 8;
    double ch;

    if (natural <= 0)
      natural = cw * 0.75;
    ch = MIN (natural, 340);
    if (avail < ch && avail >= 0.85 * ch)
      ch = avail;
    draw_chart (r, CIRT_CHART_RADAR, w, ch);
  }

  pillar_table (r);

  /* Key findings. */
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (r->score, p);
      if (!ps->used)
        continue;
      if (ps->target > 0)
        any_target = TRUE;
      if (ps->value.defined)
        {
          if (best == NULL || ps->value.score > best->value.score)
            best = ps;
          if (worst == NULL || ps->value.score < worst->value.score)
            worst = ps;
        }
      if (ps->has_gap && ps->gap > 0 && (gap == NULL || ps->gap > gap->gap))
        gap = ps;
    }
  heading2 (r, S (r, CIRT_STR_KEY_FINDINGS));
  if (best != NULL)
    {
      g_autofree char *s = score_words (r, &best->value), *l = level_words (r, &best->value);
      g_autofree char *t = cirt_lang_expand (S (r, CIRT_STR_STRONGEST), cirt_lang_pillar_title (r->l, best->pillar), s, l, NULL);
      bullet (r, t);
    }
  if (worst != NULL && worst != best)
    {
      g_autofree char *s = score_words (r, &worst->value), *l = level_words (r, &worst->value);
      g_autofree char *t = cirt_lang_expand (S (r, CIRT_STR_WEAKEST), cirt_lang_pillar_title (r->l, worst->pillar), s, l, NULL);
      bullet (r, t);
    }
  if (gap != NULL)
    {
      g_autofree char *g = g_strdup_printf ("%d", gap->gap), *tl = g_strdup_printf ("%d", gap->target);
      g_autofree char *t = cirt_lang_expand (S (r, gap->gap == 1 ? CIRT_STR_LARGEST_GAP_ONE : CIRT_STR_LARGEST_GAP),
                                               cirt_lang_pillar_title (r->l, gap->pillar), g, tl, NULL);
      bullet (r, t);
    }
  else if (any_target && best != NULL)
    bullet (r, S (r, CIRT_STR_TARGETS_MET));

  /* The recommendations that matter most. */
  heading2 (r, S (r, CIRT_STR_TOP_RECOMMENDATIONS));
  if (n_recs == 0)
    paragraph (r, S (r, CIRT_STR_NO_RECOMMENDATIONS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", n_recs);
      g_autofree char *t = cirt_lang_expand (S (r, CIRT_STR_RECS_COUNT), count, NULL, NULL, NULL);
      paragraph (r, t, PT_BODY, STYLE_REGULAR, COLOR_MUTED, 6);
      for (guint i = 0; i < MIN (n_recs, 5); i++)
        recommendation_item (r, i + 1, cirt_score_get_recommendation (r->score, i));
    }

  /* Every section at a glance. */
  if (cirt_score_get_n_sections (r->score) > 0)
    {
      double ch = cirt_chart_natural_height (CIRT_CHART_SECTIONS, r->score, w);
      if (ch <= 0)
        ch = 24.0 * cirt_score_get_n_sections (r->score) + 60;
      r->y += 12;
      draw_chart (r, CIRT_CHART_SECTIONS, w, ch);
    }
}

/* ------------------------------------------------------------------------ */
/* Pillars */

static void
pillar_chapter (Report     *r,
                guint       toc_index,
                CirtPillar  pillar)
{
  const CirtPillarScore *ps = cirt_score_get_pillar (r->score, pillar);
  GPtrArray *instruments = cirt_score_get_instruments (r->score);
  guint n_sections = cirt_score_get_n_sections (r->score);
  guint n_recs = cirt_score_get_n_recommendations (r->score);
  guint n_findings = 0, n_pillar_recs = 0;

  chapter (r, toc_index);

  {
    CardItem items[4] = { { 0 } };
    items[0].label = S (r, CIRT_STR_SCORE);
    items[0].value = score_words (r, &ps->value);
    items[0].detail = ps->value.defined ? g_strdup ("/ 100") : NULL;
    items[1].label = S (r, CIRT_STR_LEVEL);
    items[1].value = level_words (r, &ps->value);
    items[2].label = S (r, CIRT_STR_TARGET_LEVEL);
    items[2].value = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
    if (ps->has_gap)
      {
        g_autofree char *g = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
        items[2].detail = g_strdup_printf ("%s: %s", S (r, CIRT_STR_GAP_LEVELS), g);
      }
    items[3].label = S (r, CIRT_STR_COVERAGE);
    items[3].value = cirt_lang_format_percent (r->l, ps->value.coverage);
    items[3].detail = ps->value.provisional ? g_strdup (S (r, CIRT_STR_PROVISIONAL)) : NULL;
    score_card (r, items, 4, 12.5);
  }
  if (!ps->value.defined)
    notice_box (r, S (r, CIRT_STR_PILLAR_NOT_SCORED));

  /* Sections of the pillar. */
  {
    const char *titles[] = {
      S (r, CIRT_STR_SECTION), S (r, CIRT_STR_SCORE), S (r, CIRT_STR_LEVEL), S (r, CIRT_STR_ANSWERED),
      S (r, CIRT_STR_COVERAGE),
    };
    static const double fractions[] = { 0.36, 0.15, 0.25, 0.12, 0.12 };
    static const PangoAlignment align[] = {
      PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
    };
    const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, align };
    guint n = 0;

    heading2 (r, S (r, CIRT_STR_SECTION_SCORES));
    table_begin (r, &t, 0);
    for (guint i = 0; i < n_sections; i++)
      {
        const CirtSectionScore *ss = cirt_score_get_section (r->score, i);
        g_autofree char *score = NULL, *level = NULL, *answered = NULL, *a = NULL, *b = NULL, *cov = NULL;
        if (ss->section->pillar != pillar)
          continue;
        score = score_words (r, &ss->value);
        /* Sections take their own instrument's thresholds. */
        if (ss->value.defined)
          {
            const CirtLevelInfo *li = cirt_instrument_get_level_info (ss->instrument, ss->value.level);
            g_autofree char *num = g_strdup_printf ("%d", ss->value.level);
            g_autofree char *head = cirt_lang_expand (S (r, CIRT_STR_LEVEL_N), num, NULL, NULL, NULL);
            level = li ? g_strdup_printf ("%s – %s", head, cirt_text_get (li->name, r->lang)) : g_strdup (head);
          }
        else
          level = g_strdup (S (r, CIRT_STR_NO_SCORE));
        a = g_strdup_printf ("%u", ss->answered);
        b = g_strdup_printf ("%u", ss->total);
        answered = cirt_lang_expand (S (r, CIRT_STR_ANSWERED_OF), a, b, NULL, NULL);
        cov = cirt_lang_format_percent (r->l, ss->value.coverage);
        {
          const char *cells[] = { cirt_text_get (ss->section->title, r->lang), score, level, answered, cov };
          table_row (r, &t, cells, styles, n++ % 2 == 1);
        }
      }
    r->y += 8;
  }

  /* What the assessors wrote down. */
  heading2 (r, S (r, CIRT_STR_FINDINGS));
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          if (sec->pillar != pillar)
            continue;
          for (guint qi = 0; qi < sec->questions->len; qi++)
            {
              const CirtQuestion *q = g_ptr_array_index (sec->questions, qi);
              const CirtAnswer *a = cirt_assessment_data_answer (r->data, q);
              g_autofree char *words = NULL;
              Rich rt;

              if (a == NULL || !has_text (a->notes))
                continue;
              n_findings++;
              words = cirt_export_answer_words (r->l, q, a);
              rich_init (&rt);
              rich_append (&rt, q->id, PT_SMALL, STYLE_BOLD, COLOR_NAVY);
              rich_append (&rt, "  ", PT_SMALL, STYLE_REGULAR, COLOR_INK);
              rich_append (&rt, cirt_text_get (q->text, r->lang), PT_SMALL, STYLE_BOLD, COLOR_INK);
              rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
              rich_append (&rt, S (r, CIRT_STR_LABEL_ANSWER), PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
              rich_append (&rt, " ", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
              rich_append (&rt, words, PT_SMALL, STYLE_ITALIC, COLOR_MUTED);
              ensure_space (r, 50);
              {
                Cell cell = { rich_layout (r, &rt, body_width (r), PT_SMALL, PANGO_ALIGN_LEFT), body_width (r), 0, FALSE };
                flow_row (r, &cell, 1, &ROW_KEEP);
              }
              rich_clear (&rt);
              r->y += 2;
              paragraph (r, a->notes, PT_BODY, STYLE_REGULAR, COLOR_INK, 9);
            }
        }
    }
  if (n_findings == 0)
    paragraph (r, S (r, CIRT_STR_NO_FINDINGS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);

  heading2 (r, S (r, CIRT_STR_PILLAR_RECOMMENDATIONS));
  for (guint i = 0; i < n_recs; i++)
    {
      const CirtRecommendation *rec = cirt_score_get_recommendation (r->score, i);
      if (rec->question->section->pillar != pillar)
        continue;
      recommendation_item (r, i + 1, rec);
      n_pillar_recs++;
    }
  if (n_pillar_recs == 0)
    paragraph (r, S (r, CIRT_STR_NO_PILLAR_RECOMMENDATIONS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
}

/* ------------------------------------------------------------------------ */
/* Roadmap */

/* The recommendations of @ranks (indices into the ranking) as one table:
 * rank, what to do, where it comes from. */
static void
roadmap_table (Report *r,
               GArray *ranks)
{
  const char *titles[] = {
    "#", S (r, CIRT_STR_RECOMMENDATION), S (r, CIRT_STR_PILLAR), S (r, CIRT_STR_QUESTION_ID),
  };
  static const double fractions[] = { 0.06, 0.62, 0.18, 0.14 };
  static const PangoAlignment align[] = { PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_BOLD };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

  table_begin (r, &t, 90);
  for (guint k = 0; k < ranks->len; k++)
    {
      guint i = g_array_index (ranks, guint, k);
      const CirtQuestion *q = cirt_score_get_recommendation (r->score, i)->question;
      g_autofree char *num = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = q->critical ? g_strdup_printf ("%s\n%s", q->id, S (r, CIRT_STR_CRITICAL_MARK))
                                        : g_strdup (q->id);
      const char *cells[] = {
        num, cirt_text_get (q->recommendation, r->lang), cirt_lang_pillar_title (r->l, q->section->pillar), id,
      };
      table_row (r, &t, cells, styles, k % 2 == 1);
    }
  r->y += 8;
}

static void
roadmap (Report *r,
         guint   toc_index)
{
  guint n = cirt_score_get_n_recommendations (r->score);
  const CirtPhase phases[] = { CIRT_PHASE_DESIGN, CIRT_PHASE_ESTABLISHMENT, CIRT_PHASE_ENHANCEMENT };
  const CirtString intros[] = {
    CIRT_STR_ROADMAP_DESIGN_INTRO, CIRT_STR_ROADMAP_ESTABLISHMENT_INTRO, CIRT_STR_ROADMAP_ENHANCEMENT_INTRO,
  };
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (guint));

  chapter (r, toc_index);
  if (n == 0)
    {
      paragraph (r, S (r, CIRT_STR_NO_RECOMMENDATIONS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (cirt_score_get_recommendation (r->score, i)->question->phase == CIRT_PHASE_NONE)
      g_array_append_val (other, i);

  if (other->len < n)
    {
      paragraph (r, S (r, CIRT_STR_ROADMAP_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
      for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
        {
          g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint i = 0; i < n; i++)
            if (cirt_score_get_recommendation (r->score, i)->question->phase == phases[p])
              g_array_append_val (ranks, i);
          if (ranks->len == 0)
            continue;
          heading2 (r, cirt_lang_phase (r->l, phases[p]));
          paragraph (r, S (r, intros[p]), PT_SMALL, STYLE_ITALIC, COLOR_MUTED, 8);
          roadmap_table (r, ranks);
        }
      if (other->len > 0)
        {
          heading2 (r, S (r, CIRT_STR_ROADMAP_OTHER));
          roadmap_table (r, other);
        }
      return;
    }

  /* No phase anywhere: high / medium / lower priority by thirds of the ranking. */
  paragraph (r, S (r, CIRT_STR_ROADMAP_BY_PRIORITY), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  {
    const CirtString bands[] = { CIRT_STR_PRIORITY_HIGH, CIRT_STR_PRIORITY_MEDIUM, CIRT_STR_PRIORITY_LOW };
    for (guint b = 0; b < 3; b++)
      {
        g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (guint));
        for (guint i = 0; i < n; i++)
          if ((3 * i) / n == b)
            g_array_append_val (ranks, i);
        if (ranks->len == 0)
          continue;
        heading2 (r, S (r, bands[b]));
        roadmap_table (r, ranks);
      }
  }
}

/* ------------------------------------------------------------------------ */
/* Methodology, stakeholders */

static void
methodology (Report *r,
             guint   toc_index)
{
  const CirtString paras[] = {
    CIRT_STR_METH_INTRO, CIRT_STR_METH_ANSWERS, CIRT_STR_METH_ROLLUP, CIRT_STR_METH_COVERAGE,
    CIRT_STR_METH_CRITICAL, CIRT_STR_METH_TARGETS, CIRT_STR_METH_PRIORITY,
  };
  GPtrArray *instruments = cirt_score_get_instruments (r->score);

  chapter (r, toc_index);
  for (guint i = 0; i < G_N_ELEMENTS (paras); i++)
    {
      g_autofree char *eighty = cirt_lang_format_percent (r->l, CIRT_SCORE_FIRM_COVERAGE);
      g_autofree char *text = cirt_lang_format (r->l, paras[i], eighty, NULL, NULL, NULL);
      paragraph (r, text, PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
    }

  heading2_keep (r, S (r, CIRT_STR_LEVELS), 200);
  paragraph (r, S (r, CIRT_STR_METH_LEVELS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  {
    const char *titles[] = { S (r, CIRT_STR_LEVEL), S (r, CIRT_STR_LEVEL_NAME), S (r, CIRT_STR_FROM_INDEX),
                             S (r, CIRT_STR_DESCRIPTION) };
    static const double fractions[] = { 0.1, 0.2, 0.14, 0.56 };
    static const PangoAlignment align[] = { PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT };
    const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

    table_begin (r, &t, 0);
    for (int l = 1; l <= CIRT_N_LEVELS; l++)
      {
        const CirtLevelInfo *li = cirt_score_get_level_info (r->score, l);
        g_autofree char *num = g_strdup_printf ("%d", l);
        g_autofree char *min = NULL;
        if (li == NULL)
          continue;
        min = cirt_lang_format_score (r->l, li->min);
        {
          const char *cells[] = { num, cirt_text_get (li->name, r->lang), min, cirt_text_get (li->description, r->lang) };
          table_row (r, &t, cells, styles, l % 2 == 0);
        }
      }
    r->y += 8;
  }

  heading2_keep (r, S (r, CIRT_STR_INSTRUMENTS), 150);
  paragraph (r, S (r, CIRT_STR_METH_INSTRUMENTS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  {
    const char *titles[] = { S (r, CIRT_STR_INSTRUMENT), S (r, CIRT_STR_VERSION), "SHA-256" };
    static const double fractions[] = { 0.4, 0.12, 0.48 };
    const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_MONO };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

    table_begin (r, &t, 30 + 40 * instruments->len);
    for (guint i = 0; i < instruments->len; i++)
      {
        CirtInstrument *inst = g_ptr_array_index (instruments, i);
        g_autofree char *name = g_strdup_printf ("%s\n%s", cirt_instrument_get_title (inst, r->lang),
                                                 cirt_instrument_get_id (inst));
        const char *cells[] = { name, cirt_instrument_get_version (inst), cirt_instrument_get_sha256 (inst) };
        table_row (r, &t, cells, styles, i % 2 == 1);
      }
    r->y += 10;
  }
  {
    g_autofree char *tlp = g_strdup_printf ("%s — %s", cirt_tlp_label (r->opts->tlp),
                                            cirt_tlp_meaning (r->opts->tlp, r->l));
    g_autofree char *t = cirt_lang_expand (S (r, CIRT_STR_METH_TLP), tlp, NULL, NULL, NULL);
    paragraph (r, t, PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  }
}

static void
stakeholders (Report *r,
              guint   toc_index)
{
  GPtrArray *list = r->data->stakeholders;
  const char *titles[] = { S (r, CIRT_STR_NAME), S (r, CIRT_STR_ORGANISATION), S (r, CIRT_STR_SECTOR), S (r, CIRT_STR_DATE) };
  static const double fractions[] = { 0.27, 0.37, 0.18, 0.18 };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  chapter (r, toc_index);
  if (list->len == 0)
    {
      paragraph (r, S (r, CIRT_STR_NO_STAKEHOLDERS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
      return;
    }
  paragraph (r, S (r, CIRT_STR_STAKEHOLDERS_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 10);
  table_begin (r, &t, 0);
  for (guint i = 0; i < list->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (list, i);
      g_autofree char *date = cirt_lang_format_date (r->l, s->met_on);
      const char *cells[] = { s->name, s->organisation, s->sector, date };
      /* Keep a person's row with the notes under it when they are short. */
      if (has_text (s->notes))
        {
          double h = text_height (r, s->notes, PT_TABLE, body_width (r) - 10) + 40;
          if (h < 0.3 * (r->bottom - r->top))
            ensure_space (r, h);
        }
      table_row (r, &t, cells, styles, i % 2 == 1);
      if (has_text (s->notes))
        table_span_row (r, &t, s->notes, i % 2 == 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Appendix */

static void
labelled (Report     *r,
          const char *label,
          const char *value,
          int         style,
          guint32     color)
{
  const double label_w = 92;
  double w = body_width (r);
  Row row = { 0, 1.5, FALSE, FALSE, NULL, NULL };
  Cell cells[2] = {
    { text_layout (r, label, PT_SMALL, STYLE_BOLD, COLOR_MUTED, label_w - 8, PANGO_ALIGN_LEFT), label_w, 0, FALSE },
    { text_layout (r, value, PT_TABLE, style, color, w - label_w, PANGO_ALIGN_LEFT), w - label_w, 0, FALSE },
  };
  flow_row (r, cells, 2, &row);
}

static void
appendix_question (Report             *r,
                   const CirtQuestion *q)
{
  const CirtAnswer *a = cirt_assessment_data_answer (r->data, q);
  g_autofree char *words = cirt_export_answer_words (r->l, q, a);
  double score = cirt_export_answer_score (q, a);
  gboolean answered = a != NULL && (a->value != NULL || a->not_applicable);
  const double id_w = 70;
  double w = body_width (r);
  Rich rt;

  ensure_space (r, 56);
  rich_init (&rt);
  rich_append (&rt, cirt_text_get (q->text, r->lang), PT_TABLE, STYLE_BOLD, COLOR_INK);
  if (q->critical)
    {
      rich_append (&rt, "  ", PT_SMALL, STYLE_REGULAR, COLOR_WARNING);
      rich_append (&rt, S (r, CIRT_STR_CRITICAL_MARK), PT_SMALL, STYLE_BOLD, COLOR_WARNING);
    }
  {
    Row row = { 4, 3, FALSE, TRUE, NULL, NULL };
    Cell cells[2] = {
      { text_layout (r, q->id, PT_TABLE, STYLE_BOLD, COLOR_NAVY, id_w - 8, PANGO_ALIGN_LEFT), id_w, COLOR_BAND, TRUE },
      { rich_layout (r, &rt, w - id_w - 8, PT_TABLE, PANGO_ALIGN_LEFT), w - id_w, COLOR_BAND, TRUE },
    };
    flow_row (r, cells, 2, &row);
  }
  rich_clear (&rt);
  r->y += 3;

  if (!isnan (score))
    {
      g_autofree char *s = cirt_lang_format_score (r->l, score);
      g_autofree char *t = g_strdup_printf ("%s   (%s %s / 100)", words, S (r, CIRT_STR_LABEL_SCORE), s);
      labelled (r, S (r, CIRT_STR_LABEL_ANSWER), t, STYLE_REGULAR, COLOR_INK);
    }
  else
    labelled (r, S (r, CIRT_STR_LABEL_ANSWER), words, answered ? STYLE_REGULAR : STYLE_ITALIC,
              answered ? COLOR_INK : COLOR_MUTED);
  if (a != NULL)
    {
      if (has_text (a->notes))
        labelled (r, S (r, CIRT_STR_LABEL_NOTES), a->notes, STYLE_REGULAR, COLOR_INK);
      if (has_text (a->evidence))
        labelled (r, S (r, CIRT_STR_LABEL_EVIDENCE), a->evidence, STYLE_REGULAR, COLOR_INK);
      if (has_text (a->source))
        labelled (r, S (r, CIRT_STR_LABEL_SOURCE), a->source, STYLE_REGULAR, COLOR_INK);
      if (has_text (a->author) || has_text (a->updated_at))
        {
          g_autofree char *date = a->updated_at ? g_strndup (a->updated_at, 10) : NULL;
          g_autofree char *nice = cirt_lang_format_date (r->l, date);
          g_autofree char *t = cirt_lang_expand (S (r, CIRT_STR_LABEL_BY), a->author ? a->author : "—",
                                                   nice ? nice : "—", NULL, NULL);
          labelled (r, "", t, STYLE_ITALIC, COLOR_MUTED);
        }
    }
  r->y += 9;
}

static void
appendix (Report *r,
          guint   toc_index)
{
  GPtrArray *instruments = cirt_score_get_instruments (r->score);

  chapter (r, toc_index);
  paragraph (r, S (r, CIRT_STR_APPENDIX_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autofree char *head = g_strdup_printf ("%s (%s %s)", cirt_instrument_get_title (inst, r->lang),
                                               cirt_instrument_get_id (inst), cirt_instrument_get_version (inst));
      heading2 (r, head);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          g_autofree char *title = g_strdup_printf ("%s · %s", cirt_text_get (sec->title, r->lang),
                                                    cirt_lang_pillar_title (r->l, sec->pillar));
          heading3 (r, title, 70);
          for (guint qi = 0; qi < sec->questions->len; qi++)
            appendix_question (r, g_ptr_array_index (sec->questions, qi));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Passes */

static void
build_toc (Report *r)
{
  guint number = 1;

#define ADD_ENTRY(num, text) G_STMT_START { \
    TocEntry e = { (num), g_strdup (text), 0 }; \
    g_array_append_val (r->toc, e); \
  } G_STMT_END

  ADD_ENTRY (g_strdup_printf ("%u", number++), S (r, CIRT_STR_EXEC_SUMMARY));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (cirt_score_get_pillar (r->score, p)->used)
      ADD_ENTRY (g_strdup_printf ("%u", number++), cirt_lang_pillar_title (r->l, p));
  ADD_ENTRY (g_strdup_printf ("%u", number++), S (r, CIRT_STR_ROADMAP));
  ADD_ENTRY (g_strdup_printf ("%u", number++), S (r, CIRT_STR_METHODOLOGY));
  ADD_ENTRY (g_strdup_printf ("%u", number++), S (r, CIRT_STR_STAKEHOLDERS_MET));
  ADD_ENTRY (g_strdup ("A"), S (r, CIRT_STR_APPENDIX));
#undef ADD_ENTRY
}

/* Lays the whole document out into recorded pages. */
static void
layout_document (Report *r)
{
  guint index = 0;
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);

  r->pango = pango_cairo_create_context (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  /* Unhinted metrics: the layout depends on the text, not on the surface. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r->pango, fo);
  cairo_font_options_destroy (fo);
  r->page = 0;

  cover (r);
  contents (r);
  executive_summary (r, index++);
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (cirt_score_get_pillar (r->score, p)->used)
      pillar_chapter (r, index++, p);
  roadmap (r, index++);
  methodology (r, index++);
  stakeholders (r, index++);
  appendix (r, index++);
  g_clear_pointer (&r->cr, cairo_destroy);
  r->n_pages = r->page;
}

/* What depends on the pages that follow, drawn on finished page @page. */
static void
draw_notes (Report *r,
            int     page)
{
  page_furniture (r, page);
  for (guint i = 0; i < r->toc_marks->len; i++)
    {
      TocMark *m = &g_array_index (r->toc_marks, TocMark, i);
      TocEntry *e = &g_array_index (r->toc, TocEntry, m->entry);
      g_autofree char *number = NULL;
      g_autofree char *attrs = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      if (m->page != page || e->page <= 0)
        continue;
      number = g_strdup_printf ("%d", e->page);
      layout = text_layout (r, number, 11, STYLE_REGULAR, COLOR_INK, r->right - m->number_x, PANGO_ALIGN_RIGHT);
      show_layout (r, layout, m->number_x, m->y + 5);
      attrs = g_strdup_printf ("rect=[%.2f %.2f %.2f %.2f] page=%d", m->x, m->y, m->width, m->height, e->page);
      cairo_tag_begin (r->cr, CAIRO_TAG_LINK, attrs);
      cairo_tag_end (r->cr, CAIRO_TAG_LINK);
    }
}

static cairo_status_t
file_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return cirt_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (Report          *r,
              cairo_surface_t *surface)
{
  CirtAssessmentInfo *info = r->data->info;
  g_autofree char *subject = g_strdup_printf ("%s — %s", S (r, CIRT_STR_DOC_TITLE), info->country ? info->country : "");
  g_autofree char *keywords = g_strdup_printf ("%s, CIRT, %s", cirt_tlp_label (r->opts->tlp), info->country ? info->country : "");
  g_autofree char *creator = g_strdup_printf ("CIRT Assess %s", PACKAGE_VERSION);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title ? info->title : "");
  if (info->lead_assessor)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, info->lead_assessor);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Replays the recorded pages into the PDF. */
static cairo_status_t
paint_document (Report         *r,
                CirtAtomicFile *file)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (file_write, file, r->page_w, r->page_h);
  cairo_status_t status;

  set_metadata (r, surface);
  r->cr = cairo_create (surface);
  for (guint i = 0; i < r->pages->len; i++)
    {
      cairo_set_source_surface (r->cr, g_ptr_array_index (r->pages, i), 0, 0);
      cairo_paint (r->cr);
      draw_notes (r, (int) i + 1);
      cairo_show_page (r->cr);
    }
  for (guint i = 0; i < r->toc->len; i++)
    {
      TocEntry *e = &g_array_index (r->toc, TocEntry, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", e->number, e->title);
      g_autofree char *dest = g_strdup_printf ("page=%d", e->page);
      if (e->page > 0)
        cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, label, dest, 0);
    }
  status = cairo_status (r->cr);
  g_clear_pointer (&r->cr, cairo_destroy);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->pages, g_ptr_array_unref);
  g_clear_pointer (&r->toc, g_array_unref);
  g_clear_pointer (&r->toc_marks, g_array_unref);
  g_clear_pointer (&r->cr, cairo_destroy);
  g_clear_object (&r->pango);
  g_clear_pointer (&r->running_title, g_free);
  g_clear_pointer (&r->doc_date, g_free);
}

gboolean
cirt_report_write_pdf (CirtAssessmentData      *data,
                       const CirtExportOptions *options,
                       const char              *path,
                       guint                   *n_pages,
                       GError                 **error)
{
  CirtExportOptions defaults;
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autoptr(GError) write_error = NULL;
  Report r = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    {
      cirt_export_options_init (&defaults);
      options = &defaults;
    }
  if (!cirt_export_options_check (options, error))
    return FALSE;
  if ((file = cirt_atomic_file_new (path, error)) == NULL)
    return FALSE;

  r.data = data;
  r.opts = options;
  r.l = cirt_lang_get (options->lang);
  r.lang = cirt_lang_get_code (r.l);
  r.score = data->score;
  cirt_paper_get_size (options->paper, &r.page_w, &r.page_h);
  r.left = 62;
  r.right = r.page_w - 62;
  r.top = 72;
  r.bottom = r.page_h - 64;
  r.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  r.toc = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  g_array_set_clear_func (r.toc, toc_entry_clear);
  r.toc_marks = g_array_new (FALSE, TRUE, sizeof (TocMark));
  r.running_title = g_strdup_printf ("%s · %s", data->info->country ? data->info->country : "",
                                     S (&r, CIRT_STR_DOC_TITLE));
  r.doc_date = cirt_lang_format_date (r.l, data->loaded_on);
  build_toc (&r);

  layout_document (&r);
  status = paint_document (&r, file);
  if (n_pages)
    *n_pages = (guint) r.n_pages;
  report_clear (&r);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* The first failed write names the reason (a full disk…). */
      if (!cirt_atomic_file_write (file, "", 0, &write_error))
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot write the report %s: %s"),
                       display, cairo_status_to_string (status));
        }
      return FALSE;
    }
  return cirt_atomic_file_commit (g_steal_pointer (&file), error);
}
