/* test-exchange.c — exchange files: export for merge, import into a new
 * laptop, merge with conflicts, idempotence, refusals that change nothing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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
  {
    g_autoptr(CirtFinding) f = cirt_finding_new ();
    char *questions[] = { "T-LAW-1", NULL };
    g_autofree char *uuid = NULL;

    f->kind = CIRT_FINDING_RISK;
    f->title = g_strdup ("Rivalry over who leads the CIRT");
    f->description = g_strdup ("Regulator and police «both» claim it.\nSecond line.");
    f->pillar = CIRT_PILLAR_ORGANIZATIONAL;
    f->phase = CIRT_PHASE_DESIGN;
    f->questions = g_strdupv (questions);
    f->author = g_strdup ("Alice");
    uuid = cirt_store_add_finding (laptop_a, id, f, &error);
    ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
    g_usleep (3000);
  }
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
  g_autofree char *current = g_strdup_printf ("\"format_version\" : %d", CIRT_EXCHANGE_FORMAT_VERSION);
  g_autofree char *next = g_strdup_printf ("\"format_version\" : %d", CIRT_EXCHANGE_FORMAT_VERSION + 1);
  g_autofree char *newer = altered_export (current, next);
  /* A bad value in the middle of the file: the answers before it must not stick. */
  g_autofree char *bad_value = altered_export ("\"value\" : \"adhoc\"", "\"value\" : \"sometimes\"");
  g_autofree char *tampered = altered_export ("Is there a legal mandate?", "Is there a mandate?");

  assert_import_refused (junk, "not a CIRT Assess exchange file");
  assert_import_refused (other, "not a CIRT Assess exchange file");
  assert_import_refused (newer, "is not supported (this version reads");
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


/* ------------------------------------------------------------------------ */
/* Hostile files: each refused whole, the database byte for byte unchanged  */

typedef void (*Mutation) (JsonObject *root);

static JsonObject *
nth_object (JsonObject *root,
            const char *member,
            guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), i);
}

static JsonObject *
answer_object (JsonObject *root,
               const char *question)
{
  JsonArray *answers = json_object_get_array_member (root, "answers");

  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (g_strcmp0 (json_object_get_string_member (a, "question"), question) == 0)
        return a;
    }
  ck_abort_msg ("test bug: no answer to %s in the export", question);
  return NULL;
}

static char *
huge_text (void)
{
  return g_strnfill (50 * 1024 * 1024, 'x');
}

