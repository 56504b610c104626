/* cirt-questionnaire.c — the sections of an assessment and its question page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-assessment-page.h"
#include "cirt-questionnaire.h"

typedef struct {
  const CirtSection *section;
  CirtInstrument    *instrument;   /* borrowed from self->instruments */
  guint              first;        /* its first question in self->questions */
  guint              n_questions;
  guint              n_answered;
  guint              n_flagged;
  GtkListBoxRow     *row;
  GtkLabel          *count_label;
  GtkWidget         *flag_icon;
} SectionEntry;

struct _CirtQuestionnaire {
  GtkWidget           parent_instance;

  /* template widgets */
  AdwFlap            *flap;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListBox         *section_list;
  GtkListView        *results_view;
  CirtQuestionPage   *page;
  GtkLabel           *position_label;

  /* owned */
  CirtSession        *session;
  GSignalGroup       *session_signals;
  GPtrArray          *instruments;     /* CirtInstrument* */
  GPtrArray          *questions;       /* const CirtQuestion*, walk order */
  GArray             *question_section;/* guint: index into sections, per question */
  GArray             *sections;        /* SectionEntry */
  GHashTable         *index_by_id;     /* question id → index + 1 */
  GtkStringList      *result_strings;  /* "ID text" per question */
  GtkStringFilter    *result_filter;
  GtkFilterListModel *results;

  /* state */
  guint               current;
  gboolean            user_hid_flap;
};

static void cirt_questionnaire_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtQuestionnaire, cirt_questionnaire, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE,
                                                      cirt_questionnaire_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

/* The language of instrument texts. */
static const char *
language (CirtQuestionnaire *self)
{
  return cirt_context_get_language (cirt_session_get_context (self->session));
}

