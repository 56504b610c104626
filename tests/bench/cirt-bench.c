/* cirt-bench.c — what the benchmarks share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-bench.h"

#include "cirt-countries.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/wait.h>

static char *root;

static const char * const pillars[] = { "legal", "technical", "organizational", "capacity", "cooperation" };

/* One kind per position in a section of ten: mostly levels, as the shipped
 * instruments. */
static const char * const kinds[] = {
  "level", "level", "yesno", "level", "choice", "level", "checklist", "level", "yesno", "text",
};

static void
append_text (GString    *s,
             const char *key,
             const char *en,
             const char *fr,
             guint       n)
{
  g_string_append_printf (s, "\"%s\":{\"en\":\"%s (%u)\",\"fr\":\"%s (%u)\"}", key, en, n, fr, n);
}

char *
cirt_bench_instrument_json (guint n_questions)
{
  GString *s = g_string_new (NULL);
  guint n_sections = MAX (1, (n_questions + 9) / 10);
  guint n = 0;

  g_string_append_printf (s, "{\"format\":\"cirt-instrument\",\"format_version\":1,\"id\":\"bench-%u\","
                             "\"version\":\"1.0.0\",\"languages\":[\"en\",\"fr\"],", n_questions);
  append_text (s, "title", "Benchmark readiness instrument", "Instrument de préparation pour les mesures", n_questions);
  g_string_append (s, ",\"pillars\":[");
  for (guint p = 0; p < G_N_ELEMENTS (pillars); p++)
    g_string_append_printf (s, "%s{\"id\":\"%s\",\"weight\":%u}", p ? "," : "", pillars[p], 1 + p % 2);
  g_string_append (s, "],\"sections\":[");
  for (guint sec = 0; sec < n_sections; sec++)
    {
      g_string_append_printf (s, "%s{\"id\":\"s%u\",\"pillar\":\"%s\",\"weight\":%u,", sec ? "," : "", sec,
                              pillars[sec % G_N_ELEMENTS (pillars)], 1 + sec % 3);
      append_text (s, "title", "Section of the benchmark on incident coordination",
                   "Section de l'instrument sur la coordination des incidents", sec);
      g_string_append (s, ",");
      append_text (s, "intro", "What this section looks at, who is asked about it and which documents show it, "
                               "in one paragraph as the shipped instruments have.",
                   "Ce que la section examine, qui est interrogé et quels documents le montrent, en un paragraphe "
                   "comme dans les instruments livrés.", sec);
      g_string_append (s, ",\"questions\":[");
      for (guint q = 0; q < 10 && n < n_questions; q++, n++)
        {
          const char *kind = kinds[q];

          g_string_append_printf (s, "%s{\"id\":\"BQ-%04u\",\"kind\":\"%s\",\"weight\":%u,%s", q ? "," : "", n, kind,
                                  1 + n % 3, n % 23 == 0 && strcmp (kind, "text") != 0 ? "\"critical\":true," : "");
          append_text (s, "text", "Is the capability in place, documented, resourced and reviewed at regular "
                                  "intervals by the body that owns it?",
                       "La capacité est-elle en place, documentée, dotée de moyens et revue à intervalles "
                       "réguliers par l'organisme qui en est responsable ?", n);
          g_string_append (s, ",");
          append_text (s, "guidance", "Ask the ministry and the regulator for the founding documents and who "
                                      "approved them; compare what the law says with what the operators describe; "
                                      "look for minutes, budgets and staff lists as evidence, and note where the "
                                      "answers of the stakeholders differ from one another.",
                       "Demander au ministère et au régulateur les documents fondateurs et qui les a approuvés ; "
                       "comparer ce que dit la loi avec ce que décrivent les opérateurs ; chercher comme preuves "
                       "des procès-verbaux, des budgets et des listes de personnel, et noter les divergences.", n);
          if (strcmp (kind, "text") != 0)
            {
              g_string_append (s, ",");
              append_text (s, "recommendation", "Give the capability a formal basis, a budget line and an owner, "
                                                "and review it every year with the stakeholders who depend on it.",
                           "Donner à la capacité une base formelle, une ligne budgétaire et un responsable, et la "
                           "revoir chaque année avec les parties prenantes qui en dépendent.", n);
              g_string_append_printf (s, ",\"phase\":\"%s\"",
                                      (const char *[]) { "design", "establishment", "enhancement" }[n % 3]);
            }
          if (strcmp (kind, "level") == 0)
            {
              g_string_append (s, ",\"levels\":[");
              for (int l = 0; l < 5; l++)
                {
                  g_string_append_printf (s, "%s{\"level\":%d,", l ? "," : "", l);
                  append_text (s, "text", "What the assessor would see in the country at this stage, in one or "
                                          "two full sentences, so that the choice between levels is clear",
                               "Ce que l'évaluateur constaterait dans le pays à ce stade, en une ou deux phrases "
                               "complètes, pour que le choix entre niveaux soit clair", (guint) l);
                  g_string_append (s, "}");
                }
              g_string_append (s, "]");
            }
          else if (strcmp (kind, "choice") == 0 || strcmp (kind, "checklist") == 0)
            {
              gboolean choice = strcmp (kind, "choice") == 0;
              g_string_append (s, ",\"options\":[");
              for (int o = 0; o < 5; o++)
                {
                  g_string_append_printf (s, "%s{\"id\":\"o%d\",", o ? "," : "", o);
                  append_text (s, "text", "An option as the shipped instruments word it", "Une option", (guint) o);
                  if (choice)
                    g_string_append_printf (s, ",\"score\":%g", o / 4.0);
                  g_string_append (s, "}");
                }
              g_string_append (s, "]");
            }
          g_string_append (s, "}");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static char *
value_for (const CirtQuestion *q,
           guint               n)
{
  switch (q->kind)
    {
    case CIRT_KIND_LEVEL:
      return g_strdup_printf ("%u", n % 5);
    case CIRT_KIND_YESNO:
      return g_strdup ((const char *[]) { "yes", "partial", "no" }[n % 3]);
    case CIRT_KIND_CHOICE:
      return g_strdup_printf ("o%u", n % 5);
    case CIRT_KIND_CHECKLIST:
      return g_strdup ("o0,o2");
    case CIRT_KIND_NUMBER:
      return g_strdup_printf ("%u", 10 + n);
    case CIRT_KIND_DATE:
      return g_strdup ("2025-11-03");
    case CIRT_KIND_TEXT:
    case CIRT_N_KINDS:
    default:
      return g_strdup ("Three teams: a sector CERT for banks, the police unit and the operators' SOCs.");
    }
}

/* The @i-th country with a region, round the table. */
static const CirtCountry *
member_country (guint i)
{
  static GPtrArray *members;

  if (members == NULL)
    {
      members = g_ptr_array_new ();
      for (guint k = 0; k < cirt_country_get_n (); k++)
        if (cirt_country_get_nth (k)->region != NULL)
          g_ptr_array_add (members, (gpointer) cirt_country_get_nth (k));
    }
  return g_ptr_array_index (members, i % members->len);
}

char *
cirt_bench_populate (CirtStore *store,
                     guint      n_assessments,
                     guint      n_questions)
{
  g_autofree char *json = cirt_bench_instrument_json (n_questions);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_data (json, -1, "bench", &error);
  g_autoptr(GPtrArray) instruments = g_ptr_array_new ();
  char *first = NULL;

  if (inst == NULL)
    g_error ("bench instrument: %s", error->message);
  g_ptr_array_add (instruments, inst);
  if (!cirt_store_transaction_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n_assessments; i++)
    {
      g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
      g_autofree char *id = NULL;

      info->title = g_strdup_printf ("Readiness mission %u", i + 1);
      /* The 194 countries that have an ITU region, in turn: a thousand
       * missions, five or six to a country, in every region. */
      {
        const CirtCountry *c = member_country (i);
        info->country = g_strdup (c->name);
        info->country_code = g_strdup (c->code);
        info->region = g_strdup (c->region);
        info->phase = g_strdup (cirt_mission_phases ()[i % 4]);
      }
      info->organisation = g_strdup_printf ("Ministry of ICT %u", i % 17);
      info->lead_assessor = g_strdup ("A. Assessor");
      info->assessors = g_strdup ("A. Assessor, B. Assessor");
      info->started_on = g_strdup_printf ("20%02u-%02u-%02u", 10 + i % 16, 1 + i % 12, 1 + i % 28);
      info->created_at = g_strdup_printf ("2026-01-01T%02u:%02u:%02u.000Z", (i / 3600) % 24, (i / 60) % 60, i % 60);
      id = cirt_store_create_assessment (store, info, instruments, &error);
      if (id == NULL)
        g_error ("%s", error->message);
      for (guint s = 0, n = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++, n++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              g_autoptr(CirtAnswer) a = cirt_answer_new (qu->id);

              a->value = value_for (qu, n + i);
              if ((n + i) % 3 == 0)
                a->notes = g_strdup ("The ministry confirmed the point in the interview; the decree is expected "
                                     "by the end of the quarter. Evidence seen: draft procedure, version 0.3.");
              a->author = g_strdup (n % 2 ? "A. Assessor" : "B. Assessor");
              if (!cirt_store_save_answer (store, id, a, &error))
                g_error ("%s: %s", qu->id, error->message);
            }
        }
      for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
        if (!cirt_store_set_target (store, id, p, 3 + (p + i) % 2, &error))
          g_error ("%s", error->message);
      for (guint k = 0; k < 10; k++)
        {
          g_autoptr(CirtStakeholder) st = cirt_stakeholder_new ();
          st->name = g_strdup_printf ("Stakeholder %u", k + 1);
          st->organisation = g_strdup ("National Telecommunications Regulatory Authority");
          st->sector = g_strdup ("Government");
          st->met_on = g_strdup ("2026-03-03");
          if (cirt_store_add_stakeholder (store, id, st, &error) == 0)
            g_error ("%s", error->message);
        }
      if (first == NULL)
        first = g_steal_pointer (&id);
    }
  if (!cirt_store_transaction_commit (store, &error))
    g_error ("%s", error->message);
  return first;
}

char *
cirt_bench_copy_db (guint       n_assessments,
                    guint       n_questions,
                    const char *name,
                    char      **first_id)
{
  g_autofree char *cache_dir = g_build_filename (g_get_current_dir (), "bench-cache", NULL);
  g_autofree char *base = g_strdup_printf ("mission-%ux%u-schema%d", n_assessments, n_questions,
                                           CIRT_STORE_SCHEMA_VERSION);
  g_autofree char *cached = g_build_filename (cache_dir, base, NULL);
  g_autofree char *cached_db = g_strconcat (cached, ".db", NULL);
  g_autofree char *cached_id = g_strconcat (cached, ".id", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *copy = cirt_bench_path (name);
  gsize len = 0;

  if (!g_file_test (cached_db, G_FILE_TEST_EXISTS) || !g_file_test (cached_id, G_FILE_TEST_EXISTS))
    {
      g_autofree char *tmp = g_strconcat (cached, ".tmp", NULL);
      g_autoptr(CirtStore) store = NULL;
      g_autofree char *id = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_mkdir_with_parents (cache_dir, 0700);
      g_unlink (tmp);
      store = cirt_store_open (tmp, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      id = cirt_bench_populate (store, n_assessments, n_questions);
      g_clear_object (&store);
      if (!g_file_set_contents (cached_id, id, -1, &error) || g_rename (tmp, cached_db) != 0)
        g_error ("cannot keep the generated database in %s", cache_dir);
      printf ("(generated %u assessments × %u answers in %.1f s, kept in %s)\n", n_assessments, n_questions,
              (g_get_monotonic_time () - t0) / 1e6, cached_db);
    }
  if (!g_file_get_contents (cached_db, &contents, &len, &error) ||
      !g_file_set_contents_full (copy, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("cannot copy %s: %s", cached_db, error->message);
  g_clear_pointer (&contents, g_free);
  if (first_id != NULL && !g_file_get_contents (cached_id, first_id, NULL, &error))
    g_error ("%s", error->message);
  return copy;
}

char *
cirt_bench_path (const char *name)
{
  if (root == NULL)
    {
      /* The build folder (the working directory of meson benchmark): the
       * same disk as the code being measured, never a tmpfs. */
      g_autoptr(GError) error = NULL;
      g_autofree char *tmpl = g_build_filename (g_get_current_dir (), "bench-XXXXXX", NULL);
      root = g_mkdtemp (g_steal_pointer (&tmpl));
      if (root == NULL)
        g_error ("cannot make a folder for the benchmark");
      g_setenv ("HOME", root, TRUE);
      g_setenv ("XDG_DATA_HOME", root, TRUE);
      g_setenv ("XDG_CONFIG_HOME", root, TRUE);
      g_setenv ("XDG_CACHE_HOME", root, TRUE);
    }
  return g_build_filename (root, name, NULL);
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

void
cirt_bench_cleanup (void)
{
  if (root != NULL && g_getenv ("CIRT_KEEP_BENCH") == NULL)
    remove_tree (root);
  g_clear_pointer (&root, g_free);
}

double
cirt_bench_run (const char * const *argv,
                gboolean            may_fail)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (!may_fail && !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err ? err : "");
  return (g_get_monotonic_time () - t0) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
cirt_bench_median (GArray *seconds)
{
  g_autoptr(GArray) sorted = g_array_copy (seconds);

  g_assert (sorted->len > 0);
  g_array_sort (sorted, compare_doubles);
  if (sorted->len % 2)
    return g_array_index (sorted, double, sorted->len / 2);
  return (g_array_index (sorted, double, sorted->len / 2 - 1) + g_array_index (sorted, double, sorted->len / 2)) / 2;
}

static const char *
human (double seconds,
       char  *buf,
       gsize  size)
{
  if (seconds < 1e-3)
    g_snprintf (buf, size, "%.1f µs", seconds * 1e6);
  else if (seconds < 1)
    g_snprintf (buf, size, "%.2f ms", seconds * 1e3);
  else
    g_snprintf (buf, size, "%.3f s", seconds);
  return buf;
}

gboolean
cirt_bench_report_ratio (const char *name,
                         GArray     *subject,
                         GArray     *floor,
                         double      goal)
{
  double s = cirt_bench_median (subject), f = cirt_bench_median (floor);
  double ratio = s / f;
  char a[32], b[32];
  gboolean ok = ratio <= goal;

  if (goal >= G_MAXDOUBLE)
    printf ("%-52s %10s  floor %10s  ratio %5.2f  (%u pairs)\n", name,
            human (s, a, sizeof a), human (f, b, sizeof b), ratio, subject->len);
  else
    printf ("%-52s %10s  floor %10s  ratio %5.2f  (goal ≤ %.1f, %u pairs)  %s\n", name,
            human (s, a, sizeof a), human (f, b, sizeof b), ratio, goal, subject->len, ok ? "ok" : "MISSED");
  fflush (stdout);
  return ok;
}

gboolean
cirt_bench_report_time (const char *name,
                        GArray     *seconds,
                        double      goal)
{
  double s = cirt_bench_median (seconds);
  char a[32], b[32];
  gboolean ok = goal <= 0 || s <= goal;

  if (goal > 0)
    printf ("%-52s %10s  (goal ≤ %s, median of %u)  %s\n", name, human (s, a, sizeof a), human (goal, b, sizeof b),
            seconds->len, ok ? "ok" : "MISSED");
  else
    printf ("%-52s %10s  (median of %u)\n", name, human (s, a, sizeof a), seconds->len);
  fflush (stdout);
  return ok;
}

const char *
cirt_bench_getenv (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    {
      fprintf (stderr, "%s is not set: run the benchmarks with meson test --benchmark\n", name);
      exit (EXIT_FAILURE);
    }
  return value;
}
