/* test-store.c: local transactions, validation, live models, blobs
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "ir-position.h"
#include "ir-test-store-util.h"

static void
test_store_create_and_read (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "王建国");
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);

  g_assert_nonnull (entity);
  g_assert_cmpstr (ir_entity_get_kind (entity), ==, "stakeholder");
  g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "王建国");
  g_assert_cmpint (ir_entity_get_int (entity, "influence"), ==, 3);
  g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "neutral");
  g_assert_true (ir_entity_is_visible (entity));
  g_assert_false (ir_entity_has_conflict (entity, "name"));
  g_assert_cmpstr (ir_entity_get_field_actor (entity, "name"), ==, g_get_user_name ());

  /* The same live object is shared. */
  {
    g_autoptr(IrEntity) again = ir_store_get_entity (store, "stakeholder", eid);

    g_assert_true (again == entity);
  }

  g_assert_null (ir_store_get_entity (store, "task", eid));
}

static void
assert_refused (IrStore    *store,
                IrTx       *tx,
                GQuark      domain,
                int         code,
                const char *must_mention)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ir_store_dump (store);
  g_autofree char *after = NULL;

  g_assert_false (ir_store_commit (store, tx, &error));
  g_assert_error (error, domain, code);
  if (must_mention != NULL)
    g_assert_nonnull (strstr (error->message, must_mention));

  after = ir_store_dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_store_invalid_ops (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = ir_test_create_stakeholder (store, "李明");
  IrTx *tx;

  tx = ir_store_begin (store);
  ir_tx_set_int (tx, "stakeholder", eid, "influence", 9);
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE, "stakeholder.influence");
  ir_tx_free (tx);

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", eid, "mood", "happy");
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_UNKNOWN_FIELD, "mood");
  ir_tx_free (tx);

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "customer", eid, "name", "x");
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_UNKNOWN_ENTITY, "customer");
  ir_tx_free (tx);

  tx = ir_store_begin (store);
  ir_tx_set_int (tx, "stakeholder", eid, "name", 12);
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_WRONG_TYPE, "stakeholder.name");
  ir_tx_free (tx);

  /* A valid op and an invalid one in one transaction: neither is applied. */
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", eid, "title", "总经理");
  ir_tx_set_string (tx, "stakeholder", eid, "stance", "enemy");
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE, "stakeholder.stance");
  ir_tx_free (tx);
}

static void
test_store_immutable_field (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *a = ir_test_create_stakeholder (store, "A");
  g_autofree char *b = ir_test_create_stakeholder (store, "B");
  g_autofree char *c = ir_test_create_stakeholder (store, "C");
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  IrTx *tx;

  tx = ir_store_begin (store);
  link = ir_tx_create (tx, "link");
  ir_tx_set_string (tx, "link", link, "source", a);
  ir_tx_set_string (tx, "link", link, "target", b);
  ir_tx_set_string (tx, "link", link, "kind", "influences");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
  ir_tx_free (tx);

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "link", link, "target", c);
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_IMMUTABLE, "link.target");
  ir_tx_free (tx);
}

static void
test_store_role_refused (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *task = NULL;
  IrTx *tx;

  tx = ir_store_begin (store);
  task = ir_tx_create (tx, "task");
  ir_tx_set_string (tx, "task", task, "name", "图纸冻结");
  ir_tx_set_int (tx, "task", task, "duration", 5);
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  ir_store_set_actor (store, "observer-user", IR_ROLE_OBSERVER);
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "task", task, "start", "2026-03-02");
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN, "task.start");
  ir_tx_free (tx);

  ir_store_set_actor (store, "vp", IR_ROLE_EXECUTIVE);
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "task", task, "start", "2026-03-02");
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN, "task.start");
  ir_tx_free (tx);
}

static void
test_store_required_and_refs (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = ir_test_create_stakeholder (store, "赵强");
  g_autofree char *concern = NULL;
  g_autofree char *missing = g_uuid_string_random ();
  IrTx *tx;

  /* A concern without its tag is refused. */
  tx = ir_store_begin (store);
  concern = ir_tx_create (tx, "concern");
  ir_tx_set_string (tx, "concern", concern, "stakeholder", person);
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID, "concern.tag");
  ir_tx_free (tx);

  /* A reference to an entity that does not exist is refused. */
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", person, "successor", missing);
  assert_refused (store, tx, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID, "stakeholder.successor");
  ir_tx_free (tx);

  /* An edit of an entity that does not exist is refused. */
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", missing, "name", "ghost");
  assert_refused (store, tx, IR_STORE_ERROR, IR_STORE_ERROR_NOT_FOUND, "stakeholder.name");
  ir_tx_free (tx);
}

