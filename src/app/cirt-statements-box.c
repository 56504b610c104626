/* cirt-statements-box.c — what each stakeholder said about the question
 * shown: the list, the form of a new statement, removing one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-interview-labels.h"
#include "cirt-statements-box.h"
#include "cirt-store-sessions.h"

struct _CirtStatementsBox {
  GtkWidget      parent_instance;

  /* children */
  GtkLabel      *hint_label;
  GtkListBox    *list;
  GtkWidget     *add_button;
  GtkRevealer   *form_revealer;
  GtkDropDown   *stakeholder_drop_down;
  GtkTextView   *text_view;
  GtkLabel      *session_label;
  GtkLabel      *form_message;

  /* owned */
  CirtSession   *session;
  GSignalGroup  *store_signals;
  char          *question;
  char          *interview;
  GPtrArray     *stakeholders;   /* CirtStakeholder* */
  GPtrArray     *interviews;     /* CirtInterview* */
  GPtrArray     *statements;     /* CirtStatement*, of the question */
  GPtrArray     *choices;        /* char*: the UUIDs the drop-down offers, in its order */
  GtkStringList *choice_labels;
  char          *shown;          /* what the list shows, to rebuild it only when that changes */
};

G_DEFINE_FINAL_TYPE (CirtStatementsBox, cirt_statements_box, GTK_TYPE_WIDGET)

static const CirtLang *
ui_lang (CirtStatementsBox *self)
{
  return self->session ? cirt_context_get_lang (cirt_session_get_context (self->session)) : cirt_lang_default ();
}

static const char *
assessment_id (CirtStatementsBox *self)
{
  return cirt_session_get_id (self->session);
}

/* ------------------------------------------------------------------------ */
/* The list                                                                 */

static char *
who_of (CirtStatementsBox   *self,
        const CirtStatement *st)
{
  const CirtStakeholder *s = cirt_interview_find_stakeholder (self->stakeholders, st->stakeholder);

  return s ? cirt_interview_stakeholder_label (s) : g_strdup (_("Removed stakeholder"));
}

static char *
meta_of (CirtStatementsBox   *self,
         const CirtStatement *st)
{
  const CirtInterview *iv = cirt_interview_find (self->interviews, st->session);
  g_autofree char *where = NULL;

  if (iv != NULL)
    {
      g_autofree char *when = cirt_interview_when_label (iv, ui_lang (self));
      /* translators: where a statement was said, "In the interview of 2 Mar 2026, Ministry of ICT" */
      where = g_strdup_printf (_("In the interview of %s"), when);
    }
  else if (st->session != NULL)
    where = g_strdup (_("In a removed interview session"));
  else
    where = g_strdup (_("Outside an interview session"));
  if (st->author != NULL && *st->author != '\0')
    /* translators: "In the interview of 2 Mar 2026 · recorded by Ana Silva" */
    return g_strdup_printf (_("%s · recorded by %s"), where, st->author);
  return g_steal_pointer (&where);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_row (CirtStatementsBox   *self,
          const CirtStatement *st)
{
  g_autofree char *who = who_of (self, st);
  g_autofree char *meta = meta_of (self, st);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *text = make_label (st->text, NULL, TRUE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (hbox, 9);
  gtk_widget_set_margin_bottom (hbox, 9);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 6);
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (vbox), make_label (who, "heading", TRUE));
  gtk_box_append (GTK_BOX (vbox), make_label (meta, "caption", TRUE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (vbox), "dim-label");
  gtk_box_append (GTK_BOX (vbox), text);
  gtk_box_append (GTK_BOX (hbox), vbox);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Statement"));
  /* translators: the accessible name of the button removing one statement, "Remove the statement of Ana Silva" */
  remove_label = g_strdup_printf (_("Remove the statement of %s"), who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "statements.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (st->id));
  gtk_box_append (GTK_BOX (hbox), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  gtk_widget_set_name (row, st->id);
  return row;
}

static void
clear_list (CirtStatementsBox *self)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, child);
}

static guint
count_stakeholders (CirtStatementsBox *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; self->statements != NULL && i < self->statements->len; i++)
    {
      CirtStatement *st = g_ptr_array_index (self->statements, i);
      g_hash_table_add (seen, st->stakeholder);
    }
  return g_hash_table_size (seen);
}

