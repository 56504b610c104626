/* cirt-report-layout.c — the report's layout engine: text, pages, rows
 * that flow from page to page, headings and tables
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is measured with pango in the report's unhinted context (rich text
 * of runs with their own size, style and colour); pages are recorded one
 * after the other, with the header and footer drawn on them once the page
 * count is known; a row of cells is laid out from the current position
 * and continued line by line on the pages that follow, which is how
 * paragraphs, notices, bullets, headings and table rows are set; tables
 * repeat their header after a page break. */
#include "config.h"

#include "cirt-report-private.h"

#define LINE_SPACING 1.18

/* ------------------------------------------------------------------------ */
/* Text */

void
_cirt_report_rich_init (Rich *rt)
{
  rt->text = g_string_new (NULL);
  rt->attrs = pango_attr_list_new ();
}

void
_cirt_report_rich_clear (Rich *rt)
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

void
_cirt_report_rich_append (Rich       *rt,
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

PangoLayout *
_cirt_report_rich_layout (Report         *r,
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
PangoLayout *
_cirt_report_text_layout (Report         *r,
                          const char     *text,
                          double          size,
                          int             style,
                          guint32         color,
                          double          width,
                          PangoAlignment  align)
{
  Rich rt;
  PangoLayout *layout;

  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, text, size, style, color);
  layout = _cirt_report_rich_layout (r, &rt, width, size, align);
  _cirt_report_rich_clear (&rt);
  return layout;
}

double
_cirt_report_text_height (Report     *r,
                          const char *text,
                          double      size,
                          double      width)
{
  g_autoptr(PangoLayout) layout = _cirt_report_text_layout (r, text, size, STYLE_REGULAR, COLOR_INK, width,
                                                            PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

void
_cirt_report_set_rgb (cairo_t *cr,
                      guint32  color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xFF) / 255.0, ((color >> 8) & 0xFF) / 255.0, (color & 0xFF) / 255.0);
}

double
_cirt_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

double
_cirt_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* In a right-to-left report the page is drawn mirrored (x → page width −
 * x): the layout engine and the chapters place everything from the left, as
 * for any language, and the pages come out right to left, tables and the
 * page furniture included. */
void
_cirt_report_mirror (Report *r)
{
  if (!r->rtl)
    return;
  cairo_translate (r->cr, r->page_w, 0);
  cairo_scale (r->cr, -1, 1);
}

/* Text is not mirrored: within a mirrored page, the box [x, x + width] is
 * drawn the right way round at its mirrored place. Leaves the point at the
 * box's top left, in the box's own coordinates. */
static void
unmirror_box (Report *r,
              double  x,
              double  y,
              double  width)
{
  if (r->rtl)
    {
      cairo_translate (r->cr, x + width, y);
      cairo_scale (r->cr, -1, 1);
    }
  else
    cairo_translate (r->cr, x, y);
}

void
_cirt_report_begin_box (Report *r,
                        double  x,
                        double  y,
                        double  width)
{
  cairo_save (r->cr);
  unmirror_box (r, x, y, width);
}

void
_cirt_report_end_box (Report *r)
{
  cairo_restore (r->cr);
}

void
_cirt_report_show_layout (Report      *r,
                          PangoLayout *layout,
                          double       x,
                          double       y)
{
  double width = pango_layout_get_width (layout) > 0 ? pango_layout_get_width (layout) / (double) PANGO_SCALE
                                                     : _cirt_report_layout_width (layout);

  _cirt_report_begin_box (r, x, y, width);
  cairo_move_to (r->cr, 0, 0);
  pango_cairo_show_layout (r->cr, layout);
  _cirt_report_end_box (r);
}

const char *
_cirt_report_str (Report     *r,
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
  g_autoptr(PangoLayout) layout = _cirt_report_text_layout (r, cirt_tlp_label (r->opts->tlp), size, STYLE_BOLD,
                                                            cirt_tlp_color (r->opts->tlp), 400, PANGO_ALIGN_LEFT);
  double w = _cirt_report_layout_width (layout), h = _cirt_report_layout_height (layout);
  double pad_x = size * 0.55, pad_y = size * 0.22;
  double bx = align_right ? x - w - 2 * pad_x : x;

  cairo_rectangle (r->cr, bx, y, w + 2 * pad_x, h + 2 * pad_y);
  cairo_set_source_rgb (r->cr, 0, 0, 0);
  cairo_fill (r->cr);
  _cirt_report_show_layout (r, layout, bx + pad_x, y + pad_y);
  return h + 2 * pad_y;
}

void
_cirt_report_hrule (Report  *r,
                    double   x1,
                    double   x2,
                    double   y,
                    double   width,
                    guint32  color)
{
  cairo_move_to (r->cr, x1, y);
  cairo_line_to (r->cr, x2, y);
  cairo_set_line_width (r->cr, width);
  _cirt_report_set_rgb (r->cr, color);
  cairo_stroke (r->cr);
}

/* Header and footer: the TLP marking top and bottom of every page (FIRST
 * TLP 2.0 asks for both), the running title and "Page N of M". Drawn on
 * the finished page @page. */
void
_cirt_report_page_furniture (Report *r,
                             int     page)
{
  gboolean cover = page == 1;
  double header_y = 26, footer_y = r->page_h - 40;

  draw_tlp_badge (r, r->right, header_y, 7.5, TRUE);
  if (!cover)
    {
      g_autoptr(PangoLayout) run = _cirt_report_text_layout (r, r->running_title, 7.5, STYLE_REGULAR, COLOR_MUTED,
                                                             (r->right - r->left) * 0.75, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (run, PANGO_ELLIPSIZE_END);
      _cirt_report_show_layout (r, run, r->left, header_y + 1);
      _cirt_report_hrule (r, r->left, r->right, header_y + 18, 0.5, COLOR_RULE);
      _cirt_report_hrule (r, r->left, r->right, footer_y - 8, 0.5, COLOR_RULE);
    }
  draw_tlp_badge (r, r->left, footer_y, 7.5, FALSE);
  {
    g_autofree char *n = g_strdup_printf ("%d", page);
    g_autofree char *m = g_strdup_printf ("%d", r->n_pages);
    g_autofree char *text = cirt_lang_expand (_cirt_report_str (r, CIRT_STR_PAGE_N_OF_M), n, m, NULL, NULL);
    g_autoptr(PangoLayout) num = _cirt_report_text_layout (r, text, 7.5, STYLE_REGULAR, COLOR_MUTED, 200,
                                                           PANGO_ALIGN_CENTER);
    g_autoptr(PangoLayout) date = _cirt_report_text_layout (r, r->doc_date, 7.5, STYLE_REGULAR, COLOR_MUTED, 200,
                                                            PANGO_ALIGN_RIGHT);
    _cirt_report_show_layout (r, num, (r->left + r->right) / 2 - 100, footer_y + 1);
    _cirt_report_show_layout (r, date, r->right - 200, footer_y + 1);
  }
}

void
_cirt_report_new_page (Report *r)
{
  cairo_rectangle_t extents = { 0, 0, r->page_w, r->page_h };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&r->cr, cairo_destroy);
  g_ptr_array_add (r->pages, page);
  r->cr = cairo_create (page);
  _cirt_report_mirror (r);
  r->page++;
  r->y = r->top;
}

static gboolean
at_page_top (Report *r)
{
  return r->y <= r->top + 0.5;
}

void
_cirt_report_ensure_space (Report *r,
                           double  height)
{
  if (r->y + height > r->bottom && !at_page_top (r))
    _cirt_report_new_page (r);
}

/* ------------------------------------------------------------------------ */
/* Rows: the one thing that flows */

typedef struct {
  double           y;          /* top of the line in layout coordinates */
  double           height;
  double           baseline;   /* in layout coordinates */
  double           x;
  double           width;      /* logical */
  PangoLayoutLine *line;
} LineInfo;

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
      li.width = logical.width / (double) PANGO_SCALE;
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
void
_cirt_report_flow_row (Report     *r,
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
              _cirt_report_new_page (r);
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
                  _cirt_report_set_rgb (r->cr, cells[i].fill);
                  cairo_fill (r->cr);
                }
              if (style->grid)
                {
                  cairo_rectangle (r->cr, x, r->y, cells[i].width, chunk + 2 * style->pad_y);
                  cairo_set_line_width (r->cr, 0.4);
                  _cirt_report_set_rgb (r->cr, COLOR_RULE);
                  cairo_stroke (r->cr);
                }
              if (end[i] > next[i])
                {
                  double base = g_array_index (lines[i], LineInfo, next[i]).y;
                  /* Text colour comes from the runs' foreground attributes. */
                  _cirt_report_set_rgb (r->cr, COLOR_INK);
                  for (guint k = next[i]; k < end[i]; k++)
                    {
                      LineInfo *li = &g_array_index (lines[i], LineInfo, k);
                      _cirt_report_begin_box (r, x + style->pad_x + li->x,
                                              r->y + style->pad_y + li->baseline - base, li->width);
                      cairo_move_to (r->cr, 0, 0);
                      pango_cairo_show_layout_line (r->cr, li->line);
                      _cirt_report_end_box (r);
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
      _cirt_report_new_page (r);
      if (style->header)
        style->header (r, style->header_data);
    }

  for (guint i = 0; i < n; i++)
    {
      g_array_unref (lines[i]);
      g_clear_object (&cells[i].layout);
    }
}

double
_cirt_report_body_width (Report *r)
{
  return r->right - r->left;
}

static void
paragraph_rich (Report *r,
                Rich   *rt,
                double  size,
                double  space_after)
{
  Cell cell = { _cirt_report_rich_layout (r, rt, _cirt_report_body_width (r), size, PANGO_ALIGN_LEFT),
                _cirt_report_body_width (r), 0, FALSE };
  _cirt_report_flow_row (r, &cell, 1, &ROW_PLAIN);
  r->y += space_after;
}

void
_cirt_report_paragraph (Report     *r,
                        const char *text,
                        double      size,
                        int         style,
                        guint32     color,
                        double      space_after)
{
  Rich rt;

  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, text, size, style, color);
  paragraph_rich (r, &rt, size, space_after);
  _cirt_report_rich_clear (&rt);
}

