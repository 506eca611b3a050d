/* test-calendar.c: working calendars, the 2026 holidays and their import
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-calendar.h"

static IrDay
day (const char *text)
{
  IrDay parsed = ir_day_parse (text);

  g_assert_cmpint (parsed, !=, IR_DAY_NONE);
  return parsed;
}

static void
assert_day (IrDay       actual,
            const char *expected)
{
  char text[IR_DAY_STRING_SIZE];

  g_assert_cmpstr (ir_day_format (actual, text), ==, expected);
}

/* Day-by-day reference for the indexed arithmetic. */
static gboolean
naive_is_working (IrCalendar *calendar,
                  IrDay       d)
{
  IrDayKind kind;

  if (ir_calendar_lookup_exception (calendar, d, &kind, NULL))
    return kind == IR_DAY_KIND_WORKDAY;

  return (ir_calendar_get_weekdays (calendar) & IR_WEEKDAY_BIT (ir_day_get_weekday (d))) != 0;
}

static IrDay
naive_add (IrCalendar *calendar,
           IrDay       d,
           int         n)
{
  if (n == 0)
    {
      while (!naive_is_working (calendar, d))
        d++;
      return d;
    }

  while (n != 0)
    {
      d += n > 0 ? 1 : -1;
      if (naive_is_working (calendar, d))
        n += n > 0 ? -1 : 1;
    }

  return d;
}

/* --- dates --------------------------------------------------------------- */

static void
test_day_parse (void)
{
  char text[IR_DAY_STRING_SIZE];

  g_assert_cmpint (ir_day_get_weekday (day ("2026-01-01")), ==, G_DATE_THURSDAY);
  g_assert_cmpint (ir_day_get_weekday (day ("2026-10-10")), ==, G_DATE_SATURDAY);
  g_assert_cmpint (day ("2026-03-01") - day ("2026-02-28"), ==, 1);
  g_assert_cmpint (day ("2028-03-01") - day ("2028-02-28"), ==, 2);

  g_assert_cmpint (ir_day_parse ("2026-02-30"), ==, IR_DAY_NONE);
  g_assert_cmpint (ir_day_parse ("2026-1-01"), ==, IR_DAY_NONE);
  g_assert_cmpint (ir_day_parse ("2026-01-01T08:00"), ==, IR_DAY_NONE);
  g_assert_cmpint (ir_day_parse ("abcd-ef-gh"), ==, IR_DAY_NONE);
  g_assert_cmpint (ir_day_parse (""), ==, IR_DAY_NONE);
  g_assert_cmpint (ir_day_parse (NULL), ==, IR_DAY_NONE);

  assert_day (ir_day_from_ymd (2026, 12, 31), "2026-12-31");
  g_assert_cmpstr (ir_day_format (IR_DAY_NONE, text), ==, "");
}

/* --- arithmetic ---------------------------------------------------------- */

static void
test_calendar_weekends (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new ();

  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-03-06")));    /* Friday */
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2026-03-07")));   /* Saturday */

  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-06"), 1), "2026-03-09");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-09"), -1), "2026-03-06");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-07"), 0), "2026-03-09");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-07"), 1), "2026-03-09");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-07"), -1), "2026-03-06");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-02"), 10), "2026-03-16");

  g_assert_cmpint (ir_calendar_count_working_days (calendar, day ("2026-03-06"), day ("2026-03-09")), ==, 1);
  g_assert_cmpint (ir_calendar_count_working_days (calendar, day ("2026-03-02"), day ("2026-03-06")), ==, 4);
  g_assert_cmpint (ir_calendar_count_working_days (calendar, day ("2026-03-09"), day ("2026-03-02")), ==, -5);
  g_assert_cmpint (ir_calendar_count_working_days (calendar, day ("2026-03-07"), day ("2026-03-08")), ==, 0);

  assert_day (ir_calendar_next_working_day (calendar, day ("2026-03-06")), "2026-03-09");
  assert_day (ir_calendar_previous_working_day (calendar, day ("2026-03-09")), "2026-03-06");
  assert_day (ir_calendar_previous_working_day (calendar, day ("2026-03-08")), "2026-03-06");

  /* 0 is no valid week; it falls back to Monday to Friday. */
  ir_calendar_set_weekdays (calendar, 0);
  g_assert_cmpuint (ir_calendar_get_weekdays (calendar), ==, IR_WEEKDAYS_MONDAY_TO_FRIDAY);

  /* A six-day week works Saturdays. */
  ir_calendar_set_weekdays (calendar, IR_WEEKDAYS_MONDAY_TO_FRIDAY | IR_WEEKDAY_BIT (G_DATE_SATURDAY));
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-06"), 1), "2026-03-07");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-03-07"), 1), "2026-03-09");
}

