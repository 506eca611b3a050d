/* test-sync-server.c: ironroom-server's API: refusals, pushes, pulls, blobs,
 * members and admin commands, against a real server process
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ir-hlc.h"
#include "ir-sync-api-private.h"
#include "ir-test-server.h"

typedef struct
{
  IrTestServer *server;
  IrSyncApi    *ar;        /* "wang", AR of room_a */
  IrSyncApi    *other;     /* "li", AR of room_b only */
  char         *room_a;
  char         *room_b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *extra = data;

  fixture->server = ir_test_server_new ();
  ir_test_server_add_user (fixture->server, "wang");
  ir_test_server_add_user (fixture->server, "li");
  ir_test_server_add_user (fixture->server, "zhao");
  if (extra != NULL)
    {
      g_auto(GStrv) args = g_strsplit (extra, " ", -1);

      ir_test_server_start (fixture->server, args[0], args[1], args[2], args[3], NULL);
    }
  else
    ir_test_server_start (fixture->server, NULL, NULL);

  fixture->ar = ir_test_login (fixture->server, "wang");
  fixture->other = ir_test_login (fixture->server, "li");
  fixture->room_a = ir_test_create_room (fixture->ar, "阀门项目");
  fixture->room_b = ir_test_create_room (fixture->other, "Pump deal");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ar);
  g_clear_object (&fixture->other);
  g_clear_pointer (&fixture->server, ir_test_server_free);
  g_free (fixture->room_a);
  g_free (fixture->room_b);
}

/* --- helpers ------------------------------------------------------------- */

/* Sends a request and checks the refusal: its status, its code and that
 * the message mentions @mention. */
static void
assert_refused (IrSyncApi   *api,
                const char  *method,
                const char  *path,
                const char  *body,
                guint        expected_status,
                IrSyncError  expected_code,
                const char  *mention)
{
  g_autoptr(GError) error = NULL;
  guint status = 0;
  g_autoptr(JsonNode) node = ir_test_call (api, method, path, body, &status, &error);

  g_assert_null (node);
  if (status != expected_status)
    g_test_message ("%s %s: %s", method, path, error ? error->message : "no error");
  g_assert_cmpuint (status, ==, expected_status);
  g_assert_error (error, IR_SYNC_ERROR, (int) expected_code);
  if (mention != NULL && strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

static gint64
room_head (IrSyncApi  *api,
           const char *room)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/rooms/%s", room);
  g_autoptr(JsonNode) node = ir_test_call (api, "GET", path, NULL, NULL, &error);

  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (node), "head");
}

/* A local store of @room whose actor is @user, to write ops to push. */
static IrStore *
local_store (const char *room,
             const char *user,
             guint       roles)
{
  g_autoptr(GError) error = NULL;
  IrStore *store = ir_store_new_memory (NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, room, &error));
  ir_store_set_actor (store, user, roles);

  return store;
}

static char *
ops_body (GPtrArray *ops)
{
  GString *text = g_string_new ("{\"ops\":");

  ir_sync_append_ops (text, ops);
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static IrSyncPushResult *
push_ops (IrSyncApi   *api,
          const char  *room,
          GPtrArray   *ops,
          JsonObject **refusal,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ir_sync_api_push_async (api, room, ops, NULL, got_result_cb, &result);
  ir_test_run_until_task (&result);
  return ir_sync_api_push_finish (api, result, refusal, error);
}

static IrSyncPage *
pull_ops (IrSyncApi  *api,
          const char *room,
          gint64      after,
          guint       limit)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  IrSyncPage *page;

  ir_sync_api_pull_async (api, room, after, limit, NULL, got_result_cb, &result);
  ir_test_run_until_task (&result);
  page = ir_sync_api_pull_finish (api, result, &error);
  g_assert_no_error (error);

  return page;
}

/* --- refusals ------------------------------------------------------------ */

static void
test_refuse_credentials (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) anonymous = ir_sync_api_new (fixture->server->url, &error);
  g_autoptr(IrSyncApi) stranger = ir_sync_api_new (fixture->server->url, &error);
  g_autofree char *path = g_strdup_printf ("/rooms/%s", fixture->room_a);

  assert_refused (anonymous, "POST", "/login", "{\"user\":\"wang\",\"password\":\"wrong password\"}",
                  401, IR_SYNC_ERROR_INVALID_CREDENTIALS, "wang");
  assert_refused (anonymous, "POST", "/login", "{\"user\":\"nobody\",\"password\":\"x1234567\"}",
                  401, IR_SYNC_ERROR_INVALID_CREDENTIALS, "nobody");
  assert_refused (anonymous, "GET", "/rooms", NULL, 401, IR_SYNC_ERROR_UNAUTHORIZED, "token");

  ir_sync_api_set_token (stranger, "not-a-token-the-server-gave");
  assert_refused (stranger, "GET", "/rooms", NULL, 401, IR_SYNC_ERROR_INVALID_TOKEN, "Log in");

  /* Member of room B only: room A is off limits. */
  assert_refused (fixture->other, "GET", path, NULL, 403, IR_SYNC_ERROR_NOT_MEMBER,
                  fixture->room_a);
  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), >, 0);
}

