/* ir-review-plan.c: the plan and escalation parts of an agenda
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is scheduled at both ends of the range, so that a slip shows
 * as the forecast the room had at the last review against the one it has
 * now. Only milestones and committed tasks are listed: when one task slips
 * every task after it moves too, and the dates people were promised are
 * what a review discusses.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-plan-model.h"
#include "ir-review-private.h"

/* --- plan ----------------------------------------------------------------- */

static IrSchedule *
load_schedule (IrStore  *store,
               GError  **error)
{
  g_autoptr(IrSchedule) schedule = ir_plan_model_load (store, error);

  if (schedule == NULL)
    return NULL;

  /* A tolerant schedule leaves out a cycle that a merge made instead of
   * failing, as the Plan page does. */
  if (!ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, error))
    return NULL;

  return g_steal_pointer (&schedule);
}

static gboolean
is_summary (const IrScheduleTask *task)
{
  return (task->flags & IR_TASK_SUMMARY) != 0;
}

static IrReviewTaskChange *
task_change_new (IrReviewTaskChangeKind  kind,
                 IrStore                *after,
                 const IrScheduleTask   *task)
{
  IrReviewTaskChange *change = g_new0 (IrReviewTaskChange, 1);
  g_autoptr(IrEntity) entity = ir_store_get_entity (after, "task", task->id);

  change->kind = kind;
  change->task = g_strdup (task->id);
  change->name = g_strdup (task->name);
  change->owner_name = ir_review_dup_member_name (after,
                                                  entity ? ir_entity_get_string (entity, "owner")
                                                         : NULL);
  change->milestone = task->milestone;
  change->key_milestone = task->key_milestone;
  change->new_finish = task->finish;
  change->new_committed = task->committed;
  if (task->committed != IR_DAY_NONE)
    change->late = task->finish - task->committed;

  return change;
}

/* Added tasks last; then the biggest slip first, recommitments beside
 * slips of the same size. */
static int
compare_task_changes (gconstpointer a,
                      gconstpointer b)
{
  const IrReviewTaskChange *first = *(const IrReviewTaskChange * const *) a;
  const IrReviewTaskChange *second = *(const IrReviewTaskChange * const *) b;
  gboolean first_added = first->kind == IR_REVIEW_TASK_ADDED;
  gboolean second_added = second->kind == IR_REVIEW_TASK_ADDED;

  if (first_added != second_added)
    return first_added ? 1 : -1;
  if (first->slip != second->slip)
    return second->slip - first->slip;
  if (first->new_finish != second->new_finish)
    return first->new_finish < second->new_finish ? -1 : 1;

  return g_strcmp0 (first->name, second->name);
}

static void
collect_task_changes (IrReviewAgenda *agenda,
                      IrSchedule     *old_plan,
                      IrSchedule     *new_plan,
                      IrStore        *after)
{
  gboolean had_plan = ir_schedule_get_n_tasks (old_plan) > 0;

  for (guint i = 0; i < ir_schedule_get_n_tasks (new_plan); i++)
    {
      const IrScheduleTask *task = ir_schedule_get_task (new_plan, i);
      const IrScheduleTask *old = ir_schedule_lookup_task (old_plan, task->id);
      IrReviewTaskChange *change;
      gboolean dated = task->milestone || task->key_milestone || task->committed != IR_DAY_NONE;

      if (is_summary (task))
        continue;

      /* Every task is new to a room's first review: the plan is then
       * shown by its critical path instead. */
      if (old == NULL)
        {
          if (had_plan)
            g_ptr_array_add (agenda->task_changes,
                             task_change_new (IR_REVIEW_TASK_ADDED, after, task));
          continue;
        }

      if (!dated && old->committed == IR_DAY_NONE)
        continue;
      if (old->finish == task->finish && old->committed == task->committed)
        continue;

      if (old->committed != task->committed)
        change = task_change_new (IR_REVIEW_TASK_RECOMMITTED, after, task);
      else if (task->finish > old->finish)
        change = task_change_new (IR_REVIEW_TASK_SLIPPED, after, task);
      else
        change = task_change_new (IR_REVIEW_TASK_PULLED_IN, after, task);

      change->old_finish = old->finish;
      change->old_committed = old->committed;
      change->slip = task->finish - old->finish;
      g_ptr_array_add (agenda->task_changes, change);
    }

  g_ptr_array_sort (agenda->task_changes, compare_task_changes);
}

static void
collect_confirmations (IrReviewAgenda *agenda,
                       IrStore        *before,
                       IrStore        *after)
{
  g_autoptr(IrEntityList) confirmations = ir_store_list (after, "confirmation");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (confirmations));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (confirmations), i);
      g_autoptr(IrEntity) earlier = ir_store_get_entity (before, "confirmation",
                                                         ir_entity_get_id (entity));
      g_autoptr(IrEntity) task = NULL;
      IrReviewConfirmation *confirmation;
      const char *title = ir_entity_get_string (entity, "milestone_title");

      if (earlier != NULL)
        continue;

      confirmation = g_new0 (IrReviewConfirmation, 1);
      confirmation->task = g_strdup (ir_entity_get_string (entity, "task"));
      task = ir_store_get_entity (after, "task", confirmation->task);
      if (title == NULL && task != NULL)
        title = ir_entity_get_string (task, "name");
      confirmation->milestone = g_strdup (title);
      confirmation->committed = ir_day_parse (ir_entity_get_string (entity, "committed"));
      confirmation->signer = g_strdup (ir_entity_get_string (entity, "signer_name"));
      confirmation->company = g_strdup (ir_entity_get_string (entity, "signer_company"));
      confirmation->recorded_by =
        ir_review_dup_user_name (after, ir_entity_get_string (entity, "recorded_by"));
      confirmation->signed_at = ir_entity_get_int (entity, "signed_at");
      g_ptr_array_add (agenda->confirmations, confirmation);
    }
}

