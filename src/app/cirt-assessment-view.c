/* cirt-assessment-view.c — one assessment: its header and pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view owns the CirtSession of the assessment it shows and hands it to
 * each page. A page is made the first time it is shown (or asked for): an
 * assessment opens on its overview, and the questionnaire's hundreds of
 * widgets wait until the assessor goes there. */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-assessment-view.h"
#include "cirt-findings-page.h"
#include "cirt-compare-page.h"
#include "cirt-lang.h"
#include "cirt-overview-page.h"
#include "cirt-plan-page.h"
#include "cirt-questionnaire.h"
#include "cirt-recommendations-page.h"
#include "cirt-review-page.h"
#include "cirt-sessions-page.h"

/* ------------------------------------------------------------------------ */
/* CirtPageSlot: where a page goes once it is made                          */

#define CIRT_TYPE_PAGE_SLOT (cirt_page_slot_get_type ())
G_DECLARE_FINAL_TYPE (CirtPageSlot, cirt_page_slot, CIRT, PAGE_SLOT, GtkWidget)

struct _CirtPageSlot {
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CirtPageSlot, cirt_page_slot, GTK_TYPE_WIDGET)

static void
cirt_page_slot_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cirt_page_slot_parent_class)->dispose (object);
}

static void
cirt_page_slot_class_init (CirtPageSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cirt_page_slot_dispose;
  /* A hidden page of the stack asks for no size (cirt_app_measure_page()). */
  GTK_WIDGET_CLASS (klass)->measure = cirt_app_measure_page;
  GTK_WIDGET_CLASS (klass)->size_allocate = cirt_app_allocate_page;
}

static void
cirt_page_slot_init (CirtPageSlot *self)
{
}

static GtkWidget *
slot_get_page (GtkWidget *slot)
{
  return gtk_widget_get_first_child (slot);
}

/* ------------------------------------------------------------------------ */
/* The view                                                                  */

typedef enum {
  PAGE_OVERVIEW,
  PAGE_QUESTIONNAIRE,
  PAGE_STAKEHOLDERS,
  PAGE_TARGETS,
  PAGE_RECOMMENDATIONS,
  PAGE_FINDINGS,
  PAGE_COMPARE,        /* a follow-up's only */
  PAGE_REVIEW,         /* the lead assessor's review (Alt+8) */
  PAGE_SESSIONS,       /* interview sessions (Alt+9) */
  PAGE_PLAN,           /* the mission plan (Alt+0) */
  N_PAGES
} PageId;

static const char * const page_names[N_PAGES] = {
  "overview", "questionnaire", "stakeholders", "targets", "recommendations", "findings", "compare", "review",
  "sessions", "plan",
};

struct _CirtAssessmentView {
  GtkWidget             parent_instance;

  /* template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  GtkWidget            *slots[N_PAGES];
  AdwViewStackPage     *compare_page;
  GtkWidget            *save_box;
  GtkImage             *save_icon;
  GtkLabel             *save_label;
  GMenu                *merge_section;
  GtkMenuButton        *menu_button;
  GMenuModel           *assessment_menu;

  /* owned */
  CirtSession          *session;
  GSignalGroup         *session_signals;

  gboolean              folded;
  gboolean              opening;
};

