/* cirt-cli-data.c — commands that create, read and change assessments
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-countries.h"
#include "cirt-store-sessions.h"
#include "cirt-store-evidence.h"
#include "cirt-references.h"
#include "cirt-sample.h"

/* The language of the terminal's messages ("fr_FR.UTF-8", "C"…): instrument
 * texts and pillar titles follow it, falling back to English. */
static const char *
ui_language (void)
{
  return cirt_lang_get_code (cirt_cli_language ());
}

/* "  Label:        value" with the label padded in terminal cells. */
static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *padded = cirt_cli_pad (label, 14, FALSE);
  printf ("  %s %s\n", padded, value);
}

static char *table_text (const char *text,
                         gsize       max);

/* ------------------------------------------------------------------------ */

int
cirt_cli_cmd_instruments (CirtCli *cli,
                          int      argc,
                          char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("instruments");
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[1]);

  list = cirt_instrument_list_available (problems);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          CirtInstrument *inst = g_ptr_array_index (list, i);
          const char * const *langs = cirt_instrument_get_languages (inst);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, cirt_instrument_get_id (inst));
          json_builder_set_member_name (b, "version");
          json_builder_add_string_value (b, cirt_instrument_get_version (inst));
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, cirt_instrument_get_title (inst, "en"));
          json_builder_set_member_name (b, "sha256");
          json_builder_add_string_value (b, cirt_instrument_get_sha256 (inst));
          json_builder_set_member_name (b, "file");
          json_builder_add_string_value (b, cirt_instrument_get_origin (inst));
          json_builder_set_member_name (b, "languages");
          json_builder_begin_array (b);
          for (guint l = 0; langs && langs[l]; l++)
            json_builder_add_string_value (b, langs[l]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "sections");
          json_builder_add_int_value (b, cirt_instrument_get_n_sections (inst));
          json_builder_set_member_name (b, "questions");
          json_builder_add_int_value (b, cirt_instrument_get_n_questions (inst));
          json_builder_set_member_name (b, "scored");
          json_builder_add_int_value (b, cirt_instrument_get_n_scored (inst));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        {
          CirtInstrument *inst = g_ptr_array_index (list, i);
          /* translators: instrument id, version, number of questions, number of scored questions, title */
          printf (_("%-22s %-8s %3u questions (%u scored)  %s\n"),
                  cirt_instrument_get_id (inst), cirt_instrument_get_version (inst),
                  cirt_instrument_get_n_questions (inst), cirt_instrument_get_n_scored (inst),
                  cirt_instrument_get_title (inst, ui_language ()));
        }
      if (list->len == 0)
        fprintf (stderr, "%s\n", _("No instruments found."));
    }
  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "%s: %s\n", _("skipped"), (char *) g_ptr_array_index (problems, i));
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_validate (CirtCli *cli,
                       int      argc,
                       char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("validate");
  g_autofree char *references = NULL;
  GOptionEntry entries[] = {
    { "references", 0, 0, G_OPTION_ARG_FILENAME, &references,
      N_("Registry of known references (default: the references.json that goes with each file)"), "FILE" },
    { NULL }
  };
  g_autoptr(CirtReferences) given = NULL;
  int status, result = CIRT_CLI_OK;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cirt_cli_usage_error (cmd, "%s", _("no file given"));
  if (references != NULL)
    {
      g_autoptr(GError) error = NULL;
      given = cirt_references_new_from_file (references, &error);
      if (given == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return CIRT_CLI_REFUSED;
        }
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_file (argv[i], &error);
      g_autoptr(CirtReferences) found = NULL;
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *loader_warnings;
      CirtReferences *registry = given;

      if (inst == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          result = CIRT_CLI_REFUSED;
          continue;
        }
      loader_warnings = cirt_instrument_get_warnings (inst);
      for (guint w = 0; w < loader_warnings->len; w++)
        g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (loader_warnings, w)));
      if (registry == NULL)
        {
          g_autofree char *path = cirt_references_find_for (argv[i]);
          if (path != NULL)
            {
              found = cirt_references_new_from_file (path, &error);
              if (found == NULL)
                {
                  fprintf (stderr, "%s\n", error->message);
                  result = CIRT_CLI_REFUSED;
                  continue;
                }
              registry = found;
            }
        }
      if (registry != NULL)
        cirt_references_check (registry, inst, warnings);
      else
        /* translators: validate found no data/references.json to check an instrument's refs against */
        fprintf (stderr, _("%s: no reference registry found; references not checked\n"), argv[i]);
      for (guint w = 0; w < warnings->len; w++)
        fprintf (stderr, "%s: %s\n", C_("diagnostic prefix", "warning"), (char *) g_ptr_array_index (warnings, w));
      /* translators: file, instrument id, version, numbers of sections, questions, scored questions and
       * warnings, then the word "warning" or "warnings" */
      printf (_("%s: %s %s, %u sections, %u questions (%u scored), %u %s\n"), argv[i],
              cirt_instrument_get_id (inst), cirt_instrument_get_version (inst),
              cirt_instrument_get_n_sections (inst), cirt_instrument_get_n_questions (inst),
              cirt_instrument_get_n_scored (inst), warnings->len,
              ngettext ("warning", "warnings", warnings->len));
    }
  return result;
}

