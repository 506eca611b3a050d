/* ir-plan-rows.c: the plan's tasks as the rows of the table and chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are the tasks in outline order, depth first, without the
 * subtasks of collapsed summaries. A task keeps one row object while it is
 * shown. A change of the outline replaces only the rows between the
 * unchanged start and end of the list, which keeps the table's scroll
 * position. After a reschedule only the watched rows, those that cells on
 * screen show, emit "changed", because signalling all 10,000 would cost
 * more than the reschedule itself.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include "ir-plan-rows.h"

struct _IrPlanRow
{
  GObject         parent_instance;

  char           *id;
  IrScheduleTask *task;
  guint           depth;
  gboolean        has_children;
  gboolean        expanded;
  guint           watchers;
};

struct _IrPlanRows
{
  GObject     parent_instance;

  IrSchedule *schedule;
  GPtrArray  *rows;        /* IrPlanRow*, in order */
  GPtrArray  *tasks;       /* IrScheduleTask*, in the same order */
  GHashTable *by_id;       /* task id → IrPlanRow*, the shown ones */
  GHashTable *collapsed;   /* ids of collapsed summaries */
  GHashTable *watched;     /* IrPlanRow*, owned: the rows that cells show */
};

enum {
  ROW_SIGNAL_CHANGED,
  ROW_N_SIGNALS
};

static guint row_signals[ROW_N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (IrPlanRow, ir_plan_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (IrPlanRows, ir_plan_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* --- IrPlanRow ------------------------------------------------------------ */

static void
ir_plan_row_finalize (GObject *object)
{
  IrPlanRow *self = IR_PLAN_ROW (object);

  g_free (self->id);

  G_OBJECT_CLASS (ir_plan_row_parent_class)->finalize (object);
}

static void
ir_plan_row_class_init (IrPlanRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_plan_row_finalize;

  /**
   * IrPlanRow::changed:
   *
   * Emitted when the task's values or results may have changed, so that
   * the cells that show it update.
   */
  row_signals[ROW_SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ir_plan_row_init (IrPlanRow *self)
{
}

IrScheduleTask *
ir_plan_row_get_task (IrPlanRow *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROW (self), NULL);

  return self->task;
}

const char *
ir_plan_row_get_id (IrPlanRow *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROW (self), NULL);

  return self->id;
}

/* Returns the outline depth: 0 for a task at the top level. */
guint
ir_plan_row_get_depth (IrPlanRow *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROW (self), 0);

  return self->depth;
}

gboolean
ir_plan_row_has_children (IrPlanRow *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROW (self), FALSE);

  return self->has_children;
}

gboolean
ir_plan_row_is_expanded (IrPlanRow *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROW (self), FALSE);

  return self->expanded;
}

/* --- GListModel ----------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return IR_TYPE_PLAN_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return IR_PLAN_ROWS (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  IrPlanRows *self = IR_PLAN_ROWS (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* --- building the rows ---------------------------------------------------- */

static IrPlanRow *
take_row (IrPlanRows     *self,
          GHashTable     *old_rows,
          IrScheduleTask *task)
{
  IrPlanRow *row = g_hash_table_lookup (old_rows, task->id);

  if (row != NULL)
    {
      g_hash_table_steal (old_rows, task->id);
    }
  else
    {
      row = g_object_new (IR_TYPE_PLAN_ROW, NULL);
      row->id = g_strdup (task->id);
    }

  row->task = task;
  g_hash_table_insert (self->by_id, row->id, row);

  return row;
}

/* Lists the shown tasks depth first, with an explicit stack because an
 * outline can be deeper than the C stack is comfortable with. */
static void
collect_rows (IrPlanRows *self,
              GPtrArray  *rows,
              GHashTable *old_rows)
{
  IrSchedule *schedule = self->schedule;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint *roots;
  guint n_roots;

  roots = ir_schedule_get_children (schedule, NULL, &n_roots);
  for (guint i = n_roots; i > 0; i--)
    g_array_append_val (stack, roots[i - 1]);

  while (stack->len > 0)
    {
      guint index = g_array_index (stack, guint, stack->len - 1);
      IrScheduleTask *task = ir_schedule_get_task (schedule, index);
      const guint *children;
      guint n_children;
      IrPlanRow *row;

      g_array_set_size (stack, stack->len - 1);
      children = ir_schedule_get_children (schedule, task, &n_children);

      row = take_row (self, old_rows, task);
      row->depth = task->outline_level > 0 ? task->outline_level - 1 : 0;
      row->has_children = n_children > 0;
      row->expanded = n_children > 0 && !g_hash_table_contains (self->collapsed, task->id);
      g_ptr_array_add (rows, row);
      g_ptr_array_add (self->tasks, task);

      if (row->expanded)
        for (guint i = n_children; i > 0; i--)
          g_array_append_val (stack, children[i - 1]);
    }
}

