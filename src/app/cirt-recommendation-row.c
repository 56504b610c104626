/* cirt-recommendation-row.c — one ranked recommendation, as shown in lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-overview-style.h"
#include "cirt-recommendation-row.h"

struct _CirtRecommendationRow {
  GtkWidget           parent_instance;

  /* template widgets */
  GtkLabel           *rank_label;
  GtkLabel           *id_label;
  GtkLabel           *where_label;
  GtkLabel           *phase_label;
  GtkLabel           *score_label;
  GtkLabel           *priority_label;
  GtkLabel           *text_label;

  /* owned: keeps the question (owned by its instrument) alive */
  CirtScore          *score;

  char               *accessible;

  /* borrowed from @score */
  const CirtQuestion *question;
  guint               rank;
};

G_DEFINE_FINAL_TYPE (CirtRecommendationRow, cirt_recommendation_row, GTK_TYPE_WIDGET)

static void
fill (CirtRecommendationRow    *self,
      const CirtRecommendation *rec,
      const char               *language,
      const CirtLang           *lang)
{
  const CirtQuestion *q = rec->question;
  const CirtSection *section = q->section;
  const char *text = cirt_text_get (q->recommendation, language);
  const char *phase = q->phase != CIRT_PHASE_NONE ? cirt_lang_phase (lang, q->phase) : NULL;
  g_autofree char *rank = g_strdup_printf ("%u", self->rank);
  g_autofree char *where = NULL;
  g_autofree char *score_num = cirt_lang_format_number (lang, 100.0 * rec->score, 0);
  g_autofree char *score = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *priority_num = NULL;

  /* translators: where a question sits: "Pillar › Section" */
  where = g_strdup_printf (_("%s › %s"), cirt_lang_pillar_title (lang, section->pillar),
                           cirt_text_get (section->title, language));
  /* translators: a question's current score on a recommendation */
  score = g_strdup_printf (_("Score %s / 100"), score_num);
  priority_num = cirt_lang_format_number (lang, rec->priority, 2);
  /* translators: a recommendation's priority, e.g. "Priority 2.25" */
  priority = g_strdup_printf (_("Priority %s"), priority_num);

  gtk_label_set_label (self->rank_label, rank);
  gtk_label_set_label (self->id_label, q->id);
  gtk_label_set_label (self->where_label, where);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->where_label), where);
  if (phase != NULL)
    {
      /* translators: the lifecycle phase of a recommendation, "Design phase" */
      g_autofree char *text = g_strdup_printf (_("%s phase"), phase);
      gtk_label_set_label (self->phase_label, text);
    }
  else
    gtk_label_set_label (self->phase_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), phase != NULL);
  gtk_label_set_label (self->score_label, score);
  gtk_label_set_label (self->priority_label, priority);
  gtk_label_set_label (self->text_label, text ? text : "");

  /* translators: a recommendation read by a screen reader: rank, question
   * id, where, priority, score, then the recommendation itself */
  g_free (self->accessible);
  self->accessible = g_strdup_printf (_("Recommendation %u, question %s, %s, priority %s, score %s: %s"),
                                      self->rank, q->id, where, priority_num, score_num, text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible, -1);
}

static void
cirt_recommendation_row_dispose (GObject *object)
{
  CirtRecommendationRow *self = CIRT_RECOMMENDATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_RECOMMENDATION_ROW);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->question = NULL;
  g_clear_object (&self->score);
  G_OBJECT_CLASS (cirt_recommendation_row_parent_class)->dispose (object);
}

static void
cirt_recommendation_row_finalize (GObject *object)
{
  CirtRecommendationRow *self = CIRT_RECOMMENDATION_ROW (object);

  g_free (self->accessible);
  G_OBJECT_CLASS (cirt_recommendation_row_parent_class)->finalize (object);
}

static void
cirt_recommendation_row_class_init (CirtRecommendationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_recommendation_row_dispose;
  object_class->finalize = cirt_recommendation_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recommendation");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-recommendation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, CirtRecommendationRow, text_label);
}

static void
cirt_recommendation_row_init (CirtRecommendationRow *self)
{
  cirt_overview_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cirt_recommendation_row_new (void)
{
  return g_object_new (CIRT_TYPE_RECOMMENDATION_ROW, NULL);
}

void
cirt_recommendation_row_set (CirtRecommendationRow *self,
                             CirtScore             *score,
                             guint                  index,
                             const char            *language,
                             const CirtLang        *lang)
{
  const CirtRecommendation *rec;

  g_return_if_fail (CIRT_IS_RECOMMENDATION_ROW (self));
  g_return_if_fail (score == NULL || CIRT_IS_SCORE (score));
  g_return_if_fail (score == NULL || index < cirt_score_get_n_recommendations (score));

  g_set_object (&self->score, score);
  if (score == NULL)
    {
      self->question = NULL;
      self->rank = 0;
      return;
    }
  rec = cirt_score_get_recommendation (score, index);
  self->question = rec->question;
  self->rank = index + 1;
  fill (self, rec, language, lang ? lang : cirt_lang_default ());
}

guint
cirt_recommendation_row_get_rank (CirtRecommendationRow *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ROW (self), 0);
  return self->rank;
}

const CirtQuestion *
cirt_recommendation_row_get_question (CirtRecommendationRow *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ROW (self), NULL);
  return self->question;
}

const char *
cirt_recommendation_row_get_question_id (CirtRecommendationRow *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ROW (self), NULL);
  return self->question ? self->question->id : NULL;
}

const char *
cirt_recommendation_row_get_text (CirtRecommendationRow *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ROW (self), NULL);
  return gtk_label_get_label (self->text_label);
}

const char *
cirt_recommendation_row_get_accessible_text (CirtRecommendationRow *self)
{
  g_return_val_if_fail (CIRT_IS_RECOMMENDATION_ROW (self), NULL);
  return self->accessible ? self->accessible : "";
}
