/* test-cli-portfolio.c — cirt-assess-cli new/edit with the country's code
 * and region, and portfolio: the table, JSON, the workbook (read back with
 * openpyxl), the anonymised benchmark, and the refusals
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-test-util.h"

#define PYTHON "/usr/bin/python3"
#define EPS 1e-9

static char *db;

#define CLI(out, err, ...) cirt_test_run_cli (out, err, "--db", db, __VA_ARGS__, NULL)

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "bad JSON: %s\n%s",
                 error ? error->message : "", text);
  return json_node_copy (json_parser_get_root (parser));
}

/* Creates an assessment (extra options after the instrument), answers
 * T-LAW-1 with @level and T-OPS-1 with @ops; returns its id. */
static char *
mission (const char *title,
         const char *country,
         const char *phase,
         const char *started,
         const char *level,
         const char *ops,
         const char *extra_option,
         const char *extra_value)
{
  g_autofree char *out = NULL, *err = NULL;
  char *id;
  int rc;

  if (extra_option != NULL)
    rc = CLI (&out, &err, "new", "--title", title, "--country", country, "--phase", phase, "--started", started,
              "--instrument", "test-mini", "--organisation", "Secret Ministry of Things", "--assessor", "Zebulon Quux",
              extra_option, extra_value);
  else
    rc = CLI (&out, &err, "new", "--title", title, "--country", country, "--phase", phase, "--started", started,
              "--instrument", "test-mini", "--organisation", "Secret Ministry of Things", "--assessor", "Zebulon Quux");
  ck_assert_msg (rc == 0, "new: %s", err);
  id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (CLI (NULL, &err, "answer", id, "T-LAW-1", level, "--notes", "Whispered by Zebulon Quux"), 0);
  ck_assert_int_eq (CLI (NULL, NULL, "answer", id, "T-OPS-1", ops, "--evidence", "Folder 7 of the secret archive"), 0);
  return id;
}

static char *ids[6];

static void
setup (void)
{
  db = cirt_test_tmp_path ("portfolio-cli.db");
  /* legal = level × 25, technical: none 0, adhoc 50, formal 100. */
  ids[0] = mission ("Kenya 2026", "Kenya", "assessment", "2026-02-01", "3", "adhoc", NULL, NULL);
  ids[1] = mission ("Ghana 2025", "Ghana", "assessment", "2025-06-10", "2", "formal", NULL, NULL);
  ids[2] = mission ("Kenya 2023", "kenya", "assessment", "2023-04-20", "1", "none", NULL, NULL);
  ids[3] = mission ("France 2024", "République française", "design", "2024-09-09", "1", "adhoc", NULL, NULL);
  ids[4] = mission ("Atlantis 2025", "Atlantis", "assessment", "2025-05-05", "4", "formal", "--region", "Europe");
  ids[5] = mission ("=HYPERLINK(\"http://x\")", "Japan", "assessment", "2025-03-03", "2", "none", NULL, NULL);
}

static void
teardown (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_clear_pointer (&ids[i], g_free);
  g_clear_pointer (&db, g_free);
}

static JsonObject *
show (const char *id,
      JsonNode  **keep)
{
  g_autofree char *out = NULL;

  ck_assert_int_eq (CLI (&out, NULL, "show", id, "--json"), 0);
  *keep = parse_json (out);
  return json_node_get_object (*keep);
}

