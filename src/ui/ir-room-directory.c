/* ir-room-directory.c: the rooms kept on this computer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each room lives in a folder of its own, named after the room id:
 * <path>/<room-id>/room.db with its blobs in <path>/<room-id>/blobs/.
 * The directory is a GListModel of IrRoomInfo, sorted by name.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ir-room-directory.h"
#include "ir-ui-util.h"

struct _IrRoomDirectory
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *rooms;   /* IrRoomInfo*, sorted by name */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IrRoomDirectory, ir_room_directory, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* --- helpers -------------------------------------------------------------- */

static int
compare_rooms (gconstpointer a,
               gconstpointer b)
{
  IrRoomInfo *info_a = *(IrRoomInfo **) a;
  IrRoomInfo *info_b = *(IrRoomInfo **) b;
  g_autofree char *key_a = g_utf8_collate_key (ir_room_info_get_name (info_a), -1);
  g_autofree char *key_b = g_utf8_collate_key (ir_room_info_get_name (info_b), -1);
  int result = strcmp (key_a, key_b);

  if (result != 0)
    return result;

  return g_strcmp0 (ir_room_info_get_id (info_a), ir_room_info_get_id (info_b));
}

static IrEntity *
get_room_entity (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");

  if (g_list_model_get_n_items (G_LIST_MODEL (rooms)) == 0)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (rooms), 0);
}

/* Copies the room's name, customer and demo flag from its store; returns
 * whether any of them changed. */
static gboolean
copy_room_fields (IrRoomInfo *info,
                  IrStore    *store)
{
  g_autoptr(IrEntity) room = get_room_entity (store);
  const char *name, *customer;
  gboolean demo;

  if (room == NULL)
    return FALSE;

  name = ir_entity_get_string (room, "name");
  customer = ir_entity_get_string (room, "customer");
  demo = ir_entity_get_boolean (room, "demo");
  if (g_strcmp0 (name, ir_room_info_get_name (info)) == 0 &&
      g_strcmp0 (customer, ir_room_info_get_customer (info)) == 0 &&
      demo == ir_room_info_get_demo (info))
    return FALSE;

  ir_room_info_set_name (info, name);
  ir_room_info_set_customer (info, customer);
  ir_room_info_set_demo (info, demo);

  return TRUE;
}

/* Reads a room whose cache is missing from its database. */
static gboolean
load_from_store (IrRoomDirectory *self,
                 IrRoomInfo      *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = ir_room_directory_open_store (self, info, &error);

  if (store == NULL)
    {
      g_warning ("Failed to read room %s: %s", ir_room_info_get_id (info), error->message);
      return FALSE;
    }

  ir_room_directory_refresh_info (self, info, store);
  ir_store_close (store);

  return TRUE;
}

/* --- GListModel ----------------------------------------------------------- */

static GType
ir_room_directory_get_item_type (GListModel *model)
{
  return IR_TYPE_ROOM_INFO;
}

static guint
ir_room_directory_get_n_items (GListModel *model)
{
  return IR_ROOM_DIRECTORY (model)->rooms->len;
}

static gpointer
ir_room_directory_get_item (GListModel *model,
                            guint       position)
{
  IrRoomDirectory *self = IR_ROOM_DIRECTORY (model);

  if (position >= self->rooms->len)
    return NULL;

  return g_object_ref (self->rooms->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ir_room_directory_get_item_type;
  iface->get_n_items = ir_room_directory_get_n_items;
  iface->get_item = ir_room_directory_get_item;
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_room_directory_finalize (GObject *object)
{
  IrRoomDirectory *self = IR_ROOM_DIRECTORY (object);

  g_free (self->path);
  g_ptr_array_unref (self->rooms);

  G_OBJECT_CLASS (ir_room_directory_parent_class)->finalize (object);
}

static void
ir_room_directory_class_init (IrRoomDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ir_room_directory_finalize;
}

static void
ir_room_directory_init (IrRoomDirectory *self)
{
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
}

/* --- public API ----------------------------------------------------------- */

char *
ir_room_directory_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ironroom", "rooms", NULL);
}

/**
 * ir_room_directory_new:
 * @path: (nullable): the folder of rooms, or %NULL for the user's
 *
 * Creates the list of the rooms in @path and reads it once.
 */
IrRoomDirectory *
ir_room_directory_new (const char *path)
{
  IrRoomDirectory *self = g_object_new (IR_TYPE_ROOM_DIRECTORY, NULL);

  self->path = path ? g_strdup (path) : ir_room_directory_default_path ();
  ir_room_directory_reload (self);

  return self;
}

const char *
ir_room_directory_get_path (IrRoomDirectory *self)
{
  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (self), NULL);

  return self->path;
}

