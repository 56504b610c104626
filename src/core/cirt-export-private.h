/* cirt-export-private.h — what the workbook, the report and the CLI share
 * to put an answer or a level in words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixed strings come from the language layer (cirt-lang.h), instrument
 * texts from the instrument through cirt_text_get(), the data from
 * cirt-assessment-data.h. */
#pragma once

#include "cirt-assessment-data.h"
#include "cirt-compare.h"
#include "cirt-export.h"
#include "cirt-file.h"
#include "cirt-lang.h"

G_BEGIN_DECLS

/* An answer in words for people: the value described in @lang, or "Not
 * answered" / "Not applicable". */
/* The evidence vault's items of @question, one a line: a file's name and
 * SHA-256 (and date), a web page's address and the day it was seen, the
 * items that are not shareable marked; NULL when there is none. */
char       *cirt_export_evidence_text  (const CirtLang     *lang,
                                        CirtAssessmentData *data,
                                        const char         *question);
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
  CIRT_CHAPTER_PROGRESS,
  CIRT_CHAPTER_PILLAR,
  CIRT_CHAPTER_FINDINGS,
  CIRT_CHAPTER_ROADMAP,
  CIRT_CHAPTER_METHODOLOGY,
  CIRT_CHAPTER_STAKEHOLDERS,
  CIRT_CHAPTER_APPENDIX,
  CIRT_CHAPTER_INTERVIEWS,
} CirtChapterKind;

typedef struct {
  CirtChapterKind kind;
  CirtPillar      pillar;    /* CIRT_CHAPTER_PILLAR */
  char           *number;    /* "1", "2", …, "A" */
  char           *title;
} CirtChapter;

/* The chapters of a document in order: the executive summary, the progress
 * since the baseline (a follow-up whose baseline is loaded), one per pillar
 * the assessment uses, the key findings of the mission (when it has
 * findings), roadmap, methodology, stakeholders met, appendix, and the
 * interviews held (appendix B, when sessions were recorded) (CirtChapter*,
 * freed with the array). */
GPtrArray  *cirt_export_chapters       (const CirtLang     *lang,
                                        CirtAssessmentData *data);

/* One interview session as the appendix of interviews held shows it: its
 * date and times, place, the people and organisations met (their roles in
 * a redacted copy, which names roles), the sections planned. */
typedef struct {
  char *when;
  char *place;
  char *met;
  char *sections;
} CirtInterviewRow;

/* CirtInterviewRow* of @data's sessions, by date. */
GPtrArray  *cirt_export_interview_rows (const CirtLang     *lang,
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

/* The lead assessor's review: the cover's notice when some answered
 * question is not accepted ("Draft: … N not reviewed, M needing work"),
 * NULL when every answer is accepted (or none is answered); the share
 * reviewed as "12 of 40 (30 %)", NULL with nothing answered; the words of
 * one answer's review state. */
char       *cirt_export_review_draft     (const CirtLang     *lang,
                                          CirtAssessmentData *data);
char       *cirt_export_review_share     (const CirtLang     *lang,
                                          CirtAssessmentData *data);
const char *cirt_export_review_words     (const CirtLang     *lang,
                                          CirtAssessmentData *data,
                                          const CirtAnswer   *answer);

/* The methodology's paragraphs before the tables (char*). */
GPtrArray  *cirt_export_methodology_intro (const CirtLang *lang);
/* Its closing paragraphs: the TLP marking, the redaction, the instruments
 * whose texts are given in English for lack of @lang (each string falls
 * back on its own), the history's chain head or why it does not hold
 * (CirtNote*). The report, the DOCX and the workbook end with them. */
GPtrArray  *cirt_export_methodology_notes (const CirtLang     *lang,
                                           CirtAssessmentData *data,
                                           CirtTlp             tlp);

/* ------------------------------------------------------------------------ */
/* Progress since the baseline: the chapter of a follow-up's documents and
 * the workbook's Progress sheet                                            */

/* A pillar's or a section's scores then and now, in words. */
typedef struct {
  const char             *label;       /* the pillar's or the section's title, "Overall" */
  CirtPillar              pillar;      /* CIRT_N_PILLARS for the overall row */
  const CirtCompareValue *value;
  char                   *then;        /* "20.0", "—" */
  char                   *now;
  char                   *change;      /* "+63.3", "−12.5", "—" */
  char                   *levels;      /* "2 → 5", "— → 3" */
  char                   *level_then;  /* "Level 2 – Formative", "No score" */
  char                   *level_now;
} CirtProgressRow;

/* A question whose answer changed, in words. */
typedef struct {
  const CirtCompareQuestion *question;
  const char                *text;     /* the question in the document's language */
  char                      *then;     /* the answers in words ("—": not in that version) */
  char                      *now;
  char                      *change;   /* "+50.0", "" without two scores */
  char                      *line;     /* "Then: … · Now: … (+50.0)" */
  const char                *notes;    /* the follow-up's notes (as the data has them:
                                        * redacted in a redacted copy), or NULL */
} CirtProgressItem;

typedef struct {
  const CirtCompareMet *met;
  const char           *text;          /* the recommendation */
  char                 *meta;          /* "C-LAW-2 · rank 2 in the earlier assessment · now: Yes" */
} CirtProgressMet;

typedef struct {
  /* NULL when the baseline shares no instrument with the follow-up: then
   * only the intro, the notes and the pillars are given. */
  CirtComparison *comparison;
  CirtScore      *baseline;      /* the baseline's score (the chart draws it) */
  char           *intro;
  char           *summary;       /* the overall index and level then and now */
  GPtrArray      *notes;         /* CirtNote*: another country (bold), instrument versions */
  GPtrArray      *pillars;       /* CirtProgressRow*: the pillars either uses, then overall */
  GPtrArray      *sections;      /* CirtProgressRow*, by pillar */
  GPtrArray      *counts;        /* CirtFact*: each kind of change and its count */
  GPtrArray      *improved;      /* CirtProgressItem* */
  GPtrArray      *regressed;     /* CirtProgressItem* */
  GPtrArray      *changed;       /* CirtProgressItem*: every question but the unchanged ones */
  GPtrArray      *met;           /* CirtProgressMet* */
  /* private: the pillars' values when there is no comparison */
  CirtCompareValue pillar_values[CIRT_N_PILLARS];
} CirtProgress;

/* What a follow-up's documents say of its progress; NULL when @data is not
 * a follow-up or its baseline was not loaded (CIRT_LOAD_BASELINE). */
CirtProgress *cirt_export_progress      (const CirtLang     *lang,
                                         CirtAssessmentData *data);
void          cirt_export_progress_free (CirtProgress *progress);
/* The progress chart in words, for its alt text: "Progress since the
 * earlier assessment. Legal: 20.0 → 83.3 (+63.3); …". */
char         *cirt_export_progress_chart_words (const CirtLang *lang,
                                                CirtProgress   *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtProgress, cirt_export_progress_free)

G_END_DECLS