static void
test_calendar_china_2026 (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  const char *holidays[] = {
    "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-20", "2026-02-23", "2026-04-06",
    "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01",
    "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07",
  };
  const char *workdays[] = {
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
  };
  IrDayKind kind;
  const char *name = NULL;
  int count;

  for (gsize i = 0; i < G_N_ELEMENTS (holidays); i++)
    g_assert_false (ir_calendar_is_working_day (calendar, day (holidays[i])));
  for (gsize i = 0; i < G_N_ELEMENTS (workdays); i++)
    g_assert_true (ir_calendar_is_working_day (calendar, day (workdays[i])));

  /* Each of the 13 statutory holidays of 2026 costs one of its 261
   * weekdays. The make-up days give back what the bridge days took. */
  count = ir_calendar_count_working_days (calendar, day ("2025-12-31"), day ("2026-12-31"));
  g_assert_cmpint (count, ==, 261 - 13);

  /* Make-up days count like any working day. */
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-02-13"), 1), "2026-02-14");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-02-14"), 1), "2026-02-24");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-09-30"), 1), "2026-10-08");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-10-08"), 2), "2026-10-10");
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-10-08"), -1), "2026-09-30");

  g_assert_true (ir_calendar_lookup_exception (calendar, day ("2026-10-01"), &kind, &name));
  g_assert_cmpint (kind, ==, IR_DAY_KIND_HOLIDAY);
  g_assert_cmpstr (name, ==, "National Day");

  g_assert_false (ir_calendar_add_china_holidays (calendar, 1999));
}

/* The cached and the formula arithmetic agree with a day-by-day count,
 * near the plan and centuries away from it. */
static void
test_calendar_matches_naive (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  IrDay first = day ("2025-12-01");
  GRand *rand = g_rand_new_with_seed (7);

  ir_calendar_set_exception (calendar, day ("2027-01-01"), IR_DAY_KIND_HOLIDAY, NULL);
  ir_calendar_set_exception (calendar, day ("2026-07-04"), IR_DAY_KIND_WORKDAY, "Audit");

  for (int i = 0; i < 3000; i++)
    {
      IrDay d = first + g_rand_int_range (rand, 0, 500);
      int n = g_rand_int_range (rand, -60, 61);
      IrDay expected = naive_add (calendar, d, n);

      g_assert_cmpint (ir_calendar_add_working_days (calendar, d, n), ==, expected);
      g_assert_cmpint (ir_calendar_is_working_day (calendar, d), ==, naive_is_working (calendar, d));
      if (naive_is_working (calendar, d))
        g_assert_cmpint (ir_calendar_count_working_days (calendar, d, expected), ==, n);
    }

  /* Far from 2026 the cache stops growing and the formula computes. */
  for (int i = 0; i < 200; i++)
    {
      IrDay d = day ("2400-01-01") + g_rand_int_range (rand, 0, 2000);
      int n = g_rand_int_range (rand, -20, 21);

      g_assert_cmpint (ir_calendar_add_working_days (calendar, d, n), ==, naive_add (calendar, d, n));
      d = day ("1700-01-01") + g_rand_int_range (rand, 0, 2000);
      g_assert_cmpint (ir_calendar_add_working_days (calendar, d, n), ==, naive_add (calendar, d, n));
    }

  g_rand_free (rand);
}

