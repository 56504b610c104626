/* cirt-chart-bars.c — the bar charts: a bar per section, grouped by
 * pillar, and the coverage of each pillar
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both share (rows of a label, a bar and a value, the threshold
 * numbers and level bands behind the bars, the fit into the height given),
 * then the sections chart (a heading per pillar, a bar per section in its
 * level's colour, the target tick) and the coverage chart (answered against
 * unanswered per pillar and overall, the 80 % mark). */
#include "config.h"

#include "cirt-chart-private.h"
#include "cirt-compare.h"

#include <math.h>
#include <string.h>

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

void
_cirt_chart_bars_clear (Bars *b)
{
  _cirt_chart_header_clear (&b->header);
  _cirt_chart_legend_clear (&b->legend);
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
      double x0 = bar_x_of (b, _cirt_chart_threshold (thresholds, level));
      double x1 = bar_x_of (b, level == CIRT_N_LEVELS ? 100 : _cirt_chart_threshold (thresholds, level + 1));
      cairo_rectangle (cr, x0, b->body_top, x1 - x0, b->body_bottom - b->body_top);
      _cirt_chart_set_rgb (cr, level % 2 == 1 ? &c->pal->band_a : &c->pal->band_b);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  for (int i = 1; i <= CIRT_N_LEVELS + 1; i++)
    {
      double v = i <= CIRT_N_LEVELS ? _cirt_chart_threshold (thresholds, i) : 100;
      double x = round (bar_x_of (b, v)) + 0.5;
      g_autofree char *num = _cirt_chart_format_number (c, v, v == floor (v) ? 0 : 1);
      g_autoptr(PangoLayout) l = _cirt_chart_make_layout (c, num, FALSE, c->base * 0.8, PANGO_WEIGHT_NORMAL, 0, 0,
                                                          PANGO_ALIGN_LEFT);
      Box tb = _cirt_chart_layout_box (l);

      cairo_move_to (cr, x, b->body_top);
      cairo_line_to (cr, x, b->body_bottom);
      _cirt_chart_set_rgb (cr, &c->pal->grid);
      cairo_stroke (cr);
      if (x - tb.w / 2 > last_right + c->base * 0.3 && x + tb.w / 2 <= c->width)
        {
          _cirt_chart_show_layout (c, l, x - tb.w / 2, b->axis_y, &c->pal->muted);
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
  g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);

  if (!ps->value.defined)
    return g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"%s\" style=\"italic\">%s</span>",
                                    cirt_lang_pillar_title (c->l, p), muted, c->str->no_answers);
  else
    {
      g_autofree char *num = _cirt_chart_format_number (c, ps->value.score, 1);
      return g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"%s\">%s · %s%s</span>",
                                      cirt_lang_pillar_title (c->l, p), muted, num,
                                      _cirt_chart_level_name (c, c->first, ps->value.level),
                                      ps->value.provisional ? " †" : "");
    }
}

