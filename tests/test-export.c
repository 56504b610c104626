/* test-export.c — the workbook and the report for the ministry: read back with
 * openpyxl, converted by LibreOffice, checked with pdfinfo/pdftotext; hostile
 * text stays text; numbers equal `score --json`; failures leave no file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cirt-export-private.h"
#include "cirt-export-xlsx.h"
#include "cirt-report.h"
#include "cirt-sample.h"
#include "cirt-score.h"
#include "cirt-test-util.h"

#define PYTHON "/usr/bin/python3"

#define ck_assert_error(err, quark, num) \
  ck_assert_msg ((err) != NULL && (err)->domain == (quark) && (err)->code == (num), \
                 "expected error %s %d, got %s", #quark, (int) (num), (err) ? (err)->message : "none")

/* The hostile strings every export must keep as text. */
#define NOTE_FORMULA  "=SUM(A1:A2)"
#define NOTE_PLUS     "+1"
#define NOTE_MINUS    "-1"
#define NOTE_AT       "@cmd"
#define NOTE_ARABIC   "لاحظ الفريق أن مركز الاستجابة الوطني يعمل بدوام جزئي فقط"
#define NOTE_EMOJI    "Team morale 🚀🔥 after the workshop 👍🏽"
#define TEXT_ANSWER   "=HYPERLINK(\"http://evil.example\",\"click\")"
#define END_10K       "ENDOFTENKNOTE"
#define END_40K       "ENDOFFORTYKNOTE"
#define TITLE         "Mission =1+1 & <b>Ré</b> @x"

static char *db;
static char *id;
static char *note_10k;
static char *note_40k;

/* ------------------------------------------------------------------------ */
/* Helpers */

/* Exactly @n characters of words, ending with @marker. */
static char *
make_note (gsize       n,
           const char *marker)
{
  static const char *words[] = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf" };
  GString *s = g_string_sized_new (n + 16);
  gsize body = n - strlen (marker) - 1;

  for (guint i = 0; s->len < body; i++)
    {
      g_string_append (s, words[i % G_N_ELEMENTS (words)]);
      g_string_append_c (s, ' ');
    }
  g_string_truncate (s, body - 1);
  g_string_append_c (s, '.');
  g_string_append_c (s, ' ');
  g_string_append (s, marker);
  ck_assert_uint_eq (g_utf8_strlen (s->str, -1), n);
  return g_string_free (s, FALSE);
}

static void
save (CirtStore  *store,
      const char *question,
      const char *value,
      gboolean    na,
      const char *notes,
      const char *evidence,
      const char *source)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->not_applicable = na;
  a->notes = g_strdup (notes);
  a->evidence = g_strdup (evidence);
  a->source = g_strdup (source);
  a->author = g_strdup ("Zoë Tester");
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s: %s", question, error ? error->message : "");
}

/* mini.json answered with hostile notes; targets legal 3, technical 4;
 * two stakeholders. T-CTX-3 stays unanswered. */
static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) insts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(CirtStakeholder) s1 = cirt_stakeholder_new ();
  g_autoptr(CirtStakeholder) s2 = cirt_stakeholder_new ();

  note_10k = make_note (10000, END_10K);
  note_40k = make_note (40000, END_40K);
  db = cirt_test_tmp_path ("export.db");
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (insts, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup (TITLE);
  info->country = g_strdup ("République d'Exemple");
  info->organisation = g_strdup ("Ministry of \"Digital\" Affairs");
  info->lead_assessor = g_strdup ("Ana O'Brien");
  info->assessors = g_strdup ("Ana O'Brien, Zoë Tester");
  info->started_on = g_strdup ("2026-03-02");
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");

  save (store, "T-LAW-1", "1", FALSE, NOTE_FORMULA, NOTE_PLUS, NOTE_MINUS);
  save (store, "T-LAW-2", NULL, TRUE, NOTE_AT, NULL, NULL);
  save (store, "T-OPS-1", "adhoc", FALSE, note_10k, NOTE_ARABIC, "Interview, CERT team");
  save (store, "T-OPS-2", "energy,finance", FALSE, note_40k, NULL, NULL);
  save (store, "T-CTX-1", TEXT_ANSWER, FALSE, NOTE_ARABIC, NULL, NULL);
  save (store, "T-CTX-2", "1234", FALSE, NOTE_EMOJI, NULL, NULL);
  ck_assert (cirt_store_set_target (store, id, CIRT_PILLAR_LEGAL, 3, &error));
  ck_assert (cirt_store_set_target (store, id, CIRT_PILLAR_TECHNICAL, 4, &error));

  s1->name = g_strdup ("=cmd|' /C calc'!A0");
  s1->organisation = g_strdup ("Ministère de l'Économie");
  s1->sector = g_strdup ("Government");
  s1->met_on = g_strdup ("2026-03-03");
  s1->notes = g_strdup (NOTE_ARABIC);
  ck_assert (cirt_store_add_stakeholder (store, id, s1, &error) > 0);
  s2->name = g_strdup ("Kofi Mensah");
  s2->organisation = g_strdup ("National Bank");
  s2->notes = g_strdup (NOTE_EMOJI);
  ck_assert (cirt_store_add_stakeholder (store, id, s2, &error) > 0);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&note_10k, g_free);
  g_clear_pointer (&note_40k, g_free);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "bad JSON: %s", error ? error->message : "");
  return json_node_copy (json_parser_get_root (parser));
}


static int
cli (char      **out,
     char      **err,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return cirt_test_run_cli_argv ((const char * const *) argv->pdata, out, err);
}

static JsonNode *
score_json (const char *lang)
{
  g_autofree char *out = NULL, *err = NULL;
  int rc = cli (&out, &err, "score", id, "--json", "--lang", lang, NULL);

  ck_assert_msg (rc == 0, "score --json: exit %d: %s", rc, err);
  return parse_json (out);
}

static JsonNode *
readback (const char *xlsx)
{
  g_autofree char *script = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "readback_xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, xlsx, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int rc = cirt_test_run (argv, &out, &err);

  ck_assert_msg (rc == 0, "readback_xlsx.py: exit %d: %s", rc, err);
  return parse_json (out);
}

static JsonObject *
sheet (JsonNode   *book,
       const char *name)
{
  JsonArray *sheets = json_object_get_array_member (json_node_get_object (book), "sheets");

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *s = json_array_get_object_element (sheets, i);
      if (g_strcmp0 (json_object_get_string_member (s, "name"), name) == 0)
        return s;
    }
  ck_abort_msg ("no sheet \"%s\" in the workbook", name);
  return NULL;
}

/* Cell (row, col), 0-based; NULL when empty. */
static JsonObject *
cell (JsonObject *s,
      guint       row,
      guint       col)
{
  JsonArray *rows = json_object_get_array_member (s, "rows");
  JsonArray *r;
  JsonNode *c;

  if (row >= json_array_get_length (rows))
    return NULL;
  r = json_array_get_array_element (rows, row);
  if (col >= json_array_get_length (r))
    return NULL;
  c = json_array_get_element (r, col);
  return JSON_NODE_HOLDS_OBJECT (c) ? json_node_get_object (c) : NULL;
}

static const char *
cell_string (JsonObject *s,
             guint       row,
             guint       col)
{
  JsonObject *c = cell (s, row, col);
  if (c == NULL)
    return NULL;
  ck_assert_msg (g_strcmp0 (json_object_get_string_member (c, "t"), "s") == 0,
                 "%s!R%uC%u is not a string", json_object_get_string_member (s, "name"), row + 1, col + 1);
  return json_object_get_string_member (c, "v");
}

static double
cell_number (JsonObject *s,
             guint       row,
             guint       col)
{
  JsonObject *c = cell (s, row, col);
  if (c == NULL)
    return NAN;
  ck_assert_msg (g_strcmp0 (json_object_get_string_member (c, "t"), "n") == 0,
                 "%s!R%uC%u is not a number", json_object_get_string_member (s, "name"), row + 1, col + 1);
  return json_object_get_double_member (c, "v");
}

static guint
n_rows (JsonObject *s)
{
  return json_array_get_length (json_object_get_array_member (s, "rows"));
}

/* Row of the first cell in column @col equal to @text, or -1. */
static int
find_row (JsonObject *s,
          guint       col,
          const char *text)
{
  for (guint r = 0; r < n_rows (s); r++)
    {
      JsonObject *c = cell (s, r, col);
      if (c && g_strcmp0 (json_object_get_string_member (c, "t"), "s") == 0 &&
          g_strcmp0 (json_object_get_string_member (c, "v"), text) == 0)
        return (int) r;
    }
  return -1;
}

/* libxlsxwriter prints numbers with 16 significant digits: equal to the
 * double of `score --json` to within the last of them. */
static void
assert_same_number (double      got,
                    double      want,
                    const char *what)
{
  ck_assert_msg (fabs (got - want) <= 1e-15 * MAX (1.0, fabs (want)),
                 "%s: workbook %.17g, score --json %.17g", what, got, want);
}

static gsize
utf16_length (const char *s)
{
  gsize n = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return n;
}

static char *
strip_spaces (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x00AD)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A page's text without its header and footer (marking, running title,
 * page number, date), so text flowing across pages reads as one. */
