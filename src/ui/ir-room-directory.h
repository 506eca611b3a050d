/* ir-room-directory.h: the rooms kept on this computer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-room-info.h"
#include "ir-store.h"
#include "ir-sync-room.h"

G_BEGIN_DECLS

#define IR_TYPE_ROOM_DIRECTORY (ir_room_directory_get_type ())

G_DECLARE_FINAL_TYPE (IrRoomDirectory, ir_room_directory, IR, ROOM_DIRECTORY, GObject)

/* Longest room name and customer, in characters, as the schema allows. */
#define IR_ROOM_NAME_MAX 200

IrRoomDirectory *ir_room_directory_new          (const char       *path);
const char      *ir_room_directory_get_path     (IrRoomDirectory  *self);
void             ir_room_directory_reload       (IrRoomDirectory  *self);
IrRoomInfo      *ir_room_directory_lookup       (IrRoomDirectory  *self,
                                                 const char       *id);
IrRoomInfo      *ir_room_directory_find_demo    (IrRoomDirectory  *self);
IrRoomInfo      *ir_room_directory_create       (IrRoomDirectory  *self,
                                                 const char       *name,
                                                 const char       *customer,
                                                 gboolean          demo,
                                                 IrStore         **store,
                                                 GError          **error);
IrRoomInfo      *ir_room_directory_create_empty (IrRoomDirectory  *self,
                                                 IrStore         **store,
                                                 GError          **error);
void             ir_room_directory_add          (IrRoomDirectory  *self,
                                                 IrRoomInfo       *info,
                                                 IrStore          *store);
void             ir_room_directory_discard      (IrRoomDirectory  *self,
                                                 IrRoomInfo       *info);
IrStore         *ir_room_directory_open_store   (IrRoomDirectory  *self,
                                                 IrRoomInfo       *info,
                                                 GError          **error);
void             ir_room_directory_refresh_info (IrRoomDirectory  *self,
                                                 IrRoomInfo       *info,
                                                 IrStore          *store);

char            *ir_room_directory_default_path (void);
gboolean         ir_room_name_validate          (const char       *name,
                                                 GError          **error);
gboolean         ir_room_customer_validate      (const char       *customer,
                                                 GError          **error);

G_END_DECLS
