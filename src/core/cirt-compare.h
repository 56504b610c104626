/* cirt-compare.h — what changed between two assessments (a follow-up and
 * its baseline, or any two), pillar by pillar, section by section and
 * question by question
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function of two loaded assessments (cirt-assessment-data.h): no
 * I/O, no GTK. Questions are matched by id within each instrument the two
 * share (by instrument id, whatever the versions), so a follow-up made with
 * a newer version of an instrument is compared with its baseline question
 * by question; the questions only one version has are listed as added or
 * removed. Scores are the two assessments' own (cirt-score.h). The words
 * for people (answers, levels, deltas) come from the language layer. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cirt-assessment-data.h"
#include "cirt-lang.h"

G_BEGIN_DECLS

#define CIRT_COMPARE_ERROR (cirt_compare_error_quark ())

typedef enum {
  CIRT_COMPARE_ERROR_SAME,          /* an assessment compared with itself */
  CIRT_COMPARE_ERROR_NO_SHARED,     /* the two share no instrument */
  CIRT_COMPARE_ERROR_NO_BASELINE,   /* not a follow-up (or its baseline was deleted) */
  CIRT_COMPARE_ERROR_UNREADABLE,    /* the baseline is named but could not be read */
} CirtCompareError;

GQuark cirt_compare_error_quark (void);

/* What happened to one question between the two. "Answered" is a value or
 * the not-applicable mark (cirt_answer_is_answered()). */
typedef enum {
  CIRT_CHANGE_IMPROVED,        /* scored both times, higher now */
  CIRT_CHANGE_REGRESSED,       /* scored both times, lower now */
  CIRT_CHANGE_NEWLY_ANSWERED,  /* unanswered before, answered now */
  CIRT_CHANGE_UNANSWERED,      /* answered before, unanswered now */
  CIRT_CHANGE_OPEN,            /* unanswered both times: still open */
  CIRT_CHANGE_CHANGED,         /* another answer, but no score moved (N/A, unscored, equal score) */
  CIRT_CHANGE_SAME,            /* the same answer */
  CIRT_CHANGE_ADDED,           /* only in the new assessment's version of the instrument */
  CIRT_CHANGE_REMOVED,         /* only in the old assessment's version */
  CIRT_N_CHANGES
} CirtChange;

/* "improved", "regressed", "newly-answered", "unanswered", "open",
 * "changed", "same", "added", "removed" (the JSON's words). */
const char *cirt_change_to_string   (CirtChange  change);
gboolean    cirt_change_from_string (const char *str,
                                     CirtChange *out);

/* A score on both sides. old/new are the CirtScoreValues of the two
 * assessments (defined FALSE where a side has no score, has_old/has_new
 * FALSE where a side does not have the pillar or section at all). */
typedef struct {
  gboolean       has_old;
  gboolean       has_new;
  CirtScoreValue old_value;
  CirtScoreValue new_value;
  gboolean       has_delta;       /* both scores defined */
  double         delta;           /* new − old, 0–100 points, full precision */
  int            level_delta;     /* new level − old level (has_delta) */
  double         coverage_delta;  /* new − old coverage (0–1); NAN when either is NAN */
} CirtCompareValue;

/* Fills @value from two scores (NULL: that side has none). */
void cirt_compare_value_init (CirtCompareValue     *value,
                              const CirtScoreValue *old_value,
                              const CirtScoreValue *new_value);

typedef struct {
  CirtPillar       pillar;
  CirtCompareValue value;
} CirtComparePillar;

typedef struct {
  const char             *instrument;   /* the instrument's id */
  const CirtSection      *old_section;  /* NULL: only in the new version */
  const CirtSection      *new_section;  /* NULL: only in the old version */
  const CirtSectionScore *old_score;    /* NULL with old_section */
  const CirtSectionScore *new_score;    /* NULL with new_section */
  CirtCompareValue        value;
} CirtCompareSection;

typedef struct {
  CirtChange          change;
  const char         *id;
  const CirtQuestion *old_question;   /* NULL: added */
  const CirtQuestion *new_question;   /* NULL: removed */
  const CirtAnswer   *old_answer;     /* NULL: none recorded */
  const CirtAnswer   *new_answer;
  double              old_score;      /* 0–100; NAN: no score (unanswered, N/A, unscored) */
  double              new_score;
} CirtCompareQuestion;

