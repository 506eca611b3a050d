/* bench-sync.c: sync speed against a real ironroom-server process
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints three figures against the targets:
 * - 10,000 single-field edits pushed by one client until two others have
 *   applied them all, each receiver in a thread of its own as on another
 *   desktop (median of 7 runs; target 0.5 s);
 * - one edit fanned out to 199 other WebSocket clients of the room, all
 *   on this process's one main loop: p50 and p99 of arrival over 50 edits,
 *   median of 7 such runs, target p99 22 ms;
 * - the server's resident memory after both (target 35 MB).
 * The receivers of the fan-out are plain WebSockets that parse each
 * message; they do not apply it to a store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ir-test-server.h"

#define N_EDITS 10000
#define N_RUNS 7
#define N_RECEIVERS 199
#define N_FANOUTS 50
#define TIMEOUT_MS 120000

/* --- helpers ------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) MIN (values->len - 1, p * values->len));
}

static double
server_rss_mb (IrTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status",
                                           g_subprocess_get_identifier (server->process));
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* CPU seconds (user and system) used so far by this process, all threads. */
static double
own_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* CPU seconds used so far by the server process. */
static double
server_cpu (IrTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat",
                                           g_subprocess_get_identifier (server->process));
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return 0;

  /* utime and stime are fields 14 and 15; the split starts at field 3. */
  fields = g_strsplit (end + 2, " ", -1);
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

/* --- 10,000 edits to two other clients ----------------------------------- */

/* A receiving client in a thread of its own, with its own main context, as
 * another desktop would run it. */
typedef struct
{
  const char   *url;
  const char   *user;
  const char   *room;
  char         *dir;
  GThread      *thread;
  GMainContext *context;
  GMutex        lock;
  gint64        seen;       /* under @lock */
  gboolean      quit;       /* under @lock */
  double        cpu;        /* under @lock: CPU seconds of the thread */
} Receiver;

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_sync_api_login_finish (IR_SYNC_API (source), result, &error));
  *(gboolean *) user_data = TRUE;
}

static gpointer
receiver_run (gpointer data)
{
  Receiver *receiver = data;
  g_autofree char *path = g_build_filename (receiver->dir, "room.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrSyncApi) api = NULL;
  g_autoptr(IrSyncClient) client = NULL;
  gboolean logged_in = FALSE;
  gboolean quit = FALSE;

  g_main_context_push_thread_default (receiver->context);

  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, receiver->room, &error));
  api = ir_sync_api_new (receiver->url, &error);
  ir_sync_api_login_async (api, receiver->user, IR_TEST_PASSWORD, "bench", NULL,
                           logged_in_cb, &logged_in);
  while (!logged_in)
    g_main_context_iteration (receiver->context, TRUE);

  client = ir_sync_client_new (store, api);
  ir_sync_client_start (client);
  while (!quit)
    {
      g_main_context_iteration (receiver->context, TRUE);
      struct timespec now;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
      g_mutex_lock (&receiver->lock);
      receiver->seen = ir_store_get_seen_seq (store);
      receiver->cpu = now.tv_sec + now.tv_nsec / 1e9;
      quit = receiver->quit;
      g_mutex_unlock (&receiver->lock);
    }

  ir_sync_client_stop (client);
  g_clear_object (&client);
  g_main_context_pop_thread_default (receiver->context);
  return NULL;
}

static Receiver *
receiver_start (IrTestServer *server,
                const char   *user,
                const char   *room)
{
  Receiver *receiver = g_new0 (Receiver, 1);

  receiver->url = server->url;
  receiver->user = user;
  receiver->room = room;
  receiver->dir = ir_test_tmpdir ("ironroom-bench-receiver");
  receiver->context = g_main_context_new ();
  g_mutex_init (&receiver->lock);
  receiver->thread = g_thread_new (user, receiver_run, receiver);

  return receiver;
}

static gint64
receiver_seen (Receiver *receiver)
{
  gint64 seen;

  g_mutex_lock (&receiver->lock);
  seen = receiver->seen;
  g_mutex_unlock (&receiver->lock);

  return seen;
}

static double
receiver_cpu (Receiver *receiver)
{
  double cpu;

  g_mutex_lock (&receiver->lock);
  cpu = receiver->cpu;
  g_mutex_unlock (&receiver->lock);

  return cpu;
}

static void
receiver_stop (Receiver *receiver)
{
  g_mutex_lock (&receiver->lock);
  receiver->quit = TRUE;
  g_mutex_unlock (&receiver->lock);
  g_main_context_wakeup (receiver->context);
  g_thread_join (receiver->thread);

  ir_test_rmdir (receiver->dir);
  g_free (receiver->dir);
  g_main_context_unref (receiver->context);
  g_mutex_clear (&receiver->lock);
  g_free (receiver);
}

