/* cirt-test-gpg.c — a throw-away GnuPG keyring for the tests of sealed files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-test-gpg.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cirt-test-util.h"

static int
run_gpg_argv (CirtTestKeyring    *keyring,
              const char * const *args,
              char              **out,
              gsize              *out_len,
              char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) o = NULL, e = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, "gpg");
  g_ptr_array_add (argv, "--batch");
  g_ptr_array_add (argv, "--no-tty");
  g_ptr_array_add (argv, "--homedir");
  g_ptr_array_add (argv, keyring->home);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  ck_assert_msg (proc != NULL, "gpg: %s", error ? error->message : "");
  ck_assert_msg (g_subprocess_communicate (proc, NULL, NULL, &o, &e, &error), "gpg: %s", error ? error->message : "");
  if (out)
    {
      gsize len = 0;
      const char *d = g_bytes_get_data (o, &len);
      *out = g_malloc (len + 1);
      if (len)
        memcpy (*out, d, len);
      (*out)[len] = '\0';
      if (out_len)
        *out_len = len;
    }
  if (err)
    *err = g_strndup (g_bytes_get_data (e, NULL), g_bytes_get_size (e));
  return g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

int
cirt_test_gpg (CirtTestKeyring  *keyring,
               char            **out,
               gsize            *out_len,
               char            **err,
               const char       *first,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_gpg_argv (keyring, (const char * const *) args->pdata, out, out_len, err);
}

CirtTestKeyring *
cirt_test_keyring_new (const char *name,
                       const char *email)
{
  CirtTestKeyring *keyring = g_new0 (CirtTestKeyring, 1);
  g_autofree char *uid = g_strdup_printf ("%s <%s>", name, email);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *base = g_strdup_printf ("gnupg-%s", name);

  keyring->home = cirt_test_tmp_path (base);
  keyring->email = g_strdup (email);
  ck_assert_int_eq (g_mkdir_with_parents (keyring->home, 0700), 0);
  ck_assert_msg (cirt_test_gpg (keyring, NULL, NULL, &err, "--passphrase", "", "--quick-gen-key", uid,
                                "future-default", "default", "never", NULL) == 0,
                 "gpg --quick-gen-key: %s", err);
  ck_assert_int_eq (cirt_test_gpg (keyring, &out, NULL, NULL, "--with-colons", "--list-keys", email, NULL), 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] && keyring->fingerprint == NULL; i++)
    if (g_str_has_prefix (lines[i], "fpr:"))
      {
        g_auto(GStrv) f = g_strsplit (lines[i], ":", -1);
        keyring->fingerprint = g_strdup (f[9]);
      }
  ck_assert_ptr_nonnull (keyring->fingerprint);
  return keyring;
}

void
cirt_test_keyring_free (CirtTestKeyring *keyring)
{
  const char *argv[] = { "gpgconf", "--homedir", NULL, "--kill", "all", NULL };

  if (keyring == NULL)
    return;
  argv[2] = keyring->home;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (keyring->home);
  g_free (keyring->fingerprint);
  g_free (keyring->email);
  g_free (keyring);
}
