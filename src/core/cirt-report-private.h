/* cirt-report-private.h — what the report's files share: the report being
 * laid out, its type, and the layout engine the chapters are set with
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cirt-report.c           the passes (contents, layout, replay into the
 *                         PDF) and the public entry point
 * cirt-report-layout.c    text, pages, rows that flow, headings, tables
 * cirt-report-chapters.c  cover, contents, executive summary, progress
 *                         since the baseline, pillars, key findings,
 *                         roadmap, methodology, stakeholders, appendix */
#pragma once

#include <pango/pangocairo.h>

#include "cirt-assessment-data.h"
#include "cirt-export.h"
#include "cirt-lang.h"
#include "cirt-style.h"

G_BEGIN_DECLS

/* The families and colours every surface shares (cirt-style.h). */
#define FONT_SANS        CIRT_FONT_SANS
#define FONT_MONO        CIRT_FONT_MONO
#define COLOR_INK        CIRT_COLOR_INK
#define COLOR_NAVY       CIRT_COLOR_NAVY
#define COLOR_NAVY_LIGHT CIRT_COLOR_NAVY_LIGHT
#define COLOR_MUTED      CIRT_COLOR_MUTED
#define COLOR_BAND       CIRT_COLOR_BAND
#define COLOR_ZEBRA      CIRT_COLOR_ZEBRA
#define COLOR_RULE       CIRT_COLOR_RULE
#define COLOR_WARNING    CIRT_COLOR_WARNING
#define COLOR_WARNING_BG CIRT_COLOR_WARNING_BG
#define COLOR_WHITE      CIRT_COLOR_WHITE

/* Type sizes (points). */
#define PT_BODY   9.5
#define PT_SMALL  8.0
#define PT_TABLE  8.5
#define PT_H1     20.0
#define PT_H2     12.5
#define PT_H3     10.5

typedef struct {
  char *number;
  char *title;
  int   page;            /* where it starts (from the previous pass) */
} TocEntry;

/* A page number in the contents, drawn once the pages are known. */
typedef struct {
  int    page;                 /* the contents page it is on */
  double x, y, width, height;  /* the whole entry (the link) */
  double number_x;
  guint  entry;
} TocMark;

typedef struct {
  CirtAssessmentData      *data;
  const CirtExportOptions *opts;
  const char              *lang;     /* code, for instrument texts */
  const CirtLang          *l;
  CirtScore               *score;

  GPtrArray       *pages;            /* cairo_surface_t*, recordings */
  cairo_t         *cr;               /* the page being drawn */
  PangoContext    *pango;
  /* A right-to-left language: every page is laid out left to right and
   * drawn mirrored (cirt-report-layout.c), text and charts unmirrored in
   * their mirrored boxes. */
  gboolean         rtl;

  double page_w, page_h;
  double left, right, top, bottom;   /* the body box */
  double y;
  int    page;
  int    n_pages;                    /* known once laid out */

  GArray *toc;                       /* TocEntry */
  GArray *toc_marks;                 /* TocMark */
  char   *running_title;
  char   *doc_date;
} Report;

/* ------------------------------------------------------------------------ */
/* Text (cirt-report-layout.c)                                              */

enum {
  STYLE_REGULAR = 0,
  STYLE_BOLD = 1 << 0,
  STYLE_ITALIC = 1 << 1,
  STYLE_MONO = 1 << 2,
};

/* Text with per-run size, style and colour, built up piece by piece. */
typedef struct {
  GString       *text;
  PangoAttrList *attrs;
} Rich;

void         _cirt_report_rich_init         (Rich *rt);
void         _cirt_report_rich_clear        (Rich *rt);
void         _cirt_report_rich_append       (Rich       *rt,
                                             const char *text,
                                             double      size,
                                             int         style,
                                             guint32     color);
PangoLayout *_cirt_report_rich_layout       (Report         *r,
                                             Rich           *rt,
                                             double          width,
                                             double          base_size,
                                             PangoAlignment  align);
/* Every size is absolute: device units, which are points on a PDF surface. */
PangoLayout *_cirt_report_text_layout       (Report         *r,
                                             const char     *text,
                                             double          size,
                                             int             style,
                                             guint32         color,
                                             double          width,
                                             PangoAlignment  align);
double       _cirt_report_text_height       (Report     *r,
                                             const char *text,
                                             double      size,
                                             double      width);
/* The right-to-left mirror of the page (nothing in a left-to-right
 * report); a box drawn the right way round at its place (text, charts). */
void         _cirt_report_mirror            (Report *r);
void         _cirt_report_begin_box         (Report *r,
                                             double  x,
                                             double  y,
                                             double  width);
void         _cirt_report_end_box           (Report *r);
void         _cirt_report_set_rgb           (cairo_t *cr,
                                             guint32  color);
double       _cirt_report_layout_height     (PangoLayout *layout);
double       _cirt_report_layout_width      (PangoLayout *layout);
void         _cirt_report_show_layout       (Report      *r,
                                             PangoLayout *layout,
                                             double       x,
                                             double       y);
