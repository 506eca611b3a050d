/* bench-plan.c: the Plan page on a plan of 10,000 tasks and 15,000 links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians of at least 7 runs against TARGETS.md. The first figure
 * is the activation of the Plan page up to its first drawn frame. The
 * second is a reschedule after an edit as the page does it, which covers
 * the transaction, the copy of the change into the schedule, the
 * computation and the update of the rows. The last is one frame of the
 * timeline: building its snapshot, without rendering. It needs a display,
 * so run it through tools/with-display.
 */
#define G_LOG_DOMAIN "ironroom-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ir-plan-model.h"
#include "ir-resources.h"
#include "plan/ir-gantt-timeline.h"
#include "plan/ir-plan-page.h"

#define N_PHASES        200
#define TASKS_PER_PHASE 49          /* 200 phases + 9,800 tasks = 10,000 */
#define N_LINKS         15000
#define N_RUNS          9
#define N_FRAMES        25

#define ROOM_ID "0f5e1c2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"

/* --- statistics ----------------------------------------------------------- */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n,
        const char *target)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  printf ("%-44s median %8.2f ms  (min %.2f, max %.2f, %u runs)  target %s\n",
          what, ms[n / 2], ms[0], ms[n - 1], n, target);
  fflush (stdout);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* --- the plan ------------------------------------------------------------- */

static void
commit (IrStore *store,
        IrTx   **tx)
{
  g_autoptr(GError) error = NULL;

  if (!ir_store_commit (store, *tx, &error))
    g_error ("Failed to write the plan: %s", error->message);
  ir_tx_free (*tx);
  *tx = ir_store_begin (store);
}

/* Phases of work packages, with a milestone at the end of each phase.
 * Links go from a package to one a little after it, so that they cross
 * phases as the links of real plans do. */
static GPtrArray *
write_plan (IrStore *store)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (2026);
  IrTx *tx = ir_store_begin (store);
  g_autofree char *calendar = ir_tx_create (tx, "calendar");
  guint n_links = 0;
  guint n_keys = 0;

  ir_tx_set_string (tx, "calendar", calendar, "name", "Plant");
  ir_tx_set_int (tx, "calendar", calendar, "weekdays", 0x1f);
  ir_tx_set_string (tx, "calendar", calendar, "project_start", "2026-01-05");

  for (guint p = 0; p < N_PHASES; p++)
    {
      g_autofree char *phase = ir_tx_create (tx, "task");
      g_autofree char *phase_name = g_strdup_printf ("Phase %u", p + 1);
      g_autofree char *position = g_strdup_printf ("a%05u.bench", n_keys++);

      ir_tx_set_string (tx, "task", phase, "name", phase_name);
      ir_tx_set_string (tx, "task", phase, "position", position);

      for (guint i = 0; i < TASKS_PER_PHASE; i++)
        {
          char *task = ir_tx_create (tx, "task");
          g_autofree char *name = g_strdup_printf ("Package %u.%u", p + 1, i + 1);
          gboolean milestone = i == TASKS_PER_PHASE - 1;
          g_autofree char *key = g_strdup_printf ("a%05u.bench", n_keys++);

          ir_tx_set_string (tx, "task", task, "parent", phase);
          ir_tx_set_string (tx, "task", task, "name", name);
          ir_tx_set_string (tx, "task", task, "position", key);
          ir_tx_set_boolean (tx, "task", task, "milestone", milestone);
          ir_tx_set_int (tx, "task", task, "duration", milestone ? 0 : g_rand_int_range (rand, 1, 8));
          ir_tx_set_int (tx, "task", task, "progress", g_rand_int_range (rand, 0, 2) * 50);
          g_ptr_array_add (tasks, task);
        }

      /* One transaction per phase: the store checks each transaction's
       * creations against all of its ops. */
      commit (store, &tx);
    }

  while (n_links < N_LINKS)
    {
      guint successor = g_rand_int_range (rand, 1, tasks->len);
      guint predecessor = successor - g_rand_int_range (rand, 1, MIN (successor, 60) + 1);
      g_autofree char *link = ir_tx_create (tx, "dependency");

      ir_tx_set_string (tx, "dependency", link, "successor", tasks->pdata[successor]);
      ir_tx_set_string (tx, "dependency", link, "predecessor", tasks->pdata[predecessor]);
      ir_tx_set_string (tx, "dependency", link, "type", "FS");
      if (++n_links % 500 == 0)
        commit (store, &tx);
    }

  commit (store, &tx);
  ir_tx_free (tx);
  g_rand_free (rand);

  return tasks;
}

/* --- frames --------------------------------------------------------------- */

