/* ir-plan-page-edit.c: the plan page's edits of tasks and links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each user action is one transaction, so that one undo takes it back.
 * Rules that need the whole plan, such as no dependency cycles, are checked
 * here against the computed schedule before anything is written.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-page-private.h"
#include "ir-position.h"
#include "ir-ui-util.h"

/* --- helpers -------------------------------------------------------------- */

/* Commits @tx, or shows why it failed under @heading. */
gboolean
ir_plan_page_commit (IrPlanPage *self,
                     IrTx       *tx,
                     const char *heading)
{
  g_autoptr(GError) error = NULL;

  if (ir_store_commit (self->store, tx, &error))
    return TRUE;

  ir_plan_page_show_error (self, heading, error->message);
  return FALSE;
}

static IrEntity *
get_task_entity (IrPlanPage *self,
                 const char *task_id)
{
  IrEntity *entity = self->store ? ir_store_get_entity (self->store, "task", task_id) : NULL;

  if (entity != NULL && !ir_entity_is_visible (entity))
    g_clear_object (&entity);

  return entity;
}

static const char *
position_of (IrPlanPage     *self,
             IrScheduleTask *task,
             IrEntity      **holder)
{
  if (task == NULL)
    return NULL;

  *holder = get_task_entity (self, task->id);
  return *holder ? ir_entity_get_string (*holder, "position") : NULL;
}

/* Returns a position key between the task at @index of @siblings and the
 * one after it; @index -1 is before the first. */
static char *
position_after (IrPlanPage  *self,
                const guint *siblings,
                guint        n_siblings,
                int          index)
{
  g_autoptr(IrEntity) before_entity = NULL;
  g_autoptr(IrEntity) after_entity = NULL;
  IrScheduleTask *before = NULL, *after = NULL;
  const char *before_key, *after_key;

  if (index >= 0 && (guint) index < n_siblings)
    before = ir_schedule_get_task (self->schedule, siblings[index]);
  if ((guint) (index + 1) < n_siblings)
    after = ir_schedule_get_task (self->schedule, siblings[index + 1]);

  before_key = position_of (self, before, &before_entity);
  after_key = position_of (self, after, &after_entity);

  /* Keys out of order after a merge would make an invalid gap. */
  if (before_key != NULL && after_key != NULL && g_strcmp0 (before_key, after_key) >= 0)
    after_key = NULL;

  return ir_position_between (before_key, after_key, ir_store_get_client_id (self->store));
}

static int
index_among (const guint    *siblings,
             guint           n_siblings,
             IrScheduleTask *task)
{
  for (guint i = 0; i < n_siblings; i++)
    if (siblings[i] == task->index)
      return (int) i;

  return -1;
}

/* --- fields --------------------------------------------------------------- */

/* Writes one text, date or reference field of a task; %NULL clears it. */
void
ir_plan_page_set_text (IrPlanPage *self,
                       const char *task_id,
                       const char *field,
                       const char *value)
{
  g_autoptr(IrTx) tx = ir_store_begin (self->store);

  if (value != NULL)
    ir_tx_set_string (tx, "task", task_id, field, value);
  else
    ir_tx_set_null (tx, "task", task_id, field);

  ir_plan_page_commit (self, tx, _("The Task Could Not Be Changed"));
}

void
ir_plan_page_set_number (IrPlanPage *self,
                         const char *task_id,
                         const char *field,
                         gint64      value)
{
  g_autoptr(IrTx) tx = ir_store_begin (self->store);

  ir_tx_set_int (tx, "task", task_id, field, value);
  ir_plan_page_commit (self, tx, _("The Task Could Not Be Changed"));
}

/* --- dates and links ------------------------------------------------------ */

/**
 * ir_plan_page_move_task:
 *
 * Moves a task to start on @start. A task pinned to a start date gets the
 * new date. Any other task gets "start no earlier than" @start, so that
 * its links can still push it later.
 *
 * Returns: whether the task was changed
 */
