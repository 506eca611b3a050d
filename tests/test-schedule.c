/* test-schedule.c: the schedule engine against hand-computed schedules
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unless a test sets its own, the calendar works Monday to Friday and the
 * plan starts on Monday 2 March 2026: 2–6, 9–13 and 16–20 March are
 * working weeks.
 */
#include <string.h>

#include "ir-schedule.h"

/* --- helpers ------------------------------------------------------------- */

static IrDay
day (const char *text)
{
  IrDay parsed = ir_day_parse (text);

  g_assert_cmpint (parsed, !=, IR_DAY_NONE);
  return parsed;
}

static IrSchedule *
new_plan (void)
{
  IrSchedule *schedule = ir_schedule_new (NULL);

  ir_schedule_set_project_start (schedule, day ("2026-03-02"));
  return schedule;
}

static IrScheduleTask *
add_task (IrSchedule *schedule,
          const char *id,
          int         duration)
{
  IrScheduleTask *task = ir_schedule_add_task (schedule, id);

  g_assert_nonnull (task);
  ir_schedule_task_set_name (task, id);
  task->duration = duration;
  task->milestone = duration == 0;

  return task;
}

static IrScheduleLink *
add_link (IrSchedule *schedule,
          const char *predecessor,
          const char *successor,
          IrLinkType  type,
          int         lag)
{
  return ir_schedule_add_link (schedule, NULL, predecessor, successor, type, lag);
}

static void
compute (IrSchedule *schedule)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_no_error (error);
}

#define assert_dates(schedule, id, start, finish) \
  assert_dates_at (__LINE__, schedule, id, start, finish)

static void
assert_dates_at (int         line,
                 IrSchedule *schedule,
                 const char *id,
                 const char *start,
                 const char *finish)
{
  IrScheduleTask *task = ir_schedule_lookup_task (schedule, id);
  char actual_start[IR_DAY_STRING_SIZE], actual_finish[IR_DAY_STRING_SIZE];

  g_assert_nonnull (task);
  ir_day_format (task->start, actual_start);
  ir_day_format (task->finish, actual_finish);
  if (!g_str_equal (actual_start, start) || !g_str_equal (actual_finish, finish))
    g_error ("line %d: task %s runs %s – %s, expected %s – %s",
             line, id, actual_start, actual_finish, start, finish);
}

static void
assert_float (IrSchedule *schedule,
              const char *id,
              int         total_float)
{
  IrScheduleTask *task = ir_schedule_lookup_task (schedule, id);

  g_assert_cmpint (task->total_float, ==, total_float);
  g_assert_cmpint (!!(task->flags & IR_TASK_CRITICAL), ==, total_float <= 0);
}

/* --- links --------------------------------------------------------------- */

static void
test_link_types (void)
{
  struct {
    IrLinkType  type;
    int         lag;
    const char *start;
    const char *finish;
  } cases[] = {
    { IR_LINK_FS,  0, "2026-03-05", "2026-03-06" },
    { IR_LINK_FS,  2, "2026-03-09", "2026-03-10" },   /* Thu and Fri are the lag */
    { IR_LINK_FS, -1, "2026-03-04", "2026-03-05" },   /* one day of overlap */
    { IR_LINK_SS,  1, "2026-03-03", "2026-03-04" },
    { IR_LINK_SS,  0, "2026-03-02", "2026-03-03" },
    { IR_LINK_FF,  0, "2026-03-03", "2026-03-04" },
    { IR_LINK_FF,  3, "2026-03-06", "2026-03-09" },   /* across the weekend */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IrSchedule) schedule = new_plan ();

      /* A runs Monday 2 to Wednesday 4 March; B takes two days. */
      add_task (schedule, "A", 3);
      add_task (schedule, "B", 2);
      add_link (schedule, "A", "B", cases[i].type, cases[i].lag);
      compute (schedule);

      assert_dates (schedule, "A", "2026-03-02", "2026-03-04");
      assert_dates (schedule, "B", cases[i].start, cases[i].finish);
    }
}

