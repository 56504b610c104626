/* fuzz-database.c — libFuzzer target: opening any bytes as a database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store either opens the file (and then lists, reads and checks what it
 * holds without crashing) or refuses it; a refused file is left byte for
 * byte as it was. Seeds: tests/fuzz/corpus/database (small databases of
 * every schema version and a few broken ones). */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cirt-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;

static void
remove_files (const char *db)
{
  static const char * const ext[] = { "", "-wal", "-shm", "-journal", ".bak" };

  for (guint i = 0; i < G_N_ELEMENTS (ext); i++)
    {
      g_autofree char *p = g_strconcat (db, ext[i], NULL);
      g_unlink (p);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *db = NULL;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("cirt-fuzz-db-XXXXXX", &error);
      g_assert_no_error (error);
    }
  db = g_build_filename (dir, "input.db", NULL);
  remove_files (db);
  g_assert (g_file_set_contents (db, (const char *) data, (gssize) size, NULL));

  store = cirt_store_open (db, &error);
  if (store == NULL)
    {
      g_autofree char *after = NULL;
      gsize len = 0;

      g_assert (error != NULL);
      /* Refused: untouched. */
      g_assert (g_file_get_contents (db, &after, &len, NULL));
      g_assert_cmpmem (after, len, data, size);
    }
  else
    {
      g_autoptr(GPtrArray) list = cirt_store_list_assessments (store, NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; list != NULL && i < list->len && i < 8; i++)
        {
          CirtAssessmentInfo *info = g_ptr_array_index (list, i);
          g_autoptr(GHashTable) answers = cirt_store_get_answers (store, info->id, NULL);
          g_autoptr(GPtrArray) insts = cirt_store_get_instruments (store, info->id, NULL);

          (void) answers;
          (void) insts;
        }
      cirt_store_check (store, problems, NULL);
    }
  g_clear_object (&store);
  remove_files (db);
  return 0;
}