/* Reads the folder again; folders without a room.db are skipped. */
void
ir_room_directory_reload (IrRoomDirectory *self)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  guint old_len = self->rooms->len;
  const char *name;

  g_return_if_fail (IR_IS_ROOM_DIRECTORY (self));

  g_ptr_array_set_size (self->rooms, 0);

  dir = g_dir_open (self->path, 0, &error);
  if (dir == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Failed to list the rooms in %s: %s", self->path, error->message);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *room_dir = g_build_filename (self->path, name, NULL);
      g_autofree char *db = g_build_filename (room_dir, "room.db", NULL);
      g_autoptr(IrRoomInfo) info = NULL;

      if (!g_file_test (db, G_FILE_TEST_IS_REGULAR))
        continue;

      info = ir_room_info_new (name, room_dir);
      if (!ir_room_info_load_cache (info) && !load_from_store (self, info))
        continue;

      g_ptr_array_add (self->rooms, g_steal_pointer (&info));
    }

  g_ptr_array_sort (self->rooms, compare_rooms);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rooms->len);
}

IrRoomInfo *
ir_room_directory_lookup (IrRoomDirectory *self,
                          const char      *id)
{
  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (self), NULL);

  for (guint i = 0; id != NULL && i < self->rooms->len; i++)
    if (g_str_equal (ir_room_info_get_id (self->rooms->pdata[i]), id))
      return self->rooms->pdata[i];

  return NULL;
}

IrRoomInfo *
ir_room_directory_find_demo (IrRoomDirectory *self)
{
  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (self), NULL);

  for (guint i = 0; i < self->rooms->len; i++)
    if (ir_room_info_get_demo (self->rooms->pdata[i]))
      return self->rooms->pdata[i];

  return NULL;
}

/* Returns the member that this replica acts as: the one named by the
 * store's metadata, or else the one whose user is the server user of a
 * synced room, or the login name. */
static IrEntity *
find_local_member (IrStore *store)
{
  g_autofree char *member_id = ir_store_get_meta (store, IR_ROOM_MEMBER_ID_KEY);
  g_autofree char *server_user = ir_store_get_meta (store, IR_ROOM_SERVER_USER_KEY);
  IrEntity *member = NULL;

  if (member_id != NULL && member_id[0] != '\0')
    member = ir_store_get_entity (store, "member", member_id);

  if (member == NULL)
    {
      ir_store_set_actor (store, server_user && server_user[0] ? server_user : g_get_user_name (),
                          IR_ROLE_AR);
      member = ir_store_find_own_member (store);
    }

  return member;
}

/**
 * ir_room_directory_open_store:
 *
 * Opens the room's replica as its local member. A room that has no server
 * acts as its own, so its member may also write what only a server writes
 * there (members, escalations).
 */