static void
test_link_start_to_finish (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *a;

  /* B must not finish before A starts on Monday 9 March: B ends the
   * working day before, on Friday. */
  a = add_task (schedule, "A", 1);
  a->constraint = IR_CONSTRAINT_SNET;
  a->constraint_date = day ("2026-03-09");
  add_task (schedule, "B", 2);
  add_link (schedule, "A", "B", IR_LINK_SF, 0);
  compute (schedule);

  assert_dates (schedule, "A", "2026-03-09", "2026-03-09");
  assert_dates (schedule, "B", "2026-03-05", "2026-03-06");

  /* With a lag of one day B ends on the Monday. */
  ir_schedule_get_link (schedule, 0)->lag = 1;
  compute (schedule);
  assert_dates (schedule, "B", "2026-03-06", "2026-03-09");
}

static void
test_milestones (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *m1, *m2, *m3;

  add_task (schedule, "A", 3);
  m1 = add_task (schedule, "M1", 0);
  m2 = add_task (schedule, "M2", 0);
  m3 = add_task (schedule, "M3", 0);
  add_task (schedule, "B", 1);

  /* After a task, a milestone sits on that task's last day. */
  add_link (schedule, "A", "M1", IR_LINK_FS, 0);
  add_link (schedule, "M1", "B", IR_LINK_FS, 0);

  /* "Start no earlier than" puts it on its own day. */
  add_link (schedule, "A", "M2", IR_LINK_FS, 0);
  m2->constraint = IR_CONSTRAINT_SNET;
  m2->constraint_date = day ("2026-03-05");

  m3->constraint = IR_CONSTRAINT_MFO;
  m3->constraint_date = day ("2026-03-13");
  compute (schedule);

  assert_dates (schedule, "M1", "2026-03-04", "2026-03-04");
  g_assert_true (m1->flags & IR_TASK_END_OF_DAY);
  assert_dates (schedule, "B", "2026-03-05", "2026-03-05");
  assert_dates (schedule, "M2", "2026-03-05", "2026-03-05");
  g_assert_false (m2->flags & IR_TASK_END_OF_DAY);
  assert_dates (schedule, "M3", "2026-03-13", "2026-03-13");
  g_assert_cmpint (m1->scheduled_duration, ==, 0);
}

/* --- constraints --------------------------------------------------------- */

static void
test_constraints (void)
{
  struct {
    IrConstraint  constraint;
    const char   *date;
    const char   *start;
    const char   *finish;
    gboolean      conflict;
  } cases[] = {
    /* B follows A (2–4 March) and would run 5–6 March on its own. */
    { IR_CONSTRAINT_ASAP, NULL,         "2026-03-05", "2026-03-06", FALSE },
    { IR_CONSTRAINT_SNET, "2026-03-10", "2026-03-10", "2026-03-11", FALSE },
    { IR_CONSTRAINT_SNET, "2026-03-07", "2026-03-09", "2026-03-10", FALSE }, /* a Saturday */
    { IR_CONSTRAINT_SNET, "2026-03-03", "2026-03-05", "2026-03-06", FALSE }, /* links win */
    { IR_CONSTRAINT_FNET, "2026-03-10", "2026-03-09", "2026-03-10", FALSE },
    { IR_CONSTRAINT_SNLT, "2026-03-03", "2026-03-03", "2026-03-04", TRUE },
    { IR_CONSTRAINT_SNLT, "2026-03-12", "2026-03-05", "2026-03-06", FALSE },
    { IR_CONSTRAINT_FNLT, "2026-03-05", "2026-03-04", "2026-03-05", TRUE },
    { IR_CONSTRAINT_MSO,  "2026-03-11", "2026-03-11", "2026-03-12", FALSE },
    { IR_CONSTRAINT_MSO,  "2026-03-02", "2026-03-02", "2026-03-03", TRUE },
    { IR_CONSTRAINT_MFO,  "2026-03-13", "2026-03-12", "2026-03-13", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IrSchedule) schedule = new_plan ();
      IrScheduleTask *b;

      add_task (schedule, "A", 3);
      b = add_task (schedule, "B", 2);
      b->constraint = cases[i].constraint;
      b->constraint_date = cases[i].date != NULL ? day (cases[i].date) : IR_DAY_NONE;
      add_link (schedule, "A", "B", IR_LINK_FS, 0);
      compute (schedule);

      assert_dates (schedule, "B", cases[i].start, cases[i].finish);
      g_assert_cmpint (!!(b->flags & IR_TASK_CONFLICT), ==, cases[i].conflict);
    }
}

/* A constraint that pulls a task before its predecessor's finish leaves
 * the predecessor with negative float. */