static char *
page_body (const char *page,
           const char *tlp_label)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GRegex) furniture = g_regex_new ("^(Page \\d+ (of|sur) \\d+|\\d{1,2}(er)? \\S+ \\d{4}|.* · (National CIRT readiness assessment|"
                                             "Évaluation de l'état de préparation d'une CIRT nationale))$", 0, 0, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      if (g_strcmp0 (lines[i], tlp_label) == 0 || g_regex_match (furniture, lines[i], 0, NULL))
        continue;
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static gboolean
dir_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static void
export_ok (const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list args;
  int rc;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, id);
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  rc = cirt_test_run_cli_argv ((const char * const *) argv->pdata, &out, &err);
  ck_assert_msg (rc == 0, "export: exit %d: %s", rc, err);
}

/* The text of every page (pdftotext puts a form feed after each). */

static char *
pdfinfo (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  char *out = NULL;
  g_autofree char *err = NULL;

  ck_assert_msg (cirt_test_run (argv, &out, &err) == 0, "pdfinfo %s: %s", pdf, err);
  return out;
}

/* ------------------------------------------------------------------------ */
/* The workbook */

START_TEST (test_xlsx_readback)
{
  g_autofree char *path = cirt_test_tmp_path ("hostile.xlsx");
  g_autoptr(JsonNode) book = NULL, score = NULL;
  JsonObject *answers, *summary, *recs, *gaps, *stake, *sc;
  JsonArray *sheets, *arr;
  const char *names[] = { "Summary", "Answers", "Recommendations", "Findings", "Gaps", "Stakeholders",
                          "Interview sessions", "Statements", "Evidence", "Methodology" };
  const char *ids[] = { "T-LAW-1", "T-LAW-2", "T-OPS-1", "T-OPS-2", "T-CTX-1", "T-CTX-2", "T-CTX-3" };
  int r;

  export_ok ("--xlsx", path, "--tlp", "amber-strict", NULL);
  book = readback (path);
  score = score_json ("en");
  sc = json_node_get_object (score);

  /* Sheets, in order, each with its print setup and TLP marking. */
  sheets = json_object_get_array_member (json_node_get_object (book), "sheets");
  ck_assert_uint_eq (json_array_get_length (sheets), G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *s = json_array_get_object_element (sheets, i);
      ck_assert_str_eq (json_object_get_string_member (s, "name"), names[i]);
      ck_assert_msg (json_object_get_boolean_member (s, "landscape"), "%s: not landscape", names[i]);
      ck_assert_msg (json_object_get_boolean_member (s, "fit_to_page"), "%s: not fit to width", names[i]);
      ck_assert_int_eq (json_object_get_int_member (s, "fit_height"), 0);
      ck_assert_int_eq (json_object_get_int_member (s, "paper"), 9);
      ck_assert_msg (strstr (json_object_get_string_member (s, "header"), "TLP:AMBER+STRICT") != NULL,
                     "%s: header \"%s\" has no TLP marking", names[i], json_object_get_string_member (s, "header"));
      ck_assert_msg (strstr (json_object_get_string_member (s, "footer"), "TLP:AMBER+STRICT") != NULL, "%s: footer", names[i]);
      ck_assert_msg (!json_object_get_null_member (s, "freeze"), "%s: no frozen header", names[i]);
      ck_assert_ptr_nonnull (cell_string (s, 0, 0));
      ck_assert_msg (find_row (s, json_array_get_length (json_array_get_array_element (
                       json_object_get_array_member (s, "rows"), 0)) - 1, "TLP:AMBER+STRICT") == 0,
                     "%s: no TLP cell at the end of row 1", names[i]);
    }

  /* Answers: every question, once, with the user's text as strings. */
  answers = sheet (book, "Answers");
  ck_assert_str_eq (json_object_get_string_member (answers, "freeze"), "A3");
  ck_assert_msg (g_str_has_prefix (json_object_get_string_member (answers, "autofilter"), "A2:"), "no autofilter");
  ck_assert_str_eq (cell_string (answers, 1, 8), "Notes");
  ck_assert_uint_eq (n_rows (answers), 2 + G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ck_assert_msg (find_row (answers, 3, ids[i]) >= 2, "%s missing from Answers", ids[i]);
  r = find_row (answers, 3, "T-LAW-1");
  ck_assert_str_eq (cell_string (answers, r, 8), NOTE_FORMULA);
  ck_assert_str_eq (cell_string (answers, r, 9), NOTE_PLUS);
  ck_assert_str_eq (cell_string (answers, r, 10), NOTE_MINUS);
  ck_assert_str_eq (cell_string (answers, r, 5), "1 — Discussed");
  assert_same_number (cell_number (answers, r, 6), 25.0, "T-LAW-1 score");
  ck_assert_str_eq (cell_string (answers, r, 11), "Zoë Tester");
  r = find_row (answers, 3, "T-LAW-2");
  ck_assert_str_eq (cell_string (answers, r, 8), NOTE_AT);
  ck_assert_str_eq (cell_string (answers, r, 5), "Not applicable");
  ck_assert_str_eq (cell_string (answers, r, 7), "Yes");
  ck_assert (isnan (cell_number (answers, r, 6)));
  r = find_row (answers, 3, "T-OPS-1");
  ck_assert_str_eq (cell_string (answers, r, 8), note_10k);
  ck_assert_str_eq (cell_string (answers, r, 9), NOTE_ARABIC);
  r = find_row (answers, 3, "T-OPS-2");
  {
    /* Too long for a cell: cut, with the marker saying how much is missing. */
    const char *cut = cell_string (answers, r, 8);
    g_autofree char *head = g_strndup (note_40k, 30000);
    ck_assert_msg (g_str_has_prefix (cut, head), "the cut note does not keep the start of the text");
    ck_assert_msg (strstr (cut, "[… truncated: ") != NULL, "no truncation marker");
    ck_assert_msg (strstr (cut, "full text is in the PDF report") != NULL, "the marker does not say where the text is");
    ck_assert_uint_le (utf16_length (cut), 32767);
    ck_assert_uint_ge (utf16_length (cut), 32600);
    {
      /* N more characters: N plus what was kept is the whole note. */
      const char *m = strstr (cut, "[… truncated: ") + strlen ("[… truncated: ");
      guint64 missing = g_ascii_strtoull (m, NULL, 10);
      glong kept = g_utf8_pointer_to_offset (cut, strstr (cut, "\n\n[… truncated"));
      ck_assert_uint_eq (missing + (guint64) kept, 40000);
    }
  }
  ck_assert_str_eq (cell_string (answers, r, 5), "Energy; Finance");
  assert_same_number (cell_number (answers, r, 6), 75.0, "T-OPS-2 score");
  r = find_row (answers, 3, "T-CTX-1");
  ck_assert_str_eq (cell_string (answers, r, 5), TEXT_ANSWER);
  ck_assert_str_eq (cell_string (answers, r, 8), NOTE_ARABIC);
  ck_assert (isnan (cell_number (answers, r, 6)));
  r = find_row (answers, 3, "T-CTX-2");
  ck_assert_str_eq (cell_string (answers, r, 8), NOTE_EMOJI);
  ck_assert_str_eq (cell_string (answers, r, 5), "1234 incidents");
  r = find_row (answers, 3, "T-CTX-3");
  ck_assert_str_eq (cell_string (answers, r, 5), "Not answered");

  /* Summary: the numbers of score --json, and two native charts. */
  summary = sheet (book, "Summary");
  arr = json_object_get_array_member (summary, "charts");
  ck_assert_uint_eq (json_array_get_length (arr), 2);
  ck_assert_str_eq (json_array_get_string_element (arr, 0), "RadarChart");
  ck_assert_str_eq (json_array_get_string_element (arr, 1), "BarChart");
  r = find_row (summary, 0, "Overall index");
  ck_assert_int_gt (r, 0);
  assert_same_number (cell_number (summary, r, 1),
                      json_object_get_double_member (json_object_get_object_member (sc, "overall"), "score"), "overall");
  ck_assert_int_eq ((int) cell_number (summary, r, 2),
                    json_object_get_int_member (json_object_get_object_member (sc, "overall"), "level"));
  ck_assert_int_eq ((int) cell_number (summary, r, 2), 2);   /* capped by T-LAW-1 */
  ck_assert_msg (find_row (summary, 0, TITLE) == 0, "the title is not the banner");
  arr = json_object_get_array_member (sc, "pillars");
  gaps = sheet (book, "Gaps");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *p = json_array_get_object_element (arr, i);
      const char *title = json_object_get_string_member (p, "title");
      int row = find_row (summary, 0, title), grow = find_row (gaps, 1, title);

      if (json_object_get_null_member (p, "score"))
        {
          ck_assert_msg (row < 0 || isnan (cell_number (summary, row, 1)), "%s: a score for an unscored pillar", title);
          continue;
        }
      ck_assert_msg (row > 0, "pillar %s missing from Summary", title);
      assert_same_number (cell_number (summary, row, 1), json_object_get_double_member (p, "score"), title);
      ck_assert_int_eq ((int) cell_number (summary, row, 2), json_object_get_int_member (p, "level"));
      assert_same_number (cell_number (summary, row, 7), json_object_get_double_member (p, "coverage"), title);
      ck_assert_msg (grow > 0, "pillar %s missing from Gaps", title);
      assert_same_number (cell_number (gaps, grow, 3), json_object_get_double_member (p, "score"), title);
      if (!json_object_get_null_member (p, "gap"))
        {
          ck_assert_int_eq ((int) cell_number (summary, row, 6), json_object_get_int_member (p, "gap"));
          ck_assert_int_eq ((int) cell_number (gaps, grow, 8), json_object_get_int_member (p, "gap"));
          ck_assert_int_eq ((int) cell_number (gaps, grow, 6), json_object_get_int_member (p, "target"));
        }
    }
  arr = json_object_get_array_member (sc, "sections");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *sec = json_array_get_object_element (arr, i);
      const char *title = json_object_get_string_member (sec, "title");
      int row = find_row (summary, 0, title), grow = find_row (gaps, 2, title);
      ck_assert_msg (row > 0 && grow > 0, "section %s missing", title);
      if (json_object_get_null_member (sec, "score"))
        ck_assert (isnan (cell_number (summary, row, 1)));
      else
        {
          assert_same_number (cell_number (summary, row, 1), json_object_get_double_member (sec, "score"), title);
          assert_same_number (cell_number (gaps, grow, 3), json_object_get_double_member (sec, "score"), title);
        }
    }

  /* Recommendations, ranked as score --json ranks them. */
  recs = sheet (book, "Recommendations");
  arr = json_object_get_array_member (sc, "recommendations");
  ck_assert_uint_eq (json_array_get_length (arr), 3);
  ck_assert_uint_eq (n_rows (recs), 2 + json_array_get_length (arr));
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *rec = json_array_get_object_element (arr, i);
      ck_assert_int_eq ((int) cell_number (recs, 2 + i, 0), (int) i + 1);
      ck_assert_str_eq (cell_string (recs, 2 + i, 4), json_object_get_string_member (rec, "question"));
      assert_same_number (cell_number (recs, 2 + i, 1), json_object_get_double_member (rec, "priority"), "priority");
      assert_same_number (cell_number (recs, 2 + i, 7), json_object_get_double_member (rec, "score"), "rec score");
      ck_assert_str_eq (cell_string (recs, 2 + i, 10), json_object_get_string_member (rec, "text"));
    }

  /* Stakeholders: a name that looks like a DDE payload is text. */
  stake = sheet (book, "Stakeholders");
  ck_assert_str_eq (cell_string (stake, 2, 0), "=cmd|' /C calc'!A0");
  ck_assert_str_eq (cell_string (stake, 2, 1), "Ministère de l'Économie");
  ck_assert_str_eq (cell_string (stake, 2, 4), NOTE_ARABIC);
  ck_assert_str_eq (cell_string (stake, 3, 4), NOTE_EMOJI);
  ck_assert_msg (find_row (sheet (book, "Methodology"), 0, "Maturity levels") > 0, "no levels in Methodology");
}
END_TEST