void
_cirt_chart_sections_layout (Chart  *c,
                             Bars   *b,
                             double  width)
{
  double y, label_size = c->base * 0.92, value_w;
  gboolean any_target = FALSE, any_provisional = FALSE;
  guint n = cirt_score_get_n_sections (c->score);

  memset (b, 0, sizeof *b);
  b->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  _cirt_chart_header_init (c, &b->header, c->str->sections_title, NULL);

  {
    g_autoptr(PangoLayout) probe = _cirt_chart_make_layout (c, "100.0 †", FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD,
                                                            0, 0, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) probe2 = _cirt_chart_make_layout (c, c->str->no_answers, FALSE, c->base * 0.9,
                                                             PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
    value_w = _cirt_chart_layout_box (probe).w + c->base * 0.5;
    b->label_w = CLAMP ((width - 2 * c->margin) * 0.34, c->base * 7, c->base * 20);
    b->bar_x = c->margin + b->label_w + c->base * 0.8;
    b->bar_w = width - c->margin - value_w - b->bar_x;
    if (b->bar_w < _cirt_chart_layout_box (probe2).w)
      {
        b->bar_w = _cirt_chart_layout_box (probe2).w;
        b->label_w = MAX (c->base * 4, width - 2 * c->margin - value_w - b->bar_w - c->base * 0.8);
        b->bar_x = c->margin + b->label_w + c->base * 0.8;
      }
  }

  y = _cirt_chart_header_height (c, &b->header) + c->base * 0.7;
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
              head.label = _cirt_chart_make_layout (c, markup, TRUE, c->base, PANGO_WEIGHT_NORMAL,
                                                    width - 2 * c->margin, 2, PANGO_ALIGN_LEFT);
              head.y = y + (b->rows->len > 0 ? c->base * 0.5 : 0);
              head.h = _cirt_chart_layout_box (head.label).h + c->base * 0.35;
              y = head.y + head.h;
              g_array_append_val (b->rows, head);
              first_of_pillar = FALSE;
              any_target |= cirt_score_get_pillar (c->score, p)->target > 0;
              any_provisional |= cirt_score_get_pillar (c->score, p)->value.provisional;
            }
          row.pillar = p;
          row.section = ss;
          row.label = _cirt_chart_make_layout (c, cirt_text_get (ss->section->title, c->lang), FALSE, label_size,
                                               PANGO_WEIGHT_NORMAL, b->label_w, 2, PANGO_ALIGN_RIGHT);
          if (ss->value.defined)
            {
              g_autofree char *num = _cirt_chart_format_number (c, ss->value.score, 1);
              g_autofree char *text = g_strconcat (num, ss->value.provisional ? " †" : "", NULL);
              row.value = _cirt_chart_make_layout (c, text, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0,
                                                   PANGO_ALIGN_LEFT);
              any_provisional |= ss->value.provisional;
            }
          else
            {
              /* Why there is no bar: nothing to score, all N/A, or not answered yet. */
              const char *why = ss->total == 0 ? c->str->not_scored
                                : isnan (ss->value.coverage) ? c->str->nothing_applicable : c->str->no_answers;
              g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);
              g_autofree char *markup = g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>",
                                                                 muted, why);
              row.value = _cirt_chart_make_layout (c, markup, TRUE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0,
                                                   PANGO_ALIGN_LEFT);
            }
          lb = _cirt_chart_layout_box (row.label);
          row.y = y;
          row.h = MAX (c->base * 2.0, lb.h + c->base * 0.5);
          y += row.h;
          g_array_append_val (b->rows, row);
        }
    }
  b->body_bottom = y;

  if (b->rows->len == 0)
    {
      b->empty = _cirt_chart_make_layout (c, c->str->no_sections, FALSE, c->base, PANGO_WEIGHT_NORMAL, 0, 0,
                                          PANGO_ALIGN_LEFT);
      y += _cirt_chart_layout_box (b->empty).h + c->base;
      b->body_bottom = y;
    }

  for (int level = 1; level <= CIRT_N_LEVELS; level++)
    {
      g_autofree char *text = g_strdup_printf ("%d %s", level, _cirt_chart_level_name (c, c->first, level));
      _cirt_chart_legend_add (c, &b->legend, SWATCH_BOX, &c->pal->level[level - 1],
                              &c->pal->level_edge[level - 1], text);
    }
  if (any_target)
    _cirt_chart_legend_add (c, &b->legend, SWATCH_TICK, &c->pal->fg, NULL, c->str->target_tick);
  if (any_provisional)
    _cirt_chart_legend_add (c, &b->legend, SWATCH_NONE, NULL, NULL, c->str->provisional_note);
  y += c->base * 0.8;
  y += _cirt_chart_legend_layout (c, &b->legend, y);
  b->natural_height = ceil (y + c->margin - c->base * 0.25);
}

