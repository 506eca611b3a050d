/* ir-tool-upload.c: upload a room that lived on one desktop to a server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same steps as the app's "Upload to a Server": log in, create the
 * room on the server under its own id, then push its whole history with a
 * sync client until the server has every op. The password comes on
 * standard input, so that it shows neither in the process list nor in the
 * shell's history.
 *
 * Run it again after adding the room's other members on the server: what
 * named them in the room (task owners, coverage owners) then moves to the
 * member entities the server wrote for them.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ir-store-log.h"
#include "ir-sync-client.h"
#include "ir-sync-room.h"
#include "ir-tool.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* Runs the main loop until the call given stored_cb finishes. */
static GAsyncResult *
wait_result (Wait *wait)
{
  g_main_loop_run (wait->loop);

  return wait->result;
}

static void
state_changed_cb (IrSyncClient *client,
                  GParamSpec   *pspec,
                  GMainLoop    *loop)
{
  IrSyncState state = ir_sync_client_get_state (client);

  if (state == IR_SYNC_STATE_UP_TO_DATE || state == IR_SYNC_STATE_ERROR ||
      state == IR_SYNC_STATE_OFFLINE)
    g_main_loop_quit (loop);
}

static char *
read_password (void)
{
  char buffer[1024];
  size_t len;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;

  len = strcspn (buffer, "\r\n");
  buffer[len] = '\0';

  return g_strdup (buffer);
}

static char *
dup_room_name (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  const char *name = room ? ir_entity_get_string (room, "name") : NULL;

  return g_strdup (name && name[0] ? name : ir_store_get_room_id (store));
}

/* Pushes the history until the server has it all; returns whether it did. */
static gboolean
push_history (IrStore    *store,
              IrSyncApi  *api,
              const char *path)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(IrSyncClient) client = ir_sync_client_new (store, api);

  g_signal_connect (client, "notify::state", G_CALLBACK (state_changed_cb), loop);
  ir_sync_client_start (client);
  g_main_loop_run (loop);

  if (ir_sync_client_get_state (client) != IR_SYNC_STATE_UP_TO_DATE)
    {
      fprintf (stderr, "ironroom-tool: the upload of “%s” stopped: %s Run the same command "
               "again to go on where it stopped.\n", path, ir_sync_client_get_error (client));
      return FALSE;
    }

  ir_sync_client_stop (client);
  return TRUE;
}

int
ir_tool_upload (int    argc,
                char **argv)
{
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *name = NULL;
  Wait wait = { loop, NULL };
  guint n_refused = 0;
  guint n_moved = 0;

  if (argc != 4)
    {
      fprintf (stderr, "Usage: ironroom-tool upload ROOM_DB SERVER_URL USER < PASSWORD_FILE\n");
      return 2;
    }

  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, "ironroom-tool: room database “%s” not found. Give the path of a "
               "room.db file.\n", argv[1]);
      return 1;
    }

  store = ir_store_open (argv[1], NULL, &error);
  api = store ? ir_sync_api_new (argv[2], &error) : NULL;
  if (api == NULL)
    {
      fprintf (stderr, "ironroom-tool: %s\n", error->message);
      return 1;
    }

  password = read_password ();
  if (password == NULL || password[0] == '\0')
    {
      fprintf (stderr, "ironroom-tool: the password of %s is missing; give it on standard "
               "input.\n", argv[3]);
      return 2;
    }

  ir_sync_api_login_async (api, argv[3], password, g_get_host_name (), NULL, stored_cb, &wait);
  if (!ir_sync_api_login_finish (api, wait_result (&wait), &error))
    {
      fprintf (stderr, "ironroom-tool: failed to log in to %s as %s: %s\n", argv[2], argv[3],
               error->message);
      return 1;
    }
  g_clear_object (&wait.result);

  /* A room that names its server already goes on with its upload. */
  name = dup_room_name (store);
  if (!ir_store_has_server (store))
    {
      ir_sync_upload_room_async (api, store, name, NULL, stored_cb, &wait);
      if (!ir_sync_upload_room_finish (wait_result (&wait), &n_refused, &error))
        {
          fprintf (stderr, "ironroom-tool: failed to upload “%s”: %s\n", argv[1], error->message);
          return 1;
        }
      g_clear_object (&wait.result);
    }

  if (!push_history (store, api, argv[1]))
    return 1;

  /* What named the room's members moves to the server's member entities of
   * the same users, then goes up too. */
  if (!ir_sync_remap_members (store, &n_moved, &error))
    {
      fprintf (stderr, "ironroom-tool: failed to move the references to members of “%s”: %s\n",
               argv[1], error->message);
      return 1;
    }
  if (n_moved > 0 && !push_history (store, api, argv[1]))
    return 1;

  printf ("Uploaded “%s” (room %s) to %s: %" G_GINT64_FORMAT " operations.\n", name,
          ir_store_get_room_id (store), ir_sync_api_get_url (api), ir_store_get_seen_seq (store));
  if (n_refused > 0)
    printf ("%u operations stay in %s: only the server writes members and escalations.\n",
            n_refused, argv[1]);
  if (n_moved > 0)
    printf ("%u fields now name the server's members of the same users.\n", n_moved);

  ir_store_close (store);
  return 0;
}
