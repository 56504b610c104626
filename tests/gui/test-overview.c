/* test-overview.c — the overview, the recommendations page, the chart view
 * and the export dialog, on the sample assessment, in real windows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "cirt-app-util.h"
#include "cirt-assessment-data.h"
#include "cirt-application.h"
#include "cirt-card-columns.h"
#include "cirt-chart-view.h"
#include "cirt-export-dialog.h"
#include "cirt-gui-test-util.h"
#include "cirt-test-gpg.h"
#include "cirt-lang.h"
#include "cirt-overview-page.h"
#include "cirt-recommendation-row.h"
#include "cirt-recommendations-page.h"
#include "cirt-sample.h"
#include "cirt-window.h"

/* Upper bound of a wait for the page to follow a change: it ends as soon as
 * the page has followed; long enough for a run under valgrind. */
#define WAIT_MS 60000

static CirtApplication *app;
static CirtStore *store;
static char *assessment;
static GtkWindow *window;

/* The last question-activated (any widget). */
static char *activated;
static guint n_activated;

static void
on_question_activated_cb (GtkWidget  *widget,
                          const char *id)
{
  g_free (activated);
  activated = g_strdup (id);
  n_activated++;
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("CIRT_SOURCE_ROOT");
  ck_assert_msg (root != NULL, "CIRT_SOURCE_ROOT is not set (run the tests through meson test)");
  return g_build_filename (root, "data", "sample", "republic-of-example.json", NULL);
}

static CirtScore *
load_score (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAssessmentData) data = cirt_assessment_data_load (store, id, CIRT_LOAD_SCORE, &error);
  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  return g_object_ref (data->score);
}

/* The overall index as the charts print it, computed here independently. */
static char *
expected_overall (CirtScore *score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const CirtScoreValue *v = cirt_score_get_overall (score);

  ck_assert (v->defined);
  g_ascii_formatd (buf, sizeof buf, "%.1f", cirt_score_display_value (v->score, 1));
  return g_strdup (buf);
}

/* Shows assessment @id on @page, in a session of its own (the page keeps it). */
static void
set_session (GtkWidget  *page,
             const char *id)
{
  g_autoptr(CirtSession) session = cirt_gui_test_session_new (store, id);
  g_object_set (page, "session", session, NULL);
}

static GtkWidget *
new_export_dialog (GtkWindow  *parent,
                   const char *id)
{
  g_autoptr(CirtSession) session = cirt_gui_test_session_new (store, id);
  return cirt_export_dialog_new (parent, session);
}

static GtkWidget *
show_in_window (GtkWidget *page,
                int        width,
                int        height)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, width, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (window, overlay);
  cirt_gui_test_show (window);
  return page;
}

/* Waits until the page's charts are laid out (the first layout builds every
 * chart's text). */
static void
wait_for_charts (CirtOverviewPage *page)
{
  ck_assert_msg (CIRT_WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (cirt_overview_page_get_chart (page, CIRT_CHART_COVERAGE))) > 0, WAIT_MS),
                 "the overview's charts were not laid out");
  cirt_gui_test_spin (20);
}

static void
close_window (void)
{
  if (window != NULL)
    gtk_window_destroy (window);
  cirt_gui_test_spin (30);
  window = NULL;
}

/* Gives @question its best answer (keeping its notes); FALSE for the
 * unscored kinds. */
static gboolean
answer_best (const char         *id,
             const CirtQuestion *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtAnswer) a = cirt_store_get_answer (store, id, q->id, &error);

  ck_assert_msg (error == NULL, "%s", error ? error->message : "");
  if (a == NULL)
    a = cirt_answer_new (q->id);
  g_clear_pointer (&a->value, g_free);
  if (q->kind == CIRT_KIND_LEVEL)
    a->value = g_strdup ("4");
  else if (q->kind == CIRT_KIND_YESNO)
    a->value = g_strdup ("yes");
  else if (q->kind == CIRT_KIND_CHOICE)
    {
      const CirtOption *best = NULL;
      for (guint i = 0; i < q->options->len; i++)
        {
          const CirtOption *o = g_ptr_array_index (q->options, i);
          if (best == NULL || o->score > best->score)
            best = o;
        }
      a->value = g_strdup (best->id);
    }
  else if (q->kind == CIRT_KIND_CHECKLIST)
    {
      GString *all = g_string_new (NULL);
      for (guint i = 0; i < q->options->len; i++)
        g_string_append_printf (all, "%s%s", i ? "," : "", ((const CirtOption *) g_ptr_array_index (q->options, i))->id);
      a->value = g_string_free (all, FALSE);
    }
  else
    return FALSE;
  a->not_applicable = FALSE;
  g_free (a->author);
  a->author = g_strdup ("Test assessor");
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s", error ? error->message : "");
  return TRUE;
}

static GtkWidget *
find_recommendation_row (GtkWidget *root)
{
  GtkWidget *row = cirt_gui_test_find (root, CIRT_TYPE_RECOMMENDATION_ROW, NULL);
  ck_assert_ptr_nonnull (row);
  return row;
}

/* ------------------------------------------------------------------------ */
/* Overview                                                                  */