static const CirtAnswer *
answer_of (CirtQuestionnaire *self,
           guint              index)
{
  const CirtQuestion *q = g_ptr_array_index (self->questions, index);
  return cirt_session_get_answer (self->session, q->id);
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                 */

static SectionEntry *
section_of (CirtQuestionnaire *self,
            guint              index)
{
  return &g_array_index (self->sections, SectionEntry, g_array_index (self->question_section, guint, index));
}

static void
update_section_row (CirtQuestionnaire *self,
                    SectionEntry      *e)
{
  g_autofree char *count = g_strdup_printf ("%u/%u", e->n_answered, e->n_questions);
  const char *title = cirt_text_get (e->section->title, language (self));
  /* translators: accessible name of a section, "Cybercrime law, 3 of 5 answered" */
  g_autofree char *accessible = g_strdup_printf (_("%s, %u of %u answered"), title, e->n_answered, e->n_questions);

  gtk_label_set_label (e->count_label, count);
  if (e->n_answered == e->n_questions)
    gtk_widget_add_css_class (GTK_WIDGET (e->count_label), "cirt-complete");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (e->count_label), "cirt-complete");
  gtk_widget_set_visible (e->flag_icon, e->n_flagged > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_progress (CirtQuestionnaire *self)
{
  guint answered = 0, total = self->questions ? self->questions->len : 0;
  g_autofree char *text = NULL;

  for (guint i = 0; self->sections && i < self->sections->len; i++)
    answered += g_array_index (self->sections, SectionEntry, i).n_answered;
  /* translators: overall progress of the questionnaire */
  text = g_strdup_printf (ngettext ("%u of %u question answered", "%u of %u questions answered", total),
                          answered, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) answered / total : 0);
}

static void
count_answer (CirtQuestionnaire *self,
              guint              index,
              const CirtAnswer  *answer,
              int                sign)
{
  SectionEntry *e = section_of (self, index);

  if (answer == NULL)
    return;
  if (cirt_answer_is_answered (answer))
    e->n_answered += sign;
  if (answer->flagged)
    e->n_flagged += sign;
}

static void
update_position (CirtQuestionnaire *self)
{
  g_autofree char *text = NULL;
  guint n = self->questions ? self->questions->len : 0;

  if (n == 0)
    {
      gtk_label_set_label (self->position_label, "");
      return;
    }
  /* translators: position in the questionnaire, "Question 12 of 52" */
  text = g_strdup_printf (_("Question %u of %u"), self->current + 1, n);
  gtk_label_set_label (self->position_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.next", self->current + 1 < n);
}

/* ------------------------------------------------------------------------ */
/* Navigation                                                               */

static gboolean
flush_page (CirtQuestionnaire *self)
{
  g_autoptr(GError) error = NULL;

  if (!cirt_question_page_flush (self->page, &error))
    {
      cirt_app_show_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
show_question (CirtQuestionnaire *self,
               guint              index,
               gboolean           focus)
{
  const CirtQuestion *q;
  SectionEntry *e;

  if (self->questions == NULL || index >= self->questions->len)
    return;
  flush_page (self);
  self->current = index;
  q = g_ptr_array_index (self->questions, index);
  cirt_question_page_bind (self->page, q, cirt_session_get_answer (self->session, q->id));
  e = section_of (self, index);
  gtk_list_box_select_row (self->section_list, e->row);
  update_position (self);
  if (focus)
    cirt_question_page_focus_answer (self->page);
}

static gboolean
is_unanswered (CirtQuestionnaire *self,
               guint              index)
{
  return !cirt_answer_is_answered (answer_of (self, index));
}

static gboolean
is_flagged (CirtQuestionnaire *self,
            guint              index)
{
  const CirtAnswer *a = answer_of (self, index);
  return a != NULL && a->flagged;
}

/* The next question after the current one (wrapping) that @test accepts. */
static gboolean
find_next (CirtQuestionnaire *self,
           gboolean         (*test) (CirtQuestionnaire *, guint),
           guint             *found)
{
  guint n = self->questions ? self->questions->len : 0;

  for (guint step = 1; step <= n; step++)
    {
      guint i = (self->current + step) % n;
      if (test (self, i))
        {
          *found = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (self->current > 0)
    show_question (self, self->current - 1, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (self->questions && self->current + 1 < self->questions->len)
    show_question (self, self->current + 1, TRUE);
}

static void
next_unanswered_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->questions == NULL)
    return;
  /* The page's own input counts: flush before looking. */
  flush_page (self);
  if (find_next (self, is_unanswered, &i))
    show_question (self, i, TRUE);
  else
    cirt_app_show_toast (widget, _("Every question is answered"));
}

static void
next_flagged_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  guint i;

  if (self->questions == NULL)
    return;
  flush_page (self);
  if (find_next (self, is_flagged, &i))
    show_question (self, i, TRUE);
  else
    cirt_app_show_toast (widget, _("No question is flagged for follow-up"));
}

static void
section_step_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  int step = g_variant_get_int32 (parameter);
  guint s;

  if (self->questions == NULL || self->questions->len == 0)
    return;
  s = g_array_index (self->question_section, guint, self->current);
  if (step < 0 && s > 0)
    show_question (self, g_array_index (self->sections, SectionEntry, s - 1).first, TRUE);
  else if (step > 0 && s + 1 < self->sections->len)
    show_question (self, g_array_index (self->sections, SectionEntry, s + 1).first, TRUE);
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (cirt_question_page_pick (self->page, g_variant_get_int32 (parameter)))
    cirt_question_page_focus_answer (self->page);
}

static void
yesno_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  if (cirt_question_page_pick_yesno (self->page, g_variant_get_string (parameter, NULL)))
    cirt_question_page_focus_answer (self->page);
}

static void
not_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  cirt_question_page_set_not_applicable (self->page, !cirt_question_page_get_not_applicable (self->page));
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);
  const CirtAnswer *a = cirt_question_page_get_answer (self->page);

  if (a != NULL)
    cirt_question_page_set_flagged (self->page, !a->flagged);
}

static void
notes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cirt_question_page_focus_notes (CIRT_QUESTIONNAIRE (widget)->page);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (!cirt_questionnaire_undo (CIRT_QUESTIONNAIRE (widget)))
    cirt_app_show_toast (widget, _("No answer change to undo"));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sections_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ------------------------------------------------------------------------ */
/* Sections sidebar                                                         */

