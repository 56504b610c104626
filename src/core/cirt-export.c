/* cirt-export.c — options and the TLP marking shared by the workbook
 * (cirt-export-xlsx.c) and the report (cirt-report.c), and answers in words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-export.h"

#include "cirt-evidence.h"
#include "cirt-export-private.h"
#include "cirt-interviews.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cirt-export-error-quark, cirt_export_error)

/* ------------------------------------------------------------------------ */
/* Options */

void
cirt_export_options_init (CirtExportOptions *options)
{
  g_return_if_fail (options != NULL);
  options->lang = "en";
  options->tlp = CIRT_TLP_AMBER;
  options->paper = CIRT_PAPER_A4;
  options->seal = NULL;
}

static const struct {
  const char *id;
  const char *label;
  guint32     color;
  CirtString  meaning;
} tlp_table[CIRT_N_TLP] = {
  /* Colours: FIRST TLP 2.0, "Label colours" (RGB on a black background). */
  { "clear", "TLP:CLEAR", 0xFFFFFF, CIRT_STR_TLP_CLEAR },
  { "green", "TLP:GREEN", 0x33FF00, CIRT_STR_TLP_GREEN },
  { "amber", "TLP:AMBER", 0xFFC000, CIRT_STR_TLP_AMBER },
  { "amber-strict", "TLP:AMBER+STRICT", 0xFFC000, CIRT_STR_TLP_AMBER_STRICT },
  { "red", "TLP:RED", 0xFF2B2B, CIRT_STR_TLP_RED },
};

gboolean
cirt_tlp_from_string (const char *str,
                      CirtTlp    *out)
{
  g_autofree char *lower = NULL;
  const char *s;

  if (str == NULL)
    return FALSE;
  lower = g_ascii_strdown (str, -1);
  s = g_str_has_prefix (lower, "tlp:") ? lower + 4 : lower;
  if (strcmp (s, "amber+strict") == 0 || strcmp (s, "amber_strict") == 0)
    s = "amber-strict";
  /* TLP 1.0 called CLEAR "WHITE". */
  if (strcmp (s, "white") == 0)
    s = "clear";
  for (guint i = 0; i < CIRT_N_TLP; i++)
    if (strcmp (s, tlp_table[i].id) == 0)
      {
        if (out)
          *out = (CirtTlp) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_tlp_to_string (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return tlp_table[tlp].id;
}

const char *
cirt_tlp_label (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return tlp_table[tlp].label;
}

guint32
cirt_tlp_color (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, 0xFFFFFF);
  return tlp_table[tlp].color;
}

const char *
cirt_tlp_meaning (CirtTlp         tlp,
                  const CirtLang *lang)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return cirt_lang_str (lang, tlp_table[tlp].meaning);
}

static const struct {
  const char *id;
  double      width, height;   /* points */
} paper_table[CIRT_N_PAPERS] = {
  { "a4", 595.2756, 841.8898 },   /* 210 × 297 mm */
  { "letter", 612.0, 792.0 },     /* 8.5 × 11 in */
};

gboolean
cirt_paper_from_string (const char *str,
                        CirtPaper  *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < CIRT_N_PAPERS; i++)
    if (g_ascii_strcasecmp (str, paper_table[i].id) == 0)
      {
        if (out)
          *out = (CirtPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_paper_to_string (CirtPaper paper)
{
  g_return_val_if_fail (paper < CIRT_N_PAPERS, NULL);
  return paper_table[paper].id;
}

void
cirt_paper_get_size (CirtPaper  paper,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (paper < CIRT_N_PAPERS);
  if (width)
    *width = paper_table[paper].width;
  if (height)
    *height = paper_table[paper].height;
}

gboolean
cirt_export_options_check (const CirtExportOptions *options,
                           GError                 **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->lang != NULL && cirt_lang_lookup (options->lang) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) cirt_lang_available ());
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION,
                   /* translators: "exports cannot be written in "xx" (available: en, fr)" */
                   _("exports cannot be written in \"%s\" (available: %s)"), options->lang, list);
      return FALSE;
    }
  if ((guint) options->tlp >= CIRT_N_TLP)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, _("unknown TLP marking %d"), (int) options->tlp);
      return FALSE;
    }
  if ((guint) options->paper >= CIRT_N_PAPERS)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, _("unknown paper size %d"), (int) options->paper);
      return FALSE;
    }
  return TRUE;
}

CirtAtomicFile *
cirt_export_open_file (const CirtExportOptions **options,
                       CirtExportOptions        *defaults,
                       const char               *path,
                       GError                  **error)
{
  if (*options == NULL)
    {
      cirt_export_options_init (defaults);
      *options = defaults;
    }
  if (!cirt_export_options_check (*options, error))
    return NULL;
  return cirt_atomic_file_new_sealed (path, (*options)->seal, error);
}

/* ------------------------------------------------------------------------ */
/* Answers and levels in words */

char *
cirt_export_answer_words (const CirtLang     *lang,
                          const CirtQuestion *question,
                          const CirtAnswer   *answer)
{
  if (answer == NULL || (!answer->not_applicable && answer->value == NULL))
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NOT_ANSWERED));
  if (answer->not_applicable)
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NOT_APPLICABLE));
  return cirt_question_describe_value (question, answer->value, cirt_lang_get_code (lang));
}

double
cirt_export_answer_score (const CirtQuestion *question,
                          const CirtAnswer   *answer)
{
  double s;

  if (answer == NULL || answer->not_applicable || answer->value == NULL || !cirt_kind_is_scored (question->kind))
    return NAN;
  s = cirt_question_score_value (question, answer->value);
  return s < 0 ? NAN : 100.0 * s;
}

