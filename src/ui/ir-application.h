/* ir-application.h: the Iron Room application
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-room-directory.h"
#include "ir-sync-manager.h"
#include "ir-window.h"

G_BEGIN_DECLS

#define IR_TYPE_APPLICATION (ir_application_get_type ())

G_DECLARE_FINAL_TYPE (IrApplication, ir_application, IR, APPLICATION, AdwApplication)

IrApplication   *ir_application_new             (void);
IrRoomDirectory *ir_application_get_rooms       (IrApplication *self);
IrWindow        *ir_application_get_main_window (IrApplication *self);
IrSyncManager   *ir_application_get_sync_manager (IrApplication *self);
gboolean         ir_application_open_demo       (IrApplication *self,
                                                 GError       **error);

G_END_DECLS