static void
on_section_activated_cb (CirtQuestionnaire *self,
                         GtkListBoxRow     *row)
{
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-section")) - 1;
  SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
  guint target = e->first;

  /* The first unanswered question of the section, else its first. */
  for (guint i = e->first; i < e->first + e->n_questions; i++)
    if (is_unanswered (self, i))
      {
        target = i;
        break;
      }
  show_question (self, target, TRUE);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
section_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  CirtQuestionnaire *self = user_data;
  const char *lang = language (self);
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-section")) - 1;
  SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
  SectionEntry *p = NULL;
  gboolean new_instrument, new_pillar;
  GtkWidget *box;

  if (before != NULL)
    p = &g_array_index (self->sections, SectionEntry,
                        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "cirt-section")) - 1);
  new_instrument = p == NULL || p->instrument != e->instrument;
  new_pillar = new_instrument || p->section->pillar != e->section->pillar;
  if (!new_pillar)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (box, "cirt-section-header");
  if (new_instrument && self->instruments->len > 1)
    {
      GtkWidget *title = gtk_label_new (cirt_instrument_get_title (e->instrument, lang));
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 26);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
    }
  {
    GtkWidget *pillar = gtk_label_new (cirt_lang_pillar_title (cirt_context_get_lang (cirt_session_get_context (self->session)),
                                                               e->section->pillar));
    gtk_label_set_xalign (GTK_LABEL (pillar), 0);
    gtk_label_set_ellipsize (GTK_LABEL (pillar), PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars (GTK_LABEL (pillar), 26);
    gtk_widget_add_css_class (pillar, "caption-heading");
    gtk_widget_add_css_class (pillar, "dim-label");
    gtk_box_append (GTK_BOX (box), pillar);
  }
  gtk_list_box_row_set_header (row, box);
}

static GtkListBoxRow *
create_section_row (SectionEntry *e,
                    guint         index,
                    const char   *lang)
{
  const char *title = cirt_text_get (e->section->title, lang);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The sidebar's width comes from here: long titles wrap rather than
   * widen it. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  e->flag_icon = gtk_image_new_from_icon_name ("cirt-flag-symbolic");
  gtk_widget_add_css_class (e->flag_icon, "cirt-flag-icon");
  gtk_box_append (GTK_BOX (box), e->flag_icon);

  e->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (e->count_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (e->count_label), "cirt-count");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->count_label));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "cirt-section", GUINT_TO_POINTER (index + 1));
  e->row = GTK_LIST_BOX_ROW (row);
  return e->row;
}

static void
on_flap_folded_cb (CirtQuestionnaire *self)
{
  /* Wide again: bring the sections back unless the assessor hid them. */
  if (!adw_flap_get_folded (self->flap) && !self->user_hid_flap)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Search                                                                   */

static void
end_search (CirtQuestionnaire *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "sections");
}

static void
on_search_changed_cb (CirtQuestionnaire *self)
{
  cirt_questionnaire_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
go_to_result (CirtQuestionnaire *self,
              guint              position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  const char *s;
  g_autofree char *id = NULL;

  if (item == NULL)
    return;
  s = gtk_string_object_get_string (item);
  id = g_strndup (s, strcspn (s, " "));
  end_search (self);
  cirt_questionnaire_go_to_question (self, id);
  cirt_question_page_focus_answer (self->page);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_activate_cb (CirtQuestionnaire *self)
{
  go_to_result (self, 0);
}

static void
on_stop_search_cb (CirtQuestionnaire *self)
{
  end_search (self);
  cirt_question_page_focus_answer (self->page);
}

static void
on_result_activated_cb (CirtQuestionnaire *self,
                        guint              position)
{
  go_to_result (self, position);
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CirtQuestionnaire     *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->results_view), GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

static void
setup_result_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *id = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_widget_add_css_class (id, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 30);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *s = gtk_string_object_get_string (gtk_list_item_get_item (item));
  gsize n = strcspn (s, " ");
  g_autofree char *id = g_strndup (s, n);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), id);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), s[n] ? s + n + 1 : "");
}

/* ------------------------------------------------------------------------ */
/* Session                                                                  */

static void
on_answer_changed_cb (CirtQuestionnaire *self,
                      const char        *question_id,
                      const CirtAnswer  *before,
                      const CirtAnswer  *after)
{
  gpointer found = g_hash_table_lookup (self->index_by_id, question_id);
  guint index;

  if (found == NULL)
    return;
  index = GPOINTER_TO_UINT (found) - 1;
  count_answer (self, index, before, -1);
  count_answer (self, index, after, +1);
  update_section_row (self, section_of (self, index));
  update_progress (self);
}

/* Forgets the answers, keeping the questionnaire's structure and rows. */
static void
clear_answers (CirtQuestionnaire *self)
{
  for (guint s = 0; self->sections != NULL && s < self->sections->len; s++)
    {
      SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
      e->n_answered = 0;
      e->n_flagged = 0;
    }
  self->current = 0;
}

