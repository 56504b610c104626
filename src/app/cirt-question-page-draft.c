/* cirt-question-page-draft.c — the question page's autosave: what is typed
 * is saved through the session after a pause (never later than a second
 * after the first unsaved keystroke), a pick at once; the save state, a
 * refused save, and answers changed elsewhere while input waits for its save
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-question-page-private.h"

static char *
blank_to_null (char *s)
{
  if (s != NULL && *s == '\0')
    {
      g_free (s);
      return NULL;
    }
  return s;
}

void
_cirt_question_page_set_save_state (CirtQuestionPage *self,
                                    CirtSaveState     state)
{
  if (self->session != NULL)
    cirt_session_set_save_state (self->session, state);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

/* Copies what the text fields hold into the answer. */
void
_cirt_question_page_sync_text_fields (CirtQuestionPage *self)
{
  CirtAnswer *a = self->answer;

  if (self->question == NULL)
    return;
  g_free (a->notes);
  a->notes = blank_to_null (_cirt_question_page_buffer_text (self->notes_view));
  _cirt_question_page_replace (&a->evidence, gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)));
  a->evidence = blank_to_null (a->evidence);
  _cirt_question_page_replace (&a->source, gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
  a->source = blank_to_null (a->source);
  if (self->question->kind == CIRT_KIND_TEXT)
    {
      g_autofree char *text = _cirt_question_page_buffer_text (self->value_view);
      g_free (a->value);
      a->value = _cirt_question_page_is_blank (text) ? NULL : g_steal_pointer (&text);
    }
}

/* The store holds @stored for the question shown (NULL: nothing): the input
 * starts from it now, and it is shown where it differs from the screen. */
static void
take_stored (CirtQuestionPage *self,
             const CirtAnswer *stored)
{
  g_autoptr(CirtAnswer) empty = cirt_answer_new (self->question->id);
  gboolean differs;

  _cirt_question_page_sync_text_fields (self);
  differs = !cirt_answer_same_content (stored ? stored : empty, self->answer);
  g_clear_pointer (&self->base, cirt_answer_free);
  self->base = stored ? cirt_answer_copy (stored) : NULL;
  g_clear_pointer (&self->answer, cirt_answer_free);
  self->answer = cirt_answer_copy (stored ? stored : empty);
  if (differs)
    _cirt_question_page_show_answer (self);
  else
    _cirt_question_page_update_status (self);
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  CirtQuestionPage *self = user_data;

  self->save_source = 0;
  _cirt_question_page_save_now (self, NULL);
  return G_SOURCE_REMOVE;
}

void
_cirt_question_page_schedule_save (CirtQuestionPage *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 delay;

  if (self->question == NULL || self->session == NULL)
    return;
  if (self->save_source == 0)
    self->dirty_since = now;
  g_clear_handle_id (&self->save_source, g_source_remove);
  /* Quiet for CIRT_SAVE_IDLE_MS, but never more than CIRT_SAVE_MAX_DELAY_MS
   * after the first unsaved keystroke: fast typists are saved every second. */
  delay = MIN (CIRT_SAVE_IDLE_MS, CIRT_SAVE_MAX_DELAY_MS - (now - self->dirty_since) / 1000);
  self->save_source = g_timeout_add (MAX (delay, 0), on_save_timeout_cb, self);
  _cirt_question_page_set_save_state (self, CIRT_SAVE_STATE_PENDING);
}

gboolean
_cirt_question_page_save_now (CirtQuestionPage  *self,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CirtAnswer) stored = NULL;
  gboolean was_refused = self->refused;
  CirtSaveOutcome outcome;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->question == NULL || self->session == NULL)
    return TRUE;

  _cirt_question_page_sync_text_fields (self);
  if (self->answer->not_applicable && _cirt_question_page_is_blank (self->answer->notes))
    {
      _cirt_question_page_show_na_message (self, _("A question marked not applicable keeps its justification. Write why in the notes, or turn Not applicable off."));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s: not saved: a question marked not applicable needs a justification in the notes"),
                   self->question->id);
      self->refused = TRUE;
      _cirt_question_page_set_save_state (self, CIRT_SAVE_STATE_FAILED);
      return FALSE;
    }

  /* In interview mode, what is answered is the session's: its source. */
  if (self->interview != NULL)
    _cirt_question_page_replace (&self->answer->session, self->interview);
  if (!cirt_session_save_answer (self->session, self->base, self->answer, &outcome, &stored, &local_error))
    {
      g_autofree char *what = g_strdup_printf (_("The answer to %s was not saved"), self->question->id);
      self->refused = TRUE;
      _cirt_question_page_set_save_state (self, CIRT_SAVE_STATE_FAILED);
      /* Once per failure, not on every keystroke that retries. */
      if (!was_refused)
        cirt_app_report_error (GTK_WIDGET (self), what, local_error);
      if (error != NULL)
        g_set_error (error, local_error->domain, local_error->code, "%s: %s", what, local_error->message);
      return FALSE;
    }
  self->refused = FALSE;
  take_stored (self, stored);
  if (!self->na_pending)
    _cirt_question_page_show_na_message (self, NULL);
  _cirt_question_page_set_save_state (self, CIRT_SAVE_STATE_SAVED);
  _cirt_question_page_update_status (self);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Store                                                                    */

static gboolean
has_unsaved_input (CirtQuestionPage *self)
{
  return self->save_source != 0 || self->refused || self->na_pending || self->value_error != NULL;
}

void
_cirt_question_page_on_answer_changed_cb (CirtQuestionPage *self,
                                          const char       *question_id,
                                          const CirtAnswer *before,
                                          const CirtAnswer *after)
{
  if (self->question == NULL || g_strcmp0 (question_id, self->question->id) != 0)
    return;
  /* What is typed and not saved yet stays on screen: its save merges with
   * this change (cirt_session_save_answer()), nothing is overwritten. */
  if (has_unsaved_input (self))
    return;
  take_stored (self, after);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

gboolean
cirt_question_page_flush (CirtQuestionPage  *self,
                          GError           **error)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);

  if (self->question == NULL)
    return TRUE;
  if (self->save_source != 0 || self->refused)
    {
      if (!_cirt_question_page_save_now (self, error))
        return FALSE;
    }
  if (self->na_pending)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s was not marked not applicable: that needs a justification in the notes"),
                   self->question->id);
      return FALSE;
    }
  if (self->value_error != NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("The answer to %s was not saved: %s (the last valid answer is kept)"),
                   self->question->id, self->value_error);
      return FALSE;
    }
  return TRUE;
}

CirtSaveState
cirt_question_page_get_save_state (CirtQuestionPage *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), CIRT_SAVE_STATE_SAVED);
  return self->session ? cirt_session_get_save_state (self->session) : CIRT_SAVE_STATE_SAVED;
}
