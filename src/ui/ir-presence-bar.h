/* ir-presence-bar.h: avatars of the other members who have the room open
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-sync-client.h"

G_BEGIN_DECLS

#define IR_TYPE_PRESENCE_BAR (ir_presence_bar_get_type ())

G_DECLARE_FINAL_TYPE (IrPresenceBar, ir_presence_bar, IR, PRESENCE_BAR, GtkWidget)

void   ir_presence_bar_set_client   (IrPresenceBar *self,
                                     IrSyncClient  *client);
guint  ir_presence_bar_get_n_users  (IrPresenceBar *self);
char  *ir_presence_bar_dup_summary  (IrPresenceBar *self);

G_END_DECLS