char *
cirt_export_level_words (const CirtLang *lang,
                         CirtScore      *score,
                         int             level)
{
  const CirtLevelInfo *info;
  g_autofree char *num = NULL;

  if (level < 1 || level > CIRT_N_LEVELS)
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NO_SCORE));
  num = g_strdup_printf ("%d", level);
  info = cirt_score_get_level_info (score, level);
  if (info == NULL || info->name == NULL)
    return cirt_lang_format (lang, CIRT_STR_LEVEL_N, num, NULL, NULL, NULL);
  return cirt_lang_format (lang, CIRT_STR_LEVEL_N_NAME, num, cirt_text_get (info->name, cirt_lang_get_code (lang)),
                           NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* What the documents say                                                   */

char *
cirt_export_score_words (const CirtLang       *lang,
                         const CirtScoreValue *value)
{
  return value->defined ? cirt_lang_format_score (lang, value->score) : g_strdup ("—");
}

char *
cirt_export_value_level_words (const CirtLang       *lang,
                               CirtScore            *score,
                               const CirtScoreValue *value)
{
  return cirt_export_level_words (lang, score, value->defined ? value->level : 0);
}

char *
cirt_export_section_level_words (const CirtLang         *lang,
                                 const CirtSectionScore *section)
{
  const CirtLevelInfo *li;
  g_autofree char *num = NULL, *head = NULL;

  if (!section->value.defined)
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NO_SCORE));
  li = cirt_instrument_get_level_info (section->instrument, section->value.level);
  num = g_strdup_printf ("%d", section->value.level);
  head = cirt_lang_format (lang, CIRT_STR_LEVEL_N, num, NULL, NULL, NULL);
  return li ? g_strdup_printf ("%s – %s", head, cirt_text_get (li->name, cirt_lang_get_code (lang)))
            : g_steal_pointer (&head);
}

static void
chapter_free (gpointer p)
{
  CirtChapter *c = p;
  g_free (c->number);
  g_free (c->title);
  g_free (c);
}

static void
add_chapter (GPtrArray       *list,
             CirtChapterKind  kind,
             CirtPillar       pillar,
             char            *number,
             const char      *title)
{
  CirtChapter *c = g_new0 (CirtChapter, 1);
  c->kind = kind;
  c->pillar = pillar;
  c->number = number;
  c->title = g_strdup (title);
  g_ptr_array_add (list, c);
}

GPtrArray *
cirt_export_chapters (const CirtLang     *lang,
                      CirtAssessmentData *data)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (chapter_free);
  CirtScore *score = data->score;
  guint n = 1;

  add_chapter (list, CIRT_CHAPTER_SUMMARY, 0, g_strdup_printf ("%u", n++), cirt_lang_str (lang, CIRT_STR_EXEC_SUMMARY));
  if (data->baseline_data != NULL)
    add_chapter (list, CIRT_CHAPTER_PROGRESS, 0, g_strdup_printf ("%u", n++), cirt_lang_str (lang, CIRT_STR_PROGRESS));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (cirt_score_get_pillar (score, p)->used)
      add_chapter (list, CIRT_CHAPTER_PILLAR, p, g_strdup_printf ("%u", n++), cirt_lang_pillar_title (lang, p));
  if (data->findings != NULL && data->findings->len > 0)
    add_chapter (list, CIRT_CHAPTER_FINDINGS, 0, g_strdup_printf ("%u", n++),
                 cirt_lang_str (lang, CIRT_STR_FINDINGS_CHAPTER));
  add_chapter (list, CIRT_CHAPTER_ROADMAP, 0, g_strdup_printf ("%u", n++), cirt_lang_str (lang, CIRT_STR_ROADMAP));
  add_chapter (list, CIRT_CHAPTER_METHODOLOGY, 0, g_strdup_printf ("%u", n++),
               cirt_lang_str (lang, CIRT_STR_METHODOLOGY));
  add_chapter (list, CIRT_CHAPTER_STAKEHOLDERS, 0, g_strdup_printf ("%u", n++),
               cirt_lang_str (lang, CIRT_STR_STAKEHOLDERS_MET));
  add_chapter (list, CIRT_CHAPTER_APPENDIX, 0, g_strdup ("A"), cirt_lang_str (lang, CIRT_STR_APPENDIX));
  if (data->interviews != NULL && data->interviews->len > 0)
    add_chapter (list, CIRT_CHAPTER_INTERVIEWS, 0, g_strdup ("B"), cirt_lang_str (lang, CIRT_STR_INTERVIEWS_HELD));
  return list;
}

static void
interview_row_free (gpointer p)
{
  CirtInterviewRow *row = p;
  g_free (row->when);
  g_free (row->place);
  g_free (row->met);
  g_free (row->sections);
  g_free (row);
}

