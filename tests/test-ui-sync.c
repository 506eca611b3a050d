/* test-ui-sync.c: two Iron Room apps on one room through a real server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first app runs in this process, inside with-keyring.sh's D-Bus
 * session with an unlocked GNOME keyring, and is driven through its
 * actions. The second is ir-ui-sync-peer, a child process in a D-Bus
 * session of its own that has no keyring, with its own data and config
 * folders. It takes commands on its standard input. Both share the test's
 * Xvfb display. The server is ironroom-server on 127.0.0.1 with port 0.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "ir-change-hints.h"
#include "ir-conflict.h"
#include "ir-conflict-note.h"
#include "ir-connect-dialog.h"
#include "ir-test-server.h"
#include "ir-ui-test-util.h"

/* What ir-credentials.c stores, looked up here to see the keyring itself. */
static const SecretSchema token_schema = {
  "io.github.ironroom.IronRoom.Token", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* A session bus with no services to start: no keyring for the peer. */
static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=/tmp</listen>\n"
  "  <auth>EXTERNAL</auth>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

typedef struct
{
  char             *dir;
  GSubprocess      *process;
  GOutputStream    *in;
  GDataInputStream *out;
} Peer;

/* --- the peer ------------------------------------------------------------- */

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **line = user_data;
  g_autoptr(GError) error = NULL;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, &error);
  if (*line == NULL)
    *line = g_strdup_printf ("fail the peer ended: %s", error ? error->message : "end of output");
}

static gboolean
has_line (gpointer data)
{
  return *(char **) data != NULL;
}

/* Reads the peer's next line while this app's main loop runs. */
static char *
peer_read (Peer *peer)
{
  char *line = NULL;

  g_data_input_stream_read_line_async (peer->out, G_PRIORITY_DEFAULT, NULL, line_read_cb, &line);
  g_assert_true (ir_ui_test_wait_until (has_line, &line, 90000));
  g_test_message ("peer: %s", line);

  return line;
}

/* Sends one command, quoting each argument, and returns the reply after
 * "ok". A "fail" reply fails the test. */
