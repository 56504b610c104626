/* cirt-records.c — the values an assessment is made of
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-records.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-json.h"

G_DEFINE_BOXED_TYPE (CirtAssessmentInfo, cirt_assessment_info, cirt_assessment_info_copy, cirt_assessment_info_free)

/* ------------------------------------------------------------------------ */
/* Assessment */

CirtAssessmentInfo *
cirt_assessment_info_new (void)
{
  return g_new0 (CirtAssessmentInfo, 1);
}

CirtAssessmentInfo *
cirt_assessment_info_copy (const CirtAssessmentInfo *info)
{
  CirtAssessmentInfo *c = g_new0 (CirtAssessmentInfo, 1);

  c->id = g_strdup (info->id);
  c->title = g_strdup (info->title);
  c->country = g_strdup (info->country);
  c->country_code = g_strdup (info->country_code);
  c->region = g_strdup (info->region);
  c->organisation = g_strdup (info->organisation);
  c->phase = g_strdup (info->phase);
  c->lead_assessor = g_strdup (info->lead_assessor);
  c->assessors = g_strdup (info->assessors);
  c->status = g_strdup (info->status);
  c->started_on = g_strdup (info->started_on);
  c->ended_on = g_strdup (info->ended_on);
  c->baseline = g_strdup (info->baseline);
  c->created_at = g_strdup (info->created_at);
  c->updated_at = g_strdup (info->updated_at);
  c->instruments = g_strdupv (info->instruments);
  c->n_answered = info->n_answered;
  c->n_questions = info->n_questions;
  return c;
}

void
cirt_assessment_info_free (CirtAssessmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->country);
  g_free (info->country_code);
  g_free (info->region);
  g_free (info->organisation);
  g_free (info->phase);
  g_free (info->lead_assessor);
  g_free (info->assessors);
  g_free (info->status);
  g_free (info->started_on);
  g_free (info->ended_on);
  g_free (info->baseline);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_strfreev (info->instruments);
  g_free (info);
}

/* ------------------------------------------------------------------------ */
/* Answer */

CirtAnswer *
cirt_answer_new (const char *question)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);
  a->question = g_strdup (question);
  return a;
}

CirtAnswer *
cirt_answer_copy (const CirtAnswer *answer)
{
  CirtAnswer *a = g_new0 (CirtAnswer, 1);

  a->question = g_strdup (answer->question);
  a->value = g_strdup (answer->value);
  a->not_applicable = answer->not_applicable;
  a->notes = g_strdup (answer->notes);
  a->evidence = g_strdup (answer->evidence);
  a->source = g_strdup (answer->source);
  a->flagged = answer->flagged;
  a->notes_internal = answer->notes_internal;
  a->author = g_strdup (answer->author);
  a->updated_at = g_strdup (answer->updated_at);
  return a;
}

void
cirt_answer_free (CirtAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->question);
  g_free (answer->value);
  g_free (answer->notes);
  g_free (answer->evidence);
  g_free (answer->source);
  g_free (answer->author);
  g_free (answer->updated_at);
  g_free (answer);
}

gboolean
cirt_answer_is_answered (const CirtAnswer *answer)
{
  return answer != NULL && (answer->value != NULL || answer->not_applicable);
}

/* NULL, empty or only ASCII white space: a text that says nothing. */
gboolean
cirt_text_is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
cirt_answer_is_empty (const CirtAnswer *answer)
{
  return answer == NULL ||
         (answer->value == NULL && !answer->not_applicable && cirt_text_is_blank (answer->notes) &&
          cirt_text_is_blank (answer->evidence) && cirt_text_is_blank (answer->source) && !answer->flagged);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  /* NULL and "" hold the same: nothing. */
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

CirtAnswerParts
cirt_answer_diff (const CirtAnswer *a,
                  const CirtAnswer *b)
{
  static const CirtAnswer none = { 0 };
  CirtAnswerParts parts = 0;

  if (a == NULL)
    a = &none;
  if (b == NULL)
    b = &none;
  if (g_strcmp0 (a->value, b->value) != 0 || !a->not_applicable != !b->not_applicable)
    parts |= CIRT_ANSWER_PART_VALUE;
  if (!same_text (a->notes, b->notes) || !a->notes_internal != !b->notes_internal)
    parts |= CIRT_ANSWER_PART_NOTES;
  if (!same_text (a->evidence, b->evidence))
    parts |= CIRT_ANSWER_PART_EVIDENCE;
  if (!same_text (a->source, b->source))
    parts |= CIRT_ANSWER_PART_SOURCE;
  if (!a->flagged != !b->flagged)
    parts |= CIRT_ANSWER_PART_FLAG;
  return parts;
}

gboolean
cirt_answer_same_content (const CirtAnswer *a,
                          const CirtAnswer *b)
{
  if (cirt_answer_is_empty (a) || cirt_answer_is_empty (b))
    return cirt_answer_is_empty (a) && cirt_answer_is_empty (b);
  return cirt_answer_diff (a, b) == 0;
}

static void
replace (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);
  g_free (*field);
  *field = copy;
}

