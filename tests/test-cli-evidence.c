/* test-cli-evidence.c — `cirt-assess-cli evidence`, run as a program:
 * attaching files and URLs, the list, show --json, sharing, removal,
 * extraction, refusals with the database unchanged, usage errors, and the
 * evidence pack read back (its index, its names, every file's hash)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "cirt-test-util.h"

static char *db;
static char *id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc;

  db = cirt_test_tmp_path ("cli-evidence.db");
  rc = CLI (&out, &err, "new", "--title", "Evidence <mission> & \"co\"", "--country", "Examplia", "--instrument",
            "test-mini");
  ck_assert_msg (rc == 0, "new failed: %s", err);
  id = g_strdup (g_strstrip (out));
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

static char *
fixture (const char *name)
{
  g_autofree char *rel = g_build_filename ("evidence", name, NULL);
  return cirt_test_fixture (rel);
}

static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (db);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, " ", b, NULL);
}

static char *
add (const char *question,
     const char *file,
     const char *extra)
{
  g_autofree char *out = NULL, *err = NULL, *path = fixture (file);
  int rc = extra ? CLI (&out, &err, "evidence", "add", id, question, path, extra)
                 : CLI (&out, &err, "evidence", "add", id, question, path);

  ck_assert_msg (rc == 0, "add %s: %s", file, err);
  return g_strdup (g_strstrip (out));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "bad JSON: %s", text);
  return json_node_copy (json_parser_get_root (parser));
}

START_TEST (test_add_list_show)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pdf = add ("T-LAW-1", "decree.pdf", "--shareable");
  g_autofree char *again = add ("T-LAW-2", "decree.pdf", NULL);
  g_autofree char *want = NULL, *path = fixture ("decree.pdf");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  int rc;

  rc = CLI (&out, &err, "evidence", "add-url", id, "T-LAW-2", "https://gazette.example/2024/17", "--seen",
            "2026-11-02", "--by", "R. Reviewer");
  ck_assert_msg (rc == 0, "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  rc = CLI (&out, &err, "evidence", "list", id);
  ck_assert_int_eq (rc, 0);
  ck_assert_ptr_nonnull (strstr (out, "decree.pdf"));
  ck_assert_ptr_nonnull (strstr (out, "https://gazette.example/2024/17"));
  ck_assert_ptr_nonnull (strstr (out, "2026-11-02"));
  g_clear_pointer (&out, g_free);

  rc = CLI (&out, &err, "show", id, "--json");
  ck_assert_int_eq (rc, 0);
  root = parse_json (out);
  items = json_object_get_array_member (json_node_get_object (root), "evidence");
  ck_assert_uint_eq (json_array_get_length (items), 3);
  want = cirt_test_file_sha256 (path);
  {
    JsonObject *first = json_array_get_object_element (items, 0);
    ck_assert_str_eq (json_object_get_string_member (first, "id"), pdf);
    ck_assert_str_eq (json_object_get_string_member (first, "sha256"), want);
    ck_assert_str_eq (json_object_get_string_member (first, "mime"), "application/pdf");
    ck_assert (json_object_get_boolean_member (first, "shareable"));
    /* Metadata only: no bytes in show. */
    ck_assert (!json_object_has_member (first, "data"));
  }
  ck_assert (!json_object_get_boolean_member (json_node_get_object (root), "evidenced_only"));

  /* list --json, of one question. */
  g_clear_pointer (&out, g_free);
  rc = CLI (&out, &err, "evidence", "list", id, "--question", "T-LAW-2", "--json");
  ck_assert_int_eq (rc, 0);
  {
    g_autoptr(JsonNode) list = parse_json (out);
    ck_assert_uint_eq (json_array_get_length (json_node_get_array (list)), 2);
  }
  (void) again;
}
END_TEST

START_TEST (test_share_remove_extract)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *uuid = add ("T-LAW-1", "scan.jpg", NULL);
  g_autofree char *prefix = g_strndup (uuid, 8);
  g_autofree char *target = cirt_test_tmp_path ("out.jpg"), *path = fixture ("scan.jpg");
  g_autofree char *want = cirt_test_file_sha256 (path), *got = NULL;

  ck_assert_int_eq (CLI (&out, &err, "evidence", "share", prefix, "on"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "extract", prefix, target), 0);
  got = cirt_test_file_sha256 (target);
  ck_assert_str_eq (got, want);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "remove", uuid, "--by", "Lead"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "list", id), 0);
  ck_assert_ptr_nonnull (strstr (out, "No evidence"));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "remove", uuid), 1);
  ck_assert_ptr_nonnull (strstr (err, "no item of evidence"));
}
END_TEST

