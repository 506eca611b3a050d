/* ir-server-escalation.c: the server escalates every room, with every
 * desktop closed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's one-second poll calls ir_server_escalation_poll(). A room is
 * evaluated within a second after a push that touched what escalation
 * depends on, and every room every five minutes, so that a new day, a
 * snooze's end or an ack timeout is noticed without any push. What the
 * evaluation writes is sequenced and sent out like any op the server
 * writes, and red escalations go to the room's group chat through the
 * webhook outbox.
 *
 * Webhooks are configured in DATA_DIR/webhooks.conf (see ir-webhook.c for
 * its groups); the file is read again when it changes. The outbox is
 * DATA_DIR/webhooks.db.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ir-escalation.h"
#include "ir-server-private.h"

/* Seconds between evaluations of every room. */
#define FULL_PASS_INTERVAL_S 300

/* Maximum number of ops read to decide whether a push touched the plan. A
 * longer push counts as touching it. */
#define MAX_OPS_CHECKED 20000

struct _IrServerEscalation
{
  IrServer        *server;
  IrWebhookSender *sender;
  char            *config_path;
  gint64           config_mtime;
  GHashTable      *heads;          /* room id → head sequence at its last evaluation */
  gint64           last_full_pass; /* monotonic µs, 0 before the first */
};

/* --- configuration -------------------------------------------------------- */

static gint64
file_mtime (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return 0;

  return (gint64) info.st_mtime;
}

/* Reads webhooks.conf again when its modification time changed. A file
 * that fails to parse keeps the previous configuration. */
static void
reload_config (IrServerEscalation *self)
{
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime = file_mtime (self->config_path);

  if (mtime == self->config_mtime)
    return;
  self->config_mtime = mtime;

  config = ir_webhook_config_load (self->config_path, &error);
  if (config == NULL)
    {
      g_warning ("Failed to load the webhook configuration, keeping the previous one: %s",
                 error->message);
      return;
    }

  ir_webhook_sender_set_config (self->sender, config);
  g_info ("Loaded the webhook configuration %s", self->config_path);
}

/* --- life cycle ----------------------------------------------------------- */

static IrServerEscalation *
escalation_new (IrServer *server)
{
  IrServerEscalation *self = g_new0 (IrServerEscalation, 1);
  g_autofree char *outbox = g_build_filename (server->data_dir, "webhooks.db", NULL);
  g_autoptr(GError) error = NULL;

  self->server = server;
  self->config_path = g_build_filename (server->data_dir, "webhooks.conf", NULL);
  self->config_mtime = -1;
  self->heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->sender = ir_webhook_sender_new (outbox, NULL, &error);
  if (self->sender == NULL)
    g_warning ("Failed to open the webhook outbox; red alerts reach no group chat: %s",
               error->message);

  return self;
}

void
ir_server_escalation_free (IrServerEscalation *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->sender);
  g_hash_table_unref (self->heads);
  g_free (self->config_path);
  g_free (self);
}

/* --- evaluation ----------------------------------------------------------- */

/* Returns whether the ops after @after may change the room's escalations. */
static gboolean
touched_since (IrServerRoom *room,
               gint64        after)
{
  g_autoptr(GPtrArray) ops = ir_store_get_ops_after (room->store, after, MAX_OPS_CHECKED);

  return ops->len >= MAX_OPS_CHECKED || ir_escalation_ops_touch_plan (ops);
}

static void
escalate_room (IrServerEscalation *self,
               IrServerRoom       *room,
               GDateTime          *now)
{
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = ir_escalation_evaluate_for_server (room->store, self->sender, now, &error);
  if (report == NULL)
    g_warning ("Failed to evaluate the escalations of room %s: %s", room->id, error->message);
  else if (!ir_server_room_publish_own_ops (room, &error))
    g_warning ("Failed to send out the escalations of room %s: %s", room->id, error->message);
}

/**
 * ir_server_escalation_poll:
 * @server: the server
 *
 * Evaluates the rooms whose plan changed since their last evaluation, and
 * every room when the last full pass is five minutes old.
 */
void
ir_server_escalation_poll (IrServer *server)
{
  IrServerEscalation *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 monotonic = g_get_monotonic_time ();
  gboolean full_pass;
  GHashTableIter iter;
  gpointer value;

  if (server->escalation == NULL)
    server->escalation = escalation_new (server);
  self = server->escalation;

  if (self->sender != NULL)
    reload_config (self);

  full_pass = self->last_full_pass == 0 ||
              monotonic - self->last_full_pass >= FULL_PASS_INTERVAL_S * G_USEC_PER_SEC;
  if (full_pass)
    self->last_full_pass = monotonic;

  g_hash_table_iter_init (&iter, server->rooms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IrServerRoom *room = value;
      gint64 *head = g_hash_table_lookup (self->heads, room->id);

      if (!full_pass && head != NULL &&
          (*head == room->head || !touched_since (room, *head)))
        {
          *head = room->head;
          continue;
        }

      escalate_room (self, room, now);

      if (head == NULL)
        {
          head = g_new (gint64, 1);
          g_hash_table_insert (self->heads, g_strdup (room->id), head);
        }
      *head = room->head;
    }
}
