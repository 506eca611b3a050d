/* test-store-sync.c: the store's side of sync: acknowledgements, refused
 * transactions, re-stamping and re-keying
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-hlc.h"
#include "ir-store-sync.h"
#include "ir-sync-protocol.h"
#include "ir-test-store-util.h"

static void
set_name (IrStore    *store,
          const char *eid,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);

  ir_tx_set_string (tx, "stakeholder", eid, "name", name);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static char *
last_tx (IrStore *store)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);

  return g_strdup (((IrOp *) ops->pdata[ops->len - 1])->tx);
}

/* Builds a store from @source's log minus its refused ops, to compare. */
static char *
dump_without_refused (IrStore *source)
{
  g_autoptr(IrStore) copy = ir_test_store_new ();
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (source, G_MAXUINT);
  g_autoptr(GPtrArray) synced = ir_store_get_ops_after (source, 0, G_MAXINT);
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_apply_remote (copy, synced, &error));
  g_assert_true (ir_store_apply_remote (copy, ops, &error));
  g_assert_no_error (error);

  return ir_store_dump (copy);
}

static void
test_refuse_edit (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "王建国");
  g_autofree char *tx = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;
  IrRefusal *refusal;

  set_name (store, eid, "王总");
  tx = last_tx (store);
  entity = ir_store_get_entity (store, "stakeholder", eid);
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "王总");

  g_assert_true (ir_store_refuse_tx (store, tx, "Not allowed: your role may not change it",
                                     &error));
  g_assert_no_error (error);

  /* The field falls back, the live entity follows, the op is listed. */
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "王建国");
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, 3);
  g_assert_cmpuint (ir_store_count_refused (store), ==, 1);
  refused = ir_store_get_refused (store);
  g_assert_cmpuint (refused->len, ==, 1);
  refusal = g_ptr_array_index (refused, 0);
  g_assert_cmpstr (refusal->tx, ==, tx);
  g_assert_cmpstr (refusal->reason, ==, "Not allowed: your role may not change it");
  g_assert_cmpuint (refusal->ops->len, ==, 1);
  g_assert_cmpstr (((IrOp *) refusal->ops->pdata[0])->field, ==, "name");

  /* The state is what the remaining ops alone give. */
  dump = ir_store_dump (store);
  expected = dump_without_refused (store);
  g_assert_cmpstr (dump, ==, expected);

  /* A refused transaction is not undone either. */
  g_assert_true (ir_store_can_undo (store));
  g_assert_true (ir_store_undo (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ir_entity_is_visible (entity));
}

static void
test_refuse_create (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "李明");
  g_autofree char *tx = last_tx (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (ir_store_refuse_tx (store, tx, "refused", &error));
  g_assert_no_error (error);

  g_assert_null (ir_store_get_entity (store, "stakeholder", eid));
  ids = ir_store_list_ids (store, "stakeholder", TRUE);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, 0);
}

static void
test_refuse_falls_back_to_remote (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "赵");
  g_autofree char *tx = NULL;
  g_autoptr(IrOp) remote = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;

  /* A concurrent remote write that loses to the local edit but wins over
   * the name the stakeholder was created with. */
  set_name (store, eid, "赵总");
  tx = last_tx (store);
  {
    g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);

    now = ((IrOp *) ops->pdata[ops->len - 1])->hlc - 1;
  }
  remote = ir_test_op_new ("other", 1, "other", 1, "stakeholder", eid, "name", "\"赵主任\"",
                           now, 7, 0);
  g_assert_true (ir_test_apply_one (store, remote, &error));
  entity = ir_store_get_entity (store, "stakeholder", eid);
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "赵总");
  g_assert_true (ir_entity_has_conflict (entity, "name"));

  g_assert_true (ir_store_refuse_tx (store, tx, "refused", &error));
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "赵主任");

  /* Neither author had seen the other's name: the first one stays a
   * conflict. */
  g_assert_true (ir_entity_has_conflict (entity, "name"));
}

