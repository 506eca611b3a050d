/* ir-map-canvas-store.c: how the canvas follows the room: cards, links,
 * department colours, coverage and the places of new cards
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit of one stakeholder updates its card and nothing else. Work that
 * spans the room waits for an idle: placing new cards and colouring
 * departments before the next frame, the coverage after a short pause, so
 * that a burst of remote edits costs one computation.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include "ir-map-canvas-private.h"
#include "ir-map-layout.h"
#include "ir-ui-util.h"

/* Coverage waits this long after the last change. */
#define COVERAGE_DELAY_MS 150

/* --- cards ---------------------------------------------------------------- */

void
ir_map_canvas_card_free (IrMapCanvasCard *card)
{
  g_clear_object (&card->name_layout);
  gtk_widget_unparent (GTK_WIDGET (card->card));
  g_free (card);
}

static void
read_position (IrMapCanvasCard *card)
{
  card->stored = ir_entity_has_field (card->entity, "x") && ir_entity_has_field (card->entity, "y");
  if (card->stored)
    {
      card->rect.x = ir_entity_get_double (card->entity, "x");
      card->rect.y = ir_entity_get_double (card->entity, "y");
    }
}

static void
card_activate_cb (IrMapCanvas *self,
                  IrMapCard   *card)
{
  ir_map_canvas_select (self, ir_map_card_get_id (card), TRUE);
  g_signal_emit_by_name (self, "card-activated", ir_map_card_get_id (card));
}

static IrMapCanvasCard *
add_card (IrMapCanvas *self,
          IrEntity    *entity)
{
  IrMapCanvasCard *card = g_new0 (IrMapCanvasCard, 1);

  card->card = IR_MAP_CARD (ir_map_card_new (entity));
  card->entity = ir_map_card_get_entity (card->card);
  card->color = -1;
  card->rect.width = IR_MAP_CARD_WIDTH;
  card->rect.height = IR_MAP_CARD_HEIGHT;
  read_position (card);

  gtk_widget_set_parent (GTK_WIDGET (card->card), GTK_WIDGET (self));
  g_signal_connect_object (card->card, "activate", G_CALLBACK (card_activate_cb), self,
                           G_CONNECT_SWAPPED);
  ir_map_card_update (card->card, self->store);
  if (self->coverage != NULL && self->members != NULL)
    ir_map_card_set_coverage (card->card, self->coverage, self->members);
  if (g_strcmp0 (self->selected, ir_entity_get_id (entity)) == 0)
    ir_map_card_set_selected (card->card, TRUE);

  g_hash_table_insert (self->cards, g_strdup (ir_entity_get_id (entity)), card);
  g_ptr_array_add (self->card_list, card);

  self->need_placement |= !card->stored;
  self->need_colors = TRUE;
  self->need_coverage = TRUE;
  self->shapes_dirty = TRUE;

  return card;
}

static void
remove_card (IrMapCanvas     *self,
             IrMapCanvasCard *card)
{
  g_autofree char *eid = g_strdup (ir_map_card_get_id (card->card));

  if (self->drag_card == card)
    {
      self->drag_card = NULL;
      self->drag_mode = IR_MAP_DRAG_NONE;
    }
  if (self->link_target == card)
    self->link_target = NULL;

  g_ptr_array_remove (self->card_list, card);
  g_hash_table_remove (self->cards, eid);
  self->need_colors = TRUE;
  self->need_coverage = TRUE;
  self->shapes_dirty = TRUE;

  if (g_strcmp0 (self->selected, eid) == 0)
    ir_map_canvas_select (self, NULL, FALSE);
}

/* --- room-wide work ------------------------------------------------------- */

static void
place_new_cards (IrMapCanvas *self)
{
  g_autoptr(GHashTable) positions = ir_map_layout_positions (self->store, IR_MAP_LAYOUT_PLACE_NEW);

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];
      IrMapPosition *position = g_hash_table_lookup (positions, ir_map_card_get_id (card->card));

      if (card->stored || position == NULL || card == self->drag_card)
        continue;
      card->rect.x = position->x;
      card->rect.y = position->y;
    }
}

