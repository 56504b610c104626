/* cirt-table-row.h — one row of a table whose columns line up from row to row
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CIRT_TABLE_MAX_COLUMNS 16

/* The columns of a table, shared by its header row and every data row:
 * each column's width in pixels, and the one column (or -1) that takes
 * the width left over. The table that owns this keeps it alive while its
 * rows are, and queues a resize of them when it changes it. */
typedef struct {
  guint n_columns;
  int   expand;
  int   width[CIRT_TABLE_MAX_COLUMNS];
} CirtTableColumns;

/* Children are the cells, in column order (mirrored right to left). A
 * cell is given its column's width whatever it asks for, so that cells
 * line up in every row; text cells ellipsize. */
#define CIRT_TYPE_TABLE_ROW (cirt_table_row_get_type ())
G_DECLARE_FINAL_TYPE (CirtTableRow, cirt_table_row, CIRT, TABLE_ROW, GtkWidget)

GtkWidget *cirt_table_row_new      (const CirtTableColumns *columns);
/* A header row: it asks for no width (the rows do), lays its cells out
 * over the rows' width shifted left by @offset pixels (where the rows are
 * scrolled to, from the left edge of their content whatever the text
 * direction) and clips them. */
GtkWidget *cirt_table_row_new_header (const CirtTableColumns *columns);
void       cirt_table_row_set_offset (CirtTableRow           *self,
                                      int                     offset);
void       cirt_table_row_append   (CirtTableRow           *self,
                                    GtkWidget              *cell);
GtkWidget *cirt_table_row_get_cell (CirtTableRow           *self,
                                    guint                   column);
/* The x and the width of @column in a row @width wide (left to right). */
void       cirt_table_columns_place (const CirtTableColumns *columns,
                                     int                     width,
                                     guint                   column,
                                     int                    *x,
                                     int                    *column_width);
int        cirt_table_columns_get_min_width (const CirtTableColumns *columns);

G_END_DECLS