static void
test_refuse_revoked_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IrSyncApi) second = ir_test_login (fixture->server, "wang");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *out = NULL;
  guint status = 0;

  /* Logging out revokes only that session. */
  node = ir_test_call (second, "POST", "/logout", NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 204);
  assert_refused (second, "GET", "/rooms", NULL, 401, IR_SYNC_ERROR_TOKEN_REVOKED, "Log in again");
  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), >, 0);

  /* An admin ends every session of a user. */
  out = ir_test_server_admin (fixture->server, NULL, "token", "revoke", "wang", NULL);
  g_assert_nonnull (strstr (out, "1 sessions"));
  assert_refused (fixture->ar, "GET", "/rooms", NULL, 401, IR_SYNC_ERROR_TOKEN_REVOKED, NULL);
}

static void
test_refuse_expired_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IrSyncApi) api = ir_test_login (fixture->server, "zhao");

  /* The server of this test gives sessions of one second. */
  g_usleep (1200 * 1000);
  assert_refused (api, "GET", "/rooms", NULL, 401, IR_SYNC_ERROR_TOKEN_EXPIRED, "expired");
}

static void
test_refuse_bad_bodies (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *ops_path = g_strdup_printf ("/rooms/%s/ops", fixture->room_a);
  gint64 head = room_head (fixture->ar, fixture->room_a);
  g_autoptr(GString) large = g_string_new ("{\"name\":\"");
  GString *huge = g_string_sized_new (IR_SYNC_MAX_PUSH_BODY + 1024);

  assert_refused (fixture->ar, "POST", ops_path, "{\"ops\": [", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "JSON");
  assert_refused (fixture->ar, "POST", ops_path, "[1, 2]", 400, IR_SYNC_ERROR_INVALID_JSON, NULL);
  assert_refused (fixture->ar, "POST", ops_path, "{\"ops\": 3}", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "ops");
  assert_refused (fixture->ar, "POST", ops_path, "{\"ops\": [{\"id\": \"x\"}]}", 400,
                  IR_SYNC_ERROR_INVALID_OP, "Operation 1 is invalid");
  assert_refused (fixture->ar, "POST", "/rooms", "{\"name\": \"\"}", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "name");
  assert_refused (fixture->ar, "POST", "/rooms", "{\"name\": [\"x\"]}", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "name");
  assert_refused (fixture->ar, "POST", "/login", "{\"user\": 5, \"password\": {}}", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "user");

  /* Over the 64 KiB limit of an ordinary request. */
  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (large, 'x');
  g_string_append (large, "\"}");
  assert_refused (fixture->ar, "POST", "/rooms", large->str, 413, IR_SYNC_ERROR_TOO_LARGE, "limit");

  /* Over the 16 MiB limit of a push. */
  g_string_append (huge, "{\"ops\":[],\"padding\":\"");
  while (huge->len < IR_SYNC_MAX_PUSH_BODY + 16)
    g_string_append (huge, "0123456789abcdef");
  g_string_append (huge, "\"}");
  assert_refused (fixture->ar, "POST", ops_path, huge->str, 413, IR_SYNC_ERROR_TOO_LARGE, "limit");
  g_string_free (huge, TRUE);

  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), ==, head);
}

static void
test_refuse_batch_over_limit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(IrStore) store = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(JsonObject) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = NULL;
  gint64 head = room_head (fixture->ar, fixture->room_a);

  /* The server of this test allows 10 ops per push; this is 12. */
  for (guint i = 0; i < 6; i++)
    g_free (ir_test_stakeholder (store, "王"));
  ops = ir_store_get_unpushed (store, 100);
  g_assert_cmpuint (ops->len, ==, 12);

  result = push_ops (fixture->ar, fixture->room_a, ops, &refusal, &error);
  g_assert_null (result);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_BATCH_TOO_LARGE);
  g_assert_cmpint (json_object_get_int_member (refusal, "limit"), ==, 10);
  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), ==, head);
}

