/* cirt-portfolio.h — many missions' assessments side by side: one row per
 * assessment with its scores, filters, the latest assessment of each
 * country, medians by region, and the anonymised benchmark file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in one pass over the database: each distinct instrument snapshot
 * is parsed once (the store's cache), the answers are read in one query
 * (value and N/A mark only), and each assessment is scored by CirtScore
 * from them, so every number is the one the assessment's own overview,
 * workbook and report show. Once built, a portfolio never changes and
 * never touches the store again. See docs/design-notes.md, "Portfolio". */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cirt-countries.h"
#include "cirt-score.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* A section's score in one assessment. */
typedef struct {
  const CirtSection *section;      /* borrowed from the portfolio's instruments */
  const char        *instrument;   /* instrument id */
  double             score;        /* 0–100, NAN when undefined */
} CirtPortfolioSection;

typedef struct {
  char            *id;
  char            *title;
  char            *country;
  char            *country_code;   /* or NULL */
  char            *region;         /* region id, or NULL */
  char            *phase;          /* assessment | design | establishment | enhancement */
  char            *status;
  char            *date;           /* the mission's start date, else the day it was created (YYYY-MM-DD) */
  char            *created_at;
  GStrv            instruments;    /* instrument ids, in order */
  CirtInstrument  *first;          /* the first instrument: level thresholds and names */
  CirtScoreValue   overall;        /* after the critical cap */
  double           pillars[CIRT_N_PILLARS];   /* 0–100, NAN when undefined or not assessed */
  GArray          *sections;       /* CirtPortfolioSection, in instrument order */
} CirtPortfolioRow;

typedef struct _CirtPortfolio CirtPortfolio;

#define CIRT_TYPE_PORTFOLIO (cirt_portfolio_get_type ())
GType                   cirt_portfolio_get_type   (void) G_GNUC_CONST;

/* Every assessment of @store, scored. Fails only on a database error or a
 * stored instrument that cannot be read. */
CirtPortfolio          *cirt_portfolio_build      (CirtStore     *store,
                                                   GError       **error);
CirtPortfolio          *cirt_portfolio_ref        (CirtPortfolio *self);
void                    cirt_portfolio_unref      (CirtPortfolio *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtPortfolio, cirt_portfolio_unref)

/* Newest first (by date, then creation), then by country and id. */
guint                   cirt_portfolio_get_n_rows (CirtPortfolio *self);
const CirtPortfolioRow *cirt_portfolio_get_row    (CirtPortfolio *self,
                                                   guint          index);
const CirtPortfolioRow *cirt_portfolio_lookup     (CirtPortfolio *self,
                                                   const char    *id);

/* The country a row counts for: its ISO code, else its country's name
 * case-folded (a country not in the list). Newly allocated. */
char                   *cirt_portfolio_row_country_key (const CirtPortfolioRow *row);

typedef struct {
  const char *region;   /* a region id; NULL: every row; CIRT_PORTFOLIO_NO_REGION: rows without one */
  const char *phase;    /* NULL: every phase */
  gboolean    latest;   /* of the rows that pass, only the latest of each country */
} CirtPortfolioFilter;

#define CIRT_PORTFOLIO_NO_REGION ""

/* The rows that pass @filter (NULL: all), in portfolio order
 * (const CirtPortfolioRow*, owned by @self). "Latest" is the row with the
 * latest date, then the latest creation, of each country among those that
 * pass the region and phase. */
GPtrArray              *cirt_portfolio_select     (CirtPortfolio            *self,
                                                   const CirtPortfolioFilter *filter);

/* Median, minimum and maximum of a set of scores. The median of an odd
 * number of values is the middle one; of an even number, the mean of the
 * two middle ones; of none, NAN (and count 0). */
typedef struct {
  guint  count;
  double median;
  double min;
  double max;
} CirtPortfolioStat;

/* Of @n values (NANs are left out); @values is reordered. */
void                    cirt_portfolio_stat_values (double            *values,
                                                    guint              n,
                                                    CirtPortfolioStat *stat);
/* Of @rows (const CirtPortfolioRow*) in @region (NULL: all of them): the
 * overall index (@pillar CIRT_N_PILLARS) or a pillar, over the rows that
 * have a score there. */
void                    cirt_portfolio_stat       (GPtrArray         *rows,
                                                   const char        *region,
                                                   guint              pillar,
                                                   CirtPortfolioStat *stat);

/* The anonymised benchmark: for each (region, phase), the median, minimum,
 * maximum and count of the overall index, of each pillar and of each
 * section (instrument id and section id), over one assessment per country
 * (its latest in that phase). No country, organisation, person, title,
 * date, note or evidence is written. A cell with fewer than @min_group
 * distinct countries is not written, nor, in a cell that is, a figure that
 * fewer than @min_group countries have. */
typedef enum {
  CIRT_BENCHMARK_JSON,
  CIRT_BENCHMARK_CSV,
} CirtBenchmarkFormat;

/* What was left out: a whole cell (@what NULL), or a figure in a written
 * cell ("overall", a pillar id, "INSTRUMENT/SECTION"), with the number of
 * countries it had. Rows without a region are one omission with @region
 * NULL and @n_countries their number of countries. */
typedef struct {
  char  *region;
  char  *phase;
  char  *what;
  guint  n_countries;
} CirtBenchmarkOmission;

void                    cirt_benchmark_omission_free (CirtBenchmarkOmission *omission);

/* Writes the benchmark of the rows that pass @filter (its @latest is
 * implied) to @path atomically (cirt-file.h). @min_group must be at least
 * 1. @omitted (may be NULL) receives CirtBenchmarkOmission*; *@n_cells
 * (may be NULL) the number of cells written. A file with no cell is still
 * written (the command says why). */
gboolean                cirt_portfolio_write_benchmark (CirtPortfolio             *self,
                                                        const CirtPortfolioFilter *filter,
                                                        guint                      min_group,
                                                        CirtBenchmarkFormat        format,
                                                        const char                *path,
                                                        GPtrArray                 *omitted,
                                                        guint                     *n_cells,
                                                        GError                   **error);

/* The portfolio's rows as JSON (the output of `cirt-assess-cli portfolio
 * --json`): an object with "assessments" (one per row, its scores) and
 * "regional_medians" (per region present: count and median per pillar and
 * overall). */
JsonNode               *cirt_portfolio_to_json    (GPtrArray  *rows);

G_END_DECLS
