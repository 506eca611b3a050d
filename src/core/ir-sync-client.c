/* ir-sync-client.c: keeps one room's store in sync with a server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync cycle pushes the store's unpushed ops in batches, then pulls after
 * the last sequence the store has applied, until the server has nothing
 * more. Only one cycle runs at a time. A reason to sync that comes while
 * one runs (a local edit, a notice on the socket) starts another after it.
 * The offline queue is the store itself: ops without a sequence. When the
 * server cannot be reached the client waits, doubling the wait up to a
 * minute with random jitter so that many clients do not return at once.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>

#include "ir-hlc.h"
#include "ir-sync-client-private.h"

/* Local edits are pushed after this pause, so that typing goes in one push. */
#define EDIT_DELAY_MS 50
#define BACKOFF_MIN_MS 1000
#define BACKOFF_MAX_MS (60 * 1000)

enum {
  PROP_0,
  PROP_STORE,
  PROP_API,
  PROP_STATE,
  PROP_PENDING,
  PROP_ERROR,
  PROP_ONLINE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint ir_sync_client_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IrSyncClient, ir_sync_client, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (IrPresence, ir_presence, ir_presence_copy, ir_presence_free)


/* --- types --------------------------------------------------------------- */

GType
ir_sync_state_get_type (void)
{
  static gsize type;
  static const GEnumValue values[] = {
    { IR_SYNC_STATE_STOPPED, "IR_SYNC_STATE_STOPPED", "stopped" },
    { IR_SYNC_STATE_UP_TO_DATE, "IR_SYNC_STATE_UP_TO_DATE", "up-to-date" },
    { IR_SYNC_STATE_SYNCING, "IR_SYNC_STATE_SYNCING", "syncing" },
    { IR_SYNC_STATE_OFFLINE, "IR_SYNC_STATE_OFFLINE", "offline" },
    { IR_SYNC_STATE_ERROR, "IR_SYNC_STATE_ERROR", "error" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("IrSyncState", values));

  return type;
}

IrPresence *
ir_presence_copy (const IrPresence *presence)
{
  IrPresence *copy = g_new0 (IrPresence, 1);

  copy->user = g_strdup (presence->user);
  copy->page = g_strdup (presence->page);
  copy->clients = presence->clients;
  return copy;
}

void
ir_presence_free (IrPresence *presence)
{
  if (presence == NULL)
    return;

  g_free (presence->user);
  g_free (presence->page);
  g_free (presence);
}

/* --- state --------------------------------------------------------------- */

void
ir_sync_client_set_pending (IrSyncClient *self,
                            guint         pending)
{
  if (self->pending == pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
ir_sync_client_set_state (IrSyncClient *self,
                          IrSyncState   state,
                          IrSyncError   code,
                          const char   *error)
{
  gboolean error_changed = g_strcmp0 (self->error, error) != 0;

  if (state == IR_SYNC_STATE_OFFLINE || state == IR_SYNC_STATE_STOPPED ||
      state == IR_SYNC_STATE_ERROR || state == IR_SYNC_STATE_UP_TO_DATE)
    ir_sync_client_set_pending (self, ir_store_count_unpushed (self->store));

  self->error_code = code;
  if (error_changed)
    {
      g_free (self->error);
      self->error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->state == state)
    return;

  g_debug ("Room %s: sync state %d → %d%s%s", self->room, self->state, state,
           error ? ": " : "", error ? error : "");
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Adds a timeout on the main context the client was made on, which may be
 * another thread's than the default one. */
guint
ir_sync_client_add_timeout (IrSyncClient *self,
                            guint         ms,
                            GSourceFunc   func)
{
  g_autoptr(GSource) source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, self, NULL);
  return g_source_attach (source, self->context);
}

void
ir_sync_client_clear_timeout (IrSyncClient *self,
                              guint        *id)
{
  GSource *source;

  if (*id == 0)
    return;

  source = g_main_context_find_source_by_id (self->context, *id);
  if (source != NULL)
    g_source_destroy (source);
  *id = 0;
}

/* Returns a wait with ±30 % jitter and doubles @backoff_ms for next time. */
guint
ir_sync_client_next_backoff (guint *backoff_ms)
{
  guint base = MAX (*backoff_ms, BACKOFF_MIN_MS);
  guint wait = (guint) (base * g_random_double_range (0.7, 1.3));

  *backoff_ms = MIN (base * 2, BACKOFF_MAX_MS);
  return wait;
}

static gboolean
retry_cb (gpointer user_data)
{
  IrSyncClient *self = user_data;

  self->retry_id = 0;
  ir_sync_client_kick (self, 0);
  if (self->socket == NULL && self->socket_cancellable == NULL)
    ir_sync_client_socket_connect (self);

  return G_SOURCE_REMOVE;
}

/* Ends the cycle on @error: waits and retries while the server is out of
 * reach or failing, stops on refusals a retry cannot fix. */
void
ir_sync_client_fail (IrSyncClient *self,
                     GError       *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  IrSyncError code = error->domain == IR_SYNC_ERROR ? error->code : IR_SYNC_ERROR_FAILED;

  /* The code that cancelled a cycle ended it already, and another cycle
   * may run now. */
  if (cancelled)
    return;

  ir_sync_client_end_cycle (self);
  if (!self->online)
    return;

  switch (code)
    {
    case IR_SYNC_ERROR_UNAUTHORIZED:
    case IR_SYNC_ERROR_INVALID_TOKEN:
    case IR_SYNC_ERROR_TOKEN_EXPIRED:
    case IR_SYNC_ERROR_TOKEN_REVOKED:
    case IR_SYNC_ERROR_NOT_MEMBER:
    case IR_SYNC_ERROR_NOT_FOUND:
    case IR_SYNC_ERROR_CONFLICT:
      g_message ("Room %s: sync stopped: %s", self->room, error->message);
      ir_sync_client_socket_close (self);
      ir_sync_client_set_state (self, IR_SYNC_STATE_ERROR, code, error->message);
      if (code == IR_SYNC_ERROR_NOT_MEMBER)
        g_signal_emit (self, ir_sync_client_signals[SIGNAL_REMOVED], 0);
      return;

    case IR_SYNC_ERROR_NETWORK:
      /* The server may come back as another one (restored, moved): read
       * the room again before the next push. */
      self->joined = FALSE;
      ir_sync_client_set_state (self, IR_SYNC_STATE_OFFLINE, code, error->message);
      break;

    default:
      g_warning ("Room %s: sync failed, will retry: %s", self->room, error->message);
      ir_sync_client_set_state (self, IR_SYNC_STATE_ERROR, code, error->message);
      break;
    }

  if (self->retry_id == 0)
    {
      guint wait = ir_sync_client_next_backoff (&self->backoff_ms);

      self->retry_id = ir_sync_client_add_timeout (self, wait, retry_cb);
    }
}


/* --- local edits --------------------------------------------------------- */

/* Counts the offline queue once after a burst of edits, not per edit. */
static gboolean
count_pending_cb (gpointer user_data)
{
  IrSyncClient *self = user_data;

  self->count_id = 0;
  ir_sync_client_set_pending (self, ir_store_count_unpushed (self->store));
  return G_SOURCE_REMOVE;
}

static void
tx_applied_cb (IrStore  *store,
               guint     flags,
               gpointer  user_data)
{
  IrSyncClient *self = user_data;

  if (!(flags & (IR_APPLY_LOCAL | IR_APPLY_UNDO)))
    return;

  if (self->online)
    ir_sync_client_kick (self, EDIT_DELAY_MS);
  else if (self->count_id == 0)
    self->count_id = ir_sync_client_add_timeout (self, EDIT_DELAY_MS, count_pending_cb);
}

/* --- object -------------------------------------------------------------- */

static void
ir_sync_client_dispose (GObject *object)
{
  IrSyncClient *self = IR_SYNC_CLIENT (object);

  ir_sync_client_stop (self);
  ir_sync_client_clear_timeout (self, &self->count_id);
  g_clear_signal_handler (&self->tx_applied_id, self->store);
  ir_sync_client_blobs_clear (self);

  G_OBJECT_CLASS (ir_sync_client_parent_class)->dispose (object);
}

static void
ir_sync_client_finalize (GObject *object)
{
  IrSyncClient *self = IR_SYNC_CLIENT (object);

  if (self->store != NULL && self->clock_offset_ms != 0)
    ir_store_set_clock_source (self->store, NULL, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->api);
  g_clear_pointer (&self->presence, g_ptr_array_unref);
  g_clear_pointer (&self->blob_wanted, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->room);
  g_free (self->error);
  g_free (self->page);

  G_OBJECT_CLASS (ir_sync_client_parent_class)->finalize (object);
}

static void
ir_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IrSyncClient *self = IR_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_API:
      g_value_set_object (value, self->api);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_sync_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IrSyncClient *self = IR_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_API:
      self->api = g_value_dup_object (value);
      break;
    case PROP_ONLINE:
      ir_sync_client_set_online (self, g_value_get_boolean (value));
      break;
    case PROP_PAGE:
      ir_sync_client_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_sync_client_constructed (GObject *object)
{
  IrSyncClient *self = IR_SYNC_CLIENT (object);

  G_OBJECT_CLASS (ir_sync_client_parent_class)->constructed (object);

  self->room = g_strdup (ir_store_get_room_id (self->store));
  self->context = g_main_context_ref_thread_default ();
  ir_store_prepare_sync (self->store);
  self->tx_applied_id = g_signal_connect (self->store, "tx-applied",
                                          G_CALLBACK (tx_applied_cb), self);
  self->pending = ir_store_count_unpushed (self->store);
}

static void
ir_sync_client_class_init (IrSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_sync_client_dispose;
  object_class->finalize = ir_sync_client_finalize;
  object_class->get_property = ir_sync_client_get_property;
  object_class->set_property = ir_sync_client_set_property;
  object_class->constructed = ir_sync_client_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL, IR_TYPE_SYNC_API,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, IR_TYPE_SYNC_STATE, IR_SYNC_STATE_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IrSyncClient::presence-changed:
   *
   * Emitted when who has the room open, or on which page, changed.
   */
  ir_sync_client_signals[SIGNAL_PRESENCE_CHANGED] =
    g_signal_new ("presence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IrSyncClient::refused:
   * @refusal: the transaction the server refused, now rolled back here
   */
  ir_sync_client_signals[SIGNAL_REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IR_TYPE_REFUSAL);

  /**
   * IrSyncClient::removed:
   *
   * Emitted when the user was removed from the room; the app then deletes
   * its local copy.
   */
  ir_sync_client_signals[SIGNAL_REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IrSyncClient::ops-received:
   * @ops: (element-type IrOp): ops of other clients just applied
   *
   * Lets the UI hint at fields someone else just changed.
   */
  ir_sync_client_signals[SIGNAL_OPS_RECEIVED] =
    g_signal_new ("ops-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
ir_sync_client_init (IrSyncClient *self)
{
  self->batch_size = IR_SYNC_CLIENT_PUSH_BATCH;
  self->presence = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_presence_free);
  self->blob_wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->blob_queue);
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_sync_client_new:
 * @store: a room's store, with its room id set
 * @api: a logged-in client of the server that stores the room
 *
 * Returns: (transfer full): a stopped sync client; start it with
 *   ir_sync_client_start()
 */
IrSyncClient *
ir_sync_client_new (IrStore   *store,
                    IrSyncApi *api)
{
  g_return_val_if_fail (ir_store_get_room_id (store) != NULL, NULL);

  return g_object_new (IR_TYPE_SYNC_CLIENT, "store", store, "api", api, NULL);
}

IrStore *
ir_sync_client_get_store (IrSyncClient *self)
{
  return self->store;
}

IrSyncApi *
ir_sync_client_get_api (IrSyncClient *self)
{
  return self->api;
}

/* Goes online: opens the room's socket and syncs. */
void
ir_sync_client_start (IrSyncClient *self)
{
  ir_sync_client_set_online (self, TRUE);
}

/* Goes offline: cancels what is in flight; edits wait in the store. */
void
ir_sync_client_stop (IrSyncClient *self)
{
  ir_sync_client_set_online (self, FALSE);
}

gboolean
ir_sync_client_get_online (IrSyncClient *self)
{
  return self->online;
}

void
ir_sync_client_set_online (IrSyncClient *self,
                           gboolean      online)
{
  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);

  if (online)
    {
      self->backoff_ms = 0;
      self->socket_backoff_ms = 0;
      ir_sync_client_socket_connect (self);
      ir_sync_client_kick (self, 0);
      return;
    }

  ir_sync_client_clear_timeout (self, &self->kick_id);
  ir_sync_client_clear_timeout (self, &self->retry_id);
  ir_sync_client_abort_cycle (self);
  ir_sync_client_socket_close (self);
  g_ptr_array_set_size (self->presence, 0);
  if (self->store != NULL)
    ir_sync_client_set_state (self, IR_SYNC_STATE_STOPPED, IR_SYNC_ERROR_FAILED, NULL);
}

/* Syncs now, for a "sync now" button and for tests. */
void
ir_sync_client_sync_now (IrSyncClient *self)
{
  ir_sync_client_kick (self, 0);
}

IrSyncState
ir_sync_client_get_state (IrSyncClient *self)
{
  return self->state;
}

/* The number of this replica's ops the server does not have yet. */
guint
ir_sync_client_get_pending (IrSyncClient *self)
{
  return self->pending;
}

/* The reason of the error or offline state, for a person. */
const char *
ir_sync_client_get_error (IrSyncClient *self)
{
  return self->error;
}

IrSyncError
ir_sync_client_get_error_code (IrSyncClient *self)
{
  return self->error_code;
}

/* The highest sequence the server reported, from pushes, pulls and the
 * socket. */
gint64
ir_sync_client_get_server_head (IrSyncClient *self)
{
  return self->server_head;
}

/**
 * ir_sync_client_get_presence:
 *
 * Returns: (transfer none) (element-type IrPresence): who has the room open
 */
GPtrArray *
ir_sync_client_get_presence (IrSyncClient *self)
{
  return self->presence;
}

/**
 * ir_sync_client_get_refused:
 *
 * Returns: (transfer full) (element-type IrRefusal): the "not synced" list
 */
GPtrArray *
ir_sync_client_get_refused (IrSyncClient *self)
{
  return ir_store_get_refused (self->store);
}

/* The largest socket message received so far, in bytes. */
gsize
ir_sync_client_get_largest_message (IrSyncClient *self)
{
  return self->largest_message;
}
