/* test-seal.c: sealed customer confirmations
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "ir-hlc.h"
#include "ir-seal.h"
#include "ir-test-store-util.h"

typedef struct
{
  char        *folder;
  char        *key_path;
  IrStore     *store;
  IrDeviceKey *key;
  char        *member;
  char        *task;
} Fixture;

/* --- helpers -------------------------------------------------------------- */

static char *
add_member (IrStore    *store,
            const char *user,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *eid = ir_tx_create (tx, "member");

  ir_tx_set_string (tx, "member", eid, "user", user);
  ir_tx_set_string (tx, "member", eid, "display_name", user);
  ir_tx_set_string (tx, "member", eid, "role", role);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}

static char *
add_milestone (IrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *eid = ir_tx_create (tx, "task");

  ir_tx_set_string (tx, "task", eid, "name", "First article inspection");
  ir_tx_set_boolean (tx, "task", eid, "milestone", TRUE);
  ir_tx_set_boolean (tx, "task", eid, "key_milestone", TRUE);
  ir_tx_set_string (tx, "task", eid, "start", "2026-03-02");
  ir_tx_set_string (tx, "task", eid, "committed", "2026-03-03");
  ir_tx_set_string (tx, "task", eid, "deliverable", "DN150 PN40 ball valve, body casting");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}

static void
set_task_field (IrStore    *store,
                const char *task,
                const char *field,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);

  if (value != NULL)
    ir_tx_set_string (tx, "task", task, field, value);
  else
    ir_tx_set_null (tx, "task", task, field);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static void
fill_content (IrSealContent *content,
              const char    *task)
{
  content->task = g_strdup (task);
  content->signer_name = g_strdup ("Wang Fang");
  content->signer_company = g_strdup ("Huadong Petrochemical \"East\" Plant");
  content->signer_title = g_strdup ("Head of equipment\tdepartment");
  content->signed_at = G_GINT64_CONSTANT (1772503200000000);
  content->milestone_title = g_strdup ("First article inspection");
  content->deliverable = g_strdup ("DN150 PN40 ball valve, body casting");
  content->committed = g_strdup ("2026-03-03");
  content->signature_blob = g_strdup ("0b4c6f5d2a3e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8");
}

static char *
record (Fixture *fixture)
{
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(GError) error = NULL;
  char *eid;

  fill_content (&content, fixture->task);
  eid = ir_seal_record (fixture->store, fixture->key, &content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (eid);

  return eid;
}

static IrSealStatus *
check (IrStore    *store,
       const char *confirmation)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "confirmation", confirmation);

  g_assert_nonnull (entity);
  return ir_seal_check (store, entity);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean on_disk = GPOINTER_TO_INT (data);

  fixture->folder = g_dir_make_tmp ("ironroom-seal-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->key_path = g_build_filename (fixture->folder, "keys", "device-key", NULL);

  if (on_disk)
    {
      g_autofree char *db = g_build_filename (fixture->folder, "room.db", NULL);

      fixture->store = ir_store_open (db, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ir_store_set_room_id (fixture->store, TEST_ROOM, &error));
      g_assert_no_error (error);
    }
  else
    fixture->store = ir_test_store_new ();

  ir_store_set_actor (fixture->store, "zhao.min", IR_ROLE_FR | IR_ROLE_SERVER);
  fixture->member = add_member (fixture->store, "zhao.min", "FR");
  fixture->task = add_milestone (fixture->store);
  fixture->key = ir_device_key_load (fixture->key_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->key);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ir_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  ir_device_key_free (fixture->key);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->key_path);
  g_free (fixture->member);
  g_free (fixture->task);
}

/* --- canonical form and keys ---------------------------------------------- */

