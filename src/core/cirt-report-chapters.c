/* cirt-report-chapters.c — the report's chapters: cover, contents,
 * executive summary, pillars, roadmap, methodology, stakeholders, appendix
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the report says, set with the layout engine of cirt-report-layout.c:
 * the cover with the TLP marking and who, where and when; the contents
 * (their page numbers drawn once the pages are known); the executive
 * summary with its key figures, notices, the radar and sections charts of
 * cirt-chart, key findings and top recommendations; for a follow-up, its
 * progress since the baseline (cirt_export_progress()); a chapter per pillar
 * with its sections, findings and recommendations; the key findings of the
 * mission by kind; the roadmap by phase or priority, each phase with its
 * findings; the methodology; the stakeholders met; and an appendix of every
 * answer. */
#include "config.h"

#include "cirt-report-private.h"
#include "cirt-chart.h"
#include "cirt-export-private.h"

#include <math.h>

/* ------------------------------------------------------------------------ */
/* Words for numbers */

static char *
score_words (Report               *r,
             const CirtScoreValue *v)
{
  return cirt_export_score_words (r->l, v);
}

static char *
level_words (Report *r,
             const CirtScoreValue *v)
{
  return cirt_export_value_level_words (r->l, r->score, v);
}


/* ------------------------------------------------------------------------ */
/* Cover and contents */

void
_cirt_report_cover (Report *r)
{
  CirtAssessmentInfo *info = r->data->info;
  double w = _cirt_report_body_width (r), band_h, y;
  g_autofree char *kicker_text = g_utf8_strup (_cirt_report_str (r, CIRT_STR_DOC_TITLE), -1);
  g_autoptr(PangoLayout) kicker = NULL, country = NULL, title = NULL, subtitle = NULL;

  _cirt_report_new_page (r);

  /* No letter spacing: it splits the words for text extraction and screen readers. */
  kicker = _cirt_report_text_layout (r, kicker_text, 9.5, STYLE_BOLD, COLOR_NAVY_LIGHT, w, PANGO_ALIGN_LEFT);
  country = _cirt_report_text_layout (r, info->country, 30, STYLE_BOLD, COLOR_WHITE, w, PANGO_ALIGN_LEFT);
  title = _cirt_report_text_layout (r, info->title, 14, STYLE_REGULAR, COLOR_WHITE, w, PANGO_ALIGN_LEFT);
  /* The cover is one page: a country or title of absurd length ends in "…"
   * here (the title is whole in the document's metadata and the workbook). */
  pango_layout_set_ellipsize (country, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (country, -3);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -6);
  subtitle = _cirt_report_text_layout (r, _cirt_report_str (r, CIRT_STR_DOC_SUBTITLE), 9, STYLE_REGULAR,
                                       COLOR_NAVY_LIGHT, w, PANGO_ALIGN_LEFT);

  y = 0.13 * r->page_h;
  band_h = y + _cirt_report_layout_height (kicker) + 10 + _cirt_report_layout_height (country) + 8 +
           _cirt_report_layout_height (title) + 14 + _cirt_report_layout_height (subtitle) + 40;
  band_h = MAX (band_h, 0.38 * r->page_h);
  cairo_rectangle (r->cr, 0, 0, r->page_w, band_h);
  _cirt_report_set_rgb (r->cr, COLOR_NAVY);
  cairo_fill (r->cr);
  cairo_rectangle (r->cr, 0, band_h, r->page_w, 4);
  _cirt_report_set_rgb (r->cr,
                        cirt_tlp_color (r->opts->tlp) == 0xFFFFFF ? COLOR_NAVY_LIGHT : cirt_tlp_color (r->opts->tlp));
  cairo_fill (r->cr);
  _cirt_report_show_layout (r, kicker, r->left, y);
  y += _cirt_report_layout_height (kicker) + 10;
  _cirt_report_show_layout (r, country, r->left, y);
  y += _cirt_report_layout_height (country) + 8;
  _cirt_report_show_layout (r, title, r->left, y);
  y += _cirt_report_layout_height (title) + 14;
  _cirt_report_show_layout (r, subtitle, r->left, y);

  /* The marking, large, with what it means. */
  r->y = band_h + 30;
  {
    g_autoptr(PangoLayout) label = _cirt_report_text_layout (r, cirt_tlp_label (r->opts->tlp), 15, STYLE_BOLD,
                                                             cirt_tlp_color (r->opts->tlp), w * 0.4, PANGO_ALIGN_LEFT);
    double lw = _cirt_report_layout_width (label) + 8;
    Row row = { 12, 9, FALSE, TRUE, NULL, NULL };
    Cell cells[2] = {
      { g_steal_pointer (&label), lw + 24, 0x000000, TRUE },
      { _cirt_report_text_layout (r, cirt_tlp_meaning (r->opts->tlp, r->l), 8.5, STYLE_REGULAR, COLOR_WHITE,
                                  w - lw - 24 - 24, PANGO_ALIGN_LEFT), w - lw - 24, 0x000000, TRUE },
    };
    _cirt_report_flow_row (r, cells, 2, &row);
  }
  r->y += 24;

  /* Who, where, when. */
  {
    g_autoptr(GPtrArray) facts = cirt_export_cover_facts (r->l, r->data, r->doc_date);
    const double label_w = 0.3 * w;
    Row row = { 0, 5, FALSE, FALSE, NULL, NULL };

    _cirt_report_hrule (r, r->left, r->right, r->y, 0.5, COLOR_RULE);
    for (guint i = 0; i < facts->len; i++)
      {
        const CirtFact *f = g_ptr_array_index (facts, i);
        Cell cells[2];
        cells[0] = (Cell) { _cirt_report_text_layout (r, f->label, PT_SMALL, STYLE_BOLD, COLOR_MUTED, label_w - 8,
                                                      PANGO_ALIGN_LEFT),
                            label_w, 0, FALSE };
        cells[1] = (Cell) { _cirt_report_text_layout (r, f->value, 10, STYLE_REGULAR, COLOR_INK, w - label_w,
                                                      PANGO_ALIGN_LEFT), w - label_w, 0, FALSE };
        _cirt_report_flow_row (r, cells, 2, &row);
        _cirt_report_hrule (r, r->left, r->right, r->y, 0.5, COLOR_RULE);
      }
    if (g_strcmp0 (info->status, "completed") != 0)
      {
        r->y += 16;
        _cirt_report_notice_box (r, _cirt_report_str (r, CIRT_STR_DRAFT_NOTICE));
      }
    /* Answers the lead assessor has not accepted: a draft, whatever the status says. */
    {
      g_autofree char *review = cirt_export_review_draft (r->l, r->data);
      if (review != NULL)
        {
          r->y += 10;
          _cirt_report_notice_box (r, review);
        }
    }
  }

  {
    g_autofree char *made = cirt_lang_expand (_cirt_report_str (r, CIRT_STR_PREPARED_WITH), PACKAGE_VERSION,
                                              NULL, NULL, NULL);
    g_autoptr(PangoLayout) l = _cirt_report_text_layout (r, made, 7.5, STYLE_REGULAR, COLOR_MUTED, w, PANGO_ALIGN_LEFT);
    double ly = r->bottom - _cirt_report_layout_height (l);
    if (ly > r->y + 10)
      _cirt_report_show_layout (r, l, r->left, ly);
  }
}

