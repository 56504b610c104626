/* test-shipped.c — the instruments and the sample that ship with CIRT Assess
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cirt-references.h"
#include "cirt-sample.h"
#include "cirt-test-util.h"

static const char *shipped[] = { "itu-cirt-readiness", "gca-pillars", "sim3-maturity" };

static CirtInstrument *
load_shipped (const char *id)
{
  g_autofree char *path = g_strdup_printf ("%s/data/instruments/%s.json", g_getenv ("CIRT_SOURCE_ROOT"), id);
  g_autoptr(GError) error = NULL;
  CirtInstrument *inst = cirt_instrument_new_from_file (path, &error);

  ck_assert_msg (inst != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (cirt_instrument_get_id (inst), id);
  return inst;
}

static const char *six[] = { "ar", "en", "es", "fr", "ru", "zh" };

START_TEST (test_loads_without_warning)
{
  g_autoptr(CirtInstrument) inst = load_shipped (shipped[_i]);
  GPtrArray *w = cirt_instrument_get_warnings (inst);
  const char * const *langs = cirt_instrument_get_languages (inst);

  ck_assert_msg (w->len == 0, "%u warnings, first: %s", w->len, w->len ? (char *) g_ptr_array_index (w, 0) : "");
  /* The six UN languages; the loader warns about every string a declared
   * language lacks, so no warning means every string is there in each. */
  for (guint l = 0; l < G_N_ELEMENTS (six); l++)
    {
      ck_assert_msg (g_strv_contains (langs, six[l]), "%s does not declare %s", shipped[_i], six[l]);
      ck_assert_msg (strcmp (six[l], "en") == 0 ||
                     g_strcmp0 (cirt_instrument_get_title (inst, six[l]), cirt_instrument_get_title (inst, "en")) != 0,
                     "%s: no title in %s", shipped[_i], six[l]);
    }
}
END_TEST

START_TEST (test_scored_questions_complete)
{
  g_autoptr(CirtInstrument) inst = load_shipped (shipped[_i]);

  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          if (!cirt_kind_is_scored (qu->kind))
            continue;
          for (guint l = 0; l < G_N_ELEMENTS (six); l++)
            {
              ck_assert_msg (cirt_text_has (qu->text, six[l]), "%s has no text in %s", qu->id, six[l]);
              ck_assert_msg (cirt_text_has (qu->guidance, six[l]), "%s has no guidance in %s", qu->id, six[l]);
              ck_assert_msg (cirt_text_has (qu->recommendation, six[l]), "%s has no recommendation in %s", qu->id,
                             six[l]);
            }
          ck_assert_msg (qu->weight > 0, "%s has weight 0", qu->id);
        }
    }
}
END_TEST

START_TEST (test_ids_unique_across_instruments)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(CirtInstrument) inst = load_shipped (shipped[i]);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              ck_assert_msg (!g_hash_table_contains (seen, qu->id), "%s in %s and %s", qu->id, shipped[i],
                             (char *) g_hash_table_lookup (seen, qu->id));
              g_hash_table_insert (seen, g_strdup (qu->id), g_strdup (shipped[i]));
            }
        }
    }
  ck_assert_uint_gt (g_hash_table_size (seen), 160);
}
END_TEST

START_TEST (test_pillars_covered)
{
  guint sections[CIRT_N_PILLARS] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(CirtInstrument) inst = load_shipped (shipped[i]);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        sections[cirt_instrument_get_section (inst, s)->pillar]++;
    }
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    ck_assert_msg (sections[p] >= 2, "pillar %s has %u sections", cirt_pillar_to_string (p), sections[p]);
}
END_TEST

static guint
count_kind (CirtInstrument  *inst,
            CirtQuestionKind kind,
            guint           *critical)
{
  guint n = 0;
  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          n += qu->kind == kind;
          if (critical)
            *critical += qu->critical && qu->kind == kind;
        }
    }
  return n;
}

