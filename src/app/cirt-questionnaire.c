/* cirt-questionnaire.c — the sections of an assessment and its question page:
 * the widget, its template, navigation and keys, the walk order of the
 * questions and the session's answers loaded into it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-questionnaire-private.h"

static void cirt_questionnaire_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtQuestionnaire, cirt_questionnaire, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_questionnaire_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

/* The language of instrument texts. */
const char *
_cirt_questionnaire_language (CirtQuestionnaire *self)
{
  return cirt_context_get_language (cirt_session_get_context (self->session));
}

/* ------------------------------------------------------------------------ */
/* Navigation                                                               */

static gboolean
flush_page (CirtQuestionnaire *self)
{
  g_autoptr(GError) error = NULL;

  if (!cirt_question_page_flush (self->page, &error))
    {
      cirt_app_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  return TRUE;
}

void
_cirt_questionnaire_show_question (CirtQuestionnaire *self,
                                   guint              index,
                                   gboolean           focus)
{
  const CirtQuestion *q;
  SectionEntry *e;

  if (self->questions == NULL || index >= self->questions->len)
    return;
  /* Asked for a question the session does not plan (a search, a link from
   * another page): the whole questionnaire again, said so. */
  if (!_cirt_questionnaire_is_walked (self, index))
    {
      const CirtQuestion *asked = g_ptr_array_index (self->questions, index);
      /* translators: a toast, "GCA-LEG-01 is not planned for this interview session: interview mode ended" */
      g_autofree char *message = g_strdup_printf (_("%s is not planned for this interview session: interview mode ended"),
                                                  asked->id);
      _cirt_questionnaire_set_interview (self, NULL);
      cirt_app_show_toast (GTK_WIDGET (self), message);
    }
  flush_page (self);
  self->current = index;
  q = g_ptr_array_index (self->questions, index);
  cirt_question_page_bind (self->page, q, cirt_session_get_answer (self->session, q->id));
  e = _cirt_questionnaire_section_of (self, index);
  gtk_list_box_select_row (self->section_list, e->row);
  _cirt_questionnaire_update_position (self);
  if (focus)
    cirt_question_page_focus_answer (self->page);
}

/* The next question after the current one (wrapping) that @test accepts. */
static gboolean
find_next (CirtQuestionnaire *self,
           gboolean         (*test) (CirtQuestionnaire *, guint),
           guint             *found)
{
  guint n = self->questions ? self->questions->len : 0;

  for (guint step = 1; step <= n; step++)
    {
      guint i = (self->current + step) % n;
      if (_cirt_questionnaire_is_walked (self, i) && test (self, i))
        {
          *found = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->current > 0 && _cirt_questionnaire_find_walked (self, self->current - 1, -1, &i))
    _cirt_questionnaire_show_question (self, i, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->questions && _cirt_questionnaire_find_walked (self, self->current + 1, +1, &i))
    _cirt_questionnaire_show_question (self, i, TRUE);
}

static void
next_unanswered_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->questions == NULL || _cirt_questionnaire_nothing_to_walk (self))
    return;
  /* Ctrl+Enter in the form of a statement records the statement. */
  {
    CirtStatementsBox *box = cirt_question_page_get_statements_box (self->page);
    if (cirt_statements_box_has_form_focus (box))
      {
        gtk_widget_activate_action (GTK_WIDGET (box), "statements.save", NULL);
        return;
      }
  }
  /* The page's own input counts: flush before looking. */
  flush_page (self);
  if (find_next (self, _cirt_questionnaire_is_unanswered, &i))
    _cirt_questionnaire_show_question (self, i, TRUE);
  else
    cirt_app_show_toast (widget, _("Every question is answered"));
}

static void
next_flagged_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->questions == NULL || _cirt_questionnaire_nothing_to_walk (self))
    return;
  flush_page (self);
  if (find_next (self, _cirt_questionnaire_is_flagged, &i))
    _cirt_questionnaire_show_question (self, i, TRUE);
  else
    cirt_app_show_toast (widget, _("No question is flagged for follow-up"));
}