/* Each instrument's own scale in the methodology: an assessment with the
 * readiness instrument (CMM-like stages, also the pillars' and the overall
 * scale) and gca-pillars (GCI-style tiers) lists both scales in the workbook
 * and the report, the tiers with what is unverified about them. */
START_TEST (test_methodology_own_scales)
{
  g_autofree char *db = cirt_test_tmp_path ("scales.db");
  g_autofree char *xlsx = cirt_test_tmp_path ("scales.xlsx");
  g_autofree char *pdf = cirt_test_tmp_path ("scales.pdf");
  g_autofree char *out = NULL, *err = NULL, *err2 = NULL;
  g_autoptr(JsonNode) book = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *flat = NULL;
  JsonObject *meth;
  guint n_pages = 0;
  int tiers, stages;

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "new", "--title", "Two scales", "--country", "Examplia",
                                    "--instrument", "itu-cirt-readiness", "--instrument", "gca-pillars", NULL) == 0, "%s", err);
  g_strstrip (out);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "answer", out, "MAN-01", "2", NULL), 0);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "answer", out, "GCA-LEG-01", "yes", NULL), 0);
  ck_assert_msg (cirt_test_run_cli (NULL, &err2, "--db", db, "export", out, "--xlsx", xlsx, "--pdf", pdf, NULL) == 0, "%s", err2);

  book = readback (xlsx);
  meth = sheet (book, "Methodology");
  stages = find_row (meth, 2, "Start-up");
  tiers = find_row (meth, 2, "Building (GCI Tier 5)");
  ck_assert_msg (stages > 0, "no CMM-like stages in Methodology");
  ck_assert_msg (tiers > stages, "no GCI-style tiers after the stages in Methodology");
  ck_assert_str_eq (cell_string (meth, tiers + 4, 2), "Role-modelling (GCI Tier 1)");
  ck_assert_msg (strstr (cell_string (meth, tiers + 1, 3), "unverified") != NULL, "the 20 boundary is not said to be unverified");

  pages = cirt_test_pdf_pages (pdf, &n_pages);
  for (guint i = 0; i < n_pages; i++)
    g_string_append (all, pages[i]);
  flat = strip_spaces (all->str);
  ck_assert_msg (strstr (flat, "Role-modelling(GCITier1)") != NULL, "no GCI-style tiers in the report");
  ck_assert_msg (strstr (flat, "Dynamic") != NULL, "no CMM-like stages in the report");
  ck_assert_msg (strstr (flat, "isnotaGCItierplacement") != NULL, "the report presents the tiers as official");
}
END_TEST

START_TEST (test_xlsx_french_letter)
{
  g_autofree char *path = cirt_test_tmp_path ("fr.xlsx");
  g_autoptr(JsonNode) book = NULL;
  JsonArray *sheets;
  const char *names[] = { "Synthèse", "Réponses", "Recommandations", "Constatations", "Écarts", "Parties prenantes",
                          "Séances d’entretien", "Déclarations", "Éléments de preuve", "Méthodologie" };
  JsonObject *answers;
  int r;

  export_ok ("--xlsx", path, "--lang", "fr", "--tlp", "red", "--paper", "letter", NULL);
  book = readback (path);
  sheets = json_object_get_array_member (json_node_get_object (book), "sheets");
  ck_assert_uint_eq (json_array_get_length (sheets), G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *s = json_array_get_object_element (sheets, i);
      ck_assert_str_eq (json_object_get_string_member (s, "name"), names[i]);
      ck_assert_int_eq (json_object_get_int_member (s, "paper"), 1);
      ck_assert_msg (strstr (json_object_get_string_member (s, "header"), "TLP:RED") != NULL, "header");
    }
  answers = sheet (book, "Réponses");
  r = find_row (answers, 3, "T-LAW-1");
  ck_assert_str_eq (cell_string (answers, r, 4), "Existe-t-il un mandat juridique ?");
  ck_assert_str_eq (cell_string (answers, r, 5), "1 — Discuté");
  ck_assert_str_eq (cell_string (answers, r, 8), NOTE_FORMULA);
  r = find_row (answers, 3, "T-OPS-2");
  ck_assert_msg (strstr (cell_string (answers, r, 8), "[… tronqué : ") != NULL, "no French truncation marker");
  ck_assert_int_gt (find_row (sheet (book, "Synthèse"), 0, "Mesures juridiques"), 0);
}
END_TEST

START_TEST (test_xlsx_libreoffice)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = cirt_test_tmp_path ("lo.xlsx");
  g_autofree char *outdir = cirt_test_tmp_path ("lo-out");
  g_autofree char *profile_dir = cirt_test_tmp_path ("lo-profile");
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s", profile_dir);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".xlsx"));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;
  g_autoptr(GString) all = g_string_new (NULL);

  if (soffice == NULL)
    {
      fprintf (stderr, "SKIP test_xlsx_libreoffice: soffice (LibreOffice) is not installed\n");
      return;
    }
  export_ok ("--xlsx", path, NULL);
  {
    const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", "pdf",
                           "--outdir", outdir, path, NULL };
    int rc = cirt_test_run (argv, &out, &err);
    ck_assert_msg (rc == 0, "soffice: exit %d: %s", rc, err);
  }
  ck_assert_msg (g_file_test (pdf, G_FILE_TEST_IS_REGULAR), "LibreOffice wrote no PDF: %s\n%s", out, err);
  pages = cirt_test_pdf_pages (pdf, &n_pages);
  ck_assert_uint_ge (n_pages, 6);   /* one sheet at least per page */
  for (guint i = 0; i < n_pages; i++)
    {
      ck_assert_msg (strstr (pages[i], "TLP:AMBER") != NULL, "LibreOffice page %u has no TLP marking", i + 1);
      g_string_append (all, pages[i]);
    }
  /* Shown as typed, not computed. */
  ck_assert_msg (strstr (all->str, NOTE_FORMULA) != NULL, "the formula-like note is not shown as text");
  ck_assert_msg (strstr (all->str, "@cmd") != NULL, "@cmd is not shown");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The report */

