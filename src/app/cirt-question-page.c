/* cirt-question-page.c — one question with its answer controls, autosaved:
 * the widget, its template, properties and actions, and showing a question
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-lang.h"
#include "cirt-interview-labels.h"
#include "cirt-question-page-private.h"
#include "cirt-store-sessions.h"

G_DEFINE_FINAL_TYPE (CirtQuestionPage, cirt_question_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

gboolean
_cirt_question_page_is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

char *
_cirt_question_page_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *now = _cirt_question_page_buffer_text (view);

  /* Unchanged text keeps its cursor (an answer refreshed while typing). */
  if (g_strcmp0 (now, text ? text : "") == 0)
    return;

  /* Not part of the text's own undo history: Ctrl+Z in the notes must never
   * bring back the previous question's notes. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

void
_cirt_question_page_replace (char       **field,
                             const char  *value)
{
  char *copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/* The language of instrument texts. */
const char *
_cirt_question_page_language (CirtQuestionPage *self)
{
  return self->session ? cirt_context_get_language (cirt_session_get_context (self->session)) : NULL;
}

/* How the interface writes numbers and dates. */
static const CirtLang *
ui_lang (CirtQuestionPage *self)
{
  return self->session ? cirt_context_get_lang (cirt_session_get_context (self->session)) : cirt_lang_default ();
}

static gboolean
answer_is_answered (const CirtAnswer *answer)
{
  return answer->value != NULL || answer->not_applicable;
}

/* The interview session the answer was given in, named with its people. */
static void
update_interview_row (CirtQuestionPage *self)
{
  const char *session = self->answer ? self->answer->session : NULL;
  CirtStore *store;
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  const CirtInterview *iv;
  g_autofree char *label = NULL;

  if (g_strcmp0 (session, self->interview_shown) == 0)
    return;
  g_free (self->interview_shown);
  self->interview_shown = g_strdup (session);
  gtk_widget_set_visible (GTK_WIDGET (self->interview_row), session != NULL && self->session != NULL);
  if (session == NULL || self->session == NULL)
    return;
  store = cirt_session_get_store (self->session);
  interviews = cirt_store_list_interviews (store, cirt_session_get_id (self->session), NULL);
  stakeholders = cirt_store_list_stakeholders (store, cirt_session_get_id (self->session), NULL);
  iv = cirt_interview_find (interviews, session);
  label = iv ? cirt_interview_full_label (iv, stakeholders, ui_lang (self)) : g_strdup (_("A removed interview session"));
  adw_action_row_set_subtitle (self->interview_row, label);
}

void
_cirt_question_page_update_status (CirtQuestionPage *self)
{
  const CirtAnswer *a = self->answer;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;

  if (self->question == NULL)
    return;
  if (a->not_applicable)
    text = g_strdup (_("Not applicable"));
  else if (a->value != NULL)
    {
      if (self->question->kind == CIRT_KIND_CHECKLIST && *a->value == '\0')
        text = g_strdup (_("Answered: none of these"));
      else
        text = g_strdup (_("Answered"));
    }
  else if (self->na_pending)
    text = g_strdup (_("Not applicable, once the notes say why"));
  else
    text = g_strdup (_("Not answered yet"));

  if (answer_is_answered (a) && a->author != NULL && a->updated_at != NULL)
    {
      g_autofree char *date = cirt_lang_format_date_short (ui_lang (self), a->updated_at);
      /* translators: "Answered · Ana Silva, 2 Mar 2026" */
      when = g_strdup_printf (_("%s · %s, %s"), text, a->author, date);
    }
  gtk_label_set_label (self->status_label, when ? when : text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.clear", answer_is_answered (a));
  update_interview_row (self);
}


void
_cirt_question_page_show_na_message (CirtQuestionPage *self,
                                     const char       *message)
{
  if (message != NULL)
    gtk_label_set_label (self->na_message, message);
  gtk_revealer_set_reveal_child (self->na_revealer, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->notes_scroller), "cirt-needs-input");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes_scroller), "cirt-needs-input");
}

