/* cirt-findings-page.c — the findings of the mission, by kind
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three groups (key issues, quick wins, risks to the project), each a list
 * of its findings in the assessors' order, with a button to add one of
 * that kind. The list follows the session's data, so a finding an import
 * or the CLI adds appears here. A removal is taken back from its toast:
 * the finding comes back with its id, at its place. */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-finding-dialog.h"
#include "cirt-findings-page.h"
#include "cirt-lang.h"

struct _CirtFindingsPage {
  GtkWidget             parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GtkListBox           *lists[CIRT_N_FINDING_KINDS];

  /* owned */
  CirtSession          *session;
  GSignalGroup         *session_signals;
  GPtrArray            *findings;       /* CirtFinding*, as listed */
  GWeakRef              dialog;
};

static void cirt_findings_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtFindingsPage, cirt_findings_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE, cirt_findings_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static const CirtFinding *
finding_at (CirtFindingsPage *self,
            GObject          *widget)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (widget, "cirt-index"));

  return self->findings != NULL && i < self->findings->len ? g_ptr_array_index (self->findings, i) : NULL;
}

static void
open_dialog (CirtFindingsPage  *self,
             const CirtFinding *finding,
             CirtFindingKind    kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->session == NULL)
    return;
  dialog = cirt_finding_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    cirt_session_get_context (self->session), cirt_session_get_id (self->session),
                                    finding, kind);
  g_weak_ref_set (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_clicked_cb (GtkButton        *button,
                    CirtFindingsPage *self)
{
  const CirtFinding *f = finding_at (self, G_OBJECT (button));

  if (f != NULL)
    open_dialog (self, f, f->kind);
}

static void
on_undo_remove_cb (AdwToast         *toast,
                   CirtFindingsPage *self)
{
  CirtFinding *f = g_object_get_data (G_OBJECT (toast), "cirt-finding");
  CirtStore *store = g_object_get_data (G_OBJECT (toast), "cirt-store");
  const char *assessment = g_object_get_data (G_OBJECT (toast), "cirt-assessment");
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (f == NULL || store == NULL)
    return;
  /* Back with its id and at its place; recorded as added again. */
  uuid = cirt_store_add_finding (store, assessment, f, &error);
  if (uuid == NULL)
    cirt_app_report_error (GTK_WIDGET (self), _("Cannot restore the finding"), error);
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      CirtFindingsPage *self)
{
  const CirtFinding *f = finding_at (self, G_OBJECT (button));
  CirtStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL, *title = NULL;
  CirtFinding *copy;
  AdwToast *toast;

  if (f == NULL || self->session == NULL)
    return;
  store = cirt_session_get_store (self->session);
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  copy = cirt_finding_copy (f);
  if (!cirt_store_remove_finding (store, cirt_session_get_id (self->session), f->id, author, &error))
    {
      cirt_finding_free (copy);
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot remove the finding"), error);
      return;
    }
  /* translators: toast after a finding is removed, with an Undo button */
  title = g_strdup_printf (_("“%s” removed"), copy->title);
  toast = cirt_app_new_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cirt-finding", copy, (GDestroyNotify) cirt_finding_free);
  g_object_set_data_full (G_OBJECT (toast), "cirt-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "cirt-assessment", g_strdup (cirt_session_get_id (self->session)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
    if (overlay != NULL)
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    else
      g_object_unref (toast);
  }
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *label,
             guint       index,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "cirt-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
create_row (CirtFindingsPage  *self,
            const CirtFinding *f,
            guint              index)
{
  const CirtLang *lang = cirt_context_get_lang (cirt_session_get_context (self->session));
  GtkWidget *row = adw_action_row_new ();
  /* translators: under a finding's title: "Legal · Design" (pillar and lifecycle phase) */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), cirt_lang_pillar_title (lang, f->pillar),
                                               cirt_lang_phase (lang, f->phase));
  /* translators: accessible names of the buttons of a finding's row */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), f->title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), f->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!cirt_text_is_blank (f->description))
    gtk_widget_set_tooltip_text (row, f->description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Edit"), edit_label, index,
                                          G_CALLBACK (on_edit_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove"), remove_label, index,
                                          G_CALLBACK (on_remove_clicked_cb), self));
  g_object_set_data (G_OBJECT (row), "cirt-index", GUINT_TO_POINTER (index));
  return row;
}

static gboolean
same_findings (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return a == b;
  for (guint i = 0; i < a->len; i++)
    {
      const CirtFinding *x = g_ptr_array_index (a, i);
      const CirtFinding *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->id, y->id) != 0 || !cirt_finding_same_content (x, y) || x->position != y->position)
        return FALSE;
    }
  return TRUE;
}

