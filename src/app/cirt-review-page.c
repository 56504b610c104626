/* cirt-review-page.c — the lead assessor's review of the answers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every answered question, in questionnaire order, with its review state,
 * filtered by state, section, assessor (the answer's author) and interview
 * session. Made for
 * the keyboard: j/k or the arrows move, "a" or Ctrl+Return accepts, "n"
 * opens the comment of "needs work" (Return sets it, Escape goes back),
 * "c" clears, Return opens the question. The list follows the session: an
 * answer changed anywhere shows as not reviewed again at once. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-page.h"
#include "cirt-lang.h"
#include "cirt-interview-labels.h"
#include "cirt-review-page.h"

struct _CirtReviewPage {
  GtkWidget       parent_instance;

  /* widgets */
  GtkWidget      *box;
  GtkLabel       *summary;
  GtkDropDown    *state_filter;
  GtkDropDown    *section_filter;
  GtkDropDown    *assessor_filter;
  GtkDropDown    *interview_filter;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkRevealer    *comment_bar;
  GtkLabel       *comment_label;
  GtkEntry       *comment_entry;

  /* owned */
  CirtSession    *session;
  GSignalGroup   *session_signals;
  GPtrArray      *items;           /* CirtReviewItem*, as listed */
  GPtrArray      *section_ids;     /* char*, the section filter's entries after "All" */
  GPtrArray      *assessors;       /* char*, the assessor filter's entries after "All" */
  GPtrArray      *interview_ids;   /* char*, the session filter's entries after "All" and
                                    * "Outside": the sessions' UUIDs */
  char           *focus_question;  /* to focus after the next refresh */
  char           *comment_question;/* the question the comment bar is for */
  gboolean        dirty;
  gboolean        filling;         /* the filters are being filled: no refresh */
};

static void cirt_review_page_iface_init (CirtAssessmentPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CirtReviewPage, cirt_review_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CIRT_TYPE_ASSESSMENT_PAGE, cirt_review_page_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The entries of the state filter, in order. */
static const int state_filter_states[] = { -1, CIRT_REVIEW_NOT_REVIEWED, CIRT_REVIEW_NEEDS_WORK, CIRT_REVIEW_ACCEPTED };

static const char *
state_label (CirtReviewState state)
{
  switch (state)
    {
    case CIRT_REVIEW_ACCEPTED:
      return _("Accepted");
    case CIRT_REVIEW_NEEDS_WORK:
      return _("Needs work");
    case CIRT_REVIEW_NOT_REVIEWED:
    case CIRT_N_REVIEW_STATES:
    default:
      return _("Not reviewed");
    }
}

static const char *
language (CirtReviewPage *self)
{
  return cirt_context_get_language (cirt_session_get_context (self->session));
}

static const CirtReviewItem *
item_at_row (CirtReviewPage *self,
             GtkListBoxRow  *row)
{
  int i = row ? gtk_list_box_row_get_index (row) : -1;

  return self->items != NULL && i >= 0 && (guint) i < self->items->len ? g_ptr_array_index (self->items, i) : NULL;
}

static GtkListBoxRow *
focused_row (CirtReviewPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (self->list))
    return GTK_LIST_BOX_ROW (focus);
  return NULL;
}

