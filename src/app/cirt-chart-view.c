/* cirt-chart-view.c — one chart of cirt-chart on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All drawing is cirt_chart_draw(): the screen shows exactly what the PNG,
 * the workbook's report and the PDF show. This widget only sizes the chart
 * (height for width, from cirt_chart_natural_height()), follows the dark
 * style, and says in words what the chart shows for assistive technologies. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-chart-view.h"
#include "cirt-compare.h"
#include "cirt-overview-style.h"

#define MIN_WIDTH 280
#define NAT_WIDTH 560
#define N_CACHED  4

/* The chart module sizes its text by the width (11 px at the widths of a
 * card); drawn at 1/zoom of the width and scaled up, the chart keeps its
 * proportions and its text comes near the size of the text around it. */
#define DEFAULT_ZOOM 1.2

struct _CirtChartView {
  GtkWidget      parent_instance;

  /* owned */
  CirtSession   *session;
  GBindingGroup *session_bindings;
  CirtScore     *score;
  CirtScore     *baseline;
  char          *lang;
  char          *description;
  double         comparison[CIRT_N_PILLARS];
  char          *comparison_label;   /* NULL: no comparison */
  int            natural_width;      /* 0: NAT_WIDTH */

  CirtChartKind  kind;
  double         zoom;
  gboolean       drawn_dark;
  guint          n_draws;

  /* the scrolling it waits for while out of sight (see in_sight ()) */
  CirtChartTextCache *text;   /* shaped to measure, kept to draw */
  GtkAdjustment *watched;
  gulong         watch_handler;
  gulong         resize_handler;

  /* natural heights by width: measuring lays out all the chart's text */
  int            cache_width[N_CACHED];
  int            cache_height[N_CACHED];
  guint          cache_next;
};

G_DEFINE_FINAL_TYPE (CirtChartView, cirt_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SCORE,
  PROP_BASELINE,
  PROP_LANG,
  PROP_ZOOM,
  PROP_DESCRIPTION,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
effective_lang (CirtChartView *self)
{
  if (self->lang != NULL)
    return self->lang;
  if (self->session != NULL)
    return cirt_context_get_language (cirt_session_get_context (self->session));
  return g_get_language_names ()[0];
}

static void
clear_cache (CirtChartView *self)
{
  for (guint i = 0; i < N_CACHED; i++)
    self->cache_width[i] = -1;
}

/* ------------------------------------------------------------------------ */
/* The chart in words                                                        */

static const char *
level_name (CirtScore  *score,
            int         level,
            const char *lang)
{
  const CirtLevelInfo *info = level >= 1 && level <= CIRT_N_LEVELS ? cirt_score_get_level_info (score, level) : NULL;
  return info ? cirt_text_get (info->name, lang) : "";
}

/* "41.1, level 3 Established, provisional" */
static char *
describe_value (CirtScore            *score,
                const CirtScoreValue *v,
                const char           *lang)
{
  g_autofree char *num = NULL;
  GString *s;

  if (!v->defined)
    return g_strdup (_("no answers"));
  num = cirt_lang_format_score (cirt_lang_get (lang), v->score);
  s = g_string_new (NULL);
  /* translators: a score in words for screen readers: "41.1, level 3 Established" */
  g_string_append_printf (s, _("%s, level %d %s"), num, v->level, level_name (score, v->level, lang));
  if (v->provisional)
    g_string_append_printf (s, ", %s", _("provisional"));
  return g_string_free (s, FALSE);
}

static void
describe_radar (CirtChartView *self,
                GString       *s,
                const char    *lang)
{
  const CirtScoreValue *overall = cirt_score_get_overall (self->score);
  g_autofree char *o = describe_value (self->score, overall, lang);

  /* translators: start of the words describing the radar chart */
  g_string_append_printf (s, _("Radar chart of maturity by pillar. Overall %s."), o);
  if (overall->defined && cirt_score_get_capped_by (self->score)->len > 0 &&
      cirt_score_get_uncapped_level (self->score) > overall->level)
    g_string_append_printf (s, " %s", _("Capped at level 2 by critical questions."));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (self->score, p);
      g_autofree char *v = NULL;

      if (!ps->used)
        continue;
      v = describe_value (self->score, &ps->value, lang);
      g_string_append_printf (s, " %s %s", cirt_lang_pillar_title (cirt_lang_get (lang), p), v);
      if (ps->target > 0)
        /* translators: after a pillar's score in the radar chart's description */
        g_string_append_printf (s, _(", target level %d"), ps->target);
      g_string_append (s, ";");
    }
  if (self->comparison_label != NULL)
    {
      g_string_append_printf (s, " %s:", self->comparison_label);
      for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
        {
          g_autofree char *v = NULL;

          if (isnan (self->comparison[p]))
            continue;
          v = cirt_lang_format_score (cirt_lang_get (lang), self->comparison[p]);
          g_string_append_printf (s, " %s %s;", cirt_lang_pillar_title (cirt_lang_get (lang), p), v);
        }
    }
  else if (self->baseline != NULL)
    {
      g_string_append_printf (s, " %s", _("Earlier assessment:"));
      for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
        {
          const CirtPillarScore *ps = cirt_score_get_pillar (self->baseline, p);
          g_autofree char *v = NULL;

          if (!ps->used)
            continue;
          v = describe_value (self->baseline, &ps->value, lang);
          g_string_append_printf (s, " %s %s;", cirt_lang_pillar_title (cirt_lang_get (lang), p), v);
        }
    }
}

