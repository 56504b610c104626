/* cirt-recommendations-page.c — every recommendation, ranked, filtered by
 * pillar and lifecycle phase
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-assessment-page.h"
#include "cirt-overview-style.h"
#include "cirt-recommendation-item.h"
#include "cirt-recommendation-row.h"
#include "cirt-recommendations-page.h"

/* Items of the phase dropdown, in order. */
static const int phase_items[] = {
  CIRT_RECOMMENDATIONS_ANY_PHASE,
  CIRT_PHASE_DESIGN,
  CIRT_PHASE_ESTABLISHMENT,
  CIRT_PHASE_ENHANCEMENT,
  CIRT_PHASE_NONE,
};

struct _CirtRecommendationsPage {
  GtkWidget           parent_instance;

  /* template widgets */
  GtkDropDown        *pillar_dropdown;
  GtkDropDown        *phase_dropdown;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkListView        *list_view;

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  CirtScore          *score;      /* what is listed */
  GListStore         *items;      /* CirtRecommendationItem, ranked */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;   /* what the list view shows */

  int                 pillar;     /* CirtPillar or CIRT_RECOMMENDATIONS_ANY_PILLAR */
  int                 phase;      /* CirtPhase or CIRT_RECOMMENDATIONS_ANY_PHASE */
  guint               n_shown;
};

static void cirt_recommendations_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtRecommendationsPage, cirt_recommendations_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_recommendations_page_iface_init))

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static gboolean
matches (CirtRecommendationsPage *self,
         const CirtQuestion      *q)
{
  if (self->pillar != CIRT_RECOMMENDATIONS_ANY_PILLAR && (int) q->section->pillar != self->pillar)
    return FALSE;
  if (self->phase != CIRT_RECOMMENDATIONS_ANY_PHASE && (int) q->phase != self->phase)
    return FALSE;
  return TRUE;
}

static gboolean
filter_item (gpointer item,
             gpointer data)
{
  CirtRecommendationsPage *self = data;
  return matches (self, cirt_recommendation_item_get_recommendation (item)->question);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  gtk_list_item_set_child (item, cirt_recommendation_row_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  CirtRecommendationsPage *self = data;
  CirtRecommendationItem *rec = gtk_list_item_get_item (item);
  CirtContext *context = cirt_session_get_context (self->session);

  cirt_recommendation_row_set (CIRT_RECOMMENDATION_ROW (gtk_list_item_get_child (item)),
                               cirt_recommendation_item_get_score (rec), cirt_recommendation_item_get_index (rec),
                               cirt_context_get_language (context), cirt_context_get_lang (context));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  /* Lets go of the score. */
  cirt_recommendation_row_set (CIRT_RECOMMENDATION_ROW (gtk_list_item_get_child (item)), NULL, 0, NULL, NULL);
}

static void
update_count (CirtRecommendationsPage *self)
{
  guint total = self->score ? cirt_score_get_n_recommendations (self->score) : 0;
  g_autofree char *text = NULL;

  self->n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (self->n_shown == total)
    text = g_strdup_printf (ngettext ("%u recommendation", "%u recommendations", total), total);
  else
    /* translators: count of a filtered list, "12 of 63 recommendations" */
    text = g_strdup_printf (ngettext ("%u of %u recommendation", "%u of %u recommendations", total),
                            self->n_shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "none" : self->n_shown == 0 ? "no-match" : "list");
}

/* Lists the recommendations of the session's score. */
static void
refresh (CirtRecommendationsPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CirtAssessmentData *data = self->session ? cirt_session_get_data (self->session, NULL) : NULL;
  guint n;

  g_clear_object (&self->score);
  if (data != NULL)
    self->score = g_object_ref (data->score);
  else if (self->session != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (CIRT_STORE_ERROR, CIRT_STORE_ERROR_SQL,
                                                     cirt_session_get_error (self->session));
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot compute the recommendations"), error);
    }
  n = self->score ? cirt_score_get_n_recommendations (self->score) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, cirt_recommendation_item_new (self->score, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata, items->len);
  update_count (self);
}

static void
on_score_cb (CirtRecommendationsPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_filter_changed_cb (CirtRecommendationsPage *self)
{
  guint p = gtk_drop_down_get_selected (self->pillar_dropdown);
  guint f = gtk_drop_down_get_selected (self->phase_dropdown);

  self->pillar = p == 0 || p == GTK_INVALID_LIST_POSITION ? CIRT_RECOMMENDATIONS_ANY_PILLAR : (int) p - 1;
  self->phase = f < G_N_ELEMENTS (phase_items) ? phase_items[f] : CIRT_RECOMMENDATIONS_ANY_PHASE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_activate_cb (CirtRecommendationsPage *self,
                guint                    position)
{
  g_autoptr(CirtRecommendationItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0,
                   cirt_recommendation_item_get_recommendation (item)->question->id);
}

static void
on_show_all_clicked_cb (CirtRecommendationsPage *self)
{
  cirt_recommendations_page_set_filter (self, CIRT_RECOMMENDATIONS_ANY_PILLAR, CIRT_RECOMMENDATIONS_ANY_PHASE);
  gtk_widget_grab_focus (GTK_WIDGET (self->pillar_dropdown));
}

/* ------------------------------------------------------------------------ */
/* CirtAssessmentPage                                                        */

static void
cirt_recommendations_page_focus_start (CirtAssessmentPage *page)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (page);
  gtk_widget_grab_focus (GTK_WIDGET (self->pillar_dropdown));
}

static void
cirt_recommendations_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_recommendations_page_focus_start;
}

/* ------------------------------------------------------------------------ */
/* GtkWidget, GObject                                                        */

static void
cirt_recommendations_page_map (GtkWidget *widget)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_recommendations_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  if (self->score == NULL || self->score != cirt_session_get_score (self->session))
    refresh (self);
}

