/* test-progress.c — a follow-up's progress since its baseline in the
 * documents: the workbook's Progress sheet (read back with openpyxl), the
 * report's chapter (pdftotext) and the editable report's (python-docx), in
 * English and Arabic, redacted, and absent where there is no baseline. The
 * fixture and its hand computation are in tests/test-compare.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-test-util.h"

#define PYTHON "/usr/bin/python3"
#define TOL 1e-9

static char *db;
static char *base_id, *follow_id;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static void
setup (void)
{
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) hostile = cirt_answer_new ("C-OPS-2");

  db = cirt_test_tmp_path ("progress.db");
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  follow_id = cirt_test_make_follow_up (store, NULL, &base_id);
  /* A note that a spreadsheet or a markup parser would take for its own. */
  hostile->value = g_strdup ("part");
  hostile->notes = g_strdup ("=SUM(A1:A9) <b>two</b> posts & more are vacant");
  hostile->author = g_strdup ("Amina Diallo");
  ck_assert_msg (cirt_store_save_answer (store, follow_id, hostile, &error), "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&base_id, g_free);
  g_clear_pointer (&follow_id, g_free);
}

static void
export_ok (const char *id,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list args;
  int rc;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, (gpointer) id);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  rc = cirt_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err);
  ck_assert_msg (rc == 0, "export: exit %d: %s", rc, err);
}

