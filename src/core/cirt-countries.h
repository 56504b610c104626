/* cirt-countries.h — countries (ISO 3166-1) and ITU's six BDT regions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table comes from data/countries.json (codes and names from ISO 3166-1,
 * regions from ITU's regional groupings; which memberships are confirmed by
 * a source is said there and in docs/content-review.md), compiled in through
 * src/core/cirt-countries-data.h. Names in a language come from the
 * language layer (cirt_lang_country_name(), cirt_lang_region_name()). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ITU-D's regions, in ITU's order. Stored and exchanged by their ids
 * (cirt_region_to_string()). */
typedef enum {
  CIRT_REGION_AFRICA,
  CIRT_REGION_AMERICAS,
  CIRT_REGION_ARAB_STATES,
  CIRT_REGION_ASIA_PACIFIC,
  CIRT_REGION_CIS,
  CIRT_REGION_EUROPE,
  CIRT_N_REGIONS
} CirtRegion;

/* "africa", "americas", "arab-states", "asia-pacific", "cis", "europe" */
const char *cirt_region_to_string   (CirtRegion  region);
/* The id, or the English name in any case, with "-", "_", " " or "&"/"and"
 * alike ("Arab States", "asia_pacific", "Asia & Pacific"), or
 * "Commonwealth of Independent States". */
gboolean    cirt_region_from_string (const char *text,
                                     CirtRegion *out);
/* Whether @id is one of the six ids, exactly. */
gboolean    cirt_region_is_valid    (const char *id);

typedef struct {
  const char *code;              /* ISO 3166-1 alpha-2, "FR" */
  const char *alpha3;            /* "FRA" */
  const char *name;              /* English, as ISO 3166-1 gives it */
  const char *region;            /* region id, NULL when in none (not an ITU Member State) */
  gboolean    region_confirmed;  /* the membership was confirmed by a source (data/countries.json) */
} CirtCountry;

/* In order of code. */
guint              cirt_country_get_n        (void);
const CirtCountry *cirt_country_get_nth      (guint       index);
/* By alpha-2 code, in any case; NULL when ISO 3166-1 has none such. */
const CirtCountry *cirt_country_lookup       (const char *code);
/* By a name people write: the English name, ISO's official and common
 * names, common aliases ("UK", "Ivory Coast"), the names in the other five
 * UN languages, or the alpha-2 or alpha-3 code; case, accents, spaces and
 * the typographic apostrophe do not matter. NULL when no country, or more
 * than one, has that name. */
const CirtCountry *cirt_country_find_by_name (const char *name);

G_END_DECLS