/* Lists the session's findings, when they are not the ones listed. */
static void
refresh (CirtFindingsPage *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data = NULL;
  GPtrArray *list = NULL;

  if (self->session != NULL)
    {
      data = cirt_session_get_data (self->session, &error);
      if (data == NULL)
        cirt_app_report_error (GTK_WIDGET (self), _("Cannot list the findings"), error);
      else
        list = data->findings;
    }
  if (self->findings != NULL && list != NULL && same_findings (self->findings, list))
    return;
  for (guint k = 0; k < CIRT_N_FINDING_KINDS; k++)
    {
      GtkWidget *child;
      /* The placeholder is a child of the list too: it stays. */
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->lists[k])); child != NULL;)
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);
          if (GTK_IS_LIST_BOX_ROW (child))
            gtk_list_box_remove (self->lists[k], child);
          child = next;
        }
    }
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->findings = g_ptr_array_new_full (list->len, (GDestroyNotify) cirt_finding_free);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (self->findings, cirt_finding_copy (g_ptr_array_index (list, i)));
  for (guint i = 0; i < self->findings->len; i++)
    {
      const CirtFinding *f = g_ptr_array_index (self->findings, i);
      if (f->kind < CIRT_N_FINDING_KINDS)
        gtk_list_box_append (self->lists[f->kind], create_row (self, f, i));
    }
  gtk_stack_set_visible_child_name (self->stack, self->findings->len ? "list" : "empty");
}

static void
on_data_cb (CirtFindingsPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_row_activated_cb (CirtFindingsPage *self,
                     GtkListBoxRow    *row)
{
  const CirtFinding *f = finding_at (self, G_OBJECT (row));

  if (f != NULL)
    open_dialog (self, f, f->kind);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CirtFindingKind kind = CIRT_FINDING_ISSUE;

  if (parameter != NULL)
    cirt_finding_kind_from_string (g_variant_get_string (parameter, NULL), &kind);
  open_dialog (CIRT_FINDINGS_PAGE (widget), NULL, kind);
}

static void
cirt_findings_page_focus_start (CirtAssessmentPage *page)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (page);

  for (guint k = 0; k < CIRT_N_FINDING_KINDS; k++)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->lists[k], 0);
      if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (first));
          return;
        }
    }
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
cirt_findings_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_findings_page_focus_start;
}

static void
cirt_findings_page_map (GtkWidget *widget)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_findings_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  refresh (self);
}

static void
cirt_findings_page_unmap (GtkWidget *widget)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_findings_page_parent_class)->unmap (widget);
}

static void
cirt_findings_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (object);

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
cirt_findings_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          g_clear_pointer (&self->findings, g_ptr_array_unref);
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
cirt_findings_page_dispose (GObject *object)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_FINDINGS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_weak_ref_set (&self->dialog, NULL);

  G_OBJECT_CLASS (cirt_findings_page_parent_class)->dispose (object);
}

static void
cirt_findings_page_finalize (GObject *object)
{
  CirtFindingsPage *self = CIRT_FINDINGS_PAGE (object);

  g_weak_ref_clear (&self->dialog);
  G_OBJECT_CLASS (cirt_findings_page_parent_class)->finalize (object);
}

static void
cirt_findings_page_class_init (CirtFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_findings_page_dispose;
  object_class->finalize = cirt_findings_page_finalize;
  object_class->get_property = cirt_findings_page_get_property;
  object_class->set_property = cirt_findings_page_set_property;
  widget_class->map = cirt_findings_page_map;
  widget_class->unmap = cirt_findings_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-findings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtFindingsPage, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "issues_list", FALSE,
                                             G_STRUCT_OFFSET (CirtFindingsPage, lists[CIRT_FINDING_ISSUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "quick_wins_list", FALSE,
                                             G_STRUCT_OFFSET (CirtFindingsPage, lists[CIRT_FINDING_QUICK_WIN]));
  gtk_widget_class_bind_template_child_full (widget_class, "risks_list", FALSE,
                                             G_STRUCT_OFFSET (CirtFindingsPage, lists[CIRT_FINDING_RISK]));
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "findings.add", "s", add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                      "findings.add", "s", "issue");
}

static void
cirt_findings_page_init (CirtFindingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->dialog, NULL);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
}

GtkWidget *
cirt_findings_page_new (void)
{
  return g_object_new (CIRT_TYPE_FINDINGS_PAGE, NULL);
}

guint
cirt_findings_page_get_n_rows (CirtFindingsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (CIRT_IS_FINDINGS_PAGE (self), 0);
  for (guint k = 0; k < CIRT_N_FINDING_KINDS; k++)
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->lists[k])); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      n += GTK_IS_LIST_BOX_ROW (c);
  return n;
}

GtkWindow *
cirt_findings_page_get_dialog (CirtFindingsPage *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (CIRT_IS_FINDINGS_PAGE (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  /* A closed dialog may live a little longer: only one that is shown counts. */
  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? dialog : NULL;
}
