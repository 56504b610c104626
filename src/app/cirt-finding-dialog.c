/* cirt-finding-dialog.c — adds or edits one finding of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-finding-dialog.h"
#include "cirt-lang.h"

struct _CirtFindingDialog {
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *title_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *pillar_row;
  AdwComboRow    *phase_row;
  GtkTextView    *description_view;
  GtkLabel       *message_label;

  /* owned */
  CirtContext    *context;
  char           *assessment_id;
  CirtFinding    *finding;          /* the one edited; NULL: a new one */
};

G_DEFINE_FINAL_TYPE (CirtFindingDialog, cirt_finding_dialog, ADW_TYPE_WINDOW)

/* The phases a finding can be in, in the order of the list. */
static const CirtPhase phases[] = { CIRT_PHASE_DESIGN, CIRT_PHASE_ESTABLISHMENT, CIRT_PHASE_ENHANCEMENT };

static char *
title_text (CirtFindingDialog *self)
{
  char *s = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static void
on_changed_cb (CirtFindingDialog *self)
{
  g_autofree char *title = title_text (self);

  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_label_set_label (self->message_label, title == NULL ? _("A finding needs a title: what it is, in a line.") : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finding.save", title != NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtFindingDialog *self = CIRT_FINDING_DIALOG (widget);
  CirtStore *store = cirt_context_get_store (self->context);
  g_autoptr(CirtFinding) f = self->finding ? cirt_finding_copy (self->finding) : cirt_finding_new ();
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  guint phase = adw_combo_row_get_selected (self->phase_row);
  gboolean ok;

  g_free (f->title);
  f->title = title_text (self);
  if (f->title == NULL)
    return;
  f->kind = (CirtFindingKind) MIN (adw_combo_row_get_selected (self->kind_row), CIRT_N_FINDING_KINDS - 1);
  f->pillar = (CirtPillar) MIN (adw_combo_row_get_selected (self->pillar_row), CIRT_N_PILLARS - 1);
  f->phase = phases[MIN (phase, G_N_ELEMENTS (phases) - 1)];
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (f->description);
  f->description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (f->author);
  f->author = cirt_context_dup_author (self->context);
  if (self->finding == NULL)
    {
      g_autofree char *uuid = cirt_store_add_finding (store, self->assessment_id, f, &error);
      ok = uuid != NULL;
    }
  else
    ok = cirt_store_update_finding (store, self->assessment_id, f, &error);
  if (!ok)
    {
      /* Stays open with everything typed: nothing is lost. */
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cirt_finding_dialog_dispose (GObject *object)
{
  CirtFindingDialog *self = CIRT_FINDING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_FINDING_DIALOG);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cirt_finding_dialog_parent_class)->dispose (object);
}

static void
cirt_finding_dialog_finalize (GObject *object)
{
  CirtFindingDialog *self = CIRT_FINDING_DIALOG (object);

  g_free (self->assessment_id);
  cirt_finding_free (self->finding);
  G_OBJECT_CLASS (cirt_finding_dialog_parent_class)->finalize (object);
}

static void
cirt_finding_dialog_class_init (CirtFindingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_finding_dialog_dispose;
  object_class->finalize = cirt_finding_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-finding-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CirtFindingDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_install_action (widget_class, "finding.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "finding.save", NULL);
}

static void
cirt_finding_dialog_init (CirtFindingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* The names of the kinds, pillars and phases, in the interface's language. */
static void
fill_choices (CirtFindingDialog *self)
{
  const CirtLang *lang = cirt_context_get_lang (self->context);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) pillars = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  for (CirtFindingKind k = 0; k < CIRT_N_FINDING_KINDS; k++)
    gtk_string_list_append (kinds, cirt_lang_finding_kind (lang, k));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    gtk_string_list_append (pillars, cirt_lang_pillar_title (lang, p));
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    gtk_string_list_append (steps, cirt_lang_phase (lang, phases[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->pillar_row, G_LIST_MODEL (pillars));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (steps));
}

GtkWidget *
cirt_finding_dialog_new (GtkWindow         *parent,
                         CirtContext       *context,
                         const char        *assessment_id,
                         const CirtFinding *finding,
                         CirtFindingKind    kind)
{
  CirtFindingDialog *self;

  g_return_val_if_fail (CIRT_IS_CONTEXT (context), NULL);

  self = g_object_new (CIRT_TYPE_FINDING_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->assessment_id = g_strdup (assessment_id);
  fill_choices (self);
  if (finding != NULL)
    {
      self->finding = cirt_finding_copy (finding);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), finding->title ? finding->title : "");
      adw_combo_row_set_selected (self->kind_row, finding->kind);
      adw_combo_row_set_selected (self->pillar_row, finding->pillar);
      for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
        if (phases[i] == finding->phase)
          adw_combo_row_set_selected (self->phase_row, i);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                finding->description ? finding->description : "", -1);
      adw_window_title_set_title (self->window_title, _("Edit Finding"));
    }
  else
    {
      adw_combo_row_set_selected (self->kind_row, kind < CIRT_N_FINDING_KINDS ? kind : CIRT_FINDING_ISSUE);
      adw_window_title_set_title (self->window_title, _("New Finding"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }
  on_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}
