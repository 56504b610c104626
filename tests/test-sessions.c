/* test-sessions.c — interview sessions, statements, answers given in a
 * session, their history, refusals that leave the database unchanged, and
 * the upgrade that adds them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cirt-exchange.h"
#include "cirt-export-xlsx.h"
#include "cirt-redact.h"
#include "cirt-mission-plan.h"
#include "cirt-store-sessions.h"
#include "cirt-test-util.h"

typedef struct {
  char           *path;
  CirtStore      *store;
  CirtInstrument *inst;
  char           *id;
  char           *amina;    /* stakeholder UUIDs */
  char           *karim;
} Fixture;

static Fixture fx;

static char *
add_person (const char *name,
            const char *organisation,
            const char *sector)
{
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 row;

  s->name = g_strdup (name);
  s->organisation = g_strdup (organisation);
  s->sector = g_strdup (sector);
  row = cirt_store_add_stakeholder (fx.store, fx.id, s, &error);
  ck_assert_msg (row > 0, "%s", error ? error->message : "");
  list = cirt_store_list_stakeholders (fx.store, fx.id, &error);
  for (guint i = 0; i < list->len; i++)
    {
      CirtStakeholder *l = g_ptr_array_index (list, i);
      if (l->id == row)
        {
          ck_assert_msg (g_uuid_string_is_valid (l->uuid), "a new stakeholder gets a UUID");
          return g_strdup (l->uuid);
        }
    }
  ck_abort_msg ("the stakeholder added is not listed");
  return NULL;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();

  fx.path = cirt_test_tmp_path ("sessions.db");
  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  fx.inst = cirt_test_load_fixture ("mini.json");
  info->title = g_strdup ("Readiness mission");
  info->country = g_strdup ("Examplia");
  g_ptr_array_add (insts, fx.inst);
  fx.id = cirt_store_create_assessment (fx.store, info, insts, &error);
  ck_assert_msg (fx.id != NULL, "%s", error ? error->message : "");
  fx.amina = add_person ("Dr. Amina Diallo", "Police cybercrime unit", "law-enforcement");
  fx.karim = add_person ("Karim Haddad", "ISP association", "ISPs and telecom operators");
}

static void
teardown (void)
{
  g_clear_object (&fx.store);
  g_clear_object (&fx.inst);
  g_clear_pointer (&fx.id, g_free);
  g_clear_pointer (&fx.path, g_free);
  g_clear_pointer (&fx.amina, g_free);
  g_clear_pointer (&fx.karim, g_free);
}

/* The database as files: the main file and its write-ahead log (where
 * every write goes first), so that a refusal that wrote anything shows. */
static char *
db_state (void)
{
  g_autofree char *wal = g_strconcat (fx.path, "-wal", NULL);
  g_autofree char *main_sum = cirt_test_file_sha256 (fx.path);
  g_autofree char *wal_sum = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");

  return g_strconcat (main_sum, " ", wal_sum, NULL);
}

static CirtInterview *
make_session (const char *date)
{
  CirtInterview *s = cirt_interview_new ();
  const char *people[] = { fx.amina, fx.karim, NULL };
  const char *assessors[] = { "Marie Dupont", "John Smith", NULL };
  const char *sections[] = { "law", "ops", NULL };

  s->date = g_strdup (date);
  s->start_time = g_strdup ("09:30");
  s->end_time = g_strdup ("11:00");
  s->place = g_strdup ("Ministry of ICT, room 4");
  s->stakeholders = g_strdupv ((char **) people);
  s->assessors = g_strdupv ((char **) assessors);
  s->sections = g_strdupv ((char **) sections);
  s->notes = g_strdup ("Bring the draft law.");
  s->author = g_strdup ("Marie Dupont");
  return s;
}

static char *
add_session (const char *date)
{
  g_autoptr(CirtInterview) s = make_session (date);
  g_autoptr(GError) error = NULL;
  char *uuid = cirt_store_add_interview (fx.store, fx.id, s, &error);

  ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  return uuid;
}

static guint
n_history (const char *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) h = cirt_store_get_interview_history (fx.store, fx.id, record, &error);

  ck_assert_msg (h != NULL, "%s", error ? error->message : "");
  return h->len;
}