START_TEST (test_overview_shows_the_score)
{
  CirtOverviewPage *page;
  g_autoptr(CirtScore) score = load_score (assessment);
  g_autofree char *overall = expected_overall (score);
  const CirtScoreValue *v = cirt_score_get_overall (score);
  GPtrArray *capped = cirt_score_get_capped_by (score);
  guint n_recs = cirt_score_get_n_recommendations (score);
  const CirtLevelInfo *level = cirt_score_get_level_info (score, v->level);
  g_autofree char *level_text = g_strdup_printf ("Level %d · %s", v->level, cirt_text_get (level->name, "en"));

  page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 760));
  set_session (GTK_WIDGET (page), assessment);
  wait_for_charts (page);

  ck_assert_str_eq (cirt_overview_page_get_state (page), "overview");
  ck_assert_str_eq (cirt_overview_page_get_overall_text (page), overall);
  ck_assert_str_eq (cirt_overview_page_get_level_text (page), level_text);

  /* The sample is provisional and capped: both said in words. */
  ck_assert_msg (v->provisional, "the sample should be provisional");
  ck_assert_ptr_nonnull (cirt_overview_page_get_provisional_text (page));
  ck_assert_ptr_nonnull (strstr (cirt_overview_page_get_provisional_text (page), "Provisional"));
  ck_assert_uint_gt (capped->len, 0);
  ck_assert_ptr_nonnull (cirt_overview_page_get_cap_text (page));
  if (cirt_score_get_uncapped_level (score) > v->level)
    ck_assert_ptr_nonnull (strstr (cirt_overview_page_get_cap_text (page), "Capped at level 2"));

  /* The ten highest, in order (filled once the page has painted its first
   * frame: they sit below the fold). */
  ck_assert_uint_ge (n_recs, CIRT_OVERVIEW_N_TOP);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_overview_page_get_n_top (page) > 0, WAIT_MS), "no recommendations shown");
  ck_assert_uint_eq (cirt_overview_page_get_n_top (page), CIRT_OVERVIEW_N_TOP);
  for (guint i = 0; i < CIRT_OVERVIEW_N_TOP; i++)
    ck_assert_str_eq (cirt_overview_page_get_top_question (page, i),
                      cirt_score_get_recommendation (score, i)->question->id);
  ck_assert_ptr_null (cirt_overview_page_get_top_question (page, CIRT_OVERVIEW_N_TOP));

  /* The charts draw this score, and say it in words. */
  for (CirtChartKind k = CIRT_CHART_RADAR; k <= CIRT_CHART_COVERAGE; k++)
    {
      CirtChartView *chart = cirt_overview_page_get_chart (page, k);
      ck_assert_ptr_nonnull (cirt_chart_view_get_score (chart));
      ck_assert_int_gt (gtk_widget_get_height (GTK_WIDGET (chart)), 100);
      ck_assert_int_gt (strlen (cirt_chart_view_get_description (chart)), 40);
    }
  {
    const char *radar = cirt_chart_view_get_description (cirt_overview_page_get_chart (page, CIRT_CHART_RADAR));
    const CirtPillarScore *legal = cirt_score_get_pillar (score, CIRT_PILLAR_LEGAL);
    g_autofree char *legal_num = cirt_lang_format_number (cirt_lang_default (), legal->value.score, 1);
    g_autofree char *legal_words = g_strdup_printf ("Legal %s, level %d", legal_num, legal->value.level);

    ck_assert_msg (g_str_has_prefix (radar, "Radar chart"), "%s", radar);
    ck_assert_msg (strstr (radar, overall) != NULL, "%s", radar);
    ck_assert_msg (strstr (radar, legal_words) != NULL, "no “%s” in: %s", legal_words, radar);
    /* No baseline: the sample is not a follow-up. */
    ck_assert_ptr_null (cirt_chart_view_get_baseline (cirt_overview_page_get_chart (page, CIRT_CHART_RADAR)));
  }
  /* The sections chart grows with the sections: taller than the radar's
   * card at the same width. */
  ck_assert_int_gt (gtk_widget_get_height (GTK_WIDGET (cirt_overview_page_get_chart (page, CIRT_CHART_SECTIONS))),
                    gtk_widget_get_height (GTK_WIDGET (cirt_overview_page_get_chart (page, CIRT_CHART_COVERAGE))));

  /* Activating what is shown asks for the question. */
  g_signal_connect (page, "question-activated", G_CALLBACK (on_question_activated_cb), NULL);
  cirt_gui_test_click (gtk_widget_get_parent (find_recommendation_row (GTK_WIDGET (page))));
  ck_assert_str_eq (activated, cirt_score_get_recommendation (score, 0)->question->id);
  {
    /* The first row of the page is the first capping question's. */
    GtkWidget *cap_row = cirt_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, NULL);
    const CirtQuestion *first_capping = g_ptr_array_index (capped, 0);

    ck_assert (!CIRT_IS_RECOMMENDATION_ROW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (cap_row))));
    cirt_gui_test_click (cap_row);
    ck_assert_str_eq (activated, first_capping->id);
  }
  close_window ();
}
END_TEST

/* A chart below the fold is measured but not drawn until scrolling (or a
 * taller window) brings it into sight; the recommendations below it are
 * listed once the page has painted. */
START_TEST (test_overview_draws_what_shows)
{
  CirtOverviewPage *page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 500));
  CirtChartView *radar, *coverage;
  GtkAdjustment *adjustment;

  set_session (GTK_WIDGET (page), assessment);
  wait_for_charts (page);
  radar = cirt_overview_page_get_chart (page, CIRT_CHART_RADAR);
  coverage = cirt_overview_page_get_chart (page, CIRT_CHART_COVERAGE);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_chart_view_get_n_draws (radar) > 0, WAIT_MS), "the radar was not drawn");
  ck_assert_int_gt (gtk_widget_get_height (GTK_WIDGET (coverage)), 100);
  ck_assert_uint_eq (cirt_chart_view_get_n_draws (coverage), 0);
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_overview_page_get_n_top (page) == CIRT_OVERVIEW_N_TOP, WAIT_MS),
                 "the recommendations were not listed after the first frame");

  /* Scrolled to, it draws. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_ancestor (GTK_WIDGET (coverage),
                                                                                      GTK_TYPE_VIEWPORT)));
  {
    graphene_rect_t bounds;

    ck_assert (gtk_widget_compute_bounds (GTK_WIDGET (coverage), gtk_widget_get_ancestor (GTK_WIDGET (coverage),
                                                                                          GTK_TYPE_VIEWPORT), &bounds));
    ck_assert_double_ge (bounds.origin.y, 500);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 100);
  }
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_chart_view_get_n_draws (coverage) > 0, WAIT_MS),
                 "the coverage chart was not drawn when scrolled into sight");
  close_window ();

  /* A window grown to show it draws it, without scrolling: 50 px below the
   * fold of a 500 px window, it shows in a 700 px one. */
  page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 500));
  set_session (GTK_WIDGET (page), assessment);
  wait_for_charts (page);
  coverage = cirt_overview_page_get_chart (page, CIRT_CHART_COVERAGE);
  {
    GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (coverage), GTK_TYPE_VIEWPORT);
    graphene_rect_t bounds;

    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
    ck_assert (gtk_widget_compute_bounds (GTK_WIDGET (coverage), viewport, &bounds));
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 550);
    ck_assert_msg (CIRT_WAIT_UNTIL (gtk_widget_compute_bounds (GTK_WIDGET (coverage), viewport, &bounds) &&
                                    fabs (bounds.origin.y - 550) < 1, WAIT_MS),
                   "the coverage chart is at %g, not 550 px down the viewport", bounds.origin.y);
  }
  ck_assert_uint_eq (cirt_chart_view_get_n_draws (coverage), 0);
  gtk_window_set_default_size (window, 1000, 700);
  ck_assert_msg (CIRT_WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (window)) >= 700, WAIT_MS), "the window did not grow: %d",
                 gtk_widget_get_height (GTK_WIDGET (window)));
  ck_assert_msg (CIRT_WAIT_UNTIL (cirt_chart_view_get_n_draws (coverage) > 0, WAIT_MS),
                 "the coverage chart was not drawn when the window grew to show it");
  close_window ();
}
END_TEST

