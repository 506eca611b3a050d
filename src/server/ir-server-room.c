/* ir-server-room.c: one room on the server: its store, pushes and pulls
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each room is a core store (rooms/<id>/room.db) whose log is the room's
 * history in sequence order. Clients' ops arrive as remote ops with their
 * sequence already set. What the server writes itself (rooms, members,
 * device keys) is committed as local ops and sequenced right after. Only
 * this process writes a room's store, so the next sequence is kept in
 * memory.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ir-hlc.h"
#include "ir-server-private.h"

/* SQLite's page cache per open room; a desktop store keeps 16 MB. */
#define ROOM_CACHE_KIB 2048

/* --- opening ------------------------------------------------------------- */

/* Records the head where readers other than the push path look for it:
 * the "seen" of the server's own next ops, and server.db for admins. The
 * room's log itself is the authority, so this runs before the server
 * writes and from time to time, not on every push. */
void
ir_server_room_save_head (IrServerRoom *self)
{
  self->last_save = g_get_monotonic_time ();
  if (ir_store_get_seen_seq (self->store) == self->head)
    return;

  ir_store_set_seen_seq (self->store, self->head);
  ir_server_db_set_last_seq (self->server->db, self->id, self->head);
}

/* Saves the head once pushes pause for a second, or every ten seconds
 * under a steady stream of them: each save syncs two databases to disk,
 * which would hold up the pushes waiting behind it. */
void
ir_server_room_save_head_when_idle (IrServerRoom *self)
{
  static const gint64 idle = G_USEC_PER_SEC;
  static const gint64 longest = 10 * G_USEC_PER_SEC;
  gint64 now = g_get_monotonic_time ();

  if (now - self->last_push < idle && now - self->last_save < longest)
    return;

  ir_server_room_save_head (self);
}

/* Gives the server's own unsequenced ops the next sequences, then sends
 * them to the room. A crash between a commit and this leaves them
 * unsequenced; opening the room sequences them. */
static gboolean
sequence_own_ops (IrServerRoom  *self,
                  GError       **error)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (self->store, G_MAXUINT);
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_sync_ack_free);
  gint64 received = g_get_real_time ();
  gint64 seq = self->head;

  if (ops->len == 0)
    return TRUE;

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      IrSyncAck *ack = g_new0 (IrSyncAck, 1);

      ack->id = g_strdup (op->id);
      ack->seq = op->seq = ++seq;
      ack->received = op->received = received;
      g_ptr_array_add (acks, ack);
    }

  if (!ir_store_mark_synced_many (self->store, acks, error))
    return FALSE;

  self->head = seq;
  ir_server_room_save_head (self);
  ir_server_room_fan_out (self, ops, NULL);
  return TRUE;
}

IrServerRoom *
ir_server_room_open (IrServer    *server,
                     const char  *id,
                     GError     **error)
{
  g_autofree char *dir = g_build_filename (server->data_dir, "rooms", id, NULL);
  g_autofree char *path = g_build_filename (dir, "room.db", NULL);
  IrServerRoom *self;
  IrStore *store;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Failed to create the room folder “%s”."), dir);
      return NULL;
    }

  store = ir_store_open (path, NULL, error);
  if (store == NULL)
    return NULL;

  if (!ir_store_set_room_id (store, id, error))
    {
      g_object_unref (store);
      return NULL;
    }

  ir_store_set_actor (store, "server", IR_ROLE_SERVER);
  ir_store_set_durable (store, TRUE);
  ir_store_set_cache_size (store, ROOM_CACHE_KIB);

  self = g_new0 (IrServerRoom, 1);
  self->server = server;
  self->id = g_strdup (id);
  self->store = store;
  self->sockets = g_ptr_array_new ();
  self->head = ir_store_get_max_seq (store);

  if (!sequence_own_ops (self, error))
    {
      ir_server_room_free (self);
      return NULL;
    }

  return self;
}

void
ir_server_room_free (IrServerRoom *self)
{
  ir_server_room_close_sockets (self);
  g_clear_pointer (&self->sockets, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->id);
  g_free (self);
}

/* --- what the server writes ---------------------------------------------- */

