/* cirt-overview-style.c — the style sheet of the overview, recommendations,
 * chart and export widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-overview-style.h"

void
cirt_overview_style_ensure (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  GtkCssProvider *css;

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/cirtassess/CirtAssess/cirt-overview.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);
}
