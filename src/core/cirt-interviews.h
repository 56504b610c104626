/* cirt-interviews.h — the mission as it is run: interview sessions and what
 * each stakeholder said (statements), as values
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs with copy, free and one JSON form each (the history, the
 * exchange file, `cirt-assess-cli show --json`), like the findings in
 * cirt-records.h. Nothing here does I/O; the store keeps them
 * (cirt-store-sessions.h). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cirt-records.h"

G_BEGIN_DECLS

/* Longest statement kept: a page of what was said is some kilobytes; a
 * statement of megabytes is a pasted document, and documents are evidence. */
#define CIRT_MAX_STATEMENT (64 * 1024)
/* Most stakeholders, assessors and planned sections in one session. */
#define CIRT_MAX_SESSION_ITEMS 200

/* One interview session of the mission: a meeting with one or more
 * stakeholders, by some of the assessors, planned to cover some sections. */
typedef struct {
  char  *id;            /* UUID: the same session on every laptop */
  char  *date;          /* YYYY-MM-DD */
  char  *start_time;    /* HH:MM, or NULL */
  char  *end_time;      /* HH:MM, or NULL (not before the start) */
  char  *place;         /* or NULL */
  GStrv  stakeholders;  /* UUIDs of the assessment's stakeholders present, or NULL */
  GStrv  assessors;     /* names of the assessors present, or NULL */
  GStrv  sections;      /* ids of the sections (of the assessment's instruments) planned, or NULL */
  char  *notes;         /* free text, or NULL */
  char  *author;        /* who wrote this version */
  char  *created_at;    /* ISO 8601 UTC */
  char  *modified_at;   /* the last change of its content (what a merge compares) */
} CirtInterview;

CirtInterview *cirt_interview_new          (void);
CirtInterview *cirt_interview_copy         (const CirtInterview *interview);
void           cirt_interview_free         (CirtInterview       *interview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtInterview, cirt_interview_free)
/* Same date, times, place, people, sections and notes (author and times aside). */
gboolean       cirt_interview_same_content (const CirtInterview *a,
                                            const CirtInterview *b);
/* Its one JSON form: every member, absent texts as null, lists as arrays. */
JsonNode      *cirt_interview_to_json_node (const CirtInterview *interview);
char          *cirt_interview_to_json      (const CirtInterview *interview);
/* Reads a session object strictly (no unknown member, every member of its
 * type, ids UUIDs in lower case on return, the date a date, times HH:MM,
 * names without control or direction-override characters, no repeats, the
 * lists at most CIRT_MAX_SESSION_ITEMS long). Times created_at/modified_at
 * are read as texts (their checks are the caller's). @path names the object
 * in messages ("sessions[2]"). */
CirtInterview *cirt_interview_from_json_object (JsonObject  *object,
                                                const char  *path,
                                                GError     **error);
/* What cirt_interview_to_json() wrote; NULL for NULL or unreadable text. */
CirtInterview *cirt_interview_from_json    (const char *json);

/* What one stakeholder said about one question, kept apart from the
 * assessors' answer: several stakeholders may contradict each other. */
typedef struct {
  char *id;             /* UUID */
  char *question;       /* the question's id */
  char *stakeholder;    /* UUID of the stakeholder who said it */
  char *session;        /* UUID of the session it was said in, or NULL */
  char *text;           /* at most CIRT_MAX_STATEMENT bytes, kept exactly */
  char *author;         /* the assessor who recorded it */
  char *created_at;
  char *modified_at;
} CirtStatement;

CirtStatement *cirt_statement_new          (void);
CirtStatement *cirt_statement_copy         (const CirtStatement *statement);
void           cirt_statement_free         (CirtStatement       *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtStatement, cirt_statement_free)
gboolean       cirt_statement_same_content (const CirtStatement *a,
                                            const CirtStatement *b);
JsonNode      *cirt_statement_to_json_node (const CirtStatement *statement);
char          *cirt_statement_to_json      (const CirtStatement *statement);
CirtStatement *cirt_statement_from_json_object (JsonObject  *object,
                                                const char  *path,
                                                GError     **error);
CirtStatement *cirt_statement_from_json    (const char *json);

/* One recorded change of a session or a statement: @old_json NULL when it
 * was added, @new_json NULL when it was removed. */
typedef struct {
  gint64  id;
  char   *kind;         /* "session" or "statement" */
  char   *record;       /* its UUID */
  char   *author;
  char   *changed_at;
  char   *old_json;
  char   *new_json;
} CirtInterviewChange;

void cirt_interview_change_free (CirtInterviewChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtInterviewChange, cirt_interview_change_free)

/* Checks of what people type in a session, shared by the store and the
 * exchange reader (so both refuse the same). @what names the field in the
 * message. A name (a place, an assessor) is one line: no control characters
 * and no direction embeddings, overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069), which would reorder the text around it where it is shown.
 * A free text (notes, a statement) may hold line breaks and tabs but no
 * other control character; it is otherwise kept exactly. */
gboolean cirt_interview_check_name (const char  *what,
                                    const char  *value,
                                    GError     **error);
gboolean cirt_interview_check_free_text (const char  *what,
                                         const char  *value,
                                         gsize        max,
                                         GError     **error);
/* HH:MM, 00:00 to 23:59. */
gboolean cirt_interview_time_is_valid (const char *time);
/* YYYY-MM-DD, a real day. */
gboolean cirt_interview_date_is_valid (const char *date);

/* The stakeholder group (cirt_stakeholder_groups()) a stakeholder's sector
 * names: the group's id, or its name in any of the report languages,
 * ignoring case; NULL when the sector names none. */
const char *cirt_interview_sector_group (const char *sector);

G_END_DECLS
