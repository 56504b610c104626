/* test-evidence.c — the evidence vault: sniffing every accepted kind (and a
 * name that lies), content-addressed blobs (one copy per hash), the hash
 * checked on reading, the size limit, every kind of bad input refused with
 * the database unchanged, names cleaned, URLs, removal kept in the
 * history, the blob's lifetime, the migration with its byte-identical copy
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cirt-assessment-data.h"
#include "cirt-store-evidence.h"
#include "cirt-test-util.h"

/* The schema before the evidence vault: what the migration test starts
 * from (one edit when the migration is renumbered). */
#define SCHEMA_BEFORE_EVIDENCE (CIRT_STORE_SCHEMA_EVIDENCE - 1)

typedef struct {
  char           *path;
  CirtStore      *store;
  CirtInstrument *inst;
  char           *id;
} Fixture;

static Fixture fx;

static char *
create_assessment (CirtStore   *store,
                   const char  *title)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  info->title = g_strdup (title);
  info->country = g_strdup ("Examplia");
  g_ptr_array_add (insts, fx.inst);
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  return id;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  fx.path = cirt_test_tmp_path ("evidence.db");
  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  fx.inst = cirt_test_load_fixture ("mini.json");
  fx.id = create_assessment (fx.store, "Evidence mission");
}

static void
teardown (void)
{
  g_clear_object (&fx.store);
  g_clear_object (&fx.inst);
  g_clear_pointer (&fx.id, g_free);
  g_clear_pointer (&fx.path, g_free);
}

static char *
fixture (const char *name)
{
  g_autofree char *rel = g_build_filename ("evidence", name, NULL);
  return cirt_test_fixture (rel);
}

/* The database file and its write-ahead log, hashed together. */
static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (fx.path, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (fx.path);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, " ", b, NULL);
}

static guint
n_blobs (void)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ck_assert (cirt_store_count_evidence_blobs (fx.store, &n, NULL, &error));
  return n;
}

static char *
attach (const char  *path,
        const char  *question,
        const char  *date,
        gboolean     shareable)
{
  CirtEvidenceOptions o = { .date = date, .author = "Tester", .shareable = shareable };
  g_autoptr(GError) error = NULL;
  char *uuid = cirt_store_add_evidence_file (fx.store, fx.id, question, path, &o, NULL, &error);

  ck_assert_msg (uuid != NULL, "%s: %s", path, error ? error->message : "");
  return uuid;
}

/* Refused with a message holding @expect, the database byte for byte as it was. */
static void
assert_refused (const char *path,
                const char *name,
                const char *expect)
{
  CirtEvidenceOptions o = { .name = name };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = db_state (), *after = NULL, *uuid = NULL;

  uuid = cirt_store_add_evidence_file (fx.store, fx.id, "T-LAW-1", path, &o, NULL, &error);
  ck_assert_msg (uuid == NULL, "%s was attached", path);
  ck_assert_msg (strstr (error->message, expect) != NULL, "\"%s\" does not say \"%s\"", error->message, expect);
  after = db_state ();
  ck_assert_str_eq (before, after);
}

START_TEST (test_sniff_every_kind)
{
  static const struct { const char *file; const char *mime; } cases[] = {
    { "decree.pdf", "application/pdf" },
    { "decree.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { "stats.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { "slides.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    { "decree.odt", "application/vnd.oasis.opendocument.text" },
    { "stats.ods", "application/vnd.oasis.opendocument.spreadsheet" },
    { "decree.doc", "application/msword" },
    { "stats.xls", "application/vnd.ms-excel" },
    { "scan.png", "image/png" },
    { "scan.jpg", "image/jpeg" },
    { "scan.tif", "image/tiff" },
    { "scan.gif", "image/gif" },
    { "scan.webp", "image/webp" },
    { "decree.txt", "text/plain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autofree char *data = NULL;
      gsize len = 0;

      ck_assert_msg (g_file_get_contents (path, &data, &len, NULL), "%s", path);
      ck_assert_msg (g_strcmp0 (cirt_evidence_sniff ((const guint8 *) data, len), cases[i].mime) == 0,
                     "%s sniffed as %s", cases[i].file, cirt_evidence_sniff ((const guint8 *) data, len));
      ck_assert (cirt_evidence_mime_is_known (cases[i].mime));
    }

  /* A zip of no office kind, binary bytes, text with a NUL or a control
   * character, text that is not UTF-8: none of the accepted kinds. */
  {
    g_autofree char *path = fixture ("other.zip");
    g_autofree char *data = NULL;
    gsize len = 0;
    ck_assert (g_file_get_contents (path, &data, &len, NULL));
    ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) data, len));
  }
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "\x7f" "ELF\x02\x01\x01", 7));
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "text\0more", 9));
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "text\x1b[31m", 9));
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "caf\xe9", 4));
  ck_assert_str_eq (cirt_evidence_sniff ((const guint8 *) "\xef\xbb\xbf" "Décret\r\n", 11), "text/plain");
  /* A truncated OLE header and a truncated zip are not trusted. */
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8));
  ck_assert_ptr_null (cirt_evidence_sniff ((const guint8 *) "PK\x03\x04garbage", 11));
}
END_TEST

