/* ir-schedule.c: tasks, links and results of a schedule
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-schedule-private.h"

G_DEFINE_QUARK (ir-schedule-error-quark, ir_schedule_error)

/* --- names --------------------------------------------------------------- */

/* The task entity's constraint names; DEFAULT has none. */
static const char * const constraint_names[] = {
  NULL, "asap", "alap", "snet", "snlt", "fnet", "fnlt", "mso", "mfo",
};

static const char * const link_type_names[] = { "FS", "SS", "FF", "SF" };

const char *
ir_constraint_to_string (IrConstraint constraint)
{
  g_return_val_if_fail (constraint <= IR_CONSTRAINT_MFO, NULL);

  return constraint_names[constraint];
}

gboolean
ir_constraint_from_string (const char   *text,
                           IrConstraint *constraint)
{
  for (guint i = IR_CONSTRAINT_ASAP; i < G_N_ELEMENTS (constraint_names); i++)
    if (g_strcmp0 (text, constraint_names[i]) == 0)
      {
        *constraint = i;
        return TRUE;
      }

  return FALSE;
}

const char *
ir_link_type_to_string (IrLinkType type)
{
  g_return_val_if_fail (type <= IR_LINK_SF, NULL);

  return link_type_names[type];
}

gboolean
ir_link_type_from_string (const char *text,
                          IrLinkType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_type_names); i++)
    if (g_strcmp0 (text, link_type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }

  return FALSE;
}

/* --- life cycle ---------------------------------------------------------- */

static void
task_free (gpointer data)
{
  IrScheduleTask *task = data;

  g_free (task->id);
  g_free (task->name);
  g_free (task->parent_id);
  g_free (task->external_id);
  g_free (task->wbs);
  g_free (task->notes);
  g_clear_pointer (&task->baselines, g_array_unref);
  g_free (task);
}

static void
link_free (gpointer data)
{
  IrScheduleLink *link = data;

  g_free (link->id);
  g_free (link->predecessor_id);
  g_free (link->successor_id);
  g_free (link);
}

/**
 * ir_schedule_new:
 * @calendar: (nullable): the working calendar, or %NULL for Monday to
 *   Friday without holidays
 *
 * Creates an empty schedule that schedules forward.
 *
 * Returns: (transfer full): a new schedule
 */
IrSchedule *
ir_schedule_new (IrCalendar *calendar)
{
  IrSchedule *self = g_new0 (IrSchedule, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->calendar = calendar != NULL ? ir_calendar_ref (calendar) : ir_calendar_new ();
  self->mode = IR_SCHEDULE_FORWARD;
  self->tasks = g_ptr_array_new_with_free_func (task_free);
  self->links = g_ptr_array_new_with_free_func (link_free);
  self->task_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

IrSchedule *
ir_schedule_ref (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ir_schedule_unref (IrSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  ir_schedule_graph_clear (&self->graph);
  g_free (self->driver);
  g_hash_table_unref (self->task_by_id);
  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->tasks);
  ir_calendar_unref (self->calendar);
  g_free (self->name);
  g_free (self);
}

void
ir_schedule_invalidate (IrSchedule *self)
{
  self->computed = FALSE;
  ir_schedule_graph_clear (&self->graph);
  g_clear_pointer (&self->driver, g_free);
}

/* --- properties ---------------------------------------------------------- */

IrCalendar *
ir_schedule_get_calendar (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->calendar;
}

void
ir_schedule_set_calendar (IrSchedule *self,
                          IrCalendar *calendar)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (calendar != NULL);

  ir_calendar_ref (calendar);
  ir_calendar_unref (self->calendar);
  self->calendar = calendar;
}

const char *
ir_schedule_get_name (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

void
ir_schedule_set_name (IrSchedule *self,
                      const char *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
}

IrScheduleMode
ir_schedule_get_mode (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, IR_SCHEDULE_FORWARD);

  return self->mode;
}

void
ir_schedule_set_mode (IrSchedule     *self,
                      IrScheduleMode  mode)
{
  g_return_if_fail (self != NULL);

  self->mode = mode;
}

IrDay
ir_schedule_get_project_start (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, IR_DAY_NONE);

  return self->project_start;
}

/* Sets the date a forward schedule starts from. Without one, the earliest
 * date in the plan is used, or today. */
