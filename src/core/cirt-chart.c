/* cirt-chart.c — the one drawing module: screen, PNG/SVG/PDF files and reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is laid out from the size it is given: text sizes follow the
 * width, labels are measured with pango before anything is placed, and the
 * radar shrinks until its pillar labels fit without overlapping or leaving
 * the area. Colours are the Okabe–Ito palette (safe for the common colour
 * vision deficiencies) and every series is also told apart by its line style
 * or marker, so the charts survive grey-scale printing.
 *
 * Text is in the report language (options->lang), not the UI language,
 * from the language layer (cirt-lang.h), as are the numbers: a report for a
 * ministry is often produced in a language other than the assessor's
 * desktop. */
#include "config.h"

#include "cirt-chart.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cirt-file.h"
#include "cirt-lang.h"
#include "cirt-style.h"

#define FONT_FAMILY CIRT_FONT_SANS

/* ------------------------------------------------------------------------ */
/* Palette                                                                  */

typedef struct {
  double r, g, b;
} Rgb;

#define HEX(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0 }

typedef struct {
  Rgb bg, fg, muted, grid, rim, band_a, band_b;
  Rgb level[CIRT_N_LEVELS];
  Rgb level_edge[CIRT_N_LEVELS];
  Rgb current, target, baseline;
  Rgb answered, unanswered, hatch;
} Palette;

/* Okabe–Ito: vermillion D55E00, orange E69F00, yellow F0E442, sky blue
 * 56B4E9, blue 0072B2, bluish green 009E73, reddish purple CC79A7. */
static const Palette palette_light = {
  .bg = HEX (0xffffff), .fg = HEX (0x1c1c1c), .muted = HEX (0x5e5c64), .grid = HEX (0xc0bfbc),
  .rim = HEX (0x9a9996), .band_a = HEX (0xf6f5f4), .band_b = HEX (0xffffff),
  .level = { HEX (CIRT_COLOR_LEVEL_1), HEX (CIRT_COLOR_LEVEL_2), HEX (CIRT_COLOR_LEVEL_3), HEX (CIRT_COLOR_LEVEL_4),
             HEX (CIRT_COLOR_LEVEL_5) },
  .level_edge = { HEX (0xa04600), HEX (0xad7700), HEX (0xa89f2e), HEX (0x3a87b5), HEX (0x004f7c) },
  .current = HEX (CIRT_COLOR_CURRENT), .target = HEX (CIRT_COLOR_TARGET), .baseline = HEX (CIRT_COLOR_BASELINE),
  .answered = HEX (CIRT_COLOR_ANSWERED), .unanswered = HEX (0xe8e6e3), .hatch = HEX (0xb8b5b0),
};

static const Palette palette_dark = {
  .bg = HEX (0x242424), .fg = HEX (0xf6f5f4), .muted = HEX (0xc0bfbc), .grid = HEX (0x5e5c64),
  .rim = HEX (0x8a8990), .band_a = HEX (0x2e2e32), .band_b = HEX (0x242424),
  .level = { HEX (CIRT_COLOR_LEVEL_1), HEX (CIRT_COLOR_LEVEL_2), HEX (CIRT_COLOR_LEVEL_3), HEX (CIRT_COLOR_LEVEL_4),
             HEX (CIRT_COLOR_LEVEL_5) },
  .level_edge = { HEX (0xff8a3d), HEX (0xffc04d), HEX (0xfff48a), HEX (0x9ad3f5), HEX (0x56b4e9) },
  /* On dark backgrounds the lighter blue and orange of the same palette. */
  .current = HEX (0x56b4e9), .target = HEX (0xe69f00), .baseline = HEX (CIRT_COLOR_BASELINE),
  .answered = HEX (CIRT_COLOR_ANSWERED), .unanswered = HEX (0x3d3846), .hatch = HEX (0x5e5c64),
};

/* ------------------------------------------------------------------------ */
/* Strings of the report language                                          */

typedef struct {
  const char *radar_title, *sections_title, *coverage_title;
  const char *current, *target, *baseline;
  const char *overall, *no_answers, *no_answers_yet, *not_assessed, *nothing_applicable, *not_scored;
  const char *capped, *provisional;
  char       *provisional_note;   /* owned: "under 80%" in the language's figures */
  const char *answered, *unanswered, *answered_lower, *na;
  const char *target_tick;
  char       *threshold_note;     /* owned */
  const char *no_sections;
} Strings;

static void
strings_init (Strings        *s,
              const CirtLang *l)
{
  g_autofree char *eighty = cirt_lang_format_percent (l, CIRT_SCORE_FIRM_COVERAGE);

  s->radar_title = cirt_lang_str (l, CIRT_STR_CHART_TITLE_RADAR);
  s->sections_title = cirt_lang_str (l, CIRT_STR_CHART_TITLE_SECTIONS);
  s->coverage_title = cirt_lang_str (l, CIRT_STR_CHART_TITLE_COVERAGE);
  s->current = cirt_lang_str (l, CIRT_STR_CHART_CURRENT);
  s->target = cirt_lang_str (l, CIRT_STR_CHART_TARGET);
  s->baseline = cirt_lang_str (l, CIRT_STR_CHART_BASELINE);
  s->overall = cirt_lang_str (l, CIRT_STR_CHART_OVERALL);
  s->no_answers = cirt_lang_str (l, CIRT_STR_CHART_NO_ANSWERS);
  s->no_answers_yet = cirt_lang_str (l, CIRT_STR_CHART_NO_ANSWERS_YET);
  s->not_assessed = cirt_lang_str (l, CIRT_STR_CHART_NOT_ASSESSED);
  s->nothing_applicable = cirt_lang_str (l, CIRT_STR_CHART_NOTHING_APPLICABLE);
  s->not_scored = cirt_lang_str (l, CIRT_STR_CHART_NOT_SCORED);
  s->capped = cirt_lang_str (l, CIRT_STR_CHART_CAPPED);
  s->provisional = cirt_lang_str (l, CIRT_STR_CHART_PROVISIONAL);
  s->provisional_note = cirt_lang_format (l, CIRT_STR_CHART_PROVISIONAL_NOTE, eighty, NULL, NULL, NULL);
  s->answered = cirt_lang_str (l, CIRT_STR_CHART_ANSWERED);
  s->unanswered = cirt_lang_str (l, CIRT_STR_CHART_UNANSWERED);
  s->answered_lower = cirt_lang_str (l, CIRT_STR_CHART_ANSWERED_LOWER);
  s->na = cirt_lang_str (l, CIRT_STR_CHART_NA);
  s->target_tick = cirt_lang_str (l, CIRT_STR_CHART_TARGET_TICK);
  s->threshold_note = cirt_lang_format (l, CIRT_STR_CHART_THRESHOLD_NOTE, eighty, NULL, NULL, NULL);
  s->no_sections = cirt_lang_str (l, CIRT_STR_CHART_NO_SECTIONS);
}

static void
strings_clear (Strings *s)
{
  g_clear_pointer (&s->provisional_note, g_free);
  g_clear_pointer (&s->threshold_note, g_free);
}

/* ------------------------------------------------------------------------ */
/* Drawing context                                                          */

typedef struct {
  double x, y, w, h;
} Box;

typedef struct {
  cairo_t                *cr;
  PangoContext           *pango;
  const Palette          *pal;
  const Strings          *str;
  Strings                 strings;
  const char             *lang;      /* code, for instrument texts */
  const CirtLang         *l;
  CirtScore              *score;
  CirtInstrument         *first;     /* thresholds of pillars and overall */
  const CirtChartOptions *opt;
  double                  width;
  double                  base;      /* body text size in user units */
  double                  margin;
} Chart;

static const CirtChartOptions default_options = { NULL, FALSE, NULL, 1.0, FALSE };

/* Body text follows the width: 11 px at 400 px and below (still readable),
 * 20 px at 1040 px and above; 12.5 pt on an A4 page width. */
