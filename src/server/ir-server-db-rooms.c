/* ir-server-db-rooms.c: server.db's rooms, memberships, device keys,
 * calendar feeds and blob references
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ir-op.h"
#include "ir-server-db-private.h"
#include "ir-sync-protocol.h"

/* --- rooms --------------------------------------------------------------- */

gboolean
ir_server_db_add_room (IrServerDb  *self,
                       const char  *id,
                       const char  *name,
                       const char  *room_eid,
                       GError     **error)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT INTO rooms (id, name, room_eid, created) VALUES (?, ?, ?, ?)");

  ir_server_db_bind_text (stmt, 1, id);
  ir_server_db_bind_text (stmt, 2, name);
  ir_server_db_bind_text (stmt, 3, room_eid);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (ir_server_db_step_done (self, stmt, error))
    return TRUE;

  if (error != NULL && (*error)->code == IR_SYNC_ERROR_CONFLICT)
    {
      g_clear_error (error);
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                   _("Room %s already exists on this server."), id);
    }
  return FALSE;
}

static IrServerRoomInfo *
room_from_row (sqlite3_stmt *stmt)
{
  IrServerRoomInfo *info = g_new0 (IrServerRoomInfo, 1);

  info->id = ir_server_db_column_text (stmt, 0);
  info->name = ir_server_db_column_text (stmt, 1);
  info->room_eid = ir_server_db_column_text (stmt, 2);
  info->created = sqlite3_column_int64 (stmt, 3);
  info->last_seq = sqlite3_column_int64 (stmt, 4);

  return info;
}

#define ROOM_COLUMNS "id, name, room_eid, created, last_seq"

IrServerRoomInfo *
ir_server_db_get_room (IrServerDb *self,
                       const char *id)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?");
  IrServerRoomInfo *info = NULL;

  ir_server_db_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    info = room_from_row (stmt);
  sqlite3_reset (stmt);

  return info;
}

static GPtrArray *
collect_rooms (sqlite3_stmt *stmt)
{
  GPtrArray *rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_server_room_info_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rooms, room_from_row (stmt));
  sqlite3_reset (stmt);

  return rooms;
}

GPtrArray *
ir_server_db_list_rooms (IrServerDb *self)
{
  return collect_rooms (ir_server_db_prepare (self,
                                              "SELECT " ROOM_COLUMNS " FROM rooms ORDER BY created"));
}

/* Rooms whose id or name is @name, for admin commands. */
GPtrArray *
ir_server_db_find_rooms (IrServerDb *self,
                         const char *name)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?1 OR name = ?1");

  ir_server_db_bind_text (stmt, 1, name);
  return collect_rooms (stmt);
}

void
ir_server_db_set_last_seq (IrServerDb *self,
                           const char *room,
                           gint64      seq)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "UPDATE rooms SET last_seq = ? WHERE id = ?");

  sqlite3_bind_int64 (stmt, 1, seq);
  ir_server_db_bind_text (stmt, 2, room);
  ir_server_db_step_done (self, stmt, NULL);
}

/* --- memberships --------------------------------------------------------- */

#define MEMBER_COLUMNS "room, user, role, active, member_eid, joined, coalesce (removed, 0)"

static IrMembership *
membership_from_row (sqlite3_stmt *stmt)
{
  IrMembership *membership = g_new0 (IrMembership, 1);

  membership->room = ir_server_db_column_text (stmt, 0);
  membership->user = ir_server_db_column_text (stmt, 1);
  membership->role = ir_server_db_column_text (stmt, 2);
  membership->active = sqlite3_column_int (stmt, 3);
  membership->member_eid = ir_server_db_column_text (stmt, 4);
  membership->joined = sqlite3_column_int64 (stmt, 5);
  membership->removed = sqlite3_column_int64 (stmt, 6);

  return membership;
}

static GPtrArray *
collect_memberships (sqlite3_stmt *stmt)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_membership_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (members, membership_from_row (stmt));
  sqlite3_reset (stmt);

  return members;
}

IrMembership *
ir_server_db_get_membership (IrServerDb *self,
                             const char *room,
                             const char *user)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE room = ? AND user = ?");
  IrMembership *membership = NULL;

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, user);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    membership = membership_from_row (stmt);
  sqlite3_reset (stmt);

  return membership;
}

GPtrArray *
ir_server_db_list_members (IrServerDb *self,
                           const char *room)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE room = ? ORDER BY joined, user");

  ir_server_db_bind_text (stmt, 1, room);
  return collect_memberships (stmt);
}

/* The active memberships of @user, one per room. */
GPtrArray *
ir_server_db_list_user_rooms (IrServerDb *self,
                              const char *user)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE user = ? AND active = 1 ORDER BY joined");

  ir_server_db_bind_text (stmt, 1, user);
  return collect_memberships (stmt);
}

/* Adds @user to @room with @role, or changes the role of a member, or
 * brings back a removed member under the same member entity. */
gboolean
ir_server_db_set_member (IrServerDb  *self,
                         const char  *room,
                         const char  *user,
                         const char  *role,
                         GError     **error)
{
  g_autofree char *eid = ir_uuid_new ();
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT INTO memberships (room, user, role, member_eid, joined) "
                                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user) DO UPDATE SET "
                                "role = excluded.role, active = 1, removed = NULL, "
                                "joined = CASE WHEN active = 1 THEN joined ELSE excluded.joined END");

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, user);
  ir_server_db_bind_text (stmt, 3, role);
  ir_server_db_bind_text (stmt, 4, eid);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  return ir_server_db_step_done (self, stmt, error);
}

