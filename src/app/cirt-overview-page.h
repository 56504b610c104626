/* cirt-overview-page.h — the page an assessment opens on: index, level,
 * charts and the highest-priority recommendations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-chart-view.h"
#include "cirt-score.h"
#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_OVERVIEW_PAGE (cirt_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtOverviewPage, cirt_overview_page, CIRT, OVERVIEW_PAGE, GtkWidget)

/* Recommendations shown on the overview. */
#define CIRT_OVERVIEW_N_TOP 10

/* Signals:
 *   question-activated (const char *question_id): the assessor asked to see
 *     a question (a capping critical question, a recommendation, or the
 *     first question of an assessment without answers).
 *   show-recommendations (): the "All Recommendations" button. */

GtkWidget     *cirt_overview_page_new               (void);
/* Shows @session's assessment (NULL: none) and follows it while shown (the
 * session loads it again at most every CIRT_SESSION_RELOAD_MS). The same as
 * the "session" property. */
void           cirt_overview_page_set_session       (CirtOverviewPage *self,
                                                     CirtSession      *session);
/* The score shown, NULL before an assessment is set or when it failed. */
CirtScore     *cirt_overview_page_get_score         (CirtOverviewPage *self);
/* "overview", "empty" (nothing answered that scores) or "error". */
const char    *cirt_overview_page_get_state         (CirtOverviewPage *self);
/* The overall index as shown in large type ("40.3"). */
const char    *cirt_overview_page_get_overall_text  (CirtOverviewPage *self);
/* "Level 2 · Formative" */
const char    *cirt_overview_page_get_level_text    (CirtOverviewPage *self);
/* The cap notice in words, NULL when no critical question caps. */
const char    *cirt_overview_page_get_cap_text      (CirtOverviewPage *self);
/* The provisional notice in words, NULL when the index is not provisional. */
const char    *cirt_overview_page_get_provisional_text (CirtOverviewPage *self);
/* Recommendations listed (at most CIRT_OVERVIEW_N_TOP) and the question of
 * the one at @index. */
guint          cirt_overview_page_get_n_top         (CirtOverviewPage *self);
const char    *cirt_overview_page_get_top_question  (CirtOverviewPage *self,
                                                     guint             index);
CirtChartView *cirt_overview_page_get_chart         (CirtOverviewPage *self,
                                                     CirtChartKind     kind);
/* Times the page was filled from a new load (for tests of the debounce). */
guint          cirt_overview_page_get_n_computes    (CirtOverviewPage *self);

G_END_DECLS