static double
base_size (const CirtChartOptions *opt,
           double                  extent)
{
  double scale = opt->font_scale > 0 ? opt->font_scale : 1.0;
  return CLAMP (extent / 52.0, 11.0, 20.0) * scale;
}

static void
chart_init (Chart                  *c,
            cairo_t                *cr,
            CirtScore              *score,
            const CirtChartOptions *opt,
            double                  width,
            double                  extent)
{
  cairo_font_options_t *fo = cairo_font_options_create ();

  memset (c, 0, sizeof *c);
  c->cr = cr;
  c->opt = opt ? opt : &default_options;
  c->l = cirt_lang_get (c->opt->lang);
  c->lang = cirt_lang_get_code (c->l);
  strings_init (&c->strings, c->l);
  c->str = &c->strings;
  c->pal = c->opt->dark ? &palette_dark : &palette_light;
  c->score = score;
  c->first = g_ptr_array_index (cirt_score_get_instruments (score), 0);
  c->width = width;
  c->base = base_size (c->opt, extent);
  c->margin = round (c->base * 0.9);

  /* Unhinted metrics: text measures the same on every surface and at every
   * scale, so layouts (and the radar geometry) do not depend on the target. */
  c->pango = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (c->pango, fo);
  cairo_font_options_destroy (fo);
}

static void
chart_clear (Chart *c)
{
  g_clear_object (&c->pango);
  strings_clear (&c->strings);
}

static void
set_rgb (cairo_t    *cr,
         const Rgb  *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static void
set_rgba (cairo_t   *cr,
          const Rgb *rgb,
          double     alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

static char *
rgb_hex (const Rgb *rgb)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (rgb->r * 255), (int) lround (rgb->g * 255),
                          (int) lround (rgb->b * 255));
}

