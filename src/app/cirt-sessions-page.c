/* cirt-sessions-page.c — the interview sessions of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sessions as the store lists them (by date and start time), each with
 * its place, the stakeholders present and the number of sections planned;
 * Add, Edit (the form of cirt-session-dialog.c) and Remove with an Undo
 * toast that adds it back under its own UUID (so the answers and
 * statements naming it name it again). */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-lang.h"
#include "cirt-session-dialog.h"
#include "cirt-sessions-page.h"
#include "cirt-store-sessions.h"

struct _CirtSessionsPage {
  GtkWidget             parent_instance;

  /* template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *group;
  GtkListBox           *list;

  /* owned */
  CirtSession          *session;
  GSignalGroup         *session_signals;
  GPtrArray            *interviews;     /* CirtInterview*, as listed */
  GPtrArray            *stakeholders;   /* CirtStakeholder*, as they were when listed */
  GWeakRef              dialog;
};

static void cirt_sessions_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtSessionsPage, cirt_sessions_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_sessions_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static void
edit (CirtSessionsPage    *self,
      const CirtInterview *interview)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->session == NULL)
    return;
  dialog = cirt_session_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, interview);
  g_weak_ref_set (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_clicked_cb (GtkButton        *button,
                    CirtSessionsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cirt-index"));

  if (self->interviews != NULL && i < self->interviews->len)
    edit (self, g_ptr_array_index (self->interviews, i));
}

static void
on_undo_remove_cb (AdwToast         *toast,
                   CirtSessionsPage *self)
{
  CirtInterview *s = g_object_get_data (G_OBJECT (toast), "cirt-interview");
  const char *assessment = g_object_get_data (G_OBJECT (toast), "cirt-assessment");
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (self->session == NULL || s == NULL)
    return;
  g_free (s->author);
  s->author = cirt_context_dup_author (cirt_session_get_context (self->session));
  uuid = cirt_store_add_interview (cirt_session_get_store (self->session), assessment, s, &error);
  if (uuid == NULL)
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot restore the session"), error);
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      CirtSessionsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cirt-index"));
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  CirtInterview *copy;
  AdwToast *toast;
  GtkWidget *overlay;

  if (self->session == NULL || self->interviews == NULL || i >= self->interviews->len)
    return;
  copy = cirt_interview_copy (g_ptr_array_index (self->interviews, i));
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  if (!cirt_store_remove_interview (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                                    copy->id, author, &error))
    {
      cirt_interview_free (copy);
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot remove the session"), error);
      return;
    }
  when = cirt_session_dialog_describe_when (cirt_context_get_lang (cirt_session_get_context (self->session)), copy);
  /* translators: toast after a session was removed, with an Undo button */
  title = g_strdup_printf (_("Session of %s removed"), when);
  toast = cirt_app_new_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The undo of the last removal is the one shown, at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cirt-interview", copy, (GDestroyNotify) cirt_interview_free);
  g_object_set_data_full (G_OBJECT (toast), "cirt-assessment", g_strdup (cirt_session_get_id (self->session)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static char *
describe (CirtSessionsPage    *self,
          const CirtInterview *s)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *people = cirt_session_dialog_describe_people (self->stakeholders, s);
  guint n = s->sections ? g_strv_length (s->sections) : 0;

  if (s->place && *s->place)
    g_ptr_array_add (parts, g_strdup (s->place));
  g_ptr_array_add (parts, people ? g_steal_pointer (&people) : g_strdup (_("No stakeholder named")));
  /* translators: in a session's row */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u section planned", "%u sections planned", n), n));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_row (CirtSessionsPage    *self,
            const CirtInterview *s,
            guint                index)
{
  const CirtLang *lang = cirt_context_get_lang (cirt_session_get_context (self->session));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *when = cirt_session_dialog_describe_when (lang, s);
  g_autofree char *subtitle = describe (self, s);
  /* translators: accessible names of the buttons of a session's row, with its day and time */
  g_autofree char *edit_label = g_strdup_printf (_("Edit the session of %s"), when);
  g_autofree char *remove_label = g_strdup_printf (_("Remove the session of %s"), when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (s->notes && *s->notes)
    gtk_widget_set_tooltip_text (row, s->notes);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_widget_set_tooltip_text (edit_button, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  g_object_set_data (G_OBJECT (edit_button), "cirt-index", GUINT_TO_POINTER (index));
  g_signal_connect (edit_button, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove_button), "cirt-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  g_object_set_data (G_OBJECT (row), "cirt-index", GUINT_TO_POINTER (index));
  return row;
}

static gboolean
same_interviews (GPtrArray *a,
                 GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return a == b;
  for (guint i = 0; i < a->len; i++)
    {
      const CirtInterview *x = g_ptr_array_index (a, i);
      const CirtInterview *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->id, y->id) != 0 || !cirt_interview_same_content (x, y))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_people (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return a == b;
  for (guint i = 0; i < a->len; i++)
    {
      const CirtStakeholder *x = g_ptr_array_index (a, i);
      const CirtStakeholder *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->uuid, y->uuid) != 0 || g_strcmp0 (x->name, y->name) != 0 ||
          g_strcmp0 (x->organisation, y->organisation) != 0)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
copy_array (GPtrArray      *from,
            GCopyFunc       copy,
            GDestroyNotify  free_func)
{
  GPtrArray *to = g_ptr_array_new_full (from ? from->len : 0, free_func);

  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (to, copy (g_ptr_array_index (from, i), NULL));
  return to;
}

static gpointer
copy_interview (gconstpointer src,
                gpointer      user_data)
{
  return cirt_interview_copy (src);
}

static gpointer
copy_stakeholder (gconstpointer src,
                  gpointer      user_data)
{
  return cirt_stakeholder_copy (src);
}

/* Lists the sessions, when they (or the people they name) are not the ones
 * listed. */
static void
refresh (CirtSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data = NULL;
  GtkWidget *child;
  g_autofree char *description = NULL;

  if (self->session != NULL)
    {
      data = cirt_session_get_data (self->session, &error);
      if (data == NULL)
        cirt_app_report_error (GTK_WIDGET (self), _("Cannot list the sessions"), error);
    }
  if (data != NULL && self->interviews != NULL && same_interviews (self->interviews, data->interviews) &&
      same_people (self->stakeholders, data->stakeholders))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  if (data == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->interviews = copy_array (data->interviews, copy_interview, (GDestroyNotify) cirt_interview_free);
  self->stakeholders = copy_array (data->stakeholders, copy_stakeholder, (GDestroyNotify) cirt_stakeholder_free);
  for (guint i = 0; i < self->interviews->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (self->interviews, i), i));
  description = g_strdup_printf (ngettext ("%u session of the mission, by date",
                                           "%u sessions of the mission, by date",
                                           self->interviews->len), self->interviews->len);
  adw_preferences_group_set_description (self->group, description);
  gtk_stack_set_visible_child_name (self->stack, self->interviews->len ? "list" : "empty");
}

static void
on_data_cb (CirtSessionsPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_row_activated_cb (CirtSessionsPage *self,
                     GtkListBoxRow    *row)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-index"));

  if (self->interviews != NULL && i < self->interviews->len)
    edit (self, g_ptr_array_index (self->interviews, i));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  edit (CIRT_SESSIONS_PAGE (widget), NULL);
}

static void
cirt_sessions_page_focus_start (CirtAssessmentPage *page)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (page);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cirt_sessions_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_sessions_page_focus_start;
}

static void
cirt_sessions_page_map (GtkWidget *widget)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_sessions_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  refresh (self);
}

static void
cirt_sessions_page_unmap (GtkWidget *widget)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_sessions_page_parent_class)->unmap (widget);
}

static void
cirt_sessions_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (object);

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
cirt_sessions_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          g_clear_pointer (&self->interviews, g_ptr_array_unref);
          if (self->session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
            refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_sessions_page_dispose (GObject *object)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_weak_ref_set (&self->dialog, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_SESSIONS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_sessions_page_parent_class)->dispose (object);
}

static void
cirt_sessions_page_finalize (GObject *object)
{
  CirtSessionsPage *self = CIRT_SESSIONS_PAGE (object);

  g_weak_ref_clear (&self->dialog);
  G_OBJECT_CLASS (cirt_sessions_page_parent_class)->finalize (object);
}

static void
cirt_sessions_page_class_init (CirtSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_sessions_page_dispose;
  object_class->finalize = cirt_sessions_page_finalize;
  object_class->get_property = cirt_sessions_page_get_property;
  object_class->set_property = cirt_sessions_page_set_property;
  widget_class->map = cirt_sessions_page_map;
  widget_class->unmap = cirt_sessions_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionsPage, group);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "sessions.add", NULL);
}

static void
cirt_sessions_page_init (CirtSessionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->dialog, NULL);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
}

GtkWidget *
cirt_sessions_page_new (void)
{
  return g_object_new (CIRT_TYPE_SESSIONS_PAGE, NULL);
}

guint
cirt_sessions_page_get_n_rows (CirtSessionsPage *self)
{
  g_return_val_if_fail (CIRT_IS_SESSIONS_PAGE (self), 0);
  return self->interviews ? self->interviews->len : 0;
}

GtkWindow *
cirt_sessions_page_get_dialog (CirtSessionsPage *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (CIRT_IS_SESSIONS_PAGE (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  /* A closed dialog may live a little longer: only one that is shown counts. */
  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? dialog : NULL;
}
