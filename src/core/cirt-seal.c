/* cirt-seal.c — sealed files through GPGME
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-seal.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gpgme.h>
#include <string.h>
#include <unistd.h>

#include "cirt-records.h"

G_DEFINE_QUARK (cirt-seal-error-quark, cirt_seal_error)

struct _CirtSeal {
  GPtrArray *recipients;   /* gpgme_key_t */
  GPtrArray *fingerprints; /* char*, NULL-terminated */
  char      *passphrase;
};

/* The longest passphrase taken from a file: a line, not a document. */
#define MAX_PASSPHRASE 4096

static void
wipe (void  *p,
      gsize  len)
{
  if (p != NULL && len > 0)
    explicit_bzero (p, len);
}

static gboolean
ensure_gpgme (GError **error)
{
  static gsize once = 0;
  static gboolean usable = FALSE;

  if (g_once_init_enter (&once))
    {
      gpgme_check_version (NULL);
      usable = gpgme_engine_check_version (GPGME_PROTOCOL_OpenPGP) == 0;
      g_once_init_leave (&once, 1);
    }
  if (!usable)
    g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_UNAVAILABLE,
                 _("files cannot be sealed or opened: GnuPG (gpg) is not installed"));
  return usable;
}

typedef struct {
  const char *passphrase;
  guint       asked;       /* times GnuPG asked for a passphrase */
  gboolean    for_key;     /* it asked for a secret key's passphrase */
  gboolean    refused;     /* we had none, or it said the last was wrong */
} PassState;

static gpgme_error_t
passphrase_cb (void       *hook,
               const char *uid_hint,
               const char *passphrase_info,
               int         prev_was_bad,
               int         fd)
{
  PassState *state = hook;

  (void) passphrase_info;
  state->asked++;
  state->for_key = uid_hint != NULL;
  if (state->passphrase == NULL || prev_was_bad)
    {
      state->refused = TRUE;
      return gpg_error (GPG_ERR_CANCELED);
    }
  if (gpgme_io_writen (fd, state->passphrase, strlen (state->passphrase)) != 0 ||
      gpgme_io_writen (fd, "\n", 1) != 0)
    return gpg_error_from_syserror ();
  return 0;
}

static gpgme_ctx_t
new_context (PassState  *state,
             GError    **error)
{
  gpgme_ctx_t ctx = NULL;
  gpgme_error_t err;

  if (!ensure_gpgme (error))
    return NULL;
  err = gpgme_new (&ctx);
  if (err == 0)
    err = gpgme_set_protocol (ctx, GPGME_PROTOCOL_OpenPGP);
  if (err == 0)
    /* The passphrase comes from us, never from a pinentry window of the
     * agent, and the agent does not keep it after the operation. */
    err = gpgme_set_pinentry_mode (ctx, GPGME_PINENTRY_MODE_LOOPBACK);
  if (err == 0)
    err = gpgme_set_ctx_flag (ctx, "no-symkey-cache", "1");
  if (err != 0)
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_UNAVAILABLE,
                   /* translators: %s is GnuPG's reason */
                   _("GnuPG cannot be used: %s"), gpgme_strerror (err));
      if (ctx)
        gpgme_release (ctx);
      return NULL;
    }
  gpgme_set_armor (ctx, 0);
  if (state != NULL)
    gpgme_set_passphrase_cb (ctx, passphrase_cb, state);
  return ctx;
}

CirtSeal *
cirt_seal_new (void)
{
  CirtSeal *seal = g_new0 (CirtSeal, 1);

  seal->recipients = g_ptr_array_new_with_free_func ((GDestroyNotify) gpgme_key_unref);
  seal->fingerprints = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (seal->fingerprints, NULL);
  return seal;
}

void
cirt_seal_free (CirtSeal *seal)
{
  if (seal == NULL)
    return;
  g_ptr_array_unref (seal->recipients);
  g_ptr_array_unref (seal->fingerprints);
  if (seal->passphrase)
    wipe (seal->passphrase, strlen (seal->passphrase));
  g_free (seal->passphrase);
  g_free (seal);
}

gboolean
cirt_seal_is_set (const CirtSeal *seal)
{
  return seal != NULL && (seal->recipients->len > 0 || seal->passphrase != NULL);
}

const char * const *
cirt_seal_get_recipients (const CirtSeal *seal)
{
  return (const char * const *) seal->fingerprints->pdata;
}

/* @who as a fingerprint: 40 hex digits (spaces allowed), upper case. */
static char *
as_fingerprint (const char *who)
{
  GString *s = g_string_new (NULL);

  for (const char *p = who; *p; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p))
        return g_string_free (s, TRUE), NULL;
      g_string_append_c (s, g_ascii_toupper (*p));
    }
  if (g_str_has_prefix (s->str, "0X"))
    g_string_erase (s, 0, 2);
  if (s->len != 40)
    return g_string_free (s, TRUE), NULL;
  return g_string_free (s, FALSE);
}

