/* ir-entity.c: the current state of one entity, kept live by its store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-schema-private.h"
#include "ir-store-private.h"

struct _IrEntity
{
  GObject     parent_instance;

  IrStore    *store;      /* weak */
  char       *kind;
  char       *eid;
  GHashTable *values;     /* field → JsonNode */
  gboolean    deleted;
  gboolean    restored;
  gboolean    visible;
  char       *deleted_by;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (IrEntity, ir_entity, G_TYPE_OBJECT)

static JsonNode *
column_to_json (sqlite3_stmt      *stmt,
                int                column,
                const IrFieldSpec *spec)
{
  JsonNode *node;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  switch (spec->type)
    {
    case IR_VALUE_INT:
    case IR_VALUE_TIME:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, sqlite3_column_int64 (stmt, column));
      return node;
    case IR_VALUE_BOOL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, sqlite3_column_int (stmt, column));
      return node;
    case IR_VALUE_REAL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, sqlite3_column_double (stmt, column));
      return node;
    case IR_VALUE_JSON:
      return json_from_string ((const char *) sqlite3_column_text (stmt, column), NULL);
    default:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, (const char *) sqlite3_column_text (stmt, column));
      return node;
    }
}

static void
load (IrEntity *self)
{
  IrStore *store = self->store;
  char sql[160];
  sqlite3_stmt *stmt;

  g_hash_table_remove_all (self->values);
  if (store == NULL || store->db == NULL)
    return;

  g_snprintf (sql, sizeof sql, "SELECT * FROM \"e_%s\" WHERE eid = ?", self->kind);
  stmt = ir_store_prepare_text (store, sql);
  if (stmt == NULL)
    return;

  sqlite3_bind_text (stmt, 1, self->eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        {
          const char *name = sqlite3_column_name (stmt, c);
          const IrFieldSpec *spec = ir_schema_lookup_field (store->schema, self->kind, name);
          JsonNode *value = spec ? column_to_json (stmt, c, spec) : NULL;

          if (value != NULL)
            g_hash_table_insert (self->values, g_strdup (spec->name), value);
        }
    }
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (store, "SELECT deleted, restored, deleted_by FROM entities WHERE eid = ?");
  sqlite3_bind_text (stmt, 1, self->eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->deleted = sqlite3_column_int (stmt, 0);
      self->restored = sqlite3_column_int (stmt, 1);
      g_free (self->deleted_by);
      self->deleted_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  self->visible = ir_store_entity_visible (store, self->eid);
}

static void
store_gone_cb (gpointer  data,
               GObject  *where_the_store_was)
{
  IrEntity *self = data;

  self->store = NULL;
}

static void
ir_entity_dispose (GObject *object)
{
  IrEntity *self = IR_ENTITY (object);

  if (self->store != NULL)
    {
      g_hash_table_remove (self->store->live, self->eid);
      g_object_weak_unref (G_OBJECT (self->store), store_gone_cb, self);
      self->store = NULL;
    }

  G_OBJECT_CLASS (ir_entity_parent_class)->dispose (object);
}

static void
ir_entity_finalize (GObject *object)
{
  IrEntity *self = IR_ENTITY (object);

  g_hash_table_unref (self->values);
  g_free (self->kind);
  g_free (self->eid);
  g_free (self->deleted_by);

  G_OBJECT_CLASS (ir_entity_parent_class)->finalize (object);
}

static void
ir_entity_class_init (IrEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_entity_dispose;
  object_class->finalize = ir_entity_finalize;

  /**
   * IrEntity::changed:
   * @field: the field that changed, or "deleted" when the entity was
   *   deleted or restored
   *
   * Emitted once per changed field, with the field as detail, after the
   * store applied a transaction or a batch of remote operations.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ir_entity_init (IrEntity *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
}

IrEntity *
ir_entity_new (IrStore    *store,
               const char *entity,
               const char *eid)
{
  IrEntity *self = g_object_new (IR_TYPE_ENTITY, NULL);

  self->store = store;
  self->kind = g_strdup (entity);
  self->eid = g_strdup (eid);
  g_object_weak_ref (G_OBJECT (store), store_gone_cb, self);
  g_hash_table_insert (store->live, g_strdup (eid), self);
  load (self);

  return self;
}

/* Reloads from the store and emits "changed" once per changed field. */
void
ir_entity_reload (IrEntity  *self,
                  GPtrArray *changed_fields)
{
  load (self);

  for (guint i = 0; i < changed_fields->len; i++)
    {
      const char *field = g_ptr_array_index (changed_fields, i);

      g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (field), field);
    }
}

const char *
ir_entity_get_kind (IrEntity *self)
{
  return self->kind;
}

const char *
ir_entity_get_id (IrEntity *self)
{
  return self->eid;
}

gboolean
ir_entity_is_deleted (IrEntity *self)
{
  return self->deleted && !self->restored;
}

/* Whether a delete was overridden by an edit its author had not seen. */
gboolean
ir_entity_is_restored (IrEntity *self)
{
  return self->deleted && self->restored;
}

gboolean
ir_entity_is_visible (IrEntity *self)
{
  return self->visible;
}

const char *
ir_entity_get_deleted_by (IrEntity *self)
{
  return self->deleted_by;
}

gboolean
ir_entity_has_field (IrEntity   *self,
                     const char *field)
{
  return g_hash_table_contains (self->values, field);
}

JsonNode *
ir_entity_get_value (IrEntity   *self,
                     const char *field)
{
  return g_hash_table_lookup (self->values, field);
}

const char *
ir_entity_get_string (IrEntity   *self,
                      const char *field)
{
  JsonNode *node = g_hash_table_lookup (self->values, field);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
ir_entity_get_int (IrEntity   *self,
                   const char *field)
{
  JsonNode *node = g_hash_table_lookup (self->values, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  return json_node_get_int (node);
}

double
ir_entity_get_double (IrEntity   *self,
                      const char *field)
{
  JsonNode *node = g_hash_table_lookup (self->values, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0.0;

  return json_node_get_double (node);
}

gboolean
ir_entity_get_boolean (IrEntity   *self,
                       const char *field)
{
  JsonNode *node = g_hash_table_lookup (self->values, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  return json_node_get_boolean (node);
}

/* Whether another member set @field to another value at the same time. */
gboolean
ir_entity_has_conflict (IrEntity   *self,
                        const char *field)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (self->store == NULL)
    return FALSE;

  stmt = ir_store_prepare (self->store, "SELECT 1 FROM conflicts WHERE eid = ? AND field = ? AND same = 0");
  sqlite3_bind_text (stmt, 1, self->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static IrOp *
load_winning_op (IrEntity   *self,
                 const char *field)
{
  IrWinner winner = { 0 };
  IrOp *op;

  if (self->store == NULL || !ir_store_load_winner (self->store, self->eid, field, &winner))
    return NULL;

  op = ir_store_load_op (self->store, winner.n);
  g_free (winner.id);
  return op;
}

/* Who wrote the value @field shows; an interned string. */
const char *
ir_entity_get_field_actor (IrEntity   *self,
                           const char *field)
{
  g_autoptr(IrOp) op = load_winning_op (self, field);

  return op ? g_intern_string (op->actor) : NULL;
}

gint64
ir_entity_get_field_hlc (IrEntity   *self,
                         const char *field)
{
  g_autoptr(IrOp) op = load_winning_op (self, field);

  return op ? op->hlc : 0;
}
