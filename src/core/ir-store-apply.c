/* ir-store-apply.c: applying operations: last writer wins, conflicts,
 * deletes and restores
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applying is commutative: any order of the same set of operations leaves
 * the same tables. The winner of a field is the op with the highest (clock,
 * client id). Its losers are kept as conflicts only when they are
 * concurrent with the winner (neither author had seen the other's write).
 * An entity is restored when its winning delete is concurrent with an edit
 * of any of its other fields.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-schema-private.h"
#include "ir-store-private.h"

#define OP_COLUMNS "n, id, tx, seen, entity, eid, field, value, hlc, actor, schema, seq, received"

/* --- change tracking ----------------------------------------------------- */

void
ir_change_free (IrChange *change)
{
  g_free (change->entity);
  g_free (change->eid);
  g_ptr_array_unref (change->fields);
  g_free (change);
}

void
ir_store_note_change (IrStore    *self,
                      const char *entity,
                      const char *eid,
                      const char *field,
                      gboolean    visibility,
                      gboolean    created)
{
  IrChange *change = g_hash_table_lookup (self->changes, eid);

  if (change == NULL)
    {
      change = g_new0 (IrChange, 1);
      change->entity = g_strdup (entity);
      change->eid = g_strdup (eid);
      change->fields = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->changes, change->eid, change);
    }

  if (field != NULL && !g_ptr_array_find_with_equal_func (change->fields, field, g_str_equal, NULL))
    g_ptr_array_add (change->fields, g_strdup (field));
  change->visibility |= visibility;
  change->created |= created;
}

/* Tells live entities, live lists and listeners what the last batch
 * changed: once per entity. */
void
ir_store_flush_changes (IrStore *self)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_change_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (changes, value);
      g_hash_table_iter_steal (&iter);
    }

  if (changes->len == 0)
    return;

  for (guint i = 0; i < changes->len; i++)
    {
      IrChange *change = g_ptr_array_index (changes, i);
      IrEntity *live = g_hash_table_lookup (self->live, change->eid);

      if (live != NULL)
        ir_entity_reload (live, change->fields);
    }

  for (guint i = 0; i < self->lists->len; i++)
    ir_entity_list_apply (g_ptr_array_index (self->lists, i), changes);

  for (guint i = 0; i < changes->len; i++)
    {
      IrChange *change = g_ptr_array_index (changes, i);

      g_ptr_array_add (change->fields, NULL);
      ir_store_emit_entity_changed (self, change->entity, change->eid,
                                    (const char * const *) change->fields->pdata,
                                    change->visibility || change->created);
      g_ptr_array_remove_index (change->fields, change->fields->len - 1);
    }
}

/* --- reading ops --------------------------------------------------------- */

IrOp *
ir_store_op_from_row (sqlite3_stmt *stmt,
                      int           c)
{
  IrOp *op = ir_op_new ();
  const char *value = (const char *) sqlite3_column_text (stmt, c + 7);

  op->id = g_strdup ((const char *) sqlite3_column_text (stmt, c + 1));
  op->tx = g_strdup ((const char *) sqlite3_column_text (stmt, c + 2));
  op->seen = sqlite3_column_int64 (stmt, c + 3);
  op->entity = g_strdup ((const char *) sqlite3_column_text (stmt, c + 4));
  op->eid = g_strdup ((const char *) sqlite3_column_text (stmt, c + 5));
  op->field = g_strdup ((const char *) sqlite3_column_text (stmt, c + 6));
  op->value = value ? json_from_string (value, NULL) : NULL;
  if (op->value == NULL)
    op->value = json_node_new (JSON_NODE_NULL);
  op->hlc = sqlite3_column_int64 (stmt, c + 8);
  op->actor = g_strdup ((const char *) sqlite3_column_text (stmt, c + 9));
  op->schema = sqlite3_column_int (stmt, c + 10);
  op->seq = sqlite3_column_int64 (stmt, c + 11);
  op->received = sqlite3_column_int64 (stmt, c + 12);

  return op;
}

