/* ir-sync-manager.h: the app's sessions on servers and the sync of its rooms
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-room-directory.h"
#include "ir-sync-client.h"

G_BEGIN_DECLS

/* One room on a server, as the list of the user's rooms shows it. */
typedef struct
{
  char   *id;
  char   *name;
  char   *role;
  gint64  head;   /* the room's highest sequence */
} IrServerRoom;

#define IR_TYPE_SYNC_MANAGER (ir_sync_manager_get_type ())

G_DECLARE_FINAL_TYPE (IrSyncManager, ir_sync_manager, IR, SYNC_MANAGER, GObject)

void           ir_server_room_free                  (IrServerRoom     *room);

IrSyncManager *ir_sync_manager_new                  (IrRoomDirectory  *rooms);
IrRoomDirectory *ir_sync_manager_get_rooms          (IrSyncManager    *self);
IrSyncApi     *ir_sync_manager_get_last_session     (IrSyncManager    *self);
IrSyncApi     *ir_sync_manager_lookup_session       (IrSyncManager    *self,
                                                     const char       *url,
                                                     const char       *user);
char          *ir_sync_manager_normalize_url        (const char       *text);

void           ir_sync_manager_sign_in_async        (IrSyncManager    *self,
                                                     const char       *url,
                                                     const char       *user,
                                                     const char       *password,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
IrSyncApi     *ir_sync_manager_sign_in_finish       (IrSyncManager    *self,
                                                     GAsyncResult     *result,
                                                     gboolean         *session_only,
                                                     GError          **error);

void           ir_sync_manager_connect_store_async  (IrSyncManager    *self,
                                                     IrStore          *store,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
IrSyncClient  *ir_sync_manager_connect_store_finish (IrSyncManager    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
void           ir_sync_manager_adopt_member         (IrStore          *store);

void           ir_sync_manager_list_rooms_async     (IrSyncManager    *self,
                                                     IrSyncApi        *api,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
GPtrArray     *ir_sync_manager_list_rooms_finish    (IrSyncManager    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
void           ir_sync_manager_download_room_async  (IrSyncManager    *self,
                                                     IrSyncApi        *api,
                                                     const IrServerRoom *room,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
IrRoomInfo    *ir_sync_manager_download_room_finish (IrSyncManager    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
void           ir_sync_manager_upload_room_async    (IrSyncManager    *self,
                                                     IrSyncApi        *api,
                                                     IrStore          *store,
                                                     const char       *name,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
gboolean       ir_sync_manager_upload_room_finish   (IrSyncManager    *self,
                                                     GAsyncResult     *result,
                                                     guint            *n_refused,
                                                     GError          **error);

gboolean       ir_sync_error_needs_sign_in          (IrSyncError       code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrServerRoom, ir_server_room_free)

G_END_DECLS
