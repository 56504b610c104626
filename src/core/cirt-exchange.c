/* cirt-exchange.c — exchange files: one assessment as JSON, to merge the work
 * of several assessors on separate laptops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading is in two steps. First the whole file is checked against the
 * format (docs/exchange-format.md) and turned into values: every member of
 * the right type, every answer's value one its question takes, every text
 * within the limits a local edit has, every question known, no question
 * answered twice, every time an instant. Only then is anything merged, in
 * one transaction. A file that breaks any rule is refused whole, with the
 * JSON path of the first problem, and the database is not touched. */
#include "config.h"

#include "cirt-exchange.h"
#include "cirt-store-sessions.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-countries.h"
#include "cirt-file.h"
#include "cirt-json.h"
#include "cirt-seal.h"
#include "cirt-store-evidence.h"
#include "cirt-store-private.h"

/* An exchange file carries the instrument snapshots and the whole history
 * (a large mission's file is a few megabytes) and, from format 4, the
 * evidence vault's files in base64 (4/3 of their size): 512 MiB holds some
 * 380 MB of documents, a dozen files of the largest size kept
 * (CIRT_EVIDENCE_MAX_SIZE) or hundreds of ordinary scans (the limit was
 * 256 MiB before the vault). */
#define MAX_FILE_SIZE (512 * 1024 * 1024)
/* The base64 text of the largest file kept. */
#define MAX_BLOB_TEXT (((gsize) CIRT_EVIDENCE_MAX_SIZE + 2) / 3 * 4)

void
cirt_import_report_free (CirtImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->assessment_id);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_free (report);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static void
add_answer (JsonBuilder         *b,
            const char          *name,
            const CirtAnswer    *a,
            CirtAnswerJsonFlags  flags)
{
  JsonNode *node = cirt_answer_to_json_node (a, flags);

  if (name != NULL)
    json_builder_set_member_name (b, name);
  if (node != NULL)
    json_builder_add_value (b, node);
  else
    json_builder_add_null_value (b);
}

gboolean
cirt_exchange_export (CirtStore   *store,
                      const char  *assessment_id,
                      const char  *path,
                      GError     **error)
{
  return cirt_exchange_export_sealed (store, assessment_id, path, NULL, error);
}