START_TEST (test_counts)
{
  g_autoptr(CirtInstrument) itu = load_shipped ("itu-cirt-readiness");
  g_autoptr(CirtInstrument) gca = load_shipped ("gca-pillars");
  g_autoptr(CirtInstrument) sim3 = load_shipped ("sim3-maturity");
  guint critical = 0;
  guint levels = count_kind (itu, CIRT_KIND_LEVEL, &critical);
  guint unscored = cirt_instrument_get_n_questions (itu) - cirt_instrument_get_n_scored (itu);

  /* ITU readiness: ≥ 80 scored, mostly level questions, context questions, 13 sections. */
  ck_assert_uint_ge (cirt_instrument_get_n_scored (itu), 80);
  ck_assert_uint_gt (levels, cirt_instrument_get_n_scored (itu) / 2);
  ck_assert_uint_ge (count_kind (itu, CIRT_KIND_CHECKLIST, NULL), 2);
  ck_assert_uint_ge (unscored, 5);
  ck_assert_uint_ge (cirt_instrument_get_n_sections (itu), 13);
  count_kind (itu, CIRT_KIND_YESNO, &critical);
  count_kind (itu, CIRT_KIND_CHOICE, &critical);
  ck_assert_uint_ge (critical, 3);
  /* GCA: ≥ 40, mostly yes/partial/no. */
  ck_assert_uint_ge (cirt_instrument_get_n_questions (gca), 40);
  ck_assert_uint_gt (count_kind (gca, CIRT_KIND_YESNO, NULL), cirt_instrument_get_n_questions (gca) / 2);
  /* SIM3: the 44 parameters of v1, all on the 0–4 scale. */
  ck_assert_uint_eq (cirt_instrument_get_n_questions (sim3), 44);
  ck_assert_uint_eq (count_kind (sim3, CIRT_KIND_LEVEL, NULL), 44);
  ck_assert_ptr_nonnull (cirt_instrument_lookup_question (sim3, "SIM3-O-1"));
  ck_assert (cirt_instrument_lookup_question (sim3, "SIM3-O-1")->critical);
}
END_TEST

START_TEST (test_sample_loads)
{
  g_autofree char *db = cirt_test_tmp_path ("sample.db");
  g_autofree char *path = g_strdup_printf ("%s/data/sample/republic-of-example.json", g_getenv ("CIRT_SOURCE_ROOT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autofree char *id = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  GHashTableIter iter;
  CirtAnswer *a;
  guint na = 0, notes_only = 0, scored = 0, answered_scored = 0;
  int targets[CIRT_N_PILLARS];

  ck_assert_ptr_nonnull (store);
  id = cirt_sample_load (store, path, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  info = cirt_store_get_assessment (store, id, &error);
  ck_assert_ptr_nonnull (strstr (info->country, "Example"));
  stakeholders = cirt_store_list_stakeholders (store, id, &error);
  ck_assert_uint_ge (stakeholders->len, 8);
  ck_assert (cirt_store_get_targets (store, id, targets, &error));
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    ck_assert_int_gt (targets[p], 0);

  instruments = cirt_store_get_instruments (store, id, &error);
  for (guint i = 0; i < instruments->len; i++)
    scored += cirt_instrument_get_n_scored (g_ptr_array_index (instruments, i));
  answers = cirt_store_get_answers (store, id, &error);
  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &a))
    {
      const CirtQuestion *q = cirt_store_lookup_question (store, id, a->question, NULL);
      ck_assert_ptr_nonnull (q);
      na += a->not_applicable;
      notes_only += !cirt_answer_is_answered (a) && a->notes != NULL;
      answered_scored += cirt_kind_is_scored (q->kind) && cirt_answer_is_answered (a);
    }
  ck_assert_uint_ge (na, 3);
  ck_assert_uint_ge (notes_only, 2);
  /* About 70 % answered: a mission in progress. */
  ck_assert_msg (answered_scored * 100 >= scored * 60 && answered_scored * 100 <= scored * 80,
                 "%u of %u scored questions answered", answered_scored, scored);
}
END_TEST

static CirtReferences *
load_registry (void)
{
  g_autofree char *path = g_strdup_printf ("%s/data/references.json", g_getenv ("CIRT_SOURCE_ROOT"));
  g_autoptr(GError) error = NULL;
  CirtReferences *refs = cirt_references_new_from_file (path, &error);

  ck_assert_msg (refs != NULL, "%s", error ? error->message : "");
  return refs;
}

/* Every reference the shipped instruments cite is in the registry, written
 * "framework edition · item"; every registry entry is cited, and says where
 * it can be read, and an unverified one says why. */
START_TEST (test_references_resolve)
{
  g_autoptr(CirtReferences) refs = load_registry ();
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_refs = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(CirtInstrument) inst = load_shipped (shipped[i]);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

      ck_assert_uint_eq (cirt_references_check (refs, inst, warnings), 0);
      ck_assert_msg (warnings->len == 0, "%s", warnings->len ? (char *) g_ptr_array_index (warnings, 0) : "");
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              for (guint r = 0; qu->refs && qu->refs[r]; r++)
                {
                  const CirtReference *ref = cirt_references_lookup (refs, qu->refs[r]);
                  ck_assert_ptr_nonnull (ref);
                  ck_assert_msg (strstr (qu->refs[r], " · ") != NULL, "%s: %s", qu->id, qu->refs[r]);
                  ck_assert_msg (g_str_has_suffix (qu->refs[r], ref->item), "%s: %s", qu->id, qu->refs[r]);
                  /* "SA n" is FIRST's short name for Situational Awareness, not a service area number. */
                  ck_assert_msg (strstr (qu->refs[r], "FIRST SA") == NULL, "%s: %s", qu->id, qu->refs[r]);
                  g_hash_table_add (cited, (gpointer) ref->id);
                  n_refs++;
                }
            }
        }
    }
  ck_assert_uint_ge (n_refs, 300);
  for (guint i = 0; i < cirt_references_get_n (refs); i++)
    {
      const CirtReference *ref = cirt_references_get (refs, i);
      ck_assert_msg (g_hash_table_contains (cited, ref->id), "%s is never cited", ref->id);
      ck_assert_msg (g_str_has_prefix (ref->url, "https://") || g_str_has_prefix (ref->url, "http://"), "%s", ref->id);
      ck_assert_msg (ref->verified || (ref->note && *ref->note), "%s is unverified and says not why", ref->id);
    }
}
END_TEST