void
_cirt_report_contents (Report *r)
{
  double w = _cirt_report_body_width (r);
  const double num_w = 30, page_w = 40;

  _cirt_report_new_page (r);
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_CONTENTS), PT_H1, STYLE_BOLD, COLOR_NAVY, 6);
  _cirt_report_hrule (r, r->left, r->left + 64, r->y, 2.5, COLOR_NAVY);
  r->y += 22;

  for (guint i = 0; i < r->toc->len; i++)
    {
      TocEntry *e = &g_array_index (r->toc, TocEntry, i);
      g_autoptr(PangoLayout) title = _cirt_report_text_layout (r, e->title, 11, STYLE_REGULAR, COLOR_INK,
                                                               w - num_w - page_w - 20, PANGO_ALIGN_LEFT);
      double y0 = r->y, end_x;
      int page = r->page;
      Row row = { 0, 5, FALSE, TRUE, NULL, NULL };
      PangoRectangle last;
      int n_lines = pango_layout_get_line_count (title);
      TocMark mark;

      /* Where the title's last line ends, for the dot leader. */
      pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (title, n_lines - 1), NULL, &last);
      end_x = r->left + num_w + last.x + last.width;
      {
        /* The page number is drawn once the pages are known (TocMark). */
        Cell cells[3] = {
          { _cirt_report_text_layout (r, e->number, 11, STYLE_BOLD, COLOR_NAVY, num_w, PANGO_ALIGN_LEFT),
            num_w, 0, FALSE },
          { g_steal_pointer (&title), w - num_w - page_w, 0, FALSE },
          { NULL, page_w, 0, FALSE },
        };
        _cirt_report_flow_row (r, cells, 3, &row);
      }
      if (r->page != page)
        y0 = r->top;   /* the entry moved to the next page whole (keep) */
      {
        double dots_y = r->y - 5 - 3.2;
        cairo_save (r->cr);
        _cirt_report_set_rgb (r->cr, COLOR_RULE);
        for (double dx = end_x + 8; dx < r->right - 36; dx += 5)
          {
            cairo_arc (r->cr, dx, dots_y, 0.6, 0, 2 * G_PI);
            cairo_fill (r->cr);
          }
        cairo_restore (r->cr);
      }
      mark = (TocMark) { r->page, r->left, y0, w, r->y - y0, r->left + w - page_w, i };
      g_array_append_val (r->toc_marks, mark);
      r->y += 3;
    }
}

/* ------------------------------------------------------------------------ */
/* Executive summary */

typedef struct {
  const char *label;
  char       *value;
  char       *detail;
} CardItem;

/* A band of key figures. Frees the items' strings. */
static void
score_card (Report   *r,
            CardItem *items,
            guint     n,
            double    value_size)
{
  const double pad = 10;
  Row row = { pad, pad, FALSE, TRUE, NULL, NULL };
  g_autofree Cell *cells = g_new0 (Cell, n);
  double cw = _cirt_report_body_width (r) / n;

  for (guint i = 0; i < n; i++)
    {
      Rich rt;
      _cirt_report_rich_init (&rt);
      _cirt_report_rich_append (&rt, items[i].label, PT_SMALL, STYLE_BOLD, COLOR_MUTED);
      _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
      _cirt_report_rich_append (&rt, items[i].value, value_size, STYLE_BOLD, COLOR_NAVY);
      if (!cirt_text_is_blank (items[i].detail))
        {
          _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
          _cirt_report_rich_append (&rt, items[i].detail, PT_SMALL, STYLE_REGULAR, COLOR_INK);
        }
      cells[i] = (Cell) { _cirt_report_rich_layout (r, &rt, cw - 2 * pad, PT_SMALL, PANGO_ALIGN_LEFT),
                          cw, COLOR_BAND, TRUE };
      _cirt_report_rich_clear (&rt);
      g_free (items[i].value);
      g_free (items[i].detail);
    }
  _cirt_report_flow_row (r, cells, n, &row);
  r->y += 10;
}

static void
draw_chart (Report        *r,
            CirtChartKind  kind,
            double         width,
            double         height)
{
  CirtChartOptions options = { 0 };

  options.lang = r->lang;
  /* The progress chart's rows follow the baseline's pillars too. */
  options.baseline = r->data->baseline;
  options.font_scale = 1.0;
  options.transparent = TRUE;
  height = MIN (height, r->bottom - r->top);
  _cirt_report_ensure_space (r, height);
  _cirt_report_begin_box (r, r->left + (_cirt_report_body_width (r) - width) / 2, r->y, width);
  cairo_rectangle (r->cr, 0, 0, width, height);
  cairo_clip (r->cr);
  cirt_chart_draw (r->cr, kind, r->score, &options, width, height);
  _cirt_report_end_box (r);
  r->y += height + 8;
}

