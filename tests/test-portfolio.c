/* test-portfolio.c — the countries and regions, the portfolio (rows,
 * filters, the latest of each country, medians computed by hand) and the
 * anonymised benchmark (no identifying text, small cells left out)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-assessment-data.h"
#include "cirt-countries.h"
#include "cirt-lang.h"
#include "cirt-portfolio.h"
#include "cirt-test-util.h"

#define EPS 1e-9

/* ------------------------------------------------------------------------ */
/* Countries and regions                                                    */

START_TEST (test_regions)
{
  CirtRegion r;
  guint counts[CIRT_N_REGIONS] = { 0 }, none = 0;

  ck_assert (cirt_region_from_string ("arab-states", &r) && r == CIRT_REGION_ARAB_STATES);
  ck_assert (cirt_region_from_string ("Arab States", &r) && r == CIRT_REGION_ARAB_STATES);
  ck_assert (cirt_region_from_string ("ASIA_PACIFIC", &r) && r == CIRT_REGION_ASIA_PACIFIC);
  ck_assert (cirt_region_from_string ("Asia & Pacific", &r) && r == CIRT_REGION_ASIA_PACIFIC);
  ck_assert (cirt_region_from_string ("Commonwealth of Independent States", &r) && r == CIRT_REGION_CIS);
  ck_assert (cirt_region_from_string ("europe", &r) && r == CIRT_REGION_EUROPE);
  ck_assert (!cirt_region_from_string ("Oceania", &r));
  ck_assert (!cirt_region_from_string ("", &r));
  ck_assert (!cirt_region_from_string (NULL, &r));
  ck_assert (cirt_region_is_valid ("cis"));
  ck_assert (!cirt_region_is_valid ("CIS"));

  /* The table: ITU's 193 Member States and Palestine in the six regions,
   * every other ISO entry in none; codes sorted and unique. */
  for (guint i = 0; i < cirt_country_get_n (); i++)
    {
      const CirtCountry *c = cirt_country_get_nth (i);

      if (i > 0)
        ck_assert_int_lt (strcmp (cirt_country_get_nth (i - 1)->code, c->code), 0);
      ck_assert_ptr_eq (cirt_country_lookup (c->code), c);
      if (c->region == NULL)
        {
          none++;
          ck_assert (!c->region_confirmed);
          continue;
        }
      ck_assert (cirt_region_from_string (c->region, &r));
      counts[r]++;
    }
  ck_assert_uint_eq (counts[CIRT_REGION_AFRICA], 44);
  ck_assert_uint_eq (counts[CIRT_REGION_AMERICAS], 35);
  ck_assert_uint_eq (counts[CIRT_REGION_ARAB_STATES], 22);   /* 21 and Palestine */
  ck_assert_uint_eq (counts[CIRT_REGION_ASIA_PACIFIC], 38);
  ck_assert_uint_eq (counts[CIRT_REGION_CIS], 9);
  ck_assert_uint_eq (counts[CIRT_REGION_EUROPE], 46);
  ck_assert_uint_eq (cirt_country_get_n (), 249);
  ck_assert_uint_eq (none, 249 - 194);
  ck_assert_str_eq (cirt_country_lookup ("PW")->name, "Palau");
  ck_assert_ptr_null (cirt_country_lookup ("PW")->region);
}
END_TEST