START_TEST (test_session_crud)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = add_session ("2026-03-03");
  g_autofree char *earlier = add_session ("2026-03-02");
  g_autoptr(CirtInterview) back = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ck_assert (g_uuid_string_is_valid (uuid));
  back = cirt_store_get_interview (fx.store, fx.id, uuid, &error);
  ck_assert_ptr_nonnull (back);
  ck_assert_str_eq (back->date, "2026-03-03");
  ck_assert_str_eq (back->start_time, "09:30");
  ck_assert_str_eq (back->end_time, "11:00");
  ck_assert_str_eq (back->place, "Ministry of ICT, room 4");
  ck_assert_uint_eq (g_strv_length (back->stakeholders), 2);
  ck_assert_str_eq (back->stakeholders[0], fx.amina);
  ck_assert_str_eq (back->stakeholders[1], fx.karim);
  ck_assert_str_eq (back->assessors[1], "John Smith");
  ck_assert_str_eq (back->sections[0], "law");
  ck_assert_str_eq (back->author, "Marie Dupont");
  ck_assert_str_eq (back->created_at, back->modified_at);

  /* By date: the earlier session first. */
  list = cirt_store_list_interviews (fx.store, fx.id, &error);
  ck_assert_uint_eq (list->len, 2);
  ck_assert_str_eq (((CirtInterview *) g_ptr_array_index (list, 0))->id, earlier);
  ck_assert_str_eq (((CirtInterview *) g_ptr_array_index (list, 1))->id, uuid);

  /* Edit: recorded; the same content again writes nothing. */
  ck_assert_uint_eq (n_history (uuid), 1);
  g_free (back->place);
  back->place = g_strdup ("Regulator's office");
  g_clear_pointer (&back->sections[1], g_free);
  ck_assert_msg (cirt_store_update_interview (fx.store, fx.id, back, &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (n_history (uuid), 2);
  ck_assert (cirt_store_update_interview (fx.store, fx.id, back, &error));
  ck_assert_uint_eq (n_history (uuid), 2);
  {
    g_autoptr(CirtInterview) again = cirt_store_get_interview (fx.store, fx.id, uuid, &error);
    ck_assert_str_eq (again->place, "Regulator's office");
    ck_assert_uint_eq (g_strv_length (again->sections), 1);
  }

  /* A prefix finds it; a LIKE pattern never does. */
  {
    g_autofree char *prefix = g_strndup (uuid, 8);
    g_autofree char *full = cirt_store_resolve_interview (fx.store, fx.id, prefix, &error);
    ck_assert_str_eq (full, uuid);
    ck_assert_ptr_null (cirt_store_resolve_interview (fx.store, fx.id, "%", &error));
    ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
    g_clear_error (&error);
  }

  /* Removed: the history keeps it, and its id can be given back (undo). */
  ck_assert (cirt_store_remove_interview (fx.store, fx.id, uuid, "John Smith", &error));
  ck_assert_uint_eq (n_history (uuid), 3);
  ck_assert_ptr_null (cirt_store_get_interview (fx.store, fx.id, uuid, &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert (cirt_store_knows_interview (fx.store, fx.id, uuid));
  {
    g_autoptr(GPtrArray) h = cirt_store_get_interview_history (fx.store, fx.id, uuid, &error);
    CirtInterviewChange *last = g_ptr_array_index (h, 2);
    ck_assert_str_eq (last->kind, "session");
    ck_assert_str_eq (last->author, "John Smith");
    ck_assert_ptr_nonnull (last->old_json);
    ck_assert_ptr_null (last->new_json);
  }
  {
    g_autofree char *again = cirt_store_add_interview (fx.store, fx.id, back, &error);
    ck_assert_msg (again != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq (again, uuid);
    ck_assert_ptr_null (cirt_store_add_interview (fx.store, fx.id, back, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "already"));
  }
}
END_TEST

static void
assert_session_refused (CirtInterview *s,
                        const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = db_state ();
  g_autofree char *after = NULL;
  g_autofree char *uuid = cirt_store_add_interview (fx.store, fx.id, s, &error);

  ck_assert_ptr_null (uuid);
  ck_assert_msg (error != NULL && strstr (error->message, expected) != NULL, "expected \"%s\", got: %s", expected,
                 error ? error->message : "no error");
  after = db_state ();
  ck_assert_str_eq (before, after);
}

START_TEST (test_session_refused)
{
  g_autoptr(CirtInterview) s = NULL;

  s = make_session ("2026-03-02");
  g_free (s->stakeholders[1]);
  s->stakeholders[1] = g_uuid_string_random ();
  assert_session_refused (s, "no stakeholder");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("2026-03-02");
  g_free (s->sections[1]);
  s->sections[1] = g_strdup ("no-such-section");
  assert_session_refused (s, "no section \"no-such-section\"");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("3 March");
  assert_session_refused (s, "is not a date");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("2026-02-30");
  assert_session_refused (s, "is not a date");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("2026-03-02");
  g_free (s->end_time);
  s->end_time = g_strdup ("08:00");
  assert_session_refused (s, "end before it starts");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("2026-03-02");
  g_free (s->start_time);
  s->start_time = g_strdup ("25:00");
  assert_session_refused (s, "HH:MM");
  cirt_interview_free (g_steal_pointer (&s));

  /* A control character (a bell, an escape sequence) in a name. */
  s = make_session ("2026-03-02");
  g_free (s->place);
  s->place = g_strdup ("Room\x1b[31m 4");
  assert_session_refused (s, "control character (U+001B)");
  cirt_interview_free (g_steal_pointer (&s));

  /* A right-to-left override would show "Smith" as "htimS" and reorder
   * whatever follows it. */
  s = make_session ("2026-03-02");
  g_free (s->assessors[1]);
  s->assessors[1] = g_strdup ("John \u202eSmith");
  assert_session_refused (s, "reorders the text");
  cirt_interview_free (g_steal_pointer (&s));

  s = make_session ("2026-03-02");
  g_free (s->stakeholders[1]);
  s->stakeholders[1] = g_strdup (fx.amina);
  assert_session_refused (s, "given twice");
  cirt_interview_free (g_steal_pointer (&s));

  /* Arabic names are names. */
  s = make_session ("2026-03-02");
  g_free (s->assessors[1]);
  s->assessors[1] = g_strdup ("فاطمة الزهراء");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *uuid = cirt_store_add_interview (fx.store, fx.id, s, &error);
    ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
  }
}
END_TEST

static CirtStatement *
make_statement (const char *question,
                const char *stakeholder,
                const char *session,
                const char *text)
{
  CirtStatement *s = cirt_statement_new ();

  s->question = g_strdup (question);
  s->stakeholder = g_strdup (stakeholder);
  s->session = g_strdup (session);
  s->text = g_strdup (text);
  s->author = g_strdup ("Marie Dupont");
  return s;
}

static void
assert_statement_refused (CirtStatement *s,
                          const char    *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = db_state ();
  g_autofree char *after = NULL;
  g_autofree char *uuid = cirt_store_add_statement (fx.store, fx.id, s, &error);

  ck_assert_ptr_null (uuid);
  ck_assert_msg (error != NULL && strstr (error->message, expected) != NULL, "expected \"%s\", got: %s", expected,
                 error ? error->message : "no error");
  ck_assert_uint_lt (strlen (error->message), 500);
  after = db_state ();
  ck_assert_str_eq (before, after);
}

START_TEST (test_statements)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = add_session ("2026-03-03");
  /* Kept exactly: line breaks, Arabic, a direction mark, spaces at the end. */
  const char *said = "The law was adopted in 2024.\nالقانون معتمد \u202bمنذ\u202c 2024  ";
  g_autoptr(CirtStatement) a = make_statement ("T-LAW-2", fx.amina, session, said);
  g_autoptr(CirtStatement) b = make_statement ("T-LAW-2", fx.karim, NULL, "There is no such law.");
  g_autofree char *ua = NULL, *ub = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ua = cirt_store_add_statement (fx.store, fx.id, a, &error);
  ck_assert_msg (ua != NULL, "%s", error ? error->message : "");
  ub = cirt_store_add_statement (fx.store, fx.id, b, &error);
  ck_assert_msg (ub != NULL, "%s", error ? error->message : "");

  /* Both kept, contradicting each other, apart from any answer. */
  list = cirt_store_list_statements (fx.store, fx.id, "T-LAW-2", &error);
  ck_assert_uint_eq (list->len, 2);
  {
    CirtStatement *s0 = g_ptr_array_index (list, 0), *s1 = g_ptr_array_index (list, 1);
    gboolean a_first = strcmp (s0->id, ua) == 0;
    CirtStatement *sa = a_first ? s0 : s1, *sb = a_first ? s1 : s0;

    ck_assert_str_eq (sa->text, said);
    ck_assert_str_eq (sa->stakeholder, fx.amina);
    ck_assert_str_eq (sa->session, session);
    ck_assert_str_eq (sb->text, "There is no such law.");
    ck_assert_ptr_null (sb->session);
  }
  ck_assert_ptr_null (cirt_store_get_answer (fx.store, fx.id, "T-LAW-2", &error));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) other = cirt_store_list_statements (fx.store, fx.id, "T-LAW-1", &error);
    g_autoptr(GPtrArray) all = cirt_store_list_statements (fx.store, fx.id, NULL, &error);
    ck_assert_uint_eq (other->len, 0);
    ck_assert_uint_eq (all->len, 2);
  }

  /* Removed, with the removal in the history. */
  ck_assert_uint_eq (n_history (ua), 1);
  ck_assert (cirt_store_remove_statement (fx.store, fx.id, ua, "John Smith", &error));
  ck_assert_uint_eq (n_history (ua), 2);
  ck_assert (!cirt_store_remove_statement (fx.store, fx.id, ua, "John Smith", &error));
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_FOUND));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) h = cirt_store_get_interview_history (fx.store, fx.id, ua, &error);
    CirtInterviewChange *c = g_ptr_array_index (h, 1);
    g_autoptr(CirtStatement) old = cirt_statement_from_json (c->old_json);
    ck_assert_str_eq (c->kind, "statement");
    ck_assert_str_eq (old->text, said);
    ck_assert_ptr_null (c->new_json);
  }
}
END_TEST