G_DEFINE_FINAL_TYPE (CirtAssessmentView, cirt_assessment_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_question_activated_cb    (CirtAssessmentView *self,
                                         const char         *question_id);
static void on_show_recommendations_cb  (CirtAssessmentView *self);

static GType
page_type (PageId id)
{
  switch (id)
    {
    case PAGE_OVERVIEW:
      return CIRT_TYPE_OVERVIEW_PAGE;
    case PAGE_QUESTIONNAIRE:
      return CIRT_TYPE_QUESTIONNAIRE;
    case PAGE_STAKEHOLDERS:
      return CIRT_TYPE_STAKEHOLDERS_PAGE;
    case PAGE_TARGETS:
      return CIRT_TYPE_TARGETS_PAGE;
    case PAGE_FINDINGS:
      return CIRT_TYPE_FINDINGS_PAGE;
    case PAGE_COMPARE:
      return CIRT_TYPE_COMPARE_PAGE;
    case PAGE_REVIEW:
      return CIRT_TYPE_REVIEW_PAGE;
    case PAGE_SESSIONS:
      return CIRT_TYPE_SESSIONS_PAGE;
    case PAGE_PLAN:
      return CIRT_TYPE_PLAN_PAGE;
    case PAGE_RECOMMENDATIONS:
    case N_PAGES:
    default:
      return CIRT_TYPE_RECOMMENDATIONS_PAGE;
    }
}

/* The page, made now if it was not yet. */
static GtkWidget *
ensure_page (CirtAssessmentView *self,
             PageId              id)
{
  GtkWidget *page = slot_get_page (self->slots[id]);

  if (page != NULL)
    return page;
  page = g_object_new (page_type (id), "session", self->session, NULL);
  if (id == PAGE_OVERVIEW || id == PAGE_RECOMMENDATIONS || id == PAGE_COMPARE || id == PAGE_REVIEW)
    g_signal_connect_object (page, "question-activated", G_CALLBACK (on_question_activated_cb), self,
                             G_CONNECT_SWAPPED);
  if (id == PAGE_OVERVIEW)
    g_signal_connect_object (page, "show-recommendations", G_CALLBACK (on_show_recommendations_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_set_parent (page, self->slots[id]);
  return page;
}

static PageId
page_id_of (CirtAssessmentView *self,
            GtkWidget          *slot)
{
  for (PageId id = 0; id < N_PAGES; id++)
    if (self->slots[id] == slot)
      return id;
  return N_PAGES;
}

/* The page shown, made if need be. */
static CirtAssessmentPage *
visible_page (CirtAssessmentView *self)
{
  PageId id = page_id_of (self, adw_view_stack_get_visible_child (self->stack));

  return id < N_PAGES ? CIRT_ASSESSMENT_PAGE (ensure_page (self, id)) : NULL;
}

static void
update_title (CirtAssessmentView *self)
{
  const CirtAssessmentInfo *info;
  const CirtLang *lang;
  g_autofree char *subtitle = NULL;

  if (self->session == NULL)
    return;
  info = cirt_session_get_info (self->session);
  lang = cirt_context_get_lang (cirt_session_get_context (self->session));
  adw_view_switcher_title_set_title (self->switcher_title, info->title);
  if (info->organisation && *info->organisation)
    /* translators: under the assessment's title, "Country · Organisation · Phase" */
    subtitle = g_strdup_printf (_("%s · %s · %s"), info->country, info->organisation,
                                cirt_lang_mission_phase (lang, info->phase));
  else
    subtitle = g_strdup_printf (_("%s · %s"), info->country, cirt_lang_mission_phase (lang, info->phase));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

/* The Compare page is there for a follow-up only (while its baseline is in
 * the database: deleting it clears the link). */
static void
update_compare_page (CirtAssessmentView *self)
{
  gboolean follow_up = self->session != NULL && cirt_session_get_info (self->session)->baseline != NULL;

  adw_view_stack_page_set_visible (self->compare_page, follow_up);
  if (!follow_up && g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "compare") == 0)
    adw_view_stack_set_visible_child_name (self->stack, "overview");
}

static void
update_save_state (CirtAssessmentView *self)
{
  CirtSaveState state = self->session ? cirt_session_get_save_state (self->session) : CIRT_SAVE_STATE_SAVED;

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
update_conflicts (CirtAssessmentView *self)
{
  guint n = self->session ? cirt_session_get_n_conflicts (self->session) : 0;
  g_autofree char *label = NULL;

  if (n > 0)
    /* translators: assessment menu item, with the number of merge conflicts not reviewed yet */
    label = g_strdup_printf (_("Merge _Conflicts (%u)"), n);
  cirt_app_set_menu_label (self->merge_section, "win.merge-conflicts", label ? label : _("Merge _Conflicts"));
}

static void
on_conflict_cb (CirtAssessmentView *self,
                const char         *question)
{
  g_autofree char *message = NULL;

  /* translators: toast when a save crossed a change made on another
   * connection (the CLI, another window) to the same part of an answer */
  message = g_strdup_printf (_("%s was changed elsewhere meanwhile: this version is saved, the other one is kept "
                               "in Merge Conflicts"), question);
  cirt_app_show_toast (GTK_WIDGET (self), message);
}

static void
on_visible_page_cb (CirtAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentPage *page;
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *questionnaire = slot_get_page (self->slots[PAGE_QUESTIONNAIRE]);

  if (self->session == NULL)
    return;
  /* Leaving a page writes what it holds. */
  if (questionnaire != NULL && !cirt_assessment_page_flush (CIRT_ASSESSMENT_PAGE (questionnaire), &error))
    cirt_app_show_toast (GTK_WIDGET (self), error->message);
  page = visible_page (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  /* The assessor switched pages: the keys now work on the new one (digits
   * answer, Alt+N writes notes…), not on the switcher or a hidden widget.
   * Opening another assessment leaves the focus where it is. */
  if (!self->opening && page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page)) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page))))
    cirt_assessment_page_focus_start (page);
}

