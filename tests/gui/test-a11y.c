/* test-a11y.c — every control the keyboard reaches has an accessible name
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-application.h"
#include "cirt-finding-dialog.h"
#include "cirt-gui-test-util.h"
#include "cirt-interviews.h"
#include "cirt-new-assessment-dialog.h"
#include "cirt-preferences-window.h"
#include "cirt-session-dialog.h"
#include "cirt-store-sessions.h"
#include "cirt-stakeholder-dialog.h"
#include "cirt-window.h"

static CirtApplication *app;

/* Text a control shows that names it (GTK names buttons and check buttons
 * after their label). */
static gboolean
has_visible_text (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) != NULL)
    return TRUE;
  if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_label (GTK_MENU_BUTTON (w)) != NULL)
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (w) && gtk_check_button_get_label (GTK_CHECK_BUTTON (w)) != NULL)
    return TRUE;
  if (GTK_IS_BUTTON (w) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (w))))
    return TRUE;
  if (GTK_IS_BUTTON (w) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (w))))
    return TRUE;
  if (GTK_IS_EXPANDER (w))
    return TRUE;
  return FALSE;
}

static gboolean
has_label (GtkWidget *w)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
is_named (GtkWidget *w)
{
  GtkWidget *parent = gtk_widget_get_parent (w);
  GtkWidget *row;

  if (has_label (w) || has_visible_text (w))
    return TRUE;
  /* Delegates: the text inside an entry, the button inside a menu button. */
  if ((GTK_IS_TEXT (w) && GTK_IS_EDITABLE (parent)) || (GTK_IS_TOGGLE_BUTTON (w) && GTK_IS_MENU_BUTTON (parent)))
    {
      if (has_label (parent) || has_visible_text (parent) ||
          gtk_test_accessible_has_relation (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        return TRUE;
    }
  /* Buttons are "labelled by" their child even when it is an icon: that
   * names nothing. Elsewhere the relation points at a label. */
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
      !(GTK_IS_BUTTON (w) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (w)))))
    return TRUE;
  /* The text of an entry row is named by the row's title. */
  row = gtk_widget_get_ancestor (w, ADW_TYPE_PREFERENCES_ROW);
  if (row != NULL && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != NULL &&
      *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != '\0' &&
      (GTK_IS_TEXT (w) || w == row))
    return TRUE;
  /* A navigation row is named by the text it shows. */
  if (GTK_IS_LIST_BOX_ROW (w) && GTK_IS_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (w))))
    return TRUE;
  return FALSE;
}

static gboolean
is_control (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_SWITCH (w) ||
         GTK_IS_TEXT (w) || GTK_IS_TEXT_VIEW (w) || GTK_IS_LIST_BOX_ROW (w) || GTK_IS_EXPANDER (w) ||
         GTK_IS_DROP_DOWN (w) || GTK_IS_SCALE (w) || GTK_IS_SPIN_BUTTON (w);
}

/* Collects the unnamed controls the keyboard can reach under @root. */
static void
collect_unnamed (GtkWidget *root,
                 GString   *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      /* What is on screen, not what a hidden search bar holds. */
      if (!gtk_widget_get_mapped (c))
        continue;
      if (is_control (c) && gtk_widget_get_focusable (c) && gtk_widget_get_can_focus (c) &&
          gtk_widget_is_sensitive (c) && !is_named (c))
        {
          g_string_append_printf (out, "  %s", G_OBJECT_TYPE_NAME (c));
          for (GtkWidget *p = gtk_widget_get_parent (c); p != NULL && !GTK_IS_ROOT (p); p = gtk_widget_get_parent (p))
            if (g_str_has_prefix (G_OBJECT_TYPE_NAME (p), "Cirt") || ADW_IS_PREFERENCES_ROW (p))
              {
                g_string_append_printf (out, " in %s", G_OBJECT_TYPE_NAME (p));
                if (ADW_IS_PREFERENCES_ROW (p))
                  g_string_append_printf (out, " \"%s\"", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
                break;
              }
          g_string_append_c (out, '\n');
        }
      collect_unnamed (c, out);
    }
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_unnamed (root, out);
  ck_assert_msg (out->len == 0, "%s: controls without an accessible name:\n%s", where, out->str);
}

