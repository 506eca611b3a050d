/* ir-schedule-passes.c: the forward and backward passes
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-schedule-private.h"

static inline void
raise_bound (gint32 *bounds,
             gint32 *drivers,
             guint   node,
             gint32  value,
             gint32  driver)
{
  if (value > bounds[node])
    {
      bounds[node] = value;
      drivers[node] = driver;
    }
}

/* --- forward pass -------------------------------------------------------- */

/* Passes a task's start and finish on along its node's edges. */
static void
push_edges (IrSchedulePasses *p,
            guint             node,
            gint32            start,
            gint32            finish)
{
  IrScheduleGraph *graph = p->graph;

  for (guint e = graph->edge_start[node]; e < graph->edge_start[node + 1]; e++)
    {
      guint target = graph->edge_target[e];
      gint32 l = graph->edge_link[e];
      IrScheduleLink *link;
      gint32 lag;

      if (l == EDGE_UP)
        {
          p->bound_start[target] = MIN (p->bound_start[target], start);
          p->bound_finish[target] = MAX (p->bound_finish[target], finish);
          continue;
        }

      link = g_ptr_array_index (p->self->links, l);
      lag = 2 * link->lag;
      switch (link->type)
        {
        case IR_LINK_FS:
          raise_bound (p->bound_start, p->driver_start, target, finish + lag, l);
          break;
        case IR_LINK_SS:
          raise_bound (p->bound_start, p->driver_start, target, start + lag, l);
          break;
        case IR_LINK_FF:
          raise_bound (p->bound_finish, p->driver_finish, target, finish + lag, l);
          break;
        case IR_LINK_SF:
          raise_bound (p->bound_finish, p->driver_finish, target, start + lag, l);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Applies a task's constraint to its early start, in positions for tasks
 * with a duration. Constraints win over links, as with Microsoft Project's
 * default "tasks will always honor their constraint dates". */
static gint32
constrain_forward (IrSchedulePasses *p,
                   guint             t,
                   gint32            start,
                   guint             flags,
                   gint32           *driver)
{
  gint32 d = p->duration[t];
  gboolean ticks = d == 0;
  gint32 by_start = ticks ? 2 * p->start_bound[t] : p->start_bound[t];
  gint32 by_finish = ticks ? 2 * p->finish_bound[t] - 1 : p->finish_bound[t] - d;
  gint32 constrained = start;

  switch ((IrConstraint) p->constraint[t])
    {
    case IR_CONSTRAINT_SNET:
      constrained = MAX (start, by_start);
      break;
    case IR_CONSTRAINT_FNET:
      constrained = MAX (start, by_finish);
      break;
    case IR_CONSTRAINT_SNLT:
      if (flags & IR_PASS_UPPER)
        constrained = MIN (start, by_start);
      break;
    case IR_CONSTRAINT_FNLT:
      if (flags & IR_PASS_UPPER)
        constrained = MIN (start, by_finish);
      break;
    case IR_CONSTRAINT_MSO:
      constrained = by_start;
      break;
    case IR_CONSTRAINT_MFO:
      constrained = by_finish;
      break;
    case IR_CONSTRAINT_ALAP:
      if (flags & IR_PASS_ALAP)
        constrained = MAX (start, ticks ? p->late_start[t] : ir_tick_position (p->late_start[t]));
      break;
    case IR_CONSTRAINT_DEFAULT:
    case IR_CONSTRAINT_ASAP:
    default:
      break;
    }

  if (p->pin[t] != IR_TICK_NONE)
    constrained = ticks ? p->pin[t] : ir_tick_position (p->pin[t]);

  if (constrained != start)
    *driver = -1;

  return constrained;
}

static void
schedule_leaf (IrSchedulePasses *p,
               guint             t,
               guint             flags,
               gint32           *out_start,
               gint32           *out_finish)
{
  gint32 d = p->duration[t];
  gint32 by_start, by_finish, linked, start, driver;
  gboolean conflict;

  if (d > 0)
    {
      by_start = ir_tick_position (p->bound_start[t]);
      by_finish = ir_tick_position (p->bound_finish[t]) - d;
    }
  else
    {
      by_start = p->bound_start[t];
      by_finish = p->bound_finish[t];
    }

  linked = MAX (by_start, by_finish);
  driver = by_start >= by_finish ? p->driver_start[t] : p->driver_finish[t];

  start = MAX (linked, d > 0 ? ir_tick_position (p->project_start) : p->project_start);
  if (start != linked)
    driver = -1;

  start = constrain_forward (p, t, start, flags, &driver);
  conflict = d > 0 ? start < linked : ir_tick_position (start) < ir_tick_position (linked);

  if (d > 0)
    {
      out_start[t] = 2 * start;
      out_finish[t] = 2 * (start + d) - 1;
    }
  else
    out_start[t] = out_finish[t] = start;

  if (flags & IR_PASS_RECORD)
    {
      p->driver[t] = driver;
      p->conflict[t] = conflict;
    }
}

/* A summary's in-node passes the bounds of its incoming links, and of a
 * start or finish no earlier than, on to each subtask.
 *
 * NOTE: a summary's "no later than" constraints bind in the backward pass,
 * but must-start-on, must-finish-on and ALAP on a summary are ignored. */
static void
open_summary (IrSchedulePasses *p,
              guint             t)
{
  IrScheduleGraph *graph = p->graph;
  gint32 start = p->bound_start[t];
  gint32 finish = p->bound_finish[t];
  gint32 start_driver = p->driver_start[t];
  gint32 finish_driver = p->driver_finish[t];

  if (p->constraint[t] == IR_CONSTRAINT_SNET && 2 * p->start_bound[t] > start)
    {
      start = 2 * p->start_bound[t];
      start_driver = -1;
    }
  if (p->constraint[t] == IR_CONSTRAINT_FNET && 2 * p->finish_bound[t] - 1 > finish)
    {
      finish = 2 * p->finish_bound[t] - 1;
      finish_driver = -1;
    }

  for (guint e = graph->edge_start[t]; e < graph->edge_start[t + 1]; e++)
    {
      guint child = graph->edge_target[e];

      raise_bound (p->bound_start, p->driver_start, child, start, start_driver);
      raise_bound (p->bound_finish, p->driver_finish, child, finish, finish_driver);
    }
}

void
ir_schedule_passes_forward (IrSchedulePasses *p,
                            guint             flags,
                            gint32           *out_start,
                            gint32           *out_finish)
{
  IrScheduleGraph *graph = p->graph;
  guint n = p->n;

  for (guint v = 0; v < graph->n_nodes; v++)
    {
      p->bound_start[v] = v < n ? IR_TICK_MIN : IR_TICK_MAX;
      p->bound_finish[v] = IR_TICK_MIN;
      p->driver_start[v] = p->driver_finish[v] = -1;
    }

  for (guint i = 0; i < graph->n_order; i++)
    {
      guint v = graph->order[i];
      guint t = GRAPH_NODE_TASK (graph, v);

      if (v >= n)
        {
          if (!graph->summary[t])
            continue;

          /* The rollup: every subtask has pushed its dates here. */
          out_start[t] = p->bound_start[v];
          out_finish[t] = p->bound_finish[v];
          if (flags & IR_PASS_RECORD)
            p->driver[t] = -1;
          push_edges (p, v, out_start[t], out_finish[t]);
        }
      else if (graph->summary[t])
        open_summary (p, t);
      else
        {
          schedule_leaf (p, t, flags, out_start, out_finish);
          push_edges (p, v, out_start[t], out_finish[t]);
        }
    }
}

/* --- backward pass ------------------------------------------------------- */

/* Gathers the latest start and finish that a node's successors allow. */
static void
pull_edges (IrSchedulePasses *p,
            guint             node,
            gint32           *start_limit,
            gint32           *finish_limit)
{
  IrScheduleGraph *graph = p->graph;

  for (guint e = graph->edge_start[node]; e < graph->edge_start[node + 1]; e++)
    {
      guint target = graph->edge_target[e];
      gint32 l = graph->edge_link[e];
      IrScheduleLink *link;
      gint32 lag;

      if (l == EDGE_UP)
        {
          guint task = GRAPH_NODE_TASK (graph, node);

          /* A summary starts with its first subtasks, so a limit on its
           * start binds those that no sibling's link holds back. Binding
           * every subtask would make the later ones critical. */
          if (graph->leader[task])
            *start_limit = MIN (*start_limit, p->late_bound_start[target]);
          *finish_limit = MIN (*finish_limit, p->late_bound_finish[target]);
          continue;
        }

      link = g_ptr_array_index (p->self->links, l);
      lag = 2 * link->lag;
      switch (link->type)
        {
        case IR_LINK_FS:
          *finish_limit = MIN (*finish_limit, p->late_bound_start[target] - lag);
          break;
        case IR_LINK_SS:
          *start_limit = MIN (*start_limit, p->late_bound_start[target] - lag);
          break;
        case IR_LINK_FF:
          *finish_limit = MIN (*finish_limit, p->late_bound_finish[target] - lag);
          break;
        case IR_LINK_SF:
          *start_limit = MIN (*start_limit, p->late_bound_finish[target] - lag);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Applies a task's constraint to its late finish. "No earlier than"
 * constraints bind here only when scheduling backward. */
static gint32
constrain_backward (IrSchedulePasses *p,
                    guint             t,
                    gint32            finish,
                    gboolean          lower)
{
  gint32 d = p->duration[t];
  gboolean ticks = d == 0;
  gint32 by_start = ticks ? 2 * p->start_bound[t] : p->start_bound[t] + d;
  gint32 by_finish = ticks ? 2 * p->finish_bound[t] - 1 : p->finish_bound[t];

  switch ((IrConstraint) p->constraint[t])
    {
    case IR_CONSTRAINT_SNLT:
      finish = MIN (finish, by_start);
      break;
    case IR_CONSTRAINT_FNLT:
      finish = MIN (finish, by_finish);
      break;
    case IR_CONSTRAINT_MSO:
      finish = by_start;
      break;
    case IR_CONSTRAINT_MFO:
      finish = by_finish;
      break;
    case IR_CONSTRAINT_SNET:
      if (lower)
        finish = MAX (finish, by_start);
      break;
    case IR_CONSTRAINT_FNET:
      if (lower)
        finish = MAX (finish, by_finish);
      break;
    case IR_CONSTRAINT_DEFAULT:
    case IR_CONSTRAINT_ASAP:
    case IR_CONSTRAINT_ALAP:
    default:
      break;
    }

  if (p->pin[t] != IR_TICK_NONE)
    finish = ticks ? p->pin[t] : ir_tick_position (p->pin[t]) + d;

  return finish;
}

void
ir_schedule_passes_backward (IrSchedulePasses *p,
                             gboolean          lower)
{
  IrScheduleGraph *graph = p->graph;
  guint n = p->n;

  for (guint i = graph->n_order; i > 0; i--)
    {
      guint v = graph->order[i - 1];
      guint t = GRAPH_NODE_TASK (graph, v);
      gint32 start_limit = IR_TICK_MAX;
      gint32 finish_limit = p->project_finish;

      if (v >= n)
        {
          if (!graph->summary[t])
            continue;

          /* Limits that the summary's own links put on all its subtasks. */
          pull_edges (p, v, &start_limit, &finish_limit);
          if (p->constraint[t] == IR_CONSTRAINT_SNLT)
            start_limit = MIN (start_limit, 2 * p->start_bound[t]);
          if (p->constraint[t] == IR_CONSTRAINT_FNLT)
            finish_limit = MIN (finish_limit, 2 * p->finish_bound[t] - 1);

          p->late_bound_start[v] = start_limit;
          p->late_bound_finish[v] = finish_limit;
        }
      else if (graph->summary[t])
        {
          gint32 late_start = IR_TICK_MAX;
          gint32 late_finish = IR_TICK_MIN;

          /* A link into the summary binds each subtask, so its late limit
           * is the earliest of theirs. */
          for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
            {
              guint child = graph->edge_target[e];

              start_limit = MIN (start_limit, p->late_bound_start[child]);
              finish_limit = MIN (finish_limit, p->late_bound_finish[child]);
              late_start = MIN (late_start, p->late_start[child]);
              late_finish = MAX (late_finish, p->late_finish[child]);
            }

          p->late_bound_start[v] = start_limit;
          p->late_bound_finish[v] = finish_limit;
          p->late_start[t] = late_start;
          p->late_finish[t] = late_finish;
        }
      else
        {
          gint32 d = p->duration[t];
          gint32 finish;

          pull_edges (p, v, &start_limit, &finish_limit);
          if (d > 0)
            {
              finish = MIN (ir_tick_position (finish_limit), ir_tick_position (start_limit) + d);
              finish = constrain_backward (p, t, finish, lower);
              p->late_start[t] = 2 * (finish - d);
              p->late_finish[t] = 2 * finish - 1;
            }
          else
            {
              finish = constrain_backward (p, t, MIN (finish_limit, start_limit), lower);
              p->late_start[t] = p->late_finish[t] = finish;
            }

          p->late_bound_start[v] = p->late_start[t];
          p->late_bound_finish[v] = p->late_finish[t];
        }
    }
}
