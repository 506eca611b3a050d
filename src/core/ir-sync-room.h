/* ir-sync-room.h: a replica's link to its server, and the first upload of
 * a room that lived on one desktop
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"
#include "ir-sync-api.h"

G_BEGIN_DECLS

/* The store metadata key that contains the id of the member entity that this
 * replica acts as; the core's demo writer sets the same key. */
#define IR_ROOM_MEMBER_ID_KEY "member_id"

/* Store metadata of a room that syncs with a server: its address and the
 * user this replica signs in as. A room without them lives only here. */
#define IR_ROOM_SERVER_URL_KEY  "server_url"
#define IR_ROOM_SERVER_USER_KEY "server_user"

gboolean  ir_store_has_server         (IrStore              *store);

void      ir_sync_upload_room_async   (IrSyncApi            *api,
                                       IrStore              *store,
                                       const char           *name,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  ir_sync_upload_room_finish  (GAsyncResult         *result,
                                       guint                *n_refused,
                                       GError              **error);
gboolean  ir_sync_remap_members       (IrStore              *store,
                                       guint                *n_ops,
                                       GError              **error);

G_END_DECLS
