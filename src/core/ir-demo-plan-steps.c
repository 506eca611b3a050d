/* ir-demo-plan-steps.c: the demo plan's history
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The working calendar, the plan entered phase by phase, and progress
 * reported by each owner every week or two. Then the baseline saved after
 * the contract, the commitments and the customer's confirmations, the
 * tasks added since, and the re-estimates that make three commitments
 * slip.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ir-demo-private.h"
#include "ir-position.h"

/* Days on which the owners reported progress. */
static const int report_days[] = { -86, -75, -66, -62, -48, -45, -23, -12, -5, -1 };

typedef struct
{
  const char   *task;
  int           day;
  int           minute;
  IrDemoMember  recorder;
} DemoConfirmation;

/* Both confirmed by the customer's head of equipment: the FAT date at the
 * kickoff meeting, the drawing freeze at the design review. */
static const DemoConfirmation confirmations[] = {
  { "t6", -56, IR_DEMO_TIME (11, 30), IR_DEMO_FR },
  { "d7", -30, IR_DEMO_TIME (11, 45), IR_DEMO_SR },
};

#define SIGNER_NAME "王建军"

/* Names of the shipped holidays, as ir-calendar-china.c gives them, in
 * Chinese. The calendar names them in the user's language, which can
 * differ from the demo's. */
static const char * const holiday_names[][2] = {
  { "New Year's Day", "元旦" },
  { "New Year's Day make-up working day", "元旦调休上班" },
  { "Spring Festival", "春节" },
  { "Spring Festival make-up working day", "春节调休上班" },
  { "Qingming Festival", "清明节" },
  { "Labour Day", "劳动节" },
  { "Labour Day make-up working day", "劳动节调休上班" },
  { "Dragon Boat Festival", "端午节" },
  { "Mid-Autumn Festival", "中秋节" },
  { "National Day", "国庆节" },
  { "National Day make-up working day", "国庆节调休上班" },
};

/* --- helpers ------------------------------------------------------------- */

static int
offset_of (IrDemo *demo,
           IrDay   day)
{
  return (int) (day - demo->today);
}

static const char *
holiday_name (IrDemo     *demo,
              const char *name)
{
  if (demo->english || name == NULL)
    return name;

  for (gsize i = 0; i < G_N_ELEMENTS (holiday_names); i++)
    if (g_str_equal (holiday_names[i][0], name))
      return holiday_names[i][1];

  return name;
}

/* The duration that @task had when it was planned: a slipping commitment
 * was planned to finish on its committed date, and the review round added
 * before the drawing freeze was planned to end on the freeze's committed
 * date. */
static int
planned_duration (IrDemo         *demo,
                  IrDemoPlanTask *task)
{
  IrDemoPlan *plan = demo->plan;

  if (g_str_equal (task->row->key, "d5"))
    return task->baseline_duration;

  if (g_str_equal (task->row->key, "d6"))
    {
      IrDemoPlanTask *freeze = ir_demo_plan_lookup (plan, "d7");

      return task->duration - ir_calendar_count_working_days (plan->calendar,
                                                              freeze->committed,
                                                              freeze->finish);
    }

  return task->duration;
}

/* --- calendar ------------------------------------------------------------ */

