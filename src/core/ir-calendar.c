/* ir-calendar.c: dates, working calendars and their exceptions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-calendar-private.h"

G_DEFINE_QUARK (ir-calendar-error-quark, ir_calendar_error)

/* --- dates --------------------------------------------------------------- */

IrDay
ir_day_from_ymd (int year,
                 int month,
                 int day)
{
  GDate date;

  if (year < 1 || year > G_MAXUINT16 || month < 1 || month > 12 || day < 1 || day > 31)
    return IR_DAY_NONE;

  if (!g_date_valid_dmy (day, month, year))
    return IR_DAY_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static gboolean
parse_digits (const char *text,
              guint       count,
              int        *value)
{
  *value = 0;
  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/**
 * ir_day_parse:
 * @text: a date as "YYYY-MM-DD"
 *
 * Parses a date in the store's DATE format, nothing before or after it.
 *
 * Returns: the date, or %IR_DAY_NONE when @text is not a valid date
 */
IrDay
ir_day_parse (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return IR_DAY_NONE;

  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return IR_DAY_NONE;

  return ir_day_from_ymd (year, month, day);
}

void
ir_day_to_ymd (IrDay  day,
               int   *year,
               int   *month,
               int   *day_of_month)
{
  GDate date;

  g_return_if_fail (day > 0 && day <= IR_DAY_MAX);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (year != NULL)
    *year = g_date_get_year (&date);
  if (month != NULL)
    *month = g_date_get_month (&date);
  if (day_of_month != NULL)
    *day_of_month = g_date_get_day (&date);
}

/**
 * ir_day_format:
 * @day: a date
 * @buffer: room for IR_DAY_STRING_SIZE bytes
 *
 * Writes @day as "YYYY-MM-DD", or an empty string for %IR_DAY_NONE.
 *
 * Returns: @buffer
 */
char *
ir_day_format (IrDay day,
               char  buffer[IR_DAY_STRING_SIZE])
{
  int year, month, day_of_month;

  if (day <= 0 || day > IR_DAY_MAX)
    {
      buffer[0] = '\0';
      return buffer;
    }

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  g_snprintf (buffer, IR_DAY_STRING_SIZE, "%04d-%02d-%02d", year, month, day_of_month);

  return buffer;
}

GDateWeekday
ir_day_get_weekday (IrDay day)
{
  g_return_val_if_fail (day > 0, G_DATE_BAD_WEEKDAY);

  /* Day 1 is a Monday. */
  return (GDateWeekday) ((day - 1) % 7 + G_DATE_MONDAY);
}

/* --- exceptions ---------------------------------------------------------- */

void
ir_calendar_exception_clear (IrCalendarException *exception)
{
  g_clear_pointer (&exception->name, g_free);
}

static void
exception_value_free (gpointer data)
{
  ExceptionValue *value = data;

  g_free (value->name);
  g_free (value);
}

gboolean
ir_calendar_weekday_is_worked (IrCalendar *self,
                               IrDay       day)
{
  return (self->weekdays & IR_WEEKDAY_BIT (ir_day_get_weekday (day))) != 0;
}

static void
invalidate (IrCalendar *self)
{
  self->compiled = FALSE;
  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->change_sums, g_array_unref);
  ir_calendar_clear_table (self);
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  const IrCalendarException *x = a;
  const IrCalendarException *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

void
ir_calendar_compile (IrCalendar *self)
{
  GHashTableIter iter;
  gpointer key, data;
  gint32 sum = 0;

  if (self->compiled)
    return;

  self->week_count = 0;
  for (int i = 0; i < 7; i++)
    {
      self->week_prefix[i] = self->week_count;
      if (self->weekdays & (1u << i))
        self->week_count++;
    }
  self->week_prefix[7] = self->week_count;

  self->sorted = g_array_sized_new (FALSE, FALSE, sizeof (IrCalendarException),
                                    g_hash_table_size (self->exceptions));
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      ExceptionValue *value = data;
      IrCalendarException exception = { GPOINTER_TO_INT (key), value->kind, value->name };

      g_array_append_val (self->sorted, exception);
    }
  g_array_sort (self->sorted, compare_exceptions);

  /* Only an exception that contradicts its weekday moves the index. */
  self->changes = g_array_new (FALSE, FALSE, sizeof (IrDay));
  self->change_sums = g_array_new (FALSE, FALSE, sizeof (gint32));
  for (guint i = 0; i < self->sorted->len; i++)
    {
      const IrCalendarException *exception = &g_array_index (self->sorted, IrCalendarException, i);
      gboolean worked = ir_calendar_weekday_is_worked (self, exception->day);

      if (worked == (exception->kind == IR_DAY_KIND_WORKDAY))
        continue;

      sum += worked ? -1 : 1;
      g_array_append_val (self->changes, exception->day);
      g_array_append_val (self->change_sums, sum);
    }

  self->compiled = TRUE;
}

/* --- life cycle and properties ------------------------------------------- */

/**
 * ir_calendar_new:
 *
 * Creates a calendar that works Monday to Friday, 8 hours a day, with no
 * holidays.
 *
 * Returns: (transfer full): a new calendar
 */
IrCalendar *
ir_calendar_new (void)
{
  IrCalendar *self = g_new0 (IrCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->weekdays = IR_WEEKDAYS_MONDAY_TO_FRIDAY;
  self->hours_per_day = 8.0;
  self->exceptions = g_hash_table_new_full (NULL, NULL, NULL, exception_value_free);

  return self;
}

IrCalendar *
ir_calendar_copy (IrCalendar *self)
{
  IrCalendar *copy;
  GHashTableIter iter;
  gpointer key, data;

  g_return_val_if_fail (self != NULL, NULL);

  copy = ir_calendar_new ();
  copy->name = g_strdup (self->name);
  copy->weekdays = self->weekdays;
  copy->hours_per_day = self->hours_per_day;

  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      ExceptionValue *value = data;

      ir_calendar_set_exception (copy, GPOINTER_TO_INT (key), value->kind, value->name);
    }

  return copy;
}

IrCalendar *
ir_calendar_ref (IrCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ir_calendar_unref (IrCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  invalidate (self);
  g_hash_table_unref (self->exceptions);
  g_free (self->name);
  g_free (self);
}

const char *
ir_calendar_get_name (IrCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

void
ir_calendar_set_name (IrCalendar *self,
                      const char *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
}

guint
ir_calendar_get_weekdays (IrCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->weekdays;
}

/**
 * ir_calendar_set_weekdays:
 * @self: a calendar
 * @weekdays: worked weekdays, bit 0 Monday … bit 6 Sunday
 *
 * Sets the weekly pattern. A calendar needs at least one worked weekday
 * for its arithmetic to end, so 0 stands for the default, Monday to Friday.
 */
void
ir_calendar_set_weekdays (IrCalendar *self,
                          guint       weekdays)
{
  g_return_if_fail (self != NULL);

  weekdays &= 0x7f;
  if (weekdays == 0)
    weekdays = IR_WEEKDAYS_MONDAY_TO_FRIDAY;

  if (weekdays == self->weekdays)
    return;

  self->weekdays = weekdays;
  invalidate (self);
}

double
ir_calendar_get_hours_per_day (IrCalendar *self)
{
  g_return_val_if_fail (self != NULL, 8.0);

  return self->hours_per_day;
}

void
ir_calendar_set_hours_per_day (IrCalendar *self,
                               double      hours)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (hours > 0 && hours <= 24);

  self->hours_per_day = hours;
}

/* --- exception API ------------------------------------------------------- */

/**
 * ir_calendar_set_exception:
 * @self: a calendar
 * @day: a date
 * @kind: whether @day is off or worked
 * @name: (nullable): what the day is, such as "国庆节"
 *
 * Makes @day a holiday or a working day whatever its weekday, replacing
 * an earlier exception on the same date.
 */
void
ir_calendar_set_exception (IrCalendar *self,
                           IrDay       day,
                           IrDayKind   kind,
                           const char *name)
{
  ExceptionValue *value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (day > 0 && day <= IR_DAY_MAX);
  g_return_if_fail (kind == IR_DAY_KIND_HOLIDAY || kind == IR_DAY_KIND_WORKDAY);

  value = g_new0 (ExceptionValue, 1);
  value->kind = kind;
  value->name = (name != NULL && *name != '\0') ? g_strdup (name) : NULL;
  g_hash_table_replace (self->exceptions, GINT_TO_POINTER (day), value);

  invalidate (self);
}

gboolean
ir_calendar_remove_exception (IrCalendar *self,
                              IrDay       day)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_hash_table_remove (self->exceptions, GINT_TO_POINTER (day)))
    return FALSE;

  invalidate (self);
  return TRUE;
}

