/* bench-demo.c: writing the demo room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time to write the whole demo room into a new file-backed
 * store, drawings included, as the app does on `ironroom --demo`: the
 * median of 7 runs and the fastest and slowest. Target: under 500 ms, so
 * that the first start on the demo room stays quick.
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "ir-demo.h"

#define RUNS 7
#define TARGET_MS 500.0

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Returns the time one write of the demo takes, in milliseconds. */
static double
write_once (const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ironroom-bench-demo-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(IrStore) store = NULL;
  gint64 start;
  double elapsed;

  g_assert_no_error (error);
  path = g_build_filename (folder, "room.db", NULL);

  start = g_get_monotonic_time ();
  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  if (!ir_demo_write (store, today, "zh_CN", &error))
    g_error ("Failed to write the demo room: %s", error->message);
  ir_store_close (store);
  elapsed = (g_get_monotonic_time () - start) / 1000.0;

  g_clear_object (&store);
  remove_tree (folder);

  return elapsed;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (4, 12, 2026);
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    times[i] = write_once (today);
  qsort (times, RUNS, sizeof times[0], compare_doubles);

  printf ("demo room write: median %.0f ms (fastest %.0f, slowest %.0f, %d runs); "
          "target < %.0f ms\n", times[RUNS / 2], times[0], times[RUNS - 1], RUNS, TARGET_MS);

  return 0;
}
