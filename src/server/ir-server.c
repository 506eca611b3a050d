/* ir-server.c: the sync server: listening, routing, limits, request logs
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thread runs everything on the main loop, except password hashing,
 * which runs in a worker thread so that a login does not stall the rooms.
 * Paths are routed raw and each segment is unescaped on its own, so an
 * escaped slash inside a segment (a blob hash of "..%2F..") stays inside
 * that segment and is refused as an invalid hash.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ir-server-private.h"

/* --- routing ------------------------------------------------------------- */

/* Splits a raw path into unescaped segments, or returns %NULL when a
 * segment has an invalid escape. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) raw = g_strsplit (path, "/", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = NULL;

      if (*raw[i] == '\0')
        continue;
      segment = g_uri_unescape_string (raw[i], NULL);
      if (segment == NULL)
        return NULL;
      g_strv_builder_add (builder, segment);
    }

  return g_strv_builder_end (builder);
}

static void
handle_info (IrServer          *self,
             SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "server");
  json_builder_add_string_value (builder, "ironroom");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "api");
  json_builder_add_int_value (builder, IR_SYNC_API_VERSION);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, g_get_real_time ());
  json_builder_end_object (builder);
  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
refuse_method (SoupServerMessage *msg)
{
  ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                         _("%s is not allowed on %s."),
                         soup_server_message_get_method (msg),
                         g_uri_get_path (soup_server_message_get_uri (msg)));
  soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  IrServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) segments = split_path (path);
  g_autofree char *user = NULL;
  guint n = segments ? g_strv_length (segments) : 0;

  if (segments == NULL || n < 2 || !g_str_equal (segments[0], "api") ||
      !g_str_equal (segments[1], "v1"))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("No such path on this server: the API is under %s."),
                             IR_SYNC_API_PREFIX);
      return;
    }

  if (n == 2)
    {
      if (g_str_equal (method, "GET"))
        handle_info (self, msg);
      else
        refuse_method (msg);
      return;
    }

  if (n == 3 && g_str_equal (segments[2], "login"))
    {
      if (g_str_equal (method, "POST"))
        ir_server_handle_login (self, msg);
      else
        refuse_method (msg);
      return;
    }

  if (n == 4 && g_str_equal (segments[2], "feeds"))
    {
      ir_server_handle_feed (self, msg, segments[3]);
      return;
    }

  user = ir_server_authenticate (self, msg);
  if (user == NULL)
    return;

  if (n == 3 && g_str_equal (segments[2], "logout"))
    {
      if (g_str_equal (method, "POST"))
        ir_server_handle_logout (self, msg);
      else
        refuse_method (msg);
      return;
    }

  if (g_str_equal (segments[2], "rooms"))
    {
      ir_server_handle_rooms (self, msg, user, segments + 3, query);
      return;
    }

  ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                         _("No such path on this server: %s."), path);
}

/* Runs once the headers are in: the rate limit, then the body limits,
 * before any of the body is read. */
static void
early_request_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  IrServer *self = user_data;
  g_auto(GStrv) segments = NULL;
  guint n;

  if (!ir_server_check_rate (self, msg))
    return;

  segments = split_path (path);
  n = segments ? g_strv_length (segments) : 0;

  if (n >= 6 && g_str_equal (segments[2], "rooms") && g_str_equal (segments[4], "blobs") &&
      g_str_equal (soup_server_message_get_method (msg), "PUT"))
    {
      ir_server_blob_early (self, msg, segments);
      return;
    }

  if (n == 5 && g_str_equal (segments[2], "rooms") && g_str_equal (segments[4], "ops"))
    ir_server_collect_body (msg, IR_SYNC_MAX_PUSH_BODY);
  else
    ir_server_collect_body (msg, IR_SYNC_MAX_JSON_BODY);
}

/* --- request logs -------------------------------------------------------- */

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), IR_REQUEST_START, start, g_free);
}

/* Logs one line per request. The feed's path carries its secret, so it is
 * cut; tokens and passwords travel in headers and bodies, never logged. */
