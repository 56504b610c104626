/* main.c — cirt-assess, the GTK application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cirt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CirtApplication) app = NULL;
  /* CIRT_LOCALEDIR points at another catalogue tree, e.g. <build>/po to run
   * the translations of an uninstalled build. */
  const char *localedir = g_getenv ("CIRT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cirt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
