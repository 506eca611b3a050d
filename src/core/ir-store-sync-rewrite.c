/* ir-store-sync-rewrite.c: rolling back refused transactions, re-stamping
 * and re-keying unpushed ops
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refusing, re-stamping and re-keying change which op wins a field. Each of
 * them updates the log first, then recomputes every field it touched from
 * the ops that remain. A field's winner and conflicts are cleared and its
 * remaining ops applied again, in any order because applying commutes. The
 * entity's "deleted" field comes last, so that its restored mark takes
 * every edit into account.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-store-private.h"
#include "ir-store-sync.h"

#define OP_COLUMNS "n, id, tx, seen, entity, eid, field, value, hlc, actor, schema, seq, received"

/* --- recomputing fields -------------------------------------------------- */

typedef struct
{
  char *entity;
  char *eid;
  char *field;
} FieldKey;

static void
field_key_free (FieldKey *key)
{
  g_free (key->entity);
  g_free (key->eid);
  g_free (key->field);
  g_free (key);
}

static guint
field_key_hash (gconstpointer data)
{
  const FieldKey *key = data;

  return g_str_hash (key->eid) * 31 + g_str_hash (key->field);
}

static gboolean
field_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const FieldKey *ka = a, *kb = b;

  return g_str_equal (ka->eid, kb->eid) && g_str_equal (ka->field, kb->field);
}

static GHashTable *
field_set_new (void)
{
  return g_hash_table_new_full (field_key_hash, field_key_equal,
                                (GDestroyNotify) field_key_free, NULL);
}

static void
field_set_add (GHashTable *set,
               const IrOp *op)
{
  FieldKey *key = g_new0 (FieldKey, 1);

  key->entity = g_strdup (op->entity);
  key->eid = g_strdup (op->eid);
  key->field = g_strdup (op->field);
  g_hash_table_add (set, key);
}

static gboolean
run_statement (IrStore       *self,
               sqlite3_stmt  *stmt,
               const char    *what,
               GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ir_store_sql_error (self, error, what);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Forgets the winner, conflicts and column value of one field. */
static gboolean
clear_field (IrStore         *self,
             const FieldKey  *key,
             GError         **error)
{
  const IrFieldSpec *spec = ir_schema_lookup_field (self->schema, key->entity, key->field);
  sqlite3_stmt *stmt;

  stmt = ir_store_prepare (self, "DELETE FROM fields WHERE eid = ? AND field = ?");
  sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key->field, -1, SQLITE_STATIC);
  if (!run_statement (self, stmt, "clear a field's winner", error))
    return FALSE;

  stmt = ir_store_prepare (self, "DELETE FROM conflicts WHERE eid = ? AND field = ?");
  sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key->field, -1, SQLITE_STATIC);
  if (!run_statement (self, stmt, "clear a field's conflicts", error))
    return FALSE;

  if (g_str_equal (key->field, "deleted"))
    {
      g_hash_table_remove (self->deleted_eids, key->eid);
      stmt = ir_store_prepare (self,
                               "UPDATE entities SET deleted = 0, restored = 0, deleted_by = NULL "
                               "WHERE eid = ?");
      sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
      return run_statement (self, stmt, "clear a delete", error);
    }

  /* An op of a field this replica does not know is waiting in the log and
   * never reached a column. */
  if (spec == NULL)
    return TRUE;

  {
    char sql[256];

    g_snprintf (sql, sizeof sql, "UPDATE \"e_%s\" SET \"%s\" = NULL WHERE eid = ?",
                key->entity, key->field);
    stmt = ir_store_prepare_text (self, sql);
    sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
    if (!run_statement (self, stmt, "clear a field", error))
      return FALSE;
  }

  if (spec->flags & IR_FIELD_PARENT)
    {
      stmt = ir_store_prepare (self, "UPDATE entities SET parent = NULL WHERE eid = ?");
      sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
      return run_statement (self, stmt, "clear a parent", error);
    }

  return TRUE;
}