START_TEST (test_country_names)
{
  static const struct { const char *name; const char *code; } cases[] = {
    { "France", "FR" }, { "  france ", "FR" }, { "FRANCE", "FR" }, { "French Republic", "FR" },
    { "Côte d'Ivoire", "CI" }, { "Côte d’Ivoire", "CI" }, { "cote d'ivoire", "CI" }, { "Ivory Coast", "CI" },
    { "UK", "GB" }, { "United Kingdom", "GB" }, { "USA", "US" }, { "United States of America", "US" },
    { "Türkiye", "TR" }, { "Turkey", "TR" }, { "Korea, Republic of", "KR" }, { "South Korea", "KR" },
    { "Congo", "CG" }, { "DR Congo", "CD" }, { "Viet Nam", "VN" }, { "Vietnam", "VN" },
    /* The other UN languages (iso-codes' translations). */
    { "Francia", "FR" }, { "Франция", "FR" }, { "франция", "FR" }, { "法国", "FR" }, { "فرنسا", "FR" },
    { "Allemagne", "DE" }, { "Kenia", "KE" },
    /* Codes. */
    { "KE", "KE" }, { "ken", "KE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CirtCountry *c = cirt_country_find_by_name (cases[i].name);
      ck_assert_msg (c != NULL, "\"%s\" not recognised", cases[i].name);
      ck_assert_msg (strcmp (c->code, cases[i].code) == 0, "\"%s\" → %s, expected %s", cases[i].name, c->code,
                     cases[i].code);
    }
  ck_assert_ptr_null (cirt_country_find_by_name ("Atlantis"));
  ck_assert_ptr_null (cirt_country_find_by_name ("Republic of Example"));
  ck_assert_ptr_null (cirt_country_find_by_name (""));
  ck_assert_ptr_null (cirt_country_find_by_name ("\xff\xfe"));
  ck_assert_ptr_null (cirt_country_lookup ("XX"));
  ck_assert_ptr_null (cirt_country_lookup ("FRA"));
  ck_assert_str_eq (cirt_country_lookup ("fr")->code, "FR");

  /* Names in a language come from the catalogues. */
  ck_assert_str_eq (cirt_lang_country_name (cirt_lang_get ("en"), "DE"), "Germany");
  ck_assert_str_eq (cirt_lang_country_name (cirt_lang_get ("fr"), "DE"), "Allemagne");
  ck_assert_str_eq (cirt_lang_country_name (cirt_lang_get ("es"), "DE"), "Alemania");
  ck_assert_str_eq (cirt_lang_region_name (cirt_lang_get ("en"), "arab-states"), "Arab States");
  ck_assert_str_ne (cirt_lang_region_name (cirt_lang_get ("fr"), "arab-states"), "Arab States");
  ck_assert_ptr_null (cirt_lang_country_name (cirt_lang_get ("fr"), "XX"));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* A fixture of missions in three regions                                   */

typedef struct {
  const char *title;
  const char *country;
  const char *code;
  const char *region;
  const char *phase;
  const char *started;
  int         legal_level;     /* T-LAW-1, 0–4: legal = level × 25 */
  const char *ops;             /* T-OPS-1: none 0, adhoc 50, formal 100 */
  const char *organisation;
  const char *lead;
  const char *note;
} Mission;

/* Technical weighs 2 in test-mini; organizational has no scored question:
 * overall = (legal + 2 × technical) / 3. */
static const Mission missions[] = {
  { "Kenya readiness 2026", "Kenya", "KE", "africa", "assessment", "2026-02-01", 3, "adhoc",
    "Communications Authority of Kenya", "Amina Odhiambo", "The director of KE-CIRT described three incidents." },
  { "Ghana readiness", "Ghana", "GH", "africa", "assessment", "2025-06-10", 2, "formal",
    "National Cyber Security Authority", "Kwame Mensah", "Budget line confirmed by the finance ministry." },
  { "Kenya readiness 2023", "Kenya", "KE", "africa", "assessment", "2023-04-20", 1, "none",
    "Ministry of ICT Nairobi", "Amina Odhiambo", "First visit; no team yet." },
  { "Senegal design mission", "Sénégal", "SN", "africa", "design", "2025-11-03", 4, "adhoc",
    "Ministère de la Communication", "Moussa Diop", "Decree signed in October." },
  { "France peer review", "France", "FR", "europe", "assessment", "2024-09-09", 1, "adhoc",
    "ANSSI Paris", "Claire Dubois", "Interview with the CERT-FR duty officer." },
  { "Germany follow-up", "Germany", "DE", "europe", "design", "2025-01-15", 3, "formal",
    "BSI Bonn", "Jonas Weber", "Evidence: the 2024 annual report." },
  { "Japan exchange", "Japan", "JP", "asia-pacific", "assessment", "2025-03-03", 2, "none",
    "NISC Tokyo", "Haruto Sato", "Met the NISC liaison." },
  { "Atlantis mission", "Atlantis", NULL, NULL, "assessment", "2025-05-05", 4, "formal",
    "Atlantean Telecom Office", "Nemo Poseidon", "A country not in any list." },
};

static struct {
  char           *path;
  CirtStore      *store;
  CirtInstrument *inst;
  char           *ids[G_N_ELEMENTS (missions)];
} fx;

static char *
add_mission (const Mission *m)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) law = cirt_answer_new ("T-LAW-1");
  g_autoptr(CirtAnswer) ops = cirt_answer_new ("T-OPS-1");
  g_autoptr(CirtAnswer) notes_only = cirt_answer_new ("T-LAW-2");
  g_autoptr(CirtStakeholder) st = cirt_stakeholder_new ();
  char *id;

  info->title = g_strdup (m->title);
  info->country = g_strdup (m->country);
  info->country_code = g_strdup (m->code);
  info->region = g_strdup (m->region);
  info->phase = g_strdup (m->phase);
  info->started_on = g_strdup (m->started);
  info->organisation = g_strdup (m->organisation);
  info->lead_assessor = g_strdup (m->lead);
  info->assessors = g_strdup (m->lead);
  g_ptr_array_add (insts, fx.inst);
  id = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");

  law->value = g_strdup_printf ("%d", m->legal_level);
  law->notes = g_strdup (m->note);
  law->evidence = g_strdup ("Evidence held by the mission's lead");
  law->author = g_strdup (m->lead);
  ops->value = g_strdup (m->ops);
  ops->author = g_strdup (m->lead);
  /* Notes without a value: unanswered, scores nothing. */
  notes_only->notes = g_strdup ("To ask again tomorrow");
  ck_assert_msg (cirt_store_save_answer (fx.store, id, law, &error), "%s", error ? error->message : "");
  ck_assert_msg (cirt_store_save_answer (fx.store, id, ops, &error), "%s", error ? error->message : "");
  ck_assert_msg (cirt_store_save_answer (fx.store, id, notes_only, &error), "%s", error ? error->message : "");
  st->name = g_strdup_printf ("%s's deputy", m->lead);
  st->organisation = g_strdup (m->organisation);
  st->sector = g_strdup ("Government");
  ck_assert (cirt_store_add_stakeholder (fx.store, id, st, &error) > 0);
  return id;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  fx.path = cirt_test_tmp_path ("portfolio.db");
  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  fx.inst = cirt_test_load_fixture ("mini.json");
  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    fx.ids[i] = add_mission (&missions[i]);
}

