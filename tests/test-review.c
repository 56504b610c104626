/* test-review.c — the lead assessor's review: state transitions, an answer
 * changed after its review (here and by a merge), refusals that change
 * nothing, the history, the upgrade from the schema before reviews, and
 * the merge of two laptops' reviews
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cirt-exchange.h"
#include "cirt-test-util.h"

/* The schema before the reviews: one constant, so that renumbering the
 * migration is one edit. */
/* Schema 9 brought the reviews. */
#define SCHEMA_BEFORE_REVIEWS 8

static CirtStore *laptop_a, *laptop_b;
static char *path_a, *path_b;
static char *id;
static CirtInstrument *inst;

static CirtStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CirtStore *store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  return store;
}

static void
answer (CirtStore  *store,
        const char *question,
        const char *value,
        const char *notes,
        const char *author)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->notes = g_strdup (notes);
  a->author = g_strdup (author);
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
  /* Times have millisecond resolution: keep changes apart. */
  g_usleep (3000);
}

static void
review (CirtStore       *store,
        const char      *question,
        CirtReviewState  state,
        const char      *comment,
        const char      *by)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (cirt_store_set_review (store, id, question, state, comment, by, &error), "%s",
                 error ? error->message : "");
  g_usleep (3000);
}

/* The state question @question shows in @store. */
static CirtReviewState
state_of (CirtStore  *store,
          const char *question)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtReview) r = cirt_store_get_review (store, id, question, &error);
  g_autoptr(CirtAnswer) a = cirt_store_get_answer (store, id, question, &error);

  ck_assert_ptr_null (error);
  return cirt_review_effective_state (r, a);
}

static guint
n_history (CirtStore  *store,
           const char *question)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) h = cirt_store_get_review_history (store, id, question, &error);

  ck_assert_ptr_nonnull (h);
  return h->len;
}

/* The bytes of a database and its log, as one text. */
static char *
db_state (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (path);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, b, NULL);
}

static char *
export (CirtStore *store)
{
  g_autoptr(GError) error = NULL;
  char *path = cirt_test_tmp_path ("exchange.json");
  ck_assert_msg (cirt_exchange_export (store, id, path, &error), "%s", error ? error->message : "");
  return path;
}

static CirtImportReport *
import (CirtStore  *store,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  CirtImportReport *r = cirt_exchange_import (store, path, &error);
  ck_assert_msg (r != NULL, "%s", error ? error->message : "");
  return r;
}

static void
setup (void)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  path_a = cirt_test_tmp_path ("a.db");
  path_b = cirt_test_tmp_path ("b.db");
  laptop_a = open_store (path_a);
  laptop_b = open_store (path_b);
  inst = cirt_test_load_fixture ("mini.json");
  g_ptr_array_add (insts, inst);
  info->title = g_strdup ("Joint mission");
  info->country = g_strdup ("Examplia");
  id = cirt_store_create_assessment (laptop_a, info, insts, &error);
  ck_assert_ptr_nonnull (id);
  answer (laptop_a, "T-LAW-1", "2", "Draft decree seen", "Alice");
  answer (laptop_a, "T-LAW-2", "yes", NULL, "Bob");
  answer (laptop_a, "T-OPS-1", "adhoc", NULL, "Alice");
}

static void
teardown (void)
{
  g_clear_object (&laptop_a);
  g_clear_object (&laptop_b);
  g_clear_object (&inst);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&path_a, g_free);
  g_clear_pointer (&path_b, g_free);
}

/* ------------------------------------------------------------------------ */
/* Core                                                                     */

