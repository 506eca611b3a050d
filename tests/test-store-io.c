/* test-store-io.c: export, import, rebuild and the tool's room commands
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "ir-test-store-util.h"

static char *
export_to_string (IrStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  g_assert_true (ir_store_export (store, out, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static gboolean
import_from_string (IrStore     *store,
                    const char  *text,
                    guint       *n_new,
                    GError     **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (text), -1, g_free);

  return ir_store_import (store, in, n_new, error);
}

/* A small room with a bit of everything: entities, a delete, a conflict. */
static IrStore *
make_room (void)
{
  IrStore *store = ir_test_store_new ();
  g_autofree char *a = ir_test_create_stakeholder (store, "郑");
  g_autofree char *b = ir_test_create_stakeholder (store, "冯");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autofree char *concern = ir_tx_create (tx, "concern");
  g_autoptr(IrOp) remote = NULL;

  ir_tx_set_string (tx, "concern", concern, "stakeholder", a);
  ir_tx_set_string (tx, "concern", concern, "tag", "价格");
  ir_tx_delete (tx, "stakeholder", b);
  g_assert_true (ir_store_commit (store, tx, &error));

  remote = ir_test_op_new ("peer", 1, "peer", 1, "stakeholder", a, "stance", "\"blocker\"",
                           1, 7, 0);
  g_assert_true (ir_test_apply_one (store, remote, &error));
  g_assert_no_error (error);

  return store;
}

