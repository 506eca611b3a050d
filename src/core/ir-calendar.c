/* ir-calendar.c: working calendars and working-day arithmetic
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-calendar.h"

/* Working-day arithmetic rests on one number per date, its index: how many
 * working days come before it, counted from day 1. The index of a date is
 * the weekly pattern's count plus a prefix sum over the exceptions that
 * change a weekday's status, found by binary search (O(log e) for e
 * exceptions). A table over a range of dates caches indexes and the working
 * day at each index (O(1)). It covers the dates a schedule queries and
 * grows on demand up to TABLE_MAX_DAYS, beyond which the formula computes.
 *
 * NOTE: the table is filled lazily by queries, so one calendar must not be
 * queried from two threads at once. */

#define TABLE_MAX_DAYS (366 * 200)
#define TABLE_MARGIN   366

/* The last date GDate represents: 31 December 65535. */
#define IR_DAY_MAX 23936166

typedef struct
{
  IrDayKind  kind;
  char      *name;
} ExceptionValue;

struct _IrCalendar
{
  gatomicrefcount  ref_count;
  char            *name;
  guint            weekdays;
  double           hours_per_day;
  GHashTable      *exceptions;      /* IrDay → ExceptionValue */

  /* Derived from the above by compile(); cleared by every change. */
  gboolean         compiled;
  GArray          *sorted;          /* IrCalendarException, names borrowed */
  GArray          *changes;         /* IrDay, exceptions that move the index */
  GArray          *change_sums;     /* gint32, deltas of changes[0..i] summed */
  int              week_count;
  int              week_prefix[8];

  /* Index cache for the dates [table_first, table_end). */
  IrDay            table_first;
  IrDay            table_end;
  gint32          *table_index;     /* span + 1 entries */
  gint32           table_first_index;
  IrDay           *table_days;
  guint            n_table_days;
};

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

static gboolean
weekday_is_worked (IrCalendar *self,
                   IrDay       day)
{
  return (self->weekdays & IR_WEEKDAY_BIT (ir_day_get_weekday (day))) != 0;
}

static void
clear_table (IrCalendar *self)
{
  g_clear_pointer (&self->table_index, g_free);
  g_clear_pointer (&self->table_days, g_free);
  self->table_first = self->table_end = 0;
  self->table_first_index = 0;
  self->n_table_days = 0;
}

static void
invalidate (IrCalendar *self)
{
  self->compiled = FALSE;
  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->change_sums, g_array_unref);
  clear_table (self);
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  const IrCalendarException *x = a;
  const IrCalendarException *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static void
compile (IrCalendar *self)
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
      gboolean worked = weekday_is_worked (self, exception->day);

      if (worked == (exception->kind == IR_DAY_KIND_WORKDAY))
        continue;

      sum += worked ? -1 : 1;
      g_array_append_val (self->changes, exception->day);
      g_array_append_val (self->change_sums, sum);
    }

  self->compiled = TRUE;
}

/* --- index formula and cache --------------------------------------------- */

static IrDay
clamp_day (IrDay day)
{
  return CLAMP (day, 1, IR_DAY_MAX);
}

/* Counts working days in [1, day), without the cache. */
static gint32
index_by_formula (IrCalendar *self,
                  IrDay       day)
{
  gint32 k = day - 1;
  gint32 index = (k / 7) * self->week_count + self->week_prefix[k % 7];
  guint lo = 0, hi = self->changes->len;

  /* Number of changes strictly before @day. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->changes, IrDay, mid) < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo > 0)
    index += g_array_index (self->change_sums, gint32, lo - 1);

  return index;
}

static void
build_table (IrCalendar *self,
             IrDay       first,
             IrDay       end)
{
  guint span = end - first;
  gint32 index = index_by_formula (self, first);
  guint cursor = 0;

  clear_table (self);
  self->table_first = first;
  self->table_end = end;
  self->table_first_index = index;
  self->table_index = g_new (gint32, span + 1);
  self->table_days = g_new (IrDay, span);

  /* Walk the dates and the sorted exceptions side by side. */
  while (cursor < self->sorted->len &&
         g_array_index (self->sorted, IrCalendarException, cursor).day < first)
    cursor++;

  for (guint i = 0; i < span; i++)
    {
      IrDay day = first + i;
      gboolean worked = weekday_is_worked (self, day);

      if (cursor < self->sorted->len)
        {
          const IrCalendarException *exception =
            &g_array_index (self->sorted, IrCalendarException, cursor);

          if (exception->day == day)
            {
              worked = exception->kind == IR_DAY_KIND_WORKDAY;
              cursor++;
            }
        }

      self->table_index[i] = index;
      if (worked)
        {
          self->table_days[self->n_table_days++] = day;
          index++;
        }
    }
  self->table_index[span] = index;
}

/* Grows the cache so that it covers @day; FALSE when that would make it
 * larger than TABLE_MAX_DAYS. */
static gboolean
ensure_table (IrCalendar *self,
              IrDay       day)
{
  IrDay first, end;

  compile (self);

  if (self->table_index != NULL && day >= self->table_first && day < self->table_end)
    return TRUE;

  first = day - TABLE_MARGIN;
  end = day + TABLE_MARGIN;
  if (self->table_index != NULL)
    {
      gint32 span = self->table_end - self->table_first;

      /* Grow at least by the current span, so growth costs O(1) per date. */
      first = MIN (first, day < self->table_first ? self->table_first - span : self->table_first);
      end = MAX (end, day >= self->table_end ? self->table_end + span : self->table_end);
    }
  first = clamp_day (first);
  end = MIN (end, IR_DAY_MAX + 1);

  if (end - first > TABLE_MAX_DAYS)
    return FALSE;

  build_table (self, first, end);
  return TRUE;
}