/* A name that lies: a PDF called .png is stored as a PDF; a zip called
 * .docx is refused. */
START_TEST (test_lying_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = fixture ("decree.pdf"), *zip = fixture ("other.zip");
  g_autofree char *uuid = NULL;
  g_autoptr(CirtEvidence) e = NULL;
  CirtEvidenceOptions o = { .name = "photo-of-whiteboard.png" };

  uuid = cirt_store_add_evidence_file (fx.store, fx.id, "T-LAW-1", pdf, &o, NULL, &error);
  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  e = cirt_store_get_evidence (fx.store, uuid, &error);
  ck_assert_str_eq (e->name, "photo-of-whiteboard.png");
  ck_assert_str_eq (e->mime, "application/pdf");

  assert_refused (zip, "decree.docx", "none of the kinds of document");
}
END_TEST

/* The same file attached twice (to two answers) is one blob; its hash is
 * the file's SHA-256; its bytes come back as they were. */
START_TEST (test_dedup_and_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = fixture ("decree.pdf"), *png = fixture ("scan.png");
  g_autofree char *a = attach (pdf, "T-LAW-1", "2024-03-01", TRUE);
  g_autofree char *b = attach (pdf, "T-LAW-2", NULL, FALSE);
  g_autofree char *c = attach (png, "T-LAW-1", NULL, FALSE);
  g_autofree char *want = cirt_test_file_sha256 (pdf);
  g_autofree char *out = cirt_test_tmp_path ("extracted.pdf"), *got = NULL;
  g_autoptr(GPtrArray) all = cirt_store_list_evidence (fx.store, fx.id, NULL, &error);
  g_autoptr(GPtrArray) law1 = cirt_store_list_evidence (fx.store, fx.id, "T-LAW-1", &error);
  g_autoptr(CirtEvidence) e = cirt_store_get_evidence (fx.store, a, &error);
  g_autoptr(GHashTable) evidenced = cirt_store_evidenced_questions (fx.store, fx.id, &error);
  gint64 bytes = 0;
  guint n = 0;
  struct stat st;

  ck_assert_uint_eq (all->len, 3);
  ck_assert_uint_eq (law1->len, 2);
  ck_assert (cirt_store_count_evidence_blobs (fx.store, &n, &bytes, &error));
  ck_assert_uint_eq (n, 2);
  ck_assert_int_eq (stat (pdf, &st), 0);
  ck_assert_int_eq (e->size, st.st_size);
  ck_assert_str_eq (e->sha256, want);
  ck_assert_str_eq (e->name, "decree.pdf");
  ck_assert_str_eq (e->date, "2024-03-01");
  ck_assert_str_eq (e->author, "Tester");
  ck_assert (e->shareable);
  ck_assert_ptr_nonnull (e->created_at);
  ck_assert_uint_eq (g_hash_table_size (evidenced), 2);
  ck_assert (g_hash_table_contains (evidenced, "T-LAW-2"));

  ck_assert_msg (cirt_store_extract_evidence (fx.store, b, out, &error), "%s", error ? error->message : "");
  got = cirt_test_file_sha256 (out);
  ck_assert_str_eq (got, want);
  ck_assert_int_eq (stat (out, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  /* A prefix finds the item; a URL cannot be extracted. */
  {
    g_autofree char *prefix = g_strndup (c, 8);
    g_autofree char *full = cirt_store_resolve_evidence (fx.store, NULL, prefix, &error);
    ck_assert_str_eq (full, c);
  }
}
END_TEST

/* Stored bytes that no longer match their hash are refused on reading. */
START_TEST (test_hash_checked)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *txt = fixture ("decree.txt");
  g_autofree char *uuid = attach (txt, "T-LAW-1", NULL, FALSE);
  g_autofree char *out = cirt_test_tmp_path ("tampered.txt");
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "UPDATE evidence_blob SET data = CAST ('Decree 2025-99' AS BLOB)", NULL, NULL,
                                  NULL), SQLITE_OK);
  sqlite3_close (db);
  ck_assert (!cirt_store_extract_evidence (fx.store, uuid, out, &error));
  ck_assert (g_error_matches (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_HASH));
  ck_assert_ptr_nonnull (strstr (error->message, "do not match"));
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
}
END_TEST

