/* cirt-store-sessions.h — the store's interview sessions and statements
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change writes a row of interview_history (the record before and
 * after, in its JSON form) in the same transaction. A session names its
 * stakeholders by their UUIDs and its planned sections by their ids; a
 * statement names its question, its stakeholder and (optionally) the
 * session it was said in. What is added or edited is checked against the
 * assessment: an unknown stakeholder, section, question or session is
 * refused. A stakeholder or session removed later stays named by what
 * referred to it (shown as removed); nothing is removed behind the
 * assessor's back. */
#pragma once

#include "cirt-interviews.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* Sessions, by date, start time, then creation. */
GPtrArray     *cirt_store_list_interviews   (CirtStore            *self,
                                             const char           *id,
                                             GError              **error);
CirtInterview *cirt_store_get_interview     (CirtStore            *self,
                                             const char           *id,
                                             const char           *session,
                                             GError              **error);
/* The full UUID of the session whose id starts with @prefix. */
char          *cirt_store_resolve_interview (CirtStore            *self,
                                             const char           *id,
                                             const char           *prefix,
                                             GError              **error);
/* Adds @interview (its id kept when set, so a removal can be undone);
 * returns its UUID. Author and times are set here. */
char          *cirt_store_add_interview     (CirtStore            *self,
                                             const char           *id,
                                             const CirtInterview  *interview,
                                             GError              **error);
/* Replaces the content of the session of @interview's id; the same content
 * writes nothing. */
gboolean       cirt_store_update_interview  (CirtStore            *self,
                                             const char           *id,
                                             const CirtInterview  *interview,
                                             GError              **error);
gboolean       cirt_store_remove_interview  (CirtStore            *self,
                                             const char           *id,
                                             const char           *session,
                                             const char           *author,
                                             GError              **error);

/* Statements, of one question (or all, @question NULL), oldest first. */
GPtrArray     *cirt_store_list_statements   (CirtStore            *self,
                                             const char           *id,
                                             const char           *question,
                                             GError              **error);
char          *cirt_store_resolve_statement (CirtStore            *self,
                                             const char           *id,
                                             const char           *prefix,
                                             GError              **error);
char          *cirt_store_add_statement     (CirtStore            *self,
                                             const char           *id,
                                             const CirtStatement  *statement,
                                             GError              **error);
gboolean       cirt_store_remove_statement  (CirtStore            *self,
                                             const char           *id,
                                             const char           *statement,
                                             const char           *author,
                                             GError              **error);

/* Every recorded change of the assessment's sessions and statements, oldest
 * first (@record NULL: of all). */
GPtrArray     *cirt_store_get_interview_history (CirtStore   *self,
                                                 const char  *id,
                                                 const char  *record,
                                                 GError     **error);

/* Whether @session is, or was, a session of the assessment (a removed one
 * is still known by its history). */
gboolean       cirt_store_knows_interview   (CirtStore   *self,
                                             const char  *id,
                                             const char  *session);

/* The UUID of the stakeholder @text names: its number in
 * cirt_store_list_stakeholders() (CirtStakeholder.id), the start of its
 * UUID, or its name (ignoring case); refused when none or several match. */
char          *cirt_store_resolve_stakeholder (CirtStore   *self,
                                               const char  *id,
                                               const char  *text,
                                               GError     **error);

/* Merging a session or statement of another laptop (an exchange file),
 * inside the caller's transaction: matched by UUID; a record removed here
 * after its last change over there stays removed; otherwise the later
 * modified_at wins, ties broken by content, so both laptops end the same. */
typedef enum {
  CIRT_RECORD_IMPORT_ADDED,
  CIRT_RECORD_IMPORT_UPDATED,
  CIRT_RECORD_IMPORT_SAME,
  CIRT_RECORD_IMPORT_KEPT,
} CirtRecordImport;

gboolean       cirt_store_import_interview  (CirtStore            *self,
                                             const char           *id,
                                             const CirtInterview  *remote,
                                             CirtRecordImport     *outcome,
                                             GError              **error);
gboolean       cirt_store_import_statement  (CirtStore            *self,
                                             const char           *id,
                                             const CirtStatement  *remote,
                                             CirtRecordImport     *outcome,
                                             GError              **error);

G_END_DECLS