static void
on_question_activated_cb (CirtAssessmentView *self,
                          const char         *question_id)
{
  CirtQuestionnaire *questionnaire = cirt_assessment_view_get_questionnaire (self);

  adw_view_stack_set_visible_child_name (self->stack, "questionnaire");
  if (!cirt_questionnaire_go_to_question (questionnaire, question_id))
    cirt_app_show_toast (GTK_WIDGET (self), _("That question is not in this assessment’s questionnaire"));
  cirt_assessment_page_focus_start (CIRT_ASSESSMENT_PAGE (questionnaire));
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
  GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, name);

  /* A page hidden from the switcher (Compare, without a baseline) stays so. */
  if (child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack, child)))
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
undo_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (widget);

  if (self->session == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->stack, "questionnaire");
  if (!cirt_questionnaire_undo (cirt_assessment_view_get_questionnaire (self)))
    cirt_app_show_toast (widget, _("No answer change to undo"));
}

static void
cirt_assessment_view_dispose (GObject *object)
{
  CirtAssessmentView *self = CIRT_ASSESSMENT_VIEW (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_ASSESSMENT_VIEW);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cirt_assessment_view_parent_class)->dispose (object);
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
    case PROP_SESSION:
      g_value_set_object (value, self->session);
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
  object_class->get_property = cirt_assessment_view_get_property;
  object_class->set_property = cirt_assessment_view_set_property;

  /* The window's leaflet is folded: show a back button and the window
   * buttons on both sides. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The open assessment's session, NULL when none is open. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CIRT_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CIRT_TYPE_PAGE_SLOT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "overview_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "questionnaire_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_QUESTIONNAIRE]));
  gtk_widget_class_bind_template_child_full (widget_class, "stakeholders_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_STAKEHOLDERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "targets_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_TARGETS]));
  gtk_widget_class_bind_template_child_full (widget_class, "recommendations_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_RECOMMENDATIONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "findings_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_FINDINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "compare_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_COMPARE]));
  gtk_widget_class_bind_template_child_full (widget_class, "review_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_REVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "sessions_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_SESSIONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "plan_slot", FALSE,
                                             G_STRUCT_OFFSET (CirtAssessmentView, slots[PAGE_PLAN]));
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, compare_page);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_box);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_icon);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, save_label);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, merge_section);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentView, assessment_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_cb);

  gtk_widget_class_install_action (widget_class, "view.undo-answer", NULL, undo_answer_action);
  /* Alt+1…9 and Alt+0 reach the pages in every language (the underlined
   * letters of the page titles change with the translation). */
  G_STATIC_ASSERT (N_PAGES <= 10);
  gtk_widget_class_install_action (widget_class, "view.show-page", "s", show_page_action);
  for (guint i = 0; i < N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, i < 9 ? GDK_KEY_1 + i : GDK_KEY_0, GDK_ALT_MASK,
                                         "view.show-page", "s", page_names[i]);
}