static char *
make_assessment (CirtStore *store)
{
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(GPtrArray) instruments = g_ptr_array_new_with_free_func (g_object_unref);
  CirtStakeholder s = { 0, (char *) "Ana Silva", (char *) "Ministry of ICT", NULL, NULL, NULL };
  char *id;

  g_ptr_array_add (instruments, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup ("Accessible");
  info->country = g_strdup ("Testland");
  id = cirt_store_create_assessment (store, info, instruments, NULL);
  ck_assert_ptr_nonnull (id);
  ck_assert (cirt_store_add_stakeholder (store, id, &s, NULL) != 0);
  return id;
}

/* The menu button under @root whose tooltip is @tooltip. */
static GtkWidget *
menu_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
        return c;
      if ((found = menu_button_with_tooltip (c, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

START_TEST (test_every_control_is_named)
{
  g_autofree char *db = cirt_test_tmp_path ("a11y.db");
  g_autoptr(CirtStore) store = cirt_store_open (db, NULL);
  g_autofree char *id = make_assessment (store);
  CirtWindow *window = cirt_gui_test_window_new (ADW_APPLICATION (app), store);
  CirtAssessmentView *view;
  CirtQuestionnaire *q;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  cirt_gui_test_show (GTK_WINDOW (window));
  assert_all_named (GTK_WIDGET (window), "empty window");

  cirt_window_open (window, id);
  cirt_gui_test_spin (100);
  view = cirt_window_get_view (window);
  q = cirt_assessment_view_get_questionnaire (view);
  /* Each kind of question. */
  for (guint i = 0; i < cirt_questionnaire_get_n_questions (q); i++)
    {
      g_autofree char *where = NULL;
      cirt_questionnaire_go_to (q, i);
      cirt_gui_test_spin (30);
      where = g_strdup_printf ("questionnaire on %s", cirt_questionnaire_get_question (q, i)->id);
      assert_all_named (GTK_WIDGET (window), where);
    }
  cirt_assessment_view_show_page (view, "stakeholders");
  cirt_gui_test_spin (50);
  assert_all_named (GTK_WIDGET (window), "stakeholders");
  cirt_assessment_view_show_page (view, "targets");
  cirt_gui_test_spin (50);
  assert_all_named (GTK_WIDGET (window), "targets");
  cirt_assessment_view_show_page (view, "findings");
  cirt_gui_test_spin (50);
  assert_all_named (GTK_WIDGET (window), "findings (empty)");
  {
    g_autoptr(CirtFinding) f = cirt_finding_new ();
    g_autofree char *uuid = NULL;
    f->kind = CIRT_FINDING_RISK;
    f->title = g_strdup ("Rivalry over who leads the CIRT");
    f->pillar = CIRT_PILLAR_ORGANIZATIONAL;
    f->phase = CIRT_PHASE_DESIGN;
    uuid = cirt_store_add_finding (store, id, f, NULL);
    ck_assert_ptr_nonnull (uuid);
    ck_assert (CIRT_WAIT_UNTIL (cirt_findings_page_get_n_rows (cirt_assessment_view_get_findings (view)) == 1, 3000));
    assert_all_named (GTK_WIDGET (window), "findings");
  }
  cirt_assessment_view_show_page (view, "sessions");
  cirt_gui_test_spin (50);
  assert_all_named (GTK_WIDGET (window), "sessions (empty)");
  {
    g_autoptr(CirtInterview) s = cirt_interview_new ();
    g_autofree char *uuid = NULL;
    CirtInstrument *inst = g_ptr_array_index (cirt_session_get_instruments (cirt_assessment_view_get_session (view)), 0);

    s->date = g_strdup ("2026-03-02");
    s->place = g_strdup ("Ministry");
    s->sections = g_new0 (char *, 2);
    s->sections[0] = g_strdup (cirt_instrument_get_section (inst, 0)->id);
    uuid = cirt_store_add_interview (store, id, s, NULL);
    ck_assert_ptr_nonnull (uuid);
    ck_assert (CIRT_WAIT_UNTIL (cirt_sessions_page_get_n_rows (cirt_assessment_view_get_sessions (view)) == 1, 3000));
    assert_all_named (GTK_WIDGET (window), "sessions");
    cirt_assessment_view_show_page (view, "plan");
    cirt_gui_test_spin (50);
    {
      GtkWidget *row = cirt_gui_test_find (GTK_WIDGET (cirt_assessment_view_get_plan (view)), ADW_TYPE_EXPANDER_ROW, NULL);
      ck_assert_ptr_nonnull (row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      cirt_gui_test_spin (50);
    }
    assert_all_named (GTK_WIDGET (window), "mission plan");
    {
      g_autoptr(CirtInterview) got = cirt_store_get_interview (store, id, uuid, NULL);
      GtkWidget *d = cirt_session_dialog_new (GTK_WINDOW (window), cirt_assessment_view_get_session (view), got);
      cirt_gui_test_show (GTK_WINDOW (d));
      assert_all_named (d, "session dialog");
      gtk_window_destroy (GTK_WINDOW (d));
    }
  }

  cirt_window_show_portfolio (window);
  ck_assert (CIRT_WAIT_UNTIL (cirt_portfolio_view_get_n_shown (cirt_window_get_portfolio (window)) == 1, 5000));
  cirt_gui_test_spin (100);
  assert_all_named (GTK_WIDGET (window), "portfolio");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-assessment", NULL));
  cirt_gui_test_show (cirt_window_get_dialog (window));
  assert_all_named (GTK_WIDGET (cirt_window_get_dialog (window)), "new assessment");
  gtk_window_destroy (cirt_window_get_dialog (window));

  {
    GtkWidget *d = cirt_stakeholder_dialog_new (GTK_WINDOW (window), store, id, NULL);
    cirt_gui_test_show (GTK_WINDOW (d));
    assert_all_named (d, "stakeholder dialog");
    /* Its sectors are the stakeholder groups, each of which the mission
     * plan recognises. */
    {
      GtkWidget *button = menu_button_with_tooltip (d, "Common Sectors");
      GMenuModel *model;

      ck_assert_ptr_nonnull (button);
      model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
      ck_assert_int_eq (g_menu_model_get_n_items (model), (int) g_strv_length ((char **) cirt_stakeholder_groups ()));
      for (int i = 0; i < g_menu_model_get_n_items (model); i++)
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                                               G_VARIANT_TYPE_STRING);
          ck_assert_ptr_nonnull (target);
          ck_assert_str_eq (cirt_interview_sector_group (g_variant_get_string (target, NULL)),
                            cirt_stakeholder_groups ()[i]);
        }
    }
    gtk_window_destroy (GTK_WINDOW (d));
  }
  {
    GtkWidget *d = cirt_finding_dialog_new (GTK_WINDOW (window), cirt_window_get_context (window), id, NULL,
                                            CIRT_FINDING_QUICK_WIN);
    cirt_gui_test_show (GTK_WINDOW (d));
    assert_all_named (d, "finding dialog");
    gtk_window_destroy (GTK_WINDOW (d));
  }
  {
    GtkWidget *p = cirt_preferences_window_new (GTK_WINDOW (window), cirt_gui_test_settings ());
    cirt_gui_test_show (GTK_WINDOW (p));
    assert_all_named (p, "preferences");
    gtk_window_destroy (GTK_WINDOW (p));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  cirt_gui_test_spin (50);
}
END_TEST

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Suite *s = suite_create ("a11y");
  TCase *tc = tcase_create ("a11y");
  int status;

  /* The test accessibility backend keeps the properties to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cirt_gui_test_init (&argc, &argv);
  app = cirt_application_new ();
  /* Not in a test: Check's asserts only work inside one. */
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("cannot register the application: %s", error->message);

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_every_control_is_named);
  suite_add_tcase (s, tc);
  status = cirt_test_run_suite (s);
  g_clear_object (&app);
  return status;
}
