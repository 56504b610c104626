/* cirt-redact.c — an assessment fit for readers outside the mission's team
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-redact.h"
#include "cirt-interviews.h"

#include "cirt-evidence.h"

#include <string.h>

typedef struct {
  char     *name;
  char     *role;
  gboolean  alias;   /* a surname standing for the full name */
} Person;

typedef struct {
  const CirtLang *lang;
  GPtrArray      *people;      /* Person*, longest name first once sorted */
  guint           n_assessors;
} Redaction;

static void
person_free (Person *p)
{
  g_free (p->name);
  g_free (p->role);
  g_free (p);
}


/* The role of @name, adding it (as @role, or as the next assessor) when it
 * is new. Names are compared without surrounding spaces and, for ASCII
 * letters, without case. */
static const char *
role_of (Redaction  *r,
         const char *name,
         char       *role)
{
  g_autofree char *key = g_strstrip (g_strdup (name));
  Person *p;

  for (guint i = 0; i < r->people->len; i++)
    {
      p = g_ptr_array_index (r->people, i);
      if (g_ascii_strcasecmp (p->name, key) == 0)
        {
          g_free (role);
          return p->role;
        }
    }
  if (role == NULL)
    {
      g_autofree char *n = g_strdup_printf ("%u", ++r->n_assessors);
      role = cirt_lang_format (r->lang, CIRT_STR_ROLE_ASSESSOR_N, n, NULL, NULL, NULL);
    }
  p = g_new0 (Person, 1);
  p->name = g_steal_pointer (&key);
  p->role = role;
  g_ptr_array_add (r->people, p);
  return p->role;
}

/* The casefolded surname of @p (its last word, of three letters or more),
 * or NULL; @surname points at it in the name. */
static char *
surname_key (const Person *p,
             const char  **surname)
{
  const char *last = strrchr (p->name, ' ');

  if (last == NULL || g_utf8_strlen (last + 1, -1) < 3)
    return NULL;
  *surname = last + 1;
  return g_utf8_casefold (last + 1, -1);
}

/* A person is also written by their surname alone ("Ms Ondoua"): each
 * surname of three letters or more that only one person has stands for
 * them. */
static void
add_surnames (Redaction *r)
{
  guint n = r->people->len;
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      Person *p = g_ptr_array_index (r->people, i);
      const char *surname;
      char *key = surname_key (p, &surname);

      if (key == NULL)
        continue;
      if (g_hash_table_contains (owners, key) && g_hash_table_lookup (owners, key) != p)
        g_hash_table_replace (owners, key, NULL);
      else
        g_hash_table_replace (owners, key, p);
    }
  for (guint i = 0; i < n; i++)
    {
      Person *p = g_ptr_array_index (r->people, i);
      const char *surname;
      g_autofree char *key = surname_key (p, &surname);

      if (key != NULL && g_hash_table_lookup (owners, key) == p)
        {
          Person *alias = g_new0 (Person, 1);
          alias->name = g_strdup (surname);
          alias->role = g_strdup (p->role);
          alias->alias = TRUE;
          g_ptr_array_add (r->people, alias);
        }
    }
}

/* Titles written before a surname, dropped with it. */
static void
drop_honorific (GString *out)
{
  static const char * const titles[] = {
    "Mr ", "Mr. ", "Ms ", "Ms. ", "Mrs ", "Mrs. ", "Dr ", "Dr. ", "Prof. ", "Prof ", "Supt. ", "Insp. ",
    "Hon. ", "M. ", "Mme ", "Mlle ", "Me ", "Sr. ", "Sra. ", "Dña. ", "Don ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      gsize n = strlen (titles[i]);
      if (out->len >= n && strcmp (out->str + out->len - n, titles[i]) == 0 &&
          (out->len == n || !g_ascii_isalnum (out->str[out->len - n - 1])))
        {
          g_string_truncate (out, out->len - n);
          return;
        }
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Person *pa = *(Person * const *) a, *pb = *(Person * const *) b;
  size_t la = strlen (pa->name), lb = strlen (pb->name);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

/* @text with every full name of a person replaced by their role. */
static char *
replace_names (Redaction  *r,
               const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (p = text; *p;)
    {
      gboolean replaced = FALSE;

      /* A name starts a word: "Ana" is not replaced inside "Banana". */
      if (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p))))
        for (guint i = 0; i < r->people->len && !replaced; i++)
          {
            const Person *person = g_ptr_array_index (r->people, i);
            size_t n = strlen (person->name);

            if (g_ascii_strncasecmp (p, person->name, n) == 0 &&
                (p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n))))
              {
                drop_honorific (out);
                g_string_append (out, person->role);
                p += n;
                replaced = TRUE;
              }
          }
      if (!replaced)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