static char *
peer_run (Peer       *peer,
          const char *first,
          ...)
{
  g_autoptr(GString) command = g_string_new (NULL);
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    {
      g_autofree char *quoted = g_shell_quote (arg);

      if (command->len > 0)
        g_string_append_c (command, ' ');
      g_string_append (command, quoted);
    }
  va_end (args);
  g_string_append_c (command, '\n');

  g_output_stream_write_all (peer->in, command->str, command->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (peer->in, NULL, &error);
  g_assert_no_error (error);

  answer = peer_read (peer);
  if (!g_str_has_prefix (answer, "ok"))
    g_error ("Peer command %s failed: %s", first, answer);

  return g_strdup (answer[2] == ' ' ? answer + 3 : "");
}

static Peer *
peer_start (void)
{
  Peer *peer = g_new0 (Peer, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *config = NULL;
  g_autofree char *peer_path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("IR_BUILD_DIR");
  const char *subdirs[] = { "home", "data", "config", NULL };

  g_assert_nonnull (build_dir);
  peer->dir = ir_test_tmpdir ("ironroom-peer");
  for (guint i = 0; subdirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (peer->dir, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    }
  config = g_build_filename (peer->dir, "bus.conf", NULL);
  g_assert_true (g_file_set_contents (config, bus_config, -1, NULL));
  peer_path = g_build_filename (build_dir, "tests", "ir-ui-sync-peer", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_take_stderr_fd (launcher, -1);
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_setenv (launcher, "HOME", peer->dir, TRUE);
  {
    g_autofree char *data = g_build_filename (peer->dir, "data", NULL);
    g_autofree char *conf = g_build_filename (peer->dir, "config", NULL);

    g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
    g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", conf, TRUE);
  }
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  peer->process = g_subprocess_launcher_spawn (launcher, &error, "dbus-run-session",
                                               "--config-file", config, "--", peer_path, NULL);
  g_assert_no_error (error);

  peer->in = g_object_ref (g_subprocess_get_stdin_pipe (peer->process));
  peer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (peer->process));
  first = peer_read (peer);
  g_assert_cmpstr (first, ==, "ready");

  return peer;
}

static void
peer_free (Peer *peer)
{
  g_autofree char *answer = peer_run (peer, "quit", NULL);
  g_autoptr(GError) error = NULL;

  g_output_stream_close (peer->in, NULL, NULL);
  g_subprocess_wait (peer->process, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&peer->in);
  g_clear_object (&peer->out);
  g_clear_object (&peer->process);
  ir_test_rmdir (peer->dir);
  g_free (peer->dir);
  g_free (peer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Peer, peer_free)

/* --- this app ------------------------------------------------------------- */

static IrConnectDialog *
open_connect_dialog (IrApplication *app)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "connect-server", NULL);
  ir_ui_test_iterate (50);
  dialog = ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);

  return IR_CONNECT_DIALOG (dialog);
}

/* Whether the dialog is done, or gone after its last step. */
static gboolean
dialog_idle (gpointer data)
{
  IrConnectDialog *dialog = *(IrConnectDialog **) data;

  return dialog == NULL || !ir_connect_dialog_get_busy (dialog);
}

static void
sign_in (IrConnectDialog *dialog,
         const char      *url,
         const char      *user,
         const char      *password)
{
  GtkWidget *root = GTK_WIDGET (dialog);

  if (!g_str_equal (ir_connect_dialog_get_page (dialog), "sign-in"))
    g_assert_true (gtk_widget_activate_action (root, "connect.other-server", NULL));

  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (root, "connect-url")), url);
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (root, "connect-user")), user);
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (root, "connect-password")),
                         password);
  g_assert_true (gtk_widget_activate_action (root, "connect.sign-in", NULL));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (ir_ui_test_wait_until (dialog_idle, &dialog, 30000));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

typedef struct
{
  IrWindow   *window;
  IrSyncState state;
} StateWait;

static gboolean
has_state (gpointer data)
{
  StateWait *wait = data;
  IrSyncClient *client = ir_window_get_sync_client (wait->window);

  return client != NULL && ir_sync_client_get_state (client) == wait->state;
}

static void
wait_state (IrWindow    *window,
            IrSyncState  state)
{
  StateWait wait = { window, state };

  g_assert_true (ir_ui_test_wait_until (has_state, &wait, 60000));
}

typedef struct
{
  IrStore    *store;
  const char *eid;
  const char *field;
  const char *value;
} ValueWait;

static gboolean
has_value (gpointer data)
{
  ValueWait *wait = data;
  g_autoptr(JsonNode) value = ir_store_get_field_value (wait->store, wait->eid, wait->field);

  return value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
         g_strcmp0 (json_node_get_string (value), wait->value) == 0;
}

static void
wait_value (IrStore    *store,
            const char *eid,
            const char *field,
            const char *value)
{
  ValueWait wait = { store, eid, field, value };

  g_assert_true (ir_ui_test_wait_until (has_value, &wait, 30000));
}

static char *
get_string (IrStore    *store,
            const char *eid,
            const char *field)
{
  g_autoptr(JsonNode) value = ir_store_get_field_value (store, eid, field);

  return value && JSON_NODE_HOLDS_VALUE (value) ? g_strdup (json_node_get_string (value)) : NULL;
}

static void
set_string (IrStore    *store,
            const char *eid,
            const char *field,
            const char *value)
{
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GError) error = NULL;

  ir_tx_set_string (tx, "stakeholder", eid, field, value);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static gboolean
has_one_conflict (gpointer data)
{
  ValueWait *wait = data;
  g_autoptr(GPtrArray) conflicts = ir_conflict_list (wait->store, wait->eid, "title");

  return conflicts->len == 1;
}

static gboolean
presence_shows_li (gpointer data)
{
  g_autofree char *summary = ir_presence_bar_dup_summary (data);

  return g_strcmp0 (summary, "li") == 0;
}

