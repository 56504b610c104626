/* cirt-evidence-box.h — the evidence attached to one answer, on the question
 * page: the list (name, type, size, date, a "shareable" switch, open,
 * remove with undo), a file chooser, drag and drop, a web address
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-session.h"

G_BEGIN_DECLS

#define CIRT_TYPE_EVIDENCE_BOX (cirt_evidence_box_get_type ())
G_DECLARE_FINAL_TYPE (CirtEvidenceBox, cirt_evidence_box, CIRT, EVIDENCE_BOX, GtkWidget)

GtkWidget *cirt_evidence_box_new          (void);
/* The session written to and the question shown (NULL: none). */
void       cirt_evidence_box_set_session  (CirtEvidenceBox  *self,
                                           CirtSession      *session);
void       cirt_evidence_box_set_question (CirtEvidenceBox  *self,
                                           const char       *question);
/* What the file chooser and a drop do with each file: attached to the
 * question through cirt_store_add_evidence_file() (sniffed, limited, a
 * regular file only). FALSE with @error when it is refused; the refusal is
 * also shown to the assessor. */
gboolean   cirt_evidence_box_attach_file  (CirtEvidenceBox  *self,
                                           GFile            *file,
                                           GError          **error);
/* What the web address row does. */
gboolean   cirt_evidence_box_add_url      (CirtEvidenceBox  *self,
                                           const char       *url,
                                           GError          **error);
/* Removes an item, with an undo toast. */
gboolean   cirt_evidence_box_remove       (CirtEvidenceBox  *self,
                                           const char       *evidence,
                                           GError          **error);
/* The items shown (CirtEvidence*, owned by the box). */
GPtrArray *cirt_evidence_box_get_items    (CirtEvidenceBox  *self);
/* Extracts a file item to a private temporary file (a folder of its own,
 * 0700) named after it and returns its path; the viewer is started on it
 * unless @launch is FALSE. A web page is opened in the browser (NULL). */
char      *cirt_evidence_box_open         (CirtEvidenceBox  *self,
                                           const char       *evidence,
                                           gboolean          launch,
                                           GError          **error);

G_END_DECLS
