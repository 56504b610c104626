/* cirt-table-row.c — one row of a table whose columns line up from row to row
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkColumnView in GTK 4.8 keeps 200 rows alive (GTK_LIST_VIEW_MAX_LIST_ITEMS)
 * whatever its height, each a widget per column inside a widget per cell:
 * 2,600 widgets for a table of 13 columns, made and styled before its
 * first frame. A one-column GtkGridView keeps only the rows in sight and a
 * few more (about 33), so the portfolio's table is a grid view of these
 * rows under a header row of the same columns. The columns are a pure
 * function of the row's width, so that the header and every row place
 * column N at the same x.
 *
 * The header does not sit in a scrolled window of its own: two scrolled
 * windows bound to one horizontal position disagree whenever one of them
 * has been given its new width and the other not yet (the second clamps
 * the position to its old width and keeps it). The header is laid out over
 * the rows' whole width instead, shifted by where the rows are scrolled to
 * (cirt_table_row_set_offset), and clipped to what it is given. */
#include "config.h"

#include "cirt-table-row.h"

struct _CirtTableRow {
  GtkWidget               parent_instance;

  const CirtTableColumns *columns;
  gboolean                scrolls;   /* a header: any width, shifted by offset */
  int                     offset;
};

G_DEFINE_FINAL_TYPE (CirtTableRow, cirt_table_row, GTK_TYPE_WIDGET)

int
cirt_table_columns_get_min_width (const CirtTableColumns *columns)
{
  int sum = 0;

  g_return_val_if_fail (columns != NULL, 0);
  for (guint c = 0; c < columns->n_columns; c++)
    sum += MAX (columns->width[c], 0);
  return sum;
}

void
cirt_table_columns_place (const CirtTableColumns *columns,
                          int                     width,
                          guint                   column,
                          int                    *x,
                          int                    *column_width)
{
  int extra, at = 0;

  g_return_if_fail (columns != NULL);
  g_return_if_fail (column < columns->n_columns);

  extra = MAX (width - cirt_table_columns_get_min_width (columns), 0);
  for (guint c = 0; c < columns->n_columns; c++)
    {
      int w = MAX (columns->width[c], 0) + ((int) c == columns->expand ? extra : 0);

      if (c == column)
        {
          *x = at;
          *column_width = w;
          return;
        }
      at += w;
    }
}

static void
cirt_table_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CirtTableRow *self = CIRT_TABLE_ROW (widget);
  guint c = 0;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = cirt_table_columns_get_min_width (self->columns);
      *minimum = self->scrolls ? 0 : *natural;
      return;
    }
  for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL && c < self->columns->n_columns;
       cell = gtk_widget_get_next_sibling (cell), c++)
    {
      int x, w, min, nat;

      if (!gtk_widget_should_layout (cell))
        continue;
      cirt_table_columns_place (self->columns, MAX (for_size, 0), c, &x, &w);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, w, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
cirt_table_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CirtTableRow *self = CIRT_TABLE_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  /* The columns are placed over the width of the rows' content, of which
   * a header shows the part from offset on. */
  int content = MAX (width, cirt_table_columns_get_min_width (self->columns));
  int shift = self->scrolls ? self->offset : 0;
  guint c = 0;

  for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell), c++)
    {
      int x = 0, w = 0, min;

      if (!gtk_widget_should_layout (cell))
        continue;
      if (c < self->columns->n_columns)
        cirt_table_columns_place (self->columns, width, c, &x, &w);
      /* GTK warns of a child given less than its minimum. */
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      w = MAX (w, min);
      gtk_widget_size_allocate (cell, &(GtkAllocation) { (rtl ? content - x - w : x) - shift, 0, w, height }, -1);
    }
}

static GtkSizeRequestMode
cirt_table_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cirt_table_row_dispose (GObject *object)
{
  GtkWidget *cell;

  while ((cell = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (cell);
  G_OBJECT_CLASS (cirt_table_row_parent_class)->dispose (object);
}

static void
cirt_table_row_class_init (CirtTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_table_row_dispose;
  widget_class->measure = cirt_table_row_measure;
  widget_class->size_allocate = cirt_table_row_size_allocate;
  widget_class->get_request_mode = cirt_table_row_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "tablerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
cirt_table_row_init (CirtTableRow *self)
{
}

GtkWidget *
cirt_table_row_new (const CirtTableColumns *columns)
{
  CirtTableRow *self;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (columns->n_columns <= CIRT_TABLE_MAX_COLUMNS, NULL);

  self = g_object_new (CIRT_TYPE_TABLE_ROW, NULL);
  self->columns = columns;
  return GTK_WIDGET (self);
}

void
cirt_table_row_append (CirtTableRow *self,
                       GtkWidget    *cell)
{
  g_return_if_fail (CIRT_IS_TABLE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (cell));
  gtk_widget_set_parent (cell, GTK_WIDGET (self));
}

GtkWidget *
cirt_table_row_new_header (const CirtTableColumns *columns)
{
  GtkWidget *self = cirt_table_row_new (columns);

  g_return_val_if_fail (self != NULL, NULL);
  CIRT_TABLE_ROW (self)->scrolls = TRUE;
  gtk_widget_set_overflow (self, GTK_OVERFLOW_HIDDEN);
  return self;
}

void
cirt_table_row_set_offset (CirtTableRow *self,
                           int           offset)
{
  g_return_if_fail (CIRT_IS_TABLE_ROW (self));

  if (self->offset != offset)
    {
      self->offset = offset;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

GtkWidget *
cirt_table_row_get_cell (CirtTableRow *self,
                         guint         column)
{
  GtkWidget *cell;

  g_return_val_if_fail (CIRT_IS_TABLE_ROW (self), NULL);
  cell = gtk_widget_get_first_child (GTK_WIDGET (self));
  for (guint c = 0; cell != NULL && c < column; c++)
    cell = gtk_widget_get_next_sibling (cell);
  return cell;
}
