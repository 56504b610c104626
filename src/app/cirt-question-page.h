/* cirt-question-page.h — one question with its answer controls, autosaved
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-session.h"
#include "cirt-statements-box.h"

G_BEGIN_DECLS


/* Text fields are saved this long after the last keystroke, and never later
 * than CIRT_SAVE_MAX_DELAY_MS after the first unsaved one. */
#define CIRT_SAVE_IDLE_MS      400
#define CIRT_SAVE_MAX_DELAY_MS 1000

#define CIRT_TYPE_QUESTION_PAGE (cirt_question_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtQuestionPage, cirt_question_page, CIRT, QUESTION_PAGE, GtkWidget)

GtkWidget          *cirt_question_page_new              (void);

/* The session the page writes through ("session"). Flushes what is
 * pending first. */
void                cirt_question_page_set_session      (CirtQuestionPage   *self,
                                                         CirtSession        *session);
CirtSession        *cirt_question_page_get_session      (CirtQuestionPage   *self);
/* The interview session (its UUID; NULL: none) every answer saved from now
 * on is given in: recorded as the answer's session, its source. */
void                cirt_question_page_set_interview    (CirtQuestionPage   *self,
                                                         const char         *interview);
const char         *cirt_question_page_get_interview    (CirtQuestionPage   *self);
/* The statements about the question shown. */
CirtStatementsBox  *cirt_question_page_get_statements_box (CirtQuestionPage *self);
/* Shows @question (owned by an instrument of the assessment) with @answer,
 * what the store holds for it (NULL: nothing recorded): the input starts
 * from it, and while nothing typed waits for its save the page follows
 * what the store holds. The page's widgets are reused, never rebuilt. Call
 * cirt_question_page_flush() first: binding drops unsaved input. */
void                cirt_question_page_bind             (CirtQuestionPage   *self,
                                                         const CirtQuestion *question,
                                                         const CirtAnswer   *answer);
const CirtQuestion *cirt_question_page_get_question     (CirtQuestionPage   *self);
/* The answer as shown, including input not yet saved. */
const CirtAnswer   *cirt_question_page_get_answer       (CirtQuestionPage   *self);

/* Writes pending input now. FALSE with @error when something shown could not
 * be stored (the store refused it, an invalid number or date, or Not
 * applicable without a justification). */
gboolean            cirt_question_page_flush            (CirtQuestionPage   *self,
                                                         GError            **error);
/* The session's save state. */
CirtSaveState       cirt_question_page_get_save_state   (CirtQuestionPage   *self);

/* What the keyboard shortcuts do; each returns FALSE when it does not apply
 * to the current question's kind. */
/* level: 0–4; choice: option @n (1-based); checklist: toggles option @n,
 * 0 = "none of these". */
gboolean            cirt_question_page_pick             (CirtQuestionPage   *self,
                                                         int                 n);
/* yesno: "yes", "partial" or "no". */
gboolean            cirt_question_page_pick_yesno       (CirtQuestionPage   *self,
                                                         const char         *value);
/* Not applicable on: applied at once when the notes hold a justification,
 * else the notes are focused and the page asks for one. */
gboolean            cirt_question_page_set_not_applicable (CirtQuestionPage *self,
                                                         gboolean            not_applicable);
gboolean            cirt_question_page_get_not_applicable (CirtQuestionPage *self);
void                cirt_question_page_set_flagged      (CirtQuestionPage   *self,
                                                         gboolean            flagged);
/* Removes the value and N/A mark (notes, evidence, source, flag stay). */
void                cirt_question_page_clear            (CirtQuestionPage   *self);
/* Moves the keyboard focus to the answer control. */
void                cirt_question_page_focus_answer     (CirtQuestionPage   *self);
void                cirt_question_page_focus_notes      (CirtQuestionPage   *self);

G_END_DECLS
