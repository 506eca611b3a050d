/* ir-tool-schedule.c: ironroom-tool schedule, a Microsoft Project plan headless
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ir-ical.h"
#include "ir-mspdi.h"
#include "ir-tool.h"

typedef struct
{
  gboolean  json;
  gboolean  tolerant;
  char     *mspdi;
  char     *ics;
  char     *room;
  int       sequence;
} ScheduleArgs;

/* --- output -------------------------------------------------------------- */

static void
add_day (JsonBuilder *builder,
         const char  *member,
         IrDay        day)
{
  char text[IR_DAY_STRING_SIZE];

  json_builder_set_member_name (builder, member);
  if (day == IR_DAY_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, ir_day_format (day, text));
}

static void
add_task (JsonBuilder    *builder,
          IrSchedule     *schedule,
          IrScheduleTask *task)
{
  g_autofree char *outline = ir_schedule_get_outline_number (schedule, task);
  gint64 uid;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, task->id);
  json_builder_set_member_name (builder, "uid");
  if (task->external_id != NULL &&
      g_ascii_string_to_signed (task->external_id, 10, 0, G_MAXINT32, &uid, NULL))
    json_builder_add_int_value (builder, uid);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "outline");
  json_builder_add_string_value (builder, outline);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, task->name != NULL ? task->name : "");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_boolean_value (builder, (task->flags & IR_TASK_SUMMARY) != 0);
  json_builder_set_member_name (builder, "milestone");
  json_builder_add_boolean_value (builder, task->milestone);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_int_value (builder, task->scheduled_duration);
  add_day (builder, "start", task->start);
  add_day (builder, "finish", task->finish);
  add_day (builder, "early_start", task->early_start);
  add_day (builder, "early_finish", task->early_finish);
  add_day (builder, "late_start", task->late_start);
  add_day (builder, "late_finish", task->late_finish);
  json_builder_set_member_name (builder, "total_float");
  json_builder_add_int_value (builder, task->total_float);
  json_builder_set_member_name (builder, "critical");
  json_builder_add_boolean_value (builder, (task->flags & IR_TASK_CRITICAL) != 0);
  json_builder_set_member_name (builder, "progress");
  json_builder_add_int_value (builder, task->progress);
  add_day (builder, "committed", task->committed);
  json_builder_set_member_name (builder, "in_cycle");
  json_builder_add_boolean_value (builder, (task->flags & IR_TASK_IN_CYCLE) != 0);
  json_builder_set_member_name (builder, "conflict");
  json_builder_add_boolean_value (builder, (task->flags & IR_TASK_CONFLICT) != 0);
  json_builder_end_object (builder);
}