static void
test_seal_canonical_form (void)
{
  g_auto(IrSealContent) content = { 0 };
  g_autofree char *canonical = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonObject *object;

  fill_content (&content, "c0ffee00-0000-4000-8000-000000000001");
  content.room = g_strdup (TEST_ROOM);
  canonical = ir_seal_content_to_canonical (&content);

  g_assert_true (g_str_has_prefix (canonical, "{\"committed\":\"2026-03-03\","));
  g_assert_nonnull (strstr (canonical, "\"signer_company\":\"Huadong Petrochemical \\\"East\\\" Plant\""));
  g_assert_nonnull (strstr (canonical, "\"signer_title\":\"Head of equipment\\tdepartment\""));
  g_assert_nonnull (strstr (canonical, "\"signed_at\":1772503200000000,"));
  g_assert_null (strstr (canonical, "scan_blob"));
  g_assert_null (strstr (canonical, "\": "));
  g_assert_null (strstr (canonical, "\", \""));

  /* It is JSON, and the same content gives the same bytes. */
  parsed = json_from_string (canonical, NULL);
  g_assert_nonnull (parsed);
  object = json_node_get_object (parsed);
  g_assert_cmpstr (json_object_get_string_member (object, "signer_name"), ==, "Wang Fang");
  {
    g_autofree char *again = ir_seal_content_to_canonical (&content);

    g_assert_cmpstr (again, ==, canonical);
  }
}

static void
test_seal_device_key_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ironroom-key-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "sub", "device-key", NULL);
  g_autofree char *public_key = NULL;
  g_autofree char *seal = NULL;
  g_autoptr(IrDeviceKey) key = NULL;
  g_autoptr(IrDeviceKey) again = NULL;
  GStatBuf info;

  key = ir_device_key_load (path, &error);
  g_assert_no_error (error);
  public_key = g_strdup (ir_device_key_get_public_key (key));
  g_assert_cmpuint (strlen (public_key), ==, 64);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* A second load reads the same key, and makes a readable file private. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  again = ir_device_key_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ir_device_key_get_public_key (again), ==, public_key);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  seal = ir_device_key_sign (key, "message");
  g_assert_true (g_str_has_prefix (seal, "ed25519:"));
  g_assert_true (ir_seal_verify_signature (public_key, "message", seal));
  g_assert_false (ir_seal_verify_signature (public_key, "messagf", seal));
  g_assert_false (ir_seal_verify_signature (public_key, "message", "ed25519:AAAA"));
  g_assert_false (ir_seal_verify_signature ("00", "message", seal));

  /* A damaged file is reported, not replaced. */
  g_assert_true (g_file_set_contents (path, "ed25519-seed broken\n", -1, NULL));
  g_assert_null (ir_device_key_load (path, &error));
  g_assert_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY);

  g_remove (path);
  {
    g_autofree char *sub = g_path_get_dirname (path);

    g_rmdir (sub);
  }
  g_rmdir (folder);
}

/* --- checks --------------------------------------------------------------- */

static void
test_seal_valid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *eid = record (fixture);
  g_autoptr(IrSealStatus) status = check (fixture->store, eid);
  g_autoptr(IrSealStatus) by_task = ir_seal_check_task (fixture->store, fixture->task);
  g_autoptr(GPtrArray) room = ir_seal_check_room (fixture->store);
  g_autoptr(IrEntity) entity = ir_store_get_entity (fixture->store, "confirmation", eid);
  g_autofree char *registration = ir_device_key_find_registration (fixture->store,
                                                                   fixture->key);

  g_assert_cmpint (status->state, ==, IR_SEAL_VALID);
  g_assert_null (status->problem);
  g_assert_cmpuint (status->changes->len, ==, 0);
  g_assert_cmpstr (status->signer_name, ==, "Wang Fang");
  g_assert_cmpstr (status->recorded_by, ==, "zhao.min");
  g_assert_false (status->countersigned);

  g_assert_nonnull (by_task);
  g_assert_cmpstr (by_task->confirmation, ==, eid);
  g_assert_cmpuint (room->len, ==, 1);

  /* The room registered this device's key for the recording member. */
  g_assert_nonnull (registration);
  g_assert_cmpstr (ir_entity_get_string (entity, "device_key"), ==, registration);
  g_assert_cmpstr (ir_entity_get_string (entity, "recorded_by"), ==, "zhao.min");
  g_assert_true (g_str_has_prefix (ir_entity_get_string (entity, "seal"), "ed25519:"));
}

