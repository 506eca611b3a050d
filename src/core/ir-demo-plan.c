/* ir-demo-plan.c: the demo room's plan and its dates
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A custom order of DN150 PN40 gate valves: from the technical exchange
 * about three months ago to commissioning about eight months ahead. What
 * has happened is given by actual dates; what is ahead, the schedule
 * engine computes. Three commitments slip, one per risk tier: the drawing
 * freeze (red), the inspection and test plan (blue) and the first-article
 * inspection (yellow). Their committed dates are set from the computed
 * forecast, and the task that causes each slip is lengthened until the
 * committed date falls on a working day, so that the slips are exact for
 * whatever day the demo is generated.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-demo-private.h"
#include "ir-schedule.h"

#define NO IR_DEMO_NO_DAY
#define SUMMARY IR_DEMO_TASK_SUMMARY
#define KEY_MILESTONE (IR_DEMO_TASK_MILESTONE | IR_DEMO_TASK_KEY)
#define ADDED IR_DEMO_TASK_ADDED

/* Tasks in outline order. Durations of summaries roll up; those of tasks
 * with both actual dates follow from the dates. */
static const IrDemoTaskRow task_rows[] = {
  { "s1", NULL, "方案与合同", "Proposal and contract", IR_DEMO_AR, 0, SUMMARY, NO, NO },
  { "a1", "s1", "技术交流与需求澄清", "Technical exchange and requirements", IR_DEMO_AR,
    0, 0, -98, -87 },
  { "a2", "s1", "技术方案与选型计算", "Technical proposal and valve sizing", IR_DEMO_SR,
    0, 0, -86, -75 },
  { "a3", "s1", "报价与商务谈判", "Quotation and negotiation", IR_DEMO_AR, 0, 0, -81, -66 },
  { "a4", "s1", "技术协议签署", "Technical agreement", IR_DEMO_SR, 0, 0, -65, -63 },
  { "a5", "s1", "合同签订", "Contract signed", IR_DEMO_AR, 0, KEY_MILESTONE, NO, -62, 0,
    "双方盖章的供货合同", "The supply contract, signed and stamped by both parties" },

  { "s2", NULL, "设计", "Design", IR_DEMO_SR, 0, SUMMARY, NO, NO },
  { "d1", "s2", "阀体结构设计", "Valve body design", IR_DEMO_SR, 0, 0, -61, -49 },
  { "d2", "s2", "阀盖与密封结构设计", "Bonnet and seal design", IR_DEMO_SR, 0, 0, -57, -48 },
  { "d3", "s2", "提交 A 版图纸", "Issue revision A drawings", IR_DEMO_SR, 0, 0, -47, -45 },
  { "d4", "s2", "A 版审图意见处理与 B 版修改", "Revision A comments and revision B",
    IR_DEMO_SR, 0, 0, -44, -12 },
  { "d5", "s2", "编制 ITP 与强度计算书", "Inspection and test plan, strength calculations",
    IR_DEMO_SR, 8, 0, -8, NO, 0, NULL, NULL,
    "客户设备部要求随 B 版图纸提交。", "The customer's equipment team want it with revision B." },
  { "d6", "s2", "B 版审图与遗留意见关闭", "Revision B review and open comments", IR_DEMO_SR,
    14, ADDED, -11, NO, -44, NULL, NULL,
    "A 版审图后增加的第二轮审图；安环部的低逸散意见尚未关闭。",
    "A second review round, added after revision A; the EHS comments on emissions are still "
    "open." },
  { "d7", "s2", "图纸冻结", "Drawing freeze", IR_DEMO_SR, 0, KEY_MILESTONE, NO, NO, 0,
    "客户会签的 B 版总装图与零件图", "Revision B assembly and part drawings, countersigned "
    "by the customer" },

  { "s3", NULL, "采购", "Procurement", IR_DEMO_FR, 0, SUMMARY, NO, NO },
  { "p1", "s3", "铸造厂定点与模具制作", "Foundry selection and patterns", IR_DEMO_FR,
    0, 0, -42, -23 },
  { "p2", "s3", "阀体铸件浇注与热处理", "Body castings: pouring and heat treatment",
    IR_DEMO_FR, 35, 0, -22, NO },
  { "p3", "s3", "阀盖锻件采购", "Bonnet forgings", IR_DEMO_FR, 20, 0, NO, NO },
  { "p4", "s3", "阀杆、闸板与密封件采购", "Stems, wedges and seals", IR_DEMO_FR, 20, 0, NO, NO },
  { "p5", "s3", "电动执行机构采购（进口）", "Electric actuators (imported)", IR_DEMO_FR,
    80, 0, -58, NO },

  { "s4", NULL, "制造", "Manufacturing", IR_DEMO_FR, 0, SUMMARY, NO, NO },
  { "m1", "s4", "铸件无损检测（RT/UT）", "Casting NDT (RT/UT)", IR_DEMO_FR, 4, 0, NO, NO },
  { "m2", "s4", "阀体机加工", "Body machining", IR_DEMO_FR, 12, 0, NO, NO },
  { "m3", "s4", "密封面堆焊与精加工", "Seat hardfacing and finishing", IR_DEMO_FR,
    8, 0, NO, NO },
  { "m3b", "s4", "首件补焊与 RT 复检", "First article: weld repair and RT re-test",
    IR_DEMO_FR, 2, ADDED, NO, NO, -4, NULL, NULL,
    "试浇件 RT 发现缩松后增加。", "Added after RT found shrinkage in the trial casting." },
  { "m4", "s4", "阀盖、阀杆与闸板加工", "Bonnet, stem and wedge machining", IR_DEMO_FR,
    10, 0, NO, NO },
  { "m6", "s4", "首件检验", "First-article inspection", IR_DEMO_FR, 0, KEY_MILESTONE, NO, NO,
    0, "首件尺寸、材质与硬度检验报告", "First-article report: dimensions, materials and "
    "hardness" },
  { "m7", "s4", "批量加工（36 台）", "Series machining (36 valves)", IR_DEMO_FR,
    40, 0, NO, NO },
  { "m8", "s4", "总装与执行机构调试", "Assembly and actuator setup", IR_DEMO_FR,
    15, 0, NO, NO },

  { "s5", NULL, "检验与试验", "Inspection and testing", IR_DEMO_FR, 0, SUMMARY, NO, NO },
  { "t1", "s5", "壳体与密封压力试验", "Shell and seat pressure tests", IR_DEMO_FR,
    5, 0, NO, NO },
  { "t2", "s5", "低逸散型式试验（ISO 15848-1）", "Low-emission type test (ISO 15848-1)",
    IR_DEMO_SR, 10, 0, NO, NO },
  { "t3", "s5", "防火试验见证（API 607）", "Witnessed fire-safe test (API 607)", IR_DEMO_SR,
    5, 0, NO, NO },
  { "t4", "s5", "涂装与标识", "Painting and marking", IR_DEMO_FR, 4, 0, NO, NO },
  { "t6", "s5", "工厂验收（FAT）", "Factory acceptance test (FAT)", IR_DEMO_FR, 0,
    KEY_MILESTONE, NO, NO, 0, "客户见证的 FAT 报告与放行单",
    "FAT report witnessed by the customer, with the release note" },

  { "s6", NULL, "发运与安装", "Shipping and installation", IR_DEMO_FR, 0, SUMMARY, NO, NO },
  { "x1", "s6", "包装与随机文件", "Packing and documents", IR_DEMO_FR, 5, 0, NO, NO },
  { "x2", "s6", "发运", "Shipment", IR_DEMO_FR, 0, KEY_MILESTONE, NO, NO, 0,
    "36 台阀门及随机文件发运出厂", "36 valves and their documents leave the factory" },
  { "x3", "s6", "运输与到货验收", "Transport and receiving inspection", IR_DEMO_FR,
    10, 0, NO, NO },
  { "x4", "s6", "现场安装与投运指导", "Installation and commissioning supervision",
    IR_DEMO_FR, 30, 0, NO, NO, 0, NULL, NULL,
    "安装在装置大修期间进行，约在发运后一个月。",
    "Installation happens in the unit's shutdown, about a month after shipment." },
};