static JsonNode *
readback (const char *kind,
          const char *path)
{
  g_autofree char *script = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "readback_progress.py", NULL);
  const char *argv[] = { PYTHON, script, kind, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int rc = cirt_test_run (argv, &out, &err);

  ck_assert_msg (rc == 0, "readback_progress.py: exit %d: %s", rc, err);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

/* The row of @rows whose first cell is the string @first; NULL when none. */
static JsonArray *
row_starting (JsonObject *book,
              const char *first)
{
  JsonArray *rows = json_object_get_array_member (book, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *r = json_array_get_array_element (rows, i);
      JsonNode *c = json_array_get_length (r) > 0 ? json_array_get_element (r, 0) : NULL;
      if (c && JSON_NODE_HOLDS_OBJECT (c) &&
          g_strcmp0 (json_object_get_string_member (json_node_get_object (c), "t"), "s") == 0 &&
          g_strcmp0 (json_object_get_string_member (json_node_get_object (c), "v"), first) == 0)
        return r;
    }
  return NULL;
}

static JsonObject *
at (JsonArray *row,
    guint      col)
{
  JsonNode *c = col < json_array_get_length (row) ? json_array_get_element (row, col) : NULL;
  return c && JSON_NODE_HOLDS_OBJECT (c) ? json_node_get_object (c) : NULL;
}

static double
number_at (JsonArray *row,
           guint      col)
{
  JsonObject *c = at (row, col);
  ck_assert_msg (c != NULL && g_strcmp0 (json_object_get_string_member (c, "t"), "n") == 0, "column %u is no number",
                 col + 1);
  return json_object_get_double_member (c, "v");
}

static const char *
string_at (JsonArray *row,
           guint      col)
{
  JsonObject *c = at (row, col);
  ck_assert_msg (c != NULL && g_strcmp0 (json_object_get_string_member (c, "t"), "s") == 0, "column %u is no text",
                 col + 1);
  return json_object_get_string_member (c, "v");
}

/* All the text of a package's parts (the XML of a DOCX or a workbook). */
static char *
package_text (const char *path)
{
  const char *argv[] = { PYTHON, "-c",
                         "import sys, zipfile\n"
                         "z = zipfile.ZipFile(sys.argv[1])\n"
                         "print(''.join(z.read(n).decode('utf-8', 'replace') for n in z.namelist() if n.endswith('.xml')))",
                         path, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  ck_assert_msg (cirt_test_run (argv, &out, &err) == 0, "%s", err);
  return out;
}

/* The text of the pages of the progress chapter (from its heading to the
 * next chapter's), white space made single spaces. */
static char *
chapter_text (const char *pdf,
              const char *title,
              const char *next_title)
{
  guint n_pages = 0;
  g_auto(GStrv) pages = cirt_test_pdf_pages (pdf, &n_pages);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  GString *out = g_string_new (NULL);
  gboolean inside = FALSE;
  g_autofree char *start = g_strdup_printf ("2 %s", title), *stop = g_strdup_printf ("3 %s", next_title);

  for (guint i = 2; pages[i]; i++)   /* after the cover and the contents */
    {
      g_autofree char *flat = g_regex_replace_literal (space, pages[i], -1, 0, " ", 0, NULL);
      if (!inside && strstr (flat, start) != NULL)
        inside = TRUE;
      if (inside && out->len > 0 && strstr (flat, stop) != NULL)
        break;
      if (inside)
        g_string_append (out, flat);
    }
  return g_string_free (out, FALSE);
}

/* The x of the first word @word on page @page (pdftotext -bbox); FALSE when
 * it is not there. */
static gboolean
word_x (const char *pdf,
        int         page,
        const char *word,
        double     *x)
{
  g_autofree char *p = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-f", p, "-l", p, "-bbox", pdf, "-", NULL };
  g_autofree char *out = NULL, *err = NULL, *pattern = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) m = NULL;

  ck_assert_msg (cirt_test_run (argv, &out, &err) == 0, "pdftotext: %s", err);
  pattern = g_strdup_printf ("<word xMin=\"([0-9.]+)\"[^>]*>%s</word>", word);
  re = g_regex_new (pattern, 0, 0, NULL);
  if (!g_regex_match (re, out, 0, &m))
    return FALSE;
  {
    g_autofree char *v = g_match_info_fetch (m, 1);
    *x = g_ascii_strtod (v, NULL);
  }
  return TRUE;
}

/* The first page after the contents that holds both @a and @b. */
static int
first_page_with (const char *pdf,
                 const char *a,
                 const char *b)
{
  guint n_pages = 0;
  g_auto(GStrv) pages = cirt_test_pdf_pages (pdf, &n_pages);

  for (guint i = 2; pages[i]; i++)
    if (strstr (pages[i], a) != NULL && strstr (pages[i], b) != NULL)
      return (int) i + 1;
  return -1;
}

START_TEST (test_workbook)
{
  g_autofree char *xlsx = cirt_test_tmp_path ("follow-up.xlsx"), *ar = cirt_test_tmp_path ("follow-up-ar.xlsx");
  g_autoptr(JsonNode) node = NULL, node_ar = NULL;
  JsonObject *book;
  JsonArray *r, *sheets;

  export_ok (follow_id, "--xlsx", xlsx, NULL);
  node = readback ("xlsx", xlsx);
  book = json_node_get_object (node);
  sheets = json_object_get_array_member (book, "sheets");
  ck_assert_str_eq (json_array_get_string_element (sheets, 1), "Progress");
  ck_assert (!json_object_get_boolean_member (book, "rtl"));

  /* The hand-computed pillars, at full precision: change, level and score
   * then, level and score now, coverage then and now. */
  r = row_starting (book, "Legal");
  ck_assert (r != NULL);
  ck_assert (fabs (number_at (r, 3) - (250.0 / 3 - 20)) < TOL);
  ck_assert_str_eq (string_at (r, 4), "Level 2 – Formative");
  ck_assert (fabs (number_at (r, 5) - 20) < TOL);
  ck_assert_str_eq (string_at (r, 6), "Level 5 – Dynamic");
  ck_assert (fabs (number_at (r, 7) - 250.0 / 3) < TOL);
  r = row_starting (book, "Technical and Procedural");
  ck_assert (fabs (number_at (r, 3) + 12.5) < TOL);
  ck_assert (fabs (number_at (r, 8) - 0.5) < TOL && fabs (number_at (r, 9) - 0.8) < TOL);
  r = row_starting (book, "Overall index");
  ck_assert (fabs (number_at (r, 5) - 47.5) < TOL);
  /* Sections by instrument, then pillar. */
  r = row_starting (book, "test-compare");
  ck_assert_str_eq (string_at (r, 1), "Legal basis");
  ck_assert (fabs (number_at (r, 3) - (250.0 / 3 - 20)) < TOL);
  /* The counts. */
  ck_assert (fabs (number_at (row_starting (book, "Improved"), 3) - 2) < TOL);
  ck_assert (fabs (number_at (row_starting (book, "Question removed"), 3) - 1) < TOL);

  /* The changed questions, with both answers; user text stays text. */
  r = row_starting (book, "C-OPS-2");
  ck_assert (r != NULL);
  ck_assert_str_eq (string_at (r, 3), "Regressed");
  ck_assert_str_eq (string_at (r, 4), "Full-time staff");
  ck_assert_str_eq (string_at (r, 6), "Part-time staff");
  ck_assert (fabs (number_at (r, 8) + 50) < TOL);
  ck_assert_str_eq (string_at (r, 9), "=SUM(A1:A9) <b>two</b> posts & more are vacant");
  r = row_starting (book, "C-LAW-3");
  ck_assert_str_eq (string_at (r, 3), "Question removed");
  ck_assert_str_eq (string_at (r, 6), "—");
  ck_assert (row_starting (book, "C-OPS-1") == NULL);   /* unchanged: not listed */
  ck_assert (json_object_get_string_member (book, "autofilter") != NULL);

  /* The recommendation met: found by its question id in the first column
   * of the met table (the changed list has it too, later). */
  r = row_starting (book, "C-LAW-2");
  ck_assert_str_eq (string_at (r, 1), "Adopt a cybercrime law.");
  ck_assert (fabs (number_at (r, 3) - 2) < TOL);

  /* The chart of cirt-chart, as a picture with its values in words. */
  ck_assert_int_eq (json_object_get_int_member (book, "images"), 1);
  ck_assert_msg (strstr (json_array_get_string_element (json_object_get_array_member (book, "image_descr"), 0),
                         "Legal: 20.0 → 83.3 (+63.3)") != NULL,
                 "%s", json_array_get_string_element (json_object_get_array_member (book, "image_descr"), 0));

  /* Arabic: the sheet runs right to left like the others. */
  export_ok (follow_id, "--xlsx", ar, "--lang", "ar", NULL);
  node_ar = readback ("xlsx", ar);
  ck_assert (json_object_get_boolean_member (json_node_get_object (node_ar), "rtl"));
  ck_assert_int_eq (json_object_get_int_member (json_node_get_object (node_ar), "images"), 1);
}
END_TEST

START_TEST (test_no_baseline)
{
  g_autofree char *xlsx = cirt_test_tmp_path ("base.xlsx"), *pdf = cirt_test_tmp_path ("base.pdf");
  g_autofree char *pdf2 = cirt_test_tmp_path ("orphan.pdf"), *xlsx2 = cirt_test_tmp_path ("orphan.xlsx");
  g_autoptr(JsonNode) node = NULL, node2 = NULL;
  g_auto(GStrv) pages = NULL, pages2 = NULL;
  guint n_pages = 0;

  /* The baseline itself follows nothing up: no Progress anywhere. */
  export_ok (base_id, "--xlsx", xlsx, "--pdf", pdf, NULL);
  node = readback ("xlsx", xlsx);
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (json_node_get_object (node), "sheets"), 1),
                    "Answers");
  pages = cirt_test_pdf_pages (pdf, &n_pages);
  for (guint i = 0; pages[i]; i++)
    ck_assert_msg (strstr (pages[i], "Progress since") == NULL, "page %u:\n%s", i + 1, pages[i]);

  /* Nor once the baseline is deleted. */
  ck_assert_int_eq (CLI (NULL, NULL, "delete", base_id), 0);
  export_ok (follow_id, "--xlsx", xlsx2, "--pdf", pdf2, NULL);
  node2 = readback ("xlsx", xlsx2);
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (json_node_get_object (node2), "sheets"), 1),
                    "Answers");
  pages2 = cirt_test_pdf_pages (pdf2, &n_pages);
  for (guint i = 0; pages2[i]; i++)
    ck_assert_msg (strstr (pages2[i], "Progress since") == NULL, "page %u:\n%s", i + 1, pages2[i]);
}
END_TEST

