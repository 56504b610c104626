/* cirt-review.c — the lead assessor's review of an answer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-review.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-json.h"

static const char * const state_names[CIRT_N_REVIEW_STATES] = {
  "not-reviewed", "accepted", "needs-work",
};

CirtReview *
cirt_review_new (const char *question)
{
  CirtReview *r = g_new0 (CirtReview, 1);

  r->question = g_strdup (question);
  return r;
}

CirtReview *
cirt_review_copy (const CirtReview *review)
{
  CirtReview *r;

  if (review == NULL)
    return NULL;
  r = cirt_review_new (review->question);
  r->state = review->state;
  r->comment = g_strdup (review->comment);
  r->reviewer = g_strdup (review->reviewer);
  r->reviewed_at = g_strdup (review->reviewed_at);
  r->answer_version = g_strdup (review->answer_version);
  return r;
}

void
cirt_review_free (CirtReview *review)
{
  if (review == NULL)
    return;
  g_free (review->question);
  g_free (review->comment);
  g_free (review->reviewer);
  g_free (review->reviewed_at);
  g_free (review->answer_version);
  g_free (review);
}

const char *
cirt_review_state_to_string (CirtReviewState state)
{
  return (guint) state < CIRT_N_REVIEW_STATES ? state_names[state] : NULL;
}

gboolean
cirt_review_state_from_string (const char      *text,
                               CirtReviewState *state)
{
  for (guint i = 0; text != NULL && i < CIRT_N_REVIEW_STATES; i++)
    if (strcmp (text, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

char *
cirt_review_answer_version (const CirtAnswer *answer)
{
  g_autofree char *json = NULL;

  if (answer == NULL || !cirt_answer_is_answered (answer))
    return NULL;
  json = cirt_answer_to_json (answer);
  return json ? g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1) : NULL;
}

static gboolean
reviewed_this (const CirtReview *review,
               const CirtAnswer *answer)
{
  g_autofree char *version = cirt_review_answer_version (answer);

  return version != NULL && g_strcmp0 (version, review->answer_version) == 0;
}

CirtReviewState
cirt_review_effective_state (const CirtReview *review,
                             const CirtAnswer *answer)
{
  if (review == NULL || review->state == CIRT_REVIEW_NOT_REVIEWED || !reviewed_this (review, answer))
    return CIRT_REVIEW_NOT_REVIEWED;
  return review->state;
}

gboolean
cirt_review_is_outdated (const CirtReview *review,
                         const CirtAnswer *answer)
{
  return review != NULL && review->state != CIRT_REVIEW_NOT_REVIEWED && !reviewed_this (review, answer);
}

gboolean
cirt_review_same_content (const CirtReview *a,
                          const CirtReview *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->state == b->state && g_strcmp0 (a->comment, b->comment) == 0 &&
         g_strcmp0 (a->answer_version, b->answer_version) == 0;
}

JsonNode *
cirt_review_to_json_node (const CirtReview *review)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (review != NULL, NULL);

  json_builder_begin_object (b);
  cirt_json_add_string (b, "question", review->question);
  cirt_json_add_string (b, "state", cirt_review_state_to_string (review->state));
  cirt_json_add_string (b, "comment", review->comment);
  cirt_json_add_string (b, "reviewer", review->reviewer);
  cirt_json_add_string (b, "reviewed_at", review->reviewed_at);
  cirt_json_add_string (b, "answer_version", review->answer_version);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cirt_review_to_json (const CirtReview *review)
{
  g_autoptr(JsonNode) node = NULL;

  if (review == NULL)
    return NULL;
  node = cirt_review_to_json_node (review);
  return json_to_string (node, FALSE);
}

CirtReview *
cirt_review_from_json (const char *json)
{
  g_autoptr(JsonNode) root = NULL;

  if (json == NULL)
    return NULL;
  root = cirt_json_parse (json, -1, CIRT_MAX_TEXT, "review", NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return cirt_review_from_json_object (json_node_get_object (root), "", NULL);
}

char *
cirt_review_comment_too_long (const char *comment)
{
  g_autofree char *size = NULL, *limit = NULL;
  gsize len = comment ? strlen (comment) : 0;

  if (len <= CIRT_REVIEW_MAX_COMMENT)
    return NULL;
  size = g_format_size_full (len, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
  limit = g_format_size_full (CIRT_REVIEW_MAX_COMMENT, G_FORMAT_SIZE_IEC_UNITS);
  /* translators: "the review comment is too long (1.0 MiB; at most 16.0 KiB)" */
  return g_strdup_printf (_("the review comment is too long (%s; at most %s): say what needs work in a few "
                            "paragraphs, and put documents in the evidence"), size, limit);
}

static gboolean
is_hex_sha256 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *c = s; *c; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

