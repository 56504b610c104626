/* cirt-question-page-private.h — what the question page's files share: the
 * instance struct, the option rows and the functions one file calls in another
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-question-page.c          the widget, its template, properties and
 *                               actions, showing a question
 * cirt-question-page-choices.c  the answer controls of each kind of question:
 *                               building them and reading them back
 * cirt-question-page-draft.c    the autosave: debounce, saving through the
 *                               session, save state, changes made elsewhere */
#pragma once

#include "cirt-evidence-box.h"
#include "cirt-question-page.h"
#include "cirt-statements-box.h"
#include "cirt-review-box.h"

G_BEGIN_DECLS

/* One selectable row of a level, yes/no, choice or checklist question. The
 * rows are made once and re-bound to every question shown. */
typedef struct {
  AdwActionRow   *row;
  GtkCheckButton *check;
  GtkLabel       *key;
  char           *value;    /* the value (level, yes/no word, option id) it stands for */
} OptionRow;

struct _CirtQuestionPage {
  GtkWidget           parent_instance;

  /* template widgets */
  GtkScrolledWindow  *scroller;
  GtkLabel           *id_label;
  CirtEvidenceBox    *evidence_box;       /* the evidence vault's items of this answer */
  GtkLabel           *critical_label;
  GtkLabel           *section_label;
  GtkLabel           *text_label;
  GtkExpander        *guidance_expander;
  GtkLabel           *guidance_label;
  GtkLabel           *ask_label;
  GtkLabel           *refs_label;
  GtkStack           *answer_stack;
  GtkListBox         *level_list;
  GtkListBox         *yesno_list;
  GtkListBox         *choice_list;
  GtkListBox         *checklist_list;
  GtkTextView        *value_view;
  AdwEntryRow        *value_row;
  GtkLabel           *unit_label;
  GtkMenuButton      *date_button;
  GtkCalendar        *calendar;
  GtkLabel           *value_message;
  GtkLabel           *status_label;
  GtkLabel           *notes_heading;
  GtkRevealer        *na_revealer;
  GtkLabel           *na_message;
  GtkScrolledWindow  *notes_scroller;
  GtkTextView        *notes_view;
  AdwActionRow       *na_row;
  GtkSwitch          *na_switch;
  AdwActionRow       *flag_row;
  GtkSwitch          *flag_switch;
  AdwActionRow       *internal_row;
  GtkSwitch          *internal_switch;
  AdwEntryRow        *source_row;
  GtkMenuButton      *source_button;
  AdwEntryRow        *evidence_row;
  AdwActionRow       *interview_row;
  CirtStatementsBox  *statements_box;
  GtkWidget          *review_box;      /* CirtReviewBox */

  /* option rows, made on demand and reused */
  GPtrArray          *level_rows;
  GPtrArray          *yesno_rows;
  GPtrArray          *choice_rows;
  GPtrArray          *checklist_rows;
  OptionRow          *none_row;        /* checklist: "None of these" */

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  CirtInstrument     *instrument;      /* keeps @question alive */
  CirtAnswer         *answer;          /* what the widgets show */
  CirtAnswer         *base;            /* the stored answer the input started from (NULL: none) */
  GMenu              *source_menu;
  char               *interview;       /* UUID of the interview session answers are given in (NULL: none) */
  char               *interview_shown; /* the session interview_row names */

  /* borrowed */
  const CirtQuestion *question;

  /* state */
  char               *value_error;     /* number/date input that does not parse */
  gboolean            na_pending;      /* N/A asked for, waiting for a justification */
  gboolean            refused;         /* the last save was refused */
  guint               save_source;
  gint64              dirty_since;
  guint               binding;         /* > 0 while widgets are filled from the model */
};

/* cirt-question-page.c: helpers, and showing what the answer holds. */
gboolean    _cirt_question_page_is_blank                    (const char       *s);
char       *_cirt_question_page_buffer_text                 (GtkTextView      *view);
void        _cirt_question_page_replace                     (char            **field,
                                                             const char       *value);
/* The language of instrument texts. */
const char *_cirt_question_page_language                    (CirtQuestionPage *self);
void        _cirt_question_page_update_status               (CirtQuestionPage *self);
void        _cirt_question_page_show_na_message             (CirtQuestionPage *self,
                                                             const char       *message);
void        _cirt_question_page_show_answer                 (CirtQuestionPage *self);

/* cirt-question-page-choices.c: the option rows and the answer controls'
 * handlers. */
void        _cirt_question_page_option_row_free             (OptionRow        *r);
OptionRow  *_cirt_question_page_add_option_row              (CirtQuestionPage *self,
                                                             GtkListBox       *list,
                                                             GPtrArray        *rows,
                                                             gboolean          radio);
void        _cirt_question_page_set_option_row              (OptionRow        *r,
                                                             const char       *value,
                                                             const char       *title,
                                                             const char       *key,
                                                             const char       *accessible);
/* Ticks the rows that match the answer. */
void        _cirt_question_page_sync_checks                 (CirtQuestionPage *self);
void        _cirt_question_page_bind_options                (CirtQuestionPage *self);
void        _cirt_question_page_on_value_view_changed_cb    (CirtQuestionPage *self,
                                                             GtkTextBuffer    *buffer);
/* Template callbacks ("on_value_row_changed_cb", "on_calendar_day_selected_cb"). */
void        _cirt_question_page_on_value_row_changed_cb     (CirtQuestionPage *self);
void        _cirt_question_page_on_calendar_day_selected_cb (CirtQuestionPage *self);

/* cirt-question-page-draft.c: the autosave. */
void        _cirt_question_page_set_save_state              (CirtQuestionPage *self,
                                                             CirtSaveState     state);
/* Copies what the text fields hold into the answer. */
void        _cirt_question_page_sync_text_fields            (CirtQuestionPage *self);
void        _cirt_question_page_schedule_save               (CirtQuestionPage *self);
gboolean    _cirt_question_page_save_now                    (CirtQuestionPage *self,
                                                             GError          **error);
void        _cirt_question_page_on_answer_changed_cb        (CirtQuestionPage *self,
                                                             const char       *question_id,
                                                             const CirtAnswer *before,
                                                             const CirtAnswer *after);

G_END_DECLS