void
ir_schedule_set_project_start (IrSchedule *self,
                               IrDay       day)
{
  g_return_if_fail (self != NULL);

  self->project_start = day;
}

IrDay
ir_schedule_get_project_finish (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, IR_DAY_NONE);

  return self->project_finish;
}

/* Sets the date a backward schedule must finish on. Without one, the
 * latest date in the plan is used, or today. */
void
ir_schedule_set_project_finish (IrSchedule *self,
                                IrDay       day)
{
  g_return_if_fail (self != NULL);

  self->project_finish = day;
}

/* --- tasks and links ----------------------------------------------------- */

/**
 * ir_schedule_add_task:
 * @self: a schedule
 * @id: the task's id, unique in @self
 *
 * Adds a task with no duration and no links at the end of the schedule.
 * Subtasks keep the order in which they were added.
 *
 * Returns: (transfer none) (nullable): the new task, or %NULL when a task
 *   with @id exists
 */
IrScheduleTask *
ir_schedule_add_task (IrSchedule *self,
                      const char *id)
{
  IrScheduleTask *task;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_hash_table_contains (self->task_by_id, id))
    return NULL;

  task = g_new0 (IrScheduleTask, 1);
  task->id = g_strdup (id);
  task->index = self->tasks->len;
  task->outline_level = 1;
  g_ptr_array_add (self->tasks, task);
  g_hash_table_insert (self->task_by_id, task->id, task);
  ir_schedule_invalidate (self);

  return task;
}

/* Removes a task; links to or from it stay, flagged broken at the next
 * compute, as after a merge that deleted the task. */
gboolean
ir_schedule_remove_task (IrSchedule *self,
                         const char *id)
{
  IrScheduleTask *task;
  guint index;

  g_return_val_if_fail (self != NULL, FALSE);

  task = g_hash_table_lookup (self->task_by_id, id);
  if (task == NULL)
    return FALSE;

  index = task->index;
  g_hash_table_remove (self->task_by_id, id);
  g_ptr_array_remove_index (self->tasks, index);

  for (guint t = index; t < self->tasks->len; t++)
    ((IrScheduleTask *) g_ptr_array_index (self->tasks, t))->index = t;

  ir_schedule_invalidate (self);
  return TRUE;
}

IrScheduleTask *
ir_schedule_lookup_task (IrSchedule *self,
                         const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return id != NULL ? g_hash_table_lookup (self->task_by_id, id) : NULL;
}

guint
ir_schedule_get_n_tasks (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tasks->len;
}

IrScheduleTask *
ir_schedule_get_task (IrSchedule *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->tasks->len, NULL);

  return g_ptr_array_index (self->tasks, index);
}

static void
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

void
ir_schedule_task_set_name (IrScheduleTask *task,
                           const char     *name)
{
  replace_string (&task->name, name);
}

void
ir_schedule_task_set_parent (IrScheduleTask *task,
                             const char     *parent_id)
{
  replace_string (&task->parent_id, parent_id);
}

void
ir_schedule_task_set_external_id (IrScheduleTask *task,
                                  const char     *external_id)
{
  replace_string (&task->external_id, external_id);
}

void
ir_schedule_task_set_wbs (IrScheduleTask *task,
                          const char     *wbs)
{
  replace_string (&task->wbs, wbs);
}

void
ir_schedule_task_set_notes (IrScheduleTask *task,
                            const char     *notes)
{
  replace_string (&task->notes, notes);
}

/**
 * ir_schedule_add_link:
 * @self: a schedule
 * @id: (nullable): the link's id, such as the dependency entity's
 * @predecessor_id: the task the link starts from
 * @successor_id: the task it constrains
 * @type: which ends the link ties
 * @lag: working days between them, negative for a lead
 *
 * Adds a link. Its tasks need not exist yet; a link whose task is still
 * missing when the schedule is computed is flagged %IR_LINK_BROKEN and
 * ignored. Use ir_schedule_check_link() first for a link a user draws.
 *
 * Returns: (transfer none): the new link
 */
