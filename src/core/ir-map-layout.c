/* ir-map-layout.c: the automatic layout of the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each department is a block: its people as an org chart that follows the
 * reporting lines inside the department, seniors on top. A manager with
 * four or more direct reports who have none of their own gets them as a
 * grid, which keeps wide teams compact. Blocks are packed in rows, with the
 * row width that lets a 16:9 screen, a projector's shape, show the whole
 * map largest. Cards that stay where they are
 * (pinned ones) are obstacles: a card whose slot they cover moves to the
 * next free place. The result depends only on the input, so every replica
 * computes the same map.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ir-map-layout.h"
#include "ir-map-layout-private.h"

#define HGAP          32.0   /* between cards side by side */
#define VGAP          56.0   /* between a manager and their reports */
#define GRID_VGAP     24.0   /* between rows of a grid of reports */
#define GROUP_PAD     24.0   /* inside a department's block */
#define GROUP_HEADER  40.0   /* room for the department's name */
#define GROUP_GAP     48.0   /* between department blocks */
#define GRID_MIN      4      /* reports that turn into a grid */
#define ASPECT        (16.0 / 9.0)

typedef struct
{
  IrMapLayoutNode *nodes;
  guint            n;
  int             *group;      /* department index of each node */
  guint            n_groups;
  gboolean         lead_group_found;  /* group 0 is the leadership */
  int             *parent;     /* tree parent inside the department, or -1 */
  GPtrArray      **children;   /* of each node: GINT_TO_POINTER indices */
  GPtrArray      **roots;      /* of each group */
  gboolean        *slot;       /* takes a place in the arranged chart */
  gboolean        *grid;       /* lays its reports out as a grid */
  double          *sub_width;
  double          *sub_height;
} Layout;

/* --- ordering ------------------------------------------------------------ */

static int
effective_rank (const IrMapLayoutNode *node)
{
  return node->rank > 0 ? node->rank : G_MAXINT;
}

static int
compare_nodes (const IrMapLayoutNode *nodes,
               int                    a,
               int                    b)
{
  int ra = effective_rank (&nodes[a]), rb = effective_rank (&nodes[b]);
  int cmp;

  if (ra != rb)
    return ra < rb ? -1 : 1;

  cmp = g_strcmp0 (nodes[a].name, nodes[b].name);
  if (cmp != 0)
    return cmp;

  return a - b;
}

static int
compare_indices_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return compare_nodes (user_data,
                        GPOINTER_TO_INT (*(gpointer *) a),
                        GPOINTER_TO_INT (*(gpointer *) b));
}

typedef struct
{
  const char *name;
  int         best_rank;
  guint       index;
  gboolean    leads;     /* people of other departments report to it */
} Group;

static int
compare_groups_cb (gconstpointer a,
                   gconstpointer b)
{
  const Group *first = *(const Group **) a;
  const Group *second = *(const Group **) b;
  gboolean first_empty = first->name == NULL || first->name[0] == '\0';
  gboolean second_empty = second->name == NULL || second->name[0] == '\0';

  /* The leadership above the departments goes first; other people without
   * a department go last. */
  if (first->leads != second->leads)
    return first->leads ? -1 : 1;
  if (first_empty != second_empty)
    return first_empty ? 1 : -1;

  if (first->best_rank != second->best_rank)
    return first->best_rank < second->best_rank ? -1 : 1;

  return g_strcmp0 (first->name, second->name);
}

/* --- structure ----------------------------------------------------------- */

static void
assign_groups (Layout *layout)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *order = NULL;

  for (guint i = 0; i < layout->n; i++)
    {
      const char *name = layout->nodes[i].department ? layout->nodes[i].department : "";
      Group *group = g_hash_table_lookup (by_name, name);

      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->name = name;
          group->best_rank = G_MAXINT;
          group->index = groups->len;
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_name, (gpointer) name, group);
        }

      group->best_rank = MIN (group->best_rank, effective_rank (&layout->nodes[i]));
      layout->group[i] = group->index;
    }

  /* People without a department to whom department members report, such as
   * a general manager, are the leadership, with a row of its own on top. */
  for (guint i = 0; i < layout->n; i++)
    {
      int manager = layout->nodes[i].manager;
      Group *group;

      if (manager < 0 || (guint) manager >= layout->n || layout->group[manager] == layout->group[i])
        continue;
      group = g_ptr_array_index (groups, layout->group[manager]);
      if (group->name[0] == '\0')
        {
          group->leads = TRUE;
          layout->lead_group_found = TRUE;
        }
    }

  /* Renumber the groups in display order. */
  layout->n_groups = groups->len;
  order = g_new0 (int, groups->len + 1);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_copy (groups, NULL, NULL);

    /* The copy borrows the groups, which "groups" frees. */
    g_ptr_array_set_free_func (sorted, NULL);
    g_ptr_array_sort (sorted, compare_groups_cb);
    for (guint g = 0; g < sorted->len; g++)
      order[((Group *) sorted->pdata[g])->index] = g;
  }
  for (guint i = 0; i < layout->n; i++)
    layout->group[i] = order[layout->group[i]];
}

