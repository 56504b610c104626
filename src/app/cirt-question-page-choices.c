/* cirt-question-page-choices.c — the answer controls of the question page,
 * for each kind of question: the option rows of a level, yes/no, choice or
 * checklist question (made once, re-bound to every question, read back as a
 * value), the number and date entry with its calendar and the text answer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-question-page-private.h"

/* ------------------------------------------------------------------------ */
/* Option rows                                                              */

void
_cirt_question_page_option_row_free (OptionRow *r)
{
  g_free (r->value);
  g_free (r);
}

static void on_option_toggled_cb (CirtQuestionPage *self,
                                  GtkCheckButton   *check);

OptionRow *
_cirt_question_page_add_option_row (CirtQuestionPage *self,
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

void
_cirt_question_page_set_option_row (OptionRow  *r,
                                    const char *value,
                                    const char *title,
                                    const char *key,
                                    const char *accessible)
{
  _cirt_question_page_replace (&r->value, value);
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
void
_cirt_question_page_sync_checks (CirtQuestionPage *self)
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

void
_cirt_question_page_bind_options (CirtQuestionPage *self)
{
  const CirtQuestion *q = self->question;
  const char *lang = _cirt_question_page_language (self);

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
          _cirt_question_page_set_option_row (r, value, text ? text : "", value, accessible);
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
            OptionRow *r = _cirt_question_page_add_option_row (self, list, rows, !checklist);
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
                _cirt_question_page_set_option_row (r, o->id, cirt_text_get (o->text, lang), key,
                                                    cirt_text_get (o->text, lang));
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
  _cirt_question_page_sync_checks (self);
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
/* Widget callbacks                                                         */

/* A value picked: Not applicable goes, the value is written at once. */
static void
set_value (CirtQuestionPage *self,
           const char       *value)
{
  CirtAnswer *a = self->answer;

  _cirt_question_page_replace (&a->value, value);
  if (a->not_applicable || self->na_pending)
    {
      a->not_applicable = FALSE;
      self->na_pending = FALSE;
      self->binding++;
      gtk_switch_set_active (self->na_switch, FALSE);
      self->binding--;
      _cirt_question_page_show_na_message (self, NULL);
    }
  _cirt_question_page_save_now (self, NULL);
  _cirt_question_page_update_status (self);
}

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

void
_cirt_question_page_on_value_view_changed_cb (CirtQuestionPage *self,
                                              GtkTextBuffer    *buffer)
{
  if (self->binding || self->question == NULL)
    return;
  _cirt_question_page_schedule_save (self);
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

void
_cirt_question_page_on_value_row_changed_cb (CirtQuestionPage *self)
{
  const char *text;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->binding || self->question == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_clear_pointer (&self->value_error, g_free);
  if (!_cirt_question_page_is_blank (text))
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
  _cirt_question_page_replace (&self->answer->value, value);
  if (value != NULL && self->na_pending)
    set_value (self, value);
  else
    _cirt_question_page_schedule_save (self);
}

void
_cirt_question_page_on_calendar_day_selected_cb (CirtQuestionPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
  gtk_menu_button_popdown (self->date_button);
  _cirt_question_page_save_now (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

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