static gboolean
write_calendar (IrDemo         *demo,
                gconstpointer   data,
                GError        **error)
{
  IrDemoPlan *plan = demo->plan;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_FR);
  g_autofree char *calendar = ir_demo_create (demo, tx, "calendar", "main");
  const IrCalendarException *days;
  guint n_days;

  ir_tx_set_string (tx, "calendar", calendar, "name",
                    IR_DEMO_TEXT (demo, "中国大陆（含 2026 年法定节假日）",
                                  "Mainland China (with the 2026 public holidays)"));
  ir_tx_set_int (tx, "calendar", calendar, "weekdays", IR_WEEKDAYS_MONDAY_TO_FRIDAY);
  ir_tx_set_double (tx, "calendar", calendar, "hours_per_day", 8);
  ir_demo_set_day (tx, "calendar", calendar, "project_start", plan->project_start);
  ir_tx_set_string (tx, "calendar", calendar, "mode", "forward");

  days = ir_calendar_get_exceptions (plan->calendar, &n_days);
  for (guint i = 0; i < n_days; i++)
    {
      g_autofree char *eid = ir_tx_create (tx, "calendar_day");

      ir_tx_set_string (tx, "calendar_day", eid, "calendar", calendar);
      ir_demo_set_day (tx, "calendar_day", eid, "date", days[i].day);
      ir_tx_set_string (tx, "calendar_day", eid, "kind",
                        days[i].kind == IR_DAY_KIND_WORKDAY ? "workday" : "holiday");
      if (days[i].name != NULL)
        ir_tx_set_string (tx, "calendar_day", eid, "name", holiday_name (demo, days[i].name));
    }

  return ir_demo_commit (demo, tx, error);
}

/* --- tasks --------------------------------------------------------------- */

static void
add_task (IrDemo         *demo,
          IrTx           *tx,
          IrDemoPlanTask *task)
{
  const IrDemoTaskRow *row = task->row;
  g_autofree char *eid = ir_demo_create (demo, tx, "task", row->key);

  if (row->parent != NULL)
    ir_tx_set_string (tx, "task", eid, "parent", ir_demo_task (demo, row->parent));
  ir_tx_set_string (tx, "task", eid, "name", IR_DEMO_TEXT (demo, row->name_zh, row->name_en));
  ir_tx_set_string (tx, "task", eid, "position", task->position);
  ir_tx_set_string (tx, "task", eid, "wbs", task->wbs);
  ir_tx_set_string (tx, "task", eid, "owner", ir_demo_member (demo, row->owner));
  ir_tx_set_boolean (tx, "task", eid, "milestone", (row->flags & IR_DEMO_TASK_MILESTONE) != 0);
  ir_tx_set_boolean (tx, "task", eid, "key_milestone", (row->flags & IR_DEMO_TASK_KEY) != 0);
  if (!(row->flags & (IR_DEMO_TASK_SUMMARY | IR_DEMO_TASK_MILESTONE)))
    ir_tx_set_int (tx, "task", eid, "duration", planned_duration (demo, task));
  ir_tx_set_int (tx, "task", eid, "progress", 0);
  if (row->deliverable_zh != NULL)
    ir_tx_set_string (tx, "task", eid, "deliverable",
                      IR_DEMO_TEXT (demo, row->deliverable_zh, row->deliverable_en));
  if (row->notes_zh != NULL)
    ir_tx_set_string (tx, "task", eid, "notes", IR_DEMO_TEXT (demo, row->notes_zh, row->notes_en));
}

static void
add_link (IrDemo              *demo,
          IrTx                *tx,
          const IrDemoLinkRow *row)
{
  g_autofree char *eid = ir_tx_create (tx, "dependency");

  ir_tx_set_string (tx, "dependency", eid, "successor", ir_demo_task (demo, row->successor));
  ir_tx_set_string (tx, "dependency", eid, "predecessor", ir_demo_task (demo, row->predecessor));
  ir_tx_set_string (tx, "dependency", eid, "type", row->type);
  ir_tx_set_int (tx, "dependency", eid, "lag", row->lag);
}

static gboolean
is_added (IrDemoPlan *plan,
          const char *key)
{
  return (ir_demo_plan_lookup (plan, key)->row->flags & IR_DEMO_TASK_ADDED) != 0;
}

/* One phase as its owner entered it: the summary task, its tasks but those
 * added later, and their links. */
