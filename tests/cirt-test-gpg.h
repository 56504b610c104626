/* cirt-test-gpg.h — a throw-away GnuPG keyring for the tests of sealed files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real gpg does the other side of every test: it decrypts what the
 * program sealed, and seals what the program must open. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *home;         /* GNUPGHOME, 0700 */
  char *fingerprint;  /* of its one key (no passphrase on the secret key) */
  char *email;
} CirtTestKeyring;

/* Creates a keyring in the test's temporary folder with a fresh key for
 * @email (ed25519 + cv25519). */
CirtTestKeyring *cirt_test_keyring_new   (const char      *name,
                                          const char      *email);
/* Stops its agent and frees it. */
void             cirt_test_keyring_free  (CirtTestKeyring *keyring);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtTestKeyring, cirt_test_keyring_free)

/* Runs gpg --batch with @keyring's home and the arguments; stdout into @out
 * (may be NULL; binary-safe with @out_len), stderr into @err. Returns the
 * exit status. */
int              cirt_test_gpg           (CirtTestKeyring *keyring,
                                          char           **out,
                                          gsize           *out_len,
                                          char           **err,
                                          const char      *first,
                                          ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
