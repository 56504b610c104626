/* cirt-question.c — answer values: checking and making canonical what an
 * assessor gives, scoring it, describing it in words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-instrument-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cirt-lang.h"
#include "cirt-records.h"

/* ------------------------------------------------------------------------ */
/* Answer values                                                            */

const CirtOption *
cirt_question_lookup_option (const CirtQuestion *question,
                             const char         *option_id)
{
  if (question->options == NULL || option_id == NULL)
    return NULL;
  for (guint i = 0; i < question->options->len; i++)
    {
      const CirtOption *o = g_ptr_array_index (question->options, i);
      if (strcmp (o->id, option_id) == 0)
        return o;
    }
  return NULL;
}

static char *
option_list (const CirtQuestion *question)
{
  g_autoptr(GString) s = g_string_new (NULL);
  for (guint i = 0; i < question->options->len; i++)
    {
      const CirtOption *o = g_ptr_array_index (question->options, i);
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, o->id);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The value is quoted, shortened: it may be a megabyte long. */
#define VALUE_ERROR(...) \
  (value_error (error, g_strdup_printf (__VA_ARGS__)), (char *) NULL)

static void
value_error (GError **error,
             char    *message)
{
  message = cirt_shorten_message (message);
  g_set_error_literal (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_VALUE, message);
  g_free (message);
}

char *
cirt_question_parse_value (const CirtQuestion *question,
                           const char         *input,
                           GError            **error)
{
  g_autofree char *v = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  if (input == NULL)
    return VALUE_ERROR (_("%s: no value given"), question->id);
  if (!g_utf8_validate (input, -1, NULL))
    return VALUE_ERROR (_("%s: the value is not valid UTF-8 text"), question->id);

  v = g_strstrip (g_strdup (input));

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (v) == 1 && v[0] >= '0' && v[0] <= '4')
        return g_steal_pointer (&v);
      return VALUE_ERROR (_("%s: \"%s\" is not a level; a level question takes 0, 1, 2, 3 or 4"), question->id, input);

    case CIRT_KIND_YESNO:
      {
        g_autofree char *lower = g_ascii_strdown (v, -1);
        if (strcmp (lower, "yes") == 0 || strcmp (lower, "partial") == 0 || strcmp (lower, "no") == 0)
          return g_steal_pointer (&lower);
        return VALUE_ERROR (_("%s: \"%s\" is not an answer; this question takes yes, partial or no"), question->id, input);
      }

    case CIRT_KIND_CHOICE:
      if (cirt_question_lookup_option (question, v) != NULL)
        return g_steal_pointer (&v);
      {
        g_autofree char *opts = option_list (question);
        return VALUE_ERROR (_("%s: \"%s\" is not an option; this question takes one of: %s"), question->id, input, opts);
      }

    case CIRT_KIND_CHECKLIST:
      {
        g_auto(GStrv) parts = g_strsplit (v, ",", -1);
        g_autoptr(GHashTable) ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint i = 0; parts[i]; i++)
          {
            char *p = g_strstrip (parts[i]);
            if (*p == '\0')
              continue;
            if (cirt_question_lookup_option (question, p) == NULL)
              {
                g_autofree char *opts = option_list (question);
                return VALUE_ERROR (_("%s: \"%s\" is not an option; this question takes a comma-separated list of: %s"),
                                    question->id, p, opts);
              }
            g_hash_table_add (ticked, g_strdup (p));
          }
        for (guint i = 0; i < question->options->len; i++)
          {
            const CirtOption *o = g_ptr_array_index (question->options, i);
            if (g_hash_table_contains (ticked, o->id))
              {
                if (out->len)
                  g_string_append_c (out, ',');
                g_string_append (out, o->id);
              }
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }

    case CIRT_KIND_NUMBER:
      {
        char *end = NULL;
        double d;

        errno = 0;
        d = g_ascii_strtod (v, &end);
        if (*v == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite (d))
          return VALUE_ERROR (_("%s: \"%s\" is not a number; write it with digits, e.g. 1250 or 12.5"), question->id, input);
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
        }
      }

    case CIRT_KIND_DATE:
      {
        g_autoptr(GDateTime) dt = NULL;
        g_autofree char *iso = g_strconcat (v, "T00:00:00Z", NULL);
        if (strlen (v) == 10)
          dt = g_date_time_new_from_iso8601 (iso, NULL);
        if (dt == NULL)
          return VALUE_ERROR (_("%s: \"%s\" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02"), question->id, input);
        return g_date_time_format (dt, "%Y-%m-%d");
      }

    case CIRT_KIND_TEXT:
      return g_strdup (input);

    case CIRT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* Whether @id is one of the comma-separated ids of @value (a checklist's
 * answer), without splitting it: scoring a portfolio meets it a quarter of
 * a million times. */
