/* ir-store-sync.c: the store's side of sync: reads for the server,
 * acknowledgements, pages of ops as JSON, store settings
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-store-private.h"
#include "ir-store-sync.h"
#include "ir-sync-protocol.h"

#define OP_COLUMNS "n, id, tx, seen, entity, eid, field, value, hlc, actor, schema, seq, received"

G_DEFINE_BOXED_TYPE (IrRefusal, ir_refusal, ir_refusal_copy, ir_refusal_free)

/* --- boxed types --------------------------------------------------------- */

IrRefusal *
ir_refusal_copy (const IrRefusal *refusal)
{
  IrRefusal *copy = g_new0 (IrRefusal, 1);

  copy->tx = g_strdup (refusal->tx);
  copy->reason = g_strdup (refusal->reason);
  copy->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  for (guint i = 0; i < refusal->ops->len; i++)
    g_ptr_array_add (copy->ops, ir_op_copy (g_ptr_array_index (refusal->ops, i)));

  return copy;
}

void
ir_refusal_free (IrRefusal *refusal)
{
  if (refusal == NULL)
    return;

  g_free (refusal->tx);
  g_free (refusal->reason);
  g_clear_pointer (&refusal->ops, g_ptr_array_unref);
  g_free (refusal);
}

void
ir_sync_ack_free (IrSyncAck *ack)
{
  if (ack == NULL)
    return;

  g_free (ack->id);
  g_free (ack);
}

/* --- reads --------------------------------------------------------------- */

/* Returns the op with id @op_id from the log, or %NULL. */
IrOp *
ir_store_get_op (IrStore    *self,
                 const char *op_id)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT " OP_COLUMNS " FROM ops WHERE id = ?");
  IrOp *op = NULL;

  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      op = ir_store_op_from_row (stmt, 0);
      op->room = g_strdup (self->room_id);
    }
  sqlite3_reset (stmt);

  return op;
}

/* Returns the highest server sequence in the log, or 0. */
gint64
ir_store_get_max_seq (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT max (seq) FROM ops");
  gint64 seq = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return seq;
}

/* Returns the type of entity @eid, or %NULL when the store has none. */
char *
ir_store_get_entity_kind (IrStore    *self,
                          const char *eid)
{
  return ir_store_entity_kind (self, eid);
}

/**
 * ir_store_get_field_value:
 *
 * Returns the winning value of one field without loading the entity.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when no op set it
 */
JsonNode *
ir_store_get_field_value (IrStore    *self,
                          const char *eid,
                          const char *field)
{
  IrWinner winner = { 0 };
  g_autoptr(IrOp) op = NULL;

  if (!ir_store_load_winner (self, eid, field, &winner))
    return NULL;

  op = ir_store_load_op (self, winner.n);
  g_free (winner.id);

  return op && op->value ? json_node_ref (op->value) : NULL;
}

/* Returns the last sequence of a page of at most @max_ops after @seq that
 * ends on a transaction's end, or @seq when nothing follows it. */
