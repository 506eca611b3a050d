/* test-sync-manager.c: the app's side of sync, without a display: signing
 * in and its errors, uploading a local-only room, downloading a room, the
 * inbox's "what changed" in local order, and the values a field lost
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every server is a real ironroom-server on 127.0.0.1 with port 0. The
 * test has no session bus, so sessions are kept in this process only, as
 * on a computer without a keyring.
 */
#include "config.h"

#include <string.h>

#include "ir-conflict.h"
#include "ir-hlc.h"
#include "ir-inbox.h"
#include "ir-map-model.h"
#include "ir-store-log.h"
#include "ir-sync-manager.h"
#include "ir-test-server.h"

#define OTHER_CLIENT "0123456789abcdef0123456789abcdef"

typedef struct
{
  IrTestServer    *server;
  char            *rooms_dir;
  IrRoomDirectory *rooms;
  IrSyncManager   *manager;
} Fixture;

/* --- helpers -------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = ir_test_server_new ();
  ir_test_server_start (fixture->server, "--rate-limit", "1000", NULL);
  ir_test_server_add_user (fixture->server, "wang");
  ir_test_server_add_user (fixture->server, "li");

  fixture->rooms_dir = ir_test_tmpdir ("ironroom-rooms");
  fixture->rooms = ir_room_directory_new (fixture->rooms_dir);
  fixture->manager = ir_sync_manager_new (fixture->rooms);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->rooms);
  ir_test_rmdir (fixture->rooms_dir);
  g_free (fixture->rooms_dir);
  ir_test_server_free (fixture->server);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static IrSyncApi *
sign_in (IrSyncManager  *manager,
         const char     *url,
         const char     *user,
         const char     *password,
         gboolean       *session_only,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ir_sync_manager_sign_in_async (manager, url, user, password, NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);

  return ir_sync_manager_sign_in_finish (manager, result, session_only, error);
}

static gboolean
upload (IrSyncManager  *manager,
        IrSyncApi      *api,
        IrStore        *store,
        const char     *name,
        guint          *n_refused,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ir_sync_manager_upload_room_async (manager, api, store, name, NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);

  return ir_sync_manager_upload_room_finish (manager, result, n_refused, error);
}

static IrRoomInfo *
download (IrSyncManager  *manager,
          IrSyncApi      *api,
          const char     *id,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  IrServerRoom *room = NULL;

  ir_sync_manager_list_rooms_async (manager, api, NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);
  rooms = ir_sync_manager_list_rooms_finish (manager, result, error);
  g_assert_nonnull (rooms);
  g_clear_object (&result);

  for (guint i = 0; i < rooms->len; i++)
    if (g_str_equal (((IrServerRoom *) rooms->pdata[i])->id, id))
      room = rooms->pdata[i];
  g_assert_nonnull (room);

  ir_sync_manager_download_room_async (manager, api, room, NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);

  return ir_sync_manager_download_room_finish (manager, result, error);
}

static gboolean
client_up_to_date (gpointer data)
{
  IrSyncClient *client = data;

  return ir_sync_client_get_state (client) == IR_SYNC_STATE_UP_TO_DATE &&
         ir_sync_client_get_pending (client) == 0;
}

static char *
add_stakeholder (IrStore    *store,
                 const char *name)
{
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GError) error = NULL;
  char *eid = ir_tx_create (tx, "stakeholder");

  ir_tx_set_string (tx, "stakeholder", eid, "name", name);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}

/* Commits one edit as another member, as an imported or demo room has. */
static void
set_as (IrStore    *store,
        const char *actor,
        const char *eid,
        const char *field,
        const char *value)
{
  g_autofree char *own = g_strdup (ir_store_get_actor (store));
  guint roles = ir_store_get_roles (store);
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;

  ir_store_set_actor (store, actor, IR_ROLES_TRIO);
  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", eid, field, value);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
  ir_store_set_actor (store, own, roles);
}

