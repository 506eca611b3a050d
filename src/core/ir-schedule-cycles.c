/* ir-schedule-cycles.c: finding, breaking and reporting dependency cycles
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-schedule-private.h"

/* --- cycles -------------------------------------------------------------- */

typedef struct
{
  guint node;
  guint edge;
} Frame;

/* Tarjan's strongly connected components over the nodes that the sort
 * left out, without recursion. Writes each node's component to @component
 * (-1 for nodes outside) and returns the number of components. */
static guint
find_components (IrScheduleGraph *graph,
                 const guint8    *sorted,
                 gint32          *component)
{
  guint n_nodes = graph->n_nodes;
  g_autofree gint32 *number = g_new (gint32, n_nodes);
  g_autofree gint32 *low = g_new (gint32, n_nodes);
  g_autofree guint8 *on_stack = g_new0 (guint8, n_nodes);
  g_autofree guint *stack = g_new (guint, n_nodes);
  g_autofree Frame *frames = g_new (Frame, n_nodes);
  guint stack_size = 0, n_components = 0;
  gint32 counter = 0;

  for (guint v = 0; v < n_nodes; v++)
    {
      number[v] = -1;
      component[v] = -1;
    }

  for (guint root = 0; root < n_nodes; root++)
    {
      guint depth = 0;

      if (sorted[root] || number[root] >= 0)
        continue;

      frames[depth++] = (Frame) { root, graph->edge_start[root] };
      number[root] = low[root] = counter++;
      stack[stack_size++] = root;
      on_stack[root] = TRUE;

      while (depth > 0)
        {
          Frame *frame = &frames[depth - 1];
          guint v = frame->node;

          if (frame->edge < graph->edge_start[v + 1])
            {
              guint w = graph->edge_target[frame->edge++];

              if (sorted[w])
                continue;

              if (number[w] < 0)
                {
                  number[w] = low[w] = counter++;
                  stack[stack_size++] = w;
                  on_stack[w] = TRUE;
                  frames[depth++] = (Frame) { w, graph->edge_start[w] };
                }
              else if (on_stack[w])
                low[v] = MIN (low[v], number[w]);

              continue;
            }

          if (low[v] == number[v])
            {
              guint w;

              do
                {
                  w = stack[--stack_size];
                  on_stack[w] = FALSE;
                  component[w] = n_components;
                }
              while (w != v);
              n_components++;
            }

          depth--;
          if (depth > 0)
            {
              guint parent = frames[depth - 1].node;

              low[parent] = MIN (low[parent], low[v]);
            }
        }
    }

  return n_components;
}

/* Walks edges inside one component from @start until a node repeats, and
 * returns the task ids along the loop so found. */
static GStrv
trace_cycle (IrSchedule      *self,
             IrScheduleGraph *graph,
             const gint32    *component,
             guint            start)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint v = start;
  guint first;
  gint32 last_task = -1;

  while (!g_hash_table_contains (seen, GUINT_TO_POINTER (v)))
    {
      g_hash_table_insert (seen, GUINT_TO_POINTER (v), GUINT_TO_POINTER (path->len));
      g_array_append_val (path, v);

      for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
        if (component[graph->edge_target[e]] == component[start])
          {
            v = graph->edge_target[e];
            break;
          }
    }

  first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, GUINT_TO_POINTER (v)));
  for (guint i = first; i < path->len; i++)
    {
      guint task_index = GRAPH_NODE_TASK (graph, g_array_index (path, guint, i));
      IrScheduleTask *task = g_ptr_array_index (self->tasks, task_index);

      /* A summary's gate and rollup, or a subtask between them, repeat a
       * task that the reader should see once. */
      if ((gint32) task_index == last_task)
        continue;

      g_strv_builder_add (builder, task->id);
      last_task = task_index;
    }

  return g_strv_builder_end (builder);
}

/* Marks the tasks and links of every cycle, drops those links from the
 * graph and sorts it again, so that scheduling can go on without them.
 * Returns the cycles, each as the ids of its tasks in order. */
