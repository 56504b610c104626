/* cirt-portfolio-view.h — every assessment of the database side by side:
 * a sortable table, filters by region and phase, each country's latest,
 * the medians by region and a radar of a country against its region
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-context.h"
#include "cirt-portfolio.h"

G_BEGIN_DECLS

#define CIRT_TYPE_PORTFOLIO_VIEW (cirt_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (CirtPortfolioView, cirt_portfolio_view, CIRT, PORTFOLIO_VIEW, GtkWidget)

/* Emits "open-assessment" (id) when a row is activated (double click,
 * Enter). Follows the context's store: rebuilt, once the changes settle,
 * while it is shown, else when it is shown next. */
GtkWidget     *cirt_portfolio_view_new            (CirtContext       *context);

/* The portfolio shown, for tests. */
CirtPortfolio *cirt_portfolio_view_get_portfolio  (CirtPortfolioView *self);
/* The filters: a region id (NULL: all, CIRT_PORTFOLIO_NO_REGION: none),
 * a phase (NULL: all), each country's latest. */
void           cirt_portfolio_view_set_filter     (CirtPortfolioView *self,
                                                   const char        *region,
                                                   const char        *phase,
                                                   gboolean           latest);
/* The rows shown, in the order shown. */
guint          cirt_portfolio_view_get_n_shown    (CirtPortfolioView *self);
const CirtPortfolioRow *cirt_portfolio_view_get_shown (CirtPortfolioView *self,
                                                       guint              position);
/* Sorts by a column: "country", "code", "region", "date", "phase",
 * "overall", "level", a pillar id, "coverage". */
void           cirt_portfolio_view_sort_by        (CirtPortfolioView *self,
                                                   const char        *column,
                                                   gboolean           descending);
/* Selects the row of @position (of those shown); the radar follows. */
void           cirt_portfolio_view_select         (CirtPortfolioView *self,
                                                   guint              position);
/* Activates the row of @position, as Enter would. */
void           cirt_portfolio_view_activate       (CirtPortfolioView *self,
                                                   guint              position);
GtkWidget     *cirt_portfolio_view_get_radar      (CirtPortfolioView *self);
/* The table: the grid view of its rows (CirtTableRow, one label a column)
 * and the header row of its column titles (CirtTableRow of buttons). */
GtkWidget     *cirt_portfolio_view_get_list       (CirtPortfolioView *self);
GtkWidget     *cirt_portfolio_view_get_header     (CirtPortfolioView *self);
/* Puts the keyboard focus on the table. */
void           cirt_portfolio_view_focus_list     (CirtPortfolioView *self);

G_END_DECLS