START_TEST (test_statement_refused)
{
  g_autofree char *session = add_session ("2026-03-03");
  g_autofree char *other = g_uuid_string_random ();
  g_autoptr(CirtStatement) s = NULL;
  GString *big;

  s = make_statement ("T-LAW-2", other, NULL, "Said.");
  assert_statement_refused (s, "no stakeholder");
  cirt_statement_free (g_steal_pointer (&s));

  s = make_statement ("T-NOPE-9", fx.amina, NULL, "Said.");
  assert_statement_refused (s, "no question \"T-NOPE-9\"");
  cirt_statement_free (g_steal_pointer (&s));

  s = make_statement ("T-LAW-2", fx.amina, other, "Said.");
  assert_statement_refused (s, "no interview session");
  cirt_statement_free (g_steal_pointer (&s));

  s = make_statement ("T-LAW-2", fx.amina, session, "   \n ");
  assert_statement_refused (s, "must not be empty");
  cirt_statement_free (g_steal_pointer (&s));

  s = make_statement ("T-LAW-2", fx.amina, session, "Said\x07 loudly.");
  assert_statement_refused (s, "control character (U+0007)");
  cirt_statement_free (g_steal_pointer (&s));

  /* 10 MB: refused with the limit in words, the message short. */
  big = g_string_new (NULL);
  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, "The ministry says the law is adopted. ");
  s = make_statement ("T-LAW-2", fx.amina, session, big->str);
  assert_statement_refused (s, "at most 64 KB");
  cirt_statement_free (g_steal_pointer (&s));

  /* One byte over the limit is refused; the limit itself is kept exactly. */
  g_string_set_size (big, CIRT_MAX_STATEMENT + 1);
  s = make_statement ("T-LAW-2", fx.amina, session, big->str);
  assert_statement_refused (s, "too long");
  cirt_statement_free (g_steal_pointer (&s));
  g_string_set_size (big, CIRT_MAX_STATEMENT);
  s = make_statement ("T-LAW-2", fx.amina, session, big->str);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *uuid = cirt_store_add_statement (fx.store, fx.id, s, &error);
    g_autoptr(GPtrArray) list = cirt_store_list_statements (fx.store, fx.id, "T-LAW-2", &error);

    ck_assert_msg (uuid != NULL, "%s", error ? error->message : "");
    ck_assert_uint_eq (list->len, 1);
    ck_assert_uint_eq (strlen (((CirtStatement *) g_ptr_array_index (list, 0))->text), CIRT_MAX_STATEMENT);
    ck_assert_str_eq (((CirtStatement *) g_ptr_array_index (list, 0))->text, big->str);
  }
  g_string_free (big, TRUE);
}
END_TEST

START_TEST (test_answer_in_session)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = add_session ("2026-03-03");
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-2");
  g_autoptr(CirtAnswer) back = NULL;

  a->value = g_strdup ("yes");
  a->session = g_strdup (session);
  a->author = g_strdup ("Marie Dupont");
  ck_assert_msg (cirt_store_save_answer (fx.store, fx.id, a, &error), "%s", error ? error->message : "");
  back = cirt_store_get_answer (fx.store, fx.id, "T-LAW-2", &error);
  ck_assert_str_eq (back->session, session);
  {
    g_autofree char *json = cirt_answer_to_json (back);
    g_autofree char *member = g_strdup_printf ("\"session\":\"%s\"", session);
    ck_assert_msg (strstr (json, member) != NULL, "%s", json);
  }
  /* The history records the session with the answer, and still verifies. */
  {
    g_autoptr(GPtrArray) h = cirt_store_get_history (fx.store, fx.id, "T-LAW-2", &error);
    CirtHistoryEntry *e = g_ptr_array_index (h, h->len - 1);
    guint n = 0;
    g_autofree char *head = NULL;
    ck_assert_str_eq (e->new_answer->session, session);
    ck_assert (cirt_store_verify_history (fx.store, fx.id, &n, &head, &error));
  }
  /* An answer without a session (an answer without one written before the
   * sessions existed) keeps its JSON: no "session" member. */
  {
    g_autoptr(CirtAnswer) plain = cirt_answer_new ("T-LAW-1");
    g_autofree char *json = NULL;
    plain->value = g_strdup ("2");
    json = cirt_answer_to_json (plain);
    ck_assert_ptr_null (strstr (json, "session"));
  }

  /* A session that is not the assessment's is refused, the answer as it was. */
  {
    g_autoptr(CirtAnswer) bad = cirt_answer_copy (back);
    g_autofree char *before = db_state ();
    g_autofree char *after = NULL;
    g_free (bad->session);
    bad->session = g_uuid_string_random ();
    ck_assert (!cirt_store_save_answer (fx.store, fx.id, bad, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "no interview session"));
    g_clear_error (&error);
    g_free (bad->session);
    bad->session = g_strdup ("not-a-uuid");
    ck_assert (!cirt_store_save_answer (fx.store, fx.id, bad, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "not a session id"));
    g_clear_error (&error);
    after = db_state ();
    ck_assert_str_eq (before, after);
  }

  /* The session removed, the answer still names it and can be edited. */
  ck_assert (cirt_store_remove_interview (fx.store, fx.id, session, NULL, &error));
  {
    g_autoptr(CirtAnswer) edit = cirt_store_get_answer (fx.store, fx.id, "T-LAW-2", &error);
    g_autoptr(CirtAnswer) again = NULL;
    ck_assert_str_eq (edit->session, session);
    edit->notes = g_strdup ("Confirmed by the gazette.");
    ck_assert_msg (cirt_store_save_answer (fx.store, fx.id, edit, &error), "%s", error ? error->message : "");
    again = cirt_store_get_answer (fx.store, fx.id, "T-LAW-2", &error);
    ck_assert_str_eq (again->notes, "Confirmed by the gazette.");
    ck_assert_str_eq (again->session, session);
  }
}
END_TEST