GPtrArray *
ir_schedule_graph_break_cycles (IrSchedule      *self,
                                IrScheduleGraph *graph)
{
  GPtrArray *cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree guint8 *sorted = g_new0 (guint8, graph->n_nodes);
  g_autofree gint32 *component = g_new (gint32, graph->n_nodes);
  g_autofree guint *size = NULL;
  g_autofree guint8 *looped = NULL;
  g_autofree guint8 *traced = NULL;
  guint n_components;

  for (guint i = 0; i < graph->n_order; i++)
    sorted[graph->order[i]] = TRUE;

  n_components = find_components (graph, sorted, component);
  size = g_new0 (guint, n_components);
  looped = g_new0 (guint8, n_components);
  traced = g_new0 (guint8, n_components);

  for (guint v = 0; v < graph->n_nodes; v++)
    {
      if (component[v] < 0)
        continue;

      size[component[v]]++;
      for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
        if (graph->edge_target[e] == v)
          looped[component[v]] = TRUE;
    }

  for (guint c = 0; c < n_components; c++)
    looped[c] = looped[c] || size[c] > 1;

  for (guint v = 0; v < graph->n_nodes; v++)
    {
      gint32 c = component[v];
      IrScheduleTask *task;

      if (c < 0 || !looped[c])
        continue;

      task = g_ptr_array_index (self->tasks, GRAPH_NODE_TASK (graph, v));
      task->flags |= IR_TASK_IN_CYCLE;

      if (!traced[c])
        {
          traced[c] = TRUE;
          g_ptr_array_add (cycles, trace_cycle (self, graph, component, v));
        }
    }

  for (guint l = 0; l < self->links->len; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (self->links, l);
      gint32 predecessor = graph->link_predecessor[l];
      gint32 successor = graph->link_successor[l];
      gint32 c;

      if (predecessor < 0 || successor < 0)
        continue;

      c = component[GRAPH_OUT_NODE (graph, predecessor)];
      if (c >= 0 && looped[c] && component[successor] == c)
        link->flags |= IR_LINK_IN_CYCLE;
    }

  ir_schedule_graph_build_edges (self, graph);
  if (!ir_schedule_graph_sort (graph))
    {
      /* Without the cycles' links only the outline is left, which is a
       * forest, so this cannot happen. Order the rest by index rather than
       * fail. */
      g_autofree guint8 *placed = g_new0 (guint8, graph->n_nodes);

      g_critical ("Schedule graph still has a cycle after its links were removed");
      for (guint i = 0; i < graph->n_order; i++)
        placed[graph->order[i]] = TRUE;
      for (guint v = 0; v < graph->n_nodes; v++)
        if (!placed[v])
          graph->order[graph->n_order++] = v;
    }

  return cycles;
}

/* Writes a cycle for people: “A” → “B” → “A”. */
char *
ir_schedule_describe_cycle (IrSchedule         *self,
                            const char * const *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      IrScheduleTask *task = g_hash_table_lookup (self->task_by_id, ids[i]);
      const char *name = (task != NULL && task->name != NULL) ? task->name : ids[i];

      g_string_append_printf (text, "“%s” → ", name);
    }

  if (ids[0] != NULL)
    {
      IrScheduleTask *task = g_hash_table_lookup (self->task_by_id, ids[0]);

      g_string_append_printf (text, "“%s”", (task != NULL && task->name != NULL) ? task->name : ids[0]);
    }

  return g_string_free (text, FALSE);
}

/* --- public cycle API ---------------------------------------------------- */

/**
 * ir_schedule_find_cycles:
 * @self: a schedule
 *
 * Looks for dependency cycles among the current tasks and links, a link
 * between a summary and its own subtask included. Task flags are not
 * changed.
 *
 * Returns: (transfer full) (element-type GStrv): one array of task ids per
 *   cycle, in the order the links run; empty when there is none
 */
GPtrArray *
ir_schedule_find_cycles (IrSchedule *self)
{
  IrScheduleGraph graph = { 0 };
  g_autofree IrTaskFlags *task_flags = g_new (IrTaskFlags, self->tasks->len);
  g_autofree IrLinkFlags *link_flags = g_new (IrLinkFlags, self->links->len);
  GPtrArray *cycles;

  g_return_val_if_fail (self != NULL, NULL);

  /* Work on clean flags and put the caller's back afterwards. */
  for (guint t = 0; t < self->tasks->len; t++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->tasks, t);

      task_flags[t] = task->flags;
      task->flags = 0;
    }
  for (guint l = 0; l < self->links->len; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (self->links, l);

      link_flags[l] = link->flags;
      link->flags = 0;
    }

  ir_schedule_graph_build_outline (self, &graph);
  ir_schedule_graph_build_edges (self, &graph);
  if (ir_schedule_graph_sort (&graph))
    cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  else
    cycles = ir_schedule_graph_break_cycles (self, &graph);

  ir_schedule_graph_clear (&graph);
  for (guint t = 0; t < self->tasks->len; t++)
    ((IrScheduleTask *) g_ptr_array_index (self->tasks, t))->flags = task_flags[t];
  for (guint l = 0; l < self->links->len; l++)
    ((IrScheduleLink *) g_ptr_array_index (self->links, l))->flags = link_flags[l];

  return cycles;
}

