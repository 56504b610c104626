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
 * desktop.
 *
 * This file has the context, the palettes, the strings, the shared text and
 * drawing helpers and the public entry points (cirt_chart_radar_angle() is
 * with the radar); the legend, the radar and the bar charts are in
 * cirt-chart-legend.c, cirt-chart-radar.c and cirt-chart-bars.c, and what
 * they share in cirt-chart-private.h. */
#include "config.h"

#include "cirt-chart-private.h"

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

#define HEX(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0 }

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
  s->progress_title = cirt_lang_str (l, CIRT_STR_CHART_TITLE_PROGRESS);
  s->no_baseline = cirt_lang_str (l, CIRT_STR_CHART_NO_BASELINE);
  s->not_assessed_then = cirt_lang_str (l, CIRT_STR_CHART_NOT_ASSESSED_THEN);
}

static void
strings_clear (Strings *s)
{
  g_clear_pointer (&s->provisional_note, g_free);
  g_clear_pointer (&s->threshold_note, g_free);
}

/* ------------------------------------------------------------------------ */
/* Drawing context                                                          */

static const CirtChartOptions default_options = { NULL, FALSE, NULL, 1.0, FALSE, NULL, NULL, NULL };

/* Body text follows the width: 11 px at 400 px and below (still readable),
 * 20 px at 1040 px and above; 12.5 pt on an A4 page width. */
static double
base_size (const CirtChartOptions *opt,
           double                  extent)
{
  double scale = opt->font_scale > 0 ? opt->font_scale : 1.0;
  /* In half pixels: every size of a chart is a multiple of this one, and a
   * font at a size not seen before costs a fontconfig match (about 1 M
   * instructions); sizes that follow the width to the last bit of a pixel
   * made some fifty of them at each start-up. */
  return round (CLAMP (extent / 52.0, 11.0, 20.0) * scale * 2.0) / 2.0;
}

static void
set_unhinted (PangoContext         *pango,
              cairo_font_options_t *fo)
{
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango, fo);
}

/* ------------------------------------------------------------------------ */
/* Text cache                                                               */

/* More than a chart's texts at a few widths; past it the cache starts over
 * (the texts of an earlier score would otherwise pile up). */
#define TEXT_CACHE_MAX 1024

struct _CirtChartTextCache {
  PangoContext *pango;
  GHashTable   *layouts;   /* key (parameters and text) → PangoLayout */
};