START_TEST (test_report_pdf)
{
  g_autofree char *path = cirt_test_tmp_path ("report.pdf");
  g_autofree char *info = NULL, *all_flat = NULL;
  g_autoptr(JsonNode) score = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  JsonArray *arr;
  guint n_pages = 0;

  export_ok ("--pdf", path, "--tlp", "amber-strict", NULL);
  info = pdfinfo (path);
  ck_assert_msg (strstr (info, "Title:           " TITLE "\n") != NULL, "title not in the metadata:\n%s", info);
  ck_assert_msg (strstr (info, "(A4)") != NULL, "not A4:\n%s", info);

  pages = cirt_test_pdf_pages (path, &n_pages);
  ck_assert_uint_ge (n_pages, 10);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_label = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      const char *first = strstr (pages[i], "TLP:AMBER+STRICT");
      /* Header and footer: the marking twice on every page. */
      ck_assert_msg (first != NULL && strstr (first + 1, "TLP:AMBER+STRICT") != NULL,
                     "page %u: the TLP marking is not in both header and footer", i + 1);
      ck_assert_msg (strstr (pages[i], page_label) != NULL, "page %u: no \"%s\"", i + 1, page_label);
      {
        g_autofree char *body = page_body (pages[i], "TLP:AMBER+STRICT");
        g_string_append (all, body);
      }
    }
  all_flat = strip_spaces (all->str);

  /* The cover, the contents, every chapter. */
  ck_assert_msg (strstr (pages[0], "NATIONAL CIRT READINESS ASSESSMENT") != NULL, "no document title on the cover");
  ck_assert_msg (strstr (pages[0], "République d'Exemple") != NULL, "no country on the cover");
  ck_assert_msg (strstr (pages[0], TITLE) != NULL, "the title (with markup-like text) is not shown as typed");
  ck_assert_msg (strstr (pages[0], "2 March 2026") != NULL, "no mission date on the cover");
  ck_assert_msg (strstr (pages[1], "Contents") != NULL, "no contents on page 2");
  {
    const char *chapters[] = { "Executive summary", "Roadmap", "Methodology", "Stakeholders met", "Appendix: all answers" };
    g_autoptr(GString) rest = g_string_new (NULL);
    for (guint i = 2; i < n_pages; i++)
      g_string_append (rest, pages[i]);
    for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
      ck_assert_msg (strstr (pages[1], chapters[i]) != NULL && strstr (rest->str, chapters[i]) != NULL,
                     "chapter \"%s\" missing from the contents or the body", chapters[i]);
  }

  /* Every pillar of the assessment, every recommendation. */
  score = score_json ("en");
  arr = json_object_get_array_member (json_node_get_object (score), "pillars");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *p = json_array_get_object_element (arr, i);
      const char *title = json_object_get_string_member (p, "title");
      gboolean used = g_strcmp0 (json_object_get_string_member (p, "id"), "capacity") != 0 &&
                      g_strcmp0 (json_object_get_string_member (p, "id"), "cooperation") != 0;
      if (used)
        ck_assert_msg (strstr (all->str, title) != NULL, "pillar \"%s\" missing", title);
    }
  arr = json_object_get_array_member (json_node_get_object (score), "recommendations");
  ck_assert_uint_eq (json_array_get_length (arr), 3);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *want = strip_spaces (json_object_get_string_member (json_array_get_object_element (arr, i), "text"));
      ck_assert_msg (strstr (all_flat, want) != NULL, "recommendation \"%s\" missing", want);
    }

  /* The notices in words, the hostile notes as typed, long notes in full. */
  ck_assert_msg (strstr (all_flat, "cappedatlevel2(Formative)becausethesecriticalquestionsscorebelowhalf:T-LAW-1") != NULL,
                 "no critical-cap notice naming T-LAW-1");
  /* Every applicable scored question is answered: final, not provisional. */
  ck_assert_msg (strstr (all_flat, "Provisional:") == NULL, "a provisional notice at full coverage");
  ck_assert_msg (strstr (all->str, NOTE_FORMULA) != NULL, "note " NOTE_FORMULA " missing");
  ck_assert_msg (strstr (all->str, NOTE_AT) != NULL, "note " NOTE_AT " missing");
  ck_assert_msg (strstr (all->str, "=cmd|' /C calc'!A0") != NULL, "stakeholder missing");
  ck_assert_msg (strstr (all_flat, END_10K) != NULL, "the end of the 10 000-character note is missing");
  ck_assert_msg (strstr (all_flat, END_40K) != NULL, "the end of the 40 000-character note is missing");
  {
    /* The 40 000-character note is in the report in full (findings and appendix). */
    g_autofree char *flat_note = strip_spaces (note_40k);
    const char *first = strstr (all_flat, flat_note);
    ck_assert_msg (first != NULL, "the 40 000-character note is not in the report in full");
    ck_assert_msg (strstr (first + 1, flat_note) != NULL, "the 40 000-character note is not twice in the report");
  }
  ck_assert_msg (strstr (all->str, "1234 incidents") != NULL, "number answer missing");
  {
    /* The methodology prints the head of the history's chain, as verify gives it. */
    g_autofree char *out = NULL, *want = NULL;
    const char *head;
    ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--db", db, "verify", id, NULL), 0);
    head = strstr (out, "head ");
    ck_assert_ptr_nonnull (head);
    want = g_strdup_printf ("theheadofthechainis%.64s", head + 5);
    ck_assert_msg (strstr (all_flat, want) != NULL, "the chain's head is not in the methodology (%s)", want);
  }
}
END_TEST

START_TEST (test_report_french_letter)
{
  g_autofree char *path = cirt_test_tmp_path ("rapport.pdf");
  g_autofree char *info = NULL, *all_flat = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_pages = 0;

  export_ok ("--pdf", path, "--lang", "fr", "--tlp", "green", "--paper", "letter", NULL);
  info = pdfinfo (path);
  ck_assert_msg (strstr (info, "612 x 792 pts (letter)") != NULL, "not US Letter:\n%s", info);
  pages = cirt_test_pdf_pages (path, &n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_label = g_strdup_printf ("Page %u sur %u", i + 1, n_pages);
      ck_assert_msg (strstr (pages[i], "TLP:GREEN") != NULL, "page %u: no TLP marking", i + 1);
      ck_assert_msg (strstr (pages[i], page_label) != NULL, "page %u: no \"%s\"", i + 1, page_label);
      g_string_append (all, pages[i]);
    }
  all_flat = strip_spaces (all->str);
  ck_assert_msg (strstr (pages[1], "Sommaire") != NULL, "no French contents");
  ck_assert_msg (strstr (all->str, "Résumé analytique") != NULL, "no executive summary in French");
  ck_assert_msg (strstr (all->str, "Mesures juridiques") != NULL, "no French pillar title");
  ck_assert_msg (strstr (all_flat, "Adopterunmandat.") != NULL, "the instrument's French recommendation is missing");
  ck_assert_msg (strstr (all_flat, "plafonnéauniveau2") != NULL, "no French cap notice");
  ck_assert_msg (strstr (all->str, "Executive summary") == NULL, "English left in the French report");
}
END_TEST

/* The left and right edges of the first word @word on page @page of @pdf,
 * and its top (pdftotext -bbox); FALSE when it is not there. */
static gboolean
word_box (const char *pdf,
          int         page,
          const char *word,
          double     *x_min,
          double     *y_min,
          double     *x_max)
{
  g_autofree char *p = g_strdup_printf ("%d", page), *out = NULL, *err = NULL, *needle = NULL;
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-", NULL };
  const char *w, *tag;

  ck_assert_msg (cirt_test_run (argv, &out, &err) == 0, "pdftotext -bbox %s: %s", pdf, err);
  needle = g_strdup_printf (">%s</word>", word);
  if ((w = strstr (out, needle)) == NULL)
    return FALSE;
  for (tag = w; tag > out && strncmp (tag, "<word ", 6) != 0; tag--)
    ;
  ck_assert_int_eq (sscanf (tag, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\"", x_min, y_min, x_max), 3);
  return TRUE;
}

/* Arabic: the pages run right to left (the TLP badge of the header on the
 * left, the running title on the right, a table's first column on the
 * right), the sheets too; Chinese: Simplified Chinese glyphs embedded. */
START_TEST (test_report_rtl_and_cjk)
{
  g_autofree char *en = cirt_test_tmp_path ("en.pdf"), *ar = cirt_test_tmp_path ("ar.pdf");
  g_autofree char *zh = cirt_test_tmp_path ("zh.pdf"), *xlsx = cirt_test_tmp_path ("ar.xlsx");
  g_autofree char *fonts = NULL, *err = NULL, *sheet = NULL;
  const char *fonts_argv[] = { "pdffonts", zh, NULL };
  const char *sheet_argv[] = { "python3", "-c",
                               "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
                               xlsx, NULL };
  double x_en, y_en, x_ar, y_ar, r_en, r_ar, y;
  double page_w = 595.28;

  export_ok ("--pdf", en, NULL);
  export_ok ("--pdf", ar, "--xlsx", xlsx, "--lang", "ar", NULL);
  export_ok ("--pdf", zh, "--lang", "zh", NULL);

  /* Page 2 (contents): the header's badge is at the top. */
  ck_assert (word_box (en, 2, "TLP:AMBER", &x_en, &y_en, &r_en));
  ck_assert (word_box (ar, 2, "TLP:AMBER", &x_ar, &y_ar, &r_ar));
  ck_assert_msg (y_en < 100 && y_ar < 100, "the first TLP marking is not the header's (%g, %g)", y_en, y_ar);
  ck_assert_msg (x_en > page_w / 2, "English: the header's badge is not on the right (x = %g)", x_en);
  ck_assert_msg (x_ar < page_w / 2, "Arabic: the header's badge is not on the left (x = %g)", x_ar);
  /* The contents (page 2): the executive summary starts on page 3, its
   * page number on the right in English, on the left in Arabic. */
  ck_assert (word_box (en, 2, "3", &x_en, &y, &r_en));
  ck_assert (word_box (ar, 2, "3", &x_ar, &y, &r_ar));
  ck_assert_msg (x_en > page_w / 2 && r_ar < page_w / 2, "the contents' page numbers are not mirrored (%g, %g)", x_en,
                 r_ar);

  ck_assert_msg (cirt_test_run (sheet_argv, &sheet, &err) == 0, "%s", err);
  ck_assert_msg (strstr (sheet, "rightToLeft=\"1\"") != NULL, "the Arabic sheet is not right to left");

  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run (fonts_argv, &fonts, &err) == 0, "pdffonts: %s", err);
  ck_assert_msg (strstr (fonts, "CJKsc") != NULL, "no Simplified Chinese font embedded:\n%s", fonts);
}
END_TEST

