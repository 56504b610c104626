/* cirt-export.c — options, TLP marking, report-language strings and atomic
 * output shared by the workbook (cirt-export-xlsx.c) and the report
 * (cirt-report.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-export.h"
#include "cirt-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (cirt-export-error-quark, cirt_export_error)

/* ------------------------------------------------------------------------ */
/* Options */

void
cirt_export_options_init (CirtExportOptions *options)
{
  g_return_if_fail (options != NULL);
  options->lang = "en";
  options->tlp = CIRT_TLP_AMBER;
  options->paper = CIRT_PAPER_A4;
}

static const struct {
  const char *id;
  const char *label;
  guint32     color;
  const char *meaning_en;
  const char *meaning_fr;
} tlp_table[CIRT_N_TLP] = {
  /* Colours: FIRST TLP 2.0, "Label colours" (RGB on a black background). */
  { "clear", "TLP:CLEAR", 0xFFFFFF,
    "Disclosure is not limited: recipients may share this document freely.",
    "Diffusion non limitée : les destinataires peuvent partager ce document librement." },
  { "green", "TLP:GREEN", 0x33FF00,
    "Limited disclosure: recipients may share this document within their community, not publicly.",
    "Diffusion limitée : les destinataires peuvent partager ce document au sein de leur communauté, mais pas publiquement." },
  { "amber", "TLP:AMBER", 0xFFC000,
    "Limited disclosure: recipients may share this document, on a need-to-know basis, only within their organisation and with its clients.",
    "Diffusion limitée : les destinataires ne peuvent partager ce document, selon le besoin d'en connaître, qu'au sein de leur organisation et avec ses clients." },
  { "amber-strict", "TLP:AMBER+STRICT", 0xFFC000,
    "Limited disclosure: recipients may share this document, on a need-to-know basis, only within their organisation.",
    "Diffusion limitée : les destinataires ne peuvent partager ce document, selon le besoin d'en connaître, qu'au sein de leur organisation." },
  { "red", "TLP:RED", 0xFF2B2B,
    "For the eyes and ears of the individual recipients only: no further disclosure.",
    "Réservé aux seuls destinataires nommés : aucune diffusion ultérieure." },
};

gboolean
cirt_tlp_from_string (const char *str,
                      CirtTlp    *out)
{
  g_autofree char *lower = NULL;
  const char *s;

  if (str == NULL)
    return FALSE;
  lower = g_ascii_strdown (str, -1);
  s = g_str_has_prefix (lower, "tlp:") ? lower + 4 : lower;
  if (strcmp (s, "amber+strict") == 0 || strcmp (s, "amber_strict") == 0)
    s = "amber-strict";
  /* TLP 1.0 called CLEAR "WHITE". */
  if (strcmp (s, "white") == 0)
    s = "clear";
  for (guint i = 0; i < CIRT_N_TLP; i++)
    if (strcmp (s, tlp_table[i].id) == 0)
      {
        if (out)
          *out = (CirtTlp) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_tlp_to_string (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return tlp_table[tlp].id;
}

const char *
cirt_tlp_label (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return tlp_table[tlp].label;
}

guint32
cirt_tlp_color (CirtTlp tlp)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, 0xFFFFFF);
  return tlp_table[tlp].color;
}

const char *
cirt_tlp_meaning (CirtTlp     tlp,
                  const char *lang)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  if (g_strcmp0 (cirt_export_language_find (lang), "fr") == 0)
    return tlp_table[tlp].meaning_fr;
  return tlp_table[tlp].meaning_en;
}

static const struct {
  const char *id;
  double      width, height;   /* points */
} paper_table[CIRT_N_PAPERS] = {
  { "a4", 595.2756, 841.8898 },   /* 210 × 297 mm */
  { "letter", 612.0, 792.0 },     /* 8.5 × 11 in */
};

