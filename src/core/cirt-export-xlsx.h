/* cirt-export-xlsx.h — the assessment as an Excel workbook for the ministry
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-assessment-data.h"
#include "cirt-export.h"
#include "cirt-portfolio.h"

G_BEGIN_DECLS

/* Writes the workbook (sheets Summary, Answers, Recommendations, Findings, Gaps,
 * Stakeholders, Methodology; named in @options->lang) to @path through a
 * temporary file in the same folder, renamed into place on success and
 * removed on failure. Every number comes from CirtScore, every user text is
 * written as a string. A text longer than a cell can hold (32,767
 * characters) is cut with a visible "[… truncated: N more characters…]"
 * marker; @n_truncated (may be NULL) receives how many cells were cut.
 * @options may be NULL for the defaults (cirt_export_options_init()). */
gboolean cirt_export_xlsx (CirtAssessmentData      *data,
                           const CirtExportOptions *options,
                           const char              *path,
                           guint                   *n_truncated,
                           GError                 **error);

/* The portfolio's workbook (cirt-portfolio.h): a sheet with one row per
 * assessment of @rows (const CirtPortfolioRow*: country, code, region,
 * date, phase, instruments, overall index, level, pillar scores, coverage,
 * title), with an autofilter, and a sheet of the medians by region. Names
 * and numbers in @options->lang, marked with its TLP; written through a
 * temporary file like cirt_export_xlsx(). */
gboolean cirt_export_portfolio_xlsx (GPtrArray               *rows,
                                     const CirtExportOptions *options,
                                     const char              *path,
                                     GError                 **error);

/* Excel's limit for one cell, in UTF-16 code units. */
#define CIRT_XLSX_CELL_MAX 32767

/* @text cut to fit one spreadsheet cell: returned as is when it fits (NULL
 * is returned then, *truncated FALSE), else the longest prefix that fits with
 * the TRUNCATED marker of @lang appended (newly allocated). */
char    *cirt_export_fit_cell    (const char     *text,
                                  const CirtLang *lang,
                                  gsize           limit,
                                  gboolean       *truncated);

/* Reads a written workbook back: a sound ZIP whose every part inflates to
 * its recorded size and CRC, and whose every XML part closes its root
 * element. libxlsxwriter 1.1.4 ignores write errors on its temporary part
 * files (a full /tmp gives a short part and a "successful" workbook), so
 * the exporter checks before it renames the file into place. */
gboolean cirt_export_verify_xlsx (const char  *path,
                                  GError     **error);

G_END_DECLS