START_TEST (test_json_round_trip)
{
  g_autofree char *uuid = add_session ("2026-03-03");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInterview) s = cirt_store_get_interview (fx.store, fx.id, uuid, &error);
  g_autofree char *json = cirt_interview_to_json (s);
  g_autoptr(CirtInterview) back = cirt_interview_from_json (json);

  ck_assert_ptr_nonnull (back);
  ck_assert (cirt_interview_same_content (s, back));
  ck_assert_str_eq (back->modified_at, s->modified_at);

  /* Strict: an unknown member, a list of numbers, a bad id are refused. */
  {
    const char *bad[] = {
      "{\"id\":\"@ID@\",\"date\":\"2026-03-03\",\"created_at\":\"x\",\"modified_at\":\"x\",\"colour\":\"red\"}",
      "{\"id\":\"@ID@\",\"date\":\"2026-03-03\",\"created_at\":\"x\",\"modified_at\":\"x\",\"sections\":[1,2]}",
      "{\"id\":\"nope@ID@\",\"date\":\"2026-03-03\",\"created_at\":\"x\",\"modified_at\":\"x\"}",
      "{\"id\":\"@ID@\",\"date\":\"2026-13-03\",\"created_at\":\"x\",\"modified_at\":\"x\"}",
      "{\"id\":\"@ID@\",\"date\":\"2026-03-03\",\"created_at\":\"x\",\"modified_at\":\"x\",\"assessors\":[\"A\",\"A\"]}",
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(GStrv) parts = g_strsplit (bad[i], "@ID@", -1);
        g_autofree char *text = g_strjoinv (uuid, parts);
        g_autoptr(JsonNode) node = json_from_string (text, NULL);
        g_autoptr(CirtInterview) r = cirt_interview_from_json_object (json_node_get_object (node), "sessions[0]",
                                                                      &error);
        ck_assert_msg (r == NULL, "accepted: %s", text);
        ck_assert_ptr_nonnull (strstr (error->message, "sessions[0]"));
        g_clear_error (&error);
      }
  }
}
END_TEST

START_TEST (test_sector_groups)
{
  ck_assert_str_eq (cirt_interview_sector_group ("law-enforcement"), "law-enforcement");
  ck_assert_str_eq (cirt_interview_sector_group (" Regulator "), "regulator");
  ck_assert_str_eq (cirt_interview_sector_group ("isps and telecom operators"), "isp-telecom");
  ck_assert_ptr_null (cirt_interview_sector_group ("Private sector"));
  ck_assert_ptr_null (cirt_interview_sector_group (NULL));
}
END_TEST

/* The plan: law asks law enforcement and the ICT ministry (T-LAW-2); ops
 * and context ask no group. */
START_TEST (test_mission_plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instruments = cirt_store_get_instruments (fx.store, fx.id, &error);
  g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (fx.store, fx.id, &error);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(CirtInterview) only_karim = make_session ("2026-03-02");
  g_autofree char *k = NULL;

  /* Nothing planned: every section unplanned. */
  sessions = cirt_store_list_interviews (fx.store, fx.id, &error);
  plan = cirt_mission_plan (instruments, people, sessions);
  ck_assert_uint_eq (plan->len, 3);
  for (guint i = 0; i < plan->len; i++)
    ck_assert_int_eq (((CirtPlanSection *) g_ptr_array_index (plan, i))->state, CIRT_PLAN_UNPLANNED);
  g_clear_pointer (&plan, g_ptr_array_unref);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Karim (ISPs) planned for law: planned, but no group law asks is met. */
  g_clear_pointer (&only_karim->stakeholders[0], g_free);
  g_free (only_karim->stakeholders[1]);
  only_karim->stakeholders[0] = g_strdup (fx.karim);
  only_karim->stakeholders[1] = NULL;
  g_clear_pointer (&only_karim->sections[1], g_free);
  k = cirt_store_add_interview (fx.store, fx.id, only_karim, &error);
  ck_assert_msg (k != NULL, "%s", error ? error->message : "");
  sessions = cirt_store_list_interviews (fx.store, fx.id, &error);
  plan = cirt_mission_plan (instruments, people, sessions);
  {
    CirtPlanSection *law = g_ptr_array_index (plan, 0);
    ck_assert_str_eq (law->section->id, "law");
    ck_assert_int_eq (law->state, CIRT_PLAN_PLANNED);
    ck_assert_uint_eq (g_strv_length (law->groups), 2);
    ck_assert_str_eq (law->groups[0], "ict-ministry");
    ck_assert_str_eq (law->groups[1], "law-enforcement");
    ck_assert_ptr_null (law->groups_met);
    ck_assert_str_eq (law->sessions[0], k);
  }
  g_clear_pointer (&plan, g_ptr_array_unref);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Amina (police) and Karim for law and ops: law covered by law
   * enforcement, ops (no group asked) covered by being planned. */
  g_free (add_session ("2026-03-03"));
  sessions = cirt_store_list_interviews (fx.store, fx.id, &error);
  plan = cirt_mission_plan (instruments, people, sessions);
  {
    CirtPlanSection *law = g_ptr_array_index (plan, 0);
    CirtPlanSection *ops = g_ptr_array_index (plan, 1);
    CirtPlanSection *ctx = g_ptr_array_index (plan, 2);
    ck_assert_int_eq (law->state, CIRT_PLAN_COVERED);
    ck_assert_uint_eq (g_strv_length (law->groups_met), 1);
    ck_assert_str_eq (law->groups_met[0], "law-enforcement");
    ck_assert_uint_eq (g_strv_length (law->sessions), 2);
    ck_assert_int_eq (ops->state, CIRT_PLAN_COVERED);
    ck_assert_ptr_null (ops->groups);
    ck_assert_str_eq (ctx->section->id, "context");
    ck_assert_int_eq (ctx->state, CIRT_PLAN_UNPLANNED);
    ck_assert_str_eq (cirt_plan_state_to_string (ctx->state), "unplanned");
  }
}
END_TEST


/* ------------------------------------------------------------------------ */
/* Two laptops                                                              */

typedef struct {
  char      *path;
  CirtStore *store;
} Laptop;

static Laptop other;

static void
setup_two (void)
{
  g_autoptr(GError) error = NULL;

  setup ();
  other.path = cirt_test_tmp_path ("laptop-b.db");
  other.store = cirt_store_open (other.path, &error);
  ck_assert_msg (other.store != NULL, "%s", error ? error->message : "");
}

