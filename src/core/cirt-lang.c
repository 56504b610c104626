/* cirt-lang.c — the one language layer
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-lang.h"

#include "cirt-countries.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* The languages: conventions of each (Unicode CLDR, as Debian's locales
 * have them), and the catalogue once read. */

typedef enum {
  DATE_DAY_MONTH_YEAR,   /* "2 March 2026" */
  DATE_YEAR_MONTH_DAY,   /* "2026年3月2日" */
} DateOrder;

struct _CirtLang {
  const char *code;
  const char *name;               /* endonym */
  gboolean    rtl;
  const char *decimal;
  const char *group;              /* between groups of three digits */
  guint       min_group_digits;   /* group only from this many digits on (es: 5) */
  const char *percent_space;      /* between the number and "%" */
  DateOrder   date_order;
  const char *months[12];         /* as in a date ("2 марта"), not alone */
  const char *months_short[12];
  const char *first_day;          /* "1er" in French, else NULL */
  const char *day_month_sep;      /* " ", " de " */
  const char *month_year_sep;
  const char *year_suffix;        /* " г." */

  /* The catalogue, read once (under lock), then never changed. */
  gint        loaded;
  GHashTable *catalogue;          /* "context\004msgid" → msgstr, pointing into @mo */
  GBytes     *mo;
  const char *strings[CIRT_N_STRINGS];
};

#define NNBSP "\u202f"   /* narrow no-break space */
#define NBSP  "\u00a0"

static CirtLang languages[] = {
  { "en", "English", FALSE, ".", ",", 4, "", DATE_DAY_MONTH_YEAR,
    { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December" },
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
    NULL, " ", " ", "" },
  { "fr", "Français", FALSE, ",", NNBSP, 4, NNBSP, DATE_DAY_MONTH_YEAR,
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre" },
    { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc." },
    "1er", " ", " ", "" },
  { "es", "Español", FALSE, ",", ".", 5, NBSP, DATE_DAY_MONTH_YEAR,
    { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
      "noviembre", "diciembre" },
    { "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic" },
    NULL, " de ", " de ", "" },
  { "ru", "Русский", FALSE, ",", NBSP, 5, NBSP, DATE_DAY_MONTH_YEAR,
    { "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
      "ноября", "декабря" },
    { "янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек." },
    NULL, " ", " ", NBSP "г." },
  { "zh", "中文", FALSE, ".", ",", 4, "", DATE_YEAR_MONTH_DAY,
    { NULL }, { NULL }, NULL, "", "", "" },
  { "ar", "العربية", TRUE, ".", ",", 4, "", DATE_DAY_MONTH_YEAR,
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
      "ديسمبر" },
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
      "ديسمبر" },
    NULL, " ", " ", "" },
};

#define ENGLISH (&languages[0])

static const struct {
  const char *context;
  const char *english;
} table[CIRT_N_STRINGS] = {
#define CIRT_STRING_ROW(id, context, english) [CIRT_STR_##id] = { context, english },
  CIRT_LANG_STRINGS (CIRT_STRING_ROW)
#undef CIRT_STRING_ROW
};

static GMutex catalogue_lock;

/* ------------------------------------------------------------------------ */
/* Catalogues: GNU .mo files, read directly */

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;
  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The entries of a .mo file (revision 0), checked against its size. */
static GHashTable *
parse_mo (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GHashTable) entries = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 magic, n, orig, trans;
  gboolean swap;

  if (size < 28)
    return NULL;
  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return NULL;
  n = read_u32 (data + 8, swap);
  orig = read_u32 (data + 12, swap);
  trans = read_u32 (data + 16, swap);
  if (n > size / 16 || orig > size - 8 * (gsize) n || trans > size - 8 * (gsize) n)
    return NULL;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 klen = read_u32 (data + orig + 8 * i, swap), koff = read_u32 (data + orig + 8 * i + 4, swap);
      guint32 vlen = read_u32 (data + trans + 8 * i, swap), voff = read_u32 (data + trans + 8 * i + 4, swap);

      /* Each string is followed by a NUL, which the length leaves out. */
      if (koff >= size || klen >= size - koff || data[koff + klen] != '\0' ||
          voff >= size || vlen >= size - voff || data[voff + vlen] != '\0')
        return NULL;
      if (klen == 0 || vlen == 0)
        continue;   /* the header, or an untranslated entry */
      g_hash_table_insert (entries, (gpointer) (data + koff), (gpointer) (data + voff));
    }
  return g_steal_pointer (&entries);
}