typedef struct
{
  gboolean painted;
  gint64   at;
} Frame;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->painted)
    {
      frame->painted = TRUE;
      frame->at = g_get_monotonic_time ();
    }
}

static void
iterate_until (gboolean *flag,
               guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* --- main ----------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  double activate[N_RUNS], edit[N_RUNS], compute[N_RUNS], reload[N_RUNS];
  double frames[N_FRAMES], frames_days[N_FRAMES];
  GtkWidget *window, *page, *timeline;
  GdkFrameClock *clock;
  GtkAdjustment *vadjustment;
  gint64 start;
  Frame frame;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    {
      printf ("bench-plan: no display; run it through tools/with-display\n");
      return 0;
    }
  adw_init ();

  /* The app registers its resources when it starts; this program has no
   * app. */
  ir_register_resource ();

  store = ir_store_new_memory (NULL, &error);
  g_assert_no_error (error);
  ir_store_set_room_id (store, ROOM_ID, &error);
  g_assert_no_error (error);
  ir_store_set_actor (store, "bench", IR_ROLES_ANY);

  start = g_get_monotonic_time ();
  tasks = write_plan (store);
  printf ("bench-plan: wrote %u tasks and %d links in %.0f ms\n",
          tasks->len + N_PHASES, N_LINKS, elapsed_ms (start));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  page = g_object_new (IR_TYPE_PLAN_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (300);
  timeline = ir_plan_page_get_timeline (IR_PLAN_PAGE (page));
  clock = gtk_widget_get_frame_clock (window);

  /* Activating the page: loading, computing and showing the plan, up to
   * the end of the first frame that draws it. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      gulong handler;

      ir_plan_page_set_store (IR_PLAN_PAGE (page), NULL);
      iterate_for (100);

      frame = (Frame) { FALSE, 0 };
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
      start = g_get_monotonic_time ();
      ir_plan_page_set_store (IR_PLAN_PAGE (page), store);
      gtk_widget_queue_draw (timeline);
      iterate_until (&frame.painted, 5000);
      g_signal_handler_disconnect (clock, handler);
      activate[run] = (frame.at - start) / 1000.0;
    }
  report ("Plan page activation to first frame", activate, N_RUNS, "≤ 500 ms");

  /* A reschedule after an edit of one task's duration, as the page does
   * it on the transaction's signal, and the engine's part alone. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      const char *id = tasks->pdata[(run * 997) % tasks->len];
      g_autoptr(IrTx) tx = ir_store_begin (store);

      ir_tx_set_int (tx, "task", id, "duration", 2 + run % 5);
      start = g_get_monotonic_time ();
      if (!ir_store_commit (store, tx, &error))
        g_error ("Failed to edit the plan: %s", error->message);
      edit[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      ir_schedule_compute (ir_plan_page_get_schedule (IR_PLAN_PAGE (page)),
                           IR_SCHEDULE_TOLERANT, NULL);
      compute[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      {
        g_autoptr(IrSchedule) schedule = ir_plan_model_load (store, NULL);

        ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);
      }
      reload[run] = elapsed_ms (start);
    }
  report ("Edit and reschedule through the page", edit, N_RUNS, "≤ 20 ms (full reschedule)");
  report ("  of which the engine's compute", compute, N_RUNS, "≤ 20 ms");
  report ("Reload from the store and compute", reload, N_RUNS, "(outline changes)");

  /* One frame of the timeline, scrolled to the middle of the plan. */
  vadjustment = ir_gantt_timeline_get_vadjustment (IR_GANTT_TIMELINE (timeline));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  ir_gantt_timeline_scroll_to_day (IR_GANTT_TIMELINE (timeline), ir_day_from_ymd (2027, 6, 1));
  iterate_for (200);

  for (guint zoom = 0; zoom < 2; zoom++)
    {
      double *times = zoom == 0 ? frames : frames_days;

      ir_gantt_timeline_set_zoom (IR_GANTT_TIMELINE (timeline),
                                  zoom == 0 ? IR_GANTT_ZOOM_WEEKS : IR_GANTT_ZOOM_DAYS);
      iterate_for (100);
      for (guint run = 0; run < N_FRAMES; run++)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          GskRenderNode *node;

          start = g_get_monotonic_time ();
          GTK_WIDGET_GET_CLASS (timeline)->snapshot (timeline, snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          times[run] = elapsed_ms (start);
          g_clear_pointer (&node, gsk_render_node_unref);
        }
    }
  report ("Timeline frame, weeks (snapshot only)", frames, N_FRAMES, "≤ 4 ms");
  report ("Timeline frame, days (snapshot only)", frames_days, N_FRAMES, "≤ 4 ms");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