static void
recommendation_item (Report                   *r,
                     guint                     rank,
                     const CirtRecommendation *rec)
{
  const CirtQuestion *q = rec->question;
  g_autofree char *meta = cirt_export_recommendation_meta (r->l, r->data, q);
  g_autofree char *num = g_strdup_printf ("%u", rank);
  const double num_w = 28;
  double w = _cirt_report_body_width (r);
  Rich rt;
  Cell cells[2];

  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, cirt_text_get (q->recommendation, r->lang), PT_BODY, STYLE_REGULAR, COLOR_INK);
  _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
  _cirt_report_rich_append (&rt, meta, 7.5, STYLE_REGULAR, COLOR_MUTED);
  if (q->phase != CIRT_PHASE_NONE)
    {
      _cirt_report_rich_append (&rt, " · ", 7.5, STYLE_REGULAR, COLOR_MUTED);
      _cirt_report_rich_append (&rt, cirt_lang_phase (r->l, q->phase), 7.5, STYLE_BOLD, COLOR_MUTED);
    }
  cells[0] = (Cell) { _cirt_report_text_layout (r, num, PT_BODY, STYLE_BOLD, COLOR_NAVY, num_w - 8, PANGO_ALIGN_RIGHT),
                      num_w, 0, FALSE };
  cells[1] = (Cell) { _cirt_report_rich_layout (r, &rt, w - num_w - 8, PT_BODY, PANGO_ALIGN_LEFT),
                      w - num_w, 0, FALSE };
  _cirt_report_rich_clear (&rt);
  {
    Row row = { 0, 2, FALSE, FALSE, NULL, NULL };
    _cirt_report_flow_row (r, cells, 2, &row);
  }
  r->y += 5;
}

static const double PILLAR_TABLE_FRACTIONS[] = { 0.28, 0.15, 0.21, 0.09, 0.13, 0.14 };
static const PangoAlignment PILLAR_TABLE_ALIGN[] = {
  PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
};

static void
pillar_table (Report *r)
{
  const char *titles[] = {
    _cirt_report_str (r, CIRT_STR_PILLAR), _cirt_report_str (r, CIRT_STR_SCORE), _cirt_report_str (r, CIRT_STR_LEVEL),
    _cirt_report_str (r, CIRT_STR_TARGET_LEVEL),
    _cirt_report_str (r, CIRT_STR_GAP_LEVELS), _cirt_report_str (r, CIRT_STR_COVERAGE),
  };
  Table t = { G_N_ELEMENTS (titles), PILLAR_TABLE_FRACTIONS, titles, PILLAR_TABLE_ALIGN };
  const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
  guint n = 0;

  _cirt_report_table_begin (r, &t, 40 + 30 * CIRT_N_PILLARS);
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (r->score, p);
      g_autofree char *score = NULL, *level = NULL, *target = NULL, *gap = NULL, *cov = NULL;
      if (!ps->used)
        continue;
      score = score_words (r, &ps->value);
      level = level_words (r, &ps->value);
      target = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
      if (!ps->has_gap)
        gap = g_strdup ("—");
      else
        gap = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
      cov = cirt_lang_format_percent (r->l, ps->value.coverage);
      if (ps->value.provisional)
        {
          char *tmp = g_strdup_printf ("%s\n%s", cov, _cirt_report_str (r, CIRT_STR_PROVISIONAL));
          g_free (cov);
          cov = tmp;
        }
      {
        const char *cells[] = { cirt_lang_pillar_title (r->l, p), score, level, target, gap, cov };
        _cirt_report_table_row (r, &t, cells, styles, n++ % 2 == 1);
      }
    }
  r->y += 10;
}

void
_cirt_report_executive_summary (Report *r,
                                guint   toc_index)
{
  const CirtScoreValue *overall = cirt_score_get_overall (r->score);
  guint n_recs = cirt_score_get_n_recommendations (r->score);
  double w = _cirt_report_body_width (r);

  _cirt_report_chapter (r, toc_index);

  /* The index, the level, the coverage. */
  {
    CardItem items[3] = { { 0 } };
    const CirtLevelInfo *li = overall->defined ? cirt_score_get_level_info (r->score, overall->level) : NULL;
    g_autofree char *cov = cirt_lang_format_percent (r->l, overall->coverage);

    items[0].label = _cirt_report_str (r, CIRT_STR_OVERALL_INDEX);
    items[0].value = overall->defined ? cirt_lang_format_score (r->l, overall->score) : g_strdup ("—");
    items[0].detail = overall->defined ? g_strdup ("/ 100") : NULL;
    items[1].label = _cirt_report_str (r, CIRT_STR_OVERALL_LEVEL);
    items[1].value = level_words (r, overall);
    items[1].detail = li && li->description ? g_strdup (cirt_text_get (li->description, r->lang)) : NULL;
    items[2].label = _cirt_report_str (r, CIRT_STR_COVERAGE);
    items[2].value = g_strdup (cov);
    items[2].detail = overall->provisional ? g_strdup (_cirt_report_str (r, CIRT_STR_PROVISIONAL)) : NULL;
    score_card (r, items, 3, 15);
  }

  /* The provisional and critical-cap notices, in words. */
  {
    g_autoptr(GPtrArray) notices = cirt_export_notices (r->l, r->score);
    for (guint i = 0; i < notices->len; i++)
      _cirt_report_notice_box (r, g_ptr_array_index (notices, i));
  }
  r->y += 4;

  /* Radar: current, target, and the previous assessment of a follow-up
   * (the chart carries its own title and legend). Shrunk a little rather
   * than leaving half a page empty. */
  r->y += 6;
  {
    double cw = MIN (w, 440);
    double natural = cirt_chart_natural_height (CIRT_CHART_RADAR, r->score, r->lang, cw);
    double avail = r->bottom - r->y - 8;
    double ch;

    if (natural <= 0)
      natural = cw * 0.75;
    ch = MIN (natural, 340);
    if (avail < ch && avail >= 0.85 * ch)
      ch = avail;
    draw_chart (r, CIRT_CHART_RADAR, w, ch);
  }

  pillar_table (r);

  /* Key findings. */
  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_KEY_FINDINGS));
  {
    g_autoptr(GPtrArray) findings = cirt_export_key_findings (r->l, r->score);
    for (guint i = 0; i < findings->len; i++)
      _cirt_report_bullet (r, g_ptr_array_index (findings, i));
  }

  /* The recommendations that matter most. */
  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_TOP_RECOMMENDATIONS));
  if (n_recs == 0)
    _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_NO_RECOMMENDATIONS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", n_recs);
      g_autofree char *t = cirt_lang_expand (_cirt_report_str (r, CIRT_STR_RECS_COUNT), count, NULL, NULL, NULL);
      _cirt_report_paragraph (r, t, PT_BODY, STYLE_REGULAR, COLOR_MUTED, 6);
      for (guint i = 0; i < MIN (n_recs, 5); i++)
        recommendation_item (r, i + 1, cirt_score_get_recommendation (r->score, i));
    }

  /* Every section at a glance. */
  if (cirt_score_get_n_sections (r->score) > 0)
    {
      double ch = cirt_chart_natural_height (CIRT_CHART_SECTIONS, r->score, r->lang, w);
      if (ch <= 0)
        ch = 24.0 * cirt_score_get_n_sections (r->score) + 60;
      r->y += 12;
      draw_chart (r, CIRT_CHART_SECTIONS, w, ch);
    }
}