static void
apply_synced (IrStore    *store,
              const char *eid,
              const char *field,
              const char *value,
              gint64      seq)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GError) error = NULL;
  IrOp *op = ir_op_new ();

  op->id = g_strdup_printf ("%s:%" G_GINT64_FORMAT, OTHER_CLIENT, seq);
  op->room = g_strdup (ir_store_get_room_id (store));
  op->tx = g_strdup (op->id);
  op->entity = g_strdup ("stakeholder");
  op->eid = g_strdup (eid);
  op->field = g_strdup (field);
  op->value = json_node_init_string (json_node_alloc (), value);
  op->hlc = ir_hlc_make (g_get_real_time () / 1000, 0);
  op->actor = g_strdup ("li.wei");
  op->schema = IR_SCHEMA_VERSION;
  op->seq = seq;
  op->received = g_get_real_time ();
  g_ptr_array_add (ops, op);

  g_assert_true (ir_store_apply_remote (store, ops, &error));
  g_assert_no_error (error);
}

static char *
room_name (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);

  return room ? g_strdup (ir_entity_get_string (room, "name")) : NULL;
}

/* Returns a port on 127.0.0.1 where nothing listens. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_listener_close (listener);

  return port;
}

static void
not_ironroom_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  soup_server_message_set_status (msg, 404, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                    "<h1>Not here</h1>", strlen ("<h1>Not here</h1>"));
}

/* Starts ironroom-server with HTTPS and a self-signed certificate, made
 * with openssl, in a folder of its own; returns %NULL when openssl is
 * missing. */
static GSubprocess *
start_tls_server (char **url)
{
  g_autofree char *dir = ir_test_tmpdir ("ironroom-tls");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GSubprocess) made = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  if (openssl == NULL)
    {
      g_test_message ("openssl is missing; the TLS case is not checked");
      return NULL;
    }

  made = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                           "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                           NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (made, NULL, &error));

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, g_getenv ("IR_SERVER"), "--data", data, "serve",
                             "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key,
                             NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "Listening on https://127.0.0.1:"));
  *url = g_strdup (line + strlen ("Listening on "));

  /* The server has read its files; the folder can go. */
  ir_test_rmdir (dir);

  return server;
}

/* --- inbox ---------------------------------------------------------------- */

static void
test_inbox_local_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrRoomInfo) room = ir_room_directory_create (fixture->rooms, "Pump station", NULL,
                                                         FALSE, &store, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  IrInboxChange *change;
  gint64 seen, last = 0;

  g_assert_no_error (error);
  first = add_stakeholder (store, "王建国");
  second = add_stakeholder (store, "刘芳");

  /* A room the member never looked at starts with nothing new. */
  seen = ir_inbox_get_seen_row (store);
  g_assert_cmpint (seen, ==, ir_store_get_last_row (store));
  g_assert_cmpuint (ir_inbox_count_unread (store), ==, 0);

  /* Another member's edits in a room that never met a server. */
  set_as (store, "li.wei", first, "stance", "champion");
  set_as (store, "li.wei", first, "title", "厂长");
  set_as (store, "zhang.min", second, "title", "采购经理");
  g_free (add_stakeholder (store, "Own edit"));

  changes = ir_inbox_collect_changes (store, ir_inbox_get_seen_row (store), &last);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (last, ==, ir_store_get_last_row (store));
  for (guint i = 0; i < changes->len; i++)
    {
      change = changes->pdata[i];
      if (g_str_equal (change->eid, first))
        {
          g_assert_cmpuint (change->n_ops, ==, 2);
          g_assert_cmpuint (change->fields->len, ==, 2);
          g_assert_cmpstr (change->fields->pdata[0], ==, "stance");
          g_assert_cmpuint (change->actors->len, ==, 1);
          g_assert_cmpstr (change->actors->pdata[0], ==, "li.wei");
        }
      else
        {
          g_assert_cmpstr (change->eid, ==, second);
          g_assert_cmpstr (change->actors->pdata[0], ==, "zhang.min");
        }
      g_assert_cmpint (change->time, >, 0);
    }
  g_assert_cmpuint (ir_inbox_count_unread (store), ==, 2);

  ir_inbox_mark_seen (store, last);
  g_assert_cmpuint (ir_inbox_count_unread (store), ==, 0);

  set_as (store, "li.wei", second, "stance", "blocker");
  g_assert_cmpuint (ir_inbox_count_unread (store), ==, 1);

  ir_store_close (store);
}