START_TEST (test_states)
{
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  {
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-LAW-1", &error);
    g_autoptr(CirtAnswer) a = cirt_store_get_answer (laptop_a, id, "T-LAW-1", &error);
    g_autofree char *version = cirt_review_answer_version (a);

    ck_assert_str_eq (r->reviewer, "Lead");
    ck_assert_ptr_nonnull (r->reviewed_at);
    ck_assert_str_eq (r->answer_version, version);
    ck_assert_uint_eq (strlen (version), 64);
  }
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, "Which article of the decree?", "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NEEDS_WORK);
  /* Cleared: not reviewed, the row kept as a tombstone. */
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_NOT_REVIEWED, NULL, "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  {
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-LAW-1", &error);
    ck_assert_ptr_nonnull (r);
    ck_assert_int_eq (r->state, CIRT_REVIEW_NOT_REVIEWED);
    ck_assert_ptr_null (r->answer_version);
    ck_assert_ptr_null (r->comment);
  }
  /* Every change in the history, in order, with before and after. */
  {
    g_autoptr(GPtrArray) h = cirt_store_get_review_history (laptop_a, id, "T-LAW-1", &error);
    CirtReviewChange *c0, *c1, *c2;

    ck_assert_uint_eq (h->len, 3);
    c0 = g_ptr_array_index (h, 0);
    c1 = g_ptr_array_index (h, 1);
    c2 = g_ptr_array_index (h, 2);
    ck_assert_ptr_null (c0->old_review);
    ck_assert_int_eq (c0->new_review->state, CIRT_REVIEW_ACCEPTED);
    ck_assert_int_eq (c1->old_review->state, CIRT_REVIEW_ACCEPTED);
    ck_assert_int_eq (c1->new_review->state, CIRT_REVIEW_NEEDS_WORK);
    ck_assert_str_eq (c1->new_review->comment, "Which article of the decree?");
    ck_assert_int_eq (c2->new_review->state, CIRT_REVIEW_NOT_REVIEWED);
    ck_assert_str_eq (c2->reviewer, "Lead");
  }
  /* The same review again, or a second clear, records nothing. */
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_NOT_REVIEWED, NULL, "Lead");
  review (laptop_a, "T-LAW-2", CIRT_REVIEW_ACCEPTED, "Law seen", "Lead");
  review (laptop_a, "T-LAW-2", CIRT_REVIEW_ACCEPTED, "Law seen", "Someone else");
  ck_assert_uint_eq (n_history (laptop_a, "T-LAW-1"), 3);
  ck_assert_uint_eq (n_history (laptop_a, "T-LAW-2"), 1);
  /* Clearing what was never reviewed writes nothing either. */
  review (laptop_a, "T-OPS-1", CIRT_REVIEW_NOT_REVIEWED, NULL, NULL);
  ck_assert_uint_eq (n_history (laptop_a, "T-OPS-1"), 0);
  {
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-OPS-1", &error);
    ck_assert_ptr_null (r);
    ck_assert_ptr_null (error);
  }
}
END_TEST

/* Any later change of the answer shows it as not reviewed again, with
 * nothing written to the review; a change of each part counts. */