/* Text as pdftotext gives it back, made comparable: no white space, no
 * bidirectional controls, compatibility forms folded (NFKC); and for
 * Arabic without lam and alef, because pdftotext reads cairo's lam-alef
 * ligature back as alef-lam. */
static char *
comparable (const char *s)
{
  g_autofree char *nfkc = g_utf8_normalize (s, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069) || c == 0x0644 || c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Each of the six languages: the PDF's text holds the report's title and
 * the pillar names in the language; the workbook's sheets are named in it;
 * where an instrument lacks the language, the methodology says its texts
 * are given in English (the test instrument has English and French). */
START_TEST (test_six_languages)
{
  static const char *codes[] = { "ar", "en", "es", "fr", "ru", "zh" };
  g_autofree char *en_pdf = cirt_test_tmp_path ("lang-en-ref.pdf");
  g_auto(GStrv) en_pages = NULL;
  g_autoptr(GString) en_all = g_string_new (NULL);
  g_autofree char *en_flat = NULL;
  guint n = 0;
  gboolean used[CIRT_N_PILLARS];

  export_ok ("--pdf", en_pdf, NULL);
  en_pages = cirt_test_pdf_pages (en_pdf, &n);
  for (guint i = 0; i < n; i++)
    g_string_append (en_all, en_pages[i]);
  en_flat = comparable (en_all->str);
  /* The pillars the test instrument covers: those the English report names. */
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      g_autofree char *t = comparable (cirt_lang_pillar_title (cirt_lang_default (), p));
      used[p] = strstr (en_flat, t) != NULL;
    }

  ck_assert (g_strv_length ((char **) cirt_lang_available ()) == G_N_ELEMENTS (codes));
  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    {
      const CirtLang *l = cirt_lang_lookup (codes[k]);
      g_autofree char *name_pdf = g_strdup_printf ("lang-%s.pdf", codes[k]);
      g_autofree char *name_xlsx = g_strdup_printf ("lang-%s.xlsx", codes[k]);
      g_autofree char *pdf = cirt_test_tmp_path (name_pdf), *xlsx = cirt_test_tmp_path (name_xlsx);
      g_autofree char *flat = NULL, *title = NULL, *book_text = NULL, *sheet_name = NULL;
      g_auto(GStrv) pages = NULL;
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(JsonNode) book = NULL;
      gboolean falls_back = strcmp (codes[k], "en") != 0 && strcmp (codes[k], "fr") != 0;

      ck_assert_msg (l != NULL, "%s is not available", codes[k]);
      export_ok ("--pdf", pdf, "--xlsx", xlsx, "--lang", codes[k], NULL);
      pages = cirt_test_pdf_pages (pdf, &n);
      for (guint i = 0; i < n; i++)
        g_string_append (all, pages[i]);
      flat = comparable (all->str);
      title = comparable (cirt_lang_str (l, CIRT_STR_DOC_TITLE));
      ck_assert_msg (strstr (flat, title) != NULL, "%s: the report's title is not in the PDF", codes[k]);
      for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
        if (used[p])
          {
            g_autofree char *t = comparable (cirt_lang_pillar_title (l, p));
            ck_assert_msg (strstr (flat, t) != NULL, "%s: the pillar name %s is not in the PDF", codes[k],
                           cirt_lang_pillar_title (l, p));
          }

      book = readback (xlsx);
      book_text = json_to_string (book, FALSE);
      sheet_name = g_strdup_printf ("\"name\":\"%s\"", cirt_lang_str (l, CIRT_STR_SHEET_ANSWERS));
      ck_assert_msg (strstr (book_text, sheet_name) != NULL, "%s: no sheet %s", codes[k],
                     cirt_lang_str (l, CIRT_STR_SHEET_ANSWERS));
      {
        /* The note names the instrument whose texts are in English. */
        g_autofree char *note = cirt_lang_format (l, CIRT_STR_METH_FALLBACK, "“Test instrument”", NULL, NULL, NULL);
        g_autofree char *any = cirt_lang_format (l, CIRT_STR_METH_FALLBACK, "", NULL, NULL, NULL);
        g_autofree char *head = g_utf8_substring (any, 0, 6);
        ck_assert_msg ((strstr (book_text, note) != NULL) == falls_back, "%s: the fallback note is %s", codes[k],
                       falls_back ? "missing" : "there");
        ck_assert_msg (falls_back || strstr (book_text, head) == NULL, "%s: a fallback note", codes[k]);
      }
    }
}
END_TEST

/* A mission conducted in Arabic (tests/fixtures/mission-ar.json: answers,
 * notes and stakeholder names in Arabic), end to end: loaded, exported in
 * Arabic, every note and name read back from the workbook exactly; written
 * for a merge, imported on another laptop with every note intact, and
 * imported again with nothing changed. */
START_TEST (test_arabic_mission)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "fixtures", "mission-ar.json",
                                               NULL);
  g_autofree char *db_a = cirt_test_tmp_path ("ar-a.db"), *db_b = cirt_test_tmp_path ("ar-b.db");
  g_autofree char *xlsx = cirt_test_tmp_path ("ar.xlsx"), *pdf = cirt_test_tmp_path ("ar.pdf");
  g_autofree char *exchange = cirt_test_tmp_path ("ar.json");
  g_autofree char *out = NULL, *err = NULL, *mission = NULL, *book_text = NULL, *shown = NULL, *fonts = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) book = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  JsonObject *root;
  JsonArray *answers, *stakeholders;
  guint n_pages = 0;
  g_auto(GStrv) pages = NULL;

  ck_assert (json_parser_load_from_file (parser, fixture, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  answers = json_object_get_array_member (root, "answers");
  stakeholders = json_object_get_array_member (root, "stakeholders");
  for (guint i = 0; i < json_array_get_length (answers); i++)
    g_ptr_array_add (texts, (gpointer) json_object_get_string_member (json_array_get_object_element (answers, i),
                                                                      "notes"));
  for (guint i = 0; i < json_array_get_length (stakeholders); i++)
    g_ptr_array_add (texts, (gpointer) json_object_get_string_member (json_array_get_object_element (stakeholders, i),
                                                                      "name"));
  ck_assert_uint_ge (texts->len, 15);

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db_a, "demo", "--file", fixture, NULL) == 0, "%s", err);
  mission = g_strdup (g_strstrip (out));
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db_a, "export", mission, "--lang", "ar", "--xlsx", xlsx,
                                    "--pdf", pdf, NULL) == 0, "%s", err);

  book = readback (xlsx);
  book_text = json_to_string (book, FALSE);
  for (guint i = 0; i < texts->len; i++)
    ck_assert_msg (strstr (book_text, g_ptr_array_index (texts, i)) != NULL, "the workbook lost \"%s\"",
                   (const char *) g_ptr_array_index (texts, i));
  pages = cirt_test_pdf_pages (pdf, &n_pages);
  ck_assert_uint_ge (n_pages, 10);
  ck_assert_msg (cirt_test_run (fonts_argv, &fonts, &err) == 0, "%s", err);
  ck_assert_msg (strstr (fonts, "DejaVuSans") != NULL || strstr (fonts, "Arabic") != NULL,
                 "no font for the Arabic text:\n%s", fonts);

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db_a, "merge-export", mission, "--out", exchange, NULL) == 0,
                 "%s", err);
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db_b, "import", exchange, NULL) == 0, "%s", err);
  ck_assert_msg (cirt_test_run_cli (&shown, &err, "--db", db_b, "show", mission, "--json", NULL) == 0, "%s", err);
  for (guint i = 0; i < texts->len; i++)
    ck_assert_msg (strstr (shown, g_ptr_array_index (texts, i)) != NULL, "the import lost \"%s\"",
                   (const char *) g_ptr_array_index (texts, i));
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db_b, "import", exchange, "--json", NULL) == 0, "%s", err);
  ck_assert_msg (strstr (out, "\"created\" : false") && strstr (out, "\"answers_taken\" : 0") &&
                 strstr (out, "\"answers_same\" : 12") && strstr (out, "\"stakeholders_added\" : 0"),
                 "the second import changed something: %s", out);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The command line */

#define RESET() G_STMT_START { g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free); } G_STMT_END