const char  *_cirt_report_str               (Report     *r,
                                             CirtString  id);

/* ------------------------------------------------------------------------ */
/* Pages (cirt-report-layout.c)                                             */

/* Header and footer: the TLP marking top and bottom of every page (FIRST
 * TLP 2.0 asks for both), the running title and "Page N of M". Drawn on
 * the finished page @page. */
void         _cirt_report_page_furniture    (Report *r,
                                             int     page);
void         _cirt_report_hrule             (Report  *r,
                                             double   x1,
                                             double   x2,
                                             double   y,
                                             double   width,
                                             guint32  color);
void         _cirt_report_new_page          (Report *r);
void         _cirt_report_ensure_space      (Report *r,
                                             double  height);

/* ------------------------------------------------------------------------ */
/* Rows: the one thing that flows (cirt-report-layout.c)                    */

typedef struct {
  PangoLayout *layout;         /* owned; NULL for an empty cell */
  double       width;          /* including padding */
  guint32      fill;
  gboolean     has_fill;
} Cell;

typedef struct Row Row;
typedef void (*RowHeaderFunc) (Report *r, gpointer data);

struct Row {
  double        pad_x, pad_y;
  gboolean      grid;           /* hairlines around the cells */
  gboolean      keep;           /* move the whole row to the next page when it does not fit */
  RowHeaderFunc header;         /* redrawn after a page break (table header) */
  gpointer      header_data;
};

static const Row ROW_PLAIN = { 0, 0, FALSE, FALSE, NULL, NULL };
static const Row ROW_KEEP = { 0, 0, FALSE, TRUE, NULL, NULL };

/* Lays out @cells side by side from r->y, continuing on following pages
 * line by line when they do not fit. Frees the cells' layouts. */
void         _cirt_report_flow_row          (Report     *r,
                                             Cell       *cells,
                                             guint       n,
                                             const Row  *style);
double       _cirt_report_body_width        (Report *r);
void         _cirt_report_paragraph         (Report     *r,
                                             const char *text,
                                             double      size,
                                             int         style,
                                             guint32     color,
                                             double      space_after);
/* A tinted box around a paragraph (notices). */
void         _cirt_report_notice_box        (Report     *r,
                                             const char *text);
void         _cirt_report_bullet            (Report     *r,
                                             const char *text);

/* ------------------------------------------------------------------------ */
/* Headings (cirt-report-layout.c)                                          */

void         _cirt_report_toc_entry_clear   (gpointer p);
void         _cirt_report_chapter           (Report *r,
                                             guint   index);
void         _cirt_report_heading2_keep     (Report     *r,
                                             const char *text,
                                             double      keep_with);
void         _cirt_report_heading2          (Report     *r,
                                             const char *text);
void         _cirt_report_heading3          (Report     *r,
                                             const char *text,
                                             double      keep_with);

/* ------------------------------------------------------------------------ */
/* Tables (cirt-report-layout.c)                                            */

typedef struct {
  guint               n;
  const double       *fractions;   /* of the body width, summing to 1 */
  const char * const *titles;
  const PangoAlignment *align;     /* may be NULL: all left */
} Table;

/* @keep: height the table needs to stay on one page when it is short
 * (0: just the header and a couple of rows). */
void         _cirt_report_table_begin       (Report      *r,
                                             const Table *t,
                                             double       keep);
/* @texts: one per column (NULL = empty); @styles may be NULL. */
void         _cirt_report_table_row         (Report             *r,
                                             const Table        *t,
                                             const char * const *texts,
                                             const int          *styles,
                                             gboolean            zebra);
/* A full-width row under a table row (stakeholder notes). */
void         _cirt_report_table_span_row    (Report      *r,
                                             const Table *t,
                                             const char  *text,
                                             gboolean     zebra);

/* ------------------------------------------------------------------------ */
/* Chapters (cirt-report-chapters.c)                                        */

void         _cirt_report_cover             (Report *r);
void         _cirt_report_contents          (Report *r);
void         _cirt_report_executive_summary (Report *r,
                                             guint   toc_index);
/* Progress since the baseline (a follow-up's report). */
void         _cirt_report_progress          (Report *r,
                                             guint   toc_index);
void         _cirt_report_pillar_chapter    (Report     *r,
                                             guint       toc_index,
                                             CirtPillar  pillar);
void         _cirt_report_findings          (Report *r,
                                             guint   toc_index);
void         _cirt_report_roadmap           (Report *r,
                                             guint   toc_index);
void         _cirt_report_methodology       (Report *r,
                                             guint   toc_index);
void         _cirt_report_stakeholders      (Report *r,
                                             guint   toc_index);
void         _cirt_report_appendix          (Report *r,
                                             guint   toc_index);
void         _cirt_report_interviews        (Report *r,
                                             guint   toc_index);

G_END_DECLS