static void
test_constraint_negative_float (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *b;

  add_task (schedule, "A", 3);
  b = add_task (schedule, "B", 2);
  b->constraint = IR_CONSTRAINT_FNLT;
  b->constraint_date = day ("2026-03-04");
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  compute (schedule);

  assert_dates (schedule, "B", "2026-03-03", "2026-03-04");
  assert_float (schedule, "B", 0);
  assert_float (schedule, "A", -2);
}

static void
test_alap (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *y, *z;

  add_task (schedule, "Long", 5);
  y = add_task (schedule, "Y", 1);
  y->constraint = IR_CONSTRAINT_ALAP;
  z = add_task (schedule, "Z", 1);
  add_link (schedule, "Y", "Z", IR_LINK_FS, 0);
  compute (schedule);

  /* Y waits until Z must start; Z follows Y. */
  assert_dates (schedule, "Long", "2026-03-02", "2026-03-06");
  assert_dates (schedule, "Y", "2026-03-05", "2026-03-05");
  assert_dates (schedule, "Z", "2026-03-06", "2026-03-06");
  g_assert_cmpint (y->early_start, ==, day ("2026-03-02"));
  g_assert_cmpint (z->early_start, ==, day ("2026-03-03"));
  g_assert_cmpint (z->late_start, ==, day ("2026-03-06"));
  assert_float (schedule, "Z", 3);
}

static void
test_pins (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *b, *c;

  add_task (schedule, "A", 3);
  b = add_task (schedule, "B", 2);
  b->manual_start = day ("2026-03-03");
  c = add_task (schedule, "C", 4);
  c->actual_start = day ("2026-03-02");
  c->actual_finish = day ("2026-03-09");
  add_task (schedule, "D", 1);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "C", "D", IR_LINK_FS, 0);
  compute (schedule);

  /* A manual start wins over the link. Actual dates fix the task and its
   * duration. */
  assert_dates (schedule, "B", "2026-03-03", "2026-03-04");
  g_assert_true (b->flags & IR_TASK_CONFLICT);
  assert_dates (schedule, "C", "2026-03-02", "2026-03-09");
  g_assert_cmpint (c->scheduled_duration, ==, 6);
  assert_dates (schedule, "D", "2026-03-10", "2026-03-10");
}

/* --- calendars and direction -------------------------------------------- */

static void
test_make_up_days (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  g_autoptr(IrSchedule) schedule = ir_schedule_new (calendar);

  /* Five working days from Monday 28 September run over the National Day
   * break; the next day is the make-up Saturday, 10 October. */
  ir_schedule_set_project_start (schedule, day ("2026-09-28"));
  add_task (schedule, "Welding", 5);
  add_task (schedule, "Inspection", 1);
  add_task (schedule, "Shipping", 1);
  add_link (schedule, "Welding", "Inspection", IR_LINK_FS, 0);
  add_link (schedule, "Inspection", "Shipping", IR_LINK_FS, 0);
  compute (schedule);

  assert_dates (schedule, "Welding", "2026-09-28", "2026-10-09");
  assert_dates (schedule, "Inspection", "2026-10-10", "2026-10-10");
  assert_dates (schedule, "Shipping", "2026-10-12", "2026-10-12");
}

static void
test_backward (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *c, *e;
  IrDay start, finish;

  ir_schedule_set_mode (schedule, IR_SCHEDULE_BACKWARD);
  ir_schedule_set_project_finish (schedule, day ("2026-03-20"));
  add_task (schedule, "A", 3);
  add_task (schedule, "B", 2);
  c = add_task (schedule, "C", 1);
  add_task (schedule, "D", 2);
  e = add_task (schedule, "E", 1);
  e->constraint = IR_CONSTRAINT_ASAP;
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "D", "A", IR_LINK_FS, -1);
  compute (schedule);

  /* Everything as late as the finish allows; a lead lets D overlap A. */
  assert_dates (schedule, "B", "2026-03-19", "2026-03-20");
  assert_dates (schedule, "A", "2026-03-16", "2026-03-18");
  assert_dates (schedule, "D", "2026-03-13", "2026-03-16");
  assert_dates (schedule, "C", "2026-03-20", "2026-03-20");
  g_assert_cmpint (c->total_float, ==, 5);

  /* An explicit "as soon as possible" starts with the plan. */
  assert_dates (schedule, "E", "2026-03-13", "2026-03-13");

  ir_schedule_get_span (schedule, &start, &finish);
  g_assert_cmpint (start, ==, day ("2026-03-13"));
  g_assert_cmpint (finish, ==, day ("2026-03-20"));
}