START_TEST (test_cli_usage)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = cirt_test_tmp_path ("usage.pdf");

  ck_assert_int_eq (cli (&out, &err, "export", "--help", NULL), 0);
  ck_assert_msg (strstr (out, "--tlp") && strstr (out, "default: amber"), "--help does not give the TLP default:\n%s", out);
  ck_assert_msg (strstr (out, "--paper") && strstr (out, "--lang") && strstr (out, "--xlsx") && strstr (out, "--pdf"), "%s", out);
  RESET ();

  ck_assert_int_eq (cli (&out, &err, "export", id, NULL), 2);
  ck_assert_msg (strstr (err, "--xlsx") != NULL, "%s", err);
  RESET ();
  ck_assert_int_eq (cli (&out, &err, "export", "--pdf", path, NULL), 2);
  RESET ();
  ck_assert_int_eq (cli (&out, &err, "export", id, "--pdf", path, "--tlp", "purple", NULL), 2);
  ck_assert_msg (strstr (err, "purple") != NULL, "%s", err);
  RESET ();
  ck_assert_int_eq (cli (&out, &err, "export", id, "--pdf", path, "--paper", "a5", NULL), 2);
  RESET ();
  ck_assert_int_eq (cli (&out, &err, "export", id, "--pdf", path, "--lang", "de", NULL), 2);
  ck_assert_msg (strstr (err, "\"de\"") != NULL && strstr (err, "en, fr, es, ru, zh, ar") != NULL, "%s", err);
  RESET ();
  ck_assert_int_eq (cli (&out, &err, "export", id, "--pdf", path, "--xlsx", path, NULL), 2);
  RESET ();
  ck_assert_msg (!g_file_test (path, G_FILE_TEST_EXISTS), "a usage error wrote a file");

  /* Refusals: exit 1, one line on stderr. */
  ck_assert_int_eq (cli (&out, &err, "export", "ffffffff", "--pdf", path, NULL), 1);
  ck_assert_msg (g_str_has_prefix (err, "cirt-assess-cli: ") && strchr (err, '\n') == err + strlen (err) - 1,
                 "not one line: %s", err);
  RESET ();
  {
    g_autofree char *nodir = cirt_test_tmp_path ("no-such-folder/report.pdf");
    ck_assert_int_eq (cli (&out, &err, "export", id, "--pdf", nodir, NULL), 1);
    ck_assert_msg (strchr (err, '\n') == err + strlen (err) - 1, "not one line: %s", err);
  }
  RESET ();

  /* Success prints what was written; TLP names are forgiving. */
  {
    g_autofree char *x = cirt_test_tmp_path ("both.xlsx");
    ck_assert_int_eq (cli (&out, &err, "export", id, "--xlsx", x, "--pdf", path, "--tlp", "TLP:AMBER+STRICT", NULL), 0);
    ck_assert_msg (strstr (out, x) && strstr (out, path), "%s", out);
    /* The 40 000-character note was cut in the workbook: said on stderr. */
    ck_assert_msg (strstr (err, "32,767") != NULL, "no note about the cut cell: %s", err);
  }
}
END_TEST

static void
limit_file_size (gpointer data)
{
  struct rlimit rl = { 40 * 1024, 40 * 1024 };

  /* A disk that fills up half way: writes past 40 KiB fail with EFBIG (the
   * database's 32 KiB shared-memory file still fits, the exports do not). */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &rl);
}

static int
export_limited (const char *flag,
                const char *path,
                char      **err)
{
  const char *argv[] = { g_getenv ("CIRT_CLI"), "--db", db, "export", id, flag, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size, NULL,
                               NULL, err, &status, &error),
                 "%s", error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

START_TEST (test_failed_export_leaves_nothing)
{
  g_autofree char *dir = cirt_test_tmp_path ("out");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *err = NULL, *content = NULL;

  ck_assert_int_eq (g_mkdir (dir, 0700), 0);

  /* A folder that cannot be written. Root writes anywhere, so only as a user. */
  if (geteuid () != 0)
    {
      ck_assert_int_eq (g_chmod (dir, 0500), 0);
      ck_assert_int_eq (cli (NULL, &err, "export", id, "--pdf", pdf, NULL), 1);
      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (cli (NULL, &err, "export", id, "--xlsx", xlsx, NULL), 1);
      g_clear_pointer (&err, g_free);
      ck_assert_int_eq (g_chmod (dir, 0700), 0);
      ck_assert_msg (dir_is_empty (dir), "a failed export left a file in the read-only folder");
    }
  else
    fprintf (stderr, "note: running as root, the read-only folder case is covered by the full-disk case only\n");

  /* Text that does not compress, so the workbook outgrows the limit too. */
  {
    g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
    g_autoptr(GRand) rand = g_rand_new_with_seed (42);
    for (guint k = 0; k < 3; k++)
      {
        g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
        GString *noise = g_string_new (NULL);
        for (guint i = 0; i < 30000; i++)
          g_string_append_c (noise, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "[g_rand_int_range (rand, 0, 63)]);
        s->name = g_strdup_printf ("Noise %u", k);
        s->organisation = g_strdup ("Entropy Ltd");
        s->notes = g_string_free (noise, FALSE);
        ck_assert (cirt_store_add_stakeholder (store, id, s, NULL) > 0);
      }
  }

  /* The disk fills up while writing: the export fails, no temporary file
   * stays behind, and the previous file of that name is untouched. */
  ck_assert (g_file_set_contents (pdf, "previous report", -1, NULL));
  ck_assert (g_file_set_contents (xlsx, "previous workbook", -1, NULL));
  ck_assert_int_eq (export_limited ("--pdf", pdf, &err), 1);
  ck_assert_msg (err && strstr (err, "report.pdf"), "%s", err);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (export_limited ("--xlsx", xlsx, &err), 1);
  ck_assert_msg (err && strstr (err, "book.xlsx"), "%s", err);
  g_clear_pointer (&err, g_free);
  ck_assert (g_file_get_contents (pdf, &content, NULL, NULL));
  ck_assert_str_eq (content, "previous report");
  g_clear_pointer (&content, g_free);
  ck_assert (g_file_get_contents (xlsx, &content, NULL, NULL));
  ck_assert_str_eq (content, "previous workbook");
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (d)))
      {
        ck_assert_msg (g_strcmp0 (name, "report.pdf") == 0 || g_strcmp0 (name, "book.xlsx") == 0,
                       "a failed export left \"%s\" behind", name);
        n++;
      }
    ck_assert_uint_eq (n, 2);
  }

  /* A folder as the file name. */
  ck_assert_int_eq (cli (NULL, &err, "export", id, "--pdf", dir, NULL), 1);
  ck_assert_msg (strstr (err, "folder") != NULL, "%s", err);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The shipped sample, as the ministry would receive it */

START_TEST (test_sample_exports)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "data", "sample", "republic-of-example.json", NULL);
  g_autofree char *pdf = cirt_test_tmp_path ("sample.pdf");
  g_autofree char *xlsx = cirt_test_tmp_path ("sample.xlsx");
  g_autofree char *all_flat = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) score = NULL, book = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  JsonArray *arr;
  JsonObject *answers, *summary;
  guint n_pages = 0, n_questions = 0;

  {
    g_autoptr(CirtStore) store = cirt_store_open (db, &error);
    g_autoptr(GPtrArray) insts = NULL;
    ck_assert (store != NULL);
    g_free (id);
    id = cirt_sample_load (store, sample, &error);
    ck_assert_msg (id != NULL, "%s", error ? error->message : "");
    insts = cirt_store_get_instruments (store, id, &error);
    for (guint i = 0; i < insts->len; i++)
      n_questions += cirt_instrument_get_n_questions (g_ptr_array_index (insts, i));
  }
  export_ok ("--xlsx", xlsx, "--pdf", pdf, NULL);
  score = score_json ("en");

  pages = cirt_test_pdf_pages (pdf, &n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_label = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      ck_assert_msg (strstr (pages[i], "TLP:AMBER") != NULL, "page %u: no TLP marking", i + 1);
      ck_assert_msg (strstr (pages[i], page_label) != NULL, "page %u: no \"%s\"", i + 1, page_label);
      g_string_append (all, pages[i]);
    }
  all_flat = strip_spaces (all->str);
  arr = json_object_get_array_member (json_node_get_object (score), "pillars");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *t = strip_spaces (json_object_get_string_member (json_array_get_object_element (arr, i), "title"));
      ck_assert_msg (strstr (all_flat, t) != NULL, "pillar %s missing", t);
    }
  arr = json_object_get_array_member (json_node_get_object (score), "recommendations");
  ck_assert_uint_gt (json_array_get_length (arr), 10);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *want = strip_spaces (json_object_get_string_member (json_array_get_object_element (arr, i), "text"));
      ck_assert_msg (strstr (all_flat, want) != NULL, "recommendation %u missing: %s", i + 1, want);
    }

  if (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (score), "overall"), "provisional"))
    ck_assert_msg (strstr (all_flat, "Provisional:") != NULL, "no provisional notice");
  if (json_array_get_length (json_object_get_array_member (json_object_get_object_member (json_node_get_object (score), "overall"),
                                                           "capped_by")) > 0)
    ck_assert_msg (strstr (all_flat, "cappedatlevel2") != NULL, "no critical-cap notice");

  book = readback (xlsx);
  answers = sheet (book, "Answers");
  ck_assert_uint_eq (n_rows (answers), 2 + n_questions);
  summary = sheet (book, "Summary");
  assert_same_number (cell_number (summary, find_row (summary, 0, "Overall index"), 1),
                      json_object_get_double_member (json_object_get_object_member (json_node_get_object (score), "overall"), "score"),
                      "sample overall");
  ck_assert_uint_eq (n_rows (sheet (book, "Recommendations")), 2 + json_array_get_length (arr));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The library calls, in this process (so valgrind sees the exporters too) */