gboolean
cirt_exchange_export_sealed (CirtStore       *store,
                             const char      *assessment_id,
                             const char      *path,
                             const CirtSeal  *seal,
                             GError         **error)
{
  g_autoptr(CirtAssessmentInfo) info = NULL;
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GHashTable) reviews = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) removals = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean evidenced_only = FALSE;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *now = cirt_now_iso8601 ();
  int targets[CIRT_N_PILLARS];
  gsize len;

  if ((info = cirt_store_get_assessment (store, assessment_id, error)) == NULL ||
      (instruments = cirt_store_get_instruments (store, assessment_id, error)) == NULL ||
      (answers = cirt_store_get_answers (store, assessment_id, error)) == NULL ||
      (stakeholders = cirt_store_list_stakeholders (store, assessment_id, error)) == NULL ||
      (findings = cirt_store_list_findings (store, assessment_id, error)) == NULL ||
      (sessions = cirt_store_list_interviews (store, assessment_id, error)) == NULL ||
      (statements = cirt_store_list_statements (store, assessment_id, NULL, error)) == NULL ||
      (history = cirt_store_get_history (store, assessment_id, NULL, error)) == NULL ||
      (reviews = cirt_store_get_reviews (store, assessment_id, error)) == NULL ||
      (evidence = cirt_store_list_evidence (store, assessment_id, NULL, error)) == NULL ||
      (removals = cirt_store_list_evidence_removals (store, assessment_id, error)) == NULL ||
      !cirt_store_get_evidenced_only (store, assessment_id, &evidenced_only, error) ||
      !cirt_store_get_targets (store, assessment_id, targets, error))
    return FALSE;

  json_builder_begin_object (b);
  cirt_json_add_string (b, "format", CIRT_EXCHANGE_FORMAT);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, CIRT_EXCHANGE_FORMAT_VERSION);
  cirt_json_add_string (b, "exported_at", now);

  json_builder_set_member_name (b, "assessment");
  json_builder_begin_object (b);
  cirt_json_add_string (b, "id", info->id);
  cirt_json_add_string (b, "title", info->title);
  cirt_json_add_string (b, "country", info->country);
  cirt_json_add_string (b, "country_code", info->country_code);
  cirt_json_add_string (b, "region", info->region);
  cirt_json_add_string (b, "organisation", info->organisation);
  cirt_json_add_string (b, "phase", info->phase);
  cirt_json_add_string (b, "lead_assessor", info->lead_assessor);
  cirt_json_add_string (b, "assessors", info->assessors);
  cirt_json_add_string (b, "status", info->status);
  cirt_json_add_string (b, "started_on", info->started_on);
  cirt_json_add_string (b, "ended_on", info->ended_on);
  cirt_json_add_string (b, "created_at", info->created_at);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "instruments");
  json_builder_begin_array (b);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", cirt_instrument_get_id (inst));
      cirt_json_add_string (b, "version", cirt_instrument_get_version (inst));
      cirt_json_add_string (b, "sha256", cirt_instrument_get_sha256 (inst));
      cirt_json_add_string (b, "json", cirt_instrument_get_json (inst));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "targets");
  json_builder_begin_object (b);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (targets[p] > 0)
      {
        json_builder_set_member_name (b, cirt_pillar_to_string (p));
        json_builder_add_int_value (b, targets[p]);
      }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stakeholders");
  json_builder_begin_array (b);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", s->uuid);
      cirt_json_add_string (b, "name", s->name);
      cirt_json_add_string (b, "organisation", s->organisation);
      cirt_json_add_string (b, "sector", s->sector);
      cirt_json_add_string (b, "date", s->met_on);
      cirt_json_add_string (b, "notes", s->notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* In their order: an import adds the new ones last, in this order. */
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    json_builder_add_value (b, cirt_finding_to_json_node (g_ptr_array_index (findings, i)));
  json_builder_end_array (b);

  /* Interview sessions and statements (since CIRT_EXCHANGE_FORMAT_SESSIONS). */
  json_builder_set_member_name (b, "sessions");
  json_builder_begin_array (b);
  for (guint i = 0; i < sessions->len; i++)
    json_builder_add_value (b, cirt_interview_to_json_node (g_ptr_array_index (sessions, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "statements");
  json_builder_begin_array (b);
  for (guint i = 0; i < statements->len; i++)
    json_builder_add_value (b, cirt_statement_to_json_node (g_ptr_array_index (statements, i)));
  json_builder_end_array (b);

  /* In questionnaire order: the file reads like the form, and is the same
   * from one export to the next. */
  json_builder_set_member_name (b, "answers");
  json_builder_begin_array (b);
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
              if (a != NULL)
                add_answer (b, NULL, a, CIRT_ANSWER_JSON_WITH_META);
            }
        }
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  for (guint i = 0; i < history->len; i++)
    {
      CirtHistoryEntry *e = g_ptr_array_index (history, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "question", e->question);
      cirt_json_add_string (b, "author", e->author);
      cirt_json_add_string (b, "changed_at", e->changed_at);
      add_answer (b, "old", e->old_answer, CIRT_ANSWER_JSON_CONTENT);
      add_answer (b, "new", e->new_answer, CIRT_ANSWER_JSON_CONTENT);
      cirt_json_add_string (b, "hash", e->hash);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* The reviews (cleared ones too: a clear must reach the other laptop),
   * in questionnaire order. */
  json_builder_set_member_name (b, "reviews");
  json_builder_begin_array (b);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              CirtReview *r = g_hash_table_lookup (reviews, qu->id);
              if (r != NULL)
                json_builder_add_value (b, cirt_review_to_json_node (r));
            }
        }
    }
  json_builder_end_array (b);

  /* The evidence vault (version 6): the items, their files' bytes once per
   * hash, the removals (so that a removal over there is one here too). */
  json_builder_set_member_name (b, "evidenced_only");
  json_builder_add_boolean_value (b, evidenced_only);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; i < evidence->len; i++)
    json_builder_add_value (b, cirt_evidence_to_json_node (g_ptr_array_index (evidence, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence_blobs");
  json_builder_begin_array (b);
  for (guint i = 0; i < evidence->len; i++)
    {
      CirtEvidence *e = g_ptr_array_index (evidence, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      gsize n;
      const guint8 *raw;

      if (e->kind != CIRT_EVIDENCE_FILE || g_hash_table_contains (written, e->sha256))
        continue;
      g_hash_table_add (written, e->sha256);
      bytes = cirt_store_get_evidence_data (store, e->sha256, error);
      if (bytes == NULL)
        return FALSE;
      raw = g_bytes_get_data (bytes, &n);
      text = g_base64_encode (raw, n);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "sha256", e->sha256);
      cirt_json_add_string (b, "data", text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence_removed");
  json_builder_begin_array (b);
  for (guint i = 0; i < removals->len; i++)
    {
      CirtEvidenceChange *c = g_ptr_array_index (removals, i);
      json_builder_begin_object (b);
      cirt_json_add_string (b, "id", c->evidence);
      cirt_json_add_string (b, "author", c->author);
      cirt_json_add_string (b, "removed_at", c->changed_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  data = json_generator_to_data (gen, &len);
  {
    g_autoptr(CirtAtomicFile) file = cirt_atomic_file_new_sealed (path, seal, error);
    gboolean ok = file != NULL && cirt_atomic_file_write (file, data, len, error) &&
                  cirt_atomic_file_commit (g_steal_pointer (&file), error);
    explicit_bzero (data, len);
    return ok;
  }
}

/* ------------------------------------------------------------------------ */
/* Reading: the whole file checked and turned into values                   */

/* A time later than this computer's clock by more than this is a clock set
 * wrong over there: it is taken as the time of the import (with a warning),
 * so that it cannot win every merge to come. */
#define CLOCK_SKEW_ALLOWANCE (10 * G_TIME_SPAN_MINUTE)

typedef struct {
  const char         *path;        /* for messages */
  JsonNode           *root;
  GError             *parse_error; /* why root is NULL */
  gboolean            sealed;
  CirtAssessmentInfo *info;
  GPtrArray          *instruments; /* CirtInstrument* */
  int                 targets[CIRT_N_PILLARS];
  GPtrArray          *stakeholders;/* CirtStakeholder* */
  GPtrArray          *findings;    /* CirtFinding*, ids in lower case, times UTC */
  GPtrArray          *sessions;    /* CirtInterview*, likewise */
  GPtrArray          *statements;  /* CirtStatement*, likewise */
  GPtrArray          *answers;     /* CirtAnswer*, values canonical, times UTC */
  GPtrArray          *history;     /* CirtHistoryEntry*, likewise */
  GPtrArray          *reviews;     /* CirtReview*, times UTC */
  gboolean            evidenced_only;
  GPtrArray          *evidence;    /* CirtEvidence*, ids in lower case, times UTC */
  GHashTable         *blobs;       /* sha256 → GBytes*, each checked against its hash */
  GPtrArray          *removed;     /* CirtEvidenceChange* (evidence, author, changed_at) */
  GDateTime          *now;
  gint64              version;     /* format_version of the file */
  guint               n_clamped;
  char               *latest_clamped;
} ExchangeFile;

static void
exchange_file_clear (ExchangeFile *f)
{
  g_clear_pointer (&f->root, json_node_unref);
  g_clear_error (&f->parse_error);
  g_clear_pointer (&f->info, cirt_assessment_info_free);
  g_clear_pointer (&f->instruments, g_ptr_array_unref);
  g_clear_pointer (&f->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  g_clear_pointer (&f->sessions, g_ptr_array_unref);
  g_clear_pointer (&f->statements, g_ptr_array_unref);
  g_clear_pointer (&f->answers, g_ptr_array_unref);
  g_clear_pointer (&f->history, g_ptr_array_unref);
  g_clear_pointer (&f->reviews, g_ptr_array_unref);
  g_clear_pointer (&f->evidence, g_ptr_array_unref);
  g_clear_pointer (&f->blobs, g_hash_table_unref);
  g_clear_pointer (&f->removed, g_ptr_array_unref);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_clear_pointer (&f->latest_clamped, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExchangeFile, exchange_file_clear)

static gboolean G_GNUC_PRINTF (3, 4)
invalid (ExchangeFile  *f,
         GError       **error,
         const char    *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;
  g_autofree char *display = g_filename_display_name (f->path);

  va_start (args, format);
  msg = cirt_shorten_message (g_strdup_vprintf (format, args));
  va_end (args);
  g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "%s: %s", display, msg);
  return FALSE;
}

/* @error (from a check that names the JSON path) as the file's refusal. */
static gboolean
refuse (ExchangeFile  *f,
        GError        *local_error,
        GError       **error)
{
  return invalid (f, error, "%s", local_error->message);
}

/* Whether an ISO 8601 time names its zone ("Z", "+05:00", "-0300"): without
 * one, the instant it means depends on the laptop that reads it. */
static gboolean
names_its_zone (const char *value)
{
  gsize n = strlen (value);
  const char *end;

  if (n > 0 && (value[n - 1] == 'Z' || value[n - 1] == 'z'))
    return TRUE;
  for (gsize len = 5; len <= 6; len++)
    {
      if (n <= len + 10)
        continue;
      end = value + n - len;
      if ((end[0] == '+' || end[0] == '-') && g_ascii_isdigit (end[1]) && g_ascii_isdigit (end[2]) &&
          (len == 5 ? g_ascii_isdigit (end[3]) : end[3] == ':') && g_ascii_isdigit (end[len - 2]) &&
          g_ascii_isdigit (end[len - 1]))
        return TRUE;
    }
  return FALSE;
}

/* An instant, UTC, no later than now (plus the allowance). */
static char *
read_time (ExchangeFile  *f,
           const char    *value,
           const char    *where,
           GError       **error)
{
  g_autoptr(GDateTime) t = cirt_time_parse (value);

  if (t == NULL)
    {
      invalid (f, error, _("%s: \"%s\" is not an ISO 8601 time"), where, value ? value : "");
      return NULL;
    }
  if (!names_its_zone (value))
    {
      invalid (f, error, _("%s: \"%s\" has no time zone (every time in an exchange file ends in Z or an offset "
                           "such as +05:00)"), where, value);
      return NULL;
    }
  if (g_date_time_difference (t, f->now) > CLOCK_SKEW_ALLOWANCE)
    {
      g_autofree char *utc = cirt_time_format (t);

      f->n_clamped++;
      if (f->latest_clamped == NULL || strcmp (utc, f->latest_clamped) > 0)
        {
          g_free (f->latest_clamped);
          f->latest_clamped = g_steal_pointer (&utc);
        }
      return cirt_time_format (f->now);
    }
  return cirt_time_format (t);
}

static const CirtQuestion *
find_question (ExchangeFile *f,
               const char   *id)
{
  for (guint i = 0; i < f->instruments->len; i++)
    {
      const CirtQuestion *q = cirt_instrument_lookup_question (g_ptr_array_index (f->instruments, i), id);
      if (q != NULL)
        return q;
    }
  return NULL;
}

/* An answer's content held to the rules of a local edit: its value one the
 * question takes (made canonical), N/A only with a justification and only
 * on a scored question. */
static gboolean
check_content (ExchangeFile  *f,
               CirtAnswer    *a,
               const char    *where,
               GError       **error)
{
  const CirtQuestion *q = find_question (f, a->question);

  if (q == NULL)
    return invalid (f, error, _("%s: no question \"%s\" in the file's instruments"), where, a->question);
  if (a->not_applicable)
    {
      if (a->value != NULL)
        return invalid (f, error, _("%s: marked not applicable, yet it has a value"), where);
    }
  if (a->not_applicable)
    {
      g_autofree char *notes = g_strstrip (g_strdup (a->notes ? a->notes : ""));
      if (*notes == '\0')
        return invalid (f, error, _("%s: marked not applicable without a justification in the notes"), where);
      if (!cirt_kind_is_scored (q->kind))
        return invalid (f, error, _("%s: only scored questions can be marked not applicable"), where);
    }
  else if (a->value != NULL)
    {
      g_autoptr(GError) value_error = NULL;
      char *canonical = cirt_question_parse_value (q, a->value, &value_error);

      if (canonical == NULL)
        return invalid (f, error, "%s: %s", where, value_error->message);
      g_free (a->value);
      a->value = canonical;
    }
  return TRUE;
}

static gboolean
read_assessment (ExchangeFile  *f,
                 JsonObject    *root,
                 GError       **error)
{
  static const char * const keys[] = {
    "id", "title", "country", "country_code", "region", "organisation", "phase", "lead_assessor", "assessors",
    "status", "started_on", "ended_on", "created_at", NULL,
  };
  static const struct { const char *name; gboolean required; gsize offset; } fields[] = {
    { "id", TRUE, G_STRUCT_OFFSET (CirtAssessmentInfo, id) },
    { "title", TRUE, G_STRUCT_OFFSET (CirtAssessmentInfo, title) },
    { "country", TRUE, G_STRUCT_OFFSET (CirtAssessmentInfo, country) },
    { "country_code", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, country_code) },
    { "region", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, region) },
    { "organisation", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, organisation) },
    { "phase", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, phase) },
    { "lead_assessor", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, lead_assessor) },
    { "assessors", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, assessors) },
    { "status", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, status) },
    { "started_on", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, started_on) },
    { "ended_on", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, ended_on) },
    { "created_at", FALSE, G_STRUCT_OFFSET (CirtAssessmentInfo, created_at) },
  };
  g_autoptr(GError) local_error = NULL;
  JsonObject *meta = NULL;

  if (!cirt_json_get_object (root, "assessment", FALSE, "", &meta, &local_error) ||
      !cirt_json_check_members (meta, keys, "assessment", &local_error))
    return refuse (f, local_error, error);
  f->info = cirt_assessment_info_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = NULL;
      if (!cirt_json_get_string (meta, fields[i].name, !fields[i].required, CIRT_MAX_SHORT_TEXT, "assessment",
                                 &value, &local_error))
        return refuse (f, local_error, error);
      G_STRUCT_MEMBER (char *, f->info, fields[i].offset) = g_strdup (value);
    }
  if (!g_uuid_string_is_valid (f->info->id))
    return invalid (f, error, _("assessment.id: \"%s\" is not an assessment id"), f->info->id);
  if (f->info->phase != NULL && !cirt_mission_phase_is_valid (f->info->phase))
    return invalid (f, error, _("assessment.phase: unknown phase \"%s\" (expected assessment, design, establishment "
                                "or enhancement)"), f->info->phase);
  if (f->info->status != NULL && strcmp (f->info->status, "in-progress") != 0 &&
      strcmp (f->info->status, "completed") != 0)
    return invalid (f, error, _("assessment.status: unknown status \"%s\" (expected in-progress or completed)"),
                    f->info->status);
  /* The code and region came with version 4: an older file that has them
   * was not written by CIRT Assess. */
  if (f->version < 4 && f->info->country_code != NULL)
    return invalid (f, error, _("assessment.country_code: unknown member"));
  if (f->version < 4 && f->info->region != NULL)
    return invalid (f, error, _("assessment.region: unknown member"));
  if (f->info->country_code != NULL)
    {
      const CirtCountry *country = cirt_country_lookup (f->info->country_code);

      if (country == NULL)
        return invalid (f, error, _("assessment.country_code: unknown country code \"%s\" (expected an ISO 3166-1 "
                                    "alpha-2 code such as FR or KE)"), f->info->country_code);
      g_free (f->info->country_code);
      f->info->country_code = g_strdup (country->code);
    }
  if (f->info->region != NULL && !cirt_region_is_valid (f->info->region))
    return invalid (f, error, _("assessment.region: unknown region \"%s\" (expected africa, americas, arab-states, "
                                "asia-pacific, cis or europe)"), f->info->region);
  /* A file written before the portfolio has neither: the country's name
   * gives them where the table of countries knows it, as the upgrade of a
   * database does. */
  if (f->info->country_code == NULL && f->info->region == NULL)
    {
      const CirtCountry *country = cirt_country_find_by_name (f->info->country);

      if (country != NULL)
        {
          f->info->country_code = g_strdup (country->code);
          f->info->region = g_strdup (country->region);
        }
    }
  if (!_cirt_check_date ("assessment.started_on", f->info->started_on, &local_error) ||
      !_cirt_check_date ("assessment.ended_on", f->info->ended_on, &local_error))
    return refuse (f, local_error, error);
  if (f->info->created_at != NULL)
    {
      char *created = read_time (f, f->info->created_at, "assessment.created_at", error);
      if (created == NULL)
        return FALSE;
      g_free (f->info->created_at);
      f->info->created_at = created;
    }
  return TRUE;
}

