/* cirt-overview-page.c — the page an assessment opens on: index, level,
 * charts and the highest-priority recommendations
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown comes from the session's CirtAssessmentData (its score
 * and the baseline's), drawn by cirt-chart and worded by cirt-lang like the
 * workbook and the report, so the screen the ministry sees and the
 * documents it keeps never disagree. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cirt-app-util.h"
#include "cirt-assessment-data.h"
#include "cirt-lang.h"
#include "cirt-assessment-page.h"
#include "cirt-card-columns.h"
#include "cirt-chart-view.h"
#include "cirt-overview-page.h"
#include "cirt-overview-style.h"
#include "cirt-recommendation-row.h"

struct _CirtOverviewPage {
  GtkWidget          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  GtkButton         *start_button;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scrolled;
  GtkLabel          *score_label;
  GtkLabel          *level_label;
  GtkLabel          *level_description_label;
  GtkLabel          *coverage_label;
  GtkLabel          *baseline_label;
  GtkWidget         *provisional_box;
  GtkLabel          *provisional_label;
  GtkWidget         *cap_box;
  GtkLabel          *cap_label;
  GtkListBox        *cap_list;
  CirtChartView     *radar;
  CirtChartView     *sections;
  CirtChartView     *coverage;
  GtkLabel          *top_count_label;
  GtkListBox        *top_list;
  GtkLabel          *top_empty_label;

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  CirtAssessmentData *data;           /* what is shown */
  char               *first_question; /* the empty state's button goes there */

  guint               n_computes;
  guint               top_idle;       /* the list fills after the page's first frame */
  gulong              paint_handler;
  gboolean            painted;
};

static void cirt_overview_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtOverviewPage, cirt_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_overview_page_iface_init))

enum {
  QUESTION_ACTIVATED,
  SHOW_RECOMMENDATIONS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

/* The language of instrument texts. */
static const char *
language (CirtOverviewPage *self)
{
  return cirt_context_get_language (cirt_session_get_context (self->session));
}

/* How numbers are written. */
static const CirtLang *
ui_lang (CirtOverviewPage *self)
{
  return cirt_context_get_lang (cirt_session_get_context (self->session));
}

static const char *
level_name (CirtOverviewPage *self,
            CirtScore        *score,
            int               level)
{
  const CirtLevelInfo *info = level >= 1 && level <= CIRT_N_LEVELS ? cirt_score_get_level_info (score, level) : NULL;
  return info ? cirt_text_get (info->name, language (self)) : "";
}

/* "2 — Formative" */
static char *
level_words (CirtOverviewPage *self,
             CirtScore        *score,
             int               level)
{
  /* translators: a maturity level, "2 — Formative" */
  return g_strdup_printf (_("%d — %s"), level, level_name (self, score, level));
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ------------------------------------------------------------------------ */
/* Filling the page                                                          */

static void
fill_level (CirtOverviewPage     *self,
            const CirtScoreValue *overall)
{
  const CirtLevelInfo *info = cirt_score_get_level_info (self->data->score, overall->level);
  g_autofree char *level = NULL;
  const char *description = info ? cirt_text_get (info->description, language (self)) : NULL;

  /* translators: the overall maturity level in large type, "Level 2 · Formative" */
  level = g_strdup_printf (_("Level %d · %s"), overall->level, level_name (self, self->data->score, overall->level));
  gtk_label_set_label (self->level_label, level);
  for (int l = 1; l <= CIRT_N_LEVELS; l++)
    {
      char css[32];
      g_snprintf (css, sizeof css, "cirt-level-%d", l);
      if (l == overall->level)
        gtk_widget_add_css_class (GTK_WIDGET (self->level_label), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->level_label), css);
    }
  gtk_label_set_label (self->level_description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_description_label), description != NULL && *description);
}

