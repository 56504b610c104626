/* cirt-export-private.h — what the workbook, the report and the CLI share
 * to put an answer or a level in words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixed strings come from the language layer (cirt-lang.h), instrument
 * texts from the instrument through cirt_text_get(), the data from
 * cirt-assessment-data.h. */
#pragma once

#include "cirt-assessment-data.h"
#include "cirt-export.h"
#include "cirt-lang.h"

G_BEGIN_DECLS

/* An answer in words for people: the value described in @lang, or "Not
 * answered" / "Not applicable". */
char       *cirt_export_answer_words   (const CirtLang     *lang,
                                        const CirtQuestion *question,
                                        const CirtAnswer   *answer);
/* Its score on 0–100, or NAN when it has none (unanswered, N/A, unscored). */
double      cirt_export_answer_score   (const CirtQuestion *question,
                                        const CirtAnswer   *answer);
/* "Level 3 – Established", or "No score". */
char       *cirt_export_level_words    (const CirtLang *lang,
                                        CirtScore      *score,
                                        int             level);

/* The methodology's note that the texts of the instruments lacking @lang
 * are given in English (cirt_text_get() falls back per string), naming
 * them; NULL when every instrument has @lang. */
char       *cirt_export_fallback_note  (const CirtLang *lang,
                                        CirtScore      *score);

G_END_DECLS
