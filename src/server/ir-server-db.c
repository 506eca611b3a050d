/* ir-server-db.c: server.db: users, tokens, rooms, memberships, device keys,
 * calendar feeds and blob references
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * server.db is the authority for who may do what. The entities only the
 * server writes into a room (members, device keys) follow it: the server
 * writes them from these tables, so an admin command that changes a table
 * while the server runs reaches the room too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "ir-op.h"
#include "ir-server-db.h"
#include "ir-sync-protocol.h"

struct _IrServerDb
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* address of a literal SQL string → sqlite3_stmt* */
};

/* --- records ------------------------------------------------------------- */

void
ir_membership_free (IrMembership *membership)
{
  if (membership == NULL)
    return;

  g_free (membership->room);
  g_free (membership->user);
  g_free (membership->role);
  g_free (membership->member_eid);
  g_free (membership);
}

void
ir_server_room_info_free (IrServerRoomInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->name);
  g_free (info->room_eid);
  g_free (info);
}

void
ir_device_key_free (IrDeviceKey *key)
{
  if (key == NULL)
    return;

  g_free (key->eid);
  g_free (key->room);
  g_free (key->user);
  g_free (key->public_key);
  g_free (key);
}

/* --- secrets ------------------------------------------------------------- */

/* Returns 32 random bytes from the kernel as 43 URL-safe characters. */
char *
ir_server_new_secret (void)
{
  guint8 bytes[32];
  char text[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strdup (text);
}

/* Tokens and feed secrets are stored only as their SHA-256, so a copy of
 * server.db does not let anyone in. */
char *
ir_server_hash_secret (const char *secret)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, secret, -1);
}

/* --- statements ---------------------------------------------------------- */

