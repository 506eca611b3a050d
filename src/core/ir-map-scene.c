/* ir-map-scene.c: the decision map of a room, ready to draw
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-map-coverage.h"
#include "ir-map-layout.h"
#include "ir-map-model-private.h"
#include "ir-map-render.h"

/* --- freeing ------------------------------------------------------------- */

static void
card_free (IrMapSceneCard *card)
{
  g_free (card->eid);
  g_free (card->name);
  g_free (card->title);
  g_free (card->department);
  g_free (card->stance);
  g_free (card->buying_role);
  g_free (card->successor_name);
  g_free (card->levels);
  g_free (card);
}

static void
link_free (IrMapSceneLink *link)
{
  g_free (link->kind);
  g_free (link);
}

static void
member_free (IrMapSceneMember *member)
{
  g_free (member->name);
  g_free (member->initials);
  g_free (member->role);
  g_free (member);
}

void
ir_map_scene_free (IrMapScene *scene)
{
  if (scene == NULL)
    return;

  g_free (scene->room_name);
  g_free (scene->today);
  g_ptr_array_unref (scene->cards);
  g_ptr_array_unref (scene->links);
  g_ptr_array_unref (scene->members);
  g_free (scene);
}

/* --- building ------------------------------------------------------------ */

static char *
dup_room_name (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  const char *name = room ? ir_entity_get_string (room, "name") : NULL;

  return g_strdup (name ? name : "");
}

static void
add_members (IrMapScene *scene,
             IrStore    *store)
{
  g_autoptr(GPtrArray) trio = ir_map_list_trio (store);

  for (guint i = 0; i < trio->len; i++)
    {
      IrEntity *member = trio->pdata[i];
      IrMapSceneMember *item = g_new0 (IrMapSceneMember, 1);
      const char *name = ir_entity_get_string (member, "display_name");

      item->name = g_strdup (name && name[0] ? name : ir_entity_get_string (member, "user"));
      item->initials = ir_map_dup_initials (item->name);
      item->role = g_strdup (ir_entity_get_string (member, "role"));
      g_ptr_array_add (scene->members, item);
    }
}

static GHashTable *
department_colors (GPtrArray *people)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < people->len; i++)
    {
      const char *department = ir_entity_get_string (people->pdata[i], "department");

      if (department != NULL)
        g_ptr_array_add (names, (gpointer) department);
    }

  return ir_map_assign_department_colors (names);
}

static IrMapSceneCard *
card_new (IrStore          *store,
          IrEntity         *person,
          IrMapCoverage    *coverage,
          GHashTable       *colors,
          GHashTable       *positions)
{
  IrMapSceneCard *card = g_new0 (IrMapSceneCard, 1);
  const char *eid = ir_entity_get_id (person);
  const IrMapCoverageRow *row = ir_map_coverage_lookup (coverage, eid);
  IrMapPosition *position = g_hash_table_lookup (positions, eid);
  const char *successor = ir_entity_get_string (person, "successor");
  guint n_members = coverage->members->len;

  card->eid = g_strdup (eid);
  card->name = g_strdup (ir_entity_get_string (person, "name"));
  card->title = g_strdup (ir_entity_get_string (person, "title"));
  card->department = g_strdup (ir_entity_get_string (person, "department"));
  card->stance = g_strdup (ir_entity_get_string (person, "stance"));
  card->buying_role = g_strdup (ir_entity_get_string (person, "buying_role"));
  card->influence = ir_entity_get_int (person, "influence");
  card->left = ir_map_has_left (person);
  card->placeholder = ir_entity_get_boolean (person, "placeholder");
  card->stale = row ? row->stale : FALSE;
  card->days_since_contact = row ? row->days_since_contact : -1;
  card->department_color = card->department ?
    GPOINTER_TO_INT (g_hash_table_lookup (colors, card->department)) - 1 : -1;
  card->owner = row && row->covered ?
    ir_map_coverage_member_index (coverage, row->coverage_owner) : -1;
  card->levels = g_new0 (const char *, n_members + 1);
  for (guint m = 0; m < n_members; m++)
    card->levels[m] = row ? row->levels[m] : g_intern_static_string ("none");

  if (card->left && successor != NULL)
    {
      g_autoptr(IrEntity) next = ir_store_get_entity (store, "stakeholder", successor);

      if (next != NULL && ir_entity_is_visible (next))
        card->successor_name = g_strdup (ir_map_display_name (next));
    }

  card->rect.x = position ? position->x : 0;
  card->rect.y = position ? position->y : 0;
  card->rect.width = IR_MAP_CARD_WIDTH;
  card->rect.height = IR_MAP_CARD_HEIGHT;

  return card;
}

