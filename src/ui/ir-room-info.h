/* ir-room-info.h: what the room list shows of one room on this computer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IR_TYPE_ROOM_INFO (ir_room_info_get_type ())

G_DECLARE_FINAL_TYPE (IrRoomInfo, ir_room_info, IR, ROOM_INFO, GObject)

IrRoomInfo *ir_room_info_new           (const char *id,
                                        const char *directory);
const char *ir_room_info_get_id        (IrRoomInfo *self);
const char *ir_room_info_get_directory (IrRoomInfo *self);
char       *ir_room_info_get_db_path   (IrRoomInfo *self);
const char *ir_room_info_get_name      (IrRoomInfo *self);
void        ir_room_info_set_name      (IrRoomInfo *self,
                                        const char *name);
const char *ir_room_info_get_customer  (IrRoomInfo *self);
void        ir_room_info_set_customer  (IrRoomInfo *self,
                                        const char *customer);
gboolean    ir_room_info_get_demo      (IrRoomInfo *self);
void        ir_room_info_set_demo      (IrRoomInfo *self,
                                        gboolean    demo);
gboolean    ir_room_info_load_cache    (IrRoomInfo *self);
gboolean    ir_room_info_save_cache    (IrRoomInfo *self,
                                        GError    **error);

G_END_DECLS