static void
test_calendar_exceptions (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new ();
  const IrCalendarException *exceptions;
  g_autoptr(IrCalendar) copy = NULL;
  guint n;

  ir_calendar_set_exception (calendar, day ("2026-05-01"), IR_DAY_KIND_HOLIDAY, "Labour Day");
  ir_calendar_set_exception (calendar, day ("2026-04-26"), IR_DAY_KIND_WORKDAY, NULL);
  ir_calendar_set_exception (calendar, day ("2027-01-01"), IR_DAY_KIND_HOLIDAY, NULL);

  exceptions = ir_calendar_get_exceptions (calendar, &n);
  g_assert_cmpuint (n, ==, 3);
  assert_day (exceptions[0].day, "2026-04-26");
  g_assert_cmpint (exceptions[0].kind, ==, IR_DAY_KIND_WORKDAY);
  assert_day (exceptions[1].day, "2026-05-01");
  g_assert_cmpstr (exceptions[1].name, ==, "Labour Day");

  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-04-26")));
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2026-05-01")));

  copy = ir_calendar_copy (calendar);
  g_assert_cmpuint (ir_calendar_remove_exceptions (calendar, day ("2026-01-01"), day ("2026-12-31")), ==, 2);
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-05-01")));
  g_assert_false (ir_calendar_remove_exception (calendar, day ("2026-05-01")));
  g_assert_true (ir_calendar_remove_exception (calendar, day ("2027-01-01")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2027-01-01")));

  /* The copy is independent. */
  g_assert_false (ir_calendar_is_working_day (copy, day ("2026-05-01")));
  ir_calendar_get_exceptions (copy, &n);
  g_assert_cmpuint (n, ==, 3);
}

/* --- CSV ----------------------------------------------------------------- */

static void
test_csv_import (void)
{
  const char *csv =
    "\xef\xbb\xbf" "date,kind,name\r\n"
    "# Plant shutdown and the make-up Saturday\r\n"
    "2026-08-03,holiday,\"Shutdown, week 1\"\r\n"
    "\r\n"
    "2026-08-08,workday,Make-up\r\n"
    "2026-08-04,HOLIDAY\r\n"
    "2026-08-05,休,\"He said \"\"rest\"\"\"\n";
  g_autoptr(IrCalendar) calendar = ir_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) exceptions = ir_calendar_parse_csv (csv, -1, &error);
  IrCalendarException *first;

  g_assert_no_error (error);
  g_assert_nonnull (exceptions);
  g_assert_cmpuint (exceptions->len, ==, 4);

  first = &g_array_index (exceptions, IrCalendarException, 0);
  assert_day (first->day, "2026-08-03");
  g_assert_cmpstr (first->name, ==, "Shutdown, week 1");
  g_assert_cmpstr (g_array_index (exceptions, IrCalendarException, 2).name, ==, "He said \"rest\"");
  g_assert_null (g_array_index (exceptions, IrCalendarException, 1).name);
  g_assert_cmpint (g_array_index (exceptions, IrCalendarException, 3).kind, ==, IR_DAY_KIND_WORKDAY);

  g_assert_true (ir_calendar_import_csv (calendar, csv, -1, &error));
  g_assert_no_error (error);
  assert_day (ir_calendar_add_working_days (calendar, day ("2026-07-31"), 1), "2026-08-06");
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-08-08")));
}

static void
assert_csv_error (const char *csv,
                  const char *first_part,
                  const char *second_part)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ir_calendar_import_csv (calendar, csv, -1, &error));
  g_assert_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE);
  if (strstr (error->message, first_part) == NULL || strstr (error->message, second_part) == NULL)
    g_error ("Unexpected message “%s”", error->message);

  /* A failed import changes nothing. */
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-08-03")));
}

static void
test_csv_errors (void)
{
  assert_csv_error ("2026-08-03,holiday\n2026-08-32,holiday,Bad\n", "Line 2", "“2026-08-32”");
  assert_csv_error ("2026-08-03,holiday\n2026/08/04,holiday\n", "Line 2", "YYYY-MM-DD");
  assert_csv_error ("date,kind,name\n2026-08-03,vacation,Trip\n", "Line 2", "“vacation”");
  assert_csv_error ("2026-08-03,holiday,a,b\n", "Line 1", "found 4");
  assert_csv_error ("2026-08-03\n", "Line 1", "found 1");
  assert_csv_error ("2026-08-03,holiday,\"open\n", "Line 1", "quote");
  assert_csv_error ("2026-08-03,holiday\n\n2026-08-03,workday\n", "Line 3", "line 1");
  assert_csv_error ("2026-08-03,holiday\n2026-08-04,holiday,\xff\xfe\n", "Line 2", "UTF-8");
}

