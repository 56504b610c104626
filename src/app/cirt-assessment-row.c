/* cirt-assessment-row.c — one assessment in the sidebar list, one widget
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as the box of labels it replaces was: 6 px above and below, 4 px
 * at the sides; the title in bold on at most two lines, then the country
 * line and the progress line in the caption size, 3 px apart; a 4 px bar
 * beside the "n / m" text, 8 px between them. Text colours come from the
 * row's style (so a selected row and the dark style follow), the bar's fill
 * from the accent colour. */
#include "config.h"

#include "cirt-assessment-row.h"

#define PAD_Y       6
#define PAD_X       4
#define GAP         3
#define LINE_TOP    2
#define BAR_HEIGHT  4
#define BAR_GAP     8
#define BAR_MIN     24
#define DIM_ALPHA   0.55f   /* Adwaita's .dim-label */
#define SMALL_SCALE 0.82    /* Adwaita's .caption */
#define NATURAL_EXTRA 160   /* beyond the minimum: room for a title */

struct _CirtAssessmentRow {
  GtkWidget    parent_instance;

  char        *title;
  char        *subtitle;
  char        *progress_text;
  double       fraction;

  PangoLayout *title_layout;      /* made when first measured, dropped when fonts change */
  PangoLayout *subtitle_layout;
  PangoLayout *progress_layout;
};

G_DEFINE_FINAL_TYPE (CirtAssessmentRow, cirt_assessment_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PROGRESS_TEXT,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoLayout *
new_layout (CirtAssessmentRow *self,
            const char        *text,
            gboolean           bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text ? text : "");
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  else
    pango_attr_list_insert (attrs, pango_attr_scale_new (SMALL_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (bold)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);   /* two lines at most */
    }
  return layout;
}

static void
ensure_layouts (CirtAssessmentRow *self)
{
  if (self->title_layout == NULL)
    self->title_layout = new_layout (self, self->title, TRUE);
  if (self->subtitle_layout == NULL)
    self->subtitle_layout = new_layout (self, self->subtitle, FALSE);
  if (self->progress_layout == NULL)
    self->progress_layout = new_layout (self, self->progress_text, FALSE);
}

static void
drop_layouts (CirtAssessmentRow *self)
{
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);
  g_clear_object (&self->progress_layout);
}

/* The height of one line of the title's font, measured once (on two
 * letters) until the fonts change. */
static int title_line_h;

static int
title_line_height (CirtAssessmentRow *self)
{
  if (title_line_h <= 0)
    {
      g_autoptr(PangoLayout) probe = new_layout (self, "Ag", TRUE);
      pango_layout_get_pixel_size (probe, NULL, &title_line_h);
    }
  return title_line_h;
}