static void
test_backward_holidays (void)
{
  g_autoptr(IrCalendar) calendar = ir_calendar_new_china ();
  g_autoptr(IrSchedule) schedule = ir_schedule_new (calendar);
  IrScheduleTask *a;

  /* Backward from the make-up Saturday over the National Day break. */
  ir_schedule_set_mode (schedule, IR_SCHEDULE_BACKWARD);
  ir_schedule_set_project_finish (schedule, day ("2026-10-10"));
  a = add_task (schedule, "A", 3);
  add_task (schedule, "B", 2);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  compute (schedule);

  assert_dates (schedule, "B", "2026-10-09", "2026-10-10");
  assert_dates (schedule, "A", "2026-09-29", "2026-10-08");

  /* A start no earlier than binds when scheduling backward too. */
  a->constraint = IR_CONSTRAINT_SNET;
  a->constraint_date = day ("2026-09-30");
  compute (schedule);
  assert_dates (schedule, "A", "2026-09-30", "2026-10-09");

  /* B can no longer finish by the 10th; its negative float shows it. */
  assert_dates (schedule, "B", "2026-10-10", "2026-10-12");
  assert_float (schedule, "B", -1);
}

/* --- summaries and the critical path ------------------------------------ */

static void
test_summary_rollup (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *s, *s2, *a, *b, *m;
  const guint *children;
  guint n_children;
  g_autofree char *number = NULL;

  add_task (schedule, "X", 2);
  s = add_task (schedule, "S", 0);
  s->milestone = FALSE;
  a = add_task (schedule, "A", 3);
  s2 = add_task (schedule, "S2", 0);
  s2->milestone = FALSE;
  b = add_task (schedule, "B", 2);
  m = add_task (schedule, "M", 0);
  add_task (schedule, "Y", 1);

  ir_schedule_task_set_parent (a, "S");
  ir_schedule_task_set_parent (s2, "S");
  ir_schedule_task_set_parent (b, "S2");
  ir_schedule_task_set_parent (m, "S2");

  /* Into the summary: every subtask waits for X. Out of it: Y waits for
   * the last subtask. */
  add_link (schedule, "X", "S", IR_LINK_FS, 0);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "B", "M", IR_LINK_FS, 0);
  add_link (schedule, "S", "Y", IR_LINK_FS, 0);
  a->progress = 100;
  compute (schedule);

  assert_dates (schedule, "X", "2026-03-02", "2026-03-03");
  assert_dates (schedule, "A", "2026-03-04", "2026-03-06");
  assert_dates (schedule, "B", "2026-03-09", "2026-03-10");
  assert_dates (schedule, "M", "2026-03-10", "2026-03-10");
  assert_dates (schedule, "S2", "2026-03-09", "2026-03-10");
  assert_dates (schedule, "S", "2026-03-04", "2026-03-10");
  assert_dates (schedule, "Y", "2026-03-11", "2026-03-11");

  g_assert_true (s->flags & IR_TASK_SUMMARY);
  g_assert_true (s2->flags & IR_TASK_SUMMARY);
  g_assert_false (a->flags & IR_TASK_SUMMARY);
  g_assert_cmpint (s->scheduled_duration, ==, 5);
  g_assert_cmpint (b->outline_level, ==, 3);
  g_assert_true (ir_schedule_get_parent (schedule, b) == s2);

  /* Progress weighs subtasks by duration, a milestone as one day. */
  g_assert_cmpint (s2->progress, ==, 0);
  g_assert_cmpint (s->progress, ==, 300 / 6);

  children = ir_schedule_get_children (schedule, s, &n_children);
  g_assert_cmpuint (n_children, ==, 2);
  g_assert_true (ir_schedule_get_task (schedule, children[0]) == a);
  g_assert_true (ir_schedule_get_task (schedule, children[1]) == s2);
  ir_schedule_get_children (schedule, NULL, &n_children);
  g_assert_cmpuint (n_children, ==, 3);

  number = ir_schedule_get_outline_number (schedule, m);
  g_assert_cmpstr (number, ==, "2.2.2");

  /* Everything is on one chain, so all is critical. */
  assert_float (schedule, "S", 0);
  assert_float (schedule, "Y", 0);
}

/* A start-to-start link out of a summary limits the summary's first
 * subtask, not those that follow it. */
