/* ir-ical.c: the plan's milestones and the room's meetings as iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>

#include "ir-ical.h"

/* Calendar clients match events by UID and keep the one with the highest
 * SEQUENCE (RFC 5545, section 3.8.7.4), so a milestone keeps one UID for
 * life and every change of its date is written with a higher sequence. */

#define UID_DOMAIN "ironroom"

struct _IrIcal
{
  icalcomponent *calendar;
  GDateTime     *stamp;
  guint          n_events;
};

/* --- life cycle ---------------------------------------------------------- */

/**
 * ir_ical_new:
 * @calendar_name: (nullable): the name calendar clients show, such as the
 *   room's name
 *
 * Creates an empty VCALENDAR to publish events in.
 *
 * Returns: (transfer full): a new calendar
 */
IrIcal *
ir_ical_new (const char *calendar_name)
{
  IrIcal *self = g_new0 (IrIcal, 1);

  self->calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (self->calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (self->calendar,
                              icalproperty_new_prodid ("-//Iron Room//Iron Room " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (self->calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (self->calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  if (calendar_name != NULL)
    {
      icalproperty *name = icalproperty_new_x (calendar_name);

      icalproperty_set_x_name (name, "X-WR-CALNAME");
      icalcomponent_add_property (self->calendar, name);
    }

  return self;
}

void
ir_ical_free (IrIcal *self)
{
  g_return_if_fail (self != NULL);

  icalcomponent_free (self->calendar);
  g_clear_pointer (&self->stamp, g_date_time_unref);
  g_free (self);
}

/* Sets the DTSTAMP of the events added after it, the time the export was
 * made. Without one, events are stamped with the current time. */
void
ir_ical_set_stamp (IrIcal    *self,
                   GDateTime *stamp)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->stamp, g_date_time_unref);
  self->stamp = stamp != NULL ? g_date_time_ref (stamp) : NULL;
}

guint
ir_ical_get_n_events (IrIcal *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_events;
}

/* --- events -------------------------------------------------------------- */

static struct icaltimetype
utc_time (GDateTime *time)
{
  return icaltime_from_timet_with_zone (g_date_time_to_unix (time), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

static struct icaltimetype
all_day (IrDay day)
{
  struct icaltimetype time = icaltime_null_date ();
  int year, month, day_of_month;

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time.year = year;
  time.month = month;
  time.day = day_of_month;

  return time;
}

static icalcomponent *
new_event (IrIcal     *self,
           const char *uid,
           const char *summary,
           const char *description,
           guint       sequence)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autoptr(GDateTime) now = NULL;

  if (self->stamp == NULL)
    now = g_date_time_new_now_utc ();

  icalcomponent_set_uid (event, uid);
  icalcomponent_set_dtstamp (event, utc_time (self->stamp != NULL ? self->stamp : now));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MIN (sequence, G_MAXINT)));
  icalcomponent_set_summary (event, summary != NULL ? summary : "");
  if (description != NULL && *description != '\0')
    icalcomponent_set_description (event, description);

  return event;
}

static void
add_component (IrIcal        *self,
               icalcomponent *event)
{
  icalcomponent_add_component (self->calendar, event);
  self->n_events++;
}

/**
 * ir_ical_milestone_uid:
 * @room_id: the room's id
 * @task_id: the milestone's task id
 *
 * Derives a milestone's event UID from the room and the task, the same on
 * every export and every replica, so that calendars update the event
 * rather than add another. The UID is a SHA-256 digest of both ids, so it
 * does not show them.
 *
 * Returns: (transfer full): the UID, such as "0f3a…@ironroom"
 */
char *
ir_ical_milestone_uid (const char *room_id,
                       const char *task_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *digest;

  g_return_val_if_fail (room_id != NULL && task_id != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) "milestone\n", -1);
  g_checksum_update (checksum, (const guchar *) room_id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", -1);
  g_checksum_update (checksum, (const guchar *) task_id, -1);
  digest = g_checksum_get_string (checksum);

  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s@" UID_DOMAIN,
                          digest, digest + 8, digest + 12, digest + 16, digest + 20);
}

/**
 * ir_ical_add_milestone:
 * @self: a calendar
 * @room_id: the room's id
 * @task_id: the milestone's task id
 * @summary: the milestone's name
 * @date: the day to show it on, usually the date committed to the customer
 * @sequence: the revision of this event, higher after every change
 * @description: (nullable): more text for the event
 *
 * Adds a milestone as an all-day event that does not block time.
 */
void
ir_ical_add_milestone (IrIcal     *self,
                       const char *room_id,
                       const char *task_id,
                       const char *summary,
                       IrDay       date,
                       guint       sequence,
                       const char *description)
{
  g_autofree char *uid = NULL;
  icalcomponent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != IR_DAY_NONE);

  uid = ir_ical_milestone_uid (room_id, task_id);
  event = new_event (self, uid, summary, description, sequence);

  /* DTEND of an all-day event is the day after. */
  icalcomponent_set_dtstart (event, all_day (date));
  icalcomponent_set_dtend (event, all_day (date + 1));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_categories ("Milestone"));

  add_component (self, event);
}

