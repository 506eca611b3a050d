/* ir-server-http.c: the parts of a request every endpoint shares: JSON
 * replies and refusals, bounded bodies, the rate limit and the bearer token
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-server-private.h"

/* --- replies ------------------------------------------------------------- */

/* Sends @text, taking ownership of it. */
void
ir_server_reply_text (SoupServerMessage *msg,
                      guint              status,
                      const char        *content_type,
                      char              *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, text, strlen (text));
}

void
ir_server_reply_json (SoupServerMessage *msg,
                      guint              status,
                      JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  ir_server_reply_text (msg, status, "application/json", json_to_string (root, FALSE));
}

/**
 * ir_server_reply_error:
 * @extra: (nullable) (transfer full): more members of the refusal
 *
 * Refuses @msg with the status of @code and a JSON body naming the code
 * and a message for a person.
 */
void
ir_server_reply_error (SoupServerMessage *msg,
                       IrSyncError        code,
                       JsonObject        *extra,
                       const char        *format,
                       ...)
{
  g_autoptr(JsonObject) object = extra ? extra : json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (object, "error", ir_sync_error_to_code (code));
  json_object_set_string_member (object, "message", message);
  json_node_set_object (root, object);

  if (code == IR_SYNC_ERROR_RATE_LIMITED)
    {
      g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  ir_sync_get_int (object, "retry_after", 1));

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
    }

  g_object_set_data (G_OBJECT (msg), IR_REQUEST_ERROR, (gpointer) ir_sync_error_to_code (code));
  ir_server_reply_text (msg, ir_sync_error_to_status (code), "application/json",
                        json_to_string (root, FALSE));
}

/* --- request bodies ------------------------------------------------------ */

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  GByteArray *body = g_object_get_data (G_OBJECT (msg), IR_REQUEST_BODY);
  gsize limit = GPOINTER_TO_SIZE (user_data);

  if (body == NULL)
    return;

  if (body->len + g_bytes_get_size (chunk) > limit)
    {
      g_object_set_data (G_OBJECT (msg), IR_REQUEST_TOO_LARGE, GSIZE_TO_POINTER (limit));
      g_object_set_data (G_OBJECT (msg), IR_REQUEST_BODY, NULL);
      return;
    }

  g_byte_array_append (body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
}

/* Collects the body of @msg ourselves, up to @limit bytes, instead of
 * letting libsoup keep any size in memory. */
void
ir_server_collect_body (SoupServerMessage *msg,
                        gsize              limit)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  if (length > (goffset) limit)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      g_autofree char *length_text = g_format_size (length);
      g_autofree char *limit_text = g_format_size (limit);

      json_object_set_int_member (extra, "limit", limit);
      ir_server_reply_error (msg, IR_SYNC_ERROR_TOO_LARGE, g_steal_pointer (&extra),
                             _("The request body of %s is over the limit of %s."),
                             length_text, limit_text);
      return;
    }

  g_object_set_data_full (G_OBJECT (msg), IR_REQUEST_BODY, g_byte_array_new (),
                          (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), GSIZE_TO_POINTER (limit));
}

/* Returns the collected body, or %NULL after refusing one over the limit. */
GBytes *
ir_server_get_body (SoupServerMessage *msg)
{
  GByteArray *body = g_object_get_data (G_OBJECT (msg), IR_REQUEST_BODY);
  gsize limit = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), IR_REQUEST_TOO_LARGE));

  if (limit > 0 || body == NULL)
    {
      g_autoptr(JsonObject) extra = json_object_new ();
      g_autofree char *limit_text = g_format_size (limit);

      json_object_set_int_member (extra, "limit", limit);
      ir_server_reply_error (msg, IR_SYNC_ERROR_TOO_LARGE, g_steal_pointer (&extra),
                             _("The request body is over the limit of %s."), limit_text);
      return NULL;
    }

  return g_bytes_new (body->data, body->len);
}

/**
 * ir_server_parse_body:
 * @root: (out) (transfer full): the parsed document, which owns the object
 *
 * Returns: (transfer none): the JSON object of the body, or %NULL after
 *   refusing the request
 */
