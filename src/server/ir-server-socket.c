/* ir-server-socket.c: a room's WebSockets: live ops and presence
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each room registers its own socket path when it loads, with an early
 * handler that authenticates the upgrade request before libsoup completes
 * the handshake.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-server-private.h"

#define KEEPALIVE_SECONDS 30
#define PAGE_MAX 32

struct _IrServerSocket
{
  IrServerRoom            *room;
  SoupWebsocketConnection *conn;
  char                    *user;
  char                    *client;
  char                    *page;
};

/* --- presence ------------------------------------------------------------ */

static char *
build_presence (IrServerRoom *self,
                const char   *type)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) keys = NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->sockets->len; i++)
    {
      IrServerSocket *socket = g_ptr_array_index (self->sockets, i);
      char *key = g_strconcat (socket->user, "\n", socket->page ? socket->page : "", NULL);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_replace (counts, key, GUINT_TO_POINTER (count + 1));
    }

  keys = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) g_strcmp0);

  g_string_printf (text, "{\"type\":\"%s\",", type);
  if (g_str_equal (type, "hello"))
    g_string_append_printf (text, "\"head\":%" G_GINT64_FORMAT ",", self->head);
  g_string_append (text, "\"present\":[");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *newline = strchr (key, '\n');
      g_autofree char *user = g_strndup (key, newline - key);

      if (l != keys)
        g_string_append_c (text, ',');
      g_string_append (text, "{\"user\":");
      ir_sync_append_json_string (text, user);
      g_string_append (text, ",\"page\":");
      ir_sync_append_json_string (text, newline + 1);
      g_string_append_printf (text, ",\"clients\":%u}",
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
    }
  g_string_append (text, "]}");

  return g_string_free (text, FALSE);
}

static void
broadcast_presence (IrServerRoom *self)
{
  g_autofree char *text = build_presence (self, "presence");

  ir_server_room_send_all (self, text, NULL);
}

/* --- sockets ------------------------------------------------------------- */

static void
socket_free (IrServerSocket *socket)
{
  g_signal_handlers_disconnect_by_data (socket->conn, socket);
  g_clear_object (&socket->conn);
  g_free (socket->user);
  g_free (socket->client);
  g_free (socket->page);
  g_free (socket);
}

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  IrServerSocket *socket = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *page;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  node = json_from_string (g_bytes_get_data (message, NULL), NULL);
  object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object == NULL ||
      g_strcmp0 (ir_sync_get_string (object, "type"), "presence") != 0)
    return;

  page = ir_sync_get_string (object, "page");
  if (page == NULL || !g_utf8_validate (page, -1, NULL) || g_utf8_strlen (page, -1) > PAGE_MAX ||
      g_strcmp0 (page, socket->page) == 0)
    return;

  g_free (socket->page);
  socket->page = g_strdup (page);
  broadcast_presence (socket->room);
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  IrServerSocket *socket = user_data;
  IrServerRoom *room = socket->room;

  g_debug ("Socket of %s in room %s closed", socket->user, room->id);
  g_ptr_array_remove (room->sockets, socket);
  socket_free (socket);
  broadcast_presence (room);
}

static void
socket_opened_cb (SoupServer              *server,
                  SoupServerMessage       *msg,
                  const char              *path,
                  SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  IrServerRoom *self = user_data;
  IrServerSocket *socket = g_new0 (IrServerSocket, 1);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) form = query ? soup_form_decode (query) : NULL;
  const char *client = form ? g_hash_table_lookup (form, "client") : NULL;
  g_autofree char *hello = NULL;

  socket->room = self;
  socket->conn = g_object_ref (conn);
  socket->user = g_strdup (g_object_get_data (G_OBJECT (msg), IR_REQUEST_USER));
  socket->client = ir_client_id_is_valid (client) ? g_strdup (client) : NULL;

  soup_websocket_connection_set_max_incoming_payload_size (conn, IR_SYNC_MAX_CLIENT_FRAME);
  soup_websocket_connection_set_keepalive_interval (conn, KEEPALIVE_SECONDS);
  g_signal_connect (conn, "message", G_CALLBACK (message_cb), socket);
  g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), socket);
  g_ptr_array_add (self->sockets, socket);

  g_message ("request method=GET path=%s status=101 duration_ms=0.0 user=%s",
             path, socket->user);

  hello = build_presence (self, "hello");
  soup_websocket_connection_send_text (conn, hello);
  broadcast_presence (self);
}

/* Authenticates the upgrade request while only its headers are in. */
static void
socket_early_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  IrServerRoom *self = user_data;
  g_autofree char *user = NULL;
  g_autoptr(IrMembership) membership = NULL;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  if (!ir_server_check_rate (self->server, msg))
    return;

  user = ir_server_authenticate (self->server, msg);
  if (user == NULL)
    return;

  ir_server_lookup_room (self->server, msg, self->id, user, &membership);
}

void
ir_server_room_add_socket_handler (IrServerRoom *self)
{
  g_autofree char *path = g_strdup_printf (IR_SYNC_API_PREFIX "/rooms/%s/socket", self->id);

  soup_server_add_early_handler (self->server->soup, path, socket_early_cb, self, NULL);
  soup_server_add_websocket_handler (self->server->soup, path, NULL, NULL,
                                     socket_opened_cb, self, NULL);
}

/* Sends @text to every open socket of the room but those of @skip_client. */
void
ir_server_room_send_all (IrServerRoom *self,
                         const char   *text,
                         const char   *skip_client)
{
  for (guint i = 0; i < self->sockets->len; i++)
    {
      IrServerSocket *socket = g_ptr_array_index (self->sockets, i);

      if (skip_client != NULL && g_strcmp0 (socket->client, skip_client) == 0)
        continue;
      if (soup_websocket_connection_get_state (socket->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (socket->conn, text);
    }
}

/* Tells a removed member's sockets so and closes them. */
void
ir_server_room_drop_user (IrServerRoom *self,
                          const char   *user)
{
  for (guint i = 0; i < self->sockets->len; i++)
    {
      IrServerSocket *socket = g_ptr_array_index (self->sockets, i);

      if (g_strcmp0 (socket->user, user) != 0 ||
          soup_websocket_connection_get_state (socket->conn) != SOUP_WEBSOCKET_STATE_OPEN)
        continue;

      soup_websocket_connection_send_text (socket->conn, "{\"type\":\"removed\"}");
      soup_websocket_connection_close (socket->conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION,
                                       "removed from the room");
    }
}

void
ir_server_room_close_sockets (IrServerRoom *self)
{
  while (self->sockets != NULL && self->sockets->len > 0)
    {
      IrServerSocket *socket = g_ptr_array_steal_index (self->sockets, self->sockets->len - 1);

      g_signal_handlers_disconnect_by_data (socket->conn, socket);
      if (soup_websocket_connection_get_state (socket->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (socket->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      socket_free (socket);
    }
}