/* ------------------------------------------------------------------------ */
/* Progress since the baseline */

/* A question of the progress lists: id and text, the answers then and now,
 * the follow-up's notes. */
static void
progress_item (Report                 *r,
               const CirtProgressItem *item)
{
  Rich rt;

  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, item->question->id, PT_SMALL, STYLE_BOLD, COLOR_NAVY);
  _cirt_report_rich_append (&rt, "  ", PT_SMALL, STYLE_REGULAR, COLOR_INK);
  _cirt_report_rich_append (&rt, item->text, PT_SMALL, STYLE_BOLD, COLOR_INK);
  _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
  _cirt_report_rich_append (&rt, item->line, PT_SMALL, STYLE_ITALIC, COLOR_MUTED);
  _cirt_report_ensure_space (r, 44);
  {
    Cell cell = { _cirt_report_rich_layout (r, &rt, _cirt_report_body_width (r), PT_SMALL, PANGO_ALIGN_LEFT),
                  _cirt_report_body_width (r), 0, FALSE };
    _cirt_report_flow_row (r, &cell, 1, &ROW_KEEP);
  }
  _cirt_report_rich_clear (&rt);
  r->y += 2;
  if (item->notes != NULL)
    _cirt_report_paragraph (r, item->notes, PT_BODY, STYLE_REGULAR, COLOR_INK, 4);
  r->y += 5;
}

static void
progress_items (Report     *r,
                CirtString  heading,
                GPtrArray  *items,
                CirtString  none)
{
  _cirt_report_heading2 (r, _cirt_report_str (r, heading));
  for (guint i = 0; i < items->len; i++)
    progress_item (r, g_ptr_array_index (items, i));
  if (items->len == 0)
    _cirt_report_paragraph (r, _cirt_report_str (r, none), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
}

void
_cirt_report_progress (Report *r,
                       guint   toc_index)
{
  g_autoptr(CirtProgress) p = cirt_export_progress (r->l, r->data);
  double w = _cirt_report_body_width (r);

  _cirt_report_chapter (r, toc_index);
  if (p == NULL)
    return;
  _cirt_report_paragraph (r, p->intro, PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  _cirt_report_paragraph (r, p->summary, PT_BODY, STYLE_BOLD, COLOR_INK, 8);
  for (guint i = 0; i < p->notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (p->notes, i);
      if (n->bold)
        _cirt_report_notice_box (r, n->text);
      else
        _cirt_report_paragraph (r, n->text, PT_BODY, STYLE_REGULAR, COLOR_MUTED, 8);
    }

  /* The pillars now, the baseline's scores as markers. */
  {
    CirtChartOptions options = { 0 };
    double ch;

    options.lang = r->lang;
    options.baseline = p->baseline;
    ch = cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, r->score, &options, w);
    if (ch <= 0)
      ch = 30.0 * (CIRT_N_PILLARS + 1) + 80;
    r->y += 4;
    draw_chart (r, CIRT_CHART_PROGRESS, w, ch);
  }
  if (p->comparison == NULL)
    return;

  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_PROGRESS_QUESTIONS));
  {
    g_autoptr(GString) line = g_string_new (NULL);
    for (guint i = 0; i < p->counts->len; i++)
      {
        const CirtFact *f = g_ptr_array_index (p->counts, i);
        g_string_append_printf (line, "%s%s %s", i ? " · " : "", f->label, f->value);
      }
    _cirt_report_paragraph (r, line->str, PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  }

  if (p->sections->len > 0)
    {
      const char *titles[] = {
        _cirt_report_str (r, CIRT_STR_SECTION), _cirt_report_str (r, CIRT_STR_PILLAR),
        _cirt_report_str (r, CIRT_STR_PROGRESS_THEN), _cirt_report_str (r, CIRT_STR_PROGRESS_NOW),
        _cirt_report_str (r, CIRT_STR_PROGRESS_CHANGE), _cirt_report_str (r, CIRT_STR_PROGRESS_LEVEL_THEN_NOW),
      };
      static const double fractions[] = { 0.3, 0.21, 0.09, 0.09, 0.1, 0.21 };
      static const PangoAlignment align[] = {
        PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_CENTER,
      };
      const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR };
      Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

      _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_PROGRESS_BY_SECTION));
      _cirt_report_table_begin (r, &t, 0);
      for (guint i = 0; i < p->sections->len; i++)
        {
          const CirtProgressRow *row = g_ptr_array_index (p->sections, i);
          const char *cells[] = {
            row->label, cirt_lang_pillar_title (r->l, row->pillar), row->then, row->now, row->change, row->levels,
          };
          _cirt_report_table_row (r, &t, cells, styles, i % 2 == 1);
        }
      r->y += 8;
    }

  progress_items (r, CIRT_STR_PROGRESS_IMPROVED, p->improved, CIRT_STR_PROGRESS_NO_IMPROVED);
  progress_items (r, CIRT_STR_PROGRESS_REGRESSED, p->regressed, CIRT_STR_PROGRESS_NO_REGRESSED);

  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_PROGRESS_MET));
  for (guint i = 0; i < p->met->len; i++)
    {
      const CirtProgressMet *m = g_ptr_array_index (p->met, i);
      Rich rt;
      Cell cell;

      _cirt_report_rich_init (&rt);
      _cirt_report_rich_append (&rt, m->text, PT_BODY, STYLE_REGULAR, COLOR_INK);
      _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
      _cirt_report_rich_append (&rt, m->meta, 7.5, STYLE_REGULAR, COLOR_MUTED);
      cell = (Cell) { _cirt_report_rich_layout (r, &rt, w, PT_BODY, PANGO_ALIGN_LEFT), w, 0, FALSE };
      _cirt_report_rich_clear (&rt);
      _cirt_report_flow_row (r, &cell, 1, &ROW_KEEP);
      r->y += 6;
    }
  if (p->met->len == 0)
    _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_PROGRESS_NO_MET), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
}