CirtChartTextCache *
cirt_chart_text_cache_new (void)
{
  CirtChartTextCache *cache = g_new0 (CirtChartTextCache, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_font_options_t *fo = cairo_font_options_create ();

  cache->pango = pango_cairo_create_context (cr);
  set_unhinted (cache->pango, fo);
  cairo_font_options_destroy (fo);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
cirt_chart_text_cache_free (CirtChartTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->pango);
  g_free (cache);
}

guint
cirt_chart_text_cache_size (CirtChartTextCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return g_hash_table_size (cache->layouts);
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

  if (c->opt->text_cache != NULL)
    {
      c->cache = c->opt->text_cache;
      c->pango = g_object_ref (c->cache->pango);
      if (pango_context_get_language (c->pango) != pango_language_from_string (cirt_lang_get_tag (c->l)))
        pango_context_set_language (c->pango, pango_language_from_string (cirt_lang_get_tag (c->l)));
      cairo_font_options_destroy (fo);
      return;
    }
  /* Unhinted metrics: text measures the same on every surface and at every
   * scale, so layouts (and the radar geometry) do not depend on the target. */
  c->pango = pango_cairo_create_context (cr);
  pango_context_set_language (c->pango, pango_language_from_string (cirt_lang_get_tag (c->l)));
  set_unhinted (c->pango, fo);
  cairo_font_options_destroy (fo);
}

static void
chart_clear (Chart *c)
{
  g_clear_object (&c->pango);
  strings_clear (&c->strings);
}

void
_cirt_chart_set_rgb (cairo_t    *cr,
                     const Rgb  *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

void
_cirt_chart_set_rgba (cairo_t   *cr,
                      const Rgb *rgb,
                      double     alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

char *
_cirt_chart_rgb_hex (const Rgb *rgb)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (rgb->r * 255), (int) lround (rgb->g * 255),
                          (int) lround (rgb->b * 255));
}

PangoLayout *
_cirt_chart_make_layout (Chart          *c,
                         const char     *text,
                         gboolean        markup,
                         double          size,
                         PangoWeight     weight,
                         double          wrap,
                         int             max_lines,
                         PangoAlignment  align)
{
  PangoLayout *layout;
  PangoFontDescription *fd;
  g_autofree char *key = NULL;

  if (c->mirrored && align != PANGO_ALIGN_CENTER)
    align = align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  if (c->cache != NULL)
    {
      key = g_strdup_printf ("%s|%d|%.2f|%d|%.3f|%d|%d|%s", c->lang, markup, size, weight, wrap, max_lines, align, text);
      layout = g_hash_table_lookup (c->cache->layouts, key);
      if (layout != NULL)
        return g_object_ref (layout);
    }
  layout = pango_layout_new (c->pango);
  fd = pango_font_description_new ();

  pango_font_description_set_family (fd, FONT_FAMILY);
  /* Quarter pixels, for the same reason as base_size (). */
  pango_font_description_set_absolute_size (fd, round (size * 4.0) / 4.0 * PANGO_SCALE);
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
  if (c->cache != NULL)
    {
      if (g_hash_table_size (c->cache->layouts) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all (c->cache->layouts);
      g_hash_table_insert (c->cache->layouts, g_steal_pointer (&key), g_object_ref (layout));
    }
  return layout;
}

/* The logical box of the text, in user units. */
Box
_cirt_chart_layout_box (PangoLayout *layout)
{
  PangoRectangle log;

  pango_layout_get_extents (layout, NULL, &log);
  return (Box) { (double) log.x / PANGO_SCALE, (double) log.y / PANGO_SCALE,
                 (double) log.width / PANGO_SCALE, (double) log.height / PANGO_SCALE };
}

/* Draws @layout with the top-left of its logical box at (x, y). */
void
_cirt_chart_show_layout (Chart       *c,
                         PangoLayout *layout,
                         double       x,
                         double       y,
                         const Rgb   *color)
{
  Box b = _cirt_chart_layout_box (layout);

  _cirt_chart_set_rgb (c->cr, color);
  if (c->mirrored)
    {
      cairo_save (c->cr);
      cairo_translate (c->cr, x + b.w, y);
      cairo_scale (c->cr, -1, 1);
      cairo_move_to (c->cr, -b.x, -b.y);
      pango_cairo_show_layout (c->cr, layout);
      cairo_restore (c->cr);
      return;
    }
  cairo_move_to (c->cr, x - b.x, y - b.y);
  pango_cairo_show_layout (c->cr, layout);
}

char *
_cirt_chart_format_number (const Chart *c,
                           double       value,
                           int          decimals)
{
  return cirt_lang_format_number (c->l, value, decimals);
}

const char *
_cirt_chart_level_name (Chart          *c,
                        CirtInstrument *thresholds,
                        int             level)
{
  if (level < 1 || level > CIRT_N_LEVELS)
    return "";
  return cirt_text_get (cirt_instrument_get_level_info (thresholds, level)->name, c->lang);
}

double
_cirt_chart_threshold (CirtInstrument *thresholds,
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
  _cirt_chart_set_rgb (c->cr, &c->pal->bg);
  cairo_rectangle (c->cr, 0, 0, width, height);
  cairo_fill (c->cr);
}

void
_cirt_chart_header_init (Chart      *c,
                         Header     *h,
                         const char *title,
                         const char *subtitle_markup)
{
  double wrap = c->width - 2 * c->margin;

  h->title = _cirt_chart_make_layout (c, title, FALSE, c->base * 1.3, PANGO_WEIGHT_BOLD, wrap, 2, PANGO_ALIGN_LEFT);
  h->subtitle = subtitle_markup
    ? _cirt_chart_make_layout (c, subtitle_markup, TRUE, c->base * 0.95, PANGO_WEIGHT_NORMAL, wrap, 3, PANGO_ALIGN_LEFT)
    : NULL;
}

double
_cirt_chart_header_height (Chart  *c,
                           Header *h)
{
  double y = c->margin + _cirt_chart_layout_box (h->title).h;
  if (h->subtitle)
    y += c->base * 0.2 + _cirt_chart_layout_box (h->subtitle).h;
  return y;
}

void
_cirt_chart_header_draw (Chart  *c,
                         Header *h)
{
  double y = c->margin;

  _cirt_chart_show_layout (c, h->title, c->margin, y, &c->pal->fg);
  y += _cirt_chart_layout_box (h->title).h + c->base * 0.2;
  if (h->subtitle)
    _cirt_chart_show_layout (c, h->subtitle, c->margin, y, &c->pal->muted);
}

void
_cirt_chart_header_clear (Header *h)
{
  g_clear_object (&h->title);
  g_clear_object (&h->subtitle);
}

/* ------------------------------------------------------------------------ */
/* Markers and hatching: the legend's swatches and the charts' marks        */

void
_cirt_chart_draw_marker_circle (cairo_t   *cr,
                                double     x,
                                double     y,
                                double     r,
                                const Rgb *fill,
                                const Rgb *ring)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 1.5, 0, 2 * G_PI);
  _cirt_chart_set_rgb (cr, ring);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  _cirt_chart_set_rgb (cr, fill);
  cairo_fill (cr);
}

