/* ir-escalation-assess.c: how late each commitment is, and why
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-escalation-private.h"

/* Maximum length of a reported slip chain; a longer one is cut at its
 * oldest end. */
#define MAX_CHAIN 32

/* --- slips --------------------------------------------------------------- */

static void
slip_step_free (IrSlipStep *step)
{
  g_free (step->task_id);
  g_free (step->name);
  g_free (step);
}

void
ir_slip_free (IrSlip *slip)
{
  if (slip == NULL)
    return;

  g_free (slip->subject_id);
  g_free (slip->title);
  g_free (slip->owner_id);
  g_clear_pointer (&slip->chain, g_ptr_array_unref);
  g_free (slip);
}

IrSlip *
ir_slip_new (IrSubjectKind  kind,
             const char    *subject_id,
             const char    *title)
{
  IrSlip *slip = g_new0 (IrSlip, 1);

  slip->kind = kind;
  slip->subject_id = g_strdup (subject_id);
  slip->title = g_strdup (title);
  slip->chain = g_ptr_array_new_with_free_func ((GDestroyNotify) slip_step_free);

  return slip;
}

/* --- tasks --------------------------------------------------------------- */

static gboolean
task_is_finished (const IrScheduleTask *task)
{
  return task->actual_finish != IR_DAY_NONE || task->progress >= 100;
}

/* The date a task is measured against: the customer's commitment, or else
 * the finish of its lowest-numbered baseline (baseline 0 first, as
 * Microsoft Project numbers them). */
static IrDay
task_commitment (IrScheduleTask *task,
                 gboolean       *from_baseline)
{
  const IrTaskBaseline *baselines;
  guint n_baselines = 0;

  *from_baseline = FALSE;
  if (task->committed != IR_DAY_NONE)
    return task->committed;

  baselines = ir_schedule_task_get_baselines (task, &n_baselines);
  for (guint i = 0; i < n_baselines; i++)
    if (baselines[i].finish != IR_DAY_NONE)
      {
        *from_baseline = TRUE;
        return baselines[i].finish;
      }

  return IR_DAY_NONE;
}

/* A finished task is measured by its actual finish. An unfinished one
 * cannot finish before today, whatever its scheduled finish is. */
static IrDay
task_forecast (const IrScheduleTask *task,
               IrDay                 today)
{
  if (task->actual_finish != IR_DAY_NONE)
    return task->actual_finish;
  if (task_is_finished (task) || today == IR_DAY_NONE)
    return task->finish;

  return MAX (task->finish, today);
}

static IrScheduleLink *
find_driving_link (IrSchedule     *schedule,
                   IrScheduleTask *task)
{
  /* A subtask whose summary is linked is driven through the summary. */
  for (IrScheduleTask *at = task; at != NULL; at = ir_schedule_get_parent (schedule, at))
    {
      IrScheduleLink *link = ir_schedule_get_driving_link (schedule, at);

      if (link != NULL)
        return link;
    }

  return NULL;
}

/* Follows the driving links back from @task while each predecessor is
 * itself late, or has nothing to be late against. A predecessor that is on
 * time did not cause the slip, so the chain stops before it. */
static void
build_chain (IrSchedule                 *schedule,
             const IrEscalationSettings *settings,
             IrDay                       today,
             IrScheduleTask             *task,
             GPtrArray                  *chain)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  IrScheduleTask *current = task;

  g_hash_table_add (visited, task);

  while (chain->len < MAX_CHAIN)
    {
      IrScheduleLink *link = find_driving_link (schedule, current);
      IrScheduleTask *predecessor;
      IrSlipStep *step;
      gboolean from_baseline;
      IrDay commitment;

      if (link == NULL)
        break;

      predecessor = ir_schedule_lookup_task (schedule, link->predecessor_id);
      if (predecessor == NULL || g_hash_table_contains (visited, predecessor))
        break;
      g_hash_table_add (visited, predecessor);

      step = g_new0 (IrSlipStep, 1);
      step->task_id = g_strdup (predecessor->id);
      step->name = g_strdup (predecessor->name);
      step->finish = task_forecast (predecessor, today);
      step->type = link->type;
      step->lag = link->lag;

      commitment = task_commitment (predecessor, &from_baseline);
      if (commitment != IR_DAY_NONE)
        {
          step->has_slip = TRUE;
          step->slip = ir_escalation_count_delay (settings, ir_schedule_get_calendar (schedule),
                                                  commitment, step->finish);
        }

      if (step->has_slip && step->slip <= 0)
        {
          slip_step_free (step);
          break;
        }

      g_ptr_array_add (chain, step);
      current = predecessor;
    }
}