static gboolean
read_instruments (ExchangeFile  *f,
                  JsonObject    *root,
                  GError       **error)
{
  static const char * const keys[] = { "id", "version", "sha256", "json", NULL };
  g_autoptr(GError) local_error = NULL;
  JsonArray *arr = NULL;

  if (!cirt_json_get_array (root, "instruments", FALSE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  if (json_array_get_length (arr) == 0)
    return invalid (f, error, _("instruments: at least one is needed"));
  f->instruments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "instruments", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *json = NULL, *sha = NULL, *s;
      g_autofree char *origin = NULL;
      CirtInstrument *inst;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      if (!cirt_json_check_members (o, keys, where, &local_error) ||
          !cirt_json_get_string (o, "id", TRUE, CIRT_MAX_SHORT_TEXT, where, &s, &local_error) ||
          !cirt_json_get_string (o, "version", TRUE, CIRT_MAX_SHORT_TEXT, where, &s, &local_error) ||
          !cirt_json_get_string (o, "sha256", FALSE, 64, where, &sha, &local_error) ||
          !cirt_json_get_string (o, "json", FALSE, G_MAXSIZE, where, &json, &local_error))
        return refuse (f, local_error, error);
      origin = g_strdup_printf ("%s: %s", f->path, where);
      inst = cirt_instrument_new_from_data (json, -1, origin, &local_error);
      if (inst == NULL)
        return invalid (f, error, "%s", local_error->message);
      g_ptr_array_add (f->instruments, inst);
      if (g_strcmp0 (cirt_instrument_get_sha256 (inst), sha) != 0)
        return invalid (f, error, _("%s: the instrument does not match its sha256 (the file was altered)"), where);
      /* Two instruments of one assessment never share a question id. */
      for (guint j = 0; j < i; j++)
        for (guint s2 = 0; s2 < cirt_instrument_get_n_sections (inst); s2++)
          {
            const CirtSection *sec = cirt_instrument_get_section (inst, s2);
            for (guint q = 0; q < sec->questions->len; q++)
              {
                const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
                if (cirt_instrument_lookup_question (g_ptr_array_index (f->instruments, j), qu->id) != NULL)
                  return invalid (f, error, _("%s: question \"%s\" is also in instruments[%u]"), where, qu->id, j);
              }
          }
    }
  return TRUE;
}

static gboolean
read_targets (ExchangeFile  *f,
              JsonObject    *root,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *obj = NULL;

  if (!cirt_json_get_object (root, "targets", TRUE, "", &obj, &local_error))
    return refuse (f, local_error, error);
  if (obj == NULL)
    return TRUE;
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      CirtPillar pillar;
      gint64 level = 0;

      if (!cirt_pillar_from_string (l->data, &pillar))
        return invalid (f, error, _("targets.%s: not a pillar (expected legal, technical, organizational, capacity "
                                    "or cooperation)"), (const char *) l->data);
      if (!cirt_json_get_int (obj, l->data, FALSE, "targets", &level, &local_error))
        return refuse (f, local_error, error);
      if (level < 1 || level > CIRT_N_LEVELS)
        return invalid (f, error, _("targets.%s: %lld is not a level from 1 to 5"),
                        (const char *) l->data, (long long) level);
      f->targets[pillar] = (int) level;
    }
  return TRUE;
}

