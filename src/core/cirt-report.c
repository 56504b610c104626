/* cirt-report.c — the PDF report left with the ministry (cairo + pango)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the layout works:
 * - The document is laid out once: each page is drawn into a cairo
 *   recording surface, and what depends on the pages that follow (the page
 *   numbers in the contents, "Page N of M", the outline) is noted. The PDF
 *   is then made by replaying the recorded pages, the glyphs already
 *   shaped, and drawing what was noted on them.
 * - Everything that flows is a "row" of one or more cells, each a
 *   PangoLayout with its width set (_cirt_report_flow_row()): a paragraph
 *   is a row of one cell, a table row several. A row that does not fit is
 *   continued on the next page line by line, so a note of any length wraps
 *   and flows and nothing is clipped. Table headers repeat after a page
 *   break.
 * - User text is set with pango_layout_set_text() (never parsed as markup);
 *   Pango shapes right-to-left scripts and picks the paragraph direction.
 * - Charts come from cirt-chart (cirt_chart_draw()), the module that draws
 *   the dashboard and the chart files, so the pictures agree everywhere.
 *
 * This file has the passes and the entry point; the layout engine is in
 * cirt-report-layout.c, the chapters in cirt-report-chapters.c, and what
 * they share in cirt-report-private.h.
 */
#include "config.h"

#include "cirt-report.h"
#include "cirt-report-private.h"
#include "cirt-export-private.h"
#include "cirt-file.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* Passes */

static void
build_toc (Report *r)
{
  g_autoptr(GPtrArray) chapters = cirt_export_chapters (r->l, r->data);

  for (guint i = 0; i < chapters->len; i++)
    {
      CirtChapter *c = g_ptr_array_index (chapters, i);
      TocEntry e = { g_steal_pointer (&c->number), g_steal_pointer (&c->title), 0 };
      g_array_append_val (r->toc, e);
    }
}

/* Lays the whole document out into recorded pages. */
static void
layout_document (Report *r)
{
  guint index = 0;
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (scratch);

  r->pango = pango_cairo_create_context (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  /* Unhinted metrics: the layout depends on the text, not on the surface. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r->pango, fo);
  cairo_font_options_destroy (fo);
  /* The language picks the glyphs (Chinese, Arabic forms) and line breaking;
   * in a right-to-left document a paragraph whose first letter is not
   * right-to-left (an English question text) keeps its own direction. */
  pango_context_set_language (r->pango, pango_language_from_string (cirt_lang_get_tag (r->l)));
  if (r->rtl)
    pango_context_set_base_dir (r->pango, PANGO_DIRECTION_RTL);
  r->page = 0;

  _cirt_report_cover (r);
  _cirt_report_contents (r);
  {
    /* The chapters the contents list (build_toc ()), in their order. */
    g_autoptr(GPtrArray) chapters = cirt_export_chapters (r->l, r->data);

    for (index = 0; index < chapters->len; index++)
      {
        const CirtChapter *c = g_ptr_array_index (chapters, index);
        switch (c->kind)
          {
          case CIRT_CHAPTER_SUMMARY:
            _cirt_report_executive_summary (r, index);
            break;
          case CIRT_CHAPTER_PROGRESS:
            _cirt_report_progress (r, index);
            break;
          case CIRT_CHAPTER_PILLAR:
            _cirt_report_pillar_chapter (r, index, c->pillar);
            break;
          case CIRT_CHAPTER_FINDINGS:
            _cirt_report_findings (r, index);
            break;
          case CIRT_CHAPTER_ROADMAP:
            _cirt_report_roadmap (r, index);
            break;
          case CIRT_CHAPTER_METHODOLOGY:
            _cirt_report_methodology (r, index);
            break;
          case CIRT_CHAPTER_STAKEHOLDERS:
            _cirt_report_stakeholders (r, index);
            break;
          case CIRT_CHAPTER_INTERVIEWS:
            _cirt_report_interviews (r, index);
            break;
          case CIRT_CHAPTER_APPENDIX:
          default:
            _cirt_report_appendix (r, index);
            break;
          }
      }
  }
  g_clear_pointer (&r->cr, cairo_destroy);
  r->n_pages = r->page;
}

/* What depends on the pages that follow, drawn on finished page @page. */
static void
draw_notes (Report *r,
            int     page)
{
  cairo_save (r->cr);
  _cirt_report_mirror (r);
  _cirt_report_page_furniture (r, page);
  for (guint i = 0; i < r->toc_marks->len; i++)
    {
      TocMark *m = &g_array_index (r->toc_marks, TocMark, i);
      TocEntry *e = &g_array_index (r->toc, TocEntry, m->entry);
      g_autofree char *number = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      if (m->page != page || e->page <= 0)
        continue;
      number = g_strdup_printf ("%d", e->page);
      layout = _cirt_report_text_layout (r, number, 11, STYLE_REGULAR, COLOR_INK, r->right - m->number_x,
                                         PANGO_ALIGN_RIGHT);
      _cirt_report_show_layout (r, layout, m->number_x, m->y + 5);
    }
  cairo_restore (r->cr);
  /* The links, in the page's own coordinates. */
  for (guint i = 0; i < r->toc_marks->len; i++)
    {
      TocMark *m = &g_array_index (r->toc_marks, TocMark, i);
      TocEntry *e = &g_array_index (r->toc, TocEntry, m->entry);
      double x = r->rtl ? r->page_w - m->x - m->width : m->x;
      g_autofree char *attrs = NULL;

      if (m->page != page || e->page <= 0)
        continue;
      attrs = g_strdup_printf ("rect=[%.2f %.2f %.2f %.2f] page=%d", x, m->y, m->width, m->height, e->page);
      cairo_tag_begin (r->cr, CAIRO_TAG_LINK, attrs);
      cairo_tag_end (r->cr, CAIRO_TAG_LINK);
    }
}

static cairo_status_t
file_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return cirt_atomic_file_write (closure, data, length, NULL) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (Report          *r,
              cairo_surface_t *surface)
{
  CirtAssessmentInfo *info = r->data->info;
  g_autofree char *subject = g_strdup_printf ("%s — %s", _cirt_report_str (r, CIRT_STR_DOC_TITLE),
                                              info->country ? info->country : "");
  g_autofree char *keywords = g_strdup_printf ("%s, CIRT, %s", cirt_tlp_label (r->opts->tlp), info->country ? info->country : "");
  g_autofree char *creator = g_strdup_printf ("CIRT Assess %s", PACKAGE_VERSION);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title ? info->title : "");
  if (info->lead_assessor)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, info->lead_assessor);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Replays the recorded pages into the PDF. */