static void
section_step_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  int step = g_variant_get_int32 (parameter);
  guint s;

  if (self->questions == NULL || self->questions->len == 0 || _cirt_questionnaire_nothing_to_walk (self))
    return;
  s = g_array_index (self->question_section, guint, self->current);
  /* The section before or after, among those walked. */
  for (gint64 t = (gint64) s + (step < 0 ? -1 : 1); t >= 0 && t < self->sections->len; t += step < 0 ? -1 : 1)
    {
      SectionEntry *e = &g_array_index (self->sections, SectionEntry, t);
      if (self->interview == NULL || e->planned)
        {
          _cirt_questionnaire_show_question (self, e->first, TRUE);
          return;
        }
    }
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (_cirt_questionnaire_nothing_to_walk (self))
    return;
  if (cirt_question_page_pick (self->page, g_variant_get_int32 (parameter)))
    cirt_question_page_focus_answer (self->page);
}

static void
yesno_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (_cirt_questionnaire_nothing_to_walk (self))
    return;
  if (cirt_question_page_pick_yesno (self->page, g_variant_get_string (parameter, NULL)))
    cirt_question_page_focus_answer (self->page);
}

static void
not_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (_cirt_questionnaire_nothing_to_walk (self))
    return;
  cirt_question_page_set_not_applicable (self->page, !cirt_question_page_get_not_applicable (self->page));
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  const CirtAnswer *a = cirt_question_page_get_answer (self->page);

  if (_cirt_questionnaire_nothing_to_walk (self))
    return;
  if (a != NULL)
    cirt_question_page_set_flagged (self->page, !a->flagged);
}

static void
notes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  if (_cirt_questionnaire_nothing_to_walk (CIRT_QUESTIONNAIRE (widget)))
    return;
  cirt_question_page_focus_notes (CIRT_QUESTIONNAIRE (widget)->page);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (!cirt_questionnaire_undo (CIRT_QUESTIONNAIRE (widget)))
    cirt_app_show_toast (widget, _("No answer change to undo"));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
choose_interview_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _cirt_questionnaire_choose_interview (CIRT_QUESTIONNAIRE (widget));
}

static void
leave_interview_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  _cirt_questionnaire_set_interview (self, NULL);
  cirt_question_page_focus_answer (self->page);
}

static void
toggle_sections_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ------------------------------------------------------------------------ */
/* Session                                                                  */

static void
clear_model (CirtQuestionnaire *self)
{
  GtkWidget *child;

  _cirt_questionnaire_clear_answers (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list))))
    gtk_list_box_remove (self->section_list, child);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->question_section, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_hash_table_remove_all (self->index_by_id);
  gtk_string_list_splice (self->result_strings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->result_strings)), NULL);
}