static void m_value_number (JsonObject *r) { json_object_set_int_member (answer_object (r, "T-LAW-2"), "value", 3); }
static void m_value_kind (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-2"), "value", "maybe"); }
static void m_notes_number (JsonObject *r) { json_object_set_int_member (answer_object (r, "T-LAW-1"), "notes", 5); }
static void m_na_string (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "not_applicable", "yes"); }
static void m_flagged_number (JsonObject *r) { json_object_set_int_member (answer_object (r, "T-LAW-1"), "flagged", 1); }
static void m_answers_object (JsonObject *r) { json_object_set_object_member (r, "answers", json_object_new ()); }
static void m_history_string (JsonObject *r) { json_object_set_string_member (r, "history", "none"); }
static void m_stakeholders_object (JsonObject *r) { json_object_set_object_member (r, "stakeholders", json_object_new ()); }
static void m_targets_array (JsonObject *r) { json_object_set_array_member (r, "targets", json_array_new ()); }
static void m_target_out_of_range (JsonObject *r) { json_object_set_int_member (json_object_get_object_member (r, "targets"), "legal", 9); }
static void m_unknown_question (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "question", "NOPE-1"); }
static void m_unknown_member (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "score", "5"); }
static void m_nul (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "notes", "a@NUL@b"); }
static void m_bad_time (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "updated_at", "yesterday"); }
static void m_no_offset (JsonObject *r) { json_object_set_string_member (answer_object (r, "T-LAW-1"), "updated_at", "2026-03-02T10:00:00"); }
static void
m_duplicate (JsonObject *r)
{
  JsonArray *answers = json_object_get_array_member (r, "answers");
  JsonNode *copy = json_node_copy (json_array_get_element (answers, 0));
  json_array_add_element (answers, copy);
}
static void
m_huge_answer_note (JsonObject *r)
{
  g_autofree char *big = huge_text ();
  json_object_set_string_member (answer_object (r, "T-LAW-1"), "notes", big);
}
static void
m_huge_history_note (JsonObject *r)
{
  g_autofree char *big = huge_text ();
  json_object_set_string_member (json_object_get_object_member (nth_object (r, "history", 0), "new"), "notes", big);
}
static void
m_huge_stakeholder_note (JsonObject *r)
{
  g_autofree char *big = huge_text ();
  json_object_set_string_member (nth_object (r, "stakeholders", 0), "notes", big);
}
static void
m_history_bad_value (JsonObject *r)
{
  JsonObject *h = nth_object (r, "history", 0);
  json_object_set_string_member (h, "question", "T-LAW-2");
  json_object_set_string_member (json_object_get_object_member (h, "new"), "value", "maybe");
}
static void m_history_unknown_question (JsonObject *r) { json_object_set_string_member (nth_object (r, "history", 0), "question", "NOPE-2"); }
static void
m_history_altered (JsonObject *r)
{
  json_object_set_string_member (json_object_get_object_member (nth_object (r, "history", 0), "new"), "notes",
                                 "What was never said");
}
static void m_history_reordered (JsonObject *r)
{
  JsonArray *h = json_object_get_array_member (r, "history");
  JsonNode *first = json_node_copy (json_array_get_element (h, 0));
  json_array_remove_element (h, 0);
  json_array_add_element (h, first);
}
static void m_hash_missing (JsonObject *r) { json_object_remove_member (nth_object (r, "history", 1), "hash"); }
static void m_conflicts (JsonObject *r) { json_object_set_array_member (r, "conflicts", json_array_new ()); }
static void m_title_huge (JsonObject *r) { g_autofree char *big = huge_text (); json_object_set_string_member (json_object_get_object_member (r, "assessment"), "title", big); }
static void m_started_on (JsonObject *r) { json_object_set_string_member (json_object_get_object_member (r, "assessment"), "started_on", "2026-02-30"); }
static void m_phase (JsonObject *r) { json_object_set_string_member (json_object_get_object_member (r, "assessment"), "phase", "holiday"); }
static void m_country_code (JsonObject *r) { json_object_set_string_member (json_object_get_object_member (r, "assessment"), "country_code", "XX"); }
static void m_country_code_number (JsonObject *r) { json_object_set_int_member (json_object_get_object_member (r, "assessment"), "country_code", 33); }
static void m_region (JsonObject *r) { json_object_set_string_member (json_object_get_object_member (r, "assessment"), "region", "Atlantis"); }