/* ------------------------------------------------------------------------ */
/* Pillars */

void
_cirt_report_pillar_chapter (Report     *r,
                             guint       toc_index,
                             CirtPillar  pillar)
{
  const CirtPillarScore *ps = cirt_score_get_pillar (r->score, pillar);
  guint n_sections = cirt_score_get_n_sections (r->score);
  guint n_recs = cirt_score_get_n_recommendations (r->score);
  guint n_findings = 0, n_pillar_recs = 0;

  _cirt_report_chapter (r, toc_index);

  {
    CardItem items[4] = { { 0 } };
    items[0].label = _cirt_report_str (r, CIRT_STR_SCORE);
    items[0].value = score_words (r, &ps->value);
    items[0].detail = ps->value.defined ? g_strdup ("/ 100") : NULL;
    items[1].label = _cirt_report_str (r, CIRT_STR_LEVEL);
    items[1].value = level_words (r, &ps->value);
    items[2].label = _cirt_report_str (r, CIRT_STR_TARGET_LEVEL);
    items[2].value = ps->target > 0 ? g_strdup_printf ("%d", ps->target) : g_strdup ("—");
    if (ps->has_gap)
      {
        g_autofree char *g = ps->gap == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", ps->gap);
        items[2].detail = g_strdup_printf ("%s: %s", _cirt_report_str (r, CIRT_STR_GAP_LEVELS), g);
      }
    items[3].label = _cirt_report_str (r, CIRT_STR_COVERAGE);
    items[3].value = cirt_lang_format_percent (r->l, ps->value.coverage);
    items[3].detail = ps->value.provisional ? g_strdup (_cirt_report_str (r, CIRT_STR_PROVISIONAL)) : NULL;
    score_card (r, items, 4, 12.5);
  }
  if (!ps->value.defined)
    _cirt_report_notice_box (r, _cirt_report_str (r, CIRT_STR_PILLAR_NOT_SCORED));

  /* Sections of the pillar. */
  {
    const char *titles[] = {
      _cirt_report_str (r, CIRT_STR_SECTION), _cirt_report_str (r, CIRT_STR_SCORE),
      _cirt_report_str (r, CIRT_STR_LEVEL), _cirt_report_str (r, CIRT_STR_ANSWERED),
      _cirt_report_str (r, CIRT_STR_COVERAGE),
    };
    static const double fractions[] = { 0.36, 0.15, 0.25, 0.12, 0.12 };
    static const PangoAlignment align[] = {
      PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
    };
    const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, align };
    guint n = 0;

    _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_SECTION_SCORES));
    _cirt_report_table_begin (r, &t, 0);
    for (guint i = 0; i < n_sections; i++)
      {
        const CirtSectionScore *ss = cirt_score_get_section (r->score, i);
        g_autofree char *score = NULL, *level = NULL, *answered = NULL, *a = NULL, *b = NULL, *cov = NULL;
        if (ss->section->pillar != pillar)
          continue;
        score = score_words (r, &ss->value);
        /* Sections take their own instrument's thresholds. */
        level = cirt_export_section_level_words (r->l, ss);
        a = g_strdup_printf ("%u", ss->answered);
        b = g_strdup_printf ("%u", ss->total);
        answered = cirt_lang_expand (_cirt_report_str (r, CIRT_STR_ANSWERED_OF), a, b, NULL, NULL);
        cov = cirt_lang_format_percent (r->l, ss->value.coverage);
        {
          const char *cells[] = { cirt_text_get (ss->section->title, r->lang), score, level, answered, cov };
          _cirt_report_table_row (r, &t, cells, styles, n++ % 2 == 1);
        }
      }
    r->y += 8;
  }

  /* What the assessors wrote down. */
  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_FINDINGS));
  {
    g_autoptr(GPtrArray) findings = cirt_export_pillar_findings (r->data, pillar);
    for (guint i = 0; i < findings->len; i++)
      {
        const CirtQuestion *q = g_ptr_array_index (findings, i);
        const CirtAnswer *a = cirt_assessment_data_answer (r->data, q);
        g_autofree char *words = cirt_export_answer_words (r->l, q, a);
        Rich rt;

        _cirt_report_rich_init (&rt);
        _cirt_report_rich_append (&rt, q->id, PT_SMALL, STYLE_BOLD, COLOR_NAVY);
        _cirt_report_rich_append (&rt, "  ", PT_SMALL, STYLE_REGULAR, COLOR_INK);
        _cirt_report_rich_append (&rt, cirt_text_get (q->text, r->lang), PT_SMALL, STYLE_BOLD, COLOR_INK);
        _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
        _cirt_report_rich_append (&rt, _cirt_report_str (r, CIRT_STR_LABEL_ANSWER), PT_SMALL, STYLE_REGULAR,
                                  COLOR_MUTED);
        _cirt_report_rich_append (&rt, " ", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
        _cirt_report_rich_append (&rt, words, PT_SMALL, STYLE_ITALIC, COLOR_MUTED);
        _cirt_report_ensure_space (r, 50);
        {
          Cell cell = { _cirt_report_rich_layout (r, &rt, _cirt_report_body_width (r), PT_SMALL,
                                                  PANGO_ALIGN_LEFT), _cirt_report_body_width (r), 0, FALSE };
          _cirt_report_flow_row (r, &cell, 1, &ROW_KEEP);
        }
        _cirt_report_rich_clear (&rt);
        r->y += 2;
        _cirt_report_paragraph (r, a->notes, PT_BODY, STYLE_REGULAR, COLOR_INK, 9);
      }
    n_findings = findings->len;
  }
  if (n_findings == 0)
    _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_NO_FINDINGS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);

  _cirt_report_heading2 (r, _cirt_report_str (r, CIRT_STR_PILLAR_RECOMMENDATIONS));
  for (guint i = 0; i < n_recs; i++)
    {
      const CirtRecommendation *rec = cirt_score_get_recommendation (r->score, i);
      if (rec->question->section->pillar != pillar)
        continue;
      recommendation_item (r, i + 1, rec);
      n_pillar_recs++;
    }
  if (n_pillar_recs == 0)
    _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_NO_PILLAR_RECOMMENDATIONS), PT_BODY, STYLE_ITALIC,
                            COLOR_MUTED, 6);
}