/* Marks the reporting lines that a merge left in a cycle. */
static GHashTable *
collect_broken_lines (IrStore *store)
{
  g_autoptr(GPtrArray) cycles = ir_store_find_cycles (store, "link", "source", "target",
                                                      "kind", "reports_to");
  GHashTable *broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < cycles->len; c++)
    {
      GPtrArray *cycle = cycles->pdata[c];

      for (guint i = 0; i + 1 < cycle->len; i++)
        g_hash_table_add (broken, g_strconcat (cycle->pdata[i], " ", cycle->pdata[i + 1], NULL));
    }

  return broken;
}

static void
add_links (IrMapScene *scene,
           IrStore    *store,
           GHashTable *card_index)
{
  g_autoptr(IrEntityList) links = ir_store_list (store, "link");
  g_autoptr(GHashTable) broken = collect_broken_lines (store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (links));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);
      const char *source = ir_entity_get_string (link, "source");
      const char *target = ir_entity_get_string (link, "target");
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (card_index, source ? source : ""));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (card_index, target ? target : ""));
      g_autofree char *key = NULL;
      IrMapSceneLink *item;

      if (from == 0 || to == 0 || from == to)
        continue;

      key = g_strconcat (source, " ", target, NULL);
      item = g_new0 (IrMapSceneLink, 1);
      item->kind = g_strdup (ir_entity_get_string (link, "kind"));
      item->strength = ir_entity_get_int (link, "strength");
      item->source = from - 1;
      item->target = to - 1;
      item->broken = g_str_equal (item->kind ? item->kind : "", "reports_to") &&
                     g_hash_table_contains (broken, key);
      g_ptr_array_add (scene->links, item);
    }
}

/**
 * ir_map_scene_new:
 * @today: (nullable): "YYYY-MM-DD" for the stale marks, or %NULL for today
 *   in the room's time zone
 *
 * Reads the room's map from @store: every visible stakeholder where the map
 * shows them, the links between them, the trio's relationship levels and
 * the stale contacts.
 *
 * Returns: (transfer full): the scene
 */
IrMapScene *
ir_map_scene_new (IrStore    *store,
                  const char *today)
{
  IrMapScene *scene = g_new0 (IrMapScene, 1);
  g_autoptr(IrMapCoverage) coverage = ir_map_coverage_compute (store, today);
  g_autoptr(GHashTable) positions = ir_map_layout_positions (store, IR_MAP_LAYOUT_PLACE_NEW);
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) colors = NULL;
  g_autoptr(GHashTable) card_index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  scene->room_name = dup_room_name (store);
  scene->today = g_strdup (coverage->today);
  scene->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  scene->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  scene->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);

  add_members (scene, store);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (people, g_list_model_get_item (G_LIST_MODEL (list), i));
  colors = department_colors (people);

  for (guint i = 0; i < people->len; i++)
    {
      IrMapSceneCard *card = card_new (store, people->pdata[i], coverage, colors, positions);

      g_ptr_array_add (scene->cards, card);
      g_hash_table_insert (card_index, card->eid, GUINT_TO_POINTER (scene->cards->len));
    }

  add_links (scene, store, card_index);

  return scene;
}

/* Returns the rectangle that holds every card, or an empty one at the
 * origin for an empty map. */
void
ir_map_scene_get_bounds (IrMapScene *scene,
                         IrMapRect  *bounds)
{
  double left = 0, top = 0, right = 0, bottom = 0;

  for (guint i = 0; i < scene->cards->len; i++)
    {
      IrMapRect *rect = &((IrMapSceneCard *) scene->cards->pdata[i])->rect;

      if (i == 0)
        {
          left = rect->x;
          top = rect->y;
          right = rect->x + rect->width;
          bottom = rect->y + rect->height;
          continue;
        }

      left = MIN (left, rect->x);
      top = MIN (top, rect->y);
      right = MAX (right, rect->x + rect->width);
      bottom = MAX (bottom, rect->y + rect->height);
    }

  bounds->x = left;
  bounds->y = top;
  bounds->width = right - left;
  bounds->height = bottom - top;
}