static sqlite3_stmt *
prepare (IrServerDb *self,
         const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    g_error ("Failed to prepare “%s” on server.db: %s", sql, sqlite3_errmsg (self->db));

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
step_done (IrServerDb    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  g_set_error (error, IR_SYNC_ERROR,
               rc == SQLITE_CONSTRAINT ? IR_SYNC_ERROR_CONFLICT : IR_SYNC_ERROR_INTERNAL,
               _("Failed to update the server database “%s”: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* --- opening ------------------------------------------------------------- */

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS users ("
  "  name TEXT PRIMARY KEY, password TEXT NOT NULL,"
  "  disabled INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS tokens ("
  "  hash TEXT PRIMARY KEY, user TEXT NOT NULL, device TEXT,"
  "  created INTEGER NOT NULL, expires INTEGER NOT NULL,"
  "  revoked INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user);"
  "CREATE TABLE IF NOT EXISTS rooms ("
  "  id TEXT PRIMARY KEY, name TEXT NOT NULL, room_eid TEXT,"
  "  created INTEGER NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS memberships ("
  "  room TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1, member_eid TEXT NOT NULL,"
  "  joined INTEGER NOT NULL, removed INTEGER,"
  "  PRIMARY KEY (room, user));"
  "CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships (user);"
  "CREATE TABLE IF NOT EXISTS device_keys ("
  "  eid TEXT PRIMARY KEY, room TEXT NOT NULL, user TEXT NOT NULL,"
  "  public_key TEXT NOT NULL, valid_from INTEGER NOT NULL,"
  "  valid_until INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS feeds ("
  "  room TEXT NOT NULL, user TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE,"
  "  created INTEGER NOT NULL, PRIMARY KEY (room, user));"
  "CREATE TABLE IF NOT EXISTS blob_refs ("
  "  sha256 TEXT NOT NULL, room TEXT NOT NULL,"
  "  PRIMARY KEY (sha256, room)) WITHOUT ROWID;";

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

IrServerDb *
ir_server_db_open (const char  *path,
                   GError     **error)
{
  IrServerDb *self = g_new0 (IrServerDb, 1);
  char *message = NULL;

  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db,
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;", NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (self->db, schema_sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INTERNAL,
                   _("Failed to open the server database “%s”: %s. Check that the data "
                     "folder exists and is writable."),
                   path, message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      ir_server_db_free (self);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  return self;
}

void
ir_server_db_free (IrServerDb *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}

/* Changes whenever another connection, such as an admin command, commits. */
gint64
ir_server_db_data_version (IrServerDb *self)
{
  sqlite3_stmt *stmt = prepare (self, "PRAGMA data_version");
  gint64 version = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

/* Copies a consistent snapshot of server.db to @path with SQLite's online
 * backup, which works while the server writes. */
gboolean
ir_server_db_backup (IrServerDb  *self,
                     const char  *path,
                     GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc = SQLITE_ERROR;

  if (sqlite3_open (path, &target) == SQLITE_OK &&
      (backup = sqlite3_backup_init (target, "main", self->db, "main")) != NULL)
    {
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_DONE)
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INTERNAL,
                 _("Failed to back up “%s” to “%s”: %s"),
                 self->path, path, target ? sqlite3_errmsg (target) : "out of memory");
  sqlite3_close (target);

  return rc == SQLITE_DONE;
}

/* --- users --------------------------------------------------------------- */

gboolean
ir_server_db_add_user (IrServerDb  *self,
                       const char  *name,
                       const char  *password_hash,
                       GError     **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO users (name, password, created) VALUES (?, ?, ?)");

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, password_hash);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (step_done (self, stmt, error))
    return TRUE;

  if (ir_server_db_user_exists (self, name))
    {
      g_clear_error (error);
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                   _("User “%s” already exists. Change the password with “user passwd”."),
                   name);
    }
  return FALSE;
}

static gboolean
update_user (IrServerDb    *self,
             sqlite3_stmt  *stmt,
             const char    *name,
             GError       **error)
{
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                   _("No user “%s” on this server. Add it with “user add”."), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
ir_server_db_set_password (IrServerDb  *self,
                           const char  *name,
                           const char  *password_hash,
                           GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE users SET password = ? WHERE name = ?");

  bind_text (stmt, 1, password_hash);
  bind_text (stmt, 2, name);
  return update_user (self, stmt, name, error);
}

gboolean
ir_server_db_set_disabled (IrServerDb  *self,
                           const char  *name,
                           gboolean     disabled,
                           GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE users SET disabled = ? WHERE name = ?");

  sqlite3_bind_int (stmt, 1, disabled);
  bind_text (stmt, 2, name);
  return update_user (self, stmt, name, error);
}

/* Returns the stored argon2id hash of @name's password, or %NULL. */
char *
ir_server_db_get_password (IrServerDb *self,
                           const char *name,
                           gboolean   *disabled)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT password, disabled FROM users WHERE name = ?");
  char *hash = NULL;

  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      hash = column_text (stmt, 0);
      *disabled = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return hash;
}

gboolean
ir_server_db_user_exists (IrServerDb *self,
                          const char *name)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM users WHERE name = ?");
  gboolean found;

  bind_text (stmt, 1, name);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/* --- tokens -------------------------------------------------------------- */

/* Returns a new token for @user; only its hash is stored. */
char *
ir_server_db_add_token (IrServerDb  *self,
                        const char  *user,
                        const char  *device,
                        gint64       lifetime_us,
                        gint64      *expires,
                        GError     **error)
{
  g_autofree char *token = ir_server_new_secret ();
  g_autofree char *hash = ir_server_hash_secret (token);
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO tokens (hash, user, device, created, expires) "
                                "VALUES (?, ?, ?, ?, ?)");
  gint64 now = g_get_real_time ();

  *expires = now + lifetime_us;
  bind_text (stmt, 1, hash);
  bind_text (stmt, 2, user);
  bind_text (stmt, 3, device);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, *expires);
  if (!step_done (self, stmt, error))
    return NULL;

  return g_steal_pointer (&token);
}

/* Checks a bearer token; a valid one names its user, who is not disabled. */
IrTokenState
ir_server_db_check_token (IrServerDb  *self,
                          const char  *token,
                          char       **user)
{
  g_autofree char *hash = ir_server_hash_secret (token);
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT t.user, t.expires, t.revoked, u.disabled FROM tokens t "
                                "JOIN users u ON u.name = t.user WHERE t.hash = ?");
  IrTokenState state = IR_TOKEN_UNKNOWN;

  bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 2) || sqlite3_column_int (stmt, 3))
        state = IR_TOKEN_REVOKED;
      else if (sqlite3_column_int64 (stmt, 1) <= g_get_real_time ())
        state = IR_TOKEN_EXPIRED;
      else
        {
          state = IR_TOKEN_VALID;
          *user = column_text (stmt, 0);
        }
    }
  sqlite3_reset (stmt);

  return state;
}