/* ------------------------------------------------------------------------ */
/* Roadmap */

/* The recommendations of @ranks (indices into the ranking) as one table:
 * rank, what to do, where it comes from. */
static void
roadmap_table (Report *r,
               GArray *ranks)
{
  const char *titles[] = {
    "#", _cirt_report_str (r, CIRT_STR_RECOMMENDATION), _cirt_report_str (r, CIRT_STR_PILLAR),
    _cirt_report_str (r, CIRT_STR_QUESTION_ID),
  };
  static const double fractions[] = { 0.06, 0.62, 0.18, 0.14 };
  static const PangoAlignment align[] = { PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_BOLD };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

  _cirt_report_table_begin (r, &t, 90);
  for (guint k = 0; k < ranks->len; k++)
    {
      guint i = g_array_index (ranks, guint, k);
      const CirtQuestion *q = cirt_score_get_recommendation (r->score, i)->question;
      g_autofree char *num = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = q->critical ? g_strdup_printf ("%s\n%s", q->id,
                                                           _cirt_report_str (r, CIRT_STR_CRITICAL_MARK))
                                        : g_strdup (q->id);
      const char *cells[] = {
        num, cirt_text_get (q->recommendation, r->lang), cirt_lang_pillar_title (r->l, q->section->pillar), id,
      };
      _cirt_report_table_row (r, &t, cells, styles, k % 2 == 1);
    }
  r->y += 8;
}

/* The findings of a step of the roadmap: kind, title, pillar. */
static void
roadmap_findings_table (Report    *r,
                        GPtrArray *findings)
{
  const char *titles[] = {
    _cirt_report_str (r, CIRT_STR_FINDING_KIND), _cirt_report_str (r, CIRT_STR_FINDING),
    _cirt_report_str (r, CIRT_STR_PILLAR),
  };
  static const double fractions[] = { 0.2, 0.6, 0.2 };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  _cirt_report_heading3 (r, _cirt_report_str (r, CIRT_STR_ROADMAP_FINDINGS), 60);
  _cirt_report_table_begin (r, &t, 60);
  for (guint k = 0; k < findings->len; k++)
    {
      const CirtFinding *f = g_ptr_array_index (findings, k);
      const char *cells[] = {
        cirt_lang_finding_kind (r->l, f->kind), f->title, cirt_lang_pillar_title (r->l, f->pillar),
      };
      _cirt_report_table_row (r, &t, cells, styles, k % 2 == 1);
    }
  r->y += 8;
}

