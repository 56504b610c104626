/* cirt-file.c — every file the program writes, written atomically and privately
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1 /* memfd_create */
#include "config.h"

#include "cirt-file.h"

#include <errno.h>
#include <gio/gio.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cirt-seal.h"

struct _CirtAtomicFile {
  char *path;
  char *tmp_path;
  int   fd;
  int   write_errno;    /* the first failed write */
  /* Sealed: the writer writes plain text into memory (@plain_fd, a memfd,
   * whose /proc path is @plain_path); commit seals it into @fd. */
  const CirtSeal *seal;
  int   plain_fd;
  char *plain_path;
};

void
cirt_file_set_error (GError    **error,
                     int         saved_errno,
                     const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* translators: %s is a file name */
                 _("cannot write %s: the disk is full"), display);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* translators: "cannot write FILE: REASON" */
                 _("cannot write %s: %s"), display, g_strerror (saved_errno));
}

CirtAtomicFile *
cirt_atomic_file_new (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL, *base = NULL, *name = NULL;
  CirtAtomicFile *file;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("cannot write %s: it is a folder"), display);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, next to the target (a rename cannot cross file systems),
   * recognisable: ".report.pdf.XXXXXX". */
  name = g_strdup_printf (".%s.XXXXXX", base);
  file = g_new0 (CirtAtomicFile, 1);
  file->path = g_strdup (path);
  file->tmp_path = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (file->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      cirt_file_set_error (error, saved, path);
      g_free (file->path);
      g_free (file->tmp_path);
      g_free (file);
      return NULL;
    }
  file->fd = fd;
  file->plain_fd = -1;
  return file;
}

CirtAtomicFile *
cirt_atomic_file_new_sealed (const char      *path,
                             const CirtSeal  *seal,
                             GError         **error)
{
  CirtAtomicFile *file;
  int fd;

  if (!cirt_seal_is_set (seal))
    return cirt_atomic_file_new (path, error);
  if ((file = cirt_atomic_file_new (path, error)) == NULL)
    return NULL;
  /* Plain text stays in memory: a file deleted from a USB stick can still
   * be read from it. */
  fd = memfd_create ("cirt-assess-plain", MFD_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      cirt_file_set_error (error, saved, path);
      cirt_atomic_file_abort (file);
      return NULL;
    }
  file->seal = seal;
  file->plain_fd = fd;
  file->plain_path = g_strdup_printf ("/proc/self/fd/%d", fd);
  return file;
}

const char *
cirt_atomic_file_get_temp_path (CirtAtomicFile *file)
{
  return file->plain_path ? file->plain_path : file->tmp_path;
}

int
cirt_atomic_file_get_fd (CirtAtomicFile *file)
{
  return file->plain_fd >= 0 ? file->plain_fd : file->fd;
}

gboolean
cirt_atomic_file_write (CirtAtomicFile  *file,
                        const void      *data,
                        gsize            len,
                        GError         **error)
{
  const char *p = data;

  if (file->write_errno != 0)
    {
      cirt_file_set_error (error, file->write_errno, file->path);
      return FALSE;
    }
  while (len > 0)
    {
      ssize_t n = write (cirt_atomic_file_get_fd (file), p, len);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          file->write_errno = errno;
          cirt_file_set_error (error, file->write_errno, file->path);
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static void
atomic_file_free (CirtAtomicFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  if (file->plain_fd >= 0)
    close (file->plain_fd);
  g_free (file->plain_path);
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
}

void
cirt_atomic_file_abort (CirtAtomicFile *file)
{
  if (file == NULL)
    return;
  g_unlink (file->tmp_path);
  atomic_file_free (file);
}

/* Seals the plain text written so far into the temporary file. */
static gboolean
seal_plain (CirtAtomicFile  *file,
            GError         **error)
{
  struct stat st;
  void *map = NULL;
  gboolean ok;

  if (fstat (file->plain_fd, &st) != 0)
    {
      cirt_file_set_error (error, errno, file->path);
      return FALSE;
    }
  if (st.st_size > 0 && (map = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED, file->plain_fd, 0)) == MAP_FAILED)
    {
      cirt_file_set_error (error, errno, file->path);
      return FALSE;
    }
  ok = cirt_seal_encrypt_to_fd (file->seal, map ? map : "", (gsize) st.st_size, file->fd, error);
  if (map)
    munmap (map, (size_t) st.st_size);
  /* Closing the memfd (at commit or abort) gives its pages back to the
   * kernel, which clears them before any other use. */
  return ok;
}

gboolean
cirt_atomic_file_commit (CirtAtomicFile  *file,
                         GError         **error)
{
  int saved = file->write_errno;

  g_return_val_if_fail (file != NULL, FALSE);

  if (saved == 0 && file->plain_fd >= 0 && !seal_plain (file, error))
    {
      cirt_atomic_file_abort (file);
      return FALSE;
    }

  /* A writer that wrote through its own descriptor (libxlsxwriter) wrote
   * into the same inode: fsync on ours flushes it. EINVAL: a file system
   * without fsync (some FUSE mounts), nothing more can be done. */
  if (saved == 0 && fsync (file->fd) != 0 && errno != EINVAL)
    saved = errno;
  if (close (file->fd) != 0 && saved == 0)
    saved = errno;
  file->fd = -1;
  if (saved == 0 && g_rename (file->tmp_path, file->path) != 0)
    saved = errno;
  if (saved != 0)
    {
      cirt_file_set_error (error, saved, file->path);
      cirt_atomic_file_abort (file);
      return FALSE;
    }
  {
    /* The rename itself reaches the disk with the folder. */
    g_autofree char *dir = g_path_get_dirname (file->path);
    int dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd >= 0)
      {
        fsync (dfd);
        close (dfd);
      }
  }
  atomic_file_free (file);
  return TRUE;
}

gboolean
cirt_file_set_contents (const char  *path,
                        const char  *data,
                        gssize       len,
                        GError     **error)
{
  CirtAtomicFile *file = cirt_atomic_file_new (path, error);

  if (file == NULL)
    return FALSE;
  if (!cirt_atomic_file_write (file, data, len < 0 ? strlen (data) : (gsize) len, error))
    {
      cirt_atomic_file_abort (file);
      return FALSE;
    }
  return cirt_atomic_file_commit (file, error);
}