START_TEST (test_answer_changed_after_review)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) a = NULL;
  CirtReviewCounts counts;

  review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  answer (laptop_a, "T-LAW-1", "3", "Draft decree seen", "Alice");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  ck_assert_uint_eq (n_history (laptop_a, "T-LAW-1"), 1);
  {
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-LAW-1", &error);
    g_autoptr(CirtAnswer) now = cirt_store_get_answer (laptop_a, id, "T-LAW-1", &error);
    ck_assert (cirt_review_is_outdated (r, now));
  }

  /* Notes, evidence, source, the flag, N/A: each a change. */
  for (guint part = 0; part < 5; part++)
    {
      review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
      ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
      a = cirt_store_get_answer (laptop_a, id, "T-LAW-1", &error);
      switch (part)
        {
        case 0: g_free (a->notes); a->notes = g_strdup ("The decree was signed"); break;
        case 1: g_free (a->evidence); a->evidence = g_strdup ("Official gazette 12/2026"); break;
        case 2: g_free (a->source); a->source = g_strdup ("Ministry legal adviser"); break;
        case 3: a->flagged = TRUE; break;
        default: g_clear_pointer (&a->value, g_free); a->not_applicable = TRUE; break;
        }
      ck_assert_msg (cirt_store_save_answer (laptop_a, id, a, &error), "%s", error ? error->message : "");
      g_clear_pointer (&a, cirt_answer_free);
      g_usleep (3000);
      ck_assert_msg (state_of (laptop_a, "T-LAW-1") == CIRT_REVIEW_NOT_REVIEWED, "part %u", part);
    }
  /* An N/A answer can be reviewed. */
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);

  /* Saving the same content again is no change. */
  a = cirt_store_get_answer (laptop_a, id, "T-LAW-1", &error);
  ck_assert (cirt_store_save_answer (laptop_a, id, a, &error));
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);

  /* Unanswering: not reviewed, and not reviewable. */
  ck_assert (cirt_store_unanswer (laptop_a, id, "T-LAW-1", "Alice", &error));
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);

  /* The counts follow. */
  review (laptop_a, "T-LAW-2", CIRT_REVIEW_NEEDS_WORK, "Name the law", "Lead");
  {
    g_autoptr(GHashTable) answers = cirt_store_get_answers (laptop_a, id, &error);
    g_autoptr(GHashTable) reviews = cirt_store_get_reviews (laptop_a, id, &error);
    cirt_review_count (answers, reviews, &counts);
  }
  ck_assert_uint_eq (counts.n_answered, 2);
  ck_assert_uint_eq (counts.n_needs_work, 1);
  ck_assert_uint_eq (counts.n_accepted, 0);
  ck_assert_uint_eq (counts.n_not_reviewed, 1);
  ck_assert_double_eq_tol (cirt_review_counts_share (&counts), 0.5, 1e-9);
}
END_TEST

/* Refusals: each with a clear message, the database byte for byte as it was. */
START_TEST (test_refusals)
{
  g_autofree char *big = g_strnfill (CIRT_REVIEW_MAX_COMMENT + 1, 'x');
  g_autofree char *fits = g_strnfill (CIRT_REVIEW_MAX_COMMENT, 'x');
  g_autofree char *before = NULL;
  const struct {
    const char      *question;
    CirtReviewState  state;
    const char      *comment;
    const char      *message;
  } cases[] = {
    { "T-OPS-2", CIRT_REVIEW_ACCEPTED, NULL, "not answered yet" },
    { "T-OPS-2", CIRT_REVIEW_NEEDS_WORK, "Ask again", "not answered yet" },
    { "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, NULL, "a comment is required" },
    { "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, "   ", "a comment is required" },
    { "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, big, "bytes); at most 16" },
    { "T-LAW-1", CIRT_REVIEW_ACCEPTED, "\xff\xfe", "UTF-8" },
    { "T-NOPE-9", CIRT_REVIEW_ACCEPTED, NULL, "no question" },
    { "T-LAW-1", (CirtReviewState) 7, NULL, "accepts an answer" },
  };

  /* A note without a value is not an answer. */
  {
    g_autoptr(CirtAnswer) a = cirt_answer_new ("T-OPS-2");
    g_autoptr(GError) error = NULL;
    a->notes = g_strdup ("Ask the regulator");
    ck_assert (cirt_store_save_answer (laptop_a, id, a, &error));
  }
  g_clear_object (&laptop_a);
  laptop_a = open_store (path_a);
  before = db_state (path_a);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      ck_assert_msg (!cirt_store_set_review (laptop_a, id, cases[i].question, cases[i].state, cases[i].comment,
                                             "Lead", &error), "case %u accepted", i);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (strstr (error->message, cases[i].message) != NULL, "case %u: %s", i, error->message);
      ck_assert_msg (strlen (error->message) < 400, "case %u: the message quotes too much", i);
      after = db_state (path_a);
      ck_assert_msg (strcmp (before, after) == 0, "case %u changed the database", i);
    }
  {
    g_autoptr(GError) error = NULL;
    ck_assert (!cirt_store_set_review (laptop_a, "no-such-assessment", "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL,
                                       NULL, &error));
    ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  }
  /* At the limit: kept whole. */
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, fits, "Lead");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-LAW-1", &error);
    ck_assert_uint_eq (strlen (r->comment), CIRT_REVIEW_MAX_COMMENT);
  }
}
END_TEST