void
_cirt_report_roadmap (Report *r,
                      guint   toc_index)
{
  const char *intro = NULL, *note = NULL;
  g_autoptr(GPtrArray) groups = cirt_export_roadmap (r->l, r->data, &intro, &note);

  _cirt_report_chapter (r, toc_index);
  _cirt_report_paragraph (r, intro, PT_BODY, STYLE_REGULAR, COLOR_INK, groups->len ? 8 : 6);
  if (note != NULL)
    _cirt_report_paragraph (r, note, PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  for (guint i = 0; i < groups->len; i++)
    {
      const CirtRoadmapGroup *g = g_ptr_array_index (groups, i);
      _cirt_report_heading2 (r, g->title);
      if (g->intro)
        _cirt_report_paragraph (r, g->intro, PT_SMALL, STYLE_ITALIC, COLOR_MUTED, 8);
      /* What stands in the way at this step, and what can be won soon,
       * before what to do. */
      if (g->findings->len > 0)
        roadmap_findings_table (r, g->findings);
      if (g->ranks->len > 0 && g->findings->len > 0)
        _cirt_report_heading3 (r, _cirt_report_str (r, CIRT_STR_PILLAR_RECOMMENDATIONS), 90);
      if (g->ranks->len > 0)
        roadmap_table (r, g->ranks);
    }
}

/* ------------------------------------------------------------------------ */
/* Key findings of the mission */

void
_cirt_report_findings (Report *r,
                       guint   toc_index)
{
  g_autoptr(GPtrArray) groups = cirt_export_finding_groups (r->l, r->data);
  double w = _cirt_report_body_width (r);

  _cirt_report_chapter (r, toc_index);
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_FINDINGS_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  for (guint i = 0; i < groups->len; i++)
    {
      const CirtFindingGroup *g = g_ptr_array_index (groups, i);

      _cirt_report_heading2_keep (r, g->title, 80);
      _cirt_report_paragraph (r, g->intro, PT_SMALL, STYLE_ITALIC, COLOR_MUTED, 8);
      for (guint k = 0; k < g->findings->len; k++)
        {
          const CirtFinding *f = g_ptr_array_index (g->findings, k);
          g_autofree char *meta = cirt_export_finding_meta (r->l, f);
          Row row = { 6, 4, FALSE, TRUE, NULL, NULL };
          Rich rt;

          /* The title and where it belongs, kept together on a band. */
          _cirt_report_rich_init (&rt);
          _cirt_report_rich_append (&rt, f->title, PT_BODY, STYLE_BOLD, COLOR_NAVY);
          _cirt_report_rich_append (&rt, "\n", PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
          _cirt_report_rich_append (&rt, meta, PT_SMALL, STYLE_REGULAR, COLOR_MUTED);
          _cirt_report_ensure_space (r, 60);
          {
            Cell cell = { _cirt_report_rich_layout (r, &rt, w - 12, PT_BODY, PANGO_ALIGN_LEFT), w, COLOR_BAND, TRUE };
            _cirt_report_flow_row (r, &cell, 1, &row);
          }
          _cirt_report_rich_clear (&rt);
          r->y += 4;
          if (!cirt_text_is_blank (f->description))
            _cirt_report_paragraph (r, f->description, PT_BODY, STYLE_REGULAR, COLOR_INK, 10);
          else
            r->y += 6;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Methodology, stakeholders */

/* The named levels of @inst: number, name, lower bound, description. */
static void
levels_table (Report         *r,
              CirtInstrument *inst)
{
  const char *titles[] = { _cirt_report_str (r, CIRT_STR_LEVEL), _cirt_report_str (r, CIRT_STR_LEVEL_NAME),
                           _cirt_report_str (r, CIRT_STR_FROM_INDEX), _cirt_report_str (r, CIRT_STR_DESCRIPTION) };
  static const double fractions[] = { 0.1, 0.2, 0.14, 0.56 };
  static const PangoAlignment align[] = { PANGO_ALIGN_CENTER, PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_LEFT };
  const int styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, align };

  _cirt_report_table_begin (r, &t, 0);
  for (int l = 1; l <= CIRT_N_LEVELS; l++)
    {
      const CirtLevelInfo *li = cirt_instrument_get_level_info (inst, l);
      g_autofree char *num = g_strdup_printf ("%d", l);
      g_autofree char *min = NULL;
      if (li == NULL)
        continue;
      min = cirt_lang_format_score (r->l, li->min);
      {
        const char *cells[] = { num, cirt_text_get (li->name, r->lang), min, cirt_text_get (li->description, r->lang) };
        _cirt_report_table_row (r, &t, cells, styles, l % 2 == 0);
      }
    }
  r->y += 8;
}

void
_cirt_report_methodology (Report *r,
                          guint   toc_index)
{
  GPtrArray *instruments = cirt_score_get_instruments (r->score);
  g_autoptr(GPtrArray) intro = cirt_export_methodology_intro (r->l);
  g_autoptr(GPtrArray) notes = cirt_export_methodology_notes (r->l, r->data, r->opts->tlp);

  _cirt_report_chapter (r, toc_index);
  for (guint i = 0; i < intro->len; i++)
    _cirt_report_paragraph (r, g_ptr_array_index (intro, i), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);

  _cirt_report_heading2_keep (r, _cirt_report_str (r, CIRT_STR_LEVELS), 200);
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_METH_LEVELS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  levels_table (r, g_ptr_array_index (instruments, 0));
  /* An instrument with its own scale (GCI-style tiers, SIM3 levels): its
   * sections are named on it, so the report shows it too, under its title. */
  for (guint i = 1; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      if (!cirt_instrument_same_levels (inst, g_ptr_array_index (instruments, 0)))
        {
          _cirt_report_heading2_keep (r, cirt_instrument_get_title (inst, r->lang), 200);
          levels_table (r, inst);
        }
    }

  _cirt_report_heading2_keep (r, _cirt_report_str (r, CIRT_STR_INSTRUMENTS), 150);
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_METH_INSTRUMENTS), PT_BODY, STYLE_REGULAR, COLOR_INK, 6);
  {
    const char *titles[] = { _cirt_report_str (r, CIRT_STR_INSTRUMENT), _cirt_report_str (r, CIRT_STR_VERSION),
                             "SHA-256" };
    static const double fractions[] = { 0.4, 0.12, 0.48 };
    const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_MONO };
    Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

    _cirt_report_table_begin (r, &t, 30 + 40 * instruments->len);
    for (guint i = 0; i < instruments->len; i++)
      {
        CirtInstrument *inst = g_ptr_array_index (instruments, i);
        g_autofree char *name = g_strdup_printf ("%s\n%s", cirt_instrument_get_title (inst, r->lang),
                                                 cirt_instrument_get_id (inst));
        const char *cells[] = { name, cirt_instrument_get_version (inst), cirt_instrument_get_sha256 (inst) };
        _cirt_report_table_row (r, &t, cells, styles, i % 2 == 1);
      }
    r->y += 10;
  }
  for (guint i = 0; i < notes->len; i++)
    {
      const CirtNote *n = g_ptr_array_index (notes, i);
      _cirt_report_paragraph (r, n->text, PT_BODY, n->bold ? STYLE_BOLD : STYLE_REGULAR, COLOR_INK, 8);
    }
}

void
_cirt_report_stakeholders (Report *r,
                           guint   toc_index)
{
  GPtrArray *list = r->data->stakeholders;
  const char *titles[] = { _cirt_report_str (r, CIRT_STR_NAME), _cirt_report_str (r, CIRT_STR_ORGANISATION),
                           _cirt_report_str (r, CIRT_STR_SECTOR), _cirt_report_str (r, CIRT_STR_DATE) };
  static const double fractions[] = { 0.27, 0.37, 0.18, 0.18 };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  _cirt_report_chapter (r, toc_index);
  if (list->len == 0)
    {
      _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_NO_STAKEHOLDERS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
      return;
    }
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_STAKEHOLDERS_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 10);
  _cirt_report_table_begin (r, &t, 0);
  for (guint i = 0; i < list->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (list, i);
      g_autofree char *date = cirt_lang_format_date (r->l, s->met_on);
      const char *cells[] = { s->name, s->organisation, s->sector, date };
      /* Keep a person's row with the notes under it when they are short. */
      if (!cirt_text_is_blank (s->notes))
        {
          double h = _cirt_report_text_height (r, s->notes, PT_TABLE, _cirt_report_body_width (r) - 10) + 40;
          if (h < 0.3 * (r->bottom - r->top))
            _cirt_report_ensure_space (r, h);
        }
      _cirt_report_table_row (r, &t, cells, styles, i % 2 == 1);
      if (!cirt_text_is_blank (s->notes))
        _cirt_report_table_span_row (r, &t, s->notes, i % 2 == 1);
    }
}

