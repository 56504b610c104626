/* test-screens.c — screenshots of the main screens, with real instruments
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-application.h"
#include "cirt-gui-test-util.h"
#include "cirt-new-assessment-dialog.h"
#include "cirt-preferences-window.h"
#include "cirt-sample.h"
#include "cirt-window.h"

static CirtApplication *app;
static CirtStore *store;
static CirtWindow *window;
static char *assessment;

static void
open_window (int width,
             int height)
{
  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  cirt_gui_test_show (GTK_WINDOW (window));
}

static void
close_window (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  cirt_gui_test_spin (50);
  window = NULL;
}

static void
assert_png (const char *name,
            int         min_width)
{
  g_autofree char *path = g_build_filename (cirt_gui_test_screenshot_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  ck_assert_msg (texture != NULL, "%s: %s", path, error ? error->message : "");
  ck_assert_int_ge (gdk_texture_get_width (texture), min_width);
}

/* An assessment with the shipped instruments, some answers, interviews and
 * targets: the sample when it is there, else made here. */
static void
make_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = cirt_sample_default_path ();

  if (g_file_test (sample, G_FILE_TEST_IS_REGULAR))
    {
      assessment = cirt_sample_load (store, sample, &error);
      ck_assert_msg (assessment != NULL, "%s: %s", sample, error ? error->message : "");
      return;
    }
  {
    g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
    g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
    const char *ids[] = { "itu-cirt-readiness", "gca-pillars" };
    CirtStakeholder people[] = {
      { 0, (char *) "Amina Diallo", (char *) "Ministry of Digital Economy", (char *) "Government ministry", (char *) "2026-03-02", (char *) "Sponsor of the national CIRT project; owns the draft decree." },
      { 0, (char *) "Jean-Marc Okafor", (char *) "Telecom Regulatory Authority", (char *) "Regulator", (char *) "2026-03-02", NULL },
      { 0, (char *) "Lina Haddad", (char *) "Central Bank", (char *) "Finance", (char *) "2026-03-03", (char *) "Runs the sector CSIRT for banks." },
      { 0, (char *) "Prof. Samuel Mensah", (char *) "National University", (char *) "Academia", (char *) "2026-03-04", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        CirtInstrument *inst = cirt_instrument_find (ids[i], NULL);
        if (inst != NULL)
          g_ptr_array_add (instruments, inst);
      }
    if (instruments->len == 0)
      g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
    info->title = g_strdup ("National CIRT readiness 2026");
    info->country = g_strdup ("Republic of Example");
    info->organisation = g_strdup ("Ministry of Digital Economy");
    info->lead_assessor = g_strdup ("Ana Silva");
    assessment = cirt_store_create_assessment (store, info, instruments, &error);
    ck_assert_msg (assessment != NULL, "%s", error ? error->message : "");
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      ck_assert (cirt_store_add_stakeholder (store, assessment, &people[i], NULL) != 0);
    ck_assert (cirt_store_set_target (store, assessment, CIRT_PILLAR_LEGAL, 3, NULL));
    ck_assert (cirt_store_set_target (store, assessment, CIRT_PILLAR_TECHNICAL, 4, NULL));
    ck_assert (cirt_store_set_target (store, assessment, CIRT_PILLAR_ORGANIZATIONAL, 3, NULL));

    /* The first few level questions answered, as after a morning. */
    {
      g_autoptr(GPtrArray) insts = cirt_store_get_instruments (store, assessment, NULL);
      CirtInstrument *first = g_ptr_array_index (insts, 0);
      guint answered = 0;

      for (guint s = 0; s < cirt_instrument_get_n_sections (first) && answered < 9; s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (first, s);
          for (guint q = 0; q < sec->questions->len && answered < 9; q++)
            {
              const CirtQuestion *qu = g_ptr_array_index (sec->questions, q);
              g_autoptr(CirtAnswer) a = cirt_answer_new (qu->id);
              if (qu->kind != CIRT_KIND_LEVEL)
                continue;
              a->value = g_strdup_printf ("%u", 1 + answered % 3);
              a->author = g_strdup ("Ana Silva");
              if (answered == 1)
                a->flagged = TRUE;
              ck_assert (cirt_store_save_answer (store, assessment, a, NULL));
              answered++;
            }
        }
    }
  }
}

