/* test-sync-crash.c: kill -9 the server, then a client, in the middle of a
 * push: nothing acknowledged is lost, nothing is stored twice
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>

#include "ir-test-server.h"

#define N_TRANSACTIONS 10000   /* two ops each: ten pushes of 2,000 */
#define SYNC_TIMEOUT_MS 60000

typedef struct
{
  IrTestServer *server;
  char         *room;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(IrSyncApi) api = NULL;

  fixture->server = ir_test_server_new ();
  ir_test_server_add_user (fixture->server, "wang");
  ir_test_server_start (fixture->server, "--rate-limit", "1000", NULL);
  api = ir_test_login (fixture->server, "wang");
  fixture->room = ir_test_create_room (api, "阀门项目");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, ir_test_server_free);
  g_free (fixture->room);
}

/* Checks the server's room after a crash: sequences 1..head with no gap
 * and no repeat, each op once, and every op of @store there under the
 * sequence @store has for it. Returns how many ops @store has. */
static guint
assert_room_intact (Fixture *fixture,
                    IrStore *store)
{
  g_autoptr(IrStore) room = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  ir_test_server_stop (fixture->server);
  room = ir_test_server_open_room (fixture->server, fixture->room);
  stored = ir_store_get_ops_after (room, 0, G_MAXINT);

  for (guint i = 0; i < stored->len; i++)
    {
      IrOp *op = g_ptr_array_index (stored, i);

      g_assert_cmpint (op->seq, ==, i + 1);
      g_assert_false (g_hash_table_contains (by_id, op->id));
      g_hash_table_insert (by_id, op->id, op);
    }
  g_assert_cmpint (ir_store_get_max_seq (room), ==, stored->len);

  local = ir_store_get_ops_after (store, 0, G_MAXINT);
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, 0);
  for (guint i = 0; i < local->len; i++)
    {
      IrOp *op = g_ptr_array_index (local, i);
      IrOp *there = g_hash_table_lookup (by_id, op->id);

      g_assert_nonnull (there);
      g_assert_cmpint (there->seq, ==, op->seq);
      g_assert_true (ir_op_same_content (there, op));
    }

  return local->len;
}

/* --- the server dies ----------------------------------------------------- */

static gboolean
some_acknowledged (gpointer data)
{
  IrTestClient *client = data;

  return ir_store_count_unpushed (client->store) < 2 * N_TRANSACTIONS;
}

static void
test_server_killed_mid_push (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(IrTestClient) client = ir_test_client_new (fixture->server, "wang", fixture->room,
                                                        IR_ROLES_ANY);
  IrTestClient *clients[] = { client };
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) synced = NULL;
  g_autoptr(IrStore) room = NULL;

  for (guint i = 0; i < N_TRANSACTIONS; i++)
    g_free (ir_test_stakeholder (client->store, "客户"));

  /* Kill the server as soon as its first acknowledgement arrived: the
   * client is then sending the next batch. */
  ir_sync_client_start (client->client);
  g_assert_true (ir_test_wait_until (some_acknowledged, client, SYNC_TIMEOUT_MS));
  ir_test_server_kill (fixture->server);

  synced = ir_store_get_ops_after (client->store, 0, G_MAXINT);
  for (guint i = 0; i < synced->len; i++)
    {
      IrOp *op = g_ptr_array_index (synced, i);

      g_hash_table_insert (acknowledged, g_strdup (op->id), GINT_TO_POINTER (op->seq));
    }
  g_test_message ("%u ops acknowledged before the kill", g_hash_table_size (acknowledged));
  g_assert_cmpuint (g_hash_table_size (acknowledged), >, 0);

  /* Back up: the client finds it and finishes. */
  ir_test_server_restart (fixture->server);
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  ir_sync_client_stop (client->client);

  g_assert_cmpuint (assert_room_intact (fixture, client->store), ==, 2 * N_TRANSACTIONS + 6);

  /* Every acknowledged op kept the sequence it was acknowledged with. */
  room = ir_test_server_open_room (fixture->server, fixture->room);
  {
    GHashTableIter iter;
    gpointer id, seq;

    g_hash_table_iter_init (&iter, acknowledged);
    while (g_hash_table_iter_next (&iter, &id, &seq))
      {
        g_autoptr(IrOp) op = ir_store_get_op (room, id);

        g_assert_nonnull (op);
        g_assert_cmpint (op->seq, ==, GPOINTER_TO_INT (seq));
      }
  }
}

/* --- the client dies ----------------------------------------------------- */

static gint64
room_head (IrSyncApi  *api,
           const char *room)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/rooms/%s", room);
  g_autoptr(JsonNode) node = ir_test_call (api, "GET", path, NULL, NULL, &error);

  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (node), "head");
}

static void
test_client_killed_mid_push (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = ir_test_tmpdir ("ironroom-child-test");
  g_autofree char *path = g_build_filename (dir, "room.db", NULL);
  g_autofree char *count = g_strdup_printf ("%d", N_TRANSACTIONS);
  g_autofree char *child = g_build_filename (g_getenv ("IR_BUILD_DIR"), "tests", "ir-sync-child", NULL);
  g_autoptr(IrSyncApi) watcher = ir_test_login (fixture->server, "wang");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  gint64 head = room_head (watcher, fixture->room);
  gint64 seen_head;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, child,
                              fixture->server->url, "wang", IR_TEST_PASSWORD, fixture->room,
                              path, count, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "ready");

  /* Kill the client once the server has stored some of its pushes. */
  do
    {
      g_usleep (5000);
      seen_head = room_head (watcher, fixture->room);
    }
  while (seen_head == head);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("client killed with %" G_GINT64_FORMAT " ops on the server",
                  seen_head - head);

  /* The same database, a new process: it pushes what is left. */
  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  ir_store_set_actor (store, "wang", IR_ROLES_ANY);
  api = ir_test_login (fixture->server, "wang");
  client = ir_sync_client_new (store, api);
  {
    IrTestClient wrapped = { dir, (char *) "wang", store, api, client };
    IrTestClient *clients[] = { &wrapped };

    ir_sync_client_start (client);
    ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
    ir_sync_client_stop (client);
  }

  g_assert_cmpuint (assert_room_intact (fixture, store), ==, 2 * N_TRANSACTIONS + 6);
  g_clear_object (&client);
  g_clear_object (&store);
  ir_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-crash/server-killed-mid-push", Fixture, NULL,
              fixture_set_up, test_server_killed_mid_push, fixture_tear_down);
  g_test_add ("/sync-crash/client-killed-mid-push", Fixture, NULL,
              fixture_set_up, test_client_killed_mid_push, fixture_tear_down);

  return g_test_run ();
}