IrOp *
ir_store_load_op (IrStore *self,
                  gint64   n)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT " OP_COLUMNS " FROM ops WHERE n = ?");
  IrOp *op = NULL;

  sqlite3_bind_int64 (stmt, 1, n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      op = ir_store_op_from_row (stmt, 0);
      op->room = g_strdup (self->room_id);
    }
  sqlite3_reset (stmt);

  return op;
}

gboolean
ir_store_load_winner (IrStore    *self,
                      const char *eid,
                      const char *field,
                      IrWinner   *winner)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT n, id, hlc, seq, seen FROM fields "
                                         "WHERE eid = ? AND field = ?");
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      winner->n = sqlite3_column_int64 (stmt, 0);
      winner->id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      winner->hlc = sqlite3_column_int64 (stmt, 2);
      winner->seq = sqlite3_column_int64 (stmt, 3);
      winner->seen = sqlite3_column_int64 (stmt, 4);
      found = TRUE;
    }
  sqlite3_reset (stmt);

  return found;
}

/* The comparison and "seen" rules of ir-op.c need only these fields. */
static void
winner_as_op (const IrWinner *winner,
              IrOp           *op)
{
  memset (op, 0, sizeof *op);
  op->id = winner->id;
  op->hlc = winner->hlc;
  op->seq = winner->seq;
  op->seen = winner->seen;
}

char *
ir_store_entity_kind (IrStore    *self,
                      const char *eid)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT entity FROM entities WHERE eid = ?");
  char *kind = NULL;

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return kind;
}

/* An entity is visible unless it, or an ancestor, is deleted and not
 * restored. A parent cycle made by a merge ends the walk after a bounded
 * number of steps instead of looping. */
gboolean
ir_store_entity_visible (IrStore    *self,
                         const char *eid)
{
  g_autofree char *current = g_strdup (eid);

  for (int depth = 0; current != NULL && depth < 64; depth++)
    {
      sqlite3_stmt *stmt = ir_store_prepare (self,
                                             "SELECT parent, deleted, restored FROM entities "
                                             "WHERE eid = ?");
      char *parent = NULL;
      gboolean hidden = FALSE;

      sqlite3_bind_text (stmt, 1, current, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          /* Only the entity itself must exist; a missing parent is a
           * broken link that readers show, not a reason to hide. */
          return depth > 0;
        }

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        parent = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      hidden = sqlite3_column_int (stmt, 1) && !sqlite3_column_int (stmt, 2);
      sqlite3_reset (stmt);

      g_free (current);
      current = parent;
      if (hidden)
        return FALSE;
    }

  return TRUE;
}

/* Roles of a member of the room, from the membership the server wrote.
 * Returns 0 when the actor is not a member. */