gboolean
ir_server_db_revoke_token (IrServerDb *self,
                           const char *token)
{
  g_autofree char *hash = ir_server_hash_secret (token);
  sqlite3_stmt *stmt = prepare (self, "UPDATE tokens SET revoked = 1 WHERE hash = ?");

  bind_text (stmt, 1, hash);
  return step_done (self, stmt, NULL) && sqlite3_changes (self->db) > 0;
}

/* Revokes every live token of @user. Returns how many there were. */
guint
ir_server_db_revoke_tokens (IrServerDb *self,
                            const char *user)
{
  sqlite3_stmt *stmt = prepare (self,
                                "UPDATE tokens SET revoked = 1 WHERE user = ? AND revoked = 0");

  bind_text (stmt, 1, user);
  if (!step_done (self, stmt, NULL))
    return 0;

  return sqlite3_changes (self->db);
}

/* --- rooms --------------------------------------------------------------- */

gboolean
ir_server_db_add_room (IrServerDb  *self,
                       const char  *id,
                       const char  *name,
                       const char  *room_eid,
                       GError     **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO rooms (id, name, room_eid, created) VALUES (?, ?, ?, ?)");

  bind_text (stmt, 1, id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, room_eid);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (step_done (self, stmt, error))
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

  info->id = column_text (stmt, 0);
  info->name = column_text (stmt, 1);
  info->room_eid = column_text (stmt, 2);
  info->created = sqlite3_column_int64 (stmt, 3);
  info->last_seq = sqlite3_column_int64 (stmt, 4);

  return info;
}

#define ROOM_COLUMNS "id, name, room_eid, created, last_seq"

IrServerRoomInfo *
ir_server_db_get_room (IrServerDb *self,
                       const char *id)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?");
  IrServerRoomInfo *info = NULL;

  bind_text (stmt, 1, id);
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
  return collect_rooms (prepare (self, "SELECT " ROOM_COLUMNS " FROM rooms ORDER BY created"));
}

/* Rooms whose id or name is @name, for admin commands. */
GPtrArray *
ir_server_db_find_rooms (IrServerDb *self,
                         const char *name)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?1 OR name = ?1");

  bind_text (stmt, 1, name);
  return collect_rooms (stmt);
}

void
ir_server_db_set_last_seq (IrServerDb *self,
                           const char *room,
                           gint64      seq)
{
  sqlite3_stmt *stmt = prepare (self, "UPDATE rooms SET last_seq = ? WHERE id = ?");

  sqlite3_bind_int64 (stmt, 1, seq);
  bind_text (stmt, 2, room);
  step_done (self, stmt, NULL);
}

/* --- memberships --------------------------------------------------------- */

#define MEMBER_COLUMNS "room, user, role, active, member_eid, joined, coalesce (removed, 0)"

static IrMembership *
membership_from_row (sqlite3_stmt *stmt)
{
  IrMembership *membership = g_new0 (IrMembership, 1);

  membership->room = column_text (stmt, 0);
  membership->user = column_text (stmt, 1);
  membership->role = column_text (stmt, 2);
  membership->active = sqlite3_column_int (stmt, 3);
  membership->member_eid = column_text (stmt, 4);
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
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE room = ? AND user = ?");
  IrMembership *membership = NULL;

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, user);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    membership = membership_from_row (stmt);
  sqlite3_reset (stmt);

  return membership;
}

GPtrArray *
ir_server_db_list_members (IrServerDb *self,
                           const char *room)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE room = ? ORDER BY joined, user");

  bind_text (stmt, 1, room);
  return collect_memberships (stmt);
}