static JsonObject *
finding_object (JsonObject *r)
{
  return nth_object (r, "findings", 0);
}
static void m_findings_object (JsonObject *r) { json_object_set_object_member (r, "findings", json_object_new ()); }
static void m_finding_kind (JsonObject *r) { json_object_set_string_member (finding_object (r), "kind", "opinion"); }
static void m_finding_title_number (JsonObject *r) { json_object_set_int_member (finding_object (r), "title", 7); }
static void m_finding_no_title (JsonObject *r) { json_object_remove_member (finding_object (r), "title"); }
static void m_finding_pillar (JsonObject *r) { json_object_set_string_member (finding_object (r), "pillar", "moral"); }
static void m_finding_phase (JsonObject *r) { json_object_set_string_member (finding_object (r), "phase", "assessment"); }
static void m_finding_id (JsonObject *r) { json_object_set_string_member (finding_object (r), "id", "../../etc/passwd"); }
static void m_finding_member (JsonObject *r) { json_object_set_int_member (finding_object (r), "score", 5); }
static void m_finding_position (JsonObject *r) { json_object_set_int_member (finding_object (r), "position", -1); }
static void m_finding_time (JsonObject *r) { json_object_set_string_member (finding_object (r), "modified_at", "2026-03-02T10:00:00"); }
static void
m_finding_questions_text (JsonObject *r)
{
  json_object_set_string_member (finding_object (r), "questions", "T-LAW-1");
}
static void
m_finding_unknown_question (JsonObject *r)
{
  JsonArray *q = json_array_new ();
  json_array_add_string_element (q, "NOPE-3");
  json_object_set_array_member (finding_object (r), "questions", q);
}
static void
m_finding_question_number (JsonObject *r)
{
  JsonArray *q = json_array_new ();
  json_array_add_int_element (q, 12);
  json_object_set_array_member (finding_object (r), "questions", q);
}
static void
m_finding_title_huge (JsonObject *r)
{
  g_autofree char *big = g_strnfill (100 * 1024, 't');
  json_object_set_string_member (finding_object (r), "title", big);
}
static void
m_finding_description_huge (JsonObject *r)
{
  g_autofree char *big = huge_text ();
  json_object_set_string_member (finding_object (r), "description", big);
}
static void
m_finding_twice (JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (r, "findings");
  json_array_add_element (arr, json_node_copy (json_array_get_element (arr, 0)));
}
static void
m_findings_in_version_2 (JsonObject *r)
{
  JsonObject *a = json_object_get_object_member (r, "assessment");

  json_object_set_int_member (r, "format_version", 2);
  /* Version 2 had no country code or region either. */
  json_object_remove_member (a, "country_code");
  json_object_remove_member (a, "region");
}
static void
m_country_code_in_version_3 (JsonObject *r)
{
  json_object_set_int_member (r, "format_version", 3);
  /* Nor had it the reviews (version 5). */
  json_object_remove_member (r, "reviews");
  json_object_set_string_member (json_object_get_object_member (r, "assessment"), "country_code", "KE");
}
static void
m_region_in_version_3 (JsonObject *r)
{
  JsonObject *a = json_object_get_object_member (r, "assessment");

  json_object_set_int_member (r, "format_version", 3);
  /* Nor had it the reviews (version 5). */
  json_object_remove_member (r, "reviews");
  json_object_remove_member (a, "country_code");
  json_object_set_string_member (a, "region", "africa");
}

static const struct {
  const char *name;
  Mutation    mutate;
  const char *expect;  /* in the message: the JSON path or the reason */
} hostile[] = {
  { "a value that is a number", m_value_number, "answers[" },
  { "a value the question does not take", m_value_kind, "\"maybe\" is not an answer" },
  { "notes that are a number", m_notes_number, ".notes: must be a text" },
  { "not_applicable as a text", m_na_string, ".not_applicable: must be true or false" },
  { "flagged as a number", m_flagged_number, ".flagged: must be true or false" },
  { "answers as an object", m_answers_object, "answers: must be an array" },
  { "history as a text", m_history_string, "history: must be an array" },
  { "stakeholders as an object", m_stakeholders_object, "stakeholders: must be an array" },
  { "targets as an array", m_targets_array, "targets" },
  { "a target level of 9", m_target_out_of_range, "targets.legal" },
  { "an answer to an unknown question", m_unknown_question, "no question \"NOPE-1\"" },
  { "an unknown member", m_unknown_member, "unknown member" },
  { "a NUL inside a text", m_nul, "NUL" },
  { "a time that is not a time", m_bad_time, "is not an ISO 8601 time" },
  { "a time without an offset", m_no_offset, "has no time zone" },
  { "two answers to one question", m_duplicate, "a second answer to" },
  { "a 50 MB note", m_huge_answer_note, "too long" },
  { "a 50 MB history note", m_huge_history_note, "history[0].new.notes: too long" },
  { "a 50 MB stakeholder note", m_huge_stakeholder_note, "stakeholders[0].notes: too long" },
  { "a 50 MB title", m_title_huge, "assessment.title: too long" },
  { "a history value the question does not take", m_history_bad_value, "history[0].new" },
  { "history for an unknown question", m_history_unknown_question, "no question \"NOPE-2\"" },
  { "conflict records", m_conflicts, "conflicts: unknown member" },
  { "a recorded change altered", m_history_altered, "history[0]: the chain of hashes of the history breaks here" },
  { "changes reordered", m_history_reordered, "the chain of hashes of the history breaks here" },
  { "a change without its hash", m_hash_missing, "history[1]" },
  { "an unknown phase", m_phase, "assessment.phase" },
  { "a start date that does not exist", m_started_on, "assessment.started_on" },
  { "findings as an object", m_findings_object, "findings: must be an array" },
  { "a finding of an unknown kind", m_finding_kind, "findings[0].kind: unknown kind \"opinion\"" },
  { "a finding title that is a number", m_finding_title_number, "findings[0].title: must be a text" },
  { "a finding without a title", m_finding_no_title, "findings[0].title: missing" },
  { "a finding on no pillar", m_finding_pillar, "findings[0].pillar: not a pillar" },
  { "a finding in an unknown phase", m_finding_phase, "findings[0].phase: unknown phase \"assessment\"" },
  { "a finding id that is not a UUID", m_finding_id, "findings[0].id: \"../../etc/passwd\" is not a finding id" },
  { "an unknown member of a finding", m_finding_member, "findings[0].score: unknown member" },
  { "a negative finding position", m_finding_position, "findings[0].position" },
  { "a finding time without an offset", m_finding_time, "findings[0].modified_at" },
  { "finding questions as a text", m_finding_questions_text, "findings[0].questions: must be a list" },
  { "a finding on an unknown question", m_finding_unknown_question, "findings[0].questions[0]: no question \"NOPE-3\"" },
  { "a finding question that is a number", m_finding_question_number, "findings[0].questions[0]: must be a text" },
  { "a 100 KB finding title", m_finding_title_huge, "findings[0].title: too long" },
  { "a 50 MB finding description", m_finding_description_huge, "findings[0].description: too long" },
  { "the same finding twice", m_finding_twice, "findings[1].id: finding" },
  { "findings in a version 2 file", m_findings_in_version_2, "findings: unknown member" },
  { "a country code ISO 3166-1 has not", m_country_code, "assessment.country_code: unknown country code \"XX\"" },
  { "a country code that is a number", m_country_code_number, "assessment.country_code: must be a text" },
  { "an unknown region", m_region, "assessment.region: unknown region \"Atlantis\"" },
  { "a country code in a version 3 file", m_country_code_in_version_3, "assessment.country_code: unknown member" },
  { "a region in a version 3 file", m_region_in_version_3, "assessment.region: unknown member" },
};