/* Removes the exceptions dated @first to @last inclusive, so that a year's
 * holidays can be replaced by a fresh import. Returns how many it removed. */
guint
ir_calendar_remove_exceptions (IrCalendar *self,
                               IrDay       first,
                               IrDay       last)
{
  GHashTableIter iter;
  gpointer key;
  guint removed = 0;

  g_return_val_if_fail (self != NULL, 0);

  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      IrDay day = GPOINTER_TO_INT (key);

      if (day >= first && day <= last)
        {
          g_hash_table_iter_remove (&iter);
          removed++;
        }
    }

  if (removed > 0)
    invalidate (self);

  return removed;
}

gboolean
ir_calendar_lookup_exception (IrCalendar  *self,
                              IrDay        day,
                              IrDayKind   *kind,
                              const char **name)
{
  ExceptionValue *value;

  g_return_val_if_fail (self != NULL, FALSE);

  value = g_hash_table_lookup (self->exceptions, GINT_TO_POINTER (day));
  if (value == NULL)
    return FALSE;

  if (kind != NULL)
    *kind = value->kind;
  if (name != NULL)
    *name = value->name;

  return TRUE;
}

/**
 * ir_calendar_get_exceptions:
 * @self: a calendar
 * @n_exceptions: (out): the number of exceptions
 *
 * Lists the exceptions by date. The array belongs to @self and stays valid
 * until @self changes.
 *
 * Returns: (transfer none) (array length=n_exceptions): the exceptions
 */
const IrCalendarException *
ir_calendar_get_exceptions (IrCalendar *self,
                            guint      *n_exceptions)
{
  g_return_val_if_fail (self != NULL, NULL);

  ir_calendar_compile (self);
  *n_exceptions = self->sorted->len;

  return (const IrCalendarException *) (gpointer) self->sorted->data;
}

/* Sets every exception of an array of IrCalendarException, such as the
 * parsers below return. */
void
ir_calendar_add_exceptions (IrCalendar *self,
                            GArray     *exceptions)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (exceptions != NULL);

  for (guint i = 0; i < exceptions->len; i++)
    {
      const IrCalendarException *exception = &g_array_index (exceptions, IrCalendarException, i);

      ir_calendar_set_exception (self, exception->day, exception->kind, exception->name);
    }
}