static void
cirt_recommendations_page_unmap (GtkWidget *widget)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_recommendations_page_parent_class)->unmap (widget);
}

static void
cirt_recommendations_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_recommendations_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      cirt_recommendations_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_recommendations_page_dispose (GObject *object)
{
  CirtRecommendationsPage *self = CIRT_RECOMMENDATIONS_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_RECOMMENDATIONS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->score);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (cirt_recommendations_page_parent_class)->dispose (object);
}

static void
cirt_recommendations_page_class_init (CirtRecommendationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_recommendations_page_dispose;
  object_class->get_property = cirt_recommendations_page_get_property;
  object_class->set_property = cirt_recommendations_page_set_property;
  widget_class->map = cirt_recommendations_page_map;
  widget_class->unmap = cirt_recommendations_page_unmap;
  widget_class->measure = cirt_app_measure_page;
  widget_class->size_allocate = cirt_app_allocate_page;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-recommendations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, pillar_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
}

static void
cirt_recommendations_page_init (CirtRecommendationsPage *self)
{
  const CirtLang *lang = cirt_lang_for_locale ();
  g_autoptr(GtkStringList) pillars = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);

  cirt_overview_style_ensure ();
  self->pillar = CIRT_RECOMMENDATIONS_ANY_PILLAR;
  self->phase = CIRT_RECOMMENDATIONS_ANY_PHASE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (pillars, _("All Pillars"));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    gtk_string_list_append (pillars, cirt_lang_pillar_title (lang, p));
  gtk_string_list_append (phases, _("Any Phase"));
  gtk_string_list_append (phases, cirt_lang_phase (lang, CIRT_PHASE_DESIGN));
  gtk_string_list_append (phases, cirt_lang_phase (lang, CIRT_PHASE_ESTABLISHMENT));
  gtk_string_list_append (phases, cirt_lang_phase (lang, CIRT_PHASE_ENHANCEMENT));
  gtk_string_list_append (phases, _("No Phase Given"));
  g_signal_handlers_block_by_func (self->pillar_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->phase_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_model (self->pillar_dropdown, G_LIST_MODEL (pillars));
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phases));
  gtk_drop_down_set_selected (self->pillar_dropdown, 0);
  gtk_drop_down_set_selected (self->phase_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->pillar_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->phase_dropdown, on_filter_changed_cb, self);

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    GtkNoSelection *selection;

    self->items = g_list_store_new (CIRT_TYPE_RECOMMENDATION_ITEM);
    self->filter = gtk_custom_filter_new (filter_item, self, NULL);
    self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                                GTK_FILTER (g_object_ref (self->filter)));
    selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
    g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::score", G_CALLBACK (on_score_cb), self);
  update_count (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_recommendations_page_new (void)
{
  return g_object_new (CIRT_TYPE_RECOMMENDATIONS_PAGE, NULL);
}

void
cirt_recommendations_page_set_session (CirtRecommendationsPage *self,
                                       CirtSession             *session)
{
  g_return_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (!cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session, session,
                                             self->session_signals, TRUE))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify (G_OBJECT (self), "session");
}

CirtScore *
cirt_recommendations_page_get_score (CirtRecommendationsPage *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), NULL);
  return self->score;
}

void
cirt_recommendations_page_set_filter (CirtRecommendationsPage *self,
                                      int                      pillar,
                                      int                      phase)
{
  guint phase_index = 0;

  g_return_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self));
  g_return_if_fail (pillar >= CIRT_RECOMMENDATIONS_ANY_PILLAR && pillar < CIRT_N_PILLARS);

  for (guint i = 0; i < G_N_ELEMENTS (phase_items); i++)
    if (phase_items[i] == phase)
      phase_index = i;
  gtk_drop_down_set_selected (self->pillar_dropdown, (guint) (pillar + 1));
  gtk_drop_down_set_selected (self->phase_dropdown, phase_index);
}

guint
cirt_recommendations_page_get_n_shown (CirtRecommendationsPage *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), 0);
  return self->n_shown;
}

guint
cirt_recommendations_page_get_n_total (CirtRecommendationsPage *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), 0);
  return self->score ? cirt_score_get_n_recommendations (self->score) : 0;
}

const char *
cirt_recommendations_page_get_shown_question (CirtRecommendationsPage *self,
                                              guint                    index)
{
  g_autoptr(CirtRecommendationItem) item = NULL;

  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), index);
  /* The question belongs to the instrument, which the page's score keeps. */
  return item ? cirt_recommendation_item_get_recommendation (item)->question->id : NULL;
}

const char *
cirt_recommendations_page_get_count_text (CirtRecommendationsPage *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), NULL);
  return gtk_label_get_label (self->count_label);
}

const char *
cirt_recommendations_page_get_state (CirtRecommendationsPage *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATIONS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
