/* cirt-chart.h — the one drawing module: screen, PNG/SVG/PDF files and reports
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cirt-score.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_CHART_RADAR,      /* five pillars: current, target, baseline */
  CIRT_CHART_SECTIONS,   /* horizontal bars per section, grouped by pillar */
  CIRT_CHART_COVERAGE,   /* answered vs unanswered per pillar */
  CIRT_CHART_PROGRESS,   /* a follow-up's pillars and overall index now, the
                          * baseline's scores (options->baseline) as markers */
} CirtChartKind;

/* Text laid out once and kept, for a surface that measures a chart and then
 * draws it (the GTK widget): the same text at the same size is shaped once,
 * not once to measure and once to draw. Only for surfaces without hinting
 * of their own (a cairo recording of the screen); files are drawn without. */
typedef struct _CirtChartTextCache CirtChartTextCache;

CirtChartTextCache *cirt_chart_text_cache_new  (void);
void                cirt_chart_text_cache_free (CirtChartTextCache *cache);
guint               cirt_chart_text_cache_size (CirtChartTextCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtChartTextCache, cirt_chart_text_cache_free)

typedef struct {
  const char *lang;        /* titles, level names and legend ("en", "fr"); NULL = en */
  gboolean    dark;        /* dark palette (the GTK widget follows the style manager) */
  CirtScore  *baseline;    /* earlier assessment for comparison, or NULL (the
                            * progress chart says it has none) */
  double      font_scale;  /* 1.0 = default; 0 is taken as 1.0 */
  gboolean    transparent; /* do not paint a background */
  const struct _CirtSeal *seal; /* cirt_chart_write_file(): seal the file with it (cirt-seal.h); NULL: plain */
  CirtChartTextCache    *text_cache; /* NULL: text laid out afresh */
  /* Radar: a series to compare with instead of the baseline, 0–100 per
   * pillar in GCA order (NAN: none), drawn as the baseline is and named
   * @comparison_label in the legend (the portfolio: the median of the
   * country's region). NULL: none. */
  const double *comparison;
  const char   *comparison_label;
} CirtChartOptions;

gboolean cirt_chart_kind_from_string   (const char    *str,
                                        CirtChartKind *out);

/* Draws at (0,0)–(width,height) of @cr in user units. */
void     cirt_chart_draw               (cairo_t                *cr,
                                        CirtChartKind           kind,
                                        CirtScore              *score,
                                        const CirtChartOptions *options,
                                        double                  width,
                                        double                  height);
/* A height that fits the chart's content at @width in @lang (NULL: English;
 * the sections chart grows with the number of sections, and with the lines
 * its labels take in the language). */
double   cirt_chart_natural_height     (CirtChartKind  kind,
                                        CirtScore     *score,
                                        const char    *lang,
                                        double         width);
/* The same with all of cirt_chart_draw()'s options: the baseline adds an
 * item to the radar's legend and sets the progress chart's rows, and a text
 * cache keeps the text shaped to measure for the drawing. */
double   cirt_chart_natural_height_full (CirtChartKind           kind,
                                         CirtScore              *score,
                                         const CirtChartOptions *options,
                                         double                  width);
/* Writes PNG, SVG or PDF by the file's extension, through a temporary file
 * renamed into place. */
gboolean cirt_chart_write_file         (CirtChartKind           kind,
                                        CirtScore              *score,
                                        const CirtChartOptions *options,
                                        const char             *path,
                                        int                     width,
                                        int                     height,
                                        GError                **error);

/* Additions for issue 4 ------------------------------------------------- */

/* Where the radar is drawn at that size: the centre and the radius of score
 * 100 (score s lies at radius·s/100 along its pillar's axis). The same layout
 * as cirt_chart_draw(), so the GTK widget can hit-test and tests can check
 * pixels. */
typedef struct {
  double cx;
  double cy;
  double radius;
} CirtChartRadarGeometry;

void     cirt_chart_radar_geometry     (CirtScore              *score,
                                        const CirtChartOptions *options,
                                        double                  width,
                                        double                  height,
                                        CirtChartRadarGeometry *geometry);
/* The axis of @pillar in radians, cairo's convention (0 along +x, growing
 * clockwise on screen): legal points up (−π/2), then clockwise in GCA order. */
double   cirt_chart_radar_angle        (CirtPillar pillar);

G_END_DECLS
