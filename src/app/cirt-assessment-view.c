/* cirt-assessment-view.c — one assessment: its header and pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-assessment-view.h"
#include "cirt-overview-page.h"
#include "cirt-questionnaire.h"
#include "cirt-recommendations-page.h"

struct _CirtAssessmentView {
  GtkWidget             parent_instance;

  /* template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  CirtQuestionnaire    *questionnaire;
  CirtStakeholdersPage *stakeholders;
  CirtTargetsPage      *targets;
  GtkWidget            *save_box;
  GtkImage             *save_icon;
  GtkLabel             *save_label;
  GMenu                *merge_section;

  /* owned */
  CirtStore            *store;
  char                 *assessment_id;

  gboolean              folded;
  gboolean              opening;
};

G_DEFINE_FINAL_TYPE (CirtAssessmentView, cirt_assessment_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Calls @func on every page of the stack that is a CirtAssessmentPage. */
static gboolean
foreach_page (CirtAssessmentView *self,
              gboolean          (*func) (CirtAssessmentPage *, gpointer),
              gpointer            data)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);
  gboolean ok = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (CIRT_IS_ASSESSMENT_PAGE (child) && !func (CIRT_ASSESSMENT_PAGE (child), data))
        ok = FALSE;
    }
  return ok;
}

static void
update_title (CirtAssessmentView *self)
{
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autofree char *subtitle = NULL;

  if (self->store == NULL || self->assessment_id == NULL)
    return;
  info = cirt_store_get_assessment (self->store, self->assessment_id, NULL);
  if (info == NULL)
    return;
  adw_view_switcher_title_set_title (self->switcher_title, info->title);
  if (info->organisation && *info->organisation)
    /* translators: under the assessment's title, "Country · Organisation · Phase" */
    subtitle = g_strdup_printf (_("%s · %s · %s"), info->country, info->organisation,
                                cirt_app_phase_label (info->phase));
  else
    subtitle = g_strdup_printf (_("%s · %s"), info->country, cirt_app_phase_label (info->phase));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static void
on_save_state_cb (CirtAssessmentView *self)
{
  CirtSaveState state = cirt_questionnaire_get_save_state (self->questionnaire);

  gtk_widget_remove_css_class (self->save_box, "error");
  gtk_widget_remove_css_class (self->save_box, "dim-label");
  switch (state)
    {
    case CIRT_SAVE_STATE_PENDING:
      gtk_label_set_label (self->save_label, _("Saving…"));
      gtk_image_set_from_icon_name (self->save_icon, "document-save-symbolic");
      gtk_widget_add_css_class (self->save_box, "dim-label");
      break;
    case CIRT_SAVE_STATE_FAILED:
      gtk_label_set_label (self->save_label, _("Not Saved"));
      gtk_image_set_from_icon_name (self->save_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (self->save_box, "error");
      break;
    case CIRT_SAVE_STATE_SAVED:
    default:
      gtk_label_set_label (self->save_label, _("Saved"));
      gtk_image_set_from_icon_name (self->save_icon, "object-select-symbolic");
      gtk_widget_add_css_class (self->save_box, "dim-label");
      break;
    }
}

static void
on_visible_page_cb (CirtAssessmentView *self)
{
  /* Leaving a page writes what it holds. */
  g_autoptr(GError) error = NULL;

  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (!cirt_assessment_page_flush (CIRT_ASSESSMENT_PAGE (self->questionnaire), &error))
    cirt_app_show_toast (GTK_WIDGET (self), error->message);
  /* The assessor switched pages: the keys now work on the new one (digits
   * answer, Alt+N writes notes…), not on the switcher or a hidden widget.
   * Opening another assessment leaves the focus where it is. */
  if (!self->opening && CIRT_IS_ASSESSMENT_PAGE (page) && gtk_widget_get_mapped (page) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    cirt_assessment_page_focus_start (CIRT_ASSESSMENT_PAGE (page));
}

static void
on_question_activated_cb (CirtAssessmentView *self,
                          const char         *question_id)
{
  adw_view_stack_set_visible_child_name (self->stack, "questionnaire");
  if (!cirt_questionnaire_go_to_question (self->questionnaire, question_id))
    cirt_app_show_toast (GTK_WIDGET (self), _("That question is not in this assessment’s questionnaire"));
  cirt_assessment_page_focus_start (CIRT_ASSESSMENT_PAGE (self->questionnaire));
}

static void
on_show_recommendations_cb (CirtAssessmentView *self)
{
  adw_view_stack_set_visible_child_name (self->stack, "recommendations");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
undo_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "questionnaire");
  if (!cirt_questionnaire_undo (self->questionnaire))
    cirt_app_show_toast (widget, _("No answer change to undo"));
}

static gboolean
set_page_assessment (CirtAssessmentPage *page,
                     gpointer            data)
{
  CirtAssessmentView *self = data;
  cirt_assessment_page_set_assessment (page, self->store, self->assessment_id);
  return TRUE;
}

static gboolean
flush_page (CirtAssessmentPage *page,
            gpointer            data)
{
  GError **error = data;
  GError *local = NULL;

  if (cirt_assessment_page_flush (page, &local))
    return TRUE;
  if (error != NULL && *error == NULL)
    g_propagate_error (error, local);
  else
    g_error_free (local);
  return FALSE;
}

static void
cirt_assessment_view_dispose (GObject *object)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_ASSESSMENT_VIEW);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cirt_assessment_view_parent_class)->dispose (object);
}

