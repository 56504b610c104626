/* cirt-question-page.c — one question with its answer controls, autosaved
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-question-page.h"

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
  GtkLabel           *critical_label;
  GtkLabel           *section_label;
  GtkLabel           *text_label;
  GtkExpander        *guidance_expander;
  GtkLabel           *guidance_label;
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
  AdwEntryRow        *source_row;
  GtkMenuButton      *source_button;
  AdwEntryRow        *evidence_row;

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

G_DEFINE_FINAL_TYPE (CirtQuestionPage, cirt_question_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static gboolean save_now (CirtQuestionPage *self,
                          GError          **error);

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static char *
buffer_text (GtkTextView *view)
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
  g_autofree char *now = buffer_text (view);

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

static void
replace (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

/* "T-CTX-2: \"x\" is not a number…" → "\"x\" is not a number…" */
static const char *
strip_question_id (const CirtQuestion *q,
                   const char         *message)
{
  gsize len = strlen (q->id);

  if (strncmp (message, q->id, len) == 0 && message[len] == ':' && message[len + 1] == ' ')
    return message + len + 2;
  return message;
}

static void
set_save_state (CirtQuestionPage *self,
                CirtSaveState     state)
{
  if (self->session != NULL)
    cirt_session_set_save_state (self->session, state);
}

/* The language of instrument texts. */
static const char *
language (CirtQuestionPage *self)
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

static void
update_status (CirtQuestionPage *self)
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
}


static void
show_na_message (CirtQuestionPage *self,
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

/* ------------------------------------------------------------------------ */
/* Option rows                                                              */

static void
option_row_free (OptionRow *r)
{
  g_free (r->value);
  g_free (r);
}

static void on_option_toggled_cb (CirtQuestionPage *self,
                                  GtkCheckButton   *check);

static OptionRow *
add_option_row (CirtQuestionPage *self,
                GtkListBox       *list,
                GPtrArray        *rows,
                gboolean          radio)
{
  OptionRow *r = g_new0 (OptionRow, 1);

  r->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (r->row), "cirt-choice-row");

  r->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (r->check), GTK_ALIGN_CENTER);
  /* The row takes the focus and activates the check (Space, Enter, click). */
  gtk_widget_set_focusable (GTK_WIDGET (r->check), FALSE);
  if (radio && rows != NULL && rows->len > 0)
    gtk_check_button_set_group (r->check, ((OptionRow *) g_ptr_array_index (rows, 0))->check);
  adw_action_row_add_prefix (r->row, GTK_WIDGET (r->check));
  adw_action_row_set_activatable_widget (r->row, GTK_WIDGET (r->check));

  r->key = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (r->key), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (r->key), "cirt-keycap");
  adw_action_row_add_suffix (r->row, GTK_WIDGET (r->key));

  g_object_set_data (G_OBJECT (r->check), "cirt-option-row", r);
  g_signal_connect_object (r->check, "toggled", G_CALLBACK (on_option_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (list, GTK_WIDGET (r->row));
  if (rows != NULL)
    g_ptr_array_add (rows, r);
  return r;
}

static void
set_option_row (OptionRow  *r,
                const char *value,
                const char *title,
                const char *key,
                const char *accessible)
{
  replace (&r->value, value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->row), title);
  gtk_label_set_label (r->key, key ? key : "");
  gtk_widget_set_visible (GTK_WIDGET (r->key), key != NULL && *key != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (GTK_WIDGET (r->row), TRUE);
}

static GPtrArray *
rows_for_kind (CirtQuestionPage *self,
               CirtQuestionKind  kind)
{
  switch (kind)
    {
    case CIRT_KIND_LEVEL:
      return self->level_rows;
    case CIRT_KIND_YESNO:
      return self->yesno_rows;
    case CIRT_KIND_CHOICE:
      return self->choice_rows;
    case CIRT_KIND_CHECKLIST:
      return self->checklist_rows;
    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return NULL;
    }
}

static gboolean
value_has (const char *list,
           const char *id)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return FALSE;
  parts = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char * const *) parts, id);
}

