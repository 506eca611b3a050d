/* ir-test-server.c: a real ironroom-server process for tests, and clients
 * of it
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is the built binary (IR_SERVER), listening on 127.0.0.1 with
 * port 0; the tests read the address it prints. Its log goes to
 * server.log in its data folder.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "ir-test-server.h"

/* --- folders ------------------------------------------------------------- */

char *
ir_test_tmpdir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
ir_test_rmdir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        ir_test_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* --- main loop ----------------------------------------------------------- */

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE or @timeout_ms passes.
 * Returns whether @done came true. */
gboolean
ir_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return done (data);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Runs the main loop until an async call stored its result in @result. */
void
ir_test_run_until_task (GAsyncResult **result)
{
  g_assert_true (ir_test_wait_until (has_result, result, 60000));
}

/* --- the server process -------------------------------------------------- */

static const char *
server_binary (void)
{
  const char *path = g_getenv ("IR_SERVER");

  g_assert_nonnull (path);
  return path;
}

IrTestServer *
ir_test_server_new (void)
{
  IrTestServer *server = g_new0 (IrTestServer, 1);

  server->data_dir = ir_test_tmpdir ("ironroom-server-test");
  return server;
}

/* A server outlives no test: when the test process dies, even on a failed
 * assertion, the kernel stops the server too. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts "serve" on 127.0.0.1, port 0, with more options after it. */
void
ir_test_server_start (IrTestServer *server,
                      const char   *first_extra_arg,
                      ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (server->data_dir, "server.log", NULL);
  g_autofree char *line = NULL;
  va_list args;

  g_assert_null (server->process);

  g_ptr_array_add (argv, (char *) server_binary ());
  g_ptr_array_add (argv, (char *) "--data");
  g_ptr_array_add (argv, server->data_dir);
  g_ptr_array_add (argv, (char *) "serve");
  g_ptr_array_add (argv, (char *) "--listen");
  g_ptr_array_add (argv, (char *) "127.0.0.1:0");
  va_start (args, first_extra_arg);
  for (const char *arg = first_extra_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                  &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));

  g_free (server->url);
  server->url = g_strdup (line + strlen ("Listening on "));
}

/* Starts the server again on the port it had, as after a restart. */
void
ir_test_server_restart (IrTestServer *server)
{
  const char *port = strrchr (server->url, ':') + 1;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%.*s", (int) strcspn (port, "/"), port);
  g_autofree char *old_url = g_strdup (server->url);

  ir_test_server_start (server, "--listen", listen, NULL);
  g_assert_cmpstr (server->url, ==, old_url);
}

static void
wait_process (IrTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

/* Kills the server with SIGKILL, as a crash would. */
void
ir_test_server_kill (IrTestServer *server)
{
  g_subprocess_send_signal (server->process, SIGKILL);
  wait_process (server);
}

/* Stops the server with SIGTERM and waits for it. */
void
ir_test_server_stop (IrTestServer *server)
{
  if (server->process == NULL)
    return;

  g_subprocess_send_signal (server->process, SIGTERM);
  wait_process (server);
}

void
ir_test_server_free (IrTestServer *server)
{
  if (server == NULL)
    return;

  if (server->process != NULL)
    ir_test_server_kill (server);
  if (g_getenv ("IR_KEEP_TEST_DATA") == NULL)
    ir_test_rmdir (server->data_dir);
  else
    g_test_message ("Server data kept in %s", server->data_dir);
  g_free (server->data_dir);
  g_free (server->url);
  g_free (server);
}

/* Runs an admin command on the server's data folder, feeding @input on
 * standard input. Fails the test unless it succeeds; returns its output. */
char *
ir_test_server_admin (IrTestServer *server,
                      const char   *input,
                      const char   *first_arg,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) server_binary ());
  g_ptr_array_add (argv, (char *) "--data");
  g_ptr_array_add (argv, server->data_dir);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("ironroom-server %s failed: %s", first_arg, err);

  return out;
}

void
ir_test_server_add_user (IrTestServer *server,
                         const char   *user)
{
  g_autofree char *out = ir_test_server_admin (server, IR_TEST_PASSWORD "\n",
                                               "user", "add", user, NULL);
}

/* Opens a room's store of a stopped server, to compare its state. */
IrStore *
ir_test_server_open_room (IrTestServer *server,
                          const char   *room)
{
  g_autofree char *path = g_build_filename (server->data_dir, "rooms", room, "room.db", NULL);
  g_autoptr(GError) error = NULL;
  IrStore *store;

  g_assert_null (server->process);
  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);

  return store;
}

/* --- API calls ----------------------------------------------------------- */