gboolean
ir_plan_page_move_task (IrPlanPage *self,
                        const char *task_id,
                        IrDay       start)
{
  g_autoptr(IrEntity) entity = get_task_entity (self, task_id);
  IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule, task_id) : NULL;
  char day[IR_DAY_STRING_SIZE];
  g_autoptr(IrTx) tx = NULL;

  if (entity == NULL || task == NULL || start == IR_DAY_NONE)
    return FALSE;

  if (task->flags & IR_TASK_SUMMARY)
    {
      ir_plan_page_show_toast (self, _("A summary task follows its subtasks. Move the subtasks "
                                       "instead."));
      return FALSE;
    }

  ir_day_format (start, day);
  tx = ir_store_begin (self->store);
  if (ir_entity_get_string (entity, "start") != NULL)
    {
      ir_tx_set_string (tx, "task", task_id, "start", day);
    }
  else
    {
      ir_tx_set_string (tx, "task", task_id, "constraint", "snet");
      ir_tx_set_string (tx, "task", task_id, "constraint_date", day);
    }

  return ir_plan_page_commit (self, tx, _("The Task Could Not Be Moved"));
}

gboolean
ir_plan_page_resize_task (IrPlanPage *self,
                          const char *task_id,
                          int         duration)
{
  IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule, task_id) : NULL;
  g_autoptr(IrTx) tx = NULL;

  if (task == NULL || duration < 0 || (task->flags & IR_TASK_SUMMARY))
    return FALSE;

  tx = ir_store_begin (self->store);
  ir_tx_set_int (tx, "task", task_id, "duration", duration);

  return ir_plan_page_commit (self, tx, _("The Task Could Not Be Changed"));
}