GPtrArray *
cirt_export_interview_rows (const CirtLang     *lang,
                            CirtAssessmentData *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (interview_row_free);

  for (guint i = 0; data->interviews != NULL && i < data->interviews->len; i++)
    {
      const CirtInterview *s = g_ptr_array_index (data->interviews, i);
      CirtInterviewRow *row = g_new0 (CirtInterviewRow, 1);
      GString *met = g_string_new (NULL), *sections = g_string_new (NULL);
      g_autofree char *date = cirt_lang_format_date (lang, s->date);

      if (s->start_time != NULL && s->end_time != NULL)
        row->when = g_strdup_printf ("%s\n%s–%s", date, s->start_time, s->end_time);
      else if (s->start_time != NULL)
        row->when = g_strdup_printf ("%s\n%s", date, s->start_time);
      else
        row->when = g_strdup (date);
      row->place = g_strdup (s->place);
      for (guint k = 0; s->stakeholders != NULL && s->stakeholders[k] != NULL; k++)
        {
          const CirtStakeholder *p = NULL;

          for (guint j = 0; data->stakeholders != NULL && j < data->stakeholders->len && p == NULL; j++)
            if (g_strcmp0 (((CirtStakeholder *) g_ptr_array_index (data->stakeholders, j))->uuid,
                           s->stakeholders[k]) == 0)
              p = g_ptr_array_index (data->stakeholders, j);
          if (met->len > 0)
            g_string_append_c (met, '\n');
          if (p == NULL)
            g_string_append (met, cirt_lang_str (lang, CIRT_STR_STAKEHOLDER_REMOVED));
          else if (!cirt_text_is_blank (p->organisation))
            g_string_append_printf (met, "%s, %s", p->organisation, p->name);
          else
            g_string_append (met, p->name);
        }
      for (guint k = 0; s->sections != NULL && s->sections[k] != NULL; k++)
        {
          const char *title = s->sections[k];
          for (guint j = 0; j < data->instruments->len; j++)
            {
              CirtInstrument *inst = g_ptr_array_index (data->instruments, j);
              for (guint n = 0; n < cirt_instrument_get_n_sections (inst); n++)
                if (strcmp (cirt_instrument_get_section (inst, n)->id, s->sections[k]) == 0)
                  title = cirt_text_get (cirt_instrument_get_section (inst, n)->title, cirt_lang_get_code (lang));
            }
          if (sections->len > 0)
            g_string_append_c (sections, '\n');
          g_string_append (sections, title);
        }
      row->met = g_string_free (met, FALSE);
      row->sections = g_string_free (sections, FALSE);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
fact_free (gpointer p)
{
  CirtFact *f = p;
  g_free (f->value);
  g_free (f);
}

GPtrArray *
cirt_export_cover_facts (const CirtLang     *lang,
                         CirtAssessmentData *data,
                         const char         *doc_date)
{
  CirtAssessmentInfo *info = data->info;
  const char *code = cirt_lang_get_code (lang);
  GPtrArray *facts = g_ptr_array_new_with_free_func (fact_free);
  GPtrArray *instruments = cirt_score_get_instruments (data->score);
  g_autofree char *period = cirt_lang_format_period (lang, info->started_on, info->ended_on);
  g_autoptr(GString) insts = g_string_new (NULL);
  const char *status = g_strcmp0 (info->status, "completed") == 0 ? cirt_lang_str (lang, CIRT_STR_STATUS_COMPLETED)
                                                                  : cirt_lang_str (lang, CIRT_STR_STATUS_IN_PROGRESS);
  g_autofree char *reviewed = cirt_export_review_share (lang, data);

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_string_append_printf (insts, "%s%s (%s)", i ? "\n" : "", cirt_instrument_get_title (inst, code),
                              cirt_instrument_get_version (inst));
    }
  {
    const struct { CirtString label; const char *value; } meta[] = {
      { CIRT_STR_ORGANISATION, info->organisation },
      { CIRT_STR_MISSION_PHASE, cirt_lang_mission_phase (lang, info->phase) },
      { CIRT_STR_MISSION_DATES, period },
      { CIRT_STR_LEAD_ASSESSOR, info->lead_assessor },
      { CIRT_STR_ASSESSORS, info->assessors },
      { CIRT_STR_INSTRUMENTS, insts->str },
      { CIRT_STR_BASELINE, data->baseline_info ? data->baseline_info->title : NULL },
      { CIRT_STR_STATUS, status },
      { CIRT_STR_ANSWERS_REVIEWED, reviewed },
      { CIRT_STR_DOCUMENT_DATE, doc_date },
    };
    for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
      {
        CirtFact *f;
        if (cirt_text_is_blank (meta[i].value))
          continue;
        f = g_new0 (CirtFact, 1);
        f->label = cirt_lang_str (lang, meta[i].label);
        f->value = g_strdup (meta[i].value);
        g_ptr_array_add (facts, f);
      }
  }
  return facts;
}

GPtrArray *
cirt_export_notices (const CirtLang *lang,
                     CirtScore      *score)
{
  const CirtScoreValue *overall = cirt_score_get_overall (score);
  GPtrArray *capped_by = cirt_score_get_capped_by (score);
  const char *code = cirt_lang_get_code (lang);
  GPtrArray *notices = g_ptr_array_new_with_free_func (g_free);

  if (!overall->defined)
    g_ptr_array_add (notices, g_strdup (cirt_lang_str (lang, CIRT_STR_NOTICE_UNDEFINED)));
  else if (overall->provisional)
    {
      g_autofree char *pct = cirt_lang_format_percent (lang, overall->coverage);
      g_autofree char *eighty = cirt_lang_format_percent (lang, CIRT_SCORE_FIRM_COVERAGE);
      g_ptr_array_add (notices, cirt_lang_format (lang, CIRT_STR_NOTICE_PROVISIONAL, pct, eighty, NULL, NULL));
    }
  if (capped_by->len > 0)
    {
      g_autoptr(GString) causes = g_string_new (NULL);
      const CirtLevelInfo *li = cirt_score_get_level_info (score, 2);
      for (guint i = 0; i < capped_by->len; i++)
        {
          const CirtQuestion *q = g_ptr_array_index (capped_by, i);
          g_string_append_printf (causes, "%s%s (%s)", i ? "; " : "", q->id, cirt_text_get (q->text, code));
        }
      g_ptr_array_add (notices, cirt_lang_format (lang, CIRT_STR_NOTICE_CAP, li ? cirt_text_get (li->name, code) : "2",
                                                  causes->str, NULL, NULL));
    }
  return notices;
}

GPtrArray *
cirt_export_key_findings (const CirtLang *lang,
                          CirtScore      *score)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);
  const CirtPillarScore *best = NULL, *worst = NULL, *gap = NULL;
  gboolean any_target = FALSE;

  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (score, p);
      if (!ps->used)
        continue;
      if (ps->target > 0)
        any_target = TRUE;
      if (ps->value.defined)
        {
          if (best == NULL || ps->value.score > best->value.score)
            best = ps;
          if (worst == NULL || ps->value.score < worst->value.score)
            worst = ps;
        }
      if (ps->has_gap && ps->gap > 0 && (gap == NULL || ps->gap > gap->gap))
        gap = ps;
    }
  if (best != NULL)
    {
      g_autofree char *s = cirt_export_score_words (lang, &best->value);
      g_autofree char *l = cirt_export_value_level_words (lang, score, &best->value);
      g_ptr_array_add (findings, cirt_lang_format (lang, CIRT_STR_STRONGEST, cirt_lang_pillar_title (lang, best->pillar),
                                                   s, l, NULL));
    }
  if (worst != NULL && worst != best)
    {
      g_autofree char *s = cirt_export_score_words (lang, &worst->value);
      g_autofree char *l = cirt_export_value_level_words (lang, score, &worst->value);
      g_ptr_array_add (findings, cirt_lang_format (lang, CIRT_STR_WEAKEST, cirt_lang_pillar_title (lang, worst->pillar),
                                                   s, l, NULL));
    }
  if (gap != NULL)
    {
      g_autofree char *g = g_strdup_printf ("%d", gap->gap), *tl = g_strdup_printf ("%d", gap->target);
      g_ptr_array_add (findings, cirt_lang_format (lang, gap->gap == 1 ? CIRT_STR_LARGEST_GAP_ONE : CIRT_STR_LARGEST_GAP,
                                                   cirt_lang_pillar_title (lang, gap->pillar), g, tl, NULL));
    }
  else if (any_target && best != NULL)
    g_ptr_array_add (findings, g_strdup (cirt_lang_str (lang, CIRT_STR_TARGETS_MET)));
  return findings;
}

