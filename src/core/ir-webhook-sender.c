/* ir-webhook-sender.c: the server's outbox of webhook messages, delivered
 * with retries
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages wait in an SQLite outbox keyed by job id until a robot accepts
 * them, so that a message enqueued twice is sent once and a restart of the
 * server does not lose one. A failed attempt is retried after a delay that
 * doubles each time up to a maximum, for as long as it takes. The target
 * and the allow-list are read at each attempt, so a corrected
 * configuration takes effect without a restart.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "ir-webhook.h"

/* Attempts whose failure is logged one by one; after them only every
 * tenth failure of a job is logged. */
#define LOGGED_ATTEMPTS 3

struct _IrWebhookSender
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  IrWebhookConfig *config;
  SoupSession     *session;
  GCancellable    *cancellable;
  GHashTable      *timers;      /* job id → source id of its next attempt */
  GHashTable      *in_flight;   /* job ids being sent */
  guint            first_ms;
  guint            max_ms;
};

G_DEFINE_FINAL_TYPE (IrWebhookSender, ir_webhook_sender, G_TYPE_OBJECT)

enum {
  SIGNAL_DELIVERED,
  SIGNAL_ATTEMPT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GWeakRef  sender;
  char     *job_id;
} AttemptData;

static void schedule_attempt (IrWebhookSender *self,
                              const char      *job_id,
                              gint64           delay_ms);

/* --- outbox -------------------------------------------------------------- */

static gboolean
outbox_exec (IrWebhookSender  *self,
             const char       *sql,
             GError          **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_OUTBOX,
               _("Failed to update the webhook outbox “%s”: %s"), self->path, message);
  sqlite3_free (message);
  return FALSE;
}

static gboolean
outbox_open (IrWebhookSender  *self,
             GError          **error)
{
  if (sqlite3_open (self->path, &self->db) != SQLITE_OK)
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_OUTBOX,
                   _("Failed to open the webhook outbox “%s”: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  return outbox_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "CREATE TABLE IF NOT EXISTS webhook_jobs ("
                      "  id TEXT PRIMARY KEY, room TEXT, title TEXT NOT NULL,"
                      "  text TEXT NOT NULL, created INTEGER NOT NULL,"
                      "  attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL,"
                      "  delivered INTEGER, last_error TEXT);",
                      error);
}

static void
outbox_record_attempt (IrWebhookSender *self,
                       const char      *job_id,
                       gboolean         delivered,
                       gint64           next_attempt,
                       const char      *last_error)
{
  sqlite3_stmt *stmt = NULL;
  const char *sql = delivered
                    ? "UPDATE webhook_jobs SET attempts = attempts + 1, delivered = ?2, "
                      "last_error = NULL WHERE id = ?1"
                    : "UPDATE webhook_jobs SET attempts = attempts + 1, next_attempt = ?2, "
                      "last_error = ?3 WHERE id = ?1";

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Failed to record a webhook attempt for job %s: %s",
                 job_id, sqlite3_errmsg (self->db));
      return;
    }

  sqlite3_bind_text (stmt, 1, job_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, delivered ? g_get_real_time () : next_attempt);
  if (!delivered)
    sqlite3_bind_text (stmt, 3, last_error, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("Failed to record a webhook attempt for job %s: %s",
               job_id, sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
}

/* --- attempts ------------------------------------------------------------ */

static void
attempt_data_free (AttemptData *data)
{
  g_weak_ref_clear (&data->sender);
  g_free (data->job_id);
  g_free (data);
}

static AttemptData *
attempt_data_new (IrWebhookSender *self,
                  const char      *job_id)
{
  AttemptData *data = g_new0 (AttemptData, 1);

  g_weak_ref_init (&data->sender, self);
  data->job_id = g_strdup (job_id);

  return data;
}

static gint64
backoff_ms (IrWebhookSender *self,
            int              attempts)
{
  gint64 delay = self->first_ms;

  for (int i = 1; i < attempts && delay < self->max_ms; i++)
    delay *= 2;

  return MIN (delay, (gint64) self->max_ms);
}

static void
finish_attempt (IrWebhookSender *self,
                const char      *job_id,
                int              attempts,
                const GError    *failure)
{
  gint64 delay;

  g_hash_table_remove (self->in_flight, job_id);

  if (failure == NULL)
    {
      outbox_record_attempt (self, job_id, TRUE, 0, NULL);
      g_info ("Delivered webhook job %s on attempt %d", job_id, attempts);
      g_signal_emit (self, signals[SIGNAL_DELIVERED], 0, job_id, (guint) attempts);
      return;
    }

  delay = backoff_ms (self, attempts);
  outbox_record_attempt (self, job_id, FALSE, g_get_real_time () + delay * 1000,
                         failure->message);
  if (attempts <= LOGGED_ATTEMPTS || attempts % 10 == 0)
    g_warning ("Webhook job %s failed (attempt %d), retrying in %" G_GINT64_FORMAT " ms: %s",
               job_id, attempts, delay, failure->message);
  g_signal_emit (self, signals[SIGNAL_ATTEMPT_FAILED], 0, job_id, (guint) attempts,
                 failure->message);
  schedule_attempt (self, job_id, delay);
}

typedef struct
{
  IrWebhookSender *self;
  char            *job_id;
  int              attempts;
  SoupMessage     *message;
} SendData;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (body != NULL)
        ir_webhook_check_reply (soup_message_get_status (data->message), body, &error);
      finish_attempt (data->self, data->job_id, data->attempts, error);
    }

  g_object_unref (data->message);
  g_object_unref (data->self);
  g_free (data->job_id);
  g_free (data);
}