guint
ir_store_roles_of (IrStore    *self,
                   const char *actor)
{
  sqlite3_stmt *stmt;
  guint roles = 0;

  if (g_strcmp0 (actor, "server") == 0)
    return IR_ROLE_SERVER;

  stmt = ir_store_prepare (self,
                           "SELECT m.role FROM e_member m JOIN entities e ON e.eid = m.eid "
                           "WHERE m.user = ? AND e.deleted = 0 AND coalesce (m.active, 1) = 1");
  sqlite3_bind_text (stmt, 1, actor, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    roles |= ir_role_from_string ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return roles;
}

/* --- writing state ------------------------------------------------------- */

static void
bind_value (sqlite3_stmt      *stmt,
            int                index,
            const IrFieldSpec *spec,
            JsonNode          *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  switch (spec->type)
    {
    case IR_VALUE_INT:
    case IR_VALUE_TIME:
      sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
      break;
    case IR_VALUE_BOOL:
      sqlite3_bind_int (stmt, index, json_node_get_boolean (value));
      break;
    case IR_VALUE_REAL:
      sqlite3_bind_double (stmt, index, json_node_get_double (value));
      break;
    case IR_VALUE_JSON:
      sqlite3_bind_text (stmt, index, ir_json_to_string (value), -1, g_free);
      break;
    default:
      sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    }
}

static gboolean
write_column (IrStore            *self,
              IrOp               *op,
              const IrFieldSpec  *spec,
              GError            **error)
{
  char sql[256];
  sqlite3_stmt *stmt;

  if (g_str_equal (op->field, "deleted"))
    {
      gboolean deleted = op->value && JSON_NODE_HOLDS_VALUE (op->value) &&
                         json_node_get_boolean (op->value);

      if (deleted)
        g_hash_table_add (self->deleted_eids, g_strdup (op->eid));
      else
        g_hash_table_remove (self->deleted_eids, op->eid);

      stmt = ir_store_prepare (self, "UPDATE entities SET deleted = ? WHERE eid = ?");
      sqlite3_bind_int (stmt, 1, deleted);
    }
  else
    {
      g_snprintf (sql, sizeof sql, "UPDATE \"e_%s\" SET \"%s\" = ? WHERE eid = ?",
                  op->entity, op->field);
      stmt = ir_store_prepare_text (self, sql);
      bind_value (stmt, 1, spec, op->value);
    }

  sqlite3_bind_text (stmt, 2, op->eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "write a field");
  sqlite3_reset (stmt);

  /* The parent is kept beside the entity for visibility walks. */
  if (spec->flags & IR_FIELD_PARENT)
    {
      stmt = ir_store_prepare (self, "UPDATE entities SET parent = ? WHERE eid = ?");
      bind_value (stmt, 1, spec, op->value);
      sqlite3_bind_text (stmt, 2, op->eid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return ir_store_sql_error (self, error, "write a parent");
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
set_winner (IrStore  *self,
            IrOp     *op,
            gint64    n,
            GError  **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "INSERT OR REPLACE INTO fields "
                                         "(eid, field, n, id, hlc, seq, seen) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?)");

  sqlite3_bind_text (stmt, 1, op->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op->field, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, n);
  sqlite3_bind_text (stmt, 4, op->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, op->hlc);
  if (op->seq > 0)
    sqlite3_bind_int64 (stmt, 6, op->seq);
  sqlite3_bind_int64 (stmt, 7, op->seen);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "record a field's winner");
  sqlite3_reset (stmt);

  return TRUE;
}

/* Loads every applied op of one field; each op's local row number goes to
 * @numbers at the same index. */
static GPtrArray *
load_field_ops (IrStore     *self,
                const char  *eid,
                const char  *field,
                GArray     **numbers)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops "
                                         "WHERE eid = ? AND field = ? AND state = 0");
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  *numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (ops, ir_store_op_from_row (stmt, 0));
      g_array_append_val (*numbers, n);
    }
  sqlite3_reset (stmt);

  return ops;
}

/* Conflicts of a field are the ops that lost to its winner without either
 * author having seen the other's write. A loser that wrote the winner's
 * value is stored with "same" set and not shown, because the two writes
 * agree. It is still stored so that a later winner with another value
 * shows it as a conflict. */
static gboolean
recompute_conflicts (IrStore     *self,
                     const char  *eid,
                     const char  *field,
                     IrOp        *winner,
                     GError     **error)
{
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) ops = load_field_ops (self, eid, field, &numbers);
  sqlite3_stmt *stmt = ir_store_prepare (self, "DELETE FROM conflicts WHERE eid = ? AND field = ?");

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "clear conflicts");
  sqlite3_reset (stmt);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      if (g_str_equal (op->id, winner->id) || !ir_op_is_concurrent (op, winner))
        continue;

      stmt = ir_store_prepare (self, "INSERT OR IGNORE INTO conflicts (eid, field, n, same) "
                                     "VALUES (?, ?, ?, ?)");
      sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (numbers, gint64, i));
      sqlite3_bind_int (stmt, 4, json_node_equal (op->value, winner->value));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return ir_store_sql_error (self, error, "record a conflict");
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
has_conflicts (IrStore    *self,
               const char *eid,
               const char *field)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT 1 FROM conflicts WHERE eid = ? AND field = ?");
  gboolean found;

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
add_conflict (IrStore     *self,
              IrOp        *op,
              gint64       n,
              gboolean     same,
              GError     **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "INSERT OR IGNORE INTO conflicts (eid, field, n, same) "
                                         "VALUES (?, ?, ?, ?)");

  sqlite3_bind_text (stmt, 1, op->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op->field, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, n);
  sqlite3_bind_int (stmt, 4, same);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "record a conflict");
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
set_restored (IrStore     *self,
              const char  *eid,
              gboolean     restored,
              const char  *deleted_by,
              GError     **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "UPDATE entities SET restored = ?, deleted_by = ? "
                                         "WHERE eid = ?");

  sqlite3_bind_int (stmt, 1, restored);
  sqlite3_bind_text (stmt, 2, deleted_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "mark a restore");
  sqlite3_reset (stmt);

  return TRUE;
}

