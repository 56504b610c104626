/* cirt-countries.c — countries (ISO 3166-1) and ITU's six BDT regions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-countries.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cirt-countries-data.h"

static const char * const region_ids[CIRT_N_REGIONS] = {
  "africa", "americas", "arab-states", "asia-pacific", "cis", "europe",
};

static const CirtCountry countries[] = {
#define CIRT_COUNTRY_ROW(code, alpha3, name, region, confirmed) { code, alpha3, name, region, confirmed },
  CIRT_COUNTRY_ROWS (CIRT_COUNTRY_ROW)
#undef CIRT_COUNTRY_ROW
};

typedef struct {
  const char *key;
  const char *code;
} NameRow;

static const NameRow names[] = {
#define CIRT_COUNTRY_NAME_ROW(key, code) { key, code },
  CIRT_COUNTRY_NAMES (CIRT_COUNTRY_NAME_ROW)
#undef CIRT_COUNTRY_NAME_ROW
};

const char *
cirt_region_to_string (CirtRegion region)
{
  g_return_val_if_fail (region < CIRT_N_REGIONS, NULL);
  return region_ids[region];
}

gboolean
cirt_region_is_valid (const char *id)
{
  for (guint r = 0; id != NULL && r < CIRT_N_REGIONS; r++)
    if (strcmp (id, region_ids[r]) == 0)
      return TRUE;
  return FALSE;
}

/* "Asia & the Pacific" → "asia-the-pacific"… : lower case, words joined by
 * "-", "&" as "and". */
static char *
region_key (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && s->len > 0)
            g_string_append_c (s, '-');
          g_string_append_c (s, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else if (*p == '&')
        {
          if (s->len > 0)
            g_string_append (s, "-and");
          gap = TRUE;
        }
      else
        gap = TRUE;
    }
  return g_string_free (s, FALSE);
}

gboolean
cirt_region_from_string (const char *text,
                         CirtRegion *out)
{
  static const struct { const char *key; CirtRegion region; } extra[] = {
    { "asia-and-pacific", CIRT_REGION_ASIA_PACIFIC },
    { "asia-and-the-pacific", CIRT_REGION_ASIA_PACIFIC },
    { "commonwealth-of-independent-states", CIRT_REGION_CIS },
    { "arab-region", CIRT_REGION_ARAB_STATES },
  };
  g_autofree char *key = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  key = region_key (text);
  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    if (strcmp (key, region_ids[r]) == 0)
      {
        if (out != NULL)
          *out = (CirtRegion) r;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    if (strcmp (key, extra[i].key) == 0)
      {
        if (out != NULL)
          *out = extra[i].region;
        return TRUE;
      }
  return FALSE;
}

guint
cirt_country_get_n (void)
{
  return G_N_ELEMENTS (countries);
}

const CirtCountry *
cirt_country_get_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (countries), NULL);
  return &countries[index];
}

static int
compare_code (const void *key,
              const void *member)
{
  return strcmp (key, ((const CirtCountry *) member)->code);
}

const CirtCountry *
cirt_country_lookup (const char *code)
{
  char upper[3];

  if (code == NULL || strlen (code) != 2 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]))
    return NULL;
  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';
  return bsearch (upper, countries, G_N_ELEMENTS (countries), sizeof countries[0], compare_code);
}

/* As tools/gen-countries.py folds the names: trimmed, one space between
 * words, the typographic apostrophe as "'", NFC, case-folded. */
static char *
name_key (const char *name)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  gboolean space = FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      if (c == 0x2019)
        c = '\'';
      g_string_append_unichar (s, c);
    }
  nfc = g_utf8_normalize (s->str, -1, G_NORMALIZE_NFC);
  return nfc ? g_utf8_casefold (nfc, -1) : NULL;
}

static int
compare_name (const void *key,
              const void *member)
{
  return strcmp (key, ((const NameRow *) member)->key);
}

const CirtCountry *
cirt_country_find_by_name (const char *name)
{
  g_autofree char *key = NULL;
  const NameRow *found;

  if (name == NULL || !g_utf8_validate (name, -1, NULL) || strlen (name) > 256)
    return NULL;
  key = name_key (name);
  if (key == NULL || *key == '\0')
    return NULL;
  /* The keys are sorted by their bytes; each row starts with its key. */
  found = bsearch (key, names, G_N_ELEMENTS (names), sizeof names[0], compare_name);
  return found ? cirt_country_lookup (found->code) : NULL;
}
