/* test-ical.c: milestones and meetings as iCalendar, read back by Python
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exports are parsed by Python's icalendar package (Debian's
 * python3-icalendar) through tests/ics-events.py, so that the checks see
 * what another implementation reads, not what libical wrote.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ir-ical.h"

/* --- helpers ------------------------------------------------------------- */

static IrDay
day (const char *text)
{
  IrDay parsed = ir_day_parse (text);

  g_assert_cmpint (parsed, !=, IR_DAY_NONE);
  return parsed;
}

static gboolean
can_import_icalendar (const char *python)
{
  const char *argv[] = { python, "-c", "import icalendar", NULL };
  int status = -1;

  if (python == NULL || !g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Finds a Python that has the icalendar package: $IR_PYTHON, then the
 * system's /usr/bin/python3 that Debian's package installs for, then
 * python3 on the PATH. */
static char *
find_python (void)
{
  g_autofree char *on_path = g_find_program_in_path ("python3");
  const char *candidates[] = { g_getenv ("IR_PYTHON"), "/usr/bin/python3", on_path };

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (can_import_icalendar (candidates[i]))
      return g_strdup (candidates[i]);

  return NULL;
}

/* Parses @text with Python and returns what tests/ics-events.py prints,
 * or %NULL after marking the test skipped when Python cannot. */
static JsonObject *
read_with_python (const char *text)
{
  g_autofree char *python = find_python ();
  g_autofree char *script = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int fd, status;

  if (python == NULL)
    {
      g_test_skip ("No Python with the icalendar package (python3-icalendar)");
      return NULL;
    }

  script = g_build_filename (g_getenv ("IR_SOURCE_DIR") ? g_getenv ("IR_SOURCE_DIR") : "..",
                             "tests", "ics-events.py", NULL);
  fd = g_file_open_tmp ("ironroom-XXXXXX.ics", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_close (fd, NULL);

  {
    const char *argv[] = { python, script, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &output, &errors, &status, &error));
  }
  g_unlink (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ics-events.py failed: %s", errors);

  g_assert_true (json_parser_load_from_data (parser, output, -1, &error));
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
find_event (JsonObject *calendar,
            const char *uid)
{
  JsonArray *events = json_object_get_array_member (calendar, "events");

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_strcmp0 (json_object_get_string_member (event, "uid"), uid) == 0)
        return event;
    }

  g_error ("No event with UID %s", uid);
}

static void
assert_when (JsonObject *event,
             const char *member,
             const char *kind,
             const char *value)
{
  JsonObject *when = json_object_get_object_member (event, member);

  g_assert_nonnull (when);
  g_assert_cmpstr (json_object_get_string_member (when, "kind"), ==, kind);
  g_assert_cmpstr (json_object_get_string_member (when, "value"), ==, value);
}

static IrSchedule *
new_plan (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  IrSchedule *schedule = ir_schedule_new (calendar);
  IrScheduleTask *task;
  g_autoptr(GError) error = NULL;

  ir_schedule_set_project_start (schedule, day ("2026-09-21"));

  task = ir_schedule_add_task (schedule, "weld");
  ir_schedule_task_set_name (task, "焊接阀体");
  task->duration = 4;
  task->committed = day ("2026-09-24");    /* a task, not a milestone */

  task = ir_schedule_add_task (schedule, "freeze");
  ir_schedule_task_set_name (task, "图纸冻结 Drawing freeze");
  task->milestone = TRUE;
  task->committed = day ("2026-09-24");

  task = ir_schedule_add_task (schedule, "fat");
  ir_schedule_task_set_name (task, "Factory acceptance");
  task->milestone = TRUE;
  task->committed = day ("2026-10-09");

  task = ir_schedule_add_task (schedule, "ship");
  ir_schedule_task_set_name (task, "Shipment");
  task->milestone = TRUE;

  ir_schedule_add_link (schedule, NULL, "weld", "freeze", IR_LINK_FS, 0);
  ir_schedule_add_link (schedule, NULL, "freeze", "fat", IR_LINK_FS, 5);
  ir_schedule_add_link (schedule, NULL, "fat", "ship", IR_LINK_FS, 0);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));

  return schedule;
}

/* --- tests --------------------------------------------------------------- */

static void
test_milestone_uid (void)
{
  g_autofree char *first = ir_ical_milestone_uid ("room-1", "task-1");
  g_autofree char *again = ir_ical_milestone_uid ("room-1", "task-1");
  g_autofree char *other_task = ir_ical_milestone_uid ("room-1", "task-2");
  g_autofree char *other_room = ir_ical_milestone_uid ("room-2", "task-1");

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other_task);
  g_assert_cmpstr (first, !=, other_room);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@ironroom$",
                                       first, 0, 0));
  g_assert_null (strstr (first, "room-1"));
}