static GtkWidget *
make_row (CirtReviewPage       *self,
          const CirtReviewItem *it)
{
  const char *lang = language (self);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *state, *title, *answer;
  g_autofree char *value = NULL, *heading = NULL, *line = NULL, *state_text = NULL, *a11y = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  state_text = it->outdated
    /* translators: the state of an answer changed after it was accepted: "Not reviewed (changed since Accepted)" */
    ? g_strdup_printf (_("%s (changed since: %s)"), state_label (it->state), state_label (it->review->state))
    : g_strdup (state_label (it->state));
  state = gtk_label_new (state_text);
  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_add_css_class (state, it->state == CIRT_REVIEW_ACCEPTED ? "success"
                                   : it->state == CIRT_REVIEW_NEEDS_WORK ? "warning" : "dim-label");
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (state), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (state), 18);
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), state, 0, 0, 1, 3);

  /* translators: a question in the review list: "LEG-01 · Is there a cybersecurity law?" */
  heading = g_strdup_printf (_("%s · %s"), it->question->id, cirt_text_get (it->question->text, lang));
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 1, 0, 1, 1);

  value = it->answer->not_applicable ? g_strdup (_("N/A"))
                                     : cirt_question_describe_value (it->question, it->answer->value, lang);
  line = it->answer->author
    /* translators: an answer and who gave it, in the review list: "Partial · Kwame Mensah" */
    ? g_strdup_printf (_("%s · %s"), value ? value : "", it->answer->author)
    : g_strdup (value ? value : "");
  answer = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (answer), 0);
  gtk_label_set_ellipsize (GTK_LABEL (answer), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (answer, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), answer, 1, 1, 1, 1);

  if (it->state == CIRT_REVIEW_NEEDS_WORK && it->review->comment != NULL)
    {
      GtkWidget *comment = gtk_label_new (it->review->comment);
      /* One line: the whole comment is on the question page. */
      gtk_label_set_xalign (GTK_LABEL (comment), 0);
      gtk_label_set_single_line_mode (GTK_LABEL (comment), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (comment), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (comment, "caption");
      gtk_grid_attach (GTK_GRID (grid), comment, 1, 2, 1, 1);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  /* translators: how a screen reader names a row of the review list: "Not reviewed: LEG-01 · Is there…" */
  a11y = g_strdup_printf (_("%s: %s"), state_text, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

/* Fills the section and assessor filters from the instruments and answers,
 * keeping what is chosen when it is still there. */
static void
fill_filters (CirtReviewPage *self)
{
  const char *lang = language (self);
  GPtrArray *instruments = cirt_session_get_instruments (self->session);
  GHashTable *answers = cirt_session_get_answers (self->session);
  guint chosen_section = gtk_drop_down_get_selected (self->section_filter);
  guint chosen_assessor = gtk_drop_down_get_selected (self->assessor_filter);
  guint chosen_interview = gtk_drop_down_get_selected (self->interview_filter);
  g_autofree char *section = chosen_section > 0 && chosen_section <= self->section_ids->len
                               ? g_strdup (g_ptr_array_index (self->section_ids, chosen_section - 1)) : NULL;
  g_autofree char *assessor = chosen_assessor > 0 && chosen_assessor <= self->assessors->len
                                ? g_strdup (g_ptr_array_index (self->assessors, chosen_assessor - 1)) : NULL;
  g_autoptr(GtkStringList) sections = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) interviews = gtk_string_list_new (NULL);
  g_autofree char *interview = chosen_interview > 1 && chosen_interview - 2 < self->interview_ids->len
                                 ? g_strdup (g_ptr_array_index (self->interview_ids, chosen_interview - 2)) : NULL;
  guint select_interview = chosen_interview == 1 ? 1 : 0;
  CirtAssessmentData *data = cirt_session_get_data (self->session, NULL);
  g_autoptr(GList) authors = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  guint select_section = 0, select_assessor = 0;

  self->filling = TRUE;
  g_ptr_array_set_size (self->section_ids, 0);
  g_ptr_array_set_size (self->assessors, 0);
  gtk_string_list_append (sections, _("All sections"));
  for (guint i = 0; instruments != NULL && i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          gtk_string_list_append (sections, cirt_text_get (sec->title, lang));
          g_ptr_array_add (self->section_ids, g_strdup (sec->id));
          if (g_strcmp0 (sec->id, section) == 0)
            select_section = self->section_ids->len;
        }
    }
  gtk_string_list_append (people, _("All assessors"));
  if (answers != NULL)
    {
      g_hash_table_iter_init (&iter, answers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const CirtAnswer *a = value;
          if (cirt_answer_is_answered (a) && !cirt_text_is_blank (a->author) &&
              !g_hash_table_contains (seen, a->author))
            {
              g_hash_table_add (seen, a->author);
              authors = g_list_prepend (authors, a->author);
            }
        }
    }
  authors = g_list_sort (authors, (GCompareFunc) g_utf8_collate);
  for (GList *l = authors; l != NULL; l = l->next)
    {
      gtk_string_list_append (people, l->data);
      g_ptr_array_add (self->assessors, g_strdup (l->data));
      if (g_strcmp0 (l->data, assessor) == 0)
        select_assessor = self->assessors->len;
    }
  gtk_drop_down_set_model (self->section_filter, G_LIST_MODEL (sections));
  gtk_drop_down_set_selected (self->section_filter, select_section);
  gtk_drop_down_set_model (self->assessor_filter, G_LIST_MODEL (people));
  gtk_drop_down_set_selected (self->assessor_filter, select_assessor);

  /* The interview sessions, by date, as the store orders them. */
  g_ptr_array_set_size (self->interview_ids, 0);
  gtk_string_list_append (interviews, _("All sessions"));
  gtk_string_list_append (interviews, _("Outside interview sessions"));
  for (guint i = 0; data != NULL && data->interviews != NULL && i < data->interviews->len; i++)
    {
      const CirtInterview *iv = g_ptr_array_index (data->interviews, i);
      g_autofree char *label = cirt_interview_when_label (iv, cirt_context_get_lang (cirt_session_get_context (self->session)));

      gtk_string_list_append (interviews, label);
      g_ptr_array_add (self->interview_ids, g_strdup (iv->id));
      if (g_strcmp0 (iv->id, interview) == 0)
        select_interview = self->interview_ids->len + 1;
    }
  gtk_drop_down_set_model (self->interview_filter, G_LIST_MODEL (interviews));
  gtk_drop_down_set_selected (self->interview_filter, select_interview);
  self->filling = FALSE;
}

static void
refresh (CirtReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data;
  CirtReviewFilter filter = { NULL, NULL, -1 };
  CirtReviewCounts counts;
  guint s = gtk_drop_down_get_selected (self->state_filter);
  guint sec = gtk_drop_down_get_selected (self->section_filter);
  guint who = gtk_drop_down_get_selected (self->assessor_filter);
  guint held = gtk_drop_down_get_selected (self->interview_filter);
  int focus_index = -1;
  GtkListBoxRow *old = NULL;
  GtkWidget *child;
  gboolean had_focus;

  self->dirty = FALSE;
  had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list)) || focused_row (self) != NULL;
  old = focused_row (self);
  if (old != NULL)
    focus_index = gtk_list_box_row_get_index (old);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->session == NULL)
    return;
  data = cirt_session_get_data (self->session, &error);
  if (data == NULL)
    return;

  if (self->section_ids->len == 0 || gtk_drop_down_get_model (self->assessor_filter) == NULL)
    fill_filters (self);
  if (s < G_N_ELEMENTS (state_filter_states))
    filter.state = state_filter_states[s];
  if (sec > 0 && sec <= self->section_ids->len)
    filter.section = g_ptr_array_index (self->section_ids, sec - 1);
  if (who > 0 && who <= self->assessors->len)
    filter.assessor = g_ptr_array_index (self->assessors, who - 1);
  if (held == 1)
    filter.session = "";
  else if (held > 1 && held - 2 < self->interview_ids->len)
    filter.session = g_ptr_array_index (self->interview_ids, held - 2);

  self->items = cirt_review_items (cirt_session_get_instruments (self->session),
                                   cirt_session_get_answers (self->session), data->reviews, &filter);
  for (guint i = 0; i < self->items->len; i++)
    {
      const CirtReviewItem *it = g_ptr_array_index (self->items, i);
      gtk_list_box_append (self->list, make_row (self, it));
      if (self->focus_question != NULL && g_strcmp0 (it->question->id, self->focus_question) == 0)
        focus_index = (int) i;
    }
  g_clear_pointer (&self->focus_question, g_free);

  cirt_review_count (cirt_session_get_answers (self->session), data->reviews, &counts);
  {
    g_autofree char *percent = cirt_lang_format_percent (cirt_context_get_lang (cirt_session_get_context (self->session)),
                                                         cirt_review_counts_share (&counts));
    /* translators: the review page's summary: "12 of 40 answers reviewed (30 %): 10 accepted, 2 need work" */
    g_autofree char *text = g_strdup_printf (_("%u of %u answers reviewed (%s): %u accepted, %u need work"),
                                             counts.n_accepted + counts.n_needs_work, counts.n_answered, percent,
                                             counts.n_accepted, counts.n_needs_work);
    gtk_label_set_text (self->summary, text);
  }
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
  if (self->items->len > 0 && focus_index >= 0 && had_focus)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, MIN ((guint) focus_index,
                                                                           self->items->len - 1));
      gtk_list_box_select_row (self->list, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
refresh_or_mark (CirtReviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

static void
on_filter_changed_cb (CirtReviewPage *self)
{
  if (!self->filling)
    refresh_or_mark (self);
}

static void
on_data_cb (CirtReviewPage *self)
{
  refresh_or_mark (self);
}

static void
on_answer_changed_cb (CirtReviewPage *self)
{
  /* A new author may have come: the assessor filter is filled again. */
  if (self->session != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_filters (self);
  refresh_or_mark (self);
}

/* Sets the review of @it, then keeps the keyboard on the next answer. */
static void
set_review (CirtReviewPage       *self,
            const CirtReviewItem *it,
            CirtReviewState       state,
            const char           *comment,
            int                   index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  if (self->session == NULL || it == NULL)
    return;
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  g_free (self->focus_question);
  self->focus_question = NULL;
  if (index >= 0 && (guint) index + 1 < self->items->len && state != CIRT_REVIEW_NOT_REVIEWED)
    self->focus_question = g_strdup (((CirtReviewItem *) g_ptr_array_index (self->items, index + 1))->question->id);
  else
    self->focus_question = g_strdup (it->question->id);
  if (!cirt_store_set_review (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                              it->question->id, state, comment, author, &error))
    cirt_app_report_error (GTK_WIDGET (self), _("The review could not be saved"), error);
}

static void
open_comment (CirtReviewPage       *self,
              const CirtReviewItem *it)
{
  g_autofree char *text = NULL;

  g_free (self->comment_question);
  self->comment_question = g_strdup (it->question->id);
  /* translators: above the comment of "needs work": "What needs work on LEG-01?" */
  text = g_strdup_printf (_("What needs work on %s?"), it->question->id);
  gtk_label_set_text (self->comment_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry),
                         it->state == CIRT_REVIEW_NEEDS_WORK && it->review->comment ? it->review->comment : "");
  gtk_revealer_set_reveal_child (self->comment_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

static void
close_comment (CirtReviewPage *self)
{
  gtk_revealer_set_reveal_child (self->comment_bar, FALSE);
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    if (g_strcmp0 (((CirtReviewItem *) g_ptr_array_index (self->items, i))->question->id,
                   self->comment_question) == 0)
      {
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, i)));
        break;
      }
  g_clear_pointer (&self->comment_question, g_free);
}

static void
on_comment_activate_cb (CirtReviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->comment_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL, *question = g_strdup (self->comment_question);

  if (self->session == NULL || question == NULL)
    return;
  if (cirt_text_is_blank (text))
    {
      cirt_app_show_toast (GTK_WIDGET (self), _("Say what needs work: the comment is required"));
      return;
    }
  author = cirt_context_dup_author (cirt_session_get_context (self->session));
  g_free (self->focus_question);
  self->focus_question = g_strdup (question);
  if (!cirt_store_set_review (cirt_session_get_store (self->session), cirt_session_get_id (self->session),
                              question, CIRT_REVIEW_NEEDS_WORK, text, author, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self), _("The review could not be saved"), error);
      return;
    }
  close_comment (self);
}

