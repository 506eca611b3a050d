/* bench-escalation.c: loading a room's plan of 10,000 tasks and 15,000
 * links from its store, and evaluating its escalations
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians of 7 runs. Loading the plan is part of activating the
 * Plan page (target: 500 ms to the first drawn frame), and the server
 * evaluates each room after every push that touches its plan.
 */
#include <stdio.h>

#include "ir-escalation.h"
#include "ir-plan-model.h"
#include "ir-test-store-util.h"

#define N_PHASES        200
#define TASKS_PER_PHASE 49          /* 200 phases + 9,800 tasks = 10,000 */
#define N_LINKS         15000
#define N_COMMITTED     300
#define N_RUNS          7

static int
compare_doubles (const void *a,
                 const void *b)
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
  return values[n / 2];
}

/* Phases of work packages linked to nearby earlier packages, with some
 * packages committed a little before their forecast so that a few hundred
 * slip. Returns the number of ops written. */
static guint
write_plan (IrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (2026);
  g_autofree char *calendar = ir_tx_create (tx, "calendar");
  guint n_leaves = N_PHASES * TASKS_PER_PHASE;
  guint n_ops = 0;

  ir_tx_set_string (tx, "calendar", calendar, "name", "Plant");
  ir_tx_set_int (tx, "calendar", calendar, "weekdays", 0x1f);
  ir_tx_set_string (tx, "calendar", calendar, "project_start", "2026-01-05");

  /* One transaction per phase and per 500 links: the store checks each
   * transaction's creations against all of its ops. */
  for (guint p = 0; p < N_PHASES; p++)
    {
      g_autofree char *phase = NULL;

      n_ops += ir_tx_get_n_ops (tx);
      if (!ir_store_commit (store, tx, &error))
        g_error ("Failed to write the plan: %s", error->message);
      ir_tx_free (tx);
      tx = ir_store_begin (store);

      phase = ir_tx_create (tx, "task");
      g_autofree char *phase_name = g_strdup_printf ("Phase %u", p + 1);

      ir_tx_set_string (tx, "task", phase, "name", phase_name);
      for (guint i = 0; i < TASKS_PER_PHASE; i++)
        {
          char *task = ir_tx_create (tx, "task");
          g_autofree char *name = g_strdup_printf ("Package %u.%u", p + 1, i + 1);

          ir_tx_set_string (tx, "task", task, "parent", phase);
          ir_tx_set_string (tx, "task", task, "name", name);
          ir_tx_set_int (tx, "task", task, "duration", g_rand_int_range (rand, 1, 8));
          g_ptr_array_add (tasks, task);
        }
    }

  for (guint l = 0; l < N_LINKS; l++)
    {
      guint successor = g_rand_int_range (rand, 1, n_leaves);
      guint predecessor = successor - g_rand_int_range (rand, 1, MIN (successor, 40) + 1);
      g_autofree char *link = NULL;

      if (l % 500 == 0)
        {
          n_ops += ir_tx_get_n_ops (tx);
          if (!ir_store_commit (store, tx, &error))
            g_error ("Failed to write the plan: %s", error->message);
          ir_tx_free (tx);
          tx = ir_store_begin (store);
        }

      link = ir_tx_create (tx, "dependency");

      ir_tx_set_string (tx, "dependency", link, "successor", tasks->pdata[successor]);
      ir_tx_set_string (tx, "dependency", link, "predecessor", tasks->pdata[predecessor]);
    }

  n_ops += ir_tx_get_n_ops (tx);
  if (!ir_store_commit (store, tx, &error))
    g_error ("Failed to write the plan: %s", error->message);
  g_clear_pointer (&tx, ir_tx_free);

  /* Commit some packages before their forecast: 0 to 10 days. */
  {
    g_autoptr(IrSchedule) schedule = ir_plan_model_load (store, &error);

    ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);
    tx = ir_store_begin (store);
    for (guint c = 0; c < N_COMMITTED; c++)
      {
        const char *id = tasks->pdata[g_rand_int_range (rand, 0, n_leaves)];
        IrScheduleTask *task = ir_schedule_lookup_task (schedule, id);
        char date[IR_DAY_STRING_SIZE];

        ir_tx_set_string (tx, "task", id, "committed",
                          ir_day_format (task->finish - g_rand_int_range (rand, 0, 11), date));
      }
    n_ops += ir_tx_get_n_ops (tx);
    if (!ir_store_commit (store, tx, &error))
      g_error ("Failed to commit the dates: %s", error->message);
  }

  g_rand_free (rand);
  return n_ops;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 12, 1, 2, 0, 0);
  double load_ms[N_RUNS], compute_ms[N_RUNS], provisional_ms[N_RUNS], again_ms[N_RUNS];
  double write_ms;
  gint64 start;
  guint n_ops;

  store = ir_store_new_memory (NULL, &error);
  g_assert_no_error (error);
  ir_store_set_room_id (store, TEST_ROOM, &error);

  start = g_get_monotonic_time ();
  n_ops = write_plan (store);
  printf ("Wrote a plan of %u tasks and %u links (%u ops) in %.0f ms\n",
          N_PHASES * (TASKS_PER_PHASE + 1), N_LINKS, n_ops,
          (g_get_monotonic_time () - start) / 1000.0);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(IrSchedule) schedule = NULL;
      g_autoptr(IrEscalationReport) report = NULL;

      start = g_get_monotonic_time ();
      schedule = ir_plan_model_load (store, &error);
      load_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, N_PHASES * (TASKS_PER_PHASE + 1));

      start = g_get_monotonic_time ();
      ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);
      compute_ms[run] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      report = ir_escalation_evaluate (store, now, TRUE, &error);
      provisional_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      if (run == 0)
        printf ("%u tasks slip: %u would be raised\n", report->items->len, report->n_raised);
    }

  {
    g_autoptr(IrEscalationReport) report = NULL;

    start = g_get_monotonic_time ();
    report = ir_escalation_evaluate (store, now, FALSE, &error);
    write_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_assert_no_error (error);
    printf ("Raising %u escalations with their actions: %.1f ms\n", report->n_raised, write_ms);
  }

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(IrEscalationReport) report = NULL;

      start = g_get_monotonic_time ();
      report = ir_escalation_evaluate (store, now, FALSE, &error);
      again_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (report->n_raised, ==, 0);
    }

  printf ("Load the plan from the store:       %6.1f ms (median of %d)\n",
          median (load_ms, N_RUNS), N_RUNS);
  printf ("Schedule it:                        %6.1f ms (target 20 ms)\n",
          median (compute_ms, N_RUNS));
  printf ("Evaluate provisionally (load incl.): %5.1f ms\n", median (provisional_ms, N_RUNS));
  printf ("Evaluate again, nothing to write:   %6.1f ms\n", median (again_ms, N_RUNS));

  return 0;
}
