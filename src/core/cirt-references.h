/* cirt-references.h — the registry of the sources instruments cite
 * (data/references.json), and the check of an instrument's refs against it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cirt-instrument.h"

G_BEGIN_DECLS

typedef struct {
  char     *id;         /* exactly as an instrument's refs entry writes it */
  char     *framework;  /* "FIRST CSIRT Services Framework" */
  char     *edition;    /* "version 2.1 (2019)" */
  char     *item;       /* the item within the framework, as it names it */
  char     *url;        /* where the source can be read */
  char     *note;       /* how it was verified, or why it is not; may be NULL */
  gboolean  verified;   /* FALSE: the item's name could not be checked */
} CirtReference;

typedef struct _CirtReferences CirtReferences;

/* Loads and validates a registry file; on any problem, NULL and an error
 * naming the file and the JSON path. */
CirtReferences      *cirt_references_new_from_file (const char     *path,
                                                    GError        **error);
void                 cirt_references_free          (CirtReferences *self);
guint                cirt_references_get_n         (CirtReferences *self);
const CirtReference *cirt_references_get           (CirtReferences *self,
                                                    guint           index);
const CirtReference *cirt_references_lookup        (CirtReferences *self,
                                                    const char     *id);

/* The registry that goes with the instrument file @instrument_path: the
 * references.json in the folder above the instrument's folder, so
 * data/instruments/x.json → data/references.json (and the same for the
 * installed data, or a user's own folder of instruments). NULL when there
 * is none: an instrument kept elsewhere cites sources of its own, and is
 * checked only against a registry named explicitly. */
char                *cirt_references_find_for      (const char     *instrument_path);

/* Appends to @warnings one message per refs entry of @instrument that is
 * not in @self: "FILE: sections[0].questions[2].refs[1]: unknown reference
 * "…"". Returns the number appended. */
guint                cirt_references_check         (CirtReferences *self,
                                                    CirtInstrument *instrument,
                                                    GPtrArray      *warnings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtReferences, cirt_references_free)

G_END_DECLS