/* Applies the remaining ops of one field again. */
static gboolean
reapply_field (IrStore         *self,
               const FieldKey  *key,
               GError         **error)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops "
                                         "WHERE eid = ? AND field = ? AND state = 0");
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Collect first: applying reuses the cached statements. */
  sqlite3_bind_text (stmt, 1, key->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key->field, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (ops, ir_store_op_from_row (stmt, 0));
      g_array_append_val (numbers, n);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      op->room = g_strdup (self->room_id);
      if (!ir_store_apply_state (self, op, g_array_index (numbers, gint64, i), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
recompute_field (IrStore         *self,
                 const FieldKey  *key,
                 GError         **error)
{
  if (!clear_field (self, key, error) || !reapply_field (self, key, error))
    return FALSE;

  ir_store_note_change (self, key->entity, key->eid, key->field,
                        g_str_equal (key->field, "deleted"), FALSE);
  return TRUE;
}

static gint64
count_applied_ops (IrStore    *self,
                   const char *eid)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT count(*) FROM ops WHERE eid = ? AND state = 0");
  gint64 count = 0;

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* An entity none of whose ops remain was created by the ops taken back:
 * it goes, as if it had never been written. */
static gboolean
drop_entity (IrStore     *self,
             const char  *entity,
             const char  *eid,
             GError     **error)
{
  sqlite3_stmt *stmt;
  char sql[160];

  stmt = ir_store_prepare (self, "DELETE FROM entities WHERE eid = ?");
  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  if (!run_statement (self, stmt, "remove an entity", error))
    return FALSE;

  if (ir_schema_lookup_entity (self->schema, entity) != NULL)
    {
      g_snprintf (sql, sizeof sql, "DELETE FROM \"e_%s\" WHERE eid = ?", entity);
      stmt = ir_store_prepare_text (self, sql);
      sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
      if (!run_statement (self, stmt, "remove an entity", error))
        return FALSE;
    }

  g_hash_table_remove (self->deleted_eids, eid);
  ir_store_note_change (self, entity, eid, NULL, TRUE, FALSE);
  return TRUE;
}

/* Recomputes every field in @fields, then the "deleted" field of each
 * entity they belong to, inside the caller's SQL transaction. */
static gboolean
recompute_fields (IrStore     *self,
                  GHashTable  *fields,
                  GError     **error)
{
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer item, value;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      FieldKey *key = item;

      if (!g_str_equal (key->field, "deleted") && !recompute_field (self, key, error))
        return FALSE;
      g_hash_table_replace (entities, g_strdup (key->eid), g_strdup (key->entity));
    }

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &item, &value))
    {
      FieldKey key = { value, item, (char *) "deleted" };

      if (count_applied_ops (self, key.eid) == 0)
        {
          if (!clear_field (self, &key, error) || !drop_entity (self, key.entity, key.eid, error))
            return FALSE;
        }
      else if (!recompute_field (self, &key, error))
        return FALSE;
    }

  return TRUE;
}

static void
finish_recompute (IrStore  *self,
                  gboolean  ok)
{
  if (ok)
    {
      ir_store_flush_changes (self);
      ir_store_emit_tx_applied (self, IR_APPLY_REMOTE);
      return;
    }

  ir_store_rollback_sql (self);
  g_hash_table_remove_all (self->changes);
  ir_store_load_deleted (self);
}

/* --- refused transactions ------------------------------------------------ */

static void
drop_undo_steps (GPtrArray  *stack,
                 const char *tx)
{
  for (guint i = stack->len; i > 0; i--)
    {
      IrUndoStep *step = g_ptr_array_index (stack, i - 1);

      if (g_strcmp0 (step->tx, tx) == 0 || g_strcmp0 (step->reverts, tx) == 0)
        g_ptr_array_remove_index (stack, i - 1);
    }
}

/**
 * ir_store_refuse_tx:
 * @tx: the id of a transaction of this replica that the server refused
 * @reason: the server's message, kept to show in the "not synced" list
 *
 * Rolls back the unpushed ops of @tx: they stay in the log, marked refused
 * with @reason, are never pushed again, and every field they set falls back
 * to the best remaining op. An entity that only @tx had written goes away.
 */