/* A tinted box around a paragraph (notices). */
void
_cirt_report_notice_box (Report     *r,
                         const char *text)
{
  const double pad = 7;
  Row row = { pad, pad - 1, FALSE, TRUE, NULL, NULL };
  Cell cell = { _cirt_report_text_layout (r, text, PT_BODY, STYLE_REGULAR, COLOR_WARNING,
                                          _cirt_report_body_width (r) - 2 * pad, PANGO_ALIGN_LEFT),
                _cirt_report_body_width (r), COLOR_WARNING_BG, TRUE };

  _cirt_report_flow_row (r, &cell, 1, &row);
  r->y += 6;
}

void
_cirt_report_bullet (Report     *r,
                     const char *text)
{
  Cell cells[2] = {
    { _cirt_report_text_layout (r, "•", PT_BODY, STYLE_BOLD, COLOR_NAVY, 12, PANGO_ALIGN_LEFT), 14, 0, FALSE },
    { _cirt_report_text_layout (r, text, PT_BODY, STYLE_REGULAR, COLOR_INK, _cirt_report_body_width (r) - 14,
                                PANGO_ALIGN_LEFT),
      _cirt_report_body_width (r) - 14, 0, FALSE },
  };
  _cirt_report_flow_row (r, cells, 2, &ROW_PLAIN);
  r->y += 3;
}

