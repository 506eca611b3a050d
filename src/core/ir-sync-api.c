/* ir-sync-api.c: requests to an Iron Room server
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request is asynchronous on the thread-default main context of the
 * caller. A refusal of the server becomes a GError in IR_SYNC_ERROR with
 * the server's message. Callers that need the refusal's extra members (the
 * op it names, the server's time) get its whole JSON body too.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "ir-sync-api-private.h"

struct _IrSyncApi
{
  GObject      parent_instance;

  SoupSession *session;
  char        *url;      /* without a trailing slash */
  char        *token;
  char        *user;
};

G_DEFINE_TYPE (IrSyncApi, ir_sync_api, G_TYPE_OBJECT)

/* --- results ------------------------------------------------------------- */

void
ir_sync_page_free (IrSyncPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->ops, g_ptr_array_unref);
  g_free (page);
}

void
ir_sync_push_result_free (IrSyncPushResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->acks, g_ptr_array_unref);
  g_free (result);
}

/* --- object -------------------------------------------------------------- */

static void
ir_sync_api_finalize (GObject *object)
{
  IrSyncApi *self = IR_SYNC_API (object);

  g_clear_object (&self->session);
  g_free (self->url);
  g_free (self->token);
  g_free (self->user);

  G_OBJECT_CLASS (ir_sync_api_parent_class)->finalize (object);
}

static void
ir_sync_api_class_init (IrSyncApiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_sync_api_finalize;
}

static void
ir_sync_api_init (IrSyncApi *self)
{
  self->session = soup_session_new_with_options ("user-agent", "ironroom/" PACKAGE_VERSION " ",
                                                 "timeout", 60,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 4,
                                                 NULL);
}

/**
 * ir_sync_api_new:
 * @url: the server's address, such as "https://sync.example.com/"
 *
 * Returns: (transfer full): a client of the server at @url, or %NULL when
 *   @url is not an http or https address
 */
IrSyncApi *
ir_sync_api_new (const char  *url,
                 GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  IrSyncApi *self;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST,
                   _("Invalid server address “%s”: expected an address such as "
                     "https://sync.example.com/."), url);
      return NULL;
    }

  self = g_object_new (IR_TYPE_SYNC_API, NULL);
  self->url = g_strdup (url);
  while (g_str_has_suffix (self->url, "/"))
    self->url[strlen (self->url) - 1] = '\0';

  return self;
}

const char *
ir_sync_api_get_url (IrSyncApi *self)
{
  return self->url;
}

const char *
ir_sync_api_get_token (IrSyncApi *self)
{
  return self->token;
}

void
ir_sync_api_set_token (IrSyncApi  *self,
                       const char *token)
{
  g_free (self->token);
  self->token = g_strdup (token);
}

const char *
ir_sync_api_get_user (IrSyncApi *self)
{
  return self->user;
}

void
ir_sync_api_set_user (IrSyncApi  *self,
                      const char *user)
{
  g_free (self->user);
  self->user = g_strdup (user);
}

SoupSession *
ir_sync_api_get_session (IrSyncApi *self)
{
  return self->session;
}

/**
 * ir_sync_api_new_message:
 * @path: a path under the API prefix, such as "/rooms"
 *
 * Returns: (transfer full): a message to @path with the bearer token set
 */
SoupMessage *
ir_sync_api_new_message (IrSyncApi  *self,
                         const char *method,
                         const char *path)
{
  g_autofree char *uri = g_strconcat (self->url, IR_SYNC_API_PREFIX, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  if (msg != NULL && self->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", value);
    }

  return msg;
}

/* --- requests ------------------------------------------------------------ */

typedef struct
{
  SoupMessage *msg;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_object (&data->msg);
  g_free (data);
}

void
ir_sync_api_set_network_error (IrSyncApi  *self,
                               GError    **error,
                               GError     *cause)
{
  g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK,
               _("Failed to reach the server at %s: %s. Check the address and the "
                 "network connection."), self->url, cause->message);
}

/* Turns a non-2xx response into an error from its JSON body, or from the
 * status line when the body is not ours (a proxy's error page). */
