/* ir-demo-private.h: state shared by the ir-demo*.c files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-calendar.h"
#include "ir-demo.h"
#include "ir-seal.h"

G_BEGIN_DECLS

/* The room's members, in the order the demo creates them. */
typedef enum
{
  IR_DEMO_AR,
  IR_DEMO_SR,
  IR_DEMO_FR,
  IR_DEMO_EXECUTIVE,
  IR_DEMO_OBSERVER,
  IR_DEMO_N_MEMBERS,
} IrDemoMember;

/* No member: the end of a list of members, or nobody covering someone. */
#define IR_DEMO_NOBODY IR_DEMO_N_MEMBERS

/* Slips that the demo builds into its plan, in calendar days between the
 * forecast finish and the committed date: one per tier at the default
 * thresholds of 3 and 7 days. */
#define IR_DEMO_SLIP_BLUE   2
#define IR_DEMO_SLIP_YELLOW 5
#define IR_DEMO_SLIP_RED    9

typedef struct _IrDemo IrDemo;

/* One step of the room's history: a transaction, or a few, that a member
 * wrote at one time. */
typedef gboolean (*IrDemoStepFunc) (IrDemo         *demo,
                                    gconstpointer   data,
                                    GError        **error);

/* An offset in days that is not set. */
#define IR_DEMO_NO_DAY G_MININT

typedef enum
{
  IR_DEMO_TASK_SUMMARY   = 1 << 0,
  IR_DEMO_TASK_MILESTONE = 1 << 1,
  IR_DEMO_TASK_KEY       = 1 << 2,  /* a key milestone with a committed date */
  IR_DEMO_TASK_ADDED     = 1 << 3,  /* added to the plan after the baseline */
} IrDemoTaskFlags;

/* One task of the plan as the demo's table gives it. Day offsets are
 * calendar days from the day the demo is generated. A task that started on
 * a day off started on the next working day, and one that finished on a
 * day off finished on the previous one. */
typedef struct
{
  const char      *key;
  const char      *parent;
  const char      *name_zh;
  const char      *name_en;
  IrDemoMember     owner;
  int              duration;       /* working days, as first planned */
  IrDemoTaskFlags  flags;
  int              started;        /* day offset, or IR_DEMO_NO_DAY */
  int              finished;       /* day offset, or IR_DEMO_NO_DAY */
  int              added;          /* day offset, for IR_DEMO_TASK_ADDED */
  const char      *deliverable_zh;
  const char      *deliverable_en;
  const char      *notes_zh;
  const char      *notes_en;
} IrDemoTaskRow;

typedef struct
{
  const char *successor;
  const char *predecessor;
  const char *type;                /* FS, SS, FF or SF */
  int         lag;                 /* working days */
} IrDemoLinkRow;

/* A task with the dates the schedule engine computed for it. */
typedef struct
{
  const IrDemoTaskRow *row;
  char                 wbs[16];
  int                  duration;          /* working days, now */
  IrDay                start;             /* forecast */
  IrDay                finish;
  IrDay                actual_start;
  IrDay                actual_finish;
  IrDay                committed;         /* or IR_DAY_NONE */
  gboolean             in_baseline;
  IrDay                baseline_start;
  IrDay                baseline_finish;
  int                  baseline_duration;

  /* Values the history has written so far. */
  char                *position;
  gboolean             start_reported;
  gboolean             finish_reported;
  int                  reported_progress;
} IrDemoPlanTask;

/* The plan's dates, worked out with the schedule engine before anything is
 * written, so that the history can refer to them (ir-demo-plan.c). */
typedef struct _IrDemoPlan IrDemoPlan;

struct _IrDemoPlan
{
  IrCalendar           *calendar;
  IrDay                 project_start;
  IrDemoPlanTask       *tasks;
  guint                 n_tasks;
  const IrDemoLinkRow  *links;
  guint                 n_links;
};

struct _IrDemo
{
  IrStore     *store;
  gboolean     english;
  IrDay        today;
  GTimeZone   *zone;

  /* The day and time of the step being written. The time is in
   * microseconds since the Unix epoch: what time fields hold and, no later
   * than the real time, what the store's clock reads. */
  IrDay        step_day;
  gint64       time_us;