/* The limit: a file of exactly 32 MiB (a scanned decree) fits; one byte
 * more is refused naming the limit. */
START_TEST (test_size_limit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = cirt_test_tmp_path ("scanned-decree.pdf");
  g_autofree char *over = cirt_test_tmp_path ("too-big.pdf");
  g_autofree char *uuid = NULL;
  int fd;

  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "%PDF-1.7\n", 9), 9);
  ck_assert_int_eq (ftruncate (fd, CIRT_EVIDENCE_MAX_SIZE), 0);
  close (fd);
  uuid = attach (big, "T-LAW-1", NULL, FALSE);
  {
    g_autoptr(CirtEvidence) e = cirt_store_get_evidence (fx.store, uuid, &error);
    ck_assert_int_eq (e->size, CIRT_EVIDENCE_MAX_SIZE);
  }

  fd = g_open (over, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "%PDF-1.7\n", 9), 9);
  ck_assert_int_eq (ftruncate (fd, CIRT_EVIDENCE_MAX_SIZE + 1), 0);
  close (fd);
  {
    g_autofree char *limit = cirt_evidence_format_size (CIRT_EVIDENCE_MAX_SIZE);
    g_autofree char *expect = g_strconcat ("at most ", limit, NULL);
    assert_refused (over, NULL, expect);
    assert_refused (over, NULL, "33554433 bytes");  /* LC_ALL=C.UTF-8: no grouping */
  }

  /* Bytes in memory are held to the same limit. */
  {
    g_autoptr(GBytes) data = g_bytes_new_take (g_malloc0 (CIRT_EVIDENCE_MAX_SIZE + 1), CIRT_EVIDENCE_MAX_SIZE + 1);
    CirtEvidenceOptions o = { .name = "big.pdf" };
    ck_assert_ptr_null (cirt_store_add_evidence_bytes (fx.store, fx.id, "T-LAW-1", data, &o, NULL, &error));
    ck_assert (g_error_matches (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_TOO_LARGE));
  }
}
END_TEST

/* Every kind of bad file refused with a clear message and nothing written. */
START_TEST (test_bad_files_refused)
{
  g_autofree char *pdf = fixture ("decree.pdf");
  g_autofree char *empty = cirt_test_write_tmp ("empty.pdf", "");
  g_autofree char *link = cirt_test_tmp_path ("link.pdf");
  g_autofree char *dir = cirt_test_tmp_path ("folder.pdf");
  g_autofree char *fifo = cirt_test_tmp_path ("pipe.pdf");
  g_autofree char *missing = cirt_test_tmp_path ("missing.pdf");
  g_autofree char *binary = cirt_test_tmp_path ("program.pdf");

  ck_assert_int_eq (symlink (pdf, link), 0);
  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  ck_assert (g_file_set_contents (binary, "\x7f" "ELF\x02\x01\x01\0\0\0", 10, NULL));

  assert_refused (empty, NULL, "empty");
  assert_refused (link, NULL, "symbolic link");
  assert_refused (dir, NULL, "folder");
  assert_refused (fifo, NULL, "pipe");
  assert_refused (missing, NULL, "No such file");
  assert_refused (binary, NULL, "none of the kinds of document");
  if (getuid () != 0)
    {
      g_autofree char *locked = cirt_test_write_tmp ("locked.txt", "secret");
      ck_assert_int_eq (g_chmod (locked, 0), 0);
      assert_refused (locked, NULL, "Permission denied");
    }
  /* A name of nothing but control characters. */
  assert_refused (pdf, "\x01\x02\xe2\x80\xae", "no name");
  /* A date that is not one, a question that is not the assessment's. */
  {
    CirtEvidenceOptions o = { .date = "yesterday" };
    g_autoptr(GError) error = NULL;
    g_autofree char *before = db_state (), *after = NULL;
    ck_assert_ptr_null (cirt_store_add_evidence_file (fx.store, fx.id, "T-LAW-1", pdf, &o, NULL, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "YYYY-MM-DD"));
    g_clear_error (&error);
    ck_assert_ptr_null (cirt_store_add_evidence_file (fx.store, fx.id, "NO-SUCH", pdf, NULL, NULL, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "no question"));
    after = db_state ();
    ck_assert_str_eq (before, after);
  }
  ck_assert_uint_eq (n_blobs (), 0);
}
END_TEST

