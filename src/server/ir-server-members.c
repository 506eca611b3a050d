/* ir-server-members.c: adding, changing and removing room members
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only an AR manages members, and a room always keeps one active AR. The
 * membership changes in server.db first; the room's member entity follows
 * when the room reconciles, written by the server.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ir-server-private.h"

static const char * const member_roles[] = { "AR", "SR", "FR", "executive", "observer", NULL };

void
ir_server_add_member_json (JsonBuilder  *builder,
                           IrMembership *membership)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, membership->user);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, membership->role);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, membership->active);
  json_builder_set_member_name (builder, "member");
  json_builder_add_string_value (builder, membership->member_eid);
  json_builder_end_object (builder);
}

static void
reply_member (IrServer          *self,
              SoupServerMessage *msg,
              guint              status,
              const char        *room,
              const char        *user)
{
  g_autoptr(IrMembership) membership = ir_server_db_get_membership (self->db, room, user);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  ir_server_add_member_json (builder, membership);
  ir_server_reply_json (msg, status, builder);
}

static void
list_members (IrServer          *self,
              SoupServerMessage *msg,
              IrServerRoom      *room)
{
  g_autoptr(GPtrArray) members = ir_server_db_list_members (self->db, room->id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    ir_server_add_member_json (builder, g_ptr_array_index (members, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

/* Reads a valid "role" from the body, or refuses the request. */
static const char *
read_role (SoupServerMessage *msg,
           JsonObject        *body)
{
  const char *role = ir_sync_get_string (body, "role");

  if (role == NULL || !g_strv_contains (member_roles, role))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("Invalid role “%s”: expected AR, SR, FR, executive or observer."),
                             role ? role : "");
      return NULL;
    }

  return role;
}

static gboolean
save_and_reconcile (IrServer          *self,
                    SoupServerMessage *msg,
                    IrServerRoom      *room,
                    GError            *error)
{
  g_autoptr(GError) local_error = error;

  if (local_error == NULL && ir_server_room_reconcile (room, &local_error))
    return TRUE;

  g_warning ("Failed to change the members of room %s: %s", room->id, local_error->message);
  ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                         _("The server failed to change the members: %s"), local_error->message);
  return FALSE;
}

static void
add_member (IrServer          *self,
            SoupServerMessage *msg,
            IrServerRoom      *room)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = ir_server_parse_body (msg, &root);
  GError *error = NULL;
  const char *user, *role;

  if (body == NULL || (role = read_role (msg, body)) == NULL)
    return;

  user = ir_sync_get_string (body, "user");
  if (user == NULL || !ir_server_db_user_exists (self->db, user))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("No user “%s” on this server. Ask the server's administrator "
                               "to add the user first."), user ? user : "");
      return;
    }

  ir_server_db_set_member (self->db, room->id, user, role, &error);
  if (!save_and_reconcile (self, msg, room, error))
    return;

  g_message ("Member %s added to room %s as %s", user, room->id, role);
  reply_member (self, msg, SOUP_STATUS_CREATED, room->id, user);
}

/* Refuses to leave the room without an active AR. */
static gboolean
keeps_an_ar (IrServer          *self,
             SoupServerMessage *msg,
             IrServerRoom      *room,
             IrMembership      *target,
             const char        *new_role)
{
  if (!g_str_equal (target->role, "AR") || g_strcmp0 (new_role, "AR") == 0 ||
      ir_server_db_count_members (self->db, room->id, "AR") > 1)
    return TRUE;

  ir_server_reply_error (msg, IR_SYNC_ERROR_CONFLICT, NULL,
                         _("“%s” is the room's only AR. Make another member AR first."),
                         target->user);
  return FALSE;
}

static void
change_member (IrServer          *self,
               SoupServerMessage *msg,
               IrServerRoom      *room,
               IrMembership      *target)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = ir_server_parse_body (msg, &root);
  GError *error = NULL;
  const char *role;

  if (body == NULL || (role = read_role (msg, body)) == NULL)
    return;
  if (!keeps_an_ar (self, msg, room, target, role))
    return;

  ir_server_db_set_member (self->db, room->id, target->user, role, &error);
  if (!save_and_reconcile (self, msg, room, error))
    return;

  g_message ("Member %s of room %s is now %s", target->user, room->id, role);
  reply_member (self, msg, SOUP_STATUS_OK, room->id, target->user);
}

/* Removes a member: their membership, device keys, feed and sockets end,
 * their history stays, and what they still own is listed. */
static void
remove_member (IrServer          *self,
               SoupServerMessage *msg,
               IrServerRoom      *room,
               IrMembership      *target)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) remaining = NULL;
  GError *error = NULL;
  JsonArray *items;

  if (!keeps_an_ar (self, msg, room, target, NULL))
    return;

  ir_server_db_remove_member (self->db, room->id, target->user, &error);
  if (error == NULL)
    {
      ir_server_db_revoke_device_keys (self->db, room->id, target->user);
      ir_server_db_delete_feed (self->db, room->id, target->user);
    }
  if (!save_and_reconcile (self, msg, room, error))
    return;

  ir_server_room_drop_user (room, target->user);

  /* A user left with no room at all has no use for a session. */
  remaining = ir_server_db_list_user_rooms (self->db, target->user);
  if (remaining->len == 0)
    ir_server_db_revoke_tokens (self->db, target->user);

  g_message ("Member %s removed from room %s", target->user, room->id);

  items = ir_server_room_open_items (room, target->member_eid);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, target->user);
  json_builder_set_member_name (builder, "open_items");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), items));
  json_builder_end_object (builder);
  json_array_unref (items);

  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

/**
 * ir_server_handle_members:
 * @target: (nullable): the user named in the path
 */
void
ir_server_handle_members (IrServer          *self,
                          SoupServerMessage *msg,
                          IrServerRoom      *room,
                          IrMembership      *caller,
                          const char        *target)
{
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(IrMembership) membership = NULL;

  if (target == NULL && g_str_equal (method, "GET"))
    {
      list_members (self, msg, room);
      return;
    }

  if (!g_str_equal (caller->role, "AR"))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_FORBIDDEN, NULL,
                             _("Only an AR of the room can manage its members."));
      return;
    }

  if (target == NULL)
    {
      if (g_str_equal (method, "POST"))
        add_member (self, msg, room);
      else
        ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                               _("%s is not allowed on the member list."), method);
      return;
    }

  membership = ir_server_db_get_membership (self->db, room->id, target);
  if (membership == NULL || !membership->active)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("“%s” is not a member of this room."), target);
      return;
    }

  if (g_str_equal (method, "PATCH"))
    change_member (self, msg, room, membership);
  else if (g_str_equal (method, "DELETE"))
    remove_member (self, msg, room, membership);
  else
    ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                           _("%s is not allowed on a member."), method);
}
