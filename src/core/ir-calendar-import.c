/* ir-calendar-import.c: a year of holidays from CSV or iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "ir-calendar.h"

/* A recurring iCalendar event adds at most this many occurrences, within
 * this many years of its start: holiday feeds repeat yearly without end. */
#define MAX_OCCURRENCES     1000
#define MAX_RECURRING_YEARS 10

/* --- collecting exceptions ----------------------------------------------- */

/* Exceptions being parsed, with the line each came from so that a date
 * listed twice with different kinds can name both lines. */
typedef struct
{
  GArray     *exceptions;   /* IrCalendarException */
  GArray     *lines;        /* guint, parallel to exceptions */
  GHashTable *by_day;       /* IrDay → index + 1 */
} Collector;

static void
collector_init (Collector *collector)
{
  collector->exceptions = g_array_new (FALSE, FALSE, sizeof (IrCalendarException));
  g_array_set_clear_func (collector->exceptions, (GDestroyNotify) ir_calendar_exception_clear);
  collector->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  collector->by_day = g_hash_table_new (NULL, NULL);
}

static void
collector_clear (Collector *collector)
{
  g_clear_pointer (&collector->exceptions, g_array_unref);
  g_clear_pointer (&collector->lines, g_array_unref);
  g_clear_pointer (&collector->by_day, g_hash_table_unref);
}

static const char *
kind_to_string (IrDayKind kind)
{
  return kind == IR_DAY_KIND_WORKDAY ? "workday" : "holiday";
}

static gboolean
collector_add (Collector   *collector,
               IrDay        day,
               IrDayKind    kind,
               const char  *name,
               guint        line,
               GError     **error)
{
  gpointer found = g_hash_table_lookup (collector->by_day, GINT_TO_POINTER (day));
  IrCalendarException exception = { day, kind, g_strdup (name) };

  if (found != NULL)
    {
      guint index = GPOINTER_TO_UINT (found) - 1;
      const IrCalendarException *earlier =
        &g_array_index (collector->exceptions, IrCalendarException, index);
      char date[IR_DAY_STRING_SIZE];

      g_free (exception.name);
      if (earlier->kind == kind)
        return TRUE;

      /* Translators: the kinds are the file's own words, "holiday" or "workday". */
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: %s is a %s here but a %s on line %u; keep one of the two."),
                   line, ir_day_format (day, date), kind_to_string (kind),
                   kind_to_string (earlier->kind),
                   g_array_index (collector->lines, guint, index));
      return FALSE;
    }

  g_array_append_val (collector->exceptions, exception);
  g_array_append_val (collector->lines, line);
  g_hash_table_insert (collector->by_day, GINT_TO_POINTER (day),
                       GUINT_TO_POINTER (collector->exceptions->len));

  return TRUE;
}

static int
compare_by_day (gconstpointer a,
                gconstpointer b)
{
  const IrCalendarException *x = a;
  const IrCalendarException *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static GArray *
collector_finish (Collector *collector)
{
  GArray *result = g_steal_pointer (&collector->exceptions);

  g_array_sort (result, compare_by_day);
  collector_clear (collector);

  return result;
}

static gboolean
check_utf8 (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;

  g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
               _("Line %u is not valid UTF-8 text; save the file as UTF-8 and import it again."),
               line);
  return FALSE;
}

/* --- CSV ------------------------------------------------------------------ */

/* Splits one line into fields at commas, honouring RFC 4180 double quotes
 * (a quote inside a quoted field is written twice). */
static GPtrArray *
split_csv_line (const char *line,
                gboolean   *unterminated)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }

  g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
  *unterminated = quoted;

  return fields;
}