static cairo_status_t
paint_document (Report         *r,
                CirtAtomicFile *file)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (file_write, file, r->page_w, r->page_h);
  cairo_status_t status;

  set_metadata (r, surface);
  r->cr = cairo_create (surface);
  for (guint i = 0; i < r->pages->len; i++)
    {
      cairo_set_source_surface (r->cr, g_ptr_array_index (r->pages, i), 0, 0);
      cairo_paint (r->cr);
      draw_notes (r, (int) i + 1);
      cairo_show_page (r->cr);
    }
  for (guint i = 0; i < r->toc->len; i++)
    {
      TocEntry *e = &g_array_index (r->toc, TocEntry, i);
      g_autofree char *label = g_strdup_printf ("%s  %s", e->number, e->title);
      g_autofree char *dest = g_strdup_printf ("page=%d", e->page);
      if (e->page > 0)
        cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, label, dest, 0);
    }
  status = cairo_status (r->cr);
  g_clear_pointer (&r->cr, cairo_destroy);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static void
report_clear (Report *r)
{
  g_clear_pointer (&r->pages, g_ptr_array_unref);
  g_clear_pointer (&r->toc, g_array_unref);
  g_clear_pointer (&r->toc_marks, g_array_unref);
  g_clear_pointer (&r->cr, cairo_destroy);
  g_clear_object (&r->pango);
  g_clear_pointer (&r->running_title, g_free);
  g_clear_pointer (&r->doc_date, g_free);
}

gboolean
cirt_report_write_pdf (CirtAssessmentData      *data,
                       const CirtExportOptions *options,
                       const char              *path,
                       guint                   *n_pages,
                       GError                 **error)
{
  CirtExportOptions defaults;
  g_autoptr(CirtAtomicFile) file = NULL;
  g_autoptr(GError) write_error = NULL;
  Report r = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((file = cirt_export_open_file (&options, &defaults, path, error)) == NULL)
    return FALSE;

  r.data = data;
  r.opts = options;
  r.l = cirt_lang_get (options->lang);
  r.lang = cirt_lang_get_code (r.l);
  r.rtl = cirt_lang_is_rtl (r.l);
  r.score = data->score;
  cirt_paper_get_size (options->paper, &r.page_w, &r.page_h);
  r.left = 62;
  r.right = r.page_w - 62;
  r.top = 72;
  r.bottom = r.page_h - 64;
  r.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  r.toc = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  g_array_set_clear_func (r.toc, _cirt_report_toc_entry_clear);
  r.toc_marks = g_array_new (FALSE, TRUE, sizeof (TocMark));
  r.running_title = g_strdup_printf ("%s · %s", data->info->country ? data->info->country : "",
                                     _cirt_report_str (&r, CIRT_STR_DOC_TITLE));
  r.doc_date = cirt_lang_format_date (r.l, data->loaded_on);
  build_toc (&r);

  layout_document (&r);
  status = paint_document (&r, file);
  if (n_pages)
    *n_pages = (guint) r.n_pages;
  report_clear (&r);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* The first failed write names the reason (a full disk…). */
      if (!cirt_atomic_file_write (file, "", 0, &write_error))
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, _("cannot write the report %s: %s"),
                       display, cairo_status_to_string (status));
        }
      return FALSE;
    }
  return cirt_atomic_file_commit (g_steal_pointer (&file), error);
}