/* Links between tasks that have happened have no lag: their actual dates,
 * moved to working days, then keep to the links whatever the day the demo
 * is generated. */
static const IrDemoLinkRow link_rows[] = {
  { "a2", "a1", "FS", 0 },
  { "a3", "a2", "SS", 0 },
  { "a4", "a2", "FS", 0 },
  { "a4", "a3", "FS", 0 },
  { "a5", "a4", "FS", 0 },
  { "d1", "a5", "FS", 0 },
  { "d2", "d1", "SS", 0 },
  { "d3", "d1", "FS", 0 },
  { "d3", "d2", "FS", 0 },
  { "d4", "d3", "FS", 0 },
  { "d5", "d4", "FS", 0 },
  { "d6", "d4", "FS", 0 },
  { "d7", "d4", "FS", 0 },
  { "d7", "d6", "FS", 0 },
  { "p1", "d3", "FS", 0 },
  { "p2", "p1", "FS", 0 },
  { "p3", "d7", "FS", 0 },
  { "p4", "d7", "FS", 0 },
  { "p5", "a5", "FS", 0 },
  { "m1", "p2", "FS", 0 },
  { "m2", "m1", "FS", 0 },
  { "m2", "d7", "FS", 0 },
  { "m3", "m2", "FS", 0 },
  { "m3b", "m3", "FS", 0 },
  { "m4", "p3", "FS", 0 },
  { "m4", "p4", "FS", 0 },
  { "m6", "m3", "FS", 0 },
  { "m6", "m3b", "FS", 0 },
  { "m6", "m4", "FS", 0 },
  { "m7", "m6", "FS", 0 },
  { "m8", "m7", "FS", 0 },
  { "m8", "p5", "FS", 0 },
  { "t1", "m8", "FS", 0 },
  { "t2", "t1", "FS", 0 },
  { "t3", "t2", "SS", 3 },
  { "t4", "t2", "FF", 1 },
  { "t6", "t2", "FS", 0 },
  { "t6", "t3", "FS", 0 },
  { "t6", "t4", "FS", 0 },
  { "t6", "d5", "FS", 0 },
  { "x1", "t6", "FS", 0 },
  { "x2", "x1", "FS", 0 },
  { "x3", "x2", "FS", 0 },
  { "x4", "x3", "FS", 20 },
};