static char *
mutated_export (Mutation    mutate,
                const char *name)
{
  g_autofree char *file = export (laptop_a);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *out = cirt_test_tmp_path (name);

  ck_assert (json_parser_load_from_file (parser, file, &error));
  mutate (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (gen, json_parser_get_root (parser));
  {
    /* json-glib cannot hold a NUL in a text: it is written as JSON here. */
    g_autofree char *text = json_generator_to_data (gen, NULL);
    GString *s = g_string_new (text);
    g_string_replace (s, "@NUL@", "\\u0000", 0);
    ck_assert (g_file_set_contents (out, s->str, s->len, &error));
    g_string_free (s, TRUE);
  }
  return out;
}

/* The database file of laptop B (compared closed, so that its bytes are all of it). */
static char *
b_path (void)
{
  return g_strdup (cirt_store_get_path (laptop_b));
}

static CirtStore *
reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  CirtStore *store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  return store;
}

START_TEST (test_hostile_files_change_nothing)
{
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autofree char *path = b_path ();
  g_autofree char *before = NULL;

  /* B has the assessment and a change of its own, so a partial merge would show. */
  answer (laptop_b, "T-LAW-1", "3", "Seen by Bob", "Bob");
  answer (laptop_a, "T-OPS-1", "formal", "A's revision", "Alice");
  g_clear_object (&laptop_b);
  before = cirt_test_file_sha256 (path);
  ck_assert_ptr_nonnull (before);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *name = g_strdup_printf ("hostile-%u.json", i);
      g_autofree char *file = mutated_export (hostile[i].mutate, name);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtImportReport) r = NULL;
      g_autofree char *after = NULL;

      laptop_b = reopen (path);
      r = cirt_exchange_import (laptop_b, file, &error);
      ck_assert_msg (r == NULL, "%s: imported", hostile[i].name);
      ck_assert_msg (error != NULL && strstr (error->message, hostile[i].expect) != NULL,
                     "%s: expected \"%s\" in: %s", hostile[i].name, hostile[i].expect,
                     error ? error->message : "(no error)");
      g_clear_object (&laptop_b);
      after = cirt_test_file_sha256 (path);
      ck_assert_msg (g_strcmp0 (before, after) == 0, "%s: the database changed", hostile[i].name);
      g_unlink (file);
    }
  laptop_b = reopen (path);
  (void) seed;
}
END_TEST

