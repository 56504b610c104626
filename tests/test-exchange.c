/* test-exchange.c — exchange files: export for merge, import into a new
 * laptop, merge with conflicts, idempotence, refusals that change nothing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cirt-exchange.h"
#include "cirt-test-util.h"

static CirtStore *laptop_a, *laptop_b;
static char *id;
static CirtInstrument *inst;

static CirtStore *
open_store (const char *name)
{
  g_autofree char *path = cirt_test_tmp_path (name);
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
  /* Timestamps have millisecond resolution: keep changes apart. */
  g_usleep (3000);
}

static CirtAnswer *
get (CirtStore  *store,
     const char *question)
{
  g_autoptr(GError) error = NULL;
  CirtAnswer *a = cirt_store_get_answer (store, id, question, &error);
  ck_assert_ptr_null (error);
  return a;
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
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();

  laptop_a = open_store ("a.db");
  laptop_b = open_store ("b.db");
  inst = cirt_test_load_fixture ("mini.json");
  g_ptr_array_add (insts, inst);
  info->title = g_strdup ("Joint mission");
  info->country = g_strdup ("Examplia");
  id = cirt_store_create_assessment (laptop_a, info, insts, &error);
  ck_assert_ptr_nonnull (id);
  ck_assert (cirt_store_set_target (laptop_a, id, CIRT_PILLAR_LEGAL, 3, &error));
  s->name = g_strdup ("Ms Regulator");
  s->organisation = g_strdup ("ICT Regulator");
  s->met_on = g_strdup ("2026-03-02");
  ck_assert_int_gt (cirt_store_add_stakeholder (laptop_a, id, s, &error), 0);
  answer (laptop_a, "T-LAW-1", "2", "Draft decree seen", "Alice");
  answer (laptop_a, "T-LAW-2", "yes", NULL, "Alice");
  answer (laptop_a, "T-OPS-1", "adhoc", NULL, "Alice");
}

static void
teardown (void)
{
  g_clear_object (&laptop_a);
  g_clear_object (&laptop_b);
  g_clear_object (&inst);
  g_clear_pointer (&id, g_free);
}

START_TEST (test_import_creates)
{
  g_autofree char *file = export (laptop_a);
  g_autoptr(CirtImportReport) r = import (laptop_b, file);
  g_autoptr(CirtAnswer) a = get (laptop_b, "T-LAW-1");
  g_autoptr(CirtAnswer) orig = get (laptop_a, "T-LAW-1");
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (laptop_b, id, NULL);
  g_autoptr(GPtrArray) stakeholders = cirt_store_list_stakeholders (laptop_b, id, NULL);
  g_autoptr(GPtrArray) history = cirt_store_get_history (laptop_b, id, NULL, NULL);
  int targets[CIRT_N_PILLARS];

  ck_assert (r->created);
  ck_assert_str_eq (r->assessment_id, id);
  ck_assert_uint_eq (r->answers_taken, 3);
  ck_assert_uint_eq (r->conflicts->len, 0);
  ck_assert_str_eq (info->title, "Joint mission");
  ck_assert_str_eq (a->value, "2");
  ck_assert_str_eq (a->notes, "Draft decree seen");
  /* Provenance travels with the answer. */
  ck_assert_str_eq (a->author, "Alice");
  ck_assert_str_eq (a->updated_at, orig->updated_at);
  ck_assert_uint_eq (stakeholders->len, 1);
  ck_assert (cirt_store_get_targets (laptop_b, id, targets, NULL));
  ck_assert_int_eq (targets[CIRT_PILLAR_LEGAL], 3);
  /* A's three history rows, plus B's own record of taking the answers. */
  ck_assert_uint_ge (history->len, 3);
}
END_TEST