static void
print_json (IrSchedule *schedule,
            GPtrArray  *cycles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *calendar = ir_calendar_get_name (ir_schedule_get_calendar (schedule));
  const guint *order;
  IrDay start, finish;
  guint n;

  ir_schedule_get_span (schedule, &start, &finish);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "project");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ir_schedule_get_name (schedule));
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, ir_schedule_get_mode (schedule) == IR_SCHEDULE_BACKWARD ?
                                          "backward" : "forward");
  json_builder_set_member_name (builder, "calendar");
  json_builder_add_string_value (builder, calendar);
  add_day (builder, "start", start);
  add_day (builder, "finish", finish);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  order = ir_schedule_get_outline_order (schedule, &n);
  for (guint i = 0; i < n; i++)
    add_task (builder, schedule, ir_schedule_get_task (schedule, order[i]));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cycles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cycles->len; i++)
    {
      GStrv cycle = g_ptr_array_index (cycles, i);

      json_builder_begin_array (builder);
      for (guint j = 0; cycle[j] != NULL; j++)
        json_builder_add_string_value (builder, cycle[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_table (IrSchedule *schedule)
{
  const guint *order;
  guint n;

  printf ("%-10s %-36s %-10s %-10s %6s %s\n", "OUTLINE", "NAME", "START", "FINISH", "FLOAT", "CRITICAL");
  order = ir_schedule_get_outline_order (schedule, &n);
  for (guint i = 0; i < n; i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (schedule, order[i]);
      g_autofree char *outline = ir_schedule_get_outline_number (schedule, task);
      g_autofree char *name = g_strdup_printf ("%*s%s", 2 * (task->outline_level - 1), "",
                                               task->name != NULL ? task->name : "");
      char start[IR_DAY_STRING_SIZE], finish[IR_DAY_STRING_SIZE];

      printf ("%-10s %-36s %-10s %-10s %6d %s%s\n", outline, name,
              ir_day_format (task->start, start), ir_day_format (task->finish, finish),
              task->total_float, (task->flags & IR_TASK_CRITICAL) ? "yes" : "no",
              (task->flags & IR_TASK_IN_CYCLE) ? " (in a dependency cycle)" : "");
    }
}

/* --- files --------------------------------------------------------------- */

static gboolean
write_ics (IrSchedule         *schedule,
           const ScheduleArgs *args,
           const char         *plan)
{
  g_autoptr(IrIcal) ical = ir_ical_new (ir_schedule_get_name (schedule));
  g_autoptr(GError) error = NULL;
  g_autofree char *room = NULL;
  g_autofree char *text = NULL;

  /* Without --room the plan's file name keeps UIDs stable across runs. */
  room = args->room != NULL ? g_strdup (args->room) : g_path_get_basename (plan);
  ir_ical_add_schedule (ical, schedule, room, IR_ICAL_ALL_MILESTONES, args->sequence);
  text = ir_ical_to_string (ical);

  if (!g_file_set_contents (args->ics, text, -1, &error))
    {
      fprintf (stderr, "ironroom-tool schedule: failed to write %s: %s\n", args->ics, error->message);
      return FALSE;
    }

  return TRUE;
}

/* --- command ------------------------------------------------------------- */

/* A link to a task that the file lacks is left out of the schedule; say so,
 * since a plan that silently loses a dependency is scheduled wrong. */
static void
warn_broken_links (IrSchedule *schedule)
{
  for (guint i = 0; i < ir_schedule_get_n_links (schedule); i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (schedule, i);
      IrScheduleTask *successor;
      const char *missing;

      if (!(link->flags & IR_LINK_BROKEN))
        continue;

      successor = ir_schedule_lookup_task (schedule, link->successor_id);
      missing = link->predecessor_id;
      if (g_str_has_prefix (missing, IR_MSPDI_TASK_ID_PREFIX))
        missing += strlen (IR_MSPDI_TASK_ID_PREFIX);

      fprintf (stderr, "ironroom-tool schedule: warning: task “%s” has a predecessor with UID %s, "
               "which the file does not contain; that link is left out. Fix or remove the "
               "link in the plan.\n",
               successor != NULL && successor->name ? successor->name : link->successor_id,
               missing);
    }
}

int
ir_tool_schedule (int    argc,
                  char **argv)
{
  ScheduleArgs args = { .sequence = 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json,
      "Print the schedule as JSON instead of a table", NULL },
    { "mspdi", 0, 0, G_OPTION_ARG_FILENAME, &args.mspdi,
      "Write the scheduled plan as Microsoft Project XML to FILE", "FILE" },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &args.ics,
      "Write the milestones as an iCalendar file to FILE", "FILE" },
    { "room", 0, 0, G_OPTION_ARG_STRING, &args.room,
      "Room id that the iCalendar UIDs derive from (default: the plan's file name)", "ID" },
    { "sequence", 0, 0, G_OPTION_ARG_INT, &args.sequence,
      "iCalendar SEQUENCE of the events, higher than the last export's (default: 0)", "N" },
    { "tolerant", 0, 0, G_OPTION_ARG_NONE, &args.tolerant,
      "Schedule around dependency cycles instead of failing", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.xml");
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(IrSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_option_context_set_summary (context,
                                "Schedules a Microsoft Project XML plan with Iron Room's engine and "
                                "prints every task's start, finish, total float (working days) and "
                                "critical flag.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "ironroom-tool schedule: %s\nUsage: ironroom-tool schedule PLAN.xml [--json] "
               "[--mspdi OUT.xml] [--ics OUT.ics]\n",
               error != NULL ? error->message : "give exactly one plan file");
      status = 2;
      goto out;
    }

  if (args.sequence < 0)
    {
      fprintf (stderr, "ironroom-tool schedule: invalid --sequence %d: give 0 or more.\n", args.sequence);
      status = 2;
      goto out;
    }

  schedule = ir_mspdi_import_file (argv[1], &error);
  if (schedule == NULL)
    {
      fprintf (stderr, "ironroom-tool schedule: failed to import %s: %s\n", argv[1], error->message);
      status = 1;
      goto out;
    }

  if (!ir_schedule_compute (schedule, args.tolerant ? IR_SCHEDULE_TOLERANT : IR_SCHEDULE_STRICT, &error))
    {
      fprintf (stderr, "ironroom-tool schedule: %s Run with --tolerant to schedule the rest anyway.\n",
               error->message);
      status = 1;
      goto out;
    }

  warn_broken_links (schedule);

  cycles = ir_schedule_find_cycles (schedule);
  if (args.json)
    print_json (schedule, cycles);
  else
    print_table (schedule);

  if (args.mspdi != NULL && !ir_mspdi_export_file (schedule, args.mspdi, &error))
    {
      fprintf (stderr, "ironroom-tool schedule: failed to write %s: %s\n", args.mspdi, error->message);
      status = 1;
    }

  if (args.ics != NULL && !write_ics (schedule, &args, argv[1]))
    status = 1;

out:
  g_free (args.mspdi);
  g_free (args.ics);
  g_free (args.room);

  return status;
}