/* A change made through another connection (the CLI) is seen by the
 * refresh, as "assessment-changed". */
static void
count_cb (guint *n)
{
  (*n)++;
}

START_TEST (test_refresh)
{
  g_autoptr(CirtStore) other = open_store (path_a);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  ck_assert (cirt_store_refresh (laptop_a, &error));
  g_signal_connect_swapped (laptop_a, "assessment-changed", G_CALLBACK (count_cb), &changed);
  g_usleep (2000);
  ck_assert (cirt_store_set_review (other, id, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead", &error));
  ck_assert_uint_eq (changed, 0);
  ck_assert (cirt_store_refresh (laptop_a, &error));
  ck_assert_uint_ge (changed, 1);
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  g_signal_handlers_disconnect_by_func (laptop_a, count_cb, &changed);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Two laptops                                                              */

/* The lead reviews on laptop B what laptop A answered; A receives the
 * reviews; A then changes an accepted answer, and the merge into B shows it
 * as not reviewed with nothing else written to the review. */
START_TEST (test_merge_two_laptops)
{
  g_autofree char *file = NULL;

  file = export (laptop_a);
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, file);
    ck_assert (r->created);
  }
  review (laptop_b, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  review (laptop_b, "T-LAW-2", CIRT_REVIEW_NEEDS_WORK, "Which law? Give its number.", "Lead");
  g_free (file);
  file = export (laptop_b);
  {
    g_autoptr(CirtImportReport) r = import (laptop_a, file);
    ck_assert_uint_eq (r->reviews_taken, 2);
    ck_assert_uint_eq (r->reviews_kept, 0);
  }
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-2"), CIRT_REVIEW_NEEDS_WORK);
  ck_assert_uint_eq (n_history (laptop_a, "T-LAW-1"), 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CirtReview) r = cirt_store_get_review (laptop_a, id, "T-LAW-2", &error);
    ck_assert_str_eq (r->reviewer, "Lead");
    ck_assert_str_eq (r->comment, "Which law? Give its number.");
  }
  /* The same file again: nothing new. */
  {
    g_autoptr(CirtImportReport) r = import (laptop_a, file);
    ck_assert_uint_eq (r->reviews_taken, 0);
    ck_assert_uint_eq (n_history (laptop_a, "T-LAW-1"), 1);
  }

  /* Alice works on both answers on laptop A; the merge brings them to B. */
  answer (laptop_a, "T-LAW-1", "3", "Decree signed on 2 March", "Alice");
  answer (laptop_a, "T-LAW-2", "yes", "Law 2021-14 on cybersecurity", "Alice");
  g_free (file);
  file = export (laptop_a);
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, file);
    ck_assert_uint_eq (r->answers_taken, 2);
    ck_assert_uint_eq (r->reviews_taken, 0);
  }
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-2"), CIRT_REVIEW_NOT_REVIEWED);
  ck_assert_uint_eq (n_history (laptop_b, "T-LAW-1"), 1);
  /* The lead accepts the new version; A gets that. */
  review (laptop_b, "T-LAW-2", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  g_free (file);
  file = export (laptop_b);
  {
    g_autoptr(CirtImportReport) r = import (laptop_a, file);
    ck_assert_uint_eq (r->reviews_taken, 1);
  }
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-2"), CIRT_REVIEW_ACCEPTED);
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
}
END_TEST

/* A clear is a review like any other: an older copy of the review merged
 * later does not bring it back; a later review on the other laptop wins. */
