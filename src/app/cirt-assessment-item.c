/* cirt-assessment-item.c — one assessment in the sidebar's list model
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-lang.h"
#include "cirt-assessment-item.h"

struct _CirtAssessmentItem {
  GObject             parent_instance;

  CirtAssessmentInfo *info;
  char               *subtitle;
  char               *progress_text;
  char               *title_key;     /* collation keys */
  char               *country_key;
  GStrv               tokens;        /* folded words of title, country, organisation */
  GStrv               alternates;    /* their ASCII forms */
};

G_DEFINE_FINAL_TYPE (CirtAssessmentItem, cirt_assessment_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PROGRESS_TEXT,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
make_subtitle (const CirtAssessmentInfo *info)
{
  GString *s = g_string_new (NULL);

  if (info->baseline != NULL)
    g_string_append_printf (s, "%s · ", _("Follow-up"));
  g_string_append (s, info->country ? info->country : "");
  if (info->organisation && *info->organisation)
    g_string_append_printf (s, " · %s", info->organisation);
  return g_string_free (s, FALSE);
}

static char *
make_progress_text (const CirtAssessmentInfo *info)
{
  g_autofree char *date = cirt_lang_format_date_short (cirt_lang_for_locale (), info->created_at);
  /* translators: in the assessment list, "12/52 · 2 Mar 2026" */
  return g_strdup_printf (_("%u/%u · %s"), info->n_answered, info->n_questions, date ? date : "");
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
cirt_assessment_item_finalize (GObject *object)
{
  CirtAssessmentItem *self = CIRT_ASSESSMENT_ITEM (object);

  cirt_assessment_info_free (self->info);
  g_free (self->subtitle);
  g_free (self->progress_text);
  g_free (self->title_key);
  g_free (self->country_key);
  g_strfreev (self->tokens);
  g_strfreev (self->alternates);
  G_OBJECT_CLASS (cirt_assessment_item_parent_class)->finalize (object);
}

static void
cirt_assessment_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CirtAssessmentItem *self = CIRT_ASSESSMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->info->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->info->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, cirt_assessment_item_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_item_class_init (CirtAssessmentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cirt_assessment_item_finalize;
  object_class->get_property = cirt_assessment_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cirt_assessment_item_init (CirtAssessmentItem *self)
{
}

CirtAssessmentItem *
cirt_assessment_item_new (const CirtAssessmentInfo *info)
{
  CirtAssessmentItem *self = g_object_new (CIRT_TYPE_ASSESSMENT_ITEM, NULL);

  self->info = cirt_assessment_info_new ();
  cirt_assessment_item_update (self, info);
  return self;
}

void
cirt_assessment_item_update (CirtAssessmentItem       *self,
                             const CirtAssessmentInfo *info)
{
  g_autofree char *subtitle = make_subtitle (info);
  g_autofree char *progress = make_progress_text (info);
  gboolean title_changed = g_strcmp0 (self->info->title, info->title) != 0;
  gboolean fraction_changed = self->info->n_answered != info->n_answered ||
                              self->info->n_questions != info->n_questions;
  gboolean words_changed = title_changed || g_strcmp0 (self->info->country, info->country) != 0 ||
                           g_strcmp0 (self->info->organisation, info->organisation) != 0;
  gboolean subtitle_changed, progress_changed;

  g_return_if_fail (CIRT_IS_ASSESSMENT_ITEM (self));

  cirt_assessment_info_free (self->info);
  self->info = cirt_assessment_info_copy (info);
  subtitle_changed = set_string (&self->subtitle, subtitle);
  progress_changed = set_string (&self->progress_text, progress);

  /* The search words and sort keys are made when first needed: a list of a
   * thousand assessments shown by date needs none of them to start. */
  if (words_changed)
    {
      g_clear_pointer (&self->tokens, g_strfreev);
      g_clear_pointer (&self->alternates, g_strfreev);
      g_clear_pointer (&self->title_key, g_free);
      g_clear_pointer (&self->country_key, g_free);
    }

  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (subtitle_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
  if (progress_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TEXT]);
  if (fraction_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

const CirtAssessmentInfo *
cirt_assessment_item_get_info (CirtAssessmentItem *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ITEM (self), NULL);
  return self->info;
}

const char *
cirt_assessment_item_get_id (CirtAssessmentItem *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ITEM (self), NULL);
  return self->info->id;
}

double
cirt_assessment_item_get_fraction (CirtAssessmentItem *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ITEM (self), 0);
  return self->info->n_questions ? (double) self->info->n_answered / self->info->n_questions : 0;
}

static void
ensure_words (CirtAssessmentItem *self)
{
  const CirtAssessmentInfo *info = self->info;
  g_autofree char *words = NULL;

  if (self->tokens != NULL)
    return;
  words = g_strjoin (" ", info->title ? info->title : "", info->country ? info->country : "",
                     info->organisation ? info->organisation : "", NULL);
  self->tokens = g_str_tokenize_and_fold (words, NULL, &self->alternates);
}

static const char *
title_key (CirtAssessmentItem *self)
{
  if (self->title_key == NULL)
    {
      g_autofree char *fold = g_utf8_casefold (self->info->title ? self->info->title : "", -1);
      self->title_key = g_utf8_collate_key (fold, -1);
    }
  return self->title_key;
}

static const char *
country_key (CirtAssessmentItem *self)
{
  if (self->country_key == NULL)
    {
      g_autofree char *fold = g_utf8_casefold (self->info->country ? self->info->country : "", -1);
      self->country_key = g_utf8_collate_key (fold, -1);
    }
  return self->country_key;
}

static gboolean
has_prefix_in (GStrv       words,
               const char *prefix)
{
  for (guint i = 0; words != NULL && words[i]; i++)
    if (g_str_has_prefix (words[i], prefix))
      return TRUE;
  return FALSE;
}

gboolean
cirt_assessment_item_matches (CirtAssessmentItem  *self,
                              char               **query)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_ITEM (self), FALSE);

  if (query != NULL && query[0] != NULL)
    ensure_words (self);
  for (guint i = 0; query != NULL && query[i]; i++)
    if (!has_prefix_in (self->tokens, query[i]) && !has_prefix_in (self->alternates, query[i]))
      return FALSE;
  return TRUE;
}

int
cirt_assessment_item_compare (CirtAssessmentItem *a,
                              CirtAssessmentItem *b,
                              const char         *order)
{
  int c = 0;

  if (g_strcmp0 (order, "country") == 0)
    {
      c = strcmp (country_key (a), country_key (b));
      if (c == 0)
        c = strcmp (title_key (a), title_key (b));
    }
  else if (g_strcmp0 (order, "title") == 0)
    c = strcmp (title_key (a), title_key (b));
  else if (g_strcmp0 (order, "progress") == 0)
    {
      /* Furthest along first. */
      double fa = cirt_assessment_item_get_fraction (a), fb = cirt_assessment_item_get_fraction (b);
      c = fa > fb ? -1 : fa < fb;
      if (c == 0)
        c = strcmp (title_key (a), title_key (b));
    }
  /* Newest first: the "date" order, and the tie-break of the others. */
  if (c == 0)
    c = -g_strcmp0 (a->info->created_at, b->info->created_at);
  if (c == 0)
    c = g_strcmp0 (a->info->id, b->info->id);
  return c;
}
