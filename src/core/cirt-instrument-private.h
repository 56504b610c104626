/* cirt-instrument-private.h — what the instrument's files share: the object
 * (cirt-instrument.c), its loader (cirt-instrument-loader.c) and the answer
 * values of its questions (cirt-question.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cirt-instrument.h"

G_BEGIN_DECLS

/* The largest instrument file read (a complete six-language instrument is
 * about 2 MB). */
#define CIRT_INSTRUMENT_MAX_BYTES (16 * 1024 * 1024)

struct _CirtInstrument {
  GObject        parent_instance;

  char          *id;
  char          *version;
  char          *sha256;
  char          *json;
  char          *origin;
  CirtText      *title;
  CirtText      *description;
  GStrv          languages;
  gboolean       pillar_used[CIRT_N_PILLARS];
  double         pillar_weight[CIRT_N_PILLARS];
  CirtLevelInfo  levels[CIRT_N_LEVELS];
  GPtrArray     *sections;        /* CirtSection* */
  GHashTable    *questions;       /* id → CirtQuestion* (borrowed) */
  guint          n_questions;
  guint          n_scored;
  GPtrArray     *warnings;        /* char* */
};

void _cirt_option_free   (CirtOption   *option);
void _cirt_question_free (CirtQuestion *question);
void _cirt_section_free  (CirtSection  *section);

G_END_DECLS