START_TEST (test_merge_clear_not_undone)
{
  g_autofree char *file = export (laptop_a), *old_file = NULL;

  g_autoptr(CirtImportReport) r0 = import (laptop_b, file);
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  old_file = export (laptop_a);
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, old_file);
    ck_assert_uint_eq (r->reviews_taken, 1);
  }
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  review (laptop_b, "T-LAW-1", CIRT_REVIEW_NOT_REVIEWED, NULL, "Lead");
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, old_file);
    ck_assert_uint_eq (r->reviews_taken, 0);
    ck_assert_uint_eq (r->reviews_kept, 1);
  }
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  /* The clear reaches laptop A. */
  g_free (file);
  file = export (laptop_b);
  {
    g_autoptr(CirtImportReport) r = import (laptop_a, file);
    ck_assert_uint_eq (r->reviews_taken, 1);
  }
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_NOT_REVIEWED);
  /* A later review on A wins over B's clear. */
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_NEEDS_WORK, "Ask for the decree", "Deputy lead");
  g_free (file);
  file = export (laptop_a);
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, file);
    ck_assert_uint_eq (r->reviews_taken, 1);
  }
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-1"), CIRT_REVIEW_NEEDS_WORK);
}
END_TEST

/* An exchange file from before the reviews (format 3) still merges; one
 * whose reviews break the rules is refused whole, nothing changed. */
typedef void (*Mutate) (JsonObject *root, JsonObject *review);

static void set_state (JsonObject *root, JsonObject *r) { json_object_set_string_member (r, "state", "approved"); }
static void drop_comment (JsonObject *root, JsonObject *r) { json_object_set_null_member (r, "comment"); }
static void big_comment (JsonObject *root, JsonObject *r)
{
  g_autofree char *big = g_strnfill (CIRT_REVIEW_MAX_COMMENT + 10, 'y');
  json_object_set_string_member (r, "comment", big);
}
static void bad_question (JsonObject *root, JsonObject *r) { json_object_set_string_member (r, "question", "T-NOPE-1"); }
static void bad_version (JsonObject *root, JsonObject *r) { json_object_set_string_member (r, "answer_version", "abc"); }
static void upper_version (JsonObject *root, JsonObject *r)
{
  g_autofree char *up = g_ascii_strup (json_object_get_string_member (r, "answer_version"), -1);
  json_object_set_string_member (r, "answer_version", up);
}
static void bad_time (JsonObject *root, JsonObject *r) { json_object_set_string_member (r, "reviewed_at", "yesterday"); }
static void no_zone (JsonObject *root, JsonObject *r) { json_object_set_string_member (r, "reviewed_at", "2026-03-02T10:00:00"); }
static void extra_member (JsonObject *root, JsonObject *r) { json_object_set_boolean_member (r, "approved", TRUE); }
static void number_state (JsonObject *root, JsonObject *r) { json_object_set_int_member (r, "state", 1); }
static void
old_format (JsonObject *root,
            JsonObject *r)
{
  json_object_set_int_member (root, "format_version", CIRT_EXCHANGE_REVIEWS_SINCE - 1);
  /* without what later versions added: the evidence vault, sessions and statements */
  json_object_remove_member (root, "evidenced_only");
  json_object_remove_member (root, "evidence");
  json_object_remove_member (root, "evidence_blobs");
  json_object_remove_member (root, "evidence_removed");
  json_object_remove_member (root, "sessions");
  json_object_remove_member (root, "statements");
}
static void twice (JsonObject *root, JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (root, "reviews");
  json_array_add_object_element (arr, json_object_ref (r));
}
static void not_object (JsonObject *root, JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (root, "reviews");
  json_array_add_string_element (arr, "accepted");
}
static void cleared_with_version (JsonObject *root, JsonObject *r)
{
  json_object_set_string_member (r, "state", "not-reviewed");
  json_object_set_null_member (r, "comment");
}
static void later_valid_then_bad (JsonObject *root, JsonObject *r)
{
  /* The first review is valid and newer; the file is refused for the
   * second, so the first is not taken either. */
  JsonArray *arr = json_object_get_array_member (root, "reviews");
  JsonObject *second = json_object_new ();
  json_object_set_string_member (second, "question", "T-OPS-1");
  json_object_set_string_member (second, "state", "needs-work");
  json_object_set_null_member (second, "comment");
  json_object_set_null_member (second, "reviewer");
  json_object_set_string_member (second, "reviewed_at", "2026-03-02T10:00:00Z");
  json_object_set_string_member (second, "answer_version",
                                 "0000000000000000000000000000000000000000000000000000000000000000");
  json_array_add_object_element (arr, second);
}

