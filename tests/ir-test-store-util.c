/* ir-test-store-util.c: helpers for tests of the store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ir-test-store-util.h"

/* A fresh in-memory store of the test room, acting as a local-only room. */
IrStore *
ir_test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  IrStore *store = ir_store_new_memory (NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, TEST_ROOM, &error));
  g_assert_no_error (error);

  return store;
}

/* Builds an op as another replica would send it. @client is a short name
 * padded to a 32-digit hex client id. */
IrOp *
ir_test_op_new (const char *client,
                guint64     counter,
                const char *tx_client,
                guint64     tx_counter,
                const char *entity,
                const char *eid,
                const char *field,
                const char *value_json,
                gint64      hlc,
                gint64      seq,
                gint64      seen)
{
  IrOp *op = ir_op_new ();
  g_autofree char *client_id = g_strdup_printf ("%032x", g_str_hash (client) & 0xffffff);
  g_autofree char *tx_client_id = g_strdup_printf ("%032x", g_str_hash (tx_client) & 0xffffff);

  op->id = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, client_id, counter);
  op->tx = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, tx_client_id, tx_counter);
  op->room = g_strdup (TEST_ROOM);
  op->entity = g_strdup (entity);
  op->eid = g_strdup (eid);
  op->field = g_strdup (field);
  op->value = json_from_string (value_json, NULL);
  g_assert_nonnull (op->value);
  op->hlc = hlc;
  op->seq = seq;
  op->seen = seen;
  op->actor = g_strdup (client);
  op->schema = 1;

  return op;
}

gboolean
ir_test_apply_one (IrStore  *store,
                   IrOp     *op,
                   GError  **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new ();

  g_ptr_array_add (ops, op);
  return ir_store_apply_remote (store, ops, error);
}

char *
ir_test_create_stakeholder (IrStore    *store,
                            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *eid = ir_tx_create (tx, "stakeholder");

  ir_tx_set_string (tx, "stakeholder", eid, "name", name);
  ir_tx_set_int (tx, "stakeholder", eid, "influence", 3);
  ir_tx_set_string (tx, "stakeholder", eid, "stance", "neutral");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}
