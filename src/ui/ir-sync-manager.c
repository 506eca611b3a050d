/* ir-sync-manager.c: the app's sessions on servers and the sync of its rooms
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is a signed-in client of one server for one user. Its token
 * lives in the keyring (or, without one, in this process) and the password
 * is dropped once the server replied. A room that syncs names its server
 * and user in its store's metadata; opening it looks the session up and
 * gives the window a sync client for it. The rooms' side (listing,
 * downloading and uploading rooms) is in ir-sync-manager-rooms.c.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ir-credentials.h"
#include "ir-sync-manager-private.h"

G_DEFINE_FINAL_TYPE (IrSyncManager, ir_sync_manager, G_TYPE_OBJECT)

/* --- helpers -------------------------------------------------------------- */

static char *
session_key (const char *url,
             const char *user)
{
  return g_strconcat (url, "\n", user, NULL);
}

void
ir_sync_manager_add_session (IrSyncManager *self,
                             IrSyncApi     *api)
{
  g_hash_table_replace (self->sessions,
                        session_key (ir_sync_api_get_url (api), ir_sync_api_get_user (api)),
                        g_object_ref (api));
  g_set_object (&self->last, api);
}

/* Turns a failed request to @url into a message that names what to check. */
static void
set_unreachable_error (GError     **error,
                       const char  *url,
                       GError      *cause)
{
  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK,
                 _("The secure connection to %s failed: %s. If the server uses a "
                   "certificate of its own, install its certificate authority on this "
                   "computer; if it has no TLS, use an address that starts with http://."),
                 url, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK,
                 _("The server name in %s could not be found: %s. Check the address "
                   "for typing errors, and your network connection."),
                 url, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK,
                 _("Nothing answers at %s: the connection was refused. Check the "
                   "address and port, and that ironroom-server runs there."),
                 url);
  else
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK,
                 _("The server at %s cannot be reached: %s. Check the address and "
                   "your network connection, then try again."),
                 url, cause->message);
}

/* Rewrites the refusals of a login into what the user can do about them. */
static void
set_login_error (GError     **error,
                 const char  *url,
                 const char  *user,
                 GError      *cause)
{
  if (g_error_matches (cause, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_CREDENTIALS))
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_CREDENTIALS,
                 _("The password is wrong, or there is no user “%s” on %s. Check both, "
                   "or ask the server’s administrator to reset your password."),
                 user, url);
  else if (g_error_matches (cause, IR_SYNC_ERROR, IR_SYNC_ERROR_RATE_LIMITED))
    g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_RATE_LIMITED,
                 _("Too many failed sign-ins for “%s”. Wait a minute, then try again."),
                 user);
  else
    g_propagate_error (error, g_error_copy (cause));
}

/* --- sign in -------------------------------------------------------------- */

typedef struct
{
  IrSyncApi *api;
  char      *user;
  char      *password;
  gboolean   session_only;
} SignIn;

static void
sign_in_free (SignIn *data)
{
  g_clear_object (&data->api);
  g_free (data->user);
  if (data->password != NULL)
    {
      memset (data->password, 0, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncManager *self = g_task_get_source_object (task);
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!ir_credentials_save_finish (result, &data->session_only, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ir_sync_manager_add_session (self, data->api);
  g_message ("Signed in to %s as %s%s", ir_sync_api_get_url (data->api), data->user,
             data->session_only ? " (no keyring: for this session only)" : "");
  g_task_return_pointer (task, g_object_ref (data->api), g_object_unref);
}

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GError *described = NULL;

  if (!ir_sync_api_login_finish (data->api, result, &error))
    {
      if (g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          set_login_error (&described, ir_sync_api_get_url (data->api), data->user, error);
          g_task_return_error (task, described);
        }
      return;
    }

  ir_credentials_save_async (ir_sync_api_get_url (data->api), data->user,
                             ir_sync_api_get_token (data->api),
                             g_task_get_cancellable (task), saved_cb, task);
  g_steal_pointer (&task);
}

/* Checks that the reply comes from an Iron Room server of our protocol version. */
static gboolean
check_server (IrSyncApi    *api,
              SoupMessage  *msg,
              GBytes       *bytes,
              GError      **error)
{
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object = NULL;
  guint status = soup_message_get_status (msg);
  gint64 version;

  if (g_bytes_get_size (bytes) > 0)
    body = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    object = json_node_get_object (body);

  if (status != 200 || object == NULL ||
      g_strcmp0 (ir_sync_get_string (object, "server"), "ironroom") != 0)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                   _("%s answers, but not as an Iron Room server (HTTP %u). Check the "
                     "address: it is usually the server’s name with its port, such as "
                     "https://sync.example.com:8765."),
                   ir_sync_api_get_url (api), status);
      return FALSE;
    }

  version = ir_sync_get_int (object, "api", 0);
  if (version != IR_SYNC_API_VERSION)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_IMPLEMENTED,
                   _("The server at %s uses version %d of the sync protocol and this app "
                     "version %d. Update the older of the two."),
                   ir_sync_api_get_url (api), (int) version, IR_SYNC_API_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
probed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source),
                                                               result, &error);
  GError *described = NULL;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          set_unreachable_error (&described, ir_sync_api_get_url (data->api), error);
          g_task_return_error (task, described);
        }
      return;
    }

  if (!check_server (data->api, msg, bytes, &described))
    {
      g_task_return_error (task, described);
      return;
    }

  ir_sync_api_login_async (data->api, data->user, data->password, g_get_host_name (),
                           g_task_get_cancellable (task), logged_in_cb, task);
  g_steal_pointer (&task);
}