static void
clear_model (CirtQuestionnaire *self)
{
  GtkWidget *child;

  clear_answers (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list))))
    gtk_list_box_remove (self->section_list, child);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->question_section, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_hash_table_remove_all (self->index_by_id);
  gtk_string_list_splice (self->result_strings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->result_strings)), NULL);
}

static gboolean
same_instruments (GPtrArray *a,
                  GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (cirt_instrument_get_sha256 (g_ptr_array_index (a, i)),
                   cirt_instrument_get_sha256 (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

static int
compare_by_pillar (gconstpointer a,
                   gconstpointer b)
{
  const CirtSection *sa = *(const CirtSection **) a;
  const CirtSection *sb = *(const CirtSection **) b;

  if (sa->pillar != sb->pillar)
    return sa->pillar < sb->pillar ? -1 : 1;
  return sa->index < sb->index ? -1 : sa->index > sb->index;
}

/* The walk order, the section rows and the search list of @instruments. */
static void
build_structure (CirtQuestionnaire *self,
                 GPtrArray         *instruments)
{
  const char *lang = language (self);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  clear_model (self);
  self->instruments = g_ptr_array_ref (instruments);
  self->questions = g_ptr_array_new ();
  self->question_section = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sections = g_array_new (FALSE, TRUE, sizeof (SectionEntry));

  for (guint i = 0; i < self->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (self->instruments, i);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        g_ptr_array_add (sorted, (gpointer) cirt_instrument_get_section (inst, s));
      /* Grouped by pillar in GCA order; within a pillar, the instrument's order. */
      g_ptr_array_sort (sorted, compare_by_pillar);
      for (guint s = 0; s < sorted->len; s++)
        {
          const CirtSection *section = g_ptr_array_index (sorted, s);
          SectionEntry e = { 0 };
          guint sindex = self->sections->len;

          e.section = section;
          e.instrument = inst;
          e.first = self->questions->len;
          e.n_questions = section->questions->len;
          for (guint q = 0; q < section->questions->len; q++)
            {
              const CirtQuestion *question = g_ptr_array_index (section->questions, q);
              g_ptr_array_add (self->questions, (gpointer) question);
              g_array_append_val (self->question_section, sindex);
              g_hash_table_insert (self->index_by_id, question->id, GUINT_TO_POINTER (self->questions->len));
              g_ptr_array_add (strings, g_strdup_printf ("%s %s", question->id, cirt_text_get (question->text, lang)));
            }
          g_array_append_val (self->sections, e);
        }
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->result_strings, 0, 0, (const char * const *) strings->pdata);
  for (guint s = 0; s < self->sections->len; s++)
    gtk_list_box_append (self->section_list,
                         GTK_WIDGET (create_section_row (&g_array_index (self->sections, SectionEntry, s), s, lang)));

}

/* The session's questions and answers. */
static void
load (CirtQuestionnaire *self)
{
  GPtrArray *instruments = cirt_session_get_instruments (self->session);
  GHashTableIter iter;
  gpointer key, value;

  /* Another assessment with the same instruments (a mission's usual case):
   * the sections, rows and search list stay, only the answers change. */
  if (same_instruments (self->instruments, instruments))
    clear_answers (self);
  else
    build_structure (self, instruments);

  g_hash_table_iter_init (&iter, cirt_session_get_answers (self->session));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer found = g_hash_table_lookup (self->index_by_id, key);
      if (found != NULL)
        count_answer (self, GPOINTER_TO_UINT (found) - 1, value, +1);
    }
  for (guint s = 0; s < self->sections->len; s++)
    update_section_row (self, &g_array_index (self->sections, SectionEntry, s));
  update_progress (self);
}

/* ------------------------------------------------------------------------ */
/* CirtAssessmentPage                                                       */

static void
set_session (CirtQuestionnaire *self,
             CirtSession       *session)
{
  guint start = 0;

  if (self->session == session)
    return;
  flush_page (self);
  end_search (self);
  cirt_question_page_set_session (self->page, session);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  g_object_notify (G_OBJECT (self), "session");
  if (session == NULL)
    {
      clear_model (self);
      return;
    }
  load (self);
  /* Where the work is: the first unanswered question. */
  for (guint i = 0; i < self->questions->len; i++)
    if (is_unanswered (self, i))
      {
        start = i;
        break;
      }
  show_question (self, start, FALSE);
}

static gboolean
cirt_questionnaire_flush (CirtAssessmentPage  *page,
                          GError             **error)
{
  return cirt_question_page_flush (CIRT_QUESTIONNAIRE (page)->page, error);
}

static void
cirt_questionnaire_focus_start (CirtAssessmentPage *page)
{
  cirt_question_page_focus_answer (CIRT_QUESTIONNAIRE (page)->page);
}

static void
cirt_questionnaire_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->flush = cirt_questionnaire_flush;
  iface->focus_start = cirt_questionnaire_focus_start;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
on_reveal_flap_cb (CirtQuestionnaire *self)
{
  /* Hidden by hand while wide: remember it across folds. */
  if (!adw_flap_get_folded (self->flap))
    self->user_hid_flap = !adw_flap_get_reveal_flap (self->flap);
}

static void
cirt_questionnaire_dispose (GObject *object)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  if (self->page != NULL)
    cirt_question_page_flush (self->page, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_QUESTIONNAIRE);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->results);
  g_clear_object (&self->result_strings);
  g_clear_object (&self->result_filter);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_questionnaire_parent_class)->dispose (object);
}

