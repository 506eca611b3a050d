/* ir-mspdi-calendar.c: the project calendar in MSPDI
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-mspdi-private.h"

/* A calendar can name a base calendar, which can name another. Deeper
 * chains than this are taken for loops. */
#define MAX_BASE_DEPTH 16

/* A recurring exception adds at most this many days. */
#define MAX_EXCEPTION_DAYS 5000

/* MSPDI DayType and DaysOfWeek count from Sunday. */
static GDateWeekday
weekday_from_sunday (int index)
{
  return index == 0 ? G_DATE_SUNDAY : (GDateWeekday) index;
}

/* --- reading recurring exceptions ---------------------------------------- */

typedef struct
{
  IrDay     from;
  IrDay     to;
  gint64    type;
  gint64    period;
  gint64    days_of_week;
  gint64    month_item;
  gint64    month_position;
  gint64    month;
  gint64    month_day;
  gint64    occurrences;
  gboolean  by_occurrences;
} ExceptionRule;

typedef struct
{
  IrCalendar  *calendar;
  IrDayKind    kind;
  const char  *name;
  guint        added;
  guint        limit;
  IrDay        last;
} Expansion;

/* Adds one day of a rule. Returns FALSE once the rule is exhausted. */
static gboolean
expansion_add (Expansion *expansion,
               IrDay      day)
{
  if (day == IR_DAY_NONE)
    return TRUE;

  if (expansion->added >= expansion->limit || day > expansion->last)
    return FALSE;

  ir_calendar_set_exception (expansion->calendar, day, expansion->kind, expansion->name);
  expansion->added++;

  return TRUE;
}

static gboolean
matches_month_item (IrDay  day,
                    gint64 item)
{
  GDateWeekday weekday = ir_day_get_weekday (day);

  switch (item)
    {
    case 0:
      return TRUE;
    case 1:
      return weekday <= G_DATE_FRIDAY;
    case 2:
      return weekday >= G_DATE_SATURDAY;
    default:
      /* 3 is Sunday, 4 Monday … 9 Saturday. */
      return weekday == weekday_from_sunday ((int) (item - 3) % 7);
    }
}

/* The day of a month at a position (0 first … 3 fourth, 4 last) among the
 * days that match a month item (any day, weekday, weekend day or one
 * weekday). */
static IrDay
day_at_position (int    year,
                 int    month,
                 gint64 item,
                 gint64 position)
{
  IrDay first = ir_day_from_ymd (year, month, 1);
  IrDay found = IR_DAY_NONE;
  gint64 count = 0;

  if (first == IR_DAY_NONE)
    return IR_DAY_NONE;

  for (int d = 0; d < g_date_get_days_in_month (month, year); d++)
    if (matches_month_item (first + d, item))
      {
        found = first + d;
        if (position < 4 && count++ == position)
          return found;
      }

  return position == 4 ? found : IR_DAY_NONE;
}

