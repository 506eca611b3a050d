/* ir-plan-transfer.c: the plan to and from iCalendar and Microsoft Project
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports write the computed schedule with the core's writers. An import
 * of Microsoft Project XML adds the file's tasks, links, baselines and,
 * when the room has none, its calendar to the room in one transaction, so
 * that one undo takes the whole import back.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ir-ical.h"
#include "ir-mspdi.h"
#include "ir-plan-transfer.h"
#include "ir-position.h"

/* Limits of the task entity's text fields, in characters. */
#define TASK_NAME_MAX        200
#define NOTES_MAX       4000
#define SHORT_TEXT_MAX  64
#define LAG_LIMIT       10000
#define DURATION_LIMIT  100000

/* --- export --------------------------------------------------------------- */

/**
 * ir_plan_export_ics:
 *
 * Writes the plan's committed milestones to @path as all-day iCalendar
 * events. Each export gets a higher SEQUENCE than the one before on this
 * computer, so that calendars that imported an earlier file update their
 * events instead of adding copies.
 */
gboolean
ir_plan_export_ics (IrStore     *store,
                    IrSchedule  *schedule,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  g_autofree char *last = ir_store_get_meta (store, "ics_sequence");
  g_autofree char *next = NULL;
  g_autofree char *text = NULL;
  g_autoptr(IrIcal) ical = NULL;
  guint sequence = last ? (guint) strtoul (last, NULL, 10) + 1 : 0;

  ical = ir_ical_new (room ? ir_entity_get_string (room, "name") : _("Plan"));
  ir_ical_add_schedule (ical, schedule, ir_store_get_room_id (store),
                        IR_ICAL_COMMITTED_MILESTONES, sequence);
  text = ir_ical_to_string (ical);

  if (!g_file_set_contents (path, text, -1, error))
    return FALSE;

  next = g_strdup_printf ("%u", sequence);
  ir_store_set_meta (store, "ics_sequence", next);
  return TRUE;
}

gboolean
ir_plan_export_mspdi (IrSchedule  *schedule,
                      const char  *path,
                      GError     **error)
{
  return ir_mspdi_export_file (schedule, path, error);
}

/* --- import --------------------------------------------------------------- */

typedef struct
{
  IrStore    *store;
  IrTx       *tx;
  IrSchedule *schedule;
  GHashTable *ids;        /* file task id → new entity id */
} Import;

static void
set_text (Import     *import,
          const char *eid,
          const char *field,
          const char *value,
          glong       max)
{
  g_autofree char *cut = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  if (g_utf8_strlen (value, -1) > max)
    value = cut = g_utf8_substring (value, 0, max);
  ir_tx_set_string (import->tx, "task", eid, field, value);
}

static void
set_day (IrTx       *tx,
         const char *entity,
         const char *eid,
         const char *field,
         IrDay       day)
{
  char text[IR_DAY_STRING_SIZE];

  if (day != IR_DAY_NONE)
    ir_tx_set_string (tx, entity, eid, field, ir_day_format (day, text));
}

/* The last position key among the room's tasks, so that the import goes
 * after them. */
static char *
last_position (IrStore *store)
{
  g_autoptr(IrEntityList) tasks = ir_store_list (store, "task");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tasks));
  char *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      const char *position = ir_entity_get_string (task, "position");

      if (position != NULL && g_strcmp0 (position, last) > 0)
        {
          g_free (last);
          last = g_strdup (position);
        }
    }

  return last;
}

/* The position key of the @index-th imported task: after every key of the
 * room, and of a fixed length, because keys made one after another by
 * ir_position_between() grow by a digit every few tasks. */
static char *
sequence_key (const char *start,
              guint       index,
              const char *client)
{
  static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  char number[5];

  for (int i = G_N_ELEMENTS (number) - 2; i >= 0; i--)
    {
      number[i] = digits[index % 62];
      index /= 62;
    }
  number[G_N_ELEMENTS (number) - 1] = '\0';

  return g_strdup_printf ("%.*s%s.%.8s", (int) strcspn (start, "."), start, number, client);
}

