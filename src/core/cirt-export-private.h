/* cirt-export-private.h — internals shared by the workbook and the report:
 * the report-language strings, the data both are built from, text helpers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report language is chosen at export time and is independent of the UI
 * language, so the fixed strings of the exports live in this table (English
 * and French), not in the gettext catalogue. Instrument texts come from the
 * instrument itself through cirt_text_get(). Placeholders are {1}, {2}, {3}
 * (see cirt_export_expand()), so a translation may reorder them. */
#pragma once

#include "cirt-export.h"
#include "cirt-score.h"
#include "cirt-store.h"

G_BEGIN_DECLS

#define CIRT_EXPORT_STRINGS(X) \
  /* document */ \
  X (DOC_TITLE, "National CIRT readiness assessment", "Évaluation de l'état de préparation d'une CIRT nationale") \
  X (DOC_SUBTITLE, "Readiness and maturity against the five pillars of the ITU Global Cybersecurity Agenda", \
     "État de préparation et maturité selon les cinq piliers du Programme mondial cybersécurité de l'UIT") \
  X (DRAFT_NOTICE, "Draft: the assessment is still in progress", "Projet : l'évaluation est encore en cours") \
  X (PAGE_N_OF_M, "Page {1} of {2}", "Page {1} sur {2}") \
  X (PREPARED_WITH, "Prepared with CIRT Assess {1}", "Préparé avec CIRT Assess {1}") \
  /* sheet names (at most 31 characters, none of []:*?/\) */ \
  X (SHEET_SUMMARY, "Summary", "Synthèse") \
  X (SHEET_ANSWERS, "Answers", "Réponses") \
  X (SHEET_RECOMMENDATIONS, "Recommendations", "Recommandations") \
  X (SHEET_GAPS, "Gaps", "Écarts") \
  X (SHEET_STAKEHOLDERS, "Stakeholders", "Parties prenantes") \
  X (SHEET_METHODOLOGY, "Methodology", "Méthodologie") \
  /* metadata */ \
  X (ASSESSMENT, "Assessment", "Évaluation") \
  X (COUNTRY, "Country", "Pays") \
  X (ORGANISATION, "Organisation", "Organisation") \
  X (MISSION_PHASE, "Mission phase", "Phase de la mission") \
  X (LEAD_ASSESSOR, "Lead assessor", "Évaluateur principal") \
  X (ASSESSORS, "Assessors", "Évaluateurs") \
  X (MISSION_DATES, "Mission dates", "Dates de la mission") \
  X (STATUS, "Status", "Statut") \
  X (STATUS_IN_PROGRESS, "In progress (draft)", "En cours (projet)") \
  X (STATUS_COMPLETED, "Completed", "Terminée") \
  X (INSTRUMENTS, "Instruments", "Instruments") \
  X (DOCUMENT_DATE, "Date of this document", "Date du présent document") \
  X (ASSESSMENT_ID, "Assessment identifier", "Identifiant de l'évaluation") \
  X (BASELINE, "Follow-up of", "Suivi de") \
  X (MARKING, "Marking", "Marquage") \
  X (PREVIOUS_SCORE, "Previous assessment", "Évaluation précédente") \
  X (PHASE_ASSESSMENT, "Assessment", "Évaluation") \
  X (PHASE_DESIGN, "Design", "Conception") \
  X (PHASE_ESTABLISHMENT, "Establishment", "Mise en place") \
  X (PHASE_ENHANCEMENT, "Enhancement", "Renforcement") \
  /* scores */ \
  X (OVERALL_INDEX, "Overall index", "Indice global") \
  X (OVERALL_LEVEL, "Overall level", "Niveau global") \
  X (LEVEL, "Level", "Niveau") \
  X (LEVEL_N, "Level {1}", "Niveau {1}") \
  X (LEVEL_NAME, "Level name", "Nom du niveau") \
  X (SCORE, "Score (0–100)", "Score (0–100)") \
  X (COVERAGE, "Coverage", "Couverture") \
  X (PROVISIONAL, "Provisional", "Provisoire") \
  X (NO_SCORE, "No score", "Pas de score") \
  X (TARGET_LEVEL, "Target level", "Niveau cible") \
  X (TARGET_INDEX, "Target (index)", "Cible (indice)") \
  X (GAP_LEVELS, "Gap (levels)", "Écart (niveaux)") \
  X (ANSWERED, "Answered", "Répondues") \
  X (ANSWERED_OF, "{1} of {2}", "{1} sur {2}") \
  X (NOTICE_UNDEFINED, "No scored question has been answered yet, so there is no index.", \
     "Aucune question notée n'a encore reçu de réponse : il n'y a donc pas d'indice.") \
  X (NOTICE_PROVISIONAL, "Provisional: the answered questions carry {1} of the applicable scored weight. A score is final from 80 %.", \
     "Provisoire : les questions ayant reçu une réponse représentent {1} du poids noté applicable. Un score est définitif à partir de 80 %.") \
  X (NOTICE_CAP, "The overall level is capped at level 2 ({1}) because these critical questions score below half: {2}.", \
     "Le niveau global est plafonné au niveau 2 ({1}) car ces questions critiques obtiennent moins de la moitié des points : {2}.") \
  /* columns */ \
  X (SCOPE, "Scope", "Portée") \
  X (PILLAR, "Pillar", "Pilier") \
  X (SECTION, "Section", "Section") \
  X (INSTRUMENT, "Instrument", "Instrument") \
  X (VERSION, "Version", "Version") \
  X (QUESTION_ID, "ID", "ID") \
  X (QUESTION, "Question", "Question") \
  X (ANSWER, "Answer", "Réponse") \
  X (CURRENT_ANSWER, "Current answer", "Réponse actuelle") \
  X (NOT_APPLICABLE_SHORT, "N/A", "S.O.") \
  X (NOTES, "Notes", "Notes") \
  X (EVIDENCE, "Evidence", "Éléments de preuve") \
  X (SOURCE, "Source", "Source") \
  X (AUTHOR, "Author", "Auteur") \
  X (UPDATED, "Updated (UTC)", "Mise à jour (UTC)") \
  X (CRITICAL, "Critical", "Critique") \
  X (WEIGHT, "Weight", "Poids") \
  X (FOLLOW_UP, "Follow-up", "À suivre") \
  X (RANK, "Rank", "Rang") \
  X (PRIORITY, "Priority", "Priorité") \
  X (LIFECYCLE_PHASE, "Lifecycle phase", "Phase du cycle de vie") \
  X (RECOMMENDATION, "Recommendation", "Recommandation") \
  X (NAME, "Name", "Nom") \
  X (SECTOR, "Sector", "Secteur") \
  X (DATE, "Date", "Date") \
  X (FROM_INDEX, "From index", "À partir de l'indice") \
  X (DESCRIPTION, "Description", "Description") \
  X (YES, "Yes", "Oui") \
  X (NOT_ANSWERED, "Not answered", "Sans réponse") \
  X (NOT_APPLICABLE, "Not applicable", "Sans objet") \
  X (TRUNCATED, "[… truncated: {1} more characters; the full text is in the PDF report and the JSON export]", \
     "[… tronqué : {1} caractères de plus ; le texte complet figure dans le rapport PDF et l'export JSON]") \
  X (CHART_RADAR, "Pillar scores: current and target", "Scores par pilier : actuel et cible") \
  X (CHART_SECTIONS, "Section scores", "Scores par section") \
  X (SERIES_CURRENT, "Current", "Actuel") \
  X (SERIES_TARGET, "Target", "Cible") \
  X (PILLAR_SCORES, "Pillar scores", "Scores par pilier") \
  X (SECTION_SCORES, "Section scores", "Scores par section") \
  X (LEVELS, "Maturity levels", "Niveaux de maturité") \
  X (NO_STAKEHOLDERS, "No stakeholder interview has been recorded.", "Aucun entretien n'a été enregistré.") \
  X (NO_RECOMMENDATIONS, "No recommendation: every answered question with a recommendation scores in full.", \
     "Aucune recommandation : toutes les questions concernées obtiennent le score maximal.") \
  /* report */ \
  X (CONTENTS, "Contents", "Sommaire") \
  X (EXEC_SUMMARY, "Executive summary", "Résumé analytique") \
  X (KEY_FINDINGS, "Key findings", "Principales constatations") \
  X (STRONGEST, "Strongest pillar: {1} ({2}, {3}).", "Pilier le plus avancé : {1} ({2}, {3}).") \
  X (WEAKEST, "Weakest pillar: {1} ({2}, {3}).", "Pilier le moins avancé : {1} ({2}, {3}).") \
  X (LARGEST_GAP, "Largest gap to target: {1}, {2} levels below its target level {3}.", \
     "Écart le plus important par rapport à la cible : {1}, {2} niveaux sous son niveau cible {3}.") \
  X (LARGEST_GAP_ONE, "Largest gap to target: {1}, one level below its target level {3}.", \
     "Écart le plus important par rapport à la cible : {1}, un niveau sous son niveau cible {3}.") \
  X (TARGETS_MET, "Every pillar with a target has reached it.", "Tous les piliers dotés d'une cible l'ont atteinte.") \
  X (RECS_COUNT, "{1} recommendations, ranked by priority; the highest are:", \
     "{1} recommandations, classées par priorité ; les plus urgentes sont :") \
  X (TOP_RECOMMENDATIONS, "Priority recommendations", "Recommandations prioritaires") \
  X (FINDINGS, "Assessors' findings", "Constatations des évaluateurs") \
  X (NO_FINDINGS, "No notes were recorded for this pillar.", "Aucune note n'a été consignée pour ce pilier.") \
  X (PILLAR_RECOMMENDATIONS, "Recommendations", "Recommandations") \
  X (NO_PILLAR_RECOMMENDATIONS, "No recommendation for this pillar.", "Aucune recommandation pour ce pilier.") \
  X (PILLAR_NOT_SCORED, "No scored question of this pillar has been answered yet.", \
     "Aucune question notée de ce pilier n'a encore reçu de réponse.") \
  X (ROADMAP, "Roadmap", "Feuille de route") \
  X (ROADMAP_INTRO, "The recommendations are grouped by the step of the CIRT lifecycle in which they are acted on: design, establishment, then enhancement of the team. Within a step they are listed by priority (rank).", \
     "Les recommandations sont regroupées selon l'étape du cycle de vie de la CIRT à laquelle elles s'appliquent : conception, mise en place, puis renforcement de l'équipe. Dans chaque étape, elles sont classées par priorité (rang).") \
  X (ROADMAP_DESIGN_INTRO, "Decisions and groundwork before the team exists: mandate, legal basis, constituency, funding model.", \
     "Décisions et travaux préparatoires avant la création de l'équipe : mandat, base juridique, bénéficiaires, modèle de financement.") \
  X (ROADMAP_ESTABLISHMENT_INTRO, "Setting the team up: organisation, staff, facilities, first services and processes.", \
     "Mise en place de l'équipe : organisation, personnel, locaux, premiers services et processus.") \
  X (ROADMAP_ENHANCEMENT_INTRO, "Maturing an operating team: more services, sector engagement, cooperation and measurement.", \
     "Maturation d'une équipe opérationnelle : services supplémentaires, engagement sectoriel, coopération et mesure.") \
  X (ROADMAP_OTHER, "Other recommendations, by priority", "Autres recommandations, par priorité") \
  X (PRIORITY_HIGH, "High priority", "Priorité haute") \
  X (PRIORITY_MEDIUM, "Medium priority", "Priorité moyenne") \
  X (PRIORITY_LOW, "Lower priority", "Priorité plus faible") \
  X (ROADMAP_BY_PRIORITY, "The instrument gives no lifecycle phase for these recommendations, so they are grouped by priority: the first third of the ranking is high, the second third medium, the rest lower.", \
     "L'instrument n'indique pas de phase du cycle de vie pour ces recommandations : elles sont regroupées par priorité (premier tiers du classement : haute ; deuxième tiers : moyenne ; le reste : plus faible).") \
  X (REC_META, "{1} · {2} · current answer: {3}", "{1} · {2} · réponse actuelle : {3}") \
  X (METHODOLOGY, "Methodology", "Méthodologie") \
  X (STAKEHOLDERS_MET, "Stakeholders met", "Parties prenantes rencontrées") \
  X (STAKEHOLDERS_INTRO, "The assessors interviewed the following people and organisations during the mission.", \
     "Les évaluateurs ont rencontré les personnes et organisations suivantes au cours de la mission.") \
  X (APPENDIX, "Appendix: all answers", "Annexe : toutes les réponses") \
  X (APPENDIX_INTRO, "Every question of every instrument used, with the answer recorded, its score, and the assessors' notes, evidence and sources.", \
     "Toutes les questions de chaque instrument utilisé, avec la réponse consignée, son score et les notes, éléments de preuve et sources des évaluateurs.") \
  X (LABEL_ANSWER, "Answer:", "Réponse :") \
  X (LABEL_SCORE, "Score:", "Score :") \
  X (LABEL_NOTES, "Notes:", "Notes :") \
  X (LABEL_EVIDENCE, "Evidence:", "Éléments de preuve :") \
  X (LABEL_SOURCE, "Source:", "Source :") \
  X (LABEL_BY, "Recorded by {1}, {2}", "Consigné par {1}, le {2}") \
  X (CRITICAL_MARK, "critical", "critique") \
  /* methodology (plain words; shared by the workbook and the report) */ \
  X (METH_INTRO, "The assessment records, question by question, what the assessors heard and saw during the mission. Each scored answer becomes a score between 0 and 1; the scores are averaged with the weights given by the instrument, section by section, then pillar by pillar, then overall.", \
     "L'évaluation consigne, question par question, ce que les évaluateurs ont entendu et constaté pendant la mission. Chaque réponse notée devient un score entre 0 et 1 ; les scores sont moyennés avec les poids fixés par l'instrument, section par section, puis pilier par pilier, puis globalement.") \
  X (METH_ANSWERS, "Answer scores: a maturity level from 0 to 4 scores level ÷ 4; yes, partial and no score 1, 0.5 and 0; a multiple choice scores the value of the option chosen; a checklist scores the weight of the items ticked divided by the weight of all items. Text, number and date questions give context and are not scored.", \
     "Score des réponses : un niveau de maturité de 0 à 4 vaut niveau ÷ 4 ; oui, partiel et non valent 1, 0,5 et 0 ; un choix multiple vaut la valeur de l'option choisie ; une liste de contrôle vaut le poids des éléments cochés divisé par le poids de tous les éléments. Les questions de texte, de nombre et de date donnent le contexte et ne sont pas notées.") \
  X (METH_ROLLUP, "A section's score is the weighted mean of its answered, applicable questions. A pillar's score is the weighted mean of its scored sections, and the overall index the weighted mean of the scored pillars. Questions marked not applicable, and unanswered questions, are left out of the means. Scores are shown from 0 to 100 with one decimal, cut rather than rounded, so that a shown score never reaches a level its score has not reached.", \
     "Le score d'une section est la moyenne pondérée de ses questions applicables ayant reçu une réponse. Le score d'un pilier est la moyenne pondérée de ses sections notées, et l'indice global la moyenne pondérée des piliers notés. Les questions sans objet et celles sans réponse sont exclues des moyennes. Les scores sont présentés de 0 à 100 avec une décimale, tronqués plutôt qu'arrondis, afin qu'un score affiché n'atteigne jamais un niveau que le score n'a pas atteint.") \
  X (METH_LEVELS, "Each score is also given as one of five named maturity levels, by the thresholds below.", \
     "Chaque score est aussi exprimé par l'un des cinq niveaux de maturité nommés, selon les seuils ci-dessous.") \
  X (METH_COVERAGE, "Coverage is the share of the applicable scored weight that has been answered. Below 80 % a score is marked provisional: it may still move as answers are added.", \
     "La couverture est la part du poids noté applicable ayant reçu une réponse. En dessous de 80 %, un score est signalé comme provisoire : il peut encore évoluer à mesure que des réponses sont ajoutées.") \
  X (METH_CRITICAL, "Some questions are critical (for example a legal mandate). While any critical question scores below half, the overall level is capped at level 2, whatever the index, and the report names the questions that cause the cap.", \
     "Certaines questions sont critiques (par exemple un mandat juridique). Tant qu'une question critique obtient moins de la moitié des points, le niveau global est plafonné au niveau 2, quel que soit l'indice, et le rapport nomme les questions en cause.") \
  X (METH_TARGETS, "The country sets a target level for each pillar. The gap is the target level minus the current level, counted in levels; a section is compared with the target of its pillar. Where a target is drawn on the 0–100 scale (radar), it is placed at the lowest index of the target level.", \
     "Le pays fixe un niveau cible pour chaque pilier. L'écart est le niveau cible moins le niveau actuel, compté en niveaux ; une section est comparée à la cible de son pilier. Lorsqu'une cible est représentée sur l'échelle de 0 à 100 (radar), elle est placée à l'indice le plus bas du niveau cible.") \
  X (METH_PRIORITY, "Every question scoring below full marks that carries a recommendation yields that recommendation. They are ranked by priority = question weight × (1 − score) × section weight × pillar weight: the heavier the question and the larger the shortfall, the higher the priority (ties by question identifier).", \
     "Chaque question n'obtenant pas le score maximal et assortie d'une recommandation produit cette recommandation. Elles sont classées par priorité = poids de la question × (1 − score) × poids de la section × poids du pilier : plus la question pèse et plus le manque est grand, plus la priorité est élevée (à égalité, par identifiant de question).") \
  X (METH_INSTRUMENTS, "Instruments used, with the fingerprint (SHA-256) of the exact version the scores were computed with:", \
     "Instruments utilisés, avec l'empreinte (SHA-256) de la version exacte ayant servi au calcul des scores :") \
  X (METH_TLP, "This document is marked under the Traffic Light Protocol (TLP 2.0, FIRST): {1}", \
     "Ce document est marqué selon le Traffic Light Protocol (TLP 2.0, FIRST) : {1}")