static void
teardown (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    g_clear_pointer (&fx.ids[i], g_free);
  g_clear_object (&fx.store);
  g_clear_object (&fx.inst);
  g_clear_pointer (&fx.path, g_free);
}

static CirtPortfolio *
build (void)
{
  g_autoptr(GError) error = NULL;
  CirtPortfolio *p = cirt_portfolio_build (fx.store, &error);

  ck_assert_msg (p != NULL, "%s", error ? error->message : "");
  return p;
}

static double
legal_of (const Mission *m)
{
  return m->legal_level * 25.0;
}

static double
technical_of (const Mission *m)
{
  return strcmp (m->ops, "none") == 0 ? 0 : strcmp (m->ops, "adhoc") == 0 ? 50 : 100;
}

START_TEST (test_rows)
{
  g_autoptr(CirtPortfolio) p = build ();

  ck_assert_uint_eq (cirt_portfolio_get_n_rows (p), G_N_ELEMENTS (missions));
  /* Newest first. */
  ck_assert_str_eq (cirt_portfolio_get_row (p, 0)->id, fx.ids[0]);
  ck_assert_str_eq (cirt_portfolio_get_row (p, G_N_ELEMENTS (missions) - 1)->id, fx.ids[2]);
  for (guint i = 0; i + 1 < cirt_portfolio_get_n_rows (p); i++)
    ck_assert_int_ge (strcmp (cirt_portfolio_get_row (p, i)->date, cirt_portfolio_get_row (p, i + 1)->date), 0);

  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    {
      const Mission *m = &missions[i];
      const CirtPortfolioRow *row = cirt_portfolio_lookup (p, fx.ids[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (fx.store, fx.ids[i], CIRT_LOAD_SCORE, &error);
      const CirtScoreValue *overall;

      ck_assert_ptr_nonnull (row);
      ck_assert_ptr_nonnull (data);
      overall = cirt_score_get_overall (data->score);
      ck_assert_str_eq (row->country, m->country);
      ck_assert_str_eq (row->date, m->started);
      ck_assert_str_eq (row->phase, m->phase);
      ck_assert_str_eq (row->instruments[0], "test-mini");
      ck_assert_ptr_null (row->instruments[1]);
      if (m->code)
        ck_assert_str_eq (row->country_code, m->code);
      else
        ck_assert_ptr_null (row->country_code);
      /* By hand, and as the assessment's own score has it. */
      ck_assert_double_eq_tol (row->pillars[CIRT_PILLAR_LEGAL], legal_of (m), EPS);
      ck_assert_double_eq_tol (row->pillars[CIRT_PILLAR_TECHNICAL], technical_of (m), EPS);
      ck_assert (isnan (row->pillars[CIRT_PILLAR_ORGANIZATIONAL]));
      ck_assert (isnan (row->pillars[CIRT_PILLAR_CAPACITY]));
      ck_assert (row->overall.defined);
      ck_assert_double_eq_tol (row->overall.score, (legal_of (m) + 2 * technical_of (m)) / 3, EPS);
      ck_assert_double_eq_tol (row->overall.score, overall->score, EPS);
      ck_assert_int_eq (row->overall.level, overall->level);
      ck_assert_double_eq_tol (row->overall.coverage, overall->coverage, EPS);
      ck_assert_uint_eq (row->sections->len, 3);
      ck_assert_str_eq (g_array_index (row->sections, CirtPortfolioSection, 0).section->id, "law");
      ck_assert_double_eq_tol (g_array_index (row->sections, CirtPortfolioSection, 0).score, legal_of (m), EPS);
      ck_assert (isnan (g_array_index (row->sections, CirtPortfolioSection, 2).score));
    }
  /* T-LAW-1 is critical: below 0.5 it caps the level at 2 (Germany: legal
   * 75, technical 100 → 91.7, level 5, not capped; France: legal 25 →
   * capped). */
  ck_assert_int_eq (cirt_portfolio_lookup (p, fx.ids[5])->overall.level, 5);
  ck_assert_int_le (cirt_portfolio_lookup (p, fx.ids[4])->overall.level, 2);
}
END_TEST

START_TEST (test_filters)
{
  g_autoptr(CirtPortfolio) p = build ();
  CirtPortfolioFilter africa = { "africa", NULL, FALSE };
  CirtPortfolioFilter africa_latest = { "africa", NULL, TRUE };
  CirtPortfolioFilter design = { NULL, "design", FALSE };
  CirtPortfolioFilter europe_design = { "europe", "design", FALSE };
  CirtPortfolioFilter none = { CIRT_PORTFOLIO_NO_REGION, NULL, FALSE };
  CirtPortfolioFilter all_latest = { NULL, NULL, TRUE };
  CirtPortfolioFilter nowhere = { "cis", NULL, FALSE };
  g_autoptr(GPtrArray) a = cirt_portfolio_select (p, &africa);
  g_autoptr(GPtrArray) al = cirt_portfolio_select (p, &africa_latest);
  g_autoptr(GPtrArray) d = cirt_portfolio_select (p, &design);
  g_autoptr(GPtrArray) ed = cirt_portfolio_select (p, &europe_design);
  g_autoptr(GPtrArray) n = cirt_portfolio_select (p, &none);
  g_autoptr(GPtrArray) l = cirt_portfolio_select (p, &all_latest);
  g_autoptr(GPtrArray) c = cirt_portfolio_select (p, &nowhere);
  g_autoptr(GPtrArray) everything = cirt_portfolio_select (p, NULL);

  ck_assert_uint_eq (everything->len, 8);
  ck_assert_uint_eq (a->len, 4);
  for (guint i = 0; i < a->len; i++)
    ck_assert_str_eq (((CirtPortfolioRow *) g_ptr_array_index (a, i))->region, "africa");
  /* Kenya twice: the 2026 mission is its latest. */
  ck_assert_uint_eq (al->len, 3);
  for (guint i = 0; i < al->len; i++)
    ck_assert_str_ne (((CirtPortfolioRow *) g_ptr_array_index (al, i))->id, fx.ids[2]);
  ck_assert_uint_eq (d->len, 2);
  ck_assert_uint_eq (ed->len, 1);
  ck_assert_str_eq (((CirtPortfolioRow *) g_ptr_array_index (ed, 0))->id, fx.ids[5]);
  ck_assert_uint_eq (n->len, 1);
  ck_assert_str_eq (((CirtPortfolioRow *) g_ptr_array_index (n, 0))->country, "Atlantis");
  /* Seven countries (Atlantis by its name). */
  ck_assert_uint_eq (l->len, 7);
  ck_assert_uint_eq (c->len, 0);
}
END_TEST

START_TEST (test_medians_by_hand)
{
  g_autoptr(CirtPortfolio) p = build ();
  g_autoptr(GPtrArray) all = cirt_portfolio_select (p, NULL);
  CirtPortfolioFilter latest = { NULL, NULL, TRUE };
  g_autoptr(GPtrArray) l = cirt_portfolio_select (p, &latest);
  CirtPortfolioStat s;

  /* Africa, legal: 75, 50, 25, 100 → 25 50 | 75 100 → (50 + 75) / 2. */
  cirt_portfolio_stat (all, "africa", CIRT_PILLAR_LEGAL, &s);
  ck_assert_uint_eq (s.count, 4);
  ck_assert_double_eq_tol (s.median, 62.5, EPS);
  ck_assert_double_eq_tol (s.min, 25, EPS);
  ck_assert_double_eq_tol (s.max, 100, EPS);
  /* Africa, technical: 50, 100, 0, 50 → 0 50 | 50 100 → 50. */
  cirt_portfolio_stat (all, "africa", CIRT_PILLAR_TECHNICAL, &s);
  ck_assert_double_eq_tol (s.median, 50, EPS);
  /* Africa, overall: 58.33, 83.33, 8.33, 66.67 → (175/3 + 200/3) / 2 = 62.5. */
  cirt_portfolio_stat (all, "africa", CIRT_N_PILLARS, &s);
  ck_assert_uint_eq (s.count, 4);
  ck_assert_double_eq_tol (s.median, 62.5, EPS);
  /* Africa with each country's latest: legal 75, 50, 100 → 75 (odd count). */
  cirt_portfolio_stat (l, "africa", CIRT_PILLAR_LEGAL, &s);
  ck_assert_uint_eq (s.count, 3);
  ck_assert_double_eq_tol (s.median, 75, EPS);
  /* Europe: legal 25, 75 → 50; technical 50, 100 → 75. */
  cirt_portfolio_stat (all, "europe", CIRT_PILLAR_LEGAL, &s);
  ck_assert_double_eq_tol (s.median, 50, EPS);
  cirt_portfolio_stat (all, "europe", CIRT_PILLAR_TECHNICAL, &s);
  ck_assert_double_eq_tol (s.median, 75, EPS);
  /* Asia-Pacific: one mission. */
  cirt_portfolio_stat (all, "asia-pacific", CIRT_PILLAR_LEGAL, &s);
  ck_assert_uint_eq (s.count, 1);
  ck_assert_double_eq_tol (s.median, 50, EPS);
  /* A pillar nobody has a score in, and a region with nobody. */
  cirt_portfolio_stat (all, "africa", CIRT_PILLAR_ORGANIZATIONAL, &s);
  ck_assert_uint_eq (s.count, 0);
  ck_assert (isnan (s.median) && isnan (s.min) && isnan (s.max));
  cirt_portfolio_stat (all, "cis", CIRT_PILLAR_LEGAL, &s);
  ck_assert_uint_eq (s.count, 0);
}
END_TEST

START_TEST (test_stat_values)
{
  double odd[] = { 9, 1, 5 }, even[] = { 4, NAN, 1, 3, 2 }, none[] = { NAN };
  CirtPortfolioStat s;

  cirt_portfolio_stat_values (odd, 3, &s);
  ck_assert_uint_eq (s.count, 3);
  ck_assert_double_eq (s.median, 5);
  cirt_portfolio_stat_values (even, 5, &s);
  ck_assert_uint_eq (s.count, 4);
  ck_assert_double_eq (s.median, 2.5);
  ck_assert_double_eq (s.min, 1);
  ck_assert_double_eq (s.max, 4);
  cirt_portfolio_stat_values (none, 1, &s);
  ck_assert_uint_eq (s.count, 0);
  ck_assert (isnan (s.median));
  cirt_portfolio_stat_values (NULL, 0, &s);
  ck_assert_uint_eq (s.count, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The anonymised benchmark                                                 */

/* Every identifying text of the fixture: countries (in any spelling
 * stored), codes, titles, organisations, people, notes, evidence, ids. */
static GPtrArray *
identifying_strings (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (missions); i++)
    {
      const Mission *m = &missions[i];
      g_auto(GStrv) words = g_strsplit (m->lead, " ", -1);

      g_ptr_array_add (all, g_strdup (m->country));
      if (m->code)
        g_ptr_array_add (all, g_strdup_printf ("\"%s\"", m->code));
      g_ptr_array_add (all, g_strdup (m->title));
      g_ptr_array_add (all, g_strdup (m->organisation));
      g_ptr_array_add (all, g_strdup (m->lead));
      for (guint w = 0; words[w]; w++)
        g_ptr_array_add (all, g_strdup (words[w]));
      g_ptr_array_add (all, g_strdup (m->note));
      g_ptr_array_add (all, g_strdup (m->started));
      g_ptr_array_add (all, g_strdup (fx.ids[i]));
      g_ptr_array_add (all, g_strndup (fx.ids[i], 8));
    }
  g_ptr_array_add (all, g_strdup ("Evidence held"));
  g_ptr_array_add (all, g_strdup ("To ask again"));
  g_ptr_array_add (all, g_strdup ("deputy"));
  g_ptr_array_add (all, g_strdup ("Government"));
  return all;
}

static void
assert_anonymous (const char *text)
{
  g_autoptr(GPtrArray) strings = identifying_strings ();

  for (guint i = 0; i < strings->len; i++)
    ck_assert_msg (strstr (text, g_ptr_array_index (strings, i)) == NULL, "the benchmark holds \"%s\":\n%s",
                   (char *) g_ptr_array_index (strings, i), text);
}

static const CirtBenchmarkOmission *
find_omission (GPtrArray  *omitted,
               const char *region,
               const char *phase,
               const char *what)
{
  for (guint i = 0; i < omitted->len; i++)
    {
      const CirtBenchmarkOmission *o = g_ptr_array_index (omitted, i);
      if (g_strcmp0 (o->region, region) == 0 && g_strcmp0 (o->phase, phase) == 0 && g_strcmp0 (o->what, what) == 0)
        return o;
    }
  return NULL;
}

START_TEST (test_benchmark_json)
{
  g_autoptr(CirtPortfolio) p = build ();
  g_autofree char *path = cirt_test_tmp_path ("benchmark.json");
  g_autoptr(GPtrArray) omitted = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_benchmark_omission_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *root, *cell, *pillars, *legal;
  JsonArray *cells, *sections;
  guint n_cells = 99;
  GStatBuf st;

  /* Africa/assessment has Kenya (counted once, its latest) and Ghana. */
  ck_assert_msg (cirt_portfolio_write_benchmark (p, NULL, 2, CIRT_BENCHMARK_JSON, path, omitted, &n_cells, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n_cells, 1);
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  assert_anonymous (text);
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);

  ck_assert (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "cirt-assess-benchmark");
  ck_assert_int_eq (json_object_get_int_member (root, "min_group"), 2);
  cells = json_object_get_array_member (root, "cells");
  ck_assert_uint_eq (json_array_get_length (cells), 1);
  cell = json_array_get_object_element (cells, 0);
  ck_assert_str_eq (json_object_get_string_member (cell, "region"), "africa");
  ck_assert_str_eq (json_object_get_string_member (cell, "phase"), "assessment");
  ck_assert_int_eq (json_object_get_int_member (cell, "countries"), 2);
  /* Kenya 2026 (75, 50) and Ghana (50, 100). */
  pillars = json_object_get_object_member (cell, "pillars");
  legal = json_object_get_object_member (pillars, "legal");
  ck_assert_int_eq (json_object_get_int_member (legal, "count"), 2);
  ck_assert_double_eq_tol (json_object_get_double_member (legal, "median"), 62.5, EPS);
  ck_assert_double_eq_tol (json_object_get_double_member (legal, "min"), 50, EPS);
  ck_assert_double_eq_tol (json_object_get_double_member (legal, "max"), 75, EPS);
  ck_assert_double_eq_tol (json_object_get_double_member (json_object_get_object_member (pillars, "technical"),
                                                          "median"), 75, EPS);
  ck_assert (!json_object_has_member (pillars, "organizational"));
  ck_assert_double_eq_tol (json_object_get_double_member (json_object_get_object_member (cell, "overall"), "median"),
                           ((175.0 / 3) + (250.0 / 3)) / 2, EPS);
  sections = json_object_get_array_member (cell, "sections");
  ck_assert_uint_eq (json_array_get_length (sections), 2);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (sections, 0), "section"), "law");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (sections, 1), "section"), "ops");

  /* What was left out, and why. */
  ck_assert_uint_eq (find_omission (omitted, "africa", "design", NULL)->n_countries, 1);
  ck_assert_uint_eq (find_omission (omitted, "europe", "assessment", NULL)->n_countries, 1);
  ck_assert_uint_eq (find_omission (omitted, "europe", "design", NULL)->n_countries, 1);
  ck_assert_uint_eq (find_omission (omitted, "asia-pacific", "assessment", NULL)->n_countries, 1);
  ck_assert_uint_eq (find_omission (omitted, NULL, NULL, NULL)->n_countries, 1);   /* Atlantis */
  ck_assert_ptr_null (find_omission (omitted, "africa", "assessment", NULL));
  ck_assert_uint_eq (omitted->len, 5);
}
END_TEST

