/* ir-sync-manager-private.h: the manager's state, shared by
 * ir-sync-manager*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-sync-manager.h"

G_BEGIN_DECLS

struct _IrSyncManager
{
  GObject          parent_instance;

  IrRoomDirectory *rooms;
  GHashTable      *sessions;   /* "url\nuser" → IrSyncApi* with a token */
  IrSyncApi       *last;       /* the session signed in last, or NULL */
};

void ir_sync_manager_add_session (IrSyncManager *self,
                                  IrSyncApi     *api);

G_END_DECLS
