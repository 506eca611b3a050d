/* ir-plan-ical.c: a room's committed milestones and meetings as iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meetings that yellow escalations book go into the same calendar as
 * the plan's committed milestones, so the trio gets both in one feed.
 */
#include "config.h"

#include "ir-plan-ical.h"
#include "ir-plan-model.h"

#define MEETING_UID_DOMAIN "ironroom"

static GDateTime *
time_from_us (gint64 microseconds)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);

  return g_date_time_add (seconds, microseconds % G_USEC_PER_SEC);
}

/**
 * ir_plan_ical_add_meetings:
 * @ical: a calendar
 * @store: a room's store
 *
 * Adds every visible meeting of the room that has a start, as a timed
 * event whose UID is the meeting's id. A cancelled meeting is added with
 * the status CANCELLED, so that calendars that had it drop it.
 *
 * Returns: the number of events added
 */
guint
ir_plan_ical_add_meetings (IrIcal  *ical,
                           IrStore *store)
{
  g_autoptr(IrEntityList) meetings = NULL;
  guint added = 0;

  g_return_val_if_fail (ical != NULL, 0);
  g_return_val_if_fail (IR_IS_STORE (store), 0);

  meetings = ir_store_list (store, "meeting");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
    {
      g_autoptr(IrEntity) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *uid = NULL;
      gint64 minutes = ir_entity_get_int (meeting, "minutes");
      IrIcalEvent event = { 0 };

      if (!ir_entity_has_field (meeting, "start"))
        continue;

      start = time_from_us (ir_entity_get_int (meeting, "start"));
      end = g_date_time_add_minutes (start, (int) (minutes > 0 ? minutes : 60));
      uid = g_strdup_printf ("%s@" MEETING_UID_DOMAIN, ir_entity_get_id (meeting));

      event.uid = uid;
      event.summary = ir_entity_get_string (meeting, "title");
      event.description = ir_entity_get_string (meeting, "notes");
      event.location = ir_entity_get_string (meeting, "link");
      event.url = ir_entity_get_string (meeting, "link");
      event.start = start;
      event.end = end;
      event.sequence = (guint) MAX (ir_entity_get_int (meeting, "sequence"), 0);
      event.cancelled = ir_entity_get_boolean (meeting, "cancelled");
      ir_ical_add_event (ical, &event);
      added++;
    }

  return added;
}

/**
 * ir_plan_ical_export:
 * @store: a room's store
 * @stamp: (nullable): the DTSTAMP of every event, or %NULL for now
 * @error: return location for an error
 *
 * Schedules the room's plan and writes its committed milestones and its
 * meetings as one iCalendar document.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
char *
ir_plan_ical_export (IrStore    *store,
                     GDateTime  *stamp,
                     GError    **error)
{
  g_autoptr(IrSchedule) schedule = NULL;
  g_autoptr(IrIcal) ical = NULL;
  g_autoptr(IrEntityList) rooms = NULL;
  g_autoptr(IrEntity) room = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  schedule = ir_plan_model_load (store, error);
  if (schedule == NULL)
    return NULL;
  ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);

  rooms = ir_store_list (store, "room");
  if (g_list_model_get_n_items (G_LIST_MODEL (rooms)) > 0)
    room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);

  ical = ir_ical_new (room != NULL ? ir_entity_get_string (room, "name") : NULL);
  if (stamp != NULL)
    ir_ical_set_stamp (ical, stamp);

  ir_ical_add_schedule (ical, schedule, ir_store_get_room_id (store),
                        IR_ICAL_COMMITTED_MILESTONES, 0);
  ir_plan_ical_add_meetings (ical, store);

  return ir_ical_to_string (ical);
}
