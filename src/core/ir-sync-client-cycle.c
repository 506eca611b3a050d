/* ir-sync-client-cycle.c: one sync cycle: push, pull, and what the server's
 * refusals make the client do
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cycle pushes the store's unpushed ops in batches, then pulls after the
 * last sequence the store has applied, until the server has nothing more.
 * Only one cycle runs at a time. A reason to sync that comes while one runs
 * (a local edit, a notice on the socket) starts another after it.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>

#include "ir-hlc.h"
#include "ir-sync-client-private.h"

#define PULL_PAGE IR_SYNC_MAX_PULL_OPS
#define MAX_RETRIES 3

static void push_next (IrSyncClient *self);
static void pull_next (IrSyncClient *self);
static void join      (IrSyncClient *self);

/* --- cycle bookkeeping --------------------------------------------------- */

void
ir_sync_client_end_cycle (IrSyncClient *self)
{
  self->busy = FALSE;
  g_clear_object (&self->cancellable);
}

/* Cancels the running cycle, whose callbacks then return untouched. */
void
ir_sync_client_abort_cycle (IrSyncClient *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  ir_sync_client_end_cycle (self);
}

static void
finish_cycle (IrSyncClient *self)
{
  ir_sync_client_end_cycle (self);
  self->backoff_ms = 0;
  self->clock_retries = 0;
  self->rekey_retries = 0;

  if (self->again)
    {
      ir_sync_client_kick (self, 0);
      return;
    }

  ir_sync_client_set_state (self, IR_SYNC_STATE_UP_TO_DATE, IR_SYNC_ERROR_FAILED, NULL);
  ir_sync_client_resume_downloads (self);
}

/* --- applying ------------------------------------------------------------ */

static gboolean
has_id_collision (IrSyncClient *self,
                  GPtrArray    *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autoptr(IrOp) local = ir_store_get_op (self->store, op->id);

      if (local != NULL && local->seq == 0 && !ir_op_same_content (local, op))
        return TRUE;
    }

  return FALSE;
}

/* Applies ops from the server and emits "ops-received" with the ops of
 * other clients. */
gboolean
ir_sync_client_apply_ops (IrSyncClient  *self,
                          GPtrArray     *ops,
                          GError       **error)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  const char *client = ir_store_get_client_id (self->store);

  if (ops->len == 0)
    return TRUE;

  if (!ir_store_apply_remote (self->store, ops, error))
    {
      /* Another replica used this client id first and the server has its
       * ops: ours take a new id, then theirs apply. */
      if (!has_id_collision (self, ops))
        return FALSE;

      g_message ("Room %s: operations from the server reuse this client's ids; taking a "
                 "new client id", self->room);
      g_clear_error (error);
      if (!ir_store_rekey_unpushed (self->store, error) ||
          !ir_store_apply_remote (self->store, ops, error))
        return FALSE;
      client = ir_store_get_client_id (self->store);
    }

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      if (!g_str_has_prefix (op->id, client))
        g_ptr_array_add (others, op);
    }

  ir_sync_client_queue_blobs (self, ops);
  if (others->len > 0)
    g_signal_emit (self, ir_sync_client_signals[SIGNAL_OPS_RECEIVED], 0, others);

  return TRUE;
}

/* --- push ---------------------------------------------------------------- */

static gint64
clock_ms (gpointer user_data)
{
  IrSyncClient *self = user_data;

  return ir_hlc_wall_ms () + self->clock_offset_ms;
}

