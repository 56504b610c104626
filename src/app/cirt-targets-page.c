/* cirt-targets-page.c — a target maturity level per pillar
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-lang.h"
#include "cirt-targets-page.h"

struct _CirtTargetsPage {
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *group;
  AdwPreferencesGroup *levels_group;
  GtkLabel            *levels_label;

  /* owned */
  CirtSession         *session;
  GSignalGroup        *session_signals;

  /* borrowed: rows live in @group */
  AdwComboRow         *rows[CIRT_N_PILLARS];
  int                  targets[CIRT_N_PILLARS];   /* as shown */
  guint                binding;
};

static void cirt_targets_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtTargetsPage, cirt_targets_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_targets_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static void
show_target (CirtTargetsPage *self,
             CirtPillar       pillar,
             int              level)
{
  self->targets[pillar] = level;
  if (self->rows[pillar] == NULL)
    return;
  self->binding++;
  adw_combo_row_set_selected (self->rows[pillar], (guint) level);
  self->binding--;
}

static void
on_selected_cb (AdwComboRow     *row,
                GParamSpec      *pspec,
                CirtTargetsPage *self)
{
  CirtPillar pillar = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-pillar"));
  int level = (int) adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->binding || level == self->targets[pillar] || self->session == NULL)
    return;
  if (!cirt_store_set_target (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                              pillar, level, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("The target was not saved"), error);
      /* Show what the store holds. */
      show_target (self, pillar, self->targets[pillar]);
      return;
    }
  self->targets[pillar] = level;
}

/* Shows the targets the session has loaded. */
static void
refresh (CirtTargetsPage *self)
{
  CirtAssessmentData *data = self->session ? cirt_session_get_data (self->session, NULL) : NULL;

  if (data == NULL)
    return;
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (data->targets[p] != self->targets[p])
      show_target (self, p, data->targets[p]);
}

static void
on_data_cb (CirtTargetsPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
clear_rows (CirtTargetsPage *self)
{
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      self->targets[p] = 0;
      if (self->rows[p] != NULL)
        {
          adw_preferences_group_remove (self->group, GTK_WIDGET (self->rows[p]));
          self->rows[p] = NULL;
        }
    }
}

/* A row for each pillar the instruments ask about, with the level names of
 * the first instrument. */
static void
build_rows (CirtTargetsPage *self)
{
  CirtContext *context = cirt_session_get_context (self->session);
  const char *language = cirt_context_get_language (context);
  GPtrArray *instruments = cirt_session_get_instruments (self->session);
  CirtAssessmentData *data = cirt_session_get_data (self->session, NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GString) legend = g_string_new (NULL);
  CirtInstrument *first = g_ptr_array_index (instruments, 0);

  gtk_string_list_append (levels, _("No target"));
  for (int l = 1; l <= CIRT_N_LEVELS; l++)
    {
      g_autofree char *label = cirt_app_level_label (first, l, language);
      const CirtLevelInfo *info = cirt_instrument_get_level_info (first, l);
      const char *description = info ? cirt_text_get (info->description, language) : NULL;

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
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      gboolean used = data != NULL && data->targets[p] > 0;
      AdwComboRow *row;

      for (guint i = 0; i < instruments->len && !used; i++)
        used = cirt_instrument_uses_pillar (g_ptr_array_index (instruments, i), p, NULL);
      self->targets[p] = data ? data->targets[p] : 0;
      if (!used)
        continue;
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cirt_lang_pillar_title (cirt_context_get_lang (context), p));
      adw_combo_row_set_model (row, G_LIST_MODEL (levels));
      adw_combo_row_set_selected (row, (guint) self->targets[p]);
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
  iface->focus_start = cirt_targets_page_focus_start;
}

static void
cirt_targets_page_map (GtkWidget *widget)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_targets_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  refresh (self);
}

static void
cirt_targets_page_unmap (GtkWidget *widget)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_targets_page_parent_class)->unmap (widget);
}

static void
cirt_targets_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (object);

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
cirt_targets_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          clear_rows (self);
          if (self->session != NULL)
            build_rows (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_targets_page_dispose (GObject *object)
{
  CirtTargetsPage *self = CIRT_TARGETS_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_TARGETS_PAGE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cirt_targets_page_parent_class)->dispose (object);
}

static void
cirt_targets_page_class_init (CirtTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_targets_page_dispose;
  object_class->get_property = cirt_targets_page_get_property;
  object_class->set_property = cirt_targets_page_set_property;
  widget_class->map = cirt_targets_page_map;
  widget_class->unmap = cirt_targets_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

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
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
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
