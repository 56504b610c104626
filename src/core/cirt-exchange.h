/* cirt-exchange.h — exchange files: one assessment as JSON, to merge the work
 * of several assessors on separate laptops
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cirt-seal.h"
#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_EXCHANGE_FORMAT "cirt-assess-exchange"
/* 2: the history carries its chain of hashes; 3: the findings; 4: the
 * assessment's country code and region; 5: the lead assessor's reviews;
 * 6: the evidence vault; 7: interview sessions, statements, stakeholders'
 * UUIDs and answers' sessions (read: 1 to 7). */
#define CIRT_EXCHANGE_FORMAT_VERSION 7
/* The format version that added "reviews". */
#define CIRT_EXCHANGE_REVIEWS_SINCE 5
/* The format version that added the evidence vault ("evidence",
 * "evidence_blobs", "evidence_removed", "evidenced_only"). */
#define CIRT_EXCHANGE_EVIDENCE_SINCE 6
/* The version that added sessions and statements (older files have none). */
#define CIRT_EXCHANGE_FORMAT_SESSIONS 7

typedef struct {
  char     *assessment_id;
  gboolean  created;              /* the assessment was new here */
  gboolean  sealed;               /* the file was sealed (and opened) */
  guint     answers_taken;        /* written from the file */
  guint     answers_same;         /* already equal */
  guint     answers_kept;         /* differed, and the local one was later */
  guint     stakeholders_added;
  guint     targets_added;
  guint     findings_added;       /* new here */
  guint     findings_updated;     /* changed later over there: taken */
  guint     findings_kept;        /* changed or removed here later: kept as here */
  guint     sessions_added;       /* interview sessions, likewise */
  guint     sessions_updated;
  guint     sessions_kept;
  guint     statements_added;     /* statements, likewise */
  guint     statements_updated;
  guint     statements_kept;
  guint     history_added;
  guint     reviews_taken;        /* new here, or set later over there */
  guint     reviews_kept;         /* set or cleared here later: kept as here */
  guint     evidence_added;       /* items of evidence new here */
  guint     evidence_updated;     /* changed later over there: taken */
  guint     evidence_kept;        /* changed or removed here later: kept as here */
  guint     evidence_removed;     /* removed over there after their last change here */
  GPtrArray *conflicts;           /* question ids that differed (char*) */
  GPtrArray *warnings;            /* sentences for the assessor (times taken as now…) */
} CirtImportReport;

void              cirt_import_report_free (CirtImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtImportReport, cirt_import_report_free)

/* Writes the assessment (metadata, instrument snapshots, targets,
 * stakeholders, findings, answers with author and time, history, reviews) to @path
 * atomically. */
gboolean          cirt_exchange_export    (CirtStore   *store,
                                           const char  *assessment_id,
                                           const char  *path,
                                           GError     **error);
/* The same, sealed with @seal (cirt-seal.h) when it is set. */
gboolean          cirt_exchange_export_sealed (CirtStore       *store,
                                               const char      *assessment_id,
                                               const char      *path,
                                               const CirtSeal  *seal,
                                               GError         **error);

/* Creates the assessment if it is new here, or merges into it. The whole
 * file is checked first against the format (docs/exchange-format.md); any
 * violation refuses it whole, naming the JSON path, and nothing changes.
 * Then: a question answered on one side only is taken; equal answers stay;
 * when one side's answer is a version the other side has had (its
 * history), the side that moved on is kept; otherwise the later change wins
 * (times compared as instants; a time later than this computer's clock by
 * more than ten minutes is taken as now, with a warning) and the pair is
 * recorded as a conflict for review. Findings are matched by their UUID
 * (cirt_store_import_finding()), reviews by their question
 * (cirt_store_import_review()). Importing the same file twice changes
 * nothing. A file made with other instruments is refused. All in one
 * transaction. */
CirtImportReport *cirt_exchange_import    (CirtStore   *store,
                                           const char  *path,
                                           GError     **error);
/* The same for a file that may be sealed (cirt-seal.h): opened with
 * @passphrase (may be NULL) or with the keyring's secret keys. A file that
 * cannot be opened is refused with a CIRT_SEAL_ERROR, and nothing changes. */
CirtImportReport *cirt_exchange_import_sealed (CirtStore   *store,
                                               const char  *path,
                                               const char  *passphrase,
                                               GError     **error);

G_END_DECLS