/* Ticks the rows that match the answer. */
static void
sync_checks (CirtQuestionPage *self)
{
  const CirtQuestion *q = self->question;
  GPtrArray *rows = rows_for_kind (self, q->kind);
  const char *value = self->answer->not_applicable ? NULL : self->answer->value;

  if (rows == NULL)
    return;
  self->binding++;
  for (guint i = 0; i < rows->len; i++)
    {
      OptionRow *r = g_ptr_array_index (rows, i);
      gboolean on;

      if (!gtk_widget_get_visible (GTK_WIDGET (r->row)))
        continue;
      if (q->kind == CIRT_KIND_CHECKLIST)
        on = value_has (value, r->value);
      else
        on = g_strcmp0 (value, r->value) == 0;
      gtk_check_button_set_active (r->check, on);
    }
  if (q->kind == CIRT_KIND_CHECKLIST)
    gtk_check_button_set_active (self->none_row->check, value != NULL && *value == '\0');
  self->binding--;
}

static void
bind_options (CirtQuestionPage *self)
{
  const CirtQuestion *q = self->question;
  const char *lang = language (self);

  switch (q->kind)
    {
    case CIRT_KIND_LEVEL:
      for (guint i = 0; i < CIRT_N_QUESTION_LEVELS; i++)
        {
          OptionRow *r = g_ptr_array_index (self->level_rows, i);
          const char *text = cirt_text_get (q->level_text[i], lang);
          char value[2] = { (char) ('0' + i), '\0' };
          /* translators: accessible name of a level row, "Level 2: A policy is drafted" */
          g_autofree char *accessible = g_strdup_printf (_("Level %u: %s"), i, text ? text : "");
          set_option_row (r, value, text ? text : "", value, accessible);
        }
      break;

    case CIRT_KIND_CHOICE:
    case CIRT_KIND_CHECKLIST:
      {
        gboolean checklist = q->kind == CIRT_KIND_CHECKLIST;
        GPtrArray *rows = checklist ? self->checklist_rows : self->choice_rows;
        GtkListBox *list = checklist ? self->checklist_list : self->choice_list;

        /* Grow the pool when a question has more options than any before. */
        while (rows->len < q->options->len)
          {
            OptionRow *r = add_option_row (self, list, rows, !checklist);
            if (checklist)
              {
                /* Keep "None of these" last. */
                g_object_ref (self->none_row->row);
                gtk_list_box_remove (list, GTK_WIDGET (self->none_row->row));
                gtk_list_box_append (list, GTK_WIDGET (self->none_row->row));
                g_object_unref (self->none_row->row);
              }
            (void) r;
          }
        for (guint i = 0; i < rows->len; i++)
          {
            OptionRow *r = g_ptr_array_index (rows, i);
            if (i < q->options->len)
              {
                const CirtOption *o = g_ptr_array_index (q->options, i);
                g_autofree char *key = i < 9 ? g_strdup_printf ("%u", i + 1) : NULL;
                set_option_row (r, o->id, cirt_text_get (o->text, lang), key, cirt_text_get (o->text, lang));
              }
            else
              {
                /* Hidden rows leave the radio group's choice alone. */
                self->binding++;
                gtk_check_button_set_active (r->check, FALSE);
                self->binding--;
                gtk_widget_set_visible (GTK_WIDGET (r->row), FALSE);
              }
          }
      }
      break;

    case CIRT_KIND_YESNO:
    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      break;
    }
  sync_checks (self);
}

/* The value the ticked rows stand for (checklist: ids in instrument order,
 * "" for "none of these", NULL when nothing is ticked). */
