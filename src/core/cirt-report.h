/* cirt-report.h — the PDF report left with the ministry (cairo + pango)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-assessment-data.h"
#include "cirt-export.h"

G_BEGIN_DECLS

/* Writes the report of an assessment: cover, contents, executive summary
 * (with the radar and section charts of cirt-chart), one chapter per pillar,
 * roadmap, methodology, stakeholders met and an appendix of every answer;
 * the TLP marking of @options in the header and footer of every page, "Page
 * N of M" on every page, in @options->lang (independent of the UI language),
 * on A4 or US Letter. Laid out once (pages recorded, then replayed into
 * the PDF with their page numbers). Written through a temporary file in the same folder,
 * renamed into place on success, removed on failure. @n_pages (may be NULL)
 * receives the page count. @options may be NULL for the defaults. */
gboolean cirt_report_write_pdf (CirtAssessmentData      *data,
                                const CirtExportOptions *options,
                                const char              *path,
                                guint                   *n_pages,
                                GError                 **error);

G_END_DECLS