void
_cirt_chart_sections_draw (Chart  *c,
                           double  width,
                           double  height)
{
  cairo_t *cr = c->cr;
  Bars b;

  _cirt_chart_sections_layout (c, &b, width);
  fit_vertically (c, width, b.natural_height, height);
  _cirt_chart_header_draw (c, &b.header);

  if (b.empty)
    _cirt_chart_show_layout (c, b.empty, c->margin, b.body_top + c->base * 0.5, &c->pal->muted);
  else
    bars_axis_draw (c, &b, c->first);

  for (guint i = 0; i < b.rows->len; i++)
    {
      Row *row = &g_array_index (b.rows, Row, i);
      Box lb = _cirt_chart_layout_box (row->label);

      if (row->heading)
        {
          /* Headings run across the whole width, over the bands. */
          cairo_rectangle (cr, c->margin, row->y, width - 2 * c->margin, row->h);
          _cirt_chart_set_rgb (cr, &c->pal->bg);
          cairo_fill (cr);
          _cirt_chart_show_layout (c, row->label, c->margin, row->y + c->base * 0.1, &c->pal->fg);
          cairo_move_to (cr, c->margin, round (row->y + row->h) - 0.5);
          cairo_line_to (cr, width - c->margin, round (row->y + row->h) - 0.5);
          _cirt_chart_set_rgb (cr, &c->pal->rim);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          continue;
        }

      _cirt_chart_show_layout (c, row->label, c->margin + b.label_w - lb.w, row->y + (row->h - lb.h) / 2, &c->pal->fg);
      {
        const CirtScoreValue *v = &row->section->value;
        const CirtPillarScore *ps = cirt_score_get_pillar (c->score, row->pillar);
        double bh = MIN (row->h * 0.6, c->base * 1.3), by = row->y + (row->h - bh) / 2;
        double pad = c->base * 0.35,
               tx = ps->target > 0 ? bar_x_of (&b, _cirt_chart_threshold (c->first, ps->target)) : NAN;
        double text_x = (v->defined ? bar_x_of (&b, v->score) : b.bar_x) + pad;
        Box vb = _cirt_chart_layout_box (row->value);

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
            _cirt_chart_set_rgb (cr, &c->pal->level[level - 1]);
            cairo_fill_preserve (cr);
            _cirt_chart_set_rgb (cr, &c->pal->level_edge[level - 1]);
            cairo_set_line_width (cr, 1.0);
            cairo_stroke (cr);
          }
        _cirt_chart_show_layout (c, row->value, text_x, row->y + (row->h - vb.h) / 2,
                                 v->defined ? &c->pal->fg : &c->pal->muted);

        if (!isnan (tx))
          {
            cairo_move_to (cr, tx, by - c->base * 0.3);
            cairo_line_to (cr, tx, by + bh + c->base * 0.3);
            _cirt_chart_set_rgb (cr, &c->pal->bg);
            cairo_set_line_width (cr, 5.0);
            cairo_stroke_preserve (cr);
            _cirt_chart_set_rgb (cr, &c->pal->fg);
            cairo_set_line_width (cr, 2.5);
            cairo_stroke (cr);
          }
      }
    }

  _cirt_chart_legend_draw (c, &b.legend);
  _cirt_chart_bars_clear (&b);
}

/* ------------------------------------------------------------------------ */
/* Coverage                                                                 */

static char *
format_percent (const Chart *c,
                double       fraction)
{
  return cirt_lang_format_percent (c->l, fraction);
}

static char *
coverage_label_markup (Chart      *c,
                       CirtPillar  p,
                       gboolean    used)
{
  g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);
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

