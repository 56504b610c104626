/* cirt-export-dialog.h — exports an assessment: workbook, report, document or chart
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-chart.h"
#include "cirt-export.h"
#include "cirt-session.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_EXPORT_TARGET_WORKBOOK,   /* .xlsx, cirt_export_xlsx() */
  CIRT_EXPORT_TARGET_REPORT,     /* .pdf, cirt_report_write_pdf() */
  CIRT_EXPORT_TARGET_CHART,      /* .png or .svg, cirt_chart_write_file() */
  CIRT_EXPORT_TARGET_DOCUMENT,   /* .docx, cirt_export_docx_write(): the report to edit */
} CirtExportTarget;

#define CIRT_TYPE_EXPORT_DIALOG (cirt_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CirtExportDialog, cirt_export_dialog, CIRT, EXPORT_DIALOG, AdwWindow)

/* Signal exported (const char *path): a file was written. Its default
 * handler shows a toast with an "Open" button in @parent's toast overlay;
 * the dialog closes after it. */

/* A modal dialog for @session's assessment, transient for @parent. The
 * report language starts at the report-language setting, the marking at
 * TLP:AMBER, the paper at A4. What is exported is the assessment as the
 * store holds it when the export starts. */
GtkWidget        *cirt_export_dialog_new                (GtkWindow   *parent,
                                                         CirtSession *session);

CirtExportTarget  cirt_export_dialog_get_target         (CirtExportDialog *self);
void              cirt_export_dialog_set_target         (CirtExportDialog *self,
                                                         CirtExportTarget  target);
/* The chart and its image format for CIRT_EXPORT_TARGET_CHART. */
void              cirt_export_dialog_set_chart          (CirtExportDialog *self,
                                                         CirtChartKind     kind,
                                                         gboolean          svg);
/* The options as chosen (lang points into static data). */
void              cirt_export_dialog_get_options        (CirtExportDialog  *self,
                                                         CirtExportOptions *options);
/* @lang one of cirt_export_languages(); FALSE when it is not. */
gboolean          cirt_export_dialog_set_options        (CirtExportDialog        *self,
                                                         const CirtExportOptions *options);
/* "republic-of-example-national-cirt-readiness-2026-03-02.xlsx": country,
 * title and date in letters, digits and dashes, with the target's extension. */
char             *cirt_export_dialog_get_suggested_name (CirtExportDialog *self);
/* The file extension of the current target, without the dot ("xlsx"). */
const char       *cirt_export_dialog_get_extension      (CirtExportDialog *self);
/* Writes the current target with the current options to @path, now, on the
 * calling thread (the Export… button does the same in a worker thread).
 * Nothing is left at @path on failure. */
gboolean          cirt_export_dialog_export_to          (CirtExportDialog  *self,
                                                         const char        *path,
                                                         GError           **error);
/* Starts the export to @path in a worker thread, as after the file chooser;
 * "exported" or the inline error follow. */
void              cirt_export_dialog_start_export       (CirtExportDialog *self,
                                                         const char       *path);
gboolean          cirt_export_dialog_get_busy           (CirtExportDialog *self);
/* The error shown in the dialog, or NULL. */
const char       *cirt_export_dialog_get_error_text     (CirtExportDialog *self);

G_END_DECLS