START_TEST (test_overview_follows_changes)
{
  CirtOverviewPage *page;
  g_autoptr(CirtScore) before = load_score (assessment);
  g_autoptr(CirtScore) after = NULL;
  g_autofree char *expected = NULL;
  const CirtQuestion *improved = NULL;
  guint computes;

  page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 760));
  set_session (GTK_WIDGET (page), assessment);
  cirt_gui_test_spin (50);

  /* The highest recommendation whose question can be answered at its best here. */
  for (guint i = 0; i < cirt_score_get_n_recommendations (before) && improved == NULL; i++)
    {
      const CirtQuestion *q = cirt_score_get_recommendation (before, i)->question;
      if (q->kind == CIRT_KIND_LEVEL || q->kind == CIRT_KIND_YESNO)
        improved = q;
    }
  ck_assert_ptr_nonnull (improved);
  ck_assert (answer_best (assessment, improved));
  after = load_score (assessment);
  expected = expected_overall (after);
  ck_assert_str_ne (expected, cirt_overview_page_get_overall_text (page));
  ck_assert_msg (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_overview_page_get_overall_text (page), expected) == 0, WAIT_MS),
                 "the overview still shows %s, not %s", cirt_overview_page_get_overall_text (page), expected);
  /* The improved question is no longer recommended; the list is the new top ten. */
  for (guint i = 0; i < cirt_overview_page_get_n_top (page); i++)
    {
      ck_assert_str_ne (cirt_overview_page_get_top_question (page, i), improved->id);
      ck_assert_str_eq (cirt_overview_page_get_top_question (page, i),
                        cirt_score_get_recommendation (after, i)->question->id);
    }

  /* Notes typed in a row: one recompute for the burst, not one per change. */
  cirt_gui_test_spin (400);
  computes = cirt_overview_page_get_n_computes (page);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirtAnswer) a = cirt_store_get_answer (store, assessment, improved->id, &error);
      ck_assert_ptr_nonnull (a);
      g_free (a->notes);
      a->notes = g_strdup_printf ("Confirmed by the regulator, call %u", i);
      ck_assert_msg (cirt_store_save_answer (store, assessment, a, &error), "%s", error ? error->message : "");
    }
  ck_assert_uint_eq (cirt_overview_page_get_n_computes (page), computes);
  ck_assert (CIRT_WAIT_UNTIL (cirt_overview_page_get_n_computes (page) > computes, WAIT_MS));
  cirt_gui_test_spin (400);
  /* All six arrived before the main loop ran again: exactly one. */
  ck_assert_uint_eq (cirt_overview_page_get_n_computes (page) - computes, 1);
  ck_assert_str_eq (cirt_overview_page_get_overall_text (page), expected);

  /* Changes of another assessment do not recompute this one. */
  {
    g_autofree char *other = NULL;
    g_autofree char *path = sample_path ();
    g_autoptr(GError) error = NULL;

    computes = cirt_overview_page_get_n_computes (page);
    other = cirt_sample_load (store, path, &error);
    ck_assert_msg (other != NULL, "%s", error ? error->message : "");
    cirt_gui_test_spin (500);
    ck_assert_uint_eq (cirt_overview_page_get_n_computes (page), computes);
  }
  close_window ();
}
END_TEST

START_TEST (test_overview_empty_and_follow_up)
{
  CirtOverviewPage *page;
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *follow_up = NULL;
  GtkWidget *start;
  const CirtQuestion *first = NULL;
  CirtChartView *radar;

  instruments = cirt_store_get_instruments (store, assessment, &error);
  ck_assert_msg (instruments != NULL, "%s", error ? error->message : "");
  info->title = g_strdup ("Follow-up mission 2027");
  info->country = g_strdup ("Republic of Example");
  info->baseline = g_strdup (assessment);
  follow_up = cirt_store_create_assessment (store, info, instruments, &error);
  ck_assert_msg (follow_up != NULL, "%s", error ? error->message : "");

  page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 760));
  g_signal_connect (page, "question-activated", G_CALLBACK (on_question_activated_cb), NULL);
  set_session (GTK_WIDGET (page), follow_up);
  cirt_gui_test_spin (50);

  /* Nothing answered: an explanation and a way in, no empty charts. */
  ck_assert_str_eq (cirt_overview_page_get_state (page), "empty");
  ck_assert_ptr_null (cirt_chart_view_get_score (cirt_overview_page_get_chart (page, CIRT_CHART_RADAR)));
  ck_assert_uint_eq (cirt_overview_page_get_n_top (page), 0);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "overview-empty.png");
  start = cirt_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Answer the First Question");
  ck_assert_ptr_nonnull (start);
  ck_assert (gtk_widget_get_visible (start));
  cirt_gui_test_click (start);
  {
    CirtInstrument *inst = g_ptr_array_index (instruments, 0);
    for (guint s = 0; s < cirt_instrument_get_n_sections (inst) && first == NULL; s++)
      {
        const CirtSection *section = cirt_instrument_get_section (inst, s);
        for (guint q = 0; q < section->questions->len && first == NULL; q++)
          if (cirt_kind_is_scored (((CirtQuestion *) g_ptr_array_index (section->questions, q))->kind))
            first = g_ptr_array_index (section->questions, q);
      }
  }
  ck_assert_ptr_nonnull (first);
  ck_assert_str_eq (activated, first->id);

  /* One answer: the overview, and the radar compares with the baseline. */
  ck_assert_msg (answer_best (follow_up, first), "%s is not a level or yes/no question", first->id);
  ck_assert (CIRT_WAIT_UNTIL (g_strcmp0 (cirt_overview_page_get_state (page), "overview") == 0, WAIT_MS));
  radar = cirt_overview_page_get_chart (page, CIRT_CHART_RADAR);
  ck_assert_ptr_nonnull (cirt_chart_view_get_baseline (radar));
  ck_assert_ptr_nonnull (strstr (cirt_chart_view_get_description (radar), "Earlier assessment:"));
  /* The baseline's changes reach the follow-up's overview too. */
  {
    guint computes = cirt_overview_page_get_n_computes (page);
    g_autoptr(CirtScore) base = load_score (assessment);
    gboolean changed = FALSE;

    for (guint i = 0; i < cirt_score_get_n_recommendations (base) && !changed; i++)
      changed = answer_best (assessment, cirt_score_get_recommendation (base, i)->question);
    ck_assert (changed);
    ck_assert (CIRT_WAIT_UNTIL (cirt_overview_page_get_n_computes (page) > computes, WAIT_MS));
  }
  close_window ();
}
END_TEST