static void
cirt_questionnaire_finalize (GObject *object)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->question_section, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->index_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (cirt_questionnaire_parent_class)->finalize (object);
}

static void
cirt_questionnaire_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

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
cirt_questionnaire_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CirtQuestionnaire *self = CIRT_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action,
         const char      *format,
         ...)
{
  va_list args;
  GVariant *target = NULL;
  GtkShortcut *shortcut;

  if (format != NULL)
    {
      va_start (args, format);
      target = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods), gtk_named_action_new (action));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
cirt_questionnaire_class_init (CirtQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *value; } yesno[] = {
    { GDK_KEY_y, "yes" }, { GDK_KEY_Y, "yes" },
    { GDK_KEY_p, "partial" }, { GDK_KEY_P, "partial" },
    { GDK_KEY_n, "no" }, { GDK_KEY_N, "no" },
  };

  object_class->dispose = cirt_questionnaire_dispose;
  object_class->finalize = cirt_questionnaire_finalize;
  object_class->get_property = cirt_questionnaire_get_property;
  object_class->set_property = cirt_questionnaire_set_property;

  g_object_class_override_property (object_class, PROP_SESSION, "session");

  g_type_ensure (CIRT_TYPE_QUESTION_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-questionnaire.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, flap);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, section_list);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, results_view);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, page);
  gtk_widget_class_bind_template_child (widget_class, CirtQuestionnaire, position_label);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);

  gtk_widget_class_install_action (widget_class, "questionnaire.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next-unanswered", NULL, next_unanswered_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next-flagged", NULL, next_flagged_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.section", "i", section_step_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.pick", "i", pick_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.yesno", "s", yesno_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.not-applicable", NULL, not_applicable_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.flag", NULL, flag_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.notes", NULL, notes_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.toggle-sections", NULL, toggle_sections_action);

  /* Single keys: bubble phase, so a focused text field keeps its typing. */
  for (int i = 0; i <= 9; i++)
    {
      add_key (widget_class, GDK_KEY_0 + i, 0, "questionnaire.pick", "i", i);
      add_key (widget_class, GDK_KEY_KP_0 + i, 0, "questionnaire.pick", "i", i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (yesno); i++)
    add_key (widget_class, yesno[i].key, 0, "questionnaire.yesno", "s", yesno[i].value);
  add_key (widget_class, GDK_KEY_a, 0, "questionnaire.not-applicable", NULL);
  add_key (widget_class, GDK_KEY_A, 0, "questionnaire.not-applicable", NULL);
  add_key (widget_class, GDK_KEY_f, 0, "questionnaire.flag", NULL);
  add_key (widget_class, GDK_KEY_F, 0, "questionnaire.flag", NULL);
  /* Ctrl+Z: a text field undoes its own typing first. */
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "questionnaire.undo", NULL);
}