static void
redact_field (Redaction  *r,
              char      **field)
{
  char *redacted = replace_names (r, *field);

  g_free (*field);
  *field = redacted;
}

/* The baseline of a redacted follow-up, for the comparison of the two: its
 * answers' values and marks only (no notes, evidence, source or author:
 * the documents show none of the baseline's), its people left out and its
 * title redacted with the follow-up's names. */
static CirtAssessmentData *
redact_baseline (Redaction          *r,
                 CirtAssessmentData *base)
{
  CirtAssessmentData *copy = g_atomic_rc_box_new0 (CirtAssessmentData);
  GHashTableIter iter;
  gpointer key, value;

  copy->info = cirt_assessment_info_copy (base->info);
  g_clear_pointer (&copy->info->lead_assessor, g_free);
  g_clear_pointer (&copy->info->assessors, g_free);
  redact_field (r, &copy->info->title);
  redact_field (r, &copy->info->organisation);
  copy->instruments = g_ptr_array_ref (base->instruments);
  memcpy (copy->targets, base->targets, sizeof copy->targets);
  copy->score = g_object_ref (base->score);
  copy->loaded_on = g_strdup (base->loaded_on);
  copy->redacted = TRUE;
  copy->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  g_hash_table_iter_init (&iter, base->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CirtAnswer *a = value;
      CirtAnswer *kept = cirt_answer_new (a->question);

      kept->value = g_strdup (a->value);
      kept->not_applicable = a->not_applicable;
      kept->updated_at = g_strdup (a->updated_at);
      g_hash_table_insert (copy->answers, kept->question, kept);
    }
  return copy;
}

