/* ir-schedule-graph.c: the outline and the dependency graph
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-schedule-private.h"

/* --- outline ------------------------------------------------------------- */

void
ir_schedule_graph_clear (IrScheduleGraph *graph)
{
  g_clear_pointer (&graph->parent, g_free);
  g_clear_pointer (&graph->summary, g_free);
  g_clear_pointer (&graph->leader, g_free);
  g_clear_pointer (&graph->child_start, g_free);
  g_clear_pointer (&graph->children, g_free);
  g_clear_pointer (&graph->sibling_number, g_free);
  g_clear_pointer (&graph->outline_order, g_free);
  g_clear_pointer (&graph->link_predecessor, g_free);
  g_clear_pointer (&graph->link_successor, g_free);
  g_clear_pointer (&graph->edge_start, g_free);
  g_clear_pointer (&graph->edge_target, g_free);
  g_clear_pointer (&graph->edge_link, g_free);
  g_clear_pointer (&graph->order, g_free);
  graph->n_tasks = graph->n_nodes = graph->n_edges = graph->n_order = 0;
}

/* A parent chain that loops back on itself (two merged edits can make one)
 * is cut: every task on the loop moves to the top level and is flagged. */
static void
break_parent_cycles (IrSchedule      *self,
                     IrScheduleGraph *graph)
{
  guint n = graph->n_tasks;
  g_autofree guint8 *state = g_new0 (guint8, n);   /* 0 new, 1 on this walk, 2 done */
  g_autofree guint *walk = g_new (guint, n);

  for (guint t = 0; t < n; t++)
    {
      guint length = 0;
      gint32 at = t;

      while (at >= 0 && state[at] == 0)
        {
          state[at] = 1;
          walk[length++] = at;
          at = graph->parent[at];
        }

      if (at >= 0 && state[at] == 1)
        {
          gint32 member = at;

          do
            {
              gint32 next = graph->parent[member];
              IrScheduleTask *task = g_ptr_array_index (self->tasks, member);

              graph->parent[member] = -1;
              task->flags |= IR_TASK_BAD_PARENT;
              member = next;
            }
          while (member >= 0 && member != at);
        }

      for (guint i = 0; i < length; i++)
        state[walk[i]] = 2;
    }
}

/* Orders the tasks depth first, parents before their children and children
 * in schedule order, and sets each task's outline level. */
static void
number_outline (IrSchedule      *self,
                IrScheduleGraph *graph)
{
  guint n = graph->n_tasks;
  g_autofree guint *stack = g_new (guint, n + 1);
  guint count = 0;

  graph->outline_order = g_new (guint, n);

  for (guint i = graph->child_start[n]; i < graph->child_start[n + 1]; i++)
    {
      guint depth = 0;

      stack[depth++] = graph->children[i];
      while (depth > 0)
        {
          guint t = stack[--depth];
          IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
          gint32 parent = graph->parent[t];

          graph->outline_order[count++] = t;
          task->outline_level = parent < 0 ? 1 :
            ((IrScheduleTask *) g_ptr_array_index (self->tasks, parent))->outline_level + 1;

          /* Push the children last to first, so that the first pops first. */
          for (guint c = graph->child_start[t + 1]; c > graph->child_start[t]; c--)
            stack[depth++] = graph->children[c - 1];
        }
    }

  g_assert (count == n);
}

void
ir_schedule_graph_build_outline (IrSchedule      *self,
                                 IrScheduleGraph *graph)
{
  guint n = self->tasks->len;
  g_autofree guint *fill = NULL;

  ir_schedule_graph_clear (graph);
  graph->n_tasks = n;
  graph->n_nodes = 2 * n;
  graph->parent = g_new (gint32, n);
  graph->summary = g_new0 (guint8, n);
  graph->child_start = g_new0 (guint, n + 2);
  graph->children = g_new (guint, n);
  graph->sibling_number = g_new (guint, n);

  for (guint t = 0; t < n; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);
      IrScheduleTask *parent = NULL;

      if (task->parent_id != NULL)
        {
          parent = g_hash_table_lookup (self->task_by_id, task->parent_id);
          if (parent == NULL || parent == task)
            task->flags |= IR_TASK_BAD_PARENT;
        }

      graph->parent[t] = (parent != NULL && parent != task) ? (gint32) parent->index : -1;
    }

  break_parent_cycles (self, graph);

  /* Children lists in compressed form. Slot n is the top level. */
  for (guint t = 0; t < n; t++)
    {
      gint32 parent = graph->parent[t];

      graph->child_start[(parent < 0 ? n : (guint) parent) + 1]++;
    }
  for (guint i = 1; i <= n + 1; i++)
    graph->child_start[i] += graph->child_start[i - 1];

  fill = g_memdup2 (graph->child_start, (n + 1) * sizeof (guint));
  for (guint t = 0; t < n; t++)
    {
      gint32 parent = graph->parent[t];
      guint slot = parent < 0 ? n : (guint) parent;

      graph->sibling_number[t] = fill[slot] - graph->child_start[slot] + 1;
      graph->children[fill[slot]++] = t;
    }

  for (guint t = 0; t < n; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);

      graph->summary[t] = graph->child_start[t + 1] > graph->child_start[t];
      if (graph->summary[t])
        task->flags |= IR_TASK_SUMMARY;
    }

  number_outline (self, graph);
}