void
ir_sync_api_set_refusal (IrSyncApi   *self,
                         SoupMessage *msg,
                         JsonNode    *body,
                         JsonObject **refusal,
                         GError     **error)
{
  guint status = soup_message_get_status (msg);
  JsonObject *object = body && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  const char *code = object ? ir_sync_get_string (object, "error") : NULL;
  const char *message = object ? ir_sync_get_string (object, "message") : NULL;

  if (refusal != NULL && object != NULL)
    *refusal = json_object_ref (object);

  if (code != NULL && message != NULL)
    {
      g_set_error_literal (error, IR_SYNC_ERROR, ir_sync_error_from_code (code), message);
      return;
    }

  g_set_error (error, IR_SYNC_ERROR,
               status == 401 ? IR_SYNC_ERROR_UNAUTHORIZED :
               status == 404 ? IR_SYNC_ERROR_NOT_FOUND :
               status == 413 ? IR_SYNC_ERROR_TOO_LARGE :
               status == 429 ? IR_SYNC_ERROR_RATE_LIMITED : IR_SYNC_ERROR_FAILED,
               _("The server at %s responded “%u %s”. Check that the address points at "
                 "an Iron Room server."),
               self->url, status, soup_message_get_reason_phrase (msg));
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) body = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      GError *network = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      ir_sync_api_set_network_error (self, &network, error);
      g_task_return_error (task, network);
      return;
    }

  status = soup_message_get_status (data->msg);
  if (g_bytes_get_size (bytes) > 0)
    {
      /* An immutable tree lets the ops share its values instead of
       * copying them. */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        body = json_node_ref (json_parser_get_root (parser));
    }

  g_object_set_data (G_OBJECT (task), "status", GUINT_TO_POINTER (status));
  if (status >= 200 && status < 300)
    {
      g_task_return_pointer (task, body ? json_node_ref (body) : json_node_new (JSON_NODE_NULL),
                             (GDestroyNotify) json_node_unref);
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "refusal",
                          body ? json_node_ref (body) : NULL,
                          (GDestroyNotify) json_node_unref);
  g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_FAILED, "refused");
}

/**
 * ir_sync_api_send_async:
 * @msg: a message from ir_sync_api_new_message()
 *
 * Sends @msg and reads the whole response; finish with
 * ir_sync_api_call_finish().
 */
void
ir_sync_api_send_async (IrSyncApi          *self,
                        SoupMessage        *msg,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CallData *data = g_new0 (CallData, 1);

  g_task_set_source_tag (task, ir_sync_api_send_async);
  data->msg = g_object_ref (msg);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    call_done_cb, task);
}

/**
 * ir_sync_api_call_async:
 * @path: a path under the API prefix, with its query
 * @content_type: (nullable): the type of @body; JSON when %NULL
 * @body: (nullable): the request body
 *
 * Sends one request and reads the whole response. Requests with large
 * responses (blobs) have their own calls.
 */
void
ir_sync_api_call_async (IrSyncApi          *self,
                        const char         *method,
                        const char         *path,
                        const char         *content_type,
                        GBytes             *body,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_autoptr(SoupMessage) msg = ir_sync_api_new_message (self, method, path);

  if (msg == NULL)
    {
      g_task_report_new_error (self, callback, user_data, ir_sync_api_call_async,
                               IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST,
                               _("Invalid request path “%s”."), path);
      return;
    }

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type ? content_type : "application/json",
                                              body);

  ir_sync_api_send_async (self, msg, cancellable, callback, user_data);
}

/**
 * ir_sync_api_call_finish:
 * @status: (out) (optional): the HTTP status, 0 when the server sent no response
 * @refusal: (out) (optional) (transfer full): the JSON body of a refusal
 *
 * Returns: (transfer full): the JSON body of a successful response (a null
 *   node when it had none), or %NULL with @error set
 */
JsonNode *
ir_sync_api_call_finish (IrSyncApi     *self,
                         GAsyncResult  *result,
                         guint         *status,
                         JsonObject   **refusal,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  JsonNode *body;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (status != NULL)
    *status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "status"));
  if (refusal != NULL)
    *refusal = NULL;

  body = g_task_propagate_pointer (task, &local_error);
  if (body != NULL)
    return body;

  if (g_object_get_data (G_OBJECT (task), "status") == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  ir_sync_api_set_refusal (self, data->msg, g_object_get_data (G_OBJECT (task), "refusal"),
                           refusal, error);
  return NULL;
}

/* --- login --------------------------------------------------------------- */

static GBytes *
json_object_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *self = IR_SYNC_API (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (self, result, NULL, NULL, &error);
  JsonObject *object;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  if (ir_sync_get_string (object, "token") == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_FAILED,
                               _("The server at %s sent no token after logging in."), self->url);
      return;
    }

  ir_sync_api_set_token (self, ir_sync_get_string (object, "token"));
  g_task_return_boolean (task, TRUE);
}

/* Logs in as @user; on success the API keeps the token for later calls. */
void
ir_sync_api_login_async (IrSyncApi          *self,
                         const char         *user,
                         const char         *password,
                         const char         *device,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, user);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  if (device != NULL)
    {
      json_builder_set_member_name (builder, "device");
      json_builder_add_string_value (builder, device);
    }
  json_builder_end_object (builder);
  body = json_object_to_bytes (builder);

  ir_sync_api_set_user (self, user);
  ir_sync_api_call_async (self, "POST", "/login", NULL, body, cancellable, login_done_cb, task);
}