gboolean
ir_store_refuse_tx (IrStore     *self,
                    const char  *tx,
                    const char  *reason,
                    GError     **error)
{
  g_autoptr(GHashTable) fields = field_set_new ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  stmt = ir_store_prepare (self,
                           "SELECT " OP_COLUMNS " FROM ops "
                           "WHERE tx = ? AND seq IS NULL AND state != 2");
  sqlite3_bind_text (stmt, 1, tx, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IrOp) op = ir_store_op_from_row (stmt, 0);

      field_set_add (fields, op);
    }
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (self,
                           "UPDATE ops SET state = 2, reason = ? "
                           "WHERE tx = ? AND seq IS NULL AND state != 2");
  sqlite3_bind_text (stmt, 1, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tx, -1, SQLITE_STATIC);
  ok = run_statement (self, stmt, "mark operations refused", error) &&
       recompute_fields (self, fields, error) &&
       ir_store_commit_sql (self, error);

  if (ok)
    {
      drop_undo_steps (self->undo_stack, tx);
      drop_undo_steps (self->redo_stack, tx);
      g_debug ("Rolled back transaction %s (%u fields): %s", tx,
               g_hash_table_size (fields), reason);
    }

  finish_recompute (self, ok);
  return ok;
}

/**
 * ir_store_get_refused:
 *
 * Lists the transactions the server refused, oldest first, each with its
 * reason and ops: the "not synced" list.
 *
 * Returns: (transfer full) (element-type IrRefusal): the refusals
 */
GPtrArray *
ir_store_get_refused (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS ", coalesce (reason, '') FROM ops "
                                         "WHERE state = 2 ORDER BY n");
  GPtrArray *refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_refusal_free);
  g_autoptr(GHashTable) by_tx = g_hash_table_new (g_str_hash, g_str_equal);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);
      IrRefusal *refusal = g_hash_table_lookup (by_tx, op->tx);

      op->room = g_strdup (self->room_id);
      if (refusal == NULL)
        {
          refusal = g_new0 (IrRefusal, 1);
          refusal->tx = g_strdup (op->tx);
          refusal->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
          refusal->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
          g_ptr_array_add (refusals, refusal);
          g_hash_table_insert (by_tx, refusal->tx, refusal);
        }
      g_ptr_array_add (refusal->ops, op);
    }
  sqlite3_reset (stmt);

  return refusals;
}

guint
ir_store_count_refused (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT count(DISTINCT tx) FROM ops WHERE state = 2");
  guint count = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* --- re-stamping and re-keying ------------------------------------------- */

/* Loads the ops the server has not stored, with their row numbers, oldest
 * first; refused ones only when @refused is set. */
static GPtrArray *
load_unpushed (IrStore   *self,
               gboolean   refused,
               GArray   **numbers)
{
  sqlite3_stmt *stmt = refused
                       ? ir_store_prepare (self,
                                           "SELECT " OP_COLUMNS " FROM ops "
                                           "WHERE seq IS NULL ORDER BY n")
                       : ir_store_prepare (self,
                                           "SELECT " OP_COLUMNS " FROM ops "
                                           "WHERE seq IS NULL AND state != 2 ORDER BY n");
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  *numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (ops, ir_store_op_from_row (stmt, 0));
      g_array_append_val (*numbers, n);
    }
  sqlite3_reset (stmt);

  return ops;
}

/**
 * ir_store_restamp_unpushed:
 * @wall_ms: the current time by the server's clock, in milliseconds since
 *   the Unix epoch
 *
 * Gives every unpushed op a new clock value from @wall_ms, in the order
 * they were written, after the server refused them for a clock too far
 * ahead. The local clock restarts from the highest clock of the ops the
 * server already stored, so later local writes follow the server's time.
 */
