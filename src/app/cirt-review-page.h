/* cirt-review-page.h — the lead assessor's review of the answers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CIRT_TYPE_REVIEW_PAGE (cirt_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CirtReviewPage, cirt_review_page, CIRT, REVIEW_PAGE, GtkWidget)

/* Signals: question-activated (const char *question): "open the question". */
GtkWidget  *cirt_review_page_new            (void);
/* For tests: the rows listed, and the question of row @index (NULL past the end). */
guint       cirt_review_page_get_n_rows     (CirtReviewPage *self);
const char *cirt_review_page_get_question   (CirtReviewPage *self,
                                             guint           index);

G_END_DECLS
