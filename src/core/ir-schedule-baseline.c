/* ir-schedule-baseline.c: saving baselines and comparing with them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-schedule-private.h"

/* --- baselines ----------------------------------------------------------- */

static int
find_baseline (IrScheduleTask *task,
               guint           number)
{
  if (task->baselines == NULL)
    return -1;

  for (guint i = 0; i < task->baselines->len; i++)
    if (g_array_index (task->baselines, IrTaskBaseline, i).number == number)
      return i;

  return -1;
}

/* Stores a baseline of a task, replacing one with the same number. */
void
ir_schedule_task_set_baseline (IrScheduleTask       *task,
                               const IrTaskBaseline *baseline)
{
  int found;

  g_return_if_fail (task != NULL);
  g_return_if_fail (baseline->number <= IR_BASELINE_MAX);

  found = find_baseline (task, baseline->number);
  if (found >= 0)
    {
      g_array_index (task->baselines, IrTaskBaseline, found) = *baseline;
      return;
    }

  if (task->baselines == NULL)
    task->baselines = g_array_new (FALSE, FALSE, sizeof (IrTaskBaseline));

  /* Keep them by number, as Microsoft Project writes them. */
  for (guint i = 0; i <= task->baselines->len; i++)
    if (i == task->baselines->len ||
        g_array_index (task->baselines, IrTaskBaseline, i).number > baseline->number)
      {
        g_array_insert_val (task->baselines, i, *baseline);
        break;
      }
}

gboolean
ir_schedule_task_get_baseline (IrScheduleTask *task,
                               guint           number,
                               IrTaskBaseline *baseline)
{
  int found;

  g_return_val_if_fail (task != NULL, FALSE);

  found = find_baseline (task, number);
  if (found < 0)
    return FALSE;

  if (baseline != NULL)
    *baseline = g_array_index (task->baselines, IrTaskBaseline, found);

  return TRUE;
}

guint
ir_schedule_task_get_n_baselines (IrScheduleTask *task)
{
  g_return_val_if_fail (task != NULL, 0);

  return task->baselines != NULL ? task->baselines->len : 0;
}

const IrTaskBaseline *
ir_schedule_task_get_baselines (IrScheduleTask *task,
                                guint          *n_baselines)
{
  g_return_val_if_fail (task != NULL, NULL);

  *n_baselines = ir_schedule_task_get_n_baselines (task);

  return task->baselines != NULL ? (const IrTaskBaseline *) (gpointer) task->baselines->data : NULL;
}

/**
 * ir_schedule_save_baseline:
 * @self: a computed schedule
 * @number: the baseline to save, 0–10
 *
 * Saves every task's scheduled start, finish and duration as a baseline,
 * replacing an earlier one with the same number.
 */
void
ir_schedule_save_baseline (IrSchedule *self,
                           guint       number)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->computed);
  g_return_if_fail (number <= IR_BASELINE_MAX);

  for (guint t = 0; t < self->tasks->len; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      IrTaskBaseline baseline = { number, task->start, task->finish, task->scheduled_duration };

      ir_schedule_task_set_baseline (task, &baseline);
    }
}

/**
 * ir_schedule_compare_baseline:
 * @self: a computed schedule
 * @number: the baseline to compare with
 *
 * Compares the scheduled dates with a baseline, for every task that has a
 * start or finish in it. Working-day slips count with the schedule's
 * calendar.
 *
 * Returns: (transfer full) (element-type IrBaselineVariance): one entry per
 *   task, in schedule order
 */
GArray *
ir_schedule_compare_baseline (IrSchedule *self,
                              guint       number)
{
  GArray *variances;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  variances = g_array_new (FALSE, TRUE, sizeof (IrBaselineVariance));
  for (guint t = 0; t < self->tasks->len; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      IrTaskBaseline baseline;
      IrBaselineVariance variance = { 0 };

      if (!ir_schedule_task_get_baseline (task, number, &baseline) ||
          (baseline.start == IR_DAY_NONE && baseline.finish == IR_DAY_NONE))
        continue;

      variance.task = task;
      variance.baseline_start = baseline.start;
      variance.baseline_finish = baseline.finish;
      variance.start = task->start;
      variance.finish = task->finish;
      if (baseline.start != IR_DAY_NONE)
        variance.start_slip = task->start - baseline.start;
      if (baseline.finish != IR_DAY_NONE)
        {
          variance.finish_slip = task->finish - baseline.finish;
          variance.finish_slip_working =
            ir_calendar_count_working_days (self->calendar, baseline.finish, task->finish);
        }
      if (baseline.duration >= 0)
        variance.duration_change = task->scheduled_duration - baseline.duration;

      g_array_append_val (variances, variance);
    }

  return variances;
}
