/* cirt-session.c — one open assessment
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-session.h"

/* One change this session saved, for Ctrl+Z. */
typedef struct {
  char            *question;
  CirtAnswer      *before;    /* as it was before the change; NULL: none */
  CirtAnswer      *after;     /* as the store held it after */
  CirtAnswerParts  parts;     /* what the change changed */
  guint            group;
} UndoEntry;

/* Parts typed key by key: a run of autosaves of them is one change. */
#define TEXT_PARTS (CIRT_ANSWER_PART_NOTES | CIRT_ANSWER_PART_EVIDENCE | CIRT_ANSWER_PART_SOURCE)

struct _CirtSession {
  GObject             parent_instance;

  CirtContext        *context;
  CirtStore          *store;
  char               *id;

  CirtAssessmentInfo *info;
  GPtrArray          *instruments;
  GHashTable         *answers;       /* question id → CirtAnswer* */

  CirtAssessmentData *data;
  char               *error;
  char               *baseline_id;   /* whose changes change the data too */
  guint               holds;
  guint               reload_id;
  guint               n_loads;
  gboolean            dirty;         /* changed since the data was loaded */
  gboolean            answer_changed;/* the next change of the assessment is an answer's */

  guint               n_conflicts;
  CirtSaveState       save_state;

  GPtrArray          *undo;          /* UndoEntry*, newest last */
  guint               undo_group;
  gboolean            removed;
};

G_DEFINE_FINAL_TYPE (CirtSession, cirt_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ID,
  PROP_INFO,
  PROP_DATA,
  PROP_SCORE,
  PROP_BASELINE,
  PROP_ERROR,
  PROP_N_CONFLICTS,
  PROP_SAVE_STATE,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  CONFLICT,
  REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
undo_entry_free (UndoEntry *e)
{
  g_free (e->question);
  g_clear_pointer (&e->before, cirt_answer_free);
  g_clear_pointer (&e->after, cirt_answer_free);
  g_free (e);
}

/* ------------------------------------------------------------------------ */
/* Following the store                                                      */

static gboolean
same_info (const CirtAssessmentInfo *a,
           const CirtAssessmentInfo *b)
{
  /* What is shown of it; updated_at and the count change with every answer. */
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->country, b->country) == 0 &&
         g_strcmp0 (a->organisation, b->organisation) == 0 && g_strcmp0 (a->phase, b->phase) == 0 &&
         g_strcmp0 (a->lead_assessor, b->lead_assessor) == 0 && g_strcmp0 (a->assessors, b->assessors) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 && g_strcmp0 (a->started_on, b->started_on) == 0 &&
         g_strcmp0 (a->ended_on, b->ended_on) == 0 && g_strcmp0 (a->baseline, b->baseline) == 0;
}

static void
set_info (CirtSession        *self,
          CirtAssessmentInfo *info)
{
  gboolean changed = self->info == NULL || !same_info (self->info, info);

  g_clear_pointer (&self->info, cirt_assessment_info_free);
  self->info = info;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFO]);
}