/* A recommendation of the old assessment whose question now scores in
 * full: the recommendation is met. */
typedef struct {
  const CirtQuestion *old_question;   /* carries the recommendation */
  const CirtQuestion *new_question;
  guint               old_rank;       /* 1-based, in the old ranking */
  double              old_score;      /* 0–100 */
  double              new_score;      /* 0–100 */
} CirtCompareMet;

typedef struct {
  const char     *id;
  CirtInstrument *old_instrument;     /* NULL: the old assessment does not use it */
  CirtInstrument *new_instrument;     /* NULL: the new one does not */
  guint           n_added;            /* questions only in the new version */
  guint           n_removed;          /* questions only in the old version */
} CirtCompareInstrument;

/* Read-only once made; shares (holds) both assessments' data. */
typedef struct {
  CirtAssessmentData *old_data;
  CirtAssessmentData *new_data;
  /* Both name a country and the two differ (compared without case and
   * surrounding space): the comparison is allowed, with a warning. */
  gboolean            other_country;
  CirtCompareValue    overall;
  CirtComparePillar   pillars[CIRT_N_PILLARS];
  GArray             *instruments;    /* CirtCompareInstrument: the new one's, then the old one's others */
  GArray             *sections;       /* CirtCompareSection, of the shared instruments */
  GArray             *questions;      /* CirtCompareQuestion, of the shared instruments, in
                                       * questionnaire order (a removed question after the
                                       * section it was in) */
  GArray             *met;            /* CirtCompareMet, in the old ranking's order */
  guint               counts[CIRT_N_CHANGES];
} CirtComparison;

#define CIRT_TYPE_COMPARISON (cirt_comparison_get_type ())
GType           cirt_comparison_get_type  (void) G_GNUC_CONST;

/* Compares @old_data (the earlier assessment) with @new_data. Refused with
 * CIRT_COMPARE_ERROR_SAME for one assessment twice and _NO_SHARED when
 * they share no instrument. */
CirtComparison *cirt_comparison_new       (CirtAssessmentData  *old_data,
                                           CirtAssessmentData  *new_data,
                                           GError             **error);
/* A follow-up (data loaded with CIRT_LOAD_BASELINE) compared with its
 * baseline; _NO_BASELINE when it is not one, _UNREADABLE when the baseline
 * could not be read. */
CirtComparison *cirt_comparison_new_for_follow_up (CirtAssessmentData  *data,
                                                   GError             **error);
/* Loads and compares assessments @old_id (NULL: @new_id's baseline) and
 * @new_id of @store (full ids; see cirt_store_resolve_id() for prefixes). */
CirtComparison *cirt_comparison_load      (CirtStore   *store,
                                           const char  *old_id,
                                           const char  *new_id,
                                           GError     **error);
CirtComparison *cirt_comparison_ref       (CirtComparison *comparison);
void            cirt_comparison_unref     (CirtComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtComparison, cirt_comparison_unref)

/* The question of @q (the new version's, else the old one's). */
const CirtQuestion *cirt_compare_question_get (const CirtCompareQuestion *q);
/* The section of @s (the new version's, else the old one's). */
const CirtSection  *cirt_compare_section_get  (const CirtCompareSection *s);

/* A change of score in words: the difference of the two scores as they
 * are shown (cut to one decimal, so "41.1 → 55.0" reads "+13.9"), with
 * its sign: "+13.9", "−2.0", "0.0"; "—" without both scores. */
char           *cirt_compare_delta_words  (const CirtLang         *lang,
                                           const CirtCompareValue *value);
/* The same for two 0–100 scores (NAN: none). */
char           *cirt_compare_score_delta_words (const CirtLang *lang,
                                                double          old_score,
                                                double          new_score);
/* The warning that the two are of different countries, in @lang; NULL
 * when they are not. */
char           *cirt_comparison_country_warning (CirtComparison *comparison,
                                                 const CirtLang *lang);
/* The change in words ("Improved", "Still open"…) in @lang. */
const char     *cirt_change_words         (const CirtLang *lang,
                                           CirtChange      change);

/* The object printed by `cirt-assess-cli compare --json` (docs/compare.md);
 * answers, titles and level names in @lang. */
JsonNode       *cirt_comparison_to_json   (CirtComparison *comparison,
                                           const char     *lang);

G_END_DECLS