static void
teardown_two (void)
{
  g_clear_object (&other.store);
  g_clear_pointer (&other.path, g_free);
  teardown ();
}

static char *
export_from (CirtStore  *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = cirt_test_tmp_path (name);

  ck_assert_msg (cirt_exchange_export (store, fx.id, path, &error), "%s", error ? error->message : "");
  return path;
}

static CirtImportReport *
import_into (CirtStore  *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  CirtImportReport *r = cirt_exchange_import (store, path, &error);

  ck_assert_msg (r != NULL, "%s", error ? error->message : "");
  return r;
}

static CirtInterview *
session_of (CirtStore  *store,
            const char *uuid)
{
  g_autoptr(GError) error = NULL;
  CirtInterview *s = cirt_store_get_interview (store, fx.id, uuid, &error);

  ck_assert_msg (s != NULL, "%s", error ? error->message : "");
  return s;
}

static guint
n_statements (CirtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_statements (store, fx.id, NULL, &error);

  ck_assert_msg (list != NULL, "%s", error ? error->message : "");
  return list->len;
}

START_TEST (test_two_laptops)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = add_session ("2026-03-03");
  g_autoptr(CirtStatement) said = make_statement ("T-LAW-2", fx.amina, s1, "Adopted in 2024.");
  g_autofree char *st1 = cirt_store_add_statement (fx.store, fx.id, said, &error);
  g_autofree char *file_a = NULL, *file_b = NULL, *s2 = NULL, *st2 = NULL;
  g_autoptr(CirtImportReport) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-2");

  ck_assert_msg (st1 != NULL, "%s", error ? error->message : "");
  a->value = g_strdup ("yes");
  a->session = g_strdup (s1);
  ck_assert (cirt_store_save_answer (fx.store, fx.id, a, &error));

  /* A to B: B has the same people (same UUIDs), session, statement, answer. */
  file_a = export_from (fx.store, "a.json");
  r1 = import_into (other.store, file_a);
  ck_assert (r1->created);
  ck_assert_uint_eq (r1->sessions_added, 1);
  ck_assert_uint_eq (r1->statements_added, 1);
  {
    g_autoptr(CirtInterview) b = session_of (other.store, s1);
    g_autoptr(CirtInterview) here = session_of (fx.store, s1);
    g_autoptr(CirtAnswer) ba = cirt_store_get_answer (other.store, fx.id, "T-LAW-2", &error);
    g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (other.store, fx.id, &error);
    g_autofree char *same = cirt_store_resolve_stakeholder (other.store, fx.id, fx.amina, &error);

    ck_assert (cirt_interview_same_content (b, here));
    ck_assert_str_eq (b->modified_at, here->modified_at);
    ck_assert_str_eq (ba->session, s1);
    ck_assert_uint_eq (people->len, 2);
    ck_assert_msg (same != NULL, "%s", error ? error->message : "");
    ck_assert_str_eq (same, fx.amina);
    ck_assert_uint_eq (n_statements (other.store), 1);
  }

  /* Importing the same file again changes nothing. */
  r2 = import_into (other.store, file_a);
  ck_assert_uint_eq (r2->sessions_added + r2->sessions_updated + r2->statements_added + r2->statements_updated, 0);

  /* B edits the session later, adds one and a statement, removes A's statement. */
  g_usleep (2000);
  {
    g_autoptr(CirtInterview) b = session_of (other.store, s1);
    g_autoptr(CirtInterview) add = make_session ("2026-03-04");
    g_autoptr(CirtStatement) more = make_statement ("T-LAW-1", fx.karim, NULL, "Discussed only.");

    g_free (b->place);
    b->place = g_strdup ("Police headquarters");
    ck_assert (cirt_store_update_interview (other.store, fx.id, b, &error));
    s2 = cirt_store_add_interview (other.store, fx.id, add, &error);
    ck_assert_ptr_nonnull (s2);
    st2 = cirt_store_add_statement (other.store, fx.id, more, &error);
    ck_assert_ptr_nonnull (st2);
    ck_assert (cirt_store_remove_statement (other.store, fx.id, st1, "Bob", &error));
  }

  /* B to A: the later edit and the new records come over. */
  file_b = export_from (other.store, "b.json");
  r3 = import_into (fx.store, file_b);
  ck_assert_uint_eq (r3->sessions_added, 1);
  ck_assert_uint_eq (r3->sessions_updated, 1);
  ck_assert_uint_eq (r3->statements_added, 1);
  {
    g_autoptr(CirtInterview) here = session_of (fx.store, s1);
    g_autoptr(CirtInterview) added = session_of (fx.store, s2);
    ck_assert_str_eq (here->place, "Police headquarters");
    ck_assert_str_eq (added->date, "2026-03-04");
    /* A merge is in A's history of the session. */
    ck_assert_uint_eq (n_history (s1), 2);
  }

  /* A's older file again into B: the removal on B is not undone, B's
   * later edit is kept. */
  r4 = import_into (other.store, file_a);
  ck_assert_uint_eq (r4->statements_added, 0);
  ck_assert_uint_eq (r4->statements_kept, 1);
  ck_assert_uint_eq (r4->sessions_kept, 1);
  ck_assert_uint_eq (n_statements (other.store), 1);
  {
    g_autoptr(CirtInterview) b = session_of (other.store, s1);
    ck_assert_str_eq (b->place, "Police headquarters");
  }
}
END_TEST

/* The same person entered on both laptops (two UUIDs): a session of the
 * other laptop names the person as this laptop knows them. */