/* Recomputes whether @eid is restored: its winning "deleted" is true and
 * some edit of another field is concurrent with that delete. */
static gboolean
recompute_restored (IrStore     *self,
                    const char  *eid,
                    GError     **error)
{
  IrWinner winner = { 0 };
  g_autoptr(IrOp) delete_op = NULL;
  gboolean restored = FALSE;
  sqlite3_stmt *stmt;

  if (!ir_store_load_winner (self, eid, "deleted", &winner))
    return set_restored (self, eid, FALSE, NULL, error);

  delete_op = ir_store_load_op (self, winner.n);
  g_free (winner.id);

  if (delete_op == NULL || !JSON_NODE_HOLDS_VALUE (delete_op->value) ||
      !json_node_get_boolean (delete_op->value))
    return set_restored (self, eid, FALSE, delete_op ? delete_op->actor : NULL, error);

  stmt = ir_store_prepare (self,
                           "SELECT " OP_COLUMNS " FROM ops "
                           "WHERE eid = ? AND field != 'deleted' AND state = 0");
  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  while (!restored && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IrOp) edit = ir_store_op_from_row (stmt, 0);

      restored = ir_op_is_concurrent (edit, delete_op);
    }
  sqlite3_reset (stmt);

  return set_restored (self, eid, restored, delete_op->actor, error);
}

static gboolean
entity_is_deleted (IrStore    *self,
                   const char *eid)
{
  return g_hash_table_contains (self->deleted_eids, eid);
}

/* --- applying one op ----------------------------------------------------- */

/* Inserts @op into the log. Returns its row number, 0 when the log already
 * had it (and marks it synced when @op carries the server's sequence), or
 * -1 with @error set. */
static gint64
insert_op (IrStore     *self,
           IrOp        *op,
           IrOpState    state,
           GError     **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "INSERT OR IGNORE INTO ops (id, tx, seen, entity, eid, "
                                         "field, value, hlc, actor, schema, seq, received, state) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  char *value = ir_json_to_string (op->value);

  sqlite3_bind_text (stmt, 1, op->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op->tx, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, op->seen);
  sqlite3_bind_text (stmt, 4, op->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, op->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, op->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, value, -1, g_free);
  sqlite3_bind_int64 (stmt, 8, op->hlc);
  sqlite3_bind_text (stmt, 9, op->actor, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, op->schema);
  if (op->seq > 0)
    sqlite3_bind_int64 (stmt, 11, op->seq);
  if (op->received > 0)
    sqlite3_bind_int64 (stmt, 12, op->received);
  sqlite3_bind_int (stmt, 13, state);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ir_store_sql_error (self, error, "append to the operation log");
      return -1;
    }
  sqlite3_reset (stmt);

  if (sqlite3_changes (self->db) == 0)
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

/* Handles an op whose id the log already contains. The same content is a
 * repeat, which may now carry the server's sequence. Other content means
 * that two replicas used one client id. */
static gboolean
check_duplicate (IrStore     *self,
                 IrOp        *op,
                 GError     **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT " OP_COLUMNS " FROM ops WHERE id = ?");
  g_autoptr(IrOp) stored = NULL;

  sqlite3_bind_text (stmt, 1, op->id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = ir_store_op_from_row (stmt, 0);
  sqlite3_reset (stmt);

  if (stored == NULL)
    return TRUE;

  stored->room = g_strdup (op->room);
  if (!ir_op_same_content (stored, op))
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Operation %s arrived twice with different content: client id reused"),
                   op->id);
      return FALSE;
    }

  if (op->seq > 0 && stored->seq == 0)
    ir_store_mark_synced (self, op->id, op->seq, op->received);

  return TRUE;
}

