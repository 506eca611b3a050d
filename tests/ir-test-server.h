/* ir-test-server.h: a real ironroom-server process for tests, and clients
 * of it
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store-sync.h"
#include "ir-sync-api.h"
#include "ir-sync-client.h"

G_BEGIN_DECLS

#define IR_TEST_PASSWORD "correct horse battery"

typedef struct
{
  char        *data_dir;
  char        *url;
  GSubprocess *process;
} IrTestServer;

/* A client of one room: its own store in its own folder. */
typedef struct
{
  char         *dir;
  char         *user;
  IrStore      *store;
  IrSyncApi    *api;
  IrSyncClient *client;
} IrTestClient;

IrTestServer *ir_test_server_new        (void);
void          ir_test_server_start      (IrTestServer  *server,
                                         const char    *first_extra_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
void          ir_test_server_restart    (IrTestServer  *server);
void          ir_test_server_kill       (IrTestServer  *server);
void          ir_test_server_stop       (IrTestServer  *server);
void          ir_test_server_free       (IrTestServer  *server);
char         *ir_test_server_admin      (IrTestServer  *server,
                                         const char    *input,
                                         const char    *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
void          ir_test_server_add_user   (IrTestServer  *server,
                                         const char    *user);
IrStore      *ir_test_server_open_room  (IrTestServer  *server,
                                         const char    *room);

IrSyncApi    *ir_test_login             (IrTestServer  *server,
                                         const char    *user);
JsonNode     *ir_test_call              (IrSyncApi     *api,
                                         const char    *method,
                                         const char    *path,
                                         const char    *body,
                                         guint         *status,
                                         GError       **error);
char         *ir_test_create_room       (IrSyncApi     *api,
                                         const char    *name);
void          ir_test_add_member        (IrSyncApi     *api,
                                         const char    *room,
                                         const char    *user,
                                         const char    *role);

IrTestClient *ir_test_client_new        (IrTestServer  *server,
                                         const char    *user,
                                         const char    *room,
                                         guint          roles);
void          ir_test_client_free       (IrTestClient  *client);
gboolean      ir_test_client_synced     (IrTestClient  *client);
void          ir_test_wait_synced       (IrTestClient **clients,
                                         guint          n_clients,
                                         guint          timeout_ms);

gboolean      ir_test_wait_until        (gboolean     (*done) (gpointer),
                                         gpointer       data,
                                         guint          timeout_ms);
void          ir_test_run_until_task    (GAsyncResult **result);
char         *ir_test_stakeholder       (IrStore       *store,
                                         const char    *name);
char         *ir_test_tmpdir            (const char    *prefix);
void          ir_test_rmdir             (const char    *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrTestServer, ir_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrTestClient, ir_test_client_free)

G_END_DECLS