static void
rebuild (IrPlanRows *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->rows);
  g_autoptr(GHashTable) old_rows = g_steal_pointer (&self->by_id);
  guint prefix = 0, suffix = 0;
  GHashTableIter iter;
  gpointer row;

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->rows = g_ptr_array_new ();
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = g_ptr_array_new ();

  if (self->schedule != NULL && ir_schedule_is_computed (self->schedule))
    collect_rows (self, self->rows, old_rows);

  /* The rows that stayed keep their objects, so the unchanged start and
   * end of the list are found by comparing pointers. */
  while (prefix < old->len && prefix < self->rows->len &&
         old->pdata[prefix] == self->rows->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < self->rows->len - prefix &&
         old->pdata[old->len - 1 - suffix] == self->rows->pdata[self->rows->len - 1 - suffix])
    suffix++;

  /* Rows that left may still be watched until their cells are unbound;
   * they must not point into a schedule that may be freed. */
  g_hash_table_iter_init (&iter, old_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    ((IrPlanRow *) row)->task = NULL;

  if (prefix != old->len || prefix != self->rows->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                self->rows->len - prefix - suffix);

  ir_plan_rows_refresh (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_plan_rows_finalize (GObject *object)
{
  IrPlanRows *self = IR_PLAN_ROWS (object);

  g_clear_pointer (&self->schedule, ir_schedule_unref);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->tasks);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->collapsed);
  g_hash_table_unref (self->watched);

  G_OBJECT_CLASS (ir_plan_rows_parent_class)->finalize (object);
}

static void
ir_plan_rows_class_init (IrPlanRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_plan_rows_finalize;
}

static void
ir_plan_rows_init (IrPlanRows *self)
{
  self->rows = g_ptr_array_new ();
  self->tasks = g_ptr_array_new ();
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* --- public API ----------------------------------------------------------- */

IrPlanRows *
ir_plan_rows_new (void)
{
  return g_object_new (IR_TYPE_PLAN_ROWS, NULL);
}

/* Shows the tasks of @schedule, which must be computed. */
void
ir_plan_rows_set_schedule (IrPlanRows *self,
                           IrSchedule *schedule)
{
  g_return_if_fail (IR_IS_PLAN_ROWS (self));

  if (schedule != NULL)
    ir_schedule_ref (schedule);
  g_clear_pointer (&self->schedule, ir_schedule_unref);
  self->schedule = schedule;

  rebuild (self);
}

IrSchedule *
ir_plan_rows_get_schedule (IrPlanRows *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROWS (self), NULL);

  return self->schedule;
}

/* Tells the watched rows that their tasks' results changed. */
void
ir_plan_rows_refresh (IrPlanRows *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (IR_IS_PLAN_ROWS (self));

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_signal_emit (row, row_signals[ROW_SIGNAL_CHANGED], 0);
}

/* Starts or stops sending @row's "changed" signal on a refresh, for a cell
 * that shows it; calls nest. */
void
ir_plan_rows_watch (IrPlanRows *self,
                    IrPlanRow  *row,
                    gboolean    watch)
{
  g_return_if_fail (IR_IS_PLAN_ROWS (self));
  g_return_if_fail (IR_IS_PLAN_ROW (row));

  if (watch)
    {
      if (row->watchers++ == 0)
        g_hash_table_add (self->watched, g_object_ref (row));
    }
  else if (row->watchers > 0 && --row->watchers == 0)
    {
      g_hash_table_remove (self->watched, row);
    }
}

/**
 * ir_plan_rows_get_tasks:
 *
 * Returns: (transfer none) (element-type IrScheduleTask): the tasks of the
 *   rows, in order; a new array after each change of the rows
 */
GPtrArray *
ir_plan_rows_get_tasks (IrPlanRows *self)
{
  g_return_val_if_fail (IR_IS_PLAN_ROWS (self), NULL);

  return self->tasks;
}

IrScheduleTask *
ir_plan_rows_get_task (IrPlanRows *self,
                       guint       position)
{
  g_return_val_if_fail (IR_IS_PLAN_ROWS (self), NULL);

  if (position >= self->tasks->len)
    return NULL;

  return g_ptr_array_index (self->tasks, position);
}

/* Returns the position of the task's row, or -1 when it is not shown. */
int
ir_plan_rows_find (IrPlanRows *self,
                   const char *task_id)
{
  IrPlanRow *row;
  guint position;

  g_return_val_if_fail (IR_IS_PLAN_ROWS (self), -1);

  row = task_id ? g_hash_table_lookup (self->by_id, task_id) : NULL;
  if (row == NULL || !g_ptr_array_find (self->rows, row, &position))
    return -1;

  return (int) position;
}

void
ir_plan_rows_set_expanded (IrPlanRows *self,
                           const char *task_id,
                           gboolean    expanded)
{
  g_return_if_fail (IR_IS_PLAN_ROWS (self));
  g_return_if_fail (task_id != NULL);

  if (expanded == !g_hash_table_contains (self->collapsed, task_id))
    return;

  if (expanded)
    g_hash_table_remove (self->collapsed, task_id);
  else
    g_hash_table_add (self->collapsed, g_strdup (task_id));

  rebuild (self);
}

/* Expands the summaries above a task so that its row is shown. Returns
 * whether the rows changed. */
gboolean
ir_plan_rows_reveal (IrPlanRows *self,
                     const char *task_id)
{
  IrScheduleTask *task;
  gboolean changed = FALSE;

  g_return_val_if_fail (IR_IS_PLAN_ROWS (self), FALSE);

  if (self->schedule == NULL || task_id == NULL)
    return FALSE;

  task = ir_schedule_lookup_task (self->schedule, task_id);
  for (guint depth = 0; task != NULL && depth < 256; depth++)
    {
      task = ir_schedule_get_parent (self->schedule, task);
      if (task != NULL && g_hash_table_remove (self->collapsed, task->id))
        changed = TRUE;
    }

  if (changed)
    rebuild (self);

  return changed;
}