static void
add_tasks (Import *import)
{
  g_autofree char *last = last_position (import->store);
  const char *client = ir_store_get_client_id (import->store);
  g_autofree char *start = ir_position_between (last, NULL, client);
  guint n = ir_schedule_get_n_tasks (import->schedule);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (import->ids, ir_schedule_get_task (import->schedule, i)->id,
                         ir_uuid_new ());

  for (guint i = 0; i < n; i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (import->schedule, i);
      const char *eid = g_hash_table_lookup (import->ids, task->id);
      const char *parent = task->parent_id ? g_hash_table_lookup (import->ids, task->parent_id)
                                           : NULL;
      g_autofree char *position = sequence_key (start, i, client);

      ir_tx_create_with_id (import->tx, "task", eid);

      if (parent != NULL)
        ir_tx_set_string (import->tx, "task", eid, "parent", parent);
      set_text (import, eid, "name", task->name, TASK_NAME_MAX);
      ir_tx_set_string (import->tx, "task", eid, "position", position);
      ir_tx_set_boolean (import->tx, "task", eid, "milestone", task->milestone);
      if (task->key_milestone)
        ir_tx_set_boolean (import->tx, "task", eid, "key_milestone", TRUE);
      ir_tx_set_int (import->tx, "task", eid, "duration", CLAMP (task->duration, 0, DURATION_LIMIT));
      set_day (import->tx, "task", eid, "start", task->manual_start);
      if (task->constraint != IR_CONSTRAINT_DEFAULT)
        ir_tx_set_string (import->tx, "task", eid, "constraint",
                          ir_constraint_to_string (task->constraint));
      set_day (import->tx, "task", eid, "constraint_date", task->constraint_date);
      set_day (import->tx, "task", eid, "actual_start", task->actual_start);
      set_day (import->tx, "task", eid, "actual_finish", task->actual_finish);
      set_day (import->tx, "task", eid, "committed", task->committed);
      if (task->progress > 0)
        ir_tx_set_int (import->tx, "task", eid, "progress", CLAMP (task->progress, 0, 100));
      set_text (import, eid, "wbs", task->wbs, SHORT_TEXT_MAX);
      set_text (import, eid, "external_id", task->external_id, SHORT_TEXT_MAX);
      set_text (import, eid, "notes", task->notes, NOTES_MAX);
    }
}

static void
add_links (Import *import)
{
  guint n = ir_schedule_get_n_links (import->schedule);

  for (guint i = 0; i < n; i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (import->schedule, i);
      const char *from = g_hash_table_lookup (import->ids, link->predecessor_id);
      const char *to = g_hash_table_lookup (import->ids, link->successor_id);
      g_autofree char *eid = NULL;

      if (from == NULL || to == NULL)
        continue;

      eid = ir_tx_create (import->tx, "dependency");
      ir_tx_set_string (import->tx, "dependency", eid, "successor", to);
      ir_tx_set_string (import->tx, "dependency", eid, "predecessor", from);
      ir_tx_set_string (import->tx, "dependency", eid, "type", ir_link_type_to_string (link->type));
      ir_tx_set_int (import->tx, "dependency", eid, "lag", CLAMP (link->lag, -LAG_LIMIT, LAG_LIMIT));
    }
}