gboolean
cirt_paper_from_string (const char *str,
                        CirtPaper  *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < CIRT_N_PAPERS; i++)
    if (g_ascii_strcasecmp (str, paper_table[i].id) == 0)
      {
        if (out)
          *out = (CirtPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cirt_paper_to_string (CirtPaper paper)
{
  g_return_val_if_fail (paper < CIRT_N_PAPERS, NULL);
  return paper_table[paper].id;
}

void
cirt_paper_get_size (CirtPaper  paper,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (paper < CIRT_N_PAPERS);
  if (width)
    *width = paper_table[paper].width;
  if (height)
    *height = paper_table[paper].height;
}

static const char * const export_languages[] = { "en", "fr", NULL };

const char * const *
cirt_export_languages (void)
{
  return export_languages;
}

const char *
cirt_export_language_find (const char *lang)
{
  if (lang == NULL)
    return NULL;
  for (guint i = 0; export_languages[i]; i++)
    {
      gsize n = strlen (export_languages[i]);
      /* "fr", "fr_FR", "fr-CA", "fr_FR.UTF-8" */
      if (g_ascii_strncasecmp (lang, export_languages[i], n) == 0 &&
          (lang[n] == '\0' || lang[n] == '_' || lang[n] == '-' || lang[n] == '.'))
        return export_languages[i];
    }
  return NULL;
}

gboolean
cirt_export_options_check (const CirtExportOptions *options,
                           GError                 **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->lang != NULL && cirt_export_language_find (options->lang) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) export_languages);
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION,
                   "exports cannot be written in \"%s\" (available: %s)", options->lang, list);
      return FALSE;
    }
  if ((guint) options->tlp >= CIRT_N_TLP)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, "unknown TLP marking %d", (int) options->tlp);
      return FALSE;
    }
  if ((guint) options->paper >= CIRT_N_PAPERS)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, "unknown paper size %d", (int) options->paper);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Atomic output */

