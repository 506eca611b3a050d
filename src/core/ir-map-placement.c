/* ir-map-placement.c: free space on the map, new cards, and the layout of
 * a room's stakeholders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ir-map-layout-private.h"
#include "ir-map-model.h"

#define CELL        256.0   /* side of an occupancy cell, in map units */
#define SPACING     24.0    /* between a moved card and its neighbours */
#define MARGIN      12.0    /* closer than this to another card collides */
#define TRAY_GAP    72.0    /* above a row of cards with no department yet */
#define ROW_TRIES   8       /* places tried to the right before the next row */

/* --- occupancy ----------------------------------------------------------- */

typedef struct
{
  double x, y, width, height;
} Rect;

struct _IrMapOccupancy
{
  GHashTable *cells;   /* cell key → GArray of Rect */
};

static gint64
cell_key (gint64 column,
          gint64 row)
{
  return (column << 32) ^ (row & 0xffffffff);
}

IrMapOccupancy *
ir_map_occupancy_new (void)
{
  IrMapOccupancy *occupancy = g_new0 (IrMapOccupancy, 1);

  occupancy->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_array_unref);
  return occupancy;
}

void
ir_map_occupancy_free (IrMapOccupancy *occupancy)
{
  if (occupancy == NULL)
    return;

  g_hash_table_unref (occupancy->cells);
  g_free (occupancy);
}

void
ir_map_occupancy_add (IrMapOccupancy        *occupancy,
                      const IrMapLayoutNode *node)
{
  Rect rect = { node->x, node->y, node->width, node->height };

  for (gint64 column = floor (rect.x / CELL); column <= floor ((rect.x + rect.width) / CELL); column++)
    for (gint64 row = floor (rect.y / CELL); row <= floor ((rect.y + rect.height) / CELL); row++)
      {
        gint64 key = cell_key (column, row);
        GArray *rects = g_hash_table_lookup (occupancy->cells, &key);

        if (rects == NULL)
          {
            rects = g_array_new (FALSE, FALSE, sizeof (Rect));
            g_hash_table_insert (occupancy->cells, g_memdup2 (&key, sizeof key), rects);
          }
        g_array_append_val (rects, rect);
      }
}

/* Whether the rectangle, grown by MARGIN on each side, touches a card. The
 * margin is below the layout's gaps, so arranged neighbours never collide. */
gboolean
ir_map_occupancy_collides (IrMapOccupancy *occupancy,
                           double          x,
                           double          y,
                           double          width,
                           double          height)
{
  double left = x - MARGIN, top = y - MARGIN;
  double right = x + width + MARGIN, bottom = y + height + MARGIN;

  for (gint64 column = floor (left / CELL); column <= floor (right / CELL); column++)
    for (gint64 row = floor (top / CELL); row <= floor (bottom / CELL); row++)
      {
        gint64 key = cell_key (column, row);
        GArray *rects = g_hash_table_lookup (occupancy->cells, &key);

        for (guint i = 0; rects != NULL && i < rects->len; i++)
          {
            Rect *r = &g_array_index (rects, Rect, i);

            if (r->x < right && r->x + r->width > left &&
                r->y < bottom && r->y + r->height > top)
              return TRUE;
          }
      }

  return FALSE;
}

/* Moves @node from where it is to the first free place: to the right a few
 * card widths, then a row lower, and so on. */
void
ir_map_occupancy_find_free (IrMapOccupancy  *occupancy,
                            IrMapLayoutNode *node)
{
  double x0 = node->x;

  for (guint attempt = 0; ir_map_occupancy_collides (occupancy, node->x, node->y,
                                                     node->width, node->height); attempt++)
    {
      if ((attempt + 1) % ROW_TRIES == 0)
        {
          node->x = x0;
          node->y += node->height + SPACING;
        }
      else
        node->x += node->width + SPACING;
    }
}

/* --- new cards among placed ones ---------------------------------------- */

static int
depth_of (IrMapLayoutNode *nodes,
          guint            n_nodes,
          guint            i)
{
  int depth = 0;

  /* Bounded by the number of cards, so a reporting cycle cannot loop. */
  for (int m = nodes[i].manager; m >= 0 && (guint) m < n_nodes && depth < (int) n_nodes;
       m = nodes[m].manager)
    depth++;

  return depth;
}

typedef struct
{
  IrMapLayoutNode *nodes;
  int             *depth;
} OrderData;

