/* test-webhook.c: robot message bodies, DingTalk signing, the allow-list,
 * and delivery with retries to a receiver on 127.0.0.1
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "escalation-fixture.h"
#include "ir-webhook.h"

#define SECRET "SECa1b2c3d4e5f60718293a4b5c6d7e8f90"
#define TIMESTAMP G_GINT64_CONSTANT (1764806400000)

/* Python 3's hmac.new (SECRET, f"{TIMESTAMP}\n{SECRET}", sha256), in
 * Base64. */
#define EXPECTED_SIGN "oxBy4idEiOBVehpPXjTYDFet31TrlTRpPuOXw+BqNGI="

/* --- an independent HMAC-SHA256 ------------------------------------------ */

/* HMAC as RFC 2104 defines it, on GChecksum alone, so that the check does
 * not share GHmac with the code under test. */
static char *
hmac_sha256_base64 (const char *key,
                    const char *message)
{
  guint8 block[64] = { 0 };
  guint8 inner_pad[64], outer_pad[64];
  guint8 inner[32], outer[32];
  gsize length = sizeof inner;
  g_autoptr(GChecksum) checksum = NULL;

  g_assert_cmpuint (strlen (key), <=, sizeof block);
  memcpy (block, key, strlen (key));
  for (gsize i = 0; i < sizeof block; i++)
    {
      inner_pad[i] = block[i] ^ 0x36;
      outer_pad[i] = block[i] ^ 0x5c;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, inner_pad, sizeof inner_pad);
  g_checksum_update (checksum, (const guchar *) message, (gssize) strlen (message));
  g_checksum_get_digest (checksum, inner, &length);

  g_checksum_reset (checksum);
  g_checksum_update (checksum, outer_pad, sizeof outer_pad);
  g_checksum_update (checksum, inner, sizeof inner);
  length = sizeof outer;
  g_checksum_get_digest (checksum, outer, &length);

  return g_base64_encode (outer, sizeof outer);
}

static char *
expected_sign (gint64 timestamp)
{
  g_autofree char *message = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", timestamp, SECRET);

  return hmac_sha256_base64 (SECRET, message);
}

/* --- requests ------------------------------------------------------------ */

static void
test_dingtalk_sign (void)
{
  g_autofree char *sign = ir_webhook_dingtalk_sign (SECRET, TIMESTAMP);
  g_autofree char *independent = expected_sign (TIMESTAMP);
  g_autofree char *later = ir_webhook_dingtalk_sign (SECRET, TIMESTAMP + 1);

  g_assert_cmpstr (sign, ==, EXPECTED_SIGN);
  g_assert_cmpstr (sign, ==, independent);
  g_assert_cmpstr (later, !=, sign);
}

static void
test_signed_url (void)
{
  IrWebhookTarget target = {
    .kind = IR_WEBHOOK_DINGTALK,
    .url = "https://oapi.dingtalk.com/robot/send?access_token=abc123",
    .secret = SECRET,
  };
  g_autofree char *url = ir_webhook_build_url (&target, TIMESTAMP);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) query = NULL;

  g_assert_nonnull (uri);
  g_assert_true (strstr (url, "%2B") != NULL);
  g_assert_true (g_str_has_suffix (url, "%3D"));
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_cmpstr (g_hash_table_lookup (query, "access_token"), ==, "abc123");
  g_assert_cmpstr (g_hash_table_lookup (query, "timestamp"), ==, "1764806400000");
  g_assert_cmpstr (g_hash_table_lookup (query, "sign"), ==, EXPECTED_SIGN);

  /* Without a secret, and for WeCom, the URL is used as it is. */
  target.secret = NULL;
  g_free (url);
  url = ir_webhook_build_url (&target, TIMESTAMP);
  g_assert_cmpstr (url, ==, target.url);

  target.kind = IR_WEBHOOK_WECOM;
  target.url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k";
  target.secret = SECRET;
  g_free (url);
  url = ir_webhook_build_url (&target, TIMESTAMP);
  g_assert_cmpstr (url, ==, target.url);
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));

  return json_node_get_object (*root);
}

