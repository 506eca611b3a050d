/* test-sync-client.c: the sync client against a real server: live edits,
 * convergence with clients going offline, conflicts, refusals, clocks,
 * reused client ids, files and presence
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "ir-hlc.h"
#include "ir-test-server.h"

#define SYNC_TIMEOUT_MS 30000

typedef struct
{
  IrTestServer *server;
  IrSyncApi    *ar;
  char         *room;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const users[] = { "wang", "li", "zhao" };

  fixture->server = ir_test_server_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (users); i++)
    ir_test_server_add_user (fixture->server, users[i]);
  ir_test_server_start (fixture->server, "--rate-limit", "1000", NULL);

  fixture->ar = ir_test_login (fixture->server, "wang");
  fixture->room = ir_test_create_room (fixture->ar, "阀门项目");
  ir_test_add_member (fixture->ar, fixture->room, "li", "SR");
  ir_test_add_member (fixture->ar, fixture->room, "zhao", "FR");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ar);
  g_clear_pointer (&fixture->server, ir_test_server_free);
  g_free (fixture->room);
}

/* --- helpers ------------------------------------------------------------- */

static IrTestClient *
start_client (Fixture    *fixture,
              const char *user)
{
  IrTestClient *client = ir_test_client_new (fixture->server, user, fixture->room, IR_ROLES_ANY);

  ir_sync_client_start (client->client);
  return client;
}

static void
set_string (IrStore    *store,
            const char *entity,
            const char *eid,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);

  ir_tx_set_string (tx, entity, eid, field, value);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static const char *
get_string (IrStore    *store,
            const char *eid,
            const char *field)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, NULL, eid);

  return entity ? g_intern_string (ir_entity_get_string (entity, field)) : NULL;
}

/* Stops the server and checks that its room and every client hold the same
 * state. */
static void
assert_converged (Fixture       *fixture,
                  IrTestClient **clients,
                  guint          n_clients)
{
  g_autoptr(IrStore) server_store = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < n_clients; i++)
    ir_sync_client_stop (clients[i]->client);
  ir_test_server_stop (fixture->server);

  server_store = ir_test_server_open_room (fixture->server, fixture->room);
  expected = ir_store_dump (server_store);
  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *dump = ir_store_dump (clients[i]->store);

      g_assert_cmpstr (dump, ==, expected);
    }
}

typedef struct
{
  IrTestClient *client;
  const char   *eid;
  const char   *field;
  const char   *value;
} FieldWait;

static gboolean
field_arrived (gpointer data)
{
  FieldWait *wait = data;

  return g_strcmp0 (get_string (wait->client->store, wait->eid, wait->field), wait->value) == 0;
}

/* --- live edits ---------------------------------------------------------- */

static void
test_edit_reaches_others (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  IrTestClient *clients[] = { a, b };
  g_autofree char *eid = NULL;
  FieldWait wait = { b, NULL, "name", "王建国" };
  gint64 start;

  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_assert_cmpint (ir_sync_client_get_state (a->client), ==, IR_SYNC_STATE_UP_TO_DATE);

  /* Edits come over the socket, well within a second. */
  start = g_get_monotonic_time ();
  eid = ir_test_stakeholder (a->store, "王建国");
  wait.eid = eid;
  g_assert_true (ir_test_wait_until (field_arrived, &wait, 5000));
  g_test_message ("edit reached the other client in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* The author is the logged-in user, with the role the server gives. */
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (b->store, "stakeholder", eid);

    g_assert_cmpstr (ir_entity_get_field_actor (entity, "name"), ==, "wang");
    g_assert_cmpuint (ir_store_get_roles (b->store), ==, IR_ROLE_SR);
  }

  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  assert_converged (fixture, clients, 2);
}