START_TEST (test_empty)
{
  open_window (1280, 720);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "01-empty.png");
  assert_png ("01-empty.png", 1000);
  close_window ();
}
END_TEST

START_TEST (test_new_assessment_dialog)
{
  GtkWindow *dialog;
  GObject *title, *country, *organisation;
  GtkCheckButton *check;

  open_window (1280, 720);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-assessment", NULL));
  dialog = cirt_window_get_dialog (window);
  ck_assert_ptr_nonnull (dialog);
  cirt_gui_test_show (dialog);
  title = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "title_row");
  country = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "country_row");
  organisation = gtk_widget_get_template_child (GTK_WIDGET (dialog), CIRT_TYPE_NEW_ASSESSMENT_DIALOG, "organisation_row");
  gtk_editable_set_text (GTK_EDITABLE (title), "National CIRT readiness 2026");
  gtk_editable_set_text (GTK_EDITABLE (country), "Republic of Example");
  gtk_editable_set_text (GTK_EDITABLE (organisation), "Ministry of Digital Economy");
  check = cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "itu-cirt-readiness");
  if (check == NULL)
    check = cirt_new_assessment_dialog_get_instrument_check (CIRT_NEW_ASSESSMENT_DIALOG (dialog), "test-mini");
  ck_assert_ptr_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  cirt_gui_test_spin (50);
  cirt_gui_test_screenshot (GTK_WIDGET (dialog), "02-new-assessment.png");
  assert_png ("02-new-assessment.png", 400);
  gtk_window_close (dialog);
  close_window ();
}
END_TEST

static void
show_assessment (const char *page)
{
  CirtAssessmentView *view;

  open_window (1280, 720);
  cirt_window_open (window, assessment);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  cirt_assessment_view_show_page (view, page);
  cirt_gui_test_spin (150);
}

/* A level question with an answer and notes, for the questionnaire shots. */
static void
go_to_level_question (void)
{
  CirtQuestionnaire *q = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));

  for (guint i = 0; i < cirt_questionnaire_get_n_questions (q); i++)
    {
      const CirtQuestion *question = cirt_questionnaire_get_question (q, i);
      if (question->kind == CIRT_KIND_LEVEL && question->guidance != NULL && i > 0)
        {
          CirtQuestionPage *page = cirt_questionnaire_get_page (q);
          GtkTextView *notes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_QUESTION_PAGE,
                                                                              "notes_view"));
          cirt_questionnaire_go_to (q, i);
          if (cirt_question_page_get_answer (page)->value == NULL)
            cirt_question_page_pick (page, 2);
          if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (notes)) == 0)
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes),
                                      "Ministry confirms a draft decree (v3, Feb 2026) naming the national CIRT; "
                                      "not yet adopted. Regulator was not consulted on the draft.", -1);
          cirt_question_page_focus_answer (page);
          cirt_gui_test_spin (100);
          return;
        }
    }
  ck_abort_msg ("no level question");
}