static void
test_store_reports_to_cycle (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *a = ir_test_create_stakeholder (store, "甲");
  g_autofree char *b = ir_test_create_stakeholder (store, "乙");
  g_autoptr(GError) error = NULL;
  g_autofree char *l1 = NULL, *l2 = NULL;
  IrTx *tx;

  tx = ir_store_begin (store);
  l1 = ir_tx_create (tx, "link");
  ir_tx_set_string (tx, "link", l1, "source", a);
  ir_tx_set_string (tx, "link", l1, "target", b);
  ir_tx_set_string (tx, "link", l1, "kind", "reports_to");
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  tx = ir_store_begin (store);
  l2 = ir_tx_create (tx, "link");
  ir_tx_set_string (tx, "link", l2, "source", b);
  ir_tx_set_string (tx, "link", l2, "target", a);
  ir_tx_set_string (tx, "link", l2, "kind", "reports_to");
  assert_refused (store, tx, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE, "乙");
  ir_tx_free (tx);

  /* Influence may go both ways. */
  tx = ir_store_begin (store);
  g_free (l2);
  l2 = ir_tx_create (tx, "link");
  ir_tx_set_string (tx, "link", l2, "source", b);
  ir_tx_set_string (tx, "link", l2, "target", a);
  ir_tx_set_string (tx, "link", l2, "kind", "influences");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
  ir_tx_free (tx);
}

typedef struct
{
  guint position, removed, added;
  guint calls;
} ItemsChanged;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *record = user_data;

  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

static void
field_changed_cb (IrEntity   *entity,
                  const char *field,
                  gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (field));
}

static void
test_store_live_list (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
  g_autofree char *a = ir_test_create_stakeholder (store, "A");
  g_autofree char *b = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0 };
  IrEntity *entity;
  IrTx *tx;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &record);

  b = ir_test_create_stakeholder (store, "B");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (record.removed, ==, 0);

  /* An edit notifies the item, not the list. */
  entity = ir_entity_list_lookup (list, a);
  g_signal_connect (entity, "changed", G_CALLBACK (field_changed_cb), fields);
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", a, "stance", "champion");
  ir_tx_set_int (tx, "stakeholder", a, "influence", 5);
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "champion");

  /* A delete removes exactly one item. */
  tx = ir_store_begin (store);
  ir_tx_delete (tx, "stakeholder", a);
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_store_sorted_list (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
  g_autofree char *c = ir_test_create_stakeholder (store, "Chen");
  g_autofree char *a = ir_test_create_stakeholder (store, "An");
  g_autofree char *b = ir_test_create_stakeholder (store, "Bai");
  g_autoptr(GError) error = NULL;
  IrTx *tx;

  ir_entity_list_set_sort (list, "name");
  {
    g_autoptr(IrEntity) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(IrEntity) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_cmpstr (ir_entity_get_string (first, "name"), ==, "An");
    g_assert_cmpstr (ir_entity_get_string (last, "name"), ==, "Chen");
  }

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", a, "name", "Zhou");
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  {
    g_autoptr(IrEntity) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_cmpstr (ir_entity_get_string (last, "name"), ==, "Zhou");
  }
}

static void
test_store_children_hidden_with_parent (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = ir_test_create_stakeholder (store, "周");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntityList) concerns = NULL;
  g_autoptr(IrEntityList) all = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autofree char *concern = NULL;
  IrTx *tx;

  tx = ir_store_begin (store);
  concern = ir_tx_create (tx, "concern");
  ir_tx_set_string (tx, "concern", concern, "stakeholder", person);
  ir_tx_set_string (tx, "concern", concern, "tag", "交期");
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  concerns = ir_store_list_children (store, "concern", "stakeholder", person);
  all = ir_store_list (store, "concern");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (concerns)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);

  tx = ir_store_begin (store);
  ir_tx_delete (tx, "stakeholder", person);
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (concerns)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);

  /* The trash lists the root of the delete, not its children. */
  trash = ir_store_get_trash (store);
  g_assert_cmpuint (trash->len, ==, 1);
  g_assert_cmpstr (ir_entity_get_id (trash->pdata[0]), ==, person);

  tx = ir_store_begin (store);
  ir_tx_restore (tx, "stakeholder", person);
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (concerns)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);
}

static void
test_store_history (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = ir_test_create_stakeholder (store, "孙");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  IrTx *tx;

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", person, "stance", "supporter");
  g_assert_true (ir_store_commit (store, tx, &error));
  ir_tx_free (tx);

  history = ir_store_get_history (store, person);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (((IrOp *) history->pdata[3])->field, ==, "stance");
  g_assert_cmpstr (json_node_get_string (((IrOp *) history->pdata[3])->value), ==, "supporter");
  g_assert_cmpstr (((IrOp *) history->pdata[3])->actor, ==, g_get_user_name ());
}