static void
test_offline_state (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  IrTestClient *clients[] = { a };
  g_autofree char *eid = NULL;

  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);

  /* The server goes away: edits wait, counted. */
  ir_test_server_stop (fixture->server);
  eid = ir_test_stakeholder (a->store, "离线");
  set_string (a->store, "stakeholder", eid, "title", "总工");
  while (ir_sync_client_get_state (a->client) != IR_SYNC_STATE_OFFLINE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ir_sync_client_get_pending (a->client), ==, 3);
  g_assert_nonnull (strstr (ir_sync_client_get_error (a->client), "Failed to reach"));

  /* It comes back: the client finds it again by itself. */
  ir_test_server_restart (fixture->server);
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  g_assert_cmpuint (ir_sync_client_get_pending (a->client), ==, 0);
  g_assert_null (ir_sync_client_get_error (a->client));
  assert_converged (fixture, clients, 1);
}

/* --- convergence --------------------------------------------------------- */

static const char * const names[] = { "王建国", "李明", "赵强", "钱芳", "孙伟", "周杰" };
static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic", "blocker" };

static void
random_edit (IrTestClient *client,
             GRand        *rand,
             GPtrArray    *known)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (client->store);
  g_autoptr(GPtrArray) ids = ir_store_list_ids (client->store, "stakeholder", TRUE);
  const char *eid = ids->len ? g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len)) : NULL;
  int kind = eid ? g_rand_int_range (rand, 0, 10) : 0;

  switch (kind)
    {
    case 0:
      {
        g_autofree char *created = ir_tx_create (tx, "stakeholder");

        ir_tx_set_string (tx, "stakeholder", created, "name",
                          names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
        ir_tx_set_int (tx, "stakeholder", created, "influence", 3);
        g_ptr_array_add (known, g_steal_pointer (&created));
      }
      break;
    case 1:
      ir_tx_delete (tx, "stakeholder", eid);
      break;
    case 2:
      ir_tx_restore (tx, "stakeholder", eid);
      break;
    case 3:
    case 4:
      ir_tx_set_int (tx, "stakeholder", eid, "influence", g_rand_int_range (rand, 1, 6));
      break;
    case 5:
    case 6:
      ir_tx_set_string (tx, "stakeholder", eid, "stance",
                        stances[g_rand_int_range (rand, 0, G_N_ELEMENTS (stances))]);
      break;
    default:
      ir_tx_set_string (tx, "stakeholder", eid, "name",
                        names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      break;
    }

  g_assert_true (ir_store_commit (client->store, tx, &error));
  g_assert_no_error (error);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_three_clients_converge (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  g_autoptr(IrTestClient) c = start_client (fixture, "zhao");
  IrTestClient *clients[] = { a, b, c };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  guint offline_rounds = 0;

  ir_test_wait_synced (clients, 3, SYNC_TIMEOUT_MS);

  for (guint round = 0; round < 60; round++)
    {
      for (guint i = 0; i < 3; i++)
        {
          /* Each client goes offline or online at random, edits, and the
           * loop runs a little so that some pushes and pulls overlap. */
          if (g_rand_int_range (rand, 0, 6) == 0)
            ir_sync_client_set_online (clients[i]->client,
                                       !ir_sync_client_get_online (clients[i]->client));
          if (!ir_sync_client_get_online (clients[i]->client))
            offline_rounds++;

          for (int n = g_rand_int_range (rand, 1, 4); n > 0; n--)
            random_edit (clients[i], rand, known);
        }
      run_for (g_rand_int_range (rand, 0, 40));
    }

  g_test_message ("%u client rounds offline, %u stakeholders created", offline_rounds, known->len);
  g_assert_cmpuint (offline_rounds, >, 0);

  for (guint i = 0; i < 3; i++)
    ir_sync_client_set_online (clients[i]->client, TRUE);
  ir_test_wait_synced (clients, 3, SYNC_TIMEOUT_MS);
  assert_converged (fixture, clients, 3);
}

static void
test_delete_versus_offline_edit (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  IrTestClient *clients[] = { a, b };
  g_autofree char *eid = NULL;
  g_autoptr(GError) error = NULL;

  eid = ir_test_stakeholder (a->store, "王建国");
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* b edits offline what a deletes online. */
  ir_sync_client_stop (b->client);
  set_string (b->store, "stakeholder", eid, "title", "采购部长");
  {
    g_autoptr(IrTx) tx = ir_store_begin (a->store);

    ir_tx_delete (tx, "stakeholder", eid);
    g_assert_true (ir_store_commit (a->store, tx, &error));
  }
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);

  ir_sync_client_start (b->client);
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* Every replica keeps the edit: the stakeholder is back, marked restored
   * with who deleted it. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(IrEntity) entity = ir_store_get_entity (clients[i]->store, "stakeholder", eid);

      g_assert_true (ir_entity_is_visible (entity));
      g_assert_true (ir_entity_is_restored (entity));
      g_assert_cmpstr (ir_entity_get_deleted_by (entity), ==, "wang");
      g_assert_cmpstr (ir_entity_get_string (entity, "title"), ==, "采购部长");
    }

  assert_converged (fixture, clients, 2);
}

