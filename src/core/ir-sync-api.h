/* ir-sync-api.h: requests to an Iron Room server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ir-blob-store.h"
#include "ir-store-sync.h"
#include "ir-sync-protocol.h"

G_BEGIN_DECLS

#define IR_TYPE_SYNC_API (ir_sync_api_get_type ())

G_DECLARE_FINAL_TYPE (IrSyncApi, ir_sync_api, IR, SYNC_API, GObject)

/* One page of a pull. */
typedef struct
{
  GPtrArray *ops;       /* IrOp*, in sequence order */
  gint64     last;      /* sequence of the last op, or the "after" asked for */
  gint64     head;      /* the room's highest sequence */
  gboolean   more;
} IrSyncPage;

/* The outcome of a push. */
typedef struct
{
  GPtrArray *acks;      /* IrSyncAck*, in the order of the pushed ops */
  gint64     head;
  gint64     server_time;
} IrSyncPushResult;

void              ir_sync_page_free            (IrSyncPage        *page);
void              ir_sync_push_result_free     (IrSyncPushResult  *result);

IrSyncApi        *ir_sync_api_new              (const char        *url,
                                                GError           **error);
const char       *ir_sync_api_get_url          (IrSyncApi         *self);
const char       *ir_sync_api_get_token        (IrSyncApi         *self);
void              ir_sync_api_set_token        (IrSyncApi         *self,
                                                const char        *token);
const char       *ir_sync_api_get_user         (IrSyncApi         *self);
void              ir_sync_api_set_user         (IrSyncApi         *self,
                                                const char        *user);
SoupSession      *ir_sync_api_get_session      (IrSyncApi         *self);
SoupMessage      *ir_sync_api_new_message      (IrSyncApi         *self,
                                                const char        *method,
                                                const char        *path);

void              ir_sync_api_call_async       (IrSyncApi         *self,
                                                const char        *method,
                                                const char        *path,
                                                const char        *content_type,
                                                GBytes            *body,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
JsonNode         *ir_sync_api_call_finish      (IrSyncApi         *self,
                                                GAsyncResult      *result,
                                                guint             *status,
                                                JsonObject       **refusal,
                                                GError           **error);

void              ir_sync_api_login_async      (IrSyncApi         *self,
                                                const char        *user,
                                                const char        *password,
                                                const char        *device,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
gboolean          ir_sync_api_login_finish     (IrSyncApi         *self,
                                                GAsyncResult      *result,
                                                GError           **error);

void              ir_sync_api_push_async       (IrSyncApi         *self,
                                                const char        *room,
                                                GPtrArray         *ops,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
IrSyncPushResult *ir_sync_api_push_finish      (IrSyncApi         *self,
                                                GAsyncResult      *result,
                                                JsonObject       **refusal,
                                                GError           **error);

void              ir_sync_api_pull_async       (IrSyncApi         *self,
                                                const char        *room,
                                                gint64             after,
                                                guint              limit,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
IrSyncPage       *ir_sync_api_pull_finish      (IrSyncApi         *self,
                                                GAsyncResult      *result,
                                                GError           **error);

void              ir_sync_api_upload_blob_async   (IrSyncApi      *self,
                                                   const char     *room,
                                                   IrBlobStore    *blobs,
                                                   const char     *sha256,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
gboolean          ir_sync_api_upload_blob_finish  (IrSyncApi      *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
void              ir_sync_api_download_blob_async (IrSyncApi      *self,
                                                   const char     *room,
                                                   IrBlobStore    *blobs,
                                                   const char     *sha256,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
gboolean          ir_sync_api_download_blob_finish (IrSyncApi     *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSyncPage, ir_sync_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSyncPushResult, ir_sync_push_result_free)

G_END_DECLS
