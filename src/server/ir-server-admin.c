/* ir-server-admin.c: admin commands on a data folder: users, rooms,
 * members, tokens and backups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands change server.db only, and work whether or not the server
 * runs: a running server notices the change within a second and writes the
 * rooms' member entities itself, so a room's store has one writer.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "ir-server-private.h"

#define PASSWORD_MIN_BYTES 8

static const char * const member_roles[] = { "AR", "SR", "FR", "executive", "observer", NULL };

/* --- helpers ------------------------------------------------------------- */

static gboolean
usage_error (GError     **error,
             const char  *usage)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Usage: ironroom-server %s"),
               usage);
  return FALSE;
}

/* Reads the first line of standard input, so that a password never shows
 * in the process list or the shell history. */
static char *
read_password (GError **error)
{
  char line[1100];
  gsize len;

  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';

  len = strlen (line);
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';

  if (len < PASSWORD_MIN_BYTES || len > 1024)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The password read from standard input must have %d to 1024 bytes, "
                     "on its first line."), PASSWORD_MIN_BYTES);
      return NULL;
    }

  return g_strdup (line);
}

static IrServerRoomInfo *
find_room (IrServerDb  *db,
           const char  *name,
           GError     **error)
{
  g_autoptr(GPtrArray) rooms = ir_server_db_find_rooms (db, name);

  if (rooms->len == 1)
    return g_ptr_array_steal_index (rooms, 0);

  if (rooms->len == 0)
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                 _("No room “%s” on this server. List them with “room list”."), name);
  else
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                 _("%u rooms are named “%s”. Name the room by its id."), rooms->len, name);
  return NULL;
}

/* --- users --------------------------------------------------------------- */

static gboolean
run_user (IrServerDb  *db,
          char       **args,
          GError     **error)
{
  guint n = g_strv_length (args);
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;

  if (n != 2)
    return usage_error (error, "user add|passwd|disable|enable NAME");

  if (g_str_equal (args[0], "disable") || g_str_equal (args[0], "enable"))
    {
      gboolean disable = g_str_equal (args[0], "disable");

      if (!ir_server_db_set_disabled (db, args[1], disable, error))
        return FALSE;
      if (disable)
        ir_server_db_revoke_tokens (db, args[1]);
      g_print (disable ? _("User %s disabled.\n") : _("User %s enabled.\n"), args[1]);
      return TRUE;
    }

  if (!g_str_equal (args[0], "add") && !g_str_equal (args[0], "passwd"))
    return usage_error (error, "user add|passwd|disable|enable NAME");

  if (g_str_equal (args[0], "add") &&
      (!g_utf8_validate (args[1], -1, NULL) || strlen (args[1]) > 128 ||
       g_str_equal (args[1], "server") || strchr (args[1], '/') != NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid user name “%s”: use at most 128 bytes of UTF-8 without “/”; "
                     "“server” is reserved."), args[1]);
      return FALSE;
    }

  password = read_password (error);
  if (password == NULL)
    return FALSE;
  hash = ir_server_hash_password (password, error);
  if (hash == NULL)
    return FALSE;

  if (g_str_equal (args[0], "add"))
    {
      if (!ir_server_db_add_user (db, args[1], hash, error))
        return FALSE;
      g_print (_("User %s added.\n"), args[1]);
      return TRUE;
    }

  if (!ir_server_db_set_password (db, args[1], hash, error))
    return FALSE;
  g_print (_("Password of %s changed; %u sessions ended.\n"), args[1],
           ir_server_db_revoke_tokens (db, args[1]));
  return TRUE;
}

/* --- rooms and members --------------------------------------------------- */