char *
cirt_export_temp_create (const char  *path,
                         int         *fd,
                         GError     **error)
{
  g_autofree char *dir = NULL, *base = NULL, *tmpl = NULL;
  int saved_errno, tmp_fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, "%s is a folder, not a file name", path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, next to the target, recognisable: ".report.pdf.XXXXXX". */
  {
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
    tmpl = g_build_filename (dir, name, NULL);
  }
  /* 0666 & ~umask, like any file the user creates. */
  tmp_fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (tmp_fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE,
                   "cannot write in %s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }
  if (fd)
    *fd = tmp_fd;
  else
    close (tmp_fd);
  return g_steal_pointer (&tmpl);
}

gboolean
cirt_export_temp_commit (const char  *tmp_path,
                         const char  *path,
                         GError     **error)
{
  int fd, saved_errno;

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE,
                   "cannot write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE,
                   "cannot write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Report-language strings */

#define CIRT_EXPORT_STR_ROW(key, en, fr) [CIRT_STR_##key] = { en, fr },
static const struct {
  const char *en;
  const char *fr;
} export_strings[CIRT_N_EXPORT_STRINGS] = {
  CIRT_EXPORT_STRINGS (CIRT_EXPORT_STR_ROW)
};
#undef CIRT_EXPORT_STR_ROW

const char *
cirt_export_str (const char       *lang,
                 CirtExportString  id)
{
  g_return_val_if_fail (id < CIRT_N_EXPORT_STRINGS, "");
  if (g_strcmp0 (cirt_export_language_find (lang), "fr") == 0)
    return export_strings[id].fr;
  return export_strings[id].en;
}

char *
cirt_export_answer_words (const char         *lang,
                          const CirtQuestion *question,
                          const CirtAnswer   *answer)
{
  if (answer == NULL || (!answer->not_applicable && answer->value == NULL))
    return g_strdup (cirt_export_str (lang, CIRT_STR_NOT_ANSWERED));
  if (answer->not_applicable)
    return g_strdup (cirt_export_str (lang, CIRT_STR_NOT_APPLICABLE));
  return cirt_question_describe_value (question, answer->value, lang);
}

double
cirt_export_answer_score (const CirtQuestion *question,
                          const CirtAnswer   *answer)
{
  double s;

  if (answer == NULL || answer->not_applicable || answer->value == NULL || !cirt_kind_is_scored (question->kind))
    return NAN;
  s = cirt_question_score_value (question, answer->value);
  return s < 0 ? NAN : 100.0 * s;
}

void
cirt_export_str_pair (CirtExportString   id,
                      const char       **en,
                      const char       **fr)
{
  g_return_if_fail (id < CIRT_N_EXPORT_STRINGS);
  *en = export_strings[id].en;
  *fr = export_strings[id].fr;
}

char *
cirt_export_expand (const char *tmpl,
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

static const char *months_en[12] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};
static const char *months_fr[12] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre",
};

static gboolean
parse_date (const char *date,
            int        *y,
            int        *m,
            int        *d)
{
  if (date == NULL || strlen (date) < 10 || sscanf (date, "%4d-%2d-%2d", y, m, d) != 3)
    return FALSE;
  return g_date_valid_dmy (*d, *m, *y);
}

static const char *
month_name (int         m,
            const char *lang)
{
  return g_strcmp0 (cirt_export_language_find (lang), "fr") == 0 ? months_fr[m - 1] : months_en[m - 1];
}

char *
cirt_export_format_date (const char *date,
                         const char *lang)
{
  int y, m, d;

  if (date == NULL)
    return NULL;
  if (!parse_date (date, &y, &m, &d))
    return g_strdup (date);
  if (d == 1 && g_strcmp0 (cirt_export_language_find (lang), "fr") == 0)
    return g_strdup_printf ("1er %s %d", month_name (m, lang), y);
  return g_strdup_printf ("%d %s %d", d, month_name (m, lang), y);
}

char *
cirt_export_format_period (const char *start,
                           const char *end,
                           const char *lang)
{
  int y1, m1, d1, y2, m2, d2;

  if (start && *start == '\0')
    start = NULL;
  if (end && *end == '\0')
    end = NULL;
  if (start == NULL && end == NULL)
    return NULL;
  if (start == NULL || end == NULL || g_strcmp0 (start, end) == 0)
    return cirt_export_format_date (start ? start : end, lang);
  if (parse_date (start, &y1, &m1, &d1) && parse_date (end, &y2, &m2, &d2) && y1 == y2)
    {
      g_autofree char *last = cirt_export_format_date (end, lang);
      if (m1 == m2)
        return g_strdup_printf ("%d – %s", d1, last);
      return g_strdup_printf ("%d %s – %s", d1, month_name (m1, lang), last);
    }
  {
    g_autofree char *a = cirt_export_format_date (start, lang);
    g_autofree char *b = cirt_export_format_date (end, lang);
    return g_strdup_printf ("%s – %s", a, b);
  }
}

char *
cirt_export_format_score (double      value,
                          const char *lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *s;

  if (isnan (value))
    return g_strdup ("—");
  /* The project's display rule: cut, never rounded up, so a shown number
   * never reaches a threshold its level has not reached (the charts too). */
  g_ascii_formatd (buf, sizeof buf, "%.1f", cirt_score_display_value (value, 1));
  s = g_strdup (buf);
  if (g_strcmp0 (cirt_export_language_find (lang), "fr") == 0)
    g_strdelimit (s, ".", ',');
  return s;
}

char *
cirt_export_format_percent (double      fraction,
                            const char *lang)
{
  double shown;

  if (isnan (fraction))
    return g_strdup ("—");
  /* Cut like scores: 79.9 % answered is not shown as the 80 % that ends "provisional". */
  shown = cirt_score_display_value (fraction * 100.0, 0);
  /* French typography: a (narrow) no-break space before %. */
  if (g_strcmp0 (cirt_export_language_find (lang), "fr") == 0)
    return g_strdup_printf ("%.0f\u202f%%", shown);
  return g_strdup_printf ("%.0f%%", shown);
}

const char *
cirt_export_phase_name (CirtPhase   phase,
                        const char *lang)
{
  switch (phase)
    {
    case CIRT_PHASE_DESIGN:
      return cirt_export_str (lang, CIRT_STR_PHASE_DESIGN);
    case CIRT_PHASE_ESTABLISHMENT:
      return cirt_export_str (lang, CIRT_STR_PHASE_ESTABLISHMENT);
    case CIRT_PHASE_ENHANCEMENT:
      return cirt_export_str (lang, CIRT_STR_PHASE_ENHANCEMENT);
    case CIRT_PHASE_NONE:
    default:
      return "";
    }
}

const char *
cirt_export_mission_phase_name (const char *phase,
                                const char *lang)
{
  CirtPhase p;

  if (phase == NULL)
    return NULL;
  if (strcmp (phase, "assessment") == 0)
    return cirt_export_str (lang, CIRT_STR_PHASE_ASSESSMENT);
  if (cirt_phase_from_string (phase, &p))
    return cirt_export_phase_name (p, lang);
  return phase;
}

char *
cirt_export_level_words (CirtScore  *score,
                         int         level,
                         const char *lang)
{
  const CirtLevelInfo *info;
  g_autofree char *num = NULL, *head = NULL;

  if (level < 1 || level > CIRT_N_LEVELS)
    return g_strdup (cirt_export_str (lang, CIRT_STR_NO_SCORE));
  num = g_strdup_printf ("%d", level);
  head = cirt_export_expand (cirt_export_str (lang, CIRT_STR_LEVEL_N), num, NULL, NULL, NULL);
  info = cirt_score_get_level_info (score, level);
  if (info == NULL || info->name == NULL)
    return g_steal_pointer (&head);
  return g_strdup_printf ("%s – %s", head, cirt_text_get (info->name, lang));
}

/* ------------------------------------------------------------------------ */
/* Data */

CirtExportData *
cirt_export_data_load (CirtStore   *store,
                       const char  *assessment_id,
                       GError     **error)
{
  g_autoptr(CirtExportData) data = g_new0 (CirtExportData, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);
  g_return_val_if_fail (assessment_id != NULL, NULL);

  if ((data->info = cirt_store_get_assessment (store, assessment_id, error)) == NULL ||
      (data->score = cirt_score_load (store, assessment_id, error)) == NULL ||
      (data->answers = cirt_store_get_answers (store, assessment_id, error)) == NULL ||
      (data->stakeholders = cirt_store_list_stakeholders (store, assessment_id, error)) == NULL)
    return NULL;
  if (data->info->baseline != NULL)
    {
      /* A follow-up: compare with the earlier assessment when it is still
       * in the database (it may have been deleted since). */
      g_autoptr(CirtAssessmentInfo) base = cirt_store_get_assessment (store, data->info->baseline, NULL);
      if (base != NULL && (data->baseline = cirt_score_load (store, base->id, NULL)) != NULL)
        data->baseline_title = g_strdup (base->title);
    }
  data->generated_on = g_date_time_format (now, "%Y-%m-%d");
  return g_steal_pointer (&data);
}

void
cirt_export_data_free (CirtExportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->info, cirt_assessment_info_free);
  g_clear_object (&data->score);
  g_clear_object (&data->baseline);
  g_free (data->baseline_title);
  g_clear_pointer (&data->answers, g_hash_table_unref);
  g_clear_pointer (&data->stakeholders, g_ptr_array_unref);
  g_free (data->generated_on);
  g_free (data);
}

