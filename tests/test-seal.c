/* test-seal.c — sealed files, with the real gpg on the other side: what the
 * program seals (workbook, report, exchange file; to a key, with a
 * passphrase, or both) gpg opens, and what gpg seals the program imports.
 * The refusals of damaged and foreign sealed files are in test-hostile.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "cirt-seal.h"
#include "cirt-test-gpg.h"
#include "cirt-test-util.h"

static CirtTestKeyring *alice;   /* this laptop's keyring */
static char *db;
static char *id;
static char *dir;
static char *pass_file;

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;

  alice = cirt_test_keyring_new ("alice", "alice@example.org");
  g_setenv ("GNUPGHOME", alice->home, TRUE);
  db = cirt_test_tmp_path ("seal.db");
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "demo", NULL), 0);
  id = g_strdup (g_strstrip (out));
  dir = cirt_test_tmp_path ("out");
  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  pass_file = cirt_test_write_tmp ("pass", "correct horse battery staple\n");
}

static void
teardown (void)
{
  g_clear_pointer (&alice, cirt_test_keyring_free);
  g_unsetenv ("GNUPGHOME");
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&pass_file, g_free);
}

static char *
in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
dir_listing (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *n;

  while ((n = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_msg ((st.st_mode & 0777) == 0600, "%s has mode %o", path, st.st_mode & 0777);
}

/* gpg opens @path (with the passphrase file, or with the keyring) and its
 * plain text starts with @magic. */
static void
assert_gpg_opens (CirtTestKeyring *keyring,
                  const char      *path,
                  gboolean         with_passphrase,
                  const char      *magic,
                  gsize           *plain_len)
{
  g_autofree char *out = NULL, *err = NULL;
  gsize len = 0;
  int rc;

  if (with_passphrase)
    rc = cirt_test_gpg (keyring, &out, &len, &err, "--pinentry-mode", "loopback", "--passphrase-file", pass_file,
                        "--decrypt", path, NULL);
  else
    rc = cirt_test_gpg (keyring, &out, &len, &err, "--decrypt", path, NULL);
  ck_assert_msg (rc == 0, "gpg --decrypt %s: %s", path, err);
  ck_assert_msg (len > strlen (magic) && memcmp (out, magic, strlen (magic)) == 0, "%s opens to something else",
                 path);
  /* Integrity protected (gpg says so, and refuses to be quiet otherwise). */
  ck_assert_msg (strstr (err, "WARNING: message was not integrity protected") == NULL, "%s: %s", path, err);
  if (plain_len)
    *plain_len = len;
}

START_TEST (test_documents_sealed_with_passphrase)
{
  g_autofree char *xlsx = in_dir ("report.xlsx"), *pdf = in_dir ("report.pdf");
  g_autofree char *out = NULL, *err = NULL, *listing = NULL;
  gsize len = 0;

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--xlsx", xlsx, "--pdf", pdf,
                                    "--seal-passphrase-file", pass_file, NULL) == 0, "%s", err);
  /* The files are named for what they are, and nothing else is left. */
  listing = dir_listing ();
  ck_assert_str_eq (listing, "report.pdf.gpg report.xlsx.gpg");
  ck_assert_ptr_nonnull (strstr (out, "report.xlsx.gpg\n"));
  ck_assert_ptr_nonnull (strstr (out, "report.pdf.gpg\n"));
  {
    g_autofree char *sx = in_dir ("report.xlsx.gpg"), *sp = in_dir ("report.pdf.gpg");
    assert_private (sx);
    assert_private (sp);
    assert_gpg_opens (alice, sx, TRUE, "PK\003\004", &len);
    ck_assert_uint_gt (len, 10000);
    assert_gpg_opens (alice, sp, TRUE, "%PDF-", &len);
    ck_assert_uint_gt (len, 50000);
  }
}
END_TEST

START_TEST (test_chart_sealed)
{
  g_autofree char *svg = in_dir ("radar.svg"), *sealed = in_dir ("radar.svg.gpg");
  g_autofree char *out = NULL, *err = NULL, *listing = NULL;

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "chart", id, "--kind", "radar", "--out", svg,
                                    "--seal-passphrase-file", pass_file, NULL) == 0, "%s", err);
  /* The format is the name's before ".gpg"; only the sealed file is left. */
  listing = dir_listing ();
  ck_assert_str_eq (listing, "radar.svg.gpg");
  ck_assert_str_eq (g_strstrip (out), sealed);
  assert_private (sealed);
  assert_gpg_opens (alice, sealed, TRUE, "<?xml", NULL);
}
END_TEST