static void
describe_sections (CirtChartView *self,
                   GString       *s,
                   const char    *lang)
{
  guint n = cirt_score_get_n_sections (self->score);

  g_string_append_printf (s, ngettext ("Bar chart of maturity by section, %u section.",
                                       "Bar chart of maturity by section, %u sections.", n), n);
  for (guint i = 0; i < n; i++)
    {
      const CirtSectionScore *ss = cirt_score_get_section (self->score, i);
      g_autofree char *v = NULL;

      if (ss->value.defined)
        {
          g_autofree char *num = cirt_lang_format_score (cirt_lang_get (lang), ss->value.score);
          const CirtLevelInfo *info = cirt_instrument_get_level_info (ss->instrument, ss->value.level);
          /* translators: a section's score in words: "41.1, level 3 Established" */
          v = g_strdup_printf (_("%s, level %d %s"), num, ss->value.level,
                               info ? cirt_text_get (info->name, lang) : "");
          if (ss->value.provisional)
            {
              char *t = g_strdup_printf ("%s, %s", v, _("provisional"));
              g_free (v);
              v = t;
            }
        }
      else if (ss->total == 0)
        v = g_strdup (_("no scored questions"));
      else if (ss->answered > 0)
        v = g_strdup (_("nothing applicable"));
      else
        v = g_strdup (_("no answers"));
      /* translators: "Section title (Pillar) 41.1, level 3 Established;" */
      g_string_append_printf (s, _(" %s (%s) %s;"), cirt_text_get (ss->section->title, lang),
                              cirt_lang_pillar_title (cirt_lang_get (lang), ss->section->pillar), v);
    }
}

static void
describe_coverage (CirtChartView *self,
                   GString       *s,
                   const char    *lang)
{
  const CirtScoreValue *overall = cirt_score_get_overall (self->score);

  g_string_append (s, _("Coverage chart: the answered share of the applicable questions by pillar."));
  for (CirtPillar p = 0; p <= CIRT_N_PILLARS; p++)
    {
      const CirtScoreValue *v = p == CIRT_N_PILLARS ? overall : &cirt_score_get_pillar (self->score, p)->value;
      const char *title = p == CIRT_N_PILLARS ? _("Overall") : cirt_lang_pillar_title (cirt_lang_get (lang), p);
      guint answered = 0, na = 0, total = 0;

      if (p < CIRT_N_PILLARS && !cirt_score_get_pillar (self->score, p)->used)
        continue;
      cirt_score_get_counts (self->score, p, &answered, &na, &total);
      if (isnan (v->coverage))
        {
          g_string_append_printf (s, " %s %s;", title, _("nothing applicable"));
          continue;
        }
      {
        g_autofree char *pct = cirt_lang_format_percent (cirt_lang_get (lang), v->coverage);
        /* translators: "Legal 75 % answered, 6 of 8 questions;" in the coverage chart's description */
        g_string_append_printf (s, _(" %s %s answered, %u of %u questions;"), title, pct, answered, total - na);
      }
    }
}