START_TEST (test_report)
{
  g_autofree char *pdf = cirt_test_tmp_path ("follow-up.pdf"), *ar = cirt_test_tmp_path ("follow-up-ar.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  double x_en, x_ar;
  int page_en, page_ar;
  guint n_pages = 0;

  export_ok (follow_id, "--pdf", pdf, NULL);
  pages = cirt_test_pdf_pages (pdf, &n_pages);
  ck_assert_msg (strstr (pages[1], "Progress since the baseline") != NULL, "not in the contents:\n%s", pages[1]);
  text = chapter_text (pdf, "Progress since the baseline", "Legal");
  ck_assert_msg (strstr (text, "This assessment follows up “Readiness 2024” (4 March 2024).") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "was in version 1.0.0 for the earlier assessment and is in version 2.0.0 now") != NULL,
                 "%s", text);
  ck_assert_msg (strstr (text, "Overall index: 47.5 then, 72.9 now (+25.4). Overall level: Level 3 – Established then, "
                               "Level 4 – Strategic now.") != NULL, "%s", text);
  /* The chart's words and the section table, as shown. */
  ck_assert_msg (strstr (text, "Overall: 47.5 → 72.9 (+25.4)") != NULL, "%s", text);
  /* (pdftotext keeps or drops the spaces around the arrow) */
  ck_assert_msg (g_regex_match_simple ("Legal basis Legal 20\\.0 83\\.3 \\+63\\.3 2 ?→ ?5", text, 0, 0), "%s", text);
  ck_assert_msg (g_regex_match_simple ("Operations Technical and Procedural 75\\.0 62\\.5 −12\\.5 4 ?→ ?4", text, 0, 0),
                 "%s", text);
  ck_assert_msg (strstr (text, "Improved 2 · Regressed 1 · Newly answered 1") != NULL, "%s", text);
  /* Improved, then regressed, then the recommendations met. */
  {
    const char *imp = strstr (text, "Answers that improved"), *reg = strstr (text, "Answers that regressed");
    const char *met = strstr (text, "Recommendations of the earlier assessment now met");
    const char *law1 = strstr (text, "C-LAW-1 Is the national CIRT's mandate set in law?");
    const char *ops2 = strstr (text, "C-OPS-2 How is the team staffed?");
    ck_assert_msg (imp && reg && met && law1 && ops2, "%s", text);
    ck_assert (imp < law1 && law1 < reg && reg < ops2 && ops2 < met);
  }
  ck_assert_msg (strstr (text, "Then: 1 — Initial · Now: 3 — Largely (+50.0)") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Then: Full-time staff · Now: Part-time staff (−50.0)") != NULL, "%s", text);
  /* The follow-up's notes, as written (no markup taken from them). */
  ck_assert_msg (strstr (text, "Mandate adopted by decree in 2025, says Amina Diallo.") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "=SUM(A1:A9) <b>two</b> posts & more are vacant") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Adopt a cybercrime law. C-LAW-2 · rank 2 in the earlier assessment · now: Yes") != NULL,
                 "%s", text);

  /* Arabic: the chapter's page mirrored (the section table's first column
   * on the right; its English section titles stay flush left in it). */
  export_ok (follow_id, "--pdf", ar, "--lang", "ar", NULL);
  /* The section table: the only place with the baseline's 75.0. */
  page_en = first_page_with (pdf, "Operations", "75.0");
  page_ar = first_page_with (ar, "Operations", "75.0");
  ck_assert_msg (page_en > 2 && page_ar > 2, "chapter pages %d, %d", page_en, page_ar);
  ck_assert (word_x (pdf, page_en, "Operations", &x_en));
  ck_assert (word_x (ar, page_ar, "Operations", &x_ar));
  ck_assert_msg (x_en < 200 && x_ar > 300, "Operations at x = %g in English, %g in Arabic", x_en, x_ar);
}
END_TEST

