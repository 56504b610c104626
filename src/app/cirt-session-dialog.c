/* cirt-session-dialog.c — adds or edits one interview session of the mission
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-session-dialog.h"
#include "cirt-store-sessions.h"

struct _CirtSessionDialog {
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *assessors_row;
  GtkListBox     *stakeholders_list;
  GtkListBox     *sections_list;
  GtkTextView    *notes_view;
  GtkLabel       *message_label;

  /* owned */
  CirtSession    *session;
  char           *interview_id;        /* NULL: new */
  GPtrArray      *stakeholder_checks;  /* GtkCheckButton*, "cirt-uuid" set */
  GPtrArray      *section_checks;      /* GtkCheckButton*, "cirt-section" set */
  GPtrArray      *kept_sections;       /* char*: planned, in no instrument shown (kept as they are) */
};

G_DEFINE_FINAL_TYPE (CirtSessionDialog, cirt_session_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------------ */
/* Shared descriptions                                                      */

GStrv
cirt_session_dialog_split_names (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      gboolean seen = FALSE;

      if (*name == '\0')
        continue;
      for (guint k = 0; k < names->len && !seen; k++)
        seen = strcmp (g_ptr_array_index (names, k), name) == 0;
      if (!seen)
        g_ptr_array_add (names, g_strdup (name));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

char *
cirt_session_dialog_describe_when (const CirtLang      *lang,
                                   const CirtInterview *interview)
{
  g_autofree char *day = cirt_lang_format_date_short (lang, interview->date);

  if (interview->start_time && interview->end_time)
    /* translators: a session's day and times, "2 Mar 2026, 09:00–10:30" */
    return g_strdup_printf (_("%s, %s–%s"), day, interview->start_time, interview->end_time);
  if (interview->start_time)
    /* translators: a session's day and start time, "2 Mar 2026, 09:00" */
    return g_strdup_printf (_("%s, %s"), day, interview->start_time);
  return g_steal_pointer (&day);
}

static const CirtStakeholder *
find_stakeholder (GPtrArray  *stakeholders,
                  const char *uuid)
{
  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      if (s->uuid != NULL && g_ascii_strcasecmp (s->uuid, uuid) == 0)
        return s;
    }
  return NULL;
}

char *
cirt_session_dialog_describe_people (GPtrArray           *stakeholders,
                                     const CirtInterview *interview)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; interview->stakeholders != NULL && interview->stakeholders[i] != NULL; i++)
    {
      const CirtStakeholder *s = find_stakeholder (stakeholders, interview->stakeholders[i]);

      if (s == NULL)
        /* translators: a stakeholder a session names, deleted since */
        g_ptr_array_add (parts, g_strdup (_("(removed)")));
      else if (s->organisation && *s->organisation)
        /* translators: a stakeholder present, "Name (Organisation)" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s (%s)"), s->name, s->organisation));
      else
        g_ptr_array_add (parts, g_strdup (s->name));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* translators: between the stakeholders present in a session */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* ------------------------------------------------------------------------ */
/* The form                                                                 */

static char *
field (AdwEntryRow *row)
{
  char *s = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static void
mark (AdwEntryRow *row,
      gboolean     ok)
{
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* Why the form cannot be saved as it is, NULL when it can. */
static const char *
problem (CirtSessionDialog *self)
{
  g_autofree char *date = field (self->date_row);
  g_autofree char *start = field (self->start_row);
  g_autofree char *end = field (self->end_row);
  gboolean date_ok = date != NULL && cirt_interview_date_is_valid (date);
  gboolean start_ok = start == NULL || cirt_interview_time_is_valid (start);
  gboolean end_ok = end == NULL || cirt_interview_time_is_valid (end);

  mark (self->date_row, date_ok || date == NULL);
  mark (self->start_row, start_ok);
  mark (self->end_row, end_ok);
  if (date == NULL)
    return _("A session needs a date.");
  if (!date_ok)
    return _("Write the date as YYYY-MM-DD, e.g. 2026-03-02.");
  if (!start_ok || !end_ok)
    return _("Write the times as HH:MM, e.g. 09:30, or leave them empty.");
  if (end != NULL && start == NULL)
    return _("An end time needs a start time.");
  if (end != NULL && strcmp (end, start) < 0)
    {
      mark (self->end_row, FALSE);
      return _("The session cannot end before it starts.");
    }
  return NULL;
}

static void
on_changed_cb (CirtSessionDialog *self)
{
  const char *why = problem (self);

  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_label_set_label (self->message_label, why ? why : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", why == NULL);
}

static void
on_day_selected_cb (CirtSessionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
}

static GStrv
checked (GPtrArray  *checks,
         const char *key,
         GPtrArray  *kept)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_ptr_array_add (ids, g_strdup (g_object_get_data (g_ptr_array_index (checks, i), key)));
  for (guint i = 0; kept != NULL && i < kept->len; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (kept, i)));
  if (ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtSessionDialog *self = CIRT_SESSION_DIALOG (widget);
  g_autoptr(CirtInterview) s = cirt_interview_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *assessors = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  CirtStore *store = cirt_session_get_store (self->session);
  const char *id = cirt_session_get_id (self->session);
  GtkTextIter start, end;
  gboolean ok;

  if (problem (self) != NULL)
    return;
  s->id = g_strdup (self->interview_id);
  s->date = field (self->date_row);
  s->start_time = field (self->start_row);
  s->end_time = field (self->end_row);
  s->place = field (self->place_row);
  assessors = field (self->assessors_row);
  s->assessors = cirt_session_dialog_split_names (assessors);
  s->stakeholders = checked (self->stakeholder_checks, "cirt-uuid", NULL);
  s->sections = checked (self->section_checks, "cirt-section", self->kept_sections);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  s->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*s->notes == '\0')
    g_clear_pointer (&s->notes, g_free);
  s->author = cirt_context_dup_author (cirt_session_get_context (self->session));
  if (self->interview_id == NULL)
    {
      g_autofree char *uuid = cirt_store_add_interview (store, id, s, &error);
      ok = uuid != NULL;
    }
  else
    ok = cirt_store_update_interview (store, id, s, &error);
  if (!ok)
    {
      /* Stays open with everything typed: nothing is lost. */
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* The lead assessor and the assessors of the assessment. */
static char *
whole_team (CirtSessionDialog *self)
{
  const CirtAssessmentInfo *info = cirt_session_get_info (self->session);
  g_autofree char *all = g_strjoin (",", info->lead_assessor ? info->lead_assessor : "",
                                    info->assessors ? info->assessors : "", NULL);
  g_auto(GStrv) names = cirt_session_dialog_split_names (all);

  return names ? g_strjoinv (", ", names) : NULL;
}

static void
whole_team_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CirtSessionDialog *self = CIRT_SESSION_DIALOG (widget);
  g_autofree char *team = whole_team (self);

  gtk_editable_set_text (GTK_EDITABLE (self->assessors_row), team ? team : "");
}

/* A row of a checkable list: the check box is its prefix and what
 * activating the row toggles. */
static GtkWidget *
check_row (const char *title,
           const char *subtitle,
           gboolean    active,
           GtkWidget **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = check;
  return row;
}

static void
fill_stakeholders (CirtSessionDialog   *self,
                   GPtrArray           *stakeholders,
                   const CirtInterview *interview)
{
  const GStrv present = interview ? interview->stakeholders : NULL;
  guint n = 0;

  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      gboolean active = FALSE;
      GtkWidget *check;

      if (s->uuid == NULL)
        continue;
      for (guint k = 0; present != NULL && present[k] != NULL && !active; k++)
        active = g_ascii_strcasecmp (present[k], s->uuid) == 0;
      if (s->organisation && *s->organisation)
        g_ptr_array_add (parts, s->organisation);
      if (s->sector && *s->sector)
        g_ptr_array_add (parts, s->sector);
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);
      gtk_list_box_append (self->stakeholders_list, check_row (s->name, subtitle, active, &check));
      g_object_set_data_full (G_OBJECT (check), "cirt-uuid", g_strdup (s->uuid), g_free);
      g_ptr_array_add (self->stakeholder_checks, check);
      n++;
    }
  /* Someone deleted from the stakeholders since stays present (the store
   * keeps a reference it had), until unticked. */
  for (guint k = 0; present != NULL && present[k] != NULL; k++)
    {
      GtkWidget *check;

      if (find_stakeholder (stakeholders, present[k]) != NULL)
        continue;
      gtk_list_box_append (self->stakeholders_list,
                           check_row (_("Removed stakeholder"), _("No longer in the stakeholders of the assessment"),
                                      TRUE, &check));
      g_object_set_data_full (G_OBJECT (check), "cirt-uuid", g_strdup (present[k]), g_free);
      g_ptr_array_add (self->stakeholder_checks, check);
      n++;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No stakeholders recorded yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add them on the Stakeholders page (Alt+3)"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->stakeholders_list, row);
    }
}

static void
fill_sections (CirtSessionDialog   *self,
               const CirtLang      *lang,
               const CirtInterview *interview)
{
  GPtrArray *instruments = cirt_session_get_instruments (self->session);
  const GStrv planned = interview ? interview->sections : NULL;
  const char *code = cirt_lang_get_code (lang);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; instruments != NULL && i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (int p = 0; p < CIRT_N_PILLARS; p++)
        {
          GtkWidget *expander = NULL;

          for (guint n = 0; n < cirt_instrument_get_n_sections (inst); n++)
            {
              const CirtSection *sec = cirt_instrument_get_section (inst, n);
              gboolean active;
              GtkWidget *check, *row;

              if ((int) sec->pillar != p)
                continue;
              if (expander == NULL)
                {
                  expander = adw_expander_row_new ();
                  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
                  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                                 cirt_lang_pillar_title (lang, (CirtPillar) p));
                  if (instruments->len > 1)
                    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                                   cirt_instrument_get_title (inst, code));
                  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
                  gtk_list_box_append (self->sections_list, expander);
                }
              active = planned != NULL && g_strv_contains ((const char * const *) planned, sec->id);
              row = check_row (cirt_text_get (sec->title, code), sec->id, active, &check);
              g_object_set_data (G_OBJECT (check), "cirt-section", sec->id);
              g_ptr_array_add (self->section_checks, check);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
              g_hash_table_add (shown, sec->id);
            }
        }
    }
  for (guint k = 0; planned != NULL && planned[k] != NULL; k++)
    if (!g_hash_table_contains (shown, planned[k]))
      g_ptr_array_add (self->kept_sections, g_strdup (planned[k]));
}