static gint64
page_end (IrStore *self,
          gint64   seq,
          guint    max_ops)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT seq, tx FROM ops WHERE seq > ? "
                                         "ORDER BY seq LIMIT ?");
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) txs = g_ptr_array_new_with_free_func (g_free);
  guint keep;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int (stmt, 2, max_ops + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row_seq = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (seqs, row_seq);
      g_ptr_array_add (txs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (seqs->len == 0)
    return seq;
  if (seqs->len <= max_ops)
    return g_array_index (seqs, gint64, seqs->len - 1);

  /* Drop the transaction the limit cut, unless it is the only one: one
   * transaction larger than a page still travels whole. */
  keep = seqs->len - 1;
  while (keep > 0 && g_str_equal (txs->pdata[keep - 1], txs->pdata[seqs->len - 1]))
    keep--;
  if (keep > 0)
    return g_array_index (seqs, gint64, keep - 1);

  stmt = ir_store_prepare (self, "SELECT max (seq) FROM ops WHERE tx = ?");
  sqlite3_bind_text (stmt, 1, txs->pdata[0], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return seq;
}

/**
 * ir_store_write_ops_after:
 * @out: where the JSON array of the ops goes
 * @last: (out): the sequence of the last op written, or @seq
 *
 * Writes the ops after @seq as ir_store_get_ops_after() would return them,
 * as the JSON array of a pull, straight from the log's rows: the values
 * are already JSON there, so a page costs no parsing.
 *
 * Returns: how many ops it wrote
 */
guint
ir_store_write_ops_after (IrStore *self,
                          gint64   seq,
                          guint    max_ops,
                          GString *out,
                          gint64  *last)
{
  gint64 end = page_end (self, seq, max_ops);
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT id, tx, seen, entity, eid, field, value, hlc, "
                                         "actor, schema, seq, received FROM ops "
                                         "WHERE seq > ? AND seq <= ? ORDER BY seq");
  guint n = 0;

  *last = seq;
  g_string_append_c (out, '[');
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, end);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 6);

      if (n++ > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append (out, ",\"room\":");
      ir_sync_append_json_string (out, self->room_id);
      g_string_append (out, ",\"tx\":");
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 1));
      g_string_append_printf (out, ",\"seen\":%" G_GINT64_FORMAT ",\"entity\":",
                              (gint64) sqlite3_column_int64 (stmt, 2));
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 3));
      g_string_append (out, ",\"eid\":");
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 4));
      g_string_append (out, ",\"field\":");
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 5));
      g_string_append (out, ",\"value\":");
      g_string_append (out, value ? value : "null");
      g_string_append_printf (out, ",\"hlc\":%" G_GINT64_FORMAT ",\"actor\":",
                              (gint64) sqlite3_column_int64 (stmt, 7));
      ir_sync_append_json_string (out, (const char *) sqlite3_column_text (stmt, 8));
      *last = sqlite3_column_int64 (stmt, 10);
      g_string_append_printf (out, ",\"schema\":%d,\"seq\":%" G_GINT64_FORMAT
                              ",\"received\":%" G_GINT64_FORMAT "}",
                              sqlite3_column_int (stmt, 9), *last,
                              (gint64) sqlite3_column_int64 (stmt, 11));
    }
  sqlite3_reset (stmt);
  g_string_append_c (out, ']');

  return n;
}

/* --- acknowledgements ---------------------------------------------------- */

/**
 * ir_store_mark_synced_many:
 * @acks: (element-type IrSyncAck): the server's acknowledgements
 *
 * Records the sequence and receive time of many pushed ops in one SQL
 * transaction, which is much faster than one ir_store_mark_synced() each.
 */
gboolean
ir_store_mark_synced_many (IrStore    *self,
                           GPtrArray  *acks,
                           GError    **error)
{
  if (acks->len == 0)
    return TRUE;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  for (guint i = 0; i < acks->len; i++)
    {
      IrSyncAck *ack = g_ptr_array_index (acks, i);
      sqlite3_stmt *stmt = ir_store_prepare (self,
                                             "UPDATE ops SET seq = ?, received = ? "
                                             "WHERE id = ? AND seq IS NULL");

      sqlite3_bind_int64 (stmt, 1, ack->seq);
      sqlite3_bind_int64 (stmt, 2, ack->received);
      sqlite3_bind_text (stmt, 3, ack->id, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);

      /* Finds the winner's row by its key: "fields" has no index on id. */
      stmt = ir_store_prepare (self,
                               "UPDATE fields SET seq = ?1 WHERE id = ?2 AND (eid, field) = "
                               "(SELECT eid, field FROM ops WHERE id = ?2)");
      sqlite3_bind_int64 (stmt, 1, ack->seq);
      sqlite3_bind_text (stmt, 2, ack->id, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }

  if (!ir_store_commit_sql (self, error))
    {
      ir_store_rollback_sql (self);
      return FALSE;
    }

  return TRUE;
}

/* Sets how much of the database SQLite keeps in memory, in KiB. The
 * server, with many rooms open, keeps less per room than a desktop. */
void
ir_store_set_cache_size (IrStore *self,
                         guint    kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u", kib);

  ir_store_exec (self, sql, NULL);
}

/* Adds what sync needs to a store's tables: an index of the ops the
 * server has not stored, which every push and every count of the offline
 * queue reads. */
void
ir_store_prepare_sync (IrStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!ir_store_exec (self, "CREATE INDEX IF NOT EXISTS ops_unpushed ON ops (n) "
                            "WHERE seq IS NULL", &error))
    g_warning ("Failed to index the unpushed operations: %s", error->message);
}

/* A durable store syncs the disk on every commit (PRAGMA synchronous =
 * FULL), so that an acknowledged op survives a power cut, not only a crash
 * of the process. The server makes its room stores durable. */
void
ir_store_set_durable (IrStore  *self,
                      gboolean  durable)
{
  ir_store_exec (self, durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                 NULL);
}