typedef struct
{
  Receiver     **receivers;
  IrTestClient  *sender;
  gint64         head;
} Target;

static gboolean
receivers_done (gpointer data)
{
  Target *target = data;

  for (guint i = 0; i < 2; i++)
    if (receiver_seen (target->receivers[i]) < target->head)
      return FALSE;

  return TRUE;
}

static gboolean
pushed (gpointer data)
{
  Target *target = data;
  IrTestClient *sender = target->sender;

  /* The state first: counting the unpushed ops scans the log. */
  if (ir_sync_client_get_state (sender->client) != IR_SYNC_STATE_UP_TO_DATE ||
      ir_sync_client_get_pending (sender->client) > 0)
    return FALSE;

  target->head = ir_sync_client_get_server_head (sender->client);
  return receivers_done (target);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static double
run_edits (IrTestServer *server,
           IrTestClient *sender,
           Receiver    **receivers,
           GPtrArray    *stakeholders,
           double       *cpu)
{
  Target target = { receivers, sender, G_MAXINT64 };
  guint tick = g_timeout_add (1, tick_cb, NULL);
  gint64 start;
  double seconds;

  /* Edits made offline, then pushed at once. */
  ir_sync_client_stop (sender->client);
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IrTx) tx = ir_store_begin (sender->store);

      ir_tx_set_int (tx, "stakeholder", g_ptr_array_index (stakeholders, i % stakeholders->len),
                     "rank", 1 + g_random_int_range (0, 20));
      g_assert_true (ir_store_commit (sender->store, tx, &error));
    }

  start = g_get_monotonic_time ();
  *cpu = -(own_cpu () + server_cpu (server));
  double server_before = server_cpu (server);
  double receivers_before = receiver_cpu (receivers[0]) + receiver_cpu (receivers[1]);
  ir_sync_client_start (sender->client);
  g_assert_true (ir_test_wait_until (pushed, &target, TIMEOUT_MS));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *cpu += own_cpu () + server_cpu (server);
  if (g_getenv ("IR_BENCH_RUNS") != NULL)
    printf ("  run: %.3f s, CPU %.3f s of which server %.3f s, receivers %.3f s\n", seconds, *cpu,
            server_cpu (server) - server_before,
            receiver_cpu (receivers[0]) + receiver_cpu (receivers[1]) - receivers_before);

  g_source_remove (tick);
  return seconds;
}

static void
bench_edits (IrTestServer *server,
             const char   *room)
{
  g_autoptr(IrTestClient) a = ir_test_client_new (server, "wang", room, IR_ROLES_ANY);
  IrTestClient *all[] = { a };
  Receiver *receivers[2];
  g_autoptr(GPtrArray) stakeholders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  double median;
  guint n_runs = g_getenv ("IR_BENCH_RUNS") ? atoi (g_getenv ("IR_BENCH_RUNS")) : N_RUNS;

  receivers[0] = receiver_start (server, "li", room);
  receivers[1] = receiver_start (server, "zhao", room);
  ir_sync_client_start (a->client);
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (stakeholders, ir_test_stakeholder (a->store, "客户"));
  ir_test_wait_synced (all, 1, TIMEOUT_MS);

  for (guint run = 0; run < n_runs; run++)
    {
      double cpu = 0;
      double seconds = run_edits (server, a, receivers, stakeholders, &cpu);

      g_array_append_val (times, seconds);
      g_array_append_val (cpus, cpu);
    }

  median = percentile (times, 0.5);
  printf ("sync: %d edits from one client applied by two others: %.3f s median of %d "
          "(%.0f ops/s; best %.3f s, worst %.3f s) — target ≤ 0.5 s\n",
          N_EDITS, median, n_runs, N_EDITS / median,
          g_array_index (times, double, 0), g_array_index (times, double, times->len - 1));
  printf ("sync: CPU time of the three clients and the server for those edits: %.3f s "
          "median (a 2-core machine runs them in parallel)\n", percentile (cpus, 0.5));

  ir_sync_client_stop (a->client);
  receiver_stop (receivers[0]);
  receiver_stop (receivers[1]);
}

/* --- one edit to 199 sockets --------------------------------------------- */

typedef struct
{
  GPtrArray *sockets;       /* SoupWebsocketConnection* */
  GArray    *latencies;     /* ms */
  gint64     sent;          /* monotonic µs of the current edit */
  guint      received;
  guint      connecting;
} FanOut;

static void
receiver_message_cb (SoupWebsocketConnection *conn,
                     gint                     type,
                     GBytes                  *message,
                     gpointer                 user_data)
{
  FanOut *fan = user_data;
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (message, NULL), NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  double ms;

  if (fan->sent == 0 || g_strcmp0 (ir_sync_get_string (object, "type"), "ops") != 0)
    return;

  ms = (g_get_monotonic_time () - fan->sent) / 1000.0;
  g_array_append_val (fan->latencies, ms);
  fan->received++;
}

