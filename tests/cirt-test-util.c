/* cirt-test-util.c — shared helpers of the Check suites
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmp_root;

const char *
cirt_test_setup_env (void)
{
  if (tmp_root == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL, *config = NULL, *cache = NULL, *runtime = NULL;

      tmp_root = g_dir_make_tmp ("cirt-test-XXXXXX", &error);
      g_assert_no_error (error);
      data = g_build_filename (tmp_root, "data", NULL);
      config = g_build_filename (tmp_root, "config", NULL);
      cache = g_build_filename (tmp_root, "cache", NULL);
      runtime = g_build_filename (tmp_root, "runtime", NULL);
      g_mkdir_with_parents (data, 0700);
      g_mkdir_with_parents (config, 0700);
      g_mkdir_with_parents (cache, 0700);
      g_mkdir_with_parents (runtime, 0700);
      g_setenv ("HOME", tmp_root, TRUE);
      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
      g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
    }
  return tmp_root;
}

char *
cirt_test_tmp_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%d-%s", ++counter, (int) getpid (), name);
  return g_build_filename (cirt_test_setup_env (), unique, NULL);
}

char *
cirt_test_fixture (const char *name)
{
  const char *dir = g_getenv ("CIRT_FIXTURES");
  ck_assert_msg (dir != NULL, "CIRT_FIXTURES is not set (run the tests through meson test)");
  return g_build_filename (dir, name, NULL);
}

CirtInstrument *
cirt_test_load_fixture (const char *name)
{
  g_autofree char *path = cirt_test_fixture (name);
  g_autoptr(GError) error = NULL;
  CirtInstrument *inst = cirt_instrument_new_from_file (path, &error);
  ck_assert_msg (inst != NULL, "fixture %s: %s", name, error ? error->message : "?");
  return inst;
}

char *
cirt_test_write_tmp (const char *name,
                     const char *contents)
{
  char *path = cirt_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  ck_assert_msg (g_file_set_contents (path, contents, -1, &error), "%s", error ? error->message : "");
  return path;
}

char *
cirt_test_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

int
cirt_test_run_cli_argv (const char * const *argv,
                        char               **out,
                        char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CIRT_CLI");
  int status = 0;

  ck_assert_msg (cli != NULL, "CIRT_CLI is not set");
  /* What an earlier run left in @out and @err is replaced. */
  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error),
                 "cannot run %s: %s", cli, error ? error->message : "");
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + (WIFSIGNALED (status) ? WTERMSIG (status) : 0);
}

int
cirt_test_run_cli (char      **out,
                   char      **err,
                   const char *first,
                   ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *a;

  va_start (args, first);
  for (a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return cirt_test_run_cli_argv ((const char * const *) argv->pdata, out, err);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

int
cirt_test_run_suite (Suite *suite)
{
  SRunner *sr = srunner_create (suite);
  int failed;

  cirt_test_setup_env ();
  srunner_run_all (sr, CK_ENV);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  if (tmp_root != NULL && g_getenv ("CIRT_KEEP_TMP") == NULL)
    remove_tree (tmp_root);
  g_clear_pointer (&tmp_root, g_free);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* The people of the sample: its assessors, stakeholders and answer authors. */
GPtrArray *
cirt_test_sample_names (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "data", "sample",
                                            "republic-of-example.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root, *a;
  JsonArray *list;

  ck_assert (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  a = json_object_get_object_member (root, "assessment");
  g_ptr_array_add (names, g_strdup (json_object_get_string_member (a, "lead_assessor")));
  {
    g_auto(GStrv) assessors = g_strsplit (json_object_get_string_member (a, "assessors"), ",", -1);
    for (guint i = 0; assessors[i]; i++)
      g_ptr_array_add (names, g_strstrip (g_strdup (assessors[i])));
  }
  list = json_object_get_array_member (root, "stakeholders");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_ptr_array_add (names, g_strdup (json_object_get_string_member (json_array_get_object_element (list, i), "name")));
  ck_assert_uint_ge (names->len, 12);
  return names;
}

/* Each name, and each word of it (first names, surnames), is absent. */
void
cirt_test_assert_no_names (const char *what,
                           const char *text,
                           GPtrArray  *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_auto(GStrv) words = g_strsplit (name, " ", -1);

      ck_assert_msg (strstr (text, name) == NULL, "%s names %s", what, name);
      for (guint w = 0; words[w]; w++)
        ck_assert_msg (strstr (text, words[w]) == NULL, "%s still has \"%s\" (of %s)", what, words[w], name);
    }
}

GStrv
cirt_test_pdf_pages (const char *pdf,
                     guint      *n_pages)
{
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *info = NULL, *text = NULL, *err = NULL;
  const char *p;
  GStrv pages;
  guint n;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, &err, &status,
                               NULL) && g_spawn_check_wait_status (status, NULL), "pdfinfo %s: %s", pdf, err);
  p = strstr (info, "\nPages:");
  ck_assert_msg (p != NULL, "pdfinfo: no page count:\n%s", info);
  *n_pages = (guint) g_ascii_strtoull (p + strlen ("\nPages:") + strspn (p + strlen ("\nPages:"), " "), NULL, 10);
  g_clear_pointer (&err, g_free);
  ck_assert_msg (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &err, &status,
                               NULL) && g_spawn_check_wait_status (status, NULL), "pdftotext %s: %s", pdf, err);
  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  /* A form feed ends every page, so the last piece is empty. */
  ck_assert_msg (n == *n_pages + 1 && *pages[n - 1] == '\0', "pdftotext gave %u pages, pdfinfo %u", n - 1, *n_pages);
  return pages;
}

