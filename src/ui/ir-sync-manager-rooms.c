/* ir-sync-manager-rooms.c: the user's rooms on a server, downloading one
 * and uploading a local-only one
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A downloaded room is a replica like any other: a folder under the room
 * directory with the room's id, whose store names its server and user. It
 * is listed once its first sync brought the room's name and members, so the
 * room list never shows an empty room. An uploaded room keeps its id and
 * its whole history; the server then numbers every op.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ir-inbox.h"
#include "ir-store-log.h"
#include "ir-sync-manager-private.h"

/* --- list ------------------------------------------------------------------ */

void
ir_server_room_free (IrServerRoom *room)
{
  if (room == NULL)
    return;

  g_free (room->id);
  g_free (room->name);
  g_free (room->role);
  g_free (room);
}

static void
rooms_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (IR_SYNC_API (source), result, NULL, NULL,
                                                      &error);
  JsonObject *object = body && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  JsonArray *array = object ? ir_sync_get_array (object, "rooms") : NULL;
  GPtrArray *rooms;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_server_room_free);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      IrServerRoom *room;

      if (item == NULL || !ir_uuid_is_valid (ir_sync_get_string (item, "id")))
        continue;

      room = g_new0 (IrServerRoom, 1);
      room->id = g_strdup (ir_sync_get_string (item, "id"));
      room->name = g_strdup (ir_sync_get_string (item, "name") ?: "");
      room->role = g_strdup (ir_sync_get_string (item, "role") ?: "");
      room->head = ir_sync_get_int (item, "head", 0);
      g_ptr_array_add (rooms, room);
    }

  g_task_return_pointer (task, rooms, (GDestroyNotify) g_ptr_array_unref);
}

/* Lists the rooms where the session's user is a member. */
void
ir_sync_manager_list_rooms_async (IrSyncManager       *self,
                                  IrSyncApi           *api,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ir_sync_manager_list_rooms_async);
  ir_sync_api_call_async (api, "GET", "/rooms", NULL, NULL, cancellable, rooms_listed_cb, task);
}

/**
 * ir_sync_manager_list_rooms_finish:
 *
 * Returns: (transfer full) (element-type IrServerRoom): the rooms, or
 *   %NULL with @error set
 */
GPtrArray *
ir_sync_manager_list_rooms_finish (IrSyncManager  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- download ------------------------------------------------------------- */

typedef struct
{
  IrRoomInfo   *info;
  IrStore      *store;
  IrSyncClient *client;
  gulong        state_id;
} Download;

static void
download_free (Download *data)
{
  if (data->client != NULL)
    {
      g_clear_signal_handler (&data->state_id, data->client);
      ir_sync_client_stop (data->client);
      g_object_unref (data->client);
    }
  if (data->store != NULL)
    {
      ir_store_close (data->store);
      g_object_unref (data->store);
    }
  g_clear_object (&data->info);
  g_free (data);
}

static void
finish_download (GTask *task)
{
  IrSyncManager *self = g_task_get_source_object (task);
  Download *data = g_task_get_task_data (task);

  /* What the room held when it arrived is not news in the inbox. */
  ir_sync_manager_adopt_member (data->store);
  ir_inbox_mark_seen (data->store, ir_store_get_last_row (data->store));
  ir_room_directory_add (self->rooms, data->info, data->store);

  g_message ("Room %s downloaded: %u operations", ir_room_info_get_id (data->info),
             (guint) ir_store_get_last_row (data->store));
  g_task_return_pointer (task, g_object_ref (data->info), g_object_unref);
}

static void
download_state_cb (IrSyncClient *client,
                   GParamSpec   *pspec,
                   gpointer      user_data)
{
  GTask *task = user_data;
  IrSyncManager *self = g_task_get_source_object (task);
  Download *data = g_task_get_task_data (task);
  IrSyncState state = ir_sync_client_get_state (client);
  IrSyncError code = ir_sync_client_get_error_code (client);
  g_autofree char *reason = g_strdup (ir_sync_client_get_error (client));

  if (state != IR_SYNC_STATE_UP_TO_DATE && state != IR_SYNC_STATE_ERROR &&
      state != IR_SYNC_STATE_OFFLINE)
    return;

  /* Stopping clears the state and its reason, read above. */
  g_clear_signal_handler (&data->state_id, client);
  ir_sync_client_stop (client);

  if (state == IR_SYNC_STATE_UP_TO_DATE)
    finish_download (task);
  else
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, code,
                               _("The room could not be downloaded: %s"), reason);
      ir_store_close (data->store);
      g_clear_object (&data->store);
      ir_room_directory_discard (self->rooms, data->info);
    }

  g_object_unref (task);
}