static void
test_summary_start_link (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *phase, *t;

  phase = add_task (schedule, "P", 0);
  phase->milestone = FALSE;
  ir_schedule_task_set_parent (add_task (schedule, "A", 2), "P");
  ir_schedule_task_set_parent (add_task (schedule, "B", 2), "P");
  add_task (schedule, "S", 1);
  t = add_task (schedule, "T", 1);
  t->constraint = IR_CONSTRAINT_FNLT;
  t->constraint_date = day ("2026-03-03");
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "P", "S", IR_LINK_SS, 0);
  add_link (schedule, "S", "T", IR_LINK_FS, 0);
  compute (schedule);

  assert_dates (schedule, "S", "2026-03-02", "2026-03-02");
  assert_dates (schedule, "B", "2026-03-04", "2026-03-05");
  assert_float (schedule, "A", 0);
  assert_float (schedule, "B", 0);
}

static void
test_critical_path (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *c, *d;
  IrScheduleLink *b_to_d;

  add_task (schedule, "A", 2);
  add_task (schedule, "B", 5);
  c = add_task (schedule, "C", 2);
  d = add_task (schedule, "D", 1);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "A", "C", IR_LINK_FS, 0);
  b_to_d = add_link (schedule, "B", "D", IR_LINK_FS, 0);
  add_link (schedule, "C", "D", IR_LINK_FS, 0);
  compute (schedule);

  assert_dates (schedule, "B", "2026-03-04", "2026-03-10");
  assert_dates (schedule, "D", "2026-03-11", "2026-03-11");
  assert_float (schedule, "A", 0);
  assert_float (schedule, "B", 0);
  assert_float (schedule, "D", 0);
  assert_float (schedule, "C", 3);

  g_assert_cmpint (c->early_start, ==, day ("2026-03-04"));
  g_assert_cmpint (c->early_finish, ==, day ("2026-03-05"));
  g_assert_cmpint (c->late_start, ==, day ("2026-03-09"));
  g_assert_cmpint (c->late_finish, ==, day ("2026-03-10"));

  /* D waits for B, not C. */
  g_assert_true (ir_schedule_get_driving_link (schedule, d) == b_to_d);
  g_assert_true (b_to_d->flags & IR_LINK_DRIVING);
  g_assert_null (ir_schedule_get_driving_link (schedule, ir_schedule_lookup_task (schedule, "A")));
}

static void
test_baseline (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(GArray) variances = NULL;
  IrScheduleTask *b;
  IrTaskBaseline saved;

  add_task (schedule, "A", 2);
  b = add_task (schedule, "B", 5);
  add_task (schedule, "D", 1);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "B", "D", IR_LINK_FS, 0);
  compute (schedule);
  ir_schedule_save_baseline (schedule, 0);

  g_assert_true (ir_schedule_task_get_baseline (b, 0, &saved));
  g_assert_cmpint (saved.start, ==, day ("2026-03-04"));
  g_assert_cmpint (saved.finish, ==, day ("2026-03-10"));
  g_assert_cmpint (saved.duration, ==, 5);
  g_assert_false (ir_schedule_task_get_baseline (b, 1, NULL));

  /* B takes three days more: D moves from Wednesday 11 to Monday 16. */
  b->duration = 8;
  compute (schedule);
  variances = ir_schedule_compare_baseline (schedule, 0);
  g_assert_cmpuint (variances->len, ==, 3);

  for (guint i = 0; i < variances->len; i++)
    {
      IrBaselineVariance *variance = &g_array_index (variances, IrBaselineVariance, i);

      if (g_str_equal (variance->task->id, "A"))
        {
          g_assert_cmpint (variance->finish_slip, ==, 0);
          g_assert_cmpint (variance->finish_slip_working, ==, 0);
        }
      else if (g_str_equal (variance->task->id, "B"))
        {
          g_assert_cmpint (variance->start_slip, ==, 0);
          g_assert_cmpint (variance->duration_change, ==, 3);
        }
      else
        {
          g_assert_cmpint (variance->baseline_finish, ==, day ("2026-03-11"));
          g_assert_cmpint (variance->finish, ==, day ("2026-03-16"));
          g_assert_cmpint (variance->finish_slip, ==, 5);
          g_assert_cmpint (variance->finish_slip_working, ==, 3);
        }
    }
}

/* --- broken plans -------------------------------------------------------- */