/* ------------------------------------------------------------------------ */
/* Headings */

void
_cirt_report_toc_entry_clear (gpointer p)
{
  TocEntry *e = p;
  g_free (e->number);
  g_free (e->title);
}

void
_cirt_report_chapter (Report *r,
                      guint   index)
{
  TocEntry *e = &g_array_index (r->toc, TocEntry, index);
  double w = _cirt_report_body_width (r);
  Rich rt;
  PangoLayout *layout;

  _cirt_report_new_page (r);
  e->page = r->page;

  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, e->number, PT_H1, STYLE_BOLD, COLOR_NAVY_LIGHT);
  _cirt_report_rich_append (&rt, "  ", PT_H1, STYLE_BOLD, COLOR_NAVY);
  _cirt_report_rich_append (&rt, e->title, PT_H1, STYLE_BOLD, COLOR_NAVY);
  layout = _cirt_report_rich_layout (r, &rt, w, PT_H1, PANGO_ALIGN_LEFT);
  _cirt_report_rich_clear (&rt);
  r->y += 6;
  {
    Cell cell = { layout, w, 0, FALSE };
    _cirt_report_flow_row (r, &cell, 1, &ROW_PLAIN);
  }
  r->y += 6;
  _cirt_report_hrule (r, r->left, r->left + 64, r->y, 2.5, COLOR_NAVY);
  r->y += 18;
}

void
_cirt_report_heading2_keep (Report     *r,
                            const char *text,
                            double      keep_with)
{
  g_autoptr(PangoLayout) probe = NULL;
  double h;

  probe = _cirt_report_text_layout (r, text, PT_H2, STYLE_BOLD, COLOR_NAVY, _cirt_report_body_width (r),
                                    PANGO_ALIGN_LEFT);
  h = _cirt_report_layout_height (probe);
  /* Keep a heading with what follows it. */
  _cirt_report_ensure_space (r, h + 14 + keep_with);
  if (!at_page_top (r))
    r->y += 10;
  {
    Cell cell = { g_steal_pointer (&probe), _cirt_report_body_width (r), 0, FALSE };
    _cirt_report_flow_row (r, &cell, 1, &ROW_KEEP);
  }
  r->y += 2;
  _cirt_report_hrule (r, r->left, r->right, r->y, 0.6, COLOR_RULE);
  r->y += 7;
}

