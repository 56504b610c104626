/* cirt-card-columns.c — cards in two columns when wide, one when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no breakpoints (AdwBreakpoint is libadwaita 1.4), and a
 * widget cannot change its children's orientation from size_allocate (the
 * resize it would queue is ignored there). Laying the cards out here, as a
 * pure function of the width, is the GTK 4 way: the same width always gives
 * the same layout, in measure and in allocate alike.
 *
 * The columns keep to a maximum width themselves, centred in what they are
 * given, instead of sitting in an AdwClamp: a clamp asked for its height at
 * no width in particular (a scrolled window asks so, and uses no answer)
 * lays every card out at the clamp's maximum width, a width the cards never
 * have. Asked so, the columns answer with the height at their present
 * width. */
#include "config.h"

#include "cirt-card-columns.h"

#define DEFAULT_SPACING          18
#define DEFAULT_MIN_COLUMN_WIDTH 420

struct _CirtCardColumns {
  GtkWidget  parent_instance;

  int        spacing;
  int        min_column_width;
  int        maximum_width;   /* -1: none */
  guint      n_columns;
};

static GtkBuildableIface *parent_buildable_iface;

static void cirt_card_columns_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtCardColumns, cirt_card_columns, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cirt_card_columns_buildable_init))

enum {
  PROP_0,
  PROP_SPACING,
  PROP_MIN_COLUMN_WIDTH,
  PROP_MAXIMUM_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark wide_quark;
static GQuark column_quark;

static gboolean
is_wide (GtkWidget *child)
{
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (child), wide_quark));
}

static int
widest_minimum (CirtCardColumns *self,
                gboolean         wide_children)
{
  int widest = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0;

      if (!gtk_widget_should_layout (c) || is_wide (c) != wide_children)
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      widest = MAX (widest, min);
    }
  return widest;
}

static guint
columns_for (CirtCardColumns *self,
             int              width)
{
  int column = MAX (self->min_column_width, widest_minimum (self, FALSE));
  return width >= 2 * column + self->spacing ? 2 : 1;
}

/* Lays the children out at @width: their boxes when @allocate, and the total
 * height (minimum and natural) in any case. */
static void
layout (CirtCardColumns *self,
        int              given_width,
        gboolean         allocate,
        int             *minimum,
        int             *natural)
{
  int width = self->maximum_width > 0 ? MIN (given_width, self->maximum_width) : given_width;
  int x0 = (given_width - width) / 2;
  guint n = columns_for (self, width);
  int column_width = n == 2 ? (width - self->spacing) / 2 : width;
  int bottom[2] = { 0, 0 };      /* natural heights */
  int min_bottom[2] = { 0, 0 };
  gboolean started[2] = { FALSE, FALSE };

  if (allocate)
    self->n_columns = n;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      if (is_wide (c))
        {
          int y = MAX (bottom[0], bottom[1]);
          int min_y = MAX (min_bottom[0], min_bottom[1]);
          gboolean any = started[0] || started[1];

          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
          if (any)
            {
              y += self->spacing;
              min_y += self->spacing;
            }
          if (allocate)
            {
              g_object_set_qdata (G_OBJECT (c), column_quark, GUINT_TO_POINTER (0));
              gtk_widget_size_allocate (c, &(GtkAllocation) { x0, y, width, nat }, -1);
            }
          bottom[0] = bottom[1] = y + nat;
          min_bottom[0] = min_bottom[1] = min_y + min;
          started[0] = started[1] = TRUE;
          continue;
        }
      {
        guint col = n == 2 && bottom[1] < bottom[0] ? 1 : 0;
        int y = bottom[col] + (started[col] ? self->spacing : 0);

        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, column_width, &min, &nat, NULL, NULL);
        if (allocate)
          {
            int x = x0 + (col == 1 ? column_width + self->spacing : 0);
            if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL && n == 2)
              x = x0 + (col == 1 ? 0 : column_width + self->spacing);
            g_object_set_qdata (G_OBJECT (c), column_quark, GUINT_TO_POINTER (col));
            gtk_widget_size_allocate (c, &(GtkAllocation) { x, y, column_width, nat }, -1);
          }
        min_bottom[col] += (started[col] ? self->spacing : 0) + min;
        bottom[col] = y + nat;
        started[col] = TRUE;
      }
    }
  if (minimum)
    *minimum = MAX (min_bottom[0], min_bottom[1]);
  if (natural)
    *natural = MAX (bottom[0], bottom[1]);
}

/* ------------------------------------------------------------------------ */
/* GtkBuildable                                                              */

