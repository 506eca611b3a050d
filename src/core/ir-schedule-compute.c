/* ir-schedule-compute.c: one full reschedule, from inputs to results
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-schedule-private.h"

/* Cycles named in a compute error; the rest are only counted. */
#define MAX_REPORTED_CYCLES 3

/* --- inputs -------------------------------------------------------------- */

static IrConstraint
effective_constraint (IrSchedule     *self,
                      IrScheduleTask *task)
{
  IrConstraint constraint = task->constraint;

  /* A date constraint without a date cannot bind. */
  if (constraint >= IR_CONSTRAINT_SNET && task->constraint_date == IR_DAY_NONE)
    constraint = IR_CONSTRAINT_DEFAULT;

  if (constraint == IR_CONSTRAINT_DEFAULT)
    constraint = self->mode == IR_SCHEDULE_BACKWARD ? IR_CONSTRAINT_ALAP : IR_CONSTRAINT_ASAP;

  return constraint;
}

static void
read_inputs (IrSchedulePasses *p)
{
  IrSchedule *self = p->self;
  IrCalendar *calendar = self->calendar;

  for (guint t = 0; t < p->n; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      gint32 d = task->milestone ? 0 : MAX (task->duration, 0);
      IrDay date = task->constraint_date;

      p->constraint[t] = effective_constraint (self, task);
      p->start_bound[t] = date != IR_DAY_NONE ? ir_calendar_day_index (calendar, date) : 0;
      p->finish_bound[t] = date != IR_DAY_NONE ? ir_calendar_day_index (calendar, date + 1) : 0;
      p->pin[t] = IR_TICK_NONE;

      /* Actual dates fix a task where it happened; a manual start pins it. */
      if (task->actual_start != IR_DAY_NONE && task->actual_finish != IR_DAY_NONE)
        d = MAX (0, ir_calendar_day_index (calendar, task->actual_finish + 1) -
                    ir_calendar_day_index (calendar, task->actual_start));

      if (task->actual_start != IR_DAY_NONE)
        p->pin[t] = 2 * ir_calendar_day_index (calendar, task->actual_start);
      else if (task->actual_finish != IR_DAY_NONE)
        {
          gint32 after = ir_calendar_day_index (calendar, task->actual_finish + 1);

          p->pin[t] = d > 0 ? 2 * (after - d) : 2 * after - 1;
        }
      else if (task->manual_start != IR_DAY_NONE)
        p->pin[t] = 2 * ir_calendar_day_index (calendar, task->manual_start);

      p->duration[t] = d;
    }
}

/* The project start when none is set: the earliest date the plan names,
 * or today. */
static IrDay
find_anchor (IrSchedule *self,
             gboolean    latest)
{
  IrDay anchor = IR_DAY_NONE;

  for (guint t = 0; t < self->tasks->len; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      IrDay dates[] = { task->constraint_date, task->manual_start, task->actual_start,
                        task->actual_finish };

      for (gsize i = 0; i < G_N_ELEMENTS (dates); i++)
        if (dates[i] != IR_DAY_NONE &&
            (anchor == IR_DAY_NONE || (latest ? dates[i] > anchor : dates[i] < anchor)))
          anchor = dates[i];
    }

  if (anchor == IR_DAY_NONE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      anchor = ir_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now));
    }

  return anchor;
}

/* --- running the passes -------------------------------------------------- */

static gboolean
has_alap_task (IrSchedulePasses *p)
{
  for (guint t = 0; t < p->n; t++)
    if (p->constraint[t] == IR_CONSTRAINT_ALAP && !p->graph->summary[t])
      return TRUE;

  return FALSE;
}

static void
run_forward_mode (IrSchedulePasses *p)
{
  IrSchedule *self = p->self;
  IrDay start = self->project_start != IR_DAY_NONE ? self->project_start : find_anchor (self, FALSE);
  gint32 finish = IR_TICK_MIN;

  ir_calendar_prepare (self->calendar, start - 366, start + 3 * 366);
  p->project_start = 2 * ir_calendar_day_index (self->calendar, start);

  ir_schedule_passes_forward (p, IR_PASS_UPPER | IR_PASS_RECORD, p->early_start, p->early_finish);

  for (guint t = 0; t < p->n; t++)
    finish = MAX (finish, p->early_finish[t]);
  p->project_finish = p->n > 0 ? finish : p->project_start - 1;

  ir_schedule_passes_backward (p, FALSE);

  if (has_alap_task (p))
    ir_schedule_passes_forward (p, IR_PASS_UPPER | IR_PASS_ALAP | IR_PASS_RECORD,
                                p->start, p->finish);
  else
    {
      memcpy (p->start, p->early_start, p->n * sizeof (gint32));
      memcpy (p->finish, p->early_finish, p->n * sizeof (gint32));
    }
}

