/* cirt-merge.h — importing another assessor's exchange file off the main
 * thread, and telling the application what it changed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cirt-exchange.h"
#include "cirt-store.h"

G_BEGIN_DECLS

typedef struct {
  CirtImportReport *report;
  GPtrArray        *changed;      /* question ids whose answer the import changed (char*) */
  gboolean          all_changed;  /* the answers could not be compared: take every one as changed */
  char             *author;       /* the one author of the answers that changed, or NULL */
  guint             n_to_review;  /* conflicts seen by this import and not reviewed yet */
} CirtMergeResult;

void             cirt_merge_result_free   (CirtMergeResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtMergeResult, cirt_merge_result_free)

/* Imports @path (cirt_exchange_import_sealed(), opened with @passphrase
 * when it is sealed with one; may be NULL) into @store's database in a worker
 * thread, through a connection of its own: a SQLite connection is never
 * used by two threads. On error nothing changed. @store itself is not
 * touched off the main thread; cirt_store_refresh() on it afterwards
 * announces what the import changed. */
void             cirt_merge_import_async  (CirtStore            *store,
                                           const char           *path,
                                           const char           *passphrase,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
CirtMergeResult *cirt_merge_import_finish (CirtStore            *store,
                                           GAsyncResult         *result,
                                           GError              **error);

/* The summary shown after an import, e.g. "Merged into “Readiness
 * mission”: 12 answers taken from Bob, 2 conflicts to review". @title is
 * the assessment's. Plain text (no markup). */
char            *cirt_merge_describe      (const CirtMergeResult *result,
                                           const char            *title);

G_END_DECLS