void
_cirt_chart_coverage_layout (Chart  *c,
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
  _cirt_chart_header_init (c, &b->header, c->str->coverage_title, subtitle);

  {
    g_autofree char *probe_text = format_percent (c, 1.0);
    g_autoptr(PangoLayout) probe = _cirt_chart_make_layout (c, probe_text, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD,
                                                            0, 0, PANGO_ALIGN_LEFT);
    value_w = MAX (_cirt_chart_layout_box (probe).w, c->base * 3) + c->base * 0.5;
  }
  b->label_w = CLAMP ((width - 2 * c->margin) * 0.36, c->base * 7, c->base * 18);
  b->bar_x = c->margin + b->label_w + c->base * 0.8;
  b->bar_w = MAX (c->base * 4, width - c->margin - value_w - b->bar_x);

  y = _cirt_chart_header_height (c, &b->header) + c->base * 0.7;
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
      row.label = _cirt_chart_make_layout (c, markup, TRUE, c->base * 0.92, PANGO_WEIGHT_NORMAL, b->label_w, 4,
                                           PANGO_ALIGN_RIGHT);
      if (!isnan (coverage))
        {
          g_autofree char *pct = format_percent (c, coverage);
          row.value = _cirt_chart_make_layout (c, pct, FALSE, c->base * 0.9, PANGO_WEIGHT_BOLD, 0, 0, PANGO_ALIGN_LEFT);
        }
      else
        {
          g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);
          g_autofree char *m = g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>", muted,
                                                        used ? c->str->nothing_applicable : c->str->not_assessed);
          row.value = _cirt_chart_make_layout (c, m, TRUE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
        }
      if (row.heading)
        y += c->base * 0.6;
      row.y = y;
      row.h = MAX (c->base * 2.2, _cirt_chart_layout_box (row.label).h + c->base * 0.6);
      y += row.h;
      g_array_append_val (b->rows, row);
    }
  b->body_bottom = y;

  _cirt_chart_legend_add (c, &b->legend, SWATCH_BOX, &c->pal->answered, &c->pal->answered, c->str->answered);
  _cirt_chart_legend_add (c, &b->legend, SWATCH_HATCH, &c->pal->unanswered, &c->pal->hatch, c->str->unanswered);
  _cirt_chart_legend_add (c, &b->legend, SWATCH_THRESHOLD, &c->pal->fg, NULL, c->str->threshold_note);
  y += c->base * 0.8;
  y += _cirt_chart_legend_layout (c, &b->legend, y);
  b->natural_height = ceil (y + c->margin - c->base * 0.25);
}

void
_cirt_chart_coverage_draw (Chart  *c,
                           double  width,
                           double  height)
{
  cairo_t *cr = c->cr;
  Bars b;
  double x80;

  _cirt_chart_coverage_layout (c, &b, width);
  fit_vertically (c, width, b.natural_height, height);
  _cirt_chart_header_draw (c, &b.header);

  /* 0, 80 and 100 % above the bars. */
  for (int i = 0; i < 3; i++)
    {
      static const double marks[] = { 0, 0.8, 1.0 };
      g_autofree char *pct = format_percent (c, marks[i]);
      g_autoptr(PangoLayout) l = _cirt_chart_make_layout (c, pct, FALSE, c->base * 0.8, PANGO_WEIGHT_NORMAL, 0, 0,
                                                          PANGO_ALIGN_LEFT);
      Box tb = _cirt_chart_layout_box (l);
      double x = bar_x_of (&b, 100 * marks[i]);
      _cirt_chart_show_layout (c, l, CLAMP (x - tb.w / 2, 0, c->width - tb.w), b.axis_y, &c->pal->muted);
    }

  for (guint i = 0; i < b.rows->len; i++)
    {
      Row *row = &g_array_index (b.rows, Row, i);
      Box lb = _cirt_chart_layout_box (row->label), vb = _cirt_chart_layout_box (row->value);
      double coverage = row->pillar == CIRT_N_PILLARS ? cirt_score_get_overall (c->score)->coverage
                        : cirt_score_get_pillar (c->score, row->pillar)->value.coverage;
      double bh = MIN (row->h * 0.55, c->base * 1.3), by = row->y + (row->h - bh) / 2;

      if (row->heading)
        {
          cairo_move_to (cr, c->margin, round (row->y - c->base * 0.3) + 0.5);
          cairo_line_to (cr, width - c->margin, round (row->y - c->base * 0.3) + 0.5);
          _cirt_chart_set_rgb (cr, &c->pal->rim);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      _cirt_chart_show_layout (c, row->label, c->margin + b.label_w - lb.w, row->y + (row->h - lb.h) / 2, &c->pal->fg);
      if (isnan (coverage))
        {
          _cirt_chart_show_layout (c, row->value, b.bar_x + c->base * 0.35, row->y + (row->h - vb.h) / 2,
                                   &c->pal->muted);
          continue;
        }
      _cirt_chart_hatch_box (c, b.bar_x, by, b.bar_w, bh, &c->pal->unanswered, &c->pal->hatch);
      cairo_rectangle (cr, b.bar_x, by, b.bar_w * CLAMP (coverage, 0, 1), bh);
      _cirt_chart_set_rgb (cr, &c->pal->answered);
      cairo_fill (cr);
      _cirt_chart_show_layout (c, row->value, b.bar_x + b.bar_w + c->base * 0.35, row->y + (row->h - vb.h) / 2,
                               &c->pal->fg);
    }

  /* The provisional mark at 80 %, across the rows. */
  x80 = round (bar_x_of (&b, 80)) + 0.5;
  {
    double dash[] = { 3.0, 2.0 };
    cairo_save (cr);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, x80, b.body_top);
    cairo_line_to (cr, x80, b.body_bottom);
    _cirt_chart_set_rgb (cr, &c->pal->fg);
    cairo_set_line_width (cr, 1.5);
    cairo_stroke (cr);
    cairo_restore (cr);
  }

  _cirt_chart_legend_draw (c, &b.legend);
  _cirt_chart_bars_clear (&b);
}

