/* cirt-review-box.h — the review of one answer, on the question page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_REVIEW_BOX (cirt_review_box_get_type ())
G_DECLARE_FINAL_TYPE (CirtReviewBox, cirt_review_box, CIRT, REVIEW_BOX, GtkWidget)

GtkWidget       *cirt_review_box_new          (void);
/* Shows the review of @question in @session (NULL: nothing). */
void             cirt_review_box_set_question (CirtReviewBox *self,
                                               CirtSession   *session,
                                               const char    *question);
/* What the box shows, for tests. */
CirtReviewState  cirt_review_box_get_state    (CirtReviewBox *self);
const char      *cirt_review_box_get_text     (CirtReviewBox *self);

G_END_DECLS
