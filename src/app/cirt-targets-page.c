/* cirt-targets-page.c — a target maturity level per pillar
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-assessment-page.h"
#include "cirt-store.h"
#include "cirt-targets-page.h"

struct _CirtTargetsPage {
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *levels_group;
  GtkLabel            *levels_label;

  /* owned */
  CirtStore           *store;
  char                *assessment_id;

  /* borrowed: rows live in @group */
  AdwComboRow         *rows[CIRT_N_PILLARS];
  int                  targets[CIRT_N_PILLARS];
  guint                binding;
};

static void cirt_targets_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtTargetsPage, cirt_targets_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_targets_page_iface_init))

static void
on_selected_cb (AdwComboRow     *row,
                GParamSpec      *pspec,
                CirtTargetsPage *self)
{
  CirtPillar pillar = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-pillar"));
  int level = (int) adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->binding || level == self->targets[pillar])
    return;
  if (!cirt_store_set_target (self->store, self->assessment_id, pillar, level, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("The target was not saved"), error);
      /* Show what the store holds. */
      self->binding++;
      adw_combo_row_set_selected (row, self->targets[pillar]);
      self->binding--;
      return;
    }
  self->targets[pillar] = level;
}

static void
clear_rows (CirtTargetsPage *self)
{
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (self->rows[p] != NULL)
      {
        adw_preferences_group_remove (self->group, GTK_WIDGET (self->rows[p]));
        self->rows[p] = NULL;
      }
}

static void
cirt_targets_page_set_assessment (CirtAssessmentPage *page,
                                  CirtStore          *store,
                                  const char         *id)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (page);
  const char *lang = cirt_app_get_language ();
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) levels = NULL;
  g_autoptr(GString) legend = g_string_new (NULL);
  CirtInstrument *first;

  clear_rows (self);
  g_set_object (&self->store, store);
  g_free (self->assessment_id);
  self->assessment_id = g_strdup (id);
  if (store == NULL || id == NULL)
    return;
  if ((instruments = cirt_store_get_instruments (store, id, &error)) == NULL ||
      !cirt_store_get_targets (store, id, self->targets, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot read the targets"), error);
      return;
    }
  /* Level names come from the assessment's first instrument. */
  first = g_ptr_array_index (instruments, 0);
  levels = gtk_string_list_new (NULL);
  gtk_string_list_append (levels, _("No target"));
  for (int l = 1; l <= CIRT_N_LEVELS; l++)
    {
      g_autofree char *label = cirt_app_level_label (first, l);
      const CirtLevelInfo *info = cirt_instrument_get_level_info (first, l);
      const char *description = info ? cirt_text_get (info->description, lang) : NULL;

      gtk_string_list_append (levels, label);
      if (legend->len)
        g_string_append (legend, "\n");
      g_string_append (legend, label);
      if (description != NULL)
        /* translators: after a level's name, its description: "3 — Established: The main parts…" */
        g_string_append_printf (legend, _(": %s"), description);
    }
  gtk_label_set_label (self->levels_label, legend->str);

  self->binding++;
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      gboolean used = self->targets[p] > 0;
      AdwComboRow *row;

      for (guint i = 0; i < instruments->len && !used; i++)
        used = cirt_instrument_uses_pillar (g_ptr_array_index (instruments, i), p, NULL);
      if (!used)
        continue;
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cirt_lang_pillar_title (cirt_lang_get (lang), p));
      adw_combo_row_set_model (row, G_LIST_MODEL (levels));
      adw_combo_row_set_selected (row, self->targets[p]);
      g_object_set_data (G_OBJECT (row), "cirt-pillar", GUINT_TO_POINTER (p));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected_cb), self);
      adw_preferences_group_add (self->group, GTK_WIDGET (row));
      self->rows[p] = row;
    }
  self->binding--;
}

static void
cirt_targets_page_focus_start (CirtAssessmentPage *page)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (page);

  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (self->rows[p] != NULL)
      {
        gtk_widget_grab_focus (GTK_WIDGET (self->rows[p]));
        return;
      }
}

static void
cirt_targets_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->set_assessment = cirt_targets_page_set_assessment;
  iface->focus_start = cirt_targets_page_focus_start;
}

static void
cirt_targets_page_dispose (GObject *object)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_TARGETS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cirt_targets_page_parent_class)->dispose (object);
}

static void
cirt_targets_page_finalize (GObject *object)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (object);

  g_free (self->assessment_id);
  G_OBJECT_CLASS (cirt_targets_page_parent_class)->finalize (object);
}

static void
cirt_targets_page_class_init (CirtTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_targets_page_dispose;
  object_class->finalize = cirt_targets_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtTargetsPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CirtTargetsPage, group);
  gtk_widget_class_bind_template_child (widget_class, CirtTargetsPage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, CirtTargetsPage, levels_label);
}

static void
cirt_targets_page_init (CirtTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cirt_targets_page_new (void)
{
  return g_object_new (CIRT_TYPE_TARGETS_PAGE, NULL);
}

AdwComboRow *
cirt_targets_page_get_row (CirtTargetsPage *self,
                           CirtPillar       pillar)
{
  g_return_val_if_fail (CIRT_IS_TARGETS_PAGE (self), NULL);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, NULL);
  return self->rows[pillar];
}