/* Control characters and bidirectional overrides are taken out of a name
 * (so "report<RLO>fdp.exe" cannot pose as "reportexe.pdf"). */
START_TEST (test_names_cleaned)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = fixture ("decree.pdf");
  CirtEvidenceOptions o = { .name = "report\xe2\x80\xae" "fdp.exe\tfinal\x7f.pdf" };
  gboolean cleaned = FALSE;
  g_autofree char *uuid = cirt_store_add_evidence_file (fx.store, fx.id, "T-LAW-1", pdf, &o, &cleaned, &error);
  g_autoptr(CirtEvidence) e = cirt_store_get_evidence (fx.store, uuid, &error);
  g_autofree char *arabic = cirt_evidence_clean_name ("مرسوم ٢٠٢٤.pdf", &cleaned, &error);
  g_autofree char *path_part = cirt_evidence_clean_name ("../../etc/decree.pdf", &cleaned, &error);

  ck_assert (e != NULL);
  ck_assert_str_eq (e->name, "reportfdp.exefinal.pdf");
  ck_assert_str_eq (arabic, "مرسوم ٢٠٢٤.pdf");
  ck_assert (!cleaned || strcmp (path_part, "decree.pdf") == 0);
  ck_assert_str_eq (path_part, "decree.pdf");
  ck_assert_ptr_null (cirt_evidence_clean_name ("caf\xe9.pdf", NULL, &error));
  g_clear_error (&error);
  ck_assert_ptr_null (cirt_evidence_clean_name ("..", NULL, &error));
}
END_TEST

START_TEST (test_urls)
{
  g_autoptr(GError) error = NULL;
  static const char * const bad[] = {
    "ftp://example.org/decree.pdf", "javascript:alert(1)", "file:///etc/passwd", "https://user:pw@example.org/",
    "https://example.org/a b", "https:///nohost", "not a url", "",
  };
  CirtEvidenceOptions seen = { .date = "2026-11-30" };
  g_autofree char *a = cirt_store_add_evidence_url (fx.store, fx.id, "T-LAW-2", "https://gazette.example.gov/2024/17",
                                                    &seen, &error);
  g_autofree char *b = cirt_store_add_evidence_url (fx.store, fx.id, "T-LAW-2", "http://cert.example/", NULL, &error);
  g_autofree char *before = db_state (), *after = NULL;
  g_autoptr(CirtEvidence) ea = cirt_store_get_evidence (fx.store, a, &error);
  g_autoptr(CirtEvidence) eb = cirt_store_get_evidence (fx.store, b, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  ck_assert_int_eq (ea->kind, CIRT_EVIDENCE_URL);
  ck_assert_str_eq (ea->url, "https://gazette.example.gov/2024/17");
  ck_assert_str_eq (ea->date, "2026-11-30");
  ck_assert_str_eq (eb->date, today);
  ck_assert_ptr_null (ea->sha256);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *uuid = cirt_store_add_evidence_url (fx.store, fx.id, "T-LAW-2", bad[i], NULL, &error);
      ck_assert_msg (uuid == NULL, "%s accepted", bad[i]);
      ck_assert (g_error_matches (error, CIRT_EVIDENCE_ERROR, CIRT_EVIDENCE_ERROR_URL));
      g_clear_error (&error);
    }
  after = db_state ();
  ck_assert_str_eq (before, after);
  ck_assert (!cirt_store_extract_evidence (fx.store, a, "/nonexistent/x", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "web address"));
}
END_TEST