START_TEST (test_benchmark_default_group)
{
  g_autoptr(CirtPortfolio) p = build ();
  g_autofree char *path = cirt_test_tmp_path ("benchmark-5.csv");
  g_autoptr(GPtrArray) omitted = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_benchmark_omission_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_cells = 99;

  /* No cell has five countries: the file holds the header and nothing else. */
  ck_assert (cirt_portfolio_write_benchmark (p, NULL, 5, CIRT_BENCHMARK_CSV, path, omitted, &n_cells, &error));
  ck_assert_uint_eq (n_cells, 0);
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  ck_assert_str_eq (text, "region,phase,countries,measure,instrument,section,count,median,min,max\r\n");
  ck_assert_uint_eq (find_omission (omitted, "africa", "assessment", NULL)->n_countries, 2);
}
END_TEST

START_TEST (test_benchmark_csv)
{
  g_autoptr(CirtPortfolio) p = build ();
  g_autofree char *path = cirt_test_tmp_path ("benchmark.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CirtPortfolioFilter filter = { "africa", "assessment", FALSE };
  g_auto(GStrv) lines = NULL;

  ck_assert (cirt_portfolio_write_benchmark (p, &filter, 2, CIRT_BENCHMARK_CSV, path, NULL, NULL, &error));
  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  assert_anonymous (text);
  lines = g_strsplit (text, "\r\n", -1);
  ck_assert_str_eq (lines[0], "region,phase,countries,measure,instrument,section,count,median,min,max");
  {
    /* Kenya 2026 (75 + 2 × 50) / 3 and Ghana (50 + 2 × 100) / 3, at full
     * precision. */
    g_auto(GStrv) f = g_strsplit (lines[1], ",", -1);
    ck_assert_uint_eq (g_strv_length (f), 10);
    ck_assert_str_eq (f[0], "africa");
    ck_assert_str_eq (f[3], "overall");
    ck_assert_str_eq (f[6], "2");
    ck_assert_double_eq_tol (g_ascii_strtod (f[7], NULL), (175.0 / 3 + 250.0 / 3) / 2, EPS);
    ck_assert_double_eq_tol (g_ascii_strtod (f[8], NULL), 175.0 / 3, EPS);
    ck_assert_double_eq_tol (g_ascii_strtod (f[9], NULL), 250.0 / 3, EPS);
  }
  ck_assert_str_eq (lines[2], "africa,assessment,2,legal,,,2,62.5,50,75");
  ck_assert_str_eq (lines[3], "africa,assessment,2,technical,,,2,75,50,100");
  ck_assert_str_eq (lines[4], "africa,assessment,2,section,test-mini,law,2,62.5,50,75");
  ck_assert_str_eq (lines[5], "africa,assessment,2,section,test-mini,ops,2,75,50,100");
  ck_assert_str_eq (lines[6], "");
  ck_assert_ptr_null (lines[7]);
}
END_TEST

START_TEST (test_benchmark_refusals)
{
  g_autoptr(CirtPortfolio) p = build ();
  g_autofree char *path = cirt_test_tmp_path ("refused.json");
  g_autofree char *missing = cirt_test_tmp_path ("no-such-folder/benchmark.json");
  g_autoptr(GError) error = NULL;

  ck_assert (!cirt_portfolio_write_benchmark (p, NULL, 0, CIRT_BENCHMARK_JSON, path, NULL, NULL, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  ck_assert (!cirt_portfolio_write_benchmark (p, NULL, 1, CIRT_BENCHMARK_JSON, missing, NULL, NULL, &error));
  ck_assert (error->domain == G_IO_ERROR);
}
END_TEST

/* Everything a portfolio shows comes from the store at the time it was
 * built; a database with nothing in it makes an empty one. */
START_TEST (test_empty_and_snapshot)
{
  g_autofree char *path = cirt_test_tmp_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) empty = cirt_store_open (path, &error);
  g_autoptr(CirtPortfolio) none = cirt_portfolio_build (empty, &error);
  g_autoptr(CirtPortfolio) before = build ();
  g_autoptr(CirtPortfolio) after = NULL;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-1");

  ck_assert_ptr_nonnull (none);
  ck_assert_uint_eq (cirt_portfolio_get_n_rows (none), 0);
  a->value = g_strdup ("4");
  ck_assert (cirt_store_save_answer (fx.store, fx.ids[6], a, &error));
  after = build ();
  ck_assert_double_eq_tol (cirt_portfolio_lookup (before, fx.ids[6])->pillars[CIRT_PILLAR_LEGAL], 50, EPS);
  ck_assert_double_eq_tol (cirt_portfolio_lookup (after, fx.ids[6])->pillars[CIRT_PILLAR_LEGAL], 100, EPS);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("portfolio");
  TCase *tc = tcase_create ("countries");

  cirt_test_setup_env ();
  tcase_add_test (tc, test_regions);
  tcase_add_test (tc, test_country_names);
  tcase_add_test (tc, test_stat_values);
  suite_add_tcase (s, tc);

  tc = tcase_create ("portfolio");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_rows);
  tcase_add_test (tc, test_filters);
  tcase_add_test (tc, test_medians_by_hand);
  tcase_add_test (tc, test_empty_and_snapshot);
  suite_add_tcase (s, tc);

  tc = tcase_create ("benchmark");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_benchmark_json);
  tcase_add_test (tc, test_benchmark_default_group);
  tcase_add_test (tc, test_benchmark_csv);
  tcase_add_test (tc, test_benchmark_refusals);
  suite_add_tcase (s, tc);

  return cirt_test_run_suite (s);
}
