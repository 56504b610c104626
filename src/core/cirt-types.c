/* cirt-types.c — shared enums and small value types of the core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-types.h"

#include <math.h>
#include <string.h>

static const char *pillar_ids[CIRT_N_PILLARS] = {
  "legal", "technical", "organizational", "capacity", "cooperation",
};

static const char *kind_ids[CIRT_N_KINDS] = {
  "level", "yesno", "choice", "checklist", "text", "number", "date",
};

static const char *phase_ids[] = { "", "design", "establishment", "enhancement" };

static const char * const mission_phases[] = {
  "assessment", "design", "establishment", "enhancement", NULL,
};

/* Whom a readiness mission meets (issue 10): ministry in charge of ICT,
 * regulator, law enforcement and justice, critical infrastructure operators
 * by sector, ISPs and telecom operators, existing CSIRTs and SOCs, academia,
 * finance ministry, defence and security, civil society, regional and
 * international partners. */
static const char * const stakeholder_groups[] = {
  "ict-ministry", "regulator", "law-enforcement", "ci-energy", "ci-finance",
  "ci-transport", "ci-water", "ci-health", "isp-telecom", "csirt-soc",
  "academia", "finance-ministry", "defence-security", "civil-society",
  "international-partners", NULL,
};

gboolean
cirt_stakeholder_group_is_valid (const char *group)
{
  return group != NULL && g_strv_contains (stakeholder_groups, group);
}

const char * const *
cirt_stakeholder_groups (void)
{
  return stakeholder_groups;
}

const char *
cirt_pillar_to_string (CirtPillar pillar)
{
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, NULL);
  return pillar_ids[pillar];
}

gboolean
cirt_pillar_from_string (const char *str,
                         CirtPillar *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < CIRT_N_PILLARS; i++)
    if (strcmp (str, pillar_ids[i]) == 0)
      {
        if (out)
          *out = (CirtPillar) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_kind_to_string (CirtQuestionKind kind)
{
  g_return_val_if_fail (kind < CIRT_N_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
cirt_kind_from_string (const char *str,
                       CirtQuestionKind *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < CIRT_N_KINDS; i++)
    if (strcmp (str, kind_ids[i]) == 0)
      {
        if (out)
          *out = (CirtQuestionKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cirt_kind_is_scored (CirtQuestionKind kind)
{
  return kind == CIRT_KIND_LEVEL || kind == CIRT_KIND_YESNO ||
         kind == CIRT_KIND_CHOICE || kind == CIRT_KIND_CHECKLIST;
}

const char *
cirt_phase_to_string (CirtPhase phase)
{
  g_return_val_if_fail (phase <= CIRT_PHASE_ENHANCEMENT, NULL);
  return phase == CIRT_PHASE_NONE ? NULL : phase_ids[phase];
}

gboolean
cirt_phase_from_string (const char *str,
                        CirtPhase *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 1; i < G_N_ELEMENTS (phase_ids); i++)
    if (strcmp (str, phase_ids[i]) == 0)
      {
        if (out)
          *out = (CirtPhase) i;
        return TRUE;
      }
  return FALSE;
}

static const char * const finding_kind_ids[CIRT_N_FINDING_KINDS] = { "issue", "quick-win", "risk" };

const char *
cirt_finding_kind_to_string (CirtFindingKind kind)
{
  g_return_val_if_fail (kind < CIRT_N_FINDING_KINDS, NULL);
  return finding_kind_ids[kind];
}

gboolean
cirt_finding_kind_from_string (const char      *str,
                               CirtFindingKind *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < CIRT_N_FINDING_KINDS; i++)
    if (strcmp (str, finding_kind_ids[i]) == 0)
      {
        if (out)
          *out = (CirtFindingKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cirt_mission_phase_is_valid (const char *phase)
{
  return phase != NULL && g_strv_contains (mission_phases, phase);
}

const char * const *
cirt_mission_phases (void)
{
  return mission_phases;
}

struct _CirtText {
  GHashTable *strings;
};

CirtText *
cirt_text_new (void)
{
  CirtText *text = g_new0 (CirtText, 1);
  text->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return text;
}

void
cirt_text_free (CirtText *text)
{
  if (text == NULL)
    return;
  g_hash_table_unref (text->strings);
  g_free (text);
}

void
cirt_text_set (CirtText   *text,
               const char *lang,
               const char *value)
{
  g_return_if_fail (text != NULL && lang != NULL);
  g_hash_table_replace (text->strings, g_strdup (lang), g_strdup (value));
}

const char *
cirt_text_get (const CirtText *text,
               const char     *lang)
{
  const char *s = NULL;

  if (text == NULL)
    return NULL;
  if (lang != NULL)
    {
      s = g_hash_table_lookup (text->strings, lang);
      if (s == NULL && strlen (lang) > 2)
        {
          /* "fr_FR.UTF-8" → "fr" */
          g_autofree char *base = g_strndup (lang, 2);
          s = g_hash_table_lookup (text->strings, base);
        }
    }
  if (s == NULL)
    s = g_hash_table_lookup (text->strings, "en");
  return s;
}

gboolean
cirt_text_has (const CirtText *text,
               const char     *lang)
{
  return text != NULL && g_hash_table_contains (text->strings, lang);
}

char *
cirt_time_format (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (utc) / 1000);
}

char *
cirt_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return cirt_time_format (now);
}

GDateTime *
cirt_time_parse (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (iso8601, utc);
}

char *
cirt_time_normalize (const char *iso8601)
{
  g_autoptr(GDateTime) time = cirt_time_parse (iso8601);
  return time ? cirt_time_format (time) : NULL;
}

double
cirt_score_display_value (double value,
                          int    decimals)
{
  double scale = pow (10.0, CLAMP (decimals, 0, 6));

  if (isnan (value))
    return value;
  return floor ((value + CIRT_SCORE_EPSILON) * scale) / scale;
}
