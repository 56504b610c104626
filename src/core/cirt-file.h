/* cirt-file.h — every file the program writes, written atomically and
 * privately: into a hidden temporary file next to the target, flushed to
 * disk, then renamed over it, so a crash, a full disk or a failed export
 * never leaves half a file and never touches the one that was there
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors are in one domain, G_IO_ERROR (from errno: G_IO_ERROR_NO_SPACE is
 * a full disk, G_IO_ERROR_PERMISSION_DENIED a folder that cannot be
 * written, G_IO_ERROR_NOT_FOUND a folder that does not exist…), with a
 * translated message naming the file. Files are created 0600: a mission's
 * exports hold interview notes and a country's weaknesses. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CirtAtomicFile CirtAtomicFile;
typedef struct _CirtSeal CirtSeal;

/* Creates the temporary file ".NAME.XXXXXX" in @path's folder. */
CirtAtomicFile *cirt_atomic_file_new            (const char      *path,
                                                 GError         **error);
/* The same, sealed with @seal when it is set (cirt-seal.h): the writer
 * writes plain text into memory (the temporary path and descriptor are a
 * memory file's), and commit writes the sealed file. @seal must live until
 * commit or abort. NULL or an empty seal: cirt_atomic_file_new(). */
CirtAtomicFile *cirt_atomic_file_new_sealed     (const char      *path,
                                                 const CirtSeal  *seal,
                                                 GError         **error);
/* The temporary file, for writers that take a file name (libxlsxwriter). */
const char     *cirt_atomic_file_get_temp_path  (CirtAtomicFile  *file);
int             cirt_atomic_file_get_fd         (CirtAtomicFile  *file);
/* Appends @len bytes; the first failure is remembered and reported by
 * cirt_atomic_file_commit() too. */
gboolean        cirt_atomic_file_write          (CirtAtomicFile  *file,
                                                 const void      *data,
                                                 gsize            len,
                                                 GError         **error);
/* Flushes the temporary file to disk and renames it to the target; on
 * failure removes it, and the target is as it was. Frees @file. */
gboolean        cirt_atomic_file_commit         (CirtAtomicFile  *file,
                                                 GError         **error);
/* Removes the temporary file and frees @file (NULL is allowed). */
void            cirt_atomic_file_abort          (CirtAtomicFile  *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtAtomicFile, cirt_atomic_file_abort)

/* @len bytes of @data as the whole of @path, atomically (len -1: a string). */
gboolean        cirt_file_set_contents          (const char      *path,
                                                 const char      *data,
                                                 gssize           len,
                                                 GError         **error);

/* "cannot write FILE: REASON" in G_IO_ERROR from @saved_errno. */
void            cirt_file_set_error             (GError         **error,
                                                 int              saved_errno,
                                                 const char      *path);

G_END_DECLS
