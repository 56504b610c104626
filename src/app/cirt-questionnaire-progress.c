/* cirt-questionnaire-progress.c — the questionnaire's progress: what is
 * answered and flagged, counted per section as answers change, the overall
 * count and bar, and the position of the question shown
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-questionnaire-private.h"

/* ------------------------------------------------------------------------ */
/* Progress                                                                 */

static const CirtAnswer *
answer_of (CirtQuestionnaire *self,
           guint              index)
{
  const CirtQuestion *q = g_ptr_array_index (self->questions, index);
  return cirt_session_get_answer (self->session, q->id);
}

SectionEntry *
_cirt_questionnaire_section_of (CirtQuestionnaire *self,
                                guint              index)
{
  return &g_array_index (self->sections, SectionEntry, g_array_index (self->question_section, guint, index));
}

void
_cirt_questionnaire_update_progress (CirtQuestionnaire *self)
{
  guint answered = 0, total = self->questions ? self->questions->len : 0;
  g_autofree char *text = NULL;

  for (guint i = 0; self->sections && i < self->sections->len; i++)
    answered += g_array_index (self->sections, SectionEntry, i).n_answered;
  /* translators: overall progress of the questionnaire */
  text = g_strdup_printf (ngettext ("%u of %u question answered", "%u of %u questions answered", total),
                          answered, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) answered / total : 0);
}

void
_cirt_questionnaire_count_answer (CirtQuestionnaire *self,
                                  guint              index,
                                  const CirtAnswer  *answer,
                                  int                sign)
{
  SectionEntry *e = _cirt_questionnaire_section_of (self, index);

  if (answer == NULL)
    return;
  if (cirt_answer_is_answered (answer))
    e->n_answered += sign;
  if (answer->flagged)
    e->n_flagged += sign;
}

void
_cirt_questionnaire_update_position (CirtQuestionnaire *self)
{
  g_autofree char *text = NULL;
  guint n = self->questions ? self->questions->len : 0;

  if (n == 0)
    {
      gtk_label_set_label (self->position_label, "");
      return;
    }
  if (self->interview != NULL)
    {
      guint rank = 0, other;

      for (guint i = 0; i <= self->current && i < n; i++)
        if (_cirt_questionnaire_is_walked (self, i))
          rank++;
      if (self->n_walked == 0)
        text = g_strdup (_("Nothing planned for this session"));
      else
        /* translators: position in interview mode, "Planned question 2 of 5" (of the session's) */
        text = g_strdup_printf (_("Planned question %u of %u"), rank, self->n_walked);
      gtk_label_set_label (self->position_label, text);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.previous",
                                     self->current > 0 && _cirt_questionnaire_find_walked (self, self->current - 1, -1, &other));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.next",
                                     _cirt_questionnaire_find_walked (self, self->current + 1, +1, &other));
      return;
    }
  /* translators: position in the questionnaire, "Question 12 of 52" */
  text = g_strdup_printf (_("Question %u of %u"), self->current + 1, n);
  gtk_label_set_label (self->position_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.next", self->current + 1 < n);
}

gboolean
_cirt_questionnaire_is_unanswered (CirtQuestionnaire *self,
                                   guint              index)
{
  return !cirt_answer_is_answered (answer_of (self, index));
}

gboolean
_cirt_questionnaire_is_flagged (CirtQuestionnaire *self,
                                guint              index)
{
  const CirtAnswer *a = answer_of (self, index);
  return a != NULL && a->flagged;
}

void
_cirt_questionnaire_on_answer_changed_cb (CirtQuestionnaire *self,
                                          const char        *question_id,
                                          const CirtAnswer  *before,
                                          const CirtAnswer  *after)
{
  gpointer found = g_hash_table_lookup (self->index_by_id, question_id);
  guint index;

  if (found == NULL)
    return;
  index = GPOINTER_TO_UINT (found) - 1;
  _cirt_questionnaire_count_answer (self, index, before, -1);
  _cirt_questionnaire_count_answer (self, index, after, +1);
  _cirt_questionnaire_update_section_row (self, _cirt_questionnaire_section_of (self, index));
  _cirt_questionnaire_update_progress (self);
}

/* Forgets the answers, keeping the questionnaire's structure and rows. */
void
_cirt_questionnaire_clear_answers (CirtQuestionnaire *self)
{
  for (guint s = 0; self->sections != NULL && s < self->sections->len; s++)
    {
      SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
      e->n_answered = 0;
      e->n_flagged = 0;
    }
  self->current = 0;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

guint
cirt_questionnaire_get_n_sections (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->sections ? self->sections->len : 0;
}

void
cirt_questionnaire_get_section_progress (CirtQuestionnaire *self,
                                         guint              section_index,
                                         guint             *n_answered,
                                         guint             *n_questions)
{
  SectionEntry *e;

  g_return_if_fail (CIRT_IS_QUESTIONNAIRE (self));
  g_return_if_fail (self->sections != NULL && section_index < self->sections->len);

  e = &g_array_index (self->sections, SectionEntry, section_index);
  if (n_answered)
    *n_answered = e->n_answered;
  if (n_questions)
    *n_questions = e->n_questions;
}