/* ------------------------------------------------------------------------ */
/* Progress: each pillar's bar now, the earlier score as a marker on it     */

/* The pillars either assessment uses, then the overall row (CIRT_N_PILLARS). */
static gboolean
progress_row_used (Chart  *c,
                   guint   p)
{
  if (p == CIRT_N_PILLARS)
    return TRUE;
  return cirt_score_get_pillar (c->score, p)->used || cirt_score_get_pillar (c->opt->baseline, p)->used;
}

static const CirtScoreValue *
progress_value (CirtScore *score,
                guint      p)
{
  return p == CIRT_N_PILLARS ? cirt_score_get_overall (score) : &cirt_score_get_pillar (score, p)->value;
}

/* "83.3  +63.3", "no answers", "83.3  not assessed then". */
static char *
progress_value_markup (Chart *c,
                       guint  p)
{
  const CirtScoreValue *now = progress_value (c->score, p), *then = progress_value (c->opt->baseline, p);
  gboolean then_used = p == CIRT_N_PILLARS || cirt_score_get_pillar (c->opt->baseline, p)->used;
  g_autofree char *muted = _cirt_chart_rgb_hex (&c->pal->muted);
  g_autofree char *num = NULL, *delta = NULL;

  if (!now->defined)
    return g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>", muted, c->str->no_answers);
  num = _cirt_chart_format_number (c, now->score, 1);
  if (!then_used || !then->defined)
    {
      const char *why = then_used ? c->str->no_answers : c->str->not_assessed_then;
      if (c->mirrored)
        return g_markup_printf_escaped ("<span style=\"italic\" foreground=\"%s\">%s</span>  <b>%s</b>", muted, why,
                                        num);
      return g_markup_printf_escaped ("<b>%s</b>  <span style=\"italic\" foreground=\"%s\">%s</span>", num, muted,
                                      why);
    }
  delta = cirt_compare_score_delta_words (c->l, then->score, now->score);
  /* The score next to its bar: in a mirrored chart the bar ends on the
   * right of the text (both are numbers, laid out left to right). */
  if (c->mirrored)
    return g_markup_printf_escaped ("%s  <b>%s</b>", delta, num);
  return g_markup_printf_escaped ("<b>%s</b>  %s", num, delta);
}

