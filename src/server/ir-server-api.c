/* ir-server-api.c: the room endpoints: listing and creating rooms, ops,
 * device keys and calendar feeds
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-plan-ical.h"
#include "ir-server-private.h"

#define ROOM_NAME_MAX 200
#define DEVICE_KEY_DAYS 365

/* --- helpers ------------------------------------------------------------- */

static gboolean
method_is (SoupServerMessage *msg,
           const char        *method)
{
  return g_str_equal (soup_server_message_get_method (msg), method);
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
add_room_json (JsonBuilder  *builder,
               IrServerRoom *room,
               const char   *name,
               const char   *role)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, room->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "head");
  json_builder_add_int_value (builder, room->head);
}

/* --- rooms --------------------------------------------------------------- */

static void
list_rooms (IrServer          *self,
            SoupServerMessage *msg,
            const char        *user)
{
  g_autoptr(GPtrArray) memberships = ir_server_db_list_user_rooms (self->db, user);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rooms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < memberships->len; i++)
    {
      IrMembership *membership = g_ptr_array_index (memberships, i);
      IrServerRoom *room = g_hash_table_lookup (self->rooms, membership->room);
      g_autoptr(IrServerRoomInfo) info = ir_server_db_get_room (self->db, membership->room);

      if (room == NULL || info == NULL)
        continue;

      json_builder_begin_object (builder);
      add_room_json (builder, room, info->name, membership->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
create_room (IrServer          *self,
             SoupServerMessage *msg,
             const char        *user)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = ir_server_parse_body (msg, &root);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *room_eid = NULL;
  const char *name;
  gboolean history;
  IrServerRoom *room;

  if (body == NULL)
    return;

  name = ir_sync_get_string (body, "name");
  id = g_strdup (ir_sync_get_string (body, "id"));
  history = ir_sync_get_boolean (body, "history", FALSE);
  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > ROOM_NAME_MAX ||
      !g_utf8_validate (name, -1, NULL))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("A new room needs a “name” of 1 to %d characters."),
                             ROOM_NAME_MAX);
      return;
    }
  if (id != NULL && !ir_uuid_is_valid (id))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("Invalid room id “%s”: expected a UUID."), id);
      return;
    }
  if (id == NULL)
    id = ir_uuid_new ();

  room_eid = history ? g_strdup ("") : ir_uuid_new ();
  if (!ir_server_db_add_room (self->db, id, name, room_eid, &error) ||
      !ir_server_db_set_member (self->db, id, user, "AR", &error))
    {
      ir_server_reply_error (msg, error->code, NULL, "%s", error->message);
      return;
    }

  room = ir_server_load_room (self, id, &error);
  if (room == NULL || !ir_server_room_reconcile (room, &error))
    {
      g_warning ("Failed to create room %s: %s", id, error->message);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to create the room: %s"), error->message);
      return;
    }

  g_message ("Room %s (%s) created by %s", id, name, user);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_room_json (builder, room, name, "AR");
  json_builder_end_object (builder);
  ir_server_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