#define CIRT_EXPORT_STR_ENUM(key, en, fr) CIRT_STR_##key,
typedef enum {
  CIRT_EXPORT_STRINGS (CIRT_EXPORT_STR_ENUM)
  CIRT_N_EXPORT_STRINGS
} CirtExportString;
#undef CIRT_EXPORT_STR_ENUM

/* The string in @lang (a code from cirt_export_languages()), else English. */
const char *cirt_export_str            (const char       *lang,
                                        CirtExportString  id);
/* An answer in words for people: the value described in @lang, or "Not
 * answered" / "Not applicable". */
char       *cirt_export_answer_words   (const char         *lang,
                                        const CirtQuestion *question,
                                        const CirtAnswer   *answer);
/* Its score on 0–100, or NAN when it has none (unanswered, N/A, unscored). */
double      cirt_export_answer_score   (const CirtQuestion *question,
                                        const CirtAnswer   *answer);
/* For tests: the English and French text of entry @id. */
void        cirt_export_str_pair       (CirtExportString  id,
                                        const char      **en,
                                        const char      **fr);
/* Replaces {1}, {2}, {3}, {4} in @tmpl by @a1…@a4 (NULL = empty). */
char       *cirt_export_expand         (const char *tmpl,
                                        const char *a1,
                                        const char *a2,
                                        const char *a3,
                                        const char *a4);