static void
describe_progress (CirtChartView *self,
                   GString       *s,
                   const char    *lang)
{
  const CirtLang *l = cirt_lang_get (lang);

  /* translators: start of the words describing the progress chart */
  g_string_append (s, _("Bar chart of the progress since the earlier assessment, by pillar."));
  if (self->baseline == NULL)
    {
      g_string_append_printf (s, " %s", _("There is no earlier assessment to compare with."));
      return;
    }
  for (guint p = 0; p <= CIRT_N_PILLARS; p++)
    {
      const CirtScoreValue *now = p == CIRT_N_PILLARS ? cirt_score_get_overall (self->score)
                                                      : &cirt_score_get_pillar (self->score, p)->value;
      const CirtScoreValue *then = p == CIRT_N_PILLARS ? cirt_score_get_overall (self->baseline)
                                                       : &cirt_score_get_pillar (self->baseline, p)->value;
      const char *title = p == CIRT_N_PILLARS ? _("Overall") : cirt_lang_pillar_title (l, p);
      g_autofree char *a = NULL, *b = NULL, *d = NULL;

      if (p < CIRT_N_PILLARS && !cirt_score_get_pillar (self->score, p)->used &&
          !cirt_score_get_pillar (self->baseline, p)->used)
        continue;
      a = then->defined ? cirt_lang_format_score (l, then->score) : g_strdup (_("no score"));
      b = now->defined ? cirt_lang_format_score (l, now->score) : g_strdup (_("no score"));
      d = cirt_compare_score_delta_words (l, then->defined ? then->score : NAN, now->defined ? now->score : NAN);
      /* translators: "Legal 20.0 then, 83.3 now (+63.3);" in the progress chart's description */
      g_string_append_printf (s, _(" %s %s then, %s now (%s);"), title, a, b, d);
    }
}