char *
cirt_export_recommendation_meta (const CirtLang     *lang,
                                 CirtAssessmentData *data,
                                 const CirtQuestion *q)
{
  const char *code = cirt_lang_get_code (lang);
  g_autofree char *words = cirt_export_answer_words (lang, q, cirt_assessment_data_answer (data, q));
  g_autofree char *where = g_strdup_printf ("%s – %s", cirt_lang_pillar_title (lang, q->section->pillar),
                                            cirt_text_get (q->section->title, code));
  g_autofree char *id = q->critical ? g_strdup_printf ("%s (%s)", q->id, cirt_lang_str (lang, CIRT_STR_CRITICAL_MARK))
                                    : g_strdup (q->id);

  return cirt_lang_format (lang, CIRT_STR_REC_META, id, where, words, NULL);
}

static void
finding_group_free (gpointer p)
{
  CirtFindingGroup *g = p;
  g_ptr_array_unref (g->findings);
  g_free (g);
}

GPtrArray *
cirt_export_finding_groups (const CirtLang     *lang,
                            CirtAssessmentData *data)
{
  static const CirtString intros[CIRT_N_FINDING_KINDS] = {
    CIRT_STR_FINDINGS_ISSUES_INTRO, CIRT_STR_FINDINGS_QUICK_WINS_INTRO, CIRT_STR_FINDINGS_RISKS_INTRO,
  };
  GPtrArray *groups = g_ptr_array_new_with_free_func (finding_group_free);

  for (CirtFindingKind k = 0; k < CIRT_N_FINDING_KINDS; k++)
    {
      CirtFindingGroup *g;
      GPtrArray *of_kind = g_ptr_array_new ();

      for (guint i = 0; data->findings != NULL && i < data->findings->len; i++)
        {
          const CirtFinding *f = g_ptr_array_index (data->findings, i);
          if (f->kind == k)
            g_ptr_array_add (of_kind, (gpointer) f);
        }
      if (of_kind->len == 0)
        {
          g_ptr_array_unref (of_kind);
          continue;
        }
      g = g_new0 (CirtFindingGroup, 1);
      g->kind = k;
      g->title = cirt_lang_finding_group (lang, k);
      g->intro = cirt_lang_str (lang, intros[k]);
      g->findings = of_kind;
      g_ptr_array_add (groups, g);
    }
  return groups;
}

char *
cirt_export_finding_meta (const CirtLang    *lang,
                          const CirtFinding *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s · %s", cirt_lang_pillar_title (lang, f->pillar), cirt_lang_phase (lang, f->phase));
  if (f->questions != NULL && f->questions[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (cirt_lang_str (lang, CIRT_STR_LIST_SEPARATOR), f->questions);
      g_autofree char *label = cirt_lang_format (lang, CIRT_STR_LABEL_QUESTIONS, ids, NULL, NULL, NULL);
      g_string_append_printf (out, " · %s", label);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
roadmap_group_free (gpointer p)
{
  CirtRoadmapGroup *g = p;
  g_array_unref (g->ranks);
  g_ptr_array_unref (g->findings);
  g_free (g);
}

/* Takes @ranks and @findings; a group with neither is dropped. */
static void
add_group (GPtrArray  *groups,
           const char *title,
           const char *intro,
           GArray     *ranks,
           GPtrArray  *findings)
{
  CirtRoadmapGroup *g;

  if (findings == NULL)
    findings = g_ptr_array_new ();
  if (ranks == NULL)
    ranks = g_array_new (FALSE, FALSE, sizeof (guint));
  if (ranks->len == 0 && findings->len == 0)
    {
      g_array_unref (ranks);
      g_ptr_array_unref (findings);
      return;
    }
  g = g_new0 (CirtRoadmapGroup, 1);
  g->title = title;
  g->intro = intro;
  g->ranks = ranks;
  g->findings = findings;
  g_ptr_array_add (groups, g);
}

/* The findings of @phase: key issues, then quick wins, then risks, each
 * kind in the assessors' order. */
static GPtrArray *
phase_findings (CirtAssessmentData *data,
                CirtPhase           phase)
{
  GPtrArray *list = g_ptr_array_new ();

  for (CirtFindingKind k = 0; k < CIRT_N_FINDING_KINDS; k++)
    for (guint i = 0; data->findings != NULL && i < data->findings->len; i++)
      {
        const CirtFinding *f = g_ptr_array_index (data->findings, i);
        if (f->phase == phase && f->kind == k)
          g_ptr_array_add (list, (gpointer) f);
      }
  return list;
}

GPtrArray *
cirt_export_roadmap (const CirtLang      *lang,
                     CirtAssessmentData  *data,
                     const char         **intro,
                     const char         **note)
{
  static const CirtPhase phases[] = { CIRT_PHASE_DESIGN, CIRT_PHASE_ESTABLISHMENT, CIRT_PHASE_ENHANCEMENT };
  static const CirtString intros[] = {
    CIRT_STR_ROADMAP_DESIGN_INTRO, CIRT_STR_ROADMAP_ESTABLISHMENT_INTRO, CIRT_STR_ROADMAP_ENHANCEMENT_INTRO,
  };
  static const CirtString bands[] = { CIRT_STR_PRIORITY_HIGH, CIRT_STR_PRIORITY_MEDIUM, CIRT_STR_PRIORITY_LOW };
  CirtScore *score = data->score;
  GPtrArray *groups = g_ptr_array_new_with_free_func (roadmap_group_free);
  guint n = cirt_score_get_n_recommendations (score);
  GArray *other = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean by_phase;

  for (guint i = 0; i < n; i++)
    if (cirt_score_get_recommendation (score, i)->question->phase == CIRT_PHASE_NONE)
      g_array_append_val (other, i);
  by_phase = n > 0 && other->len < n;
  *note = data->findings != NULL && data->findings->len > 0 ? cirt_lang_str (lang, CIRT_STR_ROADMAP_FINDINGS_NOTE)
                                                            : NULL;

  if (n == 0)
    *intro = cirt_lang_str (lang, CIRT_STR_NO_RECOMMENDATIONS);
  else if (by_phase)
    *intro = cirt_lang_str (lang, CIRT_STR_ROADMAP_INTRO);
  else
    {
      /* No phase anywhere: high / medium / lower priority by thirds of the ranking. */
      *intro = cirt_lang_str (lang, CIRT_STR_ROADMAP_BY_PRIORITY);
      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        {
          GArray *ranks = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint i = 0; i < n; i++)
            if ((3 * i) / n == b)
              g_array_append_val (ranks, i);
          add_group (groups, cirt_lang_str (lang, bands[b]), NULL, ranks, NULL);
        }
    }
  /* The phases: their recommendations (when the instruments give phases)
   * and the findings placed in them. */
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      GArray *ranks = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; by_phase && i < n; i++)
        if (cirt_score_get_recommendation (score, i)->question->phase == phases[p])
          g_array_append_val (ranks, i);
      add_group (groups, cirt_lang_phase (lang, phases[p]), cirt_lang_str (lang, intros[p]), ranks,
                 phase_findings (data, phases[p]));
    }
  if (by_phase)
    add_group (groups, cirt_lang_str (lang, CIRT_STR_ROADMAP_OTHER), NULL, g_steal_pointer (&other), NULL);
  if (other != NULL)
    g_array_unref (other);
  return groups;
}