void
_cirt_report_heading2 (Report     *r,
                       const char *text)
{
  _cirt_report_heading2_keep (r, text, 60);
}

void
_cirt_report_heading3 (Report     *r,
                       const char *text,
                       double      keep_with)
{
  g_autoptr(PangoLayout) probe = _cirt_report_text_layout (r, text, PT_H3, STYLE_BOLD, COLOR_INK,
                                                           _cirt_report_body_width (r), PANGO_ALIGN_LEFT);
  double h = _cirt_report_layout_height (probe);

  _cirt_report_ensure_space (r, h + 6 + keep_with);
  if (!at_page_top (r))
    r->y += 6;
  {
    Cell cell = { g_steal_pointer (&probe), _cirt_report_body_width (r), 0, FALSE };
    _cirt_report_flow_row (r, &cell, 1, &ROW_KEEP);
  }
  r->y += 4;
}

/* ------------------------------------------------------------------------ */
/* Tables */

static void
table_header (Report  *r,
              gpointer data)
{
  const Table *t = data;
  Row row = { 5, 4, FALSE, TRUE, NULL, NULL };
  g_autofree Cell *cells = g_new0 (Cell, t->n);

  for (guint i = 0; i < t->n; i++)
    {
      double w = t->fractions[i] * _cirt_report_body_width (r);
      /* "Score (0–100)" breaks at the space, not at the dash. */
      g_auto(GStrv) parts = g_strsplit (t->titles[i], "–", -1);
      g_autofree char *title = g_strjoinv ("\u2060–\u2060", parts);
      cells[i].width = w;
      cells[i].layout = _cirt_report_text_layout (r, title, PT_SMALL, STYLE_BOLD, COLOR_WHITE, w - 2 * row.pad_x,
                                                  t->align ? t->align[i] : PANGO_ALIGN_LEFT);
      cells[i].fill = COLOR_NAVY;
      cells[i].has_fill = TRUE;
    }
  _cirt_report_flow_row (r, cells, t->n, &row);
}

/* @keep: height the table needs to stay on one page when it is short
 * (0: just the header and a couple of rows). */
void
_cirt_report_table_begin (Report      *r,
                          const Table *t,
                          double       keep)
{
  _cirt_report_ensure_space (r, MAX (60, keep));
  table_header (r, (gpointer) t);
}

/* @texts: one per column (NULL = empty); @styles may be NULL. */
void
_cirt_report_table_row (Report             *r,
                        const Table        *t,
                        const char * const *texts,
                        const int          *styles,
                        gboolean            zebra)
{
  Row row = { 5, 3.5, FALSE, FALSE, table_header, (gpointer) t };
  g_autofree Cell *cells = g_new0 (Cell, t->n);

  for (guint i = 0; i < t->n; i++)
    {
      double w = t->fractions[i] * _cirt_report_body_width (r);
      cells[i].width = w;
      cells[i].layout = _cirt_report_text_layout (r, texts[i] ? texts[i] : "", PT_TABLE,
                                                  styles ? styles[i] : STYLE_REGULAR, COLOR_INK, w - 2 * row.pad_x,
                                                  t->align ? t->align[i] : PANGO_ALIGN_LEFT);
      cells[i].fill = COLOR_ZEBRA;
      cells[i].has_fill = zebra;
    }
  _cirt_report_flow_row (r, cells, t->n, &row);
  _cirt_report_hrule (r, r->left, r->right, r->y, 0.3, COLOR_RULE);
}

/* A full-width row under a table row (stakeholder notes). */
void
_cirt_report_table_span_row (Report      *r,
                             const Table *t,
                             const char  *text,
                             gboolean     zebra)
{
  Row row = { 5, 3.5, FALSE, FALSE, table_header, (gpointer) t };
  Cell cell = { _cirt_report_text_layout (r, text, PT_TABLE, STYLE_ITALIC, COLOR_MUTED,
                                          _cirt_report_body_width (r) - 10, PANGO_ALIGN_LEFT),
                _cirt_report_body_width (r), COLOR_ZEBRA, zebra };
  _cirt_report_flow_row (r, &cell, 1, &row);
  _cirt_report_hrule (r, r->left, r->right, r->y, 0.3, COLOR_RULE);
}