static void
add_capture_key (GtkShortcutController *controller,
                 const char            *trigger,
                 const char            *action,
                 GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
cirt_questionnaire_init (CirtQuestionnaire *self)
{
  GtkEventController *controller;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->index_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed", G_CALLBACK (on_answer_changed_cb), self);

  gtk_list_box_set_header_func (self->section_list, section_header_cb, self, NULL);

  /* Navigation works wherever the focus is in the questionnaire, even in
   * the notes: capture phase. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>Left", "questionnaire.previous", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>Right", "questionnaire.next", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Return", "questionnaire.next-unanswered", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>KP_Enter", "questionnaire.next-unanswered", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>Return", "questionnaire.next-flagged", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>KP_Enter", "questionnaire.next-flagged", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Up", "questionnaire.section", g_variant_new_int32 (-1));
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Page_Down", "questionnaire.section", g_variant_new_int32 (1));
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Control>f", "questionnaire.find", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "F9", "questionnaire.toggle-sections", NULL);
  add_capture_key (GTK_SHORTCUT_CONTROLLER (controller), "<Alt>n", "questionnaire.notes", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  /* Search results: every question as "ID text", filtered as one types. */
  self->result_strings = gtk_string_list_new (NULL);
  self->result_filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_ignore_case (self->result_filter, TRUE);
  gtk_string_filter_set_match_mode (self->result_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->results = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->result_strings)),
                                             g_object_ref (GTK_FILTER (self->result_filter)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_cb), NULL);
  gtk_list_view_set_factory (self->results_view, factory);

  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_questionnaire_new (void)
{
  return g_object_new (CIRT_TYPE_QUESTIONNAIRE, NULL);
}

CirtQuestionPage *
cirt_questionnaire_get_page (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), NULL);
  return self->page;
}

guint
cirt_questionnaire_get_n_questions (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->questions ? self->questions->len : 0;
}

const CirtQuestion *
cirt_questionnaire_get_question (CirtQuestionnaire *self,
                                 guint              index)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (self->questions != NULL && index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

guint
cirt_questionnaire_get_position (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->current;
}

void
cirt_questionnaire_go_to (CirtQuestionnaire *self,
                          guint              index)
{
  g_return_if_fail (CIRT_IS_QUESTIONNAIRE (self));
  show_question (self, index, FALSE);
}

gboolean
cirt_questionnaire_go_to_question (CirtQuestionnaire *self,
                                   const char        *question_id)
{
  gpointer found;

  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), FALSE);

  found = g_hash_table_lookup (self->index_by_id, question_id);
  if (found == NULL)
    return FALSE;
  show_question (self, GPOINTER_TO_UINT (found) - 1, FALSE);
  return TRUE;
}

guint
cirt_questionnaire_get_n_sections (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return self->sections ? self->sections->len : 0;
}

void
cirt_questionnaire_get_section_progress (CirtQuestionnaire *self,
                                         guint              section_index,
                                         guint             *n_answered,
                                         guint             *n_questions)
{
  SectionEntry *e;

  g_return_if_fail (CIRT_IS_QUESTIONNAIRE (self));
  g_return_if_fail (self->sections != NULL && section_index < self->sections->len);

  e = &g_array_index (self->sections, SectionEntry, section_index);
  if (n_answered)
    *n_answered = e->n_answered;
  if (n_questions)
    *n_questions = e->n_questions;
}

CirtSaveState
cirt_questionnaire_get_save_state (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), CIRT_SAVE_STATE_SAVED);
  return self->session ? cirt_session_get_save_state (self->session) : CIRT_SAVE_STATE_SAVED;
}

gboolean
cirt_questionnaire_undo (CirtQuestionnaire *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;

  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  /* What is typed but not yet saved is a change too. */
  flush_page (self);
  if (!cirt_session_undo (self->session, &question, &error))
    {
      if (error == NULL)
        return FALSE;
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot undo"), error);
      return TRUE;
    }
  cirt_questionnaire_go_to_question (self, question);
  cirt_question_page_focus_answer (self->page);
  {
    /* translators: after Ctrl+Z, "Undid the change to GCA-LEG-01" */
    g_autofree char *message = g_strdup_printf (_("Undid the change to %s"), question);
    cirt_app_show_toast (GTK_WIDGET (self), message);
  }
  return TRUE;
}

void
cirt_questionnaire_search (CirtQuestionnaire *self,
                           const char        *text)
{
  g_return_if_fail (CIRT_IS_QUESTIONNAIRE (self));

  if (text == NULL || *text == '\0')
    {
      gtk_string_filter_set_search (self->result_filter, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "sections");
      return;
    }
  gtk_string_filter_set_search (self->result_filter, text);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->results)) ? "results" : "no-results");
}

guint
cirt_questionnaire_get_n_results (CirtQuestionnaire *self)
{
  g_return_val_if_fail (CIRT_IS_QUESTIONNAIRE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}