static gboolean
are_linked (IrPlanPage *self,
            const char *predecessor_id,
            const char *successor_id)
{
  guint n = ir_schedule_get_n_links (self->schedule);

  for (guint i = 0; i < n; i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (self->schedule, i);

      if (g_strcmp0 (link->predecessor_id, predecessor_id) == 0 &&
          g_strcmp0 (link->successor_id, successor_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ir_plan_page_link_tasks:
 *
 * Links two tasks finish to start, unless the link would close a
 * dependency cycle, which is shown with the tasks that form it.
 *
 * Returns: whether the link was written
 */
gboolean
ir_plan_page_link_tasks (IrPlanPage *self,
                         const char *predecessor_id,
                         const char *successor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;

  if (self->schedule == NULL || g_strcmp0 (predecessor_id, successor_id) == 0 ||
      ir_schedule_lookup_task (self->schedule, predecessor_id) == NULL ||
      ir_schedule_lookup_task (self->schedule, successor_id) == NULL)
    return FALSE;

  if (are_linked (self, predecessor_id, successor_id))
    {
      ir_plan_page_show_toast (self, _("These tasks are already linked."));
      return FALSE;
    }

  if (!ir_schedule_check_link (self->schedule, predecessor_id, successor_id, NULL, &error))
    {
      ir_plan_page_show_error (self, _("The Tasks Could Not Be Linked"), error->message);
      return FALSE;
    }

  tx = ir_store_begin (self->store);
  eid = ir_tx_create (tx, "dependency");
  ir_tx_set_string (tx, "dependency", eid, "successor", successor_id);
  ir_tx_set_string (tx, "dependency", eid, "predecessor", predecessor_id);
  ir_tx_set_string (tx, "dependency", eid, "type", "FS");
  ir_tx_set_int (tx, "dependency", eid, "lag", 0);

  return ir_plan_page_commit (self, tx, _("The Tasks Could Not Be Linked"));
}

/* --- outline -------------------------------------------------------------- */

/**
 * ir_plan_page_add_task:
 *
 * Adds a task or a milestone below the selected task, at its level, or at
 * the end of the plan, and selects it. It starts no earlier than the
 * selected task, so that it appears beside it and links can move it.
 *
 * Returns: whether a task was added
 */
gboolean
ir_plan_page_add_task (IrPlanPage *self,
                       gboolean    milestone)
{
  IrScheduleTask *selected = ir_plan_page_get_selected_task (self);
  IrScheduleTask *parent = NULL;
  g_autoptr(IrEntity) me = ir_store_find_own_member (self->store);
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *position = NULL;
  const guint *siblings = NULL;
  guint n_siblings = 0;
  IrDay start = ir_gantt_day_today ();
  char day[IR_DAY_STRING_SIZE];
  int index;

  if (self->schedule != NULL && ir_schedule_is_computed (self->schedule))
    {
      parent = selected ? ir_schedule_get_parent (self->schedule, selected) : NULL;
      siblings = ir_schedule_get_children (self->schedule, parent, &n_siblings);
    }

  index = selected ? index_among (siblings, n_siblings, selected) : (int) n_siblings - 1;
  if (selected != NULL && selected->start != IR_DAY_NONE)
    start = selected->start;
  position = position_after (self, siblings, n_siblings, index);

  tx = ir_store_begin (self->store);
  eid = ir_tx_create (tx, "task");
  if (parent != NULL)
    ir_tx_set_string (tx, "task", eid, "parent", parent->id);
  ir_tx_set_string (tx, "task", eid, "name", milestone ? _("New milestone") : _("New task"));
  ir_tx_set_string (tx, "task", eid, "position", position);
  ir_tx_set_boolean (tx, "task", eid, "milestone", milestone);
  ir_tx_set_int (tx, "task", eid, "duration", milestone ? 0 : 5);
  ir_tx_set_string (tx, "task", eid, "constraint", "snet");
  ir_tx_set_string (tx, "task", eid, "constraint_date", ir_day_format (start, day));
  if (me != NULL)
    ir_tx_set_string (tx, "task", eid, "owner", ir_entity_get_id (me));

  if (!ir_plan_page_commit (self, tx, _("The Task Could Not Be Added")))
    return FALSE;

  ir_plan_page_select_task (self, eid);
  return TRUE;
}

/**
 * ir_plan_page_indent:
 * @outdent: move the task up a level rather than down
 *
 * Indenting makes the selected task the last subtask of the task above it
 * at its level. Outdenting places it after its parent, at its parent's
 * level.
 *
 * Returns: whether the task moved
 */
gboolean
ir_plan_page_indent (IrPlanPage *self,
                     gboolean    outdent)
{
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  IrScheduleTask *parent, *new_parent;
  g_autofree char *position = NULL;
  g_autofree char *task_id = NULL;
  g_autoptr(IrTx) tx = NULL;
  const guint *siblings;
  guint n_siblings;
  int index;

  if (task == NULL)
    return FALSE;

  parent = ir_schedule_get_parent (self->schedule, task);
  siblings = ir_schedule_get_children (self->schedule, parent, &n_siblings);
  index = index_among (siblings, n_siblings, task);

  if (!outdent)
    {
      const guint *children;
      guint n_children;

      if (index <= 0)
        return FALSE;

      new_parent = ir_schedule_get_task (self->schedule, siblings[index - 1]);
      children = ir_schedule_get_children (self->schedule, new_parent, &n_children);
      position = position_after (self, children, n_children, (int) n_children - 1);
    }
  else
    {
      const guint *uncles;
      guint n_uncles;

      if (parent == NULL)
        return FALSE;

      new_parent = ir_schedule_get_parent (self->schedule, parent);
      uncles = ir_schedule_get_children (self->schedule, new_parent, &n_uncles);
      position = position_after (self, uncles, n_uncles, index_among (uncles, n_uncles, parent));
    }

  task_id = g_strdup (task->id);
  tx = ir_store_begin (self->store);
  if (new_parent != NULL)
    ir_tx_set_string (tx, "task", task_id, "parent", new_parent->id);
  else
    ir_tx_set_null (tx, "task", task_id, "parent");
  ir_tx_set_string (tx, "task", task_id, "position", position);

  if (!ir_plan_page_commit (self, tx, outdent ? _("The Task Could Not Be Outdented")
                                              : _("The Task Could Not Be Indented")))
    return FALSE;

  ir_plan_page_select_task (self, task_id);
  return TRUE;
}

static gboolean
is_within (IrPlanPage     *self,
           IrScheduleTask *task,
           IrScheduleTask *ancestor)
{
  for (guint depth = 0; task != NULL && depth < 256; depth++)
    {
      if (task == ancestor)
        return TRUE;
      task = ir_schedule_get_parent (self->schedule, task);
    }

  return FALSE;
}

/**
 * ir_plan_page_delete_task:
 *
 * Moves the selected task and its subtasks to the trash, with the links
 * from them to tasks that stay. Links into them go with them, as children
 * of their successor.
 *
 * Returns: whether the task was deleted
 */
gboolean
ir_plan_page_delete_task (IrPlanPage *self)
{
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n_links;

  if (task == NULL)
    return FALSE;

  name = g_strdup (task->name ? task->name : "");
  tx = ir_store_begin (self->store);
  ir_tx_delete (tx, "task", task->id);

  n_links = ir_schedule_get_n_links (self->schedule);
  for (guint i = 0; i < n_links; i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (self->schedule, i);
      IrScheduleTask *from = ir_schedule_lookup_task (self->schedule, link->predecessor_id);
      IrScheduleTask *to = ir_schedule_lookup_task (self->schedule, link->successor_id);

      if (from != NULL && to != NULL && is_within (self, from, task) && !is_within (self, to, task))
        ir_tx_delete (tx, "dependency", link->id);
    }

  if (!ir_plan_page_commit (self, tx, _("The Task Could Not Be Deleted")))
    return FALSE;

  /* Translators: %s is the name of the deleted task. */
  message = g_strdup_printf (_("“%s” moved to the trash. Press Ctrl+Z to undo."), name);
  ir_plan_page_show_toast (self, message);
  return TRUE;
}

/* --- baselines ------------------------------------------------------------ */

/**
 * ir_plan_page_save_baseline:
 *
 * Saves every task's scheduled start, finish and duration as the next
 * baseline, numbered 0 to 10 as in Microsoft Project.
 *
 * Returns: whether it was saved
 */
gboolean
ir_plan_page_save_baseline (IrPlanPage *self)
{
  g_autoptr(IrEntityList) baselines = ir_store_list (self->store, "baseline");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (baselines));
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *name = NULL;
  int number = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) baseline = g_list_model_get_item (G_LIST_MODEL (baselines), i);

      number = MAX (number, (int) ir_entity_get_int (baseline, "number"));
    }

  if (number >= IR_BASELINE_MAX)
    {
      ir_plan_page_show_error (self, _("The Baseline Could Not Be Saved"),
                               _("The plan already has eleven baselines, numbered 0 to 10, "
                                 "which is the most that Microsoft Project files can carry. "
                                 "Compare the plan with the latest of them instead."));
      return FALSE;
    }
  number++;

  tx = ir_store_begin (self->store);
  eid = ir_tx_create (tx, "baseline");
  /* Translators: the name of a saved baseline; %d is its number. */
  name = g_strdup_printf (_("Baseline %d"), number);
  ir_tx_set_string (tx, "baseline", eid, "name", name);
  ir_tx_set_int (tx, "baseline", eid, "number", number);
  ir_tx_set_int (tx, "baseline", eid, "saved", g_get_real_time ());

  for (guint i = 0; i < ir_schedule_get_n_tasks (self->schedule); i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (self->schedule, i);
      g_autofree char *row = NULL;
      char day[IR_DAY_STRING_SIZE];

      if (task->start == IR_DAY_NONE)
        continue;

      row = ir_tx_create (tx, "baseline_task");
      ir_tx_set_string (tx, "baseline_task", row, "baseline", eid);
      ir_tx_set_string (tx, "baseline_task", row, "task", task->id);
      ir_tx_set_string (tx, "baseline_task", row, "start", ir_day_format (task->start, day));
      ir_tx_set_string (tx, "baseline_task", row, "finish", ir_day_format (task->finish, day));
      ir_tx_set_int (tx, "baseline_task", row, "duration", MAX (0, task->scheduled_duration));
    }

  return ir_plan_page_commit (self, tx, _("The Baseline Could Not Be Saved"));
}