START_TEST (test_same_person_two_ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_a = NULL, *file_b = NULL, *s = NULL, *b_amina = NULL;
  g_autoptr(CirtImportReport) r1 = NULL, r2 = NULL;
  g_autoptr(CirtInterview) session = NULL;

  file_a = export_from (fx.store, "a-only-people.json");
  {
    /* B had the assessment before A's people: a copy without them. */
    g_autoptr(JsonParser) p = json_parser_new ();
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    g_autofree char *bare = cirt_test_tmp_path ("a-bare.json");
    JsonObject *root;

    ck_assert (json_parser_load_from_file (p, file_a, NULL));
    root = json_node_get_object (json_parser_get_root (p));
    json_object_set_array_member (root, "stakeholders", json_array_new ());
    json_generator_set_root (gen, json_parser_get_root (p));
    ck_assert (json_generator_to_file (gen, bare, NULL));
    g_autoptr(CirtImportReport) r0 = import_into (other.store, bare);
  }
  {
    g_autoptr(CirtStakeholder) again = cirt_stakeholder_new ();
    again->name = g_strdup ("Dr. Amina Diallo");
    again->organisation = g_strdup ("Police cybercrime unit");
    again->sector = g_strdup ("law-enforcement");
    ck_assert_int_gt (cirt_store_add_stakeholder (other.store, fx.id, again, &error), 0);
    b_amina = cirt_store_resolve_stakeholder (other.store, fx.id, "Dr. Amina Diallo", &error);
    ck_assert_str_ne (b_amina, fx.amina);
  }
  {
    g_autoptr(CirtInterview) add = make_session ("2026-03-05");
    g_strfreev (add->stakeholders);
    add->stakeholders = g_new0 (char *, 2);
    add->stakeholders[0] = g_strdup (b_amina);
    s = cirt_store_add_interview (other.store, fx.id, add, &error);
    ck_assert_msg (s != NULL, "%s", error ? error->message : "");
  }
  file_b = export_from (other.store, "b-people.json");
  r1 = import_into (fx.store, file_b);
  ck_assert_uint_eq (r1->stakeholders_added, 0);
  ck_assert_uint_eq (r1->sessions_added, 1);
  session = session_of (fx.store, s);
  ck_assert_str_eq (session->stakeholders[0], fx.amina);
  /* And the other way: B keeps its own UUID for the person. */
  r2 = import_into (other.store, file_a);
  ck_assert_uint_eq (r2->stakeholders_added, 1);   /* Karim */
}
END_TEST

/* Hostile files: refused whole, the database unchanged. */
typedef void (*Mutation) (JsonObject *root);

static JsonObject *
first_of (JsonObject *root,
          const char *member)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), 0);
}

static void m_session_bad_stakeholder (JsonObject *r)
{
  JsonArray *a = json_object_get_array_member (first_of (r, "sessions"), "stakeholders");
  json_array_add_string_element (a, "not-a-uuid");
}
static void m_session_bad_section (JsonObject *r)
{
  JsonArray *a = json_object_get_array_member (first_of (r, "sessions"), "sections");
  json_array_add_string_element (a, "no-such-section");
}
static void m_session_twice (JsonObject *r)
{
  JsonArray *a = json_object_get_array_member (r, "sessions");
  json_array_add_element (a, json_node_copy (json_array_get_element (a, 0)));
}
static void m_session_bad_date (JsonObject *r) { json_object_set_string_member (first_of (r, "sessions"), "date", "tomorrow"); }
static void m_session_rlo (JsonObject *r) { json_object_set_string_member (first_of (r, "sessions"), "place", "Room \u202e4"); }
static void m_session_unknown_member (JsonObject *r) { json_object_set_string_member (first_of (r, "sessions"), "colour", "red"); }
static void m_session_no_zone (JsonObject *r)
{
  json_object_set_string_member (first_of (r, "sessions"), "modified_at", "2026-03-03T10:00:00");
}
static void m_sessions_in_older_version (JsonObject *r)
{
  json_object_set_int_member (r, "format_version", CIRT_EXCHANGE_FORMAT_SESSIONS - 1);
}
static void m_statement_huge (JsonObject *r)
{
  GString *big = g_string_new (NULL);
  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, "The ministry says so. ");
  json_object_set_string_member (first_of (r, "statements"), "text", big->str);
  g_string_free (big, TRUE);
}
static void m_statement_bad_question (JsonObject *r)
{
  json_object_set_string_member (first_of (r, "statements"), "question", "T-NOPE-1");
}
static void m_statement_control (JsonObject *r)
{
  json_object_set_string_member (first_of (r, "statements"), "text", "Said \x1b[2J loudly");
}
static void m_statement_no_stakeholder (JsonObject *r)
{
  json_object_remove_member (first_of (r, "statements"), "stakeholder");
}
static void m_answer_bad_session (JsonObject *r)
{
  json_object_set_string_member (first_of (r, "answers"), "session", "x' OR 1=1");
}
static void m_stakeholder_bad_id (JsonObject *r)
{
  json_object_set_string_member (first_of (r, "stakeholders"), "id", "12345");
}

START_TEST (test_hostile_files)
{
  static const struct {
    const char *name;
    Mutation    mutate;
    const char *expect;
  } cases[] = {
    { "a stakeholder id that is not a UUID", m_session_bad_stakeholder, "sessions[0].stakeholders[2]" },
    { "a section not in the instruments", m_session_bad_section, "no section \"no-such-section\"" },
    { "a session twice", m_session_twice, "is also sessions[0]" },
    { "a date that is not one", m_session_bad_date, "sessions[0].date" },
    { "a right-to-left override in a place", m_session_rlo, "reorders the text" },
    { "an unknown member", m_session_unknown_member, "colour" },
    { "a time without its zone", m_session_no_zone, "has no time zone" },
    { "sessions in a file of the version before them", m_sessions_in_older_version, "sessions: unknown member" },
    { "a 10 MB statement", m_statement_huge, "statements[0].text: too long" },
    { "a statement about no question", m_statement_bad_question, "no question \"T-NOPE-1\"" },
    { "a control character in a statement", m_statement_control, "control character" },
    { "a statement of nobody", m_statement_no_stakeholder, "statements[0].stakeholder: missing" },
    { "an answer's session that is not a UUID", m_answer_bad_session, "not a session id" },
    { "a stakeholder's id that is not a UUID", m_stakeholder_bad_id, "not a stakeholder id" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = add_session ("2026-03-03");
  g_autoptr(CirtStatement) said = make_statement ("T-LAW-2", fx.amina, s1, "Adopted in 2024.");
  g_autofree char *st1 = cirt_store_add_statement (fx.store, fx.id, said, &error);
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-2");
  g_autofree char *file = NULL;
  g_autoptr(CirtImportReport) seed = NULL;

  a->value = g_strdup ("yes");
  a->session = g_strdup (s1);
  ck_assert (cirt_store_save_answer (fx.store, fx.id, a, &error));
  file = export_from (fx.store, "hostile-base.json");
  /* B has the assessment already (a merge), and then a fresh database. */
  seed = import_into (other.store, file);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) p = json_parser_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *name = g_strdup_printf ("hostile-%u.json", i);
      g_autofree char *path = cirt_test_tmp_path (name);
      g_autofree char *wal = g_strconcat (other.path, "-wal", NULL);
      g_autofree char *before = NULL, *after = NULL, *before_wal = NULL, *after_wal = NULL;
      g_autoptr(GError) e = NULL;
      g_autoptr(CirtImportReport) r = NULL;

      ck_assert (json_parser_load_from_file (p, file, NULL));
      cases[i].mutate (json_node_get_object (json_parser_get_root (p)));
      json_generator_set_root (gen, json_parser_get_root (p));
      ck_assert (json_generator_to_file (gen, path, NULL));

      before = cirt_test_file_sha256 (other.path);
      before_wal = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
      r = cirt_exchange_import (other.store, path, &e);
      ck_assert_msg (r == NULL, "%s: accepted", cases[i].name);
      ck_assert_msg (strstr (e->message, cases[i].expect) != NULL, "%s: expected \"%s\" in: %s", cases[i].name,
                     cases[i].expect, e->message);
      ck_assert_msg (strlen (e->message) < 1000, "%s: a message of %zu bytes", cases[i].name, strlen (e->message));
      after = cirt_test_file_sha256 (other.path);
      after_wal = g_file_test (wal, G_FILE_TEST_EXISTS) ? cirt_test_file_sha256 (wal) : g_strdup ("-");
      ck_assert_msg (g_strcmp0 (before, after) == 0 && g_strcmp0 (before_wal, after_wal) == 0,
                     "%s: the database changed", cases[i].name);
    }
}
END_TEST