START_TEST (test_merge_with_conflict)
{
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) r1 = import (laptop_b, first);
  g_autofree char *from_b = NULL;
  g_autoptr(CirtImportReport) r2 = NULL;
  g_autoptr(CirtAnswer) law1 = NULL, law2 = NULL, ops1 = NULL, ops2 = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  CirtConflict *c;

  /* A revises T-LAW-2 first; B then revises it too (later), B revises T-OPS-1
   * alone, B answers T-OPS-2 (new), and A answers T-LAW-1 again (A's newest). */
  answer (laptop_a, "T-LAW-2", "partial", "Only a bill", "Alice");
  answer (laptop_b, "T-LAW-2", "no", "Bill withdrawn last week", "Bob");
  answer (laptop_b, "T-OPS-1", "formal", NULL, "Bob");
  answer (laptop_b, "T-OPS-2", "energy,finance", NULL, "Bob");
  answer (laptop_a, "T-LAW-1", "3", "Decree adopted", "Alice");

  from_b = export (laptop_b);
  r2 = import (laptop_a, from_b);
  ck_assert (!r2->created);

  law2 = get (laptop_a, "T-LAW-2");     /* both changed: the later (Bob) wins, conflict */
  ck_assert_str_eq (law2->value, "no");
  ck_assert_str_eq (law2->author, "Bob");
  ops1 = get (laptop_a, "T-OPS-1");     /* only B changed it: taken, no conflict */
  ck_assert_str_eq (ops1->value, "formal");
  ops2 = get (laptop_a, "T-OPS-2");     /* only on B: taken */
  ck_assert_str_eq (ops2->value, "energy,finance");
  law1 = get (laptop_a, "T-LAW-1");     /* only A changed it since: A's stays, no conflict */
  ck_assert_str_eq (law1->value, "3");

  ck_assert_uint_eq (r2->conflicts->len, 1);
  ck_assert_str_eq (g_ptr_array_index (r2->conflicts, 0), "T-LAW-2");
  conflicts = cirt_store_list_conflicts (laptop_a, id, NULL);
  ck_assert_uint_eq (conflicts->len, 1);
  c = g_ptr_array_index (conflicts, 0);
  ck_assert (c->remote_won);
  ck_assert_str_eq (c->local->value, "partial");
  ck_assert_str_eq (c->local->notes, "Only a bill");
  ck_assert_str_eq (c->remote->value, "no");
  ck_assert (!c->reviewed);
  ck_assert (cirt_store_set_conflict_reviewed (laptop_a, c->id, TRUE, NULL));
  (void) r1;
}
END_TEST

START_TEST (test_import_twice_changes_nothing)
{
  g_autofree char *file = NULL;
  g_autoptr(CirtImportReport) r1 = NULL;
  g_autoptr(CirtImportReport) r2 = NULL;
  g_autoptr(GPtrArray) h1 = NULL, h2 = NULL, c1 = NULL, c2 = NULL;
  g_autoptr(GHashTable) a1 = NULL, a2 = NULL;
  g_autoptr(GPtrArray) s2 = NULL;

  g_autoptr(CirtImportReport) seed = import (laptop_b, (file = export (laptop_a)));
  answer (laptop_b, "T-LAW-1", "4", "Reviewed by parliament", "Bob");
  answer (laptop_a, "T-LAW-1", "1", "Decree withdrawn", "Alice");
  g_free (file);
  file = export (laptop_b);

  r1 = import (laptop_a, file);
  h1 = cirt_store_get_history (laptop_a, id, NULL, NULL);
  c1 = cirt_store_list_conflicts (laptop_a, id, NULL);
  a1 = cirt_store_get_answers (laptop_a, id, NULL);
  r2 = import (laptop_a, file);
  h2 = cirt_store_get_history (laptop_a, id, NULL, NULL);
  c2 = cirt_store_list_conflicts (laptop_a, id, NULL);
  a2 = cirt_store_get_answers (laptop_a, id, NULL);
  s2 = cirt_store_list_stakeholders (laptop_a, id, NULL);

  ck_assert_uint_eq (c1->len, 1);
  ck_assert_uint_eq (c2->len, 1);
  ck_assert_uint_eq (h1->len, h2->len);
  ck_assert_uint_eq (r2->answers_taken, 0);
  ck_assert_uint_eq (r2->history_added, 0);
  ck_assert_uint_eq (r2->stakeholders_added, 0);
  ck_assert_uint_eq (s2->len, 1);
  ck_assert_uint_eq (g_hash_table_size (a1), g_hash_table_size (a2));
  ck_assert_str_eq (((CirtAnswer *) g_hash_table_lookup (a2, "T-LAW-1"))->value,
                    ((CirtAnswer *) g_hash_table_lookup (a1, "T-LAW-1"))->value);
  (void) seed;
}
END_TEST

START_TEST (test_both_sides_agree)
{
  /* Merging B into A and A into B gives both laptops the same answers. */
  g_autofree char *f1 = export (laptop_a);
  g_autoptr(CirtImportReport) r0 = import (laptop_b, f1);
  g_autofree char *fa = NULL, *fb = NULL;
  g_autoptr(CirtImportReport) ra = NULL, rb = NULL;
  g_autoptr(GHashTable) aa = NULL, ab = NULL;
  GHashTableIter iter;
  CirtAnswer *x;

  answer (laptop_a, "T-OPS-1", "none", "A view", "Alice");
  answer (laptop_b, "T-OPS-1", "formal", "B view", "Bob");
  answer (laptop_b, "T-CTX-2", "42", NULL, "Bob");
  fa = export (laptop_a);
  fb = export (laptop_b);
  ra = import (laptop_b, fa);
  rb = import (laptop_a, fb);
  aa = cirt_store_get_answers (laptop_a, id, NULL);
  ab = cirt_store_get_answers (laptop_b, id, NULL);
  ck_assert_uint_eq (g_hash_table_size (aa), g_hash_table_size (ab));
  g_hash_table_iter_init (&iter, aa);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &x))
    ck_assert_msg (cirt_answer_same_content (x, g_hash_table_lookup (ab, x->question)), "%s differs", x->question);
  (void) r0;
}
END_TEST

