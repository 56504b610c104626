/* cirt-context.h — what the whole application shares: the database, the
 * settings, the language, the assessor's name
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per database the application has open, made by CirtApplication and
 * handed to each window, which hands it on (through CirtSession to the
 * pages). Nothing of it lives in a global, so tests make their own with
 * their own settings and database. */
#pragma once

#include <gio/gio.h>

#include "cirt-lang.h"
#include "cirt-store.h"

G_BEGIN_DECLS

/* How often changes made through other connections (the CLI, another
 * instance, an import thread) are looked for. */
#define CIRT_CONTEXT_POLL_MS 1000

#define CIRT_TYPE_CONTEXT (cirt_context_get_type ())
G_DECLARE_FINAL_TYPE (CirtContext, cirt_context, CIRT, CONTEXT, GObject)

/* The application's settings. The schema is looked up in the default schema
 * sources first, then in the build tree (running uninstalled), so the app
 * starts from the build directory without GSETTINGS_SCHEMA_DIR. NULL with
 * @error when the schema is not installed. */
GSettings      *cirt_context_create_settings (GError     **error);

/* A context on @store with @settings. While it lives, @store is refreshed
 * (cirt_store_refresh()) every CIRT_CONTEXT_POLL_MS, so what another
 * program writes reaches every view with the store's usual signals. */
CirtContext    *cirt_context_new          (CirtStore   *store,
                                           GSettings   *settings);
CirtStore      *cirt_context_get_store    (CirtContext *self);
GSettings      *cirt_context_get_settings (CirtContext *self);

/* The author recorded with answers: the assessor-name preference, else the
 * account's full name. */
char           *cirt_context_dup_author   (CirtContext *self);

/* The language instrument texts are shown in, as a locale name
 * ("fr_FR.UTF-8", "en"…): the first of the user's preferences (an
 * instrument may be translated where the interface is not). */
const char     *cirt_context_get_language (CirtContext *self);
void            cirt_context_set_language (CirtContext *self,
                                           const char  *language);
/* How the interface writes numbers, percentages and dates: the language of
 * the interface (cirt_lang_for_locale()), the same conventions the charts
 * and the documents use. */
const CirtLang *cirt_context_get_lang     (CirtContext *self);

/* Looks now for changes made through other connections; the store then
 * announces them. */
void            cirt_context_refresh      (CirtContext *self);

G_END_DECLS