static void
assert_refused_raw (const char *name,
                    const char *contents,
                    const char *expect)
{
  g_autofree char *file = cirt_test_write_tmp (name, contents);
  g_autofree char *path = b_path ();
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtImportReport) r = NULL;

  g_clear_object (&laptop_b);
  before = cirt_test_file_sha256 (path);
  ck_assert_ptr_nonnull (before);
  laptop_b = reopen (path);
  r = cirt_exchange_import (laptop_b, file, &error);
  ck_assert_ptr_null (r);
  ck_assert_msg (strstr (error->message, expect) != NULL, "expected \"%s\" in: %s", expect, error->message);
  g_clear_object (&laptop_b);
  after = cirt_test_file_sha256 (path);
  ck_assert_str_eq (before, after);
  laptop_b = reopen (path);
}

START_TEST (test_hostile_raw_files)
{
  g_autofree char *deep = g_strnfill (100000, '[');

  /* A critical or warning from json-glib on the way to the refusal is a
   * crash here, not a line on the terminal. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  assert_refused_raw ("empty.json", "", "is empty");
  assert_refused_raw ("deep.json", deep, "nested more than");
  assert_refused_raw ("array.json", "[]", "not a CIRT Assess exchange file");
  assert_refused_raw ("bad-utf8.json", "{\"format\": \"cirt-assess-exchange\xff\"}", "not a CIRT Assess exchange file");
}
END_TEST

static char *
time_in_zone (GTimeSpan   from_now,
              const char *offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) t = g_date_time_add (now, from_now);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (offset);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (t, tz);
  g_autofree char *base = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.000%s", base, offset);
}

static char *ts_value;
static void m_set_time (JsonObject *r)
{
  JsonObject *a = answer_object (r, "T-LAW-1");
  json_object_set_string_member (a, "updated_at", ts_value);
  json_object_set_string_member (a, "value", "4");
  json_object_set_string_member (a, "notes", "From the file");
}

START_TEST (test_times_are_instants)
{
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autoptr(CirtImportReport) r = NULL;
  g_autoptr(CirtAnswer) a = NULL;
  g_autofree char *file = NULL;

  /* B's own, newer change. The file's time reads later as a text
   * ("…T10:…+05:00" after "…T08:…Z") but is three hours earlier. */
  answer (laptop_b, "T-LAW-1", "3", "Bob's newer view", "Bob");
  ts_value = time_in_zone (-3 * G_TIME_SPAN_HOUR, "+05:00");
  file = mutated_export (m_set_time, "offset.json");
  g_clear_pointer (&ts_value, g_free);
  r = import (laptop_b, file);
  a = get (laptop_b, "T-LAW-1");
  ck_assert_str_eq (a->value, "3");
  ck_assert_str_eq (a->notes, "Bob's newer view");
  /* Stored as UTC. */
  ck_assert (g_str_has_suffix (a->updated_at, "Z"));
  (void) seed;
}
END_TEST

START_TEST (test_future_time_cannot_win_forever)
{
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autoptr(CirtImportReport) r1 = NULL, r2 = NULL;
  g_autoptr(CirtAnswer) taken = NULL, kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = g_date_time_add_minutes (now, 11);
  g_autofree char *limit_s = g_date_time_format_iso8601 (limit);
  g_autofree char *file = NULL;

  ts_value = g_strdup ("9999-12-31T00:00:00Z");
  file = mutated_export (m_set_time, "future.json");
  g_clear_pointer (&ts_value, g_free);

  r1 = import (laptop_b, file);
  ck_assert_uint_eq (r1->warnings->len, 1);
  ck_assert_ptr_nonnull (strstr (g_ptr_array_index (r1->warnings, 0), "later than this computer's clock"));
  taken = get (laptop_b, "T-LAW-1");
  ck_assert_str_eq (taken->value, "4");
  ck_assert_msg (strcmp (taken->updated_at, limit_s) < 0, "kept a time in the future: %s", taken->updated_at);

  /* A later edit here is not undone by importing the same file again. */
  g_usleep (3000);
  answer (laptop_b, "T-LAW-1", "2", "Revised after the import", "Bob");
  r2 = import (laptop_b, file);
  kept = get (laptop_b, "T-LAW-1");
  ck_assert_str_eq (kept->value, "2");
  ck_assert_str_eq (kept->notes, "Revised after the import");
  (void) seed;
}
END_TEST