static void
assign_colors (IrMapCanvas *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) colors = NULL;

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];
      const char *department = ir_entity_get_string (card->entity, "department");

      if (department != NULL)
        g_ptr_array_add (names, (gpointer) department);
    }

  colors = ir_map_assign_department_colors (names);
  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];
      const char *department = ir_entity_get_string (card->entity, "department");
      int color = department ? GPOINTER_TO_INT (g_hash_table_lookup (colors, department)) - 1 : -1;

      card->color = color;
      if (color >= 0)
        {
          IrMapColor rgb = ir_map_department_color (color);
          GdkRGBA rgba = { rgb.red, rgb.green, rgb.blue, 1.0 };

          ir_map_card_set_department_color (card->card, &rgba);
        }
      else
        ir_map_card_set_department_color (card->card, NULL);
    }
}

static void
load_members (IrMapCanvas *self)
{
  g_autoptr(GPtrArray) trio = ir_map_list_trio (self->store);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < trio->len; i++)
    {
      IrEntity *member = trio->pdata[i];
      IrMapSceneMember *item = g_new0 (IrMapSceneMember, 1);
      const char *name = ir_entity_get_string (member, "display_name");

      /* Interned, because an entity's strings go away when it reloads. */
      item->name = (char *) g_intern_string (name && name[0] ? name
                                                           : ir_entity_get_string (member, "user"));
      item->role = (char *) g_intern_string (ir_entity_get_string (member, "role"));
      g_ptr_array_add (self->members, item);
    }
}

static void
update_coverage (IrMapCanvas *self)
{
  g_clear_pointer (&self->coverage, ir_map_coverage_free);
  load_members (self);
  self->coverage = ir_map_coverage_compute (self->store, NULL);

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];

      ir_map_card_set_coverage (card->card, self->coverage, self->members);
      ir_map_card_set_dimmed (card->card, !ir_map_canvas_matches_filter (self, card->entity));
    }

  g_signal_emit_by_name (self, "coverage-changed");
}

static void
find_broken_lines (IrMapCanvas *self)
{
  g_autoptr(GPtrArray) cycles = ir_store_find_cycles (self->store, "link", "source", "target",
                                                      "kind", "reports_to");

  g_hash_table_remove_all (self->broken);
  for (guint c = 0; c < cycles->len; c++)
    {
      GPtrArray *cycle = cycles->pdata[c];

      for (guint i = 0; i + 1 < cycle->len; i++)
        g_hash_table_add (self->broken, g_strconcat (cycle->pdata[i], " ", cycle->pdata[i + 1], NULL));
    }
}

static gboolean
refresh_cb (gpointer data)
{
  IrMapCanvas *self = data;

  self->refresh_id = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  if (self->need_placement)
    place_new_cards (self);
  if (self->need_colors)
    assign_colors (self);
  if (self->need_broken)
    find_broken_lines (self);
  if (self->need_coverage)
    update_coverage (self);

  if (self->need_placement || self->need_broken)
    self->shapes_dirty = TRUE;
  self->need_placement = self->need_colors = self->need_coverage = self->need_broken = FALSE;

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Runs the room-wide work soon: before the next frame when @delay_ms is 0. */
static void
schedule_refresh (IrMapCanvas *self,
                  guint        delay_ms)
{
  if (self->refresh_id != 0 && delay_ms > 0)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (delay_ms == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
  else
    self->refresh_id = g_timeout_add (delay_ms, refresh_cb, self);
}

void
ir_map_canvas_rebuild_shapes (IrMapCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  g_array_set_size (self->shapes, 0);
  g_hash_table_iter_init (&iter, self->links);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IrEntity *link = value;
      const char *source = ir_entity_get_string (link, "source");
      const char *target = ir_entity_get_string (link, "target");
      IrMapCanvasCard *from = source ? g_hash_table_lookup (self->cards, source) : NULL;
      IrMapCanvasCard *to = target ? g_hash_table_lookup (self->cards, target) : NULL;
      g_autofree char *key = NULL;
      IrMapLinkShape shape = { 0 };

      if (from == NULL || to == NULL || from == to)
        continue;

      key = g_strconcat (source, " ", target, NULL);
      shape.source = &from->rect;
      shape.target = &to->rect;
      shape.kind = g_intern_string (ir_entity_get_string (link, "kind"));
      shape.strength = ir_entity_get_int (link, "strength");
      shape.broken = g_hash_table_contains (self->broken, key);
      g_array_append_val (self->shapes, shape);
    }

  self->shapes_dirty = FALSE;
}

/* --- store ---------------------------------------------------------------- */

static gboolean
has_field (const char * const *fields,
           const char         *name)
{
  return fields != NULL && g_strv_contains (fields, name);
}

static void
stakeholder_changed (IrMapCanvas        *self,
                     const char         *eid,
                     const char * const *fields)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "stakeholder", eid);
  IrMapCanvasCard *card = g_hash_table_lookup (self->cards, eid);
  gboolean visible = entity != NULL && ir_entity_is_visible (entity);

  if (visible && card == NULL)
    {
      add_card (self, entity);
      return;
    }

  if (!visible)
    {
      if (card != NULL)
        remove_card (self, card);
      return;
    }

  if ((has_field (fields, "x") || has_field (fields, "y")) && card != self->drag_card)
    {
      read_position (card);
      self->need_placement |= !card->stored;
    }

  if (has_field (fields, "department"))
    self->need_colors = TRUE;

  if (has_field (fields, "name"))
    {
      g_clear_object (&card->name_layout);

      /* Cards of people who left name their successor. */
      for (guint i = 0; i < self->card_list->len; i++)
        {
          IrMapCanvasCard *other = self->card_list->pdata[i];

          if (g_strcmp0 (ir_entity_get_string (other->entity, "successor"), eid) == 0)
            ir_map_card_update (other->card, self->store);
        }
    }

  if (has_field (fields, "status") || has_field (fields, "successor"))
    ir_map_card_update (card->card, self->store);

  self->need_coverage = TRUE;
}