/* --- iCalendar ----------------------------------------------------------- */

static void
test_ics_import (void)
{
  const char *ics =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Test//Holidays//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:national-day@test\r\n"
    "DTSTART;VALUE=DATE:20261001\r\n"
    "DTEND;VALUE=DATE:20261008\r\n"
    "SUMMARY:国庆节\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:makeup@test\r\n"
    "DTSTART;VALUE=DATE:20261010\r\n"
    "SUMMARY:国庆节补班\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:saturday@test\r\n"
    "DTSTART;VALUE=DATE:20260920\r\n"
    "CATEGORIES:Workday\r\n"
    "SUMMARY:Sunday shift\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:founders@test\r\n"
    "DTSTART;VALUE=DATE:20260713\r\n"
    "DURATION:P2D\r\n"
    "RRULE:FREQ=YEARLY;COUNT=3\r\n"
    "EXDATE;VALUE=DATE:20270713\r\n"
    "SUMMARY:Founders' days\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) exceptions = ir_calendar_parse_ics (ics, -1, &error);
  g_autoptr(IrCalendar) calendar = ir_calendar_new ();
  IrDayKind kind;
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (exceptions);
  /* 7 days of National Day, 2 make-up days, 2 × 2 founders' days. */
  g_assert_cmpuint (exceptions->len, ==, 13);

  ir_calendar_add_exceptions (calendar, exceptions);
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2026-10-07")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-10-08")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-10-10")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-09-20")));
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2026-07-14")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2027-07-13")));
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2028-07-13")));

  g_assert_true (ir_calendar_lookup_exception (calendar, day ("2026-10-10"), &kind, &name));
  g_assert_cmpint (kind, ==, IR_DAY_KIND_WORKDAY);
  g_assert_cmpstr (name, ==, "国庆节补班");
}

static void
assert_ics_error (const char *ics,
                  int         code,
                  const char *first_part,
                  const char *second_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) exceptions = ir_calendar_parse_ics (ics, -1, &error);

  g_assert_null (exceptions);
  g_assert_error (error, IR_CALENDAR_ERROR, code);
  if (strstr (error->message, first_part) == NULL || strstr (error->message, second_part) == NULL)
    g_error ("Unexpected message “%s”", error->message);
}

static void
test_ics_errors (void)
{
  const char *timed =
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//T//T//EN\n"
    "BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20261001\nSUMMARY:Fine\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:b\nDTSTART:20261002T090000Z\nSUMMARY:Meeting\nEND:VEVENT\n"
    "END:VCALENDAR\n";
  const char *no_start =
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//T//T//EN\n"
    "BEGIN:VEVENT\nUID:c\nSUMMARY:Floating\nEND:VEVENT\nEND:VCALENDAR\n";
  const char *backwards =
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//T//T//EN\n"
    "BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20261005\nDTEND;VALUE=DATE:20261003\n"
    "SUMMARY:Backwards\nEND:VEVENT\nEND:VCALENDAR\n";

  assert_ics_error ("date,kind\n2026-10-01,holiday\n", IR_CALENDAR_ERROR_INVALID_ICALENDAR,
                    "iCalendar", "BEGIN:VCALENDAR");
  assert_ics_error (timed, IR_CALENDAR_ERROR_INVALID_EVENT, "Line 9", "“Meeting”");
  assert_ics_error (no_start, IR_CALENDAR_ERROR_INVALID_EVENT, "Line 4", "DTSTART");
  assert_ics_error (backwards, IR_CALENDAR_ERROR_INVALID_EVENT, "Line 4", "2026-10-05");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/day-parse", test_day_parse);
  g_test_add_func ("/calendar/weekends", test_calendar_weekends);
  g_test_add_func ("/calendar/china-2026", test_calendar_china_2026);
  g_test_add_func ("/calendar/matches-naive", test_calendar_matches_naive);
  g_test_add_func ("/calendar/exceptions", test_calendar_exceptions);
  g_test_add_func ("/calendar/csv-import", test_csv_import);
  g_test_add_func ("/calendar/csv-errors", test_csv_errors);
  g_test_add_func ("/calendar/ics-import", test_ics_import);
  g_test_add_func ("/calendar/ics-errors", test_ics_errors);

  return g_test_run ();
}