static void
expand_exception (IrCalendar          *calendar,
                  const ExceptionRule *rule,
                  IrDayKind            kind,
                  const char          *name)
{
  Expansion expansion = { calendar, kind, name, 0, MAX_EXCEPTION_DAYS, rule->to };
  gint64 step = MAX (rule->period, 1);
  int year, month;

  if (rule->by_occurrences && rule->occurrences > 0)
    {
      expansion.limit = MIN (rule->occurrences, MAX_EXCEPTION_DAYS);
      expansion.last = rule->from + 100 * 366;
    }

  ir_day_to_ymd (rule->from, &year, &month, NULL);

  switch (rule->type)
    {
    case 2:   /* yearly on a day of a month */
    case 3:   /* yearly at a position in a month */
      for (int y = year; y <= year + 100; y++)
        {
          IrDay day = rule->type == 2 ?
            ir_day_from_ymd (y, (int) rule->month + 1, (int) rule->month_day) :
            day_at_position (y, (int) rule->month + 1, rule->month_item, rule->month_position);

          if (day != IR_DAY_NONE && day >= rule->from && !expansion_add (&expansion, day))
            break;
        }
      break;

    case 4:   /* monthly on a day */
    case 5:   /* monthly at a position */
      for (int m = 0; m <= 1200; m += (int) step)
        {
          int y = year + (month - 1 + m) / 12;
          int mo = (month - 1 + m) % 12 + 1;
          IrDay day = rule->type == 4 ?
            ir_day_from_ymd (y, mo, (int) rule->month_day) :
            day_at_position (y, mo, rule->month_item, rule->month_position);

          if (day != IR_DAY_NONE && day >= rule->from && !expansion_add (&expansion, day))
            break;
        }
      break;

    case 6:   /* weekly on some weekdays, in weeks from Sunday */
      for (IrDay week = rule->from - ir_day_get_weekday (rule->from) % 7;
           week <= rule->from + 100 * 366;
           week += 7 * step)
        {
          gboolean more = TRUE;

          for (int k = 0; k < 7 && more; k++)
            if (week + k >= rule->from && (rule->days_of_week & (1 << k)))
              more = expansion_add (&expansion, week + k);
          if (!more)
            break;
        }
      break;

    case 8:   /* every few weekdays */
      for (IrDay day = rule->from; day <= rule->from + 100 * 366; day += step)
        if (ir_day_get_weekday (day) <= G_DATE_FRIDAY && !expansion_add (&expansion, day))
          break;
      break;

    default:  /* 1 daily, 7 by day count, 9 or none: every few days */
      for (IrDay day = rule->from; day <= rule->from + 100 * 366; day += step)
        if (!expansion_add (&expansion, day))
          break;
      break;
    }
}

/* --- reading ------------------------------------------------------------- */

static gint64
int_child (xmlNode *node,
           const char *name,
           gint64   fallback)
{
  g_autofree char *text = ir_mspdi_text (node, name);
  gint64 value;

  return ir_mspdi_parse_int (text, &value) ? value : fallback;
}

static gboolean
read_time_period (xmlNode     *node,
                  const char  *context,
                  IrDay       *from,
                  IrDay       *to,
                  GError     **error)
{
  xmlNode *period = ir_mspdi_child (node, "TimePeriod");
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  int from_minutes, to_minutes;

  if (period == NULL)
    {
      ir_mspdi_set_invalid (error, context, "TimePeriod", "", _("a FromDate and a ToDate"));
      return FALSE;
    }

  from_text = ir_mspdi_text (period, "FromDate");
  to_text = ir_mspdi_text (period, "ToDate");
  if (!ir_mspdi_parse_datetime (from_text, from, &from_minutes))
    {
      ir_mspdi_set_invalid (error, context, "FromDate", from_text ? from_text : "",
                            _("a date such as 2026-10-01T00:00:00"));
      return FALSE;
    }
  if (!ir_mspdi_parse_datetime (to_text, to, &to_minutes) || *to < *from)
    {
      ir_mspdi_set_invalid (error, context, "ToDate", to_text ? to_text : "",
                            _("a date no earlier than its FromDate, such as 2026-10-07T23:59:00"));
      return FALSE;
    }

  /* A range that ends at midnight ends the day before. */
  if (to_minutes == 0 && *to > *from)
    (*to)--;

  return TRUE;
}

static IrDayKind
read_day_kind (xmlNode *node)
{
  g_autofree char *text = ir_mspdi_text (node, "DayWorking");
  gboolean working = FALSE;

  ir_mspdi_parse_bool (text, &working);
  return working ? IR_DAY_KIND_WORKDAY : IR_DAY_KIND_HOLIDAY;
}

/* WeekDays: the regular week, and in files before Project 2007 the
 * exceptions as WeekDay elements of DayType 0. */