static void
test_refuse_rate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;
  guint refused = 0;

  /* The server of this test allows bursts of 20 requests, 1 a second. */
  for (guint i = 0; i < 30; i++)
    {
      g_clear_pointer (&node, json_node_unref);
      g_clear_error (&error);
      node = ir_test_call (fixture->ar, "GET", "/rooms", NULL, &status, &error);
      if (status == 429)
        {
          g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_RATE_LIMITED);
          refused++;
        }
    }

  g_assert_cmpuint (refused, >=, 5);
}

static void
test_refuse_failed_logins (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) api = ir_sync_api_new (fixture->server->url, &error);

  for (guint i = 0; i < 5; i++)
    assert_refused (api, "POST", "/login", "{\"user\":\"zhao\",\"password\":\"guess guess\"}",
                    401, IR_SYNC_ERROR_INVALID_CREDENTIALS, NULL);

  /* Even the right password waits now. */
  assert_refused (api, "POST", "/login",
                  "{\"user\":\"zhao\",\"password\":\"" IR_TEST_PASSWORD "\"}",
                  429, IR_SYNC_ERROR_RATE_LIMITED, "zhao");
}

/* --- pushes -------------------------------------------------------------- */

static void
test_push_and_pull (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IrStore) store = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
  g_autofree char *eid = ir_test_stakeholder (store, "王建国");
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) first = NULL;
  g_autoptr(IrSyncPushResult) again = NULL;
  g_autoptr(IrSyncPage) page = NULL;
  gint64 head = room_head (fixture->ar, fixture->room_a);

  first = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->acks->len, ==, 2);
  g_assert_cmpint (((IrSyncAck *) first->acks->pdata[0])->seq, ==, head + 1);
  g_assert_cmpint (((IrSyncAck *) first->acks->pdata[1])->seq, ==, head + 2);
  g_assert_cmpint (first->head, ==, head + 2);

  /* The same push again changes nothing and gets the same sequences. */
  again = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((IrSyncAck *) again->acks->pdata[0])->seq, ==, head + 1);
  g_assert_cmpint (again->head, ==, head + 2);

  page = pull_ops (fixture->ar, fixture->room_a, head, 100);
  g_assert_cmpuint (page->ops->len, ==, 2);
  g_assert_cmpstr (((IrOp *) page->ops->pdata[0])->eid, ==, eid);
  g_assert_cmpint (((IrOp *) page->ops->pdata[1])->seq, ==, head + 2);
  g_assert_cmpint (page->last, ==, head + 2);
  g_assert_false (page->more);
}

static void
test_pull_pages_keep_transactions (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(IrStore) store = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = NULL;
  gint64 after = 0;
  guint total = 0;

  /* Stakeholders are transactions of two ops: pages of three must stop
   * before the third op of each page would split a transaction. */
  for (guint i = 0; i < 5; i++)
    g_free (ir_test_stakeholder (store, "某人"));
  ops = ir_store_get_unpushed (store, 100);
  result = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(IrSyncPage) page = pull_ops (fixture->ar, fixture->room_a, after, 3);
      IrOp *last;

      g_assert_cmpuint (page->ops->len, >, 0);
      last = g_ptr_array_index (page->ops, page->ops->len - 1);
      if (page->more)
        {
          g_autoptr(IrSyncPage) next = pull_ops (fixture->ar, fixture->room_a, page->last, 1);

          g_assert_cmpstr (((IrOp *) next->ops->pdata[0])->tx, !=, last->tx);
        }
      total += page->ops->len;
      after = page->last;
      if (!page->more)
        break;
    }

  g_assert_cmpuint (total, ==, room_head (fixture->ar, fixture->room_a));
}

