/* ir-plan-model.c: the room's plan as a schedule, read from its store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every module that needs the plan's dates (the plan page, the risks, the
 * iCalendar export, the server) loads it here, so that all of them schedule
 * a room the same way. The loader reads the entity tables with a handful of
 * queries instead of one IrEntity per row, because a room may hold 10,000
 * tasks and 15,000 links.
 */
#include "config.h"

#include <string.h>

#include "ir-plan-model.h"
#include "ir-store-private.h"

/* Entity kinds whose visibility the plan depends on: a task hidden by a
 * deleted parent, a link whose successor is deleted, and so on. */
#define PLAN_KINDS "'task', 'dependency', 'calendar', 'calendar_day', " \
                   "'baseline', 'baseline_task', 'confirmation'"

typedef struct
{
  char     *parent;
  gboolean  hidden;
  gint8     visible;   /* -1 not yet known */
} Visibility;

typedef struct
{
  IrStore    *store;
  GHashTable *visibility;   /* eid → Visibility* */
  GError     *error;        /* the first failed query */
} Loader;

/* --- visibility ---------------------------------------------------------- */

/* Records the first query that stopped on an error instead of at its end. */
static void
check_done (Loader     *loader,
            int         rc,
            const char *what)
{
  if (rc == SQLITE_DONE || loader->error != NULL)
    return;

  ir_store_sql_error (loader->store, &loader->error, what);
}

static void
visibility_free (Visibility *visibility)
{
  g_free (visibility->parent);
  g_free (visibility);
}

static void
load_visibility (Loader *loader)
{
  sqlite3_stmt *stmt = ir_store_prepare (loader->store,
                                         "SELECT eid, parent, deleted, restored FROM entities "
                                         "WHERE entity IN (" PLAN_KINDS ")");
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Visibility *visibility = g_new0 (Visibility, 1);

      visibility->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      visibility->hidden = sqlite3_column_int (stmt, 2) && !sqlite3_column_int (stmt, 3);
      visibility->visible = -1;
      g_hash_table_insert (loader->visibility,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           visibility);
    }
  check_done (loader, rc, "read the plan's entities");
  sqlite3_reset (stmt);
}

/* An entity is visible unless it or one of its parents is deleted. A parent
 * that does not exist hides nothing: readers show it as a broken link. The
 * depth limit stops at a parent cycle, which a merge can create. */