static char *
value_from_checks (CirtQuestionPage *self)
{
  GPtrArray *rows = rows_for_kind (self, self->question->kind);

  if (self->question->kind == CIRT_KIND_CHECKLIST)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      gboolean any = FALSE;

      for (guint i = 0; i < rows->len; i++)
        {
          OptionRow *r = g_ptr_array_index (rows, i);
          if (gtk_widget_get_visible (GTK_WIDGET (r->row)) && gtk_check_button_get_active (r->check))
            {
              if (any)
                g_string_append_c (s, ',');
              g_string_append (s, r->value);
              any = TRUE;
            }
        }
      if (any)
        return g_string_free (g_steal_pointer (&s), FALSE);
      return gtk_check_button_get_active (self->none_row->check) ? g_strdup ("") : NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      OptionRow *r = g_ptr_array_index (rows, i);
      if (gtk_widget_get_visible (GTK_WIDGET (r->row)) && gtk_check_button_get_active (r->check))
        return g_strdup (r->value);
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

/* Copies what the text fields hold into the answer. */
static void
sync_text_fields (CirtQuestionPage *self)
{
  CirtAnswer *a = self->answer;

  if (self->question == NULL)
    return;
  g_free (a->notes);
  a->notes = blank_to_null (buffer_text (self->notes_view));
  replace (&a->evidence, gtk_editable_get_text (GTK_EDITABLE (self->evidence_row)));
  a->evidence = blank_to_null (a->evidence);
  replace (&a->source, gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
  a->source = blank_to_null (a->source);
  if (self->question->kind == CIRT_KIND_TEXT)
    {
      g_autofree char *text = buffer_text (self->value_view);
      g_free (a->value);
      a->value = is_blank (text) ? NULL : g_steal_pointer (&text);
    }
}

static void show_answer (CirtQuestionPage *self);

/* The store holds @stored for the question shown (NULL: nothing): the input
 * starts from it now, and it is shown where it differs from the screen. */
static void
take_stored (CirtQuestionPage *self,
             const CirtAnswer *stored)
{
  g_autoptr(CirtAnswer) empty = cirt_answer_new (self->question->id);
  gboolean differs;

  sync_text_fields (self);
  differs = !cirt_answer_same_content (stored ? stored : empty, self->answer);
  g_clear_pointer (&self->base, cirt_answer_free);
  self->base = stored ? cirt_answer_copy (stored) : NULL;
  g_clear_pointer (&self->answer, cirt_answer_free);
  self->answer = cirt_answer_copy (stored ? stored : empty);
  if (differs)
    show_answer (self);
  else
    update_status (self);
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  CirtQuestionPage *self = user_data;

  self->save_source = 0;
  save_now (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CirtQuestionPage *self)
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
  set_save_state (self, CIRT_SAVE_STATE_PENDING);
}

static gboolean
save_now (CirtQuestionPage  *self,
          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CirtAnswer) stored = NULL;
  gboolean was_refused = self->refused;
  CirtSaveOutcome outcome;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->question == NULL || self->session == NULL)
    return TRUE;

  sync_text_fields (self);
  if (self->answer->not_applicable && is_blank (self->answer->notes))
    {
      show_na_message (self, _("A question marked not applicable keeps its justification. Write why in the notes, or turn Not applicable off."));
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s: not saved: a question marked not applicable needs a justification in the notes"),
                   self->question->id);
      self->refused = TRUE;
      set_save_state (self, CIRT_SAVE_STATE_FAILED);
      return FALSE;
    }

  if (!cirt_session_save_answer (self->session, self->base, self->answer, &outcome, &stored, &local_error))
    {
      g_autofree char *what = g_strdup_printf (_("The answer to %s was not saved"), self->question->id);
      self->refused = TRUE;
      set_save_state (self, CIRT_SAVE_STATE_FAILED);
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
    show_na_message (self, NULL);
  set_save_state (self, CIRT_SAVE_STATE_SAVED);
  update_status (self);
  return TRUE;
}

/* A value picked: Not applicable goes, the value is written at once. */
static void
set_value (CirtQuestionPage *self,
           const char       *value)
{
  CirtAnswer *a = self->answer;

  replace (&a->value, value);
  if (a->not_applicable || self->na_pending)
    {
      a->not_applicable = FALSE;
      self->na_pending = FALSE;
      self->binding++;
      gtk_switch_set_active (self->na_switch, FALSE);
      self->binding--;
      show_na_message (self, NULL);
    }
  save_now (self, NULL);
  update_status (self);
}