static void
m_as_version_1 (JsonObject *r)
{
  JsonArray *h = json_object_get_array_member (r, "history");

  json_object_set_int_member (r, "format_version", 1);
  /* Version 1 had no findings, no country code, no region, no reviews, no
   * sessions and no statements. */
  json_object_remove_member (r, "findings");
  json_object_remove_member (r, "reviews");
  json_object_remove_member (json_object_get_object_member (r, "assessment"), "country_code");
  json_object_remove_member (json_object_get_object_member (r, "assessment"), "region");
  json_object_remove_member (r, "sessions");
  json_object_remove_member (r, "statements");
  /* Nor the evidence vault (version 6). */
  json_object_remove_member (r, "evidenced_only");
  json_object_remove_member (r, "evidence");
  json_object_remove_member (r, "evidence_blobs");
  json_object_remove_member (r, "evidence_removed");
  for (guint i = 0; i < json_array_get_length (h); i++)
    json_object_remove_member (json_array_get_object_element (h, i), "hash");
}

START_TEST (test_reads_version_1)
{
  g_autofree char *file = mutated_export (m_as_version_1, "v1.json");
  g_autoptr(CirtImportReport) r = import (laptop_b, file);
  g_autoptr(CirtAnswer) a = get (laptop_b, "T-LAW-1");
  guint n = 0;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (r->created);
  ck_assert_str_eq (a->value, "2");
  /* The imported changes are chained here, on B. */
  ck_assert_msg (cirt_store_verify_history (laptop_b, id, &n, &head, &error), "%s", error ? error->message : "");
  ck_assert_uint_ge (n, 3);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Findings */

static CirtFinding *
only_finding (CirtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_findings (store, id, &error);

  ck_assert_ptr_nonnull (list);
  ck_assert_uint_eq (list->len, 1);
  return cirt_finding_copy (g_ptr_array_index (list, 0));
}

static char *
add_finding_on (CirtStore  *store,
                const char *title,
                const char *author)
{
  g_autoptr(CirtFinding) f = cirt_finding_new ();
  g_autoptr(GError) error = NULL;
  char *uuid;

  f->kind = CIRT_FINDING_QUICK_WIN;
  f->title = g_strdup (title);
  f->pillar = CIRT_PILLAR_TECHNICAL;
  f->phase = CIRT_PHASE_ESTABLISHMENT;
  f->author = g_strdup (author);
  uuid = cirt_store_add_finding (store, id, f, &error);
  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  g_usleep (3000);
  return uuid;
}

/* The findings travel whole: id, kind, texts, pillar, phase, questions,
 * author and times. */
START_TEST (test_findings_round_trip)
{
  g_autofree char *file = export (laptop_a);
  g_autoptr(CirtImportReport) r = import (laptop_b, file);
  g_autoptr(CirtFinding) a = only_finding (laptop_a);
  g_autoptr(CirtFinding) b = only_finding (laptop_b);
  g_autoptr(GPtrArray) history = cirt_store_get_finding_history (laptop_b, id, NULL, NULL);
  g_autofree char *data = NULL;

  ck_assert_uint_eq (r->findings_added, 1);
  ck_assert_str_eq (b->id, a->id);
  ck_assert_int_eq (b->kind, CIRT_FINDING_RISK);
  ck_assert_str_eq (b->title, "Rivalry over who leads the CIRT");
  ck_assert_str_eq (b->description, a->description);
  ck_assert_int_eq (b->pillar, CIRT_PILLAR_ORGANIZATIONAL);
  ck_assert_int_eq (b->phase, CIRT_PHASE_DESIGN);
  ck_assert_uint_eq (g_strv_length (b->questions), 1);
  ck_assert_str_eq (b->questions[0], "T-LAW-1");
  ck_assert_str_eq (b->author, "Alice");
  ck_assert_str_eq (b->created_at, a->created_at);
  ck_assert_str_eq (b->modified_at, a->modified_at);
  /* B records having taken it. */
  ck_assert_uint_eq (history->len, 1);
  /* The file says a version from 3 on and carries them. */
  ck_assert (g_file_get_contents (file, &data, NULL, NULL));
  ck_assert_int_ge (CIRT_EXCHANGE_FORMAT_VERSION, 3);
  ck_assert_ptr_nonnull (strstr (data, "\"format_version\" : "));
  ck_assert_ptr_nonnull (strstr (data, "\"findings\" : ["));
}
END_TEST

/* Each side adds its own; a later edit wins over an earlier one; the same
 * file twice changes nothing; a removal here after the other side's last
 * change stays a removal. */
START_TEST (test_findings_merge)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autoptr(CirtImportReport) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(CirtFinding) shared = only_finding (laptop_b);
  g_autofree char *from_a = NULL, *from_b = NULL, *file = NULL, *bs_file = NULL;
  g_autoptr(GPtrArray) list = NULL;

  from_b = add_finding_on (laptop_b, "Publish the incident address", "Bob");
  from_a = add_finding_on (laptop_a, "Sign the AfricaCERT membership", "Alice");
  /* A edits the shared finding after B's last look at it. */
  {
    g_autoptr(CirtFinding) mine = cirt_store_get_finding (laptop_a, id, shared->id, &error);
    g_free (mine->title);
    mine->title = g_strdup ("Rivalry over who hosts the CIRT");
    g_free (mine->author);
    mine->author = g_strdup ("Alice");
    ck_assert (cirt_store_update_finding (laptop_a, id, mine, &error));
  }
  file = export (laptop_a);
  r1 = import (laptop_b, file);
  ck_assert_uint_eq (r1->findings_added, 1);
  ck_assert_uint_eq (r1->findings_updated, 1);
  ck_assert_uint_eq (r1->findings_kept, 0);
  list = cirt_store_list_findings (laptop_b, id, &error);
  ck_assert_uint_eq (list->len, 3);
  /* B's own order stays: the new one from A comes last. */
  ck_assert_str_eq (((CirtFinding *) g_ptr_array_index (list, 0))->title, "Rivalry over who hosts the CIRT");
  ck_assert_str_eq (((CirtFinding *) g_ptr_array_index (list, 1))->title, "Publish the incident address");
  ck_assert_str_eq (((CirtFinding *) g_ptr_array_index (list, 2))->title, "Sign the AfricaCERT membership");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The same file again: nothing. */
  r2 = import (laptop_b, file);
  ck_assert_uint_eq (r2->findings_added + r2->findings_updated + r2->findings_kept, 0);

  /* B edits the shared finding later than A: B's version stays on an import of A's older file. */
  g_usleep (3000);
  {
    g_autoptr(CirtFinding) mine = cirt_store_get_finding (laptop_b, id, shared->id, &error);
    g_free (mine->description);
    mine->description = g_strdup ("Bob's later view");
    ck_assert (cirt_store_update_finding (laptop_b, id, mine, &error));
  }
  /* And B removes A's new finding. */
  ck_assert (cirt_store_remove_finding (laptop_b, id, from_a, "Bob", &error));
  r3 = import (laptop_b, file);
  ck_assert_uint_eq (r3->findings_added, 0);
  ck_assert_uint_eq (r3->findings_updated, 0);
  ck_assert_uint_eq (r3->findings_kept, 2);
  {
    g_autoptr(CirtFinding) f = cirt_store_get_finding (laptop_b, id, shared->id, &error);
    ck_assert_str_eq (f->description, "Bob's later view");
    ck_assert_ptr_null (cirt_store_get_finding (laptop_b, id, from_a, NULL));
  }

  /* The other way: A takes B's finding and B's later edit. */
  bs_file = export (laptop_b);
  r4 = import (laptop_a, bs_file);
  ck_assert_uint_eq (r4->findings_added, 1);
  ck_assert_uint_eq (r4->findings_updated, 1);
  {
    g_autoptr(CirtFinding) f = cirt_store_get_finding (laptop_a, id, shared->id, &error);
    g_autoptr(CirtFinding) b = cirt_store_get_finding (laptop_a, id, from_b, &error);
    ck_assert_str_eq (f->description, "Bob's later view");
    ck_assert_str_eq (f->title, "Rivalry over who hosts the CIRT");
    ck_assert_str_eq (b->author, "Bob");
  }
  (void) seed;
}
END_TEST