static gboolean
run_room (IrServerDb  *db,
          char       **args,
          GError     **error)
{
  guint n = g_strv_length (args);

  if (n == 1 && g_str_equal (args[0], "list"))
    {
      g_autoptr(GPtrArray) rooms = ir_server_db_list_rooms (db);

      for (guint i = 0; i < rooms->len; i++)
        {
          IrServerRoomInfo *info = g_ptr_array_index (rooms, i);

          g_print ("%s\t%s\t%" G_GINT64_FORMAT "\n", info->id, info->name, info->last_seq);
        }
      return TRUE;
    }

  if ((n == 2 || n == 3) && g_str_equal (args[0], "add"))
    {
      g_autofree char *id = n == 3 ? g_strdup (args[2]) : ir_uuid_new ();
      g_autofree char *room_eid = ir_uuid_new ();

      if (!ir_uuid_is_valid (id))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Invalid room id “%s”: expected a UUID."), id);
          return FALSE;
        }
      if (!ir_server_db_add_room (db, id, args[1], room_eid, error))
        return FALSE;

      /* The id alone on standard output, for scripts. */
      g_print ("%s\n", id);
      return TRUE;
    }

  return usage_error (error, "room add NAME [ID] | room list");
}

static gboolean
run_member (IrServerDb  *db,
            char       **args,
            GError     **error)
{
  guint n = g_strv_length (args);
  g_autoptr(IrServerRoomInfo) room = NULL;

  if (!(n == 4 && g_str_equal (args[0], "add")) && !(n == 3 && g_str_equal (args[0], "remove")))
    return usage_error (error, "member add ROOM USER ROLE | member remove ROOM USER");

  room = find_room (db, args[1], error);
  if (room == NULL)
    return FALSE;

  if (g_str_equal (args[0], "remove"))
    {
      if (!ir_server_db_remove_member (db, room->id, args[2], error))
        return FALSE;
      ir_server_db_revoke_device_keys (db, room->id, args[2]);
      ir_server_db_delete_feed (db, room->id, args[2]);
      g_print (_("%s removed from room %s.\n"), args[2], room->name);
      return TRUE;
    }

  if (!ir_server_db_user_exists (db, args[2]))
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                   _("No user “%s” on this server. Add it with “user add”."), args[2]);
      return FALSE;
    }
  if (!g_strv_contains (member_roles, args[3]))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid role “%s”: expected AR, SR, FR, executive or observer."), args[3]);
      return FALSE;
    }

  if (!ir_server_db_set_member (db, room->id, args[2], args[3], error))
    return FALSE;
  g_print (_("%s is %s of room %s.\n"), args[2], args[3], room->name);
  return TRUE;
}

static gboolean
run_token (IrServerDb  *db,
           char       **args,
           GError     **error)
{
  if (g_strv_length (args) != 2 || !g_str_equal (args[0], "revoke"))
    return usage_error (error, "token revoke USER");

  if (!ir_server_db_user_exists (db, args[1]))
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                   _("No user “%s” on this server."), args[1]);
      return FALSE;
    }

  g_print (_("%u sessions of %s ended.\n"), ir_server_db_revoke_tokens (db, args[1]), args[1]);
  return TRUE;
}

/* --- backup -------------------------------------------------------------- */

static gboolean
backup_database (const char  *source,
                 const char  *target,
                 GError     **error)
{
  sqlite3 *from = NULL;
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc = SQLITE_ERROR;

  if (sqlite3_open_v2 (source, &from, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_open (target, &to) == SQLITE_OK &&
      (backup = sqlite3_backup_init (to, "main", from, "main")) != NULL)
    {
      sqlite3_busy_timeout (from, 5000);
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_DONE)
    {
      const char *reason = "out of memory";

      if (to != NULL)
        reason = sqlite3_errmsg (to);
      else if (from != NULL)
        reason = sqlite3_errmsg (from);
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INTERNAL,
                   _("Failed to back up “%s” to “%s”: %s"), source, target, reason);
    }
  sqlite3_close (from);
  sqlite3_close (to);

  return rc == SQLITE_DONE;
}

/* Blobs never change once stored, so copying the ones the backup lacks,
 * after the databases, gives every op in the backup its file. */