IrScheduleLink *
ir_schedule_add_link (IrSchedule *self,
                      const char *id,
                      const char *predecessor_id,
                      const char *successor_id,
                      IrLinkType  type,
                      int         lag)
{
  IrScheduleLink *link;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (predecessor_id != NULL && successor_id != NULL, NULL);
  g_return_val_if_fail (type <= IR_LINK_SF, NULL);

  link = g_new0 (IrScheduleLink, 1);
  link->id = g_strdup (id);
  link->predecessor_id = g_strdup (predecessor_id);
  link->successor_id = g_strdup (successor_id);
  link->type = type;
  link->lag = lag;
  link->index = self->links->len;
  g_ptr_array_add (self->links, link);
  ir_schedule_invalidate (self);

  return link;
}

gboolean
ir_schedule_remove_link (IrSchedule     *self,
                         IrScheduleLink *link)
{
  guint index;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_ptr_array_find (self->links, link, &index))
    return FALSE;

  g_ptr_array_remove_index (self->links, index);
  for (guint l = index; l < self->links->len; l++)
    ((IrScheduleLink *) g_ptr_array_index (self->links, l))->index = l;

  ir_schedule_invalidate (self);
  return TRUE;
}

guint
ir_schedule_get_n_links (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->links->len;
}

IrScheduleLink *
ir_schedule_get_link (IrSchedule *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  return g_ptr_array_index (self->links, index);
}

/* --- results ------------------------------------------------------------- */

/* Whether the results are those of the current tasks and links: adding or
 * removing either clears it. Edits of a task's fields do not. */
gboolean
ir_schedule_is_computed (IrSchedule *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->computed;
}

/* Returns the earliest scheduled start and the latest scheduled finish. */
void
ir_schedule_get_span (IrSchedule *self,
                      IrDay      *start,
                      IrDay      *finish)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->computed);

  if (start != NULL)
    *start = self->span_start;
  if (finish != NULL)
    *finish = self->span_finish;
}

IrScheduleTask *
ir_schedule_get_parent (IrSchedule     *self,
                        IrScheduleTask *task)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  if (self->graph.parent[task->index] < 0)
    return NULL;

  return g_ptr_array_index (self->tasks, self->graph.parent[task->index]);
}

/**
 * ir_schedule_get_children:
 * @self: a computed schedule
 * @task: (nullable): a task, or %NULL for the top level
 * @n_children: (out): the number of children
 *
 * Lists a task's subtasks in order, as indexes for ir_schedule_get_task().
 *
 * Returns: (transfer none) (array length=n_children): task indexes
 */
const guint *
ir_schedule_get_children (IrSchedule     *self,
                          IrScheduleTask *task,
                          guint          *n_children)
{
  guint slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  slot = task != NULL ? task->index : self->tasks->len;
  *n_children = self->graph.child_start[slot + 1] - self->graph.child_start[slot];

  return self->graph.children + self->graph.child_start[slot];
}

/* Returns the link that sets @task's scheduled start or finish, or %NULL
 * when its constraint, a pin or the project start does. Following driving
 * links back gives the chain of predecessors that a slip came through. */
IrScheduleLink *
ir_schedule_get_driving_link (IrSchedule     *self,
                              IrScheduleTask *task)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  if (self->driver[task->index] < 0)
    return NULL;

  return g_ptr_array_index (self->links, self->driver[task->index]);
}

/* Returns the task's outline number, such as "2.1.3". */
char *
ir_schedule_get_outline_number (IrSchedule     *self,
                                IrScheduleTask *task)
{
  GString *number = g_string_new (NULL);
  gint32 at;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  for (at = task->index; at >= 0; at = self->graph.parent[at])
    {
      char part[16];

      g_snprintf (part, sizeof part, "%u%s", self->graph.sibling_number[at],
                  number->len > 0 ? "." : "");
      g_string_prepend (number, part);
    }

  return g_string_free (number, FALSE);
}

/**
 * ir_schedule_get_outline_order:
 * @self: a computed schedule
 * @n_tasks: (out): the number of tasks
 *
 * Lists every task depth first, each summary just before its subtasks, as
 * a Gantt chart's rows show them.
 *
 * Returns: (transfer none) (array length=n_tasks): task indexes
 */
const guint *
ir_schedule_get_outline_order (IrSchedule *self,
                               guint      *n_tasks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->computed, NULL);

  *n_tasks = self->graph.n_tasks;
  return self->graph.outline_order;
}