static const char *locale_dir;

/* The name of a language's catalogue in po/: its code, except Chinese, whose
 * catalogue is Simplified Chinese as written in China (zh_CN, the name GNOME's
 * translators use; gettext finds it for LANGUAGE=zh_CN and zh_CN.UTF-8). */
static const char *
catalogue_name (const char *code)
{
  return strcmp (code, "zh") == 0 ? "zh_CN" : code;
}

static gboolean
has_catalogue (const char *dir,
               const char *code)
{
  g_autofree char *path = g_build_filename (dir, catalogue_name (code), "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
has_any_catalogue (const char *dir)
{
  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (has_catalogue (dir, languages[i].code))
      return TRUE;
  return FALSE;
}

const char *
cirt_lang_get_locale_dir (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("CIRT_LOCALEDIR");
      const char *dir = LOCALEDIR;

      if (env != NULL && *env != '\0')
        dir = env;
#ifdef CIRT_BUILD_LOCALEDIR
      /* Running from the build tree, before `meson install`. */
      else if (!has_any_catalogue (LOCALEDIR) && has_any_catalogue (CIRT_BUILD_LOCALEDIR))
        dir = CIRT_BUILD_LOCALEDIR;
#endif
      locale_dir = g_strdup (dir);
      g_once_init_leave (&once, 1);
    }
  return locale_dir;
}

static void
ensure_catalogue (CirtLang *lang)
{
  if (g_atomic_int_get (&lang->loaded) != 0)
    return;
  g_mutex_lock (&catalogue_lock);
  if (lang->loaded == 0)
    {
      if (lang != ENGLISH)
        {
          g_autofree char *path = g_build_filename (cirt_lang_get_locale_dir (), catalogue_name (lang->code),
                                                    "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

          if (mapped != NULL)
            {
              lang->mo = g_mapped_file_get_bytes (mapped);
              lang->catalogue = parse_mo (lang->mo);
            }
        }
      for (guint i = 0; i < CIRT_N_STRINGS; i++)
        {
          const char *found = NULL;

          if (lang->catalogue != NULL)
            {
              g_autofree char *key = g_strconcat (table[i].context, "\004", table[i].english, NULL);
              found = g_hash_table_lookup (lang->catalogue, key);
            }
          lang->strings[i] = found ? found : table[i].english;
        }
      g_atomic_int_set (&lang->loaded, 1);
    }
  g_mutex_unlock (&catalogue_lock);
}

/* ------------------------------------------------------------------------ */
/* Finding a language */

/* Chinese as written in Taiwan, Hong Kong and Macao (traditional
 * characters): no catalogue is Simplified Chinese for them. */
static gboolean
is_traditional_chinese (const char *code)
{
  static const char * const traditional[] = { "zh_TW", "zh-TW", "zh_HK", "zh-HK", "zh_MO", "zh-MO", "zh-Hant",
                                              "zh_Hant" };

  for (guint i = 0; i < G_N_ELEMENTS (traditional); i++)
    if (g_ascii_strncasecmp (code, traditional[i], strlen (traditional[i])) == 0)
      return TRUE;
  return FALSE;
}

static CirtLang *
match (const char *code)
{
  if (code == NULL || is_traditional_chinese (code))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gsize n = strlen (languages[i].code);
      /* "fr", "fr_FR", "fr-CA", "fr_FR.UTF-8", "fr@euro" */
      if (g_ascii_strncasecmp (code, languages[i].code, n) == 0 &&
          (code[n] == '\0' || code[n] == '_' || code[n] == '-' || code[n] == '.' || code[n] == '@'))
        return &languages[i];
    }
  return NULL;
}

static gboolean
is_available (const CirtLang *lang)
{
  return lang == ENGLISH || has_catalogue (cirt_lang_get_locale_dir (), lang->code);
}

const char * const *
cirt_lang_available (void)
{
  static gsize once = 0;
  static const char *codes[G_N_ELEMENTS (languages) + 1];

  if (g_once_init_enter (&once))
    {
      guint n = 0;
      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        if (is_available (&languages[i]))
          codes[n++] = languages[i].code;
      codes[n] = NULL;
      g_once_init_leave (&once, 1);
    }
  return codes;
}

const CirtLang *
cirt_lang_lookup (const char *code)
{
  CirtLang *lang = match (code);

  if (lang == NULL || !g_strv_contains (cirt_lang_available (), lang->code))
    return NULL;
  ensure_catalogue (lang);
  return lang;
}

const CirtLang *
cirt_lang_get (const char *code)
{
  const CirtLang *lang = cirt_lang_lookup (code);
  return lang ? lang : cirt_lang_default ();
}

const CirtLang *
cirt_lang_default (void)
{
  ensure_catalogue (ENGLISH);
  return ENGLISH;
}

const CirtLang *
cirt_lang_for_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const CirtLang *lang;
      /* "C" ends the list of preferences: English. */
      if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0)
        break;
      if ((lang = cirt_lang_lookup (names[i])) != NULL)
        return lang;
    }
  return cirt_lang_default ();
}

