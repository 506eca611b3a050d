/* ir-server-auth.c: passwords, logging in and out
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords are hashed with argon2id (libsodium's crypto_pwhash with the
 * "interactive" limits: about 0.1 s and 64 MiB per hash). Checking one
 * takes as long, so it runs in a worker thread while the request waits.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "ir-server-private.h"

#define MAX_FAILED_LOGINS 5
#define FAILED_LOGIN_WINDOW (60 * G_USEC_PER_SEC)
#define MAX_PASSWORD_BYTES 1024

/* --- hashing ------------------------------------------------------------- */

/* Returns the argon2id hash of @password in libsodium's string form, which
 * carries its own salt and parameters. */
char *
ir_server_hash_password (const char  *password,
                         GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INTERNAL,
                   _("Failed to hash the password: out of memory."));
      return NULL;
    }

  return g_strdup (hash);
}

/* A hash to check unknown user names against, so that a wrong name takes
 * as long to refuse as a wrong password. */
static const char *
get_decoy_hash (void)
{
  static gsize decoy;

  if (g_once_init_enter (&decoy))
    {
      g_autofree char *secret = ir_server_new_secret ();

      g_once_init_leave (&decoy, (gsize) ir_server_hash_password (secret, NULL));
    }

  return (const char *) decoy;
}

/* --- failed logins ------------------------------------------------------- */

/* Returns how many seconds @user must wait, 0 when it may try now. */
static gint64
login_wait (IrServer   *self,
            const char *user)
{
  GArray *times = g_hash_table_lookup (self->login_failures, user);
  gint64 now = g_get_monotonic_time ();

  if (times == NULL)
    return 0;

  while (times->len > 0 && now - g_array_index (times, gint64, 0) > FAILED_LOGIN_WINDOW)
    g_array_remove_index (times, 0);

  if (times->len < MAX_FAILED_LOGINS)
    return 0;

  return (g_array_index (times, gint64, 0) + FAILED_LOGIN_WINDOW - now) / G_USEC_PER_SEC + 1;
}

static void
note_failed_login (IrServer   *self,
                   const char *user)
{
  GArray *times = g_hash_table_lookup (self->login_failures, user);
  gint64 now = g_get_monotonic_time ();

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->login_failures, g_strdup (user), times);
    }
  g_array_append_val (times, now);
}

/* --- login --------------------------------------------------------------- */

typedef struct
{
  IrServer          *server;
  SoupServerMessage *msg;
  char              *user;
  char              *device;
  char              *password;
  char              *hash;
  gboolean           disabled;
} Login;

static void
login_free (Login *login)
{
  g_object_unref (login->msg);
  g_free (login->user);
  g_free (login->device);
  if (login->password != NULL)
    sodium_memzero (login->password, strlen (login->password));
  g_free (login->password);
  g_free (login->hash);
  g_free (login);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Login *login = task_data;
  const char *hash = login->hash ? login->hash : get_decoy_hash ();
  gboolean ok = crypto_pwhash_str_verify (hash, login->password, strlen (login->password)) == 0;

  g_task_return_boolean (task, ok && login->hash != NULL && !login->disabled);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Login *login = g_task_get_task_data (G_TASK (result));
  IrServer *self = login->server;
  SoupServerMessage *msg = login->msg;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *token = NULL;
  gint64 expires = 0;

  soup_server_message_unpause (msg);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      note_failed_login (self, login->user);
      g_message ("Failed login for user %s", login->user);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_CREDENTIALS, NULL,
                             _("Wrong user name or password for “%s”."), login->user);
      return;
    }

  token = ir_server_db_add_token (self->db, login->user, login->device,
                                  self->options.token_lifetime, &expires, &error);
  if (token == NULL)
    {
      g_warning ("Failed to save a token for %s: %s", login->user, error->message);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to start a session. Try again later."));
      return;
    }

  g_hash_table_remove (self->login_failures, login->user);
  g_object_set_data_full (G_OBJECT (msg), IR_REQUEST_USER, g_strdup (login->user), g_free);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, login->user);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_int_value (builder, expires);
  json_builder_end_object (builder);
  ir_server_reply_json (msg, SOUP_STATUS_OK, builder);
}

void
ir_server_handle_login (IrServer          *self,
                        SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = ir_server_parse_body (msg, &root);
  const char *user, *password, *device;
  g_autoptr(GTask) task = NULL;
  Login *login;
  gint64 wait;

  if (body == NULL)
    return;

  user = ir_sync_get_string (body, "user");
  password = ir_sync_get_string (body, "password");
  device = ir_sync_get_string (body, "device");
  if (user == NULL || password == NULL || *user == '\0' || strlen (password) > MAX_PASSWORD_BYTES)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_JSON, NULL,
                             _("A login needs “user” and “password” strings."));
      return;
    }

  wait = login_wait (self, user);
  if (wait > 0)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "retry_after", wait);
      ir_server_reply_error (msg, IR_SYNC_ERROR_RATE_LIMITED, g_steal_pointer (&extra),
                             _("Too many failed logins for “%s”. Try again in %d seconds."),
                             user, (int) wait);
      return;
    }

  login = g_new0 (Login, 1);
  login->server = self;
  login->msg = g_object_ref (msg);
  login->user = g_strdup (user);
  login->device = g_strdup (device);
  login->password = g_strdup (password);
  login->hash = ir_server_db_get_password (self->db, user, &login->disabled);

  soup_server_message_pause (msg);
  task = g_task_new (NULL, NULL, verified_cb, NULL);
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);
  g_task_run_in_thread (task, verify_in_thread);
}

void
ir_server_handle_logout (IrServer          *self,
                         SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  ir_server_db_revoke_token (self->db, auth + strlen ("Bearer "));
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}
