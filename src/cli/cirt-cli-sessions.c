/* cirt-cli-sessions.c — interview sessions, statements and the mission plan
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cirt-cli.h"
#include "cirt-mission-plan.h"
#include "cirt-store-sessions.h"

/* ------------------------------------------------------------------------ */
/* Shared with `show`                                                       */

static const CirtStakeholder *
find_person (GPtrArray  *people,
             const char *uuid)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (people, i);
      if (g_strcmp0 (s->uuid, uuid) == 0)
        return s;
    }
  return NULL;
}

static void
add_names (JsonBuilder         *b,
           const CirtInterview *s,
           GPtrArray           *people)
{
  json_builder_set_member_name (b, "stakeholder_names");
  json_builder_begin_array (b);
  for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
    {
      const CirtStakeholder *p = find_person (people, s->stakeholders[i]);
      if (p != NULL)
        json_builder_add_string_value (b, p->name);
      else
        json_builder_add_null_value (b);   /* removed since */
    }
  json_builder_end_array (b);
}

/* The session's JSON form with the names of its stakeholders beside their
 * ids ("stakeholder_names", null for one removed since). */
static JsonNode *
session_node (const CirtInterview *s,
              GPtrArray           *people)
{
  JsonNode *node = cirt_interview_to_json_node (s);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) names = NULL;

  json_builder_begin_object (b);
  add_names (b, s, people);
  json_builder_end_object (b);
  names = json_builder_get_root (b);
  json_object_set_member (json_node_get_object (node), "stakeholder_names",
                          json_node_copy (json_object_get_member (json_node_get_object (names), "stakeholder_names")));
  return node;
}

gboolean
cirt_cli_add_interviews_json (JsonBuilder  *b,
                              CirtStore    *store,
                              const char   *id,
                              GPtrArray    *people,
                              GError      **error)
{
  g_autoptr(GPtrArray) sessions = cirt_store_list_interviews (store, id, error);
  g_autoptr(GPtrArray) statements = sessions ? cirt_store_list_statements (store, id, NULL, error) : NULL;

  if (statements == NULL)
    return FALSE;
  json_builder_set_member_name (b, "sessions");
  json_builder_begin_array (b);
  for (guint i = 0; i < sessions->len; i++)
    json_builder_add_value (b, session_node (g_ptr_array_index (sessions, i), people));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "statements");
  json_builder_begin_array (b);
  for (guint i = 0; i < statements->len; i++)
    {
      const CirtStatement *st = g_ptr_array_index (statements, i);
      JsonNode *node = cirt_statement_to_json_node (st);
      const CirtStakeholder *p = find_person (people, st->stakeholder);

      if (p != NULL)
        json_object_set_string_member (json_node_get_object (node), "stakeholder_name", p->name);
      else
        json_object_set_null_member (json_node_get_object (node), "stakeholder_name");
      json_builder_add_value (b, node);
    }
  json_builder_end_array (b);
  return TRUE;
}

JsonNode *
cirt_cli_answer_session_json (CirtStore  *store,
                              const char *id,
                              const char *session,
                              GPtrArray  *people)
{
  g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, session, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, session);
  json_builder_set_member_name (b, "removed");
  json_builder_add_boolean_value (b, s == NULL);
  if (s != NULL)
    {
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, s->date);
      json_builder_set_member_name (b, "place");
      if (s->place)
        json_builder_add_string_value (b, s->place);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "stakeholders");
      json_builder_begin_array (b);
      for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
        {
          const CirtStakeholder *p = find_person (people, s->stakeholders[i]);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, s->stakeholders[i]);
          json_builder_set_member_name (b, "name");
          if (p != NULL)
            json_builder_add_string_value (b, p->name);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "organisation");
          if (p != NULL && p->organisation != NULL)
            json_builder_add_string_value (b, p->organisation);
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

/* One line of a terminal table: control characters as U+FFFD, line
 * breaks and tabs as spaces, cut to @max cells with "…". */
