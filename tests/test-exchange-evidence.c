/* test-exchange-evidence.c — the evidence vault in exchange files: two
 * laptops' evidence merged (one copy per hash, later change wins, removals
 * carried and not undone by an older file), and hostile evidence refused
 * whole with the database unchanged
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-exchange.h"
#include "cirt-store-evidence.h"
#include "cirt-test-util.h"

static CirtStore *laptop_a, *laptop_b;
static char *id;
static CirtInstrument *inst;
static char *a_pdf;   /* A's item: decree.pdf on T-LAW-1, shareable */
static char *a_url;

static CirtStore *
open_store (const char *name)
{
  g_autofree char *path = cirt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  CirtStore *store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  return store;
}

static char *
fixture (const char *name)
{
  g_autofree char *rel = g_build_filename ("evidence", name, NULL);
  return cirt_test_fixture (rel);
}

static char *
attach (CirtStore  *store,
        const char *question,
        const char *file,
        const char *by,
        gboolean    shareable)
{
  g_autofree char *path = fixture (file);
  CirtEvidenceOptions o = { .author = by, .shareable = shareable };
  g_autoptr(GError) error = NULL;
  char *uuid = cirt_store_add_evidence_file (store, id, question, path, &o, NULL, &error);

  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  g_usleep (3000);
  return uuid;
}

static char *
export (CirtStore  *store,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = cirt_test_tmp_path (name);
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

static guint
n_items (CirtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cirt_store_list_evidence (store, id, NULL, &error);
  ck_assert_ptr_nonnull (items);
  return items->len;
}

static guint
n_blobs (CirtStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  ck_assert (cirt_store_count_evidence_blobs (store, &n, NULL, &error));
  return n;
}

static void
setup (void)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  laptop_a = open_store ("a.db");
  laptop_b = open_store ("b.db");
  inst = cirt_test_load_fixture ("mini.json");
  g_ptr_array_add (insts, inst);
  info->title = g_strdup ("Joint mission");
  info->country = g_strdup ("Examplia");
  id = cirt_store_create_assessment (laptop_a, info, insts, &error);
  ck_assert_ptr_nonnull (id);
  a_pdf = attach (laptop_a, "T-LAW-1", "decree.pdf", "Alice", TRUE);
  a_url = cirt_store_add_evidence_url (laptop_a, id, "T-LAW-2", "https://gazette.example/17", NULL, &error);
  ck_assert_ptr_nonnull (a_url);
  ck_assert (cirt_store_set_evidenced_only (laptop_a, id, TRUE, &error));
  g_usleep (3000);
}

static void
teardown (void)
{
  g_clear_object (&laptop_a);
  g_clear_object (&laptop_b);
  g_clear_object (&inst);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&a_pdf, g_free);
  g_clear_pointer (&a_url, g_free);
}