static guint
card_column (CirtCardColumns  *columns,
             CirtOverviewPage *page,
             CirtChartKind     kind)
{
  return cirt_card_columns_get_column (columns, gtk_widget_get_parent (GTK_WIDGET (cirt_overview_page_get_chart (page, kind))));
}

START_TEST (test_overview_columns)
{
  CirtOverviewPage *page = CIRT_OVERVIEW_PAGE (cirt_overview_page_new ());
  CirtCardColumns *columns;

  show_in_window (GTK_WIDGET (page), 1000, 760);
  set_session (GTK_WIDGET (page), assessment);
  cirt_gui_test_spin (100);
  columns = CIRT_CARD_COLUMNS (cirt_gui_test_find (GTK_WIDGET (page), CIRT_TYPE_CARD_COLUMNS, NULL));
  ck_assert_ptr_nonnull (columns);
  ck_assert (CIRT_WAIT_UNTIL (cirt_card_columns_get_n_columns (columns) > 0, WAIT_MS));
  ck_assert_uint_eq (cirt_card_columns_get_n_columns (columns), 2);
  /* The section bars beside the radar. */
  ck_assert_uint_eq (card_column (columns, page, CIRT_CHART_RADAR), 0);
  ck_assert_uint_eq (card_column (columns, page, CIRT_CHART_SECTIONS), 1);
  gtk_window_set_default_size (window, 560, 760);
  ck_assert (CIRT_WAIT_UNTIL (cirt_card_columns_get_n_columns (columns) == 1, WAIT_MS));
  ck_assert_uint_eq (card_column (columns, page, CIRT_CHART_SECTIONS), 0);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "overview-narrow.png");
  close_window ();
}
END_TEST

START_TEST (test_chart_view_dark)
{
  CirtChartView *chart = CIRT_CHART_VIEW (cirt_chart_view_new (CIRT_CHART_RADAR));
  g_autoptr(CirtScore) score = load_score (assessment);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int h_narrow, h_wide;

  cirt_chart_view_set_score (chart, score);
  cirt_chart_view_set_kind (chart, CIRT_CHART_SECTIONS);
  show_in_window (GTK_WIDGET (chart), 700, 900);
  ck_assert (!cirt_chart_view_get_drawn_dark (chart));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  ck_assert (CIRT_WAIT_UNTIL (cirt_chart_view_get_drawn_dark (chart), WAIT_MS));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  ck_assert (CIRT_WAIT_UNTIL (!cirt_chart_view_get_drawn_dark (chart), WAIT_MS));

  /* Height for width, from the chart module, zoomed. */
  cirt_chart_view_set_zoom (chart, 1.0);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 400, NULL, &h_narrow, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 900, NULL, &h_wide, NULL, NULL);
  ck_assert_int_eq (h_narrow, (int) ceil (cirt_chart_natural_height (CIRT_CHART_SECTIONS, score, NULL, 400)));
  ck_assert_int_eq (h_wide, (int) ceil (cirt_chart_natural_height (CIRT_CHART_SECTIONS, score, NULL, 900)));
  cirt_chart_view_set_zoom (chart, 1.25);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 500, NULL, &h_narrow, NULL, NULL);
  ck_assert_int_eq (h_narrow, (int) ceil (1.25 * cirt_chart_natural_height (CIRT_CHART_SECTIONS, score, NULL, 400)));
  ck_assert_msg (g_str_has_prefix (cirt_chart_view_get_description (chart), "Bar chart of maturity by section"),
                 "%s", cirt_chart_view_get_description (chart));

  /* French: the chart's decimal comma. */
  cirt_chart_view_set_lang (chart, "fr");
  {
    g_autofree char *fr = cirt_lang_format_number (cirt_lang_get ("fr"), 40.36, 1);
    ck_assert_str_eq (fr, "40,3");
  }
  cirt_chart_view_set_score (chart, NULL);
  ck_assert_str_eq (cirt_chart_view_get_description (chart), "");
  close_window ();
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Recommendations                                                           */

static guint
count_matching (CirtScore *score,
                int        pillar,
                int        phase)
{
  guint n = 0;

  for (guint i = 0; i < cirt_score_get_n_recommendations (score); i++)
    {
      const CirtQuestion *q = cirt_score_get_recommendation (score, i)->question;
      if ((pillar < 0 || (int) q->section->pillar == pillar) && (phase < 0 || (int) q->phase == phase))
        n++;
    }
  return n;
}