int
cirt_test_run (const char * const *argv,
               char              **out,
               char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* What an earlier run left in @out and @err is replaced. */
  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error))
    {
      if (err)
        *err = g_strdup (error->message);
      return -1;
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

/* ------------------------------------------------------------------------ */
/* The comparison fixture                                                    */

static void
save_fixture_answer (CirtStore  *store,
                     const char *id,
                     const char *question,
                     const char *value,
                     gboolean    not_applicable,
                     const char *notes,
                     gboolean    internal)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->not_applicable = not_applicable;
  a->notes = g_strdup (notes);
  a->notes_internal = internal;
  a->author = g_strdup ("Amina Diallo");
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s: %s", question, error ? error->message : "");
}

static char *
make_compare_assessment (CirtStore  *store,
                         const char *fixture,
                         const char *title,
                         const char *country,
                         const char *started_on,
                         const char *baseline)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  char *id;

  g_ptr_array_add (instruments, cirt_test_load_fixture (fixture));
  info->title = g_strdup (title);
  info->country = g_strdup (country);
  info->organisation = g_strdup ("Ministry of Digital Affairs");
  info->lead_assessor = g_strdup ("Amina Diallo");
  info->assessors = g_strdup ("Amina Diallo, Jonas Berg");
  info->started_on = g_strdup (started_on);
  info->baseline = g_strdup (baseline);
  id = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (id != NULL, "%s: %s", title, error ? error->message : "");
  return id;
}

char *
cirt_test_make_follow_up (CirtStore   *store,
                          const char  *country,
                          char       **baseline_id)
{
  g_autofree char *base = NULL;
  char *follow;

  base = make_compare_assessment (store, "compare/compare-v1.json", "Readiness 2024", "Republic of Example",
                                  "2024-03-04", NULL);
  save_fixture_answer (store, base, "C-LAW-1", "1", FALSE, "A draft decree only.", FALSE);
  save_fixture_answer (store, base, "C-LAW-2", "no", FALSE, NULL, FALSE);
  save_fixture_answer (store, base, "C-LAW-3", "partial", FALSE, NULL, FALSE);
  save_fixture_answer (store, base, "C-LAW-4", "no", FALSE, NULL, FALSE);
  save_fixture_answer (store, base, "C-OPS-1", "2", FALSE, NULL, FALSE);
  save_fixture_answer (store, base, "C-OPS-2", "full", FALSE, NULL, FALSE);
  save_fixture_answer (store, base, "C-OPS-4", "Two analysts on loan", FALSE, NULL, FALSE);

  follow = make_compare_assessment (store, "compare/compare-v2.json", "Readiness 2026",
                                    country ? country : "Republic of Example", "2026-03-02", base);
  save_fixture_answer (store, follow, "C-LAW-1", "3", FALSE, "Mandate adopted by decree in 2025, says Amina Diallo.",
                       FALSE);
  save_fixture_answer (store, follow, "C-LAW-2", "yes", FALSE, "Internal: the minister hesitated until May.", TRUE);
  save_fixture_answer (store, follow, "C-LAW-4", NULL, TRUE, "Handled by the regulator, not a separate authority.",
                       FALSE);
  save_fixture_answer (store, follow, "C-OPS-1", "2", FALSE, NULL, FALSE);
  save_fixture_answer (store, follow, "C-OPS-2", "part", FALSE, "Two of the four posts are vacant.", FALSE);
  save_fixture_answer (store, follow, "C-OPS-3", "alerts", FALSE, NULL, FALSE);
  save_fixture_answer (store, follow, "C-OPS-5", "yes", FALSE, NULL, FALSE);
  if (baseline_id != NULL)
    *baseline_id = g_steal_pointer (&base);
  return follow;
}