static void
load_data (CirtSession *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentData *data;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->dirty = FALSE;
  self->n_loads++;
  data = cirt_assessment_data_load (self->store, self->id, CIRT_LOAD_ALL, &error);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  g_clear_pointer (&self->error, g_free);
  self->data = data;
  if (data == NULL)
    self->error = g_strdup (error->message);
  else
    {
      g_free (self->baseline_id);
      self->baseline_id = g_strdup (data->info->baseline);
      set_info (self, cirt_assessment_info_copy (data->info));
    }
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
on_reload_cb (gpointer user_data)
{
  CirtSession *self = user_data;

  self->reload_id = 0;
  if (self->holds > 0 && self->dirty)
    load_data (self);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (CirtSession *self)
{
  self->dirty = TRUE;
  /* Nothing on screen needs it: loaded when something does. */
  if (self->holds > 0 && self->reload_id == 0)
    {
      self->reload_id = g_timeout_add (CIRT_SESSION_RELOAD_MS, on_reload_cb, self);
      g_source_set_name_by_id (self->reload_id, "[cirt] session reload");
    }
}

static void
count_conflicts (CirtSession *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  n = cirt_store_count_unreviewed_conflicts (self->store, self->id, &error);
  if (error == NULL && n != self->n_conflicts)
    {
      self->n_conflicts = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

static void
on_answer_changed_cb (CirtSession *self,
                      const char  *assessment,
                      const char  *question)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) before = NULL;
  CirtAnswer *after;
  gpointer key = NULL, value = NULL;

  if (g_strcmp0 (assessment, self->id) != 0)
    return;
  after = cirt_store_get_answer (self->store, self->id, question, &error);
  if (error != NULL)
    {
      g_warning ("cannot read the answer to %s: %s", question, error->message);
      return;
    }
  /* The keys are the answers' own question ids (cirt_store_get_answers()). */
  if (g_hash_table_steal_extended (self->answers, question, &key, &value))
    before = value;
  if (after != NULL)
    g_hash_table_insert (self->answers, after->question, after);
  self->answer_changed = TRUE;
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, question, before, after);
}

static void
on_assessment_changed_cb (CirtSession *self,
                          const char  *assessment)
{
  if (g_strcmp0 (assessment, self->id) == 0)
    {
      /* Answers come in bursts (notes typed key by key, an import): taken
       * in once the burst is over. Anything else (an interview, a target,
       * a review) is a single change, shown at once. */
      if (self->answer_changed || self->holds == 0)
        mark_dirty (self);
      else
        load_data (self);
      self->answer_changed = FALSE;
      /* Imports, saves that cross and reviews change them (one count, on
       * an index: cheap). */
      count_conflicts (self);
    }
  else if (self->baseline_id != NULL && g_strcmp0 (assessment, self->baseline_id) == 0)
    mark_dirty (self);
}

static void
on_assessments_changed_cb (CirtSession *self)
{
  g_autoptr(GError) error = NULL;
  CirtAssessmentInfo *info;

  if (self->removed)
    return;
  info = cirt_store_get_assessment (self->store, self->id, &error);
  if (info != NULL)
    {
      set_info (self, info);
      return;
    }
  if (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND))
    {
      self->removed = TRUE;
      g_signal_emit (self, signals[REMOVED], 0);
    }
}

/* ------------------------------------------------------------------------ */
/* Undo                                                                     */

