/* cirt-questionnaire-interview.c — interview mode: the session chosen in the
 * Interview menu, the sections planned for it as the only ones walked, the
 * banner naming it, and the answers given in it recorded with it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-interview-labels.h"
#include "cirt-questionnaire-private.h"
#include "cirt-store-sessions.h"

static const CirtLang *
ui_lang (CirtQuestionnaire *self)
{
  return cirt_context_get_lang (cirt_session_get_context (self->session));
}

gboolean
_cirt_questionnaire_is_walked (CirtQuestionnaire *self,
                               guint              index)
{
  if (self->interview == NULL)
    return TRUE;
  return self->questions != NULL && index < self->questions->len &&
         _cirt_questionnaire_section_of (self, index)->planned;
}

gboolean
_cirt_questionnaire_nothing_to_walk (CirtQuestionnaire *self)
{
  return self->interview != NULL && self->n_walked == 0;
}

/* The first question walked from @from on (@step +1) or back (-1). */
gboolean
_cirt_questionnaire_find_walked (CirtQuestionnaire *self,
                                 guint              from,
                                 int                step,
                                 guint             *found)
{
  guint n = self->questions ? self->questions->len : 0;

  for (gint64 i = from; i >= 0 && i < n; i += step)
    if (_cirt_questionnaire_is_walked (self, (guint) i))
      {
        *found = (guint) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
section_filter_cb (GtkListBoxRow *row,
                   gpointer       user_data)
{
  CirtQuestionnaire *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-section"));

  if (self->interview == NULL || self->sections == NULL || index == 0 || index > self->sections->len)
    return TRUE;
  return g_array_index (self->sections, SectionEntry, index - 1).planned;
}

/* ------------------------------------------------------------------------ */
/* The mode                                                                 */

static const CirtInterview *
current_interview (CirtQuestionnaire *self)
{
  return cirt_interview_find (self->interviews, self->interview);
}

/* The banner, the menu button, the sections and the page follow the
 * session chosen (or none). */
static void
apply_interview (CirtQuestionnaire *self)
{
  const CirtInterview *iv = current_interview (self);
  guint first;

  self->n_walked = 0;
  for (guint s = 0; self->sections != NULL && s < self->sections->len; s++)
    {
      SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
      e->planned = iv != NULL && iv->sections != NULL &&
                   g_strv_contains ((const char * const *) iv->sections, e->section->id);
      if (e->planned)
        self->n_walked += e->n_questions;
    }
  gtk_list_box_invalidate_filter (self->section_list);
  gtk_list_box_invalidate_headers (self->section_list);
  cirt_question_page_set_interview (self->page, self->interview);

  if (iv != NULL)
    {
      g_autofree char *full = cirt_interview_full_label (iv, self->stakeholders, ui_lang (self));
      g_autofree char *when = cirt_lang_format_date_short (ui_lang (self), iv->date);
      g_autofree char *banner = NULL;
      g_autofree char *button = NULL;

      if (self->n_walked > 0)
        /* translators: the banner of interview mode, "Interview mode: 2 Mar 2026, Ministry — Ana Silva" */
        banner = g_strdup_printf (_("Interview mode: %s"), full);
      else
        /* translators: the banner of interview mode when the session plans no section */
        banner = g_strdup_printf (_("Interview mode: %s. No section is planned for this session: there is nothing to walk through."), full);
      gtk_label_set_label (self->interview_label, banner);
      /* translators: the Interview menu button in interview mode, "Interview: 2 Mar 2026" */
      button = g_strdup_printf (_("Inter_view: %s"), when);
      gtk_menu_button_set_label (self->interview_button, button);
    }
  else
    gtk_menu_button_set_label (self->interview_button, _("Inter_view"));
  gtk_revealer_set_reveal_child (self->interview_revealer, iv != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.leave-interview", iv != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, _cirt_questionnaire_nothing_to_walk (self) ? "empty" : "page");

  if (self->questions == NULL || self->questions->len == 0 || _cirt_questionnaire_nothing_to_walk (self))
    {
      _cirt_questionnaire_update_position (self);
      return;
    }
  if (_cirt_questionnaire_is_walked (self, self->current))
    {
      _cirt_questionnaire_update_position (self);
      return;
    }
  /* The first planned question not answered yet, else the first planned. */
  for (guint i = 0; i < self->questions->len; i++)
    if (_cirt_questionnaire_is_walked (self, i) && _cirt_questionnaire_is_unanswered (self, i))
      {
        _cirt_questionnaire_show_question (self, i, FALSE);
        return;
      }
  if (_cirt_questionnaire_find_walked (self, 0, +1, &first))
    _cirt_questionnaire_show_question (self, first, FALSE);
}

/* The sessions as the Interview menu lists them. */
static void
fill_menu (CirtQuestionnaire *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->interview_list))) != NULL)
    gtk_list_box_remove (self->interview_list, child);
  for (guint i = 0; i <= (self->interviews ? self->interviews->len : 0); i++)
    {
      const CirtInterview *iv = i > 0 ? g_ptr_array_index (self->interviews, i - 1) : NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *title, *subtitle;
      g_autofree char *when = iv ? cirt_interview_when_label (iv, ui_lang (self)) : NULL;
      g_autofree char *people = iv ? cirt_interview_people_label (iv, self->stakeholders) : NULL;
      g_autofree char *accessible = NULL;

      title = gtk_label_new (iv ? when : _("No Interview"));
      subtitle = gtk_label_new (iv ? people : _("The whole questionnaire"));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_box_append (GTK_BOX (texts), title);
      gtk_box_append (GTK_BOX (texts), subtitle);
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (box), texts);
      gtk_widget_set_opacity (check, g_strcmp0 (iv ? iv->id : NULL, self->interview) == 0 ? 1 : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
      gtk_box_append (GTK_BOX (box), check);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      /* translators: a session in the Interview menu, for screen readers, "2 Mar 2026, Ministry: Ana Silva" */
      accessible = iv ? g_strdup_printf (_("%s: %s"), when, people) : g_strdup (_("No interview: the whole questionnaire"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (row), "cirt-interview", g_strdup (iv ? iv->id : NULL), g_free);
      gtk_list_box_append (self->interview_list, row);
    }
}