static void
apply_not_applicable (CirtQuestionPage *self)
{
  self->na_pending = FALSE;
  self->answer->not_applicable = TRUE;
  g_clear_pointer (&self->answer->value, g_free);
  _cirt_question_page_sync_checks (self);
  _cirt_question_page_show_na_message (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Widget callbacks                                                         */

static void
on_notes_changed_cb (CirtQuestionPage *self,
                     GtkTextBuffer    *buffer)
{
  if (self->binding || self->question == NULL)
    return;
  if (self->na_pending || self->answer->not_applicable)
    {
      g_autofree char *notes = _cirt_question_page_buffer_text (self->notes_view);
      if (!_cirt_question_page_is_blank (notes))
        {
          if (self->na_pending)
            apply_not_applicable (self);
          _cirt_question_page_show_na_message (self, NULL);
          _cirt_question_page_update_status (self);
        }
      else if (self->answer->not_applicable)
        _cirt_question_page_show_na_message (self, _("A question marked not applicable keeps its justification. Write why in the notes, or turn Not applicable off."));
    }
  _cirt_question_page_schedule_save (self);
}

static void update_internal_row (CirtQuestionPage *self);

static void
on_na_switch_active_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  cirt_question_page_set_not_applicable (self, gtk_switch_get_active (self->na_switch));
}

static void
on_flag_switch_active_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  self->answer->flagged = gtk_switch_get_active (self->flag_switch);
  _cirt_question_page_save_now (self, NULL);
}

/* An N/A justification goes in every export: it cannot be internal. */
static void
update_internal_row (CirtQuestionPage *self)
{
  gboolean na = self->answer->not_applicable || self->na_pending;

  gtk_widget_set_sensitive (GTK_WIDGET (self->internal_row), !na);
  adw_action_row_set_subtitle (self->internal_row,
                               na ? _("A justification of not applicable goes in every export")
                                  : _("For the team only: left out of redacted exports"));
}

static void
on_internal_switch_active_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  self->answer->notes_internal = gtk_switch_get_active (self->internal_switch);
  _cirt_question_page_save_now (self, NULL);
}

static void
on_source_row_changed_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  _cirt_question_page_schedule_save (self);
}

static void
on_evidence_row_changed_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  _cirt_question_page_schedule_save (self);
}

/* ------------------------------------------------------------------------ */
/* Sources                                                                  */

/* The interviews of the assessment, offered as sources; made each time the
 * menu opens, so it lists the ones recorded meanwhile. */
static void
fill_source_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  CirtQuestionPage *self = user_data;
  CirtAssessmentData *data = self->session ? cirt_session_get_data (self->session, NULL) : NULL;
  GPtrArray *list = data ? data->stakeholders : NULL;

  g_menu_remove_all (self->source_menu);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (list, i);
      g_autofree char *source = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (s->organisation != NULL && *s->organisation != '\0')
        /* translators: an interviewee as the source of an answer, "Name (Organisation)" */
        source = g_strdup_printf (_("%s (%s)"), s->name, s->organisation);
      else
        source = g_strdup (s->name);
      item = g_menu_item_new (source, NULL);
      g_menu_item_set_action_and_target_value (item, "question.source", g_variant_new_string (source));
      g_menu_append_item (self->source_menu, item);
    }
  if (list == NULL || list->len == 0)
    g_menu_append (self->source_menu, _("No interviews recorded yet (see Stakeholders)"), "question.none");
}

/* ------------------------------------------------------------------------ */
/* Binding                                                                  */

void
_cirt_question_page_show_answer (CirtQuestionPage *self)
{
  const CirtQuestion *q = self->question;
  const CirtAnswer *a = self->answer;
  gboolean scored = cirt_kind_is_scored (q->kind);

  self->binding++;
  _cirt_question_page_bind_options (self);
  if (q->kind == CIRT_KIND_TEXT)
    set_buffer_text (self->value_view, a->value);
  if (q->kind == CIRT_KIND_NUMBER || q->kind == CIRT_KIND_DATE)
    {
      set_editable_text (GTK_EDITABLE (self->value_row), a->value);
      g_clear_pointer (&self->value_error, g_free);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "dim-label");
      if (q->kind == CIRT_KIND_DATE)
        gtk_label_set_label (self->value_message, _("A date, written YYYY-MM-DD"));
      else
        gtk_label_set_label (self->value_message, _("A number, written with digits, e.g. 1250 or 12.5"));
    }
  set_buffer_text (self->notes_view, a->notes);
  set_editable_text (GTK_EDITABLE (self->evidence_row), a->evidence);
  set_editable_text (GTK_EDITABLE (self->source_row), a->source);
  gtk_switch_set_active (self->na_switch, scored && (a->not_applicable || self->na_pending));
  gtk_switch_set_active (self->flag_switch, a->flagged);
  gtk_switch_set_active (self->internal_switch, a->notes_internal);
  self->binding--;
  update_internal_row (self);

  gtk_widget_set_visible (GTK_WIDGET (self->na_row), scored);
  _cirt_question_page_show_na_message (self, NULL);
  _cirt_question_page_update_status (self);
}