/* "2026-03-02" → "2 March 2026" / "2 mars 2026"; other text is returned as is. */
char       *cirt_export_format_date    (const char *date,
                                        const char *lang);
/* "2 – 6 March 2026", or a single date, or NULL when neither is set. */
char       *cirt_export_format_period  (const char *start,
                                        const char *end,
                                        const char *lang);
/* A score 0–100 for people: "47.3" / "47,3", one decimal, cut the way
 * cirt_score_display_value() cuts (as the charts show it). */
char       *cirt_export_format_score   (double      value,
                                        const char *lang);
/* A fraction as a percentage, cut to a whole number: "62 %" (fr) / "62%" (en). NAN → "—". */
char       *cirt_export_format_percent (double      fraction,
                                        const char *lang);
const char *cirt_export_phase_name     (CirtPhase   phase,
                                        const char *lang);
const char *cirt_export_mission_phase_name (const char *phase,
                                            const char *lang);
/* "Level 3 – Established", or "No score". */
char       *cirt_export_level_words    (CirtScore  *score,
                                        int         level,
                                        const char *lang);

/* What both exporters are built from, loaded in one go. */
typedef struct {
  CirtAssessmentInfo *info;
  CirtScore          *score;
  CirtScore          *baseline;      /* the earlier assessment followed up, or NULL */
  char               *baseline_title;
  GHashTable         *answers;       /* question id → CirtAnswer* */
  GPtrArray          *stakeholders;  /* CirtStakeholder* */
  char               *generated_on;  /* YYYY-MM-DD (UTC) */
} CirtExportData;

