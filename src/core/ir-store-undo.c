/* ir-store-undo.c: undo and redo of this replica's own transactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo writes new operations: for each field the transaction set, the value
 * the field had before it, but only where the field still shows the
 * transaction's value. Where someone changed it since, the field is left
 * alone and the message names who changed it. Undoing a transaction that created an
 * entity deletes that entity.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-store-private.h"

#define UNDO_DEPTH 200

void
ir_undo_step_free (IrUndoStep *step)
{
  g_free (step->tx);
  g_free (step->reverts);
  g_free (step);
}

void
ir_store_push_undo (IrStore    *self,
                    const char *tx)
{
  IrUndoStep *step = g_new0 (IrUndoStep, 1);

  step->tx = g_strdup (tx);
  g_ptr_array_add (self->undo_stack, step);
  if (self->undo_stack->len > UNDO_DEPTH)
    g_ptr_array_remove_index (self->undo_stack, 0);
}

gboolean
ir_store_can_undo (IrStore *self)
{
  return self->undo_stack->len > 0;
}

gboolean
ir_store_can_redo (IrStore *self)
{
  return self->redo_stack->len > 0;
}

/* The value a field had before op @undone: the best op of the field that
 * orders before it and is not part of its transaction. */
static JsonNode *
previous_value (IrStore *self,
                IrOp    *undone)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT value FROM ops WHERE eid = ? AND field = ? "
                                         "AND tx != ? AND state = 0 AND hlc <= ? "
                                         "ORDER BY hlc DESC, id DESC LIMIT 1");
  JsonNode *value = NULL;

  sqlite3_bind_text (stmt, 1, undone->eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, undone->field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, undone->tx, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, undone->hlc);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
  sqlite3_reset (stmt);

  return value ? value : json_node_new (JSON_NODE_NULL);
}

static gboolean
created_by_tx (IrStore    *self,
               const char *eid,
               const char *tx)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT tx FROM ops WHERE eid = ? AND state = 0 "
                                         "ORDER BY hlc, id LIMIT 1");
  gboolean created = FALSE;

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    created = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), tx) == 0;
  sqlite3_reset (stmt);

  return created;
}

/* Who wrote the value the field of @mine shows now, when that value is not
 * the one @mine wrote; %NULL while the field still shows it. */
static char *
changed_since_by (IrStore *self,
                  IrOp    *mine)
{
  IrWinner winner = { 0 };
  g_autoptr(IrOp) current = NULL;

  if (!ir_store_load_winner (self, mine->eid, mine->field, &winner))
    return NULL;

  current = ir_store_load_op (self, winner.n);
  g_free (winner.id);

  if (current == NULL || json_node_equal (current->value, mine->value))
    return NULL;

  return g_strdup (current->actor);
}

/* Builds the transaction that reverts @tx. Fields someone else changed
 * since are listed in @skipped as "actor changed entity.field". */
static IrTx *
build_revert (IrStore    *self,
              const char *tx,
              GPtrArray  *original_values,
              GPtrArray  *skipped)
{
  g_autoptr(GPtrArray) ops = ir_store_get_tx_ops (self, tx);
  g_autoptr(GHashTable) deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  IrTx *revert = ir_store_begin (self);

  revert->is_undo = TRUE;

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autofree char *other = changed_since_by (self, op);

      if (other != NULL)
        {
          g_ptr_array_add (skipped, g_strdup_printf (_("%s changed %s.%s since"),
                                                     other, op->entity, op->field));
          continue;
        }

      /* Undoing a create deletes the new entity, once. */
      if (original_values == NULL && !g_str_equal (op->field, "deleted") &&
          created_by_tx (self, op->eid, tx))
        {
          if (!g_hash_table_contains (deleted, op->eid))
            {
              g_hash_table_add (deleted, g_strdup (op->eid));
              ir_tx_delete (revert, op->entity, op->eid);
            }
          continue;
        }

      if (original_values != NULL)
        {
          gboolean matched = FALSE;

          /* Redo: set the values the undone transaction had written; a
           * delete that undid a create is taken back. */
          for (guint j = 0; j < original_values->len; j++)
            {
              IrOp *orig = g_ptr_array_index (original_values, j);

              if (g_str_equal (orig->eid, op->eid) && g_str_equal (orig->field, op->field))
                {
                  ir_tx_set (revert, op->entity, op->eid, op->field, json_node_copy (orig->value));
                  matched = TRUE;
                }
            }
          if (!matched)
            ir_tx_set (revert, op->entity, op->eid, op->field, previous_value (self, op));
        }
      else
        ir_tx_set (revert, op->entity, op->eid, op->field, previous_value (self, op));
    }

  return revert;
}

