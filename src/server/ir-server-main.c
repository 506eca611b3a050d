/* ir-server-main.c: the ironroom-server command line
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <sodium.h>

#include "ir-server-private.h"

static const char summary[] =
  N_("Commands:\n"
     "  serve                       run the sync server\n"
     "  user add NAME               add a user; the password is read from standard input\n"
     "  user passwd NAME            set a new password from standard input\n"
     "  user disable|enable NAME    stop or allow a user's logins\n"
     "  room add NAME [ID]          add a room and print its id\n"
     "  room list                   list the rooms: id, name, last sequence\n"
     "  member add ROOM USER ROLE   add a member (AR, SR, FR, executive, observer)\n"
     "  member remove ROOM USER     remove a member\n"
     "  token revoke USER           end every session of a user\n"
     "  backup OUT_DIR              copy a consistent snapshot of the data folder");

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
serve (const char            *data_dir,
       const IrServerOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  IrServer *server = ir_server_new (data_dir, options, &error);

  if (server == NULL || !ir_server_listen (server, &error))
    {
      g_printerr ("ironroom-server: %s\n", error->message);
      ir_server_free (server);
      return 1;
    }

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  g_message ("Stopping");
  ir_server_free (server);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  IrServerOptions options = {
    .listen = NULL,
    .max_batch = IR_SYNC_MAX_BATCH_OPS,
    .rate = 50,
    .burst = 200,
  };
  int rate = 50;
  int burst = 200;
  int max_batch = IR_SYNC_MAX_BATCH_OPS;
  int token_days = 30;
  int token_seconds = 0;
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("The data folder (default: $IRONROOM_DATA)"), N_("DIR") },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &options.listen,
      N_("serve: the address and port to listen on (default 127.0.0.1:8765; port 0 picks "
         "a free one and prints it)"), N_("ADDRESS:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_cert,
      N_("serve: PEM certificate chain for HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key,
      N_("serve: PEM private key for HTTPS"), N_("FILE") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &options.public_url,
      N_("serve: the address clients use, when behind a reverse proxy"), N_("URL") },
    { "max-batch", 0, 0, G_OPTION_ARG_INT, &max_batch,
      N_("serve: the most operations one push may carry (default 20000)"), N_("N") },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate,
      N_("serve: requests per second allowed per user or address (default 50)"), N_("N") },
    { "burst", 0, 0, G_OPTION_ARG_INT, &burst,
      N_("serve: requests allowed at once above the rate (default 200)"), N_("N") },
    { "token-days", 0, 0, G_OPTION_ARG_INT, &token_days,
      N_("serve: days a login session lasts (default 30)"), N_("DAYS") },
    { "token-seconds", 0, 0, G_OPTION_ARG_INT, &token_seconds,
      N_("serve: seconds a login session lasts, instead of --token-days"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, N_("COMMAND") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sodium_init () < 0)
    {
      g_printerr ("ironroom-server: libsodium failed to initialise\n");
      return 1;
    }

  context = g_option_context_new (_("COMMAND — the Iron Room sync server"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _(summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("ironroom-server: %s\n", error->message);
      return 2;
    }

  if (args == NULL || args[0] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  if (data_dir == NULL && g_getenv ("IRONROOM_DATA") != NULL)
    data_dir = g_strdup (g_getenv ("IRONROOM_DATA"));
  if (data_dir == NULL)
    {
      g_printerr (_("ironroom-server: name the data folder with --data DIR or IRONROOM_DATA\n"));
      return 2;
    }

  if (rate < 1 || burst < 1 || max_batch < 1 || token_days < 1 || token_seconds < 0)
    {
      g_printerr (_("ironroom-server: --rate-limit, --burst, --max-batch and --token-days "
                    "must be positive\n"));
      return 2;
    }

  if (g_str_equal (args[0], "serve"))
    {
      options.rate = rate;
      options.burst = burst;
      options.max_batch = max_batch;
      options.token_lifetime = token_seconds > 0
                               ? (gint64) token_seconds * G_USEC_PER_SEC
                               : (gint64) token_days * 24 * 3600 * G_USEC_PER_SEC;
      if (options.listen == NULL)
        options.listen = g_strdup ("127.0.0.1:8765");
      return serve (data_dir, &options);
    }

  if (ir_server_admin_run (data_dir, args, &error) != 0)
    {
      g_printerr ("ironroom-server: %s\n", error->message);
      return 1;
    }

  return 0;
}