static gboolean
ensure_entity (IrStore     *self,
               IrOp        *op,
               GError     **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "INSERT OR IGNORE INTO entities (eid, entity) VALUES (?, ?)");
  char sql[160];

  sqlite3_bind_text (stmt, 1, op->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, op->entity, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "add an entity");
  sqlite3_reset (stmt);

  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  g_snprintf (sql, sizeof sql, "INSERT OR IGNORE INTO \"e_%s\" (eid) VALUES (?)", op->entity);
  stmt = ir_store_prepare_text (self, sql);
  sqlite3_bind_text (stmt, 1, op->eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return ir_store_sql_error (self, error, "add an entity");
  sqlite3_reset (stmt);

  ir_store_note_change (self, op->entity, op->eid, NULL, TRUE, TRUE);
  return TRUE;
}

/* Applies the state change of an op already in the log as row @n. */
static gboolean
apply_state (IrStore     *self,
             IrOp        *op,
             gint64       n,
             GError     **error)
{
  const IrFieldSpec *spec = ir_schema_lookup_field (self->schema, op->entity, op->field);
  IrWinner winner = { 0 };
  gboolean is_delete_field = g_str_equal (op->field, "deleted");
  gboolean wins;
  gboolean ok = TRUE;

  if (!ir_store_load_winner (self, op->eid, op->field, &winner))
    {
      /* A field without a winner may be the entity's first. */
      if (!ensure_entity (self, op, error))
        return FALSE;
      wins = TRUE;
      ok = set_winner (self, op, n, error) && write_column (self, op, spec, error);
    }
  else
    {
      IrOp current;

      winner_as_op (&winner, &current);
      wins = ir_op_compare_clock (op, &current) > 0;

      if (wins)
        {
          gboolean concurrent = ir_op_is_concurrent (op, &current);

          ok = set_winner (self, op, n, error) && write_column (self, op, spec, error);
          if (ok && (concurrent || has_conflicts (self, op->eid, op->field)))
            ok = recompute_conflicts (self, op->eid, op->field, op, error);
          if (ok && concurrent)
            ir_store_note_change (self, op->entity, op->eid, op->field, FALSE, FALSE);
        }
      else if (ir_op_is_concurrent (op, &current))
        {
          g_autoptr(IrOp) current_op = ir_store_load_op (self, winner.n);
          gboolean same = current_op != NULL && json_node_equal (current_op->value, op->value);

          ok = add_conflict (self, op, n, same, error);
          if (!same)
            ir_store_note_change (self, op->entity, op->eid, op->field, FALSE, FALSE);
        }

      g_free (winner.id);
    }

  if (!ok)
    return FALSE;

  if (wins)
    ir_store_note_change (self, op->entity, op->eid, op->field, is_delete_field, FALSE);

  /* A delete and an edit its author had not seen: the entity comes back. */
  if (is_delete_field && wins)
    return recompute_restored (self, op->eid, error);

  if (!is_delete_field && entity_is_deleted (self, op->eid))
    {
      IrWinner deleted = { 0 };

      if (ir_store_load_winner (self, op->eid, "deleted", &deleted))
        {
          g_autoptr(IrOp) delete_op = ir_store_load_op (self, deleted.n);

          g_free (deleted.id);
          if (delete_op != NULL && ir_op_is_concurrent (op, delete_op))
            {
              ir_store_note_change (self, op->entity, op->eid, "deleted", TRUE, FALSE);
              return set_restored (self, op->eid, TRUE, delete_op->actor, error);
            }
        }
    }

  return TRUE;
}

/* Applies an op already in the log again, for the sync code that
 * recomputes a field after refusing, re-stamping or re-keying ops. */
gboolean
ir_store_apply_state (IrStore     *self,
                      IrOp        *op,
                      gint64       n,
                      GError     **error)
{
  return apply_state (self, op, n, error);
}

/**
 * ir_store_apply_op:
 * @local: whether this replica wrote @op
 *
 * Appends @op to the log and applies it. An op of a newer schema version,
 * or of an entity or field this replica's schema lacks, waits in the log
 * and is applied after an upgrade. Applying an op the log already contains
 * changes nothing.
 */
