/* cirt-questionnaire-sections.c — the questionnaire's sidebar of sections:
 * a row per section with its count and flag, headers where the pillar (or
 * the instrument) changes, going to a section, the flap that holds them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-lang.h"
#include "cirt-questionnaire-private.h"

/* ------------------------------------------------------------------------ */
/* Sections sidebar                                                         */

void
_cirt_questionnaire_update_section_row (CirtQuestionnaire *self,
                                        SectionEntry      *e)
{
  g_autofree char *count = g_strdup_printf ("%u/%u", e->n_answered, e->n_questions);
  const char *title = cirt_text_get (e->section->title, _cirt_questionnaire_language (self));
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

void
_cirt_questionnaire_on_section_activated_cb (CirtQuestionnaire *self,
                                             GtkListBoxRow     *row)
{
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cirt-section")) - 1;
  SectionEntry *e = &g_array_index (self->sections, SectionEntry, s);
  guint target = e->first;

  /* The first unanswered question of the section, else its first. */
  for (guint i = e->first; i < e->first + e->n_questions; i++)
    if (_cirt_questionnaire_is_unanswered (self, i))
      {
        target = i;
        break;
      }
  _cirt_questionnaire_show_question (self, target, TRUE);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
_cirt_questionnaire_section_header_cb (GtkListBoxRow *row,
                                       GtkListBoxRow *before,
                                       gpointer       user_data)
{
  CirtQuestionnaire *self = user_data;
  const char *lang = _cirt_questionnaire_language (self);
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

GtkListBoxRow *
_cirt_questionnaire_create_section_row (SectionEntry *e,
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

void
_cirt_questionnaire_on_flap_folded_cb (CirtQuestionnaire *self)
{
  /* Wide again: bring the sections back unless the assessor hid them. */
  if (!adw_flap_get_folded (self->flap) && !self->user_hid_flap)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}