static gboolean
read_stakeholders (ExchangeFile  *f,
                   JsonObject    *root,
                   GError       **error)
{
  static const char * const keys[] = { "id", "name", "organisation", "sector", "date", "notes", NULL };
  g_autoptr(GError) local_error = NULL;
  JsonArray *arr = NULL;

  f->stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_stakeholder_free);
  if (!cirt_json_get_array (root, "stakeholders", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "stakeholders", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();
      const char *name = NULL, *org = NULL, *sector = NULL, *date = NULL, *notes = NULL, *uuid = NULL;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      if (!cirt_json_check_members (o, keys, where, &local_error) ||
          !cirt_json_get_string (o, "id", TRUE, 64, where, &uuid, &local_error) ||
          !cirt_json_get_string (o, "name", FALSE, CIRT_MAX_SHORT_TEXT, where, &name, &local_error) ||
          !cirt_json_get_string (o, "organisation", TRUE, CIRT_MAX_SHORT_TEXT, where, &org, &local_error) ||
          !cirt_json_get_string (o, "sector", TRUE, CIRT_MAX_SHORT_TEXT, where, &sector, &local_error) ||
          !cirt_json_get_string (o, "date", TRUE, 10, where, &date, &local_error) ||
          !cirt_json_get_string (o, "notes", TRUE, CIRT_MAX_TEXT, where, &notes, &local_error))
        return refuse (f, local_error, error);
      if (date != NULL && *date != '\0')
        {
          g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
          g_autoptr(GDateTime) dt = strlen (date) == 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
          if (dt == NULL)
            return invalid (f, error, _("%s.date: \"%s\" is not a date (YYYY-MM-DD)"), where, date);
        }
      if (uuid != NULL && *uuid != '\0')
        {
          if (!g_uuid_string_is_valid (uuid))
            return invalid (f, error, _("%s.id: \"%s\" is not a stakeholder id (a UUID)"), where, uuid);
          s->uuid = g_ascii_strdown (uuid, -1);
          for (guint j = 0; j < f->stakeholders->len; j++)
            if (g_strcmp0 (((CirtStakeholder *) g_ptr_array_index (f->stakeholders, j))->uuid, s->uuid) == 0)
              return invalid (f, error, _("%s.id: stakeholder %s is also stakeholders[%u]"), where, s->uuid, j);
        }
      s->name = g_strdup (name);
      s->organisation = g_strdup (org);
      s->sector = g_strdup (sector);
      s->met_on = g_strdup (date);
      s->notes = g_strdup (notes);
      g_ptr_array_add (f->stakeholders, g_steal_pointer (&s));
    }
  return TRUE;
}

static gboolean
read_answers (ExchangeFile  *f,
              JsonObject    *root,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = NULL;

  f->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_answer_free);
  if (!cirt_json_get_array (root, "answers", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "answers", i);
      JsonNode *n = json_array_get_element (arr, i);
      g_autoptr(CirtAnswer) a = NULL;
      char *updated;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return invalid (f, error, _("%s: must be an object"), where);
      a = cirt_answer_from_json_object (json_node_get_object (n), NULL, CIRT_ANSWER_JSON_WITH_META, where,
                                        &local_error);
      if (a == NULL)
        return refuse (f, local_error, error);
      if (!check_content (f, a, where, error))
        return FALSE;
      if (g_hash_table_contains (seen, a->question))
        return invalid (f, error, _("%s: a second answer to %s (answers[%u] is the first)"), where, a->question,
                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, a->question)) - 1);
      g_hash_table_insert (seen, a->question, GUINT_TO_POINTER (i + 1));
      {
        g_autofree char *p = g_strdup_printf ("%s.updated_at", where);
        updated = read_time (f, a->updated_at, p, error);
        if (updated == NULL)
          return FALSE;
      }
      g_free (a->updated_at);
      a->updated_at = updated;
      if (!cirt_answer_is_empty (a))
        g_ptr_array_add (f->answers, g_steal_pointer (&a));
    }
  return TRUE;
}

static gboolean
read_history_side (ExchangeFile  *f,
                   JsonObject    *entry,
                   const char    *name,
                   const char    *question,
                   const char    *where,
                   CirtAnswer   **out,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *p = g_strdup_printf ("%s.%s", where, name);
  JsonObject *o = NULL;

  *out = NULL;
  if (!cirt_json_get_object (entry, name, TRUE, where, &o, &local_error))
    return refuse (f, local_error, error);
  if (o == NULL)
    return TRUE;
  *out = cirt_answer_from_json_object (o, question, CIRT_ANSWER_JSON_CONTENT, p, &local_error);
  if (*out == NULL)
    return refuse (f, local_error, error);
  return check_content (f, *out, p, error);
}

static gboolean
read_history (ExchangeFile  *f,
              JsonObject    *root,
              GError       **error)
{
  static const char * const keys[] = { "question", "author", "changed_at", "old", "new", "hash", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *prev = NULL, *assessment = g_ascii_strdown (f->info->id, -1);
  JsonArray *arr = NULL;

  f->history = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_history_entry_free);
  if (!cirt_json_get_array (root, "history", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "history", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtHistoryEntry) e = g_new0 (CirtHistoryEntry, 1);
      const char *question = NULL, *author = NULL, *changed = NULL;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      if (!cirt_json_check_members (o, keys, where, &local_error) ||
          !cirt_json_get_string (o, "question", FALSE, CIRT_MAX_SHORT_TEXT, where, &question, &local_error) ||
          !cirt_json_get_string (o, "author", TRUE, CIRT_MAX_SHORT_TEXT, where, &author, &local_error) ||
          !cirt_json_get_string (o, "changed_at", FALSE, CIRT_MAX_SHORT_TEXT, where, &changed, &local_error))
        return refuse (f, local_error, error);
      if (find_question (f, question) == NULL)
        return invalid (f, error, _("%s.question: no question \"%s\" in the file's instruments"), where, question);
      e->question = g_strdup (question);
      e->author = g_strdup (author);
      {
        g_autofree char *p = g_strdup_printf ("%s.changed_at", where);
        e->changed_at = read_time (f, changed, p, error);
        if (e->changed_at == NULL)
          return FALSE;
      }
      if (!read_history_side (f, o, "old", question, where, &e->old_answer, error) ||
          !read_history_side (f, o, "new", question, where, &e->new_answer, error))
        return FALSE;
      /* Version 2 carries the exporting laptop's chain: recomputed here from
       * the file's own texts (times as written), so a change altered in
       * the file, or in the database it came from, is refused. */
      if (f->version >= 2)
        {
          const char *hash = NULL;
          g_autofree char *old_json = cirt_answer_to_json (e->old_answer);
          g_autofree char *new_json = cirt_answer_to_json (e->new_answer);
          char *link;

          if (!cirt_json_get_string (o, "hash", FALSE, 64, where, &hash, &local_error))
            return refuse (f, local_error, error);
          link = cirt_history_chain_link (prev, assessment, question, author, changed, old_json, new_json);
          g_free (prev);
          prev = link;
          if (strcmp (link, hash) != 0)
            return invalid (f, error, _("%s: the chain of hashes of the history breaks here: this change, or one "
                                        "before it, was altered after it was recorded"), where);
        }
      else if (json_object_has_member (o, "hash"))
        return invalid (f, error, _("%s.hash: unknown member"), where);
      g_ptr_array_add (f->history, g_steal_pointer (&e));
    }
  return TRUE;
}

/* The times of a record read as an instant each (read_time()). */
static gboolean
read_times (ExchangeFile  *f,
            const char    *where,
            char         **created_at,
            char         **modified_at,
            GError       **error)
{
  g_autofree char *p1 = g_strdup_printf ("%s.created_at", where);
  g_autofree char *p2 = g_strdup_printf ("%s.modified_at", where);
  char *created = read_time (f, *created_at, p1, error);
  char *modified = created ? read_time (f, *modified_at, p2, error) : NULL;

  if (modified == NULL)
    {
      g_free (created);
      return FALSE;
    }
  g_free (*created_at);
  *created_at = created;
  g_free (*modified_at);
  *modified_at = modified;
  return TRUE;
}

