/* cirt-compare-page.c — a follow-up against its baseline: the pillars' and
 * sections' changes, the recommendations met, and the questions whose
 * answer changed, filtered
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What it shows is what the documents say (cirt_export_progress(), the one
 * comparison of cirt-compare.c), drawn with the chart of cirt-chart (kind
 * progress), in the interface's language. It follows the session: an
 * answer changed anywhere reloads the session's data, and the page shows
 * the new comparison when it is on screen (or when it is shown again). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-chart-view.h"
#include "cirt-compare-item.h"
#include "cirt-compare-page.h"
#include "cirt-export-private.h"
#include "cirt-lang.h"
#include "cirt-overview-style.h"

struct _CirtComparePage {
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkLabel           *intro_label;
  GtkBox             *notes_box;
  CirtChartView      *chart;
  GtkBox             *details_box;
  GtkLabel           *sections_heading;
  GtkGrid            *sections_grid;
  GtkLabel           *met_heading;
  GtkBox             *met_box;
  GtkLabel           *changes_heading;
  GtkToggleButton    *filters[CIRT_N_COMPARE_FILTERS];
  GtkStack           *list_stack;
  GtkListBox         *changes_list;

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  CirtAssessmentData *data;        /* what is shown */
  CirtProgress       *progress;
  GListStore         *items;       /* CirtCompareItem: every question but the unchanged ones */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;    /* what the list shows */
  GtkSizeGroup       *id_column;   /* the rows' ids, one width */

  CirtCompareFilter   filter_kind;
};

static void cirt_compare_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtComparePage, cirt_compare_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE, cirt_compare_page_iface_init))

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

gboolean
cirt_compare_filter_matches (CirtCompareFilter          filter,
                             const CirtCompareQuestion *q)
{
  gboolean answered = cirt_answer_is_answered (q->new_answer);

  switch (filter)
    {
    case CIRT_COMPARE_FILTER_IMPROVED:
      return q->change == CIRT_CHANGE_IMPROVED;
    case CIRT_COMPARE_FILTER_REGRESSED:
      return q->change == CIRT_CHANGE_REGRESSED;
    case CIRT_COMPARE_FILTER_NEW:
      return q->change == CIRT_CHANGE_NEWLY_ANSWERED || (q->change == CIRT_CHANGE_ADDED && answered);
    case CIRT_COMPARE_FILTER_OPEN:
      return q->change == CIRT_CHANGE_OPEN || q->change == CIRT_CHANGE_UNANSWERED ||
             (q->change == CIRT_CHANGE_ADDED && !answered);
    case CIRT_COMPARE_FILTER_ALL:
    case CIRT_N_COMPARE_FILTERS:
    default:
      return q->change != CIRT_CHANGE_SAME;
    }
}

static gboolean
filter_item (gpointer item,
             gpointer data)
{
  CirtComparePage *self = data;
  return cirt_compare_filter_matches (self->filter_kind, cirt_compare_item_get_question (item));
}