/* ------------------------------------------------------------------------ */

static gboolean
is_none (const char *option)
{
  return g_ascii_strcasecmp (option, "none") == 0 || *option == '\0';
}

/* info->country_code and info->region from --country-code and --region
 * (NULL: not given; "none": unset), and, for what they leave open, from
 * the country's name when @name_given: a name the table of countries knows
 * gives its code and, unless --region says otherwise, its region. Returns
 * CIRT_CLI_OK, or the refusal printed. */
static int
resolve_country (CirtAssessmentInfo *info,
                 const char         *code,
                 const char         *region,
                 gboolean            name_given)
{
  const CirtCountry *country = NULL;

  if (code != NULL && !is_none (code))
    {
      country = cirt_country_lookup (code);
      if (country == NULL)
        return cirt_cli_refuse (_("unknown country code \"%s\" (expected an ISO 3166-1 alpha-2 code such as FR or KE)"),
                                code);
    }
  if (region != NULL && !is_none (region) && !cirt_region_from_string (region, NULL))
    return cirt_cli_refuse (_("unknown region \"%s\" (expected africa, americas, arab-states, asia-pacific, cis or "
                              "europe)"), region);
  if (code == NULL && name_given)
    {
      country = cirt_country_find_by_name (info->country);
      g_clear_pointer (&info->country_code, g_free);
      if (region == NULL)
        g_clear_pointer (&info->region, g_free);
      if (country == NULL && region == NULL)
        fprintf (stderr, _("cirt-assess-cli: note: \"%s\" is not in the list of countries: no ISO code or region is "
                           "set (give --country-code or --region)\n"), info->country);
    }
  if (code != NULL)
    g_clear_pointer (&info->country_code, g_free);
  if (country != NULL)
    {
      info->country_code = g_strdup (country->code);
      if (region == NULL)
        {
          g_free (info->region);
          info->region = g_strdup (country->region);
        }
    }
  if (region != NULL)
    {
      CirtRegion r;

      g_clear_pointer (&info->region, g_free);
      if (!is_none (region) && cirt_region_from_string (region, &r))
        info->region = g_strdup (cirt_region_to_string (r));
    }
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_new (CirtCli *cli,
                  int      argc,
                  char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("new");
  g_autofree char *title = NULL, *country = NULL, *organisation = NULL, *phase = NULL, *assessor = NULL;
  g_autofree char *started = NULL, *baseline = NULL, *country_code = NULL, *region = NULL;
  g_auto(GStrv) instruments = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the assessment"), "T" },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Country assessed"), "C" },
    { "country-code", 0, 0, G_OPTION_ARG_STRING, &country_code,
      N_("ISO 3166-1 alpha-2 code of the country (default: from the country's name when the list has it)"), "CC" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("ITU region: africa, americas, arab-states, asia-pacific, cis or europe (default: the country's)"), "R" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("Host or sponsoring organisation"), "O" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("assessment, design, establishment or enhancement"), "P" },
    { "instrument", 0, 0, G_OPTION_ARG_STRING_ARRAY, &instruments, N_("Instrument id or file (repeatable)"), "ID_OR_FILE" },
    { "assessor", 0, 0, G_OPTION_ARG_STRING, &assessor, N_("Lead assessor"), "NAME" },
    { "started", 0, 0, G_OPTION_ARG_STRING, &started, N_("Start date of the mission"), "YYYY-MM-DD" },
    { "follow-up-of", 0, 0, G_OPTION_ARG_STRING, &baseline, N_("Earlier assessment this one follows up"), "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) insts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[1]);
  if (title == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--title is required"));
  if (country == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--country is required"));
  if (instruments == NULL || instruments[0] == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("at least one --instrument is required"));
  if (phase != NULL && !cirt_mission_phase_is_valid (phase))
    return cirt_cli_usage_error (cmd, _("unknown phase \"%s\" (expected assessment, design, establishment or enhancement)"), phase);

  for (guint i = 0; instruments[i]; i++)
    {
      CirtInstrument *inst = cirt_instrument_find (instruments[i], &error);
      if (inst == NULL)
        return cirt_cli_refuse_error (error);
      g_ptr_array_add (insts, inst);
    }

  store = cirt_cli_open_store (cli, &error);
  if (store == NULL)
    return cirt_cli_refuse_error (error);

  if (baseline != NULL)
    {
      info->baseline = cirt_store_resolve_id (store, baseline, &error);
      if (info->baseline == NULL)
        return cirt_cli_refuse_error (error);
    }
  info->title = g_strdup (title);
  info->country = g_strdup (country);
  info->organisation = g_strdup (organisation);
  info->phase = g_strdup (phase);
  info->lead_assessor = g_strdup (assessor);
  info->started_on = g_strdup (started);
  if ((status = resolve_country (info, country_code, region, TRUE)) != CIRT_CLI_OK)
    return status;
  id = cirt_store_create_assessment (store, info, insts, &error);
  if (id == NULL)
    return cirt_cli_refuse_error (error);
  printf ("%s\n", id);
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_edit (CirtCli *cli,
                   int      argc,
                   char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("edit");
  g_autofree char *title = NULL, *country = NULL, *country_code = NULL, *region = NULL, *organisation = NULL;
  g_autofree char *phase = NULL, *assessor = NULL, *started = NULL, *ended = NULL, *state = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the assessment"), "T" },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country,
      N_("Country assessed (its code and region follow it, unless given)"), "C" },
    { "country-code", 0, 0, G_OPTION_ARG_STRING, &country_code,
      N_("ISO 3166-1 alpha-2 code of the country, or none"), "CC" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("ITU region: africa, americas, arab-states, asia-pacific, cis, europe, or none"), "R" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("Host or sponsoring organisation"), "O" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("assessment, design, establishment or enhancement"), "P" },
    { "assessor", 0, 0, G_OPTION_ARG_STRING, &assessor, N_("Lead assessor"), "NAME" },
    { "started", 0, 0, G_OPTION_ARG_STRING, &started, N_("Start date of the mission"), "YYYY-MM-DD" },
    { "ended", 0, 0, G_OPTION_ARG_STRING, &ended, N_("End date of the mission"), "YYYY-MM-DD" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &state, N_("in-progress or completed"), "S" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  if (title == NULL && country == NULL && country_code == NULL && region == NULL && organisation == NULL &&
      phase == NULL && assessor == NULL && started == NULL && ended == NULL && state == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("nothing to change: give at least one option"));
  if (phase != NULL && !cirt_mission_phase_is_valid (phase))
    return cirt_cli_usage_error (cmd, _("unknown phase \"%s\" (expected assessment, design, establishment or enhancement)"), phase);

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  info = cirt_store_get_assessment (store, id, &error);
  if (info == NULL)
    return cirt_cli_refuse_error (error);
#define SET(field, value) if ((value) != NULL) { g_free (info->field); info->field = g_strdup (value); }
  SET (title, title);
  SET (country, country);
  SET (organisation, organisation);
  SET (phase, phase);
  SET (lead_assessor, assessor);
  SET (started_on, started);
  SET (ended_on, ended);
  SET (status, state);
#undef SET
  if ((status = resolve_country (info, country_code, region, country != NULL)) != CIRT_CLI_OK)
    return status;
  if (!cirt_store_update_assessment (store, info, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}

static void
add_string_member (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
build_info (JsonBuilder              *b,
            const CirtAssessmentInfo *info)
{
  add_string_member (b, "id", info->id);
  add_string_member (b, "title", info->title);
  add_string_member (b, "country", info->country);
  add_string_member (b, "country_code", info->country_code);
  add_string_member (b, "region", info->region);
  add_string_member (b, "organisation", info->organisation);
  add_string_member (b, "phase", info->phase);
  add_string_member (b, "lead_assessor", info->lead_assessor);
  add_string_member (b, "assessors", info->assessors);
  add_string_member (b, "status", info->status);
  add_string_member (b, "started_on", info->started_on);
  add_string_member (b, "ended_on", info->ended_on);
  add_string_member (b, "baseline", info->baseline);
  add_string_member (b, "created_at", info->created_at);
  add_string_member (b, "updated_at", info->updated_at);
  json_builder_set_member_name (b, "answered");
  json_builder_add_int_value (b, info->n_answered);
  json_builder_set_member_name (b, "questions");
  json_builder_add_int_value (b, info->n_questions);
}

int
cirt_cli_cmd_list (CirtCli *cli,
                   int      argc,
                   char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("list");
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[1]);

  store = cirt_cli_open_store (cli, &error);
  if (store == NULL || (list = cirt_store_list_assessments (store, &error)) == NULL)
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          CirtAssessmentInfo *info = g_ptr_array_index (list, i);
          json_builder_begin_object (b);
          build_info (b, info);
          json_builder_set_member_name (b, "instruments");
          json_builder_begin_array (b);
          for (guint j = 0; info->instruments[j]; j++)
            json_builder_add_string_value (b, info->instruments[j]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      CirtAssessmentInfo *info = g_ptr_array_index (list, i);
      g_autofree char *short_id = g_strndup (info->id, 8);
      printf ("%s  %-20s %4u/%-4u %-13s %s\n", short_id, info->country, info->n_answered, info->n_questions,
              info->phase, info->title);
    }
  if (list->len == 0)
    fprintf (stderr, "%s\n", _("No assessments yet. Create one with 'cirt-assess-cli new' or 'cirt-assess-cli demo'."));
  return CIRT_CLI_OK;
}

/* The answer's JSON form; one given in an interview session also has the
 * session as data ("interview": its id, date, place and stakeholders). */
static void
build_answer (JsonBuilder      *b,
              const CirtAnswer *a,
              CirtStore        *store,
              const char       *id,
              GPtrArray        *stakeholders,
              GHashTable       *reviews)
{
  JsonNode *node = cirt_answer_to_json_node (a, CIRT_ANSWER_JSON_WITH_META);

  json_object_set_member (json_node_get_object (node), "review",
                          cirt_cli_review_json (g_hash_table_lookup (reviews, a->question), a));
  if (a->session != NULL)
    json_object_set_member (json_node_get_object (node), "interview",
                            cirt_cli_answer_session_json (store, id, a->session, stakeholders));
  json_builder_add_value (b, node);
}

int
cirt_cli_cmd_show (CirtCli *cli,
                   int      argc,
                   char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("show");
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) reviews = NULL;
  int targets[CIRT_N_PILLARS];
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if ((info = cirt_store_get_assessment (store, id, &error)) == NULL ||
      (instruments = cirt_store_get_instruments (store, id, &error)) == NULL ||
      (answers = cirt_store_get_answers (store, id, &error)) == NULL ||
      (stakeholders = cirt_store_list_stakeholders (store, id, &error)) == NULL ||
      (findings = cirt_store_list_findings (store, id, &error)) == NULL ||
      (reviews = cirt_store_get_reviews (store, id, &error)) == NULL ||
      !cirt_store_get_targets (store, id, targets, &error))
    return cirt_cli_refuse_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      build_info (b, info);
      json_builder_set_member_name (b, "instruments");
      json_builder_begin_array (b);
      for (guint i = 0; i < instruments->len; i++)
        {
          CirtInstrument *inst = g_ptr_array_index (instruments, i);
          json_builder_begin_object (b);
          add_string_member (b, "id", cirt_instrument_get_id (inst));
          add_string_member (b, "version", cirt_instrument_get_version (inst));
          add_string_member (b, "sha256", cirt_instrument_get_sha256 (inst));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "targets");
      json_builder_begin_object (b);
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        {
          json_builder_set_member_name (b, cirt_pillar_to_string (p));
          if (targets[p] > 0)
            json_builder_add_int_value (b, targets[p]);
          else
            json_builder_add_null_value (b);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "stakeholders");
      json_builder_begin_array (b);
      for (guint i = 0; i < stakeholders->len; i++)
        {
          CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, s->id);
          add_string_member (b, "uuid", s->uuid);
          add_string_member (b, "name", s->name);
          add_string_member (b, "organisation", s->organisation);
          add_string_member (b, "sector", s->sector);
          add_string_member (b, "date", s->met_on);
          add_string_member (b, "notes", s->notes);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "findings");
      json_builder_begin_array (b);
      for (guint i = 0; i < findings->len; i++)
        json_builder_add_value (b, cirt_finding_to_json_node (g_ptr_array_index (findings, i)));
      json_builder_end_array (b);
      if (!cirt_cli_add_interviews_json (b, store, id, stakeholders, &error))
        return cirt_cli_refuse_error (error);
      /* The evidence vault: the items' metadata, not their bytes. */
      {
        g_autoptr(GPtrArray) evidence = cirt_store_list_evidence (store, id, NULL, &error);
        gboolean evidenced_only = FALSE;

        if (evidence == NULL || !cirt_store_get_evidenced_only (store, id, &evidenced_only, &error))
          return cirt_cli_refuse_error (error);
        json_builder_set_member_name (b, "evidenced_only");
        json_builder_add_boolean_value (b, evidenced_only);
        json_builder_set_member_name (b, "evidence");
        json_builder_begin_array (b);
        for (guint i = 0; i < evidence->len; i++)
          json_builder_add_value (b, cirt_evidence_to_json_node (g_ptr_array_index (evidence, i)));
        json_builder_end_array (b);
      }
      json_builder_set_member_name (b, "answers");
      json_builder_begin_array (b);
      /* In questionnaire order, so the output is stable and reads like the form. */
      for (guint i = 0; i < instruments->len; i++)
        {
          CirtInstrument *inst = g_ptr_array_index (instruments, i);
          for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
            {
              const CirtSection *sec = cirt_instrument_get_section (inst, s);
              for (guint q = 0; q < sec->questions->len; q++)
                {
                  const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
                  CirtAnswer *a = g_hash_table_lookup (answers, qu->id);
                  if (a)
                    build_answer (b, a, store, id, stakeholders, reviews);
                }
            }
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }

  printf ("%s\n", info->title);
  print_field (_("Id:"), info->id);
  print_field (_("Country:"), info->country);
  if (info->country_code)
    print_field (_("ISO code:"), info->country_code);
  if (info->region)
    print_field (_("Region:"), cirt_lang_region_name (cirt_cli_language (), info->region));
  if (info->organisation)
    print_field (_("Organisation:"), info->organisation);
  print_field (_("Phase:"), info->phase);
  if (info->lead_assessor)
    print_field (_("Lead assessor:"), info->lead_assessor);
  if (info->baseline)
    print_field (_("Follow-up of:"), info->baseline);
  {
    g_autofree char *answered = g_strdup_printf ("%u / %u", info->n_answered, info->n_questions);
    print_field (_("Answered:"), answered);
  }
  {
    CirtReviewCounts counts;
    g_autofree char *reviewed = NULL;

    cirt_review_count (answers, reviews, &counts);
    reviewed = cirt_cli_review_summary_line (&counts);
    print_field (_("Reviewed:"), reviewed);
  }
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (targets[p] > 0)
      {
        g_autofree char *pillar = cirt_cli_pad (cirt_lang_pillar_title (cirt_cli_language (), p), 28, FALSE);
        printf ("  %s %s %d\n", _("Target"), pillar, targets[p]);
      }
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      printf ("\n%s (%s %s)\n", cirt_instrument_get_title (inst, ui_language ()), cirt_instrument_get_id (inst),
              cirt_instrument_get_version (inst));
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          printf ("  %s\n", cirt_text_get (sec->title, ui_language ()));
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              CirtAnswer *a = g_hash_table_lookup (answers, qu->id);
              const char *shown = a == NULL ? "—" : a->not_applicable ? _("N/A") : a->value ? a->value : "…";
              printf ("    %-12s %-10s%s\n", qu->id, shown, a && a->flagged ? _(" (follow-up)") : "");
            }
        }
    }
  if (stakeholders->len)
    {
      printf ("\n%s\n", _("Stakeholders"));
      for (guint i = 0; i < stakeholders->len; i++)
        {
          CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
          printf ("  %-10s %s, %s%s%s\n", s->met_on ? s->met_on : "", s->name, s->organisation ? s->organisation : "",
                  s->sector ? " — " : "", s->sector ? s->sector : "");
        }
    }
  if (findings->len)
    {
      printf ("\n%s\n", _("Findings"));
      for (guint i = 0; i < findings->len; i++)
        {
          const CirtFinding *f = g_ptr_array_index (findings, i);
          g_autofree char *kind = cirt_cli_pad (cirt_lang_finding_kind (cirt_cli_language (), f->kind), 20, FALSE);
          g_autofree char *title = table_text (f->title, 70);
          printf ("  %s %s\n", kind, title);
        }
    }
  return CIRT_CLI_OK;
}

