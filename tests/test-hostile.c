/* test-hostile.c — the catalogue of hostile inputs, through every entry
 * point of cirt-assess-cli: answer values, instrument files, exchange files,
 * database files, sealed files, hostile text. Each is refused with a message that says
 * why (exit 1, or 2 for a usage error) and the database left byte for byte
 * as it was, or stored exactly as given. Nothing crashes (a crash is an exit
 * status other than 0, 1 and 2).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cirt-exchange.h"
#include "cirt-test-gpg.h"
#include "cirt-exchange.h"
#include "cirt-test-util.h"

static char *db;
static char *id;

static void
setup (void)
{
  g_autofree char *out = NULL, *err = NULL;

  db = cirt_test_tmp_path ("hostile.db");
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "new", "--title", "Hostile inputs", "--country",
                                       "Examplia", "--instrument", "test-mini", NULL), 0);
  id = g_strdup (g_strstrip (out));
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "answer", id, "T-LAW-1", "2", "--notes", "before",
                                       NULL), 0);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

/* The bytes of the database and its log, as one sha256. */
static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *a = cirt_test_file_sha256 (db);
  g_autofree char *b = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
  return g_strconcat (a, b, NULL);
}

/* Runs the CLI on @argv (with --db first) and checks a clear refusal that
 * changed nothing. */
static void
assert_refused (const char          *name,
                const char * const  *argv,
                int                  status,
                const char          *expect)
{
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_autofree char *before = db_state (), *after = NULL, *out = NULL, *err = NULL;
  int rc;

  g_ptr_array_add (full, "--db");
  g_ptr_array_add (full, db);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (full, (gpointer) argv[i]);
  g_ptr_array_add (full, NULL);
  rc = cirt_test_run_cli_argv ((const char * const *) full->pdata, &out, &err);
  ck_assert_msg (rc == status, "%s: exit %d (expected %d): %s", name, rc, status, err);
  ck_assert_msg (strstr (err, expect) != NULL, "%s: expected \"%s\" in: %s", name, expect, err);
  ck_assert_msg (strlen (err) < 4096, "%s: a message of %zu bytes", name, strlen (err));
  after = db_state ();
  ck_assert_msg (strcmp (before, after) == 0, "%s: the database changed", name);
}

static char *
notes_of (const char *question)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *answers;

  ck_assert_int_eq (cirt_test_run_cli (&out, NULL, "--db", db, "show", id, "--json", NULL), 0);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));
  answers = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "answers");
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *a = json_array_get_object_element (answers, i);
      if (g_strcmp0 (json_object_get_string_member (a, "question"), question) == 0)
        return g_strdup (json_object_get_string_member (a, "notes"));
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */

