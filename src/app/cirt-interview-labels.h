/* cirt-interview-labels.h — how the questionnaire, the question page and the
 * statements box name an interview session and a stakeholder
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cirt-interviews.h"
#include "cirt-lang.h"
#include "cirt-records.h"

G_BEGIN_DECLS

/* The stakeholder of @stakeholders (CirtStakeholder*) whose UUID is @uuid, or NULL. */
const CirtStakeholder *cirt_interview_find_stakeholder (GPtrArray  *stakeholders,
                                                        const char *uuid);
/* The session of @interviews (CirtInterview*) whose UUID is @uuid, or NULL. */
const CirtInterview   *cirt_interview_find             (GPtrArray  *interviews,
                                                        const char *uuid);
/* "Ana Silva (National CERT)", or the name alone. */
char *cirt_interview_stakeholder_label (const CirtStakeholder *stakeholder);
/* "2 Mar 2026, 09:00, Ministry of ICT" (the date, start time and place it has). */
char *cirt_interview_when_label        (const CirtInterview   *interview,
                                        const CirtLang        *lang);
/* The stakeholders present, "Ana Silva (National CERT), Bo Li"; a removed
 * one as "removed stakeholder"; "no stakeholder named" when none is. */
char *cirt_interview_people_label      (const CirtInterview   *interview,
                                        GPtrArray             *stakeholders);
/* "2 Mar 2026, Ministry of ICT — Ana Silva (National CERT), Bo Li" */
char *cirt_interview_full_label        (const CirtInterview   *interview,
                                        GPtrArray             *stakeholders,
                                        const CirtLang        *lang);

G_END_DECLS