/* Backward: late dates from the fixed finish first, the early dates from
 * the start that they imply, then tasks without a constraint of their own
 * are placed as late as possible. */
static void
run_backward_mode (IrSchedulePasses *p)
{
  IrSchedule *self = p->self;
  IrDay finish = self->project_finish != IR_DAY_NONE ? self->project_finish : find_anchor (self, TRUE);
  gint32 start = IR_TICK_MAX;

  ir_calendar_prepare (self->calendar, finish - 3 * 366, finish + 366);
  p->project_finish = 2 * ir_calendar_day_index (self->calendar, finish + 1) - 1;

  ir_schedule_passes_backward (p, TRUE);

  for (guint t = 0; t < p->n; t++)
    start = MIN (start, p->late_start[t]);
  p->project_start = p->n > 0 ? start : p->project_finish + 1;

  ir_schedule_passes_forward (p, 0, p->early_start, p->early_finish);
  ir_schedule_passes_forward (p, IR_PASS_UPPER | IR_PASS_ALAP | IR_PASS_RECORD, p->start, p->finish);
}

/* --- results ------------------------------------------------------------- */

static IrDay
day_of_tick (IrCalendar *calendar,
             gint32      tick)
{
  return ir_calendar_day_at_index (calendar, tick >> 1);
}

static void
write_results (IrSchedulePasses *p)
{
  IrSchedule *self = p->self;
  IrScheduleGraph *graph = p->graph;
  IrCalendar *calendar = self->calendar;
  g_autofree gint64 *weighted = g_new0 (gint64, p->n);
  g_autofree gint64 *weight = g_new0 (gint64, p->n);

  self->span_start = self->span_finish = IR_DAY_NONE;

  /* Children come after their parent in outline order, so walking it
   * backwards finishes every subtask before its summary. */
  for (guint i = p->n; i > 0; i--)
    {
      guint t = graph->outline_order[i - 1];
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      gint32 parent = graph->parent[t];

      task->start = day_of_tick (calendar, p->start[t]);
      task->finish = day_of_tick (calendar, p->finish[t]);
      task->early_start = day_of_tick (calendar, p->early_start[t]);
      task->early_finish = day_of_tick (calendar, p->early_finish[t]);
      task->late_start = day_of_tick (calendar, p->late_start[t]);
      task->late_finish = day_of_tick (calendar, p->late_finish[t]);
      task->scheduled_duration = ir_tick_position (p->finish[t]) - ir_tick_position (p->start[t]);

      if (graph->summary[t])
        {
          /* total_float already contains the least float of the subtasks. */
          if (weight[t] > 0)
            task->progress = (int) (weighted[t] / weight[t]);
        }
      else
        {
          task->total_float = ir_tick_position (p->late_start[t]) - ir_tick_position (p->early_start[t]);
          if (p->duration[t] == 0 && (p->start[t] & 1))
            task->flags |= IR_TASK_END_OF_DAY;
          if (p->conflict[t])
            task->flags |= IR_TASK_CONFLICT;

          /* Milestones weigh as one day in a summary's progress. */
          weight[t] = MAX (p->duration[t], 1);
          weighted[t] = (gint64) CLAMP (task->progress, 0, 100) * weight[t];
        }

      if (task->total_float <= 0)
        task->flags |= IR_TASK_CRITICAL;

      if (parent >= 0)
        {
          IrScheduleTask *summary = g_ptr_array_index (self->tasks, parent);

          if (weight[parent] == 0 || task->total_float < summary->total_float)
            summary->total_float = task->total_float;
          weight[parent] += weight[t];
          weighted[parent] += weighted[t];
        }

      if (self->span_start == IR_DAY_NONE || task->start < self->span_start)
        self->span_start = task->start;
      if (self->span_finish == IR_DAY_NONE || task->finish > self->span_finish)
        self->span_finish = task->finish;
    }

  for (guint t = 0; t < p->n; t++)
    if (p->driver[t] >= 0)
      {
        IrScheduleLink *link = g_ptr_array_index (self->links, p->driver[t]);

        link->flags |= IR_LINK_DRIVING;
      }

  if (self->span_start == IR_DAY_NONE)
    {
      self->span_start = day_of_tick (calendar, p->project_start);
      self->span_finish = day_of_tick (calendar, p->project_finish);
    }
}

/* --- public API ---------------------------------------------------------- */

