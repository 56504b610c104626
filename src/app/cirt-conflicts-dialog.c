/* cirt-conflicts-dialog.c — the merge conflicts of one assessment, for review
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-conflicts-dialog.h"

enum {
  SIDE_LOCAL,
  SIDE_REMOTE,
  N_SIDES
};

/* One conflict and the widgets of its row (owned by the row). */
typedef struct {
  CirtConflict       *conflict;
  const CirtQuestion *question;              /* owned by the store's instruments; NULL when unknown */
  GtkWidget          *row;
  GtkLabel           *status_label;
  GtkLabel           *changed_label;
  GtkButton          *review_button;
  GtkWidget          *current_box[N_SIDES];
  GtkButton          *keep_button[N_SIDES];
} Entry;

struct _CirtConflictsDialog {
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkLabel        *count_label;
  GtkListBox      *list_box;

  /* owned */
  CirtSession     *session;
  CirtStore       *store;                    /* the session's */
  const char      *assessment_id;            /* the session's */
  GPtrArray       *entries;                  /* Entry*, as listed */

  guint            n_unreviewed;
};

G_DEFINE_FINAL_TYPE (CirtConflictsDialog, cirt_conflicts_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_N_UNREVIEWED,
  N_PROPS
};

enum {
  GO_TO_QUESTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_free (Entry *e)
{
  cirt_conflict_free (e->conflict);
  g_free (e);
}

static const CirtAnswer *
side_answer (const Entry *e,
             int          side)
{
  return side == SIDE_LOCAL ? e->conflict->local : e->conflict->remote;
}

static gboolean
same_version (const CirtAnswer *a,
              const CirtAnswer *b)
{
  gboolean a_empty = a == NULL || cirt_answer_is_empty (a);
  gboolean b_empty = b == NULL || cirt_answer_is_empty (b);

  if (a_empty || b_empty)
    return a_empty && b_empty;
  return cirt_answer_same_content (a, b);
}

/* The value in words: the level's descriptor, the option's text, "Yes"… */
static char *
answer_words (CirtConflictsDialog *self,
              const CirtQuestion  *q,
              const CirtAnswer    *a)
{
  CirtContext *context = cirt_session_get_context (self->session);

  if (a == NULL || cirt_answer_is_empty (a))
    return g_strdup (_("No answer"));
  if (a->not_applicable)
    return g_strdup (_("Not applicable"));
  if (a->value == NULL)
    return g_strdup (_("Not answered"));
  if (q == NULL)
    return g_strdup (a->value);
  if (q->kind == CIRT_KIND_CHECKLIST && *a->value == '\0')
    return g_strdup (_("None of these"));
  if (q->kind == CIRT_KIND_DATE)
    return cirt_lang_format_date_short (cirt_context_get_lang (context), a->value);
  return cirt_question_describe_value (q, a->value, cirt_context_get_language (context));
}

/* Who wrote @version and when, from the question's history: the latest
 * change to that content made before the conflict was recorded (a "Keep
 * This" afterwards writes it again, under another name). NULL if unknown. */
static char *
describe_author (CirtConflictsDialog *self,
                 GPtrArray           *history,
                 const CirtAnswer    *version,
                 const char          *recorded_at)
{
  const CirtHistoryEntry *best = NULL;
  g_autofree char *time = NULL;

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      const CirtHistoryEntry *h = g_ptr_array_index (history, i);

      if (!same_version (h->new_answer, version) || h->changed_at == NULL)
        continue;
      if (recorded_at != NULL && g_strcmp0 (h->changed_at, recorded_at) > 0)
        continue;
      if (best == NULL || g_strcmp0 (h->changed_at, best->changed_at) >= 0)
        best = h;
    }
  if (best == NULL)
    return NULL;
  time = cirt_lang_format_time (cirt_context_get_lang (cirt_session_get_context (self->session)), best->changed_at);
  if (best->author == NULL || *best->author == '\0')
    return g_steal_pointer (&time);
  /* translators: who wrote a version of an answer and when, "Alice · 2 Mar 2026, 14:05" */
  return g_strdup_printf (_("%s · %s"), best->author, time);
}

