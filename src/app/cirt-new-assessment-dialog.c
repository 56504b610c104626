/* cirt-new-assessment-dialog.c — creates an assessment, or a follow-up of one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "cirt-app-util.h"
#include "cirt-countries.h"
#include "cirt-lang.h"
#include "cirt-new-assessment-dialog.h"

struct _CirtNewAssessmentDialog {
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *create_button;
  AdwPreferencesGroup *details_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *country_row;
  AdwActionRow        *country_list_row;
  GtkDropDown         *country_dropdown;
  AdwComboRow         *region_row;
  AdwEntryRow         *organisation_row;
  AdwComboRow         *phase_row;
  AdwEntryRow         *lead_row;
  AdwPreferencesGroup *instruments_group;
  GtkLabel            *message_label;

  /* owned */
  CirtContext         *context;
  CirtStore           *store;      /* the context's */
  char                *baseline_id;
  GPtrArray           *instruments;    /* CirtInstrument*, one per check */
  GPtrArray           *checks;         /* GtkCheckButton*, borrowed */

  GPtrArray           *country_codes;  /* char*, one per item of the country list after "none" */

  gboolean             title_touched;
  gboolean             country_touched;
  gboolean             syncing_country;
};

G_DEFINE_FINAL_TYPE (CirtNewAssessmentDialog, cirt_new_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
field (AdwEntryRow *row)
{
  char *s = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static guint
n_checked (CirtNewAssessmentDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      n++;
  return n;
}

static void
validate (CirtNewAssessmentDialog *self)
{
  g_autofree char *title = field (self->title_row);
  g_autofree char *country = field (self->country_row);
  guint instruments = n_checked (self);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  /* Red only once the assessor has been there: no shouting at an empty form. */
  if (title == NULL && self->title_touched)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  if (country == NULL && self->country_touched)
    gtk_widget_add_css_class (GTK_WIDGET (self->country_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->country_row), "error");

  if (title == NULL)
    g_ptr_array_add (missing, _("a title"));
  if (country == NULL)
    g_ptr_array_add (missing, _("the country"));
  if (instruments == 0)
    g_ptr_array_add (missing, _("at least one instrument"));

  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  if (missing->len == 0)
    gtk_label_set_label (self->message_label, "");
  else
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (_(", "), (char **) missing->pdata);
      /* translators: what the New assessment form still needs, e.g. "To create it, give a title, the country" */
      text = g_strdup_printf (_("To create it, give %s."), list);
      gtk_label_set_label (self->message_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", missing->len == 0);
}

static void
on_title_changed_cb (CirtNewAssessmentDialog *self)
{
  self->title_touched = TRUE;
  validate (self);
}

/* ------------------------------------------------------------------------ */
/* The country: free text, a searchable list, the region                     */

/* Index in the country list of @code (0: "no country from the list"). */
static guint
country_index (CirtNewAssessmentDialog *self,
               const char              *code)
{
  for (guint i = 0; code != NULL && i < self->country_codes->len; i++)
    if (strcmp (g_ptr_array_index (self->country_codes, i), code) == 0)
      return i + 1;
  return 0;
}

static const CirtCountry *
picked_country (CirtNewAssessmentDialog *self)
{
  guint picked = gtk_drop_down_get_selected (self->country_dropdown);

  if (picked == 0 || picked == GTK_INVALID_LIST_POSITION || picked > self->country_codes->len)
    return NULL;
  return cirt_country_lookup (g_ptr_array_index (self->country_codes, picked - 1));
}

/* The region row: 0 none, then the six regions in ITU's order. */
static void
set_region (CirtNewAssessmentDialog *self,
            const char              *region)
{
  CirtRegion r;

  adw_combo_row_set_selected (self->region_row,
                              region != NULL && cirt_region_from_string (region, &r) ? (guint) r + 1 : 0);
}

static void
on_country_changed_cb (CirtNewAssessmentDialog *self)
{
  g_autofree char *text = field (self->country_row);
  const CirtCountry *country = text ? cirt_country_find_by_name (text) : NULL;

  self->country_touched = TRUE;
  validate (self);
  if (self->syncing_country)
    return;
  /* A name the list knows picks it (and its region); another name is a
   * country not in the list, whose region the assessor chooses. */
  self->syncing_country = TRUE;
  gtk_drop_down_set_selected (self->country_dropdown, country ? country_index (self, country->code) : 0);
  if (country != NULL)
    set_region (self, country->region);
  self->syncing_country = FALSE;
}

static void
on_country_picked_cb (CirtNewAssessmentDialog *self)
{
  const CirtCountry *country = picked_country (self);
  const CirtLang *lang = cirt_context_get_lang (self->context);

  if (self->syncing_country || country == NULL)
    return;
  self->syncing_country = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), cirt_lang_country_name (lang, country->code));
  set_region (self, country->region);
  self->syncing_country = FALSE;
}

typedef struct {
  char       *key;
  const char *code;
  const char *name;
} CountryItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const CountryItem *) a)->key, ((const CountryItem *) b)->key);
}