static void
update_description (CirtChartView *self)
{
  GString *s = g_string_new (NULL);
  const char *lang = effective_lang (self);

  if (self->score != NULL)
    switch (self->kind)
      {
      case CIRT_CHART_RADAR:
        describe_radar (self, s, lang);
        break;
      case CIRT_CHART_SECTIONS:
        describe_sections (self, s, lang);
        break;
      case CIRT_CHART_PROGRESS:
        describe_progress (self, s, lang);
        break;
      case CIRT_CHART_COVERAGE:
      default:
        describe_coverage (self, s, lang);
        break;
      }
  /* The trailing separator reads as a pause; end on a full stop. */
  if (s->len > 0 && s->str[s->len - 1] == ';')
    s->str[s->len - 1] = '.';
  g_free (self->description);
  self->description = g_string_free (s, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->description, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
changed (CirtChartView *self)
{
  clear_cache (self);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                 */

static void
on_dark_changed_cb (CirtChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
cirt_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
natural_height (CirtChartView *self,
                int            width)
{
  int height;

  for (guint i = 0; i < N_CACHED; i++)
    if (self->cache_width[i] == width)
      return self->cache_height[i];
  {
    CirtChartOptions options = { 0 };

    options.lang = effective_lang (self);
    /* The radar's legend and the progress chart's rows follow the baseline
     * (or the series compared with). */
    options.baseline = self->baseline;
    if (self->comparison_label != NULL)
      {
        options.comparison = self->comparison;
        options.comparison_label = self->comparison_label;
      }
    options.text_cache = self->text;
    height = (int) ceil (self->zoom * cirt_chart_natural_height_full (self->kind, self->score, &options,
                                                                      width / self->zoom));
  }
  self->cache_width[self->cache_next] = width;
  self->cache_height[self->cache_next] = height;
  self->cache_next = (self->cache_next + 1) % N_CACHED;
  return height;
}

static void
cirt_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CirtChartView *self = CIRT_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = self->natural_width > 0 ? MAX (self->natural_width, MIN_WIDTH) : NAT_WIDTH;
      return;
    }
  if (self->score == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  *minimum = *natural = natural_height (self, for_size > 0 ? MAX (for_size, MIN_WIDTH) : NAT_WIDTH);
}

static void
unwatch (CirtChartView *self)
{
  if (self->watched != NULL)
    {
      g_clear_signal_handler (&self->watch_handler, self->watched);
      g_clear_signal_handler (&self->resize_handler, self->watched);
    }
  g_clear_object (&self->watched);
}

/* Whether any of the chart shows in the viewport it scrolls in (TRUE when
 * it scrolls in none). Drawing a chart lays out all its text, and a chart
 * below the fold would cost the window's first frame that much: out of
 * sight, it waits for the scrolling that brings it in. GTK keeps what a
 * widget drew until it asks to draw again, so once drawn it is not drawn
 * again for scrolling. */
static gboolean
in_sight (CirtChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;

  if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return TRUE;
  if (bounds.origin.y < gtk_widget_get_height (viewport) && bounds.origin.y + bounds.size.height > 0 &&
      bounds.origin.x < gtk_widget_get_width (viewport) && bounds.origin.x + bounds.size.width > 0)
    {
      unwatch (self);
      return TRUE;
    }
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  if (adjustment != NULL && adjustment != self->watched)
    {
      unwatch (self);
      self->watched = g_object_ref (adjustment);
      self->watch_handler = g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                                                     self, G_CONNECT_SWAPPED);
      /* a taller window brings it in without scrolling */
      self->resize_handler = g_signal_connect_object (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw),
                                                      self, G_CONNECT_SWAPPED);
    }
  return FALSE;
}

static void
cirt_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CirtChartView *self = CIRT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CirtChartOptions options = { 0 };
  cairo_t *cr;

  if (self->score == NULL || width < 1 || height < 1 || !in_sight (self))
    return;
  options.lang = effective_lang (self);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.baseline = self->baseline;
  if (self->comparison_label != NULL)
    {
      options.comparison = self->comparison;
      options.comparison_label = self->comparison_label;
    }
  options.font_scale = 1.0;
  options.transparent = TRUE;
  options.text_cache = self->text;
  self->drawn_dark = options.dark;
  self->n_draws++;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cirt_chart_draw (cr, self->kind, self->score, &options, width / self->zoom, height / self->zoom);
  cairo_destroy (cr);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
cirt_chart_view_dispose (GObject *object)
{
  CirtChartView *self = CIRT_CHART_VIEW (object);

  if (self->session_bindings != NULL)
    g_binding_group_set_source (self->session_bindings, NULL);
  unwatch (self);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session);
  g_clear_object (&self->score);
  g_clear_object (&self->baseline);
  G_OBJECT_CLASS (cirt_chart_view_parent_class)->dispose (object);
}

static void
cirt_chart_view_finalize (GObject *object)
{
  CirtChartView *self = CIRT_CHART_VIEW (object);

  g_free (self->lang);
  g_free (self->description);
  cirt_chart_text_cache_free (self->text);
  g_free (self->comparison_label);
  G_OBJECT_CLASS (cirt_chart_view_parent_class)->finalize (object);
}