/**
 * ir_calendar_day_index:
 * @self: a calendar
 * @day: a date
 *
 * Counts the working days before @day (from 1 January of year 1). The
 * index of a working day is its position among all working days, so the
 * difference of two indexes is a number of working days.
 *
 * Returns: the index of @day
 */
gint32
ir_calendar_day_index (IrCalendar *self,
                       IrDay       day)
{
  day = clamp_day (day);
  if (!ensure_table (self, day))
    return index_by_formula (self, day);

  return self->table_index[day - self->table_first];
}

static IrDay
day_at_index_by_search (IrCalendar *self,
                        gint32      index)
{
  IrDay lo = 1, hi = IR_DAY_MAX;

  /* The first date whose following date has an index above @index. */
  while (lo < hi)
    {
      IrDay mid = lo + (hi - lo) / 2;

      if (index_by_formula (self, mid + 1) > index)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/**
 * ir_calendar_day_at_index:
 * @self: a calendar
 * @index: a working-day index, as ir_calendar_day_index() counts
 *
 * Finds the working day with the given index; an index below 0 gives the
 * first working day.
 *
 * Returns: a working day
 */
IrDay
ir_calendar_day_at_index (IrCalendar *self,
                          gint32      index)
{
  IrDay estimate;

  index = MAX (index, 0);
  compile (self);

  if (self->table_days != NULL &&
      index >= self->table_first_index &&
      index < self->table_first_index + (gint32) self->n_table_days)
    return self->table_days[index - self->table_first_index];

  /* The weekly pattern puts the date near here; exceptions shift it by
   * about as many days as there are exceptions, which the margin covers. */
  estimate = clamp_day ((IrDay) ((gint64) index * 7 / self->week_count) + 1);
  if (ensure_table (self, estimate) &&
      index >= self->table_first_index &&
      index < self->table_first_index + (gint32) self->n_table_days)
    return self->table_days[index - self->table_first_index];

  return day_at_index_by_search (self, index);
}

/**
 * ir_calendar_prepare:
 * @self: a calendar
 * @first: the first date that will be asked about
 * @last: the last date that will be asked about
 *
 * Fills the index cache for a range of dates at once, so that queries in
 * it take constant time. Queries outside the range still work.
 */
void
ir_calendar_prepare (IrCalendar *self,
                     IrDay       first,
                     IrDay       last)
{
  g_return_if_fail (self != NULL);

  first = clamp_day (first);
  last = clamp_day (last);
  if (last < first)
    return;

  compile (self);
  if (self->table_index != NULL && first >= self->table_first && last < self->table_end)
    return;

  if (self->table_index != NULL)
    {
      first = MIN (first, self->table_first);
      last = MAX (last, self->table_end - 1);
    }

  first = clamp_day (first - TABLE_MARGIN);
  last = MIN (last + TABLE_MARGIN, IR_DAY_MAX);
  if (last + 1 - first <= TABLE_MAX_DAYS)
    build_table (self, first, last + 1);
}

/* --- arithmetic ---------------------------------------------------------- */

gboolean
ir_calendar_is_working_day (IrCalendar *self,
                            IrDay       day)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day > 0, FALSE);

  return ir_calendar_day_index (self, day + 1) > ir_calendar_day_index (self, day);
}

/**
 * ir_calendar_add_working_days:
 * @self: a calendar
 * @day: a date
 * @n: working days to move, negative to move back
 *
 * Moves by working days: for @n > 0 the @n-th working day after @day, for
 * @n < 0 the @n-th before it, and for 0 @day itself or, when @day is off,
 * the next working day.
 *
 * Returns: a working day
 */
IrDay
ir_calendar_add_working_days (IrCalendar *self,
                              IrDay       day,
                              int         n)
{
  g_return_val_if_fail (self != NULL, IR_DAY_NONE);
  g_return_val_if_fail (day > 0, IR_DAY_NONE);

  if (n > 0)
    return ir_calendar_day_at_index (self, ir_calendar_day_index (self, day + 1) + n - 1);

  return ir_calendar_day_at_index (self, ir_calendar_day_index (self, day) + n);
}

/**
 * ir_calendar_count_working_days:
 * @self: a calendar
 * @from: a date
 * @to: a date
 *
 * Counts the working days after @from up to and including @to, negated
 * when @to is before @from. For working days, adding the count to @from
 * with ir_calendar_add_working_days() gives @to.
 *
 * Returns: the signed number of working days
 */
int
ir_calendar_count_working_days (IrCalendar *self,
                                IrDay       from,
                                IrDay       to)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from > 0 && to > 0, 0);

  return ir_calendar_day_index (self, to + 1) - ir_calendar_day_index (self, from + 1);
}

IrDay
ir_calendar_next_working_day (IrCalendar *self,
                              IrDay       day)
{
  return ir_calendar_add_working_days (self, day, 1);
}

/* Returns the last working day before @day, or %IR_DAY_NONE when there is
 * none since year 1. */
IrDay
ir_calendar_previous_working_day (IrCalendar *self,
                                  IrDay       day)
{
  gint32 index;

  g_return_val_if_fail (self != NULL, IR_DAY_NONE);
  g_return_val_if_fail (day > 0, IR_DAY_NONE);

  index = ir_calendar_day_index (self, day);
  if (index == 0)
    return IR_DAY_NONE;

  return ir_calendar_day_at_index (self, index - 1);
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

  compile (self);
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