static gboolean
is_visible (Loader     *loader,
            const char *eid)
{
  Visibility *chain[64];
  guint n = 0;
  gboolean visible = TRUE;

  for (const char *at = eid; at != NULL && n < G_N_ELEMENTS (chain); )
    {
      Visibility *visibility = g_hash_table_lookup (loader->visibility, at);

      if (visibility == NULL)
        {
          visible = (n > 0);
          break;
        }
      if (visibility->visible >= 0)
        {
          visible = visibility->visible;
          break;
        }
      chain[n++] = visibility;
      if (visibility->hidden)
        {
          visible = FALSE;
          break;
        }
      at = visibility->parent;
    }

  for (guint i = 0; i < n; i++)
    chain[i]->visible = visible;

  return visible;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static IrDay
column_day (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? ir_day_parse (text) : IR_DAY_NONE;
}

/* --- calendar ------------------------------------------------------------ */

static IrCalendar *
load_calendar (Loader      *loader,
               IrSchedule **schedule_out)
{
  sqlite3_stmt *stmt;
  g_autofree char *calendar_id = NULL;
  IrCalendar *calendar = NULL;
  int rc = SQLITE_DONE;

  /* A room has one calendar; after a merge of two, the lowest id wins
   * everywhere. */
  stmt = ir_store_prepare (loader->store,
                           "SELECT eid, name, weekdays, hours_per_day, project_start, "
                           "project_finish, mode FROM e_calendar ORDER BY eid");
  while (calendar == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!is_visible (loader, column_text (stmt, 0)))
        continue;

      calendar_id = g_strdup (column_text (stmt, 0));
      calendar = ir_calendar_new ();
      if (column_text (stmt, 1) != NULL)
        ir_calendar_set_name (calendar, column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        ir_calendar_set_weekdays (calendar, (guint) sqlite3_column_int (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        ir_calendar_set_hours_per_day (calendar, sqlite3_column_double (stmt, 3));

      if (schedule_out != NULL)
        {
          *schedule_out = ir_schedule_new (calendar);
          ir_schedule_set_project_start (*schedule_out, column_day (stmt, 4));
          ir_schedule_set_project_finish (*schedule_out, column_day (stmt, 5));
          ir_schedule_set_mode (*schedule_out, g_strcmp0 (column_text (stmt, 6), "backward") == 0
                                               ? IR_SCHEDULE_BACKWARD : IR_SCHEDULE_FORWARD);
        }
    }
  check_done (loader, calendar != NULL ? SQLITE_DONE : rc, "read the calendar");
  sqlite3_reset (stmt);

  /* A room without a calendar works the default one of a new room. */
  if (calendar == NULL)
    {
      calendar = ir_calendar_new_china ();
      if (schedule_out != NULL)
        *schedule_out = ir_schedule_new (calendar);
      return calendar;
    }

  stmt = ir_store_prepare (loader->store,
                           "SELECT eid, date, kind, name FROM e_calendar_day WHERE calendar = ?");
  sqlite3_bind_text (stmt, 1, calendar_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IrDay day = column_day (stmt, 1);

      if (day == IR_DAY_NONE || !is_visible (loader, column_text (stmt, 0)))
        continue;

      ir_calendar_set_exception (calendar, day,
                                 g_strcmp0 (column_text (stmt, 2), "workday") == 0
                                 ? IR_DAY_KIND_WORKDAY : IR_DAY_KIND_HOLIDAY,
                                 column_text (stmt, 3));
    }
  check_done (loader, rc, "read the calendar's days");
  sqlite3_reset (stmt);

  return calendar;
}

/* --- tasks and links ----------------------------------------------------- */

static void
load_tasks (Loader     *loader,
            IrSchedule *schedule)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Siblings keep the plan's order: by position key, then by id. */
  stmt = ir_store_prepare (loader->store,
                           "SELECT eid, parent, name, milestone, key_milestone, duration, "
                           "\"start\", \"constraint\", constraint_date, progress, committed, "
                           "actual_start, actual_finish, wbs, external_id, notes "
                           "FROM e_task ORDER BY position, eid");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IrScheduleTask *task;

      if (!is_visible (loader, column_text (stmt, 0)))
        continue;

      task = ir_schedule_add_task (schedule, column_text (stmt, 0));
      if (task == NULL)
        continue;

      ir_schedule_task_set_parent (task, column_text (stmt, 1));
      ir_schedule_task_set_name (task, column_text (stmt, 2));
      task->milestone = sqlite3_column_int (stmt, 3) != 0;
      task->key_milestone = sqlite3_column_int (stmt, 4) != 0;
      task->duration = sqlite3_column_int (stmt, 5);
      /* NOTE: the task entity's "start" is read as a pinned start, which
       * links do not move; a task without one is scheduled by its links. */
      task->manual_start = column_day (stmt, 6);
      if (!ir_constraint_from_string (column_text (stmt, 7), &task->constraint))
        task->constraint = IR_CONSTRAINT_DEFAULT;
      task->constraint_date = column_day (stmt, 8);
      task->progress = CLAMP (sqlite3_column_int (stmt, 9), 0, 100);
      task->committed = column_day (stmt, 10);
      task->actual_start = column_day (stmt, 11);
      task->actual_finish = column_day (stmt, 12);
      ir_schedule_task_set_wbs (task, column_text (stmt, 13));
      ir_schedule_task_set_external_id (task, column_text (stmt, 14));
      ir_schedule_task_set_notes (task, column_text (stmt, 15));
    }
  check_done (loader, rc, "read the tasks");
  sqlite3_reset (stmt);
}

static void
load_links (Loader     *loader,
            IrSchedule *schedule)
{
  sqlite3_stmt *stmt = ir_store_prepare (loader->store,
                                         "SELECT eid, predecessor, successor, type, lag "
                                         "FROM e_dependency ORDER BY eid");
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IrLinkType type = IR_LINK_FS;

      if (!is_visible (loader, column_text (stmt, 0)) ||
          column_text (stmt, 1) == NULL || column_text (stmt, 2) == NULL)
        continue;

      if (!ir_link_type_from_string (column_text (stmt, 3), &type))
        type = IR_LINK_FS;

      ir_schedule_add_link (schedule, column_text (stmt, 0),
                            column_text (stmt, 1), column_text (stmt, 2),
                            type, sqlite3_column_int (stmt, 4));
    }
  check_done (loader, rc, "read the dependencies");
  sqlite3_reset (stmt);
}