static void
test_store_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ironroom-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "room.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *client = NULL;
  g_autofree char *dump = NULL;
  IrStore *store;

  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, TEST_ROOM, &error));
  eid = ir_test_create_stakeholder (store, "钱");
  client = g_strdup (ir_store_get_client_id (store));
  dump = ir_store_dump (store);
  g_object_unref (store);

  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ir_store_get_client_id (store), ==, client);
  g_assert_cmpstr (ir_store_get_room_id (store), ==, TEST_ROOM);
  {
    g_autofree char *again = ir_store_dump (store);

    g_assert_cmpstr (again, ==, dump);
  }

  /* Op ids continue after the saved counter. */
  {
    g_autofree char *other = ir_test_create_stakeholder (store, "吴");
    g_autoptr(GPtrArray) unpushed = ir_store_get_unpushed (store, 100);

    g_assert_cmpuint (unpushed->len, ==, 6);
    g_assert_true (g_str_has_suffix (((IrOp *) unpushed->pdata[5])->id, ":6"));
  }
  g_object_unref (store);

  /* A file that is not a database is refused with a clear message. */
  {
    g_autofree char *junk = g_build_filename (dir, "junk.db", NULL);

    g_file_set_contents (junk, "this is not sqlite, just text that is long enough to matter"
                         " for the header check of sqlite", -1, NULL);
    store = ir_store_open (junk, NULL, &error);
    g_assert_null (store);
    g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    g_unlink (junk);
  }

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

static void
test_position_keys (void)
{
  const char *client_a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  const char *client_b = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  g_autofree char *first = ir_position_between (NULL, NULL, client_a);
  g_autofree char *after = ir_position_between (first, NULL, client_a);
  g_autofree char *before = ir_position_between (NULL, first, client_a);
  g_autofree char *x = ir_position_between (first, after, client_a);
  g_autofree char *y = ir_position_between (first, after, client_b);
  char *low = g_strdup (first);

  g_assert_cmpstr (before, <, first);
  g_assert_cmpstr (first, <, after);
  g_assert_cmpstr (first, <, x);
  g_assert_cmpstr (x, <, after);
  g_assert_cmpstr (first, <, y);
  g_assert_cmpstr (y, <, after);
  g_assert_cmpstr (x, !=, y);
  g_assert_true (ir_position_is_valid (x));
  g_assert_false (ir_position_is_valid ("a b"));

  /* Inserting again and again into the same gap keeps working. */
  for (int i = 0; i < 200; i++)
    {
      char *next = ir_position_between (low, after, (i % 2) ? client_a : client_b);

      g_assert_cmpstr (low, <, next);
      g_assert_cmpstr (next, <, after);
      g_free (low);
      low = next;
    }
  g_free (low);
}

static void
test_blob_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ironroom-blobs-XXXXXX", NULL);
  g_autoptr(IrBlobStore) blobs = ir_blob_store_new (dir);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("drawing", 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ir_blob_store_add_bytes (blobs, bytes, &error);
  g_autofree char *again = NULL;
  g_autoptr(GBytes) loaded = NULL;

  g_assert_no_error (error);
  g_assert_true (ir_sha256_is_valid (hash));
  g_assert_true (ir_blob_store_contains (blobs, hash));
  again = ir_blob_store_add_bytes (blobs, bytes, &error);
  g_assert_cmpstr (hash, ==, again);

  loaded = ir_blob_store_load (blobs, hash, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, bytes));

  /* A wrong expected hash is refused and nothing is stored. */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data ("other", 5, NULL);
    g_autofree char *stored = ir_blob_store_add_stream (blobs, in, hash, 0, NULL, &error);

    g_assert_null (stored);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
  }

  /* Over the size limit. */
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data ("0123456789", 10, NULL);
    g_autofree char *stored = ir_blob_store_add_stream (blobs, in, NULL, 4, NULL, &error);

    g_assert_null (stored);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_clear_error (&error);
  }

  /* Hashes with path characters never name a file. */
  g_assert_false (ir_sha256_is_valid ("../../etc/passwd"));
  g_assert_false (ir_blob_store_contains (blobs, "../../etc/passwd"));
  g_assert_null (ir_blob_store_load (blobs, "../x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create-and-read", test_store_create_and_read);
  g_test_add_func ("/store/invalid-ops", test_store_invalid_ops);
  g_test_add_func ("/store/immutable-field", test_store_immutable_field);
  g_test_add_func ("/store/role-refused", test_store_role_refused);
  g_test_add_func ("/store/required-and-refs", test_store_required_and_refs);
  g_test_add_func ("/store/reports-to-cycle", test_store_reports_to_cycle);
  g_test_add_func ("/store/live-list", test_store_live_list);
  g_test_add_func ("/store/sorted-list", test_store_sorted_list);
  g_test_add_func ("/store/children-hidden", test_store_children_hidden_with_parent);
  g_test_add_func ("/store/history", test_store_history);
  g_test_add_func ("/store/reopen", test_store_reopen);
  g_test_add_func ("/store/position-keys", test_position_keys);
  g_test_add_func ("/store/blob-store", test_blob_store);

  return g_test_run ();
}