static void
test_push_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IrStore) store = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
  g_autofree char *eid = ir_test_stakeholder (store, "王建国");
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, 100);
  g_autofree char *path = g_strdup_printf ("/rooms/%s/ops", fixture->room_a);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  gint64 head = room_head (fixture->ar, fixture->room_a);
  IrOp *op = g_ptr_array_index (ops, 1);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (eid);

  /* Same id, other content. */
  json_node_set_int (op->value, 5);
  body = ops_body (ops);
  assert_refused (fixture->ar, "POST", path, body, 409, IR_SYNC_ERROR_CLIENT_ID_REUSED,
                  "client id reused");
  json_node_set_int (op->value, 3);

  /* Another author than the one logged in, once the room has a second
   * member and is no longer being uploaded. */
  ir_test_add_member (fixture->ar, fixture->room_a, "li", "SR");
  head = room_head (fixture->ar, fixture->room_a);
  {
    g_autoptr(IrStore) forged = local_store (fixture->room_a, "li", IR_ROLES_ANY);
    g_autofree char *forged_eid = ir_test_stakeholder (forged, "假");
    g_autoptr(GPtrArray) forged_ops = ir_store_get_unpushed (forged, 100);
    g_autoptr(JsonObject) refusal = NULL;
    g_autoptr(IrSyncPushResult) forged_result = push_ops (fixture->ar, fixture->room_a,
                                                          forged_ops, &refusal, &error);

    g_assert_null (forged_result);
    g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_FORBIDDEN_OP);
    g_assert_cmpstr (json_object_get_string_member (refusal, "op"), ==,
                     ((IrOp *) forged_ops->pdata[0])->id);
    g_clear_error (&error);
  }

  /* A clock more than five minutes ahead. */
  {
    g_autoptr(IrStore) ahead = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
    g_autoptr(GPtrArray) ahead_ops = NULL;
    g_autoptr(JsonObject) refusal = NULL;
    g_autoptr(IrSyncPushResult) ahead_result = NULL;
    g_autofree char *ahead_eid = NULL;
    gint64 before = g_get_real_time ();

    ahead_eid = ir_test_stakeholder (ahead, "快");
    ahead_ops = ir_store_get_unpushed (ahead, 100);
    for (guint i = 0; i < ahead_ops->len; i++)
      ((IrOp *) ahead_ops->pdata[i])->hlc += ir_hlc_make (6 * 60 * 1000, 0);

    ahead_result = push_ops (fixture->ar, fixture->room_a, ahead_ops, &refusal, &error);
    g_assert_null (ahead_result);
    g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CLOCK_AHEAD);
    g_assert_cmpint (json_object_get_int_member (refusal, "server_time"), >=, before);
    g_clear_error (&error);
  }

  /* A value the schema does not allow. */
  {
    g_autoptr(IrStore) invalid = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
    g_autofree char *invalid_eid = ir_test_stakeholder (invalid, "错");
    g_autoptr(GPtrArray) invalid_ops = ir_store_get_unpushed (invalid, 100);
    g_autoptr(JsonObject) refusal = NULL;
    g_autoptr(IrSyncPushResult) invalid_result = NULL;

    json_node_set_int (((IrOp *) invalid_ops->pdata[1])->value, 99);
    invalid_result = push_ops (fixture->ar, fixture->room_a, invalid_ops, &refusal, &error);
    g_assert_null (invalid_result);
    g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_OP);
    g_assert_nonnull (strstr (error->message, "influence"));
    g_assert_cmpstr (json_object_get_string_member (refusal, "tx"), ==,
                     ((IrOp *) invalid_ops->pdata[0])->tx);
    g_clear_error (&error);
  }

  /* Only the server writes members. */
  {
    g_autoptr(IrStore) member = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
    g_autoptr(IrTx) tx = ir_store_begin (member);
    g_autofree char *member_eid = ir_tx_create (tx, "member");
    g_autoptr(GPtrArray) member_ops = NULL;
    g_autoptr(IrSyncPushResult) member_result = NULL;

    ir_tx_set_string (tx, "member", member_eid, "user", "wang");
    ir_tx_set_string (tx, "member", member_eid, "role", "AR");
    g_assert_true (ir_store_commit (member, tx, &error));
    member_ops = ir_store_get_unpushed (member, 100);
    member_result = push_ops (fixture->ar, fixture->room_a, member_ops, NULL, &error);
    g_assert_null (member_result);
    g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_FORBIDDEN_OP);
    g_clear_error (&error);
  }

  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), ==, head);
}

static void
test_push_upload_history (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IrStore) local = local_store (fixture->room_a, "desktop-user", IR_ROLES_ANY);
  g_autofree char *eid = ir_test_stakeholder (local, "王建国");
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (local, 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = NULL;
  g_autoptr(IrSyncPage) page = NULL;
  gint64 head = room_head (fixture->ar, fixture->room_a);

  /* The room's only member, its AR, uploads what a local-only room wrote
   * under the desktop's user name: the history keeps its author. */
  result = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->acks->len, ==, 2);

  page = pull_ops (fixture->ar, fixture->room_a, head, 10);
  g_assert_cmpuint (page->ops->len, ==, 2);
  g_assert_cmpstr (((IrOp *) page->ops->pdata[0])->actor, ==, "desktop-user");
  g_assert_cmpstr (((IrOp *) page->ops->pdata[0])->eid, ==, eid);
}

