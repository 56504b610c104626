/* cirt-export-docx.h — the report as a document the ministry can edit:
 * Office Open XML (WordprocessingML, .docx), beside the PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-assessment-data.h"
#include "cirt-export.h"

G_BEGIN_DECLS

/* Writes the report of an assessment as a .docx: the content of the PDF
 * report (cirt_report_write_pdf()) — cover, contents (a TOC field Word and
 * LibreOffice update), executive summary with the radar and section charts
 * of cirt-chart as images at 200 dpi with alt text, a chapter per pillar
 * with its results per instrument, the key findings of the mission (when
 * it has findings), roadmap (each phase with its findings), methodology,
 * stakeholders met, an appendix of every answer — set with real styles
 * (Title, Heading 1–3, Normal, Caption, a table style, TLP, TOC 1–3) so that restyling the
 * document is changing its styles; the TLP marking of @options in the
 * header and footer of every page, "Page N of M" as fields, in
 * @options->lang, on A4 or US Letter, right to left for Arabic. Every XML
 * part is written with libxml2's xmlTextWriter (user text is text: escaped,
 * characters XML 1.0 forbids replaced by U+FFFD, invalid UTF-8 made valid),
 * the package with libzip, in memory; then through a temporary file renamed
 * into place (sealed when @options->seal is set), nothing left on failure.
 * @options may be NULL for the defaults. */
gboolean cirt_export_docx_write (CirtAssessmentData      *data,
                                 const CirtExportOptions *options,
                                 const char              *path,
                                 GError                 **error);

/* @text fit for an XML 1.0 text node: invalid UTF-8 made valid, control
 * characters other than tab and newline, U+FFFE and U+FFFF replaced by
 * U+FFFD, "\r\n" and a lone "\r" made "\n". NULL → "". */
char    *cirt_export_docx_clean_text (const char *text);

G_END_DECLS
