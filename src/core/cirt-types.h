/* cirt-types.h — shared enums and small value types of the core
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The five pillars of ITU's Global Cybersecurity Agenda, in GCA order. */
typedef enum {
  CIRT_PILLAR_LEGAL,
  CIRT_PILLAR_TECHNICAL,
  CIRT_PILLAR_ORGANIZATIONAL,
  CIRT_PILLAR_CAPACITY,
  CIRT_PILLAR_COOPERATION,
  CIRT_N_PILLARS
} CirtPillar;

typedef enum {
  CIRT_KIND_LEVEL,
  CIRT_KIND_YESNO,
  CIRT_KIND_CHOICE,
  CIRT_KIND_CHECKLIST,
  CIRT_KIND_TEXT,
  CIRT_KIND_NUMBER,
  CIRT_KIND_DATE,
  CIRT_N_KINDS
} CirtQuestionKind;

typedef enum {
  CIRT_PHASE_NONE,
  CIRT_PHASE_DESIGN,
  CIRT_PHASE_ESTABLISHMENT,
  CIRT_PHASE_ENHANCEMENT
} CirtPhase;

/* What kind of finding of a mission (cirt-records.h, CirtFinding). */
typedef enum {
  CIRT_FINDING_ISSUE,
  CIRT_FINDING_QUICK_WIN,
  CIRT_FINDING_RISK,
  CIRT_N_FINDING_KINDS
} CirtFindingKind;

/* "issue", "quick-win", "risk" */
const char *cirt_finding_kind_to_string   (CirtFindingKind  kind);
gboolean    cirt_finding_kind_from_string (const char      *str,
                                           CirtFindingKind *out);

#define CIRT_N_LEVELS 5          /* named maturity levels 1..5 */
#define CIRT_N_QUESTION_LEVELS 5 /* question levels 0..4 */

const char *cirt_pillar_to_string      (CirtPillar pillar);
gboolean    cirt_pillar_from_string    (const char *str,
                                        CirtPillar *out);
/* Pillar titles are in the language layer: cirt_lang_pillar_title(). */

const char *cirt_kind_to_string        (CirtQuestionKind kind);
gboolean    cirt_kind_from_string      (const char *str,
                                        CirtQuestionKind *out);
gboolean    cirt_kind_is_scored        (CirtQuestionKind kind);

const char *cirt_phase_to_string       (CirtPhase phase);
gboolean    cirt_phase_from_string     (const char *str,
                                        CirtPhase *out);

/* Assessment phases of the CIRT lifecycle (assessment, design, establishment,
 * enhancement): what kind of mission an assessment belongs to. */
gboolean    cirt_mission_phase_is_valid (const char *phase);
const char * const *cirt_mission_phases (void);

/* The stakeholder groups a question is asked of ("ask" in an instrument):
 * the fixed list of whom a readiness mission meets. */
gboolean    cirt_stakeholder_group_is_valid (const char *group);
const char * const *cirt_stakeholder_groups  (void);

/* A multilingual string: language code → text. "en" is always present in a
 * loaded instrument. */
typedef struct _CirtText CirtText;

CirtText   *cirt_text_new              (void);
void        cirt_text_free             (CirtText *text);
void        cirt_text_set              (CirtText *text,
                                        const char *lang,
                                        const char *value);
/* Text in @lang, else English, else NULL. @text may be NULL. */
const char *cirt_text_get              (const CirtText *text,
                                        const char *lang);
gboolean    cirt_text_has              (const CirtText *text,
                                        const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtText, cirt_text_free)

/* Scores are compared with the level thresholds, the 0.5 critical bound and
 * the 0.8 coverage bound with this much slack (0–100 scale; 1e-11 on the 0–1
 * scale), so that a sum that is exact by hand but not in binary (0.3·1 +
 * 0.7·3 = 2.4 over 4 → 59.999999999999986) lands where the hand arithmetic
 * puts it. The score numbers themselves are never rounded. */
#define CIRT_SCORE_EPSILON 1e-9

/* A score or percentage as shown to people with @decimals decimals: cut,
 * never rounded up (within CIRT_SCORE_EPSILON), so a shown number never
 * reaches a threshold its level has not reached (59.96 → 59.9, level 3). */
double      cirt_score_display_value   (double value,
                                        int    decimals);

/* Current time as an ISO 8601 UTC timestamp with milliseconds
 * ("2026-03-02T09:15:00.123Z"). */
char       *cirt_now_iso8601           (void);
/* An ISO 8601 time as an instant (its offset honoured; none given: UTC),
 * or NULL when it is not one. */
GDateTime  *cirt_time_parse            (const char *iso8601);
/* The same instant in the stored form, UTC with milliseconds
 * ("2026-03-02T05:00:00.000Z"), or NULL when it is not a time. Stored times
 * compare as instants when compared as strings. */
char       *cirt_time_normalize        (const char *iso8601);
char       *cirt_time_format           (GDateTime  *time);

G_END_DECLS