/* The findings (version 3): each a finding object as the store has it,
 * its questions the file's, its times instants, no UUID twice. */
static gboolean
read_findings (ExchangeFile  *f,
               JsonObject    *root,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *arr = NULL;

  f->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_finding_free);
  if (!cirt_json_get_array (root, "findings", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  if (arr != NULL && f->version < 3)
    return invalid (f, error, _("findings: unknown member"));
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "findings", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtFinding) finding = NULL;
      char *lower;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      finding = cirt_finding_from_json_object (o, where, &local_error);
      if (finding == NULL)
        return refuse (f, local_error, error);
      lower = g_ascii_strdown (finding->id, -1);
      g_free (finding->id);
      finding->id = lower;
      for (guint j = 0; j < f->findings->len; j++)
        if (strcmp (((CirtFinding *) g_ptr_array_index (f->findings, j))->id, finding->id) == 0)
          return invalid (f, error, _("%s.id: finding %s is also findings[%u]"), where, finding->id, j);
      for (guint q = 0; finding->questions != NULL && finding->questions[q] != NULL; q++)
        if (find_question (f, finding->questions[q]) == NULL)
          return invalid (f, error, _("%s.questions[%u]: no question \"%s\" in the file's instruments"), where, q,
                          finding->questions[q]);
      if (!read_times (f, where, &finding->created_at, &finding->modified_at, error))
        return FALSE;
      g_ptr_array_add (f->findings, g_steal_pointer (&finding));
    }
  return TRUE;
}

static gboolean
file_has_section (ExchangeFile *f,
                  const char   *id)
{
  for (guint i = 0; i < f->instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (f->instruments, i);
      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        if (strcmp (cirt_instrument_get_section (inst, s)->id, id) == 0)
          return TRUE;
    }
  return FALSE;
}

/* The interview sessions (CIRT_EXCHANGE_FORMAT_SESSIONS): each a session object as the store
 * has it, its sections the file's, its times instants, no UUID twice. A
 * stakeholder it names need not be in the file (one removed since on that
 * laptop is still named). */
static gboolean
read_sessions (ExchangeFile  *f,
               JsonObject    *root,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *arr = NULL;

  f->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_interview_free);
  if (!cirt_json_get_array (root, "sessions", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  if (arr != NULL && f->version < CIRT_EXCHANGE_FORMAT_SESSIONS)
    return invalid (f, error, _("sessions: unknown member"));
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "sessions", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtInterview) s = NULL;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      s = cirt_interview_from_json_object (o, where, &local_error);
      if (s == NULL)
        return refuse (f, local_error, error);
      for (guint j = 0; j < f->sessions->len; j++)
        if (strcmp (((CirtInterview *) g_ptr_array_index (f->sessions, j))->id, s->id) == 0)
          return invalid (f, error, _("%s.id: session %s is also sessions[%u]"), where, s->id, j);
      for (guint k = 0; s->sections != NULL && s->sections[k] != NULL; k++)
        if (!file_has_section (f, s->sections[k]))
          return invalid (f, error, _("%s.sections[%u]: no section \"%s\" in the file's instruments"), where, k,
                          s->sections[k]);
      if (!read_times (f, where, &s->created_at, &s->modified_at, error))
        return FALSE;
      g_ptr_array_add (f->sessions, g_steal_pointer (&s));
    }
  return TRUE;
}

/* The statements (CIRT_EXCHANGE_FORMAT_SESSIONS): their questions the file's, their times
 * instants, no UUID twice, each at most CIRT_MAX_STATEMENT bytes. */
static gboolean
read_statements (ExchangeFile  *f,
                 JsonObject    *root,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *arr = NULL;

  f->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_statement_free);
  if (!cirt_json_get_array (root, "statements", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  if (arr != NULL && f->version < CIRT_EXCHANGE_FORMAT_SESSIONS)
    return invalid (f, error, _("statements: unknown member"));
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "statements", i);
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtStatement) s = NULL;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      s = cirt_statement_from_json_object (o, where, &local_error);
      if (s == NULL)
        return refuse (f, local_error, error);
      for (guint j = 0; j < f->statements->len; j++)
        if (strcmp (((CirtStatement *) g_ptr_array_index (f->statements, j))->id, s->id) == 0)
          return invalid (f, error, _("%s.id: statement %s is also statements[%u]"), where, s->id, j);
      if (find_question (f, s->question) == NULL)
        return invalid (f, error, _("%s.question: no question \"%s\" in the file's instruments"), where, s->question);
      if (!read_times (f, where, &s->created_at, &s->modified_at, error))
        return FALSE;
      g_ptr_array_add (f->statements, g_steal_pointer (&s));
    }
  return TRUE;
}

/* The reviews (version 5): each a review object, of a question of the
 * file's instruments, at most one per question, its time an instant. */
static gboolean
read_reviews (ExchangeFile  *f,
              JsonObject    *root,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *arr = NULL;

  f->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_review_free);
  if (!cirt_json_get_array (root, "reviews", TRUE, "", &arr, &local_error))
    return refuse (f, local_error, error);
  if (arr != NULL && f->version < CIRT_EXCHANGE_REVIEWS_SINCE)
    return invalid (f, error, _("reviews: unknown member"));
  for (guint i = 0; arr != NULL && i < json_array_get_length (arr); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "reviews", i);
      g_autofree char *p = NULL;
      JsonNode *n = json_array_get_element (arr, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtReview) review = NULL;
      char *when;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      review = cirt_review_from_json_object (o, where, &local_error);
      if (review == NULL)
        return refuse (f, local_error, error);
      if (find_question (f, review->question) == NULL)
        return invalid (f, error, _("%s.question: no question \"%s\" in the file's instruments"), where,
                        review->question);
      if (g_hash_table_contains (seen, review->question))
        return invalid (f, error, _("%s.question: question %s is reviewed twice in the file"), where,
                        review->question);
      p = g_strdup_printf ("%s.reviewed_at", where);
      when = read_time (f, review->reviewed_at, p, error);
      if (when == NULL)
        return FALSE;
      g_free (review->reviewed_at);
      review->reviewed_at = when;
      g_hash_table_add (seen, review->question);
      g_ptr_array_add (f->reviews, g_steal_pointer (&review));
    }
  return TRUE;
}

/* Strict base64: only its alphabet, padding at the end, a length of
 * whole quanta. */