/* The list, sorted by name in the interface's language: "Kenya (KE)". */
static void
fill_country_list (CirtNewAssessmentDialog *self)
{
  const CirtLang *lang = cirt_context_get_lang (self->context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (CountryItem));
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;

  for (guint i = 0; i < cirt_country_get_n (); i++)
    {
      const CirtCountry *c = cirt_country_get_nth (i);
      CountryItem item = { NULL, c->code, cirt_lang_country_name (lang, c->code) };

      item.key = g_utf8_collate_key (item.name, -1);
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_items);
  gtk_string_list_append (names, _("None (a country not in the list)"));
  for (guint i = 0; i < items->len; i++)
    {
      CountryItem *item = &g_array_index (items, CountryItem, i);
      /* translators: a country in the New assessment form's list, "Kenya (KE)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), item->name, item->code);

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->country_codes, g_strdup (item->code));
      g_free (item->key);
    }
  cirt_app_name_drop_down (self->country_dropdown, _("Country in the list"));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->country_dropdown, expression);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (names));

  gtk_string_list_append (regions, _("None"));
  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    gtk_string_list_append (regions, cirt_lang_region_name (lang, cirt_region_to_string (r)));
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtNewAssessmentDialog *self = CIRT_NEW_ASSESSMENT_DIALOG (widget);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char * const *phases = cirt_mission_phases ();
  guint phase = adw_combo_row_get_selected (self->phase_row);

  if (!cirt_new_assessment_dialog_can_create (self))
    return;
  info->title = field (self->title_row);
  info->country = field (self->country_row);
  {
    const CirtCountry *country = picked_country (self);
    guint region = adw_combo_row_get_selected (self->region_row);

    info->country_code = country ? g_strdup (country->code) : NULL;
    info->region = region >= 1 && region <= CIRT_N_REGIONS ? g_strdup (cirt_region_to_string (region - 1)) : NULL;
  }
  info->organisation = field (self->organisation_row);
  info->lead_assessor = field (self->lead_row);
  info->phase = g_strdup (phase < g_strv_length ((char **) phases) ? phases[phase] : "assessment");
  info->baseline = g_strdup (self->baseline_id);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (self->instruments, i)));

  id = cirt_store_create_assessment (self->store, info, chosen, &error);
  if (id == NULL)
    {
      /* Stays open with everything filled in. */
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_instrument_row (CirtNewAssessmentDialog *self,
                    CirtInstrument          *inst,
                    gboolean                 fixed)
{
  const char *lang = cirt_context_get_language (self->context);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  const char *description = cirt_instrument_get_description (inst, lang);

  /* translators: an instrument in the New assessment form, "gca-pillars 1.0.0 · 52 questions" */
  subtitle = g_strdup_printf (ngettext ("%s %s · %u question", "%s %s · %u questions",
                                        cirt_instrument_get_n_questions (inst)),
                              cirt_instrument_get_id (inst), cirt_instrument_get_version (inst),
                              cirt_instrument_get_n_questions (inst));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cirt_instrument_get_title (inst, lang));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (description != NULL)
    gtk_widget_set_tooltip_text (row, description);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cirt_instrument_get_title (inst, lang), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (fixed)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_sensitive (row, FALSE);
    }
  g_signal_connect_object (check, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->instruments_group, row);
  g_ptr_array_add (self->instruments, g_object_ref (inst));
  g_ptr_array_add (self->checks, check);
}

static void
cirt_new_assessment_dialog_dispose (GObject *object)
{
  CirtNewAssessmentDialog *self = CIRT_NEW_ASSESSMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_NEW_ASSESSMENT_DIALOG);
  self->store = NULL;
  g_clear_object (&self->context);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (cirt_new_assessment_dialog_parent_class)->dispose (object);
}

static void
cirt_new_assessment_dialog_finalize (GObject *object)
{
  CirtNewAssessmentDialog *self = CIRT_NEW_ASSESSMENT_DIALOG (object);

  g_free (self->baseline_id);
  G_OBJECT_CLASS (cirt_new_assessment_dialog_parent_class)->finalize (object);
}

static void
cirt_new_assessment_dialog_class_init (CirtNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_new_assessment_dialog_dispose;
  object_class->finalize = cirt_new_assessment_dialog_finalize;

  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, country_list_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, phase_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, instruments_group);
  gtk_widget_class_bind_template_child (widget_class, CirtNewAssessmentDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_country_picked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
}