void
_cirt_chart_progress_layout (Chart  *c,
                             Bars   *b,
                             double  width)
{
  g_autofree char *subtitle = NULL;
  double y, value_w;

  memset (b, 0, sizeof *b);
  b->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  if (c->opt->baseline != NULL)
    {
      const CirtScoreValue *now = cirt_score_get_overall (c->score), *then = cirt_score_get_overall (c->opt->baseline);
      if (now->defined && then->defined)
        {
          g_autofree char *a = _cirt_chart_format_number (c, then->score, 1);
          g_autofree char *n = _cirt_chart_format_number (c, now->score, 1);
          g_autofree char *d = cirt_compare_score_delta_words (c->l, then->score, now->score);
          g_autofree char *text = cirt_lang_format (c->l, CIRT_STR_CHART_PROGRESS_OVERALL, a, n, d, NULL);
          subtitle = g_markup_escape_text (text, -1);
        }
    }
  _cirt_chart_header_init (c, &b->header, c->str->progress_title, subtitle);

  {
    g_autoptr(PangoLayout) probe = _cirt_chart_make_layout (c, "<b>100.0</b>  −100.0", TRUE, c->base * 0.9,
                                                            PANGO_WEIGHT_NORMAL, 0, 0, PANGO_ALIGN_LEFT);
    value_w = _cirt_chart_layout_box (probe).w + c->base * 0.8;
  }
  b->label_w = CLAMP ((width - 2 * c->margin) * 0.3, c->base * 7, c->base * 16);
  b->bar_x = c->margin + b->label_w + c->base * 0.8;
  b->bar_w = MAX (c->base * 4, width - c->margin - value_w - b->bar_x);

  y = _cirt_chart_header_height (c, &b->header) + c->base * 0.7;
  b->axis_y = y;
  b->axis_h = c->base * 1.3;
  y += b->axis_h;
  b->body_top = y;

  if (c->opt->baseline == NULL)
    {
      b->empty = _cirt_chart_make_layout (c, c->str->no_baseline, FALSE, c->base, PANGO_WEIGHT_NORMAL,
                                          width - 2 * c->margin, 3, PANGO_ALIGN_LEFT);
      y += _cirt_chart_layout_box (b->empty).h + c->base;
      b->body_bottom = y;
    }
  else
    {
      for (guint p = 0; p <= CIRT_N_PILLARS; p++)
        {
          Row row = { 0 };
          const char *title = p == CIRT_N_PILLARS ? c->str->overall : cirt_lang_pillar_title (c->l, p);
          g_autofree char *markup = NULL, *label = NULL;

          if (!progress_row_used (c, p))
            continue;
          markup = progress_value_markup (c, p);
          label = p == CIRT_N_PILLARS ? g_markup_printf_escaped ("<b>%s</b>", title) : g_markup_escape_text (title, -1);
          row.pillar = p;
          row.heading = p == CIRT_N_PILLARS;   /* the overall row, set apart */
          row.label = _cirt_chart_make_layout (c, label, TRUE, c->base * 0.92, PANGO_WEIGHT_NORMAL, b->label_w, 3,
                                               PANGO_ALIGN_RIGHT);
          row.value = _cirt_chart_make_layout (c, markup, TRUE, c->base * 0.9, PANGO_WEIGHT_NORMAL, 0, 0,
                                               PANGO_ALIGN_LEFT);
          if (row.heading)
            y += c->base * 0.6;
          row.y = y;
          row.h = MAX (c->base * 2.2, _cirt_chart_layout_box (row.label).h + c->base * 0.6);
          y += row.h;
          g_array_append_val (b->rows, row);
        }
      b->body_bottom = y;

      for (int level = 1; level <= CIRT_N_LEVELS; level++)
        {
          g_autofree char *text = g_strdup_printf ("%d %s", level, _cirt_chart_level_name (c, c->first, level));
          _cirt_chart_legend_add (c, &b->legend, SWATCH_BOX, &c->pal->level[level - 1],
                                  &c->pal->level_edge[level - 1], text);
        }
      _cirt_chart_legend_add (c, &b->legend, SWATCH_MARKER, &c->pal->baseline, NULL, c->str->baseline);
    }
  y += c->base * 0.8;
  y += _cirt_chart_legend_layout (c, &b->legend, y);
  b->natural_height = ceil (y + c->margin - c->base * 0.25);
}