char *
cirt_export_evidence_text (const CirtLang     *lang,
                           CirtAssessmentData *data,
                           const char         *question)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; data->evidence != NULL && i < data->evidence->len; i++)
    {
      const CirtEvidence *e = g_ptr_array_index (data->evidence, i);
      g_autofree char *line = NULL, *date = NULL;

      if (g_strcmp0 (e->question, question) != 0)
        continue;
      date = e->date ? cirt_lang_format_date (lang, e->date) : NULL;
      if (e->kind == CIRT_EVIDENCE_FILE)
        line = cirt_lang_format (lang, CIRT_STR_EVIDENCE_ITEM_FILE, e->name, e->sha256, NULL, NULL);
      else
        line = date ? cirt_lang_format (lang, CIRT_STR_EVIDENCE_ITEM_URL, e->url, date, NULL, NULL) : g_strdup (e->url);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
      if (e->kind == CIRT_EVIDENCE_FILE && date != NULL)
        g_string_append_printf (out, ", %s", date);
      /* Everything is listed for the assessors; what stays with them is
       * marked (a redacted report has only the shareable items). */
      if (!e->shareable)
        g_string_append_printf (out, " — %s", cirt_lang_str (lang, CIRT_STR_EVIDENCE_NOT_SHAREABLE));
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

GPtrArray *
cirt_export_methodology_intro (const CirtLang *lang)
{
  static const CirtString paras[] = {
    CIRT_STR_METH_INTRO, CIRT_STR_METH_ANSWERS, CIRT_STR_METH_ROLLUP, CIRT_STR_METH_COVERAGE,
    CIRT_STR_METH_CRITICAL, CIRT_STR_METH_TARGETS, CIRT_STR_METH_PRIORITY,
  };
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *eighty = cirt_lang_format_percent (lang, CIRT_SCORE_FIRM_COVERAGE);

  for (guint i = 0; i < G_N_ELEMENTS (paras); i++)
    g_ptr_array_add (list, cirt_lang_format (lang, paras[i], eighty, NULL, NULL, NULL));
  return list;
}

static void
note_free (gpointer p)
{
  CirtNote *n = p;
  g_free (n->text);
  g_free (n);
}

static void
add_note (GPtrArray *notes,
          char      *text,
          gboolean   bold)
{
  CirtNote *n = g_new0 (CirtNote, 1);
  n->text = text;
  n->bold = bold;
  g_ptr_array_add (notes, n);
}

/* The note naming the instruments that lack @lang; NULL when none does. */
static char *
fallback_note (const CirtLang *lang,
               CirtScore      *score)
{
  GPtrArray *instruments = cirt_score_get_instruments (score);
  const char *code = cirt_lang_get_code (lang);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      const char * const *langs = cirt_instrument_get_languages (inst);

      if (langs != NULL && g_strv_contains (langs, code))
        continue;
      if (names->len > 0)
        g_string_append (names, cirt_lang_str (lang, CIRT_STR_LIST_SEPARATOR));
      g_string_append_printf (names, "“%s”", cirt_instrument_get_title (inst, code));
    }
  if (names->len == 0)
    return NULL;
  return cirt_lang_format (lang, CIRT_STR_METH_FALLBACK, names->str, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* The lead assessor's review                                               */

static void
review_counts (CirtAssessmentData *data,
               CirtReviewCounts   *counts)
{
  cirt_review_count (data->answers, data->reviews, counts);
}

char *
cirt_export_review_draft (const CirtLang     *lang,
                          CirtAssessmentData *data)
{
  CirtReviewCounts c;
  g_autofree char *a = NULL, *b = NULL;

  review_counts (data, &c);
  if (c.n_answered == 0 || c.n_accepted == c.n_answered)
    return NULL;
  a = cirt_lang_format_count (lang, c.n_not_reviewed);
  b = cirt_lang_format_count (lang, c.n_needs_work);
  return cirt_lang_format (lang, CIRT_STR_REVIEW_DRAFT_NOTICE, a, b, NULL, NULL);
}

char *
cirt_export_review_share (const CirtLang     *lang,
                          CirtAssessmentData *data)
{
  CirtReviewCounts c;
  g_autofree char *a = NULL, *b = NULL, *pct = NULL;

  review_counts (data, &c);
  if (c.n_answered == 0)
    return NULL;
  a = cirt_lang_format_count (lang, c.n_accepted + c.n_needs_work);
  b = cirt_lang_format_count (lang, c.n_answered);
  pct = cirt_lang_format_percent (lang, cirt_review_counts_share (&c));
  return cirt_lang_format (lang, CIRT_STR_REVIEWED_OF, a, b, pct, NULL);
}

const char *
cirt_export_review_words (const CirtLang     *lang,
                          CirtAssessmentData *data,
                          const CirtAnswer   *answer)
{
  const CirtReview *r;

  if (!cirt_answer_is_answered (answer))
    return "";
  r = data->reviews ? g_hash_table_lookup (data->reviews, answer->question) : NULL;
  switch (cirt_review_effective_state (r, answer))
    {
    case CIRT_REVIEW_ACCEPTED:
      return cirt_lang_str (lang, CIRT_STR_REVIEW_ACCEPTED);
    case CIRT_REVIEW_NEEDS_WORK:
      return cirt_lang_str (lang, CIRT_STR_REVIEW_NEEDS_WORK);
    case CIRT_REVIEW_NOT_REVIEWED:
    case CIRT_N_REVIEW_STATES:
    default:
      return cirt_lang_str (lang, cirt_review_is_outdated (r, answer) ? CIRT_STR_REVIEW_CHANGED
                                                                       : CIRT_STR_REVIEW_NOT_REVIEWED);
    }
}

GPtrArray *
cirt_export_methodology_notes (const CirtLang     *lang,
                               CirtAssessmentData *data,
                               CirtTlp             tlp)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (note_free);
  g_autofree char *marking = g_strdup_printf ("%s — %s", cirt_tlp_label (tlp), cirt_tlp_meaning (tlp, lang));

  add_note (notes, cirt_lang_format (lang, CIRT_STR_METH_TLP, marking, NULL, NULL, NULL), FALSE);
  if (data->redacted)
    add_note (notes, g_strdup (cirt_lang_str (lang, CIRT_STR_METH_REDACTED)), TRUE);
  /* The evidence vault's scoring option, stated when it is on. */
  if (cirt_score_get_evidenced_only (data->score))
    add_note (notes, g_strdup (cirt_lang_str (lang, CIRT_STR_METHOD_EVIDENCED_ONLY)), TRUE);
  {
    char *fallback = fallback_note (lang, data->score);
    if (fallback != NULL)
      add_note (notes, fallback, FALSE);
  }
  /* How much of it the lead assessor reviewed. */
  {
    CirtReviewCounts c;
    review_counts (data, &c);
    if (c.n_answered > 0)
      {
        g_autofree char *a = cirt_lang_format_count (lang, c.n_accepted + c.n_needs_work);
        g_autofree char *b = cirt_lang_format_count (lang, c.n_answered);
        g_autofree char *pct = cirt_lang_format_percent (lang, cirt_review_counts_share (&c));
        g_autofree char *w = cirt_lang_format_count (lang, c.n_needs_work);
        add_note (notes, cirt_lang_format (lang, CIRT_STR_METH_REVIEW, a, b, pct, w), FALSE);
      }
  }
  /* The history's chain: a printed report can be matched to its database. */
  if (data->history_problem != NULL)
    add_note (notes, cirt_lang_format (lang, CIRT_STR_METH_HISTORY_BROKEN, data->history_problem, NULL, NULL, NULL),
              TRUE);
  else if (data->history_head != NULL)
    {
      g_autofree char *n = cirt_lang_format_count (lang, data->n_changes);
      add_note (notes, cirt_lang_format (lang, CIRT_STR_METH_HISTORY, n, data->history_head, NULL, NULL), FALSE);
    }
  return notes;
}

GPtrArray *
cirt_export_pillar_findings (CirtAssessmentData *data,
                             CirtPillar          pillar)
{
  GPtrArray *instruments = cirt_score_get_instruments (data->score);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          if (sec->pillar != pillar)
            continue;
          for (guint qi = 0; qi < sec->questions->len; qi++)
            {
              const CirtQuestion *q = g_ptr_array_index (sec->questions, qi);
              const CirtAnswer *a = cirt_assessment_data_answer (data, q);
              if (a != NULL && !cirt_text_is_blank (a->notes))
                g_ptr_array_add (list, (gpointer) q);
            }
        }
    }
  return list;
}