START_TEST (test_answer_values)
{
  static const struct { const char *q, *value, *expect; } cases[] = {
    { "T-LAW-1", "7", "is not a level" },
    { "T-LAW-1", "2.5", "is not a level" },
    { "T-LAW-1", "", "is not a level" },
    { "T-LAW-2", "maybe", "is not an answer" },
    { "T-OPS-1", "sometimes", "not an option" },
    { "T-OPS-2", "health,moon", "moon" },
    { "T-CTX-2", "1e999", "is not a number" },
    { "T-CTX-2", "NaN", "is not a number" },
    { "T-CTX-3", "2026-02-30", "T-CTX-3" },
    { "T-CTX-3", "tomorrow", "T-CTX-3" },
    { "NOPE-1", "1", "no question \"NOPE-1\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("answer %s %s", cases[i].q, cases[i].value);
      const char *argv[] = { "answer", id, cases[i].q, cases[i].value, NULL };
      assert_refused (name, argv, 1, cases[i].expect);
    }
  {
    const char *argv[] = { "answer", "00000000-0000-0000-0000-000000000000", "T-LAW-1", "1", NULL };
    assert_refused ("an unknown assessment", argv, 1, "no assessment");
  }
  {
    const char *argv[] = { "target", id, "legal", "9", NULL };
    assert_refused ("a target of 9", argv, 1, "is not a target level");
  }
  {
    const char *argv[] = { "stakeholder", id, "add", "--name", "", "--organisation", "Regulator", NULL };
    assert_refused ("a stakeholder without a name", argv, 1, "must not be empty");
  }
  {
    g_autofree char *long_title = g_strnfill (5000, 'T');
    const char *argv[] = { "new", "--title", long_title, "--country", "X", "--instrument", "test-mini", NULL };
    assert_refused ("a 5000-character title", argv, 1, "too long");
  }
}
END_TEST

START_TEST (test_hostile_text)
{
  /* Refused: text that is not text. */
  {
    const char *argv[] = { "answer", id, "T-CTX-1", "a\xff" "b", NULL };
    assert_refused ("invalid UTF-8 in an answer", argv, 1, "not valid UTF-8");
  }
  {
    const char *argv[] = { "answer", id, "T-LAW-1", "2", "--notes", "ok\xc3", NULL };
    assert_refused ("invalid UTF-8 in notes", argv, 1, "is not valid UTF-8");
  }
  /* Stored exactly: text that only looks dangerous. */
  {
    static const char * const kept[] = {
      "=cmd|' /C calc'!A0",                     /* a formula, for the workbook */
      "+SUM(A1:A9)",
      "@import",
      "\xe2\x80\xae" "gnp.exe",                 /* U+202E RIGHT-TO-LEFT OVERRIDE */
      "<b>not markup</b> & ]]> <w:p/>",
      "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7",  /* Arabic */
      "line 1\nline 2\ttab",
    };
    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        g_autofree char *back = NULL;
        ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "answer", id, "T-LAW-1", "2", "--notes", kept[i],
                                             NULL), 0);
        back = notes_of ("T-LAW-1");
        ck_assert_msg (g_strcmp0 (back, kept[i]) == 0, "stored \"%s\" as \"%s\"", kept[i], back);
      }
  }
}
END_TEST

static char *
tmp_file (const char *name,
          const char *data,
          gssize      len)
{
  char *path = cirt_test_tmp_path (name);
  ck_assert (g_file_set_contents (path, data, len, NULL));
  return path;
}

START_TEST (test_instrument_files)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *big = NULL;
  static const char random_bytes[] = "\x00\x01\x7f\xfe\x80garbage\xff";
  struct { const char *name; char *path; const char *expect; } cases[] = {
    { "an empty instrument", tmp_file ("empty.json", "", 0), "empty" },
    { "random bytes", tmp_file ("random.json", random_bytes, sizeof random_bytes), "not UTF-8" },
    { "100,000 [", tmp_file ("deep.json", deep, -1), "nested more than" },
    { "a JSON array", tmp_file ("array.json", "[1, 2]", -1), "instrument.json" },
    { "an unknown key", tmp_file ("key.json", "{\"format\": \"cirt-instrument\", \"wieght\": 2}", -1), "wieght" },
    { "a NUL", tmp_file ("nul.json", "{\"id\": \"a\\u0000b\"}", -1), "NUL" },
    { "invalid UTF-8", tmp_file ("utf8.json", "{\"id\": \"\xff\"}", -1), "not UTF-8" },
  };

  {
    GString *s = g_string_new ("{\"id\": \"");
    for (int i = 0; i < 11 * 1024 * 1024 / 8; i++)
      g_string_append (s, "aaaaaaaa");
    g_string_append (s, "\"}");
    big = tmp_file ("big.json", s->str, s->len);
    g_string_free (s, TRUE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { "validate", cases[i].path, NULL };
      if (strcmp (cases[i].expect, "instrument.json") == 0)
        cases[i].expect = cases[i].path + strlen (cases[i].path) - strlen ("array.json");
      assert_refused (cases[i].name, argv, 1, cases[i].expect);
      g_free (cases[i].path);
    }
  {
    const char *argv[] = { "validate", big, NULL };
    assert_refused ("an 11 MB text", argv, 1, "big.json");
  }
  {
    /* An instrument that does not load cannot start an assessment either. */
    const char *argv[] = { "new", "--title", "T", "--country", "X", "--instrument", big, NULL };
    assert_refused ("a new assessment from a broken instrument", argv, 1, "big.json");
  }
}
END_TEST