START_TEST (test_new_and_edit)
{
  g_autoptr(JsonNode) n0 = NULL, n3 = NULL, n4 = NULL, n5 = NULL;
  JsonObject *o;
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL, *out = NULL;

  /* From the name, in any case or language. */
  o = show (ids[2], &n0);
  ck_assert_str_eq (json_object_get_string_member (o, "country_code"), "KE");
  ck_assert_str_eq (json_object_get_string_member (o, "region"), "africa");
  o = show (ids[3], &n3);
  ck_assert_str_eq (json_object_get_string_member (o, "country_code"), "FR");
  ck_assert_str_eq (json_object_get_string_member (o, "region"), "europe");
  /* Not in the list: the region chosen by hand, no code. */
  o = show (ids[4], &n4);
  ck_assert (json_object_get_null_member (o, "country_code"));
  ck_assert_str_eq (json_object_get_string_member (o, "region"), "europe");

  /* Refusals: exit 1, the value named, nothing created. */
  ck_assert_int_eq (CLI (NULL, &err, "new", "--title", "X", "--country", "X", "--instrument", "test-mini",
                         "--region", "Oceania"), 1);
  ck_assert_msg (strstr (err, "unknown region \"Oceania\"") != NULL, "%s", err);
  ck_assert_int_eq (CLI (NULL, &err2, "new", "--title", "X", "--country", "X", "--instrument", "test-mini",
                         "--country-code", "QQ"), 1);
  ck_assert_msg (strstr (err2, "unknown country code \"QQ\"") != NULL, "%s", err2);
  ck_assert_int_eq (CLI (&out, NULL, "list", "--json"), 0);
  ck_assert_ptr_null (strstr (out, "\"title\" : \"X\""));

  /* edit: the code follows a new name; a region by hand; none removes. */
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--country", "Nippon"), 0);
  o = show (ids[5], &n5);
  ck_assert (json_object_get_null_member (o, "country_code"));
  ck_assert (json_object_get_null_member (o, "region"));
  g_clear_pointer (&n5, json_node_unref);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--country-code", "jp"), 0);
  o = show (ids[5], &n5);
  ck_assert_str_eq (json_object_get_string_member (o, "country_code"), "JP");
  ck_assert_str_eq (json_object_get_string_member (o, "region"), "asia-pacific");
  ck_assert_str_eq (json_object_get_string_member (o, "country"), "Nippon");
  g_clear_pointer (&n5, json_node_unref);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--region", "none", "--title", "Renamed"), 0);
  o = show (ids[5], &n5);
  ck_assert_str_eq (json_object_get_string_member (o, "country_code"), "JP");
  ck_assert (json_object_get_null_member (o, "region"));
  ck_assert_str_eq (json_object_get_string_member (o, "title"), "Renamed");
  g_clear_pointer (&n5, json_node_unref);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--country", "Japan", "--title", "=HYPERLINK(\"http://x\")"), 0);

  ck_assert_int_eq (CLI (NULL, &err3, "edit", ids[5], "--region", "Mars"), 1);
  ck_assert_msg (strstr (err3, "unknown region \"Mars\"") != NULL, "%s", err3);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5]), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--phase", "holiday"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", "ffffffff", "--title", "T"), 1);
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--started", "2025-02-30"), 1);
}
END_TEST

START_TEST (test_portfolio_table)
{
  g_autofree char *out = NULL, *err = NULL, *latest = NULL, *design = NULL, *none = NULL, *bad = NULL;

  ck_assert_int_eq (CLI (&out, &err, "portfolio"), 0);
  ck_assert_msg (strstr (out, "Kenya") && strstr (out, "Ghana") && strstr (out, "Atlantis") && strstr (out, "Japan"),
                 "%s", out);
  ck_assert_ptr_nonnull (strstr (out, "Medians by region"));
  ck_assert_ptr_nonnull (strstr (out, "Africa"));
  /* Newest first: Kenya 2026 before Ghana 2025. */
  ck_assert (strstr (out, "Kenya") < strstr (out, "Ghana"));

  ck_assert_int_eq (CLI (&latest, NULL, "portfolio", "--region", "Africa", "--latest"), 0);
  ck_assert_ptr_null (strstr (latest, "2023-04-20"));
  ck_assert_ptr_nonnull (strstr (latest, "2026-02-01"));
  ck_assert_ptr_null (strstr (latest, "Japan"));
  ck_assert_int_eq (CLI (&design, NULL, "portfolio", "--phase", "design"), 0);
  ck_assert_ptr_nonnull (strstr (design, "République française"));
  ck_assert_ptr_null (strstr (design, "Ghana"));
  ck_assert_int_eq (CLI (&none, NULL, "portfolio", "--region", "cis"), 0);

  ck_assert_int_eq (CLI (NULL, &bad, "portfolio", "--region", "Narnia"), 1);
  ck_assert_msg (strstr (bad, "unknown region \"Narnia\"") != NULL, "%s", bad);
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "--phase", "holiday"), 1);
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "--json", "--xlsx", "x.xlsx"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "--min-group", "3"), 2);
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "extra"), 2);
}
END_TEST

