/* ir-calendar-ics.c: a year of holidays from iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "ir-calendar-private.h"

/* A recurring iCalendar event adds at most this many occurrences, within
 * this many years of its start: holiday feeds repeat yearly without end. */
#define MAX_OCCURRENCES     1000
#define MAX_RECURRING_YEARS 10

/* --- iCalendar ----------------------------------------------------------- */

/* Lines of BEGIN:VEVENT in the text, in order, because libical keeps no
 * line numbers and errors should point at the event. */
static GArray *
find_event_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint line = 1;
  const char *p = text;

  while (*p)
    {
      if (g_ascii_strncasecmp (p, "BEGIN:VEVENT", 12) == 0)
        g_array_append_val (lines, line);

      p = strchr (p, '\n');
      if (p == NULL)
        break;
      p++;
      line++;
    }

  return lines;
}

static gboolean
contains_any (const char         *text,
              const char * const *needles)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_ascii_strdown (text, -1);
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (folded, needles[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Holiday feeds mark make-up working days in the title or the categories,
 * in Chinese (补班, 上班, a 班 in brackets) or English. Every other event is a
 * day off. */
static IrDayKind
event_kind (icalcomponent *event)
{
  static const char * const markers[] = {
    "补班", "上班", "(班)", "（班）", "[班]", "workday", "working day", NULL
  };
  icalproperty *property;

  for (property = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (property);

      if (name != NULL && g_ascii_strcasecmp (name, "X-IRONROOM-DAY-KIND") == 0)
        return contains_any (icalproperty_get_x (property), markers) ?
               IR_DAY_KIND_WORKDAY : IR_DAY_KIND_HOLIDAY;
    }

  for (property = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *categories = icalproperty_get_categories (property);

      if (contains_any (categories, markers) || g_strcmp0 (categories, "班") == 0)
        return IR_DAY_KIND_WORKDAY;
    }

  return contains_any (icalcomponent_get_summary (event), markers) ?
         IR_DAY_KIND_WORKDAY : IR_DAY_KIND_HOLIDAY;
}

static IrDay
day_from_icaltime (struct icaltimetype time)
{
  return ir_day_from_ymd (time.year, time.month, time.day);
}

static const char *
event_title (icalcomponent *event)
{
  const char *summary = icalcomponent_get_summary (event);

  if (summary != NULL && *summary != '\0')
    return summary;

  return icalcomponent_get_uid (event) != NULL ? icalcomponent_get_uid (event) : "";
}

static gboolean
add_event_days (IrCalendarCollector  *collector,
                icalcomponent        *event,
                IrDay                 first,
                int                   days,
                guint                 line,
                GError              **error)
{
  for (int i = 0; i < days; i++)
    if (!ir_calendar_collector_add (collector, first + i, event_kind (event),
                        icalcomponent_get_summary (event), line, error))
      return FALSE;

  return TRUE;
}

static GHashTable *
collect_exdates (icalcomponent *event)
{
  GHashTable *exdates = g_hash_table_new (NULL, NULL);

  for (icalproperty *property = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      IrDay day = day_from_icaltime (icalproperty_get_exdate (property));

      g_hash_table_add (exdates, GINT_TO_POINTER (day));
    }

  return exdates;
}

static gboolean
add_recurrences (IrCalendarCollector  *collector,
                 icalcomponent        *event,
                 icalproperty         *rrule,
                 struct icaltimetype   start,
                 int                   days,
                 guint                 line,
                 GError              **error)
{
  struct icalrecurrencetype recurrence = icalproperty_get_rrule (rrule);
  g_autoptr(GHashTable) exdates = collect_exdates (event);
  icalrecur_iterator *iterator = icalrecur_iterator_new (recurrence, start);
  struct icaltimetype next;
  IrDay limit = ir_day_from_ymd (start.year + MAX_RECURRING_YEARS, 1, 1);
  gboolean ok = TRUE;

  if (iterator == NULL)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_EVENT,
                   _("Line %u: event “%s” has a repeat rule (RRULE) that cannot be read."),
                   line, event_title (event));
      return FALSE;
    }

  for (guint count = 0; ok && count < MAX_OCCURRENCES; count++)
    {
      IrDay day;

      next = icalrecur_iterator_next (iterator);
      if (icaltime_is_null_time (next))
        break;

      day = day_from_icaltime (next);
      if (day == IR_DAY_NONE || day >= limit)
        break;

      if (!g_hash_table_contains (exdates, GINT_TO_POINTER (day)))
        ok = add_event_days (collector, event, day, days, line, error);
    }

  icalrecur_iterator_free (iterator);
  return ok;
}

