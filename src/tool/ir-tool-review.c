/* ir-tool-review.c: a room's review report as a PDF file
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "ir-review.h"
#include "ir-tool.h"

#define USAGE "Usage: ironroom-tool review ROOM_DB [--since SEQUENCE] [--until SEQUENCE] " \
              "--pdf OUT\n"

/* Maximum side of a drawing's picture in the report, in pixels, which is
 * sharp at about 200 dpi across the page's text width. */
#define REPORT_OVERLAY_SIDE 1600

static gboolean
parse_sequence (const char *option,
                const char *text,
                gint64     *seq)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    {
      fprintf (stderr, "ironroom-tool: %s needs a sequence number (0 or more), not “%s”.\n",
               option, text ? text : "");
      return FALSE;
    }

  *seq = (gint64) value;
  return TRUE;
}

static gboolean
parse_arguments (int          argc,
                 char       **argv,
                 gint64      *since,
                 gint64      *until,
                 const char **pdf)
{
  for (int i = 2; i < argc; i++)
    {
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (argv[i], "--since") && parse_sequence ("--since", value, since))
        i++;
      else if (g_str_equal (argv[i], "--until") && parse_sequence ("--until", value, until))
        i++;
      else if (g_str_equal (argv[i], "--pdf") && value != NULL)
        *pdf = argv[++i];
      else
        return FALSE;
    }

  return *pdf != NULL;
}

int
ir_tool_review (int    argc,
                char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(IrReviewPoint) since_point = NULL;
  g_autoptr(IrReviewPoint) until_point = NULL;
  g_autofree char *last = NULL;
  gint64 since = -1, until = -1;
  const char *pdf = NULL;
  const char *localedir;

  if (argc < 2 || !parse_arguments (argc, argv, &since, &until, &pdf))
    {
      fprintf (stderr, USAGE);
      return 2;
    }

  /* The report is written in the user's language. IRONROOM_LOCALEDIR
   * points at a build tree's translations, as it does for the app. */
  localedir = g_getenv ("IRONROOM_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, "ironroom-tool: room database “%s” not found. Give the path of a "
               "room.db file.\n", argv[1]);
      return 1;
    }

  store = ir_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "ironroom-tool: %s\n", error->message);
      return 1;
    }

  /* Without --since the report starts where the room's last review
   * ended, as the app's review mode does. */
  if (since >= 0)
    since_point = ir_review_point_new_at (since);
  else if ((last = ir_review_find_last (store, NULL)) != NULL)
    since_point = ir_review_point_new_for_review (store, last);
  if (until >= 0)
    until_point = ir_review_point_new_at (until);

  agenda = ir_review_agenda_new (store, since_point, until_point, NULL, &error);
  if (agenda == NULL ||
      !ir_review_agenda_compare_drawings (agenda, store, REPORT_OVERLAY_SIDE, NULL, &error) ||
      !ir_review_report_write_pdf (agenda, pdf, &error))
    {
      fprintf (stderr, "ironroom-tool: %s\n", error->message);
      return 1;
    }

  printf ("Wrote the review report to %s: %u steps, %u changes in the room's history.\n",
          pdf, ir_review_agenda_get_n_steps (agenda), agenda->n_ops);
  return 0;
}
