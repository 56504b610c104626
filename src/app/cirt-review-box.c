/* cirt-review-box.c — the review of one answer, on the question page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of the answer shown (accepted, needs work with its comment,
 * not reviewed — and whether it changed since a review), and buttons for
 * the lead to accept it, ask for work (a comment, required) or clear the
 * review. It follows its session: a change of the answer shows it as not
 * reviewed again at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-review-box.h"

struct _CirtReviewBox {
  GtkWidget      parent_instance;

  /* widgets */
  GtkWidget     *box;
  GtkLabel      *state_label;
  GtkLabel      *comment_label;
  GtkWidget     *accept_button;
  GtkWidget     *needs_work_button;
  GtkWidget     *clear_button;
  GtkRevealer   *comment_revealer;
  GtkEntry      *comment_entry;

  /* owned */
  CirtSession   *session;
  GSignalGroup  *session_signals;
  char          *question;
  CirtReviewState state;
};

G_DEFINE_FINAL_TYPE (CirtReviewBox, cirt_review_box, GTK_TYPE_WIDGET)

static void
update (CirtReviewBox *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtReview) review = NULL;
  g_autofree char *text = NULL, *when = NULL;
  const CirtAnswer *answer;
  const CirtLang *lang;
  gboolean answered;

  gtk_widget_set_visible (GTK_WIDGET (self), self->session != NULL && self->question != NULL);
  if (self->session == NULL || self->question == NULL)
    return;
  lang = cirt_context_get_lang (cirt_session_get_context (self->session));
  answer = cirt_session_get_answer (self->session, self->question);
  review = cirt_store_get_review (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                                  self->question, &error);
  answered = cirt_answer_is_answered (answer);
  self->state = cirt_review_effective_state (review, answer);
  if (review != NULL && review->reviewed_at != NULL)
    when = cirt_lang_format_date (lang, review->reviewed_at);

  switch (self->state)
    {
    case CIRT_REVIEW_ACCEPTED:
      /* translators: "Accepted by Hélène Marchetti on 7 December 2026" */
      text = g_strdup_printf (_("Accepted by %s on %s"), review->reviewer ? review->reviewer : _("someone"),
                              when ? when : "");
      break;
    case CIRT_REVIEW_NEEDS_WORK:
      /* translators: "Needs work, says Hélène Marchetti (7 December 2026):" then the comment */
      text = g_strdup_printf (_("Needs work, says %s (%s):"), review->reviewer ? review->reviewer : _("someone"),
                              when ? when : "");
      break;
    case CIRT_REVIEW_NOT_REVIEWED:
    case CIRT_N_REVIEW_STATES:
    default:
      if (!answered)
        text = g_strdup (_("Not reviewed: only an answer (a value or N/A) can be reviewed."));
      else if (cirt_review_is_outdated (review, answer))
        text = g_strdup (review->state == CIRT_REVIEW_ACCEPTED
                           ? _("Not reviewed: the answer changed after it was accepted.")
                           : _("Not reviewed: the answer changed after work was asked for."));
      else
        text = g_strdup (_("Not reviewed yet."));
      break;
    }
  gtk_label_set_text (self->state_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  if (self->state == CIRT_REVIEW_ACCEPTED)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "success");
  else if (self->state == CIRT_REVIEW_NEEDS_WORK)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_label_set_text (self->comment_label, self->state == CIRT_REVIEW_NEEDS_WORK && review->comment
                                             ? review->comment : "");
  gtk_widget_set_visible (GTK_WIDGET (self->comment_label), self->state == CIRT_REVIEW_NEEDS_WORK);
  gtk_widget_set_sensitive (self->accept_button, answered && self->state != CIRT_REVIEW_ACCEPTED);
  gtk_widget_set_sensitive (self->needs_work_button, answered);
  gtk_widget_set_sensitive (self->clear_button, review != NULL && review->state != CIRT_REVIEW_NOT_REVIEWED);
  if (!answered)
    gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
}

static void
set_review (CirtReviewBox   *self,
            CirtReviewState  state,
            const char      *comment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  if (self->session == NULL || self->question == NULL)
    return;
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  if (!cirt_store_set_review (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                              self->question, state, comment, author, &error))
    cirt_app_report_error (GTK_WIDGET (self), _("The review could not be saved"), error);
  update (self);
}

static void
on_accept_clicked_cb (CirtReviewBox *self)
{
  gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
  set_review (self, CIRT_REVIEW_ACCEPTED, NULL);
}