static void
fill_coverage (CirtOverviewPage     *self,
               const CirtScoreValue *overall)
{
  guint answered = 0, na = 0, total = 0;
  g_autofree char *pct = NULL;
  g_autofree char *text = NULL;

  cirt_score_get_counts (self->data->score, CIRT_N_PILLARS, &answered, &na, &total);
  if (isnan (overall->coverage))
    {
      gtk_label_set_label (self->coverage_label, _("No question applies."));
      return;
    }
  pct = cirt_lang_format_percent (ui_lang (self), overall->coverage);
  if (na > 0)
    /* translators: coverage under the index: a percentage ("62 %"), answered, applicable, not applicable */
    text = g_strdup_printf (ngettext ("Coverage %s: %u of %u applicable questions answered, %u marked not applicable.",
                                      "Coverage %s: %u of %u applicable questions answered, %u marked not applicable.",
                                      na), pct, answered, total - na, na);
  else
    /* translators: coverage under the index: a percentage ("62 %"), answered, applicable */
    text = g_strdup_printf (_("Coverage %s: %u of %u applicable questions answered."), pct, answered, total - na);
  /* How far the lead assessor's review has come (cirt-review.h). */
  {
    CirtReviewCounts c;

    cirt_review_count (self->data->answers, self->data->reviews, &c);
    if (c.n_answered > 0)
      {
        g_autofree char *share = cirt_lang_format_percent (ui_lang (self), cirt_review_counts_share (&c));
        /* translators: under the coverage: "Reviewed by the lead: 30 % (12 of 40 answers), 2 need work." */
        g_autofree char *line = g_strdup_printf (_("Reviewed by the lead: %s (%u of %u answers), %u need work."),
                                                 share, c.n_accepted + c.n_needs_work, c.n_answered,
                                                 c.n_needs_work);
        char *both = g_strconcat (text, "\n", line, NULL);
        g_free (text);
        text = both;
      }
  }
  gtk_label_set_label (self->coverage_label, text);
}

static void
fill_baseline (CirtOverviewPage *self)
{
  const CirtAssessmentInfo *info = self->data->baseline_info;
  const CirtScoreValue *now = cirt_score_get_overall (self->data->score);
  const CirtScoreValue *then;
  g_autofree char *date = NULL;
  g_autofree char *then_num = NULL;
  g_autofree char *text = NULL;

  /* An earlier assessment since deleted is simply not compared with. */
  if (self->data->baseline == NULL || info == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->baseline_label), FALSE);
      return;
    }
  then = cirt_score_get_overall (self->data->baseline);
  date = cirt_lang_format_date_short (ui_lang (self), info->started_on ? info->started_on : info->created_at);
  if (!then->defined)
    /* translators: follow-up line; %s is the earlier assessment's title */
    text = g_strdup_printf (_("Follow-up of “%s”, which had no scores."), info ? info->title : "");
  else
    {
      g_autofree char *delta = NULL;
      g_autofree char *magnitude = NULL;
      /* The difference of the numbers shown, so that it adds up on screen. */
      double d = cirt_score_display_value (now->score, 1) - cirt_score_display_value (then->score, 1);

      then_num = cirt_lang_format_score (ui_lang (self), then->score);
      magnitude = cirt_lang_format_number (ui_lang (self), fabs (d) + 1e-6, 1);
      delta = g_strdup_printf ("%s%s", d >= 0 ? "+" : "−", magnitude);
      /* translators: follow-up line: the earlier assessment's title, its
       * date, its index and level, then the change in points */
      text = g_strdup_printf (_("Follow-up of “%s” (%s): the index was %s, level %d — %s; the change is %s points."),
                              info ? info->title : "", date ? date : "", then_num, then->level,
                              level_name (self, self->data->baseline, then->level), now->defined ? delta : "—");
    }
  gtk_label_set_label (self->baseline_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_label), TRUE);
}

static void
fill_provisional (CirtOverviewPage     *self,
                  const CirtScoreValue *overall)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) pillars = NULL;
  g_autofree char *pct = NULL;

  gtk_widget_set_visible (self->provisional_box, overall->provisional);
  if (!overall->provisional)
    return;
  pct = cirt_lang_format_percent (ui_lang (self), overall->coverage);
  {
    g_autofree char *firm = cirt_lang_format_percent (ui_lang (self), CIRT_SCORE_FIRM_COVERAGE);
    text = g_string_new (NULL);
    /* translators: the provisional notice: a percentage under 80 % ("62 %"), then "80 %" */
    g_string_append_printf (text, _("Provisional: the answers cover %s of the applicable questions; a firm score needs %s."),
                            pct, firm);
  }
  pillars = g_ptr_array_new ();
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (cirt_score_get_pillar (self->data->score, p)->value.provisional)
      g_ptr_array_add (pillars, (gpointer) cirt_lang_pillar_title (ui_lang (self), p));
  if (pillars->len > 0)
    {
      g_autofree char *list = NULL;
      g_ptr_array_add (pillars, NULL);
      /* translators: separator of a list of pillars */
      list = g_strjoinv (_(", "), (char **) pillars->pdata);
      g_string_append (text, " ");
      /* translators: %s is a list of pillars */
      g_string_append_printf (text, _("Still provisional: %s."), list);
    }
  gtk_label_set_label (self->provisional_label, text->str);
}