static char *
cell (const char *text,
      gsize       max)
{
  GString *out = g_string_new (NULL);
  gsize width = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > max)
        {
          g_string_append (out, "…");
          break;
        }
      width += w;
      if (c == '\n' || c == '\t' || c == '\r')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
people_text (const CirtInterview *s,
             GPtrArray           *people)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; s->stakeholders != NULL && s->stakeholders[i] != NULL; i++)
    {
      const CirtStakeholder *p = find_person (people, s->stakeholders[i]);
      g_ptr_array_add (names, p ? p->name : _("(removed)"));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static char *
when_text (const CirtInterview *s)
{
  if (s->start_time && s->end_time)
    return g_strdup_printf ("%s %s–%s", s->date, s->start_time, s->end_time);
  if (s->start_time)
    return g_strdup_printf ("%s %s", s->date, s->start_time);
  return g_strdup (s->date);
}

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *padded = cirt_cli_pad (label, 16, FALSE);
  g_autofree char *shown = cell (value, 200);
  printf ("  %s %s\n", padded, shown);
}

/* ------------------------------------------------------------------------ */
/* session                                                                  */

static int
session_list (CirtStore  *store,
              const char *id,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_interviews (store, id, &error);
  g_autoptr(GPtrArray) people = list ? cirt_store_list_stakeholders (store, id, &error) : NULL;

  if (people == NULL)
    return cirt_cli_refuse_error (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        json_builder_add_value (b, session_node (g_ptr_array_index (list, i), people));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  if (list->len == 0)
    {
      fprintf (stderr, "%s\n", _("No interview sessions yet. Plan one with 'cirt-assess-cli session ID add'."));
      return CIRT_CLI_OK;
    }
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (5, 0);

    /* translators: column headers of 'cirt-assess-cli session ID list' */
    cirt_cli_table_add (t, _("Id"), _("When"), _("Place"), _("Stakeholders"), _("Sections"));
    for (guint i = 0; i < list->len; i++)
      {
        const CirtInterview *s = g_ptr_array_index (list, i);
        g_autofree char *short_id = g_strndup (s->id, 8);
        g_autofree char *when = when_text (s);
        g_autofree char *place = cell (s->place, 30);
        g_autofree char *names = people_text (s, people);
        g_autofree char *names_cell = cell (names, 40);
        g_autofree char *sections = s->sections ? g_strjoinv (" ", s->sections) : g_strdup ("");
        g_autofree char *sections_cell = cell (sections, 30);

        cirt_cli_table_add (t, short_id, when, place, names_cell, sections_cell);
      }
    cirt_cli_table_print (t, "");
  }
  return CIRT_CLI_OK;
}

static int
session_show (CirtStore  *store,
              const char *id,
              const char *uuid,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, uuid, &error);
  g_autoptr(GPtrArray) people = s ? cirt_store_list_stakeholders (store, id, &error) : NULL;
  g_autoptr(GPtrArray) statements = people ? cirt_store_list_statements (store, id, NULL, &error) : NULL;

  if (statements == NULL)
    return cirt_cli_refuse_error (error);
  if (json)
    {
      g_autoptr(JsonNode) root = session_node (s, people);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  {
    g_autofree char *when = when_text (s);
    g_autofree char *names = people_text (s, people);
    g_autofree char *assessors = s->assessors ? g_strjoinv (", ", s->assessors) : g_strdup ("");
    g_autofree char *sections = s->sections ? g_strjoinv (" ", s->sections) : g_strdup ("");

    printf ("%s\n", s->id);
    print_field (_("When:"), when);
    if (s->place)
      print_field (_("Place:"), s->place);
    print_field (_("Stakeholders:"), names);
    print_field (_("Assessors:"), assessors);
    print_field (_("Sections:"), sections);
    if (s->notes)
      print_field (_("Notes:"), s->notes);
  }
  for (guint i = 0; i < statements->len; i++)
    {
      const CirtStatement *st = g_ptr_array_index (statements, i);
      const CirtStakeholder *p = find_person (people, st->stakeholder);
      g_autofree char *text = NULL;

      if (g_strcmp0 (st->session, s->id) != 0)
        continue;
      text = cell (st->text, 100);
      printf ("  %-12s %s: %s\n", st->question, p ? p->name : _("(removed)"), text);
    }
  return CIRT_CLI_OK;
}

