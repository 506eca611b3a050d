/* test-credentials.c: session tokens in the keyring, or in the process
 * when there is none
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run twice by meson: inside tests/with-keyring.sh (IR_EXPECT_KEYRING=1),
 * where the token must outlive the process, and with no session bus,
 * where it must stay in the process only. "--lookup SERVER USER" prints
 * what another process finds.
 */
#include <stdio.h>
#include <string.h>

#include "ir-credentials.h"

#define SERVER "https://sync.example.com"

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static char *
lookup (const char *server,
        const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  ir_credentials_lookup_async (server, user, NULL, got_result_cb, &result);
  token = ir_credentials_lookup_finish (wait_result (&result), &error);
  g_assert_no_error (error);

  return token;
}

/* Looks the token up from a new process, which shares only the keyring. */
static char *
lookup_elsewhere (const char *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              self, "--lookup", SERVER, user, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return g_strdup (g_strstrip (out));
}

static void
test_credentials_round_trip (void)
{
  gboolean expect_keyring = g_strcmp0 (g_getenv ("IR_EXPECT_KEYRING"), "1") == 0;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *after_clear = NULL;
  gboolean session_only = TRUE;

  ir_credentials_save_async (SERVER, "wang", "token-of-wang", NULL, got_result_cb, &saved);
  g_assert_true (ir_credentials_save_finish (wait_result (&saved), &session_only, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_only, ==, !expect_keyring);

  /* Found again here, per server and user. */
  token = lookup (SERVER, "wang");
  g_assert_cmpstr (token, ==, "token-of-wang");
  other = lookup (SERVER, "li");
  g_assert_null (other);

  /* Another process finds it only in a keyring. */
  elsewhere = lookup_elsewhere ("wang");
  g_assert_cmpstr (elsewhere, ==, expect_keyring ? "token-of-wang" : "");

  ir_credentials_clear_async (SERVER, "wang", NULL, got_result_cb, &cleared);
  g_assert_true (ir_credentials_clear_finish (wait_result (&cleared), &error));
  g_assert_no_error (error);
  after_clear = lookup (SERVER, "wang");
  g_assert_null (after_clear);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--lookup"))
    {
      g_autofree char *token = lookup (argv[2], argv[3]);

      printf ("%s\n", token ? token : "");
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/credentials/round-trip", test_credentials_round_trip);

  return g_test_run ();
}
