/* cirt-evidence-pack.h — the evidence pack: the shareable files of an
 * assessment in one zip, with an index (index.csv and index.html)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-lang.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* Writes to @path a zip of the items of assessment @id marked shareable:
 * each file as evidence/NNN-NAME.EXT (NNN its place, NAME made of its
 * original name's letters, digits, '-', '_' and '.', EXT from its sniffed
 * type: unique, no folder, no path from the original name), and an index
 * in @lang (index.csv: a cell never starts a formula; index.html: text
 * escaped) with the file in the pack, the original name, SHA-256, date,
 * question id and text, size; shareable web pages are listed in the index.
 * Each file's bytes are checked against their hash first. Written
 * atomically (cirt-file.h). Refused when nothing is shareable. *@n_files
 * (may be NULL) receives the number of files packed. */
gboolean cirt_evidence_pack_write (CirtStore       *store,
                                   const char      *id,
                                   const CirtLang  *lang,
                                   const char      *path,
                                   guint           *n_files,
                                   GError         **error);

/* The name of the @index-th file (from 1) of the pack, for an original
 * name @name and MIME type @mime: "007-Decret_2024-17.pdf". */
char    *cirt_evidence_pack_name  (guint        index,
                                   const char  *name,
                                   const char  *mime);

G_END_DECLS
