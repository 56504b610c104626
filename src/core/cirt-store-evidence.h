/* cirt-store-evidence.h — the evidence vault in the store: files (kept as
 * blobs inside the database, keyed by their SHA-256) and URLs attached to
 * answers, every change recorded in evidence_history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is one transaction that writes the item and a history row
 * (the item before and after, in the JSON of cirt_evidence_to_json()), and
 * is announced as "answer-changed" for the item's question. A refused
 * change writes nothing. Items are known by their UUID on every laptop. */
#pragma once

#include "cirt-evidence.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* How an item is attached. */
typedef struct {
  const char *name;       /* the original name; NULL: the file's own name */
  const char *date;       /* YYYY-MM-DD the document refers to (a URL: seen on; NULL: today); NULL: none */
  const char *author;     /* who attached it; NULL: the user's name */
  gboolean    shareable;  /* may be given to the ministry (the evidence pack) */
} CirtEvidenceOptions;

/* Attaches the file at @path (read with cirt_evidence_read_file(): a
 * regular file, not a symlink, 1 byte to CIRT_EVIDENCE_MAX_SIZE, of an
 * accepted kind sniffed from its bytes) to @question of assessment @id.
 * Its name is cleaned of control and bidirectional characters
 * (cirt_evidence_clean_name(); *@name_cleaned says so). The bytes are
 * stored once per SHA-256. Returns the new item's UUID. */
char         *cirt_store_add_evidence_file      (CirtStore                  *self,
                                                 const char                 *id,
                                                 const char                 *question,
                                                 const char                 *path,
                                                 const CirtEvidenceOptions  *options,
                                                 gboolean                   *name_cleaned,
                                                 GError                    **error);
/* The same for bytes in memory, named options->name (required). */
char         *cirt_store_add_evidence_bytes     (CirtStore                  *self,
                                                 const char                 *id,
                                                 const char                 *question,
                                                 GBytes                     *data,
                                                 const CirtEvidenceOptions  *options,
                                                 gboolean                   *name_cleaned,
                                                 GError                    **error);
/* A web page as evidence (cirt_evidence_check_url()); options->date is the
 * day it was seen (NULL: today). */
char         *cirt_store_add_evidence_url       (CirtStore                  *self,
                                                 const char                 *id,
                                                 const char                 *question,
                                                 const char                 *url,
                                                 const CirtEvidenceOptions  *options,
                                                 GError                    **error);

/* The items (CirtEvidence*) of @id, of @question (NULL: every question),
 * by question then in the order attached. */
GPtrArray    *cirt_store_list_evidence          (CirtStore   *self,
                                                 const char  *id,
                                                 const char  *question,
                                                 GError     **error);
/* The item of that UUID, in any assessment. */
CirtEvidence *cirt_store_get_evidence           (CirtStore   *self,
                                                 const char  *evidence,
                                                 GError     **error);
/* The full UUID of the one item whose UUID starts with @prefix, in
 * assessment @id (NULL: in any). */
char         *cirt_store_resolve_evidence       (CirtStore   *self,
                                                 const char  *id,
                                                 const char  *prefix,
                                                 GError     **error);
/* Removes the item; the history keeps it (and so its bytes). */
gboolean      cirt_store_remove_evidence        (CirtStore   *self,
                                                 const char  *evidence,
                                                 const char  *author,
                                                 GError     **error);
/* Puts back an item removed before (undo), as it was: same UUID, same
 * bytes (kept by the history). Refused when an item of that UUID exists. */
gboolean      cirt_store_restore_evidence       (CirtStore          *self,
                                                 const char         *id,
                                                 const CirtEvidence *evidence,
                                                 const char         *author,
                                                 GError            **error);
gboolean      cirt_store_set_evidence_shareable (CirtStore   *self,
                                                 const char  *evidence,
                                                 gboolean     shareable,
                                                 const char  *author,
                                                 GError     **error);
/* The bytes of the blob @sha256, checked against it: a blob whose bytes no
 * longer match (a damaged or edited file) is refused with
 * CIRT_EVIDENCE_ERROR_HASH. */
GBytes       *cirt_store_get_evidence_data      (CirtStore   *self,
                                                 const char  *sha256,
                                                 GError     **error);
/* Writes the bytes of file item @evidence to @path, atomically. */
gboolean      cirt_store_extract_evidence       (CirtStore   *self,
                                                 const char  *evidence,
                                                 const char  *path,
                                                 GError     **error);
/* Blobs in the database and their total size (the vault's footprint). */
gboolean      cirt_store_count_evidence_blobs   (CirtStore   *self,
                                                 guint       *n_blobs,
                                                 gint64      *bytes,
                                                 GError     **error);

/* One row of evidence_history. */
typedef struct {
  gint64        id;
  char         *evidence;
  char         *author;
  char         *changed_at;
  CirtEvidence *old_evidence;   /* NULL: added */
  CirtEvidence *new_evidence;   /* NULL: removed */
} CirtEvidenceChange;
void          cirt_evidence_change_free         (CirtEvidenceChange *change);
/* Oldest first; @evidence NULL for every item of @id. */
GPtrArray    *cirt_store_get_evidence_history   (CirtStore   *self,
                                                 const char  *id,
                                                 const char  *evidence,
                                                 GError     **error);
/* The removals recorded in @id (CirtEvidenceChange*, new_evidence NULL) of
 * items not there now: what an exchange file carries as tombstones. */
GPtrArray    *cirt_store_list_evidence_removals (CirtStore   *self,
                                                 const char  *id,
                                                 GError     **error);

/* Merging (cirt-exchange.c). */
typedef enum {
  CIRT_EVIDENCE_IMPORT_ADDED,
  CIRT_EVIDENCE_IMPORT_UPDATED,
  CIRT_EVIDENCE_IMPORT_SAME,
  CIRT_EVIDENCE_IMPORT_KEPT,      /* the local item is newer, or removed here later */
  CIRT_EVIDENCE_IMPORT_REMOVED,   /* a removal over there, later than the last change here */
} CirtEvidenceImport;
/* An item as another laptop has it (times and author kept); @data its
 * bytes (a file; checked against remote->sha256; NULL when the blob is
 * here already). Matched by UUID: the later modified_at wins, a tie is
 * broken by content; an item removed here after its last change there
 * stays removed. */
gboolean      cirt_store_import_evidence        (CirtStore           *self,
                                                 const char          *id,
                                                 const CirtEvidence  *remote,
                                                 GBytes              *data,
                                                 CirtEvidenceImport  *outcome,
                                                 GError             **error);
/* A removal over there at @removed_at: the item goes here too unless it
 * changed here later. */
gboolean      cirt_store_import_evidence_removal (CirtStore          *self,
                                                  const char         *id,
                                                  const char         *evidence,
                                                  const char         *author,
                                                  const char         *removed_at,
                                                  CirtEvidenceImport *outcome,
                                                  GError            **error);
gboolean      cirt_store_has_evidence_blob      (CirtStore   *self,
                                                 const char  *sha256);

/* The scoring option "count only evidenced answers" of assessment @id. */
gboolean      cirt_store_get_evidenced_only     (CirtStore   *self,
                                                 const char  *id,
                                                 gboolean    *on,
                                                 GError     **error);
gboolean      cirt_store_set_evidenced_only     (CirtStore   *self,
                                                 const char  *id,
                                                 gboolean     on,
                                                 GError     **error);
/* The questions of @id with at least one item of evidence (a set: the
 * keys of the table). */
GHashTable   *cirt_store_evidenced_questions    (CirtStore   *self,
                                                 const char  *id,
                                                 GError     **error);

G_END_DECLS