static void
test_push_role_rules (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IrStore) store = local_store (fixture->room_a, "li", IR_ROLES_ANY);
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autofree char *task = ir_tx_create (tx, "task");
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = NULL;
  gint64 head;

  ir_test_add_member (fixture->ar, fixture->room_a, "li", "executive");
  head = room_head (fixture->ar, fixture->room_a);

  /* An executive reads the plan but cannot move its dates. */
  ir_tx_set_string (tx, "task", task, "name", "图纸冻结");
  ir_tx_set_string (tx, "task", task, "start", "2026-03-02");
  g_assert_true (ir_store_commit (store, tx, &error));
  ops = ir_store_get_unpushed (store, 100);

  result = push_ops (fixture->other, fixture->room_a, ops, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_FORBIDDEN_OP);
  g_assert_nonnull (strstr (error->message, "task."));
  g_assert_cmpint (room_head (fixture->ar, fixture->room_a), ==, head);
}

/* --- blobs --------------------------------------------------------------- */

static JsonNode *
put_blob (IrSyncApi   *api,
          const char  *room,
          const char  *sha256,
          GBytes      *content,
          guint       *status,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = g_strdup_printf ("/rooms/%s/blobs/%s", room, sha256);

  ir_sync_api_call_async (api, "PUT", path, "application/octet-stream", content, NULL,
                          got_result_cb, &result);
  ir_test_run_until_task (&result);
  return ir_sync_api_call_finish (api, result, status, NULL, error);
}

static void
test_blobs (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) content = g_bytes_new_static ("%PDF-1.4 drawing", 16);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  g_autofree char *other_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "other", -1);
  g_autofree char *blob_path = g_strdup_printf ("/rooms/%s/blobs/%s", fixture->room_a, sha256);
  g_autofree char *blob_in_b = g_strdup_printf ("/rooms/%s/blobs/%s", fixture->room_b, sha256);
  g_autofree char *dir = ir_test_tmpdir ("ironroom-blob-test");
  g_autofree char *escaped = g_strdup_printf ("/rooms/%s/blobs/..%%2F..%%2Fserver.db",
                                              fixture->room_a);
  g_autofree char *slashed = g_strdup_printf ("/rooms/%s/blobs/abc%%2Fdef", fixture->room_a);
  g_autoptr(IrBlobStore) blobs = ir_blob_store_new (dir);
  g_autoptr(IrStore) store = local_store (fixture->room_a, "wang", IR_ROLES_ANY);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(JsonObject) refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPushResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;

  /* A hash with path characters, and content that does not match. */
  assert_refused (fixture->ar, "PUT", escaped, "x", 400, IR_SYNC_ERROR_INVALID_HASH,
                  "../../server.db");
  assert_refused (fixture->ar, "GET", slashed, NULL, 400, IR_SYNC_ERROR_INVALID_HASH, "abc/def");
  node = put_blob (fixture->ar, fixture->room_a, other_sha, content, &status, &error);
  g_assert_null (node);
  g_assert_cmpuint (status, ==, 400);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_HASH_MISMATCH);
  g_assert_nonnull (strstr (error->message, sha256));
  g_clear_error (&error);
  {
    g_autofree char *stored = g_build_filename (fixture->server->data_dir, "blobs",
                                                NULL);
    g_autoptr(IrBlobStore) server_blobs = ir_blob_store_new (stored);

    g_assert_false (ir_blob_store_contains (server_blobs, other_sha));
    g_assert_false (ir_blob_store_contains (server_blobs, sha256));
  }

  /* An op that names a file the server lacks waits for it. */
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);
    g_autofree char *drawing = ir_tx_create (tx, "drawing");
    g_autofree char *revision = ir_tx_create (tx, "revision");

    ir_tx_set_string (tx, "drawing", drawing, "title", "阀体总图");
    ir_tx_set_string (tx, "revision", revision, "drawing", drawing);
    ir_tx_set_string (tx, "revision", revision, "blob", sha256);
    g_assert_true (ir_store_commit (store, tx, &error));
  }
  ops = ir_store_get_unpushed (store, 100);
  result = push_ops (fixture->ar, fixture->room_a, ops, &refusal, &error);
  g_assert_null (result);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_BLOB_MISSING);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (refusal, "blobs"), 0),
                   ==, sha256);
  g_clear_error (&error);

  g_clear_pointer (&node, json_node_unref);
  node = put_blob (fixture->ar, fixture->room_a, sha256, content, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 201);
  result = push_ops (fixture->ar, fixture->room_a, ops, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  /* Readable by members of the room that names it, and only there. */
  {
    g_autoptr(GAsyncResult) download = NULL;
    g_autoptr(GBytes) loaded = NULL;

    ir_sync_api_download_blob_async (fixture->ar, fixture->room_a, blobs, sha256, NULL,
                                     got_result_cb, &download);
    ir_test_run_until_task (&download);
    g_assert_true (ir_sync_api_download_blob_finish (fixture->ar, download, &error));
    g_assert_no_error (error);
    loaded = ir_blob_store_load (blobs, sha256, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (loaded, content));
  }
  assert_refused (fixture->other, "GET", blob_path, NULL, 403, IR_SYNC_ERROR_NOT_MEMBER, NULL);
  assert_refused (fixture->other, "GET", blob_in_b, NULL, 404, IR_SYNC_ERROR_NOT_FOUND, NULL);

  ir_test_rmdir (dir);
}