START_TEST (test_merge_two_laptops)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (laptop_a, "a1.json");
  g_autofree char *pdf = fixture ("decree.pdf"), *want = cirt_test_file_sha256 (pdf);
  g_autofree char *out = cirt_test_tmp_path ("b-copy.pdf"), *got = NULL;
  g_autofree char *b_png = NULL, *b_pdf = NULL, *a_txt = NULL;
  gboolean on = FALSE;

  /* B takes A's work: both items, the file's bytes as they were, the
   * scoring option of the new assessment. */
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, first);
    ck_assert_uint_eq (r->evidence_added, 2);
  }
  ck_assert_uint_eq (n_items (laptop_b), 2);
  ck_assert_uint_eq (n_blobs (laptop_b), 1);
  ck_assert (cirt_store_extract_evidence (laptop_b, a_pdf, out, &error));
  got = cirt_test_file_sha256 (out);
  ck_assert_str_eq (got, want);
  ck_assert (cirt_store_get_evidenced_only (laptop_b, id, &on, &error));
  ck_assert (on);

  /* Both work on: B attaches a scan and the same decree again (one copy),
   * shares the URL and removes A's decree; A attaches a text. */
  b_png = attach (laptop_b, "T-LAW-2", "scan.png", "Bob", FALSE);
  b_pdf = attach (laptop_b, "T-LAW-2", "decree.pdf", "Bob", FALSE);
  ck_assert_uint_eq (n_blobs (laptop_b), 2);
  ck_assert (cirt_store_set_evidence_shareable (laptop_b, a_url, TRUE, "Bob", &error));
  ck_assert (cirt_store_remove_evidence (laptop_b, a_pdf, "Bob", &error));
  a_txt = attach (laptop_a, "T-LAW-1", "decree.txt", "Alice", FALSE);

  {
    g_autofree char *from_b = export (laptop_b, "b1.json");
    g_autoptr(CirtImportReport) r = import (laptop_a, from_b);
    g_autoptr(CirtEvidence) url = cirt_store_get_evidence (laptop_a, a_url, &error);
    g_autoptr(CirtEvidence) gone = NULL;

    ck_assert_uint_eq (r->evidence_added, 2);
    ck_assert_uint_eq (r->evidence_updated, 1);
    ck_assert_uint_eq (r->evidence_removed, 1);
    ck_assert (url->shareable);
    gone = cirt_store_get_evidence (laptop_a, a_pdf, &error);
    ck_assert_ptr_null (gone);
    g_clear_error (&error);
    /* A's text stays; A has 4 items (URL, text, B's scan and decree) on
     * 3 blobs (the decree's kept once, also for the history). */
    ck_assert_uint_eq (n_items (laptop_a), 4);
    ck_assert_uint_eq (n_blobs (laptop_a), 3);
  }

  /* Back to B: A's text arrives, B's removal stays. */
  {
    g_autofree char *from_a = export (laptop_a, "a2.json");
    g_autoptr(CirtImportReport) r = import (laptop_b, from_a);
    g_autoptr(CirtImportReport) again = import (laptop_b, from_a);

    ck_assert_uint_eq (r->evidence_added, 1);
    ck_assert_uint_eq (n_items (laptop_b), 4);
    /* The same file twice changes nothing. */
    ck_assert_uint_eq (again->evidence_added + again->evidence_updated + again->evidence_removed, 0);
  }

  /* An older file (A's first export, which still has the decree) does not
   * undo the removal. */
  {
    g_autoptr(CirtImportReport) r = import (laptop_b, first);
    g_autoptr(CirtEvidence) gone = cirt_store_get_evidence (laptop_b, a_pdf, &error);
    ck_assert_ptr_null (gone);
    ck_assert_uint_ge (r->evidence_kept, 1);
    ck_assert_uint_eq (r->evidence_added, 0);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Hostile files                                                            */

typedef void (*Mutation) (JsonObject *root);

static JsonObject *
nth (JsonObject *r,
     const char *array,
     guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (r, array), i);
}

static JsonObject *
file_item (JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (r, "evidence");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (arr, i), "kind"), "file") == 0)
      return json_array_get_object_element (arr, i);
  return NULL;
}

static void
m_hash_mismatch (JsonObject *r)
{
  /* Other bytes under the decree's hash. */
  g_autofree char *text = g_base64_encode ((const guchar *) "%PDF-1.4 forged", 15);
  json_object_set_string_member (nth (r, "evidence_blobs", 0), "data", text);
}
static void
m_item_sha (JsonObject *r)
{
  json_object_set_string_member (file_item (r), "sha256",
                                 "0000000000000000000000000000000000000000000000000000000000000000");
}
static void m_not_base64 (JsonObject *r) { json_object_set_string_member (nth (r, "evidence_blobs", 0), "data", "!!!!"); }
static void m_size (JsonObject *r) { json_object_set_int_member (file_item (r), "size", 12); }
static void m_mime (JsonObject *r) { json_object_set_string_member (file_item (r), "mime", "image/png"); }
static void m_unknown_mime (JsonObject *r) { json_object_set_string_member (file_item (r), "mime", "application/x-msdownload"); }
static void
m_orphan_blob (JsonObject *r)
{
  JsonObject *o = json_object_new ();
  g_autofree char *text = g_base64_encode ((const guchar *) "plain text", 10);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) "plain text", 10);
  json_object_set_string_member (o, "sha256", sha);
  json_object_set_string_member (o, "data", text);
  json_array_add_object_element (json_object_get_array_member (r, "evidence_blobs"), o);
}
static void
m_blob_twice (JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (r, "evidence_blobs");
  json_array_add_element (arr, json_node_copy (json_array_get_element (arr, 0)));
}
static void m_no_blobs (JsonObject *r) { json_object_set_array_member (r, "evidence_blobs", json_array_new ()); }
static void
m_item_twice (JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (r, "evidence");
  json_array_add_element (arr, json_node_copy (json_array_get_element (arr, 0)));
}
static void
m_bad_url (JsonObject *r)
{
  JsonArray *arr = json_object_get_array_member (r, "evidence");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      if (g_strcmp0 (json_object_get_string_member (o, "kind"), "url") == 0)
        json_object_set_string_member (o, "url", "javascript:alert(1)");
    }
}
static void m_name_rlo (JsonObject *r) { json_object_set_string_member (file_item (r), "name", "report\xe2\x80\xae" "fdp.exe"); }
static void m_unknown_question (JsonObject *r) { json_object_set_string_member (file_item (r), "question", "NOPE-9"); }
/* The version before the vault's. */
static void
m_version_before (JsonObject *r)
{
  json_object_set_int_member (r, "format_version", CIRT_EXCHANGE_EVIDENCE_SINCE - 1);
  /* without what later versions added (sessions and statements) */
  json_object_remove_member (r, "sessions");
  json_object_remove_member (r, "statements");
}
static void m_flag_text (JsonObject *r) { json_object_set_string_member (r, "evidenced_only", "yes"); }
static void m_removed_bad_id (JsonObject *r)
{
  JsonObject *o = json_object_new ();
  json_object_set_string_member (o, "id", "../../etc/passwd");
  json_object_set_string_member (o, "removed_at", "2026-03-02T10:00:00.000Z");
  json_array_add_object_element (json_object_get_array_member (r, "evidence_removed"), o);
}
static void m_item_member (JsonObject *r) { json_object_set_string_member (file_item (r), "data", "AAAA"); }