static void
cirt_new_assessment_dialog_init (CirtNewAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->instruments = g_ptr_array_new_with_free_func (g_object_unref);
  self->checks = g_ptr_array_new ();
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
}

GtkWidget *
cirt_new_assessment_dialog_new (GtkWindow   *parent,
                                CirtContext *context,
                                const char  *baseline_id)
{
  CirtNewAssessmentDialog *self;
  CirtStore *store;
  g_autofree char *lead = NULL;

  g_return_val_if_fail (CIRT_IS_CONTEXT (context), NULL);

  self = g_object_new (CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = store = cirt_context_get_store (context);
  self->baseline_id = g_strdup (baseline_id);
  fill_country_list (self);

  lead = g_settings_get_string (cirt_context_get_settings (context), "assessor-name");
  g_strstrip (lead);
  if (*lead == '\0' && g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    {
      g_free (lead);
      lead = g_strdup (g_get_real_name ());
    }
  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), lead);

  if (baseline_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtAssessmentInfo) base = cirt_store_get_assessment (store, baseline_id, &error);
      g_autoptr(GPtrArray) instruments = base ? cirt_store_get_instruments (store, baseline_id, &error) : NULL;

      adw_window_title_set_title (self->window_title, _("New Follow-up Assessment"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Follow-up Assessment"));
      if (instruments == NULL)
        {
          gtk_label_set_label (self->message_label, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
        }
      else
        {
          g_autofree char *title = g_strdup_printf (_("%s — Follow-up"), base->title);
          g_autofree char *description =
            g_strdup_printf (_("Follows up “%s”: the same instruments, so the two can be compared."), base->title);
          const char * const *phases = cirt_mission_phases ();

          gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
          gtk_editable_set_text (GTK_EDITABLE (self->country_row), base->country);
          /* The follow-up keeps what the assessment it follows has, even a
           * region chosen by hand. */
          self->syncing_country = TRUE;
          gtk_drop_down_set_selected (self->country_dropdown, country_index (self, base->country_code));
          set_region (self, base->region);
          self->syncing_country = FALSE;
          gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), base->organisation ? base->organisation : "");
          for (guint i = 0; phases[i]; i++)
            if (g_strcmp0 (phases[i], base->phase) == 0)
              adw_combo_row_set_selected (self->phase_row, i);
          adw_preferences_group_set_description (self->details_group, description);
          adw_preferences_group_set_description (self->instruments_group,
                                                 _("A follow-up uses the instruments of the assessment it follows up, as they were stored then."));
          for (guint i = 0; i < instruments->len; i++)
            add_instrument_row (self, g_ptr_array_index (instruments, i), TRUE);
        }
    }
  else
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) available = cirt_instrument_list_available (problems);

      for (guint i = 0; i < available->len; i++)
        add_instrument_row (self, g_ptr_array_index (available, i), FALSE);
      if (available->len == 1)
        gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
      if (available->len == 0)
        {
          g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cirt-assess", "instruments", NULL);
          g_autofree char *text = g_strdup_printf (_("No instrument was found. Put instrument files (JSON) in %s."), dir);
          adw_preferences_group_set_description (self->instruments_group, text);
        }
      if (problems->len > 0)
        {
          g_autofree char *joined = NULL;
          g_autofree char *text = NULL;

          g_ptr_array_add (problems, NULL);
          joined = g_strjoinv ("\n", (char **) problems->pdata);
          text = g_strdup_printf (_("Instrument files that could not be read:\n%s"), joined);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->instruments_group), text);
        }
    }
  self->title_touched = FALSE;
  self->country_touched = FALSE;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

GtkCheckButton *
cirt_new_assessment_dialog_get_instrument_check (CirtNewAssessmentDialog *self,
                                                 const char              *instrument_id)
{
  g_return_val_if_fail (CIRT_IS_NEW_ASSESSMENT_DIALOG (self), NULL);

  for (guint i = 0; i < self->instruments->len; i++)
    if (g_strcmp0 (cirt_instrument_get_id (g_ptr_array_index (self->instruments, i)), instrument_id) == 0)
      return g_ptr_array_index (self->checks, i);
  return NULL;
}

gboolean
cirt_new_assessment_dialog_can_create (CirtNewAssessmentDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *country = NULL;

  g_return_val_if_fail (CIRT_IS_NEW_ASSESSMENT_DIALOG (self), FALSE);
  title = field (self->title_row);
  country = field (self->country_row);
  return title != NULL && country != NULL && n_checked (self) > 0;
}