/* Each of @given resolved to a stakeholder's UUID. */
static GStrv
resolve_people (CirtStore  *store,
                const char *id,
                char      **given,
                GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      char *uuid = cirt_store_resolve_stakeholder (store, id, given[i], error);
      if (uuid == NULL)
        return NULL;
      g_ptr_array_add (out, uuid);
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_steal (out, NULL);
}

static GStrv
empty_to_null (GStrv v)
{
  if (v != NULL && v[0] == NULL)
    {
      g_strfreev (v);
      return NULL;
    }
  return v;
}

int
cirt_cli_cmd_session (CirtCli *cli,
                      int      argc,
                      char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("session");
  g_autofree char *date = NULL, *start = NULL, *end = NULL, *place = NULL, *notes = NULL, *author = NULL;
  g_auto(GStrv) people = NULL, assessors = NULL, sections = NULL;
  gboolean json = FALSE, no_people = FALSE, no_assessors = FALSE, no_sections = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the session (YYYY-MM-DD)"), "DATE" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("When it starts (HH:MM)"), "HH:MM" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("When it ends (HH:MM)"), "HH:MM" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where it is held"), "P" },
    { "stakeholder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &people,
      N_("A stakeholder present: their number in 'show', the start of their id or their name (repeatable)"), "S" },
    { "assessor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &assessors, N_("An assessor present (repeatable)"), "NAME" },
    { "section", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sections, N_("A section planned for it (repeatable)"), "ID" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Free notes"), "T" },
    { "no-stakeholders", 0, 0, G_OPTION_ARG_NONE, &no_people, N_("No stakeholder present (edit)"), NULL },
    { "no-assessors", 0, 0, G_OPTION_ARG_NONE, &no_assessors, N_("No assessor named (edit)"), NULL },
    { "no-sections", 0, 0, G_OPTION_ARG_NONE, &no_sections, N_("No section planned (edit)"), NULL },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Assessor making the change"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list, show)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL, *uuid = NULL;
  gboolean has_options;
  const char *sub;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cirt_cli_usage_error (cmd, "%s", _("expected ID add, ID list, ID show SESSION, ID edit SESSION or ID remove SESSION"));
  sub = argv[2];
  if (strcmp (sub, "add") != 0 && strcmp (sub, "list") != 0 && strcmp (sub, "show") != 0 &&
      strcmp (sub, "edit") != 0 && strcmp (sub, "remove") != 0)
    return cirt_cli_usage_error (cmd, _("unknown action \"%s\" (expected add, list, show, edit or remove)"), sub);
  if ((strcmp (sub, "add") == 0 || strcmp (sub, "list") == 0) && argc != 3)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[3]);
  if ((strcmp (sub, "show") == 0 || strcmp (sub, "edit") == 0 || strcmp (sub, "remove") == 0) && argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("which session? Give its id (or the start of it)")
                                                     : _("too many arguments"));
  if (json && strcmp (sub, "list") != 0 && strcmp (sub, "show") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--json goes with list and show"));
  has_options = date || start || end || place || notes || people || assessors || sections || no_people ||
                no_assessors || no_sections;
  if ((strcmp (sub, "list") == 0 || strcmp (sub, "show") == 0 || strcmp (sub, "remove") == 0) &&
      (has_options || (author && strcmp (sub, "remove") != 0)))
    return cirt_cli_usage_error (cmd, _("%s takes no session options"), sub);
  if ((people && no_people) || (assessors && no_assessors) || (sections && no_sections))
    return cirt_cli_usage_error (cmd, "%s", _("a list option and its --no- option cannot be used together"));
  if (strcmp (sub, "add") == 0)
    {
      if (date == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--date is required"));
      if (no_people || no_assessors || no_sections)
        return cirt_cli_usage_error (cmd, "%s", _("the --no- options go with edit"));
    }

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (strcmp (sub, "list") == 0)
    return session_list (store, id, json);
  if (strcmp (sub, "add") == 0)
    {
      g_autoptr(CirtInterview) s = cirt_interview_new ();

      s->date = g_strdup (date);
      s->start_time = g_strdup (start);
      s->end_time = g_strdup (end);
      s->place = g_strdup (place);
      s->notes = g_strdup (notes);
      s->author = g_strdup (author);
      s->assessors = g_strdupv (assessors);
      s->sections = g_strdupv (sections);
      if (people != NULL && (s->stakeholders = empty_to_null (resolve_people (store, id, people, &error))) == NULL &&
          error != NULL)
        return cirt_cli_refuse_error (error);
      uuid = cirt_store_add_interview (store, id, s, &error);
      if (uuid == NULL)
        return cirt_cli_refuse_error (error);
      printf ("%s\n", uuid);
      return CIRT_CLI_OK;
    }

  uuid = cirt_store_resolve_interview (store, id, argv[3], &error);
  if (uuid == NULL)
    return cirt_cli_refuse_error (error);
  if (strcmp (sub, "show") == 0)
    return session_show (store, id, uuid, json);
  if (strcmp (sub, "remove") == 0)
    {
      if (!cirt_store_remove_interview (store, id, uuid, author, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }

  /* edit: the options given change the session, the others keep it. */
  {
    g_autoptr(CirtInterview) s = cirt_store_get_interview (store, id, uuid, &error);

    if (s == NULL)
      return cirt_cli_refuse_error (error);
#define SET_TEXT(field, value) if (value) { g_free (s->field); s->field = *value ? g_strdup (value) : NULL; }
    SET_TEXT (date, date);
    SET_TEXT (start_time, start);
    SET_TEXT (end_time, end);
    SET_TEXT (place, place);
    SET_TEXT (notes, notes);
#undef SET_TEXT
    if (people || no_people)
      {
        g_strfreev (s->stakeholders);
        s->stakeholders = NULL;
        if (people != NULL && (s->stakeholders = empty_to_null (resolve_people (store, id, people, &error))) == NULL &&
            error != NULL)
          return cirt_cli_refuse_error (error);
      }
    if (assessors || no_assessors)
      g_strfreev (s->assessors), s->assessors = g_strdupv (assessors);
    if (sections || no_sections)
      g_strfreev (s->sections), s->sections = g_strdupv (sections);
    g_free (s->author);
    s->author = g_strdup (author);
    if (!cirt_store_update_interview (store, id, s, &error))
      return cirt_cli_refuse_error (error);
  }
  return CIRT_CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* statement                                                                */

/* The text of @path ("-": standard input), refused when it is not text. */
static char *
read_text_file (const char  *path,
                GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (strcmp (path, "-") == 0)
    {
      GString *in = g_string_new (NULL);
      char buf[65536];
      ssize_t n;

      while ((n = read (STDIN_FILENO, buf, sizeof buf)) > 0)
        g_string_append_len (in, buf, n);
      len = in->len;
      data = g_string_free (in, FALSE);
    }
  else if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (strlen (data) != len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s holds a NUL byte: it is not text"), path);
      return NULL;
    }
  return g_steal_pointer (&data);
}

int
cirt_cli_cmd_statement (CirtCli *cli,
                        int      argc,
                        char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("statement");
  g_autofree char *person = NULL, *session = NULL, *text = NULL, *text_file = NULL, *author = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "stakeholder", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("Who said it: their number in 'show', the start of their id or their name"), "S" },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session, N_("The interview session it was said in"), "SESSION" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What was said"), "T" },
    { "text-file", 0, 0, G_OPTION_ARG_FILENAME, &text_file, N_("What was said, from a file (- reads standard input)"),
      "FILE" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Assessor recording it"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  const char *sub;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cirt_cli_usage_error (cmd, "%s", _("expected ID add QUESTION, ID list [QUESTION] or ID remove STATEMENT"));
  sub = argv[2];
  if (strcmp (sub, "add") != 0 && strcmp (sub, "list") != 0 && strcmp (sub, "remove") != 0)
    return cirt_cli_usage_error (cmd, _("unknown action \"%s\" (expected add, list or remove)"), sub);
  if (strcmp (sub, "list") == 0 ? argc > 4 : argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("which question or statement?") : _("too many arguments"));
  if (json && strcmp (sub, "list") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--json goes with list"));
  if (strcmp (sub, "add") != 0 && (person || session || text || text_file || (author && strcmp (sub, "list") == 0)))
    return cirt_cli_usage_error (cmd, _("%s takes no statement options"), sub);
  if (strcmp (sub, "add") == 0)
    {
      if (person == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--stakeholder is required"));
      if ((text == NULL) == (text_file == NULL))
        return cirt_cli_usage_error (cmd, "%s", _("give what was said with --text or --text-file"));
    }

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;

  if (strcmp (sub, "list") == 0)
    {
      g_autoptr(GPtrArray) list = cirt_store_list_statements (store, id, argc == 4 ? argv[3] : NULL, &error);
      g_autoptr(GPtrArray) people = list ? cirt_store_list_stakeholders (store, id, &error) : NULL;

      if (people == NULL)
        return cirt_cli_refuse_error (error);
      if (json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (b);
          for (guint i = 0; i < list->len; i++)
            json_builder_add_value (b, cirt_statement_to_json_node (g_ptr_array_index (list, i)));
          json_builder_end_array (b);
          root = json_builder_get_root (b);
          cirt_cli_print_json (root);
          return CIRT_CLI_OK;
        }
      if (list->len == 0)
        {
          fprintf (stderr, "%s\n", _("No statements yet. Record one with 'cirt-assess-cli statement ID add QUESTION'."));
          return CIRT_CLI_OK;
        }
      {
        g_autoptr(CirtCliTable) t = cirt_cli_table_new (4, 0);

        /* translators: column headers of 'cirt-assess-cli statement ID list' */
        cirt_cli_table_add (t, _("Id"), _("Question"), _("Stakeholder"), _("Statement"));
        for (guint i = 0; i < list->len; i++)
          {
            const CirtStatement *st = g_ptr_array_index (list, i);
            const CirtStakeholder *p = find_person (people, st->stakeholder);
            g_autofree char *short_id = g_strndup (st->id, 8);
            g_autofree char *who = cell (p ? p->name : _("(removed)"), 30);
            g_autofree char *said = cell (st->text, 60);

            cirt_cli_table_add (t, short_id, st->question, who, said);
          }
        cirt_cli_table_print (t, "");
      }
      return CIRT_CLI_OK;
    }
  if (strcmp (sub, "remove") == 0)
    {
      g_autofree char *uuid = cirt_store_resolve_statement (store, id, argv[3], &error);
      if (uuid == NULL || !cirt_store_remove_statement (store, id, uuid, author, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }

  {
    g_autoptr(CirtStatement) st = cirt_statement_new ();
    g_autofree char *uuid = NULL;

    st->question = g_strdup (argv[3]);
    st->author = g_strdup (author);
    st->stakeholder = cirt_store_resolve_stakeholder (store, id, person, &error);
    if (st->stakeholder == NULL)
      return cirt_cli_refuse_error (error);
    if (session != NULL && (st->session = cirt_store_resolve_interview (store, id, session, &error)) == NULL)
      return cirt_cli_refuse_error (error);
    st->text = text ? g_strdup (text) : read_text_file (text_file, &error);
    if (st->text == NULL)
      return cirt_cli_refuse_error (error);
    uuid = cirt_store_add_statement (store, id, st, &error);
    if (uuid == NULL)
      return cirt_cli_refuse_error (error);
    printf ("%s\n", uuid);
  }
  return CIRT_CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* plan                                                                     */

static const char *
state_words (CirtPlanState state)
{
  switch (state)
    {
    case CIRT_PLAN_COVERED:
      return _("covered");
    case CIRT_PLAN_PLANNED:
      return _("planned, no group asked is met");
    case CIRT_PLAN_UNPLANNED:
    default:
      return _("not planned");
    }
}

static char *
groups_text (char **groups)
{
  const CirtLang *lang = cirt_cli_language ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) cirt_lang_group_name (lang, groups[i]));
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

static void
add_strv (JsonBuilder *b,
          const char  *name,
          char       **values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

int
cirt_cli_cmd_plan (CirtCli *cli,
                   int      argc,
                   char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("plan");
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) instruments = NULL, people = NULL, sessions = NULL, plan = NULL;
  guint n_open = 0;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if ((instruments = cirt_store_get_instruments (store, id, &error)) == NULL ||
      (people = cirt_store_list_stakeholders (store, id, &error)) == NULL ||
      (sessions = cirt_store_list_interviews (store, id, &error)) == NULL)
    return cirt_cli_refuse_error (error);
  plan = cirt_mission_plan (instruments, people, sessions);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "sections");
      json_builder_begin_array (b);
      for (guint i = 0; i < plan->len; i++)
        {
          const CirtPlanSection *p = g_ptr_array_index (plan, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "section");
          json_builder_add_string_value (b, p->section->id);
          json_builder_set_member_name (b, "instrument");
          json_builder_add_string_value (b, cirt_instrument_get_id (CIRT_INSTRUMENT (p->section->instrument)));
          json_builder_set_member_name (b, "state");
          json_builder_add_string_value (b, cirt_plan_state_to_string (p->state));
          add_strv (b, "groups_asked", p->groups);
          add_strv (b, "groups_met", p->groups_met);
          add_strv (b, "sessions", p->sessions);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "uncovered");
      json_builder_begin_array (b);
      for (guint i = 0; i < plan->len; i++)
        {
          const CirtPlanSection *p = g_ptr_array_index (plan, i);
          if (p->state != CIRT_PLAN_COVERED)
            json_builder_add_string_value (b, p->section->id);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (5, 1 << 3);
    const char *lang = cirt_lang_get_code (cirt_cli_language ());

    /* translators: column headers of 'cirt-assess-cli plan ID' */
    cirt_cli_table_add (t, _("Section"), _("State"), _("Groups to ask"), _("Sessions"), _("Groups met"));
    for (guint i = 0; i < plan->len; i++)
      {
        const CirtPlanSection *p = g_ptr_array_index (plan, i);
        g_autofree char *title = g_strdup_printf ("%s %s", p->section->id, cirt_text_get (p->section->title, lang));
        g_autofree char *title_cell = cell (title, 40);
        g_autofree char *asked = groups_text (p->groups);
        g_autofree char *asked_cell = cell (asked, 50);
        g_autofree char *met = groups_text (p->groups_met);
        g_autofree char *met_cell = cell (met, 40);
        g_autofree char *n = g_strdup_printf ("%u", p->sessions ? g_strv_length (p->sessions) : 0);

        if (p->state != CIRT_PLAN_COVERED)
          n_open++;
        cirt_cli_table_add (t, title_cell, state_words (p->state), asked_cell, n, met_cell);
      }
    cirt_cli_table_print (t, "");
  }
  if (n_open > 0)
    {
      printf ("\n");
      printf (ngettext ("%u section is not covered by a planned session yet.",
                        "%u sections are not covered by a planned session yet.", n_open), n_open);
      printf ("\n");
    }
  return CIRT_CLI_OK;
}