/* Tree parents inside each department. A cycle, which a merge can leave
 * behind, is cut where the walk finds it. */
static void
assign_parents (Layout *layout)
{
  g_autofree guint8 *state = g_new0 (guint8, layout->n);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < layout->n; i++)
    {
      int manager = layout->nodes[i].manager;

      layout->parent[i] = (manager >= 0 && (guint) manager < layout->n && manager != (int) i &&
                           layout->group[manager] == layout->group[i]) ? manager : -1;
    }

  for (guint i = 0; i < layout->n; i++)
    {
      int node = i;

      g_array_set_size (path, 0);
      while (node >= 0 && state[node] == 0)
        {
          state[node] = 1;
          g_array_append_val (path, node);
          node = layout->parent[node];
        }

      if (node >= 0 && state[node] == 1)
        layout->parent[g_array_index (path, int, path->len - 1)] = -1;

      for (guint p = 0; p < path->len; p++)
        state[g_array_index (path, int, p)] = 2;
    }
}

static void
collect_children (Layout *layout)
{
  for (guint i = 0; i < layout->n; i++)
    {
      GPtrArray *list = layout->parent[i] >= 0 ? layout->children[layout->parent[i]]
                                               : layout->roots[layout->group[i]];

      g_ptr_array_add (list, GINT_TO_POINTER (i));
    }

  for (guint i = 0; i < layout->n; i++)
    g_ptr_array_sort_with_data (layout->children[i], compare_indices_cb, layout->nodes);
  for (guint g = 0; g < layout->n_groups; g++)
    g_ptr_array_sort_with_data (layout->roots[g], compare_indices_cb, layout->nodes);
}

/* --- measuring and placing ----------------------------------------------- */

static int
child_at (Layout *layout,
          int     node,
          guint   i)
{
  return GPOINTER_TO_INT (g_ptr_array_index (layout->children[node], i));
}

static guint
grid_columns (guint count)
{
  return MIN (count, MAX (GRID_MIN, (guint) ceil (sqrt (count * 2.0))));
}

/* Measures the subtree of @node and returns whether it takes a slot: a
 * fixed card takes none unless some of its reports do. */
static gboolean
measure (Layout *layout,
         int     node)
{
  IrMapLayoutNode *self = &layout->nodes[node];
  GPtrArray *kids = layout->children[node];
  double width = 0, height = 0, cell_width = 0, cell_height = 0;
  guint n_slots = 0;
  gboolean all_leaves = TRUE;

  for (guint i = 0; i < kids->len; i++)
    {
      int kid = child_at (layout, node, i);

      if (!measure (layout, kid))
        continue;

      n_slots++;
      width += layout->sub_width[kid];
      height = MAX (height, layout->sub_height[kid]);
      cell_width = MAX (cell_width, layout->nodes[kid].width);
      cell_height = MAX (cell_height, layout->nodes[kid].height);
      if (layout->sub_height[kid] > layout->nodes[kid].height)
        all_leaves = FALSE;
    }

  layout->slot[node] = !self->fixed || n_slots > 0;
  layout->grid[node] = all_leaves && n_slots >= GRID_MIN;

  if (n_slots == 0)
    {
      layout->sub_width[node] = self->width;
      layout->sub_height[node] = self->height;
    }
  else if (layout->grid[node])
    {
      guint columns = grid_columns (n_slots);
      guint rows = (n_slots + columns - 1) / columns;

      layout->sub_width[node] = MAX (self->width, columns * cell_width + (columns - 1) * HGAP);
      layout->sub_height[node] = self->height + VGAP + rows * cell_height + (rows - 1) * GRID_VGAP;
    }
  else
    {
      layout->sub_width[node] = MAX (self->width, width + (n_slots - 1) * HGAP);
      layout->sub_height[node] = self->height + VGAP + height;
    }

  return layout->slot[node];
}