/* A removal is kept in the history (with the blob), can be undone, and a
 * blob goes only with the last assessment that names it. */
START_TEST (test_removal_history_and_blob_lifetime)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = fixture ("decree.pdf");
  g_autofree char *uuid = attach (pdf, "T-LAW-1", NULL, FALSE);
  g_autoptr(CirtEvidence) e = cirt_store_get_evidence (fx.store, uuid, &error);
  g_autofree char *other = create_assessment (fx.store, "Second mission");

  ck_assert (cirt_store_set_evidence_shareable (fx.store, uuid, TRUE, "Lead", &error));
  ck_assert (cirt_store_remove_evidence (fx.store, uuid, "Lead", &error));
  {
    g_autoptr(GPtrArray) list = cirt_store_list_evidence (fx.store, fx.id, NULL, &error);
    g_autoptr(GPtrArray) history = cirt_store_get_evidence_history (fx.store, fx.id, uuid, &error);
    g_autoptr(GPtrArray) removals = cirt_store_list_evidence_removals (fx.store, fx.id, &error);
    CirtEvidenceChange *last;

    ck_assert_uint_eq (list->len, 0);
    ck_assert_uint_eq (history->len, 3);
    last = g_ptr_array_index (history, 2);
    ck_assert_ptr_null (last->new_evidence);
    ck_assert_str_eq (last->old_evidence->sha256, e->sha256);
    ck_assert (last->old_evidence->shareable);
    ck_assert_str_eq (last->author, "Lead");
    ck_assert_ptr_null (((CirtEvidenceChange *) g_ptr_array_index (history, 0))->old_evidence);
    ck_assert_uint_eq (removals->len, 1);
  }
  /* The bytes stay for the history: the removal can be undone. */
  ck_assert_uint_eq (n_blobs (), 1);
  ck_assert (cirt_store_restore_evidence (fx.store, fx.id, e, "Lead", &error));
  {
    g_autoptr(GPtrArray) list = cirt_store_list_evidence (fx.store, fx.id, NULL, &error);
    g_autoptr(GPtrArray) removals = cirt_store_list_evidence_removals (fx.store, fx.id, &error);
    ck_assert_uint_eq (list->len, 1);
    ck_assert_uint_eq (removals->len, 0);
  }
  ck_assert (!cirt_store_restore_evidence (fx.store, fx.id, e, "Lead", &error));
  g_clear_error (&error);
  ck_assert (!cirt_store_remove_evidence (fx.store, "00000000-0000-4000-8000-000000000000", NULL, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);

  /* The same file in a second assessment: one blob for both; deleting the
   * first keeps it, deleting the second frees it. */
  fx.id = (g_free (fx.id), g_strdup (other));
  g_free (attach (pdf, "T-LAW-2", NULL, FALSE));
  ck_assert_uint_eq (n_blobs (), 1);
  ck_assert (cirt_store_delete_assessment (fx.store, other, &error));
  ck_assert_uint_eq (n_blobs (), 1);
  {
    g_autoptr(GPtrArray) all = cirt_store_list_assessments (fx.store, &error);
    for (guint i = 0; i < all->len; i++)
      ck_assert (cirt_store_delete_assessment (fx.store, ((CirtAssessmentInfo *) g_ptr_array_index (all, i))->id,
                                               &error));
  }
  ck_assert_uint_eq (n_blobs (), 0);
}
END_TEST

START_TEST (test_evidenced_only_setting)
{
  g_autoptr(GError) error = NULL;
  gboolean on = TRUE;

  ck_assert (cirt_store_get_evidenced_only (fx.store, fx.id, &on, &error));
  ck_assert (!on);
  ck_assert (cirt_store_set_evidenced_only (fx.store, fx.id, TRUE, &error));
  ck_assert (cirt_store_get_evidenced_only (fx.store, fx.id, &on, &error));
  ck_assert (on);
  ck_assert (!cirt_store_set_evidenced_only (fx.store, "00000000-0000-4000-8000-000000000000", TRUE, &error));
}
END_TEST