static gboolean
is_base64 (const char *s,
           gsize       len)
{
  gsize pad = 0;

  if (len == 0 || len % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      if (c == '=')
        {
          if (i < len - 2)
            return FALSE;
          pad++;
        }
      else if (pad > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }
  return TRUE;
}

/* The evidence vault (version 6): the setting, the items (each a known
 * question, a UUID once, instants), the files' bytes (strict base64, each
 * hashing to its key and of the size its items give, each named by an
 * item, none missing) and the removals. */
static gboolean
read_evidence (ExchangeFile  *f,
               JsonObject    *root,
               GError       **error)
{
  static const char * const blob_keys[] = { "sha256", "data", NULL };
  static const char * const removed_keys[] = { "id", "author", "removed_at", NULL };
  g_autoptr(GError) local_error = NULL;
  JsonArray *items = NULL, *blobs = NULL, *removed = NULL;
  JsonNode *flag;

  f->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_evidence_free);
  f->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  f->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_evidence_change_free);
  if (!cirt_json_get_array (root, "evidence", TRUE, "", &items, &local_error) ||
      !cirt_json_get_array (root, "evidence_blobs", TRUE, "", &blobs, &local_error) ||
      !cirt_json_get_array (root, "evidence_removed", TRUE, "", &removed, &local_error))
    return refuse (f, local_error, error);
  flag = json_object_get_member (root, "evidenced_only");
  if (f->version < CIRT_EXCHANGE_EVIDENCE_SINCE && (items != NULL || blobs != NULL || removed != NULL || flag != NULL))
    return invalid (f, error, _("%s: unknown member"), items ? "evidence" : blobs ? "evidence_blobs"
                                                       : removed ? "evidence_removed" : "evidenced_only");
  if (flag != NULL && !JSON_NODE_HOLDS_NULL (flag))
    {
      if (!JSON_NODE_HOLDS_VALUE (flag) || json_node_get_value_type (flag) != G_TYPE_BOOLEAN)
        return invalid (f, error, _("evidenced_only: must be true or false"));
      f->evidenced_only = json_node_get_boolean (flag);
    }

  for (guint i = 0; blobs != NULL && i < json_array_get_length (blobs); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "evidence_blobs", i);
      JsonNode *n = json_array_get_element (blobs, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *sha = NULL, *text = NULL;
      g_autofree guchar *raw = NULL;
      g_autofree char *actual = NULL;
      gsize len = 0;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      if (!cirt_json_check_members (o, blob_keys, where, &local_error) ||
          !cirt_json_get_string (o, "sha256", FALSE, 64, where, &sha, &local_error) ||
          !cirt_json_get_string (o, "data", FALSE, MAX_BLOB_TEXT, where, &text, &local_error))
        return refuse (f, local_error, error);
      if (!cirt_evidence_is_sha256 (sha))
        return invalid (f, error, _("%s.sha256: not a SHA-256 (64 lower-case hexadecimal digits)"), where);
      if (g_hash_table_contains (f->blobs, sha))
        return invalid (f, error, _("%s.sha256: the bytes of %s are given twice"), where, sha);
      if (!is_base64 (text, strlen (text)))
        return invalid (f, error, _("%s.data: not base64"), where);
      raw = g_base64_decode (text, &len);
      if (len == 0 || len > CIRT_EVIDENCE_MAX_SIZE)
        return invalid (f, error, _("%s.data: a file of evidence is from 1 byte to the limit kept"), where);
      actual = cirt_evidence_sha256 (raw, len);
      if (strcmp (actual, sha) != 0)
        return invalid (f, error, _("%s.data: the bytes do not match their SHA-256 %s (the file was damaged or "
                                    "altered)"), where, sha);
      if (cirt_evidence_sniff (raw, len) == NULL)
        return invalid (f, error, _("%s.data: none of the kinds of document kept as evidence"), where);
      g_hash_table_insert (f->blobs, g_strdup (sha), g_bytes_new_take (g_steal_pointer (&raw), len));
    }

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "evidence", i);
      JsonNode *n = json_array_get_element (items, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      g_autoptr(CirtEvidence) e = NULL;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      e = cirt_evidence_from_json_object (o, where, &local_error);
      if (e == NULL)
        return refuse (f, local_error, error);
      for (guint j = 0; j < f->evidence->len; j++)
        if (strcmp (((CirtEvidence *) g_ptr_array_index (f->evidence, j))->id, e->id) == 0)
          return invalid (f, error, _("%s.id: item %s is also evidence[%u]"), where, e->id, j);
      if (find_question (f, e->question) == NULL)
        return invalid (f, error, _("%s.question: no question \"%s\" in the file's instruments"), where, e->question);
      if (e->kind == CIRT_EVIDENCE_FILE)
        {
          GBytes *bytes = g_hash_table_lookup (f->blobs, e->sha256);
          const guint8 *raw;
          gsize len = 0;

          if (bytes == NULL)
            return invalid (f, error, _("%s.sha256: the file's bytes are not in evidence_blobs"), where);
          raw = g_bytes_get_data (bytes, &len);
          if ((gint64) len != e->size)
            return invalid (f, error, _("%s.size: the file has %llu bytes"), where, (unsigned long long) len);
          if (g_strcmp0 (cirt_evidence_sniff (raw, len), e->mime) != 0)
            return invalid (f, error, _("%s.mime: the file's content is not of that type"), where);
        }
      if (!read_times (f, where, &e->created_at, &e->modified_at, error))
        return FALSE;
      g_ptr_array_add (f->evidence, g_steal_pointer (&e));
    }
  /* Every blob is some item's. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, f->blobs);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gboolean named = FALSE;
        for (guint j = 0; j < f->evidence->len && !named; j++)
          named = g_strcmp0 (((CirtEvidence *) g_ptr_array_index (f->evidence, j))->sha256, key) == 0;
        if (!named)
          return invalid (f, error, _("evidence_blobs: the bytes of %s belong to no item of evidence"),
                          (const char *) key);
      }
  }

  for (guint i = 0; removed != NULL && i < json_array_get_length (removed); i++)
    {
      g_autofree char *where = cirt_json_index_path ("", "evidence_removed", i);
      g_autofree char *p = g_strdup_printf ("%s.removed_at", where);
      JsonNode *n = json_array_get_element (removed, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
      const char *uuid = NULL, *author = NULL, *when = NULL;
      CirtEvidenceChange *c;
      char *at;

      if (o == NULL)
        return invalid (f, error, _("%s: must be an object"), where);
      if (!cirt_json_check_members (o, removed_keys, where, &local_error) ||
          !cirt_json_get_string (o, "id", FALSE, 64, where, &uuid, &local_error) ||
          !cirt_json_get_string (o, "author", TRUE, CIRT_MAX_SHORT_TEXT, where, &author, &local_error) ||
          !cirt_json_get_string (o, "removed_at", FALSE, CIRT_MAX_SHORT_TEXT, where, &when, &local_error))
        return refuse (f, local_error, error);
      if (!g_uuid_string_is_valid (uuid))
        return invalid (f, error, _("%s.id: \"%s\" is not an evidence id (a UUID)"), where, uuid);
      for (guint j = 0; j < f->evidence->len; j++)
        if (g_ascii_strcasecmp (((CirtEvidence *) g_ptr_array_index (f->evidence, j))->id, uuid) == 0)
          return invalid (f, error, _("%s.id: item %s is both removed and present"), where, uuid);
      at = read_time (f, when, p, error);
      if (at == NULL)
        return FALSE;
      c = g_new0 (CirtEvidenceChange, 1);
      c->evidence = g_ascii_strdown (uuid, -1);
      c->author = g_strdup (author);
      c->changed_at = at;
      g_ptr_array_add (f->removed, c);
    }
  return TRUE;
}

/* Reads the file into f->root, opening it first if it is sealed. A file
 * that cannot be read or opened sets @error (returns FALSE); JSON that does
 * not parse leaves f->root NULL with the reason in f->parse_error. */
static gboolean
open_file (ExchangeFile  *f,
           const char    *path,
           const char    *passphrase,
           GError       **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!cirt_json_read_file (path, MAX_FILE_SIZE, &data, &len, &f->parse_error))
    return TRUE;
  if (cirt_seal_looks_sealed (data, len))
    {
      gsize plain_len = 0;
      char *plain = cirt_seal_decrypt (data, len, passphrase, MAX_FILE_SIZE, display, &plain_len, error);

      if (plain == NULL)
        return FALSE;
      f->sealed = TRUE;
      f->root = cirt_json_parse (plain, plain_len, MAX_FILE_SIZE, display, &f->parse_error);
      cirt_seal_free_plain (plain, plain_len);
      return TRUE;
    }
  f->root = cirt_json_parse (data, len, MAX_FILE_SIZE, display, &f->parse_error);
  return TRUE;
}