/* ------------------------------------------------------------------------ */
/* Progress since the baseline                                              */

static void
progress_row_free (gpointer p)
{
  CirtProgressRow *r = p;
  g_free (r->then);
  g_free (r->now);
  g_free (r->change);
  g_free (r->levels);
  g_free (r->level_then);
  g_free (r->level_now);
  g_free (r);
}

static void
progress_item_free (gpointer p)
{
  CirtProgressItem *i = p;
  g_free (i->then);
  g_free (i->now);
  g_free (i->change);
  g_free (i->line);
  g_free (i);
}

static void
progress_met_free (gpointer p)
{
  CirtProgressMet *m = p;
  g_free (m->meta);
  g_free (m);
}

void
cirt_export_progress_free (CirtProgress *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->comparison, cirt_comparison_unref);
  g_clear_object (&p->baseline);
  g_free (p->intro);
  g_free (p->summary);
  g_ptr_array_unref (p->notes);
  g_ptr_array_unref (p->pillars);
  g_ptr_array_unref (p->sections);
  g_ptr_array_unref (p->counts);
  g_ptr_array_unref (p->improved);
  g_ptr_array_unref (p->regressed);
  g_ptr_array_unref (p->changed);
  g_ptr_array_unref (p->met);
  g_free (p);
}

/* "3", or "—" without a level. */
static char *
level_number (gboolean              present,
              const CirtScoreValue *v)
{
  return present && v->defined && v->level > 0 ? g_strdup_printf ("%d", v->level) : g_strdup ("—");
}