static void
apply_not_applicable (CirtQuestionPage *self)
{
  self->na_pending = FALSE;
  self->answer->not_applicable = TRUE;
  g_clear_pointer (&self->answer->value, g_free);
  sync_checks (self);
  show_na_message (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Widget callbacks                                                         */

static void
on_option_toggled_cb (CirtQuestionPage *self,
                      GtkCheckButton   *check)
{
  OptionRow *r = g_object_get_data (G_OBJECT (check), "cirt-option-row");
  gboolean active = gtk_check_button_get_active (check);
  g_autofree char *value = NULL;

  if (self->binding || self->question == NULL)
    return;

  switch (self->question->kind)
    {
    case CIRT_KIND_CHECKLIST:
      self->binding++;
      if (r == self->none_row && active)
        {
          /* "None of these" unticks the others. */
          for (guint i = 0; i < self->checklist_rows->len; i++)
            gtk_check_button_set_active (((OptionRow *) g_ptr_array_index (self->checklist_rows, i))->check, FALSE);
        }
      else if (r != self->none_row && active)
        gtk_check_button_set_active (self->none_row->check, FALSE);
      self->binding--;
      value = value_from_checks (self);
      set_value (self, value);
      break;

    case CIRT_KIND_LEVEL:
    case CIRT_KIND_YESNO:
    case CIRT_KIND_CHOICE:
      /* A radio group: react to the row that became active. */
      if (!active)
        return;
      set_value (self, r->value);
      break;

    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      break;
    }
}

static void
on_notes_changed_cb (CirtQuestionPage *self,
                     GtkTextBuffer    *buffer)
{
  if (self->binding || self->question == NULL)
    return;
  if (self->na_pending || self->answer->not_applicable)
    {
      g_autofree char *notes = buffer_text (self->notes_view);
      if (!is_blank (notes))
        {
          if (self->na_pending)
            apply_not_applicable (self);
          show_na_message (self, NULL);
          update_status (self);
        }
      else if (self->answer->not_applicable)
        show_na_message (self, _("A question marked not applicable keeps its justification. Write why in the notes, or turn Not applicable off."));
    }
  schedule_save (self);
}

static void
on_value_view_changed_cb (CirtQuestionPage *self,
                          GtkTextBuffer    *buffer)
{
  if (self->binding || self->question == NULL)
    return;
  schedule_save (self);
}

static void
on_value_row_changed_cb (CirtQuestionPage *self)
{
  const char *text;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->binding || self->question == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_clear_pointer (&self->value_error, g_free);
  if (!is_blank (text))
    {
      value = cirt_question_parse_value (self->question, text, &error);
      if (value == NULL)
        self->value_error = g_strdup (strip_question_id (self->question, error->message));
    }
  if (self->value_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
      gtk_label_set_label (self->value_message, self->value_error);
      gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "dim-label");
      /* The last valid value stays in the store until this one parses. */
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->value_message), "dim-label");
  if (self->question->kind == CIRT_KIND_DATE)
    gtk_label_set_label (self->value_message, _("A date, written YYYY-MM-DD"));
  else
    gtk_label_set_label (self->value_message, _("A number, written with digits, e.g. 1250 or 12.5"));
  if (g_strcmp0 (value, self->answer->value) == 0)
    return;
  replace (&self->answer->value, value);
  if (value != NULL && self->na_pending)
    set_value (self, value);
  else
    schedule_save (self);
}

static void
on_calendar_day_selected_cb (CirtQuestionPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
  gtk_menu_button_popdown (self->date_button);
  save_now (self, NULL);
}

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
  save_now (self, NULL);
}

static void
on_source_row_changed_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  schedule_save (self);
}

static void
on_evidence_row_changed_cb (CirtQuestionPage *self)
{
  if (self->binding || self->question == NULL)
    return;
  schedule_save (self);
}

/* ------------------------------------------------------------------------ */
/* Store                                                                    */

static gboolean
has_unsaved_input (CirtQuestionPage *self)
{
  return self->save_source != 0 || self->refused || self->na_pending || self->value_error != NULL;
}