START_TEST (test_recommendations_filter)
{
  CirtRecommendationsPage *page;
  g_autoptr(CirtScore) score = load_score (assessment);
  guint total = cirt_score_get_n_recommendations (score);
  g_autofree char *all = g_strdup_printf ("%u recommendations", total);
  GtkDropDown *pillar_dropdown;
  const int phases[] = { CIRT_PHASE_DESIGN, CIRT_PHASE_ESTABLISHMENT, CIRT_PHASE_ENHANCEMENT, CIRT_PHASE_NONE };
  guint sum = 0;

  page = CIRT_RECOMMENDATIONS_PAGE (show_in_window (cirt_recommendations_page_new (), 1000, 760));
  set_session (GTK_WIDGET (page), assessment);
  cirt_gui_test_spin (50);

  ck_assert_uint_eq (cirt_recommendations_page_get_n_total (page), total);
  ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), total);
  ck_assert_str_eq (cirt_recommendations_page_get_count_text (page), all);
  ck_assert_str_eq (cirt_recommendations_page_get_state (page), "list");
  for (guint i = 0; i < total; i++)
    ck_assert_str_eq (cirt_recommendations_page_get_shown_question (page, i),
                      cirt_score_get_recommendation (score, i)->question->id);

  /* By pillar, through the dropdown as the assessor does. */
  pillar_dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_RECOMMENDATIONS_PAGE,
                                                                   "pillar_dropdown"));
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    {
      guint expected = count_matching (score, p, -1);
      g_autofree char *text = g_strdup_printf ("%u of %u recommendations", expected, total);

      gtk_drop_down_set_selected (pillar_dropdown, p + 1);
      cirt_gui_test_spin (10);
      ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), expected);
      if (expected < total)
        ck_assert_str_eq (cirt_recommendations_page_get_count_text (page), text);
      sum += expected;
      /* Shown in rank order. */
      for (guint i = 0, k = 0; i < total; i++)
        {
          const CirtQuestion *q = cirt_score_get_recommendation (score, i)->question;
          if (q->section->pillar != p)
            continue;
          ck_assert_str_eq (cirt_recommendations_page_get_shown_question (page, k++), q->id);
        }
    }
  ck_assert_uint_eq (sum, total);

  /* By phase. */
  sum = 0;
  for (guint f = 0; f < G_N_ELEMENTS (phases); f++)
    {
      guint expected = count_matching (score, -1, phases[f]);
      cirt_recommendations_page_set_filter (page, CIRT_RECOMMENDATIONS_ANY_PILLAR, phases[f]);
      cirt_gui_test_spin (10);
      ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), expected);
      sum += expected;
    }
  ck_assert_uint_eq (sum, total);
  ck_assert_uint_gt (count_matching (score, -1, CIRT_PHASE_DESIGN), 0);

  /* Both, and an empty result with its explanation. */
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    for (guint f = 0; f < G_N_ELEMENTS (phases); f++)
      {
        guint expected = count_matching (score, p, phases[f]);
        cirt_recommendations_page_set_filter (page, p, phases[f]);
        ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), expected);
        ck_assert_str_eq (cirt_recommendations_page_get_state (page), expected ? "list" : "no-match");
      }
  cirt_recommendations_page_set_filter (page, CIRT_PILLAR_LEGAL, CIRT_PHASE_NONE);
  ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), 0);
  ck_assert_str_eq (cirt_recommendations_page_get_state (page), "no-match");
  cirt_gui_test_screenshot (GTK_WIDGET (window), "recommendations-no-match.png");
  cirt_gui_test_click (cirt_gui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Show All"));
  ck_assert_uint_eq (cirt_recommendations_page_get_n_shown (page), total);

  /* Activation, and live updates. */
  g_signal_connect (page, "question-activated", G_CALLBACK (on_question_activated_cb), NULL);
  {
    GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_RECOMMENDATIONS_PAGE,
                                                                      "list_view"));
    /* Rows are built for what is on screen only. */
    GtkWidget *row = find_recommendation_row (list_view);
    ck_assert_str_eq (cirt_recommendation_row_get_question_id (CIRT_RECOMMENDATION_ROW (row)),
                      cirt_score_get_recommendation (score, 0)->question->id);
    ck_assert_uint_eq (cirt_recommendation_row_get_rank (CIRT_RECOMMENDATION_ROW (row)), 1);
    g_signal_emit_by_name (list_view, "activate", 0);
    ck_assert_str_eq (activated, cirt_score_get_recommendation (score, 0)->question->id);
    /* Filtered, the first row shown is the pillar's first, keeping its rank. */
    cirt_recommendations_page_set_filter (page, CIRT_PILLAR_CAPACITY, CIRT_RECOMMENDATIONS_ANY_PHASE);
    g_signal_emit_by_name (list_view, "activate", 0);
    ck_assert_str_eq (activated, cirt_recommendations_page_get_shown_question (page, 0));
    ck_assert_int_eq (cirt_score_get_recommendation (score, 0)->question->section->pillar != CIRT_PILLAR_CAPACITY, TRUE);
    cirt_recommendations_page_set_filter (page, CIRT_RECOMMENDATIONS_ANY_PILLAR, CIRT_RECOMMENDATIONS_ANY_PHASE);
  }
  {
    const CirtQuestion *q = NULL;
    for (guint i = 0; i < total && q == NULL; i++)
      if (cirt_score_get_recommendation (score, i)->question->kind == CIRT_KIND_LEVEL)
        q = cirt_score_get_recommendation (score, i)->question;
    ck_assert_ptr_nonnull (q);
    ck_assert (answer_best (assessment, q));
    ck_assert (CIRT_WAIT_UNTIL (cirt_recommendations_page_get_n_total (page) == total - 1, WAIT_MS));
  }
  close_window ();
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Export                                                                    */

static char *
read_head (const char *path,
           gsize       n)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, &length, &error), "%s", error ? error->message : "");
  ck_assert_uint_ge (length, n);
  return g_strndup (contents, n);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  ck_assert_ptr_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *exported_path;

static void
on_exported_cb (CirtExportDialog *dialog,
                const char       *path)
{
  g_free (exported_path);
  exported_path = g_strdup (path);
}