static gboolean
load_job (IrWebhookSender  *self,
          const char       *job_id,
          char            **room,
          char            **title,
          char            **text,
          int              *attempts)
{
  sqlite3_stmt *stmt = NULL;
  gboolean pending = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT room, title, text, attempts FROM webhook_jobs "
                          "WHERE id = ? AND delivered IS NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, job_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      pending = TRUE;
      *room = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *attempts = sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);

  return pending;
}

static void
attempt (IrWebhookSender *self,
         const char      *job_id)
{
  g_autofree char *room = NULL, *title = NULL, *text = NULL;
  g_autofree char *url = NULL, *body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const IrWebhookTarget *target;
  SoupMessage *message;
  SendData *data;
  gsize length;
  int attempts = 0;

  if (g_hash_table_contains (self->in_flight, job_id) ||
      !load_job (self, job_id, &room, &title, &text, &attempts))
    return;

  g_hash_table_add (self->in_flight, g_strdup (job_id));
  attempts++;

  target = self->config != NULL ? ir_webhook_config_lookup (self->config, room) : NULL;
  if (target == NULL)
    {
      g_set_error (&error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_NO_TARGET,
                   _("No webhook is configured for room %s; add a [room %s] or [default] "
                     "group to the webhook configuration."),
                   room, room);
      finish_attempt (self, job_id, attempts, error);
      return;
    }

  if (!ir_webhook_config_check_url (self->config, target->url, &error))
    {
      finish_attempt (self, job_id, attempts, error);
      return;
    }

  url = ir_webhook_build_url (target, g_get_real_time () / 1000);
  body = ir_webhook_build_body (target->kind, title, text);
  length = strlen (body);
  bytes = g_bytes_new_take (g_steal_pointer (&body), length);

  message = soup_message_new ("POST", url);
  if (message == NULL)
    {
      g_set_error (&error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG,
                   _("Invalid webhook URL for room %s; check the webhook configuration."),
                   room);
      finish_attempt (self, job_id, attempts, error);
      return;
    }

  data = g_new0 (SendData, 1);
  data->self = g_object_ref (self);
  data->job_id = g_strdup (job_id);
  data->attempts = attempts;
  data->message = message;
  soup_message_set_request_body_from_bytes (data->message, "application/json", bytes);
  soup_session_send_and_read_async (self->session, data->message, G_PRIORITY_DEFAULT,
                                    self->cancellable, sent_cb, data);
}

static gboolean
attempt_timeout_cb (gpointer user_data)
{
  AttemptData *data = user_data;
  g_autoptr(IrWebhookSender) self = g_weak_ref_get (&data->sender);

  if (self != NULL)
    {
      g_hash_table_remove (self->timers, data->job_id);
      attempt (self, data->job_id);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_attempt (IrWebhookSender *self,
                  const char      *job_id,
                  gint64           delay_ms)
{
  guint source;

  if (g_hash_table_contains (self->timers, job_id))
    return;

  source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) CLAMP (delay_ms, 0, G_MAXUINT),
                               attempt_timeout_cb, attempt_data_new (self, job_id),
                               (GDestroyNotify) attempt_data_free);
  g_hash_table_insert (self->timers, g_strdup (job_id), GUINT_TO_POINTER (source));
}

static void
schedule_pending (IrWebhookSender *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 now = g_get_real_time ();

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, next_attempt FROM webhook_jobs WHERE delivered IS NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    schedule_attempt (self, (const char *) sqlite3_column_text (stmt, 0),
                      MAX (sqlite3_column_int64 (stmt, 1) - now, 0) / 1000);
  sqlite3_finalize (stmt);
}

/* --- GObject ------------------------------------------------------------- */

