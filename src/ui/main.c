/* main.c: starts Iron Room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ir-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(IrApplication) application = NULL;
  const char *localedir = g_getenv ("IRONROOM_LOCALEDIR");

  /* IRONROOM_LOCALEDIR points at a build tree's translations, so that
   * tools/demo and the screenshots show them without installing. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = ir_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
