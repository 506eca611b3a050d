/* ir-ui-sync-peer.c: a second Iron Room app, driven line by line through
 * its standard input
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two-app sync test runs one app in its own process and this one as a
 * child, each with its own D-Bus session and data folders, as two desks
 * would. tools/sync-screenshots drives it too. Each line on standard input
 * is one command, in shell quoting. Each command replies with one line on
 * standard output, "ok …" or "fail <reason>", once it is done. Commands
 * that wait poll the app's state while its main loop runs.
 *
 *   connect URL USER PASSWORD   sign in through the connect dialog
 *   fill URL USER PASSWORD      open the dialog and fill it in, no sign-in
 *   open ROOM_ID                download a room from the dialog and open it
 *   wait-state STATE MS         wait for the open room's sync state
 *   state                       print state, pending count, title, presence
 *   rooms                       print how many rooms this computer has
 *   new-room NAME               create a room on this computer and open it
 *   create-stakeholder NAME     add a stakeholder; prints its id
 *   set EID FIELD JSON          set a stakeholder's field
 *   wait-value EID FIELD JSON MS  wait until a field holds a value
 *   conflicts EID FIELD         print how many values a field lost
 *   wait-conflicts EID FIELD N MS  wait until a field lost N values
 *   page NAME                   show a page of the room
 *   sync-now                    sync the open room now
 *   popup-indicator             open the sync indicator's popover
 *   screenshot FILE             save the X screen to FILE with ImageMagick
 *   quit
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "ir-conflict.h"
#include "ir-connect-dialog.h"
#include "ir-ui-test-util.h"

typedef gboolean (*PollFunc) (char **argv, GString *reply);

static IrApplication *app;
static GDataInputStream *input;
static char **pending_argv;       /* the command that waits, or NULL */
static PollFunc pending_poll;
static gint64 pending_deadline;   /* monotonic microseconds */

static void read_next (void);

/* --- helpers -------------------------------------------------------------- */

static void
reply (const char *text)
{
  printf ("%s\n", text);
  fflush (stdout);
}

static IrWindow *
get_window (void)
{
  return ir_application_get_main_window (app);
}

static IrConnectDialog *
get_dialog (void)
{
  GtkWindow *dialog = ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG);

  return dialog ? IR_CONNECT_DIALOG (dialog) : NULL;
}

static const char *
state_nick (IrSyncClient *client)
{
  GEnumClass *states;
  GEnumValue *value;

  if (client == NULL)
    return "none";

  states = g_type_class_peek (IR_TYPE_SYNC_STATE);
  value = g_enum_get_value (states, ir_sync_client_get_state (client));

  return value ? value->value_nick : "unknown";
}

static gboolean
value_matches (IrStore    *store,
               const char *eid,
               const char *field,
               const char *json)
{
  g_autoptr(JsonNode) value = ir_store_get_field_value (store, eid, field);
  g_autofree char *text = value ? ir_json_to_string (value) : g_strdup ("null");
  g_autoptr(JsonNode) expected = json_from_string (json, NULL);
  g_autofree char *expected_text = expected ? ir_json_to_string (expected) : g_strdup (json);

  return g_strcmp0 (text, expected_text) == 0;
}

static void
fill_dialog (IrConnectDialog *dialog,
             const char      *url,
             const char      *user,
             const char      *password)
{
  if (g_strcmp0 (ir_connect_dialog_get_page (dialog), "sign-in") != 0)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.other-server", NULL);

  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog), "connect-url")),
                         url);
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog), "connect-user")),
                         user);
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog),
                                                              "connect-password")),
                         password);
}

static IrConnectDialog *
open_dialog (void)
{
  IrConnectDialog *dialog = get_dialog ();

  if (dialog == NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "connect-server", NULL);
      ir_ui_test_iterate (100);
      dialog = get_dialog ();
    }

  return dialog;
}

/* --- waiting commands ----------------------------------------------------- */

static gboolean
poll_signed_in (char    **argv,
                GString  *text)
{
  IrConnectDialog *dialog = get_dialog ();

  if (dialog == NULL || ir_connect_dialog_get_busy (dialog))
    return FALSE;

  if (ir_connect_dialog_get_error (dialog) != NULL)
    g_string_printf (text, "fail %s", ir_connect_dialog_get_error (dialog));
  else
    g_string_printf (text, "ok page=%s rooms=%u session-only=%d",
                     ir_connect_dialog_get_page (dialog),
                     ir_connect_dialog_get_n_rooms (dialog),
                     ir_connect_dialog_get_session_only (dialog));
  return TRUE;
}