/**
 * ir_escalation_assess_schedule:
 * @schedule: a computed schedule
 * @settings: the room's thresholds and day counting
 * @today: today's date in the room
 *
 * Measures every task with a committed or baseline finish: its forecast
 * finish, its delay and tier, and for a late task the chain of driving
 * predecessors behind the slip. Summary tasks count only with a commitment
 * of their own, since a baseline finish of a summary repeats its subtasks'.
 *
 * Returns: (transfer full) (element-type IrSlip): the measured tasks,
 *   in the schedule's order
 */
GPtrArray *
ir_escalation_assess_schedule (IrSchedule                 *schedule,
                               const IrEscalationSettings *settings,
                               IrDay                       today)
{
  GPtrArray *slips = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_slip_free);
  IrCalendar *calendar;

  g_return_val_if_fail (schedule != NULL, slips);
  g_return_val_if_fail (ir_schedule_is_computed (schedule), slips);
  g_return_val_if_fail (settings != NULL, slips);

  calendar = ir_schedule_get_calendar (schedule);

  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule); i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (schedule, i);
      gboolean from_baseline;
      IrDay commitment = task_commitment (task, &from_baseline);
      IrSlip *slip;

      if (commitment == IR_DAY_NONE || task->finish == IR_DAY_NONE)
        continue;
      if ((task->flags & IR_TASK_SUMMARY) && from_baseline)
        continue;

      slip = ir_slip_new (IR_SUBJECT_TASK, task->id, task->name);
      slip->commitment = commitment;
      slip->from_baseline = from_baseline;
      slip->finished = task_is_finished (task);
      slip->forecast = task_forecast (task, today);
      slip->delay = ir_escalation_count_delay (settings, calendar, commitment, slip->forecast);
      slip->tier = ir_escalation_tier_for_delay (settings, slip->delay);
      if (slip->delay > 0)
        build_chain (schedule, settings, today, task, slip->chain);

      g_ptr_array_add (slips, slip);
    }

  return slips;
}

/* --- manual risks -------------------------------------------------------- */

/* Measures each risk with a due date by the days it is overdue; a closed
 * risk is finished. Appends IrSlip to @slips. */
void
ir_escalation_assess_risks (IrStore                    *store,
                            const IrEscalationSettings *settings,
                            IrCalendar                 *calendar,
                            IrDay                       today,
                            GPtrArray                  *slips)
{
  g_autoptr(IrEntityList) risks = ir_store_list (store, "risk");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (risks));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);
      const char *due = ir_entity_get_string (risk, "due");
      IrDay due_day = due != NULL ? ir_day_parse (due) : IR_DAY_NONE;
      IrSlip *slip;

      if (due_day == IR_DAY_NONE)
        continue;

      slip = ir_slip_new (IR_SUBJECT_RISK, ir_entity_get_id (risk),
                          ir_entity_get_string (risk, "title"));
      slip->owner_id = g_strdup (ir_entity_get_string (risk, "owner"));
      slip->commitment = due_day;
      slip->finished = g_strcmp0 (ir_entity_get_string (risk, "status"), "closed") == 0;
      slip->forecast = MAX (today, due_day);
      slip->delay = ir_escalation_count_delay (settings, calendar, due_day, slip->forecast);
      slip->tier = ir_escalation_tier_for_delay (settings, slip->delay);

      g_ptr_array_add (slips, slip);
    }
}

/* --- text ---------------------------------------------------------------- */

/**
 * ir_slip_describe_chain:
 * @slip: a slip
 *
 * Describes the slip chain on one line, the nearest predecessor first,
 * such as "Castings (+4 d) ← Pattern approval (+4 d)".
 *
 * Returns: (transfer full) (nullable): the description, or %NULL for an
 *   empty chain
 */
char *
ir_slip_describe_chain (const IrSlip *slip)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (slip != NULL, NULL);

  if (slip->chain == NULL || slip->chain->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < slip->chain->len; i++)
    {
      const IrSlipStep *step = g_ptr_array_index (slip->chain, i);

      if (i > 0)
        g_string_append (text, " ← ");
      g_string_append (text, step->name != NULL ? step->name : step->task_id);
      if (step->has_slip)
        /* Translators: a predecessor's own slip in days, after its name. */
        g_string_append_printf (text, _(" (+%d d)"), step->slip);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