JsonObject *
ir_server_parse_body (SoupServerMessage  *msg,
                      JsonNode          **root)
{
  g_autoptr(GBytes) body = ir_server_get_body (msg);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  *root = NULL;
  if (body == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), &error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("The request body is not a JSON object%s%s. Send "
                               "Content-Type: application/json with an object."),
                             error ? ": " : "", error ? error->message : "");
      return NULL;
    }

  *root = json_node_ref (json_parser_get_root (parser));
  return json_node_get_object (*root);
}

/* --- limits and authentication ------------------------------------------- */

/* Takes one request from the bucket of the caller: its token, or its
 * address when it has none. Refuses the request when the bucket is empty. */
gboolean
ir_server_check_rate (IrServer          *self,
                      SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  g_autofree char *key = auth ? g_strdup (auth)
                              : g_strdup (soup_server_message_get_remote_host (msg));
  RateBucket *bucket = g_hash_table_lookup (self->buckets, key);
  gint64 now = g_get_monotonic_time ();

  if (bucket == NULL)
    {
      bucket = g_new0 (RateBucket, 1);
      bucket->tokens = self->options.burst;
      g_hash_table_insert (self->buckets, g_steal_pointer (&key), bucket);
    }
  else
    bucket->tokens = MIN (self->options.burst,
                          bucket->tokens + (now - bucket->last) / 1e6 * self->options.rate);
  bucket->last = now;

  if (bucket->tokens >= 1.0)
    {
      bucket->tokens -= 1.0;
      return TRUE;
    }

  {
    g_autoptr(JsonObject) extra = json_object_new ();
    gint64 wait = (gint64) ((1.0 - bucket->tokens) / self->options.rate) + 1;

    json_object_set_int_member (extra, "retry_after", wait);
    soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
    ir_server_reply_error (msg, IR_SYNC_ERROR_RATE_LIMITED, g_steal_pointer (&extra),
                           _("Too many requests: at most %.0f per second. Try again in %d "
                             "seconds."), self->options.rate, (int) wait);
  }
  return FALSE;
}

/**
 * ir_server_authenticate:
 *
 * Checks the bearer token of @msg.
 *
 * Returns: (transfer full): the user, or %NULL after refusing @msg
 */
char *
ir_server_authenticate (IrServer          *self,
                        SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  char *user = NULL;

  if (auth == NULL || !g_str_has_prefix (auth, "Bearer ") || auth[7] == '\0')
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_UNAUTHORIZED, NULL,
                             _("This request needs a bearer token. Log in first."));
      return NULL;
    }

  switch (ir_server_db_check_token (self->db, auth + 7, &user))
    {
    case IR_TOKEN_VALID:
      g_object_set_data_full (G_OBJECT (msg), IR_REQUEST_USER, g_strdup (user), g_free);
      return user;
    case IR_TOKEN_EXPIRED:
      ir_server_reply_error (msg, IR_SYNC_ERROR_TOKEN_EXPIRED, NULL,
                             _("Your session expired. Log in again."));
      return NULL;
    case IR_TOKEN_REVOKED:
      ir_server_reply_error (msg, IR_SYNC_ERROR_TOKEN_REVOKED, NULL,
                             _("Your session was ended (logged out, password changed or "
                               "revoked by an administrator). Log in again."));
      return NULL;
    case IR_TOKEN_UNKNOWN:
    default:
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_TOKEN, NULL,
                             _("The server does not know this session. Log in again."));
      return NULL;
    }
}

/**
 * ir_server_lookup_room:
 * @membership: (out) (transfer full): the caller's active membership
 *
 * Returns: (transfer none): the room @room_id when @user is an active
 *   member, or %NULL after refusing @msg
 */
IrServerRoom *
ir_server_lookup_room (IrServer           *self,
                       SoupServerMessage  *msg,
                       const char         *room_id,
                       const char         *user,
                       IrMembership      **membership)
{
  IrServerRoom *room = ir_uuid_is_valid (room_id) ? g_hash_table_lookup (self->rooms, room_id) : NULL;
  g_autoptr(IrMembership) found = NULL;

  if (room == NULL)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("No room %s on this server."), room_id);
      return NULL;
    }

  found = ir_server_db_get_membership (self->db, room_id, user);
  if (found == NULL || !found->active)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_MEMBER, NULL,
                             _("You are not a member of room %s. Ask its AR to add you."),
                             room_id);
      return NULL;
    }

  *membership = g_steal_pointer (&found);
  return room;
}
