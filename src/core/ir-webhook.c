/* ir-webhook.c: group-robot message bodies, DingTalk signing and the
 * server's webhook configuration
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both robots take a JSON POST with a Markdown message and reply with
 * {"errcode": 0, "errmsg": "ok"} when they accept it. A DingTalk robot with
 * a signing secret also wants the query parameters "timestamp" (ms since
 * the epoch) and "sign": the Base64 of the HMAC-SHA256, keyed with the
 * secret, of the timestamp, a newline and the secret, URL-encoded.
 *
 * The configuration is a key file in the server's data directory:
 *
 *   [webhooks]
 *   allowed_hosts=oapi.dingtalk.com;qyapi.weixin.qq.com
 *
 *   [room 6f1c2a52-2d5e-4b7a-9a57-3f0c1e2d4b6a]
 *   kind=dingtalk
 *   url=https://oapi.dingtalk.com/robot/send?access_token=…
 *   secret=SEC…
 *
 * A [default] group serves rooms without a group of their own.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ir-webhook.h"

G_DEFINE_QUARK (ir-webhook-error-quark, ir_webhook_error)

struct _IrWebhookConfig
{
  gatomicrefcount  ref_count;
  GHashTable      *allowed_hosts;   /* lower-case host → itself */
  GHashTable      *targets;         /* room id, or "" for the default → IrWebhookTarget* */
};

/* --- kinds and messages -------------------------------------------------- */

const char *
ir_webhook_kind_to_string (IrWebhookKind kind)
{
  return kind == IR_WEBHOOK_WECOM ? "wecom" : "dingtalk";
}

gboolean
ir_webhook_kind_from_string (const char    *text,
                             IrWebhookKind *kind)
{
  if (g_strcmp0 (text, "dingtalk") == 0)
    *kind = IR_WEBHOOK_DINGTALK;
  else if (g_strcmp0 (text, "wecom") == 0)
    *kind = IR_WEBHOOK_WECOM;
  else
    return FALSE;

  return TRUE;
}

IrWebhookMessage *
ir_webhook_message_new (const char *job_id,
                        const char *room_id,
                        const char *title,
                        const char *text)
{
  IrWebhookMessage *message = g_new0 (IrWebhookMessage, 1);

  message->job_id = g_strdup (job_id);
  message->room_id = g_strdup (room_id);
  message->title = g_strdup (title);
  message->text = g_strdup (text);

  return message;
}

void
ir_webhook_message_free (IrWebhookMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->job_id);
  g_free (message->room_id);
  g_free (message->title);
  g_free (message->text);
  g_free (message);
}

/* --- configuration ------------------------------------------------------- */

static void
target_free (IrWebhookTarget *target)
{
  g_free (target->url);
  g_free (target->secret);
  g_free (target);
}

IrWebhookConfig *
ir_webhook_config_new (void)
{
  IrWebhookConfig *self = g_new0 (IrWebhookConfig, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->allowed_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) target_free);

  return self;
}

IrWebhookConfig *
ir_webhook_config_ref (IrWebhookConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ir_webhook_config_unref (IrWebhookConfig *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->allowed_hosts);
  g_hash_table_unref (self->targets);
  g_free (self);
}

void
ir_webhook_config_allow_host (IrWebhookConfig *self,
                              const char      *host)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (host != NULL);

  trimmed = g_strstrip (g_ascii_strdown (host, -1));
  if (trimmed[0] != '\0')
    g_hash_table_add (self->allowed_hosts, g_steal_pointer (&trimmed));
}

static GUri *
parse_http_url (const char  *url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;

  if (url != NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, &parse_error);

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG,
                   _("Invalid webhook URL: give an http or https URL with a host, such as "
                     "https://oapi.dingtalk.com/robot/send?access_token=…"));
      return NULL;
    }

  return g_steal_pointer (&uri);
}

/**
 * ir_webhook_config_set_target:
 * @self: a configuration
 * @room_id: (nullable): a room's id, or %NULL for rooms without their own
 * @kind: the robot's kind
 * @url: the robot's URL
 * @secret: (nullable): DingTalk's signing secret
 * @error: return location for an error
 *
 * Returns: %FALSE when @url is not an http or https URL with a host
 */
gboolean
ir_webhook_config_set_target (IrWebhookConfig  *self,
                              const char       *room_id,
                              IrWebhookKind     kind,
                              const char       *url,
                              const char       *secret,
                              GError          **error)
{
  g_autoptr(GUri) uri = NULL;
  IrWebhookTarget *target;

  g_return_val_if_fail (self != NULL, FALSE);

  uri = parse_http_url (url, error);
  if (uri == NULL)
    return FALSE;

  target = g_new0 (IrWebhookTarget, 1);
  target->kind = kind;
  target->url = g_strdup (url);
  target->secret = (secret != NULL && secret[0] != '\0') ? g_strdup (secret) : NULL;
  g_hash_table_replace (self->targets, g_strdup (room_id != NULL ? room_id : ""), target);

  return TRUE;
}

/* Returns: (transfer none) (nullable): the room's target, or the default */
const IrWebhookTarget *
ir_webhook_config_lookup (IrWebhookConfig *self,
                          const char      *room_id)
{
  const IrWebhookTarget *target = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (room_id != NULL)
    target = g_hash_table_lookup (self->targets, room_id);
  if (target == NULL)
    target = g_hash_table_lookup (self->targets, "");

  return target;
}

/**
 * ir_webhook_config_check_url:
 * @self: a configuration
 * @url: a webhook URL
 * @error: return location for an error
 *
 * Returns: %TRUE when @url is an http or https URL whose host is on the
 *   allow-list
 */
