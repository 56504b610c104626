/* cirt-plan-page.c — the mission plan: which stakeholder groups cover which
 * sections, and which sections no planned session covers yet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per section of the assessment's instruments (cirt_mission_plan()):
 * its state as an icon and in words, the groups its questions ask, those
 * the sessions planning it meet, and those sessions. The assessor edits the
 * mapping of sections to sessions here: "Plan in Session" adds the section
 * to a session (or opens the form of a new one planning it), and each
 * session planning it can drop it. Every change goes through the store
 * (cirt_store_update_interview(), with its history). */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-lang.h"
#include "cirt-mission-plan.h"
#include "cirt-plan-page.h"
#include "cirt-session-dialog.h"
#include "cirt-store-sessions.h"

struct _CirtPlanPage {
  GtkWidget             parent_instance;

  /* template widgets */
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *summary_group;
  GtkSwitch            *filter_switch;

  /* owned */
  CirtSession          *session;
  GSignalGroup         *session_signals;
  CirtAssessmentData   *data;           /* what is shown */
  GPtrArray            *groups;         /* AdwPreferencesGroup* added to the page */
  GHashTable           *rows;           /* section id → AdwExpanderRow* shown */
  GHashTable           *expanded;       /* section ids whose row is open */
  char                 *focus_section;  /* the row to give the focus back to after a change */
  guint                 n_uncovered;
  GWeakRef              dialog;
};

static void cirt_plan_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtPlanPage, cirt_plan_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_plan_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static void refresh (CirtPlanPage *self,
                     gboolean      force);

static const CirtLang *
page_lang (CirtPlanPage *self)
{
  return cirt_context_get_lang (cirt_session_get_context (self->session));
}

static const CirtInterview *
find_interview (CirtPlanPage *self,
                const char   *uuid)
{
  for (guint i = 0; self->data != NULL && self->data->interviews != NULL && i < self->data->interviews->len; i++)
    {
      const CirtInterview *iv = g_ptr_array_index (self->data->interviews, i);
      if (g_strcmp0 (iv->id, uuid) == 0)
        return iv;
    }
  return NULL;
}

static char *
group_names (const CirtLang *lang,
             GStrv           groups)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) cirt_lang_group_name (lang, groups[i]));
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  /* translators: between the names of stakeholder groups */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static const char *
state_text (CirtPlanState state)
{
  switch (state)
    {
    case CIRT_PLAN_COVERED:
      return _("Covered");
    case CIRT_PLAN_PLANNED:
      return _("Planned, no group asked is met");
    case CIRT_PLAN_UNPLANNED:
    default:
      return _("Not planned");
    }
}

/* ------------------------------------------------------------------------ */
/* Editing the mapping                                                      */

/* Adds @section to (@add) or removes it from the sections planned by
 * session @uuid, through the store. */
static gboolean
change_plan (CirtPlanPage *self,
             const char   *uuid,
             const char   *section,
             gboolean      add)
{
  const CirtInterview *iv = find_interview (self, uuid);
  g_autoptr(CirtInterview) s = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || iv == NULL)
    return FALSE;
  s = cirt_interview_copy (iv);
  for (guint i = 0; s->sections != NULL && s->sections[i] != NULL; i++)
    if (g_strcmp0 (s->sections[i], section) != 0)
      g_ptr_array_add (sections, g_strdup (s->sections[i]));
  if (add)
    g_ptr_array_add (sections, g_strdup (section));
  g_strfreev (s->sections);
  s->sections = NULL;
  if (sections->len > 0)
    {
      g_ptr_array_add (sections, NULL);
      s->sections = (GStrv) g_ptr_array_steal (sections, NULL);
    }
  g_free (s->author);
  s->author = cirt_context_dup_author (cirt_session_get_context (self->session));
  g_free (self->focus_section);
  self->focus_section = g_strdup (section);
  if (!cirt_store_update_interview (cirt_session_get_store (self->session), cirt_session_get_id (self->session), s,
                                    &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), add ? _("Cannot plan the section in that session")
                                                    : _("Cannot remove the section from that session"), error);
      return FALSE;
    }
  /* Shown now, not after the session's reload. */
  refresh (self, TRUE);
  return TRUE;
}

static void
add_to_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *section, *uuid;

  g_variant_get (parameter, "(&s&s)", &section, &uuid);
  change_plan (CIRT_PLAN_PAGE (widget), uuid, section, TRUE);
}