  GArray      *steps;          /* IrDemoStep, see ir-demo.c */

  char        *room;
  char        *members[IR_DEMO_N_MEMBERS];
  GHashTable  *ids;            /* "entity:key" in the demo's tables → eid */
  IrDemoPlan  *plan;

  /* Drawings: the text of each revision, which places markups, and the
   * position key of the last drawing. */
  GHashTable  *words;          /* revision key → GPtrArray of IrPdfWord */
  char        *drawing_position;

  /* Device keys of the members who record customer confirmations. */
  IrDeviceKey *keys[IR_DEMO_N_MEMBERS];
};

/* A text in the demo's language: Chinese, or English. */
#define IR_DEMO_TEXT(demo, zh, en) ((demo)->english ? (en) : (zh))

#define IR_DEMO_CUSTOMER_ZH "华东石化设备有限公司"
#define IR_DEMO_CUSTOMER_EN "East China Petrochemical Equipment Co."

/* Minutes after midnight, in the room's time zone. */
#define IR_DEMO_TIME(hour, minute) ((hour) * 60 + (minute))

/* ir-demo.c */
void          ir_demo_add_step       (IrDemo         *demo,
                                      int             day_offset,
                                      int             minute_of_day,
                                      IrDemoStepFunc  func,
                                      gconstpointer   data);
IrTx         *ir_demo_begin          (IrDemo         *demo,
                                      IrDemoMember    who);
gboolean      ir_demo_commit         (IrDemo         *demo,
                                      IrTx           *tx,
                                      GError        **error);
IrDay         ir_demo_day            (IrDemo         *demo,
                                      int             day_offset);
IrDay         ir_demo_working_day    (IrDemo         *demo,
                                      int             day_offset);
gint64        ir_demo_time_of        (IrDemo         *demo,
                                      IrDay           day,
                                      int             minute_of_day);
void          ir_demo_set_day        (IrTx           *tx,
                                      const char     *entity,
                                      const char     *eid,
                                      const char     *field,
                                      IrDay           day);
char         *ir_demo_create         (IrDemo         *demo,
                                      IrTx           *tx,
                                      const char     *entity,
                                      const char     *key);
const char   *ir_demo_lookup         (IrDemo         *demo,
                                      const char     *entity,
                                      const char     *key);
const char   *ir_demo_member         (IrDemo         *demo,
                                      IrDemoMember    who);
const char   *ir_demo_user           (IrDemoMember    who);
guint         ir_demo_roles          (IrDemoMember    who);
const char   *ir_demo_stakeholder    (IrDemo         *demo,
                                      const char     *key);
const char   *ir_demo_task           (IrDemo         *demo,
                                      const char     *key);
char         *ir_demo_next_position  (IrDemo         *demo,
                                      const char     *before);

/* ir-demo-map.c: stakeholders, links and relationships. */
void          ir_demo_map_add_steps  (IrDemo         *demo);

/* ir-demo-interactions.c */
void          ir_demo_interactions_add_steps (IrDemo *demo);

/* ir-demo-plan.c: the plan's tasks and dates. */
IrDemoPlan   *ir_demo_plan_new       (IrDemo         *demo,
                                      GError        **error);
void          ir_demo_plan_free      (IrDemoPlan     *plan);
IrDemoPlanTask *ir_demo_plan_lookup  (IrDemoPlan     *plan,
                                      const char     *key);
int           ir_demo_plan_progress  (IrDemoPlan     *plan,
                                      IrDemoPlanTask *task,
                                      IrDay           day);

/* ir-demo-plan-steps.c: the calendar, tasks, progress reports, baseline,
 * commitments and confirmations, as the plan's owners wrote them. */
void          ir_demo_plan_add_steps (IrDemo         *demo);

/* ir-demo-markups.c: drawings, revisions and markups. */
void          ir_demo_drawings_add_steps (IrDemo     *demo);

/* ir-demo-team.c: the room, its members and settings, reviews, decisions,
 * risks and inbox items. */
void          ir_demo_team_add_steps (IrDemo         *demo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrDemoPlan, ir_demo_plan_free)

G_END_DECLS