/* @old_levels, @new_levels: the scores whose thresholds name the levels
 * (a section's own instrument, else the assessments' first). */
static CirtProgressRow *
progress_row (const CirtLang         *lang,
              const char             *label,
              CirtPillar              pillar,
              const CirtCompareValue *v,
              CirtInstrument         *old_levels,
              CirtInstrument         *new_levels)
{
  CirtProgressRow *r = g_new0 (CirtProgressRow, 1);
  g_autofree char *a = level_number (v->has_old, &v->old_value), *b = level_number (v->has_new, &v->new_value);
  const char *code = cirt_lang_get_code (lang);
  const CirtScoreValue *sides[2] = { &v->old_value, &v->new_value };
  CirtInstrument *levels[2] = { old_levels, new_levels };
  gboolean present[2] = { v->has_old, v->has_new };
  char **words[2] = { &r->level_then, &r->level_now };

  r->label = label;
  r->pillar = pillar;
  r->value = v;
  r->then = v->has_old ? cirt_export_score_words (lang, &v->old_value) : g_strdup ("—");
  r->now = v->has_new ? cirt_export_score_words (lang, &v->new_value) : g_strdup ("—");
  r->change = cirt_compare_delta_words (lang, v);
  r->levels = cirt_lang_format (lang, CIRT_STR_FROM_TO, a, b, NULL, NULL);
  for (guint i = 0; i < 2; i++)
    {
      const CirtLevelInfo *li;
      g_autofree char *num = NULL, *head = NULL;

      if (!present[i] || !sides[i]->defined || sides[i]->level < 1 || levels[i] == NULL)
        {
          *words[i] = g_strdup (cirt_lang_str (lang, CIRT_STR_NO_SCORE));
          continue;
        }
      li = cirt_instrument_get_level_info (levels[i], sides[i]->level);
      num = g_strdup_printf ("%d", sides[i]->level);
      *words[i] = cirt_lang_format (lang, CIRT_STR_LEVEL_N_NAME, num, cirt_text_get (li->name, code), NULL, NULL);
    }
  return r;
}

static CirtProgressItem *
progress_item (const CirtLang            *lang,
               CirtAssessmentData        *data,
               const CirtCompareQuestion *q)
{
  CirtProgressItem *i = g_new0 (CirtProgressItem, 1);
  const CirtQuestion *qu = cirt_compare_question_get (q);
  gboolean scored = !isnan (q->old_score) && !isnan (q->new_score);
  /* The follow-up's own answer, as the data has it (a redacted copy has
   * its notes redacted, its internal notes left out). */
  const CirtAnswer *now = q->new_question ? cirt_assessment_data_answer (data, q->new_question) : NULL;

  i->question = q;
  i->text = cirt_text_get (qu->text, cirt_lang_get_code (lang));
  i->then = q->old_question ? cirt_export_answer_words (lang, q->old_question, q->old_answer) : g_strdup ("—");
  i->now = q->new_question ? cirt_export_answer_words (lang, q->new_question, q->new_answer) : g_strdup ("—");
  i->change = scored ? cirt_compare_score_delta_words (lang, q->old_score, q->new_score) : g_strdup ("");
  i->line = cirt_lang_format (lang, CIRT_STR_PROGRESS_ANSWERS, i->then, i->now,
                              scored ? i->change : cirt_change_words (lang, q->change), NULL);
  i->notes = now != NULL && !cirt_text_is_blank (now->notes) ? now->notes : NULL;
  return i;
}

static void
progress_notes (CirtProgress   *p,
                const CirtLang *lang)
{
  const char *code = cirt_lang_get_code (lang);
  CirtComparison *c = p->comparison;
  g_autofree char *warning = cirt_comparison_country_warning (c, lang);

  if (warning != NULL)
    add_note (p->notes, g_steal_pointer (&warning), TRUE);
  for (guint i = 0; i < c->instruments->len; i++)
    {
      const CirtCompareInstrument *ci = &g_array_index (c->instruments, CirtCompareInstrument, i);
      CirtInstrument *inst = ci->new_instrument ? ci->new_instrument : ci->old_instrument;
      const char *title = cirt_instrument_get_title (inst, code);

      if (ci->old_instrument == NULL)
        add_note (p->notes, cirt_lang_format (lang, CIRT_STR_PROGRESS_ONLY_NOW, title, NULL, NULL, NULL), FALSE);
      else if (ci->new_instrument == NULL)
        add_note (p->notes, cirt_lang_format (lang, CIRT_STR_PROGRESS_ONLY_THEN, title, NULL, NULL, NULL), FALSE);
      else if (strcmp (cirt_instrument_get_version (ci->old_instrument), cirt_instrument_get_version (ci->new_instrument)) != 0)
        add_note (p->notes, cirt_lang_format (lang, CIRT_STR_PROGRESS_VERSION, title,
                                              cirt_instrument_get_version (ci->old_instrument),
                                              cirt_instrument_get_version (ci->new_instrument), NULL), FALSE);
    }
}

