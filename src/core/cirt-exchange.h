/* cirt-exchange.h — exchange files: one assessment as JSON, to merge the work
 * of several assessors on separate laptops
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_EXCHANGE_FORMAT "cirt-assess-exchange"
#define CIRT_EXCHANGE_FORMAT_VERSION 1

typedef struct {
  char     *assessment_id;
  gboolean  created;              /* the assessment was new here */
  guint     answers_taken;        /* written from the file */
  guint     answers_same;         /* already equal */
  guint     answers_kept;         /* differed, and the local one was later */
  guint     stakeholders_added;
  guint     targets_added;
  guint     history_added;
  GPtrArray *conflicts;           /* question ids that differed (char*) */
} CirtImportReport;

void              cirt_import_report_free (CirtImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtImportReport, cirt_import_report_free)

/* Writes the assessment (metadata, instrument snapshots, targets,
 * stakeholders, answers with author and time, history) to @path atomically. */
gboolean          cirt_exchange_export    (CirtStore   *store,
                                           const char  *assessment_id,
                                           const char  *path,
                                           GError     **error);

/* Creates the assessment if it is new here, or merges into it: a question
 * answered on one side only is taken; equal answers stay; different answers:
 * the later change wins (ties broken the same way on every laptop) and the
 * pair is recorded as a conflict for review. Importing the same file twice
 * changes nothing. A file made with other instruments is refused. All in one
 * transaction: on any error nothing changes. */
CirtImportReport *cirt_exchange_import    (CirtStore   *store,
                                           const char  *path,
                                           GError     **error);

G_END_DECLS