START_TEST (test_docx)
{
  g_autofree char *docx = cirt_test_tmp_path ("follow-up.docx");
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;
  JsonArray *chapter, *tables, *table, *row;
  g_autoptr(GString) all = g_string_new (NULL);

  export_ok (follow_id, "--docx", docx, NULL);
  node = readback ("docx", docx);
  o = json_node_get_object (node);
  ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (o, "headings"), 1),
                    "2 Progress since the baseline");
  chapter = json_object_get_array_member (o, "chapter");
  for (guint i = 0; i < json_array_get_length (chapter); i++)
    {
      JsonArray *p = json_array_get_array_element (chapter, i);
      g_string_append_printf (all, "[%s] %s\n", json_array_get_string_element (p, 0), json_array_get_string_element (p, 1));
    }
  ck_assert_msg (strstr (all->str, "[Heading 2] Answers that improved\n") != NULL, "%s", all->str);
  ck_assert_msg (strstr (all->str, "[Finding] C-LAW-1  Is the national CIRT's mandate set in law?\n"
                                   "Then: 1 — Initial · Now: 3 — Largely (+50.0)\n") != NULL, "%s", all->str);
  ck_assert_msg (strstr (all->str, "=SUM(A1:A9) <b>two</b> posts & more are vacant") != NULL, "%s", all->str);
  ck_assert_msg (strstr (all->str, "[Heading 2] Recommendations of the earlier assessment now met\n"
                                   "[Recommendation] Adopt a cybercrime law.\n") != NULL, "%s", all->str);
  tables = json_object_get_array_member (o, "tables");
  ck_assert_uint_eq (json_array_get_length (tables), 1);
  table = json_array_get_array_element (tables, 0);
  ck_assert_uint_eq (json_array_get_length (table), 3);
  row = json_array_get_array_element (table, 2);
  ck_assert_str_eq (json_array_get_string_element (row, 0), "Operations");
  ck_assert_str_eq (json_array_get_string_element (row, 4), "−12.5");
  ck_assert_str_eq (json_array_get_string_element (row, 5), "4 → 4");
  /* The chart, with its values in words for those who cannot see it. */
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (o, "pictures")), 1);
  ck_assert_msg (strstr (json_array_get_string_element (json_object_get_array_member (o, "pictures"), 0),
                         "Technical and Procedural: 75.0 → 62.5 (−12.5)") != NULL, "%s",
                 json_array_get_string_element (json_object_get_array_member (o, "pictures"), 0));
}
END_TEST

