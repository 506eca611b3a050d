/* ir-tool-escalate.c: ironroom-tool escalate, the slips of a Microsoft
 * Project plan headless
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schedules the plan, measures every task against its deadline or else its
 * baseline finish as the commitment, and prints each unfinished task that
 * is late, most urgent first, with its tier and slip chain.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "ir-escalation.h"
#include "ir-mspdi.h"
#include "ir-tool.h"

typedef struct
{
  char     *today;
  gboolean  json;
  gboolean  working_days;
  int       yellow_after;
  int       red_after;
} EscalateArgs;

/* --- measuring ----------------------------------------------------------- */

static int
compare_slips (gconstpointer a,
               gconstpointer b)
{
  const IrSlip *first = *(const IrSlip * const *) a;
  const IrSlip *second = *(const IrSlip * const *) b;

  if (first->tier != second->tier)
    return (int) second->tier - (int) first->tier;
  if (first->delay != second->delay)
    return second->delay - first->delay;

  return 0;
}

/* Returns: (transfer full): the unfinished late tasks, most urgent first;
 * the sort is stable, so ties keep the plan's order */
static GPtrArray *
find_slipping (GPtrArray *slips,
               guint     *n_finished_late)
{
  GPtrArray *slipping = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_slip_free);

  *n_finished_late = 0;
  for (guint i = 0; i < slips->len; i++)
    {
      IrSlip *slip = g_ptr_array_index (slips, i);

      if (slip->delay <= 0)
        continue;
      if (slip->finished)
        {
          (*n_finished_late)++;
          continue;
        }

      g_ptr_array_add (slipping, slip);
      g_ptr_array_index (slips, i) = NULL;
    }

  g_ptr_array_sort (slipping, compare_slips);
  return slipping;
}

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
add_slip (JsonBuilder    *builder,
          IrSchedule     *schedule,
          const IrSlip   *slip)
{
  IrScheduleTask *task = ir_schedule_lookup_task (schedule, slip->subject_id);
  gint64 uid;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, slip->subject_id);
  json_builder_set_member_name (builder, "uid");
  if (task != NULL && task->external_id != NULL &&
      g_ascii_string_to_signed (task->external_id, 10, 0, G_MAXINT32, &uid, NULL))
    json_builder_add_int_value (builder, uid);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, slip->title != NULL ? slip->title : "");
  add_day (builder, "commitment", slip->commitment);
  json_builder_set_member_name (builder, "commitment_from");
  json_builder_add_string_value (builder, slip->from_baseline ? "baseline" : "deadline");
  add_day (builder, "forecast", slip->forecast);
  json_builder_set_member_name (builder, "delay");
  json_builder_add_int_value (builder, slip->delay);
  json_builder_set_member_name (builder, "tier");
  json_builder_add_string_value (builder, ir_tier_to_string (slip->tier));

  json_builder_set_member_name (builder, "chain");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slip->chain->len; i++)
    {
      const IrSlipStep *step = g_ptr_array_index (slip->chain, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, step->task_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, step->name != NULL ? step->name : "");
      add_day (builder, "finish", step->finish);
      json_builder_set_member_name (builder, "slip");
      if (step->has_slip)
        json_builder_add_int_value (builder, step->slip);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "link");
      json_builder_add_string_value (builder, ir_link_type_to_string (step->type));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