/* The country's code and region travel with the assessment; a file
 * written before them (no such members) gets them from the country's name
 * where the list has it; an assessment here without them takes the
 * file's. */
static void m_no_country_code (JsonObject *r)
{
  JsonObject *a = json_object_get_object_member (r, "assessment");
  json_object_remove_member (a, "country_code");
  json_object_remove_member (a, "region");
  json_object_set_string_member (a, "country", "Kenya");
  /* As written before version 4 (so without sessions, statements or the
   * evidence vault either). */
  json_object_remove_member (r, "sessions");
  json_object_remove_member (r, "statements");
  json_object_remove_member (r, "evidenced_only");
  json_object_remove_member (r, "evidence");
  json_object_remove_member (r, "evidence_blobs");
  json_object_remove_member (r, "evidence_removed");
  json_object_set_int_member (r, "format_version", 3);
  /* Nor had it the reviews (version 5). */
  json_object_remove_member (r, "reviews");
}

START_TEST (test_country_code_and_region)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (laptop_a, id, NULL);
  g_autoptr(GError) error = NULL;

  g_free (info->country);
  info->country = g_strdup ("Sénégal");
  info->country_code = g_strdup ("SN");
  info->region = g_strdup ("africa");
  ck_assert (cirt_store_update_assessment (laptop_a, info, &error));
  {
    g_autofree char *file = export (laptop_a), *text = NULL;
    g_autoptr(CirtImportReport) r = import (laptop_b, file);
    g_autoptr(CirtAssessmentInfo) b = cirt_store_get_assessment (laptop_b, id, NULL);

    ck_assert (g_file_get_contents (file, &text, NULL, NULL));
    ck_assert_ptr_nonnull (strstr (text, "\"country_code\" : \"SN\""));
    ck_assert_ptr_nonnull (strstr (text, "\"region\" : \"africa\""));
    ck_assert_str_eq (b->country_code, "SN");
    ck_assert_str_eq (b->region, "africa");
  }
}
END_TEST

