/* ir-sync-client.h: keeps one room's store in sync with a server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-store-sync.h"
#include "ir-sync-api.h"

G_BEGIN_DECLS

typedef enum
{
  IR_SYNC_STATE_STOPPED,     /* not started, or stopped */
  IR_SYNC_STATE_UP_TO_DATE,
  IR_SYNC_STATE_SYNCING,
  IR_SYNC_STATE_OFFLINE,     /* the server cannot be reached; edits wait */
  IR_SYNC_STATE_ERROR,       /* the server refused the client; see "error" */
} IrSyncState;

/* Who else has the room open, and on which page. */
typedef struct
{
  char  *user;
  char  *page;
  guint  clients;
} IrPresence;

#define IR_TYPE_SYNC_STATE (ir_sync_state_get_type ())
#define IR_TYPE_PRESENCE (ir_presence_get_type ())
#define IR_TYPE_SYNC_CLIENT (ir_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (IrSyncClient, ir_sync_client, IR, SYNC_CLIENT, GObject)

GType          ir_sync_state_get_type          (void) G_GNUC_CONST;
GType          ir_presence_get_type            (void) G_GNUC_CONST;
IrPresence    *ir_presence_copy                (const IrPresence *presence);
void           ir_presence_free                (IrPresence       *presence);

IrSyncClient  *ir_sync_client_new              (IrStore          *store,
                                                IrSyncApi        *api);
IrStore       *ir_sync_client_get_store        (IrSyncClient     *self);
IrSyncApi     *ir_sync_client_get_api          (IrSyncClient     *self);

void           ir_sync_client_start            (IrSyncClient     *self);
void           ir_sync_client_stop             (IrSyncClient     *self);
gboolean       ir_sync_client_get_online       (IrSyncClient     *self);
void           ir_sync_client_set_online       (IrSyncClient     *self,
                                                gboolean          online);
void           ir_sync_client_sync_now         (IrSyncClient     *self);

IrSyncState    ir_sync_client_get_state        (IrSyncClient     *self);
guint          ir_sync_client_get_pending      (IrSyncClient     *self);
const char    *ir_sync_client_get_error        (IrSyncClient     *self);
IrSyncError    ir_sync_client_get_error_code   (IrSyncClient     *self);
gint64         ir_sync_client_get_server_head  (IrSyncClient     *self);

void           ir_sync_client_set_page         (IrSyncClient     *self,
                                                const char       *page);
const char    *ir_sync_client_get_page         (IrSyncClient     *self);
GPtrArray     *ir_sync_client_get_presence     (IrSyncClient     *self);
GPtrArray     *ir_sync_client_get_refused      (IrSyncClient     *self);
gsize          ir_sync_client_get_largest_message (IrSyncClient  *self);

void           ir_sync_client_fetch_blob_async (IrSyncClient     *self,
                                                const char       *sha256,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
gboolean       ir_sync_client_fetch_blob_finish (IrSyncClient    *self,
                                                 GAsyncResult    *result,
                                                 GError         **error);
guint          ir_sync_client_get_pending_downloads (IrSyncClient *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrPresence, ir_presence_free)

G_END_DECLS
