/* cirt-instrument.h — a questionnaire loaded and validated from JSON
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cirt-types.h"

G_BEGIN_DECLS

#define CIRT_INSTRUMENT_ERROR (cirt_instrument_error_quark ())

typedef enum {
  CIRT_INSTRUMENT_ERROR_IO,        /* the file could not be read */
  CIRT_INSTRUMENT_ERROR_PARSE,     /* not JSON */
  CIRT_INSTRUMENT_ERROR_INVALID,   /* JSON, but breaks the format's rules */
  CIRT_INSTRUMENT_ERROR_NOT_FOUND, /* no shipped instrument of that id */
  CIRT_INSTRUMENT_ERROR_VALUE,     /* an answer value that does not fit */
} CirtInstrumentError;

GQuark cirt_instrument_error_quark (void);

typedef struct _CirtSection CirtSection;
typedef struct _CirtQuestion CirtQuestion;

typedef struct {
  char     *id;
  CirtText *text;
  double    score;   /* choice: 0..1 */
  double    weight;  /* checklist: ≥ 0 */
} CirtOption;

typedef struct {
  int       level;   /* 1..5 */
  double    min;     /* lower bound on the 0–100 scale */
  CirtText *name;
  CirtText *description;
} CirtLevelInfo;

struct _CirtQuestion {
  char              *id;
  CirtQuestionKind   kind;
  double             weight;
  gboolean           critical;
  CirtText          *text;
  CirtText          *guidance;
  CirtText          *recommendation;
  CirtText          *unit;
  CirtText          *level_text[CIRT_N_QUESTION_LEVELS]; /* level kind only */
  GPtrArray         *options;                            /* CirtOption*, choice/checklist */
  CirtPhase          phase;
  GStrv              refs;
  GStrv              ask;                                /* stakeholder groups to ask (cirt_stakeholder_groups()) */
  const CirtSection *section;                            /* owner */
  guint              index;                              /* position in its section */
};

struct _CirtSection {
  char       *id;
  CirtPillar  pillar;
  double      weight;
  CirtText   *title;
  CirtText   *intro;
  GPtrArray  *questions;        /* CirtQuestion* */
  gpointer    instrument;       /* CirtInstrument*, the owner (borrowed) */
  guint       index;
};

#define CIRT_TYPE_INSTRUMENT (cirt_instrument_get_type ())
G_DECLARE_FINAL_TYPE (CirtInstrument, cirt_instrument, CIRT, INSTRUMENT, GObject)

/* Loading never half-succeeds: on any problem NULL is returned and @error's
 * message lists every problem, one per line, as "ORIGIN: JSON-PATH: what". */
CirtInstrument      *cirt_instrument_new_from_file      (const char  *path,
                                                         GError     **error);
CirtInstrument      *cirt_instrument_new_from_data      (const char  *data,
                                                         gssize       length,
                                                         const char  *origin,
                                                         GError     **error);

/* Directories searched for shipped and user instruments, in order:
 * $CIRT_INSTRUMENTS_PATH (':'-separated), $XDG_DATA_HOME/cirt-assess/instruments,
 * the installed data dir, the source tree's data/instruments. */
GStrv                cirt_instrument_search_path        (void);
/* Every valid instrument on the search path, the first of each id winning,
 * sorted by id. Broken files are skipped and reported in @problems (may be NULL). */
GPtrArray           *cirt_instrument_list_available     (GPtrArray   *problems);
/* @id_or_file: an instrument id from the search path, or the path of a file. */
CirtInstrument      *cirt_instrument_find               (const char  *id_or_file,
                                                         GError     **error);

const char          *cirt_instrument_get_id             (CirtInstrument *self);
const char          *cirt_instrument_get_version        (CirtInstrument *self);
const char          *cirt_instrument_get_sha256         (CirtInstrument *self);
/* The exact bytes the instrument was loaded from (stored with assessments). */
const char          *cirt_instrument_get_json           (CirtInstrument *self);
const char          *cirt_instrument_get_origin         (CirtInstrument *self);
const char          *cirt_instrument_get_title          (CirtInstrument *self,
                                                         const char     *lang);
const char          *cirt_instrument_get_description    (CirtInstrument *self,
                                                         const char     *lang);
const char * const  *cirt_instrument_get_languages      (CirtInstrument *self);
/* Strings missing in a declared language: "ORIGIN: PATH: no \"fr\" text". */
GPtrArray           *cirt_instrument_get_warnings       (CirtInstrument *self);

gboolean             cirt_instrument_uses_pillar        (CirtInstrument *self,
                                                         CirtPillar      pillar,
                                                         double         *weight);
/* The five named levels, ascending. */
const CirtLevelInfo *cirt_instrument_get_level_info     (CirtInstrument *self,
                                                         int             level);

/* TRUE when @self and @other name and band their results alike (the same
 * five lower bounds and English level names). */
gboolean             cirt_instrument_same_levels        (CirtInstrument *self,
                                                         CirtInstrument *other);
guint                cirt_instrument_get_n_sections     (CirtInstrument *self);
const CirtSection   *cirt_instrument_get_section        (CirtInstrument *self,
                                                         guint           index);
guint                cirt_instrument_get_n_questions    (CirtInstrument *self);
guint                cirt_instrument_get_n_scored       (CirtInstrument *self);
const CirtQuestion  *cirt_instrument_lookup_question    (CirtInstrument *self,
                                                         const char     *question_id);

/* Checks an answer value against the question's kind and returns it in
 * canonical form (checklist ids in instrument order, numbers normalised).
 * The error message names what is accepted. */
char                *cirt_question_parse_value          (const CirtQuestion *question,
                                                         const char         *input,
                                                         GError            **error);
/* Score in [0, 1] of a canonical value, or a negative number when the
 * question is not scored or the value is absent. */
double               cirt_question_score_value          (const CirtQuestion *question,
                                                         const char         *value);
/* The value in words for people (level descriptor, option text, "Yes"). */
char                *cirt_question_describe_value       (const CirtQuestion *question,
                                                         const char         *value,
                                                         const char         *lang);
const CirtOption    *cirt_question_lookup_option        (const CirtQuestion *question,
                                                         const char         *option_id);
CirtInstrument      *cirt_question_get_instrument       (const CirtQuestion *question);

G_END_DECLS