static void
cirt_card_columns_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  if (GTK_IS_WIDGET (child) && (type == NULL || g_strcmp0 (type, "wide") == 0))
    cirt_card_columns_append (CIRT_CARD_COLUMNS (buildable), GTK_WIDGET (child), type != NULL);
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
cirt_card_columns_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cirt_card_columns_buildable_add_child;
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                 */

static GtkSizeRequestMode
cirt_card_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cirt_card_columns_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CirtCardColumns *self = CIRT_CARD_COLUMNS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Widths never depend on a height here: a wrapped label asked for
       * its width at a height answers by trial layouts. */
      int min = MAX (widest_minimum (self, FALSE), widest_minimum (self, TRUE));
      int widest_nat = 0;
      gboolean any_narrow = FALSE;

      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        {
          int nat = 0;

          if (!gtk_widget_should_layout (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
          if (is_wide (c))
            {
              widest_nat = MAX (widest_nat, nat);
              continue;
            }
          any_narrow = TRUE;
          widest_nat = MAX (widest_nat, 2 * MAX (nat, self->min_column_width) + self->spacing);
        }
      if (!any_narrow && widest_nat == 0)
        widest_nat = min;
      widest_nat = MAX (min, widest_nat);
      if (self->maximum_width > 0)
        widest_nat = MAX (min, MIN (widest_nat, self->maximum_width));
      if (minimum)
        *minimum = min;
      if (natural)
        *natural = widest_nat;
      return;
    }
  if (for_size < 0)
    {
      for_size = gtk_widget_get_width (widget);
      if (for_size <= 0)
        {
          *minimum = *natural = 0;
          return;
        }
    }
  layout (self, for_size, FALSE, minimum, natural);
}

static void
cirt_card_columns_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  layout (CIRT_CARD_COLUMNS (widget), width, TRUE, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
cirt_card_columns_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cirt_card_columns_parent_class)->dispose (object);
}

static void
cirt_card_columns_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CirtCardColumns *self = CIRT_CARD_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;
    case PROP_MAXIMUM_WIDTH:
      g_value_set_int (value, self->maximum_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_card_columns_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CirtCardColumns *self = CIRT_CARD_COLUMNS (object);
  int v;

  switch (prop_id)
    {
    case PROP_SPACING:
      v = g_value_get_int (value);
      if (v != self->spacing)
        {
          self->spacing = v;
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MIN_COLUMN_WIDTH:
      v = g_value_get_int (value);
      if (v != self->min_column_width)
        {
          self->min_column_width = v;
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAXIMUM_WIDTH:
      v = g_value_get_int (value);
      if (v != self->maximum_width)
        {
          self->maximum_width = v;
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_card_columns_class_init (CirtCardColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_card_columns_dispose;
  object_class->get_property = cirt_card_columns_get_property;
  object_class->set_property = cirt_card_columns_set_property;
  widget_class->get_request_mode = cirt_card_columns_get_request_mode;
  widget_class->measure = cirt_card_columns_measure;
  widget_class->size_allocate = cirt_card_columns_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, DEFAULT_SPACING,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Two columns from twice this width (plus the spacing). */
  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL, 1, G_MAXINT, DEFAULT_MIN_COLUMN_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The widest the columns grow (centred beyond it); -1 for no limit. */
  properties[PROP_MAXIMUM_WIDTH] =
    g_param_spec_int ("maximum-width", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  wide_quark = g_quark_from_static_string ("cirt-card-columns-wide");
  column_quark = g_quark_from_static_string ("cirt-card-columns-column");
  gtk_widget_class_set_css_name (widget_class, "cardcolumns");
}

static void
cirt_card_columns_init (CirtCardColumns *self)
{
  self->spacing = DEFAULT_SPACING;
  self->min_column_width = DEFAULT_MIN_COLUMN_WIDTH;
  self->maximum_width = -1;
}

GtkWidget *
cirt_card_columns_new (void)
{
  return g_object_new (CIRT_TYPE_CARD_COLUMNS, NULL);
}

void
cirt_card_columns_append (CirtCardColumns *self,
                          GtkWidget       *child,
                          gboolean         wide)
{
  g_return_if_fail (CIRT_IS_CARD_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  g_object_set_qdata (G_OBJECT (child), wide_quark, GINT_TO_POINTER (wide));
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

guint
cirt_card_columns_get_n_columns (CirtCardColumns *self)
{
  g_return_val_if_fail (CIRT_IS_CARD_COLUMNS (self), 0);
  return self->n_columns;
}

guint
cirt_card_columns_get_column (CirtCardColumns *self,
                              GtkWidget       *child)
{
  g_return_val_if_fail (CIRT_IS_CARD_COLUMNS (self), 0);
  g_return_val_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == GTK_WIDGET (self), 0);
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), column_quark));
}
