/* ir-credentials.h: the keyring entry of a server session
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      ir_credentials_save_async    (const char          *server,
                                        const char          *user,
                                        const char          *token,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  ir_credentials_save_finish   (GAsyncResult        *result,
                                        gboolean            *session_only,
                                        GError             **error);
void      ir_credentials_lookup_async  (const char          *server,
                                        const char          *user,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *ir_credentials_lookup_finish (GAsyncResult        *result,
                                        GError             **error);
void      ir_credentials_clear_async   (const char          *server,
                                        const char          *user,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  ir_credentials_clear_finish  (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
