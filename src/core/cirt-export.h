/* cirt-export.h — what the workbook and the report share: options, the TLP
 * marking, paper sizes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-lang.h"

G_BEGIN_DECLS

#define CIRT_EXPORT_ERROR (cirt_export_error_quark ())

typedef enum {
  CIRT_EXPORT_ERROR_OPTION,   /* an option the exporter cannot honour (language…) */
  CIRT_EXPORT_ERROR_WRITE,    /* the file could not be written */
} CirtExportError;

GQuark cirt_export_error_quark (void);

/* Traffic Light Protocol 2.0 (FIRST), in order of increasing restriction. */
typedef enum {
  CIRT_TLP_CLEAR,
  CIRT_TLP_GREEN,
  CIRT_TLP_AMBER,
  CIRT_TLP_AMBER_STRICT,
  CIRT_TLP_RED,
  CIRT_N_TLP
} CirtTlp;

typedef enum {
  CIRT_PAPER_A4,
  CIRT_PAPER_LETTER,
  CIRT_N_PAPERS
} CirtPaper;

typedef struct _CirtSeal CirtSeal;

typedef struct {
  const char     *lang;    /* report language: a code of cirt_lang_available(); NULL = "en" */
  CirtTlp         tlp;     /* marking on every page and sheet */
  CirtPaper       paper;   /* PDF page size and the workbook's print setup */
  const CirtSeal *seal;    /* seal the file with it (cirt-seal.h); NULL: plain */
} CirtExportOptions;

/* English, TLP:AMBER, A4. */
void                cirt_export_options_init   (CirtExportOptions *options);

/* "clear", "green", "amber", "amber-strict", "red" (also "amber+strict",
 * any case, with or without a "TLP:" prefix). */
gboolean            cirt_tlp_from_string       (const char *str,
                                                CirtTlp    *out);
/* "amber-strict" */
const char         *cirt_tlp_to_string         (CirtTlp tlp);
/* The marking as FIRST spells it: "TLP:AMBER+STRICT". */
const char         *cirt_tlp_label             (CirtTlp tlp);
/* The FIRST TLP 2.0 label colour (text on a black background), 0xRRGGBB. */
guint32             cirt_tlp_color             (CirtTlp tlp);
/* One sentence saying who may receive the document, in @lang. */
const char         *cirt_tlp_meaning           (CirtTlp         tlp,
                                                const CirtLang *lang);

/* "a4", "letter" */
gboolean            cirt_paper_from_string     (const char *str,
                                                CirtPaper  *out);
const char         *cirt_paper_to_string       (CirtPaper paper);
/* In PostScript points (1/72 in). */
void                cirt_paper_get_size        (CirtPaper  paper,
                                                double    *width,
                                                double    *height);

/* Checks @options; sets CIRT_EXPORT_ERROR_OPTION naming what is accepted
 * (an unknown language is refused with the list of those available). */
gboolean            cirt_export_options_check  (const CirtExportOptions *options,
                                                GError                 **error);

G_END_DECLS