/* FIRST CSIRT Services Framework v2.1: the vulnerability management service
 * options of SRV-01 and SRV-02 are FIRST's six services. */
START_TEST (test_first_vulnerability_services)
{
  g_autoptr(CirtInstrument) itu = load_shipped ("itu-cirt-readiness");
  const char *ids[] = { "vm_discovery", "vm_intake", "vm_analysis", "vm_coordination", "vm_disclosure", "vm_response" };
  const char *qs[] = { "SRV-01", "SRV-02" };

  for (guint q = 0; q < G_N_ELEMENTS (qs); q++)
    {
      const CirtQuestion *qu = cirt_instrument_lookup_question (itu, qs[q]);
      guint vm = 0;
      ck_assert_ptr_nonnull (qu);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        ck_assert_msg (cirt_question_lookup_option (qu, ids[i]) != NULL, "%s lacks %s", qs[q], ids[i]);
      for (guint o = 0; o < qu->options->len; o++)
        vm += g_str_has_prefix (((CirtOption *) g_ptr_array_index (qu->options, o))->id, "vm_");
      ck_assert_uint_eq (vm, 6);
    }
}
END_TEST

/* SIM3 level 3 is "explicit, formalised on authority of the CSIRT head or
 * above": no level-3 descriptor of these parameters asks more than that. */
START_TEST (test_sim3_level3_head_or_above)
{
  g_autoptr(CirtInstrument) sim3 = load_shipped ("sim3-maturity");
  const char *ids[] = { "SIM3-O-1", "SIM3-O-4", "SIM3-P-1" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const CirtQuestion *qu = cirt_instrument_lookup_question (sim3, ids[i]);
      CirtText *l3 = qu->level_text[3];
      ck_assert_ptr_nonnull (strstr (cirt_text_get (l3, "en"), "on the authority of the team's head or above"));
      ck_assert_ptr_null (strstr (cirt_text_get (l3, "en"), "parent authority"));
      ck_assert_ptr_nonnull (strstr (cirt_text_get (l3, "fr"), "sous l’autorité du responsable de l’équipe ou d’un niveau supérieur"));
    }
}
END_TEST

/* The readiness topics of the second edition (issue #10): type of team and
 * operating model, the CIRT's role in CIIP and CIIP maturity, OT in energy,
 * water and transport, the CIRT's own continuity, and hosting. Each has
 * every field in every declared language, a phase, refs and whom to ask. */
START_TEST (test_readiness_topics)
{
  g_autoptr(CirtInstrument) itu = load_shipped ("itu-cirt-readiness");
  const char *ids[] = { "MAN-09", "CON-07", "CON-08", "CAP-08", "INF-09", "INF-10" };
  const char * const *langs = cirt_instrument_get_languages (itu);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const CirtQuestion *qu = cirt_instrument_lookup_question (itu, ids[i]);
      ck_assert_msg (qu != NULL, "%s is missing", ids[i]);
      ck_assert_int_eq (qu->kind, CIRT_KIND_LEVEL);
      ck_assert_int_ne (qu->phase, CIRT_PHASE_NONE);
      ck_assert_msg (qu->refs && qu->refs[0], "%s has no refs", ids[i]);
      ck_assert_msg (qu->ask && qu->ask[0], "%s says not whom to ask", ids[i]);
      for (guint l = 0; langs[l]; l++)
        {
          ck_assert_msg (cirt_text_has (qu->text, langs[l]), "%s text %s", ids[i], langs[l]);
          ck_assert_msg (cirt_text_has (qu->guidance, langs[l]), "%s guidance %s", ids[i], langs[l]);
          ck_assert_msg (cirt_text_has (qu->recommendation, langs[l]), "%s recommendation %s", ids[i], langs[l]);
          for (guint v = 0; v < CIRT_N_QUESTION_LEVELS; v++)
            ck_assert_msg (cirt_text_has (qu->level_text[v], langs[l]), "%s level %u %s", ids[i], v, langs[l]);
        }
    }
}
END_TEST