/* --- edges and order ----------------------------------------------------- */

static gint32
resolve_task (IrSchedule *self,
              const char *id)
{
  IrScheduleTask *task;

  if (id == NULL)
    return -1;

  task = g_hash_table_lookup (self->task_by_id, id);
  return task != NULL ? (gint32) task->index : -1;
}

/* Whether @task lies in the subtree of @summary (-1 is no summary). */
static gboolean
is_inside (IrScheduleGraph *graph,
           gint32           task,
           gint32           summary)
{
  if (summary < 0)
    return FALSE;

  for (gint32 at = graph->parent[task]; at >= 0; at = graph->parent[at])
    if (at == summary)
      return TRUE;

  return FALSE;
}

/* Resolves every link's ends and lays out the edges: links whose ends are
 * missing are flagged broken, and links flagged as in a cycle are left out. */
void
ir_schedule_graph_build_edges (IrSchedule      *self,
                               IrScheduleGraph *graph)
{
  guint n = graph->n_tasks;
  guint n_links = self->links->len;
  g_autofree guint *fill = NULL;

  g_clear_pointer (&graph->link_predecessor, g_free);
  g_clear_pointer (&graph->link_successor, g_free);
  g_clear_pointer (&graph->leader, g_free);
  g_clear_pointer (&graph->edge_start, g_free);
  g_clear_pointer (&graph->edge_target, g_free);
  g_clear_pointer (&graph->edge_link, g_free);

  graph->leader = g_new (guint8, n);
  memset (graph->leader, TRUE, n);
  graph->link_predecessor = g_new (gint32, n_links);
  graph->link_successor = g_new (gint32, n_links);
  graph->edge_start = g_new0 (guint, graph->n_nodes + 1);

  for (guint l = 0; l < n_links; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (self->links, l);
      gint32 predecessor = resolve_task (self, link->predecessor_id);
      gint32 successor = resolve_task (self, link->successor_id);

      graph->link_predecessor[l] = predecessor;
      graph->link_successor[l] = successor;

      if (predecessor < 0 || successor < 0)
        link->flags |= IR_LINK_BROKEN;
      else if (!(link->flags & IR_LINK_IN_CYCLE))
        {
          graph->edge_start[GRAPH_OUT_NODE (graph, predecessor) + 1]++;
          if (is_inside (graph, predecessor, graph->parent[successor]))
            graph->leader[successor] = FALSE;
        }
    }

  for (guint t = 0; t < n; t++)
    {
      gint32 parent = graph->parent[t];

      if (graph->summary[t])
        graph->edge_start[t + 1] += graph->child_start[t + 1] - graph->child_start[t];
      if (parent >= 0)
        graph->edge_start[GRAPH_OUT_NODE (graph, t) + 1]++;
    }

  for (guint v = 1; v <= graph->n_nodes; v++)
    graph->edge_start[v] += graph->edge_start[v - 1];

  graph->n_edges = graph->edge_start[graph->n_nodes];
  graph->edge_target = g_new (guint, graph->n_edges);
  graph->edge_link = g_new (gint32, graph->n_edges);
  fill = g_memdup2 (graph->edge_start, graph->n_nodes * sizeof (guint));

  for (guint l = 0; l < n_links; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (self->links, l);
      gint32 predecessor = graph->link_predecessor[l];
      gint32 successor = graph->link_successor[l];
      guint e;

      if (predecessor < 0 || successor < 0 || (link->flags & IR_LINK_IN_CYCLE))
        continue;

      e = fill[GRAPH_OUT_NODE (graph, predecessor)]++;
      graph->edge_target[e] = successor;
      graph->edge_link[e] = l;
    }

  for (guint t = 0; t < n; t++)
    {
      gint32 parent = graph->parent[t];

      for (guint c = graph->child_start[t]; graph->summary[t] && c < graph->child_start[t + 1]; c++)
        {
          guint e = fill[t]++;

          graph->edge_target[e] = graph->children[c];
          graph->edge_link[e] = EDGE_DOWN;
        }

      if (parent >= 0)
        {
          guint e = fill[GRAPH_OUT_NODE (graph, t)]++;

          graph->edge_target[e] = n + parent;
          graph->edge_link[e] = EDGE_UP;
        }
    }
}

/* Kahn's algorithm. Returns FALSE when some nodes are on or behind a
 * cycle. graph->order then contains only the nodes before it. */
gboolean
ir_schedule_graph_sort (IrScheduleGraph *graph)
{
  guint n_nodes = graph->n_nodes;
  g_autofree guint *in_degree = g_new0 (guint, n_nodes);
  guint head = 0;

  g_clear_pointer (&graph->order, g_free);
  graph->order = g_new (guint, n_nodes);
  graph->n_order = 0;

  for (guint e = 0; e < graph->n_edges; e++)
    in_degree[graph->edge_target[e]]++;

  for (guint v = 0; v < n_nodes; v++)
    if (in_degree[v] == 0)
      graph->order[graph->n_order++] = v;

  while (head < graph->n_order)
    {
      guint v = graph->order[head++];

      for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
        if (--in_degree[graph->edge_target[e]] == 0)
          graph->order[graph->n_order++] = graph->edge_target[e];
    }

  return graph->n_order == n_nodes;
}
