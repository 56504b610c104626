/* cirt-portfolio-item.h — one row of a portfolio (one assessment), as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-portfolio.h"

G_BEGIN_DECLS

#define CIRT_TYPE_PORTFOLIO_ITEM (cirt_portfolio_item_get_type ())
G_DECLARE_FINAL_TYPE (CirtPortfolioItem, cirt_portfolio_item, CIRT, PORTFOLIO_ITEM, GObject)

/* Row @index of @portfolio; the item keeps @portfolio (which owns the row). */
CirtPortfolioItem      *cirt_portfolio_item_new       (CirtPortfolio     *portfolio,
                                                       guint              index);
const CirtPortfolioRow *cirt_portfolio_item_get_row   (CirtPortfolioItem *self);
/* The row's place in the portfolio (newest first). */
guint                   cirt_portfolio_item_get_index (CirtPortfolioItem *self);

G_END_DECLS
