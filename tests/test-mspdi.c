/* test-mspdi.c: Microsoft Project XML import, export and round trip
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fixtures/mspdi-2007.xml is a plan in the form of Project 2007 and
 * later: calendar exceptions as Exceptions, some recurring, all four link
 * types with lags in days, hours, elapsed days and percent, constraints,
 * actual dates, a manual task and baselines. mspdi-legacy.xml is one line
 * as Project 2002 wrote it, with exceptions as WeekDay elements.
 */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "ir-mspdi.h"

/* --- helpers ------------------------------------------------------------- */

static char *
fixture_path (const char *name)
{
  const char *source = g_getenv ("IR_SOURCE_DIR");

  if (source != NULL)
    return g_build_filename (source, "tests", "fixtures", name, NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static IrSchedule *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  IrSchedule *schedule = ir_mspdi_import_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_no_error (error);

  return schedule;
}

static IrDay
day (const char *text)
{
  IrDay parsed = ir_day_parse (text);

  g_assert_cmpint (parsed, !=, IR_DAY_NONE);
  return parsed;
}

static IrScheduleTask *
task_by_uid (IrSchedule *schedule,
             int         uid)
{
  g_autofree char *id = g_strdup_printf (IR_MSPDI_TASK_ID_PREFIX "%d", uid);
  IrScheduleTask *task = ir_schedule_lookup_task (schedule, id);

  g_assert_nonnull (task);
  return task;
}

#define assert_dates(schedule, uid, start, finish) \
  assert_dates_at (__LINE__, schedule, uid, start, finish)

static void
assert_dates_at (int         line,
                 IrSchedule *schedule,
                 int         uid,
                 const char *start,
                 const char *finish)
{
  IrScheduleTask *task = task_by_uid (schedule, uid);
  char actual_start[IR_DAY_STRING_SIZE], actual_finish[IR_DAY_STRING_SIZE];

  ir_day_format (task->start, actual_start);
  ir_day_format (task->finish, actual_finish);
  if (!g_str_equal (actual_start, start) || !g_str_equal (actual_finish, finish))
    g_error ("line %d: UID %d runs %s – %s, expected %s – %s",
             line, uid, actual_start, actual_finish, start, finish);
}

static IrScheduleLink *
link_into (IrSchedule *schedule,
           int         successor_uid)
{
  g_autofree char *id = g_strdup_printf (IR_MSPDI_TASK_ID_PREFIX "%d", successor_uid);

  for (guint i = 0; i < ir_schedule_get_n_links (schedule); i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (schedule, i);

      if (g_str_equal (link->successor_id, id))
        return link;
    }

  g_assert_not_reached ();
}

static void
assert_exception (IrCalendar *calendar,
                  const char *date,
                  IrDayKind   kind,
                  const char *name)
{
  IrDayKind found_kind;
  const char *found_name = NULL;

  g_assert_true (ir_calendar_lookup_exception (calendar, day (date), &found_kind, &found_name));
  g_assert_cmpint (found_kind, ==, kind);
  g_assert_cmpstr (found_name, ==, name);
}

/* --- import -------------------------------------------------------------- */

static void
test_import_2007 (void)
{
  g_autoptr(IrSchedule) schedule = import_fixture ("mspdi-2007.xml");
  g_autoptr(GArray) variances = NULL;
  IrCalendar *calendar = ir_schedule_get_calendar (schedule);
  IrScheduleTask *drawings, *freeze, *acceptance, *shipment, *visit;
  IrTaskBaseline baseline;
  IrScheduleLink *link;
  guint n_children;

  g_assert_cmpstr (ir_schedule_get_name (schedule), ==, "Valve order 4711");
  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, 12);
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), ==, 8);

  /* Outline. */
  ir_schedule_get_children (schedule, task_by_uid (schedule, 4), &n_children);
  g_assert_cmpuint (n_children, ==, 5);
  g_assert_true (task_by_uid (schedule, 1)->flags & IR_TASK_SUMMARY);
  g_assert_cmpint (task_by_uid (schedule, 6)->outline_level, ==, 2);
  g_assert_cmpstr (task_by_uid (schedule, 6)->external_id, ==, "6");

  /* Links and lags: days, hours, elapsed days and a percentage. */
  link = link_into (schedule, 5);
  g_assert_cmpint (link->type, ==, IR_LINK_FS);
  g_assert_cmpint (link->lag, ==, 1);
  link = link_into (schedule, 6);
  g_assert_cmpint (link->type, ==, IR_LINK_SS);
  g_assert_cmpint (link->lag, ==, 2);
  link = link_into (schedule, 7);
  g_assert_cmpint (link->type, ==, IR_LINK_FF);
  g_assert_cmpint (link->lag, ==, 1);
  link = link_into (schedule, 8);
  g_assert_cmpint (link->type, ==, IR_LINK_SF);
  g_assert_cmpint (link->lag, ==, -1);
  link = link_into (schedule, 9);
  g_assert_cmpint (link->lag, ==, 2);

  /* Task fields. */
  drawings = task_by_uid (schedule, 2);
  g_assert_cmpint (drawings->duration, ==, 5);
  g_assert_cmpint (drawings->progress, ==, 100);
  g_assert_cmpint (drawings->actual_start, ==, day ("2026-03-02"));
  g_assert_cmpint (drawings->actual_finish, ==, day ("2026-03-06"));
  freeze = task_by_uid (schedule, 3);
  g_assert_true (freeze->milestone);
  g_assert_cmpint (freeze->committed, ==, day ("2026-03-06"));
  acceptance = task_by_uid (schedule, 10);
  g_assert_cmpint (acceptance->constraint, ==, IR_CONSTRAINT_SNET);
  g_assert_cmpint (acceptance->constraint_date, ==, day ("2026-04-01"));
  shipment = task_by_uid (schedule, 11);
  g_assert_cmpint (shipment->constraint, ==, IR_CONSTRAINT_FNLT);
  g_assert_cmpint (shipment->constraint_date, ==, day ("2026-04-10"));
  visit = task_by_uid (schedule, 12);
  g_assert_cmpint (visit->manual_start, ==, day ("2026-03-18"));
  g_assert_cmpint (task_by_uid (schedule, 5)->constraint, ==, IR_CONSTRAINT_DEFAULT);

  /* Baselines. */
  g_assert_cmpuint (ir_schedule_task_get_n_baselines (drawings), ==, 2);
  g_assert_true (ir_schedule_task_get_baseline (drawings, 1, &baseline));
  g_assert_cmpint (baseline.start, ==, day ("2026-02-23"));
  g_assert_cmpint (baseline.finish, ==, day ("2026-02-27"));
  g_assert_cmpint (baseline.duration, ==, -1);
  g_assert_true (ir_schedule_task_get_baseline (drawings, 0, &baseline));
  g_assert_cmpint (baseline.duration, ==, 5);

  /* The calendar: ranges, a make-up Saturday and three recurring rules. */
  g_assert_cmpstr (ir_calendar_get_name (calendar), ==, "Plant");
  assert_exception (calendar, "2026-03-17", IR_DAY_KIND_HOLIDAY, "Plant shutdown");
  assert_exception (calendar, "2026-03-21", IR_DAY_KIND_WORKDAY, "Make-up Saturday");
  assert_exception (calendar, "2027-03-25", IR_DAY_KIND_HOLIDAY, "Founders' day");
  assert_exception (calendar, "2028-03-25", IR_DAY_KIND_HOLIDAY, "Founders' day");
  g_assert_false (ir_calendar_lookup_exception (calendar, day ("2029-03-25"), NULL, NULL));
  assert_exception (calendar, "2026-04-10", IR_DAY_KIND_HOLIDAY, "Short Fridays");
  g_assert_false (ir_calendar_lookup_exception (calendar, day ("2026-04-24"), NULL, NULL));
  assert_exception (calendar, "2026-03-31", IR_DAY_KIND_HOLIDAY, "Stocktaking");
  assert_exception (calendar, "2026-10-30", IR_DAY_KIND_HOLIDAY, "Stocktaking");
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2026-03-21")));

  /* The schedule, computed by hand. */
  assert_dates (schedule, 2, "2026-03-02", "2026-03-06");
  assert_dates (schedule, 3, "2026-03-06", "2026-03-06");
  assert_dates (schedule, 5, "2026-03-10", "2026-03-13");
  assert_dates (schedule, 6, "2026-03-12", "2026-03-18");   /* over the shutdown */
  assert_dates (schedule, 7, "2026-03-18", "2026-03-19");
  assert_dates (schedule, 8, "2026-03-11", "2026-03-12");
  assert_dates (schedule, 9, "2026-03-21", "2026-03-30");   /* from the make-up Saturday */
  assert_dates (schedule, 10, "2026-04-01", "2026-04-01");
  assert_dates (schedule, 11, "2026-04-01", "2026-04-02");
  assert_dates (schedule, 12, "2026-03-18", "2026-03-18");
  assert_dates (schedule, 4, "2026-03-10", "2026-03-30");

  /* Baseline against forecast, as the escalation reads it. */
  variances = ir_schedule_compare_baseline (schedule, 0);
  g_assert_cmpuint (variances->len, ==, 3);
  for (guint i = 0; i < variances->len; i++)
    {
      IrBaselineVariance *variance = &g_array_index (variances, IrBaselineVariance, i);

      if (variance->task == acceptance)
        {
          g_assert_cmpint (variance->finish_slip, ==, 5);
          g_assert_cmpint (variance->finish_slip_working, ==, 2);
        }
      else if (variance->task == task_by_uid (schedule, 9))
        g_assert_cmpint (variance->finish_slip, ==, 7);
      else
        g_assert_cmpint (variance->finish_slip, ==, 0);
    }
}