/* --- refusals ------------------------------------------------------------ */

static void
refused_cb (IrSyncClient *client,
            IrRefusal    *refusal,
            gpointer      user_data)
{
  g_ptr_array_add (user_data, ir_refusal_copy (refusal));
}

static void
test_refused_rolled_back (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  IrTestClient *clients[] = { a, b };
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_refusal_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *patch = g_strdup_printf ("/rooms/%s/members/li", fixture->room);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *task = NULL;

  eid = ir_test_stakeholder (a->store, "王建国");
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_signal_connect (b->client, "refused", G_CALLBACK (refused_cb), refused);

  /* While li is offline, the AR makes li an observer; li still edits with
   * the role li had. */
  ir_sync_client_stop (b->client);
  node = ir_test_call (fixture->ar, "PATCH", patch, "{\"role\":\"observer\"}", NULL, &error);
  g_assert_no_error (error);
  set_string (b->store, "stakeholder", eid, "title", "厂长");
  {
    g_autoptr(IrTx) tx = ir_store_begin (b->store);

    task = ir_tx_create (tx, "task");
    ir_tx_set_string (tx, "task", task, "name", "首检");
    g_assert_true (ir_store_commit (b->store, tx, &error));
  }
  g_assert_cmpstr (get_string (b->store, eid, "title"), ==, "厂长");

  ir_sync_client_start (b->client);
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* Both were refused, rolled back and listed with the server's reason. */
  g_assert_cmpuint (refused->len, ==, 2);
  g_assert_nonnull (strstr (((IrRefusal *) refused->pdata[0])->reason, "not allowed"));
  listed = ir_sync_client_get_refused (b->client);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_null (get_string (b->store, eid, "title"));
  g_assert_null (ir_store_get_entity (b->store, "task", task));
  g_assert_cmpuint (ir_store_get_roles (b->store), ==, IR_ROLE_OBSERVER);
  g_assert_cmpint (ir_sync_client_get_state (b->client), ==, IR_SYNC_STATE_UP_TO_DATE);

  assert_converged (fixture, clients, 2);
}

static gint64
ten_minutes_ahead (gpointer data)
{
  return ir_hlc_wall_ms () + 10 * 60 * 1000;
}

static void
test_clock_ahead_restamped (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  IrTestClient *clients[] = { a, b };
  g_autofree char *eid = NULL;
  gint64 limit;

  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  ir_sync_client_stop (a->client);
  ir_store_set_clock_source (a->store, ten_minutes_ahead, NULL);
  eid = ir_test_stakeholder (a->store, "快钟");
  ir_sync_client_start (a->client);
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* The server refused the clock; the client re-stamped and pushed. */
  limit = ir_hlc_make (ir_hlc_wall_ms () + 60 * 1000, 0);
  {
    g_autoptr(GPtrArray) history = ir_store_get_history (b->store, eid);

    g_assert_cmpuint (history->len, ==, 2);
    for (guint i = 0; i < history->len; i++)
      g_assert_cmpint (((IrOp *) history->pdata[i])->hlc, <, limit);
  }
  g_assert_cmpstr (get_string (b->store, eid, "name"), ==, "快钟");

  /* Later edits use the server's time too. */
  set_string (a->store, "stakeholder", eid, "title", "处长");
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_assert_cmpstr (get_string (b->store, eid, "title"), ==, "处长");
  assert_converged (fixture, clients, 2);
}

