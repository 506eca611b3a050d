/* ir-sample-room.c: writes the UI tests' sample room and prints its id
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ir-sample-room [--chinese]
 * The room goes to the rooms folder under $XDG_DATA_HOME, where the app
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
  gboolean chinese = argc > 1 && g_str_equal (argv[1], "--chinese");
  g_autoptr(IrRoomInfo) room = ir_ui_test_create_sample_room (rooms, chinese);

  printf ("%s\n", ir_room_info_get_id (room));

  return 0;
}