static void
test_import_legacy (void)
{
  g_autoptr(IrSchedule) schedule = import_fixture ("mspdi-legacy.xml");
  IrCalendar *calendar = ir_schedule_get_calendar (schedule);

  g_assert_cmpstr (ir_schedule_get_name (schedule), ==, "Pump skid");
  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, 5);
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), ==, 3);

  /* Exceptions as WeekDay elements; a range ending at midnight ends the
   * day before. */
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2003-01-01")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2003-01-04")));
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2003-01-13")));
  g_assert_false (ir_calendar_is_working_day (calendar, day ("2003-01-14")));
  g_assert_true (ir_calendar_is_working_day (calendar, day ("2003-01-15")));

  /* Half a day of work takes a day of the plan. */
  g_assert_cmpint (task_by_uid (schedule, 5)->duration, ==, 1);

  assert_dates (schedule, 1, "2002-12-31", "2003-01-03");
  assert_dates (schedule, 2, "2003-01-04", "2003-01-06");
  assert_dates (schedule, 3, "2003-01-08", "2003-01-09");
  assert_dates (schedule, 4, "2003-01-10", "2003-01-10");
  assert_dates (schedule, 5, "2003-01-15", "2003-01-15");
}

/* --- export and round trip ----------------------------------------------- */

static void
assert_same_schedule (IrSchedule *expected,
                      IrSchedule *actual)
{
  const IrCalendarException *a, *b;
  guint n_a, n_b;

  g_assert_cmpuint (ir_schedule_get_n_tasks (actual), ==, ir_schedule_get_n_tasks (expected));
  g_assert_cmpuint (ir_schedule_get_n_links (actual), ==, ir_schedule_get_n_links (expected));

  for (guint i = 0; i < ir_schedule_get_n_tasks (expected); i++)
    {
      IrScheduleTask *x = ir_schedule_get_task (expected, i);
      IrScheduleTask *y = ir_schedule_lookup_task (actual, x->id);

      g_assert_nonnull (y);
      g_assert_cmpstr (y->name, ==, x->name);
      g_assert_cmpint (y->start, ==, x->start);
      g_assert_cmpint (y->finish, ==, x->finish);
      g_assert_cmpint (y->total_float, ==, x->total_float);
      g_assert_cmpint (y->constraint, ==, x->constraint);
      g_assert_cmpint (y->constraint_date, ==, x->constraint_date);
      g_assert_cmpint (y->committed, ==, x->committed);
      g_assert_cmpint (y->progress, ==, x->progress);
      g_assert_cmpint (y->manual_start, ==, x->manual_start);
      g_assert_cmpint (y->outline_level, ==, x->outline_level);
      g_assert_cmpuint (ir_schedule_task_get_n_baselines (y), ==, ir_schedule_task_get_n_baselines (x));
    }

  for (guint i = 0; i < ir_schedule_get_n_links (expected); i++)
    {
      IrScheduleLink *x = ir_schedule_get_link (expected, i);
      IrScheduleLink *y = ir_schedule_get_link (actual, i);

      g_assert_cmpstr (y->predecessor_id, ==, x->predecessor_id);
      g_assert_cmpstr (y->successor_id, ==, x->successor_id);
      g_assert_cmpint (y->type, ==, x->type);
      g_assert_cmpint (y->lag, ==, x->lag);
    }

  a = ir_calendar_get_exceptions (ir_schedule_get_calendar (expected), &n_a);
  b = ir_calendar_get_exceptions (ir_schedule_get_calendar (actual), &n_b);
  g_assert_cmpuint (n_b, ==, n_a);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpint (b[i].day, ==, a[i].day);
      g_assert_cmpint (b[i].kind, ==, a[i].kind);
    }
}