/* --redact: the follow-up's notes redacted, its internal notes and every
 * name left out of the chapter and the sheet, in every document. */
START_TEST (test_redacted)
{
  g_autofree char *pdf = cirt_test_tmp_path ("red.pdf"), *docx = cirt_test_tmp_path ("red.docx");
  g_autofree char *xlsx = cirt_test_tmp_path ("red.xlsx"), *text = NULL, *docx_xml = NULL, *xlsx_xml = NULL;
  static const char * const hidden[] = { "Amina", "Diallo", "Jonas", "hesitated" };

  /* Unredacted, the internal note is there. */
  {
    g_autofree char *plain = cirt_test_tmp_path ("plain.pdf"), *t = NULL;
    export_ok (follow_id, "--pdf", plain, NULL);
    t = chapter_text (plain, "Progress since the baseline", "Legal");
    ck_assert_msg (strstr (t, "the minister hesitated") != NULL, "%s", t);
  }

  export_ok (follow_id, "--pdf", pdf, "--docx", docx, "--xlsx", xlsx, "--redact", NULL);
  text = chapter_text (pdf, "Progress since the baseline", "Legal");
  docx_xml = package_text (docx);
  xlsx_xml = package_text (xlsx);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      ck_assert_msg (strstr (text, hidden[i]) == NULL, "\"%s\" in the redacted chapter:\n%s", hidden[i], text);
      ck_assert_msg (strstr (docx_xml, hidden[i]) == NULL, "\"%s\" in the redacted DOCX", hidden[i]);
      ck_assert_msg (strstr (xlsx_xml, hidden[i]) == NULL, "\"%s\" in the redacted workbook", hidden[i]);
    }
  ck_assert_msg (strstr (text, "Mandate adopted by decree in 2025, says Lead assessor.") != NULL, "%s", text);
  ck_assert_msg (strstr (docx_xml, "Mandate adopted by decree in 2025, says Lead assessor.") != NULL, "DOCX");
  /* Scores do not change. */
  ck_assert_msg (strstr (text, "Legal basis Legal 20.0 83.3 +63.3") != NULL, "%s", text);
}
END_TEST

START_TEST (test_other_country)
{
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *b = NULL, *f = NULL, *pdf = cirt_test_tmp_path ("other.pdf"), *text = NULL;

  f = cirt_test_make_follow_up (store, "Kingdom of Sample", &b);
  export_ok (f, "--pdf", pdf, NULL);
  text = chapter_text (pdf, "Progress since the baseline", "Legal");
  ck_assert_msg (strstr (text, "The two assessments are of different countries (Republic of Example and Kingdom of "
                               "Sample): read the comparison with care.") != NULL, "%s", text);
}
END_TEST

static Suite *
progress_suite (void)
{
  Suite *s = suite_create ("progress");
  TCase *tc = tcase_create ("documents");

  tcase_set_timeout (tc, 240);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_workbook);
  tcase_add_test (tc, test_no_baseline);
  tcase_add_test (tc, test_report);
  tcase_add_test (tc, test_docx);
  tcase_add_test (tc, test_redacted);
  tcase_add_test (tc, test_other_country);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (progress_suite ());
}
