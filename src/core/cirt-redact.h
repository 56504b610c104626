/* cirt-redact.h — an assessment fit for readers outside the mission's team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interview notes name officials; a workbook or a report may go further
 * than the ministry it was written for. A redacted copy names people by
 * their role ("Regulator, interviewee 2", "Lead assessor", "Assessor 3"),
 * wherever their name was: the people fields, who recorded each answer,
 * and every full name met in a note, evidence, source, title or finding
 * (the findings stay: they are the mission's conclusions). It leaves
 * out the interview notes of stakeholders and the notes of answers marked
 * internal. Scores are unchanged: redaction removes who, never what. */
#pragma once

#include "cirt-assessment-data.h"
#include "cirt-lang.h"

G_BEGIN_DECLS

/* A redacted copy of @data, its roles worded in @lang. */
CirtAssessmentData *cirt_assessment_data_redact (CirtAssessmentData *data,
                                                 const CirtLang     *lang);

G_END_DECLS
