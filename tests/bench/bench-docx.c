/* bench-docx.c — the editable report (DOCX) of a 250-question assessment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goal (issue 14): the DOCX of a 250-question assessment in ≤ 1 s. Measured
 * in this process, in interleaved pairs, against a floor: packaging the same
 * parts again with libzip (deflate, in memory), which is what any writer of
 * this document pays whatever it does; the PDF report of the same data is
 * timed too, for comparison. Prints the times and the ratios; asserts
 * nothing about time (the machine is shared). Run with
 * `meson test -C build --benchmark docx`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

#include "cirt-assessment-data.h"
#include "cirt-bench.h"
#include "cirt-export-docx.h"
#include "cirt-report.h"

#define PAIRS 9

typedef struct {
  char   *name;
  GBytes *bytes;
} Entry;

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_free (e->name);
  g_bytes_unref (e->bytes);
  g_free (e);
}

/* The parts of the package at @path. */
static GPtrArray *
read_parts (const char *path)
{
  int err = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &err);
  GPtrArray *parts = g_ptr_array_new_with_free_func (entry_free);

  if (zip == NULL)
    g_error ("%s: libzip error %d", path, err);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;
      zip_file_t *f;
      Entry *e = g_new0 (Entry, 1);
      guint8 *buf;

      zip_stat_index (zip, (zip_uint64_t) i, 0, &st);
      f = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      buf = g_malloc (st.size + 1);
      if (f == NULL || zip_fread (f, buf, st.size) != (zip_int64_t) st.size)
        g_error ("%s: cannot read %s", path, st.name);
      zip_fclose (f);
      e->name = g_strdup (st.name);
      e->bytes = g_bytes_new_take (buf, st.size);
      g_ptr_array_add (parts, e);
    }
  zip_discard (zip);
  return parts;
}

/* The floor: the same parts packaged again, in memory, as the exporter
 * does (XML deflated, PNG stored). Returns the package's size. */
static zip_uint64_t
repackage (GPtrArray *parts)
{
  zip_error_t zerr;
  zip_source_t *src;
  zip_t *zip;
  zip_stat_t st;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (NULL, 0, 0, &zerr);
  zip = zip_open_from_source (src, ZIP_TRUNCATE, &zerr);
  if (zip == NULL)
    g_error ("libzip: %s", zip_error_strerror (&zerr));
  zip_source_keep (src);
  for (guint i = 0; i < parts->len; i++)
    {
      Entry *e = g_ptr_array_index (parts, i);
      gsize len = 0;
      const void *data = g_bytes_get_data (e->bytes, &len);
      zip_int64_t index = zip_file_add (zip, e->name, zip_source_buffer (zip, data, len, 0), ZIP_FL_ENC_UTF_8);
      zip_set_file_compression (zip, (zip_uint64_t) index, g_str_has_suffix (e->name, ".png") ? ZIP_CM_STORE
                                                                                               : ZIP_CM_DEFLATE, 0);
    }
  if (zip_close (zip) < 0)
    g_error ("libzip: %s", zip_strerror (zip));
  zip_source_stat (src, &st);
  zip_source_free (src);
  zip_error_fini (&zerr);
  return st.size;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *db = cirt_bench_copy_db (10, 250, "docx.db", &id);
  g_autofree char *docx = cirt_bench_path ("report.docx");
  g_autofree char *pdf = cirt_bench_path ("report.pdf");
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) parts = NULL;
  guint n_questions = 0;
  zip_uint64_t size = 0;

  if (store == NULL || (data = cirt_assessment_data_load (store, id, CIRT_LOAD_DOCUMENT, &error)) == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < data->instruments->len; i++)
    n_questions += cirt_instrument_get_n_questions (g_ptr_array_index (data->instruments, i));
  if (!cirt_export_docx_write (data, NULL, docx, &error))
    g_error ("%s", error->message);
  parts = read_parts (docx);

  for (guint i = 0; i < PAIRS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double s;

      if (!cirt_export_docx_write (data, NULL, docx, &error))
        g_error ("%s", error->message);
      s = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (subject, s);

      t0 = g_get_monotonic_time ();
      size = repackage (parts);
      s = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (floor, s);

      t0 = g_get_monotonic_time ();
      if (!cirt_report_write_pdf (data, NULL, pdf, NULL, &error))
        g_error ("%s", error->message);
      s = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (report, s);
    }

  printf ("the DOCX of a %u-question assessment: %u parts, %.1f KiB\n", n_questions, parts->len, size / 1024.0);
  cirt_bench_report_time ("docx, 250 questions", subject, 1.0);
  cirt_bench_report_ratio ("docx vs packaging its parts again (libzip)", subject, floor, G_MAXDOUBLE);
  cirt_bench_report_ratio ("docx vs the PDF report of the same data", subject, report, G_MAXDOUBLE);

  cirt_bench_cleanup ();
  return EXIT_SUCCESS;
}