static void
test_restamp (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "钱");
  g_autoptr(IrOp) remote = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wall = ir_hlc_wall_ms ();

  /* This replica's clock ran ten minutes ahead when it wrote. */
  {
    g_autoptr(GPtrArray) before = ir_store_get_unpushed (store, G_MAXUINT);

    g_assert_cmpuint (before->len, ==, 3);
  }
  remote = ir_test_op_new ("other", 1, "other", 1, "stakeholder", eid, "name", "\"钱经理\"",
                           ir_hlc_make (wall + 60 * 1000, 0), 1, 0);
  g_assert_true (ir_test_apply_one (store, remote, &error));
  entity = ir_store_get_entity (store, "stakeholder", eid);
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "钱经理");

  ir_store_set_clock_source (store, NULL, NULL);
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_set_string (tx, "stakeholder", eid, "title", "经理");
    g_assert_true (ir_store_commit (store, tx, &error));
  }

  g_assert_true (ir_store_restamp_unpushed (store, wall, &error));
  g_assert_no_error (error);

  /* Every unpushed op is clocked after the stored ones, in writing order. */
  ops = ir_store_get_unpushed (store, G_MAXUINT);
  g_assert_cmpuint (ops->len, ==, 4);
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      g_assert_cmpint (op->hlc, >, remote->hlc);
      if (i > 0)
        g_assert_cmpint (op->hlc, >, ((IrOp *) ops->pdata[i - 1])->hlc);
    }
  g_assert_cmpstr (ir_entity_get_string (entity, "title"), ==, "经理");
}

static void
test_restamp_changes_winner (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = NULL;
  g_autoptr(IrOp) remote = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wall = ir_hlc_wall_ms ();
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;

  /* Written at a wall clock ten minutes ahead, winning over a remote write
   * of a minute ago; from the server's time it comes before it. */
  remote = ir_test_op_new ("other", 1, "other", 1, "stakeholder", "00000000-0000-4000-8000-000000000001",
                           "name", "\"孙\"", ir_hlc_make (wall + 60 * 1000, 0), 1, 0);
  g_assert_true (ir_test_apply_one (store, remote, &error));
  ir_store_set_clock_source (store, NULL, NULL);
  eid = g_strdup (remote->eid);
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_set_string (tx, "stakeholder", eid, "name", "孙总");
    g_assert_true (ir_store_commit (store, tx, &error));
  }
  entity = ir_store_get_entity (store, "stakeholder", eid);
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "孙总");

  /* The local op saw the remote one (seen = 1), so it still wins after
   * re-stamping: re-stamping keeps the order of writing. */
  g_assert_true (ir_store_restamp_unpushed (store, wall - 10 * 60 * 1000, &error));
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "孙总");

  dump = ir_store_dump (store);
  expected = dump_without_refused (store);
  g_assert_cmpstr (dump, ==, expected);
}

static void
test_rekey (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *old_client = g_strdup (ir_store_get_client_id (store));
  g_autofree char *eid = ir_test_create_stakeholder (store, "周");
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;
  const char *client;

  set_name (store, eid, "周工");
  g_assert_true (ir_store_rekey_unpushed (store, &error));
  g_assert_no_error (error);

  client = ir_store_get_client_id (store);
  g_assert_cmpstr (client, !=, old_client);
  ops = ir_store_get_unpushed (store, G_MAXUINT);
  g_assert_cmpuint (ops->len, ==, 4);
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autofree char *expected_id = g_strdup_printf ("%s:%u", client, i + 1);

      g_assert_cmpstr (op->id, ==, expected_id);
      g_assert_true (g_str_has_prefix (op->tx, client));
    }
  g_assert_cmpstr (((IrOp *) ops->pdata[1])->tx, ==, ((IrOp *) ops->pdata[0])->id);
  g_assert_cmpstr (((IrOp *) ops->pdata[3])->tx, ==, ((IrOp *) ops->pdata[3])->id);

  /* New edits continue the new counter; undo still finds its steps. */
  set_name (store, eid, "周总工");
  g_clear_pointer (&ops, g_ptr_array_unref);
  ops = ir_store_get_unpushed (store, G_MAXUINT);
  g_assert_true (g_str_has_suffix (((IrOp *) ops->pdata[4])->id, ":5"));
  g_assert_true (ir_store_undo (store, NULL, &error));
  g_assert_true (ir_store_undo (store, NULL, &error));
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);

    g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "周");
  }

  dump = ir_store_dump (store);
  expected = dump_without_refused (store);
  g_assert_cmpstr (dump, ==, expected);
}