/* The JSON form is read back strictly. */
START_TEST (test_json_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = fixture ("decree.pdf");
  g_autofree char *uuid = attach (pdf, "T-LAW-1", "2024-01-31", TRUE);
  g_autoptr(CirtEvidence) e = cirt_store_get_evidence (fx.store, uuid, &error);
  g_autofree char *json = cirt_evidence_to_json (e);
  g_autoptr(CirtEvidence) back = cirt_evidence_from_json (json);
  g_autoptr(JsonNode) bad = json_from_string ("{\"id\":\"00000000-0000-4000-8000-000000000000\",\"question\":\"Q\","
                                              "\"kind\":\"file\",\"name\":\"a.pdf\",\"mime\":\"application/x-evil\","
                                              "\"size\":3,\"sha256\":\"" "0123456789abcdef0123456789abcdef"
                                              "0123456789abcdef0123456789abcdef" "\",\"created_at\":\"x\","
                                              "\"modified_at\":\"x\"}", NULL);

  ck_assert (back != NULL);
  ck_assert (cirt_evidence_same_content (e, back));
  ck_assert_str_eq (back->created_at, e->created_at);
  ck_assert_ptr_null (cirt_evidence_from_json_object (json_node_get_object (bad), "evidence[0]", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "evidence[0].mime"));
}
END_TEST

/* A database of the schema before the vault: upgraded with a byte-for-byte
 * copy kept, its answers kept, evidence then works. */
START_TEST (test_migrate_to_evidence)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bak = g_strconcat (fx.path, ".bak", NULL);
  g_autofree char *before = NULL, *bak_sha = NULL, *pdf = fixture ("decree.pdf"), *sql = NULL;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-1");
  sqlite3 *db = NULL;
  int version = -1;

  a->value = g_strdup ("3");
  a->notes = g_strdup ("kept across the upgrade");
  ck_assert (cirt_store_save_answer (fx.store, fx.id, a, &error));
  g_clear_object (&fx.store);

  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; DROP TRIGGER evidence_blob_release;"
                         " DROP TRIGGER evidence_blob_release_history; DROP TABLE evidence_history;"
                         " DROP TABLE evidence; DROP TABLE evidence_blob;"
                         " ALTER TABLE assessment DROP COLUMN evidenced_only;"
                         /* and what came after the vault: the interviews (schema 11) */
                         " " CIRT_TEST_SQL_BEFORE_INTERVIEWS
                         " PRAGMA user_version = %d; VACUUM;", SCHEMA_BEFORE_EVIDENCE);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  g_unlink (bak);
  before = cirt_test_file_sha256 (fx.path);

  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);
  {
    g_autoptr(CirtAnswer) got = cirt_store_get_answer (fx.store, fx.id, "T-LAW-1", &error);
    gboolean on = TRUE;
    ck_assert_str_eq (got->notes, "kept across the upgrade");
    ck_assert (cirt_store_get_evidenced_only (fx.store, fx.id, &on, &error));
    ck_assert (!on);
  }
  g_free (attach (pdf, "T-LAW-1", NULL, FALSE));
  ck_assert_uint_eq (n_blobs (), 1);
  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  ck_assert_int_eq (version, CIRT_STORE_SCHEMA_VERSION);
}
END_TEST


/* Count only evidenced answers, by hand (tests/fixtures/mini.json): the
 * section "law" has T-LAW-1 (a level 0–4, weight 2) and T-LAW-2 (yes/no,
 * weight 1). Answered 3 (0.75) and yes (1): (2·0.75 + 1·1) / 3 = 83.33…,
 * coverage 1. With only T-LAW-2 evidenced: T-LAW-1 is unanswered, the
 * section is 1·1 / 1 = 100 with coverage 1/3; with only T-LAW-1
 * evidenced: 75, coverage 2/3. T-OPS-2, not applicable, stays so. */
