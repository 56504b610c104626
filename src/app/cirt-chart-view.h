/* cirt-chart-view.h — one chart of cirt-chart on screen
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-chart.h"
#include "cirt-score.h"
#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_CHART_VIEW (cirt_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CirtChartView, cirt_chart_view, CIRT, CHART_VIEW, GtkWidget)

GtkWidget     *cirt_chart_view_new             (CirtChartKind  kind);

CirtChartKind  cirt_chart_view_get_kind        (CirtChartView *self);
void           cirt_chart_view_set_kind        (CirtChartView *self,
                                                CirtChartKind  kind);
/* The score drawn; NULL draws nothing and asks for no height. */
CirtScore     *cirt_chart_view_get_score       (CirtChartView *self);
void           cirt_chart_view_set_score       (CirtChartView *self,
                                                CirtScore     *score);
/* The earlier assessment a follow-up is compared with (radar), or NULL. */
CirtScore     *cirt_chart_view_get_baseline    (CirtChartView *self);
void           cirt_chart_view_set_baseline    (CirtChartView *self,
                                                CirtScore     *baseline);
/* The session whose score (NULL while nothing is answered) and baseline
 * are drawn ("session"); NULL: the score and baseline set below. */
CirtSession   *cirt_chart_view_get_session     (CirtChartView *self);
void           cirt_chart_view_set_session     (CirtChartView *self,
                                                CirtSession   *session);
/* Language of the chart's text ("en", "fr"…); NULL: the session's language
 * (else the interface's). */
const char    *cirt_chart_view_get_lang        (CirtChartView *self);
void           cirt_chart_view_set_lang        (CirtChartView *self,
                                                const char    *lang);
/* How much larger than the chart module's own size for that width the
 * chart is drawn (default 1.2): drawn at width / zoom, scaled by zoom. */
double         cirt_chart_view_get_zoom        (CirtChartView *self);
void           cirt_chart_view_set_zoom        (CirtChartView *self,
                                                double         zoom);
/* The chart in words, as given to assistive technologies
 * ("Radar chart: Legal 41.1, level 3 Established; …"); "" without a score. */
const char    *cirt_chart_view_get_description (CirtChartView *self);
/* How many times it has drawn its chart (out of sight it does not). */
guint          cirt_chart_view_get_n_draws     (CirtChartView *self);
/* A series to compare the radar with instead of the baseline: 0–100 per
 * pillar (NAN: none), named @label in the legend and in the description
 * (the portfolio: the median of the country's region). NULL: none. */
void           cirt_chart_view_set_comparison  (CirtChartView *self,
                                                const double  *values,
                                                const char    *label);
const char    *cirt_chart_view_get_comparison_label (CirtChartView *self);
/* The width the chart asks for when room allows (0: the default, 560). */
void           cirt_chart_view_set_natural_width (CirtChartView *self,
                                                  int            width);
/* Whether the last drawing used the dark palette. */
gboolean       cirt_chart_view_get_drawn_dark  (CirtChartView *self);

G_END_DECLS