gboolean
ir_server_db_remove_member (IrServerDb  *self,
                            const char  *room,
                            const char  *user,
                            GError     **error)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "UPDATE memberships SET active = 0, removed = ? "
                                "WHERE room = ? AND user = ? AND active = 1");

  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  ir_server_db_bind_text (stmt, 2, room);
  ir_server_db_bind_text (stmt, 3, user);
  return ir_server_db_step_done (self, stmt, error);
}

/* Counts the active members of @room, only those with @role unless NULL. */
guint
ir_server_db_count_members (IrServerDb *self,
                            const char *room,
                            const char *role)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT count(*) FROM memberships WHERE room = ? AND active = 1 "
                                "AND (?2 IS NULL OR role = ?2)");
  guint count = 0;

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, role);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* --- device keys --------------------------------------------------------- */

gboolean
ir_server_db_add_device_key (IrServerDb         *self,
                             const IrDeviceKey  *key,
                             GError            **error)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT INTO device_keys (eid, room, user, public_key, "
                                "valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?)");

  ir_server_db_bind_text (stmt, 1, key->eid);
  ir_server_db_bind_text (stmt, 2, key->room);
  ir_server_db_bind_text (stmt, 3, key->user);
  ir_server_db_bind_text (stmt, 4, key->public_key);
  sqlite3_bind_int64 (stmt, 5, key->valid_from);
  sqlite3_bind_int64 (stmt, 6, key->valid_until);
  return ir_server_db_step_done (self, stmt, error);
}

GPtrArray *
ir_server_db_list_device_keys (IrServerDb *self,
                               const char *room)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT eid, room, user, public_key, valid_from, valid_until, "
                                "revoked FROM device_keys WHERE room = ? ORDER BY valid_from");
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_device_key_free);

  ir_server_db_bind_text (stmt, 1, room);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrDeviceKey *key = g_new0 (IrDeviceKey, 1);

      key->eid = ir_server_db_column_text (stmt, 0);
      key->room = ir_server_db_column_text (stmt, 1);
      key->user = ir_server_db_column_text (stmt, 2);
      key->public_key = ir_server_db_column_text (stmt, 3);
      key->valid_from = sqlite3_column_int64 (stmt, 4);
      key->valid_until = sqlite3_column_int64 (stmt, 5);
      key->revoked = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (keys, key);
    }
  sqlite3_reset (stmt);

  return keys;
}

void
ir_server_db_revoke_device_keys (IrServerDb *self,
                                 const char *room,
                                 const char *user)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "UPDATE device_keys SET revoked = 1 WHERE room = ? AND user = ?");

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, user);
  ir_server_db_step_done (self, stmt, NULL);
}

/* --- calendar feeds ------------------------------------------------------ */

/* Gives @user a new feed secret for @room, replacing the old one. */
char *
ir_server_db_set_feed (IrServerDb  *self,
                       const char  *room,
                       const char  *user,
                       GError     **error)
{
  g_autofree char *secret = ir_server_new_secret ();
  g_autofree char *hash = ir_server_hash_secret (secret);
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT OR REPLACE INTO feeds (room, user, secret_hash, created) "
                                "VALUES (?, ?, ?, ?)");

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, user);
  ir_server_db_bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (!ir_server_db_step_done (self, stmt, error))
    return NULL;

  return g_steal_pointer (&secret);
}

gboolean
ir_server_db_find_feed (IrServerDb  *self,
                        const char  *secret,
                        char       **room,
                        char       **user)
{
  g_autofree char *hash = ir_server_hash_secret (secret);
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT f.room, f.user FROM feeds f JOIN memberships m "
                                "ON m.room = f.room AND m.user = f.user AND m.active = 1 "
                                "WHERE f.secret_hash = ?");
  gboolean found = FALSE;

  ir_server_db_bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *room = ir_server_db_column_text (stmt, 0);
      *user = ir_server_db_column_text (stmt, 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);

  return found;
}

void
ir_server_db_delete_feed (IrServerDb *self,
                          const char *room,
                          const char *user)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "DELETE FROM feeds WHERE room = ? AND user = ?");

  ir_server_db_bind_text (stmt, 1, room);
  ir_server_db_bind_text (stmt, 2, user);
  ir_server_db_step_done (self, stmt, NULL);
}

/* --- blob references ----------------------------------------------------- */

gboolean
ir_server_db_add_blob_refs (IrServerDb  *self,
                            const char  *room,
                            GPtrArray   *hashes,
                            GError     **error)
{
  for (guint i = 0; i < hashes->len; i++)
    {
      sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                    "INSERT OR IGNORE INTO blob_refs (sha256, room) VALUES (?, ?)");

      ir_server_db_bind_text (stmt, 1, g_ptr_array_index (hashes, i));
      ir_server_db_bind_text (stmt, 2, room);
      if (!ir_server_db_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ir_server_db_has_blob_ref (IrServerDb *self,
                           const char *room,
                           const char *sha256)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                             "SELECT 1 FROM blob_refs WHERE sha256 = ? AND room = ?");
  gboolean found;

  ir_server_db_bind_text (stmt, 1, sha256);
  ir_server_db_bind_text (stmt, 2, room);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}