const char *
cirt_lang_get_code (const CirtLang *lang)
{
  return (lang ? lang : ENGLISH)->code;
}

const char *
cirt_lang_get_name (const CirtLang *lang)
{
  return (lang ? lang : ENGLISH)->name;
}

gboolean
cirt_lang_is_rtl (const CirtLang *lang)
{
  return lang != NULL && lang->rtl;
}

const char *
cirt_lang_get_tag (const CirtLang *lang)
{
  if (lang == NULL)
    return "en";
  return strcmp (lang->code, "zh") == 0 ? "zh-CN" : lang->code;
}

/* ------------------------------------------------------------------------ */
/* Strings */

const char *
cirt_lang_str (const CirtLang *lang,
               CirtString      id)
{
  g_return_val_if_fail (id < CIRT_N_STRINGS, "");

  if (lang == NULL)
    lang = cirt_lang_default ();
  ensure_catalogue ((CirtLang *) lang);
  return lang->strings[id];
}

const char *
cirt_lang_lookup_translation (const CirtLang *lang,
                              CirtString      id)
{
  g_return_val_if_fail (lang != NULL && id < CIRT_N_STRINGS, NULL);

  ensure_catalogue ((CirtLang *) lang);
  if (lang->catalogue == NULL)
    return NULL;
  return lang->strings[id] == table[id].english ? NULL : lang->strings[id];
}