static void
test_cycle_rejected (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  GStrv cycle;

  add_task (schedule, "A", 1);
  add_task (schedule, "B", 1);
  add_task (schedule, "C", 1);
  add_task (schedule, "D", 1);
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "B", "C", IR_LINK_FS, 0);
  add_link (schedule, "C", "A", IR_LINK_SS, 0);
  add_link (schedule, "C", "D", IR_LINK_FS, 0);

  cycles = ir_schedule_find_cycles (schedule);
  g_assert_cmpuint (cycles->len, ==, 1);
  cycle = g_ptr_array_index (cycles, 0);
  g_assert_cmpuint (g_strv_length (cycle), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) cycle, "A"));
  g_assert_true (g_strv_contains ((const char * const *) cycle, "B"));
  g_assert_true (g_strv_contains ((const char * const *) cycle, "C"));

  g_assert_false (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_error (error, IR_SCHEDULE_ERROR, IR_SCHEDULE_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "“A” → “B” → “C” → “A”") ?:
                    strstr (error->message, "“B” → “C” → “A” → “B”") ?:
                    strstr (error->message, "“C” → “A” → “B” → “C”"));
  g_assert_null (strstr (error->message, "“D”"));

  /* Strict mode still leaves a full schedule behind. */
  g_assert_true (ir_schedule_lookup_task (schedule, "A")->flags & IR_TASK_IN_CYCLE);
  g_assert_false (ir_schedule_lookup_task (schedule, "D")->flags & IR_TASK_IN_CYCLE);
}

static void
test_cycle_tolerated (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(GError) error = NULL;
  IrScheduleLink *ab, *ba, *bc;

  add_task (schedule, "A", 2);
  add_task (schedule, "B", 2);
  add_task (schedule, "C", 1);
  add_task (schedule, "Self", 1);
  ab = add_link (schedule, "A", "B", IR_LINK_FS, 0);
  ba = add_link (schedule, "B", "A", IR_LINK_FS, 0);
  bc = add_link (schedule, "B", "C", IR_LINK_FS, 0);
  add_link (schedule, "Self", "Self", IR_LINK_FS, 0);

  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, &error));
  g_assert_no_error (error);

  g_assert_true (ir_schedule_lookup_task (schedule, "A")->flags & IR_TASK_IN_CYCLE);
  g_assert_true (ir_schedule_lookup_task (schedule, "B")->flags & IR_TASK_IN_CYCLE);
  g_assert_true (ir_schedule_lookup_task (schedule, "Self")->flags & IR_TASK_IN_CYCLE);
  g_assert_false (ir_schedule_lookup_task (schedule, "C")->flags & IR_TASK_IN_CYCLE);
  g_assert_true (ab->flags & IR_LINK_IN_CYCLE);
  g_assert_true (ba->flags & IR_LINK_IN_CYCLE);
  g_assert_false (bc->flags & IR_LINK_IN_CYCLE);

  /* The cycle's links are left out. The link that leaves it still applies. */
  assert_dates (schedule, "A", "2026-03-02", "2026-03-03");
  assert_dates (schedule, "B", "2026-03-02", "2026-03-03");
  assert_dates (schedule, "C", "2026-03-04", "2026-03-04");
  assert_dates (schedule, "Self", "2026-03-02", "2026-03-02");
}

static void
test_check_link (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cycle = NULL;
  IrScheduleTask *child;
  const char *expected[] = { "C", "A", "B", NULL };

  add_task (schedule, "A", 1);
  add_task (schedule, "B", 1);
  add_task (schedule, "C", 1);
  add_task (schedule, "Phase", 1);
  child = add_task (schedule, "Child", 1);
  ir_schedule_task_set_parent (child, "Phase");
  add_link (schedule, "A", "B", IR_LINK_FS, 0);
  add_link (schedule, "B", "C", IR_LINK_SS, 2);

  g_assert_true (ir_schedule_check_link (schedule, "A", "C", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (ir_schedule_check_link (schedule, "C", "A", &cycle, &error));
  g_assert_error (error, IR_SCHEDULE_ERROR, IR_SCHEDULE_ERROR_CYCLE);
  g_assert_cmpstrv (cycle, expected);
  g_assert_nonnull (strstr (error->message, "“C” → “A” → “B” → “C”"));
  g_clear_error (&error);
  g_clear_pointer (&cycle, g_strfreev);

  /* A task cannot wait for itself, nor a summary for its own subtask. */
  g_assert_false (ir_schedule_check_link (schedule, "B", "B", &cycle, &error));
  g_assert_cmpuint (g_strv_length (cycle), ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&cycle, g_strfreev);

  g_assert_false (ir_schedule_check_link (schedule, "Child", "Phase", &cycle, &error));
  g_assert_cmpuint (g_strv_length (cycle), ==, 2);
  g_clear_error (&error);
  g_assert_false (ir_schedule_check_link (schedule, "Phase", "Child", NULL, &error));
  g_clear_error (&error);

  /* Checking changes nothing. */
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), ==, 2);
}

