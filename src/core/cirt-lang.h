/* cirt-lang.h — the one language layer: the strings the core renders in a
 * given language, and the formatting of every number, percentage and date
 * that the screen, the charts, the workbook and the report show
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is written in the ministry's language, which is often not the
 * assessor's desktop language; so these strings are looked up per call in
 * the language asked for (from the same po/ catalogues as the interface,
 * read directly, so several languages can be used at once and from any
 * thread), never through the process's locale. Formatting follows each
 * language's conventions (decimal separator, the space before "%", month
 * names, direction) from one table in cirt-lang.c, so "47,3 %" on the
 * overview is "47,3 %" in the PDF. Designed for the six UN languages (ar,
 * en, es, fr, ru, zh), right to left included; a language is offered for
 * reports once its catalogue is there. */
#pragma once

#include <glib.h>

#include "cirt-lang-strings.h"
#include "cirt-types.h"

G_BEGIN_DECLS

#define CIRT_STRING_ENUM(id, context, english) CIRT_STR_##id,
typedef enum {
  CIRT_LANG_STRINGS (CIRT_STRING_ENUM)
  CIRT_N_STRINGS
} CirtString;
#undef CIRT_STRING_ENUM

typedef struct _CirtLang CirtLang;

/* The languages reports can be written in (English and those whose
 * catalogue is installed), as codes: "en", "fr", …; NULL-terminated. */
const char * const *cirt_lang_available      (void);
/* The language of a code or locale name ("fr", "fr_FR.UTF-8", "fr-CA"), if
 * it is available; else NULL. */
const CirtLang     *cirt_lang_lookup         (const char *code);
/* The same, falling back to English: never NULL. */
const CirtLang     *cirt_lang_get            (const char *code);
/* English. */
const CirtLang     *cirt_lang_default        (void);
/* The first available language of the user's preferences
 * (g_get_language_names(): $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG). */
const CirtLang     *cirt_lang_for_locale     (void);

/* "fr" */
const char         *cirt_lang_get_code       (const CirtLang *lang);
/* The language's own name: "Français". */
const char         *cirt_lang_get_name       (const CirtLang *lang);
/* Written right to left (Arabic). */
gboolean            cirt_lang_is_rtl         (const CirtLang *lang);
/* The language's BCP 47 tag, for fonts and documents: "fr", "zh-CN" (so
 * Chinese text gets Simplified Chinese glyphs, not Japanese ones). */
const char         *cirt_lang_get_tag        (const CirtLang *lang);

/* The folder holding the catalogues (LL/LC_MESSAGES/cirt-assess.mo):
 * $CIRT_LOCALEDIR, else the installed locale folder, else the build tree's
 * when running uninstalled. The programs bind their gettext domain to it. */
const char         *cirt_lang_get_locale_dir (void);

/* The string in @lang; English where the catalogue lacks it. */
const char         *cirt_lang_str            (const CirtLang *lang,
                                              CirtString      id);
/* Replaces {1}…{4} in @tmpl by @a1…@a4 (NULL: nothing). */
char               *cirt_lang_expand         (const char *tmpl,
                                              const char *a1,
                                              const char *a2,
                                              const char *a3,
                                              const char *a4);
/* cirt_lang_expand() of the string @id. */
char               *cirt_lang_format         (const CirtLang *lang,
                                              CirtString      id,
                                              const char     *a1,
                                              const char     *a2,
                                              const char     *a3,
                                              const char     *a4);

const char         *cirt_lang_pillar_title   (const CirtLang *lang,
                                              CirtPillar      pillar);
/* The name of a stakeholder group (cirt_stakeholder_groups()). */
const char         *cirt_lang_group_name     (const CirtLang *lang,
                                              const char     *group);
/* "Key issue", "Quick win", "Risk to the project". */
const char         *cirt_lang_finding_kind   (const CirtLang  *lang,
                                              CirtFindingKind  kind);
/* The heading of a kind's findings: "Key issues", "Quick wins", "Risks to
 * the project". */
const char         *cirt_lang_finding_group  (const CirtLang  *lang,
                                              CirtFindingKind  kind);
/* "Assessment", "Design", … of a mission phase ("assessment", "design", …). */
const char         *cirt_lang_mission_phase  (const CirtLang *lang,
                                              const char     *phase);
/* "Design", "Establishment", "Enhancement" (empty for none). */
const char         *cirt_lang_phase          (const CirtLang *lang,
                                              CirtPhase       phase);

/* The name of an ITU region ("arab-states" → "Arab States", "Estados
 * Árabes"…); @region when it is not a region id, NULL for NULL. */
const char         *cirt_lang_region_name    (const CirtLang *lang,
                                              const char     *region);
/* The name of the country of ISO 3166-1 alpha-2 code @code (any case) in
 * @lang: its catalogue entry (context "country"), else the English name of
 * ISO 3166-1; NULL when there is no such country. */
const char         *cirt_lang_country_name   (const CirtLang *lang,
                                              const char     *code);

/* Numbers as people read them in @lang. Scores and percentages are cut,
 * never rounded up (within CIRT_SCORE_EPSILON), so a shown figure never
 * reaches a threshold the score has not reached (59.96 → "59.9"). NAN →
 * "—". */
char               *cirt_lang_format_number  (const CirtLang *lang,
                                              double          value,
                                              int             decimals);
/* A 0–100 score with one decimal: "47.3" / "47,3". */
char               *cirt_lang_format_score   (const CirtLang *lang,
                                              double          score);
/* A fraction as a whole percentage: "62%" / "62 %" (narrow no-break space). */
char               *cirt_lang_format_percent (const CirtLang *lang,
                                              double          fraction);
/* A count with the language's digit grouping: "1,250" / "1 250". */
char               *cirt_lang_format_count   (const CirtLang *lang,
                                              gint64          count);
/* "2026-03-02" → "2 March 2026" / "2 mars 2026"; an ISO 8601 time gives its
 * day in local time; other text as it is; NULL → NULL. */
char               *cirt_lang_format_date    (const CirtLang *lang,
                                              const char     *date);
/* "2 Mar 2026" */
char               *cirt_lang_format_date_short (const CirtLang *lang,
                                                 const char     *date);
/* An ISO 8601 time in local time: "2 Mar 2026, 14:05"; other text as it
 * is; NULL → NULL. */
char               *cirt_lang_format_time    (const CirtLang *lang,
                                              const char     *iso);
/* "2 – 6 March 2026", one date, or NULL when neither is set. */
char               *cirt_lang_format_period  (const CirtLang *lang,
                                              const char     *start,
                                              const char     *end);

/* For tests: the catalogue entry of @id in @lang, NULL when it has none. */
const char         *cirt_lang_lookup_translation (const CirtLang *lang,
                                                  CirtString      id);

G_END_DECLS