static gboolean
poll_opened (char    **argv,
             GString  *text)
{
  IrConnectDialog *dialog = get_dialog ();
  IrStore *store = ir_window_get_store (get_window ());

  if (dialog != NULL && !ir_connect_dialog_get_busy (dialog) &&
      ir_connect_dialog_get_error (dialog) != NULL)
    {
      g_string_printf (text, "fail %s", ir_connect_dialog_get_error (dialog));
      return TRUE;
    }

  if (dialog != NULL || store == NULL || g_strcmp0 (ir_store_get_room_id (store), argv[1]) != 0)
    return FALSE;

  g_string_assign (text, "ok");
  return TRUE;
}

static gboolean
poll_state (char    **argv,
            GString  *text)
{
  const char *state = state_nick (ir_window_get_sync_client (get_window ()));

  if (!g_str_equal (state, argv[1]))
    return FALSE;

  g_string_assign (text, "ok");
  return TRUE;
}

static gboolean
poll_value (char    **argv,
            GString  *text)
{
  IrStore *store = ir_window_get_store (get_window ());

  if (store == NULL || !value_matches (store, argv[1], argv[2], argv[3]))
    return FALSE;

  g_string_assign (text, "ok");
  return TRUE;
}

static gboolean
poll_conflicts (char    **argv,
                GString  *text)
{
  IrStore *store = ir_window_get_store (get_window ());
  g_autoptr(GPtrArray) conflicts = NULL;

  if (store == NULL)
    return FALSE;

  conflicts = ir_conflict_list (store, argv[1], argv[2]);
  if (conflicts->len != g_ascii_strtoull (argv[3], NULL, 10))
    return FALSE;

  g_string_assign (text, "ok");
  return TRUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!pending_poll (pending_argv, text))
    {
      if (g_get_monotonic_time () < pending_deadline)
        return G_SOURCE_CONTINUE;
      g_string_printf (text, "fail timed out waiting for %s", pending_argv[0]);
    }

  reply (text->str);
  g_clear_pointer (&pending_argv, g_strfreev);
  read_next ();

  return G_SOURCE_REMOVE;
}

/* Replies once @poll holds, or fails after @timeout_ms. */
static void
wait_for (char     **argv,
          PollFunc   poll,
          guint      timeout_ms)
{
  pending_argv = g_strdupv (argv);
  pending_poll = poll;
  pending_deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_timeout_add (50, poll_cb, NULL);
}

/* --- commands ------------------------------------------------------------- */