void
cirt_answer_take_parts (CirtAnswer       *to,
                        const CirtAnswer *from,
                        CirtAnswerParts   parts)
{
  static const CirtAnswer none = { 0 };

  g_return_if_fail (to != NULL);
  if (from == NULL)
    from = &none;
  if (parts & CIRT_ANSWER_PART_VALUE)
    {
      replace (&to->value, from->value);
      to->not_applicable = from->not_applicable;
    }
  if (parts & CIRT_ANSWER_PART_NOTES)
    {
      replace (&to->notes, from->notes);
      to->notes_internal = from->notes_internal;
    }
  if (parts & CIRT_ANSWER_PART_EVIDENCE)
    replace (&to->evidence, from->evidence);
  if (parts & CIRT_ANSWER_PART_SOURCE)
    replace (&to->source, from->source);
  if (parts & CIRT_ANSWER_PART_FLAG)
    to->flagged = from->flagged;
}

/* ------------------------------------------------------------------------ */
/* Answer as JSON */

static void
add_text (JsonBuilder *b,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
cirt_answer_to_json_node (const CirtAnswer    *a,
                          CirtAnswerJsonFlags  flags)
{
  g_autoptr(JsonBuilder) b = NULL;
  gboolean meta = (flags & CIRT_ANSWER_JSON_WITH_META) != 0;

  if (a == NULL || (!meta && cirt_answer_is_empty (a)))
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  if (meta)
    add_text (b, "question", a->question);
  json_builder_set_member_name (b, "value");
  if (a->value != NULL)
    json_builder_add_string_value (b, a->value);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "not_applicable");
  json_builder_add_boolean_value (b, a->not_applicable);
  add_text (b, "notes", a->notes);
  add_text (b, "evidence", a->evidence);
  add_text (b, "source", a->source);
  json_builder_set_member_name (b, "flagged");
  json_builder_add_boolean_value (b, a->flagged);
  /* Only when set: every answer written before the mark existed keeps the
   * same JSON, and so the same hash in the history's chain. */
  if (a->notes_internal)
    {
      json_builder_set_member_name (b, "notes_internal");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (meta)
    {
      add_text (b, "author", a->author);
      add_text (b, "updated_at", a->updated_at);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_answer_to_json (const CirtAnswer *a)
{
  g_autoptr(JsonNode) node = cirt_answer_to_json_node (a, CIRT_ANSWER_JSON_CONTENT);

  return node ? json_to_string (node, FALSE) : NULL;
}

static const char *
lenient_string (JsonObject *o,
                const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  const char *s;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  s = json_node_get_string (n);
  return s && *s ? s : NULL;
}

static gboolean
lenient_bool (JsonObject *o,
              const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (n);
}

CirtAnswer *
cirt_answer_from_json (const char *question,
                       const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  CirtAnswer *a;

  if (json == NULL || (root = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  o = json_node_get_object (root);
  a = cirt_answer_new (question);
  a->value = g_strdup (lenient_string (o, "value"));
  /* An empty string was a value in the first schema's history ("" = a
   * checklist with nothing ticked); keep it. */
  if (a->value == NULL)
    {
      JsonNode *v = json_object_get_member (o, "value");
      if (v != NULL && JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        a->value = g_strdup (json_node_get_string (v));
    }
  a->not_applicable = lenient_bool (o, "not_applicable");
  a->notes = g_strdup (lenient_string (o, "notes"));
  a->evidence = g_strdup (lenient_string (o, "evidence"));
  a->source = g_strdup (lenient_string (o, "source"));
  a->flagged = lenient_bool (o, "flagged");
  a->notes_internal = lenient_bool (o, "notes_internal");
  return a;
}

/* A member that must be a string or null (absent = null). */
static gboolean
strict_text (JsonObject  *o,
             const char  *name,
             const char  *path,
             gsize        max,
             char       **out,
             GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      /* translators: %s.%s is a place in a file, "answers[3].notes" */
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: must be a text or null"), path, name);
      return FALSE;
    }
  if (!cirt_json_check_text (json_node_get_string (n), max, path, name, error))
    return FALSE;
  *out = g_strdup (json_node_get_string (n));
  return TRUE;
}

static gboolean
strict_bool (JsonObject  *o,
             const char  *name,
             const char  *path,
             gboolean    *out,
             GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);

  *out = FALSE;
  if (n == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: must be true or false"), path, name);
      return FALSE;
    }
  *out = json_node_get_boolean (n);
  return TRUE;
}

CirtAnswer *
cirt_answer_from_json_object (JsonObject          *o,
                              const char          *question,
                              CirtAnswerJsonFlags  flags,
                              const char          *path,
                              GError             **error)
{
  static const char * const content_keys[] = {
    "value", "not_applicable", "notes", "evidence", "source", "flagged", "notes_internal", NULL,
  };
  static const char * const meta_keys[] = {
    "question", "value", "not_applicable", "notes", "evidence", "source", "flagged", "notes_internal", "author",
    "updated_at", NULL,
  };
  gboolean meta = (flags & CIRT_ANSWER_JSON_WITH_META) != 0;
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, meta ? meta_keys : content_keys, path, error))
    return NULL;
  if (meta)
    {
      g_autofree char *q = NULL;
      if (!strict_text (o, "question", path, CIRT_MAX_SHORT_TEXT, &q, error))
        return NULL;
      if (q == NULL)
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.question: missing"), path);
          return NULL;
        }
      g_free (a->question);
      a->question = g_steal_pointer (&q);
    }
  if (!strict_text (o, "value", path, CIRT_MAX_TEXT, &a->value, error) ||
      !strict_bool (o, "not_applicable", path, &a->not_applicable, error) ||
      !strict_text (o, "notes", path, CIRT_MAX_TEXT, &a->notes, error) ||
      !strict_text (o, "evidence", path, CIRT_MAX_TEXT, &a->evidence, error) ||
      !strict_text (o, "source", path, CIRT_MAX_TEXT, &a->source, error) ||
      !strict_bool (o, "flagged", path, &a->flagged, error) ||
      !strict_bool (o, "notes_internal", path, &a->notes_internal, error))
    return NULL;
  if (meta && (!strict_text (o, "author", path, CIRT_MAX_SHORT_TEXT, &a->author, error) ||
               !strict_text (o, "updated_at", path, CIRT_MAX_SHORT_TEXT, &a->updated_at, error)))
    return NULL;
  return g_steal_pointer (&a);
}

/* ------------------------------------------------------------------------ */
/* History, stakeholders, conflicts */

void
cirt_history_entry_free (CirtHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->question);
  g_free (entry->author);
  g_free (entry->changed_at);
  cirt_answer_free (entry->old_answer);
  cirt_answer_free (entry->new_answer);
  g_free (entry->hash);
  g_free (entry);
}