START_TEST (test_export_dialog)
{
  CirtExportDialog *dialog;
  CirtExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cirt_test_tmp_path ("exports");
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *docx = g_build_filename (dir, "report.docx", NULL);
  g_autofree char *png = g_build_filename (dir, "radar.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "sections.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.xlsx", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "taken.pdf", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.pdf", NULL);
  g_autofree char *name = NULL;
  g_autofree char *head = NULL;

  g_mkdir_with_parents (dir, 0700);
  show_in_window (gtk_label_new ("main window"), 1000, 700);
  dialog = CIRT_EXPORT_DIALOG (new_export_dialog (window, assessment));
  g_object_ref (dialog);
  cirt_gui_test_show (GTK_WINDOW (dialog));
  ck_assert (gtk_window_get_modal (GTK_WINDOW (dialog)));
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);

  /* Defaults: the setting's language, TLP:AMBER, A4, the workbook. */
  cirt_export_dialog_get_options (dialog, &options);
  ck_assert_str_eq (options.lang, "en");
  ck_assert_int_eq (options.tlp, CIRT_TLP_AMBER);
  ck_assert_int_eq (options.paper, CIRT_PAPER_A4);
  ck_assert_int_eq (cirt_export_dialog_get_target (dialog), CIRT_EXPORT_TARGET_WORKBOOK);
  name = cirt_export_dialog_get_suggested_name (dialog);
  ck_assert_str_eq (name, "republic-of-example-national-cirt-readiness-assessment-march-2026-2026-03-02.xlsx");
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  /* Workbook and report, synchronously. */
  ck_assert_msg (cirt_export_dialog_export_to (dialog, xlsx, &error), "%s", error ? error->message : "");
  head = read_head (xlsx, 2);
  ck_assert_str_eq (head, "PK");
  g_clear_pointer (&head, g_free);
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_REPORT);
  options.tlp = CIRT_TLP_RED;
  options.paper = CIRT_PAPER_LETTER;
  options.lang = "fr";
  ck_assert (cirt_export_dialog_set_options (dialog, &options));
  ck_assert_str_eq (cirt_export_dialog_get_extension (dialog), "pdf");
  ck_assert_msg (cirt_export_dialog_export_to (dialog, pdf, &error), "%s", error ? error->message : "");
  head = read_head (pdf, 5);
  ck_assert_str_eq (head, "%PDF-");
  g_clear_pointer (&head, g_free);

  /* The report to edit: its row is activatable (Alt+O, or Space on the
   * row), and it writes the DOCX with the options chosen. */
  {
    GtkWidget *check = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG,
                                                                    "document_check");
    AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
    g_autofree char *document = NULL, *docx_name = NULL;
    gsize len = 0;

    ck_assert (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    adw_action_row_activate (row);
    ck_assert_int_eq (cirt_export_dialog_get_target (dialog), CIRT_EXPORT_TARGET_DOCUMENT);
    ck_assert_str_eq (cirt_export_dialog_get_extension (dialog), "docx");
    docx_name = cirt_export_dialog_get_suggested_name (dialog);
    ck_assert (g_str_has_suffix (docx_name, "-2026-03-02.docx"));
    ck_assert_msg (cirt_export_dialog_export_to (dialog, docx, &error), "%s", error ? error->message : "");
    head = read_head (docx, 2);
    ck_assert_str_eq (head, "PK");
    g_clear_pointer (&head, g_free);
    /* French, TLP:RED, Letter, as set above. */
    {
      const char *argv[] = { "/usr/bin/python3", "-c",
                             "import sys, zipfile\n"
                             "z = zipfile.ZipFile(sys.argv[1])\n"
                             "sys.stdout.write(z.read('word/document.xml').decode() + z.read('word/header1.xml').decode())\n",
                             docx, NULL };
      int status = 0;
      ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &document, NULL, &status, NULL));
      ck_assert (g_spawn_check_wait_status (status, NULL));
      len = strlen (document);
    }
    ck_assert_uint_gt (len, 10000);
    ck_assert_ptr_nonnull (strstr (document, "Résumé analytique"));
    ck_assert_ptr_nonnull (strstr (document, "w:w=\"12240\" w:h=\"15840\""));
    ck_assert_ptr_nonnull (strstr (document, "TLP:RED"));
    cirt_gui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-docx.png");
  }

  /* Chart images. */
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_CHART);
  cirt_export_dialog_set_chart (dialog, CIRT_CHART_RADAR, FALSE);
  ck_assert_str_eq (cirt_export_dialog_get_extension (dialog), "png");
  g_clear_pointer (&name, g_free);
  name = cirt_export_dialog_get_suggested_name (dialog);
  ck_assert (g_str_has_suffix (name, "-radar.png"));
  ck_assert_msg (cirt_export_dialog_export_to (dialog, png, &error), "%s", error ? error->message : "");
  head = read_head (png, 4);
  ck_assert_str_eq (head + 1, "PNG");
  g_clear_pointer (&head, g_free);
  cirt_export_dialog_set_chart (dialog, CIRT_CHART_SECTIONS, TRUE);
  ck_assert_msg (cirt_export_dialog_export_to (dialog, svg, &error), "%s", error ? error->message : "");
  {
    g_autofree char *contents = NULL;
    ck_assert (g_file_get_contents (svg, &contents, NULL, NULL));
    ck_assert_ptr_nonnull (strstr (contents, "<svg"));
  }
  ck_assert_uint_eq (count_files (dir), 5);

  /* Redacted and sealed with a passphrase typed twice alike: gpg opens it,
   * and no one is named in it. */
  {
    g_autoptr(CirtTestKeyring) keyring = cirt_test_keyring_new ("gui", "gui@example.org");
    g_autofree char *sealed_dir = cirt_test_tmp_path ("sealed-export");
    g_autofree char *sealed = g_build_filename (sealed_dir, "report.pdf.gpg", NULL);
    g_autofree char *pass_file = cirt_test_write_tmp ("gui-pass", "open sesame\n");
    g_autofree char *plain = NULL, *gerr = NULL, *sealed_head = NULL;
    GtkWidget *seal_row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG, "seal_row");
    GtkWidget *pass = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG, "passphrase_row");
    GtkWidget *again = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG,
                                                      "passphrase_again_row");
    GtkWidget *redact = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG, "redact_switch");
    gsize len = 0;

    g_setenv ("GNUPGHOME", keyring->home, TRUE);
    g_mkdir (sealed_dir, 0700);
    cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_REPORT);
    options.lang = "en";
    ck_assert (cirt_export_dialog_set_options (dialog, &options));
    gtk_switch_set_active (GTK_SWITCH (redact), TRUE);
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (seal_row), TRUE);
    ck_assert (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (seal_row)));
    g_clear_pointer (&name, g_free);
    name = cirt_export_dialog_get_suggested_name (dialog);
    ck_assert (g_str_has_suffix (name, ".pdf.gpg"));
    {
      /* The Protection group, at the end of the page. */
      GtkWidget *page = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG,
                                                                     "preferences_page");
      GtkWidget *scroller = gtk_widget_get_first_child (page);
      GtkAdjustment *adj;

      ck_assert (GTK_IS_SCROLLED_WINDOW (scroller));
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      cirt_gui_test_spin (50);
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      cirt_gui_test_spin (50);
    }
    cirt_gui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-sealed.png");
    /* Nothing to seal with, then two passphrases that differ: refused. */
    ck_assert (!cirt_export_dialog_export_to (dialog, sealed, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "type a passphrase"));
    g_clear_error (&error);
    gtk_editable_set_text (GTK_EDITABLE (pass), "open sesame");
    gtk_editable_set_text (GTK_EDITABLE (again), "open sesam");
    ck_assert (!cirt_export_dialog_export_to (dialog, sealed, &error));
    ck_assert_ptr_nonnull (strstr (error->message, "differ"));
    g_clear_error (&error);
    ck_assert_uint_eq (count_files (sealed_dir), 0);
    gtk_editable_set_text (GTK_EDITABLE (again), "open sesame");
    ck_assert_msg (cirt_export_dialog_export_to (dialog, sealed, &error), "%s", error ? error->message : "");
    sealed_head = read_head (sealed, 5);
    ck_assert_str_ne (sealed_head, "%PDF-");
    ck_assert_msg (cirt_test_gpg (keyring, &plain, &len, &gerr, "--pinentry-mode", "loopback", "--passphrase-file",
                                  pass_file, "--decrypt", sealed, NULL) == 0, "%s", gerr);
    ck_assert (len > 5 && memcmp (plain, "%PDF-", 5) == 0);
    ck_assert_ptr_null (g_strstr_len (plain, (gssize) len, "Marchetti"));
    gtk_switch_set_active (GTK_SWITCH (redact), FALSE);
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (seal_row), FALSE);
    gtk_editable_set_text (GTK_EDITABLE (pass), "");
    gtk_editable_set_text (GTK_EDITABLE (again), "");
    g_unsetenv ("GNUPGHOME");
  }

  /* Refused: a folder that does not exist, and a name taken by a folder.
   * An error, and nothing left behind. */
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_WORKBOOK);
  ck_assert (!cirt_export_dialog_export_to (dialog, missing, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
  g_mkdir (folder_path, 0700);
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_REPORT);
  ck_assert (!cirt_export_dialog_export_to (dialog, folder_path, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_DOCUMENT);
  ck_assert (!cirt_export_dialog_export_to (dialog, missing, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_REPORT);
  ck_assert_uint_eq (count_files (dir), 6);

  /* In the worker thread: a failure is shown in the dialog, which stays. */
  cirt_export_dialog_start_export (dialog, missing);
  ck_assert (cirt_export_dialog_get_busy (dialog));
  ck_assert (CIRT_WAIT_UNTIL (!cirt_export_dialog_get_busy (dialog), WAIT_MS));
  ck_assert_ptr_nonnull (cirt_export_dialog_get_error_text (dialog));
  ck_assert_ptr_nonnull (strstr (cirt_export_dialog_get_error_text (dialog), "The report was not written"));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_EXPORT_DIALOG,
                                                                         "error_revealer"));
    ck_assert (CIRT_WAIT_UNTIL (gtk_revealer_get_child_revealed (revealer), WAIT_MS));
  }
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-error.png");

  /* Success: "exported" with the path, then the dialog closes. */
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), NULL);
  cirt_export_dialog_start_export (dialog, async_path);
  ck_assert_ptr_null (cirt_export_dialog_get_error_text (dialog));
  ck_assert (CIRT_WAIT_UNTIL (!cirt_export_dialog_get_busy (dialog), WAIT_MS));
  ck_assert_ptr_nonnull (exported_path);
  ck_assert_str_eq (exported_path, async_path);
  head = read_head (async_path, 5);
  ck_assert_str_eq (head, "%PDF-");
  ck_assert (CIRT_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (dialog)), WAIT_MS));
  g_object_unref (dialog);
  g_clear_pointer (&exported_path, g_free);

  /* The report language starts at the setting. */
  g_settings_set_string (cirt_gui_test_settings (), "report-language", "fr");
  dialog = CIRT_EXPORT_DIALOG (new_export_dialog (window, assessment));
  cirt_export_dialog_get_options (dialog, &options);
  ck_assert_str_eq (options.lang, "fr");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (cirt_gui_test_settings (), "report-language");
  close_window ();
}
END_TEST

