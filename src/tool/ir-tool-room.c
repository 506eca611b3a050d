/* ir-tool-room.c: export, import and dump of a room's database
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>

#include "ir-store.h"
#include "ir-tool.h"

static IrStore *
open_existing (const char *path)
{
  g_autoptr(GError) error = NULL;
  IrStore *store;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, "ironroom-tool: room database “%s” not found. Give the path of a "
               "room.db file.\n", path);
      return NULL;
    }

  store = ir_store_open (path, NULL, &error);
  if (store == NULL)
    fprintf (stderr, "ironroom-tool: %s\n", error->message);

  return store;
}

int
ir_tool_export (int    argc,
                char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: ironroom-tool export ROOM_DB OUT.jsonl\n");
      return 2;
    }

  store = open_existing (argv[1]);
  if (store == NULL)
    return 1;

  if (g_str_equal (argv[2], "-"))
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (1, FALSE);

      if (!ir_store_export (store, stdout_stream, &error))
        goto failed;
      return 0;
    }

  file = g_file_new_for_commandline_arg (argv[2]);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL ||
      !ir_store_export (store, G_OUTPUT_STREAM (out), &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    goto failed;

  return 0;

failed:
  fprintf (stderr, "ironroom-tool: failed to export to “%s”: %s\n", argv[2], error->message);
  return 1;
}

int
ir_tool_import (int    argc,
                char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  guint n_new = 0;
  gboolean created;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: ironroom-tool import IN.jsonl ROOM_DB\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  in = g_file_read (file, NULL, &error);
  if (in == NULL)
    {
      fprintf (stderr, "ironroom-tool: cannot read “%s”: %s\n", argv[1], error->message);
      return 1;
    }

  created = !g_file_test (argv[2], G_FILE_TEST_EXISTS);
  store = ir_store_open (argv[2], NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "ironroom-tool: %s\n", error->message);
      return 1;
    }

  if (!ir_store_import (store, G_INPUT_STREAM (in), &n_new, &error))
    {
      fprintf (stderr, "ironroom-tool: failed to import “%s”: %s\n", argv[1], error->message);

      /* Leave no empty room database behind when there was none before. */
      if (created)
        {
          g_autofree char *wal = g_strconcat (argv[2], "-wal", NULL);
          g_autofree char *shm = g_strconcat (argv[2], "-shm", NULL);

          g_clear_object (&store);
          g_unlink (argv[2]);
          g_unlink (wal);
          g_unlink (shm);
        }
      return 1;
    }

  printf ("Imported %u new operations into room %s.\n", n_new, ir_store_get_room_id (store));
  return 0;
}

int
ir_tool_dump (int    argc,
              char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autofree char *dump = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: ironroom-tool dump ROOM_DB\n");
      return 2;
    }

  store = open_existing (argv[1]);
  if (store == NULL)
    return 1;

  dump = ir_store_dump (store);
  fputs (dump, stdout);
  return 0;
}