START_TEST (test_documents_sealed_to_a_key)
{
  g_autoptr(CirtTestKeyring) bob = cirt_test_keyring_new ("bob", "bob@example.net");
  g_autofree char *pdf = in_dir ("r.pdf.gpg"), *bob_pub = NULL, *out = NULL, *err = NULL;
  g_autofree char *key_file = NULL, *packets = NULL;
  gsize len = 0;

  /* Bob's public key, as published under RFC 2350, in this keyring. */
  ck_assert_int_eq (cirt_test_gpg (bob, &bob_pub, &len, NULL, "--armor", "--export", bob->fingerprint, NULL), 0);
  key_file = cirt_test_write_tmp ("bob.asc", bob_pub);
  ck_assert_int_eq (cirt_test_gpg (alice, NULL, NULL, NULL, "--import", key_file, NULL), 0);

  /* An e-mail address is not enough for a key nobody certified here. */
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--pdf", pdf, "--seal-to",
                                       "bob@example.net", NULL), 1);
  ck_assert_msg (strstr (err, "not certified") && strstr (err, bob->fingerprint), "%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Its fingerprint is; and the file opens with Bob's secret key alone, and
   * with Alice's (who sealed it to herself as well). */
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--pdf", pdf, "--seal-to", bob->fingerprint,
                                    "--seal-to", "alice@example.org", NULL) == 0, "%s", err);
  assert_private (pdf);
  assert_gpg_opens (bob, pdf, FALSE, "%PDF-", NULL);
  assert_gpg_opens (alice, pdf, FALSE, "%PDF-", NULL);
  /* Two session keys, one for each key; none for a passphrase (none was given). */
  cirt_test_gpg (bob, &packets, NULL, NULL, "--list-packets", pdf, NULL);
  ck_assert_ptr_nonnull (strstr (packets, ":pubkey enc packet:"));
  ck_assert_ptr_nonnull (strstr (strstr (packets, ":pubkey enc packet:") + 1, ":pubkey enc packet:"));
  ck_assert_ptr_null (strstr (packets, ":symkey enc packet:"));
}
END_TEST

START_TEST (test_recipients_refused)
{
  g_autofree char *pdf = in_dir ("r.pdf"), *out = NULL, *err = NULL, *listing = NULL;
  g_autofree char *empty = cirt_test_write_tmp ("empty-pass", "\n");
  struct { const char *option, *value, *expect; } cases[] = {
    { "--seal-to", "nobody@example.org", "no usable public key for nobody@example.org" },
    { "--seal-to", "0123456789ABCDEF0123456789ABCDEF01234567", "no usable public key" },
    { "--seal-to", "", "a recipient must be given" },
    { "--seal-passphrase-file", empty, "does not hold a passphrase" },
    { "--seal-passphrase-file", "/nonexistent/pass", "cannot read /nonexistent/pass" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int rc = cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--pdf", pdf, cases[i].option, cases[i].value,
                                  NULL);
      ck_assert_msg (rc == 1, "%s %s: exit %d", cases[i].option, cases[i].value, rc);
      ck_assert_msg (strstr (err, cases[i].expect) != NULL, "expected \"%s\" in: %s", cases[i].expect, err);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  /* Nothing was written, sealed or not. */
  listing = dir_listing ();
  ck_assert_str_eq (listing, "");
}
END_TEST

/* The assessment's answers in @database, as `show --json` prints them. */
static char *
answers_of (const char *database,
            const char *assessment)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--db", database, "show", assessment, "--json", NULL), 0);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));
  json_generator_set_root (gen, json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                        "answers"));
  return json_generator_to_data (gen, NULL);
}

START_TEST (test_exchange_round_trip)
{
  g_autofree char *file = in_dir ("mission.json"), *sealed = in_dir ("mission.json.gpg");
  g_autofree char *other = cirt_test_tmp_path ("other.db"), *third = cirt_test_tmp_path ("third.db");
  g_autofree char *out = NULL, *err = NULL, *a = NULL, *b = NULL;

  /* To a key: opened with the keyring's secret key, no passphrase. */
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "merge-export", id, "--out", file, "--seal-to",
                                    alice->fingerprint, NULL) == 0, "%s", err);
  ck_assert_str_eq (g_strstrip (out), sealed);
  ck_assert (!g_file_test (file, G_FILE_TEST_EXISTS));
  assert_private (sealed);
  assert_gpg_opens (alice, sealed, FALSE, "{", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", other, "import", sealed, NULL) == 0, "%s", err);
  ck_assert_str_eq (g_strstrip (out), id);
  a = answers_of (db, id);
  b = answers_of (other, id);
  ck_assert_str_eq (a, b);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* With a passphrase, given by file or on standard input: never as an argument. */
  g_unlink (sealed);
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "merge-export", id, "--out", sealed,
                                    "--seal-passphrase-file", pass_file, NULL) == 0, "%s", err);
  ck_assert_str_eq (g_strstrip (out), sealed);
  assert_gpg_opens (alice, sealed, TRUE, "{", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", third, "import", sealed, NULL), 1);
  ck_assert_msg (strstr (err, "sealed with a passphrase") && strstr (err, "--passphrase-file"), "%s", err);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--db", third, "list", NULL), 0);
  ck_assert_ptr_null (strstr (out, id));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", third, "import", sealed, "--passphrase-file", pass_file,
                                    NULL) == 0, "%s", err);
  g_free (b);
  b = answers_of (third, id);
  ck_assert_str_eq (a, b);
}
END_TEST