/* By finish date, so that the path reads in the order it happens. */
static int
compare_critical (gconstpointer a,
                  gconstpointer b)
{
  const IrReviewCriticalTask *first = *(const IrReviewCriticalTask * const *) a;
  const IrReviewCriticalTask *second = *(const IrReviewCriticalTask * const *) b;

  if (first->finish != second->finish)
    return first->finish < second->finish ? -1 : 1;
  if (first->start != second->start)
    return first->start < second->start ? -1 : 1;

  return g_strcmp0 (first->name, second->name);
}

static void
collect_critical_path (IrReviewAgenda *agenda,
                       IrSchedule     *old_plan,
                       IrSchedule     *new_plan)
{
  guint n_order = 0;
  const guint *order = ir_schedule_get_outline_order (new_plan, &n_order);

  for (guint i = 0; i < n_order; i++)
    {
      const IrScheduleTask *task = ir_schedule_get_task (new_plan, order[i]);
      const IrScheduleTask *old = ir_schedule_lookup_task (old_plan, task->id);
      IrReviewCriticalTask *critical;

      if (is_summary (task) || !(task->flags & IR_TASK_CRITICAL))
        continue;

      /* A finished task no longer drives the end date. */
      if (task->actual_finish != IR_DAY_NONE || task->progress >= 100)
        continue;

      critical = g_new0 (IrReviewCriticalTask, 1);
      critical->task = g_strdup (task->id);
      critical->name = g_strdup (task->name);
      critical->start = task->start;
      critical->finish = task->finish;
      critical->milestone = task->milestone;
      critical->newly_critical = ir_schedule_get_n_tasks (old_plan) > 0 &&
                                 (old == NULL || !(old->flags & IR_TASK_CRITICAL));
      g_ptr_array_add (agenda->critical, critical);
    }

  g_ptr_array_sort (agenda->critical, compare_critical);
}

gboolean
ir_review_collect_plan (IrReviewAgenda  *agenda,
                        IrStore         *before,
                        IrStore         *after,
                        GError         **error)
{
  g_autoptr(IrSchedule) old_plan = load_schedule (before, error);
  g_autoptr(IrSchedule) new_plan = NULL;

  if (old_plan == NULL)
    return FALSE;

  new_plan = load_schedule (after, error);
  if (new_plan == NULL)
    return FALSE;

  collect_task_changes (agenda, old_plan, new_plan, after);
  collect_confirmations (agenda, before, after);
  collect_critical_path (agenda, old_plan, new_plan);

  return TRUE;
}

/* --- escalations ---------------------------------------------------------- */

static int
compare_escalations (gconstpointer a,
                     gconstpointer b)
{
  const IrReviewEscalation *first = *(const IrReviewEscalation * const *) a;
  const IrReviewEscalation *second = *(const IrReviewEscalation * const *) b;

  if (first->tier != second->tier)
    return (int) second->tier - (int) first->tier;
  if (first->delay != second->delay)
    return second->delay - first->delay;

  return g_strcmp0 (first->title, second->title);
}

static IrReviewEscalation *
escalation_new (IrStore                *after,
                const IrEscalationItem *item)
{
  IrReviewEscalation *escalation = g_new0 (IrReviewEscalation, 1);
  const IrSlip *slip = item->slip;
  IrEscalationStatus status = { 0 };

  escalation->tier = item->tier;
  escalation->subject = g_strdup (item->subject_id);
  escalation->title = g_strdup (slip->title);
  escalation->owner_name = ir_review_dup_member_name (after, slip->owner_id);
  escalation->commitment = slip->commitment;
  escalation->forecast = slip->forecast;
  escalation->delay = slip->delay;
  if (slip->chain != NULL && slip->chain->len > 0)
    escalation->chain = ir_slip_describe_chain (slip);

  /* A provisional evaluation names the escalation it would raise, which
   * the room has only once the server (or a local-only room) raised it. */
  if (item->escalation_id != NULL &&
      ir_escalation_get_status (after, item->escalation_id, &status))
    escalation->state = g_strdup (ir_escalation_state_to_string (status.state));

  return escalation;
}

/**
 * ir_review_collect_escalations:
 * @after: the room at the end of the range
 * @now: the time that decides how late each item is
 *
 * Lists what escalates at @now, red first: the open escalations, and the
 * slips that would escalate but were not raised yet. Nothing is written.
 */
gboolean
ir_review_collect_escalations (IrReviewAgenda  *agenda,
                               IrStore         *after,
                               GDateTime       *now,
                               GError         **error)
{
  g_autoptr(IrEscalationReport) report = ir_escalation_evaluate (after, now, TRUE, error);

  if (report == NULL)
    return FALSE;

  agenda->today = report->today;
  for (guint i = 0; i < report->items->len; i++)
    {
      const IrEscalationItem *item = g_ptr_array_index (report->items, i);

      if (item->tier == IR_TIER_NONE || item->slip == NULL)
        continue;

      g_ptr_array_add (agenda->escalations, escalation_new (after, item));
    }

  g_ptr_array_sort (agenda->escalations, compare_escalations);
  return TRUE;
}