static int
compare_seq (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Moves the store's "seen" sequence over the acknowledged ops that follow
 * it without a gap; the pull fetches anything in between. */
static void
advance_seen (IrSyncClient *self,
              GPtrArray    *acks)
{
  g_autoptr(GArray) seqs = g_array_sized_new (FALSE, FALSE, sizeof (gint64), acks->len);
  gint64 seen = ir_store_get_seen_seq (self->store);

  for (guint i = 0; i < acks->len; i++)
    g_array_append_val (seqs, ((IrSyncAck *) g_ptr_array_index (acks, i))->seq);
  g_array_sort (seqs, compare_seq);

  for (guint i = 0; i < seqs->len; i++)
    {
      gint64 seq = g_array_index (seqs, gint64, i);

      if (seq == seen + 1)
        seen = seq;
      else if (seq > seen)
        break;
    }

  ir_store_set_seen_seq (self->store, seen);
}

static void
refuse_tx (IrSyncClient *self,
           const char   *tx,
           const char   *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refused = NULL;

  if (!ir_store_refuse_tx (self->store, tx, reason, &error))
    {
      g_warning ("Failed to roll back transaction %s: %s", tx, error->message);
      return;
    }

  g_message ("Room %s: transaction %s not synced: %s", self->room, tx, reason);
  refused = ir_store_get_refused (self->store);
  for (guint i = 0; i < refused->len; i++)
    {
      IrRefusal *refusal = g_ptr_array_index (refused, i);

      if (g_str_equal (refusal->tx, tx))
        g_signal_emit (self, ir_sync_client_signals[SIGNAL_REFUSED], 0, refusal);
    }
}

static const char *
refused_tx (GPtrArray  *ops,
            JsonObject *refusal)
{
  const char *tx = refusal ? ir_sync_get_string (refusal, "tx") : NULL;
  const char *op_id = refusal ? ir_sync_get_string (refusal, "op") : NULL;

  for (guint i = 0; i < ops->len && op_id != NULL; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      if (g_str_equal (op->id, op_id))
        return op->tx;
    }

  return tx;
}

/* Handles a refused push. Returns whether the cycle goes on. */
static gboolean
handle_refusal (IrSyncClient *self,
                GPtrArray    *ops,
                JsonObject   *refusal,
                GError       *error)
{
  g_autoptr(GError) local_error = NULL;
  const char *tx;

  switch (error->domain == IR_SYNC_ERROR ? error->code : IR_SYNC_ERROR_FAILED)
    {
    case IR_SYNC_ERROR_CLOCK_AHEAD:
      if (refusal == NULL || self->clock_retries++ >= MAX_RETRIES)
        return FALSE;
      self->clock_offset_ms = ir_sync_get_int (refusal, "server_time", 0) / 1000 -
                              ir_hlc_wall_ms ();
      ir_store_set_clock_source (self->store, clock_ms, self);
      g_message ("Room %s: edits were clocked ahead of the server (this computer is %"
                 G_GINT64_FORMAT " s ahead); re-stamping them from the server's time",
                 self->room, -self->clock_offset_ms / 1000);
      return ir_store_restamp_unpushed (self->store, clock_ms (self), &local_error);

    case IR_SYNC_ERROR_CLIENT_ID_REUSED:
      if (self->rekey_retries++ >= MAX_RETRIES)
        return FALSE;
      g_message ("Room %s: client id %s is in use elsewhere; taking a new one",
                 self->room, ir_store_get_client_id (self->store));
      return ir_store_rekey_unpushed (self->store, &local_error);

    case IR_SYNC_ERROR_BATCH_TOO_LARGE:
    case IR_SYNC_ERROR_TOO_LARGE:
      tx = ((IrOp *) g_ptr_array_index (ops, 0))->tx;
      if (g_str_equal (tx, ((IrOp *) g_ptr_array_index (ops, ops->len - 1))->tx))
        refuse_tx (self, tx, error->message);
      else
        self->batch_size = MAX (1, ops->len / 2);
      return TRUE;

    case IR_SYNC_ERROR_INVALID_OP:
    case IR_SYNC_ERROR_FORBIDDEN_OP:
      tx = refused_tx (ops, refusal);
      if (tx == NULL)
        return FALSE;
      refuse_tx (self, tx, error->message);

      /* The role may have changed on the server: read it again. */
      self->joined = FALSE;
      return TRUE;

    default:
      return FALSE;
    }
}

typedef struct
{
  IrSyncClient *client;
  GPtrArray    *ops;
} Push;

static void
push_free (Push *push)
{
  g_object_unref (push->client);
  g_ptr_array_unref (push->ops);
  g_free (push);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Push, push_free)

static void
push_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Push) data = user_data;
  IrSyncClient *self = data->client;
  GPtrArray *ops = data->ops;
  g_autoptr(JsonObject) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) push = ir_sync_api_push_finish (IR_SYNC_API (source), result,
                                                              &refusal, &error);

  if (push == NULL)
    {
      if (g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_BLOB_MISSING) && refusal != NULL &&
          ir_sync_get_array (refusal, "blobs") != NULL)
        {
          ir_sync_client_upload_blobs (self, ir_sync_get_array (refusal, "blobs"));
          return;
        }
      if (self->online && handle_refusal (self, ops, refusal, error))
        {
          push_next (self);
          return;
        }
      ir_sync_client_fail (self, error);
      return;
    }

  {
    gint64 start = g_get_monotonic_time ();

    if (!ir_store_mark_synced_many (self->store, push->acks, &error))
      {
        ir_sync_client_fail (self, error);
        return;
      }
    g_debug ("Room %s: %u ops acknowledged, recorded in %.1f ms", self->room, push->acks->len,
             (g_get_monotonic_time () - start) / 1000.0);
  }

  self->server_head = MAX (self->server_head, push->head);
  self->batch_size = IR_SYNC_CLIENT_PUSH_BATCH;
  advance_seen (self, push->acks);
  push_next (self);
}