static void
request_done_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  gint64 *start = g_object_get_data (G_OBJECT (msg), IR_REQUEST_START);
  const char *user = g_object_get_data (G_OBJECT (msg), IR_REQUEST_USER);
  const char *error = g_object_get_data (G_OBJECT (msg), IR_REQUEST_ERROR);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri ? g_uri_get_path (uri) : "";
  const char *method = soup_server_message_get_method (msg);
  double duration = start ? (g_get_monotonic_time () - *start) / 1000.0 : 0;
  char status[8];

  if (method == NULL)
    return;
  if (g_str_has_prefix (path, IR_SYNC_API_PREFIX "/feeds/"))
    path = IR_SYNC_API_PREFIX "/feeds/…";

  /* glibc keeps the memory of a large request's JSON tree for later
   * allocations; give it back so the server stays small between batches. */
#ifdef __GLIBC__
  if (soup_message_headers_get_content_length (
        soup_server_message_get_request_headers (msg)) > IR_LARGE_REQUEST ||
      soup_server_message_get_response_body (msg)->length > IR_LARGE_REQUEST)
    malloc_trim (0);
#endif

  g_snprintf (status, sizeof status, "%u", soup_server_message_get_status (msg));
  g_log_structured ("ironroom-server", G_LOG_LEVEL_MESSAGE,
                    "IR_METHOD", method,
                    "IR_PATH", path,
                    "IR_STATUS", status,
                    "IR_USER", user ? user : "-",
                    "MESSAGE", "request method=%s path=%s status=%s duration_ms=%.1f user=%s%s%s",
                    method, path, status, duration, user ? user : "-",
                    error ? " error=" : "", error ? error : "");
}

/* --- rooms --------------------------------------------------------------- */

IrServerRoom *
ir_server_load_room (IrServer    *self,
                     const char  *id,
                     GError     **error)
{
  IrServerRoom *room = g_hash_table_lookup (self->rooms, id);

  if (room != NULL)
    return room;

  room = ir_server_room_open (self, id, error);
  if (room == NULL)
    return NULL;

  g_hash_table_insert (self->rooms, room->id, room);
  ir_server_room_add_socket_handler (room);
  return room;
}

/* Brings every room in line with server.db: rooms added by an admin
 * command, and the member and device key entities of each room. */
void
ir_server_reconcile (IrServer *self)
{
  g_autoptr(GPtrArray) rooms = ir_server_db_list_rooms (self->db);

  for (guint i = 0; i < rooms->len; i++)
    {
      IrServerRoomInfo *info = g_ptr_array_index (rooms, i);
      g_autoptr(GError) error = NULL;
      IrServerRoom *room = ir_server_load_room (self, info->id, &error);

      if (room == NULL || !ir_server_room_reconcile (room, &error))
        g_warning ("Failed to bring room %s up to date: %s", info->id, error->message);
    }

  self->db_version = ir_server_db_data_version (self->db);
}

static gboolean
poll_cb (gpointer user_data)
{
  IrServer *self = user_data;
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer value;

  /* NOTE: a room busy with pushes saves its head at most every ten
   * seconds, so what the escalations below write may carry a "seen" up to
   * that far behind. Only their conflicts with edits of those seconds are
   * affected. */
  g_hash_table_iter_init (&iter, self->rooms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ir_server_room_save_head_when_idle (value);

  if (ir_server_db_data_version (self->db) != self->db_version)
    {
      g_debug ("server.db changed outside the server; updating the rooms");
      ir_server_reconcile (self);
    }

  ir_server_escalation_poll (self);

  /* Buckets idle for a minute are full again: forget them. */
  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (now - ((RateBucket *) value)->last > 60 * G_USEC_PER_SEC)
      g_hash_table_iter_remove (&iter);

  return G_SOURCE_CONTINUE;
}

/* --- lifetime ------------------------------------------------------------ */

IrServer *
ir_server_new (const char             *data_dir,
               const IrServerOptions  *options,
               GError                **error)
{
  IrServer *self = g_new0 (IrServer, 1);
  g_autofree char *db_path = g_build_filename (data_dir, "server.db", NULL);
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);

  self->data_dir = g_strdup (data_dir);
  self->options = *options;
  self->options.listen = g_strdup (options->listen);
  self->options.tls_cert = g_strdup (options->tls_cert);
  self->options.tls_key = g_strdup (options->tls_key);
  self->options.public_url = g_strdup (options->public_url);
  self->rooms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) ir_server_room_free);
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->login_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_array_unref);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Failed to create the data folder “%s”: %s"), data_dir, g_strerror (errno));
      ir_server_free (self);
      return NULL;
    }

  self->db = ir_server_db_open (db_path, error);
  if (self->db == NULL)
    {
      ir_server_free (self);
      return NULL;
    }
  self->blobs = ir_blob_store_new (blob_dir);

  self->soup = soup_server_new ("server-header", "ironroom-server/" PACKAGE_VERSION " ",
                                "raw-paths", TRUE, NULL);
  /* Socket messages are small JSON; compressing each one for each of a
   * room's sockets would cost more than it saves. */
  soup_server_remove_websocket_extension (self->soup, SOUP_TYPE_WEBSOCKET_EXTENSION_DEFLATE);
  soup_server_add_early_handler (self->soup, NULL, early_request_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_request_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);

  ir_server_reconcile (self);
  self->poll_id = g_timeout_add_seconds (1, poll_cb, self);

  return self;
}