/* ------------------------------------------------------------------------ */
/* One language layer: the same figure everywhere                            */

/* The standard output of @argv (the test fails if it does not run). */
static char *
run_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error), "%s: %s", argv[0], error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  return run_output (argv);
}

/* Every text cell of the workbook (its shared strings). */
static char *
workbook_text (const char *xlsx)
{
  const char *argv[] = { "python3", "-c",
                         "import sys, zipfile\n"
                         "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml'))",
                         xlsx, NULL };
  return run_output (argv);
}

START_TEST (test_formatters_agree)
{
  g_autoptr(CirtScore) score = load_score (assessment);
  const CirtScoreValue *v = cirt_score_get_overall (score);
  const CirtLang *en = cirt_lang_default ();
  const CirtLang *fr = cirt_lang_get ("fr");
  g_autofree char *score_en = cirt_lang_format_score (en, v->score);
  g_autofree char *score_fr = cirt_lang_format_score (fr, v->score);
  g_autofree char *pct_en = cirt_lang_format_percent (en, v->coverage);
  g_autofree char *pct_fr = cirt_lang_format_percent (fr, v->coverage);
  g_autofree char *dir = cirt_test_tmp_path ("formats");
  g_autofree char *pdf_en = g_build_filename (dir, "en.pdf", NULL);
  g_autofree char *pdf_fr = g_build_filename (dir, "fr.pdf", NULL);
  g_autofree char *xlsx_en = g_build_filename (dir, "en.xlsx", NULL);
  g_autofree char *xlsx_fr = g_build_filename (dir, "fr.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  CirtOverviewPage *page;
  CirtChartView *radar;
  CirtExportDialog *dialog;
  CirtExportOptions options;

  ck_assert_ptr_eq (fr, cirt_lang_lookup ("fr"));
  /* The sample's figures have decimals and a percentage: a comma and a
   * space before "%" in French, neither in English. */
  ck_assert_str_ne (score_en, score_fr);
  ck_assert_str_ne (pct_en, pct_fr);
  g_mkdir_with_parents (dir, 0700);

  /* The screen (the interface is in English here) … */
  page = CIRT_OVERVIEW_PAGE (show_in_window (cirt_overview_page_new (), 1000, 760));
  set_session (GTK_WIDGET (page), assessment);
  wait_for_charts (page);
  ck_assert_str_eq (cirt_overview_page_get_overall_text (page), score_en);
  ck_assert_ptr_nonnull (strstr (cirt_overview_page_get_provisional_text (page), pct_en));
  /* … a chart in French … */
  radar = cirt_overview_page_get_chart (page, CIRT_CHART_RADAR);
  cirt_chart_view_set_lang (radar, "fr");
  ck_assert_msg (strstr (cirt_chart_view_get_description (radar), score_fr) != NULL, "no %s in: %s", score_fr,
                 cirt_chart_view_get_description (radar));
  cirt_chart_view_set_lang (radar, NULL);

  /* … and the documents, in each language. */
  dialog = CIRT_EXPORT_DIALOG (new_export_dialog (window, assessment));
  cirt_export_dialog_get_options (dialog, &options);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *report = NULL;
      g_autofree char *book = NULL;
      const char *score_text = i == 0 ? score_en : score_fr;
      const char *pct_text = i == 0 ? pct_en : pct_fr;

      options.lang = i == 0 ? "en" : "fr";
      ck_assert (cirt_export_dialog_set_options (dialog, &options));
      cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_REPORT);
      ck_assert_msg (cirt_export_dialog_export_to (dialog, i == 0 ? pdf_en : pdf_fr, &error), "%s",
                     error ? error->message : "");
      cirt_export_dialog_set_target (dialog, CIRT_EXPORT_TARGET_WORKBOOK);
      ck_assert_msg (cirt_export_dialog_export_to (dialog, i == 0 ? xlsx_en : xlsx_fr, &error), "%s",
                     error ? error->message : "");
      report = pdf_text (i == 0 ? pdf_en : pdf_fr);
      book = workbook_text (i == 0 ? xlsx_en : xlsx_fr);
      ck_assert_msg (strstr (report, score_text) != NULL, "the %s report does not show %s", options.lang, score_text);
      /* The workbook keeps scores as numbers; its sentences say the coverage. */
      ck_assert_msg (strstr (book, pct_text) != NULL, "the %s workbook does not say %s", options.lang, pct_text);
    }
  /* The English report's figure is the screen's, character for character. */
  {
    g_autofree char *report = pdf_text (pdf_en);
    ck_assert_ptr_nonnull (strstr (report, cirt_overview_page_get_overall_text (page)));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window ();
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Screenshots in the application's window                                   */

/* The pages as the lead will add them to CirtAssessmentView (the overview
 * first): used as they are once the view has them, added here until then. */
static void
add_pages (CirtAssessmentView *view)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), CIRT_TYPE_ASSESSMENT_VIEW,
                                                                       "stack"));
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) icons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkWidget *overview;
  GtkWidget *recommendations;
  AdwViewStackPage *page;

  ck_assert_ptr_nonnull (stack);
  if (adw_view_stack_get_child_by_name (stack, "overview") != NULL)
    return;
  pages = adw_view_stack_get_pages (stack);
  while (g_list_model_get_n_items (G_LIST_MODEL (pages)) > 0)
    {
      g_autoptr(AdwViewStackPage) p = g_list_model_get_item (G_LIST_MODEL (pages), 0);
      GtkWidget *child = adw_view_stack_page_get_child (p);

      g_ptr_array_add (others, g_object_ref (child));
      g_ptr_array_add (names, g_strdup (adw_view_stack_page_get_name (p)));
      g_ptr_array_add (titles, g_strdup (adw_view_stack_page_get_title (p)));
      g_ptr_array_add (icons, g_strdup (adw_view_stack_page_get_icon_name (p)));
      adw_view_stack_remove (stack, child);
    }
  overview = cirt_overview_page_new ();
  page = adw_view_stack_add_titled (stack, overview, "overview", "_Overview");
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "cirt-overview-symbolic");
  for (guint i = 0; i < others->len; i++)
    {
      page = adw_view_stack_add_titled (stack, g_ptr_array_index (others, i), g_ptr_array_index (names, i),
                                        g_ptr_array_index (titles, i));
      adw_view_stack_page_set_use_underline (page, TRUE);
      adw_view_stack_page_set_icon_name (page, g_ptr_array_index (icons, i));
    }
  recommendations = cirt_recommendations_page_new ();
  page = adw_view_stack_add_titled (stack, recommendations, "recommendations", "_Recommendations");
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "view-list-ordered-symbolic");
}

