/* cirt-application.h — the AdwApplication
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cirt-context.h"

G_BEGIN_DECLS

#define CIRT_TYPE_APPLICATION (cirt_application_get_type ())
G_DECLARE_FINAL_TYPE (CirtApplication, cirt_application, CIRT, APPLICATION, AdwApplication)

CirtApplication *cirt_application_new       (void);
/* The context of the database opened on activation, or NULL before. */
CirtContext     *cirt_application_get_context (CirtApplication *self);

G_END_DECLS