static const CirtLang *
ui_lang (CirtComparePage *self)
{
  return self->session ? cirt_context_get_lang (cirt_session_get_context (self->session)) : cirt_lang_for_locale ();
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static GtkWidget *
make_label (const char *text,
            float       xalign,
            gboolean    wrap,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
change_class (CirtChange change)
{
  switch (change)
    {
    case CIRT_CHANGE_IMPROVED:
    case CIRT_CHANGE_NEWLY_ANSWERED:
      return "success";
    case CIRT_CHANGE_REGRESSED:
    case CIRT_CHANGE_UNANSWERED:
      return "warning";
    case CIRT_CHANGE_OPEN:
    case CIRT_CHANGE_CHANGED:
    case CIRT_CHANGE_SAME:
    case CIRT_CHANGE_ADDED:
    case CIRT_CHANGE_REMOVED:
    case CIRT_N_CHANGES:
    default:
      return NULL;
    }
}

/* A row: the id, what happened, the question, the answers then and now and
 * the change of score. A grid, not a horizontal box (wrapped labels). */
static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  CirtComparePage *self = data;
  const CirtCompareQuestion *q = cirt_compare_item_get_question (item);
  const CirtLang *l = ui_lang (self);
  const char *code = cirt_lang_get_code (l);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *id = make_label (q->id, 0, FALSE, "cirt-question-id");
  GtkWidget *badge = make_label (cirt_change_words (l, q->change), 0.5, FALSE, "cirt-badge");
  GtkWidget *text = make_label (cirt_text_get (cirt_compare_question_get (q)->text, code), 0, TRUE, NULL);
  g_autofree char *then = q->old_question ? cirt_export_answer_words (l, q->old_question, q->old_answer) : g_strdup ("—");
  g_autofree char *now = q->new_question ? cirt_export_answer_words (l, q->new_question, q->new_answer) : g_strdup ("—");
  g_autofree char *delta = !isnan (q->old_score) && !isnan (q->new_score)
                             ? cirt_compare_score_delta_words (l, q->old_score, q->new_score)
                             : g_strdup ("");
  g_autofree char *answers = cirt_lang_format (l, CIRT_STR_PROGRESS_ANSWERS, then, now,
                                               *delta ? delta : cirt_change_words (l, q->change), NULL);
  GtkWidget *answers_label = make_label (answers, 0, TRUE, "dim-label");
  const char *cls = change_class (q->change);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_widget_set_valign (id, GTK_ALIGN_START);
  gtk_widget_set_halign (id, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  if (cls != NULL)
    gtk_widget_add_css_class (badge, cls);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "cirt-question-text");
  {
    /* The question texts start at one place in every row. */
    GtkWidget *id_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_box_append (GTK_BOX (id_box), id);
    gtk_size_group_add_widget (self->id_column, id_box);
    gtk_grid_attach (GTK_GRID (grid), id_box, 0, 0, 1, 1);
  }
  gtk_grid_attach (GTK_GRID (grid), text, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), badge, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), answers_label, 1, 1, 2, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  /* A question of the earlier version only is not in the questionnaire. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), q->new_question != NULL);
  if (q->new_question != NULL)
    gtk_widget_set_tooltip_text (row, _("Open this question in the questionnaire"));
  return row;
}

/* ------------------------------------------------------------------------ */
/* Filling                                                                   */

static void
update_list_state (CirtComparePage *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");
}

static void
update_filter_labels (CirtComparePage *self)
{
  guint counts[CIRT_N_COMPARE_FILTERS] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CirtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      for (guint f = 0; f < CIRT_N_COMPARE_FILTERS; f++)
        counts[f] += cirt_compare_filter_matches (f, cirt_compare_item_get_question (item));
    }
  {
    /* translators: filters of the Compare page, with how many questions each shows (underlined letters unlike the page titles') */
    g_autofree char *all = g_strdup_printf (_("_All (%u)"), counts[CIRT_COMPARE_FILTER_ALL]);
    g_autofree char *improved = g_strdup_printf (_("_Improved (%u)"), counts[CIRT_COMPARE_FILTER_IMPROVED]);
    g_autofree char *regressed = g_strdup_printf (_("Re_gressed (%u)"), counts[CIRT_COMPARE_FILTER_REGRESSED]);
    g_autofree char *new_ = g_strdup_printf (_("_New (%u)"), counts[CIRT_COMPARE_FILTER_NEW]);
    g_autofree char *open = g_strdup_printf (_("O_pen (%u)"), counts[CIRT_COMPARE_FILTER_OPEN]);

    gtk_button_set_label (GTK_BUTTON (self->filters[CIRT_COMPARE_FILTER_ALL]), all);
    gtk_button_set_label (GTK_BUTTON (self->filters[CIRT_COMPARE_FILTER_IMPROVED]), improved);
    gtk_button_set_label (GTK_BUTTON (self->filters[CIRT_COMPARE_FILTER_REGRESSED]), regressed);
    gtk_button_set_label (GTK_BUTTON (self->filters[CIRT_COMPARE_FILTER_NEW]), new_);
    gtk_button_set_label (GTK_BUTTON (self->filters[CIRT_COMPARE_FILTER_OPEN]), open);
  }
}

static void
remove_children (GtkWidget *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (box)) != NULL;)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

static void
fill_notes (CirtComparePage *self)
{
  remove_children (GTK_WIDGET (self->notes_box));
  for (guint i = 0; i < self->progress->notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (self->progress->notes, i);
      GtkWidget *label = make_label (n->text, 0, TRUE, n->bold ? "cirt-notice" : "dim-label");

      if (n->bold)
        gtk_widget_add_css_class (label, "warning");
      gtk_box_append (self->notes_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), self->progress->notes->len > 0);
}

