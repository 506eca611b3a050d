/* bench-startup.c: from exec to the first frame that shows a room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-startup IRONROOM BARE_WINDOW SAMPLE_ROOM_WRITER
 *
 * Starts the app on a room and a bare libadwaita window alternately, RUNS
 * times each after one warm-up run. Prints the medians of the time from
 * exec to the first drawn frame and of the resident memory at that frame. Both programs print "first-frame <µs> rss-kb <kB>" with
 * CLOCK_MONOTONIC, the clock this program reads before it spawns them.
 * The room is the demo room when the build has one, the UI tests' sample
 * room otherwise. Needs a display: run it through tools/with-display.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define RUNS 9

/* Targets for a 2-core machine under Xvfb with the cairo renderer. */
#define TARGET_MS        400.0
#define TARGET_OVER_BARE  60.0
#define TARGET_RSS_MB    120.0

typedef struct
{
  double ms;
  double rss_mb;
} Sample;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Spawns @argv and reads its "first-frame" line. */
static gboolean
run_once (const char * const *argv,
          Sample             *sample)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 frame = 0;
  long rss_kb = 0;
  int status = 0;
  const char *line;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &output, NULL, &status, &error))
    {
      g_printerr ("Failed to start %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  line = output ? strstr (output, "first-frame ") : NULL;
  if (line == NULL ||
      sscanf (line, "first-frame %" G_GINT64_FORMAT " rss-kb %ld", &frame, &rss_kb) != 2)
    {
      g_printerr ("%s printed no first-frame line (exit status %d); output: %s\n",
                  argv[0], status, output ? output : "");
      return FALSE;
    }

  sample->ms = (frame - start) / 1000.0;
  sample->rss_mb = rss_kb / 1024.0;

  return TRUE;
}

#ifndef HAVE_IR_DEMO
/* Writes the sample room with the writer program and returns its id. */
static char *
write_sample_room (const char *writer)
{
  const char *argv[] = { writer, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("Failed to write the sample room with %s: %s\n", writer, error->message);
      return NULL;
    }

  return g_strstrip (g_steal_pointer (&output));
}
#endif

static void
set_up_environment (void)
{
  g_autofree char *home = g_dir_make_tmp ("ironroom-bench-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  const char *build_dir = g_getenv ("IR_BUILD_DIR");

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("IRONROOM_REPORT_FIRST_FRAME", "1", TRUE);
  if (build_dir != NULL)
    {
      g_autofree char *schemas = g_build_filename (build_dir, "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *room = NULL;
  double app_ms[RUNS], bare_ms[RUNS], app_rss[RUNS], bare_rss[RUNS];
  double app_median, bare_median, rss_median;
  const char *room_name;

  if (argc != 4)
    {
      g_printerr ("Usage: %s IRONROOM BARE_WINDOW SAMPLE_ROOM_WRITER\n", argv[0]);
      return 2;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-startup: skipped, no display; run it through tools/with-display\n");
      return 0;
    }

  set_up_environment ();

#ifdef HAVE_IR_DEMO
  const char *app_argv[] = { argv[1], "--demo", "--page", "map", NULL };
  room_name = "the demo room";
#else
  room = write_sample_room (argv[3]);
  if (room == NULL)
    return 1;
  const char *app_argv[] = { argv[1], "--room", room, "--page", "map", NULL };
  room_name = "the sample room (this build has no demo room)";
#endif
  const char *bare_argv[] = { argv[2], NULL };
  Sample sample;

  /* One warm-up run each fills the page cache and, for --demo, writes the
   * demo room. */
  if (!run_once (app_argv, &sample) || !run_once (bare_argv, &sample))
    return 1;

  for (guint i = 0; i < RUNS; i++)
    {
      if (!run_once (app_argv, &sample))
        return 1;
      app_ms[i] = sample.ms;
      app_rss[i] = sample.rss_mb;

      if (!run_once (bare_argv, &sample))
        return 1;
      bare_ms[i] = sample.ms;
      bare_rss[i] = sample.rss_mb;
    }

  app_median = median (app_ms, RUNS);
  bare_median = median (bare_ms, RUNS);
  rss_median = median (app_rss, RUNS);

  g_print ("Start-up to the first frame, median of %d runs, on %s:\n", RUNS, room_name);
  g_print ("  app          %7.1f ms   target <= %.0f ms and <= bare + %.0f ms (%.1f ms)  %s\n",
           app_median, TARGET_MS, TARGET_OVER_BARE, bare_median + TARGET_OVER_BARE,
           app_median <= TARGET_MS && app_median <= bare_median + TARGET_OVER_BARE
           ? "met" : "MISSED");
  g_print ("  bare window  %7.1f ms\n", bare_median);
  g_print ("  app memory   %7.1f MB   target <= %.0f MB  %s\n",
           rss_median, TARGET_RSS_MB, rss_median <= TARGET_RSS_MB ? "met" : "MISSED");
  g_print ("  bare memory  %7.1f MB\n", median (bare_rss, RUNS));

  return 0;
}