char *
cirt_shorten_message (char *message)
{
  const char *end;
  char *cut;

  if (message == NULL || strlen (message) <= CIRT_MAX_MESSAGE)
    return message;
  /* Back to the first byte of a character. */
  end = message + CIRT_MAX_MESSAGE;
  while (end > message && ((guchar) *end & 0xc0) == 0x80)
    end--;
  cut = g_strdup_printf ("%.*s…", (int) (end - message), message);
  g_free (message);
  return cut;
}

static void
chain_field (GChecksum  *sum,
             const char *value)
{
  g_autofree char *head = NULL;

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-\n", 2);
      return;
    }
  head = g_strdup_printf ("+%" G_GSIZE_FORMAT ":", strlen (value));
  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) value, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
}

char *
cirt_history_chain_link (const char *prev,
                         const char *assessment,
                         const char *question,
                         const char *author,
                         const char *changed_at,
                         const char *old_json,
                         const char *new_json)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) "cirt-history-1\n", -1);
  chain_field (sum, prev);
  chain_field (sum, assessment);
  chain_field (sum, question);
  chain_field (sum, author);
  chain_field (sum, changed_at);
  chain_field (sum, old_json);
  chain_field (sum, new_json);
  return g_strdup (g_checksum_get_string (sum));
}

CirtStakeholder *
cirt_stakeholder_new (void)
{
  return g_new0 (CirtStakeholder, 1);
}