const CirtAnswer *
cirt_export_data_answer (CirtExportData     *data,
                         const CirtQuestion *question)
{
  return g_hash_table_lookup (data->answers, question->id);
}

/* ------------------------------------------------------------------------ */
/* Spreadsheet cells */

static gsize
utf16_units (gunichar c)
{
  return c > 0xFFFF ? 2 : 1;
}

char *
cirt_export_fit_cell (const char *text,
                      const char *lang,
                      gsize       limit,
                      gboolean   *truncated)
{
  gsize units = 0, total_chars = 0, kept_chars = 0, marker_units = 0;
  const char *p, *cut = NULL;
  g_autofree char *marker = NULL, *count = NULL;

  *truncated = FALSE;
  if (text == NULL)
    return NULL;
  for (p = text; *p; p = g_utf8_next_char (p))
    units += utf16_units (g_utf8_get_char (p));
  if (units <= limit)
    return NULL;

  total_chars = g_utf8_strlen (text, -1);
  /* The marker names how many characters were left out, which depends on
   * where the cut falls; size it with the largest possible count. */
  count = g_strdup_printf ("%" G_GSIZE_FORMAT, total_chars);
  marker = cirt_export_expand (cirt_export_str (lang, CIRT_STR_TRUNCATED), count, NULL, NULL, NULL);
  for (p = marker; *p; p = g_utf8_next_char (p))
    marker_units += utf16_units (g_utf8_get_char (p));
  g_return_val_if_fail (marker_units + 2 < limit, NULL);

  units = 0;
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gsize u = utf16_units (g_utf8_get_char (p));
      if (units + u + marker_units + 2 > limit)
        break;
      units += u;
      kept_chars++;
    }
  cut = p;
  g_clear_pointer (&count, g_free);
  g_clear_pointer (&marker, g_free);
  count = g_strdup_printf ("%" G_GSIZE_FORMAT, total_chars - kept_chars);
  marker = cirt_export_expand (cirt_export_str (lang, CIRT_STR_TRUNCATED), count, NULL, NULL, NULL);
  *truncated = TRUE;
  return g_strdup_printf ("%.*s\n\n%s", (int) (cut - text), text, marker);
}

/* ------------------------------------------------------------------------ */
/* Checking a written workbook */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;
          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&init, 1);
    }
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
inflate_raw (const guint8 *in,
             gsize         in_len,
             guint8       *out,
             gsize         out_len)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  gsize done_in = 0, done_out = 0;

  for (;;)
    {
      gsize r = 0, w = 0;
      GConverterResult res;
      /* One spare byte: more output than the directory says is an error too. */
      guint8 spare;
      guint8 *dst = done_out < out_len ? out + done_out : &spare;
      gsize room = done_out < out_len ? out_len - done_out : 1;

      res = g_converter_convert (G_CONVERTER (z), in + done_in, in_len - done_in, dst, room,
                                 G_CONVERTER_INPUT_AT_END, &r, &w, NULL);
      if (res == G_CONVERTER_ERROR)
        return FALSE;
      done_in += r;
      done_out += w;
      if (done_out > out_len)
        return FALSE;
      if (res == G_CONVERTER_FINISHED)
        return done_out == out_len;
      if (r == 0 && w == 0)
        return FALSE;
    }
}

