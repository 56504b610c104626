/* cirt-questionnaire.h — the sections of an assessment and its question page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-question-page.h"
#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_TYPE_QUESTIONNAIRE (cirt_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (CirtQuestionnaire, cirt_questionnaire, CIRT, QUESTIONNAIRE, GtkWidget)

GtkWidget          *cirt_questionnaire_new               (void);
CirtQuestionPage   *cirt_questionnaire_get_page          (CirtQuestionnaire *self);
/* Questions in the order they are walked through (sections grouped by
 * instrument and pillar). */
guint               cirt_questionnaire_get_n_questions   (CirtQuestionnaire *self);
const CirtQuestion *cirt_questionnaire_get_question      (CirtQuestionnaire *self,
                                                          guint              index);
guint               cirt_questionnaire_get_position      (CirtQuestionnaire *self);
/* Flushes the page and shows question @index. */
void                cirt_questionnaire_go_to             (CirtQuestionnaire *self,
                                                          guint              index);
gboolean            cirt_questionnaire_go_to_question    (CirtQuestionnaire *self,
                                                          const char        *question_id);
/* Answered (value or N/A) questions of section @section_index (display order). */
guint               cirt_questionnaire_get_n_sections    (CirtQuestionnaire *self);
void                cirt_questionnaire_get_section_progress (CirtQuestionnaire *self,
                                                          guint              section_index,
                                                          guint             *n_answered,
                                                          guint             *n_questions);
CirtSaveState       cirt_questionnaire_get_save_state    (CirtQuestionnaire *self);
/* Restores the answer before the last answer change; FALSE when there is
 * nothing to undo. */
gboolean            cirt_questionnaire_undo              (CirtQuestionnaire *self);
/* Shows the questions matching @text in the sidebar (NULL or "" ends the search). */
void                cirt_questionnaire_search            (CirtQuestionnaire *self,
                                                          const char        *text);
guint               cirt_questionnaire_get_n_results     (CirtQuestionnaire *self);

G_END_DECLS