static gboolean
backup_blobs (const char  *source,
              const char  *target,
              guint       *copied,
              GError     **error)
{
  g_autoptr(GDir) outer = g_dir_open (source, 0, NULL);
  const char *prefix;

  if (outer == NULL)
    return TRUE;

  while ((prefix = g_dir_read_name (outer)) != NULL)
    {
      g_autofree char *from_dir = g_build_filename (source, prefix, NULL);
      g_autofree char *to_dir = g_build_filename (target, prefix, NULL);
      g_autoptr(GDir) inner = NULL;
      const char *name;

      if (prefix[0] == '.' || (inner = g_dir_open (from_dir, 0, NULL)) == NULL)
        continue;

      g_mkdir_with_parents (to_dir, 0700);
      while ((name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *from_path = g_build_filename (from_dir, name, NULL);
          g_autofree char *to_path = g_build_filename (to_dir, name, NULL);
          g_autoptr(GFile) from = g_file_new_for_path (from_path);
          g_autoptr(GFile) to = g_file_new_for_path (to_path);

          if (!ir_sha256_is_valid (name) || g_file_test (to_path, G_FILE_TEST_EXISTS))
            continue;
          if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
            return FALSE;
          (*copied)++;
        }
    }

  return TRUE;
}

static gboolean
run_backup (const char  *data_dir,
            IrServerDb  *db,
            char       **args,
            GError     **error)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *blobs_from = NULL;
  g_autofree char *blobs_to = NULL;
  guint copied = 0;

  if (g_strv_length (args) != 1)
    return usage_error (error, "backup OUT_DIR");

  db_path = g_build_filename (args[0], "server.db", NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already holds a backup. Choose an empty folder."), args[0]);
      return FALSE;
    }

  if (g_mkdir_with_parents (args[0], 0700) != 0 || !ir_server_db_backup (db, db_path, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Failed to create the folder “%s”."), args[0]);
      return FALSE;
    }

  rooms = ir_server_db_list_rooms (db);
  for (guint i = 0; i < rooms->len; i++)
    {
      IrServerRoomInfo *info = g_ptr_array_index (rooms, i);
      g_autofree char *from = g_build_filename (data_dir, "rooms", info->id, "room.db", NULL);
      g_autofree char *to_dir = g_build_filename (args[0], "rooms", info->id, NULL);
      g_autofree char *to = g_build_filename (to_dir, "room.db", NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      g_mkdir_with_parents (to_dir, 0700);
      if (!backup_database (from, to, error))
        return FALSE;
    }

  blobs_from = g_build_filename (data_dir, "blobs", NULL);
  blobs_to = g_build_filename (args[0], "blobs", NULL);
  if (!backup_blobs (blobs_from, blobs_to, &copied, error))
    return FALSE;

  g_print (_("Backed up %u rooms and %u files to %s.\n"), rooms->len, copied, args[0]);
  return TRUE;
}

/* --- dispatch ------------------------------------------------------------ */

/**
 * ir_server_admin_run:
 * @args: the command and its arguments, such as { "user", "add", "wang" }
 *
 * Returns: 0 on success, 1 with @error set otherwise
 */
int
ir_server_admin_run (const char  *data_dir,
                     char       **args,
                     GError     **error)
{
  g_autofree char *db_path = g_build_filename (data_dir, "server.db", NULL);
  IrServerDb *db;
  gboolean ok;

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Failed to create the data folder “%s”."), data_dir);
      return 1;
    }

  db = ir_server_db_open (db_path, error);
  if (db == NULL)
    return 1;

  if (g_str_equal (args[0], "user"))
    ok = run_user (db, args + 1, error);
  else if (g_str_equal (args[0], "room"))
    ok = run_room (db, args + 1, error);
  else if (g_str_equal (args[0], "member"))
    ok = run_member (db, args + 1, error);
  else if (g_str_equal (args[0], "token"))
    ok = run_token (db, args + 1, error);
  else if (g_str_equal (args[0], "backup"))
    ok = run_backup (data_dir, db, args + 1, error);
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                   _("Unknown command “%s”. Run “ironroom-server --help” for the list."),
                   args[0]);
      ok = FALSE;
    }

  ir_server_db_free (db);
  return ok ? 0 : 1;
}
