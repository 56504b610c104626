/* cirt-statements-box.h — what each stakeholder said about the question
 * shown, kept apart from the assessors' answer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the statements about one question (who said it, in which session,
 * the text), each removable, and adds one: the stakeholder, and in interview
 * mode the session, are recorded with it. Follows the store: a statement
 * added or removed elsewhere (cirt-assess-cli statement) shows at once. */
#pragma once

#include <adwaita.h>

#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_STATEMENTS_BOX (cirt_statements_box_get_type ())
G_DECLARE_FINAL_TYPE (CirtStatementsBox, cirt_statements_box, CIRT, STATEMENTS_BOX, GtkWidget)

GtkWidget *cirt_statements_box_new              (void);
void       cirt_statements_box_set_session      (CirtStatementsBox *self,
                                                 CirtSession       *session);
/* The question whose statements are shown (NULL: none). */
void       cirt_statements_box_set_question     (CirtStatementsBox *self,
                                                 const char        *question);
/* The interview session new statements are said in (its UUID; NULL: none):
 * the form offers its stakeholders only (all when it names none). */
void       cirt_statements_box_set_interview    (CirtStatementsBox *self,
                                                 const char        *interview);
guint      cirt_statements_box_get_n_statements (CirtStatementsBox *self);
/* Whether the keyboard focus is in the form of a new statement (there,
 * Ctrl+Enter records it rather than moving to another question). */
gboolean   cirt_statements_box_has_form_focus   (CirtStatementsBox *self);
/* Opens the form of a new statement, the focus on its stakeholder. */
void       cirt_statements_box_start_adding     (CirtStatementsBox *self);

G_END_DECLS