static void
test_broken_outline (void)
{
  g_autoptr(IrSchedule) schedule = new_plan ();
  IrScheduleTask *x, *y, *orphan;
  IrScheduleLink *dangling;

  x = add_task (schedule, "X", 2);
  y = add_task (schedule, "Y", 1);
  orphan = add_task (schedule, "Orphan", 1);
  ir_schedule_task_set_parent (x, "Y");
  ir_schedule_task_set_parent (y, "X");
  ir_schedule_task_set_parent (orphan, "Deleted");
  dangling = add_link (schedule, "Deleted", "Orphan", IR_LINK_FS, 3);
  compute (schedule);

  /* A parent cycle and a missing parent both end at the top level. */
  g_assert_true (x->flags & IR_TASK_BAD_PARENT);
  g_assert_true (y->flags & IR_TASK_BAD_PARENT);
  g_assert_true (orphan->flags & IR_TASK_BAD_PARENT);
  g_assert_cmpint (x->outline_level, ==, 1);
  g_assert_cmpint (orphan->outline_level, ==, 1);
  g_assert_true (dangling->flags & IR_LINK_BROKEN);
  assert_dates (schedule, "Orphan", "2026-03-02", "2026-03-02");
  assert_dates (schedule, "X", "2026-03-02", "2026-03-03");

  /* Removing a task leaves its links broken, never dangling. */
  g_assert_true (ir_schedule_remove_task (schedule, "Y"));
  add_link (schedule, "X", "Y", IR_LINK_FS, 0);
  compute (schedule);
  g_assert_true (ir_schedule_get_link (schedule, 1)->flags & IR_LINK_BROKEN);
  g_assert_null (ir_schedule_add_task (schedule, "X"));
}

static void
test_names (void)
{
  IrConstraint constraint;
  IrLinkType type;

  g_assert_true (ir_constraint_from_string ("fnlt", &constraint));
  g_assert_cmpint (constraint, ==, IR_CONSTRAINT_FNLT);
  g_assert_cmpstr (ir_constraint_to_string (IR_CONSTRAINT_MSO), ==, "mso");
  g_assert_false (ir_constraint_from_string ("soon", &constraint));
  g_assert_true (ir_link_type_from_string ("SF", &type));
  g_assert_cmpint (type, ==, IR_LINK_SF);
  g_assert_cmpstr (ir_link_type_to_string (IR_LINK_FF), ==, "FF");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/link-types", test_link_types);
  g_test_add_func ("/schedule/link-start-to-finish", test_link_start_to_finish);
  g_test_add_func ("/schedule/milestones", test_milestones);
  g_test_add_func ("/schedule/constraints", test_constraints);
  g_test_add_func ("/schedule/constraint-negative-float", test_constraint_negative_float);
  g_test_add_func ("/schedule/alap", test_alap);
  g_test_add_func ("/schedule/pins", test_pins);
  g_test_add_func ("/schedule/make-up-days", test_make_up_days);
  g_test_add_func ("/schedule/backward", test_backward);
  g_test_add_func ("/schedule/backward-holidays", test_backward_holidays);
  g_test_add_func ("/schedule/summary-rollup", test_summary_rollup);
  g_test_add_func ("/schedule/summary-start-link", test_summary_start_link);
  g_test_add_func ("/schedule/critical-path", test_critical_path);
  g_test_add_func ("/schedule/baseline", test_baseline);
  g_test_add_func ("/schedule/cycle-rejected", test_cycle_rejected);
  g_test_add_func ("/schedule/cycle-tolerated", test_cycle_tolerated);
  g_test_add_func ("/schedule/check-link", test_check_link);
  g_test_add_func ("/schedule/broken-outline", test_broken_outline);
  g_test_add_func ("/schedule/names", test_names);

  return g_test_run ();
}