static void
fill_sections (CirtComparePage *self)
{
  const CirtLang *l = ui_lang (self);
  const CirtString heads[] = {
    CIRT_STR_SECTION, CIRT_STR_PILLAR, CIRT_STR_PROGRESS_THEN, CIRT_STR_PROGRESS_NOW, CIRT_STR_PROGRESS_CHANGE,
    CIRT_STR_PROGRESS_LEVEL_THEN_NOW,
  };

  remove_children (GTK_WIDGET (self->sections_grid));
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *h = make_label (cirt_lang_str (l, heads[c]), c >= 2 && c <= 4 ? 1 : 0, TRUE, "dim-label");
      gtk_widget_add_css_class (h, "caption-heading");
      gtk_grid_attach (self->sections_grid, h, c, 0, 1, 1);
    }
  for (guint i = 0; i < self->progress->sections->len; i++)
    {
      const CirtProgressRow *r = g_ptr_array_index (self->progress->sections, i);
      const char *cells[] = { r->label, cirt_lang_pillar_title (l, r->pillar), r->then, r->now, r->change, r->levels };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          GtkWidget *cell = make_label (cells[c], c >= 2 && c <= 4 ? 1 : 0, c < 2, c >= 2 && c <= 4 ? "cirt-figure" : NULL);
          if (c == 4)
            gtk_widget_add_css_class (cell, "cirt-delta");
          if (c == 0)
            gtk_widget_set_hexpand (cell, TRUE);
          gtk_grid_attach (self->sections_grid, cell, c, i + 1, 1, 1);
        }
    }
}

static void
fill_met (CirtComparePage *self)
{
  const CirtLang *l = ui_lang (self);

  remove_children (GTK_WIDGET (self->met_box));
  for (guint i = 0; i < self->progress->met->len; i++)
    {
      const CirtProgressMet *m = g_ptr_array_index (self->progress->met, i);
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *text = make_label (m->text, 0, TRUE, NULL);

      gtk_widget_set_hexpand (text, TRUE);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
      gtk_grid_attach (GTK_GRID (grid), text, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_label (m->meta, 0, TRUE, "dim-label"), 0, 1, 1, 1);
      gtk_box_append (self->met_box, grid);
    }
  if (self->progress->met->len == 0)
    gtk_box_append (self->met_box, make_label (cirt_lang_str (l, CIRT_STR_PROGRESS_NO_MET), 0, TRUE, "dim-label"));
}

/* Shows the comparison of the session's data. */
static void
refresh (CirtComparePage *self)
{
  CirtAssessmentData *data = self->session ? cirt_session_get_data (self->session, NULL) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const CirtLang *l = ui_lang (self);

  g_clear_pointer (&self->progress, cirt_export_progress_free);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  if (data != NULL)
    {
      self->data = cirt_assessment_data_ref (data);
      self->progress = cirt_export_progress (l, data);
    }
  if (self->progress != NULL && self->progress->comparison != NULL)
    for (guint i = 0; i < self->progress->comparison->questions->len; i++)
      if (g_array_index (self->progress->comparison->questions, CirtCompareQuestion, i).change != CIRT_CHANGE_SAME)
        g_ptr_array_add (items, cirt_compare_item_new (self->progress->comparison, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata, items->len);
  update_filter_labels (self);
  update_list_state (self);

  if (self->progress == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  {
    g_autofree char *intro = g_strdup_printf ("%s\n%s", self->progress->intro, self->progress->summary);
    gtk_label_set_label (self->intro_label, intro);
  }
  gtk_label_set_label (self->sections_heading, cirt_lang_str (l, CIRT_STR_PROGRESS_BY_SECTION));
  gtk_label_set_label (self->met_heading, cirt_lang_str (l, CIRT_STR_PROGRESS_MET));
  gtk_label_set_label (self->changes_heading, cirt_lang_str (l, CIRT_STR_PROGRESS_CHANGED_QUESTIONS));
  fill_notes (self);
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), self->progress->comparison != NULL);
  if (self->progress->comparison != NULL)
    {
      fill_sections (self);
      fill_met (self);
    }
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

static void
on_data_cb (CirtComparePage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_filter_toggled_cb (CirtComparePage *self,
                      GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint f = 0; f < CIRT_N_COMPARE_FILTERS; f++)
    if (self->filters[f] == button && self->filter_kind != (CirtCompareFilter) f)
      {
        self->filter_kind = f;
        gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
        update_list_state (self);
      }
}

static void
on_row_activated_cb (CirtComparePage *self,
                     GtkListBoxRow   *row)
{
  g_autoptr(CirtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                          (guint) gtk_list_box_row_get_index (row));
  const CirtCompareQuestion *q = item ? cirt_compare_item_get_question (item) : NULL;

  if (q != NULL && q->new_question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, q->id);
}

/* ------------------------------------------------------------------------ */
/* CirtAssessmentPage                                                        */

static void
cirt_compare_page_focus_start (CirtAssessmentPage *page)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (page);

  if (gtk_widget_get_visible (GTK_WIDGET (self->details_box)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->filters[self->filter_kind]));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cirt_compare_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_compare_page_focus_start;
}