IrSyncApi *
ir_test_login (IrTestServer *server,
               const char   *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  IrSyncApi *api = ir_sync_api_new (server->url, &error);

  g_assert_no_error (error);
  ir_sync_api_login_async (api, user, IR_TEST_PASSWORD, "test", NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);
  g_assert_true (ir_sync_api_login_finish (api, result, &error));
  g_assert_no_error (error);

  return api;
}

/* Sends one request with a raw body and waits for the response. */
JsonNode *
ir_test_call (IrSyncApi   *api,
              const char  *method,
              const char  *path,
              const char  *body,
              guint       *status,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  ir_sync_api_call_async (api, method, path, NULL, bytes, NULL, store_result_cb, &result);
  ir_test_run_until_task (&result);

  return ir_sync_api_call_finish (api, result, status, NULL, error);
}

char *
ir_test_create_room (IrSyncApi  *api,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\"}", name);
  g_autoptr(JsonNode) node = ir_test_call (api, "POST", "/rooms", body, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "id"));
}

void
ir_test_add_member (IrSyncApi  *api,
                    const char *room,
                    const char *user,
                    const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/rooms/%s/members", room);
  g_autofree char *body = g_strdup_printf ("{\"user\":\"%s\",\"role\":\"%s\"}", user, role);
  g_autoptr(JsonNode) node = ir_test_call (api, "POST", path, body, NULL, &error);

  g_assert_no_error (error);
}

/* --- clients ------------------------------------------------------------- */

/* A logged-in client of @room with its own store file, not started. */
IrTestClient *
ir_test_client_new (IrTestServer *server,
                    const char   *user,
                    const char   *room,
                    guint         roles)
{
  IrTestClient *client = g_new0 (IrTestClient, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  client->dir = ir_test_tmpdir ("ironroom-client-test");
  client->user = g_strdup (user);
  path = g_build_filename (client->dir, "room.db", NULL);
  client->store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (client->store, room, &error));
  ir_store_set_actor (client->store, user, roles);

  client->api = ir_test_login (server, user);
  client->client = ir_sync_client_new (client->store, client->api);

  return client;
}

void
ir_test_client_free (IrTestClient *client)
{
  if (client == NULL)
    return;

  if (client->client != NULL)
    ir_sync_client_stop (client->client);
  g_clear_object (&client->client);
  g_clear_object (&client->api);
  g_clear_object (&client->store);
  ir_test_rmdir (client->dir);
  g_free (client->dir);
  g_free (client->user);
  g_free (client);
}

gboolean
ir_test_client_synced (IrTestClient *client)
{
  /* The state first: counting the unpushed ops scans the log. */
  return ir_sync_client_get_state (client->client) == IR_SYNC_STATE_UP_TO_DATE &&
         ir_store_get_seen_seq (client->store) >= ir_sync_client_get_server_head (client->client) &&
         ir_store_count_unpushed (client->store) == 0;
}

typedef struct
{
  IrTestClient **clients;
  guint          n;
} Group;

static gboolean
group_synced (gpointer data)
{
  Group *group = data;
  gint64 head = 0;

  for (guint i = 0; i < group->n; i++)
    head = MAX (head, ir_sync_client_get_server_head (group->clients[i]->client));

  for (guint i = 0; i < group->n; i++)
    if (!ir_test_client_synced (group->clients[i]) ||
        ir_store_get_seen_seq (group->clients[i]->store) < head)
      return FALSE;

  return TRUE;
}

/* Waits until every client pushed everything and applied up to the highest
 * sequence that any of them has seen from the server. */
void
ir_test_wait_synced (IrTestClient **clients,
                     guint          n_clients,
                     guint          timeout_ms)
{
  Group group = { clients, n_clients };

  for (guint i = 0; i < n_clients; i++)
    ir_sync_client_sync_now (clients[i]->client);

  if (!ir_test_wait_until (group_synced, &group, timeout_ms))
    {
      for (guint i = 0; i < n_clients; i++)
        g_test_message ("client %u (%s): state %d, unpushed %u, seen %" G_GINT64_FORMAT
                        ", head %" G_GINT64_FORMAT ", error %s", i, clients[i]->user,
                        ir_sync_client_get_state (clients[i]->client),
                        ir_store_count_unpushed (clients[i]->store),
                        ir_store_get_seen_seq (clients[i]->store),
                        ir_sync_client_get_server_head (clients[i]->client),
                        ir_sync_client_get_error (clients[i]->client));
      g_assert_not_reached ();
    }
}

char *
ir_test_stakeholder (IrStore    *store,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *eid = ir_tx_create (tx, "stakeholder");

  ir_tx_set_string (tx, "stakeholder", eid, "name", name);
  ir_tx_set_int (tx, "stakeholder", eid, "influence", 3);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}