CirtStakeholder *
cirt_stakeholder_copy (const CirtStakeholder *s)
{
  CirtStakeholder *c = g_new0 (CirtStakeholder, 1);

  c->id = s->id;
  c->name = g_strdup (s->name);
  c->organisation = g_strdup (s->organisation);
  c->sector = g_strdup (s->sector);
  c->met_on = g_strdup (s->met_on);
  c->notes = g_strdup (s->notes);
  return c;
}

void
cirt_stakeholder_free (CirtStakeholder *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->organisation);
  g_free (s->sector);
  g_free (s->met_on);
  g_free (s->notes);
  g_free (s);
}

void
cirt_conflict_free (CirtConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->question);
  cirt_answer_free (conflict->local);
  cirt_answer_free (conflict->remote);
  g_free (conflict->recorded_at);
  g_free (conflict);
}

/* ------------------------------------------------------------------------ */
/* Findings */

CirtFinding *
cirt_finding_new (void)
{
  CirtFinding *f = g_new0 (CirtFinding, 1);
  f->position = CIRT_FINDING_END;
  return f;
}

CirtFinding *
cirt_finding_copy (const CirtFinding *f)
{
  CirtFinding *c = g_new0 (CirtFinding, 1);

  c->id = g_strdup (f->id);
  c->kind = f->kind;
  c->title = g_strdup (f->title);
  c->description = g_strdup (f->description);
  c->pillar = f->pillar;
  c->phase = f->phase;
  c->questions = g_strdupv (f->questions);
  c->position = f->position;
  c->author = g_strdup (f->author);
  c->created_at = g_strdup (f->created_at);
  c->modified_at = g_strdup (f->modified_at);
  return c;
}

void
cirt_finding_free (CirtFinding *f)
{
  if (f == NULL)
    return;
  g_free (f->id);
  g_free (f->title);
  g_free (f->description);
  g_strfreev (f->questions);
  g_free (f->author);
  g_free (f->created_at);
  g_free (f->modified_at);
  g_free (f);
}