static void
get_room (IrServer          *self,
          SoupServerMessage *msg,
          IrServerRoom      *room,
          IrMembership      *membership)
{
  g_autoptr(IrServerRoomInfo) info = ir_server_db_get_room (self->db, room->id);
  g_autoptr(GPtrArray) members = ir_server_db_list_members (self->db, room->id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_room_json (builder, room, info ? info->name : "", membership->role);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    ir_server_add_member_json (builder, g_ptr_array_index (members, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

/* --- device keys and feeds ----------------------------------------------- */

static gboolean
is_hex_key (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

static void
add_device_key (IrServer          *self,
                SoupServerMessage *msg,
                IrServerRoom      *room,
                IrMembership      *membership)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = ir_server_parse_body (msg, &root);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *eid = NULL;
  IrDeviceKey key = { 0 };

  if (body == NULL)
    return;

  key.public_key = (char *) ir_sync_get_string (body, "public_key");
  if (!is_hex_key (key.public_key))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("A device key needs “public_key”: the 64 lower-case hex "
                               "digits of an Ed25519 public key."));
      return;
    }

  eid = ir_uuid_new ();
  key.eid = eid;
  key.room = room->id;
  key.user = membership->user;
  key.valid_from = g_get_real_time ();
  key.valid_until = key.valid_from + (gint64) DEVICE_KEY_DAYS * 24 * 3600 * G_USEC_PER_SEC;

  if (!ir_server_db_add_device_key (self->db, &key, &error) ||
      !ir_server_room_reconcile (room, &error))
    {
      g_warning ("Failed to register a device key of %s in room %s: %s",
                 membership->user, room->id, error->message);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to register the key: %s"), error->message);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, eid);
  json_builder_set_member_name (builder, "valid_from");
  json_builder_add_int_value (builder, key.valid_from);
  json_builder_set_member_name (builder, "valid_until");
  json_builder_add_int_value (builder, key.valid_until);
  json_builder_end_object (builder);
  ir_server_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

static void
create_feed (IrServer          *self,
             SoupServerMessage *msg,
             IrServerRoom      *room,
             IrMembership      *membership)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = ir_server_db_set_feed (self->db, room->id, membership->user, &error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *url = NULL;

  if (secret == NULL)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to create the feed: %s"), error->message);
      return;
    }

  url = g_strdup_printf ("%s%s/feeds/%s.ics", ir_server_get_public_url (self),
                         IR_SYNC_API_PREFIX, secret);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_end_object (builder);
  ir_server_reply_json (msg, SOUP_STATUS_CREATED, builder);
}

/**
 * ir_server_handle_feed:
 * @secret: the last path segment, "<secret>.ics"
 *
 * Serves a member's calendar feed: the room's committed milestones and
 * meetings. The secret in the address is the credential.
 */
void
ir_server_handle_feed (IrServer          *self,
                       SoupServerMessage *msg,
                       const char        *secret)
{
  g_autofree char *bare = NULL;
  g_autofree char *room = NULL;
  g_autofree char *user = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(GError) error = NULL;
  IrServerRoom *room_store;

  if (!method_is (msg, "GET"))
    {
      refuse_method (msg);
      return;
    }

  bare = g_str_has_suffix (secret, ".ics") ? g_strndup (secret, strlen (secret) - 4) : NULL;
  if (bare == NULL || !ir_server_db_find_feed (self->db, bare, &room, &user))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("No such calendar feed. Ask Iron Room for a new feed address."));
      return;
    }

  room_store = g_hash_table_lookup (self->rooms, room);
  calendar = room_store ? ir_plan_ical_export (room_store->store, NULL, &error) : NULL;
  if (calendar == NULL)
    {
      g_warning ("Failed to write the calendar feed of %s in room %s: %s", user, room,
                 error ? error->message : "no such room");
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to write the calendar. Try again later."));
      return;
    }

  g_object_set_data_full (G_OBJECT (msg), IR_REQUEST_USER, g_strdup (user), g_free);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "private, max-age=300");
  ir_server_reply_text (msg, SOUP_STATUS_OK, "text/calendar; charset=utf-8",
                        g_steal_pointer (&calendar));
}

/* --- routing ------------------------------------------------------------- */

static void
handle_room (IrServer          *self,
             SoupServerMessage *msg,
             const char        *user,
             char             **segments,
             GHashTable        *query)
{
  g_autoptr(IrMembership) membership = NULL;
  IrServerRoom *room = ir_server_lookup_room (self, msg, segments[0], user, &membership);
  guint n = g_strv_length (segments);
  const char *part = n > 1 ? segments[1] : NULL;

  if (room == NULL)
    return;

  if (part == NULL)
    {
      if (method_is (msg, "GET"))
        get_room (self, msg, room, membership);
      else
        refuse_method (msg);
    }
  else if (g_str_equal (part, "members") && n <= 3)
    ir_server_handle_members (self, msg, room, membership, n == 3 ? segments[2] : NULL);
  else if (g_str_equal (part, "ops") && n == 2)
    {
      if (method_is (msg, "POST"))
        ir_server_room_push (room, msg, user, membership);
      else if (method_is (msg, "GET"))
        ir_server_room_pull (room, msg, query);
      else
        refuse_method (msg);
    }
  else if (g_str_equal (part, "blobs") && n >= 3)
    {
      /* A hash with a slash in it arrives as more than one segment. */
      g_autofree char *sha256 = g_strjoinv ("/", segments + 2);

      ir_server_handle_blob (self, msg, room, membership, sha256);
    }
  else if (g_str_equal (part, "device-keys") && n == 2 && method_is (msg, "POST"))
    add_device_key (self, msg, room, membership);
  else if (g_str_equal (part, "feed") && n == 2 && method_is (msg, "POST"))
    create_feed (self, msg, room, membership);
  else if (g_str_equal (part, "socket") && n == 2)
    ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                           _("The room socket needs a WebSocket upgrade request."));
  else
    ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                           _("No such path under room %s."), room->id);
}

/**
 * ir_server_handle_rooms:
 * @segments: the path segments after "rooms"
 * @query: (nullable): the decoded query of the request
 */
void
ir_server_handle_rooms (IrServer          *self,
                        SoupServerMessage *msg,
                        const char        *user,
                        char             **segments,
                        GHashTable        *query)
{
  if (segments[0] != NULL)
    {
      handle_room (self, msg, user, segments, query);
      return;
    }

  if (method_is (msg, "GET"))
    list_rooms (self, msg, user);
  else if (method_is (msg, "POST"))
    create_room (self, msg, user);
  else
    refuse_method (msg);
}
