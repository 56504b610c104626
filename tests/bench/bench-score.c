/* bench-score.c — scoring and drawing a full assessment (200 questions)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson benchmark -C BUILD score`. Prints the time per operation;
 * it asserts nothing about time (timing goals live here, never in tests). */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "cirt-chart.h"
#include "cirt-score.h"
#include "cirt-test-util.h"

#define N_SECTIONS_PER_PILLAR 4
#define N_QUESTIONS_PER_SECTION 10

static const char *kinds[] = { "level", "yesno", "choice", "checklist" };

/* An instrument of 5 pillars × 4 sections × 10 questions, every scored kind. */
static char *
make_instrument_json (void)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  g_string_append (s, "{\"format\":\"cirt-instrument\",\"format_version\":1,\"id\":\"bench\",\"version\":\"1.0.0\","
                      "\"languages\":[\"en\"],\"title\":{\"en\":\"Benchmark\"},\"pillars\":[");
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    g_string_append_printf (s, "%s{\"id\":\"%s\",\"weight\":%u}", p ? "," : "", cirt_pillar_to_string (p), 1 + p % 2);
  g_string_append (s, "],\"sections\":[");
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    for (guint sec = 0; sec < N_SECTIONS_PER_PILLAR; sec++)
      {
        g_string_append_printf (s, "%s{\"id\":\"s-%u-%u\",\"pillar\":\"%s\",\"weight\":%u,"
                                   "\"title\":{\"en\":\"Section %u of %s, with a longer title\"},\"questions\":[",
                                p + sec ? "," : "", p, sec, cirt_pillar_to_string (p), 1 + sec % 3, sec + 1,
                                cirt_pillar_to_string (p));
        for (guint q = 0; q < N_QUESTIONS_PER_SECTION; q++, n++)
          {
            const char *kind = kinds[n % G_N_ELEMENTS (kinds)];

            g_string_append_printf (s, "%s{\"id\":\"BQ-%03u\",\"kind\":\"%s\",\"weight\":%u,%s"
                                       "\"text\":{\"en\":\"Question %u?\"},"
                                       "\"recommendation\":{\"en\":\"Do what question %u asks.\"}",
                                    q ? "," : "", n, kind, 1 + n % 3, n % 17 == 0 ? "\"critical\":true," : "", n, n);
            if (g_str_equal (kind, "level"))
              g_string_append (s, ",\"levels\":[{\"level\":0,\"text\":{\"en\":\"a\"}},{\"level\":1,\"text\":{\"en\":\"b\"}},"
                                  "{\"level\":2,\"text\":{\"en\":\"c\"}},{\"level\":3,\"text\":{\"en\":\"d\"}},"
                                  "{\"level\":4,\"text\":{\"en\":\"e\"}}]");
            else if (g_str_equal (kind, "choice"))
              g_string_append (s, ",\"options\":[{\"id\":\"a\",\"text\":{\"en\":\"a\"},\"score\":0},"
                                  "{\"id\":\"b\",\"text\":{\"en\":\"b\"},\"score\":0.4},"
                                  "{\"id\":\"c\",\"text\":{\"en\":\"c\"},\"score\":1}]");
            else if (g_str_equal (kind, "checklist"))
              g_string_append (s, ",\"options\":[{\"id\":\"a\",\"text\":{\"en\":\"a\"},\"weight\":2},"
                                  "{\"id\":\"b\",\"text\":{\"en\":\"b\"}},{\"id\":\"c\",\"text\":{\"en\":\"c\"}}]");
            g_string_append (s, "}");
          }
        g_string_append (s, "]}");
      }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

/* About 85 % answered, 5 % N/A, the rest open; the same every run. */
static GHashTable *
make_answers (CirtInstrument *inst)
{
  static const char *values[][3] = { { "1", "3", "4" }, { "no", "partial", "yes" }, { "a", "b", "c" }, { "", "a", "a,b" } };
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n = 0;

  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);
      for (guint q = 0; q < sec->questions->len; q++, n++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          int roll = g_rand_int_range (rand, 0, 100);
          CirtAnswer *a;

          if (roll >= 90)
            continue;
          a = cirt_answer_new (qu->id);
          if (roll >= 85)
            {
              a->not_applicable = TRUE;
              a->notes = g_strdup ("not here");
            }
          else
            a->value = g_strdup (values[n % 4][g_rand_int_range (rand, 0, 3)]);
          g_hash_table_replace (answers, a->question, a);
        }
    }
  return answers;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