/* Breadth first from @from to @to over the graph; fills @path with the
 * nodes from @from to @to. */
static gboolean
find_path (IrScheduleGraph *graph,
           guint            from,
           guint            to,
           GArray          *path)
{
  g_autofree gint32 *came_from = g_new (gint32, graph->n_nodes);
  g_autofree guint *queue = g_new (guint, graph->n_nodes);
  guint head = 0, tail = 0;

  for (guint v = 0; v < graph->n_nodes; v++)
    came_from[v] = -1;

  came_from[from] = from;
  queue[tail++] = from;
  while (head < tail)
    {
      guint v = queue[head++];

      if (v == to)
        {
          g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint at = to; ; at = came_from[at])
            {
              g_array_append_val (reversed, at);
              if (at == from)
                break;
            }
          for (guint i = reversed->len; i > 0; i--)
            g_array_append_val (path, g_array_index (reversed, guint, i - 1));

          return TRUE;
        }

      for (guint e = graph->edge_start[v]; e < graph->edge_start[v + 1]; e++)
        {
          guint w = graph->edge_target[e];

          if (came_from[w] < 0)
            {
              came_from[w] = v;
              queue[tail++] = w;
            }
        }
    }

  return FALSE;
}

/**
 * ir_schedule_check_link:
 * @self: a schedule
 * @predecessor_id: the task the new link would start from
 * @successor_id: the task it would lead to
 * @cycle: (out) (optional) (transfer full): the ids of the tasks that the
 *   link would close into a cycle, starting with @predecessor_id
 * @error: return location for an error
 *
 * Checks a link before it is made, as every local edit must: a link that
 * would close a dependency cycle, or tie a summary to its own subtask, is
 * rejected with the tasks it would loop through.
 *
 * Returns: %TRUE when the link may be added
 */
gboolean
ir_schedule_check_link (IrSchedule  *self,
                        const char  *predecessor_id,
                        const char  *successor_id,
                        GStrv       *cycle,
                        GError     **error)
{
  IrScheduleGraph graph = { 0 };
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *description = NULL;
  IrScheduleTask *predecessor, *successor;
  gboolean found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (predecessor_id != NULL && successor_id != NULL, FALSE);

  predecessor = g_hash_table_lookup (self->task_by_id, predecessor_id);
  successor = g_hash_table_lookup (self->task_by_id, successor_id);
  if (predecessor == NULL || successor == NULL)
    return TRUE;

  if (predecessor == successor)
    found = TRUE;
  else
    {
      ir_schedule_graph_build_outline (self, &graph);
      ir_schedule_graph_build_edges (self, &graph);
      found = find_path (&graph, successor->index,
                         GRAPH_OUT_NODE (&graph, predecessor->index), path);
    }

  if (!found)
    {
      ir_schedule_graph_clear (&graph);
      return TRUE;
    }

  /* Task ids are unique strings, so comparing pointers finds repeats. */
  g_ptr_array_add (members, predecessor->id);
  for (guint i = 0; i < path->len; i++)
    {
      guint task_index = GRAPH_NODE_TASK (&graph, g_array_index (path, guint, i));
      IrScheduleTask *task = g_ptr_array_index (self->tasks, task_index);

      if (!g_ptr_array_find (members, task->id, NULL))
        g_ptr_array_add (members, task->id);
    }
  g_ptr_array_add (members, NULL);
  ir_schedule_graph_clear (&graph);

  ids = g_strdupv ((char **) members->pdata);
  description = ir_schedule_describe_cycle (self, (const char * const *) ids);

  g_set_error (error, IR_SCHEDULE_ERROR, IR_SCHEDULE_ERROR_CYCLE,
               _("Linking “%s” to “%s” would make a dependency cycle: %s. Link other tasks, "
                 "or remove a link of the cycle first."),
               predecessor->name != NULL ? predecessor->name : predecessor->id,
               successor->name != NULL ? successor->name : successor->id,
               description);

  if (cycle != NULL)
    *cycle = g_steal_pointer (&ids);

  return FALSE;
}