/* ------------------------------------------------------------------------ */

int
cirt_cli_cmd_answer (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("answer");
  g_autofree char *notes = NULL, *evidence = NULL, *source = NULL, *author = NULL, *session = NULL;
  gboolean na = FALSE, flag = FALSE, unflag = FALSE, internal = FALSE, shared = FALSE;
  GOptionEntry entries[] = {
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Interview notes, or the N/A justification"), "T" },
    { "internal", 0, 0, G_OPTION_ARG_NONE, &internal,
      N_("The notes are for the team: left out of redacted exports (export --redact)"), NULL },
    { "shared", 0, 0, G_OPTION_ARG_NONE, &shared, N_("The notes may go in redacted exports (the default)"), NULL },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, N_("Evidence seen (document, URL)"), "T" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Who or what the answer comes from"), "T" },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session,
      N_("The interview session the answer was given in (its id or the start of it): recorded as its source"),
      "SESSION" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Assessor recording the answer"), "NAME" },
    { "na", 0, 0, G_OPTION_ARG_NONE, &na, N_("Not applicable (needs --notes)"), NULL },
    { "flag", 0, 0, G_OPTION_ARG_NONE, &flag, N_("Flag for follow-up"), NULL },
    { "unflag", 0, 0, G_OPTION_ARG_NONE, &unflag, N_("Clear the follow-up flag"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtAnswer) answer = NULL;
  g_autoptr(CirtAnswer) base = NULL;
  g_autofree char *id = NULL;
  CirtSaveOutcome outcome = CIRT_SAVE_WRITTEN;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (na)
    {
      if (argc != 3)
        return cirt_cli_usage_error (cmd, "%s", _("--na takes ID QUESTION and no value"));
      g_autofree char *stripped = g_strstrip (g_strdup (notes ? notes : ""));
      if (*stripped == '\0')
        return cirt_cli_refuse ("%s", _("--na needs a justification: add --notes \"why this does not apply\""));
    }
  else if (argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("ID, QUESTION and VALUE are required") : _("too many arguments"));
  if (flag && unflag)
    return cirt_cli_usage_error (cmd, "%s", _("--flag and --unflag cannot be used together"));
  if (internal && shared)
    return cirt_cli_usage_error (cmd, "%s", _("--internal and --shared cannot be used together"));
  /* An N/A justification is what the reader needs to trust the N/A. */
  if (internal && na)
    return cirt_cli_usage_error (cmd, "%s", _("an N/A justification cannot be internal: it goes in every export"));

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;

  /* Options not given keep what is stored; what is given is an edit of it,
   * merged with any change made meanwhile (the application may be open). */
  base = cirt_store_get_answer (store, id, argv[2], &error);
  if (error)
    return cirt_cli_refuse_error (error);
  answer = base ? cirt_answer_copy (base) : cirt_answer_new (argv[2]);
  g_clear_pointer (&answer->value, g_free);
  answer->not_applicable = na;
  if (!na)
    answer->value = g_strdup (argv[3]);
  if (notes)
    g_free (answer->notes), answer->notes = g_strdup (notes);
  if (evidence)
    g_free (answer->evidence), answer->evidence = g_strdup (evidence);
  if (source)
    g_free (answer->source), answer->source = g_strdup (source);
  if (session)
    {
      g_free (answer->session);
      answer->session = cirt_store_resolve_interview (store, id, session, &error);
      if (answer->session == NULL)
        return cirt_cli_refuse_error (error);
    }
  if (flag || unflag)
    answer->flagged = flag;
  if (internal || shared)
    answer->notes_internal = internal;
  if (na)
    answer->notes_internal = FALSE;
  g_free (answer->author);
  answer->author = g_strdup (author);
  if (!cirt_store_save_answer_over (store, id, base, answer, &outcome, NULL, &error))
    return cirt_cli_refuse_error (error);
  if (outcome == CIRT_SAVE_CONFLICT)
    fprintf (stderr, "cirt-assess-cli: %s\n",
             _("the answer was changed elsewhere at the same moment; the other version is kept in the merge "
               "conflicts (cirt-assess-cli conflicts)"));
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_unanswer (CirtCli *cli,
                       int      argc,
                       char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("unanswer");
  g_autofree char *author = NULL;
  GOptionEntry entries[] = {
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Assessor making the change"), "NAME" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cirt_cli_usage_error (cmd, "%s", argc < 3 ? _("ID and QUESTION are required") : _("too many arguments"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_store_unanswer (store, id, argv[2], author, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_target (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("target");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  CirtPillar pillar;
  char *end = NULL;
  gint64 level;
  int status;

  if (!cirt_cli_parse (cmd, NULL, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("ID, PILLAR and LEVEL are required") : _("too many arguments"));
  if (!cirt_pillar_from_string (argv[2], &pillar))
    return cirt_cli_refuse (_("unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)"), argv[2]);
  level = g_ascii_strtoll (argv[3], &end, 10);
  if (end == argv[3] || *end != '\0' || level < 0 || level > CIRT_N_LEVELS)
    return cirt_cli_refuse (_("\"%s\" is not a target level; use 1 to 5, or 0 to remove the target"), argv[3]);
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_store_set_target (store, id, pillar, (int) level, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_stakeholder (CirtCli *cli,
                          int      argc,
                          char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("stakeholder");
  g_autofree char *name = NULL, *organisation = NULL, *sector = NULL, *date = NULL, *notes = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the person met"), "N" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("Their organisation"), "O" },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Sector (government, finance, telecom…)"), "S" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the interview"), "YYYY-MM-DD" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Interview notes"), "T" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
  g_autofree char *id = NULL;
  gint64 row;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 3 || strcmp (argv[2], "add") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("expected ID add"));
  if (name == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--name is required"));
  if (organisation == NULL)
    return cirt_cli_usage_error (cmd, "%s", _("--organisation is required"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  s->name = g_strdup (name);
  s->organisation = g_strdup (organisation);
  s->sector = g_strdup (sector);
  s->met_on = g_strdup (date);
  s->notes = g_strdup (notes);
  row = cirt_store_add_stakeholder (store, id, s, &error);
  if (row == 0)
    return cirt_cli_refuse_error (error);
  printf ("%" G_GINT64_FORMAT "\n", row);
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_delete (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("delete");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_store_delete_assessment (store, id, &error))
    return cirt_cli_refuse_error (error);
  return CIRT_CLI_OK;
}

/* The history's chain of hashes: exit 0 when it holds (with the number of
 * changes and the chain's head, which the report prints), 1 naming the
 * first change that does not match. */
int
cirt_cli_cmd_verify (CirtCli *cli,
                     int      argc,
                     char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("verify");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL, *head = NULL;
  guint n = 0;
  int status;

  if (!cirt_cli_parse (cmd, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cirt_cli_usage_error (cmd, "%s", argc < 2 ? _("no assessment id given") : _("too many arguments"));
  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_store_verify_history (store, id, &n, &head, &error))
    return cirt_cli_refuse_error (error);
  /* translators: %s the assessment id, %u the number of changes, %s the last hash */
  printf (ngettext ("%s: %u change, the chain of hashes holds; head %s\n",
                    "%s: %u changes, the chain of hashes holds; head %s\n", n), id, n, head ? head : "-");
  return CIRT_CLI_OK;
}

/* The whole-file check that an ordinary open leaves out (it reads every
 * page: time in proportion to the file). Exit 0 when nothing is wrong, 1
 * with one problem per line when something is. Never writes. */
int
cirt_cli_cmd_check (CirtCli *cli,
                    int      argc,
                    char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("check");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = NULL;
  int status;

  if (!cirt_cli_parse (cmd, NULL, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cirt_cli_usage_error (cmd, "%s", _("too many arguments"));
  store = cirt_cli_open_store (cli, &error);
  if (store == NULL)
    return cirt_cli_refuse_error (error);
  if (!cirt_store_check (store, problems, &error))
    return cirt_cli_refuse_error (error);
  display = g_filename_display_name (cirt_store_get_path (store));
  if (problems->len == 0)
    {
      /* translators: %s is the database file */
      printf (_("%s: no problem found\n"), display);
      return CIRT_CLI_OK;
    }
  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "%s: %s\n", display, (char *) g_ptr_array_index (problems, i));
  return CIRT_CLI_REFUSED;
}

int
cirt_cli_cmd_demo (CirtCli *cli,
                   int      argc,
                   char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("demo");
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Sample file (default: the shipped sample)"), "SAMPLE.json" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[1]);
  path = file ? g_strdup (file) : cirt_sample_default_path ();
  store = cirt_cli_open_store (cli, &error);
  if (store == NULL)
    return cirt_cli_refuse_error (error);
  id = cirt_sample_load (store, path, &error);
  if (id == NULL)
    return cirt_cli_refuse_error (error);
  printf ("%s\n", id);
  return CIRT_CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* Findings */

/* @text for one line of a terminal table: control characters (which could
 * move the cursor or recolour the terminal) shown as U+FFFD, line breaks
 * and tabs as spaces, cut to @max cells with "…". */
static char *
table_text (const char *text,
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

static gboolean
parse_position (const char *text,
                guint      *out)
{
  char *end = NULL;
  gint64 n;

  if (text == NULL)
    return FALSE;
  n = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || n < 1 || n > G_MAXINT32)
    return FALSE;
  *out = (guint) (n - 1);
  return TRUE;
}

static int
finding_list (CirtStore  *store,
              const char *id,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = cirt_store_list_findings (store, id, &error);
  const CirtLang *lang = cirt_cli_language ();

  if (list == NULL)
    return cirt_cli_refuse_error (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        json_builder_add_value (b, cirt_finding_to_json_node (g_ptr_array_index (list, i)));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cirt_cli_print_json (root);
      return CIRT_CLI_OK;
    }
  if (list->len == 0)
    {
      fprintf (stderr, "%s\n", _("No findings yet. Add one with 'cirt-assess-cli finding ID add'."));
      return CIRT_CLI_OK;
    }
  {
    g_autoptr(CirtCliTable) t = cirt_cli_table_new (6, 1 << 0);

    /* translators: column headers of 'cirt-assess-cli finding ID list' */
    cirt_cli_table_add (t, _("#"), _("Id"), _("Kind"), _("Pillar"), _("Phase"), _("Title"));
    for (guint i = 0; i < list->len; i++)
      {
        const CirtFinding *f = g_ptr_array_index (list, i);
        g_autofree char *n = g_strdup_printf ("%u", i + 1);
        g_autofree char *short_id = g_strndup (f->id, 8);
        g_autofree char *title = table_text (f->title, 60);

        cirt_cli_table_add (t, n, short_id, cirt_lang_finding_kind (lang, f->kind),
                            cirt_lang_pillar_title (lang, f->pillar), cirt_lang_phase (lang, f->phase), title);
      }
    cirt_cli_table_print (t, "");
  }
  return CIRT_CLI_OK;
}

int
cirt_cli_cmd_finding (CirtCli *cli,
                      int      argc,
                      char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("finding");
  g_autofree char *kind = NULL, *pillar = NULL, *phase = NULL, *title = NULL, *description = NULL;
  g_autofree char *author = NULL, *position = NULL;
  g_auto(GStrv) questions = NULL;
  gboolean json = FALSE, no_questions = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("issue (a key issue), quick-win or risk (a risk to the project)"), "K" },
    { "pillar", 0, 0, G_OPTION_ARG_STRING, &pillar, N_("legal, technical, organizational, capacity or cooperation"), "P" },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase, N_("Lifecycle phase: design, establishment or enhancement"), "PH" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What the finding is, in a line"), "T" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What was seen or heard, and why it matters"), "D" },
    { "question", 0, 0, G_OPTION_ARG_STRING_ARRAY, &questions, N_("A question the finding relates to (repeatable)"), "ID" },
    { "no-questions", 0, 0, G_OPTION_ARG_NONE, &no_questions, N_("Relate the finding to no question (edit)"), NULL },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, N_("Its place in the list, from 1 (add, edit)"), "N" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Assessor making the change"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL, *uuid = NULL;
  CirtFindingKind k = CIRT_FINDING_ISSUE;
  CirtPillar p = CIRT_PILLAR_LEGAL;
  CirtPhase ph = CIRT_PHASE_NONE;
  guint pos = CIRT_FINDING_END;
  const char *sub;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cirt_cli_usage_error (cmd, "%s", _("expected ID add, ID list, ID edit FINDING or ID remove FINDING"));
  sub = argv[2];
  if (strcmp (sub, "add") != 0 && strcmp (sub, "list") != 0 && strcmp (sub, "edit") != 0 &&
      strcmp (sub, "remove") != 0)
    return cirt_cli_usage_error (cmd, _("unknown action \"%s\" (expected add, list, edit or remove)"), sub);
  if ((strcmp (sub, "add") == 0 || strcmp (sub, "list") == 0) && argc != 3)
    return cirt_cli_usage_error (cmd, _("unexpected argument \"%s\""), argv[3]);
  if ((strcmp (sub, "edit") == 0 || strcmp (sub, "remove") == 0) && argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("which finding? Give its id (or the start of it)")
                                                     : _("too many arguments"));
  if (json && strcmp (sub, "list") != 0)
    return cirt_cli_usage_error (cmd, "%s", _("--json goes with list"));
  if (strcmp (sub, "list") == 0 || strcmp (sub, "remove") == 0)
    {
      if (kind || pillar || phase || title || description || questions || no_questions || position ||
          (author && strcmp (sub, "list") == 0))
        return cirt_cli_usage_error (cmd, _("%s takes no finding options"), sub);
    }
  if (questions != NULL && no_questions)
    return cirt_cli_usage_error (cmd, "%s", _("--question and --no-questions cannot be used together"));
  if (kind != NULL && !cirt_finding_kind_from_string (kind, &k))
    return cirt_cli_usage_error (cmd, _("unknown kind \"%s\" (expected issue, quick-win or risk)"), kind);
  if (pillar != NULL && !cirt_pillar_from_string (pillar, &p))
    return cirt_cli_usage_error (cmd, _("unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)"), pillar);
  if (phase != NULL && !cirt_phase_from_string (phase, &ph))
    return cirt_cli_usage_error (cmd, _("unknown phase \"%s\" (expected design, establishment or enhancement)"), phase);
  if (position != NULL && !parse_position (position, &pos))
    return cirt_cli_usage_error (cmd, _("\"%s\" is not a place in the list (1 is the first)"), position);
  if (strcmp (sub, "add") == 0)
    {
      if (kind == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--kind is required"));
      if (pillar == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--pillar is required"));
      if (phase == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--phase is required"));
      if (title == NULL)
        return cirt_cli_usage_error (cmd, "%s", _("--title is required"));
      if (no_questions)
        return cirt_cli_usage_error (cmd, "%s", _("--no-questions goes with edit"));
    }

  store = cirt_cli_open_assessment (cli, argv[1], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (strcmp (sub, "list") == 0)
    return finding_list (store, id, json);
  if (strcmp (sub, "add") == 0)
    {
      g_autoptr(CirtFinding) f = cirt_finding_new ();

      f->kind = k;
      f->pillar = p;
      f->phase = ph;
      f->title = g_strdup (title);
      f->description = g_strdup (description);
      f->questions = g_strdupv (questions);
      f->position = pos;
      f->author = g_strdup (author);
      uuid = cirt_store_add_finding (store, id, f, &error);
      if (uuid == NULL)
        return cirt_cli_refuse_error (error);
      printf ("%s\n", uuid);
      return CIRT_CLI_OK;
    }

  uuid = cirt_store_resolve_finding (store, id, argv[3], &error);
  if (uuid == NULL)
    return cirt_cli_refuse_error (error);
  if (strcmp (sub, "remove") == 0)
    {
      if (!cirt_store_remove_finding (store, id, uuid, author, &error))
        return cirt_cli_refuse_error (error);
      return CIRT_CLI_OK;
    }

  /* edit: the options given change the finding, the others keep it; a
   * change of place is a move, in the same run. */
  {
    g_autoptr(CirtFinding) f = cirt_store_get_finding (store, id, uuid, &error);

    if (f == NULL)
      return cirt_cli_refuse_error (error);
    if (kind)
      f->kind = k;
    if (pillar)
      f->pillar = p;
    if (phase)
      f->phase = ph;
    if (title)
      g_free (f->title), f->title = g_strdup (title);
    if (description)
      g_free (f->description), f->description = g_strdup (description);
    if (questions || no_questions)
      g_strfreev (f->questions), f->questions = g_strdupv (questions);
    g_free (f->author);
    f->author = g_strdup (author);
    if (!cirt_store_transaction_begin (store, &error))
      return cirt_cli_refuse_error (error);
    if (!cirt_store_update_finding (store, id, f, &error) ||
        (position != NULL && !cirt_store_move_finding (store, id, uuid, pos, author, &error)) ||
        !cirt_store_transaction_commit (store, &error))
      {
        cirt_store_transaction_rollback (store);
        return cirt_cli_refuse_error (error);
      }
  }
  return CIRT_CLI_OK;
}