static gboolean
parse_event (IrCalendarCollector  *collector,
             icalcomponent        *event,
             guint                 line,
             GError              **error)
{
  icalproperty *property;
  struct icaltimetype start, end;
  IrDay first, after;
  char text[IR_DAY_STRING_SIZE];

  property = icalcomponent_get_first_property (event, ICAL_XLICERROR_PROPERTY);
  if (property != NULL)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_EVENT,
                   _("Line %u: event “%s” is malformed: %s."),
                   line, event_title (event), icalproperty_get_xlicerror (property));
      return FALSE;
    }

  start = icalcomponent_get_dtstart (event);
  if (icaltime_is_null_time (start))
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_EVENT,
                   _("Line %u: event “%s” has no start date (DTSTART)."),
                   line, event_title (event));
      return FALSE;
    }

  if (!icaltime_is_date (start))
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_EVENT,
                   _("Line %u: event “%s” starts at a time of day (%s); expected an all-day "
                     "date such as DTSTART;VALUE=DATE:20261001."),
                   line, event_title (event), icaltime_as_ical_string (start));
      return FALSE;
    }

  first = day_from_icaltime (start);
  after = first + 1;

  /* DTEND of an all-day event is the day after its last day. */
  end = icalcomponent_get_dtend (event);
  if (!icaltime_is_null_time (end))
    {
      after = day_from_icaltime (end);
      if (!icaltime_is_date (end) || after <= first)
        {
          g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_EVENT,
                       _("Line %u: event “%s” ends at %s; expected an all-day date after its "
                         "start %s."),
                       line, event_title (event), icaltime_as_ical_string (end),
                       ir_day_format (first, text));
          return FALSE;
        }
    }

  property = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  if (property != NULL)
    return add_recurrences (collector, event, property, start, after - first, line, error);

  return add_event_days (collector, event, first, after - first, line, error);
}

static gboolean
parse_calendar (IrCalendarCollector  *collector,
                icalcomponent        *calendar,
                GArray               *event_lines,
                guint                *event_count,
                GError              **error)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      guint line = *event_count < event_lines->len ?
                   g_array_index (event_lines, guint, *event_count) : 0;

      (*event_count)++;
      if (!parse_event (collector, event, line, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ir_calendar_parse_ics:
 * @text: iCalendar text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 * @error: return location for an error
 *
 * Reads the all-day events (VEVENT) of one or more VCALENDARs as holidays,
 * or as working days when their title or categories mark them so (补班,
 * 上班, "workday"). Repeating events are expanded for ten years at most.
 * An error names the line of the offending event and what was expected.
 *
 * Returns: (transfer full) (nullable): IrCalendarException sorted by day
 */
GArray *
ir_calendar_parse_ics (const char  *text,
                       gssize       length,
                       GError     **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(GArray) event_lines = NULL;
  icalcomponent *root;
  IrCalendarCollector collector;
  guint event_count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!ir_calendar_check_utf8 (text, length, error))
    return NULL;

  copy = g_strndup (text, length);
  root = icalparser_parse_string (copy);
  if (root == NULL ||
      (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT &&
       icalcomponent_isa (root) != ICAL_XROOT_COMPONENT))
    {
      g_clear_pointer (&root, icalcomponent_free);
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_ICALENDAR,
                   _("The file is not an iCalendar file: expected it to start with "
                     "BEGIN:VCALENDAR."));
      return NULL;
    }

  event_lines = find_event_lines (copy);
  ir_calendar_collector_init (&collector);

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    ok = parse_calendar (&collector, root, event_lines, &event_count, error);
  else
    for (icalcomponent *calendar = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         ok && calendar != NULL;
         calendar = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      ok = parse_calendar (&collector, calendar, event_lines, &event_count, error);

  icalcomponent_free (root);

  if (!ok)
    {
      ir_calendar_collector_clear (&collector);
      return NULL;
    }

  return ir_calendar_collector_finish (&collector);
}

gboolean
ir_calendar_import_ics (IrCalendar  *self,
                        const char  *text,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GArray) exceptions = ir_calendar_parse_ics (text, length, error);

  if (exceptions == NULL)
    return FALSE;

  ir_calendar_add_exceptions (self, exceptions);
  return TRUE;
}