void
_cirt_report_interviews (Report *r,
                         guint   toc_index)
{
  g_autoptr(GPtrArray) rows = cirt_export_interview_rows (r->l, r->data);
  const char *titles[] = { _cirt_report_str (r, CIRT_STR_DATE), _cirt_report_str (r, CIRT_STR_SESSION_PLACE),
                           _cirt_report_str (r, CIRT_STR_SESSION_ORGANISATIONS),
                           _cirt_report_str (r, CIRT_STR_SESSION_SECTIONS) };
  static const double fractions[] = { 0.17, 0.20, 0.38, 0.25 };
  const int styles[] = { STYLE_BOLD, STYLE_REGULAR, STYLE_REGULAR, STYLE_REGULAR };
  Table t = { G_N_ELEMENTS (titles), fractions, titles, NULL };

  _cirt_report_chapter (r, toc_index);
  if (rows->len == 0)
    {
      _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_NO_SESSIONS), PT_BODY, STYLE_ITALIC, COLOR_MUTED, 6);
      return;
    }
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_INTERVIEWS_HELD_INTRO), PT_BODY, STYLE_REGULAR,
                          COLOR_INK, 10);
  _cirt_report_table_begin (r, &t, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtInterviewRow *row = g_ptr_array_index (rows, i);
      const char *cells[] = { row->when, row->place, row->met, row->sections };
      _cirt_report_table_row (r, &t, cells, styles, i % 2 == 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Appendix */

static void
labelled (Report     *r,
          const char *label,
          const char *value,
          int         style,
          guint32     color)
{
  const double label_w = 92;
  double w = _cirt_report_body_width (r);
  Row row = { 0, 1.5, FALSE, FALSE, NULL, NULL };
  Cell cells[2] = {
    { _cirt_report_text_layout (r, label, PT_SMALL, STYLE_BOLD, COLOR_MUTED, label_w - 8, PANGO_ALIGN_LEFT),
      label_w, 0, FALSE },
    { _cirt_report_text_layout (r, value, PT_TABLE, style, color, w - label_w, PANGO_ALIGN_LEFT),
      w - label_w, 0, FALSE },
  };
  _cirt_report_flow_row (r, cells, 2, &row);
}

static void
appendix_question (Report             *r,
                   const CirtQuestion *q)
{
  const CirtAnswer *a = cirt_assessment_data_answer (r->data, q);
  g_autofree char *words = cirt_export_answer_words (r->l, q, a);
  double score = cirt_export_answer_score (q, a);
  gboolean answered = a != NULL && (a->value != NULL || a->not_applicable);
  const double id_w = 70;
  double w = _cirt_report_body_width (r);
  Rich rt;

  _cirt_report_ensure_space (r, 56);
  _cirt_report_rich_init (&rt);
  _cirt_report_rich_append (&rt, cirt_text_get (q->text, r->lang), PT_TABLE, STYLE_BOLD, COLOR_INK);
  if (q->critical)
    {
      _cirt_report_rich_append (&rt, "  ", PT_SMALL, STYLE_REGULAR, COLOR_WARNING);
      _cirt_report_rich_append (&rt, _cirt_report_str (r, CIRT_STR_CRITICAL_MARK), PT_SMALL, STYLE_BOLD, COLOR_WARNING);
    }
  {
    Row row = { 4, 3, FALSE, TRUE, NULL, NULL };
    Cell cells[2] = {
      { _cirt_report_text_layout (r, q->id, PT_TABLE, STYLE_BOLD, COLOR_NAVY, id_w - 8, PANGO_ALIGN_LEFT),
        id_w, COLOR_BAND, TRUE },
      { _cirt_report_rich_layout (r, &rt, w - id_w - 8, PT_TABLE, PANGO_ALIGN_LEFT), w - id_w, COLOR_BAND, TRUE },
    };
    _cirt_report_flow_row (r, cells, 2, &row);
  }
  _cirt_report_rich_clear (&rt);
  r->y += 3;

  if (!isnan (score))
    {
      g_autofree char *s = cirt_lang_format_score (r->l, score);
      g_autofree char *t = g_strdup_printf ("%s   (%s %s / 100)", words, _cirt_report_str (r, CIRT_STR_LABEL_SCORE), s);
      labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_ANSWER), t, STYLE_REGULAR, COLOR_INK);
    }
  else
    labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_ANSWER), words, answered ? STYLE_REGULAR : STYLE_ITALIC,
              answered ? COLOR_INK : COLOR_MUTED);
  if (a != NULL)
    {
      if (!cirt_text_is_blank (a->notes))
        labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_NOTES), a->notes, STYLE_REGULAR, COLOR_INK);
      if (!cirt_text_is_blank (a->evidence))
        labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_EVIDENCE), a->evidence, STYLE_REGULAR, COLOR_INK);
      if (!cirt_text_is_blank (a->source))
        labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_SOURCE), a->source, STYLE_REGULAR, COLOR_INK);
    }
  /* The evidence vault's items (a file's name and hash, a web address). */
  {
    g_autofree char *attached = cirt_export_evidence_text (r->l, r->data, q->id);
    if (attached != NULL)
      labelled (r, _cirt_report_str (r, CIRT_STR_LABEL_ATTACHED), attached, STYLE_REGULAR, COLOR_INK);
  }
  if (a != NULL)
    {
      if (!cirt_text_is_blank (a->author) || !cirt_text_is_blank (a->updated_at))
        {
          g_autofree char *date = a->updated_at ? g_strndup (a->updated_at, 10) : NULL;
          g_autofree char *nice = cirt_lang_format_date (r->l, date);
          g_autofree char *t = cirt_lang_expand (_cirt_report_str (r, CIRT_STR_LABEL_BY), a->author ? a->author : "—",
                                                                  nice ? nice : "—", NULL, NULL);
          labelled (r, "", t, STYLE_ITALIC, COLOR_MUTED);
        }
    }
  r->y += 9;
}

void
_cirt_report_appendix (Report *r,
                       guint   toc_index)
{
  GPtrArray *instruments = cirt_score_get_instruments (r->score);

  _cirt_report_chapter (r, toc_index);
  _cirt_report_paragraph (r, _cirt_report_str (r, CIRT_STR_APPENDIX_INTRO), PT_BODY, STYLE_REGULAR, COLOR_INK, 8);
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      g_autofree char *head = g_strdup_printf ("%s (%s %s)", cirt_instrument_get_title (inst, r->lang),
                                               cirt_instrument_get_id (inst), cirt_instrument_get_version (inst));
      _cirt_report_heading2 (r, head);
      for (guint si = 0; si < cirt_instrument_get_n_sections (inst); si++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, si);
          g_autofree char *title = g_strdup_printf ("%s · %s", cirt_text_get (sec->title, r->lang),
                                                    cirt_lang_pillar_title (r->l, sec->pillar));
          _cirt_report_heading3 (r, title, 70);
          for (guint qi = 0; qi < sec->questions->len; qi++)
            appendix_question (r, g_ptr_array_index (sec->questions, qi));
        }
    }
}