static gboolean
same_instruments (GPtrArray *a,
                  GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (cirt_instrument_get_sha256 (g_ptr_array_index (a, i)),
                   cirt_instrument_get_sha256 (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

static int
compare_by_pillar (gconstpointer a,
                   gconstpointer b)
{
  const CirtSection *sa = *(const CirtSection **) a;
  const CirtSection *sb = *(const CirtSection **) b;

  if (sa->pillar != sb->pillar)
    return sa->pillar < sb->pillar ? -1 : 1;
  return sa->index < sb->index ? -1 : sa->index > sb->index;
}

/* The walk order, the section rows and the search list of @instruments. */
static void
build_structure (CirtQuestionnaire *self,
                 GPtrArray         *instruments)
{
  const char *lang = _cirt_questionnaire_language (self);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  clear_model (self);
  self->instruments = g_ptr_array_ref (instruments);
  self->questions = g_ptr_array_new ();
  self->question_section = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sections = g_array_new (FALSE, TRUE, sizeof (SectionEntry));

  for (guint i = 0; i < self->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (self->instruments, i);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        g_ptr_array_add (sorted, (gpointer) cirt_instrument_get_section (inst, s));
      /* Grouped by pillar in GCA order; within a pillar, the instrument's order. */
      g_ptr_array_sort (sorted, compare_by_pillar);
      for (guint s = 0; s < sorted->len; s++)
        {
          const CirtSection *section = g_ptr_array_index (sorted, s);
          SectionEntry e = { 0 };
          guint sindex = self->sections->len;

          e.section = section;
          e.instrument = inst;
          e.first = self->questions->len;
          e.n_questions = section->questions->len;
          for (guint q = 0; q < section->questions->len; q++)
            {
              const CirtQuestion *question = g_ptr_array_index (section->questions, q);
              g_ptr_array_add (self->questions, (gpointer) question);
              g_array_append_val (self->question_section, sindex);
              g_hash_table_insert (self->index_by_id, question->id, GUINT_TO_POINTER (self->questions->len));
              g_ptr_array_add (strings, g_strdup_printf ("%s %s", question->id, cirt_text_get (question->text, lang)));
            }
          g_array_append_val (self->sections, e);
        }
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->result_strings, 0, 0, (const char * const *) strings->pdata);
  for (guint s = 0; s < self->sections->len; s++)
    gtk_list_box_append (self->section_list, GTK_WIDGET (_cirt_questionnaire_create_section_row (
                                               &g_array_index (self->sections, SectionEntry, s), s, lang)));

}

/* The session's questions and answers. */
static void
load (CirtQuestionnaire *self)
{
  GPtrArray *instruments = cirt_session_get_instruments (self->session);
  GHashTableIter iter;
  gpointer key, value;

  /* Another assessment with the same instruments (a mission's usual case):
   * the sections, rows and search list stay, only the answers change. */
  if (same_instruments (self->instruments, instruments))
    _cirt_questionnaire_clear_answers (self);
  else
    build_structure (self, instruments);

  g_hash_table_iter_init (&iter, cirt_session_get_answers (self->session));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer found = g_hash_table_lookup (self->index_by_id, key);
      if (found != NULL)
        _cirt_questionnaire_count_answer (self, GPOINTER_TO_UINT (found) - 1, value, +1);
    }
  for (guint s = 0; s < self->sections->len; s++)
    _cirt_questionnaire_update_section_row (self, &g_array_index (self->sections, SectionEntry, s));
  _cirt_questionnaire_update_progress (self);
}

/* ------------------------------------------------------------------------ */
/* CirtAssessmentPage                                                       */

static void
set_session (CirtQuestionnaire *self,
             CirtSession       *session)
{
  guint start = 0;

  if (self->session == session)
    return;
  flush_page (self);
  _cirt_questionnaire_end_search (self);
  /* Interview mode is of one assessment's session. */
  _cirt_questionnaire_set_interview (self, NULL);
  cirt_question_page_set_session (self->page, session);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  g_object_notify (G_OBJECT (self), "session");
  g_signal_group_set_target (self->store_signals, session ? cirt_session_get_store (session) : NULL);
  g_clear_pointer (&self->interviews_shown, g_free);
  if (session == NULL)
    {
      clear_model (self);
      return;
    }
  load (self);
  _cirt_questionnaire_reload_interviews (self);
  /* Where the work is: the first unanswered question. */
  for (guint i = 0; i < self->questions->len; i++)
    if (_cirt_questionnaire_is_unanswered (self, i))
      {
        start = i;
        break;
      }
  _cirt_questionnaire_show_question (self, start, FALSE);
}

static gboolean
cirt_questionnaire_flush (CirtAssessmentPage  *page,
                          GError             **error)
{
  return cirt_question_page_flush (CIRT_QUESTIONNAIRE (page)->page, error);
}

static void
cirt_questionnaire_focus_start (CirtAssessmentPage *page)
{
  cirt_question_page_focus_answer (CIRT_QUESTIONNAIRE (page)->page);
}

static void
cirt_questionnaire_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->flush = cirt_questionnaire_flush;
  iface->focus_start = cirt_questionnaire_focus_start;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
on_reveal_flap_cb (CirtQuestionnaire *self)
{
  /* Hidden by hand while wide: remember it across folds. */
  if (!adw_flap_get_folded (self->flap))
    self->user_hid_flap = !adw_flap_get_reveal_flap (self->flap);
}

static void
cirt_questionnaire_dispose (GObject *object)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  if (self->page != NULL)
    cirt_question_page_flush (self->page, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_QUESTIONNAIRE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  g_clear_object (&self->results);
  g_clear_object (&self->result_strings);
  g_clear_object (&self->result_filter);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_questionnaire_parent_class)->dispose (object);
}

static void
cirt_questionnaire_finalize (GObject *object)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->question_section, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->index_by_id, g_hash_table_unref);
  g_free (self->interview);
  g_free (self->interviews_shown);

  G_OBJECT_CLASS (cirt_questionnaire_parent_class)->finalize (object);
}

