/* ir-drawing-compare-regions.c: grouping changed pixels into regions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ir-drawing-compare-private.h"

typedef struct
{
  int    x0, y0, x1, y1;  /* cells, x1 and y1 inclusive */
  guint  removed;
  guint  added;
} Cluster;

/* ------------------------------------------------------------------------ */
/* Regions                                                                  */
/* ------------------------------------------------------------------------ */

static guint32
find_root (guint32 *parent,
           guint32  cell)
{
  while (parent[cell] != cell)
    {
      parent[cell] = parent[parent[cell]];
      cell = parent[cell];
    }

  return cell;
}

static void
join (guint32 *parent,
      guint32  a,
      guint32  b)
{
  guint32 root_a = find_root (parent, a);
  guint32 root_b = find_root (parent, b);

  if (root_a != root_b)
    parent[MAX (root_a, root_b)] = MIN (root_a, root_b);
}

/* Marks each cell within @radius cells (a square) of a changed cell. */
static guint8 *
grow_cells (const guint8 *removed,
            const guint8 *added,
            int           columns,
            int           rows,
            int           radius)
{
  g_autofree guint8 *across = g_new0 (guint8, (gsize) columns * rows);
  guint8 *grown = g_new0 (guint8, (gsize) columns * rows);

  for (int y = 0; y < rows; y++)
    {
      int last = -radius - 1;

      for (int x = 0; x < columns; x++)
        {
          gsize i = (gsize) y * columns + x;

          if (removed[i] + added[i] > 0)
            {
              for (int k = MAX (MAX (x - radius, 0), last + radius + 1); k <= x; k++)
                across[(gsize) y * columns + k] = 1;
              last = x;
            }
          if (x - last <= radius)
            across[i] = 1;
        }
    }

  for (int x = 0; x < columns; x++)
    {
      int last = -radius - 1;

      for (int y = 0; y < rows; y++)
        {
          if (across[(gsize) y * columns + x])
            {
              for (int k = MAX (MAX (y - radius, 0), last + radius + 1); k <= y; k++)
                grown[(gsize) k * columns + x] = 1;
              last = y;
            }
          if (y - last <= radius)
            grown[(gsize) y * columns + x] = 1;
        }
    }

  return grown;
}

/* Groups changed cells that lie within the merge distance of each other and
 * sums up each group's extent and pixels. */
static GArray *
cluster_cells (const guint8 *removed,
               const guint8 *added,
               int           columns,
               int           rows,
               int           radius)
{
  gsize n_cells = (gsize) columns * rows;
  g_autofree guint8 *grown = grow_cells (removed, added, columns, rows, radius);
  g_autofree guint32 *parent = g_new (guint32, n_cells);
  g_autofree gint32 *slot = g_new (gint32, n_cells);
  GArray *clusters = g_array_new (FALSE, TRUE, sizeof (Cluster));

  for (gsize i = 0; i < n_cells; i++)
    {
      parent[i] = (guint32) i;
      slot[i] = -1;
    }

  for (int y = 0; y < rows; y++)
    for (int x = 0; x < columns; x++)
      {
        gsize i = (gsize) y * columns + x;

        if (!grown[i])
          continue;
        if (x > 0 && grown[i - 1])
          join (parent, i, i - 1);
        if (y > 0 && grown[i - columns])
          join (parent, i, i - columns);
      }

  for (int y = 0; y < rows; y++)
    for (int x = 0; x < columns; x++)
      {
        gsize i = (gsize) y * columns + x;
        guint32 root;
        Cluster *cluster;

        if (removed[i] + added[i] == 0)
          continue;

        root = find_root (parent, i);
        if (slot[root] < 0)
          {
            Cluster fresh = { x, y, x, y, 0, 0 };

            slot[root] = clusters->len;
            g_array_append_val (clusters, fresh);
          }

        cluster = &g_array_index (clusters, Cluster, slot[root]);
        cluster->x0 = MIN (cluster->x0, x);
        cluster->y0 = MIN (cluster->y0, y);
        cluster->x1 = MAX (cluster->x1, x);
        cluster->y1 = MAX (cluster->y1, y);
        cluster->removed += removed[i];
        cluster->added += added[i];
      }

  return clusters;
}

/* Shrinks a cluster's box from whole cells to its changed pixels. */
static void
tighten (IrDrawingCompare *self,
         const Cluster    *cluster,
         int              *box)
{
  int cell = IR_DRAWING_MASK_CELL;
  int x = cluster->x0 * cell;
  int y = cluster->y0 * cell;
  int width = (cluster->x1 + 1) * cell - x;
  int height = (cluster->y1 + 1) * cell - y;
  int removed[4], added[4];
  gboolean has_removed = ir_drawing_mask_bounds (self->removed, x, y, width, height, removed);
  gboolean has_added = ir_drawing_mask_bounds (self->added, x, y, width, height, added);

  if (has_removed && has_added)
    {
      box[0] = MIN (removed[0], added[0]);
      box[1] = MIN (removed[1], added[1]);
      box[2] = MAX (removed[2], added[2]);
      box[3] = MAX (removed[3], added[3]);
    }
  else
    {
      memcpy (box, has_removed ? removed : added, sizeof removed);
    }
}

