/* cirt-chart-radar.c — the radar: the five pillars, current, target and
 * the earlier assessment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The axes' angles, the layout (the largest radius at which the pillar
 * labels fit the area without overlapping, the overall score as the
 * subtitle, the legend at the bottom) and the drawing: the level bands and
 * rings, the axes, each series with its own line style and markers, the
 * level names and the labels. */
#include "config.h"

#include "cirt-chart-private.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Radar                                                                    */

double
cirt_chart_radar_angle (CirtPillar pillar)
{
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, 0);
  return -G_PI / 2 + pillar * 2 * G_PI / CIRT_N_PILLARS;
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
  num = _cirt_chart_format_number (c, v->score, 1);
  g_string_append_printf (s, "%s %s · %d %s", c->str->overall, num, v->level,
                          _cirt_chart_level_name (c, c->first, v->level));
  if (v->provisional)
    g_string_append_printf (s, " · %s", c->str->provisional);
  if (cirt_score_get_capped_by (c->score)->len > 0 && cirt_score_get_uncapped_level (c->score) > v->level)
    g_string_append_printf (s, " · %s", c->str->capped);
  text = g_string_free (s, FALSE);
  return g_markup_escape_text (text, -1);
}

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
      Box tb = _cirt_chart_layout_box (rd->labels[p]);
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
  g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);

  if (!ps->used || !ps->value.defined)
    return g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"%s\" style=\"italic\">%s</span>", cirt_lang_pillar_title (c->l, p),
                                    muted, ps->used ? c->str->no_answers : c->str->not_assessed);
  else
    {
      g_autofree char *num = _cirt_chart_format_number (c, ps->value.score, 1);
      *provisional |= ps->value.provisional;
      return g_markup_printf_escaped ("<b>%s</b>\n%s · %s%s", cirt_lang_pillar_title (c->l, p), num,
                                      _cirt_chart_level_name (c, c->first, ps->value.level),
                                      ps->value.provisional ? "\u00a0†" : "");
    }
}

/* Lays the radar out in @width × @height (@height ≤ 0: as tall as it needs
 * to be, which sets natural_height). */
void
_cirt_chart_radar_layout (Chart  *c,
                          Radar  *rd,
                          double  width,
                          double  height)
{
  g_autofree char *subtitle = overall_markup (c);
  gboolean any_target = FALSE;
  double top, bottom, avail_w, avail_h, wrap, r, hi;
  Box bbox = { 0 };

  memset (rd, 0, sizeof *rd);
  _cirt_chart_header_init (c, &rd->header, c->str->radar_title, subtitle);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    any_target |= cirt_score_get_pillar (c->score, p)->target > 0;

  /* Pillar titles wrap; the score line ("40.6 · Established †") should not,
   * unless it is wider than a third of the chart. */
  wrap = CLAMP ((width - 2 * c->margin) * 0.26, c->base * 6, c->base * 13);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      g_autofree char *markup = radar_label_markup (c, p, &rd->any_provisional);
      const char *nl = strchr (markup, '\n');
      g_autoptr(PangoLayout) second = _cirt_chart_make_layout (c, nl ? nl + 1 : "", TRUE, c->base, PANGO_WEIGHT_NORMAL,
                                                               0, 0, PANGO_ALIGN_LEFT);
      wrap = MAX (wrap, MIN (ceil (_cirt_chart_layout_box (second).w) + 1, (width - 2 * c->margin) * 0.34));
    }
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      g_autofree char *markup = radar_label_markup (c, p, &rd->any_provisional);
      PangoAlignment align = fabs (cos (cirt_chart_radar_angle (p))) < 0.3 ? PANGO_ALIGN_CENTER
                             : cos (cirt_chart_radar_angle (p)) > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      rd->labels[p] = _cirt_chart_make_layout (c, markup, TRUE, c->base, PANGO_WEIGHT_NORMAL, wrap, 4, align);
    }

  _cirt_chart_legend_add (c, &rd->legend, SWATCH_AREA, &c->pal->current, NULL, c->str->current);
  if (any_target)
    _cirt_chart_legend_add (c, &rd->legend, SWATCH_DASH, &c->pal->target, NULL, c->str->target);
  if (c->opt->comparison != NULL)
    _cirt_chart_legend_add (c, &rd->legend, SWATCH_DOT, &c->pal->baseline, NULL,
                            c->opt->comparison_label ? c->opt->comparison_label : "");
  else if (c->opt->baseline)
    _cirt_chart_legend_add (c, &rd->legend, SWATCH_DOT, &c->pal->baseline, NULL, c->str->baseline);
  if (rd->any_provisional)
    _cirt_chart_legend_add (c, &rd->legend, SWATCH_NONE, NULL, NULL, c->str->provisional_note);
  _cirt_chart_legend_layout (c, &rd->legend, 0);

  top = _cirt_chart_header_height (c, &rd->header) + c->base * 0.8;
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

