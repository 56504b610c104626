/* cirt-session.h — one open assessment: what every page of it shows, its
 * save state and its undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment view makes one session per assessment it opens and hands
 * it to each of its pages, which follow its properties and signals instead
 * of the store. The session follows the store (this program's own writes and,
 * through cirt_store_refresh(), everyone else's):
 *
 * - the answers, live: each change is read at once and announced with
 *   "answer-changed", so the questionnaire's counts never lag;
 * - the assessment as the renderers see it (CirtAssessmentData: info, score,
 *   the baseline's score, targets, stakeholders), loaded again at most every
 *   CIRT_SESSION_RELOAD_MS while some page on screen holds the session
 *   (cirt_session_hold()), and not at all while none does;
 * - the number of merge conflicts not reviewed yet.
 *
 * Answers this window writes go through cirt_session_save_answer(): a save
 * carries the answer it started from, so what another connection wrote
 * meanwhile is merged, never overwritten, and only these saves can be
 * undone. */
#pragma once

#include <gio/gio.h>

#include "cirt-assessment-data.h"
#include "cirt-context.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_SAVE_STATE_SAVED,    /* everything shown is in the store */
  CIRT_SAVE_STATE_PENDING,  /* typed text waits for its (≤ 1 s) autosave */
  CIRT_SAVE_STATE_FAILED,   /* the last write was refused; kept on screen */
} CirtSaveState;

/* Changes in a row are taken in once, this long after the first. */
#define CIRT_SESSION_RELOAD_MS 300
/* Answer changes that Ctrl+Z can take back. */
#define CIRT_SESSION_MAX_UNDO  200

#define CIRT_TYPE_SESSION (cirt_session_get_type ())
G_DECLARE_FINAL_TYPE (CirtSession, cirt_session, CIRT, SESSION, GObject)

/* Signals:
 *   answer-changed (const char *question, const CirtAnswer *before,
 *     const CirtAnswer *after): the stored answer of @question changed,
 *     whoever wrote it (NULL: none recorded).
 *   conflict (const char *question): a save of this window crossed a change
 *     made elsewhere to the same part; the other version is kept as a merge
 *     conflict.
 *   removed (): the assessment was deleted (elsewhere). */

/* Opens assessment @id of @context's store. NULL with @error when it cannot
 * be read. */
CirtSession        *cirt_session_new            (CirtContext  *context,
                                                 const char   *id,
                                                 GError      **error);
CirtContext        *cirt_session_get_context    (CirtSession  *self);
CirtStore          *cirt_session_get_store      (CirtSession  *self);
const char         *cirt_session_get_id         (CirtSession  *self);

/* "info": the assessment's description, current (never NULL). */
const CirtAssessmentInfo *cirt_session_get_info (CirtSession  *self);
/* The instruments, in order (CirtInstrument*). */
GPtrArray          *cirt_session_get_instruments (CirtSession *self);
/* The stored answer to @question, NULL when none is. */
const CirtAnswer   *cirt_session_get_answer     (CirtSession  *self,
                                                 const char   *question);
/* question id → CirtAnswer*, kept current. */
GHashTable         *cirt_session_get_answers    (CirtSession  *self);

/* "data": the assessment as the renderers need it (CIRT_LOAD_ALL), loaded
 * now when it is older than the last change. NULL with @error when it
 * cannot be read (and "error" says why). */
CirtAssessmentData *cirt_session_get_data       (CirtSession  *self,
                                                 GError      **error);
/* "score", "baseline": those of the last data loaded (NULL before, or when
 * it could not be read; baseline NULL when there is none). They do not
 * load anything. */
CirtScore          *cirt_session_get_score      (CirtSession  *self);
CirtScore          *cirt_session_get_baseline   (CirtSession  *self);
/* "error": why the last load failed, NULL when it did not. */
const char         *cirt_session_get_error      (CirtSession  *self);
/* A page on screen that shows the data holds the session; the data follows
 * the store while one does. */
void                cirt_session_hold           (CirtSession  *self);
void                cirt_session_release        (CirtSession  *self);
/* Times the data was loaded (tests of the debounce). */
guint               cirt_session_get_n_loads    (CirtSession  *self);

/* "n-conflicts": merge conflicts not reviewed yet. */
guint               cirt_session_get_n_conflicts (CirtSession *self);

/* "save-state": the page holding unsaved input sets PENDING while it waits
 * and FAILED when the input cannot be stored; saves set SAVED or FAILED. */
CirtSaveState       cirt_session_get_save_state (CirtSession  *self);
void                cirt_session_set_save_state (CirtSession  *self,
                                                 CirtSaveState state);

/* Writes @answer, an edit of @base (the answer as it was read; NULL: none),
 * as the context's author, through cirt_store_save_answer_over(): what
 * another connection wrote since @base is merged in part by part, and where
 * both changed the same part this edit wins and "conflict" is emitted.
 * *@stored (may be NULL) receives what the store holds afterwards. The change
 * can be undone (cirt_session_undo()); changes of the same group of text
 * fields one after the other (cirt_session_new_undo_group()) are one. */
gboolean            cirt_session_save_answer    (CirtSession      *self,
                                                 const CirtAnswer *base,
                                                 const CirtAnswer *answer,
                                                 CirtSaveOutcome  *outcome,
                                                 CirtAnswer      **stored,
                                                 GError          **error);
/* The next saves start a new change for undo (another question shown). */
void                cirt_session_new_undo_group (CirtSession  *self);
/* "can-undo" */
gboolean            cirt_session_get_can_undo   (CirtSession  *self);
/* Takes back the last change this session saved, keeping what others
 * changed since; *@question receives its question. FALSE with no error when
 * there is nothing to undo. */
gboolean            cirt_session_undo           (CirtSession  *self,
                                                 char        **question,
                                                 GError      **error);

G_END_DECLS