/**
 * ir_sync_manager_sign_in_async:
 * @url: the server's address as the user typed it; see
 *   ir_sync_manager_normalize_url()
 *
 * Checks that an Iron Room server replies at @url, logs in, and keeps the
 * session's token in the keyring.
 */
void
ir_sync_manager_sign_in_async (IrSyncManager       *self,
                               const char          *url,
                               const char          *user,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *address = ir_sync_manager_normalize_url (url);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *data = g_new0 (SignIn, 1);

  g_task_set_source_tag (task, ir_sync_manager_sign_in_async);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_free);
  data->user = g_strstrip (g_strdup (user ? user : ""));
  data->password = g_strdup (password ? password : "");

  if (address == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST,
                               _("Type the server’s address, such as "
                                 "https://sync.example.com:8765."));
      return;
    }
  if (data->user[0] == '\0')
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST,
                               _("Type your user name on the server."));
      return;
    }

  data->api = ir_sync_api_new (address, &error);
  if (data->api == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  msg = ir_sync_api_new_message (data->api, "GET", "");
  soup_session_send_and_read_async (ir_sync_api_get_session (data->api), msg, G_PRIORITY_DEFAULT,
                                    cancellable, probed_cb, g_steal_pointer (&task));
}

/**
 * ir_sync_manager_sign_in_finish:
 * @session_only: (out) (optional): set when no keyring took the token, so
 *   that the user signs in again after the app quits
 *
 * Returns: (transfer full): the signed-in session, or %NULL with @error set
 *   to a message that names what to check
 */
IrSyncApi *
ir_sync_manager_sign_in_finish (IrSyncManager  *self,
                                GAsyncResult   *result,
                                gboolean       *session_only,
                                GError        **error)
{
  SignIn *data = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (session_only != NULL)
    *session_only = data->session_only;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- rooms' sync clients -------------------------------------------------- */

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncManager *self = g_task_get_source_object (task);
  IrStore *store = g_task_get_task_data (task);
  g_autofree char *url = ir_store_get_meta (store, IR_ROOM_SERVER_URL_KEY);
  g_autofree char *user = ir_store_get_meta (store, IR_ROOM_SERVER_USER_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = ir_credentials_lookup_finish (result, &error);
  g_autoptr(IrSyncApi) api = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (token == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_UNAUTHORIZED,
                               _("You are not signed in to %s as “%s” on this computer. "
                                 "Sign in again to sync this room."), url, user);
      return;
    }

  api = ir_sync_api_new (url, &error);
  if (api == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ir_sync_api_set_user (api, user);
  ir_sync_api_set_token (api, token);
  ir_sync_manager_add_session (self, api);

  g_task_return_pointer (task, ir_sync_client_new (store, api), g_object_unref);
}

/**
 * ir_sync_manager_connect_store_async:
 * @store: an open room that names its server in its metadata
 *
 * Finds the session of the room's server and user, in this process or in
 * the keyring, and makes a sync client of the room with it.
 */
void
ir_sync_manager_connect_store_async (IrSyncManager       *self,
                                     IrStore             *store,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = ir_store_get_meta (store, IR_ROOM_SERVER_URL_KEY);
  g_autofree char *user = ir_store_get_meta (store, IR_ROOM_SERVER_USER_KEY);
  IrSyncApi *api;

  g_task_set_source_tag (task, ir_sync_manager_connect_store_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);

  if (url == NULL || url[0] == '\0' || user == NULL || user[0] == '\0')
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_REQUEST,
                               _("This room lives only on this computer; upload it to a "
                                 "server to share it."));
      return;
    }

  api = ir_sync_manager_lookup_session (self, url, user);
  if (api != NULL)
    {
      g_task_return_pointer (task, ir_sync_client_new (store, api), g_object_unref);
      return;
    }

  ir_credentials_lookup_async (url, user, cancellable, token_found_cb, g_steal_pointer (&task));
}