static void
test_blob_over_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "big", -1);
  g_autofree char *path = g_strdup_printf ("/rooms/%s/blobs/%s", fixture->room_a, sha256);
  g_autofree char *dir = ir_test_tmpdir ("ironroom-big-test");
  g_autofree char *big_path = g_build_filename (dir, "big", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(SoupMessage) msg = ir_sync_api_new_message (fixture->ar, "PUT", path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;

  /* A sparse file of 201 MB takes no disk space. The size is refused from
   * the headers, and the server discards the body without keeping or
   * writing any of it. */
  {
    FILE *file = fopen (big_path, "w");

    g_assert_nonnull (file);
    g_assert_cmpint (ftruncate (fileno (file), IR_SYNC_MAX_BLOB_SIZE + 1024 * 1024), ==, 0);
    fclose (file);
  }
  stream = g_file_read (big, NULL, &error);
  g_assert_no_error (error);
  soup_message_set_request_body (msg, "application/octet-stream", G_INPUT_STREAM (stream),
                                 IR_SYNC_MAX_BLOB_SIZE + 1024 * 1024);
  ir_sync_api_send_async (fixture->ar, msg, NULL, got_result_cb, &result);
  ir_test_run_until_task (&result);
  node = ir_sync_api_call_finish (fixture->ar, result, &status, NULL, &error);
  g_assert_null (node);
  g_assert_cmpuint (status, ==, 413);
  g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_TOO_LARGE);
  ir_test_rmdir (dir);
}

/* --- members and admin commands ------------------------------------------ */

static void
test_members (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *members = g_strdup_printf ("/rooms/%s/members", fixture->room_a);
  g_autofree char *li = g_strdup_printf ("/rooms/%s/members/li", fixture->room_a);
  g_autofree char *wang = g_strdup_printf ("/rooms/%s/members/wang", fixture->room_a);
  g_autofree char *room_path = g_strdup_printf ("/rooms/%s", fixture->room_a);
  g_autofree char *zhao_path = g_strdup_printf ("/rooms/%s/members/zhao", fixture->room_a);
  g_autoptr(IrSyncApi) zhao = ir_test_login (fixture->server, "zhao");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) removed = NULL;
  JsonArray *items;

  ir_test_add_member (fixture->ar, fixture->room_a, "li", "SR");
  ir_test_add_member (fixture->ar, fixture->room_a, "zhao", "FR");

  /* Only an AR manages members; the room keeps its only AR. */
  assert_refused (fixture->other, "POST", members, "{\"user\":\"zhao\",\"role\":\"AR\"}",
                  403, IR_SYNC_ERROR_FORBIDDEN, "AR");
  assert_refused (fixture->ar, "POST", members, "{\"user\":\"nobody\",\"role\":\"SR\"}",
                  404, IR_SYNC_ERROR_NOT_FOUND, "nobody");
  assert_refused (fixture->ar, "POST", members, "{\"user\":\"li\",\"role\":\"boss\"}",
                  400, IR_SYNC_ERROR_INVALID_JSON, "boss");
  assert_refused (fixture->ar, "DELETE", wang, NULL, 409, IR_SYNC_ERROR_CONFLICT, "only AR");

  node = ir_test_call (fixture->ar, "PATCH", li, "{\"role\":\"FR\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "role"), ==, "FR");

  /* Removal lists what the member still owns and ends their access. */
  {
    g_autoptr(IrStore) store = local_store (fixture->room_a, "zhao", IR_ROLES_ANY);
    g_autoptr(IrTx) tx = ir_store_begin (store);
    g_autofree char *task = ir_tx_create (tx, "task");
    g_autoptr(GPtrArray) ops = NULL;
    g_autoptr(IrSyncPushResult) result = NULL;
    g_autoptr(IrSyncPage) page = pull_ops (zhao, fixture->room_a, 0, 100);
    const char *member_eid = NULL;

    for (guint i = 0; i < page->ops->len; i++)
      {
        IrOp *op = g_ptr_array_index (page->ops, i);

        if (g_str_equal (op->field, "user") && g_strcmp0 (json_node_get_string (op->value), "zhao") == 0)
          member_eid = op->eid;
      }
    g_assert_nonnull (member_eid);
    g_assert_true (ir_store_apply_remote (store, page->ops, &error));

    ir_tx_set_string (tx, "task", task, "name", "首检");
    ir_tx_set_string (tx, "task", task, "owner", member_eid);
    g_assert_true (ir_store_commit (store, tx, &error));
    g_assert_no_error (error);
    ops = ir_store_get_unpushed (store, 100);
    result = push_ops (zhao, fixture->room_a, ops, NULL, &error);
    g_assert_no_error (error);
  }

  removed = ir_test_call (fixture->ar, "DELETE", zhao_path, NULL, NULL, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (removed), "open_items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "title"),
                   ==, "首检");

  /* zhao is in no room now, so every session of theirs ended. */
  assert_refused (zhao, "GET", room_path, NULL, 401, IR_SYNC_ERROR_TOKEN_REVOKED, NULL);
}