static gboolean
read_week_days (IrCalendar  *target,
                xmlNode     *calendar,
                const char  *context,
                GError     **error)
{
  xmlNode *week_days = ir_mspdi_child (calendar, "WeekDays");
  guint weekdays = ir_calendar_get_weekdays (target);

  if (week_days == NULL)
    return TRUE;

  for (xmlNode *day = ir_mspdi_child (week_days, "WeekDay"); day != NULL;
       day = ir_mspdi_next (day, "WeekDay"))
    {
      gint64 type = int_child (day, "DayType", -1);
      g_autofree char *working_text = ir_mspdi_text (day, "DayWorking");
      gboolean working;

      if (type == 0)
        {
          ExceptionRule rule = { 0 };

          if (!read_time_period (day, context, &rule.from, &rule.to, error))
            return FALSE;
          expand_exception (target, &rule, read_day_kind (day), NULL);
        }
      else if (type >= 1 && type <= 7 && ir_mspdi_parse_bool (working_text, &working))
        {
          guint bit = IR_WEEKDAY_BIT (weekday_from_sunday ((int) type - 1));

          weekdays = working ? weekdays | bit : weekdays & ~bit;
        }
    }

  ir_calendar_set_weekdays (target, weekdays);
  return TRUE;
}

/* Exceptions: the form of Project 2007 and later, which can recur. */
static gboolean
read_exceptions (IrCalendar  *target,
                 xmlNode     *calendar,
                 const char  *context,
                 GError     **error)
{
  xmlNode *exceptions = ir_mspdi_child (calendar, "Exceptions");

  if (exceptions == NULL)
    return TRUE;

  for (xmlNode *node = ir_mspdi_child (exceptions, "Exception"); node != NULL;
       node = ir_mspdi_next (node, "Exception"))
    {
      g_autofree char *name = ir_mspdi_text (node, "Name");
      g_autofree char *by_occurrences = ir_mspdi_text (node, "EnteredByOccurrences");
      ExceptionRule rule = { 0 };

      if (!read_time_period (node, context, &rule.from, &rule.to, error))
        return FALSE;

      ir_mspdi_parse_bool (by_occurrences, &rule.by_occurrences);
      rule.type = int_child (node, "Type", 1);
      rule.period = int_child (node, "Period", 1);
      rule.days_of_week = int_child (node, "DaysOfWeek", 0);
      rule.month_item = int_child (node, "MonthItem", 0);
      rule.month_position = int_child (node, "MonthPosition", 0);
      rule.month = int_child (node, "Month", 0);
      rule.month_day = int_child (node, "MonthDay", 1);
      rule.occurrences = int_child (node, "Occurrences", 0);

      expand_exception (target, &rule, read_day_kind (node), name);
    }

  return TRUE;
}

static xmlNode *
find_calendar (xmlNode *calendars,
               gint64   uid)
{
  xmlNode *base = NULL;

  for (xmlNode *node = ir_mspdi_child (calendars, "Calendar"); node != NULL;
       node = ir_mspdi_next (node, "Calendar"))
    {
      g_autofree char *is_base = ir_mspdi_text (node, "IsBaseCalendar");

      if (int_child (node, "UID", G_MININT64) == uid)
        return node;
      if (base == NULL && g_strcmp0 (is_base, "1") == 0)
        base = node;
    }

  return uid < 0 ? base : NULL;
}

/**
 * ir_mspdi_read_calendar:
 * @reader: the import in progress
 * @project: the Project element
 * @calendar_uid: the project's CalendarUID, or -1 for its first base calendar
 * @error: return location for an error
 *
 * Reads the project calendar, with the weekdays and exceptions of the base
 * calendars it derives from, into the schedule's calendar.
 *
 * NOTE: WorkWeeks (other weekly patterns for a period) and the hours of
 * each day are not read, because the engine counts whole working days.
 *
 * Returns: %FALSE with @error set when an exception has invalid dates
 */
