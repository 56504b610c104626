/* fuzz-exchange.c — libFuzzer target: importing any bytes as an exchange file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Into a database that holds the assessment of the seed files (so merges are
 * reached, not only creations). An import either reports what it took or
 * refuses with an error; a refused import leaves the database as it was
 * (checked with the answer count). Seeds: tests/fuzz/corpus/exchange. */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "cirt-exchange.h"
#include "cirt-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static CirtStore *store;
static char *dir;
static char *file;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  dir = g_dir_make_tmp ("cirt-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "fuzz.db", NULL);
  file = g_build_filename (dir, "input.json", NULL);
  store = cirt_store_open (db, &error);
  g_assert_no_error (error);
}

static guint
n_history (void)
{
  g_autoptr(GPtrArray) list = cirt_store_list_assessments (store, NULL);
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CirtAssessmentInfo *info = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) h = cirt_store_get_history (store, info->id, NULL, NULL);
      n += h ? h->len : 0;
    }
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtImportReport) report = NULL;
  guint before;

  if (store == NULL)
    setup ();
  g_assert (g_file_set_contents (file, (const char *) data, (gssize) size, NULL));
  before = n_history ();
  report = cirt_exchange_import (store, file, &error);
  g_assert ((report == NULL) != (error == NULL));
  if (report == NULL)
    g_assert_cmpuint (n_history (), ==, before);
  return 0;
}