gboolean
ir_store_apply_op (IrStore  *self,
                   IrOp     *op,
                   gboolean  local,
                   GError  **error)
{
  gboolean known;
  gint64 n;

  known = op->schema <= ir_schema_get_version (self->schema) &&
          ir_schema_lookup_field (self->schema, op->entity, op->field) != NULL;

  n = insert_op (self, op, known ? IR_OP_APPLIED : IR_OP_WAITING, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    return check_duplicate (self, op, error);

  if (!local)
    ir_hlc_observe (&self->clock, op->hlc, ir_store_wall_ms (self));

  if (!known)
    return TRUE;

  return apply_state (self, op, n, error);
}

/* --- remote batches ------------------------------------------------------ */

static gboolean
op_in_log (IrStore    *self,
           const char *id)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT 1 FROM ops WHERE id = ?");
  gboolean found;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
check_remote_op (IrStore  *self,
                 IrOp     *op,
                 GError  **error)
{
  guint roles;

  if (g_strcmp0 (op->room, self->room_id) != 0)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_WRONG_ROOM,
                   _("Operation %s belongs to room %s, not to this room (%s)."),
                   op->id, op->room, self->room_id);
      return FALSE;
    }

  /* Ops of a newer schema wait: they cannot be checked yet. */
  if (op->schema > ir_schema_get_version (self->schema) ||
      ir_schema_lookup_field (self->schema, op->entity, op->field) == NULL)
    {
      if (op->schema <= ir_schema_get_version (self->schema))
        return ir_schema_validate_value (self->schema, op->entity, op->field, op->value, error);
      return TRUE;
    }

  if (!ir_schema_validate_value (self->schema, op->entity, op->field, op->value, error))
    return FALSE;

  /* Where the room's membership names the author, its role must allow the
   * write; a room without a server has no membership records. */
  if (!g_hash_table_lookup_extended (self->batch_roles, op->actor, NULL, NULL))
    g_hash_table_insert (self->batch_roles, g_strdup (op->actor),
                         GUINT_TO_POINTER (ir_store_roles_of (self, op->actor)));
  roles = GPOINTER_TO_UINT (g_hash_table_lookup (self->batch_roles, op->actor));
  if (roles == 0 || ir_schema_check_writer (self->schema, op->entity, op->field, roles, NULL))
    return TRUE;

  /* An op the log already contains was checked when it arrived, before the
   * memberships it may itself have built. Applying it again compares the
   * content and reports a reused client id. Looking it up only here keeps
   * the query out of the loop for every other op. */
  if (op_in_log (self, op->id))
    return TRUE;

  return ir_schema_check_writer (self->schema, op->entity, op->field, roles, error);
}

/**
 * ir_store_apply_remote:
 * @ops: (element-type IrOp): operations of other replicas, whole transactions
 *
 * Applies a batch of other replicas' operations in one SQL transaction. The
 * batch is checked first; an invalid op refuses the whole batch and leaves
 * the store unchanged.
 */
gboolean
ir_store_apply_remote (IrStore    *self,
                       GPtrArray  *ops,
                       GError    **error)
{
  if (ops->len == 0)
    return TRUE;

  if (self->room_id == NULL && !ir_store_set_room_id (self, ((IrOp *) ops->pdata[0])->room, error))
    return FALSE;

  g_hash_table_remove_all (self->batch_roles);
  for (guint i = 0; i < ops->len; i++)
    if (!check_remote_op (self, g_ptr_array_index (ops, i), error))
      return FALSE;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  for (guint i = 0; i < ops->len; i++)
    if (!ir_store_apply_op (self, g_ptr_array_index (ops, i), FALSE, error))
      goto failed;

  ir_store_save_counter (self);
  if (!ir_store_commit_sql (self, error))
    goto failed;

  ir_store_flush_changes (self);
  ir_store_emit_tx_applied (self, IR_APPLY_REMOTE);
  return TRUE;

failed:
  ir_store_rollback_sql (self);
  g_hash_table_remove_all (self->changes);
  ir_store_load_deleted (self);
  return FALSE;
}

/* Applies the ops that waited for a schema this replica now has. Returns how
 * many it applied. */
