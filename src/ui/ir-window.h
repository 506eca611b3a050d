/* ir-window.h: the main window: room list and room pages
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-presence-bar.h"
#include "ir-room-directory.h"
#include "ir-sync-indicator.h"

G_BEGIN_DECLS

#define IR_TYPE_WINDOW (ir_window_get_type ())

G_DECLARE_FINAL_TYPE (IrWindow, ir_window, IR, WINDOW, AdwApplicationWindow)

IrWindow    *ir_window_new               (GtkApplication  *application,
                                          IrRoomDirectory *rooms);
IrStore     *ir_window_get_store         (IrWindow        *self);
IrRoomInfo  *ir_window_get_room          (IrWindow        *self);
gboolean     ir_window_open_room         (IrWindow        *self,
                                          IrRoomInfo      *room,
                                          GError         **error);
void         ir_window_close_room        (IrWindow        *self);
const char  *ir_window_get_page          (IrWindow        *self);
void         ir_window_show_new_room     (IrWindow        *self);
void         ir_window_add_toast         (IrWindow        *self,
                                          const char      *message);
void         ir_window_show_error        (IrWindow        *self,
                                          const char      *heading,
                                          const char      *message);
guint        ir_window_get_unread_count  (IrWindow        *self);

/* The open room's sync, see ir-window-sync.c. */
IrSyncClient    *ir_window_get_sync_client    (IrWindow *self);
IrSyncIndicator *ir_window_get_sync_indicator (IrWindow *self);
IrPresenceBar   *ir_window_get_presence_bar   (IrWindow *self);

G_END_DECLS