static void
cirt_session_dialog_dispose (GObject *object)
{
  CirtSessionDialog *self = CIRT_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_SESSION_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stakeholder_checks, g_ptr_array_unref);
  g_clear_pointer (&self->section_checks, g_ptr_array_unref);
  g_clear_pointer (&self->kept_sections, g_ptr_array_unref);
  G_OBJECT_CLASS (cirt_session_dialog_parent_class)->dispose (object);
}

static void
cirt_session_dialog_finalize (GObject *object)
{
  CirtSessionDialog *self = CIRT_SESSION_DIALOG (object);

  g_free (self->interview_id);
  G_OBJECT_CLASS (cirt_session_dialog_parent_class)->finalize (object);
}

static void
cirt_session_dialog_class_init (CirtSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_session_dialog_dispose;
  object_class->finalize = cirt_session_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, assessors_row);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, stakeholders_list);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CirtSessionDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.whole-team", NULL, whole_team_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "session.save", NULL);
}

static void
cirt_session_dialog_init (CirtSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  self->stakeholder_checks = g_ptr_array_new ();
  self->section_checks = g_ptr_array_new ();
  self->kept_sections = g_ptr_array_new_with_free_func (g_free);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

GtkWidget *
cirt_session_dialog_new (GtkWindow           *parent,
                         CirtSession         *session,
                         const CirtInterview *interview)
{
  CirtSessionDialog *self;
  const CirtLang *lang;
  CirtAssessmentData *data;

  g_return_val_if_fail (CIRT_IS_SESSION (session), NULL);

  self = g_object_new (CIRT_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  lang = cirt_context_get_lang (cirt_session_get_context (session));
  data = cirt_session_get_data (session, NULL);
  if (interview != NULL && interview->id != NULL)
    {
      g_autofree char *assessors = interview->assessors ? g_strjoinv (", ", interview->assessors) : NULL;

      self->interview_id = g_strdup (interview->id);
      set_entry (self->date_row, interview->date);
      set_entry (self->start_row, interview->start_time);
      set_entry (self->end_row, interview->end_time);
      set_entry (self->place_row, interview->place);
      set_entry (self->assessors_row, assessors);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), interview->notes ? interview->notes : "", -1);
      adw_window_title_set_title (self->window_title, _("Edit Session"));
    }
  else
    {
      /* A new session: today, with the whole team, unless given. */
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autofree char *text = g_date_time_format (today, "%Y-%m-%d");
      g_autofree char *team = whole_team (self);

      set_entry (self->date_row, interview && interview->date ? interview->date : text);
      set_entry (self->start_row, interview ? interview->start_time : NULL);
      set_entry (self->end_row, interview ? interview->end_time : NULL);
      set_entry (self->place_row, interview ? interview->place : NULL);
      set_entry (self->assessors_row, team);
      adw_window_title_set_title (self->window_title, _("New Session"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }
  fill_stakeholders (self, data ? data->stakeholders : NULL, interview);
  fill_sections (self, lang, interview);
  on_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  return GTK_WIDGET (self);
}