static void
test_seal_sets_milestone (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) task = NULL;
  g_autoptr(IrSealStatus) status = NULL;
  g_autofree char *eid = NULL;

  /* The customer confirms another date and deliverable than the plan had. */
  fill_content (&content, fixture->task);
  g_free (content.committed);
  content.committed = g_strdup ("2026-03-10");
  g_free (content.deliverable);
  content.deliverable = g_strdup ("Body casting with material certificate");
  set_task_field (fixture->store, fixture->task, "key_milestone", NULL);

  eid = ir_seal_record (fixture->store, fixture->key, &content, &error);
  g_assert_no_error (error);

  task = ir_store_get_entity (fixture->store, "task", fixture->task);
  g_assert_cmpstr (ir_entity_get_string (task, "committed"), ==, "2026-03-10");
  g_assert_cmpstr (ir_entity_get_string (task, "deliverable"), ==,
                   "Body casting with material certificate");
  g_assert_true (ir_entity_get_boolean (task, "key_milestone"));

  status = check (fixture->store, eid);
  g_assert_cmpint (status->state, ==, IR_SEAL_VALID);

  /* One transaction: one undo takes the confirmation and the dates back. */
  g_assert_true (ir_store_undo (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = ir_store_get_entity (fixture->store, "task", fixture->task);
  g_assert_cmpstr (ir_entity_get_string (task, "committed"), ==, "2026-03-03");
}

static void
test_seal_void_on_sealed_field (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *eid = record (fixture);
  g_autofree char *sentence = NULL;
  IrSealChange *change;

  {
    g_autoptr(IrSealStatus) status = NULL;

    set_task_field (fixture->store, fixture->task, "committed", "2026-03-12");
    status = check (fixture->store, eid);
    g_assert_cmpint (status->state, ==, IR_SEAL_VOID);
    g_assert_cmpuint (status->changes->len, ==, 1);
    change = status->changes->pdata[0];
    g_assert_cmpstr (change->field, ==, "committed");
    g_assert_cmpstr (change->sealed, ==, "2026-03-03");
    g_assert_cmpstr (change->current, ==, "2026-03-12");
    sentence = ir_seal_change_describe (change);
    g_assert_cmpstr (sentence, ==, "committed date moved from 3 Mar to 12 Mar after confirmation");
  }

  {
    g_autoptr(IrSealStatus) status = NULL;

    set_task_field (fixture->store, fixture->task, "committed", "2026-03-03");
    set_task_field (fixture->store, fixture->task, "deliverable", "DN200 PN40 ball valve");
    status = check (fixture->store, eid);
    g_assert_cmpint (status->state, ==, IR_SEAL_VOID);
    g_assert_cmpuint (status->changes->len, ==, 1);
    change = status->changes->pdata[0];
    g_assert_cmpstr (change->field, ==, "deliverable");
  }

  {
    g_autoptr(IrSealStatus) status = NULL;

    set_task_field (fixture->store, fixture->task, "deliverable", NULL);
    set_task_field (fixture->store, fixture->task, "committed", NULL);
    status = check (fixture->store, eid);
    g_assert_cmpint (status->state, ==, IR_SEAL_VOID);
    g_assert_cmpuint (status->changes->len, ==, 2);
  }
}

static void
test_seal_survives_forecast_slip (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *eid = record (fixture);
  g_autoptr(IrSealStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (fixture->store);

  /* The forecast moves and the milestone is renamed: neither is sealed. */
  ir_tx_set_string (tx, "task", fixture->task, "start", "2026-03-20");
  ir_tx_set_string (tx, "task", fixture->task, "name", "FAI at the foundry");
  ir_tx_set_int (tx, "task", fixture->task, "progress", 40);
  g_assert_true (ir_store_commit (fixture->store, tx, &error));
  g_assert_no_error (error);

  status = check (fixture->store, eid);
  g_assert_cmpint (status->state, ==, IR_SEAL_VALID);
}

static void
test_seal_later_supersedes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = record (fixture);
  g_autofree char *second = NULL;
  g_autoptr(IrSealStatus) status = NULL;
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(GError) error = NULL;

  set_task_field (fixture->store, fixture->task, "committed", "2026-03-12");
  fill_content (&content, fixture->task);
  g_free (content.committed);
  content.committed = g_strdup ("2026-03-12");
  second = ir_seal_record (fixture->store, fixture->key, &content, &error);
  g_assert_no_error (error);

  status = ir_seal_check_task (fixture->store, fixture->task);
  g_assert_cmpstr (status->confirmation, ==, second);
  g_assert_cmpint (status->state, ==, IR_SEAL_VALID);
}

static void
test_seal_rejects_missing_parts (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(GError) error = NULL;

  fill_content (&content, fixture->task);
  g_free (content.signer_name);
  content.signer_name = g_strdup ("   ");
  g_assert_null (ir_seal_record (fixture->store, fixture->key, &content, &error));
  g_assert_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_INVALID);
  g_clear_error (&error);

  content.signer_name = g_strdup ("Wang Fang");
  g_free (content.committed);
  content.committed = g_strdup ("2026-02-30");
  g_assert_null (ir_seal_record (fixture->store, fixture->key, &content, &error));
  g_assert_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_INVALID);
}

