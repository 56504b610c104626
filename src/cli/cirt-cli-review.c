/* cirt-cli-review.c — `review`: the lead assessor's review of the answers
 * (set, list, summary)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-json.h"
#include "cirt-store-sessions.h"

const char *
cirt_cli_review_state_label (CirtReviewState state)
{
  switch (state)
    {
    case CIRT_REVIEW_ACCEPTED:
      return _("accepted");
    case CIRT_REVIEW_NEEDS_WORK:
      return _("needs work");
    case CIRT_REVIEW_NOT_REVIEWED:
    case CIRT_N_REVIEW_STATES:
    default:
      return _("not reviewed");
    }
}

JsonNode *
cirt_cli_review_json (const CirtReview *review,
                      const CirtAnswer *answer)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  CirtReviewState state = cirt_review_effective_state (review, answer);
  gboolean shown = state != CIRT_REVIEW_NOT_REVIEWED;

  json_builder_begin_object (b);
  cirt_json_add_string (b, "state", cirt_review_state_to_string (state));
  json_builder_set_member_name (b, "outdated");
  json_builder_add_boolean_value (b, cirt_review_is_outdated (review, answer));
  cirt_json_add_string (b, "comment", shown ? review->comment : NULL);
  cirt_json_add_string (b, "reviewer", review ? review->reviewer : NULL);
  cirt_json_add_string (b, "reviewed_at", review ? review->reviewed_at : NULL);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* The first line of @text, at most @max characters, with "…" when cut. */
static char *
one_line (const char *text,
          glong       max)
{
  g_autofree char *line = NULL;
  const char *nl;

  if (text == NULL)
    return g_strdup ("");
  nl = strchr (text, '\n');
  line = nl ? g_strndup (text, nl - text) : g_strdup (text);
  if (g_utf8_strlen (line, -1) > max || nl != NULL)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, MIN (max, g_utf8_strlen (line, -1)));
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static void
add_counts (JsonBuilder            *b,
            const CirtReviewCounts *c)
{
  json_builder_begin_object (b);
  cirt_json_add_int (b, "answered", TRUE, c->n_answered);
  cirt_json_add_int (b, "accepted", TRUE, c->n_accepted);
  cirt_json_add_int (b, "needs_work", TRUE, c->n_needs_work);
  cirt_json_add_int (b, "not_reviewed", TRUE, c->n_not_reviewed);
  cirt_json_add_int (b, "changed_since_review", TRUE, c->n_outdated);
  cirt_json_add_number (b, "share_reviewed", TRUE, cirt_review_counts_share (c));
  json_builder_end_object (b);
}

char *
cirt_cli_review_summary_line (const CirtReviewCounts *c)
{
  g_autofree char *percent = g_strdup_printf ("%.0f %%", 100 * cirt_review_counts_share (c));

  /* translators: "4 of 10 answers reviewed (40 %): 3 accepted, 1 needs work, 6 not reviewed" */
  return g_strdup_printf (_("%u of %u answers reviewed (%s): %u accepted, %u needs work, %u not reviewed"),
                          c->n_accepted + c->n_needs_work, c->n_answered, percent, c->n_accepted, c->n_needs_work,
                          c->n_not_reviewed);
}

static int
review_set (CirtCli    *cli,
            char      **argv,
            const char *comment,
            const char *by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  CirtReviewState state;

  if (strcmp (argv[4], "accepted") == 0)
    state = CIRT_REVIEW_ACCEPTED;
  else if (strcmp (argv[4], "needs-work") == 0)
    state = CIRT_REVIEW_NEEDS_WORK;
  else
    state = CIRT_REVIEW_NOT_REVIEWED;

  store = cirt_cli_open_assessment (cli, argv[2], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_store_set_review (store, id, argv[3], state, comment, by, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}

static gboolean
load (CirtStore   *store,
      const char  *id,
      GPtrArray  **instruments,
      GHashTable **answers,
      GHashTable **reviews,
      GError     **error)
{
  return (*instruments = cirt_store_get_instruments (store, id, error)) != NULL &&
         (*answers = cirt_store_get_answers (store, id, error)) != NULL &&
         (*reviews = cirt_store_get_reviews (store, id, error)) != NULL;
}

static gboolean
has_section (GPtrArray  *instruments,
             const char *section)
{
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        if (g_strcmp0 (cirt_instrument_get_section (inst, s)->id, section) == 0)
          return TRUE;
    }
  return FALSE;
}

static int
review_list (CirtCli                *cli,
             const char             *prefix,
             CirtReviewFilter       *filter,
             const char             *session,
             gboolean                json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) instruments = NULL, items = NULL;
  g_autoptr(GHashTable) answers = NULL, reviews = NULL;
  g_autofree char *id = NULL, *session_id = NULL;

  store = cirt_cli_open_assessment (cli, prefix, &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!load (store, id, &instruments, &answers, &reviews, &error))
    return cirt_cli_refuse_error (error);
  if (filter->section != NULL && !has_section (instruments, filter->section))
    return cirt_cli_refuse (_("no section \"%s\" in this assessment's instruments"), filter->section);
  /* --session: a session's id (or a unique prefix of it), or "none" for the
   * answers given outside any session. */
  if (session != NULL && g_strcmp0 (session, "none") == 0)
    filter->session = "";
  else if (session != NULL)
    {
      session_id = cirt_store_resolve_interview (store, id, session, &error);
      if (session_id == NULL)
        return cirt_cli_refuse_error (error);
      filter->session = session_id;
    }
  items = cirt_review_items (instruments, answers, reviews, filter);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < items->len; i++)
        {
          const CirtReviewItem *it = g_ptr_array_index (items, i);
          json_builder_begin_object (b);
          cirt_json_add_string (b, "question", it->question->id);
          cirt_json_add_string (b, "section", it->section->id);
          cirt_json_add_string (b, "answer_author", it->answer->author);
          cirt_json_add_string (b, "answer_updated_at", it->answer->updated_at);
          cirt_json_add_string (b, "session", it->answer->session);
          json_builder_set_member_name (b, "review");
          json_builder_add_value (b, cirt_cli_review_json (it->review, it->answer));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  if (items->len == 0)
    {
      fprintf (stderr, "%s\n", _("No answers to list."));
      return CIRT_CLI_OK;
    }
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (5, 0);

    /* translators: column headers of 'cirt-assess-cli review list' */
    cirt_cli_table_add (t, _("Question"), _("Review"), _("Answered by"), _("Reviewer"), _("Comment"));
    for (guint i = 0; i < items->len; i++)
      {
        const CirtReviewItem *it = g_ptr_array_index (items, i);
        g_autofree char *state = it->outdated
          /* translators: a review state, e.g. "not reviewed (changed since accepted)" */
          ? g_strdup_printf (_("%s (changed since %s)"), cirt_cli_review_state_label (it->state),
                             cirt_cli_review_state_label (it->review->state))
          : g_strdup (cirt_cli_review_state_label (it->state));
        gboolean shown = it->state != CIRT_REVIEW_NOT_REVIEWED;
        g_autofree char *comment = one_line (shown ? it->review->comment : NULL, 50);

        cirt_cli_table_add (t, it->question->id, state, it->answer->author ? it->answer->author : "",
                            shown && it->review->reviewer ? it->review->reviewer : "", comment);
      }
    cirt_cli_table_print (t, "");
  }
  return CIRT_CLI_OK;
}