/* ------------------------------------------------------------------------ */
/* The workbook                                                             */

static JsonNode *
read_workbook (const char *xlsx)
{
  g_autofree char *script = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "readback_xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, xlsx, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int rc = cirt_test_run (argv, &out, &err);

  ck_assert_msg (rc == 0, "readback_xlsx.py: exit %d: %s", rc, err);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

/* The rows of sheet @name as text, cells separated by " | ". */
static char *
sheet_text (JsonNode   *book,
            const char *name,
            gboolean   *all_strings)
{
  JsonArray *sheets = json_object_get_array_member (json_node_get_object (book), "sheets");
  GString *out = g_string_new (NULL);

  *all_strings = TRUE;
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *sh = json_array_get_object_element (sheets, i);
      JsonArray *rows;

      if (g_strcmp0 (json_object_get_string_member (sh, "name"), name) != 0)
        continue;
      rows = json_object_get_array_member (sh, "rows");
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonArray *cells = json_array_get_array_element (rows, r);
          for (guint c = 0; c < json_array_get_length (cells); c++)
            {
              JsonNode *n = json_array_get_element (cells, c);
              JsonObject *cell = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
              if (cell == NULL)
                continue;
              if (g_strcmp0 (json_object_get_string_member (cell, "t"), "s") != 0 &&
                  g_strcmp0 (json_object_get_string_member (cell, "t"), "d") != 0)
                *all_strings = FALSE;
              if (JSON_NODE_HOLDS_VALUE (json_object_get_member (cell, "v")) &&
                  json_node_get_value_type (json_object_get_member (cell, "v")) == G_TYPE_STRING)
                g_string_append_printf (out, "%s | ", json_object_get_string_member (cell, "v"));
            }
          g_string_append_c (out, '\n');
        }
      return g_string_free (out, FALSE);
    }
  g_string_free (out, TRUE);
  ck_abort_msg ("no sheet \"%s\"", name);
  return NULL;
}

START_TEST (test_workbook)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = add_session ("2026-03-03");
  /* What looks like a formula stays text. */
  g_autoptr(CirtStatement) said = make_statement ("T-LAW-2", fx.amina, s1, "=HYPERLINK(\"http://x\",\"law\")");
  g_autofree char *st = cirt_store_add_statement (fx.store, fx.id, said, &error);
  g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (fx.store, fx.id, CIRT_LOAD_DOCUMENT, &error);
  g_autofree char *plain = cirt_test_tmp_path ("sessions.xlsx");
  g_autofree char *redacted = cirt_test_tmp_path ("sessions-redacted.xlsx");
  g_autoptr(JsonNode) book = NULL, rbook = NULL;
  g_autofree char *sessions = NULL, *statements = NULL, *rsessions = NULL, *rstatements = NULL;
  gboolean strings;

  ck_assert_ptr_nonnull (st);
  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (data->interviews->len, 1);
  ck_assert_uint_eq (data->statements->len, 1);
  ck_assert_msg (cirt_export_xlsx (data, NULL, plain, NULL, &error), "%s", error ? error->message : "");
  book = read_workbook (plain);
  sessions = sheet_text (book, "Interview sessions", &strings);
  ck_assert_msg (strstr (sessions, "2026-03-03 | 09:30–11:00 | Ministry of ICT, room 4 | ") != NULL, "%s", sessions);
  ck_assert_msg (strstr (sessions, "Dr. Amina Diallo (Police cybercrime unit)\nKarim Haddad (ISP association)"),
                 "%s", sessions);
  ck_assert_msg (strstr (sessions, "Marie Dupont\nJohn Smith | Law\nOperations | Bring the draft law."), "%s",
                 sessions);
  statements = sheet_text (book, "Statements", &strings);
  ck_assert (strings);
  ck_assert_msg (strstr (statements, "T-LAW-2 | Dr. Amina Diallo | Police cybercrime unit | 2026-03-03 | "
                                     "=HYPERLINK(\"http://x\",\"law\") | Marie Dupont"), "%s", statements);

  /* Redacted: roles for names, no notes, no statements. */
  {
    g_autoptr(CirtAssessmentData) r = cirt_assessment_data_redact (data, cirt_lang_get ("en"));
    ck_assert (cirt_export_xlsx (r, NULL, redacted, NULL, &error));
  }
  rbook = read_workbook (redacted);
  rsessions = sheet_text (rbook, "Interview sessions", &strings);
  rstatements = sheet_text (rbook, "Statements", &strings);
  ck_assert_msg (strstr (rsessions, "2026-03-03") && strstr (rsessions, "interviewee 1") && strstr (rsessions, "Assessor"),
                 "%s", rsessions);
  ck_assert_msg (strstr (rsessions, "Amina") == NULL && strstr (rsessions, "Karim") == NULL &&
                 strstr (rsessions, "Marie") == NULL && strstr (rsessions, "Smith") == NULL &&
                 strstr (rsessions, "draft law") == NULL, "%s", rsessions);
  ck_assert_msg (strstr (rstatements, "HYPERLINK") == NULL && strstr (rstatements, "left out"), "%s", rstatements);
}
END_TEST


/* The report's appendix of interviews held: date, place, whom the team
 * met, the sections planned; in a redacted report the people by role. */
