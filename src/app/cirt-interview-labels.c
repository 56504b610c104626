/* cirt-interview-labels.c — how an interview session and a stakeholder are named
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-interview-labels.h"

const CirtStakeholder *
cirt_interview_find_stakeholder (GPtrArray  *stakeholders,
                                 const char *uuid)
{
  for (guint i = 0; stakeholders != NULL && uuid != NULL && i < stakeholders->len; i++)
    {
      const CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      if (s->uuid != NULL && g_ascii_strcasecmp (s->uuid, uuid) == 0)
        return s;
    }
  return NULL;
}

const CirtInterview *
cirt_interview_find (GPtrArray  *interviews,
                     const char *uuid)
{
  for (guint i = 0; interviews != NULL && uuid != NULL && i < interviews->len; i++)
    {
      const CirtInterview *iv = g_ptr_array_index (interviews, i);
      if (g_ascii_strcasecmp (iv->id, uuid) == 0)
        return iv;
    }
  return NULL;
}

char *
cirt_interview_stakeholder_label (const CirtStakeholder *stakeholder)
{
  g_return_val_if_fail (stakeholder != NULL, NULL);

  if (stakeholder->organisation != NULL && *stakeholder->organisation != '\0')
    /* translators: a stakeholder, "Name (Organisation)" */
    return g_strdup_printf (_("%s (%s)"), stakeholder->name, stakeholder->organisation);
  return g_strdup (stakeholder->name);
}

char *
cirt_interview_when_label (const CirtInterview *interview,
                           const CirtLang      *lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *separator = NULL;

  g_return_val_if_fail (interview != NULL, NULL);

  g_ptr_array_add (parts, cirt_lang_format_date_short (lang, interview->date));
  if (interview->start_time != NULL)
    g_ptr_array_add (parts, g_strdup (interview->start_time));
  if (interview->place != NULL && *interview->place != '\0')
    g_ptr_array_add (parts, g_strdup (interview->place));
  g_ptr_array_add (parts, NULL);
  /* translators: between the date, the time and the place of an interview session */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

char *
cirt_interview_people_label (const CirtInterview *interview,
                             GPtrArray           *stakeholders)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (interview != NULL, NULL);

  for (guint i = 0; interview->stakeholders != NULL && interview->stakeholders[i] != NULL; i++)
    {
      const CirtStakeholder *s = cirt_interview_find_stakeholder (stakeholders, interview->stakeholders[i]);
      if (i > 0)
        /* translators: between the names of the stakeholders of a session */
        g_string_append (text, _(", "));
      if (s != NULL)
        {
          g_autofree char *label = cirt_interview_stakeholder_label (s);
          g_string_append (text, label);
        }
      else
        g_string_append (text, _("removed stakeholder"));
    }
  if (text->len == 0)
    return g_strdup (_("no stakeholder named"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
cirt_interview_full_label (const CirtInterview *interview,
                           GPtrArray           *stakeholders,
                           const CirtLang      *lang)
{
  g_autofree char *when = cirt_interview_when_label (interview, lang);
  g_autofree char *people = cirt_interview_people_label (interview, stakeholders);

  /* translators: an interview session, "2 Mar 2026, Ministry of ICT — Ana Silva, Bo Li" */
  return g_strdup_printf (_("%s — %s"), when, people);
}