CirtExportData *cirt_export_data_load  (CirtStore   *store,
                                        const char  *assessment_id,
                                        GError     **error);
void            cirt_export_data_free  (CirtExportData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirtExportData, cirt_export_data_free)

/* The answer to @question, or NULL. */
const CirtAnswer *cirt_export_data_answer (CirtExportData     *data,
                                           const CirtQuestion *question);

/* Excel's limit for one cell, in UTF-16 code units. */
#define CIRT_XLSX_CELL_MAX 32767

/* @text cut to fit one spreadsheet cell: returned as is when it fits (NULL
 * is returned then, *truncated FALSE), else the longest prefix that fits with
 * the TRUNCATED marker appended (newly allocated). */
char       *cirt_export_fit_cell       (const char *text,
                                        const char *lang,
                                        gsize       limit,
                                        gboolean   *truncated);

/* Reads a written workbook back: a sound ZIP whose every part inflates to
 * its recorded size and CRC, and whose every XML part closes its root
 * element. libxlsxwriter 1.1.4 ignores write errors on its temporary part
 * files (a full /tmp gives a short part and a "successful" workbook), so
 * the exporter checks before it renames the file into place. */
gboolean    cirt_export_verify_xlsx    (const char  *path,
                                        GError     **error);

G_END_DECLS