/* Refusals exit 1 with the reason and the database unchanged; usage
 * errors exit 2. */
START_TEST (test_refusals)
{
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *zip = fixture ("other.zip"), *pdf = fixture ("decree.pdf");
  g_autofree char *empty = cirt_test_write_tmp ("empty.txt", "");
  g_autofree char *link = cirt_test_tmp_path ("link.pdf");
  static const struct { const char *what; const char *expect; } urls[] = {
    { "ftp://example.org/x", "only web addresses" }, { "https://u:p@example.org/", "password" },
  };

  g_free (add ("T-LAW-1", "decree.txt", NULL));
  ck_assert_int_eq (symlink (pdf, link), 0);
  before = db_state ();
  {
    const char *files[] = { zip, empty, link, "/nonexistent/file.pdf", g_get_tmp_dir () };
    const char *expect[] = { "none of the kinds", "empty", "symbolic link", "No such file", "folder" };
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *out = NULL, *err = NULL;
        ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1", files[i]), 1);
        ck_assert_msg (strstr (err, expect[i]) != NULL, "%s: %s", files[i], err);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      ck_assert_int_eq (CLI (&out, &err, "evidence", "add-url", id, "T-LAW-1", urls[i].what), 1);
      ck_assert_msg (strstr (err, urls[i].expect) != NULL, "%s: %s", urls[i].what, err);
    }
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "NOPE", pdf), 1);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1", pdf, "--date", "31/12/2024"), 1);
    ck_assert_ptr_nonnull (strstr (err, "YYYY-MM-DD"));
    g_clear_pointer (&err, g_free);
    /* Nothing shareable: no pack, no file. */
    {
      g_autofree char *zip_out = cirt_test_tmp_path ("none.zip");
      ck_assert_int_eq (CLI (&out, &err, "evidence", "pack", id, zip_out), 1);
      ck_assert_ptr_nonnull (strstr (err, "shareable"));
      ck_assert (!g_file_test (zip_out, G_FILE_TEST_EXISTS));
    }
  }
  after = db_state ();
  ck_assert_str_eq (before, after);

  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_int_eq (CLI (&out, &err, "evidence"), 2);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (CLI (&out, &err, "evidence", "frobnicate"), 2);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1"), 2);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (CLI (&out, &err, "evidence", "list", id, "--seen", "2024-01-01"), 2);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (CLI (&out, &err, "evidence", "evidenced-only", id, "maybe"), 2);
  }
}
END_TEST

static GBytes *
zip_entry (zip_t      *zip,
           const char *name)
{
  zip_stat_t st;
  zip_file_t *f;
  guint8 *buf;

  if (zip_stat (zip, name, 0, &st) != 0)
    return NULL;
  f = zip_fopen (zip, name, 0);
  ck_assert_ptr_nonnull (f);
  buf = g_malloc (st.size + 1);
  ck_assert_int_eq (zip_fread (f, buf, st.size), (zip_int64_t) st.size);
  zip_fclose (f);
  buf[st.size] = 0;
  return g_bytes_new_take (buf, st.size);
}

/* The pack read back: only shareable files, safe unique names, the index
 * naming each with its hash, and every file's bytes matching it. */
