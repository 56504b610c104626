/* cirt-export.c — options and the TLP marking shared by the workbook
 * (cirt-export-xlsx.c) and the report (cirt-report.c), and answers in words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-export.h"
#include "cirt-export-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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
  options->seal = NULL;
}

static const struct {
  const char *id;
  const char *label;
  guint32     color;
  CirtString  meaning;
} tlp_table[CIRT_N_TLP] = {
  /* Colours: FIRST TLP 2.0, "Label colours" (RGB on a black background). */
  { "clear", "TLP:CLEAR", 0xFFFFFF, CIRT_STR_TLP_CLEAR },
  { "green", "TLP:GREEN", 0x33FF00, CIRT_STR_TLP_GREEN },
  { "amber", "TLP:AMBER", 0xFFC000, CIRT_STR_TLP_AMBER },
  { "amber-strict", "TLP:AMBER+STRICT", 0xFFC000, CIRT_STR_TLP_AMBER_STRICT },
  { "red", "TLP:RED", 0xFF2B2B, CIRT_STR_TLP_RED },
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
cirt_tlp_meaning (CirtTlp         tlp,
                  const CirtLang *lang)
{
  g_return_val_if_fail (tlp < CIRT_N_TLP, NULL);
  return cirt_lang_str (lang, tlp_table[tlp].meaning);
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

gboolean
cirt_export_options_check (const CirtExportOptions *options,
                           GError                 **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->lang != NULL && cirt_lang_lookup (options->lang) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) cirt_lang_available ());
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION,
                   /* translators: "exports cannot be written in "xx" (available: en, fr)" */
                   _("exports cannot be written in \"%s\" (available: %s)"), options->lang, list);
      return FALSE;
    }
  if ((guint) options->tlp >= CIRT_N_TLP)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, _("unknown TLP marking %d"), (int) options->tlp);
      return FALSE;
    }
  if ((guint) options->paper >= CIRT_N_PAPERS)
    {
      g_set_error (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION, _("unknown paper size %d"), (int) options->paper);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Answers and levels in words */

char *
cirt_export_answer_words (const CirtLang     *lang,
                          const CirtQuestion *question,
                          const CirtAnswer   *answer)
{
  if (answer == NULL || (!answer->not_applicable && answer->value == NULL))
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NOT_ANSWERED));
  if (answer->not_applicable)
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NOT_APPLICABLE));
  return cirt_question_describe_value (question, answer->value, cirt_lang_get_code (lang));
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

char *
cirt_export_level_words (const CirtLang *lang,
                         CirtScore      *score,
                         int             level)
{
  const CirtLevelInfo *info;
  g_autofree char *num = NULL;

  if (level < 1 || level > CIRT_N_LEVELS)
    return g_strdup (cirt_lang_str (lang, CIRT_STR_NO_SCORE));
  num = g_strdup_printf ("%d", level);
  info = cirt_score_get_level_info (score, level);
  if (info == NULL || info->name == NULL)
    return cirt_lang_format (lang, CIRT_STR_LEVEL_N, num, NULL, NULL, NULL);
  return cirt_lang_format (lang, CIRT_STR_LEVEL_N_NAME, num, cirt_text_get (info->name, cirt_lang_get_code (lang)),
                           NULL, NULL);
}

char *
cirt_export_fallback_note (const CirtLang *lang,
                           CirtScore      *score)
{
  GPtrArray *instruments = cirt_score_get_instruments (score);
  const char *code = cirt_lang_get_code (lang);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);
      const char * const *langs = cirt_instrument_get_languages (inst);

      if (langs != NULL && g_strv_contains (langs, code))
        continue;
      if (names->len > 0)
        g_string_append (names, cirt_lang_str (lang, CIRT_STR_LIST_SEPARATOR));
      g_string_append_printf (names, "“%s”", cirt_instrument_get_title (inst, code));
    }
  if (names->len == 0)
    return NULL;
  return cirt_lang_format (lang, CIRT_STR_METH_FALLBACK, names->str, NULL, NULL, NULL);
}
