/* cirt-gui-test-util.c — helpers of the GUI tests (real widgets under Xvfb)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-gui-test-util.h"

#include <glib/gstdio.h>

void
cirt_gui_test_init (int    *argc,
                    char ***argv)
{
  GtkCssProvider *css;
  GdkDisplay *display;

  cirt_test_setup_env ();
  /* gtk_test_init: GTK for tests, with warnings and criticals fatal. */
  gtk_test_init (argc, argv, NULL);
  /* Library debug chatter is not test output. */
  g_log_set_debug_enabled (FALSE);
  adw_init ();
  display = gdk_display_get_default ();
  g_assert_nonnull (display);
  /* What AdwApplication loads from the resource base path, for widgets
   * tested without the application. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), "/io/github/cirtassess/CirtAssess/icons");
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/cirtassess/CirtAssess/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);
}

GSettings *
cirt_gui_test_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    {
      g_autoptr(GError) error = NULL;
      settings = cirt_context_create_settings (&error);
      ck_assert_msg (settings != NULL, "%s", error ? error->message : "");
    }
  return settings;
}

CirtContext *
cirt_gui_test_context_new (CirtStore *store)
{
  return cirt_context_new (store, cirt_gui_test_settings ());
}

CirtSession *
cirt_gui_test_session_new (CirtStore  *store,
                           const char *id)
{
  g_autoptr(CirtContext) context = cirt_gui_test_context_new (store);
  g_autoptr(GError) error = NULL;
  CirtSession *session = cirt_session_new (context, id, &error);

  ck_assert_msg (session != NULL, "%s", error ? error->message : "");
  return session;
}

CirtWindow *
cirt_gui_test_window_new (AdwApplication *app,
                          CirtStore      *store)
{
  g_autoptr(CirtContext) context = cirt_gui_test_context_new (store);
  return cirt_window_new (app, context);
}

void
cirt_gui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
cirt_gui_test_show (GtkWindow *window)
{
  gtk_window_present (window);
  ck_assert_msg (CIRT_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                                  gtk_widget_get_width (GTK_WIDGET (window)) > 0, 5000),
                 "the window was not shown");
  /* Let layout, styles and idle work settle. */
  cirt_gui_test_spin (150);
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  const GdkModifierType mask = GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      guint k = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
      GdkModifierType m = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & mask;
      GdkModifierType pressed = modifiers & mask;

      if (k == keyval && m == pressed)
        return TRUE;
      /* Shift+f arrives as F; "<Shift>f" and "F" mean the same. */
      if ((m & GDK_SHIFT_MASK) && gdk_keyval_to_lower (k) == gdk_keyval_to_lower (keyval) && m == pressed)
        return TRUE;
    }
  return FALSE;
}

static gboolean
run_controllers (GtkWidget       *widget,
                 GtkPropagationPhase phase,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c) || gtk_event_controller_get_propagation_phase (c) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (s);

          if (trigger == NULL || !trigger_matches (trigger, keyval, modifiers))
            continue;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (s), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            gtk_event_controller_get_widget (c), gtk_shortcut_get_arguments (s)))
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
cirt_gui_test_press_key (gpointer         window,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gunichar c = gdk_keyval_to_unicode (keyval);
  gboolean handled = FALSE;

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);
  /* Capture: from the window down to the focus widget. */
  for (guint i = chain->len; i > 0 && !handled; i--)
    handled = run_controllers (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval, modifiers);
  /* A text field takes printable keys for itself. */
  if (!handled && c != 0 && g_unichar_isprint (c) && !(modifiers & (GDK_CONTROL_MASK | GDK_ALT_MASK)) &&
      (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (c, buf);
      g_signal_emit_by_name (focus, "insert-at-cursor", buf);
      handled = TRUE;
    }
  /* Target and bubble: from the focus widget up to the window. */
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = run_controllers (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, modifiers);
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = run_controllers (g_ptr_array_index (chain, i), GTK_PHASE_TARGET, keyval, modifiers);
  /* Let what the key started happen. */
  cirt_gui_test_spin (10);
  return handled;
}

void
cirt_gui_test_type (gpointer    window,
                    const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  ck_assert_msg (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus), "typing, but the focus is on a %s",
                 focus ? G_OBJECT_TYPE_NAME (focus) : "(nothing)");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), buf);
      g_signal_emit_by_name (focus, "insert-at-cursor", buf);
      g_main_context_iteration (NULL, FALSE);
    }
}

void
cirt_gui_test_click (GtkWidget *widget)
{
  ck_assert_msg (gtk_widget_is_sensitive (widget), "%s is not sensitive", G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget))
    {
      /* What a click does, without the 250 ms press animation. */
      g_signal_emit_by_name (widget, "clicked");
      cirt_gui_test_spin (10);
      return;
    }
  {
    GtkWidget *sw = GTK_IS_SWITCH (widget) ? widget : cirt_gui_test_find (widget, GTK_TYPE_SWITCH, NULL);
    gboolean was = sw != NULL && gtk_switch_get_active (GTK_SWITCH (sw));
    gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    ck_assert_msg (gtk_widget_activate (widget), "%s cannot be activated", G_OBJECT_TYPE_NAME (widget));
    /* A switch changes state at the end of its slide (some 100 ms, longer
     * on a loaded machine under the sanitizers): wait for it to end, up to
     * 3 s for a change the page refuses. */
    cirt_gui_test_spin (20);
    while (sw != NULL && gtk_switch_get_active (GTK_SWITCH (sw)) == was && g_get_monotonic_time () < until)
      cirt_gui_test_spin (20);
    if (sw != NULL)
      cirt_gui_test_spin (50);
  }
}

/* ------------------------------------------------------------------------ */
/* Screenshots                                                              */

const char *
cirt_gui_test_screenshot_dir (void)
{
  static char *dir;

  if (dir == NULL)
    {
      const char *root = g_getenv ("CIRT_BUILD_ROOT");
      dir = g_build_filename (root ? root : ".", "screenshots", NULL);
      g_mkdir_with_parents (dir, 0755);
    }
  return dir;
}

void
cirt_gui_test_screenshot (GtkWidget  *widget,
                          const char *name)
{
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (cirt_gui_test_screenshot_dir (), name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  ck_assert_msg (w > 0 && h > 0, "%s is not laid out", name);
  paintable = gtk_widget_paintable_new (widget);
  /* Finish pending layout and drawing first; a page that was just switched
   * to may need a few frames (and a loaded machine more) before it draws. */
  for (guint attempt = 0; attempt < 50 && node == NULL; attempt++)
    {
      cirt_gui_test_spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  ck_assert_msg (node != NULL, "%s: nothing drawn in 5 s", name);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  ck_assert_msg (gdk_texture_save_to_png (texture, path), "cannot write %s", path);
}

/* ------------------------------------------------------------------------ */
/* Finding widgets                                                          */

static const char *
widget_label (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)))
    return gtk_button_get_label (GTK_BUTTON (w));
  if (ADW_IS_PREFERENCES_ROW (w))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
  if (GTK_IS_LABEL (w))
    return gtk_label_get_label (GTK_LABEL (w));
  if (GTK_IS_CHECK_BUTTON (w))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (w));
  return NULL;
}

GtkWidget *
cirt_gui_test_find (GtkWidget  *root,
                    GType       type,
                    const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && (label == NULL || g_strcmp0 (widget_label (c), label) == 0))
        return c;
      found = cirt_gui_test_find (c, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}