static gboolean
li_on_plan (gpointer data)
{
  GPtrArray *present = ir_sync_client_get_presence (data);

  for (guint i = 0; i < present->len; i++)
    {
      IrPresence *presence = present->pdata[i];

      if (g_str_equal (presence->user, "li") && g_strcmp0 (presence->page, "plan") == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_pending (gpointer data)
{
  IrSyncClient *client = ir_window_get_sync_client (data);

  return client != NULL && ir_sync_client_get_state (client) == IR_SYNC_STATE_OFFLINE &&
         ir_sync_client_get_pending (client) > 0;
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

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
wait_dialog_closed (IrConnectDialog *dialog)
{
  gpointer pointer = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &pointer);
  g_assert_true (ir_ui_test_wait_until (is_null, &pointer, 60000));
}

/* --- tests ---------------------------------------------------------------- */

static void
test_connect_errors (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  IrApplication *app = ir_ui_test_start_app ();
  IrConnectDialog *dialog;
  g_autofree char *nothing_there = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port;

  ir_test_server_start (server, "--rate-limit", "1000", NULL);
  ir_test_server_add_user (server, "wang");

  dialog = open_connect_dialog (app);
  g_assert_cmpstr (ir_connect_dialog_get_page (dialog), ==, "sign-in");
  g_assert_null (ir_connect_dialog_get_error (dialog));

  /* The error names what failed and what to do, and the page stays. */
  sign_in (dialog, server->url, "wang", "not the password");
  g_assert_nonnull (ir_connect_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ir_connect_dialog_get_error (dialog), "password is wrong"));
  g_assert_cmpstr (ir_connect_dialog_get_page (dialog), ==, "sign-in");

  port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_socket_listener_close (listener);
  nothing_there = g_strdup_printf ("http://127.0.0.1:%u", port);
  sign_in (dialog, nothing_there, "wang", IR_TEST_PASSWORD);
  g_assert_nonnull (strstr (ir_connect_dialog_get_error (dialog), "connection was refused"));

  sign_in (dialog, server->url, "wang", IR_TEST_PASSWORD);
  g_assert_null (ir_connect_dialog_get_error (dialog));
  g_assert_cmpstr (ir_connect_dialog_get_page (dialog), ==, "rooms");
  g_assert_cmpuint (ir_connect_dialog_get_n_rooms (dialog), ==, 0);
  g_assert_true (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (dialog),
                                                                "connect-no-rooms")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ir_ui_test_stop_app (app);
}

static void
test_two_apps (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  g_autoptr(IrSyncApi) admin = NULL;
  g_autoptr(Peer) peer = NULL;
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  IrConnectDialog *dialog;
  IrStore *store;
  IrSyncClient *client;
  IrSyncIndicator *indicator;
  GtkWidget *watched, *note;
  g_autofree char *room = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *token = NULL;
  g_autofree char *address = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *winner = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GError) error = NULL;
  ValueWait conflict_wait = { NULL, NULL, "title", NULL };
  gint64 start;
  guint unread;

  ir_test_server_start (server, "--rate-limit", "1000", NULL);
  ir_test_server_add_user (server, "wang");
  ir_test_server_add_user (server, "li");
  admin = ir_test_login (server, "wang");
  room = ir_test_create_room (admin, "Valve deal");
  ir_test_add_member (admin, room, "li", "SR");

  /* This app signs in; the keyring keeps the session. */
  dialog = open_connect_dialog (app);
  sign_in (dialog, server->url, "wang", IR_TEST_PASSWORD);
  g_assert_null (ir_connect_dialog_get_error (dialog));
  g_assert_cmpstr (ir_connect_dialog_get_page (dialog), ==, "rooms");
  g_assert_cmpuint (ir_connect_dialog_get_n_rooms (dialog), ==, 1);
  g_assert_false (ir_connect_dialog_get_session_only (dialog));
  address = ir_sync_manager_normalize_url (server->url);
  token = secret_password_lookup_sync (&token_schema, NULL, &error, "server", address,
                                       "user", "wang", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >, 16);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open-room", "s",
                                             room));
  wait_dialog_closed (dialog);
  store = ir_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_cmpstr (ir_store_get_room_id (store), ==, room);
  g_assert_cmpstr (ir_room_info_get_name (ir_window_get_room (window)), ==, "Valve deal");
  wait_state (window, IR_SYNC_STATE_UP_TO_DATE);
  indicator = ir_window_get_sync_indicator (window);
  g_assert_cmpstr (ir_sync_indicator_get_title (indicator), ==, "Up to Date");
  client = ir_window_get_sync_client (window);

  /* The second app, with no keyring, opens the same room. */
  peer = peer_start ();
  g_free (answer);
  answer = peer_run (peer, "connect", server->url, "li", IR_TEST_PASSWORD, NULL);
  g_assert_cmpstr (answer, ==, "page=rooms rooms=1 session-only=1");
  g_free (answer);
  answer = peer_run (peer, "open", room, NULL);
  g_free (answer);
  answer = peer_run (peer, "wait-state", "up-to-date", "30000", NULL);

  /* Each shows the other, and on which page. */
  g_assert_true (ir_ui_test_wait_until (presence_shows_li, ir_window_get_presence_bar (window),
                                        10000));
  g_free (answer);
  answer = peer_run (peer, "page", "plan", NULL);
  g_assert_true (ir_ui_test_wait_until (li_on_plan, client, 10000));

  /* An edit here appears there. */
  start = g_get_monotonic_time ();
  eid = ir_test_stakeholder (store, "王建国");
  g_free (answer);
  answer = peer_run (peer, "wait-value", eid, "name", "\"王建国\"", "10000", NULL);
  g_test_message ("An edit reached the other app in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* An edit there appears here, marks the field it changed and shows in
   * the inbox's "what changed". */
  watched = gtk_label_new ("title");
  g_object_ref_sink (watched);
  ir_change_hints_watch (watched, store, eid, "title");
  unread = ir_window_get_unread_count (window);
  g_free (answer);
  answer = peer_run (peer, "set", eid, "title", "\"厂长\"", NULL);
  wait_value (store, eid, "title", "厂长");
  g_assert_cmpstr (ir_change_hints_lookup (ir_change_hints_get_for_store (store), eid, "title"),
                   ==, "li");
  g_assert_true (gtk_widget_has_css_class (watched, IR_CHANGE_HINT_CLASS));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (watched), "li"));
  ir_ui_test_iterate (50);
  g_assert_cmpuint (ir_window_get_unread_count (window), ==, unread + 1);
  gtk_widget_unparent (watched);
  g_object_unref (watched);

  /* Offline: both edit the title without seeing each other. */
  ir_test_server_kill (server);
  set_string (store, eid, "title", "副厂长");
  g_free (answer);
  answer = peer_run (peer, "set", eid, "title", "\"总经理\"", NULL);
  g_assert_true (ir_ui_test_wait_until (has_pending, window, 30000));
  g_assert_cmpstr (ir_sync_indicator_get_title (indicator), ==, "Offline");
  g_assert_nonnull (strstr (ir_sync_indicator_get_detail (indicator), "1 change waits"));
  g_assert_cmpstr (ir_ui_test_label_text (GTK_WIDGET (indicator), "sync-count"), ==, "1");

  /* Back online, both hold the same winner, and the other value is
   * offered beside the field. */
  ir_test_server_restart (server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.sync-now", NULL));
  g_free (answer);
  answer = peer_run (peer, "sync-now", NULL);
  wait_state (window, IR_SYNC_STATE_UP_TO_DATE);
  g_free (answer);
  answer = peer_run (peer, "wait-state", "up-to-date", "30000", NULL);
  conflict_wait.store = store;
  conflict_wait.eid = eid;
  g_assert_true (ir_ui_test_wait_until (has_one_conflict, &conflict_wait, 30000));
  winner = get_string (store, eid, "title");
  g_assert_true (g_str_equal (winner, "副厂长") || g_str_equal (winner, "总经理"));
  quoted = g_strdup_printf ("\"%s\"", winner);
  g_free (answer);
  answer = peer_run (peer, "wait-value", eid, "title", quoted, "30000", NULL);
  g_free (answer);
  answer = peer_run (peer, "wait-conflicts", eid, "title", "1", "30000", NULL);

  note = ir_conflict_note_new ();
  g_object_ref_sink (note);
  ir_conflict_note_set_field (IR_CONFLICT_NOTE (note), store, "stakeholder", eid, "title");
  g_assert_cmpuint (ir_conflict_note_get_n_values (IR_CONFLICT_NOTE (note)), ==, 1);
  g_assert_true (gtk_widget_get_visible (note));

  /* "Use This" settles it everywhere. */
  g_assert_true (gtk_widget_activate_action (note, "conflict.use", "u", 0));
  g_clear_pointer (&quoted, g_free);
  {
    g_autofree char *other = get_string (store, eid, "title");

    g_assert_cmpstr (other, !=, winner);
    quoted = g_strdup_printf ("\"%s\"", other);
  }
  g_assert_cmpuint (ir_conflict_note_get_n_values (IR_CONFLICT_NOTE (note)), ==, 0);
  g_assert_false (gtk_widget_get_visible (note));
  g_free (answer);
  answer = peer_run (peer, "wait-value", eid, "title", quoted, "30000", NULL);
  g_free (answer);
  answer = peer_run (peer, "wait-conflicts", eid, "title", "0", "30000", NULL);
  ir_conflict_note_set_field (IR_CONFLICT_NOTE (note), NULL, NULL, NULL, NULL);
  g_object_unref (note);

  /* A member removed from the room loses its copy there. */
  {
    g_autofree char *path = g_strdup_printf ("/rooms/%s/members/li", room);
    g_autoptr(JsonNode) removed = ir_test_call (admin, "DELETE", path, NULL, NULL, &error);

    g_assert_no_error (error);
    g_free (answer);
    answer = peer_run (peer, "wait-state", "none", "30000", NULL);
    g_free (answer);
    answer = peer_run (peer, "rooms", NULL);
    g_assert_cmpstr (answer, ==, "0");
  }

  /* A revoked session needs a new sign-in, which resumes the sync. */
  g_free (ir_test_server_admin (server, NULL, "token", "revoke", "wang", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.sync-now", NULL));
  wait_state (window, IR_SYNC_STATE_ERROR);
  g_assert_cmpstr (ir_sync_indicator_get_title (indicator), ==, "Signed Out");
  g_assert_true (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (indicator),
                                                                "sync-sign-in")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.sign-in", NULL));
  ir_ui_test_iterate (50);
  dialog = IR_CONNECT_DIALOG (ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog),
                                                                               "connect-user"))),
                   ==, "wang");
  sign_in (dialog, server->url, "wang", IR_TEST_PASSWORD);
  g_assert_null (ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG));
  wait_state (window, IR_SYNC_STATE_UP_TO_DATE);
  g_assert_cmpstr (ir_sync_indicator_get_title (indicator), ==, "Up to Date");

  ir_ui_test_stop_app (app);
}