START_TEST (test_exchange_files)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'n');
  g_autofree char *good = cirt_test_tmp_path ("good.json");
  g_autofree char *text = NULL;
  static const char random_bytes[] = "\x89PNG\r\n\x1a\n\x00\x00";
  GString *s;

  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "merge-export", id, "--out", good, NULL), 0);
  ck_assert (g_file_get_contents (good, &text, NULL, NULL));
  {
    struct { const char *name; char *path; const char *expect; } cases[] = {
      { "an empty exchange file", tmp_file ("x-empty.json", "", 0), "is empty" },
      { "random bytes", tmp_file ("x-random.json", random_bytes, sizeof random_bytes), "not a CIRT Assess exchange" },
      { "100,000 [", tmp_file ("x-deep.json", deep, -1), "nested more than" },
      { "another format", tmp_file ("x-other.json", "{\"format\": \"cirt-instrument\"}", -1), "not a CIRT Assess exchange" },
      { "a newer version", NULL, "is not supported (this version reads" },
      { "a 10 MB note", NULL, "too long" },
      { "a NUL in a note", NULL, "NUL" },
      { "an altered instrument", NULL, "does not match its sha256" },
    };

    s = g_string_new (text);
    {
      /* One more than this version writes. */
      g_autofree char *current = g_strdup_printf ("\"format_version\" : %d", CIRT_EXCHANGE_FORMAT_VERSION);
      g_autofree char *next = g_strdup_printf ("\"format_version\" : %d", CIRT_EXCHANGE_FORMAT_VERSION + 1);

      ck_assert_uint_eq (g_string_replace (s, current, next, 1), 1);
    }
    cases[4].path = tmp_file ("x-newer.json", s->str, s->len);
    g_string_free (s, TRUE);
    s = g_string_new (text);
    {
      g_autofree char *note = g_strdup_printf ("\"notes\" : \"%s\"", huge);
      ck_assert_uint_eq (g_string_replace (s, "\"notes\" : \"before\"", note, 1), 1);
    }
    cases[5].path = tmp_file ("x-huge.json", s->str, s->len);
    g_string_free (s, TRUE);
    s = g_string_new (text);
    ck_assert_uint_eq (g_string_replace (s, "\"notes\" : \"before\"", "\"notes\" : \"be\\u0000fore\"", 1), 1);
    cases[6].path = tmp_file ("x-nul.json", s->str, s->len);
    g_string_free (s, TRUE);
    s = g_string_new (text);
    ck_assert_uint_ge (g_string_replace (s, "Test instrument", "Test instrumenT", 1), 1);
    cases[7].path = tmp_file ("x-altered.json", s->str, s->len);
    g_string_free (s, TRUE);

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *argv[] = { "import", cases[i].path, NULL };
        assert_refused (cases[i].name, argv, 1, cases[i].expect);
        g_free (cases[i].path);
      }
  }
}
END_TEST

