/* cirt-mission-plan.h — the mission plan: which stakeholder groups cover
 * which sections, and which sections no planned session covers yet
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed from what is stored, nothing of its own: the groups a section
 * asks are those of its questions' "ask" lists (cirt_stakeholder_groups());
 * a stakeholder's group is the one its sector names
 * (cirt_interview_sector_group()). A section is
 *   covered    when a session plans it and one of the stakeholders present
 *              belongs to a group its questions ask (or its questions ask
 *              no group: then planning it covers it);
 *   planned    when sessions plan it but none of them meets a group asked;
 *   unplanned  when no session plans it. */
#pragma once

#include "cirt-instrument.h"
#include "cirt-interviews.h"

G_BEGIN_DECLS

typedef enum {
  CIRT_PLAN_UNPLANNED,
  CIRT_PLAN_PLANNED,
  CIRT_PLAN_COVERED,
} CirtPlanState;

const char *cirt_plan_state_to_string (CirtPlanState state);

typedef struct {
  const CirtSection *section;      /* borrowed from the instruments given */
  GStrv              groups;       /* groups its questions ask, in cirt_stakeholder_groups() order, or NULL */
  GStrv              groups_met;   /* of those, the groups of stakeholders present in a session planning it */
  GStrv              sessions;     /* UUIDs of the sessions planning it, by date, or NULL */
  CirtPlanState      state;
} CirtPlanSection;

void cirt_plan_section_free (CirtPlanSection *section);

/* One CirtPlanSection per section of @instruments (CirtInstrument*), in
 * questionnaire order; @stakeholders CirtStakeholder*, @interviews
 * CirtInterview* (as cirt_store_list_interviews() gives them). */
GPtrArray *cirt_mission_plan (GPtrArray *instruments,
                              GPtrArray *stakeholders,
                              GPtrArray *interviews);

G_END_DECLS