/* ------------------------------------------------------------------------ */
/* State                                                                    */

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_count (CirtConflictsDialog *self)
{
  guint n = self->entries->len;
  guint unreviewed = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    if (!((Entry *) g_ptr_array_index (self->entries, i))->conflict->reviewed)
      unreviewed++;
  if (unreviewed == 0)
    text = g_strdup_printf (ngettext ("%u conflict, reviewed.", "%u conflicts, all reviewed.", n), n);
  else
    text = g_strdup_printf (ngettext ("%u conflict to review.", "%u conflicts to review.", unreviewed), unreviewed);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (self->n_unreviewed != unreviewed)
    {
      self->n_unreviewed = unreviewed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREVIEWED]);
    }
}

/* Shows which side the assessment holds now, and the review state. */
static void
update_entry (CirtConflictsDialog *self,
              Entry               *e)
{
  const char *q = e->conflict->question;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) current = cirt_store_get_answer (self->store, self->assessment_id, q, &error);
  gboolean is_current[N_SIDES];
  g_autofree char *review_label = NULL;

  for (int side = 0; side < N_SIDES; side++)
    {
      is_current[side] = error == NULL && same_version (side_answer (e, side), current);
      gtk_widget_set_visible (e->current_box[side], is_current[side]);
      gtk_widget_set_visible (GTK_WIDGET (e->keep_button[side]), !is_current[side]);
    }
  /* Changed again since the merge: neither side is the answer now. */
  if (error == NULL && !is_current[SIDE_LOCAL] && !is_current[SIDE_REMOTE])
    {
      g_autofree char *words = answer_words (self, e->question, current);
      g_autofree char *text = NULL;

      /* translators: under a merge conflict whose answer was changed again afterwards */
      text = g_strdup_printf (_("Changed since the merge. The answer now: %s"), words);
      gtk_label_set_label (e->changed_label, text);
      gtk_widget_set_visible (GTK_WIDGET (e->changed_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (e->changed_label), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (e->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (e->status_label), "warning");
  if (e->conflict->reviewed)
    {
      gtk_label_set_label (e->status_label, _("Reviewed"));
      gtk_widget_add_css_class (GTK_WIDGET (e->status_label), "success");
      gtk_button_set_label (e->review_button, _("Mark as Not Reviewed"));
      /* translators: accessible name of a button; %s is a question id */
      review_label = g_strdup_printf (_("Mark the conflict on %s as not reviewed"), q);
    }
  else
    {
      gtk_label_set_label (e->status_label, _("Not Reviewed"));
      gtk_widget_add_css_class (GTK_WIDGET (e->status_label), "warning");
      gtk_button_set_label (e->review_button, _("Mark as Reviewed"));
      /* translators: accessible name of a button; %s is a question id */
      review_label = g_strdup_printf (_("Mark the conflict on %s as reviewed"), q);
    }
  set_accessible_label (GTK_WIDGET (e->review_button), review_label);
}

static gboolean
set_reviewed (CirtConflictsDialog *self,
              Entry               *e,
              gboolean             reviewed)
{
  g_autoptr(GError) error = NULL;

  if (!cirt_store_set_conflict_reviewed (self->store, e->conflict->id, reviewed, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self->list_box), _("The conflict was not marked"), error);
      return FALSE;
    }
  e->conflict->reviewed = reviewed;
  update_entry (self, e);
  update_count (self);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                         */

static void
on_keep_clicked_cb (GtkButton           *button,
                    CirtConflictsDialog *self)
{
  Entry *e = g_object_get_data (G_OBJECT (button), "cirt-entry");
  int side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cirt-side"));
  const CirtAnswer *version = side_answer (e, side);
  g_autoptr(CirtAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Written as a new change by whoever reviews: the history keeps who wrote
   * each version first. */
  answer = version != NULL ? cirt_answer_copy (version) : cirt_answer_new (e->conflict->question);
  /* An edit of the answer as it is now: undoable like any other. */
  if (!cirt_session_save_answer (self->session, cirt_session_get_answer (self->session, e->conflict->question),
                                 answer, NULL, NULL, &error))
    {
      cirt_app_report_error (GTK_WIDGET (self->list_box), _("The version was not kept"), error);
      return;
    }
  update_entry (self, e);
  if (!e->conflict->reviewed)
    set_reviewed (self, e, TRUE);
  if (side == SIDE_LOCAL)
    /* translators: toast; %s is a question id */
    message = g_strdup_printf (_("%s has the version of this laptop again"), e->conflict->question);
  else
    /* translators: toast; %s is a question id */
    message = g_strdup_printf (_("%s has the version of the imported file"), e->conflict->question);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  /* The button just pressed is gone: the keyboard goes on from the row. */
  gtk_widget_grab_focus (GTK_WIDGET (e->review_button));
}

static void
on_review_clicked_cb (GtkButton           *button,
                      CirtConflictsDialog *self)
{
  Entry *e = g_object_get_data (G_OBJECT (button), "cirt-entry");

  set_reviewed (self, e, !e->conflict->reviewed);
}

static void
on_go_clicked_cb (GtkButton           *button,
                  CirtConflictsDialog *self)
{
  Entry *e = g_object_get_data (G_OBJECT (button), "cirt-entry");
  g_autofree char *question = g_strdup (e->conflict->question);

  g_object_ref (self);
  g_signal_emit (self, signals[GO_TO_QUESTION], 0, question);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_answer_changed_cb (CirtConflictsDialog *self,
                      const char          *question_id,
                      const CirtAnswer    *before,
                      const CirtAnswer    *after)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      if (g_strcmp0 (e->conflict->question, question_id) == 0)
        update_entry (self, e);
    }
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Appends @line (taking it) as a label. */
static void
append_line (GtkWidget *box,
             char      *line)
{
  g_autofree char *owned = line;

  gtk_box_append (GTK_BOX (box), new_label (line, NULL));
}

static GtkWidget *
build_side (CirtConflictsDialog *self,
            Entry               *e,
            int                  side,
            GPtrArray           *history)
{
  const CirtAnswer *a = side_answer (e, side);
  gboolean won = (side == SIDE_REMOTE) == e->conflict->remote_won;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading;
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *current_label;
  GtkWidget *check;
  GtkWidget *keep;
  g_autofree char *words = answer_words (self, e->question, a);
  g_autofree char *by = describe_author (self, history, a, e->conflict->recorded_at);
  g_autofree char *keep_label = NULL;

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (box, "cirt-conflict-side");

  heading = new_label (side == SIDE_LOCAL ? _("On this laptop") : _("In the imported file"), "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);

  {
    GtkWidget *value = new_label (words, "title-4");
    gtk_widget_set_margin_top (value, 2);
    gtk_box_append (GTK_BOX (box), value);
  }
  if (a != NULL)
    {
      if (has_text (a->notes))
        /* translators: a field of one version of an answer */
        append_line (box, g_strdup_printf (a->not_applicable ? _("Why not applicable: %s") : _("Notes: %s"), a->notes));
      if (has_text (a->evidence))
        /* translators: a field of one version of an answer */
        append_line (box, g_strdup_printf (_("Evidence: %s"), a->evidence));
      if (has_text (a->source))
        /* translators: a field of one version of an answer */
        append_line (box, g_strdup_printf (_("Source: %s"), a->source));
      if (a->flagged)
        gtk_box_append (GTK_BOX (box), new_label (_("Flagged for follow-up"), NULL));
    }
  if (by != NULL)
    {
      GtkWidget *by_label = new_label (by, "caption");
      gtk_widget_add_css_class (by_label, "dim-label");
      gtk_box_append (GTK_BOX (box), by_label);
    }
  if (won)
    {
      GtkWidget *won_label = new_label (_("The later change: the merge kept it"), "caption");
      gtk_widget_add_css_class (won_label, "accent");
      gtk_box_append (GTK_BOX (box), won_label);
    }

  /* Either "this is the answer now" or the button to make it so. */
  gtk_widget_set_margin_top (footer, 6);
  gtk_widget_set_vexpand (footer, TRUE);
  gtk_widget_set_valign (footer, GTK_ALIGN_END);
  e->current_box[side] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  current_label = new_label (_("The answer now"), NULL);
  gtk_box_append (GTK_BOX (e->current_box[side]), check);
  gtk_box_append (GTK_BOX (e->current_box[side]), current_label);
  gtk_widget_add_css_class (e->current_box[side], "success");
  gtk_widget_set_valign (e->current_box[side], GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (e->current_box[side], 7);
  gtk_widget_set_margin_bottom (e->current_box[side], 7);
  gtk_box_append (GTK_BOX (footer), e->current_box[side]);

  keep = gtk_button_new_with_label (_("Keep This"));
  gtk_widget_set_halign (keep, GTK_ALIGN_START);
  if (side == SIDE_LOCAL)
    /* translators: accessible name of a button; %s is a question id */
    keep_label = g_strdup_printf (_("Keep the version on this laptop for %s"), e->conflict->question);
  else
    /* translators: accessible name of a button; %s is a question id */
    keep_label = g_strdup_printf (_("Keep the version in the imported file for %s"), e->conflict->question);
  set_accessible_label (keep, keep_label);
  g_object_set_data (G_OBJECT (keep), "cirt-entry", e);
  g_object_set_data (G_OBJECT (keep), "cirt-side", GINT_TO_POINTER (side));
  g_signal_connect (keep, "clicked", G_CALLBACK (on_keep_clicked_cb), self);
  e->keep_button[side] = GTK_BUTTON (keep);
  gtk_box_append (GTK_BOX (footer), keep);
  gtk_box_append (GTK_BOX (box), footer);
  return box;
}

static GtkWidget *
build_row (CirtConflictsDialog *self,
           Entry               *e)
{
  const char *q = e->conflict->question;
  CirtContext *context = cirt_session_get_context (self->session);
  const char *lang = cirt_context_get_language (context);
  g_autoptr(GPtrArray) history = cirt_store_get_history (self->store, self->assessment_id, q, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *found;
  GtkWidget *go;
  GtkWidget *review;
  GtkWidget *status;
  g_autofree char *found_at = cirt_lang_format_time (cirt_context_get_lang (context), e->conflict->recorded_at);
  g_autofree char *found_text = NULL;
  g_autofree char *row_label = NULL;
  g_autofree char *go_label = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);

  /* The question */
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), new_label (q, "caption-heading"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (titles), "dim-label");
  if (e->question != NULL)
    gtk_box_append (GTK_BOX (titles), new_label (cirt_text_get (e->question->text, lang), "heading"));
  /* translators: when a merge found a conflict, "2 Mar 2026, 14:05" */
  found_text = g_strdup_printf (_("Found by the merge of %s"), found_at ? found_at : "");
  found = new_label (found_text, "caption");
  gtk_widget_add_css_class (found, "dim-label");
  gtk_box_append (GTK_BOX (titles), found);
  gtk_box_append (GTK_BOX (header), titles);
  status = gtk_label_new (NULL);
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_widget_add_css_class (status, "caption-heading");
  e->status_label = GTK_LABEL (status);
  gtk_box_append (GTK_BOX (header), status);
  gtk_box_append (GTK_BOX (box), header);

  /* The two versions side by side */
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_widget_add_css_class (sides, "cirt-conflict-sides");
  gtk_box_append (GTK_BOX (sides), build_side (self, e, SIDE_LOCAL, history));
  gtk_box_append (GTK_BOX (sides), build_side (self, e, SIDE_REMOTE, history));
  gtk_box_append (GTK_BOX (box), sides);

  e->changed_label = GTK_LABEL (new_label (NULL, NULL));
  gtk_widget_add_css_class (GTK_WIDGET (e->changed_label), "warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->changed_label));

  /* What to do */
  gtk_widget_set_halign (footer, GTK_ALIGN_END);
  go = gtk_button_new_with_label (_("Go to Question"));
  /* translators: accessible name of a button; %s is a question id */
  go_label = g_strdup_printf (_("Go to question %s"), q);
  set_accessible_label (go, go_label);
  g_object_set_data (G_OBJECT (go), "cirt-entry", e);
  g_signal_connect (go, "clicked", G_CALLBACK (on_go_clicked_cb), self);
  gtk_box_append (GTK_BOX (footer), go);

  review = gtk_button_new_with_label (_("Mark as Reviewed"));
  g_object_set_data (G_OBJECT (review), "cirt-entry", e);
  g_signal_connect (review, "clicked", G_CALLBACK (on_review_clicked_cb), self);
  e->review_button = GTK_BUTTON (review);
  gtk_box_append (GTK_BOX (footer), review);
  gtk_box_append (GTK_BOX (box), footer);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The keyboard goes from button to button, not to the rows. */
  gtk_widget_set_focusable (row, FALSE);
  /* translators: accessible name of a row; %s is a question id */
  row_label = g_strdup_printf (_("Conflict on question %s"), q);
  set_accessible_label (row, row_label);
  e->row = row;
  update_entry (self, e);
  return row;
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const CirtConflict *ca = *(CirtConflict * const *) a;
  const CirtConflict *cb = *(CirtConflict * const *) b;
  int c;

  /* Not reviewed first, then the newest first. */
  if (!ca->reviewed != !cb->reviewed)
    return ca->reviewed ? 1 : -1;
  c = g_strcmp0 (cb->recorded_at, ca->recorded_at);
  if (c != 0)
    return c;
  return ca->id < cb->id ? 1 : ca->id > cb->id ? -1 : 0;
}

static void
load (CirtConflictsDialog *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->entries, 0);

  adw_window_title_set_subtitle (self->window_title, cirt_session_get_info (self->session)->title);

  list = cirt_store_list_conflicts (self->store, self->assessment_id, &error);
  if (list == NULL)
    {
      cirt_app_report_error (GTK_WIDGET (self->list_box), _("Cannot read the merge conflicts"), error);
      update_count (self);
      return;
    }
  g_ptr_array_sort (list, compare_conflicts);
  /* The entries own the conflicts from here on. */
  g_ptr_array_set_free_func (list, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      Entry *e = g_new0 (Entry, 1);

      e->conflict = g_ptr_array_index (list, i);
      e->question = cirt_store_lookup_question (self->store, self->assessment_id, e->conflict->question, NULL);
      g_ptr_array_add (self->entries, e);
      gtk_list_box_append (self->list_box, build_row (self, e));
    }
  update_count (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_conflicts_dialog_dispose (GObject *object)
{
  CirtConflictsDialog *self = CIRT_CONFLICTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_CONFLICTS_DIALOG);
  self->store = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cirt_conflicts_dialog_parent_class)->dispose (object);
}

static void
cirt_conflicts_dialog_finalize (GObject *object)
{
  CirtConflictsDialog *self = CIRT_CONFLICTS_DIALOG (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (cirt_conflicts_dialog_parent_class)->finalize (object);
}

static void
cirt_conflicts_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CirtConflictsDialog *self = CIRT_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_N_UNREVIEWED:
      g_value_set_uint (value, self->n_unreviewed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_conflicts_dialog_class_init (CirtConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_conflicts_dialog_dispose;
  object_class->finalize = cirt_conflicts_dialog_finalize;
  object_class->get_property = cirt_conflicts_dialog_get_property;

  /* Conflicts not reviewed yet. */
  properties[PROP_N_UNREVIEWED] =
    g_param_spec_uint ("n-unreviewed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "Go to Question" was pressed (question id); the dialog closes next. */
  signals[GO_TO_QUESTION] =
    g_signal_new ("go-to-question", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtConflictsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CirtConflictsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtConflictsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtConflictsDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, CirtConflictsDialog, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cirt_conflicts_dialog_init (CirtConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_conflicts_dialog_new (GtkWindow   *parent,
                           CirtSession *session)
{
  CirtConflictsDialog *self;

  g_return_val_if_fail (CIRT_IS_SESSION (session), NULL);

  self = g_object_new (CIRT_TYPE_CONFLICTS_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->store = cirt_session_get_store (session);
  self->assessment_id = cirt_session_get_id (session);
  g_signal_connect_object (session, "answer-changed", G_CALLBACK (on_answer_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
  return GTK_WIDGET (self);
}

void
cirt_conflicts_dialog_reload (CirtConflictsDialog *self)
{
  g_return_if_fail (CIRT_IS_CONFLICTS_DIALOG (self));
  load (self);
}

const char *
cirt_conflicts_dialog_get_assessment_id (CirtConflictsDialog *self)
{
  g_return_val_if_fail (CIRT_IS_CONFLICTS_DIALOG (self), NULL);
  return self->assessment_id;
}

guint
cirt_conflicts_dialog_get_n_unreviewed (CirtConflictsDialog *self)
{
  g_return_val_if_fail (CIRT_IS_CONFLICTS_DIALOG (self), 0);
  return self->n_unreviewed;
}

guint
cirt_conflicts_dialog_get_n_conflicts (CirtConflictsDialog *self)
{
  g_return_val_if_fail (CIRT_IS_CONFLICTS_DIALOG (self), 0);
  return self->entries->len;
}

const CirtConflict *
cirt_conflicts_dialog_get_conflict (CirtConflictsDialog *self,
                                    guint                index)
{
  g_return_val_if_fail (CIRT_IS_CONFLICTS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return ((Entry *) g_ptr_array_index (self->entries, index))->conflict;
}

GtkWidget *
cirt_conflicts_dialog_get_row (CirtConflictsDialog *self,
                               guint                index)
{
  g_return_val_if_fail (CIRT_IS_CONFLICTS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return ((Entry *) g_ptr_array_index (self->entries, index))->row;
}
