/* cirt-mission-plan.c — which groups cover which sections
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-mission-plan.h"

#include <string.h>

const char *
cirt_plan_state_to_string (CirtPlanState state)
{
  switch (state)
    {
    case CIRT_PLAN_COVERED:
      return "covered";
    case CIRT_PLAN_PLANNED:
      return "planned";
    case CIRT_PLAN_UNPLANNED:
    default:
      return "unplanned";
    }
}

void
cirt_plan_section_free (CirtPlanSection *section)
{
  if (section == NULL)
    return;
  g_strfreev (section->groups);
  g_strfreev (section->groups_met);
  g_strfreev (section->sessions);
  g_free (section);
}

static GStrv
steal_strv (GPtrArray *items)
{
  if (items->len == 0)
    return NULL;
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_steal (items, NULL);
}

GPtrArray *
cirt_mission_plan (GPtrArray *instruments,
                   GPtrArray *stakeholders,
                   GPtrArray *interviews)
{
  const char * const *all_groups = cirt_stakeholder_groups ();
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);   /* uuid → group */
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) cirt_plan_section_free);

  g_return_val_if_fail (instruments != NULL, result);

  for (guint i = 0; stakeholders != NULL && i < stakeholders->len; i++)
    {
      CirtStakeholder *s = g_ptr_array_index (stakeholders, i);
      const char *group = cirt_interview_sector_group (s->sector);
      if (s->uuid != NULL && group != NULL)
        g_hash_table_insert (group_of, s->uuid, (gpointer) group);
    }

  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (guint n = 0; n < cirt_instrument_get_n_sections (inst); n++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, n);
          CirtPlanSection *p = g_new0 (CirtPlanSection, 1);
          g_autoptr(GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);
          g_autoptr(GHashTable) met = g_hash_table_new (g_str_hash, g_str_equal);
          g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) groups_met = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_free);

          p->section = sec;
          for (guint q = 0; q < sec->questions->len; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              for (guint g = 0; qu->ask != NULL && qu->ask[g] != NULL; g++)
                g_hash_table_add (asked, qu->ask[g]);
            }
          for (guint s = 0; interviews != NULL && s < interviews->len; s++)
            {
              CirtInterview *iv = g_ptr_array_index (interviews, s);

              if (iv->sections == NULL || !g_strv_contains ((const char * const *) iv->sections, sec->id))
                continue;
              g_ptr_array_add (sessions, g_strdup (iv->id));
              for (guint k = 0; iv->stakeholders != NULL && iv->stakeholders[k] != NULL; k++)
                {
                  const char *group = g_hash_table_lookup (group_of, iv->stakeholders[k]);
                  if (group != NULL && g_hash_table_contains (asked, group))
                    g_hash_table_add (met, (gpointer) group);
                }
            }
          for (guint g = 0; all_groups[g] != NULL; g++)
            {
              if (g_hash_table_contains (asked, all_groups[g]))
                g_ptr_array_add (groups, g_strdup (all_groups[g]));
              if (g_hash_table_contains (met, all_groups[g]))
                g_ptr_array_add (groups_met, g_strdup (all_groups[g]));
            }
          if (sessions->len == 0)
            p->state = CIRT_PLAN_UNPLANNED;
          else if (groups->len == 0 || groups_met->len > 0)
            p->state = CIRT_PLAN_COVERED;
          else
            p->state = CIRT_PLAN_PLANNED;
          p->groups = steal_strv (groups);
          p->groups_met = steal_strv (groups_met);
          p->sessions = steal_strv (sessions);
          g_ptr_array_add (result, p);
        }
    }
  return result;
}