static void
receiver_connected_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  FanOut *fan = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn = soup_session_websocket_connect_finish (SOUP_SESSION (source),
                                                                         result, &error);

  g_assert_no_error (error);
  g_signal_connect (conn, "message", G_CALLBACK (receiver_message_cb), fan);
  g_ptr_array_add (fan->sockets, conn);
  fan->connecting--;
}

static gboolean
all_connected (gpointer data)
{
  return ((FanOut *) data)->connecting == 0;
}

static gboolean
all_received (gpointer data)
{
  return ((FanOut *) data)->received == N_RECEIVERS;
}

static void
bench_fan_out (IrTestServer *server,
               const char   *room)
{
  g_autoptr(IrTestClient) sender = ir_test_client_new (server, "wang", room, IR_ROLES_ANY);
  IrTestClient *all[] = { sender };
  g_autoptr(IrSyncApi) api = ir_test_login (server, "li");
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 1000,
                                                                  "max-conns-per-host", 1000,
                                                                  NULL);
  g_autofree char *path = g_strdup_printf ("/rooms/%s/socket", room);
  g_autofree char *eid = NULL;
  g_autoptr(GArray) p50s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) p99s = g_array_new (FALSE, FALSE, sizeof (double));
  FanOut fan = { 0 };

  fan.sockets = g_ptr_array_new_with_free_func (g_object_unref);
  fan.latencies = g_array_new (FALSE, FALSE, sizeof (double));

  ir_sync_client_start (sender->client);
  eid = ir_test_stakeholder (sender->store, "扇出");
  ir_test_wait_synced (all, 1, TIMEOUT_MS);

  for (guint i = 0; i < N_RECEIVERS; i++)
    {
      g_autoptr(SoupMessage) msg = ir_sync_api_new_message (api, "GET", path);

      fan.connecting++;
      soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                            receiver_connected_cb, &fan);
    }
  g_assert_true (ir_test_wait_until (all_connected, &fan, TIMEOUT_MS));

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_array_set_size (fan.latencies, 0);
      for (guint i = 0; i < N_FANOUTS; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(IrTx) tx = ir_store_begin (sender->store);

          fan.received = 0;
          fan.sent = g_get_monotonic_time ();
          ir_tx_set_int (tx, "stakeholder", eid, "rank", 1 + i % 20);
          g_assert_true (ir_store_commit (sender->store, tx, &error));
          ir_sync_client_sync_now (sender->client);
          g_assert_true (ir_test_wait_until (all_received, &fan, TIMEOUT_MS));
        }

      {
        double p50 = percentile (fan.latencies, 0.5);
        double p99 = percentile (fan.latencies, 0.99);

        g_array_append_val (p50s, p50);
        g_array_append_val (p99s, p99);
      }
    }

  {
    double p50 = percentile (p50s, 0.5);
    double p99 = percentile (p99s, 0.5);

    printf ("sync: one edit fanned out to %d WebSocket clients on one main loop: "
            "p50 %.1f ms, p99 %.1f ms (medians of %d runs of %d edits; p99 of the runs from "
            "%.1f to %.1f ms) — target p99 ≤ 22 ms\n",
            N_RECEIVERS, p50, p99, N_RUNS, N_FANOUTS,
            g_array_index (p99s, double, 0), g_array_index (p99s, double, p99s->len - 1));
  }

  for (guint i = 0; i < fan.sockets->len; i++)
    soup_websocket_connection_close (g_ptr_array_index (fan.sockets, i),
                                     SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  ir_sync_client_stop (sender->client);
  g_ptr_array_unref (fan.sockets);
  g_array_unref (fan.latencies);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  g_autoptr(IrSyncApi) api = NULL;
  g_autofree char *room = NULL;

  ir_test_server_add_user (server, "wang");
  ir_test_server_add_user (server, "li");
  ir_test_server_add_user (server, "zhao");
  ir_test_server_start (server, "--rate-limit", "100000", "--burst", "100000", NULL);

  api = ir_test_login (server, "wang");
  room = ir_test_create_room (api, "基准");
  ir_test_add_member (api, room, "li", "SR");
  ir_test_add_member (api, room, "zhao", "FR");

  bench_edits (server, room);
  if (g_getenv ("IR_BENCH_RUNS") == NULL)
    bench_fan_out (server, room);

  /* Let the closed sockets go before reading the server's memory. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  printf ("sync: server memory after both: %.1f MB RSS — target ≤ 35 MB\n",
          server_rss_mb (server));

  return 0;
}