/* The customer's confirmation is the commitment: the newest one of a task
 * (by signing time, then by date) replaces the task's own "committed",
 * which an edit after the confirmation may have changed without the
 * customer. */
static void
load_confirmations (Loader     *loader,
                    IrSchedule *schedule)
{
  sqlite3_stmt *stmt = ir_store_prepare (loader->store,
                                         "SELECT eid, task, committed FROM e_confirmation "
                                         "ORDER BY coalesce (signed_at, 0), committed, eid");
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IrScheduleTask *task;
      IrDay committed = column_day (stmt, 2);

      if (committed == IR_DAY_NONE || column_text (stmt, 1) == NULL ||
          !is_visible (loader, column_text (stmt, 0)))
        continue;

      task = ir_schedule_lookup_task (schedule, column_text (stmt, 1));
      if (task != NULL)
        task->committed = committed;
    }
  check_done (loader, rc, "read the confirmations");
  sqlite3_reset (stmt);
}

static void
load_baselines (Loader     *loader,
                IrSchedule *schedule)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ir_store_prepare (loader->store, "SELECT eid, number FROM e_baseline");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (is_visible (loader, column_text (stmt, 0)))
      g_hash_table_insert (numbers, g_strdup (column_text (stmt, 0)),
                           GINT_TO_POINTER (CLAMP (sqlite3_column_int (stmt, 1), 0,
                                                   IR_BASELINE_MAX)));
  check_done (loader, rc, "read the baselines");
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (loader->store,
                           "SELECT eid, baseline, task, \"start\", finish, duration "
                           "FROM e_baseline_task");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer number;
      IrScheduleTask *task;
      IrTaskBaseline baseline;

      if (column_text (stmt, 1) == NULL || column_text (stmt, 2) == NULL ||
          !g_hash_table_lookup_extended (numbers, column_text (stmt, 1), NULL, &number) ||
          !is_visible (loader, column_text (stmt, 0)))
        continue;

      task = ir_schedule_lookup_task (schedule, column_text (stmt, 2));
      if (task == NULL)
        continue;

      baseline.number = GPOINTER_TO_INT (number);
      baseline.start = column_day (stmt, 3);
      baseline.finish = column_day (stmt, 4);
      baseline.duration = sqlite3_column_type (stmt, 5) != SQLITE_NULL
                          ? sqlite3_column_int (stmt, 5) : -1;
      ir_schedule_task_set_baseline (task, &baseline);
    }
  check_done (loader, rc, "read the baselines' tasks");
  sqlite3_reset (stmt);
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_plan_model_load:
 * @store: a room's store
 * @error: return location for an error
 *
 * Reads the room's visible tasks, links, calendar with its holidays and
 * make-up working days, baselines and confirmed commitments into a new
 * schedule. The schedule is not computed yet.
 *
 * Returns: (transfer full): the room's schedule, or %NULL with @error set
 */
IrSchedule *
ir_plan_model_load (IrStore  *store,
                    GError  **error)
{
  Loader loader = { 0 };
  g_autoptr(IrCalendar) calendar = NULL;
  IrSchedule *schedule = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loader.store = store;
  loader.visibility = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) visibility_free);

  load_visibility (&loader);
  calendar = load_calendar (&loader, &schedule);
  load_tasks (&loader, schedule);
  load_links (&loader, schedule);
  load_baselines (&loader, schedule);
  load_confirmations (&loader, schedule);

  g_hash_table_unref (loader.visibility);

  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      ir_schedule_unref (schedule);
      return NULL;
    }

  return schedule;
}

/**
 * ir_plan_model_load_calendar:
 * @store: a room's store
 *
 * Reads the room's working calendar alone, as ir_plan_model_load() would.
 *
 * Returns: (transfer full): the calendar
 */
IrCalendar *
ir_plan_model_load_calendar (IrStore *store)
{
  Loader loader = { 0 };
  IrCalendar *calendar;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  loader.store = store;
  loader.visibility = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) visibility_free);
  load_visibility (&loader);
  calendar = load_calendar (&loader, NULL);
  g_hash_table_unref (loader.visibility);

  /* A calendar read only in part still counts days, so only warn. */
  if (loader.error != NULL)
    {
      g_warning ("Failed to read the room's calendar: %s", loader.error->message);
      g_clear_error (&loader.error);
    }

  return calendar;
}