void
_cirt_chart_draw_marker_diamond (cairo_t   *cr,
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
      _cirt_chart_set_rgb (cr, pass == 0 ? ring : fill);
      cairo_fill (cr);
    }
}

void
_cirt_chart_hatch_box (Chart     *c,
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
  _cirt_chart_set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  _cirt_chart_set_rgb (cr, hatch);
  cairo_set_line_width (cr, 1.0);
  for (double d = -h; d < w + h; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

gboolean
cirt_chart_kind_from_string (const char    *str,
                             CirtChartKind *out)
{
  static const char *names[] = { "radar", "sections", "coverage", "progress" };

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

/* The radar reads the same both ways round; the bar charts follow the
 * language's direction. */
static gboolean
mirrored (Chart         *c,
          CirtChartKind  kind)
{
  return kind != CIRT_CHART_RADAR && cirt_lang_is_rtl (c->l);
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
  c.mirrored = mirrored (&c, kind);
  if (c.mirrored)
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  switch (kind)
    {
    case CIRT_CHART_RADAR:
      _cirt_chart_radar_draw (&c, width, height);
      break;
    case CIRT_CHART_SECTIONS:
      _cirt_chart_sections_draw (&c, width, height);
      break;
    case CIRT_CHART_COVERAGE:
      _cirt_chart_coverage_draw (&c, width, height);
      break;
    case CIRT_CHART_PROGRESS:
      _cirt_chart_progress_draw (&c, width, height);
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
                           const char    *lang,
                           double         width)
{
  CirtChartOptions options = { 0 };

  options.lang = lang;
  return cirt_chart_natural_height_full (kind, score, &options, width);
}

double
cirt_chart_natural_height_full (CirtChartKind           kind,
                                CirtScore              *score,
                                const CirtChartOptions *options,
                                double                  width)
{
  cairo_t *cr;
  Chart c;
  double height = 0;

  g_return_val_if_fail (CIRT_IS_SCORE (score), 0);
  if (width < 1)
    return 0;

  cr = scratch_context ();
  chart_init (&c, cr, score, options, width, extent_for (kind, width, 0));
  c.mirrored = mirrored (&c, kind);
  switch (kind)
    {
    case CIRT_CHART_RADAR:
      {
        Radar rd;
        _cirt_chart_radar_layout (&c, &rd, width, 0);
        height = rd.natural_height;
        _cirt_chart_radar_clear (&rd);
      }
      break;
    case CIRT_CHART_SECTIONS:
      {
        Bars b;
        _cirt_chart_sections_layout (&c, &b, width);
        height = b.natural_height;
        _cirt_chart_bars_clear (&b);
      }
      break;
    case CIRT_CHART_COVERAGE:
      {
        Bars b;
        _cirt_chart_coverage_layout (&c, &b, width);
        height = b.natural_height;
        _cirt_chart_bars_clear (&b);
      }
      break;
    case CIRT_CHART_PROGRESS:
      {
        Bars b;
        _cirt_chart_progress_layout (&c, &b, width);
        height = b.natural_height;
        _cirt_chart_bars_clear (&b);
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
  _cirt_chart_radar_layout (&c, &rd, width, height);
  geometry->cx = rd.cx;
  geometry->cy = rd.cy;
  geometry->radius = rd.radius;
  _cirt_chart_radar_clear (&rd);
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
                           : kind == CIRT_CHART_PROGRESS ? CIRT_STR_CHART_TITLE_PROGRESS
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
  {
    /* A sealed chart keeps its format's name before ".gpg": radar.png.gpg. */
    g_autofree char *name = g_strdup (path);
    if (options != NULL && options->seal != NULL && g_str_has_suffix (name, ".gpg"))
      name[strlen (name) - 4] = '\0';
    dot = strrchr (name, '.');
    lower = g_ascii_strdown (dot ? dot : "", -1);
  }
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
  if ((file = cirt_atomic_file_new_sealed (path, options ? options->seal : NULL, error)) == NULL)
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