static void
entity_changed_cb (IrMapCanvas        *self,
                   const char         *entity,
                   const char         *eid,
                   const char * const *fields,
                   gboolean            visibility,
                   IrStore            *store)
{
  if (g_str_equal (entity, "stakeholder"))
    {
      stakeholder_changed (self, eid, fields);
      if (fields != NULL && fields[0] != NULL)
        g_hash_table_insert (self->changed, g_strdup (eid), g_strdup (fields[0]));
    }
  else if (g_str_equal (entity, "link"))
    {
      g_autoptr(IrEntity) link = ir_store_get_entity (store, "link", eid);

      if (link != NULL && ir_entity_is_visible (link))
        g_hash_table_replace (self->links, g_strdup (eid), g_object_ref (link));
      else
        g_hash_table_remove (self->links, eid);
      self->shapes_dirty = TRUE;
      self->need_broken = TRUE;
    }
  else if (g_str_equal (entity, "relationship") || g_str_equal (entity, "interaction") ||
           g_str_equal (entity, "interaction_participant") || g_str_equal (entity, "member") ||
           g_str_equal (entity, "room_setting") || g_str_equal (entity, "room"))
    self->need_coverage = TRUE;
  else
    return;

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
tx_applied_cb (IrMapCanvas *self,
               guint        flags,
               IrStore     *store)
{
  GHashTableIter iter;
  gpointer key, value;

  /* Show whose edit just arrived on the cards it touched. */
  if (flags & IR_APPLY_REMOTE)
    {
      g_hash_table_iter_init (&iter, self->changed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          IrMapCanvasCard *card = g_hash_table_lookup (self->cards, key);
          g_autofree char *author = NULL;

          if (card == NULL)
            continue;
          author = ir_actor_dup_name (store, ir_entity_get_field_actor (card->entity, value));
          ir_map_card_show_change (card->card, author);
        }
    }
  g_hash_table_remove_all (self->changed);

  if (self->need_placement || self->need_colors || self->need_broken)
    schedule_refresh (self, 0);
  else if (self->need_coverage)
    schedule_refresh (self, COVERAGE_DELAY_MS);
}

/* Shows the cards and links of the canvas's new store and follows it. */
void
ir_map_canvas_watch_store (IrMapCanvas *self)
{
  g_autoptr(IrEntityList) stakeholders = ir_store_list (self->store, "stakeholder");
  g_autoptr(IrEntityList) links = ir_store_list (self->store, "link");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (stakeholders));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (stakeholders), i);

      add_card (self, person);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (links));
  for (guint i = 0; i < n; i++)
    {
      IrEntity *link = g_list_model_get_item (G_LIST_MODEL (links), i);

      g_hash_table_insert (self->links, g_strdup (ir_entity_get_id (link)), link);
    }

  self->entity_changed_id = g_signal_connect_object (self->store, "entity-changed",
                                                     G_CALLBACK (entity_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  self->tx_applied_id = g_signal_connect_object (self->store, "tx-applied",
                                                 G_CALLBACK (tx_applied_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->need_broken = TRUE;
  refresh_cb (self);
}