static gboolean
ticked (const char *value,
        const char *id)
{
  gsize n = strlen (id);

  for (const char *p = value; *p != '\0';)
    {
      const char *comma = strchr (p, ',');
      gsize len = comma ? (gsize) (comma - p) : strlen (p);

      if (len == n && strncmp (p, id, n) == 0)
        return TRUE;
      if (comma == NULL)
        break;
      p = comma + 1;
    }
  return FALSE;
}

/* The number of ids in @value, as g_strsplit() counts them ("" has none). */
static guint
n_ticked (const char *value)
{
  guint n = *value != '\0';

  for (const char *p = value; *p != '\0'; p++)
    n += *p == ',';
  return n;
}

double
cirt_question_score_value (const CirtQuestion *question,
                           const char         *value)
{
  g_return_val_if_fail (question != NULL, -1);

  if (value == NULL || !cirt_kind_is_scored (question->kind))
    return -1;

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (value) == 1 && value[0] >= '0' && value[0] <= '4')
        return (value[0] - '0') / 4.0;
      return -1;
    case CIRT_KIND_YESNO:
      if (strcmp (value, "yes") == 0)
        return 1.0;
      if (strcmp (value, "partial") == 0)
        return 0.5;
      if (strcmp (value, "no") == 0)
        return 0.0;
      return -1;
    case CIRT_KIND_CHOICE:
      {
        const CirtOption *o = cirt_question_lookup_option (question, value);
        return o ? o->score : -1;
      }
    case CIRT_KIND_CHECKLIST:
      {
        double total = 0, sum = 0;
        for (guint i = 0; i < question->options->len; i++)
          {
            const CirtOption *o = g_ptr_array_index (question->options, i);
            total += o->weight;
            if (ticked (value, o->id))
              sum += o->weight;
          }
        /* All weights zero: nothing to measure, treat as fully met only if
         * everything is ticked, else not met. */
        if (total <= 0)
          return n_ticked (value) == question->options->len ? 1.0 : 0.0;
        return sum / total;
      }
    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return -1;
    }
}

static const char *
yesno_word (const char *value,
            const char *lang)
{
  const CirtLang *l = cirt_lang_get (lang);

  if (strcmp (value, "yes") == 0)
    return cirt_lang_str (l, CIRT_STR_ANSWER_YES);
  if (strcmp (value, "partial") == 0)
    return cirt_lang_str (l, CIRT_STR_ANSWER_PARTIAL);
  if (strcmp (value, "no") == 0)
    return cirt_lang_str (l, CIRT_STR_ANSWER_NO);
  return value;
}

char *
cirt_question_describe_value (const CirtQuestion *question,
                              const char         *value,
                              const char         *lang)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (value == NULL)
    return NULL;

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (value) == 1 && value[0] >= '0' && value[0] <= '4')
        return g_strdup_printf ("%c — %s", value[0], cirt_text_get (question->level_text[value[0] - '0'], lang));
      return g_strdup (value);
    case CIRT_KIND_YESNO:
      return g_strdup (yesno_word (value, lang));
    case CIRT_KIND_CHOICE:
      {
        const CirtOption *o = cirt_question_lookup_option (question, value);
        return g_strdup (o ? cirt_text_get (o->text, lang) : value);
      }
    case CIRT_KIND_CHECKLIST:
      {
        g_auto(GStrv) ticked = g_strsplit (value, ",", -1);
        g_autoptr(GString) s = g_string_new (NULL);
        for (guint i = 0; ticked[i]; i++)
          {
            const CirtOption *o = cirt_question_lookup_option (question, ticked[i]);
            if (o == NULL)
              continue;
            if (s->len)
              g_string_append (s, "; ");
            g_string_append (s, cirt_text_get (o->text, lang));
          }
        return g_string_free (g_steal_pointer (&s), FALSE);
      }
    case CIRT_KIND_NUMBER:
      if (question->unit)
        return g_strdup_printf ("%s %s", value, cirt_text_get (question->unit, lang));
      return g_strdup (value);
    case CIRT_KIND_TEXT:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return g_strdup (value);
    }
}