static GtkWidget *
create_cap_row (CirtOverviewPage   *self,
                const CirtQuestion *q)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* A grid, not a horizontal box: see ui/cirt-recommendation-row.ui. */
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *id = gtk_label_new (q->id);
  GtkWidget *text = gtk_label_new (cirt_text_get (q->text, language (self)));
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  /* translators: accessible name of a capping question's row; %s the id, %s the question */
  g_autofree char *accessible = g_strdup_printf (_("Critical question %s: %s. Open the question."), q->id,
                                                 cirt_text_get (q->text, language (self)));

  gtk_widget_add_css_class (id, "cirt-question-id");
  gtk_widget_set_valign (id, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (text), GTK_NATURAL_WRAP_WORD);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_attach (GTK_GRID (grid), id, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), icon, 2, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_widget_set_tooltip_text (row, _("Open this question in the questionnaire"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "cirt-question", g_strdup (q->id), g_free);
  return row;
}

static void
fill_cap (CirtOverviewPage     *self,
          const CirtScoreValue *overall)
{
  GPtrArray *capped = cirt_score_get_capped_by (self->data->score);
  int uncapped = cirt_score_get_uncapped_level (self->data->score);
  g_autofree char *text = NULL;
  g_autofree char *level = NULL;

  remove_rows (self->cap_list);
  gtk_widget_set_visible (self->cap_box, capped->len > 0);
  if (capped->len == 0)
    return;
  level = level_words (self, self->data->score, overall->level);
  if (uncapped > overall->level)
    {
      g_autofree char *without = level_words (self, self->data->score, uncapped);
      /* translators: the critical cap notice: the capped level, the level
       * without the cap, then the list of questions */
      text = g_strdup_printf (ngettext ("Capped at level %s (level %s without the cap) by this critical question, which scores below 50 %%:",
                                        "Capped at level %s (level %s without the cap) by these critical questions, which score below 50 %%:",
                                        capped->len), level, without);
    }
  else
    /* translators: critical questions below 50 % that do not lower the level (it is 2 or lower already) */
    text = g_strdup_printf (ngettext ("This critical question scores below 50 %% and holds the level at 2 or below until it improves:",
                                      "These critical questions score below 50 %% and hold the level at 2 or below until they improve:",
                                      capped->len));
  gtk_label_set_label (self->cap_label, text);
  for (guint i = 0; i < capped->len; i++)
    gtk_list_box_append (self->cap_list, create_cap_row (self, g_ptr_array_index (capped, i)));
}

static void
fill_top (CirtOverviewPage *self)
{
  guint n = cirt_score_get_n_recommendations (self->data->score);
  guint shown = MIN (n, CIRT_OVERVIEW_N_TOP);
  g_autofree char *count = NULL;

  remove_rows (self->top_list);
  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *content = cirt_recommendation_row_new ();

      cirt_recommendation_row_set (CIRT_RECOMMENDATION_ROW (content), self->data->score, i, language (self),
                                   ui_lang (self));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
      gtk_widget_set_tooltip_text (row, _("Open the question in the questionnaire"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cirt_recommendation_row_get_accessible_text (CIRT_RECOMMENDATION_ROW (content)), -1);
      gtk_list_box_append (self->top_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->top_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->top_empty_label), shown == 0);
  if (n > shown)
    /* translators: under "Highest-Priority Recommendations" */
    count = g_strdup_printf (ngettext ("The first %u of %u, ranked by priority: how much each answer falls short, weighted.",
                                       "The first %u of %u, ranked by priority: how much each answer falls short, weighted.",
                                       n), shown, n);
  else
    count = g_strdup_printf (ngettext ("%u recommendation, ranked by priority.",
                                       "%u recommendations, ranked by priority.", n), n);
  gtk_label_set_label (self->top_count_label, count);
}