void
cirt_question_page_bind (CirtQuestionPage   *self,
                         const CirtQuestion *question,
                         const CirtAnswer   *answer)
{
  const char *lang = _cirt_question_page_language (self);
  const char *guidance;
  const char *page = "level";
  CirtInstrument *instrument;

  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));
  g_return_if_fail (question != NULL);

  /* Whatever was not flushed belongs to the previous question. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->value_error, g_free);
  self->na_pending = FALSE;
  self->refused = FALSE;

  instrument = cirt_question_get_instrument (question);
  if (instrument != self->instrument)
    g_set_object (&self->instrument, instrument);
  self->question = question;
  g_clear_pointer (&self->answer, cirt_answer_free);
  self->answer = answer ? cirt_answer_copy (answer) : cirt_answer_new (question->id);
  g_clear_pointer (&self->base, cirt_answer_free);
  self->base = answer ? cirt_answer_copy (answer) : NULL;
  /* Another question: Ctrl+Z takes back changes of this one on their own. */
  if (self->session != NULL)
    cirt_session_new_undo_group (self->session);

  gtk_label_set_label (self->id_label, question->id);
  cirt_evidence_box_set_question (self->evidence_box, question->id);
  gtk_widget_set_visible (GTK_WIDGET (self->critical_label), question->critical);
  {
    const CirtSection *section = question->section;
    const char *pillar = cirt_lang_pillar_title (ui_lang (self), section->pillar);
    /* translators: "Legal · Cybercrime law" (pillar · section) */
    g_autofree char *where = g_strdup_printf (_("%s · %s"), pillar, cirt_text_get (section->title, lang));
    gtk_label_set_label (self->section_label, where);
  }
  gtk_label_set_label (self->text_label, cirt_text_get (question->text, lang));
  cirt_statements_box_set_question (self->statements_box, question->id);
  guidance = cirt_text_get (question->guidance, lang);
  gtk_label_set_label (self->guidance_label, guidance ? guidance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander), guidance != NULL);
  if (question->ask != NULL && question->ask[0] != NULL)
    {
      /* The groups' names in the interface language, as the prefix is. */
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; question->ask[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (names, cirt_lang_str (ui_lang (self), CIRT_STR_LIST_SEPARATOR));
          g_string_append (names, cirt_lang_group_name (ui_lang (self), question->ask[i]));
        }
      /* translators: the stakeholder groups to interview, e.g. "Whom to ask: Regulator, Academia" */
      g_autofree char *text = g_strdup_printf (_("Whom to ask: %s"), names->str);
      gtk_label_set_label (self->ask_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->ask_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->ask_label), FALSE);
  if (question->refs != NULL && question->refs[0] != NULL)
    {
      /* A reference is "framework edition · item", so references are separated by "; ". */
      g_autofree char *refs = g_strjoinv ("; ", question->refs);
      /* translators: the references a question draws on */
      g_autofree char *text = g_strdup_printf (_("References: %s"), refs);
      gtk_label_set_label (self->refs_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->refs_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->refs_label), FALSE);

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      page = "level";
      break;
    case CIRT_KIND_YESNO:
      page = "yesno";
      break;
    case CIRT_KIND_CHOICE:
      page = "choice";
      break;
    case CIRT_KIND_CHECKLIST:
      page = "checklist";
      break;
    case CIRT_KIND_TEXT:
      page = "text";
      break;
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
      page = "entry";
      {
        const char *unit = question->kind == CIRT_KIND_NUMBER ? cirt_text_get (question->unit, lang) : NULL;
        gtk_label_set_label (self->unit_label, unit ? unit : "");
        gtk_widget_set_visible (GTK_WIDGET (self->unit_label), unit != NULL);
        gtk_widget_set_visible (GTK_WIDGET (self->date_button), question->kind == CIRT_KIND_DATE);
        adw_entry_row_set_input_purpose (self->value_row, question->kind == CIRT_KIND_NUMBER ?
                                         GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_FREE_FORM);
      }
      break;
    case CIRT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  gtk_stack_set_visible_child_name (self->answer_stack, page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cirt_text_get (question->text, lang), -1);

  _cirt_question_page_show_answer (self);
  /* Ctrl+Z in a text field never brings back the previous question's text. */
  for (guint i = 0; i < 2; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (i == 0 ? self->notes_view : self->value_view);
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      gtk_text_buffer_set_enable_undo (buffer, TRUE);
    }
  _cirt_question_page_set_save_state (self, CIRT_SAVE_STATE_SAVED);
  /* The lead assessor's review of this answer (cirt-review-box.c). */
  cirt_review_box_set_question (CIRT_REVIEW_BOX (self->review_box), self->session, question->id);

  /* A new question starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cirt_question_page_clear (CIRT_QUESTION_PAGE (widget));
}

static void
source_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (widget);

  if (self->question == NULL)
    return;
  self->binding++;
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), g_variant_get_string (parameter, NULL));
  self->binding--;
  _cirt_question_page_save_now (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_question_page_dispose (GObject *object)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (object);

  /* Last chance: nothing typed is dropped. */
  if (self->save_source != 0)
    _cirt_question_page_save_now (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_QUESTION_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->instrument);
  g_clear_object (&self->source_menu);

  G_OBJECT_CLASS (cirt_question_page_parent_class)->dispose (object);
}