static PangoLayout *
make_layout (Chart          *c,
             const char     *text,
             gboolean        markup,
             double          size,
             PangoWeight     weight,
             double          wrap,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (c->pango);
  PangoFontDescription *fd = pango_font_description_new ();

  pango_font_description_set_family (fd, FONT_FAMILY);
  pango_font_description_set_absolute_size (fd, size * PANGO_SCALE);
  pango_font_description_set_weight (fd, weight);
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  if (wrap > 0)
    {
      pango_layout_set_width (layout, (int) (wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

/* The logical box of the text, in user units. */
static Box
layout_box (PangoLayout *layout)
{
  PangoRectangle log;

  pango_layout_get_extents (layout, NULL, &log);
  return (Box) { (double) log.x / PANGO_SCALE, (double) log.y / PANGO_SCALE,
                 (double) log.width / PANGO_SCALE, (double) log.height / PANGO_SCALE };
}

/* Draws @layout with the top-left of its logical box at (x, y). */
static void
show_layout (Chart       *c,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color)
{
  Box b = layout_box (layout);

  set_rgb (c->cr, color);
  cairo_move_to (c->cr, x - b.x, y - b.y);
  pango_cairo_show_layout (c->cr, layout);
}

static char *
format_number (const Chart *c,
               double       value,
               int          decimals)
{
  return cirt_lang_format_number (c->l, value, decimals);
}

static char *
format_percent (const Chart *c,
                double       fraction)
{
  return cirt_lang_format_percent (c->l, fraction);
}

static const char *
level_name (Chart          *c,
            CirtInstrument *thresholds,
            int             level)
{
  if (level < 1 || level > CIRT_N_LEVELS)
    return "";
  return cirt_text_get (cirt_instrument_get_level_info (thresholds, level)->name, c->lang);
}

static double
threshold (CirtInstrument *thresholds,
           int             level)
{
  return cirt_instrument_get_level_info (thresholds, level)->min;
}

static void
paint_background (Chart  *c,
                  double  width,
                  double  height)
{
  if (c->opt->transparent)
    return;
  set_rgb (c->cr, &c->pal->bg);
  cairo_rectangle (c->cr, 0, 0, width, height);
  cairo_fill (c->cr);
}

/* Title and optional subtitle from the top margin; returns the y below them. */
typedef struct {
  PangoLayout *title;
  PangoLayout *subtitle;
} Header;

static void
header_init (Chart      *c,
             Header     *h,
             const char *title,
             const char *subtitle_markup)
{
  double wrap = c->width - 2 * c->margin;

  h->title = make_layout (c, title, FALSE, c->base * 1.3, PANGO_WEIGHT_BOLD, wrap, 2, PANGO_ALIGN_LEFT);
  h->subtitle = subtitle_markup
    ? make_layout (c, subtitle_markup, TRUE, c->base * 0.95, PANGO_WEIGHT_NORMAL, wrap, 3, PANGO_ALIGN_LEFT)
    : NULL;
}

static double
header_height (Chart  *c,
               Header *h)
{
  double y = c->margin + layout_box (h->title).h;
  if (h->subtitle)
    y += c->base * 0.2 + layout_box (h->subtitle).h;
  return y;
}

static void
header_draw (Chart  *c,
             Header *h)
{
  double y = c->margin;

  show_layout (c, h->title, c->margin, y, &c->pal->fg);
  y += layout_box (h->title).h + c->base * 0.2;
  if (h->subtitle)
    show_layout (c, h->subtitle, c->margin, y, &c->pal->muted);
}

static void
header_clear (Header *h)
{
  g_clear_object (&h->title);
  g_clear_object (&h->subtitle);
}

/* ------------------------------------------------------------------------ */
/* Legend: a row of swatches and labels, wrapped and centred                */

typedef enum {
  SWATCH_NONE,
  SWATCH_AREA,       /* filled area with a line and a dot: the current series */
  SWATCH_DASH,       /* dashed line: target */
  SWATCH_DOT,        /* dotted line with a diamond: earlier assessment */
  SWATCH_BOX,        /* filled box: a level colour, answered */
  SWATCH_HATCH,      /* hatched box: unanswered */
  SWATCH_TICK,       /* vertical tick: target on a bar */
  SWATCH_THRESHOLD,  /* dashed vertical line: the 80 % mark */
} SwatchKind;

typedef struct {
  SwatchKind   kind;
  Rgb          color;
  Rgb          edge;
  PangoLayout *text;
  double       x, y;    /* placed */
} LegendItem;

typedef struct {
  LegendItem items[12];
  guint      n;
  double     height;
} Legend;

static void
legend_add (Chart      *c,
            Legend     *legend,
            SwatchKind  kind,
            const Rgb  *color,
            const Rgb  *edge,
            const char *text)
{
  LegendItem *item;

  g_assert (legend->n < G_N_ELEMENTS (legend->items));
  item = &legend->items[legend->n++];
  item->kind = kind;
  item->color = color ? *color : c->pal->fg;
  item->edge = edge ? *edge : item->color;
  item->text = make_layout (c, text, FALSE, c->base * 0.9, PANGO_WEIGHT_NORMAL,
                            c->width - 2 * c->margin - 2.4 * c->base, 2, PANGO_ALIGN_LEFT);
}

static double
swatch_width (Chart      *c,
              SwatchKind  kind)
{
  switch (kind)
    {
    case SWATCH_NONE:
      return 0;
    case SWATCH_BOX:
    case SWATCH_HATCH:
      return c->base * 1.0;
    case SWATCH_TICK:
    case SWATCH_THRESHOLD:
      return c->base * 0.6;
    case SWATCH_AREA:
    case SWATCH_DASH:
    case SWATCH_DOT:
    default:
      return c->base * 2.0;
    }
}

/* Places the items in rows within the margins, starting at @y; returns the
 * height used. */
static double
legend_layout (Chart  *c,
               Legend *legend,
               double  y)
{
  double avail = c->width - 2 * c->margin, spacing = c->base * 1.1, top = y;
  guint row_start = 0;

  while (row_start < legend->n)
    {
      double row_w = 0, row_h = 0, x;
      guint end = row_start;

      for (; end < legend->n; end++)
        {
          LegendItem *it = &legend->items[end];
          double sw = swatch_width (c, it->kind);
          double w = sw + (sw > 0 ? c->base * 0.4 : 0) + layout_box (it->text).w;
          if (end > row_start && row_w + spacing + w > avail)
            break;
          row_w += (end > row_start ? spacing : 0) + w;
          row_h = MAX (row_h, layout_box (it->text).h);
        }
      x = c->margin + MAX (0, (avail - row_w) / 2);
      for (guint i = row_start; i < end; i++)
        {
          LegendItem *it = &legend->items[i];
          double sw = swatch_width (c, it->kind);
          Box tb = layout_box (it->text);

          it->x = x;
          it->y = y + (row_h - tb.h) / 2;
          x += sw + (sw > 0 ? c->base * 0.4 : 0) + tb.w + spacing;
        }
      y += row_h + c->base * 0.25;
      row_start = end;
    }
  legend->height = y - top;
  return legend->height;
}

static void
draw_marker_circle (cairo_t   *cr,
                    double     x,
                    double     y,
                    double     r,
                    const Rgb *fill,
                    const Rgb *ring)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 1.5, 0, 2 * G_PI);
  set_rgb (cr, ring);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgb (cr, fill);
  cairo_fill (cr);
}

static void
draw_marker_diamond (cairo_t   *cr,
                     double     x,
                     double     y,
                     double     r,
                     const Rgb *fill,
                     const Rgb *ring)
{
  for (int pass = 0; pass < 2; pass++)
    {
      double s = pass == 0 ? r + 1.5 : r;
      cairo_move_to (cr, x, y - s);
      cairo_line_to (cr, x + s, y);
      cairo_line_to (cr, x, y + s);
      cairo_line_to (cr, x - s, y);
      cairo_close_path (cr);
      set_rgb (cr, pass == 0 ? ring : fill);
      cairo_fill (cr);
    }
}

static void
hatch_box (Chart     *c,
           double     x,
           double     y,
           double     w,
           double     h,
           const Rgb *fill,
           const Rgb *hatch)
{
  cairo_t *cr = c->cr;
  double step = MAX (4.0, c->base * 0.45);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  set_rgb (cr, hatch);
  cairo_set_line_width (cr, 1.0);
  for (double d = -h; d < w + h; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
legend_draw (Chart  *c,
             Legend *legend)
{
  cairo_t *cr = c->cr;

  for (guint i = 0; i < legend->n; i++)
    {
      LegendItem *it = &legend->items[i];
      Box tb = layout_box (it->text);
      double sw = swatch_width (c, it->kind);
      double my = it->y + tb.h / 2, x = it->x;

      cairo_save (cr);
      switch (it->kind)
        {
        case SWATCH_NONE:
          break;
        case SWATCH_AREA:
          cairo_rectangle (cr, x, my - c->base * 0.35, sw, c->base * 0.7);
          set_rgba (cr, &it->color, 0.22);
          cairo_fill (cr);
          cairo_move_to (cr, x, my);
          cairo_line_to (cr, x + sw, my);
          set_rgb (cr, &it->color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          draw_marker_circle (cr, x + sw / 2, my, c->base * 0.3, &it->color, &c->pal->bg);
          break;
        case SWATCH_DASH:
          {
            double dash[] = { c->base * 0.5, c->base * 0.3 };
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            set_rgb (cr, &it->color);
            cairo_set_line_width (cr, 2.0);
            cairo_stroke (cr);
          }
          break;
        case SWATCH_DOT:
          {
            double dash[] = { 0.01, 4.0 };
            cairo_set_dash (cr, dash, 2, 0);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            set_rgb (cr, &it->color);
            cairo_set_line_width (cr, 2.5);
            cairo_stroke (cr);
            draw_marker_diamond (cr, x + sw / 2, my, c->base * 0.3, &it->color, &c->pal->bg);
          }
          break;
        case SWATCH_BOX:
          cairo_rectangle (cr, x + 0.5, my - sw / 2 + 0.5, sw - 1, sw - 1);
          set_rgb (cr, &it->color);
          cairo_fill_preserve (cr);
          set_rgb (cr, &it->edge);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          break;
        case SWATCH_HATCH:
          hatch_box (c, x, my - sw / 2, sw, sw, &it->color, &it->edge);
          break;
        case SWATCH_TICK:
          cairo_move_to (cr, x + sw / 2, my - c->base * 0.55);
          cairo_line_to (cr, x + sw / 2, my + c->base * 0.55);
          set_rgb (cr, &it->color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          break;
        case SWATCH_THRESHOLD:
          {
            double dash[] = { 3.0, 2.0 };
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x + sw / 2, my - c->base * 0.55);
            cairo_line_to (cr, x + sw / 2, my + c->base * 0.55);
            set_rgb (cr, &it->color);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
      show_layout (c, it->text, x + sw + (sw > 0 ? c->base * 0.4 : 0), it->y, &c->pal->fg);
    }
}

static void
legend_clear (Legend *legend)
{
  for (guint i = 0; i < legend->n; i++)
    g_clear_object (&legend->items[i].text);
  legend->n = 0;
}

/* "Overall 54.3 · Formative · provisional · capped at level 2 …" */
static char *
overall_markup (Chart *c)
{
  const CirtScoreValue *v = cirt_score_get_overall (c->score);
  g_autofree char *num = NULL;
  GString *s = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (!v->defined)
    {
      g_string_append_printf (s, "%s: %s", c->str->overall, c->str->no_answers_yet);
      text = g_string_free (s, FALSE);
      return g_markup_escape_text (text, -1);
    }
  num = format_number (c, v->score, 1);
  g_string_append_printf (s, "%s %s · %d %s", c->str->overall, num, v->level, level_name (c, c->first, v->level));
  if (v->provisional)
    g_string_append_printf (s, " · %s", c->str->provisional);
  if (cirt_score_get_capped_by (c->score)->len > 0 && cirt_score_get_uncapped_level (c->score) > v->level)
    g_string_append_printf (s, " · %s", c->str->capped);
  text = g_string_free (s, FALSE);
  return g_markup_escape_text (text, -1);
}

/* ------------------------------------------------------------------------ */
/* Radar                                                                    */

double
cirt_chart_radar_angle (CirtPillar pillar)
{
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, 0);
  return -G_PI / 2 + pillar * 2 * G_PI / CIRT_N_PILLARS;
}

typedef struct {
  Header       header;
  Legend       legend;
  PangoLayout *labels[CIRT_N_PILLARS];
  Box          boxes[CIRT_N_PILLARS];   /* placed, absolute */
  double       cx, cy, radius;
  double       natural_height;
  gboolean     any_provisional;
} Radar;

/* Places the five labels around a radar of radius @r centred at (0, 0).
 * Returns FALSE when two labels overlap. */
static gboolean
radar_place_labels (Chart  *c,
                    Radar  *rd,
                    double  r,
                    Box     boxes[CIRT_N_PILLARS],
                    Box    *bbox)
{
  double gap = c->base * 0.55, pad = c->base * 0.3;
  double x0 = -r, y0 = -r, x1 = r, y1 = r;

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      double a = cirt_chart_radar_angle (p), ux = cos (a), uy = sin (a);
      Box tb = layout_box (rd->labels[p]);
      double d = r + gap;
      Box b;

      /* Anchor the box by the side facing the centre, then push it out
       * along the axis until no corner cuts into the rim. */
      for (int i = 0; i < 400; i++)
        {
          double nx, ny;

          b.w = tb.w;
          b.h = tb.h;
          b.x = d * ux - tb.w * (1 - ux) / 2;
          b.y = d * uy - tb.h * (1 - uy) / 2;
          nx = CLAMP (0, b.x, b.x + b.w);
          ny = CLAMP (0, b.y, b.y + b.h);
          if (hypot (nx, ny) >= r + gap * 0.6)
            break;
          d += 1.0;
        }
      boxes[p] = b;
      x0 = MIN (x0, b.x);
      y0 = MIN (y0, b.y);
      x1 = MAX (x1, b.x + b.w);
      y1 = MAX (y1, b.y + b.h);
    }
  *bbox = (Box) { x0, y0, x1 - x0, y1 - y0 };

  for (guint i = 0; i < CIRT_N_PILLARS; i++)
    for (guint j = i + 1; j < CIRT_N_PILLARS; j++)
      if (boxes[i].x < boxes[j].x + boxes[j].w + pad && boxes[j].x < boxes[i].x + boxes[i].w + pad &&
          boxes[i].y < boxes[j].y + boxes[j].h + pad && boxes[j].y < boxes[i].y + boxes[i].h + pad)
        return FALSE;
  return TRUE;
}

static char *
radar_label_markup (Chart      *c,
                    CirtPillar  p,
                    gboolean   *provisional)
{
  const CirtPillarScore *ps = cirt_score_get_pillar (c->score, p);
  g_autofree char *muted = rgb_hex (&c->pal->muted);

  if (!ps->used || !ps->value.defined)
    return g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"%s\" style=\"italic\">%s</span>", cirt_lang_pillar_title (c->l, p),
                                    muted, ps->used ? c->str->no_answers : c->str->not_assessed);
  else
    {
      g_autofree char *num = format_number (c, ps->value.score, 1);
      *provisional |= ps->value.provisional;
      return g_markup_printf_escaped ("<b>%s</b>\n%s · %s%s", cirt_lang_pillar_title (c->l, p), num,
                                      level_name (c, c->first, ps->value.level),
                                      ps->value.provisional ? "\u00a0†" : "");
    }
}

/* Lays the radar out in @width × @height (@height ≤ 0: as tall as it needs
 * to be, which sets natural_height). */
static void
radar_layout (Chart  *c,
              Radar  *rd,
              double  width,
              double  height)
{
  g_autofree char *subtitle = overall_markup (c);
  gboolean any_target = FALSE;
  double top, bottom, avail_w, avail_h, wrap, r, hi;
  Box bbox = { 0 };

  memset (rd, 0, sizeof *rd);
  header_init (c, &rd->header, c->str->radar_title, subtitle);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    any_target |= cirt_score_get_pillar (c->score, p)->target > 0;

  /* Pillar titles wrap; the score line ("40.6 · Established †") should not,
   * unless it is wider than a third of the chart. */
  wrap = CLAMP ((width - 2 * c->margin) * 0.26, c->base * 6, c->base * 13);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      g_autofree char *markup = radar_label_markup (c, p, &rd->any_provisional);
      const char *nl = strchr (markup, '\n');
      g_autoptr(PangoLayout) second = make_layout (c, nl ? nl + 1 : "", TRUE, c->base, PANGO_WEIGHT_NORMAL, 0, 0,
                                                   PANGO_ALIGN_LEFT);
      wrap = MAX (wrap, MIN (ceil (layout_box (second).w) + 1, (width - 2 * c->margin) * 0.34));
    }
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      g_autofree char *markup = radar_label_markup (c, p, &rd->any_provisional);
      PangoAlignment align = fabs (cos (cirt_chart_radar_angle (p))) < 0.3 ? PANGO_ALIGN_CENTER
                             : cos (cirt_chart_radar_angle (p)) > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      rd->labels[p] = make_layout (c, markup, TRUE, c->base, PANGO_WEIGHT_NORMAL, wrap, 4, align);
    }

  legend_add (c, &rd->legend, SWATCH_AREA, &c->pal->current, NULL, c->str->current);
  if (any_target)
    legend_add (c, &rd->legend, SWATCH_DASH, &c->pal->target, NULL, c->str->target);
  if (c->opt->baseline)
    legend_add (c, &rd->legend, SWATCH_DOT, &c->pal->baseline, NULL, c->str->baseline);
  if (rd->any_provisional)
    legend_add (c, &rd->legend, SWATCH_NONE, NULL, NULL, c->str->provisional_note);
  legend_layout (c, &rd->legend, 0);

  top = header_height (c, &rd->header) + c->base * 0.8;
  avail_w = width - 2 * c->margin;
  bottom = height > 0 ? height - c->margin - rd->legend.height - c->base * 0.6 : G_MAXDOUBLE;
  avail_h = bottom - top;

  /* The largest radius whose labels fit and do not overlap; labels overlap
   * at small radii and overflow at large ones, so scan down from the top. */
  hi = MAX (c->base, avail_w / 2);
  if (height > 0)
    hi = MIN (hi, MAX (c->base, avail_h / 2));
  for (r = floor (hi * 2) / 2; r > c->base * 1.5; r -= 0.5)
    if (radar_place_labels (c, rd, r, rd->boxes, &bbox) && bbox.w <= avail_w && bbox.h <= avail_h)
      break;
  radar_place_labels (c, rd, r, rd->boxes, &bbox);

  rd->radius = r;
  rd->cx = c->margin + (avail_w - bbox.w) / 2 - bbox.x;
  if (height > 0)
    rd->cy = top + (avail_h - bbox.h) / 2 - bbox.y;
  else
    rd->cy = top - bbox.y;
  /* Whole pixels for the centre: crisp rings and axes on raster targets. */
  rd->cx = round (rd->cx);
  rd->cy = round (rd->cy);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      rd->boxes[p].x += rd->cx;
      rd->boxes[p].y += rd->cy;
    }
  rd->natural_height = ceil (top + bbox.h + c->base * 0.6 + rd->legend.height + c->margin);

  /* The legend sits at the bottom of the area. */
  {
    double ly = (height > 0 ? height : rd->natural_height) - c->margin - rd->legend.height;
    for (guint i = 0; i < rd->legend.n; i++)
      rd->legend.items[i].y += ly;
  }
}

static void
radar_clear (Radar *rd)
{
  header_clear (&rd->header);
  legend_clear (&rd->legend);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    g_clear_object (&rd->labels[p]);
}

static void
radar_point (Radar      *rd,
             CirtPillar  p,
             double      score,
             double     *x,
             double     *y)
{
  double a = cirt_chart_radar_angle (p), r = rd->radius * CLAMP (score, 0, 100) / 100.0;

  *x = rd->cx + r * cos (a);
  *y = rd->cy + r * sin (a);
}

typedef enum {
  SERIES_CURRENT,
  SERIES_TARGET,
  SERIES_BASELINE,
} SeriesKind;

/* @values: NAN where the pillar has no value. Edges join neighbouring
 * pillars that both have a value; an undefined pillar is a gap, never 0. */
static void
radar_series (Chart       *c,
              Radar       *rd,
              const double values[CIRT_N_PILLARS],
              SeriesKind   kind)
{
  cairo_t *cr = c->cr;
  const Rgb *color = kind == SERIES_CURRENT ? &c->pal->current
                     : kind == SERIES_TARGET ? &c->pal->target : &c->pal->baseline;
  double mr = MAX (3.5, c->base * 0.36);
  guint n_defined = 0;

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    n_defined += !isnan (values[p]);
  if (n_defined == 0)
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (kind == SERIES_CURRENT && n_defined >= 3)
    {
      gboolean started = FALSE;
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        {
          double x, y;
          if (isnan (values[p]))
            continue;
          radar_point (rd, p, values[p], &x, &y);
          if (!started)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          started = TRUE;
        }
      cairo_close_path (cr);
      set_rgba (cr, color, 0.22);
      cairo_fill (cr);
    }

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      guint q = (p + 1) % CIRT_N_PILLARS;
      double x0, y0, x1, y1;

      if (isnan (values[p]) || isnan (values[q]))
        continue;
      radar_point (rd, p, values[p], &x0, &y0);
      radar_point (rd, q, values[q], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
  set_rgb (cr, color);
  switch (kind)
    {
    case SERIES_CURRENT:
      cairo_set_line_width (cr, 2.5);
      break;
    case SERIES_TARGET:
      {
        double dash[] = { c->base * 0.55, c->base * 0.35 };
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_width (cr, 2.0);
      }
      break;
    case SERIES_BASELINE:
    default:
      {
        double dash[] = { 0.01, 4.5 };
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_width (cr, 2.5);
      }
      break;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      double x, y;
      if (isnan (values[p]))
        continue;
      radar_point (rd, p, values[p], &x, &y);
      switch (kind)
        {
        case SERIES_CURRENT:
          draw_marker_circle (cr, x, y, mr, color, &c->pal->bg);
          break;
        case SERIES_BASELINE:
          draw_marker_diamond (cr, x, y, mr * 0.9, color, &c->pal->bg);
          break;
        case SERIES_TARGET:
        default:
          /* A bar across the axis where the target level begins, wider
           * than the current series' marker so it shows when they meet. */
          {
            double a = cirt_chart_radar_angle (p);
            cairo_move_to (cr, x - mr * 2.2 * sin (a), y + mr * 2.2 * cos (a));
            cairo_line_to (cr, x + mr * 2.2 * sin (a), y - mr * 2.2 * cos (a));
            cairo_set_line_width (cr, 2.5);
            set_rgb (cr, color);
            cairo_stroke (cr);
          }
          break;
        }
    }
  cairo_restore (cr);
}

static void
radar_draw (Chart  *c,
            double  width,
            double  height)
{
  cairo_t *cr = c->cr;
  Radar rd;
  double current[CIRT_N_PILLARS], target[CIRT_N_PILLARS], baseline[CIRT_N_PILLARS];
  gboolean any_target = FALSE;

  radar_layout (c, &rd, width, height);
  header_draw (c, &rd.header);

  /* Level bands, outermost first, and their rings. */
  for (int level = CIRT_N_LEVELS; level >= 1; level--)
    {
      double outer = level == CIRT_N_LEVELS ? 100 : threshold (c->first, level + 1);
      cairo_new_path (cr);
      cairo_arc (cr, rd.cx, rd.cy, rd.radius * outer / 100, 0, 2 * G_PI);
      set_rgb (cr, (CIRT_N_LEVELS - level) % 2 == 0 ? &c->pal->band_a : &c->pal->band_b);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  for (int level = 2; level <= CIRT_N_LEVELS; level++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, rd.cx, rd.cy, rd.radius * threshold (c->first, level) / 100, 0, 2 * G_PI);
      set_rgb (cr, &c->pal->grid);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_arc (cr, rd.cx, rd.cy, rd.radius, 0, 2 * G_PI);
  set_rgb (cr, &c->pal->rim);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* Axes. */
  cairo_set_line_width (cr, 1.0);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      double a = cirt_chart_radar_angle (p);
      cairo_move_to (cr, rd.cx, rd.cy);
      cairo_line_to (cr, rd.cx + rd.radius * cos (a), rd.cy + rd.radius * sin (a));
    }
  set_rgb (cr, &c->pal->grid);
  cairo_stroke (cr);

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (c->score, p);
      current[p] = ps->value.defined ? ps->value.score : NAN;
      target[p] = ps->target > 0 ? threshold (c->first, ps->target) : NAN;
      any_target |= ps->target > 0;
      baseline[p] = NAN;
      if (c->opt->baseline)
        {
          const CirtPillarScore *bs = cirt_score_get_pillar (c->opt->baseline, p);
          baseline[p] = bs->value.defined ? bs->value.score : NAN;
        }
    }
  /* The current series last, on top: it is what the chart is about. */
  if (c->opt->baseline)
    radar_series (c, &rd, baseline, SERIES_BASELINE);
  if (any_target)
    radar_series (c, &rd, target, SERIES_TARGET);
  radar_series (c, &rd, current, SERIES_CURRENT);

  /* Level names in their bands, down the empty wedge between the two lower
   * axes, on a chip drawn over the series so neither the axes nor the data
   * shape run through the text. */
  for (int level = 1; level <= CIRT_N_LEVELS; level++)
    {
      double inner = threshold (c->first, level);
      double outer = level == CIRT_N_LEVELS ? 100 : threshold (c->first, level + 1);
      double band = rd.radius * (outer - inner) / 100, mid = rd.radius * (inner + outer) / 200;
      g_autoptr(PangoLayout) l = make_layout (c, level_name (c, c->first, level), FALSE, c->base * 0.72,
                                              PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_CENTER);
      Box b = layout_box (l);
      double x = rd.cx - b.w / 2, y = rd.cy + mid - b.h / 2;

      if (b.h > band * 0.95)
        continue;
      cairo_new_path (cr);
      cairo_rectangle (cr, x - 3, y, b.w + 6, b.h);
      set_rgba (cr, (CIRT_N_LEVELS - level) % 2 == 0 ? &c->pal->band_a : &c->pal->band_b, 0.9);
      cairo_fill (cr);
      show_layout (c, l, x, y, &c->pal->muted);
    }


  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    show_layout (c, rd.labels[p], rd.boxes[p].x, rd.boxes[p].y, &c->pal->fg);

  legend_draw (c, &rd.legend);
  radar_clear (&rd);
}

/* ------------------------------------------------------------------------ */
/* Bars shared by the sections and coverage charts                          */

typedef struct {
  PangoLayout *label;
  PangoLayout *value;          /* text right of the bar, or NULL */
  gboolean     heading;
  CirtPillar   pillar;
  const CirtSectionScore *section;
  double       y, h;
} Row;

typedef struct {
  Header  header;
  Legend  legend;
  GArray *rows;                /* Row */
  double  label_w, bar_x, bar_w;
  double  axis_y, axis_h;      /* threshold numbers above the bars */
  double  body_top, body_bottom;
  double  natural_height;
  PangoLayout *empty;          /* "No sections to show" */
} Bars;

static void
bars_clear (Bars *b)
{
  header_clear (&b->header);
  legend_clear (&b->legend);
  if (b->rows)
    {
      for (guint i = 0; i < b->rows->len; i++)
        {
          Row *row = &g_array_index (b->rows, Row, i);
          g_clear_object (&row->label);
          g_clear_object (&row->value);
        }
      g_clear_pointer (&b->rows, g_array_unref);
    }
  g_clear_object (&b->empty);
}

static double
bar_x_of (Bars   *b,
          double  score)
{
  return b->bar_x + b->bar_w * CLAMP (score, 0, 100) / 100.0;
}

/* Threshold numbers above the bar area (0, the level minima, 100) and the
 * light level bands behind the bars. */
static void
bars_axis_draw (Chart          *c,
                Bars           *b,
                CirtInstrument *thresholds)
{
  cairo_t *cr = c->cr;
  double last_right = -G_MAXDOUBLE;

  for (int level = 1; level <= CIRT_N_LEVELS; level++)
    {
      double x0 = bar_x_of (b, threshold (thresholds, level));
      double x1 = bar_x_of (b, level == CIRT_N_LEVELS ? 100 : threshold (thresholds, level + 1));
      cairo_rectangle (cr, x0, b->body_top, x1 - x0, b->body_bottom - b->body_top);
      set_rgb (cr, level % 2 == 1 ? &c->pal->band_a : &c->pal->band_b);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  for (int i = 1; i <= CIRT_N_LEVELS + 1; i++)
    {
      double v = i <= CIRT_N_LEVELS ? threshold (thresholds, i) : 100;
      double x = round (bar_x_of (b, v)) + 0.5;
      g_autofree char *num = format_number (c, v, v == floor (v) ? 0 : 1);
      g_autoptr(PangoLayout) l = make_layout (c, num, FALSE, c->base * 0.8, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
      Box tb = layout_box (l);

      cairo_move_to (cr, x, b->body_top);
      cairo_line_to (cr, x, b->body_bottom);
      set_rgb (cr, &c->pal->grid);
      cairo_stroke (cr);
      if (x - tb.w / 2 > last_right + c->base * 0.3 && x + tb.w / 2 <= c->width)
        {
          show_layout (c, l, x - tb.w / 2, b->axis_y, &c->pal->muted);
          last_right = x + tb.w / 2;
        }
    }
}

/* Fits @b's content into @height: shrinks by a uniform scale when it needs
 * more room than that (nothing is clipped), centres it when it needs less. */
static void
fit_vertically (Chart  *c,
                double  width,
                double  natural,
                double  height)
{
  if (height <= 0 || fabs (natural - height) < 0.5)
    return;
  if (natural > height)
    {
      double f = height / natural;
      cairo_translate (c->cr, (width - width * f) / 2, 0);
      cairo_scale (c->cr, f, f);
    }
  else
    cairo_translate (c->cr, 0, floor ((height - natural) / 2));
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

static char *
pillar_heading_markup (Chart      *c,
                       CirtPillar  p)
{
  const CirtPillarScore *ps = cirt_score_get_pillar (c->score, p);
  g_autofree char *muted = rgb_hex (&c->pal->muted);

  if (!ps->value.defined)
    return g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"%s\" style=\"italic\">%s</span>",
                                    cirt_lang_pillar_title (c->l, p), muted, c->str->no_answers);
  else
    {
      g_autofree char *num = format_number (c, ps->value.score, 1);
      return g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"%s\">%s · %s%s</span>",
                                      cirt_lang_pillar_title (c->l, p), muted, num,
                                      level_name (c, c->first, ps->value.level),
                                      ps->value.provisional ? " †" : "");
    }
}

static void
sections_layout (Chart  *c,
                 Bars   *b,
                 double  width)
{
  double y, label_size = c->base * 0.92, value_w;
  gboolean any_target = FALSE, any_provisional = FALSE;
  guint n = cirt_score_get_n_sections (c->score);

  memset (b, 0, sizeof *b);
  b->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  header_init (c, &b->header, c->str->sections_title, NULL);

  {
    g_autoptr(PangoLayout) probe = make_layout (c, "100.0 †", FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) probe2 = make_layout (c, c->str->no_answers, FALSE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
    value_w = layout_box (probe).w + c->base * 0.5;
    b->label_w = CLAMP ((width - 2 * c->margin) * 0.34, c->base * 7, c->base * 20);
    b->bar_x = c->margin + b->label_w + c->base * 0.8;
    b->bar_w = width - c->margin - value_w - b->bar_x;
    if (b->bar_w < layout_box (probe2).w)
      {
        b->bar_w = layout_box (probe2).w;
        b->label_w = MAX (c->base * 4, width - 2 * c->margin - value_w - b->bar_w - c->base * 0.8);
        b->bar_x = c->margin + b->label_w + c->base * 0.8;
      }
  }

  y = header_height (c, &b->header) + c->base * 0.7;
  b->axis_y = y;
  b->axis_h = c->base * 1.3;
  y += b->axis_h;
  b->body_top = y;

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      gboolean first_of_pillar = TRUE;

      for (guint i = 0; i < n; i++)
        {
          const CirtSectionScore *ss = cirt_score_get_section (c->score, i);
          Row row = { 0 };
          Box lb;

          if (ss->section->pillar != p)
            continue;
          if (first_of_pillar)
            {
              Row head = { 0 };
              g_autofree char *markup = pillar_heading_markup (c, p);

              head.heading = TRUE;
              head.pillar = p;
              head.label = make_layout (c, markup, TRUE, c->base, PANGO_WEIGHT_NORMAL,
                                        width - 2 * c->margin, 2, PANGO_ALIGN_LEFT);
              head.y = y + (b->rows->len > 0 ? c->base * 0.5 : 0);
              head.h = layout_box (head.label).h + c->base * 0.35;
              y = head.y + head.h;
              g_array_append_val (b->rows, head);
              first_of_pillar = FALSE;
              any_target |= cirt_score_get_pillar (c->score, p)->target > 0;
              any_provisional |= cirt_score_get_pillar (c->score, p)->value.provisional;
            }
          row.pillar = p;
          row.section = ss;
          row.label = make_layout (c, cirt_text_get (ss->section->title, c->lang), FALSE, label_size,
                                   PANGO_WEIGHT_NORMAL, b->label_w, 2, PANGO_ALIGN_RIGHT);
          if (ss->value.defined)
            {
              g_autofree char *num = format_number (c, ss->value.score, 1);
              g_autofree char *text = g_strconcat (num, ss->value.provisional ? " †" : "", NULL);
              row.value = make_layout (c, text, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0, PANGO_ALIGN_LEFT);
              any_provisional |= ss->value.provisional;
            }
          else
            {
              /* Why there is no bar: nothing to score, all N/A, or not answered yet. */
              const char *why = ss->total == 0 ? c->str->not_scored
                                : isnan (ss->value.coverage) ? c->str->nothing_applicable : c->str->no_answers;
              g_autofree char *muted = rgb_hex (&c->pal->muted);
              g_autofree char *markup = g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>",
                                                                 muted, why);
              row.value = make_layout (c, markup, TRUE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
            }
          lb = layout_box (row.label);
          row.y = y;
          row.h = MAX (c->base * 2.0, lb.h + c->base * 0.5);
          y += row.h;
          g_array_append_val (b->rows, row);
        }
    }
  b->body_bottom = y;

  if (b->rows->len == 0)
    {
      b->empty = make_layout (c, c->str->no_sections, FALSE, c->base, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
      y += layout_box (b->empty).h + c->base;
      b->body_bottom = y;
    }

  for (int level = 1; level <= CIRT_N_LEVELS; level++)
    {
      g_autofree char *text = g_strdup_printf ("%d %s", level, level_name (c, c->first, level));
      legend_add (c, &b->legend, SWATCH_BOX, &c->pal->level[level - 1], &c->pal->level_edge[level - 1], text);
    }
  if (any_target)
    legend_add (c, &b->legend, SWATCH_TICK, &c->pal->fg, NULL, c->str->target_tick);
  if (any_provisional)
    legend_add (c, &b->legend, SWATCH_NONE, NULL, NULL, c->str->provisional_note);
  y += c->base * 0.8;
  y += legend_layout (c, &b->legend, y);
  b->natural_height = ceil (y + c->margin - c->base * 0.25);
}

static void
sections_draw (Chart  *c,
               double  width,
               double  height)
{
  cairo_t *cr = c->cr;
  Bars b;

  sections_layout (c, &b, width);
  fit_vertically (c, width, b.natural_height, height);
  header_draw (c, &b.header);

  if (b.empty)
    show_layout (c, b.empty, c->margin, b.body_top + c->base * 0.5, &c->pal->muted);
  else
    bars_axis_draw (c, &b, c->first);

  for (guint i = 0; i < b.rows->len; i++)
    {
      Row *row = &g_array_index (b.rows, Row, i);
      Box lb = layout_box (row->label);

      if (row->heading)
        {
          /* Headings run across the whole width, over the bands. */
          cairo_rectangle (cr, c->margin, row->y, width - 2 * c->margin, row->h);
          set_rgb (cr, &c->pal->bg);
          cairo_fill (cr);
          show_layout (c, row->label, c->margin, row->y + c->base * 0.1, &c->pal->fg);
          cairo_move_to (cr, c->margin, round (row->y + row->h) - 0.5);
          cairo_line_to (cr, width - c->margin, round (row->y + row->h) - 0.5);
          set_rgb (cr, &c->pal->rim);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          continue;
        }

      show_layout (c, row->label, c->margin + b.label_w - lb.w, row->y + (row->h - lb.h) / 2, &c->pal->fg);
      {
        const CirtScoreValue *v = &row->section->value;
        const CirtPillarScore *ps = cirt_score_get_pillar (c->score, row->pillar);
        double bh = MIN (row->h * 0.6, c->base * 1.3), by = row->y + (row->h - bh) / 2;
        double pad = c->base * 0.35, tx = ps->target > 0 ? bar_x_of (&b, threshold (c->first, ps->target)) : NAN;
        double text_x = (v->defined ? bar_x_of (&b, v->score) : b.bar_x) + pad;
        Box vb = layout_box (row->value);

        /* The score (or "no answers") goes after the bar, and after the
         * target tick when the tick would run through it. */
        if (!isnan (tx) && tx > text_x - pad * 0.8 && tx < text_x + vb.w + pad * 1.5)
          text_x = tx + pad;
        /* "no answers" has no bar to sit on: before a tick near the end. */
        if (!v->defined && text_x + vb.w > width - c->margin / 2 && tx - pad - vb.w >= b.bar_x)
          text_x = tx - pad - vb.w;
        if (v->defined)
          {
            int level = CLAMP (v->level, 1, CIRT_N_LEVELS);
            double x1 = bar_x_of (&b, v->score);

            cairo_rectangle (cr, b.bar_x, by, MAX (x1 - b.bar_x, 1.0), bh);
            set_rgb (cr, &c->pal->level[level - 1]);
            cairo_fill_preserve (cr);
            set_rgb (cr, &c->pal->level_edge[level - 1]);
            cairo_set_line_width (cr, 1.0);
            cairo_stroke (cr);
          }
        show_layout (c, row->value, text_x, row->y + (row->h - vb.h) / 2, v->defined ? &c->pal->fg : &c->pal->muted);

        if (!isnan (tx))
          {
            cairo_move_to (cr, tx, by - c->base * 0.3);
            cairo_line_to (cr, tx, by + bh + c->base * 0.3);
            set_rgb (cr, &c->pal->bg);
            cairo_set_line_width (cr, 5.0);
            cairo_stroke_preserve (cr);
            set_rgb (cr, &c->pal->fg);
            cairo_set_line_width (cr, 2.5);
            cairo_stroke (cr);
          }
      }
    }

  legend_draw (c, &b.legend);
  bars_clear (&b);
}

/* ------------------------------------------------------------------------ */
/* Coverage                                                                 */

static char *
coverage_label_markup (Chart      *c,
                       CirtPillar  p,
                       gboolean    used)
{
  g_autofree char *muted = rgb_hex (&c->pal->muted);
  const char *title = p == CIRT_N_PILLARS ? c->str->overall : cirt_lang_pillar_title (c->l, p);
  guint answered, na, total;
  g_autofree char *counts = NULL;

  if (!used)
    return g_markup_printf_escaped ("<span foreground=\"%s\">%s</span>", muted, title);
  cirt_score_get_counts (c->score, p, &answered, &na, &total);
  /* Out of the applicable questions, like the percentage. */
  counts = na > 0 ? g_strdup_printf ("%u/%u %s · %u %s", answered, total - na, c->str->answered_lower, na, c->str->na)
                  : g_strdup_printf ("%u/%u %s", answered, total, c->str->answered_lower);
  return g_markup_printf_escaped ("<b>%s</b>\n<span size=\"88%%\" foreground=\"%s\">%s</span>",
                                  title, muted, counts);
}

static void
coverage_layout (Chart  *c,
                 Bars   *b,
                 double  width)
{
  const CirtScoreValue *overall = cirt_score_get_overall (c->score);
  g_autofree char *subtitle = NULL;
  double y, value_w;

  memset (b, 0, sizeof *b);
  b->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  if (!isnan (overall->coverage))
    {
      g_autofree char *pct = format_percent (c, overall->coverage);
      g_autofree char *text = g_strdup_printf ("%s: %s %s", c->str->overall, pct, c->str->answered_lower);
      subtitle = g_markup_escape_text (text, -1);
    }
  header_init (c, &b->header, c->str->coverage_title, subtitle);

  {
    g_autofree char *probe_text = format_percent (c, 1.0);
    g_autoptr(PangoLayout) probe = make_layout (c, probe_text, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0, PANGO_ALIGN_LEFT);
    value_w = MAX (layout_box (probe).w, c->base * 3) + c->base * 0.5;
  }
  b->label_w = CLAMP ((width - 2 * c->margin) * 0.36, c->base * 7, c->base * 18);
  b->bar_x = c->margin + b->label_w + c->base * 0.8;
  b->bar_w = MAX (c->base * 4, width - c->margin - value_w - b->bar_x);

  y = header_height (c, &b->header) + c->base * 0.7;
  b->axis_y = y;
  b->axis_h = c->base * 1.3;
  y += b->axis_h;
  b->body_top = y;

  for (guint p = 0; p <= CIRT_N_PILLARS; p++)
    {
      Row row = { 0 };
      gboolean used = p == CIRT_N_PILLARS || cirt_score_get_pillar (c->score, p)->used;
      double coverage = p == CIRT_N_PILLARS ? overall->coverage : cirt_score_get_pillar (c->score, p)->value.coverage;
      g_autofree char *markup = coverage_label_markup (c, p, used);

      row.pillar = p;
      row.heading = p == CIRT_N_PILLARS;   /* the overall row, set apart */
      row.label = make_layout (c, markup, TRUE, c->base * 0.92, PANGO_WEIGHT_NORMAL, b->label_w, 4, PANGO_ALIGN_RIGHT);
      if (!isnan (coverage))
        {
          g_autofree char *pct = format_percent (c, coverage);
          row.value = make_layout (c, pct, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0, PANGO_ALIGN_LEFT);
        }
      else
        {
          g_autofree char *muted = rgb_hex (&c->pal->muted);
          g_autofree char *m = g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>", muted,
                                                        used ? c->str->nothing_applicable : c->str->not_assessed);
          row.value = make_layout (c, m, TRUE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
        }
      if (row.heading)
        y += c->base * 0.6;
      row.y = y;
      row.h = MAX (c->base * 2.2, layout_box (row.label).h + c->base * 0.6);
      y += row.h;
      g_array_append_val (b->rows, row);
    }
  b->body_bottom = y;

  legend_add (c, &b->legend, SWATCH_BOX, &c->pal->answered, &c->pal->answered, c->str->answered);
  legend_add (c, &b->legend, SWATCH_HATCH, &c->pal->unanswered, &c->pal->hatch, c->str->unanswered);
  legend_add (c, &b->legend, SWATCH_THRESHOLD, &c->pal->fg, NULL, c->str->threshold_note);
  y += c->base * 0.8;
  y += legend_layout (c, &b->legend, y);
  b->natural_height = ceil (y + c->margin - c->base * 0.25);
}

static void
coverage_draw (Chart  *c,
               double  width,
               double  height)
{
  cairo_t *cr = c->cr;
  Bars b;
  double x80;

  coverage_layout (c, &b, width);
  fit_vertically (c, width, b.natural_height, height);
  header_draw (c, &b.header);

  /* 0, 80 and 100 % above the bars. */
  for (int i = 0; i < 3; i++)
    {
      static const double marks[] = { 0, 0.8, 1.0 };
      g_autofree char *pct = format_percent (c, marks[i]);
      g_autoptr(PangoLayout) l = make_layout (c, pct, FALSE, c->base * 0.8, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
      Box tb = layout_box (l);
      double x = bar_x_of (&b, 100 * marks[i]);
      show_layout (c, l, CLAMP (x - tb.w / 2, 0, c->width - tb.w), b.axis_y, &c->pal->muted);
    }

  for (guint i = 0; i < b.rows->len; i++)
    {
      Row *row = &g_array_index (b.rows, Row, i);
      Box lb = layout_box (row->label), vb = layout_box (row->value);
      double coverage = row->pillar == CIRT_N_PILLARS ? cirt_score_get_overall (c->score)->coverage
                        : cirt_score_get_pillar (c->score, row->pillar)->value.coverage;
      double bh = MIN (row->h * 0.55, c->base * 1.3), by = row->y + (row->h - bh) / 2;

      if (row->heading)
        {
          cairo_move_to (cr, c->margin, round (row->y - c->base * 0.3) + 0.5);
          cairo_line_to (cr, width - c->margin, round (row->y - c->base * 0.3) + 0.5);
          set_rgb (cr, &c->pal->rim);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      show_layout (c, row->label, c->margin + b.label_w - lb.w, row->y + (row->h - lb.h) / 2, &c->pal->fg);
      if (isnan (coverage))
        {
          show_layout (c, row->value, b.bar_x + c->base * 0.35, row->y + (row->h - vb.h) / 2, &c->pal->muted);
          continue;
        }
      hatch_box (c, b.bar_x, by, b.bar_w, bh, &c->pal->unanswered, &c->pal->hatch);
      cairo_rectangle (cr, b.bar_x, by, b.bar_w * CLAMP (coverage, 0, 1), bh);
      set_rgb (cr, &c->pal->answered);
      cairo_fill (cr);
      show_layout (c, row->value, b.bar_x + b.bar_w + c->base * 0.35, row->y + (row->h - vb.h) / 2, &c->pal->fg);
    }

  /* The provisional mark at 80 %, across the rows. */
  x80 = round (bar_x_of (&b, 80)) + 0.5;
  {
    double dash[] = { 3.0, 2.0 };
    cairo_save (cr);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, x80, b.body_top);
    cairo_line_to (cr, x80, b.body_bottom);
    set_rgb (cr, &c->pal->fg);
    cairo_set_line_width (cr, 1.5);
    cairo_stroke (cr);
    cairo_restore (cr);
  }

  legend_draw (c, &b.legend);
  bars_clear (&b);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

gboolean
cirt_chart_kind_from_string (const char    *str,
                             CirtChartKind *out)
{
  static const char *names[] = { "radar", "sections", "coverage" };

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (str, names[i]) == 0)
      {
        if (out)
          *out = (CirtChartKind) i;
        return TRUE;
      }
  return FALSE;
}

/* The radar's text follows the smaller of the width and a height a little
 * larger than it, so a wide and short radar does not get huge labels. */
static double
extent_for (CirtChartKind kind,
            double        width,
            double        height)
{
  if (kind == CIRT_CHART_RADAR && height > 0)
    return MIN (width, height * 1.25);
  return width;
}

void
cirt_chart_draw (cairo_t                *cr,
                 CirtChartKind           kind,
                 CirtScore              *score,
                 const CirtChartOptions *options,
                 double                  width,
                 double                  height)
{
  Chart c;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CIRT_IS_SCORE (score));
  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  chart_init (&c, cr, score, options, width, extent_for (kind, width, height));
  paint_background (&c, width, height);
  switch (kind)
    {
    case CIRT_CHART_RADAR:
      radar_draw (&c, width, height);
      break;
    case CIRT_CHART_SECTIONS:
      sections_draw (&c, width, height);
      break;
    case CIRT_CHART_COVERAGE:
      coverage_draw (&c, width, height);
      break;
    default:
      g_warn_if_reached ();
      break;
    }
  chart_clear (&c);
  cairo_restore (cr);
}

/* A context to measure text in when there is no target yet. */
static cairo_t *
scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}

double
cirt_chart_natural_height (CirtChartKind  kind,
                           CirtScore     *score,
                           double         width)
{
  cairo_t *cr;
  Chart c;
  double height = 0;

  g_return_val_if_fail (CIRT_IS_SCORE (score), 0);
  if (width < 1)
    return 0;

  cr = scratch_context ();
  chart_init (&c, cr, score, NULL, width, extent_for (kind, width, 0));
  switch (kind)
    {
    case CIRT_CHART_RADAR:
      {
        Radar rd;
        radar_layout (&c, &rd, width, 0);
        height = rd.natural_height;
        radar_clear (&rd);
      }
      break;
    case CIRT_CHART_SECTIONS:
      {
        Bars b;
        sections_layout (&c, &b, width);
        height = b.natural_height;
        bars_clear (&b);
      }
      break;
    case CIRT_CHART_COVERAGE:
      {
        Bars b;
        coverage_layout (&c, &b, width);
        height = b.natural_height;
        bars_clear (&b);
      }
      break;
    default:
      g_warn_if_reached ();
      break;
    }
  chart_clear (&c);
  cairo_destroy (cr);
  return height;
}

void
cirt_chart_radar_geometry (CirtScore              *score,
                           const CirtChartOptions *options,
                           double                  width,
                           double                  height,
                           CirtChartRadarGeometry *geometry)
{
  cairo_t *cr;
  Chart c;
  Radar rd;

  g_return_if_fail (CIRT_IS_SCORE (score));
  g_return_if_fail (geometry != NULL);

  cr = scratch_context ();
  chart_init (&c, cr, score, options, width, extent_for (CIRT_CHART_RADAR, width, height));
  radar_layout (&c, &rd, width, height);
  geometry->cx = rd.cx;
  geometry->cy = rd.cy;
  geometry->radius = rd.radius;
  radar_clear (&rd);
  chart_clear (&c);
  cairo_destroy (cr);
}

/* ------------------------------------------------------------------------ */
/* Files                                                                    */

typedef enum {
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} FileFormat;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return cirt_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static const char *
chart_title (CirtChartKind           kind,
             const CirtChartOptions *options)
{
  const CirtLang *l = cirt_lang_get (options ? options->lang : NULL);
  return cirt_lang_str (l, kind == CIRT_CHART_RADAR ? CIRT_STR_CHART_TITLE_RADAR
                           : kind == CIRT_CHART_SECTIONS ? CIRT_STR_CHART_TITLE_SECTIONS
                           : CIRT_STR_CHART_TITLE_COVERAGE);
}

/* Draws into a surface of @format writing to @file; returns the cairo status. */
static cairo_status_t
render_to (FileFormat              format,
           CirtAtomicFile         *file,
           CirtChartKind           kind,
           CirtScore              *score,
           const CirtChartOptions *options,
           int                     width,
           int                     height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, file, width, height);
      /* cairo 1.16 sizes SVG documents in pt by default. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_cb, file, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart_title (kind, options));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CIRT Assess " PACKAGE_VERSION);
      break;
    }
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }

  cr = cairo_create (surface);
  cirt_chart_draw (cr, kind, score, options, width, height);
  if (format != FORMAT_PNG)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, file);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
cirt_chart_write_file (CirtChartKind           kind,
                       CirtScore              *score,
                       const CirtChartOptions *options,
                       const char             *path,
                       int                     width,
                       int                     height,
                       GError                **error)
{
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autofree char *lower = NULL, *display = NULL;
  const char *dot;
  FileFormat format;
  cairo_status_t status;

  g_return_val_if_fail (CIRT_IS_SCORE (score), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  dot = strrchr (path, '.');
  lower = g_ascii_strdown (dot ? dot : "", -1);
  if (strcmp (lower, ".png") == 0)
    format = FORMAT_PNG;
  else if (strcmp (lower, ".svg") == 0)
    format = FORMAT_SVG;
  else if (strcmp (lower, ".pdf") == 0)
    format = FORMAT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("cannot write %s: the file name must end in .png, .svg or .pdf"), display);
      return FALSE;
    }
  if (width < 1 || height < 1 || width > 32767 || height > 32767)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("cannot write %s: a chart of %d × %d is not possible (1 to 32767 each way)"), display, width,
                   height);
      return FALSE;
    }
  if ((file = cirt_atomic_file_new (path, error)) == NULL)
    return FALSE;
  status = render_to (format, file, kind, score, options, width, height);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (!cirt_atomic_file_write (file, "", 0, &write_error))
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot draw %s: %s"), display,
                     cairo_status_to_string (status));
      return FALSE;
    }
  return cirt_atomic_file_commit (g_steal_pointer (&file), error);
}