START_TEST (test_hostile_reviews)
{
  static const struct {
    const char *what;
    Mutate      mutate;
    const char *message;
  } cases[] = {
    { "an unknown state", set_state, "unknown review state" },
    { "needs work without a comment", drop_comment, "comment is required" },
    { "a comment over the limit", big_comment, "bytes); at most 16" },
    { "a question not in the instruments", bad_question, "T-NOPE-1" },
    { "a version that is no sha256", bad_version, "64 hexadecimal" },
    { "a version in capitals", upper_version, "64 hexadecimal" },
    { "a time that is no time", bad_time, "ISO 8601" },
    { "a time without its zone", no_zone, "time zone" },
    { "an unknown member", extra_member, "unknown member" },
    { "a state that is a number", number_state, "must be a text" },
    { "reviews in a file of the format before them", old_format, "reviews: unknown member" },
    { "a question reviewed twice", twice, "reviewed twice" },
    { "a review that is no object", not_object, "must be an object" },
    { "a cleared review naming a version", cleared_with_version, "names no version" },
    { "a bad review after a good one", later_valid_then_bad, "reviews[1]" },
  };
  g_autofree char *file = export (laptop_a);
  g_autofree char *before = NULL;

  {
    g_autoptr(CirtImportReport) r = import (laptop_b, file);
  }
  review (laptop_a, "T-LAW-2", CIRT_REVIEW_NEEDS_WORK, "Which law?", "Lead");
  g_clear_pointer (&file, g_free);
  file = export (laptop_a);
  g_clear_object (&laptop_b);
  laptop_b = open_store (path_b);
  before = db_state (path_b);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL, *hostile = NULL, *after = NULL;
      g_autoptr(CirtImportReport) r = NULL;
      JsonObject *root, *first;

      ck_assert (json_parser_load_from_file (parser, file, &error));
      root = json_node_get_object (json_parser_get_root (parser));
      first = json_array_get_object_element (json_object_get_array_member (root, "reviews"), 0);
      ck_assert_str_eq (json_object_get_string_member (first, "question"), "T-LAW-2");
      cases[i].mutate (root, first);
      json_generator_set_root (gen, json_parser_get_root (parser));
      text = json_generator_to_data (gen, NULL);
      hostile = cirt_test_write_tmp ("hostile.json", text);
      r = cirt_exchange_import (laptop_b, hostile, &error);
      ck_assert_msg (r == NULL, "%s: accepted", cases[i].what);
      ck_assert_msg (strstr (error->message, cases[i].message) != NULL, "%s: %s", cases[i].what, error->message);
      after = db_state (path_b);
      ck_assert_msg (strcmp (before, after) == 0, "%s: the database changed", cases[i].what);
    }
  ck_assert_int_eq (state_of (laptop_b, "T-LAW-2"), CIRT_REVIEW_NOT_REVIEWED);
}
END_TEST