static void
test_inbox_seen_sequence (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrRoomInfo) room = ir_room_directory_create (fixture->rooms, "Pump station", NULL,
                                                         FALSE, &store, &error);
  g_autofree char *person = add_stakeholder (store, "王建国");
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_no_error (error);
  apply_synced (store, person, "title", "厂长", 1);
  apply_synced (store, person, "stance", "champion", 2);

  /* A replica that looked at sequence 1 before the inbox read local rows
   * still gets only what came after it. */
  ir_store_set_meta (store, "inbox_seen_seq", "1");
  changes = ir_inbox_collect_changes (store, ir_inbox_get_seen_row (store), NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (((IrInboxChange *) changes->pdata[0])->n_ops, ==, 1);
  g_assert_cmpstr (((IrInboxChange *) changes->pdata[0])->fields->pdata[0], ==, "stance");

  ir_store_close (store);
}

/* --- sign-in -------------------------------------------------------------- */

static void
test_sign_in_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autoptr(SoupServer) web = soup_server_new (NULL, NULL);
  g_autofree char *closed = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autofree char *tls_url = NULL;
  g_autofree char *web_url = NULL;
  g_autoptr(GSubprocess) tls = NULL;
  GSList *uris;

  api = sign_in (fixture->manager, "  ", "wang", IR_TEST_PASSWORD, NULL, &error);
  g_assert_null (api);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  api = sign_in (fixture->manager, fixture->server->url, "wang", "wrong", NULL, &error);
  g_assert_null (api);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "password is wrong"));
  g_assert_nonnull (strstr (error->message, "“wang”"));
  g_clear_error (&error);

  api = sign_in (fixture->manager, closed, "wang", IR_TEST_PASSWORD, NULL, &error);
  g_assert_null (api);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "connection was refused"));
  g_assert_nonnull (strstr (error->message, closed));
  g_clear_error (&error);

  /* A server whose certificate this computer does not trust. */
  tls = start_tls_server (&tls_url);
  if (tls != NULL)
    {
      api = sign_in (fixture->manager, tls_url, "wang", IR_TEST_PASSWORD, NULL, &error);
      g_assert_null (api);
      g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK);
      g_assert_nonnull (strstr (error->message, "secure connection"));
      g_assert_nonnull (strstr (error->message, "certificate authority"));
      g_clear_error (&error);
      g_subprocess_force_exit (tls);
      g_subprocess_wait (tls, NULL, NULL);
    }

  /* A web server that is not an Iron Room server. */
  soup_server_add_handler (web, NULL, not_ironroom_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (web, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (web);
  web_url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  api = sign_in (fixture->manager, web_url, "wang", IR_TEST_PASSWORD, NULL, &error);
  g_assert_null (api);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not as an Iron Room server"));
  g_clear_error (&error);

  g_assert_null (ir_sync_manager_get_last_session (fixture->manager));
}

static void
test_sign_in_session (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autofree char *typed = g_strdup_printf ("%s/api/v1/", fixture->server->url);
  g_autofree char *normal = ir_sync_manager_normalize_url ("sync.example.com:8765/");
  gboolean session_only = FALSE;

  g_assert_cmpstr (normal, ==, "https://sync.example.com:8765");
  g_assert_null (ir_sync_manager_normalize_url (" "));

  /* The API's own address, as a person may paste it, works as well. */
  api = sign_in (fixture->manager, typed, " wang ", IR_TEST_PASSWORD, &session_only, &error);
  g_assert_no_error (error);
  g_assert_nonnull (api);
  g_assert_true (g_str_has_prefix (fixture->server->url, ir_sync_api_get_url (api)));
  g_assert_false (g_str_has_suffix (ir_sync_api_get_url (api), "/"));
  g_assert_cmpstr (ir_sync_api_get_user (api), ==, "wang");
  g_assert_nonnull (ir_sync_api_get_token (api));

  /* No session bus here, so no keyring: the session lives in this process. */
  g_assert_true (session_only);
  g_assert_true (ir_sync_manager_get_last_session (fixture->manager) == api);
  g_assert_true (ir_sync_manager_lookup_session (fixture->manager, fixture->server->url,
                                                 "wang") == api);
  g_assert_null (ir_sync_manager_lookup_session (fixture->manager, fixture->server->url, "li"));
}

/* --- upload and download -------------------------------------------------- */

static void
test_upload_and_download (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrRoomInfo) room = ir_room_directory_create (fixture->rooms, "泵站改造 · Pump station",
                                                         "ACME", FALSE, &store, &error);
  g_autofree char *person = add_stakeholder (store, "王建国");
  g_autoptr(IrSyncApi) wang = NULL;
  g_autoptr(IrSyncApi) li = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(IrRoomInfo) copy = NULL;
  g_autoptr(IrRoomInfo) again = NULL;
  g_autoptr(IrStore) copy_store = NULL;
  g_autoptr(IrEntity) copied_person = NULL;
  g_autofree char *other_dir = ir_test_tmpdir ("ironroom-rooms-li");
  g_autoptr(IrRoomDirectory) other_rooms = ir_room_directory_new (other_dir);
  g_autoptr(IrSyncManager) other = ir_sync_manager_new (other_rooms);
  g_autofree char *member_id = NULL;
  g_autofree char *name = NULL;
  guint n_refused = 0;

  g_assert_no_error (error);
  g_assert_false (ir_store_has_server (store));

  wang = sign_in (fixture->manager, fixture->server->url, "wang", IR_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (upload (fixture->manager, wang, store, ir_room_info_get_name (room), &n_refused,
                         &error));
  g_assert_no_error (error);

  /* The local member entity is the server's to write; the room's name and
   * the stakeholder, created in the same transactions, go up. */
  g_assert_cmpuint (n_refused, >=, 4);
  g_assert_true (ir_store_has_server (store));
  g_assert_cmpstr (ir_store_get_actor (store), ==, "wang");
  name = room_name (store);
  g_assert_cmpstr (name, ==, "泵站改造 · Pump station");

  client = ir_sync_client_new (store, wang);
  ir_sync_client_start (client);
  g_assert_true (ir_test_wait_until (client_up_to_date, client, 30000));

  refused = ir_sync_client_get_refused (client);
  g_assert_cmpuint (refused->len, ==, 1);
  g_assert_cmpuint (((IrRefusal *) refused->pdata[0])->ops->len, ==, n_refused);
  g_assert_nonnull (strstr (((IrRefusal *) refused->pdata[0])->reason,
                            "Only the server writes members"));

  ir_sync_manager_adopt_member (store);
  member_id = ir_store_get_meta (store, IR_ROOM_MEMBER_ID_KEY);
  g_assert_true (ir_uuid_is_valid (member_id));
  ir_sync_client_stop (client);

  /* Uploading twice is refused before it reaches the server. */
  g_assert_false (upload (fixture->manager, wang, store, "again", NULL, &error));
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Another member downloads it into a directory of their own. */
  ir_test_add_member (wang, ir_room_info_get_id (room), "li", "SR");
  li = sign_in (other, fixture->server->url, "li", IR_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  copy = download (other, li, ir_room_info_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpstr (ir_room_info_get_name (copy), ==, "泵站改造 · Pump station");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other_rooms)), ==, 1);

  copy_store = ir_room_directory_open_store (other_rooms, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ir_store_get_actor (copy_store), ==, "li");
  g_assert_cmpuint (ir_store_get_roles (copy_store), ==, IR_ROLE_SR);
  copied_person = ir_store_get_entity (copy_store, "stakeholder", person);
  g_assert_nonnull (copied_person);
  g_assert_cmpstr (ir_entity_get_string (copied_person, "name"), ==, "王建国");
  g_assert_cmpint (ir_inbox_get_seen_row (copy_store), ==, ir_store_get_last_row (copy_store));
  ir_store_close (copy_store);

  /* A room that is on this computer already is not downloaded again. */
  again = download (other, li, ir_room_info_get_id (room), &error);
  g_assert_no_error (error);
  g_assert_true (again == copy);

  ir_store_close (store);
  g_clear_object (&other);
  g_clear_object (&other_rooms);
  ir_test_rmdir (other_dir);
}