static void
test_client_id_reused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) copy = NULL;
  IrTestClient *clients[] = { a, NULL };
  g_autofree char *eid = NULL;
  g_autofree char *source = g_build_filename (a->dir, "room.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *copied_path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  eid = ir_test_stakeholder (a->store, "王建国");
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  ir_sync_client_stop (a->client);

  /* A copy of the database, as a restored backup: the same client id and
   * counter. Both write the next op ids with other content. */
  copy = ir_test_client_new (fixture->server, "wang", fixture->room, IR_ROLES_ANY);
  g_clear_object (&copy->client);
  g_clear_object (&copy->store);
  copied_path = g_build_filename (copy->dir, "room.db", NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copied_path, contents, length, &error));

  /* The log of the open database is in its write-ahead file too. */
  {
    g_autofree char *wal = g_strconcat (source, "-wal", NULL);
    g_autofree char *copied_wal = g_strconcat (copied_path, "-wal", NULL);
    g_autofree char *wal_contents = NULL;

    if (g_file_get_contents (wal, &wal_contents, &length, NULL))
      g_assert_true (g_file_set_contents (copied_wal, wal_contents, length, &error));
  }
  copy->store = ir_store_open (copied_path, NULL, &error);
  g_assert_no_error (error);
  ir_store_set_actor (copy->store, "wang", IR_ROLES_ANY);
  copy->client = ir_sync_client_new (copy->store, copy->api);
  g_assert_cmpstr (ir_store_get_client_id (copy->store), ==, ir_store_get_client_id (a->store));

  set_string (a->store, "stakeholder", eid, "title", "原件");
  set_string (copy->store, "stakeholder", eid, "notes", "副本");

  clients[1] = copy;
  ir_sync_client_start (a->client);
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  ir_sync_client_start (copy->client);
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);

  /* The copy took a new client id and both edits arrived everywhere. */
  g_assert_cmpstr (ir_store_get_client_id (copy->store), !=, ir_store_get_client_id (a->store));
  g_assert_cmpstr (get_string (a->store, eid, "notes"), ==, "副本");
  g_assert_cmpstr (get_string (copy->store, eid, "title"), ==, "原件");
  assert_converged (fixture, clients, 2);
}

/* --- files --------------------------------------------------------------- */

