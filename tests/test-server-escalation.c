/* test-server-escalation.c: a real ironroom-server escalates a pushed slip
 * by itself and posts the red tier to a group robot on 127.0.0.1
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ir-escalation.h"
#include "ir-plan-model.h"
#include "ir-test-server.h"

#define SECRET "SECf00dfeedc0ffee0123456789abcdef"
#define WAIT_MS 30000

/* --- the group robot ------------------------------------------------------ */

typedef struct
{
  SoupServer *server;
  char       *url;
  guint       n_requests;
  char       *body;
  char       *timestamp;
  char       *sign;
} Robot;

static void
robot_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Robot *robot = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *reply = "{\"errcode\":0,\"errmsg\":\"ok\"}";

  robot->n_requests++;
  g_free (robot->body);
  robot->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_free (robot->timestamp);
  robot->timestamp = g_strdup (query ? g_hash_table_lookup (query, "timestamp") : NULL);
  g_free (robot->sign);
  robot->sign = g_strdup (query ? g_hash_table_lookup (query, "sign") : NULL);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    reply, strlen (reply));
}

static void
robot_start (Robot *robot)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  robot->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (robot->server, "/robot/send", robot_cb, robot, NULL);
  g_assert_true (soup_server_listen_local (robot->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (robot->server);
  robot->url = g_strdup_printf ("http://127.0.0.1:%d/robot/send?access_token=room-robot",
                                g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
robot_stop (Robot *robot)
{
  soup_server_disconnect (robot->server);
  g_clear_object (&robot->server);
  g_free (robot->url);
  g_free (robot->body);
  g_free (robot->timestamp);
  g_free (robot->sign);
}

/* --- helpers -------------------------------------------------------------- */

static guint
count_visible (IrStore    *store,
               const char *entity)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, entity);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gboolean
has_four_members (gpointer data)
{
  return count_visible (data, "member") == 4;
}

static gboolean
has_escalation (gpointer data)
{
  return count_visible (data, "escalation") >= 1;
}

static gboolean
robot_called (gpointer data)
{
  return ((Robot *) data)->n_requests >= 1;
}

static char *
member_of (IrStore    *store,
           const char *user)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0)
        return g_strdup (ir_entity_get_id (member));
    }

  g_assert_not_reached ();
}

/* Writes a plan that starts in ten days, whose factory acceptance is
 * committed nine days before its forecast: red. Returns the milestone. */
static char *
write_late_plan (IrStore    *store,
                 const char *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 10);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *calendar = ir_tx_create (tx, "calendar");
  g_autofree char *work = ir_tx_create (tx, "task");
  g_autofree char *link = ir_tx_create (tx, "dependency");
  g_autoptr(IrSchedule) schedule = NULL;
  char *milestone = ir_tx_create (tx, "task");
  char committed[IR_DAY_STRING_SIZE];

  ir_tx_set_string (tx, "calendar", calendar, "name", "Plant");
  ir_tx_set_int (tx, "calendar", calendar, "weekdays", 0x1f);
  ir_tx_set_string (tx, "calendar", calendar, "project_start", start_text);
  ir_tx_set_string (tx, "task", work, "name", "Castings");
  ir_tx_set_int (tx, "task", work, "duration", 10);
  ir_tx_set_string (tx, "task", work, "owner", owner);
  ir_tx_set_string (tx, "task", milestone, "name", "Factory acceptance");
  ir_tx_set_boolean (tx, "task", milestone, "milestone", TRUE);
  ir_tx_set_string (tx, "task", milestone, "owner", owner);
  ir_tx_set_string (tx, "dependency", link, "successor", milestone);
  ir_tx_set_string (tx, "dependency", link, "predecessor", work);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tx, ir_tx_free);

  schedule = ir_plan_model_load (store, &error);
  g_assert_no_error (error);
  ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);
  ir_day_format (ir_schedule_lookup_task (schedule, milestone)->finish - 9, committed);

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "task", milestone, "committed", committed);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return milestone;
}