START_TEST (test_questionnaire)
{
  make_assessment ();
  show_assessment ("questionnaire");
  go_to_level_question ();
  cirt_gui_test_screenshot (GTK_WIDGET (window), "03-questionnaire.png");
  assert_png ("03-questionnaire.png", 1000);
  close_window ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  show_assessment ("questionnaire");
  go_to_level_question ();
  cirt_gui_test_screenshot (GTK_WIDGET (window), "07-questionnaire-dark.png");
  assert_png ("07-questionnaire-dark.png", 1000);
  close_window ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Searching for a question; and Not applicable asking for its reason. */
  show_assessment ("questionnaire");
  go_to_level_question ();
  {
    CirtQuestionnaire *q = cirt_assessment_view_get_questionnaire (cirt_window_get_view (window));
    CirtQuestionPage *page = cirt_questionnaire_get_page (q);
    GtkTextView *notes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), CIRT_TYPE_QUESTION_PAGE,
                                                                        "notes_view"));

    ck_assert (gtk_widget_activate_action (GTK_WIDGET (q), "questionnaire.find", NULL));
    cirt_questionnaire_search (q, "incident");
    cirt_gui_test_spin (100);
    cirt_gui_test_screenshot (GTK_WIDGET (window), "10-search.png");
    assert_png ("10-search.png", 1000);
    cirt_questionnaire_search (q, NULL);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "", -1);
    ck_assert (cirt_question_page_set_not_applicable (page, TRUE));
    cirt_gui_test_spin (400);
    cirt_gui_test_screenshot (GTK_WIDGET (window), "11-not-applicable.png");
    assert_png ("11-not-applicable.png", 1000);
    ck_assert (cirt_question_page_set_not_applicable (page, FALSE));
  }
  close_window ();

  show_assessment ("stakeholders");
  cirt_gui_test_screenshot (GTK_WIDGET (window), "04-stakeholders.png");
  assert_png ("04-stakeholders.png", 1000);
  close_window ();

  show_assessment ("targets");
  cirt_gui_test_screenshot (GTK_WIDGET (window), "05-targets.png");
  assert_png ("05-targets.png", 1000);
  close_window ();

  /* A 13" laptop split in half, or a phone: folded. */
  window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 760);
  cirt_gui_test_show (GTK_WINDOW (window));
  cirt_window_open (window, assessment);
  cirt_gui_test_spin (200);
  cirt_gui_test_screenshot (GTK_WIDGET (window), "08-narrow.png");
  assert_png ("08-narrow.png", 300);
  close_window ();
}
END_TEST

START_TEST (test_preferences)
{
  GtkWidget *prefs;

  open_window (1280, 720);
  prefs = cirt_preferences_window_new (GTK_WINDOW (window), cirt_gui_test_settings ());
  gtk_window_set_default_size (GTK_WINDOW (prefs), 600, 460);
  cirt_gui_test_show (GTK_WINDOW (prefs));
  cirt_gui_test_screenshot (prefs, "06-preferences.png");
  assert_png ("06-preferences.png", 400);
  gtk_window_destroy (GTK_WINDOW (prefs));
  close_window ();
}
END_TEST

START_TEST (test_shortcuts)
{
  GtkWindow *help;

  open_window (1280, 720);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  help = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  ck_assert_ptr_nonnull (help);
  cirt_gui_test_show (help);
  cirt_gui_test_screenshot (GTK_WIDGET (help), "09-shortcuts.png");
  assert_png ("09-shortcuts.png", 400);
  gtk_window_close (help);
  close_window ();
}
END_TEST

static void
setup (void)
{
  g_autofree char *path = cirt_test_tmp_path ("screens.db");
  g_autoptr(GError) error = NULL;

  store = cirt_store_open (path, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_object (&store);
  g_clear_pointer (&assessment, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("screens");
  TCase *tc = tcase_create ("screens");
  int status;

  /* The shipped instruments only, as an assessor's laptop has them. */
  if (g_getenv ("CIRT_SOURCE_ROOT") != NULL)
    {
      g_autofree char *shipped = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "data", "instruments", NULL);
      g_setenv ("CIRT_INSTRUMENTS_PATH", shipped, TRUE);
    }
  cirt_gui_test_init (&argc, &argv);
  /* The preference an assessor sets first (memory backend: the test's own). */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.cirtassess.CirtAssess");
    g_settings_set_string (settings, "assessor-name", "Ana Silva");
  }
  app = cirt_application_new ();
  /* Not in a test: Check's asserts only work inside one. */
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_empty);
  tcase_add_test (tc, test_new_assessment_dialog);
  tcase_add_test (tc, test_questionnaire);
  tcase_add_test (tc, test_preferences);
  tcase_add_test (tc, test_shortcuts);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