/* What the store holds now: the sessions, their stakeholders. */
void
_cirt_questionnaire_reload_interviews (CirtQuestionnaire *self)
{
  CirtStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);

  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  if (self->session == NULL)
    return;
  store = cirt_session_get_store (self->session);
  self->interviews = cirt_store_list_interviews (store, cirt_session_get_id (self->session), &error);
  if (self->interviews != NULL)
    self->stakeholders = cirt_store_list_stakeholders (store, cirt_session_get_id (self->session), &error);
  if (error != NULL)
    cirt_app_show_toast (GTK_WIDGET (self), error->message);

  /* Rebuilt only when what is shown changed (every answer saved touches
   * the assessment). */
  for (guint i = 0; self->interviews != NULL && i < self->interviews->len; i++)
    {
      g_autofree char *json = cirt_interview_to_json (g_ptr_array_index (self->interviews, i));
      g_string_append (shown, json);
    }
  for (guint i = 0; self->stakeholders != NULL && i < self->stakeholders->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (self->stakeholders, i);
      g_string_append_printf (shown, "\x1e%s\x1f%s\x1f%s", s->uuid ? s->uuid : "", s->name, s->organisation ? s->organisation : "");
    }
  g_string_append_printf (shown, "\x1d%s", self->interview ? self->interview : "");
  if (g_strcmp0 (shown->str, self->interviews_shown) == 0)
    return;
  g_free (self->interviews_shown);
  self->interviews_shown = g_string_free (g_steal_pointer (&shown), FALSE);

  if (self->interview != NULL && current_interview (self) == NULL)
    {
      cirt_app_show_toast (GTK_WIDGET (self), _("The interview session was removed: interview mode ended"));
      _cirt_questionnaire_set_interview (self, NULL);
      return;
    }
  fill_menu (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->interview_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->interview_empty), self->interviews == NULL || self->interviews->len == 0);
  if (self->interview != NULL)
    apply_interview (self);
}

void
_cirt_questionnaire_set_interview (CirtQuestionnaire *self,
                                   const char        *interview)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (self->interview, interview) == 0)
    return;
  /* What was typed belongs to where it was typed. */
  if (!cirt_question_page_flush (self->page, &error))
    cirt_app_show_toast (GTK_WIDGET (self), error->message);
  g_free (self->interview);
  self->interview = g_strdup (interview);
  g_clear_pointer (&self->interviews_shown, g_free);
  if (self->session != NULL)
    _cirt_questionnaire_reload_interviews (self);
  apply_interview (self);
  if (self->session != NULL)
    fill_menu (self);
}

void
_cirt_questionnaire_on_assessment_changed_cb (CirtQuestionnaire *self,
                                              const char        *assessment)
{
  if (self->session != NULL && g_strcmp0 (assessment, cirt_session_get_id (self->session)) == 0)
    _cirt_questionnaire_reload_interviews (self);
}

static void
on_interview_activated_cb (CirtQuestionnaire *self,
                           GtkListBoxRow     *row)
{
  g_autofree char *chosen = g_strdup (g_object_get_data (G_OBJECT (row), "cirt-interview"));

  gtk_menu_button_popdown (self->interview_button);
  _cirt_questionnaire_set_interview (self, chosen);
  if (!_cirt_questionnaire_nothing_to_walk (self))
    cirt_question_page_focus_answer (self->page);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->interview_button));
}

/* Ctrl+Alt+I: the Interview menu, the focus on the session chosen. */
void
_cirt_questionnaire_choose_interview (CirtQuestionnaire *self)
{
  GtkListBoxRow *focus = NULL;

  if (self->session == NULL)
    return;
  _cirt_questionnaire_reload_interviews (self);
  gtk_menu_button_popup (self->interview_button);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->interview_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "cirt-interview"), self->interview) == 0)
      focus = GTK_LIST_BOX_ROW (c);
  if (focus != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (focus));
}

void
_cirt_questionnaire_init_interview (CirtQuestionnaire *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Walk the questions planned for a session"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  self->interview_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->interview_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->interview_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->interview_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interview_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Interview sessions"), -1);
  g_signal_connect_object (self->interview_list, "row-activated", G_CALLBACK (on_interview_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->interview_list));
  gtk_box_append (GTK_BOX (box), scroller);

  self->interview_empty = GTK_LABEL (gtk_label_new (_("No interview session planned yet: plan them on the Sessions page, or with cirt-assess-cli session add")));
  gtk_label_set_wrap (self->interview_empty, TRUE);
  gtk_label_set_max_width_chars (self->interview_empty, 40);
  gtk_label_set_xalign (self->interview_empty, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->interview_empty), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->interview_empty));

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->interview_button, popover);
  gtk_list_box_set_filter_func (self->section_list, section_filter_cb, self, NULL);

  self->store_signals = g_signal_group_new (CIRT_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "assessment-changed",
                                  G_CALLBACK (_cirt_questionnaire_on_assessment_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.leave-interview", FALSE);
}
