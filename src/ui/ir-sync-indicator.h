/* ir-sync-indicator.h: the room's sync state in the header bar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-sync-client.h"

G_BEGIN_DECLS

#define IR_TYPE_SYNC_INDICATOR (ir_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (IrSyncIndicator, ir_sync_indicator, IR, SYNC_INDICATOR, GtkWidget)

void        ir_sync_indicator_clear           (IrSyncIndicator *self);
void        ir_sync_indicator_show_local      (IrSyncIndicator *self);
void        ir_sync_indicator_show_connecting (IrSyncIndicator *self,
                                               const char      *url);
void        ir_sync_indicator_show_problem    (IrSyncIndicator *self,
                                               const char      *message,
                                               gboolean         needs_sign_in);
void        ir_sync_indicator_set_client      (IrSyncIndicator *self,
                                               IrSyncClient    *client);
IrSyncClient *ir_sync_indicator_get_client    (IrSyncIndicator *self);
const char *ir_sync_indicator_get_title       (IrSyncIndicator *self);
const char *ir_sync_indicator_get_detail      (IrSyncIndicator *self);
void        ir_sync_indicator_popup           (IrSyncIndicator *self);

void        ir_sync_load_style                (void);

G_END_DECLS
