/* cirt-assessment-row.h — one assessment in the sidebar list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The title (two lines at most), the country and organisation line, a thin
 * progress bar and the "n / m" text, drawn by one widget: a list of a
 * thousand assessments keeps some two hundred rows alive, and one widget
 * each instead of eight is most of what starting with such a list costs.
 * Screen readers get the same words as the row's accessible label. */
#define CIRT_TYPE_ASSESSMENT_ROW (cirt_assessment_row_get_type ())
G_DECLARE_FINAL_TYPE (CirtAssessmentRow, cirt_assessment_row, CIRT, ASSESSMENT_ROW, GtkWidget)

GtkWidget  *cirt_assessment_row_new               (void);
const char *cirt_assessment_row_get_title         (CirtAssessmentRow *self);
const char *cirt_assessment_row_get_subtitle      (CirtAssessmentRow *self);
const char *cirt_assessment_row_get_progress_text (CirtAssessmentRow *self);
double      cirt_assessment_row_get_fraction      (CirtAssessmentRow *self);

G_END_DECLS
