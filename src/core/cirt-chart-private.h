/* cirt-chart-private.h — what the chart's files share: the drawing context,
 * the palette, the strings of the report language, text, and the layouts of
 * the legend, the radar and the bar charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-chart.c         the context, palettes and strings; colours, text,
 *                      headers, markers and hatching; the public entry
 *                      points and the files
 * cirt-chart-legend.c  legends: swatches and labels in centred rows
 * cirt-chart-radar.c   the radar: its axes, layout and drawing
 * cirt-chart-bars.c    the sections, coverage and progress bar charts */
#pragma once

#include <pango/pangocairo.h>

#include "cirt-chart.h"
#include "cirt-lang.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Palette, strings, drawing context (cirt-chart.c)                         */

typedef struct {
  double r, g, b;
} Rgb;

typedef struct {
  Rgb bg, fg, muted, grid, rim, band_a, band_b;
  Rgb level[CIRT_N_LEVELS];
  Rgb level_edge[CIRT_N_LEVELS];
  Rgb current, target, baseline;
  Rgb answered, unanswered, hatch;
} Palette;

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
  const char *progress_title, *no_baseline, *not_assessed_then;
} Strings;

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
  /* The bar charts in a right-to-left language: laid out left to right and
   * drawn mirrored, text unmirrored in its mirrored box, so the labels are
   * on the right and the bars grow leftwards. */
  gboolean                mirrored;
  CirtChartTextCache     *cache;     /* opt->text_cache */
} Chart;

void         _cirt_chart_set_rgb             (cairo_t    *cr,
                                              const Rgb  *rgb);
void         _cirt_chart_set_rgba            (cairo_t   *cr,
                                              const Rgb *rgb,
                                              double     alpha);
char        *_cirt_chart_rgb_hex             (const Rgb *rgb);

PangoLayout *_cirt_chart_make_layout         (Chart          *c,
                                              const char     *text,
                                              gboolean        markup,
                                              double          size,
                                              PangoWeight     weight,
                                              double          wrap,
                                              int             max_lines,
                                              PangoAlignment  align);
/* The logical box of the text, in user units. */
Box          _cirt_chart_layout_box          (PangoLayout *layout);
/* Draws @layout with the top-left of its logical box at (x, y). */
void         _cirt_chart_show_layout         (Chart       *c,
                                              PangoLayout *layout,
                                              double       x,
                                              double       y,
                                              const Rgb   *color);
char        *_cirt_chart_format_number       (const Chart *c,
                                              double       value,
                                              int          decimals);

const char  *_cirt_chart_level_name          (Chart          *c,
                                              CirtInstrument *thresholds,
                                              int             level);
double       _cirt_chart_threshold           (CirtInstrument *thresholds,
                                              int             level);

/* Title and optional subtitle from the top margin; returns the y below them. */
typedef struct {
  PangoLayout *title;
  PangoLayout *subtitle;
} Header;

void         _cirt_chart_header_init         (Chart      *c,
                                              Header     *h,
                                              const char *title,
                                              const char *subtitle_markup);
double       _cirt_chart_header_height       (Chart  *c,
                                              Header *h);
void         _cirt_chart_header_draw         (Chart  *c,
                                              Header *h);
void         _cirt_chart_header_clear        (Header *h);

void         _cirt_chart_draw_marker_circle  (cairo_t   *cr,
                                              double     x,
                                              double     y,
                                              double     r,
                                              const Rgb *fill,
                                              const Rgb *ring);
void         _cirt_chart_draw_marker_diamond (cairo_t   *cr,
                                              double     x,
                                              double     y,
                                              double     r,
                                              const Rgb *fill,
                                              const Rgb *ring);
void         _cirt_chart_hatch_box           (Chart     *c,
                                              double     x,
                                              double     y,
                                              double     w,
                                              double     h,
                                              const Rgb *fill,
                                              const Rgb *hatch);

/* ------------------------------------------------------------------------ */
/* Legend (cirt-chart-legend.c)                                             */

typedef enum {
  SWATCH_NONE,
  SWATCH_AREA,       /* filled area with a line and a dot: the current series */
  SWATCH_DASH,       /* dashed line: target */
  SWATCH_DOT,        /* dotted line with a diamond: earlier assessment */
  SWATCH_BOX,        /* filled box: a level colour, answered */
  SWATCH_HATCH,      /* hatched box: unanswered */
  SWATCH_TICK,       /* vertical tick: target on a bar */
  SWATCH_THRESHOLD,  /* dashed vertical line: the 80 % mark */
  SWATCH_MARKER,     /* vertical line with a diamond: the earlier score on a bar */
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

void         _cirt_chart_legend_add          (Chart      *c,
                                              Legend     *legend,
                                              SwatchKind  kind,
                                              const Rgb  *color,
                                              const Rgb  *edge,
                                              const char *text);
/* Places the items in rows within the margins, starting at @y; returns the
 * height used. */
double       _cirt_chart_legend_layout       (Chart  *c,
                                              Legend *legend,
                                              double  y);
void         _cirt_chart_legend_draw         (Chart  *c,
                                              Legend *legend);
void         _cirt_chart_legend_clear        (Legend *legend);

/* ------------------------------------------------------------------------ */
/* Radar (cirt-chart-radar.c)                                               */

typedef struct {
  Header       header;
  Legend       legend;
  PangoLayout *labels[CIRT_N_PILLARS];
  Box          boxes[CIRT_N_PILLARS];   /* placed, absolute */
  double       cx, cy, radius;
  double       natural_height;
  gboolean     any_provisional;
} Radar;

/* Lays the radar out in @width × @height (@height ≤ 0: as tall as it needs
 * to be, which sets natural_height). */
void         _cirt_chart_radar_layout        (Chart  *c,
                                              Radar  *rd,
                                              double  width,
                                              double  height);
void         _cirt_chart_radar_clear         (Radar *rd);
void         _cirt_chart_radar_draw          (Chart  *c,
                                              double  width,
                                              double  height);

/* ------------------------------------------------------------------------ */
/* Bars: sections and coverage (cirt-chart-bars.c)                          */

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

void         _cirt_chart_bars_clear          (Bars *b);
void         _cirt_chart_sections_layout     (Chart  *c,
                                              Bars   *b,
                                              double  width);
void         _cirt_chart_sections_draw       (Chart  *c,
                                              double  width,
                                              double  height);
void         _cirt_chart_coverage_layout     (Chart  *c,
                                              Bars   *b,
                                              double  width);
void         _cirt_chart_coverage_draw       (Chart  *c,
                                              double  width,
                                              double  height);
/* Progress: the pillars' bars now, with the baseline's scores
 * (options->baseline) as markers. */
void         _cirt_chart_progress_layout     (Chart  *c,
                                              Bars   *b,
                                              double  width);
void         _cirt_chart_progress_draw       (Chart  *c,
                                              double  width,
                                              double  height);
/* The earlier score at @x: a line from @y0 to @y1 with a diamond. */
void         _cirt_chart_draw_baseline_marker (Chart  *c,
                                               double  x,
                                               double  y0,
                                               double  y1);

G_END_DECLS