static gboolean
write_phase (IrDemo         *demo,
             gconstpointer   data,
             GError        **error)
{
  IrDemoPlan *plan = demo->plan;
  IrDemoPlanTask *summary = (IrDemoPlanTask *) data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, summary->row->owner);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  add_task (demo, tx, summary);
  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];

      if (g_strcmp0 (task->row->parent, summary->row->key) != 0 ||
          (task->row->flags & IR_DEMO_TASK_ADDED))
        continue;

      add_task (demo, tx, task);
      g_hash_table_add (keys, (gpointer) task->row->key);
    }

  /* Every predecessor is in this phase or an earlier one. */
  for (guint i = 0; i < plan->n_links; i++)
    if (g_hash_table_contains (keys, plan->links[i].successor) &&
        !is_added (plan, plan->links[i].predecessor))
      add_link (demo, tx, &plan->links[i]);

  return ir_demo_commit (demo, tx, error);
}

/* A task added after the baseline, with its links. */
static gboolean
write_added_task (IrDemo         *demo,
                  gconstpointer   data,
                  GError        **error)
{
  IrDemoPlan *plan = demo->plan;
  IrDemoPlanTask *task = (IrDemoPlanTask *) data;
  const char *key = task->row->key;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, task->row->owner);

  add_task (demo, tx, task);
  for (guint i = 0; i < plan->n_links; i++)
    if (g_str_equal (plan->links[i].successor, key) ||
        g_str_equal (plan->links[i].predecessor, key))
      add_link (demo, tx, &plan->links[i]);

  return ir_demo_commit (demo, tx, error);
}

/* --- progress ------------------------------------------------------------ */

/* Adds to @tx what changed on @task by the end of @day: its actual dates
 * and its progress. */
static void
report_task (IrDemo         *demo,
             IrTx           *tx,
             IrDemoPlanTask *task,
             IrDay           day)
{
  const IrDemoTaskRow *row = task->row;
  const char *eid;
  int progress;

  if (row->flags & IR_DEMO_TASK_SUMMARY)
    return;
  if ((row->flags & IR_DEMO_TASK_ADDED) && row->added > offset_of (demo, day))
    return;

  eid = ir_demo_task (demo, row->key);
  if (task->actual_start != IR_DAY_NONE && task->actual_start <= day && !task->start_reported)
    {
      ir_demo_set_day (tx, "task", eid, "actual_start", task->actual_start);
      task->start_reported = TRUE;
    }
  if (task->actual_finish != IR_DAY_NONE && task->actual_finish <= day &&
      !task->finish_reported)
    {
      ir_demo_set_day (tx, "task", eid, "actual_finish", task->actual_finish);
      task->finish_reported = TRUE;
    }

  progress = ir_demo_plan_progress (demo->plan, task, day + 1);
  if (progress != task->reported_progress)
    {
      ir_tx_set_int (tx, "task", eid, "progress", progress);
      task->reported_progress = progress;
    }
}

/* Each owner reports on their own tasks. */
static gboolean
write_reports (IrDemo         *demo,
               gconstpointer   data,
               GError        **error)
{
  IrDemoPlan *plan = demo->plan;
  IrDay day = demo->step_day;

  for (IrDemoMember who = IR_DEMO_AR; who <= IR_DEMO_FR; who++)
    {
      g_autoptr(IrTx) tx = ir_demo_begin (demo, who);

      for (guint i = 0; i < plan->n_tasks; i++)
        if (plan->tasks[i].row->owner == who)
          report_task (demo, tx, &plan->tasks[i], day);

      if (ir_tx_get_n_ops (tx) > 0 && !ir_demo_commit (demo, tx, error))
        return FALSE;
    }

  return TRUE;
}

/* The review round before the freeze and the inspection and test plan take
 * longer than planned: the customer's EHS comments are still open, and the
 * equipment team asked for more load cases. */