/* The commitments that slip, and the task whose extra days cause it. */
typedef struct
{
  const char *subject;
  const char *cause;
  int         slip;
} DemoSlip;

/* Red first: the freeze's cause also moves the first-article inspection,
 * and neither later cause moves the freeze. */
static const DemoSlip slips[] = {
  { "d7", "d6", IR_DEMO_SLIP_RED },
  { "d5", "d5", IR_DEMO_SLIP_BLUE },
  { "m6", "m3b", IR_DEMO_SLIP_YELLOW },
};

/* Extra working days tried on a cause before giving up. */
#define MAX_EXTRA_DAYS 10

/* --- schedule ------------------------------------------------------------ */

IrDemoPlanTask *
ir_demo_plan_lookup (IrDemoPlan *plan,
                     const char *key)
{
  for (guint i = 0; i < plan->n_tasks; i++)
    if (g_str_equal (plan->tasks[i].row->key, key))
      return &plan->tasks[i];

  g_critical ("The demo plan has no task “%s”", key);
  return NULL;
}

static gboolean
compute (IrDemoPlan  *plan,
         GError     **error)
{
  g_autoptr(IrSchedule) schedule = ir_schedule_new (plan->calendar);

  ir_schedule_set_project_start (schedule, plan->project_start);

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];
      IrScheduleTask *entry = ir_schedule_add_task (schedule, task->row->key);

      ir_schedule_task_set_parent (entry, task->row->parent);
      entry->milestone = (task->row->flags & IR_DEMO_TASK_MILESTONE) != 0;
      entry->duration = task->duration;
      entry->actual_start = task->actual_start;
      entry->actual_finish = task->actual_finish;
    }

  for (guint i = 0; i < plan->n_links; i++)
    {
      const IrDemoLinkRow *row = &plan->links[i];
      g_autofree char *id = g_strdup_printf ("link%u", i);
      IrLinkType type = IR_LINK_FS;

      ir_link_type_from_string (row->type, &type);
      ir_schedule_add_link (schedule, id, row->predecessor, row->successor, type, row->lag);
    }

  if (!ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, error))
    return FALSE;

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];
      IrScheduleTask *entry = ir_schedule_lookup_task (schedule, task->row->key);

      if (entry->flags & IR_TASK_CONFLICT)
        {
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                       _("Cannot build the demo plan: the actual dates of task “%s” break "
                         "one of its links. Check the demo's plan table."), task->row->key);
          return FALSE;
        }

      task->start = entry->start;
      task->finish = entry->finish;
      task->baseline_duration = entry->scheduled_duration;
    }

  return TRUE;
}