static gboolean
commit_own_tx (IrServerRoom  *self,
               IrTx          *tx,
               GError       **error)
{
  if (ir_tx_get_n_ops (tx) == 0)
    return TRUE;

  ir_server_room_save_head (self);
  return ir_store_commit (self->store, tx, error) && sequence_own_ops (self, error);
}

/* Sequences and sends out what the server committed to the room outside of
 * a push, such as its escalations. */
gboolean
ir_server_room_publish_own_ops (IrServerRoom  *self,
                                GError       **error)
{
  return sequence_own_ops (self, error);
}

static void
reconcile_member (IrServerRoom *self,
                  IrTx         *tx,
                  IrMembership *membership)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "member", membership->member_eid);
  const char *eid = membership->member_eid;

  if (entity == NULL)
    {
      ir_tx_create_with_id (tx, "member", eid);
      ir_tx_set_string (tx, "member", eid, "user", membership->user);
      ir_tx_set_string (tx, "member", eid, "role", membership->role);
      ir_tx_set_boolean (tx, "member", eid, "active", membership->active);
      ir_tx_set_int (tx, "member", eid, "joined", membership->joined);
      if (!membership->active)
        ir_tx_set_int (tx, "member", eid, "removed", membership->removed);
      return;
    }

  if (g_strcmp0 (ir_entity_get_string (entity, "role"), membership->role) != 0)
    ir_tx_set_string (tx, "member", eid, "role", membership->role);

  if (ir_entity_get_boolean (entity, "active") != membership->active)
    {
      ir_tx_set_boolean (tx, "member", eid, "active", membership->active);
      if (membership->active)
        {
          ir_tx_set_int (tx, "member", eid, "joined", membership->joined);
          ir_tx_set_null (tx, "member", eid, "removed");
        }
      else
        ir_tx_set_int (tx, "member", eid, "removed", membership->removed);
    }
}

static void
reconcile_device_key (IrServerRoom *self,
                      IrTx         *tx,
                      IrDeviceKey  *key,
                      const char   *member_eid)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "device_key", key->eid);

  if (entity == NULL)
    {
      ir_tx_create_with_id (tx, "device_key", key->eid);
      ir_tx_set_string (tx, "device_key", key->eid, "member", member_eid);
      ir_tx_set_string (tx, "device_key", key->eid, "public_key", key->public_key);
      ir_tx_set_int (tx, "device_key", key->eid, "valid_from", key->valid_from);
      ir_tx_set_int (tx, "device_key", key->eid, "valid_until", key->valid_until);
      ir_tx_set_boolean (tx, "device_key", key->eid, "revoked", key->revoked);
      return;
    }

  if (key->revoked && !ir_entity_get_boolean (entity, "revoked"))
    ir_tx_set_boolean (tx, "device_key", key->eid, "revoked", TRUE);
}

/**
 * ir_server_room_reconcile:
 *
 * Writes the room's server-only entities from server.db where they differ:
 * the room entity of a room the server created, members and device keys.
 * Writing only differences makes this safe to run again at any time.
 */
gboolean
ir_server_room_reconcile (IrServerRoom  *self,
                          GError       **error)
{
  IrServerDb *db = self->server->db;
  g_autoptr(IrServerRoomInfo) info = ir_server_db_get_room (db, self->id);
  g_autoptr(GPtrArray) members = ir_server_db_list_members (db, self->id);
  g_autoptr(GPtrArray) keys = ir_server_db_list_device_keys (db, self->id);
  g_autoptr(GHashTable) member_eids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(IrTx) tx = ir_store_begin (self->store);

  if (info == NULL)
    return TRUE;

  if (info->room_eid != NULL && *info->room_eid != '\0')
    {
      g_autofree char *kind = ir_store_get_entity_kind (self->store, info->room_eid);

      if (kind == NULL)
        {
          ir_tx_create_with_id (tx, "room", info->room_eid);
          ir_tx_set_string (tx, "room", info->room_eid, "name", info->name);
          ir_tx_set_int (tx, "room", info->room_eid, "created", info->created);
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      IrMembership *membership = g_ptr_array_index (members, i);

      reconcile_member (self, tx, membership);
      g_hash_table_insert (member_eids, membership->user, membership->member_eid);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      IrDeviceKey *key = g_ptr_array_index (keys, i);
      const char *member_eid = g_hash_table_lookup (member_eids, key->user);

      if (member_eid != NULL)
        reconcile_device_key (self, tx, key, member_eid);
    }

  return commit_own_tx (self, tx, error);
}

/* --- pull and fan-out ---------------------------------------------------- */

static gint64
query_int (GHashTable *query,
           const char *name,
           gint64      fallback)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &value, NULL))
    return text == NULL ? fallback : -1;

  return value;
}