static gboolean
write_estimates (IrDemo         *demo,
                 gconstpointer   data,
                 GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_SR);
  const char * const keys[] = { "d6", "d5" };

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    ir_tx_set_int (tx, "task", ir_demo_task (demo, keys[i]), "duration",
                   ir_demo_plan_lookup (demo->plan, keys[i])->duration);

  return ir_demo_commit (demo, tx, error);
}

/* --- baseline, commitments and confirmations ----------------------------- */

static gboolean
write_baseline (IrDemo         *demo,
                gconstpointer   data,
                GError        **error)
{
  IrDemoPlan *plan = demo->plan;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_FR);
  g_autofree char *baseline = ir_demo_create (demo, tx, "baseline", "contract");

  ir_tx_set_string (tx, "baseline", baseline, "name",
                    IR_DEMO_TEXT (demo, "基线 1：合同签订", "Baseline 1: contract signed"));
  ir_tx_set_int (tx, "baseline", baseline, "number", 1);
  ir_tx_set_int (tx, "baseline", baseline, "saved", demo->time_us);

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];
      g_autofree char *eid = NULL;

      if (!task->in_baseline)
        continue;

      eid = ir_tx_create (tx, "baseline_task");
      ir_tx_set_string (tx, "baseline_task", eid, "baseline", baseline);
      ir_tx_set_string (tx, "baseline_task", eid, "task", ir_demo_task (demo, task->row->key));
      ir_demo_set_day (tx, "baseline_task", eid, "start", task->baseline_start);
      ir_demo_set_day (tx, "baseline_task", eid, "finish", task->baseline_finish);
      ir_tx_set_int (tx, "baseline_task", eid, "duration", task->baseline_duration);
    }

  return ir_demo_commit (demo, tx, error);
}

typedef struct
{
  int           day;
  int           minute;
  IrDemoMember  who;
  const char   *tasks[4];   /* ended by NULL */
} DemoCommitment;

static const DemoCommitment commitments[] = {
  { -70, IR_DEMO_TIME (15, 0), IR_DEMO_AR, { "a5" } },
  { -56, IR_DEMO_TIME (11, 10), IR_DEMO_FR, { "m6", "t6", "x2" } },
  { -44, IR_DEMO_TIME (19, 0), IR_DEMO_SR, { "d5" } },
  { -30, IR_DEMO_TIME (11, 15), IR_DEMO_SR, { "d7" } },
};

static gboolean
write_commitment (IrDemo         *demo,
                  gconstpointer   data,
                  GError        **error)
{
  const DemoCommitment *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->who);

  for (guint i = 0; i < G_N_ELEMENTS (row->tasks) && row->tasks[i] != NULL; i++)
    ir_demo_set_day (tx, "task", ir_demo_task (demo, row->tasks[i]), "committed",
                     ir_demo_plan_lookup (demo->plan, row->tasks[i])->committed);

  return ir_demo_commit (demo, tx, error);
}

/* Makes a device key for a member whose device the demo simulates. The key
 * API reads keys from files, so the key passes through a private temporary
 * folder that is removed at once. */
static IrDeviceKey *
new_device_key (GError **error)
{
  g_autofree char *folder = g_dir_make_tmp ("ironroom-demo-XXXXXX", error);
  g_autofree char *path = NULL;
  IrDeviceKey *key;

  if (folder == NULL)
    return NULL;

  path = g_build_filename (folder, "device-key", NULL);
  key = ir_device_key_load (path, error);
  g_unlink (path);
  g_rmdir (folder);

  return key;
}

/* The room, being its own server, registers the devices of the members who
 * record confirmations. */