print_json (IrSchedule                 *schedule,
            const IrEscalationSettings *settings,
            IrDay                       today,
            GPtrArray                  *slipping,
            guint                       n_finished_late)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_day (builder, "today", today);
  json_builder_set_member_name (builder, "day_count");
  json_builder_add_string_value (builder, settings->day_count == IR_DAY_COUNT_WORKING
                                          ? "working" : "calendar");
  json_builder_set_member_name (builder, "yellow_after");
  json_builder_add_int_value (builder, settings->yellow_after);
  json_builder_set_member_name (builder, "red_after");
  json_builder_add_int_value (builder, settings->red_after);
  json_builder_set_member_name (builder, "finished_late");
  json_builder_add_int_value (builder, n_finished_late);
  json_builder_set_member_name (builder, "slipping");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slipping->len; i++)
    add_slip (builder, schedule, g_ptr_array_index (slipping, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_text (const IrEscalationSettings *settings,
            IrDay                       today,
            GPtrArray                  *slipping,
            guint                       n_finished_late)
{
  char today_text[IR_DAY_STRING_SIZE];
  guint per_tier[IR_TIER_RED + 1] = { 0 };
  const char *unit = settings->day_count == IR_DAY_COUNT_WORKING ? "working day" : "day";

  printf ("Today %s; blue up to %d, yellow up to %d, red after %d %ss late.\n\n",
          ir_day_format (today, today_text), settings->yellow_after, settings->red_after,
          settings->red_after, unit);

  for (guint i = 0; i < slipping->len; i++)
    {
      const IrSlip *slip = g_ptr_array_index (slipping, i);
      g_autofree char *chain = ir_slip_describe_chain (slip);
      g_autofree char *tier = g_ascii_strup (ir_tier_to_string (slip->tier), -1);
      char commitment[IR_DAY_STRING_SIZE], forecast[IR_DAY_STRING_SIZE];

      per_tier[slip->tier]++;
      printf ("%-7s %s: %d %s%s late, %s %s, forecast %s\n", tier,
              slip->title != NULL ? slip->title : slip->subject_id, slip->delay, unit,
              slip->delay == 1 ? "" : "s",
              slip->from_baseline ? "baseline finish" : "deadline",
              ir_day_format (slip->commitment, commitment),
              ir_day_format (slip->forecast, forecast));
      if (chain != NULL)
        printf ("        slip chain: %s\n", chain);
    }

  if (slipping->len > 0)
    printf ("\n");
  printf ("%u slipping: %u red, %u yellow, %u blue; %u finished late.\n", slipping->len,
          per_tier[IR_TIER_RED], per_tier[IR_TIER_YELLOW], per_tier[IR_TIER_BLUE],
          n_finished_late);
}

/* --- command ------------------------------------------------------------- */

static gboolean
parse_day (const char *text,
           IrDay      *day)
{
  int year, month, day_of_month;
  char end;

  if (text == NULL ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day_of_month, &end) != 3 ||
      !g_date_valid_dmy (day_of_month, month, year))
    return FALSE;

  *day = ir_day_from_ymd (year, month, day_of_month);
  return TRUE;
}

/* Returns today's date in the default room time zone. */
static IrDay
default_today (const IrEscalationSettings *settings)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return ir_escalation_today (settings, now);
}

int
ir_tool_escalate (int    argc,
                  char **argv)
{
  EscalateArgs args = { .yellow_after = -1, .red_after = -1 };
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &args.today,
      "The day to measure against, YYYY-MM-DD (default: today in Asia/Shanghai)", "DATE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, "Print the slipping tasks as JSON", NULL },
    { "working-days", 0, 0, G_OPTION_ARG_NONE, &args.working_days,
      "Count delays in working days of the plan's calendar, not calendar days", NULL },
    { "yellow-after", 0, 0, G_OPTION_ARG_INT, &args.yellow_after,
      "Days late above which a task is yellow, not blue (default 3)", "N" },
    { "red-after", 0, 0, G_OPTION_ARG_INT, &args.red_after,
      "Days late above which a task is red (default 7)", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLAN.xml – list the slipping "
                                                            "tasks of a Microsoft Project plan");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSchedule) schedule = NULL;
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(GPtrArray) slipping = NULL;
  IrEscalationSettings settings;
  guint n_finished_late;
  IrDay today;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "ironroom-tool escalate: %s; run “ironroom-tool escalate --help”.\n",
               error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "Usage: ironroom-tool escalate PLAN.xml [--today YYYY-MM-DD] [--json]\n");
      return 2;
    }

  ir_escalation_settings_init (&settings);
  if (args.working_days)
    settings.day_count = IR_DAY_COUNT_WORKING;
  if (args.yellow_after >= 0)
    settings.yellow_after = args.yellow_after;
  if (args.red_after >= 0)
    settings.red_after = args.red_after;
  if (settings.red_after < settings.yellow_after)
    {
      fprintf (stderr, "ironroom-tool escalate: invalid thresholds: --red-after %d is below "
               "--yellow-after %d; give a red threshold of at least the yellow one.\n",
               settings.red_after, settings.yellow_after);
      ir_escalation_settings_clear (&settings);
      return 2;
    }

  if (args.today != NULL && !parse_day (args.today, &today))
    {
      fprintf (stderr, "ironroom-tool escalate: invalid --today “%s”; give a date as "
               "YYYY-MM-DD, such as 2026-12-04.\n", args.today);
      ir_escalation_settings_clear (&settings);
      return 2;
    }
  if (args.today == NULL)
    today = default_today (&settings);

  schedule = ir_mspdi_import_file (argv[1], &error);
  if (schedule == NULL)
    {
      fprintf (stderr, "ironroom-tool escalate: %s\n", error->message);
      ir_escalation_settings_clear (&settings);
      return 1;
    }

  /* A cycle is scheduled without its links and shown as a conflict. */
  ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);

  slips = ir_escalation_assess_schedule (schedule, &settings, today);
  slipping = find_slipping (slips, &n_finished_late);

  if (args.json)
    print_json (schedule, &settings, today, slipping, n_finished_late);
  else
    print_text (&settings, today, slipping, n_finished_late);

  ir_escalation_settings_clear (&settings);
  g_free (args.today);

  return 0;
}