static char *
server_member (IrStore    *store,
               const char *user)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0)
        return g_strdup (ir_entity_get_id (member));
    }

  return NULL;
}

static gboolean
has_member_li (gpointer data)
{
  g_autofree char *li = server_member (data, "li");

  return li != NULL;
}

static void
test_upload_members (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrRoomInfo) room = ir_room_directory_create (fixture->rooms, "Valve deal", NULL,
                                                         FALSE, &store, &error);
  g_autofree char *own = ir_store_get_meta (store, IR_ROOM_MEMBER_ID_KEY);
  g_autofree char *person = add_stakeholder (store, "王建国");
  g_autofree char *local_li = NULL;
  g_autofree char *task = NULL;
  g_autofree char *wang_member = NULL;
  g_autofree char *li_member = NULL;
  g_autoptr(IrSyncApi) wang = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  g_autoptr(JsonNode) owner = NULL;
  g_autoptr(JsonNode) coverage = NULL;
  g_autoptr(IrTx) tx = NULL;
  guint n_ops = 0;

  g_assert_no_error (error);
  g_assert_true (ir_uuid_is_valid (own));

  /* A local-only room with a second member, who covers a stakeholder, and
   * a task of the room's own member. */
  tx = ir_store_begin (store);
  local_li = ir_tx_create (tx, "member");
  ir_tx_set_string (tx, "member", local_li, "user", "li");
  ir_tx_set_string (tx, "member", local_li, "role", "SR");
  ir_tx_set_boolean (tx, "member", local_li, "active", TRUE);
  ir_tx_set_string (tx, "stakeholder", person, "coverage_owner", local_li);
  task = ir_tx_create (tx, "task");
  ir_tx_set_string (tx, "task", task, "name", "图纸冻结");
  ir_tx_set_string (tx, "task", task, "owner", own);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  wang = sign_in (fixture->manager, fixture->server->url, "wang", IR_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (upload (fixture->manager, wang, store, "Valve deal", NULL, &error));
  g_assert_no_error (error);
  client = ir_sync_client_new (store, wang);
  ir_sync_client_start (client);
  g_assert_true (ir_test_wait_until (client_up_to_date, client, 30000));

  /* The uploader's own member maps to the server's member for "wang",
   * whose name differs from the desktop's login. */
  g_assert_true (ir_sync_remap_members (store, &n_ops, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ops, ==, 1);
  wang_member = server_member (store, "wang");
  g_assert_nonnull (wang_member);
  owner = ir_store_get_field_value (store, task, "owner");
  g_assert_cmpstr (json_node_get_string (owner), ==, wang_member);
  coverage = ir_store_get_field_value (store, person, "coverage_owner");
  g_assert_cmpstr (json_node_get_string (coverage), ==, local_li);
  g_clear_pointer (&coverage, json_node_unref);

  /* Li's references move once the server has a member for li. */
  ir_test_add_member (wang, ir_room_info_get_id (room), "li", "SR");
  ir_sync_client_sync_now (client);
  g_assert_true (ir_test_wait_until (has_member_li, store, 30000));
  g_assert_true (ir_sync_remap_members (store, &n_ops, &error));
  g_assert_cmpuint (n_ops, ==, 1);
  li_member = server_member (store, "li");
  coverage = ir_store_get_field_value (store, person, "coverage_owner");
  g_assert_cmpstr (json_node_get_string (coverage), ==, li_member);
  g_assert_cmpstr (li_member, !=, local_li);

  /* Nothing is left to move, and the moves reach the server. */
  g_assert_true (ir_sync_remap_members (store, &n_ops, &error));
  g_assert_cmpuint (n_ops, ==, 0);
  ir_sync_client_sync_now (client);
  g_assert_true (ir_test_wait_until (client_up_to_date, client, 30000));

  ir_sync_client_stop (client);
  ir_store_close (store);
}

static void
test_download_not_member (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) wang = ir_test_login (fixture->server, "wang");
  g_autofree char *id = ir_test_create_room (wang, "Private");
  g_autoptr(IrSyncApi) li = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IrRoomInfo) info = NULL;
  g_autofree char *folder = NULL;
  IrServerRoom room = { id, (char *) "Private", (char *) "SR", 0 };

  li = sign_in (fixture->manager, fixture->server->url, "li", IR_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);

  /* The server refuses, and no empty room stays behind. */
  ir_sync_manager_download_room_async (fixture->manager, li, &room, NULL, store_result_cb,
                                       &result);
  ir_test_run_until_task (&result);
  info = ir_sync_manager_download_room_finish (fixture->manager, result, &error);
  g_assert_null (info);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_MEMBER);
  folder = g_build_filename (fixture->rooms_dir, id, NULL);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rooms)), ==, 0);
}

