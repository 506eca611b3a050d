/* ir-new-room-dialog.h: requests the name and customer of a new room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IR_TYPE_NEW_ROOM_DIALOG (ir_new_room_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrNewRoomDialog, ir_new_room_dialog, IR, NEW_ROOM_DIALOG, AdwMessageDialog)

IrNewRoomDialog *ir_new_room_dialog_new          (GtkWindow       *parent);
const char      *ir_new_room_dialog_get_name     (IrNewRoomDialog *self);
const char      *ir_new_room_dialog_get_customer (IrNewRoomDialog *self);
void             ir_new_room_dialog_set_error    (IrNewRoomDialog *self,
                                                  const char      *message);

G_END_DECLS