static gboolean
boxes_overlap (const IrDrawingRegion *a,
               const IrDrawingRegion *b)
{
  return ir_pdf_rect_intersects (&a->box, &b->box);
}

/* Merges regions whose boxes overlap until none do. */
static void
merge_overlapping (GArray *regions)
{
  gboolean merged = TRUE;

  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < regions->len && !merged; i++)
        for (guint j = i + 1; j < regions->len && !merged; j++)
          {
            IrDrawingRegion *a = &g_array_index (regions, IrDrawingRegion, i);
            IrDrawingRegion *b = &g_array_index (regions, IrDrawingRegion, j);

            if (!boxes_overlap (a, b))
              continue;

            ir_pdf_rect_union (&a->box, &b->box);
            a->removed_pixels += b->removed_pixels;
            a->added_pixels += b->added_pixels;
            g_array_remove_index (regions, j);
            merged = TRUE;
          }
    }
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const IrDrawingRegion *first = a;
  const IrDrawingRegion *second = b;

  if (first->box.y != second->box.y)
    return first->box.y < second->box.y ? -1 : 1;
  if (first->box.x != second->box.x)
    return first->box.x < second->box.x ? -1 : 1;

  return 0;
}

void
ir_drawing_compare_find_regions (IrDrawingCompare              *self,
                                 const IrDrawingCompareOptions *options)
{
  int columns = self->removed->stride * 8;
  int rows = (self->height + IR_DRAWING_MASK_CELL - 1) / IR_DRAWING_MASK_CELL;
  int radius = (int) ceil (options->merge_distance * self->scale / IR_DRAWING_MASK_CELL);
  g_autofree guint8 *removed = g_new0 (guint8, (gsize) columns * rows);
  g_autofree guint8 *added = g_new0 (guint8, (gsize) columns * rows);
  g_autoptr(GArray) clusters = NULL;

  ir_drawing_mask_count_cells (self->removed, removed);
  ir_drawing_mask_count_cells (self->added, added);
  clusters = cluster_cells (removed, added, columns, rows, MAX (radius, 0));

  for (guint i = 0; i < clusters->len; i++)
    {
      const Cluster *cluster = &g_array_index (clusters, Cluster, i);
      IrDrawingRegion region;
      int box[4];

      if (cluster->removed + cluster->added < options->min_pixels)
        continue;

      tighten (self, cluster, box);
      region.box.x = box[0] / self->scale;
      region.box.y = box[1] / self->scale;
      region.box.width = (box[2] - box[0]) / self->scale;
      region.box.height = (box[3] - box[1]) / self->scale;
      region.removed_pixels = cluster->removed;
      region.added_pixels = cluster->added;
      g_array_append_val (self->regions, region);
    }

  merge_overlapping (self->regions);
  g_array_sort (self->regions, compare_reading_order);
}

/* Makes every text change lie inside a region. A region that touches a
 * changed word grows to enclose all of it. A word that no region touches,
 * such as one digit changed in small text whose pixels fall under the noise
 * threshold, gets a region of its own that counts no pixels. */
void
ir_drawing_compare_add_text_regions (IrDrawingCompare *self)
{
  for (guint i = 0; i < self->text_changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (self->text_changes, i);
      IrDrawingRegion region = { { 0 }, 0, 0 };
      gboolean covered = FALSE;

      if (change->kind != IR_DRAWING_TEXT_REMOVED)
        region.box = change->new_box;
      if (change->kind != IR_DRAWING_TEXT_ADDED)
        {
          IrPdfRect old_box = change->old_box;

          old_box.x += self->shift_x / self->scale;
          old_box.y += self->shift_y / self->scale;
          if (change->kind == IR_DRAWING_TEXT_REMOVED)
            region.box = old_box;
          else
            ir_pdf_rect_union (&region.box, &old_box);
        }

      for (guint j = 0; j < self->regions->len; j++)
        {
          IrDrawingRegion *existing = &g_array_index (self->regions, IrDrawingRegion, j);

          if (ir_pdf_rect_intersects (&existing->box, &region.box))
            {
              ir_pdf_rect_union (&existing->box, &region.box);
              covered = TRUE;
            }
        }

      if (!covered)
        g_array_append_val (self->regions, region);
    }

  merge_overlapping (self->regions);
  g_array_sort (self->regions, compare_reading_order);
}