static void
on_answer_changed_cb (CirtQuestionPage *self,
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

static void
show_answer (CirtQuestionPage *self)
{
  const CirtQuestion *q = self->question;
  const CirtAnswer *a = self->answer;
  gboolean scored = cirt_kind_is_scored (q->kind);

  self->binding++;
  bind_options (self);
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
  self->binding--;

  gtk_widget_set_visible (GTK_WIDGET (self->na_row), scored);
  show_na_message (self, NULL);
  update_status (self);
}

void
cirt_question_page_bind (CirtQuestionPage   *self,
                         const CirtQuestion *question,
                         const CirtAnswer   *answer)
{
  const char *lang = language (self);
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
  gtk_widget_set_visible (GTK_WIDGET (self->critical_label), question->critical);
  {
    const CirtSection *section = question->section;
    const char *pillar = cirt_lang_pillar_title (ui_lang (self), section->pillar);
    /* translators: "Legal · Cybercrime law" (pillar · section) */
    g_autofree char *where = g_strdup_printf (_("%s · %s"), pillar, cirt_text_get (section->title, lang));
    gtk_label_set_label (self->section_label, where);
  }
  gtk_label_set_label (self->text_label, cirt_text_get (question->text, lang));
  guidance = cirt_text_get (question->guidance, lang);
  gtk_label_set_label (self->guidance_label, guidance ? guidance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander), guidance != NULL);
  if (question->refs != NULL && question->refs[0] != NULL)
    {
      g_autofree char *refs = g_strjoinv (" · ", question->refs);
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

  show_answer (self);
  /* Ctrl+Z in a text field never brings back the previous question's text. */
  for (guint i = 0; i < 2; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (i == 0 ? self->notes_view : self->value_view);
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      gtk_text_buffer_set_enable_undo (buffer, TRUE);
    }
  set_save_state (self, CIRT_SAVE_STATE_SAVED);

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
  save_now (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_question_page_dispose (GObject *object)
{
  CirtQuestionPage *self = CIRT_QUESTION_PAGE (object);

  /* Last chance: nothing typed is dropped. */
  if (self->save_source != 0)
    save_now (self, NULL);
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
  g_clear_pointer (&self->none_row, option_row_free);
  g_clear_pointer (&self->answer, cirt_answer_free);
  g_clear_pointer (&self->base, cirt_answer_free);
  g_free (self->value_error);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, critical_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, guidance_label);
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
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, source_button);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionPage, evidence_row);
  gtk_widget_class_bind_template_callback (widget_class, on_value_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_na_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_switch_active_cb);
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

  self->level_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) option_row_free);
  self->yesno_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) option_row_free);
  self->choice_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) option_row_free);
  self->checklist_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) option_row_free);

  for (guint i = 0; i < CIRT_N_QUESTION_LEVELS; i++)
    add_option_row (self, self->level_list, self->level_rows, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (yesno); i++)
    {
      OptionRow *r = add_option_row (self, self->yesno_list, self->yesno_rows, TRUE);
      set_option_row (r, yesno[i].value, _(yesno[i].title), yesno[i].key, _(yesno[i].title));
    }
  self->none_row = add_option_row (self, self->checklist_list, NULL, FALSE);
  set_option_row (self->none_row, "", _("None of these"), "0", _("None of these"));
  gtk_widget_add_css_class (GTK_WIDGET (self->none_row->row), "cirt-none-row");

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->value_view), "changed",
                           G_CALLBACK (on_value_view_changed_cb), self, G_CONNECT_SWAPPED);

  self->source_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->source_button, G_MENU_MODEL (self->source_menu));
  gtk_menu_button_set_create_popup_func (self->source_button, fill_source_menu, self, NULL);
  fill_source_menu (self->source_button, self);

  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed", G_CALLBACK (on_answer_changed_cb), self);
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
    save_now (self, NULL);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  self->question = NULL;
  g_object_notify (G_OBJECT (self), "session");
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
    sync_text_fields (self);
  return self->answer;
}

