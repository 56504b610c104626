/* cirt-portfolio-item.c — one row of a portfolio (one assessment), as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-portfolio-item.h"

struct _CirtPortfolioItem {
  GObject        parent_instance;

  CirtPortfolio *portfolio;
  guint          index;
};

G_DEFINE_FINAL_TYPE (CirtPortfolioItem, cirt_portfolio_item, G_TYPE_OBJECT)

static void
cirt_portfolio_item_finalize (GObject *object)
{
  CirtPortfolioItem *self = CIRT_PORTFOLIO_ITEM (object);

  g_clear_pointer (&self->portfolio, cirt_portfolio_unref);
  G_OBJECT_CLASS (cirt_portfolio_item_parent_class)->finalize (object);
}

static void
cirt_portfolio_item_class_init (CirtPortfolioItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_portfolio_item_finalize;
}

static void
cirt_portfolio_item_init (CirtPortfolioItem *self)
{
}

CirtPortfolioItem *
cirt_portfolio_item_new (CirtPortfolio *portfolio,
                         guint          index)
{
  CirtPortfolioItem *self;

  g_return_val_if_fail (portfolio != NULL, NULL);
  g_return_val_if_fail (index < cirt_portfolio_get_n_rows (portfolio), NULL);

  self = g_object_new (CIRT_TYPE_PORTFOLIO_ITEM, NULL);
  self->portfolio = cirt_portfolio_ref (portfolio);
  self->index = index;
  return self;
}

const CirtPortfolioRow *
cirt_portfolio_item_get_row (CirtPortfolioItem *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_ITEM (self), NULL);
  return cirt_portfolio_get_row (self->portfolio, self->index);
}

guint
cirt_portfolio_item_get_index (CirtPortfolioItem *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_ITEM (self), 0);
  return self->index;
}
