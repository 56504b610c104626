/* cirt-export-xlsx.h — the assessment as an Excel workbook for the ministry
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-export.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* Writes the workbook (sheets Summary, Answers, Recommendations, Gaps,
 * Stakeholders, Methodology; named in @options->lang) to @path through a
 * temporary file in the same folder, renamed into place on success and
 * removed on failure. Every number comes from CirtScore, every user text is
 * written as a string. A text longer than a cell can hold (32,767
 * characters) is cut with a visible "[… truncated: N more characters…]"
 * marker; @n_truncated (may be NULL) receives how many cells were cut.
 * @options may be NULL for the defaults (cirt_export_options_init()). */
gboolean cirt_export_xlsx (CirtStore               *store,
                           const char              *assessment_id,
                           const CirtExportOptions *options,
                           const char              *path,
                           guint                   *n_truncated,
                           GError                 **error);

G_END_DECLS
