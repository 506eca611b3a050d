/* ir-tool-map.c: the decision map as a PNG, SVG or PDF file
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "ir-map-render.h"
#include "ir-store.h"
#include "ir-tool.h"

#define USAGE "Usage: ironroom-tool map ROOM_DB --png|--svg|--pdf OUT\n"

int
ir_tool_map (int    argc,
             char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  IrMapExportFormat format;

  if (argc != 4 || !g_str_has_prefix (argv[2], "--") ||
      !ir_map_export_format_from_name (argv[2] + 2, &format))
    {
      fprintf (stderr, USAGE);
      return 2;
    }

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

  if (!ir_map_export (store, format, argv[3], &error))
    {
      fprintf (stderr, "ironroom-tool: %s\n", error->message);
      return 1;
    }

  return 0;
}