START_TEST (test_pack_read_back)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pack = cirt_test_tmp_path ("pack.zip");
  g_autofree char *pdf = fixture ("decree.pdf"), *png = fixture ("scan.png");
  g_autofree char *pdf_sha = cirt_test_file_sha256 (pdf), *png_sha = cirt_test_file_sha256 (png);
  zip_t *zip;
  int zerr = 0;
  g_autoptr(GBytes) csv = NULL, html = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_files = 0;

  ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1", pdf, "--shareable", "--date", "2024-03-01",
                         "--name", "../../etc/Décret <2024>.pdf"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-2", png, "--shareable", "--name",
                         "=cmd|'calc'!A0.pdf"), 0);
  g_clear_pointer (&out, g_free);
  /* The same bytes again under another name: a second file in the pack. */
  ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-2", pdf, "--shareable", "--name", "decree.pdf"), 0);
  g_clear_pointer (&out, g_free);
  /* Not shareable: stays out. */
  g_free (add ("T-LAW-1", "decree.txt", NULL));
  ck_assert_int_eq (CLI (&out, &err, "evidence", "pack", id, pack, "--lang", "fr"), 0);

  zip = zip_open (pack, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  ck_assert_msg (zip != NULL, "zip_open: %d", zerr);
  csv = zip_entry (zip, "index.csv");
  html = zip_entry (zip, "index.html");
  ck_assert_ptr_nonnull (csv);
  ck_assert_ptr_nonnull (html);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      const char *name = zip_get_name (zip, (zip_uint64_t) i, 0);
      ck_assert_msg (strstr (name, "..") == NULL && name[0] != '/' && strchr (name, '\\') == NULL, "%s", name);
      if (g_str_has_prefix (name, "evidence/"))
        n_files++;
    }
  ck_assert_uint_eq (n_files, 3);
  {
    /* The original name's folders are gone, its odd characters made safe. */
    g_autoptr(GBytes) first = zip_entry (zip, "evidence/001-Décret_2024.pdf");
    ck_assert_ptr_nonnull (first);
  }

  /* index.csv: a header and one line per file; each named file's bytes
   * hash to the SHA-256 the line gives. */
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  ck_assert_ptr_nonnull (strstr (lines[0], "SHA-256"));
  ck_assert_uint_eq (g_strv_length (lines), 5);   /* header, 3 files, the empty end */
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\",\"", -1);
      g_autofree char *file = g_strdup (cells[0] + 1);
      g_autoptr(GBytes) bytes = zip_entry (zip, file);
      g_autofree char *sha = NULL;
      gsize len;
      const void *data;

      ck_assert_msg (bytes != NULL, "%s not in the pack", file);
      data = g_bytes_get_data (bytes, &len);
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
      ck_assert_str_eq (sha, cells[3]);
      ck_assert (strcmp (sha, pdf_sha) == 0 || strcmp (sha, png_sha) == 0);
      /* The formula-like name is text. */
      if (strstr (lines[i], "calc") != NULL)
        ck_assert_ptr_nonnull (strstr (lines[i], "\"'=cmd"));
    }
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (csv, NULL), "2024-03-01"));
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (csv, NULL), "Existe-t-il un mandat juridique"));
  /* index.html: user text escaped, in the language asked for. */
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (html, NULL), "&lt;mission&gt; &amp;"));
  ck_assert_ptr_null (strstr (g_bytes_get_data (html, NULL), "<mission>"));
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (html, NULL), "lang=\"fr\""));
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (html, NULL), "Existe-t-il un mandat juridique"));
  zip_close (zip);
}
END_TEST

START_TEST (test_evidenced_only_command)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;

  ck_assert_int_eq (CLI (&out, &err, "evidence", "evidenced-only", id, "on"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "show", id, "--json"), 0);
  root = parse_json (out);
  ck_assert (json_object_get_boolean_member (json_node_get_object (root), "evidenced_only"));
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "score", id, "--json"), 0);
  {
    g_autoptr(JsonNode) score = parse_json (out);
    ck_assert (json_object_get_boolean_member (json_node_get_object (score), "evidenced_only"));
  }
  /* The report's methodology says so. */
  {
    g_autofree char *pdf = cirt_test_tmp_path ("evidenced.pdf");
    g_auto(GStrv) pages = NULL;
    g_autofree char *all = NULL;
    guint n = 0;

    g_clear_pointer (&out, g_free);
    ck_assert_int_eq (CLI (&out, &err, "export", id, "--pdf", pdf), 0);
    pages = cirt_test_pdf_pages (pdf, &n);
    all = g_strjoinv ("\n", pages);
    ck_assert_ptr_nonnull (strstr (all, "Only evidenced answers count"));
  }
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "evidenced-only", id, "off"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "score", id, "--json"), 0);
  {
    g_autoptr(JsonNode) score = parse_json (out);
    ck_assert (!json_object_get_boolean_member (json_node_get_object (score), "evidenced_only"));
  }
}
END_TEST


/* The workbook's Evidence sheet (user text as strings, never formulas),
 * the PDF and DOCX appendix (names and hashes, the items not shareable
 * marked), and --redact (only the shareable ones). */
