/* test-tool-schedule.c: ironroom-tool schedule on the MSPDI fixtures
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ir-mspdi.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("IR_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

/* Runs the tool with @arguments and returns its exit status. */
static int
run_tool (const char * const  *arguments,
          char               **output,
          char               **errors)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IR_TOOL"));
  g_ptr_array_add (argv, "schedule");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               output, errors, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static JsonObject *
find_task (JsonArray  *tasks,
           const char *name)
{
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonObject *task = json_array_get_object_element (tasks, i);

      if (g_str_equal (json_object_get_string_member (task, "name"), name))
        return task;
    }

  g_error ("No task %s in the output", name);
}

static void
test_tool_json (void)
{
  g_autofree char *plan = fixture_path ("mspdi-2007.xml");
  g_autofree char *directory = g_dir_make_tmp ("ironroom-XXXXXX", NULL);
  g_autofree char *mspdi = g_build_filename (directory, "out.xml", NULL);
  g_autofree char *ics = g_build_filename (directory, "out.ics", NULL);
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSchedule) written = NULL;
  const char *arguments[] = { plan, "--json", "--mspdi", mspdi, "--ics", ics, "--room", "room-7",
                              "--sequence", "3", NULL };
  JsonObject *root, *task;
  JsonArray *tasks;

  g_assert_cmpint (run_tool (arguments, &output, &errors), ==, 0);
  g_assert_cmpstr (errors, ==, "");

  g_assert_true (json_parser_load_from_data (parser, output, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "project"), "name"),
                   ==, "Valve order 4711");

  tasks = json_object_get_array_member (root, "tasks");
  g_assert_cmpuint (json_array_get_length (tasks), ==, 12);
  task = find_task (tasks, "Assembly");
  g_assert_cmpstr (json_object_get_string_member (task, "start"), ==, "2026-03-21");
  g_assert_cmpstr (json_object_get_string_member (task, "finish"), ==, "2026-03-30");
  g_assert_cmpint (json_object_get_int_member (task, "total_float"), ==, 0);
  g_assert_true (json_object_get_boolean_member (task, "critical"));
  g_assert_cmpint (json_object_get_int_member (task, "uid"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (task, "outline"), ==, "2.5");
  task = find_task (tasks, "Inspection prep");
  g_assert_cmpint (json_object_get_int_member (task, "total_float"), ==, 12);
  g_assert_false (json_object_get_boolean_member (task, "critical"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "cycles")), ==, 0);

  /* The MS Project file reads back, and the calendar file contains the two
   * milestones. */
  written = ir_mspdi_import_file (mspdi, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ir_schedule_get_n_tasks (written), ==, 12);

  g_assert_true (g_file_get_contents (ics, &calendar, NULL, &error));
  g_assert_nonnull (strstr (calendar, "SUMMARY:Drawing freeze"));
  g_assert_nonnull (strstr (calendar, "DTSTART;VALUE=DATE:20260331"));
  g_assert_nonnull (strstr (calendar, "SEQUENCE:3"));
  g_assert_null (strstr (calendar, "Customer visit"));

  g_unlink (mspdi);
  g_unlink (ics);
  g_rmdir (directory);
}

static void
test_tool_table (void)
{
  g_autofree char *plan = fixture_path ("mspdi-legacy.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *arguments[] = { plan, NULL };

  g_assert_cmpint (run_tool (arguments, &output, &errors), ==, 0);
  g_assert_nonnull (strstr (output, "Release"));
  g_assert_nonnull (strstr (output, "2003-01-10"));
}

static void
test_tool_errors (void)
{
  const char *cycle =
    "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\">"
    "<StartDate>2026-03-02T08:00:00</StartDate><Tasks>"
    "<Task><UID>1</UID><Name>Weld</Name><Duration>PT8H0M0S</Duration>"
    "<PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>"
    "<Task><UID>2</UID><Name>Inspect</Name><Duration>PT8H0M0S</Duration>"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>"
    "</Tasks></Project>";
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *usage[] = { NULL };
  const char *missing[] = { "/nonexistent/plan.xml", NULL };
  int fd;

  g_assert_cmpint (run_tool (usage, NULL, &errors), ==, 2);
  g_assert_nonnull (strstr (errors, "Usage:"));
  g_clear_pointer (&errors, g_free);

  g_assert_cmpint (run_tool (missing, NULL, &errors), ==, 1);
  g_assert_nonnull (strstr (errors, "/nonexistent/plan.xml"));
  g_clear_pointer (&errors, g_free);

  fd = g_file_open_tmp ("ironroom-XXXXXX.xml", &path, &error);
  g_assert_true (g_file_set_contents (path, cycle, -1, &error));
  g_close (fd, NULL);

  {
    const char *strict[] = { path, NULL };
    const char *tolerant[] = { path, "--tolerant", "--json", NULL };

    /* A cycle is rejected with its tasks, unless --tolerant schedules around it. */
    g_assert_cmpint (run_tool (strict, NULL, &errors), ==, 1);
    g_assert_nonnull (strstr (errors, "“Weld”"));
    g_assert_nonnull (strstr (errors, "“Inspect”"));

    g_assert_cmpint (run_tool (tolerant, &output, NULL), ==, 0);
    g_assert_nonnull (strstr (output, "\"in_cycle\" : true"));
  }

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("IR_TOOL") == NULL || g_getenv ("IR_SOURCE_DIR") == NULL)
    {
      g_test_message ("Run through meson test, which sets IR_TOOL and IR_SOURCE_DIR");
      return 77;
    }

  g_test_add_func ("/tool-schedule/json", test_tool_json);
  g_test_add_func ("/tool-schedule/table", test_tool_table);
  g_test_add_func ("/tool-schedule/errors", test_tool_errors);

  return g_test_run ();
}
