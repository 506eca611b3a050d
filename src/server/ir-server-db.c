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
#include "ir-server-db-private.h"
#include "ir-sync-protocol.h"

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

sqlite3_stmt *
ir_server_db_prepare (IrServerDb *self,
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

gboolean
ir_server_db_step_done (IrServerDb    *self,
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

char *
ir_server_db_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
ir_server_db_bind_text (sqlite3_stmt *stmt,
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

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK ||
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "PRAGMA data_version");
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT INTO users (name, password, created) VALUES (?, ?, ?)");

  ir_server_db_bind_text (stmt, 1, name);
  ir_server_db_bind_text (stmt, 2, password_hash);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (ir_server_db_step_done (self, stmt, error))
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
  if (!ir_server_db_step_done (self, stmt, error))
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "UPDATE users SET password = ? WHERE name = ?");

  ir_server_db_bind_text (stmt, 1, password_hash);
  ir_server_db_bind_text (stmt, 2, name);
  return update_user (self, stmt, name, error);
}

gboolean
ir_server_db_set_disabled (IrServerDb  *self,
                           const char  *name,
                           gboolean     disabled,
                           GError     **error)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "UPDATE users SET disabled = ? WHERE name = ?");

  sqlite3_bind_int (stmt, 1, disabled);
  ir_server_db_bind_text (stmt, 2, name);
  return update_user (self, stmt, name, error);
}

/* Returns the stored argon2id hash of @name's password, or %NULL. */
char *
ir_server_db_get_password (IrServerDb *self,
                           const char *name,
                           gboolean   *disabled)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                             "SELECT password, disabled FROM users WHERE name = ?");
  char *hash = NULL;

  ir_server_db_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      hash = ir_server_db_column_text (stmt, 0);
      *disabled = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return hash;
}

gboolean
ir_server_db_user_exists (IrServerDb *self,
                          const char *name)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "SELECT 1 FROM users WHERE name = ?");
  gboolean found;

  ir_server_db_bind_text (stmt, 1, name);
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "INSERT INTO tokens (hash, user, device, created, expires) "
                                "VALUES (?, ?, ?, ?, ?)");
  gint64 now = g_get_real_time ();

  *expires = now + lifetime_us;
  ir_server_db_bind_text (stmt, 1, hash);
  ir_server_db_bind_text (stmt, 2, user);
  ir_server_db_bind_text (stmt, 3, device);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, *expires);
  if (!ir_server_db_step_done (self, stmt, error))
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "SELECT t.user, t.expires, t.revoked, u.disabled FROM tokens t "
                                "JOIN users u ON u.name = t.user WHERE t.hash = ?");
  IrTokenState state = IR_TOKEN_UNKNOWN;

  ir_server_db_bind_text (stmt, 1, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 2) || sqlite3_column_int (stmt, 3))
        state = IR_TOKEN_REVOKED;
      else if (sqlite3_column_int64 (stmt, 1) <= g_get_real_time ())
        state = IR_TOKEN_EXPIRED;
      else
        {
          state = IR_TOKEN_VALID;
          *user = ir_server_db_column_text (stmt, 0);
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
  sqlite3_stmt *stmt = ir_server_db_prepare (self, "UPDATE tokens SET revoked = 1 WHERE hash = ?");

  ir_server_db_bind_text (stmt, 1, hash);
  return ir_server_db_step_done (self, stmt, NULL) && sqlite3_changes (self->db) > 0;
}

/* Revokes every live token of @user. Returns how many there were. */
guint
ir_server_db_revoke_tokens (IrServerDb *self,
                            const char *user)
{
  sqlite3_stmt *stmt = ir_server_db_prepare (self,
                                "UPDATE tokens SET revoked = 1 WHERE user = ? AND revoked = 0");

  ir_server_db_bind_text (stmt, 1, user);
  if (!ir_server_db_step_done (self, stmt, NULL))
    return 0;

  return sqlite3_changes (self->db);
}