static void
test_bodies (void)
{
  g_autofree char *dingtalk = ir_webhook_build_body (IR_WEBHOOK_DINGTALK, "Red alert",
                                                     "### Red alert\n\n- “阀门” is 9 days late");
  g_autofree char *wecom = ir_webhook_build_body (IR_WEBHOOK_WECOM, "Red alert",
                                                  "### Red alert");
  g_autoptr(JsonNode) dingtalk_root = NULL;
  g_autoptr(JsonNode) wecom_root = NULL;
  JsonObject *object, *markdown;

  object = parse_object (dingtalk, &dingtalk_root);
  g_assert_cmpstr (json_object_get_string_member (object, "msgtype"), ==, "markdown");
  markdown = json_object_get_object_member (object, "markdown");
  g_assert_cmpstr (json_object_get_string_member (markdown, "title"), ==, "Red alert");
  g_assert_cmpstr (json_object_get_string_member (markdown, "text"), ==,
                   "### Red alert\n\n- “阀门” is 9 days late");

  object = parse_object (wecom, &wecom_root);
  g_assert_cmpstr (json_object_get_string_member (object, "msgtype"), ==, "markdown");
  markdown = json_object_get_object_member (object, "markdown");
  g_assert_cmpstr (json_object_get_string_member (markdown, "content"), ==, "### Red alert");
  g_assert_false (json_object_has_member (markdown, "title"));
}

static void
test_replies (void)
{
  g_autoptr(GBytes) ok = g_bytes_new_static ("{\"errcode\":0,\"errmsg\":\"ok\"}", 27);
  g_autoptr(GBytes) refused = g_bytes_new_static ("{\"errcode\":310000,\"errmsg\":\"sign not match\"}",
                                                  44);
  g_autoptr(GBytes) plain = g_bytes_new_static ("accepted", 8);
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_webhook_check_reply (200, ok, &error));
  g_assert_no_error (error);
  g_assert_true (ir_webhook_check_reply (200, plain, &error));
  g_assert_no_error (error);

  g_assert_false (ir_webhook_check_reply (200, refused, &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_REJECTED);
  g_assert_true (strstr (error->message, "sign not match") != NULL);
  g_clear_error (&error);

  g_assert_false (ir_webhook_check_reply (502, ok, &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_REJECTED);
}

/* --- configuration ------------------------------------------------------- */

static void
test_allow_list (void)
{
  g_autoptr(IrWebhookConfig) config = ir_webhook_config_new ();
  g_autoptr(GError) error = NULL;

  ir_webhook_config_allow_host (config, " OAPI.DingTalk.com ");

  g_assert_true (ir_webhook_config_check_url (config, "https://oapi.dingtalk.com/robot/send",
                                              &error));
  g_assert_no_error (error);

  g_assert_false (ir_webhook_config_check_url (config, "https://evil.example.com/robot/send",
                                               &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* A host that only ends with an allowed name is another host. */
  g_assert_false (ir_webhook_config_check_url (config, "https://xoapi.dingtalk.com/robot",
                                               &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_false (ir_webhook_config_check_url (config, "ftp://oapi.dingtalk.com/robot", &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG);
}

static void
test_config_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ironroom-webhook-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "webhooks.conf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.conf", NULL);
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(IrWebhookConfig) empty = NULL;
  const IrWebhookTarget *target;
  const char *text =
    "[webhooks]\n"
    "allowed_hosts=oapi.dingtalk.com;qyapi.weixin.qq.com\n"
    "\n"
    "[default]\n"
    "kind=wecom\n"
    "url=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k\n"
    "\n"
    "[room " TEST_ROOM "]\n"
    "kind=dingtalk\n"
    "url=https://oapi.dingtalk.com/robot/send?access_token=t\n"
    "secret=" SECRET "\n";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));

  config = ir_webhook_config_load (path, &error);
  g_assert_no_error (error);
  target = ir_webhook_config_lookup (config, TEST_ROOM);
  g_assert_cmpint (target->kind, ==, IR_WEBHOOK_DINGTALK);
  g_assert_cmpstr (target->secret, ==, SECRET);
  target = ir_webhook_config_lookup (config, "another-room");
  g_assert_cmpint (target->kind, ==, IR_WEBHOOK_WECOM);
  g_assert_null (target->secret);
  g_assert_true (ir_webhook_config_check_url (config, target->url, &error));

  empty = ir_webhook_config_load (missing, &error);
  g_assert_no_error (error);
  g_assert_null (ir_webhook_config_lookup (empty, TEST_ROOM));

  g_assert_true (g_file_set_contents (path, "[default]\nkind=slack\nurl=https://a.example\n", -1,
                                      &error));
  g_assert_null (ir_webhook_config_load (path, &error));
  g_assert_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG);

  g_unlink (path);
  g_rmdir (dir);
}

/* --- delivery ------------------------------------------------------------ */

typedef struct
{
  SoupServer *server;
  char       *url;          /* the robot's URL on 127.0.0.1 */
  guint       n_requests;
  guint       n_failures;   /* the first requests, replied to with HTTP 500 */
  gboolean    refuse_code;  /* fail with errcode instead of HTTP 500 */
  char       *last_body;
  char       *last_timestamp;
  char       *last_sign;
  char       *last_token;

  GPtrArray  *delivered;    /* job ids */
  GArray     *failed;       /* attempt numbers */
} Receiver;

static void
robot_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Receiver *receiver = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  const char *reply;

  receiver->n_requests++;
  g_free (receiver->last_body);
  receiver->last_body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_free (receiver->last_timestamp);
  g_free (receiver->last_sign);
  g_free (receiver->last_token);
  receiver->last_timestamp = g_strdup (query ? g_hash_table_lookup (query, "timestamp") : NULL);
  receiver->last_sign = g_strdup (query ? g_hash_table_lookup (query, "sign") : NULL);
  receiver->last_token = g_strdup (query ? g_hash_table_lookup (query, "access_token") : NULL);

  if (receiver->n_requests <= receiver->n_failures && !receiver->refuse_code)
    {
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }

  reply = receiver->n_requests <= receiver->n_failures
          ? "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"
          : "{\"errcode\":0,\"errmsg\":\"ok\"}";
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    reply, strlen (reply));
}