gboolean
ir_store_restamp_unpushed (IrStore  *self,
                           gint64    wall_ms,
                           GError  **error)
{
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GHashTable) fields = field_set_new ();
  sqlite3_stmt *stmt;
  gint64 saved_clock = self->clock.last;
  gboolean ok = TRUE;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  ops = load_unpushed (self, FALSE, &numbers);

  stmt = ir_store_prepare (self, "SELECT max (hlc) FROM ops WHERE seq IS NOT NULL");
  self->clock.last = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  for (guint i = 0; i < ops->len && ok; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      gint64 hlc = ir_hlc_now (&self->clock, wall_ms);

      stmt = ir_store_prepare (self, "UPDATE ops SET hlc = ? WHERE n = ?");
      sqlite3_bind_int64 (stmt, 1, hlc);
      sqlite3_bind_int64 (stmt, 2, g_array_index (numbers, gint64, i));
      ok = run_statement (self, stmt, "re-stamp an operation", error);
      field_set_add (fields, op);
    }

  if (ok)
    {
      ir_store_save_counter (self);
      ok = recompute_fields (self, fields, error) && ir_store_commit_sql (self, error);
    }

  if (!ok)
    self->clock.last = saved_clock;
  else
    g_debug ("Re-stamped %u unpushed operations from the server's clock", ops->len);

  finish_recompute (self, ok);
  return ok;
}

static void
rename_undo_steps (GPtrArray  *stack,
                   GHashTable *renamed)
{
  for (guint i = 0; i < stack->len; i++)
    {
      IrUndoStep *step = g_ptr_array_index (stack, i);
      const char *tx = g_hash_table_lookup (renamed, step->tx);
      const char *reverts = step->reverts ? g_hash_table_lookup (renamed, step->reverts) : NULL;

      if (tx != NULL)
        {
          g_free (step->tx);
          step->tx = g_strdup (tx);
        }
      if (reverts != NULL)
        {
          g_free (step->reverts);
          step->reverts = g_strdup (reverts);
        }
    }
}

/**
 * ir_store_rekey_unpushed:
 *
 * Takes a new client id and gives every unpushed op a new id under it,
 * after the server found this replica's ids in use by another one (a copied
 * database, a restored snapshot). Transactions keep their ops together under
 * the new id of their first op. Refused ops are re-keyed too, so that the
 * other replica's ops with their old ids can still be applied here.
 */
gboolean
ir_store_rekey_unpushed (IrStore  *self,
                         GError  **error)
{
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GHashTable) fields = field_set_new ();
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *old_client = g_strdup (self->client_id);
  guint64 old_counter = self->counter;
  gboolean ok = TRUE;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  ops = load_unpushed (self, TRUE, &numbers);
  ir_store_renew_client_id (self);

  for (guint i = 0; i < ops->len && ok; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autofree char *id = ir_store_next_op_id (self);
      const char *tx = g_hash_table_lookup (renamed, op->tx);
      sqlite3_stmt *stmt;

      /* A transaction's id is the id of its first op, which comes first. */
      if (tx == NULL)
        {
          g_hash_table_insert (renamed, g_strdup (op->tx), g_strdup (id));
          tx = id;
        }

      stmt = ir_store_prepare (self, "UPDATE ops SET id = ?, tx = ? WHERE n = ?");
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, tx, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (numbers, gint64, i));
      ok = run_statement (self, stmt, "re-key an operation", error);
      field_set_add (fields, op);
    }

  if (ok)
    {
      ir_store_save_counter (self);
      ok = recompute_fields (self, fields, error) && ir_store_commit_sql (self, error);
    }

  if (!ok)
    {
      /* The meta rows of the new id were rolled back with the rest. */
      g_free (self->client_id);
      self->client_id = g_steal_pointer (&old_client);
      self->counter = old_counter;
    }
  else
    {
      rename_undo_steps (self->undo_stack, renamed);
      rename_undo_steps (self->redo_stack, renamed);
      g_debug ("Re-keyed %u unpushed operations under client %s", ops->len, self->client_id);
    }

  finish_recompute (self, ok);
  return ok;
}