static gboolean
key_usable (gpgme_key_t key)
{
  if (key->revoked || key->expired || key->disabled || key->invalid || !key->can_encrypt)
    return FALSE;
  for (gpgme_subkey_t sub = key->subkeys; sub; sub = sub->next)
    if (sub->can_encrypt && !sub->revoked && !sub->expired && !sub->disabled && !sub->invalid)
      return TRUE;
  return FALSE;
}

static gboolean
key_fully_valid (gpgme_key_t key)
{
  for (gpgme_user_id_t uid = key->uids; uid; uid = uid->next)
    if (!uid->revoked && !uid->invalid && uid->validity >= GPGME_VALIDITY_FULL)
      return TRUE;
  return FALSE;
}

gboolean
cirt_seal_add_recipient (CirtSeal    *seal,
                         const char  *who,
                         GError     **error)
{
  g_autofree char *fpr = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) gpgme_key_unref);
  gpgme_ctx_t ctx;
  gpgme_key_t key = NULL;
  gpgme_error_t err;

  g_return_val_if_fail (seal != NULL && who != NULL, FALSE);

  shown = cirt_shorten_message (g_strdup (who));
  if (*g_strstrip (shown) == '\0' || !g_utf8_validate (who, -1, NULL))
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_KEY,
                   _("a recipient must be given by the fingerprint, key id or e-mail address of a key"));
      return FALSE;
    }
  if ((ctx = new_context (NULL, error)) == NULL)
    return FALSE;
  fpr = as_fingerprint (who);
  err = gpgme_op_keylist_start (ctx, fpr ? fpr : shown, 0);
  while (err == 0 && (err = gpgme_op_keylist_next (ctx, &key)) == 0)
    {
      if (key_usable (key))
        g_ptr_array_add (found, key);
      else
        gpgme_key_unref (key);
    }
  gpgme_op_keylist_end (ctx);
  gpgme_release (ctx);
  if (err != 0 && gpgme_err_code (err) != GPG_ERR_EOF)
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_FAILED,
                   /* translators: "cannot look up the key of RECIPIENT: REASON" */
                   _("cannot look up the key of %s: %s"), shown, gpgme_strerror (err));
      return FALSE;
    }
  if (found->len == 0)
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_KEY,
                   _("no usable public key for %s in the keyring (import it with gpg --import; a revoked or "
                     "expired key, or one that cannot encrypt, is not used)"), shown);
      return FALSE;
    }
  if (found->len > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", ((gpgme_key_t) found->pdata[i])->fpr);
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_KEY,
                   /* translators: the second %s is a list of fingerprints */
                   _("%s matches several keys (%s): give the fingerprint of the one to seal to"), shown, list->str);
      return FALSE;
    }
  key = found->pdata[0];
  if (fpr == NULL && !key_fully_valid (key))
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_KEY,
                   _("the key found for %s (%s) is not certified in this keyring: give its fingerprint to confirm "
                     "that it is the right key"), shown, key->fpr);
      return FALSE;
    }
  for (guint i = 0; i < seal->recipients->len; i++)
    if (g_strcmp0 (((gpgme_key_t) seal->recipients->pdata[i])->fpr, key->fpr) == 0)
      return TRUE;
  g_ptr_array_steal_index (found, 0);
  g_ptr_array_add (seal->recipients, key);
  g_ptr_array_insert (seal->fingerprints, (int) seal->fingerprints->len - 1, g_strdup (key->fpr));
  return TRUE;
}

gboolean
cirt_seal_set_passphrase (CirtSeal    *seal,
                          const char  *passphrase,
                          GError     **error)
{
  g_return_val_if_fail (seal != NULL && passphrase != NULL, FALSE);

  if (*passphrase == '\0' || strchr (passphrase, '\n') != NULL || strlen (passphrase) > MAX_PASSPHRASE ||
      !g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE,
                   _("a passphrase must be one line of text, not empty"));
      return FALSE;
    }
  if (seal->passphrase)
    wipe (seal->passphrase, strlen (seal->passphrase));
  g_free (seal->passphrase);
  seal->passphrase = g_strdup (passphrase);
  return TRUE;
}