char *
cirt_lang_expand (const char *tmpl,
                  const char *a1,
                  const char *a2,
                  const char *a3,
                  const char *a4)
{
  const char *args[4] = { a1, a2, a3, a4 };
  GString *out = g_string_sized_new (strlen (tmpl) + 32);

  for (const char *p = tmpl; *p; p++)
    {
      if (p[0] == '{' && p[1] >= '1' && p[1] <= '4' && p[2] == '}')
        {
          const char *arg = args[p[1] - '1'];
          if (arg)
            g_string_append (out, arg);
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
cirt_lang_format (const CirtLang *lang,
                  CirtString      id,
                  const char     *a1,
                  const char     *a2,
                  const char     *a3,
                  const char     *a4)
{
  return cirt_lang_expand (cirt_lang_str (lang, id), a1, a2, a3, a4);
}

const char *
cirt_lang_pillar_title (const CirtLang *lang,
                        CirtPillar      pillar)
{
  static const CirtString ids[CIRT_N_PILLARS] = {
    CIRT_STR_PILLAR_LEGAL, CIRT_STR_PILLAR_TECHNICAL, CIRT_STR_PILLAR_ORGANIZATIONAL, CIRT_STR_PILLAR_CAPACITY,
    CIRT_STR_PILLAR_COOPERATION,
  };

  g_return_val_if_fail (pillar < CIRT_N_PILLARS, "");
  return cirt_lang_str (lang, ids[pillar]);
}

const char *
cirt_lang_group_name (const CirtLang *lang,
                      const char     *group)
{
  static const CirtString ids[] = {
    CIRT_STR_GROUP_ICT_MINISTRY, CIRT_STR_GROUP_REGULATOR, CIRT_STR_GROUP_LAW_ENFORCEMENT,
    CIRT_STR_GROUP_CI_ENERGY, CIRT_STR_GROUP_CI_FINANCE, CIRT_STR_GROUP_CI_TRANSPORT, CIRT_STR_GROUP_CI_WATER,
    CIRT_STR_GROUP_CI_HEALTH, CIRT_STR_GROUP_ISP_TELECOM, CIRT_STR_GROUP_CSIRT_SOC, CIRT_STR_GROUP_ACADEMIA,
    CIRT_STR_GROUP_FINANCE_MINISTRY, CIRT_STR_GROUP_DEFENCE_SECURITY, CIRT_STR_GROUP_CIVIL_SOCIETY,
    CIRT_STR_GROUP_INTERNATIONAL,
  };
  const char * const *groups = cirt_stakeholder_groups ();

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == 15);
  for (guint i = 0; groups[i] != NULL && i < G_N_ELEMENTS (ids); i++)
    if (g_strcmp0 (groups[i], group) == 0)
      return cirt_lang_str (lang, ids[i]);
  return group;
}

const char *
cirt_lang_phase (const CirtLang *lang,
                 CirtPhase       phase)
{
  switch (phase)
    {
    case CIRT_PHASE_DESIGN:
      return cirt_lang_str (lang, CIRT_STR_PHASE_DESIGN);
    case CIRT_PHASE_ESTABLISHMENT:
      return cirt_lang_str (lang, CIRT_STR_PHASE_ESTABLISHMENT);
    case CIRT_PHASE_ENHANCEMENT:
      return cirt_lang_str (lang, CIRT_STR_PHASE_ENHANCEMENT);
    case CIRT_PHASE_NONE:
    default:
      return "";
    }
}

const char *
cirt_lang_finding_kind (const CirtLang  *lang,
                        CirtFindingKind  kind)
{
  static const CirtString ids[CIRT_N_FINDING_KINDS] = {
    CIRT_STR_FINDING_KIND_ISSUE, CIRT_STR_FINDING_KIND_QUICK_WIN, CIRT_STR_FINDING_KIND_RISK,
  };

  g_return_val_if_fail (kind < CIRT_N_FINDING_KINDS, "");
  return cirt_lang_str (lang, ids[kind]);
}

const char *
cirt_lang_finding_group (const CirtLang  *lang,
                         CirtFindingKind  kind)
{
  static const CirtString ids[CIRT_N_FINDING_KINDS] = {
    CIRT_STR_FINDINGS_ISSUES, CIRT_STR_FINDINGS_QUICK_WINS, CIRT_STR_FINDINGS_RISKS,
  };

  g_return_val_if_fail (kind < CIRT_N_FINDING_KINDS, "");
  return cirt_lang_str (lang, ids[kind]);
}

const char *
cirt_lang_mission_phase (const CirtLang *lang,
                         const char     *phase)
{
  CirtPhase p;

  if (phase == NULL)
    return NULL;
  if (strcmp (phase, "assessment") == 0)
    return cirt_lang_str (lang, CIRT_STR_PHASE_ASSESSMENT);
  if (cirt_phase_from_string (phase, &p))
    return cirt_lang_phase (lang, p);
  return phase;
}

const char *
cirt_lang_region_name (const CirtLang *lang,
                       const char     *region)
{
  static const CirtString ids[CIRT_N_REGIONS] = {
    CIRT_STR_REGION_AFRICA, CIRT_STR_REGION_AMERICAS, CIRT_STR_REGION_ARAB_STATES, CIRT_STR_REGION_ASIA_PACIFIC,
    CIRT_STR_REGION_CIS, CIRT_STR_REGION_EUROPE,
  };

  for (guint r = 0; region != NULL && r < CIRT_N_REGIONS; r++)
    if (strcmp (region, cirt_region_to_string (r)) == 0)
      return cirt_lang_str (lang, ids[r]);
  return region;
}

const char *
cirt_lang_country_name (const CirtLang *lang,
                        const char     *code)
{
  const CirtCountry *country = cirt_country_lookup (code);
  const char *found = NULL;

  if (country == NULL)
    return NULL;
  if (lang == NULL)
    lang = cirt_lang_default ();
  ensure_catalogue ((CirtLang *) lang);
  if (lang->catalogue != NULL)
    {
      g_autofree char *key = g_strconcat ("country\004", country->name, NULL);
      found = g_hash_table_lookup (lang->catalogue, key);
    }
  return found ? found : country->name;
}

/* ------------------------------------------------------------------------ */
/* Numbers */

/* "12345.6" (ASCII, '.') → the language's digits, groups and separator. */
static char *
localise_digits (const CirtLang *lang,
                 const char     *ascii)
{
  GString *out = g_string_new (NULL);
  const char *p = ascii;
  const char *dot;
  gsize int_len;

  if (*p == '-')
    {
      g_string_append (out, "\u2212");   /* minus sign */
      p++;
    }
  dot = strchr (p, '.');
  int_len = dot ? (gsize) (dot - p) : strlen (p);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && int_len >= lang->min_group_digits && (int_len - i) % 3 == 0)
        g_string_append (out, lang->group);
      g_string_append_c (out, p[i]);
    }
  if (dot)
    {
      g_string_append (out, lang->decimal);
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

char *
cirt_lang_format_number (const CirtLang *lang,
                         double          value,
                         int             decimals)
{
  char fmt[8], buf[G_ASCII_DTOSTR_BUF_SIZE];
  double shown;

  if (lang == NULL)
    lang = cirt_lang_default ();
  if (isnan (value))
    return g_strdup ("—");
  decimals = CLAMP (decimals, 0, 6);
  shown = cirt_score_display_value (value, decimals);
  g_snprintf (fmt, sizeof fmt, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, fmt, shown);
  /* -0.0 after cutting a tiny negative */
  if (strcmp (buf, "-0") == 0 || (g_str_has_prefix (buf, "-0.") && strspn (buf + 3, "0") == strlen (buf + 3)))
    memmove (buf, buf + 1, strlen (buf));
  return localise_digits (lang, buf);
}

char *
cirt_lang_format_score (const CirtLang *lang,
                        double          score)
{
  return cirt_lang_format_number (lang, score, 1);
}

char *
cirt_lang_format_percent (const CirtLang *lang,
                          double          fraction)
{
  g_autofree char *number = NULL;

  if (lang == NULL)
    lang = cirt_lang_default ();
  if (isnan (fraction))
    return g_strdup ("—");
  /* Cut like scores: 79.9 % answered is not shown as the 80 % that ends "provisional". */
  number = cirt_lang_format_number (lang, fraction * 100.0, 0);
  return g_strconcat (number, lang->percent_space, "%", NULL);
}

char *
cirt_lang_format_count (const CirtLang *lang,
                        gint64          count)
{
  char buf[32];

  if (lang == NULL)
    lang = cirt_lang_default ();
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, count);
  return localise_digits (lang, buf);
}

/* ------------------------------------------------------------------------ */
/* Dates */

static gboolean
parse_date (const char *date,
            int        *y,
            int        *m,
            int        *d)
{
  if (date == NULL || strlen (date) < 10 || !g_ascii_isdigit (date[0]) || date[4] != '-' || date[7] != '-' ||
      sscanf (date, "%4d-%2d-%2d", y, m, d) != 3)
    return FALSE;
  if (date[10] != '\0')
    {
      /* A time ("2026-03-02T22:30:00Z"): its day where the reader is. */
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (date, NULL);
      g_autoptr(GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;

      if (local == NULL)
        return FALSE;
      *y = g_date_time_get_year (local);
      *m = g_date_time_get_month (local);
      *d = g_date_time_get_day_of_month (local);
    }
  return g_date_valid_dmy (*d, *m, *y);
}

static char *
format_dmy (const CirtLang *lang,
            int             y,
            int             m,
            int             d,
            gboolean        month,
            gboolean        year,
            gboolean        abbreviated)
{
  GString *s = g_string_new (NULL);

  if (lang->date_order == DATE_YEAR_MONTH_DAY)
    {
      if (year)
        g_string_append_printf (s, "%d年", y);
      if (month)
        g_string_append_printf (s, "%d月", m);
      g_string_append_printf (s, "%d日", d);
      return g_string_free (s, FALSE);
    }
  if (d == 1 && lang->first_day != NULL)
    g_string_append (s, lang->first_day);
  else
    g_string_append_printf (s, "%d", d);
  if (month)
    {
      g_string_append (s, lang->day_month_sep);
      g_string_append (s, abbreviated ? lang->months_short[m - 1] : lang->months[m - 1]);
    }
  if (year)
    {
      g_string_append (s, lang->month_year_sep);
      g_string_append_printf (s, "%d", y);
      g_string_append (s, lang->year_suffix);
    }
  return g_string_free (s, FALSE);
}

char *
cirt_lang_format_date (const CirtLang *lang,
                       const char     *date)
{
  int y, m, d;

  if (date == NULL)
    return NULL;
  if (lang == NULL)
    lang = cirt_lang_default ();
  if (!parse_date (date, &y, &m, &d))
    return g_strdup (date);
  return format_dmy (lang, y, m, d, TRUE, TRUE, FALSE);
}

char *
cirt_lang_format_date_short (const CirtLang *lang,
                             const char     *date)
{
  int y, m, d;

  if (date == NULL)
    return NULL;
  if (lang == NULL)
    lang = cirt_lang_default ();
  if (!parse_date (date, &y, &m, &d))
    return g_strdup (date);
  return format_dmy (lang, y, m, d, TRUE, TRUE, TRUE);
}

char *
cirt_lang_format_time (const CirtLang *lang,
                       const char     *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso == NULL)
    return NULL;
  if (lang == NULL)
    lang = cirt_lang_default ();
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (dt);
  day = format_dmy (lang, g_date_time_get_year (local), g_date_time_get_month (local),
                    g_date_time_get_day_of_month (local), TRUE, TRUE, TRUE);
  /* 24-hour clock everywhere these languages are written; the date and
   * the time apart by a comma (a space after the Chinese date). */
  return g_strdup_printf ("%s%s%02d:%02d", day, lang->date_order == DATE_YEAR_MONTH_DAY ? " " :
                          lang->rtl ? "، " : ", ",
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

char *
cirt_lang_format_period (const CirtLang *lang,
                         const char     *start,
                         const char     *end)
{
  int y1, m1, d1, y2, m2, d2;

  if (lang == NULL)
    lang = cirt_lang_default ();
  if (start && *start == '\0')
    start = NULL;
  if (end && *end == '\0')
    end = NULL;
  if (start == NULL && end == NULL)
    return NULL;
  if (start == NULL || end == NULL || g_strcmp0 (start, end) == 0)
    return cirt_lang_format_date (lang, start ? start : end);
  if (parse_date (start, &y1, &m1, &d1) && parse_date (end, &y2, &m2, &d2) && y1 == y2)
    {
      /* "2 – 6 March 2026", "28 February – 3 March 2026"; in Chinese the
       * year and month lead: "2026年2月28日 – 3月3日". */
      g_autofree char *first = NULL, *last = NULL;

      if (lang->date_order == DATE_YEAR_MONTH_DAY)
        {
          first = format_dmy (lang, y1, m1, d1, TRUE, TRUE, FALSE);
          last = format_dmy (lang, y2, m2, d2, m1 != m2, FALSE, FALSE);
        }
      else
        {
          first = format_dmy (lang, y1, m1, d1, m1 != m2, FALSE, FALSE);
          last = format_dmy (lang, y2, m2, d2, TRUE, TRUE, FALSE);
        }
      return g_strdup_printf ("%s – %s", first, last);
    }
  {
    g_autofree char *a = cirt_lang_format_date (lang, start);
    g_autofree char *b = cirt_lang_format_date (lang, end);
    return g_strdup_printf ("%s – %s", a, b);
  }
}