static void
remove_timer (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
ir_webhook_sender_dispose (GObject *object)
{
  IrWebhookSender *self = IR_WEBHOOK_SENDER (object);

  g_cancellable_cancel (self->cancellable);
  g_hash_table_remove_all (self->timers);

  G_OBJECT_CLASS (ir_webhook_sender_parent_class)->dispose (object);
}

static void
ir_webhook_sender_finalize (GObject *object)
{
  IrWebhookSender *self = IR_WEBHOOK_SENDER (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);
  g_clear_pointer (&self->config, ir_webhook_config_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->timers);
  g_hash_table_unref (self->in_flight);

  G_OBJECT_CLASS (ir_webhook_sender_parent_class)->finalize (object);
}

static void
ir_webhook_sender_class_init (IrWebhookSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_webhook_sender_dispose;
  object_class->finalize = ir_webhook_sender_finalize;

  /**
   * IrWebhookSender::delivered:
   * @job_id: the delivered job
   * @attempts: how many attempts it took
   */
  signals[SIGNAL_DELIVERED] =
    g_signal_new ("delivered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  /**
   * IrWebhookSender::attempt-failed:
   * @job_id: the job
   * @attempt: the failed attempt's number, from 1
   * @message: why it failed
   */
  signals[SIGNAL_ATTEMPT_FAILED] =
    g_signal_new ("attempt-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
}

static void
ir_webhook_sender_init (IrWebhookSender *self)
{
  self->timers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remove_timer);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->session = soup_session_new_with_options ("timeout", 30, "user-agent",
                                                 "ironroom-server/" PACKAGE_VERSION, NULL);
  self->first_ms = 5000;
  self->max_ms = 3600 * 1000;
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_webhook_sender_new:
 * @outbox_path: the outbox database, or ":memory:" for one that is lost at
 *   exit
 * @config: (nullable): the webhook configuration
 * @error: return location for an error
 *
 * Opens the outbox and schedules the jobs it still holds.
 *
 * Returns: (transfer full): a new sender, or %NULL with @error set
 */
IrWebhookSender *
ir_webhook_sender_new (const char       *outbox_path,
                       IrWebhookConfig  *config,
                       GError          **error)
{
  g_autoptr(IrWebhookSender) self = g_object_new (IR_TYPE_WEBHOOK_SENDER, NULL);

  g_return_val_if_fail (outbox_path != NULL, NULL);

  self->path = g_strdup (outbox_path);
  if (!outbox_open (self, error))
    return NULL;

  ir_webhook_sender_set_config (self, config);
  schedule_pending (self);

  return g_steal_pointer (&self);
}

void
ir_webhook_sender_set_config (IrWebhookSender *self,
                              IrWebhookConfig *config)
{
  g_return_if_fail (IR_IS_WEBHOOK_SENDER (self));

  if (config != NULL)
    ir_webhook_config_ref (config);
  g_clear_pointer (&self->config, ir_webhook_config_unref);
  self->config = config;
}

/* Sets the delay after the first failed attempt and its maximum; the delay
 * doubles after each failure in between. */
void
ir_webhook_sender_set_backoff (IrWebhookSender *self,
                               guint            first_ms,
                               guint            max_ms)
{
  g_return_if_fail (IR_IS_WEBHOOK_SENDER (self));

  self->first_ms = MAX (first_ms, 1);
  self->max_ms = MAX (max_ms, self->first_ms);
}

/**
 * ir_webhook_sender_enqueue:
 * @self: a sender
 * @message: the message
 * @added: (out) (optional): whether the job is new
 * @error: return location for an error
 *
 * Stores the message in the outbox unless a job with its id is there
 * already, and sends it from the main loop.
 *
 * Returns: %TRUE unless the outbox could not be written
 */
gboolean
ir_webhook_sender_enqueue (IrWebhookSender         *self,
                           const IrWebhookMessage  *message,
                           gboolean                *added,
                           GError                 **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean inserted;

  g_return_val_if_fail (IR_IS_WEBHOOK_SENDER (self), FALSE);
  g_return_val_if_fail (message != NULL && message->job_id != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR IGNORE INTO webhook_jobs "
                          "(id, room, title, text, created, next_attempt) "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_OUTBOX,
                   _("Failed to add webhook job %s to the outbox “%s”: %s"),
                   message->job_id, self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, message->job_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, message->room_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, message->title ? message->title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, message->text ? message->text : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_OUTBOX,
                   _("Failed to add webhook job %s to the outbox “%s”: %s"),
                   message->job_id, self->path, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  inserted = sqlite3_changes (self->db) > 0;
  if (added != NULL)
    *added = inserted;
  if (inserted)
    schedule_attempt (self, message->job_id, 0);

  return TRUE;
}

/* Returns the number of jobs not delivered yet. */
guint
ir_webhook_sender_get_n_pending (IrWebhookSender *self)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_return_val_if_fail (IR_IS_WEBHOOK_SENDER (self), 0);

  if (sqlite3_prepare_v2 (self->db, "SELECT count (*) FROM webhook_jobs WHERE delivered IS NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}
