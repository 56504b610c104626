/* cirt-seal.h — sealed files: OpenPGP encryption of what the program writes
 * and reads, to recipients' public keys and/or with a passphrase
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sealed file is an OpenPGP message (RFC 4880, binary), written through
 * GPGME and the user's GnuPG: `gpg --decrypt FILE` opens it, and a file
 * sealed with `gpg --encrypt` or `gpg --symmetric` is read back. Recipients'
 * keys are those of the user's keyring (GNUPGHOME); the program keeps no
 * key of its own. Plain text never reaches the disk on the way: it is
 * encrypted from memory, and decrypted into memory. Passphrases are given
 * to GnuPG directly (loopback), never cached by its agent, and wiped from
 * memory when the seal is freed. See docs/design-notes.md for why OpenPGP. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIRT_SEAL_ERROR (cirt_seal_error_quark ())

typedef enum {
  CIRT_SEAL_ERROR_UNAVAILABLE,      /* GnuPG is missing or too old */
  CIRT_SEAL_ERROR_KEY,              /* a recipient's key is missing, ambiguous or unusable */
  CIRT_SEAL_ERROR_NEED_PASSPHRASE,  /* sealed with a passphrase, and none was given */
  CIRT_SEAL_ERROR_BAD_PASSPHRASE,   /* the passphrase does not open it */
  CIRT_SEAL_ERROR_NO_SECRET_KEY,    /* sealed to keys this keyring has no secret part of */
  CIRT_SEAL_ERROR_DAMAGED,          /* truncated, altered, or not a sealed file */
  CIRT_SEAL_ERROR_TOO_LARGE,        /* opens to more than the reader accepts */
  CIRT_SEAL_ERROR_FAILED,           /* anything else GnuPG reports */
} CirtSealError;

GQuark cirt_seal_error_quark (void);

typedef struct _CirtSeal CirtSeal;

/* An empty seal: nothing to seal with yet. */
CirtSeal   *cirt_seal_new              (void);
void        cirt_seal_free             (CirtSeal    *seal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtSeal, cirt_seal_free)

/* Seals to the public key that @who names in the keyring: a fingerprint
 * (40 hex digits, spaces allowed), a key id, or an e-mail address. Refuses
 * a key that is missing, revoked, expired or cannot encrypt, a name that
 * matches several keys, and a key named otherwise than by its fingerprint
 * that the keyring does not hold as fully valid (the fingerprint is then
 * the assessor's confirmation that the key is the right one). */
gboolean    cirt_seal_add_recipient    (CirtSeal    *seal,
                                        const char  *who,
                                        GError     **error);
/* The fingerprints of the recipients added, in order. */
const char * const *cirt_seal_get_recipients (const CirtSeal *seal);

/* Seals with a passphrase as well (or instead). Copied; "" is refused. */
gboolean    cirt_seal_set_passphrase   (CirtSeal    *seal,
                                        const char  *passphrase,
                                        GError     **error);
/* Reads the passphrase from the first line of @path (a file, or "-" for
 * standard input), so that it never appears on a command line. */
char       *cirt_seal_read_passphrase  (const char  *path,
                                        GError     **error);

/* Has a recipient or a passphrase. */
gboolean    cirt_seal_is_set           (const CirtSeal *seal);

/* Encrypts @len bytes of @data into the open file @fd. */
gboolean    cirt_seal_encrypt_to_fd    (const CirtSeal *seal,
                                        const void     *data,
                                        gsize           len,
                                        int             fd,
                                        GError        **error);

/* The first bytes of a file look like an OpenPGP message (binary or
 * ASCII-armoured) rather than like anything this program writes in plain. */
gboolean    cirt_seal_looks_sealed     (const void  *head,
                                        gsize        len);

/* Decrypts @len bytes of @data into memory: with @passphrase (may be
 * NULL) for a file sealed with one, with the keyring's secret keys (through
 * the GnuPG agent) for a file sealed to them. Refuses a message without
 * integrity protection, and one that opens to more than @max_bytes.
 * @what names the file in messages. Returns the plain bytes, NUL-terminated
 * beyond @out_len. */
char       *cirt_seal_decrypt          (const void  *data,
                                        gsize        len,
                                        const char  *passphrase,
                                        gsize        max_bytes,
                                        const char  *what,
                                        gsize       *out_len,
                                        GError     **error);

/* Frees plain bytes returned by cirt_seal_decrypt(), wiping them first. */
void        cirt_seal_free_plain       (char        *plain,
                                        gsize        len);

/* FILE + ".gpg" unless it already ends so: the name a sealed file gets. */
char       *cirt_seal_file_name        (const char  *path);

G_END_DECLS