START_TEST (test_report_appendix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = add_session ("2026-03-03");
  g_autofree char *pdf = cirt_test_tmp_path ("sessions.pdf");
  g_autofree char *rpdf = cirt_test_tmp_path ("sessions-redacted.pdf");
  g_autofree char *docx = cirt_test_tmp_path ("sessions.docx");
  g_autofree char *out = NULL, *err = NULL, *xml = NULL;
  g_auto(GStrv) pages = NULL, rpages = NULL;
  g_autofree char *all = NULL, *rall = NULL;
  guint n = 0;

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", fx.path, "export", fx.id, "--pdf", pdf, "--docx", docx, NULL) == 0,
                 "%s", err);
  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", fx.path, "export", fx.id, "--pdf", rpdf, "--redact", NULL) == 0,
                 "%s", err);
  pages = cirt_test_pdf_pages (pdf, &n);
  all = g_strjoinv ("\f", pages);
  ck_assert_msg (strstr (all, "B Interviews held") != NULL, "no appendix of interviews");
  ck_assert (strstr (all, "3 March 2026") != NULL);
  ck_assert (strstr (all, "Police cybercrime unit, Dr. Amina Diallo") != NULL);
  ck_assert (strstr (all, "Ministry of ICT") != NULL);
  rpages = cirt_test_pdf_pages (rpdf, &n);
  rall = g_strjoinv ("\f", rpages);
  ck_assert (strstr (rall, "B Interviews held") != NULL);
  ck_assert_msg (strstr (rall, "Amina") == NULL && strstr (rall, "Karim") == NULL, "a name in the redacted report");
  /* Table cells wrap: compare with the lines joined. */
  g_strdelimit (rall, "\n", ' ');
  ck_assert_msg (strstr (rall, "Police cybercrime unit, law-enforcement, interviewee 1") != NULL, "%s",
                 strstr (rall, "B Interviews held") ? strstr (rall, "B Interviews held") : rall);
  {
    const char *argv[] = { "unzip", "-p", docx, "word/document.xml", NULL };
    ck_assert_int_eq (cirt_test_run (argv, &xml, NULL), 0);
    ck_assert (strstr (xml, "Interviews held") != NULL);
    ck_assert (strstr (xml, "Police cybercrime unit, Dr. Amina Diallo") != NULL);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The upgrade                                                              */

/* What the schema before CIRT_STORE_SCHEMA_INTERVIEWS had. */
#define SQL_BEFORE_INTERVIEWS \
  "DROP TABLE interview_history; DROP TABLE statement; DROP TABLE interview_session;" \
  " DROP TRIGGER stakeholder_uuid_given; DROP INDEX stakeholder_by_uuid;" \
  " ALTER TABLE stakeholder DROP COLUMN uuid; ALTER TABLE answer DROP COLUMN session;"

START_TEST (test_migrate_to_sessions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bak = g_strconcat (fx.path, ".bak", NULL);
  g_autofree char *before = NULL, *bak_sha = NULL, *sql = NULL;
  g_autoptr(CirtAnswer) a = cirt_answer_new ("T-LAW-1");
  sqlite3 *db = NULL;
  int version = -1;

  a->value = g_strdup ("3");
  a->notes = g_strdup ("kept across the upgrade");
  ck_assert (cirt_store_save_answer (fx.store, fx.id, a, &error));
  g_clear_object (&fx.store);

  /* The schema before: no sessions, not in WAL mode. */
  sql = g_strdup_printf ("PRAGMA journal_mode=DELETE; " SQL_BEFORE_INTERVIEWS " PRAGMA user_version = %d; VACUUM;",
                         CIRT_STORE_SCHEMA_INTERVIEWS - 1);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_msg (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg (db));
  sqlite3_close (db);
  g_unlink (bak);
  before = cirt_test_file_sha256 (fx.path);

  fx.store = cirt_store_open (fx.path, &error);
  ck_assert_msg (fx.store != NULL, "%s", error ? error->message : "");
  ck_assert (g_file_test (bak, G_FILE_TEST_EXISTS));
  bak_sha = cirt_test_file_sha256 (bak);
  ck_assert_str_eq (bak_sha, before);
  {
    g_autoptr(CirtAnswer) kept = cirt_store_get_answer (fx.store, fx.id, "T-LAW-1", &error);
    g_autoptr(GPtrArray) people = cirt_store_list_stakeholders (fx.store, fx.id, &error);
    guint n = 0;
    g_autofree char *head = NULL;
    CirtStakeholder *p0, *p1;

    ck_assert_str_eq (kept->notes, "kept across the upgrade");
    ck_assert_ptr_null (kept->session);
    ck_assert (cirt_store_verify_history (fx.store, fx.id, &n, &head, &error));
    /* Every stakeholder got a UUID of its own. */
    ck_assert_uint_eq (people->len, 2);
    p0 = g_ptr_array_index (people, 0);
    p1 = g_ptr_array_index (people, 1);
    ck_assert_msg (g_uuid_string_is_valid (p0->uuid), "%s", p0->uuid ? p0->uuid : "(none)");
    ck_assert (g_uuid_string_is_valid (p1->uuid));
    ck_assert_str_ne (p0->uuid, p1->uuid);
    g_free (fx.amina);
    fx.amina = g_strdup (p0->uuid);
    g_free (fx.karim);
    fx.karim = g_strdup (p1->uuid);
  }
  g_free (add_session ("2026-03-04"));
  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
    version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  ck_assert_int_eq (version, CIRT_STORE_SCHEMA_VERSION);
}
END_TEST

/* A file that claims the current schema without the sessions' tables is not ours. */
START_TEST (test_without_sessions_refused)
{
  sqlite3 *db = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;

  g_clear_object (&fx.store);
  ck_assert_int_eq (sqlite3_open (fx.path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; DROP TABLE statement;", NULL, NULL, NULL),
                    SQLITE_OK);
  sqlite3_close (db);
  before = cirt_test_file_sha256 (fx.path);
  store = cirt_store_open (fx.path, &error);
  ck_assert_ptr_null (store);
  ck_assert (g_error_matches (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_NOT_A_DB));
  after = cirt_test_file_sha256 (fx.path);
  ck_assert_str_eq (before, after);
}
END_TEST

static Suite *
sessions_suite (void)
{
  Suite *s = suite_create ("sessions");
  TCase *tc = tcase_create ("store");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_session_crud);
  tcase_add_test (tc, test_session_refused);
  tcase_add_test (tc, test_statements);
  tcase_add_test (tc, test_statement_refused);
  tcase_add_test (tc, test_answer_in_session);
  tcase_add_test (tc, test_json_round_trip);
  tcase_add_test (tc, test_sector_groups);
  tcase_add_test (tc, test_mission_plan);
  tcase_add_test (tc, test_workbook);
  tcase_add_test (tc, test_report_appendix);
  tcase_add_test (tc, test_migrate_to_sessions);
  tcase_add_test (tc, test_without_sessions_refused);
  suite_add_tcase (s, tc);

  tc = tcase_create ("exchange");
  tcase_set_timeout (tc, 240);
  tcase_add_checked_fixture (tc, setup_two, teardown_two);
  tcase_add_test (tc, test_two_laptops);
  tcase_add_test (tc, test_same_person_two_ids);
  tcase_add_test (tc, test_hostile_files);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  cirt_test_setup_env ();
  return cirt_test_run_suite (sessions_suite ());
}
