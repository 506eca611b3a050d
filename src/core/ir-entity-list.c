/* ir-entity-list.c: a live GListModel of the visible entities of one kind
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-store-private.h"

/* Past this many changed items in one batch, one replacement of the whole
 * list costs less than the single updates. */
#define BULK_THRESHOLD 256

struct _IrEntityList
{
  GObject     parent_instance;

  IrStore    *store;       /* weak */
  char       *kind;
  char       *filter_field;
  char       *filter_value;
  char       *sort_field;
  GPtrArray  *items;       /* IrEntity* */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (IrEntityList, ir_entity_list, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* --- GListModel ---------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return IR_TYPE_ENTITY;
}

static guint
get_n_items (GListModel *model)
{
  return IR_ENTITY_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  IrEntityList *self = IR_ENTITY_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* --- ordering and membership --------------------------------------------- */

static int
compare_nodes (JsonNode *a,
               JsonNode *b)
{
  GType type;

  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  type = json_node_get_value_type (a);
  if (type == G_TYPE_STRING && json_node_get_value_type (b) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b));
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE || type == G_TYPE_BOOLEAN)
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      return (x > y) - (x < y);
    }

  return 0;
}

/* Sorted by the sort field (missing values last), then by id, so that the
 * order is the same on every replica. */
static int
compare_entities (IrEntityList *self,
                  IrEntity     *a,
                  IrEntity     *b)
{
  if (self->sort_field != NULL)
    {
      int cmp = compare_nodes (ir_entity_get_value (a, self->sort_field),
                               ir_entity_get_value (b, self->sort_field));

      if (cmp != 0)
        return cmp;
    }

  return g_strcmp0 (ir_entity_get_id (a), ir_entity_get_id (b));
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return compare_entities (user_data, *(IrEntity **) a, *(IrEntity **) b);
}

static gboolean
belongs (IrEntityList *self,
         IrEntity     *entity)
{
  if (!ir_entity_is_visible (entity))
    return FALSE;

  if (self->filter_field != NULL)
    return g_strcmp0 (ir_entity_get_string (entity, self->filter_field), self->filter_value) == 0;

  return TRUE;
}

static guint
insertion_point (IrEntityList *self,
                 IrEntity     *entity)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (compare_entities (self, g_ptr_array_index (self->items, mid), entity) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gboolean
find_item (IrEntityList *self,
           const char   *eid,
           guint        *position)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (ir_entity_get_id (g_ptr_array_index (self->items, i)), eid))
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
load_all (IrEntityList *self)
{
  g_autoptr(GPtrArray) ids = ir_store_list_ids (self->store, self->kind, FALSE);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      IrEntity *entity = ir_store_get_entity (self->store, self->kind, ids->pdata[i]);

      if (entity != NULL && belongs (self, entity))
        g_ptr_array_add (self->items, entity);
      else if (entity != NULL)
        g_object_unref (entity);
    }

  g_ptr_array_sort_with_data (self->items, compare_cb, self);
}

/* --- updates ------------------------------------------------------------- */

static gboolean
change_touches_list (IrEntityList *self,
                     IrChange     *change)
{
  /* A delete or restore of another kind can hide or show our items
   * through their parent. */
  return g_str_equal (change->entity, self->kind) || change->visibility;
}

static void
apply_one (IrEntityList *self,
           IrChange     *change)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, self->kind, change->eid);
  guint position;
  gboolean present = find_item (self, change->eid, &position);
  gboolean wanted = entity != NULL && belongs (self, entity);

  if (present && !wanted)
    {
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  else if (!present && wanted)
    {
      position = insertion_point (self, entity);
      g_ptr_array_insert (self->items, position, g_object_ref (entity));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
  else if (present && self->sort_field != NULL &&
           g_ptr_array_find_with_equal_func (change->fields, self->sort_field, g_str_equal, NULL))
    {
      guint target;

      /* The item moved: take it out and put it back where it sorts now. */
      g_ptr_array_remove_index (self->items, position);
      target = insertion_point (self, entity);
      g_ptr_array_insert (self->items, target, g_object_ref (entity));
      if (target != position)
        {
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), target, 0, 1);
        }
    }
}

void
ir_entity_list_apply (IrEntityList *self,
                      GPtrArray    *changes)
{
  guint relevant = 0;
  gboolean foreign_visibility = FALSE;

  if (self->store == NULL)
    return;

  for (guint i = 0; i < changes->len; i++)
    {
      IrChange *change = g_ptr_array_index (changes, i);

      if (!change_touches_list (self, change))
        continue;
      relevant++;
      if (!g_str_equal (change->entity, self->kind))
        foreign_visibility = TRUE;
    }

  if (relevant == 0)
    return;

  /* A parent deleted or restored, or a large batch: recompute the list and
   * replace it with one notification. */
  if (relevant > BULK_THRESHOLD || foreign_visibility)
    {
      guint old_len = self->items->len;

      load_all (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      IrChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->entity, self->kind))
        apply_one (self, change);
    }
}

/* --- object -------------------------------------------------------------- */

static void
ir_entity_list_dispose (GObject *object)
{
  IrEntityList *self = IR_ENTITY_LIST (object);

  if (self->store != NULL)
    {
      g_ptr_array_remove (self->store->lists, self);
      g_object_remove_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
      self->store = NULL;
    }

  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (ir_entity_list_parent_class)->dispose (object);
}

static void
ir_entity_list_finalize (GObject *object)
{
  IrEntityList *self = IR_ENTITY_LIST (object);

  g_ptr_array_unref (self->items);
  g_free (self->kind);
  g_free (self->filter_field);
  g_free (self->filter_value);
  g_free (self->sort_field);

  G_OBJECT_CLASS (ir_entity_list_parent_class)->finalize (object);
}

static void
ir_entity_list_class_init (IrEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_entity_list_dispose;
  object_class->finalize = ir_entity_list_finalize;
}

static void
ir_entity_list_init (IrEntityList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

IrEntityList *
ir_entity_list_new (IrStore    *store,
                    const char *entity,
                    const char *field,
                    const char *value)
{
  IrEntityList *self = g_object_new (IR_TYPE_ENTITY_LIST, NULL);

  self->store = store;
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &self->store);
  g_ptr_array_add (store->lists, self);
  self->kind = g_strdup (entity);
  self->filter_field = g_strdup (field);
  self->filter_value = g_strdup (value);
  load_all (self);

  return self;
}

const char *
ir_entity_list_get_kind (IrEntityList *self)
{
  return self->kind;
}

/* Returns the item with id @eid, or %NULL; (transfer none). */
IrEntity *
ir_entity_list_lookup (IrEntityList *self,
                       const char   *eid)
{
  guint position;

  return find_item (self, eid, &position) ? g_ptr_array_index (self->items, position) : NULL;
}

/* Sorts the list by @field, then by id; %NULL sorts by id alone. */
void
ir_entity_list_set_sort (IrEntityList *self,
                         const char   *field)
{
  guint n = self->items->len;

  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  g_ptr_array_sort_with_data (self->items, compare_cb, self);
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}