IrStore *
ir_room_directory_open_store (IrRoomDirectory  *self,
                              IrRoomInfo       *info,
                              GError          **error)
{
  g_autofree char *db = ir_room_info_get_db_path (info);
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrEntity) member = NULL;
  g_autofree char *server = NULL;
  g_autofree char *server_user = NULL;
  const char *user = g_get_user_name ();
  guint roles = IR_ROLE_AR;

  store = ir_store_open (db, NULL, error);
  if (store == NULL)
    return NULL;

  server = ir_store_get_meta (store, IR_ROOM_SERVER_URL_KEY);
  server_user = ir_store_get_meta (store, IR_ROOM_SERVER_USER_KEY);
  if (server_user != NULL && server_user[0] != '\0')
    user = server_user;

  member = find_local_member (store);
  if (member != NULL)
    {
      user = ir_entity_get_string (member, "user");
      roles = ir_role_from_string (ir_entity_get_string (member, "role"));
    }

  if (server == NULL || server[0] == '\0')
    roles |= IR_ROLE_SERVER;

  ir_store_set_actor (store, user, roles);

  return g_steal_pointer (&store);
}

/* Copies the room's name and customer from @store, and caches them when
 * they changed. */
void
ir_room_directory_refresh_info (IrRoomDirectory *self,
                                IrRoomInfo      *info,
                                IrStore         *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = g_build_filename (ir_room_info_get_directory (info), "room.ini", NULL);
  guint position;

  if (!copy_room_fields (info, store) && g_file_test (cache, G_FILE_TEST_EXISTS))
    return;

  if (!ir_room_info_save_cache (info, &error))
    g_warning ("Failed to cache the name of room %s: %s",
               ir_room_info_get_id (info), error->message);

  /* A new name can move the room in the sorted list. */
  if (!g_ptr_array_find (self->rooms, info, &position))
    return;

  g_object_ref (info);
  g_ptr_array_remove_index (self->rooms, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  g_ptr_array_add (self->rooms, info);
  g_ptr_array_sort (self->rooms, compare_rooms);
  g_ptr_array_find (self->rooms, info, &position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * ir_room_directory_create_empty:
 * @store: (out): the open store of the new room
 *
 * Creates the folder and the empty store of a new room, for a writer such
 * as the demo's to fill. The directory lists the room once
 * ir_room_directory_add() is called.
 *
 * Returns: (transfer full): the new room
 */
IrRoomInfo *
ir_room_directory_create_empty (IrRoomDirectory  *self,
                                IrStore         **store,
                                GError          **error)
{
  g_autofree char *id = ir_uuid_new ();
  g_autofree char *room_dir = g_build_filename (self->path, id, NULL);
  g_autoptr(IrRoomInfo) info = NULL;
  g_autoptr(IrStore) room_store = NULL;

  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (self), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  if (g_mkdir_with_parents (room_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Failed to create the room folder “%s”: %s. Check that your data "
                     "folder is writable."), room_dir, g_strerror (saved_errno));
      return NULL;
    }

  info = ir_room_info_new (id, room_dir);
  room_store = ir_room_directory_open_store (self, info, error);
  if (room_store == NULL || !ir_store_set_room_id (room_store, id, error))
    {
      ir_room_directory_discard (self, info);
      return NULL;
    }

  *store = g_steal_pointer (&room_store);

  return g_steal_pointer (&info);
}

/* Lists a room made by ir_room_directory_create_empty() once its store
 * holds the room. */
void
ir_room_directory_add (IrRoomDirectory *self,
                       IrRoomInfo      *info,
                       IrStore         *store)
{
  guint position;

  g_return_if_fail (IR_IS_ROOM_DIRECTORY (self));
  g_return_if_fail (IR_IS_ROOM_INFO (info));

  ir_room_directory_refresh_info (self, info, store);
  if (g_ptr_array_find (self->rooms, info, NULL))
    return;

  g_ptr_array_add (self->rooms, g_object_ref (info));
  g_ptr_array_sort (self->rooms, compare_rooms);
  g_ptr_array_find (self->rooms, info, &position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *child_info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (child_info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (child_info));

      remove_tree (child);
      g_object_unref (child_info);
    }

  g_file_delete (file, NULL, NULL);
}

/* Deletes the folder of a room that failed to be written, and unlists it. */
void
ir_room_directory_discard (IrRoomDirectory *self,
                           IrRoomInfo      *info)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ir_room_info_get_directory (info));
  guint position;

  g_return_if_fail (IR_IS_ROOM_DIRECTORY (self));

  remove_tree (folder);

  if (g_ptr_array_find (self->rooms, info, &position))
    {
      g_ptr_array_remove_index (self->rooms, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

/**
 * ir_room_directory_create:
 * @name: the room's name, checked with ir_room_name_validate()
 * @customer: (nullable): the customer's name
 * @demo: whether this is the demo room
 * @store: (out) (optional): the open store of the new room
 *
 * Creates a room in a folder of its own, with the current user as its
 * account owner (AR).
 *
 * Returns: (transfer full): the new room, which the directory lists too
 */
IrRoomInfo *
ir_room_directory_create (IrRoomDirectory  *self,
                          const char       *name,
                          const char       *customer,
                          gboolean          demo,
                          IrStore         **store,
                          GError          **error)
{
  g_autoptr(IrRoomInfo) info = NULL;
  g_autoptr(IrStore) room_store = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *room = NULL;
  g_autofree char *member = NULL;
  g_autofree char *stripped_name = NULL;
  const char *real_name = g_get_real_name ();
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (self), NULL);

  if (!ir_room_name_validate (name, error) || !ir_room_customer_validate (customer, error))
    return NULL;

  info = ir_room_directory_create_empty (self, &room_store, error);
  if (info == NULL)
    return NULL;

  stripped_name = g_strstrip (g_strdup (name));
  tx = ir_store_begin (room_store);
  room = ir_tx_create (tx, "room");
  ir_tx_set_string (tx, "room", room, "name", stripped_name);
  if (customer != NULL && customer[0] != '\0')
    ir_tx_set_string (tx, "room", room, "customer", customer);
  ir_tx_set_string (tx, "room", room, "time_zone", "Asia/Shanghai");
  ir_tx_set_int (tx, "room", room, "created", now);
  ir_tx_set_boolean (tx, "room", room, "demo", demo);

  member = ir_tx_create (tx, "member");
  ir_tx_set_string (tx, "member", member, "user", g_get_user_name ());
  if (real_name != NULL && !g_str_equal (real_name, "Unknown"))
    ir_tx_set_string (tx, "member", member, "display_name", real_name);
  ir_tx_set_string (tx, "member", member, "role", "AR");
  ir_tx_set_boolean (tx, "member", member, "active", TRUE);
  ir_tx_set_int (tx, "member", member, "joined", now);

  if (!ir_store_commit (room_store, tx, error))
    {
      ir_store_close (room_store);
      ir_room_directory_discard (self, info);
      return NULL;
    }

  ir_store_set_meta (room_store, IR_ROOM_MEMBER_ID_KEY, member);
  ir_room_directory_add (self, info, room_store);

  if (store != NULL)
    *store = g_steal_pointer (&room_store);

  return g_steal_pointer (&info);
}

/* --- validation ----------------------------------------------------------- */

gboolean
ir_room_name_validate (const char  *name,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The room needs a name. Type the deal’s name, for example "
                     "the customer and the product."));
      return FALSE;
    }

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The room name is not valid UTF-8 text. Type it again."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > IR_ROOM_NAME_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The room name has %ld characters, more than the %d allowed. "
                     "Shorten it."),
                   g_utf8_strlen (stripped, -1), IR_ROOM_NAME_MAX);
      return FALSE;
    }

  return TRUE;
}

gboolean
ir_room_customer_validate (const char  *customer,
                           GError     **error)
{
  if (customer == NULL)
    return TRUE;

  if (!g_utf8_validate (customer, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The customer name is not valid UTF-8 text. Type it again."));
      return FALSE;
    }

  if (g_utf8_strlen (customer, -1) > IR_ROOM_NAME_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The customer name has %ld characters, more than the %d allowed. "
                     "Shorten it."),
                   g_utf8_strlen (customer, -1), IR_ROOM_NAME_MAX);
      return FALSE;
    }

  return TRUE;
}
