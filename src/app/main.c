/* main.c — cirt-assess, the GTK application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cirt-application.h"
#include "cirt-lang.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CirtApplication) app = NULL;

  /* The catalogues of the language layer: $CIRT_LOCALEDIR, the installed
   * ones, or the build tree's when running uninstalled (as the CLI). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, cirt_lang_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cirt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