START_TEST (test_portfolio_json)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows, *medians;
  JsonObject *africa = NULL;

  ck_assert_int_eq (CLI (&out, NULL, "portfolio", "--json"), 0);
  root = parse_json (out);
  rows = json_object_get_array_member (json_node_get_object (root), "assessments");
  ck_assert_uint_eq (json_array_get_length (rows), 6);
  {
    JsonObject *first = json_array_get_object_element (rows, 0);
    JsonObject *pillars = json_object_get_object_member (first, "pillars");

    ck_assert_str_eq (json_object_get_string_member (first, "id"), ids[0]);
    ck_assert_str_eq (json_object_get_string_member (first, "country_code"), "KE");
    ck_assert_double_eq_tol (json_object_get_double_member (pillars, "legal"), 75, EPS);
    ck_assert_double_eq_tol (json_object_get_double_member (pillars, "technical"), 50, EPS);
    ck_assert (json_object_get_null_member (pillars, "capacity"));
    ck_assert_double_eq_tol (json_object_get_double_member (first, "overall"), 175.0 / 3, EPS);
  }
  medians = json_object_get_array_member (json_node_get_object (root), "regional_medians");
  for (guint i = 0; i < json_array_get_length (medians); i++)
    if (strcmp (json_object_get_string_member (json_array_get_object_element (medians, i), "region"), "africa") == 0)
      africa = json_array_get_object_element (medians, i);
  ck_assert_ptr_nonnull (africa);
  ck_assert_int_eq (json_object_get_int_member (africa, "assessments"), 3);
  ck_assert_int_eq (json_object_get_int_member (africa, "countries"), 2);
  /* Legal 75, 50, 25 → 50; technical 50, 100, 0 → 50. */
  ck_assert_double_eq_tol (json_object_get_double_member (
    json_object_get_object_member (json_object_get_object_member (africa, "pillars"), "legal"), "median"), 50, EPS);
}
END_TEST

START_TEST (test_portfolio_benchmark)
{
  g_autofree char *path = cirt_test_tmp_path ("bench-out.json");
  g_autofree char *csv = cirt_test_tmp_path ("bench-out.csv");
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *err0 = NULL, *err5 = NULL, *out5 = NULL, *csv_text = NULL;
  const char *identifying[] = { "Kenya", "Ghana", "Atlantis", "Japan", "République", "Secret Ministry", "Zebulon",
                                "Quux", "Whispered", "Folder 7", "HYPERLINK", "2026-02-01", "\"KE\"", "\"GH\"" };

  /* --min-group 0 is refused and writes nothing. */
  ck_assert_int_eq (CLI (NULL, &err0, "portfolio", "--benchmark", path, "--min-group", "0"), 1);
  ck_assert_msg (strstr (err0, "--min-group must be at least 1") != NULL, "%s", err0);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "--benchmark", path, "--latest"), 2);

  /* Africa/assessment: Kenya and Ghana; everything else is smaller. */
  ck_assert_int_eq (CLI (&out, &err, "portfolio", "--benchmark", path, "--min-group", "2"), 0);
  ck_assert_msg (strstr (out, "1 cell") != NULL, "%s", out);
  ck_assert_msg (strstr (err, "left out: Europe, Design: 1 country (fewer than 2)") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "left out: Europe, Assessment: 1 country (fewer than 2)") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "left out: Asia-Pacific, Assessment: 1 country (fewer than 2)") != NULL, "%s", err);
  ck_assert_msg (strstr (err, "Africa, Assessment") == NULL, "%s", err);
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (identifying); i++)
    ck_assert_msg (strstr (text, identifying[i]) == NULL, "the benchmark holds \"%s\"", identifying[i]);
  ck_assert_ptr_nonnull (strstr (text, "\"countries\" : 2"));

  /* The default: five countries; none here, so no cell, and it says so. */
  ck_assert_int_eq (CLI (&out5, &err5, "portfolio", "--benchmark", csv), 0);
  ck_assert_msg (strstr (err5, "left out: Africa, Assessment: 2 countries (fewer than 5)") != NULL, "%s", err5);
  ck_assert_msg (strstr (err5, "no region and phase has 5 countries or more") != NULL, "%s", err5);
  ck_assert (g_file_get_contents (csv, &csv_text, NULL, NULL));
  ck_assert_str_eq (csv_text, "region,phase,countries,measure,instrument,section,count,median,min,max\r\n");
}
END_TEST