gboolean
ir_mspdi_read_calendar (IrMspdiReader  *reader,
                        xmlNode        *project,
                        gint64          calendar_uid,
                        GError        **error)
{
  xmlNode *calendars = ir_mspdi_child (project, "Calendars");
  xmlNode *chain[MAX_BASE_DEPTH];
  IrCalendar *target = ir_schedule_get_calendar (reader->schedule);
  g_autofree char *name = NULL;
  guint depth = 0;

  if (calendars == NULL)
    return TRUE;

  for (xmlNode *node = find_calendar (calendars, calendar_uid);
       node != NULL && depth < MAX_BASE_DEPTH;
       node = find_calendar (calendars, int_child (node, "BaseCalendarUID", -1)))
    {
      chain[depth++] = node;
      if (int_child (node, "BaseCalendarUID", -1) < 0)
        break;
    }

  if (depth == 0)
    return TRUE;

  name = ir_mspdi_text (chain[0], "Name");
  ir_calendar_set_name (target, name);

  /* Base calendars first, so that the derived one overrides them. */
  for (guint i = depth; i > 0; i--)
    {
      g_autofree char *calendar_name = ir_mspdi_text (chain[i - 1], "Name");
      g_autofree char *context = g_strdup_printf (_("Calendar “%s”"),
                                                  calendar_name ? calendar_name : "");

      if (!read_week_days (target, chain[i - 1], context, error) ||
          !read_exceptions (target, chain[i - 1], context, error))
        return FALSE;
    }

  return TRUE;
}

/* --- writing ------------------------------------------------------------- */

static int
minutes_per_day (IrCalendar *calendar)
{
  return (int) (ir_calendar_get_hours_per_day (calendar) * 60 + 0.5);
}

/* Returns the end of a working day that starts at @day_start: its hours,
 * plus an hour for lunch when they are more than four. */
int
ir_mspdi_day_finish (IrCalendar *calendar,
                     int         day_start)
{
  int minutes = minutes_per_day (calendar);

  return MIN (day_start + minutes + (minutes > 240 ? 60 : 0), 24 * 60);
}

static void
write_time (xmlTextWriter *writer,
            const char    *element,
            int            minutes)
{
  xmlTextWriterWriteFormatElement (writer, BAD_CAST element, "%02d:%02d:00",
                                   minutes / 60, minutes % 60);
}

static void
write_working_times (xmlTextWriter *writer,
                     IrCalendar    *calendar,
                     int            day_start)
{
  int minutes = minutes_per_day (calendar);
  int finish = ir_mspdi_day_finish (calendar, day_start);

  xmlTextWriterStartElement (writer, BAD_CAST "WorkingTimes");
  xmlTextWriterStartElement (writer, BAD_CAST "WorkingTime");
  write_time (writer, "FromTime", day_start);
  write_time (writer, "ToTime", minutes > 240 ? day_start + 240 : finish);
  xmlTextWriterEndElement (writer);
  if (minutes > 240)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "WorkingTime");
      write_time (writer, "FromTime", day_start + 300);
      write_time (writer, "ToTime", finish);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_time_period (xmlTextWriter *writer,
                   IrDay          from,
                   IrDay          to)
{
  char text[IR_MSPDI_DATETIME_SIZE];

  xmlTextWriterStartElement (writer, BAD_CAST "TimePeriod");
  ir_mspdi_format_datetime (from, 0, text);
  xmlTextWriterWriteElement (writer, BAD_CAST "FromDate", BAD_CAST text);
  ir_mspdi_format_datetime (to, 23 * 60 + 59, text);
  xmlTextWriterWriteElement (writer, BAD_CAST "ToDate", BAD_CAST text);
  xmlTextWriterEndElement (writer);
}

/* Runs of consecutive exception days with one kind and name. */
typedef struct
{
  IrDay       from;
  IrDay       to;
  IrDayKind   kind;
  const char *name;
} ExceptionRange;

static GArray *
collect_ranges (IrCalendar *calendar)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (ExceptionRange));
  const IrCalendarException *exceptions;
  guint n;

  exceptions = ir_calendar_get_exceptions (calendar, &n);
  for (guint i = 0; i < n; i++)
    {
      ExceptionRange *last = ranges->len > 0 ?
        &g_array_index (ranges, ExceptionRange, ranges->len - 1) : NULL;
      ExceptionRange range = { exceptions[i].day, exceptions[i].day, exceptions[i].kind,
                               exceptions[i].name };

      if (last != NULL && last->to + 1 == range.from && last->kind == range.kind &&
          g_strcmp0 (last->name, range.name) == 0)
        last->to = range.to;
      else
        g_array_append_val (ranges, range);
    }

  return ranges;
}