static gboolean
read_file (ExchangeFile  *f,
           const char    *path,
           const char    *passphrase,
           GError       **error)
{
  static const char * const keys[] = {
    "format", "format_version", "exported_at", "assessment", "instruments", "targets", "stakeholders",
    "findings", "sessions", "statements", "answers", "history", "reviews", "evidenced_only", "evidence",
    "evidence_blobs", "evidence_removed", NULL,
  };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  JsonObject *root;
  const char *format = NULL, *exported = NULL;
  gint64 version = 0;

  f->path = path;
  f->now = g_date_time_new_now_utc ();
  if (!open_file (f, path, passphrase, error))
    return FALSE;
  if (f->root == NULL)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("%s is not a CIRT Assess exchange file: %s"), display, f->parse_error->message);
      return FALSE;
    }
  root = JSON_NODE_HOLDS_OBJECT (f->root) ? json_node_get_object (f->root) : NULL;
  if (root == NULL || !cirt_json_get_string (root, "format", TRUE, 64, "", &format, NULL) ||
      g_strcmp0 (format, CIRT_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, _("%s is not a CIRT Assess exchange file"),
                   display);
      return FALSE;
    }
  if (!cirt_json_get_int (root, "format_version", FALSE, "", &version, &local_error))
    return refuse (f, local_error, error);
  f->version = version;
  if (version < 1 || version > CIRT_EXCHANGE_FORMAT_VERSION)
    return invalid (f, error, _("exchange format version %lld is not supported (this version reads %d)"),
                    (long long) version, CIRT_EXCHANGE_FORMAT_VERSION);
  if (!cirt_json_check_members (root, keys, "", &local_error) ||
      !cirt_json_get_string (root, "exported_at", TRUE, CIRT_MAX_SHORT_TEXT, "", &exported, &local_error))
    return refuse (f, local_error, error);
  return read_assessment (f, root, error) &&
         read_instruments (f, root, error) &&
         read_targets (f, root, error) &&
         read_stakeholders (f, root, error) &&
         read_findings (f, root, error) &&
         read_sessions (f, root, error) &&
         read_statements (f, root, error) &&
         read_answers (f, root, error) &&
         read_history (f, root, error) &&
         read_reviews (f, root, error) &&
         read_evidence (f, root, error);
}

/* ------------------------------------------------------------------------ */
/* Merging                                                                  */

/* The later change wins; at the same instant the greater content does, so
 * every laptop picks the same winner. Times are stored in one UTC form, so
 * comparing the texts compares the instants. */
static gboolean
remote_is_later (const CirtAnswer *local,
                 const CirtAnswer *remote)
{
  int cmp = g_strcmp0 (remote->updated_at, local->updated_at);

  if (cmp == 0)
    {
      g_autofree char *l = cirt_answer_to_json (local);
      g_autofree char *r = cirt_answer_to_json (remote);
      cmp = g_strcmp0 (r, l);
    }
  return cmp > 0;
}

/* Whether @answer's content is one the file's history shows @question had. */
static gboolean
file_history_has (ExchangeFile     *f,
                  const CirtAnswer *answer)
{
  for (guint i = 0; i < f->history->len; i++)
    {
      CirtHistoryEntry *e = g_ptr_array_index (f->history, i);
      if (g_strcmp0 (e->question, answer->question) == 0 && e->new_answer != NULL &&
          cirt_answer_same_content (e->new_answer, answer))
        return TRUE;
    }
  return FALSE;
}

static gboolean
merge_answer (CirtStore        *store,
              ExchangeFile     *f,
              const char       *id,
              const CirtAnswer *remote,
              guint             index,
              CirtImportReport *report,
              GError          **error)
{
  g_autoptr(CirtAnswer) local = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean changed, remote_seen_here = FALSE, local_seen_there, won, added;

  local = cirt_store_get_answer (store, id, remote->question, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (local != NULL && cirt_answer_same_content (local, remote))
    {
      report->answers_same++;
      return TRUE;
    }
  if (cirt_answer_is_empty (local))
    {
      if (!cirt_store_import_answer (store, id, remote, &changed, error))
        goto refused;
      report->answers_taken++;
      return TRUE;
    }

  /* Both sides have something, and it differs. When one side's answer is a
   * version the other side has had, that side simply moved on since: its
   * answer is kept, whatever the clocks say (a file imported again after a
   * later edit here does not undo the edit). */
  if (!cirt_store_answer_in_history (store, id, remote, &remote_seen_here, error))
    return FALSE;
  local_seen_there = file_history_has (f, local);
  if (remote_seen_here && !local_seen_there)
    {
      report->answers_kept++;
      return TRUE;
    }
  if (local_seen_there && !remote_seen_here)
    {
      if (!cirt_store_import_answer (store, id, remote, &changed, error))
        goto refused;
      report->answers_taken++;
      return TRUE;
    }

  /* Changed on both sides: the later change wins, and the pair is kept. */
  won = remote_is_later (local, remote);
  if (won && !cirt_store_import_answer (store, id, remote, &changed, error))
    goto refused;
  if (won)
    report->answers_taken++;
  else
    report->answers_kept++;
  if (!cirt_store_record_conflict (store, id, remote->question, local, remote, won, &added, error))
    return FALSE;
  g_ptr_array_add (report->conflicts, g_strdup (remote->question));
  return TRUE;

refused:
  g_prefix_error (error, "%s: answers[%u]: ", f->path, index);
  return FALSE;
}

static gboolean
merge_content (CirtStore        *store,
               ExchangeFile     *f,
               const char       *id,
               CirtImportReport *report,
               GError          **error)
{
  int targets[CIRT_N_PILLARS];
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GHashTable) same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Targets: taken where none is set here. */
  if (!cirt_store_get_targets (store, id, targets, error))
    return FALSE;
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    if (f->targets[p] > 0 && targets[p] == 0)
      {
        if (!cirt_store_set_target (store, id, p, f->targets[p], error))
          return FALSE;
        report->targets_added++;
      }

  /* Stakeholders: the same UUID is the same person; without one (a file
   * of format 3 or older), or with another UUID, the same person,
   * organisation and date are; anyone else is added, with the file's
   * UUID. What the file's sessions and statements name is translated to
   * the person here (@same: the file's UUID → the one here). */
  stakeholders = cirt_store_list_stakeholders (store, id, error);
  if (stakeholders == NULL)
    return FALSE;
  for (guint i = 0; i < f->stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (f->stakeholders, i);
      CirtStakeholder *here = NULL;

      for (guint j = 0; j < stakeholders->len && here == NULL && s->uuid != NULL; j++)
        {
          CirtStakeholder *l = g_ptr_array_index (stakeholders, j);
          if (g_strcmp0 (l->uuid, s->uuid) == 0)
            here = l;
        }
      for (guint j = 0; j < stakeholders->len && here == NULL; j++)
        {
          CirtStakeholder *l = g_ptr_array_index (stakeholders, j);
          if (g_strcmp0 (l->name, s->name) == 0 && g_strcmp0 (l->organisation, s->organisation) == 0 &&
              g_strcmp0 (l->met_on, s->met_on) == 0)
            here = l;
        }
      if (here != NULL)
        {
          if (s->uuid != NULL && here->uuid != NULL)
            g_hash_table_insert (same, g_strdup (s->uuid), g_strdup (here->uuid));
          continue;
        }
      if (cirt_store_add_stakeholder (store, id, s, error) == 0)
        {
          g_prefix_error (error, "%s: stakeholders[%u]: ", f->path, i);
          return FALSE;
        }
      g_ptr_array_add (stakeholders, cirt_stakeholder_copy (s));
      report->stakeholders_added++;
    }

  /* Sessions and statements: by their UUID, before the answers that name
   * the sessions (cirt_store_import_interview, _statement). */
  for (guint i = 0; i < f->sessions->len; i++)
    {
      g_autoptr(CirtInterview) s = cirt_interview_copy (g_ptr_array_index (f->sessions, i));
      CirtRecordImport outcome = CIRT_RECORD_IMPORT_SAME;

      for (guint k = 0; s->stakeholders != NULL && s->stakeholders[k] != NULL; k++)
        {
          const char *here = g_hash_table_lookup (same, s->stakeholders[k]);
          if (here != NULL)
            {
              g_free (s->stakeholders[k]);
              s->stakeholders[k] = g_strdup (here);
            }
        }
      if (!cirt_store_import_interview (store, id, s, &outcome, error))
        {
          g_prefix_error (error, "%s: sessions[%u]: ", f->path, i);
          return FALSE;
        }
      report->sessions_added += outcome == CIRT_RECORD_IMPORT_ADDED;
      report->sessions_updated += outcome == CIRT_RECORD_IMPORT_UPDATED;
      report->sessions_kept += outcome == CIRT_RECORD_IMPORT_KEPT;
    }
  for (guint i = 0; i < f->statements->len; i++)
    {
      g_autoptr(CirtStatement) s = cirt_statement_copy (g_ptr_array_index (f->statements, i));
      CirtRecordImport outcome = CIRT_RECORD_IMPORT_SAME;
      const char *here = g_hash_table_lookup (same, s->stakeholder);

      if (here != NULL)
        {
          g_free (s->stakeholder);
          s->stakeholder = g_strdup (here);
        }
      if (!cirt_store_import_statement (store, id, s, &outcome, error))
        {
          g_prefix_error (error, "%s: statements[%u]: ", f->path, i);
          return FALSE;
        }
      report->statements_added += outcome == CIRT_RECORD_IMPORT_ADDED;
      report->statements_updated += outcome == CIRT_RECORD_IMPORT_UPDATED;
      report->statements_kept += outcome == CIRT_RECORD_IMPORT_KEPT;
    }

  /* Findings: by their UUID (cirt_store_import_finding). */
  for (guint i = 0; i < f->findings->len; i++)
    {
      CirtFindingImport outcome = CIRT_FINDING_IMPORT_SAME;

      if (!cirt_store_import_finding (store, id, g_ptr_array_index (f->findings, i), &outcome, error))
        {
          g_prefix_error (error, "%s: findings[%u]: ", f->path, i);
          return FALSE;
        }
      report->findings_added += outcome == CIRT_FINDING_IMPORT_ADDED;
      report->findings_updated += outcome == CIRT_FINDING_IMPORT_UPDATED;
      report->findings_kept += outcome == CIRT_FINDING_IMPORT_KEPT;
    }

  for (guint i = 0; i < f->answers->len; i++)
    if (!merge_answer (store, f, id, g_ptr_array_index (f->answers, i), i, report, error))
      return FALSE;

  /* Evidence: items by their UUID (cirt_store_import_evidence), the bytes
   * given only when they are not here yet; then the removals. */
  for (guint i = 0; i < f->evidence->len; i++)
    {
      CirtEvidence *e = g_ptr_array_index (f->evidence, i);
      CirtEvidenceImport outcome = CIRT_EVIDENCE_IMPORT_SAME;
      GBytes *bytes = e->kind == CIRT_EVIDENCE_FILE ? g_hash_table_lookup (f->blobs, e->sha256) : NULL;

      if (!cirt_store_import_evidence (store, id, e, bytes, &outcome, error))
        {
          g_prefix_error (error, "%s: evidence[%u]: ", f->path, i);
          return FALSE;
        }
      report->evidence_added += outcome == CIRT_EVIDENCE_IMPORT_ADDED;
      report->evidence_updated += outcome == CIRT_EVIDENCE_IMPORT_UPDATED;
      report->evidence_kept += outcome == CIRT_EVIDENCE_IMPORT_KEPT;
    }
  for (guint i = 0; i < f->removed->len; i++)
    {
      CirtEvidenceChange *c = g_ptr_array_index (f->removed, i);
      CirtEvidenceImport outcome = CIRT_EVIDENCE_IMPORT_SAME;

      if (!cirt_store_import_evidence_removal (store, id, c->evidence, c->author, c->changed_at, &outcome, error))
        {
          g_prefix_error (error, "%s: evidence_removed[%u]: ", f->path, i);
          return FALSE;
        }
      report->evidence_removed += outcome == CIRT_EVIDENCE_IMPORT_REMOVED;
      report->evidence_kept += outcome == CIRT_EVIDENCE_IMPORT_KEPT;
    }

  /* History: every change made over there, once. */
  for (guint i = 0; i < f->history->len; i++)
    {
      gboolean added;
      if (!cirt_store_import_history (store, id, g_ptr_array_index (f->history, i), &added, error))
        {
          g_prefix_error (error, "%s: history[%u]: ", f->path, i);
          return FALSE;
        }
      report->history_added += added;
    }

  /* Reviews: by their question (cirt_store_import_review). Each names the
   * version of the answer it reviewed, so a review of an answer that this
   * merge replaced shows as not reviewed by itself. */
  for (guint i = 0; i < f->reviews->len; i++)
    {
      CirtReviewImport outcome = CIRT_REVIEW_IMPORT_SAME;

      if (!cirt_store_import_review (store, id, g_ptr_array_index (f->reviews, i), &outcome, error))
        {
          g_prefix_error (error, "%s: reviews[%u]: ", f->path, i);
          return FALSE;
        }
      report->reviews_taken += outcome == CIRT_REVIEW_IMPORT_TAKEN;
      report->reviews_kept += outcome == CIRT_REVIEW_IMPORT_KEPT;
    }
  return TRUE;
}

