/* ir-schedule.h: the plan's schedule engine
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ir-calendar.h"

G_BEGIN_DECLS

#define IR_SCHEDULE_ERROR (ir_schedule_error_quark ())

typedef enum
{
  IR_SCHEDULE_ERROR_CYCLE,
} IrScheduleError;

/* Constraints, as the task entity's "constraint" field names them. DEFAULT
 * is a task without one: as soon as possible when scheduling forward, as
 * late as possible when scheduling backward. */
typedef enum
{
  IR_CONSTRAINT_DEFAULT,
  IR_CONSTRAINT_ASAP,
  IR_CONSTRAINT_ALAP,
  IR_CONSTRAINT_SNET,   /* start no earlier than */
  IR_CONSTRAINT_SNLT,   /* start no later than */
  IR_CONSTRAINT_FNET,   /* finish no earlier than */
  IR_CONSTRAINT_FNLT,   /* finish no later than */
  IR_CONSTRAINT_MSO,    /* must start on */
  IR_CONSTRAINT_MFO,    /* must finish on */
} IrConstraint;

typedef enum
{
  IR_LINK_FS,
  IR_LINK_SS,
  IR_LINK_FF,
  IR_LINK_SF,
} IrLinkType;

typedef enum
{
  IR_SCHEDULE_FORWARD,   /* from the project start */
  IR_SCHEDULE_BACKWARD,  /* from a fixed project finish */
} IrScheduleMode;

typedef enum
{
  IR_SCHEDULE_STRICT   = 0,
  IR_SCHEDULE_TOLERANT = 1 << 0,
} IrScheduleFlags;

typedef enum
{
  IR_TASK_SUMMARY       = 1 << 0,  /* has subtasks; its dates roll them up */
  IR_TASK_CRITICAL      = 1 << 1,  /* total float ≤ 0 */
  IR_TASK_IN_CYCLE      = 1 << 2,  /* in a dependency cycle, scheduled without the cycle's links */
  IR_TASK_CONFLICT      = 1 << 3,  /* a constraint or pin wins over one of its links */
  IR_TASK_BAD_PARENT    = 1 << 4,  /* parent missing or in a parent cycle: scheduled at top level */
  IR_TASK_END_OF_DAY    = 1 << 5,  /* a milestone at the end of its day, not the start */
} IrTaskFlags;

typedef enum
{
  IR_LINK_BROKEN        = 1 << 0,  /* an end is missing; the link is ignored */
  IR_LINK_IN_CYCLE      = 1 << 1,  /* part of a cycle; the link is ignored */
  IR_LINK_DRIVING       = 1 << 2,  /* it sets its successor's scheduled date */
} IrLinkFlags;

/* One saved baseline of a task. A missing value is IR_DAY_NONE or -1. */
typedef struct
{
  guint  number;    /* 0–10, as in Microsoft Project */
  IrDay  start;
  IrDay  finish;
  int    duration;  /* working days */
} IrTaskBaseline;

#define IR_BASELINE_MAX 10

typedef struct _IrSchedule IrSchedule;

/* A task. The fields above "results" are input, set by the code that loads
 * the plan. Strings belong to the task and are set with the setters below.
 * ir_schedule_compute() writes the results. A task keeps its address until
 * it is removed. */
typedef struct
{
  char          *id;
  char          *name;
  char          *parent_id;       /* NULL at the top level */
  char          *external_id;     /* e.g. the Microsoft Project UID */
  char          *wbs;
  char          *notes;
  int            duration;        /* working days; milestones count as 0 */
  gboolean       milestone;
  gboolean       key_milestone;
  IrConstraint   constraint;
  IrDay          constraint_date;
  IrDay          manual_start;    /* set: the task is pinned there, links do not move it */
  IrDay          actual_start;    /* set: the task started that day and stays there */
  IrDay          actual_finish;
  int            progress;        /* percent complete, 0–100 */
  IrDay          committed;       /* the date promised to the customer */

  /* Results: scheduled dates, early and late dates, total float in working
   * days, flags, the outline level (1 at the top) and the position in the
   * schedule. A summary's dates, float and progress roll up its subtasks. */
  IrDay          start;
  IrDay          finish;
  IrDay          early_start;
  IrDay          early_finish;
  IrDay          late_start;
  IrDay          late_finish;
  int            total_float;
  int            scheduled_duration;
  IrTaskFlags    flags;
  int            outline_level;
  guint          index;

  /*< private >*/
  GArray        *baselines;
} IrScheduleTask;

typedef struct
{
  char          *id;
  char          *predecessor_id;
  char          *successor_id;
  IrLinkType     type;
  int            lag;             /* working days, negative for a lead */

  /* Results. */
  IrLinkFlags    flags;
  guint          index;
} IrScheduleLink;

/* The difference between a saved baseline and the current schedule. Slips
 * are later minus earlier: positive when the schedule is late. */
typedef struct
{
  IrScheduleTask *task;
  IrDay           baseline_start;
  IrDay           baseline_finish;
  IrDay           start;
  IrDay           finish;
  int             start_slip;           /* calendar days */
  int             finish_slip;          /* calendar days */
  int             finish_slip_working;  /* working days */
  int             duration_change;      /* working days */
} IrBaselineVariance;