static int
layout_width (PangoLayout *layout,
              int          width)
{
  int w = 0;

  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static int
layout_height (PangoLayout *layout,
               int          width)
{
  int h = 0;

  pango_layout_set_width (layout, width < 0 ? -1 : width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

/* The heights of the three lines at @width (the whole row's width). */
static void
line_heights (CirtAssessmentRow *self,
              int                width,
              int               *title_h,
              int               *subtitle_h,
              int               *line_h,
              int               *progress_w)
{
  int content = width < 0 ? -1 : MAX (1, width - 2 * PAD_X);

  ensure_layouts (self);
  *title_h = layout_height (self->title_layout, content);
  *subtitle_h = layout_height (self->subtitle_layout, content);
  *progress_w = layout_width (self->progress_layout, -1);
  *line_h = MAX (BAR_HEIGHT, layout_height (self->progress_layout, -1));
}

static void
cirt_assessment_row_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CirtAssessmentRow *self = CIRT_ASSESSMENT_ROW (widget);

  ensure_layouts (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The title and the country line ellipsize, and the list is as wide
       * as the sidebar: their widths are never measured (laying them out
       * unwrapped and then at the row's width would shape them twice). */
      int progress_w = layout_width (self->progress_layout, -1);

      *minimum = 2 * PAD_X + BAR_MIN + BAR_GAP + progress_w;
      *natural = *minimum + NATURAL_EXTRA;
    }
  else if (for_size < 0)
    {
      /* A height for no width in particular (the list asks it of every row
       * it keeps, some two hundred): the tallest the row can be, from the
       * height of one line of each font, without laying out the texts. */
      int small_h = layout_height (self->progress_layout, -1);

      *minimum = *natural = 2 * PAD_Y + 2 * title_line_height (self) + GAP + small_h + GAP + LINE_TOP +
                            MAX (BAR_HEIGHT, small_h);
    }
  else
    {
      int title_h, subtitle_h, line_h, progress_w;

      line_heights (self, for_size, &title_h, &subtitle_h, &line_h, &progress_w);
      *minimum = *natural = 2 * PAD_Y + title_h + GAP + subtitle_h + GAP + LINE_TOP + line_h;
    }
}

static GtkSizeRequestMode
cirt_assessment_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_bar (GtkSnapshot   *snapshot,
            float          x,
            float          y,
            float          width,
            const GdkRGBA *color)
{
  GskRoundedRect r;

  if (width <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (x, y, width, BAR_HEIGHT), BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &r);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);
}

static void
cirt_assessment_row_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CirtAssessmentRow *self = CIRT_ASSESSMENT_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int title_h, subtitle_h, line_h, progress_w, content = MAX (1, width - 2 * PAD_X);
  float y, bar_w, bar_x, text_x, bar_y;
  GdkRGBA color, dim, trough, accent;

  gtk_style_context_get_color (style, &color);
  dim = color;
  dim.alpha *= DIM_ALPHA;
  trough = color;
  trough.alpha *= 0.15f;
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    accent = color;

  line_heights (self, width, &title_h, &subtitle_h, &line_h, &progress_w);
  pango_layout_set_alignment (self->title_layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_alignment (self->subtitle_layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  y = PAD_Y;
  append_layout (snapshot, self->title_layout, PAD_X, y, &color);
  y += title_h + GAP;
  append_layout (snapshot, self->subtitle_layout, PAD_X, y, &dim);
  y += subtitle_h + GAP + LINE_TOP;

  bar_w = MAX (0, content - BAR_GAP - progress_w);
  bar_x = rtl ? PAD_X + progress_w + BAR_GAP : PAD_X;
  text_x = rtl ? PAD_X : PAD_X + content - progress_w;
  bar_y = y + (line_h - BAR_HEIGHT) / 2.0f;
  append_layout (snapshot, self->progress_layout, text_x, y + (line_h - layout_height (self->progress_layout, -1)) / 2.0f,
                 &dim);
  append_bar (snapshot, bar_x, bar_y, bar_w, &trough);
  {
    float fill = bar_w * (float) CLAMP (self->fraction, 0.0, 1.0);
    append_bar (snapshot, rtl ? bar_x + bar_w - fill : bar_x, bar_y, fill, &accent);
  }
}

static void
cirt_assessment_row_system_setting_changed (GtkWidget        *widget,
                                            GtkSystemSetting  setting)
{
  drop_layouts (CIRT_ASSESSMENT_ROW (widget));
  title_line_h = 0;
  gtk_widget_queue_resize (widget);
  GTK_WIDGET_CLASS (cirt_assessment_row_parent_class)->system_setting_changed (widget, setting);
}

static void
update_accessible (CirtAssessmentRow *self)
{
  g_autoptr(GString) label = g_string_new (self->title ? self->title : "");

  if (self->subtitle != NULL && *self->subtitle != '\0')
    g_string_append_printf (label, ", %s", self->subtitle);
  if (self->progress_text != NULL && *self->progress_text != '\0')
    g_string_append_printf (label, ", %s", self->progress_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}

static gboolean
set_text (CirtAssessmentRow  *self,
          char              **field,
          PangoLayout        *layout,
          const char         *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  if (layout != NULL)
    pango_layout_set_text (layout, value ? value : "", -1);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

static void
cirt_assessment_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirtAssessmentRow *self = CIRT_ASSESSMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (set_text (self, &self->title, self->title_layout, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SUBTITLE:
      if (set_text (self, &self->subtitle, self->subtitle_layout, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_PROGRESS_TEXT:
      if (set_text (self, &self->progress_text, self->progress_layout, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_FRACTION:
      if (self->fraction != g_value_get_double (value))
        {
          self->fraction = g_value_get_double (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirtAssessmentRow *self = CIRT_ASSESSMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_row_finalize (GObject *object)
{
  CirtAssessmentRow *self = CIRT_ASSESSMENT_ROW (object);

  drop_layouts (self);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->progress_text);
  G_OBJECT_CLASS (cirt_assessment_row_parent_class)->finalize (object);
}

static void
cirt_assessment_row_class_init (CirtAssessmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cirt_assessment_row_finalize;
  object_class->get_property = cirt_assessment_row_get_property;
  object_class->set_property = cirt_assessment_row_set_property;
  widget_class->measure = cirt_assessment_row_measure;
  widget_class->get_request_mode = cirt_assessment_row_get_request_mode;
  widget_class->snapshot = cirt_assessment_row_snapshot;
  widget_class->system_setting_changed = cirt_assessment_row_system_setting_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "assessmentrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cirt_assessment_row_init (CirtAssessmentRow *self)
{
}

GtkWidget *
cirt_assessment_row_new (void)
{
  return g_object_new (CIRT_TYPE_ASSESSMENT_ROW, NULL);
}

const char *
cirt_assessment_row_get_title (CirtAssessmentRow *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ROW (self), NULL);
  return self->title;
}

const char *
cirt_assessment_row_get_subtitle (CirtAssessmentRow *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ROW (self), NULL);
  return self->subtitle;
}

const char *
cirt_assessment_row_get_progress_text (CirtAssessmentRow *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ROW (self), NULL);
  return self->progress_text;
}

double
cirt_assessment_row_get_fraction (CirtAssessmentRow *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ROW (self), 0);
  return self->fraction;
}