static GSocketAddress *
parse_listen (const char  *listen,
              GError     **error)
{
  const char *colon = strrchr (listen, ':');
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) address = NULL;
  guint64 port = 0;

  if (colon != NULL)
    {
      host = g_strndup (listen, colon - listen);
      if (host[0] == '[' && g_str_has_suffix (host, "]"))
        {
          char *inner = g_strndup (host + 1, strlen (host) - 2);

          g_free (host);
          host = inner;
        }
      address = g_inet_address_new_from_string (host);
    }

  if (address == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Invalid --listen address “%s”: expected an IP address and a port, "
                     "such as 127.0.0.1:8765 (port 0 picks a free one)."), listen);
      return NULL;
    }

  return g_inet_socket_address_new (address, port);
}

/* Starts listening and prints the address it listens on as the first line
 * of standard output, which tests and scripts read when the port is 0. */
gboolean
ir_server_listen (IrServer  *self,
                  GError   **error)
{
  g_autoptr(GSocketAddress) address = parse_listen (self->options.listen, error);
  SoupServerListenOptions flags = 0;
  GSList *uris;

  if (address == NULL)
    return FALSE;

  if (self->options.tls_cert != NULL || self->options.tls_key != NULL)
    {
      g_autoptr(GTlsCertificate) cert = NULL;

      if (self->options.tls_cert == NULL || self->options.tls_key == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("TLS needs both --tls-cert and --tls-key."));
          return FALSE;
        }
      cert = g_tls_certificate_new_from_files (self->options.tls_cert, self->options.tls_key, error);
      if (cert == NULL)
        return FALSE;
      soup_server_set_tls_certificate (self->soup, cert);
      flags |= SOUP_SERVER_LISTEN_HTTPS;
    }

  if (!soup_server_listen (self->soup, address, flags, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      g_autofree char *text = g_uri_to_string (uris->data);

      self->url = g_strdup (text);
      while (g_str_has_suffix (self->url, "/"))
        self->url[strlen (self->url) - 1] = '\0';
      g_print ("Listening on %s\n", text);
      fflush (stdout);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_message ("Serving %u rooms from %s", g_hash_table_size (self->rooms), self->data_dir);
  return TRUE;
}

/* The address clients reach the server at: --public-url behind a proxy. */
const char *
ir_server_get_public_url (IrServer *self)
{
  return self->options.public_url ? self->options.public_url : self->url;
}

void
ir_server_free (IrServer *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self == NULL)
    return;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->escalation, ir_server_escalation_free);
  if (self->rooms != NULL)
    {
      g_hash_table_iter_init (&iter, self->rooms);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          ir_server_room_save_head (value);
          ir_server_room_close_sockets (value);
        }
    }
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->rooms, g_hash_table_unref);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->login_failures, g_hash_table_unref);
  g_clear_pointer (&self->db, ir_server_db_free);
  g_clear_object (&self->blobs);
  g_free (self->data_dir);
  g_free (self->url);
  g_free (self->options.listen);
  g_free (self->options.tls_cert);
  g_free (self->options.tls_key);
  g_free (self->options.public_url);
  g_free (self);
}