gboolean
ir_webhook_config_check_url (IrWebhookConfig  *self,
                             const char       *url,
                             GError          **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  uri = parse_http_url (url, error);
  if (uri == NULL)
    return FALSE;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (!g_hash_table_contains (self->allowed_hosts, host))
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_NOT_ALLOWED,
                   _("Webhook host “%s” is not on the server's allow-list; add it to "
                     "allowed_hosts in the [webhooks] group of the webhook configuration."),
                   host);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_target (IrWebhookConfig  *self,
             GKeyFile         *file,
             const char       *group,
             const char       *room_id,
             GError          **error)
{
  g_autofree char *kind_text = g_key_file_get_string (file, group, "kind", NULL);
  g_autofree char *url = g_key_file_get_string (file, group, "url", NULL);
  g_autofree char *secret = g_key_file_get_string (file, group, "secret", NULL);
  IrWebhookKind kind = IR_WEBHOOK_DINGTALK;

  if (kind_text != NULL && !ir_webhook_kind_from_string (kind_text, &kind))
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG,
                   _("Invalid kind “%s” in group [%s] of the webhook configuration: use "
                     "dingtalk or wecom."),
                   kind_text, group);
      return FALSE;
    }

  if (!ir_webhook_config_set_target (self, room_id, kind, url, secret, error))
    {
      g_prefix_error (error, _("In group [%s] of the webhook configuration: "), group);
      return FALSE;
    }

  return TRUE;
}

/**
 * ir_webhook_config_load:
 * @path: the configuration key file
 * @error: return location for an error
 *
 * Reads the allow-list and the rooms' webhooks. A missing file is an empty
 * configuration: nothing is sent.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
IrWebhookConfig *
ir_webhook_config_load (const char  *path,
                        GError     **error)
{
  g_autoptr(IrWebhookConfig) self = ir_webhook_config_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) hosts = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);

      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_CONFIG,
                   _("Failed to read the webhook configuration “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  hosts = g_key_file_get_string_list (file, "webhooks", "allowed_hosts", NULL, NULL);
  for (guint i = 0; hosts != NULL && hosts[i] != NULL; i++)
    ir_webhook_config_allow_host (self, hosts[i]);

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      gboolean ok = TRUE;

      if (g_str_equal (group, "default"))
        ok = load_target (self, file, group, NULL, error);
      else if (g_str_has_prefix (group, "room "))
        ok = load_target (self, file, group, group + strlen ("room "), error);

      if (!ok)
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/* --- requests ------------------------------------------------------------ */

/**
 * ir_webhook_build_body:
 * @kind: the robot's kind
 * @title: the message's title, shown in notifications
 * @text: the message in Markdown
 *
 * Returns: (transfer full): the JSON body of the robot's Markdown message
 */
char *
ir_webhook_build_body (IrWebhookKind  kind,
                       const char    *title,
                       const char    *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "msgtype");
  json_builder_add_string_value (builder, "markdown");
  json_builder_set_member_name (builder, "markdown");
  json_builder_begin_object (builder);

  if (kind == IR_WEBHOOK_WECOM)
    {
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, text);
    }
  else
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * ir_webhook_dingtalk_sign:
 * @secret: the robot's signing secret
 * @timestamp_ms: the request's time, ms since the epoch
 *
 * Returns: (transfer full): the Base64 signature, before URL encoding
 */
char *
ir_webhook_dingtalk_sign (const char *secret,
                          gint64      timestamp_ms)
{
  g_autofree char *to_sign = NULL;
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (secret != NULL, NULL);

  to_sign = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", timestamp_ms, secret);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_hmac_update (hmac, (const guchar *) to_sign, (gssize) strlen (to_sign));
  g_hmac_get_digest (hmac, digest, &length);

  return g_base64_encode (digest, length);
}

/**
 * ir_webhook_build_url:
 * @target: a robot
 * @timestamp_ms: the request's time, ms since the epoch
 *
 * Returns: (transfer full): the URL to post to, signed for a DingTalk
 *   robot with a secret
 */
char *
ir_webhook_build_url (const IrWebhookTarget *target,
                      gint64                 timestamp_ms)
{
  g_autofree char *sign = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (target != NULL, NULL);

  if (target->kind != IR_WEBHOOK_DINGTALK || target->secret == NULL)
    return g_strdup (target->url);

  sign = ir_webhook_dingtalk_sign (target->secret, timestamp_ms);
  escaped = g_uri_escape_string (sign, NULL, FALSE);

  return g_strdup_printf ("%s%ctimestamp=%" G_GINT64_FORMAT "&sign=%s", target->url,
                          strchr (target->url, '?') != NULL ? '&' : '?', timestamp_ms, escaped);
}

/**
 * ir_webhook_check_reply:
 * @status: the HTTP status
 * @body: (nullable): the reply's body
 * @error: return location for an error
 *
 * Returns: %TRUE when the robot accepted the message: a 2xx status and no
 *   non-zero "errcode" in a JSON reply
 */
gboolean
ir_webhook_check_reply (guint    status,
                        GBytes  *body,
                        GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  gint64 code;
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (status < 200 || status >= 300)
    {
      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_REJECTED,
                   _("The webhook replied with HTTP status %u."), status);
      return FALSE;
    }

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return TRUE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "errcode"))
    return TRUE;

  code = json_object_get_int_member (object, "errcode");
  if (code != 0)
    {
      const char *message = json_object_has_member (object, "errmsg")
                            ? json_object_get_string_member (object, "errmsg") : NULL;
      g_autofree char *code_text = g_strdup_printf ("%" G_GINT64_FORMAT, code);

      g_set_error (error, IR_WEBHOOK_ERROR, IR_WEBHOOK_ERROR_REJECTED,
                   _("The webhook rejected the message with error %s: %s"),
                   code_text, message != NULL ? message : "");
      return FALSE;
    }

  return TRUE;
}