static void
assert_import_refused (const char *path,
                       const char *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtImportReport) r = cirt_exchange_import (laptop_a, path, &error);
  g_autoptr(GPtrArray) history = NULL;

  ck_assert_ptr_null (r);
  ck_assert_msg (strstr (error->message, expect) != NULL, "expected \"%s\" in: %s", expect, error->message);
  /* Nothing changed: A still has exactly its own three answers. */
  history = cirt_store_get_history (laptop_a, id, NULL, NULL);
  ck_assert_uint_eq (history->len, 3);
}

static char *
altered_export (const char *find,
                const char *replace)
{
  g_autofree char *file = export (laptop_a);
  g_autofree char *data = NULL;
  GString *s;
  char *out = cirt_test_tmp_path ("altered.json");

  ck_assert (g_file_get_contents (file, &data, NULL, NULL));
  s = g_string_new (data);
  ck_assert_msg (g_string_replace (s, find, replace, 1) == 1, "test bug: \"%s\" not in the export", find);
  ck_assert (g_file_set_contents (out, s->str, -1, NULL));
  g_string_free (s, TRUE);
  return out;
}

START_TEST (test_refusals_change_nothing)
{
  g_autofree char *junk = cirt_test_write_tmp ("junk.json", "{ not json");
  g_autofree char *other = cirt_test_write_tmp ("other.json", "{\"format\": \"something-else\"}");
  g_autofree char *newer = altered_export ("\"format_version\" : 1", "\"format_version\" : 7");
  /* A bad value in the middle of the file: the answers before it must not stick. */
  g_autofree char *bad_value = altered_export ("\"value\" : \"adhoc\"", "\"value\" : \"sometimes\"");
  g_autofree char *tampered = altered_export ("Is there a legal mandate?", "Is there a mandate?");

  assert_import_refused (junk, "not a CIRT Assess exchange file");
  assert_import_refused (other, "not a CIRT Assess exchange file");
  assert_import_refused (newer, "format version 7 is not supported");
  assert_import_refused ("/nonexistent/file.json", "No such file");
  assert_import_refused (tampered, "does not match its sha256");
  {
    /* bad_value refers to the existing assessment; make B-side changes first so
     * a partial import would be visible. */
    g_autoptr(GError) error = NULL;
    g_autoptr(CirtImportReport) r = NULL;
    g_autoptr(GHashTable) before = cirt_store_get_answers (laptop_b, id, NULL);

    ck_assert_ptr_null (before);   /* not on B yet */
    r = cirt_exchange_import (laptop_b, bad_value, &error);
    ck_assert_ptr_null (r);
    ck_assert_ptr_nonnull (strstr (error->message, "not an option"));
    /* The whole import was rolled back: B does not even have the assessment. */
    ck_assert_ptr_null (cirt_store_get_assessment (laptop_b, id, NULL));
  }
}
END_TEST

START_TEST (test_instrument_mismatch)
{
  /* The same assessment id on B, made with another version of the instrument. */
  g_autoptr(GError) error = NULL;
  g_autofree char *file = export (laptop_a);
  g_autofree char *json = g_strdup (cirt_instrument_get_json (inst));
  GString *s = g_string_new (json);
  g_autoptr(CirtInstrument) other = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autofree char *made = NULL;
  g_autoptr(CirtImportReport) r = NULL;

  g_string_replace (s, "\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", 1);
  other = cirt_instrument_new_from_data (s->str, -1, "v1.1", &error);
  g_string_free (s, TRUE);
  ck_assert_ptr_nonnull (other);
  g_ptr_array_add (insts, other);
  info->id = g_strdup (id);
  info->title = g_strdup ("Same id, other instrument");
  info->country = g_strdup ("Examplia");
  made = cirt_store_create_assessment (laptop_b, info, insts, &error);
  ck_assert_str_eq (made, id);
  r = cirt_exchange_import (laptop_b, file, &error);
  ck_assert_ptr_null (r);
  ck_assert_ptr_nonnull (strstr (error->message, "other instruments"));
}
END_TEST

static Suite *
exchange_suite (void)
{
  Suite *s = suite_create ("exchange");
  TCase *tc = tcase_create ("merge");

  tcase_set_timeout (tc, 60);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_import_creates);
  tcase_add_test (tc, test_merge_with_conflict);
  tcase_add_test (tc, test_import_twice_changes_nothing);
  tcase_add_test (tc, test_both_sides_agree);
  tcase_add_test (tc, test_refusals_change_nothing);
  tcase_add_test (tc, test_instrument_mismatch);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (exchange_suite ());
}