GQuark          ir_schedule_error_quark        (void);

const char     *ir_constraint_to_string        (IrConstraint      constraint);
gboolean        ir_constraint_from_string      (const char       *text,
                                                IrConstraint     *constraint);
const char     *ir_link_type_to_string         (IrLinkType        type);
gboolean        ir_link_type_from_string       (const char       *text,
                                                IrLinkType       *type);

IrSchedule     *ir_schedule_new                (IrCalendar       *calendar);
IrSchedule     *ir_schedule_ref                (IrSchedule       *self);
void            ir_schedule_unref              (IrSchedule       *self);

IrCalendar     *ir_schedule_get_calendar       (IrSchedule       *self);
void            ir_schedule_set_calendar       (IrSchedule       *self,
                                                IrCalendar       *calendar);
const char     *ir_schedule_get_name           (IrSchedule       *self);
void            ir_schedule_set_name           (IrSchedule       *self,
                                                const char       *name);
IrScheduleMode  ir_schedule_get_mode           (IrSchedule       *self);
void            ir_schedule_set_mode           (IrSchedule       *self,
                                                IrScheduleMode    mode);
IrDay           ir_schedule_get_project_start  (IrSchedule       *self);
void            ir_schedule_set_project_start  (IrSchedule       *self,
                                                IrDay             day);
IrDay           ir_schedule_get_project_finish (IrSchedule       *self);
void            ir_schedule_set_project_finish (IrSchedule       *self,
                                                IrDay             day);

IrScheduleTask *ir_schedule_add_task           (IrSchedule       *self,
                                                const char       *id);
gboolean        ir_schedule_remove_task        (IrSchedule       *self,
                                                const char       *id);
IrScheduleTask *ir_schedule_lookup_task        (IrSchedule       *self,
                                                const char       *id);
guint           ir_schedule_get_n_tasks        (IrSchedule       *self);
IrScheduleTask *ir_schedule_get_task           (IrSchedule       *self,
                                                guint             index);

void            ir_schedule_task_set_name      (IrScheduleTask   *task,
                                                const char       *name);
void            ir_schedule_task_set_parent    (IrScheduleTask   *task,
                                                const char       *parent_id);
void            ir_schedule_task_set_external_id (IrScheduleTask *task,
                                                const char       *external_id);
void            ir_schedule_task_set_wbs       (IrScheduleTask   *task,
                                                const char       *wbs);
void            ir_schedule_task_set_notes     (IrScheduleTask   *task,
                                                const char       *notes);

IrScheduleLink *ir_schedule_add_link           (IrSchedule       *self,
                                                const char       *id,
                                                const char       *predecessor_id,
                                                const char       *successor_id,
                                                IrLinkType        type,
                                                int               lag);
gboolean        ir_schedule_remove_link        (IrSchedule       *self,
                                                IrScheduleLink   *link);
guint           ir_schedule_get_n_links        (IrSchedule       *self);
IrScheduleLink *ir_schedule_get_link           (IrSchedule       *self,
                                                guint             index);

gboolean        ir_schedule_compute            (IrSchedule       *self,
                                                IrScheduleFlags   flags,
                                                GError          **error);
gboolean        ir_schedule_is_computed        (IrSchedule       *self);
void            ir_schedule_get_span           (IrSchedule       *self,
                                                IrDay            *start,
                                                IrDay            *finish);
IrScheduleTask *ir_schedule_get_parent         (IrSchedule       *self,
                                                IrScheduleTask   *task);
const guint    *ir_schedule_get_children       (IrSchedule       *self,
                                                IrScheduleTask   *task,
                                                guint            *n_children);
IrScheduleLink *ir_schedule_get_driving_link   (IrSchedule       *self,
                                                IrScheduleTask   *task);
char           *ir_schedule_get_outline_number (IrSchedule       *self,
                                                IrScheduleTask   *task);
const guint    *ir_schedule_get_outline_order  (IrSchedule       *self,
                                                guint            *n_tasks);

GPtrArray      *ir_schedule_find_cycles        (IrSchedule       *self);
gboolean        ir_schedule_check_link         (IrSchedule       *self,
                                                const char       *predecessor_id,
                                                const char       *successor_id,
                                                GStrv            *cycle,
                                                GError          **error);

void            ir_schedule_save_baseline      (IrSchedule       *self,
                                                guint             number);
gboolean        ir_schedule_task_get_baseline  (IrScheduleTask   *task,
                                                guint             number,
                                                IrTaskBaseline   *baseline);
void            ir_schedule_task_set_baseline  (IrScheduleTask   *task,
                                                const IrTaskBaseline *baseline);
guint           ir_schedule_task_get_n_baselines (IrScheduleTask *task);
const IrTaskBaseline *
                ir_schedule_task_get_baselines (IrScheduleTask   *task,
                                                guint            *n_baselines);
GArray         *ir_schedule_compare_baseline   (IrSchedule       *self,
                                                guint             number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSchedule, ir_schedule_unref)

G_END_DECLS