static const CirtSectionScore *
section_of (const char *id,
            gboolean   *evidenced_only)
{
  g_autoptr(GError) error = NULL;
  static CirtSectionScore copy;
  g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (fx.store, fx.id, CIRT_LOAD_DOCUMENT, &error);
  CirtScore *score;

  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  score = data->score;
  *evidenced_only = cirt_score_get_evidenced_only (score);
  for (guint i = 0; i < cirt_score_get_n_sections (score); i++)
    {
      const CirtSectionScore *s = cirt_score_get_section (score, i);
      if (strcmp (s->section->id, id) == 0)
        {
          copy = *s;
          return &copy;
        }
    }
  ck_abort_msg ("no section %s", id);
  return NULL;
}

static void
answer (const char *question,
        const char *value,
        gboolean    na)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->not_applicable = na;
  if (na)
    a->notes = g_strdup ("Not relevant here");
  ck_assert_msg (cirt_store_save_answer (fx.store, fx.id, a, &error), "%s", error ? error->message : "");
}

START_TEST (test_score_evidenced_only)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *txt = fixture ("decree.txt");
  g_autofree char *on_law2 = NULL, *on_law1 = NULL;
  const CirtSectionScore *law;
  gboolean flag = TRUE;

  answer ("T-LAW-1", "3", FALSE);
  answer ("T-LAW-2", "yes", FALSE);
  answer ("T-OPS-2", NULL, TRUE);

  /* Off (the default): every answer counts. */
  law = section_of ("law", &flag);
  ck_assert (!flag);
  ck_assert_double_eq_tol (law->value.score, 250.0 / 3.0, 1e-9);
  ck_assert_double_eq_tol (law->value.coverage, 1.0, 1e-12);
  ck_assert_uint_eq (law->answered, 2);

  /* On, with no evidence at all: nothing in the section counts. */
  ck_assert (cirt_store_set_evidenced_only (fx.store, fx.id, TRUE, &error));
  law = section_of ("law", &flag);
  ck_assert (flag);
  ck_assert (!law->value.defined);
  ck_assert_uint_eq (law->answered, 0);
  ck_assert_uint_eq (section_of ("ops", &flag)->answered, 1);

  on_law2 = cirt_store_add_evidence_url (fx.store, fx.id, "T-LAW-2", "https://gazette.example/cybercrime-law",
                                         NULL, &error);
  ck_assert_ptr_nonnull (on_law2);
  law = section_of ("law", &flag);
  ck_assert_double_eq_tol (law->value.score, 100.0, 1e-9);
  ck_assert_double_eq_tol (law->value.coverage, 1.0 / 3.0, 1e-12);
  ck_assert_uint_eq (law->answered, 1);

  ck_assert (cirt_store_remove_evidence (fx.store, on_law2, NULL, &error));
  on_law1 = attach (txt, "T-LAW-1", NULL, FALSE);
  law = section_of ("law", &flag);
  ck_assert_double_eq_tol (law->value.score, 75.0, 1e-9);
  ck_assert_double_eq_tol (law->value.coverage, 2.0 / 3.0, 1e-12);
  ck_assert (law->value.provisional);

  /* Off again: back to 83.33. */
  ck_assert (cirt_store_set_evidenced_only (fx.store, fx.id, FALSE, &error));
  law = section_of ("law", &flag);
  ck_assert (!flag);
  ck_assert_double_eq_tol (law->value.score, 250.0 / 3.0, 1e-9);
}
END_TEST

static Suite *
evidence_suite (void)
{
  Suite *s = suite_create ("evidence");
  TCase *tc = tcase_create ("vault");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sniff_every_kind);
  tcase_add_test (tc, test_lying_name);
  tcase_add_test (tc, test_dedup_and_round_trip);
  tcase_add_test (tc, test_hash_checked);
  tcase_add_test (tc, test_size_limit);
  tcase_add_test (tc, test_bad_files_refused);
  tcase_add_test (tc, test_names_cleaned);
  tcase_add_test (tc, test_urls);
  tcase_add_test (tc, test_removal_history_and_blob_lifetime);
  tcase_add_test (tc, test_evidenced_only_setting);
  tcase_add_test (tc, test_score_evidenced_only);
  tcase_add_test (tc, test_json_round_trip);
  tcase_add_test (tc, test_migrate_to_evidence);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (evidence_suite ());
}