void
_cirt_chart_radar_clear (Radar *rd)
{
  _cirt_chart_header_clear (&rd->header);
  _cirt_chart_legend_clear (&rd->legend);
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
      _cirt_chart_set_rgba (cr, color, 0.22);
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
  _cirt_chart_set_rgb (cr, color);
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
          _cirt_chart_draw_marker_circle (cr, x, y, mr, color, &c->pal->bg);
          break;
        case SERIES_BASELINE:
          _cirt_chart_draw_marker_diamond (cr, x, y, mr * 0.9, color, &c->pal->bg);
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
            _cirt_chart_set_rgb (cr, color);
            cairo_stroke (cr);
          }
          break;
        }
    }
  cairo_restore (cr);
}

void
_cirt_chart_radar_draw (Chart  *c,
                        double  width,
                        double  height)
{
  cairo_t *cr = c->cr;
  Radar rd;
  double current[CIRT_N_PILLARS], target[CIRT_N_PILLARS], baseline[CIRT_N_PILLARS];
  gboolean any_target = FALSE;

  _cirt_chart_radar_layout (c, &rd, width, height);
  _cirt_chart_header_draw (c, &rd.header);

  /* Level bands, outermost first, and their rings. */
  for (int level = CIRT_N_LEVELS; level >= 1; level--)
    {
      double outer = level == CIRT_N_LEVELS ? 100 : _cirt_chart_threshold (c->first, level + 1);
      cairo_new_path (cr);
      cairo_arc (cr, rd.cx, rd.cy, rd.radius * outer / 100, 0, 2 * G_PI);
      _cirt_chart_set_rgb (cr, (CIRT_N_LEVELS - level) % 2 == 0 ? &c->pal->band_a : &c->pal->band_b);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  for (int level = 2; level <= CIRT_N_LEVELS; level++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, rd.cx, rd.cy, rd.radius * _cirt_chart_threshold (c->first, level) / 100, 0, 2 * G_PI);
      _cirt_chart_set_rgb (cr, &c->pal->grid);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_arc (cr, rd.cx, rd.cy, rd.radius, 0, 2 * G_PI);
  _cirt_chart_set_rgb (cr, &c->pal->rim);
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
  _cirt_chart_set_rgb (cr, &c->pal->grid);
  cairo_stroke (cr);

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (c->score, p);
      current[p] = ps->value.defined ? ps->value.score : NAN;
      target[p] = ps->target > 0 ? _cirt_chart_threshold (c->first, ps->target) : NAN;
      any_target |= ps->target > 0;
      baseline[p] = NAN;
      if (c->opt->comparison != NULL)
        baseline[p] = c->opt->comparison[p];
      else if (c->opt->baseline)
        {
          const CirtPillarScore *bs = cirt_score_get_pillar (c->opt->baseline, p);
          baseline[p] = bs->value.defined ? bs->value.score : NAN;
        }
    }
  /* The current series last, on top: it is what the chart is about. */
  if (c->opt->baseline || c->opt->comparison != NULL)
    radar_series (c, &rd, baseline, SERIES_BASELINE);
  if (any_target)
    radar_series (c, &rd, target, SERIES_TARGET);
  radar_series (c, &rd, current, SERIES_CURRENT);

  /* Level names in their bands, down the empty wedge between the two lower
   * axes, on a chip drawn over the series so neither the axes nor the data
   * shape run through the text. */
  for (int level = 1; level <= CIRT_N_LEVELS; level++)
    {
      double inner = _cirt_chart_threshold (c->first, level);
      double outer = level == CIRT_N_LEVELS ? 100 : _cirt_chart_threshold (c->first, level + 1);
      double band = rd.radius * (outer - inner) / 100, mid = rd.radius * (inner + outer) / 200;
      g_autoptr(PangoLayout) l = _cirt_chart_make_layout (c, _cirt_chart_level_name (c, c->first, level), FALSE,
                                                          c->base * 0.72, PANGO_WEIGHT_NORMAL, 0, 0,
                                                          PANGO_ALIGN_CENTER);
      Box b = _cirt_chart_layout_box (l);
      double x = rd.cx - b.w / 2, y = rd.cy + mid - b.h / 2;

      if (b.h > band * 0.95)
        continue;
      cairo_new_path (cr);
      cairo_rectangle (cr, x - 3, y, b.w + 6, b.h);
      _cirt_chart_set_rgba (cr, (CIRT_N_LEVELS - level) % 2 == 0 ? &c->pal->band_a : &c->pal->band_b, 0.9);
      cairo_fill (cr);
      _cirt_chart_show_layout (c, l, x, y, &c->pal->muted);
    }


  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    _cirt_chart_show_layout (c, rd.labels[p], rd.boxes[p].x, rd.boxes[p].y, &c->pal->fg);

  _cirt_chart_legend_draw (c, &rd.legend);
  _cirt_chart_radar_clear (&rd);
}