static void
test_committed_milestones (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(IrIcal) ical = ir_ical_new ("阀门项目 / Valve deal");
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 9, 1, 9, 30, 0);
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *freeze_uid = ir_ical_milestone_uid ("room-7", "freeze");
  g_autofree char *fat_uid = ir_ical_milestone_uid ("room-7", "fat");
  JsonObject *freeze, *fat;

  /* The freeze follows four days of welding from Monday 21 September: its
   * forecast is Thursday 24, as committed. Acceptance comes five working
   * days later, across the Mid-Autumn and National Day breaks: Friday
   * 9 October. */
  g_assert_cmpint (ir_schedule_lookup_task (schedule, "freeze")->finish, ==, day ("2026-09-24"));
  g_assert_cmpint (ir_schedule_lookup_task (schedule, "fat")->finish, ==, day ("2026-10-09"));

  ir_ical_set_stamp (ical, stamp);
  g_assert_cmpuint (ir_ical_add_schedule (ical, schedule, "room-7", IR_ICAL_COMMITTED_MILESTONES, 4), ==, 2);
  text = ir_ical_to_string (ical);
  g_assert_nonnull (strstr (text, "\r\n"));

  calendar = read_with_python (text);
  if (calendar == NULL)
    return;

  g_assert_cmpstr (json_object_get_string_member (calendar, "version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (calendar, "method"), ==, "PUBLISH");
  g_assert_cmpstr (json_object_get_string_member (calendar, "name"), ==, "阀门项目 / Valve deal");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, 2);

  freeze = find_event (calendar, freeze_uid);
  g_assert_cmpstr (json_object_get_string_member (freeze, "summary"), ==, "图纸冻结 Drawing freeze");
  assert_when (freeze, "start", "date", "2026-09-24");
  assert_when (freeze, "end", "date", "2026-09-25");
  assert_when (freeze, "stamp", "date-time", "2026-09-01T09:30:00+00:00");
  g_assert_cmpint (json_object_get_int_member (freeze, "sequence"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (freeze, "transp"), ==, "TRANSPARENT");
  g_assert_true (json_object_get_null_member (freeze, "description"));

  fat = find_event (calendar, fat_uid);
  assert_when (fat, "start", "date", "2026-10-09");
  assert_when (fat, "end", "date", "2026-10-10");
}

/* A slip keeps the committed date and the UID and puts the forecast in the
 * description. A new export with a higher sequence updates the event
 * rather than adding one. */
static void
test_slip_updates (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(IrIcal) ical = ir_ical_new (NULL);
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fat_uid = ir_ical_milestone_uid ("room-7", "fat");
  g_autoptr(GError) error = NULL;
  JsonObject *fat;

  /* One more day of welding moves acceptance to the make-up Saturday. */
  ir_schedule_lookup_task (schedule, "weld")->duration = 5;
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_cmpint (ir_schedule_lookup_task (schedule, "fat")->finish, ==, day ("2026-10-10"));

  g_assert_cmpuint (ir_ical_add_schedule (ical, schedule, "room-7", IR_ICAL_ALL_MILESTONES, 5), ==, 3);
  text = ir_ical_to_string (ical);
  calendar = read_with_python (text);
  if (calendar == NULL)
    return;

  fat = find_event (calendar, fat_uid);
  assert_when (fat, "start", "date", "2026-10-09");
  g_assert_cmpint (json_object_get_int_member (fat, "sequence"), ==, 5);
  g_assert_nonnull (strstr (json_object_get_string_member (fat, "description"), "2026-10-10"));

  /* Without a committed date the forecast is shown. */
  {
    g_autofree char *ship_uid = ir_ical_milestone_uid ("room-7", "ship");
    JsonObject *ship = find_event (calendar, ship_uid);

    assert_when (ship, "start", "date", "2026-10-10");
  }
}

static void
test_meeting (void)
{
  g_autoptr(IrIcal) ical = ir_ical_new ("Valve deal");
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) start = g_date_time_new (shanghai, 2026, 10, 12, 10, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 45);
  g_autoptr(JsonObject) calendar = NULL;
  g_autofree char *text = NULL;
  IrIcalEvent meeting = {
    .uid = "escalation-42-meeting@ironroom",
    .summary = "三方会议：验收延期",
    .description = "Factory acceptance is 5 days late.",
    .location = "Online",
    .url = "https://meeting.example/valve",
    .start = start,
    .end = end,
    .sequence = 1,
  };
  IrIcalEvent cancelled = meeting;
  JsonObject *event;

  ir_ical_add_event (ical, &meeting);
  cancelled.uid = "escalation-41-meeting@ironroom";
  cancelled.cancelled = TRUE;
  ir_ical_add_event (ical, &cancelled);
  ir_ical_add_milestone (ical, "room-7", "fat", "Factory acceptance", day ("2026-10-09"), 0, NULL);
  g_assert_cmpuint (ir_ical_get_n_events (ical), ==, 3);

  text = ir_ical_to_string (ical);
  calendar = read_with_python (text);
  if (calendar == NULL)
    return;

  /* 10:00 in Shanghai is 02:00 UTC. */
  event = find_event (calendar, "escalation-42-meeting@ironroom");
  assert_when (event, "start", "date-time", "2026-10-12T02:00:00+00:00");
  assert_when (event, "end", "date-time", "2026-10-12T02:45:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==, "三方会议：验收延期");
  g_assert_cmpstr (json_object_get_string_member (event, "url"), ==, "https://meeting.example/valve");
  g_assert_cmpstr (json_object_get_string_member (event, "location"), ==, "Online");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CONFIRMED");

  event = find_event (calendar, "escalation-41-meeting@ironroom");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CANCELLED");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical/milestone-uid", test_milestone_uid);
  g_test_add_func ("/ical/committed-milestones", test_committed_milestones);
  g_test_add_func ("/ical/slip-updates", test_slip_updates);
  g_test_add_func ("/ical/meeting", test_meeting);

  return g_test_run ();
}