/**
 * ir_ical_add_event:
 * @self: a calendar
 * @event: the event, with a UID that stays the same for its life
 *
 * Adds a timed event, such as a meeting that an escalation booked. Times
 * are written in UTC, so that every client shows them in its own zone.
 */
void
ir_ical_add_event (IrIcal            *self,
                   const IrIcalEvent *event)
{
  icalcomponent *component;

  g_return_if_fail (self != NULL);
  g_return_if_fail (event != NULL && event->uid != NULL);
  g_return_if_fail (event->start != NULL && event->end != NULL);

  component = new_event (self, event->uid, event->summary, event->description, event->sequence);
  icalcomponent_set_dtstart (component, utc_time (event->start));
  icalcomponent_set_dtend (component, utc_time (event->end));
  if (event->location != NULL)
    icalcomponent_set_location (component, event->location);
  if (event->url != NULL)
    icalcomponent_add_property (component, icalproperty_new_url (event->url));
  icalcomponent_set_status (component, event->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);

  add_component (self, component);
}

/**
 * ir_ical_add_schedule:
 * @self: a calendar
 * @schedule: a computed schedule
 * @room_id: the room's id, for the events' UIDs
 * @which: committed milestones only, or every milestone
 * @sequence: the revision to write for every event
 *
 * Adds a schedule's milestones. A milestone with a committed date is shown
 * on it, with the forecast in the description when that differs. One
 * without a committed date is shown on its scheduled date.
 *
 * Returns: the number of events added
 */
guint
ir_ical_add_schedule (IrIcal           *self,
                      IrSchedule       *schedule,
                      const char       *room_id,
                      IrIcalMilestones  which,
                      guint             sequence)
{
  guint added = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ir_schedule_is_computed (schedule), 0);

  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule); i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (schedule, i);
      g_autofree char *description = NULL;
      char forecast[IR_DAY_STRING_SIZE];
      IrDay date;

      if (!task->milestone || (task->flags & IR_TASK_SUMMARY))
        continue;
      if (which == IR_ICAL_COMMITTED_MILESTONES && task->committed == IR_DAY_NONE)
        continue;

      date = task->committed != IR_DAY_NONE ? task->committed : task->finish;
      if (task->committed != IR_DAY_NONE && task->finish != task->committed)
        description = g_strdup_printf (_("Committed to the customer. The plan's forecast is %s."),
                                       ir_day_format (task->finish, forecast));

      ir_ical_add_milestone (self, room_id, task->id, task->name, date, sequence, description);
      added++;
    }

  return added;
}

/* Returns the VCALENDAR as text, lines ending in CRLF as RFC 5545 requires. */
char *
ir_ical_to_string (IrIcal *self)
{
  char *text;
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);

  text = icalcomponent_as_ical_string_r (self->calendar);
  copy = g_strdup (text);
  free (text);

  return copy;
}