static gboolean
member_written (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncPage) page = pull_ops (fixture->ar, fixture->room_a, 0, 1000);

  for (guint i = 0; i < page->ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (page->ops, i);

      if (g_str_equal (op->entity, "member") && g_str_equal (op->field, "user") &&
          g_strcmp0 (json_node_get_string (op->value), "zhao") == 0)
        return TRUE;
    }

  g_usleep (100 * 1000);
  return FALSE;
}

static void
test_admin_while_serving (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *backup = ir_test_tmpdir ("ironroom-backup-test");
  g_autofree char *backup_db = NULL;
  g_autoptr(IrStore) copy = NULL;
  g_autoptr(IrStore) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_dump = NULL;
  g_autofree char *original_dump = NULL;

  /* A member added from the command line reaches the running room. */
  g_free (ir_test_server_admin (fixture->server, NULL, "member", "add", fixture->room_a,
                                "zhao", "observer", NULL));
  g_assert_true (ir_test_wait_until (member_written, fixture, 10000));

  /* A backup taken while the server runs opens as the same room. */
  out = ir_test_server_admin (fixture->server, NULL, "backup", backup, NULL);
  g_assert_nonnull (strstr (out, "2 rooms"));
  backup_db = g_build_filename (backup, "rooms", fixture->room_a, "room.db", NULL);
  copy = ir_store_open (backup_db, NULL, &error);
  g_assert_no_error (error);

  ir_test_server_stop (fixture->server);
  original = ir_test_server_open_room (fixture->server, fixture->room_a);
  copy_dump = ir_store_dump (copy);
  original_dump = ir_store_dump (original);
  g_assert_cmpstr (copy_dump, ==, original_dump);

  ir_test_rmdir (backup);
}

/* --- device keys --------------------------------------------------------- */

static JsonNode *
field_value (IrSyncPage *page,
             const char *eid,
             const char *field)
{
  JsonNode *value = NULL;

  for (guint i = 0; i < page->ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (page->ops, i);

      if (g_str_equal (op->eid, eid) && g_str_equal (op->field, field))
        value = op->value;
    }

  return value;
}

static void
test_device_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *keys = g_strdup_printf ("/rooms/%s/device-keys", fixture->room_a);
  g_autofree char *li = g_strdup_printf ("/rooms/%s/members/li", fixture->room_a);
  g_autoptr(IrSyncApi) li_api = ir_test_login (fixture->server, "li");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) registered = NULL;
  g_autoptr(JsonNode) removed = NULL;
  g_autoptr(IrSyncPage) before = NULL;
  g_autoptr(IrSyncPage) after = NULL;
  const char *eid;
  JsonNode *value;

  ir_test_add_member (fixture->ar, fixture->room_a, "li", "SR");
  assert_refused (li_api, "POST", keys, "{\"public_key\":\"xyz\"}", 400,
                  IR_SYNC_ERROR_INVALID_JSON, "Ed25519");

  registered = ir_test_call (li_api, "POST", keys,
                             "{\"public_key\":\"" "0123456789abcdef0123456789abcdef"
                             "0123456789abcdef0123456789abcdef" "\"}", NULL, &error);
  g_assert_no_error (error);
  eid = json_object_get_string_member (json_node_get_object (registered), "id");

  /* The server wrote the key into the room, valid and not revoked. */
  before = pull_ops (fixture->ar, fixture->room_a, 0, 1000);
  value = field_value (before, eid, "public_key");
  g_assert_nonnull (value);
  g_assert_cmpstr (json_node_get_string (value), ==,
                   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_assert_false (json_node_get_boolean (field_value (before, eid, "revoked")));

  /* Removing li revokes it. */
  removed = ir_test_call (fixture->ar, "DELETE", li, NULL, NULL, &error);
  g_assert_no_error (error);
  after = pull_ops (fixture->ar, fixture->room_a, 0, 1000);
  g_assert_true (json_node_get_boolean (field_value (after, eid, "revoked")));
}

