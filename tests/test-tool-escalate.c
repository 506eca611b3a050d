/* test-tool-escalate.c: ironroom-tool escalate on a plan with slips
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("IR_SOURCE_DIR"), "tests", "fixtures", name, NULL);
}

/* Runs "ironroom-tool escalate" with @arguments and returns its exit
 * status. */
static int
run_escalate (const char * const  *arguments,
              char               **output,
              char               **errors)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IR_TOOL"));
  g_ptr_array_add (argv, "escalate");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               output, errors, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_escalate_text (void)
{
  g_autofree char *plan = fixture_path ("mspdi-slips.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *arguments[] = { plan, "--today", "2026-11-20", NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_escalate (arguments, &output, &errors), ==, 0);
  g_assert_cmpstr (errors, ==, "");

  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 8);
  g_assert_cmpstr (lines[2], ==, "RED     Factory acceptance: 9 days late, deadline 2026-11-30, "
                                 "forecast 2026-12-09");
  g_assert_cmpstr (lines[3], ==, "        slip chain: Castings (+2 d) ← Patterns (+4 d)");
  g_assert_cmpstr (lines[4], ==, "YELLOW  Patterns: 4 days late, baseline finish 2026-12-03, "
                                 "forecast 2026-12-07");
  g_assert_cmpstr (lines[5], ==, "BLUE    Castings: 2 days late, baseline finish 2026-12-07, "
                                 "forecast 2026-12-09");
  g_assert_cmpstr (lines[6], ==, "        slip chain: Patterns (+4 d)");
  g_assert_nonnull (strstr (output, "3 slipping: 1 red, 1 yellow, 1 blue; 1 finished late."));
  g_assert_null (strstr (output, "Documentation"));
  g_assert_null (strstr (output, "Site survey"));
}

static JsonObject *
parse_output (const char  *output,
              JsonParser  *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, output, -1, &error));
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_escalate_json (void)
{
  g_autofree char *plan = fixture_path ("mspdi-slips.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *arguments[] = { plan, "--today", "2026-11-20", "--json", NULL };
  JsonObject *root, *task, *step;
  JsonArray *slipping, *chain;

  g_assert_cmpint (run_escalate (arguments, &output, &errors), ==, 0);
  root = parse_output (output, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2026-11-20");
  g_assert_cmpstr (json_object_get_string_member (root, "day_count"), ==, "calendar");
  g_assert_cmpint (json_object_get_int_member (root, "finished_late"), ==, 1);

  slipping = json_object_get_array_member (root, "slipping");
  g_assert_cmpuint (json_array_get_length (slipping), ==, 3);

  task = json_array_get_object_element (slipping, 0);
  g_assert_cmpint (json_object_get_int_member (task, "uid"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (task, "tier"), ==, "red");
  g_assert_cmpint (json_object_get_int_member (task, "delay"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (task, "commitment_from"), ==, "deadline");
  chain = json_object_get_array_member (task, "chain");
  g_assert_cmpuint (json_array_get_length (chain), ==, 2);
  step = json_array_get_object_element (chain, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "name"), ==, "Patterns");
  g_assert_cmpint (json_object_get_int_member (step, "slip"), ==, 4);

  task = json_array_get_object_element (slipping, 1);
  g_assert_cmpstr (json_object_get_string_member (task, "name"), ==, "Patterns");
  g_assert_cmpstr (json_object_get_string_member (task, "commitment_from"), ==, "baseline");
  g_assert_cmpstr (json_object_get_string_member (task, "tier"), ==, "yellow");
}

/* In working days the weekend does not count: 9 calendar days are 7
 * working days, which is yellow. */
static void
test_escalate_working_days (void)
{
  g_autofree char *plan = fixture_path ("mspdi-slips.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *arguments[] = { plan, "--today", "2026-11-20", "--json", "--working-days", NULL };
  JsonObject *task;

  g_assert_cmpint (run_escalate (arguments, &output, &errors), ==, 0);
  task = json_array_get_object_element (json_object_get_array_member (parse_output (output,
                                                                                    parser),
                                                                      "slipping"), 0);
  g_assert_cmpstr (json_object_get_string_member (task, "name"), ==, "Factory acceptance");
  g_assert_cmpint (json_object_get_int_member (task, "delay"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (task, "tier"), ==, "yellow");
}

/* A later today makes the unfinished tasks later still. */
static void
test_escalate_today_moves_forecast (void)
{
  g_autofree char *plan = fixture_path ("mspdi-slips.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *arguments[] = { plan, "--today", "2026-12-14", "--json", NULL };
  JsonArray *slipping;
  JsonObject *task;

  g_assert_cmpint (run_escalate (arguments, &output, &errors), ==, 0);
  slipping = json_object_get_array_member (parse_output (output, parser), "slipping");
  g_assert_cmpuint (json_array_get_length (slipping), ==, 4);
  task = json_array_get_object_element (slipping, 0);
  g_assert_cmpstr (json_object_get_string_member (task, "forecast"), ==, "2026-12-14");
  g_assert_cmpint (json_object_get_int_member (task, "delay"), ==, 14);
}

static void
test_escalate_errors (void)
{
  g_autofree char *plan = fixture_path ("mspdi-slips.xml");
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *bad_day[] = { plan, "--today", "2026-02-30", NULL };
  const char *missing[] = { "/nonexistent/plan.xml", "--today", "2026-11-20", NULL };
  const char *thresholds[] = { plan, "--yellow-after", "5", "--red-after", "2", NULL };

  g_assert_cmpint (run_escalate (bad_day, &output, &errors), ==, 2);
  g_assert_nonnull (strstr (errors, "invalid --today “2026-02-30”"));
  g_clear_pointer (&output, g_free);
  g_clear_pointer (&errors, g_free);

  g_assert_cmpint (run_escalate (missing, &output, &errors), ==, 1);
  g_assert_nonnull (strstr (errors, "/nonexistent/plan.xml"));
  g_clear_pointer (&output, g_free);
  g_clear_pointer (&errors, g_free);

  g_assert_cmpint (run_escalate (thresholds, &output, &errors), ==, 2);
  g_assert_nonnull (strstr (errors, "invalid thresholds"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tool-escalate/text", test_escalate_text);
  g_test_add_func ("/tool-escalate/json", test_escalate_json);
  g_test_add_func ("/tool-escalate/working-days", test_escalate_working_days);
  g_test_add_func ("/tool-escalate/today-moves-forecast", test_escalate_today_moves_forecast);
  g_test_add_func ("/tool-escalate/errors", test_escalate_errors);

  return g_test_run ();
}