/**
 * ir_sync_manager_connect_store_finish:
 *
 * Returns: (transfer full): a stopped sync client of the room, or %NULL
 *   with @error set, %IR_SYNC_ERROR_UNAUTHORIZED when the user has to sign
 *   in again
 */
IrSyncClient *
ir_sync_manager_connect_store_finish (IrSyncManager  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Points the store's member id at the member entity of the room's server
 * user, once the server has written it. */
void
ir_sync_manager_adopt_member (IrStore *store)
{
  g_autofree char *user = ir_store_get_meta (store, IR_ROOM_SERVER_USER_KEY);
  g_autofree char *current = ir_store_get_meta (store, IR_ROOM_MEMBER_ID_KEY);
  g_autoptr(IrEntityList) members = NULL;
  guint n;

  if (user == NULL || user[0] == '\0')
    return;

  members = ir_store_list (store, "member");
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) != 0)
        continue;
      if (g_strcmp0 (current, ir_entity_get_id (member)) != 0)
        ir_store_set_meta (store, IR_ROOM_MEMBER_ID_KEY, ir_entity_get_id (member));
      return;
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_sync_manager_finalize (GObject *object)
{
  IrSyncManager *self = IR_SYNC_MANAGER (object);

  g_clear_object (&self->rooms);
  g_clear_object (&self->last);
  g_hash_table_unref (self->sessions);

  G_OBJECT_CLASS (ir_sync_manager_parent_class)->finalize (object);
}

static void
ir_sync_manager_class_init (IrSyncManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_sync_manager_finalize;
}

static void
ir_sync_manager_init (IrSyncManager *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* --- public API ----------------------------------------------------------- */

IrSyncManager *
ir_sync_manager_new (IrRoomDirectory *rooms)
{
  IrSyncManager *self = g_object_new (IR_TYPE_SYNC_MANAGER, NULL);

  self->rooms = g_object_ref (rooms);

  return self;
}

IrRoomDirectory *
ir_sync_manager_get_rooms (IrSyncManager *self)
{
  g_return_val_if_fail (IR_IS_SYNC_MANAGER (self), NULL);

  return self->rooms;
}

/* Returns the session signed in last in this process, or %NULL. */
IrSyncApi *
ir_sync_manager_get_last_session (IrSyncManager *self)
{
  g_return_val_if_fail (IR_IS_SYNC_MANAGER (self), NULL);

  return self->last;
}

/**
 * ir_sync_manager_lookup_session:
 * @url: the server's address, in any form ir_sync_manager_normalize_url()
 *   takes
 *
 * Returns: (transfer none) (nullable): the session of @user on @url that
 *   this process signed in or found in the keyring, or %NULL
 */
IrSyncApi *
ir_sync_manager_lookup_session (IrSyncManager *self,
                                const char    *url,
                                const char    *user)
{
  g_autofree char *address = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (IR_IS_SYNC_MANAGER (self), NULL);

  address = ir_sync_manager_normalize_url (url);
  if (address == NULL || user == NULL)
    return NULL;

  key = session_key (address, user);

  return g_hash_table_lookup (self->sessions, key);
}

/**
 * ir_sync_manager_normalize_url:
 * @text: an address as a person types it: "sync.example.com:8765",
 *   "https://sync.example.com/" or the API's own address
 *
 * Returns: (transfer full) (nullable): the server's base address, with
 *   https:// when @text names no scheme, or %NULL when @text is blank
 */
char *
ir_sync_manager_normalize_url (const char *text)
{
  g_autofree char *url = g_strstrip (g_strdup (text ? text : ""));
  gsize len;

  if (url[0] == '\0')
    return NULL;

  if (strstr (url, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("https://", url, NULL);

      g_free (url);
      url = with_scheme;
    }

  while ((len = strlen (url)) > 0 && url[len - 1] == '/')
    url[len - 1] = '\0';
  if (g_str_has_suffix (url, IR_SYNC_API_PREFIX))
    url[strlen (url) - strlen (IR_SYNC_API_PREFIX)] = '\0';

  return g_steal_pointer (&url);
}

/* Whether a sync error goes away only when the user signs in again. */
gboolean
ir_sync_error_needs_sign_in (IrSyncError code)
{
  return code == IR_SYNC_ERROR_UNAUTHORIZED || code == IR_SYNC_ERROR_INVALID_TOKEN ||
         code == IR_SYNC_ERROR_TOKEN_EXPIRED || code == IR_SYNC_ERROR_TOKEN_REVOKED ||
         code == IR_SYNC_ERROR_INVALID_CREDENTIALS;
}