static char *
expected_sign (const char *timestamp)
{
  g_autofree char *message = g_strdup_printf ("%s\n%s", timestamp, SECRET);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) SECRET, strlen (SECRET));
  guint8 digest[32];
  gsize length = sizeof digest;

  g_hmac_update (hmac, (const guchar *) message, -1);
  g_hmac_get_digest (hmac, digest, &length);

  return g_base64_encode (digest, length);
}

/* --- test ----------------------------------------------------------------- */

static void
test_server_escalates_push (void)
{
  g_autoptr(IrTestServer) server = ir_test_server_new ();
  g_autoptr(IrSyncApi) ar = NULL;
  g_autoptr(IrTestClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(IrEntity) escalation = NULL;
  g_autoptr(IrEscalationReport) provisional = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *room = NULL;
  g_autofree char *zhao = NULL;
  g_autofree char *chen = NULL;
  g_autofree char *milestone = NULL;
  g_autofree char *sign = NULL;
  const IrEscalationRecord *record;
  Robot robot = { 0 };
  guint n_items = 0;

  robot_start (&robot);
  config = g_strdup_printf ("[webhooks]\nallowed_hosts=127.0.0.1\n\n"
                            "[default]\nkind=dingtalk\nurl=%s\nsecret=" SECRET "\n", robot.url);
  config_path = g_build_filename (server->data_dir, "webhooks.conf", NULL);
  g_assert_true (g_file_set_contents (config_path, config, -1, &error));

  for (guint i = 0; i < 4; i++)
    ir_test_server_add_user (server, (const char *[]) { "wang", "li", "zhao", "chen" }[i]);
  ir_test_server_start (server, "--rate-limit", "1000", NULL);

  ar = ir_test_login (server, "wang");
  room = ir_test_create_room (ar, "阀门项目");
  ir_test_add_member (ar, room, "li", "SR");
  ir_test_add_member (ar, room, "zhao", "FR");
  ir_test_add_member (ar, room, "chen", "executive");

  client = ir_test_client_new (server, "wang", room, IR_ROLE_AR);
  ir_sync_client_start (client->client);
  g_assert_true (ir_test_wait_until (has_four_members, client->store, WAIT_MS));

  zhao = member_of (client->store, "zhao");
  chen = member_of (client->store, "chen");
  milestone = write_late_plan (client->store, zhao);

  /* The server raises the escalation after the push, with every desktop
   * but this one closed, and the client pulls it. */
  g_assert_true (ir_test_wait_until (has_escalation, client->store, WAIT_MS));
  records = ir_escalation_load_records (client->store);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->subject, ==, milestone);
  g_assert_cmpint (record->tier, ==, IR_TIER_RED);
  g_assert_cmpint (record->delay, ==, 9);
  g_assert_cmpint (record->status.state, ==, IR_ESCALATION_NOTIFIED);

  escalation = ir_store_get_entity (client->store, "escalation", record->id);
  g_assert_cmpstr (ir_entity_get_field_actor (escalation, "tier"), ==, "server");

  {
    g_autoptr(IrEntityList) items = ir_store_list_children (client->store, "inbox_item",
                                                            "recipient", chen);

    n_items = g_list_model_get_n_items (G_LIST_MODEL (items));
  }
  g_assert_cmpuint (n_items, ==, 1);

  /* The group robot got one signed message about the milestone. */
  g_assert_true (ir_test_wait_until (robot_called, &robot, WAIT_MS));
  g_assert_cmpuint (robot.n_requests, ==, 1);
  g_assert_nonnull (robot.timestamp);
  sign = expected_sign (robot.timestamp);
  g_assert_cmpstr (robot.sign, ==, sign);
  body = json_from_string (robot.body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (body),
                                                                                          "markdown"),
                                                           "text"),
                            "Factory acceptance"));

  /* The desktop's own view finds nothing more to raise. */
  now = g_date_time_new_now_utc ();
  provisional = ir_escalation_evaluate (client->store, now, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provisional->n_raised, ==, 0);

  ir_sync_client_stop (client->client);
  robot_stop (&robot);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-escalation/escalates-push", test_server_escalates_push);

  return g_test_run ();
}
