/* cirt-sample.h — loads a sample assessment (data/sample/) into a store
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cirt-store.h"

G_BEGIN_DECLS

/* The shipped sample: $CIRT_SAMPLE_PATH, else the installed or source data dir. */
char *cirt_sample_default_path (void);

/* Creates a new assessment from the sample file and returns its id. Any
 * problem (unknown question, bad value) fails the whole load and the
 * partially created assessment is removed. */
char *cirt_sample_load         (CirtStore   *store,
                                const char  *path,
                                GError     **error);

G_END_DECLS