static gboolean
write_device_keys (IrDemo         *demo,
                   gconstpointer   data,
                   GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_AR);

  for (gsize i = 0; i < G_N_ELEMENTS (confirmations); i++)
    {
      IrDemoMember who = confirmations[i].recorder;
      g_autofree char *eid = NULL;

      if (demo->keys[who] != NULL)
        continue;

      demo->keys[who] = new_device_key (error);
      if (demo->keys[who] == NULL)
        return FALSE;

      eid = ir_tx_create (tx, "device_key");
      ir_tx_set_string (tx, "device_key", eid, "member", ir_demo_member (demo, who));
      ir_tx_set_string (tx, "device_key", eid, "public_key",
                        ir_device_key_get_public_key (demo->keys[who]));
      ir_tx_set_int (tx, "device_key", eid, "valid_from", demo->time_us);
    }

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_confirmation (IrDemo         *demo,
                    gconstpointer   data,
                    GError        **error)
{
  const DemoConfirmation *row = data;
  IrDemoPlanTask *task = ir_demo_plan_lookup (demo->plan, row->task);
  g_auto(IrSealContent) content = { 0 };
  g_autofree char *eid = NULL;
  char committed[IR_DAY_STRING_SIZE];

  content.task = g_strdup (ir_demo_task (demo, row->task));
  content.signer_name = g_strdup (SIGNER_NAME);
  content.signer_company = g_strdup (IR_DEMO_TEXT (demo, IR_DEMO_CUSTOMER_ZH,
                                                   IR_DEMO_CUSTOMER_EN));
  content.signer_title = g_strdup (IR_DEMO_TEXT (demo, "设备部部长", "Head of Equipment"));
  content.signed_at = demo->time_us;
  content.milestone_title = g_strdup (IR_DEMO_TEXT (demo, task->row->name_zh,
                                                    task->row->name_en));
  content.deliverable = g_strdup (IR_DEMO_TEXT (demo, task->row->deliverable_zh,
                                                task->row->deliverable_en));
  content.committed = g_strdup (ir_day_format (task->committed, committed));

  ir_store_set_actor (demo->store, ir_demo_user (row->recorder), ir_demo_roles (row->recorder));
  eid = ir_seal_record (demo->store, demo->keys[row->recorder], &content, error);

  return eid != NULL;
}

/* --- steps --------------------------------------------------------------- */

void
ir_demo_plan_add_steps (IrDemo *demo)
{
  IrDemoPlan *plan = demo->plan;
  const char *client = ir_store_get_client_id (demo->store);
  IrDemoPlanTask *contract = ir_demo_plan_lookup (plan, "a5");
  const char *previous = NULL;

  /* Positions in outline order, so that the tasks added later fall into
   * their places among those entered first. */
  for (guint i = 0; i < plan->n_tasks; i++)
    {
      plan->tasks[i].position = ir_position_between (previous, NULL, client);
      previous = plan->tasks[i].position;
    }

  ir_demo_add_step (demo, -91, IR_DEMO_TIME (8, 50), write_device_keys, NULL);
  ir_demo_add_step (demo, -91, IR_DEMO_TIME (9, 0), write_calendar, NULL);

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];

      if (task->row->flags & IR_DEMO_TASK_SUMMARY)
        ir_demo_add_step (demo, -90, IR_DEMO_TIME (10, 0) + (int) i, write_phase, task);
      else if (task->row->flags & IR_DEMO_TASK_ADDED)
        ir_demo_add_step (demo, task->row->added, IR_DEMO_TIME (19, 30), write_added_task, task);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (report_days); i++)
    ir_demo_add_step (demo, report_days[i], IR_DEMO_TIME (17, 30), write_reports, NULL);

  ir_demo_add_step (demo, offset_of (demo, ir_calendar_next_working_day (plan->calendar,
                                                                       contract->finish)),
                    IR_DEMO_TIME (10, 0), write_baseline, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (commitments); i++)
    ir_demo_add_step (demo, commitments[i].day, commitments[i].minute, write_commitment,
                      &commitments[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (confirmations); i++)
    ir_demo_add_step (demo, confirmations[i].day, confirmations[i].minute, write_confirmation,
                      &confirmations[i]);

  ir_demo_add_step (demo, -3, IR_DEMO_TIME (17, 0), write_estimates, NULL);
}