static void
add_revision (IrStore    *store,
              const char *drawing,
              const char *sha256,
              gint64      uploaded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autofree char *revision = ir_tx_create (tx, "revision");

  ir_tx_set_string (tx, "revision", revision, "drawing", drawing);
  ir_tx_set_string (tx, "revision", revision, "blob", sha256);
  ir_tx_set_int (tx, "revision", revision, "uploaded", uploaded);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static gboolean
downloads_done (gpointer data)
{
  return ir_sync_client_get_pending_downloads (data) == 0;
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_files_travel_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = NULL;
  IrTestClient *clients[] = { a, NULL };
  IrBlobStore *blobs = ir_store_get_blobs (a->store);
  g_autoptr(GBytes) old_pdf = g_bytes_new_static ("%PDF-1.4 rev A", 14);
  g_autoptr(GBytes) new_pdf = g_bytes_new_static ("%PDF-1.4 rev B", 14);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_sha = ir_blob_store_add_bytes (blobs, old_pdf, &error);
  g_autofree char *new_sha = ir_blob_store_add_bytes (blobs, new_pdf, &error);
  g_autofree char *drawing = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  IrBlobStore *b_blobs;

  {
    g_autoptr(IrTx) tx = ir_store_begin (a->store);

    drawing = ir_tx_create (tx, "drawing");
    ir_tx_set_string (tx, "drawing", drawing, "title", "阀体总图");
    g_assert_true (ir_store_commit (a->store, tx, &error));
  }
  add_revision (a->store, drawing, old_sha, 1000);
  add_revision (a->store, drawing, new_sha, 2000);

  /* The pushes waited for the files, which went up once. */
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  g_assert_cmpuint (ir_store_count_refused (a->store), ==, 0);

  /* A new client gets the latest revision eagerly, the older on demand. */
  b = start_client (fixture, "li");
  clients[1] = b;
  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  g_assert_true (ir_test_wait_until (downloads_done, b->client, SYNC_TIMEOUT_MS));
  b_blobs = ir_store_get_blobs (b->store);
  g_assert_true (ir_blob_store_contains (b_blobs, new_sha));
  g_assert_false (ir_blob_store_contains (b_blobs, old_sha));

  ir_sync_client_fetch_blob_async (b->client, old_sha, NULL, fetched_cb, &result);
  ir_test_run_until_task (&result);
  g_assert_true (ir_sync_client_fetch_blob_finish (b->client, result, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) loaded = ir_blob_store_load (b_blobs, old_sha, &error);

    g_assert_true (g_bytes_equal (loaded, old_pdf));
  }
}

static void
test_missing_file_not_synced (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  IrTestClient *clients[] = { a };
  g_autofree char *missing = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "gone", -1);
  g_autofree char *drawing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = NULL;

  {
    g_autoptr(IrTx) tx = ir_store_begin (a->store);

    drawing = ir_tx_create (tx, "drawing");
    ir_tx_set_string (tx, "drawing", drawing, "title", "缺图");
    g_assert_true (ir_store_commit (a->store, tx, &error));
  }
  add_revision (a->store, drawing, missing, 1000);
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);

  /* The file is not on this computer: that revision is listed as not
   * synced, and the drawing went through. */
  refused = ir_sync_client_get_refused (a->client);
  g_assert_cmpuint (refused->len, ==, 1);
  g_assert_nonnull (strstr (((IrRefusal *) refused->pdata[0])->reason, missing));
  assert_converged (fixture, clients, 1);
}

/* --- a server restored from a backup ------------------------------------- */

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_mkdir_with_parents (to, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autoptr(GFile) source_file = g_file_new_for_path (source);
      g_autoptr(GFile) target_file = g_file_new_for_path (target);
      g_autoptr(GError) error = NULL;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        g_assert_true (g_file_copy (source_file, target_file, G_FILE_COPY_OVERWRITE, NULL, NULL,
                                    NULL, &error));
    }
}

static gboolean
stopped_with_error (gpointer data)
{
  return ir_sync_client_get_state (data) == IR_SYNC_STATE_ERROR;
}