static gboolean
same_instruments (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (cirt_instrument_get_sha256 (g_ptr_array_index (a, i)),
                   cirt_instrument_get_sha256 (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

CirtImportReport *
cirt_exchange_import (CirtStore   *store,
                      const char  *path,
                      GError     **error)
{
  return cirt_exchange_import_sealed (store, path, NULL, error);
}

CirtImportReport *
cirt_exchange_import_sealed (CirtStore   *store,
                             const char  *path,
                             const char  *passphrase,
                             GError     **error)
{
  g_auto(ExchangeFile) f = { 0 };
  g_autoptr(CirtImportReport) report = g_new0 (CirtImportReport, 1);
  g_autoptr(CirtAssessmentInfo) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *id = NULL;

  report->conflicts = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);

  /* The whole file, checked, before anything is written. */
  if (!read_file (&f, path, passphrase, error))
    return NULL;
  report->sealed = f.sealed;
  if (f.n_clamped > 0)
    {
      g_autofree char *now = cirt_time_format (f.now);
      g_ptr_array_add (report->warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u time in the file is later than this computer's clock "
                                                     "(%s); it was taken as the time of the import, %s. Check the "
                                                     "clock of the laptop the file comes from.",
                                                     "%u times in the file are later than this computer's clock "
                                                     "(the latest: %s); they were taken as the time of the import, "
                                                     "%s. Check the clock of the laptop the file comes from.",
                                                     f.n_clamped),
                                        f.n_clamped, f.latest_clamped, now));
    }

  id = g_ascii_strdown (f.info->id, -1);
  if (!cirt_store_transaction_begin (store, error))
    return NULL;
  existing = cirt_store_get_assessment (store, id, NULL);
  if (existing == NULL)
    {
      g_autofree char *created = NULL;

      created = cirt_store_create_assessment (store, f.info, f.instruments, &local_error);
      if (created == NULL)
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID, "%s: %s", display, local_error->message);
          goto fail;
        }
      report->created = TRUE;
      /* A new assessment takes the file's scoring option; a merge keeps
       * the one set here. */
      if (f.evidenced_only && !cirt_store_set_evidenced_only (store, id, TRUE, error))
        goto fail;
    }
  else
    {
      g_autoptr(GPtrArray) here = cirt_store_get_instruments (store, id, &local_error);
      if (here == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (!same_instruments (here, f.instruments))
        {
          g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                       _("%s was made with other instruments (or other versions of them) than the assessment "
                         "\"%s\" here; it cannot be merged"), display, existing->title);
          goto fail;
        }
      /* The country's code and region: taken where none is set here (an
       * assessment made before the portfolio, or with a country not in
       * the list), like targets. */
      if ((existing->country_code == NULL && f.info->country_code != NULL) ||
          (existing->region == NULL && f.info->region != NULL))
        {
          g_autoptr(CirtAssessmentInfo) updated = cirt_assessment_info_copy (existing);

          if (updated->country_code == NULL)
            updated->country_code = g_strdup (f.info->country_code);
          if (updated->region == NULL)
            updated->region = g_strdup (f.info->region);
          if (!cirt_store_update_assessment (store, updated, error))
            goto fail;
        }
    }

  if (!merge_content (store, &f, id, report, error) || !cirt_store_transaction_commit (store, error))
    goto fail;
  report->assessment_id = g_steal_pointer (&id);
  return g_steal_pointer (&report);

fail:
  cirt_store_transaction_rollback (store);
  return NULL;
}