static void
cirt_assessment_view_init (CirtAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cirt_app_menu_button_set_menu_later (self->menu_button, self->assessment_menu);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::info", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::info", G_CALLBACK (update_compare_page), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::save-state", G_CALLBACK (update_save_state), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::n-conflicts", G_CALLBACK (update_conflicts), self);
  g_signal_group_connect_swapped (self->session_signals, "conflict", G_CALLBACK (on_conflict_cb), self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_assessment_view_new (void)
{
  return g_object_new (CIRT_TYPE_ASSESSMENT_VIEW, NULL);
}

gboolean
cirt_assessment_view_set_assessment (CirtAssessmentView  *self,
                                     CirtContext         *context,
                                     const char          *id,
                                     GError             **error)
{
  g_autoptr(CirtSession) session = NULL;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (id == NULL || CIRT_IS_CONTEXT (context), FALSE);

  /* What the previous one holds is written first. */
  cirt_assessment_view_flush (self, NULL);
  if (id != NULL && (session = cirt_session_new (context, id, error)) == NULL)
    return FALSE;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  for (PageId p = 0; p < N_PAGES; p++)
    {
      GtkWidget *page = slot_get_page (self->slots[p]);
      if (page != NULL)
        cirt_assessment_page_set_session (CIRT_ASSESSMENT_PAGE (page), session);
    }
  /* An assessment opens on its overview: where it stands, what is missing. */
  self->opening = TRUE;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "overview") == 0)
    ensure_page (self, PAGE_OVERVIEW);
  else
    adw_view_stack_set_visible_child_name (self->stack, "overview");
  self->opening = FALSE;
  update_title (self);
  update_compare_page (self);
  update_save_state (self);
  update_conflicts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  return TRUE;
}

CirtSession *
cirt_assessment_view_get_session (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->session;
}

const char *
cirt_assessment_view_get_assessment_id (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return self->session ? cirt_session_get_id (self->session) : NULL;
}

gboolean
cirt_assessment_view_flush (CirtAssessmentView  *self,
                            GError             **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), FALSE);

  for (PageId p = 0; p < N_PAGES; p++)
    {
      GtkWidget *page = slot_get_page (self->slots[p]);
      g_autoptr(GError) local = NULL;

      if (page == NULL || cirt_assessment_page_flush (CIRT_ASSESSMENT_PAGE (page), &local))
        continue;
      ok = FALSE;
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
    }
  return ok;
}

void
cirt_assessment_view_focus_start (CirtAssessmentView *self)
{
  CirtAssessmentPage *page;

  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));
  if ((page = visible_page (self)) != NULL)
    cirt_assessment_page_focus_start (page);
}

void
cirt_assessment_view_show_page (CirtAssessmentView *self,
                                const char         *name)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
cirt_assessment_view_get_page_name (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

gboolean
cirt_assessment_view_has_page (CirtAssessmentView *self,
                               const char         *name)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), FALSE);

  for (PageId p = 0; p < N_PAGES; p++)
    if (g_strcmp0 (page_names[p], name) == 0)
      return slot_get_page (self->slots[p]) != NULL;
  return FALSE;
}

CirtQuestionnaire *
cirt_assessment_view_get_questionnaire (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_QUESTIONNAIRE (ensure_page (self, PAGE_QUESTIONNAIRE));
}

CirtStakeholdersPage *
cirt_assessment_view_get_stakeholders (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_STAKEHOLDERS_PAGE (ensure_page (self, PAGE_STAKEHOLDERS));
}

CirtTargetsPage *
cirt_assessment_view_get_targets (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_TARGETS_PAGE (ensure_page (self, PAGE_TARGETS));
}

CirtSessionsPage *
cirt_assessment_view_get_sessions (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_SESSIONS_PAGE (ensure_page (self, PAGE_SESSIONS));
}

CirtPlanPage *
cirt_assessment_view_get_plan (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_PLAN_PAGE (ensure_page (self, PAGE_PLAN));
}

CirtFindingsPage *
cirt_assessment_view_get_findings (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_FINDINGS_PAGE (ensure_page (self, PAGE_FINDINGS));
}

CirtReviewPage *
cirt_assessment_view_get_review (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return CIRT_REVIEW_PAGE (ensure_page (self, PAGE_REVIEW));
}

const char *
cirt_assessment_view_get_save_text (CirtAssessmentView *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_VIEW (self), NULL);
  return gtk_label_get_label (self->save_label);
}