CirtAssessmentData *
cirt_assessment_data_redact (CirtAssessmentData *data,
                             const CirtLang     *lang)
{
  Redaction r = { .lang = lang };
  CirtAssessmentData *copy;
  g_autoptr(GString) assessors = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (data != NULL, NULL);

  r.people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  copy = g_atomic_rc_box_new0 (CirtAssessmentData);
  copy->info = cirt_assessment_info_copy (data->info);
  copy->instruments = g_ptr_array_ref (data->instruments);
  memcpy (copy->targets, data->targets, sizeof copy->targets);
  copy->score = g_object_ref (data->score);
  copy->baseline_info = data->baseline_info ? cirt_assessment_info_copy (data->baseline_info) : NULL;
  copy->baseline = data->baseline ? g_object_ref (data->baseline) : NULL;
  copy->n_changes = data->n_changes;
  copy->history_head = g_strdup (data->history_head);
  copy->history_problem = g_strdup (data->history_problem);
  copy->loaded_on = g_strdup (data->loaded_on);
  copy->redacted = TRUE;

  /* Who is who: the lead, the assessors in the order given, the
   * stakeholders met in the order recorded. */
  if (!cirt_text_is_blank (copy->info->lead_assessor))
    role_of (&r, copy->info->lead_assessor, g_strdup (cirt_lang_str (lang, CIRT_STR_LEAD_ASSESSOR)));
  if (copy->info->assessors != NULL)
    {
      g_auto(GStrv) names = g_strsplit_set (copy->info->assessors, ",;\n", -1);
      for (guint i = 0; names[i]; i++)
        if (!cirt_text_is_blank (names[i]))
          {
            const char *role = role_of (&r, names[i], NULL);
            if (assessors->len > 0)
              g_string_append (assessors, ", ");
            g_string_append (assessors, role);
          }
    }
  if (data->stakeholders != NULL)
    {
      copy->stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_stakeholder_free);
      for (guint i = 0; i < data->stakeholders->len; i++)
        {
          const CirtStakeholder *s = g_ptr_array_index (data->stakeholders, i);
          g_autofree char *n = g_strdup_printf ("%u", i + 1);
          char *role = !cirt_text_is_blank (s->sector)
                         ? cirt_lang_format (lang, CIRT_STR_ROLE_SECTOR_INTERVIEWEE_N, s->sector, n, NULL, NULL)
                         : cirt_lang_format (lang, CIRT_STR_ROLE_INTERVIEWEE_N, n, NULL, NULL, NULL);
          if (!cirt_text_is_blank (s->name))
            role_of (&r, s->name, role);
          else
            g_free (role);
        }
    }
  /* Authors of answers not among the assessors listed. */
  g_hash_table_iter_init (&iter, data->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const CirtAnswer *a = value;
      if (!cirt_text_is_blank (a->author))
        role_of (&r, a->author, NULL);
    }
  /* Of sessions: the assessors present. */
  for (guint i = 0; data->interviews != NULL && i < data->interviews->len; i++)
    {
      const CirtInterview *s = g_ptr_array_index (data->interviews, i);
      for (guint k = 0; s->assessors != NULL && s->assessors[k] != NULL; k++)
        role_of (&r, s->assessors[k], NULL);
    }
  /* And of findings. */
  for (guint i = 0; data->findings != NULL && i < data->findings->len; i++)
    {
      const CirtFinding *f = g_ptr_array_index (data->findings, i);
      if (!cirt_text_is_blank (f->author))
        role_of (&r, f->author, NULL);
    }
  /* And the reviewers, so their names are replaced in every text. */
  if (data->reviews != NULL)
    {
      g_hash_table_iter_init (&iter, data->reviews);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const CirtReview *rv = value;
          if (!cirt_text_is_blank (rv->reviewer))
            role_of (&r, rv->reviewer, NULL);
        }
    }
  add_surnames (&r);
  g_ptr_array_sort (r.people, longest_first);

  if (!cirt_text_is_blank (copy->info->lead_assessor))
    {
      g_free (copy->info->lead_assessor);
      copy->info->lead_assessor = g_strdup (cirt_lang_str (lang, CIRT_STR_LEAD_ASSESSOR));
    }
  if (copy->info->assessors != NULL)
    {
      g_free (copy->info->assessors);
      copy->info->assessors = g_strdup (assessors->str);
    }
  redact_field (&r, &copy->info->title);
  redact_field (&r, &copy->info->organisation);
  if (copy->baseline_info)
    {
      g_clear_pointer (&copy->baseline_info->lead_assessor, g_free);
      g_clear_pointer (&copy->baseline_info->assessors, g_free);
      redact_field (&r, &copy->baseline_info->title);
    }
  if (data->baseline_data != NULL)
    copy->baseline_data = redact_baseline (&r, data->baseline_data);

  if (data->stakeholders != NULL)
    for (guint i = 0; i < data->stakeholders->len; i++)
      {
        CirtStakeholder *s = cirt_stakeholder_copy (g_ptr_array_index (data->stakeholders, i));
        if (!cirt_text_is_blank (s->name))
          {
            const char *role = role_of (&r, s->name, NULL);
            g_free (s->name);
            s->name = g_strdup (role);
          }
        redact_field (&r, &s->organisation);
        /* What an official said in an interview stays with the team. */
        g_clear_pointer (&s->notes, g_free);
        g_ptr_array_add (copy->stakeholders, s);
      }

  copy->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  g_hash_table_iter_init (&iter, data->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CirtAnswer *a = cirt_answer_copy (value);
      if (a->notes_internal && !a->not_applicable)
        g_clear_pointer (&a->notes, g_free);
      a->notes_internal = FALSE;
      redact_field (&r, &a->notes);
      redact_field (&r, &a->evidence);
      redact_field (&r, &a->source);
      if (!cirt_text_is_blank (a->author))
        {
          const char *role = role_of (&r, a->author, NULL);
          g_free (a->author);
          a->author = g_strdup (role);
        }
      g_hash_table_insert (copy->answers, a->question, a);
    }

  /* Sessions stay (when and where, whom the team met, by their roles); the
   * assessors present are named by role, the notes stay with the team.
   * What a stakeholder said stays with the team: statements are left out. */
  if (data->interviews != NULL)
    {
      copy->interviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_interview_free);
      for (guint i = 0; i < data->interviews->len; i++)
        {
          CirtInterview *s = cirt_interview_copy (g_ptr_array_index (data->interviews, i));
          for (guint k = 0; s->assessors != NULL && s->assessors[k] != NULL; k++)
            {
              const char *role = role_of (&r, s->assessors[k], NULL);
              g_free (s->assessors[k]);
              s->assessors[k] = g_strdup (role);
            }
          redact_field (&r, &s->place);
          g_clear_pointer (&s->notes, g_free);
          if (!cirt_text_is_blank (s->author))
            {
              const char *role = role_of (&r, s->author, NULL);
              g_free (s->author);
              s->author = g_strdup (role);
            }
          g_ptr_array_add (copy->interviews, s);
        }
    }
  if (data->statements != NULL)
    copy->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_statement_free);

  /* Findings are the mission's conclusions for the ministry: they stay,
   * as shared notes do, with every name in them replaced by a role. */
  if (data->findings != NULL)
    {
      copy->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_finding_free);
      for (guint i = 0; i < data->findings->len; i++)
        {
          CirtFinding *f = cirt_finding_copy (g_ptr_array_index (data->findings, i));
          redact_field (&r, &f->title);
          redact_field (&r, &f->description);
          if (!cirt_text_is_blank (f->author))
            {
              const char *role = role_of (&r, f->author, NULL);
              g_free (f->author);
              f->author = g_strdup (role);
            }
          g_ptr_array_add (copy->findings, f);
        }
    }
  /* Reviews keep their state: each is made to name the redacted answer
   * when it reviewed the original (so the redacted copy shows what was
   * reviewed), with its comment redacted and its reviewer a role. */
  if (data->reviews != NULL)
    {
      copy->reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cirt_review_free);
      g_hash_table_iter_init (&iter, data->reviews);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          CirtReview *rv = cirt_review_copy (value);
          const CirtAnswer *original = g_hash_table_lookup (data->answers, key);
          const CirtAnswer *shown = g_hash_table_lookup (copy->answers, key);

          if (cirt_review_effective_state (value, original) != CIRT_REVIEW_NOT_REVIEWED)
            {
              g_free (rv->answer_version);
              rv->answer_version = cirt_review_answer_version (shown);
            }
          else
            g_clear_pointer (&rv->answer_version, g_free);
          redact_field (&r, &rv->comment);
          if (!cirt_text_is_blank (rv->reviewer))
            {
              const char *role = role_of (&r, rv->reviewer, NULL);
              g_free (rv->reviewer);
              rv->reviewer = g_strdup (role);
            }
          g_hash_table_insert (copy->reviews, g_strdup (key), rv);
        }
    }
  /* The evidence vault: only what may go to the ministry, its names with
   * every person's name replaced by a role. */
  if (data->evidence != NULL)
    {
      copy->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_evidence_free);
      for (guint i = 0; i < data->evidence->len; i++)
        {
          const CirtEvidence *src = g_ptr_array_index (data->evidence, i);
          CirtEvidence *e;

          if (!src->shareable)
            continue;
          e = cirt_evidence_copy (src);
          redact_field (&r, &e->name);
          if (!cirt_text_is_blank (e->author))
            {
              const char *role = role_of (&r, e->author, NULL);
              g_free (e->author);
              e->author = g_strdup (role);
            }
          g_ptr_array_add (copy->evidence, e);
        }
    }
  g_ptr_array_unref (r.people);
  return copy;
}