static gboolean
same_strv (char **a,
           char **b)
{
  guint na = a ? g_strv_length (a) : 0, nb = b ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

gboolean
cirt_finding_same_content (const CirtFinding *a,
                           const CirtFinding *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->kind == b->kind && a->pillar == b->pillar && a->phase == b->phase &&
         same_text (a->title, b->title) && same_text (a->description, b->description) &&
         same_strv (a->questions, b->questions);
}

JsonNode *
cirt_finding_to_json_node (const CirtFinding *f)
{
  g_autoptr(JsonBuilder) b = NULL;

  if (f == NULL)
    return NULL;
  b = json_builder_new ();
  json_builder_begin_object (b);
  add_text (b, "id", f->id);
  add_text (b, "kind", f->kind < CIRT_N_FINDING_KINDS ? cirt_finding_kind_to_string (f->kind) : NULL);
  add_text (b, "title", f->title);
  add_text (b, "description", f->description);
  add_text (b, "pillar", f->pillar < CIRT_N_PILLARS ? cirt_pillar_to_string (f->pillar) : NULL);
  add_text (b, "phase", f->phase <= CIRT_PHASE_ENHANCEMENT ? cirt_phase_to_string (f->phase) : NULL);
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; f->questions != NULL && f->questions[i] != NULL; i++)
    json_builder_add_string_value (b, f->questions[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, f->position == CIRT_FINDING_END ? 0 : f->position);
  add_text (b, "author", f->author);
  add_text (b, "created_at", f->created_at);
  add_text (b, "modified_at", f->modified_at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_finding_to_json (const CirtFinding *f)
{
  g_autoptr(JsonNode) node = cirt_finding_to_json_node (f);

  return node ? json_to_string (node, FALSE) : NULL;
}

/* A required text of a finding, strictly. */
static gboolean
strict_required (JsonObject  *o,
                 const char  *name,
                 const char  *path,
                 gsize        max,
                 char       **out,
                 GError     **error)
{
  if (!strict_text (o, name, path, max, out, error))
    return FALSE;
  if (*out == NULL || cirt_text_is_blank (*out))
    {
      g_clear_pointer (out, g_free);
      /* translators: %s.%s is a place in a file, "findings[2].title" */
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.%s: missing"), path, name);
      return FALSE;
    }
  return TRUE;
}

CirtFinding *
cirt_finding_from_json_object (JsonObject  *o,
                               const char  *path,
                               GError     **error)
{
  static const char * const keys[] = {
    "id", "kind", "title", "description", "pillar", "phase", "questions", "position", "author", "created_at",
    "modified_at", NULL,
  };
  g_autoptr(CirtFinding) f = cirt_finding_new ();
  g_autofree char *kind = NULL, *pillar = NULL, *phase = NULL;
  JsonNode *n;

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, keys, path, error) ||
      !strict_required (o, "id", path, 64, &f->id, error) ||
      !strict_required (o, "kind", path, 64, &kind, error) ||
      !strict_required (o, "title", path, CIRT_MAX_SHORT_TEXT, &f->title, error) ||
      !strict_text (o, "description", path, CIRT_MAX_TEXT, &f->description, error) ||
      !strict_required (o, "pillar", path, 64, &pillar, error) ||
      !strict_required (o, "phase", path, 64, &phase, error) ||
      !strict_text (o, "author", path, CIRT_MAX_SHORT_TEXT, &f->author, error) ||
      !strict_required (o, "created_at", path, CIRT_MAX_SHORT_TEXT, &f->created_at, error) ||
      !strict_required (o, "modified_at", path, CIRT_MAX_SHORT_TEXT, &f->modified_at, error))
    return NULL;
  if (!g_uuid_string_is_valid (f->id))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.id: \"%s\" is not a finding id (a UUID)"),
                   path, f->id);
      return NULL;
    }
  if (!cirt_finding_kind_from_string (kind, &f->kind))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s.kind: unknown kind \"%s\" (expected issue, quick-win or risk)"), path, kind);
      return NULL;
    }
  if (!cirt_pillar_from_string (pillar, &f->pillar))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s.pillar: not a pillar (expected legal, technical, organizational, capacity or cooperation)"),
                   path);
      return NULL;
    }
  if (!cirt_phase_from_string (phase, &f->phase))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s.phase: unknown phase \"%s\" (expected design, establishment or enhancement)"), path, phase);
      return NULL;
    }
  n = json_object_get_member (o, "questions");
  if (n != NULL && !JSON_NODE_HOLDS_NULL (n))
    {
      JsonArray *arr = JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

      if (arr == NULL)
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.questions: must be a list of question ids"),
                       path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *e = json_array_get_element (arr, i);
          const char *q;

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            {
              g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.questions[%u]: must be a text"),
                           path, i);
              return NULL;
            }
          q = json_node_get_string (e);
          {
            g_autofree char *where = g_strdup_printf ("%s.questions", path);
            g_autofree char *item = g_strdup_printf ("[%u]", i);
            if (!cirt_json_check_text (q, 64, where, item, error))
              return NULL;
          }
          for (guint j = 0; j < ids->len; j++)
            if (strcmp (g_ptr_array_index (ids, j), q) == 0)
              {
                g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                             _("%s.questions[%u]: \"%s\" is listed twice"), path, i, q);
                return NULL;
              }
          g_ptr_array_add (ids, g_strdup (q));
        }
      if (ids->len > 0)
        {
          g_ptr_array_add (ids, NULL);
          f->questions = (GStrv) g_ptr_array_steal (ids, NULL);
        }
    }
  n = json_object_get_member (o, "position");
  if (n != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 || json_node_get_int (n) < 0 ||
          json_node_get_int (n) >= G_MAXINT32)
        {
          g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, _("%s.position: must be a whole number from 0"),
                       path);
          return NULL;
        }
      f->position = (guint) json_node_get_int (n);
    }
  return g_steal_pointer (&f);
}

CirtFinding *
cirt_finding_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (json == NULL || (root = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return cirt_finding_from_json_object (json_node_get_object (root), "", &error);
}

void
cirt_finding_change_free (CirtFindingChange *change)
{
  if (change == NULL)
    return;
  g_free (change->finding);
  g_free (change->author);
  g_free (change->changed_at);
  cirt_finding_free (change->old_finding);
  cirt_finding_free (change->new_finding);
  g_free (change);
}
