/* ir-sample-room.c: writes the UI tests' sample room and prints its id
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ir-sample-room [--chinese] [--reuse]
 * With --reuse, a sample room written before is used again. The room goes to the rooms folder under $XDG_DATA_HOME, where the app
 * finds it. tools/screenshots and the start-up benchmark use it while the
 * core has no demo room writer.
 */
#include "config.h"

#include <stdio.h>

#include "ir-ui-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(IrRoomDirectory) rooms = ir_room_directory_new (NULL);
  g_autoptr(IrRoomInfo) room = NULL;
  gboolean chinese = FALSE;
  gboolean reuse = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--chinese"))
        chinese = TRUE;
      else if (g_str_equal (argv[i], "--reuse"))
        reuse = TRUE;
      else
        {
          fprintf (stderr, "Unknown option “%s”; usage: ir-sample-room [--chinese] [--reuse]\n",
                   argv[i]);
          return 2;
        }
    }

  for (guint i = 0; reuse && room == NULL &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (rooms)); i++)
    {
      g_autoptr(IrRoomInfo) candidate = g_list_model_get_item (G_LIST_MODEL (rooms), i);

      if (g_str_equal (ir_room_info_get_name (candidate),
                       chinese ? IR_SAMPLE_NAME_ZH : IR_SAMPLE_NAME_EN))
        room = g_steal_pointer (&candidate);
    }

  if (room == NULL)
    room = ir_ui_test_create_sample_room (rooms, chinese);

  printf ("%s\n", ir_room_info_get_id (room));

  return 0;
}