static int
review_summary (CirtCli    *cli,
                const char *prefix,
                gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL, reviews = NULL;
  g_autofree char *id = NULL;
  CirtReviewCounts counts;

  store = cirt_cli_open_assessment (cli, prefix, &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!load (store, id, &instruments, &answers, &reviews, &error))
    return cirt_cli_refuse_error (error);
  cirt_review_count (answers, reviews, &counts);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_counts (b, &counts);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  {
    g_autofree char *line = cirt_cli_review_summary_line (&counts);
    printf ("%s\n", line);
    if (counts.n_outdated > 0)
      {
        g_autofree char *changed = g_strdup_printf (ngettext ("%u answer changed since its review",
                                                              "%u answers changed since their review",
                                                              counts.n_outdated), counts.n_outdated);
        printf ("  %s\n", changed);
      }
  }
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_review (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("review");
  g_autofree char *comment = NULL, *by = NULL, *state = NULL, *section = NULL, *assessor = NULL, *session = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("What needs work (required with needs-work; set)"), "C" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("The reviewer (default: you; set)"), "NAME" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only answers in this state: not-reviewed, accepted or needs-work (list)"), "S" },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section, N_("Only the answers of this section (its id; list)"), "S" },
    { "assessor", 0, 0, G_OPTION_ARG_STRING, &assessor, N_("Only the answers written by this assessor (list)"), "A" },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session,
      N_("Only the answers given in this interview session (its id, or none: outside any session; list)"), "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list, summary)"), NULL },
    { NULL }
  };
  CirtReviewFilter filter = { NULL, NULL, -1 };
  const char *sub;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cirt_cli_usage_error (cmd, "%s", _("expected set, list or summary"));
  sub = argv[1];
  if (strcmp (sub, "set") == 0)
    {
      if (argc != 5)
        return cirt_cli_usage_error (cmd, "%s", argc < 5 ? _("expected set ID QUESTION accepted|needs-work|clear")
                                                         : _("too many arguments"));
      if (strcmp (argv[4], "accepted") != 0 && strcmp (argv[4], "needs-work") != 0 &&
          strcmp (argv[4], "clear") != 0)
        return cirt_cli_usage_error (cmd, _("unknown review \"%s\" (expected accepted, needs-work or clear)"),
                                     argv[4]);
      if (comment != NULL && strcmp (argv[4], "clear") == 0)
        return cirt_cli_usage_error (cmd, "%s", _("clear takes no --comment"));
      if (state || section || assessor || session || json)
        return cirt_cli_usage_error (cmd, "%s", _("set takes only --comment and --by"));
      return review_set (cli, argv, comment, by);
    }
  if (strcmp (sub, "list") != 0 && strcmp (sub, "summary") != 0)
    return cirt_cli_usage_error (cmd, _("unknown action \"%s\" (expected set, list or summary)"), sub);
  if (argc != 3)
    return cirt_cli_usage_error (cmd, "%s", argc < 3 ? _("no assessment id given") : _("too many arguments"));
  if (comment || by)
    return cirt_cli_usage_error (cmd, _("%s takes no --comment or --by"), sub);
  if (strcmp (sub, "summary") == 0)
    {
      if (state || section || assessor || session)
        return cirt_cli_usage_error (cmd, "%s", _("summary takes only --json"));
      return review_summary (cli, argv[2], json);
    }
  if (state != NULL)
    {
      CirtReviewState s;
      if (!cirt_review_state_from_string (state, &s))
        return cirt_cli_usage_error (cmd, _("unknown review state \"%s\" (expected not-reviewed, accepted or "
                                            "needs-work)"), state);
      filter.state = s;
    }
  filter.section = section;
  filter.assessor = assessor;
  return review_list (cli, argv[2], &filter, session, json);
}