/* Creates the replica's folder and store under the room's own id. */
static IrStore *
create_replica (IrSyncManager       *self,
                IrSyncApi           *api,
                const IrServerRoom  *room,
                IrRoomInfo         **info,
                GError             **error)
{
  g_autofree char *dir = g_build_filename (ir_room_directory_get_path (self->rooms), room->id,
                                           NULL);
  g_autoptr(IrRoomInfo) room_info = ir_room_info_new (room->id, dir);
  g_autoptr(IrStore) store = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Failed to create the room folder “%s”: %s. Check that your data "
                     "folder is writable."), dir, g_strerror (saved_errno));
      return NULL;
    }

  store = ir_store_open (ir_room_info_get_db_path (room_info), NULL, error);
  if (store == NULL || !ir_store_set_room_id (store, room->id, error))
    {
      if (store != NULL)
        ir_store_close (store);
      ir_room_directory_discard (self->rooms, room_info);
      return NULL;
    }

  ir_store_set_meta (store, IR_ROOM_SERVER_URL_KEY, ir_sync_api_get_url (api));
  ir_store_set_meta (store, IR_ROOM_SERVER_USER_KEY, ir_sync_api_get_user (api));
  ir_store_set_actor (store, ir_sync_api_get_user (api), ir_role_from_string (room->role));

  *info = g_steal_pointer (&room_info);
  return g_steal_pointer (&store);
}

/**
 * ir_sync_manager_download_room_async:
 * @room: a room of the session's user on its server
 *
 * Makes a replica of @room on this computer and syncs it once, then lists
 * it in the room directory. A room that is on this computer already is
 * returned as it is.
 */
void
ir_sync_manager_download_room_async (IrSyncManager       *self,
                                     IrSyncApi           *api,
                                     const IrServerRoom  *room,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  IrRoomInfo *existing = ir_room_directory_lookup (self->rooms, room->id);
  Download *data = g_new0 (Download, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, ir_sync_manager_download_room_async);
  g_task_set_task_data (task, data, (GDestroyNotify) download_free);

  if (existing != NULL)
    {
      g_task_return_pointer (task, g_object_ref (existing), g_object_unref);
      g_object_unref (task);
      return;
    }

  data->store = create_replica (self, api, room, &data->info, &error);
  if (data->store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_message ("Downloading room %s from %s", room->id, ir_sync_api_get_url (api));
  data->client = ir_sync_client_new (data->store, api);
  data->state_id = g_signal_connect (data->client, "notify::state",
                                     G_CALLBACK (download_state_cb), task);
  ir_sync_client_start (data->client);
}

/**
 * ir_sync_manager_download_room_finish:
 *
 * Returns: (transfer full): the room on this computer, or %NULL with
 *   @error set
 */
IrRoomInfo *
ir_sync_manager_download_room_finish (IrSyncManager  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- upload --------------------------------------------------------------- */

static void
uploaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  guint n_refused = 0;

  if (!ir_sync_upload_room_finish (result, &n_refused, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_set_data (G_OBJECT (task), "n-refused", GUINT_TO_POINTER (n_refused));
  g_task_return_boolean (task, TRUE);
}

/**
 * ir_sync_manager_upload_room_async:
 * @store: the open store of a room that lives only on this computer
 * @name: the room's name, which the server lists
 *
 * Creates the room on the session's server under its own id and makes the
 * store sync with it. The history goes up with the first push of the
 * room's sync client, which the caller starts.
 */
void
ir_sync_manager_upload_room_async (IrSyncManager       *self,
                                   IrSyncApi           *api,
                                   IrStore             *store,
                                   const char          *name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ir_sync_manager_upload_room_async);
  ir_sync_upload_room_async (api, store, name, cancellable, uploaded_cb, task);
}

/**
 * ir_sync_manager_upload_room_finish:
 * @n_refused: (out) (optional): how many ops stayed on this computer
 *   because only the server writes them
 */
gboolean
ir_sync_manager_upload_room_finish (IrSyncManager  *self,
                                    GAsyncResult   *result,
                                    guint          *n_refused,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (n_refused != NULL)
    *n_refused = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "n-refused"));

  return g_task_propagate_boolean (G_TASK (result), error);
}