/* Lengthens the cause of @slip until its subject's forecast, less the slip,
 * falls on a working day, and commits the subject to that day. */
static gboolean
arrange_slip (IrDemoPlan      *plan,
              const DemoSlip  *slip,
              GError         **error)
{
  IrDemoPlanTask *subject = ir_demo_plan_lookup (plan, slip->subject);
  IrDemoPlanTask *cause = ir_demo_plan_lookup (plan, slip->cause);

  for (int extra = 0; extra <= MAX_EXTRA_DAYS; extra++)
    {
      cause->duration = cause->row->duration + extra;
      if (!compute (plan, error))
        return FALSE;

      subject->committed = subject->finish - slip->slip;
      if (ir_calendar_is_working_day (plan->calendar, subject->committed))
        return TRUE;
    }

  g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
               _("Cannot build the demo plan: no length of task “%s” makes “%s” slip by "
                 "%d days to a working day. Check the demo's plan table."),
               slip->cause, slip->subject, slip->slip);
  return FALSE;
}

/* --- commitments and baseline -------------------------------------------- */

static IrDay
working_day_on_or_after (IrCalendar *calendar,
                         IrDay       day)
{
  return ir_calendar_add_working_days (calendar, day, 0);
}

static IrDay
working_day_on_or_before (IrCalendar *calendar,
                          IrDay       day)
{
  return ir_calendar_is_working_day (calendar, day) ? day
                                                    : ir_calendar_previous_working_day (calendar, day);
}

static gboolean
is_subject (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (slips); i++)
    if (g_str_equal (slips[i].subject, key))
      return TRUE;

  return FALSE;
}

/* The commitments that hold: the contract was signed on the day it was
 * due, and the FAT and the shipment keep a few days in hand. */
static void
commit_on_time (IrDemoPlan *plan)
{
  IrDemoPlanTask *contract = ir_demo_plan_lookup (plan, "a5");
  IrDemoPlanTask *fat = ir_demo_plan_lookup (plan, "t6");
  IrDemoPlanTask *shipment = ir_demo_plan_lookup (plan, "x2");

  contract->committed = contract->finish;
  fat->committed = working_day_on_or_after (plan->calendar, fat->finish + 3);
  shipment->committed = working_day_on_or_after (plan->calendar, shipment->finish + 7);
}

/* The baseline is the plan as it stood when the contract was signed: the
 * forecast of today for every task, but the three slipping commitments on
 * their committed dates, and without the tasks added since. So the
 * baseline and the commitments agree on what is late. */