static void
passes_init (IrSchedulePasses *p,
             IrSchedule       *self)
{
  guint n = self->tasks->len;
  guint n_nodes = self->graph.n_nodes;

  p->self = self;
  p->graph = &self->graph;
  p->n = n;

  p->duration = g_new (gint32, n);
  p->constraint = g_new (guint8, n);
  p->start_bound = g_new (gint32, n);
  p->finish_bound = g_new (gint32, n);
  p->pin = g_new (gint32, n);
  p->early_start = g_new (gint32, n);
  p->early_finish = g_new (gint32, n);
  p->late_start = g_new (gint32, n);
  p->late_finish = g_new (gint32, n);
  p->start = g_new (gint32, n);
  p->finish = g_new (gint32, n);
  p->driver = g_new (gint32, n);
  p->conflict = g_new0 (guint8, n);

  p->bound_start = g_new (gint32, n_nodes);
  p->bound_finish = g_new (gint32, n_nodes);
  p->driver_start = g_new (gint32, n_nodes);
  p->driver_finish = g_new (gint32, n_nodes);
  p->late_bound_start = g_new (gint32, n_nodes);
  p->late_bound_finish = g_new (gint32, n_nodes);
}

static void
passes_clear (IrSchedulePasses *p)
{
  g_free (p->duration);
  g_free (p->constraint);
  g_free (p->start_bound);
  g_free (p->finish_bound);
  g_free (p->pin);
  g_free (p->early_start);
  g_free (p->early_finish);
  g_free (p->late_start);
  g_free (p->late_finish);
  g_free (p->start);
  g_free (p->finish);
  g_free (p->conflict);
  g_free (p->bound_start);
  g_free (p->bound_finish);
  g_free (p->driver_start);
  g_free (p->driver_finish);
  g_free (p->late_bound_start);
  g_free (p->late_bound_finish);
}

static void
reset_results (IrSchedule *self)
{
  for (guint t = 0; t < self->tasks->len; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);

      task->flags = 0;
      task->total_float = 0;
      task->outline_level = 1;
      task->index = t;
    }

  for (guint l = 0; l < self->links->len; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (self->links, l);

      link->flags = 0;
      link->index = l;
    }
}

static void
set_cycle_error (IrSchedule  *self,
                 GPtrArray   *cycles,
                 GError     **error)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cycles->len && i < MAX_REPORTED_CYCLES; i++)
    {
      g_autofree char *cycle = ir_schedule_describe_cycle (self, g_ptr_array_index (cycles, i));

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, cycle);
    }

  if (cycles->len > MAX_REPORTED_CYCLES)
    g_string_append_printf (text, "; …");

  g_set_error (error, IR_SCHEDULE_ERROR, IR_SCHEDULE_ERROR_CYCLE,
               _("The plan has a dependency cycle: %s. Remove one link of each cycle so "
                 "that the plan can be scheduled."),
               text->str);
  g_string_free (text, TRUE);
}

/**
 * ir_schedule_compute:
 * @self: a schedule
 * @flags: %IR_SCHEDULE_TOLERANT to accept dependency cycles
 * @error: return location for an error
 *
 * Schedules every task: early and late dates, total float, the critical
 * path, summary roll-ups and the scheduled dates, forward from the
 * project start or backward from its finish.
 *
 * A dependency cycle never stops the schedule: its tasks are flagged
 * %IR_TASK_IN_CYCLE and scheduled without the cycle's links. In strict
 * mode the call then returns %FALSE with an error that names the tasks of
 * the cycle; the results are written either way.
 *
 * Returns: %FALSE when the plan has a cycle and @flags is strict
 */
gboolean
ir_schedule_compute (IrSchedule       *self,
                     IrScheduleFlags   flags,
                     GError          **error)
{
  g_autoptr(GPtrArray) cycles = NULL;
  IrSchedulePasses passes = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);

  reset_results (self);
  g_clear_pointer (&self->driver, g_free);

  ir_schedule_graph_build_outline (self, &self->graph);
  ir_schedule_graph_build_edges (self, &self->graph);
  if (!ir_schedule_graph_sort (&self->graph))
    cycles = ir_schedule_graph_break_cycles (self, &self->graph);

  passes_init (&passes, self);
  read_inputs (&passes);

  if (self->mode == IR_SCHEDULE_BACKWARD)
    run_backward_mode (&passes);
  else
    run_forward_mode (&passes);

  write_results (&passes);
  self->driver = g_steal_pointer (&passes.driver);
  passes_clear (&passes);
  self->computed = TRUE;

  if (cycles != NULL && cycles->len > 0 && !(flags & IR_SCHEDULE_TOLERANT))
    {
      set_cycle_error (self, cycles, error);
      return FALSE;
    }

  return TRUE;
}