static void
cirt_questionnaire_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

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
cirt_questionnaire_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action,
         const char      *format,
         ...)
{
  va_list args;
  GVariant *target = NULL;
  GtkShortcut *shortcut;

  if (format != NULL)
    {
      va_start (args, format);
      target = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods), gtk_named_action_new (action));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
cirt_questionnaire_class_init (CirtQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *value; } yesno[] = {
    { GDK_KEY_y, "yes" }, { GDK_KEY_Y, "yes" },
    { GDK_KEY_p, "partial" }, { GDK_KEY_P, "partial" },
    { GDK_KEY_n, "no" }, { GDK_KEY_N, "no" },
  };

  object_class->dispose = cirt_questionnaire_dispose;
  object_class->finalize = cirt_questionnaire_finalize;
  object_class->get_property = cirt_questionnaire_get_property;
  object_class->set_property = cirt_questionnaire_set_property;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  g_type_ensure (CIRT_TYPE_QUESTION_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-questionnaire.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, flap);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, section_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, results_view);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, page);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, position_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, interview_button);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, interview_revealer);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, interview_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, content_stack);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_section_activated_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_section_activated_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_flap_folded_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_flap_folded_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_activate_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_search_activate_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stop_search_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_stop_search_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_result_activated_cb",
                                                G_CALLBACK (_cirt_questionnaire_on_result_activated_cb));

  gtk_widget_class_install_action (widget_class, "questionnaire.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next-unanswered", NULL, next_unanswered_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next-flagged", NULL, next_flagged_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.section", "i", section_step_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.pick", "i", pick_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.yesno", "s", yesno_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.not-applicable", NULL, not_applicable_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.flag", NULL, flag_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.notes", NULL, notes_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.toggle-sections", NULL, toggle_sections_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.choose-interview", NULL, choose_interview_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.leave-interview", NULL, leave_interview_action);

  /* Single keys: bubble phase, so a focused text field keeps its typing. */
  for (int i = 0; i <= 9; i++)
    {
      add_key (widget_class, GDK_KEY_0 + i, 0, "questionnaire.pick", "i", i);
      add_key (widget_class, GDK_KEY_KP_0 + i, 0, "questionnaire.pick", "i", i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (yesno); i++)
    add_key (widget_class, yesno[i].key, 0, "questionnaire.yesno", "s", yesno[i].value);
  add_key (widget_class, GDK_KEY_a, 0, "questionnaire.not-applicable", NULL);
  add_key (widget_class, GDK_KEY_A, 0, "questionnaire.not-applicable", NULL);
  add_key (widget_class, GDK_KEY_f, 0, "questionnaire.flag", NULL);
  add_key (widget_class, GDK_KEY_F, 0, "questionnaire.flag", NULL);
  /* Ctrl+Z: a text field undoes its own typing first. */
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "questionnaire.undo", NULL);
}

