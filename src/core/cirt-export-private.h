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
#include "cirt-file.h"
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


/* How every export starts: *@options replaced by the defaults (written to
 * @defaults) when NULL, checked, and the atomic file for @path opened,
 * sealed when the options ask; NULL with @error when any of it fails. */
CirtAtomicFile *cirt_export_open_file  (const CirtExportOptions **options,
                                        CirtExportOptions        *defaults,
                                        const char               *path,
                                        GError                  **error);

/* ------------------------------------------------------------------------ */
/* What the documents (the PDF report and the DOCX) say, in words, so that
 * they say the same thing                                                   */

/* A score on 0–100 ("47.3"), "—" when undefined. */
char       *cirt_export_score_words    (const CirtLang       *lang,
                                        const CirtScoreValue *value);
/* cirt_export_level_words() of a value ("No score" when undefined). */
char       *cirt_export_value_level_words (const CirtLang       *lang,
                                           CirtScore            *score,
                                           const CirtScoreValue *value);
/* A section's level by its own instrument's thresholds: "Level 3 –
 * Established", or "No score". */
char       *cirt_export_section_level_words (const CirtLang         *lang,
                                             const CirtSectionScore *section);

typedef enum {
  CIRT_CHAPTER_SUMMARY,
  CIRT_CHAPTER_PILLAR,
  CIRT_CHAPTER_FINDINGS,
  CIRT_CHAPTER_ROADMAP,
  CIRT_CHAPTER_METHODOLOGY,
  CIRT_CHAPTER_STAKEHOLDERS,
  CIRT_CHAPTER_APPENDIX,
} CirtChapterKind;

typedef struct {
  CirtChapterKind kind;
  CirtPillar      pillar;    /* CIRT_CHAPTER_PILLAR */
  char           *number;    /* "1", "2", …, "A" */
  char           *title;
} CirtChapter;

/* The chapters of a document in order: the executive summary, one per pillar
 * the assessment uses, the key findings of the mission (when it has
 * findings), roadmap, methodology, stakeholders met, appendix (CirtChapter*,
 * freed with the array). */
GPtrArray  *cirt_export_chapters       (const CirtLang     *lang,
                                        CirtAssessmentData *data);

/* A label and its value (borrowed or owned by the array's free function). */
typedef struct {
  const char *label;
  char       *value;
} CirtFact;

/* Who, where and when, for the cover: organisation, mission phase, dates,
 * lead assessor, assessors, instruments, baseline, status, date of the
 * document; the blank ones left out (CirtFact*). */
GPtrArray  *cirt_export_cover_facts    (const CirtLang     *lang,
                                        CirtAssessmentData *data,
                                        const char         *doc_date);
/* The notices under the key figures: no index yet, provisional, the
 * critical cap with its causes (char*). */
GPtrArray  *cirt_export_notices        (const CirtLang *lang,
                                        CirtScore      *score);
/* The key findings: strongest and weakest pillar, largest gap to target or
 * targets met (char*). */
GPtrArray  *cirt_export_key_findings   (const CirtLang *lang,
                                        CirtScore      *score);
/* The questions of @pillar whose answer has notes, in questionnaire order:
 * the assessors' findings (const CirtQuestion*). */
GPtrArray  *cirt_export_pillar_findings (CirtAssessmentData *data,
                                         CirtPillar          pillar);
/* "ID · pillar – section · current answer: …" under a recommendation. */
char       *cirt_export_recommendation_meta (const CirtLang     *lang,
                                             CirtAssessmentData *data,
                                             const CirtQuestion *question);

/* The findings of one kind, for the chapter of the key findings. */
typedef struct {
  CirtFindingKind  kind;
  const char      *title;    /* "Key issues" */
  const char      *intro;    /* what findings of this kind are */
  GPtrArray       *findings; /* const CirtFinding* of @data, in their order */
} CirtFindingGroup;

/* The findings by kind (key issues, quick wins, risks to the project),
 * kinds without any left out (CirtFindingGroup*); empty when the
 * assessment has none. */
GPtrArray  *cirt_export_finding_groups (const CirtLang     *lang,
                                        CirtAssessmentData *data);
/* "Organizational · Design · Questions: MAN-02, MAN-05" under a finding. */
char       *cirt_export_finding_meta   (const CirtLang    *lang,
                                        const CirtFinding *finding);

typedef struct {
  const char *title;         /* the phase or the priority band */
  const char *intro;         /* NULL when none */
  GArray     *ranks;         /* guint: indices into the ranking (may be empty) */
  GPtrArray  *findings;      /* const CirtFinding* of the phase, by kind then order (may be empty) */
} CirtRoadmapGroup;

/* The roadmap: the recommendations grouped by lifecycle phase (or by
 * thirds of the ranking when the instruments give no phase), each phase
 * with the findings placed in it (issues, quick wins, then risks), so
 * that what to do and what stands in the way are read together; groups
 * with neither left out (CirtRoadmapGroup*). Without phases in the
 * instruments (or without recommendations), the findings follow in groups
 * of their phase. *@intro receives the paragraph before them (no
 * recommendations, by phase, or by priority), *@note the one after it
 * when there are findings (NULL without). */
GPtrArray  *cirt_export_roadmap        (const CirtLang      *lang,
                                        CirtAssessmentData  *data,
                                        const char         **intro,
                                        const char         **note);

typedef struct {
  char     *text;
  gboolean  bold;
} CirtNote;

/* The methodology's paragraphs before the tables (char*). */
GPtrArray  *cirt_export_methodology_intro (const CirtLang *lang);
/* Its closing paragraphs: the TLP marking, the redaction, the instruments
 * whose texts are given in English for lack of @lang (each string falls
 * back on its own), the history's chain head or why it does not hold
 * (CirtNote*). The report, the DOCX and the workbook end with them. */
GPtrArray  *cirt_export_methodology_notes (const CirtLang     *lang,
                                           CirtAssessmentData *data,
                                           CirtTlp             tlp);

G_END_DECLS