/* --- conflicts ------------------------------------------------------------ */

static void
test_conflict_values (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IrSyncApi) admin = ir_test_login (fixture->server, "wang");
  g_autofree char *room = ir_test_create_room (admin, "Valve deal");
  g_autoptr(IrTestClient) a = NULL;
  g_autoptr(IrTestClient) b = NULL;
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(GPtrArray) map_view = NULL;
  g_autoptr(JsonNode) winner = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  IrTestClient *both[2];
  const char *lost;

  ir_test_add_member (admin, room, "li", "SR");
  a = ir_test_client_new (fixture->server, "wang", room, IR_ROLE_AR);
  b = ir_test_client_new (fixture->server, "li", room, IR_ROLE_SR);
  both[0] = a;
  both[1] = b;
  ir_sync_client_start (a->client);
  ir_sync_client_start (b->client);
  person = ir_test_stakeholder (a->store, "王建国");
  ir_test_wait_synced (both, 2, 30000);

  /* Both set the stance offline, without seeing each other. */
  ir_sync_client_stop (a->client);
  ir_sync_client_stop (b->client);
  tx = ir_store_begin (a->store);
  ir_tx_set_string (tx, "stakeholder", person, "stance", "champion");
  g_assert_true (ir_store_commit (a->store, tx, &error));
  g_clear_pointer (&tx, ir_tx_free);
  g_usleep (2000);
  tx = ir_store_begin (b->store);
  ir_tx_set_string (tx, "stakeholder", person, "stance", "blocker");
  g_assert_true (ir_store_commit (b->store, tx, &error));
  g_clear_pointer (&tx, ir_tx_free);
  ir_sync_client_start (a->client);
  ir_sync_client_start (b->client);
  ir_test_wait_synced (both, 2, 30000);

  /* One winner everywhere, and the other value offered on both. */
  winner = ir_store_get_field_value (a->store, person, "stance");
  on_a = ir_conflict_list (a->store, person, "stance");
  on_b = ir_conflict_list (b->store, person, "stance");
  g_assert_cmpuint (on_a->len, ==, 1);
  g_assert_cmpuint (on_b->len, ==, 1);
  lost = json_node_get_string (((IrConflict *) on_a->pdata[0])->value);
  g_assert_cmpstr (lost, ==, json_node_get_string (((IrConflict *) on_b->pdata[0])->value));
  g_assert_cmpstr (lost, !=, json_node_get_string (winner));
  map_view = ir_map_get_conflicts (a->store, person, "stance");
  g_assert_cmpuint (map_view->len, ==, 1);

  /* Adopting the other value is a new edit that has seen both: the field
   * settles everywhere and the conflict is gone. */
  tx = ir_store_begin (b->store);
  ir_tx_set_string (tx, "stakeholder", person, "stance", lost);
  g_assert_true (ir_store_commit (b->store, tx, &error));
  ir_test_wait_synced (both, 2, 30000);
  g_clear_pointer (&on_a, g_ptr_array_unref);
  g_clear_pointer (&on_b, g_ptr_array_unref);
  on_a = ir_conflict_list (a->store, person, "stance");
  on_b = ir_conflict_list (b->store, person, "stance");
  g_assert_cmpuint (on_a->len, ==, 0);
  g_assert_cmpuint (on_b->len, ==, 0);
  g_clear_pointer (&winner, json_node_unref);
  winner = ir_store_get_field_value (a->store, person, "stance");
  g_assert_cmpstr (json_node_get_string (winner), ==, lost);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("ironroom-sync-manager-XXXXXX", NULL);

  /* No session bus, so that no keyring daemon of the machine is touched. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ironroom-test-bus", TRUE);
  g_setenv ("HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-manager/inbox/local-order", Fixture, NULL,
              fixture_set_up, test_inbox_local_order, fixture_tear_down);
  g_test_add ("/sync-manager/inbox/seen-sequence", Fixture, NULL,
              fixture_set_up, test_inbox_seen_sequence, fixture_tear_down);
  g_test_add ("/sync-manager/sign-in/errors", Fixture, NULL,
              fixture_set_up, test_sign_in_errors, fixture_tear_down);
  g_test_add ("/sync-manager/sign-in/session", Fixture, NULL,
              fixture_set_up, test_sign_in_session, fixture_tear_down);
  g_test_add ("/sync-manager/upload-and-download", Fixture, NULL,
              fixture_set_up, test_upload_and_download, fixture_tear_down);
  g_test_add ("/sync-manager/upload/members", Fixture, NULL,
              fixture_set_up, test_upload_members, fixture_tear_down);
  g_test_add ("/sync-manager/download/not-member", Fixture, NULL,
              fixture_set_up, test_download_not_member, fixture_tear_down);
  g_test_add ("/sync-manager/conflicts/adopt", Fixture, NULL,
              fixture_set_up, test_conflict_values, fixture_tear_down);

  return g_test_run ();
}