static void
add_capture_key (GtkShortcutController *controller,
                 const char            *trigger,
                 const char            *action,
                 GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
cirt_questionnaire_init (CirtQuestionnaire *self)
{
  GtkEventController *controller;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->index_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed",
                                  G_CALLBACK (_cirt_questionnaire_on_answer_changed_cb), self);

  gtk_list_box_set_header_func (self->section_list, _cirt_questionnaire_section_header_cb, self, NULL);
  _cirt_questionnaire_init_interview (self);

  /* Navigation works wherever the focus is in the questionnaire, even in
   * the notes: capture phase. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>Left", "questionnaire.previous", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>Right", "questionnaire.next", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Return", "questionnaire.next-unanswered", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>KP_Enter", "questionnaire.next-unanswered", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>Return", "questionnaire.next-flagged", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>KP_Enter", "questionnaire.next-flagged", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Up", "questionnaire.section", g_variant_new_int32 (-1));
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Down", "questionnaire.section", g_variant_new_int32 (1));
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>f", "questionnaire.find", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "F9", "questionnaire.toggle-sections", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>n", "questionnaire.notes", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Alt>i", "questionnaire.choose-interview", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (_cirt_questionnaire_on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  /* Search results: every question as "ID text", filtered as one types. */
  self->result_strings = gtk_string_list_new (NULL);
  self->result_filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_ignore_case (self->result_filter, TRUE);
  gtk_string_filter_set_match_mode (self->result_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->results = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->result_strings)),
                                             g_object_ref (GTK_FILTER (self->result_filter)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (_cirt_questionnaire_setup_result_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (_cirt_questionnaire_bind_result_cb), NULL);
  gtk_list_view_set_factory (self->results_view, factory);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_questionnaire_new (void)
{
  return g_object_new (CIRT_TYPE_QUESTIONNAIRE, NULL);
}

CirtQuestionPage *
cirt_questionnaire_get_page (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), NULL);
  return self->page;
}

guint
cirt_questionnaire_get_n_questions (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->questions ? self->questions->len : 0;
}

const CirtQuestion *
cirt_questionnaire_get_question (CirtQuestionnaire *self,
                                 guint              index)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (self->questions != NULL && index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

guint
cirt_questionnaire_get_position (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->current;
}

void
cirt_questionnaire_go_to (CirtQuestionnaire *self,
                          guint              index)
{
  g_return_if_fail (CIRT_IS_QUESTIONNAIRE (self));
  _cirt_questionnaire_show_question (self, index, FALSE);
}

gboolean
cirt_questionnaire_go_to_question (CirtQuestionnaire *self,
                                   const char        *question_id)
{
  gpointer found;

  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), FALSE);

  found = g_hash_table_lookup (self->index_by_id, question_id);
  if (found == NULL)
    return FALSE;
  _cirt_questionnaire_show_question (self, GPOINTER_TO_UINT (found) - 1, FALSE);
  return TRUE;
}

CirtSaveState
cirt_questionnaire_get_save_state (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), CIRT_SAVE_STATE_SAVED);
  return self->session ? cirt_session_get_save_state (self->session) : CIRT_SAVE_STATE_SAVED;
}

gboolean
cirt_questionnaire_undo (CirtQuestionnaire *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;

  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  /* What is typed but not yet saved is a change too. */
  flush_page (self);
  if (!cirt_session_undo (self->session, &question, &error))
    {
      if (error == NULL)
        return FALSE;
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot undo"), error);
      return TRUE;
    }
  cirt_questionnaire_go_to_question (self, question);
  cirt_question_page_focus_answer (self->page);
  {
    /* translators: after Ctrl+Z, "Undid the change to GCA-LEG-01" */
    g_autofree char *message = g_strdup_printf (_("Undid the change to %s"), question);
    cirt_app_show_toast (GTK_WIDGET (self), message);
  }
  return TRUE;
}