START_TEST (test_in_process)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autofree char *xlsx = cirt_test_tmp_path ("lib.xlsx");
  g_autofree char *pdf = cirt_test_tmp_path ("lib.pdf");
  g_autofree char *missing = cirt_test_tmp_path ("missing/lib.pdf");
  g_autofree char *missing_dir = g_path_get_dirname (missing);
  g_autoptr(CirtAssessmentData) data = NULL;
  CirtExportOptions options;
  guint truncated = 0, pages = 0;

  ck_assert (store != NULL);
  data = cirt_assessment_data_load (store, id, CIRT_LOAD_ALL, &error);
  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  ck_assert_msg (cirt_export_xlsx (data, NULL, xlsx, &truncated, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (truncated, 1);   /* the 40 000-character note */
  ck_assert_msg (cirt_export_verify_xlsx (xlsx, &error), "%s", error ? error->message : "");
  ck_assert_msg (cirt_report_write_pdf (data, NULL, pdf, &pages, &error), "%s", error ? error->message : "");
  ck_assert_uint_ge (pages, 10);

  /* Loaded for the screen the chain is not read; a document adds it (what
   * the export dialog does with the session's data). */
  ck_assert_ptr_null (data->history_head);
  {
    g_autoptr(CirtAssessmentData) doc = cirt_assessment_data_with_history (data, store, &error);
    g_autoptr(CirtAssessmentData) loaded = cirt_assessment_data_load (store, id, CIRT_LOAD_DOCUMENT, &error);
    ck_assert_msg (doc != NULL && loaded != NULL, "%s", error ? error->message : "");
    ck_assert_uint_eq (strlen (doc->history_head), 64);
    ck_assert_str_eq (doc->history_head, loaded->history_head);
    ck_assert_uint_eq (doc->n_changes, loaded->n_changes);
    ck_assert_ptr_eq (doc->score, data->score);
  }

  cirt_export_options_init (&options);
  options.lang = "fr";
  options.tlp = CIRT_TLP_CLEAR;
  options.paper = CIRT_PAPER_LETTER;
  ck_assert_msg (cirt_report_write_pdf (data, &options, pdf, &pages, &error), "%s", error ? error->message : "");
  ck_assert_msg (cirt_export_xlsx (data, &options, xlsx, NULL, &error), "%s", error ? error->message : "");

  /* Refusals leave nothing behind. A file that cannot be written is the one
   * atomic writer's error (cirt-file.h): G_IO_ERROR, here a missing folder. */
  ck_assert (!cirt_report_write_pdf (data, NULL, missing, NULL, &error));
  ck_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!cirt_export_xlsx (data, NULL, missing, NULL, &error));
  ck_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  options.lang = "de";
  ck_assert (!cirt_export_xlsx (data, &options, xlsx, NULL, &error));
  ck_assert_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION);
  g_clear_error (&error);
  ck_assert_ptr_null (cirt_assessment_data_load (store, "no-such-assessment", CIRT_LOAD_ALL, &error));
  ck_assert_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A workbook cut short is caught before it replaces anything. */
  {
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autofree char *broken = cirt_test_tmp_path ("broken.xlsx");
    ck_assert (g_file_get_contents (xlsx, &data, &len, NULL));
    ck_assert (g_file_set_contents (broken, data, len / 2, NULL));
    ck_assert (!cirt_export_verify_xlsx (broken, &error));
    ck_assert_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Pieces */

/* ------------------------------------------------------------------------ */
/* Findings */

static void
add_finding (CirtFindingKind  kind,
             const char      *title,
             const char      *description,
             CirtPillar       pillar,
             CirtPhase        phase,
             const char      *question)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autoptr(CirtFinding) f = cirt_finding_new ();
  g_autofree char *uuid = NULL;
  char *questions[] = { (char *) question, NULL };

  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  f->kind = kind;
  f->title = g_strdup (title);
  f->description = g_strdup (description);
  f->pillar = pillar;
  f->phase = phase;
  f->questions = question ? g_strdupv (questions) : NULL;
  f->author = g_strdup ("Zoë Tester");
  uuid = cirt_store_add_finding (store, id, f, &error);
  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
}

#define F_ISSUE    "No legal mandate for the national CIRT"
#define F_QUICK    "=1+1"
#define F_RISK     "Rivalry over who leads the CIRT"
#define F_RISK_2   "Dependence on donor funding"

static void
add_findings (void)
{
  /* Added out of kind order: the chapter groups them. */
  add_finding (CIRT_FINDING_RISK, F_RISK, "Regulator and police both claim the lead. " NOTE_AT,
               CIRT_PILLAR_ORGANIZATIONAL, CIRT_PHASE_DESIGN, NULL);
  add_finding (CIRT_FINDING_QUICK_WIN, F_QUICK, "Publish the incident address. " NOTE_FORMULA,
               CIRT_PILLAR_TECHNICAL, CIRT_PHASE_ESTABLISHMENT, "T-OPS-1");
  add_finding (CIRT_FINDING_ISSUE, F_ISSUE, "The decree is a draft.\nSecond line " NOTE_ARABIC,
               CIRT_PILLAR_LEGAL, CIRT_PHASE_DESIGN, "T-LAW-1");
  add_finding (CIRT_FINDING_RISK, F_RISK_2, NULL, CIRT_PILLAR_ORGANIZATIONAL, CIRT_PHASE_ENHANCEMENT, NULL);
}

/* The Findings sheet: one row per finding in the assessors' order, every
 * text a string (a formula-like title too), kind, pillar and phase in
 * words. Without findings it says so. */
START_TEST (test_findings_sheet)
{
  g_autofree char *empty = cirt_test_tmp_path ("no-findings.xlsx");
  g_autofree char *path = cirt_test_tmp_path ("findings.xlsx");
  g_autoptr(JsonNode) none = NULL, book = NULL;
  JsonObject *f;
  int r;

  export_ok ("--xlsx", empty, NULL);
  none = readback (empty);
  f = sheet (none, "Findings");
  ck_assert_int_ge (find_row (f, 0, "No finding has been recorded."), 2);

  add_findings ();
  export_ok ("--xlsx", path, NULL);
  book = readback (path);
  f = sheet (book, "Findings");
  ck_assert_str_eq (cell_string (f, 1, 1), "Kind");
  ck_assert_str_eq (cell_string (f, 1, 2), "Finding");
  ck_assert_str_eq (cell_string (f, 1, 6), "Related questions");
  ck_assert_uint_eq (n_rows (f), 2 + 4);
  ck_assert_int_eq (find_row (f, 2, F_RISK), 2);
  r = find_row (f, 2, F_QUICK);
  ck_assert_int_eq (r, 3);
  ck_assert_str_eq (cell_string (f, r, 1), "Quick win");
  ck_assert_str_eq (cell_string (f, r, 3), "Publish the incident address. " NOTE_FORMULA);
  ck_assert_str_eq (cell_string (f, r, 4), "Technical and Procedural");
  ck_assert_str_eq (cell_string (f, r, 5), "Establishment");
  ck_assert_str_eq (cell_string (f, r, 6), "T-OPS-1");
  ck_assert_str_eq (cell_string (f, r, 7), "Zoë Tester");
  ck_assert_double_eq (cell_number (f, r, 0), 2);
  r = find_row (f, 2, F_ISSUE);
  ck_assert_str_eq (cell_string (f, r, 1), "Key issue");
  ck_assert_str_eq (cell_string (f, r, 3), "The decree is a draft.\nSecond line " NOTE_ARABIC);
  ck_assert_ptr_null (cell (f, find_row (f, 2, F_RISK_2), 3));
  ck_assert_int_eq (find_row (f, 0, "No finding has been recorded."), -1);
}
END_TEST

/* The report: a chapter of the key findings, grouped by kind, in the
 * contents; the roadmap places each finding in its step. Without
 * findings, neither. */