static void
test_seal_needs_server_registration (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(GError) error = NULL;

  /* In a room with a server this replica may not register keys. */
  ir_store_set_actor (fixture->store, "zhao.min", IR_ROLE_FR);
  fill_content (&content, fixture->task);
  g_assert_null (ir_seal_record (fixture->store, fixture->key, &content, &error));
  g_assert_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_NOT_REGISTERED);
}

static char *
json_string (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return ir_json_to_string (node);
}

/* Sends a confirmation sealed by @key, whatever it claims, as a modified
 * client of another replica could. */
static char *
send_sealed (IrStore       *store,
             IrDeviceKey   *key,
             IrSealContent *content)
{
  static guint64 counter = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autofree char *canonical = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *signed_at = NULL;
  char *eid = ir_uuid_new ();
  gint64 hlc = ir_hlc_make (ir_hlc_wall_ms (), 0);
  guint64 first = counter + 1;
  struct { const char *field; char *value; } fields[] = {
    { "task", json_string (content->task) },
    { "signer_name", json_string (content->signer_name) },
    { "signed_at", NULL },
    { "committed", json_string (content->committed) },
    { "recorded_by", json_string (content->recorded_by) },
    { "device_key", json_string (content->device_key) },
    { "seal", NULL },
  };

  content->room = g_strdup (ir_store_get_room_id (store));
  g_clear_pointer (&content->signer_company, g_free);
  g_clear_pointer (&content->signer_title, g_free);
  g_clear_pointer (&content->milestone_title, g_free);
  g_clear_pointer (&content->deliverable, g_free);
  g_clear_pointer (&content->signature_blob, g_free);
  canonical = ir_seal_content_to_canonical (content);
  seal = ir_device_key_sign (key, canonical);
  fields[2].value = g_strdup_printf ("%" G_GINT64_FORMAT, content->signed_at);
  fields[6].value = json_string (seal);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_ptr_array_add (ops, ir_test_op_new ("li.wei", ++counter, "li.wei", first,
                                            "confirmation", eid, fields[i].field,
                                            fields[i].value, hlc + i, 0, 0));
      g_free (fields[i].value);
    }
  g_assert_true (ir_store_apply_remote (store, ops, &error));
  g_assert_no_error (error);

  return eid;
}