static const struct {
  const char *name;
  Mutation    mutate;
  const char *expect;
} hostile[] = {
  { "bytes that do not match their hash", m_hash_mismatch, "evidence_blobs[0].data: the bytes do not match" },
  { "an item whose bytes are missing", m_item_sha, "not in evidence_blobs" },
  { "bytes that are not base64", m_not_base64, "evidence_blobs[0].data: not base64" },
  { "a size that is not the file's", m_size, ".size: the file has" },
  { "a MIME type that lies", m_mime, ".mime: the file's content is not of that type" },
  { "a MIME type the vault does not keep", m_unknown_mime, ".mime: not a kind of document" },
  { "bytes no item names", m_orphan_blob, "belong to no item" },
  { "the same bytes twice", m_blob_twice, "are given twice" },
  { "no bytes at all", m_no_blobs, "not in evidence_blobs" },
  { "the same item twice", m_item_twice, "is also evidence[" },
  { "a javascript: URL", m_bad_url, "only web addresses" },
  { "a name with a right-to-left override", m_name_rlo, ".name" },
  { "an item on an unknown question", m_unknown_question, "no question \"NOPE-9\"" },
  { "evidence in a file of the version before the vault", m_version_before, "evidence: unknown member" },
  { "the scoring option as a text", m_flag_text, "evidenced_only: must be true or false" },
  { "a removal of something that is not a UUID", m_removed_bad_id, "evidence_removed[0].id" },
  { "bytes inside an item", m_item_member, "unknown member" },
};

static char *
mutated_export (Mutation    mutate,
                const char *name)
{
  g_autofree char *file = export (laptop_a, "clean.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *out = cirt_test_tmp_path (name);

  ck_assert (json_parser_load_from_file (parser, file, &error));
  mutate (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (gen, json_parser_get_root (parser));
  ck_assert (json_generator_to_file (gen, out, &error));
  return out;
}

START_TEST (test_hostile_evidence_changes_nothing)
{
  g_autofree char *first = export (laptop_a, "seed.json");
  g_autoptr(CirtImportReport) seed = import (laptop_b, first);
  g_autofree char *path = g_strdup (cirt_store_get_path (laptop_b));
  g_autofree char *before = NULL;

  /* A moves on, so that a partial merge would show in B. */
  g_free (attach (laptop_a, "T-LAW-2", "scan.gif", "Alice", TRUE));
  g_clear_object (&laptop_b);
  before = cirt_test_file_sha256 (path);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *name = g_strdup_printf ("hostile-evidence-%u.json", i);
      g_autofree char *file = mutated_export (hostile[i].mutate, name);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtImportReport) r = NULL;
      g_autofree char *after = NULL;

      laptop_b = cirt_store_open (path, &error);
      ck_assert_ptr_nonnull (laptop_b);
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
  {
    g_autoptr(GError) error = NULL;
    laptop_b = cirt_store_open (path, &error);
  }
  (void) seed;
}
END_TEST

static Suite *
exchange_evidence_suite (void)
{
  Suite *s = suite_create ("exchange-evidence");
  TCase *tc = tcase_create ("merge");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_merge_two_laptops);
  tcase_add_test (tc, test_hostile_evidence_changes_nothing);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (exchange_evidence_suite ());
}