gboolean
ir_sync_api_login_finish (IrSyncApi     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- push and pull ------------------------------------------------------- */

static void
push_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *self = IR_SYNC_API (source);
  g_autoptr(GError) error = NULL;
  JsonObject *refusal = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (self, result, NULL, &refusal, &error);
  g_autoptr(IrSyncPushResult) push = NULL;
  JsonObject *object;
  JsonArray *acks;

  if (body == NULL)
    {
      if (refusal != NULL)
        g_object_set_data_full (G_OBJECT (task), "refusal", refusal,
                                (GDestroyNotify) json_object_unref);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  acks = object ? ir_sync_get_array (object, "acks") : NULL;
  if (acks == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_FAILED,
                               _("The server at %s sent no acknowledgements for a push."),
                               self->url);
      return;
    }

  push = g_new0 (IrSyncPushResult, 1);
  push->acks = g_ptr_array_new_full (json_array_get_length (acks), (GDestroyNotify) ir_sync_ack_free);
  push->head = ir_sync_get_int (object, "head", 0);
  push->server_time = ir_sync_get_int (object, "server_time", 0);
  for (guint i = 0; i < json_array_get_length (acks); i++)
    {
      JsonNode *node = json_array_get_element (acks, i);
      JsonArray *item = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      IrSyncAck *ack;

      if (item == NULL || json_array_get_length (item) != 3 ||
          json_node_get_value_type (json_array_get_element (item, 0)) != G_TYPE_STRING)
        continue;

      ack = g_new0 (IrSyncAck, 1);
      ack->id = g_strdup (json_array_get_string_element (item, 0));
      ack->seq = json_node_get_int (json_array_get_element (item, 1));
      ack->received = json_node_get_int (json_array_get_element (item, 2));
      g_ptr_array_add (push->acks, ack);
    }

  g_task_return_pointer (task, g_steal_pointer (&push), (GDestroyNotify) ir_sync_push_result_free);
}

/* Pushes @ops, whole transactions, to @room. */
void
ir_sync_api_push_async (IrSyncApi          *self,
                        const char         *room,
                        GPtrArray          *ops,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = g_strdup_printf ("/rooms/%s/ops", room);
  GString *text = g_string_sized_new (ops->len * 300 + 16);
  g_autoptr(GBytes) body = NULL;

  g_string_append (text, "{\"ops\":");
  ir_sync_append_ops (text, ops);
  g_string_append_c (text, '}');
  body = g_string_free_to_bytes (text);

  ir_sync_api_call_async (self, "POST", path, NULL, body, cancellable, push_done_cb, task);
}

/**
 * ir_sync_api_push_finish:
 * @refusal: (out) (optional) (transfer full): the body of a refusal, which
 *   names the op, the server's time or the missing blobs
 */
IrSyncPushResult *
ir_sync_api_push_finish (IrSyncApi     *self,
                         GAsyncResult  *result,
                         JsonObject   **refusal,
                         GError       **error)
{
  JsonObject *body = g_object_get_data (G_OBJECT (result), "refusal");

  if (refusal != NULL)
    *refusal = body ? json_object_ref (body) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A page is read straight into ops, without the JSON tree a generic call
 * builds: pulls move most of the bytes of a sync. */
static void
pull_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                               &error);
  g_autoptr(JsonObject) rest = NULL;
  g_autoptr(IrSyncPage) page = NULL;
  guint status;

  if (bytes == NULL)
    {
      GError *network = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      ir_sync_api_set_network_error (self, &network, error);
      g_task_return_error (task, network);
      return;
    }

  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_autoptr(JsonNode) body = ir_sync_json_parse (g_bytes_get_data (bytes, NULL),
                                                    g_bytes_get_size (bytes), NULL);
      GError *refusal = NULL;

      ir_sync_api_set_refusal (self, msg, body, NULL, &refusal);
      g_task_return_error (task, refusal);
      return;
    }

  page = g_new0 (IrSyncPage, 1);
  page->ops = ir_sync_read_ops (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                &rest, &error);
  if (page->ops == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_FAILED,
                               _("The server at %s sent an invalid page of operations: %s"),
                               self->url, error->message);
      return;
    }
  page->last = ir_sync_get_int (rest, "last", 0);
  page->head = ir_sync_get_int (rest, "head", 0);
  page->more = ir_sync_get_boolean (rest, "more", FALSE);

  g_task_return_pointer (task, g_steal_pointer (&page), (GDestroyNotify) ir_sync_page_free);
}

/* Pulls the ops of @room after sequence @after, at most about @limit. */
void
ir_sync_api_pull_async (IrSyncApi          *self,
                        const char         *room,
                        gint64              after,
                        guint               limit,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = g_strdup_printf ("/rooms/%s/ops?after=%" G_GINT64_FORMAT "&limit=%u",
                                           room, after, limit);
  SoupMessage *msg = ir_sync_api_new_message (self, "GET", path);

  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    pull_done_cb, task);
}

IrSyncPage *
ir_sync_api_pull_finish (IrSyncApi     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