guint
ir_store_apply_pending (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT " OP_COLUMNS " FROM ops WHERE state = 1");
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint applied = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 0);

      if (op->schema <= ir_schema_get_version (self->schema) &&
          ir_schema_lookup_field (self->schema, op->entity, op->field) != NULL)
        {
          g_ptr_array_add (ops, op);
          g_array_append_val (numbers, n);
        }
      else
        ir_op_free (op);
    }
  sqlite3_reset (stmt);

  if (ops->len == 0 || !ir_store_begin_sql (self, NULL))
    return 0;

  for (guint i = 0; i < ops->len; i++)
    {
      g_autoptr(GError) error = NULL;
      IrOp *op = g_ptr_array_index (ops, i);
      gint64 n = g_array_index (numbers, gint64, i);

      stmt = ir_store_prepare (self, "UPDATE ops SET state = 0 WHERE n = ?");
      sqlite3_bind_int64 (stmt, 1, n);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (!apply_state (self, op, n, &error))
        g_warning ("Failed to apply waiting operation %s: %s", op->id, error->message);
      else
        applied++;
    }

  ir_store_commit_sql (self, NULL);
  ir_store_flush_changes (self);
  ir_store_emit_tx_applied (self, IR_APPLY_REMOTE);

  return applied;
}

/* --- sync bookkeeping ---------------------------------------------------- */

void
ir_store_mark_synced (IrStore    *self,
                      const char *op_id,
                      gint64      seq,
                      gint64      received)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "UPDATE ops SET seq = ?, received = ? "
                                         "WHERE id = ? AND seq IS NULL");

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, received);
  sqlite3_bind_text (stmt, 3, op_id, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (self, "UPDATE fields SET seq = ? WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, op_id, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
}

static GPtrArray *
collect_ops (IrStore      *self,
             sqlite3_stmt *stmt)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);

      op->room = g_strdup (self->room_id);
      g_ptr_array_add (ops, op);
    }
  sqlite3_reset (stmt);

  return ops;
}

/**
 * ir_store_get_unpushed:
 * @max_ops: about how many ops to return; whole transactions are kept
 *   together, so a large transaction may exceed it
 *
 * Returns the ops the server has not stored yet, oldest transaction first:
 * this replica's own edits, and a local-only room's whole history.
 */
GPtrArray *
ir_store_get_unpushed (IrStore *self,
                       guint    max_ops)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops "
                                         "WHERE seq IS NULL AND state != 2 ORDER BY n");
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);
      IrOp *last = ops->len ? g_ptr_array_index (ops, ops->len - 1) : NULL;

      if (ops->len >= max_ops && last != NULL && !g_str_equal (last->tx, op->tx))
        {
          ir_op_free (op);
          break;
        }

      op->room = g_strdup (self->room_id);
      g_ptr_array_add (ops, op);
    }
  sqlite3_reset (stmt);

  return ops;
}

guint
ir_store_count_unpushed (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT count(*) FROM ops WHERE seq IS NULL AND state != 2");
  guint count = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Returns synced ops after @seq in sequence order, whole transactions. */
GPtrArray *
ir_store_get_ops_after (IrStore *self,
                        gint64   seq,
                        guint    max_ops)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops "
                                         "WHERE seq > ? ORDER BY seq LIMIT ?");
  g_autoptr(GPtrArray) ops = NULL;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int (stmt, 2, max_ops + 1);
  ops = collect_ops (self, stmt);

  /* Drop a transaction cut by the limit unless it is the only one. */
  if (ops->len > max_ops)
    {
      const char *cut = ((IrOp *) ops->pdata[ops->len - 1])->tx;
      guint keep = ops->len - 1;

      while (keep > 0 && g_str_equal (((IrOp *) ops->pdata[keep - 1])->tx, cut))
        keep--;
      if (keep > 0)
        g_ptr_array_set_size (ops, keep);
      else
        {
          /* One transaction larger than a page still travels whole. */
          g_autofree char *tx = g_strdup (cut);

          g_clear_pointer (&ops, g_ptr_array_unref);
          stmt = ir_store_prepare (self,
                                   "SELECT " OP_COLUMNS " FROM ops "
                                   "WHERE seq > ? AND tx = ? ORDER BY seq");
          sqlite3_bind_int64 (stmt, 1, seq);
          sqlite3_bind_text (stmt, 2, tx, -1, SQLITE_STATIC);
          ops = collect_ops (self, stmt);
        }
    }

  return g_steal_pointer (&ops);
}