static void
cirt_question_page_finalize (GObject *object)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (object);

  g_clear_pointer (&self->level_rows, g_ptr_array_unref);
  g_clear_pointer (&self->yesno_rows, g_ptr_array_unref);
  g_clear_pointer (&self->choice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->checklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->none_row, _cirt_question_page_option_row_free);
  g_clear_pointer (&self->answer, cirt_answer_free);
  g_clear_pointer (&self->base, cirt_answer_free);
  g_free (self->value_error);
  g_free (self->interview);
  g_free (self->interview_shown);

  G_OBJECT_CLASS (cirt_question_page_parent_class)->finalize (object);
}

static void
cirt_question_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (object);

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
cirt_question_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      cirt_question_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_question_page_class_init (CirtQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_question_page_dispose;
  object_class->finalize = cirt_question_page_finalize;
  object_class->get_property = cirt_question_page_get_property;
  object_class->set_property = cirt_question_page_set_property;

  /* The session written to (CirtSession, NULL: none). */
  g_object_class_install_property (object_class, PROP_SESSION,
    g_param_spec_object ("session", NULL, NULL, CIRT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_type_ensure (CIRT_TYPE_STATEMENTS_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CIRT_TYPE_REVIEW_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, critical_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, ask_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, refs_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, level_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, yesno_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, choice_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, value_view);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, value_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, value_message);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, na_revealer);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, na_message);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, notes_scroller);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, na_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, na_switch);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, flag_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, flag_switch);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, internal_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, internal_switch);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, source_button);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, interview_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, statements_box);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, review_box);
  g_type_ensure (CIRT_TYPE_EVIDENCE_BOX);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, evidence_box);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_value_row_changed_cb",
                                                G_CALLBACK (_cirt_question_page_on_value_row_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_calendar_day_selected_cb",
                                                G_CALLBACK (_cirt_question_page_on_calendar_day_selected_cb));
  gtk_widget_class_bind_template_callback (widget_class, on_na_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_internal_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "question.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "question.source", "s", source_action);
  /* The menu's "no interviews yet" line: always disabled. */
  gtk_widget_class_install_action (widget_class, "question.none", NULL, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cirt_question_page_init (CirtQuestionPage *self)
{
  static const struct { const char *value, *key; const char *title; } yesno[] = {
    { "yes", "y", N_("Yes") },
    { "partial", "p", N_("Partial") },
    { "no", "n", N_("No") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->level_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_question_page_option_row_free);
  self->yesno_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_question_page_option_row_free);
  self->choice_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_question_page_option_row_free);
  self->checklist_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_question_page_option_row_free);

  for (guint i = 0; i < CIRT_N_QUESTION_LEVELS; i++)
    _cirt_question_page_add_option_row (self, self->level_list, self->level_rows, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (yesno); i++)
    {
      OptionRow *r = _cirt_question_page_add_option_row (self, self->yesno_list, self->yesno_rows, TRUE);
      _cirt_question_page_set_option_row (r, yesno[i].value, _(yesno[i].title), yesno[i].key, _(yesno[i].title));
    }
  self->none_row = _cirt_question_page_add_option_row (self, self->checklist_list, NULL, FALSE);
  _cirt_question_page_set_option_row (self->none_row, "", _("None of these"), "0", _("None of these"));
  gtk_widget_add_css_class (GTK_WIDGET (self->none_row->row), "cirt-none-row");

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->value_view), "changed",
                           G_CALLBACK (_cirt_question_page_on_value_view_changed_cb), self, G_CONNECT_SWAPPED);

  self->source_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->source_button, G_MENU_MODEL (self->source_menu));
  gtk_menu_button_set_create_popup_func (self->source_button, fill_source_menu, self, NULL);
  fill_source_menu (self->source_button, self);

  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed",
                                  G_CALLBACK (_cirt_question_page_on_answer_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.clear", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question.none", FALSE);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_question_page_new (void)
{
  return g_object_new (CIRT_TYPE_QUESTION_PAGE, NULL);
}