static void
test_server_restored_from_backup (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  IrTestClient *clients[] = { a };
  g_autofree char *backup = ir_test_tmpdir ("ironroom-backup-test");
  g_autofree char *rooms = g_build_filename (fixture->server->data_dir, "rooms", NULL);
  g_autofree char *db = g_build_filename (fixture->server->data_dir, "server.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *eid = NULL;

  eid = ir_test_stakeholder (a->store, "备份前");
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  g_free (ir_test_server_admin (fixture->server, NULL, "backup", backup, NULL));

  /* Edits after the backup, then the server comes back from it. */
  set_string (a->store, "stakeholder", eid, "title", "备份后");
  ir_test_wait_synced (clients, 1, SYNC_TIMEOUT_MS);
  ir_test_server_stop (fixture->server);
  ir_test_rmdir (rooms);
  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  copy_tree (backup, fixture->server->data_dir);
  ir_test_server_restart (fixture->server);

  /* The client notices instead of skipping what the server hands out. */
  g_assert_true (ir_test_wait_until (stopped_with_error, a->client, SYNC_TIMEOUT_MS));
  g_assert_cmpint (ir_sync_client_get_error_code (a->client), ==, IR_SYNC_ERROR_CONFLICT);
  g_assert_nonnull (strstr (ir_sync_client_get_error (a->client), "backup"));
  ir_test_rmdir (backup);
}

/* --- members and presence ------------------------------------------------ */

static void
removed_cb (IrSyncClient *client,
            gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
both_present (gpointer data)
{
  IrTestClient *client = data;
  GPtrArray *presence = ir_sync_client_get_presence (client->client);
  gboolean plan = FALSE, map = FALSE;

  for (guint i = 0; i < presence->len; i++)
    {
      IrPresence *item = g_ptr_array_index (presence, i);

      plan |= g_str_equal (item->user, "wang") && g_str_equal (item->page, "plan");
      map |= g_str_equal (item->user, "li") && g_str_equal (item->page, "map");
    }

  return plan && map;
}

static void
test_presence_and_removal (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IrTestClient) a = start_client (fixture, "wang");
  g_autoptr(IrTestClient) b = start_client (fixture, "li");
  IrTestClient *clients[] = { a, b };
  g_autofree char *path = g_strdup_printf ("/rooms/%s/members/li", fixture->room);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean removed = FALSE;

  ir_test_wait_synced (clients, 2, SYNC_TIMEOUT_MS);
  ir_sync_client_set_page (a->client, "plan");
  ir_sync_client_set_page (b->client, "map");
  g_assert_true (ir_test_wait_until (both_present, a, 5000));
  g_assert_true (ir_test_wait_until (both_present, b, 5000));

  /* li is removed: li's client hears it and stops with the reason. */
  g_signal_connect (b->client, "removed", G_CALLBACK (removed_cb), &removed);
  node = ir_test_call (fixture->ar, "DELETE", path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_test_wait_until (flag_set, &removed, 5000));
  g_assert_cmpint (ir_sync_client_get_state (b->client), ==, IR_SYNC_STATE_ERROR);
  g_assert_cmpint (ir_sync_client_get_error_code (b->client), ==, IR_SYNC_ERROR_NOT_MEMBER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-client/edit-reaches-others", Fixture, NULL,
              fixture_set_up, test_edit_reaches_others, fixture_tear_down);
  g_test_add ("/sync-client/offline-state", Fixture, NULL,
              fixture_set_up, test_offline_state, fixture_tear_down);
  g_test_add ("/sync-client/three-clients-converge", Fixture, NULL,
              fixture_set_up, test_three_clients_converge, fixture_tear_down);
  g_test_add ("/sync-client/delete-versus-offline-edit", Fixture, NULL,
              fixture_set_up, test_delete_versus_offline_edit, fixture_tear_down);
  g_test_add ("/sync-client/refused-rolled-back", Fixture, NULL,
              fixture_set_up, test_refused_rolled_back, fixture_tear_down);
  g_test_add ("/sync-client/clock-ahead-restamped", Fixture, NULL,
              fixture_set_up, test_clock_ahead_restamped, fixture_tear_down);
  g_test_add ("/sync-client/client-id-reused", Fixture, NULL,
              fixture_set_up, test_client_id_reused, fixture_tear_down);
  g_test_add ("/sync-client/files-travel-once", Fixture, NULL,
              fixture_set_up, test_files_travel_once, fixture_tear_down);
  g_test_add ("/sync-client/missing-file-not-synced", Fixture, NULL,
              fixture_set_up, test_missing_file_not_synced, fixture_tear_down);
  g_test_add ("/sync-client/server-restored-from-backup", Fixture, NULL,
              fixture_set_up, test_server_restored_from_backup, fixture_tear_down);
  g_test_add ("/sync-client/presence-and-removal", Fixture, NULL,
              fixture_set_up, test_presence_and_removal, fixture_tear_down);

  return g_test_run ();
}
