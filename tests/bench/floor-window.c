/* floor-window.c — the floor of the start-up benchmark: a bare
 * AdwApplication with an empty window, ended at its first frame
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>
#include <stdlib.h>
#include <unistd.h>

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  _exit (EXIT_SUCCESS);
}

static void
on_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.cirtassess.BenchFloor", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