static gboolean
cancel_comment_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  close_comment (CIRT_REVIEW_PAGE (data));
  return TRUE;
}

static void
move (CirtReviewPage *self,
      int             delta)
{
  GtkListBoxRow *row = focused_row (self), *next;
  int i = row ? gtk_list_box_row_get_index (row) + delta : 0;

  next = gtk_list_box_get_row_at_index (self->list, MAX (i, 0));
  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
}

/* The actions of the keys: on the answer whose row has the focus. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (widget);
  GtkListBoxRow *row = focused_row (self);
  const CirtReviewItem *it = item_at_row (self, row);
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (g_str_equal (action_name, "review.move"))
    {
      move (self, g_variant_get_int32 (parameter));
      return;
    }
  if (it == NULL)
    return;
  if (g_str_equal (action_name, "review.accept"))
    set_review (self, it, CIRT_REVIEW_ACCEPTED, NULL, index);
  else if (g_str_equal (action_name, "review.needs-work"))
    open_comment (self, it);
  else if (g_str_equal (action_name, "review.clear"))
    set_review (self, it, CIRT_REVIEW_NOT_REVIEWED, NULL, index);
}

static void
on_row_activated_cb (GtkListBox     *list,
                     GtkListBoxRow  *row,
                     CirtReviewPage *self)
{
  const CirtReviewItem *it = item_at_row (self, row);

  if (it != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, it->question->id);
}

static void
cirt_review_page_focus_start (CirtAssessmentPage *page)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (page);
  GtkListBoxRow *first = gtk_list_box_get_selected_row (self->list);

  if (first == NULL)
    first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->state_filter));
}

static void
cirt_review_page_iface_init (CirtAssessmentPageInterface *iface)
{
  iface->focus_start = cirt_review_page_focus_start;
}

static void
cirt_review_page_map (GtkWidget *widget)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cirt_review_page_parent_class)->map (widget);
  if (self->session == NULL)
    return;
  cirt_session_hold (self->session);
  fill_filters (self);
  refresh (self);
}

static void
cirt_review_page_unmap (GtkWidget *widget)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (widget);

  if (self->session != NULL)
    cirt_session_release (self->session);
  GTK_WIDGET_CLASS (cirt_review_page_parent_class)->unmap (widget);
}

static void
cirt_review_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (object);

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
cirt_review_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      if (cirt_assessment_page_replace_session (CIRT_ASSESSMENT_PAGE (self), &self->session,
                                                g_value_get_object (value), self->session_signals, TRUE))
        {
          g_ptr_array_set_size (self->section_ids, 0);
          g_ptr_array_set_size (self->assessors, 0);
          if (self->session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
            refresh (self);
          else
            self->dirty = TRUE;
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_review_page_dispose (GObject *object)
{
  CirtReviewPage *self = CIRT_REVIEW_PAGE (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->section_ids, g_ptr_array_unref);
  g_clear_pointer (&self->assessors, g_ptr_array_unref);
  g_clear_pointer (&self->interview_ids, g_ptr_array_unref);
  g_clear_pointer (&self->focus_question, g_free);
  g_clear_pointer (&self->comment_question, g_free);
  G_OBJECT_CLASS (cirt_review_page_parent_class)->dispose (object);
}

static void
cirt_review_page_class_init (CirtReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_review_page_dispose;
  object_class->get_property = cirt_review_page_get_property;
  object_class->set_property = cirt_review_page_set_property;
  widget_class->map = cirt_review_page_map;
  widget_class->unmap = cirt_review_page_unmap;

  g_object_class_override_property (object_class, PROP_SESSION, "session");
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "review.accept", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.needs-work", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.clear", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.move", "i", review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "review.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "review.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "review.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "review.needs-work", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "review.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "review.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "review.move", "i", -1);
}

static GtkWidget *
labelled_drop_down (GtkWidget  *box,
                    const char *label,
                    GtkDropDown **out)
{
  GtkWidget *dd = gtk_drop_down_new (NULL, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dd), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (dd, label);
  gtk_box_append (GTK_BOX (box), dd);
  *out = GTK_DROP_DOWN (dd);
  return dd;
}

static void
cirt_review_page_init (CirtReviewPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GtkWidget *header, *filters, *scrolled, *clamp, *empty, *bar, *bar_box, *hint, *button;
  GtkEventController *keys;

  self->section_ids = g_ptr_array_new_with_free_func (g_free);
  self->assessors = g_ptr_array_new_with_free_func (g_free);
  self->interview_ids = g_ptr_array_new_with_free_func (g_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 6);
  adw_clamp_set_child (ADW_CLAMP (clamp), header);
  gtk_box_append (GTK_BOX (self->box), clamp);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "title-4");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->summary));

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), filters);
  labelled_drop_down (filters, _("Review state"), &self->state_filter);
  gtk_string_list_append (states, _("All states"));
  gtk_string_list_append (states, _("Not reviewed"));
  gtk_string_list_append (states, _("Needs work"));
  gtk_string_list_append (states, _("Accepted"));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));
  labelled_drop_down (filters, _("Section"), &self->section_filter);
  labelled_drop_down (filters, _("Assessor"), &self->assessor_filter);
  labelled_drop_down (filters, _("Interview session"), &self->interview_filter);
  gtk_drop_down_set_enable_search (self->section_filter, TRUE);
  g_signal_connect_swapped (self->state_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->section_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->assessor_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->interview_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);

  hint = gtk_label_new (_("A or Ctrl+Return: accept · N: needs work · C: clear · J/K: move · Return: open the question"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (header), hint);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Answers to review"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "list");
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No answers here"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Only answered questions can be reviewed. Change the filters, or answer "
                                     "questions first."));
  gtk_stack_add_named (self->stack, empty, "empty");

  self->comment_bar = GTK_REVEALER (gtk_revealer_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->comment_bar));
  bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_margin_start (bar, 18);
  gtk_widget_set_margin_end (bar, 18);
  gtk_widget_set_margin_bottom (bar, 12);
  self->comment_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->comment_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->comment_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->comment_label));
  bar_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (bar), bar_box);
  self->comment_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->comment_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What needs work"), -1);
  gtk_entry_set_placeholder_text (self->comment_entry, _("Say what is missing or doubtful; Escape cancels"));
  g_signal_connect_swapped (self->comment_entry, "activate", G_CALLBACK (on_comment_activate_cb), self);
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (cancel_comment_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->comment_entry), keys);
  gtk_box_append (GTK_BOX (bar_box), GTK_WIDGET (self->comment_entry));
  button = gtk_button_new_with_mnemonic (_("Ask for _Work"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_comment_activate_cb), self);
  gtk_box_append (GTK_BOX (bar_box), button);
  gtk_revealer_set_child (self->comment_bar, bar);

  self->session_signals = g_signal_group_new (CIRT_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::data", G_CALLBACK (on_data_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "answer-changed", G_CALLBACK (on_answer_changed_cb), self);
}

GtkWidget *
cirt_review_page_new (void)
{
  return g_object_new (CIRT_TYPE_REVIEW_PAGE, NULL);
}

guint
cirt_review_page_get_n_rows (CirtReviewPage *self)
{
  g_return_val_if_fail (CIRT_IS_REVIEW_PAGE (self), 0);
  return self->items ? self->items->len : 0;
}

const char *
cirt_review_page_get_question (CirtReviewPage *self,
                               guint           index)
{
  g_return_val_if_fail (CIRT_IS_REVIEW_PAGE (self), NULL);
  if (self->items == NULL || index >= self->items->len)
    return NULL;
  return ((CirtReviewItem *) g_ptr_array_index (self->items, index))->question->id;
}