static gboolean
refused_listed (gpointer data)
{
  GtkWidget *list = ir_ui_test_find_named (data, "sync-refused");

  return ir_ui_test_count_rows (list) == 1;
}

static void
test_upload_room (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  g_autoptr(IrSyncApi) admin = NULL;
  g_autoptr(Peer) peer = NULL;
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  IrRoomDirectory *rooms = ir_application_get_rooms (app);
  g_autoptr(IrRoomInfo) room = NULL;
  g_autoptr(IrStore) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *answer = NULL;
  IrSyncIndicator *indicator = ir_window_get_sync_indicator (window);
  IrConnectDialog *dialog;

  ir_test_server_start (server, "--rate-limit", "1000", NULL);
  ir_test_server_add_user (server, "wang");
  ir_test_server_add_user (server, "li");

  /* A room that lives only on this computer. */
  room = ir_room_directory_create (rooms, "泵站改造 · Pump station", "ACME", FALSE, &created,
                                   &error);
  g_assert_no_error (error);
  eid = ir_test_stakeholder (created, "刘芳");
  ir_store_close (created);
  g_assert_true (ir_window_open_room (window, room, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ir_sync_indicator_get_title (indicator), ==, "On This Computer Only");
  g_assert_null (ir_window_get_sync_client (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.upload", NULL));
  ir_ui_test_iterate (50);
  dialog = IR_CONNECT_DIALOG (ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG));
  g_assert_nonnull (dialog);
  sign_in (dialog, server->url, "wang", IR_TEST_PASSWORD);
  g_assert_null (ir_connect_dialog_get_error (dialog));
  g_assert_cmpstr (ir_connect_dialog_get_page (dialog), ==, "upload");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.upload", NULL));
  wait_dialog_closed (dialog);

  /* The history goes up. The desktop's own member entity stays behind, and
   * the sync popover shows why. */
  wait_state (window, IR_SYNC_STATE_UP_TO_DATE);
  g_assert_cmpuint (ir_sync_client_get_pending (ir_window_get_sync_client (window)), ==, 0);
  g_assert_true (ir_store_has_server (ir_window_get_store (window)));
  g_assert_true (ir_ui_test_wait_until (refused_listed, indicator, 5000));

  /* Another member opens it from the server in the second app. */
  admin = ir_test_login (server, "wang");
  ir_test_add_member (admin, ir_room_info_get_id (room), "li", "FR");
  peer = peer_start ();
  answer = peer_run (peer, "connect", server->url, "li", IR_TEST_PASSWORD, NULL);
  g_assert_cmpstr (answer, ==, "page=rooms rooms=1 session-only=1");
  g_free (answer);
  answer = peer_run (peer, "open", ir_room_info_get_id (room), NULL);
  g_free (answer);
  answer = peer_run (peer, "wait-value", eid, "name", "\"刘芳\"", "30000", NULL);

  ir_ui_test_stop_app (app);
}

static void
test_keyring_restores_session (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  IrConnectDialog *dialog;
  g_autoptr(IrSyncManager) restarted = NULL;
  g_autoptr(IrSyncApi) admin = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *room = NULL;

  ir_test_server_start (server, "--rate-limit", "1000", NULL);
  ir_test_server_add_user (server, "wang");
  admin = ir_test_login (server, "wang");
  room = ir_test_create_room (admin, "Valve deal");

  dialog = open_connect_dialog (app);
  sign_in (dialog, server->url, "wang", IR_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open-room", "s",
                                             room));
  wait_dialog_closed (dialog);
  wait_state (window, IR_SYNC_STATE_UP_TO_DATE);

  /* A manager with no session in memory, as after a restart, finds the
   * token in the keyring. */
  restarted = ir_sync_manager_new (ir_application_get_rooms (app));
  g_assert_null (ir_sync_manager_get_last_session (restarted));
  ir_sync_manager_connect_store_async (restarted, ir_window_get_store (window), NULL,
                                       store_result_cb, &result);
  g_assert_true (ir_ui_test_wait_until (has_result, &result, 10000));
  client = ir_sync_manager_connect_store_finish (restarted, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  g_assert_cmpstr (ir_sync_api_get_token (ir_sync_client_get_api (client)), ==,
                   ir_sync_api_get_token (ir_sync_client_get_api (ir_window_get_sync_client (window))));

  ir_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  ir_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui-sync/connect-errors", test_connect_errors);
  g_test_add_func ("/ui-sync/two-apps", test_two_apps);
  g_test_add_func ("/ui-sync/upload-room", test_upload_room);
  g_test_add_func ("/ui-sync/keyring-restores-session", test_keyring_restores_session);

  return g_test_run ();
}
