/* ir-sync-room.c: a replica's link to its server, and the first upload of
 * a room that lived on one desktop
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uploading creates the room on the server under its own id, with
 * "history" set so that the server takes the room's own name and authors
 * from the log. The push of the history is the job of the room's sync
 * client, which the caller starts: an upload interrupted half-way goes on
 * with the next sync.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ir-store-log.h"
#include "ir-sync-room.h"

/* Whether @store syncs with a server, rather than living only here. */
gboolean
ir_store_has_server (IrStore *store)
{
  g_autofree char *url = ir_store_get_meta (store, IR_ROOM_SERVER_URL_KEY);

  return url != NULL && url[0] != '\0';
}

static void
room_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *api = IR_SYNC_API (source);
  IrStore *store = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (api, result, NULL, NULL, &error);
  guint n_refused = 0;

  if (body == NULL)
    {
      if (g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT))
        g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                                 _("%s already has this room: it was uploaded before, "
                                   "perhaps from another computer. Open it from the "
                                   "server instead."), ir_sync_api_get_url (api));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The server makes the uploader the room's account owner itself, and it
   * refuses the members and escalations that this desktop wrote as the
   * room's server. They leave the log before the push, so that the rest of
   * their transactions uploads. */
  if (!ir_store_refuse_unuploadable (store, IR_ROLE_AR,
                                     _("Only the server writes members and escalations. It "
                                       "made you the room’s account owner; add the others on "
                                       "the server."),
                                     &n_refused, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ir_store_set_meta (store, IR_ROOM_SERVER_URL_KEY, ir_sync_api_get_url (api));
  ir_store_set_meta (store, IR_ROOM_SERVER_USER_KEY, ir_sync_api_get_user (api));
  ir_store_set_meta (store, IR_ROOM_MEMBER_ID_KEY, "");
  ir_store_set_actor (store, ir_sync_api_get_user (api), IR_ROLE_AR);

  g_message ("Room %s created on %s for upload; %u operations stay on this computer",
             ir_store_get_room_id (store), ir_sync_api_get_url (api), n_refused);
  g_object_set_data (G_OBJECT (task), "n-refused", GUINT_TO_POINTER (n_refused));
  g_task_return_boolean (task, TRUE);
}

/**
 * ir_sync_upload_room_async:
 * @api: a signed-in client of the server to upload to
 * @store: the open store of a room that lives only on this computer
 * @name: the room's name, which the server lists
 *
 * Creates the room on @api's server under its own id and makes @store
 * sync with it, as @api's user with the role of account owner (AR).
 */
void
ir_sync_upload_room_async (IrSyncApi           *api,
                           IrStore             *store,
                           const char          *name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  char *text;

  g_task_set_source_tag (task, ir_sync_upload_room_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);

  if (ir_store_has_server (store))
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                               _("This room syncs with a server already."));
      g_object_unref (task);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ir_store_get_room_id (store));
  json_builder_set_member_name (builder, "history");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  body = g_bytes_new_take (text, strlen (text));

  ir_sync_api_call_async (api, "POST", "/rooms", NULL, body, cancellable, room_created_cb, task);
}

/**
 * ir_sync_upload_room_finish:
 * @n_refused: (out) (optional): how many ops stayed on this computer
 *   because only the server writes them
 */
gboolean
ir_sync_upload_room_finish (GAsyncResult  *result,
                            guint         *n_refused,
                            GError       **error)
{
  if (n_refused != NULL)
    *n_refused = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "n-refused"));

  return g_task_propagate_boolean (G_TASK (result), error);
}
