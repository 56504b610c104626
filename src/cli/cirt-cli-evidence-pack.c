/* cirt-cli-evidence-pack.c — `evidence pack ID OUT.zip`, in the drawing
 * module (it has libzip)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cirt-cli.h"
#include "cirt-evidence-pack.h"

int
cirt_cli_run_evidence_pack (CirtCli *cli,
                            int      argc,
                            char   **argv)
{
  const CirtCliCommand *cmd = cirt_cli_lookup ("evidence");
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the pack's index (default: en)"), "LL" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autofree char *id = NULL;
  const CirtLang *l = cirt_lang_default ();
  guint n = 0;
  int status;

  if (!cirt_cli_parse (cmd, entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cirt_cli_usage_error (cmd, "%s", argc < 4 ? _("expected pack ID OUT.zip") : _("too many arguments"));
  if (lang != NULL && (l = cirt_lang_lookup (lang)) == NULL)
    return cirt_cli_usage_error (cmd, _("unknown language \"%s\""), lang);
  store = cirt_cli_open_assessment (cli, argv[2], &id);
  if (store == NULL)
    return CIRT_CLI_REFUSED;
  if (!cirt_evidence_pack_write (store, id, l, argv[3], &n, &error))
    return cirt_cli_refuse_error (error);
  printf ("%s\n", argv[3]);
  return CIRT_CLI_OK;
}