char *
cirt_seal_read_passphrase (const char  *path,
                           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  char buf[MAX_PASSPHRASE + 2];
  gsize n = 0;
  int fd;
  char *line;

  fd = strcmp (path, "-") == 0 ? dup (STDIN_FILENO) : g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot read %s: %s"), display,
                   g_strerror (saved));
      return NULL;
    }
  while (n < sizeof buf - 1)
    {
      ssize_t r = read (fd, buf + n, sizeof buf - 1 - n);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      if (memchr (buf + n, '\n', (gsize) r) != NULL)
        {
          n += (gsize) r;
          break;
        }
      n += (gsize) r;
    }
  close (fd);
  buf[n] = '\0';
  line = g_strndup (buf, strcspn (buf, "\r\n"));
  wipe (buf, sizeof buf);
  if (*line == '\0' || strlen (line) > MAX_PASSPHRASE || !g_utf8_validate (line, -1, NULL))
    {
      wipe (line, strlen (line));
      g_free (line);
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE,
                   _("%s does not hold a passphrase: its first line must be the passphrase, of at most %d bytes of "
                     "text"), display, MAX_PASSPHRASE);
      return NULL;
    }
  return line;
}

gboolean
cirt_seal_encrypt_to_fd (const CirtSeal *seal,
                         const void     *data,
                         gsize           len,
                         int             fd,
                         GError        **error)
{
  PassState state = { .passphrase = seal->passphrase };
  g_autofree gpgme_key_t *keys = NULL;
  gpgme_ctx_t ctx;
  gpgme_data_t in = NULL, out = NULL;
  gpgme_encrypt_flags_t flags = GPGME_ENCRYPT_NO_ENCRYPT_TO;
  gpgme_error_t err;

  g_return_val_if_fail (cirt_seal_is_set (seal), FALSE);

  if ((ctx = new_context (&state, error)) == NULL)
    return FALSE;
  keys = g_new0 (gpgme_key_t, seal->recipients->len + 1);
  for (guint i = 0; i < seal->recipients->len; i++)
    keys[i] = seal->recipients->pdata[i];
  /* Every key was chosen by its fingerprint or found fully valid when it
   * was added: trust is settled there. */
  if (seal->recipients->len > 0)
    flags |= GPGME_ENCRYPT_ALWAYS_TRUST;
  if (seal->passphrase != NULL)
    flags |= GPGME_ENCRYPT_SYMMETRIC;
  err = gpgme_data_new_from_mem (&in, data, len, 0);
  if (err == 0)
    err = gpgme_data_new_from_fd (&out, fd);
  if (err == 0)
    err = gpgme_op_encrypt (ctx, seal->recipients->len > 0 ? keys : NULL, flags, in, out);
  if (err == 0)
    {
      gpgme_encrypt_result_t result = gpgme_op_encrypt_result (ctx);
      if (result != NULL && result->invalid_recipients != NULL)
        err = gpg_error (GPG_ERR_UNUSABLE_PUBKEY);
    }
  gpgme_data_release (in);
  gpgme_data_release (out);
  gpgme_release (ctx);
  if (err != 0)
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_FAILED,
                   /* translators: %s is GnuPG's reason */
                   _("the file could not be sealed: %s"), gpgme_strerror (err));
      return FALSE;
    }
  return TRUE;
}

gboolean
cirt_seal_looks_sealed (const void *head,
                        gsize       len)
{
  static const char armor[] = "-----BEGIN PGP MESSAGE-----";
  const guint8 *p = head;
  guint tag;

  if (len >= sizeof armor - 1 && memcmp (p, armor, sizeof armor - 1) == 0)
    return TRUE;
  if (len < 2 || (p[0] & 0x80) == 0)
    return FALSE;
  /* RFC 4880 §4.2: new-format packets carry the tag in 6 bits, old-format
   * ones in 4. A message begins with a session key packet: public-key (1)
   * or symmetric (3). */
  tag = (p[0] & 0x40) ? (p[0] & 0x3f) : ((p[0] >> 2) & 0x0f);
  return tag == 1 || tag == 3;
}

/* The plain bytes, in memory we can wipe: every buffer given up while
 * growing is wiped before it is freed. */
typedef struct {
  char     *data;
  gsize     len;
  gsize     alloc;
  gsize     max;
  gboolean  too_large;
} PlainSink;

static ssize_t
sink_write (void       *handle,
            const void *buffer,
            size_t      size)
{
  PlainSink *sink = handle;

  if (size > sink->max - sink->len)
    {
      sink->too_large = TRUE;
      errno = EFBIG;
      return -1;
    }
  if (sink->len + size + 1 > sink->alloc)
    {
      gsize alloc = MAX (sink->alloc * 2, 64 * 1024);
      char *grown;

      while (alloc < sink->len + size + 1)
        alloc *= 2;
      grown = g_malloc (alloc);
      if (sink->data)
        {
          memcpy (grown, sink->data, sink->len);
          wipe (sink->data, sink->alloc);
          g_free (sink->data);
        }
      sink->data = grown;
      sink->alloc = alloc;
    }
  memcpy (sink->data + sink->len, buffer, size);
  sink->len += size;
  return (ssize_t) size;
}