static void
show_list (CirtStatementsBox *self)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  guint n = self->statements ? self->statements->len : 0;
  guint people;

  for (guint i = 0; i < n; i++)
    {
      CirtStatement *st = g_ptr_array_index (self->statements, i);
      g_autofree char *who = who_of (self, st);
      g_autofree char *meta = meta_of (self, st);
      g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1f%s\x1e", st->id, who, meta, st->text);
    }
  if (g_strcmp0 (shown->str, self->shown) == 0 && gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL)
    return;
  g_free (self->shown);
  self->shown = g_string_free (g_steal_pointer (&shown), FALSE);

  clear_list (self);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->statements, i)));
  if (n == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = make_label (_("No stakeholder's statement recorded for this question yet"), "dim-label", TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->list, row);
    }

  /* Several people may contradict each other: the team weighs them all. */
  people = count_stakeholders (self);
  if (people >= 2)
    {
      g_autofree char *hint =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u statement from %u stakeholders: compare them before setting the team's answer",
                                      "%u statements from %u stakeholders: compare them before setting the team's answer",
                                      n),
                         n, people);
      gtk_label_set_label (self->hint_label, hint);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), people >= 2);
}

/* The stakeholders the form offers: the session's in interview mode (all
 * when it names none), else all; the one chosen stays chosen. */
static void
fill_choices (CirtStatementsBox *self)
{
  const CirtInterview *iv = cirt_interview_find (self->interviews, self->interview);
  g_autofree char *chosen = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint pos = gtk_drop_down_get_selected (self->stakeholder_drop_down);

  if (pos != GTK_INVALID_LIST_POSITION && pos < self->choices->len)
    chosen = g_strdup (g_ptr_array_index (self->choices, pos));
  g_ptr_array_set_size (self->choices, 0);
  for (guint i = 0; self->stakeholders != NULL && i < self->stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (self->stakeholders, i);
      if (s->uuid == NULL)
        continue;
      if (iv != NULL && iv->stakeholders != NULL && iv->stakeholders[0] != NULL &&
          !g_strv_contains ((const char * const *) iv->stakeholders, s->uuid))
        continue;
      if (g_strcmp0 (chosen, s->uuid) == 0)
        selected = self->choices->len;
      g_ptr_array_add (self->choices, g_strdup (s->uuid));
      g_ptr_array_add (labels, cirt_interview_stakeholder_label (s));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->choice_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choice_labels)),
                          (const char * const *) labels->pdata);
  if (selected == GTK_INVALID_LIST_POSITION && self->choices->len > 0)
    selected = 0;
  gtk_drop_down_set_selected (self->stakeholder_drop_down, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stakeholder_drop_down), self->choices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statements.save", self->choices->len > 0);

  if (iv != NULL)
    {
      g_autofree char *full = cirt_interview_full_label (iv, self->stakeholders, ui_lang (self));
      /* translators: under the form of a new statement in interview mode */
      g_autofree char *text = g_strdup_printf (_("Recorded as said in the interview of %s"), full);
      gtk_label_set_label (self->session_label, text);
    }
  else
    gtk_label_set_label (self->session_label, _("Recorded without an interview session (choose one in the questionnaire's Interview menu to record it)"));
  if (self->choices->len == 0)
    {
      gtk_label_set_label (self->form_message, _("No stakeholder to choose: add the people met on the Stakeholders page first"));
      gtk_widget_set_visible (GTK_WIDGET (self->form_message), TRUE);
    }
}

/* What the store holds now. */
static void
reload (CirtStatementsBox *self)
{
  CirtStore *store;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  if (self->session == NULL || self->question == NULL)
    {
      g_clear_pointer (&self->shown, g_free);
      clear_list (self);
      return;
    }
  store = cirt_session_get_store (self->session);
  self->stakeholders = cirt_store_list_stakeholders (store, assessment_id (self), &error);
  if (self->stakeholders != NULL)
    self->interviews = cirt_store_list_interviews (store, assessment_id (self), &error);
  if (self->interviews != NULL)
    self->statements = cirt_store_list_statements (store, assessment_id (self), self->question, &error);
  if (error != NULL)
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot read the statements"), error);
  show_list (self);
  fill_choices (self);
}