gboolean
cirt_question_page_flush (CirtQuestionPage  *self,
                          GError           **error)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);

  if (self->question == NULL)
    return TRUE;
  if (self->save_source != 0 || self->refused)
    {
      if (!save_now (self, error))
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

gboolean
cirt_question_page_pick (CirtQuestionPage *self,
                         int               n)
{
  GPtrArray *rows;
  OptionRow *r = NULL;

  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);

  if (self->question == NULL)
    return FALSE;
  rows = rows_for_kind (self, self->question->kind);
  switch (self->question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (n < 0 || n >= CIRT_N_QUESTION_LEVELS)
        return FALSE;
      r = g_ptr_array_index (rows, n);
      break;
    case CIRT_KIND_CHOICE:
      if (n < 1 || (guint) n > self->question->options->len)
        return FALSE;
      r = g_ptr_array_index (rows, n - 1);
      break;
    case CIRT_KIND_CHECKLIST:
      if (n < 0 || (guint) n > self->question->options->len)
        return FALSE;
      r = n == 0 ? self->none_row : g_ptr_array_index (rows, n - 1);
      /* A checklist row toggles. */
      gtk_check_button_set_active (r->check, !gtk_check_button_get_active (r->check));
      return TRUE;
    case CIRT_KIND_YESNO:
    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return FALSE;
    }
  gtk_check_button_set_active (r->check, TRUE);
  return TRUE;
}

gboolean
cirt_question_page_pick_yesno (CirtQuestionPage *self,
                               const char       *value)
{
  g_return_val_if_fail (CIRT_IS_QUESTION_PAGE (self), FALSE);

  if (self->question == NULL || self->question->kind != CIRT_KIND_YESNO)
    return FALSE;
  for (guint i = 0; i < self->yesno_rows->len; i++)
    {
      OptionRow *r = g_ptr_array_index (self->yesno_rows, i);
      if (g_strcmp0 (r->value, value) == 0)
        {
          gtk_check_button_set_active (r->check, TRUE);
          return TRUE;
        }
    }
  return FALSE;
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
          sync_text_fields (self);
          if (!is_blank (self->answer->notes))
            {
              apply_not_applicable (self);
              save_now (self, NULL);
            }
          else
            {
              /* Ask for the justification where it is written. */
              self->na_pending = TRUE;
              show_na_message (self, _("Not applicable needs a justification. Write in the notes why this question does not apply; it is recorded as soon as the notes say why."));
              gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
            }
        }
    }
  else
    {
      gboolean was_na = self->answer->not_applicable;
      self->na_pending = FALSE;
      self->answer->not_applicable = FALSE;
      show_na_message (self, NULL);
      if (was_na)
        save_now (self, NULL);
    }
  self->binding++;
  gtk_switch_set_active (self->na_switch, self->answer->not_applicable || self->na_pending);
  self->binding--;
  update_status (self);
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
  sync_checks (self);
  gtk_switch_set_active (self->na_switch, FALSE);
  if (self->question->kind == CIRT_KIND_TEXT)
    set_buffer_text (self->value_view, NULL);
  if (self->question->kind == CIRT_KIND_NUMBER || self->question->kind == CIRT_KIND_DATE)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  self->binding--;
  g_clear_pointer (&self->value_error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
  show_na_message (self, NULL);
  save_now (self, NULL);
  update_status (self);
}

void
cirt_question_page_focus_answer (CirtQuestionPage *self)
{
  GPtrArray *rows;

  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));

  if (self->question == NULL)
    return;
  switch (self->question->kind)
    {
    case CIRT_KIND_TEXT:
      gtk_widget_grab_focus (GTK_WIDGET (self->value_view));
      return;
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      return;
    case CIRT_KIND_LEVEL:
    case CIRT_KIND_YESNO:
    case CIRT_KIND_CHOICE:
    case CIRT_KIND_CHECKLIST:
    case CIRT_N_KINDS:
    default:
      break;
    }
  rows = rows_for_kind (self, self->question->kind);
  /* The ticked row, else the first one. */
  for (guint i = 0; i < rows->len; i++)
    {
      OptionRow *r = g_ptr_array_index (rows, i);
      if (gtk_widget_get_visible (GTK_WIDGET (r->row)) && gtk_check_button_get_active (r->check))
        {
          gtk_widget_grab_focus (GTK_WIDGET (r->row));
          return;
        }
    }
  if (rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((OptionRow *) g_ptr_array_index (rows, 0))->row));
}

void
cirt_question_page_focus_notes (CirtQuestionPage *self)
{
  g_return_if_fail (CIRT_IS_QUESTION_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}
