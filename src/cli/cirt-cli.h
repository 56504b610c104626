/* cirt-cli.h — shared plumbing of cirt-assess-cli
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cirt-lang.h"
#include "cirt-seal.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* Exit codes (a contract with scripts). */
#define CIRT_CLI_OK      0
#define CIRT_CLI_REFUSED 1
#define CIRT_CLI_USAGE   2

typedef struct {
  const char *db_path;     /* --db, or NULL for the default */
} CirtCli;

typedef int (*CirtCliCommandFunc) (CirtCli *cli,
                                   int      argc,
                                   char   **argv);

typedef struct {
  const char         *name;
  const char         *synopsis;   /* arguments after the command name */
  const char         *summary;
  CirtCliCommandFunc  run;
} CirtCliCommand;

/* Parses @entries (and --help) from argv; on a usage error prints it and
 * returns FALSE with *status set to CIRT_CLI_USAGE (0 for --help). */
gboolean   cirt_cli_parse        (const CirtCliCommand *command,
                                  GOptionEntry         *entries,
                                  int                  *argc,
                                  char               ***argv,
                                  int                  *status);
int        cirt_cli_usage_error  (const CirtCliCommand *command,
                                  const char           *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Prints "cirt-assess-cli: MESSAGE" (first line of a multi-line error
 * prefixed, the rest as is) and returns CIRT_CLI_REFUSED. */
int        cirt_cli_refuse       (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);
int        cirt_cli_refuse_error (const GError *error);

CirtStore *cirt_cli_open_store   (CirtCli  *cli,
                                  GError  **error);
/* Opens the store and resolves an id prefix; prints and returns NULL on error. */
CirtStore *cirt_cli_open_assessment (CirtCli     *cli,
                                     const char  *prefix,
                                     char       **id);

void       cirt_cli_print_json   (JsonNode *node);

/* The options that seal what a command writes: --seal-to KEY (repeatable)
 * and --seal-passphrase-file FILE. */
#define CIRT_CLI_SEAL_ENTRIES(seal_to, seal_passphrase_file) \
  { "seal-to", 0, 0, G_OPTION_ARG_STRING_ARRAY, &(seal_to), \
    N_("Seal the file to this public key of your keyring (fingerprint, key id or e-mail address); repeatable"), \
    "KEY" }, \
  { "seal-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &(seal_passphrase_file), \
    N_("Seal the file with the passphrase on the first line of FILE (- reads it from standard input)"), "FILE" }
/* The seal those options ask for: NULL with *@status CIRT_CLI_OK when they
 * ask for none; NULL with the refusal printed and *@status set when a key or
 * the passphrase cannot be used. */
CirtSeal  *cirt_cli_seal_from_options (char       **seal_to,
                                       const char  *seal_passphrase_file,
                                       int         *status);

/* Columns for people: texts measured in terminal cells (a Chinese character
 * takes two, a combining accent none), not in bytes. */
gsize      cirt_cli_text_width   (const char *text);
/* @text followed by spaces up to @width cells (right-aligned: before it). */
/* A table for the terminal: each column as wide as its widest cell (in
 * terminal cells, so accented, Arabic and Chinese text lines up), two spaces
 * between columns; the first row is the header. */
typedef struct _CirtCliTable CirtCliTable;
CirtCliTable *cirt_cli_table_new   (guint         n_columns,
                                    guint         right_aligned);   /* bit i: column i */
void          cirt_cli_table_add   (CirtCliTable *table,
                                    const char   *first,
                                    ...);                           /* n_columns cells */
void          cirt_cli_table_print (CirtCliTable *table,
                                    const char   *indent);
void          cirt_cli_table_free  (CirtCliTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtCliTable, cirt_cli_table_free)

char      *cirt_cli_pad          (const char *text,
                                  gsize       width,
                                  gboolean    right);
/* The language of the terminal, for instrument texts and pillar names. */
const CirtLang *cirt_cli_language (void);

const CirtCliCommand *cirt_cli_lookup (const char *name);

/* A function of the drawing module (loaded on first use and kept), or
 * NULL with the refusal printed. */
gpointer   cirt_cli_render_symbol (const char *name);

/* Commands, one file per group. */
int cirt_cli_cmd_instruments (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_validate    (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_new         (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_edit        (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_portfolio   (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_list        (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_show        (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_answer      (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_unanswer    (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_target      (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_stakeholder (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_finding     (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_delete      (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_check       (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_verify      (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_demo        (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_score       (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_compare     (CirtCli *cli, int argc, char **argv);
/* cirt-cli-review.c: the lead assessor's review; its JSON and words shared with show. */
int cirt_cli_cmd_review      (CirtCli *cli, int argc, char **argv);
JsonNode   *cirt_cli_review_json         (const CirtReview       *review,
                                          const CirtAnswer       *answer);
const char *cirt_cli_review_state_label  (CirtReviewState         state);
char       *cirt_cli_review_summary_line (const CirtReviewCounts *counts);
/* chart and export run in the drawing module (cirt-cli-render.c). */
int cirt_cli_cmd_chart       (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_merge_export (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_import      (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_conflicts   (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_export      (CirtCli *cli, int argc, char **argv);
/* cirt-cli-sessions.c: interview sessions, statements, the mission plan. */
int cirt_cli_cmd_session     (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_statement   (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_plan        (CirtCli *cli, int argc, char **argv);
/* For `show --json`: the members "sessions" and "statements"; the session
 * an answer was given in (id, date, place, stakeholders with their names). */
gboolean  cirt_cli_add_interviews_json (JsonBuilder  *b,
                                        CirtStore    *store,
                                        const char   *id,
                                        GPtrArray    *stakeholders,
                                        GError      **error);
JsonNode *cirt_cli_answer_session_json (CirtStore    *store,
                                        const char   *id,
                                        const char   *session,
                                        GPtrArray    *stakeholders);
/* The evidence vault (cirt-cli-evidence.c); its pack in the drawing module
 * (cirt-cli-evidence-pack.c). */
int cirt_cli_cmd_evidence    (CirtCli *cli, int argc, char **argv);
int cirt_cli_cmd_evidence_pack (CirtCli *cli, int argc, char **argv);
int cirt_cli_run_evidence_pack (CirtCli *cli, int argc, char **argv);

G_END_DECLS
