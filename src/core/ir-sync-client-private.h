/* ir-sync-client-private.h: IrSyncClient internals shared by
 * ir-sync-client*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-sync-client.h"

G_BEGIN_DECLS

/* Ops per push: whole transactions, so a large one may exceed it. */
#define IR_SYNC_CLIENT_PUSH_BATCH 5000

struct _IrSyncClient
{
  GObject                  parent_instance;

  GMainContext            *context;           /* where its sources run */
  IrStore                 *store;
  IrSyncApi               *api;
  char                    *room;

  IrSyncState              state;
  guint                    pending;
  char                    *error;
  IrSyncError              error_code;
  gboolean                 online;
  char                    *page;

  /* The push and pull cycle: one at a time. */
  GCancellable            *cancellable;
  gboolean                 busy;
  gboolean                 again;
  guint                    kick_id;
  guint                    count_id;
  guint                    retry_id;
  guint                    backoff_ms;
  guint                    batch_size;
  guint                    clock_retries;
  guint                    rekey_retries;
  gboolean                 joined;            /* read the role in the room */
  gint64                   server_head;
  gint64                   clock_offset_ms;
  gulong                   tx_applied_id;

  /* The room's socket. */
  SoupWebsocketConnection *socket;
  GCancellable            *socket_cancellable;
  guint                    socket_retry_id;
  guint                    socket_backoff_ms;
  GPtrArray               *presence;          /* IrPresence* */
  gsize                    largest_message;

  /* Blob downloads, one at a time, each hash once. */
  GQueue                   blob_queue;        /* char* sha256 */
  GHashTable              *blob_wanted;       /* sha256 set: queued or running */
  gboolean                 blob_busy;
};

enum {
  SIGNAL_PRESENCE_CHANGED,
  SIGNAL_REFUSED,
  SIGNAL_REMOVED,
  SIGNAL_OPS_RECEIVED,
  N_SIGNALS
};

extern guint ir_sync_client_signals[N_SIGNALS];

/* ir-sync-client.c */
void     ir_sync_client_set_state       (IrSyncClient *self,
                                         IrSyncState   state,
                                         IrSyncError   code,
                                         const char   *error);
void     ir_sync_client_set_pending     (IrSyncClient *self,
                                         guint         pending);
void     ir_sync_client_fail            (IrSyncClient *self,
                                         GError       *error);

/* ir-sync-client-cycle.c */
void     ir_sync_client_kick            (IrSyncClient *self,
                                         guint         delay_ms);
gboolean ir_sync_client_apply_ops       (IrSyncClient *self,
                                         GPtrArray    *ops,
                                         GError      **error);
void     ir_sync_client_push_next       (IrSyncClient *self);
void     ir_sync_client_end_cycle       (IrSyncClient *self);
void     ir_sync_client_abort_cycle     (IrSyncClient *self);
gboolean ir_sync_client_check_head      (IrSyncClient *self,
                                         gint64        head);
guint    ir_sync_client_next_backoff    (guint        *backoff_ms);
guint    ir_sync_client_add_timeout     (IrSyncClient *self,
                                         guint         ms,
                                         GSourceFunc   func);
void     ir_sync_client_clear_timeout   (IrSyncClient *self,
                                         guint        *id);

/* ir-sync-client-socket.c */
void     ir_sync_client_socket_connect  (IrSyncClient *self);
void     ir_sync_client_socket_close    (IrSyncClient *self);
void     ir_sync_client_socket_send_page (IrSyncClient *self);

/* ir-sync-client-blobs.c */
void     ir_sync_client_queue_blobs     (IrSyncClient *self,
                                         GPtrArray    *ops);
void     ir_sync_client_upload_blobs    (IrSyncClient *self,
                                         JsonArray    *hashes);
void     ir_sync_client_blobs_clear     (IrSyncClient *self);
void     ir_sync_client_resume_downloads (IrSyncClient *self);

G_END_DECLS