static void
check_round_trip (const char *fixture)
{
  g_autoptr(IrSchedule) original = import_fixture (fixture);
  g_autoptr(IrSchedule) reread = NULL;
  g_autoptr(IrSchedule) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = ir_mspdi_export (original, &length);
  g_assert_cmpuint (strlen (first), ==, length);

  reread = ir_mspdi_import (first, length, &error);
  g_assert_no_error (error);
  g_assert_true (ir_schedule_compute (reread, IR_SCHEDULE_STRICT, &error));
  assert_same_schedule (original, reread);

  /* Export → import → export writes the same document. */
  second = ir_mspdi_export (reread, NULL);
  g_assert_cmpstr (second, ==, first);

  third = ir_mspdi_import (second, strlen (second), &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
}

static void
test_round_trip_2007 (void)
{
  check_round_trip ("mspdi-2007.xml");
}

static void
test_round_trip_legacy (void)
{
  check_round_trip ("mspdi-legacy.xml");
}

static char *
xpath_string (xmlXPathContext *context,
              const char      *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlChar *text;
  char *copy;

  g_assert_nonnull (result);
  text = xmlXPathCastToString (result);
  copy = g_strdup ((const char *) text);
  xmlFree (text);
  xmlXPathFreeObject (result);

  return copy;
}

#define assert_xpath(context, expression, expected) \
  G_STMT_START { \
    g_autofree char *value__ = xpath_string (context, expression); \
    g_assert_cmpstr (value__, ==, expected); \
  } G_STMT_END

static void
test_export_content (void)
{
  g_autoptr(IrSchedule) schedule = import_fixture ("mspdi-2007.xml");
  g_autofree char *document = NULL;
  xmlDoc *xml;
  xmlXPathContext *context;
  gsize length;

  document = ir_mspdi_export (schedule, &length);
  xml = xmlReadMemory (document, length, NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (xml);
  context = xmlXPathNewContext (xml);
  xmlXPathRegisterNs (context, BAD_CAST "p", BAD_CAST "http://schemas.microsoft.com/project");

  assert_xpath (context, "string(/p:Project/p:Title)", "Valve order 4711");
  assert_xpath (context, "string(/p:Project/p:StartDate)", "2026-03-02T08:00:00");
  assert_xpath (context, "count(/p:Project/p:Tasks/p:Task)", "13");

  /* Both forms of exceptions, for old and new versions of Project. */
  assert_xpath (context, "string(//p:WeekDay[p:DayType=0][p:DayWorking=1]/p:TimePeriod/p:FromDate)",
                "2026-03-21T00:00:00");
  assert_xpath (context, "string(//p:Exception[p:Name='Plant shutdown']/p:TimePeriod/p:ToDate)",
                "2026-03-17T23:59:00");
  assert_xpath (context, "count(//p:Exception[p:Name=\"Founders' day\"])", "3");

  /* Tasks keep their UIDs; links carry MSPDI's type numbers and lags in
   * tenths of a minute. */
  assert_xpath (context, "string(//p:Task[p:UID=7]/p:Name)", "Heat treatment");
  assert_xpath (context, "string(//p:Task[p:UID=7]/p:PredecessorLink/p:Type)", "0");
  assert_xpath (context, "string(//p:Task[p:UID=6]/p:PredecessorLink/p:Type)", "3");
  assert_xpath (context, "string(//p:Task[p:UID=8]/p:PredecessorLink/p:Type)", "2");
  assert_xpath (context, "string(//p:Task[p:UID=8]/p:PredecessorLink/p:LinkLag)", "-4800");
  assert_xpath (context, "string(//p:Task[p:UID=9]/p:PredecessorLink/p:LinkLag)", "9600");
  assert_xpath (context, "string(//p:Task[p:UID=6]/p:OutlineNumber)", "2.2");
  assert_xpath (context, "string(//p:Task[p:UID=6]/p:Duration)", "PT24H0M0S");

  /* Computed dates, float and the critical path. */
  assert_xpath (context, "string(//p:Task[p:UID=9]/p:Start)", "2026-03-21T08:00:00");
  assert_xpath (context, "string(//p:Task[p:UID=9]/p:Finish)", "2026-03-30T17:00:00");
  assert_xpath (context, "string(//p:Task[p:UID=3]/p:Start)", "2026-03-06T17:00:00");
  assert_xpath (context, "string(//p:Task[p:UID=9]/p:Critical)", "1");
  assert_xpath (context, "string(//p:Task[p:UID=8]/p:Critical)", "0");
  assert_xpath (context, "string(//p:Task[p:UID=8]/p:TotalSlack)", "57600");
  assert_xpath (context, "string(//p:Task[p:UID=10]/p:ConstraintType)", "4");
  assert_xpath (context, "string(//p:Task[p:UID=10]/p:Deadline)", "2026-03-31T17:00:00");
  assert_xpath (context, "string(//p:Task[p:UID=12]/p:Manual)", "1");
  assert_xpath (context, "string(//p:Task[p:UID=2]/p:Baseline[p:Number=1]/p:Start)",
                "2026-02-23T08:00:00");

  xmlXPathFreeContext (context);
  xmlFreeDoc (xml);
}

/* A plan made in Iron Room goes to Project with UIDs of its own and comes
 * back the same, backward scheduling and the 2026 holidays included. */
static void
test_export_new_plan (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  g_autoptr(IrSchedule) schedule = ir_schedule_new (calendar);
  g_autoptr(IrSchedule) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  IrScheduleTask *phase, *weld, *ship;
  const IrCalendarException *exceptions;
  IrDayKind kind;
  const char *name;
  guint n;

  ir_schedule_set_name (schedule, "阀门项目");
  ir_schedule_set_mode (schedule, IR_SCHEDULE_BACKWARD);
  ir_schedule_set_project_finish (schedule, day ("2026-10-10"));
  phase = ir_schedule_add_task (schedule, "5b0d-phase");
  ir_schedule_task_set_name (phase, "制造");
  weld = ir_schedule_add_task (schedule, "5b0d-weld");
  ir_schedule_task_set_name (weld, "焊接阀体");
  ir_schedule_task_set_parent (weld, "5b0d-phase");
  weld->duration = 3;
  ship = ir_schedule_add_task (schedule, "5b0d-ship");
  ir_schedule_task_set_name (ship, "发货");
  ship->milestone = TRUE;
  ship->committed = day ("2026-10-09");
  ir_schedule_add_link (schedule, "dep-1", "5b0d-weld", "5b0d-ship", IR_LINK_FS, 0);

  document = ir_mspdi_export (schedule, NULL);
  g_assert_nonnull (strstr (document, "<ScheduleFromStart>0</ScheduleFromStart>"));
  g_assert_nonnull (strstr (document, "<FinishDate>2026-10-10T17:00:00</FinishDate>"));

  reread = ir_mspdi_import (document, strlen (document), &error);
  g_assert_no_error (error);
  g_assert_true (ir_schedule_compute (reread, IR_SCHEDULE_STRICT, &error));

  g_assert_cmpint (ir_schedule_get_mode (reread), ==, IR_SCHEDULE_BACKWARD);
  g_assert_cmpstr (ir_schedule_get_name (reread), ==, "阀门项目");
  g_assert_cmpstr (task_by_uid (reread, 1)->name, ==, "制造");
  g_assert_cmpstr (task_by_uid (reread, 2)->name, ==, "焊接阀体");
  g_assert_cmpint (task_by_uid (reread, 2)->outline_level, ==, 2);
  g_assert_cmpint (task_by_uid (reread, 3)->committed, ==, day ("2026-10-09"));
  g_assert_cmpint (task_by_uid (reread, 3)->constraint, ==, IR_CONSTRAINT_DEFAULT);
  g_assert_cmpint (task_by_uid (reread, 2)->start, ==, weld->start);
  g_assert_cmpint (task_by_uid (reread, 2)->finish, ==, day ("2026-10-10"));

  exceptions = ir_calendar_get_exceptions (ir_schedule_get_calendar (reread), &n);
  g_assert_cmpuint (n, ==, 39);
  g_assert_cmpint (exceptions[0].day, ==, day ("2026-01-01"));
  g_assert_true (ir_calendar_lookup_exception (ir_schedule_get_calendar (reread), day ("2026-09-20"),
                                               &kind, &name));
  g_assert_cmpint (kind, ==, IR_DAY_KIND_WORKDAY);
  g_assert_cmpstr (name, ==, "National Day make-up working day");
}

/* --- errors -------------------------------------------------------------- */

/* Marks a case whose document is only Task elements, for minimal_project(). */
#define TASKS(text) "@" text

/* Wraps task elements in the least document that imports. */
static char *
minimal_project (const char *tasks)
{
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">"
                          "<StartDate>2026-03-02T08:00:00</StartDate><Tasks>%s</Tasks></Project>", tasks);
}

static void
test_errors (void)
{
  struct {
    const char *document;
    int         code;
    const char *first_part;
    const char *second_part;
  } cases[] = {
    { "This is a plan, honestly.", IR_MSPDI_ERROR_NOT_XML, "not valid XML", "line 1" },
    { " \n", IR_MSPDI_ERROR_NOT_XML, "file is empty", "as XML again" },
    { "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Tasks>",
      IR_MSPDI_ERROR_NOT_XML, "not valid XML", "line 3" },
    { "<?xml version=\"1.0\"?><Plan/>", IR_MSPDI_ERROR_NOT_MSPDI, "<Plan>", "<Project>" },
    { "<?xml version=\"1.0\"?><Project xmlns=\"urn:other\"/>", IR_MSPDI_ERROR_NOT_MSPDI,
      "<Project>", "schemas.microsoft.com/project" },
    { TASKS ("<Task><UID>1</UID><Name>Weld</Name><ConstraintType>4</ConstraintType>"
                       "<ConstraintDate>2026-13-01T08:00:00</ConstraintDate></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "“Weld” (UID 1)", "“2026-13-01T08:00:00”" },
    { TASKS ("<Task><UID>6</UID><Name>Machine</Name><Start>2026-02-30T08:00:00</Start></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "“Machine” (UID 6)", "“2026-02-30T08:00:00”" },
    { TASKS ("<Task><UID>2</UID><Name>Paint</Name><Duration>forty hours</Duration></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "“forty hours”", "PT40H0M0S" },
    { TASKS ("<Task><UID>x7</UID><Name>Test</Name></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "UID “x7”", "whole number" },
    { TASKS ("<Task><UID>3</UID><Name>A</Name></Task><Task><UID>3</UID><Name>B</Name></Task>"),
      IR_MSPDI_ERROR_DUPLICATE_UID, "UID 3", "own UID" },
    { TASKS ("<Task><UID>4</UID><Name>C</Name><PredecessorLink><PredecessorUID>1</PredecessorUID>"
                       "<Type>9</Type></PredecessorLink></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "“9”", "3 (SS)" },
    { TASKS ("<Task><UID>5</UID><Name>D</Name><Baseline><Number>0</Number>"
                       "<Finish>soon</Finish></Baseline></Task>"),
      IR_MSPDI_ERROR_INVALID_VALUE, "Finish “soon”", "2026-10-01T08:00:00" },
    { "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\">"
      "<MinutesPerDay>0</MinutesPerDay></Project>",
      IR_MSPDI_ERROR_INVALID_VALUE, "MinutesPerDay “0”", "60 to 1440" },
    { "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\"><Calendars>"
      "<Calendar><UID>1</UID><Name>Plant</Name><IsBaseCalendar>1</IsBaseCalendar><Exceptions><Exception>"
      "<TimePeriod><FromDate>2026-02-30T00:00:00</FromDate><ToDate>2026-03-01T00:00:00</ToDate></TimePeriod>"
      "</Exception></Exceptions></Calendar></Calendars></Project>",
      IR_MSPDI_ERROR_INVALID_VALUE, "Calendar “Plant”", "“2026-02-30T00:00:00”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *document = cases[i].document;
      g_autofree char *wrapped = document[0] == '@' ? minimal_project (document + 1) : NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IrSchedule) schedule = NULL;

      if (wrapped != NULL)
        document = wrapped;
      schedule = ir_mspdi_import (document, strlen (document), &error);

      g_assert_null (schedule);
      g_assert_error (error, IR_MSPDI_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].first_part) == NULL ||
          strstr (error->message, cases[i].second_part) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": unexpected message “%s”", i, error->message);
    }
}

/* A link to a task the file lacks is kept and flagged, not dropped. */
static void
test_missing_predecessor (void)
{
  g_autofree char *document = minimal_project ("<Task><UID>1</UID><Name>A</Name><Duration>PT8H0M0S</Duration>"
                                          "<PredecessorLink><PredecessorUID>42</PredecessorUID></PredecessorLink>"
                                          "</Task>");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSchedule) schedule = ir_mspdi_import (document, strlen (document), &error);

  g_assert_no_error (error);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), ==, 1);
  g_assert_true (ir_schedule_get_link (schedule, 0)->flags & IR_LINK_BROKEN);
  assert_dates (schedule, 1, "2026-03-02", "2026-03-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mspdi/import-2007", test_import_2007);
  g_test_add_func ("/mspdi/import-legacy", test_import_legacy);
  g_test_add_func ("/mspdi/round-trip-2007", test_round_trip_2007);
  g_test_add_func ("/mspdi/round-trip-legacy", test_round_trip_legacy);
  g_test_add_func ("/mspdi/export-content", test_export_content);
  g_test_add_func ("/mspdi/export-new-plan", test_export_new_plan);
  g_test_add_func ("/mspdi/errors", test_errors);
  g_test_add_func ("/mspdi/missing-predecessor", test_missing_predecessor);

  return g_test_run ();
}
