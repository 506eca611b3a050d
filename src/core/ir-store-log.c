/* ir-store-log.c: the op log in the order this replica stored it, and a
 * local-only room's log made ready for its first upload
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every op has a local row number ("n"), which grows in the order this
 * replica wrote or received it. Unlike the server's sequence it exists in
 * a room that never met a server, so "what changed since I last looked"
 * can be read from it in any room.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-store-log.h"
#include "ir-store-private.h"
#include "ir-store-sync.h"

#define OP_COLUMNS "n, id, tx, seen, entity, eid, field, value, hlc, actor, schema, seq, received"

/* --- local order --------------------------------------------------------- */

/* Returns the row number of the newest op in the log, or 0 when it is empty. */
gint64
ir_store_get_last_row (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT coalesce (max (n), 0) FROM ops");
  gint64 row = 0;

  g_return_val_if_fail (IR_IS_STORE (self), 0);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return row;
}

/* Returns the row number of the newest op whose server sequence is at most
 * @seq, or 0: the local position that matches a point in the server's
 * history. */
gint64
ir_store_get_last_row_at_seq (IrStore *self,
                              gint64   seq)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT coalesce (max (n), 0) FROM ops "
                                         "WHERE seq IS NOT NULL AND seq <= ?");
  gint64 row = 0;

  g_return_val_if_fail (IR_IS_STORE (self), 0);

  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return row;
}

/**
 * ir_store_get_ops_after_row:
 * @row: a local row number, 0 for the whole log
 * @max_ops: the most ops to return
 * @last_row: (out) (optional): the row of the last op returned, or @row
 *   when none is
 *
 * Lists the ops this replica stored after @row, in local order: synced or
 * not, local or received. Ops the server refused are left out, since they
 * were rolled back.
 *
 * Returns: (transfer full) (element-type IrOp): the ops
 */
GPtrArray *
ir_store_get_ops_after_row (IrStore *self,
                            gint64   row,
                            guint    max_ops,
                            gint64  *last_row)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops "
                                         "WHERE n > ? AND state != 2 ORDER BY n LIMIT ?");
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  gint64 last = row;

  g_return_val_if_fail (IR_IS_STORE (self), ops);

  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_int64 (stmt, 2, max_ops);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);

      last = sqlite3_column_int64 (stmt, 0);
      op->room = g_strdup (ir_store_get_room_id (self));
      g_ptr_array_add (ops, op);
    }
  sqlite3_reset (stmt);

  if (last_row != NULL)
    *last_row = last;

  return ops;
}

/* --- upload -------------------------------------------------------------- */

/* Whether the server takes @op from a member with @roles who uploads a
 * local-only room: not what only the server writes (memberships, device
 * keys, escalations), nor anything this desktop wrote as the server. */
static gboolean
is_uploadable (IrStore    *self,
               const IrOp *op,
               guint       roles)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (op->actor, "server") == 0)
    return FALSE;

  if (ir_schema_check_writer (self->schema, op->entity, op->field, roles, &error))
    return TRUE;

  /* A field of a newer schema is the server's to judge. */
  return !g_error_matches (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN);
}

/**
 * ir_store_refuse_unuploadable:
 * @roles: the uploader's roles on the server, usually %IR_ROLE_AR
 * @reason: the reason the "not synced" list shows for these ops
 * @n_ops: (out) (optional): how many ops were rolled back
 *
 * Rolls back, before a local-only room's first upload, the unpushed ops
 * that the server would refuse from a member with @roles. A local-only room
 * acts as its own server, so it contains such ops: its member entities, and
 * escalations raised on this desktop. They often share a transaction with
 * ops the server takes (a new room with its first member), and the server
 * refuses a whole transaction for one op, so they first move into a
 * transaction of their own. The rest of each transaction then uploads.
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
ir_store_refuse_unuploadable (IrStore     *self,
                              guint        roles,
                              const char  *reason,
                              guint       *n_ops,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *tx = NULL;

  g_return_val_if_fail (IR_IS_STORE (self), FALSE);

  if (n_ops != NULL)
    *n_ops = 0;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  stmt = ir_store_prepare (self,
                           "SELECT " OP_COLUMNS " FROM ops "
                           "WHERE seq IS NULL AND state != 2 ORDER BY n");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IrOp) op = ir_store_op_from_row (stmt, 0);
      gint64 row = sqlite3_column_int64 (stmt, 0);

      if (is_uploadable (self, op, roles))
        continue;

      if (tx == NULL)
        tx = g_strdup (op->id);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (self, "UPDATE ops SET tx = ? WHERE n = ?");
  for (guint i = 0; i < rows->len; i++)
    {
      sqlite3_bind_text (stmt, 1, tx, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_array_index (rows, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          ir_store_sql_error (self, error, _("regroup operations for upload"));
          sqlite3_reset (stmt);
          ir_store_rollback_sql (self);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  if (!ir_store_commit_sql (self, error))
    {
      ir_store_rollback_sql (self);
      return FALSE;
    }

  if (tx == NULL)
    return TRUE;

  g_debug ("Rolling back %u operations the server would refuse: %s", rows->len, reason);
  if (!ir_store_refuse_tx (self, tx, reason, error))
    return FALSE;

  if (n_ops != NULL)
    *n_ops = rows->len;

  return TRUE;
}