report (const char *what,
        guint       iterations,
        gint64      start)
{
  double total_ms = (g_get_monotonic_time () - start) / 1000.0;
  printf ("%-34s %6u × %9.3f ms  (%8.1f ms in all)\n", what, iterations, total_ms / iterations, total_ms);
}

static void
bench_draw (CirtChartKind  kind,
            const char    *name,
            CirtScore     *score,
            CirtScore     *baseline,
            int            width,
            guint          iterations)
{
  CirtChartOptions opt = { "en", FALSE, baseline, 1.0, FALSE };
  int height = (int) cirt_chart_natural_height (kind, score, NULL, width);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autofree char *label = g_strdup_printf ("draw %s %d×%d", name, width, height);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < iterations; i++)
    {
      cairo_t *cr = cairo_create (surface);
      cirt_chart_draw (cr, kind, score, &opt, width, height);
      g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }
  report (label, iterations, start);
  cairo_surface_destroy (surface);
}

int
main (void)
{
  g_autofree char *json = make_instrument_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "bench", &error);
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(CirtScore) score = NULL;
  g_autoptr(CirtScore) baseline = NULL;
  const int targets[CIRT_N_PILLARS] = { 3, 4, 3, 3, 2 };
  const char *tmp = cirt_test_setup_env ();
  gint64 start;

  if (inst == NULL)
    g_error ("benchmark instrument: %s", error->message);
  g_ptr_array_add (insts, inst);
  answers = make_answers (inst);
  printf ("instrument: %u questions (%u scored), %u answers\n", cirt_instrument_get_n_questions (inst),
          cirt_instrument_get_n_scored (inst), g_hash_table_size (answers));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 2000; i++)
    {
      CirtScore *s = cirt_score_compute (insts, answers, targets);
      g_object_unref (s);
    }
  report ("score (compute)", 2000, start);

  score = cirt_score_compute (insts, answers, targets);
  baseline = cirt_score_compute (insts, answers, NULL);
  printf ("overall %.3f, level %d, %u recommendations\n", cirt_score_get_overall (score)->score,
          cirt_score_get_overall (score)->level, cirt_score_get_n_recommendations (score));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(JsonNode) node = cirt_score_to_json (score, "bench", "en");
      g_autofree char *text = json_to_string (node, TRUE);
    }
  report ("score to JSON text", 500, start);

  bench_draw (CIRT_CHART_RADAR, "radar", score, baseline, 800, 100);
  bench_draw (CIRT_CHART_SECTIONS, "sections", score, NULL, 800, 100);
  bench_draw (CIRT_CHART_COVERAGE, "coverage", score, NULL, 800, 100);
  bench_draw (CIRT_CHART_RADAR, "radar", score, baseline, 400, 100);
  bench_draw (CIRT_CHART_SECTIONS, "sections", score, NULL, 1600, 50);

  {
    static const char *files[] = { "radar.png", "sections.svg", "coverage.pdf" };
    CirtChartKind file_kinds[] = { CIRT_CHART_RADAR, CIRT_CHART_SECTIONS, CIRT_CHART_COVERAGE };

    for (guint f = 0; f < G_N_ELEMENTS (files); f++)
      {
        g_autofree char *path = g_build_filename (tmp, files[f], NULL);
        g_autofree char *label = g_strdup_printf ("write %s 800 wide", files[f]);
        int h = (int) cirt_chart_natural_height (file_kinds[f], score, NULL, 800);

        start = g_get_monotonic_time ();
        for (guint i = 0; i < 20; i++)
          if (!cirt_chart_write_file (file_kinds[f], score, NULL, path, 800, h, &error))
            g_error ("%s", error->message);
        report (label, 20, start);
        g_unlink (path);
      }
  }
  remove_tree (tmp);
  return 0;
}