static gboolean
parse_kind (const char *text,
            IrDayKind  *kind)
{
  if (g_ascii_strcasecmp (text, "holiday") == 0 || g_str_equal (text, "休"))
    *kind = IR_DAY_KIND_HOLIDAY;
  else if (g_ascii_strcasecmp (text, "workday") == 0 || g_str_equal (text, "班"))
    *kind = IR_DAY_KIND_WORKDAY;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_csv_line (Collector   *collector,
                const char  *line,
                guint        number,
                gboolean     first,
                GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  gboolean unterminated;
  const char *date_text, *kind_text;
  IrDayKind kind;
  IrDay day;

  fields = split_csv_line (line, &unterminated);
  if (unterminated)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: a quoted field has no closing quote (\")."), number);
      return FALSE;
    }

  date_text = g_ptr_array_index (fields, 0);

  /* A header line names the columns. */
  if (first && g_ascii_strcasecmp (date_text, "date") == 0)
    return TRUE;

  if (fields->len < 2 || fields->len > 3)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: expected 2 or 3 fields (date,kind,name), found %u."),
                   number, fields->len);
      return FALSE;
    }

  day = ir_day_parse (date_text);
  if (day == IR_DAY_NONE)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: invalid date “%s”: expected YYYY-MM-DD, such as 2026-10-01."),
                   number, date_text);
      return FALSE;
    }

  kind_text = g_ptr_array_index (fields, 1);
  if (!parse_kind (kind_text, &kind))
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: invalid kind “%s”: expected “holiday” or “workday”."),
                   number, kind_text);
      return FALSE;
    }

  return collector_add (collector, day, kind,
                        fields->len == 3 ? g_ptr_array_index (fields, 2) : NULL,
                        number, error);
}

/**
 * ir_calendar_parse_csv:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 * @error: return location for an error
 *
 * Parses lines of `date,kind,name`: a date as YYYY-MM-DD, "holiday" or
 * "workday" (or 休 and 班), and an optional name, quoted when it contains a
 * comma. A first line "date,kind,name" is a header; blank lines and lines
 * that start with # are skipped. The error of a bad line gives its number,
 * the bad value and what was expected.
 *
 * Returns: (transfer full) (nullable): IrCalendarException sorted by day
 */
GArray *
ir_calendar_parse_csv (const char  *text,
                       gssize       length,
                       GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  Collector collector;
  gboolean first = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!check_utf8 (text, length, error))
    return NULL;

  copy = g_strndup (text, length);
  lines = g_strsplit (copy, "\n", -1);
  collector_init (&collector);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      /* Skip a byte order mark and a carriage return of CRLF files. */
      if (i == 0 && g_str_has_prefix (line, "\xef\xbb\xbf"))
        line += 3;
      g_strstrip (line);

      if (*line == '\0' || *line == '#')
        continue;

      if (!parse_csv_line (&collector, line, i + 1, first, error))
        {
          collector_clear (&collector);
          return NULL;
        }
      first = FALSE;
    }

  return collector_finish (&collector);
}

gboolean
ir_calendar_import_csv (IrCalendar  *self,
                        const char  *text,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GArray) exceptions = ir_calendar_parse_csv (text, length, error);

  if (exceptions == NULL)
    return FALSE;

  ir_calendar_add_exceptions (self, exceptions);
  return TRUE;
}

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
add_event_days (Collector      *collector,
                icalcomponent  *event,
                IrDay           first,
                int             days,
                guint           line,
                GError        **error)
{
  for (int i = 0; i < days; i++)
    if (!collector_add (collector, first + i, event_kind (event),
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
add_recurrences (Collector            *collector,
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
parse_event (Collector      *collector,
             icalcomponent  *event,
             guint           line,
             GError        **error)
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
parse_calendar (Collector      *collector,
                icalcomponent  *calendar,
                GArray         *event_lines,
                guint          *event_count,
                GError        **error)
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
  Collector collector;
  guint event_count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!check_utf8 (text, length, error))
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
  collector_init (&collector);

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
      collector_clear (&collector);
      return NULL;
    }

  return collector_finish (&collector);
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