CirtReview *
cirt_review_from_json_object (JsonObject  *o,
                              const char  *path,
                              GError     **error)
{
  static const char * const keys[] = {
    "question", "state", "comment", "reviewer", "reviewed_at", "answer_version", NULL,
  };
  g_autoptr(CirtReview) r = NULL;
  const char *question = NULL, *state = NULL, *comment = NULL, *reviewer = NULL, *when = NULL, *version = NULL;
  const char *p = path ? path : "";

  g_return_val_if_fail (o != NULL, NULL);

  if (!cirt_json_check_members (o, keys, p, error) ||
      !cirt_json_get_string (o, "question", FALSE, CIRT_MAX_SHORT_TEXT, p, &question, error) ||
      !cirt_json_get_string (o, "state", FALSE, 64, p, &state, error) ||
      !cirt_json_get_string (o, "comment", TRUE, CIRT_MAX_TEXT, p, &comment, error) ||
      !cirt_json_get_string (o, "reviewer", TRUE, CIRT_MAX_SHORT_TEXT, p, &reviewer, error) ||
      !cirt_json_get_string (o, "reviewed_at", FALSE, CIRT_MAX_SHORT_TEXT, p, &when, error) ||
      !cirt_json_get_string (o, "answer_version", TRUE, 64, p, &version, error))
    return NULL;
  r = cirt_review_new (question);
  if (!cirt_review_state_from_string (state, &r->state))
    {
      g_autofree char *shown = cirt_shorten_message (g_strdup (state));
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s.state: unknown review state \"%s\" (expected not-reviewed, accepted or needs-work)"), p,
                   shown);
      return NULL;
    }
  {
    g_autofree char *too_long = cirt_review_comment_too_long (comment);
    if (too_long != NULL)
      {
        g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID, "%s.comment: %s", p, too_long);
        return NULL;
      }
  }
  if (r->state == CIRT_REVIEW_NEEDS_WORK && cirt_text_is_blank (comment))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   _("%s.comment: a review that asks for work says what (the comment is required)"), p);
      return NULL;
    }
  if (r->state == CIRT_REVIEW_NOT_REVIEWED ? version != NULL : !is_hex_sha256 (version))
    {
      g_set_error (error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_INVALID,
                   r->state == CIRT_REVIEW_NOT_REVIEWED
                     ? _("%s.answer_version: a cleared review names no version of the answer")
                     : _("%s.answer_version: must be the sha256 of the reviewed answer (64 hexadecimal digits)"),
                   p);
      return NULL;
    }
  r->comment = g_strdup (cirt_text_is_blank (comment) ? NULL : comment);
  r->reviewer = g_strdup (cirt_text_is_blank (reviewer) ? NULL : reviewer);
  r->reviewed_at = g_strdup (when);
  r->answer_version = g_strdup (version);
  return g_steal_pointer (&r);
}

void
cirt_review_count (GHashTable       *answers,
                   GHashTable       *reviews,
                   CirtReviewCounts *counts)
{
  GHashTableIter iter;
  gpointer key, value;

  memset (counts, 0, sizeof *counts);
  if (answers == NULL)
    return;
  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CirtAnswer *a = value;
      const CirtReview *r = reviews ? g_hash_table_lookup (reviews, key) : NULL;

      if (!cirt_answer_is_answered (a))
        continue;
      counts->n_answered++;
      switch (cirt_review_effective_state (r, a))
        {
        case CIRT_REVIEW_ACCEPTED:
          counts->n_accepted++;
          break;
        case CIRT_REVIEW_NEEDS_WORK:
          counts->n_needs_work++;
          break;
        case CIRT_REVIEW_NOT_REVIEWED:
        case CIRT_N_REVIEW_STATES:
        default:
          counts->n_not_reviewed++;
          counts->n_outdated += cirt_review_is_outdated (r, a);
          break;
        }
    }
}

double
cirt_review_counts_share (const CirtReviewCounts *counts)
{
  if (counts->n_answered == 0)
    return 0;
  return (double) (counts->n_accepted + counts->n_needs_work) / counts->n_answered;
}

void
cirt_review_item_free (CirtReviewItem *item)
{
  if (item == NULL)
    return;
  cirt_answer_free (item->answer);
  cirt_review_free (item->review);
  g_free (item);
}

static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *fa = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = b ? g_utf8_casefold (b, -1) : NULL;

  return g_strcmp0 (fa, fb) == 0;
}

GPtrArray *
cirt_review_items (GPtrArray              *instruments,
                   GHashTable             *answers,
                   GHashTable             *reviews,
                   const CirtReviewFilter *filter)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_review_item_free);

  for (guint i = 0; instruments != NULL && i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);

          if (filter != NULL && filter->section != NULL && g_strcmp0 (filter->section, sec->id) != 0)
            continue;
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              const CirtAnswer *a = answers ? g_hash_table_lookup (answers, qu->id) : NULL;
              const CirtReview *r = reviews ? g_hash_table_lookup (reviews, qu->id) : NULL;
              CirtReviewState state;
              CirtReviewItem *item;

              if (!cirt_answer_is_answered (a))
                continue;
              state = cirt_review_effective_state (r, a);
              if (filter != NULL && filter->state >= 0 && (int) state != filter->state)
                continue;
              if (filter != NULL && filter->assessor != NULL && !same_person (filter->assessor, a->author))
                continue;
              if (filter != NULL && filter->session != NULL &&
                  (*filter->session == '\0' ? a->session != NULL
                                             : a->session == NULL || g_ascii_strcasecmp (filter->session, a->session) != 0))
                continue;
              item = g_new0 (CirtReviewItem, 1);
              item->question = qu;
              item->section = sec;
              item->answer = cirt_answer_copy (a);
              item->review = cirt_review_copy (r);
              item->state = state;
              item->outdated = cirt_review_is_outdated (r, a);
              g_ptr_array_add (items, item);
            }
        }
    }
  return items;
}

void
cirt_review_change_free (CirtReviewChange *change)
{
  if (change == NULL)
    return;
  g_free (change->question);
  g_free (change->reviewer);
  g_free (change->changed_at);
  cirt_review_free (change->old_review);
  cirt_review_free (change->new_review);
  g_free (change);
}