static void
test_seal_other_members_key (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->folder, "other-key", NULL);
  g_autoptr(IrDeviceKey) other = NULL;
  g_autofree char *genuine = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *unregistered = NULL;
  g_auto(IrSealContent) content = { 0 };
  g_auto(IrSealContent) claim = { 0 };
  g_auto(IrSealContent) stray = { 0 };
  g_autoptr(GError) error = NULL;

  other = ir_device_key_load (other_path, &error);
  g_assert_no_error (error);

  /* Li Wei records one on his own device: valid, and recorded by him. */
  g_free (add_member (fixture->store, "li.wei", "SR"));
  ir_store_set_actor (fixture->store, "li.wei", IR_ROLE_SR | IR_ROLE_SERVER);
  fill_content (&content, fixture->task);
  genuine = ir_seal_record (fixture->store, other, &content, &error);
  g_assert_no_error (error);
  ir_store_set_actor (fixture->store, "zhao.min", IR_ROLE_FR | IR_ROLE_SERVER);
  {
    g_autoptr(IrSealStatus) status = check (fixture->store, genuine);

    g_assert_cmpint (status->state, ==, IR_SEAL_VALID);
    g_assert_cmpstr (status->recorded_by, ==, "li.wei");
  }

  /* His key seals a record that claims Zhao Min recorded it. */
  fill_content (&claim, fixture->task);
  claim.recorded_by = g_strdup ("zhao.min");
  claim.device_key = g_strdup (content.device_key);
  forged = send_sealed (fixture->store, other, &claim);
  {
    g_autoptr(IrSealStatus) status = check (fixture->store, forged);

    g_assert_cmpint (status->state, ==, IR_SEAL_UNTRUSTED_KEY);
    g_assert_nonnull (strstr (status->problem, "li.wei"));
  }

  /* A key that the room never registered. */
  fill_content (&stray, fixture->task);
  stray.recorded_by = g_strdup ("zhao.min");
  stray.device_key = g_strdup ("9a8b7c6d-0000-4000-8000-000000000000");
  unregistered = send_sealed (fixture->store, other, &stray);
  {
    g_autoptr(IrSealStatus) status = check (fixture->store, unregistered);

    g_assert_cmpint (status->state, ==, IR_SEAL_UNTRUSTED_KEY);
  }

  g_remove (other_path);
}

static void
test_seal_unsealed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (fixture->store);
  g_autoptr(IrSealStatus) status = NULL;
  g_autofree char *eid = ir_tx_create (tx, "confirmation");

  ir_tx_set_string (tx, "confirmation", eid, "task", fixture->task);
  ir_tx_set_string (tx, "confirmation", eid, "signer_name", "Wang Fang");
  ir_tx_set_string (tx, "confirmation", eid, "committed", "2026-03-03");
  g_assert_true (ir_store_commit (fixture->store, tx, &error));
  g_assert_no_error (error);

  status = check (fixture->store, eid);
  g_assert_cmpint (status->state, ==, IR_SEAL_UNSEALED);
  g_assert_nonnull (status->problem);
}

/* --- tampering ------------------------------------------------------------ */

static void
run_sql (const char *db,
         const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (handle), >, 0);
  sqlite3_close (handle);
}