static void
push_undo (CirtSession      *self,
           const char       *question,
           const CirtAnswer *before,
           const CirtAnswer *after,
           CirtAnswerParts   parts)
{
  UndoEntry *top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  UndoEntry *e;
  gboolean could_undo = self->undo->len > 0;

  /* Typing in the text fields of one question is one change, however many
   * autosaves it took. */
  if (top != NULL && g_strcmp0 (top->question, question) == 0 && top->group == self->undo_group &&
      (top->parts & ~TEXT_PARTS) == 0 && (parts & ~TEXT_PARTS) == 0)
    {
      g_clear_pointer (&top->after, cirt_answer_free);
      top->after = after ? cirt_answer_copy (after) : NULL;
      top->parts |= parts;
      return;
    }
  e = g_new0 (UndoEntry, 1);
  e->question = g_strdup (question);
  e->before = before ? cirt_answer_copy (before) : NULL;
  e->after = after ? cirt_answer_copy (after) : NULL;
  e->parts = parts;
  e->group = self->undo_group;
  g_ptr_array_add (self->undo, e);
  if (self->undo->len > CIRT_SESSION_MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_session_dispose (GObject *object)
{
  CirtSession *self = CIRT_SESSION (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  G_OBJECT_CLASS (cirt_session_parent_class)->dispose (object);
}

static void
cirt_session_finalize (GObject *object)
{
  CirtSession *self = CIRT_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->id);
  g_clear_pointer (&self->info, cirt_assessment_info_free);
  g_clear_pointer (&self->instruments, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->data, cirt_assessment_data_unref);
  g_free (self->error);
  g_free (self->baseline_id);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  G_OBJECT_CLASS (cirt_session_parent_class)->finalize (object);
}

static void
cirt_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CirtSession *self = CIRT_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_INFO:
      g_value_set_boxed (value, self->info);
      break;
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_SCORE:
      g_value_set_object (value, cirt_session_get_score (self));
      break;
    case PROP_BASELINE:
      g_value_set_object (value, cirt_session_get_baseline (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    case PROP_SAVE_STATE:
      g_value_set_int (value, self->save_state);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo->len > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_session_class_init (CirtSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cirt_session_dispose;
  object_class->finalize = cirt_session_finalize;
  object_class->get_property = cirt_session_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CIRT_TYPE_CONTEXT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INFO] =
    g_param_spec_boxed ("info", NULL, NULL, CIRT_TYPE_ASSESSMENT_INFO,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, CIRT_TYPE_ASSESSMENT_DATA,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_object ("score", NULL, NULL, CIRT_TYPE_SCORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, CIRT_TYPE_SCORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATE] =
    g_param_spec_int ("save-state", NULL, NULL, CIRT_SAVE_STATE_SAVED, CIRT_SAVE_STATE_FAILED,
                      CIRT_SAVE_STATE_SAVED, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_POINTER, G_TYPE_POINTER);
  signals[CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cirt_session_init (CirtSession *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);
  self->dirty = TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

CirtSession *
cirt_session_new (CirtContext  *context,
                  const char   *id,
                  GError      **error)
{
  g_autoptr(CirtSession) self = NULL;
  CirtStore *store;

  g_return_val_if_fail (CIRT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  store = cirt_context_get_store (context);
  self = g_object_new (CIRT_TYPE_SESSION, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (store);
  self->id = g_strdup (id);
  if ((self->info = cirt_store_get_assessment (store, id, error)) == NULL ||
      (self->instruments = cirt_store_get_instruments (store, id, error)) == NULL ||
      (self->answers = cirt_store_get_answers (store, id, error)) == NULL)
    return NULL;
  self->baseline_id = g_strdup (self->info->baseline);
  self->n_conflicts = cirt_store_count_unreviewed_conflicts (store, id, NULL);

  g_signal_connect_object (store, "answer-changed", G_CALLBACK (on_answer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "assessment-changed", G_CALLBACK (on_assessment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "assessments-changed", G_CALLBACK (on_assessments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

CirtContext *
cirt_session_get_context (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->context;
}

CirtStore *
cirt_session_get_store (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->store;
}

const char *
cirt_session_get_id (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->id;
}

const CirtAssessmentInfo *
cirt_session_get_info (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->info;
}

GPtrArray *
cirt_session_get_instruments (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->instruments;
}

const CirtAnswer *
cirt_session_get_answer (CirtSession *self,
                         const char  *question)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return question ? g_hash_table_lookup (self->answers, question) : NULL;
}

GHashTable *
cirt_session_get_answers (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->answers;
}

CirtAssessmentData *
cirt_session_get_data (CirtSession  *self,
                       GError      **error)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);

  if (self->dirty || (self->data == NULL && self->error == NULL))
    load_data (self);
  if (self->data == NULL)
    g_set_error_literal (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_SQL, self->error);
  return self->data;
}

CirtScore *
cirt_session_get_score (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->data ? self->data->score : NULL;
}

CirtScore *
cirt_session_get_baseline (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->data ? self->data->baseline : NULL;
}

const char *
cirt_session_get_error (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), NULL);
  return self->error;
}

void
cirt_session_hold (CirtSession *self)
{
  g_return_if_fail (CIRT_IS_SESSION (self));

  /* Shown again after changes: at once, not a moment later. */
  if (self->holds++ == 0 && (self->dirty || self->data == NULL))
    load_data (self);
}

void
cirt_session_release (CirtSession *self)
{
  g_return_if_fail (CIRT_IS_SESSION (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    g_clear_handle_id (&self->reload_id, g_source_remove);
}

guint
cirt_session_get_n_loads (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), 0);
  return self->n_loads;
}

guint
cirt_session_get_n_conflicts (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), 0);

  return self->n_conflicts;
}

CirtSaveState
cirt_session_get_save_state (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), CIRT_SAVE_STATE_SAVED);
  return self->save_state;
}

void
cirt_session_set_save_state (CirtSession   *self,
                             CirtSaveState  state)
{
  g_return_if_fail (CIRT_IS_SESSION (self));

  if (self->save_state == state)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

gboolean
cirt_session_save_answer (CirtSession      *self,
                          const CirtAnswer *base,
                          const CirtAnswer *answer,
                          CirtSaveOutcome  *outcome,
                          CirtAnswer      **stored,
                          GError          **error)
{
  g_autoptr(CirtAnswer) write = NULL;
  g_autoptr(CirtAnswer) start = NULL;
  g_autoptr(CirtAnswer) after = NULL;
  CirtSaveOutcome result = CIRT_SAVE_UNCHANGED;

  g_return_val_if_fail (CIRT_IS_SESSION (self), FALSE);
  g_return_val_if_fail (answer != NULL && answer->question != NULL, FALSE);

  /* Copies: the announcement of the write may lead the caller to replace
   * what it passed. */
  write = cirt_answer_copy (answer);
  start = base ? cirt_answer_copy (base) : NULL;
  g_free (write->author);
  write->author = cirt_context_dup_author (self->context);
  g_clear_pointer (&write->updated_at, g_free);
  if (!cirt_store_save_answer_over (self->store, self->id, start, write, &result, &after, error))
    {
      cirt_session_set_save_state (self, CIRT_SAVE_STATE_FAILED);
      return FALSE;
    }
  cirt_session_set_save_state (self, CIRT_SAVE_STATE_SAVED);
  if (result != CIRT_SAVE_UNCHANGED)
    push_undo (self, write->question, start, after, cirt_answer_diff (start, write));
  if (result == CIRT_SAVE_CONFLICT)
    g_signal_emit (self, signals[CONFLICT], 0, write->question);
  if (outcome != NULL)
    *outcome = result;
  if (stored != NULL)
    *stored = g_steal_pointer (&after);
  return TRUE;
}

void
cirt_session_new_undo_group (CirtSession *self)
{
  g_return_if_fail (CIRT_IS_SESSION (self));
  self->undo_group++;
}

gboolean
cirt_session_get_can_undo (CirtSession *self)
{
  g_return_val_if_fail (CIRT_IS_SESSION (self), FALSE);
  return self->undo->len > 0;
}

gboolean
cirt_session_undo (CirtSession  *self,
                   char        **question,
                   GError      **error)
{
  g_autoptr(CirtAnswer) restore = NULL;
  g_autoptr(CirtAnswer) before = NULL;
  CirtSaveOutcome result;
  UndoEntry *e;

  g_return_val_if_fail (CIRT_IS_SESSION (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;
  /* Off the stack while it is written: what the write announces may lead
   * to other saves. Back on it if the write fails. */
  e = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  /* The parts that change changed go back; what others changed since stays
   * (the write merges over the answer as that change left it). */
  before = e->before ? cirt_answer_copy (e->before) : cirt_answer_new (e->question);
  restore = e->after ? cirt_answer_copy (e->after) : cirt_answer_new (e->question);
  cirt_answer_take_parts (restore, before, e->parts);
  g_free (restore->author);
  restore->author = cirt_context_dup_author (self->context);
  g_clear_pointer (&restore->updated_at, g_free);
  if (!cirt_store_save_answer_over (self->store, self->id, e->after, restore, &result, NULL, error))
    {
      g_ptr_array_add (self->undo, e);
      return FALSE;
    }
  if (question != NULL)
    *question = g_strdup (e->question);
  if (result == CIRT_SAVE_CONFLICT)
    g_signal_emit (self, signals[CONFLICT], 0, restore->question);
  undo_entry_free (e);
  /* The next change is a change of its own, not more of the undone one. */
  self->undo_group++;
  if (self->undo->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return TRUE;
}