static void
on_undo_remove_cb (AdwToast     *toast,
                   CirtPlanPage *self)
{
  change_plan (self, g_object_get_data (G_OBJECT (toast), "cirt-session"),
               g_object_get_data (G_OBJECT (toast), "cirt-section"), TRUE);
}

static void
remove_from_session_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (widget);
  const char *section, *uuid;
  const CirtInterview *iv;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *overlay;

  g_variant_get (parameter, "(&s&s)", &section, &uuid);
  if ((iv = find_interview (self, uuid)) == NULL)
    return;
  when = cirt_session_dialog_describe_when (page_lang (self), iv);
  if (!change_plan (self, uuid, section, FALSE))
    return;
  /* translators: toast after a section was taken out of a session's plan, with an Undo button */
  title = g_strdup_printf (_("No longer planned in the session of %s"), when);
  toast = cirt_app_new_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The undo of the last change is the one shown, at once. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "cirt-session", g_strdup (uuid), g_free);
  g_object_set_data_full (G_OBJECT (toast), "cirt-section", g_strdup (section), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove_cb), self, 0);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(CirtInterview) start = cirt_interview_new ();
  GtkWidget *dialog;

  if (self->session == NULL)
    return;
  start->sections = g_new0 (char *, 2);
  start->sections[0] = g_strdup (g_variant_get_string (parameter, NULL));
  g_free (self->focus_section);
  self->focus_section = g_strdup (start->sections[0]);
  dialog = cirt_session_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, start);
  g_weak_ref_set (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The rows                                                                 */

static void
on_expanded_cb (AdwExpanderRow *row,
                GParamSpec     *pspec,
                CirtPlanPage   *self)
{
  const char *section = g_object_get_data (G_OBJECT (row), "cirt-section");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (section));
  else
    g_hash_table_remove (self->expanded, section);
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Read with the row's other children: nothing to do on it. */
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
plan_button (CirtPlanPage          *self,
             const CirtPlanSection *p,
             const char            *section_title)
{
  const CirtLang *lang = page_lang (self);
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sessions = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  /* translators: accessible name of the button planning a section in a session */
  g_autofree char *label = g_strdup_printf (_("Plan %s in a session"), section_title);

  for (guint i = 0; self->data->interviews != NULL && i < self->data->interviews->len; i++)
    {
      const CirtInterview *iv = g_ptr_array_index (self->data->interviews, i);
      g_autofree char *when = NULL;
      g_autofree char *item = NULL;
      g_autoptr(GMenuItem) mi = NULL;

      if (p->sessions != NULL && g_strv_contains ((const char * const *) p->sessions, iv->id))
        continue;
      when = cirt_session_dialog_describe_when (lang, iv);
      /* translators: a session in the "Plan in Session" menu, "2 Mar 2026, 09:00 · Ministry" */
      item = iv->place ? g_strdup_printf (_("%s · %s"), when, iv->place) : g_strdup (when);
      mi = g_menu_item_new (item, NULL);
      g_menu_item_set_action_and_target_value (mi, "plan.add-to-session",
                                               g_variant_new ("(ss)", p->section->id, iv->id));
      g_menu_append_item (sessions, mi);
    }
  {
    g_autoptr(GMenuItem) mi = g_menu_item_new (_("_New Session…"), NULL);
    g_menu_item_set_action_and_target_value (mi, "plan.new-session", g_variant_new_string (p->section->id));
    g_menu_append_item (other, mi);
  }
  if (g_menu_model_get_n_items (G_MENU_MODEL (sessions)) > 0)
    g_menu_append_section (menu, _("Plan in Session"), G_MENU_MODEL (sessions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Plan in Session…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
session_row (CirtPlanPage          *self,
             const CirtPlanSection *p,
             const CirtInterview   *iv,
             const char            *section_title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *when = cirt_session_dialog_describe_when (page_lang (self), iv);
  g_autofree char *people = cirt_session_dialog_describe_people (self->data->stakeholders, iv);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  /* translators: accessible name of the button taking a section out of a session's plan */
  g_autofree char *label = g_strdup_printf (_("Remove %s from the session of %s"), section_title, when);

  if (iv->place && *iv->place)
    g_ptr_array_add (parts, iv->place);
  g_ptr_array_add (parts, people ? people : (char *) _("No stakeholder named"));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* translators: a session planning a section, in its row of the mission plan */
  {
    g_autofree char *title = g_strdup_printf (_("Session of %s"), when);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from This Session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.remove-from-session");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(ss)", p->section->id, iv->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
section_row (CirtPlanPage          *self,
             const CirtPlanSection *p)
{
  const CirtLang *lang = page_lang (self);
  const char *title = cirt_text_get (p->section->title, cirt_lang_get_code (lang));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon;
  g_autofree char *asked = group_names (lang, p->groups);
  g_autofree char *met = group_names (lang, p->groups_met);
  g_autofree char *subtitle = NULL;
  const char *icon_name, *css;

  switch (p->state)
    {
    case CIRT_PLAN_COVERED:
      icon_name = "object-select-symbolic";
      css = "success";
      break;
    case CIRT_PLAN_PLANNED:
      icon_name = "dialog-warning-symbolic";
      css = "warning";
      break;
    case CIRT_PLAN_UNPLANNED:
    default:
      icon_name = "action-unavailable-symbolic";
      css = "error";
      break;
    }
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, css);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    guint n = p->sessions ? g_strv_length (p->sessions) : 0;
    if (n > 0)
      /* translators: the state of a section in the mission plan, and the number of sessions planning it */
      subtitle = g_strdup_printf (ngettext ("%s · in %u session", "%s · in %u sessions", n), state_text (p->state), n);
    else
      subtitle = g_strdup (state_text (p->state));
  }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "cirt-state-text", (gpointer) state_text (p->state));
  g_object_set_data_full (G_OBJECT (row), "cirt-section", g_strdup (p->section->id), g_free);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), plan_button (self, p, title));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            info_row (_("Groups to Ask"),
                                      asked ? asked : _("Its questions name no group: planning it covers it")));
  if (p->groups != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              info_row (_("Groups Met by Planned Sessions"),
                                        met ? met
                                        : p->sessions ? _("None: the sectors of the people present name none of these groups")
                                                      : _("None yet")));
  for (guint i = 0; p->sessions != NULL && p->sessions[i] != NULL; i++)
    {
      const CirtInterview *iv = find_interview (self, p->sessions[i]);
      if (iv != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), session_row (self, p, iv, title));
    }
  if (p->sessions == NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              info_row (_("Sessions"), _("No session plans it yet: use the + button")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, p->section->id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_expanded_cb), self, 0);
  return row;
}

