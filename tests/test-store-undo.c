/* test-store-undo.c: undo and redo of a replica's own transactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-test-store-util.h"

static void
set_stance (IrStore    *store,
            const char *eid,
            const char *stance)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);

  ir_tx_set_string (tx, "stakeholder", eid, "stance", stance);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static const char *
stance_of (IrStore    *store,
           const char *eid)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);

  return g_intern_string (ir_entity_get_string (entity, "stance"));
}

static void
test_undo_field_and_redo (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "陈");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  set_stance (store, eid, "champion");
  set_stance (store, eid, "blocker");
  g_assert_cmpstr (stance_of (store, eid), ==, "blocker");

  g_assert_true (ir_store_undo (store, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stance_of (store, eid), ==, "champion");
  g_assert_cmpstr (message, ==, "Undone");
  g_clear_pointer (&message, g_free);

  g_assert_true (ir_store_undo (store, NULL, &error));
  g_assert_cmpstr (stance_of (store, eid), ==, "neutral");

  g_assert_true (ir_store_can_redo (store));
  g_assert_true (ir_store_redo (store, &message, &error));
  g_assert_cmpstr (stance_of (store, eid), ==, "champion");
  g_assert_true (ir_store_redo (store, NULL, &error));
  g_assert_cmpstr (stance_of (store, eid), ==, "blocker");
  g_assert_false (ir_store_can_redo (store));

  /* Undo is itself a set of new operations in the log. */
  {
    g_autoptr(GPtrArray) history = ir_store_get_history (store, eid);

    g_assert_cmpuint (history->len, ==, 3 + 2 + 4);
  }
}

static void
test_undo_create_deletes (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "林");
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (ir_store_undo (store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (ir_store_redo (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_undo_after_other_change (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "黄");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(IrOp) remote = NULL;
  g_autoptr(GPtrArray) unpushed = NULL;

  /* My transaction sets stance and title together. */
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_set_string (tx, "stakeholder", eid, "stance", "supporter");
    ir_tx_set_string (tx, "stakeholder", eid, "title", "厂长");
    g_assert_true (ir_store_commit (store, tx, &error));
  }

  /* Someone else then changes the stance, having seen my write. */
  unpushed = ir_store_get_unpushed (store, 100);
  for (guint i = 0; i < unpushed->len; i++)
    ir_store_mark_synced (store, ((IrOp *) unpushed->pdata[i])->id, i + 1, 1);
  remote = ir_test_op_new ("zhang", 1, "zhang", 1, "stakeholder", eid, "stance", "\"skeptic\"",
                           G_MAXINT64 / 2, unpushed->len + 1, unpushed->len);
  g_assert_true (ir_test_apply_one (store, remote, &error));
  g_assert_no_error (error);

  g_assert_true (ir_store_undo (store, &message, &error));
  g_assert_no_error (error);

  /* The title went back; the stance that zhang set was left alone. */
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);

    g_assert_null (ir_entity_get_string (entity, "title"));
    g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "skeptic");
  }
  g_assert_nonnull (strstr (message, "zhang"));
  g_assert_nonnull (strstr (message, "stakeholder.stance"));
}

static void
test_undo_nothing (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ir_store_can_undo (store));
  g_assert_false (ir_store_undo (store, NULL, &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_NOTHING_TO_UNDO);
}

static void
test_undo_ignores_remote (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = g_uuid_string_random ();
  g_autoptr(IrOp) remote = ir_test_op_new ("other", 1, "other", 1, "stakeholder", eid,
                                           "name", "\"何\"", 100, 1, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_test_apply_one (store, remote, &error));
  g_assert_false (ir_store_can_undo (store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/field-and-redo", test_undo_field_and_redo);
  g_test_add_func ("/undo/create-deletes", test_undo_create_deletes);
  g_test_add_func ("/undo/after-other-change", test_undo_after_other_change);
  g_test_add_func ("/undo/nothing", test_undo_nothing);
  g_test_add_func ("/undo/ignores-remote", test_undo_ignores_remote);

  return g_test_run ();
}
