/* ir-webhook.h: DingTalk and WeCom group-robot messages, sent by the server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IR_WEBHOOK_ERROR (ir_webhook_error_quark ())

typedef enum
{
  IR_WEBHOOK_ERROR_CONFIG,
  IR_WEBHOOK_ERROR_NOT_ALLOWED,
  IR_WEBHOOK_ERROR_NO_TARGET,
  IR_WEBHOOK_ERROR_REJECTED,
  IR_WEBHOOK_ERROR_OUTBOX,
} IrWebhookError;

typedef enum
{
  IR_WEBHOOK_DINGTALK,
  IR_WEBHOOK_WECOM,
} IrWebhookKind;

/* One message for a room's group chat. The job id makes it unique: the
 * same id enqueued twice is sent once. */
typedef struct
{
  char *job_id;
  char *room_id;
  char *title;
  char *text;     /* Markdown */
} IrWebhookMessage;

/* Where a room's messages go. The URL and secret are server configuration
 * and never stored in the room. */
typedef struct
{
  IrWebhookKind  kind;
  char          *url;
  char          *secret;   /* DingTalk's signing secret, or NULL */
} IrWebhookTarget;

typedef struct _IrWebhookConfig IrWebhookConfig;

GQuark            ir_webhook_error_quark       (void);

const char       *ir_webhook_kind_to_string    (IrWebhookKind           kind);
gboolean          ir_webhook_kind_from_string  (const char             *text,
                                                IrWebhookKind          *kind);

IrWebhookMessage *ir_webhook_message_new       (const char             *job_id,
                                                const char             *room_id,
                                                const char             *title,
                                                const char             *text);
void              ir_webhook_message_free      (IrWebhookMessage       *message);

IrWebhookConfig  *ir_webhook_config_new        (void);
IrWebhookConfig  *ir_webhook_config_load       (const char             *path,
                                                GError                **error);
IrWebhookConfig  *ir_webhook_config_ref        (IrWebhookConfig        *self);
void              ir_webhook_config_unref      (IrWebhookConfig        *self);
void              ir_webhook_config_allow_host (IrWebhookConfig        *self,
                                                const char             *host);
gboolean          ir_webhook_config_set_target (IrWebhookConfig        *self,
                                                const char             *room_id,
                                                IrWebhookKind           kind,
                                                const char             *url,
                                                const char             *secret,
                                                GError                **error);
const IrWebhookTarget *
                  ir_webhook_config_lookup     (IrWebhookConfig        *self,
                                                const char             *room_id);
gboolean          ir_webhook_config_check_url  (IrWebhookConfig        *self,
                                                const char             *url,
                                                GError                **error);

char             *ir_webhook_build_body        (IrWebhookKind           kind,
                                                const char             *title,
                                                const char             *text);
char             *ir_webhook_dingtalk_sign     (const char             *secret,
                                                gint64                  timestamp_ms);
char             *ir_webhook_build_url         (const IrWebhookTarget  *target,
                                                gint64                  timestamp_ms);
gboolean          ir_webhook_check_reply       (guint                   status,
                                                GBytes                 *body,
                                                GError                **error);

#define IR_TYPE_WEBHOOK_SENDER (ir_webhook_sender_get_type ())

G_DECLARE_FINAL_TYPE (IrWebhookSender, ir_webhook_sender, IR, WEBHOOK_SENDER, GObject)

IrWebhookSender  *ir_webhook_sender_new        (const char             *outbox_path,
                                                IrWebhookConfig        *config,
                                                GError                **error);
void              ir_webhook_sender_set_config (IrWebhookSender        *self,
                                                IrWebhookConfig        *config);
void              ir_webhook_sender_set_backoff (IrWebhookSender       *self,
                                                 guint                  first_ms,
                                                 guint                  max_ms);
gboolean          ir_webhook_sender_enqueue    (IrWebhookSender        *self,
                                                const IrWebhookMessage *message,
                                                gboolean               *added,
                                                GError                **error);
guint             ir_webhook_sender_get_n_pending (IrWebhookSender     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrWebhookMessage, ir_webhook_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrWebhookConfig, ir_webhook_config_unref)

G_END_DECLS