static void
receiver_start (Receiver *receiver,
                guint     n_failures)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  receiver->n_failures = n_failures;
  receiver->delivered = g_ptr_array_new_with_free_func (g_free);
  receiver->failed = g_array_new (FALSE, FALSE, sizeof (guint));
  receiver->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (receiver->server, "/robot/send", robot_cb, receiver, NULL);
  g_assert_true (soup_server_listen_local (receiver->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (receiver->server);
  g_assert_nonnull (uris);
  receiver->url = g_strdup_printf ("http://127.0.0.1:%d/robot/send?access_token=tok",
                                   g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
receiver_stop (Receiver *receiver)
{
  soup_server_disconnect (receiver->server);
  g_clear_object (&receiver->server);
  g_free (receiver->url);
  g_free (receiver->last_body);
  g_free (receiver->last_timestamp);
  g_free (receiver->last_sign);
  g_free (receiver->last_token);
  g_ptr_array_unref (receiver->delivered);
  g_array_unref (receiver->failed);
}

static void
delivered_cb (IrWebhookSender *sender,
              const char      *job_id,
              guint            attempts,
              Receiver        *receiver)
{
  g_ptr_array_add (receiver->delivered, g_strdup (job_id));
}

static void
attempt_failed_cb (IrWebhookSender *sender,
                   const char      *job_id,
                   guint            attempt,
                   const char      *message,
                   Receiver        *receiver)
{
  g_test_message ("attempt %u of %s failed: %s", attempt, job_id, message);
  g_array_append_val (receiver->failed, attempt);
}

static IrWebhookSender *
sender_new (const char      *outbox,
            IrWebhookConfig *config,
            Receiver        *receiver)
{
  g_autoptr(GError) error = NULL;
  IrWebhookSender *sender = ir_webhook_sender_new (outbox, config, &error);

  g_assert_no_error (error);
  ir_webhook_sender_set_backoff (sender, 10, 80);
  g_signal_connect (sender, "delivered", G_CALLBACK (delivered_cb), receiver);
  g_signal_connect (sender, "attempt-failed", G_CALLBACK (attempt_failed_cb), receiver);

  return sender;
}

static IrWebhookConfig *
config_for (Receiver      *receiver,
            IrWebhookKind  kind,
            gboolean       allow)
{
  IrWebhookConfig *config = ir_webhook_config_new ();
  g_autoptr(GError) error = NULL;

  if (allow)
    ir_webhook_config_allow_host (config, "127.0.0.1");
  g_assert_true (ir_webhook_config_set_target (config, TEST_ROOM, kind, receiver->url,
                                               kind == IR_WEBHOOK_DINGTALK ? SECRET : NULL,
                                               &error));
  g_assert_no_error (error);

  return config;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @receiver saw @n deliveries, or 10 s pass. */
static void
wait_for_deliveries (Receiver *receiver,
                     guint     n)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (receiver->delivered->len < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_deliver_after_failures (void)
{
  Receiver receiver = { 0 };
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(IrWebhookSender) sender = NULL;
  g_autoptr(IrWebhookMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sign = NULL;
  gint64 timestamp;
  gboolean added = FALSE;
  JsonObject *object;

  receiver_start (&receiver, 2);
  config = config_for (&receiver, IR_WEBHOOK_DINGTALK, TRUE);
  sender = sender_new (":memory:", config, &receiver);

  message = ir_webhook_message_new ("job-1", TEST_ROOM, "Red alert", "### Red alert\n- late");
  g_assert_true (ir_webhook_sender_enqueue (sender, message, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
  g_assert_cmpuint (ir_webhook_sender_get_n_pending (sender), ==, 1);

  wait_for_deliveries (&receiver, 1);
  g_assert_cmpuint (receiver.n_requests, ==, 3);
  g_assert_cmpuint (receiver.failed->len, ==, 2);
  g_assert_cmpuint (g_array_index (receiver.failed, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (receiver.failed, guint, 1), ==, 2);
  g_assert_cmpstr (receiver.delivered->pdata[0], ==, "job-1");
  g_assert_cmpuint (ir_webhook_sender_get_n_pending (sender), ==, 0);

  /* The accepted request carried the robot's token and a valid signature
   * of its own timestamp. */
  g_assert_cmpstr (receiver.last_token, ==, "tok");
  g_assert_nonnull (receiver.last_timestamp);
  g_assert_true (g_ascii_string_to_signed (receiver.last_timestamp, 10, 0, G_MAXINT64,
                                           &timestamp, NULL));
  sign = expected_sign (timestamp);
  g_assert_cmpstr (receiver.last_sign, ==, sign);

  object = parse_object (receiver.last_body, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "msgtype"), ==, "markdown");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "markdown"),
                                                  "title"), ==, "Red alert");

  /* The same job again is not sent again. */
  g_assert_true (ir_webhook_sender_enqueue (sender, message, &added, &error));
  g_assert_false (added);
  spin (100);
  g_assert_cmpuint (receiver.n_requests, ==, 3);

  receiver_stop (&receiver);
}

static void
test_rejected_reply_retried (void)
{
  Receiver receiver = { 0 };
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(IrWebhookSender) sender = NULL;
  g_autoptr(IrWebhookMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  receiver_start (&receiver, 1);
  receiver.refuse_code = TRUE;
  config = config_for (&receiver, IR_WEBHOOK_WECOM, TRUE);
  sender = sender_new (":memory:", config, &receiver);

  message = ir_webhook_message_new ("job-wecom", TEST_ROOM, "Red alert", "### Red alert");
  g_assert_true (ir_webhook_sender_enqueue (sender, message, NULL, &error));

  wait_for_deliveries (&receiver, 1);
  g_assert_cmpuint (receiver.n_requests, ==, 2);
  g_assert_cmpuint (receiver.failed->len, ==, 1);
  g_assert_null (receiver.last_sign);
  object = parse_object (receiver.last_body, &root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "markdown"),
                                                  "content"), ==, "### Red alert");

  receiver_stop (&receiver);
}

/* A host off the allow-list gets no request; once the server's
 * configuration allows it, the waiting job goes out. */
static void
test_host_not_allowed (void)
{
  Receiver receiver = { 0 };
  g_autoptr(IrWebhookConfig) blocked = NULL;
  g_autoptr(IrWebhookConfig) allowed = NULL;
  g_autoptr(IrWebhookSender) sender = NULL;
  g_autoptr(IrWebhookMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  receiver_start (&receiver, 0);
  blocked = config_for (&receiver, IR_WEBHOOK_DINGTALK, FALSE);
  sender = sender_new (":memory:", blocked, &receiver);

  message = ir_webhook_message_new ("job-blocked", TEST_ROOM, "Red alert", "text");
  g_assert_true (ir_webhook_sender_enqueue (sender, message, NULL, &error));
  spin (150);
  g_assert_cmpuint (receiver.n_requests, ==, 0);
  g_assert_cmpuint (receiver.failed->len, >=, 2);
  g_assert_cmpuint (ir_webhook_sender_get_n_pending (sender), ==, 1);

  allowed = config_for (&receiver, IR_WEBHOOK_DINGTALK, TRUE);
  ir_webhook_sender_set_config (sender, allowed);
  wait_for_deliveries (&receiver, 1);
  g_assert_cmpuint (receiver.n_requests, ==, 1);

  receiver_stop (&receiver);
}

/* A job in the outbox outlives its sender and is sent by the next one. */
static void
test_outbox_persists (void)
{
  Receiver receiver = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ironroom-outbox-XXXXXX", &error);
  g_autofree char *outbox = g_build_filename (dir, "webhooks.db", NULL);
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(IrWebhookMessage) message = NULL;
  IrWebhookSender *sender;

  receiver_start (&receiver, 0);

  sender = sender_new (outbox, NULL, &receiver);
  message = ir_webhook_message_new ("job-kept", TEST_ROOM, "Red alert", "text");
  g_assert_true (ir_webhook_sender_enqueue (sender, message, NULL, &error));
  g_assert_no_error (error);
  spin (30);
  g_assert_cmpuint (receiver.n_requests, ==, 0);
  g_object_unref (sender);

  config = config_for (&receiver, IR_WEBHOOK_DINGTALK, TRUE);
  sender = sender_new (outbox, config, &receiver);
  g_assert_cmpuint (ir_webhook_sender_get_n_pending (sender), ==, 1);
  wait_for_deliveries (&receiver, 1);
  g_assert_cmpstr (receiver.delivered->pdata[0], ==, "job-kept");
  g_assert_cmpuint (ir_webhook_sender_get_n_pending (sender), ==, 0);
  g_object_unref (sender);

  receiver_stop (&receiver);
  g_unlink (outbox);
  g_rmdir (dir);
}

/* Two replicas escalate the same red slip; the server's outbox sends the
 * group one message. */
static void
test_escalation_sends_once (void)
{
  Receiver receiver = { 0 };
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autoptr(IrStore) replica = ir_test_store_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrWebhookConfig) config = NULL;
  g_autoptr(IrWebhookSender) sender = NULL;
  g_autoptr(GDateTime) now = shanghai_time (2026, 11, 20, 10, 0);
  g_autoptr(IrEscalationReport) first = NULL;
  g_autoptr(IrEscalationReport) second = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *milestone = escalation_room_add_milestone (room, "Factory acceptance", 12, NULL);
  const char *text;

  escalation_room_commit_late (room, milestone, 9);
  ops = ir_store_get_unpushed (room->store, G_MAXUINT);
  g_assert_true (ir_store_apply_remote (replica, ops, &error));
  g_assert_no_error (error);

  receiver_start (&receiver, 0);
  config = config_for (&receiver, IR_WEBHOOK_DINGTALK, TRUE);
  sender = sender_new (":memory:", config, &receiver);

  first = ir_escalation_evaluate_for_server (room->store, sender, now, &error);
  g_assert_no_error (error);
  second = ir_escalation_evaluate_for_server (replica, sender, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->webhooks->len, ==, 1);
  g_assert_cmpuint (second->webhooks->len, ==, 1);

  wait_for_deliveries (&receiver, 1);
  spin (100);
  g_assert_cmpuint (receiver.n_requests, ==, 1);

  text = json_object_get_string_member (json_object_get_object_member (parse_object (receiver.last_body,
                                                                                     &root),
                                                                       "markdown"),
                                        "text");
  g_assert_true (strstr (text, "Factory acceptance") != NULL);
  g_assert_true (strstr (text, "Valve deal") != NULL);
  g_assert_true (strstr (text, "Zhao Min") != NULL);

  receiver_stop (&receiver);
}

/* The sender logs each failed attempt as a warning, which these tests
 * cause on purpose. Any other warning fails the test. */
static void
core_warning_cb (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  g_test_message ("%s: %s", log_domain, message);
  if (strstr (message, "Webhook job ") == NULL)
    g_test_fail ();
}

int
main (int    argc,
      char **argv)
{
  /* Requests go straight to the receiver on 127.0.0.1, never through a
   * proxy from the environment. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_handler ("ironroom-core", G_LOG_LEVEL_WARNING, core_warning_cb, NULL);

  g_test_add_func ("/webhook/dingtalk-sign", test_dingtalk_sign);
  g_test_add_func ("/webhook/signed-url", test_signed_url);
  g_test_add_func ("/webhook/bodies", test_bodies);
  g_test_add_func ("/webhook/replies", test_replies);
  g_test_add_func ("/webhook/allow-list", test_allow_list);
  g_test_add_func ("/webhook/config-file", test_config_file);
  g_test_add_func ("/webhook/deliver-after-failures", test_deliver_after_failures);
  g_test_add_func ("/webhook/rejected-reply-retried", test_rejected_reply_retried);
  g_test_add_func ("/webhook/host-not-allowed", test_host_not_allowed);
  g_test_add_func ("/webhook/outbox-persists", test_outbox_persists);
  g_test_add_func ("/webhook/escalation-sends-once", test_escalation_sends_once);

  return g_test_run ();
}