static void
place (Layout *layout,
       int     node,
       double  left,
       double  top)
{
  IrMapLayoutNode *self = &layout->nodes[node];
  GPtrArray *kids = layout->children[node];
  double total = 0, cell_width = 0, cell_height = 0, x;
  guint n_slots = 0, k = 0;

  self->x = left + (layout->sub_width[node] - self->width) / 2;
  self->y = top;

  for (guint i = 0; i < kids->len; i++)
    {
      int kid = child_at (layout, node, i);

      if (!layout->slot[kid])
        continue;
      n_slots++;
      total += layout->sub_width[kid];
      cell_width = MAX (cell_width, layout->nodes[kid].width);
      cell_height = MAX (cell_height, layout->nodes[kid].height);
    }

  if (n_slots == 0)
    return;

  top += self->height + VGAP;

  if (layout->grid[node])
    {
      guint columns = grid_columns (n_slots);
      double grid_width = columns * cell_width + (columns - 1) * HGAP;

      x = left + (layout->sub_width[node] - grid_width) / 2;
      for (guint i = 0; i < kids->len; i++)
        {
          int kid = child_at (layout, node, i);

          if (!layout->slot[kid])
            continue;
          place (layout, kid, x + (k % columns) * (cell_width + HGAP),
                 top + (k / columns) * (cell_height + GRID_VGAP));
          k++;
        }
      return;
    }

  x = left + (layout->sub_width[node] - (total + (n_slots - 1) * HGAP)) / 2;
  for (guint i = 0; i < kids->len; i++)
    {
      int kid = child_at (layout, node, i);

      if (!layout->slot[kid])
        continue;
      place (layout, kid, x, top);
      x += layout->sub_width[kid] + HGAP;
    }
}

/* Packs blocks in rows no wider than @target and returns the size of the
 * result, with @extra_height above it. */
static void
pack_size (const double *block_width,
           const double *block_height,
           guint         n_blocks,
           double        target,
           double        extra_height,
           double       *width,
           double       *height)
{
  double x = 0, row_height = 0;

  *width = 0;
  *height = extra_height;
  for (guint g = 0; g < n_blocks; g++)
    {
      if (block_width[g] == 0)
        continue;

      if (x > 0 && x + block_width[g] > target + 0.5)
        {
          *height += row_height + GROUP_GAP;
          x = 0;
          row_height = 0;
        }
      x += block_width[g] + GROUP_GAP;
      *width = MAX (*width, x - GROUP_GAP);
      row_height = MAX (row_height, block_height[g]);
    }

  *height += row_height;
}

/* Picks the row width that lets a 16:9 screen show the whole map largest.
 * The candidates are the widths of the first k blocks side by side and an
 * even split of all blocks into k rows. */
static double
choose_row_width (const double *block_width,
                  const double *block_height,
                  guint         n_blocks,
                  double        min_width,
                  double        extra_height)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (double));
  double best = G_MAXDOUBLE, best_score = G_MAXDOUBLE, run = 0, total = 0;
  guint n_used = 0;

  for (guint k = 0; k < n_blocks; k++)
    {
      if (block_width[k] == 0)
        continue;

      run += block_width[k] + (run > 0 ? GROUP_GAP : 0);
      total += block_width[k];
      n_used++;
      g_array_append_val (candidates, run);
    }

  for (guint rows = 2; rows <= n_used; rows++)
    {
      double even = total / rows + GROUP_GAP * (n_used / rows);

      g_array_append_val (candidates, even);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      double target = MAX (g_array_index (candidates, double, i), min_width);
      double width, height, score;

      pack_size (block_width, block_height, n_blocks, target, extra_height, &width, &height);
      width = MAX (width, min_width);

      /* The screen's size needed to show the map at 100 %, in 16:9 units. */
      score = MAX (width / ASPECT, height);
      if (score < best_score - 1e-6 || (score < best_score + 1e-6 && target < best))
        {
          best_score = score;
          best = target;
        }
    }

  return best;
}

/* Places the org charts of group @g side by side in its block, whose top
 * left corner is (@x, @y). */
static void
place_block (Layout *layout,
             guint   g,
             double  x,
             double  y)
{
  GPtrArray *roots = layout->roots[g];
  double left = x + GROUP_PAD;

  for (guint i = 0; i < roots->len; i++)
    {
      int root = GPOINTER_TO_INT (roots->pdata[i]);

      if (!layout->slot[root])
        continue;
      place (layout, root, left, y + GROUP_PAD + GROUP_HEADER);
      left += layout->sub_width[root] + HGAP;
    }
}

/* Lays out each department as a block and packs the blocks in rows, under
 * the leadership's block when there is one. */
