/* cirt-score.h — maturity scores: a pure function of (instruments, answers, targets)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are those of design.md, "Scoring"; every number here can be
 * checked by hand. Nothing in this module does I/O: the answers come from
 * the caller (cirt-assessment-data.h loads them from a store). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cirt-instrument.h"
#include "cirt-records.h"
#include "cirt-types.h"

G_BEGIN_DECLS

/* Below this coverage a score is provisional. */
#define CIRT_SCORE_FIRM_COVERAGE 0.8

typedef struct {
  gboolean defined;      /* FALSE: nothing answered that counts (score and level are meaningless) */
  double   score;        /* 0–100, full precision */
  int      level;        /* 1..5, 0 when undefined; overall level after the critical cap */
  double   coverage;     /* 0–1 answered applicable scored weight / applicable scored weight;
                            NAN when nothing is applicable */
  gboolean provisional;  /* coverage < CIRT_SCORE_FIRM_COVERAGE */
} CirtScoreValue;

typedef struct {
  CirtInstrument    *instrument;   /* borrowed */
  const CirtSection *section;
  CirtScoreValue     value;
  guint              answered;     /* scored questions answered (a value or N/A) */
  guint              total;        /* scored questions */
} CirtSectionScore;

typedef struct {
  CirtPillar     pillar;
  gboolean       used;             /* some instrument of the assessment uses it */
  double         weight;           /* from the first instrument that lists it */
  CirtScoreValue value;
  int            target;           /* 1..5, 0 = none */
  gboolean       has_gap;          /* target set and value defined */
  int            gap;              /* target − level, in levels */
} CirtPillarScore;

typedef struct {
  const CirtQuestion *question;
  double              score;       /* s in [0, 1) */
  double              priority;    /* w_question · (1 − s) · w_section · w_pillar */
} CirtRecommendation;

#define CIRT_TYPE_SCORE (cirt_score_get_type ())
G_DECLARE_FINAL_TYPE (CirtScore, cirt_score, CIRT, SCORE, GObject)

/* @instruments: CirtInstrument*, in the assessment's order (the first one
 * decides pillar weights and level thresholds for pillars and overall).
 * @answers: question id → CirtAnswer*. @targets: may be NULL. */
CirtScore                *cirt_score_compute            (GPtrArray  *instruments,
                                                         GHashTable *answers,
                                                         const int   targets[CIRT_N_PILLARS]);

typedef enum {
  CIRT_SCORE_DEFAULT            = 0,
  /* No recommendations (cirt_score_get_n_recommendations() is 0): a
   * portfolio of a thousand assessments ranks none of them. Every score,
   * level, coverage, count and cap is the same. */
  CIRT_SCORE_NO_RECOMMENDATIONS = 1 << 0,
} CirtScoreFlags;

CirtScore                *cirt_score_compute_full       (GPtrArray      *instruments,
                                                         GHashTable     *answers,
                                                         const int       targets[CIRT_N_PILLARS],
                                                         CirtScoreFlags  flags);

/* The answer to @question, or NULL: how cirt_score_compute_with() finds
 * the answers (the portfolio keeps them by the question's place, not in a
 * hash table per assessment). */
typedef const CirtAnswer *(*CirtScoreAnswerFunc) (const CirtQuestion *question,
                                                  gpointer            data);

CirtScore                *cirt_score_compute_with       (GPtrArray           *instruments,
                                                         CirtScoreAnswerFunc  answer,
                                                         gpointer             data,
                                                         const int            targets[CIRT_N_PILLARS],
                                                         CirtScoreFlags       flags);
/* The same, counting only evidenced answers when @evidenced (a set of
 * question ids with evidence) is set: an answer whose question is not in it
 * is scored as unanswered (N/A stays N/A). NULL: cirt_score_compute(). */
CirtScore                *cirt_score_compute_evidenced  (GPtrArray  *instruments,
                                                         GHashTable *answers,
                                                         const int   targets[CIRT_N_PILLARS],
                                                         GHashTable *evidenced);
/* Whether only evidenced answers were counted. */
gboolean                  cirt_score_get_evidenced_only (CirtScore *self);

const CirtScoreValue     *cirt_score_get_overall        (CirtScore *self);
/* Critical questions scoring below 0.5 (const CirtQuestion*), in
 * questionnaire order; non-empty means the overall level is capped at 2. */
GPtrArray                *cirt_score_get_capped_by      (CirtScore *self);
const CirtPillarScore    *cirt_score_get_pillar         (CirtScore  *self,
                                                         CirtPillar  pillar);
guint                     cirt_score_get_n_sections     (CirtScore *self);
const CirtSectionScore   *cirt_score_get_section        (CirtScore *self,
                                                         guint      index);
/* Ranked: priority descending, ties by question id. */
guint                     cirt_score_get_n_recommendations (CirtScore *self);
const CirtRecommendation *cirt_score_get_recommendation (CirtScore *self,
                                                         guint      index);
/* Named level 1..5 (thresholds of the first instrument). */
const CirtLevelInfo      *cirt_score_get_level_info     (CirtScore *self,
                                                         int        level);
GPtrArray                *cirt_score_get_instruments    (CirtScore *self);

/* The object printed by `cirt-assess-cli score --json` (see the CLI
 * reference in README.md); @lang picks titles and level names. */
JsonNode                 *cirt_score_to_json            (CirtScore  *self,
                                                         const char *assessment_id,
                                                         const char *lang);


/* Level 1..5 of a 0–100 score by @instrument's thresholds: the highest L with
 * score ≥ min(L) − CIRT_SCORE_EPSILON. */
int                       cirt_score_level_for          (CirtInstrument *instrument,
                                                         double          score);
/* The overall level before the critical cap (0 when undefined). */
int                       cirt_score_get_uncapped_level (CirtScore *self);
/* Scored questions beneath @pillar (CIRT_N_PILLARS for the whole
 * assessment): with a value that scores, marked not applicable, and in all.
 * Any out-parameter may be NULL. */
void                      cirt_score_get_counts         (CirtScore  *self,
                                                         CirtPillar  pillar,
                                                         guint      *answered,
                                                         guint      *not_applicable,
                                                         guint      *total);

G_END_DECLS