START_TEST (test_exports)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *pdf = fixture ("decree.pdf"), *sha = cirt_test_file_sha256 (pdf);
  g_autofree char *xlsx = cirt_test_tmp_path ("evidence.xlsx");
  g_autofree char *report = cirt_test_tmp_path ("evidence.pdf");
  g_autofree char *redacted = cirt_test_tmp_path ("evidence-redacted.pdf");
  g_autofree char *docx = cirt_test_tmp_path ("evidence.docx");
  g_autofree char *txt = fixture ("decree.txt"), *txt_sha = cirt_test_file_sha256 (txt);

  ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1", pdf, "--shareable", "--name",
                         "=SUM(1;2)decree.pdf"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "add", id, "T-LAW-1", txt, "--name", "internal-memo.txt"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "evidence", "add-url", id, "T-LAW-2", "https://gazette.example/17", "--seen",
                         "2026-11-02", "--shareable"), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "export", id, "--xlsx", xlsx, "--pdf", report, "--docx", docx), 0);

  /* The workbook, read back with openpyxl. */
  {
    const char *argv[] = { "/usr/bin/python3", "-c",
      "import openpyxl, sys\n"
      "ws = openpyxl.load_workbook(sys.argv[1])['Evidence']\n"
      "for row in ws.iter_rows(min_row=3):\n"
      "    print('\\t'.join('%s:%s' % (c.data_type, c.value) for c in row))\n",
      xlsx, NULL };
    g_autofree char *rows = NULL, *perr = NULL;
    g_autofree char *want = g_strdup_printf ("s:%s", sha);

    ck_assert_msg (cirt_test_run (argv, &rows, &perr) == 0, "%s", perr);
    ck_assert_msg (strstr (rows, "s:=SUM(1;2)decree.pdf") != NULL, "%s", rows);
    ck_assert_ptr_nonnull (strstr (rows, want));
    ck_assert_ptr_nonnull (strstr (rows, "s:https://gazette.example/17"));
    ck_assert_ptr_nonnull (strstr (rows, "s:internal-memo.txt"));
    ck_assert_ptr_nonnull (strstr (rows, "s:T-LAW-1"));
    ck_assert_ptr_nonnull (strstr (rows, "s:No"));
    /* No cell is a formula. */
    ck_assert_ptr_null (strstr (rows, "f:"));
  }
  /* The PDF's appendix. */
  {
    guint n = 0;
    g_auto(GStrv) pages = cirt_test_pdf_pages (report, &n);
    g_autofree char *all = g_strjoinv ("\n", pages);
    g_autofree char *flat = NULL;
    GString *s = g_string_new (all);

    /* pdftotext may break a long hash across lines. */
    g_string_replace (s, "\n", "", 0);
    flat = g_string_free (s, FALSE);
    ck_assert_ptr_nonnull (strstr (flat, sha));
    ck_assert_ptr_nonnull (strstr (flat, "internal-memo.txt"));
    ck_assert_ptr_nonnull (strstr (flat, "not shareable"));
    ck_assert_ptr_nonnull (strstr (flat, "https://gazette.example/17"));
  }
  /* Redacted: only what may go to the ministry. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (CLI (&out, &err, "export", id, "--pdf", redacted, "--redact"), 0);
  {
    guint n = 0;
    g_auto(GStrv) pages = cirt_test_pdf_pages (redacted, &n);
    g_autofree char *all = g_strjoinv ("\n", pages);
    GString *s = g_string_new (all);
    g_autofree char *flat = NULL;

    g_string_replace (s, "\n", "", 0);
    flat = g_string_free (s, FALSE);
    ck_assert_ptr_nonnull (strstr (flat, sha));
    ck_assert_ptr_null (strstr (flat, "internal-memo.txt"));
    ck_assert_ptr_null (strstr (flat, txt_sha));
  }
  /* The DOCX, read back with python-docx. */
  {
    const char *argv[] = { "/usr/bin/python3", "-c",
      "import docx, sys\n"
      "d = docx.Document(sys.argv[1])\n"
      "for t in d.tables:\n"
      "    for r in t.rows:\n"
      "        for c in r.cells:\n"
      "            print(c.text)\n",
      docx, NULL };
    g_autofree char *text = NULL, *perr = NULL;

    ck_assert_msg (cirt_test_run (argv, &text, &perr) == 0, "%s", perr);
    ck_assert_ptr_nonnull (strstr (text, sha));
    ck_assert_ptr_nonnull (strstr (text, "Attached:"));
    ck_assert_ptr_nonnull (strstr (text, "=SUM(1;2)decree.pdf"));
  }
}
END_TEST

static Suite *
cli_evidence_suite (void)
{
  Suite *s = suite_create ("cli-evidence");
  TCase *tc = tcase_create ("evidence");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_add_list_show);
  tcase_add_test (tc, test_share_remove_extract);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_pack_read_back);
  tcase_add_test (tc, test_evidenced_only_command);
  tcase_add_test (tc, test_exports);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (cli_evidence_suite ());
}