static void
on_clear_clicked_cb (CirtReviewBox *self)
{
  gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
  set_review (self, CIRT_REVIEW_NOT_REVIEWED, NULL);
}

static void
on_needs_work_clicked_cb (CirtReviewBox *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), gtk_label_get_text (self->comment_label));
  gtk_revealer_set_reveal_child (self->comment_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

static void
on_comment_activate_cb (CirtReviewBox *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));

  if (cirt_text_is_blank (text))
    {
      cirt_app_show_toast (GTK_WIDGET (self), _("Say what needs work: the comment is required"));
      return;
    }
  set_review (self, CIRT_REVIEW_NEEDS_WORK, text);
  if (self->state == CIRT_REVIEW_NEEDS_WORK)
    {
      gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
      gtk_widget_grab_focus (self->needs_work_button);
    }
}

static gboolean
cancel_comment_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  CirtReviewBox *self = CIRT_REVIEW_BOX (data);

  gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
  gtk_widget_grab_focus (self->needs_work_button);
  return TRUE;
}

static void
on_answer_changed_cb (CirtReviewBox *self,
                      const char    *question)
{
  if (g_strcmp0 (question, self->question) == 0)
    update (self);
}

static void
cirt_review_box_dispose (GObject *object)
{
  CirtReviewBox *self = CIRT_REVIEW_BOX (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->question, g_free);
  G_OBJECT_CLASS (cirt_review_box_parent_class)->dispose (object);
}

static void
cirt_review_box_class_init (CirtReviewBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_review_box_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cirt_review_box_init (CirtReviewBox *self)
{
  GtkWidget *heading, *buttons, *bar, *save;
  GtkEventController *keys;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review"), -1);

  heading = gtk_label_new (_("Review"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->state_label, 0);
  gtk_label_set_wrap (self->state_label, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->state_label));
  self->comment_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->comment_label, 0);
  gtk_label_set_wrap (self->comment_label, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->comment_label));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), buttons);
  self->accept_button = gtk_button_new_with_label (_("Accept"));
  self->needs_work_button = gtk_button_new_with_label (_("Needs Work…"));
  self->clear_button = gtk_button_new_with_label (_("Clear Review"));
  gtk_widget_set_tooltip_text (self->accept_button, _("Accept this answer as it is now"));
  gtk_widget_set_tooltip_text (self->needs_work_button, _("Say what needs work on this answer"));
  gtk_widget_set_tooltip_text (self->clear_button, _("Back to not reviewed"));
  g_signal_connect_swapped (self->accept_button, "clicked", G_CALLBACK (on_accept_clicked_cb), self);
  g_signal_connect_swapped (self->needs_work_button, "clicked", G_CALLBACK (on_needs_work_clicked_cb), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->accept_button);
  gtk_box_append (GTK_BOX (buttons), self->needs_work_button);
  gtk_box_append (GTK_BOX (buttons), self->clear_button);

  self->comment_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->comment_revealer));
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->comment_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->comment_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What needs work"), -1);
  gtk_entry_set_placeholder_text (self->comment_entry, _("Say what is missing or doubtful; Escape cancels"));
  g_signal_connect_swapped (self->comment_entry, "activate", G_CALLBACK (on_comment_activate_cb), self);
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (cancel_comment_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->comment_entry), keys);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->comment_entry));
  save = gtk_button_new_with_label (_("Ask for Work"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_comment_activate_cb), self);
  gtk_box_append (GTK_BOX (bar), save);
  gtk_revealer_set_child (self->comment_revealer, bar);

  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed", G_CALLBACK (on_answer_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (update), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cirt_review_box_new (void)
{
  return g_object_new (CIRT_TYPE_REVIEW_BOX, NULL);
}

void
cirt_review_box_set_question (CirtReviewBox *self,
                              CirtSession   *session,
                              const char    *question)
{
  g_return_if_fail (CIRT_IS_REVIEW_BOX (self));

  if (g_set_object (&self->session, session))
    g_signal_group_set_target (self->session_signals, session);
  g_free (self->question);
  self->question = g_strdup (question);
  gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
  update (self);
}

CirtReviewState
cirt_review_box_get_state (CirtReviewBox *self)
{
  g_return_val_if_fail (CIRT_IS_REVIEW_BOX (self), CIRT_REVIEW_NOT_REVIEWED);
  return self->state;
}

const char *
cirt_review_box_get_text (CirtReviewBox *self)
{
  g_return_val_if_fail (CIRT_IS_REVIEW_BOX (self), NULL);
  return gtk_label_get_text (self->state_label);
}