/**
 * ir_mspdi_write_calendar:
 * @writer: the document being written
 * @calendar: the schedule's calendar
 * @day_start: the start of a working day, in minutes after midnight
 *
 * Writes @calendar as the project's base calendar, UID 1. Exceptions are
 * written twice, as WeekDay elements of DayType 0 for Project 2003 and
 * before, and as Exceptions for Project 2007 and later.
 */
void
ir_mspdi_write_calendar (xmlTextWriter *writer,
                         IrCalendar    *calendar,
                         int            day_start)
{
  g_autoptr(GArray) ranges = collect_ranges (calendar);
  guint weekdays = ir_calendar_get_weekdays (calendar);
  const char *name = ir_calendar_get_name (calendar);

  xmlTextWriterStartElement (writer, BAD_CAST "Calendar");
  xmlTextWriterWriteElement (writer, BAD_CAST "UID", BAD_CAST "1");
  xmlTextWriterWriteElement (writer, BAD_CAST "Name", BAD_CAST (name != NULL ? name : "Standard"));
  xmlTextWriterWriteElement (writer, BAD_CAST "IsBaseCalendar", BAD_CAST "1");
  xmlTextWriterWriteElement (writer, BAD_CAST "BaseCalendarUID", BAD_CAST "-1");

  xmlTextWriterStartElement (writer, BAD_CAST "WeekDays");
  for (int type = 1; type <= 7; type++)
    {
      gboolean working = (weekdays & IR_WEEKDAY_BIT (weekday_from_sunday (type - 1))) != 0;

      xmlTextWriterStartElement (writer, BAD_CAST "WeekDay");
      xmlTextWriterWriteFormatElement (writer, BAD_CAST "DayType", "%d", type);
      xmlTextWriterWriteElement (writer, BAD_CAST "DayWorking", BAD_CAST (working ? "1" : "0"));
      if (working)
        write_working_times (writer, calendar, day_start);
      xmlTextWriterEndElement (writer);
    }
  for (guint i = 0; i < ranges->len; i++)
    {
      const ExceptionRange *range = &g_array_index (ranges, ExceptionRange, i);
      gboolean working = range->kind == IR_DAY_KIND_WORKDAY;

      xmlTextWriterStartElement (writer, BAD_CAST "WeekDay");
      xmlTextWriterWriteElement (writer, BAD_CAST "DayType", BAD_CAST "0");
      xmlTextWriterWriteElement (writer, BAD_CAST "DayWorking", BAD_CAST (working ? "1" : "0"));
      write_time_period (writer, range->from, range->to);
      if (working)
        write_working_times (writer, calendar, day_start);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);

  if (ranges->len > 0)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "Exceptions");
      for (guint i = 0; i < ranges->len; i++)
        {
          const ExceptionRange *range = &g_array_index (ranges, ExceptionRange, i);
          gboolean working = range->kind == IR_DAY_KIND_WORKDAY;

          xmlTextWriterStartElement (writer, BAD_CAST "Exception");
          xmlTextWriterWriteElement (writer, BAD_CAST "EnteredByOccurrences", BAD_CAST "0");
          write_time_period (writer, range->from, range->to);
          xmlTextWriterWriteFormatElement (writer, BAD_CAST "Occurrences", "%d",
                                           range->to - range->from + 1);
          if (range->name != NULL)
            xmlTextWriterWriteElement (writer, BAD_CAST "Name", BAD_CAST range->name);
          xmlTextWriterWriteElement (writer, BAD_CAST "Type", BAD_CAST "1");
          xmlTextWriterWriteElement (writer, BAD_CAST "Period", BAD_CAST "1");
          xmlTextWriterWriteElement (writer, BAD_CAST "DayWorking", BAD_CAST (working ? "1" : "0"));
          if (working)
            write_working_times (writer, calendar, day_start);
          xmlTextWriterEndElement (writer);
        }
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer);
}
