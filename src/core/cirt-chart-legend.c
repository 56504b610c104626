/* cirt-chart-legend.c — the charts' legends: swatches and labels in rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A legend is a list of items, each a swatch (an area, a dashed or dotted
 * line, a box, a hatched box, a tick, or none) and a label; they are placed
 * in rows that wrap within the margins and are centred, then drawn where
 * the chart puts them. The radar and the bar charts each make their own. */
#include "config.h"

#include "cirt-chart-private.h"

/* ------------------------------------------------------------------------ */
/* Legend: a row of swatches and labels, wrapped and centred                */

void
_cirt_chart_legend_add (Chart      *c,
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
  item->text = _cirt_chart_make_layout (c, text, FALSE, c->base * 0.9, PANGO_WEIGHT_NORMAL,
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
    case SWATCH_MARKER:
      return c->base * 1.0;
    case SWATCH_AREA:
    case SWATCH_DASH:
    case SWATCH_DOT:
    default:
      return c->base * 2.0;
    }
}

/* Places the items in rows within the margins, starting at @y; returns the
 * height used. */
double
_cirt_chart_legend_layout (Chart  *c,
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
          double w = sw + (sw > 0 ? c->base * 0.4 : 0) + _cirt_chart_layout_box (it->text).w;
          if (end > row_start && row_w + spacing + w > avail)
            break;
          row_w += (end > row_start ? spacing : 0) + w;
          row_h = MAX (row_h, _cirt_chart_layout_box (it->text).h);
        }
      x = c->margin + MAX (0, (avail - row_w) / 2);
      for (guint i = row_start; i < end; i++)
        {
          LegendItem *it = &legend->items[i];
          double sw = swatch_width (c, it->kind);
          Box tb = _cirt_chart_layout_box (it->text);

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

void
_cirt_chart_legend_draw (Chart  *c,
                         Legend *legend)
{
  cairo_t *cr = c->cr;

  for (guint i = 0; i < legend->n; i++)
    {
      LegendItem *it = &legend->items[i];
      Box tb = _cirt_chart_layout_box (it->text);
      double sw = swatch_width (c, it->kind);
      double my = it->y + tb.h / 2, x = it->x;

      cairo_save (cr);
      switch (it->kind)
        {
        case SWATCH_NONE:
          break;
        case SWATCH_AREA:
          cairo_rectangle (cr, x, my - c->base * 0.35, sw, c->base * 0.7);
          _cirt_chart_set_rgba (cr, &it->color, 0.22);
          cairo_fill (cr);
          cairo_move_to (cr, x, my);
          cairo_line_to (cr, x + sw, my);
          _cirt_chart_set_rgb (cr, &it->color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          _cirt_chart_draw_marker_circle (cr, x + sw / 2, my, c->base * 0.3, &it->color, &c->pal->bg);
          break;
        case SWATCH_DASH:
          {
            double dash[] = { c->base * 0.5, c->base * 0.3 };
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x, my);
            cairo_line_to (cr, x + sw, my);
            _cirt_chart_set_rgb (cr, &it->color);
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
            _cirt_chart_set_rgb (cr, &it->color);
            cairo_set_line_width (cr, 2.5);
            cairo_stroke (cr);
            _cirt_chart_draw_marker_diamond (cr, x + sw / 2, my, c->base * 0.3, &it->color, &c->pal->bg);
          }
          break;
        case SWATCH_BOX:
          cairo_rectangle (cr, x + 0.5, my - sw / 2 + 0.5, sw - 1, sw - 1);
          _cirt_chart_set_rgb (cr, &it->color);
          cairo_fill_preserve (cr);
          _cirt_chart_set_rgb (cr, &it->edge);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          break;
        case SWATCH_HATCH:
          _cirt_chart_hatch_box (c, x, my - sw / 2, sw, sw, &it->color, &it->edge);
          break;
        case SWATCH_TICK:
          cairo_move_to (cr, x + sw / 2, my - c->base * 0.55);
          cairo_line_to (cr, x + sw / 2, my + c->base * 0.55);
          _cirt_chart_set_rgb (cr, &it->color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          break;
        case SWATCH_THRESHOLD:
          {
            double dash[] = { 3.0, 2.0 };
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x + sw / 2, my - c->base * 0.55);
            cairo_line_to (cr, x + sw / 2, my + c->base * 0.55);
            _cirt_chart_set_rgb (cr, &it->color);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
          break;
        case SWATCH_MARKER:
          _cirt_chart_draw_baseline_marker (c, x + sw / 2, my - c->base * 0.55, my + c->base * 0.55);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
      _cirt_chart_show_layout (c, it->text, x + sw + (sw > 0 ? c->base * 0.4 : 0), it->y, &c->pal->fg);
    }
}

void
_cirt_chart_legend_clear (Legend *legend)
{
  for (guint i = 0; i < legend->n; i++)
    g_clear_object (&legend->items[i].text);
  legend->n = 0;
}
