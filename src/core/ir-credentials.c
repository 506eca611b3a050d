/* ir-credentials.c: the keyring entry of a server session
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session token lives in the user's keyring (libsecret, the Secret
 * Service), one entry per server and user, and the password never does.
 * When no keyring responds (no session bus, no Secret Service), the token is
 * kept in this process only, so the user signs in again next time.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "ir-credentials.h"

static const SecretSchema token_schema = {
  "io.github.ironroom.IronRoom.Token", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

G_LOCK_DEFINE_STATIC (session);
static GHashTable *session_tokens;   /* "server\nuser" → token */

/* --- the session-only fallback ------------------------------------------- */

static char *
session_key (const char *server,
             const char *user)
{
  return g_strconcat (server, "\n", user, NULL);
}

static void
session_set (const char *server,
             const char *user,
             const char *token)
{
  G_LOCK (session);
  if (session_tokens == NULL)
    session_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (token != NULL)
    g_hash_table_replace (session_tokens, session_key (server, user), g_strdup (token));
  else
    {
      g_autofree char *key = session_key (server, user);

      g_hash_table_remove (session_tokens, key);
    }
  G_UNLOCK (session);
}

static char *
session_get (const char *server,
             const char *user)
{
  g_autofree char *key = session_key (server, user);
  char *token = NULL;

  G_LOCK (session);
  if (session_tokens != NULL)
    token = g_strdup (g_hash_table_lookup (session_tokens, key));
  G_UNLOCK (session);

  return token;
}

typedef struct
{
  char *server;
  char *user;
  char *token;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->server);
  g_free (entry->user);
  g_free (entry->token);
  g_free (entry);
}

static GTask *
new_task (const char          *server,
          const char          *user,
          const char          *token,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Entry *entry = g_new0 (Entry, 1);

  entry->server = g_strdup (server);
  entry->user = g_strdup (user);
  entry->token = g_strdup (token);
  g_task_set_task_data (task, entry, (GDestroyNotify) entry_free);

  return task;
}

/* --- save ---------------------------------------------------------------- */

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Entry *entry = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    {
      session_set (entry->server, entry->user, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_message ("No keyring to keep the session in (%s); keeping it until Iron Room quits",
             error->message);
  session_set (entry->server, entry->user, entry->token);
  g_object_set_data (G_OBJECT (task), "session-only", GINT_TO_POINTER (TRUE));
  g_task_return_boolean (task, TRUE);
}

/* Saves @token as the session of @user on @server. */
void
ir_credentials_save_async (const char          *server,
                           const char          *user,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = new_task (server, user, token, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf (_("Iron Room: %s on %s"), user, server);

  secret_password_store (&token_schema, SECRET_COLLECTION_DEFAULT, label, token, cancellable,
                         stored_cb, task, "server", server, "user", user, NULL);
}

/**
 * ir_credentials_save_finish:
 * @session_only: (out) (optional): set when no keyring took the token and
 *   it lives in this process only
 */
gboolean
ir_credentials_save_finish (GAsyncResult  *result,
                            gboolean      *session_only,
                            GError       **error)
{
  if (session_only != NULL)
    *session_only = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "session-only"));

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- lookup -------------------------------------------------------------- */

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Entry *entry = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (secret != NULL)
    {
      char *token = g_strdup (secret);

      secret_password_free (secret);
      g_task_return_pointer (task, token, g_free);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, session_get (entry->server, entry->user), g_free);
}

/* Looks up the saved session of @user on @server. */
void
ir_credentials_lookup_async (const char          *server,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = new_task (server, user, NULL, cancellable, callback, user_data);

  secret_password_lookup (&token_schema, cancellable, looked_up_cb, task,
                          "server", server, "user", user, NULL);
}

/**
 * ir_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when none is
 *   saved (and @error unset)
 */
char *
ir_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- clear --------------------------------------------------------------- */

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Forgets the session of @user on @server, after logging out. */
void
ir_credentials_clear_async (const char          *server,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = new_task (server, user, NULL, cancellable, callback, user_data);

  session_set (server, user, NULL);
  secret_password_clear (&token_schema, cancellable, cleared_cb, task,
                         "server", server, "user", user, NULL);
}

gboolean
ir_credentials_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
