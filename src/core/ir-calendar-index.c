/* ir-calendar-index.c: working-day indexes and the arithmetic on them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-calendar-private.h"

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

/* --- index formula and cache --------------------------------------------- */

static IrDay
clamp_day (IrDay day)
{
  return CLAMP (day, 1, IR_DAY_MAX);
}

void
ir_calendar_clear_table (IrCalendar *self)
{
  g_clear_pointer (&self->table_index, g_free);
  g_clear_pointer (&self->table_days, g_free);
  self->table_first = self->table_end = 0;
  self->table_first_index = 0;
  self->n_table_days = 0;
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

  ir_calendar_clear_table (self);
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
      gboolean worked = ir_calendar_weekday_is_worked (self, day);

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

  ir_calendar_compile (self);

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
  ir_calendar_compile (self);

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

  ir_calendar_compile (self);
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
