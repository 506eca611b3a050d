/* ir-tool-demo.c: write the demo room into a new room database
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "ir-demo.h"
#include "ir-store.h"
#include "ir-tool.h"

/* Removes a database that the demo failed to fill, with its SQLite side
 * files, so that the command can run again on the same name. */
static void
remove_database (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Makes the texts that the core writes into the room, such as the holidays'
 * names and the escalations' notes, follow the demo's language. gettext
 * ignores LANGUAGE in the C locale, so messages then use C.UTF-8.
 * IRONROOM_LOCALEDIR points at a build tree's translations, as for the
 * app. */
static void
use_language (const char *language)
{
  const char *localedir = g_getenv ("IRONROOM_LOCALEDIR");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  g_setenv ("LANGUAGE", language, TRUE);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static gboolean
parse_today (const char *text,
             GDate      *today)
{
  int year, month, day;
  char end;

  g_date_clear (today, 1);
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (today, day, month, year);
  return TRUE;
}

static guint
count_visible (IrStore    *store,
               const char *entity)
{
  g_autoptr(GPtrArray) ids = ir_store_list_ids (store, entity, FALSE);

  return ids->len;
}

int
ir_tool_demo (int    argc,
              char **argv)
{
  g_autofree char *today_text = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      "The day the demo is generated, which all its dates are relative to (default: today)",
      "YYYY-MM-DD" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      "Language of the demo's texts: en or zh_CN (default: zh_CN)", "LANGUAGE" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ROOM_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  GDate today;
  const char *path;

  g_option_context_set_summary (context, "Write the demo room “阀门项目 · Valve deal” into a "
                                "new room database.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "ironroom-tool demo: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      fprintf (stderr, "Usage: ironroom-tool demo ROOM_DB [--today YYYY-MM-DD] "
               "[--language en|zh_CN]\n");
      return 2;
    }
  path = argv[1];

  if (today_text != NULL && !parse_today (today_text, &today))
    {
      fprintf (stderr, "ironroom-tool demo: invalid date “%s” for --today; give it as "
               "YYYY-MM-DD, for example 2026-12-04.\n", today_text);
      return 2;
    }

  if (language != NULL && !g_str_has_prefix (language, "en") &&
      !g_str_has_prefix (language, "zh"))
    {
      fprintf (stderr, "ironroom-tool demo: unsupported language “%s”; use en or zh_CN.\n",
               language);
      return 2;
    }

  if (language == NULL)
    language = g_strdup ("zh_CN");
  use_language (language);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "ironroom-tool demo: “%s” already exists, and the demo only writes a "
               "new room database. Give a new file name, or delete the old file first.\n",
               path);
      return 1;
    }

  store = ir_store_open (path, NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "ironroom-tool demo: cannot create “%s”: %s\n", path, error->message);
      return 1;
    }

  if (!ir_demo_write (store, today_text != NULL ? &today : NULL, language, &error))
    {
      fprintf (stderr, "ironroom-tool demo: failed to write the demo room: %s\n",
               error->message);
      ir_store_close (store);
      remove_database (path);
      return 1;
    }

  printf ("Wrote the demo room %s to %s: %u stakeholders, %u interactions, %u drawings, "
          "%u tasks, %u operations.\n",
          ir_store_get_room_id (store), path, count_visible (store, "stakeholder"),
          count_visible (store, "interaction"), count_visible (store, "drawing"),
          count_visible (store, "task"), ir_store_count_unpushed (store));
  ir_store_close (store);

  return 0;
}