START_TEST (test_portfolio_workbook)
{
  g_autofree char *xlsx = cirt_test_tmp_path ("portfolio.xlsx");
  g_autofree char *out = NULL, *err = NULL, *py_out = NULL, *py_err = NULL;
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "assert wb.sheetnames == ['Portfolio', 'Regional medians'], wb.sheetnames\n"
    "ws = wb['Portfolio']\n"
    "head = [c.value for c in ws[2]]\n"
    "assert head[:4] == ['Country', 'ISO code', 'Region', 'Date'], head\n"
    "rows = [[c for c in r] for r in ws.iter_rows(min_row=3) if r[0].value is not None]\n"
    "assert len(rows) == 6, len(rows)\n"
    "k = rows[0]\n"
    "assert k[0].value == 'Kenya' and k[1].value == 'KE' and k[2].value == 'Africa', [c.value for c in k]\n"
    "assert abs(k[9].value - 75) < 1e-9 and abs(k[10].value - 50) < 1e-9, (k[9].value, k[10].value)\n"
    "assert abs(k[6].value - 175 / 3) < 1e-9, k[6].value\n"
    "assert k[11].value is None\n"
    "assert ws.auto_filter.ref is not None\n"
    "inj = [r for r in rows if r[0].value == 'Japan'][0]\n"
    "assert inj[15].value == '=HYPERLINK(\"http://x\")' and inj[15].data_type == 's', (inj[15].value, inj[15].data_type)\n"
    "m = wb['Regional medians']\n"
    "med = {r[0].value: r for r in m.iter_rows(min_row=3) if r[0].value}\n"
    "af = med['Africa']\n"
    "assert af[1].value == 3 and af[2].value == 2, (af[1].value, af[2].value)\n"
    "assert abs(af[4].value - 50) < 1e-9, af[4].value\n"
    "assert 'Europe' in med and 'Asia-Pacific' in med\n"
    "print('ok')\n";
  const char *argv[] = { PYTHON, "-c", script, xlsx, NULL };

  /* Japan's mission is called "=HYPERLINK(…)": it stays a text. */
  ck_assert_int_eq (CLI (NULL, NULL, "edit", ids[5], "--title", "=HYPERLINK(\"http://x\")"), 0);
  ck_assert_int_eq (CLI (&out, &err, "portfolio", "--xlsx", xlsx, "--lang", "en"), 0);
  ck_assert_msg (cirt_test_run (argv, &py_out, &py_err) == 0, "openpyxl: %s %s", py_out, py_err);
  ck_assert_ptr_nonnull (strstr (py_out, "ok"));
  ck_assert_int_eq (CLI (NULL, NULL, "portfolio", "--xlsx", xlsx, "--lang", "tlh"), 2);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("cli-portfolio");
  TCase *tc = tcase_create ("portfolio");

  cirt_test_setup_env ();
  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_new_and_edit);
  tcase_add_test (tc, test_portfolio_table);
  tcase_add_test (tc, test_portfolio_json);
  tcase_add_test (tc, test_portfolio_benchmark);
  tcase_add_test (tc, test_portfolio_workbook);
  suite_add_tcase (s, tc);
  return cirt_test_run_suite (s);
}