static void
on_assessment_changed_cb (CirtStatementsBox *self,
                          const char        *assessment)
{
  if (self->session != NULL && g_strcmp0 (assessment, assessment_id (self)) == 0)
    reload (self);
}

/* ------------------------------------------------------------------------ */
/* The form and the actions                                                 */

static void
show_form_message (CirtStatementsBox *self,
                   const char        *message)
{
  gtk_label_set_label (self->form_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), message != NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cirt_statements_box_start_adding (CIRT_STATEMENTS_BOX (widget));
}

static void
close_form (CirtStatementsBox *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  show_form_message (self, NULL);
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->form_revealer), FALSE);
  gtk_widget_set_visible (self->add_button, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtStatementsBox *self = CIRT_STATEMENTS_BOX (widget);

  close_form (self);
  gtk_widget_grab_focus (self->add_button);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtStatementsBox *self = CIRT_STATEMENTS_BOX (widget);
  g_autoptr(CirtStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint pos;

  if (self->session == NULL || self->question == NULL)
    return;
  pos = gtk_drop_down_get_selected (self->stakeholder_drop_down);
  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->choices->len)
    {
      show_form_message (self, _("Choose who said it"));
      return;
    }
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  st = cirt_statement_new ();
  st->question = g_strdup (self->question);
  st->stakeholder = g_strdup (g_ptr_array_index (self->choices, pos));
  st->session = g_strdup (self->interview);
  st->text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  st->author = cirt_context_dup_author (cirt_session_get_context (self->session));
  uuid = cirt_store_add_statement (cirt_session_get_store (self->session), assessment_id (self), st, &error);
  if (uuid == NULL)
    {
      /* The store's reason, as it gives it (empty, too long, …). */
      g_autofree char *message = g_strdup_printf (_("Not recorded: %s"), error->message);
      show_form_message (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }
  close_form (self);
  reload (self);
  gtk_widget_grab_focus (self->add_button);
  cirt_app_show_toast (widget, _("Statement recorded"));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtStatementsBox *self = CIRT_STATEMENTS_BOX (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  if (self->session == NULL)
    return;
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  if (!cirt_store_remove_statement (cirt_session_get_store (self->session), assessment_id (self),
                                    g_variant_get_string (parameter, NULL), author, &error))
    {
      cirt_app_report_error (widget, _("The statement was not removed"), error);
      return;
    }
  reload (self);
  gtk_widget_grab_focus (self->add_button);
  cirt_app_show_toast (widget, _("Statement removed (kept in the history)"));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_statements_box_dispose (GObject *object)
{
  CirtStatementsBox *self = CIRT_STATEMENTS_BOX (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->choice_labels);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_statements_box_parent_class)->dispose (object);
}

static void
cirt_statements_box_finalize (GObject *object)
{
  CirtStatementsBox *self = CIRT_STATEMENTS_BOX (object);

  g_free (self->question);
  g_free (self->interview);
  g_free (self->shown);

  G_OBJECT_CLASS (cirt_statements_box_parent_class)->finalize (object);
}

static void
cirt_statements_box_class_init (CirtStatementsBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_statements_box_dispose;
  object_class->finalize = cirt_statements_box_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statements");
  gtk_widget_class_install_action (widget_class, "statements.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "statements.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "statements.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "statements.remove", "s", remove_action);
}

static GtkWidget *
form_field (GtkWidget  *form,
            const char *mnemonic,
            GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (form), label);
  gtk_box_append (GTK_BOX (form), field);
  return label;
}

static void
cirt_statements_box_init (CirtStatementsBox *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *heading, *description, *card, *form, *scroller, *label, *buttons, *cancel, *save;
  GtkEventController *controller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);

  self->choices = g_ptr_array_new_with_free_func (g_free);
  self->choice_labels = gtk_string_list_new (NULL);

  heading = make_label (_("Stakeholders' Statements"), "heading", FALSE);
  gtk_widget_set_parent (heading, widget);
  description = make_label (_("What each stakeholder said, kept apart from the team's answer above: several may contradict each other."),
                            "dim-label", TRUE);
  gtk_widget_set_parent (description, widget);

  self->hint_label = GTK_LABEL (make_label (NULL, "warning", TRUE));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->hint_label), widget);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stakeholders' statements"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), widget);

  self->add_button = gtk_button_new_with_mnemonic (_("Add _Statement…"));
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->add_button, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "statements.add");
  gtk_widget_set_parent (self->add_button, widget);

  /* The form of a new statement. */
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 6);
  form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 12);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_box_append (GTK_BOX (card), form);
  self->stakeholder_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->choice_labels)), NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->stakeholder_drop_down), GTK_ALIGN_START);
  cirt_app_name_drop_down (self->stakeholder_drop_down, _("Stakeholder who said it"));
  form_field (form, _("Said _by"), GTK_WIDGET (self->stakeholder_drop_down));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the stakeholder said"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (scroller, "cirt-statement-text");
  label = form_field (form, _("_What was said"), scroller);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->text_view));

  self->session_label = GTK_LABEL (make_label (NULL, "dim-label", TRUE));
  gtk_widget_add_css_class (GTK_WIDGET (self->session_label), "caption");
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->session_label));
  self->form_message = GTK_LABEL (make_label (NULL, "error", TRUE));
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), FALSE);
  gtk_box_append (GTK_BOX (form), GTK_WIDGET (self->form_message));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "statements.cancel");
  save = gtk_button_new_with_mnemonic (_("_Record Statement"));
  gtk_widget_set_tooltip_text (save, _("Record the Statement (Ctrl+Enter)"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "statements.save");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (form), buttons);

  self->form_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->form_revealer, card);
  gtk_widget_set_visible (GTK_WIDGET (self->form_revealer), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->form_revealer), widget);

  /* In the form: Ctrl+Enter records, Escape cancels. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("statements.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("statements.cancel")));
  gtk_widget_add_controller (GTK_WIDGET (self->form_revealer), controller);

  self->store_signals = g_signal_group_new (CIRT_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "assessment-changed", G_CALLBACK (on_assessment_changed_cb), self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_statements_box_new (void)
{
  return g_object_new (CIRT_TYPE_STATEMENTS_BOX, NULL);
}

void
cirt_statements_box_set_session (CirtStatementsBox *self,
                                 CirtSession       *session)
{
  g_return_if_fail (CIRT_IS_STATEMENTS_BOX (self));
  g_return_if_fail (session == NULL || CIRT_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->store_signals, session ? cirt_session_get_store (session) : NULL);
  g_clear_pointer (&self->shown, g_free);
  close_form (self);
  reload (self);
}

void
cirt_statements_box_set_question (CirtStatementsBox *self,
                                  const char        *question)
{
  g_return_if_fail (CIRT_IS_STATEMENTS_BOX (self));

  if (g_strcmp0 (self->question, question) == 0)
    return;
  g_free (self->question);
  self->question = g_strdup (question);
  /* A statement half typed belongs to the question it was started on. */
  close_form (self);
  reload (self);
}

void
cirt_statements_box_set_interview (CirtStatementsBox *self,
                                   const char        *interview)
{
  g_return_if_fail (CIRT_IS_STATEMENTS_BOX (self));

  if (g_strcmp0 (self->interview, interview) == 0)
    return;
  g_free (self->interview);
  self->interview = g_strdup (interview);
  fill_choices (self);
}

guint
cirt_statements_box_get_n_statements (CirtStatementsBox *self)
{
  g_return_val_if_fail (CIRT_IS_STATEMENTS_BOX (self), 0);
  return self->statements ? self->statements->len : 0;
}

void
cirt_statements_box_start_adding (CirtStatementsBox *self)
{
  g_return_if_fail (CIRT_IS_STATEMENTS_BOX (self));

  if (self->session == NULL || self->question == NULL)
    return;
  show_form_message (self, NULL);
  fill_choices (self);
  gtk_widget_set_visible (GTK_WIDGET (self->form_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->stakeholder_drop_down));
}

gboolean
cirt_statements_box_has_form_focus (CirtStatementsBox *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (CIRT_IS_STATEMENTS_BOX (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && gtk_revealer_get_reveal_child (self->form_revealer) &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_revealer));
}
