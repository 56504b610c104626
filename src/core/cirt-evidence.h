/* cirt-evidence.h — the evidence vault's value type and its checks: files
 * and URLs attached to an answer, the sniffing of a file's kind from its
 * bytes, the reading of a file the user names
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches the database (cirt-store-evidence.h does). A file's
 * kind is decided by its content alone (magic bytes and, for the zip- and
 * OLE-based office formats, the names inside the container); the name's
 * extension is never trusted. See docs/design-notes.md, "The evidence
 * vault". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest file kept: 32 MiB. A 30-page decree scanned at 300 dpi in
 * colour as a PDF is 5–15 MB; a phone's photos of it as JPEG 3–6 MB each. */
#define CIRT_EVIDENCE_MAX_SIZE (32 * 1024 * 1024)
/* The longest URL kept (what browsers and servers commonly accept). */
#define CIRT_EVIDENCE_MAX_URL 2048
/* The longest original file name kept, in bytes. */
#define CIRT_EVIDENCE_MAX_NAME 255

#define CIRT_EVIDENCE_ERROR (cirt_evidence_error_quark ())

typedef enum {
  CIRT_EVIDENCE_ERROR_TOO_LARGE,  /* over CIRT_EVIDENCE_MAX_SIZE */
  CIRT_EVIDENCE_ERROR_EMPTY,      /* no bytes */
  CIRT_EVIDENCE_ERROR_READ,       /* cannot be opened or read */
  CIRT_EVIDENCE_ERROR_NOT_FILE,   /* a symlink, a folder, a FIFO, a device… */
  CIRT_EVIDENCE_ERROR_KIND,       /* none of the accepted kinds of document */
  CIRT_EVIDENCE_ERROR_NAME,       /* a name that cannot be kept */
  CIRT_EVIDENCE_ERROR_URL,        /* not an http or https address */
  CIRT_EVIDENCE_ERROR_HASH,       /* bytes that do not match their SHA-256 */
} CirtEvidenceError;

GQuark cirt_evidence_error_quark (void);

typedef enum {
  CIRT_EVIDENCE_FILE,
  CIRT_EVIDENCE_URL,
} CirtEvidenceKind;

/* One item of evidence. A file has name, mime, size and sha256 (its bytes
 * are a blob of the store, shared by every item of the same hash); a URL
 * has url. @date is the day the document refers to (a file) or the day the
 * page was seen (a URL), YYYY-MM-DD or NULL. Times are UTC ISO 8601. */
typedef struct {
  char             *id;           /* UUID, lower case */
  char             *question;
  CirtEvidenceKind  kind;
  char             *name;
  char             *url;
  char             *mime;
  gint64            size;
  char             *sha256;       /* 64 lower-case hex digits */
  char             *date;
  char             *author;
  gboolean          shareable;    /* may go to the ministry (the evidence pack) */
  char             *created_at;
  char             *modified_at;
} CirtEvidence;

CirtEvidence *cirt_evidence_new             (void);
CirtEvidence *cirt_evidence_copy            (const CirtEvidence *e);
void          cirt_evidence_free            (CirtEvidence       *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtEvidence, cirt_evidence_free)

const char   *cirt_evidence_kind_to_string  (CirtEvidenceKind    kind);
gboolean      cirt_evidence_kind_from_string (const char        *s,
                                              CirtEvidenceKind  *kind);
/* Everything but the times compared (what a merge calls "the same"). */
gboolean      cirt_evidence_same_content    (const CirtEvidence *a,
                                             const CirtEvidence *b);
/* The item as JSON (the history's and the exchange file's form). */
JsonNode     *cirt_evidence_to_json_node    (const CirtEvidence *e);
char         *cirt_evidence_to_json         (const CirtEvidence *e);
/* Strictly read: every member known, each of its type and size, a UUID,
 * a kind, the fields of that kind present, a SHA-256, a MIME type we
 * accept, a date. @path names the place in messages. */
CirtEvidence *cirt_evidence_from_json_object (JsonObject  *object,
                                              const char  *path,
                                              GError     **error);
CirtEvidence *cirt_evidence_from_json       (const char  *json);

/* The kind of document @data is, as a MIME type (a static string), or NULL
 * when it is none of the accepted kinds: PDF; DOCX, XLSX, PPTX; ODT, ODS,
 * ODP; DOC, XLS, PPT; PNG, JPEG, TIFF, GIF, WEBP; plain UTF-8 text. */
const char   *cirt_evidence_sniff           (const guint8 *data,
                                             gsize         len);
/* TRUE for a MIME type cirt_evidence_sniff() can return. */
gboolean      cirt_evidence_mime_is_known   (const char   *mime);
/* The usual file extension of such a MIME type ("pdf"), or "bin". */
const char   *cirt_evidence_mime_extension  (const char   *mime);
/* "PDF", "Word (DOCX)", "PNG image"…: translated. */
const char   *cirt_evidence_mime_label      (const char   *mime);

/* The name to keep for a file called @name (a path's last part is taken):
 * control characters (C0, DEL, C1) and the invisible bidirectional
 * controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) are
 * removed, so that a name cannot hide its real end ("fdp.exe" shown as
 * "exe.pdf"). *@cleaned (may be NULL) says whether anything was removed.
 * Refused: not UTF-8, nothing left, longer than CIRT_EVIDENCE_MAX_NAME. */
char         *cirt_evidence_clean_name      (const char   *name,
                                             gboolean     *cleaned,
                                             GError      **error);

/* @url checked: http or https, a host, no user name or password in it, no
 * spaces or control characters, at most CIRT_EVIDENCE_MAX_URL bytes.
 * Returns the URL as kept (scheme and host in lower case). */
char         *cirt_evidence_check_url       (const char   *url,
                                             GError      **error);

/* Lowercase hex SHA-256 of @data. */
char         *cirt_evidence_sha256          (const guint8 *data,
                                             gsize         len);
/* TRUE for 64 lower-case hex digits. */
gboolean      cirt_evidence_is_sha256       (const char   *s);

/* Reads the file at @path safely: opened without following a symlink
 * (O_NOFOLLOW), checked with fstat() to be a regular file, read in chunks
 * while hashing, refused when empty or over CIRT_EVIDENCE_MAX_SIZE (the
 * message names the limit), and sniffed. Returns the bytes, with their
 * SHA-256 and MIME type. */
GBytes       *cirt_evidence_read_file       (const char   *path,
                                             char        **sha256,
                                             const char  **mime,
                                             GError      **error);

/* "3.2 MB", "870 KB", "12 bytes" (the CLI's and the pages' form). */
char         *cirt_evidence_format_size     (gint64        size);

G_END_DECLS
