/* escalation-fixture.c: a small room with a plan, for escalation tests
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escalation-fixture.h"

static const struct
{
  const char *user;
  const char *name;
  const char *role;
} member_table[N_MEMBERS] = {
  { "wang", "Wang Fang", "AR" },
  { "li", "Li Qiang", "SR" },
  { "zhao", "Zhao Min", "FR" },
  { "chen", "Chen Jun", "executive" },
  { "sun", "Sun Li", "observer" },
};

static void
commit_ok (IrStore *store,
           IrTx    *tx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

/* A local-only room: its user writes what a server would. */
EscalationRoom *
escalation_room_new (void)
{
  EscalationRoom *room = g_new0 (EscalationRoom, 1);
  g_autoptr(IrTx) tx = NULL;

  room->store = ir_test_store_new ();
  tx = ir_store_begin (room->store);

  room->room = ir_tx_create (tx, "room");
  ir_tx_set_string (tx, "room", room->room, "name", "Valve deal");
  ir_tx_set_string (tx, "room", room->room, "time_zone", "Asia/Shanghai");

  room->calendar = ir_tx_create (tx, "calendar");
  ir_tx_set_string (tx, "calendar", room->calendar, "name", "Standard");
  ir_tx_set_int (tx, "calendar", room->calendar, "weekdays", 0x1f);
  ir_tx_set_string (tx, "calendar", room->calendar, "project_start", FIXTURE_PROJECT_START);

  for (int i = 0; i < N_MEMBERS; i++)
    {
      room->members[i] = ir_tx_create (tx, "member");
      ir_tx_set_string (tx, "member", room->members[i], "user", member_table[i].user);
      ir_tx_set_string (tx, "member", room->members[i], "display_name", member_table[i].name);
      ir_tx_set_string (tx, "member", room->members[i], "role", member_table[i].role);
      ir_tx_set_boolean (tx, "member", room->members[i], "active", TRUE);
    }

  commit_ok (room->store, tx);
  return room;
}

void
escalation_room_free (EscalationRoom *room)
{
  g_object_unref (room->store);
  g_free (room->room);
  g_free (room->calendar);
  for (int i = 0; i < N_MEMBERS; i++)
    g_free (room->members[i]);
  g_free (room);
}

/* Adds a task of @work_days days from the project start and a key
 * milestone after it, owned by the FR, without a commitment yet. Returns
 * the milestone's id. */
char *
escalation_room_add_milestone (EscalationRoom  *room,
                               const char      *name,
                               int              work_days,
                               char           **work_id)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autofree char *work = ir_tx_create (tx, "task");
  g_autofree char *link = ir_tx_create (tx, "dependency");
  g_autofree char *work_name = g_strdup_printf ("Work for %s", name);
  char *milestone = ir_tx_create (tx, "task");

  ir_tx_set_string (tx, "task", work, "name", work_name);
  ir_tx_set_int (tx, "task", work, "duration", work_days);
  ir_tx_set_string (tx, "task", work, "owner", room->members[MEMBER_FR]);

  ir_tx_set_string (tx, "task", milestone, "name", name);
  ir_tx_set_boolean (tx, "task", milestone, "milestone", TRUE);
  ir_tx_set_boolean (tx, "task", milestone, "key_milestone", TRUE);
  ir_tx_set_int (tx, "task", milestone, "duration", 0);
  ir_tx_set_string (tx, "task", milestone, "owner", room->members[MEMBER_FR]);

  ir_tx_set_string (tx, "dependency", link, "successor", milestone);
  ir_tx_set_string (tx, "dependency", link, "predecessor", work);
  ir_tx_set_string (tx, "dependency", link, "type", "FS");

  commit_ok (room->store, tx);

  if (work_id != NULL)
    *work_id = g_steal_pointer (&work);

  return milestone;
}

void
escalation_room_set_int (EscalationRoom *room,
                         const char     *entity,
                         const char     *eid,
                         const char     *field,
                         gint64          value)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);

  ir_tx_set_int (tx, entity, eid, field, value);
  commit_ok (room->store, tx);
}

void
escalation_room_set_string (EscalationRoom *room,
                            const char     *entity,
                            const char     *eid,
                            const char     *field,
                            const char     *value)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);

  ir_tx_set_string (tx, entity, eid, field, value);
  commit_ok (room->store, tx);
}

/* Returns the task's scheduled finish, as the engine sees it. */
IrDay
escalation_room_forecast (EscalationRoom *room,
                          const char     *task_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSchedule) schedule = ir_plan_model_load (room->store, &error);
  IrScheduleTask *task;

  g_assert_no_error (error);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL));
  task = ir_schedule_lookup_task (schedule, task_id);
  g_assert_nonnull (task);

  return task->finish;
}

/* Sets the task's committed date @days_late calendar days before its
 * forecast. */
void
escalation_room_commit_late (EscalationRoom *room,
                             const char     *task_id,
                             int             days_late)
{
  char date[IR_DAY_STRING_SIZE];
  IrDay forecast = escalation_room_forecast (room, task_id);

  escalation_room_set_string (room, "task", task_id, "committed",
                              ir_day_format (forecast - days_late, date));
}

void
escalation_room_add_day (EscalationRoom *room,
                         const char     *date,
                         const char     *kind)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autofree char *day = ir_tx_create (tx, "calendar_day");

  ir_tx_set_string (tx, "calendar_day", day, "calendar", room->calendar);
  ir_tx_set_string (tx, "calendar_day", day, "date", date);
  ir_tx_set_string (tx, "calendar_day", day, "kind", kind);
  commit_ok (room->store, tx);
}

/* Takes ownership of @value. */
void
escalation_room_set_setting (EscalationRoom *room,
                             const char     *key,
                             JsonNode       *value)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autofree char *setting = ir_tx_create (tx, "room_setting");

  ir_tx_set_string (tx, "room_setting", setting, "key", key);
  ir_tx_set (tx, "room_setting", setting, "value", value);
  commit_ok (room->store, tx);
}

GDateTime *
shanghai_time (int year,
               int month,
               int day,
               int hour,
               int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

guint
count_visible (IrStore    *store,
               const char *entity)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, entity);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

guint
count_children (IrStore    *store,
                const char *entity,
                const char *field,
                const char *value)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, entity, field, value);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

guint
count_events (IrStore    *store,
              const char *escalation_id,
              const char *kind)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, "escalation_event",
                                                         "escalation", escalation_id);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IrEntity) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (kind == NULL || g_strcmp0 (ir_entity_get_string (event, "kind"), kind) == 0)
        n++;
    }

  return n;
}

IrEscalationReport *
evaluate_ok (IrStore   *store,
             GDateTime *now,
             gboolean   provisional)
{
  g_autoptr(GError) error = NULL;
  IrEscalationReport *report = ir_escalation_evaluate (store, now, provisional, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}