static gboolean
all_recipients_unknown (gpgme_decrypt_result_t result)
{
  if (result == NULL || result->recipients == NULL)
    return FALSE;
  for (gpgme_recipient_t r = result->recipients; r; r = r->next)
    if (gpgme_err_code (r->status) != GPG_ERR_NO_SECKEY)
      return FALSE;
  return TRUE;
}

char *
cirt_seal_decrypt (const void  *data,
                   gsize        len,
                   const char  *passphrase,
                   gsize        max_bytes,
                   const char  *what,
                   gsize       *out_len,
                   GError     **error)
{
  PassState state = { .passphrase = passphrase };
  PlainSink sink = { .max = max_bytes };
  struct gpgme_data_cbs cbs = { .write = sink_write };
  gpgme_decrypt_result_t result;
  gpgme_ctx_t ctx;
  gpgme_data_t in = NULL, out = NULL;
  gpgme_error_t err;
  gboolean no_mdc = FALSE, unknown_keys = FALSE;
  g_autoptr(GString) keyids = g_string_new (NULL);

  if ((ctx = new_context (&state, error)) == NULL)
    return NULL;
  err = gpgme_data_new_from_mem (&in, data, len, 0);
  if (err == 0)
    err = gpgme_data_new_from_cbs (&out, &cbs, &sink);
  if (err == 0)
    err = gpgme_op_decrypt (ctx, in, out);
  result = gpgme_op_decrypt_result (ctx);
  if (result != NULL)
    {
      no_mdc = result->legacy_cipher_nomdc;
      unknown_keys = all_recipients_unknown (result);
      for (gpgme_recipient_t r = result->recipients; r; r = r->next)
        g_string_append_printf (keyids, "%s%s", keyids->len ? ", " : "", r->keyid);
    }
  gpgme_data_release (in);
  gpgme_data_release (out);
  gpgme_release (ctx);

  if (err == 0 && no_mdc)
    err = gpg_error (GPG_ERR_BAD_DATA);
  if (err != 0)
    {
      gpgme_err_code_t code = gpgme_err_code (err);

      cirt_seal_free_plain (sink.data, sink.alloc);
      if (sink.too_large)
        {
          g_autofree char *limit = g_format_size (max_bytes);
          g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_TOO_LARGE,
                       /* translators: the second %s is a size, "268.4 MB" */
                       _("%s opens to more than this program reads (%s)"), what, limit);
        }
      else if (code == GPG_ERR_BAD_PASSPHRASE || (state.refused && passphrase != NULL))
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_BAD_PASSPHRASE,
                     state.for_key ? _("%s: the passphrase does not unlock the secret key it is sealed to")
                                   : _("%s: the passphrase is not the one it was sealed with"), what);
      else if (code == GPG_ERR_CANCELED && state.asked > 0)
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE,
                     state.for_key ? _("%s is sealed to a secret key protected by a passphrase: give the passphrase")
                                   : _("%s is sealed with a passphrase: give the passphrase"), what);
      else if (unknown_keys || code == GPG_ERR_NO_SECKEY)
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NO_SECRET_KEY,
                     /* translators: the second %s is a list of key ids */
                     _("%s is sealed to keys whose secret part is not in this keyring (%s)"), what, keyids->str);
      else if (no_mdc)
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_DAMAGED,
                     _("%s is sealed without integrity protection, so an alteration could not be seen; it is not "
                       "opened"), what);
      else if (code == GPG_ERR_NO_DATA || code == GPG_ERR_DECRYPT_FAILED || code == GPG_ERR_BAD_DATA || code == GPG_ERR_INV_PACKET ||
               code == GPG_ERR_TRUNCATED || code == GPG_ERR_BAD_SIGNATURE || code == GPG_ERR_CHECKSUM)
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_DAMAGED,
                     _("%s cannot be opened: it is truncated or was altered after it was sealed"), what);
      else
        g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_FAILED,
                     /* translators: "FILE cannot be opened: GnuPG's reason" */
                     _("%s cannot be opened: %s"), what, gpgme_strerror (err));
      return NULL;
    }
  if (sink.data == NULL)
    {
      sink.data = g_malloc (1);
      sink.alloc = 1;
    }
  sink.data[sink.len] = '\0';
  *out_len = sink.len;
  /* The caller frees with the length it knows; the spare room is wiped now. */
  wipe (sink.data + sink.len + 1, sink.alloc - sink.len - 1);
  return sink.data;
}

void
cirt_seal_free_plain (char  *plain,
                      gsize  len)
{
  if (plain == NULL)
    return;
  wipe (plain, len);
  g_free (plain);
}

char *
cirt_seal_file_name (const char *path)
{
  if (g_str_has_suffix (path, ".gpg"))
    return g_strdup (path);
  return g_strconcat (path, ".gpg", NULL);
}