void
cirt_question_page_set_session (CirtQuestionPage *self,
                                CirtSession      *session)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->save_source != 0)
    _cirt_question_page_save_now (self, NULL);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  cirt_evidence_box_set_session (self->evidence_box, session);
  self->question = NULL;
  g_clear_pointer (&self->interview_shown, g_free);
  cirt_statements_box_set_question (self->statements_box, NULL);
  cirt_statements_box_set_session (self->statements_box, session);
  cirt_review_box_set_question (CIRT_REVIEW_BOX (self->review_box), NULL, NULL);
  g_object_notify (G_OBJECT (self), "session");
}

void
cirt_question_page_set_interview (CirtQuestionPage *self,
                                  const char       *interview)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));

  if (g_strcmp0 (self->interview, interview) == 0)
    return;
  /* What was typed before belongs to where it was typed. */
  if (self->save_source != 0)
    _cirt_question_page_save_now (self, NULL);
  g_free (self->interview);
  self->interview = g_strdup (interview);
  /* The session may have been edited: name it again. */
  g_clear_pointer (&self->interview_shown, g_free);
  if (self->question != NULL)
    update_interview_row (self);
  cirt_statements_box_set_interview (self->statements_box, interview);
}

const char *
cirt_question_page_get_interview (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), NULL);
  return self->interview;
}

CirtStatementsBox *
cirt_question_page_get_statements_box (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), NULL);
  return self->statements_box;
}

CirtSession *
cirt_question_page_get_session (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), NULL);
  return self->session;
}

const CirtQuestion *
cirt_question_page_get_question (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), NULL);
  return self->question;
}

const CirtAnswer *
cirt_question_page_get_answer (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), NULL);
  if (self->question != NULL)
    _cirt_question_page_sync_text_fields (self);
  return self->answer;
}

gboolean
cirt_question_page_set_not_applicable (CirtQuestionPage *self,
                                       gboolean          not_applicable)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);

  if (self->question == NULL || !cirt_kind_is_scored (self->question->kind))
    return FALSE;
  if (not_applicable)
    {
      if (!self->answer->not_applicable && !self->na_pending)
        {
          _cirt_question_page_sync_text_fields (self);
          if (!_cirt_question_page_is_blank (self->answer->notes))
            {
              apply_not_applicable (self);
              _cirt_question_page_save_now (self, NULL);
            }
          else
            {
              /* Ask for the justification where it is written. */
              self->na_pending = TRUE;
              _cirt_question_page_show_na_message (self, _("Not applicable needs a justification. Write in the notes why this question does not apply; it is recorded as soon as the notes say why."));
              gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
            }
        }
    }
  else
    {
      gboolean was_na = self->answer->not_applicable;
      self->na_pending = FALSE;
      self->answer->not_applicable = FALSE;
      _cirt_question_page_show_na_message (self, NULL);
      if (was_na)
        _cirt_question_page_save_now (self, NULL);
    }
  self->binding++;
  gtk_switch_set_active (self->na_switch, self->answer->not_applicable || self->na_pending);
  self->binding--;
  update_internal_row (self);
  _cirt_question_page_update_status (self);
  return TRUE;
}

gboolean
cirt_question_page_get_not_applicable (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);
  return self->answer != NULL && (self->answer->not_applicable || self->na_pending);
}

void
cirt_question_page_set_flagged (CirtQuestionPage *self,
                                gboolean          flagged)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));

  if (self->question == NULL)
    return;
  /* The switch's handler saves. */
  gtk_switch_set_active (self->flag_switch, flagged);
}

void
cirt_question_page_clear (CirtQuestionPage *self)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));

  if (self->question == NULL)
    return;
  self->na_pending = FALSE;
  self->answer->not_applicable = FALSE;
  g_clear_pointer (&self->answer->value, g_free);
  self->binding++;
  _cirt_question_page_sync_checks (self);
  gtk_switch_set_active (self->na_switch, FALSE);
  if (self->question->kind == CIRT_KIND_TEXT)
    set_buffer_text (self->value_view, NULL);
  if (self->question->kind == CIRT_KIND_NUMBER || self->question->kind == CIRT_KIND_DATE)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  self->binding--;
  g_clear_pointer (&self->value_error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  _cirt_question_page_show_na_message (self, NULL);
  _cirt_question_page_save_now (self, NULL);
  _cirt_question_page_update_status (self);
}

void
cirt_question_page_focus_notes (CirtQuestionPage *self)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}