static int
compare_new_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  OrderData *data = user_data;
  int i = GPOINTER_TO_INT (*(gpointer *) a), j = GPOINTER_TO_INT (*(gpointer *) b);
  int cmp;

  if (data->depth[i] != data->depth[j])
    return data->depth[i] - data->depth[j];

  cmp = g_strcmp0 (data->nodes[i].department, data->nodes[j].department);
  if (cmp != 0)
    return cmp;

  cmp = g_strcmp0 (data->nodes[i].name, data->nodes[j].name);
  return cmp != 0 ? cmp : i - j;
}

typedef struct
{
  double left, top, right, bottom;
} Bounds;

static void
bounds_add (Bounds                *bounds,
            const IrMapLayoutNode *node)
{
  if (bounds->right <= bounds->left)
    {
      bounds->left = node->x;
      bounds->top = node->y;
      bounds->right = node->x + node->width;
      bounds->bottom = node->y + node->height;
      return;
    }

  bounds->left = MIN (bounds->left, node->x);
  bounds->top = MIN (bounds->top, node->y);
  bounds->right = MAX (bounds->right, node->x + node->width);
  bounds->bottom = MAX (bounds->bottom, node->y + node->height);
}

/**
 * ir_map_layout_place_new:
 *
 * Places the cards that are not fixed among the fixed ones without moving
 * those: under their manager when the manager is placed, else under their
 * department's cards, else in a row below the whole map.
 */
void
ir_map_layout_place_new (IrMapLayoutNode *nodes,
                         guint            n_nodes)
{
  g_autoptr(IrMapOccupancy) occupancy = ir_map_occupancy_new ();
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree gboolean *placed = g_new0 (gboolean, n_nodes + 1);
  g_autofree int *depth = g_new0 (int, n_nodes + 1);
  Bounds all = { 0 };
  OrderData data = { nodes, depth };

  for (guint i = 0; i < n_nodes; i++)
    {
      const char *department = nodes[i].department ? nodes[i].department : "";

      depth[i] = depth_of (nodes, n_nodes, i);
      if (!nodes[i].fixed)
        {
          g_ptr_array_add (order, GINT_TO_POINTER (i));
          continue;
        }

      placed[i] = TRUE;
      ir_map_occupancy_add (occupancy, &nodes[i]);
      bounds_add (&all, &nodes[i]);
      if (!g_hash_table_contains (departments, department))
        g_hash_table_insert (departments, (gpointer) department, g_new0 (Bounds, 1));
      bounds_add (g_hash_table_lookup (departments, department), &nodes[i]);
    }

  g_ptr_array_sort_with_data (order, compare_new_cb, &data);

  for (guint k = 0; k < order->len; k++)
    {
      int i = GPOINTER_TO_INT (order->pdata[k]);
      IrMapLayoutNode *node = &nodes[i];
      const char *department = node->department ? node->department : "";
      Bounds *group = g_hash_table_lookup (departments, department);
      int manager = node->manager;

      if (manager >= 0 && (guint) manager < n_nodes && placed[manager])
        {
          node->x = nodes[manager].x;
          node->y = nodes[manager].y + nodes[manager].height + SPACING * 2;
        }
      else if (group != NULL)
        {
          node->x = group->left;
          node->y = group->bottom + SPACING;
        }
      else
        {
          node->x = all.left;
          node->y = all.bottom + TRAY_GAP;
        }

      ir_map_occupancy_find_free (occupancy, node);
      ir_map_occupancy_add (occupancy, node);
      placed[i] = TRUE;

      if (group == NULL)
        {
          group = g_new0 (Bounds, 1);
          g_hash_table_insert (departments, (gpointer) department, group);
        }
      bounds_add (group, node);
      bounds_add (&all, node);
    }
}

/* --- a room's stakeholders ----------------------------------------------- */

typedef struct
{
  GPtrArray       *people;   /* IrEntity* */
  IrMapLayoutNode *nodes;
  gboolean        *stored;
} RoomLayout;

static void
room_layout_clear (RoomLayout *room)
{
  g_clear_pointer (&room->people, g_ptr_array_unref);
  g_clear_pointer (&room->nodes, g_free);
  g_clear_pointer (&room->stored, g_free);
}