CirtProgress *
cirt_export_progress (const CirtLang     *lang,
                      CirtAssessmentData *data)
{
  CirtProgress *p;
  CirtAssessmentData *base;
  CirtInstrument *old_first, *new_first;
  const char *code = cirt_lang_get_code (lang);
  g_autofree char *period = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  if ((base = data->baseline_data) == NULL)
    return NULL;

  p = g_new0 (CirtProgress, 1);
  p->notes = g_ptr_array_new_with_free_func (note_free);
  p->pillars = g_ptr_array_new_with_free_func (progress_row_free);
  p->sections = g_ptr_array_new_with_free_func (progress_row_free);
  p->counts = g_ptr_array_new_with_free_func (fact_free);
  p->improved = g_ptr_array_new_with_free_func (progress_item_free);
  p->regressed = g_ptr_array_new_with_free_func (progress_item_free);
  p->changed = g_ptr_array_new_with_free_func (progress_item_free);
  p->met = g_ptr_array_new_with_free_func (progress_met_free);
  p->baseline = g_object_ref (base->score);
  p->comparison = cirt_comparison_new (base, data, NULL);
  old_first = g_ptr_array_index (base->instruments, 0);
  new_first = g_ptr_array_index (data->instruments, 0);

  period = cirt_lang_format_period (lang, base->info->started_on, base->info->ended_on);
  p->intro = period ? cirt_lang_format (lang, CIRT_STR_PROGRESS_INTRO, base->info->title, period, NULL, NULL)
                    : cirt_lang_format (lang, CIRT_STR_PROGRESS_INTRO_UNDATED, base->info->title, NULL, NULL, NULL);

  if (p->comparison == NULL)
    add_note (p->notes, g_strdup (cirt_lang_str (lang, CIRT_STR_PROGRESS_NOTHING_SHARED)), TRUE);
  else
    progress_notes (p, lang);

  /* The overall index and level, then and now. */
  {
    CirtCompareValue overall;
    g_autofree char *then = NULL, *now = NULL, *delta = NULL, *index = NULL, *level = NULL;
    g_autofree char *level_then = NULL, *level_now = NULL;

    cirt_compare_value_init (&overall, cirt_score_get_overall (base->score), cirt_score_get_overall (data->score));
    then = cirt_export_score_words (lang, &overall.old_value);
    now = cirt_export_score_words (lang, &overall.new_value);
    delta = cirt_compare_delta_words (lang, &overall);
    level_then = cirt_export_value_level_words (lang, base->score, &overall.old_value);
    level_now = cirt_export_value_level_words (lang, data->score, &overall.new_value);
    index = cirt_lang_format (lang, CIRT_STR_PROGRESS_OVERALL, then, now, delta, NULL);
    level = cirt_lang_format (lang, CIRT_STR_PROGRESS_LEVEL, level_then, level_now, NULL, NULL);
    p->summary = g_strdup_printf ("%s %s", index, level);
  }

  /* The pillars (from the comparison, or straight from the two scores when
   * there is none). */
  for (CirtPillar pl = 0; pl < CIRT_N_PILLARS; pl++)
    {
      const CirtCompareValue *v;

      if (p->comparison != NULL)
        v = &p->comparison->pillars[pl].value;
      else
        {
          const CirtPillarScore *op = cirt_score_get_pillar (base->score, pl);
          const CirtPillarScore *np = cirt_score_get_pillar (data->score, pl);
          cirt_compare_value_init (&p->pillar_values[pl], op->used ? &op->value : NULL, np->used ? &np->value : NULL);
          v = &p->pillar_values[pl];
        }
      if (v->has_old || v->has_new)
        g_ptr_array_add (p->pillars, progress_row (lang, cirt_lang_pillar_title (lang, pl), pl, v, old_first, new_first));
    }
  if (p->comparison == NULL)
    return p;
  g_ptr_array_add (p->pillars, progress_row (lang, cirt_lang_str (lang, CIRT_STR_OVERALL_INDEX), CIRT_N_PILLARS,
                                             &p->comparison->overall, old_first, new_first));

  for (CirtPillar pl = 0; pl < CIRT_N_PILLARS; pl++)
    for (guint i = 0; i < p->comparison->sections->len; i++)
      {
        const CirtCompareSection *s = &g_array_index (p->comparison->sections, CirtCompareSection, i);
        const CirtSection *sec = cirt_compare_section_get (s);
        if (sec->pillar != pl)
          continue;
        g_ptr_array_add (p->sections, progress_row (lang, cirt_text_get (sec->title, code), pl, &s->value,
                                                    s->old_score ? s->old_score->instrument : NULL,
                                                    s->new_score ? s->new_score->instrument : NULL));
      }

  for (guint k = 0; k < CIRT_N_CHANGES; k++)
    {
      CirtFact *f = g_new0 (CirtFact, 1);
      f->label = cirt_change_words (lang, k);
      f->value = cirt_lang_format_count (lang, p->comparison->counts[k]);
      g_ptr_array_add (p->counts, f);
    }

  for (guint i = 0; i < p->comparison->questions->len; i++)
    {
      const CirtCompareQuestion *q = &g_array_index (p->comparison->questions, CirtCompareQuestion, i);
      if (q->change == CIRT_CHANGE_IMPROVED)
        g_ptr_array_add (p->improved, progress_item (lang, data, q));
      else if (q->change == CIRT_CHANGE_REGRESSED)
        g_ptr_array_add (p->regressed, progress_item (lang, data, q));
      if (q->change != CIRT_CHANGE_SAME)
        g_ptr_array_add (p->changed, progress_item (lang, data, q));
    }

  for (guint i = 0; i < p->comparison->met->len; i++)
    {
      const CirtCompareMet *m = &g_array_index (p->comparison->met, CirtCompareMet, i);
      CirtProgressMet *pm = g_new0 (CirtProgressMet, 1);
      g_autofree char *rank = cirt_lang_format_count (lang, m->old_rank);
      g_autofree char *now = cirt_export_answer_words (lang, m->new_question,
                                                       cirt_assessment_data_answer (data, m->new_question));

      pm->met = m;
      pm->text = cirt_text_get (m->old_question->recommendation, code);
      pm->meta = cirt_lang_format (lang, CIRT_STR_PROGRESS_MET_META, m->old_question->id, rank, now, NULL);
      g_ptr_array_add (p->met, pm);
    }
  return p;
}

char *
cirt_export_progress_chart_words (const CirtLang *lang,
                                  CirtProgress   *p)
{
  GString *s = g_string_new (cirt_lang_str (lang, CIRT_STR_CHART_TITLE_PROGRESS));

  g_string_append (s, ". ");
  for (guint i = 0; i < p->pillars->len; i++)
    {
      const CirtProgressRow *row = g_ptr_array_index (p->pillars, i);
      g_autofree char *from_to = cirt_lang_format (lang, CIRT_STR_FROM_TO, row->then, row->now, NULL, NULL);
      g_string_append_printf (s, "%s%s: %s (%s)", i ? "; " : "", row->label, from_to, row->change);
    }
  g_string_append_c (s, '.');
  return g_string_free (s, FALSE);
}