START_TEST (test_older_file_without_country_code)
{
  g_autofree char *file = mutated_export (m_no_country_code, "old.json");
  g_autoptr(CirtImportReport) r = import (laptop_b, file);
  g_autoptr(CirtAssessmentInfo) b = cirt_store_get_assessment (laptop_b, id, NULL);

  ck_assert (r->created);
  ck_assert_str_eq (b->country, "Kenya");
  ck_assert_str_eq (b->country_code, "KE");
  ck_assert_str_eq (b->region, "africa");
}
END_TEST

START_TEST (test_merge_takes_missing_country_code)
{
  g_autofree char *first = export (laptop_a);
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autoptr(CirtAssessmentInfo) info = cirt_store_get_assessment (laptop_a, id, NULL);
  g_autoptr(CirtAssessmentInfo) b = NULL;
  g_autoptr(GError) error = NULL;

  /* Examplia is in no list: B has neither; A gives them by hand. */
  b = cirt_store_get_assessment (laptop_b, id, NULL);
  ck_assert_ptr_null (b->country_code);
  ck_assert_ptr_null (b->region);
  g_clear_pointer (&b, cirt_assessment_info_free);
  info->region = g_strdup ("americas");
  ck_assert (cirt_store_update_assessment (laptop_a, info, &error));
  {
    g_autofree char *second = export (laptop_a);
    g_autoptr(CirtImportReport) r = import (laptop_b, second);
  }
  b = cirt_store_get_assessment (laptop_b, id, NULL);
  ck_assert_ptr_null (b->country_code);
  ck_assert_str_eq (b->region, "americas");
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
  tcase_add_test (tc, test_hostile_files_change_nothing);
  tcase_add_test (tc, test_hostile_raw_files);
  tcase_add_test (tc, test_times_are_instants);
  tcase_add_test (tc, test_future_time_cannot_win_forever);
  tcase_add_test (tc, test_reads_version_1);
  tcase_add_test (tc, test_findings_round_trip);
  tcase_add_test (tc, test_findings_merge);
  tcase_add_test (tc, test_country_code_and_region);
  tcase_add_test (tc, test_older_file_without_country_code);
  tcase_add_test (tc, test_merge_takes_missing_country_code);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (exchange_suite ());
}