static void
cirt_assessment_view_finalize (GObject *object)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (object);

  g_free (self->assessment_id);
  G_OBJECT_CLASS (cirt_assessment_view_parent_class)->finalize (object);
}

static void
cirt_assessment_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_view_class_init (CirtAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_assessment_view_dispose;
  object_class->finalize = cirt_assessment_view_finalize;
  object_class->get_property = cirt_assessment_view_get_property;
  object_class->set_property = cirt_assessment_view_set_property;

  /* The window's leaflet is folded: show a back button and the window
   * buttons on both sides. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRT_TYPE_QUESTIONNAIRE);
  g_type_ensure (CIRT_TYPE_STAKEHOLDERS_PAGE);
  g_type_ensure (CIRT_TYPE_TARGETS_PAGE);
  g_type_ensure (CIRT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CIRT_TYPE_RECOMMENDATIONS_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, questionnaire);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, stakeholders);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, targets);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_box);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_icon);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_label);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, merge_section);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_recommendations_cb);

  gtk_widget_class_install_action (widget_class, "view.undo-answer", NULL, undo_answer_action);
  /* Alt+1…5 reach the pages in every language (the underlined letters of
   * the page titles change with the translation). */
  gtk_widget_class_install_action (widget_class, "view.show-page", "s", show_page_action);
  {
    static const char *pages[] = { "overview", "questionnaire", "stakeholders", "targets", "recommendations" };
    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "view.show-page", "s", pages[i]);
  }
}

static void
cirt_assessment_view_init (CirtAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->questionnaire, "notify::save-state", G_CALLBACK (on_save_state_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
cirt_assessment_view_new (void)
{
  return g_object_new (CIRT_TYPE_ASSESSMENT_VIEW, NULL);
}

void
cirt_assessment_view_set_assessment (CirtAssessmentView *self,
                                     CirtStore          *store,
                                     const char         *id)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_swapped (store, "assessments-changed", G_CALLBACK (update_title), self);
    }
  g_free (self->assessment_id);
  self->assessment_id = g_strdup (id);
  /* An assessment opens on its overview: where it stands, what is missing. */
  self->opening = TRUE;
  adw_view_stack_set_visible_child_name (self->stack, "overview");
  self->opening = FALSE;
  foreach_page (self, set_page_assessment, self);
  update_title (self);
  on_save_state_cb (self);
}

const char *
cirt_assessment_view_get_assessment_id (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->assessment_id;
}

gboolean
cirt_assessment_view_flush (CirtAssessmentView  *self,
                            GError             **error)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), FALSE);
  return foreach_page (self, flush_page, error);
}

void
cirt_assessment_view_focus_start (CirtAssessmentView *self)
{
  GtkWidget *child;

  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));
  child = adw_view_stack_get_visible_child (self->stack);
  if (CIRT_IS_ASSESSMENT_PAGE (child))
    cirt_assessment_page_focus_start (CIRT_ASSESSMENT_PAGE (child));
}

void
cirt_assessment_view_show_page (CirtAssessmentView *self,
                                const char         *name)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

CirtQuestionnaire *
cirt_assessment_view_get_questionnaire (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->questionnaire;
}

CirtStakeholdersPage *
cirt_assessment_view_get_stakeholders (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->stakeholders;
}

CirtTargetsPage *
cirt_assessment_view_get_targets (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->targets;
}

const char *
cirt_assessment_view_get_save_text (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return gtk_label_get_label (self->save_label);
}

void
cirt_assessment_view_set_n_conflicts (CirtAssessmentView *self,
                                      guint               n_unreviewed)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));

  if (n_unreviewed > 0)
    /* translators: assessment menu item, with the number of merge conflicts not reviewed yet */
    label = g_strdup_printf (_("Merge _Conflicts (%u)"), n_unreviewed);
  cirt_app_set_menu_label (self->merge_section, "win.merge-conflicts", label ? label : _("Merge _Conflicts"));
}