static void
copy_db (Fixture    *fixture,
         const char *name,
         char      **db_copy)
{
  g_autofree char *db = g_build_filename (fixture->folder, "room.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  *db_copy = g_build_filename (fixture->folder, name, NULL);
  g_assert_true (g_file_get_contents (db, &contents, &length, &error));
  g_assert_true (g_file_set_contents (*db_copy, contents, length, &error));
  g_assert_no_error (error);
}

static void
test_seal_detects_sql_edit (Fixture       *fixture,
                            gconstpointer  data)
{
  /* Each field of the record, and what a hand edit writes into it. */
  static const struct { const char *column; const char *value; } edits[] = {
    { "committed", "'2026-04-01'" },
    { "deliverable", "'DN100 ball valve'" },
    { "signer_name", "'Zhang San'" },
    { "signer_company", "'Other Plant'" },
    { "signer_title", "'Intern'" },
    { "milestone_title", "'Something else'" },
    { "signed_at", "1772503200000001" },
    { "signature_blob", "'" "1111111111111111111111111111111111111111111111111111111111111111" "'" },
    { "recorded_by", "'li.wei'" },
  };
  g_autofree char *eid = record (fixture);
  g_autofree char *db = g_build_filename (fixture->folder, "room.db", NULL);
  g_autoptr(GError) error = NULL;

  /* Everything on disk, then copies of the file are edited. */
  ir_store_close (fixture->store);
  g_clear_object (&fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.db", i);
      g_autofree char *copy = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(IrStore) store = NULL;
      g_autoptr(IrSealStatus) status = NULL;

      copy_db (fixture, name, &copy);
      sql = g_strdup_printf ("UPDATE e_confirmation SET \"%s\" = %s WHERE eid = '%s'",
                             edits[i].column, edits[i].value, eid);
      run_sql (copy, sql);

      store = ir_store_open (copy, NULL, &error);
      g_assert_no_error (error);
      status = check (store, eid);
      g_test_message ("edited %s", edits[i].column);
      g_assert_cmpint (status->state, ==, IR_SEAL_TAMPERED);
      g_assert_nonnull (status->problem);
      ir_store_close (store);
    }

  /* Editing the op log itself and rebuilding the tables from it. */
  {
    g_autofree char *copy = NULL;
    g_autofree char *sql = NULL;
    g_autoptr(IrStore) store = NULL;
    g_autoptr(IrSealStatus) status = NULL;

    copy_db (fixture, "copy-log.db", &copy);
    sql = g_strdup_printf ("UPDATE ops SET value = '\"2026-05-05\"' "
                           "WHERE eid = '%s' AND field = 'committed'", eid);
    run_sql (copy, sql);

    store = ir_store_open (copy, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (ir_store_rebuild (store, &error));
    g_assert_no_error (error);
    status = check (store, eid);
    g_assert_cmpint (status->state, ==, IR_SEAL_TAMPERED);
    ir_store_close (store);
  }

  /* The untouched file still verifies. */
  {
    g_autoptr(IrSealStatus) status = NULL;

    fixture->store = ir_store_open (db, NULL, &error);
    g_assert_no_error (error);
    status = check (fixture->store, eid);
    g_assert_cmpint (status->state, ==, IR_SEAL_VALID);
  }
}

static void
test_seal_detects_crafted_op (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *genuine = record (fixture);
  g_autoptr(IrEntity) entity = ir_store_get_entity (fixture->store, "confirmation", genuine);
  const char *seal = ir_entity_get_string (entity, "seal");
  const char *key = ir_entity_get_string (entity, "device_key");
  const char *forged = "5d0e8a3c-7f1b-4c2d-9e6a-1b2c3d4e5f60";
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(IrSealStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task_json = g_strdup_printf ("\"%s\"", fixture->task);
  g_autofree char *seal_json = g_strdup_printf ("\"%s\"", seal);
  g_autofree char *key_json = g_strdup_printf ("\"%s\"", key);
  gint64 hlc = ir_hlc_make (ir_hlc_wall_ms () + 1000, 0);
  struct { const char *field; const char *value; } fields[] = {
    { "task", task_json },
    { "signer_name", "\"Wang Fang\"" },
    { "signer_company", "\"Huadong Petrochemical \\\"East\\\" Plant\"" },
    { "signer_title", "\"Head of equipment\\tdepartment\"" },
    { "signed_at", "1772503200000000" },
    { "milestone_title", "\"First article inspection\"" },
    { "deliverable", "\"DN150 PN40 ball valve, body casting\"" },
    /* The only difference from the genuine record: a later date. */
    { "committed", "\"2026-06-30\"" },
    { "signature_blob", "\"0b4c6f5d2a3e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8\"" },
    { "recorded_by", "\"zhao.min\"" },
    { "device_key", key_json },
    { "seal", seal_json },
  };

  /* Another replica sends a confirmation with the genuine seal copied onto
   * a record with another committed date. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_ptr_array_add (ops, ir_test_op_new ("mallory", i + 1, "mallory", 1, "confirmation",
                                          forged, fields[i].field, fields[i].value,
                                          hlc + i, 0, 0));
  g_assert_true (ir_store_apply_remote (fixture->store, ops, &error));
  g_assert_no_error (error);

  status = check (fixture->store, forged);
  g_assert_cmpint (status->state, ==, IR_SEAL_TAMPERED);

  /* With the same signing time and a later date, the forged record is the
   * task's current confirmation, so the task shows it as tampered. */
  {
    g_autoptr(IrSealStatus) latest = ir_seal_check_task (fixture->store, fixture->task);

    g_assert_cmpstr (latest->confirmation, ==, forged);
    g_assert_cmpint (latest->state, ==, IR_SEAL_TAMPERED);
  }
}

/* --- sign-off sheet ------------------------------------------------------- */

static void
test_seal_sheet_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("ironroom-sheet-XXXXXX", &error);
  g_autofree char *path = g_build_filename (folder, "sheet.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) page = NULL;
  IrSealSheet sheet = {
    .room_name = "Valve deal",
    .customer = "Huadong Petrochemical",
    .milestone_title = "First article inspection",
    .deliverable = "DN150 PN40 ball valve, body casting",
    .committed = "2026-03-03",
    .forecast = "2026-03-05",
    .prepared_by = "Zhao Min",
    .reference = "c0ffee00-0000-4000-8000-000000000001",
  };
  double width, height;

  g_assert_true (ir_seal_write_sheet (&sheet, path, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), ==, 1);

  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 1);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 1);

  text = poppler_page_get_text (POPPLER_PAGE (page));
  g_assert_nonnull (strstr (text, "Milestone Sign-off Sheet"));
  g_assert_nonnull (strstr (text, "First article inspection"));
  g_assert_nonnull (strstr (text, "DN150 PN40 ball valve"));
  g_assert_nonnull (strstr (text, "3 March 2026"));
  g_assert_nonnull (strstr (text, "c0ffee00-0000-4000-8000-000000000001"));

  g_assert_false (ir_seal_write_sheet (&sheet, "/nonexistent-folder/sheet.pdf", &error));
  g_assert_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_FAILED);

  g_remove (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seal/canonical-form", test_seal_canonical_form);
  g_test_add_func ("/seal/device-key-file", test_seal_device_key_file);
  g_test_add ("/seal/valid", Fixture, NULL,
              fixture_set_up, test_seal_valid, fixture_tear_down);
  g_test_add ("/seal/sets-milestone", Fixture, NULL,
              fixture_set_up, test_seal_sets_milestone, fixture_tear_down);
  g_test_add ("/seal/void-on-sealed-field", Fixture, NULL,
              fixture_set_up, test_seal_void_on_sealed_field, fixture_tear_down);
  g_test_add ("/seal/survives-forecast-slip", Fixture, NULL,
              fixture_set_up, test_seal_survives_forecast_slip, fixture_tear_down);
  g_test_add ("/seal/later-supersedes", Fixture, NULL,
              fixture_set_up, test_seal_later_supersedes, fixture_tear_down);
  g_test_add ("/seal/rejects-missing-parts", Fixture, NULL,
              fixture_set_up, test_seal_rejects_missing_parts, fixture_tear_down);
  g_test_add ("/seal/needs-server-registration", Fixture, NULL,
              fixture_set_up, test_seal_needs_server_registration, fixture_tear_down);
  g_test_add ("/seal/other-members-key", Fixture, NULL,
              fixture_set_up, test_seal_other_members_key, fixture_tear_down);
  g_test_add ("/seal/unsealed", Fixture, NULL,
              fixture_set_up, test_seal_unsealed, fixture_tear_down);
  g_test_add ("/seal/detects-sql-edit", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_seal_detects_sql_edit, fixture_tear_down);
  g_test_add ("/seal/detects-crafted-op", Fixture, NULL,
              fixture_set_up, test_seal_detects_crafted_op, fixture_tear_down);
  g_test_add_func ("/seal/sheet-pdf", test_seal_sheet_pdf);

  return g_test_run ();
}
