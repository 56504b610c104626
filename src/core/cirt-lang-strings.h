/* cirt-lang-strings.h — every string the core renders in a report language:
 * charts, workbook, report, pillar and level names, answer words, the TLP
 * marking, stakeholder groups. The one table of them; their translations are
 * in the po/ catalogues (contexts "report" and "chart"), read per language by cirt-lang.c,
 * so a workbook can be written in French from an English desktop.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholders are {1}, {2}, {3}, {4} (cirt_lang_expand()): a translation
 * may put them in any order; tests/check-po.sh checks that each translation
 * keeps the same ones. Sheet names must stay under 31 characters and use
 * none of []:*?/\ (Excel's rules). */
#pragma once

/* CIRT_S (ID, context, English) */
#define CIRT_LANG_STRINGS(CIRT_S) \
  CIRT_S (DOC_TITLE, "report", "National CIRT readiness assessment") \
  CIRT_S (DOC_SUBTITLE, "report", "Readiness and maturity against the five pillars of the ITU Global Cybersecurity Agenda") \
  CIRT_S (DRAFT_NOTICE, "report", "Draft: the assessment is still in progress") \
  CIRT_S (PAGE_N_OF_M, "report", "Page {1} of {2}") \
  CIRT_S (PREPARED_WITH, "report", "Prepared with CIRT Assess {1}") \
  CIRT_S (SHEET_SUMMARY, "report", "Summary") \
  CIRT_S (SHEET_ANSWERS, "report", "Answers") \
  CIRT_S (SHEET_RECOMMENDATIONS, "report", "Recommendations") \
  CIRT_S (SHEET_GAPS, "report", "Gaps") \
  CIRT_S (SHEET_STAKEHOLDERS, "report", "Stakeholders") \
  CIRT_S (SHEET_METHODOLOGY, "report", "Methodology") \
  CIRT_S (ASSESSMENT, "report", "Assessment") \
  CIRT_S (COUNTRY, "report", "Country") \
  CIRT_S (ORGANISATION, "report", "Organisation") \
  CIRT_S (MISSION_PHASE, "report", "Mission phase") \
  CIRT_S (LEAD_ASSESSOR, "report", "Lead assessor") \
  CIRT_S (ASSESSORS, "report", "Assessors") \
  CIRT_S (MISSION_DATES, "report", "Mission dates") \
  CIRT_S (STATUS, "report", "Status") \
  CIRT_S (STATUS_IN_PROGRESS, "report", "In progress (draft)") \
  CIRT_S (STATUS_COMPLETED, "report", "Completed") \
  CIRT_S (INSTRUMENTS, "report", "Instruments") \
  CIRT_S (DOCUMENT_DATE, "report", "Date of this document") \
  CIRT_S (ASSESSMENT_ID, "report", "Assessment identifier") \
  CIRT_S (BASELINE, "report", "Follow-up of") \
  CIRT_S (MARKING, "report", "Marking") \
  CIRT_S (PREVIOUS_SCORE, "report", "Previous assessment") \
  CIRT_S (PHASE_ASSESSMENT, "report", "Assessment") \
  CIRT_S (PHASE_DESIGN, "report", "Design") \
  CIRT_S (PHASE_ESTABLISHMENT, "report", "Establishment") \
  CIRT_S (PHASE_ENHANCEMENT, "report", "Enhancement") \
  CIRT_S (OVERALL_INDEX, "report", "Overall index") \
  CIRT_S (OVERALL_LEVEL, "report", "Overall level") \
  CIRT_S (LEVEL, "report", "Level") \
  CIRT_S (LEVEL_N, "report", "Level {1}") \
  CIRT_S (LEVEL_NAME, "report", "Level name") \
  CIRT_S (SCORE, "report", "Score (0–100)") \
  CIRT_S (COVERAGE, "report", "Coverage") \
  CIRT_S (PROVISIONAL, "report", "Provisional") \
  CIRT_S (NO_SCORE, "report", "No score") \
  CIRT_S (TARGET_LEVEL, "report", "Target level") \
  CIRT_S (TARGET_INDEX, "report", "Target (index)") \
  CIRT_S (GAP_LEVELS, "report", "Gap (levels)") \
  CIRT_S (ANSWERED, "report", "Answered") \
  CIRT_S (ANSWERED_OF, "report", "{1} of {2}") \
  CIRT_S (NOTICE_UNDEFINED, "report", "No scored question has been answered yet, so there is no index.") \
  CIRT_S (NOTICE_PROVISIONAL, "report", "Provisional: the answered questions carry {1} of the applicable scored weight. A score is final from {2}.") \
  CIRT_S (NOTICE_CAP, "report", "The overall level is capped at level 2 ({1}) because these critical questions score below half: {2}.") \
  CIRT_S (SCOPE, "report", "Scope") \
  CIRT_S (PILLAR, "report", "Pillar") \
  CIRT_S (SECTION, "report", "Section") \
  CIRT_S (INSTRUMENT, "report", "Instrument") \
  CIRT_S (VERSION, "report", "Version") \
  CIRT_S (QUESTION_ID, "report", "ID") \
  CIRT_S (QUESTION, "report", "Question") \
  CIRT_S (ANSWER, "report", "Answer") \
  CIRT_S (CURRENT_ANSWER, "report", "Current answer") \
  CIRT_S (NOT_APPLICABLE_SHORT, "report", "N/A") \
  CIRT_S (NOTES, "report", "Notes") \
  CIRT_S (EVIDENCE, "report", "Evidence") \
  CIRT_S (SOURCE, "report", "Source") \
  CIRT_S (AUTHOR, "report", "Author") \
  CIRT_S (UPDATED, "report", "Updated (UTC)") \
  CIRT_S (CRITICAL, "report", "Critical") \
  CIRT_S (WEIGHT, "report", "Weight") \
  CIRT_S (FOLLOW_UP, "report", "Follow-up") \
  CIRT_S (RANK, "report", "Rank") \
  CIRT_S (PRIORITY, "report", "Priority") \
  CIRT_S (LIFECYCLE_PHASE, "report", "Lifecycle phase") \
  CIRT_S (RECOMMENDATION, "report", "Recommendation") \
  CIRT_S (NAME, "report", "Name") \
  CIRT_S (SECTOR, "report", "Sector") \
  CIRT_S (DATE, "report", "Date") \
  CIRT_S (FROM_INDEX, "report", "From index") \
  CIRT_S (DESCRIPTION, "report", "Description") \
  CIRT_S (YES, "report", "Yes") \
  CIRT_S (NOT_ANSWERED, "report", "Not answered") \
  CIRT_S (NOT_APPLICABLE, "report", "Not applicable") \
  CIRT_S (TRUNCATED, "report", "[… truncated: {1} more characters; the full text is in the PDF report and the JSON export]") \
  CIRT_S (CHART_RADAR, "chart", "Pillar scores: current and target") \
  CIRT_S (CHART_SECTIONS, "chart", "Section scores") \
  CIRT_S (SERIES_CURRENT, "report", "Current") \
  CIRT_S (SERIES_TARGET, "report", "Target") \
  CIRT_S (PILLAR_SCORES, "report", "Pillar scores") \
  CIRT_S (SECTION_SCORES, "report", "Section scores") \
  CIRT_S (LEVELS, "report", "Maturity levels") \
  CIRT_S (NO_STAKEHOLDERS, "report", "No stakeholder interview has been recorded.") \
  CIRT_S (NO_RECOMMENDATIONS, "report", "No recommendation: every answered question with a recommendation scores in full.") \
  CIRT_S (CONTENTS, "report", "Contents") \
  CIRT_S (EXEC_SUMMARY, "report", "Executive summary") \
  CIRT_S (KEY_FINDINGS, "report", "Key findings") \
  CIRT_S (STRONGEST, "report", "Strongest pillar: {1} ({2}, {3}).") \
  CIRT_S (WEAKEST, "report", "Weakest pillar: {1} ({2}, {3}).") \
  CIRT_S (LARGEST_GAP, "report", "Largest gap to target: {1}, {2} levels below its target level {3}.") \
  CIRT_S (LARGEST_GAP_ONE, "report", "Largest gap to target: {1}, one level below its target level {3}.") \
  CIRT_S (TARGETS_MET, "report", "Every pillar with a target has reached it.") \
  CIRT_S (RECS_COUNT, "report", "{1} recommendations, ranked by priority; the highest are:") \
  CIRT_S (TOP_RECOMMENDATIONS, "report", "Priority recommendations") \
  CIRT_S (FINDINGS, "report", "Assessors' findings") \
  CIRT_S (NO_FINDINGS, "report", "No notes were recorded for this pillar.") \
  CIRT_S (PILLAR_RECOMMENDATIONS, "report", "Recommendations") \
  CIRT_S (NO_PILLAR_RECOMMENDATIONS, "report", "No recommendation for this pillar.") \
  CIRT_S (PILLAR_NOT_SCORED, "report", "No scored question of this pillar has been answered yet.") \
  CIRT_S (ROADMAP, "report", "Roadmap") \
  CIRT_S (ROADMAP_INTRO, "report", "The recommendations are grouped by the step of the CIRT lifecycle in which they are acted on: design, establishment, then enhancement of the team. Within a step they are listed by priority (rank).") \
  CIRT_S (ROADMAP_DESIGN_INTRO, "report", "Decisions and groundwork before the team exists: mandate, legal basis, constituency, funding model.") \
  CIRT_S (ROADMAP_ESTABLISHMENT_INTRO, "report", "Setting the team up: organisation, staff, facilities, first services and processes.") \
  CIRT_S (ROADMAP_ENHANCEMENT_INTRO, "report", "Maturing an operating team: more services, sector engagement, cooperation and measurement.") \
  CIRT_S (ROADMAP_OTHER, "report", "Other recommendations, by priority") \
  CIRT_S (PRIORITY_HIGH, "report", "High priority") \
  CIRT_S (PRIORITY_MEDIUM, "report", "Medium priority") \
  CIRT_S (PRIORITY_LOW, "report", "Lower priority") \
  CIRT_S (ROADMAP_BY_PRIORITY, "report", "The instrument gives no lifecycle phase for these recommendations, so they are grouped by priority: the first third of the ranking is high, the second third medium, the rest lower.") \
  CIRT_S (REC_META, "report", "{1} · {2} · current answer: {3}") \
  CIRT_S (METHODOLOGY, "report", "Methodology") \
  CIRT_S (STAKEHOLDERS_MET, "report", "Stakeholders met") \
  CIRT_S (STAKEHOLDERS_INTRO, "report", "The assessors interviewed the following people and organisations during the mission.") \
  CIRT_S (APPENDIX, "report", "Appendix: all answers") \
  CIRT_S (APPENDIX_INTRO, "report", "Every question of every instrument used, with the answer recorded, its score, and the assessors' notes, evidence and sources.") \
  CIRT_S (LABEL_ANSWER, "report", "Answer:") \
  CIRT_S (LABEL_SCORE, "report", "Score:") \
  CIRT_S (LABEL_NOTES, "report", "Notes:") \
  CIRT_S (LABEL_EVIDENCE, "report", "Evidence:") \
  CIRT_S (LABEL_SOURCE, "report", "Source:") \
  CIRT_S (LABEL_BY, "report", "Recorded by {1}, {2}") \
  CIRT_S (CRITICAL_MARK, "report", "critical") \
  CIRT_S (METH_INTRO, "report", "The assessment records, question by question, what the assessors heard and saw during the mission. Each scored answer becomes a score between 0 and 1; the scores are averaged with the weights given by the instrument, section by section, then pillar by pillar, then overall.") \
  CIRT_S (METH_ANSWERS, "report", "Answer scores: a maturity level from 0 to 4 scores level ÷ 4; yes, partial and no score 1, 0.5 and 0; a multiple choice scores the value of the option chosen; a checklist scores the weight of the items ticked divided by the weight of all items. Text, number and date questions give context and are not scored.") \
  CIRT_S (METH_ROLLUP, "report", "A section's score is the weighted mean of its answered, applicable questions. A pillar's score is the weighted mean of its scored sections, and the overall index the weighted mean of the scored pillars. Questions marked not applicable, and unanswered questions, are left out of the means. Scores are shown from 0 to 100 with one decimal, cut rather than rounded, so that a shown score never reaches a level its score has not reached.") \
  CIRT_S (METH_LEVELS, "report", "Each score is also given as one of five named maturity levels, by the thresholds below.") \
  CIRT_S (METH_COVERAGE, "report", "Coverage is the share of the applicable scored weight that has been answered. Below {1} a score is marked provisional: it may still move as answers are added.") \
  CIRT_S (METH_CRITICAL, "report", "Some questions are critical (for example a legal mandate). While any critical question scores below half, the overall level is capped at level 2, whatever the index, and the report names the questions that cause the cap.") \
  CIRT_S (METH_TARGETS, "report", "The country sets a target level for each pillar. The gap is the target level minus the current level, counted in levels; a section is compared with the target of its pillar. Where a target is drawn on the 0–100 scale (radar), it is placed at the lowest index of the target level.") \
  CIRT_S (METH_PRIORITY, "report", "Every question scoring below full marks that carries a recommendation yields that recommendation. They are ranked by priority = question weight × (1 − score) × section weight × pillar weight: the heavier the question and the larger the shortfall, the higher the priority (ties by question identifier).") \
  CIRT_S (METH_INSTRUMENTS, "report", "Instruments used, with the fingerprint (SHA-256) of the exact version the scores were computed with:") \
  CIRT_S (METH_TLP, "report", "This document is marked under the Traffic Light Protocol (TLP 2.0, FIRST): {1}") \
  CIRT_S (METH_HISTORY, "report", "The database recorded {1} changes to the answers. Each is chained to the one before it by a SHA-256 hash; the head of the chain is {2}. The command cirt-assess-cli verify recomputes it, so this report can be matched to the database it was made from.") \
  CIRT_S (METH_REDACTED, "report", "This copy is redacted: interviewees and assessors are named by their role, and interview notes and notes the assessors marked internal are left out.") \
  CIRT_S (LIST_SEPARATOR, "report", ", ") \
  CIRT_S (METH_FALLBACK, "report", "The texts of {1} (questions, guidance, level names and recommendations) are not available in this language: they are given in English.") \
  CIRT_S (ROLE_ASSESSOR_N, "report", "Assessor {1}") \
  CIRT_S (ROLE_INTERVIEWEE_N, "report", "Interviewee {1}") \
  CIRT_S (ROLE_SECTOR_INTERVIEWEE_N, "report", "{1}, interviewee {2}") \
  CIRT_S (METH_HISTORY_BROKEN, "report", "Warning: the chain of hashes of the recorded changes does not hold ({1}). The history was altered after it was recorded; the answers of this report cannot be traced to it.") \
  CIRT_S (SHEET_FINDINGS, "report", "Findings") \
  CIRT_S (FINDINGS_CHAPTER, "report", "Key findings of the mission") \
  CIRT_S (FINDINGS_INTRO, "report", "What the assessors concluded from the interviews and the documents they saw: the key issues to address, the quick wins within reach, and the risks to the CIRT project itself. The roadmap places each of them at the step of the CIRT lifecycle it belongs to.") \
  CIRT_S (FINDING_KIND_ISSUE, "report", "Key issue") \
  CIRT_S (FINDING_KIND_QUICK_WIN, "report", "Quick win") \
  CIRT_S (FINDING_KIND_RISK, "report", "Risk to the project") \
  CIRT_S (FINDINGS_ISSUES, "report", "Key issues") \
  CIRT_S (FINDINGS_QUICK_WINS, "report", "Quick wins") \
  CIRT_S (FINDINGS_RISKS, "report", "Risks to the project") \
  CIRT_S (FINDINGS_ISSUES_INTRO, "report", "What holds the country back most, to be addressed first.") \
  CIRT_S (FINDINGS_QUICK_WINS_INTRO, "report", "Steps that cost little and can be taken within months.") \
  CIRT_S (FINDINGS_RISKS_INTRO, "report", "What could delay or derail the CIRT project, to be watched and mitigated.") \
  CIRT_S (FINDING, "report", "Finding") \
  CIRT_S (FINDING_KIND, "report", "Kind") \
  CIRT_S (RELATED_QUESTIONS, "report", "Related questions") \
  CIRT_S (CREATED, "report", "Created (UTC)") \
  CIRT_S (LABEL_QUESTIONS, "report", "Questions: {1}") \
  CIRT_S (ROADMAP_FINDINGS, "report", "Findings for this step") \
  CIRT_S (ROADMAP_FINDINGS_NOTE, "report", "Each step starts with the findings of the mission placed in it: the key issues, quick wins and risks to the project to keep in view while its recommendations are carried out.") \
  CIRT_S (NO_FINDINGS_RECORDED, "report", "No finding has been recorded.") \
  CIRT_S (CHART_TITLE_RADAR, "chart", "Maturity by pillar") \
  CIRT_S (CHART_TITLE_SECTIONS, "chart", "Maturity by section") \
  CIRT_S (CHART_TITLE_COVERAGE, "chart", "Coverage by pillar") \
  CIRT_S (CHART_CURRENT, "chart", "Current") \
  CIRT_S (CHART_TARGET, "chart", "Target") \
  CIRT_S (CHART_BASELINE, "chart", "Earlier assessment") \
  CIRT_S (CHART_OVERALL, "chart", "Overall") \
  CIRT_S (CHART_NO_ANSWERS, "chart", "no answers") \
  CIRT_S (CHART_NO_ANSWERS_YET, "chart", "no answers yet") \
  CIRT_S (CHART_NOT_ASSESSED, "chart", "not assessed") \
  CIRT_S (CHART_NOTHING_APPLICABLE, "chart", "nothing applicable") \
  CIRT_S (CHART_NOT_SCORED, "chart", "no scored questions") \
  CIRT_S (CHART_CAPPED, "chart", "capped at level 2 by critical questions") \
  CIRT_S (CHART_PROVISIONAL, "chart", "provisional") \
  CIRT_S (CHART_PROVISIONAL_NOTE, "chart", "† provisional: under {1} answered") \
  CIRT_S (CHART_ANSWERED, "chart", "Answered") \
  CIRT_S (CHART_UNANSWERED, "chart", "Not yet answered") \
  CIRT_S (CHART_ANSWERED_LOWER, "chart", "answered") \
  CIRT_S (CHART_NA, "chart", "N/A") \
  CIRT_S (CHART_TARGET_TICK, "chart", "Target level of the pillar") \
  CIRT_S (CHART_THRESHOLD_NOTE, "chart", "Under {1}: scores are provisional") \
  CIRT_S (CHART_NO_SECTIONS, "chart", "No sections to show") \
  CIRT_S (PILLAR_LEGAL, "report", "Legal") \
  CIRT_S (PILLAR_TECHNICAL, "report", "Technical and Procedural") \
  CIRT_S (PILLAR_ORGANIZATIONAL, "report", "Organizational") \
  CIRT_S (PILLAR_CAPACITY, "report", "Capacity Building") \
  CIRT_S (PILLAR_COOPERATION, "report", "International Cooperation") \
  CIRT_S (ANSWER_YES, "report", "Yes") \
  CIRT_S (ANSWER_PARTIAL, "report", "Partial") \
  CIRT_S (ANSWER_NO, "report", "No") \
  CIRT_S (LEVEL_NAME_1, "report", "Start-up") \
  CIRT_S (LEVEL_NAME_2, "report", "Formative") \
  CIRT_S (LEVEL_NAME_3, "report", "Established") \
  CIRT_S (LEVEL_NAME_4, "report", "Strategic") \
  CIRT_S (LEVEL_NAME_5, "report", "Dynamic") \
  CIRT_S (LEVEL_N_NAME, "report", "Level {1} – {2}") \
  CIRT_S (TLP_CLEAR, "report", "Disclosure is not limited: recipients may share this document freely.") \
  CIRT_S (TLP_GREEN, "report", "Limited disclosure: recipients may share this document within their community, not publicly.") \
  CIRT_S (TLP_AMBER, "report", "Limited disclosure: recipients may share this document, on a need-to-know basis, only within their organisation and with its clients.") \
  CIRT_S (TLP_AMBER_STRICT, "report", "Limited disclosure: recipients may share this document, on a need-to-know basis, only within their organisation.") \
  CIRT_S (TLP_RED, "report", "For the eyes and ears of the individual recipients only: no further disclosure.") \
  CIRT_S (GROUP_ICT_MINISTRY, "report", "Ministry in charge of ICT") \
  CIRT_S (GROUP_REGULATOR, "report", "Regulator") \
  CIRT_S (GROUP_LAW_ENFORCEMENT, "report", "Law enforcement and justice") \
  CIRT_S (GROUP_CI_ENERGY, "report", "Critical infrastructure: energy") \
  CIRT_S (GROUP_CI_FINANCE, "report", "Critical infrastructure: finance") \
  CIRT_S (GROUP_CI_TRANSPORT, "report", "Critical infrastructure: transport") \
  CIRT_S (GROUP_CI_WATER, "report", "Critical infrastructure: water") \
  CIRT_S (GROUP_CI_HEALTH, "report", "Critical infrastructure: health") \
  CIRT_S (GROUP_ISP_TELECOM, "report", "ISPs and telecom operators") \
  CIRT_S (GROUP_CSIRT_SOC, "report", "Existing CSIRTs and SOCs") \
  CIRT_S (GROUP_ACADEMIA, "report", "Academia") \
  CIRT_S (GROUP_FINANCE_MINISTRY, "report", "Ministry of finance") \
  CIRT_S (GROUP_DEFENCE_SECURITY, "report", "Defence and security") \
  CIRT_S (GROUP_CIVIL_SOCIETY, "report", "Civil society") \
  CIRT_S (GROUP_INTERNATIONAL, "report", "Regional and international partners") \
  CIRT_S (CHANGE_IMPROVED, "report", "Improved") \
  CIRT_S (CHANGE_REGRESSED, "report", "Regressed") \
  CIRT_S (CHANGE_NEWLY_ANSWERED, "report", "Newly answered") \
  CIRT_S (CHANGE_UNANSWERED, "report", "No longer answered") \
  CIRT_S (CHANGE_OPEN, "report", "Still open") \
  CIRT_S (CHANGE_CHANGED, "report", "Answer changed") \
  CIRT_S (CHANGE_SAME, "report", "Unchanged") \
  CIRT_S (CHANGE_ADDED, "report", "New question") \
  CIRT_S (CHANGE_REMOVED, "report", "Question removed") \
  CIRT_S (COMPARE_OTHER_COUNTRY, "report", "The two assessments are of different countries ({1} and {2}): read the comparison with care.") \
  CIRT_S (SHEET_PROGRESS, "report", "Progress") \
  CIRT_S (PROGRESS, "report", "Progress since the baseline") \
  CIRT_S (PROGRESS_INTRO, "report", "This assessment follows up “{1}” ({2}). Each score is set beside the earlier one; a change is the difference of the two scores as shown, in points of the 0–100 scale.") \
  CIRT_S (PROGRESS_INTRO_UNDATED, "report", "This assessment follows up “{1}”. Each score is set beside the earlier one; a change is the difference of the two scores as shown, in points of the 0–100 scale.") \
  CIRT_S (PROGRESS_OVERALL, "report", "Overall index: {1} then, {2} now ({3}).") \
  CIRT_S (PROGRESS_LEVEL, "report", "Overall level: {1} then, {2} now.") \
  CIRT_S (PROGRESS_VERSION, "report", "“{1}” was in version {2} for the earlier assessment and is in version {3} now: the questions of only one version are listed as new or removed and are not compared.") \
  CIRT_S (PROGRESS_ONLY_THEN, "report", "The earlier assessment also used “{1}”, which this one does not: its questions are not compared.") \
  CIRT_S (PROGRESS_ONLY_NOW, "report", "“{1}” was not used in the earlier assessment: its questions are not compared.") \
  CIRT_S (PROGRESS_NOTHING_SHARED, "report", "The earlier assessment used none of this assessment's instruments, so its answers cannot be compared question by question.") \
  CIRT_S (PROGRESS_THEN, "report", "Then") \
  CIRT_S (PROGRESS_NOW, "report", "Now") \
  CIRT_S (PROGRESS_CHANGE, "report", "Change") \
  CIRT_S (PROGRESS_LEVEL_THEN_NOW, "report", "Level, then → now") \
  CIRT_S (FROM_TO, "report", "{1} → {2}") \
  CIRT_S (PROGRESS_BY_PILLAR, "report", "Change by pillar") \
  CIRT_S (PROGRESS_BY_SECTION, "report", "Change by section") \
  CIRT_S (PROGRESS_QUESTIONS, "report", "Questions compared") \
  CIRT_S (PROGRESS_N_QUESTIONS, "report", "Questions") \
  CIRT_S (PROGRESS_IMPROVED, "report", "Answers that improved") \
  CIRT_S (PROGRESS_REGRESSED, "report", "Answers that regressed") \
  CIRT_S (PROGRESS_MET, "report", "Recommendations of the earlier assessment now met") \
  CIRT_S (PROGRESS_CHANGED_QUESTIONS, "report", "Questions whose answer changed") \
  CIRT_S (PROGRESS_NO_IMPROVED, "report", "No answer scores higher than in the earlier assessment.") \
  CIRT_S (PROGRESS_NO_REGRESSED, "report", "No answer scores lower than in the earlier assessment.") \
  CIRT_S (PROGRESS_NO_MET, "report", "None of the earlier assessment's recommendations is met in full yet.") \
  CIRT_S (PROGRESS_NO_CHANGES, "report", "No answer differs from the earlier assessment.") \
  CIRT_S (PROGRESS_ANSWERS, "report", "Then: {1} · Now: {2} ({3})") \
  CIRT_S (PROGRESS_MET_META, "report", "{1} · rank {2} in the earlier assessment · now: {3}") \
  CIRT_S (ANSWER_THEN, "report", "Answer then") \
  CIRT_S (ANSWER_NOW, "report", "Answer now") \
  CIRT_S (SCORE_THEN, "report", "Score then") \
  CIRT_S (SCORE_NOW, "report", "Score now") \
  CIRT_S (RANK_THEN, "report", "Rank then") \
  CIRT_S (LEVEL_THEN, "report", "Level then") \
  CIRT_S (LEVEL_NOW, "report", "Level now") \
  CIRT_S (COVERAGE_THEN, "report", "Coverage then") \
  CIRT_S (COVERAGE_NOW, "report", "Coverage now") \
  CIRT_S (CHART_TITLE_PROGRESS, "chart", "Progress since the earlier assessment") \
  CIRT_S (CHART_PROGRESS_OVERALL, "chart", "Overall: {1} → {2} ({3})") \
  CIRT_S (CHART_NO_BASELINE, "chart", "No earlier assessment to compare with") \
  CIRT_S (CHART_NOT_ASSESSED_THEN, "chart", "not assessed then") \
  CIRT_S (REGION_AFRICA, "report", "Africa") \
  CIRT_S (REGION_AMERICAS, "report", "Americas") \
  CIRT_S (REGION_ARAB_STATES, "report", "Arab States") \
  CIRT_S (REGION_ASIA_PACIFIC, "report", "Asia-Pacific") \
  CIRT_S (REGION_CIS, "report", "CIS") \
  CIRT_S (REGION_EUROPE, "report", "Europe") \
  CIRT_S (REGION, "report", "Region") \
  CIRT_S (COUNTRY_CODE, "report", "ISO code") \
  CIRT_S (SHEET_PORTFOLIO, "report", "Portfolio") \
  CIRT_S (SHEET_REGIONAL_MEDIANS, "report", "Regional medians") \
  CIRT_S (PORTFOLIO_TITLE, "report", "Portfolio of CIRT readiness assessments") \
  CIRT_S (PORTFOLIO_FILTERS, "report", "Assessments shown") \
  CIRT_S (PORTFOLIO_ALL, "report", "All") \
  CIRT_S (PORTFOLIO_LATEST, "report", "The latest assessment of each country") \
  CIRT_S (MISSION_DATE, "report", "Date") \
  CIRT_S (ASSESSMENTS_COUNTED, "report", "Assessments") \
  CIRT_S (COUNTRIES_COUNTED, "report", "Countries") \
  CIRT_S (MEDIAN_NOTE, "report", "Median of the assessments shown that have a score in the pillar; with an even number of them, the mean of the two middle scores.") \
  CIRT_S (NO_REGION, "report", "No region") \
  /* Review by the lead assessor (issue 12, the review part) */ \
  CIRT_S (REVIEW_DRAFT_NOTICE, "report", "Draft: not fully reviewed by the lead assessor — not reviewed: {1}, needing work: {2}") \
  CIRT_S (METH_REVIEW, "report", "Review by the lead assessor: {1} of the {2} answers reviewed ({3}), {4} of them needing work. An answer changed after its review counts as not reviewed.") \
  CIRT_S (ANSWERS_REVIEWED, "report", "Answers reviewed") \
  CIRT_S (REVIEWED_OF, "report", "{1} of {2} ({3})") \
  CIRT_S (COL_REVIEW, "report", "Review") \
  CIRT_S (COL_REVIEWER, "report", "Reviewer") \
  CIRT_S (COL_REVIEW_COMMENT, "report", "Review comment") \
  CIRT_S (REVIEW_ACCEPTED, "report", "Accepted") \
  CIRT_S (REVIEW_NEEDS_WORK, "report", "Needs work") \
  CIRT_S (REVIEW_NOT_REVIEWED, "report", "Not reviewed") \
  CIRT_S (REVIEW_CHANGED, "report", "Not reviewed (changed since the review)") \
  /* Issue 12, the evidence vault: the evidence pack, the workbook's sheet, \
   * the report's appendix and its methodology. */ \
  CIRT_S (EVIDENCE_PACK_TITLE, "report", "Evidence pack") \
  CIRT_S (EVIDENCE_PACK_INTRO, "report", "The documents collected during the assessment “{1}” ({2}) that the assessors marked as shareable with the ministry. The SHA-256 of each file lets anyone check that it is the document the assessors saw.") \
  CIRT_S (EVIDENCE_FILE_IN_PACK, "report", "File in the pack") \
  CIRT_S (EVIDENCE_ORIGINAL_NAME, "report", "Original name") \
  CIRT_S (EVIDENCE_SHA256, "report", "SHA-256") \
  CIRT_S (EVIDENCE_DATE, "report", "Date") \
  CIRT_S (EVIDENCE_QUESTION, "report", "Question") \
  CIRT_S (EVIDENCE_QUESTION_TEXT, "report", "Question text") \
  CIRT_S (EVIDENCE_SIZE, "report", "Size (bytes)") \
  CIRT_S (EVIDENCE_TYPE, "report", "Type") \
  CIRT_S (EVIDENCE_SHAREABLE, "report", "Shareable with the ministry") \
  CIRT_S (EVIDENCE_URL, "report", "Web address") \
  CIRT_S (EVIDENCE_WEB_PAGE, "report", "Web page") \
  CIRT_S (SHEET_EVIDENCE, "report", "Evidence") \
  CIRT_S (EVIDENCE_APPENDIX, "report", "Evidence collected") \
  CIRT_S (EVIDENCE_APPENDIX_INTRO, "report", "The documents and web pages attached to the answers. Items marked “not shareable” stay with the assessors.") \
  CIRT_S (EVIDENCE_NOT_SHAREABLE, "report", "not shareable") \
  CIRT_S (LABEL_ATTACHED, "report", "Attached:") \
  CIRT_S (EVIDENCE_ITEM_FILE, "report", "{1} (SHA-256 {2})") \
  CIRT_S (EVIDENCE_ITEM_URL, "report", "{1} (seen {2})") \
  CIRT_S (EVIDENCE_NONE, "report", "No evidence was attached to the answers.") \
  CIRT_S (METHOD_EVIDENCED_ONLY, "report", "Only evidenced answers count: an answer with no document or web page attached as evidence is scored as unanswered, and so lowers the coverage.") \
  /* Interview sessions and statements (issue 12, interviews) */ \
  CIRT_S (SHEET_SESSIONS, "report", "Interview sessions") \
  CIRT_S (SHEET_STATEMENTS, "report", "Statements") \
  CIRT_S (SESSION_TIME, "report", "Time") \
  CIRT_S (SESSION_PLACE, "report", "Place") \
  CIRT_S (SESSION_SECTIONS, "report", "Sections planned") \
  CIRT_S (SESSION_ORGANISATIONS, "report", "Organisations met") \
  CIRT_S (SESSION, "report", "Session") \
  CIRT_S (STAKEHOLDER, "report", "Stakeholder") \
  CIRT_S (STATEMENT, "report", "Statement") \
  CIRT_S (STAKEHOLDER_REMOVED, "report", "(removed)") \
  CIRT_S (NO_SESSIONS, "report", "No interview session has been recorded.") \
  CIRT_S (NO_STATEMENTS, "report", "No statement has been recorded.") \
  CIRT_S (STATEMENTS_REDACTED, "report", "What stakeholders said stays with the mission's team: the statements are left out of this redacted copy.") \
  CIRT_S (INTERVIEWS_HELD, "report", "Interviews held") \
  CIRT_S (INTERVIEWS_HELD_INTRO, "report", "The assessors held the following interview sessions during the mission.")
