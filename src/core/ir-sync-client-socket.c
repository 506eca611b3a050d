/* ir-sync-client-socket.c: following a room's WebSocket
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The socket carries the ops of small pushes, notices to pull, and who is
 * in the room. Ops on it are applied right away when they follow the last
 * sequence this replica applied. Anything else makes the client pull, so a
 * lost or reordered message only costs a pull.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>

#include "ir-sync-client-private.h"

#define KEEPALIVE_SECONDS 30

static void
set_presence (IrSyncClient *self,
              JsonArray    *present)
{
  g_ptr_array_set_size (self->presence, 0);
  for (guint i = 0; present != NULL && i < json_array_get_length (present); i++)
    {
      JsonNode *node = json_array_get_element (present, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      IrPresence *presence;

      if (item == NULL || ir_sync_get_string (item, "user") == NULL)
        continue;
      presence = g_new0 (IrPresence, 1);
      presence->user = g_strdup (ir_sync_get_string (item, "user"));
      presence->page = g_strdup (ir_sync_get_string (item, "page") ?: "");
      presence->clients = ir_sync_get_int (item, "clients", 1);
      g_ptr_array_add (self->presence, presence);
    }

  g_signal_emit (self, ir_sync_client_signals[SIGNAL_PRESENCE_CHANGED], 0);
}

static void
receive_ops (IrSyncClient *self,
             JsonObject   *message)
{
  JsonArray *array = ir_sync_get_array (message, "ops");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ops = array ? ir_sync_parse_ops (array, &error) : NULL;
  gint64 seen = ir_store_get_seen_seq (self->store);
  IrOp *first, *last;

  if (ops == NULL || ops->len == 0)
    {
      ir_sync_client_kick (self, 0);
      return;
    }

  first = g_ptr_array_index (ops, 0);
  last = g_ptr_array_index (ops, ops->len - 1);
  if (first->seq > seen + 1)
    {
      ir_sync_client_kick (self, 0);
      return;
    }

  if (!ir_sync_client_apply_ops (self, ops, &error))
    {
      g_warning ("Room %s: failed to apply operations from the socket: %s",
                 self->room, error->message);
      ir_sync_client_kick (self, 0);
      return;
    }

  ir_store_set_seen_seq (self->store, last->seq);
}

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  IrSyncClient *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *kind;
  gint64 head;

  self->largest_message = MAX (self->largest_message, g_bytes_get_size (message));
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  node = json_from_string (g_bytes_get_data (message, NULL), NULL);
  object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object == NULL)
    return;

  kind = ir_sync_get_string (object, "type");
  if (kind == NULL)
    return;
  head = ir_sync_get_int (object, "head", 0);
  self->server_head = MAX (self->server_head, head);

  if (g_str_equal (kind, "ops"))
    receive_ops (self, object);
  else if (g_str_equal (kind, "notice"))
    {
      if (head > ir_store_get_seen_seq (self->store))
        ir_sync_client_kick (self, 0);
    }
  else if (g_str_equal (kind, "hello") || g_str_equal (kind, "presence"))
    {
      if (g_str_equal (kind, "hello") && !ir_sync_client_check_head (self, head))
        return;
      set_presence (self, ir_sync_get_array (object, "present"));
      if (g_str_equal (kind, "hello") && head > ir_store_get_seen_seq (self->store))
        ir_sync_client_kick (self, 0);
    }
  else if (g_str_equal (kind, "removed"))
    {
      g_autoptr(GError) error = g_error_new (IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_MEMBER,
                                             _("You were removed from this room."));

      ir_sync_client_abort_cycle (self);
      ir_sync_client_fail (self, error);
    }
}

static gboolean
reconnect_cb (gpointer user_data)
{
  IrSyncClient *self = user_data;

  self->socket_retry_id = 0;
  ir_sync_client_socket_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (IrSyncClient *self)
{
  guint wait;

  if (!self->online || self->socket_retry_id != 0 || self->state == IR_SYNC_STATE_ERROR)
    return;

  wait = ir_sync_client_next_backoff (&self->socket_backoff_ms);
  self->socket_retry_id = ir_sync_client_add_timeout (self, wait, reconnect_cb);
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  IrSyncClient *self = user_data;

  g_debug ("Room %s: socket closed (%u)", self->room,
           soup_websocket_connection_get_close_code (conn));
  g_signal_handlers_disconnect_by_data (conn, self);
  g_clear_object (&self->socket);
  schedule_reconnect (self);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IrSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  g_clear_object (&self->socket_cancellable);
  if (conn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Room %s: socket failed: %s", self->room, error->message);
          schedule_reconnect (self);
        }
      return;
    }

  if (!self->online)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_object_unref (conn);
      return;
    }

  self->socket = conn;
  self->socket_backoff_ms = 0;
  soup_websocket_connection_set_keepalive_interval (conn, KEEPALIVE_SECONDS);
  g_signal_connect (conn, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), self);
  ir_sync_client_socket_send_page (self);

  /* Whatever happened while the socket was down comes with a pull. */
  ir_sync_client_kick (self, 0);
}

void
ir_sync_client_socket_connect (IrSyncClient *self)
{
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  if (!self->online || self->socket != NULL || self->socket_cancellable != NULL)
    return;

  path = g_strdup_printf ("/rooms/%s/socket?client=%s", self->room,
                          ir_store_get_client_id (self->store));
  msg = ir_sync_api_new_message (self->api, "GET", path);
  self->socket_cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (ir_sync_api_get_session (self->api), msg, NULL, NULL,
                                        G_PRIORITY_DEFAULT, self->socket_cancellable,
                                        connected_cb, g_object_ref (self));
}

void
ir_sync_client_socket_close (IrSyncClient *self)
{
  ir_sync_client_clear_timeout (self, &self->socket_retry_id);
  if (self->socket_cancellable != NULL)
    g_cancellable_cancel (self->socket_cancellable);
  g_clear_object (&self->socket_cancellable);

  if (self->socket == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->socket, self);
  if (soup_websocket_connection_get_state (self->socket) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->socket, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&self->socket);
}

void
ir_sync_client_socket_send_page (IrSyncClient *self)
{
  g_autoptr(GString) text = NULL;

  if (self->socket == NULL || self->page == NULL ||
      soup_websocket_connection_get_state (self->socket) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  text = g_string_new ("{\"type\":\"presence\",\"page\":");
  ir_sync_append_json_string (text, self->page);
  g_string_append_c (text, '}');
  soup_websocket_connection_send_text (self->socket, text->str);
}

/* Tells the others which page this client shows ("map", "plan", …). */
void
ir_sync_client_set_page (IrSyncClient *self,
                         const char   *page)
{
  if (g_strcmp0 (self->page, page) == 0)
    return;

  g_free (self->page);
  self->page = g_strdup (page);
  ir_sync_client_socket_send_page (self);
  g_object_notify (G_OBJECT (self), "page");
}

const char *
ir_sync_client_get_page (IrSyncClient *self)
{
  return self->page;
}
