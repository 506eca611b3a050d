/* test-sync-large.c: a push of 50,000 ops and a 30 MB file go through
 * intact, in pages, with every socket message far below libsoup's limit
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-test-server.h"

#define N_TRANSACTIONS 2500
#define OPS_PER_TX 20
#define BLOB_SIZE (30 * 1024 * 1024)
#define SYNC_TIMEOUT_MS 120000

/* libsoup's default limit for an incoming WebSocket message. */
#define SOUP_INCOMING_LIMIT (128 * 1024)

static const char * const text_fields[] = {
  "name", "title", "department", "concern_note", "notes", "phone", "email",
};

static void
write_ops (IrStore *store)
{
  for (guint i = 0; i < N_TRANSACTIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IrTx) tx = ir_store_begin (store);
      g_autofree char *first = ir_tx_create (tx, "stakeholder");
      g_autofree char *second = ir_tx_create (tx, "stakeholder");

      /* Ten fields of two stakeholders: twenty ops in one transaction. */
      for (guint j = 0; j < G_N_ELEMENTS (text_fields); j++)
        {
          g_autofree char *value = g_strdup_printf ("%s %u · 第%u号", text_fields[j], i, j);

          ir_tx_set_string (tx, "stakeholder", first, text_fields[j], value);
          ir_tx_set_string (tx, "stakeholder", second, text_fields[j], value);
        }
      ir_tx_set_int (tx, "stakeholder", first, "influence", 1 + i % 5);
      ir_tx_set_int (tx, "stakeholder", second, "influence", 1 + i % 5);
      ir_tx_set_int (tx, "stakeholder", first, "rank", 1 + i % 20);
      ir_tx_set_int (tx, "stakeholder", second, "rank", 1 + i % 20);
      ir_tx_set_double (tx, "stakeholder", first, "x", i);
      ir_tx_set_double (tx, "stakeholder", second, "x", -(double) i);
      g_assert_cmpuint (ir_tx_get_n_ops (tx), ==, OPS_PER_TX);
      g_assert_true (ir_store_commit (store, tx, &error));
      g_assert_no_error (error);
    }
}

static GBytes *
make_blob (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint32 *data = g_malloc (BLOB_SIZE);

  for (gsize i = 0; i < BLOB_SIZE / sizeof (guint32); i++)
    data[i] = g_rand_int (rand);

  return g_bytes_new_take (data, BLOB_SIZE);
}

static gboolean
downloads_done (gpointer data)
{
  return ir_sync_client_get_pending_downloads (data) == 0;
}

/* Counts the pulls of @user in the server's request log. */
static guint
count_pulls (IrTestServer *server,
             const char   *user)
{
  g_autofree char *path = g_build_filename (server->data_dir, "server.log", NULL);
  g_autofree char *log = NULL;
  const char *needle = "/ops status=200";
  g_autofree char *who = g_strdup_printf ("user=%s", user);
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  g_assert_true (g_file_get_contents (path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "method=GET") && strstr (lines[i], needle) && strstr (lines[i], who))
      count++;

  return count;
}

static void
test_large_push_and_file (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  g_autoptr(IrSyncApi) api = NULL;
  g_autofree char *room = NULL;
  g_autoptr(IrTestClient) a = NULL;
  g_autoptr(IrTestClient) b = NULL;
  g_autoptr(GBytes) blob = make_blob ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) server_store = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *expected = NULL;
  IrTestClient *clients[2];
  gint64 start;

  ir_test_server_add_user (server, "wang");
  ir_test_server_add_user (server, "li");
  ir_test_server_start (server, "--rate-limit", "1000", NULL);
  api = ir_test_login (server, "wang");
  room = ir_test_create_room (api, "大项目");
  ir_test_add_member (api, room, "li", "SR");

  a = ir_test_client_new (server, "wang", room, IR_ROLES_ANY);
  b = ir_test_client_new (server, "li", room, IR_ROLES_ANY);
  clients[0] = a;
  clients[1] = b;
  ir_sync_client_start (a->client);
  ir_sync_client_start (b->client);
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* 50,000 ops go up in batches and reach b in pages. */
  write_ops (a->store);
  g_assert_cmpuint (ir_store_count_unpushed (a->store), ==, N_TRANSACTIONS * OPS_PER_TX);
  start = g_get_monotonic_time ();
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_test_message ("%d ops pushed and pulled in %.2f s", N_TRANSACTIONS * OPS_PER_TX,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (count_pulls (server, "li"), >=, N_TRANSACTIONS * OPS_PER_TX / IR_SYNC_MAX_PULL_OPS);

  /* A 30 MB drawing: uploaded when the server refuses the push without it, downloaded by b
   * as the latest revision. */
  sha256 = ir_blob_store_add_bytes (ir_store_get_blobs (a->store), blob, &error);
  g_assert_no_error (error);
  {
    g_autoptr(IrTx) tx = ir_store_begin (a->store);
    g_autofree char *drawing = ir_tx_create (tx, "drawing");
    g_autofree char *revision = ir_tx_create (tx, "revision");

    ir_tx_set_string (tx, "drawing", drawing, "title", "总装图");
    ir_tx_set_string (tx, "revision", revision, "drawing", drawing);
    ir_tx_set_string (tx, "revision", revision, "blob", sha256);
    ir_tx_set_int (tx, "revision", revision, "size", BLOB_SIZE);
    g_assert_true (ir_store_commit (a->store, tx, &error));
  }
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_assert_true (ir_test_wait_until (downloads_done, b->client, SYNC_TIMEOUT_MS));
  {
    g_autoptr(GBytes) downloaded = ir_blob_store_load (ir_store_get_blobs (b->store), sha256, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (downloaded, blob));
  }

  /* The socket carried notices, never anything near the limit. */
  g_test_message ("largest socket messages: %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes",
                  ir_sync_client_get_largest_message (a->client),
                  ir_sync_client_get_largest_message (b->client));
  g_assert_cmpuint (ir_sync_client_get_largest_message (b->client), >, 0);
  g_assert_cmpuint (ir_sync_client_get_largest_message (a->client), <=, IR_SYNC_MAX_SERVER_FRAME);
  g_assert_cmpuint (ir_sync_client_get_largest_message (b->client), <=, IR_SYNC_MAX_SERVER_FRAME);
  g_assert_cmpuint (IR_SYNC_MAX_SERVER_FRAME * 4, <=, SOUP_INCOMING_LIMIT);

  /* Intact: both clients hold what the server holds. */
  ir_sync_client_stop (a->client);
  ir_sync_client_stop (b->client);
  ir_test_server_stop (server);
  server_store = ir_test_server_open_room (server, room);
  expected = ir_store_dump (server_store);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *dump = ir_store_dump (clients[i]->store);

      g_assert_cmpstr (dump, ==, expected);
    }
  /* The room's own ten ops (its name and two members) and the drawing's
   * four come on top. */
  g_assert_cmpint (ir_store_get_max_seq (server_store), ==, N_TRANSACTIONS * OPS_PER_TX + 10 + 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-large/push-and-file", test_large_push_and_file);

  return g_test_run ();
}