static void
room_layout_build (RoomLayout      *room,
                   IrStore         *store,
                   IrMapLayoutMode  mode)
{
  g_autoptr(IrEntityList) stakeholders = ir_store_list (store, "stakeholder");
  g_autoptr(IrEntityList) links = ir_store_list (store, "link");
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (stakeholders));
  guint n_links = g_list_model_get_n_items (G_LIST_MODEL (links));
  guint n_fixed = 0;

  room->people = g_ptr_array_new_with_free_func (g_object_unref);
  room->nodes = g_new0 (IrMapLayoutNode, n + 1);
  room->stored = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      IrEntity *person = g_list_model_get_item (G_LIST_MODEL (stakeholders), i);
      IrMapLayoutNode *node = &room->nodes[i];

      g_ptr_array_add (room->people, person);
      g_hash_table_insert (index, (gpointer) ir_entity_get_id (person), GUINT_TO_POINTER (i + 1));

      node->department = ir_entity_get_string (person, "department");
      node->name = ir_entity_get_string (person, "name");
      node->rank = ir_entity_get_int (person, "rank");
      node->manager = -1;
      node->width = IR_MAP_CARD_WIDTH;
      node->height = IR_MAP_CARD_HEIGHT;
      room->stored[i] = ir_entity_has_field (person, "x") && ir_entity_has_field (person, "y");
      node->x = ir_entity_get_double (person, "x");
      node->y = ir_entity_get_double (person, "y");
      node->fixed = room->stored[i] &&
                    (mode == IR_MAP_LAYOUT_PLACE_NEW || ir_entity_get_boolean (person, "pinned"));
    }

  /* The links are sorted by id, so the reporting line every reader takes
   * when a merge left two is the one with the lowest id. */
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);
      guint source = GPOINTER_TO_UINT (g_hash_table_lookup (index, ir_entity_get_string (link, "source") ?: ""));
      guint target = GPOINTER_TO_UINT (g_hash_table_lookup (index, ir_entity_get_string (link, "target") ?: ""));

      if (source == 0 || target == 0 || source == target ||
          g_strcmp0 (ir_entity_get_string (link, "kind"), "reports_to") != 0)
        continue;

      if (room->nodes[source - 1].manager < 0)
        room->nodes[source - 1].manager = target - 1;
    }

  if (mode == IR_MAP_LAYOUT_ARRANGE)
    {
      ir_map_layout_run (room->nodes, n);
      return;
    }

  /* A few new cards go among the placed ones. When most cards have no
   * place yet, the whole map is arranged around the placed ones instead. */
  for (guint i = 0; i < n; i++)
    n_fixed += room->nodes[i].fixed;

  if (n_fixed > 0 && n_fixed >= n - n_fixed)
    ir_map_layout_place_new (room->nodes, n);
  else
    ir_map_layout_run (room->nodes, n);
}

/**
 * ir_map_layout_positions:
 *
 * Computes where each visible stakeholder's card is in @mode.
 *
 * Returns: (transfer full) (element-type utf8 IrMapPosition): stakeholder
 *   id → position
 */
GHashTable *
ir_map_layout_positions (IrStore         *store,
                         IrMapLayoutMode  mode)
{
  RoomLayout room = { 0 };
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  room_layout_build (&room, store, mode);
  for (guint i = 0; i < room.people->len; i++)
    {
      IrMapPosition *position = g_new0 (IrMapPosition, 1);

      position->x = room.nodes[i].x;
      position->y = room.nodes[i].y;
      position->stored = room.stored[i] &&
                         position->x == ir_entity_get_double (room.people->pdata[i], "x") &&
                         position->y == ir_entity_get_double (room.people->pdata[i], "y");
      g_hash_table_insert (positions, g_strdup (ir_entity_get_id (room.people->pdata[i])),
                           position);
    }

  room_layout_clear (&room);
  return positions;
}

/**
 * ir_map_auto_layout:
 * @n_moved: (out) (optional): how many cards moved
 *
 * Arranges the map and writes the new places of the cards that moved, in
 * one transaction that undo takes back whole. Pinned cards stay.
 */
gboolean
ir_map_auto_layout (IrStore  *store,
                    guint    *n_moved,
                    GError  **error)
{
  RoomLayout room = { 0 };
  g_autoptr(IrTx) tx = ir_store_begin (store);
  guint moved = 0;
  gboolean ok;

  room_layout_build (&room, store, IR_MAP_LAYOUT_ARRANGE);
  for (guint i = 0; i < room.people->len; i++)
    {
      IrEntity *person = room.people->pdata[i];
      const char *eid = ir_entity_get_id (person);
      double x = round (room.nodes[i].x), y = round (room.nodes[i].y);

      if (room.nodes[i].fixed ||
          (room.stored[i] && fabs (ir_entity_get_double (person, "x") - x) < 0.5 &&
           fabs (ir_entity_get_double (person, "y") - y) < 0.5))
        continue;

      ir_tx_set_double (tx, "stakeholder", eid, "x", x);
      ir_tx_set_double (tx, "stakeholder", eid, "y", y);
      moved++;
    }
  room_layout_clear (&room);

  ok = moved == 0 || ir_store_commit (store, tx, error);
  if (n_moved != NULL)
    *n_moved = ok ? moved : 0;

  return ok;
}