/* --- calendar feed and request logs -------------------------------------- */

static GBytes *
fetch (const char *url,
       guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  return body;
}

static void
test_feed_and_logs (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/rooms/%s/feed", fixture->room_a);
  g_autofree char *log_path = g_build_filename (fixture->server->data_dir, "server.log", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ir_test_call (fixture->ar, "POST", path, NULL, NULL, &error);
  g_autoptr(GBytes) calendar = NULL;
  g_autoptr(GBytes) gone = NULL;
  g_autofree char *log = NULL;
  g_autofree char *wrong = NULL;
  const char *url;
  const char *secret;
  guint status = 0;

  g_assert_no_error (error);
  url = json_object_get_string_member (json_node_get_object (node), "url");
  g_assert_true (g_str_has_prefix (url, fixture->server->url));
  secret = strrchr (url, '/') + 1;

  /* The address alone opens the feed: the room's calendar. */
  calendar = fetch (url, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (calendar, NULL), "BEGIN:VCALENDAR"));

  wrong = g_strdup_printf ("%s/api/v1/feeds/not-a-secret.ics", fixture->server->url);
  gone = fetch (wrong, &status);
  g_assert_cmpuint (status, ==, 404);

  /* A logged request shows who and what, never a password, token or the
   * feed's secret. */
  ir_test_server_stop (fixture->server);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "path=/api/v1/feeds/… status=200"));
  g_assert_nonnull (strstr (log, "path=/api/v1/login status=200"));
  g_assert_nonnull (strstr (log, "user=wang"));
  g_assert_null (strstr (log, secret));
  g_assert_null (strstr (log, IR_TEST_PASSWORD));
  g_assert_null (strstr (log, ir_sync_api_get_token (fixture->ar)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-server/refuse/credentials", Fixture, NULL,
              fixture_set_up, test_refuse_credentials, fixture_tear_down);
  g_test_add ("/sync-server/refuse/revoked-token", Fixture, NULL,
              fixture_set_up, test_refuse_revoked_token, fixture_tear_down);
  g_test_add ("/sync-server/refuse/expired-token", Fixture, "--token-seconds 1 --rate-limit 50",
              fixture_set_up, test_refuse_expired_token, fixture_tear_down);
  g_test_add ("/sync-server/refuse/bad-bodies", Fixture, NULL,
              fixture_set_up, test_refuse_bad_bodies, fixture_tear_down);
  g_test_add ("/sync-server/refuse/batch-over-limit", Fixture, "--max-batch 10 --rate-limit 50",
              fixture_set_up, test_refuse_batch_over_limit, fixture_tear_down);
  g_test_add ("/sync-server/refuse/rate", Fixture, "--rate-limit 1 --burst 20",
              fixture_set_up, test_refuse_rate, fixture_tear_down);
  g_test_add ("/sync-server/refuse/failed-logins", Fixture, NULL,
              fixture_set_up, test_refuse_failed_logins, fixture_tear_down);
  g_test_add ("/sync-server/push/and-pull", Fixture, NULL,
              fixture_set_up, test_push_and_pull, fixture_tear_down);
  g_test_add ("/sync-server/push/pages-keep-transactions", Fixture, NULL,
              fixture_set_up, test_pull_pages_keep_transactions, fixture_tear_down);
  g_test_add ("/sync-server/push/refusals", Fixture, NULL,
              fixture_set_up, test_push_refusals, fixture_tear_down);
  g_test_add ("/sync-server/push/upload-history", Fixture, NULL,
              fixture_set_up, test_push_upload_history, fixture_tear_down);
  g_test_add ("/sync-server/push/role-rules", Fixture, NULL,
              fixture_set_up, test_push_role_rules, fixture_tear_down);
  g_test_add ("/sync-server/blobs/upload-and-read", Fixture, NULL,
              fixture_set_up, test_blobs, fixture_tear_down);
  g_test_add ("/sync-server/blobs/over-limit", Fixture, NULL,
              fixture_set_up, test_blob_over_limit, fixture_tear_down);
  g_test_add ("/sync-server/members/manage", Fixture, NULL,
              fixture_set_up, test_members, fixture_tear_down);
  g_test_add ("/sync-server/members/device-keys", Fixture, NULL,
              fixture_set_up, test_device_keys, fixture_tear_down);
  g_test_add ("/sync-server/feed/and-logs", Fixture, NULL,
              fixture_set_up, test_feed_and_logs, fixture_tear_down);
  g_test_add ("/sync-server/admin/while-serving", Fixture, NULL,
              fixture_set_up, test_admin_while_serving, fixture_tear_down);

  return g_test_run ();
}