/* An XML part is complete when it ends by closing its root element. */
static gboolean
xml_part_complete (const char *xml,
                   gsize       len)
{
  const char *p = xml, *end = xml + len, *name;
  gsize name_len;
  g_autofree char *closing = NULL;

  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (end - p >= 5 && strncmp (p, "<?xml", 5) == 0)
    {
      const char *q = g_strstr_len (p, end - p, "?>");
      if (q == NULL)
        return FALSE;
      p = q + 2;
    }
  while (p < end && *p != '<')
    p++;
  if (p >= end)
    return FALSE;
  name = ++p;
  while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
    p++;
  name_len = p - name;
  if (name_len == 0)
    return FALSE;
  if (end - xml >= 2 && end[-2] == '/' && end[-1] == '>' && g_strstr_len (name, end - name, ">") == end - 1)
    return TRUE;   /* <root ... /> */
  closing = g_strdup_printf ("</%.*s>", (int) name_len, name);
  return (gsize) (end - xml) >= strlen (closing) && strncmp (end - strlen (closing), closing, strlen (closing)) == 0;
}

gboolean
cirt_export_verify_xlsx (const char  *path,
                         GError     **error)
{
  g_autofree guint8 *data = NULL;
  gsize len = 0;
  const guint8 *eocd = NULL;
  guint n_entries;
  gsize cd_offset, pos;

#define BROKEN(what) G_STMT_START { \
    g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_WRITE, \
                 "the workbook came out incomplete (%s); is the disk or the temporary folder full?", what); \
    return FALSE; \
  } G_STMT_END

  if (!g_file_get_contents (path, (char **) &data, &len, error))
    return FALSE;
  if (len < 22)
    BROKEN ("no ZIP directory");
  for (gsize i = len - 22; ; i--)
    {
      if (le32 (data + i) == 0x06054b50)
        {
          eocd = data + i;
          break;
        }
      if (i == 0 || len - i > 22 + 0xFFFF)
        break;
    }
  if (eocd == NULL)
    BROKEN ("no ZIP directory");
  n_entries = le16 (eocd + 10);
  cd_offset = le32 (eocd + 16);
  if (n_entries == 0xFFFF || cd_offset == 0xFFFFFFFF)
    return TRUE;   /* ZIP64: not written by us (use_zip64 is off) */
  if (n_entries == 0 || cd_offset >= len)
    BROKEN ("empty ZIP directory");

  pos = cd_offset;
  for (guint e = 0; e < n_entries; e++)
    {
      guint16 method, name_len;
      guint32 crc, csize, usize, local;
      gsize data_at;
      g_autofree char *name = NULL;
      g_autofree guint8 *plain = NULL;

      if (pos + 46 > len || le32 (data + pos) != 0x02014b50)
        BROKEN ("damaged ZIP directory");
      method = le16 (data + pos + 10);
      crc = le32 (data + pos + 16);
      csize = le32 (data + pos + 20);
      usize = le32 (data + pos + 24);
      name_len = le16 (data + pos + 28);
      local = le32 (data + pos + 42);
      if (pos + 46 + name_len > len)
        BROKEN ("damaged ZIP directory");
      name = g_strndup ((const char *) data + pos + 46, name_len);
      pos += 46 + name_len + le16 (data + pos + 30) + le16 (data + pos + 32);

      if (local + 30 > len || le32 (data + local) != 0x04034b50)
        BROKEN (name);
      data_at = local + 30 + le16 (data + local + 26) + le16 (data + local + 28);
      if (data_at + csize > len)
        BROKEN (name);
      plain = g_malloc (usize + 1);
      if (method == 0)
        {
          if (csize != usize)
            BROKEN (name);
          memcpy (plain, data + data_at, usize);
        }
      else if (method == 8)
        {
          if (!inflate_raw (data + data_at, csize, plain, usize))
            BROKEN (name);
        }
      else
        BROKEN (name);
      if (crc32_update (0, plain, usize) != crc)
        BROKEN (name);
      if ((g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")) &&
          !xml_part_complete ((const char *) plain, usize))
        BROKEN (name);
    }
#undef BROKEN
  return TRUE;
}
