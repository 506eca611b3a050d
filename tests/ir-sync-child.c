/* ir-sync-child.c: a sync client in a process of its own, for the test that
 * kills a client in the middle of a push
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ir-sync-child URL USER PASSWORD ROOM STORE N_TRANSACTIONS
 * Writes N_TRANSACTIONS new stakeholders into the store, prints "ready",
 * then syncs until killed or until everything is pushed ("synced").
 */
#include <stdio.h>
#include <stdlib.h>

#include "ir-sync-client.h"

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ir_sync_api_login_finish (IR_SYNC_API (source), result, &error))
    g_error ("Failed to log in: %s", error->message);

  ir_sync_client_start (user_data);
}

static void
state_cb (IrSyncClient *client,
          GParamSpec   *pspec,
          gpointer      user_data)
{
  if (ir_sync_client_get_state (client) == IR_SYNC_STATE_UP_TO_DATE &&
      ir_store_count_unpushed (ir_sync_client_get_store (client)) == 0)
    {
      printf ("synced\n");
      fflush (stdout);
      g_main_loop_quit (user_data);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint64 n_tx;

  if (argc != 7 || !g_ascii_string_to_unsigned (argv[6], 10, 0, 1000000, &n_tx, NULL))
    {
      g_printerr ("Usage: %s URL USER PASSWORD ROOM STORE N_TRANSACTIONS\n", argv[0]);
      return 2;
    }

  store = ir_store_open (argv[5], NULL, &error);
  if (store == NULL || !ir_store_set_room_id (store, argv[4], &error))
    g_error ("Failed to open the store: %s", error->message);
  ir_store_set_actor (store, argv[2], IR_ROLES_ANY);

  for (guint64 i = 0; i < n_tx; i++)
    {
      g_autoptr(IrTx) tx = ir_store_begin (store);
      g_autofree char *eid = ir_tx_create (tx, "stakeholder");
      g_autofree char *name = g_strdup_printf ("客户 %" G_GUINT64_FORMAT, i);

      ir_tx_set_string (tx, "stakeholder", eid, "name", name);
      ir_tx_set_int (tx, "stakeholder", eid, "influence", 1 + i % 5);
      if (!ir_store_commit (store, tx, &error))
        g_error ("Failed to write: %s", error->message);
    }

  printf ("ready\n");
  fflush (stdout);

  api = ir_sync_api_new (argv[1], &error);
  if (api == NULL)
    g_error ("%s", error->message);
  client = ir_sync_client_new (store, api);
  g_signal_connect (client, "notify::state", G_CALLBACK (state_cb), loop);
  ir_sync_api_login_async (api, argv[2], argv[3], "child", NULL, login_cb, client);
  g_main_loop_run (loop);

  return 0;
}