static gboolean
fill_top_idle_cb (gpointer user_data)
{
  CirtOverviewPage *self = user_data;

  self->top_idle = 0;
  if (self->data != NULL)
    fill_top (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock    *clock,
                   CirtOverviewPage *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  self->painted = TRUE;
  if (self->data != NULL && self->top_idle == 0)
    self->top_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, fill_top_idle_cb, self, NULL);
}

/* The recommendations sit below the fold: until the page has painted its
 * first frame they wait, so that what the window opens on is drawn first
 * (their ten paragraphs cost a tenth of the start-up). */
static void
fill_top_when_painted (CirtOverviewPage *self)
{
  GdkFrameClock *clock;

  if (self->painted)
    {
      fill_top (self);
      return;
    }
  remove_rows (self->top_list);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      fill_top (self);
      return;
    }
  if (self->paint_handler == 0)
    self->paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self, 0);
}

static char *
find_first_question (CirtScore *score)
{
  GPtrArray *instruments = cirt_score_get_instruments (score);

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *section = cirt_instrument_get_section (inst, s);

          for (guint q = 0; q < section->questions->len; q++)
            {
              const CirtQuestion *question = g_ptr_array_index (section->questions, q);
              if (cirt_kind_is_scored (question->kind))
                return g_strdup (question->id);
            }
        }
    }
  return NULL;
}

/* Shows what the session has loaded (or that there is nothing, or why). */
static void
fill (CirtOverviewPage *self)
{
  CirtAssessmentData *data = self->session ? cirt_session_get_data (self->session, NULL) : NULL;
  const CirtScoreValue *overall;

  self->n_computes++;
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  g_clear_pointer (&self->first_question, g_free);
  if (data == NULL)
    {
      remove_rows (self->top_list);
      remove_rows (self->cap_list);
      gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
      if (self->session != NULL)
        adw_status_page_set_description (self->error_page, cirt_session_get_error (self->session));
      gtk_stack_set_visible_child_name (self->stack, self->session != NULL ? "error" : "empty");
      return;
    }
  self->data = cirt_assessment_data_ref (data);

  overall = cirt_score_get_overall (data->score);
  if (!overall->defined)
    {
      remove_rows (self->top_list);
      remove_rows (self->cap_list);
      self->first_question = find_first_question (data->score);
      gtk_widget_set_visible (GTK_WIDGET (self->start_button), self->first_question != NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autofree char *num = cirt_lang_format_score (ui_lang (self), overall->score);
    g_autofree char *accessible = NULL;

    gtk_label_set_label (self->score_label, num);
    /* translators: the overall index read by a screen reader */
    accessible = g_strdup_printf (_("Overall readiness index %s out of 100"), num);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
  fill_level (self, overall);
  fill_coverage (self, overall);
  fill_baseline (self);
  fill_provisional (self, overall);
  fill_cap (self, overall);
  fill_top_when_painted (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

/* ------------------------------------------------------------------------ */
/* Signal handlers                                                           */

static void
on_data_cb (CirtOverviewPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}

static void
on_start_clicked_cb (CirtOverviewPage *self)
{
  if (self->first_question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, self->first_question);
}

static void
on_cap_row_activated_cb (CirtOverviewPage *self,
                         GtkListBoxRow    *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "cirt-question");

  if (id != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, id);
}

static void
on_top_row_activated_cb (CirtOverviewPage *self,
                         GtkListBoxRow    *row)
{
  GtkWidget *content = gtk_list_box_row_get_child (row);

  if (CIRT_IS_RECOMMENDATION_ROW (content))
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0,
                   cirt_recommendation_row_get_question_id (CIRT_RECOMMENDATION_ROW (content)));
}

static void
on_all_clicked_cb (CirtOverviewPage *self)
{
  g_signal_emit (self, signals[SHOW_RECOMMENDATIONS], 0);
}

/* ------------------------------------------------------------------------ */
/* CirtAssessmentPage                                                        */

static void
cirt_overview_page_focus_start (CirtAssessmentPage *page)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self->start_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cirt_overview_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_overview_page_focus_start;
}

/* ------------------------------------------------------------------------ */
/* GtkWidget, GObject                                                        */

static void
cirt_overview_page_map (GtkWidget *widget)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_overview_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  /* Loads what changed while nothing showed it; then shows it unless the
   * notification of the load did already. */
  cirt_session_hold (self->session);
  if (self->data == NULL || self->data != cirt_session_get_data (self->session, NULL))
    fill (self);
}