START_TEST (test_import_files_sealed_by_gpg)
{
  g_autofree char *plain = in_dir ("plain.json");
  g_autofree char *out = NULL, *err = NULL, *a = NULL;
  struct { const char *name; gboolean passphrase; gboolean armor; } cases[] = {
    { "symmetric.gpg", TRUE, FALSE },
    { "symmetric.asc", TRUE, TRUE },
    { "to-key.gpg", FALSE, FALSE },
    { "to-key.asc", FALSE, TRUE },
  };

  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", db, "merge-export", id, "--out", plain, NULL), 0);
  a = answers_of (db, id);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sealed = in_dir (cases[i].name);
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *target = cirt_test_tmp_path (name);
      g_autofree char *gerr = NULL, *b = NULL;
      int rc;

      if (cases[i].passphrase)
        rc = cirt_test_gpg (alice, NULL, NULL, &gerr, "--pinentry-mode", "loopback", "--passphrase-file", pass_file,
                            cases[i].armor ? "--armor" : "--no-armor", "--output", sealed, "--symmetric", plain, NULL);
      else
        rc = cirt_test_gpg (alice, NULL, NULL, &gerr, cases[i].armor ? "--armor" : "--no-armor", "--output", sealed,
                            "--recipient", alice->fingerprint, "--encrypt", plain, NULL);
      ck_assert_msg (rc == 0, "gpg: %s", gerr);
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&out, g_free);
      if (cases[i].passphrase)
        rc = cirt_test_run_cli (&out, &err, "--db", target, "import", sealed, "--passphrase-file", pass_file, NULL);
      else
        rc = cirt_test_run_cli (&out, &err, "--db", target, "import", sealed, NULL);
      ck_assert_msg (rc == 0, "%s: %s", cases[i].name, err);
      b = answers_of (target, id);
      ck_assert_str_eq (a, b);
    }
}
END_TEST

/* The core's detection of a sealed file: what gpg writes, not what the
 * program writes in plain. */
START_TEST (test_looks_sealed)
{
  static const guint8 symmetric_old[] = { 0x8c, 0x0d, 0x04, 0x09 };   /* old format, tag 3 */
  static const guint8 pubkey_new[] = { 0xc1, 0xc0, 0x4c, 0x03 };      /* new format, tag 1 */
  static const guint8 literal[] = { 0xcb, 0x0c, 0x62 };               /* a literal data packet, tag 11 */
  const char *armored = "-----BEGIN PGP MESSAGE-----\n\nhQ...";

  ck_assert (cirt_seal_looks_sealed (symmetric_old, sizeof symmetric_old));
  ck_assert (cirt_seal_looks_sealed (pubkey_new, sizeof pubkey_new));
  ck_assert (cirt_seal_looks_sealed (armored, strlen (armored)));
  ck_assert (!cirt_seal_looks_sealed (literal, sizeof literal));
  ck_assert (!cirt_seal_looks_sealed ("{\"format\"", 9));
  ck_assert (!cirt_seal_looks_sealed ("PK\003\004", 4));
  ck_assert (!cirt_seal_looks_sealed ("%PDF-1.5", 8));
  ck_assert (!cirt_seal_looks_sealed ("", 0));
  ck_assert (!cirt_seal_looks_sealed ("\x8c", 1));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("seal");
  TCase *tc = tcase_create ("seal");

  cirt_test_setup_env ();
  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_documents_sealed_with_passphrase);
  tcase_add_test (tc, test_documents_sealed_to_a_key);
  tcase_add_test (tc, test_chart_sealed);
  tcase_add_test (tc, test_recipients_refused);
  tcase_add_test (tc, test_exchange_round_trip);
  tcase_add_test (tc, test_import_files_sealed_by_gpg);
  tcase_add_test (tc, test_looks_sealed);
  suite_add_tcase (s, tc);
  return cirt_test_run_suite (s);
}