static void
add_baselines (Import *import)
{
  char *baselines[IR_BASELINE_MAX + 1] = { NULL, };
  guint n = ir_schedule_get_n_tasks (import->schedule);

  for (guint i = 0; i < n; i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (import->schedule, i);
      const IrTaskBaseline *saved;
      guint n_saved;

      saved = ir_schedule_task_get_baselines (task, &n_saved);
      for (guint b = 0; b < n_saved; b++)
        {
          guint number = MIN (saved[b].number, IR_BASELINE_MAX);
          g_autofree char *row = NULL;

          if (baselines[number] == NULL)
            {
              /* Translators: the name of a saved baseline; %d is its number. */
              g_autofree char *name = g_strdup_printf (_("Baseline %d"), (int) number);

              baselines[number] = ir_tx_create (import->tx, "baseline");
              ir_tx_set_string (import->tx, "baseline", baselines[number], "name", name);
              ir_tx_set_int (import->tx, "baseline", baselines[number], "number", number);
              ir_tx_set_int (import->tx, "baseline", baselines[number], "saved",
                             g_get_real_time ());
            }

          row = ir_tx_create (import->tx, "baseline_task");
          ir_tx_set_string (import->tx, "baseline_task", row, "baseline", baselines[number]);
          ir_tx_set_string (import->tx, "baseline_task", row, "task",
                            g_hash_table_lookup (import->ids, task->id));
          set_day (import->tx, "baseline_task", row, "start", saved[b].start);
          set_day (import->tx, "baseline_task", row, "finish", saved[b].finish);
          if (saved[b].duration >= 0)
            ir_tx_set_int (import->tx, "baseline_task", row, "duration",
                           MIN (saved[b].duration, DURATION_LIMIT));
        }
    }

  for (guint i = 0; i <= IR_BASELINE_MAX; i++)
    g_free (baselines[i]);
}

/* Gives a room without a calendar the file's working days and holidays. */
static void
add_calendar (Import *import)
{
  g_autoptr(IrEntityList) calendars = ir_store_list (import->store, "calendar");
  IrCalendar *calendar = ir_schedule_get_calendar (import->schedule);
  const IrCalendarException *exceptions;
  g_autofree char *eid = NULL;
  guint n;

  if (calendar == NULL || g_list_model_get_n_items (G_LIST_MODEL (calendars)) > 0)
    return;

  eid = ir_tx_create (import->tx, "calendar");
  ir_tx_set_string (import->tx, "calendar", eid, "name",
                    ir_calendar_get_name (calendar) ? ir_calendar_get_name (calendar)
                                                    : _("Standard"));
  ir_tx_set_int (import->tx, "calendar", eid, "weekdays", ir_calendar_get_weekdays (calendar));
  ir_tx_set_double (import->tx, "calendar", eid, "hours_per_day",
                    CLAMP (ir_calendar_get_hours_per_day (calendar), 1, 24));
  set_day (import->tx, "calendar", eid, "project_start",
           ir_schedule_get_project_start (import->schedule));
  if (ir_schedule_get_mode (import->schedule) == IR_SCHEDULE_BACKWARD)
    {
      ir_tx_set_string (import->tx, "calendar", eid, "mode", "backward");
      set_day (import->tx, "calendar", eid, "project_finish",
               ir_schedule_get_project_finish (import->schedule));
    }

  exceptions = ir_calendar_get_exceptions (calendar, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *day = ir_tx_create (import->tx, "calendar_day");

      ir_tx_set_string (import->tx, "calendar_day", day, "calendar", eid);
      set_day (import->tx, "calendar_day", day, "date", exceptions[i].day);
      ir_tx_set_string (import->tx, "calendar_day", day, "kind",
                        exceptions[i].kind == IR_DAY_KIND_WORKDAY ? "workday" : "holiday");
      if (exceptions[i].name != NULL)
        ir_tx_set_string (import->tx, "calendar_day", day, "name", exceptions[i].name);
    }
}

/**
 * ir_plan_import_mspdi:
 * @n_tasks: (out) (optional): how many tasks were added
 *
 * Adds the tasks, links and baselines of a Microsoft Project XML file to
 * the room, after its tasks, in one transaction.
 *
 * Returns: %TRUE on success, or %FALSE with @error set and nothing added
 */
gboolean
ir_plan_import_mspdi (IrStore     *store,
                      const char  *path,
                      guint       *n_tasks,
                      GError     **error)
{
  g_autoptr(IrSchedule) schedule = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(IrTx) tx = NULL;
  Import import;

  schedule = ir_mspdi_import_file (path, error);
  if (schedule == NULL)
    return FALSE;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  tx = ir_store_begin (store);
  import = (Import) { store, tx, schedule, ids };

  add_calendar (&import);
  add_tasks (&import);
  add_links (&import);
  add_baselines (&import);

  if (!ir_store_commit (store, tx, error))
    return FALSE;

  if (n_tasks != NULL)
    *n_tasks = ir_schedule_get_n_tasks (schedule);

  return TRUE;
}