static void
test_mark_synced_many (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "吴");
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_sync_ack_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrOp) first = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      IrSyncAck *ack = g_new0 (IrSyncAck, 1);

      ack->id = g_strdup (((IrOp *) ops->pdata[i])->id);
      ack->seq = 40 + i;
      ack->received = 1000 + i;
      g_ptr_array_add (acks, ack);
    }

  g_assert_true (ir_store_mark_synced_many (store, acks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, 0);
  g_assert_cmpint (ir_store_get_max_seq (store), ==, 40 + ops->len - 1);

  first = ir_store_get_op (store, ((IrOp *) ops->pdata[0])->id);
  g_assert_nonnull (first);
  g_assert_cmpint (first->seq, ==, 40);
  g_assert_cmpint (first->received, ==, 1000);
  g_assert_null (ir_store_get_op (store, "00000000000000000000000000000000:1"));
  g_assert_nonnull (eid);
}

/* A store whose log contains synced transactions of 1, 3, 2 and 5 ops. */
static IrStore *
synced_store (void)
{
  IrStore *store = ir_test_store_new ();
  const guint sizes[] = { 1, 3, 2, 5 };
  g_autoptr(GError) error = NULL;
  gint64 seq = 0;

  for (gsize t = 0; t < G_N_ELEMENTS (sizes); t++)
    {
      g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
      g_autofree char *eid = g_uuid_string_random ();

      for (guint i = 0; i < sizes[t]; i++)
        {
          const char *fields[] = { "name", "title", "notes", "phone", "email" };
          g_autofree char *value = g_strdup_printf ("\"第 %u 项 \\\" %u\"", (guint) t, i);

          seq++;
          g_ptr_array_add (ops, ir_test_op_new ("other", seq, "other", seq - i, "stakeholder", eid,
                                                fields[i], value, ir_hlc_make (1000 + seq, 0),
                                                seq, seq - 1));
        }
      g_assert_true (ir_store_apply_remote (store, ops, &error));
      g_assert_no_error (error);
    }

  return store;
}

/* Pages written as JSON must hold what ir_store_get_ops_after() returns. */
static void
assert_page (IrStore *store,
             gint64   after,
             guint    limit,
             guint    expected_ops)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) expected = ir_store_get_ops_after (store, after, limit);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last = -1;
  guint n = ir_store_write_ops_after (store, after, limit, text, &last);

  g_assert_cmpuint (n, ==, expected_ops);
  g_assert_cmpuint (expected->len, ==, expected_ops);
  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  written = ir_sync_parse_ops (json_node_get_array (node), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, expected_ops);

  for (guint i = 0; i < expected_ops; i++)
    {
      IrOp *a = g_ptr_array_index (expected, i);
      IrOp *b = g_ptr_array_index (written, i);

      g_assert_true (ir_op_same_content (a, b));
      g_assert_cmpint (a->seq, ==, b->seq);
      g_assert_cmpint (a->received, ==, b->received);
    }
  g_assert_cmpint (last, ==, expected_ops ? ((IrOp *) expected->pdata[expected_ops - 1])->seq : after);
}

static void
test_write_pages (void)
{
  g_autoptr(IrStore) store = synced_store ();

  assert_page (store, 0, 100, 11);
  assert_page (store, 0, 4, 4);     /* 1 + 3: the 2-op transaction would be cut */
  assert_page (store, 0, 5, 4);
  assert_page (store, 4, 6, 2);     /* 2, then the 5-op transaction is cut */
  assert_page (store, 6, 2, 5);     /* one transaction larger than a page comes whole */
  assert_page (store, 11, 10, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-sync/refuse/edit", test_refuse_edit);
  g_test_add_func ("/store-sync/refuse/create", test_refuse_create);
  g_test_add_func ("/store-sync/refuse/falls-back-to-remote", test_refuse_falls_back_to_remote);
  g_test_add_func ("/store-sync/restamp/keeps-order", test_restamp);
  g_test_add_func ("/store-sync/restamp/recomputes", test_restamp_changes_winner);
  g_test_add_func ("/store-sync/rekey", test_rekey);
  g_test_add_func ("/store-sync/mark-synced-many", test_mark_synced_many);
  g_test_add_func ("/store-sync/write-pages", test_write_pages);

  return g_test_run ();
}
