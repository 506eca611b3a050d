/* ir-sync-api-private.h: IrSyncApi internals shared by ir-sync-api*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-sync-api.h"

G_BEGIN_DECLS

void ir_sync_api_send_async (IrSyncApi          *self,
                             SoupMessage        *msg,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data);

void ir_sync_api_set_refusal (IrSyncApi          *self,
                              SoupMessage        *msg,
                              JsonNode           *body,
                              JsonObject        **refusal,
                              GError            **error);
void ir_sync_api_set_network_error (IrSyncApi    *self,
                                    GError      **error,
                                    GError       *cause);

G_END_DECLS