static CirtWindow *
open_app_window (const char *page_name)
{
  CirtWindow *win = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  CirtAssessmentView *view;
  AdwViewStack *stack;
  GtkWidget *page;

  window = GTK_WINDOW (win);
  gtk_window_set_default_size (window, 1280, 720);
  cirt_gui_test_show (window);
  view = cirt_window_get_view (win);
  add_pages (view);
  cirt_window_open (win, assessment);
  cirt_gui_test_spin (100);

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), CIRT_TYPE_ASSESSMENT_VIEW, "stack"));
  page = adw_view_stack_get_child_by_name (stack, page_name);
  ck_assert_ptr_nonnull (page);
  /* What the view does for its own pages when it opens an assessment. */
  if (CIRT_IS_OVERVIEW_PAGE (page))
    set_session (GTK_WIDGET (CIRT_OVERVIEW_PAGE (page)), assessment);
  else if (CIRT_IS_RECOMMENDATIONS_PAGE (page))
    set_session (GTK_WIDGET (CIRT_RECOMMENDATIONS_PAGE (page)), assessment);
  cirt_assessment_view_show_page (view, page_name);
  cirt_gui_test_spin (300);
  return win;
}

START_TEST (test_screenshots)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CirtWindow *win;
  CirtExportDialog *dialog;

  win = open_app_window ("overview");
  cirt_gui_test_screenshot (GTK_WIDGET (win), "overview.png");
  close_window ();


  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  win = open_app_window ("overview");
  cirt_gui_test_screenshot (GTK_WIDGET (win), "overview-dark.png");
  close_window ();
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  win = open_app_window ("recommendations");
  cirt_gui_test_screenshot (GTK_WIDGET (win), "recommendations.png");
  dialog = CIRT_EXPORT_DIALOG (new_export_dialog (window, assessment));
  cirt_gui_test_show (GTK_WINDOW (dialog));
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "export-dialog-in-app.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window ();

  /* The whole overview, scrolled content included, for review. */
  {
    CirtOverviewPage *page = CIRT_OVERVIEW_PAGE (cirt_overview_page_new ());
    show_in_window (GTK_WIDGET (page), 1000, 760);
    set_session (GTK_WIDGET (page), assessment);
    wait_for_charts (page);
    cirt_gui_test_screenshot (cirt_gui_test_find (GTK_WIDGET (page), CIRT_TYPE_CARD_COLUMNS, NULL), "overview-full.png");
    close_window ();
  }
  {
    g_autofree char *path = g_build_filename (cirt_gui_test_screenshot_dir (), "overview.png", NULL);
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, NULL);
    ck_assert_ptr_nonnull (texture);
    ck_assert_int_ge (gdk_texture_get_width (texture), 1200);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("overview.db");
  g_autofree char *sample = sample_path ();
  g_autoptr(GError) error = NULL;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  assessment = cirt_sample_load (store, sample, &error);
  ck_assert_msg (assessment != NULL, "%s: %s", sample, error ? error->message : "");
  n_activated = 0;
}

static void
teardown (void)
{
  close_window ();
  g_clear_object (&store);
  g_clear_pointer (&assessment, g_free);
  g_clear_pointer (&activated, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("overview");
  TCase *tc = tcase_create ("overview");
  int status;

  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_overview_shows_the_score);
  tcase_add_test (tc, test_overview_draws_what_shows);
  tcase_add_test (tc, test_overview_follows_changes);
  tcase_add_test (tc, test_overview_empty_and_follow_up);
  tcase_add_test (tc, test_overview_columns);
  tcase_add_test (tc, test_chart_view_dark);
  tcase_add_test (tc, test_recommendations_filter);
  tcase_add_test (tc, test_export_dialog);
  tcase_add_test (tc, test_formatters_agree);
  tcase_add_test (tc, test_screenshots);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