static char *
describe_result (guint       n_changed,
                 GPtrArray  *skipped,
                 gboolean    redo)
{
  g_autofree char *others = NULL;

  if (skipped->len == 0)
    return g_strdup (redo ? _("Redone") : _("Undone"));

  g_ptr_array_add (skipped, NULL);
  others = g_strjoinv ("; ", (char **) skipped->pdata);
  g_ptr_array_remove_index (skipped, skipped->len - 1);

  if (n_changed == 0)
    return g_strdup_printf (redo ? _("Nothing redone: %s") : _("Nothing undone: %s"), others);

  return g_strdup_printf (redo ? _("Partly redone; left alone: %s")
                               : _("Partly undone; left alone: %s"), others);
}

/**
 * ir_store_undo:
 * @message: (out) (optional): what was undone, or why a field was left alone
 *
 * Reverts this replica's last transaction as a new transaction.
 */
gboolean
ir_store_undo (IrStore  *self,
               char    **message,
               GError  **error)
{
  IrUndoStep *step;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(IrTx) revert = NULL;
  g_autofree char *revert_tx = NULL;

  if (self->undo_stack->len == 0)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_NOTHING_TO_UNDO, _("Nothing to undo"));
      return FALSE;
    }

  step = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  revert = build_revert (self, step->tx, NULL, skipped);

  if (!ir_store_commit_ops (self, revert, IR_APPLY_LOCAL | IR_APPLY_UNDO, error))
    return FALSE;

  if (revert->ops->len > 0)
    revert_tx = g_strdup (((IrOp *) revert->ops->pdata[0])->tx);

  if (message != NULL)
    *message = describe_result (revert->ops->len, skipped, FALSE);

  /* The redo step re-applies the undone transaction's values where the
   * revert's values still show. */
  {
    IrUndoStep *redo = g_new0 (IrUndoStep, 1);

    redo->tx = g_steal_pointer (&revert_tx);
    redo->reverts = g_strdup (step->tx);
    if (redo->tx != NULL)
      g_ptr_array_add (self->redo_stack, redo);
    else
      ir_undo_step_free (redo);
  }

  g_ptr_array_remove_index (self->undo_stack, self->undo_stack->len - 1);
  return TRUE;
}

gboolean
ir_store_redo (IrStore  *self,
               char    **message,
               GError  **error)
{
  IrUndoStep *step;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(IrTx) again = NULL;

  if (self->redo_stack->len == 0)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_NOTHING_TO_UNDO, _("Nothing to redo"));
      return FALSE;
    }

  step = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  original = ir_store_get_tx_ops (self, step->reverts);
  again = build_revert (self, step->tx, original, skipped);

  if (!ir_store_commit_ops (self, again, IR_APPLY_LOCAL | IR_APPLY_UNDO, error))
    return FALSE;

  if (message != NULL)
    *message = describe_result (again->ops->len, skipped, TRUE);

  if (again->ops->len > 0)
    ir_store_push_undo (self, ((IrOp *) again->ops->pdata[0])->tx);

  g_ptr_array_remove_index (self->redo_stack, self->redo_stack->len - 1);
  return TRUE;
}
