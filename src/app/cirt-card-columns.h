/* cirt-card-columns.h — cards in two columns when wide, one when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Children are laid out in their order: in one column when the width is
 * under two minimum column widths, else in two columns, each card going to
 * the shorter column (so a tall chart beside two short cards leaves no
 * gap). A "wide" child (<child type="wide"> in a .ui file) spans both
 * columns below everything before it. */
#define CIRT_TYPE_CARD_COLUMNS (cirt_card_columns_get_type ())
G_DECLARE_FINAL_TYPE (CirtCardColumns, cirt_card_columns, CIRT, CARD_COLUMNS, GtkWidget)

GtkWidget *cirt_card_columns_new           (void);
void       cirt_card_columns_append        (CirtCardColumns *self,
                                            GtkWidget       *child,
                                            gboolean         wide);
/* Columns of the last allocation (1 or 2; 0 before the first). */
guint      cirt_card_columns_get_n_columns (CirtCardColumns *self);
/* Column (0 or 1) @child was last placed in; wide children are in 0. */
guint      cirt_card_columns_get_column    (CirtCardColumns *self,
                                            GtkWidget       *child);

G_END_DECLS