static void
set_baseline (IrDemoPlan *plan)
{
  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];

      task->in_baseline = !(task->row->flags & IR_DEMO_TASK_ADDED);
      task->baseline_start = task->start;
      task->baseline_finish = task->finish;

      if (!is_subject (task->row->key))
        continue;

      task->baseline_finish = task->committed;
      if (task->row->flags & IR_DEMO_TASK_MILESTONE)
        task->baseline_start = task->committed;
      else
        task->baseline_duration = ir_calendar_count_working_days (plan->calendar,
                                                                  task->start,
                                                                  task->committed) + 1;
    }
}

/* --- public API ---------------------------------------------------------- */

static void
number_outline (IrDemoPlan *plan)
{
  int top = 0, child = 0;

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];

      if (task->row->parent == NULL)
        {
          g_snprintf (task->wbs, sizeof task->wbs, "%d", ++top);
          child = 0;
        }
      else
        g_snprintf (task->wbs, sizeof task->wbs, "%d.%d", top, ++child);
    }
}

/**
 * ir_demo_plan_new:
 *
 * Works out the demo plan's dates with the schedule engine: actual dates
 * of what has happened, forecasts, commitments and the baseline.
 *
 * Returns: (transfer full) (nullable): the plan
 */
IrDemoPlan *
ir_demo_plan_new (IrDemo  *demo,
                  GError **error)
{
  g_autoptr(IrDemoPlan) plan = g_new0 (IrDemoPlan, 1);

  plan->calendar = ir_calendar_new_china ();
  plan->n_tasks = G_N_ELEMENTS (task_rows);
  plan->tasks = g_new0 (IrDemoPlanTask, plan->n_tasks);
  plan->links = link_rows;
  plan->n_links = G_N_ELEMENTS (link_rows);

  for (guint i = 0; i < plan->n_tasks; i++)
    {
      IrDemoPlanTask *task = &plan->tasks[i];
      const IrDemoTaskRow *row = &task_rows[i];

      task->row = row;
      task->duration = row->duration;
      if (row->started != NO && !(row->flags & IR_DEMO_TASK_MILESTONE))
        task->actual_start = working_day_on_or_after (plan->calendar,
                                                      ir_demo_day (demo, row->started));
      if (row->finished != NO)
        task->actual_finish = working_day_on_or_before (plan->calendar,
                                                        ir_demo_day (demo, row->finished));
      if (task->actual_start != IR_DAY_NONE && task->actual_finish != IR_DAY_NONE)
        task->duration = ir_calendar_count_working_days (plan->calendar, task->actual_start,
                                                         task->actual_finish) + 1;
    }
  number_outline (plan);
  plan->project_start = ir_demo_plan_lookup (plan, "a1")->actual_start;

  for (gsize i = 0; i < G_N_ELEMENTS (slips); i++)
    if (!arrange_slip (plan, &slips[i], error))
      return NULL;

  commit_on_time (plan);
  set_baseline (plan);

  return g_steal_pointer (&plan);
}

void
ir_demo_plan_free (IrDemoPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->calendar, ir_calendar_unref);
  for (guint i = 0; i < plan->n_tasks; i++)
    g_free (plan->tasks[i].position);
  g_free (plan->tasks);
  g_free (plan);
}

/* Returns the percentage of @task done by the start of @day: all of it
 * once finished, else the share of its working days before @day. */
int
ir_demo_plan_progress (IrDemoPlan     *plan,
                       IrDemoPlanTask *task,
                       IrDay           day)
{
  int done;

  if (task->actual_finish != IR_DAY_NONE && task->actual_finish < day)
    return 100;
  if (task->actual_start == IR_DAY_NONE || task->actual_start >= day || task->duration == 0)
    return 0;

  done = ir_calendar_count_working_days (plan->calendar, task->actual_start, day - 1) + 1;

  return CLAMP (100 * done / task->duration, 0, 99);
}