static void
test_io_round_trip (void)
{
  g_autoptr(IrStore) source = make_room ();
  g_autoptr(IrStore) target = NULL;
  g_autofree char *first = export_to_string (source);
  g_autofree char *second = NULL;
  g_autofree char *source_dump = ir_store_dump (source);
  g_autofree char *target_dump = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_before = NULL;
  guint n_new = 0;

  target = ir_store_new_memory (NULL, &error);
  g_assert_no_error (error);
  client_before = g_strdup (ir_store_get_client_id (target));

  g_assert_true (import_from_string (target, first, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 10);
  g_assert_cmpstr (ir_store_get_room_id (target), ==, TEST_ROOM);

  /* The importing store takes a client id of its own. */
  g_assert_cmpstr (ir_store_get_client_id (target), !=, client_before);
  g_assert_cmpstr (ir_store_get_client_id (target), !=, ir_store_get_client_id (source));

  second = export_to_string (target);
  g_assert_cmpstr (first, ==, second);

  target_dump = ir_store_dump (target);
  g_assert_cmpstr (source_dump, ==, target_dump);

  /* Importing the same file again changes nothing. */
  g_assert_true (import_from_string (target, first, &n_new, &error));
  g_assert_cmpuint (n_new, ==, 0);
  {
    g_autofree char *again = ir_store_dump (target);

    g_assert_cmpstr (again, ==, target_dump);
  }
}

/* A local-only room's members are written by its own user, who acts as the
 * room's server; importing such a room a second time must still change
 * nothing rather than judge the old ops by the memberships they built. */
static void
test_io_reimport_with_members (void)
{
  g_autoptr(IrStore) source = ir_test_store_new ();
  g_autoptr(IrStore) target = ir_store_new_memory (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *member = NULL;
  guint n_new = 0;

  ir_store_set_actor (source, "wang", IR_ROLES_ANY);
  {
    g_autoptr(IrTx) tx = ir_store_begin (source);

    member = ir_tx_create (tx, "member");
    ir_tx_set_string (tx, "member", member, "user", "wang");
    ir_tx_set_string (tx, "member", member, "role", "AR");
    g_assert_true (ir_store_commit (source, tx, &error));
    g_assert_no_error (error);
  }
  g_free (ir_test_create_stakeholder (source, "王"));
  text = export_to_string (source);

  g_assert_true (import_from_string (target, text, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 5);

  g_assert_true (import_from_string (target, text, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
}

static void
test_io_damaged_export (void)
{
  g_autoptr(IrStore) source = make_room ();
  g_autofree char *text = export_to_string (source);
  g_autoptr(IrStore) target = ir_test_store_new ();
  g_autofree char *before = ir_store_dump (target);
  g_autoptr(GError) error = NULL;
  char *third_line;

  /* Cut the third line in half. */
  third_line = strchr (strchr (text, '\n') + 1, '\n') + 1;
  third_line[20] = '\n';

  g_assert_false (import_from_string (target, text, NULL, &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  {
    g_autofree char *after = ir_store_dump (target);

    g_assert_cmpstr (before, ==, after);
  }
  g_clear_error (&error);

  g_assert_false (import_from_string (target, "not json\n", NULL, &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_false (import_from_string (target, "", NULL, &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT);
}

static void
test_io_other_room_refused (void)
{
  g_autoptr(IrStore) source = make_room ();
  g_autofree char *text = export_to_string (source);
  g_autoptr(IrStore) target = ir_store_new_memory (NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_set_room_id (target, "0b8e7c55-9f0a-4c53-8f36-2b1d1f0e9a11", &error));
  g_assert_false (import_from_string (target, text, NULL, &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_WRONG_ROOM);
}

static void
test_io_rebuild (void)
{
  g_autoptr(IrStore) store = make_room ();
  g_autofree char *before = ir_store_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_rebuild (store, &error));
  g_assert_no_error (error);
  after = ir_store_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Live objects still read after a rebuild. */
  {
    g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
}

static char *
run_tool (const char * const *args,
          int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("IR_TOOL");

  if (tool == NULL)
    return NULL;

  g_ptr_array_add (argv, (char *) tool);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);

  return g_strconcat (out, err, NULL);
}

static void
test_io_tool (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ironroom-tool-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "room.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *jsonl = g_build_filename (dir, "room.jsonl", NULL);
  g_autofree char *jsonl2 = g_build_filename (dir, "again.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *a = NULL, *b = NULL;
  int status = 0;

  if (g_getenv ("IR_TOOL") == NULL)
    {
      g_test_skip ("IR_TOOL is not set; run through meson test");
      return;
    }

  {
    g_autoptr(IrStore) store = ir_store_open (db, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (ir_store_set_room_id (store, TEST_ROOM, &error));
    g_free (ir_test_create_stakeholder (store, "卫"));
  }

  output = run_tool ((const char *[]) { "export", db, jsonl, NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_free (output);

  output = run_tool ((const char *[]) { "import", jsonl, copy, NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "Imported 3 new operations"));
  g_free (output);

  output = run_tool ((const char *[]) { "export", copy, jsonl2, NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_free (output);

  g_assert_true (g_file_get_contents (jsonl, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (jsonl2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  /* A failed import into a new database leaves no file behind. */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.jsonl", NULL);
    g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);

    g_assert_true (g_file_set_contents (bad, "not an export\n", -1, NULL));
    output = run_tool ((const char *[]) { "import", bad, fresh, NULL }, &status);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (output, "not an Iron Room export"));
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_clear_pointer (&output, g_free);
    g_unlink (bad);
  }

  /* A missing database is a clear error, not a new empty file. */
  output = run_tool ((const char *[]) { "export", "/nonexistent/room.db", jsonl, NULL }, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "not found"));
  g_free (output);

  output = run_tool ((const char *[]) { "frobnicate", NULL }, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (output, "--help"));
  g_clear_pointer (&output, g_free);

  {
    const char *names[] = { db, copy, jsonl, jsonl2 };

    for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *wal = g_strconcat (names[i], "-wal", NULL);
        g_autofree char *shm = g_strconcat (names[i], "-shm", NULL);

        g_unlink (names[i]);
        g_unlink (wal);
        g_unlink (shm);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip", test_io_round_trip);
  g_test_add_func ("/io/reimport-with-members", test_io_reimport_with_members);
  g_test_add_func ("/io/damaged-export", test_io_damaged_export);
  g_test_add_func ("/io/other-room-refused", test_io_other_room_refused);
  g_test_add_func ("/io/rebuild", test_io_rebuild);
  g_test_add_func ("/io/tool", test_io_tool);

  return g_test_run ();
}
