/* ir-room-info.c: what the room list shows of one room on this computer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The room list must not open every room's database at start-up, so the
 * name and customer of each room are cached in a small key file beside its
 * database. The database stays the source of truth: the cache is written
 * whenever the app opens the room or sees its name change.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include "ir-room-info.h"

#define CACHE_FILE  "room.ini"
#define CACHE_GROUP "Room"

struct _IrRoomInfo
{
  GObject  parent_instance;

  char    *id;
  char    *directory;
  char    *name;
  char    *customer;
  gboolean demo;
};

G_DEFINE_FINAL_TYPE (IrRoomInfo, ir_room_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CUSTOMER,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers -------------------------------------------------------------- */

/* Like g_set_str (), which is newer than GLib 2.74. */
static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);

  return TRUE;
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_room_info_finalize (GObject *object)
{
  IrRoomInfo *self = IR_ROOM_INFO (object);

  g_free (self->id);
  g_free (self->directory);
  g_free (self->name);
  g_free (self->customer);

  G_OBJECT_CLASS (ir_room_info_parent_class)->finalize (object);
}

static void
ir_room_info_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IrRoomInfo *self = IR_ROOM_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, ir_room_info_get_name (self));
      break;

    case PROP_CUSTOMER:
      g_value_set_string (value, self->customer);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_room_info_class_init (IrRoomInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ir_room_info_finalize;
  object_class->get_property = ir_room_info_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_string ("customer", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ir_room_info_init (IrRoomInfo *self)
{
}

/* --- public API ----------------------------------------------------------- */

IrRoomInfo *
ir_room_info_new (const char *id,
                  const char *directory)
{
  IrRoomInfo *self = g_object_new (IR_TYPE_ROOM_INFO, NULL);

  self->id = g_strdup (id);
  self->directory = g_strdup (directory);

  return self;
}

const char *
ir_room_info_get_id (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), NULL);

  return self->id;
}

const char *
ir_room_info_get_directory (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), NULL);

  return self->directory;
}

char *
ir_room_info_get_db_path (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), NULL);

  return g_build_filename (self->directory, "room.db", NULL);
}

/* Returns the room's name, or its id while the name is not known yet. */
const char *
ir_room_info_get_name (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), NULL);

  if (self->name == NULL || self->name[0] == '\0')
    return self->id;

  return self->name;
}

void
ir_room_info_set_name (IrRoomInfo *self,
                       const char *name)
{
  g_return_if_fail (IR_IS_ROOM_INFO (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ir_room_info_get_customer (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), NULL);

  return self->customer;
}

void
ir_room_info_set_customer (IrRoomInfo *self,
                           const char *customer)
{
  g_return_if_fail (IR_IS_ROOM_INFO (self));

  if (replace_string (&self->customer, customer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

gboolean
ir_room_info_get_demo (IrRoomInfo *self)
{
  g_return_val_if_fail (IR_IS_ROOM_INFO (self), FALSE);

  return self->demo;
}

void
ir_room_info_set_demo (IrRoomInfo *self,
                       gboolean    demo)
{
  g_return_if_fail (IR_IS_ROOM_INFO (self));

  demo = !!demo;
  if (self->demo == demo)
    return;

  self->demo = demo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

/**
 * ir_room_info_load_cache:
 *
 * Reads the cached name, customer and demo flag. Returns %FALSE when the
 * cache is missing or unreadable, and the caller then reads the database.
 */
gboolean
ir_room_info_load_cache (IrRoomInfo *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = g_build_filename (self->directory, CACHE_FILE, NULL);
  g_autofree char *name = NULL;
  g_autofree char *customer = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  name = g_key_file_get_string (keyfile, CACHE_GROUP, "Name", NULL);
  if (name == NULL)
    return FALSE;

  customer = g_key_file_get_string (keyfile, CACHE_GROUP, "Customer", NULL);
  ir_room_info_set_name (self, name);
  ir_room_info_set_customer (self, customer);
  ir_room_info_set_demo (self, g_key_file_get_boolean (keyfile, CACHE_GROUP, "Demo", NULL));

  return TRUE;
}

gboolean
ir_room_info_save_cache (IrRoomInfo  *self,
                         GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = g_build_filename (self->directory, CACHE_FILE, NULL);

  g_key_file_set_string (keyfile, CACHE_GROUP, "Name", self->name ? self->name : "");
  g_key_file_set_string (keyfile, CACHE_GROUP, "Customer",
                         self->customer ? self->customer : "");
  g_key_file_set_boolean (keyfile, CACHE_GROUP, "Demo", self->demo);

  return g_key_file_save_to_file (keyfile, path, error);
}