static void
clear_rows (CirtPlanPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->rows);
}

static AdwPreferencesGroup *
add_group (CirtPlanPage *self,
           const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* Shows the plan of the session's data; with @force, even when it is the
 * data shown. */
static void
refresh (CirtPlanPage *self,
         gboolean      force)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  gboolean only_open = gtk_switch_get_active (self->filter_switch);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
  g_autofree char *count = NULL;
  const CirtLang *lang;
  guint n_shown = 0;
  GtkWidget *refocus = NULL;

  if (self->session != NULL)
    {
      data = cirt_session_get_data (self->session, &error);
      if (data == NULL)
        cirt_app_report_error (GTK_WIDGET (self), _("Cannot read the mission plan"), error);
    }
  if (!force && data != NULL && data == self->data)
    return;
  clear_rows (self);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  self->n_uncovered = 0;
  if (data == NULL)
    {
      adw_preferences_group_set_title (self->summary_group, "");
      return;
    }
  /* After a change of this page the session's data is not reloaded yet: the
   * plan is read from the store at once. */
  if (force)
    {
      data = cirt_assessment_data_load (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                                        CIRT_LOAD_STAKEHOLDERS, &error);
      if (data == NULL)
        {
          cirt_app_report_error (GTK_WIDGET (self), _("Cannot read the mission plan"), error);
          return;
        }
      self->data = data;
    }
  else
    self->data = cirt_assessment_data_ref (data);
  lang = page_lang (self);
  plan = cirt_mission_plan (self->data->instruments, self->data->stakeholders, self->data->interviews);
  for (guint i = 0; i < plan->len; i++)
    if (((CirtPlanSection *) g_ptr_array_index (plan, i))->state != CIRT_PLAN_COVERED)
      self->n_uncovered++;

  for (guint i = 0; i < self->data->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (self->data->instruments, i);
      AdwPreferencesGroup *group = NULL;

      for (guint k = 0; k < plan->len; k++)
        {
          CirtPlanSection *p = g_ptr_array_index (plan, k);
          GtkWidget *row;

          if (p->section->instrument != (gpointer) inst || (only_open && p->state == CIRT_PLAN_COVERED))
            continue;
          if (group == NULL)
            group = add_group (self, cirt_instrument_get_title (inst, cirt_lang_get_code (lang)));
          row = section_row (self, p);
          adw_preferences_group_add (group, row);
          g_hash_table_insert (self->rows, g_strdup (p->section->id), row);
          if (g_strcmp0 (p->section->id, self->focus_section) == 0)
            refocus = row;
          n_shown++;
        }
    }
  if (n_shown == 0)
    {
      AdwPreferencesGroup *group = add_group (self, NULL);
      adw_preferences_group_add (group, info_row (_("Nothing left to plan"),
                                                  _("Every section is covered by a planned session")));
    }

  if (self->n_uncovered == 0)
    count = g_strdup (_("Every section is covered by a planned session"));
  else
    count = g_strdup_printf (ngettext ("%u section not covered by a planned session yet",
                                       "%u sections not covered by a planned session yet", self->n_uncovered),
                             self->n_uncovered);
  adw_preferences_group_set_title (self->summary_group, count);
  /* The row the assessor worked on keeps the focus its button had. */
  if (had_focus && refocus != NULL)
    gtk_widget_grab_focus (refocus);
  else if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_switch));
}