static void
cirt_overview_page_unmap (GtkWidget *widget)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_overview_page_parent_class)->unmap (widget);
}

static void
cirt_overview_page_dispose (GObject *object)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  /* (the after-paint handler goes with the page: g_signal_connect_object) */
  g_clear_handle_id (&self->top_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  G_OBJECT_CLASS (cirt_overview_page_parent_class)->dispose (object);
}

static void
cirt_overview_page_finalize (GObject *object)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (object);

  g_free (self->first_question);
  G_OBJECT_CLASS (cirt_overview_page_parent_class)->finalize (object);
}

static void
cirt_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (object);

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
cirt_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtOverviewPage *self = CIRT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      cirt_overview_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_overview_page_class_init (CirtOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_overview_page_dispose;
  object_class->finalize = cirt_overview_page_finalize;
  object_class->get_property = cirt_overview_page_get_property;
  object_class->set_property = cirt_overview_page_set_property;
  widget_class->map = cirt_overview_page_map;
  widget_class->unmap = cirt_overview_page_unmap;
  widget_class->measure = cirt_app_measure_page;
  widget_class->size_allocate = cirt_app_allocate_page;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_RECOMMENDATIONS] =
    g_signal_new ("show-recommendations", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CIRT_TYPE_CARD_COLUMNS);
  g_type_ensure (CIRT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, level_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, level_description_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, baseline_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, provisional_box);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, cap_box);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, cap_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, cap_list);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, radar);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, sections);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, coverage);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, top_count_label);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, top_list);
  gtk_widget_class_bind_template_child (widget_class, CirtOverviewPage, top_empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cap_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_top_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_clicked_cb);
}

static void
cirt_overview_page_init (CirtOverviewPage *self)
{
  cirt_overview_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_overview_page_new (void)
{
  return g_object_new (CIRT_TYPE_OVERVIEW_PAGE, NULL);
}

void
cirt_overview_page_set_session (CirtOverviewPage *self,
                                CirtSession      *session)
{
  g_return_if_fail (CIRT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (!cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session, session,
                                             self->session_signals, TRUE))
    return;
  /* The charts draw its score. */
  cirt_chart_view_set_session (self->radar, session);
  cirt_chart_view_set_session (self->sections, session);
  cirt_chart_view_set_session (self->coverage, session);
  /* A new assessment starts at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
  g_object_notify (G_OBJECT (self), "session");
}

CirtScore *
cirt_overview_page_get_score (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return self->data ? self->data->score : NULL;
}

const char *
cirt_overview_page_get_state (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
cirt_overview_page_get_overall_text (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_label_get_label (self->score_label);
}

const char *
cirt_overview_page_get_level_text (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_label_get_label (self->level_label);
}

const char *
cirt_overview_page_get_cap_text (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_widget_get_visible (self->cap_box) ? gtk_label_get_label (self->cap_label) : NULL;
}

const char *
cirt_overview_page_get_provisional_text (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_widget_get_visible (self->provisional_box) ? gtk_label_get_label (self->provisional_label) : NULL;
}

guint
cirt_overview_page_get_n_top (CirtOverviewPage *self)
{
  guint n = 0;

  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->top_list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && CIRT_IS_RECOMMENDATION_ROW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (c))))
      n++;
  return n;
}

const char *
cirt_overview_page_get_top_question (CirtOverviewPage *self,
                                     guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  row = gtk_list_box_get_row_at_index (self->top_list, (int) index);
  if (row == NULL || !CIRT_IS_RECOMMENDATION_ROW (gtk_list_box_row_get_child (row)))
    return NULL;
  return cirt_recommendation_row_get_question_id (CIRT_RECOMMENDATION_ROW (gtk_list_box_row_get_child (row)));
}

CirtChartView *
cirt_overview_page_get_chart (CirtOverviewPage *self,
                              CirtChartKind     kind)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), NULL);
  switch (kind)
    {
    case CIRT_CHART_RADAR:
      return self->radar;
    case CIRT_CHART_SECTIONS:
      return self->sections;
    case CIRT_CHART_COVERAGE:
      return self->coverage;
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
cirt_overview_page_get_n_computes (CirtOverviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_OVERVIEW_PAGE (self), 0);
  return self->n_computes;
}