/* The active memberships of @user, one per room. */
GPtrArray *
ir_server_db_list_user_rooms (IrServerDb *self,
                              const char *user)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT " MEMBER_COLUMNS " FROM memberships "
                                "WHERE user = ? AND active = 1 ORDER BY joined");

  bind_text (stmt, 1, user);
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
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO memberships (room, user, role, member_eid, joined) "
                                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, user) DO UPDATE SET "
                                "role = excluded.role, active = 1, removed = NULL, "
                                "joined = CASE WHEN active = 1 THEN joined ELSE excluded.joined END");

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, user);
  bind_text (stmt, 3, role);
  bind_text (stmt, 4, eid);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  return step_done (self, stmt, error);
}

gboolean
ir_server_db_remove_member (IrServerDb  *self,
                            const char  *room,
                            const char  *user,
                            GError     **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "UPDATE memberships SET active = 0, removed = ? "
                                "WHERE room = ? AND user = ? AND active = 1");

  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  bind_text (stmt, 2, room);
  bind_text (stmt, 3, user);
  return step_done (self, stmt, error);
}

/* Counts the active members of @room, only those with @role unless NULL. */
guint
ir_server_db_count_members (IrServerDb *self,
                            const char *room,
                            const char *role)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT count(*) FROM memberships WHERE room = ? AND active = 1 "
                                "AND (?2 IS NULL OR role = ?2)");
  guint count = 0;

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, role);
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
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO device_keys (eid, room, user, public_key, "
                                "valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?)");

  bind_text (stmt, 1, key->eid);
  bind_text (stmt, 2, key->room);
  bind_text (stmt, 3, key->user);
  bind_text (stmt, 4, key->public_key);
  sqlite3_bind_int64 (stmt, 5, key->valid_from);
  sqlite3_bind_int64 (stmt, 6, key->valid_until);
  return step_done (self, stmt, error);
}

GPtrArray *
ir_server_db_list_device_keys (IrServerDb *self,
                               const char *room)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT eid, room, user, public_key, valid_from, valid_until, "
                                "revoked FROM device_keys WHERE room = ? ORDER BY valid_from");
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_device_key_free);

  bind_text (stmt, 1, room);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrDeviceKey *key = g_new0 (IrDeviceKey, 1);

      key->eid = column_text (stmt, 0);
      key->room = column_text (stmt, 1);
      key->user = column_text (stmt, 2);
      key->public_key = column_text (stmt, 3);
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
  sqlite3_stmt *stmt = prepare (self,
                                "UPDATE device_keys SET revoked = 1 WHERE room = ? AND user = ?");

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, user);
  step_done (self, stmt, NULL);
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
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT OR REPLACE INTO feeds (room, user, secret_hash, created) "
                                "VALUES (?, ?, ?, ?)");

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, user);
  bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  if (!step_done (self, stmt, error))
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
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT f.room, f.user FROM feeds f JOIN memberships m "
                                "ON m.room = f.room AND m.user = f.user AND m.active = 1 "
                                "WHERE f.secret_hash = ?");
  gboolean found = FALSE;

  bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *room = column_text (stmt, 0);
      *user = column_text (stmt, 1);
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
  sqlite3_stmt *stmt = prepare (self, "DELETE FROM feeds WHERE room = ? AND user = ?");

  bind_text (stmt, 1, room);
  bind_text (stmt, 2, user);
  step_done (self, stmt, NULL);
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
      sqlite3_stmt *stmt = prepare (self,
                                    "INSERT OR IGNORE INTO blob_refs (sha256, room) VALUES (?, ?)");

      bind_text (stmt, 1, g_ptr_array_index (hashes, i));
      bind_text (stmt, 2, room);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ir_server_db_has_blob_ref (IrServerDb *self,
                           const char *room,
                           const char *sha256)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM blob_refs WHERE sha256 = ? AND room = ?");
  gboolean found;

  bind_text (stmt, 1, sha256);
  bind_text (stmt, 2, room);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}
