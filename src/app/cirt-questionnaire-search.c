/* cirt-questionnaire-search.c — finding a question: every question as
 * "ID text" filtered as one types, the results in the sidebar's place,
 * going to the one picked
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-questionnaire-private.h"

/* ------------------------------------------------------------------------ */
/* Search                                                                   */

void
_cirt_questionnaire_end_search (CirtQuestionnaire *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "sections");
}

void
_cirt_questionnaire_on_search_changed_cb (CirtQuestionnaire *self)
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
  _cirt_questionnaire_end_search (self);
  cirt_questionnaire_go_to_question (self, id);
  cirt_question_page_focus_answer (self->page);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
_cirt_questionnaire_on_search_activate_cb (CirtQuestionnaire *self)
{
  go_to_result (self, 0);
}

void
_cirt_questionnaire_on_stop_search_cb (CirtQuestionnaire *self)
{
  _cirt_questionnaire_end_search (self);
  cirt_question_page_focus_answer (self->page);
}

void
_cirt_questionnaire_on_result_activated_cb (CirtQuestionnaire *self,
                                            guint              position)
{
  go_to_result (self, position);
}

gboolean
_cirt_questionnaire_on_search_key_pressed_cb (GtkEventControllerKey *controller,
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

void
_cirt_questionnaire_setup_result_cb (GtkSignalListItemFactory *factory,
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

void
_cirt_questionnaire_bind_result_cb (GtkSignalListItemFactory *factory,
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
/* Public API                                                               */

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