static void
place_groups (Layout *layout)
{
  g_autofree double *block_width = g_new0 (double, layout->n_groups);
  g_autofree double *block_height = g_new0 (double, layout->n_groups);
  guint first = layout->lead_group_found ? 1 : 0;
  double target, x = 0, y = 0, row_height = 0, widest_row = 0;

  for (guint g = 0; g < layout->n_groups; g++)
    {
      GPtrArray *roots = layout->roots[g];
      guint n_slots = 0;

      for (guint i = 0; i < roots->len; i++)
        {
          int root = GPOINTER_TO_INT (roots->pdata[i]);

          if (!measure (layout, root))
            continue;
          block_width[g] += layout->sub_width[root] + (n_slots > 0 ? HGAP : 0);
          block_height[g] = MAX (block_height[g], layout->sub_height[root]);
          n_slots++;
        }

      if (n_slots == 0)
        continue;
      block_width[g] += 2 * GROUP_PAD;
      block_height[g] += 2 * GROUP_PAD + GROUP_HEADER;
    }

  if (first == 1 && block_width[0] > 0)
    y = block_height[0] + GROUP_GAP;

  target = choose_row_width (block_width + first, block_height + first, layout->n_groups - first,
                             first == 1 ? block_width[0] : 0, y);

  for (guint g = first; g < layout->n_groups; g++)
    {
      if (block_width[g] == 0)
        continue;

      if (x > 0 && x + block_width[g] > target + 0.5)
        {
          x = 0;
          y += row_height + GROUP_GAP;
          row_height = 0;
        }

      place_block (layout, g, x, y);
      x += block_width[g] + GROUP_GAP;
      widest_row = MAX (widest_row, x - GROUP_GAP);
      row_height = MAX (row_height, block_height[g]);
    }

  if (first == 1 && block_width[0] > 0)
    place_block (layout, 0, MAX (0, (widest_row - block_width[0]) / 2), 0);
}

/* --- obstacles ----------------------------------------------------------- */

static int
compare_placed_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const IrMapLayoutNode *nodes = user_data;
  int i = GPOINTER_TO_INT (*(gpointer *) a), j = GPOINTER_TO_INT (*(gpointer *) b);

  if (nodes[i].y != nodes[j].y)
    return nodes[i].y < nodes[j].y ? -1 : 1;
  if (nodes[i].x != nodes[j].x)
    return nodes[i].x < nodes[j].x ? -1 : 1;

  return i - j;
}

/* Moves arranged cards off the cards that stay where they are, top to
 * bottom, each to the next free place. */
static void
avoid_fixed (Layout *layout)
{
  g_autoptr(IrMapOccupancy) occupancy = ir_map_occupancy_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gboolean any_fixed = FALSE;

  for (guint i = 0; i < layout->n; i++)
    if (layout->nodes[i].fixed)
      {
        ir_map_occupancy_add (occupancy, &layout->nodes[i]);
        any_fixed = TRUE;
      }
    else
      g_ptr_array_add (order, GINT_TO_POINTER (i));

  if (!any_fixed)
    return;

  g_ptr_array_sort_with_data (order, compare_placed_cb, layout->nodes);
  for (guint i = 0; i < order->len; i++)
    {
      IrMapLayoutNode *node = &layout->nodes[GPOINTER_TO_INT (order->pdata[i])];

      ir_map_occupancy_find_free (occupancy, node);
      ir_map_occupancy_add (occupancy, node);
    }
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_map_layout_run:
 *
 * Arranges the cards that are not fixed, as described at the top of this
 * file, writing their x and y. Fixed cards keep theirs. Runs in
 * O(n log n) for n cards plus the moves around fixed cards.
 */
void
ir_map_layout_run (IrMapLayoutNode *nodes,
                   guint            n_nodes)
{
  g_autofree double *saved = g_new0 (double, 2 * n_nodes + 1);
  Layout layout = { 0 };

  if (n_nodes == 0)
    return;

  for (guint i = 0; i < n_nodes; i++)
    {
      saved[2 * i] = nodes[i].x;
      saved[2 * i + 1] = nodes[i].y;
    }

  layout.nodes = nodes;
  layout.n = n_nodes;
  layout.group = g_new0 (int, n_nodes);
  layout.parent = g_new0 (int, n_nodes);
  layout.slot = g_new0 (gboolean, n_nodes);
  layout.grid = g_new0 (gboolean, n_nodes);
  layout.sub_width = g_new0 (double, n_nodes);
  layout.sub_height = g_new0 (double, n_nodes);
  layout.children = g_new0 (GPtrArray *, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    layout.children[i] = g_ptr_array_new ();

  assign_groups (&layout);
  layout.roots = g_new0 (GPtrArray *, layout.n_groups);
  for (guint g = 0; g < layout.n_groups; g++)
    layout.roots[g] = g_ptr_array_new ();

  assign_parents (&layout);
  collect_children (&layout);
  place_groups (&layout);

  for (guint i = 0; i < n_nodes; i++)
    if (nodes[i].fixed)
      {
        nodes[i].x = saved[2 * i];
        nodes[i].y = saved[2 * i + 1];
      }
  avoid_fixed (&layout);

  for (guint i = 0; i < n_nodes; i++)
    g_ptr_array_unref (layout.children[i]);
  for (guint g = 0; g < layout.n_groups; g++)
    g_ptr_array_unref (layout.roots[g]);
  g_free (layout.children);
  g_free (layout.roots);
  g_free (layout.group);
  g_free (layout.parent);
  g_free (layout.slot);
  g_free (layout.grid);
  g_free (layout.sub_width);
  g_free (layout.sub_height);
}