/* Level descriptors: five different situations in every language, and French
 * with a no-break space (U+00A0) before : ; ? ! and never U+202F. */
/* Every question says whom to ask: at least one group, each from the fixed
 * list, none twice (the loader refuses unknown and repeated groups too; this
 * checks the shipped data does not rely on that). */
START_TEST (test_every_question_asks)
{
  g_autoptr(CirtInstrument) inst = load_shipped (shipped[_i]);
  const char * const *groups = cirt_stakeholder_groups ();
  guint n = 0;

  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          guint len = qu->ask ? g_strv_length (qu->ask) : 0;

          ck_assert_msg (len > 0, "%s: %s says nobody to ask", shipped[_i], qu->id);
          for (guint g = 0; g < len; g++)
            {
              ck_assert_msg (g_strv_contains (groups, qu->ask[g]), "%s: unknown group %s", qu->id, qu->ask[g]);
              for (guint h = 0; h < g; h++)
                ck_assert_msg (strcmp (qu->ask[g], qu->ask[h]) != 0, "%s: %s twice", qu->id, qu->ask[g]);
            }
          n++;
        }
    }
  ck_assert_uint_gt (n, 0);
}
END_TEST

START_TEST (test_level_descriptors)
{
  g_autoptr(CirtInstrument) inst = load_shipped (shipped[_i]);
  const char * const *langs = cirt_instrument_get_languages (inst);

  for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
    {
      const CirtSection *sec = cirt_instrument_get_section (inst, s);
      for (guint q = 0; q < sec->questions->len; q++)
        {
          const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
          if (qu->kind != CIRT_KIND_LEVEL)
            continue;
          for (guint l = 0; langs[l]; l++)
            for (guint a = 0; a < CIRT_N_QUESTION_LEVELS; a++)
              {
                const char *ta = cirt_text_get (qu->level_text[a], langs[l]);
                for (guint b = a + 1; b < CIRT_N_QUESTION_LEVELS; b++)
                  ck_assert_msg (g_strcmp0 (ta, cirt_text_get (qu->level_text[b], langs[l])) != 0,
                                 "%s: levels %u and %u say the same in %s", qu->id, a, b, langs[l]);
                if (g_str_equal (langs[l], "fr"))
                  {
                    ck_assert_msg (strstr (ta, "\u202f") == NULL, "%s level %u: U+202F", qu->id, a);
                    ck_assert_msg (strstr (ta, " :") == NULL && strstr (ta, " ;") == NULL
                                   && strstr (ta, " ?") == NULL && strstr (ta, " !") == NULL,
                                   "%s level %u: plain space before punctuation: %s", qu->id, a, ta);
                  }
              }
        }
    }
}
END_TEST

static Suite *
shipped_suite (void)
{
  Suite *s = suite_create ("shipped");
  TCase *tc = tcase_create ("instruments");

  tcase_add_loop_test (tc, test_loads_without_warning, 0, G_N_ELEMENTS (shipped));
  tcase_add_loop_test (tc, test_scored_questions_complete, 0, G_N_ELEMENTS (shipped));
  tcase_add_test (tc, test_ids_unique_across_instruments);
  tcase_add_test (tc, test_pillars_covered);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_references_resolve);
  tcase_add_test (tc, test_first_vulnerability_services);
  tcase_add_test (tc, test_sim3_level3_head_or_above);
  tcase_add_test (tc, test_readiness_topics);
  tcase_add_loop_test (tc, test_level_descriptors, 0, G_N_ELEMENTS (shipped));
  tcase_add_loop_test (tc, test_every_question_asks, 0, G_N_ELEMENTS (shipped));
  suite_add_tcase (s, tc);

  tc = tcase_create ("sample");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_sample_loads);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (shipped_suite ());
}