/* Runs one command and returns whether it replied already. */
static gboolean
run_command (char **argv)
{
  guint argc = g_strv_length (argv);
  IrWindow *window = get_window ();
  IrStore *store = window ? ir_window_get_store (window) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("ok");

  if (argc == 4 && (g_str_equal (argv[0], "connect") || g_str_equal (argv[0], "fill")))
    {
      IrConnectDialog *dialog = open_dialog ();

      fill_dialog (dialog, argv[1], argv[2], argv[3]);
      if (g_str_equal (argv[0], "fill"))
        {
          reply ("ok");
          return TRUE;
        }
      gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.sign-in", NULL);
      wait_for (argv, poll_signed_in, 20000);
      return FALSE;
    }

  if (argc == 2 && g_str_equal (argv[0], "open"))
    {
      IrConnectDialog *dialog = open_dialog ();

      gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.open-room", "s", argv[1]);
      wait_for (argv, poll_opened, 30000);
      return FALSE;
    }

  if (argc == 3 && g_str_equal (argv[0], "wait-state"))
    {
      wait_for (argv, poll_state, g_ascii_strtoull (argv[2], NULL, 10));
      return FALSE;
    }

  if (argc == 5 && g_str_equal (argv[0], "wait-value"))
    {
      wait_for (argv, poll_value, g_ascii_strtoull (argv[4], NULL, 10));
      return FALSE;
    }

  if (argc == 5 && g_str_equal (argv[0], "wait-conflicts"))
    {
      wait_for (argv, poll_conflicts, g_ascii_strtoull (argv[4], NULL, 10));
      return FALSE;
    }

  if (argc == 1 && g_str_equal (argv[0], "rooms"))
    {
      g_string_printf (text, "ok %u",
                       g_list_model_get_n_items (G_LIST_MODEL (ir_application_get_rooms (app))));
    }
  else if (argc == 1 && g_str_equal (argv[0], "state"))
    {
      IrSyncClient *client = window ? ir_window_get_sync_client (window) : NULL;
      IrSyncIndicator *indicator = ir_window_get_sync_indicator (window);
      g_autofree char *presence = ir_presence_bar_dup_summary (ir_window_get_presence_bar (window));

      g_string_printf (text, "ok %s pending=%u title=%s presence=%s", state_nick (client),
                       client ? ir_sync_client_get_pending (client) : 0,
                       ir_sync_indicator_get_title (indicator), presence);
    }
  else if (store == NULL && argc > 0 && !g_str_equal (argv[0], "screenshot") &&
           !g_str_equal (argv[0], "new-room") && !g_str_equal (argv[0], "quit"))
    g_string_assign (text, "fail no room is open");
  else if (argc == 2 && g_str_equal (argv[0], "new-room"))
    {
      IrRoomDirectory *rooms = ir_application_get_rooms (app);
      g_autoptr(IrStore) created = NULL;
      g_autoptr(IrRoomInfo) room = ir_room_directory_create (rooms, argv[1], NULL, FALSE,
                                                             &created, &error);

      if (room != NULL)
        ir_store_close (created);
      if (room == NULL || !ir_window_open_room (window, room, &error))
        g_string_printf (text, "fail %s", error->message);
      else
        g_string_printf (text, "ok %s", ir_room_info_get_id (room));
    }
  else if (argc == 2 && g_str_equal (argv[0], "create-stakeholder"))
    {
      g_autoptr(IrTx) tx = ir_store_begin (store);
      g_autofree char *eid = ir_tx_create (tx, "stakeholder");

      ir_tx_set_string (tx, "stakeholder", eid, "name", argv[1]);
      if (ir_store_commit (store, tx, &error))
        g_string_printf (text, "ok %s", eid);
      else
        g_string_printf (text, "fail %s", error->message);
    }
  else if (argc == 4 && g_str_equal (argv[0], "set"))
    {
      g_autoptr(IrTx) tx = ir_store_begin (store);
      JsonNode *value = json_from_string (argv[3], &error);

      if (value != NULL)
        ir_tx_set (tx, "stakeholder", argv[1], argv[2], value);
      if (value == NULL || !ir_store_commit (store, tx, &error))
        g_string_printf (text, "fail %s", error->message);
    }
  else if (argc == 3 && g_str_equal (argv[0], "conflicts"))
    {
      g_autoptr(GPtrArray) conflicts = ir_conflict_list (store, argv[1], argv[2]);

      g_string_printf (text, "ok %u", conflicts->len);
    }
  else if (argc == 2 && g_str_equal (argv[0], "page"))
    gtk_widget_activate_action (GTK_WIDGET (window), "room.page", "s", argv[1]);
  else if (argc == 1 && g_str_equal (argv[0], "sync-now"))
    gtk_widget_activate_action (GTK_WIDGET (window), "room.sync-now", NULL);
  else if (argc == 1 && g_str_equal (argv[0], "popup-indicator"))
    ir_sync_indicator_popup (ir_window_get_sync_indicator (window));
  else if (argc == 2 && g_str_equal (argv[0], "screenshot"))
    {
      const char *import_argv[] = { "import", "-window", "root", argv[1], NULL };
      int status = 0;

      ir_ui_test_iterate (800);
      if (!g_spawn_sync (NULL, (char **) import_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_string_printf (text, "fail %s", error->message);
    }
  else if (argc == 1 && g_str_equal (argv[0], "quit"))
    {
      reply ("ok");
      g_application_quit (G_APPLICATION (app));
      return TRUE;
    }
  else
    g_string_printf (text, "fail unknown command or wrong arguments: %s",
                     argc > 0 ? argv[0] : "");

  reply (text->str);
  return TRUE;
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (input, result, NULL, &error);
  g_auto(GStrv) argv = NULL;

  if (line == NULL)
    {
      /* The driver went away: end with it. */
      g_application_quit (G_APPLICATION (app));
      return;
    }

  if (!g_shell_parse_argv (line, NULL, &argv, &error))
    {
      g_autofree char *text = g_strdup_printf ("fail %s", error->message);

      reply (text);
      read_next ();
      return;
    }

  if (run_command (argv))
    read_next ();
}

static void
read_next (void)
{
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_read_cb, NULL);
}

/* --- main ----------------------------------------------------------------- */

static void
activated_cb (GApplication *application)
{
  static gboolean started;

  if (started)
    return;
  started = TRUE;

  reply ("ready");
  read_next ();
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("IRONROOM_LOCALEDIR");
  const char *build_dir = g_getenv ("IR_BUILD_DIR");
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  if (build_dir != NULL)
    {
      g_autofree char *schemas = g_build_filename (build_dir, "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
    }

  if (!gtk_init_check ())
    {
      reply ("fail no display");
      return 1;
    }
  adw_init ();

  stdin_stream = g_unix_input_stream_new (0, FALSE);
  input = g_data_input_stream_new (stdin_stream);

  app = ir_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_autofree char *text = g_strdup_printf ("fail %s", error->message);

      reply (text);
      return 1;
    }

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&input);
  g_clear_object (&app);

  return status;
}