/* The earlier score: a line across the bar, and a diamond on it. */
void
_cirt_chart_draw_baseline_marker (Chart  *c,
                                  double  x,
                                  double  y0,
                                  double  y1)
{
  cairo_t *cr = c->cr;

  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  _cirt_chart_set_rgb (cr, &c->pal->bg);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  _cirt_chart_set_rgb (cr, &c->pal->baseline);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  _cirt_chart_draw_marker_diamond (cr, x, (y0 + y1) / 2, c->base * 0.38, &c->pal->baseline, &c->pal->bg);
}

void
_cirt_chart_progress_draw (Chart  *c,
                           double  width,
                           double  height)
{
  cairo_t *cr = c->cr;
  Bars b;

  _cirt_chart_progress_layout (c, &b, width);
  fit_vertically (c, width, b.natural_height, height);
  _cirt_chart_header_draw (c, &b.header);

  if (b.empty)
    _cirt_chart_show_layout (c, b.empty, c->margin, b.body_top + c->base * 0.5, &c->pal->muted);
  else
    bars_axis_draw (c, &b, c->first);

  for (guint i = 0; i < b.rows->len; i++)
    {
      Row *row = &g_array_index (b.rows, Row, i);
      Box lb = _cirt_chart_layout_box (row->label), vb = _cirt_chart_layout_box (row->value);
      const CirtScoreValue *now = progress_value (c->score, row->pillar);
      const CirtScoreValue *then = progress_value (c->opt->baseline, row->pillar);
      gboolean then_used = row->pillar == CIRT_N_PILLARS || cirt_score_get_pillar (c->opt->baseline, row->pillar)->used;
      double bh = MIN (row->h * 0.55, c->base * 1.3), by = row->y + (row->h - bh) / 2;
      double pad = c->base * 0.45, end = b.bar_x;

      if (row->heading)
        {
          cairo_move_to (cr, c->margin, round (row->y - c->base * 0.3) + 0.5);
          cairo_line_to (cr, width - c->margin, round (row->y - c->base * 0.3) + 0.5);
          _cirt_chart_set_rgb (cr, &c->pal->rim);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      _cirt_chart_show_layout (c, row->label, c->margin + b.label_w - lb.w, row->y + (row->h - lb.h) / 2, &c->pal->fg);
      if (now->defined)
        {
          int level = CLAMP (now->level, 1, CIRT_N_LEVELS);
          double x1 = bar_x_of (&b, now->score);

          cairo_rectangle (cr, b.bar_x, by, MAX (x1 - b.bar_x, 1.0), bh);
          _cirt_chart_set_rgb (cr, &c->pal->level[level - 1]);
          cairo_fill_preserve (cr);
          _cirt_chart_set_rgb (cr, &c->pal->level_edge[level - 1]);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          end = MAX (end, x1);
        }
      if (then_used && then->defined)
        {
          double tx = bar_x_of (&b, then->score);
          _cirt_chart_draw_baseline_marker (c, tx, by - c->base * 0.3, by + bh + c->base * 0.3);
          end = MAX (end, tx + c->base * 0.3);
        }
      _cirt_chart_show_layout (c, row->value, end + pad, row->y + (row->h - vb.h) / 2,
                               now->defined ? &c->pal->fg : &c->pal->muted);
    }

  _cirt_chart_legend_draw (c, &b.legend);
  _cirt_chart_bars_clear (&b);
}