START_TEST (test_findings_report)
{
  g_autofree char *empty = cirt_test_tmp_path ("no-findings.pdf");
  g_autofree char *path = cirt_test_tmp_path ("findings.pdf");
  g_auto(GStrv) none = NULL, pages = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *empty_text = NULL;
  guint n = 0, chapter_page = 0;
  const char *chapter, *issues, *quick, *risks, *roadmap, *design, *establishment, *enhancement, *methodology;

  export_ok ("--pdf", empty, NULL);
  none = cirt_test_pdf_pages (empty, &n);
  empty_text = g_strjoinv ("\f", none);
  ck_assert_ptr_null (strstr (empty_text, "Key findings of the mission"));
  ck_assert_ptr_null (strstr (empty_text, "Findings for this step"));
  ck_assert_ptr_nonnull (strstr (empty_text, "Roadmap"));

  add_findings ();
  export_ok ("--pdf", path, NULL);
  pages = cirt_test_pdf_pages (path, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = page_body (pages[i], "TLP:AMBER");
      /* Summary, three pillars (mini.json), then the findings. */
      if (chapter_page == 0 && i > 1 && strstr (body, "5 Key findings of the mission") != NULL)
        chapter_page = i + 1;
      g_string_append (all, body);
    }
  /* In the contents, and a chapter of its own. */
  ck_assert_ptr_nonnull (strstr (pages[1], "Key findings of the mission"));
  ck_assert_msg (chapter_page > 0, "no chapter \"5 Key findings of the mission\"");
  chapter = strstr (all->str, "5 Key findings of the mission");
  issues = strstr (chapter, "Key issues");
  quick = strstr (chapter, "Quick wins");
  risks = strstr (chapter, "Risks to the project");
  roadmap = strstr (chapter, "6 Roadmap");
  ck_assert_msg (issues && quick && risks && roadmap && issues < quick && quick < risks && risks < roadmap,
                 "the findings are not grouped key issues, quick wins, risks");
  ck_assert_msg (strstr (issues, F_ISSUE) < quick, "the issue is not under Key issues");
  ck_assert_msg (strstr (quick, F_QUICK) < risks, "the quick win is not under Quick wins");
  ck_assert_msg (strstr (risks, F_RISK) < roadmap && strstr (risks, F_RISK_2) < roadmap, "the risks are not under Risks");
  /* The assessors' order within a kind. */
  ck_assert_msg (strstr (risks, F_RISK) < strstr (risks, F_RISK_2), "the risks are out of order");
  ck_assert_ptr_nonnull (strstr (issues, "Legal · Design · Questions: T-LAW-1"));
  ck_assert_ptr_nonnull (strstr (issues, "The decree is a draft."));
  ck_assert_ptr_nonnull (strstr (quick, "Publish the incident address. " NOTE_FORMULA));
  ck_assert_ptr_nonnull (strstr (risks, NOTE_AT));

  /* The roadmap: each finding in its step, before that step's recommendations. */
  design = strstr (roadmap, "\nDesign\n");
  establishment = strstr (roadmap, "\nEstablishment\n");
  enhancement = strstr (roadmap, "\nEnhancement\n");
  methodology = strstr (roadmap, "Methodology");
  ck_assert_msg (design && establishment && enhancement && methodology, "the roadmap lacks its steps");
  ck_assert_ptr_nonnull (strstr (roadmap, "Each step starts with the findings of the mission"));
  ck_assert_msg (strstr (design, "Findings for this step") < establishment, "no findings in Design");
  ck_assert_msg (strstr (design, F_ISSUE) < establishment && strstr (design, F_RISK) < establishment,
                 "the design findings are not in the Design step");
  ck_assert_msg (strstr (establishment, F_QUICK) < enhancement, "the quick win is not in Establishment");
  ck_assert_msg (strstr (enhancement, F_RISK_2) < methodology, "the enhancement risk is not in Enhancement");
  /* Issues before risks within a step. */
  ck_assert_msg (strstr (design, F_ISSUE) < strstr (design, F_RISK), "the design step lists the risk first");
}
END_TEST

/* @s without white space and bidirectional marks: pdftotext breaks Arabic
 * words and wraps right-to-left lines in embedding marks. */
static char *
letters_only (const char *s)
{
  g_autofree char *flat = strip_spaces (s);
  GString *out = g_string_sized_new (strlen (flat));

  for (const char *p = flat; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!(c >= 0x202A && c <= 0x202E) && c != 0x200E && c != 0x200F && !(c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_arabic_text (const char *text,
                    const char *want)
{
  g_autofree char *t = letters_only (text), *w = letters_only (want);
  ck_assert_msg (strstr (t, w) != NULL, "the Arabic report lacks \"%s\"", want);
}

/* Arabic: the chapter and the sheet in Arabic, the sheet right to left. */
START_TEST (test_findings_arabic)
{
  g_autofree char *pdf = cirt_test_tmp_path ("findings-ar.pdf");
  g_autofree char *xlsx = cirt_test_tmp_path ("findings-ar.xlsx");
  const CirtLang *ar = cirt_lang_get ("ar");
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL, *sheet_xml = NULL, *err = NULL;
  guint n = 0;
  const char *sheet_argv[] = { "python3", "-c",
                               "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet4.xml').decode())",
                               xlsx, NULL };
  g_autoptr(JsonNode) book = NULL;

  add_findings ();
  export_ok ("--pdf", pdf, "--xlsx", xlsx, "--lang", "ar", NULL);
  pages = cirt_test_pdf_pages (pdf, &n);
  text = g_strjoinv ("\f", pages);
  /* Translated: not the English. */
  ck_assert_str_ne (cirt_lang_str (ar, CIRT_STR_FINDINGS_CHAPTER), "Key findings of the mission");
  assert_arabic_text (text, cirt_lang_str (ar, CIRT_STR_FINDINGS_CHAPTER));
  assert_arabic_text (text, cirt_lang_str (ar, CIRT_STR_FINDINGS_QUICK_WINS));
  assert_arabic_text (text, cirt_lang_str (ar, CIRT_STR_ROADMAP_FINDINGS));
  ck_assert_ptr_null (strstr (text, "Findings for this step"));
  ck_assert_ptr_nonnull (strstr (text, F_RISK));
  book = readback (xlsx);
  ck_assert_int_ge (find_row (sheet (book, cirt_lang_str (ar, CIRT_STR_SHEET_FINDINGS)), 2, F_ISSUE), 2);
  ck_assert_msg (cirt_test_run (sheet_argv, &sheet_xml, &err) == 0, "%s", err);
  ck_assert_msg (strstr (sheet_xml, "rightToLeft=\"1\"") != NULL, "the Arabic Findings sheet is not right to left");
}
END_TEST

START_TEST (test_strings_complete)
{
  const CirtLang *french = cirt_lang_lookup ("fr");

  ck_assert_ptr_nonnull (french);
  for (guint i = 0; i < CIRT_N_STRINGS; i++)
    {
      const char *en = cirt_lang_str (cirt_lang_default (), i);
      const char *fr = cirt_lang_lookup_translation (french, i);
      ck_assert_msg (en && *en && fr && *fr, "string %u (%s) lacks a French translation", i, en);
      for (char n = '1'; n <= '4'; n++)
        {
          char ph[4] = { '{', n, '}', 0 };
          ck_assert_msg ((strstr (en, ph) == NULL) == (strstr (fr, ph) == NULL),
                         "string %u: placeholder %s in one language only:\n%s\n%s", i, ph, en, fr);
        }
    }
  ck_assert_str_eq (cirt_lang_str (cirt_lang_get ("fr_FR.UTF-8"), CIRT_STR_CONTENTS), "Sommaire");
  ck_assert_str_eq (cirt_lang_str (cirt_lang_get ("de"), CIRT_STR_CONTENTS), "Contents");
  for (guint t = 0; t < CIRT_N_TLP; t++)
    {
      CirtTlp back;
      ck_assert (cirt_tlp_from_string (cirt_tlp_to_string (t), &back) && back == t);
      ck_assert (cirt_tlp_from_string (cirt_tlp_label (t), &back) && back == t);
    }
  ck_assert_uint_eq (cirt_tlp_color (CIRT_TLP_RED), 0xFF2B2B);
  ck_assert_uint_eq (cirt_tlp_color (CIRT_TLP_AMBER), 0xFFC000);
  ck_assert_uint_eq (cirt_tlp_color (CIRT_TLP_GREEN), 0x33FF00);
  ck_assert_uint_eq (cirt_tlp_color (CIRT_TLP_CLEAR), 0xFFFFFF);
}
END_TEST

START_TEST (test_fit_cell)
{
  g_autofree char *small = NULL, *emoji = NULL, *cut = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  gboolean truncated = TRUE;

  ck_assert_ptr_null (cirt_export_fit_cell ("short", cirt_lang_default (), 100, &truncated));
  ck_assert (!truncated);
  /* 99 emoji are 198 UTF-16 units: more than 150 allow; never split a character. */
  for (guint i = 0; i < 99; i++)
    g_string_append (big, "🚀");
  cut = cirt_export_fit_cell (big->str, cirt_lang_default (), 150, &truncated);
  ck_assert (truncated);
  ck_assert (g_utf8_validate (cut, -1, NULL));
  ck_assert_uint_le (utf16_length (cut), 150);
  ck_assert_msg (strstr (cut, "[… truncated: ") != NULL, "%s", cut);
  {
    glong kept = g_utf8_pointer_to_offset (cut, strstr (cut, "\n\n["));
    g_autofree char *n = g_strdup_printf ("truncated: %ld more", 99 - kept);
    ck_assert_msg (strstr (cut, n) != NULL, "%s", cut);
  }
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *s = suite_create ("export");
  TCase *tc;

  tc = tcase_create ("pieces");
  tcase_add_test (tc, test_strings_complete);
  tcase_add_test (tc, test_fit_cell);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_xlsx_readback);
  tcase_add_test (tc, test_methodology_own_scales);
  tcase_add_test (tc, test_xlsx_french_letter);
  tcase_add_test (tc, test_xlsx_libreoffice);
  tcase_add_test (tc, test_report_pdf);
  tcase_add_test (tc, test_report_french_letter);
  tcase_add_test (tc, test_report_rtl_and_cjk);
  tcase_add_test (tc, test_arabic_mission);
  tcase_add_test (tc, test_six_languages);
  tcase_add_test (tc, test_cli_usage);
  tcase_add_test (tc, test_failed_export_leaves_nothing);
  tcase_add_test (tc, test_sample_exports);
  tcase_add_test (tc, test_in_process);
  tcase_add_test (tc, test_findings_sheet);
  tcase_add_test (tc, test_findings_report);
  tcase_add_test (tc, test_findings_arabic);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  int status;

  cirt_test_setup_env ();
  status = cirt_test_run_suite (export_suite ());
  if (g_getenv ("CIRT_FREE_CACHES"))
    {
      pango_cairo_font_map_set_default (NULL);
      cairo_debug_reset_static_data ();
    }
  return status;
}