/* A file of the format before reviews merges as before. */
START_TEST (test_old_format_without_reviews)
{
  g_autofree char *file = export (laptop_a);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *old = NULL;
  JsonObject *root;

  ck_assert (json_parser_load_from_file (parser, file, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "reviews");
  /* nor what later formats added: the evidence vault */
  json_object_remove_member (root, "evidenced_only");
  json_object_remove_member (root, "evidence");
  json_object_remove_member (root, "evidence_blobs");
  json_object_remove_member (root, "evidence_removed");
  json_object_remove_member (root, "sessions");
  json_object_remove_member (root, "statements");
  json_object_set_int_member (root, "format_version", CIRT_EXCHANGE_REVIEWS_SINCE - 1);
  json_generator_set_root (gen, json_parser_get_root (parser));
  text = json_generator_to_data (gen, NULL);
  old = cirt_test_write_tmp ("old.json", text);
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, old);
    g_autoptr(GHashTable) reviews = cirt_store_get_reviews (laptop_b, id, &error);
    ck_assert (r->created);
    ck_assert_uint_eq (g_hash_table_size (reviews), 0);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Schema                                                                   */

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A database of the schema before reviews: upgraded with a byte-for-byte
 * copy kept, its answers kept, and reviews work after. */
START_TEST (test_migrate_from_before_reviews)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bak = g_strconcat (path_a, ".bak", NULL);
  g_autofree char *before = NULL, *bak_sha = NULL, *sql = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&laptop_a);
  sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; DROP TABLE review_history; DROP TABLE review;"
                         /* and what came after the reviews: the evidence vault (schema 10) */
                         " DROP TRIGGER evidence_blob_release; DROP TRIGGER evidence_blob_release_history;"
                         " DROP TABLE evidence_history; DROP TABLE evidence; DROP TABLE evidence_blob;"
                         " ALTER TABLE assessment DROP COLUMN evidenced_only;"
                         /* and the interviews (schema 11) */
                         " " CIRT_TEST_SQL_BEFORE_INTERVIEWS
                         " PRAGMA user_version = %d; VACUUM;", SCHEMA_BEFORE_REVIEWS);
  ck_assert_int_eq (sqlite3_open (path_a, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  g_unlink (bak);
  before = cirt_test_file_sha256 (path_a);

  laptop_a = cirt_store_open (path_a, &error);
  ck_assert_msg (laptop_a != NULL, "%s", error ? error->message : "");
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);
  {
    g_autoptr(CirtAnswer) a = cirt_store_get_answer (laptop_a, id, "T-LAW-1", &error);
    guint n = 0;
    g_autofree char *head = NULL;

    ck_assert_str_eq (a->notes, "Draft decree seen");
    ck_assert (cirt_store_verify_history (laptop_a, id, &n, &head, &error));
    ck_assert_uint_eq (n, 3);
  }
  review (laptop_a, "T-LAW-1", CIRT_REVIEW_ACCEPTED, NULL, "Lead");
  ck_assert_int_eq (state_of (laptop_a, "T-LAW-1"), CIRT_REVIEW_ACCEPTED);
  g_clear_object (&laptop_a);
  ck_assert_int_eq (user_version (path_a), CIRT_STORE_SCHEMA_VERSION);
}
END_TEST

/* A file that claims the current schema without the reviews' tables is not ours. */
START_TEST (test_without_review_tables_refused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  sqlite3 *db = NULL;
  CirtStore *store;

  g_clear_object (&laptop_a);
  ck_assert_int_eq (sqlite3_open (path_a, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; DROP TABLE review_history;", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
  before = cirt_test_file_sha256 (path_a);
  store = cirt_store_open (path_a, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB));
  after = cirt_test_file_sha256 (path_a);
  ck_assert_str_eq (before, after);
}
END_TEST

static Suite *
review_suite (void)
{
  Suite *s = suite_create ("review");
  TCase *tc = tcase_create ("core");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_states);
  tcase_add_test (tc, test_answer_changed_after_review);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_refresh);
  suite_add_tcase (s, tc);

  tc = tcase_create ("merge");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_merge_two_laptops);
  tcase_add_test (tc, test_merge_clear_not_undone);
  tcase_add_test (tc, test_hostile_reviews);
  tcase_add_test (tc, test_old_format_without_reviews);
  suite_add_tcase (s, tc);

  tc = tcase_create ("schema");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_migrate_from_before_reviews);
  tcase_add_test (tc, test_without_review_tables_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (review_suite ());
}