START_TEST (test_database_files)
{
  g_autofree char *good = NULL;
  gsize len = 0;
  struct { const char *name; char *path; int status; const char *expect; } cases[] = {
    { "random bytes", tmp_file ("random.db", "\x13\x37 not a database at all", -1), 1, "not a CIRT Assess database" },
    { "an SQLite header only", NULL, 1, "" },
    { "a truncated database", NULL, 1, "damaged" },
    { "a newer database", NULL, 1, "newer version of CIRT Assess" },
    { "another program's database", NULL, 1, "another program" },
    { "a folder", cirt_test_tmp_path ("a-folder.db"), 1, "is a folder" },
  };
  sqlite3 *s = NULL;

  ck_assert (g_file_get_contents (db, &good, &len, NULL));
  {
    /* A checkpointed copy, so the file holds everything. */
    g_autofree char *copy = cirt_test_tmp_path ("copy.db");
    ck_assert_int_eq (sqlite3_open (db, &s), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (s, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close (s);
    g_free (good);
    ck_assert (g_file_get_contents (db, &good, &len, NULL));
    cases[1].path = tmp_file ("header.db", good, 100);
    cases[2].path = tmp_file ("truncated.db", good, len / 2);
    cases[3].path = tmp_file ("newer.db", good, len);
    ck_assert_int_eq (sqlite3_open (cases[3].path, &s), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (s, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 77;", NULL, NULL, NULL),
                      SQLITE_OK);
    sqlite3_close (s);
    cases[4].path = cirt_test_tmp_path ("foreign.db");
    ck_assert_int_eq (sqlite3_open (cases[4].path, &s), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (s, "CREATE TABLE answer (x); CREATE TABLE assessment (y);", NULL, NULL, NULL),
                      SQLITE_OK);
    sqlite3_close (s);
    ck_assert_int_eq (g_mkdir (cases[5].path, 0700), 0);
    (void) copy;
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = g_file_test (cases[i].path, G_FILE_TEST_IS_REGULAR) ? cirt_test_file_sha256 (cases[i].path) : NULL;
      g_autofree char *after = NULL, *err = NULL;
      int rc = cirt_test_run_cli (NULL, &err, "--db", cases[i].path, "list", NULL);

      ck_assert_msg (rc == cases[i].status, "%s: exit %d: %s", cases[i].name, rc, err);
      ck_assert_msg (strstr (err, cases[i].expect) != NULL, "%s: expected \"%s\" in: %s", cases[i].name,
                     cases[i].expect, err);
      if (before != NULL)
        {
          after = cirt_test_file_sha256 (cases[i].path);
          ck_assert_msg (strcmp (before, after) == 0, "%s: the file changed", cases[i].name);
        }
      g_free (cases[i].path);
    }
  {
    /* An empty file is a new database: it is made, not refused. */
    g_autofree char *empty = tmp_file ("empty.db", "", 0);
    ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", empty, "list", NULL), 0);
  }
}
END_TEST

/* Another program holds the database locked: the write waits, then says so,
 * and nothing was written. */
START_TEST (test_locked_database)
{
  sqlite3 *s = NULL;
  g_autofree char *err = NULL, *back = NULL;

  ck_assert_int_eq (sqlite3_open (db, &s), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (s, "BEGIN EXCLUSIVE;", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq (cirt_test_run_cli (NULL, &err, "--db", db, "answer", id, "T-LAW-1", "3", "--notes", "while locked",
                                       NULL), 1);
  ck_assert_msg (strstr (err, "locked") != NULL, "%s", err);
  ck_assert_int_eq (sqlite3_exec (s, "ROLLBACK;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (s);
  back = notes_of ("T-LAW-1");
  ck_assert_str_eq (back, "before");
}
END_TEST

/* Sealed exchange files that cannot be opened, or open to something that is
 * not one: each refused, nothing written. */
START_TEST (test_sealed_files)
{
  g_autoptr(CirtTestKeyring) alice = cirt_test_keyring_new ("alice", "alice@example.org");
  g_autoptr(CirtTestKeyring) bob = cirt_test_keyring_new ("bob", "bob@example.net");
  g_autofree char *pass = tmp_file ("pass", "the right one\n", -1);
  g_autofree char *wrong = tmp_file ("wrong", "not the right one\n", -1);
  g_autofree char *long_line = g_strnfill (10 * 1024 * 1024, 'p');
  g_autofree char *long_pass = tmp_file ("long-pass", long_line, -1);
  g_autofree char *good = cirt_test_tmp_path ("good.json");
  g_autofree char *sealed = cirt_test_tmp_path ("good.json.gpg");
  g_autofree char *to_bob = cirt_test_tmp_path ("to-bob.gpg");
  g_autofree char *no_mdc = cirt_test_tmp_path ("no-mdc.gpg");
  g_autofree char *bomb_plain = cirt_test_tmp_path ("zeros");
  g_autofree char *bomb = cirt_test_tmp_path ("bomb.gpg");
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *deep_plain = tmp_file ("deep.json", deep, -1);
  g_autofree char *deep_sealed = cirt_test_tmp_path ("deep.json.gpg");
  g_autofree char *pdf = cirt_test_tmp_path ("report.pdf");
  g_autofree char *data = NULL, *gerr = NULL;
  gsize len = 0;
  FILE *f;

  g_setenv ("GNUPGHOME", alice->home, TRUE);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "merge-export", id, "--out", good, NULL), 0);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "merge-export", id, "--out", sealed,
                                       "--seal-passphrase-file", pass, NULL), 0);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "export", id, "--pdf", pdf, "--seal-passphrase-file",
                                       pass, NULL), 0);
  ck_assert (g_file_get_contents (sealed, &data, &len, NULL));
  /* Sealed by gpg: to a key whose secret part is not here; without
   * integrity protection; 600 MB of zeros (more than the 512 MiB an exchange file may
   * be) in a few hundred kilobytes; JSON
   * nested 100,000 deep. */
  ck_assert_int_eq (cirt_test_gpg (bob, NULL, NULL, &gerr, "--output", to_bob, "--recipient", bob->fingerprint,
                                   "--encrypt", good, NULL), 0);
  ck_assert_msg (cirt_test_gpg (alice, NULL, NULL, &gerr, "--pinentry-mode", "loopback", "--passphrase-file", pass,
                                "--rfc2440", "--output", no_mdc, "--symmetric", good, NULL) == 0, "%s", gerr);
  ck_assert ((f = fopen (bomb_plain, "w")) != NULL);
  ck_assert_int_eq (ftruncate (fileno (f), 600 * 1024 * 1024), 0);
  fclose (f);
  ck_assert_int_eq (cirt_test_gpg (alice, NULL, NULL, NULL, "--pinentry-mode", "loopback", "--passphrase-file", pass,
                                   "--compress-level", "9", "--output", bomb, "--symmetric", bomb_plain, NULL), 0);
  g_unlink (bomb_plain);
  ck_assert_int_eq (cirt_test_gpg (alice, NULL, NULL, NULL, "--pinentry-mode", "loopback", "--passphrase-file", pass,
                                   "--output", deep_sealed, "--symmetric", deep_plain, NULL), 0);
  {
    g_autofree char *flipped = g_memdup2 (data, len);
    g_autofree char *sealed_pdf = g_strconcat (pdf, ".gpg", NULL);
    struct { const char *name; char *path; const char *pass; const char *expect; } cases[] = {
      { "sealed, no passphrase given", g_strdup (sealed), NULL, "sealed with a passphrase" },
      { "sealed, the wrong passphrase", g_strdup (sealed), wrong, "not the one it was sealed with" },
      { "sealed, a 10 MB passphrase line", g_strdup (sealed), long_pass, "does not hold a passphrase" },
      { "sealed, cut in half", tmp_file ("half.gpg", data, len / 2), pass, "truncated or was altered" },
      { "sealed, one byte altered", NULL, pass, "truncated or was altered" },
      { "sealed, the last byte missing", tmp_file ("short.gpg", data, len - 1), pass, "truncated or was altered" },
      { "sealed to another keyring's key", g_strdup (to_bob), NULL, "secret part is not in this keyring" },
      { "sealed without integrity protection", g_strdup (no_mdc), pass, "without integrity protection" },
      { "a sealed 600 MB", g_strdup (bomb), pass, "opens to more than" },
      { "an armour header and nothing", tmp_file ("armour.asc", "-----BEGIN PGP MESSAGE-----\n\nxyz\n", -1), pass,
        "truncated or was altered" },
      { "a session-key packet header and noise", tmp_file ("noise.gpg", "\x8c\x0d\x04\x09\x03\x02garbage", 14),
        pass, "truncated or was altered" },
      { "a sealed report, not an exchange file", g_strdup (sealed_pdf), pass, "not a CIRT Assess exchange file" },
      { "sealed JSON nested 100,000 deep", g_strdup (deep_sealed), pass, "nested more than" },
    };

    flipped[len / 2] ^= 0x01;
    cases[4].path = tmp_file ("flipped.gpg", flipped, len);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *with[] = { "import", cases[i].path, "--passphrase-file", cases[i].pass, NULL };
        const char *without[] = { "import", cases[i].path, NULL };
        assert_refused (cases[i].name, cases[i].pass ? with : without, 1, cases[i].expect);
        g_free (cases[i].path);
      }
  }
  g_unsetenv ("GNUPGHOME");
}
END_TEST

static Suite *
hostile_suite (void)
{
  Suite *s = suite_create ("hostile");
  TCase *tc = tcase_create ("catalogue");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_answer_values);
  tcase_add_test (tc, test_hostile_text);
  tcase_add_test (tc, test_instrument_files);
  tcase_add_test (tc, test_exchange_files);
  tcase_add_test (tc, test_database_files);
  tcase_add_test (tc, test_locked_database);
  tcase_add_test (tc, test_sealed_files);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (hostile_suite ());
}