static void
on_filter_cb (CirtPlanPage *self)
{
  refresh (self, TRUE);
}

static void
on_data_cb (CirtPlanPage *self)
{
  /* Hidden, it waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self, FALSE);
}

static void
cirt_plan_page_focus_start (CirtAssessmentPage *page)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_switch));
}

static void
cirt_plan_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_plan_page_focus_start;
}

static void
cirt_plan_page_map (GtkWidget *widget)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_plan_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  refresh (self, FALSE);
}

static void
cirt_plan_page_unmap (GtkWidget *widget)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_plan_page_parent_class)->unmap (widget);
}

static void
cirt_plan_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (object);

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
cirt_plan_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          g_hash_table_remove_all (self->expanded);
          g_clear_pointer (&self->focus_section, g_free);
          clear_rows (self);
          g_clear_pointer (&self->data, cirt_assessment_data_unref);
          if (self->session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
            refresh (self, FALSE);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_plan_page_dispose (GObject *object)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_weak_ref_set (&self->dialog, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_PLAN_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->focus_section, g_free);

  G_OBJECT_CLASS (cirt_plan_page_parent_class)->dispose (object);
}

static void
cirt_plan_page_finalize (GObject *object)
{
  CirtPlanPage *self = CIRT_PLAN_PAGE (object);

  g_weak_ref_clear (&self->dialog);
  G_OBJECT_CLASS (cirt_plan_page_parent_class)->finalize (object);
}

static void
cirt_plan_page_class_init (CirtPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_plan_page_dispose;
  object_class->finalize = cirt_plan_page_finalize;
  object_class->get_property = cirt_plan_page_get_property;
  object_class->set_property = cirt_plan_page_set_property;
  widget_class->map = cirt_plan_page_map;
  widget_class->unmap = cirt_plan_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtPlanPage, page);
  gtk_widget_class_bind_template_child (widget_class, CirtPlanPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CirtPlanPage, filter_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-to-session", "(ss)", add_to_session_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-from-session", "(ss)", remove_from_session_action);
  gtk_widget_class_install_action (widget_class, "plan.new-session", "s", new_session_action);
}

static void
cirt_plan_page_init (CirtPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->dialog, NULL);
  self->groups = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
}

GtkWidget *
cirt_plan_page_new (void)
{
  return g_object_new (CIRT_TYPE_PLAN_PAGE, NULL);
}

guint
cirt_plan_page_get_n_uncovered (CirtPlanPage *self)
{
  g_return_val_if_fail (CIRT_IS_PLAN_PAGE (self), 0);
  return self->n_uncovered;
}

const char *
cirt_plan_page_get_state_text (CirtPlanPage *self,
                               const char   *section)
{
  GObject *row;

  g_return_val_if_fail (CIRT_IS_PLAN_PAGE (self), NULL);
  row = g_hash_table_lookup (self->rows, section);
  return row ? g_object_get_data (row, "cirt-state-text") : NULL;
}

GtkWindow *
cirt_plan_page_get_dialog (CirtPlanPage *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (CIRT_IS_PLAN_PAGE (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? dialog : NULL;
}