static void
cirt_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CirtChartView *self = CIRT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;
    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CirtChartView *self = CIRT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cirt_chart_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_SCORE:
      cirt_chart_view_set_score (self, g_value_get_object (value));
      break;
    case PROP_BASELINE:
      cirt_chart_view_set_baseline (self, g_value_get_object (value));
      break;
    case PROP_LANG:
      cirt_chart_view_set_lang (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      cirt_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SESSION:
      cirt_chart_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_chart_view_class_init (CirtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_chart_view_dispose;
  object_class->finalize = cirt_chart_view_finalize;
  object_class->get_property = cirt_chart_view_get_property;
  object_class->set_property = cirt_chart_view_set_property;
  widget_class->get_request_mode = cirt_chart_view_get_request_mode;
  widget_class->measure = cirt_chart_view_measure;
  widget_class->snapshot = cirt_chart_view_snapshot;

  /* A CirtChartKind: 0 radar, 1 sections, 2 coverage. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, CIRT_CHART_RADAR, CIRT_CHART_PROGRESS, CIRT_CHART_RADAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_object ("score", NULL, NULL, CIRT_TYPE_SCORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, CIRT_TYPE_SCORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 4.0, DEFAULT_ZOOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The session whose score (once something is answered) and baseline are
   * drawn, in its language. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CIRT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cirtchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* A score with nothing answered draws no chart. */
static gboolean
defined_score (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  CirtScore *score = g_value_get_object (from);

  g_value_set_object (to, score != NULL && cirt_score_get_overall (score)->defined ? score : NULL);
  return TRUE;
}

static void
cirt_chart_view_init (CirtChartView *self)
{
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->session_bindings, "score", self, "score", G_BINDING_SYNC_CREATE,
                             defined_score, NULL, NULL, NULL);
  g_binding_group_bind (self->session_bindings, "baseline", self, "baseline", G_BINDING_SYNC_CREATE);
  self->description = g_strdup ("");
  self->zoom = DEFAULT_ZOOM;
  self->text = cirt_chart_text_cache_new ();
  clear_cache (self);
  /* Reachable with Tab, so that screen reader users hear the chart in words. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  cirt_overview_style_ensure ();
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_chart_view_new (CirtChartKind kind)
{
  return g_object_new (CIRT_TYPE_CHART_VIEW, "kind", kind, NULL);
}

CirtChartKind
cirt_chart_view_get_kind (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), CIRT_CHART_RADAR);
  return self->kind;
}

void
cirt_chart_view_set_kind (CirtChartView *self,
                          CirtChartKind  kind)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  g_return_if_fail (kind <= CIRT_CHART_PROGRESS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CirtScore *
cirt_chart_view_get_score (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->score;
}

void
cirt_chart_view_set_score (CirtChartView *self,
                           CirtScore     *score)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  g_return_if_fail (score == NULL || CIRT_IS_SCORE (score));

  /* A recomputed score is a new object: always redraw. */
  if (!g_set_object (&self->score, score))
    return;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

CirtScore *
cirt_chart_view_get_baseline (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->baseline;
}

void
cirt_chart_view_set_baseline (CirtChartView *self,
                              CirtScore     *baseline)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  g_return_if_fail (baseline == NULL || CIRT_IS_SCORE (baseline));

  if (!g_set_object (&self->baseline, baseline))
    return;
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

CirtSession *
cirt_chart_view_get_session (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->session;
}

void
cirt_chart_view_set_session (CirtChartView *self,
                             CirtSession   *session)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_binding_group_set_source (self->session_bindings, session);
  if (session == NULL)
    {
      cirt_chart_view_set_score (self, NULL);
      cirt_chart_view_set_baseline (self, NULL);
    }
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
cirt_chart_view_get_lang (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->lang;
}

void
cirt_chart_view_set_lang (CirtChartView *self,
                          const char    *lang)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->lang, lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

double
cirt_chart_view_get_zoom (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), 1.0);
  return self->zoom;
}

void
cirt_chart_view_set_zoom (CirtChartView *self,
                          double         zoom)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  g_return_if_fail (zoom >= 0.5 && zoom <= 4.0);

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  clear_cache (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

guint
cirt_chart_view_get_n_draws (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), 0);
  return self->n_draws;
}

const char *
cirt_chart_view_get_description (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->description;
}

gboolean
cirt_chart_view_get_drawn_dark (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), FALSE);
  return self->drawn_dark;
}

void
cirt_chart_view_set_comparison (CirtChartView *self,
                                const double  *values,
                                const char    *label)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));

  g_clear_pointer (&self->comparison_label, g_free);
  if (values != NULL)
    {
      memcpy (self->comparison, values, sizeof self->comparison);
      self->comparison_label = g_strdup (label ? label : "");
    }
  changed (self);
}

const char *
cirt_chart_view_get_comparison_label (CirtChartView *self)
{
  g_return_val_if_fail (CIRT_IS_CHART_VIEW (self), NULL);
  return self->comparison_label;
}

void
cirt_chart_view_set_natural_width (CirtChartView *self,
                                   int            width)
{
  g_return_if_fail (CIRT_IS_CHART_VIEW (self));
  self->natural_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
