/* cirt-questionnaire-private.h — what the questionnaire's files share: the
 * instance struct, the sections and the functions one file calls in another
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-questionnaire.c           the widget, its template, navigation and
 *                                keys, the walk order, loading the session
 * cirt-questionnaire-progress.c  what is answered and flagged, counted per
 *                                section; the overall count, the position
 * cirt-questionnaire-sections.c  the sidebar's section rows and headers
 * cirt-questionnaire-search.c    finding a question by its id or text
 * cirt-questionnaire-interview.c interview mode: the session chosen, its
 *                                planned sections the only ones walked */
#pragma once

#include "cirt-questionnaire.h"

G_BEGIN_DECLS

typedef struct {
  const CirtSection *section;
  CirtInstrument    *instrument;   /* borrowed from self->instruments */
  guint              first;        /* its first question in self->questions */
  guint              n_questions;
  guint              n_answered;
  guint              n_flagged;
  GtkListBoxRow     *row;
  GtkLabel          *count_label;
  GtkWidget         *flag_icon;
  gboolean           planned;      /* in interview mode: planned for the session */
} SectionEntry;

struct _CirtQuestionnaire {
  GtkWidget           parent_instance;

  /* template widgets */
  AdwFlap            *flap;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListBox         *section_list;
  GtkListView        *results_view;
  CirtQuestionPage   *page;
  GtkLabel           *position_label;
  GtkMenuButton      *interview_button;
  GtkRevealer        *interview_revealer;
  GtkLabel           *interview_label;
  GtkStack           *content_stack;

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  GPtrArray          *instruments;     /* CirtInstrument* */
  GPtrArray          *questions;       /* const CirtQuestion*, walk order */
  GArray             *question_section;/* guint: index into sections, per question */
  GArray             *sections;        /* SectionEntry */
  GHashTable         *index_by_id;     /* question id → index + 1 */
  GtkStringList      *result_strings;  /* "ID text" per question */
  GtkStringFilter    *result_filter;
  GtkFilterListModel *results;
  GtkListBox         *interview_list;  /* in the Interview menu */
  GtkLabel           *interview_empty;
  GSignalGroup       *store_signals;
  GPtrArray          *interviews;      /* CirtInterview*, of the assessment */
  GPtrArray          *stakeholders;    /* CirtStakeholder* */
  char               *interviews_shown;/* what the menu shows, to rebuild it only on a change */
  char               *interview;       /* UUID of the session of interview mode (NULL: not in it) */
  guint               n_walked;        /* questions of the planned sections */

  /* state */
  guint               current;
  gboolean            user_hid_flap;
};

/* cirt-questionnaire.c */
/* The language of instrument texts. */
const char    *_cirt_questionnaire_language                 (CirtQuestionnaire        *self);
void           _cirt_questionnaire_show_question            (CirtQuestionnaire        *self,
                                                             guint                     index,
                                                             gboolean                  focus);

/* cirt-questionnaire-progress.c */
SectionEntry  *_cirt_questionnaire_section_of               (CirtQuestionnaire        *self,
                                                             guint                     index);
void           _cirt_questionnaire_update_progress          (CirtQuestionnaire        *self);
/* Counts @answer (NULL: nothing) into its section, @sign +1 or -1. */
void           _cirt_questionnaire_count_answer             (CirtQuestionnaire        *self,
                                                             guint                     index,
                                                             const CirtAnswer         *answer,
                                                             int                       sign);
void           _cirt_questionnaire_update_position          (CirtQuestionnaire        *self);
gboolean       _cirt_questionnaire_is_unanswered            (CirtQuestionnaire        *self,
                                                             guint                     index);
gboolean       _cirt_questionnaire_is_flagged               (CirtQuestionnaire        *self,
                                                             guint                     index);
void           _cirt_questionnaire_on_answer_changed_cb     (CirtQuestionnaire        *self,
                                                             const char               *question_id,
                                                             const CirtAnswer         *before,
                                                             const CirtAnswer         *after);
/* Forgets the answers, keeping the questionnaire's structure and rows. */
void           _cirt_questionnaire_clear_answers            (CirtQuestionnaire        *self);

/* cirt-questionnaire-sections.c */
void           _cirt_questionnaire_update_section_row       (CirtQuestionnaire        *self,
                                                             SectionEntry             *e);
GtkListBoxRow *_cirt_questionnaire_create_section_row       (SectionEntry             *e,
                                                             guint                     index,
                                                             const char               *lang);
void           _cirt_questionnaire_section_header_cb        (GtkListBoxRow            *row,
                                                             GtkListBoxRow            *before,
                                                             gpointer                  user_data);
/* Template callbacks, bound under their names without the prefix. */
void           _cirt_questionnaire_on_section_activated_cb  (CirtQuestionnaire        *self,
                                                             GtkListBoxRow            *row);
void           _cirt_questionnaire_on_flap_folded_cb        (CirtQuestionnaire        *self);

/* cirt-questionnaire-interview.c */
/* Whether question @index is walked: every one, in interview mode those of
 * the planned sections. */
gboolean       _cirt_questionnaire_is_walked                (CirtQuestionnaire        *self,
                                                             guint                     index);
/* In interview mode, and the session plans none of the sections. */
gboolean       _cirt_questionnaire_nothing_to_walk          (CirtQuestionnaire        *self);
gboolean       _cirt_questionnaire_find_walked              (CirtQuestionnaire        *self,
                                                             guint                     from,
                                                             int                       step,
                                                             guint                    *found);
void           _cirt_questionnaire_set_interview            (CirtQuestionnaire        *self,
                                                             const char               *interview);
void           _cirt_questionnaire_reload_interviews        (CirtQuestionnaire        *self);
void           _cirt_questionnaire_choose_interview         (CirtQuestionnaire        *self);
void           _cirt_questionnaire_init_interview           (CirtQuestionnaire        *self);
void           _cirt_questionnaire_on_assessment_changed_cb (CirtQuestionnaire        *self,
                                                             const char               *assessment);

/* cirt-questionnaire-search.c */
void           _cirt_questionnaire_end_search               (CirtQuestionnaire        *self);
/* Template callbacks, bound under their names without the prefix. */
void           _cirt_questionnaire_on_search_changed_cb     (CirtQuestionnaire        *self);
void           _cirt_questionnaire_on_search_activate_cb    (CirtQuestionnaire        *self);
void           _cirt_questionnaire_on_stop_search_cb        (CirtQuestionnaire        *self);
void           _cirt_questionnaire_on_result_activated_cb   (CirtQuestionnaire        *self,
                                                             guint                     position);
gboolean       _cirt_questionnaire_on_search_key_pressed_cb (GtkEventControllerKey    *controller,
                                                             guint                     keyval,
                                                             guint                     keycode,
                                                             GdkModifierType           state,
                                                             CirtQuestionnaire        *self);
/* The search results' list item factory. */
void           _cirt_questionnaire_setup_result_cb          (GtkSignalListItemFactory *factory,
                                                             GtkListItem              *item,
                                                             gpointer                  user_data);
void           _cirt_questionnaire_bind_result_cb           (GtkSignalListItemFactory *factory,
                                                             GtkListItem              *item,
                                                             gpointer                  user_data);

G_END_DECLS