void
ir_server_room_pull (IrServerRoom      *self,
                     SoupServerMessage *msg,
                     GHashTable        *query)
{
  gint64 after = query_int (query, "after", 0);
  gint64 limit = query_int (query, "limit", IR_SYNC_MAX_PULL_OPS);
  GString *text;
  gint64 last;

  if (after < 0 || limit < 1)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                             _("“after” must be a sequence number and “limit” a positive "
                               "number of operations."));
      return;
    }

  text = g_string_sized_new (64 * 1024);
  g_string_append (text, "{\"ops\":");
  ir_store_write_ops_after (self->store, after, MIN (limit, IR_SYNC_MAX_PULL_OPS), text, &last);
  g_string_append_printf (text, ",\"last\":%" G_GINT64_FORMAT ",\"head\":%" G_GINT64_FORMAT
                          ",\"more\":%s}", last, self->head,
                          last < self->head ? "true" : "false");

  ir_server_reply_text (msg, SOUP_STATUS_OK, "application/json", g_string_free (text, FALSE));
}

/* Sends new ops to the room's sockets: in the message itself when they are
 * few and small, otherwise as a notice to pull. */
void
ir_server_room_fan_out (IrServerRoom *self,
                        GPtrArray    *ops,
                        const char   *skip_client)
{
  g_autoptr(GString) text = NULL;

  if (self->sockets->len == 0 || ops->len == 0)
    return;

  text = g_string_new (NULL);
  if (ops->len <= IR_SYNC_MAX_FRAME_OPS)
    {
      g_string_append (text, "{\"type\":\"ops\",\"ops\":");
      ir_sync_append_ops (text, ops);
      g_string_append_printf (text, ",\"head\":%" G_GINT64_FORMAT "}", self->head);
    }

  if (text->len == 0 || text->len >= IR_SYNC_MAX_SERVER_FRAME)
    g_string_printf (text, "{\"type\":\"notice\",\"head\":%" G_GINT64_FORMAT "}", self->head);

  ir_server_room_send_all (self, text->str, skip_client);
}

/* --- open items ---------------------------------------------------------- */

static void
add_open_items (IrServerRoom *self,
                JsonArray    *items,
                const char   *entity,
                const char   *field,
                const char   *member_eid,
                const char   *title_field)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (self->store, entity, field, member_eid);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      JsonObject *object;

      if ((g_str_equal (entity, "task") && ir_entity_get_int (item, "progress") >= 100) ||
          (g_str_equal (entity, "risk") &&
           g_strcmp0 (ir_entity_get_string (item, "status"), "closed") == 0) ||
          (g_str_equal (entity, "inbox_item") && ir_entity_get_boolean (item, "done")))
        continue;

      object = json_object_new ();
      json_object_set_string_member (object, "entity", entity);
      json_object_set_string_member (object, "eid", ir_entity_get_id (item));
      json_object_set_string_member (object, "field", field);
      json_object_set_string_member (object, "title",
                                     ir_entity_get_string (item, title_field) ?: "");
      json_array_add_object_element (items, object);
    }
}

/* Lists what still points at a removed member, for reassignment: open
 * tasks they own, stakeholders they cover, open risks they own and their
 * unfinished inbox items. */
JsonArray *
ir_server_room_open_items (IrServerRoom *self,
                           const char   *member_eid)
{
  JsonArray *items = json_array_new ();

  add_open_items (self, items, "task", "owner", member_eid, "name");
  add_open_items (self, items, "stakeholder", "coverage_owner", member_eid, "name");
  add_open_items (self, items, "risk", "owner", member_eid, "title");
  add_open_items (self, items, "inbox_item", "recipient", member_eid, "title");

  return items;
}