/* ------------------------------------------------------------------------ */
/* GtkWidget, GObject                                                        */

static void
cirt_compare_page_map (GtkWidget *widget)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (widget);
  CirtAssessmentData *data;

  GTK_WIDGET_CLASS (cirt_compare_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  data = cirt_session_get_data (self->session, NULL);
  if (self->data == NULL || self->data != data)
    refresh (self);
}

static void
cirt_compare_page_unmap (GtkWidget *widget)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_compare_page_parent_class)->unmap (widget);
}

static void
cirt_compare_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (object);

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
cirt_compare_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      cirt_compare_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_compare_page_dispose (GObject *object)
{
  CirtComparePage *self = CIRT_COMPARE_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_COMPARE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->progress, cirt_export_progress_free);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->id_column);
  G_OBJECT_CLASS (cirt_compare_page_parent_class)->dispose (object);
}

static void
cirt_compare_page_class_init (CirtComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const filter_ids[CIRT_N_COMPARE_FILTERS] = {
    "filter_all", "filter_improved", "filter_regressed", "filter_new", "filter_open",
  };

  object_class->dispose = cirt_compare_page_dispose;
  object_class->get_property = cirt_compare_page_get_property;
  object_class->set_property = cirt_compare_page_set_property;
  widget_class->map = cirt_compare_page_map;
  widget_class->unmap = cirt_compare_page_unmap;
  widget_class->measure = cirt_app_measure_page;
  widget_class->size_allocate = cirt_app_allocate_page;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CIRT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, chart);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, details_box);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, sections_heading);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, sections_grid);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, met_heading);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, met_box);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtComparePage, changes_list);
  for (guint f = 0; f < CIRT_N_COMPARE_FILTERS; f++)
    gtk_widget_class_bind_template_child_full (widget_class, filter_ids[f], FALSE,
                                               G_STRUCT_OFFSET (CirtComparePage, filters) + f * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
cirt_compare_page_init (CirtComparePage *self)
{
  cirt_overview_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->id_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->items = g_list_store_new (CIRT_TYPE_COMPARE_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->changes_list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
  update_filter_labels (self);
  update_list_state (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_compare_page_new (void)
{
  return g_object_new (CIRT_TYPE_COMPARE_PAGE, NULL);
}

void
cirt_compare_page_set_session (CirtComparePage *self,
                               CirtSession     *session)
{
  g_return_if_fail (CIRT_IS_COMPARE_PAGE (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (!cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session, session,
                                             self->session_signals, TRUE))
    return;
  cirt_chart_view_set_session (self->chart, session);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  g_object_notify (G_OBJECT (self), "session");
}

CirtComparison *
cirt_compare_page_get_comparison (CirtComparePage *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_PAGE (self), NULL);
  return self->progress ? self->progress->comparison : NULL;
}

void
cirt_compare_page_set_filter (CirtComparePage   *self,
                              CirtCompareFilter  filter)
{
  g_return_if_fail (CIRT_IS_COMPARE_PAGE (self));
  g_return_if_fail (filter < CIRT_N_COMPARE_FILTERS);
  gtk_toggle_button_set_active (self->filters[filter], TRUE);
}

CirtCompareFilter
cirt_compare_page_get_filter (CirtComparePage *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_PAGE (self), CIRT_COMPARE_FILTER_ALL);
  return self->filter_kind;
}

guint
cirt_compare_page_get_n_shown (CirtComparePage *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
cirt_compare_page_get_shown_question (CirtComparePage *self,
                                      guint            index)
{
  g_autoptr(CirtCompareItem) item = NULL;

  g_return_val_if_fail (CIRT_IS_COMPARE_PAGE (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), index);
  /* The question belongs to the instrument, which the page's data keeps. */
  return item ? cirt_compare_item_get_question (item)->id : NULL;
}

const char *
cirt_compare_page_get_state (CirtComparePage *self)
{
  g_return_val_if_fail (CIRT_IS_COMPARE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
