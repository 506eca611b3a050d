/* ir-schedule-private.h: state shared by the schedule engine's files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-schedule.h"

G_BEGIN_DECLS

/* The dependency graph. Every task has an in-node (its index) where links
 * arrive. A summary task also has a rollup node (n_tasks + index), where
 * its subtasks' dates gather and its own links leave. A summary's in-node
 * is a gate that passes its lower bounds on to every subtask. */
typedef struct
{
  guint    n_tasks;
  guint    n_nodes;

  /* Outline. */
  gint32  *parent;          /* task → parent task, -1 at the top level */
  guint8  *summary;         /* task → it has subtasks */
  guint8  *leader;          /* task → no link into it starts inside its parent */
  guint   *child_start;     /* children of task i, and at n_tasks the top level */
  guint   *children;
  guint   *sibling_number;  /* task → 1-based position among its siblings */
  guint   *outline_order;   /* tasks depth first, parents before children */

  /* Links and edges. */
  gint32  *link_predecessor; /* link → task, -1 when missing */
  gint32  *link_successor;
  guint   *edge_start;      /* n_nodes + 1 offsets into the two arrays below */
  guint   *edge_target;
  gint32  *edge_link;       /* a link index, or EDGE_DOWN / EDGE_UP */
  guint    n_edges;

  guint   *order;           /* nodes in topological order */
  guint    n_order;
} IrScheduleGraph;

#define EDGE_DOWN (-1)      /* gate of a summary → a subtask's in-node */
#define EDGE_UP   (-2)      /* a subtask → its summary's rollup node */

#define GRAPH_OUT_NODE(graph, task) \
  ((graph)->summary[task] ? (graph)->n_tasks + (guint) (task) : (guint) (task))
#define GRAPH_NODE_TASK(graph, node) \
  ((node) < (graph)->n_tasks ? (node) : (node) - (graph)->n_tasks)

struct _IrSchedule
{
  gatomicrefcount  ref_count;
  IrCalendar      *calendar;
  char            *name;
  IrScheduleMode   mode;
  IrDay            project_start;
  IrDay            project_finish;

  GPtrArray       *tasks;      /* IrScheduleTask, owned */
  GPtrArray       *links;      /* IrScheduleLink, owned */
  GHashTable      *task_by_id; /* id (borrowed) → IrScheduleTask */

  /* Results of the last ir_schedule_compute(). */
  gboolean         computed;
  IrScheduleGraph  graph;
  gint32          *driver;     /* task → driving link, -1 for none */
  IrDay            span_start;
  IrDay            span_finish;
};

/* Time in the passes.
 *
 * The passes count working days by index (see ir_calendar_day_index()). A
 * task of d > 0 days that starts on index s works [s, s + d). A milestone
 * takes no time. The end of one working day and the start of the next are
 * the same moment of working time, yet they fall on different dates. A
 * milestone after a task belongs on that task's last day, and one that must
 * start no earlier than a date belongs on that date. So the passes count in
 * half days, "ticks":
 * tick 2i is the start of the working day with index i and tick 2i - 1 the
 * end of the working day before it. Tasks with a duration round ticks up to
 * positions ((t + 1) / 2), which makes both ticks of one moment equal for
 * them; milestones keep their tick. Every tick t falls on the working day
 * with index t / 2, rounded down. */

#define IR_TICK_MIN  (G_MININT32 / 4)
#define IR_TICK_MAX  (G_MAXINT32 / 4)
#define IR_TICK_NONE G_MININT32

typedef enum
{
  IR_PASS_UPPER  = 1 << 0,  /* honour "no later than" constraints */
  IR_PASS_ALAP   = 1 << 1,  /* hold as-late-as-possible tasks at their late start */
  IR_PASS_RECORD = 1 << 2,  /* record driving links and conflicts */
} IrPassFlags;

typedef struct
{
  IrSchedule      *self;
  IrScheduleGraph *graph;
  guint            n;

  /* Per task, from the input. */
  gint32          *duration;
  guint8          *constraint;
  gint32          *start_bound;    /* index of the constraint date, or the next working day */
  gint32          *finish_bound;   /* index after the last working day up to the constraint date */
  gint32          *pin;            /* tick the task is pinned to, or IR_TICK_NONE */

  /* Per task, ticks. */
  gint32          *early_start;
  gint32          *early_finish;
  gint32          *late_start;
  gint32          *late_finish;
  gint32          *start;
  gint32          *finish;
  gint32          *driver;
  guint8          *conflict;

  /* Per node, ticks. */
  gint32          *bound_start;
  gint32          *bound_finish;
  gint32          *driver_start;
  gint32          *driver_finish;
  gint32          *late_bound_start;
  gint32          *late_bound_finish;

  gint32           project_start;
  gint32           project_finish;
} IrSchedulePasses;

static inline gint32
ir_tick_position (gint32 tick)
{
  return (tick + 1) >> 1;
}

void ir_schedule_passes_forward  (IrSchedulePasses *p,
                                 guint             flags,
                                 gint32           *out_start,
                                 gint32           *out_finish);
void ir_schedule_passes_backward (IrSchedulePasses *p,
                                 gboolean          lower);

void       ir_schedule_graph_clear          (IrScheduleGraph *graph);
void       ir_schedule_graph_build_outline  (IrSchedule      *self,
                                             IrScheduleGraph *graph);
void       ir_schedule_graph_build_edges    (IrSchedule      *self,
                                             IrScheduleGraph *graph);
gboolean   ir_schedule_graph_sort           (IrScheduleGraph *graph);
GPtrArray *ir_schedule_graph_break_cycles   (IrSchedule      *self,
                                             IrScheduleGraph *graph);
char      *ir_schedule_describe_cycle       (IrSchedule      *self,
                                             const char * const *ids);
void       ir_schedule_invalidate           (IrSchedule      *self);

G_END_DECLS