static void
push_next (IrSyncClient *self)
{
  GPtrArray *ops;
  Push *data;

  if (!self->joined)
    {
      join (self);
      return;
    }

  ops = ir_store_get_unpushed (self->store, self->batch_size);

  if (ops->len == 0)
    {
      g_ptr_array_unref (ops);
      pull_next (self);
      return;
    }

  g_debug ("Room %s: pushing %u ops", self->room, ops->len);
  ir_sync_client_set_pending (self, MAX (self->pending, ops->len));
  data = g_new0 (Push, 1);
  data->client = g_object_ref (self);
  data->ops = ops;
  ir_sync_api_push_async (self->api, self->room, ops, self->cancellable, push_done_cb, data);
}

/* Resumes pushing after the blobs a push needed were uploaded. */
void
ir_sync_client_push_next (IrSyncClient *self)
{
  push_next (self);
}

/* --- pull ---------------------------------------------------------------- */

static void
pull_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IrSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(IrSyncPage) page = ir_sync_api_pull_finish (IR_SYNC_API (source), result, &error);

  if (page == NULL || !ir_sync_client_apply_ops (self, page->ops, &error))
    {
      ir_sync_client_fail (self, error);
      return;
    }
  if (!ir_sync_client_check_head (self, page->head))
    return;
  g_debug ("Room %s: pulled %u ops, applied in %.1f ms", self->room, page->ops->len,
           (g_get_monotonic_time () - start) / 1000.0);

  ir_store_set_seen_seq (self->store, page->last);
  self->server_head = MAX (self->server_head, page->head);

  if (page->more && page->ops->len > 0)
    pull_next (self);
  else
    finish_cycle (self);
}

static void
pull_next (IrSyncClient *self)
{
  ir_sync_api_pull_async (self->api, self->room, ir_store_get_seen_seq (self->store), PULL_PAGE,
                          self->cancellable, pull_done_cb, g_object_ref (self));
}

/* --- membership --------------------------------------------------------- */

/* Checks the server's head against what this copy has applied. A server
 * restored from an older backup hands out sequences this copy has already
 * seen, so syncing would skip ops. The client stops with an error instead. */
gboolean
ir_sync_client_check_head (IrSyncClient *self,
                           gint64        head)
{
  g_autoptr(GError) stale = NULL;

  if (head >= ir_store_get_seen_seq (self->store))
    return TRUE;

  stale = g_error_new (IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                       _("The server's copy of this room is older than this computer's (was "
                         "it restored from a backup?). Open the room from the server again."));
  ir_sync_client_abort_cycle (self);
  ir_sync_client_fail (self, stale);
  return FALSE;
}

static void
room_info_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IrSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (IR_SYNC_API (source), result, NULL, NULL,
                                                      &error);
  JsonObject *object = body && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  const char *role = object ? ir_sync_get_string (object, "role") : NULL;

  if (body == NULL)
    {
      ir_sync_client_fail (self, error);
      return;
    }

  if (!ir_sync_client_check_head (self, ir_sync_get_int (object, "head", 0)))
    return;

  /* Local edits from now on carry this user and are checked against the
   * role the server gives them. */
  if (role != NULL && ir_sync_api_get_user (self->api) != NULL)
    ir_store_set_actor (self->store, ir_sync_api_get_user (self->api), ir_role_from_string (role));
  self->server_head = MAX (self->server_head,
                           ir_sync_get_int (object, "head", 0));
  self->joined = TRUE;
  push_next (self);
}

/* Reads this user's role in the room before the first push. */
static void
join (IrSyncClient *self)
{
  g_autofree char *path = g_strdup_printf ("/rooms/%s", self->room);

  ir_sync_api_call_async (self->api, "GET", path, NULL, NULL, self->cancellable,
                          room_info_cb, g_object_ref (self));
}

/* --- cycles -------------------------------------------------------------- */

static gboolean
cycle_cb (gpointer user_data)
{
  IrSyncClient *self = user_data;

  self->kick_id = 0;
  if (!self->online || self->busy)
    return G_SOURCE_REMOVE;

  self->busy = TRUE;
  self->again = FALSE;
  self->cancellable = g_cancellable_new ();
  ir_sync_client_set_state (self, IR_SYNC_STATE_SYNCING, IR_SYNC_ERROR_FAILED, self->error);
  push_next (self);

  return G_SOURCE_REMOVE;
}

/* Asks for a sync cycle in @delay_ms, or after the running one. */
void
ir_sync_client_kick (IrSyncClient *self,
                     guint         delay_ms)
{
  if (!self->online)
    return;

  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  if (self->kick_id != 0 && delay_ms > 0)
    return;

  ir_sync_client_clear_timeout (self, &self->kick_id);
  self->kick_id = ir_sync_client_add_timeout (self, delay_ms, cycle_cb);
}
